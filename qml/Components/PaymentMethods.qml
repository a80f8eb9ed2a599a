import QtQuick
import QtQuick.Layouts

// One large button per payment method the scene allows ("pay_wechat", …).
GridLayout {
    id: methods

    property var methodIds: []
    property bool busy: false
    signal chosen(string method)

    readonly property var methodNames: ({
        "wechat": qsTr("WeChat Pay"),
        "alipay": qsTr("Alipay"),
        "unionpay": qsTr("UnionPay"),
        "insurance": qsTr("Medical insurance"),
        "payment_code": qsTr("Show a payment code")
    })

    // One row on a landscape screen, where height is what runs short.
    columns: Theme.landscape ? 4 : 2
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing

    Repeater {
        model: methods.methodIds
        KioskButton {
            required property string modelData
            objectName: "pay_" + modelData
            Layout.fillWidth: true
            enabled: !methods.busy
            text: methods.methodNames[modelData] || modelData
            onClicked: methods.chosen(modelData)
        }
    }
}
