"""A property-based fuzz of the `kiosk` and `kiosk-backend` commands: random bad arguments and damaged files
(truncated, flipped header bytes, text, a directory, 0 bytes, another program's database, a missing path).
Whatever comes in: never a traceback and never an "internal error" (every mistake a user can make has its
own exit status and line), never a ledger created by a command that only reads, a damaged file left byte
for byte, and the committed journal unchanged.

Commands run in-process through `app.cli.main` (fast); a few run as real processes (the closed pipe)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import EXIT_INTERNAL, main
from kiosk.config import REPO_ROOT

# Exit statuses a user's mistake may end in (docs/EXIT-STATUS.md); 70 (a bug) is never one of them.
USER_STATUSES = {0, 1, 2, 3, 4, 5}
NOT_LEDGERS = ("zero", "text", "directory", "other-db")
TMP = "@TMP@"  # in generated arguments: the example's own temporary directory
FUZZ = settings(
    max_examples=int(os.environ.get("KIOSK_FUZZ_EXAMPLES", "60")),  # more for a longer hunt
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module", autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """No command may reach the user's real data directory or config."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith("KIOSK_"):
                mp.delenv(name)
        mp.setenv("KIOSK_DATA_DIR", str(home / "data"))
        mp.setenv("XDG_DATA_HOME", str(home / "xdg"))
        yield home


@pytest.fixture(scope="module")
def good_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "ledger.sqlite3"
    code, _, err = run("demo-sales", "--db", str(path), "--days", "2", "--per-day", "15", "--end", "2026-11-20")
    assert code == 0, err
    return path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def run_backend(*argv: str) -> tuple[int, str, str]:
    from backend.cli import main as backend_main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = backend_main(list(argv))
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def digest(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def journal(path: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT seq, hash FROM journal ORDER BY seq").fetchall()
    finally:
        conn.close()


def assert_said_clearly(code: int, out: str, err: str) -> None:
    assert "Traceback" not in out + err, out + err
    assert code != EXIT_INTERNAL, err
    assert code in USER_STATUSES, (code, err)
    if code != 0:
        assert (out + err).strip(), "an error must say what is wrong"
        for line in err.splitlines():
            assert len(line) < 1000, line


# --- damaged files --------------------------------------------------------------------------------


def _flip(at: int) -> Callable[[bytes], bytes]:
    return lambda d: d[:at] + bytes([d[at] ^ 0xFF]) + d[at + 1 :] if len(d) > at else d


def _other_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('김한결', '010-****-1234')")
    conn.commit()
    conn.close()


@st.composite
def ledger_files(draw: st.DrawFn) -> tuple[str, Callable[[Path, Path], None]]:
    """(kind, make(template, path)): what ends up at the --db path."""
    kind = draw(
        st.sampled_from(
            ["good", "missing", "zero", "text", "directory", "truncated", "header", "page", "other-db", "binary"]
        )
    )
    if kind == "good":
        return kind, lambda t, p: shutil.copyfile(t, p)
    if kind == "missing":
        return kind, lambda t, p: None
    if kind == "zero":
        return kind, lambda t, p: p.write_bytes(b"")
    if kind == "text":
        text = draw(st.text(min_size=1, max_size=200))
        return kind, lambda t, p: p.write_text(text, encoding="utf-8", errors="surrogatepass")
    if kind == "directory":
        return kind, lambda t, p: p.mkdir()
    if kind == "binary":
        data = draw(st.binary(min_size=1, max_size=4096))
        return kind, lambda t, p: p.write_bytes(data)
    if kind == "other-db":
        return kind, lambda t, p: _other_database(p)
    if kind == "truncated":
        fraction = draw(st.floats(0.01, 0.95))
        return kind, lambda t, p: p.write_bytes(t.read_bytes()[: max(1, int(t.stat().st_size * fraction))])
    at = draw(st.integers(0, 99)) if kind == "header" else draw(st.integers(100, 60_000))
    return kind, lambda t, p: p.write_bytes(_flip(at)(t.read_bytes()))


# --- arguments ------------------------------------------------------------------------------------

_dates = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(
        ["2026-13-01", "2026-02-30", "0000-00-00", "-1", "", "today", "2026-11-20T25:00", "９９９９-01-01"]
    ),
    st.text(max_size=12),
)
_numbers = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["0", "-1", "nan", "inf", "1e309", "0x10", "", "٣"]),
)
_words = st.text(max_size=40)


