"""Extract, update and compile the translations: ``python packaging/translations.py [step]``.

Steps (default ``all``, in this order):

- ``extract``: ``pybabel extract`` over ``src/ledgerdesk`` (``babel.cfg``) into the template
  ``resources/locale/ledgerdesk.pot``;
- ``update``: ``pybabel update`` merges the template into each language's ``.po`` (new
  messages empty, changed ones fuzzy: both count as untranslated);
- ``compile``: ``pybabel compile`` writes each ``.mo`` beside its ``.po`` (fuzzy ones left
  out), with the statistics;
- ``init LANG``: a new language's ``.po`` from the template.

The ``.mo`` files are committed (tests/resources/test_translations.py fails when one is stale
against its ``.po``, or the template against the code), so a wheel and a frozen bundle ship
them as plain package data, with no build step of their own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "ledgerdesk.pot"
DOMAIN = "ledgerdesk"

#: The functions a message is written through (``domain/i18n.py``, ``domain/wording.py``),
#: as Babel's keyword specs: ``plural(count, one, many)`` is ``ngettext`` from its 2nd arg.
KEYWORDS = ("_", "N_", "Nn_:1,2", "ngettext:1,2", "pgettext:1c,2", "plural:2,3")


def keyword_args() -> list[str]:
    return [arg for spec in KEYWORDS for arg in ("-k", spec)]


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", *args])


def extract(output: Path = TEMPLATE) -> None:
    """The template from the code; run from ``src`` so locations read ``ledgerdesk/…``."""
    here = Path.cwd()
    os.chdir(ROOT / "src")
    try:
        pybabel("extract", "-F", str(ROOT / "babel.cfg"), "--no-default-keywords",
                *keyword_args(), "--add-comments=Translators:", "--add-location=file",
                "--sort-output", "-w", "100", "--project=Ledgerdesk",
                "--copyright-holder=Ledgerdesk", "-o", str(output), ".")
    finally:
        os.chdir(here)


def update() -> None:
    pybabel("update", "-i", str(TEMPLATE), "-d", str(LOCALE), "-D", DOMAIN, "-w", "100",
            "--ignore-obsolete")


def compile_all() -> None:
    pybabel("compile", "-d", str(LOCALE), "-D", DOMAIN, "--statistics")


def init(language: str) -> None:
    pybabel("init", "-i", str(TEMPLATE), "-d", str(LOCALE), "-D", DOMAIN, "-l", language,
            "-w", "100")


def main(argv: list[str]) -> int:
    step = argv[0] if argv else "all"
    if step == "init" and len(argv) == 2:
        init(argv[1])
        return 0
    steps = {"extract": [extract], "update": [update], "compile": [compile_all],
             "all": [extract, update, compile_all]}
    if step not in steps:
        print(__doc__, file=sys.stderr)
        return 2
    for run in steps[step]:
        run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
