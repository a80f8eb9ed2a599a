import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// A journey finished; the result stays until the patient acknowledges it.
ScreenFrame {
    title: qsTr("Done")
    instruction: qsTr("Your request has been completed.")

    actions: [
        KioskButton {
            objectName: "moreButton"
            primary: false
            Layout.fillWidth: true
            text: qsTr("Something else")
            onClicked: Session.back()
        },
        KioskButton {
            objectName: "acknowledgeButton"
            Layout.fillWidth: true
            text: qsTr("Finish")
            onClicked: Session.acknowledge()
        }
    ]
}
