"""Device test fixtures: a private pcscd with the vpcd driver for the session, virtual cards, ptys."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hardware.vcard import CardProfile, VirtualCard
from tests.conftest import keep_for_session
from tests.devices.pcsc import PcscService, PcscUnavailable


@pytest.fixture(scope="session")
def pcscd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PcscService]:
    """The session's pcscd (started once; a test that kills it must `start()` it again)."""
    try:
        service = PcscService(tmp_path_factory.mktemp("pcscd"))
    except PcscUnavailable as exc:
        pytest.fail(f"pcscd with vpcd is needed for the device tests: {exc}", pytrace=False)
    # pcsc-lite reads the socket path once per process: set it before the first PC/SC call.
    os.environ.update(service.environ())
    service.on_start = lambda pid: keep_for_session(pid=pid)
    service.start()
    yield service
    service.stop()


@pytest.fixture
def running_pcscd(pcscd: PcscService) -> PcscService:
    """pcscd, restarted if an earlier test left it killed."""
    pcscd.start()
    return pcscd


@pytest.fixture
def insert_card(running_pcscd: PcscService) -> Iterator[Callable[..., VirtualCard]]:
    """``insert_card(profile, slot=0)`` puts a virtual card on reader ``slot``; all are removed after."""
    cards: list[tuple[int, VirtualCard]] = []

    def insert(profile: CardProfile, slot: int = 0) -> VirtualCard:
        card = VirtualCard(profile, port=running_pcscd.ports[slot])
        card.insert()
        cards.append((slot, card))
        return card

    yield insert
    for _slot, card in cards:
        card.remove()
    if running_pcscd.process is not None:
        for slot in {slot for slot, _ in cards}:
            running_pcscd.wait_card(slot, present=False)


@pytest.fixture
def shop_key() -> bytes:
    return b"test-shop-key-0123456789abcdef!!"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents and "pcscd" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.pcsc)
