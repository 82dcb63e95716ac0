// Shop name, language choice and the staff-call button: on every screen.
import QtQuick
import "../common"

Rectangle {
    id: bar
    required property var kiosk
    property bool atAttract: false
    height: Theme.topBar
    color: atAttract ? "transparent" : Theme.dark
    z: 10

    Text {
        anchors { left: parent.left; leftMargin: Theme.gapLarge; right: buttons.left; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
        elide: Text.ElideRight
        // Large scales leave little room beside the buttons: a smaller name rather than a cut one, and
        // none at all when the buttons take the whole bar (scale 2.0 in portrait).
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: Theme.fontSmall
        visible: !bar.atAttract && width >= minimumPixelSize * 2
        text: bar.kiosk.shopName
        color: Theme.darkInk
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: true
    }

    Row {
        id: buttons
        anchors { right: parent.right; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
        spacing: Theme.gapSmall
        // For staff: the receipt printer needs attention. Small and quiet, so customers carry on.
        Rectangle {
            objectName: "printerProblemBadge"
            visible: bar.kiosk.printerProblem
            anchors.verticalCenter: parent.verticalCenter
            width: problemLabel.implicitWidth + Theme.gap
            height: problemLabel.implicitHeight + Theme.s(8)
            radius: height / 2
            color: "transparent"
            border.color: Theme.danger
            border.width: Theme.s(2)
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("프린터 점검 필요") + ": " + bar.kiosk.printerProblemText
            Text {
                id: problemLabel
                anchors.centerIn: parent
                text: qsTr("프린터 점검")
                color: bar.atAttract ? Theme.danger : "#FCA5A5"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall * 0.8
                font.bold: true
            }
        }
        Repeater {
            model: bar.atAttract ? [] : [["ko", "한국어", "NanumSquare"], ["en", "EN", "NanumSquare"], ["zh", "中文", "Noto Sans CJK SC"], ["ja", "日本語", "Noto Sans CJK JP"]]
            KButton {
                required property var modelData
                objectName: "topLang_" + modelData[0]
                text: modelData[1]
                accessibleName: modelData[1]
                fontFamily: modelData[2]
                checked: bar.kiosk.language === modelData[0]
                fill: checked ? Theme.primary : "transparent"
                ink: checked ? Theme.primaryInk : Theme.darkInk
                border.color: Theme.darkInk
                fontSize: Theme.fontSmall
                implicitWidth: Math.max(Theme.touchMin, Theme.s(84))
                onClicked: bar.kiosk.chooseLanguage(modelData[0])
            }
        }
        KButton {
            objectName: "staffCallButton"
            text: bar.kiosk.staffCalled ? qsTr("직원 호출됨") : qsTr("직원 호출")
            accessibleName: qsTr("직원 호출")
            fill: Theme.accent
            ink: "#FFFFFF"
            border.width: 0
            fontSize: Theme.fontSmall
            onClicked: bar.kiosk.callStaff()
        }
    }
}
