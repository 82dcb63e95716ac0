"""Hypothesis strategies for catalogs: valid ones, and invalid ones made from a valid one by one mutation
that the validator must refuse, each with the words its reason must contain."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from kiosk.config import REPO_ROOT
from kiosk.domain import catalog_rules as rules

DEMO: dict[str, Any] = json.loads((REPO_ROOT / "assets" / "demo" / "catalog.json").read_text(encoding="utf-8"))

# Text a shop would type: Hangul, Latin, digits, spaces and a little punctuation.
_ALPHABET = st.sampled_from("가나다라마바사아자차카타파하커피라떼 abcdefgXYZ0123456789·-()&")
names_text = st.text(_ALPHABET, min_size=1, max_size=20).filter(lambda s: s.strip() != "")


@st.composite
def names(draw: st.DrawFn) -> dict[str, str]:
    out = {"ko": draw(names_text)}
    for lang in ("en", "zh", "ja"):
        if draw(st.booleans()):
            out[lang] = draw(names_text)
    return out


@st.composite
def valid_catalogs(draw: st.DrawFn) -> dict[str, Any]:
    """At least one category, one option group (used by item 0) and two items, one of them sellable."""
    n_categories = draw(st.integers(1, 3))
    categories = [{"id": f"c{i}", "names": draw(names())} for i in range(n_categories)]
    groups = []
    for g in range(draw(st.integers(1, 3))):
        n_options = draw(st.integers(1, 4))
        repeat = draw(st.booleans())
        hi = draw(st.integers(1, 3 if repeat else n_options))
        group: dict[str, Any] = {
            "id": f"g{g}",
            "names": draw(names()),
            "min": draw(st.integers(0, hi)),
            "max": hi,
            "options": [
                {"id": f"g{g}o{j}", "names": draw(names()), "price_delta": draw(st.integers(0, 5000))}
                for j in range(n_options)
            ],
        }
        if repeat:
            group["allow_repeat"] = True
        groups.append(group)
    items = []
    n_items = draw(st.integers(2, 6))
    for k in range(n_items):
        item: dict[str, Any] = {
            "id": f"i{k}",
            "category": f"c{draw(st.integers(0, n_categories - 1))}",
            "names": draw(names()),
            "price": draw(st.integers(0, 200_000)),
            "tax": draw(st.sampled_from(rules.TAX_TYPES)),
            "sold_out": k > 0 and draw(st.booleans()),
        }
        chosen = ["g0"] if k == 0 else draw(st.lists(st.sampled_from([g["id"] for g in groups]), unique=True))
        if chosen:
            item["option_groups"] = chosen
        if draw(st.booleans()):
            item["badges"] = draw(st.lists(st.sampled_from(["new", "best"]), unique=True))
        if draw(st.booleans()):
            item["image"] = f"images/i{k}.png"
        items.append(item)
    # A set made of earlier (non-set) items.
    if n_items >= 3 and draw(st.booleans()):
        items[-1]["set"] = [{"item": "i0", "quantity": 1}, {"item": "i1", "quantity": draw(st.integers(1, 3))}]
    return {"version": draw(st.integers(1, 1000)), "categories": categories, "option_groups": groups, "items": items}


Mutation = Callable[[dict[str, Any]], None]


def _nest(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def _cycle(d: dict[str, Any]) -> None:
    d["items"][0]["set"] = [{"item": "i1"}]
    d["items"][1]["set"] = [{"item": "i0"}]


def _overflow(d: dict[str, Any]) -> None:
    g = d["option_groups"][0]
    g["allow_repeat"], g["max"] = True, 10
    g["options"][0]["price_delta"] = rules.MAX_PRICE_DELTA
    d["items"][0]["price"] = rules.MAX_PRICE


def _all_sold_out(d: dict[str, Any]) -> None:
    for item in d["items"]:
        item["sold_out"] = True


def _too_many_options(d: dict[str, Any]) -> None:
    g = d["option_groups"][0]
    g.pop("allow_repeat", None)
    g["max"] = len(g["options"]) + 1
    g["min"] = 0


# name -> (mutation, words the refusal must contain)
MUTATIONS: dict[str, tuple[Mutation, str]] = {
    "negative price": (lambda d: d["items"][0].update(price=-1), "'price' must be at least 0"),
    "price too large": (lambda d: d["items"][0].update(price=rules.MAX_PRICE + 1), "'price' must be at most"),
    "negative price delta": (
        lambda d: d["option_groups"][0]["options"][0].update(price_delta=-500),
        "'price_delta' must be at least 0",
    ),
    "unit overflows": (_overflow, "with every option at its most"),
    "float price": (lambda d: d["items"][0].update(price=3500.5), "must be a whole number"),
    "bool price": (lambda d: d["items"][0].update(price=True), "must be a whole number"),
    "string price": (lambda d: d["items"][0].update(price="3500"), "must be a whole number"),
    "no price": (lambda d: d["items"][0].pop("price"), "'price' must be a whole number"),
    "item id used by a category": (lambda d: d["items"][0].update(id=d["categories"][0]["id"]), "used twice"),
    "option id used by an item": (
        lambda d: d["option_groups"][0]["options"][0].update(id=d["items"][1]["id"]),
        "used twice",
    ),
    "group id used by a category": (
        lambda d: d["option_groups"][0].update(id=d["categories"][0]["id"]),
        "used twice",
    ),
    "item id twice": (lambda d: d["items"].append(copy.deepcopy(d["items"][0])), "used twice"),
    "set contains itself": (lambda d: d["items"][0].update(set=[{"item": d["items"][0]["id"]}]), "contains itself"),
    "two sets contain each other": (_cycle, "contains itself"),
    "min above max": (lambda d: d["option_groups"][0].update(min=3, max=2, allow_repeat=True), "larger than 'max'"),
    "max above options": (_too_many_options, "is more than its"),
    "group without options": (lambda d: d["option_groups"][0].update(options=[]), "has no options"),
    "nothing to sell": (_all_sold_out, "no item can be sold"),
    "no items": (lambda d: d.update(items=[]), "no item can be sold"),
    "no categories": (lambda d: d.update(categories=[]), "no categories"),
    "empty Korean name": (lambda d: d["items"][0].update(names={"ko": "  ", "en": "x"}), "Korean name"),
    "no names": (lambda d: d["categories"][0].pop("names"), "Korean name"),
    "name too long": (lambda d: d["items"][0].update(names={"ko": "가" * 101}), "characters long"),
    "control character": (lambda d: d["items"][0].update(names={"ko": "라떼\x1b@"}), "control character"),
    "lone surrogate": (lambda d: d["items"][0].update(names={"ko": "라떼\ud800"}), "control character"),
    "id too long": (lambda d: d["categories"][0].update(id="c" * 65), "characters long"),
    "deep JSON": (lambda d: d.update(extra=_nest(rules.MAX_DEPTH + 5)), "nested more than"),
    "NaN": (lambda d: d["items"][0].update(calories=float("nan")), "not a number"),
    "unknown category": (lambda d: d["items"][0].update(category="nope"), "category 'nope' is not in 'categories'"),
    "unknown option group": (lambda d: d["items"][0].update(option_groups=["ghost"]), "option group 'ghost'"),
    "group listed twice": (lambda d: d["items"][0].update(option_groups=["g0", "g0"]), "listed twice"),
    "unknown set item": (lambda d: d["items"][1].update(set=[{"item": "ghost"}]), "which does not exist"),
    "set quantity zero": (lambda d: d["items"][1].update(set=[{"item": "i0", "quantity": 0}]), "'quantity'"),
    "bad tax": (lambda d: d["items"][0].update(tax="vat"), "'tax' must be 'taxable'"),
    "sold_out as text": (lambda d: d["items"][0].update(sold_out="false"), "true or false"),
    "badge not text": (lambda d: d["items"][0].update(badges=[1]), "'badges' must be a non-empty text"),
    "image outside": (lambda d: d["items"][0].update(image="../../etc/passwd"), "'image' must be a path"),
    "version zero": (lambda d: d.update(version=0), "'version' must be at least 1"),
    "version too large": (lambda d: d.update(version=2**31), "'version' must be at most"),
    "not an object": (lambda d: d["items"].__setitem__(0, "americano"), "must be an object"),
    "items not a list": (lambda d: d.update(items={"a": 1}), "'items' must be a list"),
    "too many badges": (lambda d: d["items"][0].update(badges=["new"] * 9), "at most 8"),
}


def mutated(data: dict[str, Any], name: str) -> dict[str, Any]:
    bad = copy.deepcopy(data)
    MUTATIONS[name][0](bad)
    return bad


# A small fixed catalog with the shape the mutations expect (c0, g0 used by i0, i1, i2): the entry-point tests.
BASE: dict[str, Any] = {
    "version": 3,
    "categories": [{"id": "c0", "names": {"ko": "커피", "en": "Coffee"}}, {"id": "c1", "names": "빵"}],
    "option_groups": [
        {
            "id": "g0",
            "names": {"ko": "온도"},
            "min": 1,
            "max": 1,
            "options": [
                {"id": "g0o0", "names": {"ko": "뜨겁게"}},
                {"id": "g0o1", "names": {"ko": "차갑게"}, "price_delta": 500},
            ],
        }
    ],
    "items": [
        {"id": "i0", "category": "c0", "names": {"ko": "아메리카노"}, "price": 3000, "option_groups": ["g0"]},
        {"id": "i1", "category": "c1", "names": {"ko": "크루아상"}, "price": 3500, "tax": "taxable"},
        {"id": "i2", "category": "c1", "names": {"ko": "우유 1L"}, "price": 2800, "tax": "taxfree"},
    ],
}
