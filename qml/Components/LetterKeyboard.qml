import QtQuick
import QtQuick.Layouts
import Lobby.Core

// The kiosk's own letter keyboard, for typing a name by pinyin: the 26 letters in the QWERTY rows
// a phone's pinyin keyboard uses, 清空 and 删除 beside the last row. Keys are as large as ten fit across the
// screen (about 22 mm on a portrait 21.5" panel). Each key pressed is said back when voice is on.
ColumnLayout {
    id: keyboard

    readonly property int keyHeight: Theme.landscape ? 96 : 112
    readonly property int letterSize: Math.round((Theme.landscape ? 40 : 44) * (Theme.elder ? 1.2 : 1.0))

    signal typed(string letter)
    signal erased()
    signal cleared()

    spacing: 8

    // 清空 and 删除 flank the last row, so that the whole keyboard takes three rows.
    Repeater {
        model: ["qwertyuiop", "asdfghjkl", "<zxcvbnm>"]
        RowLayout {
            required property string modelData
            required property int index
            Layout.fillWidth: true
            // The middle row is set in by half a key, like a phone's. From the key height, not the
            // keyboard's width: a margin that followed the width would feed back into the layout
            // that sizes it.
            Layout.leftMargin: index === 1 ? Math.round(keyboard.keyHeight * 0.35) : 0
            Layout.rightMargin: index === 1 ? Math.round(keyboard.keyHeight * 0.35) : 0
            spacing: 8
            Repeater {
                model: modelData.split("")
                KeypadKey {
                    required property string modelData
                    key: modelData === "<" ? "clear" : modelData === ">" ? "erase" : modelData
                    objectName: "letter_" + key
                    text: key === "clear" ? qsTr("Clear") : key === "erase" ? qsTr("Delete") : key
                    digitSize: keyboard.letterSize
                    Layout.fillWidth: true
                    Layout.preferredWidth: key.length === 1 ? 1 : 2
                    font.pixelSize: key.length === 1 ? keyboard.letterSize : Theme.fontBody
                    Layout.preferredHeight: keyboard.keyHeight
                    onClicked: {
                        Voice.sayKey(key)
                        if (key === "erase")
                            keyboard.erased()
                        else if (key === "clear")
                            keyboard.cleared()
                        else
                            keyboard.typed(key)
                    }
                }
            }
        }
    }
}
