// A number pad for amounts, counts, PINs and cash-receipt numbers: digits, 00, delete, clear.
// `value` holds the digits typed; the display is the parent's business (masked where it must be).
import QtQuick
import "../common"

Grid {
    id: pad
    property string value: ""
    property int maxLength: 9
    property string prefix: "key"
    property bool allowDoubleZero: true
    property bool amount: true  // an amount drops leading zeros; a PIN or a phone number keeps them
    columns: 3
    spacing: Theme.gapSmall
    readonly property int key: Math.max(Theme.touchMin, Theme.s(60))

    function press(k) {
        if (k === "⌫") value = value.slice(0, -1)
        else if (k === "C") value = ""
        else if (value.length + k.length <= maxLength) value = amount ? (value + k).replace(/^0+(?=\d)/, "") : value + k
    }

    Repeater {
        model: ["7", "8", "9", "4", "5", "6", "1", "2", "3", pad.allowDoubleZero ? "00" : "C", "0", "⌫"]
        KButton {
            objectName: pad.prefix + "_" + (modelData === "⌫" ? "back" : modelData)
            width: pad.key * 1.3; height: pad.key
            text: modelData
            fontSize: Theme.fontLarge
            accessibleName: modelData === "⌫" ? qsTr("지우기") : modelData
            onClicked: pad.press(modelData)
        }
    }
}
