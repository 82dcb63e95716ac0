"""Sync and devices at a glance (issue 14 item 10): synced / pending N / offline since, quarantined
entries, receipts that did not print, unresolved payments, printer and card-terminal health, each with
what to do, in Korean and English."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.devices.health import HealthEvent
    from kiosk.ledger import Ledger


@dataclass(frozen=True)
class StatusLine:
    key: str  # sync | quarantine | prints | payments | <device name>
    ok: bool
    text_ko: str
    text_en: str
    todo_ko: str = ""
    todo_en: str = ""


@dataclass(frozen=True)
class Status:
    lines: list[StatusLine] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(line.ok for line in self.lines)


def _sync_lines(ledger: Ledger, data_dir: Path) -> list[StatusLine]:
    from kiosk.ports import SystemClock
    from kiosk.sync.service import SyncService

    st = SyncService(ledger, data_dir, SystemClock()).status()
    lines: list[StatusLine]
    if st.state == "not_enrolled":
        lines = [
            StatusLine(
                "sync", True, "동기화 꺼짐 (단말기 등록 전)", "Sync off (terminal not enrolled)",
                "설치 기사에게 등록을 요청하세요 (kiosk enroll)", "ask the installer to enrol it (kiosk enroll)",
            )
        ]  # fmt: skip
    elif st.state == "synced" and not st.last_error:
        lines = [StatusLine("sync", True, "동기화 완료", "Synced")]
    elif st.state in ("synced", "pending") and not st.offline_since:
        err = f" ({st.last_error})" if st.last_error else ""
        lines = [
            StatusLine(
                "sync", not st.last_error, f"전송 대기 {st.pending}건{err}", f"Pending {st.pending}{err}",
                "잠시 후 자동으로 보냅니다" if not st.last_error else "인터넷 연결을 확인하세요",
                "it is sent shortly by itself" if not st.last_error else "check the internet connection",
            )
        ]  # fmt: skip
    else:
        since = st.offline_since[:16].replace("T", " ")
        lines = [
            StatusLine(
                "sync", False, f"오프라인: {since}부터, 대기 {st.pending}건",
                f"Offline since {since}, pending {st.pending}",
                "판매는 계속됩니다. 인터넷 공유기와 케이블을 확인하세요",
                "selling goes on; check the router and the cable",
            )
        ]  # fmt: skip
    if st.quarantined:
        n = len(st.quarantined)
        lines.append(
            StatusLine(
                "quarantine", False, f"서버가 거절한 항목 {n}건 (격리됨)",
                f"{n} entries refused by the server (quarantined)",
                "본사 고객센터에 알려 주세요 (kiosk sync status)", "tell the programme's help desk (kiosk sync status)",
            )
        )  # fmt: skip
    return lines


def _ledger_lines(ledger: Ledger) -> list[StatusLine]:
    with ledger.reading() as s:
        conn = s.connection()
        prints = int(conn.exec_driver_sql("SELECT count(*) FROM open_prints").scalar_one())
    from kiosk.payments.intents import IntentStore

    pending = len(IntentStore(ledger).pending())
    lines = []
    if prints:
        lines.append(
            StatusLine(
                "prints", False, f"인쇄되지 않은 영수증·주문서 {prints}건",
                f"{prints} receipts or tickets did not print",
                "용지를 확인하고 주문 화면에서 재발행하세요", "check the paper, then reprint from Orders",
            )
        )  # fmt: skip
    if pending:
        lines.append(
            StatusLine(
                "payments", False, f"확인 중인 결제 {pending}건", f"{pending} payments being checked",
                "단말기를 켜 두세요. 해결되지 않으면 kiosk payments recover",
                "keep the terminal on; if it stays, run kiosk payments recover",
            )
        )  # fmt: skip
    return lines


_DEVICE_NAMES = {"printer": ("프린터", "Printer"), "card_terminal": ("카드 단말기", "Card terminal"),
                 "scanner": ("스캐너", "Scanner"), "nfc": ("NFC 리더기", "NFC reader")}  # fmt: skip


def _device_lines(events: list[HealthEvent]) -> list[StatusLine]:
    from kiosk.devices.health import Health

    lines = []
    for e in events:
        ko, en = _DEVICE_NAMES.get(e.device, (e.device, e.device))
        todo_ko, _, todo_en = e.message.partition(" / ")
        todo_en = todo_en or todo_ko
        if e.health is Health.OK:
            lines.append(StatusLine(e.device, True, f"{ko}: 정상", f"{en}: OK"))
        elif e.health is Health.UNKNOWN:
            lines.append(StatusLine(e.device, True, f"{ko}: 확인 전", f"{en}: not checked yet", todo_ko, todo_en))
        else:
            word = ("주의", "needs attention") if e.health is Health.DEGRADED else ("연결 안 됨", "not working")
            lines.append(
                StatusLine(e.device, False, f"{ko}: {word[0]} ({e.detail})", f"{en}: {word[1]} ({e.detail})",
                           todo_ko, todo_en)
            )  # fmt: skip
    return lines


def _selftest_lines(data_dir: Path) -> list[StatusLine]:
    """The installer's last self-test (docs/INSTALLING.md): when, its result, and the checks that were not
    정상 with what to do."""
    from kiosk.installer.report import load_last
    from kiosk.installer.selftest import Outcome

    run = load_last(data_dir)
    if run is None:
        return [
            StatusLine(
                "selftest", False, "자가 점검 기록이 없습니다", "No self-test on record",
                "설치 기사에게 자가 점검을 요청하세요 (kiosk selftest)",
                "ask the installer for a self-test (kiosk selftest)",
            )
        ]  # fmt: skip
    when = run.started_at[:16].replace("T", " ")
    bad = [r for r in run.results if r.outcome is not Outcome.OK]
    lines = [
        StatusLine(
            "selftest", run.outcome is Outcome.OK, f"자가 점검 {when}: {run.outcome.korean}",
            f"Self-test {when}: {run.outcome.english}",
        )
    ]  # fmt: skip
    for r in bad:
        lines.append(
            StatusLine(
                f"selftest.{r.check}",
                False,
                f"  {r.check}: {r.found}",
                f"  {r.check}: {r.found_en or r.found}",
                r.todo_ko,
                r.todo_en,
            )
        )
    return lines


def status(ledger: Ledger, data_dir: Path, devices: Callable[[], list[HealthEvent]] | None = None) -> Status:
    """Everything, read on the caller's thread (a worker's: it reads the ledger)."""
    lines = _sync_lines(ledger, data_dir) + _ledger_lines(ledger)
    lines += _device_lines(devices() if devices is not None else [])
    lines += _selftest_lines(data_dir)
    return Status(lines)


def card_terminal_health(ledger: Ledger) -> HealthEvent:
    """The card terminal as its last card payment left it: a payment whose outcome the terminal never told
    us (unknown, or left for manual review) means it needs looking at."""
    from datetime import UTC, datetime

    from kiosk.devices.health import Health, HealthEvent

    with ledger.reading() as s:
        row = (
            s.connection()
            .exec_driver_sql(
                "SELECT state, reason, updated_at FROM payment_intents WHERE method = 'card' "
                "ORDER BY created_at DESC LIMIT 1"
            )
            .first()
        )
    now = datetime.now(UTC)
    if row is None:
        return HealthEvent(
            "card_terminal", Health.UNKNOWN, "no_payment_yet", "카드 결제가 아직 없습니다 / no card payment yet", now
        )
    state, reason, _at = row
    if state in ("unknown", "manual_review"):
        return HealthEvent(
            "card_terminal",
            Health.LOST,
            state,
            f"마지막 카드 결제의 결과를 모릅니다 ({reason}). 단말기 전원과 케이블을 확인하세요 / "
            "the last card payment got no answer: check the terminal's power and cable",
            now,
        )
    return HealthEvent("card_terminal", Health.OK, state, "", now)
