import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// The hospital's departments as a grid, with pinyin-initial letters to narrow it.
ColumnLayout {
    spacing: Theme.spacing

    Flow {
        Layout.fillWidth: true
        spacing: 16
        Repeater {
            model: [""].concat(Booking.initials)
            KioskButton {
                required property string modelData
                objectName: "initial_" + (modelData || "all")
                primary: Booking.filter === modelData
                implicitWidth: modelData ? Theme.touchTargetMin : Theme.touchTargetMin * 2
                text: modelData || qsTr("All")
                onClicked: Booking.setFilter(modelData)
            }
        }
    }
    GridLayout {
        Layout.fillWidth: true
        columns: Theme.elder ? 1 : 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        Repeater {
            model: Booking.departments
            KioskButton {
                required property var modelData
                required property int index
                objectName: "department_" + modelData.id
                Layout.fillWidth: true
                implicitHeight: Theme.touchTargetMin * 1.5
                enabled: !Booking.busy
                text: modelData.name
                onClicked: Booking.chooseDepartment(modelData.id)
            }
        }
    }
    Item { Layout.fillHeight: true }
}
