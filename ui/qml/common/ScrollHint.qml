// Shows that a list scrolls: a fade and an arrow over the end of `view` that has more behind it. Drawn
// only; touches go through to the view.
import QtQuick

Item {
    id: hint
    required property Flickable view
    property bool atStart: false  // the left (or top) end; else the right (or bottom) end
    property bool vertical: false
    readonly property bool more: vertical
        ? (atStart ? view.contentY > view.originY + 1 : view.contentY + view.height < view.originY + view.contentHeight - 1)
        : (atStart ? view.contentX > view.originX + 1 : view.contentX + view.width < view.originX + view.contentWidth - 1)
    visible: more
    z: 5
    x: vertical ? view.x : (atStart ? view.x : view.x + view.width - width)
    y: vertical ? (atStart ? view.y : view.y + view.height - height) : view.y
    width: vertical ? view.width : Theme.s(56)
    height: vertical ? Theme.s(40) : view.height
    Accessible.ignored: true

    Rectangle {
        anchors.fill: parent
        gradient: Gradient {
            orientation: hint.vertical ? Gradient.Vertical : Gradient.Horizontal
            GradientStop { position: 0.0; color: hint.atStart ? Theme.background : Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0) }
            GradientStop { position: 1.0; color: hint.atStart ? Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0) : Theme.background }
        }
    }
    // The arrow sits at the outer corner, where it covers as little of the view as it can.
    Rectangle {
        x: hint.vertical ? parent.width - width - Theme.gapSmall : (parent.width - width) / 2
        y: hint.vertical ? (parent.height - height) / 2 : parent.height - height - Theme.s(2)
        width: Theme.s(30); height: width; radius: width / 2
        color: Theme.selected
        Text {
            anchors.centerIn: parent
            text: hint.vertical ? (hint.atStart ? "▲" : "▼") : (hint.atStart ? "◀" : "▶")
            color: Theme.selectedInk
            font.pixelSize: Theme.fontSmall * 0.8
        }
    }
}
