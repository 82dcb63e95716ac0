"""The staff register and sign-in (DESIGN §11, issue 14): people with a role, a PIN kept only as a
memory-hard hash, an optional NFC card kept only as its keyed hash, and the wrong-PIN delays and locks.

`StaffService` (kiosk.staff.service) is the one way in; it answers a sign-in with the `SignedIn` value the
`ModeRouter` takes. docs/STAFF.md describes the rules."""
