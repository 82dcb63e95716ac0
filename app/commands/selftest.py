"""`kiosk selftest [--json] [--print-page] [--print-report] [--strict]`: every check that needs no person,
for remote support and CI; `kiosk support-bundle [--to DIR]`: the support bundle on a USB stick;
`kiosk setup status|reset`: the first set-up wizard's state.

Exit statuses (docs/EXIT-STATUS.md): `selftest` 0 when nothing is 안 됨 (확인 필요 lines are listed; with
--strict they count as failures), 1 when a check is 안 됨; `support-bundle` 0 written, 1 refused (a
secret was found: nothing written), 2 no USB stick / bad directory, 5 the stick could not be written."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.context import add_config_option, settings_from
from kiosk.config import Settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("selftest", help="run every self-test check that needs no person")
    add_config_option(p)
    p.add_argument("--json", action="store_true", help="one JSON document instead of the checklist")
    p.add_argument("--print-page", action="store_true", help="also print the test page (needs paper)")
    p.add_argument("--print-report", action="store_true", help="print the result as a one-page report")
    p.add_argument("--strict", action="store_true", help="exit 1 on 확인 필요 too, not only on 안 됨")
    p.add_argument("--sim-out", type=Path, help="where the simulated printer's pages go (default: data dir)")
    p.set_defaults(handler=selftest_cmd)

    b = sub.add_parser("support-bundle", help="write a support bundle (no secrets) to a USB stick")
    add_config_option(b)
    b.add_argument("--to", type=Path, help="directory (default: $KIOSK_USB_DIR or the mounted USB stick)")
    b.add_argument("--log", type=Path, action="append", default=[], help="a log file to include the tail of")
    b.set_defaults(handler=bundle_cmd)

    s = sub.add_parser("setup", help="the first set-up wizard's state")
    ssub = s.add_subparsers(dest="setup_command", required=True, metavar="ACTION")
    st = ssub.add_parser("status", help="which step the set-up is at")
    add_config_option(st)
    st.set_defaults(handler=setup_status)


def _ledger_or_none(settings: Settings) -> Any:
    """The ledger when it is usable (for the journal entry and the sync state), else None."""
    from kiosk.ledger import Ledger
    from kiosk.ledger.db import LedgerConfigError, inspect_ledger_file

    try:
        inspect_ledger_file(settings.ledger_path)
        return Ledger.open(
            settings.ledger_path,
            device_id=settings.ledger.device_id,
            tz=settings.tz,
            day_start_hour=settings.shop.business_day_start_hour,
            order_numbers=settings.order_number_mode,
        )
    except (LedgerConfigError, OSError):
        return None


def run_selftest(
    settings: Settings, *, print_page: bool = False, sim_out: Path | None = None, on_result: Any = None
) -> Any:
    """Run the checks, save the result, journal it. Returns the SelfTestRun."""
    from app.builders.selftest import SelfTestKit, now_iso, sync_status
    from kiosk.installer import report
    from kiosk.installer.selftest import SelfTestRun, run_checks

    started = now_iso()
    ledger = _ledger_or_none(settings)
    try:
        kit = SelfTestKit(
            settings,
            sim_out=sim_out or settings.data_path / "printer-sim",
            sync_status=(lambda: sync_status(settings, ledger)) if ledger is not None else None,
            print_page=print_page,
        )
        results = run_checks(kit.checks(), on_result)
        run = SelfTestRun(started, tuple(results), kit.versions())
        report.save(run, settings.data_path)
        if ledger is not None:
            report.record(run, ledger)
    finally:
        if ledger is not None:
            ledger.close()
    return run


def selftest_cmd(args: argparse.Namespace) -> int:
    from app.builders.escpos_cache import configure_escpos_cache
    from kiosk.installer.report import TITLES
    from kiosk.installer.selftest import Outcome

    settings = settings_from(args)
    configure_escpos_cache()
    sim_out = args.sim_out or settings.data_path / "printer-sim"
    run = run_selftest(settings, print_page=args.print_page, sim_out=sim_out)
    if args.json:
        print(json.dumps(run.to_json(), ensure_ascii=False, indent=2))
    else:
        for r in run.results:
            ko, en = TITLES.get(r.check, (r.check, r.check))
            print(f"[{r.outcome.korean}] {ko} / {en}: {r.found}")
            if r.found_en and r.found_en != r.found:
                print(f"    {r.found_en}")
            if r.todo_ko:
                print(f"    → {r.todo_ko}")
                print(f"    → {r.todo_en}")
        c = run.counts()
        counts = f"정상 {c['ok']}, 확인 필요 {c['check']}, 안 됨 {c['fail']}"
        print(f"종합 overall: {run.outcome.korean} ({run.outcome.english}) — {counts}")
    from app.builders.selftest import print_report

    if args.print_report and not print_report(settings, run, sim_out):
        print("kiosk: 점검 결과를 인쇄하지 못했습니다 / the report did not print", file=sys.stderr)
        return 1
    if run.outcome is Outcome.FAIL or (args.strict and run.outcome is Outcome.CHECK):
        return 1
    return 0


# --- support bundle ---------------------------------------------------------------------------------


def _journal_lines() -> list[str]:
    if not Path("/run/systemd/system").exists() or shutil.which("journalctl") is None:
        return []
    try:
        out = subprocess.run(
            ["journalctl", "-u", "kiosk", "-n", "300", "--no-pager", "-o", "short-iso"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    return out.stdout.splitlines()


def ledger_health(settings: Settings) -> dict[str, Any]:
    """Figures only: sizes, sequence numbers, the check's verdict, the sync state. Never a row of the ledger."""
    from kiosk.ledger.db import LedgerConfigError, inspect_ledger_file

    path = settings.ledger_path
    out: dict[str, Any] = {"exists": path.exists()}
    if not path.exists():
        return out
    out["bytes"] = path.stat().st_size
    wal = Path(f"{path}-wal")
    out["wal_bytes"] = wal.stat().st_size if wal.exists() else 0
    try:
        inspect_ledger_file(path)
        out["quick_check"] = "ok"
    except LedgerConfigError as exc:
        out["quick_check"] = type(exc).__name__
        return out
    ledger = _ledger_or_none(settings)
    if ledger is None:
        return out
    from app.builders.selftest import sync_status

    try:
        st = sync_status(settings, ledger)
        out.update(
            last_seq=st.last_seq,
            acked_seq=st.acked_seq,
            pending=st.pending,
            sync_state=st.state,
            catalog_version=st.catalog_version,
            last_sync_success=st.last_success_at,
            quarantined=len(st.quarantined),
        )
    finally:
        ledger.close()
    return out


