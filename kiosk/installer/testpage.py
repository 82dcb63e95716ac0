"""The self-test's printer page: Hangul printed natively and as a raster line, a syllable outside
KS X 1001 (똠, 햏, 뷁 go raster), a ruler that shows how many columns the paper takes, a QR, a Code 128
barcode (the scanner check scans it), the cut and a drawer kick."""

from __future__ import annotations

import secrets

from kiosk.receipts.document import (
    Align,
    Barcode,
    Columns,
    Cut,
    Document,
    DocumentKind,
    DrawerKick,
    Feed,
    QrCode,
    Rule,
    Text,
)

# Each ten columns end in their number: the last number printed in full is the paper's width in columns.
RULER = "".join(f"{'.' * (9 - len(str(n // 10 % 10)) + 1)}{n // 10 % 10}"[-10:] for n in range(10, 81, 10))


def new_scan_code() -> str:
    """The barcode's content: unique per self-test, so an old page cannot pass a new scan check."""
    return f"KT16-{secrets.randbelow(10**8):08d}"


def selftest_page(shop_name: str, printer_url: str, profile_name: str, device_id: str, scan_code: str) -> Document:
    blocks = (
        Text("자가 점검 시험 인쇄", Align.CENTER, bold=True, size=2),
        Text(shop_name, Align.CENTER),
        Text(f"단말기 {device_id}  프로필 {profile_name}"),
        Text(f"프린터 {printer_url}"),
        Rule(),
        Text("한글 기본: 가나다라마바사 아자차카타파하"),
        Text("그림 한글: 똠양꿍 햏 뷁 (KS X 1001 밖)"),
        Text("ASCII: 0123456789 ABCDEF abcdef"),
        Columns("아메리카노 x2", "9,000"),
        Text("눈금 (마지막 숫자 = 한 줄 칸 수):"),
        Text(RULER),
        Rule(),
        QrCode(f"KIOSK-SELFTEST:{device_id}:{scan_code}"),
        Text("QR이 읽히면 정상", Align.CENTER),
        Barcode(scan_code),
        Text(scan_code, Align.CENTER),
        Text("스캐너로 이 바코드를 읽어 주세요", Align.CENTER),
        Text("금전함이 열리면 정상", Align.CENTER),
        Feed(1),
        DrawerKick(),
        Cut(),
    )
    return Document(DocumentKind.TEST_PAGE, blocks, f"KIOSK-SELFTEST:{device_id}:{scan_code}")
