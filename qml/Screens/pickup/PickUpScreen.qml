import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// 预约取号: today's bookings; a paid one can be checked in, which prints the slip.
ScreenFrame {
    id: screen

    title: qsTr("Pick up appointment")
    instruction: PickUp.busy ? "" : PickUp.bookings.length > 0
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
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing
            clip: true
            model: PickUp.bookings
            delegate: BookingCard {
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
                ColumnLayout {
                    visible: modelData.action === "stopped"
                    spacing: 12
                    KioskButton {
                        objectName: "rebookButton_" + index
                        text: qsTr("Book another time")
                        onClicked: Session.chooseFunction("book")
                    }
                    KioskButton {
                        objectName: "refundButton_" + index
                        primary: false
                        text: qsTr("Cancel for a refund")
                        onClicked: Session.chooseFunction("cancel")
                    }
                }
                Text {
                    visible: modelData.action === "unpaid"
                    width: 320
                    text: qsTr("Please pay for it first at the service desk")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.text
                    wrapMode: Text.WordWrap
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
            text: qsTr("Back")
            onClicked: Session.back()
        }
    ]
}
