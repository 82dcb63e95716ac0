"""What happens after a tap, without Qt: the customer's session (payments, printing, staff call, idle), the
wiring between devices and a session, and the mode router with its authorisation check (DESIGN §2, §11)."""
