"""The staff-management screen's view-model (issue 14 item 3; ui/qml/staff/StaffManagement.qml): the
people who work here with their role, PIN and card; add, remove, change role, register a card by tap,
reset a PIN. Every check is the core's (`StaffService`: MANAGE_STAFF, a manager manages only staff, the
last owner stays), made against the register as it is now for the signed-in person (`StaffSession.who`).

A one-time PIN (a new person, a reset) is shown once in `shownPin` and forgotten when the screen is told
`dismissPin`. A refusal is a code in `problem` ("not_permitted", "last_owner", "card_taken", ...) that the
screen words. Adding and resetting hash PINs, so they run off the GUI thread (ui/staff/work.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QModelIndex, QObject, Signal, Slot

from kiosk.devices.nfc import CardTapped
from kiosk.session.modes import Role, SignedIn
from kiosk.staff.service import BadName, NotPermitted, StaffError, StaffMember, UnknownPerson, may_manage
from kiosk.staff.session import StaffSession
from ui.models import RowModel
from ui.staff.work import Post, StaffWork

ROLES = (Role.OWNER, Role.MANAGER, Role.STAFF, Role.INSTALLER)
PEOPLE_ROLES = ["key", "id", "name", "role", "pin", "card", "manageable", "me"]


class PeopleModel(RowModel):
    """The staff list: a person added or removed is a row inserted or removed (the list keeps its scroll
    position and the other rows their delegates); anything else is an update in place."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(PEOPLE_ROLES, parent)

    def update(self, rows: list[dict[str, Any]]) -> None:
        old = [r["key"] for r in self.rows()]
        new = [r["key"] for r in rows]
        if len(new) == len(old) + 1 and new[: len(old)] == old:
            self.beginInsertRows(QModelIndex(), len(old), len(old))
            self._rows = rows
            self.endInsertRows()
            self.countChanged.emit()
            return
        gone = [i for i, key in enumerate(old) if key not in new]
        if len(gone) == 1 and len(new) == len(old) - 1 and [k for k in old if k in new] == new:
            self.beginRemoveRows(QModelIndex(), gone[0], gone[0])
            self._rows = rows
            self.endRemoveRows()
            self.countChanged.emit()
            return
        self.set_rows(rows)


def problem_of(error: BaseException) -> str:
    """A refusal from the core as a code the screen words (ko / en)."""
    text = str(error)
    if isinstance(error, NotPermitted):
        return "not_permitted"
    if isinstance(error, UnknownPerson):
        return "unknown_person"
    if isinstance(error, BadName):
        return "bad_name"
    if isinstance(error, StaffError):
        for words, code in (
            ("last owner", "last_owner"),
            ("payment card", "payment_card"),
            ("already registered", "card_taken"),
            ("could not be read", "card_unreadable"),
        ):
            if words in text:
                return code
    return "failed"


