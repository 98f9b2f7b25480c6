"""The desktop app's speed on a 100,000-document book, beside an empty book and a bare floor.

    PYTHONPATH=src python benchmarks/bench_app.py [--size 100000] [--book PATH] [--repeat 7]

Every run is a fresh process (``app_probe.py``) running ``ledgerdesk open PATH`` offscreen,
timed from just before it is spawned to the first paint of the book's page; the 100,000-
document runs then show the dashboard, switch to the invoice list, sort it by a header and
filter it by typed text, each timed to its painted result, and report their peak RSS.  The
floor beside the start is a bare program that imports Qt, reads the same first 200 invoices
with ``sqlite3`` and paints them; beside each list step, the same question asked of
``sqlite3`` by hand in the app's process.  Medians over ``--repeat`` runs, after one warm-up
run of each kind.  See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import ledgerdesk  # noqa: F401
except ImportError:  # run from a checkout without installing: use its src/ folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench_ledger import Table
from bench_lists import open_or_generate
from ledgerdesk.app.files import new_book

PROBE = Path(__file__).with_name("app_probe.py")
SRC = Path(__file__).resolve().parents[1] / "src"
START_S, START_RATIO, FIRST_PAINT_MS, SORT_FILTER_MS, RSS_MB = 1.5, 1.2, 200.0, 300.0, 300.0


def probe(mode: str, path: Path, env: dict[str, str], *extra: str) -> dict:
    """One fresh process; its result with ``start_s``, spawn to first paint."""
    command = [sys.executable, str(PROBE), mode, str(path), *extra]
    spawned = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["start_s"] = result["painted"] - spawned
    return result


def probe_env(config: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    return env


def measure(big: Path, empty: Path, env: dict[str, str], args) -> dict[str, list[dict]]:
    steps = ("--steps", "--sort", args.sort, "--text", args.text)
    kinds = {
        "app": lambda: probe("app", big, env, *steps),
        "app_empty": lambda: probe("app", empty, env),
        "raw": lambda: probe("raw", big, env),
        "raw_empty": lambda: probe("raw", empty, env),
    }
    runs: dict[str, list[dict]] = {name: [] for name in kinds}
    for run in kinds.values():  # warm-up: files in the page cache, .pyc written
        run()
    for n in range(args.repeat):  # interleaved, so a busy moment hits every kind alike
        for name, run in kinds.items():
            runs[name].append(run())
        print(f"run {n + 1}/{args.repeat}: start {runs['app'][-1]['start_s']:.3f} s"
              f" (empty book {runs['app_empty'][-1]['start_s']:.3f} s)", flush=True)
    return runs


def median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def report(runs: dict[str, list[dict]], args) -> bool:
    app, empty, raw, raw_empty = runs["app"], runs["app_empty"], runs["raw"], runs["raw_empty"]
    table = Table()

    def row(label: str, ours: float, base: float | None, unit: str, target: float,
            passed: bool | None = None) -> None:
        ratio = f"{ours / base:.2f}" if base else "-"
        digits = 2 if unit == "s" else 0 if unit == "MB" else 1
        table.add(label, f"{ours:.{digits}f} {unit}",
                  "-" if base is None else f"{base:.{digits}f} {unit}", ratio,
                  f"<= {target:g} {unit}", ours <= target if passed is None else passed)

    big_start, empty_start = median(app, "start_s"), median(empty, "start_s")
    row("start to painted invoice list, 100k book", big_start, median(raw, "start_s"), "s",
        START_S)
    row("start to painted invoice list, empty book", empty_start,
        median(raw_empty, "start_s"), "s", START_S)
    for label, ours, floor in (("100k book", app, raw), ("empty book", empty, raw_empty)):
        cpu, raw_cpu = median(ours, "cpu_s"), median(floor, "cpu_s")
        table.add(f"start, CPU time of the process, {label}", f"{cpu:.2f} s",
                  f"{raw_cpu:.2f} s", f"{cpu / raw_cpu:.2f}", "-", None)
    table.add("start, 100k book / empty book", f"{big_start / empty_start:.2f}x", "-", "-",
              f"<= {START_RATIO:g}x", big_start / empty_start <= START_RATIO)
    row("dashboard shown (GUI thread free again)", median(app, "dashboard_shown_ms"), None,
        "ms", FIRST_PAINT_MS)
    table.add("dashboard figures painted", f"{median(app, 'dashboard_figures_ms'):.1f} ms",
              "-", "-", "-", None)
    agree = {step: all(run[f"{step}_agrees"] for run in app)
             for step in ("invoices", "sort", "filter")}
    row("invoice list, first paint", median(app, "invoices_ms"), median(app, "raw_invoices_ms"),
        "ms", FIRST_PAINT_MS, median(app, "invoices_ms") <= FIRST_PAINT_MS and agree["invoices"])
    for step, label in (("sort", f"sort by {args.sort} (header click)"),
                        ("filter", f"filter by text {args.text!r} (Enter)")):
        ours = median(app, f"{step}_ms")
        row(label, ours, median(app, f"raw_{step}_ms"), "ms", SORT_FILTER_MS,
            ours <= SORT_FILTER_MS and agree[step])
    row("peak RSS of the app process (VmHWM)", max(run["peak_rss_mb"] for run in app),
        max(run["peak_rss_mb"] for run in raw), "MB", RSS_MB)
    print(f"\n{app[0]['rows']['invoices']:,} invoices, {app[0]['rows']['filter']:,} matching"
          f" {args.text!r}; medians of {args.repeat} runs; rows on screen"
          f" {'agree' if all(agree.values()) else 'DO NOT agree'} with raw sqlite3\n")
    table.print()
    return all(verdict != "FAIL" for *_, verdict in table.rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--book", type=Path, help="the big book; reused if it exists")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sort", default="status", help="the invoice column to sort by")
    parser.add_argument("--text", default="ltd", help="the text to filter by")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-app-") as folder:
        big = args.book or Path(folder) / "big.book"
        # The app's "today" is the real one, so the book is generated up to it.
        open_or_generate(big, args.size, dt.date.today()).close()
        empty = Path(folder) / "empty.book"
        new_book(empty, company="Empty Co", currency="EUR").close()
        runs = measure(big, empty, probe_env(Path(folder) / "config"), args)
        ok = report(runs, args)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
