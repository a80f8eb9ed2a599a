import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// The two ways on from a booking whose doctor stopped the session (停诊): the refund first, in
// full, the way the patient paid; or moving it to another time at no charge (改约), which keeps
// the payment with the booking. Named refundButton_N and moveButton_N.
ColumnLayout {
    id: actions

    required property string bookingId
    required property int position  // in the list the booking is on
    property bool paid: true

    spacing: 12

    KioskButton {
        objectName: "refundButton_" + actions.position
        Layout.fillWidth: true
        enabled: !Bookings.busy && !Move.busy
        text: actions.paid ? qsTr("Cancel, full refund") : qsTr("Cancel it")
        onClicked: Bookings.refundStopped(actions.bookingId)
    }
    KioskButton {
        objectName: "moveButton_" + actions.position
        Layout.fillWidth: true
        visible: actions.paid
        primary: false
        enabled: !Bookings.busy && !Move.busy
        text: qsTr("Move to another time")
        onClicked: Move.begin(actions.bookingId)
    }
}
