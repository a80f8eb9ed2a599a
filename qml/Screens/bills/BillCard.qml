import QtQuick
import QtQuick.Layouts
import Lobby.Components

// One bill (a prescription, a test, an exam): its title and total, who ordered it, where it is
// carried out, and each item with its count and amount. Tapping it chooses it or sets it aside;
// whole bills only, never single lines.
Rectangle {
    id: card

    required property var bill
    required property int position
    property bool choosable: true
    signal toggled()

    objectName: "bill_" + position
    implicitHeight: layout.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: bill.chosen ? Qt.rgba(Theme.primary.r, Theme.primary.g, Theme.primary.b, 0.10)
                       : Theme.surface
    border.color: bill.chosen ? Theme.primary : Theme.disabledSurface
    border.width: bill.chosen ? 4 : 2

    TapHandler {
        enabled: card.choosable
        onTapped: card.toggled()
    }

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                textFormat: Text.PlainText
                text: card.bill.chosen ? "☑" : "☐"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                color: card.bill.chosen ? Theme.primary : Theme.mutedText
                visible: card.choosable
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: card.bill.title
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                text: card.bill.total
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: card.bill.department + "  " + card.bill.doctor + "  →  " + card.bill.performedBy
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: card.bill.items
            RowLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.spacing / 2
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: modelData.name + " " + modelData.spec + " ×" + modelData.count
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                Text {
                    textFormat: Text.PlainText
                    text: modelData.amount
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.text
                }
            }
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: card.bill.note !== ""
            text: card.bill.note
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
    }
}
