// The menu: category tabs, a grid of item cards, and the cart summary bar, always visible.
import QtQuick
import "../common"

FocusScope {
    id: screen
    required property var kiosk
    property bool portrait: true
    anchors.fill: parent

    function messageText(code) {
        if (code === "sold_out") return qsTr("품절된 메뉴입니다. 다른 메뉴를 골라 주세요.")
        if (code === "added") return qsTr("장바구니에 담았습니다.")
        if (code === "cart_empty") return qsTr("먼저 메뉴를 골라 주세요.")
        return ""
    }

    ListView {
        id: tabs
        objectName: "categoryTabs"
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
        height: Theme.tabHeight
        orientation: ListView.Horizontal
        spacing: Theme.gapSmall
        clip: true
        model: screen.kiosk.categories
        cacheBuffer: 4000
        delegate: KButton {
            required property int index
            required property string key
            required property string name
            required property bool selected
            objectName: "category_" + key
            text: name
            height: Theme.tabHeight
            radius: height / 2
            checked: selected
            fill: selected ? Theme.dark : Theme.surface
            ink: selected ? Theme.darkInk : Theme.text
            onClicked: screen.kiosk.selectCategory(key)
            onActiveFocusChanged: if (activeFocus) ListView.view.positionViewAtIndex(index, ListView.Contain)
        }
    }

    GridView {
        id: grid
        objectName: "menuGrid"
        anchors { left: parent.left; right: parent.right; top: tabs.bottom; bottom: cartBar.top; margins: Theme.gap }
        readonly property int columns: Math.max(2, Math.floor(width / Theme.cardWidth))
        cellWidth: Math.floor(width / columns)
        cellHeight: cellWidth + Theme.s(112)
        clip: true
        cacheBuffer: cellHeight  // one row beyond the view: enough for smooth flicks, cheap category switches
        model: screen.kiosk.menu
        boundsBehavior: Flickable.StopAtBounds
        delegate: Item {
            id: cell
            required property int index
            required property string key
            required property string name
            required property string priceText
            required property string image
            required property bool isNew
            required property bool isBest
            required property bool soldOut
            width: grid.cellWidth
            height: grid.cellHeight

            Rectangle {
                id: card
                objectName: "item_" + cell.key
                anchors { fill: parent; margins: Theme.gapSmall }
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                border.width: Theme.highContrast ? Theme.s(2) : Theme.s(1)
                activeFocusOnTab: true
                Accessible.role: Accessible.Button
                Accessible.name: cell.name + ", " + cell.priceText + (cell.soldOut ? ", " + qsTr("품절") : "")
                Accessible.onPressAction: screen.kiosk.openItem(cell.key)
                Keys.onReturnPressed: screen.kiosk.openItem(cell.key)
                Keys.onEnterPressed: screen.kiosk.openItem(cell.key)
                Keys.onSpacePressed: screen.kiosk.openItem(cell.key)
                Keys.onRightPressed: nextItemInFocusChain(true).forceActiveFocus()
                Keys.onLeftPressed: nextItemInFocusChain(false).forceActiveFocus()
                Keys.onDownPressed: nextItemInFocusChain(true).forceActiveFocus()
                Keys.onUpPressed: nextItemInFocusChain(false).forceActiveFocus()
                onActiveFocusChanged: if (activeFocus) grid.positionViewAtIndex(cell.index, GridView.Contain)
                FocusRing { target: card }

                ItemImage {
                    id: photo
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gapSmall }
                    height: width
                    source: cell.image
                    label: cell.name
                    greyed: cell.soldOut
                }
                Row {
                    anchors { left: photo.left; top: photo.top; margins: Theme.gapSmall }
                    spacing: Theme.s(6)
                    Badge { visible: cell.isBest; text: "BEST"; fill: Theme.badgeBest }
                    Badge { visible: cell.isNew; text: "NEW"; fill: Theme.badgeNew }
                }
                Rectangle {
                    visible: cell.soldOut
                    anchors.centerIn: photo
                    width: soldOutText.implicitWidth + Theme.gapLarge
                    height: soldOutText.implicitHeight + Theme.gap
                    radius: height / 2
                    color: Theme.highContrast ? "#000000" : "#CC221A14"
                    border.color: Theme.highContrast ? "#FFFFFF" : "transparent"
                    Text {
                        id: soldOutText
                        objectName: "soldOut_" + cell.key
                        anchors.centerIn: parent
                        text: qsTr("품절")
                        color: "#FFFFFF"
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                    }
                }
                Column {
                    anchors { left: parent.left; right: parent.right; top: photo.bottom; margins: Theme.gap; topMargin: Theme.gapSmall }
                    spacing: Theme.s(4)
                    Text {
                        width: parent.width
                        text: cell.name
                        color: cell.soldOut ? Theme.textMuted : Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        elide: Text.ElideRight
                        maximumLineCount: 2
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        text: cell.priceText
                        color: cell.soldOut ? Theme.textMuted : Theme.primary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        font.strikeout: cell.soldOut
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: screen.kiosk.openItem(cell.key)
                }
            }
        }
    }

    Toast {
        objectName: "menuMessage"
        anchors { horizontalCenter: parent.horizontalCenter; bottom: cartBar.top; bottomMargin: Theme.gap }
        text: screen.messageText(screen.kiosk.message)
    }

    CartBar {
        id: cartBar
        kiosk: screen.kiosk
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
    }
}
