"""Reading the file: encodings, delimiters, foreign files, the formula guard, row numbers."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.reports.csv_format import guard_cell
from ledgerdesk.services.imports import ImportFileError, open_csv, unguard_cell


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_reads_utf8_with_or_without_bom_and_any_delimiter(csv_file, bom, delimiter):
    path = csv_file([["Name", "E-mail"], ["Café Größe; Ltd", "a@b.example"]],
                    delimiter=delimiter, bom=bom)
    source = open_csv(path)
    assert source.headers == ("Name", "E-mail")
    assert [r.cells for r in source.rows()] == [("Café Größe; Ltd", "a@b.example")]


def test_excels_sep_line_names_the_delimiter_and_is_not_a_row(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"sep=;\r\nName;Note\r\nA, B and C;1,5\r\n")
    source = open_csv(path)
    assert (source.headers, source.delimiter) == (("Name", "Note"), ";")
    assert [(r.number, r.cells) for r in source.rows()] == [(2, ("A, B and C", "1,5"))]


def test_row_numbers_are_the_spreadsheets_even_with_a_cell_on_two_lines(csv_file):
    path = csv_file([["name", "email"], ["A", "x@y.z"], ["B\nsecond line", ""], [], ["C", ""]])
    assert [(r.number, r.cells[0]) for r in open_csv(path).rows()] == [
        (2, "A"), (3, "B\nsecond line"), (5, "C"),
    ]


@pytest.mark.parametrize(("content", "says"), [
    (b"PK\x03\x04\x14\x00\x06\x00rest of a workbook", "Excel workbook"),
    (b"SQLite format 3\x00" + bytes(100), "database"),
    (b"%PDF-1.7\n", "PDF"),
    (codecs.BOM_UTF16_LE + "name\n".encode("utf-16-le"), "UTF-16"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ("name\nCafé\n".encode("latin-1"), "not UTF-8"),
    (b"", "empty"),
    (b"name,Name\nx,y\n", "two columns named"),
])
def test_refuses_what_is_not_a_utf8_csv_file_with_the_reason(tmp_path, content, says):
    path = tmp_path / "input.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=says) as caught:
        open_csv(path)
    assert "input.csv" in str(caught.value)


def test_bad_utf8_after_the_sample_names_the_row(tmp_path):
    path = tmp_path / "big.csv"
    good = "".join(f"row{i},x\n" for i in range(8000))
    path.write_bytes(b"name,email\n" + good.encode() + "Café,x\n".encode("latin-1"))
    with pytest.raises(ImportFileError, match="row 8002 is not UTF-8 text"):
        list(open_csv(path).rows())


def test_the_guard_apostrophe_is_removed_only_before_a_guarded_character():
    assert unguard_cell("'=HYPERLINK(\"http://x\",\"y\")") == '=HYPERLINK("http://x","y")'
    assert unguard_cell("'-12.50") == "-12.50"
    assert unguard_cell("'tis the season") == "'tis the season"
    assert unguard_cell("'") == "'"
    assert unguard_cell("=SUM(A1)") == "=SUM(A1)"  # never evaluated, kept as text


@given(st.text())
def test_unguard_undoes_the_exporters_guard(text):
    assert unguard_cell(guard_cell(text)) == text


def test_text_without_its_utf16_mark_is_still_a_binary_file_not_a_stray_nul(tmp_path):
    path = tmp_path / "input.csv"
    path.write_bytes("name,role\nAcme,customer\n".encode("utf-16-le"))
    with pytest.raises(ImportFileError, match="is a binary file"):
        open_csv(path)


def test_a_stray_nul_in_text_is_named_by_row_and_column(tmp_path):
    path = tmp_path / "input.csv"
    path.write_bytes(b"name,email\nAcme,a@b.c\nBrio,b\x00@c.d\n")
    source = open_csv(path)
    with pytest.raises(ImportFileError, match="row 3, column 'email' holds a NUL character"):
        list(source.rows())
