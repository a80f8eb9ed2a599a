import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// A child without an ID card: their name typed by pinyin. The letters give characters a page at
// a time; a tap adds one (or a whole name) to the name above. The birth date and sex come from
// the ID number typed before, to check against the household register. On a landscape screen
// the keyboard sits beside the name and its candidates.
GridLayout {
    id: panel

    readonly property bool wide: Theme.landscape
    // Each column's width, fixed: on a landscape screen half the panel each, whatever their
    // content (wrapped text and candidates would otherwise feed back into the split).
    readonly property real columnWidth: wide ? (width - columnSpacing) / 2 : width

    columns: wide ? 2 : 1
    columnSpacing: Theme.spacing
    rowSpacing: Math.round(Theme.spacing / 2)

    ColumnLayout {
        Layout.preferredWidth: panel.columnWidth
        Layout.minimumWidth: panel.columnWidth
        Layout.maximumWidth: panel.columnWidth
        Layout.fillHeight: false
        Layout.alignment: Qt.AlignTop
        spacing: Math.round(Theme.spacing / 2)

        Text {
            textFormat: Text.PlainText
            objectName: "childDetails"
            Layout.fillWidth: true
            text: qsTr("Born %1 · %2").arg(Family.childBirthDate).arg(Family.childSex)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
        Rectangle {
            Layout.fillWidth: true
            // As tall as a key, so that name, candidates and keyboard fit a landscape screen.
            implicitHeight: keyboard.keyHeight + 16
            radius: Theme.radius
            color: Theme.surface
            border.width: 6
            border.color: Theme.primary
            Row {
                anchors.fill: parent
                anchors.leftMargin: 24
                anchors.rightMargin: 24
                spacing: 12
                Text {
                    textFormat: Text.PlainText
                    objectName: "childName"
                    anchors.verticalCenter: parent.verticalCenter
                    text: NameEntry.name
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "pinyinLetters"
                    anchors.verticalCenter: parent.verticalCenter
                    text: NameEntry.letters + "▏"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    color: Theme.primary
                }
            }
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: NameEntry.letters === ""
            text: NameEntry.name === "" ? qsTr("Type the pinyin of the name, then tap its characters.")
                                        : qsTr("Type the pinyin of the next character, or tap Add when the name is right.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
        // A positioner, not a layout: the candidates are where they are drawn the moment they
        // appear, four to a row, each row ending with a page button, so that the keyboard stays
        // on screen under elder mode's larger type.
        // A box of its own size holds the grid, so that the candidates' widths never feed back
        // into the layout that sizes them.
        Item {
            objectName: "candidates"
            visible: NameEntry.letters !== ""
            Layout.fillWidth: true
            Layout.preferredHeight: 2 * keyboard.keyHeight + candidateGrid.spacing
            Grid {
                id: candidateGrid
                width: parent.width
                columns: 5
                spacing: 8
                readonly property real cell: (parent.width - (columns - 1) * spacing) / columns
                Repeater {
                    model: 10
                    KioskButton {
                        required property int index
                        readonly property bool pageKey: index % 5 === 4
                        readonly property int candidate: Math.floor(index / 5) * 4 + index % 5
                        readonly property bool shown: pageKey || candidate < NameEntry.candidates.length
                        objectName: pageKey ? (index === 4 ? "candidatesBack" : "candidatesOn")
                                            : "candidate_" + candidate
                        width: candidateGrid.cell
                        height: keyboard.keyHeight
                        opacity: shown ? 1 : 0
                        enabled: pageKey ? (index === 4 ? NameEntry.canPageBack : NameEntry.canPageOn)
                                         : shown
                        primary: false
                        text: pageKey ? (index === 4 ? qsTr("‹ Previous") : qsTr("More ›"))
                                      : shown ? NameEntry.candidates[candidate] : ""
                        // A phrase of several characters shrinks to stay on one line.
                        font.pixelSize: pageKey ? Theme.fontBody
                                                : Math.min(Theme.fontLarge,
                                                           Math.floor((width - 16) / Math.max(1, text.length)))
                        onClicked: {
                            if (!pageKey)
                                NameEntry.choose(candidate)
                            else if (index === 4)
                                NameEntry.pageBack()
                            else
                                NameEntry.pageOn()
                        }
                    }
                }
            }
        }
        Text {
            textFormat: Text.PlainText
            objectName: "childNameError"
            Layout.fillWidth: true
            visible: text !== ""
            text: Family.error
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
    }
    LetterKeyboard {
        id: keyboard
        objectName: "keyboard"
        Layout.preferredWidth: panel.columnWidth
        Layout.minimumWidth: panel.columnWidth
        Layout.maximumWidth: panel.columnWidth
        Layout.alignment: Qt.AlignTop
        onTyped: letter => NameEntry.typeLetter(letter)
        onErased: NameEntry.erase()
        onCleared: NameEntry.clear()
    }
}
