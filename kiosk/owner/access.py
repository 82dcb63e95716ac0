"""Who may do what in the back office: the role table in kiosk/session/modes.py, checked in the core.

`require(who, permission)` refuses with `NotPermitted` (a message in Korean and English). With a staff
register (`StaffService`), the check runs against the register as it is now: someone removed or demoted
since signing in is refused (docs/STAFF.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.session.modes import Permission, Role, SignedIn, may

if TYPE_CHECKING:
    from kiosk.staff.service import StaffService


class OwnerError(RuntimeError):
    """A back-office action that was not done; the message says why and what to do."""


class NotPermitted(OwnerError):
    pass


_WHAT = {
    Permission.REFUND: ("환불", "refunds"),
    Permission.CHANGE_PRICES: ("가격 변경", "price changes"),
    Permission.SOLD_OUT: ("품절 설정", "sold-out switches"),
    Permission.BACK_OFFICE: ("관리자 화면", "the back office"),
}


def require(who: SignedIn | None, permission: Permission, staff: StaffService | None = None) -> SignedIn:
    """`who`, if they may do `permission` now; else NotPermitted."""
    ko, en = _WHAT.get(permission, (permission.value, permission.value))
    if who is None:
        raise NotPermitted(f"로그인이 필요합니다 / sign in first ({en})")
    role = who.role
    if staff is not None and who.person_id:
        try:
            role = Role(staff.find(who.person_id).role)
        except Exception:  # removed since signing in
            raise NotPermitted(
                f"{who.name}: 더 이상 등록된 직원이 아닙니다 / no longer on the staff register"
            ) from None
    if not may(role, permission):
        raise NotPermitted(f"{ko} 권한이 없습니다 ({role.value}) / a {role.value} may not do {en}")
    return who
