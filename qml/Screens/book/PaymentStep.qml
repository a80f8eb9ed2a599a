import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// The platform's payment payload as a QR code, with the time left to pay in numbers and words.
ColumnLayout {
    spacing: Theme.spacing

    Image {
        objectName: "paymentQr"
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: 560
        Layout.preferredHeight: 560
        sourceSize: Qt.size(560, 560)
        cache: false
        smooth: false
        fillMode: Image.PreserveAspectFit
        source: Booking.qrPayload ? "image://qr/" + encodeURIComponent(Booking.qrPayload) : ""
    }
    Text {
        objectName: "paymentCountdown"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("Time left to pay: %1:%2")
              .arg(Math.floor(Booking.paymentRemaining / 60))
              .arg(String(Booking.paymentRemaining % 60).padStart(2, "0"))
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
    }
    Text {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("Fee: %1").arg(Booking.summary.fee || "")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
    }
    Item { Layout.fillHeight: true }
}
