"""What a screen reader says of a control that shows no label of its own (a table, a list,
a search field): its name, in the words the screen shows, and what it holds or does.

A control beside a label is named by the label (``QLabel.setBuddy``), which also gives it
its Alt letter; this is for the rest.  The accessibility test walks every screen and fails
on a control that has neither.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from ledgerdesk.domain.i18n import N_, _

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, description: str = "") -> W:
    """``widget`` with its accessible ``name`` and, when given, ``description``."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def described(widget: W, description: str) -> W:
    """``widget`` with its accessible ``description``: what it does, or what to type in it,
    said after its name ("Save, button: records the payment and closes the form")."""
    widget.setAccessibleDescription(description)
    return widget


#: What a dialog's standard buttons do, unless the dialog says more of its own.
STANDARD_DESCRIPTIONS = {
    QDialogButtonBox.StandardButton.Ok: N_("Accepts what the form shows and closes it"),
    QDialogButtonBox.StandardButton.Save: N_("Saves what the form shows and closes it"),
    QDialogButtonBox.StandardButton.Cancel: N_("Closes the form without keeping what was "
                                               "typed"),
    QDialogButtonBox.StandardButton.Close: N_("Closes this window"),
    QDialogButtonBox.StandardButton.Apply: N_("Applies what the form shows"),
    QDialogButtonBox.StandardButton.Yes: N_("Answers yes"),
    QDialogButtonBox.StandardButton.No: N_("Answers no"),
    QDialogButtonBox.StandardButton.Discard: N_("Closes the form and drops what was typed"),
    QDialogButtonBox.StandardButton.Help: N_("Shows help for this form"),
}


def described_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """``box`` with each of its standard buttons described (Save, Cancel, Close …); a
    button the dialog described itself keeps its own words."""
    for which, words in STANDARD_DESCRIPTIONS.items():
        button = box.button(which)
        if button is not None and not button.accessibleDescription():
            button.setAccessibleDescription(_(words))
    return box
