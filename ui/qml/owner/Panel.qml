// A white card with a title, for the back office's screens.
import QtQuick
import "../common"

Rectangle {
    id: panel
    property string title: ""
    default property alias content: body.data
    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.border
    border.width: Math.max(1, Theme.s(1))
    implicitHeight: titleText.implicitHeight + body.childrenRect.height + Theme.gap * 3
    Text {
        id: titleText
        anchors { left: parent.left; top: parent.top; margins: Theme.gap }
        text: panel.title
        visible: text !== ""
        color: Theme.textMuted
        font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
    }
    Item {
        id: body
        anchors {
            left: parent.left; right: parent.right; top: panel.title !== "" ? titleText.bottom : parent.top
            bottom: parent.bottom; margins: Theme.gap
        }
    }
}
