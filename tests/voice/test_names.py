"""Menu items' spoken names: the catalog's `spoken` names, else the display name as a person says it; the
catalog validator's rules for them; `kiosk voice render` renders them ahead with the phrases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.voice import fixed_phrases, menu_names
from hardware.audio.espeak import RATES_WPM
from kiosk.config import load_settings
from kiosk.domain.catalog import CatalogError, load_catalog, parse_catalog
from kiosk.voice.names import name_pieces, speakable, spoken_name
from kiosk.voice.normalize import normalize
from tests.helpers.processes import kiosk

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")


@pytest.mark.parametrize(
    ("display", "language", "said"),
    [
        ("아이스 아메리카노 (L) 🧊", "ko", "아이스 아메리카노 라지"),
        ("ICE 아메리카노", "ko", "아이스 아메리카노"),
        ("HOT 카페라떼 (R)", "ko", "따뜻한 카페라떼 레귤러"),
        ("☕️ Americano [L]", "en", "Americano large"),
        ("ICED Latte", "en", "iced Latte"),
        ("冰美式 (L)", "zh", "冰美式 大杯"),
        ("ICE アメリカーノ（L）", "ja", "アイス アメリカーノ ラージ"),
        ("원두 200g (하우스 블렌드)", "ko", "원두 200 그램, 하우스 블렌드"),
        ("Milk 1 L", "en", "Milk 1 liters"),
        ("牛奶1L", "zh", "牛奶1 升"),
        ("Free-range eggs (10)", "en", "Free-range eggs, 10"),
        ("🍰✨ 딸기 케이크 ⭐", "ko", "딸기 케이크"),
    ],
)
def test_a_display_name_made_speakable(display: str, language: str, said: str) -> None:
    assert speakable(display, language) == said


def test_the_catalogs_spoken_name_wins_in_its_own_language_only() -> None:
    catalog = load_catalog(load_settings(env={}).catalog_path)
    eggs = catalog.item("eggs")
    assert spoken_name(eggs, "ko") == "유정란 열 개"  # the display name "유정란 10구" would be said "십 구"
    assert normalize(eggs.names.ko, "ko") == "유정난 십 구"  # [유정난]: ㄹ after ㅇ is said ㄴ
    assert spoken_name(eggs, "en") == "Ten free-range eggs"
    assert spoken_name(eggs, "zh") == "散养鸡蛋10枚"  # none given in Chinese: the display name
    assert normalize(spoken_name(eggs, "zh"), "zh") == "散养鸡蛋十枚"
    assert spoken_name(catalog.item("cheesecake"), "ja") == "ニューヨークチーズケーキ"  # not "NY…"
    beans = catalog.item("beans_house")
    assert normalize(spoken_name(beans, "ko"), "ko") == "원두 이백 그램, 하우스 블렌드"
    assert normalize(spoken_name(beans, "ja"), "ja") == "コーヒーまめ にひゃく グラム, ハウスブレンド"
    assert normalize(spoken_name(beans, "zh"), "zh") == "咖啡豆两百克, 招牌拼配"
    assert "아메리카노" in name_pieces(catalog, "ko") and len(name_pieces(catalog, "ko")) == len(catalog.items)


def _catalog(item_extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "version": 1,
        "categories": [{"id": "c", "names": {"ko": "커피"}}],
        "items": [{"id": "a", "category": "c", "names": {"ko": "아메리카노 (L)"}, "price": 4500, **item_extra}],
        "option_groups": [],
    }


def test_spoken_names_in_the_catalog_are_checked() -> None:
    item = parse_catalog(_catalog({"spoken": {"ko": "라지 아메리카노", "ja": "アメリカーノ"}})).item("a")
    assert spoken_name(item, "ko") == "라지 아메리카노"
    assert spoken_name(item, "en") == "아메리카노 라지"  # no English name: the Korean one, as Korean
    assert spoken_name(parse_catalog(_catalog({"spoken": "큰 아메리카노"})).item("a"), "ko") == "큰 아메리카노"
    with pytest.raises(CatalogError, match="'spoken' has a name in 'fr'"):
        parse_catalog(_catalog({"spoken": {"fr": "café"}}))
    with pytest.raises(CatalogError, match="the spoken ko name must be text"):
        parse_catalog(_catalog({"spoken": {"ko": 3}}))
    with pytest.raises(CatalogError, match=r"'spoken\.en' is 101 characters long"):
        parse_catalog(_catalog({"spoken": {"en": "a" * 101}}))
    with pytest.raises(CatalogError, match="'spoken' must be names per language"):
        parse_catalog(_catalog({"spoken": ["아메리카노"]}))


@needs_espeak
def test_render_renders_the_menus_spoken_names_ahead(tmp_path: Path) -> None:
    """`kiosk voice render` renders the menu the kiosk sells from (the applied catalog, else the shipped one):
    every phrase and every item's spoken name, at every rate."""
    menu = tmp_path / "menu.json"
    menu.write_text(json.dumps(_catalog({"spoken": {"en": "Large americano"}})), encoding="utf-8")
    env = {"KIOSK_DATA_DIR": str(tmp_path / "data"), "KIOSK_CATALOG": str(menu)}
    done = kiosk("voice", "render", "--language", "en", "--menu", env=env)
    assert done.returncode == 0, done.stderr
    catalog = load_catalog(menu)
    names = menu_names(catalog, ("en",))
    assert names == [("Large americano", "en")]
    total = (len(fixed_phrases(("en",))) + 1) * len(RATES_WPM)
    clips = tmp_path / "data" / "voice-clips"
    assert done.stdout.strip() == f"voice: {total} clips rendered, 0 already there, in {clips}"
    assert len(list(clips.glob("*.wav"))) == total
