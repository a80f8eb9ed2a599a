import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// "Cancel this booking?" with the booking restated, and two plainly different answers.
Rectangle {
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.danger
    border.width: 4

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Cancel this booking?")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: (Bookings.confirming.department || "") + "  " + (Bookings.confirming.doctor || "")
                  + "\n" + (Bookings.confirming.when || "") + "  " + (Bookings.confirming.fee || "")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        // How much comes back and where, before the patient says yes.
        Text {
            textFormat: Text.PlainText
            objectName: "refundStatement"
            Layout.fillWidth: true
            text: Bookings.confirming.status === "paid"
                  ? qsTr("%1 goes back the way you paid, usually within 1 to 3 working days.").arg(Bookings.confirming.fee || "")
                  : qsTr("Not paid, so nothing is refunded.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "keepButton"
                primary: false
                Layout.fillWidth: true
                enabled: !Bookings.busy
                text: qsTr("No, keep it")
                onClicked: Bookings.keep()
            }
            KioskButton {
                objectName: "confirmCancelButton"
                Layout.fillWidth: true
                enabled: !Bookings.busy
                text: qsTr("Yes, cancel it")
                onClicked: Bookings.confirmCancel()
            }
        }
    }
}
