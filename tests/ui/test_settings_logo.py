"""Settings: the company address takes several lines and the logo is chosen from a file,
previewed, refused in place when it is no image, and saved into the book."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from ledgerdesk.services.settings import read_settings
from ledgerdesk.ui.settings_dialog import SettingsDialog


def png(path, width=300, height=100):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5f74"))
    assert image.save(str(path), "PNG")
    return path


def shown(qtbot, session):
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_chosen_logo_is_previewed_and_saved_with_the_address(qtbot, ui_session, book,
                                                                tmp_path):
    dialog = shown(qtbot, ui_session)
    assert dialog.logo.preview.text() == "No logo"
    assert dialog.logo.load(png(tmp_path / "mark.png"))
    preview = dialog.logo.preview.pixmap()
    assert (preview.width(), preview.height()) == (160, 53)  # fits, proportions kept
    dialog.address.setPlainText("1 Canal Wharf\nManchester")
    dialog.save()
    stored = read_settings(book)
    assert stored.address == "1 Canal Wharf\nManchester"
    assert stored.logo is not None and stored.logo.media_type == "image/png"
    assert stored.logo.data == (tmp_path / "mark.png").read_bytes()


def test_a_file_that_is_no_image_is_refused_in_place(qtbot, ui_session, book, tmp_path):
    dialog = shown(qtbot, ui_session)
    dialog.logo.load(png(tmp_path / "mark.png"))
    notes = tmp_path / "notes.svg"
    notes.write_text("just some text")
    assert not dialog.logo.load(notes)
    assert dialog.message.text() == "notes.svg is not a PNG, JPEG or SVG image."
    assert dialog.message.isVisible()
    assert dialog.logo.logo is not None  # the earlier choice is kept
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)
    assert not dialog.logo.load(broken)
    assert "could not be read" in dialog.message.text()
    assert read_settings(book).logo is None  # nothing saved until Save


def test_remove_takes_the_logo_out_of_the_book(qtbot, ui_session, book, tmp_path):
    dialog = shown(qtbot, ui_session)
    dialog.logo.load(png(tmp_path / "mark.png"))
    dialog.save()
    again = shown(qtbot, ui_session)
    assert again.logo.remove_button.isEnabled()
    qtbot.mouseClick(again.logo.remove_button, Qt.MouseButton.LeftButton)
    assert again.logo.preview.text() == "No logo"
    again.save()
    assert read_settings(book).logo is None
