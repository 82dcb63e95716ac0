// How to pay: card, QR (we show a code), mobile barcode (the scanner reads the customer's code).
import QtQuick
import "../common"

FocusScope {
    id: screen
    focus: true  // the Loader is a focus scope: its screen takes the focus (keypad)
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent
    anchors.bottomMargin: easyNav.height  // easy mode's fixed bar below (EasyNavBar.qml)
    // The methods one under the other, picture beside the words: portrait.
    readonly property bool rows: portrait
    // A short screen for its scale (a tablet at 1.5 or 2.0, easy mode's bar): smaller type and gaps, the
    // question and the amount on one line where it holds them, so that all three methods show whole at once.
    // The heights are where the full-size layout stops fitting (landscape: the cards' pictures and words under
    // the title; portrait: three rows under a title that may take two lines).
    readonly property bool compact: height > 0 && height < Theme.s(portrait ? 800 : 620)
    readonly property int pad: compact ? Theme.gap : Theme.gapLarge  // between things
    readonly property int cardPad: compact ? Theme.gapSmall : Theme.gapLarge  // inside a method's card

    function label(m) {
        if (m === "card")
            return qsTr("카드 결제");
        if (m === "qr")
            return qsTr("QR 결제");
        return qsTr("바코드 결제");
    }
    function help(m) {
        if (m === "card")
            return qsTr("신용·체크카드, 삼성페이");
        if (m === "qr")
            return qsTr("화면의 QR을 앱으로 스캔");
        return qsTr("카카오페이·네이버페이·제로페이");
    }
    function picture(m) {
        return m === "card" ? "card" : m === "qr" ? "scan_qr" : "show_barcode";
    }

    // The title, the amount and the methods; they scroll when a large scale on a small screen needs it.
    Flickable {
        id: scroller
        objectName: "methodScroll"
        anchors {
            left: parent.left
            right: parent.right
            top: parent.top
            bottom: backButton.visible ? backButton.top : parent.bottom
            bottomMargin: screen.compact ? Theme.gapSmall : Theme.gap
        }
        contentHeight: Math.max(height, body.implicitHeight + screen.pad * 2)
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: body
            width: scroller.width
            y: Math.max(screen.pad, (scroller.height - implicitHeight) / 2)
            spacing: screen.pad

            Column {
                id: head
                anchors.horizontalCenter: parent.horizontalCenter
                width: parent.width - Theme.gapLarge * 2
                spacing: Theme.gap
                // Compact: the question and the amount on one line, in type as large as the line allows, when
                // that is at least the small size; else one under the other in large type.
                TextMetrics {
                    id: lineMetrics
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    text: question.text + "\u3000\u3000" + amount.text
                }
                readonly property int lineSize: Math.min(Theme.fontLarge, Math.floor(Theme.fontTitle * width / Math.max(1, lineMetrics.advanceWidth)))
                readonly property bool oneLine: screen.compact && lineSize >= Theme.fontSmall
                Grid {
                    anchors.horizontalCenter: parent.horizontalCenter
                    columns: head.oneLine ? 2 : 1
                    columnSpacing: head.lineSize * 2
                    rowSpacing: Theme.gap
                    horizontalItemAlignment: Grid.AlignHCenter
                    verticalItemAlignment: Grid.AlignVCenter
                    Text {
                        id: question
                        objectName: "payQuestion"
                        width: head.oneLine ? undefined : head.width  // undefined: its implicit width
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: head.oneLine ? Text.NoWrap : Text.Wrap
                        text: qsTr("결제 방법을 선택해 주세요")
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: head.oneLine ? head.lineSize : screen.compact ? Theme.fontLarge : Theme.fontTitle
                        font.bold: true
                    }
                    Text {
                        id: amount
                        objectName: "payAmount"
                        text: qsTr("결제 금액 %1").arg(screen.kiosk.cartTotalText)
                        color: Theme.primary
                        font.family: Theme.fontFamily
                        font.pixelSize: head.oneLine ? head.lineSize : Theme.fontLarge
                        font.bold: true
                    }
                }
                // A cancelled payment is never silent: the screen says so (and that nothing was charged).
                Rectangle {
                    objectName: "paymentCancelledNotice"
                    visible: screen.kiosk.message === "payment_cancelled"
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: Math.min(cancelledText.implicitWidth + Theme.gapLarge * 2, screen.width - Theme.gapLarge * 2)
                    height: cancelledText.implicitHeight + Theme.gap
                    radius: Theme.radiusSmall
                    color: Theme.dark
                    border.color: Theme.highContrast ? "#FFFFFF" : "transparent"
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: cancelledText.text
                    Text {
                        id: cancelledText
                        objectName: "paymentCancelledText"
                        anchors.centerIn: parent
                        width: Math.min(implicitWidth, parent.width - Theme.gap * 2)
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("결제를 취소했습니다. 결제된 금액은 없습니다.")
                        color: Theme.darkInk
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                    }
                }
            }

            Grid {
                id: methods
                // The room the cards would like: what the view leaves under the title.
                readonly property real space: scroller.height - head.height - screen.pad * 3
                // The tallest card's words: side by side, every card is as high as that one and shows its picture
                // at the same size, or none does.
                property real tallest: 0
                function measure() {
                    let most = 0;
                    for (let i = 0; i < cardRepeater.count; i++) {
                        const c = cardRepeater.itemAt(i);
                        if (c)
                            most = Math.max(most, c.wordsHeight);
                    }
                    tallest = most;
                }
                anchors.horizontalCenter: parent.horizontalCenter
                columns: screen.rows ? 1 : 3
                spacing: screen.pad
                Repeater {
                    id: cardRepeater
                    model: screen.kiosk.paymentMethods
                    onItemAdded: methods.measure()
                    onItemRemoved: methods.measure()
                    KCard {
                        id: card
                        required property string modelData
                        required property int index
                        readonly property real wordsHeight: words.implicitHeight
                        onWordsHeightChanged: methods.measure()
                        objectName: "method_" + modelData
                        width: screen.rows ? Math.min(screen.width - Theme.gapLarge * 2, Theme.s(820)) : Math.min(Theme.s(520), (screen.width - Theme.gapLarge * 2 - screen.pad * 2) / 3)
                        height: Math.max((screen.rows ? words.implicitHeight : methods.tallest) + screen.cardPad * 2, screen.rows ? Math.min(Theme.s(250), methods.space / 3 - Theme.gapLarge) : Math.min(Theme.s(420), methods.space))
                        radius: Theme.radius * 1.5
                        color: card.pressed ? Theme.surfaceAlt : Theme.surface
                        border.color: Theme.controlBorder
                        border.width: Theme.s(2)
                        accessibleName: screen.label(modelData) + ", " + screen.help(modelData)
                        focus: index === 0  // keypad: the first method has focus when the screen opens
                        onClicked: screen.kiosk.choosePaymentMethod(modelData)
                        Grid {
                            id: inside
                            anchors.centerIn: parent
                            columns: screen.rows ? 2 : 1
                            spacing: screen.pad
                            horizontalItemAlignment: Grid.AlignHCenter
                            verticalItemAlignment: Grid.AlignVCenter
                            // The words get the card's width less the picture; the picture only what room is left.
                            readonly property real textWidth: card.width - screen.cardPad * 2 - (screen.rows && picture.visible ? picture.width + spacing : 0)
                            Pictogram {
                                id: picture
                                kind: screen.picture(card.modelData)
                                size: Math.min(Theme.s(150), screen.rows ? card.height * 0.7 : card.height - methods.tallest - screen.cardPad * 2 - inside.spacing)
                                visible: size >= Theme.s(48)
                            }
                            Column {
                                id: words
                                width: Math.min(implicitWidth, inside.textWidth)
                                height: screen.rows ? implicitHeight : methods.tallest  // side by side: the labels on one line
                                spacing: Theme.gapSmall
                                Text {
                                    anchors.horizontalCenter: screen.rows ? undefined : parent.horizontalCenter
                                    width: Math.min(implicitWidth, inside.textWidth)
                                    wrapMode: screen.compact ? Text.NoWrap : Text.Wrap
                                    fontSizeMode: screen.compact ? Text.HorizontalFit : Text.FixedSize  // compact: one line
                                    minimumPixelSize: Theme.fontSmall
                                    horizontalAlignment: screen.rows ? Text.AlignLeft : Text.AlignHCenter
                                    text: screen.label(card.modelData)
                                    color: Theme.text
                                    font.family: Theme.fontFamily
                                    font.pixelSize: screen.compact ? Theme.fontLarge : Theme.fontTitle
                                    font.bold: true
                                }
                                Text {
                                    anchors.horizontalCenter: screen.rows ? undefined : parent.horizontalCenter
                                    width: Math.min(implicitWidth, inside.textWidth)
                                    wrapMode: Text.Wrap
                                    horizontalAlignment: screen.rows ? Text.AlignLeft : Text.AlignHCenter
                                    // A line may break after a middle dot (names of pay apps run on without spaces).
                                    text: screen.help(card.modelData).replace(/([·・])/g, "$1\u200B")
                                    color: Theme.textMuted
                                    font.family: Theme.fontFamily
                                    font.pixelSize: screen.compact ? Theme.fontSmall : Theme.fontBody
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    KButton {
        id: backButton
        objectName: "methodBackButton"
        visible: !screen.kiosk.easyMode  // easy mode: the fixed bar's Back, in its one place
        anchors {
            left: parent.left
            bottom: parent.bottom
            margins: screen.compact ? Theme.gap : Theme.gapLarge
        }
        width: Theme.s(240)
        height: screen.compact ? Theme.touchMin : Theme.s(88)
        text: qsTr("이전")
        onClicked: screen.kiosk.back()
    }

    // Easy mode: Home / Back / Help in the same place on every screen, just below this one's content.
    EasyNavBar {
        id: easyNav
        kiosk: screen.kiosk
        y: screen.height
    }
}
