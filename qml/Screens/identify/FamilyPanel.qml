import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// 就诊人: whom this visit is for (the patient, or one of their family members, each named with
// the relation), and adding a member: how they are related first, then their own ID card on the
// reader. Tiles are large and named in words; names are masked.
ColumnLayout {
    id: panel
    spacing: Theme.spacing

    readonly property bool choosing: Family.step === "who"
    readonly property bool adding: Family.step === "add"

    GridLayout {
        visible: panel.choosing
        Layout.fillWidth: true
        columns: Theme.landscape ? 3 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        KioskButton {
            objectName: "familySelf"
            Layout.fillWidth: true
            enabled: !Family.busy
            text: qsTr("Myself: %1").arg(Family.selfName)
            onClicked: Family.chooseSelf()
        }
        Repeater {
            model: Family.members
            KioskButton {
                required property var modelData
                required property int index
                objectName: "familyMember_" + index
                Layout.fillWidth: true
                enabled: !Family.busy
                primary: false
                text: qsTr("%1: %2", "a family member: relation, name").arg(modelData.relation).arg(modelData.name)
                onClicked: Family.choose(modelData.id)
            }
        }
        KioskButton {
            objectName: "addFamilyMember"
            Layout.fillWidth: true
            visible: Family.canAdd
            enabled: !Family.busy
            primary: false
            text: qsTr("Add a family member")
            onClicked: Family.beginAdd()
        }
    }

    Text {
        textFormat: Text.PlainText
        visible: panel.adding
        Layout.fillWidth: true
        text: qsTr("This family member is your:")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
    }
    GridLayout {
        visible: panel.adding
        Layout.fillWidth: true
        columns: Theme.landscape ? 4 : 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        Repeater {
            model: [
                { id: "child", label: qsTr("Child") },
                { id: "parent", label: qsTr("Parent") },
                { id: "spouse", label: qsTr("Spouse") },
                { id: "other", label: qsTr("Other family member") }
            ]
            KioskButton {
                required property var modelData
                objectName: "relation_" + modelData.id
                Layout.fillWidth: true
                enabled: !Family.busy
                primary: Family.relation === modelData.id
                text: modelData.label
                onClicked: Family.chooseRelation(modelData.id)
            }
        }
    }
    InstructionCard {
        objectName: "familyCardPrompt"
        visible: panel.adding && Family.relation !== ""
        Layout.fillWidth: true
        symbol: qsTr("ID")
        text: qsTr("Now place your family member's ID card on the reader below the screen")
    }
    KioskButton {
        objectName: "childWithoutCard"
        visible: panel.adding && Family.relation === "child" && NameEntry.available
        enabled: !Family.busy
        primary: false
        Layout.fillWidth: true
        text: qsTr("My child has no ID card")
        onClicked: Family.beginChildWithoutCard()
    }
    Text {
        textFormat: Text.PlainText
        objectName: "familyError"
        Layout.fillWidth: true
        visible: text !== ""
        text: Family.error
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.danger
        wrapMode: Text.WordWrap
    }
    BusyBanner {
        Layout.fillWidth: true
        visible: Family.busy
        text: qsTr("One moment, please…")
    }
}
