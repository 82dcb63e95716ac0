// A month of days with each day's net sales; a day opens its report (the same as `kiosk report`), and
// "this month" opens the whole month's.
import QtQuick
import "../common"

Item {
    id: page
    objectName: "calendarScreen"
    required property var vm
    required property var owner
    readonly property var m: vm.month
    readonly property int lead: ((m.firstWeekday === undefined ? 0 : m.firstWeekday) + 1) % 7  // weeks start on Sunday
    readonly property var names: owner.t(["일", "월", "화", "수", "목", "금", "토"], ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"])

    Row {
        id: head
        width: parent.width
        spacing: Theme.gap
        KButton { objectName: "monthPrev"; text: "◀"; width: Theme.touchMin * 1.3; onClicked: page.vm.moveMonth(-1); accessibleName: page.owner.t("이전 달", "Previous month") }
        Text { objectName: "monthTitle"; text: page.m.title || ""; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true; anchors.verticalCenter: parent.verticalCenter }
        KButton { objectName: "monthNext"; text: "▶"; width: Theme.touchMin * 1.3; onClicked: page.vm.moveMonth(1); accessibleName: page.owner.t("다음 달", "Next month") }
    }
    Flow {
        id: summary
        anchors { top: head.bottom; topMargin: Theme.gapSmall; left: parent.left; right: parent.right }
        spacing: Theme.gap
        Text { objectName: "monthNet"; text: page.owner.t("이달 순매출 ", "Month's net ") + (page.m.netText || ""); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true }
        Text { visible: (page.m.bestText || "") !== ""; text: page.owner.t("최고: ", "Best: ") + (page.m.bestText || ""); color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; height: Theme.fontLarge * 1.3; verticalAlignment: Text.AlignBottom }
        KButton {
            objectName: "monthReport"
            text: page.owner.t("이달 전체 보고서", "Whole month's report")
            onClicked: {
                const days = page.m.days || []
                if (days.length) page.vm.openReport(days[0].date, days[days.length - 1].date)
            }
        }
    }
    // The month fills the space left; when a large scale leaves too little, it scrolls instead of shrinking
    // the days under a finger's size.
    Flickable {
        id: monthArea
        objectName: "monthArea"
        anchors { top: summary.bottom; topMargin: Theme.gap; left: parent.left; right: parent.right; bottom: parent.bottom }
        contentHeight: grid.height
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Grid {
            id: grid
            width: monthArea.width
            columns: 7
            spacing: Theme.s(6)
            readonly property real cellW: (width - spacing * 6) / 7
            readonly property int weeks: Math.ceil((page.lead + (page.m.days || []).length) / 7)
            readonly property real cellH: Math.max(Theme.touchMin, (monthArea.height - Theme.s(40) - spacing * (weeks + 1)) / Math.max(1, weeks))
            Repeater {
                model: page.names
                Text {
                    required property var modelData
                    required property int index
                    width: grid.cellW; height: Theme.s(40)
                    text: modelData; horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter
                    color: index === 0 ? Theme.danger : Theme.textMuted
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
                }
            }
            Repeater { model: page.lead; Item { width: grid.cellW; height: grid.cellH } }
            Repeater {
                model: page.m.days || []
                Rectangle {
                    required property var modelData
                    objectName: "day_" + modelData.date
                    width: grid.cellW; height: grid.cellH
                    radius: Theme.radiusSmall
                    color: modelData.orders ? Qt.tint(Theme.surface, Qt.rgba(0.76, 0.25, 0.05, 0.08 + 0.3 * modelData.level)) : Theme.surface
                    border.color: modelData.isToday ? Theme.primary : Theme.border
                    border.width: modelData.isToday ? Theme.s(3) : Math.max(1, Theme.s(1))
                    opacity: modelData.future ? 0.5 : 1
                    Text { anchors { left: parent.left; top: parent.top; margins: Theme.s(6) }
                        text: modelData.day; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true }
                    Text {
                        anchors { right: parent.right; bottom: parent.bottom; margins: Theme.s(6) }
                        text: modelData.netText; color: Theme.text
                        font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall; font.bold: true
                    }
                    MouseArea { anchors.fill: parent; enabled: !modelData.future; onClicked: page.vm.openReport(modelData.date, "") }
                }
            }
        }
    }
    Loader {
        anchors.fill: parent
        active: page.vm.report.period !== undefined
        z: 10
        sourceComponent: ReportPanel { vm: page.vm; owner: page.owner }
    }
}
