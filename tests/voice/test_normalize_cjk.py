"""Chinese and Japanese speech: the phrase tables, the normalisers (numbers, won amounts, order numbers,
Japanese readings) and — with espeak-ng installed — what the engine then says, as phonemes: every phrase
in its own language's voice, never a word spelt out by the English voice."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from hardware.audio.espeak import Espeak, voice_for
from kiosk.config import REPO_ROOT, load_settings
from kiosk.domain.catalog import load_catalog
from kiosk.voice.names import spoken_name
from kiosk.voice.normalize import normalize
from kiosk.voice.normalize_ja import count_ja, japanese_number, normalize_ja, unread_kanji
from kiosk.voice.normalize_zh import chinese_number, count_zh, normalize_zh
from kiosk.voice.phrases import TABLES, fixed_phrases

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")

# The customer screens' QML files: their Japanese names are read aloud when focus moves.
CUSTOMER_CONTEXTS = {p.stem for p in (REPO_ROOT / "ui" / "qml" / "customer").glob("*.qml")} | {
    "VoiceButton",
    "KeypadHelp",
}
VALUES = {
    "zh": {"item": "美式咖啡", "price": "₩4,500", "count": 2, "total": "₩12,500", "number": 123, "reason": "余额不足"},
    "ja": {"item": "アメリカーノ", "price": "₩4,500", "count": 2, "total": "₩12,500", "number": 123, "reason": ""},
}


def test_every_language_has_every_phrase_with_the_same_placeholders() -> None:
    ko = TABLES["ko"]
    assert set(TABLES) == {"ko", "en", "zh", "ja"}
    for lang, table in TABLES.items():
        assert table.keys() == ko.keys(), lang
        for key, text in table.items():
            assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", ko[key])), (lang, key)
            assert text.strip() and len(text) < 120, (lang, key)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "零"),
        (2, "二"),
        (10, "十"),
        (15, "十五"),
        (110, "一百一十"),
        (200, "两百"),
        (1005, "一千零五"),
        (2000, "两千"),
        (4500, "四千五百"),
        (10_000, "一万"),
        (10_500, "一万零五百"),
        (12_500, "一万二千五百"),
        (22_000, "两万二千"),
        (100_050, "十万零五十"),
        (1_000_000, "一百万"),
        (123_456_789, "一亿二千三百四十五万六千七百八十九"),
    ],
)
def test_chinese_numbers(n: int, words: str) -> None:
    assert chinese_number(n) == words


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("₩4,500", "四千五百韩元"),
        ("4,500원", "四千五百韩元"),
        ("合计₩12,500。", "合计一万二千五百韩元。"),
        ("１２５００韩元", "一万二千五百韩元"),  # full-width digits
        ("加一份浓缩 +₩500", "加一份浓缩 加五百韩元"),
        ("共2件", "共两件"),
        ("2杯美式咖啡", "两杯美式咖啡"),
        ("12杯", "十二杯"),
        ("您的订单号是123号。", "您的订单号是一二三号。"),
        ("010-1234-5678", "零幺零，幺二三四，五六七八"),
        ("音量3。", "音量三。"),
        ("10%", "百分之十"),
        ("1234-56**-****-1234", "卡号"),
    ],
)
def test_normalize_zh(text: str, spoken: str) -> None:
    assert normalize_zh(text) == spoken
    assert normalize(text, "zh") == spoken
    assert count_zh(2) == "两" and count_zh(3) == "三"


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "ゼロ"),
        (4, "よん"),
        (10, "じゅう"),
        (14, "じゅうよん"),
        (100, "ひゃく"),
        (300, "さんびゃく"),
        (600, "ろっぴゃく"),
        (800, "はっぴゃく"),
        (1000, "せん"),
        (3000, "さんぜん"),
        (4500, "よんせんごひゃく"),
        (8000, "はっせん"),
        (10_000, "いちまん"),
        (12_500, "いちまんにせんごひゃく"),
        (10_000_000, "いっせんまん"),
        (100_000_000, "いちおく"),
    ],
)
def test_japanese_numbers(n: int, words: str) -> None:
    assert japanese_number(n) == words


@pytest.mark.parametrize(
    ("n", "counter", "words"),
    [
        (1, "点", "いってん"),
        (2, "点", "にてん"),
        (8, "点", "はってん"),
        (10, "点", "じゅってん"),
        (20, "点", "にじゅってん"),
        (21, "点", "にじゅういってん"),
        (1, "個", "いっこ"),
        (6, "個", "ろっこ"),
        (3, "杯", "さんばい"),
        (1, "杯", "いっぱい"),
        (1, "人", "ひとり"),
        (2, "人", "ふたり"),
        (4, "人", "よにん"),
        (30, "秒", "さんじゅうびょう"),
    ],
)
def test_japanese_counters(n: int, counter: str, words: str) -> None:
    assert count_ja(n, counter) == words


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("４５００ウォン", "よんせんごひゃく ウォン"),
        ("₩12,500", "いちまんにせんごひゃく ウォン"),
        ("合計₩4,500です。", "ごうけい よんせんごひゃく ウォン です。"),
        ("ショット追加 +₩500", "ショットついか プラス ごひゃく ウォン"),
        ("カート2点、合計₩8,000。", "カート にてん、ごうけい はっせん ウォン。"),
        ("注文番号は123番です。", "ちゅうもんばんごうは いち に さん ばん です。"),
        ("音量3。", "おんりょう さん。"),
        ("牛乳1L", "ぎゅうにゅう いち リットル"),
        ("090-1234-5678", "ゼロ きゅう ゼロ、いち に さん よん、ご ろく なな はち"),
        ("30秒後に最初の画面に戻ります。", "さんじゅうびょう ごにさいしょのがめんにもどります。"),
    ],
)
def test_normalize_ja(text: str, spoken: str) -> None:
    assert normalize_ja(text) == spoken
    assert normalize(text, "ja") == spoken


def test_japanese_phrases_screens_and_demo_menu_leave_no_kanji_unread() -> None:
    """espeak-ng's ja voice reads kana only: every phrase, every Japanese name on the customer screens (read
    when focus moves) and every spoken name in the demo menu comes out of the normaliser as kana."""
    texts = [text.format(**VALUES["ja"]) for text in TABLES["ja"].values()]
    root = ET.parse(REPO_ROOT / "ui" / "i18n" / "kiosk_ja.ts").getroot()
    for context in root.iter("context"):
        if context.findtext("name") in CUSTOMER_CONTEXTS:
            for message in context.iter("message"):
                text = message.findtext("translation") or ""
                texts.append(text.replace("%1", "3").replace("%2", "₩4,500").replace("%3", "2"))
    catalog = load_catalog(load_settings(env={}).catalog_path)
    texts += [spoken_name(item, "ja") for item in catalog.items]
    texts += [g.names.ja for g in catalog.option_groups.values()]
    texts += [o.names.ja for g in catalog.option_groups.values() for o in g.options]
    texts += [c.names.ja for c in catalog.categories]
    assert len(texts) > 200
    left = {t: unread_kanji(normalize_ja(t)) for t in texts if unread_kanji(normalize_ja(t))}
    assert not left, left


@needs_espeak
@pytest.mark.parametrize("language", ["zh", "ja"])
def test_espeak_reads_every_phrase_in_its_own_voice(language: str) -> None:
    """No phrase falls back to the English voice (espeak-ng marks a switch "(en)"): Chinese characters and
    kana are read by the cmn-latn-pinyin and ja voices, numbers as the normaliser wrote them. (The Korean
    phrases say "QR" in English letters, as Koreans do.)"""
    engine = Espeak()
    values = VALUES[language]
    texts = fixed_phrases(language) + [
        text.format(**values) for text in TABLES[language].values() if "{" in text and "{reason}" not in text
    ]
    # One espeak-ng run for the lot: a clause per line.
    phonemes = engine.phonemes("\n".join(normalize(t, language) for t in texts), language)
    assert phonemes and "(en)" not in phonemes, phonemes


@needs_espeak
def test_espeak_says_chinese_and_japanese_numbers_right_only_after_the_normaliser() -> None:
    engine = Espeak()
    assert voice_for("zh") == "cmn-latn-pinyin" and voice_for("ja") == "ja"
    # 12,500: espeak-ng alone says 十二千五百 (s.,i.35 '@r51 ... = shi er qian); normalised, 一万二千五百.
    raw, fixed = engine.phonemes("12,500韩元", "zh"), engine.phonemes(normalize_zh("12,500韩元"), "zh")
    assert "@r51_| tS;h'iE55n" in raw and "w'A51n" not in raw, raw
    assert fixed.startswith("j'i55_| w'A51n_| '@r51_| tS;h'iE55n"), fixed  # yi wan er qian
    # 4500: espeak-ng alone says しせん (s,i sen); normalised, よんせん.
    raw, fixed = engine.phonemes("4500ウォン", "ja"), engine.phonemes(normalize_ja("4500ウォン"), "ja")
    assert raw.startswith("s,i") and "j" not in raw.split("sen")[0], raw
    assert fixed.startswith("j,ou~s") and "w'oN" in fixed and "(en)" not in fixed, fixed
    # Kanji: the ja voice spells them as "Chinese letter" in English; the readings make them kana.
    assert "(en)" in engine.phonemes("注文番号", "ja")
    assert "(en)" not in engine.phonemes(normalize_ja("注文番号"), "ja")
    # The cmn voice reads Chinese characters as pinyin spelt in English; cmn-latn-pinyin reads them.
    cmn = subprocess.run(["espeak-ng", "-v", "cmn", "-x", "-q"], input="你好", capture_output=True, text=True)
    assert "(en)" in cmn.stdout, cmn.stdout
    assert "(en)" not in engine.phonemes("你好", "zh")
