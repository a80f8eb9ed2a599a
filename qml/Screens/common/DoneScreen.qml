import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// A journey finished: what it achieved (the queue number large), then label / value rows. The
// result stays until the patient acknowledges it.
ScreenFrame {
    title: Session.outcome.title || qsTr("Done")
    instruction: Session.outcome.headline ? "" : qsTr("Your request has been completed.")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Rectangle {
            objectName: "outcomeHeadline"
            Layout.fillWidth: true
            visible: !!Session.outcome.headline
            implicitHeight: headlineColumn.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.success
            border.width: 4
            ColumnLayout {
                id: headlineColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                Text {
                    Layout.fillWidth: true
                    text: Session.outcome.headlineLabel || ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    color: Theme.text
                    horizontalAlignment: Text.AlignHCenter
                }
                Text {
                    Layout.fillWidth: true
                    text: Session.outcome.headline || ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHuge * 1.5
                    font.bold: true
                    color: Theme.success
                    horizontalAlignment: Text.AlignHCenter
                }
            }
        }
        Repeater {
            model: Session.outcome.rows || []
            RowLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    Layout.preferredWidth: 280
                    text: modelData.label
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                }
                Text {
                    Layout.fillWidth: true
                    text: modelData.value
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
            }
        }
        Item { Layout.fillHeight: true }
    }

    actions: [
        KioskButton {
            objectName: "moreButton"
            primary: false
            Layout.fillWidth: true
            text: qsTr("Something else")
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
