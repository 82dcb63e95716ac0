"""The printer port: what the core asks of a receipt printer. Implemented in hardware/printer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from kiosk.receipts.document import Document


@dataclass(frozen=True, slots=True)
class PrintJob:
    """One document to print. `id` is unique for this print: a retry of the same job carries the same
    id and is never printed twice; a reprint (재발행) is a new job with a new id."""

    id: str
    order_id: str
    document: Document
    reprint: bool = False


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    job_id: str
    ok: bool
    detail: str = ""  # machine-readable: "printed", "paper_out", "cover_open", "offline", "no_reply", ...
    message: str = ""  # plain Korean for staff: what happened and what to do
    duplicate: bool = False  # the job id had already printed; nothing was sent


class PrinterPort(Protocol):
    def submit(self, job: PrintJob, on_done: Callable[[PrintOutcome], None]) -> None:
        """Queue `job` and return at once; `on_done` is called later, on another thread."""
        ...
