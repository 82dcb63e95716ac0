"""The owner's back office, without Qt (issue 14 items 5-10, DESIGN §12): today at a glance, the calendar,
orders (search, detail, refund by number, reprint), sold-out and prices, exports and the sync / device
status. Reads come from the ledger's read models; every change is a journal entry. Roles are checked here
(`access.require`), never in QML. docs/OWNER.md."""
