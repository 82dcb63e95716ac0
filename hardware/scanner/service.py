"""The scanner the app runs: the serial driver on its worker thread, and `build_scanner` for a URL
(`sim://` owns a pty simulator read through the same driver)."""

from __future__ import annotations

from hardware.scanner.driver import ScannerUrlError, SerialScannerDriver
from hardware.scanner.simulator import PtyScanner
from hardware.worker import Backoff, DeviceWorker, Listener
from kiosk.devices.health import Health
from kiosk.ports import Clock


class ScannerService:
    """The scanner the app runs. ``listener`` gets `CodeScanned` and `HealthEvent` on the worker thread.

    With ``sim://`` the service owns a `PtyScanner` (``service.simulator.scan("...")``) and reads it
    through the same serial driver as a real scanner.
    """

    def __init__(self, worker: DeviceWorker[SerialScannerDriver], simulator: PtyScanner | None = None) -> None:
        self.worker = worker
        self.simulator = simulator

    @property
    def health(self) -> Health:
        return self.worker.health

    def start(self) -> None:
        if self.simulator is not None:
            self.simulator.open()
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop()
        if self.simulator is not None:
            self.simulator.close()


def build_scanner(
    url: str,
    *,
    listener: Listener,
    baudrate: int = 9600,
    clock: Clock | None = None,
    backoff: Backoff | None = None,
    poll_timeout: float = 0.5,
    simulator_dir: str | None = None,
) -> ScannerService:
    """``sim://`` (a pty simulator), a device path, or any pyserial URL (``socket://``, ``rfc2217://``)."""
    if not url:
        raise ScannerUrlError("scanner.url is empty: use sim://, /dev/ttyACM0 or another pyserial URL")
    simulator = None
    if url.startswith("sim:"):
        simulator = PtyScanner(simulator_dir)
        url = str(simulator.path)
    driver = SerialScannerDriver(url, baudrate=baudrate, clock=clock)
    worker = DeviceWorker(
        "scanner",
        driver,
        listener=listener,
        clock=clock,
        backoff=backoff or Backoff(initial=0.2, maximum=5.0),
        poll_timeout=poll_timeout,
    )
    return ScannerService(worker, simulator)
