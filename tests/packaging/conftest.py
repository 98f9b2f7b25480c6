"""Fixtures for the packaging tests: the freedesktop validators, and packaging/common.py."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tool():
    """``tool(name)``: the path of a command-line tool.  Missing, the test is skipped on a
    developer's machine but fails on CI (``CI`` set), where .ci/run installs it: a check
    that quietly stops running would look the same as one that passes."""
    def find(name: str, package: str) -> str:
        path = shutil.which(name)
        if path is None:
            why = f"{name} is not installed (apt-get install {package})"
            if os.environ.get("CI"):
                pytest.fail(why)
            pytest.skip(why)
        return path

    return find


@pytest.fixture(scope="session")
def packaging_common():
    """``packaging/common.py``, what the PyInstaller specs share (no PyInstaller needed)."""
    spec = importlib.util.spec_from_file_location("packaging_common",
                                                  ROOT / "packaging" / "common.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
