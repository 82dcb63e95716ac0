"""UI translations: `python -m ui.translations build` compiles ui/i18n/*.ts into .qm files (run by `make`);
`python -m ui.translations update` refreshes the .ts sources from the QML after strings change.

Korean is the source language (the strings in the QML); en, zh and ja are translated in the .ts files
with Qt Linguist (`.venv/bin/pyside6-linguist ui/i18n/kiosk_en.ts`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

UI_DIR = Path(__file__).resolve().parent
I18N_DIR = UI_DIR / "i18n"
QML_DIR = UI_DIR / "qml"
LANGUAGES = ("en", "zh", "ja")


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"ui.translations: {name} not found; run `make bootstrap` to install PySide6")
    return found


def build() -> int:
    lrelease = _tool("pyside6-lrelease")
    for lang in LANGUAGES:
        ts = I18N_DIR / f"kiosk_{lang}.ts"
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        result = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
        if result.returncode != 0:
            print(f"ui.translations: {ts.name}: {result.stderr.strip()}; fix the file in Qt Linguist", file=sys.stderr)
            return 1
    return 0


def update() -> int:
    lupdate = _tool("pyside6-lupdate")
    # the QML's qsTr, and the view-models' self.tr (messages a view-model makes, e.g. the counter's)
    sources = sorted(str(p) for p in QML_DIR.rglob("*.qml")) + sorted(str(p) for p in UI_DIR.glob("*/viewmodel.py"))
    for lang in LANGUAGES:
        ts = I18N_DIR / f"kiosk_{lang}.ts"
        cmd = [lupdate, "-silent", "-no-obsolete", "-source-language", "ko", "-target-language", lang, *sources]
        result = subprocess.run([*cmd, "-ts", str(ts)], capture_output=True, text=True)
        if result.returncode != 0:
            print(f"ui.translations: {result.stderr.strip()}", file=sys.stderr)
            return 1
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"]:
        return build()
    if argv[:1] == ["update"]:
        return update()
    print("usage: python -m ui.translations build|update", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
