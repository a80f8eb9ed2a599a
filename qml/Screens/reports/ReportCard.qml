import QtQuick
import QtQuick.Layouts
import Lobby.Components

// One report: its title and department, and what the patient can do with it now. A ready one
// is chosen or set aside by a tap; a pending one says when to come back; a printed one says so.
Rectangle {
    id: card

    required property var report
    required property int position
    property bool choosable: true
    signal toggled()

    readonly property bool ready: report.status === "ready"

    objectName: "report_" + position
    implicitHeight: layout.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: report.selected ? Qt.rgba(Theme.primary.r, Theme.primary.g, Theme.primary.b, 0.10)
                           : Theme.surface
    border.color: report.selected ? Theme.primary : Theme.disabledSurface
    border.width: report.selected ? 4 : 2

    TapHandler {
        enabled: card.choosable && card.ready
        onTapped: card.toggled()
    }

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Text {
            textFormat: Text.PlainText
            text: card.report.selected ? "☑" : "☐"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            color: card.report.selected ? Theme.primary : Theme.mutedText
            visible: card.ready
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: card.report.title
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: card.ready ? Theme.text : Theme.mutedText
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: card.report.department
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                wrapMode: Text.WordWrap
            }
        }
        Text {
            textFormat: Text.PlainText
            objectName: "reportStatus_" + card.position
            Layout.maximumWidth: card.width * 0.45
            horizontalAlignment: Text.AlignRight
            text: card.report.status === "pending"
                  ? qsTr("Not ready yet, expected %1").arg(card.report.when)
                  : card.report.status === "printed" ? qsTr("Already printed")
                  : qsTr("Ready to print")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: card.report.status === "pending"
            color: card.report.status === "pending" ? Theme.danger
                 : card.ready ? Theme.primary : Theme.mutedText
            wrapMode: Text.WordWrap
        }
    }
}
