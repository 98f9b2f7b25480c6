"""A document form's lines: what the user typed in each cell, and those texts as the
command's lines (``LineInput``), read in the user's locale.

A line's texts turn into a command line only whole: a number that does not parse, or a
text the command refuses (a control character pasted into a description), is a problem
named by the line as the form counts it (``lines[2].description``), never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from pydantic import ValidationError

from ledgerdesk.domain.documents import LineItem
from ledgerdesk.domain.problems import Problem
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.numbers import NumberText, parse_number, price_text
from ledgerdesk.services.commands import LineInput, problems_from

LINE_FIELDS = ("description", "quantity", "unit_price", "discount_percent", "account_code",
               "tax_code")
DECIMALS = {"quantity": 4, "unit_price": 4, "discount_percent": 2}


@dataclass
class LineDraft:
    texts: dict[str, str] = field(default_factory=lambda: {"quantity": "1"})
    errors: dict[str, str] = field(default_factory=dict)
    account_defaulted: bool = False  # the account is the form's default, not the user's
    tax_defaulted: bool = False  # and the tax code (its id, as text)

    def text(self, name: str) -> str:
        return self.texts.get(name, "")

    @property
    def has_content(self) -> bool:
        return any(self.text(name).strip() for name in ("description", "unit_price"))


def _number(line: LineDraft, name: str, locale: str, default: str = "0") -> Decimal:
    text = line.text(name).strip() or default
    return parse_number(text, locale, DECIMALS[name])


def line_input(line: LineDraft, locale: str) -> LineInput:
    """The line as the command takes it; ``NumberError`` or pydantic's ``ValidationError``
    for texts it cannot be."""
    code = line.text("tax_code").strip()
    return LineInput(
        description=line.text("description"), quantity=_number(line, "quantity", locale, "1"),
        unit_price=_number(line, "unit_price", locale),
        account_code=line.text("account_code"),
        tax_code_id=int(code) if code.isdigit() else None,
        discount_percent=_number(line, "discount_percent", locale),
    )


def line_inputs(lines: list[LineDraft], locale: str) -> tuple[list[LineInput], list[Problem]]:
    """The lines with something in them as command lines, and the problems of those the
    command refuses, each on its line as the form counts them."""
    inputs, problems = [], []
    for index, line in enumerate(lines):
        if not line.has_content:
            continue
        try:
            inputs.append(line_input(line, locale))
        except ValidationError as exc:
            problems += [replace(p, field=f"lines[{index}].{p.field}")
                         for p in problems_from(exc)]
    return inputs, problems


def line_draft(item: LineItem, locale: str, fmt: AmountFormatter) -> LineDraft:
    """A saved line, written back into the form's cells as the user would type it."""
    plain = NumberText(locale)
    return LineDraft({
        "description": item.description, "quantity": plain(item.quantity),
        "unit_price": price_text(item.unit_price, fmt, plain),
        "discount_percent": plain(item.discount_percent),
        "account_code": item.account_code,
        "tax_code": "" if item.tax_code_id is None else str(item.tax_code_id),
    })
