// "Signing out in N s" over a staff screen in the idle sign-out's last seconds (docs/STAFF.md). A tap
// anywhere (or the button) counts as a touch and keeps the person signed in. Never shown during a refund:
// the core then reports nothing to count down (StaffSession.signs_out_in).
import QtQuick
import "../common"

Item {
    id: warning
    objectName: "signOutWarning"
    required property var staff

    // A press anywhere keeps the person signed in and goes on to the screen below.
    MouseArea { anchors.fill: parent; onPressed: (mouse) => { warning.staff.touch(); mouse.accepted = false } }

    Rectangle {
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.gapLarge }
        width: Math.min(parent.width - Theme.gap * 2, Theme.s(860))
        height: content.implicitHeight + Theme.gapLarge * 2
        radius: Theme.radius
        color: Theme.dark
        border.color: Theme.highContrast ? Theme.primary : Theme.border
        border.width: Theme.s(3)

        Column {
            id: content
            anchors { fill: parent; margins: Theme.gapLarge }
            spacing: Theme.gap
            Text {
                objectName: "signOutCountdown"
                width: parent.width
                text: qsTr("%1초 후 자동으로 로그아웃합니다.").arg(warning.staff.idleLeft)
                color: Theme.darkInk
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
            KButton {
                objectName: "stayButton"
                width: parent.width
                height: Theme.s(80)
                primary: true
                fontSize: Theme.fontLarge
                text: qsTr("계속 사용하기")
                onClicked: warning.staff.touch()
            }
        }
    }
}
