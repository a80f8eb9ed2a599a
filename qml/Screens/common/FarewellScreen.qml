import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// The session is over: the patient must not walk away without their card or slip; it names what
// this patient actually has to take (a card, a slip, both, or nothing).
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing

        Text {
            textFormat: Text.PlainText
            objectName: "farewellMessage"
            Layout.fillWidth: true
            text: Session.takeAway === "card_and_slip" ? qsTr("Please take your card and your slip")
                : Session.takeAway === "card" ? qsTr("Please take your card")
                : Session.takeAway === "slip" ? qsTr("Please take your slip")
                : qsTr("Goodbye")
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
