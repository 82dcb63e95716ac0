// Payment in progress: a picture and words saying what to do, the amount, and cancel. For a QR shown by
// the kiosk: the code itself and a large countdown to its expiry (the provider then ends the payment).
import QtQuick
import "../common"

FocusScope {
    id: screen
    focus: true  // the Loader is a focus scope: its screen takes the focus (keypad)
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent
    anchors.bottomMargin: easyNav.height  // easy mode's fixed bar below (EasyNavBar.qml)

    readonly property string what: kiosk.instruction !== "" ? kiosk.instruction : kiosk.method === "qr" ? "scan_qr" : kiosk.method === "barcode" ? "show_barcode" : "card"

    function title(i) {
        if (i === "card")
            return qsTr("카드를 단말기에 꽂거나 대 주세요");
        if (i === "scan_qr")
            return qsTr("휴대폰 결제 앱으로 QR을 찍어 주세요");
        if (i === "show_barcode")
            return qsTr("결제 앱의 바코드를 스캐너에 보여 주세요");
        return qsTr("결제 중입니다. 잠시만 기다려 주세요");
    }
    function where(i) {
        if (i === "card")
            return qsTr("화면 아래 오른쪽 카드 단말기");
        if (i === "show_barcode")
            return qsTr("화면 아래 스캐너");
        return "";
    }

    // What to do, the picture or QR, the countdown and the amount: centred above the cancel button, and
    // scrolling when a large scale on a small screen needs more room.
    Flickable {
        id: scroller
        objectName: "payingScroll"
        anchors {
            left: parent.left
            right: parent.right
            top: parent.top
        }
        height: Math.max(0, cancelButton.y - Theme.gap)
        contentHeight: Math.max(height, content.height + Theme.gap * 2)
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: content
            anchors.horizontalCenter: parent.horizontalCenter
            y: Math.max(Theme.gap, (scroller.height - height) / 2)
            width: scroller.width - Theme.gapLarge * 2
            spacing: screen.portrait ? Theme.gapLarge : Theme.gap
            Text {
                objectName: "payingTitle"
                width: parent.width
                text: screen.title(screen.what)
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.max(Theme.s(120), Math.min(Theme.s(420), screen.height - Theme.s(screen.portrait ? 420 : 380)))
                height: width
                radius: Theme.radius * 2
                color: Theme.surface
                border.color: Theme.border
                Image {
                    objectName: "paymentQr"
                    visible: screen.what === "scan_qr" && screen.kiosk.qrPayload !== ""
                    anchors {
                        fill: parent
                        margins: Theme.gapLarge
                    }
                    source: visible ? "image://qr/" + encodeURIComponent(screen.kiosk.qrPayload) : ""
                    sourceSize.width: width
                    sourceSize.height: height
                    smooth: false
                    fillMode: Image.PreserveAspectFit
                }
                Pictogram {
                    visible: !(screen.what === "scan_qr" && screen.kiosk.qrPayload !== "")
                    anchors.centerIn: parent
                    kind: screen.what
                    size: parent.width * 0.76
                }
            }
            Text {
                objectName: "qrCountdown"
                width: parent.width
                visible: screen.what === "scan_qr" && screen.kiosk.qrCountdownText !== ""
                text: qsTr("남은 시간 %1").arg(screen.kiosk.qrCountdownText)
                color: screen.kiosk.qrSecondsLeft <= 30 ? Theme.danger : Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle * 1.4
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("QR 결제 남은 시간 %1").arg(screen.kiosk.qrCountdownText)
            }
            Text {
                width: parent.width
                visible: text !== ""
                text: screen.where(screen.what)
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
            }
            Text {
                width: parent.width
                text: qsTr("결제 금액 %1").arg(screen.kiosk.cartTotalText)
                color: Theme.primary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Row {
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: Theme.gap
                Repeater {
                    model: 3
                    Rectangle {
                        required property int index
                        width: Theme.s(18)
                        height: width
                        radius: width / 2
                        color: Theme.primary
                        SequentialAnimation on opacity {
                            loops: Animation.Infinite
                            PauseAnimation {
                                duration: index * 200
                            }
                            NumberAnimation {
                                from: 1
                                to: 0.2
                                duration: 500
                            }
                            NumberAnimation {
                                from: 0.2
                                to: 1
                                duration: 500
                            }
                        }
                    }
                }
            }
        }
    }

    KButton {
        id: cancelButton
        objectName: "cancelPaymentButton"
        focus: true  // keypad: Enter cancels (the only control while paying)
        anchors {
            horizontalCenter: parent.horizontalCenter
            bottom: parent.bottom
            margins: Theme.gapLarge
        }
        width: Theme.s(360)
        height: Theme.s(88)
        text: qsTr("결제 취소")
        onClicked: screen.kiosk.cancelPayment()
    }

    // Easy mode: Home / Back / Help in the same place on every screen, just below this one's content.
    EasyNavBar {
        id: easyNav
        kiosk: screen.kiosk
        y: screen.height
    }
}
