import QtQuick
import QtQuick.Layouts

// A heading over a group of choices on a screen (普通号 / 专家号), in the body's size, bold.
Text {
    textFormat: Text.PlainText
    Layout.fillWidth: true
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    font.bold: true
    color: Theme.text
    wrapMode: Text.WordWrap
}
