"""Everything the kiosk says on its own, per display language (the display language is the speech language).
Phrases without a `{placeholder}` are fixed: `kiosk voice render` renders them ahead as clips
(docs/VOICE.md "Clips"). Chinese and Japanese use the English phrases until they are translated; names on
screen (Accessible.name) are read in the display language."""

from __future__ import annotations

import re

KO: dict[str, str] = {
    "start": "음성 안내를 시작합니다.",
    "start.earphones": "이어폰이 연결되었습니다. 음성 안내를 시작합니다.",
    "stop": "음성 안내를 마칩니다.",
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

TABLES = {"ko": KO, "en": EN}
SPEECH_LANGUAGES = ("ko", "en", "zh", "ja")
_PLACEHOLDER = re.compile(r"\{\w+\}")


def table(language: str) -> dict[str, str]:
    return TABLES.get(language, EN)


def phrase(language: str, key: str, **values: object) -> str:
    return table(language)[key].format(**values)


def fixed_phrases(language: str) -> list[str]:
    """The phrases that never change: rendered ahead as clips."""
    return [text for text in table(language).values() if not _PLACEHOLDER.search(text)]
