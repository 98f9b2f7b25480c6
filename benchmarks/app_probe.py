"""One fresh process of ``bench_app.py``: the real app (or a bare Qt + sqlite3 floor), timed.

    python benchmarks/app_probe.py app PATH [--steps] [--sort KEY] [--text TEXT] [--today D]
    python benchmarks/app_probe.py raw PATH

``app`` runs ``ledgerdesk open PATH`` (``ledgerdesk.cli.main``), offscreen, with one event
filter on the ``QApplication`` that notes when the open book's current page has painted: the
table's viewport for a list, the page itself for the dashboard.  The time is taken when that
paint has returned to the event loop (a zero timer queued from the paint event), so the whole
frame is in it.  With ``--steps`` it then goes through the window as a user would, each step
timed from the input to the painted result.  ``raw`` is the floor for the start: import Qt,
count the invoices and read the first 200 rows with ``sqlite3``, show them in a plain
``QTableView``, paint.  Either way it prints one JSON object: ``painted`` is a
``time.perf_counter()`` instant (CLOCK_MONOTONIC, the same clock as the parent's), step
times are in milliseconds, ``cpu_s`` is the process's CPU time when it had painted (less
disturbed than the wall clock by other work on the machine), ``peak_rss_mb`` its VmHWM
after everything.
"""

from __future__ import annotations

import time

ENTERED = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer  # noqa: E402

PAINT_TIMEOUT_MS = 60_000


class PaintWatch(QObject):
    """Notes the first paint, after ``arm``, of a widget ``wanted(widget)`` accepts."""

    def __init__(self) -> None:
        super().__init__()
        self.wanted = None
        self.painted_at: float | None = None
        self.then = None  # called once, on the GUI thread, after the paint
        self._loop: QEventLoop | None = None

    def arm(self, wanted, then=None) -> None:
        self.wanted, self.painted_at, self.then = wanted, None, then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Paint and self.wanted is not None
                and self.wanted(watched)):
            self.wanted = None
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        self.painted_at = time.perf_counter()
        if self._loop is not None:
            self._loop.quit()
        if self.then is not None:
            then, self.then = self.then, None
            then()

    def time_ms(self, wanted, action) -> float:
        """Run ``action`` (the user's input) and wait for ``wanted`` to paint; milliseconds."""
        self.arm(wanted)
        started = time.perf_counter()
        action()
        if self.painted_at is None:
            self._loop = QEventLoop()
            QTimer.singleShot(PAINT_TIMEOUT_MS, self._loop.quit)
            self._loop.exec()
            self._loop = None
        if self.painted_at is None:
            raise RuntimeError("the expected paint never came")
        return (self.painted_at - started) * 1000


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_app(args: argparse.Namespace) -> dict:
    # Imported before the CLI would import them itself: the same modules, in another order.
    import ledgerdesk.ui.application as ui_application
    from ledgerdesk.ui.main_window import MainWindow

    watch, result = PaintWatch(), {"entered": ENTERED}

    def page_painted(widget: QObject) -> bool:
        window = widget.window() if hasattr(widget, "window") else None
        if not isinstance(window, MainWindow) or window.book_view is None:
            return False
        page = window.book_view.current_page()
        table = getattr(page, "table", None)
        return widget is (table.viewport() if table is not None else page)

    def started() -> None:
        window = next(w for w in ui_application.QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow))
        result["painted"], result["cpu_s"] = watch.painted_at, time.process_time()
        if args.steps:
            from app_steps import run_steps

            result.update(run_steps(window, watch, args))
        result["peak_rss_mb"] = peak_rss_mb()
        window.close()
        ui_application.QApplication.instance().quit()

    make_application = ui_application.application

    def application():
        app = make_application()
        app.installEventFilter(watch)
        return app

    ui_application.application = application  # the one hook: everything else is the app's
    watch.arm(page_painted, then=started)
    from ledgerdesk.cli import main

    result["exit_status"] = main(["open", str(args.path)])
    return result


def run_raw(args: argparse.Namespace) -> dict:
    import sqlite3

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from raw_sql import first_invoice_page

    app = QApplication(sys.argv[:1])
    watch, result = PaintWatch(), {"entered": ENTERED}
    conn = sqlite3.connect(args.path)
    count, rows = first_invoice_page(conn)
    model = QStandardItemModel(len(rows), len(rows[0]) if rows else 0)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            model.setItem(r, c, QStandardItem(str(value)))
    window = QMainWindow()
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.setWindowTitle(f"{count} invoices")
    window.resize(1200, 760)
    app.installEventFilter(watch)

    def started() -> None:
        result["painted"], result["cpu_s"] = watch.painted_at, time.process_time()
        result["peak_rss_mb"] = peak_rss_mb()
        app.quit()

    watch.arm(lambda widget: widget is table.viewport(), then=started)
    window.show()
    app.exec()
    conn.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("app", "raw"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--steps", action="store_true")
    parser.add_argument("--sort", default="status")
    parser.add_argument("--text", default="ltd")
    parser.add_argument("--today")
    args = parser.parse_args()
    result = run_app(args) if args.mode == "app" else run_raw(args)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
