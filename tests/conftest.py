"""Suite-wide rules: a test that leaves a thread or a child process running fails, and no file a test's
apps write (ledgers, WAL files, backend databases and logs, payloads) may hold a card number: each test's
tmp_path is scanned after it, and the whole base temporary directory once the session ends."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.card_numbers import card_numbers_in

# Fixtures shared across test packages: the programme backend process (QR / code provider), PostgreSQL and
# the kiosk window (`make_kiosk`).
pytest_plugins = ["tests.backend.servers", "tests.helpers.windows"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

_IGNORED_THREAD_PREFIXES = ("pydevd", "asyncio_", "QDBusConnection", "ThreadPoolExecutor")

# Session-scoped fixtures (pcscd, PostgreSQL, a backend server) start once and are stopped at the end of
# the session; they register here so the per-test check does not count them.
SESSION_PIDS: set[int] = set()
SESSION_THREADS: set[threading.Thread] = set()


def keep_for_session(pid: int | None = None, thread: threading.Thread | None = None) -> None:
    if pid is not None:
        SESSION_PIDS.add(pid)
    if thread is not None:
        SESSION_THREADS.add(thread)


def _children() -> set[int]:
    pids: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        try:
            text = (task / "children").read_text()
        except OSError:
            continue
        pids.update(int(p) for p in text.split())
    return {p for p in pids if _alive(p)}


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.fixture(autouse=True)
def no_leaked_threads_or_processes(request: pytest.FixtureRequest) -> Iterator[None]:
    threads_before = set(threading.enumerate())
    children_before = _children()
    yield
    deadline = time.monotonic() + 3.0
    while True:
        leaked = [
            t
            for t in threading.enumerate()
            if t not in threads_before
            and t not in SESSION_THREADS
            and t.is_alive()
            and not t.name.startswith(_IGNORED_THREAD_PREFIXES)
        ]
        procs = _children() - children_before - SESSION_PIDS
        if (not leaked and not procs) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    if leaked or procs:
        pytest.fail(
            f"test left running: threads {[t.name for t in leaked]}, child processes {sorted(procs)}",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def no_card_numbers_in_tmp_path(request: pytest.FixtureRequest) -> Iterator[None]:
    path: Path | None = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames else None
    yield
    if path is not None and (found := card_numbers_in(path)):
        pytest.fail(f"card numbers written to files: {found}", pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def no_card_numbers_in_the_sessions_files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Session-scoped fixtures' files too (backend databases and logs), once every test has run."""
    yield
    found = card_numbers_in(tmp_path_factory.getbasetemp())
    if found:
        pytest.fail(f"card numbers written to files: {found}", pytrace=False)
