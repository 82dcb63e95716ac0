"""The voice policy without Qt: a flow driven through the real state machine, a speaker that records what it
was asked to say or stop, and a fake clock."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from kiosk.config import load_settings
from kiosk.domain.catalog import load_catalog
from kiosk.domain.order import OrderType, PaymentMethod
from kiosk.flow import machine as m
from kiosk.flow.state import FlowState
from kiosk.voice.policy import DEFAULT_RATE, DEFAULT_VOLUME, RATE_COUNT, VOLUME_STEPS, Focus, Utterance, VoicePolicy


@dataclass
class Recorder:
    """A Speaker: what was said and when it was stopped, in order."""

    events: list[tuple[str, str]] = field(default_factory=list)

    def say(self, utterance: Utterance) -> None:
        self.events.append(("say", utterance.text))

    def stop(self) -> None:
        self.events.append(("stop", ""))


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        self.t += 0.5
        return self.t


@pytest.fixture
def flow() -> FlowState:
    catalog = load_catalog(load_settings(env={}).catalog_path)
    return FlowState(catalog)


def step(state: FlowState, *events: m.Event) -> FlowState:
    for e in events:
        state, _ = m.transition(state, e)
    return state


def make(state: FlowState) -> tuple[VoicePolicy, Recorder]:
    rec = Recorder()
    policy = VoicePolicy(rec, Clock())
    policy.flow_changed(state)
    return policy, rec


def test_start_says_so_and_where_the_customer_is(flow: FlowState) -> None:
    policy, rec = make(flow)
    assert rec.events == []  # voice is off until asked for
    policy.start("button")
    assert policy.active
    assert rec.events == [("say", "음성 안내를 시작합니다. 주문을 시작하려면 확인 키를 누르거나 화면을 터치하세요.")]
    assert policy.log[0].utterance.kind == "start" and policy.log[0].at == 100.5


def test_screens_focus_and_messages_through_an_order(flow: FlowState) -> None:
    policy, _ = make(flow)
    policy.start("key")
    s = step(flow, m.Start())
    policy.flow_changed(s)
    s = step(s, m.ChooseOrderType(OrderType.TAKE_OUT))
    policy.flow_changed(s)
    policy.focus_changed(Focus("아메리카노 1,500원", button=True))
    s = step(s, m.SelectCategory("dessert"), m.OpenItem("cheesecake"))
    policy.flow_changed(s)
    s = step(s, m.OpenItem("americano"))
    policy.flow_changed(s)
    policy.focus_changed(Focus("아이스", checkable=True, checked=False))
    s = step(s, m.ToggleOption("temp", "iced"), m.ToggleOption("size", "large"), m.AddToCart())
    policy.flow_changed(s)
    s = step(s, m.OpenCart())
    policy.flow_changed(s)
    s = step(s, m.ProceedToPay())
    policy.flow_changed(s)
    s = step(s, m.ChoosePaymentMethod(PaymentMethod.CARD))
    policy.flow_changed(s)
    s = step(s, m.PaymentPrompted(instruction="IC 카드를 끝까지 넣어 주세요"))
    policy.flow_changed(s)
    assert policy.spoken_texts()[-1] == "IC 카드를 끝까지 넣어 주세요"
    s = step(s, m.PaymentApproved(order_number=42))
    policy.flow_changed(s)
    said = policy.spoken_texts()[1:]
    assert said == [
        "매장에서 드실지, 포장하실지 선택하세요.",
        "메뉴 화면입니다. 화살표 키로 메뉴를 고르고 확인 키를 누르세요. 장바구니가 비어 있습니다.",
        "아메리카노 1,500원, 버튼",
        "뉴욕 치즈케이크, 장바구니에 담았습니다. 장바구니 1개, 합계 6,000원.",
        said[4],
        "아이스, 선택 안 됨",
        said[6],
        said[7],
        "결제 방법을 선택하세요. 결제하실 금액은 10,700원입니다.",
        "카드를 단말기에 꽂아 주세요. 결제하실 금액은 10,700원입니다.",
        "IC 카드를 끝까지 넣어 주세요",
        "결제가 완료되었습니다. 주문 번호는 42번입니다.",
    ]
    assert said[4].startswith("아메리카노, ") and said[4].endswith("옵션을 선택하고 담기를 누르세요.")
    assert (
        said[6] == "아메리카노, 장바구니에 담았습니다. 장바구니 2개, 합계 10,700원. " + said[1].split(" 장바구니가")[0]
    )
    assert said[7].startswith("장바구니입니다. 2개, 합계 ")
    spoken = {s.utterance.text: s.utterance.spoken for s in policy.log}
    assert (
        spoken["뉴욕 치즈케이크, 장바구니에 담았습니다. 장바구니 1개, 합계 6,000원."]
        == "뉴욕 치즈케이크, 장바구니에 담았슴니다. 장바구니 한 개, 합계 육천 원."
    )
    assert (
        spoken["결제가 완료되었습니다. 주문 번호는 42번입니다."] == "결제가 왈료되었슴니다. 주문 번호는 사 이 번임니다."
    )  # 완료 is said [왈료]


def test_any_action_interrupts_and_repeat_says_the_last_phrase_again(flow: FlowState) -> None:
    policy, rec = make(flow)
    policy.start("key")
    policy.action()
    assert rec.events[-1] == ("stop", "") and policy.stops
    policy.repeat()
    assert rec.events[-1] == ("say", policy.log[0].utterance.text)
    assert policy.log[-1].utterance.kind == "repeat"
    policy.focus_changed(Focus("포장", button=True))
    policy.repeat()
    assert rec.events[-1] == ("say", "포장, 버튼")


def test_rates_and_volumes_have_their_steps_and_reset_when_the_session_ends(flow: FlowState) -> None:
    policy, rec = make(flow)
    policy.start("key")
    s = step(flow, m.Start())
    policy.flow_changed(s)
    for _ in range(RATE_COUNT + 1):
        policy.faster()
    assert policy.rate == RATE_COUNT - 1 and rec.events[-1] == ("say", "말 빠르기, 아주 빠르게.")
    for _ in range(RATE_COUNT + 1):
        policy.slower()
    assert policy.rate == 0 and rec.events[-1] == ("say", "말 빠르기, 느리게.")
    volumes = []
    for _ in range(VOLUME_STEPS + 1):
        policy.softer()
    for _ in range(VOLUME_STEPS + 1):
        policy.louder()
        volumes.append(policy.log[-1].utterance.volume)
    assert volumes == [2, 3, 4, 5, 5, 5] and RATE_COUNT >= 3 and VOLUME_STEPS == 5
    policy.repeat()
    assert (policy.log[-1].utterance.rate, policy.log[-1].utterance.volume) == (0, 5)
    policy.flow_changed(step(s, m.CancelOrder()))  # the session ends: back to the attract screen
    assert (policy.rate, policy.volume) == (DEFAULT_RATE, DEFAULT_VOLUME)
    assert not policy.active  # no earphones: the next customer starts without voice
    policy.start("key")
    assert (policy.log[-1].utterance.rate, policy.log[-1].utterance.volume) == (DEFAULT_RATE, DEFAULT_VOLUME)


def test_nothing_private_without_earphones(flow: FlowState) -> None:
    policy, rec = make(flow)
    policy.start("key")
    s = step(flow, m.Start(), m.ChooseOrderType(OrderType.DINE_IN), m.OpenItem("cheesecake"), m.OpenCart())
    s = step(s, m.ProceedToPay(), m.ChoosePaymentMethod(PaymentMethod.CARD))
    policy.flow_changed(s)
    declined = step(s, m.PaymentDeclined("잔액이 부족합니다"))
    policy.flow_changed(declined)
    policy.focus_changed(Focus("적립 번호 010-1234-5678"))
    policy.announce("카드 끝자리 1234 5678", private=True)
    said = " ".join(policy.spoken_texts())
    assert "잔액" not in said and "1234" not in said and "5678" not in said
    assert "결제가 완료되지 않았습니다. 다시 시도하거나 다른 결제 방법을 선택하세요." in said
    assert policy.spoken_texts()[-2:] == ["개인 정보는 이어폰을 연결하면 들려 드립니다."] * 2
    assert not any(s.utterance.private for s in policy.log)

    policy.earphones_changed(True)  # earphones in: the reason and the number may be said
    assert rec.events[-1] == ("say", "이어폰이 연결되었습니다. 음성 안내를 시작합니다.")
    policy.flow_changed(s)
    policy.flow_changed(declined)
    assert policy.spoken_texts()[-1] == (
        "결제가 완료되지 않았습니다. 잔액이 부족합니다. 다시 시도하거나 다른 결제 방법을 선택하세요."
    )
    policy.focus_changed(Focus("적립 번호 010-1234-5678"))
    assert policy.log[-1].utterance.private
    assert policy.log[-1].utterance.spoken == "정닙 번호 공일공, 일이삼사, 오육칠팔"  # 적립 is said [정닙]
    policy.earphones_changed(False)  # pulled out mid-phrase: the private phrase stops at once
    assert rec.events[-1] == ("stop", "")
    policy.repeat()
    assert policy.spoken_texts()[-1] == "개인 정보는 이어폰을 연결하면 들려 드립니다."


def test_earphones_start_the_voice_and_keep_it_after_the_session(flow: FlowState) -> None:
    policy, rec = make(flow)
    policy.earphones_changed(True)
    assert policy.active and rec.events == [
        (
            "say",
            "이어폰이 연결되었습니다. 음성 안내를 시작합니다. 주문을 시작하려면 확인 키를 누르거나 화면을 터치하세요.",
        )
    ]
    s = step(flow, m.Start())
    policy.flow_changed(s)
    policy.flow_changed(step(s, m.CancelOrder()))
    assert policy.active  # still plugged in: the voice stays on for the same customer


def test_the_display_language_is_the_speech_language(flow: FlowState) -> None:
    policy, _ = make(flow)
    policy.start("key")
    s = step(flow, m.ChooseLanguage("en"), m.Start())
    policy.flow_changed(s)
    s = step(s, m.ChooseOrderType(OrderType.DINE_IN), m.OpenItem("cheesecake"), m.OpenCart())
    policy.flow_changed(s)
    last = policy.log[-1].utterance
    assert last.language == "en"
    assert last.text == "Your cart: 1 items, total ₩6,000. To pay, press Pay."
    assert last.spoken == "Your cart: 1 items, total 6,000 won. To pay, press Pay."


def test_toggle_turns_voice_off_and_says_so(flow: FlowState) -> None:
    policy, rec = make(flow)
    policy.toggle("button")
    policy.toggle("button")
    assert not policy.active and rec.events[-1] == ("say", "음성 안내를 마칩니다.")
    policy.focus_changed(Focus("포장", button=True))
    policy.action()
    assert rec.events[-1] == ("say", "음성 안내를 마칩니다.")  # off: nothing more is said or stopped


def test_spoken_names_on_focus_on_the_options_screen_and_when_added(flow: FlowState) -> None:
    """A menu card's focus, the options screen and "added" say the item's spoken name (the catalog's
    "유정란 열 개", not the display name "유정란 10구", which would be read "십 구"), as a clip of its own."""
    policy, _ = make(flow)
    policy.start("key")
    s = step(flow, m.Start(), m.ChooseOrderType(OrderType.TAKE_OUT))
    policy.flow_changed(s)
    policy.focus_changed(Focus("유정란 10구, 5,500원", button=True, item_id="eggs"))
    said = policy.log[-1].utterance
    assert said.text == "유정란 열 개, 5,500원, 버튼"
    assert said.parts == ("유정난 열 개", "오천오백 원, 버튼")
    s = step(s, m.OpenItem("eggs"))
    policy.flow_changed(s)
    said = policy.log[-1].utterance
    assert said.text == "유정란 열 개, 장바구니에 담았습니다. 장바구니 1개, 합계 5,500원."
    assert said.parts[0] == "유정난 열 개" and said.pieces() == said.parts
    s = step(s, m.OpenItem("americano"))
    policy.flow_changed(s)
    said = policy.log[-1].utterance
    assert said.text.startswith("아메리카노, ") and said.parts[0] == "아메리카노"
    policy.focus_changed(Focus("포장", button=True))  # not a menu card: one piece
    assert policy.log[-1].utterance.parts == ()
    assert policy.log[-1].utterance.pieces() == (policy.log[-1].utterance.spoken,)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh",
            [
                "请选择堂食还是外带。",
                "菜单页面。请用方向键选择菜品，然后按确认键。 购物车是空的。",
                "纽约芝士蛋糕，已加入购物车。购物车1件，合计₩6,000。",
                "购物车：共1件，合计₩6,000。付款请按去结算。",
                "请选择支付方式。支付金额为₩6,000。",
                "请将银行卡插入刷卡机。支付金额为₩6,000。",
                "支付成功。您的订单号是42号。",
            ],
        ),
        (
            "ja",
            [
                "店内でお召し上がりか、お持ち帰りかを選んでください。",
                "メニュー画面です。矢印キーでメニューを選び、決定キーを押してください。 カートは空です。",
                "ニューヨークチーズケーキを、カートに追加しました。カート1点、合計₩6,000。",
                "カートの中身です。1点、合計₩6,000です。お支払いは、注文するを押してください。",
                "お支払い方法を選んでください。お支払い金額は₩6,000です。",
                "カードを端末に差し込んでください。お支払い金額は₩6,000です。",
                "お支払いが完了しました。注文番号は42番です。",
            ],
        ),
    ],
)
def test_a_whole_order_in_chinese_and_in_japanese(flow: FlowState, language: str, expected: list[str]) -> None:
    """The display language is the speech language: every phrase of the order in the customer's language,
    with its numbers written out for the engine (no digit, and in Japanese no kanji, reaches espeak-ng)."""
    policy, _ = make(flow)
    policy.start("key")
    s = step(flow, m.ChooseLanguage(language), m.Start())
    policy.flow_changed(s)
    for event in (
        m.ChooseOrderType(OrderType.DINE_IN),
        m.OpenItem("cheesecake"),
        m.OpenCart(),
        m.ProceedToPay(),
        m.ChoosePaymentMethod(PaymentMethod.CARD),
        m.PaymentApproved(order_number=42),
    ):
        s = step(s, event)
        policy.flow_changed(s)
    said = [x.utterance for x in policy.log[1:]]
    assert [u.text for u in said] == expected
    assert {u.language for u in said} == {language}
    for u in said:
        assert not any(c.isdigit() for c in u.spoken), u.spoken
        assert not any("\u4e00" <= c <= "\u9fff" for c in u.spoken) or language == "zh", u.spoken
    assert (
        said[-1].spoken
        == {
            "zh": "支付成功。您的订单号是四二号。",
            "ja": "おしはらいがかんりょうしました。ちゅうもんばんごうは よん に ばん です。",
        }[language]
    )


def test_a_screen_language_without_a_voice_is_spoken_in_korean(flow: FlowState) -> None:
    rec = Recorder()
    policy = VoicePolicy(rec, Clock(), speaks=lambda language: language != "zh")
    s = step(flow, m.ChooseLanguage("zh"))
    policy.flow_changed(s)
    assert (policy.display_language, policy.language, policy.fallback, policy.note()) == ("zh", "ko", True, "")
    policy.start("button")
    assert policy.note() == "韩语语音"  # on the Chinese screen, in Chinese: "Korean voice"
    assert rec.events[-1] == (
        "say",
        "음성 안내를 시작합니다. 이 화면의 언어로 말하는 음성이 없어 한국어로 안내합니다. "
        "주문을 시작하려면 확인 키를 누르거나 화면을 터치하세요.",
    )
    s = step(s, m.Start(), m.ChooseOrderType(OrderType.DINE_IN))
    policy.flow_changed(s)
    policy.focus_changed(Focus("美式咖啡, ₩3,500", button=True, item_id="americano"))
    said = policy.log[-1].utterance
    assert (
        said.language == "ko"
        and said.text == "아메리카노, ₩3,500, 버튼"
        and said.spoken == "아메리카노, 삼천오백 원, 버튼"
    )
    policy.flow_changed(step(s, m.ChooseLanguage("ja")))  # Japanese has its voice
    assert (policy.language, policy.fallback, policy.note()) == ("ja", False, "")
