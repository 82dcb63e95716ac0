"""Catalog loading, option rules and the demo shop's content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.config import REPO_ROOT
from kiosk.domain.cart import Cart, CartError
from kiosk.domain.catalog import LANGUAGES, CatalogError, load_catalog
from kiosk.domain.money import TaxType

DEMO = REPO_ROOT / "assets" / "demo" / "catalog.json"
CATALOG = load_catalog(DEMO)


def test_demo_shop_content() -> None:
    assert len(CATALOG.items) >= 40
    assert len(CATALOG.categories) >= 6
    assert any(i.is_set for i in CATALOG.items)
    assert any(i.tax_type is TaxType.TAX_FREE for i in CATALOG.items)
    assert any(g.required for g in CATALOG.option_groups.values())
    assert any(not g.required for g in CATALOG.option_groups.values())
    for item in CATALOG.items:
        for lang in LANGUAGES:
            assert item.names.get(lang).strip(), (item.id, lang)
            assert getattr(item.names, lang), f"{item.id} has no {lang} name"


def test_required_option_must_be_chosen() -> None:
    with pytest.raises(CartError, match="온도"):
        Cart().add(CATALOG, "americano", (("size", ("regular",)),))
    cart = Cart().add(CATALOG, "americano", (("temp", ("iced",)), ("size", ("large",))))
    assert cart.total(CATALOG) == 3500 + 500 + 700


def test_option_maximum_and_repeats() -> None:
    sel = (("temp", ("hot",)), ("size", ("regular",)), ("shot", ("extra_shot",) * 3))
    assert Cart().add(CATALOG, "americano", sel).total(CATALOG) == 3500 + 1500
    too_many = (("temp", ("hot",)), ("size", ("regular",)), ("shot", ("extra_shot",) * 4))
    with pytest.raises(CartError, match="at most 3"):
        Cart().add(CATALOG, "americano", too_many)
    with pytest.raises(CartError, match="only once"):
        Cart().add(CATALOG, "americano", (("temp", ("hot", "hot")), ("size", ("regular",))))


def test_sold_out_cannot_be_ordered() -> None:
    sold_out = next(i for i in CATALOG.items if i.sold_out)
    with pytest.raises(CartError, match="품절"):
        Cart().add(CATALOG, sold_out.id, ())


def test_same_choices_merge_into_one_line() -> None:
    a = (("size", ("regular",)), ("temp", ("iced",)))
    b = (("temp", ("iced",)), ("size", ("regular",)))
    cart = Cart().add(CATALOG, "americano", a).add(CATALOG, "americano", b, 2)
    assert len(cart.lines) == 1 and cart.count == 3
    cart = cart.set_quantity(0, 1).add(CATALOG, "croissant")
    assert cart.count == 2
    assert cart.remove(0).count == 1


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["items"][0].update(price="3500"), "'price' must be a whole number"),
        (lambda d: d["items"][0].update(price=-1), "'price' must be at least 0"),
        (lambda d: d["items"][0].update(category="nope"), "category 'nope' is not in 'categories'"),
        (lambda d: d["items"][0].update(option_groups=["ghost"]), "option group 'ghost'"),
        (lambda d: d["items"][0].update(tax="vat"), "'tax' must be 'taxable'"),
        (lambda d: d["items"][0].pop("names"), "needs at least a Korean name"),
        (lambda d: d["items"].append(dict(d["items"][0])), "the id is used twice"),
        (lambda d: d["option_groups"][0].update(min=3, max=1), "'min' (3) is larger than 'max' (1)"),
        (lambda d: d.update(categories=[]), "there are no categories"),
    ],
)
def test_bad_catalog_gets_a_clear_error(tmp_path: Path, mutate: object, message: str) -> None:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    mutate(data)  # type: ignore[operator]
    bad = tmp_path / "catalog.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(bad)
    assert message in str(err.value)
    assert str(bad) in str(err.value)


def test_catalog_that_is_not_json(tmp_path: Path) -> None:
    bad = tmp_path / "catalog.json"
    bad.write_text('{"categories": [', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"not valid JSON at line 1"):
        load_catalog(bad)
    bad.write_bytes(b"\xff\xfe garbage")
    with pytest.raises(CatalogError, match="cannot read"):
        load_catalog(bad)
    with pytest.raises(CatalogError, match="does not exist"):
        load_catalog(tmp_path / "missing.json")
