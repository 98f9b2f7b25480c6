"""Where the keyboard is shows: every control Tab reaches in a form is drawn differently
while it has the focus, in light and in dark mode (a button that is the default must show
the focus too, not only the default's outline it had already)."""

from __future__ import annotations

import pytest
from key_helpers import field_of, focused, key, show_focused
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.ui.theme import use_scheme


def dialogs(session):
    from ledgerdesk.ui.editors.contact_dialog import ContactDialog
    from ledgerdesk.ui.editors.document_dialog import DocumentDialog
    from ledgerdesk.ui.editors.payment_dialog import PaymentDialog
    from ledgerdesk.ui.settings_dialog import SettingsDialog

    return {"invoice": lambda: DocumentDialog(DocumentEditor(session,
                                                             DocumentKind.SALES_INVOICE)),
            "payment": lambda: PaymentDialog(PaymentEditor(session,
                                                           PaymentKind.CUSTOMER_RECEIPT)),
            "contact": lambda: ContactDialog(session, Side.SALES),
            "settings": lambda: SettingsDialog(session)}


def looks(widget) -> QImage:
    return widget.grab().toImage()


@pytest.mark.parametrize("scheme", [Qt.ColorScheme.Light, Qt.ColorScheme.Dark],
                         ids=["light", "dark"])
@pytest.mark.parametrize("which", ["invoice", "payment", "contact", "settings"])
def test_every_control_tab_reaches_shows_it_has_the_focus(qtbot, qapp, ui_session, customer,
                                                          two_invoices, which, scheme):
    use_scheme(qapp, scheme)
    try:
        dialog = dialogs(ui_session)[which]()
        show_focused(qtbot, dialog)
        key(qtbot, Qt.Key.Key_Tab)  # keyboard focus from here on, as after any Tab
        unseen, start = [], field_of(focused())
        for _ in range(40):
            field = field_of(focused())
            with_focus = looks(field)
            key(qtbot, Qt.Key.Key_Tab)
            if field_of(focused()) is not field and looks(field) == with_focus:
                unseen.append(f"{type(field).__name__} {getattr(field, 'text', str)()!r}")
            if field_of(focused()) is start:
                break
        assert not unseen, f"no sign of the focus on: {unseen}"
    finally:
        use_scheme(qapp, Qt.ColorScheme.Light)
        qapp.processEvents()
