import QtQuick
import Lobby.Components

// One of an e-invoice's numbers beside its QR: the label, then the value in large type.
Text {
    textFormat: Text.PlainText
    required property string label
    required property string value

    width: parent ? parent.width : implicitWidth
    text: label + "  " + value
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontLarge
    color: Theme.text
    wrapMode: Text.WrapAnywhere
}
