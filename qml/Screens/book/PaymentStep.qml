import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// The new booking's payment: its QR code and the time left to pay.
ColumnLayout {
    spacing: Theme.spacing

    PaymentQr {
        Layout.fillWidth: true
        Layout.fillHeight: true
        payload: Booking.qrPayload
        remainingSeconds: Booking.paymentRemaining
        fee: Booking.summary.fee || ""
    }
}
