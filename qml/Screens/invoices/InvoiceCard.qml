import QtQuick
import QtQuick.Layouts
import Lobby.Components

// One medical e-invoice: its amount and date, its finance-bureau numbers, and what the patient
// can do with it: print it on A4, or show its QR to keep it on their phone.
Rectangle {
    id: card

    required property var invoice
    required property int position
    property bool actionable: true
    signal printTapped()
    signal qrTapped()

    objectName: "invoice_" + position
    implicitHeight: layout.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.disabledSurface
    border.width: 2

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("Medical e-invoice, %1").arg(card.invoice.issued)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                text: card.invoice.amount
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Code %1  Number %2  Check code %3").arg(card.invoice.code)
                .arg(card.invoice.number).arg(card.invoice.checkCode)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "printInvoice_" + card.position
                Layout.fillWidth: true
                enabled: card.actionable
                text: qsTr("Print on A4")
                onClicked: card.printTapped()
            }
            KioskButton {
                objectName: "invoiceQr_" + card.position
                Layout.fillWidth: true
                primary: false
                enabled: card.actionable
                text: qsTr("Keep it on my phone")
                onClicked: card.qrTapped()
            }
        }
    }
}
