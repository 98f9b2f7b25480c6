"""The window's start and memory on a big book beside an empty one: does either grow with
the book?

    PYTHONPATH=src python benchmarks/bench_window.py [--book PATH] [--repeat 5]

Each run is a fresh process (``app_probe.py app``: ``ledgerdesk open PATH`` offscreen, the
whole process from just before it is spawned until the invoice list it opens on has painted
and that paint has returned to the event loop), on the big book (default: the cached
1,000,000-document one, ``~/.cache/ledgerdesk/bench-1000000.book``; pass a copy, since
opening a book of an older schema upgrades it) and on a new empty book, interleaved, after
one warm-up run of each.  It prints the medians of the wall time and of the CPU time the
process had used at that paint, and the peak RSS (VmHWM) at that paint, with the big book's
ratio to the empty one's.  Targets (issue 18): start ≤ 1.2× the empty book's, memory flat
(≤ 1.2×).  The exit status is 1 on a miss.

Opening a book in the window takes the day's backup on a thread when none was taken that
day; take one first (``ledgerdesk backup PATH --daily``), or the first runs on a big book
time a copy of it too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

try:
    import ledgerdesk  # noqa: F401
except ImportError:  # run from a checkout without installing: use its src/ folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench_app import probe, probe_env
from ledgerdesk.app.files import new_book

RATIO = 1.2
ROWS = (("start to painted invoice list, wall", "start_s", "s"),
        ("start, CPU of the process at that paint", "cpu_s", "s"),
        ("peak RSS at that paint (VmHWM)", "peak_rss_mb", "MB"))


def measure(big: Path, empty: Path, env: dict[str, str], repeat: int) -> dict[str, list]:
    runs: dict[str, list[dict]] = {"big": [], "empty": []}
    for path in (big, empty):  # warm-up: the files in the page cache, .pyc written
        probe("app", path, env)
    for n in range(repeat):  # interleaved, so a busy moment hits both alike
        runs["big"].append(probe("app", big, env))
        runs["empty"].append(probe("app", empty, env))
        print(f"run {n + 1}/{repeat}: big {runs['big'][-1]['start_s']:.2f} s,"
              f" empty {runs['empty'][-1]['start_s']:.2f} s", flush=True)
    return runs


def report(runs: dict[str, list[dict]], big: Path) -> int:
    print(f"\n{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; medians of"
          f" {len(runs['big'])} processes; big book {big.stat().st_size / 2**20:,.0f} MiB\n")
    print("| measure | empty book | big book | big / empty | target | ok |")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    missed = 0
    for label, key, unit in ROWS:
        empty = statistics.median(run[key] for run in runs["empty"])
        ours = statistics.median(run[key] for run in runs["big"])
        ratio = ours / empty
        ok = ratio <= RATIO
        missed += not ok
        digits = 0 if unit == "MB" else 2
        print(f"| {label} | {empty:.{digits}f} {unit} | {ours:.{digits}f} {unit} |"
              f" {ratio:.2f}× | ≤ {RATIO:g}× | {'yes' if ok else 'NO'} |")
    return 1 if missed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path,
                        default=Path.home() / ".cache" / "ledgerdesk" / "bench-1000000.book")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.book.exists():
        raise SystemExit(f"{args.book} does not exist (bench_processes.py generates it)")
    with tempfile.TemporaryDirectory(prefix="bench-window-") as folder:
        empty = Path(folder) / "empty.book"
        new_book(empty, company="Empty Co", currency="EUR").close()
        runs = measure(args.book, empty, probe_env(Path(folder) / "config"), args.repeat)
    return report(runs, args.book)


if __name__ == "__main__":
    sys.exit(main())
