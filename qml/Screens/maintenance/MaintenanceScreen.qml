import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// The technicians' menu: a PIN pad until the PIN is right, then the kiosk's health and what a
// technician may do. Everything it decides is in C++ (Maintenance); this only shows and forwards.
ScreenFrame {
    title: Maintenance.unlocked ? qsTr("Maintenance") : qsTr("Technician PIN")

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: Theme.spacing

        Text {
            textFormat: Text.PlainText
            objectName: "pinDots"
            visible: !Maintenance.unlocked
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: Maintenance.pinLength > 0 ? "● ".repeat(Maintenance.pinLength).trim() : qsTr("Enter the PIN")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            color: Theme.text
        }

        GridLayout {
            visible: !Maintenance.unlocked
            Layout.fillWidth: true
            columns: 3
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
                KioskButton {
                    objectName: "pinKey_" + modelData
                    Layout.fillWidth: true
                    text: modelData
                    onClicked: Maintenance.digit(modelData)
                }
            }
            KioskButton {
                objectName: "pinErase"
                Layout.fillWidth: true
                primary: false
                text: qsTr("Erase")
                onClicked: Maintenance.erase()
            }
            KioskButton {
                objectName: "pinKey_0"
                Layout.fillWidth: true
                text: "0"
                onClicked: Maintenance.digit("0")
            }
            KioskButton {
                objectName: "pinSubmit"
                Layout.fillWidth: true
                text: qsTr("Enter")
                onClicked: Maintenance.submit()
            }
        }

        Repeater {
            model: Maintenance.status
            Text {
                textFormat: Text.PlainText
                objectName: "statusLine_" + index
                Layout.fillWidth: true
                text: modelData
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }

        Text {
            textFormat: Text.PlainText
            objectName: "maintenanceMessage"
            visible: Maintenance.message.length > 0
            Layout.fillWidth: true
            text: Maintenance.message
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
    }

    actions: [
        KioskButton {
            objectName: "printTestSlip"
            visible: Maintenance.unlocked
            enabled: !Maintenance.busy
            Layout.fillWidth: true
            text: qsTr("Print a test slip")
            onClicked: Maintenance.printTestSlip()
        },
        KioskButton {
            objectName: "leaveApp"
            visible: Maintenance.unlocked
            Layout.fillWidth: true
            primary: false
            text: qsTr("Close the kiosk app")
            onClicked: Maintenance.leaveApp()
        },
        KioskButton {
            objectName: "backToService"
            Layout.fillWidth: true
            primary: false
            text: qsTr("Back to service")
            onClicked: Maintenance.backToService()
        }
    ]
}
