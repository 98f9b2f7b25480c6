"""Attack: ``ledgerdesk import KIND`` with hostile CSV files (random bytes, other encodings,
byte order marks, huge cells, ragged rows, duplicate and hostile headers), hostile
``--map`` values and options, and files that are no CSV at all (a book, a folder).

A refused file or a dry run changes no byte of the book; an import that goes through
leaves a book that passes ``ledgerdesk check`` (``cli_attack``).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cli_attack import attack_settings, option
from hostile_inputs import (
    DEMO_ACCOUNTS,
    FileSpec,
    book_files,
    csv_files,
    either,
    mostly,
    numbers,
    texts,
)
from ledgerdesk.services.imports.fields import FIELDS, ImportKind

KINDS = tuple(kind.value for kind in ImportKind)


def mappings(fields: tuple[str, ...]) -> st.SearchStrategy[str]:
    pair = st.builds(lambda field, header: f"{field}={header}",
                     either(fields, texts()), st.one_of(st.sampled_from(fields), texts()))
    return st.one_of(pair, texts())


@st.composite
def imports(draw: st.DrawFn, kind: str) -> tuple[FileSpec, list[str], bool]:
    """(the file, the options, whether it is a dry run)."""
    fields = tuple(spec.name for spec in FIELDS[ImportKind(kind)])
    data = st.builds(FileSpec, st.just("data"), csv_files(kind, fields))
    file = draw(mostly(data, book_files()))
    joined = draw(st.booleans())
    args = []
    for mapped in draw(mostly(st.just([]), st.lists(mappings(fields), max_size=2))):
        args += option("--map", mapped, joined)
    bank = mostly(st.none(), either(DEMO_ACCOUNTS, texts()))
    args += option("--bank", draw(bank), joined)
    rows = st.lists(st.one_of(st.sampled_from(("2", "3")), numbers(), texts()), max_size=2)
    for row in draw(mostly(st.just([]), rows)):
        args += option("--keep-excess-as-credit", row, joined)
    if kind == ImportKind.OPENING_BALANCES.value or draw(st.integers(0, 9)) == 0:
        args += option("--as-of", draw(mostly(st.just("2029-12-31"), texts())), joined)
    flags = ("--dry-run", "--create-contacts", "--accept-suggestions")
    args += draw(st.lists(st.sampled_from(flags), max_size=3, unique=True))
    return file, args, "--dry-run" in args


@attack_settings(80)
@given(kind=st.sampled_from(KINDS), data=st.data(),
       template=st.sampled_from(("demo", "demo", "empty")))
def test_import_with_hostile_files_and_options(attacker, kind, data, template):
    file, args, dry_run = data.draw(imports(kind))
    with attacker.scene() as scene:
        book = scene.book(template)
        outcome = scene.run("import", *args, "--", kind, book, scene.file(file, template),
                            writes=not dry_run)
        if outcome.status == 0 and not dry_run and kind != "bank":
            assert "Imported: " in outcome.out, outcome


@attack_settings(10)
@given(kind=texts(), book=book_files())
def test_import_of_a_hostile_kind_into_a_hostile_book(attacker, kind, book):
    with attacker.scene() as scene:
        path = scene.file(book)
        csv = scene.file(FileSpec("csv"))
        scene.run("import", "--", kind, path, csv, writes=True)
