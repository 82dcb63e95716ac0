"""Offline-first sync of the journal to the programme backend (push), catalog bundles (pull), heartbeat.

The wire contract the backend imports too is `kiosk.protocol`; keep this package's `__init__` free of
imports, so that importing a part of it does not drag the ledger in.
"""
