"""docs/STAFF.md's tables are made from the core's own tables: what each role may do (PERMISSIONS) and
whom each role may manage (kiosk.staff.service). A change to either without the doc fails here, and the
message is the table to paste."""

from __future__ import annotations

from kiosk.config import REPO_ROOT
from kiosk.session.modes import ENTRY, PERMISSIONS, Permission, Role
from kiosk.staff.service import _may_manage

DOC = REPO_ROOT / "docs" / "STAFF.md"


def permissions_table() -> str:
    roles = list(Role)
    lines = ["| may | " + " | ".join(r.value for r in roles) + " |", "| --- |" + " :---: |" * len(roles)]
    for p in Permission:
        entered = [m.value for m, needed in ENTRY.items() if needed is p]
        name = p.value + (f" (enter the {', '.join(entered)} mode)" if entered else "")
        lines.append(f"| {name} | " + " | ".join("yes" if p in PERMISSIONS[r] else "-" for r in roles) + " |")
    return "\n".join(lines)


def management_table() -> str:
    roles = list(Role)
    lines = ["| who \\ whom | " + " | ".join(r.value for r in roles) + " |", "| --- |" + " :---: |" * len(roles)]
    for actor in roles:
        lines.append(f"| {actor.value} | " + " | ".join("yes" if _may_manage(actor, t) else "-" for t in roles) + " |")
    return "\n".join(lines)


def test_the_roles_table_is_the_core_table() -> None:
    table = permissions_table()
    assert table in DOC.read_text(encoding="utf-8"), f"docs/STAFF.md needs this table:\n{table}"


def test_the_management_table_is_the_core_rule() -> None:
    table = management_table()
    assert table in DOC.read_text(encoding="utf-8"), f"docs/STAFF.md needs this table:\n{table}"
