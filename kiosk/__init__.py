"""The kiosk core: domain, ordering flow, ledger, payments, sync, receipts, config and CLI. No Qt."""
