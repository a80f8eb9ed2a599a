import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// The hospital's departments grouped as a patient looks for them (内科, 外科, 儿科 …), each group
// a grid, with pinyin-initial letters to narrow them.
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
    Repeater {
        model: Booking.departmentGroups
        ColumnLayout {
            id: group
            required property var modelData
            Layout.fillWidth: true
            spacing: 12
            Text {
                textFormat: Text.PlainText
                objectName: "category_" + group.modelData.category
                text: group.modelData.category
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            GridLayout {
                Layout.fillWidth: true
                columns: Theme.elder ? (Theme.landscape ? 2 : 1) : (Theme.landscape ? 4 : 3)
                columnSpacing: 16
                rowSpacing: 16
                Repeater {
                    model: group.modelData.departments
                    KioskButton {
                        required property var modelData
                        objectName: "department_" + modelData.id
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        implicitWidth: 0
                        enabled: !Booking.busy
                        text: modelData.name
                        onClicked: Booking.chooseDepartment(modelData.id)
                    }
                }
            }
        }
    }
    Item { Layout.fillHeight: true }
}
