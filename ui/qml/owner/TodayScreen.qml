// Today at a glance: net sales, orders, average, refunds, against the same weekday last week; an hourly
// chart of both days (QtGraphs); payment methods and top items. Live: the view-model refreshes the figures
// when a sale or refund comes in.
import QtQuick
import "../common"

Flickable {
    id: page
    objectName: "todayScreen"
    required property var vm
    required property var owner
    readonly property var d: vm.today
    readonly property bool wide: width > Theme.s(900)
    contentHeight: column.height
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    Column {
        id: column
        width: page.width
        spacing: Theme.gap

        Text {
            text: page.owner.t("오늘", "Today") + " · " + (page.d.dayText || "")
            color: Theme.text
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true
        }

        Panel {
            width: parent.width
            height: figures.height + Theme.gap * 2
            Flow {
                id: figures
                width: parent.width
                spacing: Theme.gapLarge
                Figure {
                    objectName: "todayNet"
                    label: page.owner.t("순매출", "Net sales")
                    value: page.d.netText || "-"
                    valueSize: Theme.fontHuge
                    note: page.d.hasChange ? page.owner.t("지난주 " + page.d.lastWeekText + " 대비 ", "vs " + page.d.lastWeekText + " ") + page.d.changeText
                                           : page.owner.t("지난주 같은 요일 매출 없음", "no sales on the same day last week")
                    noteColor: page.d.change >= 0 ? Theme.accent : Theme.danger
                }
                Figure { objectName: "todayOrders"; label: page.owner.t("주문", "Orders"); value: page.d.orders !== undefined ? String(page.d.orders) : "-" }
                Figure { objectName: "todayAverage"; label: page.owner.t("객단가", "Average order"); value: page.d.averageText || "-" }
                Figure {
                    objectName: "todayRefunds"
                    label: page.owner.t("환불", "Refunds")
                    value: page.d.refundsText || "-"
                    note: page.owner.t((page.d.refundCount || 0) + "건", (page.d.refundCount || 0) + " refunds")
                }
            }
        }

        Flow {
            width: parent.width
            spacing: Theme.gap
            Panel {
                title: page.owner.t("시간대별 매출 (오늘과 지난주 같은 요일)", "By hour: today and the same day last week")
                width: page.wide ? (parent.width - Theme.gap) * 0.6 : parent.width
                height: Theme.s(380)
                HourChart {
                    anchors.fill: parent
                    labels: (page.d.hours || []).map(h => String(h.hour))
                    first: (page.d.hours || []).map(h => h.today / 1000)
                    second: (page.d.hours || []).map(h => h.lastWeek / 1000)
                    peak: (page.d.peak || 1) / 1000
                    firstName: page.owner.t("오늘", "Today")
                    secondName: page.owner.t("지난주", "Last week")
                    unit: page.owner.t("(단위: 천원, 시)", "(₩ thousand, by hour)")
                }
            }
            Column {
                width: page.wide ? (parent.width - Theme.gap) * 0.4 : parent.width
                spacing: Theme.gap
                Panel {
                    title: page.owner.t("결제수단별", "By payment method")
                    width: parent.width
                    height: methodList.height + Theme.s(72)
                    Column {
                        id: methodList
                        width: parent.width
                        spacing: Theme.gapSmall
                        Repeater {
                            model: page.d.methods || []
                            Item {
                                required property var modelData
                                width: methodList.width
                                height: Theme.s(36)
                                Text { text: modelData.label + "  " + modelData.count + page.owner.t("건", ""); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; anchors.verticalCenter: parent.verticalCenter }
                                Text {
                                    anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                                    text: modelData.amountText + (modelData.refundText ? "  (" + modelData.refundText + ")" : "")
                                    color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
                                }
                            }
                        }
                        Text { visible: (page.d.methods || []).length === 0; text: page.owner.t("아직 매출이 없습니다", "No sales yet"); color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
                    }
                }
                Panel {
                    title: page.owner.t("많이 팔린 메뉴", "Top items")
                    width: parent.width
                    height: topList.height + Theme.s(72)
                    Column {
                        id: topList
                        width: parent.width
                        spacing: Theme.gapSmall
                        Repeater {
                            model: page.d.top || []
                            Item {
                                required property var modelData
                                width: topList.width
                                height: Theme.s(36)
                                Text {
                                    width: parent.width - amount.width - Theme.gap
                                    elide: Text.ElideRight
                                    text: modelData.rank + ". " + modelData.name + " × " + modelData.quantity
                                    color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                                    anchors.verticalCenter: parent.verticalCenter
                                }
                                Text { id: amount; anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                                    text: modelData.amountText; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true }
                            }
                        }
                    }
                }
            }
        }
    }
}
