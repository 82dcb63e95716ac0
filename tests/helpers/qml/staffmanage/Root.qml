// The staff-management screen by itself, as a mode (tests/helpers/staff_screens.py), until the owner's
// back office shows it as a tab. Main.qml gives it vm, staff and portrait.
import QtQuick
import "../../../../ui/qml/staff"

StaffManagement {}
