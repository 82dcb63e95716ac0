"""Korean public holidays as the forecast sees them: each day gets a kind (an ordinary day, Seollal or
Chuseok days, the day before a holiday block, another public holiday ...) and the names to say it with.

The holidays come from the `holidays` package (KR: the lunar Seollal and Chuseok blocks, substitute
holidays, temporary holidays and election days, as the government announces them). It is imported on
first use, never at import time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

NORMAL = "normal"
# Kinds of day. "pre_*" is the ordinary day right before a block of holidays; "post_*" the first
# ordinary day after a Seollal or Chuseok block. A plain public holiday on a Saturday or Sunday is an
# ordinary weekend day for a shop, so it is NORMAL (it still makes a block for pre_holiday).
KINDS = (
    NORMAL,
    "seollal_eve",
    "seollal",
    "seollal_after",
    "chuseok_eve",
    "chuseok",
    "chuseok_after",
    "pre_seollal",
    "pre_chuseok",
    "post_seollal",
    "post_chuseok",
    "holiday",
    "pre_holiday",
)

# What a kind usually does to a small shop's sales before its own history says otherwise (a factor on
# the weekday's ordinary sales). Deliberately mild: the shop's own past days replace it quickly.
PRIOR_FACTOR = {
    NORMAL: 1.0,
    "seollal_eve": 0.9,
    "seollal": 0.7,
    "seollal_after": 0.85,
    "chuseok_eve": 0.9,
    "chuseok": 0.7,
    "chuseok_after": 0.85,
    "pre_seollal": 1.1,
    "pre_chuseok": 1.1,
    "post_seollal": 1.0,
    "post_chuseok": 1.0,
    "holiday": 1.0,
    "pre_holiday": 1.0,
}

_LABEL_KO = {
    "seollal_eve": "설날 전날",
    "seollal": "설날",
    "seollal_after": "설 연휴",
    "chuseok_eve": "추석 전날",
    "chuseok": "추석",
    "chuseok_after": "추석 연휴",
    "pre_seollal": "설 연휴 전날",
    "pre_chuseok": "추석 연휴 전날",
    "post_seollal": "설 연휴 다음 날",
    "post_chuseok": "추석 연휴 다음 날",
}
_LABEL_EN = {
    "seollal_eve": "the day before Seollal",
    "seollal": "Seollal (Lunar New Year)",
    "seollal_after": "the Seollal holidays",
    "chuseok_eve": "the day before Chuseok",
    "chuseok": "Chuseok",
    "chuseok_after": "the Chuseok holidays",
    "pre_seollal": "the day before the Seollal holidays",
    "pre_chuseok": "the day before the Chuseok holidays",
    "post_seollal": "the first day after the Seollal holidays",
    "post_chuseok": "the first day after the Chuseok holidays",
}


@dataclass(frozen=True, slots=True)
class DayKind:
    kind: str
    key: str  # what past days of the same sort share: the kind, or "holiday:<name>" for a named holiday
    label_ko: str
    label_en: str


ORDINARY = DayKind(NORMAL, NORMAL, "평일", "an ordinary day")


def _lunar(name_en: str) -> str | None:
    if "Korean New Year" in name_en:
        return "seollal"
    if "Chuseok" in name_en:
        return "chuseok"
    return None


class KoreanCalendar:
    """The kind of any day between `first` and `last` (a year of margin either side is loaded)."""

    def __init__(self, first: date, last: date) -> None:
        import holidays  # ~30 ms; only when a forecast is computed

        years = range(first.year - 1, last.year + 2)
        en: Any = holidays.country_holidays("KR", years=years, language="en_US")
        ko: Any = holidays.country_holidays("KR", years=years, language="ko")
        self._en: dict[date, str] = dict(en.items())
        self._ko: dict[date, str] = dict(ko.items())

    def holiday_name(self, day: date, lang: str = "ko") -> str | None:
        return (self._ko if lang == "ko" else self._en).get(day)

    def is_holiday(self, day: date) -> bool:
        return day in self._en

    def _block(self, day: date, step: int) -> list[date]:
        """The run of consecutive holidays starting at `day` going in direction `step`."""
        run = []
        while day in self._en:
            run.append(day)
            day += timedelta(days=step)
        return run

    def _block_lunar(self, days: list[date]) -> str | None:
        for d in days:
            kind = _lunar(self._en[d])
            if kind:
                return kind
        return None

    def kind(self, day: date) -> DayKind:
        name_en = self._en.get(day)
        if name_en is not None:
            lunar = _lunar(name_en)
            if lunar is not None:
                if "preceding" in name_en:
                    kind = f"{lunar}_eve"
                elif name_en in ("Korean New Year", "Chuseok"):
                    kind = lunar
                else:  # the second day, or a substitute day of the block
                    kind = f"{lunar}_after"
                return DayKind(kind, kind, _LABEL_KO[kind], _LABEL_EN[kind])
            if day.weekday() >= 5:
                return ORDINARY
            name_ko = self._ko.get(day, name_en)
            return DayKind(
                "holiday", f"holiday:{_base_name(name_en)}", f"공휴일({name_ko})", f"a public holiday ({name_en})"
            )
        ahead = self._block(day + timedelta(days=1), 1)
        if ahead:
            lunar = self._block_lunar(ahead)
            if lunar is not None:
                kind = f"pre_{lunar}"
                return DayKind(kind, kind, _LABEL_KO[kind], _LABEL_EN[kind])
            name_ko, name_en = self._ko.get(ahead[0], ""), self._en[ahead[0]]
            if ahead[0].weekday() < 5:
                return DayKind(
                    "pre_holiday",
                    f"pre_holiday:{_base_name(name_en)}",
                    f"공휴일({name_ko}) 전날",
                    f"the day before a public holiday ({name_en})",
                )
        behind = self._block(day - timedelta(days=1), -1)
        if behind:
            lunar = self._block_lunar(behind)
            if lunar is not None:
                kind = f"post_{lunar}"
                return DayKind(kind, kind, _LABEL_KO[kind], _LABEL_EN[kind])
        return ORDINARY


def _base_name(name_en: str) -> str:
    """A holiday's name without "Alternative holiday for" (a substitute day behaves like its holiday)."""
    return name_en.removeprefix("Alternative holiday for ").split(";")[0].strip()


@lru_cache(maxsize=4)
def calendar_for(first: date, last: date) -> KoreanCalendar:
    return KoreanCalendar(first, last)
