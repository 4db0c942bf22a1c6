"""Figures for generated items, drawn as SVG on the server. Pure Python, no Django.

Every figure is an `<svg>` with a `viewBox` (it scales to the width it is given), `role="img"` and an
`aria-label` that says what it shows in words, plus a `<title>` for a mouse pointer. The label describes the
figure a learner who cannot see it needs to answer (the bars' heights, the dots in each row), never the answer
to the question. Only presentation attributes are used (no `style`), so the pages' Content-Security-Policy,
which refuses inline styles, does not block them; the colours have a contrast of at least 3:1 on white.

`Svg` is the builder; the functions below it draw the figures the grades need. Coordinates are in SVG user
units, y downward.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction
from html import escape

INK = "#1f2933"
MUTED = "#52606d"
FILL = "#5b8def"
FILL_DARK = "#1d4e89"
SHADE = "#f0b429"
LIGHT = "#e4e7eb"
FONT = "system-ui, sans-serif"


def _number(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


class Svg:
    """An SVG drawing built element by element; `render(label)` gives the markup."""

    def __init__(self, width: float, height: float) -> None:
        self.width = width
        self.height = height
        self.elements: list[str] = []

    def _add(self, tag: str, content: str = "", **attributes) -> None:
        parts = []
        for name, value in attributes.items():
            if value is None:
                continue
            name = name.rstrip("_").replace("_", "-")
            value = _number(value) if isinstance(value, float) else value
            parts.append(f'{name}="{escape(str(value))}"')
        opening = f"<{tag} {' '.join(parts)}".rstrip()
        self.elements.append(f"{opening}>{content}</{tag}>" if content else f"{opening}/>")

    def rect(self, x, y, width, height, *, fill=FILL, stroke=INK, stroke_width=1.5, rx=None) -> None:
        self._add(
            "rect",
            x=float(x),
            y=float(y),
            width=float(width),
            height=float(height),
            fill=fill,
            stroke=stroke,
            stroke_width=stroke_width,
            rx=rx,
        )

    def circle(self, cx, cy, r, *, fill=FILL, stroke=INK, stroke_width=1.5) -> None:
        self._add("circle", cx=float(cx), cy=float(cy), r=float(r), fill=fill, stroke=stroke, stroke_width=stroke_width)

    def line(self, x1, y1, x2, y2, *, stroke=INK, stroke_width=1.5, dash=None) -> None:
        self._add(
            "line",
            x1=float(x1),
            y1=float(y1),
            x2=float(x2),
            y2=float(y2),
            stroke=stroke,
            stroke_width=stroke_width,
            stroke_dasharray=dash,
        )

    def polygon(self, points: Iterable[tuple[float, float]], *, fill=FILL, stroke=INK, stroke_width=1.5) -> None:
        self._add("polygon", points=_points(points), fill=fill, stroke=stroke, stroke_width=stroke_width)

    def polyline(self, points: Iterable[tuple[float, float]], *, stroke=INK, stroke_width=1.5) -> None:
        self._add("polyline", points=_points(points), fill="none", stroke=stroke, stroke_width=stroke_width)

    def path(self, d: str, *, fill="none", stroke=INK, stroke_width=1.5) -> None:
        self._add("path", d=d, fill=fill, stroke=stroke, stroke_width=stroke_width)

    def text(self, x, y, content: str, *, size=14, anchor="middle", weight=None, fill=INK) -> None:
        self._add(
            "text",
            escape(content),
            x=float(x),
            y=float(y),
            font_size=size,
            text_anchor=anchor,
            font_family=FONT,
            font_weight=weight,
            fill=fill,
        )

    def render(self, label: str) -> str:
        """The figure's markup; `label` says in words what it shows (see the module docstring)."""
        label = " ".join(label.split())
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_number(self.width)} {_number(self.height)}" '
            f'width="{_number(self.width)}" height="{_number(self.height)}" role="img" aria-label="{escape(label)}" '
            f'class="figure"><title>{escape(label)}</title>{"".join(self.elements)}</svg>'
        )


def _points(points: Iterable[tuple[float, float]]) -> str:
    return " ".join(f"{_number(x)},{_number(y)}" for x, y in points)


def _count(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 counter", "0 counters", "3 counters"."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def _label(value: int | float | Fraction) -> str:
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator).replace("-", "−")
        whole, rest = divmod(abs(value.numerator), value.denominator)
        sign = "−" if value < 0 else ""
        return f"{sign}{whole} {rest}/{value.denominator}" if whole else f"{sign}{rest}/{value.denominator}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("-", "−")


