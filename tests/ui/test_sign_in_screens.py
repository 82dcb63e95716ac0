"""The staff sign-in screens through the real QML (issue 14 items 1-4): the corner press and card taps
that open the PIN pad, PINs typed on its keys, the wrong-PIN countdown and lock, one-time PINs, the mode
chooser, staff management, the idle sign-out warning; each checked in the journal. docs/STAFF.md."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt
from PySide6.QtTest import QTest

from app.builders.modes import MODE_BUILDERS
from app.builders.window import attach_window
from app.devices import uid_key
from kiosk.config import StaffSettings
from kiosk.devices.nfc import CardKind, CardTapped, hash_uid
from kiosk.ledger.ledger import Ledger
from kiosk.session.modes import Mode, Role, SignedIn
from kiosk.staff.service import PinChangeRequired, StaffService
from tests.helpers.kiosk import Kiosk
from tests.helpers.modes import NAMES, PINS, person, sign_in
from tests.helpers.staff import CHEAP
from tests.helpers.staff_screens import (
    journal,
    kiosk_with_card_reader,
    press_corner,
    type_pin,
    type_text,
    use_probe_as_owner_mode,
    use_staff_management_as_owner_mode,
)
from ui.modes import MODE_UIS
from ui.staff.manage import StaffManagementViewModel

OWNER_CARD = bytes.fromhex("04a1b2c3d4e5f6")
OTHER_CARD = bytes.fromhex("04000000000009")
CARD = bytes.fromhex("04c0ffee000001")


def tap_of(card_hash: str) -> CardTapped:
    return CardTapped("test", CardKind.UNKNOWN, card_hash, (), None, "", datetime(2026, 3, 2, tzinfo=UTC))


@pytest.fixture
def probe_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    use_probe_as_owner_mode(monkeypatch)


def test_a_long_press_in_the_corner_opens_the_pad_and_the_owner_pin_enters_the_back_office(
    make_kiosk: Callable[..., Kiosk], probe_mode: None
) -> None:
    k = make_kiosk()
    boss = person(k, Role.OWNER)
    press_corner(k, 1.0)  # a short press there: nothing
    assert not k.exists("pinPad") and k.step == "attract"
    press_corner(k, 5.0, at=QPoint(540, 1200))  # a long press elsewhere is a customer's tap: order starts
    assert not k.exists("pinPad")
    k.wait_step("order_type")
    k.click("takeOutButton")  # customers' taps work as before
    k.wait_step("menu")
    press_corner(k, 3.0)
    assert k.text("pinTitle") == "직원 PIN을 입력하세요"
    type_pin(k, PINS[Role.OWNER])
    k.qtbot.waitUntil(lambda: k.kw.modes.mode == "owner", timeout=5000)  # the only mode: straight in
    assert k.text("probeText").startswith(NAMES[Role.OWNER] + " / ")
    assert not k.exists("pinPad")
    assert k.step == "attract"  # the customer's half-made order was dropped
    signed = journal(k, "staff.signed_in")
    assert signed[-1][1] == {"person_id": boss.person_id, "role": "owner", "method": "pin"}
    assert journal(k, "mode.changed")[-1][1]["to"] == "owner"


def test_no_owner_yet_says_how_to_set_one_up(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk(size=(1280, 800))
    k.window.requestActivate()
    k.qtbot.waitUntil(lambda: k.window.isActive())
    press_corner(k, 3.0)
    for digit in "48291":  # a USB keypad works as well as the keys on the screen
        k.key(getattr(Qt.Key, f"Key_{digit}"))
    k.key(Qt.Key.Key_Backspace)
    assert k.kw.staff.typed == 4
    for digit in "15":
        k.key(getattr(Qt.Key, f"Key_{digit}"))
    k.qtbot.waitUntil(lambda: "kiosk staff init-owner" in k.text("pinRefusal"), timeout=3000)
    assert k.kw.staff.typed == 0 and not k.kw.staff.signedIn
    k.key(Qt.Key.Key_Escape)
    k.qtbot.waitUntil(lambda: not k.exists("pinPad"), timeout=3000)
    assert k.kw.modes.mode == "customer"
    assert journal(k, "staff.") == []  # no owner: nothing to count or lock


def wrong(k: Kiosk, times: int) -> None:
    for _ in range(times):
        type_pin(k, "550912")
        k.qtbot.waitUntil(lambda: k.kw.staff.refusal != "", timeout=3000)


def test_wrong_pins_count_down_then_lock_and_the_lock_survives_a_restart(
    make_kiosk: Callable[..., Kiosk], probe_mode: None
) -> None:
    k = make_kiosk()
    person(k, Role.OWNER)
    press_corner(k, 3.0)
    wrong(k, 4)
    assert k.text("pinRefusal") == "PIN이 맞지 않습니다. 다시 입력하세요."
    wrong(k, 1)  # the 5th: a 30 s wait, counted down on the screen
    assert k.text("pinRefusal") == "PIN이 여러 번 틀렸습니다. 30초 후에 다시 입력할 수 있습니다."
    k.click("pinKey_1")  # the keys do nothing meanwhile
    assert k.kw.staff.typed == 0
    k.clock.advance(12)
    k.qtbot.waitUntil(lambda: "18초" in k.text("pinRefusal"), timeout=3000)
    k.clock.advance(18)
    k.qtbot.waitUntil(lambda: not k.exists("pinRefusal"), timeout=3000)
    for wait in (60, 120, 240, 480):  # the 6th to the 9th
        wrong(k, 1)
        assert k.kw.staff.retryLeft == wait and f"{wait}초" in k.text("pinRefusal")
        k.clock.advance(wait)
        k.qtbot.waitUntil(lambda: k.kw.staff.refusal == "", timeout=3000)
    wrong(k, 1)  # the 10th: locked for 30 minutes
    assert k.text("pinRefusal").startswith("PIN이 10번 틀려 잠겼습니다. 30분 후에 다시 시도하세요.")
    assert [p["failures"] for _, p in journal(k, "staff.sign_in_failed")] == list(range(1, 11))
    assert journal(k, "staff.locked")[0][1]["subject"] == "terminal"
    k.clock.advance(5 * 60)

    # A restart: a new window and register on the same ledger file, the clock where it was.
    later = make_kiosk(attach=False)
    later.clock.set(k.clock.now())
    ledger = Ledger.open(Path(str(k.ledger.engine.url.database)), clock=later.clock, tz=later.kw.settings.tz)
    try:
        attach_window(later.kw, ledger, later.provider, staff=StaffService(ledger, hasher=CHEAP))
        press_corner(later, 3.0)
        type_pin(later, PINS[Role.OWNER])  # even the right PIN: locked
        later.qtbot.waitUntil(lambda: later.kw.staff.refusal == "locked", timeout=3000)
        assert later.text("pinRefusal").startswith("PIN이 10번 틀려 잠겼습니다. 25분 후에")
        assert not later.kw.staff.signedIn and later.kw.modes.mode == "customer"
        later.click("pinCancel")
    finally:
        later.kw.staff.close()
        ledger.close()


def test_a_staff_card_tap_greets_its_holder_and_asks_their_pin(
    make_kiosk: Callable[..., Kiosk], tmp_path: Path, probe_mode: None
) -> None:
    k, reader = kiosk_with_card_reader(make_kiosk, tmp_path / "data", size=(1280, 800))
    boss = person(k, Role.OWNER)
    card = hash_uid(uid_key(replace(k.kw.settings, data_dir=str(tmp_path / "data"))), OWNER_CARD)
    k.kw.staff.session.staff.register_card(boss, boss.person_id, tap_of(card))
    reader.tap(OTHER_CARD)  # nobody's card: not a way in
    k.wait_ticks()
    reader.tap(OWNER_CARD)
    k.qtbot.waitUntil(lambda: k.exists("pinPad"), timeout=5000)
    assert k.text("pinTitle") == "김사장님, PIN을 입력하세요"
    assert k.text("pinHint") == "카드를 확인했습니다. 숫자 6자리를 누르세요."
    type_pin(k, "550912")
    k.qtbot.waitUntil(lambda: k.kw.staff.refusal == "wrong_pin", timeout=3000)
    failed = journal(k, "staff.sign_in_failed")[-1][1]
    assert failed["subject"] == boss.person_id and failed["method"] == "card_pin" and failed["card_hash"] == card
    type_pin(k, PINS[Role.OWNER])
    k.qtbot.waitUntil(lambda: k.kw.modes.mode == "owner", timeout=5000)
    assert journal(k, "staff.signed_in")[-1][1] == {
        "person_id": boss.person_id,
        "role": "owner",
        "method": "card_pin",
        "card_hash": card,
    }


def test_a_one_time_pin_leads_to_choosing_ones_own_then_says_there_is_nothing_here_yet_for_staff(
    make_kiosk: Callable[..., Kiosk], probe_mode: None
) -> None:
    """On a terminal without the counter's screens (probe_mode keeps the back office only)."""
    k = make_kiosk(size=(800, 1280))
    staff = k.kw.staff.session.staff
    boss = person(k, Role.OWNER)
    member, one_time = staff.add(boss, "박새봄", Role.STAFF)
    press_corner(k, 3.0)
    type_pin(k, one_time)
    k.qtbot.waitUntil(lambda: k.kw.staff.stage == "choose", timeout=3000)
    assert k.text("pinTitle") == "박새봄님, 자신의 PIN을 정하세요"
    assert not k.kw.staff.signedIn
    type_pin(k, "123456")  # too easy
    k.qtbot.waitUntil(lambda: k.kw.staff.refusal == "pin_easy", timeout=3000)
    assert k.kw.staff.stage == "choose"
    type_pin(k, "730418")
    k.qtbot.waitUntil(lambda: k.kw.staff.stage == "confirm", timeout=3000)
    assert k.text("pinTitle") == "같은 PIN을 한 번 더 입력하세요"
    type_pin(k, "730419")  # not the same
    k.qtbot.waitUntil(lambda: k.kw.staff.refusal == "pin_mismatch", timeout=3000)
    assert k.text("pinRefusal") == "두 번 입력한 PIN이 다릅니다. 처음부터 다시 정하세요."
    type_pin(k, "730418")
    type_pin(k, "730418")
    k.qtbot.waitUntil(lambda: k.kw.staff.stage == "modes", timeout=5000)
    assert k.kw.staff.signedIn and k.kw.staff.personName == "박새봄" and k.kw.staff.role == "staff"
    # Staff may use the counter, which has no screens on this terminal yet: said plainly, no buttons.
    assert k.text("pinHint") == "이 단말기에는 박새봄님이 쓸 수 있는 화면이 아직 없습니다. 로그아웃하세요."
    assert not k.exists("chooseMode_counter")
    k.click("pinSignOut")
    k.qtbot.waitUntil(lambda: not k.exists("pinPad"), timeout=3000)
    assert not k.kw.staff.signedIn and k.kw.modes.mode == "customer"
    assert [p["person_id"] for _, p in journal(k, "staff.pin_set")] == [member.id]
    signed = [p for _, p in journal(k, "staff.signed_in") if p["person_id"] == member.id]
    assert signed == [{"person_id": member.id, "role": "staff", "method": "pin", "pin_change_required": True}]
    # and from now on the chosen PIN is theirs
    assert staff.sign_in("730418") == SignedIn(Role.STAFF, member.id, "박새봄")


