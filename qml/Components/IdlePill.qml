import QtQuick
import Lobby.Core

// How long the kiosk waits for the patient before it ends the session: small and calm, red once
// the warning has begun. Not shown while the kiosk itself waits (no time runs then).
Rectangle {
    objectName: "idlePill"
    visible: Session.idleRemaining > 0
    radius: height / 2
    color: Session.countdownActive ? Theme.danger : Theme.background
    border.width: 2
    border.color: Session.countdownActive ? Theme.danger : Theme.mutedText
    implicitWidth: pillText.implicitWidth + 2 * 28
    implicitHeight: pillText.implicitHeight + 2 * 12

    Text {
        textFormat: Text.PlainText
        id: pillText
        anchors.centerIn: parent
        text: qsTr("%1 s left").arg(Session.idleRemaining)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Session.countdownActive ? Theme.primaryText : Theme.text
    }
}
