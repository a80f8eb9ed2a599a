import QtQuick

// One key of the kiosk's keypad: `key` is what it types ("0"-"9", "X") or does ("erase",
// "clear"); the label is the digit itself, or the action's word.
KioskButton {
    required property string key
    property int digitSize: 56

    primary: false
    font.pixelSize: key.length === 1 ? digitSize : Theme.fontLarge
}
