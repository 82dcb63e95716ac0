// Tomorrow's expected sales (kiosk.forecast): the next business day's net sales with a range, its busy
// hours, and the reason in words; says when the history is too short, or that the forecast is not there.
import QtQuick
import "../common"

Flickable {
    id: page
    objectName: "forecastScreen"
    required property var vm
    required property var owner
    readonly property var f: vm.forecast
    contentHeight: column.height
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    Column {
        id: column
        width: page.width
        spacing: Theme.gap
        Text {
            objectName: "forecastState"
            visible: page.f.state !== "ready"
            width: parent.width; wrapMode: Text.WordWrap
            text: page.f.state === "unavailable" ? page.owner.t("예상 매출 기능이 아직 설치되지 않았습니다 (forecast not available).", "Forecast not available on this terminal yet.")
                : page.f.state === "failed" ? page.owner.t("예상 매출을 계산하지 못했습니다.", "The forecast could not be made.")
                : page.owner.t("계산 중…", "Working it out…")
            color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge
        }
        Panel {
            visible: page.f.state === "ready"
            width: parent.width
            height: fig.height + Theme.gap * 2
            Column {
                id: fig
                width: parent.width
                spacing: Theme.gapSmall
                Figure { objectName: "forecastExpected"; label: page.owner.t("예상 순매출 · ", "Expected net sales · ") + (page.f.dayText || ""); value: page.f.expectedText || ""; valueSize: Theme.fontHuge; note: page.owner.t("범위 ", "Range ") + (page.f.rangeText || "") }
                Text { objectName: "forecastReason"; width: parent.width; wrapMode: Text.WordWrap; text: page.f.reason || ""; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge }
                Text { visible: !!page.f.tooShort; width: parent.width; wrapMode: Text.WordWrap; text: page.owner.t("기록 " + page.f.historyDays + "일: 몇 주 쌓이면 더 정확해집니다.", page.f.historyDays + " days of history: better once a few weeks are in."); color: Theme.danger; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true }
            }
        }
        Panel {
            visible: page.f.state === "ready"
            title: page.owner.t("바쁜 시간대 (예상, 천원)", "Busy hours (expected, ₩ thousand)")
            width: parent.width
            height: Theme.s(360)
            HourChart {
                anchors.fill: parent
                labels: (page.f.hours || []).map(h => String(h.hour))
                first: (page.f.hours || []).map(h => h.expected / 1000)
                second: (page.f.hours || []).map(h => h.high / 1000)
                peak: (page.f.peak || 1) / 1000
                firstName: page.owner.t("예상", "Expected")
                secondName: page.owner.t("많으면", "High")
            }
        }
    }
}
