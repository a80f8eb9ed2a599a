pragma Singleton
import QtQuick

// Colours, type sizes and touch-target sizes for every screen. Text colours against their
// backgrounds meet WCAG AA (at least 4.5:1); state is never shown by colour alone.
QtObject {
    readonly property string fontFamily: "WenQuanYi Micro Hei"

    readonly property color background: "#F4F7FB"
    readonly property color surface: "#FFFFFF"
    readonly property color primary: "#0B5CAD"        // 6.9:1 on white
    readonly property color primaryText: "#FFFFFF"
    readonly property color text: "#1A1A1A"
    readonly property color mutedText: "#4A5563"      // 7.4:1 on white
    readonly property color disabledSurface: "#E3E7ED"
    readonly property color disabledText: "#4A5563"
    readonly property color danger: "#B3261E"         // 6.5:1 on white
    readonly property color success: "#1E6B34"        // 6.6:1 on white
    readonly property color overlay: "#CC000000"

    readonly property int fontHuge: 72
    readonly property int fontTitle: 52
    readonly property int fontLarge: 40
    readonly property int fontBody: 32
    readonly property int fontSmall: 26

    // 15 mm on a 21.5" 1080x1920 panel (0.248 mm/px) is about 60 px; we stay well above.
    readonly property int touchTargetMin: 120
    readonly property int margin: 48
    readonly property int spacing: 32
    readonly property int radius: 20
}
