import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core
import Lobby.Journeys

// 报告打印: the patient's reports (ready, pending with the time to come back, printed), the ready
// ones chosen to begin with; then each printed on the A4 printer, "printing 1 of 2".
ScreenFrame {
    id: screen

    readonly property bool printing: Reports.printing

    title: qsTr("Print reports")
    instruction: printing ? ""
        : !Reports.loaded ? ""
        : Reports.readyCount > 0
            ? qsTr("Tap a report to choose it or set it aside, then tap Print.")
            : Reports.reports.length > 0 ? qsTr("None of your reports can be printed now.")
            : qsTr("You have no reports.")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        BusyBanner {
            objectName: "reportsBusy"
            Layout.fillWidth: true
            visible: Reports.busy && !screen.printing
            text: qsTr("One moment, please…")
        }
        InstructionCard {
            objectName: "reportsPrinting"
            Layout.fillWidth: true
            visible: screen.printing
            symbol: "A4"
            text: qsTr("Printing report %1 of %2. Please wait by the A4 printer.")
                .arg(Reports.printingNumber).arg(Reports.printingTotal)
        }

        Pager {
            id: pager
            Layout.fillWidth: true
            visible: !screen.printing && pages > 1
            count: Reports.reports.length
            // As many as fit beside the pager's row when it is needed: on a landscape kiosk a
            // page loses one card to it.
            pageSize: Theme.landscape ? (Theme.elder ? (count <= 2 ? 2 : 1) : (count <= 3 ? 3 : 2))
                                      : (Theme.elder ? 4 : 6)
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !screen.printing
            interactive: false  // pages, not scrolling
            spacing: Theme.spacing
            clip: true
            model: Reports.reports.slice(pager.page * pager.pageSize,
                                         (pager.page + 1) * pager.pageSize)
            delegate: ReportCard {
                required property var modelData
                required property int index
                width: ListView.view.width
                report: modelData
                position: pager.page * pager.pageSize + index
                choosable: !Reports.busy
                onToggled: Reports.toggle(modelData.id)
            }
        }
        Item {
            Layout.fillHeight: true
            visible: screen.printing
        }
    }

    actions: [
        KioskButton {
            objectName: "backButton"
            primary: false
            Layout.fillWidth: true
            // While a report prints the patient waits by the printer: no way back mid-job.
            visible: !screen.printing
            enabled: !Reports.busy
            text: qsTr("Back")
            onClicked: Session.back()
        },
        KioskButton {
            objectName: "printReports"
            Layout.fillWidth: true
            visible: !screen.printing && Reports.readyCount > 0
            enabled: !Reports.busy && Reports.selectedCount > 0
            text: qsTr("Print %1 report(s)").arg(Reports.selectedCount)
            onClicked: Reports.printSelected()
        }
    ]
}
