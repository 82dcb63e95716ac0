// The sound check: the spoken test phrase and a tone through the kiosk's voice output, the five volume
// steps, and the earphone jack's state live (plug and unplug to see it change). The installer says whether
// it all sounded right. `voice` is the window's voice guidance (ui/voice/controller.py); null when voice is
// off in the config, and then only "not working" can be reported.
import QtQuick
import "../common"

Rectangle {
    id: check
    objectName: "soundCheck"
    required property var voice
    property bool english: false
    signal done(bool good)
    color: Theme.background

    function tr(ko, en) { return check.english ? en : ko }
    readonly property string lang: check.english ? "en" : "ko"

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.gapLarge * 2, Theme.s(900))
        spacing: Theme.gapLarge

        Text {
            width: parent.width
            text: check.tr("소리 점검", "Sound check")
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
            color: Theme.text
        }
        Text {
            objectName: "soundHint"
            width: parent.width
            wrapMode: Text.WordWrap
            text: check.voice === null
                  ? check.tr("음성 안내가 꺼져 있어 소리를 낼 수 없습니다 (설정 voice.enabled).",
                             "Voice is off in the settings (voice.enabled): nothing can be played.")
                  : check.tr("안내 음성과 신호음을 틀고, 음량을 1부터 5까지 바꿔 보세요. 이어폰 잭이 있으면 꽂았다 빼 보세요.",
                             "Play the phrase and the tone, and try volume 1 to 5. If there is an earphone jack, plug and unplug.")
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        Flow {
            width: parent.width
            spacing: Theme.gap
            KButton {
                objectName: "soundPhrase"; enabled_: check.voice !== null
                text: check.tr("안내 음성", "Spoken phrase")
                onClicked: check.voice.soundCheck(check.lang)
            }
            KButton {
                objectName: "soundTone"; enabled_: check.voice !== null
                text: check.tr("신호음", "Tone")
                onClicked: check.voice.tone()
            }
        }
        Row {
            spacing: Theme.gap
            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: check.tr("음량", "Volume")
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                color: Theme.text
            }
            Repeater {
                model: 5
                KButton {
                    required property int index
                    objectName: "soundVolume" + (index + 1)
                    width: Theme.s(72)
                    enabled_: check.voice !== null
                    checked: check.voice !== null && check.voice.volume === index + 1
                    text: String(index + 1)
                    accessibleName: check.tr("음량 ", "Volume ") + (index + 1)
                    onClicked: check.voice.setVolume(index + 1, check.lang)
                }
            }
        }
        Text {
            objectName: "soundJack"
            width: parent.width
            text: check.voice === null || !check.voice.hasJack
                  ? check.tr("이어폰 잭: 없음 (찾지 못함)", "Earphone jack: none found")
                  : check.voice.earphones ? check.tr("이어폰 잭: 이어폰 꽂힘", "Earphone jack: earphones in")
                                          : check.tr("이어폰 잭: 이어폰 빠짐", "Earphone jack: no earphones")
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        Flow {
            width: parent.width
            spacing: Theme.gap
            KButton {
                objectName: "soundHeard"; primary: true; enabled_: check.voice !== null
                text: check.tr("들림 (정상)", "Heard it (OK)")
                onClicked: check.done(true)
            }
            KButton {
                objectName: "soundNotHeard"
                text: check.tr("안 들림 (이상)", "Did not hear it")
                onClicked: check.done(false)
            }
        }
    }
}
