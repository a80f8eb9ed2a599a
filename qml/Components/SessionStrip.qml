import QtQuick
import QtQuick.Layouts
import Lobby.Core

// Above every screen a patient is on, on a portrait kiosk: the way home (the one Finish of every
// screen) and the time left (IdlePill). A landscape kiosk, short of height, has both in its top
// bar instead (TopBar.qml).
Rectangle {
    id: strip

    visible: Session.patientPresent && !Theme.landscape
    implicitHeight: visible ? row.implicitHeight + 2 * 12 : 0
    color: Theme.surface

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.topMargin: 12
        anchors.bottomMargin: 12
        spacing: Theme.spacing

        HomeButton {}
        Item {
            Layout.fillWidth: true
        }
        IdlePill {}
    }
}
