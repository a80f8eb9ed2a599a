import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// 改约: the booking the doctor stopped, restated; a day, then a time with a doctor of the same
// department and fee; then one confirmation. Nothing is paid again: the fee moves with it.
ScreenFrame {
    id: screen

    title: Move.step === "confirm" ? qsTr("Move your booking to this time?")
                                   : qsTr("Choose a new time")
    instruction: Move.step === "confirm"
        ? qsTr("Your fee is already paid and moves with the booking. Nothing more to pay.")
        : Move.step === "slots" ? qsTr("Choose a day, then tap a time.") : ""
    // One doctor offered, the one who stopped: their name is already on the line above.
    readonly property bool sameDoctorOnly: Move.offers.length === 1
        && Move.offers[0].name + " " + Move.offers[0].title === Move.booking.doctor

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        BusyBanner {
            objectName: "moveBusy"
            Layout.fillWidth: true
            visible: Move.busy
            text: qsTr("One moment, please…")
        }
        // What is being moved stays in view on every step.
        Text {
            textFormat: Text.PlainText
            objectName: "movingBooking"
            Layout.fillWidth: true
            visible: !!Move.booking.id
            text: qsTr("Stopped: %1").arg((Move.booking.doctor || "") + "  " + (Move.booking.when || ""))
                  + (screen.sameDoctorOnly && Move.step === "slots"
                     ? "  " + qsTr("Other times of the same doctor:") : "")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
        DayTabs {
            Layout.fillWidth: true
            visible: Move.step === "slots"
            days: Move.days
            current: Move.day
            busy: Move.busy
            onChosen: (date) => Move.chooseDay(date)
        }
        Repeater {
            model: Move.step === "slots" ? Move.offers : []
            ColumnLayout {
                id: offer
                required property var modelData
                required property int index
                Layout.fillWidth: true
                spacing: 12
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    visible: !screen.sameDoctorOnly
                    text: offer.modelData.name + "  " + offer.modelData.title + "  " + offer.modelData.fee
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                SliceGrid {
                    Layout.fillWidth: true
                    prefix: "moveSlice_" + offer.index
                    periods: offer.modelData.periods
                    busy: Move.busy
                    onChosen: (id) => Move.chooseSlice(id)
                }
            }
        }
        SummaryRows {
            Layout.fillWidth: true
            visible: Move.step === "confirm"
            rows: [
                [qsTr("Department"), Move.summary.department],
                [qsTr("Doctor"), Move.summary.doctor],
                [qsTr("New time"), Move.summary.when],
                [qsTr("Fee"), (Move.summary.fee || "") + " " + qsTr("(paid)")],
                [qsTr("Was"), Move.summary.was]
            ]
        }
        KioskButton {
            objectName: "confirmMoveButton"
            Layout.fillWidth: true
            visible: Move.step === "confirm"
            enabled: !Move.busy
            text: qsTr("Yes, move it")
            onClicked: Move.confirm()
        }
        Item { Layout.fillHeight: true }
    }

    actions: [
        KioskButton {
            objectName: "backButton"
            primary: false
            Layout.fillWidth: true
            enabled: !Move.busy
            text: qsTr("Back")
            onClicked: Move.stepBack()
        }
    ]
}
