// Flat pictograms drawn in code (no image files to go missing): dine-in, take-out, card terminal,
// phone with QR, phone with barcode. They tell what to do without words.
import QtQuick

Canvas {
    id: canvas
    property string kind: "dine_in"
    property real size: Theme.s(160)
    property color ink: Theme.primary
    property color paper: Theme.surface
    width: Math.max(0, size)  // a squeezed card can ask for less than nothing
    height: Math.max(0, size)
    onKindChanged: requestPaint()
    onInkChanged: requestPaint()
    onWidthChanged: requestPaint()
    Accessible.ignored: true

    function roundRect(ctx, x, y, w, h, r) {
        ctx.beginPath()
        ctx.moveTo(x + r, y)
        ctx.arcTo(x + w, y, x + w, y + h, r)
        ctx.arcTo(x + w, y + h, x, y + h, r)
        ctx.arcTo(x, y + h, x, y, r)
        ctx.arcTo(x, y, x + w, y, r)
        ctx.closePath()
    }

    onPaint: {
        const ctx = getContext("2d")
        const s = width
        ctx.reset()
        ctx.lineWidth = s * 0.045
        ctx.strokeStyle = ink
        ctx.fillStyle = ink
        ctx.lineJoin = "round"
        ctx.lineCap = "round"
        if (kind === "dine_in") {
            // a cup on a saucer with steam
            roundRect(ctx, s * 0.22, s * 0.38, s * 0.44, s * 0.36, s * 0.08); ctx.stroke()
            ctx.beginPath(); ctx.arc(s * 0.70, s * 0.52, s * 0.08, -Math.PI / 2, Math.PI / 2); ctx.stroke()
            ctx.beginPath(); ctx.moveTo(s * 0.12, s * 0.84); ctx.lineTo(s * 0.88, s * 0.84); ctx.stroke()
            for (let i = 0; i < 3; ++i) {
                const x = s * (0.32 + i * 0.12)
                ctx.beginPath(); ctx.moveTo(x, s * 0.30)
                ctx.bezierCurveTo(x - s * 0.05, s * 0.24, x + s * 0.05, s * 0.18, x, s * 0.12); ctx.stroke()
            }
        } else if (kind === "take_out") {
            // a paper bag with handles
            roundRect(ctx, s * 0.20, s * 0.34, s * 0.60, s * 0.54, s * 0.05); ctx.stroke()
            ctx.beginPath(); ctx.arc(s * 0.5, s * 0.34, s * 0.16, Math.PI, 0); ctx.stroke()
            ctx.beginPath(); ctx.moveTo(s * 0.36, s * 0.58); ctx.lineTo(s * 0.64, s * 0.58); ctx.stroke()
        } else if (kind === "card") {
            // a card terminal with a card going in, and contactless waves
            roundRect(ctx, s * 0.26, s * 0.30, s * 0.48, s * 0.62, s * 0.07); ctx.stroke()
            roundRect(ctx, s * 0.34, s * 0.40, s * 0.32, s * 0.16, s * 0.03); ctx.stroke()
            for (let r = 0; r < 3; ++r)
                for (let c = 0; c < 3; ++c) {
                    ctx.beginPath(); ctx.arc(s * (0.38 + c * 0.12), s * (0.66 + r * 0.075), s * 0.022, 0, 2 * Math.PI); ctx.fill()
                }
            roundRect(ctx, s * 0.36, s * 0.04, s * 0.28, s * 0.30, s * 0.03); ctx.fillStyle = Theme.accent; ctx.fill()
            ctx.fillStyle = "#F2C14E"; ctx.fillRect(s * 0.41, s * 0.10, s * 0.08, s * 0.06)
            ctx.strokeStyle = Theme.accent
            for (let w = 1; w <= 2; ++w) {
                ctx.beginPath(); ctx.arc(s * 0.74, s * 0.18, s * 0.07 * w, -Math.PI / 3, Math.PI / 3); ctx.stroke()
            }
        } else if (kind === "scan_qr" || kind === "show_barcode") {
            // a phone; with a QR on the kiosk (scan) or a barcode on its screen (show)
            roundRect(ctx, s * 0.30, s * 0.08, s * 0.40, s * 0.84, s * 0.07); ctx.stroke()
            ctx.beginPath(); ctx.moveTo(s * 0.45, s * 0.84); ctx.lineTo(s * 0.55, s * 0.84); ctx.stroke()
            if (kind === "show_barcode") {
                const bars = [2, 1, 3, 1, 2, 2, 1, 3, 1, 2, 1]
                let x = s * 0.36
                for (let i = 0; i < bars.length; ++i) {
                    if (i % 2 === 0) ctx.fillRect(x, s * 0.36, s * 0.012 * bars[i], s * 0.24)
                    x += s * 0.012 * bars[i] + s * 0.01
                }
                ctx.strokeStyle = "#E11D48"; ctx.lineWidth = s * 0.02
                ctx.beginPath(); ctx.moveTo(s * 0.12, s * 0.48); ctx.lineTo(s * 0.88, s * 0.48); ctx.stroke()
            } else {
                for (const [qx, qy] of [[0.37, 0.30], [0.53, 0.30], [0.37, 0.46]]) {
                    ctx.strokeRect(s * qx, s * qy, s * 0.10, s * 0.10)
                }
                ctx.fillRect(s * 0.55, s * 0.48, s * 0.04, s * 0.04)
                ctx.fillRect(s * 0.59, s * 0.52, s * 0.04, s * 0.04)
            }
        } else {
            // processing: three dots
            for (let i = 0; i < 3; ++i) {
                ctx.beginPath(); ctx.arc(s * (0.3 + i * 0.2), s * 0.5, s * 0.06, 0, 2 * Math.PI); ctx.fill()
            }
        }
    }
}
