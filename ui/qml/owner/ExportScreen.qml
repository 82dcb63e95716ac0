// Export a range of days (CSV and XLSX: orders, lines, payments, and the card / cash / cash receipt /
// easy pay split) to a USB stick; progress while it writes, the file list when done.
import QtQuick
import "../common"

Flickable {
    id: page
    objectName: "exportScreen"
    required property var vm
    required property var owner
    property string mount: (vm.mounts.length > 0 ? vm.mounts[0].path : "")
    property string preset: "today"
    readonly property var st: vm.exportState
    contentHeight: column.height
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    Column {
        id: column
        width: page.width
        spacing: Theme.gap
        Text { text: page.owner.t("USB 메모리", "USB stick"); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true }
        Flow {
            width: parent.width
            spacing: Theme.gapSmall
            Repeater {
                model: page.vm.mounts
                KButton {
                    required property var modelData
                    required property int index
                    objectName: "mount_" + index
                    text: modelData.label
                    subText: page.owner.t("남은 공간 ", "free ") + modelData.freeText
                    checked: page.mount === modelData.path
                    onClicked: page.mount = modelData.path
                }
            }
            KButton { objectName: "mountsRefresh"; text: page.owner.t("다시 찾기", "Look again"); onClicked: page.vm.refreshMounts() }
        }
        Text {
            objectName: "noMount"
            visible: page.vm.mounts.length === 0
            width: parent.width; wrapMode: Text.WordWrap
            text: page.owner.t("USB 메모리가 보이지 않습니다. 단말기 옆 USB 단자에 꽂고 '다시 찾기'를 누르세요.", "No USB stick found. Plug one into the terminal's USB port and press 'Look again'.")
            color: Theme.danger; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
        }
        Text { text: page.owner.t("기간", "Period"); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true }
        Flow {
            width: parent.width
            spacing: Theme.gapSmall
            Repeater {
                model: [ { key: "today", ko: "오늘", en: "Today" }, { key: "yesterday", ko: "어제", en: "Yesterday" }, { key: "week", ko: "최근 7일", en: "Last 7 days" }, { key: "month", ko: "이번 달", en: "This month" }, { key: "last_month", ko: "지난 달", en: "Last month" } ]
                KButton {
                    required property var modelData
                    objectName: "preset_" + modelData.key
                    text: page.owner.t(modelData.ko, modelData.en)
                    checked: page.preset === modelData.key
                    onClicked: page.preset = modelData.key
                }
            }
        }
        KButton {
            objectName: "exportStart"
            primary: true
            text: page.owner.t("CSV와 엑셀(XLSX)로 저장", "Save as CSV and Excel (XLSX)")
            enabled_: page.mount !== "" && !page.st.running
            onClicked: page.vm.exportPreset(page.mount, page.preset)
        }
        Rectangle {
            objectName: "exportProgress"
            visible: page.st.running || page.st.progress > 0
            width: parent.width
            height: Theme.s(36)
            radius: height / 2
            color: Theme.surfaceAlt
            Rectangle { width: parent.width * (page.st.progress || 0); height: parent.height; radius: parent.radius; color: Theme.accent }
            Text { anchors.centerIn: parent; text: Math.round((page.st.progress || 0) * 100) + "%"; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true }
        }
        Text {
            visible: (page.st.folder || "") !== ""
            width: parent.width; wrapMode: Text.WrapAnywhere
            text: page.owner.t("저장한 곳: ", "Saved in: ") + (page.st.folder || "") + "  ·  " + page.owner.t("주문 ", "orders ") + (page.st.orders || 0) + " · " + page.owner.t("순매출 ", "net ") + (page.st.netText || "")
            color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
        }
        Repeater {
            model: page.st.files || []
            Text { required property var modelData; objectName: "exportFile_" + modelData.name; text: "• " + modelData.name + "  (" + modelData.size + ")"; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
        }
        Text {
            width: parent.width; wrapMode: Text.WordWrap
            text: page.owner.t("요약(summary)에는 날짜별 카드 / 현금 / 현금영수증 / 간편결제 순매출이 있어 카드사·국세청 자료와 맞춰 볼 수 있습니다.", "The summary has each day's net by card / cash / cash receipt / easy pay, to check against the card companies' and the tax office's figures.")
            color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall
        }
    }
}
