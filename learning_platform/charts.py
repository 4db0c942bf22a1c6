"""Server-drawn charts: the geometry of a bar chart, which `components/bar_chart.html` draws as SVG.

Every chart on a page has a table with the same numbers beside it, so the SVG is a picture for those who can
see it and the table is the way in for everyone else.
"""
from __future__ import annotations

import math

LABEL_HEIGHT = 20


def _number(value) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def bar_chart(bars: list[tuple[str, object]], *, width: int = 480, height: int = 180, value_max: float = 0) -> dict:
    """One bar per (label, value); a missing value draws no bar, a negative one hangs below the baseline.

    The scale runs from the lowest value (or 0) to the highest (or `value_max`, e.g. 100 for percentages).
    """
    values = [number for _, value in bars if (number := _number(value)) is not None]
    top = max([value_max, 0, *values])
    bottom = min([0, *values])
    span = (top - bottom) or 1
    plot = height - LABEL_HEIGHT
    baseline = plot * top / span
    slot = width / max(len(bars), 1)
    drawn = []
    for number, (label, value) in enumerate(bars):
        amount = _number(value) or 0
        bar_height = abs(amount) * plot / span
        drawn.append({
            "label": label, "value": value,
            "x": round(number * slot + slot * 0.15, 1), "width": round(slot * 0.7, 1),
            "y": round(baseline - bar_height if amount >= 0 else baseline, 1), "height": round(bar_height, 1),
            "label_x": round(number * slot + slot / 2, 1),
        })  # fmt: skip
    return {"width": width, "height": height, "baseline": round(baseline, 1), "label_y": height - 4, "bars": drawn}
