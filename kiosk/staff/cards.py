"""The NFC reader's card list with the staff register as the one source of staff cards (issue 14 item 4).

The reader classifies each tap (`CardList.classify`): staff, membership or unknown. Membership cards still
come from the shop's card list file (`nfc.card_list`); staff cards come from the register
(`StaffService.card_role`, read at each tap, so a card registered in the back office counts at its next
tap, and a removed person's card at once no longer does). Staff entries in the file are ignored: a card in
the file that nobody registered is no way in (`StaffService.identify_card` only ever asked the register).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.devices.nfc import CardKind, CardList, NdefRecord

log = logging.getLogger(__name__)

StaffRoleOf = Callable[[str], str | None]  # a card's keyed hash -> its holder's role, None: not a staff card


@dataclass(frozen=True)
class StaffCardList(CardList):
    """`CardList` whose staff cards are the register's. Build it with `staff_card_list`."""

    staff_role: StaffRoleOf | None = None

    def classify(self, uid_hash: str | None, records: tuple[NdefRecord, ...]) -> tuple[CardKind, str | None]:
        if uid_hash and self.staff_role is not None:
            role = self.staff_role(uid_hash.lower())
            if role is not None:
                return CardKind.STAFF, role
        return super().classify(uid_hash, records)


def staff_card_list(cards: CardList, staff_role: StaffRoleOf, source: str = "nfc.card_list") -> StaffCardList:
    """The file's membership cards and URI prefixes, the register's staff cards."""
    members = {h: c for h, c in cards.cards.items() if c.kind is not CardKind.STAFF}
    dropped = len(cards.cards) - len(members)
    if dropped:
        log.warning(
            "%s lists %d staff card(s); staff cards now come from the staff register only, so these are "
            "ignored: register each card to its person (back office > staff, or `kiosk staff register-card`)",
            source,
            dropped,
        )
    return StaffCardList(members, cards.member_uri_prefixes, staff_role)
