"""Export a range of business days as CSV and XLSX to a USB stick the owner plugs in (issue 14 item 9).

What is written, in one folder `kiosk-export-<from>_<to>` on the stick:
- `orders.csv`, `lines.csv`, `payments.csv`: every order, line and payment of the range, from the read models;
- `summary.csv`: one row per business day and a total row: orders, gross, refunds, net, and net by the
  method split Korean owners reconcile against the card companies and the tax office: card / cash /
  cash receipt / easy pay (QR and customer-presented codes). A refund counts against its original payment's
  method on the day it was made, as `daily_totals` does, so the summary's net equals `kiosk report`.
- `sales-<from>_<to>.xlsx`: the same four tables as sheets (openpyxl, write-only: constant memory).
Files are written under a temporary name and renamed when complete, then synced to the stick.

Removable mounts come from /proc/self/mounts: a mount of a block device whose /sys/block/<disk>/removable
is 1, or anything mounted under /media or /run/media. `KIOSK_EXPORT_DIRS` (os.pathsep-separated
directories) replaces the detection (tests, or a shop that exports to a network folder)."""

from __future__ import annotations

import csv
import os
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.owner.access import OwnerError

if TYPE_CHECKING:
    from kiosk.ledger import Ledger

ENV_DIRS = "KIOSK_EXPORT_DIRS"
MAX_DAYS = 366
SPLIT = ("card", "cash", "cash_receipt", "easy_pay")
SPLIT_KO = {"card": "카드", "cash": "현금", "cash_receipt": "현금영수증", "easy_pay": "간편결제"}
_METHOD_SPLIT = {"card": "card", "cash": "cash", "qr": "easy_pay", "barcode": "easy_pay"}

Progress = Callable[[float, str], None]


class ExportError(OwnerError):
    pass


@dataclass(frozen=True)
class Mount:
    path: Path
    label: str
    free_bytes: int


def _unescape(field_: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field_)


def _disk_of(device: str) -> str:
    name = Path(device).name
    if re.match(r"(nvme\d+n\d+|mmcblk\d+)p\d+$", name):
        return name.rsplit("p", 1)[0]
    return re.sub(r"\d+$", "", name)


def removable_mounts(
    mounts_file: Path = Path("/proc/self/mounts"), sys_block: Path = Path("/sys/block")
) -> list[Mount]:
    """Writable removable mounts (USB sticks, SD cards), or the directories in KIOSK_EXPORT_DIRS."""
    given = os.environ.get(ENV_DIRS)
    paths: list[Path] = []
    if given is not None:
        paths = [Path(p) for p in given.split(os.pathsep) if p]
    else:
        try:
            lines = mounts_file.read_text().splitlines()
        except OSError:
            lines = []
        for line in lines:
            parts = line.split()
            if len(parts) < 3:
                continue
            device, mount = _unescape(parts[0]), _unescape(parts[1])
            removable = False
            if device.startswith("/dev/"):
                try:
                    removable = (sys_block / _disk_of(device) / "removable").read_text().strip() == "1"
                except OSError:
                    removable = False
            if removable or mount.startswith(("/media/", "/run/media/")):
                paths.append(Path(mount))
    found = []
    for p in paths:
        if p.is_dir() and os.access(p, os.W_OK):
            try:
                free = shutil.disk_usage(p).free
            except OSError:
                continue
            found.append(Mount(p, p.name or str(p), free))
    return found


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    files: list[Path]
    orders: int
    net: int
    by_split: dict[str, int] = field(default_factory=dict)  # method split -> net won


ORDER_HEADER = [
    "business_date", "order_number", "time", "order_type", "total", "taxable", "tax_free", "supply_value", "vat",
    "status", "method", "refunded_amount", "refund_date", "order_id",
]  # fmt: skip
LINE_HEADER = [
    "business_date", "order_number", "line_no", "item_id", "name", "quantity", "unit_price", "line_total",
    "tax_type", "options", "order_id",
]  # fmt: skip
PAYMENT_HEADER = [
    "business_date", "order_number", "method", "method_split", "amount", "status", "provider", "approval_no",
    "issuer", "masked_card", "installments", "refund_date", "order_id",
]  # fmt: skip
SUMMARY_HEADER = ["business_date", "orders", "gross", "refunds", "net", *SPLIT, "supply_value", "vat", "tax_free"]

