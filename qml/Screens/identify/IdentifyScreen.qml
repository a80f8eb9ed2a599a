import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// Waiting for the patient to present an identity; for a patient the hospital does not know yet,
// the details read from their card (masked) to confirm before their record is created (建档).
ScreenFrame {
    title: Identity.confirming ? qsTr("Create your patient record?") : qsTr("Identify yourself")
    instruction: Identity.confirming
                 ? qsTr("This hospital has no record of you yet. Please check the details read from your card.")
                 : qsTr("Use one of these. Your details stay private.")

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
            visible: !Identity.confirming
            symbol: qsTr("ID")
            text: qsTr("Place your resident ID card on the reader below the screen")
        }
        InstructionCard {
            Layout.fillWidth: true
            visible: !Identity.confirming
            symbol: qsTr("SSC")
            text: qsTr("Insert your social-security card into the slot, chip first")
        }
        InstructionCard {
            Layout.fillWidth: true
            visible: !Identity.confirming
            symbol: qsTr("QR")
            text: qsTr("Show your e-voucher or visit-card code to the scanner")
        }
        GridLayout {
            objectName: "registrationDetails"
            visible: Identity.confirming
            Layout.fillWidth: true
            columns: 2
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Text {
                text: qsTr("Name")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                color: Theme.mutedText
            }
            Text {
                text: Identity.maskedName
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            Text {
                text: qsTr("ID number")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                color: Theme.mutedText
            }
            Text {
                text: Identity.maskedIdNumber
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
        }
        Item { Layout.fillHeight: true }
    }

    actions: [
        KioskButton {
            objectName: "confirmRegistration"
            visible: Identity.confirming
            Layout.fillWidth: true
            text: qsTr("Yes, create my record")
            onClicked: Identity.confirmRegistration()
        },
        KioskButton {
            objectName: "declineRegistration"
            visible: Identity.confirming
            primary: false
            Layout.fillWidth: true
            text: qsTr("No, cancel")
            onClicked: Identity.declineRegistration()
        },
        KioskButton {
            objectName: "backButton"
            visible: !Identity.confirming
            primary: false
            Layout.fillWidth: true
            text: qsTr("Back")
            onClicked: Session.back()
        }
    ]
}
