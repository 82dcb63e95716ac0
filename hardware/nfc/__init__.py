"""NFC reader: driver.py (PC/SC), simulator.py (a simulated reader), service.py (the service that runs either
on a worker, and `build_nfc_reader`); cardread.py reads a card for both."""

from hardware.nfc.service import NfcReaderService, ReaderUrlError, build_nfc_reader

__all__ = ["NfcReaderService", "ReaderUrlError", "build_nfc_reader"]
