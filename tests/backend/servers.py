"""Real servers for tests: the programme backend as a `kiosk-backend serve` subprocess on a free
loopback port, and a private PostgreSQL cluster. Importable by any test package (payments use the QR
provider simulation through `BackendProcess`).

    from tests.backend.servers import BackendProcess, backend_server  # fixture: a session-wide backend

A session-scoped server registers its pid with `tests.conftest.keep_for_session`; one a test starts
itself it must stop (`with BackendProcess(...) as b:`).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import keep_for_session

REPO = Path(__file__).resolve().parents[2]
# An all-roles operator token for each running test backend, by URL (fleet reads in sync tests).
OPERATOR_TOKENS: dict[str, str] = {}
BACKEND_CMD = [sys.executable, "-m", "backend.cli"]
PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), Path("/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until(predicate, timeout: float = 20.0, interval: float = 0.05, what: str = "condition"):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what}")


def make_operator(db_url: str, roles: tuple[str, ...] | None = None) -> str:
    """What `kiosk-backend operator add` does, in-process: a new operator's token."""
    from backend.db import make_engine
    from backend.operators import Role, create_operator

    engine = make_engine(db_url)
    try:
        wanted = {Role(r) for r in roles} if roles is not None else set(Role)
        return create_operator(engine, f"tests-{secrets.token_hex(4)}", wanted)
    finally:
        engine.dispose()


class BackendProcess:
    """`kiosk-backend serve` in a child process. `restart()` keeps the port and the database."""

    def __init__(
        self,
        db_url: str,
        *,
        port: int | None = None,
        test_clock: bool = True,
        code_hang_seconds: float = 30.0,
        log: Path | None = None,
        mode: str | None = None,
        repo: Path | None = None,
    ) -> None:
        self.db_url = db_url
        self.repo = repo or REPO  # whose backend code runs (bench A/B: another checkout)
        self.port = port or free_port()
        self.test_clock = test_clock
        self.mode = mode or ("test" if test_clock else "production")
        self.operator_token = ""
        self.code_hang_seconds = code_hang_seconds
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = log or Path(tempfile.mkstemp(prefix="kiosk-backend-", suffix=".log")[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run another `kiosk-backend` sub-command on the same database."""
        return subprocess.run(
            [*BACKEND_CMD, args[0], "--db", self.db_url, *args[1:]],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def start(self) -> BackendProcess:
        cmd = [*BACKEND_CMD, "serve", "--db", self.db_url, "--port", str(self.port)]
        cmd += ["--code-hang-seconds", str(self.code_hang_seconds), "--mode", self.mode]
        env = None
        if self.repo != REPO:
            env = {**os.environ, "PYTHONPATH": str(self.repo)}
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(cmd, cwd=self.repo, stdout=log, stderr=subprocess.STDOUT, env=env)
        wait_until(self._ready, timeout=30, what=f"the backend on port {self.port} (log: {self.log})")
        if not self.operator_token:
            self.operator_token = make_operator(self.db_url)
        OPERATOR_TOKENS[self.url] = self.operator_token
        return self

    @property
    def operator_headers(self) -> dict[str, str]:
        """Authorization of an operator with every role (fleet:read, catalog:publish, enroll:mint)."""
        return {"Authorization": f"Bearer {self.operator_token}"}

    def _ready(self) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"kiosk-backend exited with {self.proc.returncode}: {self.log.read_text()[-2000:]}")
        try:
            return httpx.get(f"{self.url}/openapi.json", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None

    def kill(self) -> None:
        self.stop(signal.SIGKILL)

    def restart(self) -> None:
        self.kill()
        self.start()

    def __enter__(self) -> BackendProcess:
        return self.start() if self.proc is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class Postgres:
    """A private PostgreSQL cluster in a temporary directory, on 127.0.0.1 and a free port. Runs as the
    `postgres` user (the server refuses to run as root), so it needs root to start."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.data = base / "data"
        self.port = free_port()
        self.started = False

    @staticmethod
    def available() -> str | None:
        """None if we can run one, else why not."""
        if os.geteuid() != 0:
            return (
                "PostgreSQL tests need root (the cluster runs as the postgres user via runuser); run make test as root"
            )
        if not (PG_BIN / "initdb").exists() or shutil.which("runuser") is None:
            return (
                f"PostgreSQL server binaries not found in {PG_BIN}"
                "; make test installs them (apt-get install postgresql)"
            )
        return None

    def _as_postgres(self, *cmd: str) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *cmd], check=True, capture_output=True, timeout=120)

    def start(self) -> Postgres:
        self.base.mkdir(parents=True, exist_ok=True)
        shutil.chown(self.base, "postgres", "postgres")
        self._as_postgres(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"
        )
        opts = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=200 -c shared_buffers=128MB"
        )
        self._as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(self.base / "pg.log"), "-w", "start"
        )
        self.started = True
        return self

    def pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def create_db(self, name: str) -> str:
        self._as_postgres(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.started:
            self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
            self.started = False


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    why = Postgres.available()
    if why:
        pytest.skip(why)
    # Not under pytest's tmp dir: that is private to root, and the server runs as postgres.
    base = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
    pg = Postgres(base).start()
    try:
        yield pg
    finally:
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def backend_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    """One backend on SQLite for the whole session, with the test clock and a 3 s code hang."""
    base = tmp_path_factory.mktemp("backend")
    server = BackendProcess(f"sqlite:///{base / 'backend.sqlite3'}", code_hang_seconds=3.0, log=base / "backend.log")
    server.start()
    assert server.proc is not None
    keep_for_session(pid=server.proc.pid)
    try:
        yield server
    finally:
        server.stop()