def test_the_chooser_offers_each_mode_a_person_may_enter_here(
    make_kiosk: Callable[..., Kiosk], probe_mode: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(MODE_UIS, Mode.COUNTER, MODE_UIS[Mode.OWNER])  # as if the counter had screens here
    monkeypatch.setitem(MODE_BUILDERS, Mode.COUNTER, MODE_BUILDERS[Mode.OWNER])
    k = make_kiosk(size=(1280, 800))
    boss = person(k, Role.OWNER)
    press_corner(k, 3.0)
    type_pin(k, PINS[Role.OWNER])
    k.qtbot.waitUntil(lambda: k.kw.staff.stage == "modes", timeout=5000)
    assert k.text("pinTitle") == "김사장님, 어디로 들어갈까요?"
    assert k.kw.staff.choices == ["owner", "counter"]  # an owner is no installer
    assert k.text("pinHint") == "들어갈 화면을 고르세요."
    k.click("chooseMode_counter")
    k.qtbot.waitUntil(lambda: k.kw.modes.mode == "counter", timeout=5000)
    assert not k.exists("pinPad")
    assert journal(k, "mode.changed")[-1][1] == {
        "from": "customer",
        "to": "counter",
        "person_id": boss.person_id,
        "role": "owner",
    }


def test_staff_management_through_the_screen(
    make_kiosk: Callable[..., Kiosk], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_staff_management_as_owner_mode(monkeypatch)
    k, reader = kiosk_with_card_reader(make_kiosk, tmp_path / "data", size=(1280, 800))
    boss = sign_in(k, Role.OWNER, Mode.OWNER)
    assert isinstance(k.kw.staff.management, StaffManagementViewModel)  # what the back office's tab shows
    assert k.text("staffStatus_김사장") == "점주 · PIN 설정됨 · 카드 없음"
    assert not k.exists("staffRemove_김사장")  # nobody removes themselves here
    k.window.requestActivate()
    k.qtbot.waitUntil(lambda: k.window.isActive())

    # add: name and role, then the one-time PIN once, large
    k.click("staffAdd")
    k.click("staffNameInput")
    type_text(k, "박새봄")
    k.click("addRole_staff")
    k.click("staffAddConfirm")
    k.qtbot.waitUntil(lambda: k.exists("shownPin"), timeout=5000)
    one_time = k.text("shownPin")
    assert len(one_time) == 6 and one_time.isdigit()
    k.click("staffPinDone")
    k.qtbot.waitUntil(lambda: not k.exists("shownPin"), timeout=3000)
    assert k.text("staffStatus_박새봄") == "직원 · 임시 PIN (첫 로그인 때 바꿈) · 카드 없음"
    added = journal(k, "staff.added")[-1][1]
    assert (added["name"], added["role"], added["by"]) == ("박새봄", "staff", boss.person_id)
    staff = k.kw.staff.session.staff
    member = staff.find("박새봄")
    assert isinstance(staff.sign_in(one_time), PinChangeRequired)

    # role
    k.click("staffRole_박새봄")
    k.click("setRole_manager")
    k.qtbot.waitUntil(lambda: k.text("staffStatus_박새봄").startswith("매니저 · "), timeout=3000)
    assert journal(k, "staff.role_set")[-1][1]["role"] == "manager"

    # card: the next tap on the reader
    k.click("staffCard_박새봄")
    k.find("staffCardDialog")
    reader.tap(CARD)
    k.qtbot.waitUntil(lambda: k.exists("staffNotice"), timeout=5000)
    assert k.text("staffNotice") == "카드를 등록했습니다."
    assert k.text("staffStatus_박새봄").endswith("카드 등록됨") and not k.exists("staffCardDialog")
    card = journal(k, "staff.card_registered")[-1][1]
    assert card["person_id"] == member.id and len(card["card_hash"]) == 64
    assert staff.card_role(card["card_hash"]) == "manager"

    # reset the PIN: a new one-time PIN, shown once
    k.click("staffReset_박새봄")
    k.qtbot.waitUntil(lambda: k.exists("shownPin"), timeout=5000)
    again = k.text("shownPin")
    k.click("staffPinDone")
    assert journal(k, "staff.pin_reset")[-1][1] == {"person_id": member.id, "by": boss.person_id}
    assert isinstance(staff.sign_in(again), PinChangeRequired)

    # remove, after a confirmation
    k.click("staffRemove_박새봄")
    k.find("staffRemoveDialog")
    k.click("staffRemoveCancel")
    assert k.exists("staffRow_박새봄")
    k.click("staffRemove_박새봄")
    k.click("staffRemoveConfirm")
    k.qtbot.waitUntil(lambda: not k.exists("staffRow_박새봄"), timeout=3000)
    assert journal(k, "staff.removed")[-1][1] == {"person_id": member.id, "by": boss.person_id}
    assert staff.card_role(card["card_hash"]) is None


def test_a_manager_manages_only_staff(make_kiosk: Callable[..., Kiosk], monkeypatch: pytest.MonkeyPatch) -> None:
    use_staff_management_as_owner_mode(monkeypatch)
    k = make_kiosk()
    clerk = person(k, Role.STAFF)
    sign_in(k, Role.MANAGER, Mode.OWNER)
    vm = k.kw.modes.viewModel
    vm.refresh()
    assert vm.roles == ["staff"]
    k.find("staffRow_김사장")
    assert not k.exists("staffRole_김사장") and not k.exists("staffReset_김사장")  # no buttons for the owner
    k.find("staffRole_박직원")
    vm.setRole(clerk.person_id, "owner")  # the core refuses, whatever the screen offers
    k.qtbot.waitUntil(lambda: k.exists("staffProblem"), timeout=3000)
    assert k.text("staffProblem").startswith("권한이 없습니다.")
    assert staff_role(k, clerk.person_id) == "staff"


def staff_role(k: Kiosk, person_id: str) -> str:
    return next(m.role.value for m in k.kw.staff.session.staff.members() if m.id == person_id)


def test_the_idle_sign_out_warns_then_signs_out_but_never_during_a_refund(
    make_kiosk: Callable[..., Kiosk], probe_mode: None
) -> None:
    k = make_kiosk(attach=False, size=(1280, 800))
    k.kw.settings = replace(k.kw.settings, staff=StaffSettings(idle_timeout_seconds=60))
    attach_window(k.kw, k.ledger, k.provider, staff=StaffService(k.ledger, hasher=CHEAP))
    boss = sign_in(k, Role.OWNER, Mode.OWNER)
    k.clock.advance(30)
    k.wait_ticks()
    QTest.mouseClick(k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(640, 400))
    k.clock.advance(39)  # 39 s after that press on the mode's screen: 21 s left, no warning yet
    k.wait_ticks()
    assert not k.exists("signOutWarning") and k.kw.staff.idleLeft == 21
    k.clock.advance(2)
    k.qtbot.waitUntil(lambda: k.exists("signOutCountdown"), timeout=3000)
    assert k.text("signOutCountdown") == "19초 후 자동으로 로그아웃합니다."
    k.clock.advance(5)
    k.qtbot.waitUntil(lambda: k.text("signOutCountdown").startswith("14초"), timeout=3000)
    k.click("stayButton")
    k.qtbot.waitUntil(lambda: not k.exists("signOutWarning"), timeout=3000)
    assert k.kw.modes.mode == "owner"

    ctx = k.kw.modes.viewModel.ctx
    refunding = [True]
    ctx.busy.append(lambda: refunding[0])  # as the back office says while a refund is in progress
    k.clock.advance(300)
    k.wait_ticks()
    assert not k.exists("signOutWarning") and k.kw.modes.mode == "owner"
    refunding[0] = False  # done, long after the idle time: signed out at the next tick
    k.qtbot.waitUntil(lambda: k.kw.modes.mode == "customer", timeout=3000)
    assert not k.kw.staff.signedIn and not k.exists("signOutWarning") and k.exists("screenLoader")
    assert journal(k, "mode.changed")[-1][1] == {
        "from": "owner",
        "to": "customer",
        "person_id": None,
        "role": None,
        "reason": "idle",
    }
    assert journal(k, "mode.changed")[-2][1]["person_id"] == boss.person_id


def shot(k: Kiosk, name: str) -> None:
    """The window as it shows now: checked to look like a screen, and kept for a human to look at with
    KIOSK_SCREENSHOT_DIR=/tmp/shots. Not written under the tests' temporary directory: PNG bytes can hold
    a digit run that passes the card-number scan (tests/conftest.py)."""
    k.next_frame()
    image = k.window.grabWindow()
    assert not image.isNull()
    encoded = QByteArray()
    buffer = QBuffer(encoded)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    assert encoded.size() > 10_000, f"{name} looks empty"
    if target := os.environ.get("KIOSK_SCREENSHOT_DIR"):
        Path(target).mkdir(parents=True, exist_ok=True)
        (Path(target) / f"{name}.png").write_bytes(bytes(encoded.data()))


@pytest.mark.slow
@pytest.mark.parametrize("palette", ["normal", "high-contrast"])
@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)])
def test_screenshots_of_the_pin_pad_the_chooser_and_staff_management(
    make_kiosk: Callable[..., Kiosk],
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    scale: float,
    palette: str,
) -> None:
    use_staff_management_as_owner_mode(monkeypatch)
    monkeypatch.setitem(MODE_UIS, Mode.COUNTER, MODE_UIS[Mode.OWNER])  # so the chooser has two buttons
    monkeypatch.setitem(MODE_BUILDERS, Mode.COUNTER, MODE_BUILDERS[Mode.OWNER])
    k = make_kiosk(size=size, scale=scale, palette=palette)
    tag = f"{'portrait' if size[0] < size[1] else 'landscape'}-{scale:.1f}-{palette}"

    def shoot(name: str, overlay: str = "") -> None:
        shot(k, f"{tag}-{name}")
        k.assert_laid_out(overlay=overlay)

    person(k, Role.STAFF)  # the owner and one of the staff
    press_corner(k, 3.0)
    type_pin(k, "550912")
    k.qtbot.waitUntil(lambda: k.kw.staff.refusal == "wrong_pin", timeout=3000)
    for digit in "482":
        k.click(f"pinKey_{digit}")
    shoot("pin-pad", overlay="pinPad")
    k.click("pinClear")
    for _ in range(4):  # the 2nd to the 5th: a wait
        type_pin(k, "550912")
        k.qtbot.waitUntil(lambda: k.kw.staff.typed == 0, timeout=3000)
    k.qtbot.waitUntil(lambda: k.kw.staff.refusal == "wait", timeout=3000)
    shoot("pin-pad-wait", overlay="pinPad")
    k.clock.advance(60)
    k.qtbot.waitUntil(lambda: k.kw.staff.refusal == "", timeout=3000)
    type_pin(k, PINS[Role.OWNER])
    k.qtbot.waitUntil(lambda: k.kw.staff.stage == "modes", timeout=5000)
    shoot("chooser", overlay="pinPad")
    k.click("chooseMode_owner")
    k.qtbot.waitUntil(lambda: k.exists("staffManagement"), timeout=5000)
    vm = k.kw.modes.viewModel
    boss = k.kw.staff.session.who
    staff = k.kw.staff.session.staff
    staff.add(boss, "이매니저", Role.MANAGER)
    staff.add(boss, "최기사", Role.INSTALLER)
    vm.refresh()
    shoot("staff-management")
    k.click("staffAdd")
    shoot("staff-add", overlay="staffAddDialog")
    k.click("staffAddCancel")
    k.click("staffReset_박직원")
    k.qtbot.waitUntil(lambda: k.exists("shownPin"), timeout=5000)
    shoot("staff-one-time-pin", overlay="staffPinDialog")
    k.click("staffPinDone")
    k.clock.advance(101)
    k.qtbot.waitUntil(lambda: k.exists("signOutWarning"), timeout=3000)
    shoot("sign-out-warning", overlay="signOutWarning")


def test_the_staff_screens_read_in_english_when_switched(
    make_kiosk: Callable[..., Kiosk], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_staff_management_as_owner_mode(monkeypatch)
    k = make_kiosk(size=(1280, 800))
    person(k, Role.STAFF)
    k.kw.vm.chooseLanguage("en")
    try:
        press_corner(k, 3.0)
        assert k.text("pinTitle") == "Enter your staff PIN"
        type_pin(k, "550912")
        k.qtbot.waitUntil(lambda: k.kw.staff.refusal == "wrong_pin", timeout=3000)
        assert k.text("pinRefusal") == "Wrong PIN. Try again."
        shot(k, "en-pin-pad")
        type_pin(k, PINS[Role.OWNER])
        k.qtbot.waitUntil(lambda: k.exists("staffManagement"), timeout=5000)
        assert k.text("staffStatus_박직원") == "Staff · PIN set · no card"
        shot(k, "en-staff-management")
    finally:
        k.kw.vm.chooseLanguage("ko")  # the translator is the application's: not left for the next test
