"""app/pyside.py: PySide6's import hook gets the same answer from the quick check as from its own, for every
kind of module `kiosk run` imports, and giving it twice changes nothing."""

from __future__ import annotations

import importlib
import sys

from app.pyside import quick_feature_check


def test_the_quick_check_answers_as_pysides_own() -> None:
    assert quick_feature_check()
    assert quick_feature_check()  # again: nothing stacks
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    original = quick.original
    assert getattr(original, "original", None) is None
    names = ["ui.app", "ui.attract", "app.memory", "kiosk.config", "kiosk.domain.catalog", "logging", "typing"]
    names += ["json.decoder", "math", "sys", "_io", "PySide6.QtCore", "PySide6", "ui", "encodings.ascii"]
    answers = {}
    for name in names:
        module = importlib.import_module(name)
        answers[name] = quick(module)
        assert answers[name] == original(module), name
    assert answers["ui.app"] and answers["app.memory"]  # ours that use PySide6
    assert not answers["kiosk.config"] and not answers["logging"] and not answers["math"]
