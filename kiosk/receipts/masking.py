"""Card numbers on receipts: at most the first 6 and the last 4 digits are ever visible.

The terminal already masks (the app never sees a card number); this re-masks whatever the payment
record holds before it goes on paper or screen, so a terminal that masked too little cannot put more
digits on a receipt. Korean practice hides digits 7-12 (we hide everything between 6 and the last 4).
"""

from __future__ import annotations

MAX_FIRST = 6
MAX_LAST = 4


def mask_card_number(value: str) -> str:
    """`5365-1200-1234-1234` or `536512******1234` → `5365-12**-****-1234`; separators are kept.

    Digits beyond the first 6 and the last 4 become `*`. A value with 10 or fewer digits (already
    masked) keeps its digits but never gains any.
    """
    digit_positions = [i for i, c in enumerate(value) if c.isdigit() or c in "*Xx"]
    total = len(digit_positions)
    chars = list(value)
    for n, i in enumerate(digit_positions):
        if MAX_FIRST <= n < total - MAX_LAST or chars[i] in "Xx":
            chars[i] = "*"
    return "".join(c for c in chars if c.isdigit() or c in "*- ")
