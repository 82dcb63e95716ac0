// The menu: category tabs, a grid of item cards, the message line and the cart summary bar, always visible.
import QtQuick
import "../common"

FocusScope {
    id: screen
    focus: true  // the Loader is a focus scope: its screen takes the focus (keypad)
    required property var kiosk
    property bool portrait: true
    // Short (a landscape window, or a small one at large scales): a lower message line and cart bar.
    readonly property bool compact: height > 0 && height < Theme.s(600)
    // Easy mode on a short landscape window for its scale (1280x800 at 2.0): the cart's summary and order
    // button go under the category rail, so the menu has the whole height on the right (two cards in view,
    // not one) and the rail keeps its room.
    readonly property bool cartBeside: compact && !portrait && kiosk.easyMode
    anchors.fill: parent
    anchors.bottomMargin: easyNav.height  // easy mode's fixed bar below (EasyNavBar.qml)

    function messageText(code) {
        if (code === "sold_out") return qsTr("품절된 메뉴입니다. 다른 메뉴를 골라 주세요.")
        if (code === "added") return qsTr("장바구니에 담았습니다.")
        if (code === "cart_empty") return qsTr("먼저 메뉴를 골라 주세요.")
        return ""
    }

    // Keypad: the first control in reading order takes focus when the screen opens.
    // (Timers, not Qt.callLater: they go with the screen when it is replaced before they run.)
    Timer { running: true; interval: 0; onTriggered: tabs.focusTab(tabs.selectedIndex()) }

    // Focus moves through the views by index (their delegates are not in index order in the item tree),
    // and out of them to the controls before and after.
    function leaveTo(item, forward) {
        const next = item.nextItemInFocusChain(forward)
        if (next) next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
    }

    // Portrait: a strip of tabs over the menu; landscape: a rail of them on its left (the height is what a
    // landscape screen lacks at large scales).
    ListView {
        id: tabs
        objectName: "categoryTabs"
        readonly property bool rail: !screen.portrait
        x: Theme.gap
        y: screen.cartBeside ? Theme.gapSmall : Theme.gap
        width: rail ? (screen.cartBeside ? Math.floor(screen.width * 0.33) : Math.min(Theme.s(260), screen.width * 0.28))
                    : screen.width - Theme.gap * 2
        height: screen.cartBeside ? cartBar.y - y - Theme.gapSmall : rail ? message.y - Theme.gap * 2 : Theme.tabHeight
        orientation: rail ? ListView.Vertical : ListView.Horizontal
        spacing: Theme.gapSmall
        clip: true
        model: screen.kiosk.categories
        cacheBuffer: 4000
        boundsBehavior: Flickable.StopAtBounds

        function selectedIndex() {
            for (let i = 0; i < count; ++i) {
                const it = itemAtIndex(i)
                if (it && it.selected) return i
            }
            return 0
        }
        // Scrolls just enough for tab i to show whole (positionViewAtIndex warns when it stops a flick).
        function showTab(i) {
            const it = itemAtIndex(i)
            if (!it || isNaN(it.x)) return
            if (rail) {
                const mostY = Math.max(0, contentHeight - height)
                if (it.y < contentY) contentY = Math.max(0, it.y - spacing)
                else if (it.y + it.height > contentY + height) contentY = Math.min(mostY, it.y + it.height - height + spacing)
                return
            }
            const most = Math.max(0, contentWidth - width)
            if (it.x < contentX) contentX = Math.max(0, it.x - spacing)
            else if (it.x + it.width > contentX + width) contentX = Math.min(most, it.x + it.width - width + spacing)
        }
        function focusTab(i) {
            showTab(i)
            const it = itemAtIndex(i)
            if (it) it.forceActiveFocus(Qt.TabFocusReason)
        }
        // The selected tab is always in view: after a choice, a language switch (widths change), a resize.
        function keepSelectedInView() { reposition.restart() }
        onWidthChanged: keepSelectedInView()
        onHeightChanged: keepSelectedInView()
        onContentWidthChanged: keepSelectedInView()
        onContentHeightChanged: keepSelectedInView()
        Timer {
            id: reposition
            interval: 0
            running: true
            onTriggered: tabs.showTab(tabs.selectedIndex())
        }

        delegate: KButton {
            id: tab
            required property int index
            required property string key
            required property string name
            required property bool selected
            objectName: "category_" + key
            text: name
            accessibleName: selected ? qsTr("%1, 선택됨").arg(name) : name
            // Beside the cart: at the touch minimum (one line of words), so two whole tabs show above it.
            height: screen.cartBeside ? Math.max(Theme.touchMin, tabLabel.implicitHeight + Theme.gapSmall * 2)
                                      : Math.max(Theme.tabHeight, implicitHeight)
            width: tabs.rail ? tabs.width : Math.max(Theme.touchMin, Theme.s(120), tabLabel.implicitWidth + Theme.gapLarge * 2)
            radius: tabs.rail ? Theme.radiusSmall : height / 2
            checked: selected
            fill: selected ? Theme.selected : Theme.surface
            ink: selected ? Theme.selectedInk : Theme.text
            onClicked: screen.kiosk.selectCategory(key)
            onSelectedChanged: if (selected) tabs.keepSelectedInView()
            onActiveFocusChanged: if (activeFocus) tabs.showTab(index)
            navigator: function (forward) {
                const i = index + (forward ? 1 : -1)
                if (i >= 0 && i < tabs.count) tabs.focusTab(i)
                else if (forward) grid.focusCard(0)
                else screen.leaveTo(tabs.itemAtIndex(0), false)
            }
            Text { id: tabLabel; visible: false; text: tab.text; font.family: Theme.fontFamily; font.pixelSize: tab.fontSize; font.bold: true }
        }
    }
    // The strip scrolls: a fade and an arrow at each end that has more tabs behind it.
    ScrollHint { objectName: "tabsMoreLeft"; view: tabs; atStart: true; vertical: tabs.rail }
    ScrollHint { objectName: "tabsMoreRight"; view: tabs; atStart: false; vertical: tabs.rail }

    GridView {
        id: grid
        objectName: "menuGrid"
        x: tabs.rail ? tabs.x + tabs.width + Theme.gap : Theme.gap
        y: tabs.rail ? (screen.cartBeside ? Theme.gapSmall : Theme.gap) : tabs.y + tabs.height + Theme.gap
        width: screen.width - x - Theme.gap
        height: message.y - y - (screen.cartBeside ? 0 : Theme.gap)
        // Name (two lines) and price.
        readonly property int textBlock: Math.ceil(Theme.fontBody * 1.35 * 3) + Theme.gap * 2
        // A card never grows taller than the view. When a photo with the name and price under it does not
        // fit (landscape or a small screen at large scales), cards become rows: the photo beside the words.
        readonly property bool rowCards: height < Math.floor(width / Math.max(2, Math.floor(width / Theme.cardWidth))) * 0.6 + textBlock
        // Easy mode: fewer, larger cards (Theme.scale is larger).
        readonly property int columns: rowCards ? Math.max(1, Math.floor(width / Theme.s(420)))
                                                : Math.max(2, Math.floor(width / Theme.cardWidth))
        cellWidth: Math.floor(width / columns)
        // Cards beside the cart (easy mode, short landscape): as many whole rows as fit, each at least a
        // one-line name and the price high.
        readonly property int shortRow: Math.ceil(Theme.fontBody * 1.35 * 2) + Theme.s(4) + Theme.gapSmall * 4
        cellHeight: screen.cartBeside && rowCards ? Math.floor(height / Math.max(1, Math.floor(height / shortRow)))
                  : rowCards ? Math.min(height, Math.max(textBlock, Theme.s(180)))
                             : Math.max(Theme.touchMin, Math.min(cellWidth - Theme.gap + textBlock, height))
        clip: true
        // One row beyond the view: enough for smooth flicks, cheap category switches. Not in easy mode: its few
        // big cards are made as they scroll in, and a category switch never meets a card still being made in the
        // buffer (Qt warns "DelegateModel::cancel: index out range" then; the shorter easy grid made it common).
        cacheBuffer: screen.kiosk.easyMode ? 0 : cellHeight
        model: screen.kiosk.menu
        boundsBehavior: Flickable.StopAtBounds

        function focusCard(i) {
            if (count === 0) { screen.leaveTo(tabs.itemAtIndex(tabs.count - 1), true); return }
            positionViewAtIndex(i, GridView.Contain)
            const it = itemAtIndex(i)
            if (it) it.card.forceActiveFocus(Qt.TabFocusReason)
        }

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
            readonly property alias card: card
            width: grid.cellWidth
            height: grid.cellHeight

            KCard {
                id: card
                objectName: "item_" + cell.key
                anchors { fill: parent; margins: Theme.gapSmall }
                radius: Theme.radius
                color: card.pressed ? Theme.surfaceAlt : Theme.surface
                border.color: Theme.controlBorder
                border.width: Theme.highContrast ? Theme.s(2) : Math.max(1, Theme.s(1))
                accessibleName: cell.name + ", " + cell.priceText + (cell.soldOut ? ", " + qsTr("품절") : "")
                onClicked: screen.kiosk.openItem(cell.key)
                onActiveFocusChanged: if (activeFocus) grid.positionViewAtIndex(cell.index, GridView.Contain)
                navigator: function (forward) {
                    const i = cell.index + (forward ? 1 : -1)
                    if (i >= 0 && i < grid.count) grid.focusCard(i)
                    else if (forward) screen.leaveTo(grid.itemAtIndex(grid.count - 1).card, true)
                    else tabs.focusTab(tabs.count - 1)
                }

                ItemImage {
                    id: photo
                    x: grid.rowCards ? Theme.gapSmall : (parent.width - width) / 2
                    y: Theme.gapSmall
                    width: grid.rowCards ? Math.min(parent.height - Theme.gapSmall * 2, parent.width * 0.45)
                                         : Math.max(0, Math.min(parent.width - Theme.gapSmall * 2, parent.height - grid.textBlock))
                    height: width
                    source: cell.image
                    label: cell.name
                    greyed: cell.soldOut
                }
                Row {
                    anchors { left: parent.left; top: photo.top; margins: Theme.gapSmall }
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
                    color: Theme.highContrast ? "#000000" : "#221A14"
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
                    x: grid.rowCards ? photo.x + photo.width + Theme.gap : Theme.gap
                    y: grid.rowCards ? Math.max(Theme.gapSmall, (parent.height - height) / 2) : photo.y + photo.height + Theme.gapSmall
                    width: parent.width - x - Theme.gap
                    spacing: Theme.s(4)
                    Text {
                        objectName: "itemName_" + cell.key
                        width: parent.width
                        text: cell.name
                        color: cell.soldOut ? Theme.textMuted : Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        horizontalAlignment: grid.rowCards ? Text.AlignLeft : Text.AlignHCenter
                        wrapMode: Text.Wrap
                    }
                    Text {
                        objectName: "itemPrice_" + cell.key
                        width: parent.width
                        text: cell.priceText
                        color: cell.soldOut ? Theme.textMuted : Theme.primary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        font.strikeout: cell.soldOut
                        horizontalAlignment: grid.rowCards ? Text.AlignLeft : Text.AlignHCenter
                    }
                }
            }
        }
    }
    ScrollHint { objectName: "menuMoreBelow"; view: grid; atStart: false; vertical: true }

    // The message line between the menu and the cart bar: a place of its own, so a message never covers a
    // card or the cart it talks about; it goes by itself.
    Item {
        id: message
        anchors { left: screen.cartBeside ? grid.left : parent.left; right: parent.right
                  bottom: screen.cartBeside ? parent.bottom : cartBar.top }
        height: Math.max(Theme.fontBody * 1.4 + (screen.compact ? Theme.gapSmall : Theme.gap), toast.visible ? toast.height + Theme.gapSmall : 0)
        Toast {
            id: toast
            objectName: "menuMessage"
            anchors.centerIn: parent
            timeout: screen.kiosk.easyMode ? Theme.toastMs * 2 : Theme.toastMs
            text: screen.messageText(screen.kiosk.message)
            Connections {
                target: screen.kiosk
                function onMessageShown() { toast.show() }
            }
        }
    }

    CartBar {
        id: cartBar
        kiosk: screen.kiosk
        compact: screen.compact
        column: screen.cartBeside
        x: screen.cartBeside ? tabs.x : 0
        width: screen.cartBeside ? tabs.width : screen.width
        y: screen.height - height - (screen.cartBeside ? Theme.gapSmall : 0)
    }

    // Easy mode: Home / Back / Help in the same place on every screen, just below this one's content.
    EasyNavBar {
        id: easyNav
        kiosk: screen.kiosk
        y: screen.height
    }
}
