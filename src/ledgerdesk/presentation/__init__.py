"""What the window shows and how it reacts, without Qt: presenters, column specs, locale.

Everything here is tested without a display; ``ledgerdesk.ui`` draws it with Qt.
"""
