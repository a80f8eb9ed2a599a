import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// The session is over: the patient must not walk away without their card or slip.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing

        Text {
            textFormat: Text.PlainText
            objectName: "farewellMessage"
            Layout.fillWidth: true
            text: qsTr("Please take your card and your slip")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Thank you. We wish you good health.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            color: Theme.mutedText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }
}
