"""Everything the kiosk says on its own, per display language (the display language is the speech language).
Phrases without a `{placeholder}` are fixed: `kiosk voice render` renders them ahead as clips
(docs/VOICE.md "Clips"). Korean, English, Chinese (Simplified, as the screens) and Japanese, with the same
keys (tests/voice/test_normalize_cjk.py checks they match); names on screen (Accessible.name) are read in the
display language. Another language falls back to English."""

from __future__ import annotations

import re

KO: dict[str, str] = {
    "start": "음성 안내를 시작합니다.",
    "start.earphones": "이어폰이 연결되었습니다. 음성 안내를 시작합니다.",
    "stop": "음성 안내를 마칩니다.",
    "start.fallback": "이 화면의 언어로 말하는 음성이 없어 한국어로 안내합니다.",
    "note.fallback": "한국어 음성",
    "help": "화살표 키로 이동하고 확인 키로 선택합니다. 다시 듣기, 빠르기, 음량 키가 있습니다.",
    "screen.attract": "주문을 시작하려면 확인 키를 누르거나 화면을 터치하세요.",
    "screen.order_type": "매장에서 드실지, 포장하실지 선택하세요.",
    "screen.menu": "메뉴 화면입니다. 화살표 키로 메뉴를 고르고 확인 키를 누르세요.",
    "screen.options": "{item}, {price}. 옵션을 선택하고 담기를 누르세요.",
    "screen.cart": "장바구니입니다. {count}개, 합계 {total}입니다. 결제하려면 결제하기를 누르세요.",
    "screen.payment_method": "결제 방법을 선택하세요. 결제하실 금액은 {total}입니다.",
    "screen.paying": "결제를 진행하고 있습니다.",
    "screen.paying.card": "카드를 단말기에 꽂아 주세요. 결제하실 금액은 {total}입니다.",
    "screen.paying.qr": "휴대폰으로 화면의 QR 코드를 찍어 주세요.",
    "screen.paying.barcode": "결제 바코드를 스캐너에 보여 주세요.",
    "screen.payment_failed": "결제가 완료되지 않았습니다. 다시 시도하거나 다른 결제 방법을 선택하세요.",
    "screen.payment_failed.private": (
        "결제가 완료되지 않았습니다. {reason}. 다시 시도하거나 다른 결제 방법을 선택하세요."
    ),
    "screen.result": "결제가 완료되었습니다. 주문 번호는 {number}번입니다.",
    "cart.summary": "장바구니 {count}개, 합계 {total}.",
    "cart.empty": "장바구니가 비어 있습니다.",
    "message.added": "장바구니에 담았습니다. 장바구니 {count}개, 합계 {total}.",
    "message.added.item": "{item}, 장바구니에 담았습니다. 장바구니 {count}개, 합계 {total}.",
    "message.sold_out": "품절된 메뉴입니다.",
    "message.required_missing": "필수 옵션을 선택하세요.",
    "message.max_choices": "더 고를 수 없습니다.",
    "message.cart_empty": "장바구니가 비어 있습니다.",
    "idle_warning": "곧 처음 화면으로 돌아갑니다. 계속하려면 아무 키나 누르세요.",
    "private": "개인 정보는 이어폰을 연결하면 들려 드립니다.",
    "state.button": "버튼",
    "state.checked": "선택됨",
    "state.unchecked": "선택 안 됨",
    "state.disabled": "사용할 수 없음",
    "rate.0": "말 빠르기, 느리게.",
    "rate.1": "말 빠르기, 보통.",
    "rate.2": "말 빠르기, 빠르게.",
    "rate.3": "말 빠르기, 아주 빠르게.",
    "volume.1": "음량 1.",
    "volume.2": "음량 2.",
    "volume.3": "음량 3.",
    "volume.4": "음량 4.",
    "volume.5": "음량 5.",
    "soundcheck": "소리 점검입니다. 이 안내가 들리면 들림을 누르세요.",
}

