"""The EMVCo payload encoder / parser and CRC against public vectors."""

from __future__ import annotations

import pytest

from kiosk.emv import EmvError, crc16, encode, merchant_presented_payload, parse

EMVCO_SAMPLE = (
    "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441115802CN5914BEST "
    "TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***0708A6008667"
    "0902ME91320016A0112233449988770708123456786304A13A"
)
PROMPTPAY = [
    "00020101021129370016A000000677010111011300668012345675802TH530376463046197",
    "00020101021129370016A000000677010111011300668912345675802TH5303764630429C1",
    "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469",
    "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A",
    "00020101021129370016A000000677010111021301234567890125802TH530376463040CBD",
]
PIX = (
    "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal"
    "6008BRASILIA62070503***63041D3D"
)


def test_crc_check_value() -> None:
    assert crc16(b"123456789") == "29B1"


@pytest.mark.parametrize("payload", [EMVCO_SAMPLE, *PROMPTPAY, PIX])
def test_public_vectors_parse_and_their_crc_matches(payload: str) -> None:
    fields = parse(payload)
    assert fields["63"] == payload[-4:]
    assert crc16(payload[:-4].encode("utf-8")) == payload[-4:]


def test_emvco_sample_templates_and_multibyte_lengths() -> None:
    fields = parse(EMVCO_SAMPLE)
    assert fields["64"] == {"00": "ZH", "01": "最佳运输", "02": "北京"}
    assert fields["54"] == "23.72" and fields["53"] == "156"


def test_re_encoding_a_vector_reproduces_it() -> None:
    fields = parse(PROMPTPAY[2])
    assert encode(fields) == PROMPTPAY[2]  # type: ignore[arg-type]


def test_merchant_presented_payload_for_an_order() -> None:
    payload = merchant_presented_payload(12500, "A-0042", "카페 한결", "서울", "1208147521")
    f = parse(payload)
    assert f["01"] == "12" and f["53"] == "410" and f["54"] == "12500" and f["58"] == "KR"
    assert f["59"] == "카페 한결" and f["60"] == "서울" and f["62"] == {"05": "A-0042"}
    assert payload[-8:-4] == "6304"


@pytest.mark.parametrize(
    "bad",
    ["", "hello", PIX[:-1] + "E", PIX.replace("Fulano", "Fulana"), "000201" + "6304" + "0000", "0002010102126304ZZZZ"],
)
def test_malformed_payloads_are_refused_with_a_reason(bad: str) -> None:
    with pytest.raises(EmvError):
        parse(bad)
