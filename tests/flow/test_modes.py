"""The mode router: a mode is entered only through the core's authorisation check (DESIGN §11)."""

from __future__ import annotations

import pytest

from kiosk.session.modes import (
    ENTRY,
    PERMISSIONS,
    ChangeMode,
    Mode,
    ModeRouter,
    Permission,
    Refusal,
    Role,
    SignedIn,
    authorise,
)

ALL = tuple(Mode)


def router(payment: list[bool] | None = None) -> ModeRouter:
    flag = payment if payment is not None else [False]
    return ModeRouter(Mode.CUSTOMER, ALL, payment_in_flight=lambda: flag[0])


@pytest.mark.parametrize("mode", [Mode.OWNER, Mode.COUNTER, Mode.INSTALLER])
def test_a_mode_cannot_be_entered_without_passing_the_check(mode: Mode) -> None:
    r = router()
    assert r.send(ChangeMode(mode)) is Refusal.NOT_SIGNED_IN
    assert r.mode is Mode.CUSTOMER
    # signed in, but as a role the table does not allow
    wrong = next(role for role in Role if ENTRY[mode] not in PERMISSIONS[role])
    assert r.send(ChangeMode(mode, SignedIn(wrong))) is Refusal.NOT_PERMITTED
    assert r.mode is Mode.CUSTOMER


@pytest.mark.parametrize(
    ("mode", "role"), [(Mode.OWNER, Role.OWNER), (Mode.COUNTER, Role.STAFF), (Mode.INSTALLER, Role.INSTALLER)]
)
def test_a_mode_is_entered_when_the_check_passes_and_back_to_customer(mode: Mode, role: Role) -> None:
    changes: list[Mode] = []
    r = router()
    r.on_change = changes.append
    assert r.send(ChangeMode(mode, SignedIn(role))) is None
    assert r.mode is mode
    assert r.send(ChangeMode(Mode.CUSTOMER)) is None
    assert changes == [mode, Mode.CUSTOMER]


def test_modes_without_screens_on_this_terminal_are_refused_even_when_allowed() -> None:
    r = ModeRouter(Mode.CUSTOMER, [Mode.CUSTOMER])
    assert r.send(ChangeMode(Mode.OWNER, SignedIn(Role.OWNER))) is Refusal.NOT_ON_THIS_TERMINAL
    assert r.mode is Mode.CUSTOMER


def test_a_payment_in_flight_is_never_interrupted_by_a_mode_change() -> None:
    paying = [True]
    r = router(paying)
    assert r.send(ChangeMode(Mode.OWNER, SignedIn(Role.OWNER))) is Refusal.PAYMENT_IN_FLIGHT
    paying[0] = False
    assert r.send(ChangeMode(Mode.OWNER, SignedIn(Role.OWNER))) is None


def test_the_permission_table_follows_design_section_11() -> None:
    owner_only = {Permission.REFUND, Permission.CHANGE_PRICES, Permission.DISCOUNT_OVER_LIMIT, Permission.REOPEN_DAY}
    staff_too = {Permission.SOLD_OUT, Permission.COUNTER_SALES, Permission.X_REPORT}
    for p in owner_only:
        assert {r for r in Role if p in PERMISSIONS[r]} == {Role.OWNER, Role.MANAGER}
    for p in staff_too:
        assert {r for r in Role if p in PERMISSIONS[r]} == {Role.OWNER, Role.MANAGER, Role.STAFF}
    assert {r for r in Role if Permission.DEVICES_AND_SETTINGS in PERMISSIONS[r]} == {Role.INSTALLER}
    assert authorise(Mode.CUSTOMER, None) is None


def test_the_default_mode_must_have_screens() -> None:
    with pytest.raises(ValueError, match="no screens"):
        ModeRouter(Mode.COUNTER, [Mode.CUSTOMER])
