// One big number with its label (today's net sales, orders, ...).
import QtQuick
import "../common"

Column {
    property string label: ""
    property string value: ""
    property string note: ""
    property color noteColor: Theme.textMuted
    property int valueSize: Theme.fontTitle
    spacing: Theme.s(4)
    Text { text: parent.label; color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
    Text {
        objectName: parent.objectName + "Value"
        text: parent.value; color: Theme.text
        font.family: Theme.fontFamily; font.pixelSize: parent.valueSize; font.bold: true
    }
    Text {
        visible: parent.note !== ""
        text: parent.note; color: parent.noteColor
        font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall; font.bold: true
    }
}
