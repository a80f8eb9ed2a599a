import QtQuick
import QtQuick.Layouts
import Lobby.Core

// Shown during the last seconds before an unattended session ends.
Rectangle {
    id: overlay

    color: Theme.overlay
    visible: Session.countdownActive

    // Swallows taps so nothing behind the overlay is pressed by accident.
    MouseArea {
        anchors.fill: parent
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 900)
        height: column.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.spacing

            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("Are you still there?")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("This session ends in %1 s.").arg(Session.countdownRemaining)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KioskButton {
                objectName: "stayButton"
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Continue")
                onClicked: Session.stay()
            }
        }
    }
}
