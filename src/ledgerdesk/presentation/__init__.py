"""Presentation: what the screen and the files show, without Qt.

Locale-aware formatting and parsing of amounts and dates (through Babel, which is allowed
here and nowhere below), and later the editor presenters and column specs that the ``ui``
layer drives.  Nothing here imports PySide6 or SQLAlchemy, so all of it is tested without a
window or a book.
"""
