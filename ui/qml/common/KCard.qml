// A large touch control drawn by its screen (a menu item, a dine-in / take-out card, a payment method):
// the same keypad, touch and accessibility behaviour as KButton — Enter / Space activate, arrows move in
// reading order (or as `navigator(forward)` says, for cards in a scrolling view), a visible focus ring,
// an accessible name and role, activation on release (TapArea).
import QtQuick
import "reveal.js" as Reveal

Rectangle {
    id: root
    property string accessibleName: ""
    property bool enabled_: true
    property var navigator: null  // function(forward): move focus; default: the next item in the focus chain
    readonly property bool pressed: tap.pressed
    signal clicked()

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.onPressAction: root.activate()

    function activate() { if (enabled_) root.clicked() }
    function move(forward) {
        if (navigator) navigator(forward)
        else nextItemInFocusChain(forward).forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
    }

    // Keypad focus inside a scrolling view brings the control into view. Only the keypad's: a screen gives its
    // first control the focus as it opens, and scrolling to it then hid the screen's question from a touch
    // customer (the order-type screen at 2.0 on a landscape tablet).
    onActiveFocusChanged: if (activeFocus && Theme.keypadActive) Reveal.reveal(root)
    // Any other key (Tab, the voice keys) also means the keypad is in use.
    Keys.onPressed: (event) => { Theme.keypadActive = true; event.accepted = false }
    Keys.onReturnPressed: { Theme.keypadActive = true; activate() }
    Keys.onEnterPressed: { Theme.keypadActive = true; activate() }
    Keys.onSpacePressed: { Theme.keypadActive = true; activate() }
    Keys.onRightPressed: { Theme.keypadActive = true; move(true) }
    Keys.onDownPressed: { Theme.keypadActive = true; move(true) }
    Keys.onLeftPressed: { Theme.keypadActive = true; move(false) }
    Keys.onUpPressed: { Theme.keypadActive = true; move(false) }

    FocusRing { target: root }

    TapArea {
        id: tap
        anchors.fill: parent
        onActivated: root.activate()
    }
}
