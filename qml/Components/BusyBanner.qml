import QtQuick
import QtQuick.Layouts

// "Please wait" while a device or the platform works, in words and with motion.
Rectangle {
    id: banner

    property string text

    implicitHeight: Theme.touchTargetMin
    radius: Theme.radius
    color: Theme.primary

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Rectangle {
            Layout.preferredWidth: 40
            Layout.preferredHeight: 40
            radius: 20
            color: Theme.primaryText
            SequentialAnimation on opacity {
                running: banner.visible
                loops: Animation.Infinite
                NumberAnimation { to: 0.2; duration: 500 }
                NumberAnimation { to: 1.0; duration: 500 }
            }
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: banner.text
            color: Theme.primaryText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            wrapMode: Text.WordWrap
        }
    }
}
