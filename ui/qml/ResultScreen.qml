// The order number, very large; receipt yes / no; back to the attract screen by itself.
import QtQuick

FocusScope {
    id: screen
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.gapLarge * 2, Theme.s(900))
        spacing: screen.portrait ? Theme.gapLarge : Theme.gapSmall
        Text {
            width: parent.width
            text: qsTr("결제가 완료되었습니다")
            color: Theme.accent
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(parent.width, Theme.s(640))
            height: numberColumn.implicitHeight + Theme.gapLarge * 2
            radius: Theme.radius * 2
            color: Theme.surface
            border.color: Theme.primary
            border.width: Theme.s(4)
            Column {
                id: numberColumn
                anchors.centerIn: parent
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("주문번호")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                Text {
                    objectName: "orderNumberText"
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: screen.kiosk.orderNumber
                    color: Theme.primary
                    font.family: "NanumSquare"
                    font.pixelSize: Math.min(Theme.fontOrderNumber, screen.height * (screen.portrait ? 0.25 : 0.15))
                    font.bold: true
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("주문번호 %1").arg(screen.kiosk.orderNumber)
                }
            }
        }
        Text {
            width: parent.width
            text: qsTr("번호가 불리면 카운터에서 받아 가세요")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            width: parent.width
            text: screen.kiosk.receiptAnswered ? qsTr("감사합니다. 또 오세요!") : qsTr("영수증을 출력할까요?")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Row {
            visible: !screen.kiosk.receiptAnswered
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.gapLarge
            KButton {
                objectName: "receiptYes"
                width: Math.min(Theme.s(300), (screen.width - Theme.gapLarge * 3) / 2); height: Theme.s(screen.portrait ? 100 : 80)
                primary: true
                fontSize: Theme.fontLarge
                text: qsTr("영수증 출력")
                onClicked: screen.kiosk.answerReceipt(true)
            }
            KButton {
                objectName: "receiptNo"
                width: Math.min(Theme.s(300), (screen.width - Theme.gapLarge * 3) / 2); height: Theme.s(screen.portrait ? 100 : 80)
                fontSize: Theme.fontLarge
                text: qsTr("출력 안 함")
                onClicked: screen.kiosk.answerReceipt(false)
            }
        }
        KButton {
            objectName: "finishButton"
            anchors.horizontalCenter: parent.horizontalCenter
            width: Theme.s(420); height: Theme.s(screen.portrait ? 88 : 64)
            text: qsTr("처음으로 (%1초)").arg(screen.kiosk.resultSecondsLeft)
            accessibleName: qsTr("처음으로")
            onClicked: screen.kiosk.finish()
        }
    }
}
