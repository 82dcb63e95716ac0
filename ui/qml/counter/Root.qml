// The counter POS (docs/COUNTER.md): staff ring up orders fast — categories, a dense menu grid, options of
// the selected line in place, quantity keys, the running ticket — and take card, QR, cash (quick-cash
// keys, the change shown big), split payments, 온누리상품권 and cash receipts; the business day's open,
// paid in / out, no-sale, X / Z and the closing count. Every decision is the core's (ui/counter/viewmodel.py).
import QtQuick
import "../common"

Rectangle {
    id: root
    objectName: "counterRoot"
    required property var vm
    required property var staff
    required property bool portrait
    color: Theme.background

    property string dialog: ""      // "" | noSale | paidIn | paidOut | discount | refund | receipt | recall | close
    property var closeCounts: [0, 0, 0, 0, 0, 0, 0, 0]
    readonly property int cell: Theme.s(48)
    readonly property int ticketWidth: Math.min(Theme.s(420), width * 0.45)
    readonly property bool selling: vm.dayOpen && !vm.paying && dialog === "" && vm.report === "" && vm.approval === ""

    function won(n) { return qsTr("%1원").arg(Number(n).toLocaleString(Qt.locale("ko_KR"), "f", 0)) }
    function countedTotal() {
        var t = 0
        for (var i = 0; i < vm.denominations.length; i++) t += vm.denominations[i] * closeCounts[i]
        return t
    }

    // Any touch restarts the idle sign-out.
    MouseArea {
        anchors.fill: parent
        z: 100
        onPressed: (mouse) => { root.staff.touch(); mouse.accepted = false }
    }

    // --- the top bar: day, message, who ------------------------------------------------------------
    Rectangle {
        id: topBar
        objectName: "counterTopBar"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.s(64)
        color: Theme.dark
        Text {
            id: dayLabel
            objectName: "dayText"
            anchors { left: parent.left; leftMargin: Theme.gap; verticalCenter: parent.verticalCenter }
            text: root.vm.dayText
            color: Theme.darkInk
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
        }
        Text {
            id: who
            anchors { right: signOut.left; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
            text: root.staff.personName
            color: Theme.darkInk
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
        }
        KButton {
            id: signOut
            objectName: "counterSignOut"
            anchors { right: parent.right; rightMargin: Theme.gapSmall; verticalCenter: parent.verticalCenter }
            height: Theme.s(52)
            text: qsTr("로그아웃")
            fontSize: Theme.fontSmall
            onClicked: root.staff.signOut()
        }
    }

    // --- the menu: categories, code entry, the grid, the options of the selected line --------------
    Item {
        id: menuArea
        anchors { left: parent.left; top: topBar.bottom; margins: Theme.gapSmall }
        width: root.portrait ? parent.width - 2 * Theme.gapSmall : parent.width - root.ticketWidth - 3 * Theme.gapSmall
        height: root.portrait ? (parent.height - topBar.height) * (Theme.scale > 1.5 ? 0.44 : 0.52) : parent.height - topBar.height - 2 * Theme.gapSmall

        // The categories wrap onto a second row rather than hide behind a swipe; beyond two rows (big type)
        // the rest scroll.
        Flickable {
            id: categoryBar
            anchors { left: parent.left; right: codeBox.left; rightMargin: codeBox.visible ? Theme.gapSmall : 0; top: parent.top }
            height: Math.min(categoryFlow.implicitHeight, Theme.s(52) * 2 + Theme.s(6))
            contentHeight: categoryFlow.implicitHeight
            clip: true
            Flow {
                id: categoryFlow
                width: parent.width
                spacing: Theme.s(6)
                Repeater {
                    model: root.vm.categories
                    KButton {
                        objectName: "category_" + modelData.id
                        height: Theme.s(52)
                        text: modelData.name
                        fontSize: Theme.fontSmall
                        checked: root.vm.category === modelData.id
                        onClicked: root.vm.selectCategory(modelData.id)
                    }
                }
            }
        }

        Rectangle {
            id: codeBox
            anchors { right: parent.right; top: parent.top }
            visible: menuArea.width >= Theme.s(560)  // too narrow (big type): the categories come first
            width: visible ? Theme.s(170) : 0; height: Theme.s(52)
            radius: Theme.radiusSmall
            color: Theme.surface
            border.color: codeInput.activeFocus ? Theme.focusRing : Theme.border
            border.width: Math.max(1, Theme.s(2))
            TextInput {
                id: codeInput
                objectName: "codeInput"
                anchors { fill: parent; margins: Theme.gapSmall }
                verticalAlignment: TextInput.AlignVCenter
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall
                color: Theme.text
                clip: true
                activeFocusOnTab: true
                Accessible.name: qsTr("상품 코드 / 바코드")
                onAccepted: { if (root.vm.enterCode(text)) text = "" }
            }
            Text {
                anchors { fill: parent; margins: Theme.gapSmall }
                verticalAlignment: Text.AlignVCenter
                visible: codeInput.text === "" && !codeInput.activeFocus
                text: qsTr("코드·바코드")
                color: Theme.textMuted
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall
            }
        }

        Flickable {
            id: grid
            objectName: "menuGrid"
            anchors { left: parent.left; right: parent.right; top: categoryBar.bottom; bottom: options.top; topMargin: Theme.gapSmall; bottomMargin: Theme.gapSmall }
            contentHeight: itemGrid.height
            clip: true
            readonly property int columns: Math.max(2, Math.floor(width / Theme.s(150)))
            Grid {
                id: itemGrid
                columns: grid.columns
                spacing: Theme.s(6)
                Repeater {
                    model: root.vm.items
                    KButton {
                        objectName: "item_" + modelData.id
                        width: (grid.width - (grid.columns - 1) * Theme.s(6)) / grid.columns
                        height: Theme.s(84)
                        text: modelData.name
                        subText: modelData.soldOut ? qsTr("품절") : root.won(modelData.price)
                        fontSize: Theme.fontSmall
                        enabled_: !modelData.soldOut && root.selling
                        onClicked: root.vm.tapItem(modelData.id)
                    }
                }
            }
        }

        Rectangle {
            id: options
            objectName: "optionsPanel"
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            height: root.vm.optionGroups.length > 0 ? Math.min(optionFlow.implicitHeight + 2 * Theme.gapSmall, parent.height * 0.45) : 0
            visible: height > 0
            color: Theme.surfaceAlt
            radius: Theme.radiusSmall
            clip: true
            Flickable {
                anchors { fill: parent; margins: Theme.gapSmall }
                contentHeight: optionFlow.implicitHeight
                clip: true
                Flow {
                    id: optionFlow
                    width: parent.width
                    spacing: Theme.s(6)
                    Repeater {
                        model: root.vm.optionGroups
                        // A group on one line when it fits, else its buttons wrap (longer English names)
                        Flow {
                            id: group
                            property string gid: modelData.id
                            spacing: Theme.s(6)
                            width: {
                                var w = -spacing
                                for (var i = 0; i < children.length; ++i)
                                    if (children[i].width > 0) w += children[i].width + spacing
                                return Math.min(optionFlow.width, Math.max(0, w))
                            }
                            Text {
                                height: root.cell
                                verticalAlignment: Text.AlignVCenter
                                text: modelData.name
                                color: Theme.textMuted
                                font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall; font.bold: true
                            }
                            Repeater {
                                model: modelData.options
                                KButton {
                                    objectName: "option_" + group.gid + "_" + modelData.id
                                    height: Math.max(root.cell, implicitHeight)
                                    text: modelData.name + (modelData.count > 1 ? " ×" + modelData.count : "")
                                    subText: modelData.delta > 0 ? "+" + root.won(modelData.delta) : ""
                                    fontSize: Theme.fontSmall
                                    checked: modelData.count > 0
                                    enabled_: root.selling
                                    onClicked: root.vm.tapOption(group.gid, modelData.id)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // --- the ticket: order type, lines, totals, keys, pay ----------------------------------------------
    Rectangle {
        id: ticketArea
        objectName: "ticketPanel"
        anchors {
            right: parent.right; bottom: parent.bottom; margins: Theme.gapSmall
            top: root.portrait ? menuArea.bottom : topBar.bottom
        }
        width: root.portrait ? parent.width - 2 * Theme.gapSmall : root.ticketWidth
        color: Theme.surface
        radius: Theme.radiusSmall
        border.color: Theme.border

        Row {
            id: typeRow
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gapSmall }
            spacing: Theme.gapSmall
            visible: !ticketArea.compact  // compact: 매장 / 포장 is a key beside −1 / +1
            height: visible ? implicitHeight : 0
            KButton {
                objectName: "dineIn"
                width: (parent.width - Theme.gapSmall) / 2; height: root.cell
                text: qsTr("매장"); fontSize: Theme.fontSmall
                checked: root.vm.orderType === "dine_in"
                onClicked: root.vm.setOrderType("dine_in")
            }
            KButton {
                objectName: "takeOut"
                width: (parent.width - Theme.gapSmall) / 2; height: root.cell
                text: qsTr("포장"); fontSize: Theme.fontSmall
                checked: root.vm.orderType === "take_out"
                onClicked: root.vm.setOrderType("take_out")
            }
        }

        ListView {
            id: lineList
            objectName: "ticketLines"
            anchors { left: parent.left; right: parent.right; top: typeRow.bottom; bottom: totals.top; margins: Theme.gapSmall }
            clip: true
            model: root.vm.lines
            spacing: Theme.s(4)
            delegate: Rectangle {
                objectName: "line_" + index
                width: lineList.width
                height: lineText.implicitHeight + Theme.gapSmall * 2
                radius: Theme.radiusSmall
                color: modelData.selected ? (Theme.highContrast ? "#333300" : "#FDE7D6") : Theme.surface
                border.color: modelData.selected ? Theme.primary : Theme.border
                border.width: Math.max(1, Theme.s(2))
                Column {
                    id: lineText
                    anchors { left: parent.left; right: lineTotal.left; margins: Theme.gapSmall; verticalCenter: parent.verticalCenter }
                    Text {
                        width: parent.width
                        text: modelData.name + "  ×" + modelData.quantity
                        color: Theme.text
                        font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall; font.bold: true
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        width: parent.width
                        visible: text !== ""
                        text: modelData.options + (modelData.discount > 0 ? (modelData.options ? " · " : "") + qsTr("할인") + " -" + root.won(modelData.discount) : "")
                        color: Theme.textMuted
                        font.family: Theme.fontFamily; font.pixelSize: Theme.s(17)
                        wrapMode: Text.WordWrap
                    }
                }
                Text {
                    id: lineTotal
                    anchors { right: parent.right; rightMargin: Theme.gapSmall; verticalCenter: parent.verticalCenter }
                    text: root.won(modelData.total)
                    color: Theme.text
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall; font.bold: true
                }
                MouseArea { anchors.fill: parent; onClicked: root.vm.selectLine(index) }
            }
        }

        Column {
            id: totals
            anchors { left: parent.left; right: parent.right; bottom: keys.top; margins: Theme.gapSmall }
            spacing: Theme.s(2)
            Text {
                objectName: "counterMessage"
                width: parent.width
                visible: text !== ""
                text: root.vm.message
                color: root.vm.messageIsError ? Theme.danger : Theme.accent
                font.family: Theme.fontFamily; font.pixelSize: Theme.s(18); font.bold: root.vm.messageIsError
                wrapMode: Text.WordWrap
                maximumLineCount: 3
            }
            Text {
                visible: root.vm.discountTotal > 0
                width: parent.width
                text: qsTr("할인") + " -" + root.won(root.vm.discountTotal)
                horizontalAlignment: Text.AlignRight
                color: Theme.accent
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall
            }
            Text {
                objectName: "ticketTotal"
                width: parent.width
                text: qsTr("합계") + " " + root.won(root.vm.total)
                horizontalAlignment: Text.AlignRight
                color: Theme.text
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true
            }
        }

        // Every function key when there is room; else −1 / +1 / 삭제 / 기능 and the rest in a sheet.
        readonly property var allKeys: [
            { id: "minus", label: qsTr("−1") }, { id: "plus", label: qsTr("+1") },
            { id: "delete", label: qsTr("삭제") }, { id: "clear", label: qsTr("비우기") },
            { id: "hold", label: qsTr("보류") }, { id: "recall", label: qsTr("불러오기") },
            { id: "discount", label: qsTr("할인") }, { id: "noSale", label: qsTr("노세일") },
            { id: "paidIn", label: qsTr("입금") }, { id: "paidOut", label: qsTr("출금") },
            { id: "refund", label: qsTr("환불") }, { id: "x", label: qsTr("X 점검") },
            { id: "close", label: qsTr("마감") }, { id: "lastZ", label: qsTr("Z 조회") }
        ]
        readonly property int fullRows: Math.ceil(allKeys.length / (root.portrait ? 7 : 4))
        readonly property bool compact: height < root.cell * (fullRows + 2) + Theme.s(6) * fullRows + Theme.s(68) + Theme.s(260)
        Grid {
            id: keys
            anchors { left: parent.left; right: parent.right; bottom: payButton.top; margins: Theme.gapSmall }
            columns: ticketArea.compact ? 5 : root.portrait ? 7 : 4
            spacing: Theme.s(6)
            readonly property real keyWidth: (width - (columns - 1) * spacing) / columns
            Repeater {
                model: ticketArea.compact
                       ? ticketArea.allKeys.slice(0, 3).concat([{ id: "type", label: root.vm.orderType === "take_out" ? qsTr("포장") : qsTr("매장") },
                                                                 { id: "more", label: qsTr("기능") }])
                       : ticketArea.allKeys
                KButton {
                    objectName: "key_" + modelData.id
                    width: keys.keyWidth; height: root.cell
                    text: modelData.label
                    // the longest word fits the key: smaller type rather than a cut word (English is longer)
                    fontSize: Math.max(Theme.s(12), Math.min(Theme.s(19),
                                       Math.floor(Theme.s(19) * (width - Theme.gap - Theme.s(4)) / Math.max(1, longest.advanceWidth))))
                    TextMetrics {
                        id: longest
                        font.family: Theme.fontFamily; font.pixelSize: Theme.s(19); font.bold: true
                        text: modelData.label.split(" ").reduce(function (a, b) { return a.length >= b.length ? a : b })
                    }
                    enabled_: root.vm.dayOpen || ["lastZ", "more", "type"].indexOf(modelData.id) >= 0
                    onClicked: root.key(modelData.id)
                }
            }
        }

        KButton {
            id: payButton
            objectName: "payButton"
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.gapSmall }
            height: Theme.s(68)
            primary: true
            text: qsTr("결제") + "  " + root.won(root.vm.total)
            fontSize: Theme.fontLarge
            enabled_: root.selling && root.vm.itemCount > 0
            onClicked: root.vm.pay()
        }
    }

    function key(id) {
        if (id === "minus") vm.changeQuantity(-1)
        else if (id === "plus") vm.changeQuantity(1)
        else if (id === "delete") vm.deleteLine()
        else if (id === "clear") vm.clearTicket()
        else if (id === "hold") vm.hold()
        else if (id === "x") vm.xReport()
        else if (id === "lastZ") vm.lastZ()
        else if (id === "more") dialog = "functions"
        else if (id === "type") vm.setOrderType(vm.orderType === "take_out" ? "dine_in" : "take_out")
        else if (id === "close") { closeCounts = [0, 0, 0, 0, 0, 0, 0, 0]; dialog = "close"; vm.openDrawerForCount() }
        else { dialogPad.value = ""; reasonInput.text = ""; dialog = id }
    }

    // --- overlays -------------------------------------------------------------------------------------
    component Sheet: Rectangle {
        default property alias content: body.data
        property string title: ""
        anchors.fill: parent
        color: Theme.scrim
        z: 10
        MouseArea { anchors.fill: parent }  // nothing under the sheet takes a tap
        Rectangle {
            id: panel
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.gap, Theme.s(860))
            height: Math.min(parent.height - 2 * Theme.gap, body.childrenRect.height + titleText.height + 3 * Theme.gap)
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: Theme.highContrast ? 2 : 0
            Text {
                id: titleText
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
                text: title
                color: Theme.text
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true
                wrapMode: Text.WordWrap
            }
            Flickable {
                anchors { left: parent.left; right: parent.right; top: titleText.bottom; bottom: parent.bottom; margins: Theme.gap }
                contentHeight: body.childrenRect.height
                clip: true
                Item { id: body; width: parent.width; height: childrenRect.height }
            }
        }
    }

    // 개점: the float counted into the drawer
    Sheet {
        objectName: "openDaySheet"
        visible: !root.vm.dayOpen && root.vm.report === ""
        title: qsTr("개점 · 시재금 입력")
        Column {
            width: parent.width
            spacing: Theme.gap
            Text {
                objectName: "floatDisplay"
                text: root.won(floatPad.value === "" ? 0 : floatPad.value)
                color: Theme.text
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
            }
            Keypad { id: floatPad; prefix: "floatKey" }
            Flow {
                width: parent.width
                spacing: Theme.gap
                KButton {
                    objectName: "openDayButton"
                    primary: true
                    text: qsTr("개점")
                    onClicked: { root.vm.openDay(floatPad.value === "" ? 0 : parseInt(floatPad.value)); floatPad.value = "" }
                }
                KButton { objectName: "openLastZ"; text: qsTr("Z 조회"); onClicked: root.vm.lastZ() }
                KButton { text: qsTr("로그아웃"); onClicked: root.staff.signOut() }
            }
        }
    }

    // 결제: card, QR, cash with quick keys, vouchers, split, cash receipt
    Sheet {
        objectName: "paySheet"
        visible: root.vm.paying && root.vm.approval === ""
        title: qsTr("결제 · 받을 금액")
        Column {
            width: parent.width
            spacing: Theme.gapSmall
            Text {
                objectName: "dueText"
                text: root.won(root.vm.due)
                color: Theme.primary
                font.family: Theme.fontFamily; font.pixelSize: Theme.s(60); font.bold: true
            }
            Repeater {
                model: root.vm.tenders
                Text {
                    text: ({ cash: qsTr("현금"), card: qsTr("카드"), qr: "QR", barcode: qsTr("간편결제"), voucher: qsTr("온누리상품권") })[modelData.method]
                          + " " + root.won(modelData.amount) + (modelData.tendered ? " (" + qsTr("받음") + " " + root.won(modelData.tendered) + ")" : "")
                    color: Theme.text
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall
                }
            }
            Text {
                text: qsTr("입력") + ": " + (payPad.value === "" ? "-" : root.won(payPad.value)) + (root.vm.receiptMasked ? "   " + qsTr("현금영수증") + " " + root.vm.receiptMasked : "")
                color: Theme.text
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
            }
            Flow {
                width: parent.width
                spacing: Theme.gapSmall
                Grid {
                    columns: 2
                    spacing: Theme.gapSmall
                    readonly property int w: Theme.s(150)
                    KButton { objectName: "cashExact"; width: parent.w; primary: true; text: qsTr("현금 정확히"); fontSize: Theme.fontSmall; enabled_: !root.vm.inFlight; onClicked: root.vm.cash(0) }
                    KButton { objectName: "cashTyped"; width: parent.w; text: qsTr("현금 받음"); subText: qsTr("입력 금액"); fontSize: Theme.fontSmall; enabled_: payPad.value !== "" && !root.vm.inFlight; onClicked: { root.vm.cash(parseInt(payPad.value)); payPad.value = "" } }
                    KButton { objectName: "cash10000"; width: parent.w; text: "10,000"; fontSize: Theme.fontSmall; enabled_: !root.vm.inFlight; onClicked: root.vm.cash(10000) }
                    KButton { objectName: "cash50000"; width: parent.w; text: "50,000"; fontSize: Theme.fontSmall; enabled_: !root.vm.inFlight; onClicked: root.vm.cash(50000) }
                    KButton { objectName: "cardButton"; width: parent.w; text: qsTr("카드"); subText: payPad.value !== "" ? qsTr("분할") + " " + root.won(payPad.value) : ""; fontSize: Theme.fontSmall; enabled_: !root.vm.inFlight; onClicked: { root.vm.card("card", payPad.value === "" ? 0 : parseInt(payPad.value)); payPad.value = "" } }
                    KButton { objectName: "qrButton"; width: parent.w; text: qsTr("QR·간편결제"); fontSize: Theme.fontSmall; enabled_: !root.vm.inFlight; onClicked: { root.vm.card("qr", payPad.value === "" ? 0 : parseInt(payPad.value)); payPad.value = "" } }
                    KButton { objectName: "voucherButton"; width: parent.w; text: qsTr("온누리상품권"); subText: qsTr("권면 금액 입력"); fontSize: Theme.fontSmall; enabled_: payPad.value !== "" && !root.vm.inFlight; onClicked: { root.vm.voucher(parseInt(payPad.value)); payPad.value = "" } }
                    KButton { objectName: "receiptButton"; width: parent.w; text: qsTr("현금영수증"); fontSize: Theme.fontSmall; onClicked: { receiptPad.value = ""; root.dialog = "receipt" } }
                    KButton { objectName: "cancelPayment"; width: parent.w; text: qsTr("결제 취소"); fontSize: Theme.fontSmall; enabled_: !root.vm.inFlight; onClicked: root.vm.cancelPayment() }
                }
                Keypad { id: payPad; prefix: "payKey" }
            }
        }
    }

    // After a sale: the change, big
    Rectangle {
        objectName: "changeBanner"
        visible: root.vm.saleText !== "" && !root.vm.paying
        anchors { left: menuArea.left; right: menuArea.right; bottom: menuArea.bottom }
        height: Theme.s(150)
        z: 5
        radius: Theme.radius
        color: Theme.dark
        border.color: Theme.highContrast ? "#FFFFFF" : Theme.dark
        border.width: Theme.highContrast ? 2 : 0
        Column {
            anchors { left: parent.left; right: okSale.left; margins: Theme.gap; verticalCenter: parent.verticalCenter }
            Text {
                objectName: "changeText"
                width: parent.width
                fontSizeMode: Text.HorizontalFit  // the change is never cut: smaller type before that
                minimumPixelSize: Theme.fontBody
                text: qsTr("거스름돈") + " " + root.won(root.vm.change)
                color: Theme.highContrast ? "#FFE500" : "#FFD9A8"
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
            }
            Text {
                width: parent.width
                text: root.vm.saleText
                color: Theme.darkInk
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
        }
        KButton {
            id: okSale
            objectName: "dismissSale"
            anchors { right: parent.right; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
            text: qsTr("확인")
            onClicked: root.vm.dismissSale()
        }
    }

    // The function keys that do not fit beside the ticket
    Sheet {
        objectName: "functionsSheet"
        visible: root.dialog === "functions"
        title: qsTr("기능")
        Column {
            width: parent.width
            spacing: Theme.gap
            Flow {
                width: parent.width
                spacing: Theme.gapSmall
                Repeater {
                    model: ticketArea.allKeys.slice(3)
                    KButton {
                        objectName: "fn_" + modelData.id
                        text: modelData.label
                        enabled_: root.vm.dayOpen || modelData.id === "lastZ"
                        onClicked: { root.dialog = ""; root.key(modelData.id) }
                    }
                }
            }
            KButton { objectName: "functionsCancel"; text: qsTr("닫기"); onClicked: root.dialog = "" }
        }
    }

    // Reasons and amounts: no-sale, paid in / out, discount, refund, recall
    Sheet {
        objectName: "reasonSheet"
        visible: ["noSale", "paidIn", "paidOut", "discount", "refund", "recall"].indexOf(root.dialog) >= 0
        title: ({ noSale: qsTr("노세일: 금전함 열기"), paidIn: qsTr("입금"), paidOut: qsTr("출금"), discount: qsTr("할인"),
                  refund: qsTr("현금 환불 (주문번호)"), recall: qsTr("보류 불러오기") })[root.dialog] || ""
        Column {
            width: parent.width
            spacing: Theme.gapSmall
            Flow {
                width: parent.width
                spacing: Theme.s(6)
                visible: root.dialog !== "recall"
                Repeater {
                    // the reason is journaled in Korean (the shop's records); the button shows it translated
                    model: root.dialog === "noSale" ? [QT_TR_NOOP("잔돈 교환"), QT_TR_NOOP("시재 확인"), QT_TR_NOOP("기타")]
                         : root.dialog === "paidIn" ? [QT_TR_NOOP("잔돈 입금"), QT_TR_NOOP("기타")]
                         : root.dialog === "paidOut" ? [QT_TR_NOOP("재료 구입"), QT_TR_NOOP("택배비"), QT_TR_NOOP("기타")]
                         : root.dialog === "discount" ? [QT_TR_NOOP("단골"), QT_TR_NOOP("직원"), QT_TR_NOOP("유통기한 임박"), QT_TR_NOOP("서비스")]
                         : [QT_TR_NOOP("고객 변심"), QT_TR_NOOP("주문 실수"), QT_TR_NOOP("상품 문제")]
                    KButton {
                        objectName: "reason_" + index
                        height: root.cell
                        text: qsTr(modelData)
                        fontSize: Theme.fontSmall
                        checked: reasonInput.text === modelData
                        onClicked: reasonInput.text = modelData
                    }
                }
            }
            TextInput { id: reasonInput; visible: false }
            Flow {
                width: parent.width
                spacing: Theme.gapSmall
                visible: root.dialog === "discount"
                KButton { objectName: "discountAmount"; height: root.cell; text: qsTr("원"); checked: !reasonSheetPercent.on; onClicked: reasonSheetPercent.on = false }
                KButton { objectName: "discountPercent"; height: root.cell; text: "%"; checked: reasonSheetPercent.on; onClicked: reasonSheetPercent.on = true }
                KButton { objectName: "discountTicket"; height: root.cell; text: qsTr("주문 전체"); checked: !reasonSheetPercent.line; onClicked: reasonSheetPercent.line = false }
                KButton { objectName: "discountLine"; height: root.cell; text: qsTr("선택 상품"); checked: reasonSheetPercent.line; onClicked: reasonSheetPercent.line = true }
                QtObject { id: reasonSheetPercent; property bool on: false; property bool line: false }
            }
            Repeater {
                model: root.dialog === "recall" ? root.vm.held : []
                KButton {
                    objectName: "held_" + modelData.number
                    width: parent.width
                    text: qsTr("보류") + " " + modelData.number + " · " + modelData.count + qsTr("개") + " · " + root.won(modelData.total)
                    // the recall empties this list and destroys this button: take what is needed first
                    onClicked: { const vm = root.vm, number = modelData.number; root.dialog = ""; vm.recall(number) }
                }
            }
            Text {
                visible: root.dialog !== "noSale" && root.dialog !== "recall"
                text: dialogPad.value === "" ? "-" : (root.dialog === "refund" ? qsTr("주문") + " " + dialogPad.value
                      : reasonSheetPercent.on && root.dialog === "discount" ? dialogPad.value + "%" : root.won(dialogPad.value))
                color: Theme.text
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
            }
            Keypad { id: dialogPad; prefix: "dialogKey"; visible: root.dialog !== "noSale" && root.dialog !== "recall" }
            Flow {
                width: parent.width
                spacing: Theme.gap
                KButton {
                    objectName: "dialogOk"
                    primary: true
                    visible: root.dialog !== "recall"
                    text: qsTr("확인")
                    enabled_: reasonInput.text !== "" && (root.dialog === "noSale" || dialogPad.value !== "")
                    onClicked: {
                        var n = dialogPad.value === "" ? 0 : parseInt(dialogPad.value)
                        var d = root.dialog
                        root.dialog = ""
                        if (d === "noSale") root.vm.noSale(reasonInput.text)
                        else if (d === "paidIn") root.vm.paid(reasonInput.text, n, false)
                        else if (d === "paidOut") root.vm.paid(reasonInput.text, n, true)
                        else if (d === "discount") root.vm.discount(reasonSheetPercent.on ? "percent" : "amount", n, reasonInput.text, reasonSheetPercent.line)
                        else if (d === "refund") root.vm.refundCash(n, reasonInput.text)
                    }
                }
                KButton { objectName: "dialogCancel"; text: qsTr("취소"); onClicked: root.dialog = "" }
            }
        }
    }

    // 현금영수증: identifier on a keypad, shown masked as it is typed
    Sheet {
        objectName: "receiptSheet"
        visible: root.dialog === "receipt"
        title: qsTr("현금영수증")
        property string kind: "phone"
        property string purpose: "deduction"
        Column {
            width: parent.width
            spacing: Theme.gapSmall
            Flow {
                width: parent.width
                spacing: Theme.s(6)
                Repeater {
                    model: [{ id: "phone", label: qsTr("휴대폰") }, { id: "card", label: qsTr("현금영수증카드") }, { id: "business", label: qsTr("사업자번호") }]
                    KButton { objectName: "receiptKind_" + modelData.id; height: root.cell; text: modelData.label; fontSize: Theme.fontSmall; checked: receiptState.kind === modelData.id; onClicked: { receiptState.kind = modelData.id; receiptState.purpose = modelData.id === "business" ? "proof" : "deduction" } }
                }
                KButton { objectName: "purposeDeduction"; height: root.cell; text: qsTr("소득공제"); fontSize: Theme.fontSmall; checked: receiptState.purpose === "deduction"; onClicked: receiptState.purpose = "deduction" }
                KButton { objectName: "purposeProof"; height: root.cell; text: qsTr("지출증빙"); fontSize: Theme.fontSmall; checked: receiptState.purpose === "proof"; onClicked: receiptState.purpose = "proof" }
                QtObject { id: receiptState; property string kind: "phone"; property string purpose: "deduction" }
            }
            Text {
                objectName: "receiptDigits"
                // never the whole number on screen: all but the last 4 digits hidden as they are typed
                text: receiptPad.value === "" ? "-" : "•".repeat(Math.max(0, receiptPad.value.length - 4)) + receiptPad.value.slice(-4)
                color: Theme.text
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
            }
            Keypad { id: receiptPad; prefix: "receiptKey"; maxLength: 19; allowDoubleZero: false; amount: false }
            Flow {
                width: parent.width
                spacing: Theme.gap
                KButton { objectName: "receiptOk"; primary: true; text: qsTr("적용"); enabled_: receiptPad.value.length >= 10; onClicked: { root.vm.setReceipt(receiptState.kind, receiptPad.value, receiptState.purpose); receiptPad.value = ""; root.dialog = "" } }
                KButton { objectName: "receiptNone"; text: qsTr("발급 안 함"); onClicked: { root.vm.clearReceipt(); receiptPad.value = ""; root.dialog = "" } }
            }
        }
    }

    // 마감: the count by denomination (blind: the expected figure hidden)
    Sheet {
        objectName: "closeSheet"
        visible: root.dialog === "close" && root.vm.report === "" && root.vm.approval === ""
        title: qsTr("마감 · 권종별 시재 입력")
        Column {
            width: parent.width
            spacing: Theme.s(6)
            Grid {
                columns: root.portrait ? 1 : 2
                columnSpacing: Theme.gap
                rowSpacing: Theme.s(6)
                Repeater {
                    model: root.vm.denominations
                    Row {
                        spacing: Theme.gapSmall
                        Text { width: Theme.s(96); anchors.verticalCenter: parent.verticalCenter; text: root.won(modelData); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall; horizontalAlignment: Text.AlignRight }
                        KButton { objectName: "countMinus_" + modelData; width: root.cell; height: root.cell; text: "−"; onClicked: { var c = root.closeCounts.slice(); c[index] = Math.max(0, c[index] - 1); root.closeCounts = c } }
                        Text { objectName: "count_" + modelData; width: Theme.s(48); anchors.verticalCenter: parent.verticalCenter; text: root.closeCounts[index]; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true; horizontalAlignment: Text.AlignHCenter }
                        KButton { objectName: "countPlus_" + modelData; width: root.cell; height: root.cell; text: "+"; onClicked: { var c = root.closeCounts.slice(); c[index] += 1; root.closeCounts = c } }
                        KButton { objectName: "countPlus10_" + modelData; width: root.cell * 1.4; height: root.cell; text: "+10"; fontSize: Theme.fontSmall; onClicked: { var c = root.closeCounts.slice(); c[index] += 10; root.closeCounts = c } }
                    }
                }
            }
            Text {
                objectName: "countedText"
                text: qsTr("실제 현금") + " " + root.won(root.countedTotal())
                      + (root.vm.blindCount ? "" : "   " + qsTr("예상") + " " + root.won(root.vm.expectedCash) + "   " + qsTr("차액") + " " + (root.countedTotal() - root.vm.expectedCash).toLocaleString(Qt.locale("ko_KR"), "f", 0) + "원")
                color: Theme.text
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
                wrapMode: Text.WordWrap
                width: parent.width
            }
            Flow {
                width: parent.width
                spacing: Theme.gap
                KButton { objectName: "closeDayButton"; primary: true; text: qsTr("마감 (Z)"); onClicked: root.vm.closeDay(root.closeCounts) }
                KButton { objectName: "closeCancel"; text: qsTr("취소"); onClicked: root.dialog = "" }
            }
        }
    }

    // X / Z report
    Sheet {
        objectName: "reportSheet"
        visible: root.vm.report !== ""
        title: qsTr("보고서")
        Column {
            width: parent.width
            spacing: Theme.gap
            Flow {
                width: parent.width
                spacing: Theme.gap
                KButton { objectName: "closeReport"; primary: true; text: qsTr("닫기"); onClicked: { root.vm.closeReport(); if (!root.vm.dayOpen) root.dialog = "" } }
                KButton { objectName: "printReport"; text: qsTr("인쇄"); onClicked: root.vm.printReport() }
            }
            Text {
                objectName: "reportText"
                width: parent.width
                text: root.vm.report
                color: Theme.text
                font.family: "NanumGothicCoding"; font.pixelSize: Theme.s(17)
                wrapMode: Text.NoWrap
            }
        }
    }

    // A manager's (discount, refund) or the owner's (closing difference) PIN
    Sheet {
        objectName: "approvalSheet"
        visible: root.vm.approval !== ""
        z: 20
        title: root.vm.approval === "close" ? qsTr("시재 차액 승인: 점주 PIN") : qsTr("승인: 점장 또는 점주 PIN")
        Column {
            width: parent.width
            spacing: Theme.gapSmall
            Text {
                width: parent.width
                text: root.vm.message
                color: Theme.danger
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "pinDots"
                text: "●".repeat(pinPad.value.length) + "○".repeat(Math.max(0, 6 - pinPad.value.length))
                color: Theme.text
                font.pixelSize: Theme.fontTitle
            }
            Keypad { id: pinPad; prefix: "pinKey"; maxLength: 6; allowDoubleZero: false; amount: false }
            Flow {
                width: parent.width
                spacing: Theme.gap
                KButton { objectName: "approveButton"; primary: true; text: qsTr("승인"); enabled_: pinPad.value.length === 6; onClicked: { root.vm.submitApproval(pinPad.value); pinPad.value = "" } }
                KButton { objectName: "approvalCancel"; text: qsTr("취소"); onClicked: { pinPad.value = ""; root.vm.cancelApproval() } }
            }
        }
    }
}
