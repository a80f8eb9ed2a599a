import QtQuick
import QtQuick.Layouts
import Lobby.Core

// Hospital name, date and time, and the language switch, on every screen.
Rectangle {
    id: bar

    implicitHeight: Theme.touchTargetMin + 2 * 24
    color: Theme.primary

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: Kiosk.hospitalName
            color: Theme.primaryText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            elide: Text.ElideRight
        }

        Column {
            Text {
                anchors.right: parent.right
                text: Kiosk.timeText
                color: Theme.primaryText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            Text {
                anchors.right: parent.right
                text: Kiosk.dateText
                color: Theme.primaryText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }

        KioskButton {
            objectName: "languageSwitch"
            primary: false
            implicitWidth: 220
            // The switch names the language it switches to, in that language.
            text: Kiosk.language === "zh" ? "English" : "中文"
            onClicked: Kiosk.toggleLanguage()
        }
    }
}
