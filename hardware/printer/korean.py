"""Korean on ESC/POS: which characters the printer's KS X 1001 font has, and the raster fallback.

KS X 1001 has only 2,350 precomposed syllables. cp949 (Microsoft's superset) encodes all 11,172, but
the extra ones use lead / trail bytes below 0xA1 that a KS X 1001 printer prints as garbage. So a
character is native only if its cp949 bytes are all >= 0xA1 (or it is printable ASCII).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = (
    Path(__file__).resolve().parents[2] / "assets" / "fonts" / "NanumGothic.ttf",
    Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
)
BOLD_CANDIDATES = (
    Path(__file__).resolve().parents[2] / "assets" / "fonts" / "NanumGothicBold.ttf",
    Path("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"),
)
LINE_DOTS = 24  # font A height; raster lines match it so mixed receipts keep their rhythm


class FontMissing(RuntimeError):
    pass


def is_ascii_printable(ch: str) -> bool:
    return " " <= ch <= "~"


def ksx1001_bytes(ch: str) -> bytes | None:
    """The double-byte code of `ch` if the KS X 1001 font has it, else None."""
    try:
        raw = ch.encode("cp949")
    except UnicodeEncodeError:
        return None
    if len(raw) == 2 and raw[0] >= 0xA1 and raw[1] >= 0xA1:
        return raw
    return None


def natively_printable(text: str, korean_native: bool) -> bool:
    return all(is_ascii_printable(c) or (korean_native and ksx1001_bytes(c) is not None) for c in text)


@lru_cache(maxsize=8)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    for path in BOLD_CANDIDATES if bold else FONT_CANDIDATES:
        if path.exists():
            return ImageFont.truetype(str(path), size)
    if bold:
        return font(size, False)
    raise FontMissing(
        "Korean font NanumGothic.ttf not found; install fonts-nanum (apt-get install fonts-nanum) "
        "or copy it to assets/fonts/"
    )


def raster_line(
    width_dots: int,
    left: str,
    right: str = "",
    *,
    align: str = "left",
    bold: bool = False,
    scale: int = 1,
) -> Image.Image:
    """One text line as a 1-bit image `width_dots` wide (black = printed): `left` placed by `align`,
    `right` (an amount) flush right."""
    height = LINE_DOTS * scale
    f = font(22 * scale, bold)
    img = Image.new("1", (width_dots, height), 1)
    draw = ImageDraw.Draw(img)
    y = (height - 22 * scale) // 2 - 1
    text_w = int(draw.textlength(left, font=f))
    if align == "center":
        x = max(0, (width_dots - text_w) // 2)
    elif align == "right":
        x = max(0, width_dots - text_w)
    else:
        x = 0
    draw.text((x, y), left, font=f, fill=0)
    if right:
        rw = int(draw.textlength(right, font=f))
        draw.text((width_dots - rw, y), right, font=f, fill=0)
    return img
