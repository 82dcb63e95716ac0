// The installer's mode (issue 16): the first set-up wizard — language, shop, enrollment, devices, the
// owner's PIN, the terminal's mode — and the self-test checklist with what to do for each result. Every
// decision is the core's (ui/installer/viewmodel.py → kiosk/installer); this file only shows and reports.
import QtQuick
import "../common"

Rectangle {
    id: root
    objectName: "installerRoot"
    required property var vm
    required property var staff
    required property bool portrait
    // The set-up person's language on these screens (the wizard's first step sets the terminal's).
    property string language: vm.language
    readonly property bool english: language === "en"
    function tr(ko, en) { return english ? en : ko }
    property bool screenCheck: false
    property bool soundCheck: false
    color: Theme.background

    MouseArea {  // any touch keeps the set-up person signed in (idle sign-out restarts)
        anchors.fill: parent
        propagateComposedEvents: true
        onPressed: function (mouse) { root.staff.touch(); mouse.accepted = false }
    }

    // --- top bar ------------------------------------------------------------------------------------
    Rectangle {
        id: bar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.topBar
        color: Theme.dark
        Text {
            anchors { left: parent.left; leftMargin: Theme.gapLarge; verticalCenter: parent.verticalCenter }
            width: parent.width - barButtons.width - Theme.gapLarge * 2
            text: root.tr("설치 · 점검", "Installer") + "  ·  " + root.staff.personName
            color: Theme.darkInk
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            elide: Text.ElideRight
        }
        Row {
            id: barButtons
            anchors { right: parent.right; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
            spacing: Theme.gapSmall
            KButton {
                objectName: "languageToggle"
                text: root.english ? "한국어" : "English"
                onClicked: root.language = root.english ? "ko" : "en"
            }
            KButton {
                objectName: "signOut"
                visible: root.vm.setUp
                text: root.tr("나가기", "Sign out")
                onClicked: root.staff.signOut()
            }
        }
    }

    // --- the steps (a rail on the left in landscape, a wrapping row on top in portrait) -------------
    Flow {
        id: rail
        objectName: "stepRail"
        anchors { left: parent.left; top: bar.bottom; margins: Theme.gap }
        width: root.portrait ? parent.width - Theme.gap * 2 : Theme.s(250)
        spacing: Theme.gapSmall
        Repeater {
            model: root.vm.steps
            KButton {
                required property var modelData
                required property int index
                objectName: "step_" + modelData.id
                width: root.portrait ? (rail.width - Theme.gapSmall * 3) / 4 : rail.width
                checked: modelData.current
                text: (modelData.done ? "✓ " : (index + 1) + ". ") + root.tr(modelData.ko, modelData.en)
                fontSize: Theme.fontSmall
                onClicked: root.vm.goTo(modelData.id)
            }
        }
    }

    Flickable {
        id: page
        anchors {
            left: root.portrait ? parent.left : rail.right
            right: parent.right
            top: root.portrait ? rail.bottom : bar.bottom
            bottom: messageBar.top
            margins: Theme.gap
        }
        contentHeight: stepLoader.item ? stepLoader.item.implicitHeight + Theme.gap : 0
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Loader {
            id: stepLoader
            width: page.width
            sourceComponent: ({ "language": languageStep, "shop": shopStep, "enroll": enrollStep,
                                "devices": devicesStep, "owner": ownerStep, "mode": modeStep,
                                "selftest": selftestStep })[root.vm.step]
        }
    }

    Rectangle {
        id: messageBar
        objectName: "messageBar"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: messageText.text !== "" || root.vm.isBusy ? messageText.implicitHeight + Theme.gap * 2 : 0
        // High contrast: the error's colour on black (white on its light red would be unreadable).
        color: root.vm.messageIsError && !Theme.highContrast ? Theme.danger : Theme.dark
        border.width: Theme.highContrast ? Math.max(1, Theme.s(2)) : 0
        border.color: root.vm.messageIsError ? Theme.danger : Theme.border
        Text {
            id: messageText
            objectName: "message"
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.gap }
            text: root.vm.isBusy ? root.tr("잠시만 기다려 주세요…", "Please wait…") : root.vm.message
            color: root.vm.messageIsError && Theme.highContrast ? Theme.danger : "#FFFFFF"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }
    }

    // --- shared pieces ------------------------------------------------------------------------------
    component Heading: Text {
        width: parent ? parent.width : 0
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.bold: true
        wrapMode: Text.WordWrap
    }
    component Body: Text {
        width: parent ? parent.width : 0
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WordWrap
    }

    // --- 1. language --------------------------------------------------------------------------------
    Component {
        id: languageStep
        Column {
            spacing: Theme.gapLarge
            Heading { text: root.tr("언어를 고르세요", "Choose the language") }
            Body { text: root.tr("화면과 안내에 쓸 기본 언어입니다. 손님은 주문 화면에서 바꿀 수 있습니다.",
                                 "The terminal's main language; customers can switch on the ordering screen.") }
            Row {
                spacing: Theme.gap
                KButton {
                    objectName: "lang_ko"; width: Theme.s(260); primary: true; text: "한국어"
                    onClicked: { root.language = "ko"; root.vm.setLanguage("ko") }
                }
                KButton {
                    objectName: "lang_en"; width: Theme.s(260); text: "English"
                    onClicked: { root.language = "en"; root.vm.setLanguage("en") }
                }
            }
        }
    }

    // --- 2. shop ------------------------------------------------------------------------------------
    Component {
        id: shopStep
        Column {
            spacing: Theme.gap
            Heading { text: root.tr("가게 정보", "Shop details") }
            Body { text: root.tr("사업자등록증에 적힌 그대로 넣으세요. 등록번호의 마지막 숫자는 검증 숫자입니다.",
                                 "Copy them from the business registration; the number's last digit is a check digit.") }
            Field { id: shopName; fieldName: "shopName"; width: parent.width; label: root.tr("상호", "Shop name"); Component.onCompleted: text = root.vm.shop.name }
            Field {
                id: shopNumber; fieldName: "businessNumber"; width: parent.width
                label: root.tr("사업자등록번호 (10자리)", "Business number (10 digits)")
                inputMethodHints: Qt.ImhDigitsOnly; maximumLength: 12
                Component.onCompleted: text = root.vm.shop.businessNumber
            }
            Field { id: shopOwner; fieldName: "ownerName"; width: parent.width; label: root.tr("대표자", "Owner"); Component.onCompleted: text = root.vm.shop.owner }
            Field { id: shopAddress; fieldName: "address"; width: parent.width; label: root.tr("주소", "Address"); Component.onCompleted: text = root.vm.shop.address }
            Field {
                id: shopPhone; fieldName: "phone"; width: parent.width; label: root.tr("전화", "Phone")
                inputMethodHints: Qt.ImhDialableCharactersOnly
                Component.onCompleted: text = root.vm.shop.phone
            }
            KButton {
                objectName: "saveShop"; width: parent.width; primary: true
                text: root.tr("저장하고 다음", "Save and continue")
                onClicked: root.vm.saveShop(shopName.text, shopNumber.text, shopOwner.text, shopAddress.text, shopPhone.text)
            }
        }
    }

    // --- 3. enrollment ------------------------------------------------------------------------------
    Component {
        id: enrollStep
        Column {
            spacing: Theme.gap
            Heading { text: root.tr("프로그램 등록", "Enroll with the programme") }
            Body {
                text: root.vm.terminalId !== ""
                      ? root.tr("등록되었습니다. 단말기 번호: ", "Enrolled. Terminal: ") + root.vm.terminalId
                      : root.tr("프로그램에서 받은 서버 주소와 등록 코드를 넣으세요. 단말기 키는 이 기기에서 만들어집니다.",
                                "Enter the server address and the enrollment code from the programme. The device key is made on this terminal.")
            }
            Field { id: backend; fieldName: "backendUrl"; width: parent.width; label: root.tr("서버 주소", "Server address"); Component.onCompleted: text = root.vm.backendUrl }
            Field { id: code; fieldName: "enrollCode"; width: parent.width; label: root.tr("등록 코드", "Enrollment code") }
            KButton {
                objectName: "enroll"; width: parent.width; primary: true; enabled_: !root.vm.isBusy
                text: root.tr("등록", "Enroll")
                onClicked: root.vm.enroll(backend.text, code.text)
            }
            KButton {
                objectName: "skipEnroll"; width: parent.width; quiet: true
                text: root.tr("나중에 등록 (인터넷이 아직 없을 때)", "Enroll later (no internet yet)")
                onClicked: root.vm.skipEnroll()
            }
        }
    }

    // --- 4. devices ---------------------------------------------------------------------------------
    Component {
        id: devicesStep
        Column {
            spacing: Theme.gap
            Heading { text: root.tr("장치", "Devices") }
            Body { text: root.tr("찾은 장치마다 역할을 정하세요. 모르는 장치도 그대로 보여 줍니다.",
                                 "Give each device found a role. Unknown devices are shown too.") }
            Flow {
                width: parent.width; spacing: Theme.gapSmall
                KButton { objectName: "detect"; text: root.tr("장치 찾기", "Find devices"); onClicked: root.vm.detectDevices(false) }
                KButton {
                    objectName: "detectNetwork"
                    text: root.tr("네트워크 프린터도 찾기 (9100)", "Also find network printers (9100)")
                    onClicked: root.vm.detectDevices(true)
                }
            }
            Body { visible: root.vm.detectProblem !== ""; color: Theme.danger; text: root.vm.detectProblem }
            Repeater {
                model: root.vm.devices
                Rectangle {
                    id: deviceRow
                    required property var modelData
                    objectName: "device_" + modelData.address
                    width: parent.width
                    height: deviceCol.implicitHeight + Theme.gap * 2
                    radius: Theme.radiusSmall
                    color: Theme.surface
                    border.color: Theme.border
                    border.width: Math.max(1, Theme.s(2))
                    Column {
                        id: deviceCol
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
                        spacing: Theme.gapSmall
                        Text {
                            width: parent.width
                            text: modelData.detail + (modelData.role === "" ? root.tr("  — 알 수 없는 장치", "  — unknown device") : "")
                            color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; wrapMode: Text.WordWrap
                        }
                        Flow {
                            width: parent.width; spacing: Theme.gapSmall
                            Repeater {
                                model: root.vm.roles
                                KButton {
                                    required property var modelData
                                    property string address: deviceRow.modelData.address
                                    checked: modelData.address === address
                                    fontSize: Theme.fontSmall
                                    text: root.tr(modelData.ko, modelData.en)
                                    onClicked: root.vm.assign(modelData.role, address)
                                }
                            }
                        }
                    }
                }
            }
            Body {
                objectName: "noDevices"
                visible: root.vm.detected && root.vm.devices.length === 0
                text: root.tr("찾은 장치가 없습니다. 케이블과 전원을 확인하고 다시 찾으세요 (시뮬레이터는 그대로 쓸 수 있습니다).",
                              "No devices found. Check cables and power and search again (the simulators stay available).")
            }
            Heading { text: root.tr("역할", "Roles"); font.pixelSize: Theme.fontLarge }
            Repeater {
                model: root.vm.roles
                Row {
                    required property var modelData
                    width: parent.width
                    spacing: Theme.gap
                    Text {
                        width: Theme.s(220); text: root.tr(modelData.ko, modelData.en)
                        color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
                    }
                    Text {
                        objectName: "role_" + modelData.role
                        width: parent.width - Theme.s(240)
                        text: modelData.address.indexOf("sim:") === 0 ? modelData.address + root.tr("  (시뮬레이터)", "  (simulator)") : modelData.address
                        color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; wrapMode: Text.WrapAnywhere
                    }
                }
            }
            Body { text: root.tr("프린터 프로필 (용지 폭과 한글 인쇄 방식)", "Printer profile (paper width, how Korean prints)") }
            Flow {
                width: parent.width; spacing: Theme.gapSmall
                Repeater {
                    model: ["korean-80mm", "korean-58mm", "generic-80mm", "generic-58mm"]
                    KButton {
                        required property string modelData
                        checked: root.vm.profile === modelData
                        fontSize: Theme.fontSmall
                        text: modelData
                        onClicked: root.vm.setProfile(modelData)
                    }
                }
            }
            KButton {
                objectName: "saveDevices"; width: parent.width; primary: true
                text: root.tr("저장하고 다음", "Save and continue")
                onClicked: root.vm.saveDevices()
            }
        }
    }

    // --- 5. owner's PIN -----------------------------------------------------------------------------
    Component {
        id: ownerStep
        Column {
            spacing: Theme.gap
            Heading { text: root.tr("사장님 PIN", "Owner's PIN") }
            Body {
                text: root.vm.ownerSet
                      ? root.tr("사장님 PIN이 이미 설정되어 있습니다.", "The owner's PIN is already set.")
                      : root.tr("이 단계는 사장님이 직접 하세요. 기본 PIN은 없습니다. 6자리, 같은 숫자 반복·연속 숫자는 안 됩니다.",
                                "The owner does this step. There is no default PIN. Six digits; no repeats or runs.")
            }
            Field { id: ownerName; fieldName: "ownerPinName"; width: parent.width; label: root.tr("사장님 이름", "Owner's name"); Component.onCompleted: text = root.vm.shop.owner }
            Field {
                id: pin1; fieldName: "pin1"; width: parent.width; label: root.tr("PIN (6자리)", "PIN (6 digits)")
                echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly; maximumLength: 6
            }
            Field {
                id: pin2; fieldName: "pin2"; width: parent.width; label: root.tr("PIN 한 번 더", "PIN again")
                echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly; maximumLength: 6
            }
            KButton {
                objectName: "saveOwner"; width: parent.width; primary: true; enabled_: !root.vm.isBusy
                text: root.vm.ownerSet ? root.tr("다음", "Continue") : root.tr("PIN 저장", "Save the PIN")
                onClicked: { root.vm.setOwner(ownerName.text, pin1.text, pin2.text); pin1.text = ""; pin2.text = "" }
            }
        }
    }

    // --- 6. mode ------------------------------------------------------------------------------------
    Component {
        id: modeStep
        Column {
            spacing: Theme.gap
            Heading { text: root.tr("사용 방식", "How this terminal is used") }
            Repeater {
                model: [
                    { id: "kiosk", ko: "키오스크 (손님이 직접 주문)", en: "Kiosk (customers order)" },
                    { id: "counter", ko: "카운터 (직원이 주문 입력)", en: "Counter (staff ring up)" },
                    { id: "both", ko: "둘 다", en: "Both" }
                ]
                KButton {
                    required property var modelData
                    objectName: "mode_" + modelData.id
                    width: parent.width
                    checked: root.vm.terminalMode === modelData.id
                    text: root.tr(modelData.ko, modelData.en)
                    onClicked: root.vm.setMode(modelData.id)
                }
            }
        }
    }

    // --- 7. self-test -------------------------------------------------------------------------------
    Component {
        id: selftestStep
        Column {
            spacing: Theme.gap
            Heading { text: root.tr("자가 점검", "Self-test") }
            Flow {
                width: parent.width; spacing: Theme.gapSmall
                KButton {
                    objectName: "runSelfTest"; primary: true; enabled_: !root.vm.running
                    text: root.vm.running ? root.tr("점검 중…", "Checking…") : root.tr("점검 시작 (시험 인쇄 포함)", "Run (prints the test page)")
                    onClicked: root.vm.runSelfTest()
                }
                KButton { objectName: "scanCheck"; text: root.tr("스캐너 점검", "Scanner check"); onClicked: root.vm.startScanCheck() }
                KButton { objectName: "simulateScan"; visible: root.vm.scannerSimulated; text: root.tr("시뮬레이터로 스캔", "Scan (simulator)"); onClicked: root.vm.simulateScan() }
                KButton { objectName: "tapCheck"; text: root.tr("NFC 카드 대기", "Wait for an NFC card"); onClicked: root.vm.startTapCheck() }
                KButton { objectName: "screenCheckButton"; text: root.tr("화면·터치 점검", "Screen and touch"); onClicked: root.screenCheck = true }
                KButton { objectName: "soundCheckButton"; text: root.tr("소리 점검", "Sound check"); onClicked: root.soundCheck = true }
            }
            Text {
                objectName: "overall"
                width: parent.width
                visible: root.vm.overall !== ""
                text: root.tr("종합: ", "Overall: ") + ({ "ok": root.tr("정상", "OK"), "check": root.tr("확인 필요", "Check"), "fail": root.tr("안 됨", "Not working") })[root.vm.overall]
                color: root.vm.overall === "fail" ? Theme.danger : Theme.text
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true
            }
            Grid {
                // The printed page first in portrait (above the list); on the right in landscape.
                width: parent.width
                columns: root.portrait || !root.vm.pageImage.toString() ? 1 : 2
                layoutDirection: columns === 2 ? Qt.RightToLeft : Qt.LeftToRight
                spacing: Theme.gap
                Column {
                    id: paper
                    visible: root.vm.pageImage.toString() !== ""
                    width: parent.columns === 1 ? parent.width : Theme.s(320)
                    spacing: Theme.gapSmall
                    Body { text: root.tr("시뮬레이터 프린터가 인쇄한 종이:", "What the simulated printer printed:") }
                    Row {
                        width: parent.width
                        spacing: Theme.gapSmall
                        KButton {
                            objectName: "pageGood"; width: (parent.width - Theme.gapSmall) / 2
                            text: root.tr("인쇄 정상", "Page is right"); onClicked: root.vm.confirm("test_page", true)
                        }
                        KButton {
                            objectName: "pageBad"; width: (parent.width - Theme.gapSmall) / 2
                            text: root.tr("인쇄 이상", "Page is wrong"); onClicked: root.vm.confirm("test_page", false)
                        }
                    }
                    Rectangle {
                        width: Math.min(parent.width, Theme.s(320)); height: pageImage.paintedHeight + Theme.gap
                        anchors.horizontalCenter: parent.horizontalCenter
                        color: "#FFFFFF"; border.color: Theme.border
                        Image {
                            id: pageImage
                            objectName: "printedPage"
                            anchors { top: parent.top; horizontalCenter: parent.horizontalCenter; topMargin: Theme.gap / 2 }
                            width: parent.width - Theme.gap
                            fillMode: Image.PreserveAspectFit
                            source: root.vm.pageImage
                            cache: false
                        }
                    }
                }
                Column {
                    id: list
                    objectName: "checklist"
                    width: parent.columns === 1 ? parent.width : parent.width - paper.width - Theme.gap
                    spacing: Theme.gapSmall
                    Repeater {
                        model: root.vm.checklist
                        CheckRow { required property var modelData; check: modelData; english: root.english; width: list.width }
                    }
                }
            }
            Flow {
                width: parent.width; spacing: Theme.gapSmall
                KButton { objectName: "printReport"; text: root.tr("결과 인쇄", "Print the result"); onClicked: root.vm.printReport() }
                KButton { objectName: "writeBundle"; text: root.tr("지원 파일을 USB에", "Support bundle to USB"); onClicked: root.vm.writeBundle() }
                KButton {
                    objectName: "finishSetup"; primary: true; visible: !root.vm.setUp
                    text: root.tr("설정 마치기", "Finish set-up")
                    onClicked: root.vm.finish()
                }
            }
        }
    }

    Loader {
        anchors.fill: parent
        active: root.screenCheck
        sourceComponent: ScreenCheck {
            english: root.english
            onDone: function (good) { root.vm.confirm("screen", good); root.screenCheck = false }
        }
    }

    Loader {
        anchors.fill: parent
        active: root.soundCheck
        sourceComponent: SoundCheck {
            voice: Window.window ? Window.window.voice : null
            english: root.english
            onDone: function (good) { root.vm.confirm("sound", good); root.soundCheck = false }
        }
    }
}
