"""Environment overrides: settings' own names apply, other KIOSK_* variables are not settings."""

from __future__ import annotations

import pytest

from kiosk.config import ConfigError, load_settings


def test_environment_overrides_and_unrelated_variables() -> None:
    env = {
        "KIOSK_SHOP__NAME": "시장 분식",
        "KIOSK_UI__SCALE": "1.5",
        "KIOSK_SCREENSHOT_DIR": "/tmp/x",
        "KIOSK_CONFIG": "",
    }
    settings = load_settings(env=env)
    assert settings.shop.name == "시장 분식"
    assert settings.ui.scale == 1.5


def test_a_misspelled_key_of_a_known_section_is_reported() -> None:
    with pytest.raises(ConfigError, match=r"\[shop.nmae\] unknown key"):
        load_settings(env={"KIOSK_SHOP__NMAE": "x"})
    with pytest.raises(ConfigError, match=r"\[ui.scale\] must be float"):
        load_settings(env={"KIOSK_UI__SCALE": "big"})
