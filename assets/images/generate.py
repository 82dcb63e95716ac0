"""Draws the demo menu's illustrations (flat, one consistent style) into assets/images/<item>.png.

Run: .venv/bin/python assets/images/generate.py — our own work, see LICENSE.md in this folder.
Drawn at 3x and scaled down for smooth edges; 400x400 PNGs with a transparent background.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
CATALOG = HERE.parent / "demo" / "catalog.json"
S = 1200  # drawing size; saved at 400
OUT = 400

Draw = ImageDraw.ImageDraw
RGB = tuple[int, int, int]


def hexc(h: str) -> RGB:
    h = h.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def shade(c: RGB, f: float) -> RGB:
    return tuple(max(0, min(255, int(v * f))) for v in c)  # type: ignore[return-value]


def backdrop(d: Draw, color: str) -> None:
    d.ellipse((90, 90, S - 90, S - 90), fill=hexc(color))


def shadow(img: Image.Image, box: tuple[int, int, int, int]) -> None:
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    ImageDraw.Draw(layer).ellipse(box, fill=(60, 35, 20, 70))
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(18)))


# --- drinks ----------------------------------------------------------------------------------------


def mug(
    img: Image.Image, d: Draw, liquid: str, foam: str | None = None, cup: str = "#FFFFFF", art: bool = False
) -> None:
    shadow(img, (300, 880, 900, 980))
    d.ellipse((250, 860, 950, 960), fill=hexc("#E9E2D8"))  # saucer
    d.rounded_rectangle((330, 470, 830, 900), radius=110, fill=hexc(cup))
    d.ellipse((780, 560, 960, 760), outline=hexc(cup), width=48)  # handle
    d.ellipse((330, 400, 830, 540), fill=shade(hexc(cup), 0.92))
    d.ellipse((355, 415, 805, 525), fill=hexc(foam or liquid))
    if art:
        d.ellipse((500, 435, 640, 505), fill=hexc(liquid))
        d.ellipse((535, 450, 605, 490), fill=hexc(foam or "#FFFFFF"))
    for x in (470, 580, 690):  # steam
        pts = [(x + 25 * math.sin(t / 8), 360 - t * 6) for t in range(0, 40)]
        d.line(pts, fill=(255, 255, 255, 200), width=22, joint="curve")


def glass(
    img: Image.Image,
    d: Draw,
    layers: list[tuple[str, float]],
    ice: bool = True,
    straw: str = "#2F6B57",
    top: str | None = None,
) -> None:
    shadow(img, (350, 930, 850, 1010))
    x0, x1, y0, y1 = 380, 820, 330, 960
    glass_col = (255, 255, 255, 150)
    d.polygon([(x0, y0), (x1, y0), (x1 - 50, y1), (x0 + 50, y1)], fill=glass_col)
    top_y = y0 + 80
    total = sum(f for _, f in layers)
    y = y1 - 20
    for color, frac in layers:
        h = (y1 - 20 - top_y) * frac / total
        ya, yb = y - h, y
        da = (ya - y0) / (y1 - y0) * 50
        db = (yb - y0) / (y1 - y0) * 50
        d.polygon([(x0 + 18 + da, ya), (x1 - 18 - da, ya), (x1 - 18 - db, yb), (x0 + 18 + db, yb)], fill=hexc(color))
        y = ya
    if top:
        d.ellipse((x0 - 10, top_y - 140, x1 + 10, top_y + 60), fill=hexc(top))
    if ice:
        rnd = random.Random(layers[0][0])
        for _ in range(4):
            cx, cy = rnd.randint(450, 700), rnd.randint(int(top_y) + 40, int(top_y) + 260)
            d.rounded_rectangle(
                (cx, cy, cx + 110, cy + 110),
                radius=22,
                fill=(255, 255, 255, 120),
                outline=(255, 255, 255, 200),
                width=8,
            )
    d.line([(660, y0 - 170), (600, y1 - 120)], fill=hexc(straw), width=42)
    d.rectangle((x0 - 6, y0 - 6, x1 + 6, y0 + 14), fill=(255, 255, 255, 220))


def teacup(img: Image.Image, d: Draw, liquid: str, garnish: str | None = None) -> None:
    shadow(img, (280, 860, 920, 960))
    d.ellipse((230, 830, 970, 950), fill=hexc("#E9E2D8"))
    d.chord((300, 380, 900, 900), 0, 180, fill=hexc("#FFFFFF"))
    d.ellipse((300, 560, 900, 700), fill=hexc("#F1ECE4"))
    d.ellipse((325, 575, 875, 685), fill=hexc(liquid))
    d.ellipse((850, 620, 1010, 780), outline=hexc("#FFFFFF"), width=40)
    if garnish:
        for cx in (520, 660):
            d.ellipse((cx - 45, 600, cx + 45, 660), fill=hexc(garnish))


def espresso(img: Image.Image, d: Draw) -> None:
    shadow(img, (380, 860, 820, 950))
    d.ellipse((330, 840, 870, 930), fill=hexc("#E9E2D8"))
    d.rounded_rectangle((430, 600, 770, 880), radius=80, fill=hexc("#FFFFFF"))
    d.ellipse((730, 650, 860, 790), outline=hexc("#FFFFFF"), width=34)
    d.ellipse((430, 550, 770, 650), fill=hexc("#F1ECE4"))
    d.ellipse((450, 562, 750, 640), fill=hexc("#B5733C"))


# --- food --------------------------------------------------------------------------------------------


def plate(img: Image.Image, d: Draw) -> None:
    shadow(img, (230, 820, 970, 960))
    d.ellipse((200, 700, 1000, 930), fill=hexc("#FFFFFF"))
    d.ellipse((270, 735, 930, 895), fill=hexc("#F3EEE6"))


def croissant(img: Image.Image, d: Draw) -> None:
    plate(img, d)
    col = hexc("#D99A4E")
    for i, (w, h) in enumerate([(200, 230), (230, 270), (260, 300), (230, 270), (200, 230)]):
        cx = 360 + i * 120
        cy = 640 - (30 if i == 2 else 0)
        d.ellipse(
            (cx - w // 2, cy - h // 2, cx + w // 2, cy + h // 2),
            fill=shade(col, 1 - 0.06 * abs(i - 2)),
            outline=shade(col, 0.75),
            width=10,
        )


def bun(img: Image.Image, d: Draw, color: str, top: str | None = None, salt: bool = False, ring: bool = False) -> None:
    plate(img, d)
    c = hexc(color)
    d.ellipse((310, 450, 890, 820), fill=c)
    d.ellipse((350, 470, 850, 720), fill=shade(c, 1.1))
    if ring:
        d.ellipse((520, 560, 680, 660), fill=hexc("#F3EEE6"))
    if top:
        d.ellipse((380, 480, 820, 640), fill=hexc(top))
    if salt:
        rnd = random.Random(1)
        for _ in range(40):
            x, y = rnd.randint(420, 780), rnd.randint(500, 640)
            d.rectangle((x, y, x + 12, y + 12), fill=(255, 255, 255))


def scone(img: Image.Image, d: Draw) -> None:
    plate(img, d)
    d.polygon([(340, 800), (600, 430), (860, 800)], fill=hexc("#D8A46A"))
    d.polygon([(400, 780), (600, 500), (800, 780)], fill=hexc("#E4B67E"))
    for x, y in ((560, 640), (650, 700), (520, 740)):
        d.ellipse((x, y, x + 40, y + 40), fill=hexc("#6B3B2A"))


def cake_slice(img: Image.Image, d: Draw, body: str, top: str, layers: str | None = None, berry: bool = False) -> None:
    plate(img, d)
    d.polygon([(300, 780), (900, 780), (900, 540), (420, 460)], fill=hexc(body))
    d.polygon([(300, 560), (900, 540), (420, 460)], fill=hexc(top))
    d.polygon([(300, 560), (300, 780), (420, 700)], fill=shade(hexc(body), 0.9))
    if layers:
        for y in (620, 700):
            d.line([(300, y), (900, y - 10)], fill=hexc(layers), width=26)
    if berry:
        d.ellipse((600, 400, 720, 510), fill=hexc("#C8102E"))


def macarons(img: Image.Image, d: Draw) -> None:
    plate(img, d)
    for i, col in enumerate(["#F4A6B8", "#B7D98B", "#F7D774", "#C4A7E7"]):
        cx, cy = 380 + i * 150, 620 - (i % 2) * 80
        c = hexc(col)
        d.ellipse((cx - 110, cy - 60, cx + 110, cy + 10), fill=c)
        d.rectangle((cx - 100, cy - 10, cx + 100, cy + 25), fill=hexc("#FFF7EA"))
        d.ellipse((cx - 110, cy + 10, cx + 110, cy + 80), fill=shade(c, 0.93))


def bowl(
    img: Image.Image, d: Draw, inside: Callable[[Draw], None], color: str = "#FFFFFF", rim: str = "#2F4858"
) -> None:
    shadow(img, (260, 860, 940, 980))
    d.ellipse((220, 430, 980, 650), fill=shade(hexc(color), 0.9))
    inside(d)
    d.chord((220, 160, 980, 940), 0, 180, fill=hexc(color))
    d.arc((220, 160, 980, 940), 10, 170, fill=hexc(rim), width=18)


def bingsu_inside(d: Draw) -> None:
    d.ellipse((260, 230, 940, 640), fill=hexc("#F7F1E8"))
    d.ellipse((330, 300, 870, 560), fill=hexc("#E3C48C"))
    for x, y in ((420, 330), (540, 300), (660, 340), (480, 420), (610, 420)):
        d.rounded_rectangle((x, y, x + 100, y + 80), radius=20, fill=hexc("#D9B779"), outline=hexc("#B98F4C"), width=8)


def tteokbokki_inside(d: Draw) -> None:
    d.ellipse((250, 450, 950, 630), fill=hexc("#D6381F"))
    for i in range(8):
        x = 310 + (i % 4) * 150
        y = 470 + (i // 4) * 70
        d.rounded_rectangle((x, y, x + 130, y + 46), radius=23, fill=hexc("#F0663C"), outline=hexc("#B52A13"), width=6)
    d.ellipse((600, 440, 720, 540), fill=hexc("#FFFFFF"))
    d.ellipse((635, 470, 685, 515), fill=hexc("#F6C23E"))


def ramyeon_inside(d: Draw) -> None:
    d.ellipse((250, 450, 950, 630), fill=hexc("#E06A2C"))
    for i in range(7):
        y = 470 + i * 20
        d.arc((300, y - 20, 900, y + 40), 0, 180, fill=hexc("#F5D07A"), width=12)
    d.ellipse((380, 460, 520, 560), fill=hexc("#FFFFFF"))
    d.ellipse((420, 490, 480, 540), fill=hexc("#F6C23E"))
    d.line([(640, 480), (780, 560)], fill=hexc("#3C8D3A"), width=24)


def gimbap(img: Image.Image, d: Draw) -> None:
    plate(img, d)
    for i in range(4):
        cx, cy = 370 + i * 150, 640 - (i % 2) * 60
        d.ellipse((cx - 95, cy - 95, cx + 95, cy + 95), fill=hexc("#1E2A22"))
        d.ellipse((cx - 78, cy - 78, cx + 78, cy + 78), fill=hexc("#FBF7EE"))
        d.ellipse((cx - 30, cy - 40, cx + 10, cy), fill=hexc("#F2C230"))
        d.ellipse((cx, cy - 20, cx + 40, cy + 20), fill=hexc("#3C8D3A"))
        d.ellipse((cx - 30, cy + 5, cx + 10, cy + 45), fill=hexc("#E37B3A"))


def fish_cake(img: Image.Image, d: Draw) -> None:
    plate(img, d)
    for i in range(2):
        x = 480 + i * 180
        d.line([(x, 300), (x, 820)], fill=hexc("#C8A977"), width=20)
        for j in range(3):
            y = 380 + j * 120
            d.rounded_rectangle(
                (x - 90, y, x + 90, y + 100), radius=40, fill=hexc("#E9B56F"), outline=hexc("#C48A45"), width=10
            )


def sandwich(img: Image.Image, d: Draw) -> None:
    plate(img, d)
    for k, (off, col) in enumerate(
        [(0, "#F4E2C0"), (40, "#F6D35B"), (70, "#E79AA0"), (100, "#6FB35B"), (130, "#F4E2C0")]
    ):
        y = 700 - off
        d.polygon(
            [(330, y + 60), (870, y + 60), (600, y - 200)],
            fill=hexc(col),
            outline=shade(hexc("#D4B483"), 1) if k in (0, 4) else None,
        )
    d.polygon([(330, 630), (870, 630), (600, 370)], outline=hexc("#C49A5E"), width=16)


def hotdog(img: Image.Image, d: Draw) -> None:
    plate(img, d)
    d.line([(600, 280), (600, 480)], fill=hexc("#C8A977"), width=24)
    d.rounded_rectangle((470, 420, 730, 860), radius=130, fill=hexc("#D98E3A"))
    d.rounded_rectangle((500, 450, 700, 830), radius=100, fill=hexc("#E9A94F"))
    for y in range(500, 800, 70):
        d.line([(520, y), (680, y + 30)], fill=hexc("#C8102E"), width=14)


def croffle(img: Image.Image, d: Draw) -> None:
    plate(img, d)
    d.rounded_rectangle((330, 440, 870, 800), radius=60, fill=hexc("#D99A4E"))
    for x in range(390, 860, 90):
        d.line([(x, 460), (x, 780)], fill=hexc("#B9772F"), width=18)
    for y in range(500, 790, 90):
        d.line([(350, y), (850, y)], fill=hexc("#B9772F"), width=18)
    d.ellipse((520, 380, 680, 520), fill=hexc("#FFFFFF"))


def beans(img: Image.Image, d: Draw) -> None:
    shadow(img, (330, 900, 870, 990))
    d.polygon([(370, 300), (830, 300), (880, 940), (320, 940)], fill=hexc("#3E2A20"))
    d.rectangle((370, 260, 830, 330), fill=hexc("#2B1D16"))
    d.rounded_rectangle((420, 520, 780, 760), radius=30, fill=hexc("#F2E6D0"))
    d.ellipse((540, 570, 660, 710), fill=hexc("#6B3B2A"))
    d.line([(600, 580), (600, 700)], fill=hexc("#F2E6D0"), width=12)


def milk(img: Image.Image, d: Draw) -> None:
    shadow(img, (380, 910, 820, 990))
    d.rectangle((420, 420, 780, 950), fill=hexc("#FFFFFF"))
    d.polygon([(420, 420), (600, 270), (780, 420)], fill=hexc("#E8EEF6"))
    d.rectangle((560, 230, 640, 290), fill=hexc("#2F6FB5"))
    d.rectangle((420, 560, 780, 760), fill=hexc("#2F6FB5"))
    d.ellipse((520, 600, 680, 720), fill=hexc("#FFFFFF"))


def eggs(img: Image.Image, d: Draw) -> None:
    shadow(img, (250, 860, 950, 960))
    d.rounded_rectangle((260, 600, 940, 880), radius=40, fill=hexc("#CDB79A"))
    for i in range(5):
        cx = 330 + i * 135
        d.ellipse((cx - 60, 480, cx + 60, 650), fill=hexc("#F7EBDD"))
        d.ellipse((cx - 60, 520, cx + 60, 690), fill=hexc("#E9D3B8"))


def rice_cake(img: Image.Image, d: Draw) -> None:
    plate(img, d)
    for i in range(3):
        y = 520 + i * 90
        d.rounded_rectangle((330, y, 870, y + 80), radius=40, fill=hexc("#FBF8F2"), outline=hexc("#E2DACB"), width=8)


def set_combo(img: Image.Image, d: Draw, food: Callable[[Image.Image, Draw], None], drink: str) -> None:
    food(img, d)
    small = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    glass(small, ImageDraw.Draw(small), [(drink, 1.0)], ice=True)
    small = small.resize((S // 2, S // 2), Image.Resampling.LANCZOS)
    img.alpha_composite(small, (S // 2 + 60, 80))


# --- the menu ----------------------------------------------------------------------------------------

Painter = Callable[[Image.Image, Draw], None]

PAINTERS: dict[str, tuple[str, Painter]] = {
    "americano": ("#E8D3BC", lambda i, d: glass(i, d, [("#3B2416", 1.0)])),
    "espresso": ("#E8D3BC", espresso),
    "cold_brew": ("#DCE6E0", lambda i, d: glass(i, d, [("#2A170D", 1.0)], straw="#1F1F1F")),
    "hazelnut_americano": ("#EAD6B9", lambda i, d: glass(i, d, [("#4A2B18", 1.0)], straw="#A56A2A")),
    "decaf_americano": ("#E3E0D5", lambda i, d: mug(i, d, "#4A2B18", cup="#DDE7E1")),
    "einspanner": ("#EFDCC6", lambda i, d: glass(i, d, [("#3B2416", 0.7), ("#FFF8EC", 0.3)], ice=False, top="#FFF8EC")),
    "dolce_cold_brew": ("#F0DFC8", lambda i, d: glass(i, d, [("#C99A6B", 0.4), ("#2A170D", 0.6)], straw="#1F1F1F")),
    "cafe_latte": ("#F1E2D0", lambda i, d: mug(i, d, "#A0663A", "#F2E1C9", art=True)),
    "vanilla_latte": ("#F6EBCF", lambda i, d: glass(i, d, [("#F4E7CF", 0.55), ("#B07A45", 0.45)])),
    "caramel_macchiato": ("#F2DCC0", lambda i, d: glass(i, d, [("#F4E7CF", 0.5), ("#9B5E2E", 0.5)], top="#D9973F")),
    "cafe_mocha": ("#E7D3C4", lambda i, d: mug(i, d, "#5A3322", "#FFFFFF", cup="#F4D9C6")),
    "cappuccino": ("#EFE2D2", lambda i, d: mug(i, d, "#8C5430", "#EFE3D3", cup="#2F4858", art=True)),
    "flat_white": ("#EDE3D5", lambda i, d: mug(i, d, "#7A4626", "#F0DCC1", art=True)),
    "sweet_potato_latte": ("#F4E0CF", lambda i, d: mug(i, d, "#C97B4F", "#E7A46B", cup="#F0E6DA")),
    "grain_latte": ("#EEE6D6", lambda i, d: glass(i, d, [("#D8C3A0", 1.0)], straw="#8B6B3F")),
    "green_tea_latte": ("#DDE9D4", lambda i, d: glass(i, d, [("#F1EEDF", 0.4), ("#7DA453", 0.6)])),
    "choco_latte": ("#EAD9CF", lambda i, d: mug(i, d, "#4A2A1E", "#6B3E2A", cup="#FFFFFF")),
    "strawberry_latte": ("#F8DDE2", lambda i, d: glass(i, d, [("#F7EFE8", 0.55), ("#E0475F", 0.45)], straw="#E0475F")),
    "yuja_tea": ("#FBEBC2", lambda i, d: teacup(i, d, "#F2B631", "#F6D36B")),
    "ginger_tea": ("#F3E4C8", lambda i, d: teacup(i, d, "#C98B3A", "#E9C27A")),
    "jujube_tea": ("#F0D9CF", lambda i, d: teacup(i, d, "#7E2E1F", "#B4473A")),
    "chamomile": ("#F6EFCB", lambda i, d: teacup(i, d, "#E5C453", "#FFFFFF")),
    "earl_grey": ("#E5E1EA", lambda i, d: teacup(i, d, "#8C4A24")),
    "omija_tea": ("#F6D9DD", lambda i, d: glass(i, d, [("#D2394F", 1.0)], straw="#FFFFFF")),
    "lemonade": ("#FBF1C4", lambda i, d: glass(i, d, [("#F7E06B", 1.0)], straw="#E2B714")),
    "grapefruit_ade": ("#FADCD3", lambda i, d: glass(i, d, [("#F0775B", 1.0)], straw="#D1493A")),
    "green_grape_ade": ("#E4F0CF", lambda i, d: glass(i, d, [("#B7D46A", 1.0)], straw="#6E9A2F")),
    "orange_juice": ("#FCE3C3", lambda i, d: glass(i, d, [("#F59B23", 1.0)], ice=False, straw="#E0661B")),
    "strawberry_smoothie": ("#F9D6DC", lambda i, d: glass(i, d, [("#E8506A", 1.0)], ice=False, top="#F9C5CF")),
    "croissant": ("#F3E3CC", croissant),
    "salt_bread": ("#F0E2CE", lambda i, d: bun(i, d, "#D9A05B", salt=True)),
    "bagel": ("#EEE1CC", lambda i, d: bun(i, d, "#C98F4E", ring=True)),
    "scone": ("#F1E3D0", scone),
    "garlic_bread": ("#EEE8CC", lambda i, d: bun(i, d, "#E0AE62", top="#F2E3A6")),
    "cheesecake": ("#F7EBCD", lambda i, d: cake_slice(i, d, "#F7E3A8", "#C98B3A")),
    "tiramisu": ("#EADBCB", lambda i, d: cake_slice(i, d, "#F2E6D4", "#5A3322", layers="#8C5A3A")),
    "macaron": ("#F6E1EA", macarons),
    "bingsu": ("#EFE5D2", lambda i, d: bowl(i, d, bingsu_inside, "#FFFFFF", "#C9B28A")),
    "croffle": ("#F2E1C5", croffle),
    "tteokbokki": ("#F8DCD3", lambda i, d: bowl(i, d, tteokbokki_inside, "#2F4858", "#1E2F3A")),
    "gimbap": ("#E3EBD8", gimbap),
    "ramyeon": ("#F7E3CC", lambda i, d: bowl(i, d, ramyeon_inside, "#C8102E", "#8E0B20")),
    "fish_cake": ("#F2E6D2", fish_cake),
    "sandwich": ("#EFE8D5", sandwich),
    "hotdog": ("#F7E0C6", hotdog),
    "set_brunch": ("#EDE3D3", lambda i, d: set_combo(i, d, sandwich, "#3B2416")),
    "set_bread": ("#F0E4D0", lambda i, d: set_combo(i, d, lambda a, b: bun(a, b, "#D9A05B", salt=True), "#3B2416")),
    "set_snack": ("#F6DDD3", lambda i, d: set_combo(i, d, gimbap, "#F7E06B")),
    "beans_house": ("#E8D9C8", beans),
    "milk_1l": ("#DDE7F2", milk),
    "eggs": ("#F3E8D8", eggs),
    "rice_cake": ("#EEE9DF", rice_cake),
}


# Drinks served hot or iced (the "temp" option): the picture the other way round, chosen by the kiosk when
# the customer picks it (`<item>.hot.png` / `<item>.iced.png`, ui/customer/viewmodel.py `image_for`): a hot
# drink shows a hot picture. Backdrop, liquid, foam.
HOT_OR_ICED: dict[str, tuple[str, str, str | None]] = {
    "americano": ("#E8D3BC", "#3B2416", None),
    "hazelnut_americano": ("#EAD6B9", "#4A2B18", None),
    "decaf_americano": ("#E3E0D5", "#4A2B18", None),
    "cafe_latte": ("#F1E2D0", "#A0663A", "#F2E1C9"),
    "vanilla_latte": ("#F6EBCF", "#B07A45", "#F4E7CF"),
    "caramel_macchiato": ("#F2DCC0", "#9B5E2E", "#D9973F"),
    "cafe_mocha": ("#E7D3C4", "#5A3322", "#FFFFFF"),
    "cappuccino": ("#EFE2D2", "#8C5430", "#EFE3D3"),
    "sweet_potato_latte": ("#F4E0CF", "#C97B4F", "#E7A46B"),
    "grain_latte": ("#EEE6D6", "#D8C3A0", "#EFE6D6"),
    "green_tea_latte": ("#DDE9D4", "#7DA453", "#F1EEDF"),
    "choco_latte": ("#EAD9CF", "#4A2A1E", "#6B3E2A"),
    "yuja_tea": ("#FBEBC2", "#F2B631", None),
    "ginger_tea": ("#F3E4C8", "#C98B3A", None),
    "jujube_tea": ("#F0D9CF", "#7E2E1F", None),
    "chamomile": ("#F6EFCB", "#E5C453", None),
    "earl_grey": ("#E5E1EA", "#8C4A24", None),
    "omija_tea": ("#F6D9DD", "#D2394F", None),
}


def render_variant(item_id: str, hot: bool) -> Image.Image:
    color, liquid, foam = HOT_OR_ICED[item_id]
    img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(img, "RGBA")
    backdrop(d, color)
    d = ImageDraw.Draw(img, "RGBA")
    if hot:
        mug(img, d, liquid, foam)
    else:
        glass(img, d, [(foam, 0.4), (liquid, 0.6)] if foam else [(liquid, 1.0)])
    return img.resize((OUT, OUT), Image.Resampling.LANCZOS)


def render(item_id: str) -> Image.Image:
    color, painter = PAINTERS[item_id]
    img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(img, "RGBA")
    backdrop(d, color)
    painter(img, ImageDraw.Draw(img, "RGBA"))
    return img.resize((OUT, OUT), Image.Resampling.LANCZOS)


def main() -> None:
    items = json.loads(CATALOG.read_text(encoding="utf-8"))["items"]
    for item in items:
        target = HERE.parent / item["image"]
        render(item["id"]).save(target, optimize=True)
        print(target.relative_to(HERE.parent))
        if item["id"] in HOT_OR_ICED:
            for option, hot in (("hot", True), ("iced", False)):
                variant = target.with_name(f"{target.stem}.{option}.png")
                render_variant(item["id"], hot).save(variant, optimize=True)
                print(variant.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
