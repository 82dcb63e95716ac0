"""Pushing the journal: every entry above the acknowledged sequence, in batches, each signed, and the
acknowledgement moved only on a receipt signed by the programme key.

Exactly once: the client advances its acknowledged sequence only on a receipt signed by the programme
key (received at enrollment) that names this terminal, the sequence and that entry's hash, and re-sends
everything above it after any failure; the server stores by (terminal, seq) and entry id, so a re-sent
entry is only counted as a duplicate. A server, or anything in the middle, that acknowledges what it
did not store cannot make the kiosk drop entries.

Pipelined: while one batch is on the wire, a helper thread reads the next one (from the end of the batch
in flight, the usual acknowledgement) and writes the previous acknowledgement, so the kiosk's own work
overlaps the server's instead of taking turns with it (bench/sync.py). What is sent, signed and
acknowledged, and in which order, is unchanged: requests still go one at a time, each signed with the
nonce of the reply before.

Cheap beside the request in flight: SQLite builds each entry's wire JSON (`Ledger.wire_after`, the bytes
`encode_body` made from `to_wire()`), so a batch is one SELECT that runs without the GIL and a join, not
a Python object per entry and field and a `json.dumps` that holds the GIL while the reply waits for it;
the acknowledgement is one UPDATE (`StateStore.set_acked`). A synchronous push (read, send, write in
turn) was measured too: on the loaded 2-core machine it lost ~0.3 of the ratio to the bare loop
(docs/PERFORMANCE.md, "Sync and backend").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from kiosk.devices.health import Health
from kiosk.ledger.ledger import Ledger
from kiosk.ports import Clock
from kiosk.protocol import API, GENESIS_HASH, MAX_JOURNAL_BODY, check_receipt
from kiosk.sync.client import BackendClient, reply_json
from kiosk.sync.errors import BackendRefused, UntrustedReply
from kiosk.sync.state import Rejected, StateStore, SyncState

MAX_PUSH_BYTES = MAX_JOURNAL_BODY // 2  # a push body stays well under the server's limit

Emit = Callable[[Health, str, str], None]


@dataclass(frozen=True, slots=True)
class Batch:
    """Journal entries to push: their sequences and hashes (to check the receipt against), and the request
    body that carries them."""

    seqs: list[int]
    hashes: list[str]
    body: bytes


@dataclass(frozen=True, slots=True)
class Receipt:
    """A verified push receipt: the acknowledged sequence, the entries refused, how many were stored."""

    ack: int
    rejected: list[Rejected]
    stored: int


_BODY_HEAD, _BODY_TAIL = b'{"entries":[', b"]}"


def read_batch(ledger: Ledger, after: int, batch_size: int) -> Batch:
    """Up to `batch_size` entries above `after`, fewer when the body would pass MAX_PUSH_BYTES.

    The body is `encode_body({"entries": [e.to_wire() for e in entries]})`, byte for byte, but joined from
    the entries' wire JSON as SQLite builds it (`Ledger.wire_after`): no Python object per entry or
    field, and the statement runs without the GIL, beside the request in flight."""
    rows = ledger.wire_after(after, limit=batch_size)
    size = len(_BODY_HEAD) + len(_BODY_TAIL)
    for i, (_, _, wire) in enumerate(rows):
        size += len(wire) + 1
        if size > MAX_PUSH_BYTES and i > 0:
            rows = rows[:i]
            break
    if not rows:
        return Batch([], [], b"")
    body = _BODY_HEAD + b",".join([r[2] for r in rows]) + _BODY_TAIL
    return Batch([r[0] for r in rows], [r[1] for r in rows], body)


class Pusher:
    def __init__(
        self, ledger: Ledger, store: StateStore, client: BackendClient, clock: Clock, batch_size: int, emit: Emit
    ) -> None:
        self.ledger = ledger
        self.store = store
        self.client = client
        self.clock = clock
        self.batch_size = batch_size
        self.emit = emit

    def _read(self, after: int) -> Batch:
        return read_batch(self.ledger, after, self.batch_size)

    def push_pending(self) -> int:
        """Send every entry above the acknowledgement; returns how many the server newly stored.

        The acknowledgement moves only on a receipt signed by the programme key that names this
        terminal, a sequence we sent (or hold) and that entry's hash. A signed receipt below what we had
        (the server lost entries, e.g. restored from a backup) moves it back, once per call, so the
        entries are sent again."""
        state = self.store.read()
        acked = state.acked_seq
        stored = 0
        rewound = False
        path = f"{API}/terminals/{state.terminal_id}/journal"
        with ThreadPoolExecutor(1, thread_name_prefix="sync-push") as helper:
            ahead: Future[Batch] = helper.submit(self._read, acked)
            saved: Future[None] | None = None
            while True:
                batch = ahead.result()
                if not batch.seqs:
                    break
                first, last = batch.seqs[0], batch.seqs[-1]
                ahead = helper.submit(self._read, last)  # the next batch, read while this one is on the wire
                reply = reply_json(self.client.send(state, "POST", path, batch.body))
                receipt = self._verified(state, reply, batch)
                stored += receipt.stored
                self._quarantine([r for r in receipt.rejected if r.seq <= receipt.ack])
                ack = receipt.ack
                if ack >= first or (ack < acked and not rewound):
                    rewound = rewound or ack < first
                    if saved is not None:
                        saved.result()  # the previous acknowledgement is written (or its error raised)
                    saved = helper.submit(self.store.set_acked, ack)
                    acked = ack
                    if ack != last:
                        ahead = helper.submit(self._read, ack)  # not the usual case: read from the ack
                    continue
                raise BackendRefused(
                    f"서버가 seq {ack + 1}부터 요구합니다 / the backend did not advance past seq {ack}"
                )
            if saved is not None:
                saved.result()
        return stored

    def _verified(self, state: SyncState, reply: Any, batch: Batch) -> Receipt:
        """The acknowledged sequence, rejections and stored count of a push receipt, or UntrustedReply."""
        why = check_receipt(state.programme_key, reply, state.terminal_id)
        if why is None:
            ack, ack_hash = int(reply["ack_seq"]), str(reply["ack_hash"])
            # Beyond the batch is fine (a re-send after a lost ack) if it is our entry there.
            if self._hash_at(ack, batch) != ack_hash:
                why = f"the receipt's hash for seq {ack} is not this terminal's entry"
        if why is not None:
            raise UntrustedReply(f"서버 응답을 믿을 수 없어 전송 기록을 유지합니다 / untrusted reply: {why}")
        try:
            rejected = [
                Rejected(int(r["seq"]), str(r["id"]), str(r["reason"]), str(r["detail"])) for r in reply["rejected"]
            ]
            n = int(reply["stored"])
        except (KeyError, TypeError, ValueError):
            raise UntrustedReply("서버 응답 형식이 잘못되었습니다 / malformed push reply") from None
        return Receipt(ack, rejected, n)

    def _hash_at(self, seq: int, batch: Batch) -> str:
        if seq == 0:
            return GENESIS_HASH
        i = bisect_left(batch.seqs, seq)
        if i < len(batch.seqs) and batch.seqs[i] == seq:
            return batch.hashes[i]
        found = self.ledger.entries_after(seq - 1, limit=1)
        return found[0].hash if found and found[0].seq == seq else ""

    def _quarantine(self, rejected: list[Rejected]) -> None:
        if not rejected:
            return
        self.store.quarantine(rejected, self.clock.now().isoformat(timespec="seconds"))
        for r in rejected:
            self.emit(
                Health.DEGRADED,
                "entry_quarantined",
                f"서버가 기록 seq {r.seq}을(를) 거부했습니다 ({r.reason}): {r.detail}. "
                "장부가 변경되었을 수 있습니다. kiosk ledger verify 를 실행하고 관리자에게 알리세요.",
            )
