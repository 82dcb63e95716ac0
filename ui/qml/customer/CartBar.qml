// The cart summary: count and total always visible, with cancel and order buttons.
import QtQuick
import "../common"

Rectangle {
    id: bar
    required property var kiosk
    // Narrow screens at large scales: the summary on a row of its own above the buttons, so the count and
    // the total never run into each other or the buttons.
    // Easy mode: the fixed bar under the screen has Home (EasyNavBar.qml); one "처음으로" is enough.
    readonly property bool withCancel: !kiosk.easyMode
    readonly property bool stacked: column || width < (withCancel ? Theme.s(620) : Theme.s(460))
    // A short screen at a large scale (a landscape window at 2.0): buttons at the touch minimum, so the menu
    // above keeps room for whole cards.
    property bool compact: false
    // Beside the menu, under the category rail (easy mode, a short landscape window): the summary above the
    // order button, in a column.
    property bool column: false
    readonly property int space: compact ? Theme.gapSmall : Theme.gap
    readonly property int rowHeight: compact ? Theme.touchMin : stacked ? Math.max(Theme.touchMin, Theme.s(64)) : Theme.s(88)
    height: column ? rowHeight * 2 + space : stacked ? rowHeight * 2 + space * 3 : compact ? rowHeight + space * 2 : Theme.bottomBar
    color: column ? "transparent" : Theme.surface
    border.color: column ? "transparent" : Theme.border

    KButton {
        id: cancelButton
        objectName: "cancelOrderButton"
        anchors { left: parent.left; leftMargin: Theme.gap; bottom: parent.bottom; bottomMargin: bar.column ? 0 : bar.stacked ? bar.space : (bar.height - height) / 2 }
        visible: bar.withCancel
        height: bar.rowHeight
        width: visible ? Math.max(Theme.touchMin, Theme.s(170)) : 0  // fixed: the language never moves the buttons
        text: qsTr("처음으로")
        onClicked: bar.kiosk.cancelOrder()
    }
    KCard {
        id: cartButton
        objectName: "cartSummary"
        x: bar.column ? 0 : bar.stacked || !bar.withCancel ? Theme.gap : cancelButton.x + cancelButton.width + Theme.gap
        y: bar.column ? 0 : bar.stacked ? bar.space : (bar.height - height) / 2
        width: bar.column ? bar.width : bar.stacked ? bar.width - Theme.gap * 2 : orderButton.x - Theme.gap - x
        height: bar.rowHeight
        radius: Theme.radiusSmall
        color: pressed ? Qt.darker(Theme.surfaceAlt, 1.1) : Theme.surfaceAlt
        border.color: Theme.controlBorder
        border.width: Math.max(1, Theme.s(2))
        accessibleName: qsTr("장바구니 %1개, %2").arg(bar.kiosk.cartCount).arg(bar.kiosk.cartTotalText)
        onClicked: bar.kiosk.openCart()
        Rectangle {
            id: countBubble
            anchors { left: parent.left; leftMargin: Theme.gap; verticalCenter: parent.verticalCenter }
            width: Theme.s(52); height: width; radius: width / 2
            color: Theme.primary
            Text {
                objectName: "cartCount"
                anchors.centerIn: parent
                text: bar.kiosk.cartCount
                color: Theme.primaryInk
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
            }
        }
        Text {
            anchors { left: countBubble.right; leftMargin: Theme.gap; right: totalLabel.left; rightMargin: Theme.gapSmall; verticalCenter: parent.verticalCenter }
            // At large scales the total needs the room: a smaller label, or none, never a cut word.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontSmall
            visible: smallestLabel.width * 1.1 + Theme.s(4) <= width
            TextMetrics {
                id: smallestLabel
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                text: qsTr("장바구니")
            }
            text: qsTr("장바구니")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        Text {
            id: totalLabel
            objectName: "cartTotal"
            anchors { right: parent.right; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
            // Never into the count: where the card is narrow (a large scale, a column), the total is made to
            // fit (never under the small size).
            width: Math.min(implicitWidth, parent.width - countBubble.width - Theme.gap * 2 - Theme.gapSmall)
            horizontalAlignment: Text.AlignRight
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontSmall
            text: bar.kiosk.cartTotalText
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
    }
    KButton {
        id: orderButton
        objectName: "orderButton"
        anchors { right: parent.right; rightMargin: bar.column ? 0 : Theme.gap; bottom: cancelButton.bottom }
        height: bar.rowHeight
        width: bar.column ? bar.width
             : bar.stacked ? bar.width - (bar.withCancel ? cancelButton.width + Theme.gap : 0) - Theme.gap * 2 : Theme.s(220)
        primary: true
        enabled_: bar.kiosk.cartCount > 0
        fontSize: Theme.fontLarge
        text: qsTr("주문하기")
        onClicked: bar.kiosk.openCart()
    }
}
