"""The company logo in Qt: decoded (PNG, JPEG or SVG) into an image of a wanted size, and
the Settings row that shows it with Choose… and Remove."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.services.company_logo import LogoImage, logo_from_file
from ledgerdesk.ui import file_dialogs
from ledgerdesk.ui.accessible import described

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.svg);;All files (*)"
PREVIEW = QSize(160, 56)


def natural_size(logo: LogoImage) -> QSize | None:
    """The logo's own size in pixels, or None when Qt cannot decode it."""
    if logo.is_svg:
        renderer = QSvgRenderer(QByteArray(logo.data))
        return renderer.defaultSize() if renderer.isValid() else None
    image = QImage.fromData(logo.data)
    return None if image.isNull() else image.size()


def fitted(size: QSize, box: QSize) -> QSize:
    """``size`` scaled to fit inside ``box``, keeping its proportions (never zero)."""
    scaled = size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
    return QSize(max(1, scaled.width()), max(1, scaled.height()))


def logo_image(logo: LogoImage, box: QSize) -> QImage | None:
    """The logo drawn to fit ``box`` pixels: an SVG rendered sharp at that size."""
    size = natural_size(logo)
    if size is None or size.isEmpty():
        return None
    target = fitted(size, box)
    if not logo.is_svg:
        image = QImage.fromData(logo.data)
        return image.scaled(target, Qt.AspectRatioMode.IgnoreAspectRatio,
                            Qt.TransformationMode.SmoothTransformation)
    image = QImage(target, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(logo.data)).render(painter, QRectF(0, 0, target.width(),
                                                              target.height()))
    painter.end()
    return image


class LogoPicker(QWidget):
    """A preview of the logo, Choose… (checks the file) and Remove; ``logo`` is the choice,
    saved with the rest of Settings.  ``report`` shows a refusal (empty text clears it)."""

    def __init__(self, logo: LogoImage | None, report: Callable[[str], None]) -> None:
        super().__init__()
        self.logo = logo
        self.report = report
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.choose_button = QPushButton(_("C&hoose…"))
        described(self.choose_button,
                  _("Chooses an image file to print on invoices and statements"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(_("Re&move"))
        described(self.remove_button, _("Removes the logo from the printed documents"))
        self.remove_button.clicked.connect(lambda: self.set_logo(None))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self._show()

    def choose(self) -> None:
        path = file_dialogs.open_file(self, _("Choose the company logo"), IMAGE_FILTER)
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> bool:
        """Take the image at ``path``, or report why not and keep the current logo."""
        try:
            logo = logo_from_file(path)
        except ValidationFailed as exc:
            self.report(" ".join(p.message for p in exc.problems))
            return False
        except OSError as exc:
            self.report(_("{name} could not be read: {value}.").format(
                            name=path.name,
                            value=exc.strerror or exc))
            return False
        if natural_size(logo) is None:
            self.report(_("{name} looks like an image but could not be read; it may be "
                          "damaged.").format(
                name=path.name))
            return False
        self.report("")
        self.set_logo(logo)
        return True

    def set_logo(self, logo: LogoImage | None) -> None:
        self.logo = logo
        self._show()

    def _show(self) -> None:
        image = logo_image(self.logo, PREVIEW) if self.logo else None
        if image is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("No logo"))
        else:
            self.preview.setPixmap(QPixmap.fromImage(image))
        self.remove_button.setEnabled(self.logo is not None)
