"""Server-drawn charts: the geometry of a bar chart, which `components/bar_chart.html` draws as SVG.

Every chart on a page has a table with the same numbers beside it, so the SVG is a picture for those who can
see it and the table is the way in for everyone else.
"""

from __future__ import annotations

import math

LABEL_HEIGHT = 20
# Room above the tallest bar for its value.
VALUE_HEIGHT = 14


def _number(value) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def bar_chart(bars: list[tuple[str, object]], *, width: int = 480, height: int = 180, value_max: float = 0) -> dict:
    """One bar per (label, value), its value written above it; a missing value draws no bar, a negative one hangs
    below the baseline (its value under it).

    The scale runs from the lowest value (or 0) to the highest (or `value_max`, e.g. 100 for percentages).
    """
    values = [number for _, value in bars if (number := _number(value)) is not None]
    top = max([value_max, 0, *values])
    bottom = min([0, *values])
    span = (top - bottom) or 1
    plot = height - LABEL_HEIGHT - VALUE_HEIGHT
    baseline = VALUE_HEIGHT + plot * top / span
    slot = width / max(len(bars), 1)
    drawn = []
    for number, (label, value) in enumerate(bars):
        amount = _number(value)
        bar_height = abs(amount or 0) * plot / span
        y = baseline - bar_height if (amount or 0) >= 0 else baseline
        drawn.append(
            {
                "label": label,
                "value": value,
                "value_text": "" if amount is None else f"{amount:g}",
                "x": round(number * slot + slot * 0.15, 1),
                "width": round(slot * 0.7, 1),
                "y": round(y, 1),
                "height": round(bar_height, 1),
                "label_x": round(number * slot + slot / 2, 1),
                "value_y": round(y - 3 if (amount or 0) >= 0 else y + bar_height + 11, 1),
            }
        )
    return {"width": width, "height": height, "baseline": round(baseline, 1), "label_y": height - 4, "bars": drawn}
