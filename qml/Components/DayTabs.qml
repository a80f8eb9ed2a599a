import QtQuick
import QtQuick.Layouts

// The days to choose from as tabs a patient reads at a glance: 今天 / 明天 / 周三 12月3日, the
// chosen one filled. `days`: [{date, label, count}]; `current`: the chosen date.
Flow {
    id: tabs

    required property var days
    property string current
    property bool busy: false
    signal chosen(string date)

    spacing: 16

    Repeater {
        model: tabs.days
        KioskButton {
            required property var modelData
            required property int index
            objectName: "day_" + index
            primary: modelData.date === tabs.current
            enabled: !tabs.busy
            implicitWidth: Math.max(Theme.touchTargetMin * 2, contentItem.implicitWidth + Theme.margin)
            font.pixelSize: Theme.fontBody
            text: modelData.label
            Accessible.name: modelData.label + (modelData.date === tabs.current ? qsTr(", chosen") : "")
            onClicked: tabs.chosen(modelData.date)
        }
    }
}
