import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// A child without an ID card: their ID number typed from the household register (户口簿), shown
// grouped 6-8-4 for checking against the page. What is typed stays in this panel until Continue
// hands it to Family. On a landscape screen the keypad sits beside the field.
GridLayout {
    id: panel

    property string idNumber: ""
    readonly property bool wide: Theme.landscape

    columns: wide ? 2 : 1
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing

    ColumnLayout {
        Layout.fillWidth: true
        Layout.alignment: Qt.AlignTop
        spacing: Math.round(Theme.spacing / 2)

        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("The child's ID number, from the household register")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        NumberField {
            objectName: "childNumberField"
            Layout.fillWidth: true
            selected: true
            shown: Identity.shownIdNumber(panel.idNumber, false)
            Accessible.name: qsTr("ID number")
        }
        Text {
            textFormat: Text.PlainText
            objectName: "childNumberError"
            Layout.fillWidth: true
            visible: text !== ""
            text: Family.error
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
        xAllowed: panel.idNumber.length === 17
        onTyped: character => {
            if (panel.idNumber.length < 18 && (character !== "X" || panel.idNumber.length === 17))
                panel.idNumber += character
        }
        onErased: panel.idNumber = panel.idNumber.slice(0, -1)
        onCleared: panel.idNumber = ""
    }
}
