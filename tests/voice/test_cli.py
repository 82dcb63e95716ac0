"""`kiosk voice render` and `kiosk voice say` as real processes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.voice import fixed_phrases
from hardware.audio.espeak import RATES_WPM
from tests.helpers.processes import kiosk

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")


@needs_espeak
def test_render_fills_the_clip_cache_once(tmp_path: Path) -> None:
    env = {"KIOSK_DATA_DIR": str(tmp_path / "data")}
    done = kiosk("voice", "render", "--language", "en", env=env)
    assert done.returncode == 0, done.stderr
    clips = tmp_path / "data" / "voice-clips"
    total = len(fixed_phrases(("en",))) * len(RATES_WPM)
    assert done.stdout.strip() == f"voice: {total} clips rendered, 0 already there, in {clips}"
    assert len(list(clips.glob("*.wav"))) == total
    again = kiosk("voice", "render", "--language", "en", env=env)
    assert again.stdout.strip() == f"voice: 0 clips rendered, {total} already there, in {clips}"


@needs_espeak
def test_say_prints_the_normalised_text_and_phonemes(tmp_path: Path) -> None:
    wav = tmp_path / "say.wav"
    done = kiosk("voice", "say", "아메리카노 2잔, 합계 12,500원입니다", "--wav", str(wav))
    assert done.returncode == 0, done.stderr
    assert "spoken:   아메리카노 두 잔, 합계 만 이천오백 원임니다" in done.stdout
    assert "imnid" in done.stdout and wav.read_bytes()[:4] == b"RIFF"


def test_a_missing_engine_is_one_line_and_status_1(tmp_path: Path) -> None:
    done = kiosk("voice", "render", env={"KIOSK_DATA_DIR": str(tmp_path), "KIOSK_VOICE__ESPEAK": "no-such-espeak"})
    assert done.returncode == 1
    assert done.stderr.strip() == "voice: no-such-espeak is not installed; install it: apt-get install espeak-ng"


@needs_espeak
def test_say_in_a_language_without_a_voice_says_what_the_kiosk_does(tmp_path: Path) -> None:
    from hardware.audio.espeak import Espeak

    real = Espeak().data_dir()
    assert real is not None
    trimmed = tmp_path / "espeak" / "espeak-ng-data"
    trimmed.mkdir(parents=True)
    for entry in real.iterdir():
        if entry.name != "cmn_dict":
            (trimmed / entry.name).symlink_to(entry)
    env = {"KIOSK_DATA_DIR": str(tmp_path), "KIOSK_VOICE__ESPEAK_DATA": str(tmp_path / "espeak")}
    done = kiosk("voice", "say", "你好", "--language", "zh", env=env)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip() == (
        f"voice: espeak-ng has no zh voice (cmn_dict is not in {trimmed}); the kiosk speaks Korean on that "
        "language's screens instead: install espeak-ng-data"
    )
    assert kiosk("voice", "say", "注文", "--language", "ja", env=env).returncode == 0
