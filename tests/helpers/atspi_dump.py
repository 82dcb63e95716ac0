"""What a screen reader sees: the AT-SPI accessibility tree of one application, as JSON on stdout.

Run by Debian's own python3 (it has python3-gi; gir1.2-atspi-2.0 gives the Atspi typelib), not the venv:
tests/ui/test_a11y_atspi.py starts it with the private session bus and display of its Xvfb.

    python3 atspi_dump.py dump APP            the tree of the application whose name contains APP
    python3 atspi_dump.py press APP NAME      do the default action of the first control named NAME

Exit status 3: no application named APP on the bus (yet); 4: no control named NAME; 2: usage.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

MAX_DEPTH = 60
MAX_NODES = 5000


def find_app(name: str) -> Any:
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and name in (app.get_name() or ""):
            return app
    return None


def node(acc: Any, depth: int, budget: list[int]) -> dict[str, Any]:
    budget[0] -= 1
    states = acc.get_state_set()
    out: dict[str, Any] = {
        "name": acc.get_name() or "",
        "role": acc.get_role_name() or "",
        "showing": bool(states.contains(Atspi.StateType.SHOWING)),
        "focusable": bool(states.contains(Atspi.StateType.FOCUSABLE)),
        "children": [],
    }
    if depth < MAX_DEPTH:
        for i in range(acc.get_child_count()):
            if budget[0] <= 0:
                break
            child = acc.get_child_at_index(i)
            if child is not None:
                out["children"].append(node(child, depth + 1, budget))
    return out


def find(acc: Any, name: str, depth: int = 0) -> Any:
    if (acc.get_name() or "") == name and acc.get_state_set().contains(Atspi.StateType.SHOWING):
        return acc
    if depth >= MAX_DEPTH:
        return None
    for i in range(acc.get_child_count()):
        child = acc.get_child_at_index(i)
        hit = find(child, name, depth + 1) if child is not None else None
        if hit is not None:
            return hit
    return None


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("dump", "press") or (argv[0] == "press" and len(argv) != 3):
        print(__doc__, file=sys.stderr)
        return 2
    app = find_app(argv[1])
    if app is None:
        print(f"no application named {argv[1]!r} on the accessibility bus", file=sys.stderr)
        return 3
    if argv[0] == "dump":
        json.dump(node(app, 0, [MAX_NODES]), sys.stdout, ensure_ascii=False)
        return 0
    control = find(app, argv[2])
    if control is None:
        print(f"no control named {argv[2]!r}", file=sys.stderr)
        return 4
    if "Action" not in control.get_interfaces() or control.get_n_actions() < 1:
        print(f"{argv[2]!r} has no action", file=sys.stderr)
        return 4
    control.do_action(0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
