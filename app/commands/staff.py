"""`kiosk staff list|add|remove|set-role|reset-pin|register-card|init-owner`: the staff register from a shell
(docs/STAFF.md).

A PIN never comes from the command line (it would sit in the shell's history and in `ps`): it is asked on
the terminal (twice when it is being set), or read from the first line of standard input with
`--pin-stdin` for installers' scripts. Changes need the PIN of an owner or manager, checked by the same
sign-in as on the screen (wrong PINs count, delays and locks apply, all of it journaled).
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import urllib.parse
from typing import TYPE_CHECKING

from app.context import CommandUsage, add_db_option, add_pin_option, open_ledger, read_pin, settings_from
from kiosk.session.modes import Role

if TYPE_CHECKING:
    from kiosk.config import Settings
    from kiosk.session.modes import SignedIn
    from kiosk.staff.service import StaffService

EXIT_FAILED = 1  # refused: wrong PIN, not permitted, an owner exists, a PIN in use (docs/EXIT-STATUS.md)
EXIT_USAGE = 2  # a bad PIN or name, nobody by that name, no terminal to ask on


OWNER_OR_MANAGER_PIN = "YOUR PIN (owner / manager)"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("staff", help="the staff register: people, roles, PINs, the first owner")
    ssub = p.add_subparsers(dest="staff_command", required=True, metavar="ACTION")
    roles = [r.value for r in Role]

    ls = ssub.add_parser("list", help="who works here, their role and whether they have a PIN and a card")
    add_db_option(ls)
    ls.add_argument("--all", action="store_true", help="include removed people")
    ls.add_argument("--json", action="store_true", help="JSON instead of a table")
    ls.set_defaults(handler=run)

    init = ssub.add_parser("init-owner", help="set up the first owner and their PIN (only when there is none)")
    add_db_option(init)
    init.add_argument("--name", required=True, help="the owner's name as shown on screen")
    add_pin_option(init, "the PIN")
    init.set_defaults(handler=run)

    add = ssub.add_parser("add", help="add a person; prints their one-time PIN")
    add_db_option(add)
    add.add_argument("name", help="the person's name as shown on screen")
    add.add_argument("--role", choices=roles, default=Role.STAFF.value, help="default: staff")
    add_pin_option(add, OWNER_OR_MANAGER_PIN)
    add.set_defaults(handler=run)

    _person_action(ssub, "remove", "remove a person: they can no longer sign in")
    sr = _person_action(ssub, "set-role", "give a person another role")
    sr.add_argument("role", choices=roles)
    _person_action(ssub, "reset-pin", "give a person a new one-time PIN; they choose their own next time")
    rc = _person_action(ssub, "register-card", "register a person's staff card: tap it on the reader when asked")
    rc.add_argument("--reader", default="", help="PC/SC reader name or its start (default: the configured nfc.reader)")
    rc.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the tap (default 60)")


def _person_action(
    ssub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str
) -> argparse.ArgumentParser:
    """An action on one person of the register, done with an owner's or manager's PIN."""
    action = ssub.add_parser(name, help=help_text)
    add_db_option(action)
    action.add_argument("person", help="id (or its first characters) or name, from `kiosk staff list`")
    add_pin_option(action, OWNER_OR_MANAGER_PIN)
    action.set_defaults(handler=run)
    return action


def run(args: argparse.Namespace) -> int:
    """Open the ledger, do the action asked for, and turn every refusal into one line and its exit status."""
    action = args.staff_command
    from kiosk.staff.pins import PinError
    from kiosk.staff.service import BadName, StaffError, StaffService, UnknownPerson

    settings = settings_from(args)
    ledger = open_ledger(args, settings, create=action == "init-owner")
    try:
        service = StaffService(ledger)
        return _ACTIONS[action](args, service, settings)
    except (CommandUsage, PinError, UnknownPerson, BadName) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StaffError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        ledger.close()


def _signed_in(args: argparse.Namespace, service: StaffService) -> SignedIn | None:
    """The person running the command, signed in by their PIN; None (and a line said) when refused."""
    from kiosk.session.modes import SignedIn
    from kiosk.staff.service import PinChangeRequired

    pin = read_pin(args, "Your PIN (owner or manager): ")
    result = service.sign_in(pin)
    if isinstance(result, SignedIn):
        return result
    if isinstance(result, PinChangeRequired):
        print("kiosk: that is a one-time PIN: sign in on the kiosk first and choose your own PIN", file=sys.stderr)
        return None
    print(f"kiosk: {result.message('en')}", file=sys.stderr)
    return None


def _list(args: argparse.Namespace, service: StaffService, settings: Settings) -> int:
    people = service.members(include_removed=args.all)
    if args.json:
        rows = [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role.value,
                "active": p.active,
                "pin": "one-time" if p.must_change_pin and p.has_pin else ("set" if p.has_pin else "none"),
                "card": p.has_card,
            }
            for p in people
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not service.owner_set_up():
        print("No owner is set up on this terminal: set one with `kiosk staff init-owner --name NAME`.")
    for p in people:
        pin = "one-time PIN" if p.must_change_pin and p.has_pin else ("PIN set" if p.has_pin else "no PIN")
        state = "" if p.active else "  (removed)"
        print(f"{p.id}  {p.role.value:<9}  {pin:<12}  {'card' if p.has_card else '-':<4}  {p.name}{state}")
    return 0


def _init_owner(args: argparse.Namespace, service: StaffService, settings: Settings) -> int:
    from kiosk.staff.service import OwnerExists

    if service.owner_set_up():
        raise OwnerExists("this terminal already has an owner; the owner adds people (kiosk staff add)")
    pin = read_pin(args, "The owner's new PIN (6 digits): ", twice=True)
    owner = service.init_owner(args.name, pin)
    print(f"The owner {owner.name} is set up ({owner.id}); sign in on the kiosk with the PIN just given.")
    return 0


def _add(args: argparse.Namespace, service: StaffService, settings: Settings) -> int:
    who = _signed_in(args, service)
    if who is None:
        return EXIT_FAILED
    person, pin = service.add(who, args.name, Role(args.role))
    print(f"Added {person.name} as {person.role.value} ({person.id}).")
    print(f"One-time PIN: {pin}  (give it to {person.name} only; they choose their own at first sign-in)")
    return 0


def _remove(args: argparse.Namespace, service: StaffService, settings: Settings) -> int:
    person = service.find(args.person)
    who = _signed_in(args, service)
    if who is None:
        return EXIT_FAILED
    service.remove(who, person.id)
    print(f"Removed {person.name} ({person.id}): they can no longer sign in.")
    return 0


def _set_role(args: argparse.Namespace, service: StaffService, settings: Settings) -> int:
    person = service.find(args.person)
    who = _signed_in(args, service)
    if who is None:
        return EXIT_FAILED
    service.set_role(who, person.id, Role(args.role))
    print(f"{person.name} ({person.id}) is now {args.role}.")
    return 0


def _reset_pin(args: argparse.Namespace, service: StaffService, settings: Settings) -> int:
    person = service.find(args.person)
    who = _signed_in(args, service)
    if who is None:
        return EXIT_FAILED
    pin = service.reset_pin(who, person.id)
    print(f"One-time PIN for {person.name}: {pin}  (they choose their own at the next sign-in)")
    return 0


def _register_card(args: argparse.Namespace, service: StaffService, settings: Settings) -> int:
    """Sign in, then wait for one card tap on the reader and register its keyed hash to the person."""
    from app.devices import nfc_reader
    from kiosk.devices.nfc import CardListError, CardTapped

    if not 0 < args.timeout <= 3600:
        raise CommandUsage("--timeout is a number of seconds between 0 and 3600")
    person = service.find(args.person)
    who = _signed_in(args, service)
    if who is None:
        return EXIT_FAILED
    events: queue.SimpleQueue[object] = queue.SimpleQueue()
    url = "pcsc://" + urllib.parse.quote(args.reader) if args.reader else None
    try:
        reader = nfc_reader(settings, events.put, url=url)
    except CardListError as exc:
        raise CommandUsage(str(exc)) from None
    reader.start()
    try:
        print(f"Tap {person.name}'s card on the reader now (within {args.timeout:g} s).", flush=True)
        deadline = service.clock.monotonic() + args.timeout
        while True:
            left = deadline - service.clock.monotonic()
            if left <= 0:
                print(f"kiosk: no card was tapped within {args.timeout:g} s; nothing was registered", file=sys.stderr)
                return EXIT_FAILED
            try:
                event = events.get(timeout=min(left, 0.5))
            except queue.Empty:
                continue
            if isinstance(event, CardTapped):
                break
    finally:
        reader.stop()
    service.register_card(who, person.id, event)
    print(f"The card is registered to {person.name} ({person.id}): tap it, then the PIN, to sign in.")
    return 0


_ACTIONS = {
    "list": _list,
    "init-owner": _init_owner,
    "add": _add,
    "remove": _remove,
    "set-role": _set_role,
    "reset-pin": _reset_pin,
    "register-card": _register_card,
}
