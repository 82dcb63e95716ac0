"""The counter's words in English: every string of its screens (qsTr in ui/qml/counter) and of its
view-model (self.tr in ui/counter/viewmodel.py) has a finished English translation in ui/i18n/kiosk_en.ts,
and the source strings there are the ones the code has now (`python -m ui.translations update` was run)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kiosk.config import REPO_ROOT

COUNTER_FILES = ("qml/counter/", "counter/viewmodel.py")


def _messages() -> dict[str, str]:
    out = {}
    for message in ET.parse(REPO_ROOT / "ui" / "i18n" / "kiosk_en.ts").getroot().iter("message"):
        files = [loc.get("filename", "") for loc in message.findall("location")]
        if any(f in name for name in files for f in COUNTER_FILES):
            translation = message.find("translation")
            assert translation is not None
            finished = translation.get("type") is None and bool(translation.text)
            out[message.findtext("source", "")] = translation.text or "" if finished else ""
    return out


def _sources() -> set[str]:
    qml = (REPO_ROOT / "ui" / "qml" / "counter" / "Root.qml").read_text(encoding="utf-8")
    qml += (REPO_ROOT / "ui" / "qml" / "counter" / "Keypad.qml").read_text(encoding="utf-8")
    python = (REPO_ROOT / "ui" / "counter" / "viewmodel.py").read_text(encoding="utf-8")
    found = set(re.findall(r'(?:qsTr|QT_TR_NOOP)\("([^"]+)"\)', qml))
    return found | set(re.findall(r'self\.tr\(\s*"([^"]+)"', python))


def test_every_counter_string_has_english() -> None:
    messages, sources = _messages(), _sources()
    assert len(sources) > 80  # the screens' labels, the reasons, the view-model's messages
    missing = sorted(s for s in sources if not messages.get(s))
    assert not missing, f"no English in ui/i18n/kiosk_en.ts for {missing}: run python -m ui.translations update"
    assert messages["%1원"] == "₩%1" and messages["ko"] == "en"  # the won sign, the catalog's English names
