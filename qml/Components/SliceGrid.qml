import QtQuick
import QtQuick.Layouts

// One day's times: morning and afternoon side by side on a landscape kiosk, one above the other
// in portrait, each a grid of equal buttons filling the width with the places left.
// `periods`: [{label, slices: [{id, time, remaining}]}]; buttons are named prefix_P_S.
GridLayout {
    id: grid
    Layout.fillHeight: false  // a layout fills by default; this one is as tall as its content

    required property var periods
    property string prefix: "slice"
    property bool busy: false
    signal chosen(string id)

    columns: Theme.landscape && periods.length > 1 ? periods.length : 1
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing

    Repeater {
        model: grid.periods
        ColumnLayout {
            id: period
            required property var modelData
            required property int index
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 1
            spacing: 12
            Text {
                textFormat: Text.PlainText
                text: period.modelData.label
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            GridLayout {
                Layout.fillWidth: true
                // Four a row (a half-day in two rows, so morning and afternoon fit without
                // scrolling); fewer, larger ones in elder mode.
                columns: Theme.elder ? (grid.columns > 1 ? 2 : 3) : 4
                columnSpacing: 16
                rowSpacing: 16
                Repeater {
                    model: period.modelData.slices
                    KioskButton {
                        required property var modelData
                        required property int index
                        objectName: grid.prefix + "_" + period.index + "_" + index
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        implicitWidth: 0
                        primary: modelData.remaining > 0
                        enabled: modelData.remaining > 0 && !grid.busy
                        font.pixelSize: Theme.fontBody
                        text: modelData.time + "\n" + (modelData.remaining > 0
                              ? qsTr("%1 left").arg(modelData.remaining) : qsTr("Full"))
                        onClicked: grid.chosen(modelData.id)
                    }
                }
            }
        }
    }
}
