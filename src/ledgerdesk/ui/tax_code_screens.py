"""Tax codes for ``screenshots``: the list (File > Tax codes…) with a used code selected, a
used code's new rate refused beside the field, and a new code's rate that is not a
percentage.  Nothing is saved: a screenshot changes no book."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QDialog, QWidget

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.session import Session
from ledgerdesk.ui.editors.tax_code_dialog import TaxCodeDialog
from ledgerdesk.ui.tax_codes_dialog import TaxCodesDialog


def tax_code_dialogs(session: Session, parent: QWidget) -> Iterator[tuple[str, QDialog]]:
    listed = TaxCodesDialog(session, parent)
    rows = listed.presenter.rows
    used_rows = [i for i, row in enumerate(rows) if not row.changeable]
    used = max(used_rows, key=lambda i: rows[i].code.rate, default=None)  # Standard 20%
    listed.table.selectRow(used or 0)
    yield "73-tax-codes", listed
    if used is not None:  # only a used code is refused: saving another would change it
        row = rows[used]
        refused = TaxCodeDialog(session, row.use, parent)
        refused.rate.setText(_other_rate(row.rate))
        refused.save()
        yield "74-tax-code-used-refused", refused
    new = TaxCodeDialog(session, None, parent)
    new.name.setText(_("Books and newspapers"))
    new.rate.setText("5½")
    yield "75-tax-code-new-not-a-percentage", new


def _other_rate(rate: str) -> str:
    """A rate one point above ``rate`` as typed in the list (``20`` -> ``21``)."""
    whole = rate.split(",")[0].split(".")[0]
    return str(int(whole) + 1) if whole.isdigit() else "21"
