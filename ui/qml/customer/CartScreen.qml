// Cart review: lines with their options, quantity + / −, remove, order type and the VAT-included total.
import QtQuick
import "../common"

FocusScope {
    id: screen
    focus: true  // the Loader is a focus scope: its screen takes the focus (keypad)
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent
    anchors.bottomMargin: easyNav.height  // easy mode's fixed bar below (EasyNavBar.qml)
    readonly property bool compact: height > 0 && height < Theme.s(620)  // a short screen at a large scale
    // A short landscape screen (1280x800 at 1.5 / 2.0): the order type scrolls with the lines as in portrait,
    // the title on one line, the lines' gaps and buttons smaller, so a whole line and the total with the pay
    // button show at once and the summary no longer scrolls.
    readonly property bool orderTypeInList: portrait || compact
    readonly property int pad: compact ? Theme.gap : Theme.gapLarge

    // The title scrolls with the lines (header); in portrait the order type does too (footer), so that
    // the total and the pay button keep their place at the bottom at any scale.
    Component {
        id: titleComponent
        Text {
            width: lines.width
            wrapMode: screen.compact ? Text.NoWrap : Text.Wrap
            bottomPadding: screen.compact ? Theme.gapSmall : Theme.gap
            text: qsTr("주문 내역을 확인해 주세요")
            // Short screens: one line, made to fit.
            fontSizeMode: screen.compact ? Text.HorizontalFit : Text.FixedSize
            minimumPixelSize: Theme.fontSmall
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: screen.compact ? Theme.fontLarge : Theme.fontTitle
            font.bold: true
        }
    }

    ListView {
        id: lines
        objectName: "cartLines"
        anchors {
            left: parent.left
            right: screen.portrait ? parent.right : summary.left
            top: parent.top
            bottom: screen.portrait ? summary.top : parent.bottom
            margins: screen.pad
        }
        header: titleComponent
        footer: Item {
            id: footerSlot
            width: lines.width
            height: screen.orderTypeInList ? orderTypeRow.height + screen.pad : 0
        }
        boundsBehavior: Flickable.StopAtBounds
        spacing: screen.compact ? Theme.gapSmall : Theme.gap
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
            readonly property int space: screen.compact ? Theme.gapSmall : Theme.gap
            height: Math.max(thumb.height, info.implicitHeight) + controls.height + space * 3
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            ItemImage {
                id: thumb
                anchors {
                    left: parent.left
                    top: parent.top
                    margins: line.space
                }
                // A fixed size, not the line's height: the words beside it wrap by its width (no layout loop).
                width: Math.min(Theme.s(screen.compact ? 100 : 150) - Theme.gap * 2, lines.width * 0.3)
                height: width
                source: line.image
                label: line.name
            }
            Column {
                id: info
                anchors {
                    left: thumb.right
                    right: parent.right
                    top: parent.top
                    margins: line.space
                }
                spacing: Theme.s(4)
                Text {
                    objectName: "lineName_" + line.index
                    width: parent.width
                    text: line.name
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                Text {
                    width: parent.width
                    visible: text !== ""
                    text: line.optionsText
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }
                Text {
                    text: line.totalText
                    color: Theme.primary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                }
            }
            // Under the photo and the words, right-aligned; they wrap on a narrow line instead of covering them.
            Flow {
                id: controls
                anchors {
                    right: parent.right
                    bottom: parent.bottom
                    margins: line.space
                }
                width: Math.min(line.width - Theme.gap * 2, minusButton.width + qtyText.width + plusButton.width
                                + removeButton.width + spacing * 3)
                spacing: Theme.gapSmall
                KButton {
                    id: minusButton
                    objectName: "lineMinus_" + line.index
                    text: "−"
                    accessibleName: qsTr("%1 수량 줄이기").arg(line.name)
                    width: screen.compact ? Theme.touchMin : Theme.s(64)
                    height: width
                    enabled_: line.quantity > 1
                    onClicked: screen.kiosk.changeLineQuantity(line.index, -1)
                }
                Text {
                    id: qtyText
                    objectName: "lineQty_" + line.index
                    height: minusButton.height
                    verticalAlignment: Text.AlignVCenter
                    width: Theme.s(screen.compact ? 40 : 48)
                    horizontalAlignment: Text.AlignHCenter
                    text: line.quantity
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                KButton {
                    id: plusButton
                    objectName: "linePlus_" + line.index
                    text: "+"
                    accessibleName: qsTr("%1 수량 늘리기").arg(line.name)
                    width: screen.compact ? Theme.touchMin : Theme.s(64)
                    height: width
                    onClicked: screen.kiosk.changeLineQuantity(line.index, 1)
                }
                KButton {
                    id: removeButton
                    objectName: "lineRemove_" + line.index
                    text: qsTr("삭제")
                    accessibleName: qsTr("%1 삭제").arg(line.name)
                    height: minusButton.height
                    // Short screens: a narrower margin round the word, so − 1 + and remove stay on one row.
                    width: screen.compact ? implicitWidth - Theme.gapLarge * 2 + Theme.gap * 2 : implicitWidth
                    quiet: true
                    ink: Theme.danger
                    onClicked: screen.kiosk.removeLine(line.index)
                }
            }
        }
    }

    Rectangle {
        id: summary
        anchors {
            right: parent.right
            bottom: parent.bottom
        }
        width: screen.portrait ? parent.width : Math.min(parent.width * 0.5, Math.max(parent.width * 0.42, Theme.s(420)))
        height: screen.portrait ? Math.min(summaryColumn.implicitHeight + buttons.height + Theme.gap + Theme.gapLarge * 2, screen.height * 0.6) : parent.height
        color: Theme.surface
        border.color: Theme.border
        // Order type and totals; they scroll when a large scale leaves too little room above the buttons.
        Flickable {
            id: summaryFlick
            objectName: "summaryScroll"
            anchors {
                left: parent.left
                right: parent.right
                top: parent.top
                bottom: buttons.top
                leftMargin: screen.pad
                rightMargin: screen.pad
                topMargin: screen.pad
                bottomMargin: Theme.gap
            }
            contentHeight: summaryColumn.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            Column {
                id: summaryColumn
                width: summaryFlick.width
                y: Math.max(0, summaryFlick.height - implicitHeight)
                spacing: Theme.gap
                Item {
                    id: orderTypeSlot
                    width: parent.width
                    height: screen.orderTypeInList ? 0 : orderTypeRow.height
                }
                // The label and the two choices; the choices go under the label when they do not fit beside it.
                Flow {
                    id: orderTypeRow
                    parent: screen.orderTypeInList && lines.footerItem ? lines.footerItem : orderTypeSlot
                    y: screen.orderTypeInList ? screen.pad : 0
                    width: parent ? parent.width : 0
                    spacing: Theme.gap
                    Text {
                        height: Math.max(implicitHeight, Theme.touchMin)
                        verticalAlignment: Text.AlignVCenter
                        text: qsTr("주문 방식")
                        color: Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                    }
                    KButton {
                        objectName: "cartDineIn"
                        text: qsTr("매장")
                        width: Math.max(implicitWidth, Theme.s(150))
                        checked: screen.kiosk.orderType === "dine_in"
                        onClicked: screen.kiosk.chooseOrderType("dine_in")
                    }
                    KButton {
                        objectName: "cartTakeOut"
                        text: qsTr("포장")
                        width: Math.max(implicitWidth, Theme.s(150))
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
                        font.pixelSize: screen.compact ? Theme.fontTitle : Theme.fontHuge * 0.75
                        font.bold: true
                    }
                }
            }
        }
        ScrollHint {
            view: summaryFlick
            atStart: true
            vertical: true
        }
        ScrollHint {
            view: summaryFlick
            atStart: false
            vertical: true
        }
        // Always in view at the bottom.
        Grid {
            id: buttons
            anchors {
                left: parent.left
                right: parent.right
                bottom: parent.bottom
                margins: screen.pad
            }
            columns: screen.portrait || screen.compact ? 2 : 1
            spacing: Theme.gap
            KButton {
                id: more
                objectName: "moreMenuButton"
                width: buttons.columns === 2 ? (parent.width - Theme.gap) * 0.38 : parent.width
                height: Math.max(Theme.s(96), implicitHeight)
                text: qsTr("메뉴 더 담기")
                onClicked: screen.kiosk.back()
            }
            KButton {
                objectName: "payButton"
                    focus: true  // keypad: Enter goes on to pay; arrows reach the lines
                width: buttons.columns === 2 ? parent.width - more.width - Theme.gap : parent.width
                height: Math.max(Theme.s(96), implicitHeight)
                primary: true
                fontSize: Theme.fontLarge
                // An order begun while the kiosk was still starting (the payment side loads after "touch to
                // start"): the button says so and waits, a moment at most (docs/PERFORMANCE.md, cold start).
                enabled_: screen.kiosk.payReady
                text: screen.kiosk.payReady ? qsTr("%1 결제하기").arg(screen.kiosk.cartTotalText)
                                            : qsTr("잠시만 기다려 주세요")  // short: it fits the button at 2.0
                onClicked: screen.kiosk.checkoutCart()
            }
        }
    }

    // Easy mode: Home / Back / Help in the same place on every screen, just below this one's content.
    EasyNavBar {
        id: easyNav
        kiosk: screen.kiosk
        y: screen.height
    }
}
