// A question or a message over the staff-management screen: a dimmed background nothing can be touched
// through, and a panel with a title and whatever the dialog puts in it.
import QtQuick
import "../common"

Rectangle {
    id: dialog
    property string title: ""
    default property alias content: body.data
    anchors.fill: parent
    color: Theme.scrim
    signal touched()

    MouseArea { anchors.fill: parent; onPressed: dialog.touched() }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.gap * 2, Theme.s(820))
        height: Math.min(parent.height - Theme.gap * 2, column.implicitHeight + Theme.gapLarge * 2)
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.highContrast ? Theme.s(3) : 0

        // Scrolls when the window is too small for it (landscape at a large scale).
        Flickable {
            anchors { fill: parent; margins: Theme.gapLarge }
            contentHeight: column.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick

            Column {
                id: column
                width: parent.width
                spacing: Theme.gap
                Text {
                    width: parent.width
                    visible: dialog.title !== ""
                    text: dialog.title
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
                Column {
                    id: body
                    width: parent.width
                    spacing: Theme.gap
                }
            }
        }
    }
}
