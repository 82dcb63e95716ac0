"""The systemd units, udev rules and the runtime lock as shipped in packaging/: their key settings (fast;
`systemd-analyze verify` on the installed tree is in test_package.py)."""

from __future__ import annotations

import importlib.metadata as md
import re
import subprocess
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from kiosk.config import REPO_ROOT

PKG = REPO_ROOT / "packaging"


def unit(name: str) -> dict[str, dict[str, list[str]]]:
    """A unit file as {section: {key: [values in order]}} (keys may repeat, as systemd allows)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] = {}
    for raw in (PKG / "systemd" / name).read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        current.setdefault(key, []).append(value)
    return sections


def one(section: dict[str, list[str]], key: str) -> str:
    [value] = section[key]
    return value


def test_the_kiosk_session_unit() -> None:
    u = unit("kiosk.service")
    s, un = u["Service"], u["Unit"]
    assert one(s, "Type") == "notify" and one(s, "NotifyAccess") == "all"  # the app is cage's child
    assert 10 <= int(one(s, "WatchdogSec")) <= 60
    assert one(s, "Restart") == "always" and int(one(un, "StartLimitBurst")) >= 3
    assert int(one(un, "StartLimitIntervalSec")) >= 60
    assert one(s, "User") == "kiosk" and one(s, "PAMName") == "kiosk"
    assert one(s, "ExecStart") == "/usr/bin/cage -d -- /usr/bin/kiosk run"
    # SIGTERM to the app first (cage killed first drops the app's display), then cage alone.
    assert one(s, "ExecStop") == "/opt/kiosk/libexec/kiosk-session-stop $MAINPID"
    assert one(s, "KillMode") == "mixed"
    assert 5 < int(one(s, "TimeoutStopSec")) <= 15
    assert "getty@tty7.service" in " ".join(un["Conflicts"])  # no getty autologin on the kiosk's VT
    assert one(s, "TTYPath") == "/dev/tty7"
    assert "KIOSK_CONFIG=/etc/kiosk/kiosk.toml" in s["Environment"]
    assert "QT_QPA_PLATFORM=wayland" in s["Environment"]
    # Hardening that leaves the devices reachable: no PrivateDevices, no DevicePolicy.
    assert one(s, "NoNewPrivileges") == "yes" and one(s, "ProtectSystem") == "strict"
    assert one(s, "ProtectHome") == "yes" and "/var/lib/kiosk" in one(s, "ReadWritePaths")
    assert "PrivateDevices" not in s and "DevicePolicy" not in s
    assert "MemoryDenyWriteExecute" not in s  # the QML engine's JIT needs W+X pages
    assert "graphical.target" in one(u["Install"], "WantedBy")


def test_the_backup_and_backend_units() -> None:
    b, t = unit("kiosk-backup.service"), unit("kiosk-backup.timer")
    assert one(b["Service"], "Type") == "oneshot" and one(b["Service"], "User") == "kiosk"
    assert one(b["Service"], "ExecStart").startswith("/usr/bin/kiosk backup")
    assert one(t["Timer"], "OnCalendar") == "hourly" and one(t["Timer"], "Persistent") == "yes"
    k = unit("kiosk-backend.service")
    s = k["Service"]
    assert "postgresql.service" in " ".join(k["Unit"]["After"]) and "postgresql.service" in " ".join(k["Unit"]["Wants"])
    assert one(s, "User") == "kiosk-backend" and one(s, "Restart") == "on-failure"
    assert one(s, "ExecStartPre") == "/usr/bin/kiosk-backend migrate"
    assert one(s, "ExecStart").startswith("/usr/bin/kiosk-backend serve")
    assert any(v.startswith("KIOSK_BACKEND_DB=postgresql+psycopg://") for v in s["Environment"])
    assert one(s, "PrivateDevices") == "yes" and one(s, "CapabilityBoundingSet") == ""
    assert int(one(k["Unit"], "StartLimitBurst")) >= 3


RULE_KEY = re.compile(r'^(?P<key>[A-Z_]+(\{[^}]+\})?)\s*(?P<op>==|!=|\+=|-=|:=|=)\s*"(?P<value>[^"]*)"$')


def rules() -> list[list[tuple[str, str, str]]]:
    parsed = []
    for raw in (PKG / "udev" / "70-kiosk.rules").read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pairs = []
        for part in line.split(", "):
            m = RULE_KEY.match(part.strip())
            assert m, f"not a udev key: {part!r} in {line!r}"
            pairs.append((m["key"], m["op"], m["value"]))
        assert any(op in ("==", "!=") for _, op, _ in pairs), f"a rule with no match: {line}"
        parsed.append(pairs)
    return parsed


def test_udev_rules_give_the_kiosk_its_devices() -> None:
    rs = rules()

    def having(*want: tuple[str, str, str]) -> list[list[tuple[str, str, str]]]:
        return [r for r in rs if all(w in r for w in want)]

    # USB printer class 07, and vendor-class ESC/POS printers (Epson 04b8, Bixolon 1504), group lp.
    assert having(("ENV{ID_USB_INTERFACES}", "==", "*:0701*:*"), ("GROUP", "=", "lp"))
    for vendor in ("04b8", "1504", "1d90"):
        assert having(("ATTRS{idVendor}", "==", vendor), ("GROUP", "=", "lp")), vendor
    # Serial: ModemManager kept off USB-serial adapters, stable names for the card terminal and scanner.
    for vendor in ("0403", "067b", "10c4", "1a86"):
        assert having(("ATTRS{idVendor}", "==", vendor), ("ENV{ID_MM_DEVICE_IGNORE}", "=", "1")), vendor
    assert having(("SYMLINK", "+=", "kiosk/card-terminal"), ("GROUP", "=", "dialout"))
    assert having(("SYMLINK", "+=", "kiosk/scanner"))
    # The PC/SC reader (ACS), input and sound.
    assert having(("ATTRS{idVendor}", "==", "072f"), ("ENV{ID_MM_DEVICE_IGNORE}", "=", "1"))
    assert having(("SUBSYSTEM", "==", "input"), ("GROUP", "=", "input"))
    assert having(("SUBSYSTEM", "==", "sound"), ("GROUP", "=", "audio"))
    assert having(("SYMLINK", "+=", "kiosk/headphone-jack"))


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_runtime_lock_is_the_closure_of_the_projects_dependencies_at_the_locked_versions() -> None:
    import tomllib

    def read(path: Path) -> dict[str, str]:
        pins = [line.split("==") for line in path.read_text().splitlines() if "==" in line and line[0] != "#"]
        return {_norm(n): v.strip() for n, v in pins}

    runtime, locked = read(PKG / "runtime.lock"), read(REPO_ROOT / "requirements.lock")
    for name, version in runtime.items():
        if name != "setuptools":  # not pinned in requirements.lock (the venv's own)
            assert locked.get(name) == version, f"{name}: runtime {version}, requirements.lock {locked.get(name)}"
    roots = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    closure: set[str] = set()
    stack = [Requirement(r) for r in roots]
    while stack:
        req = stack.pop()
        if _norm(req.name) in closure:
            continue
        closure.add(_norm(req.name))
        for text in md.distribution(req.name).requires or []:
            dep = Requirement(text)
            if (
                dep.marker is None
                or dep.marker.evaluate({"extra": ""})
                or any(dep.marker.evaluate({"extra": e}) for e in req.extras)
            ):
                stack.append(dep)
    assert set(runtime) == closure, f"missing {closure - set(runtime)}, not needed {set(runtime) - closure}"


def test_session_stop_script_is_valid_sh() -> None:
    script = PKG / "libexec" / "kiosk-session-stop"
    assert script.stat().st_mode & 0o111
    subprocess.run(["sh", "-n", str(script)], check=True)
    for name in ("preinst", "postinst", "prerm", "postrm"):
        for pkg in ("kiosk", "kiosk-backend"):
            path = PKG / "debian" / pkg / name
            if path.exists():
                assert path.stat().st_mode & 0o111, path
                subprocess.run(["sh", "-n", str(path)], check=True)


@pytest.mark.parametrize("old,new,refused", [("0.2.0", "0.1.0", True), ("0.1.0", "0.2.0", False)])
def test_preinst_refuses_a_downgrade(tmp_path: Path, old: str, new: str, refused: bool) -> None:
    script = tmp_path / "preinst"
    script.write_text((PKG / "debian" / "kiosk" / "preinst").read_text().replace("@VERSION@", new))
    result = subprocess.run(["sh", str(script), "upgrade", old], capture_output=True, text=True)
    assert (result.returncode != 0) is refused, result.stderr
    if refused:
        assert f"refusing to replace version {old} with the older {new}" in result.stderr
        assert "kiosk restore" in result.stderr