EN: dict[str, str] = {
    "start": "Voice guidance is on.",
    "start.earphones": "Earphones connected. Voice guidance is on.",
    "stop": "Voice guidance is off.",
    "start.fallback": "There is no voice for this screen's language; guidance is in Korean.",
    "note.fallback": "Korean voice",
    "help": "Use the arrow keys to move and Enter to choose. There are keys to repeat, change speed and volume.",
    "screen.attract": "To start an order, press Enter or touch the screen.",
    "screen.order_type": "Choose eat in or take out.",
    "screen.menu": "Menu. Use the arrow keys to choose an item and press Enter.",
    "screen.options": "{item}, {price}. Choose the options, then Add to cart.",
    "screen.cart": "Your cart: {count} items, total {total}. To pay, press Pay.",
    "screen.payment_method": "Choose how to pay. The amount is {total}.",
    "screen.paying": "Payment in progress.",
    "screen.paying.card": "Insert your card into the card terminal. The amount is {total}.",
    "screen.paying.qr": "Scan the QR code on the screen with your phone.",
    "screen.paying.barcode": "Show your payment barcode to the scanner.",
    "screen.payment_failed": "The payment did not go through. Try again or choose another way to pay.",
    "screen.payment_failed.private": (
        "The payment did not go through: {reason}. Try again or choose another way to pay."
    ),
    "screen.result": "Payment complete. Your order number is {number}.",
    "cart.summary": "Cart: {count} items, total {total}.",
    "cart.empty": "Your cart is empty.",
    "message.added": "Added to your cart. {count} items, total {total}.",
    "message.added.item": "{item}, added to your cart. {count} items, total {total}.",
    "message.sold_out": "This item is sold out.",
    "message.required_missing": "Please choose the required options.",
    "message.max_choices": "You cannot choose more.",
    "message.cart_empty": "Your cart is empty.",
    "idle_warning": "The order will be cancelled soon. Press any key to continue.",
    "private": "Connect earphones to hear personal details.",
    "state.button": "button",
    "state.checked": "selected",
    "state.unchecked": "not selected",
    "state.disabled": "unavailable",
    "rate.0": "Speed: slow.",
    "rate.1": "Speed: normal.",
    "rate.2": "Speed: fast.",
    "rate.3": "Speed: very fast.",
    "volume.1": "Volume 1.",
    "volume.2": "Volume 2.",
    "volume.3": "Volume 3.",
    "volume.4": "Volume 4.",
    "volume.5": "Volume 5.",
    "soundcheck": "Sound check. If you can hear this, press Heard.",
}

ZH: dict[str, str] = {
    "start": "语音导航已开启。",
    "start.earphones": "耳机已连接。语音导航已开启。",
    "stop": "语音导航已关闭。",
    "start.fallback": "没有该语言的语音，将用韩语播报。",
    "note.fallback": "韩语语音",
    "help": "用方向键移动，按确认键选择。另有重听、语速和音量键。",
    "screen.attract": "开始点餐，请按确认键或触摸屏幕。",
    "screen.order_type": "请选择堂食还是外带。",
    "screen.menu": "菜单页面。请用方向键选择菜品，然后按确认键。",
    "screen.options": "{item}，{price}。请选择选项，然后按加入。",
    "screen.cart": "购物车：共{count}件，合计{total}。付款请按去结算。",
    "screen.payment_method": "请选择支付方式。支付金额为{total}。",
    "screen.paying": "正在支付。",
    "screen.paying.card": "请将银行卡插入刷卡机。支付金额为{total}。",
    "screen.paying.qr": "请用手机扫描屏幕上的二维码。",
    "screen.paying.barcode": "请将付款条码对准扫描器。",
    "screen.payment_failed": "支付未完成。请重试，或选择其他支付方式。",
    "screen.payment_failed.private": "支付未完成：{reason}。请重试，或选择其他支付方式。",
    "screen.result": "支付成功。您的订单号是{number}号。",
    "cart.summary": "购物车{count}件，合计{total}。",
    "cart.empty": "购物车是空的。",
    "message.added": "已加入购物车。购物车{count}件，合计{total}。",
    "message.added.item": "{item}，已加入购物车。购物车{count}件，合计{total}。",
    "message.sold_out": "该菜品已售完。",
    "message.required_missing": "请选择必选项。",
    "message.max_choices": "不能再选了。",
    "message.cart_empty": "购物车是空的。",
    "idle_warning": "即将返回首页。如需继续，请按任意键。",
    "private": "个人信息需连接耳机后收听。",
    "state.button": "按钮",
    "state.checked": "已选择",
    "state.unchecked": "未选择",
    "state.disabled": "不可用",
    "rate.0": "语速，慢。",
    "rate.1": "语速，正常。",
    "rate.2": "语速，快。",
    "rate.3": "语速，很快。",
    "volume.1": "音量1。",
    "volume.2": "音量2。",
    "volume.3": "音量3。",
    "volume.4": "音量4。",
    "volume.5": "音量5。",
    "soundcheck": "声音测试。如果能听到这段提示，请按听到了。",
}

