// One order: lines with options, payments, receipts printed; refund (reason, then confirm) and reprint.
import QtQuick
import "../common"

Rectangle {
    id: panel
    objectName: "orderDetail"
    required property var vm
    required property var owner
    readonly property var o: vm.order
    property bool asking: false
    property string reason: ""
    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.border

    Row {
        id: head
        anchors { left: parent.left; top: parent.top; margins: Theme.gap }
        spacing: Theme.gap
        Text { objectName: "orderTitle"; text: panel.owner.t((panel.o.number || "") + "번 주문", "Order No. " + (panel.o.number || "")); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true }
        Text { text: (panel.o.date || "") + " " + (panel.o.time || "") + " · " + (panel.o.type || ""); color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; anchors.baseline: parent.children[0].baseline }
    }
    KButton {
        objectName: "orderClose"
        anchors { right: parent.right; top: parent.top; margins: Theme.gapSmall }
        text: panel.owner.t("목록", "Back")
        onClicked: panel.vm.closeOrder()
    }
    Flickable {
        anchors { left: parent.left; right: parent.right; top: head.bottom; bottom: actions.top; margins: Theme.gap }
        contentHeight: body.height
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: body
            width: parent.width
            spacing: Theme.gapSmall
            component Line2: Item {
                property string label: ""
                property string sub: ""
                property string value: ""
                width: body.width
                height: lbl.height + (subText.visible ? subText.height : 0) + Theme.gapSmall
                Text { id: lbl; width: parent.width * 0.68; wrapMode: Text.WordWrap; text: parent.label; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
                Text { id: subText; visible: parent.sub !== ""; anchors.top: lbl.bottom; width: parent.width * 0.68; wrapMode: Text.WordWrap; text: parent.sub; color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall }
                Text { anchors.right: parent.right; text: parent.value; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true }
            }
            component Heading: Text { color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true; topPadding: Theme.gapSmall }
            Repeater { model: panel.o.lines || []; Line2 { required property var modelData; label: modelData.name + " × " + modelData.quantity; sub: modelData.options; value: modelData.totalText } }
            Line2 { label: panel.owner.t("합계 (부가세 ", "Total (VAT ") + (panel.o.vatText || "") + ")"; value: panel.o.totalText || "" }
            Heading { text: panel.owner.t("결제", "Payment") }
            Repeater { model: panel.o.payments || []; Line2 { required property var modelData; label: modelData.method + (modelData.refunded ? panel.owner.t(" (환불됨)", " (refunded)") : ""); sub: modelData.detail; value: modelData.amountText } }
            Heading { visible: (panel.o.prints || []).length > 0; text: panel.owner.t("인쇄 기록", "Printed") }
            Repeater { model: panel.o.prints || []; Text { required property var modelData; text: modelData.text; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall } }
            Heading { visible: (panel.o.refundReason || "") !== ""; text: panel.owner.t("환불 사유: ", "Refund reason: ") + (panel.o.refundReason || "") }
        }
    }
    Row {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.gap }
        spacing: Theme.gap
        KButton {
            objectName: "orderRefund"
            text: panel.owner.t("전체 환불", "Refund all")
            visible: !panel.o.refunded && panel.vm.may("refund")
            fill: Theme.danger; ink: "#FFFFFF"
            onClicked: { panel.reason = ""; panel.asking = true }
        }
        KButton {
            objectName: "orderReprint"
            text: panel.owner.t("영수증 재발행", "Reprint receipt")
            onClicked: panel.vm.reprint(panel.o.id)
        }
    }

    // Refund: a reason, then a confirmation that says what happens to the money.
    Rectangle {
        objectName: "refundDialog"
        visible: panel.asking
        anchors.fill: parent
        radius: panel.radius
        color: Theme.surface
        z: 20
        Column {
            anchors { fill: parent; margins: Theme.gap }
            spacing: Theme.gap
            Text { width: parent.width; wrapMode: Text.WordWrap; text: panel.owner.t((panel.o.number || "") + "번 주문 " + (panel.o.totalText || "") + " 전체를 환불합니다", "Refund all of order No. " + (panel.o.number || "") + ", " + (panel.o.totalText || "")); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true }
            Text { text: panel.owner.t("사유를 고르세요", "Choose the reason"); color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
            Flow {
                width: parent.width
                spacing: Theme.gapSmall
                Repeater {
                    model: [ { ko: "고객 변심", en: "Changed mind" }, { ko: "주문 실수", en: "Wrong order" }, { ko: "품질 문제", en: "Quality problem" }, { ko: "품절", en: "Sold out" }, { ko: "중복 결제", en: "Paid twice" }, { ko: "기타", en: "Other" } ]
                    KButton {
                        required property var modelData
                        required property int index
                        objectName: "reason_" + index
                        text: panel.owner.t(modelData.ko, modelData.en)
                        checked: panel.reason === modelData.ko
                        onClicked: panel.reason = modelData.ko
                    }
                }
            }
            Text {
                width: parent.width; wrapMode: Text.WordWrap
                text: panel.o.cash ? panel.owner.t("현금 결제: 환불로 기록하고 현금은 직접 돌려주세요.", "Cash: recorded as refunded; give the cash back by hand.")
                                   : panel.owner.t("원래 결제(승인번호)로 취소합니다. 카드는 단말기에서 진행됩니다.", "Cancelled against the original approval; a card goes through the terminal.")
                color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
            }
            Row {
                spacing: Theme.gap
                KButton { objectName: "refundCancel"; text: panel.owner.t("취소", "Cancel"); onClicked: panel.asking = false }
                KButton {
                    objectName: "refundConfirm"
                    text: panel.owner.t("환불하기", "Refund")
                    enabled_: panel.reason !== ""
                    fill: Theme.danger; ink: "#FFFFFF"
                    onClicked: { panel.asking = false; panel.vm.refund(panel.o.id, panel.reason, !!panel.o.cash) }
                }
            }
        }
    }
}
