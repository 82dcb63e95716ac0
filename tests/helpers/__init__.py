"""Helpers shared by several test packages; they reach tests as fixtures (tests/conftest.py lists the
plugin modules in `pytest_plugins`) or as plain functions and classes imported from here."""
