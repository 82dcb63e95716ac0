// A visible focus ring drawn outside the target while it has keyboard focus.
import QtQuick

Rectangle {
    objectName: "focusRing"
    property Item target
    anchors.fill: target
    anchors.margins: -Theme.focusWidth - Theme.s(2)
    radius: (target ? target.radius : 0) + Theme.focusWidth
    color: "transparent"
    border.width: Theme.focusWidth
    border.color: Theme.focusRing
    visible: target !== null && target.activeFocus && Theme.keypadActive
    z: 100
}
