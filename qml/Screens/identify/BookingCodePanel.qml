import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// The booking code (预约码) from the text message or the voucher, typed on the kiosk's keypad:
// eight digits shown in two groups of four. Nothing typed leaves this panel but to the
// platform, which says whose booking it is. On a landscape screen the keypad sits beside it.
GridLayout {
    id: panel

    property string code: ""
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
            text: qsTr("Booking code")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
        }
        NumberField {
            objectName: "bookingCodeField"
            Layout.fillWidth: true
            selected: true
            shown: Identity.shownCode(panel.code)
            Accessible.name: qsTr("Booking code")
        }
        Text {
            textFormat: Text.PlainText
            objectName: "codeError"
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
        xAllowed: false
        xKey: false
        onTyped: character => { if (panel.code.length < 8) panel.code += character }
        onErased: panel.code = panel.code.slice(0, -1)
        onCleared: panel.code = ""
    }
}
