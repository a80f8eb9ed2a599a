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
    readonly property bool registering: Registration.step !== ""
    readonly property bool family: Family.step !== ""
    // Any step of its own: the ways to identify and their buttons make way.
    readonly property bool stepping: registering || family || Identity.typing || Identity.typingCode

    title: Family.step === "who" ? qsTr("Who is this visit for?")
         : Family.step === "add" ? qsTr("Add a family member")
         : Family.step === "child-number" ? qsTr("Your child's ID number")
         : Family.step === "child-name" ? qsTr("Your child's name")
         : Registration.step === "confirm" ? qsTr("Create your patient record?")
         : Registration.step === "phone" ? qsTr("Your mobile number")
         : Registration.step === "phone-again" ? qsTr("Type your mobile number again")
         : Registration.step === "code" ? qsTr("Type the code from the text message")
         : Identity.typing ? qsTr("Type your ID number")
         : Identity.typingCode ? qsTr("Type your booking code")
         : qsTr("Identify yourself")
    instruction: Family.step === "who"
                 ? qsTr("Choose yourself or the family member you are here for. Their bookings and slips carry their name.")
                 : Family.step === "add"
                 ? qsTr("Say how they are related to you, then place their own ID card on the reader.")
                 : Family.step === "child-number"
                 ? qsTr("A child without an ID card: type the 18 characters of their ID number from the household register, then tap Continue.")
                 : Family.step === "child-name"
                 ? qsTr("Type your child's name as the household register writes it.")
                 : Registration.step === "confirm"
                 ? qsTr("This hospital has no record of you yet. Please check the details read from your card.")
                 : Registration.step === "phone"
                 ? qsTr("The hospital needs your mobile number for your record. Type the 11 digits, then tap Continue.")
                 : Registration.step === "phone-again"
                 ? qsTr("Type the same number once more, so that no digit is wrong.")
                 : Registration.step === "code"
                 ? qsTr("We sent a text message with a 6-digit code to your phone. Type the code, then tap Continue.")
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
            visible: !stepping
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
        Loader {
            id: familyPanel
            Layout.fillWidth: true
            active: Family.step === "who" || Family.step === "add"
            visible: active
            source: "FamilyPanel.qml"
        }
        Loader {
            id: childNumber
            Layout.fillWidth: true
            Layout.fillHeight: true
            active: Family.step === "child-number"
            visible: active
            source: "ChildNumberPanel.qml"
        }
        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            active: Family.step === "child-name"
            visible: active
            source: "ChildNamePanel.qml"
        }
        Loader {
            id: registration
            Layout.fillWidth: true
            Layout.fillHeight: Registration.step !== "confirm"
            active: registering
            visible: active
            source: "RegistrationPanel.qml"
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
            visible: !Identity.typing && !Identity.typingCode && !childNumber.active
                     && Family.step !== "child-name"
                     && (!registering || Registration.step === "confirm")
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
            objectName: "submitChildNumber"
            visible: Family.step === "child-number"
            enabled: !Family.busy
            Layout.fillWidth: true
            text: qsTr("Continue")
            onClicked: Family.submitChildNumber(childNumber.item.idNumber)
        },
        KioskButton {
            objectName: "addChild"
            visible: Family.step === "child-name"
            enabled: !Family.busy && NameEntry.complete
            Layout.fillWidth: true
            text: qsTr("Add my child")
            onClicked: Family.addChild()
        },
        KioskButton {
            objectName: "cancelAddFamily"
            visible: Family.step === "add" || Family.step === "child-number"
                     || Family.step === "child-name"
            enabled: !Family.busy
            primary: false
            Layout.fillWidth: true
            text: qsTr("Back")
            onClicked: Family.cancelAdd()
        },
        KioskButton {
            objectName: "confirmRegistration"
            visible: Registration.step === "confirm"
            Layout.fillWidth: true
            text: qsTr("Yes, create my record")
            onClicked: Registration.confirm()
        },
        KioskButton {
            objectName: "declineRegistration"
            visible: Registration.step === "confirm"
            primary: false
            Layout.fillWidth: true
            text: qsTr("Do not create it")
            onClicked: Registration.decline()
        },
        KioskButton {
            objectName: "submitPhone"
            visible: Registration.step === "phone" || Registration.step === "phone-again"
            enabled: !Registration.busy
            Layout.fillWidth: true
            text: qsTr("Continue")
            onClicked: Registration.submitPhone(registration.item.typed)
        },
        KioskButton {
            objectName: "submitSmsCode"
            visible: Registration.step === "code"
            enabled: !Registration.busy
            Layout.fillWidth: true
            text: qsTr("Continue")
            onClicked: Registration.submitCode(registration.item.typed)
        },
        KioskButton {
            objectName: "registrationBack"
            visible: registering && Registration.step !== "confirm"
            enabled: !Registration.busy
            primary: false
            Layout.fillWidth: true
            text: qsTr("Back")
            onClicked: Registration.back()
        },
        // With the navigation, so it is in view on every screen shape.
        KioskButton {
            objectName: "manualEntryButton"
            Layout.fillWidth: true
            visible: Identity.manualOffered && !stepping
            enabled: !Session.readingCard
            primary: false
            text: qsTr("No card? Type your ID number")
            onClicked: Identity.beginManualEntry()
        },
        KioskButton {
            objectName: "codeEntryButton"
            Layout.fillWidth: true
            visible: Identity.manualOffered && !stepping
            enabled: !Session.readingCard
            primary: false
            text: qsTr("Booking code")
            onClicked: Identity.beginCodeEntry()
        },
        KioskButton {
            objectName: "backButton"
            visible: !stepping
            primary: false
            Layout.fillWidth: true
            text: qsTr("Back")
            onClicked: Session.back()
        }
    ]
}
