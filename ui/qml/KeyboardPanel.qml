// The on-screen keyboard (Qt Virtual Keyboard, Korean 두벌식 with Hangul composition and English) for the few
// places a person types text on a terminal without a keyboard: a new staff member's name, the installer's
// shop details and enrollment code. It slides up from the bottom while a text field has focus; the customer
// screens have no text fields, so customers never see it. Loaded only when `kiosk run` enabled the input
// method (ui.onscreen_keyboard, the default).
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Item {
    id: area
    InputPanel {
        id: panel
        objectName: "onScreenKeyboard"
        width: Math.min(area.width, Math.max(area.height, 900))  // not wider than it is useful on a landscape screen
        anchors.horizontalCenter: area.horizontalCenter
        y: panel.active ? area.height - panel.height : area.height
        visible: panel.active
    }
    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["ko_KR", "en_US"]
        VirtualKeyboardSettings.locale = "ko_KR"
    }
}
