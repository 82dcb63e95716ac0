"""`kiosk run` parses its catalog right after the attract screen's first frame (app/commands/run.py `Menu`,
kiosk/domain/catalog_peek.py): a real process on a shop whose catalog is refused. One that is JSON shaped like
a catalog but not a usable menu stops right after that frame with the validator's one line and exit 2, before
anything is opened; one that is not a catalog at all stops before any window, as before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import REPO_ROOT
from tests.domain.catalogs import BASE, MUTATIONS, mutated

pytestmark = pytest.mark.slow
CONFIG = """catalog = "catalog.json"
data_dir = "data"
[shop]
name = "시장 분식"
business_number = "2148710355"
"""


def run(tmp_path: Path, catalog: str) -> tuple[int, list[str]]:
    (tmp_path / "catalog.json").write_text(catalog, encoding="utf-8")
    (tmp_path / "kiosk.toml").write_text(CONFIG, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--windowed", "--config", str(tmp_path / "kiosk.toml")],
        cwd=REPO_ROOT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")},
            "QT_QPA_PLATFORM": "offscreen",
            "QT_QUICK_BACKEND": "software",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    out = done.stdout + done.stderr
    assert "Traceback" not in out
    assert ".qml:" not in out and "QEventLoop" not in out  # no QML or Qt warnings
    return done.returncode, done.stderr.splitlines()


def test_a_catalog_refused_after_the_first_frame_stops_with_its_reason(tmp_path: Path) -> None:
    reason = MUTATIONS["negative price"][1]
    code, err = run(tmp_path, json.dumps(mutated(BASE, "negative price")))
    assert code == 2
    said = [line for line in err if line.startswith("kiosk: ")]
    assert len(said) == 1 and reason in said[0], err
    assert any("attract screen drawn" in line for line in err)  # it got as far as the first frame ...
    assert not (tmp_path / "data" / "ledger.sqlite3").exists()  # ... and opened nothing


def test_a_file_that_is_not_a_catalog_stops_before_any_window(tmp_path: Path) -> None:
    code, err = run(tmp_path, "{not json")
    assert code == 2
    said = [line for line in err if line.startswith("kiosk: ")]
    assert len(said) == 1 and "not valid JSON" in said[0], err
    assert not any("attract screen drawn" in line for line in err)
