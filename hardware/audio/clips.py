"""Clips of speech: WAV files keyed by what is said, in which voice, at which rate and by which engine
version. Fixed phrases are rendered ahead (`kiosk voice render`, at build or after a catalog is applied);
anything else is rendered by espeak-ng on first use and kept. Implements kiosk.voice.ports.ClipSource.

On disk: <directory>/<sha256 of the key>.wav, written to a temporary name and renamed, so a crash never
leaves half a clip. Safe to call from several threads (the voice worker and `kiosk voice render`)."""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hardware.audio.espeak import RATES_WPM, Espeak, voice_for

MEMORY_CLIPS = 64


class ClipCache:
    def __init__(self, engine: Espeak, directory: Path | None = None, rates: tuple[int, ...] = RATES_WPM) -> None:
        self.engine = engine
        self.directory = directory
        self.rates = rates
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
            if key in self._memory:
                self._memory.move_to_end(key)
                return self._memory[key]
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
            return (self.directory / f"{key}.wav").read_bytes()
        except OSError:
            return None

    def _to_disk(self, key: str, wav: bytes) -> None:
        if self.directory is None:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        final = self.directory / f"{key}.wav"
        tmp = final.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(wav)
        os.replace(tmp, final)
