"""``AccountDelegate``: pick a line's account from the chart (code and name)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ledgerdesk.domain.ledger import Account

Index = QModelIndex | QPersistentModelIndex


class AccountDelegate(QStyledItemDelegate):
    def __init__(self, accounts: list[Account], parent=None) -> None:
        super().__init__(parent)
        self.accounts = accounts

    def displayText(self, value, locale) -> str:
        names = {a.code: f"{a.code} {a.name}" for a in self.accounts}
        return names.get(str(value), str(value or ""))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        box = QComboBox(parent)
        for account in self.accounts:
            box.addItem(f"{account.code} {account.name}", account.code)
        box.activated.connect(lambda _i, b=box: self.commitData.emit(b))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
