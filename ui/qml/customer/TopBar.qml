// Shop name, language choice and the staff-call button: on every screen.
import QtQuick
import "../common"

Rectangle {
    id: bar
    required property var kiosk
    property bool atAttract: false
    property var voice: null  // the window's voice guidance (ui/voice); its on-screen control sits here
    // A short window at a large scale (a landscape tablet at 2.0): a lower bar, buttons at the touch minimum,
    // so the menu under it keeps room for whole cards.
    readonly property bool short: Window.height > 0 && Window.height < Theme.s(700)
    readonly property bool shortLandscape: short && Window.width > Window.height
    readonly property int rowHeight: short ? Theme.touchMin + Theme.gapSmall * 2 : Theme.topBar
    readonly property int buttonHeight: Math.max(Theme.touchMin, rowHeight - Theme.gapSmall * 2)
    // The leftmost of the buttons that always stay in the first row: low position, voice, staff call.
    readonly property Item firstRowLeft: lowButton.visible ? lowButton : voiceButton.visible ? voiceButton : staffButton
    color: atAttract ? "transparent" : Theme.dark
    z: 10

    Text {
        anchors { left: parent.left; leftMargin: Theme.gapLarge; rightMargin: Theme.gap }
        anchors.right: problemBadge.visible ? problemBadge.left : bar.twoRows ? bar.firstRowLeft.left : buttons.left
        y: (bar.rowHeight - height) / 2
        // Large scales leave little room beside the buttons: a smaller name rather than a cut one, and
        // none at all when even the smallest does not fit.
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: Theme.fontSmall
        // On the attract screen only in a short landscape window: its own big title has no room there, so the name
        // takes the free corner beside the voice and staff buttons (AttractScreen.qml leaves it out then).
        objectName: "topBarShopName"
        visible: (!bar.atAttract || bar.shortLandscape) && smallest.width * 1.1 + Theme.s(4) <= width
        TextMetrics {
            id: smallest
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: true
            text: bar.kiosk.shopName
        }
        text: bar.kiosk.shopName
        color: bar.atAttract ? (Theme.highContrast ? "#FFE500" : "#F6D8B8") : Theme.darkInk
        font.family: Theme.fontFamily
        font.pixelSize: bar.atAttract ? Theme.fontTitle : Theme.fontLarge
        font.bold: true
    }

    // For staff: the receipt printer needs attention. Small and quiet, so customers carry on; outside the
    // row of buttons, so they never move when it comes and goes.
    // Where the room beside the buttons is too narrow for its words (2.0 on a 1280x800 or 800x1280 window), it
    // shows only its sign, and in two rows goes beside the languages when even that does not fit in the first.
    Rectangle {
            id: problemBadge
            objectName: "printerProblemBadge"
            visible: bar.kiosk.printerProblem
            readonly property real wordsWidth: wordsMetrics.advanceWidth + Theme.gap
            // Two rows: beside the first row's buttons when the sign fits there, else beside the languages.
            readonly property Item beside: bar.twoRows && bar.firstRowLeft.x >= height + Theme.gapSmall * 2
                                           ? bar.firstRowLeft : buttons
            readonly property bool words: beside.x >= wordsWidth + Theme.gapSmall * 2
            anchors { right: beside.left; rightMargin: Theme.gapSmall }
            y: beside === buttons && bar.twoRows ? buttons.y + (buttons.height - height) / 2 : (bar.rowHeight - height) / 2
            width: words ? wordsWidth : height  // the sign alone: a round badge
            height: wordsMetrics.height + Theme.s(8)
            radius: height / 2
            color: "transparent"
            border.color: Theme.danger
            border.width: Theme.s(2)
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("프린터 점검 필요") + ": " + bar.kiosk.printerProblemText
            TextMetrics {
                id: wordsMetrics
                font: problemLabel.font
                text: qsTr("프린터 점검")
            }
            Text {
                id: problemLabel
                anchors.centerIn: parent
                text: problemBadge.words ? wordsMetrics.text : "⚠"
                color: "#FCA5A5"  // on the dark bar and on the attract screen's dark background alike
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall * 0.8
                font.bold: true
            }
    }

    // Every button here has a fixed size: switching the language never moves one under a finger. When
    // they do not fit in one row (a narrow screen at large scales) the languages get a row of their own
    // (the shop's name gives way first: it shrinks, then goes).
    readonly property real langWidth: Math.max(Theme.touchMin, Theme.s(76))
    // Low position, voice and staff call: wide, or narrower with their words on two lines when that keeps
    // everything in one row (a landscape window at large scales); never dependent on the language.
    readonly property real sideWide: Theme.s(120)
    readonly property real sideNarrow: Math.max(Theme.touchMin, Theme.s(76))
    function rowWidth(side) {
        return langWidth * 4 + side + (voiceButton.visible ? side + Theme.gapSmall : 0)
               + (lowButton.visible ? side + Theme.gapSmall : 0) + Theme.gapSmall * 4 + Theme.gap * 2
    }
    readonly property real sideWidth: atAttract || rowWidth(sideWide) <= width || rowWidth(sideNarrow) > width ? sideWide : sideNarrow
    readonly property bool twoRows: !atAttract
        && rowWidth(sideWidth) > width
    height: twoRows ? rowHeight + buttonHeight + Theme.gapSmall : rowHeight

    Row {
        id: buttons
        anchors.right: bar.twoRows ? parent.right : bar.firstRowLeft.left
        anchors.rightMargin: bar.twoRows ? Theme.gap : Theme.gapSmall
        y: bar.twoRows ? bar.rowHeight - Theme.gapSmall : (bar.rowHeight - height) / 2
        spacing: Theme.gapSmall
        Repeater {
            model: bar.atAttract ? [] : [["ko", "한국어", "NanumSquare", "한국어"], ["en", "EN", "NanumSquare", "English"],
                                         ["zh", "中文", "Noto Sans CJK SC", "中文"], ["ja", "日本語", "Noto Sans CJK JP", "日本語"]]
            KButton {
                required property var modelData
                objectName: "topLang_" + modelData[0]
                text: modelData[1]
                accessibleName: modelData[3]
                fontFamily: modelData[2]
                checked: bar.kiosk.language === modelData[0]
                fill: checked ? Theme.primary : "transparent"
                ink: checked ? Theme.primaryInk : Theme.darkInk
                border.color: Theme.darkInk
                fontSize: Theme.fontSmall
                width: bar.langWidth
                height: bar.buttonHeight
                onClicked: bar.kiosk.chooseLanguage(modelData[0])
            }
        }
    }
    // Low position (낮은 화면) from every screen, not only the attract one: for a wheelchair user or a child
    // who started before seeing it. The attract screen has its own, bigger one.
    KButton {
        id: lowButton
        objectName: "topLowPosition"
        visible: !bar.atAttract
        anchors { right: voiceButton.visible ? voiceButton.left : staffButton.left; rightMargin: Theme.gapSmall }
        y: (bar.rowHeight - height) / 2
        width: bar.sideWidth
        height: bar.buttonHeight
        fitText: true
        checked: bar.kiosk.lowPosition
        fill: checked ? Theme.primary : "transparent"
        ink: checked ? Theme.primaryInk : Theme.darkInk
        border.color: Theme.darkInk
        fontSize: Theme.fontSmall
        text: (checked ? "✓ " : "") + qsTr("낮은 화면")
        accessibleName: checked ? qsTr("낮은 화면 끄기") : qsTr("낮은 화면 켜기")
        onClicked: bar.kiosk.setLowPosition(!checked)
    }
    VoiceButton {
        id: voiceButton
        voice: bar.voice
        anchors { right: staffButton.left; rightMargin: Theme.gapSmall }
        y: (bar.rowHeight - height) / 2
        width: bar.sideWidth
        height: bar.buttonHeight
        fitText: true
    }
    KButton {
        id: staffButton
        objectName: "staffCallButton"
        anchors { right: parent.right; rightMargin: Theme.gap }
        y: (bar.rowHeight - height) / 2
        text: bar.kiosk.staffCalled ? qsTr("직원 호출됨") : qsTr("직원 호출")
        accessibleName: bar.kiosk.staffCalled ? qsTr("직원 호출됨") : qsTr("직원 호출")
        fill: Theme.accent
        ink: Theme.accentInk
        border.width: 0
        fontSize: Theme.fontSmall
        width: bar.sideWidth
        height: bar.buttonHeight
        fitText: true
        onClicked: bar.kiosk.callStaff()
    }
}
