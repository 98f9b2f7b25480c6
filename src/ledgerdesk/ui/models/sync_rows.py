"""Table models of the Sync panel and Settings > Connections (``presentation.sync_panel``)."""

from __future__ import annotations

from enum import IntEnum

from ledgerdesk.domain.i18n import _
from ledgerdesk.ui.models.read_rows import ReadRowsModel


class OutboxColumn(IntEnum):
    STATE = 0
    SERVICE = 1
    PAYMENT = 2
    DOCUMENT = 3
    ACTION = 4
    AMOUNT = 5
    DATE = 6
    MESSAGE = 7


class ConnectionColumn(IntEnum):
    SERVICE = 0
    BASE_URL = 1
    REMOTE_IDS = 2
    STATE = 3


def outbox_model(parent=None) -> ReadRowsModel:
    return ReadRowsModel(OutboxColumn, (_("State"), _("Service"), _("Payment"), _("Document"),
                                        _("Push"), _("Amount"), _("Date"), _("What happened")),
                         frozenset({OutboxColumn.AMOUNT}), parent)


def connections_model(parent=None) -> ReadRowsModel:
    return ReadRowsModel(ConnectionColumn,
                         (_("Service"), _("Base URL"), _("Remote ids"), _("State")),
                         frozenset(), parent)
