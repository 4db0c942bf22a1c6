"""Grade 6 item generators: every grade 6 standard of data/ccss-math/standards.csv.

- Ratios and proportional relationships (6.RP): ratio language, unit rates, ratio tables and their graphs, comparing
  ratios, unit pricing and constant speed, percent of a quantity and finding the whole, converting units.
- The number system (6.NS): dividing fractions by fractions (bare and in stories), multi-digit division, decimal
  operations, GCF, LCM and the distributive property, positive and negative numbers in context, opposites, the
  quadrants and reflections, number lines (horizontal and vertical) and the coordinate plane, ordering and
  absolute value, distances between points with a shared coordinate.
- Expressions and equations (6.EE): exponents, writing, reading and evaluating expressions, the parts of an
  expression, equivalent expressions, solutions from a set, one-step equations, inequalities x > c and x < c
  and their graphs, dependent and independent variables in tables, equations and graphs.
- Geometry (6.G): areas of triangles, parallelograms, trapezoids and composite figures, volumes of prisms with
  fractional edges (and packing with unit-fraction cubes), polygons in the coordinate plane, nets and surface area.
- Statistics (6.SP): statistical questions, distributions on dot plots, measures of center and variation, dot
  plots, histograms and box plots, and summarizing data (observations, attribute and unit, mean, median, MAD, IQR,
  and the choice of measure for the shape of the data).

The parents with lettered parts (6.EE.A.2, 6.NS.C.6, 6.NS.C.7, 6.RP.A.3, 6.SP.B.5) are covered by their parts'
templates. No standard is skipped.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from html import escape, unescape

from assessments.generators import figures
from assessments.generators.base import (
    DIVIDE,
    INTRODUCTORY,
    MINUS,
    STRETCH,
    TIMES,
    Problem,
    choice,
    comparison,
    decimal_text,
    distinct_wrong,
    gcd,
    join_words,
    lcm,
    mixed,
    multi,
    name,
    names,
    number_text,
    numeric,
    problem,
    steps,
    template,
)
from assessments.generators.figures import FILL, FILL_DARK, INK, SHADE, Svg
from assessments.generators.grade_4 import divisors

# ---------------------------------------------------------------------------------------------------------
# Writing numbers and building problems


def _n(value: int | Fraction | Decimal) -> str:
    """A number as the stems write it: fractions as mixed numbers, whole numbers with thousands commas."""
    if isinstance(value, Fraction):
        return number_text(value.numerator, commas=True) if value.denominator == 1 else mixed(value)
    return number_text(value, commas=True)


def _money(value: Decimal | int) -> str:
    """Dollars and cents: "$4.25", "−$3.00" for a negative balance."""
    value = Decimal(value)
    return f"{MINUS if value < 0 else ''}${abs(value):,.2f}"


def _point(x, y) -> str:
    return f"({_n(x)}, {_n(y)})"


def _times(*factors) -> str:
    return f" {TIMES} ".join(_n(factor) for factor in factors)


def _table(headers: Sequence[str], rows: Sequence[Sequence]) -> str:
    """A Markdown pipe table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell if isinstance(cell, str) else _n(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _numeric(
    stem: str,
    value,
    hints: Sequence[str],
    lines: Sequence[str],
    wrong: Sequence,
    *,
    unit: str = "",
    display: str = "",
    figure: str = "",
    difficulty: int | None = None,
) -> Problem:
    """A typed-number problem; `lines` (the solution's steps) end with the answer written as `display` (default:
    the number and unit)."""
    answer = numeric(value, display=display or f"{_n(value)} {unit}".strip())
    return problem(stem, answer, hints, steps(*lines), wrong=wrong, figure=figure, difficulty=difficulty)


def _choice(
    rng: random.Random,
    stem: str,
    correct: str,
    wrong: Sequence[str],
    hints: Sequence[str],
    lines: Sequence[str],
    *,
    keep_order: bool = False,
    figure: str = "",
    difficulty: int | None = None,
) -> Problem:
    """A single-choice problem; the last step names `correct`."""
    answer = choice(rng, correct, list(wrong), keep_order=keep_order)
    return problem(stem, answer, hints, steps(*lines), figure=figure, difficulty=difficulty)


def _select_all(
    rng: random.Random,
    stem: str,
    correct: Sequence[str],
    wrong: Sequence[str],
    hints: Sequence[str],
    lines: Sequence[str],
    *,
    figure: str = "",
) -> Problem:
    """A multiple-select problem; the solution closes with every right choice."""
    answer = multi(rng, correct, wrong)
    closing = f"So the right choices are **{answer.display}**."
    return problem(stem, answer, hints, steps(*lines, closing), figure=figure)


def _pick_wrong(correct: str, candidates: Sequence[str], count: int = 3) -> list[str]:
    """Up to `count` candidate texts that differ from the right one and from each other."""
    return [text for text in distinct_wrong(correct, candidates) if text][:count]


# ---------------------------------------------------------------------------------------------------------
# Figures this grade draws itself (with the shared Svg builder)


def _relabel(svg: str, label: str) -> str:
    """A figure with its aria-label and title replaced (to describe points by where they sit, not by value)."""
    label = escape(" ".join(label.split()))
    svg = re.sub(r'aria-label="[^"]*"', f'aria-label="{label}"', svg, count=1)
    return re.sub(r"<title>.*?</title>", f"<title>{label}</title>", svg, count=1)


def _plane(points, **options) -> str:
    """A coordinate grid (figures.coordinate_plane) whose label writes negative numbers with the minus sign."""
    svg = figures.coordinate_plane(points, **options)
    label = re.search(r'aria-label="([^"]*)"', svg)[1]
    return _relabel(svg, re.sub(r"(?<![\w−])-(?=\d)", MINUS, unescape(label)))


def _ticks_from(value: Fraction, anchor: Fraction, step: Fraction) -> str:
    """Where `value` sits from the labelled number `anchor`, in tick marks: "3 tick marks to the left of −1"."""
    count = abs(int((value - anchor) / step))
    side = "right" if value > anchor else "left"
    return f"{count} tick mark{'s' if count != 1 else ''} to the {side} of {_n(anchor)}"


def _grid_place(letter: str, x, y) -> str:
    """A point on a coordinate grid as a sighted learner sees it: units right or left, then up or down."""
    across = "on the y-axis" if x == 0 else f"{_n(abs(x))} units {'right of' if x > 0 else 'left of'} the y-axis"
    upward = "on the x-axis" if y == 0 else f"{_n(abs(y))} units {'above' if y > 0 else 'below'} the x-axis"
    return f"point {letter} is {across} and {upward}"


def _ratio_picture(circles: int, squares: int) -> str:
    """A row of circles above a row of squares."""
    cell = 34
    svg = Svg(max(circles, squares) * cell + 16, 2 * cell + 16)
    for index in range(circles):
        svg.circle(8 + index * cell + cell / 2, 8 + cell / 2, 12, fill=FILL)
    for index in range(squares):
        svg.rect(8 + index * cell + 5, 8 + cell + 5, 24, 24, fill=SHADE)
    return svg.render(f"A row of {circles} circles above a row of {squares} squares")


def _flat_shape(
    points: Sequence[tuple[float, float]],
    *,
    label: str,
    side_labels: Sequence[str] = (),
    dashed: Sequence[tuple[tuple[float, float], tuple[float, float], str]] = (),
    right_angles: Sequence[tuple[tuple[float, float], tuple[float, float], tuple[float, float]]] = (),
    extra_dashed: Sequence[tuple[tuple[float, float], tuple[float, float]]] = (),
) -> str:
    """A polygon with labelled sides, dashed segments with labels (heights), dashed guide lines and right-angle
    marks (corner, toward one point, toward another), all in model coordinates, y upward."""
    every = [
        *points,
        *(end for start, stop, _ in dashed for end in (start, stop)),
        *(end for segment in extra_dashed for end in segment),
    ]
    xs, ys = [x for x, _ in every], [y for _, y in every]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1
    scale, pad = 240 / span, 60

    def at(point: tuple[float, float]) -> tuple[float, float]:
        return pad + (point[0] - min(xs)) * scale, pad + (max(ys) - point[1]) * scale

    svg = Svg((max(xs) - min(xs)) * scale + 2 * pad, (max(ys) - min(ys)) * scale + 2 * pad)
    placed = [at(point) for point in points]
    svg.polygon(placed, fill="#dbe7fb")
    # Going around the polygon, the outside of each side is to one hand: the sign of the area says which.
    turn = -1 if sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(placed, placed[1:] + placed[:1])) > 0 else 1
    for index, text_label in enumerate(side_labels):
        if text_label:
            (x1, y1), (x2, y2) = placed[index], placed[(index + 1) % len(placed)]
            length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1
            nx, ny = -turn * (y2 - y1) / length, turn * (x2 - x1) / length
            svg.text((x1 + x2) / 2 + 14 * nx + 14 * nx * abs(nx), (y1 + y2) / 2 + 14 * ny + 5, text_label, size=14)
    for start, stop in extra_dashed:
        svg.line(*at(start), *at(stop), stroke=INK, stroke_width=1.2, dash="5 4")
    for start, stop, text_label in dashed:
        (x1, y1), (x2, y2) = at(start), at(stop)
        svg.line(x1, y1, x2, y2, stroke=FILL_DARK, stroke_width=2, dash="6 4")
        svg.text((x1 + x2) / 2 + 8, (y1 + y2) / 2 + 5, text_label, size=14, anchor="start", fill=FILL_DARK)
    for corner, toward_a, toward_b in right_angles:
        (px, py), (ax, ay), (bx, by) = at(corner), at(toward_a), at(toward_b)
        la, lb = ((ax - px) ** 2 + (ay - py) ** 2) ** 0.5, ((bx - px) ** 2 + (by - py) ** 2) ** 0.5
        ua, ub = ((ax - px) / la, (ay - py) / la), ((bx - px) / lb, (by - py) / lb)
        size = 11
        corner_points = [
            (px + size * ua[0], py + size * ua[1]),
            (px + size * (ua[0] + ub[0]), py + size * (ua[1] + ub[1])),
            (px + size * ub[0], py + size * ub[1]),
        ]
        svg.polyline(corner_points, stroke_width=1.2)
    return svg.render(label)


def _prism_net(length: int, width: int, height: int, unit: str) -> str:
    """The net of a box: a strip of four side faces (height tall) with the top and bottom faces on the front."""
    scale = min(400 / (2 * length + 2 * width), 260 / (2 * width + height))
    left, top = 40, 30
    columns = [width, length, width, length]
    svg = Svg((2 * length + 2 * width) * scale + 2 * left, (2 * width + height) * scale + 2 * top)
    x = left
    strip_top = top + width * scale
    for index, column in enumerate(columns):
        svg.rect(x, strip_top, column * scale, height * scale, fill="#dbe7fb" if index % 2 else "#c7d8f5")
        x += column * scale
    front_left = left + width * scale
    svg.rect(front_left, top, length * scale, width * scale, fill="#a9c2ee")
    svg.rect(front_left, strip_top + height * scale, length * scale, width * scale, fill="#a9c2ee")
    svg.text(front_left + length * scale / 2, top - 8, f"{length} {unit}", size=13)
    svg.text(front_left - 6, top + width * scale / 2 + 5, f"{width} {unit}", size=13, anchor="end")
    svg.text(left - 6, strip_top + height * scale / 2 + 5, f"{height} {unit}", size=13, anchor="end")
    return svg.render(
        f"A net of a rectangular prism made of 6 rectangles: 2 are {length} {unit} by {width} {unit}, 2 are "
        f"{length} {unit} by {height} {unit} and 2 are {width} {unit} by {height} {unit}"
    )


def _pyramid_net(side: int, slant: int, unit: str) -> str:
    """The net of a square pyramid: a square with a triangle on each side, one triangle's height dashed."""
    scale = 280 / (side + 2 * slant)
    pad = 24
    s, t = side * scale, slant * scale
    x0, y0 = pad + t, pad + t
    svg = Svg(s + 2 * t + 2 * pad, s + 2 * t + 2 * pad)
    svg.rect(x0, y0, s, s, fill="#a9c2ee")
    svg.polygon([(x0, y0), (x0 + s, y0), (x0 + s / 2, y0 - t)], fill="#dbe7fb")
    svg.polygon([(x0, y0 + s), (x0 + s, y0 + s), (x0 + s / 2, y0 + s + t)], fill="#dbe7fb")
    svg.polygon([(x0, y0), (x0, y0 + s), (x0 - t, y0 + s / 2)], fill="#dbe7fb")
    svg.polygon([(x0 + s, y0), (x0 + s, y0 + s), (x0 + s + t, y0 + s / 2)], fill="#dbe7fb")
    svg.line(x0 + s / 2, y0, x0 + s / 2, y0 - t, stroke=FILL_DARK, stroke_width=2, dash="6 4")
    svg.text(x0 + s / 2 + 6, y0 - t / 2 + 5, f"{slant} {unit}", size=13, anchor="start", fill=FILL_DARK)
    svg.text(x0 + s / 2, y0 + s - 6, f"{side} {unit}", size=13)
    return svg.render(
        f"A net of a square pyramid: a square {side} {unit} on each side with a triangle on each of its 4 sides; "
        f"each triangle has a base of {side} {unit} and a height of {slant} {unit}"
    )


def _triangular_prism_net() -> str:
    """The net of a triangular prism: three rectangles in a row with a triangle above and below the middle one."""
    svg = Svg(360, 260)
    for index in range(3):
        svg.rect(30 + index * 100, 80, 100, 100, fill="#dbe7fb")
    svg.polygon([(130, 80), (230, 80), (180, 20)], fill="#a9c2ee")
    svg.polygon([(130, 180), (230, 180), (180, 240)], fill="#a9c2ee")
    return svg.render("A net made of 3 rectangles in a row, with a triangle attached above and below the middle one")


def _square_pyramid_picture_net() -> str:
    return _relabel(_pyramid_net(4, 3, "cm"), "A net made of a square with a triangle attached to each of its 4 sides")


def _inequality_graph(boundary: int, *, rightward: bool) -> str:
    """A number line with an open circle at `boundary` and the part to one side shaded, ending in an arrow."""
    start, end = boundary - 5, boundary + 5
    width, left, baseline = 520, 30, 50
    scale = (width - 2 * left) / (end - start)
    svg = Svg(width, 90)

    def x_of(value) -> float:
        return left + (value - start) * scale

    svg.line(left - 14, baseline, width - left + 14, baseline)
    for value in range(start, end + 1):
        svg.line(x_of(value), baseline - 7, x_of(value), baseline + 7)
        svg.text(x_of(value), baseline + 26, number_text(value), size=13)
    tip = width - left + 16 if rightward else left - 16
    svg.line(x_of(boundary) + (6 if rightward else -6), baseline, tip, baseline, stroke=FILL_DARK, stroke_width=5)
    head = 1 if rightward else -1
    svg.polygon(
        [(tip + 8 * head, baseline), (tip - 4 * head, baseline - 8), (tip - 4 * head, baseline + 8)],
        fill=FILL_DARK,
        stroke=FILL_DARK,
    )
    svg.circle(x_of(boundary), baseline, 7, fill="#ffffff", stroke=FILL_DARK, stroke_width=2.5)
    side = "to the right of" if rightward else "to the left of"
    return svg.render(
        f"A number line from {number_text(start)} to {number_text(end)} with an open circle at "
        f"{number_text(boundary)} and a thick line from it going {side} it, ending in an arrow"
    )


def _vertical_number_line(start: int, end: int, step: Fraction, points: Sequence[tuple[str, Fraction]]) -> str:
    """A vertical number line, whole numbers labelled, with lettered points; the label says where each sits."""
    top, bottom = 20, 340
    scale = (bottom - top) / (end - start)
    svg = Svg(200, 360)

    def y_of(value) -> float:
        return bottom - float(Fraction(value) - start) * scale

    svg.line(80, top - 10, 80, bottom + 10)
    ticks = int((end - start) / step)
    for index in range(ticks + 1):
        value = start + index * step
        whole = Fraction(value).denominator == 1
        svg.line(72 if whole else 75, y_of(value), 88 if whole else 85, y_of(value))
        if whole:
            svg.text(64, y_of(value) + 5, _n(Fraction(value)), size=13, anchor="end")
    for letter, value in points:
        svg.circle(80, y_of(value), 6, fill=SHADE)
        svg.text(96, y_of(value) + 5, letter, size=14, weight="bold", anchor="start")
    places = "; ".join(f"point {letter} is {_vertical_place(value, step)}" for letter, value in points)
    return svg.render(
        f"A vertical number line from {number_text(start)} at the bottom to {number_text(end)} at the "
        f"top, with tick marks every {_n(step)} and each whole number labelled; {places}"
    )


