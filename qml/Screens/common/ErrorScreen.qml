import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// Something failed: say what happened and what to do, in plain words and large type, and never
// leave the patient with only a way out. Identified, they go back to the menu; not yet (an
// expired card, a card the platform does not know), they are shown the other ways to identify.
ScreenFrame {
    id: screen

    readonly property bool identified: Session.patientName.length > 0
    readonly property var otherWays: {
        const ways = []
        if (Session.identifyBy.indexOf("idcard") >= 0) ways.push(qsTr("place your resident ID card on the reader"))
        if (Session.identifyBy.indexOf("ssc") >= 0) ways.push(qsTr("insert your social-security card"))
        if (Session.identifyBy.indexOf("qr") >= 0) ways.push(qsTr("show your medical-insurance e-voucher"))
        ways.push(qsTr("type your ID number and mobile number"))
        return ways
    }

    title: qsTr("Sorry, that did not work")

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: Theme.spacing

        Text {
            textFormat: Text.PlainText
            objectName: "errorMessage"
            Layout.fillWidth: true
            text: Session.errorMessage.length > 0
                  ? Session.errorMessage
                  : qsTr("Please ask the staff at the service desk for help.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            objectName: "otherWays"
            Layout.fillWidth: true
            visible: !screen.identified
            text: qsTr("You can also:") + "\n" + screen.otherWays.map(way => "•  " + way).join("\n")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            objectName: "whereElse"
            Layout.fillWidth: true
            visible: text.length > 0
            text: Kiosk.whereElse
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
    }

    actions: [
        KioskButton {
            objectName: "errorBackButton"
            Layout.fillWidth: true
            primary: false
            text: screen.identified ? qsTr("Back to the menu") : qsTr("Try another way")
            onClicked: Session.back()
        },
        KioskButton {
            objectName: "acknowledgeButton"
            Layout.fillWidth: true
            text: qsTr("Finish")
            onClicked: Session.acknowledge()
        }
    ]
}
