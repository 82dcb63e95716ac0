"""A card-terminal simulator on a pseudo-terminal, speaking the reference STX/ETX dialect.

It plays both the terminal and its VAN: it keeps the "bank side" truth (which intents were approved,
which approvals were cancelled) so tests can check that nobody was charged twice. Behaviour is
scripted per approval request:

* ``APPROVE`` / ``DECLINE_FUNDS`` (잔액 부족) / ``DECLINE_CARD`` (카드 오류)
* ``SLOW_CUSTOMER``: no card is presented; after `customer_seconds` the terminal gives up (TIMEOUT)
* ``REPLY_LOST``: approved at the bank, but the reply never reaches the kiosk
* ``LATE``: approved, but the reply is held back until the kiosk's next request (it arrives late)
* ``CABLE_PULLED`` / ``CABLE_PULLED_AFTER_APPROVAL``: the request is acknowledged, then the line goes
  dead (nothing is read or written) until `plug_in()`; in the second case the card was approved first
* ``UNMASKED``: a misconfigured terminal that sends a full card number (the core must refuse it)

Like a real terminal it masks the card number itself (Korean practice: ``5365-12**-****-1234``).
"""

from __future__ import annotations

import os
import select
import threading
import tty
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from hardware.card_terminal.codec import ACK, NAK, BadFrame, FrameDecoder, Message, Nak, encode
from kiosk.payments.masking import luhn_valid, mask_card


class Behaviour(StrEnum):
    APPROVE = "approve"
    DECLINE_FUNDS = "decline_funds"
    DECLINE_CARD = "decline_card"
    SLOW_CUSTOMER = "slow_customer"
    REPLY_LOST = "reply_lost"
    LATE = "late"
    CABLE_PULLED = "cable_pulled"
    CABLE_PULLED_AFTER_APPROVAL = "cable_pulled_after_approval"
    UNMASKED = "unmasked"


@dataclass
class BankRecord:
    """One approval as the card company sees it."""

    intent_id: str
    amount: int
    approval_no: str
    approved_at: str
    cancelled: bool = False


@dataclass
class _Pending:
    intent_id: str
    amount: int
    reply: Message
    deadline: float = 0.0


def _trim(entries: list[Any], keep: int) -> None:
    """The latest `keep` or more: cut back to `keep` when twice that is reached (one slice now and then)."""
    if len(entries) >= 2 * keep:
        del entries[: len(entries) - keep]


def _test_pan(prefix: str, n: int) -> str:
    body = f"{prefix}{n:09d}"[:15]
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("unreachable")


