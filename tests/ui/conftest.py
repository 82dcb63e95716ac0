"""The UI tests use `make_kiosk` (tests/helpers/windows.py); the translations are compiled once for all."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def compiled_translations_for_ui(compiled_translations: None) -> None:
    pass
