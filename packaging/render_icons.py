"""Render the application icon's PNGs from its SVG source: ``python packaging/render_icons.py``.

``resources/app/ledgerdesk.svg`` is the source; ``ledgerdesk-16.png`` … ``ledgerdesk-256.png``
beside it are rendered from it with Qt's own SVG renderer (the one the window uses) and
committed, so neither a build nor an install needs to render anything.  Run it again after
changing the SVG.  The Windows ``.ico`` and macOS ``.icns`` are made from these PNGs by
the bundle's build (``packaging/README.md``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 32, 48, 128, 256)
APP = Path(__file__).resolve().parent.parent / "resources" / "app"


def render(source: Path, size: int, target: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not an SVG Qt can read")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise SystemExit(f"{target} could not be written")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    source = APP / "ledgerdesk.svg"
    for size in SIZES:
        target = APP / f"ledgerdesk-{size}.png"
        render(source, size, target)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
