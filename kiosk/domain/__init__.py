"""Domain types and rules: money, VAT, catalog, cart, orders, business numbers, order numbers."""
