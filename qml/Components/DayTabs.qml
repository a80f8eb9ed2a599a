import QtQuick
import QtQuick.Layouts

// The days to choose from as tabs a patient reads at a glance: 今天 / 明天 / 周三 12月3日, the
// chosen one filled, a week in one row on a landscape kiosk and two in portrait, never hidden
// below the fold. `days`: [{date, label, count}]; `current`: the chosen date.
GridLayout {
    id: tabs
    Layout.fillHeight: false  // a layout fills by default; this one is as tall as its content

    required property var days
    property string current
    property bool busy: false
    signal chosen(string date)

    // A week in one row on a landscape kiosk; in portrait the weekday above the date, so a week
    // takes two rows however large the text.
    columns: Theme.landscape ? Math.max(1, Math.min(days.length, 7)) : (Theme.elder ? 4 : 5)
    columnSpacing: 16
    rowSpacing: 16

    Repeater {
        model: tabs.days
        KioskButton {
            required property var modelData
            required property int index
            objectName: "day_" + index
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            implicitWidth: 0
            primary: modelData.date === tabs.current
            enabled: !tabs.busy
            font.pixelSize: Theme.fontBody
            text: Theme.landscape ? modelData.label : modelData.label.replace(" ", "\n")
            Accessible.name: modelData.label + (modelData.date === tabs.current ? qsTr(", chosen") : "")
            onClicked: tabs.chosen(modelData.date)
        }
    }
}
