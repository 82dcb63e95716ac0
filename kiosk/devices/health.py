"""Health of a device, reported to the core as plain events (no Qt, no callbacks into the UI)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Health(StrEnum):
    OK = "ok"
    DEGRADED = "degraded"  # works, but needs attention soon (paper near end, retrying)
    LOST = "lost"  # not reachable or not usable (unplugged, paper out, cover open, service down)
    UNKNOWN = "unknown"  # not checked yet, or the device did not answer the check


@dataclass(frozen=True, slots=True)
class HealthEvent:
    device: str  # configured name, e.g. "printer", "nfc", "scanner", "card_terminal"
    health: Health
    detail: str  # short machine-readable reason, e.g. "paper_out", "cover_open", "reader_removed"
    message: str  # plain words for staff: what happened and what to do
    at: datetime
