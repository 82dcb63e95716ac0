"""The simulated NFC reader (``sim://``, the demo default): the same events as the PC/SC driver.

Cards are `hardware.vcard.CardProfile`s tapped from any thread (a test, the demo's debug keys); the
card logic is the same `VirtualCardApplet` that answers behind pcscd, and the same `read_card` reads
it, so payment cards are refused the same way.
"""

from __future__ import annotations

import queue
from collections.abc import Sequence

from hardware.nfc.cardread import CardReadError, read_card, tapped
from hardware.vcard.card import CardProfile, VirtualCardApplet
from kiosk.devices.health import Health, HealthEvent
from kiosk.devices.nfc import CardKind, CardList, CardRemoved, CardTapped, ReaderChange, ReaderEvent
from kiosk.ports import Clock, SystemClock

SIM_READER = "Simulated NFC Reader"


class SimulatedReaderDriver:
    def __init__(self, *, key: bytes, cards: CardList, clock: Clock | None = None, device: str = "nfc") -> None:
        self._key = key
        self._cards = cards
        self._clock = clock or SystemClock()
        self._device = device
        self._actions: queue.SimpleQueue[CardProfile | None] = queue.SimpleQueue()
        self._present = False
        self._opened = False

    # -- test / demo side --------------------------------------------------------------------------------
    def tap(self, profile: CardProfile) -> None:
        """Put a card on the reader (it stays until `remove`)."""
        self._actions.put(profile)

    def remove(self) -> None:
        self._actions.put(None)

    # -- DeviceDriver ------------------------------------------------------------------------------------
    def open(self) -> None:
        self._opened = True

    def close(self) -> None:
        self._opened = False

    def interrupt(self) -> None:
        self._actions.put(_WAKE)

    def poll(self, timeout: float) -> Sequence[object]:
        now = self._clock.now()
        events: list[object] = []
        if self._opened and not getattr(self, "_announced", False):
            self._announced = True
            events.append(ReaderEvent(SIM_READER, ReaderChange.ADDED, "NFC 리더가 연결되었습니다. (시뮬레이터)", now))
            events.append(HealthEvent(self._device, Health.OK, "reader_ready", "NFC 리더 준비됨 (시뮬레이터)", now))
            return events
        try:
            action = self._actions.get(timeout=timeout)
        except queue.Empty:
            return events
        if action is _WAKE:
            return events
        if action is None:
            if self._present:
                self._present = False
                events.append(CardRemoved(SIM_READER, now))
            return events
        if self._present:
            events.append(CardRemoved(SIM_READER, now))
        self._present = True
        applet = VirtualCardApplet(action)
        try:
            data = read_card(applet.process, self._key, self._cards)
            events.append(tapped(SIM_READER, data, self._clock.now()))
        except CardReadError:
            events.append(CardTapped(SIM_READER, CardKind.UNKNOWN, None, (), None, "카드를 다시 대 주세요.", now))
        return events


_WAKE = CardProfile(uid=b"wake")  # sentinel: a command arrived, return from poll
