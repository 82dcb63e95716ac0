// Sold-out and back in, one tap, per item and per option (optionally only until the day closes); an
// item's price (owners and managers). The customer screen follows at once; a new price applies from the
// next order, never to a cart in progress.
import QtQuick
import "../common"

Item {
    id: page
    objectName: "menuScreen"
    required property var vm
    required property var owner
    property bool showOptions: false
    property var editing: null      // the item whose price is being typed
    readonly property bool canPrice: vm.may("change_prices")
    readonly property bool narrow: width < Theme.s(860)

    Row {
        id: head
        spacing: Theme.gapSmall
        KButton { objectName: "menuItems"; text: page.owner.t("메뉴", "Items"); checked: !page.showOptions; onClicked: page.showOptions = false }
        KButton { objectName: "menuOptions"; text: page.owner.t("옵션", "Options"); checked: page.showOptions; onClicked: page.showOptions = true }
    }
    Text {
        anchors { left: head.right; leftMargin: Theme.gap; right: parent.right; verticalCenter: head.verticalCenter }
        wrapMode: Text.WordWrap
        text: page.owner.t("품절은 손님 화면에 바로 반영됩니다. 가격 변경은 다음 주문부터 적용됩니다.", "Sold-out shows on the customer screen at once; a new price applies from the next order.")
        color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall
    }

    // Every row is made (a shop's menu is tens of items), so a swipe or a search reaches any of them.
    Flickable {
        id: list
        objectName: "menuList"
        anchors { left: parent.left; right: parent.right; top: head.bottom; bottom: parent.bottom; topMargin: Theme.gap }
        clip: true
        contentHeight: rows.height
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: rows
            width: list.width
            spacing: Theme.gapSmall
            Repeater {
                model: page.showOptions ? page.vm.menuOptions : page.vm.menuItems
                delegate: Rectangle {
                    id: row
                    required property var modelData
                    readonly property bool isOption: modelData.group !== undefined
                    objectName: (isOption ? "option_" + modelData.group + "_" : "item_") + modelData.id
                    width: list.width
                    height: page.narrow ? names.height + buttons.height + Theme.gap * 2
                                        : Math.max(Theme.s(84), names.height + Theme.gap)
                    radius: Theme.radiusSmall
                    color: modelData.soldOut ? Theme.surfaceAlt : Theme.surface
                    border.color: Theme.border
                    Column {
                        id: names
                        x: Theme.gap
                        y: page.narrow ? Theme.gapSmall : (parent.height - height) / 2
                        width: page.narrow ? parent.width - Theme.gap * 2 : parent.width - buttons.width - Theme.gap * 3
                        Text { width: parent.width; elide: Text.ElideRight; text: row.modelData.name; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true }
                        Text {
                            width: parent.width; elide: Text.ElideRight
                            text: (row.isOption ? row.modelData.groupName : row.modelData.category)
                                  + (row.modelData.soldOut ? (row.modelData.untilClose ? page.owner.t(" · 오늘 마감까지 품절", " · sold out until close") : page.owner.t(" · 품절", " · sold out")) : "")
                            color: row.modelData.soldOut ? Theme.danger : Theme.textMuted
                            font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall; font.bold: row.modelData.soldOut
                        }
                    }
                    Row {
                        id: buttons
                        x: parent.width - width - Theme.gapSmall
                        y: page.narrow ? names.height + Theme.gapSmall * 2 : (parent.height - height) / 2
                        spacing: Theme.gapSmall
                        KButton {
                            objectName: "price_" + row.modelData.id
                            visible: !row.isOption
                            text: row.modelData.priceText || ""
                            subText: row.modelData.changed ? page.owner.t("변경됨", "changed") : ""
                            enabled_: page.canPrice
                            onClicked: { page.editing = row.modelData; pricePad.value = String(row.modelData.price) }
                        }
                        KButton {
                            objectName: "soldOutToday_" + row.modelData.id
                            visible: !row.modelData.soldOut
                            text: page.owner.t("오늘만 품절", "Sold out today")
                            onClicked: row.isOption ? page.vm.setOptionSoldOut(row.modelData.group, row.modelData.id, true, true)
                                                    : page.vm.setSoldOut(row.modelData.id, true, true)
                        }
                        KButton {
                            objectName: "soldOut_" + row.modelData.id
                            text: row.modelData.soldOut ? page.owner.t("다시 판매", "Back on sale") : page.owner.t("품절", "Sold out")
                            fill: row.modelData.soldOut ? Theme.accent : Theme.danger
                            ink: "#FFFFFF"
                            onClicked: row.isOption ? page.vm.setOptionSoldOut(row.modelData.group, row.modelData.id, !row.modelData.soldOut, false)
                                                    : page.vm.setSoldOut(row.modelData.id, !row.modelData.soldOut, false)
                        }
                    }
                }
            }
        }
    }

    // The price of one item, typed on the pad.
    Rectangle {
        objectName: "priceDialog"
        visible: page.editing !== null
        anchors.fill: parent
        color: Theme.scrim
        z: 20
        MouseArea { anchors.fill: parent }
        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - Theme.gap * 2, Theme.s(460))
            height: dialog.height + Theme.gap * 2
            radius: Theme.radius
            color: Theme.surface
            Column {
                id: dialog
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
                spacing: Theme.gap
                Text { width: parent.width; wrapMode: Text.WordWrap; text: page.editing ? page.owner.t(page.editing.name + " 새 가격", "New price of " + page.editing.name) : ""; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true }
                Text { objectName: "priceValue"; text: (pricePad.value === "" ? "0" : Number(pricePad.value).toLocaleString(Qt.locale("ko_KR"), "f", 0)) + page.owner.t("원", " won"); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true }
                NumPad { id: pricePad; width: parent.width; maxLength: 8 }
                Row {
                    spacing: Theme.gap
                    KButton { objectName: "priceCancel"; text: page.owner.t("취소", "Cancel"); onClicked: page.editing = null }
                    KButton {
                        objectName: "priceSave"
                        primary: true
                        text: page.owner.t("저장 (다음 주문부터)", "Save (from the next order)")
                        enabled_: pricePad.value !== ""
                        onClicked: { page.vm.setPrice(page.editing.id, pricePad.value); page.editing = null }
                    }
                }
            }
        }
    }
}
