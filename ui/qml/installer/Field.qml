// A labelled one-line text field for the set-up wizard (large type, touch-sized).
import QtQuick
import "../common"

Column {
    id: field
    property string label: ""
    property alias text: input.text
    property alias echoMode: input.echoMode
    property alias inputMethodHints: input.inputMethodHints
    property alias maximumLength: input.maximumLength
    property string fieldName: ""
    spacing: Theme.s(4)

    Text {
        text: field.label
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        width: field.width
        wrapMode: Text.WordWrap
    }
    Rectangle {
        width: field.width
        height: Theme.touchMin
        radius: Theme.radiusSmall
        color: Theme.surface
        border.width: input.activeFocus ? Theme.focusWidth : Math.max(1, Theme.s(2))
        border.color: input.activeFocus ? Theme.focusRing : Theme.border
        TextInput {
            id: input
            objectName: field.fieldName
            anchors.fill: parent
            anchors.leftMargin: Theme.gap
            anchors.rightMargin: Theme.gap
            verticalAlignment: TextInput.AlignVCenter
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            clip: true
            Accessible.name: field.label
        }
        MouseArea {
            anchors.fill: parent
            onClicked: input.forceActiveFocus()
        }
    }
}
