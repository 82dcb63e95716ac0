// The owner's back office (ui/owner/viewmodel.py): a top bar (shop, who is signed in, 한국어 / English,
// sign out), the tabs (a rail on the left in landscape, a bar at the bottom in portrait) and the current
// tab's screen. The core decides everything; this only shows what the view-model says.
import QtQuick
import "../common"

Rectangle {
    id: root
    objectName: "ownerRoot"
    required property var vm
    required property var staff
    required property bool portrait
    color: Theme.background

    // Korean first; the back office's own English switch (the customer's language is not touched).
    function t(ko, en) { return root.vm.lang === "en" ? en : ko }

    readonly property var tabs: [
        { key: "today", ko: "오늘", en: "Today" },
        { key: "calendar", ko: "달력", en: "Calendar" },
        { key: "orders", ko: "주문", en: "Orders" },
        { key: "menu", ko: "메뉴", en: "Menu" },
        { key: "export", ko: "내보내기", en: "Export" },
        { key: "status", ko: "상태", en: "Status" },
        { key: "forecast", ko: "내일 예상", en: "Tomorrow" },
        { key: "staff", ko: "직원", en: "Staff" }
    ]
    readonly property var screens: ({
        today: "TodayScreen.qml", calendar: "CalendarScreen.qml", orders: "OrdersScreen.qml",
        menu: "MenuScreen.qml", export: "ExportScreen.qml", status: "StatusScreen.qml",
        forecast: "ForecastScreen.qml", staff: "StaffScreen.qml"
    })

    // Any touch restarts the idle sign-out.
    MouseArea {
        anchors.fill: parent
        z: 1000
        propagateComposedEvents: true
        onPressed: (mouse) => { root.staff.touch(); mouse.accepted = false }
    }

    Rectangle {
        id: topBar
        objectName: "ownerTopBar"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.topBar
        color: Theme.dark
        Row {
            anchors { left: parent.left; leftMargin: Theme.gap; verticalCenter: parent.verticalCenter }
            spacing: Theme.gap
            Text {
                id: titleText
                text: root.t("사장님 화면", "Back office")
                color: Theme.darkInk
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontLarge; font.bold: true
                anchors.verticalCenter: parent.verticalCenter
            }
            Text {
                objectName: "ownerPerson"
                readonly property real room: topBar.width - titleText.width - rightButtons.width - Theme.gap * 4
                visible: room > Theme.s(100)
                text: root.staff.personName + (room > Theme.s(300) ? " · " + root.vm.shopName : "")
                color: Theme.darkInk; opacity: 0.85
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                anchors.verticalCenter: parent.verticalCenter
                elide: Text.ElideRight
                width: Math.min(implicitWidth, room)
            }
        }
        Row {
            id: rightButtons
            anchors { right: parent.right; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
            spacing: Theme.gapSmall
            KButton {
                objectName: "ownerLanguage"
                text: root.vm.lang === "en" ? "한국어" : "English"
                fontSize: Theme.fontBody
                onClicked: root.vm.setLanguage(root.vm.lang === "en" ? "ko" : "en")
            }
            KButton {
                objectName: "ownerSignOut"
                text: root.t("로그아웃", "Sign out")
                primary: true
                fontSize: Theme.fontBody
                onClicked: root.staff.signOut()
            }
        }
    }

    // The tabs: a rail in landscape, two rows along the bottom in portrait (eight in one row do not fit
    // their names at 1.5).
    readonly property int tabColumns: root.portrait ? Math.ceil(root.tabs.length / 2) : 1
    readonly property int tabRows: Math.ceil(root.tabs.length / root.tabColumns)
    Rectangle {
        id: tabBox
        color: Theme.surface
        border.color: Theme.border
        x: 0
        y: root.portrait ? root.height - height : topBar.height
        width: root.portrait ? root.width : Theme.s(168)
        height: root.portrait ? Theme.s(84) * root.tabRows : root.height - topBar.height
        Grid {
            anchors.fill: parent
            anchors.margins: Theme.gapSmall
            columns: root.tabColumns
            spacing: Theme.gapSmall
            Repeater {
                model: root.tabs
                KButton {
                    required property var modelData
                    objectName: "tab_" + modelData.key
                    width: (tabBox.width - Theme.gapSmall * (root.tabColumns + 1)) / root.tabColumns
                    height: root.portrait ? (tabBox.height - Theme.gapSmall * (root.tabRows + 1)) / root.tabRows
                                          : Math.min(Theme.s(84), (tabBox.height - Theme.gapSmall * (root.tabs.length + 1)) / root.tabs.length)
                    text: root.t(modelData.ko, modelData.en)
                    fontSize: root.portrait ? Theme.fontSmall : Theme.fontBody
                    checked: root.vm.tab === modelData.key
                    onClicked: root.vm.setTab(modelData.key)
                }
            }
        }
    }

    Loader {
        id: screen
        objectName: "ownerScreen"
        anchors {
            left: root.portrait ? root.left : tabBox.right
            right: root.right
            top: topBar.bottom
            bottom: message.visible ? message.top : (root.portrait ? tabBox.top : root.bottom)
            margins: Theme.gap
        }
    }
    readonly property string currentTab: vm.tab
    onCurrentTabChanged: screen.setSource(root.screens[root.currentTab], { "vm": root.vm, "owner": root })
    Component.onCompleted: {
        root.vm.setActive(true)
        screen.setSource(root.screens[root.currentTab], { "vm": root.vm, "owner": root })
    }
    Component.onDestruction: root.vm.setActive(false)

    // The last result or refusal, one line, at the bottom of the screen.
    Rectangle {
        id: message
        objectName: "ownerMessage"
        visible: root.vm.message !== ""
        anchors {
            left: screen.left; right: screen.right
            bottom: root.portrait ? tabBox.top : root.bottom; bottomMargin: Theme.gap
        }
        height: messageText.height + Theme.gap * 1.5
        radius: Theme.radiusSmall
        color: root.vm.messageIsError ? Theme.danger : Theme.dark
        z: 30
        Text {
            id: messageText
            objectName: "ownerMessageText"
            anchors.centerIn: parent
            width: Math.min(implicitWidth, message.width - Theme.gapLarge * 2)
            text: root.vm.message
            color: "#FFFFFF"
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
        }
        MouseArea { anchors.fill: parent; onClicked: root.vm.clearMessage() }
    }

    Rectangle {
        objectName: "ownerBusy"
        visible: root.vm.busy
        anchors { right: parent.right; top: topBar.bottom; margins: Theme.gapSmall }
        width: busyText.implicitWidth + Theme.gap * 2
        height: busyText.implicitHeight + Theme.gapSmall * 2
        radius: height / 2
        color: Theme.surfaceAlt
        z: 31
        Text {
            id: busyText
            anchors.centerIn: parent
            text: root.t("불러오는 중…", "Loading…")
            color: Theme.text
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontSmall
        }
    }
}
