"""Composition roots shared by the command line and the desktop window.

``files`` opens, creates and fills book files (storage meets services here); ``window``
starts the Qt app, importing PySide6 only when a window is really wanted.
"""
