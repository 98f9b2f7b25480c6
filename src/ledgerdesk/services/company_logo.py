"""The company's logo, kept inside the book (so a book stays one file) as a setting.

Only PNG, JPEG and SVG are taken, recognised by their first bytes rather than by the file's
name, and at most ``MAX_LOGO_BYTES``: the logo is read on every printed page's first page
and sits in every backup.  The bytes are stored base64-encoded in the ``settings`` table
(``company_logo``) beside their media type (``company_logo_type``).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import Path

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import Problem, ValidationFailed
from ledgerdesk.services.ports import Transaction

LOGO = "company_logo"
LOGO_TYPE = "company_logo_type"
MAX_LOGO_BYTES = 512 * 1024
MEDIA_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


@dataclass(frozen=True, slots=True)
class LogoImage:
    media_type: str  # one of MEDIA_TYPES
    data: bytes

    @property
    def is_svg(self) -> bool:
        return self.media_type == "image/svg+xml"


def sniff_media_type(data: bytes) -> str | None:
    """The image type the bytes really are (PNG, JPEG or SVG), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") and b"<svg" in head:
        return "image/svg+xml"
    return None


def logo_from_bytes(data: bytes, name: str = "The file") -> LogoImage:
    """A logo of these bytes, or ``ValidationFailed`` saying why not (``name`` in it)."""
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationFailed([Problem(
            "logo", "too_large",
            _("{name} is {value} KB; a logo can be at most {value2} KB. Save a smaller copy of "
              "it.").format(name=name, value=len(data) // 1024, value2=MAX_LOGO_BYTES // 1024))])
    media_type = sniff_media_type(data)
    if media_type is None:
        raise ValidationFailed([Problem(
            "logo", "not_an_image", _("{name} is not a PNG, JPEG or SVG image.").format(
                                        name=name))])
    return LogoImage(media_type, data)


def logo_from_file(path: Path) -> LogoImage:
    """Read and check an image file the user chose; ``OSError`` if it cannot be read."""
    if path.stat().st_size > MAX_LOGO_BYTES:  # before reading a huge file into memory
        raise ValidationFailed([Problem(
            "logo", "too_large",
            _("{name} is {value} KB; a logo can be at most {value2} KB. Save a smaller copy of "
              "it.").format(
                name=path.name,
                value=path.stat().st_size // 1024,
                value2=MAX_LOGO_BYTES // 1024))])
    return logo_from_bytes(path.read_bytes(), path.name)


def read_logo(tx: Transaction) -> LogoImage | None:
    text, media_type = tx.get_setting(LOGO), tx.get_setting(LOGO_TYPE)
    if not text or media_type not in MEDIA_TYPES:
        return None
    try:
        return LogoImage(media_type, base64.b64decode(text, validate=True))
    except (binascii.Error, ValueError):
        return None  # damaged by another tool: printed without a logo, not refused


def write_logo(tx: Transaction, logo: LogoImage | None) -> None:
    """Store ``logo`` (None: remove it), writing only when it changed."""
    if read_logo(tx) == logo:
        return
    tx.set_setting(LOGO, base64.b64encode(logo.data).decode("ascii") if logo else "")
    tx.set_setting(LOGO_TYPE, logo.media_type if logo else "")
