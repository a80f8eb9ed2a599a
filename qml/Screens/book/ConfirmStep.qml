import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// What is about to be booked, and the ways to pay for it.
ColumnLayout {
    id: confirm
    spacing: Theme.spacing

    SummaryRows {
        Layout.fillWidth: true
        rows: [
            [qsTr("Department"), Booking.summary.department],
            [qsTr("Doctor"), Booking.summary.doctor],
            [qsTr("When"), Booking.summary.when],
            [qsTr("Fee"), Booking.summary.fee]
        ]
    }
    PaymentMethods {
        Layout.fillWidth: true
        methodIds: Booking.paymentMethods
        busy: Booking.busy
        onChosen: (method) => Booking.pay(method)
    }
    Item { Layout.fillHeight: true }
}
