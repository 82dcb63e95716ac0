// Digits by touch (no keyboard on a kiosk): 1-9, clear, 0, back.
import QtQuick
import "../common"

Grid {
    id: pad
    property string value: ""
    property int maxLength: 9
    columns: 3
    spacing: Theme.gapSmall
    readonly property real keyW: (width - spacing * 2) / 3
    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "⌫"]
        KButton {
            required property var modelData
            objectName: "key_" + (modelData === "⌫" ? "back" : modelData)
            width: pad.keyW
            height: Theme.touchMin
            text: modelData
            fontSize: Theme.fontLarge
            accessibleName: modelData === "C" ? "clear" : modelData === "⌫" ? "backspace" : modelData
            onClicked: {
                if (modelData === "C") pad.value = ""
                else if (modelData === "⌫") pad.value = pad.value.slice(0, -1)
                else if (pad.value.length < pad.maxLength) pad.value = pad.value + modelData
            }
        }
    }
}
