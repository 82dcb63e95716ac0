// The order number, very large; receipt yes / no; back to the attract screen by itself.
// When the receipt did not print, the receipt itself (text and QR) is shown beside the number instead:
// the customer is never held up, and staff reprint it when the printer is back.
import QtQuick
import "../common"

FocusScope {
    id: screen
    focus: true  // the Loader is a focus scope: its screen takes the focus (keypad)
    required property var kiosk
    property bool portrait: true
    readonly property bool fallback: kiosk.receiptFailed
    anchors.fill: parent
    anchors.bottomMargin: easyNav.height  // easy mode's fixed bar below (EasyNavBar.qml)

    // Where the order number goes: the whole screen, or (with the on-screen receipt) the top / left part.
    Item {
        id: mainArea
        x: 0
        // Portrait with the on-screen receipt: the number and the receipt together, centred vertically.
        y: screen.fallback && screen.portrait
           ? Math.max(0, (screen.height - height - receiptPanel.height - Theme.gapLarge) / 2) : 0
        width: screen.fallback && !screen.portrait ? screen.width * 0.45 : screen.width
        height: screen.fallback && screen.portrait ? mainColumn.implicitHeight + Theme.gapLarge * 2 : screen.height

        Column {
            id: mainColumn
            anchors.centerIn: parent
            width: Math.min(parent.width - Theme.gapLarge * 2, Theme.s(900))
            spacing: screen.portrait ? Theme.gapLarge : Theme.gapSmall
            // Large scales on a landscape screen: shrink the whole column to fit rather than push the
            // finish button off the bottom.
            scale: Math.min(1, (mainArea.height - Theme.gapSmall * 2) / Math.max(1, implicitHeight))
            Text {
                width: parent.width
                text: qsTr("결제가 완료되었습니다")
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(parent.width, Theme.s(640))
                height: numberColumn.implicitHeight + (screen.fallback ? Theme.gap : Theme.gapLarge) * 2
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
                        font.pixelSize: Math.min(Theme.fontOrderNumber,
                                                 screen.height * (screen.portrait ? (screen.fallback ? 0.13 : 0.25) : 0.15))
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
                objectName: "receiptStatusText"
                width: parent.width
                // The receipt's own state, as it happens: printing, printed, or not printed (then on screen).
                text: !screen.kiosk.receiptAnswered ? qsTr("영수증을 출력할까요?")
                    : screen.kiosk.receiptStatus === "printing" ? qsTr("영수증을 출력하고 있습니다…")
                    : screen.kiosk.receiptStatus === "printed" ? qsTr("영수증이 출력되었습니다. 감사합니다!")
                    : screen.kiosk.receiptStatus === "failed" ? qsTr("영수증을 출력하지 못했습니다.")
                    : qsTr("감사합니다. 또 오세요!")
                color: screen.kiosk.receiptStatus === "failed" ? Theme.danger : Theme.text
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Row {
                visible: !screen.kiosk.receiptAnswered
                // Keypad: once answered, focus goes on to "back to start", never lost with the buttons.
                onVisibleChanged: if (!visible) finishButton.forceActiveFocus(Qt.TabFocusReason)
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: Theme.gapLarge
                KButton {
                    objectName: "receiptYes"
                    focus: true  // keypad: the first choice
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
                id: finishButton
                objectName: "finishButton"
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(parent.width, Theme.s(420)); height: Theme.s(screen.portrait ? 88 : 64)
                text: qsTr("처음으로 (%1초)").arg(screen.kiosk.resultSecondsLeft)
                accessibleName: qsTr("처음으로")
                onClicked: screen.kiosk.finish()
            }
        }
    }

    // The receipt on screen, when the printer could not print it.
    Rectangle {
        id: receiptPanel
        objectName: "receiptFallback"
        visible: screen.fallback
        x: screen.portrait ? Theme.gapLarge : mainArea.width
        y: screen.portrait ? mainArea.y + mainArea.height : Math.max(Theme.gapLarge, (screen.height - height) / 2)
        width: screen.portrait ? screen.width - Theme.gapLarge * 2 : screen.width - mainArea.width - Theme.gapLarge
        height: Math.min(naturalHeight, screen.portrait ? screen.height - mainArea.height - Theme.gapLarge
                                                        : screen.height - Theme.gapLarge * 2)
        readonly property real naturalHeight: fallbackMessage.height + receiptText.implicitHeight + Theme.gap * 2 + pad * 3
        radius: Theme.radius
        color: Theme.surfaceAlt
        border.color: Theme.border
        border.width: Theme.highContrast ? Theme.s(2) : 0

        readonly property int pad: Theme.gapLarge
        readonly property int qrSize: Math.min(Theme.s(280), (width - pad * 3) * 0.4)

        Text {
            id: fallbackMessage
            objectName: "receiptFallbackMessage"
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: receiptPanel.pad }
            text: qsTr("프린터에 문제가 있어 영수증을 화면에 보여 드립니다. 직원이 곧 다시 출력해 드립니다.")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            lineHeight: 1.15
        }

        // The paper: the receipt's own text, in a font where Hangul is exactly two columns wide.
        Rectangle {
            id: paper
            anchors {
                top: fallbackMessage.bottom; topMargin: receiptPanel.pad
                left: parent.left
                leftMargin: Math.max(receiptPanel.pad,
                                     (receiptPanel.width - width - receiptPanel.qrSize - receiptPanel.pad) / 2)
            }
            width: Math.min(receiptText.implicitWidth + Theme.gap * 2,
                            receiptPanel.width - receiptPanel.qrSize - receiptPanel.pad * 3)
            // As long as the receipt, or as the panel allows (then it scrolls).
            height: Math.min(receiptText.implicitHeight + Theme.gap * 2,
                             receiptPanel.height - fallbackMessage.height - receiptPanel.pad * 3)
            color: Theme.surface
            border.color: Theme.border
            border.width: Theme.s(1)
            clip: true

            Flickable {
                id: receiptFlick
                objectName: "receiptScroll"
                anchors { fill: parent; margins: Theme.gap }
                contentWidth: receiptText.implicitWidth
                contentHeight: receiptText.implicitHeight
                flickableDirection: Flickable.VerticalFlick
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                Text {
                    id: receiptText
                    objectName: "receiptText"
                    text: screen.kiosk.receiptText
                    color: Theme.text
                    font.family: "NanumGothicCoding"
                    font.pixelSize: Math.max(Theme.s(16), Theme.fontBody * 0.85)
                    textFormat: Text.PlainText
                    lineHeight: 1.12  // Hangul needs a little air between printer-tight lines
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("영수증")
                }
            }
            // A thin scroll indicator: the receipt is longer than the panel.
            Rectangle {
                visible: receiptFlick.contentHeight > receiptFlick.height
                anchors.right: parent.right
                anchors.rightMargin: Theme.s(3)
                width: Theme.s(5)
                radius: width / 2
                color: Theme.textMuted
                opacity: 0.5
                y: receiptFlick.y + receiptFlick.visibleArea.yPosition * receiptFlick.height
                height: Math.max(Theme.s(24), receiptFlick.visibleArea.heightRatio * receiptFlick.height)
            }
        }

        Column {
            anchors { left: paper.right; leftMargin: receiptPanel.pad; top: paper.top }
            spacing: Theme.gapSmall
            Rectangle {
                width: receiptPanel.qrSize; height: width
                color: "#FFFFFF"
                radius: Theme.radiusSmall
                Image {
                    objectName: "receiptQr"
                    anchors { fill: parent; margins: Theme.gapSmall }
                    source: screen.fallback && screen.kiosk.receiptQr !== ""
                            ? "image://qr/" + encodeURIComponent(screen.kiosk.receiptQr) : ""
                    sourceSize.width: width
                    sourceSize.height: height
                    smooth: false
                    fillMode: Image.PreserveAspectFit
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("영수증 QR")
                }
            }
            Text {
                width: receiptPanel.qrSize
                text: qsTr("영수증 QR")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                horizontalAlignment: Text.AlignHCenter
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
