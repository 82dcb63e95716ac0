"""The one catalog validator, property-tested: every generated valid catalog passes and round-trips
through the Catalog objects unchanged; every invalid one (a valid one with one mutation) is refused with
a reason that names the problem."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.catalog import Catalog, CatalogError, Names, parse_catalog
from kiosk.domain.catalog_rules import TAX_TYPES, validate_catalog
from kiosk.domain.money import TaxType
from tests.domain.catalogs import BASE, DEMO, MUTATIONS, mutated, valid_catalogs


def _names(n: Names) -> dict[str, str]:
    return {lang: getattr(n, lang) for lang in ("ko", "en", "zh", "ja") if getattr(n, lang)}


def to_json(catalog: Catalog) -> dict[str, Any]:
    """The catalog back as catalog JSON (every field written out)."""
    return {
        "version": catalog.version,
        "categories": [{"id": c.id, "names": _names(c.names)} for c in catalog.categories],
        "option_groups": [
            {
                "id": g.id,
                "names": _names(g.names),
                "min": g.min_choices,
                "max": g.max_choices,
                "allow_repeat": g.allow_repeat,
                "options": [{"id": o.id, "names": _names(o.names), "price_delta": o.price_delta} for o in g.options],
            }
            for g in catalog.option_groups.values()
        ],
        "items": [
            {
                "id": i.id,
                "category": i.category_id,
                "names": _names(i.names),
                "price": i.price,
                "tax": i.tax_type.value,
                "image": i.image,
                "badges": list(i.badges),
                "sold_out": i.sold_out,
                "option_groups": list(i.option_group_ids),
                "set": [{"item": c.item_id, "quantity": c.quantity} for c in i.set_components],
            }
            for i in catalog.items
        ],
    }


def test_tax_types_are_the_domains() -> None:
    assert set(TAX_TYPES) == {t.value for t in TaxType}


def test_the_shipped_catalogs_pass() -> None:
    validate_catalog(DEMO, "demo")
    validate_catalog(BASE, "base")


@settings(max_examples=150, deadline=None)
@given(valid_catalogs())
def test_a_valid_catalog_passes_and_round_trips(data: dict[str, Any]) -> None:
    wire = json.loads(json.dumps(data, ensure_ascii=False))
    validate_catalog(wire, "generated")
    catalog = parse_catalog(wire, "generated")
    again = to_json(catalog)
    validate_catalog(again, "again")
    assert parse_catalog(again, "again") == catalog
    assert [i["id"] for i in again["items"]] == [i["id"] for i in data["items"]]
    assert [i["price"] for i in again["items"]] == [i["price"] for i in data["items"]]


@settings(max_examples=400, deadline=None)
@given(valid_catalogs(), st.sampled_from(sorted(MUTATIONS)))
def test_every_invalid_catalog_is_refused_with_its_reason(data: dict[str, Any], name: str) -> None:
    bad = mutated(data, name)
    with pytest.raises(CatalogError) as info:
        parse_catalog(json.loads(json.dumps(bad)), "bundle v7")
    message = str(info.value)
    assert message.startswith("bundle v7"), message
    assert MUTATIONS[name][1] in message, message
    assert "\n" not in message


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mutation_of_the_fixed_catalog_is_refused(name: str) -> None:
    with pytest.raises(CatalogError, match=None) as info:
        validate_catalog(mutated(BASE, name), "base")
    assert MUTATIONS[name][1] in str(info.value)


def test_a_hostile_document_cannot_exhaust_the_validator() -> None:
    deep: Any = 0
    for _ in range(100_000):  # far deeper than Python's recursion limit
        deep = [deep]
    with pytest.raises(CatalogError, match="nested more than"):
        validate_catalog({**BASE, "x": deep})
    with pytest.raises(CatalogError, match="too large"):
        validate_catalog({**BASE, "x": [0] * 300_000})
    with pytest.raises(CatalogError, match="at most 2000"):
        validate_catalog({**BASE, "items": [BASE["items"][0]] * 2001})
