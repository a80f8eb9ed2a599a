import QtQuick
import QtQuick.Layouts

// One way to identify (or one step), shown as a large card with a symbol and a sentence.
Rectangle {
    id: card

    property string symbol
    property string text

    implicitHeight: Math.max(Theme.touchTargetMin + 2 * Theme.spacing,
                             label.contentHeight + 2 * Theme.spacing)
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.disabledSurface
    border.width: 3

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Rectangle {
            Layout.preferredWidth: Theme.touchTargetMin * 1.4
            Layout.preferredHeight: Theme.touchTargetMin
            radius: Theme.radius
            color: Theme.primary
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                text: card.symbol
                color: Theme.primaryText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
            }
        }
        Text {
            textFormat: Text.PlainText
            id: label
            Layout.fillWidth: true
            text: card.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            color: Theme.text
            wrapMode: Text.WordWrap
        }
    }
}