class StaffManagementViewModel(QObject):
    changed = Signal()

    def __init__(self, session: StaffSession, post: Post | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.work = StaffWork()
        self.work.post = post
        self._people: list[dict[str, Any]] = []
        self._model = PeopleModel(self)
        self._problem = ""
        self._notice = ""  # "added", "removed", "role_set", "card_registered", "pin_reset"
        self._shown_pin = ""
        self._shown_for = ""
        self._waiting_for = ""  # the name of the person whose card is awaited ("" not waiting)
        self.refresh()

    def close(self) -> None:
        self.session.wait_for_card(None)
        self.work.join()

    # --- what the screen shows ------------------------------------------------------------------

    def _actor(self) -> SignedIn | None:
        return self.session.who

    def _actor_role(self) -> Role | None:
        """The signed-in person's role as the register has it now."""
        who = self._actor()
        if who is None:
            return None
        for member in self.session.staff.members():
            if member.id == who.person_id:
                return member.role
        return None

    def _row(self, member: StaffMember, actor: Role | None) -> dict[str, Any]:
        pin = "none" if not member.has_pin else "one_time" if member.must_change_pin else "set"
        who = self._actor()
        return {
            "key": member.id,
            "id": member.id,
            "name": member.name,
            "role": member.role.value,
            "pin": pin,
            "card": member.has_card,
            "manageable": actor is not None and may_manage(actor, member.role),
            "me": who is not None and who.person_id == member.id,
        }

    @Slot()
    def refresh(self) -> None:
        actor = self._actor_role()
        self._people = [self._row(m, actor) for m in self.session.staff.members()]
        self._model.update(self._people)
        self.changed.emit()

    def _roles(self) -> list[str]:
        actor = self._actor_role()
        return [r.value for r in ROLES if actor is not None and may_manage(actor, r)]

    people = Property(list, lambda self: list(self._people), notify=changed)
    peopleModel = Property(QObject, lambda self: self._model, constant=True)  # the list the screen shows
    roles = Property(list, _roles, notify=changed)  # the roles the signed-in person may give
    busy = Property(bool, lambda self: self.work.running, notify=changed)
    problem = Property(str, lambda self: self._problem, notify=changed)
    notice = Property(str, lambda self: self._notice, notify=changed)
    shownPin = Property(str, lambda self: self._shown_pin, notify=changed)
    shownFor = Property(str, lambda self: self._shown_for, notify=changed)
    waitingFor = Property(str, lambda self: self._waiting_for, notify=changed)

    # --- what the owner does ------------------------------------------------------------------------

    def _start(self) -> SignedIn | None:
        self.session.touch()
        self._problem = self._notice = ""
        who = self._actor()
        if who is None:
            self._problem = "not_permitted"
            self.changed.emit()
        return who

    def _finish(self, notice: str) -> Callable[[Any, BaseException | None], None]:
        def done(result: Any, error: BaseException | None) -> None:
            if error is not None:
                self._problem = problem_of(error)
            else:
                self._notice = notice
                if isinstance(result, tuple):  # add: (member, one-time PIN)
                    self._shown_for, self._shown_pin = result[0].name, result[1]
                elif isinstance(result, str) and notice == "pin_reset":
                    self._shown_pin = result
            self.refresh()

        return done

    def _do(self, call: Callable[[SignedIn], Any], notice: str, role: str | None = None) -> None:
        """Run `call(who)` on the worker for the signed-in person, after the checks every action shares; a
        `role` that is not one is refused before anything runs."""
        who = self._start()
        if who is None or self.work.running:
            return
        if role is not None and role not in {r.value for r in Role}:
            self._problem = "failed"
            self.changed.emit()
            return
        self.work.run(lambda: call(who), self._finish(notice))
        self.changed.emit()

    @Slot(str, str)
    def add(self, name: str, role: str) -> None:
        staff = self.session.staff
        self._do(lambda who: staff.add(who, name, Role(role)), "added", role)

    @Slot(str)
    def remove(self, person_id: str) -> None:
        staff = self.session.staff
        self._do(lambda who: staff.remove(who, person_id), "removed")

    @Slot(str, str)
    def setRole(self, person_id: str, role: str) -> None:
        staff = self.session.staff
        self._do(lambda who: staff.set_role(who, person_id, Role(role)), "role_set", role)

    @Slot(str)
    def resetPin(self, person_id: str) -> None:
        staff = self.session.staff
        if self._actor() is not None and not self.work.running:
            self._shown_for = next((p["name"] for p in self._people if p["id"] == person_id), "")
        self._do(lambda who: staff.reset_pin(who, person_id), "pin_reset")

    @Slot()
    def dismissPin(self) -> None:
        """The one-time PIN has been read: it is gone from the screen and from here."""
        self._shown_pin = self._shown_for = ""
        self.session.touch()
        self.changed.emit()

    @Slot(str)
    def registerCard(self, person_id: str) -> None:
        """Tap to register: the next card on the reader becomes this person's (until `cancelCard`)."""
        who = self._start()
        if who is None or self.work.running:
            return
        name = next((p["name"] for p in self._people if p["id"] == person_id), "")
        self._waiting_for = name

        def tapped(tap: CardTapped) -> None:
            self._waiting_for = ""
            staff = self.session.staff
            self.work.run(lambda: staff.register_card(who, person_id, tap), self._finish("card_registered"))
            self.changed.emit()

        self.session.wait_for_card(tapped)
        self.changed.emit()

    @Slot()
    def cancelCard(self) -> None:
        self.session.wait_for_card(None)
        self._waiting_for = ""
        self.session.touch()
        self.changed.emit()

    @Slot()
    def dismiss(self) -> None:
        """The notice or problem has been read."""
        self._problem = self._notice = ""
        self.session.touch()
        self.changed.emit()
