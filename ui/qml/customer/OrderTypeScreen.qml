// Dine in or take out.
import QtQuick
import "../common"

FocusScope {
    id: screen
    focus: true  // the Loader is a focus scope: its screen takes the focus (keypad)
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent
    anchors.bottomMargin: easyNav.height  // easy mode's fixed bar below (EasyNavBar.qml)

    // A short screen (a landscape tablet at a large scale, easy mode's bars): the question and the two choices
    // still show whole, at once: smaller gaps, a title-sized question, and each card only its sentence.
    readonly property bool compact: height > 0 && height < Theme.s(600)

    // The title and the two cards; they scroll when a large scale on a small screen needs more room.
    Flickable {
        id: scroller
        objectName: "orderTypeScroll"
        anchors {
            left: parent.left
            right: parent.right
            top: parent.top
        }
        // Down to the higher of the two buttons under it.
        height: Math.max(0, Math.min(backButton.visible ? backButton.y : easyButton.y, easyButton.y) - Theme.gap)
        contentHeight: Math.max(height, body.implicitHeight + body.spacing * 2)
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: body
            width: scroller.width
            y: Math.max(screen.compact ? Theme.gap : Theme.gapLarge, (scroller.height - implicitHeight) / 2)
            spacing: screen.compact ? Theme.gap : Theme.gapLarge

            Text {
                id: title
                objectName: "orderTypeTitle"
                anchors.horizontalCenter: parent.horizontalCenter
                width: parent.width - Theme.gapLarge * 2
                horizontalAlignment: Text.AlignHCenter
                wrapMode: screen.compact ? Text.NoWrap : Text.Wrap
                text: qsTr("어디에서 드시나요?")
                fontSizeMode: screen.compact ? Text.HorizontalFit : Text.FixedSize  // compact: on one line
                minimumPixelSize: Theme.fontLarge
                // Compact: the same height in every language (Noto Sans CJK's line is ~1.45 em, Nanum's less).
                height: screen.compact ? Math.ceil(font.pixelSize * 1.25) : implicitHeight
                verticalAlignment: Text.AlignVCenter
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: screen.compact ? Theme.fontTitle : Theme.fontHuge * 0.8
                font.bold: true
            }

            Grid {
                id: cards
                // The room the cards would like: what the view leaves under the title.
                readonly property real space: scroller.height - title.height - body.spacing * 3
                anchors.horizontalCenter: parent.horizontalCenter
                columns: screen.portrait ? 1 : 2
                spacing: screen.compact ? Theme.gap : Theme.gapLarge
                Repeater {
                    model: [["dine_in", qsTr("매장에서 먹어요"), qsTr("매장"), "dineInButton"], ["take_out", qsTr("포장해 갈게요"), qsTr("포장"), "takeOutButton"]]
                    KCard {
                        id: card
                        required property var modelData
                        required property int index
                        objectName: modelData[3]
                        width: Math.min((screen.width - Theme.gapLarge * 2) / cards.columns - Theme.gapLarge, Theme.s(640))
                        height: Math.max(screen.compact ? Math.max(Theme.touchMin, cardLine.height + Theme.gapSmall * 2) : cardTitle.height + cardLine.height + Theme.gap * 3,
                                         Math.min(Theme.s(screen.portrait ? 400 : 480), screen.portrait ? cards.space / 2 - cards.spacing : cards.space))
                        radius: Theme.radius * 1.5
                        color: card.pressed ? Theme.surfaceAlt : Theme.surface
                        border.color: Theme.controlBorder
                        border.width: Theme.s(2)
                        accessibleName: modelData[1]
                        focus: index === 0  // keypad: the first choice has focus when the screen opens
                        onClicked: screen.kiosk.chooseOrderType(modelData[0])
                        Column {
                            id: cardWords
                            anchors.centerIn: parent
                            width: card.width - Theme.gapLarge * 2
                            spacing: Theme.gap
                            // The picture takes only the room the words leave; none when that is too little.
                            Pictogram {
                                anchors.horizontalCenter: parent.horizontalCenter
                                kind: card.modelData[0]
                                size: Math.min(Theme.s(170), card.height - (cardTitle.visible ? cardTitle.height : 0) - cardLine.height - Theme.gap * 2 - Theme.gapLarge * 2)
                                visible: size >= Theme.s(48)
                            }
                            Text {
                                id: cardTitle
                                visible: !screen.compact  // compact: the sentence says it
                                width: parent.width
                                horizontalAlignment: Text.AlignHCenter
                                wrapMode: Text.Wrap
                                text: card.modelData[2]
                                color: Theme.primary
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontTitle
                                font.bold: true
                            }
                            Text {
                                id: cardLine
                                width: parent.width
                                horizontalAlignment: Text.AlignHCenter
                                // Compact: one line in both cards, a little smaller where a language's sentence is long.
                                wrapMode: screen.compact ? Text.NoWrap : Text.Wrap
                                fontSizeMode: screen.compact ? Text.HorizontalFit : Text.FixedSize
                                minimumPixelSize: Theme.fontBody
                                height: screen.compact ? Math.ceil(font.pixelSize * 1.25) : implicitHeight
                                verticalAlignment: Text.AlignVCenter
                                text: card.modelData[1]
                                color: screen.compact ? Theme.primary : Theme.text
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontLarge
                                font.bold: screen.compact
                            }
                        }
                    }
                }
            }
        }
    }

    KButton {
        id: backButton
        objectName: "orderTypeBackButton"
        visible: !screen.kiosk.easyMode  // easy mode: the fixed bar's Home, in its one place
        anchors {
            left: parent.left
            bottom: parent.bottom
            margins: Theme.gapLarge
        }
        text: qsTr("처음으로")
        width: Theme.s(220)
        onClicked: screen.kiosk.back()
    }
    KButton {
        id: easyButton
        objectName: "orderTypeEasyModeButton"
        anchors {
            right: parent.right
            bottom: parent.bottom
            margins: Theme.gapLarge
        }
        width: Math.min(Theme.s(400), screen.width - (backButton.visible ? backButton.width + Theme.gapLarge : 0) - Theme.gapLarge * 2)
        checked: screen.kiosk.easyMode
        fill: checked ? Theme.selected : Theme.surface
        ink: checked ? Theme.selectedInk : Theme.text
        text: (checked ? "✓ " : "") + qsTr("큰 글씨 · 쉬운 주문")
        accessibleName: checked ? qsTr("큰 글씨 쉬운 주문 끄기") : qsTr("큰 글씨 쉬운 주문 켜기")
        onClicked: screen.kiosk.setEasyMode(!checked)
    }

    // Easy mode: Home / Back / Help in the same place on every screen, just below this one's content.
    EasyNavBar {
        id: easyNav
        kiosk: screen.kiosk
        y: screen.height
    }
}
