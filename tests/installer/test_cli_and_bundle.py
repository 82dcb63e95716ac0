"""`kiosk selftest` (exit statuses, JSON, the saved result, the journal entry, the heartbeat line) and the
support bundle: planted secrets in the settings and the logs never reach the bundle; a secret that would
reach it refuses the whole bundle."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hardware.printer.simulator import PrinterSimulator, TcpPrinterServer
from kiosk.config import load_settings
from kiosk.installer import bundle
from kiosk.installer.report import load_last, selftest_health
from kiosk.installer.secrets import find_secrets
from tests.helpers.installer import kiosk_cli

PLANTED_PHONE = "010-9876-5432"
PLANTED_CARD = "4111 1111 1111 1111"
PLANTED_TOKEN = "token=sk_live_9fA83kdL02mZpq7Xc4VbNw1e"


def test_selftest_json_saves_journals_and_exits_0(make_config) -> None:  # type: ignore[no-untyped-def]
    config = make_config()
    run = kiosk_cli("selftest", "--json", "--config", str(config))
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    checks = [r["check"] for r in doc["results"]]
    assert checks[:2] == ["printer", "card_terminal"] and "storage" in checks and "versions" in checks
    assert {r["label"] for r in doc["results"]} <= {"정상", "확인 필요", "안 됨"}
    assert all(r["outcome"] == "ok" or (r["todo_ko"] and r["todo_en"]) for r in doc["results"])
    settings = load_settings(config, env={})
    last = load_last(settings.data_path)
    assert last is not None and last.started_at == doc["started_at"]
    events = selftest_health(settings.data_path, datetime.now(UTC))
    assert events[0].device == "selftest" and events[0].detail.startswith(doc["outcome"])
    import sqlite3

    rows = sqlite3.connect(settings.ledger_path).execute("select payload from journal where kind='selftest.completed'")
    payloads = [json.loads(r[0]) for r in rows]
    assert payloads and payloads[-1]["outcome"] == doc["outcome"]


def test_selftest_paper_out_exits_1_with_words(make_config) -> None:  # type: ignore[no-untyped-def]
    sim = PrinterSimulator(576)
    with TcpPrinterServer(sim) as server:
        sim.set_faults(paper_out=True)
        run = kiosk_cli("selftest", "--config", str(make_config(printer={"url": server.url})))
    assert run.returncode == 1
    assert "[안 됨] 프린터 / Printer: 프린터 용지가 없습니다" in run.stdout
    assert "Out of paper" in run.stdout


def test_selftest_strict_counts_check_as_failure(make_config) -> None:  # type: ignore[no-untyped-def]
    run = kiosk_cli("selftest", "--strict", "--config", str(make_config()))
    assert run.returncode == 1 and "확인 필요" in run.stdout


def test_bundle_keeps_secrets_out(make_config, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = make_config(shop={"phone": PLANTED_PHONE, "owner": "김한결", "address": "서울시 어딘가 1"})
    settings = load_settings(config, env={})
    assert kiosk_cli("selftest", "--config", str(config)).returncode == 0
    log = settings.data_path / "kiosk.log"
    usb = tmp_path / "usb"
    usb.mkdir()
    try:
        log.write_text(
            f"started\ncustomer called from {PLANTED_PHONE}\npaid with {PLANTED_CARD}\n{PLANTED_TOKEN}\nprinter ok\n",
            encoding="utf-8",
        )
        run = kiosk_cli("support-bundle", "--config", str(config), "--to", str(usb))
    finally:
        log.unlink()  # the suite scans every test's files for card numbers
    assert run.returncode == 0, run.stderr
    assert "3 log lines removed" in run.stdout
    (zpath,) = usb.glob("kiosk-support-*.zip")
    with zipfile.ZipFile(zpath) as z:
        text = "\n".join(z.read(n).decode("utf-8") for n in z.namelist())
        names = set(z.namelist())
    assert {"settings.json", "selftest.json", "devices.json", "log-tail.txt", "ledger-health.json"} <= names
    for secret in (PLANTED_PHONE, PLANTED_CARD, "sk_live", "김한결", "어딘가", "1208147521"):
        assert secret not in text
    assert "printer ok" in text and "line removed" in text
    health = json.loads(zipfile.ZipFile(zpath).read("ledger-health.json"))
    assert health["quick_check"] == "ok" and health["last_seq"] >= 1
    assert find_secrets(text) == []
    assert not list(usb.glob(".*partial"))


def test_a_secret_that_would_reach_the_bundle_refuses_it(tmp_path: Path) -> None:
    files = {"settings.json": b'{"shop.name": "x", "note": "call 01012345678"}', "log-tail.txt": b"ok\n"}
    with pytest.raises(bundle.BundleRefused) as refused:
        bundle.write_bundle(files, tmp_path, "K1", datetime.now(UTC))
    assert "phone_number at settings.json:1" in str(refused.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("5555-5555-5555-4444", "card_number"),
        ("010 1234 5678".replace(" ", "-"), "phone_number"),
        ("900101-1234567", "resident_number"),
        ("-----BEGIN PRIVATE KEY-----", "private_key"),
        ("scrypt$16$8$1$abcd", "pin_hash"),
        ('"api_key": "zzz"', "token"),
        ("a" * 8 + "0123456789abcdef0123456789abcdef", "hex_secret"),
    ],
)
def test_scanner_finds(text: str, kind: str) -> None:
    assert kind in {f.kind for f in find_secrets(text)}


@pytest.mark.parametrize(
    "text", ["order 1234 paid 19,500", "2026-11-29T22:04:44+00:00", "printer.url = tcp://127.0.0.1:9100"]
)
def test_scanner_leaves_plain_lines(text: str) -> None:
    assert find_secrets(text) == []


def test_bundle_without_usb_stick_says_so(make_config, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = kiosk_cli("support-bundle", "--config", str(make_config()), "--to", str(tmp_path / "nope"))
    assert run.returncode == 2 and "디렉터리가 아닙니다" in run.stderr


def test_removable_mounts_reads_proc_mounts(tmp_path: Path) -> None:
    point = tmp_path / "stick"
    point.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sdb1 {point} vfat rw 0 0\n/dev/sda1 / ext4 rw 0 0\n")
    sys_block = tmp_path / "block"
    (sys_block / "sdb").mkdir(parents=True)
    (sys_block / "sdb" / "removable").write_text("1\n")
    (sys_block / "sda").mkdir()
    (sys_block / "sda" / "removable").write_text("0\n")
    assert bundle.removable_mounts(mounts, sys_block) == [point]
