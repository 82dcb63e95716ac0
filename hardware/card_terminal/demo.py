"""The demo's card terminal: the pty simulator with a customer's tap delay and an abortable approval."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from hardware.card_terminal.codec import Message
from hardware.card_terminal.simulator import TerminalSimulator


@dataclass
class DemoCardTerminal(TerminalSimulator):
    """The demo's card terminal: the pty simulator, but an approval takes `approve_after` seconds (the
    customer taps the card), and cancel on the screen aborts it as on a real terminal."""

    approve_after: float = 0.0

    def __post_init__(self) -> None:
        super().__post_init__()
        self._delayed: tuple[str, int] | None = None
        self._timer: threading.Timer | None = None

    def _handle(self, m: Message) -> None:  # on the simulator thread, with its lock held
        intent_id = m.get("id")
        if m.command == "A" and not self.script and self.approve_after > 0:
            self.requests.append(f"A:{intent_id}")
            self._flush_held()
            delayed = self._delayed = (intent_id, int(m.get("amt") or 0))
            self._timer = threading.Timer(self.approve_after, self._approve_delayed, args=(delayed,))
            self._timer.name = "card-terminal-sim-approve"
            self._timer.start()
            return
        if m.command == "X" and self._delayed is not None and self._delayed[0] == intent_id:
            self.requests.append(f"X:{intent_id}")
            self._delayed = None
            self._send(self._reply("A", id=intent_id, st="aborted", msg="거래 중단"))
            return
        super()._handle(m)

    def _approve_delayed(self, delayed: tuple[str, int]) -> None:
        with self._lock:
            if self._delayed is not delayed or self._master < 0:
                return  # aborted meanwhile, or stopped
            self._delayed = None
            rec = self._approve(*delayed)
            self._send(self._reply("A", **self._approval_fields(rec)))

    def stop(self) -> None:
        timer = self._timer
        if timer is not None:
            timer.cancel()
            if timer is not threading.current_thread():
                timer.join(5)
        super().stop()
