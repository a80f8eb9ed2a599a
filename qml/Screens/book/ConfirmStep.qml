import QtQuick
import QtQuick.Layouts
import Lobby.Components
import Lobby.Core

// What is about to be booked, and the ways to pay for it.
ColumnLayout {
    id: confirm
    spacing: Theme.spacing

    readonly property var methodNames: ({
        "wechat": qsTr("WeChat Pay"),
        "alipay": qsTr("Alipay"),
        "unionpay": qsTr("UnionPay"),
        "insurance": qsTr("Medical insurance")
    })

    Repeater {
        model: [
            [qsTr("Department"), Booking.summary.department],
            [qsTr("Doctor"), Booking.summary.doctor],
            [qsTr("When"), Booking.summary.when],
            [qsTr("Fee"), Booking.summary.fee]
        ]
        RowLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                Layout.preferredWidth: 240
                text: modelData[0]
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
            Text {
                Layout.fillWidth: true
                text: modelData[1] || ""
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }
    }
    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        Repeater {
            model: Booking.paymentMethods
            KioskButton {
                required property string modelData
                objectName: "pay_" + modelData
                Layout.fillWidth: true
                enabled: !Booking.busy
                text: confirm.methodNames[modelData] || modelData
                onClicked: Booking.pay(modelData)
            }
        }
    }
    Item { Layout.fillHeight: true }
}
