// Keypad focus inside a scrolling view: scroll just enough for the focused item to show whole.
.pragma library

function reveal(item) {
    let view = item.parent
    while (view && !(view.contentItem !== undefined && view.contentY !== undefined && view.flickableDirection !== undefined))
        view = view.parent
    if (!view || !view.contentItem)
        return
    const r = item.mapToItem(view.contentItem, 0, 0, item.width, item.height)
    const maxY = Math.max(0, view.contentHeight - view.height)
    const maxX = Math.max(0, view.contentWidth - view.width)
    if (r.y < view.contentY) view.contentY = Math.max(0, r.y)
    else if (r.y + r.height > view.contentY + view.height) view.contentY = Math.min(maxY, r.y + r.height - view.height)
    if (r.x < view.contentX) view.contentX = Math.max(0, r.x)
    else if (r.x + r.width > view.contentX + view.width) view.contentX = Math.min(maxX, r.x + r.width - view.width)
}
