// The one button: keyboard focus with a visible ring, Enter/Space to press, arrows to move, an
// accessible name, and a touch target of at least Theme.touchMin.
import QtQuick
import "reveal.js" as Reveal

Rectangle {
    id: root
    property string text: ""
    property string subText: ""
    property string accessibleName: text
    property bool primary: false
    property bool quiet: false
    property bool checked: false
    property bool enabled_: true
    property int fontSize: Theme.fontBody
    // A button whose size is fixed whatever its words (the top bar's): the words shrink, down to at most half,
    // until every line of them fits inside it (a CJK language's taller lines, a long translation).
    property bool fitText: false
    property string fontFamily: Theme.fontFamily
    property color fill: checked ? Theme.primary : primary ? Theme.primary : quiet ? "transparent" : Theme.surface
    property color ink: (checked || primary) ? Theme.primaryInk : Theme.text
    property var navigator: null  // function(forward): move focus; default: the next item in the focus chain
    signal clicked()

    implicitWidth: Math.max(Theme.touchMin, label.implicitWidth + Theme.gapLarge * 2)
    implicitHeight: Math.max(Theme.touchMin, column.implicitHeight + Theme.gap)
    radius: Theme.radiusSmall
    color: !enabled_ ? Theme.disabled : mouse.pressed ? Qt.darker(fill, 1.15) : fill
    border.width: quiet ? 0 : (checked || primary) && enabled_ ? 0 : Math.max(1, Theme.s(2))
    // A control's edge stands out from what is behind it (>= 3:1), disabled ones too.
    border.color: enabled_ ? Theme.controlBorder : Theme.disabledInk
    activeFocusOnTab: true

    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.onPressAction: root.activate()

    function activate() { if (enabled_) root.clicked() }

    // Keypad focus inside a scrolling view brings the control into view. Only the keypad's: a screen gives its
    // first control the focus as it opens, and scrolling to it then hid the screen's question from a touch
    // customer (the order-type screen at 2.0 on a landscape tablet).
    onActiveFocusChanged: if (activeFocus && Theme.keypadActive) Reveal.reveal(root)
    // Any other key (Tab, the voice keys) also means the keypad is in use.
    Keys.onPressed: (event) => { Theme.keypadActive = true; event.accepted = false }
    Keys.onReturnPressed: { Theme.keypadActive = true; activate() }
    Keys.onEnterPressed: { Theme.keypadActive = true; activate() }
    Keys.onSpacePressed: { Theme.keypadActive = true; activate() }
    function move(forward) {
        if (navigator) navigator(forward)
        else nextItemInFocusChain(forward).forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
    }
    Keys.onRightPressed: { Theme.keypadActive = true; move(true) }
    Keys.onDownPressed: { Theme.keypadActive = true; move(true) }
    Keys.onLeftPressed: { Theme.keypadActive = true; move(false) }
    Keys.onUpPressed: { Theme.keypadActive = true; move(false) }

    Column {
        id: column
        anchors.centerIn: parent
        width: parent.width - Theme.gap
        spacing: Theme.s(2)
        Text {
            id: label
            width: parent.width
            height: root.fitText ? root.height - Theme.gapSmall : undefined  // undefined: its implicit height
            fontSizeMode: root.fitText ? Text.Fit : Text.FixedSize
            minimumPixelSize: Math.ceil(root.fontSize / 2)
            verticalAlignment: Text.AlignVCenter
            text: root.text
            color: root.enabled_ ? root.ink : Theme.disabledInk
            font.family: root.fontFamily
            font.pixelSize: root.fontSize
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Loader {  // made only for a button that has a second line (most have none)
            active: root.subText !== ""
            visible: active
            width: parent.width
            sourceComponent: Text {
                text: root.subText
                color: root.enabled_ ? root.ink : Theme.disabledInk
                font.family: root.fontFamily
                font.pixelSize: Theme.fontSmall
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }
    }

    FocusRing { target: root }

    TapArea {
        id: mouse
        anchors.fill: parent
        onActivated: root.activate()
    }
}
