"""`kiosk printer-sim` as a real process, `kiosk print test-page|status|receipt` against it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from app.cli import main
from tests.printer.helpers import ledger_with_sale


def test_print_commands_against_the_simulator_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pages"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "printer-sim", "--port", "0", "--out", str(out)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        url = first.split("listening on ", 1)[1].split(",", 1)[0]
        assert main(["print", "test-page", "--printer", url]) == 0
        assert main(["print", "status", "--printer", url]) == 0
        assert capsys.readouterr().out.splitlines()[-1].startswith("ok (connected)")
        ledger, sale = ledger_with_sale(tmp_path / "ledger.sqlite3")
        ledger.close()
        db = str(tmp_path / "ledger.sqlite3")
        assert main(["print", "receipt", "--db", db, "--order", sale.order_id, "--printer", url]) == 0
        assert main(["print", "receipt", "--db", db, "--order", "nope", "--printer", url]) == 2
        assert "check --order" in capsys.readouterr().err
        line = proc.stdout.readline()
        while "page 2" not in line:
            line = proc.stdout.readline()
    finally:
        proc.terminate()
        proc.wait(10)
    first_page = Image.open(out / "page-0001.png")
    assert next(r.text for r in zxingcpp.read_barcodes(first_page)).startswith("HKR1:")
    assert (out / "page-0002.png").exists()


def test_status_of_an_absent_printer_says_what_to_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", "status", "--printer", "tcp://127.0.0.1:1"]) == 1
    assert "연결할 수 없습니다" in capsys.readouterr().out
    assert main(["print", "status", "--printer", "lpt://x"]) == 2
    assert "unknown printer URL" in capsys.readouterr().err
