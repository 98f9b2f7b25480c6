"""Fixtures for the packaging tests: the freedesktop validators, and packaging/common.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tool(installed):
    """``tool(name, package)``: as ``installed`` (tests/conftest.py)."""
    return installed


@pytest.fixture(scope="session")
def packaging_common():
    """``packaging/common.py``, what the PyInstaller specs share (no PyInstaller needed)."""
    spec = importlib.util.spec_from_file_location("packaging_common",
                                                  ROOT / "packaging" / "common.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
