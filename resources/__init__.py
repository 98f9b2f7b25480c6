"""Ledgerdesk's resources: the application icon, the window's icons and the print template.

This folder is the source; the wheel installs it as the package ``ledgerdesk.resources``
(``package-dir`` in ``pyproject.toml``) and the PyInstaller bundle collects it as that
package's data.  Everything in it is read through ``importlib.resources``, never beside a
source file, so an editable checkout, an installed wheel and a frozen bundle find the same
files the same way.

- ``app/``: the application icon, ``ledgerdesk.svg`` and its PNGs (16 to 256 pixels,
  rendered by ``packaging/render_icons.py``);
- ``icons/``: the toolbar, menu and navigation icons, from Lucide (ISC; ``icons/LICENSE``),
  drawn in ``currentColor`` so the window paints them in its palette's text colour;
- ``print/``: the printed page's template.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """The resource at ``parts`` (``resource("icons", "plus.svg")``), wherever it is installed."""
    return files(__name__).joinpath(*parts)
