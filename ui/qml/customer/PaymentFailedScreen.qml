// A declined or unclear payment: the reason, then try again, another method, or back to the cart.
import QtQuick
import "../common"

FocusScope {
    id: screen
    focus: true  // the Loader is a focus scope: its screen takes the focus (keypad)
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent
    anchors.bottomMargin: easyNav.height  // easy mode's fixed bar below (EasyNavBar.qml)

    // Centred; scrolling when a large scale on a small screen needs more room.
    Flickable {
        id: scroller
        objectName: "failedScroll"
        anchors.fill: parent
        contentHeight: Math.max(height, body.height + Theme.gapLarge * 2)
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: body
            anchors.horizontalCenter: parent.horizontalCenter
            y: Math.max(Theme.gapLarge, (scroller.height - height) / 2)
            width: Math.min(scroller.width - Theme.gapLarge * 2, Theme.s(820))
            spacing: screen.portrait ? Theme.gapLarge : Theme.gap
            Rectangle {
                visible: screen.height > Theme.s(760)
                anchors.horizontalCenter: parent.horizontalCenter
                width: Theme.s(140)
                height: width
                radius: width / 2
                color: Theme.danger
                Accessible.ignored: true
                Text {
                    anchors.centerIn: parent
                    text: "!"
                    color: Theme.dangerInk
                    font.pixelSize: Theme.s(96)
                    font.bold: true
                }
            }
            Text {
                width: parent.width
                text: qsTr("결제가 완료되지 않았습니다")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "failureReason"
                width: parent.width
                // A decline says only that it was not approved, never the card company's reason (the queue behind
                // can read the screen); voice guidance may say the reason privately (kiosk.privateReason).
                text: screen.kiosk.message === "declined" ? qsTr("결제가 승인되지 않았습니다.") : screen.kiosk.message
                color: Theme.danger
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width
                text: qsTr("다시 시도하거나 다른 결제 방법을 골라 주세요.")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KButton {
                objectName: "retryButton"
                focus: true  // keypad: try again is the first choice
                width: parent.width
                height: Theme.s(100)
                primary: true
                fontSize: Theme.fontLarge
                text: qsTr("다시 시도")
                onClicked: screen.kiosk.retryPayment()
            }
            KButton {
                objectName: "otherMethodButton"
                width: parent.width
                height: Theme.s(100)
                fontSize: Theme.fontLarge
                text: qsTr("다른 결제 방법")
                onClicked: screen.kiosk.chooseOtherMethod()
            }
            KButton {
                objectName: "failedBackButton"
                width: parent.width
                quiet: true
                text: qsTr("장바구니로 돌아가기")
                onClicked: screen.kiosk.back()
            }
        }
    }

    // Easy mode: Home / Back / Help in the same place on every screen, just below this one's content.
    EasyNavBar {
        id: easyNav
        kiosk: screen.kiosk
        y: screen.height
    }
}
