import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// 预约挂号 and 当日挂号: one screen whose body is the booking flow's current step.
ScreenFrame {
    id: screen

    readonly property var titles: ({
        "departments": qsTr("Choose a department"),
        "doctors": qsTr("Choose a doctor"),
        "slots": qsTr("Choose a time"),
        "confirm": qsTr("Confirm and pay"),
        "paying": qsTr("Scan to pay")
    })
    readonly property var instructions: ({
        "departments": qsTr("Tap a department. The letters filter by pinyin initials."),
        "doctors": qsTr("Fees are per visit. Tap a doctor to see free times."),
        "slots": Booking.sameDay
                 ? qsTr("Tap a time today. The number shows the places left.")
                 : qsTr("Choose a day, then tap a time. The number shows the places left."),
        "confirm": Booking.sameDay
                   ? qsTr("Check the details, then choose how to pay. You are checked in as soon as you have paid.")
                   : qsTr("Check the details, then choose how to pay."),
        "paying": qsTr("Scan the code with your phone and pay. Keep this screen open.")
    })

    title: titles[Booking.step] || ""
    // Today's registration says until when it is open, before the patient starts choosing.
    instruction: (Booking.sameDay && Booking.step === "departments" && Booking.hours.length > 0
                  ? Booking.hours + "\n" : "")
                 + (Booking.step === "departments" && Booking.fees.length > 0 ? Booking.fees + "\n" : "")
                 + (instructions[Booking.step] || "")

    readonly property var stepOrder: ["departments", "doctors", "slots", "confirm", "paying"]

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        StepBar {
            objectName: "bookingSteps"
            Layout.fillWidth: true
            steps: [qsTr("Department"), qsTr("Doctor"), qsTr("Time"), qsTr("Confirm"), qsTr("Pay")]
            current: Math.max(0, screen.stepOrder.indexOf(Booking.step))
        }
        // What was chosen so far stays in view: the department, then the doctor and the fee.
        Text {
            textFormat: Text.PlainText
            objectName: "bookingChosen"
            Layout.fillWidth: true
            visible: text.length > 0 && (Booking.step === "doctors" || Booking.step === "slots")
            text: [Booking.chosen.department, Booking.chosen.doctor, Booking.chosen.fee]
                  .filter(part => !!part).join("  ›  ")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.primary
            wrapMode: Text.WordWrap
        }
        BusyBanner {
            objectName: "bookingBusy"
            Layout.fillWidth: true
            visible: Booking.busy
            text: qsTr("One moment, please…")
        }
        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            source: {
                switch (Booking.step) {
                case "departments": return "DepartmentStep.qml"
                case "doctors": return "DoctorStep.qml"
                case "slots": return "SlotStep.qml"
                case "confirm": return "ConfirmStep.qml"
                case "paying": return "PaymentStep.qml"
                }
                return ""
            }
        }
    }

    actions: [
        KioskButton {
            objectName: "backButton"
            primary: false
            Layout.fillWidth: true
            enabled: !Booking.busy
            text: Booking.step === "paying" ? qsTr("Cancel payment") : qsTr("Back")
            onClicked: Booking.stepBack()
        }
    ]
}
