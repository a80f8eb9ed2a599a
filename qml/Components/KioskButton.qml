import QtQuick
import QtQuick.Controls.Basic

// The one button of the kiosk: large, high-contrast, labelled for screen readers.
Button {
    id: control

    property bool primary: true

    implicitHeight: Theme.touchTargetMin
    implicitWidth: Math.max(Theme.touchTargetMin * 3, contentItem.implicitWidth + 2 * Theme.margin)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontLarge
    font.bold: true
    Accessible.name: text

    contentItem: Text {
        textFormat: Text.PlainText
        text: control.text
        font: control.font
        color: !control.enabled ? Theme.disabledText
                                : control.primary ? Theme.primaryText : Theme.primary
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }

    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Theme.disabledSurface
                                : control.primary ? (control.down ? Qt.darker(Theme.primary, 1.2) : Theme.primary)
                                                  : Theme.surface
        border.width: control.primary ? 0 : 4
        border.color: Theme.primary
    }
}
