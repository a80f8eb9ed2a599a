import QtQuick
import QtQuick.Layouts
import Lobby.Core

// A payment's QR code (drawn from the platform's payload), the time left to pay in numbers and
// words, and the fee. On a landscape screen the words sit beside the code.
GridLayout {
    id: qr

    property string payload
    property int remainingSeconds
    property string fee

    readonly property bool wide: Theme.landscape
    // On a landscape screen about 40 % of its height is what is left below the title and above
    // the buttons (still 450 px: easily scanned).
    readonly property int side: wide ? Math.min(560, Math.round(Kiosk.displayHeight * 0.42)) : 560

    columns: wide ? 2 : 1
    columnSpacing: 2 * Theme.spacing
    rowSpacing: Theme.spacing

    Image {
        objectName: "paymentQr"
        Layout.alignment: qr.wide ? (Qt.AlignLeft | Qt.AlignTop) : (Qt.AlignHCenter | Qt.AlignTop)
        Layout.preferredWidth: qr.side
        Layout.preferredHeight: qr.side
        sourceSize: Qt.size(560, 560)
        cache: false
        smooth: false
        fillMode: Image.PreserveAspectFit
        source: qr.payload ? "image://qr/" + encodeURIComponent(qr.payload) : ""
    }
    ColumnLayout {
        Layout.fillWidth: true
        Layout.alignment: qr.wide ? (Qt.AlignLeft | Qt.AlignVCenter) : Qt.AlignTop
        spacing: Theme.spacing
        Text {
            textFormat: Text.PlainText
            objectName: "paymentCountdown"
            Layout.fillWidth: true
            horizontalAlignment: qr.wide ? Text.AlignLeft : Text.AlignHCenter
            text: qsTr("Time left to pay: %1:%2")
                  .arg(Math.floor(qr.remainingSeconds / 60))
                  .arg(String(qr.remainingSeconds % 60).padStart(2, "0"))
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            horizontalAlignment: qr.wide ? Text.AlignLeft : Text.AlignHCenter
            text: qsTr("Fee: %1").arg(qr.fee)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
    }
}
