"""The diagrams of docs/ARCHITECTURE.md, generated from the text source below (LAYERS, MODES, ORDER_PATH).

    python docs/architecture_diagram.py          rewrite the diagrams in docs/ARCHITECTURE.md
    python docs/architecture_diagram.py --check  exit 1 if the document is out of date

Edit the lists here, not the drawings in the document."""

from __future__ import annotations

import sys
from pathlib import Path

DOC = Path(__file__).with_name("ARCHITECTURE.md")

# (layer, what it holds, what it may import)
LAYERS = [
    ("app/", "composition root: builders, CLI commands, kiosk run", "everything"),
    ("ui/", "PySide6: view-models per mode, QML per mode, GuiBridge", "kiosk, PySide6"),
    ("hardware/", "device drivers + simulators", "kiosk (ports, domain)"),
    ("backend/", "programme backend (FastAPI)", "kiosk wire modules only"),
    ("kiosk/", "core: domain, flow, session, ledger, payments, sync", "nothing above"),
]

# (mode, view-model module, QML folder, builder, entered with)
MODES = [
    ("customer", "ui/customer/viewmodel.py", "ui/qml/customer/", "app/builders/window.py", "default, no sign-in"),
    ("counter", "ui/counter/viewmodel.py", "ui/qml/counter/", "app/builders/counter.py", "COUNTER_SALES"),
    ("owner", "ui/owner/viewmodel.py", "ui/qml/owner/", "app/builders/owner.py", "BACK_OFFICE"),
    (
        "installer",
        "ui/installer/viewmodel.py",
        "ui/qml/installer/",
        "app/builders/installer.py",
        "DEVICES_AND_SETTINGS; set-up",
    ),
]

# (where, what happens)
ORDER_PATH = [
    ("QML button (ui/qml/customer)", "tap -> slot KioskViewModel.choosePaymentMethod"),
    ("ui/customer/viewmodel.py", "slot -> CustomerSession.send(ChoosePaymentMethod)"),
    ("kiosk/flow/machine.py", "transition -> PAYING + StartPayment effect"),
    ("kiosk/session/customer.py", "StartPayment -> Checkout.begin"),
    ("kiosk/payments/service.py", "intent journaled, gateway on a worker thread"),
    ("hardware/card_terminal", "the terminal approves"),
    ("ui/bridge.py", "result posted to the GUI thread (GuiBridge)"),
    ("kiosk/flow/checkout.py", "Ledger.record_sale -> journal entry"),
    ("kiosk/sync/worker.py", "journal batch pushed to the backend"),
    ("backend/", "ingests the journal"),
]


def box(rows: list[tuple[str, ...]], headers: tuple[str, ...]) -> list[str]:
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"

    def fmt(r: tuple[str, ...]) -> str:
        return "|" + "|".join(f" {c:<{w}} " for c, w in zip(r, widths, strict=True)) + "|"

    return [line, fmt(headers), line, *[fmt(r) for r in rows], line]


def layers() -> list[str]:
    out = box(LAYERS, ("layer", "holds", "imports"))
    out.append("  (top imports below; import-linter contracts in pyproject.toml enforce it)")
    return out


def path() -> list[str]:
    width = max(len(w) for w, _ in ORDER_PATH)
    out: list[str] = []
    for i, (where, what) in enumerate(ORDER_PATH):
        out.append(f"[{where:<{width}}]  {what}")
        if i < len(ORDER_PATH) - 1:
            out.append(f"{'':<{width // 2}}|")
            out.append(f"{'':<{width // 2}}v")
    return out


DIAGRAMS = {
    "layers": layers,
    "modes": lambda: box(MODES, ("mode", "view-model", "QML folder", "builder", "permission to enter")),
    "order": path,
}


def render(text: str) -> str:
    for name, draw in DIAGRAMS.items():
        start, end = f"<!-- diagram:{name} -->", f"<!-- /diagram:{name} -->"
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = before + start + "\n```text\n" + "\n".join(draw()) + "\n```\n" + end + after
    return text


def main(argv: list[str]) -> int:
    text = DOC.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in argv:
        if new != text:
            print("docs/ARCHITECTURE.md is out of date: run python docs/architecture_diagram.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