def bundle_cmd(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from app.builders.selftest import SelfTestKit
    from app.commands.devices import collect
    from kiosk.installer import bundle, report

    settings = settings_from(args)
    target = args.to or (Path(os.environ["KIOSK_USB_DIR"]) if os.environ.get("KIOSK_USB_DIR") else None)
    if target is None:
        mounts = bundle.removable_mounts()
        if not mounts:
            print(
                "kiosk: USB 저장장치를 찾지 못했습니다: 꽂은 뒤 다시 하세요 (또는 --to DIR) / no USB stick found",
                file=sys.stderr,
            )
            return 2
        target = mounts[0]
    if not target.is_dir():
        print(
            f"kiosk: {target}: 디렉터리가 아닙니다 / not a directory; give the USB stick's mount point", file=sys.stderr
        )
        return 2
    logs = list(args.log) + sorted(settings.data_path.glob("*.log"))
    lines, dropped = bundle.log_tail(logs, _journal_lines)
    last = report.load_last(settings.data_path)
    try:
        devices = [dict(vars(d)) | {"health": str(d.health)} for d in collect(args)]
    except Exception as exc:  # a broken pcsc-lite must not stop the bundle
        devices = [{"error": f"{type(exc).__name__}: {exc}"[:200]}]
    parts = bundle.BundleParts(
        versions=SelfTestKit(settings).versions(),
        settings=bundle.allowed_settings(settings),
        selftest=last.to_json() if last is not None else None,
        devices=devices,
        log_lines=lines,
        ledger_health=ledger_health(settings),
    )
    now = datetime.now(UTC)
    files = bundle.render(parts, now)
    try:
        path = bundle.write_bundle(files, target, settings.ledger.device_id, now)
    except bundle.BundleRefused as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    print(
        f"지원 파일을 저장했습니다 / support bundle written: {path}"
        + (f" ({dropped} log lines removed)" if dropped else "")
    )
    return 0


def setup_status(args: argparse.Namespace) -> int:
    from kiosk.installer.wizard import WizardStore

    settings = settings_from(args)
    state = WizardStore(settings.data_path).load()
    done = ", ".join(state.done) or "-"
    print(f"set up: {'yes' if settings.setup.done else 'no'}; wizard step: {state.step}; done: {done}")
    return 0
