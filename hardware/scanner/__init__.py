"""The serial 2D scanner (USB-CDC mode): driver.py (the real driver), simulator.py (a pty simulator),
service.py (the service on its worker thread and `build_scanner`)."""

from hardware.scanner.driver import ScannerUrlError, SerialScannerDriver
from hardware.scanner.service import ScannerService, build_scanner
from hardware.scanner.simulator import PtyScanner

__all__ = ["PtyScanner", "ScannerService", "ScannerUrlError", "SerialScannerDriver", "build_scanner"]
