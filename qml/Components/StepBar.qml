import QtQuick
import QtQuick.Layouts

// Where the patient is in a journey with steps: 科室 › 医生 › 时段 › 确认 › 支付. Steps done
// carry a tick, the current one is filled and read out; never colour alone.
RowLayout {
    id: bar
    Layout.fillHeight: false  // a layout fills by default; this one is as tall as its content

    required property var steps   // labels, in order
    property int current: 0

    spacing: 8
    Accessible.role: Accessible.ProgressBar
    Accessible.name: qsTr("Step %1 of %2: %3").arg(current + 1).arg(steps.length)
                     .arg(steps[current] || "")

    Repeater {
        model: bar.steps
        RowLayout {
            required property string modelData
            required property int index
            // Every step as wide as the next (the last has no "›" after it, and would shrink).
            Layout.fillWidth: true
            Layout.preferredWidth: bar.width / bar.steps.length
            spacing: 8
            Rectangle {
                objectName: "step_" + index
                Layout.fillWidth: true
                implicitHeight: label.implicitHeight + 20
                radius: height / 2
                color: index === bar.current ? Theme.primary
                     : index < bar.current ? Theme.surface : Theme.disabledSurface
                border.color: Theme.primary
                border.width: index <= bar.current ? 3 : 0
                Text {
                    textFormat: Text.PlainText
                    id: label
                    anchors.centerIn: parent
                    width: parent.width - 12
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideRight
                    text: (index < bar.current ? "✓ " : (index + 1) + " ") + modelData
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    font.bold: index === bar.current
                    color: index === bar.current ? Theme.primaryText
                         : index < bar.current ? Theme.primary : Theme.disabledText
                }
            }
            Text {
                textFormat: Text.PlainText
                visible: index < bar.steps.length - 1
                text: "›"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
        }
    }
}
