"""WCAG 2's contrast of two colours, for the canvas's theme and the PDF's alike: each gives its own
colours as red, green and blue from 0 to 1."""

from __future__ import annotations

RGB = tuple[float, float, float]


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2's relative luminance: 0 for black, 1 for white."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    """WCAG 2's contrast ratio of two opaque colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
