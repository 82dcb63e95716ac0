// Staff management (issue 14 item 3), a self-contained screen the owner's back office shows as a tab:
//     StaffManagement { vm: staff.management; staff: root.staff; portrait: root.portrait }
// Who works here with role, PIN and card; add (the one-time PIN is shown once, large), remove (after a
// confirmation), change role, register a card by tapping it on the reader, reset a PIN. What the signed-in
// person may do is the core's decision (ui/staff/manage.py over kiosk/staff/service.py): the buttons of
// people they may not manage are not offered, and the core refuses anyway.
import QtQuick
import "../common"

Rectangle {
    id: screen
    objectName: "staffManagement"
    required property var vm     // ui/staff/manage.py StaffManagementViewModel
    required property var staff  // ui/staff/viewmodel.py StaffViewModel
    property bool portrait: height >= width
    color: Theme.background

    property string selectedId: ""
    property string selectedName: ""
    property string dialog: ""  // "add", "role", "remove" or ""
    property string newRole: "staff"

    function touch() { screen.staff.touch() }

    function roleName(role) {
        if (role === "owner") return qsTr("점주")
        if (role === "manager") return qsTr("매니저")
        if (role === "staff") return qsTr("직원")
        if (role === "installer") return qsTr("설치 기사")
        return role
    }
    function pinText(pin) {
        if (pin === "set") return qsTr("PIN 설정됨")
        if (pin === "one_time") return qsTr("임시 PIN (첫 로그인 때 바꿈)")
        return qsTr("PIN 없음")
    }
    function noticeText(n) {
        if (n === "added") return qsTr("추가했습니다.")
        if (n === "removed") return qsTr("삭제했습니다. 이 사람의 PIN과 카드는 더 이상 쓸 수 없습니다.")
        if (n === "role_set") return qsTr("역할을 바꿨습니다.")
        if (n === "card_registered") return qsTr("카드를 등록했습니다.")
        if (n === "pin_reset") return qsTr("PIN을 재설정했습니다.")
        return ""
    }
    function problemText(p) {
        if (p === "not_permitted") return qsTr("권한이 없습니다. 매니저는 직원만 관리할 수 있습니다. 점주에게 요청하세요.")
        if (p === "last_owner") return qsTr("마지막 점주는 삭제하거나 역할을 바꿀 수 없습니다. 먼저 다른 점주를 추가하세요.")
        if (p === "payment_card") return qsTr("결제 카드는 등록할 수 없습니다. 직원 카드(일반 NFC 카드나 태그)를 대 주세요.")
        if (p === "card_taken") return qsTr("이미 다른 사람에게 등록된 카드입니다. 그 사람의 카드를 먼저 지우세요.")
        if (p === "card_unreadable") return qsTr("카드를 읽지 못했습니다. 다시 대고 잠시 그대로 두세요.")
        if (p === "bad_name") return qsTr("이름은 1~64자로 입력하세요.")
        if (p === "unknown_person") return qsTr("이미 목록에 없는 사람입니다.")
        if (p !== "") return qsTr("처리하지 못했습니다. 다시 시도하세요.")
        return ""
    }

    MouseArea { anchors.fill: parent; onPressed: (mouse) => { screen.touch(); mouse.accepted = false } }

    Item {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gapLarge }
        height: Math.max(addButton.height, titleText.implicitHeight)
        Text {
            id: titleText
            anchors { left: parent.left; right: addButton.left; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
            text: qsTr("직원 관리")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            elide: Text.ElideRight
        }
        KButton {
            id: addButton
            objectName: "staffAdd"
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            height: Theme.s(72)
            primary: true
            fontSize: Theme.fontLarge
            text: qsTr("+ 직원 추가")
            visible: screen.vm.roles.length > 0
            onClicked: { screen.newRole = "staff"; nameInput.text = ""; screen.dialog = "add"; screen.touch() }
        }
    }

    // The last action's result (or why it was refused): tap to close.
    Rectangle {
        id: banner
        objectName: screen.vm.problem !== "" ? "staffProblem" : "staffNotice"
        visible: screen.vm.problem !== "" || screen.vm.notice !== ""
        anchors { left: parent.left; right: parent.right; top: header.bottom; margins: Theme.gapLarge }
        height: visible ? bannerText.implicitHeight + Theme.gap * 2 : 0
        radius: Theme.radiusSmall
        color: screen.vm.problem !== "" ? Theme.danger : Theme.accent
        property string text: screen.vm.problem !== "" ? screen.problemText(screen.vm.problem) : screen.noticeText(screen.vm.notice)
        Text {
            id: bannerText
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.gap }
            text: banner.text
            color: Theme.highContrast ? "#000000" : "#FFFFFF"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            wrapMode: Text.WordWrap
        }
        MouseArea { anchors.fill: parent; onClicked: screen.vm.dismiss() }
    }

    ListView {
        id: list
        objectName: "staffList"
        anchors {
            left: parent.left; right: parent.right; bottom: parent.bottom
            top: banner.visible ? banner.bottom : header.bottom
            margins: Theme.gapLarge
        }
        clip: true
        spacing: Theme.gap
        boundsBehavior: Flickable.StopAtBounds
        model: screen.vm.peopleModel

        delegate: Rectangle {
            id: row
            required property var model
            readonly property var modelData: model  // id, name, role, pin, card, manageable, me
            objectName: "staffRow_" + modelData.name
            width: ListView.view.width
            height: content.height + Theme.gap * 2
            radius: Theme.radiusSmall
            color: Theme.surface
            border.color: Theme.border
            border.width: Math.max(1, Theme.s(2))
            // The buttons beside the name when the row is wide enough (landscape), else under it.
            readonly property real buttonsWidth: roleButton.implicitWidth + cardButton.implicitWidth
                + resetButton.implicitWidth + (removeButton.visible ? removeButton.implicitWidth + buttons.spacing : 0)
                + buttons.spacing * 2
            readonly property bool wide: content.width >= buttonsWidth + Theme.s(360)

            Item {
                id: content
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
                height: row.wide ? Math.max(info.height, buttons.visible ? buttons.height : 0)
                                 : info.height + (buttons.visible ? Theme.gapSmall + buttons.height : 0)
                Column {
                    id: info
                    width: row.wide && buttons.visible ? content.width - row.buttonsWidth - Theme.gap : content.width
                    anchors.verticalCenter: row.wide ? parent.verticalCenter : undefined
                    spacing: Theme.gapSmall
                    Text {
                        width: parent.width
                        text: row.modelData.name + (row.modelData.me ? qsTr(" (나)") : "")
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Text {
                        objectName: "staffStatus_" + row.modelData.name
                        width: parent.width
                        text: screen.roleName(row.modelData.role) + " · " + screen.pinText(row.modelData.pin)
                              + " · " + (row.modelData.card ? qsTr("카드 등록됨") : qsTr("카드 없음"))
                        color: Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WordWrap
                    }
                }
                Flow {
                    id: buttons
                    visible: row.modelData.manageable
                    width: row.wide ? row.buttonsWidth + 1 : content.width
                    x: row.wide ? content.width - width : 0
                    y: row.wide ? (content.height - height) / 2 : info.height + Theme.gapSmall
                    spacing: Theme.gapSmall
                    KButton {
                        id: roleButton
                        objectName: "staffRole_" + row.modelData.name
                        text: qsTr("역할 변경")
                        onClicked: { screen.selectedId = row.modelData.id; screen.selectedName = row.modelData.name; screen.newRole = row.modelData.role; screen.dialog = "role"; screen.touch() }
                    }
                    KButton {
                        id: cardButton
                        objectName: "staffCard_" + row.modelData.name
                        text: row.modelData.card ? qsTr("카드 다시 등록") : qsTr("카드 등록")
                        onClicked: screen.vm.registerCard(row.modelData.id)
                    }
                    KButton {
                        id: resetButton
                        objectName: "staffReset_" + row.modelData.name
                        text: qsTr("PIN 재설정")
                        onClicked: screen.vm.resetPin(row.modelData.id)
                    }
                    KButton {
                        id: removeButton
                        objectName: "staffRemove_" + row.modelData.name
                        text: qsTr("삭제")
                        ink: Theme.danger
                        visible: !row.modelData.me
                        onClicked: { screen.selectedId = row.modelData.id; screen.selectedName = row.modelData.name; screen.dialog = "remove"; screen.touch() }
                    }
                }
            }
        }
    }

    // --- dialogs ------------------------------------------------------------------------------

    StaffDialog {
        objectName: "staffAddDialog"
        visible: screen.dialog === "add"
        title: qsTr("직원 추가")
        onTouched: screen.touch()
        Text {
            width: parent.width
            text: qsTr("이름")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        Rectangle {
            width: parent.width
            height: Theme.s(72)
            radius: Theme.radiusSmall
            color: Theme.surface
            border.color: nameInput.activeFocus ? Theme.focusRing : Theme.border
            border.width: Theme.s(3)
            TextInput {
                id: nameInput
                objectName: "staffNameInput"
                anchors { fill: parent; margins: Theme.gap }
                verticalAlignment: TextInput.AlignVCenter
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                maximumLength: 64
                clip: true
                onTextEdited: screen.touch()
            }
        }
        Text {
            width: parent.width
            text: qsTr("역할")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        Flow {
            width: parent.width
            spacing: Theme.gapSmall
            Repeater {
                model: screen.vm.roles
                KButton {
                    required property string modelData
                    objectName: "addRole_" + modelData
                    text: screen.roleName(modelData)
                    checked: screen.newRole === modelData
                    onClicked: { screen.newRole = modelData; screen.touch() }
                }
            }
        }
        Text {
            width: parent.width
            text: qsTr("추가하면 임시 PIN을 한 번만 보여 드립니다. 그 사람이 처음 로그인할 때 자신의 PIN으로 바꿉니다.")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }
        Row {
            id: addButtons
            width: parent.width
            spacing: Theme.gap
            KButton {
                objectName: "staffAddConfirm"
                width: (addButtons.width - addButtons.spacing) / 2
                height: Theme.s(72)
                primary: true
                fontSize: Theme.fontLarge
                text: qsTr("추가")
                enabled_: nameInput.text.trim() !== ""
                onClicked: { screen.vm.add(nameInput.text, screen.newRole); screen.dialog = "" }
            }
            KButton {
                objectName: "staffAddCancel"
                width: (addButtons.width - addButtons.spacing) / 2
                height: Theme.s(72)
                fontSize: Theme.fontLarge
                text: qsTr("취소")
                onClicked: screen.dialog = ""
            }
        }
    }

    StaffDialog {
        objectName: "staffRoleDialog"
        visible: screen.dialog === "role"
        title: qsTr("%1님의 역할").arg(screen.selectedName)
        onTouched: screen.touch()
        Repeater {
            model: screen.vm.roles
            KButton {
                required property string modelData
                objectName: "setRole_" + modelData
                width: parent.width
                height: Theme.s(72)
                fontSize: Theme.fontLarge
                text: screen.roleName(modelData)
                checked: screen.newRole === modelData
                onClicked: { screen.vm.setRole(screen.selectedId, modelData); screen.dialog = "" }
            }
        }
        KButton {
            objectName: "staffRoleCancel"
            width: parent.width
            height: Theme.s(72)
            fontSize: Theme.fontLarge
            quiet: true
            text: qsTr("취소")
            onClicked: screen.dialog = ""
        }
    }

    StaffDialog {
        objectName: "staffRemoveDialog"
        visible: screen.dialog === "remove"
        title: qsTr("%1님을 삭제할까요?").arg(screen.selectedName)
        onTouched: screen.touch()
        Text {
            width: parent.width
            text: qsTr("삭제하면 이 사람의 PIN과 카드로는 더 이상 로그인할 수 없습니다. 판매 기록은 그대로 남습니다.")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }
        KButton {
            objectName: "staffRemoveConfirm"
            width: parent.width
            height: Theme.s(72)
            fill: Theme.danger
            ink: "#FFFFFF"
            fontSize: Theme.fontLarge
            text: qsTr("삭제")
            onClicked: { screen.vm.remove(screen.selectedId); screen.dialog = "" }
        }
        KButton {
            objectName: "staffRemoveCancel"
            width: parent.width
            height: Theme.s(72)
            fontSize: Theme.fontLarge
            text: qsTr("취소")
            onClicked: screen.dialog = ""
        }
    }

    StaffDialog {
        objectName: "staffCardDialog"
        visible: screen.vm.waitingFor !== ""
        title: qsTr("%1님의 카드를 리더기에 대 주세요").arg(screen.vm.waitingFor)
        onTouched: screen.touch()
        Text {
            width: parent.width
            text: qsTr("직원 카드(일반 NFC 카드나 태그)를 대면 바로 등록됩니다. 결제 카드는 등록할 수 없습니다.")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }
        KButton {
            objectName: "staffCardCancel"
            width: parent.width
            height: Theme.s(72)
            fontSize: Theme.fontLarge
            text: qsTr("취소")
            onClicked: screen.vm.cancelCard()
        }
    }

    StaffDialog {
        objectName: "staffPinDialog"
        visible: screen.vm.shownPin !== ""
        title: qsTr("%1님의 임시 PIN").arg(screen.vm.shownFor)
        onTouched: screen.touch()
        Text {
            objectName: "shownPin"
            width: parent.width
            text: screen.vm.shownPin
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
            font.letterSpacing: Theme.s(12)
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            width: parent.width
            text: qsTr("지금 한 번만 보여 드립니다. 본인에게 알려 주세요. 처음 로그인할 때 자신의 PIN으로 바꾸며, 24시간 안에 바꾸지 않으면 쓸 수 없게 됩니다.")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }
        KButton {
            objectName: "staffPinDone"
            width: parent.width
            height: Theme.s(80)
            primary: true
            fontSize: Theme.fontLarge
            text: qsTr("확인했습니다")
            onClicked: screen.vm.dismissPin()
        }
    }

    // Adding, resetting: a PIN hash takes a moment.
    Rectangle {
        objectName: "staffBusy"
        anchors.fill: parent
        visible: screen.vm.busy
        color: Theme.scrim
        MouseArea { anchors.fill: parent }
        Text {
            anchors.centerIn: parent
            text: qsTr("처리 중…")
            color: "#FFFFFF"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
        }
    }
}
