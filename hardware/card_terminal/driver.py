"""Reference card-terminal adapter: the `CardTerminal` port over pyserial with the STX/ETX codec.

It speaks the protocol of `hardware.card_terminal.simulator` (our reference dialect of the common
STX … ETX + LRC family); a vendor adapter replaces the message layout, not the link layer. The port is
opened with `serial_for_url`, so a device path, a pty or `socket://host:port` all work. One adapter
serves one worker thread: calls are serialised with a lock.
"""

from __future__ import annotations

import itertools
import threading
from typing import Any

import serial

from hardware.card_terminal.codec import Link, Message
from kiosk.payments.terminal import (
    TerminalError,
    TerminalNoReply,
    TerminalProtocolError,
    TerminalReply,
    TerminalStatus,
)
from kiosk.ports import Clock, SystemClock


class SerialCardTerminal:
    def __init__(
        self,
        url: str,
        *,
        baudrate: int = 9600,
        approval_timeout: float = 90.0,  # the terminal itself gives up on the customer before this
        reply_timeout: float = 10.0,  # for query / cancel / check
        ack_timeout: float = 0.5,
        retries: int = 3,
        clock: Clock | None = None,
        read_slice: float = 0.01,
    ) -> None:
        self.url = url
        self.baudrate = baudrate
        self.approval_timeout = approval_timeout
        self.reply_timeout = reply_timeout
        self.ack_timeout = ack_timeout
        self.retries = retries
        self.clock = clock or SystemClock()
        self.read_slice = read_slice
        self._port: Any = None
        self._link: Link | None = None
        self._lock = threading.Lock()
        self._seq = itertools.count(1)

    def open(self) -> None:
        try:
            self._port = serial.serial_for_url(self.url, baudrate=self.baudrate, timeout=self.read_slice)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise TerminalError(
                f"카드 단말기 포트를 열 수 없습니다 ({self.url}): {exc}. "
                "설정의 card_terminal.url 과 케이블을 확인해 주세요."
            ) from None
        self._link = Link(self._port, self.clock, ack_timeout=self.ack_timeout, retries=self.retries)

    def close(self) -> None:
        if self._port is not None:
            self._port.close()
        self._port = None
        self._link = None

    # --- the port -----------------------------------------------------------------------------

    def approve(
        self, intent_id: str, amount: int, installments: int = 0, cancel: threading.Event | None = None
    ) -> TerminalReply:
        fields = {"id": intent_id, "amt": str(amount), "inst": str(installments)}
        aborted = False

        def on_wait() -> None:
            nonlocal aborted
            if cancel is not None and cancel.is_set() and not aborted:
                aborted = True
                self._link_or_fail().send(Message("X", {"n": str(next(self._seq)), "id": intent_id}))

        return self._request("A", fields, self.approval_timeout, on_wait)

    def cancel(self, intent_id: str, amount: int, approval_no: str = "", approved_at: str = "") -> TerminalReply:
        fields = {"id": intent_id, "amt": str(amount), "apn": approval_no, "apt": approved_at}
        return self._request("C", fields, self.reply_timeout)

    def query(self, intent_id: str) -> TerminalReply:
        return self._request("Q", {"id": intent_id}, self.reply_timeout)

    def last_approval(self) -> TerminalReply:
        return self._request("L", {}, self.reply_timeout)

    def check(self) -> TerminalReply:
        return self._request("S", {}, self.reply_timeout)

    # --- internals ----------------------------------------------------------------------------

    def _link_or_fail(self) -> Link:
        if self._link is None:
            raise TerminalError("카드 단말기가 열려 있지 않습니다 (the card terminal is not open)")
        return self._link

    def _request(self, op: str, fields: dict[str, str], timeout: float, on_wait: Any = None) -> TerminalReply:
        with self._lock:
            link = self._link_or_fail()
            intent_id = fields.get("id", "")
            try:
                link.send(Message(op, {"n": str(next(self._seq)), **fields}))

                def accept(m: Message) -> bool:
                    return m.command == "R" and m.get("op") == op and (not intent_id or m.get("id") == intent_id)

                reply = link.receive(timeout, accept, on_wait)
            except (serial.SerialException, OSError) as exc:
                raise TerminalNoReply(f"카드 단말기 연결이 끊어졌습니다: {exc}. 케이블을 확인해 주세요.") from None
            if reply is None:
                raise TerminalNoReply(
                    f"카드 단말기가 {timeout:g}초 안에 결과를 보내지 않았습니다 (no result from the card terminal)"
                )
            return _reply(reply)


def _reply(m: Message) -> TerminalReply:
    try:
        status = TerminalStatus(m.get("st"))
        return TerminalReply(
            status=status,
            intent_id=m.get("id"),
            amount=int(m.get("amt") or 0),
            approval_no=m.get("apn"),
            approved_at=m.get("apt"),
            issuer=m.get("iss"),
            masked_card=m.get("card"),
            installments=int(m.get("inst") or 0),
            reason_code=m.get("rc"),
            message=m.get("msg"),
        )
    except ValueError:
        raise TerminalProtocolError(
            f"카드 단말기가 알 수 없는 응답을 보냈습니다 ({m.command} {sorted(m.fields)}); 단말기 설정을 확인해 주세요."
        ) from None
