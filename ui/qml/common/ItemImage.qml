// An item's photo; a missing or broken image shows a tidy placeholder with the item's initial.
import QtQuick

Rectangle {
    id: frame
    property string source: ""
    property string label: ""
    property bool greyed: false
    radius: Theme.radiusSmall
    color: Theme.highContrast ? "#1A1A1A" : "#F3ECE2"
    clip: true

    Image {
        id: img
        anchors.fill: parent
        source: frame.source
        sourceSize.width: Math.max(64, width)
        sourceSize.height: Math.max(64, height)
        fillMode: Image.PreserveAspectCrop
        asynchronous: true
        opacity: frame.greyed ? 0.35 : 1
        visible: status === Image.Ready
    }
    Text {
        objectName: "imagePlaceholder"
        anchors.centerIn: parent
        visible: img.status !== Image.Ready
        text: frame.label.length > 0 ? frame.label.charAt(0) : "·"
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: frame.height * 0.4
        font.bold: true
    }
}
