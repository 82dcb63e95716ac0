// Cart review: lines with their options, quantity + / −, remove, order type and the VAT-included total.
import QtQuick
import "../common"

FocusScope {
    id: screen
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent

    Text {
        id: title
        anchors { left: parent.left; top: parent.top; margins: Theme.gapLarge }
        width: (screen.portrait ? screen.width : summary.x) - Theme.gapLarge * 2
        wrapMode: Text.Wrap
        text: qsTr("주문 내역을 확인해 주세요")
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.bold: true
    }

    ListView {
        id: lines
        objectName: "cartLines"
        anchors { left: parent.left; right: screen.portrait ? parent.right : summary.left; top: title.bottom
                  bottom: screen.portrait ? summary.top : parent.bottom; margins: Theme.gapLarge }
        spacing: Theme.gap
        clip: true
        model: screen.kiosk.cartLines
        cacheBuffer: 4000
        delegate: Rectangle {
            id: line
            required property int index
            required property string name
            required property string optionsText
            required property int quantity
            required property string totalText
            required property string image
            width: lines.width
            height: Math.max(Theme.s(150), info.implicitHeight + controls.height + Theme.gap * 3)
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            ItemImage {
                id: thumb
                anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.gap }
                width: height
                source: line.image
                label: line.name
            }
            Column {
                id: info
                anchors { left: thumb.right; right: parent.right; top: parent.top; margins: Theme.gap }
                spacing: Theme.s(4)
                Text {
                    objectName: "lineName_" + line.index
                    width: parent.width
                    text: line.name
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    elide: Text.ElideRight
                }
                Text {
                    width: parent.width
                    visible: text !== ""
                    text: line.optionsText
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                Text {
                    text: line.totalText
                    color: Theme.primary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                }
            }
            Row {
                id: controls
                anchors { right: parent.right; bottom: parent.bottom; margins: Theme.gap }
                spacing: Theme.gapSmall
                KButton {
                    objectName: "lineMinus_" + line.index
                    text: "−"
                    accessibleName: qsTr("%1 수량 줄이기").arg(line.name)
                    width: Theme.s(64); height: Theme.s(64)
                    enabled_: line.quantity > 1
                    onClicked: screen.kiosk.changeLineQuantity(line.index, -1)
                }
                Text {
                    objectName: "lineQty_" + line.index
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.s(48)
                    horizontalAlignment: Text.AlignHCenter
                    text: line.quantity
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                KButton {
                    objectName: "linePlus_" + line.index
                    text: "+"
                    accessibleName: qsTr("%1 수량 늘리기").arg(line.name)
                    width: Theme.s(64); height: Theme.s(64)
                    onClicked: screen.kiosk.changeLineQuantity(line.index, 1)
                }
                KButton {
                    objectName: "lineRemove_" + line.index
                    text: qsTr("삭제")
                    accessibleName: qsTr("%1 삭제").arg(line.name)
                    height: Theme.s(64)
                    quiet: true
                    ink: Theme.danger
                    onClicked: screen.kiosk.removeLine(line.index)
                }
            }
        }
    }

    Rectangle {
        id: summary
        anchors { right: parent.right; bottom: parent.bottom }
        width: screen.portrait ? parent.width : Math.max(parent.width * 0.42, Theme.s(420))
        height: screen.portrait ? summaryColumn.implicitHeight + Theme.gapLarge * 2 : parent.height
        color: Theme.surface
        border.color: Theme.border
        Column {
            id: summaryColumn
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.gapLarge }
            spacing: Theme.gap
            Row {
                spacing: Theme.gap
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("주문 방식")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
                KButton {
                    objectName: "cartDineIn"
                    text: qsTr("매장")
                    width: Math.min(Theme.s(150), (summaryColumn.width - Theme.s(130)) / 2 - Theme.gap)
                    checked: screen.kiosk.orderType === "dine_in"
                    onClicked: screen.kiosk.chooseOrderType("dine_in")
                }
                KButton {
                    objectName: "cartTakeOut"
                    text: qsTr("포장")
                    width: Math.min(Theme.s(150), (summaryColumn.width - Theme.s(130)) / 2 - Theme.gap)
                    checked: screen.kiosk.orderType === "take_out"
                    onClicked: screen.kiosk.chooseOrderType("take_out")
                }
            }
            // Count and VAT beside the total, or above it when both do not fit on one line.
            Grid {
                width: parent.width
                columns: countColumn.implicitWidth + totalText.implicitWidth + Theme.gap <= width ? 2 : 1
                columnSpacing: Math.max(Theme.gap, width - countColumn.implicitWidth - totalText.implicitWidth)
                rowSpacing: Theme.gapSmall
                verticalItemAlignment: Grid.AlignVCenter
                Column {
                    id: countColumn
                    Text {
                        text: qsTr("총 %1개").arg(screen.kiosk.cartCount)
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                    }
                    Text {
                        objectName: "vatText"
                        text: qsTr("부가세 %1 포함").arg(screen.kiosk.vatText)
                        color: Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                    }
                }
                Text {
                    id: totalText
                    objectName: "cartScreenTotal"
                    text: screen.kiosk.cartTotalText
                    color: Theme.primary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHuge * 0.75
                    font.bold: true
                }
            }
            Grid {
                width: parent.width
                columns: screen.portrait ? 2 : 1
                spacing: Theme.gap
                KButton {
                    id: more
                    objectName: "moreMenuButton"
                    width: screen.portrait ? (parent.width - Theme.gap) * 0.38 : parent.width
                    height: Theme.s(96)
                    text: qsTr("메뉴 더 담기")
                    onClicked: screen.kiosk.back()
                }
                KButton {
                    objectName: "payButton"
                    width: screen.portrait ? parent.width - more.width - Theme.gap : parent.width
                    height: Theme.s(96)
                    primary: true
                    fontSize: Theme.fontLarge
                    text: qsTr("%1 결제하기").arg(screen.kiosk.cartTotalText)
                    onClicked: screen.kiosk.checkoutCart()
                }
            }
        }
    }
}
