"""Payments: the port the ordering flow talks to, and its providers (card terminal, QR, barcode)."""
