import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// 门诊缴费: the unpaid bills (whole bills, one pay group at a time), how the medical insurance is
// used, the split shown before anything is taken, then the cash part by payment code or QR.
ScreenFrame {
    id: screen

    readonly property string step: Bills.step

    title: step === "split" ? qsTr("What you pay")
         : step === "paying" ? qsTr("Scan to pay")
         : step === "code" ? qsTr("Show your payment code")
         : step === "settle" || step === "evoucher" ? qsTr("Medical insurance")
         : qsTr("Pay bills")
    instruction: Bills.busy ? ""
        : step === "split" ? (Bills.cashNeeded
            ? qsTr("This is what each part pays. Choose how to pay your part.")
            : qsTr("The insurance pays it all. Tap Confirm to settle."))
        : step === "paying" ? qsTr("Scan the code with your phone and pay.")
        : step === "code" ? qsTr("Open WeChat or Alipay, tap Pay, and hold the code under the scanner.")
        : step === "evoucher" ? qsTr("Open your medical insurance e-voucher and hold it under the scanner.")
        : step === "settle" ? qsTr("Use your medical insurance, or pay it all yourself.")
        : Bills.bills.length > 0
            ? qsTr("Tap a bill to choose it or set it aside, then tap Next.")
            : qsTr("You have no unpaid bills.")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        BusyBanner {
            objectName: "billsBusy"
            Layout.fillWidth: true
            visible: Bills.busy
            text: qsTr("One moment, please…")
        }
        Text {
            textFormat: Text.PlainText
            objectName: "billsNotice"
            Layout.fillWidth: true
            visible: Bills.notice !== ""
            text: Bills.notice
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.danger
            wrapMode: Text.WordWrap
        }

        // The bills, a page at a time with 上一页 / 下一页: none hides below the fold.
        Pager {
            id: pager
            Layout.fillWidth: true
            visible: screen.step === "" && pages > 1
            count: Bills.bills.length
            // A bill card with its items is tall: one fits beside the pager in landscape.
            pageSize: Theme.landscape ? 1 : (Theme.elder ? 3 : 4)
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: screen.step === ""
            interactive: false  // pages, not scrolling
            spacing: Theme.spacing
            clip: true
            model: Bills.bills.slice(pager.page * pager.pageSize, (pager.page + 1) * pager.pageSize)
            delegate: BillCard {
                required property var modelData
                required property int index
                width: ListView.view.width
                bill: modelData
                // Its place in the whole list, not the page: cards are named by it.
                position: pager.page * pager.pageSize + index
                choosable: !Bills.busy
                onToggled: Bills.toggle(modelData.id)
            }
        }

        // How the insurance is used.
        ColumnLayout {
            Layout.fillWidth: true
            visible: screen.step === "settle"
            spacing: Theme.spacing
            KioskButton {
                objectName: "useCard"
                Layout.fillWidth: true
                visible: Bills.cardCredential
                enabled: !Bills.busy
                text: qsTr("Use my social security card")
                onClicked: Bills.useCard()
            }
            KioskButton {
                objectName: "useEVoucher"
                Layout.fillWidth: true
                visible: Bills.scannerPresent
                enabled: !Bills.busy
                text: qsTr("Scan my insurance e-voucher")
                onClicked: Bills.useEVoucher()
            }
            KioskButton {
                objectName: "payAll"
                Layout.fillWidth: true
                primary: false
                enabled: !Bills.busy
                text: qsTr("Pay it all myself")
                onClicked: Bills.payAll()
            }
        }
        InstructionCard {
            Layout.fillWidth: true
            visible: screen.step === "evoucher" || (screen.step === "code" && !Bills.busy)
            symbol: "⌗"
            text: screen.step === "code"
                ? qsTr("Amount to pay: %1").arg(Bills.cashDue)
                : qsTr("The scanner is below the screen.")
        }

        // The split, before anything is taken.
        SummaryRows {
            Layout.fillWidth: true
            visible: screen.step === "split"
            rows: Bills.splitRows
        }
        PaymentMethods {
            Layout.fillWidth: true
            visible: screen.step === "split" && Bills.cashNeeded
            methodIds: Bills.payMethods
            busy: Bills.busy
            onChosen: (method) => Bills.pay(method)
        }
        KioskButton {
            objectName: "confirmSettle"
            Layout.fillWidth: true
            visible: screen.step === "split" && !Bills.cashNeeded
            enabled: !Bills.busy
            text: qsTr("Confirm")
            onClicked: Bills.pay("")
        }
        // What the insurance does not cover, and why. A plain Column: its rows come and go with
        // the price, never in the middle of the layout arranging them.
        Column {
            id: uncoveredParts
            Layout.fillWidth: true
            visible: screen.step === "split" && Bills.uncovered.length > 0
            spacing: 4
            Repeater {
                model: Bills.uncovered
                Text {
                    textFormat: Text.PlainText
                    required property var modelData
                    width: uncoveredParts.width
                    text: qsTr("Not covered: %1 %2 (%3)").arg(modelData.name).arg(modelData.amount)
                        .arg(modelData.reason)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                }
            }
        }
        PaymentQr {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: screen.step === "paying"
            payload: screen.step === "paying" ? Bills.qrPayload : ""
            remainingSeconds: Bills.remaining
            fee: Bills.cashDue
        }
        Text {
            textFormat: Text.PlainText
            objectName: "codeRemaining"
            Layout.fillWidth: true
            visible: screen.step === "code" && Bills.remaining > 0
            text: qsTr("%1 seconds left").arg(Bills.remaining)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
        Item {
            Layout.fillHeight: true
            visible: screen.step !== "" && screen.step !== "paying"
        }
    }

    actions: [
        KioskButton {
            objectName: "backButton"
            primary: false
            Layout.fillWidth: true
            enabled: !Bills.busy
            text: screen.step === "paying" || screen.step === "code" ? qsTr("Stop paying")
                                                                     : qsTr("Back")
            onClicked: Bills.stepBack()
        },
        KioskButton {
            objectName: "billsNext"
            Layout.fillWidth: true
            visible: screen.step === ""
            enabled: !Bills.busy && Bills.chosenCount > 0
            text: qsTr("Next: pay %1").arg(Bills.chosenTotal)
            onClicked: Bills.next()
        }
    ]
}