@st.composite
def read_only_commands(draw: st.DrawFn) -> list[str]:
    kind = draw(
        st.sampled_from(
            ["report", "payments list", "sync status", "refund", "ledger verify", "print receipt", "backup"]
        )
    )
    argv = kind.split()
    if kind == "print receipt":
        argv += ["--order", draw(_words), "--printer", "sim://", "--sim-out", f"{TMP}/sim"]
    if kind == "backup":
        argv += [
            "--to",
            tempfile.gettempdir() + "/kiosk-fuzz-backups",
            "--keep",
            draw(st.sampled_from(["1", "-1", "0"])),
        ]
    if kind == "report":
        for flag in ("--date", "--from", "--to"):
            if draw(st.booleans()):
                argv += [flag, draw(_dates)]
        if draw(st.booleans()):
            argv.append("--json")
        if draw(st.booleans()):
            argv += ["--lang", draw(st.sampled_from(["ko", "en", "xx"]))]
    elif kind == "payments list":
        if draw(st.booleans()):
            argv.append("--pending")
    elif kind == "refund":
        argv += ["--order", draw(_words)]
        if draw(st.booleans()):
            argv += ["--reason", draw(_words)]
    return argv


@st.composite
def write_commands(draw: st.DrawFn) -> list[str]:
    kind = draw(st.sampled_from(["demo-sales", "payments recover", "sync", "qr-payload", "enroll"]))
    if kind == "enroll":  # nothing listens on port 1: refused at once, never a real network
        backend = draw(st.sampled_from(["https://127.0.0.1:1", "http://127.0.0.1:1", "ftp://x", "", "https://"]))
        return ["enroll", "--backend", backend, "--code", draw(_words)]
    if kind == "demo-sales":
        argv = ["demo-sales", "--days", draw(st.sampled_from(["1", "2", *draw(st.lists(_numbers, max_size=1))]))]
        argv += ["--per-day", draw(st.sampled_from(["1", "3", "-5", "99999999999999999999"]))]
        if draw(st.booleans()):
            argv += ["--end", draw(_dates)]
        if draw(st.booleans()):
            argv += ["--seed", draw(_numbers)]
        return argv
    if kind == "sync":
        return ["sync", "--once"] if draw(st.booleans()) else ["sync"]
    if kind == "qr-payload":
        return ["qr-payload", "--amount", draw(_numbers), "--order", draw(_words)]
    return kind.split()


# --- the properties -------------------------------------------------------------------------------


def readable_journal(path: Path) -> list[tuple[int, str]] | None:
    try:
        return journal(path)
    except sqlite3.Error:
        return None


def assert_nothing_committed_was_lost(kind: str, path: Path, code: int, before: str | None, rows: Any) -> None:
    """A file refused (2, 3, 4) is left byte for byte; what is not a ledger is always refused; a ledger
    that was used (SQLite does not mind a flipped change counter or free-space byte) keeps every
    committed journal entry as it was."""
    if kind in NOT_LEDGERS:
        assert code == 2, (kind, code)
    if kind != "good" and code in (2, 3, 4):
        assert digest(path) == before, f"{kind}: a refused file was changed"
    if rows is not None and code in (0, 1):
        assert journal(path)[: len(rows)] == rows, f"{kind}: a committed entry changed"


@FUZZ
@given(command=read_only_commands(), file=ledger_files(), in_new_dir=st.booleans())
def test_a_read_only_command_never_creates_a_ledger_or_changes_a_file(
    good_ledger: Path, command: list[str], file: tuple[str, Callable[[Path, Path], None]], in_new_dir: bool
) -> None:
    kind, make = file
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / ("typo" if in_new_dir and kind == "missing" else "")
        if kind != "missing":
            base.mkdir(exist_ok=True)
        path = base / "ledger.sqlite3"
        make(good_ledger, path)
        before, rows = digest(path), readable_journal(path) if path.is_file() else None
        code, out, err = run(*[a.replace(TMP, tmp) for a in command], "--db", str(path))
        assert_said_clearly(code, out, err)
        if kind == "missing":
            assert not path.exists() and base.exists() == (not in_new_dir), "a read-only command created something"
            assert code == 2 and (str(path) in err or "usage:" in err), err
        else:
            assert_nothing_committed_was_lost(kind, path, code, before, rows)
        if kind == "good" and command[0] != "sync":  # sync status keeps its own state row up to date
            assert digest(path) == before or journal(path) == rows


@FUZZ
@given(command=write_commands(), file=ledger_files())
def test_a_command_that_writes_refuses_a_damaged_file_and_keeps_committed_entries(
    good_ledger: Path, command: list[str], file: tuple[str, Callable[[Path, Path], None]]
) -> None:
    kind, make = file
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.sqlite3"
        make(good_ledger, path)
        before, rows = digest(path), readable_journal(path) if path.is_file() else None
        code, out, err = run(*command, "--db", str(path)) if command[0] != "qr-payload" else run(*command)
        assert_said_clearly(code, out, err)
        if kind != "missing" and command[0] != "qr-payload":
            assert_nothing_committed_was_lost(kind, path, code, before, rows)


