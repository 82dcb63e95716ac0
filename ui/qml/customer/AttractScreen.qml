// The attract screen: the shop, a touch-to-start call and the four languages.
import QtQuick
import "../common"

FocusScope {
    id: screen
    focus: true  // the Loader is a focus scope: its screen takes the focus (keypad)
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent

    Rectangle {
        anchors.fill: parent
        anchors.topMargin: -Theme.topBar  // the attract screen fills the window under the transparent bar
        gradient: Gradient {
            GradientStop { position: 0.0; color: Theme.highContrast ? "#000000" : "#3B2A20" }
            GradientStop { position: 1.0; color: Theme.highContrast ? "#000000" : "#17110D" }
        }
    }

    // Anywhere on the screen starts, as the button says (the keypad uses the button itself).
    TapArea {
        objectName: "attractTouchArea"
        anchors.fill: parent
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("주문 시작")
        Accessible.onPressAction: screen.kiosk.start()
        onActivated: screen.kiosk.start()
    }

    // A few of the menu's photos, as a still collage: appetite first, words second.
    Grid {
        id: collage
        readonly property int rows: screen.portrait ? 2 : 1
        readonly property real space: bottomColumn.y - titleColumn.y - titleColumn.height - Theme.gapLarge * 2
        readonly property real cell: Math.max(0, Math.min(Theme.s(250), (screen.width - Theme.gapLarge * 2) / columns - spacing,
                                                          space / rows - spacing))
        anchors.horizontalCenter: parent.horizontalCenter
        y: titleColumn.y + titleColumn.height + Theme.gapLarge + (space - rows * (cell + spacing)) / 2
        columns: screen.portrait ? 3 : 5
        spacing: Theme.gap
        opacity: Theme.highContrast ? 0 : 1
        visible: cell >= Theme.s(90)  // too little room (landscape, large text): no photos, not dots
        Repeater {
            model: screen.kiosk.menu
            delegate: Rectangle {
                required property string image
                required property int index
                readonly property bool shown: index < collage.columns * collage.rows && image !== ""
                visible: shown
                width: collage.cell
                height: width
                radius: width / 2
                color: "#14FFFFFF"
                Image {
                    anchors.fill: parent
                    anchors.margins: Theme.s(8)
                    // Only the photos on show are read: not the whole menu's (52 in the demo) at start-up.
                    source: parent.shown && collage.visible ? parent.image : ""
                    sourceSize.width: width
                    sourceSize.height: height
                    fillMode: Image.PreserveAspectFit
                    // Decoded off the GUI thread: the first frame does not wait for the photos.
                    asynchronous: true
                    opacity: status === Image.Ready ? 1 : 0
                    // Short: the photos are part of "ready for customers" (docs/PERFORMANCE.md, cold start);
                    // decoded ~20-40 ms after the first frame, fully shown 60 ms later (was 250).
                    Behavior on opacity { NumberAnimation { duration: 60 } }
                }
            }
        }
    }

    // A short screen (landscape tablet, large text): smaller buttons, and the title takes what room is left.
    readonly property bool compact: height > 0 && height < Theme.s(760)

    Column {
        id: titleColumn
        anchors.horizontalCenter: parent.horizontalCenter
        y: screen.portrait ? parent.height * 0.08 : parent.height * 0.04
        width: parent.width - Theme.gapLarge * 2
        spacing: Theme.gap
        // Between the top and the buttons: the shop's name shrinks to fit, the welcome goes if it must.
        readonly property real room: bottomColumn.y - y - Theme.gapLarge
        Text {
            id: shopTitle
            // No room at all (a landscape tablet at 2.0): none here; a short landscape window shows it in the top
            // bar's free corner instead (TopBar.qml, the same rule).
            visible: titleColumn.room >= Theme.fontLarge * 1.3 && !(Window.height > 0 && Window.height < Theme.s(700) && Window.width > Window.height)
            width: parent.width
            height: Math.max(Theme.fontLarge * 1.3, Math.min(Theme.fontHuge * 1.25 * 1.3,
                             titleColumn.room - (welcome.visible ? welcome.height + titleColumn.spacing : 0)))
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            fontSizeMode: Text.Fit
            minimumPixelSize: Theme.fontLarge
            text: screen.kiosk.shopName
            color: Theme.highContrast ? "#FFE500" : "#F6D8B8"
            font.family: "NanumSquare"
            font.pixelSize: Theme.fontHuge * 1.25
            font.bold: true
        }
        Text {
            id: welcome
            objectName: "attractWelcome"
            visible: titleColumn.room >= Theme.fontLarge * 1.3 + height + titleColumn.spacing
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: qsTr("어서 오세요")
            color: "#FFFFFF"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
        }
    }

    Column {
        id: bottomColumn
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.s(screen.portrait && !screen.compact ? 120 : 24) }
        spacing: screen.compact ? Theme.gap : Theme.gapLarge
        width: Math.min(parent.width - Theme.gapLarge * 2, Theme.s(880))

        KButton {
            id: startButton
            objectName: "startButton"
            focus: true  // keypad: Enter starts
            width: parent.width
            height: Math.max(Theme.s(screen.compact ? 80 : screen.portrait ? 140 : 110), implicitHeight)
            primary: true
            radius: Math.min(height / 2, Theme.s(55))
            fontSize: screen.compact ? Theme.fontLarge : Theme.fontTitle
            // Until the ledger is open and open payments are resolved, the button says so and waits.
            enabled_: screen.kiosk.isReady
            // A damaged ledger: the kiosk is out of order until staff recover it (the text comes with both languages).
            text: screen.kiosk.outOfOrder !== "" ? screen.kiosk.outOfOrder
                : screen.kiosk.isReady ? qsTr("화면을 터치해 주문하세요") : qsTr("준비 중입니다. 잠시만 기다려 주세요")
            accessibleName: screen.kiosk.outOfOrder !== "" ? screen.kiosk.outOfOrder
                : screen.kiosk.isReady ? qsTr("주문 시작") : qsTr("준비 중")
            onClicked: screen.kiosk.start()
            SequentialAnimation on scale {
                loops: Animation.Infinite
                running: !startButton.activeFocus && screen.kiosk.isReady
                NumberAnimation { from: 1.0; to: 1.03; duration: 900; easing.type: Easing.InOutQuad }
                NumberAnimation { from: 1.03; to: 1.0; duration: 900; easing.type: Easing.InOutQuad }
            }
        }

        // Easy mode for older customers: everything bigger and more time; low position for wheelchair users
        // and children: everything in the lower part of the panel. Only for this customer.
        Row {
            id: modes
            visible: screen.kiosk.outOfOrder === ""  // out of order: nothing to choose, only the message
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.gap
            readonly property real each: (Math.min(bottomColumn.width, Theme.s(880)) - spacing) / 2
            KButton {
                objectName: "easyModeButton"
                width: modes.each
                height: Math.max(Theme.s(screen.compact ? 64 : 84), implicitHeight)
                radius: Math.min(height / 2, Theme.s(42))
                fontSize: screen.compact ? Theme.fontBody : Theme.fontLarge
                checked: screen.kiosk.easyMode
                text: (checked ? "✓ " : "") + qsTr("큰 글씨 · 쉬운 주문")
                accessibleName: checked ? qsTr("큰 글씨 쉬운 주문 끄기") : qsTr("큰 글씨 쉬운 주문 켜기")
                fill: checked ? "#FFFFFF" : "transparent"
                ink: checked ? "#221A14" : "#FFFFFF"
                border.color: "#FFFFFF"
                onClicked: screen.kiosk.setEasyMode(!checked)
            }
            KButton {
                objectName: "lowPositionButton"
                width: modes.each
                height: Math.max(Theme.s(screen.compact ? 64 : 84), implicitHeight)
                radius: Math.min(height / 2, Theme.s(42))
                fontSize: screen.compact ? Theme.fontBody : Theme.fontLarge
                checked: screen.kiosk.lowPosition
                text: (checked ? "✓ " : "") + qsTr("낮은 화면")
                accessibleName: checked ? qsTr("낮은 화면 끄기") : qsTr("낮은 화면 켜기")
                fill: checked ? "#FFFFFF" : "transparent"
                ink: checked ? "#221A14" : "#FFFFFF"
                border.color: "#FFFFFF"
                onClicked: screen.kiosk.setLowPosition(!checked)
            }
        }

        // Four in a row, or two by two when they would not fit (a narrow screen at large scales); each
        // keeps its place whatever the language.
        Grid {
            id: languages
            visible: screen.kiosk.outOfOrder === ""
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.gap
            readonly property real cell: Theme.s(190)
            columns: bottomColumn.width >= Theme.s(130) * 4 + spacing * 3 ? 4 : 2
            Repeater {
                model: [["ko", "한국어", "NanumSquare"], ["en", "English", "NanumSquare"],
                        ["zh", "中文", "Noto Sans CJK SC"], ["ja", "日本語", "Noto Sans CJK JP"]]
                KButton {
                    required property var modelData
                    objectName: "lang_" + modelData[0]
                    text: modelData[1]
                    accessibleName: modelData[1]
                    fontFamily: modelData[2]
                    width: Math.min(languages.cell, (bottomColumn.width - Theme.gap * (languages.columns - 1)) / languages.columns)
                    height: Theme.s(screen.compact ? 64 : 76)
                    radius: height / 2
                    checked: screen.kiosk.language === modelData[0]
                    fill: checked ? "#FFFFFF" : "transparent"
                    ink: checked ? "#221A14" : "#FFFFFF"
                    border.color: "#FFFFFF"
                    onClicked: screen.kiosk.chooseLanguage(modelData[0])
                }
            }
        }
    }
}
