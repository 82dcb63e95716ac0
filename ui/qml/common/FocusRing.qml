// A visible focus ring drawn outside the target while it has keyboard focus. It is made only then: every
// button and card has one, and making them all with their screen took ~1.6 ms of the attract screen's first
// frame alone (docs/PERFORMANCE.md, "Cold start").
import QtQuick

Loader {
    id: ring
    property Item target
    anchors.fill: target
    anchors.margins: -Theme.focusWidth - Theme.s(2)
    z: 100
    active: target !== null && target.activeFocus && Theme.keypadActive
    sourceComponent: Rectangle {
        objectName: "focusRing"
        readonly property Item target: ring.target
        radius: (ring.target ? ring.target.radius : 0) + Theme.focusWidth
        color: "transparent"
        border.width: Theme.focusWidth
        border.color: Theme.focusRing
    }
}
