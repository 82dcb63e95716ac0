"""The one renderer: a `Document` to ESC/POS bytes, for real printers and the simulator alike.

python-escpos builds the commands (init, styles, images, QR, cut), but Korean never goes through its
`text()` (it turns Hangul into `?` and Hanja into GB18030). On a KS X 1001 printer a line whose
characters are all in KS X 1001 is sent raw between `FS &` and `FS .` (after `ESC R 13`); any other
line (똠, 햏, 뷁, or any Korean on a non-Korean printer) becomes a 1-bit image sent with `GS v 0`.
The decision is per line because ESC/POS cannot put an image inside a text line.

Bytes matter on a 9,600 baud serial printer (about 1 kB a second): the style is one `ESC ! n` (bold,
double width and height in one byte) and one `ESC a n`, each sent only when it changes, not the five
commands python-escpos's `set()` sends before every line. Raster lines and QR codes do not depend on
the text style, so they change nothing.
"""

from __future__ import annotations

import io

import qrcode
from escpos.printer import Dummy
from PIL import Image

from hardware.printer.korean import ksx1001_bytes, natively_printable, raster_line
from hardware.printer.profiles import PrinterProfile
from kiosk.receipts.document import (
    Align,
    Barcode,
    Columns,
    Cut,
    Document,
    DrawerKick,
    Feed,
    QrCode,
    Rule,
    Text,
    columns_line,
)
from kiosk.text import display_width, truncate

ESC_R_KOREA = b"\x1bR\x0d"
FS_KANJI_ON = b"\x1c&"
FS_KANJI_OFF = b"\x1c."
DRAWER_KICK = b"\x1bp\x00\x32\x32"  # ESC p 0 50 50: pin 2, 100 ms on, 100 ms off
LF = b"\n"
# python-escpos only needs a profile for its image width check and cut capability; the TM-T20II entry
# has 576 dots and a full cut, which covers every profile of ours.
_ESCPOS_PROFILE = "TM-T20II"


def encode_native(text: str) -> bytes:
    """ASCII as single bytes, KS X 1001 runs as double bytes between FS & and FS . (caller checked)."""
    out = bytearray()
    in_kanji = False
    for ch in text:
        code = ksx1001_bytes(ch) if ord(ch) > 0x7E else None
        if code is not None:
            if not in_kanji:
                out += FS_KANJI_ON
                in_kanji = True
            out += code
        else:
            if in_kanji:
                out += FS_KANJI_OFF
                in_kanji = False
            out += ch.encode("ascii")
    if in_kanji:
        out += FS_KANJI_OFF
    return bytes(out)


ESC_MODE = b"\x1b!"  # ESC ! n: bit 3 emphasized (bold), bit 4 double height, bit 5 double width
ESC_ALIGN = b"\x1ba"  # ESC a n: 0 left, 1 centre, 2 right
_ALIGN_CODE = {Align.LEFT: 0, Align.CENTER: 1, Align.RIGHT: 2}


class _Style:
    """The printer's current text style, so that a command is sent only when the style changes."""

    def __init__(self) -> None:
        self.mode = 0  # after ESC @
        self.align = 0

    def set(self, p: Dummy, align: Align, bold: bool, size: int) -> None:
        mode = (0x08 if bold else 0) | (0x30 if size == 2 else 0)
        code = _ALIGN_CODE[align]
        out = b""
        if mode != self.mode:
            out += ESC_MODE + bytes([mode])
            self.mode = mode
        if code != self.align:
            out += ESC_ALIGN + bytes([code])
            self.align = code
        if out:
            p._raw(out)


class _Job(Dummy):  # type: ignore[misc]
    """One render's output buffer and the style the printer is in at its end."""

    def __init__(self) -> None:
        super().__init__(profile=_ESCPOS_PROFILE)
        self.style = _Style()


