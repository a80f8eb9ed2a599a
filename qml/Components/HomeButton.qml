import QtQuick
import Lobby.Core

// "返回首页": ends the patient's session from any screen (the farewell, then the start).
KioskButton {
    objectName: "finishButton"
    primary: false
    implicitWidth: Math.round(320 * Theme.scale)
    text: qsTr("Home")
    Accessible.name: qsTr("End this session and go back to the start")
    onClicked: Session.finish()
}
