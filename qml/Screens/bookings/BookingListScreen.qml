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
        // A page of bookings at a time, with 上一页 / 下一页: none hides below the fold.
        Pager {
            id: pager
            Layout.fillWidth: true
            visible: !Bookings.confirming.id && pages > 1
            count: Bookings.bookings.length
            pageSize: Theme.landscape ? 2 : (Theme.elder ? 3 : 4)
        }
        // A view, not a Repeater in the layout: Qt 6.4 crashes re-laying out a layout whose
        // Repeater's delegates are replaced while it polishes (the list changes when it loads).
        ListView {
            Layout.fillWidth: true
            // As tall as its page; the screen's frame scrolls where that is too tall.
            Layout.preferredHeight: contentHeight
            implicitHeight: contentHeight
            visible: !Bookings.confirming.id
            interactive: false  // pages, not scrolling
            spacing: Theme.spacing
            clip: true
            model: Bookings.bookings.slice(pager.page * pager.pageSize,
                                           (pager.page + 1) * pager.pageSize)
            delegate: BookingCard {
                id: card
                required property var modelData
                required property int index
                // Its place in the whole list, not the page: buttons are named by it.
                readonly property int position: pager.page * pager.pageSize + index
                width: ListView.view.width
                booking: modelData
                StoppedActions {
                    visible: !Bookings.cancelling && card.modelData.stopService
                             && (card.modelData.status === "paid" || card.modelData.status === "held")
                    bookingId: card.modelData.id
                    position: card.position
                    paid: card.modelData.status === "paid"
                }
                KioskButton {
                    objectName: "cancelButton_" + card.position
                    visible: modelData.canCancel
                    primary: false
                    enabled: !Bookings.busy
                    text: qsTr("Cancel")
                    onClicked: Bookings.askToCancel(modelData.id)
                }
            }
        }
        Item { Layout.fillHeight: true }
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
