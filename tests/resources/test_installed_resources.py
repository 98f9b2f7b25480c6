"""The resources ship in the wheel and are found through ``importlib.resources``.

``resources/`` at the top of the project is the source; the wheel installs it as the package
``ledgerdesk.resources``.  An installed wheel, like a frozen bundle, has no source tree
beside it, so the icons, the application icon and the print template must be found inside
the installed package: these tests install the project (not editable) into a fresh venv
and look from there.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FIND = """
import json, sys
import ledgerdesk
from ledgerdesk.resources import resource
names = json.loads(sys.argv[1])
found = {name: resource(*name.split("/")).is_file() for name in names}
print(json.dumps({"package": ledgerdesk.__file__, "found": found}))
"""


def shipped_names() -> list[str]:
    from ledgerdesk.ui.icons import ICON_FILES

    app = [f"app/ledgerdesk-{size}.png" for size in (16, 32, 48, 128, 256)]
    mo = [f"locale/{language}/LC_MESSAGES/ledgerdesk.mo" for language in ("de", "fr", "es")]
    return ["print/document.html", "app/ledgerdesk.svg", *app, "icons/LICENSE", *mo,
            *(f"icons/{name}.svg" for name in sorted(set(ICON_FILES.values())))]


@pytest.mark.slow
def test_a_wheel_installed_in_a_fresh_venv_finds_every_resource(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", str(ROOT)],
                   check=True, cwd=tmp_path)
    names = shipped_names()
    done = subprocess.run([str(python), "-c", FIND, json.dumps(names)], cwd=tmp_path,
                          capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"},
                          check=False)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert Path(answer["package"]).is_relative_to(venv)  # the wheel's copy, not src/
    assert [name for name, ok in answer["found"].items() if not ok] == []


def test_every_package_of_the_source_tree_is_in_the_wheel():
    """The package list is written out (``ledgerdesk.resources`` lives outside ``src/``), so a
    new package that is not added to it would be missing from the wheel and the bundle."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    source = ROOT / "src"
    found = {".".join(init.parent.relative_to(source).parts)
             for init in source.rglob("__init__.py")}
    assert found - listed == set()
    assert "ledgerdesk.resources" in listed
