// The attract screen: the shop, a touch-to-start call and the four languages.
import QtQuick
import "../common"

FocusScope {
    id: screen
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
                visible: index < collage.columns * (screen.portrait ? 2 : 1) && image !== ""
                width: collage.cell
                height: width
                radius: width / 2
                color: "#14FFFFFF"
                Image {
                    anchors.fill: parent
                    anchors.margins: Theme.s(8)
                    source: parent.image
                    sourceSize.width: width
                    sourceSize.height: height
                    fillMode: Image.PreserveAspectFit
                    // Decoded off the GUI thread: the first frame does not wait for the photos.
                    asynchronous: true
                    opacity: status === Image.Ready ? 1 : 0
                    Behavior on opacity { NumberAnimation { duration: 250 } }
                }
            }
        }
    }

    Column {
        id: titleColumn
        anchors.horizontalCenter: parent.horizontalCenter
        y: screen.portrait ? parent.height * 0.08 : parent.height * 0.04
        spacing: Theme.gap
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: screen.kiosk.shopName
            color: Theme.highContrast ? "#FFE500" : "#F6D8B8"
            font.family: "NanumSquare"
            font.pixelSize: Theme.fontHuge * 1.25
            font.bold: true
        }
        Text {
            objectName: "attractWelcome"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("어서 오세요")
            color: "#FFFFFF"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
        }
    }

    Column {
        id: bottomColumn
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.s(screen.portrait ? 120 : 36) }
        spacing: Theme.gapLarge
        width: Math.min(parent.width - Theme.gapLarge * 2, Theme.s(880))

        KButton {
            id: startButton
            objectName: "startButton"
            focus: true  // keypad: Enter starts
            width: parent.width
            height: Theme.s(screen.portrait ? 140 : 110)
            primary: true
            radius: height / 2
            fontSize: Theme.fontTitle
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

        // Easy mode for older customers: everything bigger and more time; only for this customer.
        KButton {
            objectName: "easyModeButton"
            visible: screen.kiosk.outOfOrder === ""  // out of order: nothing to choose, only the message
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(parent.width, Theme.s(560))
            height: Theme.s(84)
            radius: height / 2
            fontSize: Theme.fontLarge
            checked: screen.kiosk.easyMode
            text: (checked ? "✓ " : "") + qsTr("큰 글씨 · 쉬운 주문")
            accessibleName: checked ? qsTr("큰 글씨 쉬운 주문 끄기") : qsTr("큰 글씨 쉬운 주문 켜기")
            fill: checked ? "#FFFFFF" : "transparent"
            ink: checked ? "#221A14" : "#FFFFFF"
            border.color: "#FFFFFF"
            onClicked: screen.kiosk.setEasyMode(!checked)
        }

        Row {
            visible: screen.kiosk.outOfOrder === ""
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.gap
            Repeater {
                model: [["ko", "한국어", "NanumSquare"], ["en", "English", "NanumSquare"],
                        ["zh", "中文", "Noto Sans CJK SC"], ["ja", "日本語", "Noto Sans CJK JP"]]
                KButton {
                    required property var modelData
                    objectName: "lang_" + modelData[0]
                    text: modelData[1]
                    accessibleName: modelData[1]
                    fontFamily: modelData[2]
                    width: Math.min(Theme.s(190), (bottomColumn.width - Theme.gap * 3) / 4)
                    height: Theme.s(76)
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
