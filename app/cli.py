"""`kiosk` command line. Each module in app.commands adds its sub-commands through `register()`."""

from __future__ import annotations

import argparse
import importlib
import io
import os
import pkgutil
import sys
from collections.abc import Sequence

import app.commands
from kiosk.config import ConfigError

# The module that registers each command. `kiosk run` then imports app.commands.run alone (every other
# command module would cost the kiosk's cold start their imports); `kiosk --help` imports them all.
# tests/cli/test_cli.py checks this table against what the modules register.
COMMANDS = {
    "backup": "backup",
    "config": "config",
    "day": "day",
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
    "restore": "backup",
    "run": "run",
    "selftest": "selftest",
    "setup": "selftest",
    "staff": "staff",
    "support-bundle": "selftest",
    "sync": "sync",
    "voice": "voice",
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


# Exit statuses of `kiosk` (docs/EXIT-STATUS.md). A user's mistake or a damaged file ends in one line on
# stderr that says what to do, never a traceback.
EXIT_OK = 0
EXIT_FAILED = 1  # the command ran and the thing did not succeed (tampered chain, refund refused, sync failed)
EXIT_USAGE = 2  # bad arguments, config, catalog, or a file that is missing or is not what it should be
EXIT_LEDGER = 3  # the ledger cannot be opened, created or written (PRAGMAs, permissions, disk full, locked)
EXIT_DAMAGED = 4  # the ledger fails SQLite's checks: out of order, call staff; the file is left as it was
EXIT_IO = 5  # a file or device could not be read or written
EXIT_INTERNAL = 70  # a bug: report it (KIOSK_DEBUG=1 prints the traceback)
EXIT_INTERRUPTED = 130  # Ctrl+C
EXIT_PIPE = 141  # whoever read the output stopped reading (`kiosk report | head`)


def _code(exc: SystemExit) -> int:
    if exc.code is None:
        return EXIT_OK
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=sys.stderr)
    return EXIT_FAILED


def _silence_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the interpreter's last flush stays quiet."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # not a real file (a test's capture): nothing will flush it at exit


def explain(exc: BaseException) -> tuple[int, str]:
    """The exit status and the one line for an exception a command did not handle itself."""
    ledger_db = sys.modules.get("kiosk.ledger.db")
    if ledger_db is not None and isinstance(exc, ledger_db.LedgerConfigError):
        return int(exc.exit_status), str(exc)
    if isinstance(exc, ConfigError):
        return EXIT_USAGE, f"configuration error: {exc}"
    catalog = sys.modules.get("kiosk.domain.catalog_rules")
    if catalog is not None and isinstance(exc, catalog.CatalogError):
        return EXIT_USAGE, str(exc)
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None and isinstance(exc, sa_exc.SQLAlchemyError):
        orig = getattr(exc, "orig", None) or exc
        first = str(orig).splitlines()[0] if str(orig) else type(orig).__name__
        if "malformed" in first or "not a database" in first:
            return EXIT_DAMAGED, f"the ledger is damaged ({first}); out of order: call staff, keep the file"
        return EXIT_LEDGER, f"the ledger could not be used ({first}); check free disk space, permissions and --db"
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(exc, sqlite3.DatabaseError):
        return EXIT_LEDGER, f"the ledger could not be used ({exc}); check free disk space, permissions and --db"
    if isinstance(exc, RecursionError):
        return EXIT_USAGE, "an input file is nested far too deep; it is not a kiosk file"
    if isinstance(exc, OverflowError):
        return EXIT_USAGE, f"a date or number is out of range ({exc}); give a smaller one"
    if isinstance(exc, MemoryError):
        return EXIT_USAGE, "an input is too large to process; check the file or the numbers given"
    if isinstance(exc, UnicodeError):
        return EXIT_USAGE, f"a file or argument is not valid UTF-8 text ({exc.__class__.__name__}); save it as UTF-8"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return EXIT_IO, f"{where}{exc.strerror or exc}; check the path, the device and free disk space"
    return EXIT_INTERNAL, (
        f"internal error ({type(exc).__name__}: {' '.join(str(exc).split())[:200]}); this is a bug: "
        "please report it with the output of the same command run with KIOSK_DEBUG=1"
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser(argv[0] if argv else None)
        args = parser.parse_args(argv)
        result: int = args.handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
    except SystemExit as exc:  # argparse, and commands that have already said what is wrong
        return _code(exc)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE
    except Exception as exc:
        code, line = explain(exc)
        if os.environ.get("KIOSK_DEBUG") == "1":
            import traceback

            traceback.print_exception(exc)
        try:
            print(f"kiosk: {line}", file=sys.stderr)
        except (OSError, ValueError):
            pass
        return code
    return result


if __name__ == "__main__":
    raise SystemExit(main())
