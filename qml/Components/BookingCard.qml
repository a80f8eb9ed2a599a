import QtQuick
import QtQuick.Layouts

// One booking in a list: department, doctor, when, and its status in words. The screen that
// uses it supplies the action button (check in, cancel, ...), or none.
Rectangle {
    id: card

    required property var booking
    default property alias action: actionSlot.data

    implicitHeight: layout.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.disabledSurface
    border.width: 2

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 8
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: card.booking.department + "  " + card.booking.doctor
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: card.booking.when + "  " + card.booking.fee
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: card.booking.statusText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: card.booking.stopService
                color: card.booking.stopService ? Theme.danger : Theme.mutedText
                wrapMode: Text.WordWrap
            }
        }
        Item {
            id: actionSlot
            Layout.preferredWidth: childrenRect.width
            Layout.preferredHeight: childrenRect.height
        }
    }
}
