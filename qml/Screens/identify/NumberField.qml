import QtQuick
import Lobby.Components

// A number being typed on the keypad: a box showing it (as the panel formats it), outlined when
// the keypad types into it; a tap chooses it.
Rectangle {
    id: field

    property bool selected: false
    property string shown: ""

    signal chosen()

    implicitHeight: Theme.touchTargetMin
    radius: Theme.radius
    color: Theme.surface
    border.width: selected ? 6 : 2
    border.color: selected ? Theme.primary : Theme.mutedText

    Text {
        textFormat: Text.PlainText
        anchors.fill: parent
        anchors.leftMargin: 24
        anchors.rightMargin: 24
        verticalAlignment: Text.AlignVCenter
        text: field.shown + (field.selected ? "▏" : "")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: true
        font.letterSpacing: 2
        color: Theme.text
        elide: Text.ElideLeft
    }
    MouseArea {
        anchors.fill: parent
        onClicked: field.chosen()
    }
}
