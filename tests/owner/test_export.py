"""Exports to a "USB stick" (a temporary folder named by KIOSK_EXPORT_DIRS, or a mount found in a mounts
file): CSV and XLSX read back (openpyxl) with the same totals as `kiosk report`, the method split adds up
to the net, progress moves forward, and a stick that cannot be written says so."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiosk.owner.export import SPLIT, Exporter, ExportError, removable_mounts
from kiosk.reports import sales_report
from tests.helpers.owner import shop_ledger, today


def test_export_reads_back_with_the_reports_totals(tmp_path: Path) -> None:
    ledger, _ = shop_ledger(tmp_path / "ledger.sqlite3", days=9, per_day=20)
    try:
        lo, hi = today() - timedelta(days=6), today()
        stick = tmp_path / "usb"
        stick.mkdir()
        seen: list[float] = []
        result = Exporter(ledger).export(stick, lo, hi, lambda f, what: seen.append(f))
        report = sales_report(ledger, lo, hi)
    finally:
        ledger.close()
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    names = sorted(p.name for p in result.files)
    assert names == sorted(["summary.csv", "orders.csv", "lines.csv", "payments.csv", f"sales-{lo}_{hi}.xlsx"])
    assert all(p.parent == stick / f"kiosk-export-{lo:%Y%m%d}_{hi:%Y%m%d}" for p in result.files)
    assert not [p for p in result.folder.iterdir() if p.name.startswith(".")]  # no temporary files left
    assert result.net == report.net and result.orders == report.sale_count
    assert sum(result.by_split.values()) == report.net

    wb = load_workbook(next(p for p in result.files if p.suffix == ".xlsx"), read_only=True)
    summary = list(wb["요약 summary"].iter_rows(values_only=True))
    header, total = summary[0], summary[-1]
    assert total[0] == "합계"
    col = {name: i for i, name in enumerate(header)}
    assert total[col["net"]] == report.net and total[col["gross"]] == report.gross
    assert total[col["refunds"]] == report.refunds and total[col["vat"]] == report.vat
    assert sum(total[col[k]] for k in SPLIT) == report.net
    orders = list(wb["주문 orders"].iter_rows(values_only=True))[1:]
    assert len(orders) == report.sale_count and sum(r[4] for r in orders) == report.gross
    lines = list(wb["품목 lines"].iter_rows(values_only=True))[1:]
    assert sum(r[7] for r in lines) == report.gross
    payments = list(wb["결제 payments"].iter_rows(values_only=True))[1:]
    by_method: dict[str, int] = {}
    for r in payments:
        by_method[r[2]] = by_method.get(r[2], 0) + r[4]
    assert by_method == {m: a for m, (c, a) in report.by_method.items()}
    wb.close()
    with open(result.folder / "orders.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == report.sale_count and sum(int(r["total"]) for r in rows) == report.gross


def test_a_stick_that_cannot_be_written_says_what_to_do(tmp_path: Path) -> None:
    ledger, _ = shop_ledger(tmp_path / "ledger.sqlite3", days=2, per_day=5)
    try:
        with pytest.raises(ExportError, match="plug it in again"):
            Exporter(ledger).export(tmp_path / "gone", today(), today())
        with pytest.raises(ExportError, match="before the first"):
            Exporter(ledger).export(tmp_path, today(), today() - timedelta(days=1))
    finally:
        ledger.close()


def test_removable_mounts_from_the_mounts_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_EXPORT_DIRS", raising=False)
    usb, card, disk = tmp_path / "USB STICK", tmp_path / "sd", tmp_path / "root"
    for d in (usb, card, disk):
        d.mkdir()
    sys_block = tmp_path / "sys"
    for name, removable in (("sdb", "1"), ("mmcblk0", "1"), ("sda", "0")):
        (sys_block / name).mkdir(parents=True)
        (sys_block / name / "removable").write_text(removable + "\n")
    mounts = tmp_path / "mounts"
    escaped = str(usb).replace(" ", "\\040")
    mounts.write_text(
        f"/dev/sda1 {disk} ext4 rw 0 0\n"
        f"/dev/sdb1 {escaped} vfat rw 0 0\n"
        f"/dev/mmcblk0p1 {card} vfat rw 0 0\n"
        "proc /proc proc rw 0 0\n"
    )
    found = removable_mounts(mounts, sys_block)
    assert [m.path for m in found] == [usb, card] and found[0].label == "USB STICK"
    monkeypatch.setenv("KIOSK_EXPORT_DIRS", str(disk))
    assert [m.path for m in removable_mounts(mounts, sys_block)] == [disk]