def _vertical_place(value: Fraction, step: Fraction) -> str:
    if value.denominator == 1:
        return f"at the labelled mark {_n(value)}"
    below = Fraction(value.numerator // value.denominator)
    count = int((value - below) / step)
    return f"{count} tick mark{'s' if count != 1 else ''} above {_n(below)}"


# ---------------------------------------------------------------------------------------------------------
# 6.RP Ratios and proportional relationships

# (first things, second things, where they are, all of them together)
_RATIO_THINGS = (
    ("red beads", "blue beads", "on a bracelet", "beads"),
    ("cats", "dogs", "at an animal shelter", "animals"),
    ("girls", "boys", "in a chess club", "club members"),
    ("apples", "oranges", "in a fruit basket", "pieces of fruit"),
    ("trumpets", "drums", "in a marching band", "instruments"),
    ("pine trees", "oak trees", "in a park", "trees"),
    ("red cars", "blue cars", "in a parking lot", "cars"),
    ("fiction books", "nonfiction books", "on a shelf", "books"),
)


def _ratio_question(a: int, b: int, ask: str) -> tuple[str, list[str]]:
    """The right ratio and the usual mistakes for counts a (first) and b (second): part to part either way, or
    one part to the whole."""
    total = a + b
    right = {
        "first_second": f"{a}:{b}",
        "second_first": f"{b}:{a}",
        "first_total": f"{a}:{total}",
        "second_total": f"{b}:{total}",
    }[ask]
    candidates = [f"{b}:{a}", f"{a}:{b}", f"{a}:{total}", f"{b}:{total}", f"{total}:{a}"]
    return right, _pick_wrong(right, candidates)


def _ratio_steps(first: str, second: str, whole: str, a: int, b: int, ask: str, right: str) -> list[str]:
    if ask.endswith("total"):
        part, count = (first, a) if ask == "first_total" else (second, b)
        return [
            f"All the {whole}: {a} + {b} = {a + b}.",
            f"The ratio of {part} to all the {whole} puts the {part} first: {count} to {a + b}.",
            f"So the ratio is **{right}**.",
        ]
    lead, follow = (first, second) if ask == "first_second" else (second, first)
    return [f"The ratio of {lead} to {follow} names the {lead} first.", f"So the ratio is **{right}**."]


@template("6.RP.A.1", difficulty=INTRODUCTORY)
def ratio_of_counts(rng: random.Random) -> Problem:
    """Write the ratio of two counted things, part to part or part to whole."""
    first, second, where, whole = rng.choice(_RATIO_THINGS)
    a, b = rng.sample(range(2, 16), 2)
    ask = rng.choice(["first_second", "second_first", "first_total", "second_total"])
    asked = {
        "first_second": f"{first} to {second}",
        "second_first": f"{second} to {first}",
        "first_total": f"{first} to all the {whole}",
        "second_total": f"{second} to all the {whole}",
    }[ask]
    right, wrong = _ratio_question(a, b, ask)
    stem = f"There are {a} {first} and {b} {second} {where}. What is the ratio of {asked}?"
    second_hint = (
        f"For a ratio to all the {whole}, first find how many {whole} there are in all."
        if ask.endswith("total")
        else "A part-to-part ratio compares one group with the other group."
    )
    hints = ("A ratio keeps the order of the words: the quantity named first is written first.", second_hint)
    return _choice(rng, stem, right, wrong, hints, _ratio_steps(first, second, whole, a, b, ask, right))


@template("6.RP.A.1")
def ratio_in_picture(rng: random.Random) -> Problem:
    """Write a ratio of the shapes in a picture."""
    circles, squares = rng.sample(range(2, 10), 2)
    ask = rng.choice(["first_second", "second_first", "first_total", "second_total"])
    asked = {
        "first_second": "circles to squares",
        "second_first": "squares to circles",
        "first_total": "circles to all the shapes",
        "second_total": "squares to all the shapes",
    }[ask]
    right, wrong = _ratio_question(circles, squares, ask)
    stem = f"Look at the picture. What is the ratio of {asked}?"
    hints = ("Count the circles and the squares.", "Write the numbers in the same order as the words.")
    steps = [
        f"There are {circles} circles and {squares} squares.",
        *_ratio_steps("circles", "squares", "shapes", circles, squares, ask, right),
    ]
    return _choice(rng, stem, right, wrong, hints, steps, figure=_ratio_picture(circles, squares))


# (first quantity, second quantity, the sentence that gives the ratio)
_RATIO_SENTENCES = (
    ("cups of flour", "cups of milk", "In a pancake recipe, the ratio of cups of flour to cups of milk is {ratio}."),
    ("cups of nuts", "cups of raisins", "In a trail mix, the ratio of cups of nuts to cups of raisins is {ratio}."),
    (
        "cans of red paint",
        "cans of white paint",
        "To make pink paint, the ratio of cans of red paint to cans of white paint is {ratio}.",
    ),
    ("wins", "losses", "This season, the ratio of the soccer team's wins to its losses is {ratio}."),
    ("students", "adults", "On a field trip, the ratio of students to adults is {ratio}."),
    ("laps swum", "laps run", "In {name}'s training plan, the ratio of laps swum to laps run is {ratio}."),
)


@template("6.RP.A.1")
def ratio_language(rng: random.Random) -> Problem:
    """Choose the sentence that describes a ratio relationship in ratio language."""
    first, second, sentence = rng.choice(_RATIO_SENTENCES)
    while True:
        a, b = rng.sample(range(2, 10), 2)
        if gcd(a, b) == 1:
            break
    scale = rng.choice([1, 1, 2, 3])
    right = f"For every {a * scale} {first}, there are {b * scale} {second}."
    wrong = [
        f"For every {a} {second}, there are {b} {first}.",
        f"For every {a} {first}, there are {a + b} {second}.",
        f"For every {a + 2} {first}, there are {b + 2} {second}.",
    ]
    stem = sentence.format(ratio=f"{a}:{b}", name=name(rng)) + " Which sentence describes this ratio?"
    hints = (
        f"In {a}:{b}, the first number goes with the {first}.",
        "Equivalent ratios come from multiplying both numbers by the same number, not adding.",
    )
    steps = [f"{a}:{b} means for every {a} {first}, there are {b} {second}."]
    if scale > 1:
        steps.append(f"Multiplying both numbers by {scale} gives the equivalent ratio {a * scale}:{b * scale}.")
    steps.append(f"So the sentence is: **{right}**")
    return _choice(rng, stem, right, wrong, hints, steps)


_UNIT_PRICE_ITEMS = (
    ("hamburgers", "hamburger"),
    ("movie tickets", "movie ticket"),
    ("notebooks", "notebook"),
    ("bags of rice", "bag of rice"),
    ("T-shirts", "T-shirt"),
    ("flower pots", "flower pot"),
)


@template("6.RP.A.2", difficulty=INTRODUCTORY)
def unit_price(rng: random.Random) -> Problem:
    """Find the price per item from a total price."""
    items, item = rng.choice(_UNIT_PRICE_ITEMS)
    price = Decimal(rng.randint(4, 48) * 25) / 100
    count = rng.randint(3, 15)
    total = price * count
    stem = (
        f"{name(rng)} paid {_money(total)} for {count} {items}. Each {item} cost the same. What is the price per "
        f"{item}?"
    )
    hints = ("A unit rate tells how much for 1 item.", f"Divide the total cost by the number of {items}.")
    steps = [
        f"The ratio is {_money(total)} for {count} {items}.",
        f"For 1 {item}: {_money(total)} {DIVIDE} {count} = {_money(price)}.",
        f"So the price is **{_money(price)}** per {item}.",
    ]
    wrong = [total, Fraction(count) / Fraction(total), price * 10]
    return _numeric(stem, price, hints, steps, wrong, display=_money(price))


# (sentence with {a} and {b}, the question for 1 of the second quantity, the unit of the answer, per what)
_UNIT_RATE_STORIES = (
    (
        "A recipe uses {a} cups of flour for every {b} cups of sugar.",
        "How many cups of flour is that for each cup of sugar?",
        "cups of flour",
        "for each cup of sugar",
    ),
    (
        "{name} walks {a} miles in {b} hours at a steady pace.",
        "How many miles does {name} walk per hour?",
        "miles",
        "per hour",
    ),
    (
        "A faucet fills {a} gallons in {b} minutes.",
        "How many gallons does it fill per minute?",
        "gallons",
        "per minute",
    ),
    ("{name} reads {a} pages in {b} minutes.", "How many pages does {name} read per minute?", "pages", "per minute"),
    (
        "A paint mix uses {a} cans of blue paint for every {b} cans of yellow paint.",
        "How many cans of blue paint is that for each can of yellow paint?",
        "cans of blue paint",
        "for each can of yellow paint",
    ),
)


@template("6.RP.A.2")
def unit_rate_as_fraction(rng: random.Random) -> Problem:
    """Find the unit rate a/b of a ratio a:b, often a fraction."""
    sentence, question, unit, per = rng.choice(_UNIT_RATE_STORIES)
    a, b = rng.sample(range(1, 10), 2)
    if b == 1:
        b = rng.randint(2, 9) if a != 2 else 3
    who = name(rng)
    rate = Fraction(a, b)
    stem = f"{sentence.format(a=a, b=b, name=who)} {question.format(name=who)}"
    hints = (
        "The unit rate of the ratio a:b is a/b: the amount that goes with 1 of the second quantity.",
        f"Share the {a} equally among the {b}.",
    )
    steps = [
        f"The ratio is {a}:{b}.",
        f"To get 1 of the second quantity, divide both numbers by {b}: {a} {DIVIDE} {b} = {a}/{b}.",
        f"So the unit rate is **{_n(rate)} {unit}** {per}.",
    ]
    return _numeric(stem, rate, hints, steps, [Fraction(b, a), Fraction(a * b)], unit=unit)


# (what is counted, per what, sentence with {total} and {count})
_RATE_SENTENCES = (
    ("miles", "hour", "A car travels {total} miles in {count} hours at a steady speed."),
    ("words", "minute", "{name} types {total} words in {count} minutes."),
    ("dollars", "hour", "{name} earns ${total} for {count} hours of work."),
    ("pages", "minute", "A printer prints {total} pages in {count} minutes."),
    ("liters", "minute", "A pump moves {total} liters of water in {count} minutes."),
)


@template("6.RP.A.2")
def rate_language(rng: random.Random) -> Problem:
    """Choose the statement of the unit rate in rate language."""
    counted, per, sentence = rng.choice(_RATE_SENTENCES)
    count = rng.randint(2, 9)
    rate = rng.randint(3, 60)
    total = rate * count
    right = f"{rate} {counted} per {per}"
    wrong = _pick_wrong(
        right,
        [
            f"{_n(total * count)} {counted} per {per}",
            f"{total} {counted} per {per}",
            f"{count} {counted} per {per}",
            f"{rate + count} {counted} per {per}",
        ],
    )
    stem = f"{sentence.format(total=total, count=count, name=name(rng))} What is the rate in {counted} per {per}?"
    hints = (
        f"The rate per {per} is the amount for 1 {per}.",
        f"Share the {total} {counted} equally among the {count} {per}s.",
    )
    steps = [
        f"{total} {counted} for {count} {per}s.",
        f"{total} {DIVIDE} {count} = {rate}.",
        f"So the rate is **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


# (column heads, a base pair range)
_RATIO_TABLES = (
    ("Cups of water", "Cups of rice"),
    ("Minutes", "Pages read"),
    ("Scoops of lemonade mix", "Cups of water"),
    ("Bags", "Apples"),
    ("Hours worked", "Dollars earned"),
    ("Laps", "Minutes"),
)


def _equivalent_pairs(rng: random.Random, rows: int) -> tuple[int, int, list[int]]:
    while True:
        a, b = rng.randint(1, 9), rng.randint(1, 9)
        if a != b and gcd(a, b) == 1:
            return a, b, sorted(rng.sample(range(1, 11), rows))


@template("6.RP.A.3a")
def ratio_table_missing_value(rng: random.Random) -> Problem:
    """Find the missing value in a table of equivalent ratios."""
    heads = rng.choice(_RATIO_TABLES)
    a, b, multipliers = _equivalent_pairs(rng, 4)
    hidden = rng.randint(1, 3)
    column = rng.randint(0, 1)
    rows = [[a * k, b * k] for k in multipliers]
    value = rows[hidden][column]
    known = rows[hidden][1 - column]
    rows[hidden][column] = "?"
    previous = rows[hidden - 1]
    additive = previous[column] + (known - previous[1 - column])
    stem = f"The table shows equivalent ratios. What number goes in place of the ?\n\n{_table(heads, rows)}"
    hints = (
        "In a table of equivalent ratios, every row is the first row multiplied by the same number.",
        f"Find what {heads[1 - column].lower()} is multiplied by to get {heads[column].lower()} in the first row.",
    )
    factor = Fraction(b, a) if column == 1 else Fraction(a, b)
    steps = [
        f"The first row is {rows[0][0]} and {rows[0][1]}, a ratio of {a}:{b}.",
        f"Each {heads[column].lower()} value is {_n(factor)} times the {heads[1 - column].lower()} value.",
        f"{_n(known)} {TIMES} {_n(factor)} = {value}.",
        f"So the missing value is **{value}**.",
    ]
    return _numeric(stem, value, hints, steps, [additive, value + (b if column else a), known])


@template("6.RP.A.3a")
def ratio_table_graph(rng: random.Random) -> Problem:
    """Choose a pair that belongs in a ratio table whose pairs are plotted on a coordinate plane."""
    heads = rng.choice(_RATIO_TABLES)
    while True:
        a, b = rng.randint(1, 4), rng.randint(1, 4)
        if a != b:
            break
    rows = [[a * k, b * k] for k in (1, 2, 3)]
    k = rng.choice([4, 5, 6])
    right = _point(a * k, b * k)
    wrong = _pick_wrong(
        right,
        [_point(a * 3 + a, b * 3 + a), _point(b * k, a * k), _point(a * k, b * k + 1), _point(a * k + 1, b * k + 1)],
    )
    figure = _plane([("", x, y) for x, y in rows], x_range=(0, a * 6), y_range=(0, b * 6))
    stem = (
        f"The table shows equivalent ratios, and the graph shows its pairs as points "
        f"({heads[0].lower()}, {heads[1].lower()}).\n\n{_table(heads, rows)}\n\n"
        "Which pair also belongs in the table?"
    )
    hints = (
        "Every pair in the table is the first pair multiplied by the same number.",
        "The points of equivalent ratios lie on one straight line through (0, 0).",
    )
    steps = [
        f"The first pair is ({a}, {b}). The others are it times 2 and times 3.",
        f"Times {k}: ({a} {TIMES} {k}, {b} {TIMES} {k}) = {right}.",
        f"So **{right}** belongs in the table.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps, figure=figure)


def _cups(count: int) -> str:
    return f"{count} cup{'s' if count != 1 else ''}"


@template("6.RP.A.3a")
def compare_ratios(rng: random.Random) -> Problem:
    """Compare two mixtures' ratios with tables of equivalent ratios."""
    first, second = names(rng, 2)
    a1, b1 = rng.randint(1, 5), rng.randint(2, 6)
    if rng.random() < 0.2:
        k = rng.randint(2, 3)
        a2, b2 = a1 * k, b1 * k
    else:
        while True:
            a2, b2 = rng.randint(1, 6), rng.randint(2, 8)
            if Fraction(a2, b2) != Fraction(a1, b1) and b2 != b1:
                break
    water = lcm(b1, b2)
    juice1, juice2 = a1 * water // b1, a2 * water // b2
    options = [f"{first}'s drink", f"{second}'s drink", "They taste the same"]
    right = options[0] if juice1 > juice2 else options[1] if juice2 > juice1 else options[2]
    stem = (
        f"{first} mixes {_cups(a1)} of orange juice with {_cups(b1)} of sparkling water. {second} mixes "
        f"{_cups(a2)} of orange juice with {_cups(b2)} of sparkling water. Whose drink tastes more strongly of "
        "orange juice?"
    )
    hints = (
        "Make a table of equivalent ratios for each drink.",
        "Extend both tables until the cups of sparkling water are the same; then compare the orange juice.",
    )
    steps = [
        f"{first}: {_cups(a1)} of juice to {_cups(b1)} of water is the same as {_cups(juice1)} of juice to "
        f"{_cups(water)} of water.",
        f"{second}: {_cups(a2)} of juice to {_cups(b2)} of water is the same as {_cups(juice2)} of juice to "
        f"{_cups(water)} of water.",
        f"With {water} cups of water each, compare {juice1} and {juice2} cups of juice.",
        f"So the answer is: **{right}**.",
    ]
    return _choice(rng, stem, right, options, hints, steps, keep_order=True)


# (what is done, the things, the time unit)
_WORK_RATES = (
    ("mow", "lawns", "hours"),
    ("paint", "fences", "days"),
    ("bake", "pies", "hours"),
    ("wash", "cars", "hours"),
    ("knit", "scarves", "weeks"),
)


@template("6.RP.A.3b")
def rate_at_same_pace(rng: random.Random) -> Problem:
    """Use a rate to find how many things in a longer time, or how long for more things."""
    verb, things, time_unit = rng.choice(_WORK_RATES)
    while True:
        count, time = rng.randint(2, 9), rng.randint(2, 9)
        if count != time:
            break
    factor = rng.randint(2, 8)
    who = name(rng)
    if rng.random() < 0.5:
        question = f"At that rate, how many {things} can {who} {verb} in {time * factor} {time_unit}?"
        value, unit = count * factor, things
        scale = f"{time * factor} {time_unit} is {factor} times {time} {time_unit}"
        last = f"{count} {TIMES} {factor} = {value} {things}"
        wrong = [count + time * factor - time, count * time * factor, time * factor]
    else:
        question = f"At that rate, how many {time_unit} will it take {who} to {verb} {count * factor} {things}?"
        value, unit = time * factor, time_unit
        scale = f"{count * factor} {things} is {factor} times {count} {things}"
        last = f"{time} {TIMES} {factor} = {value} {time_unit}"
        wrong = [time + count * factor - count, count * time * factor, count * factor]
    stem = f"It takes {who} {time} {time_unit} to {verb} {count} {things}. {question}"
    hints = (
        "Make a table of equivalent ratios, or find how many times bigger the new amount is.",
        f"Multiply both parts of the ratio {count} {things} : {time} {time_unit} by the same number.",
    )
    steps = [
        f"The ratio is {count} {things} for {time} {time_unit}.",
        f"{scale}, so multiply both parts of the ratio by {factor}.",
        f"{last}.",
        f"So the answer is **{value} {unit}**.",
    ]
    return _numeric(stem, value, hints, steps, wrong, unit=unit)


@template("6.RP.A.3b")
def constant_speed(rng: random.Random) -> Problem:
    """Solve a constant-speed problem through the unit rate."""
    vehicle = rng.choice(["A train", "A bus", "A truck", "A car"])
    speed = rng.randint(6, 16) * 5
    time1, time2 = rng.sample(range(2, 10), 2)
    distance1 = speed * time1
    if rng.random() < 0.5:
        stem = (
            f"{vehicle} travels at a constant speed. It goes {distance1} miles in {time1} hours. "
            f"How far does it go in {time2} hours?"
        )
        value, unit, wrong = speed * time2, "miles", [distance1 * time2, distance1 + time2, speed]
        last = f"In {time2} hours: {speed} {TIMES} {time2} = {speed * time2} miles."
    else:
        stem = (
            f"{vehicle} travels at a constant speed. It goes {distance1} miles in {time1} hours. "
            f"How many hours does it take to go {speed * time2} miles?"
        )
        value, unit, wrong = time2, "hours", [Fraction(time2, time1), Fraction(speed * time2, time1)]
        last = f"{speed * time2} miles at {speed} miles per hour: {speed * time2} {DIVIDE} {speed} = {time2} hours."
    hints = ("Find the unit rate first: how many miles in 1 hour?", f"Divide {distance1} by {time1}.")
    steps = [
        f"Unit rate: {distance1} {DIVIDE} {time1} = {speed} miles per hour.",
        last,
        f"So the answer is **{_n(value)} {unit}**.",
    ]
    return _numeric(stem, value, hints, steps, wrong, unit=unit)


_STORE_ITEMS = (
    ("bottles of water", "bottle"),
    ("granola bars", "bar"),
    ("pens", "pen"),
    ("cans of soup", "can"),
    ("muffins", "muffin"),
)


@template("6.RP.A.3b")
def better_buy(rng: random.Random) -> Problem:
    """Compare unit prices to find the better buy."""
    items, item = rng.choice(_STORE_ITEMS)
    count1, count2 = rng.sample(range(3, 13), 2)
    cents1 = rng.randint(8, 40) * 5
    cents2 = cents1 if rng.random() < 0.15 else rng.choice([c for c in range(40, 205, 5) if c != cents1])
    price1, price2 = Decimal(cents1 * count1) / 100, Decimal(cents2 * count2) / 100
    unit1, unit2 = Decimal(cents1) / 100, Decimal(cents2) / 100
    options = ["Store A", "Store B", f"Both cost the same per {item}"]
    right = options[0] if cents1 < cents2 else options[1] if cents2 < cents1 else options[2]
    stem = (
        f"Store A sells {count1} {items} for {_money(price1)}. Store B sells {count2} {items} for "
        f"{_money(price2)}. Which is the better buy?"
    )
    hints = (f"Find the unit price at each store: the cost of 1 {item}.", "The better buy has the lower unit price.")
    steps = [
        f"Store A: {_money(price1)} {DIVIDE} {count1} = {_money(unit1)} per {item}.",
        f"Store B: {_money(price2)} {DIVIDE} {count2} = {_money(unit2)} per {item}.",
        f"So the answer is: **{right}**.",
    ]
    return _choice(rng, stem, right, options, hints, steps, keep_order=True)


@template("6.RP.A.3b")
def price_of_more(rng: random.Random) -> Problem:
    """Use a unit price to find the cost of a different number of items."""
    items, item = rng.choice(_UNIT_PRICE_ITEMS)
    price = Decimal(rng.randint(4, 40) * 25) / 100
    count1, count2 = rng.sample(range(2, 13), 2)
    total1 = price * count1
    stem = f"{count1} {items} cost {_money(total1)}. At the same price, how much do {count2} {items} cost?"
    hints = (f"Find the cost of 1 {item} first.", f"Then multiply by {count2}.")
    value = price * count2
    steps = [
        f"1 {item}: {_money(total1)} {DIVIDE} {count1} = {_money(price)}.",
        f"{count2} {items}: {_money(price)} {TIMES} {count2} = {_money(value)}.",
        f"So {count2} {items} cost **{_money(value)}**.",
    ]
    return _numeric(stem, value, hints, steps, [total1 + count2 - count1, total1 * count2], display=_money(value))


def _percent_pair(rng: random.Random) -> tuple[int, int, int]:
    """A percent, a whole and the part, all whole numbers."""
    while True:
        percent = rng.choice([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 75, 80, 90, 12, 8, 4])
        step = 100 // gcd(percent, 100)
        whole = step * rng.randint(1, max(1, 400 // step))
        if 10 <= whole <= 400 and whole != percent:
            return percent, whole, percent * whole // 100


@template("6.RP.A.3c")
def percent_of_quantity(rng: random.Random) -> Problem:
    """Find a percent of a quantity as a rate per 100."""
    percent, whole, part = _percent_pair(rng)
    who = name(rng)
    story = rng.choice(["plain", "class", "discount", "juice"])
    unit, display = "", ""
    if story == "plain":
        stem = f"What is {percent}% of {whole}?"
    elif story == "class":
        stem = f"A school has {whole} students. {percent}% of them walk to school. How many students walk to school?"
        unit = "students"
    elif story == "discount":
        stem = f"A bike costs ${whole}. It is on sale for {percent}% off. How many dollars is the discount?"
        display = f"${part}"
    else:
        stem = (
            f"{who} has a {whole} mL bottle of juice drink. {percent}% of the drink is juice. How many mL of juice "
            "is in it?"
        )
        unit = "mL"
    hints = (f"{percent}% means {percent} out of every 100, or {percent}/100.", f"Multiply {whole} by {percent}/100.")
    steps = [
        f"{percent}% = {percent}/100.",
        f"{percent}/100 {TIMES} {whole} = {percent * whole}/100 = {part}.",
        f"So the answer is **{display or _n(part) + (' ' + unit if unit else '')}**.",
    ]
    return _numeric(
        stem, part, hints, steps, [percent * whole, whole - part, Fraction(whole, percent)], unit=unit, display=display
    )


@template("6.RP.A.3c")
def whole_from_percent(rng: random.Random) -> Problem:
    """Find the whole, given a part and the percent it is."""
    percent, whole, part = _percent_pair(rng)
    who = name(rng)
    story = rng.choice(["plain", "book", "games", "savings"])
    unit, display = "", ""
    if story == "plain":
        stem = f"{part} is {percent}% of what number?"
    elif story == "book":
        stem = f"{who} has read {part} pages. That is {percent}% of the book. How many pages are in the book?"
        unit = "pages"
    elif story == "games":
        stem = f"A team won {part} games. That is {percent}% of the games it played. How many games did it play?"
        unit = "games"
    else:
        stem = f"{who} has saved ${part}. That is {percent}% of the cost of a new phone. How much does the phone cost?"
        display = f"${whole}"
    hints = (
        f"{percent}% of the whole is {part}. Find 1% first, or use a ratio table.",
        f"{part} out of the whole is the same ratio as {percent} out of 100.",
    )
    steps = [
        f"{percent}% is {part}, so 1% is {part} {DIVIDE} {percent} = {_n(Fraction(part, percent))}.",
        f"100% is 100 {TIMES} {_n(Fraction(part, percent))} = {whole}.",
        f"So the whole is **{display or _n(whole) + (' ' + unit if unit else '')}**.",
    ]
    return _numeric(
        stem,
        whole,
        hints,
        steps,
        [Fraction(part * percent, 100), part + percent, whole - part],
        unit=unit,
        display=display,
    )


@template("6.RP.A.3c", difficulty=INTRODUCTORY)
def percent_of_grid(rng: random.Random) -> Problem:
    """Read a percent as the number of shaded squares out of 100."""
    shaded = rng.randint(3, 97)
    stem = "The large square is made of 100 small squares. What percent of the large square is shaded?"
    hints = ('Percent means "out of 100".', "Count the shaded squares: full rows of 10 first, then the rest.")
    steps = [
        f"{shaded // 10} full rows of 10 and {shaded % 10} more: {shaded} squares are shaded.",
        f"{shaded} out of 100 is {shaded}/100.",
        f"So **{shaded}%** of the square is shaded.",
    ]
    return _numeric(
        stem,
        shaded,
        hints,
        steps,
        [100 - shaded, Fraction(shaded, 100)],
        display=f"{shaded}%",
        figure=figures.area_grid(10, 10, shaded=shaded),
    )


@template("6.RP.A.3c")
def percent_from_part(rng: random.Random) -> Problem:
    """Find what percent a part is of a whole."""
    percent, whole, part = _percent_pair(rng)
    who = name(rng)
    stem = rng.choice(
        [
            f"{who} answered {part} of {whole} quiz questions correctly. What percent did {who} answer correctly?",
            f"A garden has {whole} plants. {part} of them are tomato plants. What percent are tomato plants?",
            f"What percent of {whole} is {part}?",
        ]
    )
    hints = ("A percent is a rate per 100.", f"Write {part} out of {whole} as an equivalent ratio out of 100.")
    steps = [
        f"{part} out of {whole} is {part}/{whole}.",
        f"{part}/{whole} = {_n(Fraction(part, whole))} = {percent}/100.",
        f"So the answer is **{percent}%**.",
    ]
    return _numeric(
        stem, percent, hints, steps, [Fraction(part, whole), 100 - percent, whole - part], display=f"{percent}%"
    )


# (big unit, big units, small unit, small units, small per big)
_CONVERSIONS = (
    ("foot", "feet", "inch", "inches", 12),
    ("yard", "yards", "foot", "feet", 3),
    ("hour", "hours", "minute", "minutes", 60),
    ("minute", "minutes", "second", "seconds", 60),
    ("meter", "meters", "centimeter", "centimeters", 100),
    ("kilometer", "kilometers", "meter", "meters", 1000),
    ("kilogram", "kilograms", "gram", "grams", 1000),
    ("pound", "pounds", "ounce", "ounces", 16),
    ("gallon", "gallons", "quart", "quarts", 4),
    ("quart", "quarts", "cup", "cups", 4),
    ("day", "days", "hour", "hours", 24),
    ("week", "weeks", "day", "days", 7),
)


@template("6.RP.A.3d")
def convert_units(rng: random.Random) -> Problem:
    """Convert a measurement between a larger and a smaller unit with ratio reasoning."""
    big, bigs, _, smalls, factor = rng.choice(_CONVERSIONS)
    part = rng.choice([d for d in (1, 2, 4) if factor % d == 0])
    amount = Fraction(rng.randint(2, 12)) + Fraction(rng.randint(0, part - 1), part)
    fact = f"1 {big} = {factor} {smalls}."
    if rng.random() < 0.5:
        value = amount * factor
        stem = f"{fact} How many {smalls} are in {_n(amount)} {bigs}?"
        steps = [
            f"Each {big} is {factor} {smalls}, so multiply: {_n(amount)} {TIMES} {factor} = {_n(value)}.",
            f"So {_n(amount)} {bigs} = **{_n(value)} {smalls}**.",
        ]
        wrong, unit = [amount / factor, amount + factor], smalls
        hints = (
            "A larger unit is made of many smaller units, so the number of smaller units is larger.",
            f"Use the ratio {factor} {smalls} : 1 {big}.",
        )
    else:
        value, given = amount, amount * factor
        stem = f"{fact} How many {bigs} are in {_n(given)} {smalls}?"
        steps = [
            f"Every {factor} {smalls} make 1 {big}, so divide: {_n(given)} {DIVIDE} {factor} = {_n(value)}.",
            f"So {_n(given)} {smalls} = **{_n(value)} {bigs}**.",
        ]
        wrong, unit = [given * factor, given - factor], bigs
        hints = (
            "It takes many smaller units to make one larger unit, so the number of larger units is smaller.",
            f"Use the ratio 1 {big} : {factor} {smalls}.",
        )
    return _numeric(stem, value, hints, steps, wrong, unit=unit)


# (object, big unit plural, small unit plural, small per big, piece sizes in small units, piece noun)
_CUTTING = (
    ("A ribbon", "yards", "inches", 36, (4, 6, 8, 9, 12, 18), "pieces"),
    ("A board", "feet", "inches", 12, (2, 3, 4, 6, 8), "pieces"),
    ("A rope", "meters", "centimeters", 100, (20, 25, 50), "pieces"),
    ("A jug of juice", "gallons", "cups", 16, (1, 2, 4), "servings"),
    ("A pot of soup", "quarts", "cups", 4, (1, 2), "servings"),
)


@template("6.RP.A.3d")
def convert_then_divide(rng: random.Random) -> Problem:
    """Convert units before dividing a length or amount into equal pieces."""
    thing, bigs, smalls, factor, sizes, pieces = rng.choice(_CUTTING)
    amount, size = rng.randint(2, 9), rng.choice(sizes)
    while (amount * factor) % size:
        amount = rng.randint(2, 9)
    total = amount * factor
    value = total // size
    verb = "cut into" if pieces == "pieces" else "poured into"
    stem = f"{thing} holds {amount} {bigs}." if pieces == "servings" else f"{thing} is {amount} {bigs} long."
    big = "foot" if bigs == "feet" else bigs[:-1]
    stem += (
        f" It is {verb} {pieces} of {size} {smalls} each. How many {pieces} are there? (1 {big} = {factor} {smalls})"
    )
    hints = ("Write both amounts in the same unit before you divide.", f"Change the {bigs} to {smalls} first.")
    steps = [
        f"{amount} {bigs} = {amount} {TIMES} {factor} = {total} {smalls}.",
        f"{total} {DIVIDE} {size} = {value}.",
        f"So there are **{value} {pieces}**.",
    ]
    return _numeric(stem, value, hints, steps, [Fraction(amount, size), total, amount * size], unit=pieces)


# (sentence with {rate}, question with {time}, thing counted, per small unit, big unit plural, small per big)
_RATE_CONVERSIONS = (
    (
        "A printer prints {rate} pages per minute.",
        "how many pages does it print in {time}?",
        "pages",
        "minute",
        "hours",
        60,
    ),
    (
        "{name}'s heart beats {rate} times per minute.",
        "how many times does it beat in {time}?",
        "beats",
        "minute",
        "hours",
        60,
    ),
    (
        "A hose sprays {rate} liters of water per minute.",
        "how many liters does it spray in {time}?",
        "liters",
        "minute",
        "hours",
        60,
    ),
    (
        "A machine fills {rate} bottles per hour.",
        "how many bottles does it fill in {time}?",
        "bottles",
        "hour",
        "days",
        24,
    ),
    (
        "A snail crawls {rate} inches per minute.",
        "how many inches does it crawl in {time}?",
        "inches",
        "minute",
        "hours",
        60,
    ),
)


@template("6.RP.A.3d", difficulty=STRETCH)
def rate_across_units(rng: random.Random) -> Problem:
    """Multiply a rate by a time given in a larger unit, converting the units on the way."""
    sentence, question, counted, per, bigs, factor = rng.choice(_RATE_CONVERSIONS)
    rate = rng.randint(2, 15)
    time = rng.choice([Fraction(1, 2), Fraction(3, 2), Fraction(2), Fraction(3), Fraction(5, 2)])
    minutes = time * factor
    value = rate * minutes
    time_text = f"{_n(time)} {bigs if time > 1 else bigs[:-1]}"
    stem = f"{sentence.format(rate=rate, name=name(rng))} At this rate, {question.format(time=time_text)}"
    hints = (f"The rate is per {per}, so change {time_text} to {per}s first.", f"1 {bigs[:-1]} = {factor} {per}s.")
    steps = [
        f"{time_text} = {_n(time)} {TIMES} {factor} = {_n(minutes)} {per}s.",
        f"{rate} {counted} per {per} {TIMES} {_n(minutes)} {per}s = {_n(value)} {counted}.",
        f"So the answer is **{_n(value)} {counted}**.",
    ]
    return _numeric(stem, value, hints, steps, [rate * time, rate * factor, value * 2], unit=counted)


# ---------------------------------------------------------------------------------------------------------
# 6.NS.A-B Dividing fractions, multi-digit division, decimals, factors and multiples


def _proper_fraction(rng: random.Random, denominators: Sequence[int] = (2, 3, 4, 5, 6, 8, 10, 12)) -> Fraction:
    denominator = rng.choice(denominators)
    while True:
        value = Fraction(rng.randint(1, denominator - 1), denominator)
        if value.denominator > 1:
            return value


def _division_steps(dividend: Fraction, divisor: Fraction) -> list[str]:
    value = dividend / divisor
    steps = []
    if dividend.denominator != 1 and dividend > 1:
        steps.append(f"Write {_n(dividend)} as a fraction: {number_text(dividend)}.")
    reciprocal = 1 / divisor
    product_top = dividend.numerator * reciprocal.numerator
    product_bottom = dividend.denominator * reciprocal.denominator
    product = f"{product_top}/{product_bottom}" if product_bottom != 1 else str(product_top)
    simplified = f" = {_n(value)}" if _n(value) != product else ""
    steps += [
        f"Dividing by {_n(divisor)} is the same as multiplying by its reciprocal, {number_text(reciprocal)}.",
        f"{number_text(dividend)} {TIMES} {number_text(reciprocal)} = {product}{simplified}.",
        f"Check: {_n(divisor)} {TIMES} {_n(value)} = {_n(dividend)}.",
    ]
    return steps


@template("6.NS.A.1")
def divide_fractions(rng: random.Random) -> Problem:
    """Compute a quotient of fractions (the dividend sometimes a mixed number)."""
    dividend = _proper_fraction(rng)
    if rng.random() < 0.35:
        dividend += rng.randint(1, 3)
    while True:
        divisor = _proper_fraction(rng)
        if divisor != dividend:
            break
    value = dividend / divisor
    stem = f"Find {_n(dividend)} {DIVIDE} {_n(divisor)}."
    hints = (
        "Dividing by a fraction is the same as multiplying by its reciprocal.",
        f"The reciprocal of {number_text(divisor)} is {number_text(1 / divisor)}.",
    )
    steps = [*_division_steps(dividend, divisor), f"So {_n(dividend)} {DIVIDE} {_n(divisor)} = **{_n(value)}**."]
    return _numeric(
        stem, value, hints, steps, [dividend * divisor, 1 / value], difficulty=STRETCH if dividend > 1 else None
    )


@template("6.NS.A.1")
def how_many_groups_story(rng: random.Random) -> Problem:
    """Solve a "how many groups of this size fit?" story by dividing fractions."""
    who = name(rng)
    story = rng.choice(["yogurt", "ribbon", "trail mix", "paint"])
    size = _proper_fraction(rng, (2, 3, 4, 6, 8))
    if story == "yogurt":
        total = _proper_fraction(rng, (2, 3, 4, 6, 8)) + rng.randint(0, 3)
        while total == size:
            total += 1
        stem = f"How many {_n(size)}-cup servings are in {_n(total)} cups of yogurt?"
        unit = "servings"
    else:
        total = size * rng.randint(2, 12)
        unit = {"ribbon": "pieces", "trail mix": "bags", "paint": "walls"}[story]
        stem = {
            "ribbon": f"{who} has a ribbon {_n(total)} yards long. How many pieces {_n(size)} yard long can "
            f"{who} cut from it?",
            "trail mix": f"{who} has {_n(total)} pounds of trail mix. {who} puts {_n(size)} pound in each bag. "
            "How many bags can be filled?",
            "paint": f"{who} has {_n(total)} gallons of paint. Each wall needs {_n(size)} gallon. How many walls "
            "can be painted?",
        }[story]
    value = total / size
    hints = (
        f"The question asks how many {_n(size)}s are in {_n(total)}: that is a division.",
        f"Write the division {_n(total)} {DIVIDE} {_n(size)}, then multiply by the reciprocal.",
    )
    steps = [
        f"Divide: {_n(total)} {DIVIDE} {_n(size)}.",
        *_division_steps(total, size),
        f"So the answer is **{_n(value)} {unit}**.",
    ]
    return _numeric(stem, value, hints, steps, [total * size, 1 / value], unit=unit)


@template("6.NS.A.1")
def size_of_one_group_story(rng: random.Random) -> Problem:
    """Solve a "how much in one whole?" story (recipe, width of a strip of land, speed) by dividing fractions."""
    who = name(rng)
    story = rng.choice(["flour", "land", "walk"])
    part = _proper_fraction(rng, (2, 3, 4, 5))
    amount = _proper_fraction(rng, (2, 3, 4, 6, 8))
    while amount == part:
        amount = _proper_fraction(rng, (2, 3, 4, 6, 8))
    value = amount / part
    figure = ""
    many = value > 1
    if story == "flour":
        stem = (
            f"{who} used {_n(amount)} cup of flour to make {_n(part)} of a batch of muffins. How many cups of "
            "flour are needed for a whole batch?"
        )
        unit = "cups" if many else "cup"
    elif story == "land":
        stem = (
            f"A rectangular strip of land has an area of {_n(amount)} square mile. Its length is {_n(part)} mile. "
            "How wide is the strip?"
        )
        unit = "miles" if many else "mile"
        figure = _relabel(
            figures.rectangle(f"{_n(part)} mi", "?"),
            f"A rectangle {_n(part)} mi long; its width is marked with a question mark",
        )
    else:
        stem = f"{who} walks {_n(amount)} mile in {_n(part)} hour at a steady pace. How many miles per hour is that?"
        unit = "miles per hour"
    hints = (
        "Think of the missing number as the amount for 1 whole: the given part times it is the given amount.",
        f"Divide {_n(amount)} by {_n(part)}.",
    )
    steps = [
        f"{_n(part)} {TIMES} ? = {_n(amount)}, so ? = {_n(amount)} {DIVIDE} {_n(part)}.",
        *_division_steps(amount, part),
        f"So the answer is **{_n(value)} {unit}**.",
    ]
    return _numeric(stem, value, hints, steps, [amount * part, 1 / value], unit=unit, figure=figure)


@template("6.NS.A.1")
def check_fraction_quotient(rng: random.Random) -> Problem:
    """Choose the multiplication equation that checks a quotient of fractions."""
    dividend, divisor = _proper_fraction(rng), _proper_fraction(rng)
    while divisor == dividend:
        divisor = _proper_fraction(rng)
    value = dividend / divisor
    a, b, q = _n(dividend), _n(divisor), _n(value)
    right = f"{b} {TIMES} {q} = {a}"
    candidates = [
        (f"{a} {TIMES} {b} = {q}", dividend * divisor == value),
        (f"{q} {TIMES} {a} = {b}", value * dividend == divisor),
        (f"{q} {DIVIDE} {b} = {a}", value / divisor == dividend),
        (f"{a} {TIMES} {q} = {b}", dividend * value == divisor),
    ]
    wrong = _pick_wrong(right, [text for text, true in candidates if not true])
    stem = f"{name(rng)} found that {a} {DIVIDE} {b} = {q}. Which equation checks that this quotient is right?"
    hints = (
        "Division and multiplication undo each other: 12 ÷ 3 = 4 because 3 × 4 = 12.",
        "The divisor times the quotient should give back the number being divided.",
    )
    steps = [
        f"In {a} {DIVIDE} {b} = {q}, the divisor is {b} and the quotient is {q}.",
        f"If the quotient is right, the divisor times the quotient is {a}.",
        f"So the check is **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


def _long_division_steps(dividend: int, divisor: int) -> list[str]:
    """The standard algorithm, one step per digit of the quotient."""
    steps, current, started = [], 0, False
    for digit in str(dividend):
        if started:
            lead = f"Bring down the {digit} to make {current * 10 + int(digit)}. "
        current = current * 10 + int(digit)
        if not started and current < divisor:
            continue
        if not started:
            lead = f"{divisor} goes into {current}, the first part of {dividend:,}. "
            started = True
        digit_of_quotient = current // divisor
        product = digit_of_quotient * divisor
        steps.append(
            f"{lead}{current} {DIVIDE} {divisor} is {digit_of_quotient}: {digit_of_quotient} {TIMES} "
            f"{divisor} = {product}, and {current} {MINUS} {product} = {current - product}."
        )
        current -= product
    return steps


def _drop_inner_zero(number: int) -> int | None:
    text = str(number)
    return int(text[0] + text[1:].replace("0", "")) if "0" in text[1:] else None


@template("6.NS.B.2")
def long_division(rng: random.Random) -> Problem:
    """Divide a four- or five-digit number by a two-digit number with the standard algorithm."""
    divisor = rng.randint(12, 98)
    if rng.random() < 0.5:
        quotient = rng.randint(1, 9) * 100 + rng.randint(1, 9)
    else:
        quotient = rng.randint(101, 999)
    dividend = divisor * quotient
    stem = f"Find {dividend:,} {DIVIDE} {divisor}."
    hints = (
        f"Estimate first: about how many {divisor}s are in {dividend:,}?",
        "Divide, multiply, subtract, bring down; write a 0 in the quotient when the divisor does not fit.",
    )
    steps = [*_long_division_steps(dividend, divisor), f"So {dividend:,} {DIVIDE} {divisor} = **{quotient}**."]
    return _numeric(stem, quotient, hints, steps, [_drop_inner_zero(quotient), quotient * 10, quotient + 1])


# (sentence with {total} and {size}, the unit of the answer, "up" when a partial group still needs one more)
_DIVISION_STORIES = (
    ("{total} students are going on a trip. Each bus holds {size} students. How many buses are needed?", "buses", "up"),
    ("A factory packs {total} crayons into boxes of {size}. How many full boxes can it pack?", "boxes", "down"),
    (
        "{name} needs {total} tiles for a floor. Tiles come in boxes of {size}. How many boxes must {name} buy?",
        "boxes",
        "up",
    ),
    ("A farm has {total} eggs and packs them in cartons of {size}. How many cartons can be filled?", "cartons", "down"),
    (
        "{total} people are coming to a town dinner. Each table seats {size} people. How many tables are needed?",
        "tables",
        "up",
    ),
)


@template("6.NS.B.2")
def division_story(rng: random.Random) -> Problem:
    """Divide in a story and decide what to do with the remainder."""
    sentence, unit, direction = rng.choice(_DIVISION_STORIES)
    size = rng.randint(12, 60)
    total = size * rng.randint(21, 150) + rng.randint(1, size - 1)
    quotient, remainder = divmod(total, size)
    value = quotient + 1 if direction == "up" else quotient
    stem = sentence.format(total=f"{total:,}", size=size, name=name(rng))
    hints = (f"Divide {total:,} by {size}.", "Think about what the remainder means in the story.")
    meaning = (
        f"The {remainder} left over still need one more, so round up."
        if direction == "up"
        else f"The {remainder} left over are not enough to fill one more, so they do not count."
    )
    steps = [
        *_long_division_steps(total, size),
        f"{total:,} {DIVIDE} {size} = {quotient} R {remainder}.",
        meaning,
        f"So the answer is **{value} {unit}**.",
    ]
    other = quotient if direction == "up" else quotient + 1
    return _numeric(stem, value, hints, steps, [other, remainder], unit=unit)


def _random_decimal(rng: random.Random, low: int, high: int, places: int) -> Decimal:
    """A decimal from low to high with exactly `places` decimal places (its last digit not 0)."""
    scale = 10**places
    while True:
        digits = rng.randint(low * scale, high * scale)
        if places == 0 or digits % 10:
            return Decimal(digits) / scale


def _places(value: Decimal) -> int:
    return max(0, -value.normalize().as_tuple().exponent)


@template("6.NS.B.3")
def add_subtract_decimals(rng: random.Random) -> Problem:
    """Add or subtract multi-digit decimals with different numbers of decimal places."""
    places_a, places_b = rng.sample([0, 1, 2, 3], 2)
    a = _random_decimal(rng, 10, 999, places_a)
    b = _random_decimal(rng, 1, 99, places_b)
    subtract = rng.random() < 0.5
    if subtract and b > a:
        a, b = b, a
    value = a - b if subtract else a + b
    sign = MINUS if subtract else "+"
    top = max(_places(a), _places(b))
    digits_a, digits_b = int(a * 10 ** _places(a)), int(b * 10 ** _places(b))
    misaligned = Decimal(digits_a - digits_b if subtract else digits_a + digits_b) / 10**top
    stem = f"Find {_n(a)} {sign} {_n(b)}."
    hints = (
        "Line up the decimal points, not the last digits.",
        "Write zeros at the end so both numbers have the same number of decimal places.",
    )
    steps = [
        f"Line up the decimal points: {a:.{top}f} {sign} {b:.{top}f}.",
        f"{'Subtract' if subtract else 'Add'} place by place, regrouping where needed.",
        f"So {_n(a)} {sign} {_n(b)} = **{_n(value)}**.",
    ]
    return _numeric(stem, value, hints, steps, [misaligned if misaligned >= 0 else None, value * 10, value + 1])


@template("6.NS.B.3")
def multiply_decimals(rng: random.Random) -> Problem:
    """Multiply multi-digit decimals and place the decimal point."""
    a = _random_decimal(rng, 1, 60, rng.choice([1, 2]))
    b = _random_decimal(rng, 1, 30, rng.choice([1, 2])) if rng.random() < 0.7 else Decimal(rng.randint(11, 48))
    value = a * b
    places = _places(a) + _places(b)
    whole_a, whole_b = int(a * 10 ** _places(a)), int(b * 10 ** _places(b))
    stem = f"Find {_n(a)} {TIMES} {_n(b)}."
    hints = (
        "Multiply as if there were no decimal points.",
        "Count the decimal places in both factors; the product has that many.",
    )
    steps = [
        f"Multiply the whole numbers: {whole_a:,} {TIMES} {whole_b:,} = {whole_a * whole_b:,}.",
        f"The factors have {_places(a)} and {_places(b)} decimal places, so the product has {places}: "
        f"{value:,.{places}f}" + (f" = {_n(value)}." if _places(value) < places else "."),
        f"So {_n(a)} {TIMES} {_n(b)} = **{_n(value)}**.",
    ]
    return _numeric(stem, value, hints, steps, [value * 10, value / 10])


@template("6.NS.B.3")
def divide_decimals(rng: random.Random) -> Problem:
    """Divide multi-digit decimals by moving the decimal point in both numbers."""
    divisor = _random_decimal(rng, 1, 20, rng.choice([1, 1, 2]))
    quotient = _random_decimal(rng, 1, 90, rng.choice([0, 1, 2]))
    dividend = divisor * quotient
    shift = 10 ** _places(divisor)
    stem = f"Find {_n(dividend)} {DIVIDE} {_n(divisor)}."
    hints = (
        "Make the divisor a whole number: multiply both numbers by the same power of 10.",
        f"Multiply {_n(divisor)} and {_n(dividend)} by {shift}, then divide.",
    )
    steps = [
        f"Multiply both by {shift}: {_n(dividend)} {DIVIDE} {_n(divisor)} = {_n(dividend * shift)} {DIVIDE} "
        f"{_n(divisor * shift)}.",
        f"Divide with the standard algorithm: {_n(dividend * shift)} {DIVIDE} {_n(divisor * shift)} = {_n(quotient)}.",
        f"So {_n(dividend)} {DIVIDE} {_n(divisor)} = **{_n(quotient)}**.",
    ]
    return _numeric(stem, quotient, hints, steps, [quotient * 10, quotient / 10])


# (what is bought, the unit, the price range in dimes)
_PRICED_BY_WEIGHT = (
    ("Apples cost", "pound", (8, 30)),
    ("Gas costs", "gallon", (28, 45)),
    ("Fabric costs", "yard", (30, 90)),
    ("Cheese costs", "pound", (40, 90)),
    ("Rope costs", "meter", (10, 40)),
)


@template("6.NS.B.3")
def decimal_money_story(rng: random.Random) -> Problem:
    """Find a cost by multiplying a decimal amount by a price, or find change by adding and subtracting."""
    who = name(rng)
    if rng.random() < 0.5:
        thing, unit, (low, high) = rng.choice(_PRICED_BY_WEIGHT)
        price = Decimal(rng.randint(low, high)) / 10
        amount = _random_decimal(rng, 1, 14, 1)
        value = price * amount
        stem = f"{thing} {_money(price)} per {unit}. {who} buys {_n(amount)} {unit}s. How much does {who} pay?"
        steps = [
            f"Multiply the price by the amount: {_n(price)} {TIMES} {_n(amount)} = {_n(value)}.",
            f"So it costs **{_money(value)}**.",
        ]
        hints = ("Cost = price per unit × number of units.", "Multiply as whole numbers, then place the decimal point.")
        wrong = [value * 10, value / 10, price + amount]
    else:
        first, second = _random_decimal(rng, 2, 19, 2), _random_decimal(rng, 1, 9, 2)
        paid = Decimal(rng.choice([20, 50]) if first + second > 10 else rng.choice([10, 20]))
        value = paid - first - second
        stem = (
            f"{who} buys a book for {_money(first)} and a pen for {_money(second)}. {who} pays with a "
            f"{_money(paid)[:-3]} bill. How much change does {who} get?"
        )
        steps = [
            f"Total cost: {_money(first)} + {_money(second)} = {_money(first + second)}.",
            f"Change: {_money(paid)} {MINUS} {_money(first + second)} = {_money(value)}.",
            f"So {who} gets **{_money(value)}** in change.",
        ]
        hints = ("Add the two prices first.", "Subtract the total cost from the money paid, lining up decimal points.")
        wrong = [first + second, paid - first, paid - second]
    return _numeric(stem, value, hints, steps, wrong, display=_money(value))


def _gcf_pair(
    rng: random.Random, factors: Sequence[int] = tuple(range(2, 21)), *, least: int = 1
) -> tuple[int, int, int]:
    """Two different numbers up to 100 and their greatest common factor; each is at least `least` times it."""
    while True:
        common = rng.choice(factors)
        m, n = rng.randint(least, 100 // common), rng.randint(least, 100 // common)
        if m != n and gcd(m, n) == 1 and max(m, n) > 1:
            return common * m, common * n, common


@template("6.NS.B.4")
def greatest_common_factor(rng: random.Random) -> Problem:
    """Find the greatest common factor of two whole numbers up to 100."""
    a, b, common = _gcf_pair(rng)
    shared = [factor for factor in divisors(a) if b % factor == 0]
    stem = f"What is the greatest common factor of {a} and {b}?"
    hints = ("List the factors of each number.", "Find the factors both lists share, then take the greatest.")
    steps = [
        f"Factors of {a}: {', '.join(map(str, divisors(a)))}.",
        f"Factors of {b}: {', '.join(map(str, divisors(b)))}.",
        f"Common factors: {', '.join(map(str, shared))}.",
        f"So the greatest common factor is **{common}**.",
    ]
    smaller_common = shared[-2] if len(shared) > 1 else None
    return _numeric(stem, common, hints, steps, [smaller_common, lcm(a, b), min(a, b)])


@template("6.NS.B.4")
def least_common_multiple(rng: random.Random) -> Problem:
    """Find the least common multiple of two whole numbers up to 12."""
    a, b = rng.sample(range(2, 13), 2)
    value = lcm(a, b)
    stem = f"What is the least common multiple of {a} and {b}?"
    hints = (
        "List multiples of each number: the number times 1, 2, 3, and so on.",
        "The least common multiple is the first number that is in both lists.",
    )
    steps = [
        f"Multiples of {a}: {', '.join(str(a * k) for k in range(1, value // a + 1))}.",
        f"Multiples of {b}: {', '.join(str(b * k) for k in range(1, value // b + 1))}.",
        f"So the least common multiple is **{value}**.",
    ]
    return _numeric(stem, value, hints, steps, [a * b, max(a, b), a + b, gcd(a, b) if gcd(a, b) > 1 else None])


@template("6.NS.B.4")
def factor_multiple_story(rng: random.Random) -> Problem:
    """Solve a story with the greatest common factor (equal kits) or the least common multiple (packs, buses)."""
    who = name(rng)
    story = rng.choice(["kits", "packs", "buses"])
    if story == "kits":
        a, b, value = _gcf_pair(rng, (2, 3, 4, 5, 6, 8, 9, 10, 12), least=2)
        stem = (
            f"{who} has {a} pencils and {b} erasers. {who} makes identical kits that use all of them, with no "
            "supplies left over. What is the greatest number of kits?"
        )
        hints = (
            "Each kit gets the same number of pencils and the same number of erasers.",
            f"The number of kits must be a factor of both {a} and {b}.",
        )
        steps = [
            f"The number of kits must divide {a} and {b} evenly: a common factor.",
            f"The greatest common factor of {a} and {b} is {value}.",
            f"So the greatest number of kits is **{value}**.",
        ]
        wrong, unit = [lcm(a, b), a + b, min(a, b)], "kits"
    else:
        a, b = rng.sample(range(4, 13), 2)
        value = lcm(a, b)
        if story == "packs":
            stem = (
                f"Hot dogs come in packs of {a}. Buns come in packs of {b}. What is the smallest number of hot "
                f"dogs {who} can buy to have exactly the same number of hot dogs and buns?"
            )
            unit = "hot dogs"
        else:
            stem = (
                f"Bus A leaves the station every {a} minutes. Bus B leaves every {b} minutes. Both leave at "
                "8:00 a.m. How many minutes later do they next leave at the same time?"
            )
            unit = "minutes"
        hints = (f"List multiples of {a} and of {b}.", "Look for the first number on both lists.")
        steps = [
            f"Multiples of {a}: {', '.join(str(a * k) for k in range(1, value // a + 1))}.",
            f"Multiples of {b}: {', '.join(str(b * k) for k in range(1, value // b + 1))}.",
            f"The least common multiple is {value}, so the answer is **{value} {unit}**.",
        ]
        wrong = [a * b, a + b, gcd(a, b) if gcd(a, b) > 1 else None]
    return _numeric(stem, value, hints, steps, wrong, unit=unit)


@template("6.NS.B.4", difficulty=STRETCH)
def distributive_with_gcf(rng: random.Random) -> Problem:
    """Write a sum as its greatest common factor times a sum with no common factor."""
    a, b, common = _gcf_pair(rng, (4, 6, 8, 9, 10, 12, 14, 15, 16, 18, 20), least=2)
    m, n = a // common, b // common
    small = min(f for f in range(2, common) if common % f == 0)
    right = f"{common}({m} + {n})"
    wrong = _pick_wrong(
        right, [f"{small}({a // small} + {b // small})", f"{common}({m} + {b})", f"{common} {TIMES} {m} + {n}"]
    )
    stem = (
        f"Which shows {a} + {b} as the greatest common factor times a sum of two whole numbers with no common factor?"
    )
    hints = (
        f"Find the greatest common factor of {a} and {b}.",
        "Divide each number by it; the numbers left inside the parentheses should share no factor but 1.",
    )
    steps = [
        f"The greatest common factor of {a} and {b} is {common}.",
        f"{a} = {common} {TIMES} {m} and {b} = {common} {TIMES} {n}.",
        f"By the distributive property, {a} + {b} = {common} {TIMES} {m} + {common} {TIMES} {n} = {right}.",
        f"So the answer is **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


# ---------------------------------------------------------------------------------------------------------
# 6.NS.C Positive and negative numbers, the number line and the coordinate plane


def _rational(
    rng: random.Random,
    *,
    limit: int = 12,
    negative: bool | None = None,
    kinds: Sequence[str] = ("integer", "integer", "half", "quarter", "tenth"),
) -> Fraction:
    """A nonzero rational number: mostly integers, some halves, quarters and tenths."""
    kind = rng.choice(kinds)
    denominator = {"integer": 1, "half": 2, "quarter": 4, "tenth": 10}[kind]
    while True:
        value = Fraction(rng.randint(1, limit * denominator), denominator)
        if value.denominator == denominator:
            break
    if negative is None:
        negative = rng.random() < 0.6
    return -value if negative else value


def _r(value: Fraction) -> str:
    """A rational number as written in a stem: tenths as decimals, other fractions as mixed numbers."""
    return decimal_text(value) if value.denominator in (5, 10) else _n(value)


# (positive sentence with {v}, negative sentence with {v}, what the number stands for, its unit word)
_SIGNED_CONTEXTS = (
    ("A hawk flies {v} feet above sea level.", "A submarine is {v} feet below sea level.", "its elevation", "feet"),
    (
        "The temperature is {v} degrees above zero.",
        "The temperature is {v} degrees below zero.",
        "the temperature",
        "degrees",
    ),
    (
        "{name} deposits ${v} into a bank account.",
        "{name} withdraws ${v} from a bank account.",
        "the change in the account balance",
        "dollars",
    ),
    (
        "A football team gains {v} yards on a play.",
        "A football team loses {v} yards on a play.",
        "the change in yards",
        "yards",
    ),
    (
        "A hiker climbs {v} meters up a hill.",
        "A diver swims {v} meters down from the surface of the sea.",
        "the change in height",
        "meters",
    ),
)


@template("6.NS.C.5", difficulty=INTRODUCTORY)
def signed_number_for_situation(rng: random.Random) -> Problem:
    """Write the positive or negative number that represents a quantity in context."""
    positive, negative, meaning, unit = rng.choice(_SIGNED_CONTEXTS)
    size = rng.randint(2, 400) if unit in ("feet", "dollars") else rng.randint(2, 60)
    is_negative = rng.random() < 0.6
    value = -size if is_negative else size
    sentence = (negative if is_negative else positive).format(v=size, name=name(rng))
    stem = f"{sentence} Write a number for {meaning}, in {unit}."
    hints = (
        "Positive and negative numbers describe amounts in opposite directions.",
        "Decide whether this amount is above or below 0: up, more and gained are positive.",
    )
    side = (
        "negative side of 0: down, below, lost or taken out"
        if is_negative
        else "positive side of 0: up, above, gained or put in"
    )
    steps = [f"{size} {unit} here is on the {side}.", f"So {meaning} is **{_n(value)}**."]
    return _numeric(stem, value, hints, steps, [-value], display=_n(value))


# (sentence about a number with {v}, the meaning of 0, wrong meanings students give)
_ZERO_MEANINGS = (
    (
        "A diver's elevation is {v} feet. Positive numbers are heights above sea level, and negative numbers are "
        "depths below it.",
        "Sea level",
        ["The bottom of the sea", "The highest point the diver can reach"],
    ),
    (
        "{name}'s bank balance is {v} dollars. Positive numbers are money in the account, and negative numbers are "
        "money owed.",
        "No money in the account and nothing owed",
        ["The most money that can be owed", "The money that was first put in the account"],
    ),
    (
        "On one play, a football team's change in yards is {v}. Positive numbers are yards gained, and negative "
        "numbers are yards lost.",
        "No yards gained and no yards lost",
        ["The end zone", "The most yards lost on a play"],
    ),
    (
        "A particle has an electric charge of {v}. Charges can be positive or negative.",
        "No electric charge",
        ["The strongest negative charge", "A charge that is too small to measure"],
    ),
    (
        "The temperature in a town is {v} °C. Positive numbers are above the freezing point of water, and negative "
        "numbers are below it.",
        "The temperature at which water freezes",
        ["The coldest temperature possible", "The temperature at which water boils"],
    ),
)


@template("6.NS.C.5")
def meaning_of_zero(rng: random.Random) -> Problem:
    """Explain what 0 means in a situation described with positive and negative numbers."""
    sentence, right, mistakes = rng.choice(_ZERO_MEANINGS)
    value = rng.choice([-1, 1]) * rng.randint(2, 60)
    wrong = [*mistakes, "The smallest amount possible"]
    stem = f"{sentence.format(v=_n(value), name=name(rng))} What does 0 mean in this situation?"
    hints = (
        "0 is the point between the positive and the negative amounts.",
        "Ask: what is neither above nor below, neither gained nor lost, in this story?",
    )
    steps = [
        "Positive numbers go one way from 0 and negative numbers go the other way.",
        f"So in this situation 0 means: **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.NS.C.6a")
def opposite_of_a_number(rng: random.Random) -> Problem:
    """Find the opposite, or the opposite of the opposite, of a rational number."""
    value = _rational(rng)
    form = rng.choice(["opposite", "double", "triple", "words"])
    if form == "opposite":
        stem, result = f"What is the opposite of {_r(value)}?", -value
        reason = f"The opposite of {_r(value)} is the same distance from 0 on the other side."
    elif form == "double":
        stem, result = f"Find {MINUS}({_r(-value)}).", value
        reason = f"{MINUS}({_r(-value)}) means the opposite of {_r(-value)}."
    elif form == "triple":
        stem, result = f"Find {MINUS}({MINUS}({_r(value)})).", value
        reason = f"{MINUS}({_r(value)}) is {_r(-value)}, and the opposite of that is {_r(value)}."
    else:
        stem, result = f"What is the opposite of the opposite of {_r(value)}?", value
        reason = f"The opposite of {_r(value)} is {_r(-value)}; the opposite of {_r(-value)} is {_r(value)}."
    hints = (
        "Opposite numbers are the same distance from 0, on opposite sides of it.",
        "Taking the opposite twice brings you back to where you started.",
    )
    steps = [reason, f"So the answer is **{_r(result)}**."]
    return _numeric(stem, result, hints, steps, [-result], display=_r(result))


def _number_line_described(start, end, step, points: Sequence[tuple[str, Fraction]], *, label_every: int = 1) -> str:
    """A number line whose label also says where each lettered point is."""
    svg = figures.number_line(start, end, step, points=points, label_every=label_every)
    places = "; ".join(f"point {letter} at {_r(Fraction(value))}" for letter, value in points)
    return _relabel(
        svg,
        f"A number line from {_r(Fraction(start))} to {_r(Fraction(end))} with a tick mark every "
        f"{_r(Fraction(step))}; {places}",
    )


@template("6.NS.C.6a")
def opposites_on_number_line(rng: random.Random) -> Problem:
    """Choose the two points on a number line that are opposites."""
    size = rng.randint(2, 9)
    while True:
        others = rng.sample([v for v in range(-10, 11) if v not in (0, size, -size)], 2)
        if others[0] != -others[1]:
            break
    values = sorted([size, -size, *others])
    letters = "ABCD"
    points = [(letter, Fraction(value)) for letter, value in zip(letters, values)]
    where = {value: letter for letter, value in points}
    right = f"{where[-size]} and {where[size]}"
    pairs = [f"{letters[i]} and {letters[j]}" for i in range(4) for j in range(i + 1, 4)]
    wrong = rng.sample([pair for pair in pairs if pair != right], 3)
    stem = "Which two points on the number line are opposites?"
    hints = ("Opposites are on opposite sides of 0.", "Opposites are the same distance from 0.")
    steps = [
        f"Point {where[-size]} is at {MINUS}{size} and point {where[size]} is at {size}.",
        f"Both are {size} units from 0, on opposite sides.",
        f"So the opposites are **{right}**.",
    ]
    figure = _number_line_described(-10, 10, 1, points, label_every=5)
    return _choice(rng, stem, right, wrong, hints, steps, figure=figure)


@template("6.NS.C.6a")
def facts_about_opposites(rng: random.Random) -> Problem:
    """Choose the true statement about a number and its opposite."""
    value = _rational(rng, negative=True)
    v, w = _r(value), _r(-value)
    facts = [
        (f"{v} and {w} are the same distance from 0, on opposite sides of 0.", True),
        (f"{MINUS}({v}) = {v}", False),
        (f"The opposite of {v} is {v}.", False),
        (f"{v} and {w} are on the same side of 0.", False),
        (f"{v} is farther from 0 than {w}.", False),
        ("The opposite of 0 is 0.", True),
        (f"{MINUS}({v}) = {w}", True),
    ]
    right = rng.choice([text for text, true in facts if true])
    wrong = rng.sample([text for text, true in facts if not true], 3)
    stem = f"Think about the number {v} and its opposite. Which statement is true?"
    hints = (
        "The opposite of a number is the same distance from 0 on the other side.",
        f'{MINUS}( ) means "the opposite of".',
    )
    steps = [
        f"The opposite of {v} is {w}: the same distance from 0, on the other side.",
        "The opposite of the opposite of a number is the number itself, and 0 is its own opposite.",
        f"So the true statement is: **{right}**",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


_QUADRANTS = ("Quadrant I", "Quadrant II", "Quadrant III", "Quadrant IV")


def _quadrant(x, y) -> str:
    return _QUADRANTS[0 if x > 0 and y > 0 else 1 if x < 0 < y else 2 if x < 0 and y < 0 else 3]


@template("6.NS.C.6b", difficulty=INTRODUCTORY)
def quadrant_of_point(rng: random.Random) -> Problem:
    """Name the quadrant of a point from the signs of its coordinates."""
    x = _rational(rng, limit=9)
    y = _rational(rng, limit=9, negative=rng.random() < 0.5)
    right = _quadrant(x, y)
    stem = f"In which quadrant of the coordinate plane is the point ({_r(x)}, {_r(y)})?"
    hints = (
        "The first coordinate tells left (negative) or right (positive); the second tells down or up.",
        "Quadrant I is top right; the quadrants are numbered counterclockwise from there.",
    )
    side = "left" if x < 0 else "right"
    height = "below" if y < 0 else "above"
    steps = [
        f"x = {_r(x)} is {'negative' if x < 0 else 'positive'}, so the point is {side} of the y-axis.",
        f"y = {_r(y)} is {'negative' if y < 0 else 'positive'}, so the point is {height} the x-axis.",
        f"So the point is in **{right}**.",
    ]
    return _choice(rng, stem, right, _QUADRANTS, hints, steps, keep_order=True)


def _plane_point(rng: random.Random, limit: int = 6) -> tuple[int, int]:
    """Nonzero coordinates with different sizes (so swapping or changing a sign always moves the point)."""
    while True:
        x, y = rng.choice([-1, 1]) * rng.randint(1, limit), rng.choice([-1, 1]) * rng.randint(1, limit)
        if abs(x) != abs(y):
            return x, y


_REFLECTIONS = {"the x-axis": (1, -1), "the y-axis": (-1, 1), "both axes": (-1, -1)}


@template("6.NS.C.6b")
def reflect_point(rng: random.Random) -> Problem:
    """Find the image of a point reflected across one or both axes."""
    x, y = _plane_point(rng)
    axis = rng.choice(list(_REFLECTIONS))
    sx, sy = _REFLECTIONS[axis]
    right = _point(sx * x, sy * y)
    wrong = [_point(ax * x, ay * y) for other, (ax, ay) in _REFLECTIONS.items() if other != axis] + [_point(y, x)]
    what = f"across {axis}" if axis != "both axes" else "across the x-axis and then across the y-axis"
    stem = f"Point P is at {_point(x, y)}. It is reflected {what}. What are the coordinates of its image?"
    hints = (
        "A reflection across an axis keeps the distance from that axis but moves the point to the other side.",
        "Reflecting across the x-axis changes the sign of y; across the y-axis, the sign of x.",
    )
    changes = {
        "the x-axis": "the sign of the y-coordinate changes",
        "the y-axis": "the sign of the x-coordinate changes",
        "both axes": "the signs of both coordinates change",
    }[axis]
    steps = [f"Reflecting {what}: {changes}.", f"So the image is at **{right}**."]
    figure = _plane([("P", x, y)], x_range=(-7, 7), y_range=(-7, 7))
    return _choice(rng, stem, right, wrong, hints, steps, figure=figure)


@template("6.NS.C.6b")
def reflection_between_points(rng: random.Random) -> Problem:
    """Recognize how two points whose coordinates differ only in sign are related by reflections."""
    x, y = _plane_point(rng)
    axis = rng.choice(list(_REFLECTIONS))
    sx, sy = _REFLECTIONS[axis]
    options = [
        "A reflection across the x-axis",
        "A reflection across the y-axis",
        "Reflections across both axes",
        "They are not related by a reflection",
    ]
    right = options[["the x-axis", "the y-axis", "both axes"].index(axis)]
    stem = f"Point A is at {_point(x, y)} and point B is at {_point(sx * x, sy * y)}. Which moves point A onto point B?"
    hints = (
        "Compare the coordinates one at a time: which sign changed?",
        "If only the y-coordinate's sign changes, the point flips over the x-axis.",
    )
    changed = {
        "the x-axis": "Only the y-coordinate changes sign",
        "the y-axis": "Only the x-coordinate changes sign",
        "both axes": "Both coordinates change sign",
    }[axis]
    steps = [f"{changed}.", f"So the answer is: **{right}**."]
    figure = _plane([("A", x, y), ("B", sx * x, sy * y)], x_range=(-7, 7), y_range=(-7, 7))
    return _choice(rng, stem, right, options, hints, steps, keep_order=True, figure=figure)


# (step, start, end, labelled every this many ticks)
_NUMBER_LINE_SCALES = (
    (Fraction(1), -10, 10, 5),
    (Fraction(1, 2), -5, 5, 2),
    (Fraction(1, 4), -3, 3, 4),
    (Fraction(1, 3), -3, 3, 3),
    (Fraction(1, 10), -2, 2, 10),
)


@template("6.NS.C.6c")
def read_number_line(rng: random.Random) -> Problem:
    """Name the rational number a point on a number line shows."""
    step, start, end, every = rng.choice(_NUMBER_LINE_SCALES)
    ticks = int((end - start) / step)
    while True:
        index = rng.randint(1, ticks - 1)
        value = start + index * step
        if index % every and value:
            break
    anchor = start + (index // every) * every * step
    svg = figures.number_line(start, end, step, points=[("A", value)], label_every=every)
    figure = _relabel(
        svg,
        f"A number line from {_n(start)} to {_n(end)} with tick marks every {_r(step)}, labelled "
        f"every {_r(step * every)}; point A is {_ticks_from(value, anchor, step)}",
    )
    stem = "What number is at point A on the number line?"
    hints = (
        f"Find the size of one tick: the labelled numbers are {_r(step * every)} apart, with {every} spaces "
        "between them.",
        "Start at the labelled number just left of A and count the ticks to A.",
    )
    steps = [
        f"Each tick mark is {_r(step)} more than the one to its left.",
        f"Point A is {_ticks_from(value, anchor, step)}.",
        f"{_r(anchor)} + {index % every} {TIMES} {_r(step)} = {_r(value)}.",
        f"So point A is at **{_r(value)}**.",
    ]
    return _numeric(stem, value, hints, steps, [-value, value + step, value - step], display=_r(value), figure=figure)


def _plane_hidden(points: Sequence[tuple[str, int, int]], limit: int = 7) -> str:
    """A four-quadrant grid whose label says where each point sits (units from each axis), not its coordinates."""
    svg = figures.coordinate_plane(points, x_range=(-limit, limit), y_range=(-limit, limit), describe_points=False)
    places = "; ".join(_grid_place(letter, x, y) for letter, x, y in points)
    return _relabel(svg, f"A coordinate grid, x from −{limit} to {limit} and y from −{limit} to {limit}; {places}")


@template("6.NS.C.6c")
def read_coordinates(rng: random.Random) -> Problem:
    """Name the coordinates of a point in any quadrant."""
    x, y = _plane_point(rng)
    right = _point(x, y)
    wrong = [_point(y, x), _point(-x, y), _point(x, -y)]
    stem = "What are the coordinates of point P?"
    hints = (
        "Start at the origin. First move along the x-axis, then up or down.",
        "Left of the y-axis means a negative x-coordinate; below the x-axis means a negative y-coordinate.",
    )
    steps = [
        f"From the origin, P is {abs(x)} units {'right' if x > 0 else 'left'}: x = {_n(x)}.",
        f"Then {abs(y)} units {'up' if y > 0 else 'down'}: y = {_n(y)}.",
        f"So P is at **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps, figure=_plane_hidden([("P", x, y)]))


@template("6.NS.C.6c")
def point_on_vertical_line(rng: random.Random) -> Problem:
    """Find which point on a vertical number line is at a given rational number."""
    half = Fraction(1, 2)
    while True:
        target = Fraction(rng.randint(-9, 9), 2)
        values = {target, -target, target + 1, target - half}
        if target.denominator == 2 and len(values) == 4 and all(-5 <= v <= 5 for v in values):
            break
    ordered = sorted(values, reverse=True)
    points = [(letter, value) for letter, value in zip("ABCD", ordered)]
    right = f"Point {dict((v, k) for k, v in points)[target]}"
    options = [f"Point {letter}" for letter in "ABCD"]
    stem = f"Which point on the vertical number line is at {_r(target)}?"
    hints = (
        "On a vertical number line, numbers increase going up and negative numbers are below 0.",
        "Each tick mark is 1/2. Find the whole numbers on each side of the number first.",
    )
    below = Fraction(target.numerator // target.denominator)
    steps = [
        f"{_r(target)} is between {_n(below)} and {_n(below + 1)}, halfway.",
        f"So the point at {_r(target)} is **{right}**.",
    ]
    figure = _vertical_number_line(-5, 5, half, points)
    return _choice(rng, stem, right, options, hints, steps, keep_order=True, figure=figure)


@template("6.NS.C.6c")
def locate_ordered_pair(rng: random.Random) -> Problem:
    """Find which plotted point is at a given ordered pair."""
    x, y = _plane_point(rng)
    values = [(x, y), (y, x), (-x, y), (x, -y)]
    rng.shuffle(values)
    points = [(letter, px, py) for letter, (px, py) in zip("ABCD", values)]
    right = f"Point {next(letter for letter, px, py in points if (px, py) == (x, y))}"
    stem = f"Which point is at {_point(x, y)}?"
    hints = (
        "The first coordinate says how far to go left or right; the second, how far up or down.",
        "Check the signs: negative x is left of the y-axis, negative y is below the x-axis.",
    )
    steps = [
        f"Start at the origin and move {abs(x)} units {'right' if x > 0 else 'left'}.",
        f"Then move {abs(y)} units {'up' if y > 0 else 'down'}.",
        f"So the point at {_point(x, y)} is **{right}**.",
    ]
    options = [f"Point {letter}" for letter in "ABCD"]
    return _choice(rng, stem, right, options, hints, steps, keep_order=True, figure=_plane_hidden(points))


def _two_rationals(rng: random.Random) -> tuple[Fraction, Fraction]:
    while True:
        a, b = _rational(rng, limit=10), _rational(rng, limit=10)
        if a != b:
            return a, b


@template("6.NS.C.7a")
def inequality_as_position(rng: random.Random) -> Problem:
    """Interpret an inequality as a statement about positions on the number line."""
    big, small = sorted(_two_rationals(rng), reverse=True)
    b, s = _r(big), _r(small)
    statement = f"{b} > {s}" if rng.random() < 0.5 else f"{s} < {b}"
    right = f"{b} is to the right of {s} on the number line."
    # Whichever "farther from 0" sentence is false: the mix-up of order with size.
    farther = f"{s} is farther from 0 than {b}." if abs(big) > abs(small) else f"{b} is farther from 0 than {s}."
    wrong = [
        f"{b} is to the left of {s} on the number line.",
        f"{s} is to the right of {b} on the number line.",
        farther,
    ]
    stem = f"Which sentence means the same as {statement}?"
    hints = (
        "On a number line that goes left to right, numbers get greater as you go right.",
        "Being greater is about position, not about distance from 0.",
    )
    steps = [
        f"{statement} says {b} is the greater number.",
        "Greater numbers are farther right on the number line.",
        f"So the sentence is: **{right}**",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.NS.C.7a")
def compare_on_number_line(rng: random.Random) -> Problem:
    """Compare two rational numbers shown on a number line."""
    while True:
        a, b = Fraction(rng.randint(-18, 18), 2), Fraction(rng.randint(-18, 18), 2)
        if a != b and (a < 0 or b < 0):
            break
    stem = f"Point A is at {_r(a)} and point B is at {_r(b)}. Compare the numbers: {_r(a)} ? {_r(b)}"
    hints = ("Find both points on the number line.", "The number farther to the right is greater.")
    symbol = "<" if a < b else ">"
    lines = [
        f"Point {'A' if a < b else 'B'} is to the left of point {'B' if a < b else 'A'}.",
        f"So **{_r(a)} {symbol} {_r(b)}**, and the symbol is **{symbol}**.",
    ]
    figure = _number_line_described(-10, 10, 1, [("A", a), ("B", b)], label_every=2)
    return Problem(stem=stem, answer=comparison(a, b), hints=hints, solution=steps(*lines), figure=figure)


# (first sentence, second sentence, how each is named in a conclusion, unit, the higher and lower words)
_ORDER_CONTEXTS = (
    ("At 6 a.m. the temperature was {}.", "At noon it was {}.", ("at 6 a.m.", "at noon"), " °F", "warmer", "colder"),
    (
        "On Monday the temperature was {}.",
        "On Tuesday it was {}.",
        ("on Monday", "on Tuesday"),
        " °C",
        "warmer",
        "colder",
    ),
    (
        "A fish swims at an elevation of {}.",
        "A diver swims at an elevation of {}.",
        ("the fish", "the diver"),
        " m",
        "higher",
        "lower",
    ),
)


def _conclusion(where: str, word: str) -> str:
    return f"{where} is {word}" if where.startswith("the ") else f"it was {word} {where}"


@template("6.NS.C.7b")
def order_statement_in_context(rng: random.Random) -> Problem:
    """Choose the inequality statement that correctly describes two temperatures or elevations."""
    first_sentence, second_sentence, (first_name, second_name), unit, higher, lower = rng.choice(_ORDER_CONTEXTS)
    kinds = ("integer", "integer", "tenth")
    first = -abs(_rational(rng, limit=20, kinds=kinds))
    below_zero = unit == " m" or rng.random() < 0.7
    second = abs(_rational(rng, limit=20, kinds=kinds)) * (-1 if below_zero else 1)
    if first == second:
        second = first - 3
    stem = (
        f"{first_sentence.format(_r(first) + unit)} {second_sentence.format(_r(second) + unit)} "
        "Which statement is true?"
    )
    (hi, hi_name), (lo, lo_name) = sorted([(first, first_name), (second, second_name)], reverse=True)
    hi_t, lo_t = f"{_r(hi)}{unit}", f"{_r(lo)}{unit}"
    right = f"{hi_t} > {lo_t}, so {_conclusion(hi_name, higher)}."
    wrong = [
        f"{lo_t} > {hi_t}, so {_conclusion(lo_name, higher)}.",
        f"{hi_t} < {lo_t}, so {_conclusion(hi_name, lower)}.",
        f"{lo_t} < {hi_t}, so {_conclusion(lo_name, higher)}.",
    ]
    hints = (
        "Picture a thermometer or a number line: greater numbers are higher up.",
        "A negative number with a bigger size is farther below 0, so it is less.",
    )
    steps = [
        f"On a number line, {hi_t} is to the right of (above) {lo_t}, so {hi_t} > {lo_t}.",
        f"So the true statement is: **{right}**",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.NS.C.7b")
def order_in_context(rng: random.Random) -> Problem:
    """Order temperatures or elevations that include negative numbers."""
    while True:
        values = [_rational(rng, limit=12, kinds=("integer", "tenth")) for _ in range(3)]
        values.append(Fraction(rng.randint(-12, 12)))
        if len(set(values)) == 4 and len({abs(v) for v in values}) == 4 and sum(v < 0 for v in values) >= 2:
            break
    context = rng.choice([("temperatures", " °C", "coldest to warmest"), ("elevations", " m", "lowest to highest")])
    things, unit, order = context

    def listed(sequence) -> str:
        return ", ".join(f"{_r(v)}{unit}" for v in sequence)

    right = listed(sorted(values))
    wrong = _pick_wrong(
        right,
        [
            listed(sorted(values, key=abs)),
            listed(sorted(values, reverse=True)),
            listed(sorted([v for v in values if v < 0], key=abs) + sorted(v for v in values if v >= 0)),
        ],
    )
    stem = f"Order these {things} from {order}: {listed(values)}."
    hints = (
        "Place the numbers on a number line; the order from left to right is from least to greatest.",
        "Among negative numbers, the one farthest from 0 is the least.",
    )
    steps = [
        "Negative numbers are less than 0 and every positive number; the farther a negative number is from 0, "
        "the less it is.",
        f"From {order}: **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.NS.C.7c", difficulty=INTRODUCTORY)
def absolute_value(rng: random.Random) -> Problem:
    """Find the absolute value of a rational number as its distance from 0."""
    value = _rational(rng, limit=40)
    stem = rng.choice([f"Find |{_r(value)}|.", f"What is the absolute value of {_r(value)}?"])
    hints = (
        "The absolute value of a number is its distance from 0 on the number line.",
        "A distance is never negative.",
    )
    steps = [f"{_r(value)} is {_r(abs(value))} units from 0.", f"So |{_r(value)}| = **{_r(abs(value))}**."]
    return _numeric(stem, abs(value), hints, steps, [-abs(value)], display=_r(abs(value)))


# (sentence with {v} negative, question, unit)
_MAGNITUDE_CONTEXTS = (
    ("{name}'s account balance is {v} dollars.", "How many dollars does {name} owe?", "dollars"),
    ("A diver is at an elevation of {v} feet.", "How many feet below sea level is the diver?", "feet"),
    ("The temperature is {v} °F.", "How many degrees below zero is it?", "degrees"),
    ("A shop's profit for the month was {v} dollars.", "How many dollars did the shop lose?", "dollars"),
)


@template("6.NS.C.7c")
def absolute_value_in_context(rng: random.Random) -> Problem:
    """Use absolute value as the size of a negative quantity in context."""
    sentence, question, unit = rng.choice(_MAGNITUDE_CONTEXTS)
    value = -(Fraction(rng.randint(2, 250)) if unit != "degrees" else Fraction(rng.randint(2, 30)))
    if unit == "dollars" and rng.random() < 0.4:
        value = -Fraction(rng.randint(201, 25000), 100)
    who = name(rng)
    size = -value
    size_text = decimal_text(size, 2) if size.denominator != 1 else _n(size)
    shown = f"{MINUS}{size_text}"
    stem = f"{sentence.format(v=shown, name=who)} {question.format(name=who)}"
    hints = (
        "The size of a negative amount is its distance from 0: its absolute value.",
        "The sign tells the direction (owing, below); the question asks only for the size.",
    )
    steps = [f"|{shown}| = {size_text}.", f"So the answer is **{size_text} {unit}**."]
    return _numeric(stem, size, hints, steps, [value], display=f"{size_text} {unit}")


@template("6.NS.C.7c")
def farthest_from_zero(rng: random.Random) -> Problem:
    """Choose the number with the greatest absolute value."""
    while True:
        values = [_rational(rng, limit=15) for _ in range(4)]
        sizes = sorted(abs(v) for v in values)
        biggest = max(values, key=abs)
        if len(set(sizes)) == 4 and biggest < 0 and max(values) > 0:
            break
    right = _r(biggest)
    wrong = [_r(v) for v in values if v != biggest]
    stem = f"Which of these numbers is farthest from 0 on the number line: {', '.join(_r(v) for v in values)}?"
    hints = ("Distance from 0 is the absolute value: ignore the sign.", "Compare the sizes of the numbers.")
    steps = [
        "The distances from 0 are " + join_words(f"|{_r(v)}| = {_r(abs(v))}" for v in values) + ".",
        f"So the number farthest from 0 is **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.NS.C.7d")
def debt_greater_than(rng: random.Random) -> Problem:
    """Tell a debt greater than an amount from a balance less than its opposite."""
    limit = rng.randint(2, 12) * 5
    bigger, smaller = limit + rng.randint(1, 4) * 5, limit - rng.randint(1, 4) * 5
    right = _money(-bigger)
    wrong = [_money(-smaller), _money(bigger), _money(-limit)]
    stem = f"Which account balance shows a debt of more than ${limit}?"
    hints = (
        "A negative balance is a debt; its absolute value is the size of the debt.",
        f"A debt of more than ${limit} is a balance less than {_money(-limit)}.",
    )
    steps = [
        f"A debt is a negative balance. The debt is more than ${limit} when the balance is farther below 0 than "
        f"{_money(-limit)}.",
        f"|{_money(-bigger)}| = ${bigger}, and {bigger} > {limit}.",
        f"So the balance is **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.NS.C.7d", difficulty=STRETCH)
def order_versus_absolute_value(rng: random.Random) -> Problem:
    """Distinguish a statement about order from one about absolute value."""
    while True:
        a, b = _two_rationals(rng)
        if abs(a) != abs(b) and (a < 0 or b < 0):
            break
    x, y = _r(a), _r(b)
    order = "<" if a < b else ">"
    flipped = ">" if order == "<" else "<"
    size = "<" if abs(a) < abs(b) else ">"
    flipped_size = ">" if size == "<" else "<"
    right = f"{x} {order} {y} and |{x}| {size} |{y}|"
    wrong = [
        f"{x} {flipped} {y} and |{x}| {size} |{y}|",
        f"{x} {order} {y} and |{x}| {flipped_size} |{y}|",
        f"{x} {flipped} {y} and |{x}| {flipped_size} |{y}|",
    ]
    stem = f"Which statement about {x} and {y} is true?"
    hints = (
        "Order is about position on the number line; absolute value is about distance from 0.",
        "Check each part separately: first the numbers, then their distances from 0.",
    )
    steps = [
        f"On the number line, {x} is to the {'left' if a < b else 'right'} of {y}, so {x} {order} {y}.",
        f"|{x}| = {_r(abs(a))} and |{y}| = {_r(abs(b))}, so |{x}| {size} |{y}|.",
        f"So the true statement is **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


def _shared_coordinate_pair(rng: random.Random, limit: int = 8) -> tuple[tuple[int, int], tuple[int, int]]:
    """Two points on the same vertical or horizontal line, often on opposite sides of an axis."""
    while True:
        fixed = rng.randint(-limit, limit)
        p, q = rng.randint(-limit, limit), rng.randint(-limit, limit)
        if p != q and (p < 0 < q or q < 0 < p or rng.random() < 0.3) and p and q:
            break
    if rng.random() < 0.5:
        return (fixed, p), (fixed, q)
    return (p, fixed), (q, fixed)


def _distance_steps(first, second, labels=("A", "B")) -> tuple[list[str], int]:
    """How far apart two points with a shared coordinate are, with the absolute values that show it."""
    (x1, y1), (x2, y2) = first, second
    same, a, b = ("x", y1, y2) if x1 == x2 else ("y", x1, x2)
    moving, axis = ("y", "x-axis") if same == "x" else ("x", "y-axis")
    distance = abs(a - b)
    if a == 0 or b == 0:
        how = (
            f"One of them is on the {axis}, so the distance is the other one's distance from it: "
            f"|{_n(a or b)}| = {distance}."
        )
    elif (a < 0) != (b < 0):
        how = (
            f"They are on opposite sides of the {axis}, so add their distances from it: |{_n(a)}| + |{_n(b)}| = "
            f"{abs(a)} + {abs(b)} = {distance}."
        )
    else:
        how = (
            f"They are on the same side of the {axis}, so subtract their distances from it: "
            f"{max(abs(a), abs(b))} {MINUS} {min(abs(a), abs(b))} = {distance}."
        )
    steps = [
        f"{labels[0]} and {labels[1]} have the same {same}-coordinate, so measure along the {moving}-direction "
        f"from {moving} = {_n(a)} to {moving} = {_n(b)}.",
        how,
    ]
    return steps, distance


@template("6.NS.C.8")
def distance_with_shared_coordinate(rng: random.Random) -> Problem:
    """Find the distance between two points that share a coordinate, using absolute value."""
    first, second = _shared_coordinate_pair(rng)
    steps, distance = _distance_steps(first, second)
    (x1, y1), (x2, y2) = first, second
    a, b = (y1, y2) if x1 == x2 else (x1, x2)
    stem = f"Point A is at {_point(*first)} and point B is at {_point(*second)}. How many units apart are A and B?"
    hints = (
        "The points share one coordinate, so count along the other one.",
        "Use absolute values: distances from the axis add when the points are on opposite sides of it.",
    )
    figure = _plane([("A", *first), ("B", *second)], x_range=(-9, 9), y_range=(-9, 9))
    return _numeric(
        stem,
        distance,
        hints,
        [*steps, f"So A and B are **{distance} units** apart."],
        [abs(abs(a) - abs(b)), abs(a) + abs(b), a - b if a < b else b - a],
        unit="units",
        figure=figure,
    )


_MAP_PLACES = ("library", "school", "park", "pool", "museum", "store", "bakery")


@template("6.NS.C.8", difficulty=STRETCH)
def map_walk(rng: random.Random) -> Problem:
    """Find the length of a walk between places on a coordinate map, each leg along a grid line."""
    who = name(rng)
    start_place, middle_place, end_place = rng.sample(_MAP_PLACES, 3)
    while True:
        first, second = _shared_coordinate_pair(rng, 7)
        (x2, y2) = second
        other = rng.choice([v for v in range(-7, 8) if v])
        turn = (x2, other) if first[1] == y2 else (other, y2)
        if turn != second and turn != first:
            break
    leg1_steps, leg1 = _distance_steps(first, second, (start_place.capitalize(), middle_place))
    leg2_steps, leg2 = _distance_steps(second, turn, (middle_place.capitalize(), end_place))
    total = leg1 + leg2
    letters = [
        (place[0].upper(), *point)
        for place, point in zip((start_place, middle_place, end_place), (first, second, turn))
    ]
    if len({letter for letter, _, _ in letters}) < 3:
        letters = [("P", *first), ("Q", *second), ("R", *turn)]
    named = ", ".join(
        f"the {place} ({letter}) is at {_point(x, y)}"
        for place, (letter, x, y) in zip((start_place, middle_place, end_place), letters)
    )
    stem = (
        f"On a town map, each unit is 1 block. {named[0].upper() + named[1:]}. {who} walks along the grid lines "
        f"from the {start_place} to the {middle_place}, then to the {end_place}. How many blocks does {who} walk?"
    )
    hints = (
        "Find the length of each part of the walk separately, then add.",
        "Each part joins two points with one coordinate the same; use absolute values.",
    )
    steps = [*leg1_steps, *leg2_steps, f"Total: {leg1} + {leg2} = {total}.", f"So {who} walks **{total} blocks**."]
    figure = _plane(letters, x_range=(-8, 8), y_range=(-8, 8))
    return _numeric(stem, total, hints, steps, [leg1, leg2, abs(leg1 - leg2)], unit="blocks", figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 6.EE Expressions and equations

_LETTERS = "xymnpt"


def _power(base: int | Fraction | Decimal, exponent: int) -> str:
    text = _n(base)
    return f"({text})<sup>{exponent}</sup>" if "/" in text or " " in text else f"{text}<sup>{exponent}</sup>"


@template("6.EE.A.1", difficulty=INTRODUCTORY)
def evaluate_power(rng: random.Random) -> Problem:
    """Evaluate a whole-number power of a whole number, a fraction or a decimal."""
    kind = rng.choice(["whole", "whole", "fraction", "decimal"])
    if kind == "whole":
        base = rng.randint(2, 12)
        exponent = rng.choice([e for e in range(2, 6) if base**e <= 10000])
    elif kind == "fraction":
        base = _proper_fraction(rng, (2, 3, 4, 5))
        exponent = rng.randint(2, 3)
    else:
        base = Decimal(rng.choice(["0.5", "0.2", "0.3", "1.1", "1.5", "0.4", "1.2", "0.6"]))
        exponent = rng.randint(2, 3)
    value = base**exponent
    factors = f" {TIMES} ".join([_n(base)] * exponent)
    stem = f"Find {_power(base, exponent)}."
    hints = (
        "The exponent tells how many times the base is used as a factor.",
        f"Write {_power(base, exponent)} as a multiplication of {exponent} equal factors.",
    )
    steps = [f"{_power(base, exponent)} = {factors}.", f"So {_power(base, exponent)} = **{_n(value)}**."]
    return _numeric(stem, value, hints, steps, [base * exponent, base ** (exponent - 1), base + exponent])


@template("6.EE.A.1")
def write_with_exponent(rng: random.Random) -> Problem:
    """Choose the expression with an exponent for a repeated product, a square's area or a cube's volume."""
    while True:
        kind = rng.choice(["repeat", "square", "cube"])
        if kind == "repeat":
            base, exponent = rng.randint(2, 9), rng.randint(3, 6)
            stem = f"Which expression means {f' {TIMES} '.join([str(base)] * exponent)}?"
            others = [
                (f"{exponent}<sup>{base}</sup>", exponent**base),
                (f"{base} {TIMES} {exponent}", base * exponent),
                (f"{base}<sup>{exponent - 1}</sup>", base ** (exponent - 1)),
            ]
            reason = f"{base} is used as a factor {exponent} times."
        elif kind == "square":
            base, exponent = rng.randint(3, 15), 2
            stem = f"A square tile has sides {base} inches long. Which expression gives its area in square inches?"
            others = [
                (f"2<sup>{base}</sup>", 2**base),
                (f"{base} {TIMES} 2", base * 2),
                (f"{base} {TIMES} 4", base * 4),
            ]
            reason = f"Area of a square = side {TIMES} side = {base} {TIMES} {base}."
        else:
            base, exponent = rng.randint(2, 12), 3
            stem = f"A cube has edges {base} cm long. Which expression gives its volume in cubic centimeters?"
            others = [
                (f"3<sup>{base}</sup>", 3**base),
                (f"{base} {TIMES} 3", base * 3),
                (f"6 {TIMES} {base}<sup>2</sup>", 6 * base**2),
            ]
            reason = f"Volume of a cube = edge {TIMES} edge {TIMES} edge = {base} {TIMES} {base} {TIMES} {base}."
        values = [base**exponent, *(value for _, value in others)]
        if len(set(values)) == len(values):
            break
    right = f"{base}<sup>{exponent}</sup>"
    hints = (
        "In an exponent expression, the base is the factor and the exponent counts how many times it is used.",
        "Repeated multiplication of the same factor is written with an exponent; repeated addition is not.",
    )
    steps = [reason, f"So the expression is **{right}**."]
    return _choice(rng, stem, right, [text for text, _ in others], hints, steps)


@template("6.EE.A.1")
def order_of_operations_with_powers(rng: random.Random) -> Problem:
    """Evaluate a numerical expression with an exponent in the conventional order."""
    form = rng.choice(["add_times", "square_sum", "power_minus"])
    a, b, c = rng.randint(2, 9), rng.randint(2, 5), rng.randint(2, 6)
    if form == "add_times":
        exponent = rng.choice([2, 3]) if b <= 4 else 2
        text = f"{a} + {b}<sup>{exponent}</sup> {TIMES} {c}"
        power = b**exponent
        value = a + power * c
        steps = [
            f"Exponent first: {b}<sup>{exponent}</sup> = {power}.",
            f"Then multiply: {power} {TIMES} {c} = {power * c}.",
            f"Then add: {a} + {power * c} = {value}.",
        ]
        wrong = [(a + power) * c, a + b * exponent * c]
    elif form == "square_sum":
        c = rng.randint(2, (a + b) ** 2 - 1)
        text = f"({a} + {b})<sup>2</sup> {MINUS} {c}"
        value = (a + b) ** 2 - c
        steps = [
            f"Parentheses first: {a} + {b} = {a + b}.",
            f"Exponent: {a + b}<sup>2</sup> = {(a + b) ** 2}.",
            f"Subtract: {(a + b) ** 2} {MINUS} {c} = {value}.",
        ]
        wrong = [a * a + b * b - c, (a + b) * 2 - c]
    else:
        product = b * c
        a = max(a, 5)
        text = f"{a}<sup>2</sup> {MINUS} {b} {TIMES} {c}"
        value = a * a - product
        steps = [
            f"Exponent first: {a}<sup>2</sup> = {a * a}.",
            f"Multiply: {b} {TIMES} {c} = {product}.",
            f"Subtract: {a * a} {MINUS} {product} = {value}.",
        ]
        wrong = [(a * a - b) * c, a * 2 - product]
    stem = f"Find the value of {text}."
    hints = (
        "Order of operations: parentheses, then exponents, then multiply and divide, then add and subtract.",
        "Work out the exponent before you multiply.",
    )
    return _numeric(stem, value, hints, [*steps, f"So {text} = **{value}**."], wrong)


def _phrases(v: str, a: int, b: int) -> list[tuple[str, str, list[str]]]:
    """(words, the expression they describe, expressions students write by mistake)."""
    return [
        (f"Subtract {v} from {a}", f"{a} {MINUS} {v}", [f"{v} {MINUS} {a}", f"{a} + {v}", f"{a}{v}"]),
        (f"{a} less than {v}", f"{v} {MINUS} {a}", [f"{a} {MINUS} {v}", f"{v} + {a}", f"{a}{v}"]),
        (f"The product of {a} and {v}", f"{a}{v}", [f"{a} + {v}", f"{v}<sup>{a}</sup>", f"{v} {DIVIDE} {a}"]),
        (f"{v} divided by {a}", f"{v} {DIVIDE} {a}", [f"{a} {DIVIDE} {v}", f"{a}{v}", f"{v} {MINUS} {a}"]),
        (f"{a} more than twice {v}", f"2{v} + {a}", [f"2({v} + {a})", f"2 + {v} + {a}", f"{a}{v} + 2"]),
        (f"Twice the sum of {v} and {a}", f"2({v} + {a})", [f"2{v} + {a}", f"2 + {v} + {a}", f"{v} + 2 {TIMES} {a}"]),
        (
            f"{a} times the difference of {v} and {b}",
            f"{a}({v} {MINUS} {b})",
            [f"{a}{v} {MINUS} {b}", f"{a}({b} {MINUS} {v})", f"{a} + ({v} {MINUS} {b})"],
        ),
        (
            f"{a} more than {v} squared",
            f"{v}<sup>2</sup> + {a}",
            [f"2{v} + {a}", f"({v} + {a})<sup>2</sup>", f"{a}{v}<sup>2</sup>"],
        ),
    ]


@template("6.EE.A.2a")
def expression_from_words(rng: random.Random) -> Problem:
    """Choose the expression that records operations described in words."""
    v = rng.choice(_LETTERS)
    a, b = rng.sample(range(2, 13), 2)
    words, right, wrong = rng.choice(_phrases(v, a, b))
    wrong = _pick_wrong(right, wrong)
    stem = f'Which expression means "{words}"?'
    hints = (
        "Read the words slowly and find the operation: sum, difference, product or quotient.",
        'Watch the order: "subtract 3 from y" and "3 less than y" both start with y.',
    )
    steps = [f'"{words}" is written as {right}.', f"So the expression is **{right}**."]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.EE.A.2a")
def words_for_expression(rng: random.Random) -> Problem:
    """Choose the words that describe an expression with a letter."""
    v = rng.choice(_LETTERS)
    a, b = rng.sample(range(2, 13), 2)
    forms = [
        (
            f"{a}({v} + {b})",
            f"{a} times the sum of {v} and {b}",
            [
                f"The sum of {a} times {v} and {b}",
                f"{a} more than the sum of {v} and {b}",
                f"{b} times the sum of {v} and {a}",
            ],
        ),
        (
            f"{a}{v} {MINUS} {b}",
            f"{b} less than {a} times {v}",
            [f"{a} times the difference of {v} and {b}", f"{b} minus {a} times {v}", f"{a} less than {b} times {v}"],
        ),
        (
            f"{v} {DIVIDE} {a} + {b}",
            f"{b} more than the quotient of {v} and {a}",
            [
                f"The quotient of {v} and the sum of {a} and {b}",
                f"{b} more than the quotient of {a} and {v}",
                f"{b} times the quotient of {v} and {a}",
            ],
        ),
        (
            f"{b} {MINUS} {v}",
            f"{v} subtracted from {b}",
            [f"{b} subtracted from {v}", f"{b} less than {v}", f"The sum of {b} and {v}"],
        ),
    ]
    expression, right, wrong = rng.choice(forms)
    right = right[0].upper() + right[1:]
    stem = f"Which words describe the expression {expression}?"
    hints = (
        "Find the last operation done in the expression: that names the whole expression.",
        "Parentheses group a sum or difference into one part.",
    )
    steps = [f"{expression} is read as: {right.lower()}.", f"So the words are **{right}**."]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.EE.A.2b")
def parts_of_expression(rng: random.Random) -> Problem:
    """Name a coefficient, the constant term or the number of terms of an expression."""
    a, b, c = rng.sample(range(2, 13), 3)
    three = rng.random() < 0.6
    x, y = sorted(rng.sample(_LETTERS, 2))
    expression = f"{a}{x} + {b}{y} + {c}" if three else f"{a}{x} + {c}"
    terms = 3 if three else 2
    ask = rng.choice(
        ["coefficient_x", "coefficient_y", "constant", "terms"] if three else ["coefficient_x", "constant", "terms"]
    )
    if ask == "coefficient_x":
        question, value = f"what is the coefficient of {x}?", a
        reason = f"The coefficient of {x} is the number multiplied by {x} in the term {a}{x}."
    elif ask == "coefficient_y":
        question, value = f"what is the coefficient of {y}?", b
        reason = f"The coefficient of {y} is the number multiplied by {y} in the term {b}{y}."
    elif ask == "constant":
        question, value = "what is the constant term?", c
        reason = "The constant term is the term with no variable."
    else:
        question, value = "how many terms are there?", terms
        listed = join_words([f"{a}{x}", *([f"{b}{y}"] if three else []), str(c)])
        reason = f"Terms are the parts added together: {listed}."
    stem = f"In the expression {expression}, {question}"
    hints = (
        "Terms are the parts of an expression joined by + or −.",
        "A coefficient is the number in front of a variable; a constant term has no variable.",
    )
    steps = [reason, f"So the answer is **{value}**."]
    wrong = [terms + 1, terms - 1] if ask == "terms" else [a, b if three else None, c]
    return _numeric(stem, value, hints, steps, wrong)


_STRUCTURES = ("A product of two factors", "A quotient of two parts", "A sum of two terms", "A difference of two terms")


@template("6.EE.A.2b")
def structure_of_expression(rng: random.Random) -> Problem:
    """Describe an expression as a product, quotient, sum or difference, seeing a part in parentheses as one factor."""
    v = rng.choice(_LETTERS)
    a, b, c = rng.sample(range(2, 13), 3)
    forms = [
        (f"{a}({b} + {c})", 0, f"({b} + {c}) is one factor, and {a} is the other"),
        (f"{a}({v} + {b})", 0, f"({v} + {b}) is one factor, and {a} is the other"),
        (f"({v} + {b}) {DIVIDE} {a}", 1, f"the last operation divides ({v} + {b}) by {a}"),
        (f"{a}{v} + {b}", 2, f"the terms {a}{v} and {b} are added"),
        (f"{a}{v} {MINUS} {b}", 3, f"{b} is subtracted from the term {a}{v}"),
    ]
    expression, index, reason = rng.choice(forms)
    if index == 0 and rng.random() < 0.4:
        inner = expression[expression.index("(") :]
        options = [
            "One factor that is a sum of two terms",
            "A product of two factors",
            "A coefficient",
            "A quotient of two parts",
        ]
        right = options[0]
        stem = f"In the expression {expression}, what is the part {inner}?"
        steps = [
            f"{inner} is multiplied by {a}, so it is a factor.",
            f"Inside the parentheses, two terms are added, so it is also a sum: **{right}**.",
        ]
        hints = ("Parentheses let you treat a sum as a single thing.", f"What is done to {inner} as a whole?")
        return _choice(rng, stem, right, options, hints, steps, keep_order=True)
    right = _STRUCTURES[index]
    stem = f"Which describes the expression {expression}?"
    hints = (
        "Find the operation you would do last when evaluating it.",
        "Parentheses make a sum into a single part of the expression.",
    )
    steps = [f"In {expression}, {reason}.", f"So it is: **{right}**."]
    return _choice(rng, stem, right, _STRUCTURES, hints, steps, keep_order=True)


@template("6.EE.A.2c")
def evaluate_expression(rng: random.Random) -> Problem:
    """Evaluate an expression with variables, following the order of operations."""
    x, y = rng.randint(2, 6), rng.randint(1, 9)
    a, b = rng.randint(2, 9), rng.randint(1, 12)
    forms = [
        (
            f"{a}x<sup>2</sup> + {b}",
            False,
            a * x * x + b,
            [(a * x) ** 2 + b, a * 2 * x + b],
            [f"x<sup>2</sup> = {x * x}", f"{a} {TIMES} {x * x} = {a * x * x}", f"{a * x * x} + {b} = {a * x * x + b}"],
        ),
        (
            f"{a}(x + y)",
            True,
            a * (x + y),
            [a * x + y, a + x + y],
            [f"x + y = {x} + {y} = {x + y}", f"{a} {TIMES} {x + y} = {a * (x + y)}"],
        ),
        (
            f"x<sup>3</sup> {MINUS} y",
            True,
            x**3 - y,
            [3 * x - y, x * 3 - y + 1],
            [f"x<sup>3</sup> = {x} {TIMES} {x} {TIMES} {x} = {x**3}", f"{x**3} {MINUS} {y} = {x**3 - y}"],
        ),
        (
            "(x + y)<sup>2</sup>",
            True,
            (x + y) ** 2,
            [x * x + y * y, 2 * (x + y)],
            [f"x + y = {x + y}", f"{x + y}<sup>2</sup> = {(x + y) ** 2}"],
        ),
        (
            f"{a * x} {DIVIDE} x + y",
            True,
            a + y,
            [Fraction(a * x, x + y), a * x + y],
            [f"{a * x} {DIVIDE} {x} = {a}", f"{a} + {y} = {a + y}"],
        ),
    ]
    text, uses_y, value, wrong, work = rng.choice(forms)
    values = f"x = {x} and y = {y}" if uses_y else f"x = {x}"
    stem = f"Find the value of {text} when {values}."
    hints = (
        "Replace each letter with its value.",
        "Then follow the order of operations: parentheses, exponents, multiply and divide, add and subtract.",
    )
    steps = [f"Substitute {values}.", *(f"{line}." for line in work), f"So the value is **{value}**."]
    return _numeric(stem, value, hints, steps, wrong)


@template("6.EE.A.2c")
def evaluate_formula(rng: random.Random) -> Problem:
    """Use a formula (cube volume and surface area, perimeter, distance) at given values, fractions included."""
    form = rng.choice(["volume", "surface", "perimeter", "distance"])
    if form in ("volume", "surface"):
        side = rng.choice(
            [
                Fraction(1, 2),
                Fraction(1, 3),
                Fraction(2, 3),
                Fraction(3, 2),
                Fraction(3, 4),
                Fraction(5, 2),
                Fraction(1, 4),
                Fraction(2),
                Fraction(3),
            ]
        )
        unit = rng.choice(["ft", "in", "cm"])
        if form == "volume":
            formula, value, unit_text = "V = s<sup>3</sup>", side**3, f"cubic {_UNIT_NAMES[unit]}"
            work = f"V = ({_n(side)})<sup>3</sup> = {_times(side, side, side)} = {_n(value)}"
            wrong = [3 * side, side**2]
            what = "volume"
        else:
            formula, value, unit_text = "A = 6s<sup>2</sup>", 6 * side**2, f"square {_UNIT_NAMES[unit]}"
            work = f"A = 6 {TIMES} ({_n(side)})<sup>2</sup> = 6 {TIMES} {_n(side**2)} = {_n(value)}"
            wrong = [(6 * side) ** 2, 12 * side, side**2]
            what = "surface area"
        stem = f"Use the formula {formula} to find the {what} of a cube with edges s = {_measure(side, unit)} long."
    elif form == "perimeter":
        length = Fraction(rng.randint(2, 12)) + Fraction(rng.choice([1, 1, 3]), rng.choice([2, 4]))
        width = Fraction(rng.randint(1, 8)) + Fraction(1, rng.choice([2, 4]))
        formula, value, unit_text = "P = 2l + 2w", 2 * length + 2 * width, "meters"
        work = f"P = 2 {TIMES} {_n(length)} + 2 {TIMES} {_n(width)} = {_n(2 * length)} + {_n(2 * width)} = {_n(value)}"
        wrong = [length + width, 2 * length + width, length * width]
        stem = (
            f"Use the formula {formula} to find the perimeter of a rectangle with length l = {_n(length)} m and "
            f"width w = {_n(width)} m."
        )
    else:
        rate = rng.randint(3, 65)
        time = Fraction(rng.randint(1, 4)) + Fraction(rng.choice([1, 1, 3]), rng.choice([2, 4]))
        formula, value, unit_text = "d = rt", rate * time, "miles"
        work = f"d = {rate} {TIMES} {_n(time)} = {_n(value)}"
        wrong = [rate + time, rate / time]
        stem = (
            f"Use the formula {formula} to find the distance d traveled at a rate of r = {rate} miles per hour "
            f"for t = {_n(time)} hours."
        )
    hints = (
        "Substitute the given values for the letters in the formula.",
        {
            "volume": "s<sup>3</sup> means s × s × s; with a fraction, multiply the numerators and the denominators.",
            "surface": "Exponents come before multiplication: in 6s<sup>2</sup>, square s first.",
            "perimeter": "2l means 2 × l: double each length, then add.",
            "distance": "rt means r × t; write the mixed number as a fraction to multiply.",
        }[form],
    )
    steps = [f"{work}.", f"So the answer is **{_n(value)} {unit_text}**."]
    return _numeric(stem, value, hints, steps, wrong, unit=unit_text)


def _term(coefficient: int, letter: str) -> str:
    return f"{coefficient}{letter}" if coefficient != 1 else letter


@template("6.EE.A.3")
def distribute(rng: random.Random) -> Problem:
    """Apply the distributive property to write an equivalent expression without parentheses."""
    v = rng.choice(_LETTERS)
    a, b, c = rng.randint(2, 9), rng.randint(1, 9), rng.randint(1, 12)
    inner = f"{_term(b, v)} + {c}" if rng.random() < 0.6 else f"{c} + {_term(b, v)}"
    expression = f"{a}({inner})"
    right = f"{_term(a * b, v)} + {a * c}"
    wrong = _pick_wrong(
        right,
        [
            f"{_term(a * b, v)} + {c}",
            f"{_term(b, v)} + {a * c}",
            f"{_term(a * b + a * c, v)}",
            f"{_term(a + b, v)} + {a + c}",
        ],
    )
    stem = f"Which expression is equivalent to {expression}?"
    hints = ("The distributive property: a(b + c) = ab + ac.", f"Multiply each term inside the parentheses by {a}.")
    steps = [
        f"{a} {TIMES} {_term(b, v)} = {_term(a * b, v)} and {a} {TIMES} {c} = {a * c}.",
        f"So {expression} = **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.EE.A.3")
def factor_out_gcf(rng: random.Random) -> Problem:
    """Factor the greatest common factor out of a two-term expression."""
    v = rng.choice(_LETTERS)
    common = rng.choice([4, 6, 8, 9, 10, 12])
    while True:
        m, n = rng.randint(1, 9), rng.randint(1, 9)
        if m != n and gcd(m, n) == 1:
            break
    small = min(f for f in range(2, common) if common % f == 0)
    expression = f"{_term(common * m, v)} + {common * n}"
    right = f"{common}({_term(m, v)} + {n})"
    wrong = _pick_wrong(
        right,
        [
            f"{small}({_term(common * m // small, v)} + {common * n // small})",
            f"{common}({_term(m, v)} + {common * n})",
            f"{common}({_term(n, v)} + {m})",
        ],
    )
    stem = f"Which expression is equivalent to {expression} and has the greatest common factor taken out?"
    hints = (
        f"Find the greatest common factor of {common * m} and {common * n}.",
        "Divide each term by it and write the results inside the parentheses.",
    )
    steps = [
        f"The greatest common factor of {common * m} and {common * n} is {common}.",
        f"{_term(common * m, v)} = {common} {TIMES} {_term(m, v)} and {common * n} = {common} {TIMES} {n}.",
        f"So {expression} = **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps, difficulty=STRETCH)


@template("6.EE.A.3")
def combine_like_terms(rng: random.Random) -> Problem:
    """Combine like terms to write an equivalent expression."""
    v = rng.choice(_LETTERS)
    a, c = rng.sample(range(2, 10), 2)
    b, d = rng.sample(range(1, 13), 2)
    expression = f"{_term(a, v)} + {b} + {_term(c, v)} + {d}"
    right = f"{_term(a + c, v)} + {b + d}"
    wrong = _pick_wrong(
        right,
        [
            f"{_term(a + b + c + d, v)}",
            f"{_term(a + c, v)}<sup>2</sup> + {b + d}",
            f"{_term(a * c, v)} + {b + d}",
            f"{_term(a + c, v)} + {b * d}",
        ],
    )
    stem = f"Which expression is equivalent to {expression}?"
    hints = (
        f"Like terms have the same variable part: the {v}-terms go together and the numbers go together.",
        f"A number without {v} cannot be added to a {v}-term.",
    )
    steps = [
        f"Group like terms: ({_term(a, v)} + {_term(c, v)}) + ({b} + {d}).",
        f"{_term(a, v)} + {_term(c, v)} = {_term(a + c, v)} and {b} + {d} = {b + d}.",
        f"So the expression is **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps, difficulty=INTRODUCTORY)


@template("6.EE.A.4")
def select_equivalent_expressions(rng: random.Random) -> Problem:
    """Select every expression equivalent to a given one."""
    v = rng.choice(_LETTERS)
    a, b = rng.randint(2, 5), rng.randint(3, 9)
    target = f"{a}({v} + {b})"
    equivalent = [
        f"{_term(a, v)} + {a * b}",
        f"{a * b} + {_term(a, v)}",
        " + ".join([v] * a) + f" + {a * b}",
        f"{a}({b} + {v})",
    ]
    not_equivalent = [
        f"{_term(a, v)} + {b}",
        f"{_term(a + b, v)}",
        f"{v} + {a * b}",
        f"{_term(a, v)} + {a + b}",
        f"{_term(a * b, v)}",
    ]
    right = rng.sample(equivalent, rng.randint(1, 3))
    wrong = rng.sample(not_equivalent, 5 - len(right))
    stem = f"Select every expression that is equivalent to {target}."
    hints = (
        "Equivalent expressions have the same value for every value of the variable.",
        f"Use the distributive property on {target}, or test a value such as {v} = 1 and {v} = 2.",
    )
    steps = [
        f"{target} = {_term(a, v)} + {a * b} by the distributive property.",
        f"An expression is equivalent if it can be rewritten as {_term(a, v)} + {a * b}; "
        f"test {v} = 1: {target} = {a * (1 + b)}.",
    ]
    return _select_all(rng, stem, right, wrong, hints, steps)


@template("6.EE.A.4")
def equivalent_pair(rng: random.Random) -> Problem:
    """Choose the pair of expressions that are equivalent for every value of the variable."""
    v = rng.choice(_LETTERS)
    a, b = rng.sample(range(2, 10), 2)
    equivalent = [
        (f"{v} + {v} + {v}", f"3{v}", f"{v} + {v} + {v} adds three {v}s, which is 3{v}"),
        (f"{a}({v} + {b})", f"{_term(a, v)} + {a * b}", "by the distributive property"),
        (f"{_term(a, v)} + {_term(b, v)}", f"{_term(a + b, v)}", f"{a} {v}s and {b} {v}s make {a + b} {v}s"),
        (f"{b} + {_term(a, v)}", f"{_term(a, v)} + {b}", "addition can be done in any order"),
    ]
    not_equivalent = [
        (f"{v} + {v} + {v}", f"{v}<sup>3</sup>"),
        (f"{a}({v} + {b})", f"{_term(a, v)} + {b}"),
        (f"{_term(a, v)} + {b}", f"{_term(a + b, v)}"),
        (f"{b} {MINUS} {v}", f"{v} {MINUS} {b}"),
        (f"{_term(b, v)}", f"{v}<sup>{b}</sup>"),
    ]
    left, right_side, reason = rng.choice(equivalent)
    right = f"{left} and {right_side}"
    wrong = [f"{p} and {q}" for p, q in rng.sample(not_equivalent, 3)]
    stem = f"{name(rng)} wants two expressions that are equal for every value of {v}. Which pair is equivalent?"
    hints = (
        f"Try two different values for {v} in each pair. Equivalent expressions always match.",
        "Use properties of operations: the distributive property, combining like terms, changing the order.",
    )
    steps = [
        f"{left} = {right_side}, because {reason}.",
        "Each other pair gives different values for some value of the variable (try 2).",
        f"So the equivalent pair is **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


def _equation(rng: random.Random, v: str) -> tuple[str, Fraction, list[Fraction], str]:
    """A one-step equation with whole numbers, its solution, the usual wrong solutions and how it is solved."""
    kind = rng.choice(["add", "times", "subtract", "divide"])
    p, x = rng.randint(2, 12), rng.randint(2, 15)
    if kind == "add":
        q = x + p
        return f"{v} + {p} = {q}", Fraction(x), [Fraction(q + p), Fraction(q)], f"subtract {p} from both sides"
    if kind == "times":
        q = x * p
        return f"{p}{v} = {q}", Fraction(x), [Fraction(q * p), Fraction(q - p)], f"divide both sides by {p}"
    if kind == "subtract":
        q = x
        x = q + p
        return f"{v} {MINUS} {p} = {q}", Fraction(x), [Fraction(q - p), Fraction(q)], f"add {p} to both sides"
    q = x
    x = q * p
    return f"{v} {DIVIDE} {p} = {q}", Fraction(x), [Fraction(q, p), Fraction(q + p)], f"multiply both sides by {p}"


@template("6.EE.B.5")
def solution_from_set(rng: random.Random) -> Problem:
    """Use substitution to find which value in a set makes an equation true."""
    v = rng.choice(_LETTERS)
    equation, solution, mistakes, _ = _equation(rng, v)
    candidates = distinct_wrong(solution, [m for m in mistakes if m > 0] + [solution + 1, solution - 1, solution + 2])
    options = sorted([solution, *candidates[:3]])
    stem = f"Which value of {v} from the set {{{', '.join(_n(o) for o in options)}}} makes {equation} true?"
    left = equation.split(" = ")[0]
    hints = (
        "Substitute each value for the letter and check whether both sides are equal.",
        f"Work out the left side, {left}, for each value.",
    )
    check = left.replace(v, f"({_n(solution)})" if left[0].isdigit() else _n(solution))
    steps = [
        f"Substitute {v} = {_n(solution)}: {check} = {equation.split(' = ')[1]}. True.",
        "Each other value gives a different left side, so the equation is false for them.",
        f"So {v} = **{_n(solution)}**.",
    ]
    return _choice(rng, stem, _n(solution), [_n(o) for o in options], hints, steps, keep_order=True)


def _holds(value: Fraction, operation: str, p: int, q: int, symbol: str) -> bool:
    left = {"add": value + p, "times": value * p, "subtract": value - p}[operation]
    return left > q if symbol == ">" else left < q


@template("6.EE.B.5")
def inequality_solutions_from_set(rng: random.Random) -> Problem:
    """Select every value in a set that makes an inequality true."""
    v = rng.choice(_LETTERS)
    operation, symbol = rng.choice(["add", "times", "subtract"]), rng.choice("<>")
    p = rng.randint(2, 9)
    boundary = rng.randint(p + 1 if operation == "subtract" else 4, 14)
    q = {"add": boundary + p, "times": boundary * p, "subtract": boundary - p}[operation]
    text = {"add": f"{v} + {p}", "times": f"{p}{v}", "subtract": f"{v} {MINUS} {p}"}[operation]
    offsets = rng.sample([-3, -2, -1], 2) + rng.sample([1, 2, 3, 4], 2)
    values = sorted(Fraction(boundary + offset) for offset in [0, *offsets])
    right = [_n(value) for value in values if _holds(value, operation, p, q, symbol)]
    wrong = [_n(value) for value in values if not _holds(value, operation, p, q, symbol)]
    inequality = f"{text} {symbol} {q}"
    listed = ", ".join(_n(value) for value in values)
    stem = f"Which values of {v} from the set {{{listed}}} make {inequality} true? Select every one."
    hints = (
        "Substitute each value and check whether the statement is true.",
        f"A value that makes {text} exactly equal to {q} does not make {inequality} true.",
    )
    steps = [
        f"{text} = {q} when {v} = {boundary}; that value is not a solution, because the sides are equal.",
        f"Values that make {text} {'greater' if symbol == '>' else 'less'} than {q} are solutions.",
    ]
    return _select_all(rng, stem, right, wrong, hints, steps)


@template("6.EE.B.6")
def expression_for_situation(rng: random.Random) -> Problem:
    """Choose the expression, with a variable, that represents a quantity in a situation."""
    who = name(rng)
    v = rng.choice("nptbw")
    a, b = rng.sample(range(2, 13), 2)
    price = Decimal(rng.choice(["0.25", "0.35", "0.45", "1.25", "0.75", "1.50"]))
    situations = [
        (
            f"{who} has {v} stickers and gives away {a} of them. Which expression shows how many stickers {who} has left?",
            f"{v} {MINUS} {a}",
            [f"{a} {MINUS} {v}", f"{v} + {a}", f"{a}{v}"],
            f"Giving away {a} takes {a} from the {v} stickers",
        ),
        (
            f"Pencils cost {_money(price)} each. Which expression shows the cost, in dollars, of {v} pencils?",
            f"{_n(price)}{v}",
            [f"{v} + {_n(price)}", f"{v} {DIVIDE} {_n(price)}", f"{_n(price)} {DIVIDE} {v}"],
            f"{v} pencils at {_money(price)} each cost {_n(price)} {TIMES} {v} dollars",
        ),
        (
            f"A rectangle is {a} times as long as it is wide. Its width is {v} cm. Which expression shows its length in "
            "cm?",
            f"{a}{v}",
            [f"{v} + {a}", f"{v} {DIVIDE} {a}", f"{a} {DIVIDE} {v}"],
            f"{a} times as long as {v} cm is {a} {TIMES} {v}",
        ),
        (
            f"{who} is {a} years older than a cousin who is {v} years old. Which expression shows {who}'s age?",
            f"{v} + {a}",
            [f"{v} {MINUS} {a}", f"{a}{v}", f"{a} {MINUS} {v}"],
            f"{a} years older than {v} means {a} years are added to {v}",
        ),
        (
            f"{who} shares {v} dollars equally among {a} friends. Which expression shows each friend's share in dollars?",
            f"{v} {DIVIDE} {a}",
            [f"{a} {DIVIDE} {v}", f"{a}{v}", f"{v} {MINUS} {a}"],
            f"Sharing {v} dollars equally among {a} friends divides {v} by {a}",
        ),
        (
            f"Concert tickets cost ${a} each, plus a ${b} fee for the whole order. Which expression shows the cost, in "
            f"dollars, of an order of {v} tickets?",
            f"{a}{v} + {b}",
            [f"{a}({v} + {b})", f"{a + b}{v}", f"{b}{v} + {a}"],
            f"{v} tickets cost {a} {TIMES} {v} dollars, and the ${b} fee is added once",
        ),
    ]
    stem, right, wrong, reason = rng.choice(situations)
    hints = (
        f"The letter {v} stands for a number you do not know yet. Decide what happens to it in the story.",
        "Try a number in place of the letter, work out the answer, then write the same steps with the letter.",
    )
    steps = [f"{reason}.", f"So the expression is **{right}**."]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.EE.B.6")
def meaning_of_variable(rng: random.Random) -> Problem:
    """Say what the variable in an expression stands for in a situation."""
    who = name(rng)
    v = rng.choice("nhwmx")
    a, b = rng.randint(3, 15), rng.randint(2, 40)
    situations = [
        (
            f"{who} earns ${a} for each hour of babysitting. The expression {a}{v} gives the money {who} earns.",
            f"The number of hours {who} babysits",
            [
                f"The money {who} earns each hour",
                f"The total money {who} earns",
                f"The number of children {who} watches",
            ],
        ),
        (
            f"A plant is {b} cm tall and grows {a} cm each week. The expression {b} + {a}{v} gives its height in cm.",
            "The number of weeks the plant grows",
            ["The height of the plant", "How much the plant grows each week", "The height of the plant at the start"],
        ),
        (
            f"A taxi ride costs ${b} plus ${a} for each mile. The expression {b} + {a}{v} gives the cost of a ride.",
            "The number of miles of the ride",
            ["The cost of each mile", "The cost of the ride", "The starting charge"],
        ),
        (
            f"A team had {b} points and then scored more. The expression {b} + {v} gives its points now.",
            "The number of points the team scored",
            [
                "The number of points the team had at first",
                "The number of points the team has now",
                "The number of games played",
            ],
        ),
    ]
    stem, right, wrong = rng.choice(situations)
    stem += f" What does {v} stand for?"
    hints = (
        "A variable stands for a quantity that can change in the situation.",
        f"Look at what {v} is multiplied by or added to, and what the whole expression gives.",
    )
    steps = [
        f"The numbers in the expression are fixed amounts; {v} is the amount that can change.",
        f"So {v} stands for: **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


def _one_step_values(rng: random.Random, kind: str) -> tuple[Fraction, Fraction]:
    """(the coefficient or addend, the solution), both nonnegative rationals of one kind: whole, decimal or fraction."""
    if kind == "whole":
        return Fraction(rng.randint(2, 40)), Fraction(rng.randint(2, 60))
    if kind == "decimal":
        return (
            Fraction(_random_decimal(rng, 1, 20, rng.choice([1, 2]))),
            Fraction(_random_decimal(rng, 1, 30, rng.choice([1, 2]))),
        )
    addend = _proper_fraction(rng, (2, 3, 4, 5, 6, 8)) + rng.randint(0, 3)
    return addend, _proper_fraction(rng, (2, 3, 4, 6)) + rng.randint(0, 4)


def _q(value: Fraction, kind: str) -> str:
    return decimal_text(value) if kind == "decimal" else _n(value)


@template("6.EE.B.7")
def solve_one_step_equation(rng: random.Random) -> Problem:
    """Solve x + p = q or px = q with nonnegative whole numbers, decimals or fractions."""
    v = rng.choice(_LETTERS)
    kind = rng.choice(["whole", "decimal", "fraction"])
    p, solution = _one_step_values(rng, kind)
    if rng.random() < 0.5:
        q = solution + p
        equation = f"{v} + {_q(p, kind)} = {_q(q, kind)}"
        step = f"Subtract {_q(p, kind)} from both sides: {v} = {_q(q, kind)} {MINUS} {_q(p, kind)}."
        wrong = [q + p, q]
    else:
        # A coefficient a sixth grader multiplies by: a whole number, tenths, or a proper fraction.
        p = {
            "whole": Fraction(rng.randint(2, 12)),
            "decimal": Fraction(_random_decimal(rng, 0, 9, 1)),
            "fraction": _proper_fraction(rng, (2, 3, 4, 5, 6, 8)),
        }[kind]
        if kind == "decimal":
            solution = Fraction(_random_decimal(rng, 1, 40, rng.choice([0, 1])))
        q = solution * p
        shown_p = f"({_q(p, kind)})" if kind == "fraction" else _q(p, kind)
        equation = f"{shown_p}{v} = {_q(q, kind)}"
        step = f"Divide both sides by {_q(p, kind)}: {v} = {_q(q, kind)} {DIVIDE} {_q(p, kind)}."
        wrong = [q * p, p / q if q else None]
    shown = _q(solution, kind)
    stem = f"Solve for {v}: {equation}"
    hints = (
        "Undo the operation on the variable by doing the opposite to both sides.",
        "Addition is undone by subtraction, and multiplication by division.",
    )
    steps = [step, f"{v} = {shown}. Check by putting {shown} back into the equation.", f"So {v} = **{shown}**."]
    return _numeric(stem, solution, hints, steps, wrong, display=shown)


@template("6.EE.B.7")
def equation_story(rng: random.Random) -> Problem:
    """Write and solve a one-step equation for a story with decimals or fractions."""
    who = name(rng)
    story = rng.choice(["notebooks", "pot", "run", "batches"])
    if story == "notebooks":
        count = rng.randint(3, 9)
        each = Decimal(rng.randint(60, 600)) / 100
        total = each * count
        stem = (
            f"{who} buys {count} notebooks that each cost the same. The total is {_money(total)}. "
            "What is the cost of one notebook?"
        )
        steps = [
            f"Let n be the cost of one notebook: {count}n = {_n(total)}.",
            f"n = {_n(total)} {DIVIDE} {count} = {_n(each)}.",
            f"So one notebook costs **{_money(each)}**.",
        ]
        return _numeric(
            stem,
            each,
            (
                "Write an equation: number of notebooks × cost of one = total.",
                "Divide both sides by the number of notebooks.",
            ),
            steps,
            [total * count, total - count],
            display=_money(each),
        )
    if story in ("pot", "run"):
        added, start = _one_step_values(rng, "fraction" if story == "pot" else "decimal")
        kind = "fraction" if story == "pot" else "decimal"
        total = added + start
        if story == "pot":
            stem = (
                f"A pot had some water in it. {who} adds {_q(added, kind)} cups of water, and now it holds "
                f"{_q(total, kind)} cups. How many cups of water were in the pot at first?"
            )
            unit, letter = "cups", "w"
        else:
            stem = (
                f"{who} wants to run {_q(total, kind)} miles this week and has run {_q(added, kind)} miles so far. "
                f"How many more miles does {who} need to run?"
            )
            unit, letter = "miles", "m"
        steps = [
            f"Let {letter} be the unknown amount: {letter} + {_q(added, kind)} = {_q(total, kind)}.",
            f"{letter} = {_q(total, kind)} {MINUS} {_q(added, kind)} = {_q(start, kind)}.",
            f"So the answer is **{_q(start, kind)} {unit}**.",
        ]
        hints = (
            "Write an equation with a letter for the unknown amount.",
            "The unknown plus the part added makes the total; subtract to undo the addition.",
        )
        return _numeric(stem, start, hints, steps, [total + added, total], display=f"{_q(start, kind)} {unit}")
    per_batch = _proper_fraction(rng, (2, 3, 4, 8))
    batches = rng.randint(2, 9)
    used = per_batch * batches
    stem = (
        f"A recipe uses {_n(per_batch)} cup of sugar for each batch. {who} used {_n(used)} cups of sugar. "
        f"How many batches did {who} make?"
    )
    steps = [
        f"Let b be the number of batches: ({_n(per_batch)})b = {_n(used)}.",
        f"b = {_n(used)} {DIVIDE} {_n(per_batch)} = {batches}.",
        f"So {who} made **{batches} batches**.",
    ]
    return _numeric(
        stem,
        batches,
        (
            "Write an equation: sugar per batch × number of batches = sugar used.",
            "Divide both sides by the sugar for one batch.",
        ),
        steps,
        [used * per_batch, used - per_batch],
        unit="batches",
    )


@template("6.EE.B.7")
def equation_for_story(rng: random.Random) -> Problem:
    """Choose the equation of the form x + p = q or px = q that fits a story."""
    who = name(rng)
    p, x = rng.randint(3, 12), rng.randint(4, 30)
    if rng.random() < 0.5:
        q = x + p
        stem = (
            f"{who} had some stickers and got {p} more. Now {who} has {q} stickers. Which equation can be used to "
            "find s, the number of stickers at first?"
        )
        right = f"s + {p} = {q}"
        wrong = [f"s {MINUS} {p} = {q}", f"{p}s = {q}", f"s + {q} = {p}"]
        reason = f"Stickers at first plus the {p} more equals the {q} now."
    else:
        q = x * p
        stem = (
            f"{p} boxes hold the same number of books each, b. There are {q} books in all. Which equation can be "
            "used to find b?"
        )
        right = f"{p}b = {q}"
        wrong = [f"b + {p} = {q}", f"{q}b = {p}", f"b {MINUS} {p} = {q}"]
        reason = f"{p} groups of b books make {q} books."
    hints = (
        "Say the story as a sentence with the unknown in it, then write it with symbols.",
        "Equal groups are multiplication; more added on is addition.",
    )
    steps = [reason, f"So the equation is **{right}**."]
    return _choice(rng, stem, right, wrong, hints, steps)


# (sentence with {c}, the letter and what it stands for, the symbol)
_INEQUALITY_STORIES = (
    ("To ride the roller coaster, a rider must be taller than {c} inches.", "h", "a rider's height in inches", ">"),
    ("Fewer than {c} people may be in the elevator at once.", "p", "the number of people in the elevator", "<"),
    ("All day, the temperature stayed below {c} °F.", "t", "the temperature in °F", "<"),
    ("{name} needs more than {c} points to win the game.", "s", "a winning score", ">"),
    ("A carry-on bag must weigh less than {c} pounds.", "w", "the weight of a carry-on bag in pounds", "<"),
    ("A plant needs more than {c} hours of sunlight each week.", "h", "the hours of sunlight the plant needs", ">"),
)


@template("6.EE.B.8")
def inequality_for_situation(rng: random.Random) -> Problem:
    """Write an inequality x > c or x < c for a condition in a situation."""
    sentence, letter, meaning, symbol = rng.choice(_INEQUALITY_STORIES)
    c = rng.randint(-15, 5) if "temperature" in meaning else rng.randint(8, 60)
    flipped = "<" if symbol == ">" else ">"
    right = f"{letter} {symbol} {_n(c)}"
    wrong = [f"{letter} {flipped} {_n(c)}", f"{letter} = {_n(c)}"]
    stem = (
        f"{sentence.format(c=_n(c), name=name(rng))} Let {letter} be {meaning}. Which inequality shows this condition?"
    )
    hints = (
        '"More than" and "taller than" mean >; "less than", "fewer than" and "below" mean <.',
        "The letter goes first; the symbol points at the smaller side.",
    )
    steps = [
        f"The values of {letter} must be {'greater' if symbol == '>' else 'less'} than {_n(c)}.",
        f"So the inequality is **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.EE.B.8")
def inequality_from_graph(rng: random.Random) -> Problem:
    """Choose the inequality whose solutions a number-line graph shows."""
    c = rng.choice([v for v in range(-9, 10) if v])
    rightward = rng.random() < 0.5
    options = [f"x > {_n(c)}", f"x < {_n(c)}", f"x > {_n(-c)}", f"x < {_n(-c)}"]
    right = options[0] if rightward else options[1]
    stem = "Which inequality do the solutions on the number line show?"
    hints = (
        "The open circle marks the boundary number, which is not a solution itself.",
        "The thick part with the arrow shows every solution: to the right means greater.",
    )
    side, size = ("right", "greater") if rightward else ("left", "less")
    steps = [
        f"The open circle is at {_n(c)}.",
        f"The shading goes to the {side}: every number {size} than {_n(c)}.",
        f"So the inequality is **{right}**.",
    ]
    wrong = [option for option in options if option != right]
    return _choice(rng, stem, right, wrong, hints, steps, figure=_inequality_graph(c, rightward=rightward))


@template("6.EE.B.8")
def solutions_of_inequality(rng: random.Random) -> Problem:
    """Recognize that x > c or x < c has infinitely many solutions, and pick one of them."""
    v = rng.choice(_LETTERS)
    c = Fraction(rng.randint(3, 30), rng.choice([1, 2]))
    symbol = rng.choice("<>")
    inequality = f"{v} {symbol} {_n(c)}"
    if rng.random() < 0.4:
        who = name(rng)
        guess = c + 1 if symbol == ">" else c - 1
        right = "It has infinitely many solutions."
        options = [
            "It has no solutions.",
            f"It has exactly one solution, {_n(guess)}.",
            f"It has exactly {_n(c)} solutions.",
            right,
        ]
        stem = f"{who} says {inequality} has only one solution. How many solutions does {inequality} have?"
        steps = [
            f"Every number {'greater' if symbol == '>' else 'less'} than {_n(c)} makes {inequality} true, for "
            f"example {_n(guess)}, {_n(guess + (1 if symbol == '>' else -1) / Fraction(2))} and "
            f"{_n(c + 100 if symbol == '>' else Fraction(-10))}.",
            f"There is no end to such numbers. So the answer is: **{right}**",
        ]
        hints = (
            "Try several numbers. Does more than one make the inequality true?",
            "Fractions and decimals can be solutions too.",
        )
        return _choice(rng, stem, right, options, hints, steps, keep_order=True)
    step = Fraction(rng.choice([1, 2, 3]), rng.choice([1, 2]))
    good = c + step if symbol == ">" else c - step
    bad = [c, c - step if symbol == ">" else c + step, c - 2 * step if symbol == ">" else c + 2 * step]
    right = _n(good)
    stem = f"Which number is a solution of {inequality}?"
    hints = (
        f"A solution makes the inequality true when you put it in place of {v}.",
        f"{_n(c)} itself is not a solution, because {_n(c)} {symbol} {_n(c)} is false.",
    )
    steps = [f"{_n(good)} {symbol} {_n(c)} is true.", f"So **{right}** is a solution."]
    return _choice(rng, stem, right, [_n(b) for b in bad], hints, steps)


# (independent name and letter, dependent name and letter, multiplicative or additive, range of the constant)
_RELATIONSHIPS = (
    (("Hours", "t"), ("Distance in miles", "d"), "times", (30, 70)),
    (("Number of tickets", "n"), ("Cost in dollars", "c"), "times", (4, 15)),
    (("Weeks", "w"), ("Savings in dollars", "s"), "times", (5, 25)),
    (("Ava's age in years", "a"), ("Ben's age in years", "b"), "plus", (2, 9)),
    (("Minutes", "m"), ("Pages read", "p"), "times", (2, 4)),
    (("Number of laps", "l"), ("Number of minutes", "m"), "times", (3, 8)),
)


@template("6.EE.C.9")
def equation_from_table(rng: random.Random) -> Problem:
    """Choose the equation giving the dependent variable in terms of the independent one, from a table."""
    (x_name, x), (y_name, y), kind, (low, high) = rng.choice(_RELATIONSHIPS)
    k = rng.randint(low, high)
    xs = sorted(rng.sample(range(1, 13), 4))
    rows = [[value, value * k if kind == "times" else value + k] for value in xs]
    if kind == "times":
        right, wrong = f"{y} = {k}{x}", [f"{x} = {k}{y}", f"{y} = {x} + {k}", f"{y} = {k} + {k}{x}"]
        reason = f"Each value of {y} is {k} times the value of {x} in the same row."
    else:
        right, wrong = f"{y} = {x} + {k}", [f"{y} = {k}{x}", f"{x} = {y} + {k}", f"{y} = {x} {MINUS} {k}"]
        reason = f"Each value of {y} is {k} more than the value of {x} in the same row."
    stem = (
        f"The table shows how {y_name.lower()} ({y}) depends on {x_name.lower()} ({x}).\n\n"
        f"{_table([f'{x_name}, {x}', f'{y_name}, {y}'], rows)}\n\nWhich equation shows the relationship?"
    )
    hints = (
        f"Compare each {y} value with its {x} value: is it always a number times {x}, or {x} plus a number?",
        f"The dependent variable, {y}, goes alone on one side of the equation.",
    )
    steps = [reason, f"Check one row: {rows[0][0]} gives {rows[0][1]}.", f"So the equation is **{right}**."]
    return _choice(rng, stem, right, wrong, hints, steps)


# (situation, dependent quantity, independent quantity, the fixed amount)
_VARIABLE_SITUATIONS = (
    (
        "{name} earns $12 for each hour of work.",
        "The money {name} earns",
        "The number of hours {name} works",
        "The $12 earned each hour",
    ),
    (
        "A car travels at a steady 55 miles per hour.",
        "The distance the car travels",
        "The time the car travels",
        "The speed of 55 miles per hour",
    ),
    (
        "Apples cost $2 per pound at a market.",
        "The cost of the apples",
        "The number of pounds of apples bought",
        "The price of $2 per pound",
    ),
    (
        "A pool is filled with water at 30 gallons per minute.",
        "The amount of water in the pool",
        "The number of minutes the water runs",
        "The rate of 30 gallons per minute",
    ),
    (
        "{name} reads 20 pages each day.",
        "The total number of pages {name} has read",
        "The number of days {name} reads",
        "The 20 pages read each day",
    ),
)


@template("6.EE.C.9", difficulty=INTRODUCTORY)
def dependent_and_independent(rng: random.Random) -> Problem:
    """Identify the dependent or the independent variable in a situation."""
    who = name(rng)
    situation, dependent, independent, fixed = (text.format(name=who) for text in rng.choice(_VARIABLE_SITUATIONS))
    ask_dependent = rng.random() < 0.5
    right = dependent if ask_dependent else independent
    wrong = [independent if ask_dependent else dependent, fixed]
    which = "dependent" if ask_dependent else "independent"
    stem = f"{situation} Which quantity is the {which} variable?"
    hints = (
        "The dependent variable depends on the other one: it changes because the other changes.",
        "A fixed rate does not change, so it is not a variable.",
    )
    steps = [
        f"{dependent} depends on {independent[0].lower() + independent[1:]}.",
        f"So the {which} variable is: **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


# (who does what at a constant rate, the dependent quantity and its letter, the independent one and its letter)
_GRAPHED_RATES = (
    ("A printer prints pages at a constant rate.", ("pages printed", "p"), ("minutes", "m")),
    ("{name} saves the same amount of money each week.", ("dollars saved", "d"), ("weeks", "w")),
    ("A pump fills a tank at a constant rate.", ("gallons in the tank", "g"), ("minutes", "m")),
    ("{name} reads the same number of pages each day.", ("pages read", "p"), ("days", "t")),
)


@template("6.EE.C.9")
def relationship_from_graph(rng: random.Random) -> Problem:
    """Read a constant rate from a graph, write its equation and use it beyond the graph."""
    who = name(rng)
    situation, (y_name, y), (x_name, x) = rng.choice(_GRAPHED_RATES)
    k = rng.randint(2, 4)
    later = rng.randint(7, 15)
    points = [("", t, k * t) for t in range(1, 5)]
    figure = _plane(points, x_range=(0, 5), y_range=(0, 5 * k))
    stem = (
        f"{situation.format(name=who)} The graph shows the {y_name}, {y}, after {x} {x_name} ({x} across, {y} up). "
        f"Write an equation for {y} in terms of {x}, then find {y} when {x} = {later}."
    )
    hints = (
        f"Find the value of {y} when {x} = 1 on the graph: that is the unit rate.",
        f"Each point's {y} is the same number times its {x}.",
    )
    value = k * later
    steps = [
        f"The point (1, {k}) shows {y} = {k} when {x} = 1, and (2, {2 * k}) shows {y} = {2 * k} when {x} = 2.",
        f"So {y} = {k}{x}.",
        f"When {x} = {later}: {y} = {k} {TIMES} {later} = {value}.",
        f"So {y} = **{value}**.",
    ]
    return _numeric(stem, value, hints, steps, [later + k, k * (later - 1), 4 * k + later], figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 6.G Geometry: area, volume, polygons in the coordinate plane, nets and surface area

_LENGTH_UNITS = ("cm", "in", "m", "ft")
_UNIT_NAMES = {"cm": "centimeters", "in": "inches", "m": "meters", "ft": "feet"}
_UNIT_NAME = {"cm": "centimeter", "in": "inch", "m": "meter", "ft": "foot"}


def _measure(value: Fraction | int, unit: str) -> str:
    """A length in words for a stem: "2 1/2 inches", "1/2 inch" (the figures use the short forms)."""
    return f"{_n(Fraction(value))} {_UNIT_NAME[unit] if value <= 1 else _UNIT_NAMES[unit]}"


# Right triangles with whole sides (leg, leg, hypotenuse): a slanted side then has a true whole-number length.
_TRIPLES = ((3, 4, 5), (4, 3, 5), (6, 8, 10), (8, 6, 10), (5, 12, 13), (12, 5, 13), (9, 12, 15), (12, 9, 15))


def _d(value: Fraction | int) -> str:
    """A measure: a terminating decimal ("17.5") when it is one, otherwise a mixed number."""
    value = Fraction(value)
    try:
        return decimal_text(value)
    except ValueError:
        return mixed(value)


def _area_answer(stem: str, area: Fraction, unit: str, hints, steps, wrong, figure: str) -> Problem:
    shown = f"{_d(area)} square {_UNIT_NAMES[unit]}"
    return _numeric(stem, area, hints, [*steps, f"So the area is **{shown}**."], wrong, display=shown, figure=figure)


@template("6.G.A.1", difficulty=INTRODUCTORY)
def right_triangle_area(rng: random.Random) -> Problem:
    """Find the area of a right triangle from its legs."""
    unit = rng.choice(_LENGTH_UNITS)
    base, height = rng.sample(range(3, 21), 2)
    figure = _flat_shape(
        [(0, 0), (base, 0), (0, height)],
        side_labels=[f"{base} {unit}", "", f"{height} {unit}"],
        right_angles=[((0, 0), (base, 0), (0, height))],
        label=f"A right triangle with legs {base} {unit} and {height} {unit}",
    )
    area = Fraction(base * height, 2)
    stem = "What is the area of the right triangle?"
    hints = (
        "A right triangle is half of a rectangle with the same two legs as its sides.",
        "Area of a triangle = 1/2 × base × height; the legs are a base and its height.",
    )
    steps = [
        f"The triangle is half of a {base} by {height} rectangle, which has an area of {base * height} square "
        f"{_UNIT_NAMES[unit]}.",
        f"1/2 {TIMES} {base} {TIMES} {height} = {_d(area)}.",
    ]
    return _area_answer(stem, area, unit, hints, steps, [base * height, base + height], figure)


@template("6.G.A.1")
def triangle_area_with_height(rng: random.Random) -> Problem:
    """Find the area of a triangle given its base and height (the height inside or outside the triangle)."""
    unit = rng.choice(_LENGTH_UNITS)
    offset, height, slant = rng.choice(_TRIPLES)
    obtuse = rng.random() < 0.35
    if obtuse:
        base = rng.randint(3, 14)
        apex = base + offset
        points = [(0, 0), (base, 0), (apex, height)]
        labels = [f"{base} {unit}", f"{slant} {unit}", ""]
        guide = [((base, 0), (apex, 0))]
        corner = ((apex, 0), (apex, height), (base, 0))
    else:
        base = rng.randint(offset + 2, offset + 14)
        apex = offset
        points = [(0, 0), (base, 0), (apex, height)]
        labels = [f"{base} {unit}", "", f"{slant} {unit}"]
        guide = []
        corner = ((apex, 0), (apex, height), (base, 0))
    figure = _flat_shape(
        points,
        side_labels=labels,
        dashed=[((apex, height), (apex, 0), f"{height} {unit}")],
        right_angles=[corner],
        extra_dashed=guide,
        label=f"A triangle with a base of {base} {unit}, a slanted side of {slant} {unit}, and a "
        f"dashed height of {height} {unit} drawn to the base"
        + (" line, extended outside the triangle" if obtuse else ""),
    )
    area = Fraction(base * height, 2)
    stem = "What is the area of the triangle?"
    hints = (
        "Area of a triangle = 1/2 × base × height.",
        "The height is the dashed segment that meets the base line at a right angle, not the slanted side.",
    )
    steps = [
        f"The base is {_measure(base, unit)} and the height is {_measure(height, unit)}.",
        f"1/2 {TIMES} {base} {TIMES} {height} = {_d(area)}.",
    ]
    return _area_answer(stem, area, unit, hints, steps, [base * height, Fraction(base * slant, 2)], figure)


@template("6.G.A.1")
def parallelogram_area(rng: random.Random) -> Problem:
    """Find the area of a parallelogram from its base and height (a slanted side given too)."""
    unit = rng.choice(_LENGTH_UNITS)
    offset, height, slant = rng.choice(_TRIPLES)
    base = rng.randint(offset + 2, offset + 12)
    points = [(0, 0), (base, 0), (base + offset, height), (offset, height)]
    figure = _flat_shape(
        points,
        side_labels=[f"{base} {unit}", f"{slant} {unit}", "", ""],
        dashed=[((offset, height), (offset, 0), f"{height} {unit}")],
        right_angles=[((offset, 0), (offset, height), (0, 0))],
        label=f"A parallelogram with a base of {base} {unit}, slanted sides of {slant} {unit}, and a "
        f"dashed height of {height} {unit}",
    )
    area = Fraction(base * height)
    stem = "What is the area of the parallelogram?"
    hints = (
        "Cut off the triangle on one end and move it to the other end: the parallelogram becomes a rectangle.",
        "Area of a parallelogram = base × height, where the height meets the base at a right angle.",
    )
    steps = [
        f"Moving the triangle makes a rectangle {_measure(base, unit)} by {_measure(height, unit)}.",
        f"{base} {TIMES} {height} = {base * height}.",
    ]
    return _area_answer(stem, area, unit, hints, steps, [base * slant, Fraction(base * height, 2)], figure)


@template("6.G.A.1")
def trapezoid_area(rng: random.Random) -> Problem:
    """Find the area of a trapezoid by splitting it into triangles."""
    unit = rng.choice(_LENGTH_UNITS)
    top = rng.randint(3, 12)
    bottom = top + rng.randint(2, 10)
    height = rng.randint(3, 12)
    offset = rng.randint(1, bottom - top)
    points = [(0, 0), (bottom, 0), (offset + top, height), (offset, height)]
    figure = _flat_shape(
        points,
        side_labels=[f"{bottom} {unit}", "", f"{top} {unit}", ""],
        dashed=[((offset, height), (offset, 0), f"{height} {unit}")],
        right_angles=[((offset, 0), (offset, height), (bottom, 0))],
        label=f"A trapezoid with parallel sides of {bottom} {unit} and {top} {unit} and a dashed "
        f"height of {height} {unit}",
    )
    area = Fraction((top + bottom) * height, 2)
    stem = "What is the area of the trapezoid?"
    hints = (
        "Draw a diagonal to split the trapezoid into two triangles with the same height.",
        "One triangle has the bottom side as its base, the other the top side.",
    )
    lower, upper = Fraction(bottom * height, 2), Fraction(top * height, 2)
    steps = [
        f"Triangle on the bottom side: 1/2 {TIMES} {bottom} {TIMES} {height} = {_d(lower)}.",
        f"Triangle on the top side: 1/2 {TIMES} {top} {TIMES} {height} = {_d(upper)}.",
        f"Add: {_d(lower)} + {_d(upper)} = {_d(area)}.",
    ]
    return _area_answer(
        stem, area, unit, hints, steps, [(top + bottom) * height, bottom * height, top * bottom], figure
    )


@template("6.G.A.1")
def composite_area(rng: random.Random) -> Problem:
    """Find the area of an L-shaped floor or a house-shaped wall by splitting it into rectangles and triangles."""
    unit = rng.choice(("m", "ft"))
    who = name(rng)
    if rng.random() < 0.5:
        width, height = rng.randint(8, 20), rng.randint(6, 16)
        cut_w, cut_h = rng.randint(2, width - 3), rng.randint(2, height - 3)
        points = [
            (0, 0),
            (width, 0),
            (width, height - cut_h),
            (width - cut_w, height - cut_h),
            (width - cut_w, height),
            (0, height),
        ]
        labels = [
            f"{width} {unit}",
            f"{height - cut_h} {unit}",
            f"{cut_w} {unit}",
            f"{cut_h} {unit}",
            f"{width - cut_w} {unit}",
            f"{height} {unit}",
        ]
        corners = [(points[i], points[i - 1], points[(i + 1) % 6]) for i in (0, 1, 5)]
        figure = _flat_shape(
            points,
            side_labels=labels,
            right_angles=corners,
            label="An L-shaped figure with all right angles. Going around from the bottom: " + ", ".join(labels),
        )
        area = Fraction(width * height - cut_w * cut_h)
        stem = f"{who} is buying carpet for an L-shaped room. What is the area of the floor?"
        steps = [
            f"Think of a {width} by {height} rectangle with a {cut_w} by {cut_h} corner missing.",
            f"Big rectangle: {width} {TIMES} {height} = {width * height}.",
            f"Missing corner: {cut_w} {TIMES} {cut_h} = {cut_w * cut_h}.",
            f"{width * height} {MINUS} {cut_w * cut_h} = {_d(area)}.",
        ]
        wrong = [width * height, 2 * (width + height), width * height + cut_w * cut_h]
    else:
        width, height, roof = rng.choice(range(4, 17, 2)), rng.randint(3, 10), rng.randint(2, 8)
        points = [(0, 0), (width, 0), (width, height), (width / 2, height + roof), (0, height)]
        figure = _flat_shape(
            points,
            side_labels=[f"{width} {unit}", f"{height} {unit}", "", "", ""],
            dashed=[((width / 2, height + roof), (width / 2, height), f"{roof} {unit}")],
            right_angles=[((0, 0), (width, 0), (0, height)), ((width, 0), (width, height), (0, 0))],
            label=f"A wall shaped like a rectangle {width} {unit} wide and {height} {unit} tall with "
            f"a triangle on top whose dashed height is {roof} {unit}",
        )
        area = Fraction(width * height) + Fraction(width * roof, 2)
        stem = f"{who} is painting the end wall of a shed. What is the area of the wall?"
        steps = [
            f"Rectangle: {width} {TIMES} {height} = {width * height}.",
            f"Triangle: 1/2 {TIMES} {width} {TIMES} {roof} = {_d(Fraction(width * roof, 2))}.",
            f"Add: {width * height} + {_d(Fraction(width * roof, 2))} = {_d(area)}.",
        ]
        wrong = [width * height + width * roof, width * (height + roof), width * height]
    hints = (
        "Split the shape into rectangles and triangles you know how to measure.",
        "Find each part's area, then add (or subtract a missing piece).",
    )
    return _area_answer(stem, area, unit, hints, steps, wrong, figure)


_FRACTIONAL_EDGES = tuple(sorted({Fraction(n, d) for d in (2, 3, 4) for n in range(1, 4 * d) if n % d}))


@template("6.G.A.2")
def prism_volume(rng: random.Random) -> Problem:
    """Find the volume of a right rectangular prism with fractional edge lengths."""
    unit = rng.choice(("in", "ft", "cm"))
    length = rng.choice(_FRACTIONAL_EDGES)
    alike = [e for e in _FRACTIONAL_EDGES if e.denominator == length.denominator]
    width = rng.choice([*alike, Fraction(2), Fraction(3)])
    halves = [e for e in _FRACTIONAL_EDGES if e.denominator == 2]
    height = Fraction(rng.randint(2, 6)) if rng.random() < 0.7 else rng.choice(halves)
    volume = length * width * height
    figure = figures.prism(f"{_n(length)} {unit}", f"{_n(width)} {unit}", f"{_n(height)} {unit}")
    stem = "What is the volume of the rectangular prism?"
    hints = (
        "Volume = length × width × height, also for fractional edge lengths.",
        "Write mixed numbers as fractions before you multiply.",
    )
    steps = [
        f"V = {_n(length)} {TIMES} {_n(width)} {TIMES} {_n(height)}.",
        f"As fractions: {number_text(length)} {TIMES} {number_text(width)} {TIMES} {number_text(height)} "
        f"= {number_text(volume)}.",
        f"So the volume is **{_n(volume)} cubic {_UNIT_NAMES[unit]}**.",
    ]
    return _numeric(
        stem,
        volume,
        hints,
        steps,
        [length + width + height, length * width],
        unit=f"cubic {_UNIT_NAMES[unit]}",
        figure=figure,
    )


@template("6.G.A.2")
def pack_with_unit_cubes(rng: random.Random) -> Problem:
    """Count the unit-fraction cubes that pack a prism, or use them to find its volume."""
    unit = rng.choice(("in", "ft", "cm"))
    denominator = rng.choice([2, 2, 3, 4])
    edge = Fraction(1, denominator)
    counts = [rng.randint(2, 8) for _ in range(3)]
    length, width, height = (edge * count for count in counts)
    cubes = counts[0] * counts[1] * counts[2]
    volume = length * width * height
    figure = figures.prism(f"{_n(length)} {unit}", f"{_n(width)} {unit}", f"{_n(height)} {unit}")
    fill = f"How many cubes with edges {_measure(edge, unit)} long are needed to fill the box?"
    along = (
        f"Along the length: {_n(length)} {DIVIDE} {_n(edge)} = {counts[0]} cubes; along the width: {counts[1]}; "
        f"along the height: {counts[2]}."
    )
    if rng.random() < 0.5:
        stem = f"A box is shaped like the rectangular prism. {fill}"
        steps = [
            along,
            f"{counts[0]} {TIMES} {counts[1]} {TIMES} {counts[2]} = {cubes}.",
            f"So **{cubes} cubes** fill the box.",
        ]
        value, unit_text, wrong = cubes, "cubes", [volume, cubes * edge, counts[0] + counts[1] + counts[2]]
    else:
        cube = f"{number_text(edge**3)} cubic {_UNIT_NAMES[unit]}"
        stem = (
            f"A box shaped like the rectangular prism is packed with cubes with edges {_measure(edge, unit)} long. "
            f"Each cube has a volume of {cube}. What is the volume of the box?"
        )
        steps = [
            along,
            f"That is {cubes} cubes, each {cube}: {cubes} {TIMES} {number_text(edge**3)} = {_n(volume)}.",
            f"Check: {_n(length)} {TIMES} {_n(width)} {TIMES} {_n(height)} = {_n(volume)}.",
            f"So the volume is **{_n(volume)} cubic {_UNIT_NAMES[unit]}**.",
        ]
        value, unit_text, wrong = volume, f"cubic {_UNIT_NAMES[unit]}", [cubes, volume * denominator]
    hints = (
        "Find how many of the small cubes fit along each edge.",
        "Multiply the three counts to get the number of cubes.",
    )
    return _numeric(stem, value, hints, steps, wrong, unit=unit_text, figure=figure)


@template("6.G.A.2", difficulty=STRETCH)
def prism_missing_edge(rng: random.Random) -> Problem:
    """Use V = l w h (or V = B h) to find a missing edge of a prism, with fractions."""
    unit = rng.choice(("in", "ft", "m"))
    who = name(rng)
    length = rng.choice(_FRACTIONAL_EDGES)
    width = Fraction(rng.randint(2, 6))
    height = rng.choice(_FRACTIONAL_EDGES + (Fraction(2), Fraction(3)))
    base = length * width
    volume = base * height
    figure = figures.prism(
        f"{_n(length)} {unit}",
        f"{_n(width)} {unit}",
        f"h {unit}",
        label=f"A rectangular prism: length {_n(length)} {unit}, width {_n(width)} {unit}, height unknown (h)",
    )
    stem = (
        f"{who}'s planter box is a rectangular prism with a volume of {_n(volume)} cubic {_UNIT_NAMES[unit]}. Its "
        f"base is {_measure(length, unit)} by {_measure(width, unit)}. How tall is it?"
    )
    hints = ("V = B × h, where B is the area of the base.", "Find B first, then divide the volume by B.")
    steps = [
        f"B = {_n(length)} {TIMES} {_n(width)} = {_n(base)} square {_UNIT_NAMES[unit]}.",
        f"h = V {DIVIDE} B = {_n(volume)} {DIVIDE} {_n(base)} = {_n(height)}.",
        f"So the box is **{_measure(height, unit)}** tall.",
    ]
    return _numeric(
        stem, height, hints, steps, [volume * base, volume / length], display=_measure(height, unit), figure=figure
    )


@template("6.G.A.2")
def volume_from_base_area(rng: random.Random) -> Problem:
    """Use V = B h for a prism-shaped container whose base area and height are fractions."""
    unit = "ft"
    base = Fraction(rng.randint(2, 12)) + rng.choice([Fraction(1, 2), Fraction(1, 4), Fraction(3, 4)])
    height = Fraction(rng.randint(1, 3)) + rng.choice([Fraction(0), Fraction(1, 2), Fraction(1, 3)])
    volume = base * height
    thing = rng.choice(["fish tank", "sandbox", "storage bin", "raised garden bed"])
    stem = (
        f"A {thing} is a rectangular prism. Its base has an area of {_n(base)} square {_UNIT_NAMES[unit]}, and it "
        f"is {_measure(height, unit)} tall. What is its volume?"
    )
    figure = figures.prism(
        "",
        "",
        f"{_n(height)} {unit}",
        label=f"A rectangular prism {_n(height)} {unit} tall; its base has an area of "
        f"{_n(base)} square {_UNIT_NAMES[unit]}",
    )
    hints = ("V = B × h: the area of the base times the height.", "Write the mixed numbers as fractions to multiply.")
    steps = [
        f"V = {_n(base)} {TIMES} {_n(height)} = {number_text(base)} {TIMES} {number_text(height)} "
        f"= {number_text(volume)}.",
        f"So the volume is **{_n(volume)} cubic {_UNIT_NAMES[unit]}**.",
    ]
    return _numeric(
        stem, volume, hints, steps, [base + height, base * height * 2], unit=f"cubic {_UNIT_NAMES[unit]}", figure=figure
    )


def _rectangle_on_plane(rng: random.Random) -> tuple[int, int, int, int]:
    """Opposite corners (x1, y1), (x2, y2) of a rectangle that crosses at least one axis."""
    while True:
        x1, x2 = sorted(rng.sample(range(-8, 9), 2))
        y1, y2 = sorted(rng.sample(range(-8, 9), 2))
        if (x1 < 0 < x2 or y1 < 0 < y2) and x2 - x1 >= 2 and y2 - y1 >= 2:
            return x1, y1, x2, y2


@template("6.G.A.3")
def side_length_on_plane(rng: random.Random) -> Problem:
    """Find the length of a polygon's side from the coordinates of its endpoints."""
    x1, y1, x2, y2 = _rectangle_on_plane(rng)
    if rng.random() < 0.5:
        points = [("A", x1, y1), ("B", x2, y1), ("C", x2, y2), ("D", x1, y2)]
        shape = "rectangle ABCD"
    else:
        points = [("A", x1, y1), ("B", x2, y1), ("C", x1, y2)]
        shape = "right triangle ABC"
    (_, ax, ay), (_, bx, by) = rng.sample(points[:2] if rng.random() < 0.5 else [points[0], points[-1]], 2)
    first = next(letter for letter, x, y in points if (x, y) == (ax, ay))
    second = next(letter for letter, x, y in points if (x, y) == (bx, by))
    steps, length = _distance_steps((ax, ay), (bx, by), (first, second))
    listed = ", ".join(f"{letter}{_point(x, y)}" for letter, x, y in points)
    stem = f"The vertices of {shape} are {listed}. How long is side {first}{second}?"
    figure = _plane(points, x_range=(-9, 9), y_range=(-9, 9), polygon=True)
    hints = (
        f"{first} and {second} share one coordinate; the length is the difference in the other one.",
        "If the endpoints are on opposite sides of an axis, add their distances from that axis.",
    )
    a, b = (ay, by) if ax == bx else (ax, bx)
    return _numeric(
        stem,
        length,
        hints,
        [*steps, f"So side {first}{second} is **{length} units** long."],
        [abs(abs(a) - abs(b)), abs(a) + abs(b) + 1],
        unit="units",
        figure=figure,
    )


@template("6.G.A.3")
def rectangle_on_plane(rng: random.Random) -> Problem:
    """Find the perimeter or area of a rectangle drawn from coordinates (a fence or a garden)."""
    x1, y1, x2, y2 = _rectangle_on_plane(rng)
    width, height = x2 - x1, y2 - y1
    points = [("A", x1, y1), ("B", x2, y1), ("C", x2, y2), ("D", x1, y2)]
    figure = _plane(points, x_range=(-9, 9), y_range=(-9, 9), polygon=True)
    listed = ", ".join(f"{letter}{_point(x, y)}" for letter, x, y in points)
    base = [
        f"AB runs from x = {_n(x1)} to x = {_n(x2)}: {width} units.",
        f"BC runs from y = {_n(y1)} to y = {_n(y2)}: {height} units.",
    ]
    if rng.random() < 0.5:
        value = 2 * (width + height)
        stem = (
            f"A garden on a map has corners {listed}. Each unit is 1 meter. How many meters of fence go all the "
            "way around it?"
        )
        steps = [*base, f"Perimeter: 2 {TIMES} ({width} + {height}) = {value}.", f"So **{value} meters** of fence."]
        wrong, unit = [width * height, width + height], "meters"
    else:
        value = width * height
        stem = f"A garden on a map has corners {listed}. Each unit is 1 meter. What is its area in square meters?"
        steps = [*base, f"Area: {width} {TIMES} {height} = {value}.", f"So the area is **{value} square meters**."]
        wrong, unit = [2 * (width + height), width + height], "square meters"
    hints = (
        "Find the length and width from the coordinates of the corners.",
        "Corners on opposite sides of an axis: add their distances from it.",
    )
    return _numeric(stem, value, hints, steps, wrong, unit=unit, figure=figure)


@template("6.G.A.3")
def fourth_vertex(rng: random.Random) -> Problem:
    """Find the missing vertex of a rectangle drawn in the coordinate plane."""
    x1, y1, x2, y2 = _rectangle_on_plane(rng)
    corners = [(x1, y1), (x2, y1), (x2, y2), (x1, y2)]
    missing = rng.randrange(4)
    shown = [corners[(missing + k) % 4] for k in (1, 2, 3)]
    mx, my = corners[missing]
    points = [(letter, x, y) for letter, (x, y) in zip("ABC", shown)]
    right = _point(mx, my)
    wrong = _pick_wrong(right, [_point(my, mx), _point(-mx, my), _point(mx, -my), _point(-mx, -my)])
    listed = ", ".join(f"{letter}{_point(x, y)}" for letter, x, y in points)
    stem = f"Three vertices of a rectangle are {listed}. What are the coordinates of the fourth vertex, D?"
    hints = (
        "In a rectangle drawn on the grid, the sides are horizontal and vertical.",
        "The fourth vertex shares its x-coordinate with one vertex and its y-coordinate with another.",
    )
    steps = [
        f"D lines up vertically with the vertex whose x-coordinate is {_n(mx)}, and horizontally with the "
        f"vertex whose y-coordinate is {_n(my)}.",
        f"So D is at **{right}**.",
    ]
    figure = _plane(points, x_range=(-9, 9), y_range=(-9, 9))
    return _choice(rng, stem, right, wrong, hints, steps, figure=figure)


def _surface_area_steps(length: int, width: int, height: int, unit: str) -> tuple[list[str], int]:
    top, front, side = length * width, length * height, width * height
    total = 2 * (top + front + side)
    return [
        f"Top and bottom: 2 {TIMES} ({length} {TIMES} {width}) = {2 * top}.",
        f"Front and back: 2 {TIMES} ({length} {TIMES} {height}) = {2 * front}.",
        f"Two ends: 2 {TIMES} ({width} {TIMES} {height}) = {2 * side}.",
        f"Add: {2 * top} + {2 * front} + {2 * side} = {total}.",
        f"So the surface area is **{total} square {_UNIT_NAMES[unit]}**.",
    ], total


@template("6.G.A.4")
def surface_area_from_net(rng: random.Random) -> Problem:
    """Use the net of a rectangular prism to find its surface area."""
    unit = rng.choice(("cm", "in"))
    length, width, height = rng.randint(3, 12), rng.randint(2, 8), rng.randint(2, 9)
    steps, total = _surface_area_steps(length, width, height, unit)
    stem = "The net folds into a rectangular prism. What is the surface area of the prism?"
    hints = (
        "The surface area is the total area of all 6 rectangles in the net.",
        "The rectangles come in matching pairs: find one of each pair, then double.",
    )
    return _numeric(
        stem,
        total,
        hints,
        steps,
        [length * width * height, total // 2, length * width * 6],
        unit=f"square {_UNIT_NAMES[unit]}",
        figure=_prism_net(length, width, height, unit),
    )


@template("6.G.A.4")
def wrap_a_box(rng: random.Random) -> Problem:
    """Find the surface area of a box in a real-world problem (wrapping paper, paint)."""
    unit = rng.choice(("cm", "in", "ft"))
    length, width, height = rng.randint(3, 14), rng.randint(2, 10), rng.randint(1, 9)
    if length == width == height:
        length += 1
    steps, total = _surface_area_steps(length, width, height, unit)
    who = name(rng)
    stem = rng.choice(
        [
            f"{who} wants to cover a gift box with paper, with no overlaps. How much paper covers the whole box?",
            f"{who} is painting every face of a wooden block shaped like this prism. What area will {who} paint?",
        ]
    )
    hints = ("Picture the net of the box: 6 rectangles in 3 matching pairs.", "Add the areas of all 6 faces.")
    figure = figures.prism(f"{length} {unit}", f"{width} {unit}", f"{height} {unit}")
    return _numeric(
        stem,
        total,
        hints,
        steps,
        [length * width * height, total // 2],
        unit=f"square {_UNIT_NAMES[unit]}",
        figure=figure,
    )


@template("6.G.A.4")
def pyramid_surface_area(rng: random.Random) -> Problem:
    """Use the net of a square pyramid (a square and four triangles) to find its surface area."""
    unit = rng.choice(("cm", "in", "m"))
    side, slant = rng.randint(2, 12), rng.randint(3, 14)
    square, triangle = side * side, Fraction(side * slant, 2)
    total = square + 4 * triangle
    stem = "The net folds into a square pyramid. What is the surface area of the pyramid?"
    hints = ("The net has a square base and 4 identical triangles.", "Area of each triangle = 1/2 × base × height.")
    steps = [
        f"Square: {side} {TIMES} {side} = {square}.",
        f"Each triangle: 1/2 {TIMES} {side} {TIMES} {slant} = {_d(triangle)}; four of them: {_d(4 * triangle)}.",
        f"Add: {square} + {_d(4 * triangle)} = {_d(total)}.",
        f"So the surface area is **{_d(total)} square {_UNIT_NAMES[unit]}**.",
    ]
    return _numeric(
        stem,
        total,
        hints,
        steps,
        [square + 4 * side * slant, 4 * triangle, square + triangle],
        display=f"{_d(total)} square {_UNIT_NAMES[unit]}",
        figure=_pyramid_net(side, slant, unit),
    )


@template("6.G.A.4", difficulty=INTRODUCTORY)
def solid_from_net(rng: random.Random) -> Problem:
    """Name the solid a net folds into."""
    kind = rng.choice(["box", "cube", "triangular", "pyramid"])
    options = ["Rectangular prism", "Cube", "Triangular prism", "Square pyramid"]
    if kind == "box":
        length, width, height = rng.sample(range(2, 9), 3)
        unit = rng.choice(("cm", "in"))
        figure = _relabel(
            _prism_net(length, width, height, unit),
            f"A net made of 6 rectangles in 3 matching pairs: 2 are {length} {unit} by {width} {unit}, 2 "
            f"are {length} {unit} by {height} {unit} and 2 are {width} {unit} by {height} {unit}",
        )
        right, reason = options[0], "6 rectangles in 3 matching pairs, not all squares"
    elif kind == "cube":
        side = rng.randint(2, 9)
        figure = _relabel(_prism_net(side, side, side, "cm"), f"A net made of 6 squares, each {side} cm on a side")
        right, reason = options[1], "6 equal squares"
    elif kind == "triangular":
        figure, right, reason = _triangular_prism_net(), options[2], "2 triangles and 3 rectangles"
    else:
        figure, right = _square_pyramid_picture_net(), options[3]
        reason = "1 square and 4 triangles that meet at a point"
    stem = "Which solid does this net fold into?"
    hints = (
        "Count the faces of the net and name their shapes.",
        "Prisms have two matching bases joined by rectangles; a pyramid's triangles meet at one point.",
    )
    steps = [f"The net has {reason}.", f"So it folds into this solid: **{right}**."]
    return _choice(rng, stem, right, options, hints, steps, keep_order=True, figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 6.SP Statistics: statistical questions, distributions, measures, displays

# (topic, statistical questions, questions with a single answer)
_QUESTION_TOPICS = (
    (
        "sleep",
        ["How many hours of sleep do the students in my class get on a school night?"],
        [
            "How many hours did {name} sleep last night?",
            "What time does our school day start?",
            "How many hours are in one day?",
        ],
    ),
    (
        "pets",
        ["How many pets do the families on my street have?"],
        [
            "How many pets does {name}'s family have?",
            "How many legs does a dog have?",
            "What is the name of {name}'s cat?",
        ],
    ),
    (
        "plants",
        ["How tall are the sunflowers in the school garden?"],
        [
            "How tall is {name}'s sunflower?",
            "How many sunflowers are in the school garden?",
            "What color are sunflower petals?",
        ],
    ),
    (
        "getting to school",
        ["How many minutes does it take students in grade 6 to get to school?"],
        [
            "How many minutes did it take {name} to get to school today?",
            "How far is the school from the library?",
            "What time does the first bus arrive at school?",
        ],
    ),
    (
        "reading",
        ["How many books did each student in my class read this summer?"],
        [
            "How many books are in the school library?",
            "How many books did {name} read this summer?",
            "How many pages are in {name}'s favorite book?",
        ],
    ),
    (
        "weather",
        ["What were the high temperatures in our town on each day last month?"],
        [
            "What is the temperature outside right now?",
            "How many days are in the month of May?",
            "Did it rain in our town yesterday?",
        ],
    ),
    (
        "basketball",
        ["How many points did our basketball team score in each game this season?"],
        [
            "How many points did our team score in its most recent game?",
            "How many players from one team are on the court?",
            "How tall is {name}?",
        ],
    ),
    (
        "ages",
        ["How old are the people who visit the library on Saturdays?"],
        ["How old is {name}?", "In what year was the library built?", "How many floors does the library have?"],
    ),
)


@template("6.SP.A.1", difficulty=INTRODUCTORY)
def pick_statistical_question(rng: random.Random) -> Problem:
    """Choose the statistical question: the one that expects answers to vary."""
    who = name(rng)
    topic, statistical, single = rng.choice(_QUESTION_TOPICS)
    right = rng.choice(statistical)
    wrong = [text.format(name=who) for text in single]
    stem = f"{who} is planning a survey about {topic}. Which is a statistical question?"
    hints = (
        "A statistical question expects many different answers, because the data vary.",
        "Does the question have one single answer, or a set of answers that differ?",
    )
    steps = [
        "Each of the other questions has one single answer.",
        f"This one expects answers that vary from person to person or from time to time: **{right}**",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.SP.A.1")
def pick_non_statistical_question(rng: random.Random) -> Problem:
    """Choose the question that is not statistical among statistical ones."""
    who = name(rng)
    topics = rng.sample(_QUESTION_TOPICS, 4)
    right = rng.choice(topics[0][2]).format(name=who)
    wrong = [topic[1][0] for topic in topics[1:]]
    stem = f"{who} wrote four survey questions. Which one is NOT a statistical question?"
    hints = ("A statistical question expects answers that vary.", "Look for the question with exactly one answer.")
    steps = [
        "The other three questions expect many different answers.",
        f"This one has a single answer, so it is not statistical: **{right}**",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.SP.A.1")
def why_statistical(rng: random.Random) -> Problem:
    """Explain why a question is (or is not) statistical."""
    who = name(rng)
    _, statistical, single = rng.choice(_QUESTION_TOPICS)
    if rng.random() < 0.6:
        question = statistical[0]
        right = "It is statistical, because the answers will vary and the question expects that."
    else:
        question = rng.choice(single).format(name=who)
        right = "It is not statistical, because it has only one answer."
    options = [
        "It is statistical, because the answers will vary and the question expects that.",
        "It is statistical, because its answer is a number.",
        "It is not statistical, because it has only one answer.",
        "It is not statistical, because it is about people.",
    ]
    stem = f'{who} asks: "{question}" Is this a statistical question, and why?'
    hints = (
        "Having a number for an answer does not make a question statistical.",
        "Ask yourself: would different people or different days give different answers?",
    )
    steps = ["A statistical question anticipates variability: many answers that differ.", f"So: **{right}**"]
    return _choice(rng, stem, right, options, hints, steps, keep_order=True)


# (what the data are, with {n} for how many; the plot's title; the unit; where the values start; whether an
# unusually large value makes sense)
_DOT_PLOT_CONTEXTS = (
    ("the number of books each of {n} students read in a month", "Books read in a month", "books", (0, 2), True),
    ("the hours of sleep each of {n} students got on a school night", "Hours of sleep", "hours", (5, 6), False),
    (
        "the number of push-ups each of {n} students did in one minute",
        "Push-ups in one minute",
        "push-ups",
        (10, 20),
        True,
    ),
    ("the ages of {n} children at a park", "Ages of children at a park", "years", (3, 6), True),
    ("the number of pets in each of {n} families", "Pets per family", "pets", (0, 1), False),
)


def _dot_plot_context(rng: random.Random, *, outlier: bool = False) -> tuple[str, str, str, int]:
    """(what the data are, title, unit, first value) for a dot plot."""
    what, title, unit, (low, high), _ = rng.choice([c for c in _DOT_PLOT_CONTEXTS if c[4] or not outlier])
    return what, title, unit, rng.randint(low, high)


def _dot_plot(data: Sequence[int], start: int, title: str, end: int | None = None) -> str:
    return figures.line_plot(data, start=start, end=start + 7 if end is None else end, step=1, title=title)


_SHAPES = {
    "symmetric": (1, 2, 4, 6, 4, 2, 1),
    "tail right": (5, 7, 4, 3, 2, 1, 1),
    "tail left": (1, 1, 2, 3, 4, 7, 5),
    "flat": (3, 3, 3, 3, 3, 3, 3),
}
_SHAPE_WORDS = {
    "symmetric": "The data are clustered in the middle, and the two sides look about the same.",
    "tail right": "Most values are low, with a few high values stretching out to the right.",
    "tail left": "Most values are high, with a few low values stretching out to the left.",
    "flat": "The values are spread out evenly, with no clear peak.",
}


def _shaped_data(rng: random.Random, shape: str, start: int) -> list[int]:
    counts = [max(1, count + rng.choice([-1, 0, 0, 1])) if count > 1 else count for count in _SHAPES[shape]]
    if shape == "flat":
        counts = [3 + rng.choice([0, 0, 1]) for _ in counts]
    return [start + index for index, count in enumerate(counts) for _ in range(count)]


@template("6.SP.A.2")
def shape_of_distribution(rng: random.Random) -> Problem:
    """Describe the overall shape of a distribution shown in a dot plot."""
    shape = rng.choice(list(_SHAPES))
    what, title, _, start = _dot_plot_context(rng)
    data = _shaped_data(rng, shape, start)
    figure = _dot_plot(data, start, title)
    right = _SHAPE_WORDS[shape]
    stem = f"The dot plot shows {what.format(n=len(data))}. Which describes the shape of the data?"
    hints = (
        "Look at where the X's pile up highest, and whether one side stretches out farther.",
        "A distribution is described by its center, its spread and its overall shape.",
    )
    steps = ["Compare the heights of the stacks from left to right.", f"So the description is: **{right}**"]
    return _choice(rng, stem, right, list(_SHAPE_WORDS.values()), hints, steps, keep_order=True, figure=figure)


@template("6.SP.A.2")
def center_and_spread_of_dot_plot(rng: random.Random) -> Problem:
    """Read the peak (where the data cluster) or the range (how spread out they are) from a dot plot."""
    shape = rng.choice(["symmetric", "tail right", "tail left"])
    what, title, _, start = _dot_plot_context(rng)
    data = _shaped_data(rng, shape, start)
    counts = {value: data.count(value) for value in set(data)}
    top = max(counts.values())
    while list(counts.values()).count(top) > 1:
        data.append(max(counts, key=lambda value: (counts[value], value)))
        counts = {value: data.count(value) for value in set(data)}
        top = max(counts.values())
    peak = max(counts, key=counts.get)
    figure = _dot_plot(data, start, title)
    shown = what.format(n=len(data))
    if rng.random() < 0.5:
        stem = f"The dot plot shows {shown}. At what value is the peak, where most of the data cluster?"
        value = peak
        steps = [f"The tallest stack has {top} X's.", f"It is above **{peak}**."]
        wrong = [top, max(data), min(data)]
        hints = ("The peak is the value with the tallest stack of X's.", "Read the number under that stack.")
    else:
        stem = f"The dot plot shows {shown}. What is the range of the data (greatest value − least value)?"
        value = max(data) - min(data)
        steps = [
            f"The least value is {min(data)} and the greatest is {max(data)}.",
            f"{max(data)} {MINUS} {min(data)} = **{value}**.",
        ]
        wrong = [max(data), len(data), top]
        hints = (
            "The range measures spread: the greatest value minus the least value.",
            "Use the values under the X's at the two ends, not the number of X's.",
        )
    return _numeric(stem, value, hints, steps, wrong, figure=figure)


@template("6.SP.A.2")
def value_apart_from_the_rest(rng: random.Random) -> Problem:
    """Spot the value that stands apart from the overall pattern of a distribution."""
    what, title, _, start = _dot_plot_context(rng, outlier=True)
    data = _shaped_data(rng, "symmetric", start)
    far = start + rng.randint(11, 14)
    data.append(far)
    low, high = min(data), max(data)
    figure = _dot_plot(data, low, title, end=high)
    stem = f"The dot plot shows {what.format(n=len(data))}. Which value stands apart from the rest of the data?"
    hints = ("Look for a gap: a value far from where the other X's cluster.", "It is an unusual value, an outlier.")
    steps = [f"Most of the data are from {start} to {start + 6}.", f"The value **{far}** is far from all the others."]
    return _numeric(stem, far, hints, steps, [start + 3, len(data), high - low], figure=figure)


_MEASURES_OF_CENTER = ("The mean", "The median")
_MEASURES_OF_VARIATION = ("The range", "The interquartile range (IQR)", "The mean absolute deviation (MAD)")


@template("6.SP.A.3", difficulty=INTRODUCTORY)
def center_or_variation(rng: random.Random) -> Problem:
    """Tell a measure of center from a measure of variation."""
    who = name(rng)
    count = rng.randint(8, 30)
    thing = rng.choice(["minutes spent on homework", "heights in centimeters", "test scores", "hours of screen time"])
    if rng.random() < 0.5:
        right = rng.choice(_MEASURES_OF_VARIATION)
        wrong = [*_MEASURES_OF_CENTER, "The greatest value"]
        stem = (
            f"{who} collected the {thing} of {count} classmates. Which single number describes how much the "
            "values vary?"
        )
        reason = "A measure of variation describes how spread out the values are with one number."
    else:
        right = rng.choice(_MEASURES_OF_CENTER)
        wrong = list(_MEASURES_OF_VARIATION)
        stem = (
            f"{who} collected the {thing} of {count} classmates. Which single number summarizes all the values as "
            "a typical value?"
        )
        reason = "A measure of center summarizes all the values with one typical number."
    hints = (
        "Measures of center: mean and median. Measures of variation: range, IQR and MAD.",
        "Does the question ask for a typical value, or for how spread out the values are?",
    )
    steps = [reason, f"So the answer is **{right}**."]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.SP.A.3")
def shift_every_value(rng: random.Random) -> Problem:
    """See that adding the same amount to every value moves the center but not the variation."""
    who = name(rng)
    mean, spread = rng.randint(8, 40), rng.randint(2, 9)
    added = rng.randint(2, 10)
    measure = rng.choice(["mean", "median", "range", "MAD", "IQR"])
    before = mean if measure in ("mean", "median") else spread
    stem = (
        f"The {measure} of {who}'s quiz scores is {before}. The teacher adds {added} bonus points to every score. "
        f"What is the new {measure}?"
    )
    if measure in ("mean", "median"):
        value, wrong = before + added, [before, before * added]
        steps = [
            f"Every score goes up by {added}, so the center goes up by {added} too.",
            f"{before} + {added} = {value}.",
            f"So the new {measure} is **{value}**.",
        ]
    else:
        value, wrong = before, [before + added, before * added]
        steps = [
            f"Every score moves up by the same {added} points, so the scores are just as spread out as before.",
            f"So the new {measure} is still **{value}**.",
        ]
    hints = (
        "Imagine every X on a dot plot sliding the same distance to the right.",
        "A measure of center tells where the data are; a measure of variation tells how spread out they are.",
    )
    return _numeric(stem, value, hints, steps, wrong)


@template("6.SP.A.3")
def interpret_center_and_variation(rng: random.Random) -> Problem:
    """Interpret a mean and a mean absolute deviation together."""
    who = name(rng)
    thing, unit, means, mads = rng.choice(
        [
            ("hours of sleep on a school night", "hours", (7, 10), (2, 2)),
            ("minutes spent reading each day", "minutes", (15, 45), (3, 9)),
            ("points scored per basketball game", "points", (10, 30), (2, 6)),
            ("minutes it takes to get to school", "minutes", (8, 30), (2, 7)),
        ]
    )
    mean, mad = rng.randint(*means), rng.randint(*mads)
    stem = (
        f"For {who}'s class, the mean of the {thing} is {mean} {unit} and the mean absolute deviation is {mad} "
        f"{unit}. Which statement is best?"
    )
    right = f"A typical value is about {mean} {unit}, and values are on average {mad} {unit} away from {mean}."
    wrong = [
        f"Every value is exactly {mean} {unit}.",
        f"A typical value is about {mad} {unit}, and values vary by about {mean} {unit}.",
        f"All the values are between {mean - mad} and {mean + mad} {unit}.",
    ]
    hints = (
        "The mean is a measure of center; the MAD is a measure of variation.",
        "The MAD is the average distance of the values from the mean, so some values can be farther away.",
    )
    steps = [
        f"The mean, {mean}, summarizes the values with one typical number.",
        f"The MAD, {mad}, says how far the values are from the mean on average.",
        f"So: **{right}**",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


def _data_text(values: Sequence) -> str:
    return ", ".join(_n(value) for value in values)


@template("6.SP.B.4")
def dot_plot_for_data(rng: random.Random) -> Problem:
    """Match a dot plot to the data set it displays."""
    start = rng.randint(0, 5)
    data = sorted(rng.choice(range(start, start + 7)) for _ in range(rng.randint(8, 12)))
    figure = figures.line_plot(data, start=start, end=start + 6, step=1, title="Data")
    right = _data_text(data)
    changed = list(data)
    index = rng.randrange(len(data))
    changed[index] += 1 if changed[index] < start + 6 else -1
    candidates = [
        _data_text(sorted(changed)),
        _data_text(data[:-1]),
        _data_text(sorted(data + [data[len(data) // 2]])),
        _data_text(sorted({*data})),
    ]
    wrong = _pick_wrong(right, candidates)
    stem = "Which data set does the dot plot show?"
    hints = ("Each X stands for one value in the data set.", "Count the X's above each number, then count them all.")
    steps = [f"There are {len(data)} X's in all.", f"Reading the X's from left to right gives **{right}**."]
    return _choice(rng, stem, right, wrong, hints, steps, figure=figure)


def _intervals(low: int, width: int, count: int) -> list[tuple[int, int]]:
    return [(low + width * index, low + width * (index + 1) - 1) for index in range(count)]


@template("6.SP.B.4")
def histogram_bar_from_data(rng: random.Random) -> Problem:
    """Find the height of one bar of a histogram made from a data set."""
    who = name(rng)
    bins = _intervals(rng.choice([10, 20, 30]), 10, 4)
    data = sorted(rng.randint(bins[0][0], bins[-1][1]) for _ in range(rng.randint(12, 18)))
    low, high = rng.choice(bins)
    value = sum(low <= x <= high for x in data)
    rng.shuffle(data)
    names_of_bins = ", ".join(f"{a}–{b}" for a, b in bins)
    stem = (
        f"{who} recorded the ages of people at a family reunion: {_data_text(data)}. {who} makes a histogram "
        f"with the intervals {names_of_bins}. How tall is the bar for {low}–{high}?"
    )
    inside = [x for x in sorted(data) if low <= x <= high]
    hints = (
        "A histogram bar counts how many values fall in its interval.",
        f"Go through the list and mark each age from {low} to {high}, including both ends.",
    )
    steps = [
        f"Ages from {low} to {high}: {_data_text(inside) if inside else 'none'}.",
        f"So the bar for {low}–{high} is **{value}** tall.",
    ]
    return _numeric(stem, value, hints, steps, [value + 1, value - 1 if value else 2, len(data)])


def _histogram(rng: random.Random, title: str) -> tuple[list[tuple[str, int]], list[tuple[int, int]]]:
    bins = _intervals(50, 10, 5) if "score" in title.lower() else _intervals(0, 5, 5)
    bars = [(f"{a}–{b}", rng.randint(1, 9)) for a, b in bins]
    return bars, bins


@template("6.SP.B.4")
def read_histogram(rng: random.Random) -> Problem:
    """Read a histogram to count the values in a range of intervals."""
    title = rng.choice(["Test scores", "Minutes of exercise"])
    bars, bins = _histogram(rng, title)
    cut = rng.randint(1, 3)
    value = sum(count for _, count in bars[cut:])
    threshold = bins[cut][0]
    figure = figures.bar_graph(bars, step=1, title=title, value_name="number of students")
    what = "scored" if "score" in title.lower() else "exercised for"
    unit = "points" if "score" in title.lower() else "minutes"
    stem = f"The histogram shows data for a group of students. How many students {what} {threshold} {unit} or more?"
    hints = (
        "Each bar's height is the number of students in that interval.",
        f"Add the bars for the intervals that start at {threshold} or more.",
    )
    steps = [
        f"Bars from {threshold} up: " + " + ".join(str(count) for _, count in bars[cut:]) + f" = {value}.",
        f"So **{value} students**.",
    ]
    return _numeric(
        stem,
        value,
        hints,
        steps,
        [bars[cut][1], value - bars[cut][1], sum(c for _, c in bars)],
        unit="students",
        figure=figure,
    )


def _median(values: Sequence) -> Fraction:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Fraction(ordered[middle])
    return Fraction(ordered[middle - 1] + ordered[middle], 2)


def _quartiles(values: Sequence) -> tuple[Fraction, Fraction]:
    """Q1 and Q3 as medians of the lower and upper halves (the median left out when the count is odd)."""
    ordered = sorted(values)
    half = len(ordered) // 2
    return _median(ordered[:half]), _median(ordered[-half:])


def _summary_text(values: Sequence[Fraction]) -> str:
    low, q1, middle, q3, high = values
    return f"minimum {_d(low)}, Q1 {_d(q1)}, median {_d(middle)}, Q3 {_d(q3)}, maximum {_d(high)}"


@template("6.SP.B.4")
def box_plot_numbers(rng: random.Random) -> Problem:
    """Choose the five numbers a box plot of a data set is drawn from."""
    count = rng.choice([7, 9, 11])
    while True:
        data = sorted(rng.sample(range(1, 40), count))
        q1, q3 = _quartiles(data)
        summary = [Fraction(data[0]), q1, _median(data), q3, Fraction(data[-1])]
        with_median = [
            Fraction(data[0]),
            _median(data[: count // 2 + 1]),
            _median(data),
            _median(data[count // 2 :]),
            Fraction(data[-1]),
        ]
        if with_median != summary:
            break
    mean = Fraction(sum(data), count)
    right = _summary_text(summary)
    shuffled = list(data)
    rng.shuffle(shuffled)
    wrong = _pick_wrong(
        right,
        [
            _summary_text(with_median),
            _summary_text([summary[0], q1, mean, q3, summary[4]]),
            _summary_text([summary[0], Fraction(data[1]), _median(data), Fraction(data[-2]), summary[4]]),
        ],
    )
    stem = f"A box plot will show this data set: {_data_text(shuffled)}. Which five numbers is it drawn from?"
    hints = (
        "Put the data in order first.",
        "Q1 is the median of the lower half and Q3 the median of the upper half; leave the median itself out.",
    )
    steps = [
        f"In order: {_data_text(data)}.",
        f"The median is the middle value, {_d(summary[2])}.",
        f"Lower half: {_data_text(data[: count // 2])}, so Q1 = {_d(q1)}. Upper half: "
        f"{_data_text(data[-(count // 2) :])}, so Q3 = {_d(q3)}.",
        f"So the numbers are **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.SP.B.4")
def read_box_plot(rng: random.Random) -> Problem:
    """Find the interquartile range or the range from a box plot."""
    title = rng.choice(["Hours of sleep", "Minutes to get to school", "Points per game", "Ages of campers"])
    low = rng.randint(0, 10)
    q1 = low + rng.randint(1, 6)
    middle = q1 + rng.randint(1, 5)
    q3 = middle + rng.randint(1, 6)
    high = q3 + rng.randint(1, 8)
    start, end = low - low % 5, high + (-high) % 5
    figure = figures.box_plot(
        low, q1, middle, q3, high, start=start, end=end, step=1 if end - start <= 20 else 5, title=title
    )
    if rng.random() < 0.5:
        value, what = q3 - q1, "interquartile range (IQR)"
        steps = [f"Q1 = {q1} and Q3 = {q3} (the ends of the box).", f"IQR = {q3} {MINUS} {q1} = {value}."]
        wrong = [high - low, q3, middle - q1]
    else:
        value, what = high - low, "range"
        steps = [
            f"Minimum = {low} and maximum = {high} (the ends of the whiskers).",
            f"Range = {high} {MINUS} {low} = {value}.",
        ]
        wrong = [q3 - q1, high, high - middle]
    stem = f"What is the {what} of the data in the box plot?"
    hints = (
        "The box goes from Q1 to Q3; the whiskers reach the minimum and the maximum.",
        "Both the IQR and the range are differences: subtract the smaller value from the larger.",
    )
    return _numeric(stem, value, hints, [*steps, f"So the {what} is **{value}**."], wrong, figure=figure)


@template("6.SP.B.5a", difficulty=INTRODUCTORY)
def observations_in_dot_plot(rng: random.Random) -> Problem:
    """Report the number of observations shown in a dot plot."""
    _, title, _, start = _dot_plot_context(rng)
    data = _shaped_data(rng, rng.choice(list(_SHAPES)), start)
    data = sorted(rng.sample(data, rng.randint(10, len(data))))
    figure = _dot_plot(data, start, title)
    counts = [data.count(value) for value in range(start, start + 8)]
    stem = f"The dot plot shows data about {title[0].lower() + title[1:]}. How many observations are in the data set?"
    hints = ("Each X is one observation.", "Add the number of X's above every value; do not add the values themselves.")
    steps = [
        " + ".join(str(count) for count in counts if count) + f" = {len(data)}.",
        f"So there are **{len(data)}** observations.",
    ]
    return _numeric(stem, len(data), hints, steps, [sum(data), max(counts), len(set(data))], figure=figure)


@template("6.SP.B.5a")
def observations_in_histogram(rng: random.Random) -> Problem:
    """Report the number of observations shown in a histogram."""
    title = rng.choice(["Test scores", "Minutes of exercise"])
    bars, _ = _histogram(rng, title)
    total = sum(count for _, count in bars)
    figure = figures.bar_graph(bars, step=1, title=title, value_name="number of students")
    stem = f"The histogram shows the {title.lower()} of a group of students. How many students are in the data set?"
    hints = ("Each bar's height counts the students in that interval.", "Add the heights of all the bars.")
    steps = [" + ".join(str(count) for _, count in bars) + f" = {total}.", f"So there are **{total} students**."]
    return _numeric(
        stem,
        total,
        hints,
        steps,
        [len(bars), max(c for _, c in bars), total - bars[0][1]],
        unit="students",
        figure=figure,
    )


# (what was done, the attribute, its unit, other attributes, other units)
_ATTRIBUTES = (
    (
        "{name} used a kitchen scale to weigh {n} apples picked from one tree.",
        "The mass of each apple",
        "grams",
        ["The number of apples on the tree", "The color of each apple", "The price of each apple"],
        ["centimeters", "milliliters", "minutes"],
    ),
    (
        "{name} timed how long each of {n} classmates took to run one lap of the track.",
        "The time each classmate took to run one lap",
        "seconds",
        ["The number of laps each classmate ran", "The length of the track", "The number of classmates who ran"],
        ["meters", "kilograms", "degrees"],
    ),
    (
        "{name} used a ruler to measure {n} bean plants after three weeks of growing.",
        "The height of each bean plant",
        "centimeters",
        ["The number of bean plants", "The number of weeks the plants grew", "The number of beans"],
        ["grams", "liters", "seconds"],
    ),
    (
        "{name} read a thermometer at noon on each of {n} days.",
        "The temperature at noon on each day",
        "degrees Fahrenheit",
        ["The number of days", "The time of day", "The number of sunny days"],
        ["inches", "pounds", "hours"],
    ),
    (
        "{name} asked {n} classmates how many books they read last month.",
        "The number of books each classmate read last month",
        "books",
        ["The number of pages in each book", "The number of classmates in the school", "The time spent reading"],
        ["hours", "inches", "dollars"],
    ),
)


@template("6.SP.B.5b")
def attribute_measured(rng: random.Random) -> Problem:
    """Name the attribute measured in a data collection, or the unit it was measured in."""
    sentence, attribute, unit, other_attributes, other_units = rng.choice(_ATTRIBUTES)
    intro = sentence.format(name=name(rng), n=rng.randint(10, 30))
    if rng.random() < 0.5:
        stem = f"{intro} What attribute do the data describe?"
        right, wrong = attribute, other_attributes
        steps = [
            "Each observation is one measurement or count for one thing in the study.",
            f"So the attribute is: **{right}**.",
        ]
    else:
        stem = f"{intro} Which unit were the data most likely recorded in?"
        right, wrong = unit, other_units
        steps = [f"The attribute is {attribute[0].lower() + attribute[1:]}.", f"That is measured in **{right}**."]
    hints = (
        "Ask: what was measured or counted for each thing in the study?",
        "Think about the tool that was used and what it measures.",
    )
    return _choice(rng, stem, right, wrong, hints, steps)


# (how the data were collected, with {name}; the attribute; its unit; another unit; another attribute; value range)
_DATA_SETS = (
    (
        "{name} timed how long some classmates took to run one lap of the track.",
        "the time each classmate took to run one lap",
        "seconds",
        "meters",
        "the length of the track",
        (58, 75),
    ),
    (
        "{name} weighed some apples from one tree on a kitchen scale.",
        "the mass of each apple",
        "grams",
        "centimeters",
        "the number of apples on the tree",
        (140, 160),
    ),
    (
        "{name} measured some bean plants with a ruler after three weeks.",
        "the height of each bean plant",
        "centimeters",
        "grams",
        "the number of leaves on each plant",
        (12, 25),
    ),
    (
        "{name} read a thermometer outside at noon on some days in May.",
        "the temperature at noon each day",
        "degrees Fahrenheit",
        "inches",
        "the number of sunny days",
        (60, 75),
    ),
)


@template("6.SP.B.5b")
def describe_data_set(rng: random.Random) -> Problem:
    """Summarize a data set by its number of observations, the attribute measured and its unit."""
    collected, attribute, unit, other_unit, other_attribute, (low, high) = rng.choice(_DATA_SETS)
    count = rng.randint(7, 12)
    while True:
        data = [rng.randint(low, high) for _ in range(count)]
        if len(set(data)) < count:
            break
    right = f"{count} measurements of {attribute}, in {unit}"
    wrong = [
        f"{len(set(data))} measurements of {attribute}, in {unit}",
        f"{count} measurements of {attribute}, in {other_unit}",
        f"{count} measurements of {other_attribute}, in {unit}",
    ]
    stem = f"{collected.format(name=name(rng))} The data are: {_data_text(data)}. Which best describes the data set?"
    hints = (
        "Count every value in the list, even the ones that repeat: each is one observation.",
        "Ask what was measured for each thing, and with what tool: that tells the unit.",
    )
    steps = [
        f"There are {count} values in the list, so there are {count} observations.",
        f"Each value is {attribute}, measured in {unit}.",
        f"So the data set is: **{right}**.",
    ]
    return _choice(rng, stem, right, wrong, hints, steps)


def _data_with_whole_mean(rng: random.Random, count: int, low: int, high: int) -> list[int]:
    while True:
        data = [rng.randint(low, high) for _ in range(count)]
        if sum(data) % count == 0 and len(set(data)) > 2:
            return data


@template("6.SP.B.5c")
def mean_of_data(rng: random.Random) -> Problem:
    """Find the mean of a small data set in context."""
    who = name(rng)
    count = rng.randint(5, 8)
    data = _data_with_whole_mean(rng, count, 2, 30)
    mean = sum(data) // count
    thing = rng.choice(
        [
            "points scored in each basketball game",
            "minutes spent reading each day",
            "number of push-ups done each day",
            "number of minutes of practice each day",
        ]
    )
    stem = f"{who} recorded the {thing}: {_data_text(data)}. What is the mean?"
    hints = (
        "The mean shares the total equally: add all the values.",
        "Then divide the total by how many values there are.",
    )
    steps = [
        f"Add: {' + '.join(map(str, data))} = {sum(data)}.",
        f"There are {count} values: {sum(data)} {DIVIDE} {count} = {mean}.",
        f"So the mean is **{mean}**.",
    ]
    return _numeric(stem, mean, hints, steps, [_median(data), sum(data), Fraction(sum(data), count - 1)])


@template("6.SP.B.5c")
def median_of_data(rng: random.Random) -> Problem:
    """Find the median of an unordered data set, odd or even in size."""
    who = name(rng)
    count = rng.randint(6, 10)
    while True:
        data = [rng.randint(1, 40) for _ in range(count)]
        if data != sorted(data) and data[count // 2] != _median(data):
            break
    median = _median(data)
    ordered = sorted(data)
    stem = f"{who} measured the lengths of some leaves, in centimeters: {_data_text(data)}. What is the median length?"
    hints = (
        "Put the values in order from least to greatest first.",
        "With an even number of values, the median is halfway between the two middle values.",
    )
    middle = (
        f"The middle value is {ordered[count // 2]}."
        if count % 2
        else f"The two middle values are {ordered[count // 2 - 1]} and {ordered[count // 2]}; halfway between is "
        f"{_d(median)}."
    )
    steps = [f"In order: {_data_text(ordered)}.", middle, f"So the median is **{_d(median)} cm**."]
    return _numeric(
        stem, median, hints, steps, [data[count // 2], Fraction(sum(data), count)], display=f"{_d(median)} cm"
    )


@template("6.SP.B.5c", difficulty=STRETCH)
def mean_absolute_deviation(rng: random.Random) -> Problem:
    """Find the mean absolute deviation of a small data set."""
    count = rng.choice([4, 5, 8])
    data = _data_with_whole_mean(rng, count, 1, 20)
    mean = sum(data) // count
    deviations = [abs(value - mean) for value in data]
    mad = Fraction(sum(deviations), count)
    stem = (
        f"The numbers of hours {name(rng)} volunteered each week are {_data_text(data)}. The mean is {mean}. "
        "What is the mean absolute deviation (MAD)?"
    )
    hints = (
        "Find how far each value is from the mean (always a positive distance).",
        "The MAD is the mean of those distances: add them and divide by how many there are.",
    )
    distances = ", ".join(f"|{v} {MINUS} {mean}| = {d}" for v, d in zip(data, deviations))
    steps = [
        f"Distances from the mean: {distances}.",
        f"Add: {' + '.join(map(str, deviations))} = {sum(deviations)}.",
        f"{sum(deviations)} {DIVIDE} {count} = {_d(mad)}.",
        f"So the MAD is **{_d(mad)}**.",
    ]
    wrong = [sum(deviations), max(data) - min(data), Fraction(sum(deviations), count - 1)]
    return _numeric(stem, mad, hints, steps, wrong, display=_d(mad))


@template("6.SP.B.5c")
def interquartile_range(rng: random.Random) -> Problem:
    """Find the interquartile range of a data set."""
    count = rng.choice([7, 8, 9, 11])
    data = sorted(rng.sample(range(10, 70), count))
    q1, q3 = _quartiles(data)
    iqr = q3 - q1
    shown = list(data)
    rng.shuffle(shown)
    stem = f"The heights, in inches, of some plants are: {_data_text(shown)}. What is the interquartile range (IQR)?"
    half = count // 2
    hints = (
        "Order the data and find the median. Then find the middle of each half.",
        "IQR = Q3 − Q1: the spread of the middle half of the data.",
    )
    steps = [
        f"In order: {_data_text(data)}.",
        f"Lower half: {_data_text(data[:half])}, so Q1 = {_d(q1)}.",
        f"Upper half: {_data_text(data[-half:])}, so Q3 = {_d(q3)}.",
        f"IQR = {_d(q3)} {MINUS} {_d(q1)} = {_d(iqr)}.",
        f"So the IQR is **{_d(iqr)} inches**.",
    ]
    return _numeric(stem, iqr, hints, steps, [data[-1] - data[0], q3, _median(data) - q1], display=f"{_d(iqr)} inches")


@template("6.SP.B.5c")
def mean_from_dot_plot(rng: random.Random) -> Problem:
    """Find the mean of data shown in a dot plot."""
    what, title, unit, start = _dot_plot_context(rng)
    while True:
        data = _shaped_data(rng, rng.choice(["symmetric", "tail right", "tail left"]), start)
        data = sorted(rng.sample(data, rng.randint(8, len(data))))
        if sum(data) % len(data) == 0:
            break
    mean = sum(data) // len(data)
    figure = _dot_plot(data, start, title)
    counts = {value: data.count(value) for value in sorted(set(data))}
    stem = f"The dot plot shows {what.format(n=len(data))}. What is the mean?"
    hints = (
        "Multiply each value by the number of X's above it, then add to get the total.",
        "Divide the total by the number of X's.",
    )
    steps = [
        "Total: " + " + ".join(f"{v} {TIMES} {c}" for v, c in counts.items()) + f" = {sum(data)}.",
        f"{sum(data)} {DIVIDE} {len(data)} = {mean}.",
        f"So the mean is **{mean} {unit}**.",
    ]
    return _numeric(
        stem,
        mean,
        hints,
        steps,
        [_median(data), Fraction(sum(counts), len(counts)), sum(data)],
        unit=unit,
        figure=figure,
    )


# (context, values with a striking outlier when asked, unit)
_SKEWED_CONTEXTS = (
    ("the weekly allowances of {n} friends, in dollars", (5, 15), (60, 90)),
    ("the prices of {n} houses on a street, in thousands of dollars", (180, 260), (900, 1500)),
    ("the minutes {n} students took to finish a puzzle", (8, 20), (55, 80)),
    ("the numbers of followers of {n} classmates on a class blog", (10, 40), (300, 500)),
)


def _skewed_data(rng: random.Random, count: int, typical: tuple[int, int], outlier: tuple[int, int]) -> list[int]:
    return sorted([rng.randint(*typical) for _ in range(count - 1)] + [rng.randint(*outlier)])


@template("6.SP.B.5d")
def best_measure_of_center(rng: random.Random) -> Problem:
    """Choose the measure of center that fits the shape of the data and explain why."""
    context, typical, outlier = rng.choice(_SKEWED_CONTEXTS)
    count = rng.randint(6, 9)
    skewed = rng.random() < 0.6
    data = _skewed_data(rng, count, typical, outlier) if skewed else sorted(rng.randint(*typical) for _ in range(count))
    options = [
        "The median, because one very large value pulls the mean up.",
        "The mean, because the data have no outliers, so it uses every value fairly.",
        "The median, because it is always greater than the mean.",
        "The mean, because it is always one of the data values.",
    ]
    right = options[0] if skewed else options[1]
    wrong = [option for option in options if option != right]
    stem = (
        f"Here are {context.format(n=count)}: {_data_text(data)}. Which measure of center best describes a typical "
        "value, and why?"
    )
    hints = (
        "Look for a value far from the others.",
        "An outlier pulls the mean toward it but barely moves the median.",
    )
    described = (
        f"{data[-1]} is far above the other values, so it is an outlier."
        if skewed
        else "The values are close together with no outlier."
    )
    steps = [described, f"So the better choice is: **{right}**"]
    return _choice(rng, stem, right, wrong, hints, steps)


@template("6.SP.B.5d")
def mean_versus_median(rng: random.Random) -> Problem:
    """Compare the mean and the median of data with a long tail, shown in a dot plot."""
    what, title, _, start = _dot_plot_context(rng)
    shape = rng.choice(["tail right", "tail left", "symmetric"])
    data = _shaped_data(rng, shape, start)
    if shape == "symmetric":
        data = [value for value in data] + [2 * (start + 3) - value for value in data]
    mean, median = Fraction(sum(data), len(data)), _median(data)
    figure = _dot_plot(data, start, title)
    stem = f"The dot plot shows {what.format(n=len(data))}. Compare the mean and the median: mean ? median"
    hints = (
        "The values in a long tail pull the mean toward the tail.",
        "The median is the middle value; it does not care how far out the tail goes.",
    )
    symbol = "<" if mean < median else ">" if mean > median else "="
    lines = [
        f"The median is {_d(median)} and the mean is {_d(mean)}.",
        f"So mean {symbol} median, and the answer is **{symbol}**.",
    ]
    return Problem(stem=stem, answer=comparison(mean, median), hints=hints, solution=steps(*lines), figure=figure)


@template("6.SP.B.5d")
def best_measure_of_variation(rng: random.Random) -> Problem:
    """Choose the measure of variation that fits data with or without an outlier."""
    context, typical, outlier = rng.choice(_SKEWED_CONTEXTS)
    count = rng.randint(7, 10)
    skewed = rng.random() < 0.6
    data = _skewed_data(rng, count, typical, outlier) if skewed else sorted(rng.randint(*typical) for _ in range(count))
    options = [
        "The IQR, because the outlier barely changes the middle half of the data.",
        "The MAD, because the data have no outliers and the MAD uses every value.",
        "The range, because it only uses the two most extreme values.",
        "The mean, because it is a measure of variation.",
    ]
    right = options[0] if skewed else options[1]
    wrong = [option for option in options if option != right]
    stem = (
        f"Here are {context.format(n=count)}: {_data_text(data)}. Which measure describes the spread of the data "
        "best, and why?"
    )
    hints = (
        "Is any value far away from the rest?",
        "The MAD and the range are pulled by an outlier; the IQR uses only the middle half of the data.",
    )
    described = (
        f"{data[-1]} is an outlier, far above the other values."
        if skewed
        else "The values are close together with no outlier."
    )
    steps = [described, f"So the better choice is: **{right}**"]
    return _choice(rng, stem, right, wrong, hints, steps)
