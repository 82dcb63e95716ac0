// Item options: required groups must be chosen before adding; optional groups up to their maximum;
// quantity; the price updates as choices change. The quantity and the add button are always in view.
// Portrait: the item on top, the choices, then the controls; landscape: the item and the controls on the
// left, the choices on the right. Easy mode: one decision (group) per page, required ones preselected.
import QtQuick
import "../common"

FocusScope {
    id: screen
    focus: true  // the Loader is a focus scope: its screen takes the focus (keypad)
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent
    anchors.bottomMargin: easyNav.height  // easy mode's fixed bar below (EasyNavBar.qml)

    readonly property int groupCount: kiosk.optionGroups.count
    // Easy mode: one group per page, "next" between them.
    readonly property bool paged: kiosk.easyMode && groupCount > 1
    property int page: 0
    readonly property bool lastPage: !paged || page >= groupCount - 1
    readonly property real sideWidth: portrait ? width : Math.max(Theme.s(320), Math.min(width * 0.42, Theme.s(560)))
    // A short landscape screen (a tablet at large scales): the controls side by side and at the touch
    // minimum, the item (smaller) above them, the choices a compact list of two a row, so a group of two
    // or four choices shows whole beside the quantity and the add button.
    readonly property bool compactSide: !portrait && height > 0 && height < Theme.s(620)
    readonly property bool headScrolls: portrait
    readonly property int pad: compactSide ? Theme.gap : Theme.gapLarge

    function focusFirstOption() {
        const first = groups.firstControl()
        if (first) first.forceActiveFocus(Qt.TabFocusReason)
        else addButton.forceActiveFocus(Qt.TabFocusReason)
    }
    Timer { id: focusLater; running: true; interval: 0; onTriggered: screen.focusFirstOption() }
    onPageChanged: { flick.contentY = 0; focusLater.restart() }

    // The item: photo, name, price. Portrait: at the top of the scrolling choices (it scrolls away so the
    // choices get the room); landscape: on the left above the controls.
    Rectangle {
        id: head
        parent: screen.headScrolls ? headSlot : screen
        x: 0; y: 0
        width: screen.headScrolls ? headSlot.width : screen.sideWidth
        height: screen.headScrolls ? Math.max(Theme.s(160), Math.min(Theme.s(300), screen.height * 0.22), headColumn.implicitHeight + Theme.gapLarge * 2)
                                : Math.min(Theme.s(260), headColumn.implicitHeight + screen.pad * 2, screen.height - controls.height)
        color: Theme.surface
        ItemImage {
            id: photo
            objectName: "editPhoto"
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: screen.pad }
            width: screen.portrait ? height : Math.min(height, parent.width * 0.35)
            visible: width >= Theme.s(60)
            source: screen.kiosk.editImage
            label: screen.kiosk.editName
        }
        Column {
            id: headColumn
            anchors { left: photo.visible ? photo.right : parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: screen.pad }
            spacing: Theme.gapSmall
            Text {
                objectName: "editName"
                width: parent.width
                text: screen.kiosk.editName
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: screen.portrait ? Theme.fontTitle : Theme.fontLarge
                font.bold: true
                wrapMode: Text.Wrap
            }
            Text {
                objectName: "editPrice"
                width: parent.width
                text: screen.kiosk.editPriceText
                color: Theme.primary
                font.family: Theme.fontFamily
                font.pixelSize: screen.portrait ? Theme.fontTitle : Theme.fontLarge
                font.bold: true
            }
        }
    }

    Flickable {
        id: flick
        objectName: "optionsScroll"
        x: screen.portrait ? 0 : screen.sideWidth
        y: 0
        width: screen.width - (screen.portrait ? 0 : screen.sideWidth)
        height: screen.height - (screen.portrait ? controls.height : 0)
        contentHeight: headSlot.height + groups.implicitHeight + screen.pad * 2

        Item {
            id: headSlot
            width: flick.width
            height: screen.headScrolls ? head.height : 0
        }
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: groups
            x: screen.pad
            y: headSlot.height + screen.pad
            width: flick.width - screen.pad * 2
            spacing: screen.pad

            function firstControl() {
                for (let i = 0; i < groupRepeater.count; ++i) {
                    const g = groupRepeater.itemAt(i)
                    if (g && g.visible && g.firstControl()) return g.firstControl()
                }
                return null
            }

            Repeater {
                id: groupRepeater
                model: screen.kiosk.optionGroups
                delegate: Column {
                    id: group
                    required property int index
                    required property string key
                    required property string name
                    required property bool required
                    required property int maxChoices
                    required property bool satisfied
                    required property var options
                    visible: !screen.paged || index === screen.page
                    width: groups.width
                    spacing: Theme.gap
                    function firstControl() {
                        const o = optionRepeater.itemAt(0)
                        return o ? o.control : null
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.gap
                        Text {
                            objectName: "groupName_" + group.key
                            width: Math.min(implicitWidth, parent.width)
                            wrapMode: Text.Wrap
                            text: screen.paged ? qsTr("%1 (%2/%3)").arg(group.name).arg(group.index + 1).arg(screen.groupCount) : group.name
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                        }
                        Badge {
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
                            id: optionRepeater
                            // Counted, not the list itself: a choice updates these buttons in place instead of
                            // making new ones, so the list keeps its scroll position and the focus stays put.
                            model: group.options.length
                            delegate: Item {
                                id: opt
                                required property int index
                                readonly property var modelData: group.options[index] || ({})
                                readonly property Item control: modelData.repeat ? minus : single
                                readonly property real column: screen.compactSide ? Math.floor((groups.width - Theme.gap) / 2)
                                    : Math.min(groups.width, Math.max(Theme.s(200), (groups.width - Theme.gap * 2) / 3))
                                // − name + : two columns wide, so the buttons never cover the name at large text
                                width: modelData.repeat ? Math.min(groups.width, column * 2 + Theme.gap) : column
                                height: Math.max(screen.compactSide ? Theme.touchMin : Theme.s(104), single.implicitHeight)
                                KButton {
                                    id: single
                                    visible: !opt.modelData.repeat
                                    anchors.fill: parent
                                    objectName: "option_" + group.key + "_" + opt.modelData.id
                                    text: opt.modelData.name || ""
                                    subText: opt.modelData.soldOut ? qsTr("품절") : (opt.modelData.priceText || "")
                                    accessibleName: (opt.modelData.name || "") + " " + (opt.modelData.soldOut ? qsTr("품절") : (opt.modelData.priceText || ""))
                                                    + (checked ? ", " + qsTr("선택됨") : "")
                                    enabled_: !opt.modelData.soldOut || checked
                                    checked: opt.modelData.count > 0
                                    activeFocusOnTab: opt.modelData.repeat !== true
                                    onClicked: screen.kiosk.toggleOption(group.key, opt.modelData.id)
                                }
                                Rectangle {
                                    visible: opt.modelData.repeat === true
                                    anchors.fill: parent
                                    radius: Theme.radiusSmall
                                    color: opt.modelData.count > 0 ? Theme.surfaceAlt : Theme.surface
                                    border.color: opt.modelData.count > 0 ? Theme.primary : Theme.controlBorder
                                    border.width: Theme.s(2)
                                    KButton {
                                        id: minus
                                        objectName: "optionMinus_" + group.key + "_" + opt.modelData.id
                                        anchors { left: parent.left; verticalCenter: parent.verticalCenter; margins: Theme.gapSmall }
                                        text: "−"
                                        accessibleName: qsTr("%1 빼기").arg(opt.modelData.name)
                                        activeFocusOnTab: opt.modelData.repeat === true
                                        enabled_: opt.modelData.count > 0
                                        onClicked: screen.kiosk.changeOptionCount(group.key, opt.modelData.id, -1)
                                    }
                                    Column {
                                        anchors { left: minus.right; right: plus.left; verticalCenter: parent.verticalCenter; margins: Theme.gapSmall }
                                        Text {
                                            width: parent.width
                                            horizontalAlignment: Text.AlignHCenter
                                            wrapMode: Text.Wrap
                                            text: (opt.modelData.name || "") + (opt.modelData.count > 0 ? " ×" + opt.modelData.count : "")
                                            color: Theme.text
                                            font.family: Theme.fontFamily
                                            font.pixelSize: Theme.fontBody
                                            font.bold: true
                                        }
                                        Text {
                                            width: parent.width
                                            horizontalAlignment: Text.AlignHCenter
                                            text: opt.modelData.priceText || ""
                                            color: Theme.textMuted
                                            font.family: Theme.fontFamily
                                            font.pixelSize: Theme.fontSmall
                                        }
                                    }
                                    KButton {
                                        id: plus
                                        objectName: "optionPlus_" + group.key + "_" + opt.modelData.id
                                        anchors { right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.gapSmall }
                                        text: "+"
                                        accessibleName: qsTr("%1 더하기").arg(opt.modelData.name)
                                        activeFocusOnTab: opt.modelData.repeat === true
                                        enabled_: opt.modelData.count < group.maxChoices && !opt.modelData.soldOut
                                        onClicked: screen.kiosk.changeOptionCount(group.key, opt.modelData.id, 1)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    ScrollHint { objectName: "optionsMoreBelow"; view: flick; atStart: false; vertical: true }

    // Quantity, the required-choice hint, cancel and add: always in view.
    Rectangle {
        id: controls
        x: 0
        y: screen.height - height
        width: screen.sideWidth
        height: controlsColumn.implicitHeight + Theme.gap * 2
        color: Theme.surface
        border.color: Theme.border

        Column {
            id: controlsColumn
            x: Theme.gap
            y: Theme.gap
            width: parent.width - Theme.gap * 2
            spacing: screen.compactSide ? Theme.gapSmall : Theme.gap

            Text {
                id: hint
                objectName: "requiredHint"
                visible: !screen.kiosk.canAdd
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("필수 옵션을 골라 주세요")
                color: Theme.danger
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
            }
            Row {
                id: quantityRow
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: Theme.gap
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
                    width: screen.compactSide ? Theme.touchMin : Theme.s(72); height: width
                    enabled_: screen.kiosk.editQuantity > 1
                    onClicked: screen.kiosk.changeEditQuantity(-1)
                }
                Text {
                    objectName: "editQuantity"
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.s(56)
                    horizontalAlignment: Text.AlignHCenter
                    text: screen.kiosk.editQuantity
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("수량 %1").arg(screen.kiosk.editQuantity)
                }
                KButton {
                    objectName: "editQtyPlus"
                    text: "+"
                    accessibleName: qsTr("수량 늘리기")
                    width: screen.compactSide ? Theme.touchMin : Theme.s(72); height: width
                    onClicked: screen.kiosk.changeEditQuantity(1)
                }
            }
            Grid {
                width: parent.width
                columns: screen.portrait || screen.compactSide ? 2 : 1
                spacing: Theme.gap
                layoutDirection: Qt.LeftToRight
                KButton {
                    id: backButton
                    objectName: "optionsBackButton"
                    width: screen.compactSide ? implicitWidth : screen.portrait ? Math.max(implicitWidth, Theme.s(180)) : parent.width
                    height: Math.max(screen.compactSide ? Theme.touchMin : Theme.s(88), implicitHeight)
                    text: screen.paged && screen.page > 0 ? qsTr("이전") : qsTr("취소")
                    onClicked: if (screen.paged && screen.page > 0) screen.page -= 1; else screen.kiosk.back()
                }
                KButton {
                    id: addButton
                    objectName: "addToCartButton"
                    width: screen.portrait || screen.compactSide ? parent.width - backButton.width - Theme.gap : parent.width
                    height: Math.max(screen.compactSide ? Theme.touchMin : Theme.s(88), implicitHeight)
                    primary: true
                    enabled_: screen.lastPage ? screen.kiosk.canAdd : true
                    fontSize: Theme.fontLarge
                    text: screen.lastPage ? qsTr("%1 담기").arg(screen.kiosk.editPriceText) : qsTr("다음")
                    onClicked: if (screen.lastPage) screen.kiosk.addToCart(); else screen.page += 1
                }
            }
        }
    }

    // Easy mode: Home / Back / Help in the same place on every screen, just below this one's content.
    EasyNavBar {
        id: easyNav
        kiosk: screen.kiosk
        y: screen.height
        back: function () { if (screen.paged && screen.page > 0) screen.page -= 1; else screen.kiosk.back() }
    }
}
