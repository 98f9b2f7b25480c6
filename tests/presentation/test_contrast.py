"""WCAG 2 contrast ratios, as the window's dark-mode tests measure its colours."""

import pytest

from ledgerdesk.presentation.contrast import contrast_ratio, hex_rgb


def test_black_on_white_is_the_largest_contrast_and_order_does_not_matter():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (0, 0, 0)) == pytest.approx(21.0)


def test_a_colour_on_itself_has_no_contrast():
    assert contrast_ratio((53, 53, 53), (53, 53, 53)) == pytest.approx(1.0)


def test_the_lightest_grey_that_passes_aa_on_white():
    # #767676 is the usual example: 4.54:1 on white; #777777 falls just short.
    assert contrast_ratio(hex_rgb("#767676"), hex_rgb("#ffffff")) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(hex_rgb("#777777"), hex_rgb("#ffffff")) < 4.5


def test_the_old_totals_row_in_a_dark_palette_is_the_one_the_issue_measured():
    # white text on the light shading the totals row had: 1.01:1 in the issue's words
    ratio = contrast_ratio(hex_rgb("#ffffff"), hex_rgb("#eef1f5"))
    assert ratio < 1.2
