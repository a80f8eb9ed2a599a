import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// 挂号查询 and 退号退费: the patient's bookings from today on; when cancelling, those that may
// still be cancelled carry a button, and a cancellation is confirmed before it is made.
ScreenFrame {
    id: screen

    title: Bookings.cancelling ? qsTr("Cancel and refund") : qsTr("My bookings")
    instruction: Bookings.busy ? ""
        : Bookings.bookings.length === 0 ? qsTr("You have no bookings from today on.")
        : Bookings.cancelling
            ? qsTr("Bookings can be cancelled until midnight before the visit day. The fee goes back the way you paid.")
            : qsTr("Your bookings from today on.")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        BusyBanner {
            objectName: "bookingsBusy"
            Layout.fillWidth: true
            visible: Bookings.busy
            text: qsTr("One moment, please…")
        }
        ConfirmPanel {
            Layout.fillWidth: true
            visible: !!Bookings.confirming.id
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !Bookings.confirming.id
            spacing: Theme.spacing
            clip: true
            model: Bookings.bookings
            delegate: BookingCard {
                required property var modelData
                required property int index
                width: ListView.view.width
                booking: modelData
                StoppedActions {
                    visible: !Bookings.cancelling && modelData.stopService
                             && (modelData.status === "paid" || modelData.status === "held")
                    bookingId: modelData.id
                    index: index
                    paid: modelData.status === "paid"
                }
                KioskButton {
                    objectName: "cancelButton_" + index
                    visible: modelData.canCancel
                    primary: false
                    enabled: !Bookings.busy
                    text: qsTr("Cancel")
                    onClicked: Bookings.askToCancel(modelData.id)
                }
            }
        }
    }

    actions: [
        KioskButton {
            objectName: "backButton"
            primary: false
            Layout.fillWidth: true
            enabled: !Bookings.busy
            text: qsTr("Back")
            onClicked: Session.back()
        }
    ]
}
