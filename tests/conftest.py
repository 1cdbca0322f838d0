"""Tests that need no Odoo: the rulebook arithmetic of each addon.

Each addon keeps its rules in ``addons/<addon>/rules/*.py``: plain Python that
imports nothing from Odoo. ``load_rules`` imports such a file by path, so these
tests run on a machine without Odoo.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

ADDONS = Path(__file__).resolve().parent.parent / "addons"


def load_rules(addon, name):
    """Import ``addons/<addon>/rules/<name>.py`` without importing the addon."""
    key = f"_cs_rules_{addon}_{name}"
    if key in sys.modules:
        return sys.modules[key]
    path = ADDONS / addon / "rules" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(key, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def rules():
    return load_rules
