import QtQuick
import QtQuick.Layouts

// A payment's QR code (drawn from the platform's payload), the time left to pay in numbers and
// words, and the fee.
ColumnLayout {
    id: qr

    property string payload
    property int remainingSeconds
    property string fee

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
        source: qr.payload ? "image://qr/" + encodeURIComponent(qr.payload) : ""
    }
    Text {
        objectName: "paymentCountdown"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("Time left to pay: %1:%2")
              .arg(Math.floor(qr.remainingSeconds / 60))
              .arg(String(qr.remainingSeconds % 60).padStart(2, "0"))
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
    }
    Text {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("Fee: %1").arg(qr.fee)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
    }
}
