// The staff sign-in over any screen (docs/STAFF.md): six masked digits, big keys, the refusal in words
// with a live countdown, choosing one's own PIN after a one-time PIN, then the modes this person may
// enter. The PIN itself never reaches QML: the view-model (ui/staff/viewmodel.py) keeps the digits and
// tells this screen only how many there are. Everything is decided in the core (kiosk/staff/).
import QtQuick
import "../common"

Rectangle {
    id: pad
    objectName: "pinPad"
    required property var staff
    required property bool portrait
    color: Theme.scrim

    MouseArea { anchors.fill: parent; onPressed: pad.staff.touch() }  // nothing behind is touchable

    // A USB keypad or keyboard works too: digits, Backspace, Escape.
    focus: true
    Keys.onPressed: (event) => {
        if (event.text.length === 1 && event.text >= "0" && event.text <= "9") {
            if (pad.keysOn) pad.staff.key(event.text)
            event.accepted = true
        } else if (event.key === Qt.Key_Backspace) {
            pad.staff.back(); event.accepted = true
        } else if (event.key === Qt.Key_Escape) {
            pad.staff.cancel(); event.accepted = true
        }
    }

    readonly property bool entering: staff.stage !== "modes"
    readonly property bool keysOn: entering && !staff.checking && staff.retryLeft <= 0
    // Keys as big as the height allows: at least 60 px, at most 110 px at scale 1.0.
    // In portrait the keys take the room between the words (which grow with a long message) and the
    // cancel button; in landscape the panel's height beside the words.
    readonly property int keySize: {
        var room = portrait ? cancelButton.y - words.y - words.height - Theme.gapLarge * 2
                            : panel.height - Theme.gapLarge * 2
        return Math.max(60, Math.min(Theme.s(portrait ? 130 : 110), Math.floor((room - Theme.gap * 3) / 4)))
    }

    function modeTitle(name) {
        if (name === "owner") return qsTr("관리자 화면")
        if (name === "counter") return qsTr("카운터 주문")
        if (name === "installer") return qsTr("설치 · 점검")
        return name
    }
    function modeSub(name) {
        if (name === "owner") return qsTr("매출, 주문과 환불, 품절, 직원 관리")
        if (name === "counter") return qsTr("직원이 주문을 받습니다")
        if (name === "installer") return qsTr("장치와 설정")
        return ""
    }

    function title() {
        var who = staff.greeting
        if (staff.stage === "choose")
            return qsTr("%1님, 자신의 PIN을 정하세요").arg(who)
        if (staff.stage === "confirm")
            return qsTr("같은 PIN을 한 번 더 입력하세요")
        if (staff.stage === "modes")
            return qsTr("%1님, 어디로 들어갈까요?").arg(who)
        return who !== "" ? qsTr("%1님, PIN을 입력하세요").arg(who) : qsTr("직원 PIN을 입력하세요")
    }
    function hint() {
        if (staff.stage === "choose")
            return qsTr("처음 로그인했습니다. 임시 PIN 대신 쓸 숫자 6자리를 정하세요. 같은 숫자 반복이나 연속된 숫자는 쓸 수 없습니다.")
        if (staff.stage === "confirm")
            return qsTr("확인을 위해 한 번 더 입력합니다.")
        if (staff.stage === "modes")
            return staff.choices.length === 0
                ? qsTr("이 단말기에는 %1님이 쓸 수 있는 화면이 아직 없습니다. 로그아웃하세요.").arg(staff.greeting)
                : qsTr("들어갈 화면을 고르세요.")
        return staff.greeting !== "" ? qsTr("카드를 확인했습니다. 숫자 6자리를 누르세요.")
                                     : qsTr("숫자 6자리를 누르세요. 직원 카드가 있으면 카드를 대도 됩니다.")
    }
    function refusalText() {
        var r = staff.refusal
        if (r === "wrong_pin") return qsTr("PIN이 맞지 않습니다. 다시 입력하세요.")
        if (r === "wait") return qsTr("PIN이 여러 번 틀렸습니다. %1초 후에 다시 입력할 수 있습니다.").arg(staff.retryLeft)
        if (r === "locked") return qsTr("PIN이 10번 틀려 잠겼습니다. %1분 후에 다시 시도하세요. 급하면 점주에게 PIN 재설정을 요청하세요.").arg(Math.ceil(staff.retryLeft / 60))
        if (r === "no_owner") return qsTr("점주 PIN이 아직 없습니다. 설치 기사가 단말기에서 'kiosk staff init-owner' 명령으로 점주와 PIN을 등록합니다 (안내서 STAFF.md).")
        if (r === "unknown_card") return qsTr("등록되지 않은 카드입니다.")
        if (r === "pin_expired") return qsTr("임시 PIN이 만료되었습니다. 점주에게 PIN 재설정을 요청하세요.")
        if (r === "pin_easy") return qsTr("쉽게 맞힐 수 있는 PIN이나 임시 PIN은 쓸 수 없습니다. 다른 6자리를 정하세요.")
        if (r === "pin_mismatch") return qsTr("두 번 입력한 PIN이 다릅니다. 처음부터 다시 정하세요.")
        if (r === "pin_in_use") return qsTr("이 PIN은 쓸 수 없습니다. 다른 PIN을 정하세요.")
        if (r === "change_failed") return qsTr("PIN을 바꾸지 못했습니다. 임시 PIN으로 다시 로그인하세요.")
        if (r === "payment_in_flight") return qsTr("결제가 진행 중입니다. 결제가 끝난 뒤 다시 시도하세요.")
        if (r === "not_permitted") return qsTr("이 화면에 들어갈 권한이 없습니다.")
        if (r === "not_on_this_terminal") return qsTr("이 단말기에는 그 화면이 없습니다.")
        if (r !== "") return qsTr("처리하지 못했습니다. 다시 시도하세요.")
        return ""
    }

    Rectangle {
        id: panel
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.gap * 2, pad.portrait ? Theme.s(720) : Theme.s(1100))
        // The chooser's panel is as tall as what it holds; the pad's as tall as the keys want.
        height: Math.min(parent.height - Theme.gap * 2,
                         !pad.entering ? words.height + chooser.height + cancelButton.height + Theme.gapLarge * 4
                                       : pad.portrait ? Theme.s(1180) : Theme.s(720))
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.highContrast ? Theme.s(3) : 0

        // The words: title, hint, dots, the refusal; beside the keys in landscape, above them in portrait.
        Column {
            id: words
            anchors { left: parent.left; top: parent.top; margins: Theme.gapLarge }
            width: pad.portrait ? parent.width - Theme.gapLarge * 2 : parent.width - keys.width - Theme.gapLarge * 3
            spacing: Theme.gap

            Text {
                objectName: "pinTitle"
                width: parent.width
                text: pad.title()
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "pinHint"
                width: parent.width
                text: pad.hint()
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }
            Row {
                objectName: "pinDots"
                visible: pad.entering
                spacing: Theme.gap
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("%1자리 입력됨").arg(pad.staff.typed)
                Repeater {
                    model: pad.staff.pinLength
                    Rectangle {
                        required property int index
                        width: Theme.s(30); height: width; radius: width / 2
                        color: index < pad.staff.typed ? Theme.text : "transparent"
                        border.color: Theme.text
                        border.width: Theme.s(3)
                    }
                }
            }
            Text {
                objectName: "pinChecking"
                visible: pad.staff.checking
                text: qsTr("확인 중…")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
            }
            Text {
                objectName: "pinRefusal"
                width: parent.width
                visible: text !== ""
                text: pad.refusalText()
                color: Theme.danger
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.WordWrap
            }
        }

        // The keys: 1–9, clear, 0, back.
        Grid {
            id: keys
            visible: pad.entering
            columns: 3
            spacing: Theme.gap
            x: pad.portrait ? (panel.width - width) / 2 : panel.width - width - Theme.gapLarge
            y: pad.portrait ? cancelButton.y - height - Theme.gapLarge : (panel.height - height) / 2
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"]
                KButton {
                    required property string modelData
                    objectName: modelData === "clear" ? "pinClear" : modelData === "back" ? "pinBack" : "pinKey_" + modelData
                    width: Math.round(pad.keySize * 1.25); height: pad.keySize
                    text: modelData === "clear" ? qsTr("지우기") : modelData === "back" ? "←" : modelData
                    accessibleName: modelData === "clear" ? qsTr("모두 지우기") : modelData === "back" ? qsTr("한 자리 지우기") : modelData
                    fontSize: modelData === "clear" ? Theme.fontLarge : Theme.fontTitle
                    enabled_: pad.keysOn
                    onClicked: modelData === "clear" ? pad.staff.clear() : modelData === "back" ? pad.staff.back() : pad.staff.key(modelData)
                }
            }
        }

        // After sign-in: where to go (side by side in landscape, one under another in portrait).
        Grid {
            id: chooser
            visible: !pad.entering
            anchors { left: parent.left; right: parent.right; top: words.bottom; margins: Theme.gapLarge }
            columns: pad.portrait ? 1 : Math.max(1, pad.staff.choices.length)
            spacing: Theme.gap
            Repeater {
                model: pad.staff.choices
                KButton {
                    required property string modelData
                    objectName: "chooseMode_" + modelData
                    width: (chooser.width - chooser.spacing * (chooser.columns - 1)) / chooser.columns
                    height: Theme.s(130)
                    primary: true
                    fontSize: Theme.fontTitle
                    text: pad.modeTitle(modelData)
                    subText: pad.modeSub(modelData)
                    onClicked: pad.staff.enterMode(modelData)
                }
            }
        }

        KButton {
            id: cancelButton
            objectName: pad.entering ? "pinCancel" : "pinSignOut"
            anchors { left: parent.left; bottom: parent.bottom; margins: Theme.gapLarge }
            width: pad.portrait || !pad.entering ? parent.width - Theme.gapLarge * 2 : words.width
            height: Theme.s(72)
            fontSize: Theme.fontLarge
            text: pad.entering ? qsTr("취소") : qsTr("로그아웃")
            enabled_: !pad.staff.checking
            onClicked: pad.staff.cancel()
        }
    }
}
