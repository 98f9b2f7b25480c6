"""The wizard's bank lines: a line already in the book, or offered as a journal, says so
and is never set to pay a document by itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.presentation.amount_format import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.import_lines import SKIP, LineChoices
from ledgerdesk.services.bank_ports import BankPosting
from ledgerdesk.services.imports.matching import SAME_AMOUNT, LineMatch, Suggestion
from ledgerdesk.services.imports.rows import StatementLine
from ledgerdesk.services.read_models import DocumentSummary
from ledgerdesk.services.statement_proposals import JournalProposal

D = dt.date(2024, 3, 1)


def _bill() -> DocumentSummary:
    eur = Money(Decimal("2.50"), "EUR")
    return DocumentSummary(id=7, kind=DocumentKind.BILL, number="BILL-00007", contact_id=1,
                           contact_name="Paper Supplies", issue_date=D, due_date=D,
                           reference="", total=eur, outstanding=eur,
                           lifecycle=Lifecycle.AUTHORISED)


def test_lines_in_the_book_and_journals_are_said_and_not_chosen():
    posting = BankPosting(41, 30, "1000", D, Decimal("-9.00"), SourceType.PAYMENT, 17,
                          "payment PAY-00017", "X", "Paper Supplies")
    journal = JournalProposal("6500", "Bank fees", "Card fees",
                              ("the reference contains 'fee' (bank rule 1)",), rule_id=1)
    weak = Suggestion(_bill(), SAME_AMOUNT, ("the amount equals what is outstanding",))
    lines = LineChoices([
        LineMatch(StatementLine(2, D, Decimal("-9.00"), "X", ""), (), posting=posting),
        LineMatch(StatementLine(3, D, Decimal("-2.50"), "card fee", ""), (weak,),
                  journal=journal),
    ], AmountFormatter("en_US", "EUR"), DateFormatter("en_US"))
    in_book, fee = lines.rows()
    assert (in_book.choice, in_book.why) == (SKIP, "already in the book (payment PAY-00017)")
    assert lines.options(2) == []
    assert fee.choice == SKIP and lines.chosen == {}
    assert fee.why == ("a journal with 6500 Bank fees: the reference contains 'fee' (bank "
                       "rule 1); ledgerdesk import bank --accept-suggestions records it")
