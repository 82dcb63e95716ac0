// Dine in or take out.
import QtQuick
import "../common"

FocusScope {
    id: screen
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent

    Text {
        id: title
        anchors { top: parent.top; topMargin: Theme.s(screen.portrait ? 90 : 30); horizontalCenter: parent.horizontalCenter }
        text: qsTr("어디에서 드시나요?")
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontHuge * 0.8
        font.bold: true
    }

    Grid {
        id: cards
        readonly property real space: backButton.y - title.y - title.height - Theme.gapLarge * 2
        anchors.horizontalCenter: parent.horizontalCenter
        y: title.y + title.height + Theme.gapLarge + (space - height) / 2
        columns: screen.portrait ? 1 : 2
        spacing: Theme.gapLarge
        Repeater {
            model: [["dine_in", qsTr("매장에서 먹어요"), qsTr("매장"), "dineInButton"],
                    ["take_out", qsTr("포장해 갈게요"), qsTr("포장"), "takeOutButton"]]
            KCard {
                id: card
                required property var modelData
                required property int index
                objectName: modelData[3]
                width: Math.min((screen.width - Theme.gapLarge * 2) / cards.columns - Theme.gapLarge, Theme.s(640))
                height: Math.max(Theme.touchMin, Math.min(Theme.s(screen.portrait ? 400 : 480),
                                 screen.portrait ? cards.space / 2 - Theme.gapLarge : cards.space))
                radius: Theme.radius * 1.5
                color: card.pressed ? Theme.surfaceAlt : Theme.surface
                border.color: Theme.controlBorder
                border.width: Theme.s(2)
                accessibleName: modelData[1]
                focus: index === 0  // keypad: the first choice has focus when the screen opens
                onClicked: screen.kiosk.chooseOrderType(modelData[0])
                Column {
                    anchors.centerIn: parent
                    spacing: Theme.gap
                    Pictogram {
                        anchors.horizontalCenter: parent.horizontalCenter
                        kind: card.modelData[0]
                        size: Math.min(Theme.s(170), card.height - Theme.s(130))
                    }
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: card.modelData[2]
                        color: Theme.primary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                    }
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: card.modelData[1]
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                    }
                }
            }
        }
    }

    KButton {
        id: backButton
        objectName: "orderTypeBackButton"
        anchors { left: parent.left; bottom: parent.bottom; margins: Theme.gapLarge }
        text: qsTr("처음으로")
        width: Theme.s(220)
        onClicked: screen.kiosk.back()
    }
    KButton {
        objectName: "orderTypeEasyModeButton"
        anchors { right: parent.right; bottom: parent.bottom; margins: Theme.gapLarge }
        width: Math.min(Theme.s(400), screen.width - backButton.width - Theme.gapLarge * 3)
        checked: screen.kiosk.easyMode
        fill: checked ? Theme.selected : Theme.surface
        ink: checked ? Theme.selectedInk : Theme.text
        text: (checked ? "✓ " : "") + qsTr("큰 글씨 · 쉬운 주문")
        accessibleName: checked ? qsTr("큰 글씨 쉬운 주문 끄기") : qsTr("큰 글씨 쉬운 주문 켜기")
        onClicked: screen.kiosk.setEasyMode(!checked)
    }

}