# ---------------------------------------------------------------------------------------------------------
# Counting and place value


SHAPES = ("circle", "square", "triangle", "star")


def _shape(svg: Svg, shape: str, cx: float, cy: float, size: float, fill: str) -> None:
    half = size / 2
    if shape == "circle":
        svg.circle(cx, cy, half, fill=fill)
    elif shape == "square":
        svg.rect(cx - half, cy - half, size, size, fill=fill)
    elif shape == "triangle":
        svg.polygon([(cx, cy - half), (cx + half, cy + half), (cx - half, cy + half)], fill=fill)
    elif shape == "star":
        points = []
        for index in range(10):
            radius = half if index % 2 == 0 else half * 0.45
            angle = math.pi / 2 + index * math.pi / 5
            points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
        svg.polygon(points, fill=fill)
    else:
        raise ValueError(f"Unknown shape {shape!r}; use one of {', '.join(SHAPES)}.")


def objects(count: int, *, shape: str = "circle", per_row: int = 5, thing: str = "") -> str:
    """`count` shapes in rows of `per_row` (a scattered count is harder; rows are how K counts are drawn).
    `thing` names what they are for the label ("apples"); by default the shape's name."""
    rows = max(1, math.ceil(count / per_row))
    cell = 36
    svg = Svg(per_row * cell + 8, rows * cell + 8)
    for index in range(count):
        row, column = divmod(index, per_row)
        _shape(svg, shape, 4 + column * cell + cell / 2, 4 + row * cell + cell / 2, 26, FILL)
    noun = thing or f"{shape}s"
    sizes = [min(per_row, count - row * per_row) for row in range(rows)]
    if rows == 1:
        return svg.render(f"{noun.capitalize()} in one row")
    ordinals = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
    listed = ", ".join(
        f"{size} in the {ordinals[row] if row < len(ordinals) else f'{row + 1}th'} row"
        for row, size in enumerate(sizes)
    )
    return svg.render(f"{noun.capitalize()} in rows: {listed}")


def dot_array(rows: int, columns: int, *, label: str = "") -> str:
    """An array of dots, `rows` by `columns` (multiplication as equal groups in rows)."""
    cell = 26
    svg = Svg(columns * cell + 8, rows * cell + 8)
    for row in range(rows):
        for column in range(columns):
            svg.circle(4 + column * cell + cell / 2, 4 + row * cell + cell / 2, 9)
    return svg.render(label or f"An array of dots: {rows} rows with {columns} dots in each row")


def ten_frame(filled: int, *, frames: int | None = None) -> str:
    """Ten-frames (2 rows of 5), filled in order with counters: one frame per ten needed."""
    frames = frames or max(1, math.ceil(filled / 10))
    cell, gap = 30, 14
    svg = Svg(frames * (5 * cell + gap) + 4, 2 * cell + 8)
    left = filled
    for frame in range(frames):
        x0 = 4 + frame * (5 * cell + gap)
        for index in range(10):
            row, column = divmod(index, 5)
            svg.rect(x0 + column * cell, 4 + row * cell, cell, cell, fill="#ffffff", stroke=INK)
            if left > 0:
                svg.circle(x0 + column * cell + cell / 2, 4 + row * cell + cell / 2, 10)
                left -= 1
    counts = [min(10, max(0, filled - 10 * frame)) for frame in range(frames)]
    described = "; ".join(f"frame {number + 1} has {_count(count, 'counter')}" for number, count in enumerate(counts))
    return svg.render(f"{_count(frames, 'ten-frame')} of 10 boxes: {described}")


def base_ten(hundreds: int, tens: int, ones: int) -> str:
    """Base-ten blocks: flats of 100, rods of 10 and unit cubes."""
    unit = 8
    width = hundreds * (10 * unit + 10) + tens * (unit + 6) + math.ceil(ones / 5) * (unit + 4) + 20
    svg = Svg(max(width, 60), 10 * unit + 12)
    x = 6.0
    for _ in range(hundreds):
        svg.rect(x, 6, 10 * unit, 10 * unit, fill=FILL)
        for step in range(1, 10):
            svg.line(x + step * unit, 6, x + step * unit, 6 + 10 * unit, stroke=FILL_DARK, stroke_width=0.6)
            svg.line(x, 6 + step * unit, x + 10 * unit, 6 + step * unit, stroke=FILL_DARK, stroke_width=0.6)
        x += 10 * unit + 10
    for _ in range(tens):
        svg.rect(x, 6, unit, 10 * unit, fill=FILL)
        for step in range(1, 10):
            svg.line(x, 6 + step * unit, x + unit, 6 + step * unit, stroke=FILL_DARK, stroke_width=0.6)
        x += unit + 6
    for index in range(ones):
        column, row = divmod(index, 5)
        svg.rect(x + column * (unit + 4), 6 + row * (unit + 4), unit, unit, fill=SHADE)
    return svg.render(
        f"Base-ten blocks: {_count(hundreds, 'hundreds flat')}, {_count(tens, 'tens rod')} and "
        f"{_count(ones, 'ones cube')}"
    )


