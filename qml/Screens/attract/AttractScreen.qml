import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// The screen a passer-by sees: what the kiosk is for and how to begin.
Item {
    id: screen

    readonly property bool landscape: width > height
    // Equal columns side by side in landscape; one column in portrait.
    readonly property real columnWidth: landscape ? (width - 3 * Theme.margin) / 2 : width

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: screen.landscape ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: screen.columnWidth
            spacing: Theme.spacing

            Item { Layout.fillHeight: true }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("Self-service")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                color: Theme.mutedText
                horizontalAlignment: Text.AlignHCenter
            }
            // Taken out of service for an update (the updater's lease): said plainly, and nothing
            // offered that would not answer.
            Text {
                textFormat: Text.PlainText
                objectName: "attractUpdating"
                visible: Session.updating
                Layout.fillWidth: true
                text: qsTr("Paused: this kiosk is being updated. Please wait a few minutes.")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHuge
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                objectName: "attractPrompt"
                visible: !Session.updating
                Layout.fillWidth: true
                // Names only what works now: a patient is never told to use a dead reader.
                readonly property bool idCard: Session.identifyBy.indexOf("idcard") >= 0
                readonly property bool ssc: Session.identifyBy.indexOf("ssc") >= 0
                readonly property bool qr: Session.identifyBy.indexOf("qr") >= 0
                text: idCard && ssc ? qsTr("Place your ID card or medical-insurance card")
                    : idCard ? qsTr("Place your ID card on the reader")
                    : ssc ? qsTr("Insert your medical-insurance card")
                    : qr ? qsTr("Show your medical-insurance e-voucher QR code")
                    : qsTr("The card readers are not working. Touch below to type your ID number.")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHuge
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            // Whether this kiosk can serve, before anyone identifies: what it can do now, what not
            // and why, in the patient's words, and where else to go.
            Text {
                textFormat: Text.PlainText
                objectName: "attractServes"
                Layout.fillWidth: true
                readonly property var working: Session.functions.filter(f => f.available)
                text: working.length > 0
                      ? qsTr("Here you can: %1").arg(working.map(f => f.title).join(qsTr(", ")))
                      : qsTr("This kiosk cannot serve patients right now.")
                font.family: Theme.fontFamily
                font.pixelSize: working.length > 0 ? Theme.fontBody : Theme.fontLarge
                font.bold: working.length === 0
                color: working.length > 0 ? Theme.text : Theme.danger
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                objectName: "attractNotNow"
                Layout.fillWidth: true
                readonly property var missing: Session.functions.filter(f => !f.available)
                // One line per reason: "Not now: A, B (this kiosk cannot print now)".
                readonly property var byReason: {
                    const groups = {}
                    for (const f of missing) (groups[f.reason] = groups[f.reason] || []).push(f.title)
                    return groups
                }
                visible: missing.length > 0
                text: Object.keys(byReason).map(reason => qsTr("Not now: %1 (%2)")
                          .arg(byReason[reason].join(qsTr(", "))).arg(reason)).join("\n")
                      + "\n" + Kiosk.whereElse
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Item { Layout.fillHeight: true }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: screen.columnWidth
            spacing: Theme.spacing

            // Only the means whose reader answers: an unplugged reader is not offered.
            InstructionCard {
                objectName: "identifyByIdCard"
                visible: Session.identifyBy.indexOf("idcard") >= 0
                Layout.fillWidth: true
                symbol: qsTr("ID")
                text: qsTr("Resident ID card: place it on the reader")
            }
            InstructionCard {
                objectName: "identifyBySsc"
                visible: Session.identifyBy.indexOf("ssc") >= 0
                Layout.fillWidth: true
                symbol: qsTr("SSC")
                text: qsTr("Social-security card: insert it, chip first")
            }
            InstructionCard {
                objectName: "identifyByQr"
                visible: Session.identifyBy.indexOf("qr") >= 0
                Layout.fillWidth: true
                symbol: qsTr("QR")
                text: qsTr("Medical-insurance e-voucher: show the QR code to the scanner")
            }
            Item { Layout.fillHeight: true }
            KioskButton {
                objectName: "startButton"
                visible: !Session.updating
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTargetMin * 1.4
                font.pixelSize: Theme.fontTitle
                text: qsTr("Touch here to start")
                onClicked: Session.start()
            }
        }
    }
}
