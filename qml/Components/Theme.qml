pragma Singleton
import QtQuick
import Lobby.Core

// Colours, type sizes and touch-target sizes for every screen. Text colours against their
// backgrounds meet WCAG AA (at least 4.5:1); state is never shown by colour alone.
QtObject {
    // Elder mode's large text keeps its bold in Noto Sans CJK SC (WenQuanYi Micro Hei has no bold
    // weight, and past ~64 px Qt cannot embolden it). Standard mode keeps WenQuanYi: Noto's
    // outlines cost the kiosk ~35 ms and ~9 MiB before its first frame (bench/startup.sh).
    readonly property string fontFamily: elder ? "Noto Sans CJK SC" : "WenQuanYi Micro Hei"

    readonly property color background: "#F4F7FB"
    readonly property color surface: "#FFFFFF"
    // The hospital's colour from the scene (default #0B5CAD, 6.7:1 on white); a scene is refused
    // unless its colour keeps white text at 4.5:1 or more.
    readonly property color primary: Kiosk.primaryColor
    readonly property color primaryText: "#FFFFFF"
    readonly property color text: "#1A1A1A"
    readonly property color mutedText: "#4A5563"      // 7.4:1 on white
    readonly property color disabledSurface: "#E3E7ED"
    readonly property color disabledText: "#4A5563"
    readonly property color danger: "#B3261E"         // 6.5:1 on white
    readonly property color success: "#1E6B34"        // 6.6:1 on white
    readonly property color overlay: "#CC000000"

    // A landscape kiosk: fixed for the kiosk's life, so screens decide their layout once, when
    // they are made (a Qt 6.4 layout does not re-flow well when its shape changes later).
    readonly property bool landscape: Kiosk.displayWidth > Kiosk.displayHeight

    // 关怀版 (elder mode): everything a third larger, and screens show fewer choices at once.
    readonly property bool elder: Kiosk.elderMode
    readonly property real scale: elder ? 1.35 : 1.0

    readonly property int fontHuge: Math.round(72 * scale)
    readonly property int fontTitle: Math.round(52 * scale)
    readonly property int fontLarge: Math.round(40 * scale)
    readonly property int fontBody: Math.round(32 * scale)
    readonly property int fontSmall: Math.round(26 * scale)

    // 15 mm on a 21.5" 1080x1920 panel (0.248 mm/px) is about 60 px; we stay well above.
    readonly property int touchTargetMin: Math.round(120 * scale)
    readonly property int margin: 48
    readonly property int spacing: 32
    readonly property int radius: 20
}
