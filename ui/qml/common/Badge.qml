import QtQuick

Rectangle {
    property alias text: label.text
    property color fill: Theme.primary
    width: label.implicitWidth + Theme.gap
    height: label.implicitHeight + Theme.s(6)
    radius: height / 2
    color: fill
    Text {
        id: label
        anchors.centerIn: parent
        color: Theme.highContrast ? "#000000" : "#FFFFFF"
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall * 0.8
        font.bold: true
    }
}
