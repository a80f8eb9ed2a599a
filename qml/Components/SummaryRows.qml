import QtQuick
import QtQuick.Layouts

// Facts restated as label and value, two a row on a landscape kiosk: what is about to be booked,
// moved or cancelled. `rows`: [[label, value], ...]; a row with no value is left out.
GridLayout {
    id: summary
    Layout.fillHeight: false  // a layout fills by default; this one is as tall as its content

    required property var rows

    columns: Theme.landscape ? 2 : 1
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing / 2

    Repeater {
        model: summary.rows
        RowLayout {
            required property var modelData
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            visible: !!modelData[1]
            spacing: Theme.spacing
            Text {
                textFormat: Text.PlainText
                Layout.preferredWidth: Math.round(200 * Theme.scale)
                text: modelData[0]
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: modelData[1] || ""
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }
    }
}
