"""A counter world per test: a real SQLite ledger with the counter's core, payments and cash receipts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.counter import World, make_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = make_world(tmp_path / "ledger.sqlite3")
    yield w
    w.close()
