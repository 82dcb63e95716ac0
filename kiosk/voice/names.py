"""Menu items' spoken names (docs/VOICE.md "Spoken names"): the name a person would say, per language.

The catalog may give it (`"spoken": {"ko": "원두 이백 그램", "ja": "…"}` on an item): that wins. Otherwise it
is made from the display name: emoji and pictographs dropped, size marks read as words ("(L)" → 라지 /
large / 大杯 / ラージ), ICE / HOT as a person says them, units after a number spelt (200g → 200 그램), the
brackets turned into a pause. The language's normaliser (kiosk.voice.normalize) then reads the numbers.
Pure functions, no engine, no Qt.
"""

from __future__ import annotations

import re
import unicodedata

from kiosk.domain.catalog import Catalog, Item

_SIZES = {
    "ko": {"S": "스몰", "M": "미디엄", "L": "라지", "R": "레귤러"},
    "en": {"S": "small", "M": "medium", "L": "large", "R": "regular"},
    "zh": {"S": "小杯", "M": "中杯", "L": "大杯", "R": "中杯"},
    "ja": {"S": "スモール", "M": "ミディアム", "L": "ラージ", "R": "レギュラー"},
}
_TEMPERATURE = {
    "ko": {"ICE": "아이스", "ICED": "아이스", "HOT": "따뜻한"},
    "en": {"ICE": "iced", "ICED": "iced", "HOT": "hot"},
    "zh": {"ICE": "冰", "ICED": "冰", "HOT": "热"},
    "ja": {"ICE": "アイス", "ICED": "アイス", "HOT": "ホット"},
}
# Units after a number; Japanese counts them in its normaliser (kiosk.voice.normalize_ja).
_UNITS = {
    "ko": {"g": "그램", "kg": "킬로그램", "ml": "밀리리터", "mL": "밀리리터", "L": "리터", "l": "리터"},
    "en": {"g": "grams", "kg": "kilograms", "ml": "milliliters", "mL": "milliliters", "L": "liters", "l": "liters"},
    "zh": {"g": "克", "kg": "公斤", "ml": "毫升", "mL": "毫升", "L": "升", "l": "升"},
    "ja": {},
}

_SIZE_MARK = re.compile(r"[(\[（【]\s*([SMLR])\s*[)\]）】]")
_TEMP_WORD = re.compile(r"(?<![A-Za-z])(ICED|ICE|HOT)(?![A-Za-z])")
_UNIT = re.compile(r"(\d)\s*(kg|mL|ml|g|L|l)(?![A-Za-z])")
_BRACKETS = re.compile(r"\s*[(\[（【]\s*(.*?)\s*[)\]）】]")


def _pictograph(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat in ("So", "Sk", "Cf") or ch in "\ufe0f\ufe0e\u20e3" or 0x1F000 <= ord(ch) <= 0x1FAFF


def speakable(display: str, language: str) -> str:
    """A display name as a person would say it: "아이스 아메리카노 (L) 🧊" → "아이스 아메리카노 라지"."""
    lang = language if language in _SIZES else "en"
    text = "".join(" " if _pictograph(ch) else ch for ch in display)
    text = _SIZE_MARK.sub(lambda m: f" {_SIZES[lang][m.group(1)]}", text)
    text = _TEMP_WORD.sub(lambda m: _TEMPERATURE[lang][m.group(1)], text)
    units = _UNITS[lang]
    text = _UNIT.sub(lambda m: f"{m.group(1)} {units[m.group(2)]}" if m.group(2) in units else m.group(0), text)
    text = _BRACKETS.sub(lambda m: f", {m.group(1)}" if m.group(1) else "", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


def spoken_name(item: Item, language: str) -> str:
    """The item's name to say in `language`: the catalog's spoken name in that language, else its display
    name in that language (the Korean one where it has none) made speakable."""
    given = getattr(item.spoken, language, "") if item.spoken is not None and language in _SIZES else ""
    if given:
        return given
    own = language in _SIZES and bool(getattr(item.names, language, ""))
    return speakable(item.names.get(language), language if own else "ko")


def name_pieces(catalog: Catalog, language: str) -> list[str]:
    """Each item's spoken name as the engine gets it (normalised): the clips to render ahead, the same
    pieces kiosk.voice.policy cuts phrases into."""
    from kiosk.voice.normalize import normalize

    return list(dict.fromkeys(normalize(spoken_name(item, language), language) for item in catalog.items))
