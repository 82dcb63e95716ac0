"""What can go wrong in a sync round, as types: callers decide by the class, never by the message. Every
`str()` is a message for staff (what happened, what to do), Korean first."""

from __future__ import annotations


class SyncError(RuntimeError):
    """Sync could not complete; `str()` is a message for staff (what happened, what to do)."""


class NotEnrolled(SyncError):
    pass


class BackendUnavailable(SyncError):
    """No answer, a timeout, or a 5xx: try again later (with backoff)."""


class BackendRefused(SyncError):
    """A 4xx: retrying the same request will not help until someone acts."""


class UntrustedReply(BackendUnavailable):
    """A reply that is not signed by the programme key for this terminal and entry: nothing is
    advanced; the next round sends the same entries again."""


class InsecureBackend(SyncError):
    """A plain http:// backend that is not on this machine: refused (use https://)."""


class BundleError(SyncError):
    """A catalog bundle that must not be applied (bad signature, older version, expired, invalid)."""
