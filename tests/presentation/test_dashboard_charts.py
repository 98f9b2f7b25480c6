"""The dashboard charts' amount axis: round steps that always cover every bar and zero."""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.presentation.dashboard_charts import axis_ticks, nice_ticks

amounts = st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False,
                      allow_infinity=False)


@given(st.lists(amounts, min_size=1, max_size=24))
def test_ticks_cover_every_amount_and_zero_in_a_few_equal_round_steps(values):
    ticks = nice_ticks(min(values), max(values))
    assert ticks[0] <= min(*values, 0) and ticks[-1] >= max(*values, 0)
    assert Decimal(0) in ticks
    steps = {b - a for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1 and 2 <= len(ticks) <= 7
    (step,) = steps
    assert step.normalize().as_tuple().digits[0] in (1, 2, 5)  # 1, 2, 2.5 or 5 × 10^k


def test_axis_labels_are_the_locales_compact_amounts():
    values = [Decimal("1234567.89"), Decimal(-20000)]
    assert [label for _, label in axis_ticks(values, "EUR", "en_US")] == [
        "-€500K", "€0", "€500K", "€1M", "€1.5M"]
    assert axis_ticks(values, "EUR", "de_DE")[-1][1] == "1,5\xa0Mio.\xa0€"
