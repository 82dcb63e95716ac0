// A short message above the cart bar (added, sold out, choose the required options).
import QtQuick

Rectangle {
    property alias text: label.text
    visible: text !== ""
    width: label.implicitWidth + Theme.gapLarge * 2
    height: label.implicitHeight + Theme.gap * 1.5
    radius: height / 2
    color: Theme.dark
    border.color: Theme.highContrast ? "#FFFFFF" : "transparent"
    z: 20
    Text {
        id: label
        anchors.centerIn: parent
        color: Theme.darkInk
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        font.bold: true
    }
}
