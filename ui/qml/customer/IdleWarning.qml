// "Still ordering?" with a countdown and an "I need more time" button, before an idle reset.
import QtQuick
import "../common"

Rectangle {
    id: overlay
    required property var kiosk
    color: Theme.scrim
    Component.onCompleted: moreButton.forceActiveFocus()

    // The order behind is not touchable while we ask; a touch here is not an action (nothing to name).
    MouseArea { objectName: "idleScrim"; anchors.fill: parent; Accessible.ignored: true }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.gapLarge * 2, Theme.s(760))
        height: dialog.implicitHeight + Theme.gapLarge * 2
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.highContrast ? Theme.s(3) : 0

        Column {
            id: dialog
            anchors { fill: parent; margins: Theme.gapLarge }
            spacing: Theme.gap
            Text {
                width: parent.width
                text: qsTr("아직 주문 중이신가요?")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "idleCountdown"
                width: parent.width
                text: qsTr("%1초 후 처음 화면으로 돌아갑니다. 담은 메뉴는 지워집니다.").arg(overlay.kiosk.idleSecondsLeft)
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KButton {
                id: moreButton
                objectName: "moreTimeButton"
                width: parent.width
                height: Theme.s(96)
                primary: true
                fontSize: Theme.fontLarge
                text: qsTr("시간을 더 주세요")
                navigator: function (forward) { resetButton.forceActiveFocus(Qt.TabFocusReason) }
                onClicked: overlay.kiosk.moreTime()
            }
            KButton {
                id: resetButton
                objectName: "idleResetButton"
                navigator: function (forward) { moreButton.forceActiveFocus(Qt.TabFocusReason) }
                width: parent.width
                text: qsTr("처음으로")
                onClicked: overlay.kiosk.cancelOrder()
            }
        }
    }
}
