"""The company logo: kept in the book through Settings, PNG/JPEG/SVG only, size-checked,
and a refused file changes nothing."""

from __future__ import annotations

import dataclasses

import pytest

from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.services.company_logo import MAX_LOGO_BYTES, logo_from_bytes, logo_from_file
from ledgerdesk.services.settings import read_settings, update_settings

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
KNOWN = {"en_US"}  # the locales update_settings accepts (the book keeps "")
SVG = b'\xef\xbb\xbf<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'


def test_a_logo_is_stored_in_the_book_and_removed_again(book):
    settings = read_settings(book)
    assert settings.logo is None
    update_settings(book, dataclasses.replace(settings, logo=logo_from_bytes(PNG)), KNOWN)
    stored = read_settings(book).logo
    assert stored is not None and (stored.media_type, stored.data) == ("image/png", PNG)
    update_settings(book, dataclasses.replace(settings, logo=None), KNOWN)
    assert read_settings(book).logo is None


def test_png_jpeg_and_svg_are_recognised_by_their_bytes_not_their_name(tmp_path):
    jpeg = tmp_path / "logo.png"  # misnamed: still a JPEG
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    assert logo_from_file(jpeg).media_type == "image/jpeg"
    assert logo_from_bytes(SVG).is_svg


def test_a_file_that_is_no_image_is_refused_with_its_name(tmp_path, book):
    text = tmp_path / "notes.png"
    text.write_text("quarterly notes, not a picture")
    with pytest.raises(ValidationFailed) as refused:
        logo_from_file(text)
    assert refused.value.problems[0].message == "notes.png is not a PNG, JPEG or SVG image."


def test_a_logo_too_large_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "poster.png"
    big.write_bytes(PNG + b"\0" * MAX_LOGO_BYTES)
    with pytest.raises(ValidationFailed) as refused:
        logo_from_file(big)
    assert "a logo can be at most 512 KB" in refused.value.problems[0].message


def test_refused_settings_keep_the_old_logo(book):
    settings = dataclasses.replace(read_settings(book), logo=logo_from_bytes(PNG))
    update_settings(book, settings, KNOWN)
    with pytest.raises(ValidationFailed):
        update_settings(book, dataclasses.replace(settings, company="", logo=None), KNOWN)
    assert read_settings(book).logo == logo_from_bytes(PNG)
