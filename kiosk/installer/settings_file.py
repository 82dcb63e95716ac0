"""Writing the settings file from the set-up wizard: TOML out of a `Settings`, written atomically
(temporary file, fsync, rename, fsync of the directory), and the list of what changed for the journal
(names and new values of plain settings; values of sensitive ones never)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from kiosk.config import Settings, load_settings
from kiosk.files import write_atomically

# Settings whose values the journal does not get (only that they changed).
PRIVATE = {"shop.phone", "shop.owner", "shop.address", "shop.business_number", "nfc.card_list", "sync.backend_url"}


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def flatten(settings: Settings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for top in fields(Settings):
        if top.name == "source":
            continue
        value = getattr(settings, top.name)
        if hasattr(value, "__dataclass_fields__"):
            for f in fields(value):
                out[f"{top.name}.{f.name}"] = getattr(value, f.name)
        else:
            out[top.name] = value
    return out


def to_toml(settings: Settings) -> str:
    """Every setting, so the file says exactly what the terminal runs with."""
    lines = ["# Written by the kiosk's set-up wizard (kiosk/installer). `kiosk config check` checks it.", ""]
    flat = flatten(settings)
    for key, value in flat.items():
        if "." not in key and value != "":
            lines.append(f"{key} = {_toml_value(value)}")
    section = ""
    for key, value in flat.items():
        if "." not in key:
            continue
        sec, name = key.split(".", 1)
        if sec != section:
            lines += ["", f"[{sec}]"]
            section = sec
        lines.append(f"{name} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def changes(before: Settings, after: Settings) -> list[dict[str, Any]]:
    """What changed, for the journal: {key, value} or {key, changed: true} for private settings."""
    a, b = flatten(before), flatten(after)
    out: list[dict[str, Any]] = []
    for key, value in b.items():
        if a.get(key) == value:
            continue
        out.append({"key": key, "changed": True} if key in PRIVATE else {"key": key, "value": value})
    return out


def save_settings(settings: Settings, path: Path) -> Settings:
    """Write `settings` to `path` atomically and read it back through the loader (so what was written is
    exactly what `kiosk config check` and `kiosk run` will see). Raises ConfigError before writing when the
    settings would not load."""
    text = to_toml(settings)
    probe = path.with_name(f".{path.name}.check.toml")
    try:
        write_atomically(probe, text.encode("utf-8"))
        load_settings(probe, env={})
    finally:
        probe.unlink(missing_ok=True)
    write_atomically(path, text.encode("utf-8"))
    return load_settings(path, env={})
