"""What happens with a self-test's result: kept as `<data_dir>/selftest-last.json` (atomically), journaled
as `selftest.completed` (outcomes and the one-line findings only), printed as a one-page report on
demand, and summarised as one health line in the next heartbeat (`selftest_health`)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from kiosk.devices.health import Health, HealthEvent
from kiosk.installer.selftest import Outcome, SelfTestRun
from kiosk.receipts.document import Align, Cut, Document, DocumentKind, Feed, Rule, Text

SELFTEST_COMPLETED = "selftest.completed"
LAST_FILE = "selftest-last.json"
TITLES = {
    "printer": ("프린터", "Printer"),
    "test_page": ("시험 인쇄", "Test page"),
    "card_terminal": ("카드 단말기", "Card terminal"),
    "scanner": ("스캐너", "Scanner"),
    "nfc": ("NFC 리더", "NFC reader"),
    "screen": ("화면과 터치", "Screen and touch"),
    "sound": ("소리", "Sound"),
    "network": ("네트워크", "Network"),
    "sync": ("프로그램 서버", "Programme backend"),
    "storage": ("저장 공간", "Storage"),
    "versions": ("버전", "Versions"),
}


class Journal(Protocol):
    def record(self, kind: str, payload: dict[str, Any]) -> object: ...


def last_path(data_dir: Path) -> Path:
    return data_dir / LAST_FILE


def save(run: SelfTestRun, data_dir: Path) -> Path:
    from kiosk.files import write_atomically

    path = last_path(data_dir)
    write_atomically(path, (json.dumps(run.to_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return path


def load_last(data_dir: Path) -> SelfTestRun | None:
    try:
        doc = json.loads(last_path(data_dir).read_text(encoding="utf-8"))
        return SelfTestRun.from_json(doc) if isinstance(doc, dict) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def journal_payload(run: SelfTestRun) -> dict[str, Any]:
    """What the journal (and so the programme) learns: outcomes and one line each; no details, no paths."""
    return {
        "started_at": run.started_at,
        "outcome": run.outcome.value,
        "counts": run.counts(),
        "versions": run.versions,
        "checks": [{"check": r.check, "outcome": r.outcome.value, "found": r.found[:160]} for r in run.results],
    }


def record(run: SelfTestRun, journal: Journal) -> None:
    journal.record(SELFTEST_COMPLETED, journal_payload(run))


_HEALTH = {Outcome.OK: Health.OK, Outcome.CHECK: Health.DEGRADED, Outcome.FAIL: Health.LOST}


def selftest_health(data_dir: Path, at: datetime) -> list[HealthEvent]:
    """The last self-test as one heartbeat health line (none when no self-test has run), so the programme
    sees which terminals passed."""
    run = load_last(data_dir)
    if run is None:
        return []
    counts = run.counts()
    failing = [r.check for r in run.results if r.outcome is not Outcome.OK]
    detail = f"{run.outcome.value} ok={counts['ok']} check={counts['check']} fail={counts['fail']} at={run.started_at}"
    message = "자가 점검 통과 / self-test passed" if not failing else f"자가 점검 확인 필요: {', '.join(failing)}"
    return [HealthEvent("selftest", _HEALTH[run.outcome], detail[:200], message[:500], at)]


def report_document(run: SelfTestRun, shop_name: str, device_id: str) -> Document:
    """The one-page printed report: each check's outcome and what to do."""
    blocks: list[Any] = [
        Text("자가 점검 결과", Align.CENTER, bold=True, size=2),
        Text(shop_name, Align.CENTER),
        Text(f"단말기 {device_id}"),
        Text(f"시각 {run.started_at[:19].replace('T', ' ')}"),
        Text(f"종합: {run.outcome.korean} ({run.outcome.english})", bold=True),
        Rule(),
    ]
    for r in run.results:
        title = TITLES.get(r.check, (r.check, r.check))[0]
        blocks.append(Text(f"[{r.outcome.korean}] {title}", bold=r.outcome is not Outcome.OK))
        blocks.append(Text(f"  {r.found}"))
        if r.todo_ko:
            blocks.append(Text(f"  → {r.todo_ko}"))
    blocks += [Rule(), Text("앱 " + run.versions.get("app", "?")), Feed(2), Cut()]
    return Document(DocumentKind.TEST_PAGE, tuple(blocks))
