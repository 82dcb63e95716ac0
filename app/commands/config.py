"""`kiosk config check`: validate a config file and the catalog it names."""

from __future__ import annotations

import argparse
import sys

from app.context import add_config_option, settings_from
from kiosk.config import ConfigError
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
    print(
        f"OK: {settings.source}: {settings.shop.name} ({format_business_number(settings.shop.business_number)}), "
        f"catalog v{catalog.version} with {len(catalog.items)} items in {len(catalog.categories)} categories, "
        f"ledger {settings.ledger_path}"
    )
    return 0
