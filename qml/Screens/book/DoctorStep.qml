import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// The department's doctors: title, specialty, fee and when they next have a free place.
ListView {
    spacing: Theme.spacing
    clip: true
    model: Booking.doctors
    delegate: Button {
        id: doctorButton
        required property var modelData
        required property int index
        objectName: "doctor_" + index
        width: ListView.view.width
        enabled: modelData.available && !Booking.busy
        padding: Theme.spacing
        implicitHeight: column.implicitHeight + 2 * Theme.spacing
        Accessible.name: modelData.name + " " + modelData.title
        onClicked: Booking.chooseDoctor(modelData.id)
        background: Rectangle {
            radius: Theme.radius
            color: doctorButton.down ? Theme.disabledSurface : Theme.surface
            border.color: doctorButton.enabled ? Theme.primary : Theme.disabledSurface
            border.width: 3
        }
        contentItem: RowLayout {
            spacing: Theme.spacing
            Image {
                objectName: "doctorPhoto_" + doctorButton.index
                Layout.preferredWidth: 128
                Layout.preferredHeight: 128
                Layout.alignment: Qt.AlignTop
                sourceSize: Qt.size(128, 128)
                asynchronous: true
                // Qt's pixmap cache outlives the engine at exit (LeakSanitizer flags it); a
                // photo is a small request away.
                cache: false
                source: doctorButton.modelData.photo
                visible: !!doctorButton.modelData.photo
                Accessible.ignored: true
            }
        ColumnLayout {
            id: column
            Layout.fillWidth: true
            spacing: 8
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: doctorButton.modelData.name + "  " + doctorButton.modelData.title + "  "
                      + doctorButton.modelData.fee
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: doctorButton.modelData.specialty
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: doctorButton.modelData.available
                      ? qsTr("Next free: %1").arg(doctorButton.modelData.next)
                      : qsTr("Fully booked this week")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: doctorButton.modelData.available ? Theme.success : Theme.danger
                wrapMode: Text.WordWrap
            }
        }
        }
    }
}
