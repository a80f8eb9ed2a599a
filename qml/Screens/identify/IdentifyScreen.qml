import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// Waiting for the patient to present an identity.
ScreenFrame {
    title: qsTr("Identify yourself")
    instruction: qsTr("Use one of these. Your details stay private.")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        BusyBanner {
            objectName: "readingCardBanner"
            Layout.fillWidth: true
            visible: Session.readingCard
            text: qsTr("Reading your card. Please keep it still.")
        }
        InstructionCard {
            Layout.fillWidth: true
            symbol: qsTr("ID")
            text: qsTr("Place your resident ID card on the reader below the screen")
        }
        InstructionCard {
            Layout.fillWidth: true
            symbol: qsTr("SSC")
            text: qsTr("Insert your social-security card into the slot, chip first")
        }
        InstructionCard {
            Layout.fillWidth: true
            symbol: qsTr("QR")
            text: qsTr("Show your e-voucher or visit-card code to the scanner")
        }
        Item { Layout.fillHeight: true }
    }

    actions: [
        KioskButton {
            objectName: "backButton"
            primary: false
            Layout.fillWidth: true
            text: qsTr("Back")
            onClicked: Session.back()
        }
    ]
}
