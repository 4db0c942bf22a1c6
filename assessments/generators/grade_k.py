"""Item templates for kindergarten: counting and cardinality (K.CC), operations within 10 (K.OA), teen numbers as
ten and ones (K.NBT), measurable attributes and sorting (K.MD), and shapes (K.G).

Stems are a few short sentences a grown-up can read aloud to a 5-year-old. Counting items show the things to
count (rows, arrays, a ring, a scatter, ten-frames); shape items draw the shapes, flat ones as polygons and solid
ones (cube, cylinder, cone, sphere) in a simple 3D look. K.CC.B.4 is covered through its parts a to c.

The figure helpers and the answer-building helpers at the top are shared with `grade_1`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from assessments.generators import figures
from assessments.generators.base import (
    INTRODUCTORY,
    STRETCH,
    Problem,
    choice,
    distinct_wrong,
    multi,
    name,
    names,
    number_word,
    numeric,
    problem,
    template,
)
from assessments.generators.figures import FILL, FILL_DARK, INK, MUTED, SHADE, Svg

MISSING = "?"
LETTERS = "ABCD"
FLAT_FILL = "#dbe7fb"
TOP_FILL = "#c7d8f5"
SIDE_FILL = "#a9c2ee"

# ---------------------------------------------------------------------------------------------------------
# Building problems


def number_problem(
    stem: str,
    value: int,
    *,
    hints: Sequence[str],
    solution: str,
    wrong: Sequence[int],
    figure: str = "",
    difficulty: int | None = None,
) -> Problem:
    """A typed whole-number answer (base's `problem` keeps the plausible wrong answers that differ from it)."""
    return problem(stem, numeric(value), hints, solution, wrong=wrong, figure=figure, difficulty=difficulty)


def choice_problem(
    rng: random.Random,
    stem: str,
    correct: str,
    wrong: Sequence[str],
    *,
    hints: Sequence[str],
    solution: str,
    figure: str = "",
    keep_order: bool = False,
    difficulty: int | None = None,
) -> Problem:
    """A single-choice item; with `keep_order`, `wrong` lists every choice in its natural order."""
    options = list(wrong) if keep_order else distinct_wrong(correct, wrong, 3)
    answer = choice(rng, correct, options, keep_order=keep_order)
    return problem(stem, answer, hints, solution, figure=figure, difficulty=difficulty)


def multi_problem(
    rng: random.Random,
    stem: str,
    correct: Sequence[str],
    wrong: Sequence[str],
    *,
    hints: Sequence[str],
    solution: str,
    figure: str = "",
) -> Problem:
    """A pick-all-that-are-right item; the solution ends by naming the right choices in the order shown."""
    answer = multi(rng, correct, wrong)
    return problem(stem, answer, hints, f"{solution} The right ones are **{answer.display}**.", figure=figure)


def be(count: int) -> str:
    """ "is" or "are" to go with a count."""
    return "is" if count == 1 else "are"


def sequence_text(numbers: Sequence[int | str]) -> str:
    return ", ".join(str(number) for number in numbers)


# ---------------------------------------------------------------------------------------------------------
# Drawing: flat and solid shapes


def regular_points(sides: int) -> list[tuple[float, float]]:
    """The corners of a regular polygon on the unit circle, the first at the top."""
    return [(math.sin(2 * math.pi * index / sides), -math.cos(2 * math.pi * index / sides)) for index in range(sides)]


def _star() -> list[tuple[float, float]]:
    return [
        (
            (1 if index % 2 == 0 else 0.45) * math.sin(index * math.pi / 5),
            -(1 if index % 2 == 0 else 0.45) * math.cos(index * math.pi / 5),
        )
        for index in range(10)
    ]


# Outlines in a box from -1 to 1, y downward.
OUTLINES = {
    "triangle": [(0, -1), (0.95, 0.75), (-0.95, 0.75)],
    "right triangle": [(-0.85, -0.9), (-0.85, 0.9), (0.95, 0.9)],
    "long triangle": [(-1, 0.5), (1, 0.5), (0.35, -0.65)],
    "square": [(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)],
    "rectangle": [(-1, -0.5), (1, -0.5), (1, 0.5), (-1, 0.5)],
    "trapezoid": [(-1, 0.5), (1, 0.5), (0.5, -0.5), (-0.5, -0.5)],
    "pentagon": regular_points(5),
    "hexagon": regular_points(6),
    "star": _star(),
}
# What each outline is called (the triangles are all triangles).
SHAPE_NAME = {kind: kind.split()[-1] for kind in OUTLINES} | {"circle": "circle"}
SOLIDS = ("cube", "cylinder", "cone", "sphere")
FLAT_SHAPES = ("circle", "triangle", "square", "rectangle", "hexagon")
SIDES = {"triangle": 3, "square": 4, "rectangle": 4, "trapezoid": 4, "pentagon": 5, "hexagon": 6}
# What a learner who cannot see a flat shape is told about it (its parts, not its name).
FLAT_DESCRIPTION = {
    "circle": "a round flat shape with no sides and no corners",
    "triangle": "a flat shape with 3 straight sides and 3 corners",
    "square": "a flat shape with 4 straight sides all the same length and 4 square corners",
    "rectangle": "a flat shape with 4 straight sides, 2 long and 2 short, and 4 square corners",
    "trapezoid": "a flat shape with 4 straight sides, a long bottom and a shorter top",
    "pentagon": "a flat shape with 5 straight sides and 5 corners",
    "hexagon": "a flat shape with 6 straight sides and 6 corners",
    "star": "a star",
}
SOLID_DESCRIPTION = {
    "cube": "a solid like a box, with 6 square faces",
    "cylinder": "a solid like a can, with a round flat top and bottom",
    "cone": "a solid like an ice cream cone, with a round flat bottom and a point on top",
    "sphere": "a solid like a ball, round all over",
}


def describe(kind: str) -> str:
    return SOLID_DESCRIPTION.get(kind) or FLAT_DESCRIPTION[SHAPE_NAME[kind]]


def shape_points(kind: str, cx: float, cy: float, size: float, angle: float = 0) -> list[tuple[float, float]]:
    """The corners of outline `kind`, `size` across, centred on (cx, cy) and turned by `angle` degrees."""
    turn = math.radians(angle)
    cos, sin = math.cos(turn), math.sin(turn)
    half = size / 2
    return [(cx + half * (x * cos - y * sin), cy + half * (x * sin + y * cos)) for x, y in OUTLINES[kind]]


def draw_shape(
    svg: Svg, kind: str, cx: float, cy: float, size: float, *, angle: float = 0, fill: str = FLAT_FILL
) -> None:
    """Draw a flat shape (an outline or a circle) or a solid, about `size` across, centred on (cx, cy)."""
    if kind == "circle":
        svg.circle(cx, cy, size * 0.45, fill=fill)
    elif kind in SOLIDS:
        draw_solid(svg, kind, cx, cy, size)
    else:
        svg.polygon(shape_points(kind, cx, cy, size, angle), fill=fill)


def draw_solid(svg: Svg, kind: str, cx: float, cy: float, size: float) -> None:
    """A cube, cylinder, cone or sphere with shading that makes it look solid."""
    if kind == "cube":
        side, depth = size * 0.62, size * 0.3
        x0, y0 = cx - (side + depth) / 2, cy - (side - depth) / 2
        svg.polygon(
            [(x0, y0), (x0 + depth, y0 - depth), (x0 + side + depth, y0 - depth), (x0 + side, y0)], fill=TOP_FILL
        )
        svg.polygon(
            [
                (x0 + side, y0),
                (x0 + side + depth, y0 - depth),
                (x0 + side + depth, y0 + side - depth),
                (x0 + side, y0 + side),
            ],
            fill=SIDE_FILL,
        )
        svg.rect(x0, y0, side, side, fill=FLAT_FILL)
    elif kind == "cylinder":
        rx, ry, height = size * 0.36, size * 0.12, size * 0.62
        top, bottom = cy - height / 2, cy + height / 2
        svg.path(
            f"M {fmt(cx - rx)} {fmt(top)} L {fmt(cx - rx)} {fmt(bottom)} A {fmt(rx)} {fmt(ry)} 0 0 0 "
            f"{fmt(cx + rx)} {fmt(bottom)} L {fmt(cx + rx)} {fmt(top)} Z",
            fill=SIDE_FILL,
        )
        svg.path(_ellipse(cx, top, rx, ry), fill=TOP_FILL)
    elif kind == "cone":
        rx, ry = size * 0.38, size * 0.11
        apex, base = cy - size * 0.46, cy + size * 0.32
        svg.path(
            f"M {fmt(cx)} {fmt(apex)} L {fmt(cx - rx)} {fmt(base)} A {fmt(rx)} {fmt(ry)} 0 0 0 {fmt(cx + rx)} "
            f"{fmt(base)} Z",
            fill=SIDE_FILL,
        )
        svg.path(
            f"M {fmt(cx - rx)} {fmt(base)} A {fmt(rx)} {fmt(ry)} 0 0 1 {fmt(cx + rx)} {fmt(base)}",
            stroke=MUTED,
            stroke_width=1,
        )
    elif kind == "sphere":
        radius = size * 0.45
        svg.circle(cx, cy, radius, fill=SIDE_FILL)
        svg.path(
            f"M {fmt(cx - radius)} {fmt(cy)} A {fmt(radius)} {fmt(radius * 0.3)} 0 0 0 {fmt(cx + radius)} {fmt(cy)}",
            stroke=MUTED,
            stroke_width=1,
        )
        svg.circle(cx - radius * 0.35, cy - radius * 0.4, radius * 0.16, fill="#ffffff", stroke="#ffffff")
    else:
        raise ValueError(f"Unknown solid {kind!r}.")


def fmt(value: float) -> str:
    """A coordinate for SVG path data, one decimal at most."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> str:
    return (
        f"M {fmt(cx - rx)} {fmt(cy)} A {fmt(rx)} {fmt(ry)} 0 1 0 {fmt(cx + rx)} {fmt(cy)} "
        f"A {fmt(rx)} {fmt(ry)} 0 1 0 {fmt(cx - rx)} {fmt(cy)} Z"
    )


def lettered_shapes(
    shapes: Sequence[tuple[str, float, float]], *, size: float = 86, descriptions: Sequence[str] = ()
) -> str:
    """Shapes side by side, "Shape A", "Shape B"... under them; each shape is (kind, scale, angle). The label
    describes each shape by its parts (or by `descriptions`), never by the name a question asks for."""
    cell = 130
    svg = Svg(cell * len(shapes), 156)
    for index, (kind, scale, angle) in enumerate(shapes):
        cx = cell * index + cell / 2
        draw_shape(svg, kind, cx, 64, size * scale, angle=angle)
        svg.text(cx, 146, f"Shape {LETTERS[index]}", size=15, weight="bold")
    told = descriptions or [describe(kind) for kind, _, _ in shapes]
    return svg.render(
        "Shapes in a row. " + "; ".join(f"Shape {LETTERS[index]}: {text}" for index, text in enumerate(told))
    )


def single_shape(kind: str, rng: random.Random) -> str:
    """One flat shape, turned a random way, drawn with the shared polygon and circle figures."""
    if kind == "circle":
        return figures.circle_figure(label=f"A shape: {describe(kind)}")
    return figures.polygon_figure(
        shape_points(kind, 0, 0, 2, rng.choice(range(0, 360, 15))), label=f"A shape: {describe(kind)}"
    )


# ---------------------------------------------------------------------------------------------------------
# Drawing: things to count


def colour_row(first: int, second: int, *, kind: str = "circle", gap: bool = False, label: str) -> str:
    """A row of `first` blue things then `second` yellow ones (with a gap between the groups if `gap`)."""
    cell = 34
    count = first + second
    svg = Svg(count * cell + (cell if gap else 0) + 8, cell + 8)
    for index in range(count):
        x = 4 + index * cell + cell / 2 + (cell if gap and index >= first else 0)
        draw_shape(svg, kind, x, 4 + cell / 2, 26, fill=FILL if index < first else SHADE)
    return svg.render(label)


def two_groups(first: int, second: int) -> str:
    """A picture of a blue group and a yellow group, for adding."""
    return colour_row(
        first, second, gap=True, label=f"A group of {circles(first, 'blue')} and a group of {circles(second, 'yellow')}"
    )


def circles(count: int, colour: str = "") -> str:
    """ "1 blue circle", "3 blue circles"."""
    return f"{count} {colour + ' ' if colour else ''}circle{'' if count == 1 else 's'}"


def crossed_row(total: int, gone: int, *, kind: str = "circle") -> str:
    """A row of `total` things with the last `gone` crossed out (taken away)."""
    cell = 34
    svg = Svg(total * cell + 8, cell + 8)
    for index in range(total):
        x, y = 4 + index * cell + cell / 2, 4 + cell / 2
        draw_shape(svg, kind, x, y, 26, fill=FILL)
        if index >= total - gone:
            svg.line(x - 14, y - 14, x + 14, y + 14, stroke_width=3)
            svg.line(x - 14, y + 14, x + 14, y - 14, stroke_width=3)
    plural = f"{SHAPE_NAME[kind]}s"
    crossed = "the last one is" if gone == 1 else f"the last {gone} are"
    return svg.render(f"A row of {total} {plural}; {crossed} crossed out")


def ring_of_dots(count: int) -> str:
    """`count` dots spaced evenly around a circle, the way K counts "things arranged in a circle"."""
    svg = Svg(220, 220)
    top = 0
    for index in range(count):
        angle = 2 * math.pi * index / count
        x, y = 110 + 88 * math.sin(angle), 110 - 88 * math.cos(angle)
        svg.circle(x, y, 10, fill=FILL)
        top += y < 110 - 1e-6 or (abs(y - 110) < 1e-6 and x > 110)
    return svg.render(f"Dots in a ring: {top} on the top half and {count - top} on the bottom half")


def scattered_dots(count: int, rng: random.Random) -> str:
    """Up to 12 dots scattered (not in rows): random cells of a 4 by 3 grid, nudged off the grid lines."""
    svg = Svg(260, 200)
    cells = rng.sample(range(12), count)
    left = 0
    for cell in cells:
        row, column = divmod(cell, 4)
        x = 35 + column * 63 + rng.randint(-12, 12)
        y = 35 + row * 65 + rng.randint(-12, 12)
        svg.circle(x, y, 11, fill=FILL)
        left += column < 2
    return svg.render(f"Dots scattered, not in rows: {left} on the left half and {count - left} on the right half")


def labelled_rows(rows: Sequence[tuple[str, int]], *, kind: str, in_fives: bool = False) -> str:
    """Rows of things lined up in matching columns, each named at its left. With `in_fives` the label gives each
    row's count in fives ("5 and 5 and 2") so it does not simply name the count a question asks for."""
    cell, left = 36, 120
    longest = max(count for _, count in rows)
    svg = Svg(left + longest * cell + 10, len(rows) * (cell + 12) + 8)
    for row, (label, count) in enumerate(rows):
        y = 8 + row * (cell + 12) + cell / 2
        svg.text(left - 10, y + 5, label, size=14, anchor="end", weight="bold")
        for index in range(count):
            draw_shape(svg, kind, left + index * cell + cell / 2, y, 26, fill=FILL if row % 2 == 0 else SHADE)

    def told(count: int) -> str:
        return " and ".join(["5"] * (count // 5) + ([str(count % 5)] if count % 5 else [])) if in_fives else str(count)

    plural = f"{SHAPE_NAME[kind]}s"
    return svg.render(
        f"Rows of {plural} lined up one under another. " + "; ".join(f"{label}: {told(count)}" for label, count in rows)
    )


def mixed_shapes(kinds: Sequence[str], *, rng: random.Random | None = None, per_row: int = 6) -> str:
    """Flat shapes in rows; with `rng`, each gets its own size and turn (so size and turn do not tell the name)."""
    cell = 62
    rows = math.ceil(len(kinds) / per_row)
    svg = Svg(per_row * cell + 8, rows * cell + 8)
    told = []
    for index, kind in enumerate(kinds):
        row, column = divmod(index, per_row)
        scale = rng.choice((0.55, 0.75, 0.95)) if rng else 0.8
        angle = rng.choice(range(0, 360, 30)) if rng else 0
        draw_shape(svg, kind, 4 + column * cell + cell / 2, 4 + row * cell + cell / 2, 50 * scale, angle=angle)
        size_word = {0.55: "small ", 0.75: "", 0.95: "big "}[scale] if rng else ""
        told.append(f"{size_word}{SHAPE_NAME[kind]}")
    return svg.render(f"{len(kinds)} shapes in rows, read left to right: " + ", ".join(told))


def named(person: str, thing: str) -> str:
    return f"{person}'s {thing}"


# ---------------------------------------------------------------------------------------------------------
# K.CC.A: number names and the count sequence


@template("K.CC.A.1", difficulty=INTRODUCTORY)
def count_by_tens_missing(rng: random.Random) -> Problem:
    """Find the missing number when counting by tens."""
    start = rng.randint(1, 7)
    tens = [10 * (start + index) for index in range(4)]
    blank = rng.randrange(4)
    answer = tens[blank]
    shown = sequence_text([MISSING if index == blank else value for index, value in enumerate(tens)])
    slip = tens[blank - 1] + 1 if blank else answer + 1
    return number_problem(
        f"Count by tens.\n\n{shown}\n\nWhat number is missing?",
        answer,
        hints=("Counting by tens goes 10, 20, 30, 40 and on.", "Each number is 10 more than the one before it."),
        solution=f"Count by tens: {sequence_text(tens)}. The missing number is **{answer}**.",
        wrong=[slip, answer + 10, answer - 1],
    )


@template("K.CC.A.1", difficulty=INTRODUCTORY)
def count_by_ones_next(rng: random.Random) -> Problem:
    """Say the next number when counting by ones to 100, often across a ten."""
    crossing = rng.random() < 0.6
    last = rng.randint(1, 9) * 10 + 9 if crossing else rng.randint(3, 97)
    answer = last + 1
    wrong = [last // 10 * 10, int(f"{last // 10}10"), last + 2] if answer % 10 == 0 else [last + 2, last - 1, last + 10]
    return number_problem(
        f"Count by ones.\n\n{sequence_text([last - 2, last - 1, last, MISSING])}\n\nWhat number comes next?",
        answer,
        hints=("Say the numbers out loud.", "After a number ending in 9 comes the next ten."),
        solution=f"Counting by ones: {sequence_text([last - 2, last - 1, last])}, **{answer}**.",
        wrong=wrong,
    )


@template("K.CC.A.1")
def which_list_counts(rng: random.Random) -> Problem:
    """Pick the list that counts by tens (or by ones)."""
    if rng.random() < 0.5:
        start = rng.randint(1, 6) * 10
        right = [start + 10 * index for index in range(4)]
        wrong = [
            [start + index for index in range(4)],
            [start, start + 10, start + 30, start + 40],
            [start, start + 10, start + 11, start + 12],
        ]
        way, step = "by tens", "10 more"
    else:
        start = rng.randint(11, 70)
        right = [start + index for index in range(4)]
        wrong = [
            [start + 10 * index for index in range(4)],
            [start, start + 1, start + 3, start + 4],
            [start, start - 1, start - 2, start - 3],
        ]
        way, step = "by ones", "1 more"
    correct = sequence_text(right)
    return choice_problem(
        rng,
        f"Which one shows counting {way}?",
        correct,
        [sequence_text(numbers) for numbers in wrong],
        hints=(f"Counting {way}, each number is {step} than the one before.", "Check every step, not just the first."),
        solution=f"Each number is {step} than the one before: **{correct}**.",
    )


@template("K.CC.A.2")
def count_forward_from(rng: random.Random) -> Problem:
    """Pick the right way to count forward from a given number."""
    start = rng.randint(4, 40)
    right = sequence_text(range(start, start + 4))
    wrong = [
        sequence_text(range(1, 5)),
        sequence_text([start, start + 1, start + 3, start + 4]),
        sequence_text(range(start, start - 4, -1)),
        sequence_text([start, start + 1, start + 1, start + 2]),
    ]
    return choice_problem(
        rng,
        f"Start at {start}. Count forward.\n\nWhich is right?",
        right,
        rng.sample(wrong, 3),
        hints=(f"Do not start at 1. Start at {start}.", "Each number is 1 more. Do not skip or say one twice."),
        solution=f"Start at {start} and say each next number: **{right}**.",
    )


@template("K.CC.A.2")
def count_forward_on_number_line(rng: random.Random) -> Problem:
    """Start at a number on the number line and count forward a few numbers."""
    start, steps = rng.randint(3, 16), rng.randint(2, 4)
    answer = start + steps
    said = sequence_text(range(start + 1, answer + 1))
    return number_problem(
        f"The dot is on {start}. Start there. Count forward {steps} numbers.\n\nWhat number do you stop on?",
        answer,
        hints=(f"Put your finger on {start}.", f"Say the next {steps} numbers, one for each jump."),
        solution=f"Start at {start} and count forward: {said}. You stop on **{answer}**.",
        wrong=[answer - 1, answer + 1, steps],
        figure=figures.number_line(0, 20, 1, points=[("", start)]),
    )


@template("K.CC.A.3", difficulty=INTRODUCTORY)
def write_number_for_objects(rng: random.Random) -> Problem:
    """Count pictured things (0 to 20) and write the number."""
    count = 0 if rng.random() < 0.1 else rng.randint(1, 20)
    if count == 0:
        svg = Svg(200, 120)
        svg.circle(100, 60, 50, fill="#ffffff", stroke=INK, stroke_width=2)
        svg.circle(100, 60, 36, fill="#ffffff", stroke=MUTED)
        return number_problem(
            "How many cookies are on the plate? Write the number.",
            0,
            hints=("Look at the plate carefully.", "What number tells how many when there are none?"),
            solution="There are no cookies on the plate. No things is written **0** (zero).",
            wrong=[1, 10],
            figure=svg.render("An empty plate with nothing on it"),
        )
    kind = rng.choice(("star", "circle", "square", "triangle"))
    wrong = [count + 1, count - 1] + ([int(str(count)[::-1])] if 11 < count < 20 else [])
    return number_problem(
        f"How many {kind}s? Write the number.",
        count,
        hints=("Touch each one as you count.", "The last number you say tells how many."),
        solution=f"Count each {kind} one time. The last number said is **{count}**.",
        wrong=wrong,
        figure=figures.objects(count, shape=kind),
    )


@template("K.CC.A.3", difficulty=INTRODUCTORY)
def write_number_named(rng: random.Random) -> Problem:
    """Write the numeral for a number name from 0 to 20."""
    number = rng.randint(0, 20)
    if 11 < number < 20:
        wrong = [int(str(number)[::-1]), number - 10, (number - 10) * 10]
    else:
        wrong = [{6: 9, 9: 6}.get(number, number + 1), number - 1, number + 10]
    return number_problem(
        f"Write the number **{number_word(number)}**.",
        number,
        hints=("Say the number out loud.", "Count up from zero until you reach it."),
        solution=f"The number {number_word(number)} is written **{number}**.",
        wrong=wrong,
    )


@template("K.CC.A.3")
def numeral_for_ten_frame(rng: random.Random) -> Problem:
    """Pick the numeral that tells how many counters are in the ten-frames (0 to 20)."""
    count = 0 if rng.random() < 0.12 else rng.randint(1, 20)
    wrong = [count + 1, count - 1, 10 + count if count < 10 else count - 10] + (
        [int(str(count)[::-1])] if 11 < count < 20 else []
    )
    options = [str(value) for value in distinct_wrong(count, [value for value in wrong if value >= 0], 3)]
    frames = 2 if count > 10 else 1
    return choice_problem(
        rng,
        "How many counters are in the ten-frame? Pick the number.",
        str(count),
        options,
        hints=("A full ten-frame has 10 counters.", "Count the counters one by one."),
        solution=f"Counting the counters gives **{count}**."
        if count
        else "There are no counters. No things is written **0**.",
        figure=figures.ten_frame(count, frames=frames),
    )


# ---------------------------------------------------------------------------------------------------------
# K.CC.B: counting to tell how many

COUNTING_SLIPS = {
    "skipped": "{who} skipped a number.",
    "twice": "{who} counted one {thing} two times.",
    "missed": "{who} missed a {thing}.",
    "right": "{who} counted the right way.",
}


@template("K.CC.B.4a")
def find_the_counting_slip(rng: random.Random) -> Problem:
    """Spot what went wrong when someone counted pictured things."""
    who, kind = name(rng), rng.choice(("star", "circle", "square"))
    count = rng.randint(4, 9)
    slip = rng.choice(tuple(COUNTING_SLIPS))
    if slip == "skipped":
        left_out = rng.randint(2, count - 1)
        said = [number for number in range(1, count + 2) if number != left_out]
    else:
        said = list(range(1, count + {"twice": 2, "missed": 0, "right": 1}[slip]))
    texts = {key: text.format(who=who, thing=kind) for key, text in COUNTING_SLIPS.items()}
    why = {
        "skipped": "A number was left out, so the count is wrong.",
        "twice": f"There are more numbers than {kind}s, so one {kind} got two numbers.",
        "missed": f"There are fewer numbers than {kind}s, so one {kind} got no number.",
        "right": f"Each {kind} got one number, in order, with none skipped.",
    }[slip]
    return choice_problem(
        rng,
        f"{who} counts the {kind}s. {who} says:\n\n{sequence_text(said)}\n\nWhat happened?",
        texts[slip],
        [text for key, text in texts.items() if key != slip],
        hints=(f"Count the {kind}s yourself. Touch each one once.", "Check the numbers: are they in order?"),
        solution=f"{why} So: **{texts[slip]}**",
        figure=figures.objects(count, shape=kind),
    )


@template("K.CC.B.4a", difficulty=INTRODUCTORY)
def next_number_name(rng: random.Random) -> Problem:
    """Say the number that goes with the next (or the last) object when counting one by one."""
    who, kind = name(rng), rng.choice(("star", "circle", "square"))
    total = rng.randint(5, 10)
    counted = rng.randint(2, total - 2)
    said = sequence_text(range(1, counted + 1))
    last = rng.random() < 0.4
    answer = total if last else counted + 1
    which = "the last" if last else "the next"
    return number_problem(
        f"{who} touches each blue {kind} and says {said}.\n\nWhat number does {who} say for {which} {kind}?",
        answer,
        hints=(f"Each {kind} gets one number.", "Keep counting in order, one number for each yellow one."),
        solution=f"Keep going one {kind} at a time: {sequence_text(range(1, answer + 1))}. "
        f"{which.capitalize()} {kind} gets **{answer}**.",
        wrong=[answer + 1, answer - 1, counted],
        figure=colour_row(
            counted,
            total - counted,
            kind=kind,
            label=f"A row of {kind}s: the first {counted} are blue and counted, then "
            f"{total - counted} yellow ones not counted yet",
        ),
    )


@template("K.CC.B.4b", difficulty=INTRODUCTORY)
def last_number_tells_how_many(rng: random.Random) -> Problem:
    """Answer "how many?" from the count someone said."""
    who, kind = name(rng), rng.choice(("star", "circle", "square", "triangle"))
    count = rng.randint(3, 10)
    options = [str(value) for value in distinct_wrong(count, [1, count + 1, count - 1])]
    return choice_problem(
        rng,
        f"{who} counts the {kind}s: {sequence_text(range(1, count + 1))}.\n\nHow many {kind}s are there?",
        str(count),
        options,
        hints=("Which number did the count stop on?", "The last number said tells how many."),
        solution=f"The last number {who} said tells how many: **{count}**.",
        figure=figures.objects(count, shape=kind),
    )


@template("K.CC.B.4b")
def same_count_after_moving(rng: random.Random) -> Problem:
    """Know the count stays the same when the things are moved or counted in another order."""
    who = name(rng)
    count = rng.randint(4, 10)
    change = rng.choice(("circle", "back", "spread"))
    if change == "circle":
        story = f"{who} counts {count} buttons in a line. Then {who} puts them in a circle."
        figure = ring_of_dots(count)
    elif change == "back":
        story = f"{who} counts {count} buttons from left to right. Then {who} counts from right to left."
        figure = figures.objects(count, shape="circle", per_row=10, thing="buttons")
    else:
        story = f"{who} counts {count} buttons in a line. Then {who} spreads them out."
        figure = scattered_dots(count, rng)
    return number_problem(
        f"{story}\n\nHow many buttons are there now?",
        count,
        hints=("Did anyone add or take away a button?", "Moving things does not change how many there are."),
        solution=f"No buttons were added or taken away. There are still **{count}** buttons.",
        wrong=[count + 1, count - 1],
        figure=figure,
    )


@template("K.CC.B.4c", difficulty=INTRODUCTORY)
def one_more_thing(rng: random.Random) -> Problem:
    """Count the things, add one more, and say the new number."""
    kind = rng.choice(("star", "circle", "square", "triangle"))
    count = rng.randint(2, 19)
    return number_problem(
        f"Count the {kind}s. Now 1 more {kind} comes.\n\nHow many {kind}s now?",
        count + 1,
        hints=(f"First count the {kind}s in the picture.", "1 more means the next number when you count."),
        solution=f"There are {count} {kind}s. The next number after {count} is **{count + 1}**.",
        wrong=[count, count + 2, count - 1],
        figure=figures.objects(count, shape=kind),
    )


@template("K.CC.B.4c")
def one_more_counter(rng: random.Random) -> Problem:
    """Pick the number that is one more than the counters shown."""
    count = rng.randint(1, 19)
    options = [str(value) for value in distinct_wrong(count + 1, [count, count - 1, count + 2, count + 10], 3)]
    return choice_problem(
        rng,
        "Put 1 more counter in the ten-frame.\n\nHow many counters will there be?",
        str(count + 1),
        options,
        hints=("Count the counters first.", "One more is the next number you say."),
        solution=f"There are {count} counters. One more is the next number: **{count + 1}**.",
        figure=figures.ten_frame(count, frames=2 if count >= 10 else 1),
    )


@template("K.CC.B.5", difficulty=INTRODUCTORY)
def count_line_or_array(rng: random.Random) -> Problem:
    """Count up to 20 things in a line or in a rectangular array."""
    if rng.random() < 0.5:
        count = rng.randint(5, 20)
        figure = figures.objects(count, shape="circle", per_row=10, thing="dots")
    else:
        rows, columns = rng.randint(2, 4), rng.randint(2, 5)
        count = rows * columns
        figure = figures.dot_array(rows, columns)
    return number_problem(
        "How many dots?",
        count,
        hints=("Count one row at a time.", "Touch each dot once as you count."),
        solution=f"Count every dot one time. There are **{count}** dots.",
        wrong=[count - 1, count + 1],
        figure=figure,
    )


@template("K.CC.B.5")
def count_ring(rng: random.Random) -> Problem:
    """Count up to 20 dots arranged in a circle."""
    count = rng.randint(6, 20)
    return number_problem(
        "How many dots are in the circle?",
        count,
        hints=("Pick a dot to start. Remember which one it is.", "Stop when you get back to your first dot."),
        solution=f"Start at one dot and go around once, without counting the first dot again: **{count}** dots.",
        wrong=[count + 1, count - 1],
        figure=ring_of_dots(count),
    )


@template("K.CC.B.5")
def count_scattered(rng: random.Random) -> Problem:
    """Count up to 10 scattered dots."""
    count = rng.randint(3, 10)
    return number_problem(
        "How many dots?",
        count,
        hints=("The dots are not in rows, so go slowly.", "Touch each dot once. Do not skip any."),
        solution=f"Counting each dot one time gives **{count}**.",
        wrong=[count + 1, count - 1],
        figure=scattered_dots(count, rng),
    )


@template("K.CC.B.5")
def find_group_with_count(rng: random.Random) -> Problem:
    """Given a number, find the group that has that many."""
    kind = rng.choice(("star", "circle", "square"))
    count = rng.randint(3, 15)
    counts = [count, count - 1, count + 1]
    rng.shuffle(counts)
    groups = [f"Group {letter}" for letter in LETTERS[:3]]
    correct = groups[counts.index(count)]
    return choice_problem(
        rng,
        f"Which group has {count} {kind}s?",
        correct,
        [group for group in groups if group != correct],
        keep_order=False,
        hints=("Count each group.", f"Stop at the group where your count ends on {count}."),
        solution=f"Counting each group: {', '.join(f'{g} has {c}' for g, c in zip(groups, counts))}. "
        f"So the answer is **{correct}**.",
        figure=labelled_rows(list(zip(groups, counts)), kind=kind, in_fives=True),
    )


# ---------------------------------------------------------------------------------------------------------
# K.CC.C: comparing numbers


def _two_counts(rng: random.Random, low: int = 1, high: int = 10) -> tuple[int, int]:
    first = rng.randint(low, high)
    second = first if rng.random() < 0.2 else rng.choice([n for n in range(low, high + 1) if n != first])
    return first, second


@template("K.CC.C.6")
def who_has_more(rng: random.Random) -> Problem:
    """Say which of two pictured groups has more (or fewer), or that they are the same."""
    first_name, second_name = names(rng, 2)
    kind, thing = rng.choice((("square", "blocks"), ("circle", "balls"), ("star", "stars")))
    first, second = _two_counts(rng)
    more = rng.random() < 0.6
    word = "more" if more else "fewer"
    same = "They have the same number"
    if first == second:
        correct = same
    else:
        correct = first_name if (first > second) == more else second_name
    why = (
        "Each one has a partner, so they are the same."
        if first == second
        else (f"{first_name} has {first} and {second_name} has {second}.")
    )
    return choice_problem(
        rng,
        f"Who has {word} {thing}?",
        correct,
        [first_name, second_name, same],
        keep_order=True,
        hints=("Match them up, one from each row.", f"The row with {thing} left over has more."),
        solution=f"{why} So: **{correct}**.",
        figure=labelled_rows([(first_name, first), (second_name, second)], kind=kind),
    )


@template("K.CC.C.6")
def greater_less_or_equal_groups(rng: random.Random) -> Problem:
    """Say whether one pictured group is greater than, less than or equal to another."""
    first, second = _two_counts(rng)
    correct = "greater than" if first > second else "less than" if first < second else "equal to"
    return choice_problem(
        rng,
        "Is the number of stars greater than, less than, or equal to the number of circles?",
        correct,
        ["greater than", "less than", "equal to"],
        keep_order=True,
        hints=("Match each star with a circle.", "Count both rows."),
        solution=f"There are {first} stars and {second} circles, so the number of stars is **{correct}** the "
        "number of circles.",
        figure=_stars_and_circles(first, second),
    )


def _stars_and_circles(stars: int, circles: int) -> str:
    svg_rows = [("Stars", stars, "star", FILL), ("Circles", circles, "circle", SHADE)]
    cell, left = 36, 90
    svg = Svg(left + max(stars, circles) * cell + 10, 2 * (cell + 12) + 8)
    for row, (label, count, kind, fill) in enumerate(svg_rows):
        y = 8 + row * (cell + 12) + cell / 2
        svg.text(left - 10, y + 5, label, size=14, anchor="end", weight="bold")
        for index in range(count):
            draw_shape(svg, kind, left + index * cell + cell / 2, y, 28, fill=fill)
    return svg.render(f"Two rows lined up one under another: {stars} stars on top and {circles} circles below")


@template("K.CC.C.7", difficulty=INTRODUCTORY)
def pick_greater_numeral(rng: random.Random) -> Problem:
    """Pick the greater (or less) of two numbers from 1 to 10."""
    first, second = rng.sample(range(1, 11), 2)
    greater = rng.random() < 0.5
    word = "greater" if greater else "less"
    correct = max(first, second) if greater else min(first, second)
    return choice_problem(
        rng,
        f"Which number is {word}?\n\n**{first}** or **{second}**",
        str(correct),
        [str(first), str(second), "They are equal"],
        keep_order=True,
        hints=("Count up from 1. Which number do you say first?", "The number you say later when counting is greater."),
        solution=f"When you count, {min(first, second)} comes before {max(first, second)}. So **{correct}** is {word}.",
    )


@template("K.CC.C.7")
def compare_numerals_in_words(rng: random.Random) -> Problem:
    """Say whether one number from 1 to 10 is greater than, less than or equal to another."""
    first, second = _two_counts(rng)
    correct = "greater than" if first > second else "less than" if first < second else "equal to"
    if first == second:
        why = "They are the same number."
    else:
        why = f"When you count, {min(first, second)} comes before {max(first, second)}."
    return choice_problem(
        rng,
        f"Is {first} greater than, less than, or equal to {second}?",
        correct,
        ["greater than", "less than", "equal to"],
        keep_order=True,
        hints=("Count from 1 to 10. Which number comes later?", "A number said later is greater."),
        solution=f"{why} So {first} is **{correct}** {second}.",
    )


# ---------------------------------------------------------------------------------------------------------
# K.OA: addition and subtraction within 10

THINGS = ("apples", "shells", "stickers", "blocks", "crayons", "balls", "leaves", "cars")


@template("K.OA.A.1")
def equation_for_joining_picture(rng: random.Random) -> Problem:
    """Pick the addition equation that matches a picture of two groups."""
    first = rng.randint(1, 8)
    second = rng.choice([n for n in range(1, 10 - first + 1) if n != first] or [1])
    total = first + second
    correct = f"{first} + {second} = {total}"
    wrong = [
        f"{max(first, second)} − {min(first, second)} = {abs(first - second)}",
        f"{first} + {second} = {total + 1}",
        f"{first} + {first} = {2 * first}",
    ]
    return choice_problem(
        rng,
        "Which one matches the picture?",
        correct,
        wrong,
        hints=("Count the blue group, then the yellow group.", "Putting groups together is adding."),
        solution=f"There are {first} blue and {second} yellow. Put together, that is **{correct}**.",
        figure=two_groups(first, second),
    )


@template("K.OA.A.1")
def equation_for_taking_picture(rng: random.Random) -> Problem:
    """Pick the subtraction equation that matches a picture with some things crossed out."""
    total = rng.randint(3, 10)
    gone = rng.randint(1, total - 1)
    left = total - gone
    correct = f"{total} − {gone} = {left}"
    wrong = [f"{total} + {gone} = {total + gone}", f"{total} − {gone} = {left + 1}"]
    if left > gone:
        wrong.append(f"{left} − {gone} = {left - gone}")
    elif gone > 1:
        wrong.append(f"{total} − {gone - 1} = {left + 1}")
    return choice_problem(
        rng,
        "Which one matches the picture?",
        correct,
        wrong,
        hints=("Count all the circles first.", "Crossed-out circles are taken away."),
        solution=f"There are {total} circles and {gone} {be(gone)} crossed out. {left} {be(left)} left: **{correct}**.",
        figure=crossed_row(total, gone),
    )


@template("K.OA.A.1")
def expression_for_story(rng: random.Random) -> Problem:
    """Pick the expression that shows a short adding or taking story."""
    who, thing = name(rng), rng.choice(THINGS)
    if rng.random() < 0.5:
        first = rng.randint(2, 7)
        second = rng.randint(1, 10 - first)
        story = f"{who} has {first} {thing}. {who} gets {second} more."
        correct = f"{first} + {second}"
        wrong = [
            f"{first} − {second}" if first > second else f"{first + second} − {second}",
            f"{first} + {second + 1}",
            f"{first + second} + {second}",
        ]
        why = "Getting more is adding"
    else:
        first = rng.randint(3, 10)
        second = rng.randint(1, first - 1)
        story = f"{who} has {first} {thing}. {who} gives away {second}."
        correct = f"{first} − {second}"
        wrong = [
            f"{first} + {second}",
            f"{first} − {second + 1}" if second + 1 < first else f"{first} − {second - 1}",
            f"{first - second} + {second}",
        ]
        why = "Giving away is taking away"
    return choice_problem(
        rng,
        f"{story}\n\nWhich one shows the story?",
        correct,
        wrong,
        hints=("Does the number of things go up or down?", "Use the numbers from the story, in order."),
        solution=f"{why}, starting with {first}: **{correct}**.",
    )


@template("K.OA.A.2", difficulty=INTRODUCTORY)
def add_to_story(rng: random.Random) -> Problem:
    """Solve an adding-to story within 10."""
    who, thing = name(rng), rng.choice(THINGS)
    first = rng.randint(2, 8)
    second = rng.randint(1, 10 - first)
    total = first + second
    return number_problem(
        f"{who} has {first} {thing}. {who} gets {second} more.\n\nHow many {thing} does {who} have now?",
        total,
        hints=("Gets more means add.", f"Start at {first} and count on {second}."),
        solution=f"{first} + {second} = {total}. {who} has **{total}** {thing} now.",
        wrong=[abs(first - second), total + 1, total - 1],
        figure=two_groups(first, second),
    )


@template("K.OA.A.2", difficulty=INTRODUCTORY)
def take_from_story(rng: random.Random) -> Problem:
    """Solve a taking-from story within 10."""
    total = rng.randint(3, 10)
    gone = rng.randint(1, total - 1)
    thing, leaves = rng.choice(
        (("birds", "fly away"), ("frogs", "hop away"), ("ducks", "swim away"), ("bees", "fly away"))
    )
    left = total - gone
    return number_problem(
        f"There are {total} {thing}. {gone} {leaves}.\n\nHow many {thing} are left?",
        left,
        hints=(f"{leaves.capitalize()} means take away.", "Count the ones that are not crossed out."),
        solution=f"{total} − {gone} = {left}. There are **{left}** {thing} left.",
        wrong=[total + gone, left + 1, gone],
        figure=crossed_row(total, gone),
    )


@template("K.OA.A.2")
def put_together_or_take_apart(rng: random.Random) -> Problem:
    """Solve a putting-together or taking-apart story within 10."""
    thing = rng.choice(("apples", "flowers", "fish", "hats"))
    red = rng.randint(2, 8)
    green = rng.randint(2, 10 - red)
    total = red + green
    if rng.random() < 0.5:
        return number_problem(
            f"{red} red {thing} and {green} green {thing} are in a box.\n\nHow many {thing} are in the box?",
            total,
            hints=("Put the two groups together.", f"Start at {red} and count on."),
            solution=f"{red} + {green} = {total}. There are **{total}** {thing}.",
            wrong=[abs(red - green), total + 1, total - 1],
        )
    return number_problem(
        f"There are {total} {thing} in a box. {red} are red. The rest are green.\n\nHow many are green?",
        green,
        hints=("Some are red and the rest are green.", f"What goes with {red} to make {total}?"),
        solution=f"{total} − {red} = {green}. **{green}** {thing} are green.",
        wrong=[total + red, green + 1, red],
    )


@template("K.OA.A.2")
def add_or_subtract_within_10(rng: random.Random) -> Problem:
    """Add or subtract within 10 with a picture to help."""
    if rng.random() < 0.5:
        first = rng.randint(1, 9)
        second = rng.randint(1, 10 - first)
        total = first + second
        return number_problem(
            f"{first} + {second} = {MISSING}",
            total,
            hints=("Count all the circles.", f"Start at {first} and count on {second}."),
            solution=f"{first} and {second} more make {total}. So {first} + {second} = **{total}**.",
            wrong=[total + 1, total - 1, abs(first - second)],
            figure=two_groups(first, second),
        )
    total = rng.randint(2, 10)
    gone = rng.randint(1, total)
    return number_problem(
        f"{total} − {gone} = {MISSING}",
        total - gone,
        hints=("Count the circles that are not crossed out.", f"Take {gone} away from {total}."),
        solution=f"Take {gone} away from {total}: {total - gone} {be(total - gone)} left. "
        f"So {total} − {gone} = **{total - gone}**.",
        wrong=[total + gone, total - gone + 1, total - gone - 1],
        figure=crossed_row(total, gone),
    )


@template("K.OA.A.3")
def missing_part_of_number(rng: random.Random) -> Problem:
    """Find the other part when a number up to 10 is split into two parts."""
    total = rng.randint(3, 10)
    part = rng.randint(1, total - 1)
    other = total - part
    if rng.random() < 0.5:
        return number_problem(
            f"{total} = {part} + {MISSING}",
            other,
            hints=(f"Make {total} with your fingers.", f"Fold down {part}. How many fingers are still up?"),
            solution=f"{part} and {other} make {total}. So {total} = {part} + **{other}**.",
            wrong=[total + part, other + 1, other - 1],
            figure=colour_row(part, other, label=f"A row of {total} circles: {part} blue, then the rest yellow"),
        )
    who = name(rng)
    return number_problem(
        f"{who} has {total} pennies in two hands. {part} are in one hand.\n\nHow many are in the other hand?",
        other,
        hints=(f"The two hands together hold {total}.", f"What goes with {part} to make {total}?"),
        solution=f"{part} + {other} = {total}. The other hand has **{other}** pennies.",
        wrong=[total + part, other + 1, other - 1],
    )


@template("K.OA.A.3")
def ways_to_make_number(rng: random.Random) -> Problem:
    """Pick every pair of numbers that makes a given number (more than one way)."""
    total = rng.randint(4, 10)
    pairs = [(first, total - first) for first in range(1, total // 2 + 1)]
    chosen = rng.sample(pairs, 2)
    correct = [f"{a} + {b}" if rng.random() < 0.5 else f"{b} + {a}" for a, b in chosen]
    near = [(a, b + 1) for a, b in pairs] + [(a, b - 1) for a, b in pairs if b > 1]
    wrong = [f"{a} + {b}" for a, b in rng.sample(near, 2)]
    return multi_problem(
        rng,
        f"Which ones make {total}? Pick all that are right.",
        correct,
        wrong,
        hints=("Add each pair. Use your fingers or draw dots.", f"More than one pair can make {total}."),
        solution=f"{correct[0]} = {total} and {correct[1]} = {total}. The others do not make {total}.",
        figure=figures.objects(total, shape="circle", thing="circles"),
    )


@template("K.OA.A.4", difficulty=INTRODUCTORY)
def fill_the_ten_frame(rng: random.Random) -> Problem:
    """Find how many more counters fill a ten-frame."""
    count = rng.randint(1, 9)
    question = rng.choice(("How many more counters fill the ten-frame?", "How many more counters make 10?"))
    return number_problem(
        question,
        10 - count,
        hints=("A full ten-frame has 10 counters.", "Count the empty boxes."),
        solution=f"There are {count} counters. {count} + {10 - count} = 10, so **{10 - count}** more make 10.",
        wrong=[count, 11 - count, 9 - count],
        figure=figures.ten_frame(count),
    )


@template("K.OA.A.4")
def make_ten_equation(rng: random.Random) -> Problem:
    """Find the number that makes 10 with a given number, written as an equation."""
    given = rng.randint(1, 9)
    stem = f"{given} + {MISSING} = 10" if rng.random() < 0.5 else f"{MISSING} + {given} = 10"
    return number_problem(
        f"What number makes 10?\n\n{stem}",
        10 - given,
        hints=("Use your 10 fingers.", f"Hold up {given} fingers. How many are down?"),
        solution=f"{given} and {10 - given} make 10. The missing number is **{10 - given}**.",
        wrong=[given, 11 - given, 10 + given],
        figure=figures.ten_frame(given),
    )


@template("K.OA.A.4")
def pick_partner_for_ten(rng: random.Random) -> Problem:
    """Pick the number that goes with a given number to make 10."""
    given = rng.randint(1, 9)
    partner = 10 - given
    options = [
        str(value) for value in distinct_wrong(partner, [partner - 1, partner + 1, given, 10 + given], 3) if value > 0
    ]
    who = name(rng)
    return choice_problem(
        rng,
        f"{who} has {given} beads. How many more beads does {who} need to have 10?",
        str(partner),
        options,
        hints=("Count on from the beads to 10.", "Use your fingers: how many more make 10?"),
        solution=f"{given} + {partner} = 10. {who} needs **{partner}** more.",
    )


@template("K.OA.A.5", difficulty=INTRODUCTORY)
def add_within_5(rng: random.Random) -> Problem:
    """Add two numbers with a sum up to 5."""
    first = rng.randint(0, 5)
    second = rng.randint(0 if first else 1, 5 - first)
    total = first + second
    return number_problem(
        f"{first} + {second} = {MISSING}",
        total,
        hints=("Use your fingers.", "Start with the first number and count on."),
        solution=f"{first} and {second} make {total}. So {first} + {second} = **{total}**.",
        wrong=[total + 1, total - 1, abs(first - second)],
    )


@template("K.OA.A.5", difficulty=INTRODUCTORY)
def subtract_within_5(rng: random.Random) -> Problem:
    """Subtract within 5."""
    total = rng.randint(1, 5)
    gone = rng.randint(0, total)
    left = total - gone
    return number_problem(
        f"{total} − {gone} = {MISSING}",
        left,
        hints=("Hold up fingers for the first number.", "Put down fingers for the second number."),
        solution=f"Take {gone} away from {total}: {left} {be(left)} left. So {total} − {gone} = **{left}**.",
        wrong=[total + gone, left + 1, left - 1],
    )


# ---------------------------------------------------------------------------------------------------------
# K.NBT: 11 to 19 as ten ones and some more ones


@template("K.NBT.A.1")
def teen_number_as_ten_and_ones(rng: random.Random) -> Problem:
    """Write a number from 11 to 19 as 10 and some ones (or put 10 and some ones together)."""
    ones = rng.randint(1, 9)
    number = 10 + ones
    if rng.random() < 0.5:
        return number_problem(
            f"{number} = 10 + {MISSING}",
            ones,
            hints=("One ten-frame is full. That is 10.", "Count the counters in the other ten-frame."),
            solution=f"{number} is 10 ones and {ones} more ones. So {number} = 10 + **{ones}**.",
            wrong=[1, number, ones + 1],
            figure=figures.ten_frame(number, frames=2),
        )
    return number_problem(
        f"10 + {ones} = {MISSING}",
        number,
        hints=("A full ten-frame is 10.", "Start at 10 and count on the other counters."),
        solution=f"10 and {ones} more make {number}. So 10 + {ones} = **{number}**.",
        wrong=[1 + ones, int(f"10{ones}"), number + 1],
        figure=figures.ten_frame(number, frames=2),
    )


@template("K.NBT.A.1")
def pick_ten_and_ones(rng: random.Random) -> Problem:
    """Pick the equation that breaks the number shown by blocks into ten and ones."""
    ones = rng.randint(1, 9)
    number = 10 + ones
    correct = f"{number} = 10 + {ones}"
    wrong = [f"{number} = 1 + {ones}", f"{number} = 10 + {ones + 1}", f"{number} = 10 + {number}"]
    return choice_problem(
        rng,
        f"The blocks show {number}. Which one matches?",
        correct,
        wrong,
        hints=("The tall block is a ten: 10 ones stuck together.", "Count the small cubes."),
        solution=f"The blocks show 1 ten and {ones} ones: **{correct}**.",
        figure=figures.base_ten(0, 1, ones),
    )


# ---------------------------------------------------------------------------------------------------------
# K.MD: measurable attributes, direct comparison, sorting

ATTRIBUTES = {
    "length": ("how long it is", "long or short", ("rope", "ribbon", "pencil", "snake", "scarf", "train")),
    "weight": ("how heavy it is", "heavy or light", ("rock", "backpack", "watermelon", "pumpkin", "bag of sand")),
    "height": ("how tall it is", "tall or short", ("tree", "tower", "giraffe", "sunflower", "building")),
    "capacity": ("how much it holds", "hold a lot or a little", ("cup", "bucket", "bathtub", "jar")),
}


@template("K.MD.A.1")
def attribute_named_by_words(rng: random.Random) -> Problem:
    """Say which measurable attribute describing words (long/short, heavy/light...) tell about."""
    attribute = rng.choice(tuple(ATTRIBUTES))
    correct, words, objects = ATTRIBUTES[attribute]
    thing = rng.choice(objects)
    article = "An" if thing[0] in "aeiou" else "A"
    phrase = f"can {words}" if attribute == "capacity" else f"can be {words}"
    wrong = [text for key, (text, _, _) in ATTRIBUTES.items() if key != attribute]
    wrong = rng.sample(wrong, 2) + ["what color it is"]
    return choice_problem(
        rng,
        f"{article} {thing} {phrase}.\n\nWhat does that tell about the {thing}?",
        correct,
        wrong,
        hints=(f'Think about the words "{words}".', "Which one could you measure that way?"),
        solution=f'The words "{words}" tell **{correct}**.',
    )


MEASURABLE = {
    "box": ("how long it is", "how heavy it is", "how tall it is"),
    "table": ("how long it is", "how heavy it is", "how tall it is"),
    "dog": ("how long it is", "how heavy it is", "how tall it is"),
    "book": ("how long it is", "how heavy it is", "how thick it is"),
    "fish tank": ("how long it is", "how heavy it is", "how much water it holds"),
    "pumpkin": ("how heavy it is", "how tall it is", "how big around it is"),
    "water bottle": ("how tall it is", "how heavy it is", "how much water it holds"),
}
NOT_MEASURABLE = ("what color it is", "what its name is", "who owns it", "if it is pretty")


@template("K.MD.A.1")
def measurable_things_about(rng: random.Random) -> Problem:
    """Pick the measurable attributes of one object (several of them)."""
    thing = rng.choice(tuple(MEASURABLE))
    correct = rng.sample(MEASURABLE[thing], 2)
    wrong = rng.sample(NOT_MEASURABLE, 2)
    return multi_problem(
        rng,
        f"What can you measure about a {thing}? Pick all that are right.",
        correct,
        wrong,
        hints=(
            "You can measure something if you can say how much of it there is.",
            "Could you use cubes, a scale or a cup to find it?",
        ),
        solution="You can measure size, weight and how much something holds, but not things like color or names.",
    )


def length_bars(bars: Sequence[tuple[str, int]], *, thing: str) -> str:
    """Bars lined up at the left end, one per (name, length in units), to compare lengths directly."""
    left, unit = 130, 30
    svg = Svg(left + max(length for _, length in bars) * unit + 20, len(bars) * 44 + 16)
    svg.line(left, 4, left, len(bars) * 44 + 12, stroke=MUTED, stroke_width=1)
    for index, (label, length) in enumerate(bars):
        y = 12 + index * 44
        svg.text(left - 10, y + 20, label, size=14, anchor="end", weight="bold")
        svg.rect(left, y, length * unit, 26, fill=FILL if index % 2 == 0 else SHADE, rx=6)
    listed = "; ".join(f"{label} is {length} units long" for label, length in bars)
    return svg.render(f"{thing.capitalize()} lined up at their left ends: {listed}")


def cube_towers(towers: Sequence[tuple[str, int]]) -> str:
    """Towers of same-size cubes standing on one line, with a name under each."""
    cube, slot = 26, 120
    top = max(height for _, height in towers)
    svg = Svg(slot * len(towers), top * cube + 50)
    base = top * cube + 14
    svg.line(0, base, slot * len(towers), base, stroke_width=2)
    for index, (label, height) in enumerate(towers):
        x = index * slot + (slot - cube) / 2
        for level in range(height):
            svg.rect(x, base - (level + 1) * cube, cube, cube, fill=FILL if index % 2 == 0 else SHADE)
        svg.text(index * slot + slot / 2, base + 24, label, size=14, weight="bold")
    listed = "; ".join(f"{label}'s tower is {height} cubes tall" for label, height in towers)
    return svg.render(f"Cube towers standing side by side: {listed}")


def _size_reason(
    first: int, second: int, first_label: str, second_label: str, bigger: bool, reasons: tuple[str, str, str]
) -> str:
    """Why the answer to "which is longer/shorter (taller/shorter)?" is right: `reasons` are the words for the
    same size, for the bigger one and for the smaller one."""
    if first == second:
        return reasons[0]
    big, small = (first_label, second_label) if first > second else (second_label, first_label)
    return f"{big} {reasons[1]}" if bigger else f"{small} {reasons[2]}"


def _compare_two(rng: random.Random, low: int, high: int) -> tuple[int, int]:
    """Two sizes that differ by at least 2 (so the difference is easy to see), or now and then the same size."""
    first = rng.randint(low, high)
    if rng.random() < 0.15:
        return first, first
    return first, rng.choice([size for size in range(low, high + 1) if abs(size - first) >= 2])


@template("K.MD.A.2", difficulty=INTRODUCTORY)
def compare_two_lengths(rng: random.Random) -> Problem:
    """Compare the lengths of two objects lined up side by side."""
    thing = rng.choice(("ribbon", "snake", "train", "rope"))
    first_name, second_name = names(rng, 2)
    first, second = _compare_two(rng, 3, 11)
    longer = rng.random() < 0.5
    word = "longer" if longer else "shorter"
    first_label, second_label = named(first_name, thing), named(second_name, thing)
    same = "They are the same length"
    correct = same if first == second else first_label if (first > second) == longer else second_label
    return choice_problem(
        rng,
        f"Which {thing} is {word}?",
        correct,
        [first_label, second_label, same],
        keep_order=True,
        hints=("The two start at the same place.", f"Look at where each {thing} ends."),
        solution=_size_reason(
            first,
            second,
            first_label,
            second_label,
            longer,
            ("Both end at the same place.", "goes farther, so it is longer.", "ends first, so it is shorter."),
        )
        + f" The answer is **{correct}**.",
        figure=length_bars([(first_label, first), (second_label, second)], thing=f"{thing}s"),
    )


@template("K.MD.A.2", difficulty=INTRODUCTORY)
def compare_two_heights(rng: random.Random) -> Problem:
    """Compare the heights of two cube towers standing side by side."""
    first_name, second_name = names(rng, 2)
    first, second = _compare_two(rng, 2, 9)
    taller = rng.random() < 0.5
    word = "taller" if taller else "shorter"
    same = "They are the same height"
    correct = same if first == second else first_name if (first > second) == taller else second_name
    return choice_problem(
        rng,
        f"Whose tower is {word}?",
        correct,
        [first_name, second_name, same],
        keep_order=True,
        hints=("Both towers stand on the same line.", "Look at the tops of the towers."),
        solution=_size_reason(
            first,
            second,
            f"{first_name}'s tower",
            f"{second_name}'s tower",
            taller,
            (
                "The tops are just as high.",
                "reaches higher, so it is taller.",
                "does not reach as high, so it is shorter.",
            ),
        )
        + f" The answer is **{correct}**.",
        figure=cube_towers([(first_name, first), (second_name, second)]),
    )


BALANCE_THINGS = ("box", "ball", "bag", "book", "shoe", "toy truck", "pumpkin", "jar")


def balance_scale(left: str, right: str, heavier: str | None) -> str:
    """A pan balance with `left` and `right` on it; the heavier side hangs lower (level when `heavier` is None)."""
    svg = Svg(340, 210)
    tilt = 0 if heavier is None else (22 if heavier == left else -22)
    pivot_x, pivot_y = 170, 70
    ends = [(pivot_x - 120, pivot_y + tilt), (pivot_x + 120, pivot_y - tilt)]
    svg.polygon([(pivot_x, pivot_y), (pivot_x - 26, 196), (pivot_x + 26, 196)], fill=SIDE_FILL)
    svg.line(*ends[0], *ends[1], stroke_width=5)
    for (x, y), label in zip(ends, (left, right)):
        svg.line(x, y, x, y + 50, stroke_width=1.5)
        svg.path(f"M {fmt(x - 44)} {fmt(y + 50)} Q {fmt(x)} {fmt(y + 78)} {fmt(x + 44)} {fmt(y + 50)} Z", fill=SHADE)
        svg.text(x, y + 44, label, size=14, weight="bold")
    svg.circle(pivot_x, pivot_y, 6, fill=INK)
    if heavier is None:
        told = "The two sides are level."
    else:
        lighter = right if heavier == left else left
        told = f"The side with the {heavier} hangs down low and the side with the {lighter} is up high."
    return svg.render(f"A pan balance with a {left} on the left and a {right} on the right. {told}")


@template("K.MD.A.2")
def compare_weights_on_balance(rng: random.Random) -> Problem:
    """Read a pan balance to say which of two things is heavier (or lighter)."""
    left, right = rng.sample(BALANCE_THINGS, 2)
    heavier = None if rng.random() < 0.15 else rng.choice((left, right))
    heavy = rng.random() < 0.5
    word = "heavier" if heavy else "lighter"
    same = "They weigh the same"
    if heavier is None:
        correct = same
    else:
        correct = f"the {heavier}" if heavy else f"the {right if heavier == left else left}"
    return choice_problem(
        rng,
        f"Look at the balance. Which is {word}?",
        correct,
        [f"the {left}", f"the {right}", same],
        keep_order=True,
        hints=("A heavier thing pulls its side down.", "Which side is low? Which side is high?"),
        solution=(
            "The sides are level, so they weigh the same."
            if heavier is None
            else f"The side with the {heavier} is down, so the {heavier} is heavier."
            if heavy
            else f"The side with the {right if heavier == left else left} is up, so it is lighter."
        )
        + f" The answer is **{correct}**.",
        figure=balance_scale(left, right, heavier),
    )


SORT_KINDS = ("circle", "square", "triangle")


def _sorting_counts(rng: random.Random) -> dict[str, int]:
    """Counts of circles, squares and triangles, all different, each from 2 to 7."""
    return dict(zip(SORT_KINDS, rng.sample(range(2, 8), 3)))


def _sorting_picture(rng: random.Random, counts: dict[str, int]) -> str:
    kinds = [kind for kind, count in counts.items() for _ in range(count)]
    rng.shuffle(kinds)
    return mixed_shapes(kinds)


@template("K.MD.B.3", difficulty=INTRODUCTORY)
def count_one_category(rng: random.Random) -> Problem:
    """Sort mixed shapes and count how many are in one group."""
    counts = _sorting_counts(rng)
    kind = rng.choice(SORT_KINDS)
    count = counts[kind]
    others = [value for key, value in counts.items() if key != kind]
    return number_problem(
        f"Sort the shapes. How many {kind}s are there?",
        count,
        hints=(f"Look only at the {kind}s.", f"Touch each {kind} once as you count."),
        solution=f"Counting only the {kind}s gives **{count}**.",
        wrong=[*others, count + 1, sum(counts.values())],
        figure=_sorting_picture(rng, counts),
    )


@template("K.MD.B.3")
def most_or_fewest_category(rng: random.Random) -> Problem:
    """Sort mixed shapes and say which group has the most (or the fewest)."""
    counts = _sorting_counts(rng)
    most = rng.random() < 0.5
    pick = max if most else min
    kind = pick(counts, key=counts.get)
    listed = ", ".join(f"{counts[key]} {key}s" for key in SORT_KINDS)
    return choice_problem(
        rng,
        f"Sort the shapes. Which group has the {'most' if most else 'fewest'}?",
        f"{kind}s",
        [f"{key}s" for key in SORT_KINDS],
        keep_order=True,
        hints=(
            "Count each kind of shape, one kind at a time.",
            f"Which count is the {'biggest' if most else 'smallest'}?",
        ),
        solution=f"There are {listed}. The group with the {'most' if most else 'fewest'} is **{kind}s**.",
        figure=_sorting_picture(rng, counts),
    )


@template("K.MD.B.3", difficulty=STRETCH)
def order_categories_by_count(rng: random.Random) -> Problem:
    """Sort mixed shapes, count each group and put the groups in order from most to fewest."""
    counts = _sorting_counts(rng)
    order = sorted(SORT_KINDS, key=counts.get, reverse=True)
    correct = ", ".join(f"{kind}s" for kind in order)
    others = [
        ", ".join(f"{kind}s" for kind in order[::-1]),
        ", ".join(f"{kind}s" for kind in SORT_KINDS),
        ", ".join(f"{kind}s" for kind in (order[1], order[0], order[2])),
        ", ".join(f"{kind}s" for kind in (order[0], order[2], order[1])),
    ]
    listed = ", ".join(f"{counts[key]} {key}s" for key in SORT_KINDS)
    return choice_problem(
        rng,
        "Sort the shapes. Which list goes from the most to the fewest?",
        correct,
        others,
        hints=("Count each kind of shape.", "Start the list with the biggest group."),
        solution=f"There are {listed}. From most to fewest: **{correct}**.",
        figure=_sorting_picture(rng, counts),
    )


# ---------------------------------------------------------------------------------------------------------
# K.G: shapes

OBJECT_SHAPES = {
    "ball": "sphere",
    "orange": "sphere",
    "globe": "sphere",
    "soup can": "cylinder",
    "drum": "cylinder",
    "party hat": "cone",
    "ice cream cone": "cone",
    "number cube": "cube",
    "toy block": "cube",
    "door": "rectangle",
    "book cover": "rectangle",
    "coin": "circle",
    "clock face": "circle",
    "slice of pizza": "triangle",
    "sticky note": "square",
}
# The flat shape a solid is mistaken for, and the other way round.
LOOK_ALIKE = {
    "sphere": "circle",
    "cylinder": "rectangle",
    "cone": "triangle",
    "cube": "square",
    "circle": "sphere",
    "rectangle": "square",
    "triangle": "cone",
    "square": "cube",
}


@template("K.G.A.1", difficulty=INTRODUCTORY)
def shape_of_object(rng: random.Random) -> Problem:
    """Name the shape an everyday object looks like."""
    thing = rng.choice(tuple(OBJECT_SHAPES))
    correct = OBJECT_SHAPES[thing]
    solid = correct in SOLIDS
    look_alike = LOOK_ALIKE[correct]
    if {look_alike, correct} == {"square", "rectangle"}:
        look_alike = "cube"
    pool = [
        shape
        for shape in (*SOLIDS, *FLAT_SHAPES)
        if shape not in (correct, look_alike) and {shape, correct} != {"square", "rectangle"}
    ]
    wrong = [look_alike] + rng.sample(pool, 2)
    article = "an" if thing[0] in "aeiou" else "a"
    return choice_problem(
        rng,
        f"What shape is {article} {thing}?",
        correct,
        wrong,
        hints=(
            "Picture it in your hand.",
            "Is it flat like paper, or solid like a block?"
            if not solid
            else "It is solid, not flat. Think of solid shapes.",
        ),
        solution=f"{article.capitalize()} {thing} is {'a solid' if solid else 'a flat'} shape: a **{correct}**.",
    )


POSITIONS = {
    "above": (150, 48, False),
    "below": (150, 262, False),
    "next to": (42, 160, False),
    "behind": (150, 98, True),
    "in front of": (150, 196, False),
}


def position_scene(placed: Sequence[tuple[str, str]]) -> str:
    """A box in the middle with shapes placed by position word: above, below, next to, behind (partly hidden by
    the box) or in front of (covering part of the box)."""
    svg = Svg(300, 310)
    by_position = dict((position, kind) for kind, position in placed)
    told = []
    if "behind" in by_position:
        draw_shape(svg, by_position["behind"], *POSITIONS["behind"][:2], 64, fill=SHADE)
        told.append(f"a {by_position['behind']} partly hidden by the box, peeking out over its top")
    draw_solid(svg, "cube", 150, 160, 130)
    for kind, position in placed:
        if position == "behind":
            continue
        x, y, _ = POSITIONS[position]
        draw_shape(svg, kind, x, y, 56, fill=SHADE)
        told.append(
            {
                "above": f"a {kind} high up, over the top of the box with space between",
                "below": f"a {kind} low down, under the box with space between",
                "next to": f"a {kind} at the side of the box",
                "in front of": f"a {kind} covering the lower part of the box",
            }[position]
        )
    return svg.render("A box in the middle of the picture with " + "; ".join(told))


@template("K.G.A.1")
def where_is_the_shape(rng: random.Random) -> Problem:
    """Describe where a shape is compared with a box: above, below, next to, behind or in front of."""
    kind = rng.choice(("circle", "triangle", "star", "square"))
    position = rng.choice(tuple(POSITIONS))
    correct = f"{position} the box"
    wrong = rng.sample([f"{other} the box" for other in POSITIONS if other != position], 3)
    return choice_problem(
        rng,
        f"Where is the {kind}?",
        correct,
        wrong,
        hints=("Look at the box first.", f"Is the {kind} up, down, at the side, or partly hidden?"),
        solution=f"The {kind} is **{correct}**.",
        figure=position_scene([(kind, position)]),
    )


@template("K.G.A.1")
def which_shape_is_there(rng: random.Random) -> Problem:
    """Name the shape that is above (or below) a box, with shapes all around it."""
    kinds = rng.sample(("circle", "triangle", "square", "hexagon"), 3)
    placed = list(zip(kinds, ("above", "below", "next to")))
    asked = rng.choice(("above", "below"))
    correct = next(kind for kind, position in placed if position == asked)
    return choice_problem(
        rng,
        f"What shape is {asked} the box?",
        correct,
        ["circle", "triangle", "square", "hexagon"],
        keep_order=True,
        hints=("Find the box in the middle.", "Look up for above, and down for below."),
        solution=f"The shape {asked} the box is the **{correct}**.",
        figure=position_scene(placed),
    )


def _rival_names(correct: str) -> list[str]:
    """Flat shape names that are wrong for `correct` (a square is a rectangle too, so they never share a list)."""
    return [other for other in FLAT_SHAPES if other != correct and {other, correct} != {"square", "rectangle"}]


@template("K.G.A.2")
def name_the_shape(rng: random.Random) -> Problem:
    """Name a flat shape drawn in any size and turned any way."""
    kind = rng.choice(("circle", "triangle", "right triangle", "long triangle", "square", "rectangle", "hexagon"))
    correct = SHAPE_NAME[kind]
    wrong = rng.sample(_rival_names(correct), 3)
    return choice_problem(
        rng,
        "What is the name of this shape?",
        correct,
        wrong,
        hints=("Count the sides and the corners.", "A shape keeps its name when it is turned."),
        solution=f"It is {describe(kind)}, even when it is turned. It is a **{correct}**.",
        figure=single_shape(kind, rng),
    )


@template("K.G.A.2")
def count_one_kind_of_shape(rng: random.Random) -> Problem:
    """Count the shapes of one kind among shapes of many sizes and turns."""
    asked = rng.choice(("triangle", "circle", "square", "hexagon"))
    count = rng.randint(2, 5)
    looks = {"triangle": ("triangle", "right triangle", "long triangle")}.get(asked, (asked,))
    kinds = [rng.choice(looks) for _ in range(count)]
    others = [
        kind
        for kind in ("triangle", "right triangle", "circle", "square", "rectangle", "hexagon")
        if SHAPE_NAME[kind] != asked
    ]
    kinds += [rng.choice(others) for _ in range(rng.randint(3, 6))]
    rng.shuffle(kinds)
    return number_problem(
        f"How many {asked}s are in the picture?",
        count,
        hints=(f"Big or small, turned or not, a {asked} is still a {asked}.", f"Touch each {asked} once as you count."),
        solution=f"Counting every {asked}, big and small and turned, gives **{count}**.",
        wrong=[count - 1, count + 1, len(kinds)],
        figure=mixed_shapes(kinds, rng=rng),
    )


@template("K.G.A.3")
def pick_the_solid_or_flat(rng: random.Random) -> Problem:
    """Pick the one solid shape among flat ones (or the one flat shape among solid ones)."""
    find_solid = rng.random() < 0.5
    solid = rng.choice(SOLIDS)
    flat = LOOK_ALIKE[solid]
    if find_solid:
        odd, rest = solid, [flat] + rng.sample([f for f in ("circle", "triangle", "square", "hexagon") if f != flat], 1)
    else:
        odd, rest = flat, [solid] + rng.sample([s for s in SOLIDS if s != solid], 1)
    kinds = [odd, *rest]
    rng.shuffle(kinds)
    letters = [f"Shape {LETTERS[index]}" for index in range(3)]
    correct = letters[kinds.index(odd)]
    word = "solid" if find_solid else "flat"
    return choice_problem(
        rng,
        f"Which shape is {word}?",
        correct,
        letters,
        keep_order=True,
        hints=(
            "Flat shapes are like paper. Solid shapes are like blocks.",
            "A solid shape looks like you could pick it up and hold it.",
        ),
        solution=f"{correct} is a {odd}. It is **{word}**, so the answer is **{correct}**.",
        figure=lettered_shapes([(kind, 1, 0) for kind in kinds]),
    )


@template("K.G.A.3")
def pick_all_solids(rng: random.Random) -> Problem:
    """Pick every solid shape among two solid and two flat shapes."""
    solids = rng.sample(SOLIDS, 2)
    flats = rng.sample(("circle", "triangle", "square", "rectangle", "hexagon"), 2)
    kinds = solids + flats
    rng.shuffle(kinds)
    letters = [f"Shape {LETTERS[index]}" for index in range(4)]
    correct = [letters[index] for index, kind in enumerate(kinds) if kind in SOLIDS]
    wrong = [letters[index] for index, kind in enumerate(kinds) if kind not in SOLIDS]
    return multi_problem(
        rng,
        "Which shapes are solid? Pick all that are right.",
        correct,
        wrong,
        hints=("Flat shapes are like paper cut-outs.", "Solid shapes look like blocks, balls, cans and cones."),
        solution=f"{' and '.join(correct)} look like things you can hold, so they are solid.",
        figure=lettered_shapes([(kind, 1, 0) for kind in kinds]),
    )


B4_KINDS = ("triangle", "right triangle", "long triangle", "square", "rectangle", "pentagon", "hexagon")


@template("K.G.B.4", difficulty=INTRODUCTORY)
def count_sides_or_corners(rng: random.Random) -> Problem:
    """Count the sides (or the corners) of a flat shape."""
    kind = rng.choice(B4_KINDS)
    sides = SIDES[SHAPE_NAME[kind]]
    part = rng.choice(("sides", "corners"))
    return number_problem(
        f"How many {part} does this shape have?",
        sides,
        hints=("Put your finger on one and go around.", "Stop when you get back to where you started."),
        solution=f"Going around the shape, count each of its {part} once: **{sides}**.",
        wrong=[sides + 1, sides - 1, 2 * sides],
        figure=figures.polygon_figure(
            shape_points(kind, 0, 0, 2, rng.choice(range(0, 360, 20))), label="A flat shape with straight sides"
        ),
    )


@template("K.G.B.4")
def shape_with_attribute(rng: random.Random) -> Problem:
    """Pick the shape that has a given part: no corners, some number of sides, or all sides the same length."""
    question = rng.choice(("corners", "sides", "equal"))
    if question == "corners":
        odd, rest = "circle", rng.sample(("triangle", "square", "hexagon", "rectangle"), 2)
        ask, why = "has no corners", "is round, with no corners"
    elif question == "sides":
        odd, rest = rng.choice(
            (
                ("triangle", ("square", "hexagon")),
                ("square", ("triangle", "hexagon")),
                ("hexagon", ("triangle", "rectangle")),
                ("pentagon", ("square", "hexagon")),
            )
        )
        sides = SIDES[odd]
        ask, why = f"has {sides} sides", f"has {sides} sides"
    else:
        odd, rest = "square", ("rectangle", "long triangle")
        ask, why = "has 4 sides that are all the same length", "has 4 sides all the same length"
    kinds = [odd, *rest]
    rng.shuffle(kinds)
    letters = [f"Shape {LETTERS[index]}" for index in range(3)]
    correct = letters[kinds.index(odd)]
    sizes = [rng.choice((0.65, 0.85, 1)) for _ in kinds]
    # The label names the parts the other shapes have, in words, without saying which one has the asked part.
    told = [
        f"a {'small' if size < 0.7 else 'big' if size == 1 else 'middle-sized'} shape: {_parts(kind)}"
        for kind, size in zip(kinds, sizes)
    ]
    return choice_problem(
        rng,
        f"Which shape {ask}?",
        correct,
        letters,
        keep_order=True,
        hints=("Look at each shape in turn.", "Count the sides and corners. Size does not matter."),
        solution=f"{correct} {why}. The answer is **{correct}**.",
        figure=lettered_shapes(
            [(kind, size, rng.choice((0, 15, 30))) for kind, size in zip(kinds, sizes)], descriptions=told
        ),
    )


def _parts(kind: str) -> str:
    if kind == "circle":
        return "round, no straight sides"
    sides = SIDES[SHAPE_NAME[kind]]
    if SHAPE_NAME[kind] == "square":
        return f"{sides} straight sides, all the same length"
    if SHAPE_NAME[kind] == "rectangle":
        return f"{sides} straight sides, 2 long and 2 short"
    return f"{sides} straight sides"


def stick_model(sides: int, placed: int) -> str:
    """A shape being built from sticks joined by clay balls: `placed` of its `sides` sticks are down."""
    svg = Svg(240, 230)
    corners = [(120 + 90 * x, 118 + 90 * y) for x, y in regular_points(sides)]
    for index in range(placed):
        (x1, y1), (x2, y2) = corners[index], corners[(index + 1) % sides]
        svg.line(x1, y1, x2, y2, stroke=FILL_DARK, stroke_width=7)
    for index in range(min(placed + 1, sides)):
        svg.circle(*corners[index], 8, fill=SHADE)
    return svg.render(f"A shape being built: {placed} sticks joined end to end by clay balls, with a gap still open")


@template("K.G.B.5")
def finish_the_stick_shape(rng: random.Random) -> Problem:
    """Find how many more sticks finish a shape being built from sticks and clay balls."""
    shape = rng.choice(("triangle", "square", "hexagon"))
    sides = SIDES[shape]
    placed = rng.randint(1, sides - 1)
    who = name(rng)
    return number_problem(
        f"{who} is making a {shape} with sticks and clay balls. Each side is one stick.\n\n"
        f"How many more sticks does {who} need?",
        sides - placed,
        hints=(f"How many sides does a {shape} have?", "Count the sticks that are already down."),
        solution=f"A {shape} has {sides} sides. {placed} sticks are down, so {who} needs **{sides - placed}** more.",
        wrong=[sides, placed, sides - placed + 1],
        figure=stick_model(sides, placed),
    )


def loose_sticks(lengths: Sequence[int]) -> str:
    svg = Svg(len(lengths) * 40 + 20, 150)
    for index, length in enumerate(lengths):
        x = 30 + index * 40
        svg.line(x, 140 - length * 20, x, 140, stroke=FILL_DARK, stroke_width=7)
    long, short = max(lengths), min(lengths)
    if long == short:
        told = f"{len(lengths)} sticks, all the same length"
    else:
        told = (
            f"{len(lengths)} sticks: {lengths.count(long)} long ones and {lengths.count(short)} short ones, the "
            "long ones twice as long as the short ones"
        )
    return svg.render(told)


@template("K.G.B.5")
def shape_from_sticks(rng: random.Random) -> Problem:
    """Say which shape a set of sticks can build, using every stick as one side."""
    who = name(rng)
    kit = rng.choice(("triangle", "square", "rectangle", "hexagon"))
    lengths = {"triangle": [3, 3, 3], "square": [3, 3, 3, 3], "rectangle": [6, 6, 3, 3], "hexagon": [3] * 6}[kit]
    told = f"{len(lengths)} sticks, all the same length" if kit != "rectangle" else "4 sticks: 2 long and 2 short"
    wrong = _rival_names(kit)
    wrong = [shape for shape in wrong if shape != "circle"] + ["circle"]
    return choice_problem(
        rng,
        f"{who} has {told}. {who} uses every stick as one side.\n\nWhat shape can {who} make?",
        kit,
        wrong[:3],
        hints=("Each stick makes one side.", "Count the sticks. Are they all the same length?"),
        solution=f"{len(lengths)} sticks make a shape with {len(lengths)} sides"
        + (", 2 long and 2 short" if kit == "rectangle" else ", all the same length")
        + f": a **{kit}**.",
        figure=loose_sticks(lengths),
    )


# Composite shapes: name -> (pieces' name, how many, outline name, pieces as point lists, words for the outline,
# how the lines inside cut it).
def _composites() -> dict[str, tuple[str, int, str, list[list[tuple[float, float]]], str, str]]:
    hexagon = regular_points(6)
    square_words = "4 sides all the same length and 4 square corners"
    rectangle_words = "4 sides, 2 long and 2 short, and 4 square corners"

    def unit(x: float, y: float) -> list[tuple[float, float]]:
        return [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)]

    return {
        "square from triangles": (
            "triangles",
            2,
            "square",
            [[(0, 0), (2, 0), (2, 2)], [(0, 0), (0, 2), (2, 2)]],
            square_words,
            "one line from corner to corner",
        ),
        "rectangle from triangles": (
            "triangles",
            2,
            "rectangle",
            [[(0, 0), (3, 0), (3, 1.6)], [(0, 0), (0, 1.6), (3, 1.6)]],
            rectangle_words,
            "one line from corner to corner",
        ),
        "rectangle from squares": (
            "squares",
            2,
            "rectangle",
            [unit(0, 0), unit(1, 0)],
            rectangle_words,
            "one line down the middle",
        ),
        "square from squares": (
            "squares",
            4,
            "square",
            [unit(x, y) for x in (0, 1) for y in (0, 1)],
            square_words,
            "one line across the middle and one line down the middle",
        ),
        "square from rectangles": (
            "rectangles",
            2,
            "square",
            [[(0, 0), (1, 0), (1, 2), (0, 2)], [(1, 0), (2, 0), (2, 2), (1, 2)]],
            square_words,
            "one line down the middle",
        ),
        "triangle from triangles": (
            "triangles",
            2,
            "triangle",
            [[(0, 0), (1, 0), (1, 1.7)], [(1, 0), (2, 0), (1, 1.7)]],
            "3 sides and 3 corners",
            "one line from the top corner straight down",
        ),
        "hexagon from triangles": (
            "triangles",
            6,
            "hexagon",
            [[(0, 0), hexagon[index], hexagon[(index + 1) % 6]] for index in range(6)],
            "6 sides and 6 corners",
            "lines from the middle to each corner",
        ),
        "square from nine squares": (
            "squares",
            9,
            "square",
            [unit(x, y) for x in range(3) for y in range(3)],
            square_words,
            "2 lines across and 2 lines down, evenly spaced",
        ),
        "rectangle from three squares": (
            "squares",
            3,
            "rectangle",
            [unit(x, 0) for x in range(3)],
            rectangle_words,
            "2 lines down, evenly spaced",
        ),
    }


def pieces_figure(pieces: Sequence[Sequence[tuple[float, float]]], label: str) -> str:
    """Pieces drawn touching, scaled to fit, each outlined so the joins show."""
    xs = [x for piece in pieces for x, _ in piece]
    ys = [y for piece in pieces for _, y in piece]
    scale = 220 / max(max(xs) - min(xs), max(ys) - min(ys))
    width, height = (max(xs) - min(xs)) * scale + 40, (max(ys) - min(ys)) * scale + 40
    svg = Svg(width, height)
    for index, piece in enumerate(pieces):
        svg.polygon(
            [(20 + (x - min(xs)) * scale, 20 + (max(ys) - y) * scale) for x, y in piece],
            fill=FLAT_FILL if index % 2 == 0 else "#fbe3a6",
            stroke_width=2,
        )
    return svg.render(label)


@template("K.G.B.6")
def shape_made_from_pieces(rng: random.Random) -> Problem:
    """Name the bigger shape that smaller shapes make when put together."""
    piece_name, count, outline, pieces, words, _ = _composites()[rng.choice(TWO_PIECE_COMPOSITES)]
    wrong = [shape for shape in _rival_names(outline) if shape != "circle"]
    return choice_problem(
        rng,
        f"These {count} {piece_name} are put together. What bigger shape do they make?",
        outline,
        wrong,
        hints=("Look only at the outside edge.", "Count the sides and corners of the whole thing."),
        solution=f"The outside edge has {words}. Together the {piece_name} make a **{outline}**.",
        figure=pieces_figure(
            pieces, f"{count} {piece_name} put together with full sides touching. The outside edge has {words}"
        ),
    )


TWO_PIECE_COMPOSITES = (
    "square from triangles",
    "rectangle from triangles",
    "rectangle from squares",
    "square from squares",
    "square from rectangles",
    "triangle from triangles",
    "hexagon from triangles",
)


@template("K.G.B.6")
def count_pieces_in_shape(rng: random.Random) -> Problem:
    """Count the small shapes that make up a bigger shape."""
    key = rng.choice(tuple(_composites()))
    piece_name, count, outline, pieces, _, cuts = _composites()[key]
    return number_problem(
        f"This {outline} is made of small {piece_name}. How many {piece_name}?",
        count,
        hints=("Look at the lines inside the shape.", "Touch each small piece once as you count."),
        solution=f"Counting each small piece once gives **{count}** {piece_name}.",
        wrong=[count + 1, count - 1, count + 2],
        figure=pieces_figure(pieces, f"A {outline} made of {piece_name}, cut by {cuts}"),
    )
