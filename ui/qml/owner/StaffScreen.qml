// The back office's staff tab: the staff screens' own management screen (ui/qml/staff/StaffManagement.qml)
// over the signed-in person's staff view-model; the core decides who may manage whom.
import QtQuick
import "../staff"

Item {
    id: tab
    required property var vm
    required property var owner

    StaffManagement {
        anchors.fill: parent
        vm: tab.owner.staff.management
        staff: tab.owner.staff
        portrait: tab.owner.portrait
    }
}
