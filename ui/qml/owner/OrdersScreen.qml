// Orders: search by number, amount, card's last 4 digits, payment method, hour and period; an order's
// detail (lines, options, payments, receipts printed); refund the whole order with a reason after a
// confirmation; reprint the receipt marked 재발행.
import QtQuick
import "../common"

Item {
    id: page
    objectName: "ordersScreen"
    required property var vm
    required property var owner
    readonly property bool wide: width > Theme.s(900)
    property string field: "number"   // what the pad types: number | amount | card
    property string method: ""
    property int days: 1
    property var values: ({ number: "", amount: "", card: "" })
    property bool padOpen: false

    function runSearch() {
        page.vm.search({ number: values.number, amount: values.amount, card: values.card, method: page.method, days: String(page.days) })
    }
    function setValue(v) {
        const copy = Object.assign({}, page.values); copy[page.field] = v; page.values = copy
    }

    Column {
        id: search
        width: page.wide ? Theme.s(400) : page.width
        spacing: Theme.gapSmall
        Row {
            spacing: Theme.gapSmall
            Repeater {
                model: [ { key: "number", ko: "주문번호", en: "Order No." }, { key: "amount", ko: "금액", en: "Amount" }, { key: "card", ko: "카드 끝자리", en: "Card last 4" } ]
                KButton {
                    required property var modelData
                    objectName: "field_" + modelData.key
                    width: (search.width - Theme.gapSmall * 2) / 3
                    height: Theme.s(96)
                    text: page.owner.t(modelData.ko, modelData.en)
                    subText: page.values[modelData.key] || " "
                    fontSize: Theme.fontSmall
                    checked: page.field === modelData.key
                    onClicked: { page.field = modelData.key; pad.value = page.values[modelData.key]; page.padOpen = true }
                }
            }
        }
        NumPad {
            id: pad
            objectName: "ordersPad"
            visible: page.wide || page.height > Theme.s(900) || page.padOpen
            width: search.width
            maxLength: page.field === "card" ? 4 : 9
            onValueChanged: page.setValue(value)
        }
        Flow {
            width: search.width
            spacing: Theme.gapSmall
            Repeater {
                model: [ { key: "", ko: "전체", en: "All" }, { key: "card", ko: "카드", en: "Card" }, { key: "qr", ko: "QR", en: "QR" }, { key: "barcode", ko: "바코드", en: "Barcode" }, { key: "cash", ko: "현금", en: "Cash" } ]
                KButton {
                    required property var modelData
                    objectName: "method_" + (modelData.key || "all")
                    text: page.owner.t(modelData.ko, modelData.en)
                    fontSize: Theme.fontSmall
                    checked: page.method === modelData.key
                    onClicked: { page.method = modelData.key; page.runSearch() }
                }
            }
        }
        Row {
            spacing: Theme.gapSmall
            Repeater {
                model: [ { n: 1, ko: "오늘", en: "Today" }, { n: 7, ko: "7일", en: "7 days" }, { n: 31, ko: "31일", en: "31 days" } ]
                KButton {
                    required property var modelData
                    objectName: "days_" + modelData.n
                    text: page.owner.t(modelData.ko, modelData.en)
                    fontSize: Theme.fontSmall
                    checked: page.days === modelData.n
                    onClicked: { page.days = modelData.n; page.runSearch() }
                }
            }
            KButton {
                objectName: "ordersSearch"
                text: page.owner.t("찾기", "Search")
                primary: true
                onClicked: { page.padOpen = false; page.runSearch() }
            }
        }
    }

    ListView {
        id: list
        objectName: "ordersList"
        anchors {
            left: page.wide ? search.right : page.left; leftMargin: page.wide ? Theme.gap : 0
            right: page.right; top: page.wide ? page.top : search.bottom; topMargin: page.wide ? 0 : Theme.gap
            bottom: page.bottom
        }
        clip: true
        spacing: Theme.gapSmall
        model: page.vm.orders
        boundsBehavior: Flickable.StopAtBounds
        header: Text {
            width: list.width
            bottomPadding: Theme.gapSmall
            text: page.owner.t("주문 " + list.count + "건", list.count + " orders")
            color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
        }
        delegate: Rectangle {
            required property var modelData
            objectName: "order_" + modelData.number
            width: list.width
            height: Theme.s(72)
            radius: Theme.radiusSmall
            color: Theme.surface
            border.color: Theme.border
            Row {
                anchors { left: parent.left; leftMargin: Theme.gap; verticalCenter: parent.verticalCenter }
                spacing: Theme.gap
                Text { text: modelData.number + page.owner.t("번", ""); width: Theme.s(90); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true }
                Text { text: (page.days > 1 ? modelData.date.slice(5) + " " : "") + modelData.time; color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; anchors.verticalCenter: parent.verticalCenter }
                Text { text: modelData.method + (modelData.card ? " ··" + modelData.card : ""); color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; anchors.verticalCenter: parent.verticalCenter }
            }
            Row {
                anchors { right: parent.right; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
                spacing: Theme.gap
                Text { visible: modelData.refunded; text: page.owner.t("환불됨", "Refunded"); color: Theme.danger; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true }
                Text { text: modelData.totalText; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true; font.strikeout: modelData.refunded }
            }
            MouseArea { anchors.fill: parent; onClicked: page.vm.openOrder(modelData.id) }
        }
    }

    Loader {
        anchors.fill: page.wide ? list : page
        active: page.vm.order.id !== undefined
        z: 10
        sourceComponent: OrderDetail { vm: page.vm; owner: page.owner }
    }
}