# ---------------------------------------------------------------------------------------------------------
# Number lines and measurement


def number_line(
    start: int | Fraction,
    end: int | Fraction,
    step: int | Fraction,
    *,
    points: Sequence[tuple[str, int | Fraction]] = (),
    label_every: int = 1,
    labels: bool = True,
    jumps: Sequence[tuple[int | Fraction, int | Fraction]] = (),
) -> str:
    """A number line from `start` to `end` with a tick every `step` (labelled every `label_every` ticks, unless
    `labels` is off), points marked with a letter (`points`: (letter, value)), and jumps drawn as arcs from one
    value to another (`jumps`: (from, to))."""
    start, end, step = Fraction(start), Fraction(end), Fraction(step)
    ticks = int((end - start) / step)
    width, left, baseline = 520, 30, 60
    scale = (width - 2 * left) / float(end - start)
    svg = Svg(width, 100)

    def x_of(value) -> float:
        return left + float(Fraction(value) - start) * scale

    svg.line(left - 14, baseline, width - left + 14, baseline)
    svg.polygon(
        [(width - left + 18, baseline), (width - left + 10, baseline - 5), (width - left + 10, baseline + 5)], fill=INK
    )
    svg.polygon([(left - 18, baseline), (left - 10, baseline - 5), (left - 10, baseline + 5)], fill=INK)
    for index in range(ticks + 1):
        value = start + index * step
        svg.line(x_of(value), baseline - 8, x_of(value), baseline + 8)
        if labels and index % label_every == 0:
            svg.text(x_of(value), baseline + 26, _label(value), size=13)
    for origin, target in jumps:
        x1, x2 = x_of(origin), x_of(target)
        height = min(40.0, abs(x2 - x1) / 2 + 8)
        svg.path(
            f"M {_number(x1)} {baseline - 4} Q {_number((x1 + x2) / 2)} {_number(baseline - 4 - 2 * height)} "
            f"{_number(x2)} {baseline - 4}",
            stroke=FILL_DARK,
            stroke_width=2,
        )
    for letter, value in points:
        svg.circle(x_of(value), baseline, 6, fill=SHADE)
        svg.text(x_of(value), baseline - 14, letter, size=14, weight="bold")
    marked = join_names(f"point {letter}" for letter, _ in points)
    labelled = (
        ("every tick labelled" if label_every == 1 else f"every {_ordinal(label_every)} tick labelled")
        if labels
        else "only the ends labelled"
    )
    description = (
        f"A number line from {_label(start)} to {_label(end)} with a tick mark every {_label(step)}, "
        f"{labelled}" + (f"; {marked} marked" if marked else "")
    )
    if jumps:
        description += "; jumps from " + ", ".join(f"{_label(a)} to {_label(b)}" for a, b in jumps)
    if not labels:
        svg.text(x_of(start), baseline + 26, _label(start), size=13)
        svg.text(x_of(end), baseline + 26, _label(end), size=13)
    return svg.render(description)


def _ordinal(number: int) -> str:
    return {2: "second", 3: "third", 4: "fourth", 5: "fifth", 10: "tenth"}.get(number, f"{number}th")


