// A short message (added, sold out, choose the required options). It goes by itself after `timeout` ms
// (longer in easy mode), and its screen gives it a place of its own, so it never covers what it refers to.
import QtQuick

Rectangle {
    id: toast
    property alias text: label.text
    property int timeout: Theme.toastMs
    property bool shown: false
    readonly property alias timer: hideTimer
    visible: shown && text !== ""
    width: Math.min(label.implicitWidth + Theme.gapLarge * 2, parent ? parent.width : label.implicitWidth)
    height: label.implicitHeight + Theme.gap
    radius: height / 2
    color: Theme.dark
    border.color: Theme.highContrast ? "#FFFFFF" : "transparent"
    z: 20
    Accessible.role: Accessible.AlertMessage
    Accessible.name: label.text

    // Every new message (and the same message again) shows for `timeout` ms.
    function show() { if (text !== "") { shown = true; hideTimer.restart() } }
    onTextChanged: if (text !== "") show(); else shown = false
    Component.onCompleted: show()

    Timer {
        id: hideTimer
        interval: toast.timeout
        onTriggered: toast.shown = false
    }
    Text {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, toast.width - Theme.gap * 2)
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        color: Theme.darkInk
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        font.bold: true
    }
}