@st.composite
def config_files(draw: st.DrawFn) -> str:
    """Config text: mostly the demo's with one key set to something out of range or of the wrong kind."""
    section, key = draw(
        st.sampled_from(
            [
                ("shop", "business_day_start_hour"),
                ("card_terminal", "baudrate"),
                ("card_terminal", "timeout_seconds"),
                ("sync", "interval_seconds"),
                ("sync", "batch_size"),
                ("payments", "qr_expiry_seconds"),
                ("payments", "simulated_delay_seconds"),
                ("ui", "scale"),
                ("ui", "idle_timeout_seconds"),
                ("ui", "idle_warning_seconds"),
                ("ui", "width"),
                ("shop", "name"),
                ("shop", "timezone"),
                ("ledger", "device_id"),
                ("sync", "backend_url"),
            ]
        )
    )
    value = draw(
        st.one_of(
            st.integers(-(10**20), 10**20).map(str),
            st.sampled_from(["nan", "inf", "-inf", "1e308", "-0.0", "true", '""', '"\\u001b[2J"', "[1, [2]]", "{}"]),
            st.text(max_size=30).map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'),
        )
    )
    demo = (REPO_ROOT / "assets" / "demo" / "kiosk.toml").read_text(encoding="utf-8")
    demo = demo.replace('catalog = "catalog.json"', f'catalog = "{REPO_ROOT / "assets" / "demo" / "catalog.json"}"')
    return f"{demo}\n[{section}_extra]\n" if draw(st.booleans()) else _set(demo, section, key, value)


def _set(text: str, section: str, key: str, value: str) -> str:
    lines = text.splitlines()
    head = f"[{section}]"
    if head not in lines:
        return text + f"\n{head}\n{key} = {value}\n"
    at = lines.index(head) + 1
    lines = [line for line in lines if not line.startswith(f"{key} =")]
    at = lines.index(head) + 1
    return "\n".join([*lines[:at], f"{key} = {value}", *lines[at:]]) + "\n"


@FUZZ
@given(text=config_files())
def test_any_config_is_checked_with_one_line_and_what_passes_can_open_its_ledger(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "kiosk.toml"
        config.write_text(text, encoding="utf-8", errors="surrogatepass")
        code, out, err = run("config", "check", "--config", str(config))
        assert_said_clearly(code, out, err)
        assert code in (0, 2), err
        if code == 2:
            assert len(err.strip().splitlines()) == 1 and str(config) in err, err
        else:
            # Whatever passes `config check` starts: the ledger side opens with these settings.
            db = str(Path(tmp) / "l.db")
            code, out, err = run("demo-sales", "--config", str(config), "--db", db, "--days", "1", "--per-day", "2")
            assert_said_clearly(code, out, err)
            assert code == 0, err


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.mkdir(),
        lambda p: p.write_bytes(b"\xff\xfe\x00garbage"),
        lambda p: p.write_text("a = " + "[" * 100_000 + "]" * 100_000),
        lambda p: p.write_text("[shop]\nname = '" + "가" * 2_000_000 + "'\n"),
        lambda p: None,
    ],
    ids=["directory", "binary", "deep", "huge", "missing"],
)
@pytest.mark.parametrize(
    "command", [["config", "check"], ["report"], ["demo-sales", "--days", "1"], ["sync", "status"]]
)
def test_a_broken_config_file_is_one_line_for_every_command(
    tmp_path: Path, make: Callable[[Path], Any], command: list[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    make(config)
    code, out, err = run(
        *command, "--config", str(config), *(["--db", str(tmp_path / "l.db")] if command[0] != "config" else [])
    )
    assert_said_clearly(code, out, err)
    assert code == 2 and str(config) in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "l.db").exists()


@FUZZ
@given(
    url=st.one_of(
        st.sampled_from(
            [
                "foo://bar",
                "sqlite:////nonexistent/dir/x.db",
                "postgresql://nobody@127.0.0.1:1/x",
                "postgresql+nodriver://127.0.0.1/x",
                "sqlite:///",
                "://",
                "sqlite:///:memory:",
            ]
        ),
        st.text(max_size=30).filter(lambda s: "://" not in s or s.startswith("sqlite")),
    ),
    command=st.sampled_from([["migrate"], ["enroll-code", "--business-number", "2148710355"]]),
)
def test_the_backend_says_what_is_wrong_with_a_bogus_database_url(url: str, command: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(tmp)  # a bare name is a SQLite file here, not in the repository
        try:
            code, out, err = run_backend(*command, "--db", url)
        finally:
            os.chdir(cwd)
    assert "Traceback" not in out + err
    assert code in (0, 2, 3, 5), (code, err)


def test_a_closed_pipe_ends_quietly(good_ledger: Path) -> None:
    """`kiosk report | head`: whoever reads stops reading; no traceback, no "Exception ignored", 141."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "report", "--db", str(good_ledger), "--date", "2026-11-20"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 141, err
    assert err == "", err


def test_the_real_entry_point_says_one_line_for_a_mistyped_db(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "report", "--db", str(tmp_path / "ledgr.sqlite3")],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "ledgr.sqlite3" in done.stderr
    assert list(tmp_path.iterdir()) == []
