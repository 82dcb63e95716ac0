"""Text as the speech engine should read it, before espeak-ng sees it (DESIGN §16, docs/VOICE.md).

espeak-ng's Korean voice reads "12,500원" right, but it reads counters with Sino-Korean numerals ("2잔" →
"이 잔" instead of "두 잔"), phone and order numbers as quantities ("010-1234-5678" → "영일영 천이백…") and
misses nasal assimilation across some syllables (입니다 → /ipnida/, espeak-ng issue #305). `normalize_ko`
rewrites the text so that the engine, reading it literally, says what a Korean speaker says. English goes
through `normalize_en` (won amounts, digit-by-digit numbers), Chinese and Japanese through
kiosk/voice/normalize_zh.py and normalize_ja.py. Pure functions, no engine, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# --- numbers ----------------------------------------------------------------------------------------

_SINO_DIGITS = ("", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구")
_SPELL_DIGITS_KO = ("공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구")
_SPELL_DIGITS_EN = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SMALL_UNITS = ("", "십", "백", "천")
_LARGE_UNITS = ("", "만", "억", "조", "경")

# Native numerals as they stand before a counter (관형사형): 한 잔, 두 잔, 세 잔, 네 잔, 스무 잔.
_NATIVE_ONES = ("", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉")
_NATIVE_TENS = ("", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")

# Counters read with native numerals (up to 99): cups, pieces, people, hours, portions, sheets, bottles ...
NATIVE_COUNTERS = (
    "시간",
    "그릇",
    "가지",
    "마리",
    "송이",
    "접시",
    "봉지",
    "조각",
    "잔",
    "개",
    "명",
    "시",
    "살",
    "장",
    "병",
    "컵",
    "캔",
    "판",
    "곳",
    "벌",
    "권",
    "대",
    "줄",
    "팩",
    "통",
    "번째",
    "군데",
)


def myriads(n: int) -> list[int]:
    """A positive number in groups of four digits, lowest first (12500 → [2500, 1]): Korean, Chinese and
    Japanese count in 만 / 万 / 億, not in thousands."""
    groups: list[int] = []
    while n:
        n, chunk = divmod(n, 10_000)
        groups.append(chunk)
    return groups


def sino_korean(n: int) -> str:
    """12500 → "만 이천오백": Sino-Korean numerals, 일 dropped before 십 / 백 / 천 / 만 as people say them,
    a space after each 만 / 억 / 조 group (the spelling rule for numbers, 한글 맞춤법 제44항)."""
    if n < 0:
        return "마이너스 " + sino_korean(-n)
    if n == 0:
        return "영"
    groups: list[str] = []
    for unit, chunk in enumerate(myriads(n)):
        if chunk:
            text = _sino_chunk(chunk)
            if unit == 1 and text == "일":
                text = ""  # 만, not 일만 (but 일억, 일조)
            groups.append(text + _LARGE_UNITS[unit])
    return " ".join(reversed(groups))


def _sino_chunk(n: int) -> str:
    out = ""
    for place in range(3, -1, -1):
        d = (n // 10**place) % 10
        if d:
            out += ("" if d == 1 and place else _SINO_DIGITS[d]) + _SMALL_UNITS[place]
    return out


def native_korean(n: int) -> str:
    """1 → 한, 2 → 두, 20 → 스무, 21 → 스물한, 99 → 아흔아홉 (the forms before a counter). Numbers of
    100 and more are read in Sino-Korean, as people do ("백 개")."""
    if n <= 0 or n >= 100:
        return sino_korean(n)
    tens, ones = divmod(n, 10)
    if n == 20:
        return "스무"
    return _NATIVE_TENS[tens] + _NATIVE_ONES[ones]


def spell_digits_ko(digits: str) -> str:
    """ "0101" → "공일공일": one syllable a digit (0 as 공, as in phone and order numbers)."""
    return "".join(_SPELL_DIGITS_KO[int(c)] for c in digits if c.isdigit())


def spell_digits_en(digits: str) -> str:
    return " ".join(_SPELL_DIGITS_EN[int(c)] for c in digits if c.isdigit())


def parse_number(text: str) -> int:
    return int(text.replace(",", ""))


# --- patterns shared by both languages ------------------------------------------------------------------

# Mobile and landline numbers: 010-1234-5678, 010 1234 5678, 01012345678, 02-123-4567.
PHONE_RE = re.compile(r"(?<![\d,])(0\d{1,2})[-. ]?(\d{3,4})[-. ]?(\d{4})(?![\d,])")
# Card-like digit runs (masked or not): 1234-56**-****-1234; never printed, but never read either.
CARD_RE = re.compile(r"(?<!\d)\d{4}[- ][\d*]{4}[- ][\d*]{4}[- ][\d*]{1,4}(?!\d)")
# Long digit runs that are codes, not quantities (membership numbers, approval numbers): 6 and more.
LONG_DIGITS_RE = re.compile(r"(?<![\d,])\d{6,}(?![\d,])")


def is_private(text: str) -> bool:
    """Whether the text holds what must not be read aloud to a queue: a phone number, card digits or a long
    code (a PIN is never put in a phrase at all). Phrases marked private by their author count too."""
    return bool(PHONE_RE.search(text) or CARD_RE.search(text) or LONG_DIGITS_RE.search(text))


# --- Korean -------------------------------------------------------------------------------------------

NUM = r"\d{1,3}(?:,\d{3})+|\d+"
_WON_KO = re.compile(rf"(?<![\w\d])([+\-−]?)(?:₩\s*)?({NUM})\s*원")
_WON_SIGN_KO = re.compile(rf"(?<![\w\d])([+\-−]?)₩\s*({NUM})")
_ORDER_NO_KO = re.compile(r"(주문\s*번호|번호표|대기\s*번호)(\s*(?:는|은)?\s*)(\d+)(\s*번)?")
_COUNT_KO = re.compile(rf"({NUM})\s*({'|'.join(NATIVE_COUNTERS)})(?!월)")  # 3개월: 삼 개월
_TIMES_KO = re.compile(r"×\s*(\d+)(?!\d)")
_PERCENT = re.compile(rf"({NUM})\s*%")
_PLAIN_NUM = re.compile(rf"(?<![\d.])({NUM})(?![\d.])")
_SYMBOLS_KO = {"·": ", ", "/": " ", "~": "에서 ", "&": " 그리고 "}


def _won_ko(m: re.Match[str]) -> str:
    sign, amount = m.group(1), parse_number(m.group(2))
    words = f"{sino_korean(amount)} 원"
    if sign and m.string[: m.start()].rstrip().endswith(("추가", "할인")):
        return words  # "샷 추가 +500원": 추가 is said already
    if sign == "+":
        return f"{words} 추가"
    if sign:
        return f"{words} 할인"
    return words


def _order_no_ko(m: re.Match[str]) -> str:
    return f"{m.group(1)}{m.group(2)}{' '.join(spell_digits_ko(m.group(3)))} 번"


def _phone_ko(m: re.Match[str]) -> str:
    return ", ".join(spell_digits_ko(g) for g in m.groups())


def _count_ko(m: re.Match[str]) -> str:
    n, counter = parse_number(m.group(1)), m.group(2)
    if n == 1 and counter == "번째":
        return "첫 번째"
    return f"{native_korean(n)} {counter}"


# Final consonants (종성) and the initials (초성) they meet, as jamo indices in the Unicode syllable block.
_CHO_N, _CHO_R, _CHO_M, _CHO_NG = 2, 5, 6, 11
_JONG_NONE, _JONG_N, _JONG_L, _JONG_M, _JONG_NG = 0, 4, 8, 16, 21
_JONG_K = {1, 2, 3, 9, 24}  # ㄱ ㄲ ㄳ ㄺ ㅋ → ㅇ before ㄴ/ㅁ
_JONG_T = {7, 19, 20, 22, 23, 25, 27}  # ㄷ ㅅ ㅆ ㅈ ㅊ ㅌ ㅎ → ㄴ
_JONG_P = {17, 18, 11, 14, 26}  # ㅂ ㅄ ㄼ ㄿ ㅍ → ㅁ


def _split(ch: str) -> tuple[int, int, int] | None:
    code = ord(ch) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return code // 588, (code % 588) // 28, code % 28


def _join(cho: int, jung: int, jong: int) -> str:
    return chr(0xAC00 + cho * 588 + jung * 28 + jong)


def assimilate(text: str) -> str:
    """The sound changes between two syllables of one word that espeak-ng does not make (표준 발음법 제18–20항):
    비음화 — ㄱ/ㄷ/ㅂ-type finals before ㄴ or ㅁ become ㅇ/ㄴ/ㅁ (입니다 → 임니다, 국물 → 궁물, 앞문 → 암문);
    ㄹ after ㅁ/ㅇ becomes ㄴ (음료 → 음뇨, 종로 → 종노), and after ㄱ/ㅂ both change (협력 → 혐녁);
    유음화 — ㄴ next to ㄹ becomes ㄹ (신라 → 실라, 설날 → 설랄)."""
    chars = list(text)
    for i in range(len(chars) - 1):
        a, b = _split(chars[i]), _split(chars[i + 1])
        if a is None or b is None:
            continue
        cho1, jung1, jong = a
        cho2, jung2, jong2 = b
        if cho2 == _CHO_R and jong in (_JONG_M, _JONG_NG):
            cho2 = _CHO_N
        elif cho2 == _CHO_R and (jong in _JONG_K or jong in _JONG_P):
            cho2 = _CHO_N  # then the final changes below, before the new ㄴ
        elif cho2 == _CHO_R and jong == _JONG_N:
            jong = _JONG_L
        elif cho2 == _CHO_N and jong == _JONG_L:
            cho2 = _CHO_R
        if cho2 in (_CHO_N, _CHO_M):
            if jong in _JONG_K:
                jong = _JONG_NG
            elif jong in _JONG_T:
                jong = _JONG_N
            elif jong in _JONG_P:
                jong = _JONG_M
        chars[i] = _join(cho1, jung1, jong)
        chars[i + 1] = _join(cho2, jung2, jong2)
    return "".join(chars)


def _in_words(pattern: re.Pattern[str], fix: Callable[[str], str]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        return pattern.sub(lambda m: fix(m.group(0)), text)

    return apply


_assimilate_words = _in_words(re.compile(r"[가-힣]{2,}"), assimilate)


def normalize_ko(text: str) -> str:
    """Korean text as espeak-ng should read it (docs/VOICE.md "Normaliser rules", tests/voice/test_normalize.py)."""
    out = CARD_RE.sub("카드 번호", text)
    out = PHONE_RE.sub(_phone_ko, out)
    out = _ORDER_NO_KO.sub(_order_no_ko, out)
    out = _WON_KO.sub(_won_ko, out)
    out = _WON_SIGN_KO.sub(_won_ko, out)
    out = _COUNT_KO.sub(_count_ko, out)
    out = _TIMES_KO.sub(lambda m: f" {native_korean(int(m.group(1)))} 개", out)
    out = _PERCENT.sub(lambda m: f"{sino_korean(parse_number(m.group(1)))} 퍼센트", out)
    out = LONG_DIGITS_RE.sub(lambda m: spell_digits_ko(m.group(0)), out)
    out = _PLAIN_NUM.sub(lambda m: sino_korean(parse_number(m.group(1))) + " ", out)  # 30분 → 삼십 분
    for sym, words in _SYMBOLS_KO.items():
        out = out.replace(sym, words)
    out = _assimilate_words(out)
    return re.sub(r"\s+([,.?!])", r"\1", re.sub(r"\s+", " ", out)).strip()


# --- English ------------------------------------------------------------------------------------------

_WON_EN = re.compile(rf"([+\-−]?)₩\s*({NUM})|([+\-−]?)({NUM})\s*(?:원|won\b|KRW\b)", re.IGNORECASE)
_ORDER_NO_EN = re.compile(r"(order\s+(?:number|no\.?)|number|No\.)(\s*(?:is\s+)?#?\s*)(\d+)", re.IGNORECASE)
_TIMES_EN = re.compile(r"\s*×\s*(\d+)(?!\d)")
_SYMBOLS_EN = {"·": ", ", "&": " and "}


def _won_en(m: re.Match[str]) -> str:
    sign = m.group(1) if m.group(2) else m.group(3)
    amount = parse_number(m.group(2) or m.group(4))
    words = f"{amount:,} won"
    if sign == "+":
        return f"plus {words}"
    if sign:
        return f"minus {words}"
    return words


def normalize_en(text: str) -> str:
    """English text for espeak-ng's en-us voice: won amounts as "12,500 won" (the engine reads the digits
    with their commas right), phone and order numbers digit by digit."""
    out = CARD_RE.sub("card number", text)
    out = PHONE_RE.sub(lambda m: ", ".join(spell_digits_en(g) for g in m.groups()), out)
    out = _ORDER_NO_EN.sub(lambda m: f"{m.group(1)}{m.group(2).replace('#', '')}{spell_digits_en(m.group(3))}", out)
    out = _WON_EN.sub(_won_en, out)
    out = _TIMES_EN.sub(lambda m: f", {m.group(1)} of them", out)
    out = LONG_DIGITS_RE.sub(lambda m: spell_digits_en(m.group(0)), out)
    for sym, words in _SYMBOLS_EN.items():
        out = out.replace(sym, words)
    return re.sub(r"\s+", " ", out).strip()


def normalize(text: str, language: str) -> str:
    """The display language is the speech language: each language through its own normaliser
    (`normalize_ko`, `normalize_en`, `normalize_zh`, `normalize_ja`); another language as English."""
    if language == "ko":
        return normalize_ko(text)
    if language == "zh":
        from kiosk.voice.normalize_zh import normalize_zh

        return normalize_zh(text)
    if language == "ja":
        from kiosk.voice.normalize_ja import normalize_ja

        return normalize_ja(text)
    return normalize_en(text)
