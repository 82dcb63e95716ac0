// The cart summary: count and total always visible, with cancel and order buttons.
import QtQuick
import "../common"

Rectangle {
    id: bar
    required property var kiosk
    height: Theme.bottomBar
    color: Theme.surface
    border.color: Theme.border

    KButton {
        id: cancelButton
        objectName: "cancelOrderButton"
        anchors { left: parent.left; leftMargin: Theme.gap; verticalCenter: parent.verticalCenter }
        height: Theme.s(88)
        text: qsTr("처음으로")
        onClicked: bar.kiosk.cancelOrder()
    }
    KCard {
        id: cartButton
        objectName: "cartSummary"
        anchors { left: cancelButton.right; right: orderButton.left; margins: Theme.gap; verticalCenter: parent.verticalCenter }
        height: Theme.s(88)
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
            elide: Text.ElideRight
            // At large scales the total needs the room: a smaller label, or none, never a cut word.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontSmall
            visible: width >= minimumPixelSize * 2
            text: qsTr("장바구니")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        Text {
            id: totalLabel
            objectName: "cartTotal"
            anchors { right: parent.right; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
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
        anchors { right: parent.right; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
        height: Theme.s(88)
        width: Math.max(implicitWidth, Theme.s(200))
        primary: true
        enabled_: bar.kiosk.cartCount > 0
        fontSize: Theme.fontLarge
        text: qsTr("주문하기")
        onClicked: bar.kiosk.openCart()
    }
}
