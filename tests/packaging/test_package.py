"""`make package` as CI runs it: the Debian packages built twice from the same commit (byte-identical),
lintian without errors, the file list, owners and permissions, and the installed tree tried for real
(overlaid on this machine's /usr/bin, /opt, /etc and /lib in a private mount namespace, so nothing is
installed here): the commands run, the config checks, `systemd-analyze verify` passes every unit."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import REPO_ROOT

pytestmark = pytest.mark.slow

UNITS = ("kiosk.service", "kiosk-backup.service", "kiosk-backup.timer", "kiosk-backend.service")


def build(out: Path, work: Path, commit: str) -> dict[str, Path]:
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "packaging" / "build.py"), "--commit", commit, "--out", str(out),
         "--work", str(work), "--wheelhouse", str(REPO_ROOT / "build" / "wheelhouse")],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    debs = {p.name.split("_")[0]: p for p in out.glob("*.deb")}
    assert set(debs) == {"kiosk", "kiosk-backend"}, debs
    return debs


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """Packages and unpacked trees live under build/, not in pytest's temporary tree: the suite scans that
    for card numbers written by the app, and 500 MB of wheels and Qt libraries are not app output."""
    (REPO_ROOT / "build").mkdir(exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix="test-package-", dir=REPO_ROOT / "build"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def packages(scratch: Path) -> tuple[dict[str, Path], dict[str, Path]]:
    """Two builds of HEAD in two different work directories."""
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True).stdout
    a, b = scratch / "build-a", scratch / "build-b"
    first = build(a / "out", a / "work", commit.strip())
    shutil.rmtree(a / "work")
    second = build(b / "out", b / "w", commit.strip())
    shutil.rmtree(b / "w")
    return first, second


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_two_builds_of_one_commit_are_byte_identical(packages: tuple[dict[str, Path], dict[str, Path]]) -> None:
    first, second = packages
    for name in first:
        assert first[name].name == second[name].name
        assert sha256(first[name]) == sha256(second[name]), f"{name}: the two builds differ"


def test_lintian_finds_no_errors(packages: tuple[dict[str, Path], dict[str, Path]]) -> None:
    if shutil.which("lintian") is None:
        pytest.fail("lintian is not installed: run scripts/bootstrap.sh as root")
    debs = [str(p) for p in packages[0].values()]
    result = subprocess.run(
        ["lintian", "--allow-root", "--fail-on", "error", "--tag-display-limit", "0", *debs],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert result.returncode == 0 and not errors, result.stdout + result.stderr


def contents(deb: Path) -> dict[str, tuple[str, str, str]]:
    """path -> (mode string, owner/group, link target)."""
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    files: dict[str, tuple[str, str, str]] = {}
    for line in listing.splitlines():
        parts = line.split(None, 5)
        name, _, target = parts[5].partition(" -> ")
        files[name.removeprefix(".")] = (parts[0], parts[1], target)
    return files


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def test_file_list_owners_permissions_and_control(packages: tuple[dict[str, Path], dict[str, Path]]) -> None:
    kiosk, backend = packages[0]["kiosk"], packages[0]["kiosk-backend"]
    files = contents(kiosk)
    assert {owner for _, owner, _ in files.values()} == {"root/root"}
    assert not [p for p, (mode, _, _) in files.items() if mode[8] == "w" and mode[0] != "l"], "world-writable"
    assert files["/usr/bin/kiosk"][2] == "/opt/kiosk/venv/bin/kiosk"
    assert files["/opt/kiosk/venv/bin/python3"][0].startswith("l")
    assert files["/opt/kiosk/venv/bin/kiosk"][0] == "-rwxr-xr-x"
    assert files["/opt/kiosk/libexec/kiosk-session-stop"][0] == "-rwxr-xr-x"
    for unit in UNITS[:3]:
        assert files[f"/lib/systemd/system/{unit}"][0] == "-rw-r--r--"
    for path in ("/lib/udev/rules.d/70-kiosk.rules", "/etc/pam.d/kiosk", "/etc/kiosk/kiosk.toml",
                 "/etc/kiosk/kiosk.toml.example", "/etc/default/kiosk", "/usr/share/doc/kiosk/copyright",
                 "/usr/share/doc/kiosk/changelog.gz", "/opt/kiosk/app/assets/demo/catalog.json",
                 "/opt/kiosk/app/ui/qml/Main.qml", "/opt/kiosk/app/ui/i18n/kiosk_en.qm",
                 "/opt/kiosk/venv/lib/python3.11/site-packages/kiosk-app.pth"):  # fmt: skip
        assert path in files, path
    # Bytecode for the app, hash-based and unchecked (PEP 552): no source mtime inside, valid as installed.
    pyc = "/opt/kiosk/app/app/__pycache__/cli.cpython-311.pyc"
    assert pyc in files
    assert not [p for p in files if "/tests/" in p and p.startswith("/opt/kiosk/app/")]
    assert not [p for p in files if p.startswith("/var/")], "data belongs to the postinst, not the package"
    assert field(kiosk, "Architecture") == "amd64"
    depends = field(kiosk, "Depends")
    wanted = ("libc6 (>= 2.34)", "python3 (>= 3.11)", "python3 (<< 3.12)", "cage", "xwayland", "libwayland-cursor0")
    for dep in (*wanted, "adduser"):
        assert dep in depends, dep
    version = field(kiosk, "Version")
    assert field(backend, "Depends").startswith(f"kiosk (= {version})") and "postgresql" in field(backend, "Depends")
    control = subprocess.run(["dpkg-deb", "-I", str(kiosk), "postinst"], capture_output=True, text=True).stdout
    assert "adduser --system --group --home /var/lib/kiosk" in control
    assert "install -d -o kiosk -g kiosk -m 0750 /var/lib/kiosk" in control
    conffiles = subprocess.run(["dpkg-deb", "-I", str(kiosk), "conffiles"], capture_output=True, text=True).stdout
    assert "/etc/kiosk/kiosk.toml\n" in conffiles
    bfiles = contents(backend)
    assert bfiles["/usr/bin/kiosk-backend"][2] == "/opt/kiosk/venv/bin/kiosk-backend"
    assert "/lib/systemd/system/kiosk-backend.service" in bfiles


def in_installed_tree(root: Path, script: str) -> subprocess.CompletedProcess[str]:
    """`script` in a private mount namespace where the package's files lie over this machine's own."""
    mounts = " && ".join(
        f"mount -t overlay overlay -o lowerdir={root}{d}:{d} {d}"
        for d in ("/usr/bin", "/opt", "/etc", "/lib/systemd/system")
        if (root / d.lstrip("/")).is_dir()
    )
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-ec", f"{mounts}\n{script}"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "KIOSK_AS_ROOT": "1", "PYTHONPATH": ""},
    )  # fmt: skip


@pytest.fixture(scope="module")
def installed(packages: tuple[dict[str, Path], dict[str, Path]], scratch: Path) -> Path:
    if os.geteuid() != 0:
        pytest.skip("needs root for a private mount namespace")
    root = scratch / "root"
    root.mkdir()
    for deb in packages[0].values():
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    probe = in_installed_tree(root, "true")
    if probe.returncode != 0:
        pytest.skip(f"no private mount namespace with overlayfs here: {probe.stderr.strip()}")
    return root


def test_installed_commands_run_on_the_target_python(installed: Path, tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    result = in_installed_tree(
        installed,
        f"""
        cd /
        /usr/bin/kiosk config check
        /usr/bin/kiosk demo-sales --db {db} --days 1 --per-day 5
        /usr/bin/kiosk ledger verify --db {db}
        /usr/bin/kiosk backup --db {db} --to {tmp_path}/backups
        /usr/bin/kiosk-backend --help >/dev/null
        /opt/kiosk/venv/bin/python3 -c 'import sys, PySide6.QtQuick, app.cli; print(sys.prefix, app.cli.__file__)'
        """,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "/opt/kiosk/venv /opt/kiosk/app/app/cli.py" in result.stdout
    assert "OK:" in result.stdout and "chain verified" in result.stdout
    assert "Traceback" not in result.stderr


def test_systemd_analyze_verify_every_unit_without_a_warning(installed: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.fail("systemd-analyze is missing: run scripts/bootstrap.sh as root")
    for unit in UNITS:
        result = in_installed_tree(installed, f"systemd-analyze verify /lib/systemd/system/{unit}")
        # systemd-analyze only warns about unknown keys and missing files: any output at all fails.
        assert result.returncode == 0 and not result.stdout.strip() and not result.stderr.strip(), (
            unit,
            result.stdout + result.stderr,
        )
