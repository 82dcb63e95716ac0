"""The attract screen's photos taken from a catalog's JSON before it is parsed (kiosk/domain/catalog_peek.py):
for every valid catalog they are the parsed catalog's own first-category photos, and nothing a file can hold
makes the peek raise; what it cannot read it leaves to the full parse (None)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.catalog import parse_catalog
from kiosk.domain.catalog_peek import first_photos, photos_of, read_json
from kiosk.domain.catalog_rules import MAX_FILE_BYTES
from tests.domain.catalogs import BASE, DEMO, MUTATIONS, mutated, valid_catalogs


def test_the_demo_shops_attract_photos_are_its_first_categorys() -> None:
    photos = first_photos(DEMO)
    assert photos == photos_of(parse_catalog(DEMO))
    assert photos and all(image for _, image in photos)  # the demo's first category has photos


@settings(max_examples=60, deadline=None)
@given(valid_catalogs())
def test_the_peek_agrees_with_the_parsed_catalog(data: dict[str, Any]) -> None:
    assert first_photos(data) == photos_of(parse_catalog(data))


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_an_invalid_catalog_never_makes_the_peek_raise(name: str) -> None:
    photos = first_photos(mutated(BASE, name))
    assert photos is None or all(isinstance(k, str) and isinstance(i, str) for k, i in photos)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["id", "category", "image", "categories", "items", "x"]), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_garbage_gives_none_or_pairs_of_text(data: Any) -> None:
    photos = first_photos(data)
    assert photos is None or all(isinstance(k, str) and isinstance(i, str) for k, i in photos)


def test_a_file_that_cannot_be_read_as_json_is_left_to_the_full_parse(tmp_path: Path) -> None:
    assert read_json(tmp_path / "missing.json") is None
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert read_json(tmp_path / "bad.json") is None
    (tmp_path / "latin1.json").write_bytes(b'{"x": "\xff"}')
    assert read_json(tmp_path / "latin1.json") is None
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert read_json(tmp_path / "deep.json") is None
    with (tmp_path / "big.json").open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    assert read_json(tmp_path / "big.json") is None
    (tmp_path / "ok.json").write_text(json.dumps(DEMO), encoding="utf-8")
    assert read_json(tmp_path / "ok.json") == DEMO
