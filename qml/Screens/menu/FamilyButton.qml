import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Journeys

// 就诊人 from the menu: this visit for a family member instead, or add one. Only while the
// patient serves themself with their own full session.
KioskButton {
    // Read by the menu's loader (an item's own `visible` is false while its loader is hidden).
    readonly property bool wanted: Family.offered

    objectName: "familyButton"
    primary: false
    text: qsTr("For a family member")
    onClicked: Family.switchPatient()
}
