"""One approval: who approved a payment and how, as the gateway reports it, the intent keeps it, the flow
receives it and the ledger records it. Copied between those four shapes here, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


class _Approved(Protocol):
    @property
    def provider(self) -> str: ...
    @property
    def approval_no(self) -> str: ...
    @property
    def issuer(self) -> str: ...
    @property
    def masked_card(self) -> str: ...
    @property
    def installments(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Approval:
    provider: str = ""
    approval_no: str = ""
    issuer: str = ""
    masked_card: str = ""  # masked by the terminal and re-checked by us; never a full number
    installments: int = 0
    approved_at: str = ""

    @staticmethod
    def of(source: _Approved) -> Approval:
        """From a gateway's Outcome, an Intent or a PaymentResult (which has no approval time)."""
        return Approval(
            provider=source.provider,
            approval_no=source.approval_no,
            issuer=source.issuer,
            masked_card=source.masked_card,
            installments=source.installments,
            approved_at=str(getattr(source, "approved_at", "")),
        )

    def fields(self, *, with_time: bool = True) -> dict[str, Any]:
        """As keyword arguments (an intent transition, a PaymentResult or a PaymentRecord)."""
        out: dict[str, Any] = {
            "provider": self.provider,
            "approval_no": self.approval_no,
            "issuer": self.issuer,
            "masked_card": self.masked_card,
            "installments": self.installments,
        }
        if with_time:
            out["approved_at"] = self.approved_at
        return out
