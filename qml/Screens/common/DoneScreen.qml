import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// A journey finished: what it achieved (the queue number large), then label / value rows. The
// result stays until the patient acknowledges it. On a landscape screen the rows sit beside the
// headline, so all of them stay in view.
ScreenFrame {
    title: Session.outcome.title || qsTr("Done")
    instruction: Session.outcome.headline ? "" : qsTr("Your request has been completed.")

    // What to do now, stressed above everything else (where to go, what comes next).
    ColumnLayout {
        id: doneBody
        anchors.fill: parent
        spacing: Theme.spacing

    Rectangle {
        objectName: "outcomeNext"
        Layout.fillWidth: true
        visible: !!Session.outcome.next
        implicitHeight: nextText.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: Theme.primary
        Text {
            textFormat: Text.PlainText
            id: nextText
            anchors.fill: parent
            anchors.margins: Theme.spacing
            text: Session.outcome.next || ""
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.primaryText
            wrapMode: Text.WordWrap
        }
    }

    GridLayout {
        id: outcomeLayout
        readonly property bool sideBySide: Theme.landscape && !!Session.outcome.headline
        // From the body's width (the screen's), not this layout's own: that one follows its
        // children's widths, and a share of it would chase itself.
        readonly property real headlineWidth: Math.round(doneBody.width * 0.4)
        Layout.fillWidth: true
        Layout.fillHeight: true
        columns: sideBySide ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        Rectangle {
            objectName: "outcomeHeadline"
            Layout.fillWidth: !outcomeLayout.sideBySide
            // Side by side, fixed shares of the width: left to the layout, the wrapped texts'
            // widths decide and either the number or the rows get squeezed to nothing.
            Layout.preferredWidth: outcomeLayout.sideBySide ? outcomeLayout.headlineWidth : -1
            Layout.alignment: Qt.AlignTop
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
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: Session.outcome.headlineLabel || ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    color: Theme.text
                    horizontalAlignment: Text.AlignHCenter
                }
                Text {
                    textFormat: Text.PlainText
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
        ColumnLayout {
            Layout.fillWidth: !outcomeLayout.sideBySide
            Layout.fillHeight: true
            Layout.preferredWidth: outcomeLayout.sideBySide
                                   ? doneBody.width - outcomeLayout.headlineWidth
                                     - outcomeLayout.columnSpacing
                                   : -1
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing
            Repeater {
                // Whom it was for first: a relative acting for a family member sees that
                // member's (masked) name, as on the slip.
                model: (Session.patientName.length > 0
                        ? [{ label: qsTr("Patient"), value: Session.patientName }] : [])
                       .concat(Session.outcome.rows || [])
                RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Text {
                        textFormat: Text.PlainText
                        Layout.preferredWidth: 280
                        text: modelData.label
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.mutedText
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        textFormat: Text.PlainText
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
    }
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
