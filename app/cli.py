"""`kiosk` command line. Each module in app.commands adds its sub-commands through `register()`."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

import app.commands
from kiosk.config import ConfigError

# The module that registers each command. `kiosk run` then imports app.commands.run alone (every other
# command module would cost the kiosk's cold start their imports); `kiosk --help` imports them all.
# tests/cli/test_cli.py checks this table against what the modules register.
COMMANDS = {
    "config": "config",
    "demo-sales": "demo_sales",
    "devices": "devices",
    "enroll": "sync",
    "ledger": "ledger",
    "nfc": "nfc",
    "payments": "payments",
    "print": "print",
    "printer-sim": "printer_sim",
    "qr-payload": "payments",
    "refund": "payments",
    "report": "report",
    "run": "run",
    "sync": "sync",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with `command`'s module only, or with every command module when `command` is None or
    not a known command (help, typos)."""
    parser = argparse.ArgumentParser(prog="kiosk", description="Self-service ordering kiosk and POS terminal")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    if command in COMMANDS:
        names = [COMMANDS[command]]
    else:
        names = sorted(m.name for m in pkgutil.iter_modules(app.commands.__path__))
    for name in names:
        importlib.import_module(f"app.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    try:
        result: int = args.handler(args)
    except ConfigError as exc:
        print(f"kiosk: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return result


if __name__ == "__main__":
    raise SystemExit(main())