JA: dict[str, str] = {
    "start": "音声案内を開始します。",
    "start.earphones": "イヤホンが接続されました。音声案内を開始します。",
    "stop": "音声案内を終了します。",
    "start.fallback": "この言語の音声がないため、韓国語で案内します。",
    "note.fallback": "韓国語音声",
    "help": "矢印キーで移動し、決定キーで選びます。もう一度聞く、速さ、音量のキーがあります。",
    "screen.attract": "注文を始めるには、決定キーを押すか、画面にタッチしてください。",
    "screen.order_type": "店内でお召し上がりか、お持ち帰りかを選んでください。",
    "screen.menu": "メニュー画面です。矢印キーでメニューを選び、決定キーを押してください。",
    "screen.options": "{item}、{price}。オプションを選んで、追加を押してください。",
    "screen.cart": "カートの中身です。{count}点、合計{total}です。お支払いは、注文するを押してください。",
    "screen.payment_method": "お支払い方法を選んでください。お支払い金額は{total}です。",
    "screen.paying": "お支払いの処理中です。",
    "screen.paying.card": "カードを端末に差し込んでください。お支払い金額は{total}です。",
    "screen.paying.qr": "画面のQRコードをスマートフォンで読み取ってください。",
    "screen.paying.barcode": "決済バーコードをスキャナーにかざしてください。",
    "screen.payment_failed": (
        "お支払いが完了しませんでした。もう一度お試しいただくか、別のお支払い方法を選んでください。"
    ),
    "screen.payment_failed.private": (
        "お支払いが完了しませんでした。{reason}。もう一度お試しいただくか、別のお支払い方法を選んでください。"
    ),
    "screen.result": "お支払いが完了しました。注文番号は{number}番です。",
    "cart.summary": "カート{count}点、合計{total}。",
    "cart.empty": "カートは空です。",
    "message.added": "カートに追加しました。カート{count}点、合計{total}。",
    "message.added.item": "{item}を、カートに追加しました。カート{count}点、合計{total}。",
    "message.sold_out": "売り切れのメニューです。",
    "message.required_missing": "必須オプションを選んでください。",
    "message.max_choices": "これ以上は選べません。",
    "message.cart_empty": "カートは空です。",
    "idle_warning": "まもなく最初の画面に戻ります。続けるには、いずれかのキーを押してください。",
    "private": "個人情報は、イヤホンを接続するとお聞きいただけます。",
    "state.button": "ボタン",
    "state.checked": "選択済み",
    "state.unchecked": "未選択",
    "state.disabled": "使用できません",
    "rate.0": "話す速さ、ゆっくり。",
    "rate.1": "話す速さ、普通。",
    "rate.2": "話す速さ、速い。",
    "rate.3": "話す速さ、とても速い。",
    "volume.1": "音量1。",
    "volume.2": "音量2。",
    "volume.3": "音量3。",
    "volume.4": "音量4。",
    "volume.5": "音量5。",
    "soundcheck": "音の確認です。この案内が聞こえたら、聞こえたを押してください。",
}

TABLES = {"ko": KO, "en": EN, "zh": ZH, "ja": JA}
SPEECH_LANGUAGES = ("ko", "en", "zh", "ja")
_PLACEHOLDER = re.compile(r"\{\w+\}")


def table(language: str) -> dict[str, str]:
    return TABLES.get(language, EN)


def phrase(language: str, key: str, **values: object) -> str:
    return table(language)[key].format(**values)


def fixed_phrases(language: str) -> list[str]:
    """The phrases that never change: rendered ahead as clips (not the on-screen notes, "note.…")."""
    return [text for key, text in table(language).items() if not _PLACEHOLDER.search(text) and key[:5] != "note."]