_ORDERS = (
    "SELECT o.business_date, o.order_number, o.created_at, o.order_type, o.total, o.taxable_total, "
    "o.tax_free_total, o.supply_value, o.vat, o.status, coalesce(p.method, ''), coalesce(r.amount, 0), "
    "coalesce(r.business_date, ''), o.id FROM orders o LEFT JOIN payments p ON p.order_id = o.id "
    "LEFT JOIN refunds r ON r.order_id = o.id WHERE o.business_date BETWEEN ? AND ? "
    "ORDER BY o.business_date, o.order_number"
)
_LINES = (
    "SELECT l.business_date, o.order_number, l.line_no, l.item_id, l.name_ko, l.quantity, l.unit_price, "
    "l.line_total, l.tax_type, l.options_ko, l.order_id FROM order_lines l JOIN orders o ON o.id = l.order_id "
    "WHERE l.business_date BETWEEN ? AND ? ORDER BY l.business_date, o.order_number, l.line_no"
)
_PAYMENTS = (
    "SELECT p.business_date, o.order_number, p.method, p.amount, p.status, p.provider, p.approval_no, p.issuer, "
    "p.masked_card, p.installments, coalesce(r.business_date, ''), p.order_id FROM payments p "
    "JOIN orders o ON o.id = p.order_id LEFT JOIN refunds r ON r.order_id = p.order_id "
    "WHERE p.business_date BETWEEN ? AND ? ORDER BY p.business_date, o.order_number"
)
_DAYS = (
    "SELECT business_date, sale_count, gross, refunds, supply_value, vat, tax_free_total FROM daily_totals "
    "WHERE business_date BETWEEN ? AND ? ORDER BY business_date"
)
_SOLD_BY_METHOD = (
    "SELECT business_date, method, sum(amount) FROM payments WHERE business_date BETWEEN ? AND ? "
    "GROUP BY business_date, method"
)
# A refund is counted on its own business day, against the method its order was paid with.
_REFUNDED_BY_METHOD = (
    "SELECT r.business_date, coalesce(p.method, 'cash'), sum(r.amount) FROM refunds r "
    "LEFT JOIN payments p ON p.order_id = r.order_id WHERE r.business_date BETWEEN ? AND ? "
    "GROUP BY r.business_date, p.method"
)


def split_of(method: str) -> str:
    return _METHOD_SPLIT.get(method, "cash")


def _local(created_at: str, ledger: Ledger) -> str:
    try:
        return datetime.fromisoformat(created_at).astimezone(ledger.tz).strftime("%H:%M:%S")
    except ValueError:
        return ""


