"""Voice guidance's devices for the window (docs/VOICE.md): espeak-ng and the clip cache behind the
ClipSource port, the earphone jack behind the EarphoneJack port, the voice keys from the config. ui/voice
gets only the ports."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import Settings

if TYPE_CHECKING:
    from hardware.audio.clips import ClipCache
    from kiosk.domain.catalog import Catalog
    from ui.voice.services import VoiceServices

log = logging.getLogger(__name__)


def clips_dir(settings: Settings) -> Path:
    return Path(settings.voice.clips_dir) if settings.voice.clips_dir else settings.data_path / "voice-clips"


def build_clips(settings: Settings) -> ClipCache:
    from hardware.audio.clips import ClipCache
    from hardware.audio.espeak import Espeak

    return ClipCache(Espeak(settings.voice.espeak, settings.voice.espeak_data), clips_dir(settings))


def build_voice(settings: Settings) -> VoiceServices | None:
    """None when voice is off in the config. No device is read here: the jack is opened (not read) and
    espeak-ng runs on the voice worker when the first phrase is said. A jack that cannot be opened is
    logged with what to fix; voice still starts from its key and button."""
    voice = settings.voice
    if not voice.enabled:
        return None
    from hardware.audio.jack import JackDeviceError, open_jack
    from ui.voice.services import VoiceKeys, VoiceServices

    try:
        jack = open_jack(voice.jack_device)
    except JackDeviceError as exc:
        log.error("voice: %s", exc)
        jack = None
    keys = VoiceKeys(
        start=voice.start_key,
        repeat=voice.repeat_key,
        slower=voice.slower_key,
        faster=voice.faster_key,
        softer=voice.softer_key,
        louder=voice.louder_key,
    )
    return VoiceServices(
        build_clips(settings), jack=jack, keys=keys, buffer=voice.output == "buffer", names_ahead=voice.names_ahead
    )


def menu_names(catalog: Catalog, languages: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Every menu item's spoken name, normalised, in `languages` (default: all four), once each: the clips
    `kiosk voice render` renders ahead with the phrases (docs/VOICE.md "Spoken names")."""
    from kiosk.voice.names import name_pieces
    from kiosk.voice.phrases import TABLES

    langs = languages or tuple(TABLES)
    return list(dict.fromkeys((piece, lang) for lang in langs for piece in name_pieces(catalog, lang)))


def fixed_phrases(languages: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Every fixed phrase, normalised, in `languages` (default: every language with phrases), once each:
    what `kiosk voice render` renders."""
    from kiosk.voice.normalize import normalize
    from kiosk.voice.phrases import TABLES
    from kiosk.voice.phrases import fixed_phrases as fixed

    langs = languages or tuple(TABLES)
    return list(dict.fromkeys((normalize(text, lang), lang) for lang in langs for text in fixed(lang)))
