"""The one audio path (DESIGN §16): every utterance becomes a WAV clip (pre-rendered or rendered by espeak-ng
on the voice worker thread, through a kiosk.voice.ports.ClipSource) and is played by one QMediaPlayer.
Stop-before-say: a new utterance stops the one playing at once, and a clip that arrives for an utterance
that has since been replaced is dropped.

`buffer=True` plays into a QAudioBufferOutput instead of a sound card: headless tests (and a kiosk with no
sound device) get the decoded audio as buffers; `played` logs what started, what was cut and what ended."""

from __future__ import annotations

import collections
import logging
import math
import queue
import shutil
import struct
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal, Slot

from kiosk.voice.policy import VOLUME_STEPS, Utterance
from kiosk.voice.ports import ClipSource

if TYPE_CHECKING:  # QtMultimedia loads with the first phrase, not on the kiosk's cold start
    from PySide6.QtMultimedia import QAudioBufferOutput, QAudioOutput, QMediaPlayer

log = logging.getLogger(__name__)
STEP_DB = 4.0
PLAYED_KEPT = 200  # `played` keeps at least this many of the latest events (it is trimmed at twice that)
_WAKE = Utterance(text="", spoken="", language="", kind="wake", rate=0, volume=0)


@dataclass(frozen=True)
class Played:
    at: float  # monotonic seconds
    event: str  # play | cut | end | failed
    text: str
    volume: float = 0.0  # the output's linear volume when it started


def linear_volume(step: int) -> float:
    """Volume step 1..5 as the audio output's linear gain: 4 dB apart, step 5 at full (0 dB), step 3 (the
    default) at -8 dB, step 1 at -16 dB — even steps to the ear."""
    return float(10 ** (-(VOLUME_STEPS - step) * STEP_DB / 20))


TONE = "(신호음 / tone)"


def join_wavs(wavs: list[bytes]) -> bytes:
    """PCM WAV clips of one format (espeak-ng's: 22,050 Hz mono 16-bit) as one clip, one after the other:
    an utterance cut into pieces (a spoken name, the rest) plays as one."""
    if len(wavs) == 1:
        return wavs[0]
    fmt = b""
    frames = bytearray()
    for wav in wavs:
        pos = 12
        while pos + 8 <= len(wav):
            chunk, size = wav[pos : pos + 4], int(struct.unpack_from("<I", wav, pos + 4)[0])
            if chunk == b"fmt " and not fmt:
                fmt = wav[pos : pos + 8 + size]
            elif chunk == b"data":
                frames += wav[pos + 8 : pos + 8 + size]
                break
            pos += 8 + size + (size & 1)
    data = b"data" + struct.pack("<I", len(frames)) + bytes(frames)
    return b"RIFF" + struct.pack("<I", 4 + len(fmt) + len(data)) + b"WAVE" + fmt + data


def tone_wav(hz: float, seconds: float, rate: int = 22050) -> bytes:
    """A mono 16-bit WAV of a sine at `hz`, faded in and out over 10 ms (no clicks)."""
    n = int(rate * seconds)
    fade = int(rate * 0.01)
    frames = bytearray()
    for i in range(n):
        ramp = min(1.0, i / fade, (n - 1 - i) / fade)
        frames += struct.pack("<h", int(12000 * ramp * math.sin(2 * math.pi * hz * i / rate)))
    header = b"RIFF" + struct.pack("<I", 36 + len(frames)) + b"WAVEfmt "
    header += struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16) + b"data" + struct.pack("<I", len(frames))
    return header + bytes(frames)


