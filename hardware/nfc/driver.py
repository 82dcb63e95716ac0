"""The PC/SC NFC reader driver: our own `SCardGetStatusChange` loop, run on a `DeviceWorker`.

pyscard's CardMonitor thread dies silently when pcscd stops and never resumes (pyscard #82, #128), so
this driver watches the readers itself, including the ``\\\\?PnP?\\Notification`` pseudo-reader for
readers being plugged and unplugged. When the service goes away (pcscd stopped, crashed, restarted)
every watched reader is reported LOST and `poll` raises `DeviceLost`; the worker then re-establishes
the context with backoff, and readers that come back are reported BACK, and a card lying on them is
read again. Raw UIDs and APDUs are never logged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from smartcard import scard

from hardware.nfc.cardread import CardData, CardReadError, read_card, tapped
from hardware.worker import DeviceLost
from kiosk.devices.health import Health, HealthEvent
from kiosk.devices.nfc import CardKind, CardList, CardRemoved, CardTapped, ReaderChange, ReaderEvent
from kiosk.ports import Clock, SystemClock

log = logging.getLogger(__name__)

PNP_READER = "\\\\?PnP?\\Notification"

SERVICE_GONE_MESSAGE = (
    "NFC 리더 서비스(pcscd)에 연결할 수 없습니다. 서비스를 다시 시작하세요 (systemctl restart pcscd)."
)
NO_READER_MESSAGE = "NFC 리더가 없습니다. 리더의 USB 케이블을 확인하세요."
READ_FAILED_MESSAGE = "카드를 읽지 못했습니다. 카드를 리더 가운데에 다시 대 주세요."

_QUIET = {scard.SCARD_E_TIMEOUT & 0xFFFFFFFF, scard.SCARD_E_CANCELLED & 0xFFFFFFFF}


def _code(hresult: int) -> int:
    return hresult & 0xFFFFFFFF


def _describe(hresult: int) -> str:
    try:
        return str(scard.SCardGetErrorMessage(hresult))
    except Exception:
        return hex(_code(hresult))


class PcscReaderDriver:
    """Watches one named reader (``reader`` is its name or a prefix of it) or, with ``reader=""``, all."""

    def __init__(
        self, *, key: bytes, cards: CardList, reader: str = "", clock: Clock | None = None, device: str = "nfc"
    ) -> None:
        self._key = key
        self._cards = cards
        self._filter = reader
        self._clock = clock or SystemClock()
        self._device = device
        self._ctx: int | None = None
        self._dead = False
        self._pnp_state = scard.SCARD_STATE_UNAWARE
        self._states: dict[str, int] = {}  # watched reader -> last event state
        self._present: dict[str, bool] = {}
        self._lost: set[str] = set()  # readers that were there when the service went away
        self._pending: list[object] = []

    # -- DeviceDriver ------------------------------------------------------------------------------------
    def open(self) -> None:
        hr, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hr != scard.SCARD_S_SUCCESS:
            raise DeviceLost("service_down", SERVICE_GONE_MESSAGE)
        self._ctx = ctx
        self._dead = False
        self._pnp_state = scard.SCARD_STATE_UNAWARE
        self._pending.extend(self._sync_readers())

    def close(self) -> None:
        ctx, self._ctx = self._ctx, None
        if ctx is not None:
            try:
                scard.SCardReleaseContext(ctx)
            except Exception:
                pass  # the service is gone; nothing to release

    def interrupt(self) -> None:
        ctx = self._ctx
        if ctx is not None:
            scard.SCardCancel(ctx)

    def poll(self, timeout: float) -> Sequence[object]:
        events, self._pending = self._pending, []
        if self._ctx is None or self._dead:
            raise DeviceLost("service_stopped", SERVICE_GONE_MESSAGE)
        watched = sorted(self._states)
        states = [(PNP_READER, self._pnp_state)] + [(r, self._states[r]) for r in watched]
        hr, new_states = scard.SCardGetStatusChange(self._ctx, max(1, int(timeout * 1000)), states)
        if _code(hr) in _QUIET:
            return events
        if hr != scard.SCARD_S_SUCCESS:
            # No service, service stopped, invalid handle after a restart, comm error: the context is
            # gone. Report the readers lost now; the next poll raises so the worker reconnects.
            log.warning("PC/SC service error: %s", _describe(hr))
            return events + self._service_lost()
        for name, state, _atr in new_states:
            if name == PNP_READER:
                if state & scard.SCARD_STATE_CHANGED:
                    self._pnp_state = state & ~scard.SCARD_STATE_CHANGED
                    events.extend(self._sync_readers())
            elif name in self._states:
                events.extend(self._reader_state(name, state))
        return events

    # -- internals ---------------------------------------------------------------------------------------
    def _service_lost(self) -> list[object]:
        now = self._clock.now()
        events: list[object] = []
        for name in sorted(self._states):
            if self._present.get(name):
                events.append(CardRemoved(name, now))
            events.append(
                ReaderEvent(name, ReaderChange.LOST, "NFC 리더 서비스가 멈췄습니다. 다시 연결하는 중입니다.", now)
            )
        self._lost |= set(self._states)
        self._states.clear()
        self._present.clear()
        self._dead = True
        return events

    def _matches(self, name: str) -> bool:
        return not self._filter or name == self._filter or name.startswith(self._filter)

    def _list_readers(self) -> list[str]:
        assert self._ctx is not None
        hr, readers = scard.SCardListReaders(self._ctx, [])
        if _code(hr) == _code(scard.SCARD_E_NO_READERS_AVAILABLE):
            return []
        if hr != scard.SCARD_S_SUCCESS:
            raise DeviceLost("service_error", f"{SERVICE_GONE_MESSAGE} ({_describe(hr)})")
        return [r for r in readers if self._matches(r)]

    def _sync_readers(self) -> list[object]:
        now = self._clock.now()
        current = set(self._list_readers())
        events: list[object] = []
        for name in sorted(current - set(self._states)):
            change = ReaderChange.BACK if name in self._lost else ReaderChange.ADDED
            message = "NFC 리더가 다시 연결되었습니다." if change is ReaderChange.BACK else "NFC 리더가 연결되었습니다."
            events.append(ReaderEvent(name, change, message, now))
            self._states[name] = scard.SCARD_STATE_UNAWARE
            self._present[name] = False
        for name in sorted(set(self._states) - current):
            if self._present.get(name):
                events.append(CardRemoved(name, now))
            events.append(
                ReaderEvent(name, ReaderChange.REMOVED, "NFC 리더가 분리되었습니다. USB 연결을 확인하세요.", now)
            )
            del self._states[name]
            self._present.pop(name, None)
        self._lost -= current
        if current:
            events.append(HealthEvent(self._device, Health.OK, "reader_ready", "NFC 리더 준비됨", now))
        else:
            events.append(HealthEvent(self._device, Health.LOST, "no_reader", NO_READER_MESSAGE, now))
        return events

    def _reader_state(self, name: str, state: int) -> list[object]:
        self._states[name] = state & ~scard.SCARD_STATE_CHANGED
        present = bool(state & scard.SCARD_STATE_PRESENT) and not (state & scard.SCARD_STATE_MUTE)
        was_present = self._present.get(name, False)
        self._present[name] = present
        if present and not was_present:
            data = self._read(name)
            if data is None:
                return [CardTapped(name, CardKind.UNKNOWN, None, (), None, READ_FAILED_MESSAGE, self._clock.now())]
            return [tapped(name, data, self._clock.now())]
        if was_present and not present:
            return [CardRemoved(name, self._clock.now())]
        return []

    def _read(self, name: str) -> CardData | None:
        assert self._ctx is not None
        hr, card, protocol = scard.SCardConnect(
            self._ctx, name, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
        )
        if hr != scard.SCARD_S_SUCCESS:
            return None

        def transmit(apdu: bytes) -> bytes:
            rc, response = scard.SCardTransmit(card, protocol, list(apdu))
            if rc != scard.SCARD_S_SUCCESS:
                raise CardReadError("card left the field")
            return bytes(response)

        try:
            return read_card(transmit, self._key, self._cards)
        except CardReadError:
            return None
        finally:
            scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)
