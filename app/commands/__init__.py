"""Sub-commands of `kiosk`, one module per area; each defines register(subparsers)."""
