"""The attract screen's photos from a catalog's JSON before the catalog is parsed (docs/PERFORMANCE.md, "Cold
start").

Parsing and validating a catalog (kiosk.domain.catalog with its dataclasses and rules, ~5 ms) is more than the
attract screen's first frame needs: it shows a few photos of the first category. `first_photos` takes just
those from the JSON, trusting nothing in it; `kiosk run` parses and validates the whole catalog right after the
first frame, before anything else uses it, and stops with the same one line (exit 2) as before when it is not a
usable menu. Anything unexpected here gives None, and the caller parses the catalog first instead (the old
order), so a file that is not a catalog at all is reported before any window opens.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.domain.catalog_rules import MAX_FILE_BYTES

if TYPE_CHECKING:
    from kiosk.domain.catalog import Catalog

Photos = list[tuple[str, str]]  # (item id, image path relative to the catalog) in the catalog's order


def read_json(path: Path) -> Any:
    """The catalog file's JSON, or None when it cannot be read as such (missing, too big, not UTF-8, not
    JSON): `load_catalog` says which."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # (UnicodeDecodeError and JSONDecodeError are ValueErrors)
        return None


def first_photos(data: Any) -> Photos | None:
    """The first category's items (`Catalog.first_category`: the customer's order starts there) as (id, image),
    or None when `data` does not look like a catalog here."""
    if not isinstance(data, dict):
        return None
    categories, items = data.get("categories"), data.get("items", [])
    if not isinstance(categories, list) or not categories or not isinstance(categories[0], dict):
        return None
    if not isinstance(items, list):
        return None
    first = categories[0].get("id")
    photos: Photos = []
    for item in items:
        if not isinstance(item, dict):
            return None
        if item.get("category") == first:
            key, image = item.get("id"), item.get("image", "")
            if not isinstance(key, str) or not isinstance(image, str):
                return None
            photos.append((key, image))
    return photos


def photos_of(catalog: Catalog) -> Photos:
    """`first_photos` of a parsed catalog: the same items."""
    return [(item.id, item.image) for item in catalog.items_in(catalog.first_category)]
