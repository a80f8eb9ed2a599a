import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// Waiting for the patient to present an identity; for a patient the hospital does not know yet,
// the details read from their card (masked) to confirm before their record is created (建档).
// Without a card, the patient can type their ID number and mobile number instead, or the booking
// code from their voucher or text message (that booking's pick-up only).
ScreenFrame {
    title: Identity.confirming ? qsTr("Create your patient record?")
         : Identity.typing ? qsTr("Type your ID number")
         : Identity.typingCode ? qsTr("Type your booking code")
         : qsTr("Identify yourself")
    instruction: Identity.confirming
                 ? qsTr("This hospital has no record of you yet. Please check the details read from your card.")
                 : Identity.typing
                 ? qsTr("Type your ID number and the mobile number you gave the hospital, then tap Continue.")
                 : Identity.typingCode
                 ? qsTr("Type the 8 digits on your booking voucher or in the text message, then tap Continue.")
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
        // The three ways side by side on a landscape screen, one above the other on a portrait one.
        GridLayout {
            id: ways
            readonly property bool wide: Theme.landscape
            Layout.fillWidth: true
            visible: !Identity.confirming && !Identity.typing && !Identity.typingCode
            columns: wide ? 3 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            InstructionCard {
                Layout.fillWidth: true
                Layout.fillHeight: ways.wide
                Layout.preferredWidth: ways.wide ? (ways.width - 2 * Theme.spacing) / 3 : -1
                symbol: qsTr("ID")
                text: qsTr("Place your resident ID card on the reader below the screen")
            }
            InstructionCard {
                Layout.fillWidth: true
                Layout.fillHeight: ways.wide
                Layout.preferredWidth: ways.wide ? (ways.width - 2 * Theme.spacing) / 3 : -1
                symbol: qsTr("SSC")
                text: qsTr("Insert your social-security card into the slot, chip first")
            }
            InstructionCard {
                Layout.fillWidth: true
                Layout.fillHeight: ways.wide
                Layout.preferredWidth: ways.wide ? (ways.width - 2 * Theme.spacing) / 3 : -1
                symbol: qsTr("QR")
                text: qsTr("Show your e-voucher, visit-card code or booking voucher to the scanner")
            }
        }
        GridLayout {
            objectName: "registrationDetails"
            visible: Identity.confirming
            Layout.fillWidth: true
            columns: 2
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Text {
                textFormat: Text.PlainText
                text: qsTr("Name")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                color: Theme.mutedText
            }
            Text {
                textFormat: Text.PlainText
                text: Identity.maskedName
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            Text {
                textFormat: Text.PlainText
                text: qsTr("ID number")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                color: Theme.mutedText
            }
            Text {
                textFormat: Text.PlainText
                text: Identity.maskedIdNumber
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
        }
        Loader {
            id: manualEntry
            Layout.fillWidth: true
            Layout.fillHeight: true
            active: Identity.typing
            visible: active
            source: "ManualEntryPanel.qml"
        }
        Loader {
            id: codeEntry
            Layout.fillWidth: true
            Layout.fillHeight: true
            active: Identity.typingCode
            visible: active
            source: "BookingCodePanel.qml"
        }
        Item {
            Layout.fillHeight: true
            visible: !Identity.typing && !Identity.typingCode
        }
    }

    actions: [
        KioskButton {
            objectName: "submitManualEntry"
            visible: Identity.typing
            enabled: !Session.readingCard
            Layout.fillWidth: true
            text: qsTr("Continue")
            onClicked: Identity.submitManual(manualEntry.item.idNumber, manualEntry.item.phone)
        },
        KioskButton {
            objectName: "cancelManualEntry"
            visible: Identity.typing
            enabled: !Session.readingCard
            primary: false
            Layout.fillWidth: true
            text: qsTr("Back")
            onClicked: Identity.cancelManualEntry()
        },
        KioskButton {
            objectName: "submitCode"
            visible: Identity.typingCode
            enabled: !Session.readingCard
            Layout.fillWidth: true
            text: qsTr("Continue")
            onClicked: Identity.submitCode(codeEntry.item.code)
        },
        KioskButton {
            objectName: "cancelCode"
            visible: Identity.typingCode
            enabled: !Session.readingCard
            primary: false
            Layout.fillWidth: true
            text: qsTr("Back")
            onClicked: Identity.cancelManualEntry()
        },
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
            text: qsTr("Do not create it")
            onClicked: Identity.declineRegistration()
        },
        // With the navigation, so it is in view on every screen shape.
        KioskButton {
            objectName: "manualEntryButton"
            Layout.fillWidth: true
            visible: Identity.manualOffered && !Identity.confirming && !Identity.typing
                     && !Identity.typingCode
            enabled: !Session.readingCard
            primary: false
            text: qsTr("No card? Type your ID number")
            onClicked: Identity.beginManualEntry()
        },
        KioskButton {
            objectName: "codeEntryButton"
            Layout.fillWidth: true
            visible: Identity.manualOffered && !Identity.confirming && !Identity.typing
                     && !Identity.typingCode
            enabled: !Session.readingCard
            primary: false
            text: qsTr("Booking code")
            onClicked: Identity.beginCodeEntry()
        },
        KioskButton {
            objectName: "backButton"
            visible: !Identity.confirming && !Identity.typing && !Identity.typingCode
            primary: false
            Layout.fillWidth: true
            text: qsTr("Back")
            onClicked: Session.back()
        }
    ]
}