class Renderer:
    """Renders documents for one printer profile (thread-safe: each render has its own state)."""

    def __init__(self, profile: PrinterProfile) -> None:
        self.profile = profile

    def render(self, document: Document) -> bytes:
        p = _Job()
        p.hw("INIT")
        if self.profile.korean_native:
            p._raw(ESC_R_KOREA)
        for block in document.blocks:
            if isinstance(block, Text):
                self._text(p, block)
            elif isinstance(block, Columns):
                self._columns(p, block)
            elif isinstance(block, Rule):
                self._style(p, Align.LEFT, False, 1)
                p._raw((block.char[:1] or "-").encode("ascii", "replace") * self.profile.columns + LF)
            elif isinstance(block, Feed):
                p._raw(b"\x1bd" + bytes([max(0, min(255, block.lines))]))
            elif isinstance(block, QrCode):
                self._qr(p, block)
            elif isinstance(block, Barcode):
                p._raw(LF)
                self._image(p, barcode_image(block.content, block.height, self.profile.dots))
            elif isinstance(block, Cut):
                if self.profile.cutter:
                    p.cut()
                else:
                    p._raw(b"\x1bd\x04")
            elif isinstance(block, DrawerKick) and self.profile.drawer:
                p._raw(DRAWER_KICK)
        out: bytes = p.output
        return out

    def _style(self, p: _Job, align: Align, bold: bool, size: int) -> None:
        p.style.set(p, align, bold, size)

    def _native(self, text: str) -> bool:
        return natively_printable(text, self.profile.korean_native)

    def _text(self, p: _Job, block: Text) -> None:
        size = max(1, min(2, block.size))
        text = truncate(block.text, self.profile.columns // size)
        if self._native(text):
            self._style(p, block.align, block.bold, size)
            p._raw(encode_native(text) + LF)
        else:
            self._image(p, raster_line(self.profile.dots, text, align=block.align.value, bold=block.bold, scale=size))

    def _columns(self, p: _Job, block: Columns) -> None:
        lines = columns_line(block.left, block.right, self.profile.columns)
        if self._native(block.left + block.right):
            self._style(p, Align.LEFT, block.bold, 1)
            for line in lines:
                p._raw(encode_native(line) + LF)
            return
        if len(lines) == 1:
            self._image(p, raster_line(self.profile.dots, block.left, block.right, bold=block.bold))
        else:
            room = self.profile.columns - display_width(block.right) - 1
            self._image(p, raster_line(self.profile.dots, truncate(block.left, room), block.right, bold=block.bold))

    def _image(self, p: _Job, img: Image.Image) -> None:
        p.image(img.convert("RGB"), impl="bitImageRaster", high_density_vertical=True, high_density_horizontal=True)

    def _qr(self, p: _Job, block: QrCode) -> None:
        if self.profile.native_qr:
            self._style(p, Align.CENTER, False, 1)
            p.qr(block.content, native=True, size=max(1, min(16, block.module_size)))
            p._raw(LF)
            return
        p._raw(LF)
        self._image(p, qr_image(block.content, block.module_size, self.profile.dots))


def qr_image(content: str, module_size: int, width_dots: int) -> Image.Image:
    """A QR with a 4-module quiet zone, centred on a full-width 1-bit canvas."""
    code = qrcode.QRCode(box_size=module_size, border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(content.encode("utf-8"))
    code.make(fit=True)
    buf = io.BytesIO()
    code.make_image().save(buf, format="PNG")
    buf.seek(0)
    img = Image.open(buf).convert("1")
    if img.width > width_dots:
        img = img.resize((width_dots, width_dots))
    canvas = Image.new("1", (width_dots, img.height), 1)
    canvas.paste(img, ((width_dots - img.width) // 2, 0))
    return canvas


def barcode_image(content: str, height: int, width_dots: int) -> Image.Image:
    """A Code 128 barcode as a 1-bit raster (every printer prints it the same way, and the simulator's page
    shows it), with a 10-module quiet zone each side, centred on a full-width canvas."""
    import barcode  # type: ignore[import-untyped]  # python-barcode, a dependency of python-escpos

    modules = "".join(barcode.get("code128", content).build())
    quiet = 10
    module = max(1, min(3, width_dots // (len(modules) + 2 * quiet)))
    canvas = Image.new("1", (width_dots, max(16, height)), 1)
    left = (width_dots - module * (len(modules) + 2 * quiet)) // 2 + quiet * module
    for i, bit in enumerate(modules):
        if bit == "1":
            x = left + i * module
            canvas.paste(0, (x, 0, x + module, canvas.height))
    return canvas
