"""What ``app_probe.py --steps`` does in the window once it has started, as a user would.

Each step is timed from the input (an action, a click on a header, Enter in the search box)
to the painted result, through ``PaintWatch``; then the same questions go to raw ``sqlite3``
in this process (``bench_lists.raw_answer``), and the rows on screen must be the raw answer.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from bench_lists import Case, median_ms, raw_answer

RAW_REPEAT = 5
INVOICES = "d.kind = 'SALES_INVOICE'"
TEXT = f"{INVOICES} AND (d.number LIKE :text OR c.name LIKE :text OR d.reference LIKE :text)"


def run_steps(window, watch, args) -> dict:
    view, actions = window.book_view, window.actions
    dashboard, page = view.dashboard, view.invoices
    out: dict = {}

    def dashboard_ready(widget) -> bool:
        """The money chart (made on the first look) has painted the figures, not "Loading…"."""
        chart = dashboard.money_chart
        return (chart is not None and widget is chart.viewport()
                and dashboard.figures is not None and not dashboard.loading)

    shown = dashboard.body  # the page itself is covered by its scroll area: never painted
    out["dashboard_shown_ms"] = watch.time_ms(lambda w: w is shown,
                                              actions["go_dashboard"].trigger)
    if watch.painted_at is not None and not dashboard.figures:
        out["dashboard_figures_ms"] = out["dashboard_shown_ms"] + watch.time_ms(
            dashboard_ready, lambda: None)
    else:
        out["dashboard_figures_ms"] = out["dashboard_shown_ms"]
    # Refresh on the dashboard: the other pages reload when next shown, as after any change.
    watch.time_ms(dashboard_ready, actions["refresh"].trigger)
    viewport = page.table.viewport()
    out["invoices_ms"] = watch.time_ms(lambda w: w is viewport, actions["go_invoices"].trigger)
    checks = [answer_on_screen(page, INVOICES)]

    column = [c.key for c in page.presenter.columns].index(args.sort)
    header = page.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
                   header.height() // 2)
    out["sort_ms"] = watch.time_ms(
        lambda w: w is viewport,
        lambda: QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where))
    checks.append(answer_on_screen(page, INVOICES))

    QTest.keyClicks(page.search, args.text)  # typing; Enter applies it without the pause
    out["filter_ms"] = watch.time_ms(
        lambda w: w is viewport, lambda: QTest.keyClick(page.search, Qt.Key.Key_Return))
    checks.append(answer_on_screen(page, TEXT))

    conn = sqlite3.connect(view.session.path)
    for name, (query, where_sql, shown) in zip(("invoices", "sort", "filter"), checks,
                                               strict=True):
        case = Case(name, query, where_sql)
        out[f"raw_{name}_ms"], answer = median_ms(lambda c=case: raw_answer(conn, c),
                                                  RAW_REPEAT)
        out[f"{name}_agrees"] = answer == shown
    conn.close()
    out["rows"] = {"invoices": checks[0][2][0], "filter": checks[2][2][0]}
    return out


def answer_on_screen(page, where_sql: str):
    """The list's query, the raw baseline's WHERE, and (count, first ids) as the model has
    them (the rows the table drew come from the same pages)."""
    model = page.model
    count = model.rowCount()
    ids = [model.row_at(row).id for row in range(min(count, 200))]
    return page.presenter.query, where_sql, (count, ids)
