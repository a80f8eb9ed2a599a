import QtQuick
import QtQuick.Layouts
import Lobby.Core

// Hospital name, date and time, and the two switches every screen offers: large text (关怀版)
// and language. On a portrait screen the switches get a row of their own so the hospital's
// name is never cut short.
Rectangle {
    id: bar

    readonly property bool narrow: width < 1400
    // A landscape kiosk has the way home and the time left here rather than in a strip below.
    readonly property bool sessionInBar: !narrow && Theme.landscape && Session.patientPresent

    implicitHeight: layout.implicitHeight + 2 * 16
    color: Theme.primary

    GridLayout {
        id: layout
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.topMargin: 16
        anchors.bottomMargin: 16
        // The voice switch, when the scene offers it, takes a column of its own; on a portrait
        // screen the hospital's name then spans two, above two of the three switches.
        columns: (bar.narrow ? 2 : 4) + (Voice.offered ? 1 : 0) + (bar.sessionInBar ? 2 : 0)
        columnSpacing: Theme.spacing
        rowSpacing: 8

        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            Layout.columnSpan: bar.narrow && Voice.offered ? 2 : 1
            text: Kiosk.hospitalName

            // The technicians' hidden way in (five quick taps on the name); C++ decides.
            MouseArea {
                objectName: "maintenanceCorner"
                anchors.fill: parent
                enabled: Session.state === "idle"
                onClicked: Maintenance.secretTap()
            }
            color: Theme.primaryText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            elide: Text.ElideRight
        }

        IdlePill {
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            visible: bar.sessionInBar && Session.idleRemaining > 0
        }
        Column {
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            Text {
                textFormat: Text.PlainText
                anchors.right: parent.right
                text: Kiosk.timeText
                color: Theme.primaryText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            Text {
                textFormat: Text.PlainText
                anchors.right: parent.right
                text: Kiosk.dateText
                color: Theme.primaryText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }

        HomeButton {
            Layout.alignment: Qt.AlignRight
            visible: bar.sessionInBar
            implicitWidth: 260
        }

        // A two-state switch, 标准 | 大字, the current state filled: it shows where it stands
        // rather than naming what a tap would do. A tap anywhere switches.
        KioskButton {
            id: elderSwitch
            objectName: "elderSwitch"
            Layout.alignment: Qt.AlignRight
            Layout.fillWidth: bar.narrow
            primary: false
            implicitWidth: 300
            padding: 6
            text: Kiosk.elderMode ? qsTr("Large") : qsTr("Standard")
            Accessible.name: Kiosk.elderMode ? qsTr("Text size: large. Tap for standard")
                                             : qsTr("Text size: standard. Tap for large")
            onClicked: Kiosk.toggleElderMode()
            // Two fixed halves, not a Repeater: a language switch re-evaluates translated text,
            // and Qt 6.4 crashes re-laying out a Repeater's delegates inside a control.
            contentItem: Item {
                implicitHeight: standardHalf.implicitHeight
                Rectangle {
                    anchors.left: parent.left
                    anchors.top: parent.top
                    anchors.bottom: parent.bottom
                    width: parent.width / 2 - 2
                    radius: Theme.radius - 6
                    color: Kiosk.elderMode ? "transparent" : Theme.primary
                    Text {
                        textFormat: Text.PlainText
                        id: standardHalf
                        anchors.centerIn: parent
                        text: qsTr("Standard")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: !Kiosk.elderMode
                        color: Kiosk.elderMode ? Theme.primary : Theme.primaryText
                    }
                }
                Rectangle {
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.bottom: parent.bottom
                    width: parent.width / 2 - 2
                    radius: Theme.radius - 6
                    color: Kiosk.elderMode ? Theme.primary : "transparent"
                    Text {
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        text: qsTr("Large")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: Kiosk.elderMode
                        color: Kiosk.elderMode ? Theme.primaryText : Theme.primary
                    }
                }
            }
        }

        KioskButton {
            objectName: "voiceSwitch"
            // Only where the hospital's scene offers voice guidance.
            visible: Voice.offered
            Layout.alignment: Qt.AlignRight
            Layout.fillWidth: bar.narrow
            primary: false
            implicitWidth: 260
            text: Voice.on ? qsTr("Voice off") : qsTr("Voice on")
            Accessible.name: Voice.on ? qsTr("Turn voice guidance off") : qsTr("Turn voice guidance on")
            onClicked: Voice.toggle()
        }

        KioskButton {
            objectName: "languageSwitch"
            Layout.alignment: Qt.AlignRight
            Layout.fillWidth: bar.narrow
            primary: false
            implicitWidth: 260
            // The switch names the language it switches to, in that language.
            text: Kiosk.language === "zh" ? "English" : "中文"
            onClicked: Kiosk.toggleLanguage()
        }
    }
}