class Exporter:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def summary(self, date_from: date, date_to: date) -> list[list[Any]]:
        """One row per business day with sales (SUMMARY_HEADER), then the total row ("합계")."""
        span = (date_from.isoformat(), date_to.isoformat())
        with self.ledger.reading() as s:
            conn = s.connection()
            days = conn.exec_driver_sql(_DAYS, span).all()
            sold = conn.exec_driver_sql(_SOLD_BY_METHOD, span).all()
            refunded = conn.exec_driver_sql(_REFUNDED_BY_METHOD, span).all()
        split: dict[str, dict[str, int]] = {}
        for day, method, amount in sold:
            d = split.setdefault(day, dict.fromkeys(SPLIT, 0))
            d[split_of(method)] += int(amount)
        for day, method, amount in refunded:
            d = split.setdefault(day, dict.fromkeys(SPLIT, 0))
            d[split_of(method)] -= int(amount)
        rows: list[list[Any]] = []
        for day, count, gross, refunds, supply, vat, tax_free in days:
            by = split.get(day, dict.fromkeys(SPLIT, 0))
            rows.append([day, count, gross, refunds, gross - refunds, *(by[k] for k in SPLIT), supply, vat, tax_free])
        total = ["합계", *(sum(int(r[i]) for r in rows) for i in range(1, len(SUMMARY_HEADER)))]
        return [*rows, total]

    def export(self, target: Path, date_from: date, date_to: date, progress: Progress | None = None) -> ExportResult:
        """Write the range to a new folder under `target` (a mounted stick); returns the files written."""
        if date_to < date_from:
            raise ExportError("끝 날짜가 시작 날짜보다 앞입니다 / the last day is before the first")
        if (date_to - date_from).days >= MAX_DAYS:
            raise ExportError(f"한 번에 {MAX_DAYS}일까지 내보낼 수 있습니다 / at most {MAX_DAYS} days at a time")
        if not target.is_dir() or not os.access(target, os.W_OK):
            raise ExportError(
                f"{target}: USB 메모리에 쓸 수 없습니다 / cannot write to the USB stick; plug it in again"
            )
        report = progress or (lambda fraction, what: None)
        span = (date_from.isoformat(), date_to.isoformat())
        name = f"kiosk-export-{date_from:%Y%m%d}_{date_to:%Y%m%d}"
        folder = target / name
        try:
            folder.mkdir(exist_ok=True)
            return self._write(folder, name, span, report)
        except OSError as exc:
            raise ExportError(
                f"{folder}: 쓰지 못했습니다 ({exc.strerror or exc}) / could not write: check the stick has room "
                "and is not write-protected, then try again"
            ) from None

    def _write(self, folder: Path, name: str, span: tuple[str, str], report: Progress) -> ExportResult:
        from openpyxl import Workbook  # type: ignore[import-untyped]

        report(0.0, "summary")
        summary = self.summary(date.fromisoformat(span[0]), date.fromisoformat(span[1]))
        with self.ledger.reading() as s:
            n_orders = int(
                s.connection()
                .exec_driver_sql("SELECT count(*) FROM orders WHERE business_date BETWEEN ? AND ?", span)
                .scalar_one()
            )
        total_rows = max(1, n_orders * 4)  # orders, ~2 lines each, payments
        done = 0
        wb = Workbook(write_only=True)
        files: list[Path] = []

        def table(filename: str, sheet: str, header: Sequence[str], rows: Iterator[Sequence[Any]]) -> None:
            nonlocal done
            ws = wb.create_sheet(sheet)
            ws.append(list(header))
            path = folder / filename
            tmp = path.with_name(f".{filename}.tmp")
            with open(tmp, "w", newline="", encoding="utf-8-sig") as fh:
                w = csv.writer(fh)
                w.writerow(header)
                for i, row in enumerate(rows, 1):
                    w.writerow(row)
                    ws.append(list(row))
                    if i % 2000 == 0:
                        done += 2000
                        report(min(0.95, done / total_rows), filename)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
            files.append(path)

        table("summary.csv", "요약 summary", SUMMARY_HEADER, iter(summary))
        with self.ledger.reading() as s:
            conn = s.connection()
            tz_rows = (
                (d, n, _local(at, self.ledger), *rest) for d, n, at, *rest in conn.exec_driver_sql(_ORDERS, span)
            )
            table("orders.csv", "주문 orders", ORDER_HEADER, tz_rows)
            table("lines.csv", "품목 lines", LINE_HEADER, iter(conn.exec_driver_sql(_LINES, span)))
            pay_rows = ((d, n, m, split_of(m), *rest) for d, n, m, *rest in conn.exec_driver_sql(_PAYMENTS, span))
            table("payments.csv", "결제 payments", PAYMENT_HEADER, pay_rows)
        report(0.96, "xlsx")
        xlsx = folder / f"sales-{span[0]}_{span[1]}.xlsx"
        tmp = xlsx.with_name(f".{xlsx.name}.tmp")
        wb.save(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, xlsx)
        files.append(xlsx)
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        total = summary[-1]
        report(1.0, "done")
        return ExportResult(
            folder=folder,
            files=files,
            orders=n_orders,
            net=int(total[4]),
            by_split={k: int(total[5 + i]) for i, k in enumerate(SPLIT)},
        )
