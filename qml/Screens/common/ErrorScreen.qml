import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// Something failed: say what happened and what to do, in plain words.
ScreenFrame {
    title: qsTr("Sorry, that did not work")
    instruction: Session.errorMessage.length > 0
                 ? Session.errorMessage
                 : qsTr("Please ask the staff at the service desk for help.")

    actions: [
        KioskButton {
            objectName: "acknowledgeButton"
            Layout.fillWidth: true
            text: qsTr("OK")
            onClicked: Session.acknowledge()
        }
    ]
}
