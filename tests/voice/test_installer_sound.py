"""The installer's sound check through the real QML (issue 16): the spoken test phrase and a tone played
through the kiosk's voice output (into buffers here), the five volume steps, the earphone jack's plug and
unplug shown live (events through the jack FIFO in the kernel's format), and the verdict in the self-test."""

from __future__ import annotations

import os
from collections.abc import Callable

from hardware.audio.jack import jack_change
from kiosk.session.modes import Mode, Role
from tests.helpers.modes import sign_in
from tests.voice.conftest import VoiceKiosk
from ui.voice.speaker import TONE

PHRASE = "소리 점검입니다. 이 안내가 들리면 들림을 누르세요."


def test_the_sound_check_plays_the_phrase_and_tone_steps_the_volume_and_sees_the_jack(
    voice_kiosk: Callable[..., VoiceKiosk],
) -> None:
    vk = voice_kiosk(size=(1280, 800))
    k = vk.k
    sign_in(k, Role.INSTALLER, Mode.INSTALLER)
    k.kw.modes.viewModel.goTo("selftest")
    k.click("soundCheckButton")
    assert k.text("soundJack") == "이어폰 잭: 이어폰 빠짐"
    k.click("soundPhrase")
    vk.wait_playing(PHRASE)
    assert not vk.voice.active  # played although voice guidance is off
    k.click("soundTone")
    vk.wait_playing(TONE)
    k.click("soundVolume5")
    vk.wait_playing("음량 5.")
    assert vk.voice.volume == 5 and [p.volume for p in vk.speaker.played if p.text == "음량 5."][-1] == 1.0
    k.click("soundVolume1")
    vk.wait_playing("음량 1.")
    os.write(vk.jack_writer, jack_change(True))
    k.qtbot.waitUntil(lambda: k.text("soundJack") == "이어폰 잭: 이어폰 꽂힘", timeout=3000)
    os.write(vk.jack_writer, jack_change(False))
    k.qtbot.waitUntil(lambda: k.text("soundJack") == "이어폰 잭: 이어폰 빠짐", timeout=3000)
    k.click("soundHeard")
    k.qtbot.waitUntil(lambda: not k.exists("soundCheck"), timeout=3000)
    by_id = {c["id"]: c for c in k.kw.modes.viewModel.checklist}
    assert by_id["sound"]["label"] == "정상"
