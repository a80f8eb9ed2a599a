import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// 发票打印: the patient's medical e-invoices, the newest first; each printed on the A4 printer,
// or its verification address shown as a QR code to keep it on a phone.
ScreenFrame {
    id: screen

    readonly property bool qr: Invoices.shown.id !== undefined
    readonly property bool printing: Invoices.printing

    title: qr ? qsTr("Keep your e-invoice") : qsTr("Print e-invoices")
    instruction: printing || !Invoices.loaded ? ""
        : qr ? qsTr("Scan the code with your phone's camera, WeChat or Alipay to check and keep the e-invoice.")
        : Invoices.invoices.length > 0 ? qsTr("Print an e-invoice, or keep it on your phone.")
        : qsTr("You have no e-invoices.")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        BusyBanner {
            objectName: "invoicesBusy"
            Layout.fillWidth: true
            visible: Invoices.busy && !screen.printing
            text: qsTr("One moment, please…")
        }
        InstructionCard {
            objectName: "invoicePrinting"
            Layout.fillWidth: true
            visible: screen.printing
            symbol: "A4"
            text: qsTr("Printing your e-invoice. Please wait by the A4 printer.")
        }

        Pager {
            id: pager
            Layout.fillWidth: true
            visible: !screen.qr && !screen.printing && pages > 1
            count: Invoices.invoices.length
            pageSize: Theme.landscape ? (Theme.elder ? 1 : (count <= 2 ? 2 : 1))
                                      : (Theme.elder ? 3 : 4)
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !screen.qr && !screen.printing
            interactive: false  // pages, not scrolling
            spacing: Theme.spacing
            clip: true
            model: Invoices.invoices.slice(pager.page * pager.pageSize,
                                           (pager.page + 1) * pager.pageSize)
            delegate: InvoiceCard {
                required property var modelData
                required property int index
                width: ListView.view.width
                invoice: modelData
                position: pager.page * pager.pageSize + index
                actionable: !Invoices.busy
                onPrintTapped: Invoices.print(modelData.id)
                onQrTapped: Invoices.showQr(modelData.id)
            }
        }

        // The QR of the verification address, with the numbers to check it by.
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: screen.qr
            columns: Theme.landscape ? 2 : 1
            columnSpacing: 2 * Theme.spacing
            rowSpacing: Theme.spacing
            Image {
                objectName: "invoiceQr"
                readonly property int side: Theme.landscape
                    ? Math.min(520, Math.round(Kiosk.displayHeight * 0.42)) : 520
                Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
                Layout.preferredWidth: side
                Layout.preferredHeight: side
                sourceSize: Qt.size(520, 520)
                cache: false
                smooth: false
                fillMode: Image.PreserveAspectFit
                source: screen.qr ? "image://qr/" + encodeURIComponent(Invoices.shown.verifyUrl) : ""
            }
            // Fixed rows, no Repeater: Qt 6.4 crashes when a Repeater's model changes inside a
            // layout (the QR closed).
            Column {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing / 2
                InvoiceFact { label: qsTr("Invoice code"); value: Invoices.shown.code || "" }
                InvoiceFact { label: qsTr("Invoice number"); value: Invoices.shown.number || "" }
                InvoiceFact { label: qsTr("Check code"); value: Invoices.shown.checkCode || "" }
                InvoiceFact { label: qsTr("Amount"); value: Invoices.shown.amount || "" }
            }
        }
        Item {
            Layout.fillHeight: true
            visible: screen.printing
        }
    }

    actions: [
        KioskButton {
            objectName: "backButton"
            primary: false
            Layout.fillWidth: true
            visible: !screen.printing
            enabled: !Invoices.busy
            text: screen.qr ? qsTr("Back to the list") : qsTr("Back")
            onClicked: screen.qr ? Invoices.closeQr() : Session.back()
        }
    ]
}
