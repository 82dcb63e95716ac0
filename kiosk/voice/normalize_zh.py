"""Chinese (Mandarin) text as espeak-ng's `cmn-latn-pinyin` voice should read it (docs/VOICE.md).

espeak-ng 1.51 (Debian 12) reads Chinese characters right with that voice (its `cmn` voice reads them as
pinyin spelt out in English: 你好 → "ni three hao three"), but not numbers: "10500" comes out as 十千五百 and
"12,500" as 十二千五百. So every number is written out in Chinese numerals here, as people say them:
一万二千五百, 一万零五百, 两千 (两 as a number's first digit before 百 / 千 / 万 / 亿, and as a count before a
measure word); order and phone numbers digit by digit (1 as 幺 in phone numbers); won amounts as 韩元.
Pure functions, no engine, no Qt.
"""

from __future__ import annotations

import re
import unicodedata

from kiosk.voice.normalize import CARD_RE, LONG_DIGITS_RE, NUM, PHONE_RE, myriads, parse_number

_DIGITS = ("零", "一", "二", "三", "四", "五", "六", "七", "八", "九")
_SPELL = ("零", "一", "二", "三", "四", "五", "六", "七", "八", "九")
_PHONE_SPELL = ("零", "幺", "二", "三", "四", "五", "六", "七", "八", "九")
_SMALL = ("", "十", "百", "千")
_LARGE = ("", "万", "亿", "万亿")

# Measure words a count stands before (2 is 两 there: 两杯, 两件).
MEASURE_WORDS = ("件", "杯", "个", "份", "位", "张", "块", "瓶", "碗", "串", "枚", "盒", "袋", "次", "种", "样", "人")


def _chunk(n: int, leading: bool) -> str:
    """0 < n < 10000 in Chinese numerals; `leading`: the number's first group (十五, not 一十五)."""
    out = ""
    zero = False
    for place in range(3, -1, -1):
        d = (n // 10**place) % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        if d == 2 and place >= 2 and not out and leading:
            word = "两"  # 两百, 两千 as prices are said (but 一万二千, 三千二百)
        elif d == 1 and place == 1 and not out and leading:
            word = ""  # 十五, not 一十五 (but 一百一十)
        else:
            word = _DIGITS[d]
        out += word + _SMALL[place]
    return out


def chinese_number(n: int) -> str:
    """12500 → 一万二千五百; 10500 → 一万零五百; 2000 → 两千; 22000 → 两万二千; 15 → 十五; 110 → 一百一十."""
    if n < 0:
        return "负" + chinese_number(-n)
    if n == 0:
        return "零"
    groups = myriads(n)
    out = ""
    for unit in range(len(groups) - 1, -1, -1):
        chunk = groups[unit]
        if chunk == 0:
            continue
        if out and (chunk < 1000 or groups[unit + 1] == 0):
            out += "零"
        text = "两" if chunk == 2 and unit else _chunk(chunk, leading=not out)
        out += text + _LARGE[unit]
    return out


def count_zh(n: int) -> str:
    """A count before a measure word: 两杯, not 二杯."""
    return "两" if n == 2 else chinese_number(n)


_WON = re.compile(rf"([+\-−]?)(?:₩\s*({NUM})|({NUM})\s*(?:원|韩元|韓元|won\b|KRW\b))", re.IGNORECASE)
_ORDER_NO = re.compile(r"(订单号|取餐号|订单号码|号码)(\s*(?:是|为|：|:)?\s*)(\d+)(\s*号)?")
_COUNT = re.compile(rf"({NUM})\s*({'|'.join(MEASURE_WORDS)})")
_TIMES = re.compile(r"\s*×\s*(\d+)(?!\d)")
_PERCENT = re.compile(rf"({NUM})\s*[%％]")
_PLAIN = re.compile(rf"(?<![\d.])({NUM})(?![\d.])")
_SYMBOLS = {"·": "，", "&": "和", "/": "，"}


def _won(m: re.Match[str]) -> str:
    sign, amount = m.group(1), parse_number(m.group(2) or m.group(3))
    words = f"{chinese_number(amount)}韩元"
    if sign == "+":
        return f"加{words}"
    if sign:
        return f"减{words}"
    return words


def normalize_zh(text: str) -> str:
    """Chinese text for espeak-ng's cmn-latn-pinyin voice: numbers in Chinese numerals (tests:
    tests/voice/test_normalize_cjk.py)."""
    out = unicodedata.normalize("NFKC", text)  # full-width digits and signs → ASCII
    out = CARD_RE.sub("卡号", out)
    out = PHONE_RE.sub(lambda m: "，".join("".join(_PHONE_SPELL[int(c)] for c in g) for g in m.groups()), out)
    out = _ORDER_NO.sub(lambda m: f"{m.group(1)}{m.group(2)}{''.join(_SPELL[int(c)] for c in m.group(3))}号", out)
    out = _WON.sub(_won, out)
    out = _COUNT.sub(lambda m: count_zh(parse_number(m.group(1))) + m.group(2), out)
    out = _TIMES.sub(lambda m: f"，{count_zh(int(m.group(1)))}份", out)
    out = _PERCENT.sub(lambda m: f"百分之{chinese_number(parse_number(m.group(1)))}", out)
    out = LONG_DIGITS_RE.sub(lambda m: "".join(_SPELL[int(c)] for c in m.group(0)), out)
    out = _PLAIN.sub(lambda m: chinese_number(parse_number(m.group(1))), out)
    for sym, words in _SYMBOLS.items():
        out = out.replace(sym, words)
    return re.sub(r"\s+", " ", out).strip()
