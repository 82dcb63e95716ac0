"""The serial 2D scanner (USB-CDC mode): driver, service and a pty simulator."""

from hardware.scanner.serial_scanner import ScannerService, ScannerUrlError, SerialScannerDriver, build_scanner
from hardware.scanner.sim import PtyScanner

__all__ = ["PtyScanner", "ScannerService", "ScannerUrlError", "SerialScannerDriver", "build_scanner"]
