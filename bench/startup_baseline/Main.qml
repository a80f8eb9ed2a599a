import QtQuick
import QtQuick.Layouts

Window {
    width: 1080
    height: 1920
    visible: true
    color: "#f3f6fa"

    component Card: Rectangle {
        property string symbol
        property string text
        Layout.fillWidth: true
        implicitHeight: 180
        radius: 16
        color: "white"
        border.color: "#dde3ea"
        border.width: 3
        RowLayout {
            anchors.fill: parent
            anchors.margins: 24
            spacing: 24
            Rectangle {
                Layout.preferredWidth: 126
                Layout.preferredHeight: 90
                radius: 16
                color: "#0b5cad"
                Text { anchors.centerIn: parent; text: parent.parent.parent.symbol; color: "white"; font.pixelSize: 28; font.bold: true }
            }
            Text { Layout.fillWidth: true; text: parent.parent.text; font.pixelSize: 36; wrapMode: Text.WordWrap }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 48
        spacing: 32
        Rectangle { Layout.fillWidth: true; implicitHeight: 180; color: "#0b5cad"
            Text { anchors.centerIn: parent; text: "示例市第一人民医院"; color: "white"; font.pixelSize: 40; font.bold: true } }
        Text { Layout.fillWidth: true; text: "自助服务"; font.pixelSize: 52; horizontalAlignment: Text.AlignHCenter }
        Text { Layout.fillWidth: true; text: "请将身份证放在读卡区"; font.pixelSize: 72; font.bold: true; horizontalAlignment: Text.AlignHCenter }
        Card { symbol: "身份证"; text: "居民身份证：请放在读卡区" }
        Card { symbol: "扫码"; text: "医保电子凭证：请将二维码对准扫码口" }
        Item { Layout.fillHeight: true }
        Rectangle { Layout.fillWidth: true; implicitHeight: 180; radius: 16; color: "#0b5cad"
            Text { anchors.centerIn: parent; text: "点击此处开始"; color: "white"; font.pixelSize: 52; font.bold: true } }
    }
}
