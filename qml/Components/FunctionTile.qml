import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A patient function on the menu. When unavailable it says so in words, with the reason,
// not by colour alone, and cannot be pressed.
Button {
    id: tile

    property string title
    property string reason

    // In elder mode the type is larger, so tiles can be lower and all four still fit (on a
    // landscape screen, two rows of them under the large-text title).
    implicitHeight: Theme.touchTargetMin
                    * (Theme.elder ? (Theme.landscape ? 1.0 : 1.3) : 2)
    Accessible.name: enabled ? title : title + ", " + qsTr("unavailable") + ": " + reason

    contentItem: ColumnLayout {
        spacing: 8
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: tile.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: tile.enabled ? Theme.primaryText : Theme.disabledText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: !tile.enabled
            text: qsTr("Unavailable: %1").arg(tile.reason)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.disabledText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }

    background: Rectangle {
        radius: Theme.radius
        color: tile.enabled ? (tile.down ? Qt.darker(Theme.primary, 1.2) : Theme.primary)
                            : Theme.disabledSurface
    }
}
