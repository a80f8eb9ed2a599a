import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys
import "../bookings"

// 停诊通知 before anything else on the menu: each of the patient's bookings whose doctor stopped
// the session, with the refund and the move (改约) right there. Named stopNotice_N.
ColumnLayout {
    spacing: Theme.spacing

    Repeater {
        model: StopNotices.stopped
        Rectangle {
            id: card
            required property var modelData
            required property int index
            objectName: "stopNotice_" + index
            Layout.fillWidth: true
            implicitHeight: cardColumn.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.danger
            border.width: 4
            ColumnLayout {
                id: cardColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Math.round(Theme.spacing / 2)
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: qsTr("Your doctor has stopped this session")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.danger
                    wrapMode: Text.WordWrap
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: [card.modelData.department, card.modelData.doctor, card.modelData.when]
                          .join("  ")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    visible: card.modelData.paid
                    text: qsTr("Your fee goes back in full the way you paid, or moves with you to another time at no charge.")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                }
                StoppedActions {
                    Layout.fillWidth: true
                    bookingId: card.modelData.id
                    position: card.index
                    paid: card.modelData.paid
                }
            }
        }
    }
}
