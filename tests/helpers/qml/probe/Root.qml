import QtQuick

Rectangle {
    objectName: "probeRoot"
    required property var vm
    required property var staff
    required property bool portrait
    color: "white"

    Text {
        objectName: "probeText"
        anchors.centerIn: parent
        text: staff.personName + " / " + vm.shopName + " / " + (portrait ? "portrait" : "landscape")
    }
    MouseArea {
        objectName: "probeSignOut"
        anchors { right: parent.right; top: parent.top }
        width: 100; height: 100
        onClicked: staff.signOut()
    }
}
