"""``AccountPickerDelegate``: a journal line's account, typed with completion.

The cell's editor is an editable combo of "code name" entries; typing any part of a code or
a name offers the accounts that hold it.  What is typed goes to the model as typed: the
editor reads a code, "code name" or a name (``JournalEditor.account_code_of``), so an
account that is not in the list is named in the problem, never silently replaced.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account

Index = QModelIndex | QPersistentModelIndex


class AccountPickerDelegate(QStyledItemDelegate):
    def __init__(self, accounts: list[Account], parent=None) -> None:
        super().__init__(parent)
        self.accounts = accounts

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        box = QComboBox(parent)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.setFrame(False)
        for account in self.accounts:
            box.addItem(f"{account.code} {account.name}", account.code)
        completer = QCompleter(box.model(), box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        box.setCompleter(completer)
        box.lineEdit().setPlaceholderText(_("Code or name…"))
        # A pick from the list is final: commit it at once, as Tab or Enter would.
        box.activated.connect(lambda _i, b=box: self.commitData.emit(b))
        completer.activated.connect(lambda _text, b=box: self.commitData.emit(b))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            text = index.data(Qt.ItemDataRole.EditRole) or ""
            if editor.currentText() != text:
                found = editor.findText(text)
                editor.setCurrentIndex(found)
                editor.setEditText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
