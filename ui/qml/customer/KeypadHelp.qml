// How to order with the keypad (the Help key, F1): the keys, and staff if that is easier. Back or Help
// again, or the close button, hides it.
import QtQuick
import "../common"

Rectangle {
    id: overlay
    objectName: "keypadHelp"
    required property var kiosk
    color: Theme.scrim
    Component.onCompleted: closeButton.forceActiveFocus(Qt.TabFocusReason)
    // Back or Help again closes it (the view-model's keypad handling).
    Keys.onPressed: (event) => { event.accepted = overlay.kiosk.keypad(event.key) }

    MouseArea { anchors.fill: parent; Accessible.ignored: true }  // the screen behind waits

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.gapLarge * 2, Theme.s(760))
        height: Math.min(parent.height - Theme.gapLarge * 2, body.implicitHeight + Theme.gapLarge * 2)
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.controlBorder
        border.width: Math.max(1, Theme.s(2))

        Flickable {
            anchors { fill: parent; margins: Theme.gapLarge }
            contentHeight: body.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            Column {
                id: body
                width: parent.width
                spacing: Theme.gap
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    text: qsTr("키패드로 주문하기")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                }
                Repeater {
                    model: [qsTr("◀ ▶ ▲ ▼ : 다음 / 이전 항목으로 이동"), qsTr("확인 : 고르기, 누르기"),
                            qsTr("이전 : 한 단계 뒤로"), qsTr("도움말 : 이 안내 열기 / 닫기"),
                            qsTr("음성 안내 : 이어폰을 꽂거나 음성 안내 키")]
                    Text {
                        required property string modelData
                        width: body.width
                        wrapMode: Text.Wrap
                        text: modelData
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                    }
                }
                KButton {
                    id: closeButton
                    objectName: "keypadHelpClose"
                    width: parent.width
                    primary: true
                    text: qsTr("닫기")
                    accessibleName: qsTr("도움말 닫기")
                    navigator: function (forward) { staffButton.forceActiveFocus(Qt.TabFocusReason) }
                    onClicked: overlay.kiosk.setHelpShown(false)
                }
                KButton {
                    id: staffButton
                    objectName: "keypadHelpStaff"
                    width: parent.width
                    text: overlay.kiosk.staffCalled ? qsTr("직원 호출됨") : qsTr("직원 호출")
                    navigator: function (forward) { closeButton.forceActiveFocus(Qt.TabFocusReason) }
                    onClicked: overlay.kiosk.callStaff()
                }
            }
        }
    }
}
