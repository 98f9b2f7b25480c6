"""Contrast between two colours as WCAG 2 defines it (relative luminance, 1:1 to 21:1).

Qt-free, so the rule is stated once: text needs 4.5:1 on its background (AA), large text
and graphics such as a chart's bars 3:1.  The window's tests measure its colours with it in
light and dark palettes.
"""

from __future__ import annotations

RGB = tuple[int, int, int]

TEXT = 4.5  # AA for ordinary text
GRAPHICS = 3.0  # AA for large text and the parts of a chart that carry meaning


def hex_rgb(text: str) -> RGB:
    """``#rrggbb`` as three 0-255 channels."""
    digits = text.lstrip("#")
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {text!r}")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: RGB, second: RGB) -> float:
    """From 1.0 (the same) to 21.0 (black on white), whichever is lighter."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
