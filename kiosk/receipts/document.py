"""The printable document model: a sequence of blocks that one renderer turns into ESC/POS bytes.

Blocks are width-independent (columns and dots are the printer profile's business), so the same
document prints on 58 mm and 80 mm paper and can be shown on screen with `plain_text`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.text import display_width, pad_left, pad_right, truncate


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class DocumentKind(StrEnum):
    RECEIPT = "receipt"
    KITCHEN = "kitchen"
    TEST_PAGE = "test_page"


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text. `size` 2 is double width and height (the order number)."""

    text: str
    align: Align = Align.LEFT
    bold: bool = False
    size: int = 1


@dataclass(frozen=True, slots=True)
class Columns:
    """A left text and a right-aligned text (an amount) on one line, aligned by display columns."""

    left: str
    right: str
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True, slots=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True, slots=True)
class QrCode:
    content: str
    module_size: int = 6


@dataclass(frozen=True, slots=True)
class Barcode:
    """A Code 128 barcode of ASCII `content` (the installer's test page: the scanner check scans it)."""

    content: str
    height: int = 80  # dots


@dataclass(frozen=True, slots=True)
class Cut:
    pass


@dataclass(frozen=True, slots=True)
class DrawerKick:
    pass


Block = Text | Columns | Rule | Feed | QrCode | Barcode | Cut | DrawerKick


@dataclass(frozen=True, slots=True)
class Document:
    kind: DocumentKind
    blocks: tuple[Block, ...]
    qr_content: str = ""  # the receipt's QR (also shown on screen when printing failed)


def columns_line(left: str, right: str, width: int) -> list[str]:
    """`left ... right` in `width` display columns; a left part too long for one line wraps the
    amount onto its own line, so an amount is never cut."""
    gap = width - display_width(left) - display_width(right)
    if gap >= 1:
        return [left + " " * gap + right]
    return [truncate(left, width), pad_left(right, width)]


def plain_text(document: Document, width: int = 32) -> str:
    """The document as monospaced text (the result screen shows this when the printer failed)."""
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Text):
            cols = width // block.size
            text = truncate(block.text, cols)
            if block.align is Align.CENTER:
                text = " " * ((cols - display_width(text)) // 2) + text
            elif block.align is Align.RIGHT:
                text = pad_left(text, cols)
            out.append(text.rstrip())
        elif isinstance(block, Columns):
            out.extend(columns_line(block.left, block.right, width))
        elif isinstance(block, Rule):
            out.append(block.char * width)
        elif isinstance(block, Feed):
            out.extend([""] * block.lines)
        elif isinstance(block, QrCode):
            out.append(pad_right("[QR]", width).rstrip())
        elif isinstance(block, Barcode):
            out.append(f"[{block.content}]")
    return "\n".join(out)
