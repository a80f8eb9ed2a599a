import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// The functions this kiosk offers the identified patient; unavailable ones say why.
ScreenFrame {
    id: screen

    title: qsTr("Hello, %1").arg(Session.patientName)
    instruction: qsTr("What would you like to do?")

    GridLayout {
        anchors.fill: parent
        // Three tiles a row on a landscape screen (in large text too): the five functions in two
        // rows, with no scrolling.
        columns: Theme.landscape ? 3 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        // A slip owed from an earlier visit was just printed: say so, in plain words.
        Rectangle {
            objectName: "noticeBanner"
            Layout.fillWidth: true
            Layout.columnSpan: parent.columns
            visible: Session.notice.length > 0
            implicitHeight: noticeText.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.primary
            Text {
                textFormat: Text.PlainText
                id: noticeText
                anchors.fill: parent
                anchors.margins: Theme.spacing
                text: Session.notice
                wrapMode: Text.Wrap
                color: Theme.primaryText
                font.pixelSize: Theme.fontBody
                font.family: Theme.fontFamily
            }
        }

        // A doctor stopped one of the patient's sessions: that first, with the ways on. Only
        // with a patient (the notices are theirs, looked up when they were identified).
        Loader {
            objectName: "stopNotices"
            Layout.fillWidth: true
            Layout.columnSpan: parent.columns
            active: Session.patientName.length > 0
            visible: active && item && item.implicitHeight > 0
            source: "StopNoticeCards.qml"
        }

        // Large text went on by itself for an older patient: say so, and how to switch back.
        Text {
            textFormat: Text.PlainText
            objectName: "elderOffered"
            Layout.fillWidth: true
            Layout.columnSpan: parent.columns
            visible: Kiosk.elderModeOffered
            text: qsTr("Large text and voice are on for you. Tap “Standard” at the top to switch back.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: Session.functions
            FunctionTile {
                required property var modelData
                objectName: "function_" + modelData.id
                Layout.fillWidth: true
                title: modelData.title
                enabled: modelData.available
                reason: modelData.reason
                onClicked: Session.chooseFunction(modelData.id)
            }
        }
        // 就诊人: this visit for a family member (loaded with a patient: the family is theirs).
        Loader {
            objectName: "family"
            Layout.fillWidth: true
            Layout.columnSpan: parent.columns
            active: Session.patientName.length > 0
            visible: active && item && item.wanted
            source: "FamilyButton.qml"
        }
        // What this kiosk cannot do now, where else can.
        Text {
            textFormat: Text.PlainText
            objectName: "menuWhereElse"
            Layout.fillWidth: true
            Layout.columnSpan: parent.columns
            visible: Session.functions.some(f => !f.available)
            text: Kiosk.whereElse
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
        Item { Layout.fillHeight: true }
    }
}
