"""Settings: every numeric setting has a range that loading (so `kiosk config check`) enforces, texts are
bounded, and the data directory must be a writable directory."""

from __future__ import annotations

import contextlib
import io
import math
import os
from dataclasses import fields
from pathlib import Path

import pytest

from app.cli import main
from kiosk.config import RANGES, ConfigError, Settings, check_data_dir, load_settings


def numeric_settings() -> list[str]:
    out = []
    for section in fields(Settings):
        default = getattr(Settings(), section.name)
        if hasattr(default, "__dataclass_fields__"):
            for f in fields(default):
                value = getattr(default, f.name)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    out.append(f"{section.name}.{f.name}")
    return out


def test_every_numeric_setting_has_a_range_its_default_is_in() -> None:
    assert sorted(numeric_settings()) == sorted(RANGES)
    defaults = Settings()
    for key, (lo, hi) in RANGES.items():
        section, name = key.split(".")
        assert lo <= getattr(getattr(defaults, section), name) <= hi, key


def _outside(key: str) -> list[str]:
    lo, hi = RANGES[key]
    is_int = isinstance(lo, int) and isinstance(hi, int)
    values = [str(lo - 1), str(hi + 1), str(10**40)]
    if not is_int:
        values += ["nan", "inf", "-inf"]
    return values


@pytest.mark.parametrize("key", sorted(RANGES))
def test_a_value_outside_the_range_is_refused_naming_the_key(key: str) -> None:
    for value in _outside(key):
        env = {f"KIOSK_{key.replace('.', '__').upper()}": value}
        with pytest.raises(ConfigError) as info:
            load_settings(None, env=env)
        assert f"[{key}]" in str(info.value), (value, str(info.value))


@pytest.mark.parametrize(
    ("env", "key", "words"),
    [
        (
            {"KIOSK_UI__IDLE_WARNING_SECONDS": "90", "KIOSK_UI__IDLE_TIMEOUT_SECONDS": "90"},
            "ui.idle_warning_seconds",
            "less than",
        ),
        ({"KIOSK_SHOP__NAME": "카페" * 200}, "shop.name", "at most 300"),
        ({"KIOSK_SHOP__RECEIPT_FOOTER": "감사합니다\x1b@"}, "shop.receipt_footer", "control character"),
        ({"KIOSK_LEDGER__DEVICE_ID": ""}, "ledger.device_id", "1 to 32"),
        ({"KIOSK_PAYMENTS__SIMULATED": "false"}, "card_terminal.url", "payments.simulated is false"),
        ({"KIOSK_SYNC__BACKEND_URL": "ftp://x"}, "sync.backend_url", "https://HOST"),
        ({"KIOSK_SYNC__BACKEND_URL": "http://programme.example.kr"}, "sync.backend_url", "only on this machine"),
        ({"KIOSK_SYNC__BACKEND_URL": "https://programme.example.kr:99999"}, "sync.backend_url", "port out of range"),
    ],
)
def test_settings_that_cannot_work_together_are_refused(env: dict[str, str], key: str, words: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(None, env=env)
    assert f"[{key}]" in str(info.value) and words in str(info.value), str(info.value)


def test_the_data_directory_must_be_a_writable_directory(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(ConfigError, match=r"\[data_dir\] .* is not a directory"):
        check_data_dir(load_settings(None, env={"KIOSK_DATA_DIR": str(a_file)}))
    with pytest.raises(ConfigError, match=r"\[data_dir\] .* cannot be made"):
        check_data_dir(load_settings(None, env={"KIOSK_DATA_DIR": str(a_file / "sub")}))
    check_data_dir(load_settings(None, env={"KIOSK_DATA_DIR": str(tmp_path / "new" / "dir")}))
    assert not (tmp_path / "new").exists()  # checking makes nothing
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(ConfigError, match="not writable"):
            check_data_dir(load_settings(None, env={"KIOSK_DATA_DIR": str(locked)}))


def test_config_check_reports_the_data_directory_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(a_file))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["config", "check"])
    assert code == 2 and "[data_dir]" in err.getvalue() and err.getvalue().count("\n") == 1


def test_nan_is_never_in_range() -> None:
    for lo, hi in RANGES.values():
        assert not lo <= math.nan <= hi
