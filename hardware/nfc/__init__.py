"""NFC reader service: PC/SC driver, simulated reader, and the service that runs either on a worker."""

from hardware.nfc.service import NfcReaderService, ReaderUrlError, build_nfc_reader

__all__ = ["NfcReaderService", "ReaderUrlError", "build_nfc_reader"]
