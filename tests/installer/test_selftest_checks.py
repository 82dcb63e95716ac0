"""Each self-test check against its simulator, in a good and a failing state, with the words shown."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.builders.selftest import check_card_terminal, check_printer, print_test_page
from hardware.printer.simulator import PrinterSimulator, TcpPrinterServer
from kiosk.config import Settings, load_settings
from kiosk.installer.checks import catalog_versions, check_network, check_storage, check_versions
from kiosk.installer.selftest import Check, Outcome, ok, run_checks
from tests.backend.servers import BackendProcess, free_port
from tests.helpers.installer import settings_with


@pytest.fixture
def lan_printer():
    sim = PrinterSimulator(576)
    with TcpPrinterServer(sim) as server:
        yield sim, server.url


def test_printer_good_and_paper_out_and_silent(lan_printer) -> None:
    sim, url = lan_printer
    good = check_printer(url, "korean-80mm", None)
    assert good.outcome is Outcome.OK and "정상" in good.found
    sim.set_faults(paper_out=True)
    out = check_printer(url, "korean-80mm", None)
    assert out.outcome is Outcome.FAIL
    assert "용지가 없습니다" in out.found and "roll" in out.todo_en
    sim.clear_faults()
    sim.set_faults(cover_open=True)
    assert "덮개" in check_printer(url, "korean-80mm", None).found
    sim.clear_faults()
    sim.set_faults(silent=True)
    silent = check_printer(url, "korean-80mm", None)
    assert silent.outcome is Outcome.CHECK  # no reply is unknown, never fine
    assert "알 수 없음" in silent.found


def test_printer_not_there() -> None:
    result = check_printer(f"tcp://127.0.0.1:{free_port()}", "korean-80mm", None)
    assert result.outcome is Outcome.FAIL
    assert "연결할 수 없습니다" in result.found


def test_printer_bad_profile() -> None:
    result = check_printer("sim://", "no-such-profile", None)
    assert result.outcome is Outcome.FAIL and "장치" in result.todo_ko


def test_test_page_shows_every_part(tmp_path: Path) -> None:
    import zxingcpp
    from PIL import Image

    settings = settings_with(Settings(), shop={"name": "시험 가게"})
    result = print_test_page(settings, "KT16-00001234", tmp_path)
    assert result.outcome is Outcome.CHECK  # the installer confirms what came out
    image = Path(result.extra["page_image"])
    codes = {(r.format.name, r.text) for r in zxingcpp.read_barcodes(Image.open(image))}
    assert any(text == "KT16-00001234" and "Code128" in fmt for fmt, text in codes)
    assert any(text.startswith("KIOSK-SELFTEST:") for _fmt, text in codes)


def test_test_page_paper_out(lan_printer, tmp_path: Path) -> None:
    sim, url = lan_printer
    sim.set_faults(paper_out=True)
    settings = settings_with(Settings(), printer={"url": url})
    result = print_test_page(settings, "KT16-1", tmp_path, timeout=15)
    assert result.outcome is Outcome.FAIL and "시험 인쇄가 되지 않았습니다" in result.found


def test_card_terminal_good_and_missing() -> None:
    good = check_card_terminal(Settings())
    assert good.outcome is Outcome.OK and "결제 없이" in good.found
    missing = check_card_terminal(
        settings_with(Settings(), card_terminal={"url": "/dev/nonexistent-terminal"}, payments={"simulated": False})
    )
    assert missing.outcome is Outcome.FAIL
    assert "카드 단말기" in missing.found and "cable" in missing.todo_en


def test_network_good_against_the_real_backend(backend_server: BackendProcess) -> None:
    result = check_network(backend_server.url)
    assert result.outcome is Outcome.OK, result
    assert result.extra["local_address"] == "127.0.0.1"
    assert abs(result.extra["clock_offset_s"]) < 5
    assert any("TLS" in d for d in result.details)


def test_network_backend_down() -> None:
    result = check_network(f"http://127.0.0.1:{free_port()}")
    assert result.outcome is Outcome.FAIL
    assert "연결할 수 없습니다" in result.found


def test_network_name_does_not_resolve() -> None:
    result = check_network("https://no-such-host.invalid")
    assert result.outcome is Outcome.FAIL and "DNS" in result.found


def test_network_not_configured() -> None:
    result = check_network("")
    assert result.outcome is Outcome.CHECK and "등록" in result.todo_ko


def test_storage_good_damaged_and_old_backup(tmp_path: Path) -> None:
    import os
    import sqlite3

    data = tmp_path / "data"
    data.mkdir()
    ledger = data / "ledger.sqlite3"
    sqlite3.connect(ledger).execute("create table journal (seq integer)").connection.close()
    backups = tmp_path / "backups"
    backups.mkdir()
    backup = backups / "ledger-K1-20261129T000000Z-seq0.sqlite3"
    backup.write_bytes(b"x")
    good = check_storage(data, ledger, backups, "K1")
    assert good.outcome is Outcome.OK and "백업 있음" in good.found
    old = backup.stat().st_mtime - 3 * 86400
    os.utime(backup, (old, old))
    assert "시간 전" in check_storage(data, ledger, backups, "K1").found
    ledger.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    damaged = check_storage(data, ledger, backups, "K1")
    assert damaged.outcome is Outcome.FAIL and "손상" in damaged.found


def _mount_tmpfs(where: Path, size: str) -> bool:
    if shutil.which("mount") is None:
        return False
    where.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)]).returncode == 0


def test_storage_disk_nearly_full(tmp_path: Path) -> None:
    """A 4 MB tmpfs is below the 200 MB floor: 안 됨 with what to do. Where tmpfs cannot be mounted (no
    root, no CAP_SYS_ADMIN), this test is skipped: docs/INSTALLING.md says so."""
    small = tmp_path / "small"
    if not _mount_tmpfs(small, "4m"):
        pytest.skip("cannot mount a tmpfs here (needs root); the threshold is covered by the good case")
    try:
        result = check_storage(small, small / "ledger.sqlite3", small, "K1")
        assert result.outcome is Outcome.FAIL
        assert "저장 공간이 거의 없습니다" in result.found and "backups" in result.todo_en
    finally:
        subprocess.run(["umount", str(small)], check=True)


def test_versions(tmp_path: Path) -> None:
    settings = Settings()
    versions = catalog_versions(tmp_path, settings.catalog_path)
    assert versions["catalog_shipped"] == "1"
    assert check_versions(versions).outcome is Outcome.OK
    broken = catalog_versions(tmp_path, tmp_path / "missing.json")
    assert check_versions(broken).outcome is Outcome.FAIL


def test_a_check_that_raises_or_hangs_is_reported_not_raised() -> None:
    import threading

    release = threading.Event()

    def hang():  # type: ignore[no-untyped-def]
        release.wait(5)
        return ok("slow", "late")

    def boom():  # type: ignore[no-untyped-def]
        raise RuntimeError("wire cut")

    seen: list[str] = []
    try:
        results = run_checks(
            [Check("slow", "느림", "Slow", hang, timeout=0.3), Check("boom", "오류", "Boom", boom)],
            lambda r: seen.append(r.check),
        )
    finally:
        release.set()
    assert [r.outcome for r in results] == [Outcome.CHECK, Outcome.FAIL]
    assert "응답이 없습니다" in results[0].found and "wire cut" in results[1].found
    assert sorted(seen) == ["boom", "slow"]
    for t in threading.enumerate():
        if t.name == "selftest-slow":
            t.join(5)


def test_settings_file_loads(make_config) -> None:  # type: ignore[no-untyped-def]
    path = make_config(printer={"url": "sim://"})
    assert load_settings(path, env={}).printer.url == "sim://"


def test_what_was_found_is_said_in_english_too(tmp_path: Path) -> None:
    """The "found" line has English beside the Korean (the installer's English screen shows it), kept
    through the journal's JSON; a result written before there was English shows the Korean."""
    import re

    from kiosk.installer.selftest import CheckResult

    hangul = re.compile("[\uac00-\ud7a3]")
    results = [
        check_network(f"http://127.0.0.1:{free_port()}"),
        check_network("https://no-such-host.invalid"),
        check_network(""),
        check_storage(tmp_path, tmp_path / "ledger.sqlite3", tmp_path / "backups", "K1"),
        check_printer(f"tcp://127.0.0.1:{free_port()}", "korean-80mm", None),
        check_card_terminal(Settings()),
    ]
    for r in results:
        assert hangul.search(r.found) and r.found_en and not hangul.search(r.found_en), (r.found, r.found_en)
        assert CheckResult.from_json(r.to_json()) == r
    assert "Cannot connect to the server 127.0.0.1" in results[0].found_en
    old = {k: v for k, v in results[0].to_json().items() if k != "found_en"}
    assert CheckResult.from_json(old).found_en == ""
