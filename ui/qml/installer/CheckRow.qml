// One line of the self-test checklist: the verdict as a coloured label (정상 / 확인 필요 / 안 됨, never
// colour alone), what was found, and what to do.
import QtQuick
import "../common"

Rectangle {
    id: row
    required property var check
    property bool english: false
    readonly property color tone: check.outcome === "ok" ? Theme.accent
                                : check.outcome === "fail" ? Theme.danger
                                : check.outcome === "check" ? Theme.primary : Theme.disabled
    width: parent ? parent.width : 0
    height: body.implicitHeight + Theme.gap * 2
    radius: Theme.radiusSmall
    color: Theme.surface
    border.width: Math.max(1, Theme.s(2))
    border.color: check.outcome === "ok" ? Theme.border : tone

    Rectangle {
        id: chip
        objectName: "verdict_" + row.check.id
        anchors { left: parent.left; top: parent.top; margins: Theme.gap }
        width: Theme.s(150)
        height: Theme.s(44)
        radius: height / 2
        color: row.tone
        Text {
            anchors.centerIn: parent
            text: row.english ? row.check.labelEn : row.check.label
            color: row.check.outcome === "running" ? Theme.text : Theme.highContrast ? "#000000" : "#FFFFFF"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: true
        }
    }
    Column {
        id: body
        anchors { left: chip.right; right: parent.right; top: parent.top; margins: Theme.gap }
        spacing: Theme.s(4)
        Text {
            width: parent.width
            text: row.english ? row.check.en : row.check.ko
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            wrapMode: Text.WordWrap
        }
        Text {
            width: parent.width
            visible: text !== ""
            text: row.english ? row.check.foundEn : row.check.found
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "todo_" + row.check.id
            width: parent.width
            visible: text !== ""
            text: (row.english ? row.check.todoEn : row.check.todoKo) !== ""
                  ? "→ " + (row.english ? row.check.todoEn : row.check.todoKo) : ""
            color: row.check.outcome === "fail" ? Theme.danger : Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: row.check.outcome === "fail"
            wrapMode: Text.WordWrap
        }
    }
}
