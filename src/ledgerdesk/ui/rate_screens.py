"""File > Exchange rates… for ``screenshots``: a week of the ECB's rates imported into a
new book in ``scratch`` (never the book shown: a screenshot changes no book), the latest
of each currency, one currency's history, and the Add form refusing a rate.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from ledgerdesk.presentation.session import BookFiles, Session
from ledgerdesk.ui.editors.rate_dialog import RateDialog
from ledgerdesk.ui.rates_dialog import RatesDialog

#: The history file's shape, newest first (CYP joined the euro: skipped on import).
SAMPLE = """Date,USD,JPY,CYP,GBP,CHF,SEK,
2026-12-04,1.0543,158.20,N/A,0.83125,0.9312,11.4830,
2026-12-03,1.0512,157.85,N/A,0.83010,0.9298,11.4710,
2026-12-02,1.0530,158.02,N/A,0.83070,0.9305,11.4925,
2026-12-01,1.0498,157.10,N/A,0.82950,0.9301,11.5120,
2026-11-30,1.0476,156.84,N/A,0.82885,0.9290,11.5340,
"""


def rate_dialogs(session: Session, files: BookFiles, scratch: Path,
                 parent: QWidget) -> Iterator[tuple[str, QDialog]]:
    from ledgerdesk.presentation.rate_list import RateList

    path = scratch / "rates.book"
    book = files.create(path, company=session.company, currency=session.currency)
    try:
        sample = scratch / "eurofxref-hist.csv"
        sample.write_text(SAMPLE, encoding="utf-8")
        shown = replace(session, book=book, path=path)
        summary = RateList(shown).import_file(sample)
        listed = RatesDialog(shown, parent)
        listed.status.setText(summary)
        yield "82-exchange-rates", listed
        history = RatesDialog(shown, parent)
        history.picker.setCurrentIndex(history.picker.findData("USD"))
        yield "83-exchange-rates-one-currency", history
        refused = RateDialog(shown, "", parent)
        refused.currency.setText(session.currency)
        refused.rate.setText("-1")
        refused.save()
        yield "84-exchange-rate-refused", refused
    finally:
        book.close()
