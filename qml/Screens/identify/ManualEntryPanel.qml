import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// Manual entry: the ID number and the mobile number on record, typed on the kiosk's own keypad.
// The field being typed into is outlined and shows its number grouped (6-8-4, 3-4-4) for checking
// group by group; the other shows it masked, so the queue cannot read it. A full ID number moves
// on to the mobile number. What is typed stays in this panel only and goes with the screen when
// the patient leaves. On a landscape screen the keypad sits beside the fields.
GridLayout {
    id: panel

    property string idNumber: ""
    property string phone: ""
    property string active: "id"  // the field the keypad types into: "id" or "phone"
    readonly property bool wide: Theme.landscape

    columns: wide ? 2 : 1
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing

    function type(character) {
        if (active === "id") {
            if (idNumber.length >= 18 || (character === "X" && idNumber.length !== 17))
                return
            idNumber += character
            if (idNumber.length === 18)
                active = "phone"
        } else if (character !== "X" && phone.length < 11) {
            phone += character
        }
    }
    function erase() {
        if (active === "id")
            idNumber = idNumber.slice(0, -1)
        else
            phone = phone.slice(0, -1)
    }
    function clear() {
        if (active === "id")
            idNumber = ""
        else
            phone = ""
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.alignment: Qt.AlignTop
        spacing: Math.round(Theme.spacing / 2)

        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("ID number")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
        }
        NumberField {
            objectName: "idNumberField"
            Layout.fillWidth: true
            selected: panel.active === "id"
            shown: Identity.shownIdNumber(panel.idNumber, !selected)
            Accessible.name: qsTr("ID number")
            onChosen: panel.active = "id"
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            Layout.topMargin: Math.round(Theme.spacing / 2)
            text: qsTr("Mobile number the hospital has for you")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        NumberField {
            objectName: "phoneField"
            Layout.fillWidth: true
            selected: panel.active === "phone"
            shown: Identity.shownPhone(panel.phone, !selected)
            Accessible.name: qsTr("Mobile number")
            onChosen: panel.active = "phone"
        }
        Text {
            textFormat: Text.PlainText
            objectName: "manualError"
            Layout.fillWidth: true
            visible: text !== ""
            text: Identity.manualError
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
    }
    DigitKeypad {
        objectName: "keyboard"
        Layout.fillWidth: true
        Layout.preferredWidth: panel.wide ? panel.width * 0.45 : panel.width
        Layout.alignment: Qt.AlignTop
        xAllowed: panel.active === "id" && panel.idNumber.length === 17
        onTyped: character => panel.type(character)
        onErased: panel.erase()
        onCleared: panel.clear()
    }
}
