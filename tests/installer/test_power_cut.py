"""A power cut (SIGKILL) at each step of the set-up, then a restart: the wizard resumes at the first step
not done, with a settings file that loads and nothing half-written; the resumed set-up ends enrolled and
valid for `kiosk config check`. Each run is a child process (tests/helpers/installer_child.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import REPO_ROOT, load_settings
from kiosk.installer.wizard import STEPS, WizardStore
from tests.backend.servers import BackendProcess
from tests.helpers.installer import BUSINESS_NUMBER, fresh_config, kiosk_cli
from tests.sync.helpers import issue_code


def _child(config: Path, backend: str, code: str, *extra: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.installer_child", str(config), backend, code, *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env=env,
    )


def _lines_until(proc: subprocess.Popen[str], prefix: str) -> list[str]:
    assert proc.stdout is not None
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if line.startswith(prefix):
            return lines
    raise AssertionError(f"the child ended before {prefix!r}: {lines} {proc.stderr.read() if proc.stderr else ''}")


@pytest.mark.slow
def test_power_cut_at_each_step_resumes(tmp_path: Path, backend_server: BackendProcess) -> None:
    """At the first step the child waits there (killed before anything is written); at every other step it
    is killed in the middle of the step, wherever the kill lands (before, inside or after its writes)."""
    for index, step in enumerate(STEPS):
        kill = "before" if index == 0 else "during"
        base = tmp_path / f"{kill}-{step}"
        base.mkdir()
        config = fresh_config(base)
        code = issue_code(backend_server.db_url, BUSINESS_NUMBER)
        if kill == "before":  # waiting at the step: everything before it is done
            proc = _child(config, backend_server.url, code, step)
            _lines_until(proc, f"WAIT {step}")
        else:  # in the middle of the step (wherever the kill lands: before, inside or after its writes)
            proc = _child(config, backend_server.url, code)
            _lines_until(proc, f"START {step}")
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
        # Nothing half-written: the settings file loads, the state file parses, no temporary file is left
        # once the wizard is back.
        settings = load_settings(config, env={})
        state = WizardStore(settings.data_path).load()
        assert state.done == list(STEPS[: len(state.done)]), state
        done_before = len(state.done)
        assert index <= done_before <= index + 1, (step, state)
        resumed = _child(config, backend_server.url, issue_code(backend_server.db_url, BUSINESS_NUMBER))
        out, err = resumed.communicate(timeout=60)
        assert resumed.returncode == 0, (step, kill, out, err)
        first = json.loads(out.splitlines()[0].removeprefix("RESUMED "))
        assert first["done"] == list(STEPS[:done_before])
        assert first["step"] == (STEPS[done_before] if done_before < len(STEPS) else "selftest")
        assert f"START {STEPS[done_before]}" in out if done_before < len(STEPS) else True
        wizard_files = (f".{config.name}.", ".setup-state.json.")
        left = [p for p in base.rglob("*.tmp") if p.name.startswith(wizard_files)]
        assert not left, f"a temporary file of the wizard was left behind: {left}"
        final = load_settings(config, env={})
        assert final.setup.done and final.setup.terminal_mode == "counter" and final.printer.profile == "korean-58mm"
        if step == STEPS[-1]:
            assert kiosk_cli("config", "check", "--config", str(config)).returncode == 0