class QtSpeaker(QObject):
    """Implements kiosk.voice.policy.Speaker. Made on the GUI thread; the player and the worker thread start
    with the first utterance (nothing at start-up for a kiosk where nobody turns the voice on)."""

    _rendered = Signal(int, str)  # from the worker: (sequence, WAV file) → the GUI thread
    _render_failed = Signal(int, str)

    def __init__(self, clips: ClipSource, *, buffer: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clips = clips
        self.buffer = buffer
        self.played: list[Played] = []  # the latest PLAYED_KEPT or more: a kiosk runs for months
        self.buffers = 0  # audio buffers delivered to the buffer output (buffer=True)
        self._seq = 0
        self._current: Utterance | None = None
        self._pending: Utterance | None = None
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        self._buffer_output: QAudioBufferOutput | None = None
        # Each clip is played from a file, never from a QIODevice made here: the player's FFmpeg thread
        # reads a device while `setSourceDevice` waits for it on the GUI thread, and a device made in Python
        # needs the GIL for every read, which the waiting GUI thread holds — a deadlock (seen in a whole
        # test run: the kiosk froze in `QMediaPlayer::setSourceDevice`).
        self._dir = Path(tempfile.mkdtemp(prefix="kiosk-voice-"))
        self._queue: queue.Queue[tuple[int, Utterance] | None] = queue.Queue()
        # Clips to render between phrases (the menu's spoken names once voice is on): (spoken, language, rate).
        self._ahead: collections.deque[tuple[str, str, int]] = collections.deque()
        self._ahead_lock = threading.Lock()
        self._ahead_left = 0
        self._thread: threading.Thread | None = None
        self._rendered.connect(self._play)
        self._render_failed.connect(self._failed)

    # --- the Speaker port -----------------------------------------------------------------------------

    def say(self, utterance: Utterance) -> None:
        self.stop()
        self._pending = utterance
        self._ensure_worker()
        self._queue.put((self._seq, utterance))

    def stop(self) -> None:
        self._seq += 1  # a clip still being rendered for the old utterance is dropped when it arrives
        if self._player is not None and self._current is not None:
            self._player.stop()
            if self._current is not None:
                self._log(Played(time.monotonic(), "cut", self._current.text))
        self._current = None

    def tone(self, volume: int, *, hz: float = 1000.0, seconds: float = 0.6) -> None:
        """A plain tone (the installer's sound check): a sine at `hz`, through the same player."""
        self.stop()
        self._pending = Utterance(text=TONE, spoken="", language="", kind="tone", rate=0, volume=volume)
        self._play(self._seq, str(self._write(self._seq, tone_wav(hz, seconds))))

    def _write(self, seq: int, wav: bytes) -> Path:
        """The clip as a file for the player (the previous ones removed: one or two small files at a time)."""
        path = self._dir / f"{seq}.wav"
        path.write_bytes(wav)
        for old in self._dir.glob("*.wav"):
            if old != path and old.name != f"{seq - 1}.wav":
                old.unlink(missing_ok=True)
        return path

    def _log(self, event: Played) -> None:
        self.played.append(event)
        if len(self.played) >= 2 * PLAYED_KEPT:
            del self.played[:PLAYED_KEPT]

    def render_ahead(self, pieces: list[tuple[str, str, int]]) -> None:
        """Render these clips into the clip cache on the worker whenever no phrase is waiting (a phrase always
        goes first)."""
        with self._ahead_lock:
            self._ahead.extend(pieces)
            self._ahead_left += len(pieces)
        self._ensure_worker()
        self._queue.put((-1, _WAKE))  # wake the worker if it waits for a phrase

    @property
    def ahead_left(self) -> int:
        """Clips still to render ahead (0 when all are in the cache)."""
        with self._ahead_lock:
            return self._ahead_left

    @property
    def playing(self) -> str:
        """The text playing now, "" when silent."""
        return self._current.text if self._current is not None else ""

    def close(self) -> None:
        self.stop()
        with self._ahead_lock:
            self._ahead_left -= len(self._ahead)
            self._ahead.clear()
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
        if self._player is not None:
            self._player.setSource(QUrl())
        shutil.rmtree(self._dir, ignore_errors=True)

    # --- the worker: clips off the GUI thread --------------------------------------------------------

    def _ensure_worker(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="voice-render", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        while True:
            try:
                job = self._queue.get(block=not self._ahead)
            except queue.Empty:
                self._render_one_ahead()
                continue
            if job is None:
                return
            seq, utterance = job
            if seq != self._seq:
                continue  # replaced before its turn (or a wake-up for the clips ahead)
            try:
                clips = [self.clips.clip(piece, utterance.language, utterance.rate) for piece in utterance.pieces()]
                wav = join_wavs(clips)
            except Exception as exc:  # the engine's error says what to install or fix
                self._render_failed.emit(seq, str(exc))
                continue
            self._rendered.emit(seq, str(self._write(seq, wav)))

    def _render_one_ahead(self) -> None:
        try:
            spoken, language, rate = self._ahead.popleft()
        except IndexError:
            return
        try:
            self.clips.clip(spoken, language, rate)
        except Exception as exc:  # logged once a clip; the phrase that needs it reports it again
            log.warning("voice: cannot render %r ahead: %s", spoken, exc)
        finally:
            with self._ahead_lock:
                self._ahead_left -= 1

    # --- the player, on the GUI thread ----------------------------------------------------------------

    def _ensure_player(self) -> QMediaPlayer:
        from PySide6.QtMultimedia import QAudioBufferOutput, QAudioFormat, QAudioOutput, QMediaPlayer

        if self._player is None:
            self._player = QMediaPlayer(self)
            if self.buffer:
                fmt = QAudioFormat()
                fmt.setSampleRate(22050)
                fmt.setChannelCount(1)
                fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
                self._buffer_output = QAudioBufferOutput(fmt, self)
                self._buffer_output.audioBufferReceived.connect(self._on_buffer)
                self._player.setAudioBufferOutput(self._buffer_output)
            else:
                self._output = QAudioOutput(self)
                self._player.setAudioOutput(self._output)
            self._player.mediaStatusChanged.connect(self._on_status)
        return self._player

    @Slot(int, str)
    def _play(self, seq: int, wav: str) -> None:
        if seq != self._seq:
            return  # stopped or replaced while it was rendered
        utterance = self._pending
        if utterance is None:
            return
        player = self._ensure_player()
        volume = linear_volume(utterance.volume)
        if self._output is not None:
            self._output.setVolume(volume)
        player.setSource(QUrl.fromLocalFile(wav))
        self._current = utterance
        self._log(Played(time.monotonic(), "play", utterance.text, volume))
        player.play()

    @Slot(int, str)
    def _failed(self, seq: int, why: str) -> None:
        log.error("voice: cannot say a phrase: %s", why)
        if seq == self._seq and self._pending is not None:
            self._log(Played(time.monotonic(), "failed", self._pending.text))

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status is QMediaPlayer.MediaStatus.EndOfMedia and self._current is not None:
            self._log(Played(time.monotonic(), "end", self._current.text))
            self._current = None

    def _on_buffer(self, _buffer: object) -> None:
        self.buffers += 1
