"""docs/ARCHITECTURE.md's diagrams are generated from docs/architecture_diagram.py and must be current."""

from __future__ import annotations

import runpy

from kiosk.config import REPO_ROOT


def test_the_architecture_diagrams_are_generated_from_their_source() -> None:
    script = runpy.run_path(str(REPO_ROOT / "docs" / "architecture_diagram.py"))
    assert script["main"](["--check"]) == 0
    text = (REPO_ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for mode in ("customer", "counter", "owner", "installer"):
        assert f"| {mode}" in text
