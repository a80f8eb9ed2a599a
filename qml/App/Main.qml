import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// The kiosk's only window: the top bar, the way home with the time left, the current screen (chosen by the C++ session via its
// screen registry), and the idle countdown above everything.
ApplicationWindow {
    id: window

    width: Kiosk.displayWidth
    height: Kiosk.displayHeight
    visible: true
    visibility: Kiosk.fullscreen ? Window.FullScreen : Window.Windowed
    flags: Kiosk.fullscreen ? Qt.Window | Qt.FramelessWindowHint : Qt.Window
    title: "Lobby Kiosk"
    color: Theme.background
    font.family: Theme.fontFamily

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar {
            Layout.fillWidth: true
        }
        SessionStrip {
            Layout.fillWidth: true
        }
        Loader {
            objectName: "screenLoader"
            Layout.fillWidth: true
            Layout.fillHeight: true
            source: Session.screenUrl
        }
    }

    CountdownOverlay {
        anchors.fill: parent
    }
}
