"""A print model to a PDF file with Qt: HTML laid out by ``QTextDocument`` on the pages of a
``QPdfWriter``, with the page's footer and "Page n of m" drawn on each page.  The same
layout drawn on an image is the preview that ``ui.screenshots`` saves.

Everything about what the page says is decided in ``presentation.print_model`` and
``print_html``; this module only knows about paper, pixels and fonts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.output_files import write_bytes
from ledgerdesk.presentation.print_html import LOGO_BOX_PT, LOGO_URL, print_html
from ledgerdesk.presentation.print_model import PageSize, PrintModel, page_label
from ledgerdesk.ui.logo import logo_image

DPI = 300
MARGIN_MM = 18
FOOTER_MM = 12  # below the body: a rule, the footer text and the page number
BODY_POINT_SIZE = 9.0
_PAGE_SIZES = {PageSize.A4: QPageSize.PageSizeId.A4, PageSize.LETTER: QPageSize.PageSizeId.Letter}


class PdfError(OSError):
    """Qt could not draw the PDF (the file itself fails with the ``OSError`` of its cause)."""


def write_pdf(model: PrintModel, path: Path) -> int:
    """Write ``model`` to ``path`` as a PDF (by ``output_files``'s rule: a regular file is
    moved into place whole, a link or a pipe stays what it is); returns the page count."""
    data, pages = pdf_bytes(model)
    write_bytes(path, data)
    return pages


def pdf_bytes(model: PrintModel) -> tuple[bytes, int]:
    """``model`` as the bytes of a PDF file, and its number of pages."""
    _ensure_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(_PAGE_SIZES[model.page_size]),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(f"{model.title} {model.footer}")
    writer.setCreator("Ledgerdesk")
    pages = _Pages(model, writer, DPI)
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfError(_("Qt could not start a PDF."))
    try:
        for index in range(pages.count):
            if index:
                writer.newPage()
            pages.paint(painter, index)
    finally:
        painter.end()
    return buffer.data().data(), pages.count


def page_image(model: PrintModel, index: int = 0, dpi: int = 110) -> QImage:
    """Page ``index`` as the PDF shows it, drawn on a white image at ``dpi``."""
    _ensure_application()
    size = QPageSize(_PAGE_SIZES[model.page_size]).sizePixels(dpi)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(Qt.GlobalColor.white)
    pages = _Pages(model, image, dpi)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pages.paint(painter, min(index, pages.count - 1))
    painter.end()
    return image


class _Pages:
    """The model laid out for one device: its body on each page, then the footer."""

    def __init__(self, model: PrintModel, device: QPaintDevice, dpi: int) -> None:
        self.model, self.dpi = model, dpi
        full = QPageSize(_PAGE_SIZES[model.page_size]).sizePixels(dpi)
        self.margin, self.footer = self._px(MARGIN_MM), self._px(FOOTER_MM)
        self.body = QSizeF(full.width() - 2 * self.margin,
                           full.height() - 2 * self.margin - self.footer)
        self.document = self._document(device)
        self.count = self.document.pageCount()

    def _px(self, mm: float) -> float:
        return mm / 25.4 * self.dpi

    def _document(self, device: QPaintDevice) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(device)  # points become device pixels
        font = QFont()
        font.setPointSizeF(BODY_POINT_SIZE)
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        logo_px = None
        if self.model.logo is not None:
            box = QSize(round(LOGO_BOX_PT[0] * self.dpi / 72),
                        round(LOGO_BOX_PT[1] * self.dpi / 72))
            image = logo_image(self.model.logo, box)
            if image is not None:
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL),
                                     image)
                # <img> sizes are CSS pixels, 1/96 inch, whatever the device's resolution.
                logo_px = (round(image.width() * 96 / self.dpi),
                           round(image.height() * 96 / self.dpi))
        document.setHtml(print_html(self.model, logo_px))
        document.setPageSize(self.body)
        return document

    def paint(self, painter: QPainter, index: int) -> None:
        height, width = self.body.height(), self.body.width()
        painter.save()
        painter.translate(self.margin, self.margin - index * height)
        self.document.drawContents(painter, QRectF(0, index * height, width, height))
        painter.restore()
        self._footer(painter, QRectF(self.margin, self.margin + height, width, self.footer),
                     page_label(index + 1, self.count))

    def _footer(self, painter: QPainter, area: QRectF, page: str) -> None:
        painter.save()
        painter.setPen(QPen(QColor("#d5dde0"), self.dpi / 150))
        top = area.top() + self._px(4)
        painter.drawLine(QPointF(area.left(), top), QPointF(area.right(), top))
        font = QFont()
        font.setPointSizeF(7.5)
        painter.setFont(font)
        painter.setPen(QColor("#5b6b73"))
        text = QRectF(area.left(), top + self._px(1.5), area.width(),
                      area.height() - self._px(5.5))
        left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        painter.drawText(text, left | Qt.AlignmentFlag.AlignTop, self.model.footer)
        painter.drawText(text, right | Qt.AlignmentFlag.AlignTop, page)
        painter.restore()


_application: list[QApplication] = []  # one made here is kept alive for the process


def _ensure_application() -> None:
    """Fonts and images need a Qt application; the command line has none of its own.  A
    full ``QApplication``, so that widgets can still be shown later in the same process."""
    if QApplication.instance() is None:
        _application.append(QApplication(sys.argv[:1]))
