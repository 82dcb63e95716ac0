"""The NFC reader service the app runs: a reader driver on its own `DeviceWorker`, chosen by URL.

``sim://`` is the simulated reader (the demo default); ``pcsc://`` watches every PC/SC reader and
``pcsc://NAME`` the reader whose name is or starts with NAME. Events (`kiosk.devices.nfc` events and
`HealthEvent`s) go to the listener on the worker thread.
"""

from __future__ import annotations

import urllib.parse

from hardware.nfc.driver import PcscReaderDriver
from hardware.nfc.simulator import SimulatedReaderDriver
from hardware.worker import Backoff, DeviceWorker, Listener
from kiosk.devices.health import Health
from kiosk.devices.nfc import CardList
from kiosk.ports import Clock

NfcDriver = PcscReaderDriver | SimulatedReaderDriver


class ReaderUrlError(ValueError):
    pass


class NfcReaderService:
    def __init__(self, driver: NfcDriver, worker: DeviceWorker[NfcDriver]) -> None:
        self.driver = driver
        self.worker = worker

    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop()

    @property
    def health(self) -> Health:
        return self.worker.health


def build_nfc_reader(
    url: str,
    *,
    key: bytes,
    cards: CardList,
    listener: Listener,
    clock: Clock | None = None,
    backoff: Backoff | None = None,
    poll_timeout: float = 1.0,
) -> NfcReaderService:
    if url.startswith("sim:"):
        driver: NfcDriver = SimulatedReaderDriver(key=key, cards=cards, clock=clock)
    elif url.startswith("pcsc:"):
        name = urllib.parse.unquote(url[len("pcsc:") :].lstrip("/"))
        driver = PcscReaderDriver(key=key, cards=cards, reader=name, clock=clock)
    else:
        raise ReaderUrlError(f"nfc.reader = {url!r}: use sim://, pcsc:// or pcsc://<reader name>")
    worker: DeviceWorker[NfcDriver] = DeviceWorker(
        "nfc",
        driver,
        listener=listener,
        clock=clock,
        backoff=backoff or Backoff(initial=0.2, maximum=5.0),
        poll_timeout=poll_timeout,
    )
    return NfcReaderService(driver, worker)
