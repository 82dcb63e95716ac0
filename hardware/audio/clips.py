"""Clips of speech: WAV files keyed by what is said, in which voice, at which rate and by which engine
version. Fixed phrases are rendered ahead (`kiosk voice render`, at build or after a catalog is applied);
anything else is rendered by espeak-ng on first use and kept. Implements kiosk.voice.ports.ClipSource.

On disk: <directory>/<sha256 of the key>.wav, written to a temporary name and renamed, so a crash never
leaves half a clip. The folder is bounded (DISK_BYTES): each clip read is touched, and when a new clip
takes the folder over the bound, the clips used longest ago go first (order numbers and totals are
rendered as they come: without a bound they would fill the disk over months; an evicted fixed phrase is
rendered again when next needed). Safe to call from several threads (the voice worker and `kiosk voice render`)."""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hardware.audio.espeak import RATES_WPM, Espeak, voice_for

MEMORY_CLIPS = 16  # the speaker plays each clip from a file: memory only saves re-reading the latest few
DISK_BYTES = 512 * 1024 * 1024  # every fixed phrase and menu name in four languages at four rates is ~300 MiB


class ClipCache:
    def __init__(
        self,
        engine: Espeak,
        directory: Path | None = None,
        rates: tuple[int, ...] = RATES_WPM,
        disk_bytes: int = DISK_BYTES,
    ) -> None:
        self.engine = engine
        self.directory = directory
        self.rates = rates
        self.disk_bytes = disk_bytes
        self._disk_used: int | None = None  # bytes of clips on disk, counted on the first write
        self.rendered = 0  # clips espeak-ng made in this process (the rest came from memory or disk)
        self._memory: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._version = ""
        self._speaks: dict[str, bool] = {}

    def key(self, spoken: str, language: str, rate: int) -> str:
        if not self._version:
            self._version = self.engine.version()
        raw = "\0".join((self._version, voice_for(language), str(self.rates[rate]), spoken))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def speaks(self, language: str) -> bool:
        """Whether `language` has a voice (kiosk.voice.ports.ClipSource): a file check, remembered."""
        with self._lock:
            known = self._speaks.get(language)
        if known is None:
            known = self.engine.speaks(language)
            with self._lock:
                self._speaks[language] = known
        return known

    def path(self, spoken: str, language: str, rate: int) -> Path | None:
        return self.directory / f"{self.key(spoken, language, rate)}.wav" if self.directory else None

    def clip(self, spoken: str, language: str, rate: int) -> bytes:
        key = self.key(spoken, language, rate)
        with self._lock:
            wav = self._memory.get(key)
            if wav is not None:
                self._memory.move_to_end(key)
        if wav is not None:
            self._touch(key)
            return wav
        wav = self._from_disk(key)
        if wav is None:
            wav = self.engine.render(spoken, language, self.rates[rate])
            with self._lock:
                self.rendered += 1
            self._to_disk(key, wav)
        with self._lock:
            self._memory[key] = wav
            while len(self._memory) > MEMORY_CLIPS:
                self._memory.popitem(last=False)
        return wav

    def render_ahead(self, phrases: Iterable[tuple[str, str]], workers: int = 0) -> int:
        """Every (spoken, language) at every rate onto disk, `workers` espeak-ng processes at a time (0: one
        per CPU); returns how many clips were new."""
        todo = []
        for spoken, language in dict.fromkeys(phrases):
            for rate in range(len(self.rates)):
                path = self.path(spoken, language, rate)
                if path is None or not path.is_file():
                    todo.append((spoken, language, rate))
        with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1, thread_name_prefix="voice-clips") as pool:
            for _ in pool.map(lambda job: self.clip(*job), todo):
                pass
        return len(todo)

    def _from_disk(self, key: str) -> bytes | None:
        if self.directory is None:
            return None
        try:
            wav = (self.directory / f"{key}.wav").read_bytes()
        except OSError:
            return None
        self._touch(key)
        return wav

    def _touch(self, key: str) -> None:
        """Used now: the last to go when the folder is trimmed."""
        if self.directory is not None:
            try:
                os.utime(self.directory / f"{key}.wav")
            except OSError:
                pass  # trimmed by another process meanwhile: written again when next rendered

    def _to_disk(self, key: str, wav: bytes) -> None:
        if self.directory is None:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        final = self.directory / f"{key}.wav"
        tmp = final.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(wav)
        os.replace(tmp, final)
        with self._lock:
            if self._disk_used is None:
                self._disk_used = sum(p.stat().st_size for p in self.directory.glob("*.wav"))
            else:
                self._disk_used += len(wav)
            if self._disk_used > self.disk_bytes:
                self._disk_used = self._trim(self.directory, self.disk_bytes * 9 // 10)

    @staticmethod
    def _trim(directory: Path, keep: int) -> int:
        """Remove the clips used longest ago until at most `keep` bytes are left; returns the bytes left."""
        clips = []
        for path in directory.glob("*.wav"):
            try:
                st = path.stat()
            except OSError:
                continue  # removed meanwhile (another process trimming)
            clips.append((st.st_mtime, st.st_size, path))
        clips.sort()
        used = sum(size for _, size, _ in clips)
        for _, size, path in clips:
            if used <= keep:
                break
            path.unlink(missing_ok=True)
            used -= size
        return used
