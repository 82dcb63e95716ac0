// The on-screen voice guidance control (음성 안내): turns the voice on and off. Put it where a customer
// finds it on every screen (docs/VOICE.md); `voice` is the window's voice controller (Main.qml's `voice`,
// ui/voice/controller.py) — with none the button is not shown. Its label shows the controller's `note` while
// Korean is spoken for want of a voice in the screen's language.
import QtQuick

KButton {
    id: root
    objectName: "voiceButton"
    property var voice: null
    readonly property bool on: voice !== null && voice.active

    visible: voice !== null
    quiet: false
    checked: on
    // While the screen's language has no voice, Korean is spoken and the button says so ("韩语语音").
    readonly property string note: on ? voice.note : ""
    text: note !== "" ? note : qsTr("음성 안내")
    accessibleName: on ? qsTr("음성 안내 끄기") + (note !== "" ? ", " + note : "") : qsTr("음성 안내 켜기")
    fontSize: Theme.fontSmall
    onClicked: if (voice !== null) voice.toggle()
}
