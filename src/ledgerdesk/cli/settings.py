"""``ledgerdesk settings PATH [--OPTION VALUE ...]``: print the book's settings, one per line,
or change some of them, through the same service as the window's Settings dialog.

Each option is one field of ``services.settings.CompanySettings``; ``OPTIONS`` says which,
and how the field is printed, so a new setting is one more row here (its checks are the
service's).  Changes are saved together or, when any is refused, none is.
``--tax-rounding per-line|per-document`` is saved on its own (``set_tax_rounding``, as the
dialog does): it applies to documents saved from now on, and the command says so.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TextIO

from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.tax_rounding import TaxRounding
from ledgerdesk.services.settings import (
    TAX_ROUNDING_NOTE,
    CompanySettings,
    read_settings,
    set_tax_rounding,
    tax_rounding,
    update_settings,
)


@dataclass(frozen=True)
class SettingOption:
    name: str  # ``--name`` on the command line, and the key printed
    field: str  # of CompanySettings
    metavar: str
    help: str
    shown: Callable[[str], str] = str


def _one_line(text: str) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


OPTIONS = (
    SettingOption("company", "company", "NAME", "the company's name"),
    SettingOption("address", "address", "TEXT",
                  "the postal address printed on documents (\\n between lines)", _one_line),
    SettingOption("tax-number", "tax_number", "TEXT", "the company's tax number"),
    SettingOption("locale", "locale", "L",
                  "how numbers and dates are written, e.g. de_DE ('' for the system's)",
                  lambda tag: tag or "(the system's)"),
    SettingOption("fiscal-year-start", "fiscal_year_start", "MM-DD",
                  "the first day of the fiscal year, e.g. 04-01 (02-29 is refused)"),
)
ROUNDINGS = tuple(r.words for r in TaxRounding)
#: ``--prefix KIND=TEXT``: the kinds by the word used on the command line.
PREFIX_KINDS = {kind.label.replace(" ", "-"): kind for kind in DocumentKind}


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "settings", _("print the book's settings, or change them"),
        _("Without options, print every setting of the book, one per line. With options, change "
          "those settings (all of them, or none when one is refused)."),
    )
    sub.add_argument("path", metavar="PATH", help=_("the book file"))
    for option in OPTIONS:
        sub.add_argument(f"--{option.name}", dest=option.field, metavar=option.metavar,
                         help=option.help)
    sub.add_argument("--prefix", action="append", default=[], metavar="KIND=TEXT",
                     help=_("a document number prefix, e.g. invoice=INV- (kinds: {items})").format(
                         items=', '.join(PREFIX_KINDS)))
    sub.add_argument("--tax-rounding", choices=ROUNDINGS,
                     help=_("round tax on each line, or once per tax code per document (documents "
                            "saved from now on)"))


def run_settings(args: argparse.Namespace, out: TextIO) -> int:
    changes = {o.field: getattr(args, o.field) for o in OPTIONS
               if getattr(args, o.field) is not None}
    prefixes = [_prefix(text) for text in args.prefix]
    with opened(args.path) as book:
        current = read_settings(book)
        if args.tax_rounding is not None:
            chosen = TaxRounding.from_words(args.tax_rounding)
            said = _("is now") if set_tax_rounding(book, chosen) else _("was already")
            out.write(_("Tax rounding {said} {words}. {tax_rounding_note}\n").format(
                          said=said,
                          words=chosen.words,
                          tax_rounding_note=_(TAX_ROUNDING_NOTE)) + "\n")
        if changes or prefixes:
            if "address" in changes:
                changes["address"] = changes["address"].replace("\\n", "\n")
            wanted = replace(current, **changes,
                             prefixes={**current.prefixes, **dict(prefixes)})
            update_settings(book, wanted, _known_locales())
            current = read_settings(book)
        rounding = tax_rounding(book)
    for key, value in settings_lines(current, rounding):
        out.write(f"{key}: {value}\n")
    return 0


def settings_lines(settings: CompanySettings, rounding: TaxRounding) -> list[tuple[str, str]]:
    """Every setting as (key, value), in the order the options are listed."""
    lines = [(o.name, o.shown(getattr(settings, o.field))) for o in OPTIONS]
    lines.append(("tax-rounding", rounding.words))
    lines.insert(1, ("currency", settings.currency))
    lines += [(f"{word}-prefix", settings.prefixes.get(kind, ""))
              for word, kind in PREFIX_KINDS.items()]
    logo = settings.logo
    lines.append(("logo", "none" if logo is None else
                  f"{logo.media_type}, {len(logo.data):,} bytes"))
    lock = settings.lock_date  # changed with ``ledgerdesk lock``
    lines.append(("locked-through", lock.isoformat() if lock else _("not locked")))
    return lines


def _prefix(text: str) -> tuple[DocumentKind, str]:
    word, sep, prefix = text.partition("=")
    kind = PREFIX_KINDS.get(word.strip().lower())
    if not sep or kind is None:
        raise CliError(_("--prefix {text!r}: write KIND=TEXT, KIND one of {items}.").format(
            text=text,
            items=', '.join(PREFIX_KINDS)))
    return kind, prefix


def _known_locales() -> frozenset[str]:
    from ledgerdesk.presentation.settings import known_locales

    return known_locales()
