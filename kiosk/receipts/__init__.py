"""Receipts, kitchen tickets and installer test pages: the document model, its content, and the service
that prints them after a sale without ever blocking the sale."""
