// The kiosk window: in the customer mode a top bar (shop, languages, staff call), the current screen
// chosen by the view-model's router, and the idle warning on top; in any other mode that mode's Root.qml
// over the whole window (ui/modes.py). QML never decides where to go next or who may enter a mode.
import QtQuick
import QtQuick.Window
import "common"
import "customer"

Window {
    id: root
    objectName: "mainWindow"
    required property var kiosk
    required property var modes  // the mode router (ui/modes.py)
    required property var staff  // who is signed in (ui/staff/viewmodel.py)
    property var voice: null  // voice guidance (ui/voice/controller.py); null when the kiosk has none
    required property bool kioskMode
    required property real uiScale
    required property real easyScale
    required property bool highContrast
    required property int initialWidth
    required property int initialHeight
    property bool onScreenKeyboard: false  // the input method is Qt Virtual Keyboard (`kiosk run`, ui.onscreen_keyboard)
    // The ledger side is attached (ui/app.py `KioskWindow.attach`): staff can sign in from then on.
    property bool started: false
    // The on-screen keyboard (with Qt Multimedia behind its key sounds) is made the first time a staff mode
    // is on screen: the customer screens have no text field, so neither the first frame nor "touch to start"
    // waits for it. Once made, it stays.
    property bool keyboardWanted: false
    onCustomerModeChanged: if (!customerMode && started) keyboardWanted = true
    onStartedChanged: if (!customerMode && started) keyboardWanted = true

    width: initialWidth
    height: initialHeight
    visible: false
    color: Theme.background
    title: kiosk.shopName
    readonly property bool portrait: height >= width

    // Easy mode (a customer's choice on the attract screen) makes everything bigger, never smaller.
    Binding {
        target: Theme; property: "scale"
        value: root.kiosk.easyMode ? Math.min(2.0, Math.max(root.uiScale, root.easyScale)) : root.uiScale
    }
    Binding { target: Theme; property: "highContrast"; value: root.highContrast }
    Binding { target: Theme; property: "language"; value: root.kiosk.language }

    // Kiosk mode: closing (Alt+F4, the window manager's close) does nothing.
    onClosing: (close) => { close.accepted = !root.kioskMode }

    Shortcut {
        sequences: ["Ctrl+Q"]
        onActivated: if (!root.kioskMode) Qt.quit()
    }
    Shortcut {
        // Demo only: the simulated payment provider declines the next payment.
        sequence: "F9"
        onActivated: root.kiosk.declineNext()
    }
    Shortcut {
        // Demo only: as if the scanner read a customer's payment barcode (barcode payment screen).
        sequence: "F8"
        onActivated: root.kiosk.submitCode("DEMO-PAYCODE-0000")
    }

    function loadScreen() {
        // Only a new screen is loaded: `screen` is notified with every change of the view-model, and
        // reloading the same screen threw away its scroll position and focus after every tap (issue 18).
        if (screenLoader.item !== null && String(screenLoader.source).endsWith("/" + kiosk.screen))
            return
        screenLoader.setSource(kiosk.screen, { "kiosk": kiosk, "portrait": root.portrait })
    }
    Binding {
        target: screenLoader.item; property: "portrait"; value: root.portrait
        when: screenLoader.item !== null
    }
    // The attract screen's first frame is drawn from a stand-in (ui/attract.py); the customer view-model takes
    // its place right after (ui/app.py `KioskWindow.complete`), and the screen on show follows it.
    Binding {
        target: screenLoader.item; property: "kiosk"; value: root.kiosk
        when: screenLoader.item !== null
    }
    Connections {
        target: root.kiosk
        function onScreenChanged() { root.loadScreen() }
    }
    Component.onCompleted: {
        if (kioskMode)
            flags = flags | Qt.FramelessWindowHint
        loadScreen()
    }

    readonly property bool customerMode: modes.mode === "customer"

    Item {
        id: customerLayer
        objectName: "customerLayer"
        anchors.fill: parent
        // Low-position mode: everything a customer needs in the part of the panel within reach (from the
        // mounting settings); the part above stays empty (docs/ACCESSIBILITY.md).
        anchors.topMargin: root.kiosk.lowPosition ? Math.round(parent.height * (1 - root.kiosk.reachFraction)) : 0
        visible: root.customerMode
        enabled: root.customerMode

        TopBar {
            id: topBar
            kiosk: root.kiosk
            voice: root.voice
            anchors { left: parent.left; right: parent.right; top: parent.top }
            atAttract: root.kiosk.step === "attract"
        }

        Loader {
            id: screenLoader
            objectName: "screenLoader"
            anchors { left: parent.left; right: parent.right; top: topBar.bottom; bottom: parent.bottom }
            focus: root.customerMode
            // The keypad's Back and Help keys, when no control took them (docs/ACCESSIBILITY.md).
            Keys.onPressed: (event) => { event.accepted = root.kiosk.keypad(event.key) }
        }

        // Built when first needed, and compiled then too (a file, not an inline component: an inline one
        // is compiled with Main.qml, before the attract screen's first frame).
        Loader {
            objectName: "idleWarning"
            anchors.fill: parent
            z: 50
            readonly property bool shown: root.kiosk.idleWarning && root.customerMode
            onShownChanged: {
                if (shown)
                    setSource(Qt.resolvedUrl("customer/IdleWarning.qml"), { "kiosk": root.kiosk })
                else
                    source = ""
            }
        }
        Loader {
            anchors.fill: parent
            z: 40
            readonly property bool shown: root.kiosk.helpShown && root.customerMode
            onShownChanged: {
                if (shown) {
                    setSource(Qt.resolvedUrl("customer/KeypadHelp.qml"), { "kiosk": root.kiosk })
                } else {
                    source = ""
                    screenLoader.forceActiveFocus()  // back to the screen's focus
                }
            }
        }
    }

    // The way in for staff (docs/STAFF.md): a press held 3 s in the top-left corner of the customer screen
    // (the core decides: StaffSession.gesture). A short tap there does nothing; everywhere else is untouched.
    MouseArea {
        objectName: "staffCorner"
        x: 0; y: 0
        width: Math.min(root.width, root.height) * root.staff.cornerFraction
        height: width
        z: 55
        enabled: root.customerMode && !root.staff.padOpen
        onPressed: (mouse) => root.staff.cornerPressed(mouse.x, mouse.y, root.width, root.height)
        onReleased: root.staff.cornerReleased()
        onCanceled: root.staff.cornerReleased()
    }

    // Any other mode: its Root.qml over the whole window, made when the mode is entered and gone when
    // it is left (nothing of the back office stays in memory behind the customer screens).
    function loadMode() {
        if (root.customerMode)
            modeLoader.source = ""
        else
            modeLoader.setSource(modes.source, { "vm": modes.viewModel, "staff": root.staff, "portrait": root.portrait })
    }
    Connections {
        target: root.modes
        function onModeChanged() { root.loadMode() }
    }
    Loader {
        id: modeLoader
        objectName: "modeLoader"
        anchors.fill: parent
        z: 60
        focus: !root.customerMode
    }
    Binding {
        target: modeLoader.item; property: "portrait"; value: root.portrait
        when: modeLoader.item !== null
    }

    // Every press on a staff screen restarts the idle sign-out; the press itself goes on to the screen.
    MouseArea {
        anchors.fill: parent
        z: 61
        enabled: !root.customerMode
        onPressed: (mouse) => { root.staff.touch(); mouse.accepted = false }
    }
    // "Signing out in N s" in the idle sign-out's last seconds (never during a refund), and the PIN pad with
    // the mode chooser over whatever is on screen (a card tap opens it in any mode). Both are compiled when
    // first shown, not before the attract screen's first frame.
    readonly property bool signOutWarning: !customerMode && staff.idleWarning && !staff.padOpen
    onSignOutWarningChanged: {
        if (signOutWarning)
            signOutLoader.setSource(Qt.resolvedUrl("staff/SignOutWarning.qml"), { "staff": root.staff })
        else
            signOutLoader.source = ""
    }
    Loader {
        id: signOutLoader
        objectName: "signOutWarningLoader"
        anchors.fill: parent
        z: 70
    }
    readonly property bool padOpen: staff.padOpen
    onPadOpenChanged: {
        if (padOpen)
            pinPadLoader.setSource(Qt.resolvedUrl("staff/PinPad.qml"), { "staff": root.staff, "portrait": root.portrait })
        else
            pinPadLoader.source = ""
    }
    Loader {
        id: pinPadLoader
        objectName: "pinPadLoader"
        anchors.fill: parent
        z: 80
        focus: root.padOpen
    }
    Binding {
        target: pinPadLoader.item; property: "portrait"; value: root.portrait
        when: pinPadLoader.item !== null
    }

    // Over everything, made only where the on-screen keyboard is the input method, when first wanted (above),
    // asynchronously.
    Loader {
        objectName: "keyboardLoader"
        anchors.fill: parent
        z: 100
        active: root.onScreenKeyboard && root.keyboardWanted
        asynchronous: true
        source: "KeyboardPanel.qml"
    }
}
