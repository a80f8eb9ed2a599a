import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys
import "../bookings"

// 预约取号: today's bookings; a paid one can be checked in, which prints the slip. One not paid
// yet is paid here first (choose a method, scan the code), then checked in.
ScreenFrame {
    id: screen

    title: PickUp.payStep === "paying" ? qsTr("Scan to pay")
         : PickUp.payStep === "pay" ? qsTr("Pay for your appointment")
         : qsTr("Pick up appointment")
    instruction: PickUp.busy ? ""
        : PickUp.payStep === "paying"
            ? qsTr("Scan the code with your phone and pay. You are checked in once it is paid.")
        : PickUp.payStep === "pay" ? qsTr("This appointment is not paid yet. Choose how to pay.")
        : PickUp.bookings.length > 0
            ? qsTr("Choose the appointment to check in for. Your slip will be printed.")
            : qsTr("You have no appointment today. You can book one from the menu.")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        BusyBanner {
            objectName: "pickupBusy"
            Layout.fillWidth: true
            visible: PickUp.busy
            text: qsTr("One moment, please…")
        }
        Loader {
            Layout.fillWidth: true
            active: PickUp.payStep === "pay"
            visible: active
            sourceComponent: BookingCard {
                booking: PickUp.payingFor
            }
        }
        PaymentMethods {
            Layout.fillWidth: true
            visible: PickUp.payStep === "pay"
            methodIds: PickUp.paymentMethods
            busy: PickUp.busy
            onChosen: (method) => PickUp.pay(method)
        }
        PaymentQr {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: PickUp.payStep === "paying"
            payload: PickUp.payStep === "paying" ? PickUp.qrPayload : ""
            remainingSeconds: PickUp.paymentRemaining
            fee: PickUp.payingFor.fee || ""
        }
        Item {
            Layout.fillHeight: true
            visible: PickUp.payStep === "pay"
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: PickUp.payStep === ""
            spacing: Theme.spacing
            clip: true
            model: PickUp.bookings
            delegate: BookingCard {
                id: card
                required property var modelData
                required property int index
                width: ListView.view.width
                booking: modelData
                KioskButton {
                    objectName: "checkInButton_" + index
                    visible: modelData.action === "checkin"
                    enabled: !PickUp.busy
                    text: qsTr("Check in")
                    onClicked: PickUp.checkIn(modelData.id)
                }
                StoppedActions {
                    visible: modelData.action === "stopped"
                    bookingId: modelData.id
                    position: card.index
                    paid: modelData.status === "paid"
                }
                KioskButton {
                    objectName: "payButton_" + index
                    visible: modelData.action === "unpaid"
                    enabled: !PickUp.busy && PickUp.paymentMethods.length > 0
                    text: qsTr("Pay, then check in")
                    onClicked: PickUp.choosePayment(modelData.id)
                }
            }
        }
    }

    actions: [
        KioskButton {
            objectName: "backButton"
            primary: false
            Layout.fillWidth: true
            enabled: !PickUp.busy
            text: PickUp.payStep === "paying" ? qsTr("Stop paying") : qsTr("Back")
            onClicked: PickUp.stepBack()
        }
    ]
}
