"""espeak-ng as a renderer: text in, a WAV file's bytes out (`espeak-ng -v ko --stdout`), and the phonemes it
would say (`espeak-ng -x -q`) for tests and for `kiosk voice say --phonemes`. The text goes in on stdin, not on
the command line, so nothing a customer hears shows in the process list. No Qt here."""

from __future__ import annotations

import glob
import os
import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

# The display language → espeak-ng's voice (the display language is the speech language). Chinese is
# cmn-latn-pinyin: espeak-ng 1.51's `cmn` reads Chinese characters as pinyin spelt out by the English voice.
VOICES = {"ko": "ko", "en": "en-us", "zh": "cmn-latn-pinyin", "ja": "ja"}
# The dictionary each voice needs in espeak-ng-data (without it espeak-ng says nothing and exits 0).
DICTIONARIES = {"ko": "ko", "en": "en", "zh": "cmn", "ja": "ja"}
# Where distributions put espeak-ng-data (Debian: /usr/lib/<multiarch>/espeak-ng-data).
DATA_DIRS = ("/usr/lib/*/espeak-ng-data", "/usr/share/espeak-ng-data", "/usr/local/share/espeak-ng-data")
# Speech rates in words a minute, slowest first (espeak-ng's default is 175). Index 1 is the default.
RATES_WPM = (130, 165, 200, 240)
RENDER_TIMEOUT_S = 10.0


class EspeakError(RuntimeError):
    """espeak-ng is missing or failed; `str()` says what to install or what went wrong."""


@dataclass(frozen=True)
class Espeak:
    binary: str = "espeak-ng"
    data_path: str = ""  # the directory holding espeak-ng-data (espeak-ng's --path); "": its own

    def available(self) -> bool:
        return shutil.which(self.binary) is not None

    def data_dir(self) -> Path | None:
        """The espeak-ng-data directory the engine reads (None when it cannot be found)."""
        if self.data_path:
            return Path(self.data_path) / "espeak-ng-data"
        env = os.environ.get("ESPEAK_DATA_PATH", "")
        candidates = [str(Path(env) / "espeak-ng-data")] if env else []
        for pattern in DATA_DIRS:
            candidates += sorted(glob.glob(pattern))
        return next((Path(c) for c in candidates if Path(c).is_dir()), None)

    def speaks(self, language: str) -> bool:
        """Whether the engine has the voice's dictionary for `language` (a file check, no process): a
        stripped espeak-ng-data makes espeak-ng say nothing at all for it. True when the data cannot be found
        (the engine then reports its own error)."""
        data = self.data_dir()
        return data is None or (data / f"{DICTIONARIES.get(language, language)}_dict").is_file()

    def version(self) -> str:
        """`espeak-ng --version`'s first line (a clip cache key: another engine version renders anew)."""
        return self._run(["--version"], b"").decode("utf-8", "replace").strip().splitlines()[0]

    def render(self, text: str, language: str, rate_wpm: int = RATES_WPM[1], amplitude: int = 100) -> bytes:
        """A WAV file (RIFF, 16-bit mono, 22,050 Hz) of `text` as already normalised (kiosk.voice.normalize);
        `amplitude` 0–200 as espeak-ng's -a. The header's sizes are set right: espeak-ng writes 0x7FFFFFFF
        when it writes to a pipe, and players then report the file as corrupt."""
        args = [*self._path(), "-v", voice_for(language), "-s", str(int(rate_wpm)), "-a", str(int(amplitude))]
        args.append("--stdout")
        return fix_wav_sizes(self._run(args, text.encode("utf-8")))

    def phonemes(self, text: str, language: str) -> str:
        """espeak-ng's phoneme mnemonics for `text` (`-x -q`), one line per clause joined by spaces."""
        out = self._run([*self._path(), "-v", voice_for(language), "-x", "-q"], text.encode("utf-8"))
        return " ".join(line.strip() for line in out.decode("utf-8", "replace").splitlines() if line.strip())

    def _path(self) -> list[str]:
        return [f"--path={self.data_path}"] if self.data_path else []

    def _run(self, args: list[str], stdin: bytes) -> bytes:
        try:
            done = subprocess.run(
                [self.binary, *args], input=stdin, capture_output=True, timeout=RENDER_TIMEOUT_S, check=False
            )
        except FileNotFoundError:
            raise EspeakError(f"{self.binary} is not installed; install it: apt-get install espeak-ng") from None
        except subprocess.TimeoutExpired:
            raise EspeakError(f"{self.binary} took more than {RENDER_TIMEOUT_S:.0f} s") from None
        if done.returncode != 0:
            why = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
            raise EspeakError(f"{self.binary} failed: {why}")
        return done.stdout


def voice_for(language: str) -> str:
    return VOICES.get(language, VOICES["ko"])


def fix_wav_sizes(wav: bytes) -> bytes:
    """Set the RIFF and `data` chunk sizes from the bytes actually there."""
    if len(wav) < 44 or wav[:4] != b"RIFF" or wav[8:12] != b"WAVE":
        raise EspeakError("espeak-ng did not write a WAV file")
    out = bytearray(wav)
    struct.pack_into("<I", out, 4, len(out) - 8)
    pos = 12
    while pos + 8 <= len(out):
        chunk, size = out[pos : pos + 4], struct.unpack_from("<I", out, pos + 4)[0]
        if chunk == b"data":
            struct.pack_into("<I", out, pos + 4, len(out) - pos - 8)
            break
        pos += 8 + size
    return bytes(out)


def wav_duration(wav: bytes) -> float:
    """Seconds of sound in a PCM WAV file."""
    channels, rate = (int(v) for v in struct.unpack_from("<HI", wav, 22))
    bits = int(struct.unpack_from("<H", wav, 34)[0])
    pos = 12
    while pos + 8 <= len(wav):
        chunk, size = wav[pos : pos + 4], int(struct.unpack_from("<I", wav, pos + 4)[0])
        if chunk == b"data":
            return min(size, len(wav) - pos - 8) / (channels * rate * bits // 8)
        pos += 8 + size
    return 0.0
