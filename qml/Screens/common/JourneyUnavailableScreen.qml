import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// Shown for a journey this build does not offer yet. The menu already marks such functions as
// unavailable, so a patient reaches this only if the catalogue and the screens disagree.
ScreenFrame {
    title: qsTr("Not available")
    instruction: qsTr("This function is not available on this kiosk. Please ask the staff at the service desk.")

    actions: [
        KioskButton {
            objectName: "backButton"
            Layout.fillWidth: true
            text: qsTr("Back")
            onClicked: Session.back()
        }
    ]
}
