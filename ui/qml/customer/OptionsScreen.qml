// Item options: required groups must be chosen before adding; optional groups up to their maximum;
// quantity; the price updates as choices change.
import QtQuick
import "../common"

FocusScope {
    id: screen
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent

    Rectangle {
        id: head
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: screen.portrait ? Theme.s(300) : Math.min(Theme.s(200), screen.height * 0.25)
        color: Theme.surface
        ItemImage {
            id: photo
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.gapLarge }
            width: height
            source: screen.kiosk.editImage
            label: screen.kiosk.editName
        }
        Column {
            anchors { left: photo.right; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.gapLarge }
            spacing: Theme.gapSmall
            Text {
                objectName: "editName"
                width: parent.width
                text: screen.kiosk.editName
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "editPrice"
                text: screen.kiosk.editPriceText
                color: Theme.primary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }
    }

    Flickable {
        id: flick
        anchors { left: parent.left; right: parent.right; top: head.bottom; bottom: footer.top }
        contentHeight: groups.implicitHeight + Theme.gapLarge * 2
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: groups
            x: Theme.gapLarge
            y: Theme.gapLarge
            width: flick.width - Theme.gapLarge * 2
            spacing: Theme.gapLarge

            Repeater {
                model: screen.kiosk.optionGroups
                delegate: Column {
                    id: group
                    required property string key
                    required property string name
                    required property bool required
                    required property int maxChoices
                    required property bool satisfied
                    required property var options
                    width: groups.width
                    spacing: Theme.gap
                    Row {
                        spacing: Theme.gap
                        Text {
                            text: group.name
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                        }
                        Badge {
                            anchors.verticalCenter: parent.verticalCenter
                            objectName: "groupBadge_" + group.key
                            text: group.required ? (group.satisfied ? qsTr("필수 ✓") : qsTr("필수"))
                                                 : qsTr("선택 (최대 %1개)").arg(group.maxChoices)
                            fill: group.required ? (group.satisfied ? Theme.accent : Theme.danger) : Theme.textMuted
                        }
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.gap
                        Repeater {
                            model: group.options
                            delegate: Item {
                                id: opt
                                required property var modelData
                                readonly property real column: Math.max(Theme.s(200), (groups.width - Theme.gap * 2) / 3)
                                // − name + : two columns wide, so the buttons never cover the name at large text
                                width: modelData.repeat ? Math.min(groups.width, column * 2 + Theme.gap) : column
                                height: Theme.s(104)
                                KButton {
                                    visible: !opt.modelData.repeat
                                    anchors.fill: parent
                                    objectName: "option_" + group.key + "_" + opt.modelData.id
                                    text: opt.modelData.name
                                    subText: opt.modelData.priceText
                                    accessibleName: opt.modelData.name + " " + opt.modelData.priceText
                                    checked: opt.modelData.count > 0
                                    activeFocusOnTab: visible
                                    onClicked: screen.kiosk.toggleOption(group.key, opt.modelData.id)
                                }
                                Rectangle {
                                    visible: opt.modelData.repeat
                                    anchors.fill: parent
                                    radius: Theme.radiusSmall
                                    color: opt.modelData.count > 0 ? Theme.surfaceAlt : Theme.surface
                                    border.color: opt.modelData.count > 0 ? Theme.primary : Theme.border
                                    border.width: Theme.s(2)
                                    KButton {
                                        objectName: "optionMinus_" + group.key + "_" + opt.modelData.id
                                        anchors { left: parent.left; verticalCenter: parent.verticalCenter; margins: Theme.gapSmall }
                                        text: "−"
                                        accessibleName: qsTr("%1 빼기").arg(opt.modelData.name)
                                        activeFocusOnTab: opt.modelData.repeat
                                        enabled_: opt.modelData.count > 0
                                        onClicked: screen.kiosk.changeOptionCount(group.key, opt.modelData.id, -1)
                                    }
                                    Column {
                                        anchors.centerIn: parent
                                        Text {
                                            anchors.horizontalCenter: parent.horizontalCenter
                                            text: opt.modelData.name + (opt.modelData.count > 0 ? " ×" + opt.modelData.count : "")
                                            color: Theme.text
                                            font.family: Theme.fontFamily
                                            font.pixelSize: Theme.fontBody
                                            font.bold: true
                                        }
                                        Text {
                                            anchors.horizontalCenter: parent.horizontalCenter
                                            text: opt.modelData.priceText
                                            color: Theme.textMuted
                                            font.family: Theme.fontFamily
                                            font.pixelSize: Theme.fontSmall
                                        }
                                    }
                                    KButton {
                                        objectName: "optionPlus_" + group.key + "_" + opt.modelData.id
                                        anchors { right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.gapSmall }
                                        text: "+"
                                        accessibleName: qsTr("%1 더하기").arg(opt.modelData.name)
                                        activeFocusOnTab: opt.modelData.repeat
                                        enabled_: opt.modelData.count < group.maxChoices
                                        onClicked: screen.kiosk.changeOptionCount(group.key, opt.modelData.id, 1)
                                    }
                                }
                            }
                        }
                    }
                }
            }

            Row {
                spacing: Theme.gapLarge
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("수량")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                KButton {
                    objectName: "editQtyMinus"
                    text: "−"
                    accessibleName: qsTr("수량 줄이기")
                    width: Theme.s(72); height: Theme.s(72)
                    enabled_: screen.kiosk.editQuantity > 1
                    onClicked: screen.kiosk.changeEditQuantity(-1)
                }
                Text {
                    objectName: "editQuantity"
                    anchors.verticalCenter: parent.verticalCenter
                    text: screen.kiosk.editQuantity
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                }
                KButton {
                    objectName: "editQtyPlus"
                    text: "+"
                    accessibleName: qsTr("수량 늘리기")
                    width: Theme.s(72); height: Theme.s(72)
                    onClicked: screen.kiosk.changeEditQuantity(1)
                }
            }
        }
    }

    Rectangle {
        id: footer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Theme.bottomBar + (hint.visible ? hint.height : 0)
        color: Theme.surface
        border.color: Theme.border
        Text {
            id: hint
            objectName: "requiredHint"
            visible: !screen.kiosk.canAdd
            anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: Theme.gapSmall }
            text: qsTr("필수 옵션을 골라 주세요")
            color: Theme.danger
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
        }
        KButton {
            id: backButton
            objectName: "optionsBackButton"
            anchors { left: parent.left; bottom: parent.bottom; margins: Theme.gap }
            height: Theme.s(88)
            width: Theme.s(200)
            text: qsTr("취소")
            onClicked: screen.kiosk.back()
        }
        KButton {
            objectName: "addToCartButton"
            anchors { left: backButton.right; right: parent.right; bottom: parent.bottom; margins: Theme.gap }
            height: Theme.s(88)
            primary: true
            enabled_: screen.kiosk.canAdd
            fontSize: Theme.fontLarge
            text: qsTr("%1 담기").arg(screen.kiosk.editPriceText)
            onClicked: screen.kiosk.addToCart()
        }
    }
}
