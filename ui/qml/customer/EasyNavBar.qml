// Easy mode's fixed bar: Home, Back and Help, always in the same place and the same size on every customer
// screen after the attract screen (docs/ACCESSIBILITY.md). Each screen leaves the bar's height free at its
// bottom and puts the bar there (`y: screen.height`), so the three buttons sit where they sat on the last
// screen. Home asks first when it would empty a cart; Back goes one step back (or the screen's own `back`,
// e.g. the options screen's previous page); Help opens the help (the keys, and a staff call). Where a step
// cannot be left (a payment in progress) Home and Back are shown disabled, in their places.
import QtQuick
import "../common"

Rectangle {
    id: nav
    objectName: "easyNavBar"
    required property var kiosk
    property var back: null  // function(): the screen's own "one step back"; null: the flow's Back
    readonly property bool shown: kiosk.easyMode
    readonly property string step: kiosk.step
    readonly property bool canBack: step !== "paying" && step !== "result"
    readonly property bool canHome: step !== "paying"
    visible: shown
    width: parent ? parent.width : 0
    // The window's height only (the same on every screen): a short window gets a lower bar.
    readonly property bool short: Window.height > 0 && Window.height < Theme.s(700)
    height: shown ? Theme.touchMin + (short ? Theme.gapSmall : Theme.gapSmall * 2) : 0
    z: 30  // over the screen's content, which ends above it anyway
    color: Theme.dark

    function goHome() {
        if (!canHome) return
        if (step === "result") kiosk.finish()
        else if (kiosk.cartCount > 0) confirm.active = true
        else kiosk.cancelOrder()
    }
    function goBack() {
        if (!canBack) return
        if (back) back()
        else kiosk.back()
    }

    Row {
        id: buttons
        anchors.centerIn: parent
        spacing: Theme.gapSmall
        readonly property real each: (nav.width - Theme.gap * 2 - spacing * 2) / 3
        // Narrow (a small portrait screen at large scales): the words alone, a size smaller, on one line.
        readonly property bool narrow: each < Theme.s(180)
        readonly property int fontSize: narrow ? Theme.fontSmall : Theme.fontBody
        KButton {
            id: homeButton
            objectName: "easyHomeButton"
            width: buttons.each
            height: Theme.touchMin
            fontSize: buttons.fontSize
            text: (buttons.narrow ? "" : "⌂ ") + qsTr("처음으로")
            accessibleName: qsTr("처음으로")
            enabled_: nav.canHome
            onClicked: nav.goHome()
        }
        KButton {
            objectName: "easyBackButton"
            width: buttons.each
            height: Theme.touchMin
            fontSize: buttons.fontSize
            text: (buttons.narrow ? "" : "← ") + qsTr("이전")
            accessibleName: qsTr("이전 화면으로")
            enabled_: nav.canBack
            onClicked: nav.goBack()
        }
        KButton {
            objectName: "easyHelpButton"
            width: buttons.each
            height: Theme.touchMin
            fontSize: buttons.fontSize
            fill: Theme.accent
            ink: Theme.accentInk
            text: (buttons.narrow ? "" : "? ") + qsTr("도움말")
            accessibleName: qsTr("도움말")
            onClicked: nav.kiosk.setHelpShown(true)
        }
    }

    // "Back to the start? Your cart will be emptied": over the screen and this bar (not the top bar, whose
    // staff call and languages stay usable). Made only when asked.
    Loader {
        id: confirm
        objectName: "easyHomeConfirm"
        active: false
        x: 0
        y: -nav.y
        width: nav.width
        height: nav.y + nav.height
        z: 40
        focus: active
        onLoaded: item.forceActiveFocus()
        onActiveChanged: if (!active && nav.shown) homeButton.forceActiveFocus(Qt.TabFocusReason)
        // A new screen (a timeout, staff) takes the question with it; so does leaving easy mode.
        Connections {
            target: nav.kiosk
            function onChanged() { if (!nav.shown || nav.kiosk.cartCount === 0) confirm.active = false }
        }
        sourceComponent: Rectangle {
            color: Theme.scrim
            Keys.onPressed: (event) => {
                if (event.key === Qt.Key_Backspace || event.key === Qt.Key_Back || event.key === Qt.Key_Escape) {
                    confirm.active = false
                    event.accepted = true
                }
            }
            Component.onCompleted: stayButton.forceActiveFocus(Qt.TabFocusReason)
            MouseArea { anchors.fill: parent; Accessible.ignored: true }  // the screen behind waits
            Rectangle {
                anchors.centerIn: parent
                width: Math.min(parent.width - Theme.gapLarge * 2, Theme.s(760))
                height: Math.min(parent.height - Theme.gap * 2, question.implicitHeight + Theme.gapLarge * 2)
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.controlBorder
                border.width: Math.max(1, Theme.s(2))
                Flickable {
                    anchors { fill: parent; margins: Theme.gapLarge }
                    contentHeight: question.implicitHeight
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds
                    Column {
                        id: question
                        width: parent.width
                        spacing: Theme.gap
                        Text {
                            width: parent.width
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignHCenter
                            text: qsTr("처음으로 돌아갈까요?")
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                        }
                        Text {
                            objectName: "easyHomeConfirmText"
                            width: parent.width
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignHCenter
                            text: qsTr("담은 메뉴 %1개가 지워집니다.").arg(nav.kiosk.cartCount)
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                        }
                        KButton {
                            id: stayButton
                            objectName: "easyHomeStay"
                            width: parent.width
                            primary: true
                            fontSize: Theme.fontLarge
                            text: qsTr("계속 주문하기")
                            navigator: function (forward) { leaveButton.forceActiveFocus(Qt.TabFocusReason) }
                            onClicked: confirm.active = false
                        }
                        KButton {
                            id: leaveButton
                            objectName: "easyHomeLeave"
                            width: parent.width
                            text: qsTr("처음으로 (메뉴 지우기)")
                            navigator: function (forward) { stayButton.forceActiveFocus(Qt.TabFocusReason) }
                            onClicked: { confirm.active = false; nav.kiosk.cancelOrder() }
                        }
                    }
                }
            }
        }
    }
}
