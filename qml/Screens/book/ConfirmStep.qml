import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// What is about to be booked, and the ways to pay for it.
ColumnLayout {
    id: confirm
    spacing: Theme.spacing

    // Two facts a row on a landscape screen, so the ways to pay stay in view.
    GridLayout {
        Layout.fillWidth: true
        columns: Theme.landscape ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        Repeater {
            model: [
                [qsTr("Department"), Booking.summary.department],
                [qsTr("Doctor"), Booking.summary.doctor],
                [qsTr("When"), Booking.summary.when],
                [qsTr("Fee"), Booking.summary.fee]
            ]
            RowLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    textFormat: Text.PlainText
                    Layout.preferredWidth: 240
                    text: modelData[0]
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: modelData[1] || ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
    PaymentMethods {
        Layout.fillWidth: true
        methodIds: Booking.paymentMethods
        busy: Booking.busy
        onChosen: (method) => Booking.pay(method)
    }
    Item { Layout.fillHeight: true }
}
