import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// The functions this kiosk offers the identified patient; unavailable ones say why.
ScreenFrame {
    id: screen

    readonly property var titles: ({
        "pickup": qsTr("Pick up appointment"),
        "book": qsTr("Book an appointment"),
        "cancel": qsTr("Cancel and refund"),
        "my_bookings": qsTr("My bookings")
    })

    title: qsTr("Hello, %1").arg(Session.patientName)
    instruction: qsTr("What would you like to do?")

    GridLayout {
        anchors.fill: parent
        columns: screen.width > screen.height && !Theme.elder ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        Repeater {
            model: Session.functions
            FunctionTile {
                required property var modelData
                objectName: "function_" + modelData.id
                Layout.fillWidth: true
                title: screen.titles[modelData.id]
                enabled: modelData.available
                reason: modelData.reason
                onClicked: Session.chooseFunction(modelData.id)
            }
        }
        Item { Layout.fillHeight: true }
    }

    actions: [
        KioskButton {
            objectName: "finishButton"
            primary: false
            Layout.fillWidth: true
            text: qsTr("Finish")
            onClicked: Session.finish()
        }
    ]
}
