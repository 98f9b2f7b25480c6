"""A print model to a PDF file with Qt: HTML laid out by ``QTextDocument`` on the pages of a
``QPdfWriter``, with the page's footer and "Page n of m" drawn on each page.

Everything about what the page says is decided in ``presentation.print_model`` and
``print_html``; this module only knows about paper, pixels and fonts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from ledgerdesk.presentation.print_html import LOGO_BOX_PT, LOGO_URL, print_html
from ledgerdesk.presentation.print_model import PageSize, PrintModel, page_label
from ledgerdesk.ui.logo import logo_image

DPI = 300
MARGIN_MM = 18
FOOTER_MM = 12  # below the body: a rule, the footer text and the page number
BODY_POINT_SIZE = 9.0
_PAGE_SIZES = {PageSize.A4: QPageSize.PageSizeId.A4, PageSize.LETTER: QPageSize.PageSizeId.Letter}


class PdfError(OSError):
    """The PDF could not be written (a folder that does not exist, no permission)."""


def write_pdf(model: PrintModel, path: Path) -> int:
    """Write ``model`` to ``path`` as a PDF; returns the number of pages."""
    _ensure_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(_PAGE_SIZES[model.page_size]),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(f"{model.title} {model.footer}")
    writer.setCreator("Ledgerdesk")
    page = writer.pageLayout().fullRectPixels(DPI)
    margin, footer = _px(MARGIN_MM), _px(FOOTER_MM)
    body = QSizeF(page.width() - 2 * margin, page.height() - 2 * margin - footer)
    document = _document(model, writer, body)
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfError(f"{path} could not be written.")
    try:
        pages = document.pageCount()
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(margin, margin - index * body.height())
            document.drawContents(painter, QRectF(0, index * body.height(), body.width(),
                                                  body.height()))
            painter.restore()
            _footer(painter, model, QRectF(margin, margin + body.height(), body.width(),
                                           footer), page_label(index + 1, pages))
    finally:
        painter.end()
    return pages


_application: list[QApplication] = []  # one made here is kept alive for the process


def _ensure_application() -> None:
    """Fonts and images need a Qt application; the command line has none of its own.  A
    full ``QApplication``, so that widgets can still be shown later in the same process."""
    if QApplication.instance() is None:
        _application.append(QApplication(sys.argv[:1]))


def _px(mm: float) -> float:
    return mm / 25.4 * DPI


def _document(model: PrintModel, writer: QPdfWriter, body: QSizeF) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # points become this writer's pixels
    font = QFont()
    font.setPointSizeF(BODY_POINT_SIZE)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    logo_px = None
    if model.logo is not None:
        box = QSize(round(LOGO_BOX_PT[0] * DPI / 72), round(LOGO_BOX_PT[1] * DPI / 72))
        image = logo_image(model.logo, box)
        if image is not None:
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL),
                                 image)
            # <img> sizes are CSS pixels, 1/96 inch, whatever the device's resolution.
            logo_px = (round(image.width() * 96 / DPI), round(image.height() * 96 / DPI))
    document.setHtml(print_html(model, logo_px))
    document.setPageSize(body)
    return document


def _footer(painter: QPainter, model: PrintModel, area: QRectF, page: str) -> None:
    painter.save()
    painter.setPen(QPen(QColor("#d5dde0"), DPI / 150))
    top = area.top() + _px(4)
    painter.drawLine(QPointF(area.left(), top), QPointF(area.right(), top))
    font = QFont()
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(QColor("#5b6b73"))
    text = QRectF(area.left(), top + _px(1.5), area.width(), area.height() - _px(5.5))
    painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, model.footer)
    painter.drawText(text, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page)
    painter.restore()
