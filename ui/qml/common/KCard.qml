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

    // Keypad focus inside a scrolling view brings the control into view.
    onActiveFocusChanged: if (activeFocus) Reveal.reveal(root)
    Keys.onReturnPressed: activate()
    Keys.onEnterPressed: activate()
    Keys.onSpacePressed: activate()
    Keys.onRightPressed: move(true)
    Keys.onDownPressed: move(true)
    Keys.onLeftPressed: move(false)
    Keys.onUpPressed: move(false)

    FocusRing { target: root }

    TapArea {
        id: tap
        anchors.fill: parent
        onActivated: root.activate()
    }
}
