// Every size, colour and font of the kiosk, driven by a scale factor (1.0–2.0) and a palette choice.
pragma Singleton
import QtQuick

QtObject {
    property real scale: 1.0
    property bool highContrast: false
    property string language: "ko"
    // The keypad is in use (a key was pressed since the last touch): focus rings show only then, so a
    // touch customer never mistakes the first control's ring for a choice (docs/ACCESSIBILITY.md).
    property bool keypadActive: false

    function s(px) { return Math.round(px * scale) }

    // Colours. The high-contrast palette keeps text ≥ 7:1 on its background (white/yellow on black).
    readonly property color background: highContrast ? "#000000" : "#F6F1EA"
    readonly property color surface: highContrast ? "#000000" : "#FFFFFF"
    readonly property color surfaceAlt: highContrast ? "#1A1A1A" : "#EFE7DC"
    readonly property color text: highContrast ? "#FFFFFF" : "#221A14"
    readonly property color textMuted: highContrast ? "#FFFFFF" : "#6A5B4E"
    readonly property color primary: highContrast ? "#FFE500" : "#C2410C"
    readonly property color primaryPressed: highContrast ? "#FFF27A" : "#9A3412"
    readonly property color primaryInk: highContrast ? "#000000" : "#FFFFFF"
    readonly property color dark: highContrast ? "#000000" : "#2B211B"
    readonly property color darkInk: "#FFFFFF"
    readonly property color accent: highContrast ? "#00FFFF" : "#1F6F5C"
    readonly property color border: highContrast ? "#FFFFFF" : "#E2D6C6"
    readonly property color danger: highContrast ? "#FF8080" : "#B91C1C"
    readonly property color badgeNew: highContrast ? "#00FFFF" : "#1F6F5C"
    readonly property color badgeBest: highContrast ? "#FFE500" : "#C2410C"
    readonly property color focusRing: highContrast ? "#00FFFF" : "#2563EB"
    readonly property color disabled: highContrast ? "#000000" : "#E6DFD5"
    // Accessibility (docs/ACCESSIBILITY.md): every pair below is checked by tests/ui/test_a11y_contrast.py.
    readonly property color disabledInk: highContrast ? "#B3B3B3" : "#5C4F44"  // 10.0:1 / 6.0:1 on `disabled`
    readonly property color controlBorder: highContrast ? "#FFFFFF" : "#8A7968"  // a control's edge, >= 3:1
    readonly property color selected: highContrast ? "#FFE500" : "#2B211B"  // a chosen tab: stronger, never weaker
    readonly property color selectedInk: highContrast ? "#000000" : "#FFFFFF"
    readonly property color accentInk: highContrast ? "#000000" : "#FFFFFF"
    readonly property color dangerInk: highContrast ? "#000000" : "#FFFFFF"
    readonly property color scrim: "#99000000"

    // Sizes (pixels at scale 1.0). Touch targets are never under 44 px at scale 1.0.
    readonly property int touchMin: s(56)
    readonly property int gap: s(16)
    readonly property int gapSmall: s(8)
    readonly property int gapLarge: s(28)
    readonly property int radius: s(18)
    readonly property int radiusSmall: s(10)
    readonly property int focusWidth: Math.max(3, s(4))
    readonly property int topBar: s(84)
    readonly property int bottomBar: s(128)
    readonly property int cardWidth: s(300)
    readonly property int tabHeight: s(64)
    property int toastMs: 4000  // a short message shows this long (twice as long in easy mode)

    readonly property int fontSmall: s(20)
    readonly property int fontBody: s(24)
    readonly property int fontLarge: s(30)
    readonly property int fontTitle: s(44)
    readonly property int fontHuge: s(72)
    readonly property int fontOrderNumber: s(220)

    // Korean in Nanum Square; Chinese and Japanese in Noto Sans CJK (right glyph shapes per language).
    readonly property string fontFamily: language === "zh" ? "Noto Sans CJK SC"
                                        : language === "ja" ? "Noto Sans CJK JP" : "NanumSquare"
}
