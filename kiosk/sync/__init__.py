"""Offline-first sync of the journal to the programme backend (push), catalog bundles (pull), heartbeat.

`kiosk.sync.protocol` is the wire contract the backend imports too; keep this package's `__init__`
free of imports so importing the protocol does not drag the ledger into the backend.
"""
