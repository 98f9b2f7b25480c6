"""The ledger as a plain-text journal that ledger-cli 3 and hledger both read.

Pure formatting: a chart of accounts and an iterable of journal entries in, text lines out
(without line endings), so an export of any size streams.  Amounts are exact, with an
explicit commodity (``1234.50 EUR``), signed debit-positive like the book, so
``ledger balance`` and ``hledger balance`` show the same numbers as the trial balance.
A posting that holds foreign money is written in its own currency with its home amount as
its total cost (``100.00 USD @@ 90.00 EUR``), so ``ledger balance --basis`` and
``hledger balance --cost`` show exactly the trial balance, and the plain balance the
foreign money itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from ledgerdesk.domain.ledger import Account, JournalEntry, JournalLine
from ledgerdesk.domain.money import Money

INDENT = "    "
#: Two spaces end an account name in both tools; everything after is the amount.
SEPARATOR = "  "
UNKNOWN_ROOT = "Unknown"

# Characters the journal formats give a meaning to: comments (;), prices (@), assertions (=),
# virtual postings ((, [), lot prices ({), status marks (*, !), codes and tags (#, |, ").
_SPECIAL = re.compile(r"[;@=()\[\]{}*!|#\"]")
_WHITESPACE = re.compile(r"\s+")
# A description may not start with a status mark, a transaction code or an auxiliary date.
_LEADING = re.compile(r"^[\s*!(=]+")


def clean_text(text: str) -> str:
    """One line, single spaces: no newlines, tabs or two-space runs (which end a field)."""
    return _WHITESPACE.sub(" ", text).strip()


def account_segment(text: str) -> str:
    """One colon-free account name segment without the characters ledger treats specially."""
    return clean_text(_SPECIAL.sub(" ", text.replace(":", "-")))


def account_name(account: Account) -> str:
    """``Assets:1100 Accounts Receivable``: the type's root, then the code and the name."""
    leaf = account_segment(f"{account.code} {account.name}")
    return f"{account.type.ledger_root}:{leaf or 'Unnamed'}"


def fallback_account_name(code: str) -> str:
    """A name for a code that is not in the chart (a damaged book), so nothing is lost."""
    return f"{UNKNOWN_ROOT}:{account_segment(code) or 'Unnamed'}"


def format_amount(money: Money) -> str:
    """Exact, fixed-point, never scientific: ``-1234.50 EUR``."""
    return f"{money.amount:f} {money.currency}"


def posting_amount(line: JournalLine) -> str:
    """The home amount, or the foreign amount at its total cost at home (a cost is written
    without its sign: both tools take the sign of the amount)."""
    if line.foreign is None:
        return format_amount(line.amount)
    return f"{format_amount(line.foreign)} @@ {format_amount(abs(line.amount))}"


def clean_memo(text: str, fallback: str) -> str:
    """A transaction description both tools read as plain text."""
    memo = clean_text(text.replace(";", ","))
    memo = _LEADING.sub("", memo)
    return memo or fallback


def account_names(accounts: Mapping[str, Account]) -> dict[str, str]:
    """Each code's journal name, in code order; a clash left by sanitizing gets a suffix."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for code in sorted(accounts):
        name = base = account_name(accounts[code])
        suffix = 2
        while name.casefold() in taken:
            name, suffix = f"{base} {suffix}", suffix + 1
        taken.add(name.casefold())
        names[code] = name
    return names


def entry_lines(entry: JournalEntry, names: Mapping[str, str]) -> Iterator[str]:
    """The header and postings of one entry, followed by a blank line."""
    fallback = f"Journal entry {entry.id}" if entry.id is not None else "Journal entry"
    yield f"{entry.date.isoformat()} {clean_memo(entry.memo, fallback)}"
    for line in entry.lines:
        yield posting_line(line, names)
    yield ""


def posting_line(line: JournalLine, names: Mapping[str, str]) -> str:
    name = names.get(line.account_code) or fallback_account_name(line.account_code)
    text = f"{INDENT}{name}{SEPARATOR}{posting_amount(line)}"
    memo = clean_text(line.memo)
    return f"{text}{SEPARATOR}; {memo}" if memo else text


def journal_lines(
    accounts: Mapping[str, Account], entries: Iterable[JournalEntry], *, title: str = ""
) -> Iterator[str]:
    """The whole journal: a comment header, the account declarations, then every entry."""
    if title:
        yield f"; {clean_text(title)}"
        yield ""
    names = account_names(accounts)
    # Declared accounts appear in both tools' reports even before anything is posted to them.
    for name in names.values():
        yield f"account {name}"
    yield ""
    for entry in entries:
        if entry.lines:
            yield from entry_lines(entry, names)
