// The screen and touch check: full colour fields (dead or stuck pixels show as dots), then five targets —
// the four corners and the centre — each to be touched. The installer says whether all was right.
import QtQuick
import "../common"

Rectangle {
    id: check
    objectName: "screenCheck"
    property bool english: false
    signal done(bool good)
    readonly property var fields: ["#FF0000", "#00FF00", "#0000FF", "#FFFFFF", "#000000"]
    property int field: 0
    property var touched: [false, false, false, false, false]
    readonly property bool allTouched: touched.every(function (t) { return t })
    readonly property bool inTargets: field >= fields.length
    color: inTargets ? Theme.background : fields[field]

    function touch(i) {
        var t = touched.slice()
        t[i] = true
        touched = t
    }

    MouseArea {  // a colour field: any tap shows the next one
        anchors.fill: parent
        enabled: !check.inTargets
        onClicked: check.field += 1
    }
    Text {
        visible: !check.inTargets
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.gapLarge
        text: check.english ? "Look for dots of another colour, then tap (" + (check.field + 1) + "/5)"
                            : "다른 색 점이 있는지 보고 누르세요 (" + (check.field + 1) + "/5)"
        color: check.fields[check.field] === "#FFFFFF" || check.fields[check.field] === "#00FF00" ? "#000000" : "#FFFFFF"
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
    }

    Repeater {
        model: 5
        Rectangle {
            required property int index
            objectName: "touchTarget" + index
            visible: check.inTargets
            width: Theme.s(96)
            height: width
            radius: width / 2
            color: check.touched[index] ? Theme.accent : Theme.primary
            x: index === 0 || index === 2 ? 0 : index === 4 ? (check.width - width) / 2 : check.width - width
            y: index === 0 || index === 1 ? 0 : index === 4 ? (check.height - height) / 2 : check.height - height
            Text {
                anchors.centerIn: parent
                text: check.touched[parent.index] ? "✓" : (parent.index + 1)
                color: Theme.primaryInk
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            MouseArea { anchors.fill: parent; onClicked: check.touch(parent.index) }
        }
    }
    Column {  // between the centre target and the bottom corners
        visible: check.inTargets
        anchors.horizontalCenter: parent.horizontalCenter
        y: check.height / 2 + Theme.s(48) + Theme.gap
        spacing: Theme.gap
        width: Math.min(check.width - Theme.s(240), Theme.s(640))
        Text {
            width: parent.width
            text: check.english ? "Touch the five circles: the corners and the centre"
                                : "다섯 개의 원(네 모서리와 가운데)을 모두 눌러 보세요"
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
        Row {
            spacing: Theme.gap
            anchors.horizontalCenter: parent.horizontalCenter
            KButton {
                objectName: "screenGood"
                width: (check.width > check.height ? Theme.s(300) : (parent.parent.width - Theme.gap) / 2)
                primary: true
                enabled_: check.allTouched
                text: check.english ? "All fine" : "모두 정상"
                onClicked: check.done(true)
            }
            KButton {
                objectName: "screenBad"
                width: (check.width > check.height ? Theme.s(300) : (parent.parent.width - Theme.gap) / 2)
                text: check.english ? "Something was wrong" : "이상 있음"
                onClicked: check.done(false)
            }
        }
    }
}