def ruler(length: Fraction | int, *, units: str = "inches", divisions: int = 1, ruler_length: int | None = None) -> str:
    """An object (a bar) lying along a ruler marked in whole `units`, each split into `divisions` parts (2 for
    halves, 4 for quarters); the object starts at 0."""
    length = Fraction(length)
    total = ruler_length or math.ceil(length) + 1
    width, left = 520, 24
    scale = (width - 2 * left) / total
    svg = Svg(width, 110)
    svg.rect(left, 20, float(length) * scale, 22, fill=SHADE)
    svg.rect(left - 4, 52, total * scale + 8, 46, fill="#ffffff", stroke=INK)
    for index in range(total * divisions + 1):
        x = left + index * scale / divisions
        whole = index % divisions == 0
        svg.line(x, 52, x, 52 + (18 if whole else 10 if divisions <= 2 or index % 2 == 0 else 7))
        if whole:
            svg.text(x, 90, str(index // divisions), size=12)
    if divisions > 1:
        return svg.render(
            f"A bar lying along a ruler marked in {units}, each {_unit_singular(units)} split into "
            f"{divisions} equal parts; the bar starts at 0"
        )
    return svg.render(f"A bar lying along a ruler marked in whole {units}; the bar starts at 0")


def _unit_singular(units: str) -> str:
    """ "inches" -> "inch", "centimeters" -> "centimeter", "feet" -> "foot"."""
    special = {"feet": "foot", "inches": "inch"}
    return special.get(units, units[:-1] if units.endswith("s") else units)


def clock(hour: int, minute: int) -> str:
    """An analog clock face showing hour:minute. The label says where each hand points, as a learner who sees
    the clock reads it, so telling the time from it is still the learner's work."""
    svg = Svg(180, 180)
    cx = cy = 90
    svg.circle(cx, cy, 82, fill="#ffffff", stroke=INK, stroke_width=3)
    for number in range(1, 13):
        angle = math.radians(number * 30 - 90)
        svg.text(cx + 66 * math.cos(angle), cy + 66 * math.sin(angle) + 5, str(number), size=15)
    for tick in range(60):
        angle = math.radians(tick * 6 - 90)
        inner = 76 if tick % 5 else 72
        svg.line(
            cx + inner * math.cos(angle),
            cy + inner * math.sin(angle),
            cx + 80 * math.cos(angle),
            cy + 80 * math.sin(angle),
            stroke_width=1 if tick % 5 else 2,
        )
    minute_angle = math.radians(minute * 6 - 90)
    hour_angle = math.radians((hour % 12) * 30 + minute * 0.5 - 90)
    svg.line(cx, cy, cx + 42 * math.cos(hour_angle), cy + 42 * math.sin(hour_angle), stroke_width=5)
    svg.line(
        cx, cy, cx + 64 * math.cos(minute_angle), cy + 64 * math.sin(minute_angle), stroke=FILL_DARK, stroke_width=3
    )
    svg.circle(cx, cy, 4, fill=INK)
    return svg.render(
        f"An analog clock. The short hour hand {_hour_hand(hour, minute)}; the long minute hand {_minute_hand(minute)}."
    )


def _hour_hand(hour: int, minute: int) -> str:
    number = hour % 12 or 12
    following = number % 12 + 1
    if minute == 0:
        return f"points to the {number}"
    if minute < 20:
        return f"is just past the {number}"
    if minute > 40:
        return f"is almost at the {following}"
    return f"is between the {number} and the {following}"


def _minute_hand(minute: int) -> str:
    mark, rest = divmod(minute, 5)
    number = mark or 12
    if rest == 0:
        return f"points to the {number}"
    return f"is {_count(rest, 'small mark')} past the {number}"


# ---------------------------------------------------------------------------------------------------------
# Fractions


def fraction_bar(parts: int, shaded: int, *, bars: int = 1) -> str:
    """`bars` bars, each cut into `parts` equal parts, with `shaded` parts shaded in all (left to right)."""
    width, height = 360, 40
    svg = Svg(width + 10, bars * (height + 12) + 2)
    part = width / parts
    left = shaded
    for bar in range(bars):
        for index in range(parts):
            fill = SHADE if left > 0 else "#ffffff"
            left -= 1
            svg.rect(5 + index * part, 6 + bar * (height + 12), part, height, fill=fill)
    return svg.render(f"{_count(bars, 'bar')}, each cut into {parts} equal parts; {_count(shaded, 'part')} shaded")


def fraction_circle(parts: int, shaded: int) -> str:
    """A circle cut into `parts` equal slices with `shaded` slices shaded."""
    svg = Svg(170, 170)
    cx = cy = 85
    radius = 78
    if parts == 1:
        svg.circle(cx, cy, radius, fill=SHADE if shaded else "#ffffff")
    for index in range(parts if parts > 1 else 0):
        a1 = math.radians(index * 360 / parts - 90)
        a2 = math.radians((index + 1) * 360 / parts - 90)
        large = 1 if 360 / parts > 180 else 0
        d = (
            f"M {cx} {cy} L {_number(cx + radius * math.cos(a1))} {_number(cy + radius * math.sin(a1))} "
            f"A {radius} {radius} 0 {large} 1 {_number(cx + radius * math.cos(a2))} {_number(cy + radius * math.sin(a2))} Z"
        )
        svg.path(d, fill=SHADE if index < shaded else "#ffffff")
    return svg.render(f"A circle cut into {_count(parts, 'equal part')}; {_count(shaded, 'part')} shaded")


def area_grid(rows: int, columns: int, *, shaded: int | None = None, unit_label: str = "") -> str:
    """A rectangle of unit squares, `rows` by `columns`; with `shaded`, that many squares shaded, row by row."""
    cell = min(30, 300 // max(rows, columns))
    svg = Svg(columns * cell + 12, rows * cell + 12)
    count = 0
    for row in range(rows):
        for column in range(columns):
            fill = FILL if shaded is None or count < shaded else "#ffffff"
            svg.rect(6 + column * cell, 6 + row * cell, cell, cell, fill=fill, stroke=INK, stroke_width=1)
            count += 1
    what = f"{shaded} of them shaded" if shaded is not None else "all shaded"
    squares = f"unit squares{' (' + unit_label + ')' if unit_label else ''}"
    return svg.render(f"A rectangle made of {squares}, {rows} rows of {columns}; {what}")


# ---------------------------------------------------------------------------------------------------------
# Shapes


def rectangle(width_label: str, height_label: str, *, ratio: float = 1.6) -> str:
    """A rectangle with its width written under it and its height beside it."""
    width = 240
    height = max(60, min(180, width / ratio))
    svg = Svg(width + 110, height + 60)
    svg.rect(30, 15, width, height, fill="#dbe7fb")
    svg.text(30 + width / 2, height + 45, width_label, size=15)
    svg.text(width + 40, 15 + height / 2 + 5, height_label, size=15, anchor="start")
    return svg.render(f"A rectangle {width_label} wide and {height_label} tall")


def polygon_figure(
    points: Sequence[tuple[float, float]],
    *,
    side_labels: Sequence[str] = (),
    label: str,
    fill: str = "#dbe7fb",
    right_angles: Sequence[int] = (),
) -> str:
    """A polygon through `points` (scaled to fit), each side labelled in turn from the first point (an empty
    label leaves a side bare), with a small square at each vertex index in `right_angles`. `label` describes it."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1
    scale = 260 / span
    pad = 50
    placed = [(pad + (x - min(xs)) * scale, pad + (max(ys) - y) * scale) for x, y in points]
    width = (max(xs) - min(xs)) * scale + 2 * pad
    height = (max(ys) - min(ys)) * scale + 2 * pad
    svg = Svg(width, height)
    svg.polygon(placed, fill=fill)
    cx = sum(x for x, _ in placed) / len(placed)
    cy = sum(y for _, y in placed) / len(placed)
    for index, text_label in enumerate(side_labels):
        if not text_label:
            continue
        (x1, y1), (x2, y2) = placed[index], placed[(index + 1) % len(placed)]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        dx, dy = mx - cx, my - cy
        norm = math.hypot(dx, dy) or 1
        svg.text(mx + 22 * dx / norm, my + 22 * dy / norm + 5, text_label, size=14)
    for index in right_angles:
        (px, py), (ax, ay), (bx, by) = placed[index], placed[index - 1], placed[(index + 1) % len(placed)]
        ua = ((ax - px) / math.hypot(ax - px, ay - py), (ay - py) / math.hypot(ax - px, ay - py))
        ub = ((bx - px) / math.hypot(bx - px, by - py), (by - py) / math.hypot(bx - px, by - py))
        size = 12
        corner = [
            (px + size * ua[0], py + size * ua[1]),
            (px + size * (ua[0] + ub[0]), py + size * (ua[1] + ub[1])),
            (px + size * ub[0], py + size * ub[1]),
        ]
        svg.polyline(corner, stroke_width=1.2)
    return svg.render(label)


def regular_polygon(sides: int, *, label: str, fill: str = "#dbe7fb") -> str:
    """A regular polygon with `sides` sides (3 to 12)."""
    points = [
        (math.cos(2 * math.pi * index / sides + math.pi / 2), math.sin(2 * math.pi * index / sides + math.pi / 2))
        for index in range(sides)
    ]
    return polygon_figure(points, label=label, fill=fill)


def circle_figure(*, radius_label: str = "", diameter_label: str = "", label: str) -> str:
    """A circle with its radius or diameter drawn and labelled."""
    svg = Svg(220, 220)
    svg.circle(110, 110, 90, fill="#dbe7fb")
    svg.circle(110, 110, 3, fill=INK)
    if radius_label:
        svg.line(110, 110, 200, 110, stroke_width=2)
        svg.text(155, 102, radius_label, size=14)
    if diameter_label:
        svg.line(20, 110, 200, 110, stroke_width=2)
        svg.text(110, 102, diameter_label, size=14)
    return svg.render(label)


def angle_figure(degrees: float, *, label: str, show_measure: bool = False) -> str:
    """An angle of `degrees` with its vertex at the lower left and an arc marking it."""
    svg = Svg(260, 200)
    vx, vy, arm = 40, 170, 190
    radians = math.radians(degrees)
    svg.line(vx, vy, vx + arm, vy, stroke_width=2.5)
    svg.line(
        vx,
        vy,
        vx + arm * math.cos(radians) * (0.9 if degrees > 90 else 1),
        vy - arm * math.sin(radians) * 0.8,
        stroke_width=2.5,
    )
    end_x = vx + 30 * math.cos(radians)
    end_y = vy - 30 * math.sin(radians) * 0.8
    large = 1 if degrees > 180 else 0
    svg.path(
        f"M {vx + 30} {vy} A 30 30 0 {large} 0 {_number(end_x)} {_number(end_y)}", stroke=FILL_DARK, stroke_width=2
    )
    if show_measure:
        svg.text(vx + 52, vy - 14, f"{_label(degrees)}°", size=14, anchor="start")
    return svg.render(label)


def prism(length_label: str, width_label: str, height_label: str, *, label: str = "") -> str:
    """A rectangular prism drawn in oblique projection, with its three edges labelled."""
    svg = Svg(320, 230)
    x0, y0, w, h, depth = 40, 80, 180, 110, 60
    dx, dy = depth * 0.8, -depth * 0.6
    front = [(x0, y0), (x0 + w, y0), (x0 + w, y0 + h), (x0, y0 + h)]
    svg.polygon([(x0, y0), (x0 + dx, y0 + dy), (x0 + w + dx, y0 + dy), (x0 + w, y0)], fill="#c7d8f5")
    svg.polygon([(x0 + w, y0), (x0 + w + dx, y0 + dy), (x0 + w + dx, y0 + h + dy), (x0 + w, y0 + h)], fill="#a9c2ee")
    svg.polygon(front, fill="#dbe7fb")
    svg.text(x0 + w / 2, y0 + h + 22, length_label, size=14)
    svg.text(x0 + w + dx / 2 + 14, y0 + h + dy / 2 + 10, width_label, size=14, anchor="start")
    svg.text(x0 - 8, y0 + h / 2 + 5, height_label, size=14, anchor="end")
    return svg.render(
        label or f"A rectangular prism: length {length_label}, width {width_label}, height {height_label}"
    )


# ---------------------------------------------------------------------------------------------------------
# Data


def _axis_top(values: Iterable[float], step: float) -> float:
    top = max(values, default=0)
    return step * max(1, math.ceil(top / step))


def bar_graph(bars: Sequence[tuple[str, int]], *, step: int = 1, title: str = "", value_name: str = "") -> str:
    """A bar graph: one bar per (category, value), a scale with gridlines every `step`."""
    top = _axis_top((value for _, value in bars), step)
    width, height, left, bottom = 440, 260, 50, 40
    plot_height = height - bottom - 30
    svg = Svg(width, height)
    if title:
        svg.text(width / 2, 18, title, size=14, weight="bold")
    ticks = int(top / step)
    for index in range(ticks + 1):
        y = height - bottom - plot_height * index / ticks
        svg.line(left, y, width - 10, y, stroke=LIGHT, stroke_width=1)
        svg.text(left - 8, y + 4, str(index * step), size=12, anchor="end")
    slot = (width - left - 10) / len(bars)
    for index, (category, value) in enumerate(bars):
        bar_height = plot_height * value / top
        svg.rect(left + index * slot + slot * 0.2, height - bottom - bar_height, slot * 0.6, bar_height)
        svg.text(left + index * slot + slot / 2, height - bottom + 18, category, size=12)
    svg.line(left, height - bottom, width - 10, height - bottom)
    svg.line(left, height - bottom, left, 24)
    listed = "; ".join(f"{category}: {value}" for category, value in bars)
    unit = f" ({value_name})" if value_name else ""
    return svg.render(f"Bar graph{': ' + title if title else ''}{unit}. {listed}")


def _circles(count: Fraction) -> str:
    whole, half = divmod(count, 1)
    text = _count(int(whole), "circle") if whole or not half else ""
    if half:
        text = f"{text} and a half circle" if whole else "a half circle"
    return text


def picture_graph(rows: Sequence[tuple[str, int]], *, per_picture: int = 1, title: str = "", thing: str = "") -> str:
    """A picture graph: each row a category with one circle per `per_picture` items (a half circle for half)."""
    width = 460
    row_height = 34
    svg = Svg(width, len(rows) * row_height + 60)
    if title:
        svg.text(width / 2, 18, title, size=14, weight="bold")
    for index, (category, value) in enumerate(rows):
        y = 40 + index * row_height
        svg.text(110, y + 5, category, size=13, anchor="end")
        whole, half = divmod(value, per_picture)
        for picture in range(whole):
            svg.circle(132 + picture * 28, y, 11, fill=SHADE)
        if half:
            cx = 132 + whole * 28
            svg.path(f"M {cx} {y - 11} A 11 11 0 0 0 {cx} {y + 11} Z", fill=SHADE)
    key = f"Each circle = {per_picture} {thing}".strip()
    svg.text(width / 2, len(rows) * row_height + 48, key, size=12)
    listed = "; ".join(f"{category}: {_circles(Fraction(value, per_picture))}" for category, value in rows)
    return svg.render(f"Picture graph{': ' + title if title else ''}. {key}. {listed}")


def line_plot(
    values: Sequence[int | Fraction],
    *,
    start: int | Fraction,
    end: int | Fraction,
    step: int | Fraction,
    title: str = "",
    unit: str = "",
) -> str:
    """A line plot (dot plot): an X above the number line for each value."""
    start, end, step = Fraction(start), Fraction(end), Fraction(step)
    counts: dict[Fraction, int] = {}
    for value in values:
        counts[Fraction(value)] = counts.get(Fraction(value), 0) + 1
    ticks = int((end - start) / step)
    width, left = 500, 30
    top = max(counts.values(), default=1)
    height = 70 + top * 20
    baseline = height - 40
    scale = (width - 2 * left) / float(end - start)
    svg = Svg(width, height)
    if title:
        svg.text(width / 2, 16, title, size=14, weight="bold")
    svg.line(left - 10, baseline, width - left + 10, baseline)
    for index in range(ticks + 1):
        value = start + index * step
        x = left + float(value - start) * scale
        svg.line(x, baseline - 6, x, baseline + 6)
        svg.text(x, baseline + 24, _label(value), size=12)
        for stack in range(counts.get(value, 0)):
            svg.text(x, baseline - 10 - stack * 20, "×", size=18, weight="bold", fill=FILL_DARK)
    listed = "; ".join(f"{_label(value)}: {count}" for value, count in sorted(counts.items()))
    unit = f" (values in {unit})" if unit else ""
    return svg.render(f"Line plot{': ' + title if title else ''}{unit}. Number of X marks above each value: {listed}")


def coordinate_plane(
    points: Sequence[tuple[str, int | Fraction, int | Fraction]],
    *,
    x_range: tuple[int, int] = (0, 10),
    y_range: tuple[int, int] = (0, 10),
    polygon: bool = False,
    lines: Sequence[Sequence[tuple[float, float]]] = (),
    label_points: bool = True,
    describe_points: bool = True,
) -> str:
    """A coordinate grid with `points` (name, x, y) plotted; with `polygon`, joined in order into a closed shape;
    `lines` are polylines through given coordinates. With `describe_points` off the label does not give the
    points' coordinates (for an item that asks for them), only their names."""
    (x_low, x_high), (y_low, y_high) = x_range, y_range
    cell = min(28, 300 / max(x_high - x_low, y_high - y_low))
    left, top = 30, 20
    width = (x_high - x_low) * cell + 2 * left
    height = (y_high - y_low) * cell + 2 * top + 10
    svg = Svg(width, height)

    def at(x, y) -> tuple[float, float]:
        return left + float(Fraction(x) - x_low) * cell, top + float(y_high - Fraction(y)) * cell

    for x in range(x_low, x_high + 1):
        svg.line(*at(x, y_low), *at(x, y_high), stroke=LIGHT, stroke_width=1)
    for y in range(y_low, y_high + 1):
        svg.line(*at(x_low, y), *at(x_high, y), stroke=LIGHT, stroke_width=1)
    origin_x = 0 if x_low <= 0 <= x_high else x_low
    origin_y = 0 if y_low <= 0 <= y_high else y_low
    svg.line(*at(x_low, origin_y), *at(x_high, origin_y), stroke_width=2)
    svg.line(*at(origin_x, y_low), *at(origin_x, y_high), stroke_width=2)
    for x in range(x_low, x_high + 1):
        if x != origin_x or x == x_low:
            px, py = at(x, origin_y)
            svg.text(px, py + 16, _label(x), size=10)
    for y in range(y_low, y_high + 1):
        if y != origin_y:
            px, py = at(origin_x, y)
            svg.text(px - 6, py + 4, _label(y), size=10, anchor="end")
    for polyline in lines:
        svg.polyline([at(x, y) for x, y in polyline], stroke=FILL_DARK, stroke_width=2)
    if polygon and len(points) > 2:
        svg.polygon([at(x, y) for _, x, y in points], fill="#c7d8f5", stroke=FILL_DARK)
    for name, x, y in points:
        px, py = at(x, y)
        svg.circle(px, py, 5, fill=SHADE)
        if label_points and name:
            svg.text(px + 8, py - 8, name, size=13, weight="bold", anchor="start")
    if describe_points:
        listed = "; ".join(f"{name or 'a point'} at ({_label(x)}, {_label(y)})" for name, x, y in points)
    else:
        listed = "points " + join_names(name for name, _, _ in points) if points else ""
    shape = " joined into a polygon" if polygon else ""
    return svg.render(
        f"A coordinate grid, x from {_label(x_low)} to {_label(x_high)} and y from {_label(y_low)} to {_label(y_high)}"
        + (f", with {listed}{shape}" if listed else "")
    )


def join_names(names: Iterable[str]) -> str:
    names = [name for name in names if name]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def box_plot(minimum, q1, median, q3, maximum, *, start: int, end: int, step: int = 1, title: str = "") -> str:
    """A box plot over a number line from `start` to `end`."""
    width, left = 500, 30
    scale = (width - 2 * left) / (end - start)
    svg = Svg(width, 140)

    def x_of(value) -> float:
        return left + float(Fraction(value) - start) * scale

    if title:
        svg.text(width / 2, 16, title, size=14, weight="bold")
    svg.line(x_of(minimum), 60, x_of(q1), 60, stroke_width=2)
    svg.line(x_of(q3), 60, x_of(maximum), 60, stroke_width=2)
    svg.rect(x_of(q1), 38, x_of(q3) - x_of(q1), 44, fill="#dbe7fb")
    svg.line(x_of(median), 38, x_of(median), 82, stroke_width=2.5)
    for value in (minimum, maximum):
        svg.line(x_of(value), 48, x_of(value), 72, stroke_width=2)
    svg.line(left - 8, 108, width - left + 8, 108)
    for index in range(int((end - start) / step) + 1):
        value = start + index * step
        svg.line(x_of(value), 102, x_of(value), 114)
        svg.text(x_of(value), 130, _label(value), size=11)
    return svg.render(
        f"Box plot{': ' + title if title else ''}: minimum {_label(minimum)}, lower quartile {_label(q1)}, median "
        f"{_label(median)}, upper quartile {_label(q3)}, maximum {_label(maximum)}"
    )


def scatter_plot(
    points: Sequence[tuple[float, float]],
    *,
    x_range: tuple[int, int],
    y_range: tuple[int, int],
    x_name: str,
    y_name: str,
    x_step: int = 1,
    y_step: int = 1,
    line=None,
) -> str:
    """A scatter plot of `points` with named axes; `line` = (slope, intercept) draws a fitted line."""
    width, height, left, bottom = 460, 320, 56, 46
    (x_low, x_high), (y_low, y_high) = x_range, y_range
    sx = (width - left - 16) / (x_high - x_low)
    sy = (height - bottom - 26) / (y_high - y_low)
    svg = Svg(width, height)

    def at(x, y) -> tuple[float, float]:
        return left + (float(x) - x_low) * sx, height - bottom - (float(y) - y_low) * sy

    svg.line(*at(x_low, y_low), *at(x_high, y_low))
    svg.line(*at(x_low, y_low), *at(x_low, y_high))
    for x in range(x_low, x_high + 1, x_step):
        px, py = at(x, y_low)
        svg.line(px, py, px, py + 5)
        svg.text(px, py + 18, str(x), size=11)
    for y in range(y_low, y_high + 1, y_step):
        px, py = at(x_low, y)
        svg.line(px - 5, py, px, py)
        svg.text(px - 8, py + 4, str(y), size=11, anchor="end")
    svg.text(left + (width - left) / 2, height - 6, x_name, size=12)
    svg.text(4, 12, y_name, size=12, anchor="start")
    for x, y in points:
        svg.circle(*at(x, y), 4.5, fill=FILL_DARK, stroke=FILL_DARK)
    if line is not None:
        slope, intercept = line
        svg.line(
            *at(x_low, intercept + slope * x_low),
            *at(x_high, intercept + slope * x_high),
            stroke=SHADE,
            stroke_width=2.5,
        )
    listed = "; ".join(f"({_label(x)}, {_label(y)})" for x, y in points)
    return svg.render(f"Scatter plot of {y_name} against {x_name}, {len(points)} points: {listed}")
