"""The Qt window: the only package that imports PySide6.

Widgets and thin Qt models draw what ``ledgerdesk.presentation`` decides; long work runs
in ``workers``.
"""
