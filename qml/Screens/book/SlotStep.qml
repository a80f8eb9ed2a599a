import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// The doctor's coming sessions, each split into time slices with the places left.
ListView {
    id: sessionList
    spacing: Theme.spacing
    clip: true
    model: Booking.sessions
    delegate: ColumnLayout {
        id: sessionRow
        required property var modelData
        required property int index
        width: sessionList.width
        spacing: 12
        Text {
            textFormat: Text.PlainText
            text: sessionRow.modelData.label
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
        Flow {
            Layout.fillWidth: true
            spacing: 16
            Repeater {
                model: sessionRow.modelData.slices
                KioskButton {
                    required property var modelData
                    required property int index
                    objectName: "slice_" + sessionRow.index + "_" + index
                    primary: modelData.remaining > 0
                    enabled: modelData.remaining > 0 && !Booking.busy
                    font.pixelSize: Theme.fontBody
                    text: modelData.time + "\n" + (modelData.remaining > 0
                          ? qsTr("%1 left").arg(modelData.remaining) : qsTr("Full"))
                    onClicked: Booking.chooseSlice(modelData.id)
                }
            }
        }
    }
}
