"""Shared helpers of the sub-commands: settings and ledger from the common options."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import Settings, load_settings
from kiosk.ports import Clock

if TYPE_CHECKING:  # SQLAlchemy is imported when a ledger is opened, not by every command's start
    from kiosk.ledger import Ledger


class CommandUsage(Exception):
    """How a command was called is wrong (a bad value, no terminal to ask a PIN on): the command says so in
    one line and exits 2 (docs/EXIT-STATUS.md)."""


def add_pin_option(parser: argparse.ArgumentParser, whose: str = "your PIN") -> None:
    """`--pin-stdin`: a PIN never comes from the command line (it would sit in the shell's history and in
    `ps`); it is asked on the terminal, or read from standard input's first line by scripts."""
    parser.add_argument("--pin-stdin", action="store_true", help=f"read {whose} from stdin's first line")


def read_pin(args: argparse.Namespace, prompt: str, *, twice: bool = False) -> str:
    """The PIN from standard input's first line (`--pin-stdin`) or asked on the terminal (`twice` when it is
    being set); `CommandUsage` when there is neither."""
    if args.pin_stdin:
        line = sys.stdin.readline()
        if not line:
            raise CommandUsage("no PIN on standard input: give it on the first line")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CommandUsage(
            "no terminal to ask for the PIN on: run this in a terminal, or give the PIN with --pin-stdin"
        )
    import getpass  # (termios): only where a PIN is typed, not on every command's start

    pin = getpass.getpass(prompt)
    if twice and getpass.getpass("Again, to be sure: ") != pin:
        raise CommandUsage("the two PINs differ; nothing was changed, run the command again")
    return pin


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="config file (default: $KIOSK_CONFIG or the demo shop)")


def add_db_option(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument("--db", type=Path, help="ledger database (default: the configured ledger)")


def settings_from(args: argparse.Namespace) -> Settings:
    return load_settings(getattr(args, "config", None))


def open_ledger(
    args: argparse.Namespace, settings: Settings, clock: Clock | None = None, *, create: bool = True
) -> Ledger:
    """The ledger of --db or the settings. `create=False` for commands that only read: a missing ledger is
    an error naming the path, and nothing is created. Whatever is wrong with the file, the command ends
    with one line and the status of the problem (docs/EXIT-STATUS.md), and the file is left as it was."""
    from kiosk.ledger import Ledger
    from kiosk.ledger.db import LedgerConfigError, require_ledger

    path = args.db if getattr(args, "db", None) else settings.ledger_path
    try:
        if not create:
            require_ledger(path)
        return Ledger.open(
            path,
            device_id=settings.ledger.device_id,
            clock=clock,
            tz=settings.tz,
            day_start_hour=settings.shop.business_day_start_hour,
            order_numbers=settings.order_number_mode,
        )
    except LedgerConfigError as exc:
        message = str(exc) if str(path) in str(exc) else f"{path}: {exc}"
        print(f"kiosk: {message}", file=sys.stderr)
        raise SystemExit(exc.exit_status) from None
    except OSError as exc:  # a directory that cannot be made, a full disk, no permission
        reason = exc.strerror or exc
        print(f"kiosk: {path}: cannot open or create the ledger ({reason}); check the path", file=sys.stderr)
        raise SystemExit(3) from None
