import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// Manual entry: the ID number and the mobile number on record, typed on the on-screen keyboard's
// digit pad (and an X key for ID numbers ending in X). What is typed stays in these fields only
// and goes with the screen when the patient leaves. On a landscape screen the keyboard sits
// beside the fields, since below them it would not fit.
GridLayout {
    id: panel

    readonly property string idNumber: idField.text
    readonly property string phone: phoneField.text
    readonly property bool wide: Theme.landscape

    columns: wide ? 2 : 1
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.alignment: Qt.AlignTop
        spacing: Theme.spacing

        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("ID number")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                id: idField
                objectName: "idNumberField"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTargetMin
                focus: true
                maximumLength: 18
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,17}[0-9X]?/ }
                Accessible.name: qsTr("ID number")
            }
            KioskButton {
                objectName: "idNumberX"
                Layout.preferredWidth: Theme.touchTargetMin * 1.5
                primary: false
                enabled: idField.text.length === 17
                text: "X"
                Accessible.name: qsTr("Type X, the last character of some ID numbers")
                onClicked: {
                    idField.insert(idField.length, "X")
                    phoneField.forceActiveFocus()
                }
            }
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Mobile number the hospital has for you")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        TextField {
            id: phoneField
            objectName: "phoneField"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTargetMin
            maximumLength: 11
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            validator: RegularExpressionValidator { regularExpression: /[0-9]{0,11}/ }
            Accessible.name: qsTr("Mobile number")
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
        Item { Layout.fillHeight: true }
    }
    InputPanel {
        objectName: "keyboard"
        Layout.preferredWidth: panel.wide ? panel.width * 0.45 : panel.width
        Layout.alignment: Qt.AlignBottom
        visible: active
    }
}
