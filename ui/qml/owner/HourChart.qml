// Hour-by-hour bars, drawn by Qt's own charting module (QtGraphs): `first` and `second` series of
// values per `labels` entry, in thousands of won. Used for today vs the same weekday last week, and for
// tomorrow's expected busy hours.
import QtQuick
import QtGraphs
import "../common"

Item {
    id: chart
    property var labels: []
    property var first: []
    property var second: []
    property string firstName: ""
    property string secondName: ""
    property real peak: 1
    property string unit: ""

    Row {
        id: legend
        anchors { left: parent.left; top: parent.top }
        spacing: Theme.gap
        Repeater {
            model: [ { name: chart.firstName, color: chart.firstColor }, { name: chart.secondName, color: chart.secondColor } ]
            Row {
                required property var modelData
                visible: modelData.name !== ""
                spacing: Theme.gapSmall
                Rectangle { width: Theme.s(22); height: Theme.s(22); radius: Theme.s(4); color: parent.modelData.color; anchors.verticalCenter: parent.verticalCenter }
                Text { text: parent.modelData.name; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall }
            }
        }
        Text { text: chart.unit; color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall }
    }
    readonly property color firstColor: Theme.primary
    readonly property color secondColor: Theme.highContrast ? "#00FFFF" : "#8C99A6"

    GraphsView {
        id: graphs
        objectName: "hourGraph"
        anchors { left: parent.left; right: parent.right; top: legend.bottom; bottom: parent.bottom; topMargin: Theme.gapSmall }
        theme: GraphsTheme {
            colorScheme: Theme.highContrast ? GraphsTheme.ColorScheme.Dark : GraphsTheme.ColorScheme.Light
            backgroundColor: Theme.surface
            plotAreaBackgroundColor: Theme.surface
            seriesColors: [chart.firstColor, chart.secondColor]
            borderColors: [chart.firstColor, chart.secondColor]
            grid.mainColor: Theme.border
            labelTextColor: Theme.text
            axisXLabelFont.pixelSize: Theme.fontSmall
            axisYLabelFont.pixelSize: Theme.fontSmall
            axisXLabelFont.family: Theme.fontFamily
            axisYLabelFont.family: Theme.fontFamily
        }
        axisX: BarCategoryAxis { categories: chart.labels }
        axisY: ValueAxis {
            min: 0
            max: Math.max(1, Math.ceil(chart.peak * 1.15))
            tickInterval: Math.max(1, Math.ceil(chart.peak * 1.15 / 4))
            labelFormat: "%.0f"
            subTickCount: 0
        }
        BarSeries {
            barWidth: 0.8
            BarSet { label: chart.firstName; values: chart.first }
            BarSet { label: chart.secondName; values: chart.second }
        }
    }
}
