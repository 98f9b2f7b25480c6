"""How fast amounts format for table cells and exports: AmountFormatter against Babel.

    PYTHONPATH=src python benchmarks/bench_formatting.py [--size 200000] [--locale de_DE]

Formats the same random amounts (both signs, quantized to the currency's minor unit, up to
a billion) with each method and prints values per second and the ratio to a plain
``f"{x:,.2f}"``, which knows no locale and is the floor.  The Babel rows must write exactly
what ``AmountFormatter`` writes, or the script stops.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

try:
    import ledgerdesk  # noqa: F401
except ImportError:  # run from a checkout without installing: use its src/ folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from babel.numbers import format_decimal

from ledgerdesk.domain.money import minor_exponent
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.locales import babel_locale

BABEL_PER_CALL = "babel.numbers.format_decimal per call"


def values(size: int, currency: str, seed: int) -> list[Decimal]:
    rnd = random.Random(seed)
    places = minor_exponent(currency)
    return [Decimal(rnd.randrange(-10**(9 + places), 10**(9 + places))).scaleb(-places)
            for _ in range(size)]


def methods(locale: str, currency: str) -> dict[str, Callable[[Decimal], str]]:
    fast = AmountFormatter(locale, currency)
    loc = babel_locale(locale)  # a Locale object, so Babel does not re-parse the tag
    places = minor_exponent(currency)
    compiled = fast._pattern  # the same NumberPattern AmountFormatter checks itself against
    pattern = compiled.pattern.split(".")[0] + ("." + "0" * places if places else "")
    spec = f",.{places}f"
    return {
        f'plain f"{{x:{spec}}}" (no locale)': lambda x: format(x, spec),
        f"AmountFormatter({locale}, {currency}).format": fast.format,
        "AmountFormatter(with_symbol=True)": AmountFormatter(locale, currency, with_symbol=True),
        "babel pattern compiled once, .apply": lambda x: compiled.apply(x, loc),
        BABEL_PER_CALL: lambda x: format_decimal(x, format=pattern, locale=loc),
    }


def best_time(method: Callable[[Decimal], str], data: list[Decimal], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for value in data:
            method(value)
        best = min(best, time.perf_counter() - start)
    return best


def check_same_output(table: dict[str, Callable[[Decimal], str]], data: list[Decimal]) -> None:
    names = [name for name in table if "babel" in name or name.endswith(".format")]
    for value in data[:2000]:
        outputs = {table[name](value) for name in names}
        if len(outputs) != 1:
            sys.exit(f"methods disagree on {value}: {sorted(outputs)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--locale", default="de_DE")
    parser.add_argument("--currency", default="EUR")
    parser.add_argument("--repeat", type=int, default=3, help="runs per method; best is kept")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    data = values(args.size, args.currency, args.seed)
    table = methods(args.locale, args.currency)
    check_same_output(table, data)
    timings = {name: best_time(method, data, args.repeat) for name, method in table.items()}
    floor, babel = next(iter(timings.values())), timings[BABEL_PER_CALL]
    print(f"{args.size:,} values, {args.locale} / {args.currency}, best of {args.repeat}\n")
    print(f"{'method':<42} {'values/s':>11} {'µs/value':>9} {'time ÷ plain':>13}"
          f" {'speed × babel':>14}")
    for name, seconds in timings.items():
        print(f"{name:<42} {args.size / seconds:>11,.0f} {seconds / args.size * 1e6:>9.2f}"
              f" {seconds / floor:>13.1f} {babel / seconds:>14.1f}")


if __name__ == "__main__":
    main()
