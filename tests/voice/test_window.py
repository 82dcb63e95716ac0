"""Voice guidance in the real kiosk window, offscreen: started by its key, the on-screen button and the
earphone jack (kernel-format events through a FIFO); a whole order's phrases; interrupts; and what the
player actually played (QMediaPlayer into a QAudioBufferOutput), checked against espeak-ng's phonemes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from hardware.audio.clips import ClipCache
from hardware.audio.espeak import Espeak
from hardware.audio.jack import jack_change
from kiosk.voice.names import name_pieces
from tests.helpers.kiosk import pay, start_take_out
from tests.voice.conftest import VoiceKiosk
from ui.app import QML_DIR

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")

START = "음성 안내를 시작합니다."
ATTRACT = "주문을 시작하려면 확인 키를 누르거나 화면을 터치하세요."


def test_the_voice_key_starts_voice_and_a_whole_order_is_spoken(voice_kiosk: Callable[..., VoiceKiosk]) -> None:
    vk = voice_kiosk()
    k = vk.k
    assert vk.said() == [] and not vk.voice.active
    k.key(Qt.Key.Key_F2)
    vk.wait_playing(f"{START} {ATTRACT}")
    start_take_out(k)
    k.click("category_dessert")
    k.click("item_cheesecake")
    k.qtbot.waitUntil(lambda: k.text("cartCount") == "1")
    assert pay(k) == 1
    said = vk.said()
    assert said[0] == f"{START} {ATTRACT}"
    assert "매장에서 드실지, 포장하실지 선택하세요." in said
    assert "뉴욕 치즈케이크, 장바구니에 담았습니다. 장바구니 1개, 합계 6,000원." in said
    assert "장바구니입니다. 1개, 합계 6,000원입니다. 결제하려면 결제하기를 누르세요." in said
    assert "결제 방법을 선택하세요. 결제하실 금액은 6,000원입니다." in said
    assert "카드를 단말기에 꽂아 주세요. 결제하실 금액은 6,000원입니다." in said
    assert said[-1] == "결제가 완료되었습니다. 주문 번호는 1번입니다."
    last = vk.voice.policy.log[-1]
    assert last.utterance.spoken == "결제가 왈료되었슴니다. 주문 번호는 일 번임니다."
    vk.wait_playing(said[-1])
    k.qtbot.waitUntil(lambda: vk.speaker.buffers > 0)  # decoded audio reached the (buffer) output
    phonemes = Espeak().phonemes(last.utterance.spoken, "ko")
    assert "imnid" in phonemes and "ipnid" not in phonemes, phonemes  # 입니다 said /임니다/
    # Stop-before-say: every phrase that started before the last one was cut by a touch or had ended; a
    # phrase replaced while it was still being rendered never played at all.
    played = vk.speaker.played
    for i, p in enumerate(played[:-1]):
        if p.event == "play":
            assert played[i + 1].text == p.text and played[i + 1].event in ("cut", "end"), played
    assert played[-1] == next(p for p in reversed(played) if p.event == "play")
    times = [s.at for s in vk.voice.policy.log]
    assert times == sorted(times)


def test_a_new_prompt_stops_the_old_one_and_repeat_says_it_again(voice_kiosk: Callable[..., VoiceKiosk]) -> None:
    vk = voice_kiosk()
    k = vk.k
    k.key(Qt.Key.Key_F2)
    first = f"{START} {ATTRACT}"
    vk.wait_playing(first)
    assert vk.speaker.playing == first
    k.key(Qt.Key.Key_F5)  # faster: a new prompt while the first still plays
    vk.wait_playing("말 빠르기, 빠르게.")
    events = [(p.event, p.text) for p in vk.speaker.played]
    assert events.index(("cut", first)) < events.index(("play", "말 빠르기, 빠르게."))
    assert ("end", first) not in events
    k.key(Qt.Key.Key_Escape)  # any other key: silence at once
    k.qtbot.waitUntil(lambda: vk.speaker.playing == "")
    assert (vk.speaker.played[-1].event, vk.speaker.played[-1].text) == ("cut", "말 빠르기, 빠르게.")
    k.key(Qt.Key.Key_F3)  # repeat
    k.qtbot.waitUntil(lambda: vk.speaker.playing == "말 빠르기, 빠르게.")
    assert vk.voice.policy.log[-1].utterance.kind == "repeat"
    assert [s.utterance.text for s in vk.voice.policy.log[-2:]] == ["말 빠르기, 빠르게."] * 2


def test_focus_speaks_the_accessible_name_and_volume_steps(voice_kiosk: Callable[..., VoiceKiosk]) -> None:
    vk = voice_kiosk()
    k = vk.k
    k.key(Qt.Key.Key_F2)
    start_take_out(k)
    k.key(Qt.Key.Key_Tab)
    k.qtbot.waitUntil(lambda: vk.voice.policy.log[-1].utterance.kind == "focus")
    item = k.window.activeFocusItem()
    assert item is not None
    assert vk.said()[-1].startswith(k.accessible_name(item))
    volumes, gains = [], []
    for key in (Qt.Key.Key_F7, Qt.Key.Key_F7, Qt.Key.Key_F7, Qt.Key.Key_F6):
        plays = len([p for p in vk.speaker.played if p.event == "play"])
        k.key(key)
        volumes.append(vk.voice.volume)
        k.qtbot.waitUntil(lambda n=plays: len([p for p in vk.speaker.played if p.event == "play"]) > n)
        gains.append(vk.speaker.played[-1].volume)
    assert volumes == [4, 5, 5, 4]
    assert vk.said()[-4:] == ["음량 4.", "음량 5.", "음량 5.", "음량 4."]
    assert gains[0] < gains[1] == gains[2] == 1.0 and gains[3] == gains[0]
    k.kw.vm.cancelOrder()  # the session ends: volume and rate back to their defaults, voice off
    k.wait_step("attract")
    assert (vk.voice.volume, vk.voice.rate, vk.voice.active) == (3, 1, False)


def test_earphones_plugged_in_start_the_voice_and_allow_private_phrases(voice_kiosk: Callable[..., VoiceKiosk]) -> None:
    vk = voice_kiosk()
    k = vk.k
    os.write(vk.jack_writer, jack_change(True))
    k.qtbot.waitUntil(lambda: vk.voice.active and vk.voice.earphones)
    assert vk.said() == [f"이어폰이 연결되었습니다. {START} {ATTRACT}"]
    vk.voice.policy.announce("적립 번호 010-1234-5678")
    assert vk.voice.policy.log[-1].utterance.private
    os.write(vk.jack_writer, jack_change(False))
    k.qtbot.waitUntil(lambda: not vk.voice.earphones)
    vk.voice.policy.announce("적립 번호 010-1234-5678")
    assert vk.said()[-1] == "개인 정보는 이어폰을 연결하면 들려 드립니다."
    assert vk.voice.active  # unplugging does not turn the guidance off


def test_a_declines_reason_is_private_without_earphones(voice_kiosk: Callable[..., VoiceKiosk]) -> None:
    vk = voice_kiosk()
    k = vk.k
    k.key(Qt.Key.Key_F2)
    start_take_out(k)
    k.click("category_dessert")
    k.click("item_cheesecake")
    k.kw.vm.declineNext()
    k.click("orderButton")
    k.click("payButton")
    k.click("method_card")
    k.wait_step("payment_failed")
    assert vk.said()[-1] == "결제가 완료되지 않았습니다. 다시 시도하거나 다른 결제 방법을 선택하세요."
    assert not any(s.utterance.private for s in vk.voice.policy.log)


def test_the_on_screen_voice_button(voice_kiosk: Callable[..., VoiceKiosk]) -> None:
    vk = voice_kiosk(language="en")
    k = vk.k
    component = QQmlComponent(k.kw.engine, QUrl.fromLocalFile(str(QML_DIR / "common" / "VoiceButton.qml")))
    button = component.createWithInitialProperties({"voice": vk.voice})
    assert isinstance(button, QQuickItem), component.errorString()
    button.setParentItem(k.window.contentItem())
    button.setZ(100)
    k.qtbot.waitUntil(lambda: button.width() > 0)
    assert k.accessible_name(button) == "Turn voice guide on"
    k.click("voiceButton")
    k.qtbot.waitUntil(lambda: vk.voice.active)
    assert vk.said()[0] == "Voice guidance is on. To start an order, press Enter or touch the screen."
    assert vk.voice.policy.log[0].utterance.language == "en"
    assert k.accessible_name(button) == "Turn voice guide off"
    k.click("voiceButton")
    k.qtbot.waitUntil(lambda: not vk.voice.active)
    assert vk.said()[-1] == "Voice guidance is off."
    button.deleteLater()


def test_keys_alone_focus_is_read_and_enter_says_the_next_screen(voice_kiosk: Callable[..., VoiceKiosk]) -> None:
    vk = voice_kiosk()
    k = vk.k
    k.key(Qt.Key.Key_F2)
    k.click("startButton")
    k.wait_step("order_type")
    for _ in range(20):  # Tab to the take-out button; each focus it passes is said
        if k.focused() == "takeOutButton":
            break
        k.key(Qt.Key.Key_Tab)
    assert k.focused() == "takeOutButton"
    focus = vk.voice.policy.log[-1].utterance
    assert focus.kind == "focus" and focus.text.startswith(k.accessible_name(k.window.activeFocusItem()))
    k.key(Qt.Key.Key_Return)
    k.wait_step("menu")
    k.next_frame()  # the menu screen has loaded and set its own focus
    last = vk.voice.policy.log[-1].utterance
    assert (last.kind, last.text) == (
        "screen",
        "메뉴 화면입니다. 화살표 키로 메뉴를 고르고 확인 키를 누르세요. 장바구니가 비어 있습니다.",
    )


def test_the_menus_spoken_names_are_rendered_ahead_and_said_from_their_clips(
    voice_kiosk: Callable[..., VoiceKiosk],
) -> None:
    """Once voice is on, every item's spoken name in the display language is rendered into the clip cache on
    the voice worker between phrases; a phrase that names an item then plays the name's clip from the cache
    and renders only the rest."""
    vk = voice_kiosk(names_ahead=True)
    k = vk.k
    clips = vk.speaker.clips
    assert isinstance(clips, ClipCache)
    names = name_pieces(k.catalog, "ko")
    assert not any(p is not None and p.is_file() for p in (clips.path(n, "ko", 1) for n in names))
    k.key(Qt.Key.Key_F2)
    vk.wait_playing(f"{START} {ATTRACT}")
    k.qtbot.waitUntil(lambda: vk.speaker.ahead_left == 0, timeout=30_000)
    paths = [clips.path(n, "ko", 1) for n in names]
    assert all(p is not None and p.is_file() for p in paths), [p for p in paths if p is None or not p.is_file()]
    start_take_out(k)
    k.qtbot.waitUntil(lambda: vk.said()[-1].startswith("메뉴 화면입니다."))
    vk.wait_playing(vk.said()[-1])
    before = clips.rendered
    k.click("item_americano")
    k.wait_step("options")
    said = vk.voice.policy.log[-1].utterance
    assert said.text.startswith("아메리카노, 3,500원.") and said.parts[0] == "아메리카노"
    vk.wait_playing(said.text)
    assert clips.rendered == before + 1  # the rest of the phrase; the name came from the cache


def test_chinese_on_screen_is_chinese_in_the_earphones(voice_kiosk: Callable[..., VoiceKiosk]) -> None:
    vk = voice_kiosk()
    k = vk.k
    k.click("lang_zh")
    k.qtbot.waitUntil(lambda: k.kw.vm.state.language == "zh")
    k.key(Qt.Key.Key_F2)
    vk.wait_playing("语音导航已开启。 开始点餐，请按确认键或触摸屏幕。")
    k.qtbot.waitUntil(lambda: vk.speaker.buffers > 0)
    said = vk.voice.policy.log[-1].utterance
    assert said.language == "zh"
    phonemes = Espeak().phonemes(said.spoken, "zh")
    assert "(en)" not in phonemes and phonemes.startswith(";'y21_| j'i55n_|"), phonemes  # yǔyīn: 语音


def test_a_language_without_a_voice_is_spoken_in_korean_and_the_screen_says_so(
    voice_kiosk: Callable[..., VoiceKiosk], tmp_path: Path
) -> None:
    """espeak-ng-data without the Mandarin dictionary (a trimmed image): espeak-ng would say nothing at all on
    the Chinese screens, so Korean is spoken there, the voice says why, and the voice button shows "韩语语音"
    (Korean voice). Japanese, which has its voice, is spoken in Japanese."""
    real = Espeak().data_dir()
    assert real is not None and (real / "cmn_dict").is_file()
    trimmed = tmp_path / "espeak" / "espeak-ng-data"
    trimmed.mkdir(parents=True)
    for entry in real.iterdir():
        if entry.name != "cmn_dict":
            (trimmed / entry.name).symlink_to(entry)
    vk = voice_kiosk(espeak_data=str(tmp_path / "espeak"))
    k = vk.k
    k.click("lang_zh")
    k.qtbot.waitUntil(lambda: k.kw.vm.state.language == "zh")
    assert k.text("voiceButton") != "韩语语音"  # voice off: no note
    k.key(Qt.Key.Key_F2)
    said = f"{START} 이 화면의 언어로 말하는 음성이 없어 한국어로 안내합니다. {ATTRACT}"
    vk.wait_playing(said)
    assert vk.voice.policy.log[-1].utterance.language == "ko"
    assert k.text("voiceButton") == "韩语语音"
    assert k.accessible_name(k.find("voiceButton")).endswith(", 韩语语音")
    k.click("lang_ja")
    k.qtbot.waitUntil(lambda: vk.voice.policy.log[-1].utterance.language == "ja")
    assert vk.voice.note == "" and k.text("voiceButton") != "韩语语音"
    assert vk.said()[-1] == "注文を始めるには、決定キーを押すか、画面にタッチしてください。"
