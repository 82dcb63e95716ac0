"""Tickets put on hold (보류) at this counter, recalled by number (docs/COUNTER.md, "Held tickets").

A held ticket is a customer's order that is still to be paid: it must survive the app being closed or the
power going (a shop expects to find it again after a restart). It is kept in a small JSON file beside the
ledger (`counter-held.json` in the data directory), written atomically on every hold and recall, so a
crash leaves the list as it was before or after the change, never half of it. Not in the ledger: nothing
was paid, so a hold is not a business event (no journal entry, no Z, not synced), and a ledger table
would need a migration revision of its own (docs/COUNTER.md says why there is none yet).

A file that cannot be read (damaged, written by hand) is moved aside as `counter-held.json.bad` with one
warning and the counter starts with no held tickets; a held line whose item has left the menu is dropped
when the file is read, with a warning.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from kiosk.counter.errors import SaleRefused
from kiosk.counter.ticket import Discount, DiscountKind, Ticket, TicketLine
from kiosk.domain.cart import CartLine
from kiosk.domain.catalog import Catalog
from kiosk.domain.order import OrderType
from kiosk.files import write_atomically

log = logging.getLogger(__name__)

HELD_FILE = "counter-held.json"
FORMAT = 1


class HeldTickets:
    """The held tickets by number (1, 2, ... for as long as any is held). `path` None: kept in memory only
    (tests, benchmarks)."""

    def __init__(self, path: Path | None = None, catalog: Catalog | None = None) -> None:
        self.path = path
        self.tickets: dict[int, Ticket] = {}
        self._next = 1
        if path is not None:
            self._load(path, catalog)

    def hold(self, ticket: Ticket) -> int:
        if not ticket.lines:
            raise SaleRefused("보류할 주문이 없습니다 / nothing to hold")
        number = self._next
        self._save({**self.tickets, number: ticket}, number + 1)
        self.tickets[number], self._next = ticket, number + 1
        return number

    def recall(self, number: int) -> Ticket:
        if number not in self.tickets:
            raise SaleRefused(f"보류 {number}번이 없습니다 / no held ticket {number}")
        left = {n: t for n, t in self.tickets.items() if n != number}
        self._save(left, self._next if left else 1)
        self._next = self._next if left else 1
        return self.tickets.pop(number)

    # --- the file ---------------------------------------------------------------------------------

    def _save(self, tickets: dict[int, Ticket], next_number: int) -> None:
        """Written before the change is made in memory: a full disk refuses the hold (OSError), it never
        loses a ticket the screen says is held."""
        if self.path is None:
            return
        body = {"format": FORMAT, "next": next_number, "tickets": {str(n): _ticket_json(t) for n, t in tickets.items()}}
        write_atomically(self.path, (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))

    def _load(self, path: Path, catalog: Catalog | None) -> None:
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            self._set_aside(path, f"cannot be read ({exc})")
            return
        try:
            if body.get("format") != FORMAT:
                raise ValueError(f"format {body.get('format')!r}")
            tickets = {int(n): _ticket_from_json(t) for n, t in body["tickets"].items()}
            next_number = max(int(body["next"]), max(tickets, default=0) + 1)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            self._set_aside(path, f"is not a list of held tickets ({exc})")
            return
        if catalog is not None:
            tickets = {n: t for n, t in ((n, _on_menu(n, t, catalog)) for n, t in tickets.items()) if t.lines}
        self.tickets, self._next = tickets, next_number if tickets else 1

    def _set_aside(self, path: Path, why: str) -> None:
        bad = path.with_name(path.name + ".bad")
        log.warning("held tickets: %s %s; moved to %s, the counter starts with none held", path, why, bad.name)
        try:
            path.replace(bad)
        except OSError as exc:
            log.warning("held tickets: cannot move %s aside: %s", path, exc)


def _on_menu(number: int, ticket: Ticket, catalog: Catalog) -> Ticket:
    """The held ticket without the lines whose item (or option) is no longer on the menu."""
    kept = []
    for line in ticket.lines:
        try:
            Ticket((line,)).total(catalog)
        except (LookupError, ValueError):
            log.warning(
                "held ticket %d: %s is no longer on the menu; the line is dropped", number, line.cart_line.item_id
            )
            continue
        kept.append(line)
    return Ticket(tuple(kept), ticket.discount, ticket.order_type)


def _discount_json(d: Discount | None) -> dict[str, Any] | None:
    return None if d is None else {"kind": d.kind.value, "value": d.value, "reason": d.reason}


def _discount_from_json(d: dict[str, Any] | None) -> Discount | None:
    return None if d is None else Discount(DiscountKind(d["kind"]), int(d["value"]), str(d["reason"]))


def _ticket_json(t: Ticket) -> dict[str, Any]:
    return {
        "order_type": t.order_type.value,
        "discount": _discount_json(t.discount),
        "lines": [
            {
                "item_id": line.cart_line.item_id,
                "quantity": line.cart_line.quantity,
                "selection": [[gid, list(opts)] for gid, opts in line.cart_line.selection],
                "discount": _discount_json(line.discount),
            }
            for line in t.lines
        ],
    }


def _ticket_from_json(t: dict[str, Any]) -> Ticket:
    lines = tuple(
        TicketLine(
            CartLine(
                str(ln["item_id"]),
                int(ln["quantity"]),
                tuple((str(gid), tuple(str(o) for o in opts)) for gid, opts in ln["selection"]),
            ),
            _discount_from_json(ln["discount"]),
        )
        for ln in t["lines"]
    )
    return Ticket(lines, _discount_from_json(t["discount"]), OrderType(t["order_type"]))
