"""PySide6's import hook, made cheap for `kiosk run`.

Importing PySide6 installs an import hook (shibokensupport.feature, for `from __feature__ import ...`) that
asks of every module imported afterwards whether its source mentions "PySide6", and finds out through
`inspect.getsource`, which tokenizes the module's whole file (`logging`, `typing`, `dataclasses`, ours):
~0.07 ms a module, ~2 ms of the GUI thread before the attract screen's first frame (docs/PERFORMANCE.md,
"Cold start"). `quick_feature_check` gives the hook the same answer from the file's bytes. The kiosk never
uses `__feature__`; the answer only tells PySide which modules it would switch."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def quick_feature_check() -> bool:
    """Import PySide6 and give its import hook the quick check (True when it has it). A PySide6 whose hook
    is not the one described above is left as it is."""
    import PySide6  # noqa: F401  (installs the hook)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if getattr(original, "original", None) is not None:
        return True  # given already
    if not callable(original) or getattr(original, "__name__", "") != "_mod_uses_pyside":
        return False
    slow: Callable[[ModuleType], bool] = original

    def _mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return slow(module)  # no source file of its own (built in, compiled, namespace): as PySide asks

    _mod_uses_pyside.original = slow  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[union-attr]
    return True
