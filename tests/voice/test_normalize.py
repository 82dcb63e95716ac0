"""The Korean and English normalisers: what espeak-ng is given, and (with espeak-ng installed) what it then
says, as phonemes."""

from __future__ import annotations

import shutil

import pytest

from hardware.audio.espeak import Espeak
from kiosk.voice.normalize import (
    assimilate,
    is_private,
    native_korean,
    normalize,
    normalize_en,
    normalize_ko,
    sino_korean,
)

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "영"),
        (7, "칠"),
        (10, "십"),
        (15, "십오"),
        (100, "백"),
        (1000, "천"),
        (4500, "사천오백"),
        (10_000, "만"),
        (12_500, "만 이천오백"),
        (110_000, "십일만"),
        (1_000_000, "백만"),
        (123_456_789, "일억 이천삼백사십오만 육천칠백팔십구"),
        (100_000_000, "일억"),
    ],
)
def test_sino_korean(n: int, words: str) -> None:
    assert sino_korean(n) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [(1, "한"), (2, "두"), (3, "세"), (4, "네"), (5, "다섯"), (10, "열"), (11, "열한"), (20, "스무"), (21, "스물한")],
)
def test_native_korean_before_a_counter(n: int, words: str) -> None:
    assert native_korean(n) == words
    assert native_korean(99) == "아흔아홉" and native_korean(100) == "백"


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("12,500원", "만 이천오백 원"),
        ("₩4,500", "사천오백 원"),
        ("합계 1,000,000원", "합계 뱅만 원"),  # 백만 read as it is said: /뱅만/
        ("아메리카노 2잔", "아메리카노 두 잔"),
        ("1개", "한 개"),
        ("케이크 3조각", "케이크 세 조각"),
        ("21개", "스물한 개"),
        ("20잔", "스무 잔"),
        ("100개", "백 개"),
        ("3시", "세 시"),
        ("3시 30분", "세 시 삼십 분"),
        ("2시간", "두 시간"),
        ("1번째", "첫 번째"),
        ("3개월", "삼 개월"),  # not a counter of things: Sino-Korean
        ("샷 추가 +500원", "샷 추가 오백 원"),
        ("+500원", "오백 원 추가"),
        ("샷 추가 ×2", "샷 추가 두 개"),
        ("주문 번호는 123번입니다", "주문 번호는 일 이 삼 번임니다"),
        ("주문번호 7", "주문번호 칠 번"),
        ("010-1234-5678", "공일공, 일이삼사, 오육칠팔"),
        ("01012345678", "공일공, 일이삼사, 오육칠팔"),
        ("승인번호 00123456", "승인번호 공공일이삼사오육"),
        ("1234-56**-****-1234", "카드 번호"),
    ],
)
def test_normalize_ko_numbers(text: str, spoken: str) -> None:
    assert normalize_ko(text) == spoken


@pytest.mark.parametrize(
    ("word", "said"),
    [
        ("입니다", "임니다"),
        ("감사합니다", "감사함니다"),
        ("습니다", "슴니다"),
        ("국물", "궁물"),
        ("앞문", "암문"),
        ("먹는", "멍는"),
        ("닫는", "단는"),
        ("놓는", "논는"),
        ("음료", "음뇨"),
        ("종로", "종노"),
        ("협력", "혐녁"),
        ("신라", "실라"),
        ("설날", "설랄"),
        ("아메리카노", "아메리카노"),
        ("카페라떼", "카페라떼"),
        ("선택하세요", "선택하세요"),
    ],
)
def test_nasal_assimilation_and_liquidisation(word: str, said: str) -> None:
    assert assimilate(word) == said


def test_assimilation_stays_inside_words() -> None:
    """Between words a pause can fall: the normaliser changes only syllables written together."""
    assert normalize_ko("밥 먹었습니다") == "밥 먹었슴니다"


def test_english_normaliser() -> None:
    assert normalize_en("Total ₩12,500") == "Total 12,500 won"
    assert normalize_en("12,500원") == "12,500 won"
    assert normalize_en("Extra shot +₩500") == "Extra shot plus 500 won"
    assert normalize_en("Your order number is 123") == "Your order number is one two three"
    assert normalize_en("010-1234-5678") == "zero one zero, one two three four, five six seven eight"
    assert normalize_en("Extra shot ×2") == "Extra shot, 2 of them"
    assert normalize("12,500원", "en") == "12,500 won"
    assert normalize("2잔", "ko") == "두 잔"


def test_private_text_is_recognised() -> None:
    assert is_private("010-1234-5678")
    assert is_private("적립 번호 01012345678")
    assert is_private("1234-5678-****-1234")
    assert not is_private("합계 12,500원")
    assert not is_private("주문 번호 123")


@needs_espeak
@pytest.mark.parametrize(
    ("text", "before", "after"),
    [
        ("입니다", "ipnid", "imnid"),
        ("감사합니다", "apnid", "amnid"),
        ("음료", "m*jo", "mnjo"),
        ("2잔", "'i_! tS", "d'u tS"),
        ("010-1234-5678", "j'@N", "goN"),  # 영 (a quantity) → 공 (a digit)
    ],
)
def test_espeak_says_the_normalised_text(text: str, before: str, after: str) -> None:
    """The phonemes espeak-ng makes of the raw text show the error; of the normalised text, the fix."""
    engine = Espeak()
    raw = engine.phonemes(text, "ko")
    fixed = engine.phonemes(normalize_ko(text), "ko")
    assert before in raw and before not in fixed, (raw, fixed)
    assert after in fixed, fixed


@needs_espeak
def test_espeak_reads_won_amounts_in_both_languages() -> None:
    engine = Espeak()
    assert engine.phonemes(normalize_ko("12,500원"), "ko").startswith("m'an")  # 만, not 일만
    assert "tw'Elv T'aUz@nd" in engine.phonemes(normalize_en("₩12,500"), "en")