@dataclass
class TerminalSimulator:
    customer_seconds: float = 0.0
    issuer: str = "신한카드"
    script: deque[Behaviour] = field(default_factory=deque)
    bank: list[BankRecord] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every command acted on, e.g. "A:<id>"
    corrupt_replies: int = 0  # send this many replies with a broken checksum first (the kiosk NAKs)
    # `bank` and `requests` keep at least the latest `keep` entries (trimmed at twice that): the demo kiosk
    # (`kiosk run`, card `sim://`) sells through this simulator for months; every payment added to both for
    # good (issue 11's soak), and each inquiry or cancel scanned the whole bank.
    keep: int = 1000

    def __post_init__(self) -> None:
        self._master = -1
        self._slave = -1
        self.port = ""
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._deaf = False
        self._decoder = FrameDecoder()
        self._last_request: Message | None = None
        self._last_reply = b""
        self._held: list[Message] = []  # LATE replies, sent before the next reply
        self._waiting: _Pending | None = None  # SLOW_CUSTOMER: waiting for a card that never comes
        self._approval_counter = 0

    # --- lifecycle ----------------------------------------------------------------------------

    def start(self) -> str:
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="card-terminal-sim", daemon=True)
        self._thread.start()
        return self.port

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        for fd in (self._master, self._slave):
            if fd >= 0:
                os.close(fd)
        self._master = self._slave = -1

    def __enter__(self) -> TerminalSimulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- test controls ------------------------------------------------------------------------

    def queue(self, *behaviours: Behaviour) -> None:
        with self._lock:
            self.script.extend(behaviours)

    def plug_in(self) -> None:
        with self._lock:
            self._deaf = False
            self._decoder = FrameDecoder()

    @property
    def deaf(self) -> bool:
        return self._deaf

    def reset(self) -> None:
        with self._lock:
            self.script.clear()
            self.bank.clear()
            self.requests.clear()
            self._held.clear()
            self._waiting = None
            self._deaf = False
            self.corrupt_replies = 0
            self._decoder = FrameDecoder()
            self._last_request = None
            self._last_reply = b""

    def open_approvals(self, intent_id: str | None = None) -> list[BankRecord]:
        with self._lock:
            return [b for b in self.bank if not b.cancelled and (intent_id is None or b.intent_id == intent_id)]

    # --- the terminal -------------------------------------------------------------------------

    def _run(self) -> None:
        import time

        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.02)
            with self._lock:
                if ready:
                    data = os.read(self._master, 4096)
                    if not self._deaf:
                        self._feed(data)
                if self._waiting is not None and time.monotonic() >= self._waiting.deadline and not self._deaf:
                    self._send(self._waiting.reply)
                    self._waiting = None

    def _feed(self, data: bytes) -> None:
        for ev in self._decoder.feed(data):
            if isinstance(ev, BadFrame):
                os.write(self._master, bytes([NAK]))
            elif isinstance(ev, Nak):
                if self._last_reply:
                    os.write(self._master, self._last_reply)
            elif isinstance(ev, Message):
                if self._deaf:
                    return
                os.write(self._master, bytes([ACK]))
                if ev == self._last_request:
                    continue  # a retransmission (same sequence number and body) of what we acted on
                self._last_request = ev
                self._handle(ev)

    def _send(self, msg: Message) -> None:
        frame = encode(msg)
        if self.corrupt_replies > 0:
            self.corrupt_replies -= 1
            os.write(self._master, frame[:-1] + bytes([frame[-1] ^ 0xFF]))
        self._last_reply = frame
        os.write(self._master, frame)

    def _reply(self, op: str, **fields: str) -> Message:
        return Message("R", {"op": op, **fields})

    def _flush_held(self) -> None:
        for m in self._held:
            self._send(m)
        self._held.clear()

    def _approval_fields(self, rec: BankRecord, status: str = "approved", full_pan: bool = False) -> dict[str, str]:
        pan = _test_pan("536512", self._approval_counter)
        return {
            "id": rec.intent_id,
            "st": status,
            "amt": str(rec.amount),
            "apn": rec.approval_no,
            "apt": rec.approved_at,
            "iss": self.issuer,
            "card": pan if full_pan else mask_card(pan),
            "inst": "0",
        }

    def _approve(self, intent_id: str, amount: int) -> BankRecord:
        self._approval_counter += 1
        rec = BankRecord(
            intent_id,
            amount,
            f"{30000000 + self._approval_counter:08d}",
            datetime.now(UTC).strftime("%y%m%d%H%M%S"),
        )
        self.bank.append(rec)
        _trim(self.bank, self.keep)
        return rec

    def _handle(self, m: Message) -> None:
        import time

        op, intent_id = m.command, m.get("id")
        self.requests.append(f"{op}:{intent_id}")
        _trim(self.requests, self.keep)
        if op != "X":
            self._flush_held()
        if op == "A":
            amount = int(m.get("amt") or 0)
            behaviour = self.script.popleft() if self.script else Behaviour.APPROVE
            if behaviour in (Behaviour.APPROVE, Behaviour.UNMASKED):
                rec = self._approve(intent_id, amount)
                self._send(self._reply("A", **self._approval_fields(rec, full_pan=behaviour is Behaviour.UNMASKED)))
            elif behaviour is Behaviour.DECLINE_FUNDS:
                self._send(self._reply("A", id=intent_id, st="declined", rc="51", msg="잔액 부족"))
            elif behaviour is Behaviour.DECLINE_CARD:
                self._send(self._reply("A", id=intent_id, st="declined", rc="14", msg="카드 오류"))
            elif behaviour is Behaviour.SLOW_CUSTOMER:
                reply = self._reply("A", id=intent_id, st="timeout", msg="카드 입력 시간 초과")
                self._waiting = _Pending(intent_id, amount, reply, time.monotonic() + self.customer_seconds)
            elif behaviour is Behaviour.REPLY_LOST:
                self._approve(intent_id, amount)
            elif behaviour is Behaviour.LATE:
                rec = self._approve(intent_id, amount)
                self._held.append(self._reply("A", **self._approval_fields(rec)))
            elif behaviour is Behaviour.CABLE_PULLED:
                self._deaf = True
            elif behaviour is Behaviour.CABLE_PULLED_AFTER_APPROVAL:
                self._approve(intent_id, amount)
                self._deaf = True
        elif op == "X":
            if self._waiting is not None and self._waiting.intent_id == intent_id:
                self._send(self._reply("A", id=intent_id, st="aborted", msg="거래 중단"))
                self._waiting = None
        elif op == "Q":
            recs = [b for b in self.bank if b.intent_id == intent_id]
            if not recs:
                self._send(self._reply("Q", id=intent_id, st="not_found"))
            else:
                rec = recs[-1]
                st = "cancelled" if rec.cancelled else "approved"
                self._send(self._reply("Q", **self._approval_fields(rec, status=st)))
        elif op == "C":
            recs = [b for b in self.bank if b.intent_id == intent_id and not b.cancelled]
            apn = m.get("apn")
            if apn:
                recs = [b for b in recs if b.approval_no == apn]
            for rec in recs:
                rec.cancelled = True
            st = "cancelled" if recs or any(b.intent_id == intent_id for b in self.bank) else "not_found"
            self._send(self._reply("C", id=intent_id, st=st, amt=m.get("amt")))
        elif op == "L":
            if self.bank:
                self._send(self._reply("L", **self._approval_fields(self.bank[-1])))
            else:
                self._send(self._reply("L", st="not_found"))
        elif op == "S":
            self._send(self._reply("S", st="ok", msg="정상"))
        else:
            self._send(self._reply(op, id=intent_id, st="error", msg=f"unknown command {op}"))
