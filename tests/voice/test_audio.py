"""hardware/audio without Qt: espeak-ng's WAV, the clip cache, and the jack reader fed kernel-format events
through a pipe and a FIFO."""

from __future__ import annotations

import os
import shutil
import struct
from pathlib import Path

import pytest

from hardware.audio.clips import ClipCache
from hardware.audio.espeak import Espeak, EspeakError, wav_duration
from hardware.audio.jack import (
    EV_SW,
    EVIOCGSW,
    INPUT_EVENT,
    SW_HEADPHONE_INSERT,
    EvdevJack,
    encode_event,
    find_jack_device,
    jack_change,
    open_jack,
)
from kiosk.voice.normalize import normalize_ko
from kiosk.voice.phrases import fixed_phrases

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")


def test_input_event_is_the_kernels_24_bytes() -> None:
    assert INPUT_EVENT.size == 24
    raw = encode_event(EV_SW, SW_HEADPHONE_INSERT, 1, sec=5, usec=7)
    assert raw == struct.pack("<qqHHi", 5, 7, 0x05, 0x02, 1)
    assert EVIOCGSW == 0x8003451B  # _IOC(_IOC_READ, 'E', 0x1b, 3) as <linux/input.h> computes it


def test_jack_changes_through_a_pipe_even_split_mid_event() -> None:
    r, w = os.pipe()
    os.set_blocking(r, False)
    jack = EvdevJack(r)
    try:
        assert not jack.inserted_at_start()  # a pipe has no switches: EVIOCGSW fails, "not in"
        assert jack.read_changes() == []
        data = jack_change(True, sec=1) + encode_event(0x01, 30, 1) + jack_change(False, sec=2)  # a key in between
        os.write(w, data[:30])  # a partial event waits for the rest
        assert jack.read_changes() == [True]
        os.write(w, data[30:])
        assert jack.read_changes() == [False]
        os.close(w)
        w = -1
        with pytest.raises(EOFError):  # the device went away (here: the writer closed the pipe)
            jack.read_changes()
    finally:
        jack.close()
        if w >= 0:
            os.close(w)


def test_jack_through_a_fifo_named_in_the_setting(tmp_path: Path) -> None:
    fifo = tmp_path / "jack"
    os.mkfifo(fifo)
    jack = open_jack(str(fifo))
    assert jack is not None
    w = os.open(fifo, os.O_WRONLY)
    try:
        os.write(w, jack_change(True) + jack_change(False) + jack_change(True))
        assert jack.read_changes() == [True, False, True]
    finally:
        os.close(w)
        jack.close()
    assert open_jack("none") is None


def test_a_missing_jack_device_says_what_to_fix(tmp_path: Path) -> None:
    with pytest.raises(OSError, match=r"voice\.jack_device"):
        open_jack(str(tmp_path / "event99"))


def test_the_jack_is_found_by_its_switch_capabilities(tmp_path: Path) -> None:
    sys_input = tmp_path / "class" / "input"
    for name, sw in (("event0", "0"), ("event3", "0"), ("event7", "14")):  # 0x14: SW_HEADPHONE_INSERT | SW_MIC
        caps = sys_input / name / "device" / "capabilities"
        caps.mkdir(parents=True)
        (caps / "sw").write_text(sw + "\n")
    (sys_input / "mouse0").mkdir()
    assert find_jack_device(sys_input, Path("/dev/input")) == Path("/dev/input/event7")
    (sys_input / "event7" / "device" / "capabilities" / "sw").write_text("0\n")
    assert find_jack_device(sys_input) is None
    assert open_jack("", sys_input, udev_link=tmp_path / "no-link") is None


@needs_espeak
def test_espeak_renders_a_wav_with_true_sizes_and_rate() -> None:
    engine = Espeak()
    slow = engine.render(normalize_ko("합계 12,500원입니다"), "ko", rate_wpm=130)
    fast = engine.render(normalize_ko("합계 12,500원입니다"), "ko", rate_wpm=240)
    assert slow[:4] == b"RIFF" and struct.unpack_from("<I", slow, 4)[0] == len(slow) - 8
    assert 0.5 < wav_duration(fast) < wav_duration(slow) < 5.0


def test_a_missing_engine_says_what_to_install() -> None:
    with pytest.raises(EspeakError, match="apt-get install espeak-ng"):
        Espeak("espeak-ng-not-here").render("안녕", "ko")


@needs_espeak
def test_clips_are_rendered_ahead_and_reused(tmp_path: Path) -> None:
    cache = ClipCache(Espeak(), tmp_path / "clips")
    phrases = [(normalize_ko(p), "ko") for p in fixed_phrases("ko")[:3]]
    assert cache.render_ahead(phrases) == 3 * len(cache.rates)
    assert len(list((tmp_path / "clips").glob("*.wav"))) == 3 * len(cache.rates)
    again = ClipCache(Espeak(), tmp_path / "clips")
    assert again.render_ahead(phrases) == 0
    wav = again.clip(phrases[0][0], "ko", 1)
    assert again.rendered == 0 and wav[:4] == b"RIFF"  # from disk, not espeak-ng
    assert again.clip("새 문장", "ko", 1) != wav and again.rendered == 1


@needs_espeak
def test_the_clip_folder_stays_bounded_and_keeps_what_was_used_last(tmp_path: Path) -> None:
    """Order numbers and totals are rendered as they come: over months the folder would fill the disk.
    Past its bound the clips used longest ago go; one read meanwhile stays."""
    folder = tmp_path / "clips"
    first = ClipCache(Espeak(), folder)
    kept = first.clip("주문 번호 일", "ko", 1)
    size = len(kept)
    cache = ClipCache(Espeak(), folder, disk_bytes=size * 4)
    for n in range(2, 12):
        cache.clip(f"주문 번호 {n}", "ko", 1)
        if n % 2 == 0:
            assert cache.clip("주문 번호 일", "ko", 1) == kept  # used again: read from disk and touched
    used = sum(p.stat().st_size for p in folder.glob("*.wav"))
    assert used <= size * 4 * 1.5, used  # clips differ a little in length
    assert first.path("주문 번호 일", "ko", 1).is_file()  # type: ignore[union-attr]
    assert not cache.path("주문 번호 2", "ko", 1).is_file()  # type: ignore[union-attr]
    assert cache.path("주문 번호 11", "ko", 1).is_file()  # type: ignore[union-attr]


@needs_espeak
def test_a_language_whose_dictionary_is_missing_has_no_voice(tmp_path: Path) -> None:
    """Without its dictionary espeak-ng says nothing and exits 0: `speaks` finds out from the files."""
    real = Espeak().data_dir()
    assert real is not None
    assert all(Espeak().speaks(lang) for lang in ("ko", "en", "zh", "ja"))  # Debian 12's espeak-ng-data
    trimmed = tmp_path / "espeak-ng-data"
    trimmed.mkdir()
    for entry in real.iterdir():
        if entry.name != "ja_dict":
            (trimmed / entry.name).symlink_to(entry)
    engine = Espeak(data_path=str(tmp_path))
    assert engine.data_dir() == trimmed
    assert not engine.speaks("ja") and engine.speaks("ko") and engine.speaks("zh")
    assert engine.phonemes("ちゅうもん", "ja") == ""  # silence, and no error
    assert engine.phonemes("주문", "ko") == "tS;'umun"
    cache = ClipCache(engine, tmp_path / "clips")
    assert not cache.speaks("ja") and cache.speaks("ko")
