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
        // Portrait: the column, but never so tall that the receipt under it cannot show its message and a QR code
        // a phone can read (the column shrinks to fit instead, `lay.scale`).
        height: screen.fallback && screen.portrait
                ? Math.min(lay.columnHeight + Theme.gapLarge * 2,
                           Math.max(screen.height * 0.5, screen.height - receiptPanel.leastHeight - Theme.gapLarge))
                : screen.height

        // Every place below is a binding on sizes known when the screen is made (texts' heights, the
        // window's size), with anchors-free x / y and no positioner or Layout: the screen is laid out in
        // the frame it first shows in, so a tap aimed at a receipt button the moment it shows lands on it
        // (a GridLayout here placed them a frame late and the soak's driver missed them).
        // Portrait (and beside the on-screen receipt): one column — title, number, hint, the receipt
        // question and its buttons, back to start. Landscape: the title and the number on the left, the
        // rest on the right, so that on a short window at a large scale the number is still the largest
        // thing on the screen and the receipt buttons stay big. The number takes what the rest leaves.
        Item {
            id: lay
            width: mainArea.width
            height: mainArea.height
            readonly property bool side: !screen.portrait && !screen.fallback
            // A short portrait screen for the scale (800x1280 at 2.0): tighter gaps, a smaller title and hint,
            // so the number keeps its room.
            readonly property bool tight: screen.portrait && screen.height < Theme.s(1000)
            readonly property int margin: tight ? Theme.gapSmall : Theme.gap
            readonly property int sp: screen.portrait && !tight ? Theme.gap : Theme.gapSmall
            readonly property real availW: mainArea.width - margin * 2
            // (the screen's, not mainArea's: beside the on-screen receipt mainArea is as tall as the column)
            readonly property real availH: screen.height - margin * 2
            readonly property real colW: Math.min(availW, Theme.s(900))
            readonly property real leftW: side ? Math.floor((availW - Theme.gapLarge) * 0.45) : colW
            readonly property real rightW: side ? availW - leftW - Theme.gapLarge : colW
            readonly property real colX: Math.round((width - colW) / 2)
            readonly property real rightX: side ? margin + leftW + Theme.gapLarge : colX
            readonly property int boxPad: screen.fallback || side || tight ? Theme.gap : Theme.gapLarge
            readonly property real boxFixed: numberLabel.implicitHeight + boxPad * 2
            readonly property real finishH: Theme.touchMin
            readonly property real questionH: questionProbe.implicitHeight
            // NanumSquare's line is about 1.2 of its pixel size (digits): the number's font from its room.
            readonly property real lineRatio: 1.2
            // One column: what the number and the receipt buttons share.
            readonly property real spare: availH - title.implicitHeight - boxFixed - hint.implicitHeight
                                          - questionH - finishH - sp * 5
            // Never lower than their words (a long translation on two lines).
            readonly property real buttonsH: Math.max(receiptYes.implicitHeight, receiptNo.implicitHeight, side
                ? Math.max(Theme.touchMin, Math.min(Theme.s(100), availH - hint.implicitHeight - questionH - finishH - sp * 3))
                : Math.max(Theme.touchMin, Math.min(Theme.s(screen.portrait ? 100 : 80), spare * 0.3)))
            readonly property real numberSize: Math.floor(screen.fallback && screen.portrait
                ? Math.min(Theme.fontOrderNumber, screen.height * 0.13)
                : screen.fallback  // left of the on-screen receipt: what the column leaves
                ? Math.min(Theme.fontOrderNumber, Math.max(screen.height * 0.15, (availH - title.implicitHeight - boxFixed
                           - hint.implicitHeight - receiptStatus.implicitHeight - finishH - sp * 4) / lineRatio))
                : side ? Math.min(Theme.fontOrderNumber, (availH - title.implicitHeight - sp - boxFixed) / lineRatio)
                       : Math.min(Theme.fontOrderNumber, screen.height * 0.25, (spare - buttonsH) / lineRatio))
            readonly property real leftHeight: title.height + sp + box.height
            readonly property real rightHeight: hint.height + sp + receiptArea.height + sp + finishH
            readonly property real columnHeight: leftHeight + sp + rightHeight
            readonly property real leftY: Math.round((height - (side ? leftHeight : columnHeight)) / 2)
            readonly property real rightY: side ? Math.round((height - rightHeight) / 2) : leftY + leftHeight + sp
            // Beside the on-screen receipt: shrink the whole column to fit rather than push the finish
            // button off the bottom (the receipt question is answered by then).
            scale: screen.fallback ? Math.min(1, (mainArea.height - Theme.gapSmall * 2) / Math.max(1, columnHeight)) : 1

            Text {
                id: title
                x: lay.side ? lay.margin : lay.colX
                y: lay.leftY
                width: lay.side ? lay.leftW : lay.colW
                text: qsTr("결제가 완료되었습니다")
                color: Theme.accent
                font.family: Theme.fontFamily
                // One line where it fits, never larger than the title size.
                font.pixelSize: Math.max(Theme.fontBody, Math.min(lay.tight ? Theme.fontLarge : Theme.fontTitle,
                                         Math.floor(Theme.fontTitle * width / Math.max(1, titleMetrics.advanceWidth * 1.04))))
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                TextMetrics {
                    id: titleMetrics
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    text: title.text
                }
            }
            Rectangle {
                id: box
                objectName: "orderNumberBox"
                width: lay.side ? lay.leftW : Math.min(lay.colW, Theme.s(640))
                x: lay.side ? lay.margin : Math.round((lay.width - width) / 2)
                y: title.y + title.height + lay.sp
                height: lay.boxFixed + orderNumber.implicitHeight
                radius: Theme.radius * 2
                color: Theme.surface
                border.color: Theme.primary
                border.width: Theme.s(4)
                Text {
                    id: numberLabel
                    y: lay.boxPad
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("주문번호")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: lay.tight ? Theme.fontBody : Theme.fontLarge
                    font.bold: true
                }
                Text {
                    id: orderNumber
                    objectName: "orderNumberText"
                    y: lay.boxPad + numberLabel.implicitHeight
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: screen.kiosk.orderNumber
                    color: Theme.primary
                    font.family: "NanumSquare"
                    font.pixelSize: Math.max(Theme.fontTitle, lay.numberSize)
                    font.bold: true
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("주문번호 %1").arg(screen.kiosk.orderNumber)
                }
            }
            Text {
                id: hint
                x: lay.rightX
                y: lay.rightY
                width: lay.rightW
                text: qsTr("번호가 불리면 카운터에서 받아 가세요")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: lay.tight ? Theme.fontSmall : Theme.scale > 1.25 ? Theme.fontBody : Theme.fontLarge
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            // The receipt question's own height, whatever the status line says now.
            Text {
                id: questionProbe
                visible: false
                width: lay.rightW
                text: qsTr("영수증을 출력할까요?")
                font: receiptStatus.font
                wrapMode: Text.WordWrap
            }
            // The receipt question and its buttons; once answered, its status in the same room (nothing
            // below moves).
            Item {
                id: receiptArea
                x: lay.rightX
                y: hint.y + hint.height + lay.sp
                width: lay.rightW
                height: screen.fallback ? receiptStatus.implicitHeight : lay.questionH + lay.sp + lay.buttonsH
                Text {
                    id: receiptStatus
                    objectName: "receiptStatusText"
                    width: parent.width
                    height: screen.fallback ? implicitHeight
                          : screen.kiosk.receiptAnswered ? lay.questionH + lay.sp + lay.buttonsH : lay.questionH
                    verticalAlignment: Text.AlignVCenter
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
                Item {
                    id: receiptButtons
                    visible: !screen.kiosk.receiptAnswered
                    // Keypad: once answered, focus goes on to "back to start", never lost with the buttons.
                    onVisibleChanged: if (!visible) finishButton.forceActiveFocus(Qt.TabFocusReason)
                    y: lay.questionH + lay.sp
                    width: parent.width
                    height: lay.buttonsH
                    readonly property real each: Math.floor(Math.min(Theme.s(360), (width - Theme.gap) / 2))
                    // The larger size the longer word fits on one line at.
                    readonly property int fontSize: Math.max(Theme.fontSmall, Math.min(Theme.fontLarge,
                        Math.floor(Theme.fontLarge * (each - Theme.gap * 2) / Math.max(1, yesMetrics.advanceWidth, noMetrics.advanceWidth))))
                    TextMetrics { id: yesMetrics; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true; text: receiptYes.text }
                    TextMetrics { id: noMetrics; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true; text: receiptNo.text }
                    KButton {
                        id: receiptYes
                        objectName: "receiptYes"
                        focus: true  // keypad: the first choice
                        x: Math.round(parent.width / 2 - Theme.gap / 2 - width)
                        width: parent.each
                        height: parent.height
                        primary: true
                        fontSize: parent.fontSize
                        text: qsTr("영수증 출력")
                        onClicked: screen.kiosk.answerReceipt(true)
                    }
                    KButton {
                        id: receiptNo
                        objectName: "receiptNo"
                        x: Math.round(parent.width / 2 + Theme.gap / 2)
                        width: parent.each
                        height: parent.height
                        fontSize: parent.fontSize
                        text: qsTr("출력 안 함")
                        onClicked: screen.kiosk.answerReceipt(false)
                    }
                }
            }
            KButton {
                id: finishButton
                objectName: "finishButton"
                width: Math.min(lay.rightW, Theme.s(420))
                x: Math.round(lay.rightX + (lay.rightW - width) / 2)
                y: receiptArea.y + receiptArea.height + lay.sp
                height: lay.finishH
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
        // The least it needs: its message, and a QR code of a readable size with its caption.
        readonly property real leastHeight: fallbackMessage.height + pad * 3 + Theme.s(180) + Theme.fontSmall * 1.5
        radius: Theme.radius
        color: Theme.surfaceAlt
        border.color: Theme.border
        border.width: Theme.highContrast ? Theme.s(2) : 0

        // A short window for the scale (1280x800 at 2.0, 800x1280 at 1.5 and 2.0): less padding and a smaller
        // message, so the QR code keeps its room.
        readonly property bool short: screen.portrait ? lay.tight : screen.height < Theme.s(700)
        readonly property int pad: short ? Theme.gapSmall : Theme.gapLarge
        // never below the panel (easy mode's bar is under it)
        readonly property int qrSize: Math.max(0, Math.min(Theme.s(280), (width - pad * 3) * 0.4,
                                                           height - fallbackMessage.height - pad * 3 - Theme.fontSmall * 1.5))

        Text {
            id: fallbackMessage
            objectName: "receiptFallbackMessage"
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: receiptPanel.pad }
            text: qsTr("프린터에 문제가 있어 영수증을 화면에 보여 드립니다. 직원이 곧 다시 출력해 드립니다.")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: receiptPanel.short ? Theme.fontSmall : Theme.fontBody
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
