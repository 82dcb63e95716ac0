"""Shared by the payment tests: one card-terminal simulator on a pseudo-terminal per test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hardware.card_terminal.simulator import TerminalSimulator


@pytest.fixture(scope="module")
def sim() -> Iterator[TerminalSimulator]:
    simulator = TerminalSimulator()
    simulator.start()
    yield simulator
    simulator.stop()
