// Sync and devices at a glance, each line with what to do.
import QtQuick
import "../common"

Item {
    id: page
    objectName: "statusScreen"
    required property var vm
    required property var owner
    KButton { id: refresh; objectName: "statusRefresh"; anchors.right: parent.right; text: page.owner.t("새로 고침", "Refresh"); onClicked: page.vm.refreshStatus() }
    Text { anchors.verticalCenter: refresh.verticalCenter; text: page.owner.t("동기화와 기기 상태", "Sync and devices"); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true }
    ListView {
        anchors { left: parent.left; right: parent.right; top: refresh.bottom; bottom: parent.bottom; topMargin: Theme.gap }
        clip: true
        spacing: Theme.gapSmall
        model: page.vm.statusLines
        boundsBehavior: Flickable.StopAtBounds
        delegate: Rectangle {
            required property var modelData
            objectName: "status_" + modelData.key
            width: ListView.view.width
            height: col.height + Theme.gap * 1.5
            radius: Theme.radiusSmall
            color: Theme.surface
            border.color: modelData.ok ? Theme.border : Theme.danger
            border.width: modelData.ok ? Math.max(1, Theme.s(1)) : Theme.s(3)
            Rectangle {
                id: dot
                anchors { left: parent.left; leftMargin: Theme.gap; verticalCenter: parent.verticalCenter }
                width: Theme.s(22); height: width; radius: width / 2
                color: modelData.ok ? Theme.accent : Theme.danger
            }
            Column {
                id: col
                anchors { left: dot.right; leftMargin: Theme.gap; right: parent.right; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
                Text { width: parent.width; wrapMode: Text.WordWrap; text: modelData.text; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true }
                Text { visible: modelData.todo !== ""; width: parent.width; wrapMode: Text.WordWrap; text: "→ " + modelData.todo; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
            }
        }
    }
}
