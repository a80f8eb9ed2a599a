import QtQuick
import QtQuick.Layouts

// The common layout of a screen: a title, one plain instruction, the screen's own content, and
// a row of navigation buttons at the bottom (where a thumb reaches them on a portrait kiosk).
Item {
    id: frame

    property string title
    property string instruction
    default property alias content: body.data
    property alias actions: actionRow.data

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Text {
            objectName: "screenTitle"
            Layout.fillWidth: true
            text: frame.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "screenInstruction"
            Layout.fillWidth: true
            visible: text.length > 0
            text: frame.instruction
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
        Item {
            id: body
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        RowLayout {
            id: actionRow
            Layout.fillWidth: true
            spacing: Theme.spacing
        }
    }
}
