"""Colour contrast as WCAG 2.1 defines it (relative luminance and contrast ratio)."""

from __future__ import annotations

# WCAG 2.1 AA: normal text 4.5:1 (1.4.3); graphics and the parts of a control 3:1 (1.4.11).
TEXT = 4.5
GRAPHICS = 3.0

RGB = tuple[float, float, float]


def parse(colour: str) -> RGB:
    """'#1B1F23' or '#abc' → (27, 31, 35)."""
    digits = colour.strip().removeprefix("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    if len(digits) != 6:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def blend(colour: RGB, background: RGB, alpha: float) -> RGB:
    """The colour a translucent `colour` shows over an opaque `background`."""
    return tuple(alpha * c + (1 - alpha) * b for c, b in zip(colour, background, strict=True))  # type: ignore[return-value]


def luminance(colour: RGB) -> float:
    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(foreground: RGB, background: RGB) -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
