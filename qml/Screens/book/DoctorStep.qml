import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// 号别 first: the department's general clinic (普通号, no named doctor, the lowest fee), then its
// named doctors (专家号): title, specialty, fee and when they next have a free place, a page at a
// time (上一页 / 下一页), so that no doctor hides below the fold. Each fee is shown before choosing.
ColumnLayout {
    id: step
    spacing: Theme.spacing

    // Doctors a page: fewer when they are drawn larger, or share a landscape screen's height.
    readonly property int pageSize: Theme.landscape ? 2 : (Theme.elder ? 3 : 4)
    readonly property string noPlaces: Booking.sameDay ? qsTr("No places left today")
                                                       : step.noPlaces

    SectionLabel {
        visible: Booking.generalClinics.length > 0
        text: qsTr("General clinic (no named doctor)")
    }
    // A view, not a Repeater in the layout (see below).
    ListView {
        Layout.fillWidth: true
        Layout.preferredHeight: contentHeight
        implicitHeight: contentHeight
        visible: count > 0
        interactive: false
        spacing: Theme.spacing
        model: Booking.generalClinics
        delegate: KioskButton {
            required property var modelData
            required property int index
            objectName: "generalClinic_" + index
            width: ListView.view.width
            primary: false
            enabled: modelData.available && !Booking.busy
            text: qsTr("General clinic") + "  " + modelData.fee + "\n"
                  + (modelData.available ? qsTr("Next free: %1").arg(modelData.next)
                                         : step.noPlaces)
            onClicked: Booking.chooseDoctor(modelData.id)
        }
    }
    SectionLabel {
        visible: Booking.generalClinics.length > 0 && Booking.doctors.length > 0
        text: qsTr("Named doctors (fee by title)")
    }
    Pager {
        id: pager
        Layout.fillWidth: true
        count: Booking.doctors.length
        pageSize: step.pageSize
    }
    // A view, not a Repeater in the layout (Qt 6.4 crashes re-laying out replaced delegates).
    ListView {
    Layout.fillWidth: true
    // As tall as its page: where that is more than the screen has (large text on a landscape
    // kiosk), the screen's own frame scrolls, with its scroll bar shown.
    Layout.preferredHeight: contentHeight
    implicitHeight: contentHeight
    interactive: false  // pages, not scrolling
    spacing: Theme.spacing
    clip: true
    model: Booking.doctors.slice(pager.page * step.pageSize, (pager.page + 1) * step.pageSize)
    delegate: Button {
        id: doctorButton
        required property var modelData
        required property int index
        objectName: "doctor_" + (pager.page * step.pageSize + index)
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
    Item { Layout.fillHeight: true }
}
