import QtQuick
import QtQuick.Layouts
import Lobby.Core

// The kiosk's own keypad for ID and mobile numbers, in place of a general on-screen keyboard:
// only the keys a number needs (digits, X for the ID number's last character, 删除 and 清空),
// each 160 px tall with 56 px digits on a portrait screen (about 40 mm on a 21.5" 1080x1920
// panel, 0.248 mm a pixel), the digits larger in elder mode but not the keys, so that the whole
// keypad stays on screen under elder mode's larger fields; on a landscape screen, where it sits
// beside the fields, 112 px (about 28 mm; the most a 1080 px height holds with the action row).
// Each key pressed is said back when voice is on.
GridLayout {
    id: pad

    // Whether X may be typed now (the 18th character of an ID number).
    property bool xAllowed: false
    // Whether the number can have an X at all (an ID number can; a booking code cannot, so its
    // keypad shows no X key to wonder about).
    property bool xKey: true
    readonly property int keyHeight: Theme.landscape ? 112 : 160
    readonly property int digitSize: Math.round((Theme.landscape ? 48 : 56) * (Theme.elder ? 1.2 : 1.0))

    signal typed(string character)
    signal erased()
    signal cleared()

    columns: 4
    rowSpacing: 16
    columnSpacing: 16

    Repeater {
        model: [
            {"key": "1"}, {"key": "2"}, {"key": "3"}, {"key": "erase"},
            {"key": "4"}, {"key": "5"}, {"key": "6"}, {"key": "clear"},
            {"key": "7"}, {"key": "8"}, {"key": "9"}, {"key": "X"},
            {"key": "0", "span": 3}
        ]
        KeypadKey {
            required property var modelData
            key: modelData.key
            objectName: key === "X" ? "idNumberX" : "key_" + key
            text: key === "erase" ? qsTr("Delete") : key === "clear" ? qsTr("Clear") : key
            Accessible.name: key === "X" ? qsTr("Type X, the last character of some ID numbers")
                                         : text
            digitSize: pad.digitSize
            enabled: key !== "X" || pad.xAllowed
            opacity: key === "X" && !pad.xKey ? 0 : 1
            Layout.columnSpan: modelData.span || 1
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: pad.keyHeight
            onClicked: {
                Voice.sayKey(key)
                if (key === "erase")
                    pad.erased()
                else if (key === "clear")
                    pad.cleared()
                else
                    pad.typed(key)
            }
        }
    }
}
