import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The common layout of a screen: a title, one plain instruction, the screen's own content, and
// a row of navigation buttons at the bottom (where a thumb reaches them on a portrait kiosk).
// Content taller than the space left (a landscape screen in large-text mode) scrolls, with a
// scroll bar always shown then, rather than running under the buttons.
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

        // Title and instruction one above the other; side by side on a landscape kiosk, where
        // the height is what the content lacks.
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: false  // a layout fills by default: the body gets the height
            columns: Theme.landscape ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Text {
                textFormat: Text.PlainText
                objectName: "screenTitle"
                Layout.fillWidth: !Theme.landscape
                Layout.maximumWidth: Theme.landscape ? frame.width * 0.45 : -1
                Layout.alignment: Qt.AlignVCenter
                text: frame.title
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                objectName: "screenInstruction"
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignVCenter
                visible: text.length > 0
                text: frame.instruction
                // What to do now is the line a patient must not miss: large and dark, not grey.
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }
        Flickable {
            id: scroller
            objectName: "screenBody"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: Math.max(height, body.neededHeight)
            interactive: contentHeight > height + 1
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                policy: scroller.interactive ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
                width: 20
            }

            Item {
                id: body
                // The tallest child's own height: what the content needs.
                readonly property real neededHeight: {
                    let needed = 0
                    for (let i = 0; i < children.length; ++i)
                        needed = Math.max(needed, children[i].implicitHeight)
                    return needed
                }
                width: scroller.width - (scroller.interactive ? 28 : 0)
                height: scroller.contentHeight
            }
        }
        RowLayout {
            id: actionRow
            Layout.fillWidth: true
            Layout.fillHeight: false
            spacing: Theme.spacing
        }
    }
}
