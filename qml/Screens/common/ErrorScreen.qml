import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// Something failed: say what happened and what to do, in plain words and large type.
ScreenFrame {
    title: qsTr("Sorry, that did not work")

    Text {
        textFormat: Text.PlainText
        objectName: "errorMessage"
        anchors.left: parent.left
        anchors.right: parent.right
        text: Session.errorMessage.length > 0
              ? Session.errorMessage
              : qsTr("Please ask the staff at the service desk for help.")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    actions: [
        KioskButton {
            objectName: "acknowledgeButton"
            Layout.fillWidth: true
            text: qsTr("OK")
            onClicked: Session.acknowledge()
        }
    ]
}
