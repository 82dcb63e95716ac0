"""An ESC/POS interpreter for the subset our renderer emits (DESIGN section 7): text lines (double-byte
runs decoded as cp949), raster images, QR codes, cuts and drawer kicks, plus page images.

It is fed bytes in any chunks (as they come off a socket or a pty) and keeps partial commands until
the rest arrives. `DLE EOT n` is answered through `status_reply`, like a printer's real-time status.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import qrcode
from PIL import Image, ImageDraw

from hardware.printer.korean import LINE_DOTS, font
from kiosk.text import display_width

ESC, GS, FS, DLE, LF = 0x1B, 0x1D, 0x1C, 0x10, 0x0A
LINE_PITCH = 30  # dots per text line at the default line spacing
_ONE_PARAM_ESC = {ord(c) for c in "!EatRMG-{V3J c"} - {ord(" ")}
_ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}


@dataclass(frozen=True, slots=True)
class TextLine:
    text: str
    align: str = "left"
    bold: bool = False
    width: int = 1
    height: int = 1
    raw: bytes = b""


@dataclass(frozen=True, slots=True)
class RasterBlock:
    image: Image.Image  # mode "1", black (0) = printed


@dataclass(frozen=True, slots=True)
class QrBlock:
    content: str
    module_size: int
    align: str


Item = TextLine | RasterBlock | QrBlock


@dataclass
class Page:
    """What came out between two cuts."""

    items: list[Item] = field(default_factory=list)
    cut: bool = False
    torn: bool = False  # the connection dropped before the cut (staff tear it off)
    drawer_kicks: int = 0

    @property
    def text_lines(self) -> list[str]:
        return [i.text for i in self.items if isinstance(i, TextLine)]

    @property
    def rasters(self) -> list[Image.Image]:
        return [i.image for i in self.items if isinstance(i, RasterBlock)]

    @property
    def qr_contents(self) -> list[str]:
        return [i.content for i in self.items if isinstance(i, QrBlock)]

    def text(self) -> str:
        return "\n".join(self.text_lines)

    def is_empty(self) -> bool:
        return not self.items and not self.drawer_kicks

    def image(self, dots: int = 576) -> Image.Image:
        """The page as the paper would look (grey-scale; text in the Korean font)."""
        heights = [_item_height(i) for i in self.items]
        img = Image.new("L", (dots, max(LINE_PITCH, sum(heights) + 2 * LINE_PITCH)), 255)
        y = LINE_PITCH // 2
        for item, h in zip(self.items, heights, strict=True):
            if isinstance(item, TextLine):
                _draw_text(img, item, y, dots)
            elif isinstance(item, RasterBlock):
                img.paste(item.image.convert("L"), (0, y))
            else:
                qr = _qr_image(item.content, item.module_size)
                x = {"left": 0, "center": (dots - qr.width) // 2, "right": dots - qr.width}[item.align]
                img.paste(qr, (max(0, x), y))
            y += h
        return img


def _item_height(item: Item) -> int:
    if isinstance(item, TextLine):
        return LINE_PITCH * item.height
    if isinstance(item, RasterBlock):
        return item.image.height
    return _qr_image(item.content, item.module_size).height


def _qr_image(content: str, module_size: int) -> Image.Image:
    code = qrcode.QRCode(box_size=max(1, module_size), border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(content.encode("utf-8"))
    code.make(fit=True)
    img: Image.Image = code.make_image().get_image()
    return img.convert("L")


def _draw_text(img: Image.Image, line: TextLine, y: int, dots: int) -> None:
    col = 12
    w = display_width(line.text) * col
    strip = Image.new("L", (max(1, w), LINE_DOTS), 255)
    draw = ImageDraw.Draw(strip)
    f = font(22, line.bold)
    x = 0
    for ch in line.text:
        draw.text((x, 0), ch, font=f, fill=0)
        x += display_width(ch) * col
    if line.width > 1 or line.height > 1:
        strip = strip.resize((strip.width * line.width, strip.height * line.height))
    sx = {"left": 0, "center": (dots - strip.width) // 2, "right": dots - strip.width}.get(line.align, 0)
    img.paste(strip, (max(0, sx), y + (LINE_PITCH * line.height - strip.height) // 2))


class Interpreter:
    """Feed bytes; finished pages go to `on_page`. `printing` False discards what would be printed
    (a printer out of paper or offline), while commands are still parsed to stay in step."""

    def __init__(
        self,
        on_page: Callable[[Page], None] | None = None,
        status_reply: Callable[[int], bytes | None] | None = None,
    ) -> None:
        self._buf = bytearray()
        self._on_page = on_page
        self._status_reply = status_reply
        self.printing = True
        self.kicks = 0
        self.unknown: list[int] = []
        self.discarded_lines = 0
        self._reset()
        self.page = Page()
        self._qr_data = b""
        self._qr_size = 3

    def _reset(self) -> None:
        self.align = "left"
        self.bold = False
        self.width = 1
        self.height = 1
        self.kanji = False
        self.charset = 0
        self._line = bytearray()

    # --- output ---------------------------------------------------------------------------------------
    def _emit(self, item: Item) -> None:
        if self.printing:
            self.page.items.append(item)
        else:
            self.discarded_lines += 1

    def _flush_line(self, force: bool = True) -> None:
        if not self._line and not force:
            return
        raw = bytes(self._line)
        self._line = bytearray()
        self._emit(TextLine(decode_line(raw), self.align, self.bold, self.width, self.height, raw))

    def _cut(self) -> None:
        if self._line:
            self._flush_line()
        self.page.cut = True
        self._finish_page()

    def _finish_page(self) -> None:
        page, self.page = self.page, Page()
        if not page.is_empty() and self._on_page is not None:
            self._on_page(page)

    def connection_closed(self) -> None:
        """The host went away mid-job: what was printed so far comes out as a torn page."""
        if self._line:
            self._flush_line()
        self._buf.clear()
        if not self.page.is_empty():
            self.page.torn = True
            self._finish_page()

    # --- input ----------------------------------------------------------------------------------------
    def feed(self, data: bytes) -> bytes:
        """Process bytes; returns the printer's replies (status bytes)."""
        self._buf += data
        replies = bytearray()
        pos = 0
        buf = self._buf
        while pos < len(buf):
            used = self._step(buf, pos, replies)
            if used == 0:  # incomplete command: wait for more bytes
                break
            pos += used
        del buf[:pos]
        return bytes(replies)

    def _step(self, b: bytearray, i: int, replies: bytearray) -> int:
        c = b[i]
        n = len(b) - i
        if c == LF:
            self._flush_line()
            return 1
        if c == 0x0D:
            return 1
        if c == DLE:
            if n < 3:
                return 0
            if b[i + 1] == 0x04 and self._status_reply is not None:
                reply = self._status_reply(b[i + 2])
                if reply:
                    replies += reply
            return 3
        if c == ESC:
            return self._esc(b, i, n)
        if c == GS:
            return self._gs(b, i, n)
        if c == FS:
            if n < 2:
                return 0
            if b[i + 1] == ord("&"):
                self.kanji = True
            elif b[i + 1] == ord("."):
                self.kanji = False
            else:
                self.unknown.append(b[i + 1])
            return 2
        if self.kanji and c >= 0xA1:
            if n < 2:
                return 0
            self._line += b[i : i + 2]
            return 2
        self._line.append(c)
        return 1

    def _esc(self, b: bytearray, i: int, n: int) -> int:
        if n < 2:
            return 0
        op = b[i + 1]
        if op == ord("@"):
            self._reset()
            return 2
        if op == ord("2"):
            return 2
        if op == ord("p"):
            if n < 5:
                return 0
            self.kicks += 1  # every ESC p, printed page or not (the drawer opens either way)
            if self.printing:
                self.page.drawer_kicks += 1
            return 5
        if op == ord("d"):
            if n < 3:
                return 0
            if self._line:
                self._flush_line()
            for _ in range(b[i + 2]):
                self._emit(TextLine("", self.align))
            return 3
        if op in _ONE_PARAM_ESC:
            if n < 3:
                return 0
            v = b[i + 2]
            if op == ord("!"):
                self.bold = bool(v & 0x08)
                self.height = 2 if v & 0x10 else 1
                self.width = 2 if v & 0x20 else 1
            elif op == ord("E"):
                self.bold = bool(v & 1)
            elif op == ord("a"):
                self.align = _ALIGN.get(v, "left")
            elif op == ord("R"):
                self.charset = v
            return 3
        self.unknown.append(op)
        return 2

    def _gs(self, b: bytearray, i: int, n: int) -> int:
        if n < 2:
            return 0
        op = b[i + 1]
        if op == ord("!"):
            if n < 3:
                return 0
            self.width = (b[i + 2] >> 4) + 1
            self.height = (b[i + 2] & 0x0F) + 1
            return 3
        if op in (ord("B"), ord("b")):
            return 3 if n >= 3 else 0
        if op == ord("V"):
            if n < 3:
                return 0
            m = b[i + 2]
            size = 4 if m in (65, 66, 97, 98, 103, 104) else 3
            if n < size:
                return 0
            self._cut()
            return size
        if op == ord("("):
            if n < 5:
                return 0
            length = b[i + 3] | (b[i + 4] << 8)
            if n < 5 + length:
                return 0
            if b[i + 2] == ord("k"):
                self._qr_command(bytes(b[i + 5 : i + 5 + length]))
            return 5 + length
        if op == ord("v"):
            if n < 8:
                return 0
            xb = b[i + 4] | (b[i + 5] << 8)
            y = b[i + 6] | (b[i + 7] << 8)
            size = 8 + xb * y
            if n < size:
                return 0
            if self._line:
                self._flush_line()
            data = bytes(b[i + 8 : i + size])
            img = Image.frombytes("1", (xb * 8, y), data)
            # ESC/POS: bit 1 = printed (black); PIL mode "1": bit 1 = white. Invert.
            img = Image.eval(img.convert("L"), lambda px: 255 - px).convert("1")
            self._emit(RasterBlock(img))
            return size
        self.unknown.append(op)
        return 2

    def _qr_command(self, payload: bytes) -> None:
        if len(payload) < 2 or payload[0] != 49:
            return
        fn = payload[1]
        if fn == 67 and len(payload) >= 3:
            self._qr_size = payload[2]
        elif fn == 80:
            self._qr_data = payload[3:]
        elif fn == 81:
            if self._line:
                self._flush_line()
            self._emit(QrBlock(self._qr_data.decode("utf-8", "replace"), self._qr_size, self.align))


def decode_line(raw: bytes) -> str:
    """A text line's bytes as text: FS &/FS . already stripped, so double-byte pairs are >= 0xA1."""
    out = []
    i = 0
    while i < len(raw):
        c = raw[i]
        if c >= 0xA1 and i + 1 < len(raw):
            out.append(raw[i : i + 2].decode("cp949", "replace"))
            i += 2
        else:
            out.append(chr(c) if c < 0x80 else "\ufffd")
            i += 1
    return "".join(out)
