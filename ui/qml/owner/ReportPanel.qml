// A business day's or a range's report, the same as `kiosk report`: totals, VAT, tax-free, by item, by
// hour and by payment method. Shown over the calendar.
import QtQuick
import "../common"

Rectangle {
    id: panel
    objectName: "reportPanel"
    required property var vm
    required property var owner
    readonly property var r: vm.report
    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.border

    Text {
        id: title
        anchors { left: parent.left; top: parent.top; margins: Theme.gap }
        text: panel.owner.t("매출 보고서 · ", "Sales report · ") + (panel.r.period || "")
        color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true
    }
    KButton {
        objectName: "reportClose"
        anchors { right: parent.right; top: parent.top; margins: Theme.gapSmall }
        text: panel.owner.t("닫기", "Close")
        onClicked: panel.vm.closeReport()
    }
    Flickable {
        anchors { left: parent.left; right: parent.right; top: title.bottom; bottom: parent.bottom; margins: Theme.gap }
        contentHeight: body.height
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: body
            width: parent.width
            spacing: Theme.gapSmall
            component Row2: Item {
                property string label: ""
                property string value: ""
                property bool strong: false
                width: body.width
                height: Theme.s(38)
                Text { width: parent.width * 0.62; elide: Text.ElideRight; text: parent.label; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: parent.strong; anchors.verticalCenter: parent.verticalCenter }
                Text { anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                    text: parent.value; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true }
            }
            component Heading: Text { color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true; topPadding: Theme.gap }
            Repeater { model: panel.r.rows || []; Row2 { required property var modelData; label: modelData.label; value: modelData.value; strong: index === 3; required property int index } }
            Heading { text: panel.owner.t("결제수단별", "By payment method") }
            Repeater { model: panel.r.methods || []; Row2 { required property var modelData; label: modelData.label + " " + modelData.count + panel.owner.t("건", ""); value: modelData.amountText } }
            Heading { text: panel.owner.t("품목별", "By item") }
            Repeater { model: panel.r.items || []; Row2 { required property var modelData; label: modelData.name + " × " + modelData.quantity; value: modelData.amountText } }
            Heading { text: panel.owner.t("시간대별", "By hour") }
            Repeater { model: panel.r.hours || []; Row2 { required property var modelData; label: modelData.hour + "  " + modelData.count + panel.owner.t("건", ""); value: modelData.amountText } }
        }
    }
}
