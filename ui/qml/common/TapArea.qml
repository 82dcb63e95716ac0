// The one way a touch activates something (DESIGN §16, docs/ACCESSIBILITY.md "Touch"): on release, only
// when the finger is still on the control; a press that slides off does nothing; the second tap of a
// double tap (a tremor, an impatient finger: the same gesture) is ignored, so one tap never adds twice.
import QtQuick

MouseArea {
    id: area
    signal activated()
    // The second press of a double click comes as doubleClicked; handling it here means its release
    // emits no clicked (QQuickMouseArea), so nothing happens twice.
    onDoubleClicked: (mouse) => { mouse.accepted = true }
    onPressed: Theme.keypadActive = false  // a touch: focus rings go until the keypad is used again
    onClicked: (mouse) => { if (area.containsMouse) area.activated() }
}
