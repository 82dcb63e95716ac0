"""`kiosk config check`: validate a config file, the catalog it names, the data directory, the printer
settings and the ledger file: whatever passes starts."""

from __future__ import annotations

import argparse
import sys

from app.context import add_config_option, settings_from
from kiosk.config import ConfigError, check_data_dir
from kiosk.domain.business import format_business_number
from kiosk.domain.catalog import CatalogError, load_catalog


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("config", help="configuration tools")
    csub = p.add_subparsers(dest="config_command", required=True, metavar="ACTION")
    check = csub.add_parser("check", help="validate a config file and its catalog")
    add_config_option(check)
    check.set_defaults(handler=check_config)


def check_config(args: argparse.Namespace) -> int:
    try:
        settings = settings_from(args)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2
    try:
        catalog = load_catalog(settings.catalog_path)
    except CatalogError as exc:
        print(f"config error: {settings.source}: [catalog] {exc}", file=sys.stderr)
        return 2
    # What `kiosk run` checks at start is checked here too: a config that passes starts.
    from hardware.printer.profiles import profile_named
    from hardware.printer.transports import transport_for_url
    from kiosk.ledger.db import LedgerConfigError, inspect_ledger_file

    try:
        check_data_dir(settings)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2
    try:
        profile_named(settings.printer.profile)
        if not settings.printer.url.startswith("sim:"):
            transport_for_url(settings.printer.url)  # parses the URL; opens nothing
    except ValueError as exc:
        print(f"config error: {settings.source}: [printer] {exc}", file=sys.stderr)
        return 2
    try:
        inspect_ledger_file(settings.ledger_path)  # read-only: a damaged or foreign file is reported, not touched
    except LedgerConfigError as exc:
        print(f"config error: {settings.source}: [ledger] {exc}", file=sys.stderr)
        return exc.exit_status
    print(
        f"OK: {settings.source}: {settings.shop.name} ({format_business_number(settings.shop.business_number)}), "
        f"catalog v{catalog.version} with {len(catalog.items)} items in {len(catalog.categories)} categories, "
        f"ledger {settings.ledger_path}"
    )
    return 0
