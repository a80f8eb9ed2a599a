import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// 建档's steps after the patient agreed: the details read from the card to check; the mobile
// number, typed twice; the code the hospital texted to it. What is typed stays in this panel
// until Continue hands it to Registration; a new step or a refused entry clears it. On a
// landscape screen the keypad sits beside the field.
GridLayout {
    id: panel

    property string typed: ""
    readonly property bool wide: Theme.landscape
    readonly property bool typingPhone: Registration.step === "phone" || Registration.step === "phone-again"
    readonly property bool typingCode: Registration.step === "code"
    readonly property int maxLength: typingCode ? Registration.codeLength : 11

    columns: wide && !details.visible ? 2 : 1
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing

    Connections {
        target: Registration
        function onEntryCleared() { panel.typed = "" }
    }

    GridLayout {
        id: details
        objectName: "registrationDetails"
        visible: Registration.step === "confirm"
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
            text: Registration.maskedName
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
            text: Registration.maskedIdNumber
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
    }

    ColumnLayout {
        visible: !details.visible
        Layout.fillWidth: true
        Layout.alignment: Qt.AlignTop
        spacing: Math.round(Theme.spacing / 2)

        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: Registration.step === "phone-again" ? qsTr("Your mobile number, once more")
                : panel.typingCode ? qsTr("Code sent to %1").arg(Registration.maskedPhone)
                : qsTr("Your mobile number")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        NumberField {
            objectName: panel.typingCode ? "smsCodeField" : "registrationPhoneField"
            Layout.fillWidth: true
            selected: true
            shown: panel.typingCode ? panel.typed : Identity.shownPhone(panel.typed, false)
            Accessible.name: panel.typingCode ? qsTr("Code from the text message") : qsTr("Mobile number")
        }
        Text {
            textFormat: Text.PlainText
            objectName: "registrationError"
            Layout.fillWidth: true
            visible: text !== ""
            text: Registration.error
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
        KioskButton {
            objectName: "resendCode"
            visible: panel.typingCode
            enabled: Registration.resendIn === 0 && !Registration.busy
            primary: false
            Layout.fillWidth: true
            text: Registration.resendIn > 0 ? qsTr("Send a new code (in %1 s)").arg(Registration.resendIn)
                                            : qsTr("Send a new code")
            onClicked: Registration.resendCode()
        }
    }
    DigitKeypad {
        objectName: "keyboard"
        visible: !details.visible
        Layout.fillWidth: true
        Layout.preferredWidth: panel.wide ? panel.width * 0.45 : panel.width
        Layout.alignment: Qt.AlignTop
        xAllowed: false
        xKey: false
        onTyped: character => { if (panel.typed.length < panel.maxLength) panel.typed += character }
        onErased: panel.typed = panel.typed.slice(0, -1)
        onCleared: panel.typed = ""
    }
}
