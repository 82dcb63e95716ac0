"""The counter POS and the business day (DESIGN §13, docs/COUNTER.md), without Qt.

- `day.py`: open / paid in / out / no-sale / close (the Z) / reopen / X, and the projectors;
- `sales.py`: counter sales (tenders: card, QR, barcode, cash, 온누리상품권; split), cash refunds, holds;
- `ticket.py`: the staff's running ticket with line and ticket discounts;
- `cash_receipts.py` + `identifiers.py`: 현금영수증 through a provider port, identifiers masked + hashed;
- `drawer.py`: the cash drawer port; `rules.py`: the shop's counter settings; `models.py`: read models.
"""
