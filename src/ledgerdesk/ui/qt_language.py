"""Qt's own words in the window's language: the standard buttons (Save, Cancel, Discard),
the file dialogs and the context menus come from Qt's catalogue, ``qtbase_<language>.qm``,
shipped with PySide6 (``QLibraryInfo``'s translations folder, collected into a bundle)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

_installed: list[QTranslator] = []  # kept referenced: Qt does not own an installed translator


def use_qt_language(language: str) -> bool:
    """Qt's words in ``language`` from now on (English: Qt's own); whether a catalogue of
    Qt's was found for it.  The one installed before is removed first, so a process that
    opens windows in several languages (the tests) never mixes them."""
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    if language == "en" or app is None:
        return False
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        return False
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return True
