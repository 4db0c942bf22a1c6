"""Grade 2 item generators: every grade 2 standard (OA, NBT, MD, G).

Operations and algebraic thinking: add and subtract word problems within 100 (one and two steps, unknowns in
every position), facts within 20, odd and even numbers, rectangular arrays. Number and operations in base ten:
three-digit place value (2.NBT.A.1 has templates of its own for "706 is 7 hundreds, 0 tens and 6 ones", besides
those of its parts 1a and 1b), skip-counting, number names and expanded form, comparing, adding and subtracting
within 100 and 1000, adding 10 and 100 mentally, and why the strategies work (choice items about the reasoning).
Measurement and data: rulers, units of different sizes, estimating lengths, length word problems, number lines,
clocks to five minutes with a.m. and p.m., money, line plots, picture and bar graphs. Geometry: naming shapes by
their sides, angles and faces, partitioning rectangles into squares, halves, thirds and fourths.

No standard is skipped. The helpers under "Shared helpers" (finishing a problem, choices, rulers, polygons, word
lists) are also used by `grade_3`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from fractions import Fraction

from assessments.generators import figures
from assessments.generators.base import (
    INTRODUCTORY,
    STRETCH,
    Answer,
    Problem,
    choice,
    comparison,
    distinct_wrong,
    join_words,
    name,
    names,
    number_word,
    numeric,
    plural,
    problem,
    steps,
    template,
    text,
)
from assessments.generators.figures import FILL, INK, SHADE, Svg

# ---------------------------------------------------------------------------------------------------------
# Shared helpers (grade_3 uses them too)


def finish(
    stem: str,
    answer: Answer,
    hints: Sequence[str],
    solution: str,
    *,
    wrong: Iterable = (),
    figure: str = "",
    difficulty: int | None = None,
) -> Problem:
    """base's `problem`, after checking that the solution reaches the answer as it is shown."""
    if answer.display not in solution:
        raise ValueError(f"The solution does not reach the answer {answer.display!r}: {solution!r}")
    return problem(stem, answer, hints, solution, wrong=wrong, figure=figure, difficulty=difficulty)


def other_choices(correct: str, candidates: Iterable[str], count: int = 3) -> list[str]:
    """Up to `count` distinct wrong choice texts, none equal to the right one."""
    return distinct_wrong(correct, candidates, count)


def pick_choice(rng: random.Random, correct: str, candidates: Iterable[str], count: int = 3) -> Answer:
    return choice(rng, correct, other_choices(correct, candidates, count))


def ruler_with_bars(
    bars: Sequence[tuple[Fraction | int, Fraction | int, str]], *, total: int, units: str, divisions: int = 1
) -> str:
    """Bars (start, end, name) drawn one above another over a ruler marked 0 to `total` in `units`, each unit split
    in `divisions`. The label says where each bar's ends line up, which a learner who cannot see it needs."""
    width, left, row = 520, 24, 40
    scale = (width - 2 * left) / total
    ruler_top = 10 + len(bars) * row
    svg = Svg(width, ruler_top + 56)
    colours = (SHADE, FILL, "#7bc47f")
    for index, (start, end, label) in enumerate(bars):
        y = 10 + index * row
        svg.text(left + float(start) * scale, y + 12, label, size=13, anchor="start")
        svg.rect(left + float(start) * scale, y + 16, float(end - start) * scale, 18, fill=colours[index % 3])
        # Dashed guides from both ends down to the ruler, as a learner would line them up.
        for edge in (start, end):
            x = left + float(edge) * scale
            svg.line(x, y + 34, x, ruler_top, stroke=INK, stroke_width=1, dash="3 3")
    svg.rect(left - 4, ruler_top, total * scale + 8, 46, fill="#ffffff", stroke=INK)
    for index in range(total * divisions + 1):
        x = left + index * scale / divisions
        whole = index % divisions == 0
        svg.line(x, ruler_top, x, ruler_top + (18 if whole else 10 if index % 2 == 0 or divisions == 2 else 7))
        if whole:
            svg.text(x, ruler_top + 38, str(index // divisions), size=12)
    placed = "; ".join(
        f"{label} goes from the {figures._label(Fraction(start))} mark to the {figures._label(Fraction(end))} mark"
        for start, end, label in bars
    )
    return svg.render(f"A ruler marked in {units} from 0 to {total}. {placed}")


def jump_number_line(
    low: int, high: int, jumps: Sequence[tuple[int, int]], *, step: int = 1, label_every: int = 10
) -> str:
    """A number line from `low` to `high` with arrowed jumps (from, to) above it and a dot where the first jump
    starts, so the direction of the jumps (adding or subtracting) can be seen."""
    width, left, baseline = 520, 30, 70
    scale = (width - 2 * left) / (high - low)
    svg = Svg(width, 110)

    def x_of(value: float) -> float:
        return left + (value - low) * scale

    svg.line(left - 12, baseline, width - left + 12, baseline)
    for value in range(low, high + 1, step):
        svg.line(x_of(value), baseline - 7, x_of(value), baseline + 7)
        if (value - low) % label_every == 0:
            svg.text(x_of(value), baseline + 26, str(value), size=13)
    for origin, target in jumps:
        x1, x2 = x_of(origin), x_of(target)
        rise = min(40.0, abs(x2 - x1) / 2 + 8)
        svg.path(
            f"M {x1:.2f} {baseline - 4} Q {(x1 + x2) / 2:.2f} {baseline - 4 - 2 * rise:.2f} {x2:.2f} {baseline - 4}",
            stroke=figures.FILL_DARK,
            stroke_width=2,
        )
        direction = 1 if x2 > x1 else -1
        svg.polygon(
            [(x2, baseline - 3), (x2 - direction * 9, baseline - 9), (x2 - direction * 2, baseline - 13)],
            fill=figures.FILL_DARK,
            stroke=figures.FILL_DARK,
        )
    svg.circle(x_of(jumps[0][0]), baseline, 5, fill=SHADE)
    listed = ", then ".join(f"from {origin} to {target}" for origin, target in jumps)
    return svg.render(
        f"A number line from {low} to {high} with a mark every {step}, labelled every {label_every}. "
        f"A dot at {jumps[0][0]}, and arrows jumping {listed}."
    )


def polygon_points(rng: random.Random, sides: int) -> list[tuple[float, float]]:
    """Corners of an irregular but plainly `sides`-sided convex shape (corners spread around a circle)."""
    weights = [rng.uniform(0.75, 1.25) for _ in range(sides)]
    turn = rng.uniform(0, 2 * math.pi)
    points = []
    angle = turn
    for weight in weights:
        radius = rng.uniform(0.85, 1.0)
        points.append((radius * math.cos(angle), radius * math.sin(angle)))
        angle += 2 * math.pi * weight / sum(weights)
    return points


SHAPE_NAMES = {3: "triangle", 4: "quadrilateral", 5: "pentagon", 6: "hexagon"}

# (singular, plural) things children collect or share.
THINGS = (
    ("marble", "marbles"),
    ("sticker", "stickers"),
    ("shell", "shells"),
    ("card", "cards"),
    ("bead", "beads"),
    ("crayon", "crayons"),
    ("stamp", "stamps"),
    ("rock", "rocks"),
    ("leaf", "leaves"),
    ("button", "buttons"),
    ("toy car", "toy cars"),
    ("book", "books"),
)


def thing(rng: random.Random) -> str:
    return rng.choice(THINGS)[1]


def two_digit_with_ones(rng: random.Random, low: int, high: int, ones_low: int, ones_high: int) -> int:
    """A number from low to high whose ones digit is from ones_low to ones_high."""
    while True:
        number = rng.randint(low, high)
        if ones_low <= number % 10 <= ones_high:
            return number


# ---------------------------------------------------------------------------------------------------------
# 2.OA.A.1 Add and subtract word problems within 100


_UNKNOWN = {
    "add_result": "whole",
    "add_change": "change",
    "add_start": "part",
    "take_result": "part",
    "take_change": "change",
    "take_start": "whole",
    "together_total": "whole",
    "together_part": "change",
    "compare_difference": "change",
    "compare_bigger": "whole",
    "compare_smaller": "part",
}
# The equation that follows each story in order, written with its numbers.
_STORY_EQUATION = {
    "add_result": "{part} + {change} = ?",
    "add_change": "{part} + ? = {whole}",
    "add_start": "? + {change} = {whole}",
    "take_result": "{whole} − {change} = ?",
    "take_change": "{whole} − ? = {part}",
    "take_start": "? − {change} = {part}",
    "together_total": "{part} + {change} = ?",
    "together_part": "{part} + ? = {whole}",
    "compare_difference": "{whole} − {part} = ?",
    "compare_bigger": "{part} + {change} = ?",
    "compare_smaller": "{whole} − {change} = ?",
}


def _one_step_story(rng: random.Random) -> tuple[str, str, dict[str, int]]:
    """A one-step story within 100 with its unknown anywhere: (kind, stem, its part, change and whole)."""
    first, second = names(rng, 2)
    things = thing(rng)
    part = rng.randint(12, 60)
    change = rng.randint(8, 95 - part)
    whole = part + change
    stems = {
        "add_result": f"{first} has {part} {things}. Then {first} gets {change} more. "
        f"How many {things} does {first} have now?",
        "add_change": f"{first} has {part} {things}. Then {first} gets some more. Now {first} has {whole}. "
        f"How many {things} did {first} get?",
        "add_start": f"{first} had some {things}. Then {first} got {change} more. Now {first} has {whole}. "
        f"How many {things} did {first} have at first?",
        "take_result": f"{first} has {whole} {things}. {first} gives {change} to {second}. "
        f"How many {things} does {first} have left?",
        "take_change": f"{first} had {whole} {things}. {first} gave some to {second}. Now {first} has {part}. "
        f"How many {things} did {first} give away?",
        "take_start": f"{first} had some {things}. {first} gave {change} to {second}. Now {first} has {part}. "
        f"How many {things} did {first} have at first?",
        "together_total": f"{first} has {part} {things}. {second} has {change} {things}. "
        f"How many {things} do they have in all?",
        "together_part": f"{first} and {second} have {whole} {things} in all. {first} has {part} of them. "
        f"How many {things} does {second} have?",
        "compare_difference": f"{first} has {whole} {things}. {second} has {part} {things}. "
        f"How many more {things} does {first} have than {second}?",
        "compare_bigger": f"{second} has {part} {things}. {first} has {change} more {things} than {second}. "
        f"How many {things} does {first} have?",
        "compare_smaller": f"{first} has {whole} {things}. {second} has {change} fewer {things} than {first}. "
        f"How many {things} does {second} have?",
    }
    kind = rng.choice(sorted(stems))
    return kind, stems[kind], {"part": part, "change": change, "whole": whole}


def _given_and_unknown(kind: str, numbers: dict[str, int]) -> tuple[list[int], int]:
    unknown = _UNKNOWN[kind]
    return [value for role, value in numbers.items() if role != unknown], numbers[unknown]


@template("2.OA.A.1")
def one_step_word_problem(rng: random.Random) -> Problem:
    """A one-step add-to, take-from, put-together or compare story within 100, unknown in any position."""
    kind, stem, numbers = _one_step_story(rng)
    (x, y), value = _given_and_unknown(kind, numbers)
    adds = _UNKNOWN[kind] == "whole"
    operation = f"{x} + {y}" if adds else f"{max(x, y)} − {min(x, y)}"
    hints = (
        "Think of the whole amount and its two parts. Which one does the question ask for?",
        "To find how many more, subtract the smaller number from the bigger one."
        if kind == "compare_difference"
        else "If you know both parts, add. If you know the whole and one part, subtract.",
    )
    solution = steps(
        f"The story gives {x} and {y}.",
        "The question asks for the whole, so add." if adds else "The question asks for a part, so subtract.",
        f"{operation} = **{value}**",
    )
    wrong = [abs(x - y) if adds else x + y, value + 10, value - 10]
    return finish(stem, numeric(value), hints, solution, wrong=wrong)


@template("2.OA.A.1", difficulty=STRETCH)
def two_step_word_problem(rng: random.Random) -> Problem:
    """A two-step story within 100: two changes in a row, three parts, or a comparison then a total."""
    first, second = names(rng, 2)
    things = thing(rng)
    kind = rng.choice(("gain_then_lose", "lose_then_gain", "three_parts", "compare_then_total"))
    if kind == "gain_then_lose":
        start, gain = rng.randint(15, 50), rng.randint(10, 30)
        loss = rng.randint(5, start + gain - 5)
        stem = (
            f"{first} has {start} {things}. {first} gets {gain} more. Then {first} gives {loss} to {second}. "
            f"How many {things} does {first} have now?"
        )
        middle, value = start + gain, start + gain - loss
        lines = (f"First add: {start} + {gain} = {middle}.", f"Then subtract: {middle} − {loss} = **{value}**")
        wrong = [start + gain + loss, middle, start - loss if start > loss else gain]
    elif kind == "lose_then_gain":
        start, loss = rng.randint(30, 70), rng.randint(5, 25)
        gain = rng.randint(5, 95 - start + loss)
        stem = (
            f"{first} had {start} {things}. {first} lost {loss} of them. Then {second} gave {first} {gain} "
            f"more. How many {things} does {first} have now?"
        )
        middle, value = start - loss, start - loss + gain
        lines = (f"First subtract: {start} − {loss} = {middle}.", f"Then add: {middle} + {gain} = **{value}**")
        wrong = [start + loss + gain, middle, start + gain]
    elif kind == "three_parts":
        parts = [rng.randint(10, 30) for _ in range(3)]
        whole = sum(parts)
        colours = rng.sample(("red", "blue", "green", "yellow", "white"), 3)
        stem = (
            f"{first} has {whole} {things}. {parts[0]} are {colours[0]} and {parts[1]} are {colours[1]}. "
            f"The rest are {colours[2]}. How many {things} are {colours[2]}?"
        )
        known = parts[0] + parts[1]
        value = whole - known
        lines = (
            f"{parts[0]} + {parts[1]} = {known} {things} are {colours[0]} or {colours[1]}.",
            f"{whole} − {known} = **{value}**",
        )
        wrong = [whole - parts[0], whole - parts[1], known]
    else:
        smaller, more = rng.randint(10, 40), rng.randint(5, 20)
        bigger = smaller + more
        stem = (
            f"{second} has {smaller} {things}. {first} has {more} more {things} than {second}. "
            f"How many {things} do they have in all?"
        )
        value = smaller + bigger
        lines = (f"{first} has {smaller} + {more} = {bigger}.", f"Together: {smaller} + {bigger} = **{value}**")
        wrong = [smaller + more, bigger + more, smaller * 2]
    hints = (
        "This story has two steps. Find the first missing number, then use it in the second step.",
        "Write an equation for each step, with ? for the number you do not know yet.",
    )
    return finish(stem, numeric(value), hints, steps(*lines), wrong=wrong)


def _equation_holds(equation: str, unknown: int) -> bool:
    """Is the equation (whole numbers, +, −, = and ?) true when ? is `unknown`?"""

    def value(side: str) -> int:
        tokens = side.split()
        total = int(tokens[0])
        for sign, number in zip(tokens[1::2], tokens[2::2]):
            total = total + int(number) if sign == "+" else total - int(number)
        return total

    left, right = equation.replace("?", str(unknown)).split(" = ")
    return value(left) == value(right)


def equation_choice(rng: random.Random, correct: str, given: Sequence[int], value: int) -> Answer:
    """A choice of equations for a one-step story: `correct`, and equations with the same two numbers and ? that
    are false for the story's answer `value` (so exactly one choice is right)."""
    low, high = sorted(given)
    candidates = (
        f"{low} + {high} = ?",
        f"{high} − {low} = ?",
        f"? − {low} = {high}",
        f"? − {high} = {low}",
        f"{low} + ? = {high}",
        f"? + {low} = {high}",
    )
    return pick_choice(rng, correct, (c for c in candidates if not _equation_holds(c, value)))


@template("2.OA.A.1")
def equation_for_story(rng: random.Random) -> Problem:
    """Which equation, with ? for the unknown number, matches a one-step story."""
    kind, stem, numbers = _one_step_story(rng)
    given, value = _given_and_unknown(kind, numbers)
    correct = _STORY_EQUATION[kind].format(**numbers)
    hints = (
        "The ? stands for the number the question asks for.",
        "Follow the story in order: what is there first, what happens, and what is there at the end?",
    )
    solution = steps(
        "The ? stands for the number the question asks for.",
        "Write the story in order, putting ? where that number goes.",
        f"The equation is **{correct}**, and ? = {value}.",
    )
    return finish(
        f"{stem} Which equation matches the story?", equation_choice(rng, correct, given, value), hints, solution
    )


# ---------------------------------------------------------------------------------------------------------
# 2.OA.B.2 Add and subtract within 20


def _fact_within_20(rng: random.Random) -> tuple[int, int]:
    """Two one-digit addends, mostly ones whose sum passes 10 (the facts children find hardest)."""
    a = rng.randint(2, 9)
    b = rng.randint(max(2, 11 - a), 9) if rng.random() < 0.8 else rng.randint(1, 9 - a + 1)
    return a, b


@template("2.OA.B.2", difficulty=INTRODUCTORY)
def add_within_20(rng: random.Random) -> Problem:
    """A one-digit addition fact, such as 8 + 7."""
    a, b = _fact_within_20(rng)
    total = a + b
    to_ten = 10 - max(a, b)
    hints = (
        f"Make a ten: how much does {max(a, b)} need to make 10?",
        "You can also use a double you know, then add or take away 1.",
    )
    if 0 < to_ten < min(a, b):
        lines = (
            f"{max(a, b)} needs {to_ten} to make 10, so split {min(a, b)} into {to_ten} and {min(a, b) - to_ten}.",
            f"{max(a, b)} + {to_ten} = 10, and 10 + {min(a, b) - to_ten} = {total}.",
            f"So {a} + {b} = **{total}**.",
        )
    else:
        lines = (f"Start at {max(a, b)} and count on {min(a, b)}.", f"So {a} + {b} = **{total}**.")
    return finish(f"What is {a} + {b}?", numeric(total), hints, steps(*lines), wrong=[total - 1, total + 1, total - 10])


@template("2.OA.B.2", difficulty=INTRODUCTORY)
def subtract_within_20(rng: random.Random) -> Problem:
    """A subtraction fact within 20, such as 15 − 8."""
    a, b = _fact_within_20(rng)
    whole = a + b
    hints = (
        f"Think addition: {b} + ? = {whole}.",
        "Or take away in two steps: first get down to 10, then take away the rest."
        if whole > 10
        else f"Count back {b} from {whole}.",
    )
    lines = (f"Think of the addition fact {b} + {a} = {whole}.", f"So {whole} − {b} = **{a}**.")
    return finish(f"What is {whole} − {b}?", numeric(a), hints, steps(*lines), wrong=[a + 1, a - 1, whole + b])


@template("2.OA.B.2")
def missing_addend_within_20(rng: random.Random) -> Problem:
    """A missing number in an addition or subtraction fact within 20, such as 7 + ? = 16."""
    a, b = _fact_within_20(rng)
    whole = a + b
    stem = rng.choice((f"{a} + ? = {whole}", f"? + {a} = {whole}", f"{whole} − ? = {a}"))
    hints = ("Which number goes with the other number you see to make the whole?", f"Count on from {a} up to {whole}.")
    lines = (f"Count on from {a} to {whole}, or think {whole} − {a}.", f"{whole} − {a} = {b}, so ? = **{b}**.")
    return finish(
        f"What number goes in the box? {stem}", numeric(b), hints, steps(*lines), wrong=[whole + a, b + 1, b - 1]
    )


# ---------------------------------------------------------------------------------------------------------
# 2.OA.C.3 Odd and even numbers


@template("2.OA.C.3", difficulty=INTRODUCTORY)
def odd_or_even_objects(rng: random.Random) -> Problem:
    """Whether a picture of up to 20 objects shows an odd or an even number of them."""
    count = rng.randint(5, 20)
    shape = rng.choice(figures.SHAPES)
    per_row = rng.choice((4, 5, 6))
    pairs, left = divmod(count, 2)
    options = {
        (verdict, reason): f"{verdict}: {reason}"
        for verdict in ("Even", "Odd")
        for reason in (f"every {shape} has a partner.", f"one {shape} has no partner.")
    }
    right = ("Odd", f"one {shape} has no partner.") if left else ("Even", f"every {shape} has a partner.")
    correct = options[right]
    answer = choice(rng, correct, [option for option in options.values() if option != correct])
    hints = ("Try to make pairs: two of them at a time.", "When every one has a partner, is any left over?")
    lines = (
        f"There are {count} {shape}s.",
        f"They make {pairs} pairs" + (" with 1 left over." if left else " with none left over."),
        f"So: **{correct}**",
    )
    return finish(
        f"Count the {shape}s. Is the number of {shape}s odd or even? Why?",
        answer,
        hints,
        steps(*lines),
        figure=figures.objects(count, shape=shape, per_row=per_row),
    )


@template("2.OA.C.3")
def even_as_equal_addends(rng: random.Random) -> Problem:
    """Write an even number up to 20 as the sum of two equal addends (a double)."""
    half = rng.randint(2, 10)
    whole = 2 * half
    things = thing(rng)
    who = name(rng)
    stem = rng.choice(
        (
            f"{who} has {whole} {things} and puts them in two equal groups. Which equation shows this?",
            f"Which equation shows {whole} as the sum of two equal numbers?",
        )
    )
    correct = f"{half} + {half} = {whole}"
    candidates = (
        f"{half - 1} + {half + 1} = {whole}",
        f"{whole} + {whole} = {2 * whole}",
        f"{half} + {half + 1} = {whole + 1}",
        f"{half - 2} + {half + 2} = {whole}",
    )
    answer = pick_choice(rng, correct, candidates)
    hints = ("Equal numbers are the same number.", "Which double makes the whole?")
    solution = steps(
        f"Split {whole} into two groups of the same size.", f"Each group has {half}.", f"So **{correct}**."
    )
    return finish(stem, answer, hints, solution)


@template("2.OA.C.3")
def odd_or_even_number(rng: random.Random) -> Problem:
    """Whether a number up to 20 is odd or even, told as pairing children or counting by 2s."""
    count = rng.randint(3, 20)
    who = name(rng)
    stem = rng.choice(
        (
            f"There are {count} children in {who}'s group. They stand in pairs. Is {count} odd or even?",
            f"{who} counts {count} socks by 2s. Is {count} an odd or an even number?",
            f"{who} has {count} cookies to share with a friend. Is {count} odd or even?",
        )
    )
    left = count % 2
    options = {
        (verdict, split): f"{verdict}: {count} {split} split into two equal groups."
        for verdict in ("Even", "Odd")
        for split in ("can be", "cannot be")
    }
    correct = options[("Odd", "cannot be") if left else ("Even", "can be")]
    answer = choice(rng, correct, [option for option in options.values() if option != correct])
    hints = ("Count by 2s: 2, 4, 6, 8 ... Do you land on the number?", "Or try to split it into two equal groups.")
    lines = (
        f"Make pairs: {count // 2} pairs" + (" and 1 left over." if left else " and none left over."),
        f"So: **{correct}**",
    )
    return finish(stem, answer, hints, steps(*lines))


# ---------------------------------------------------------------------------------------------------------
# 2.OA.C.4 Arrays


@template("2.OA.C.4", difficulty=INTRODUCTORY)
def array_total(rng: random.Random) -> Problem:
    """How many dots are in an array of up to 5 rows and 5 columns, found by adding the rows."""
    rows, columns = rng.randint(2, 5), rng.randint(2, 5)
    total = rows * columns
    hints = ("How many dots are in one row?", "Add the same number once for each row.")
    sum_text = " + ".join([str(columns)] * rows)
    solution = steps(f"There are {rows} rows with {columns} dots in each row.", f"{sum_text} = **{total}**")
    return finish(
        "How many dots are there in all?",
        numeric(total),
        hints,
        solution,
        wrong=[rows + columns, total - columns, total + columns],
        figure=figures.dot_array(rows, columns),
    )


@template("2.OA.C.4")
def array_equation(rng: random.Random) -> Problem:
    """Which sum of equal addends adds an array's rows."""
    rows, columns = rng.randint(2, 5), rng.randint(2, 5)
    total = rows * columns
    things = rng.choice(("chairs", "cupcakes", "stamps", "tiles", "plants", "windows"))
    who = name(rng)
    correct = " + ".join([str(columns)] * rows) + f" = {total}"
    candidates = (
        f"{rows} + {columns} = {rows + columns}",
        " + ".join([str(columns)] * (rows - 1)) + f" = {total - columns}" if rows > 2 else "",
        " + ".join([str(columns)] * (rows + 1)) + f" = {total + columns}",
        " + ".join([str(columns + 1)] * rows) + f" = {total + rows}",
        " + ".join([str(rows)] * rows) + f" = {rows * rows}" if rows != columns else "",
    )
    answer = pick_choice(rng, correct, (c for c in candidates if c))
    stem = (
        f"{who} puts {things} in {rows} rows with {columns} in each row. "
        f"Which equation adds the rows to find how many {things} there are?"
    )
    hints = ("Each row has the same number. Write that number once for each row.", "Count the rows.")
    solution = steps(
        f"Each of the {rows} rows has {columns} {things}.", f"Add {columns} once for each row: **{correct}**."
    )
    return finish(
        stem,
        answer,
        hints,
        solution,
        figure=figures.dot_array(
            rows, columns, label=(f"An array of {things} shown as dots: {rows} rows with {columns} in each row")
        ),
    )


# ---------------------------------------------------------------------------------------------------------
# 2.NBT.A.1 Three-digit place value (and its parts 1a, 1b)


def _three_digit(rng: random.Random) -> tuple[int, int, int]:
    """Hundreds, tens and ones of a three-digit number, with a zero digit now and then (706)."""
    hundreds = rng.randint(1, 9)
    tens, ones = rng.randint(0, 9), rng.randint(0, 9)
    if rng.random() < 0.3:
        tens, ones = (0, ones) if rng.random() < 0.5 else (tens, 0)
    return hundreds, tens, ones


def places(hundreds: int, tens: int, ones: int) -> str:
    return f"{plural(hundreds, 'hundred')}, {plural(tens, 'ten')} and {plural(ones, 'one')}"


@template("2.NBT.A.1", difficulty=INTRODUCTORY)
def number_from_blocks(rng: random.Random) -> Problem:
    """The three-digit number that base-ten blocks show."""
    hundreds, tens, ones = _three_digit(rng)
    hundreds = min(hundreds, 5)  # more flats do not fit a page
    number = 100 * hundreds + 10 * tens + ones
    hints = (
        "Each flat is 100, each rod is 10 and each small cube is 1.",
        "Count the flats, then the rods, then the cubes. Write one digit for each.",
    )
    solution = steps(
        f"{places(hundreds, tens, ones).capitalize()}.", f"{100 * hundreds} + {10 * tens} + {ones} = **{number}**"
    )
    wrong = [
        hundreds + tens + ones,
        100 * hundreds + 10 * ones + tens,
        int(f"{hundreds}{ones}") if tens == 0 else 10 * hundreds + tens,
    ]
    return finish(
        "What number do the base-ten blocks show?",
        numeric(number),
        hints,
        solution,
        wrong=wrong,
        figure=figures.base_ten(hundreds, tens, ones),
    )


@template("2.NBT.A.1")
def number_from_place_parts(rng: random.Random) -> Problem:
    """The number made of some hundreds, tens and ones (706 is 7 hundreds, 0 tens and 6 ones)."""
    hundreds, tens, ones = _three_digit(rng)
    number = 100 * hundreds + 10 * tens + ones
    parts = [(hundreds, "hundred"), (tens, "ten"), (ones, "one")]
    if rng.random() < 0.4:
        parts = [parts[2], parts[0], parts[1]]  # out of order, so the digits cannot simply be copied
    described = join_words(plural(count, unit) for count, unit in parts)
    hints = (
        "Write the hundreds digit first, then the tens digit, then the ones digit.",
        "If there are 0 tens or 0 ones, write a 0 in that place.",
    )
    solution = steps(f"Hundreds: {hundreds}. Tens: {tens}. Ones: {ones}.", f"The number is **{number}**.")
    wrong = [
        int(f"{hundreds}{ones}") if tens == 0 else 100 * hundreds + 10 * ones + tens,
        int("".join(str(count) for count, _ in parts)),
        hundreds + tens + ones,
    ]
    return finish(f"What number is {described}?", numeric(number), hints, solution, wrong=wrong)


@template("2.NBT.A.1")
def digit_value(rng: random.Random) -> Problem:
    """How many hundreds, tens or ones a three-digit number has in one place, or what a digit is worth."""
    hundreds, tens, ones = _three_digit(rng)
    number = 100 * hundreds + 10 * tens + ones
    place = rng.choice(("hundreds", "tens", "ones"))
    digit = {"hundreds": hundreds, "tens": tens, "ones": ones}[place]
    worth = {"hundreds": 100, "tens": 10, "ones": 1}[place]
    if rng.random() < 0.5 or digit == 0:
        stem = f"What digit is in the {place} place of {number}?"
        value = digit
        wrong = [digit * worth, hundreds if place != "hundreds" else ones, tens if place != "tens" else ones]
        last = f"The {place} digit is **{digit}**."
    else:
        stem = f"In {number}, what is the value of the digit in the {place} place?"
        value, wrong = digit * worth, [digit, digit * worth * 10, digit * worth // 10 if worth > 1 else digit * 10]
        last = (
            f"{digit} in the {place} place is worth {digit} × {worth} = **{value}**."
            if worth > 1
            else f"{digit} in the ones place is worth **{value}**."
        )
    hints = ("From the right, the places are ones, tens, hundreds.", f"Find the {place} place in {number}.")
    solution = steps(f"{number} is {places(hundreds, tens, ones)}.", last)
    return finish(stem, numeric(value), hints, solution, wrong=wrong)


@template("2.NBT.A.1a", difficulty=INTRODUCTORY)
def bundles_to_hundred(rng: random.Random) -> Problem:
    """How many more bundles of ten make a hundred, or how many things are in ten bundles of ten."""
    who = name(rng)
    things = rng.choice(("sticks", "straws", "pencils", "craft sticks", "crayons"))
    have = rng.randint(1, 9)
    if rng.random() < 0.6:
        bundles = f"{have} bundle{'s' if have > 1 else ''} of 10"
        stem = f"{who} has {bundles} {things}. How many more bundles of 10 does {who} need to make 100 {things}?"
        value = 10 - have
        hints = ("How many tens make one hundred?", f"{who} already has {plural(have, 'ten')}.")
        solution = steps(
            "10 tens make 1 hundred.",
            f"{who} has {plural(have, 'ten')}, so {who} needs 10 − {have} = **{value}** more bundles.",
        )
        wrong = [100 - have * 10, 100 - have, have]
    else:
        extra = rng.randint(0, 9)
        stem = (
            f"{who} has 10 bundles of 10 {things} and {extra} loose {things}. How many {things} is that?"
            if extra
            else f"{who} has 10 bundles of 10 {things}. How many {things} is that?"
        )
        value = 100 + extra
        hints = ("Count the bundles by tens: 10, 20, 30 ...", "Ten tens is called a hundred.")
        solution = steps(
            "10 bundles of 10 is 10 tens, which is 1 hundred.",
            f"1 hundred and {extra} ones is **{value}**." if extra else f"So there are **{value}**.",
        )
        wrong = [10 + extra, 20 + extra, 1000 + extra]
    return finish(
        stem,
        numeric(value),
        hints,
        solution,
        wrong=wrong,
        figure=figures.base_ten(0, have, 0) if "more bundles" in stem else "",
    )


@template("2.NBT.A.1a")
def tens_to_hundreds(rng: random.Random) -> Problem:
    """A number of tens (10 to 30) written as a number, seeing that ten tens make a hundred."""
    tens = rng.randint(10, 30)
    value = 10 * tens
    hundreds, left = divmod(tens, 10)
    hints = ("Group the tens in tens: each 10 tens is 1 hundred.", f"How many hundreds can you make from {tens} tens?")
    solution = steps(
        f"{tens} tens = {plural(hundreds, 'hundred')} and {plural(left, 'ten')} (10 tens make 1 hundred).",
        f"{plural(hundreds, 'hundred')} and {plural(left, 'ten')} is **{value}**.",
    )
    stem = rng.choice(
        (
            f"What number is {tens} tens?",
            f"A store has {tens} boxes with 10 apples in each box. How many apples is that?",
        )
    )
    return finish(stem, numeric(value), hints, solution, wrong=[tens + 10, tens, 100 + tens])


@template("2.NBT.A.1b", difficulty=INTRODUCTORY)
def hundreds_to_number(rng: random.Random) -> Problem:
    """The number that some hundreds make: 7 hundreds is 700."""
    count = rng.randint(1, 9)
    value = 100 * count
    who = name(rng)
    stem = rng.choice(
        (
            f"What number is {places(count, 0, 0)}?",
            f"{who} has {count} boxes. Each box holds 100 paper clips. How many paper clips does {who} have?",
            f"{who} has {count} bills of $100. How many dollars is that?",
            f"What number is {number_word(count)} hundred?",
        )
    )
    hints = ("Count by hundreds: 100, 200, 300 ...", "Write the number of hundreds, then 0 tens and 0 ones.")
    solution = steps(
        f"{plural(count, 'hundred')} is {count} group{'s' if count > 1 else ''} of 100.",
        f"Counting by hundreds gives **{value}**.",
    )
    return finish(
        stem,
        numeric(value),
        hints,
        solution,
        wrong=[count, 10 * count, 1000 * count],
        figure=figures.base_ten(count, 0, 0) if count <= 5 and "number is" in stem else "",
    )


@template("2.NBT.A.1b")
def number_to_hundreds(rng: random.Random) -> Problem:
    """How many hundreds make 100, 200, ..., 900."""
    count = rng.randint(1, 9)
    value = 100 * count
    who = name(rng)
    stem = rng.choice(
        (
            f"How many hundreds are in {value}?",
            f"{who} packs {value} pencils in boxes of 100. How many boxes does {who} fill?",
            f"{value} = ? hundreds. What number goes in the box?",
            f"A book has {value} pages. How many groups of 100 pages is that?",
        )
    )
    hints = (f"Count by hundreds until you reach {value}.", "Look at the hundreds digit.")
    solution = steps(
        f"{value} has {count} in the hundreds place and 0 tens and 0 ones.",
        f"So {value} is **{count}** {'hundred' if count == 1 else 'hundreds'}.",
    )
    return finish(stem, numeric(count), hints, solution, wrong=[value, 10 * count, count + 1])


# ---------------------------------------------------------------------------------------------------------
# 2.NBT.A.2 Count within 1000; skip-count by 5s, 10s and 100s


def _count_sequence(rng: random.Random) -> tuple[int, list[int]]:
    """A step (1, 5, 10 or 100) and six numbers counted by it within 1000, often crossing a ten or hundred."""
    step = rng.choice((1, 5, 10, 100))
    if step == 1:
        start = rng.randint(1, 9) * 100 - rng.randint(2, 4)  # count on across a hundred
    elif step == 5:
        start = rng.randint(2, 190) * 5
    elif step == 10:
        start = rng.randint(1, 93) * 10 + rng.choice((0, 0, rng.randint(1, 9)))
    else:
        start = rng.randint(0, 4) * 100 + rng.choice((0, 0, rng.randint(1, 99)))
    return step, [start + index * step for index in range(6)]


@template("2.NBT.A.2", difficulty=INTRODUCTORY)
def skip_count_next(rng: random.Random) -> Problem:
    """The next number when counting by 1s, 5s, 10s or 100s within 1000."""
    step, numbers = _count_sequence(rng)
    shown, value = numbers[:4], numbers[4]
    by = "ones" if step == 1 else f"{step}s"
    hints = (
        f"Each number is {step} more than the one before." if step > 1 else "Each number is 1 more.",
        "Think about which digit changes each time.",
    )
    solution = steps(f"Count by {by}: each number is {step} more.", f"{shown[-1]} + {step} = **{value}**")
    wrong = [shown[-1] + 1 if step > 1 else shown[-1] + 10, value + step, shown[-1] + 10 * step]
    return finish(
        f"Count by {by}. What number comes next? {', '.join(map(str, shown))}, ?",
        numeric(value),
        hints,
        solution,
        wrong=wrong,
    )


@template("2.NBT.A.2")
def skip_count_missing(rng: random.Random) -> Problem:
    """A missing number in the middle of a count by 5s, 10s or 100s."""
    while True:
        step, numbers = _count_sequence(rng)
        if step > 1:
            break
    gap = rng.randint(1, 4)
    value = numbers[gap]
    shown = [str(n) if index != gap else "?" for index, n in enumerate(numbers)]
    hints = ("How much bigger is each number than the one before?", f"Add {step} to the number before the ?.")
    solution = steps(f"The numbers go up by {step} each time.", f"{numbers[gap - 1]} + {step} = **{value}**")
    return finish(
        f"What number is missing? {', '.join(shown)}",
        numeric(value),
        hints,
        solution,
        wrong=[numbers[gap - 1] + 1, value + step, numbers[gap - 1] + 10 if step != 10 else value + 100],
    )


@template("2.NBT.A.2")
def skip_count_number_line(rng: random.Random) -> Problem:
    """The number at a point on a number line marked in 5s, 10s or 100s with only some marks labelled."""
    step = rng.choice((5, 10, 100))
    ticks = 10
    start = rng.randint(0, (1000 - ticks * step) // (ticks * step)) * ticks * step
    position = rng.choice([index for index in range(1, ticks) if index % 5])
    value = start + position * step
    figure = figures.number_line(start, start + ticks * step, step, points=[("A", value)], label_every=5)
    hints = (f"The marks go up by {step}.", f"Count by {step}s from the labelled mark just left of A.")
    below = start + (position // 5) * 5 * step
    solution = steps(
        f"Each mark is {step} more than the one before.",
        f"Start at {below} and count on by {step}s to point A: **{value}**.",
    )
    return finish(
        "What number is at point A?",
        numeric(value),
        hints,
        solution,
        figure=figure,
        wrong=[start + position, value + step, value - step],
    )


# ---------------------------------------------------------------------------------------------------------
# 2.NBT.A.3 Read and write numbers to 1000: numerals, number names, expanded form


def _expanded(number: int) -> str:
    """406 as "400 + 6" (zero places left out)."""
    hundreds, tens, ones = number // 100, number // 10 % 10, number % 10
    return " + ".join(str(part) for part in (100 * hundreds, 10 * tens, ones) if part) or "0"


@template("2.NBT.A.3", difficulty=INTRODUCTORY)
def number_name_to_numeral(rng: random.Random) -> Problem:
    """Write a number named in words (up to 999) with digits."""
    hundreds, tens, ones = _three_digit(rng)
    number = 100 * hundreds + 10 * tens + ones
    words = number_word(number)
    hints = ("Find the hundreds first, then the tens, then the ones.", "If a place has nothing, write a 0 there.")
    solution = steps(f"{words.capitalize()} is {places(hundreds, tens, ones)}.", f"With digits: **{number}**.")
    wrong = [
        int(f"{hundreds}{10 * tens + ones}") if tens == 0 and ones else 100 * hundreds + 10 * ones + tens,
        int(f"{hundreds}00{10 * tens + ones}") if number % 100 else number * 10,
        hundreds + tens + ones,
    ]
    return finish(f"Write the number **{words}** with digits.", numeric(number), hints, solution, wrong=wrong)


@template("2.NBT.A.3")
def expanded_to_numeral(rng: random.Random) -> Problem:
    """The number an expanded form shows, sometimes with its parts out of order: 60 + 400 + 3."""
    hundreds, tens, ones = _three_digit(rng)
    number = 100 * hundreds + 10 * tens + ones
    parts = [part for part in (100 * hundreds, 10 * tens, ones) if part]
    if rng.random() < 0.4:
        rng.shuffle(parts)
    hints = (
        "Which part is the hundreds? Which is the tens? Which is the ones?",
        "A place with no part gets the digit 0.",
    )
    solution = steps(f"{places(hundreds, tens, ones).capitalize()}.", f"{' + '.join(map(str, parts))} = **{number}**")
    wrong = [
        int("".join(str(p).rstrip("0") or "0" for p in parts)),
        hundreds + tens + ones,
        100 * hundreds + 10 * ones + tens,
    ]
    return finish(f"What number is {' + '.join(map(str, parts))}?", numeric(number), hints, solution, wrong=wrong)


@template("2.NBT.A.3")
def numeral_to_expanded(rng: random.Random) -> Problem:
    """Pick the expanded form of a three-digit number."""
    hundreds, tens, ones = _three_digit(rng)
    number = 100 * hundreds + 10 * tens + ones
    correct = _expanded(number)
    candidates = (
        " + ".join(str(d) for d in (hundreds, tens, ones) if d),
        " + ".join(str(p) for p in (100 * hundreds, tens, ones) if p),
        " + ".join(str(p) for p in (10 * hundreds, 10 * tens, ones) if p),
        " + ".join(str(p) for p in (100 * hundreds, 100 * tens, 10 * ones) if p),
    )
    answer = pick_choice(rng, correct, candidates)
    hints = ("Expanded form shows the value of each digit.", f"What is the {hundreds} in {number} worth?")
    solution = steps(
        f"{number} is {places(hundreds, tens, ones)}.", f"Their values add up to the number: **{correct}**."
    )
    return finish(f"Which shows {number} in expanded form?", answer, hints, solution)


@template("2.NBT.A.3")
def numeral_to_name(rng: random.Random) -> Problem:
    """Pick the number name (words) of a three-digit number."""
    hundreds, tens, ones = _three_digit(rng)
    if tens == ones:
        ones = (ones + 3) % 10
    number = 100 * hundreds + 10 * tens + ones
    correct = number_word(number)
    candidates = (
        number_word(100 * hundreds + 10 * ones + tens),
        number_word(100 * hundreds + 10 * tens) if ones else number_word(100 * hundreds + tens),
        number_word(100 * tens + 10 * hundreds + ones) if tens else number_word(100 * ones + hundreds),
    )
    answer = pick_choice(rng, correct, candidates)
    hints = ("Read the hundreds first, then the rest of the number.", f"How many hundreds are in {number}?")
    solution = steps(f"{number} is {plural(hundreds, 'hundred')} and {number % 100}.", f"In words: **{correct}**.")
    return finish(f"Which words name the number {number}?", answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 2.NBT.A.4 Compare three-digit numbers


def _close_pair(rng: random.Random) -> tuple[int, int]:
    """Two three-digit numbers that share the hundreds digit (or hundreds and tens) half of the time."""
    first = rng.randint(100, 999)
    kind = rng.choice(("any", "same_hundreds", "same_tens", "swapped"))
    if kind == "same_hundreds":
        second = first // 100 * 100 + rng.randint(0, 99)
    elif kind == "same_tens":
        second = first // 10 * 10 + rng.randint(0, 9)
    elif kind == "swapped" and first % 10 and first // 10 % 10 != first % 10:
        second = first // 100 * 100 + first % 10 * 10 + first // 10 % 10
    else:
        second = rng.randint(100, 999)
    if second == first:
        second = first + rng.choice((-1, 1)) * rng.choice((1, 10, 100)) if 200 <= first <= 899 else first + 1
    return first, second


@template("2.NBT.A.4", difficulty=INTRODUCTORY)
def compare_three_digit(rng: random.Random) -> Problem:
    """Compare two three-digit numbers with <, > or =."""
    first, second = _close_pair(rng)
    answer = comparison(first, second)
    hints = ("Compare the hundreds digits first.", "If the hundreds are the same, compare the tens, then the ones.")
    place = "hundreds" if first // 100 != second // 100 else "tens" if first // 10 != second // 10 else "ones"
    solution = steps(
        f"The first place where the digits differ is the {place} place.", f"So {first} **{answer.display}** {second}."
    )
    return finish(f"Compare the numbers. Write <, > or =.\n\n{first} ? {second}", answer, hints, solution)


@template("2.NBT.A.4")
def compare_place_value_forms(rng: random.Random) -> Problem:
    """Compare a number given in hundreds, tens and ones with a number written in digits."""
    hundreds, tens, ones = _three_digit(rng)
    value = 100 * hundreds + 10 * tens + ones
    other = rng.choice(
        (
            value,
            100 * hundreds + 10 * ones + tens,
            100 * tens + 10 * hundreds + ones if tens else value + 10,
            value + rng.choice((-100, -10, 10, 100, 1)),
        )
    )
    other = max(100, min(999, other))
    described = places(hundreds, tens, ones)
    answer = comparison(value, other)
    hints = ("Write the left side as a number first.", "Then compare hundreds, tens and ones.")
    solution = steps(f"{described} is {value}.", f"So {described} **{answer.display}** {other}.")
    return finish(f"Compare. Write <, > or =.\n\n{described} ? {other}", answer, hints, solution)


@template("2.NBT.A.4")
def greatest_of_three(rng: random.Random) -> Problem:
    """Pick the greatest (or least) of three three-digit numbers with the same digits or close values."""
    digits = rng.sample(range(1, 10), 3)
    numbers = sorted(
        {
            100 * a + 10 * b + c
            for a, b, c in (digits, digits[::-1], (digits[1], digits[0], digits[2]), (digits[0], digits[2], digits[1]))
        }
    )
    numbers = rng.sample(numbers, min(4, len(numbers)))
    greatest = rng.random() < 0.5
    correct = str(max(numbers) if greatest else min(numbers))
    word = "greatest" if greatest else "least"
    answer = pick_choice(rng, correct, (str(n) for n in numbers))
    hints = ("Compare the hundreds digits first.", "When hundreds match, compare the tens.")
    solution = steps("Compare hundreds, then tens, then ones.", f"The {word} number is **{correct}**.")
    return finish(f"Which number is the {word}?", answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 2.NBT.B.5 Add and subtract within 100


def no_regroup_sum(a: int, b: int) -> int:
    """a + b with the ones added but the ten they make dropped: the "forgot to regroup" mistake."""
    return (a // 10 + b // 10) * 10 + (a + b) % 10


def smaller_from_larger(a: int, b: int) -> int:
    """a − b taking the smaller digit from the larger in each place: the most common subtraction mistake."""
    result, place = 0, 1
    while a or b:
        result += abs(a % 10 - b % 10) * place
        a, b, place = a // 10, b // 10, place * 10
    return result


def column_addition_steps(a: int, b: int) -> tuple[str, ...]:
    """Steps adding two numbers below 1000 place by place, regrouping as needed; the last has the sum in bold."""
    lines, carry = [], 0
    for place, (unit, next_unit) in enumerate((("ones", "ten"), ("tens", "hundred"), ("hundreds", "thousand"))):
        digit_a, digit_b = a // 10**place % 10, b // 10**place % 10
        if place == 2 and not (digit_a or digit_b or carry):
            break
        total = digit_a + digit_b + carry
        line = f"{unit.capitalize()}: {digit_a} + {digit_b}" + (" + 1" if carry else "") + f" = {total}."
        if total >= 10:
            line += f" Write {total % 10} and regroup 1 {next_unit}."
        lines.append(line)
        carry = total // 10
    return (*lines, f"So {a} + {b} = **{a + b}**.")


def count_up_steps(low: int, high: int) -> tuple[str, str]:
    """Steps finding high − low by counting up in friendly jumps (to the next ten, the next hundred, then
    hundreds, tens and ones), the last one with the answer in bold."""
    jumps, here = [], low
    for size in (10, 100):
        up = -here % size
        if up and here + up <= high:
            jumps.append((here, here + up))
            here += up
    for size in (100, 10, 1):
        up = (high - here) // size * size
        if up:
            jumps.append((here, here + up))
            here += up
    written = ", ".join(f"{start} + {end - start} = {end}" for start, end in jumps)
    sizes = " + ".join(str(end - start) for start, end in jumps)
    total = f"Add the jumps: {sizes} = **{high - low}**." if len(jumps) > 1 else f"That is **{high - low}**."
    return f"Count up from {low} to {high}: {written}.", total


@template("2.NBT.B.5")
def add_within_100(rng: random.Random) -> Problem:
    """Add two two-digit numbers with a sum up to 100, usually regrouping ones into a ten."""
    a = two_digit_with_ones(rng, 12, 79, 3, 9)
    b = rng.randint(11, 100 - a)
    total = a + b
    tens, ones = a // 10 * 10 + b // 10 * 10, a % 10 + b % 10
    hints = ("Add the tens, then add the ones.", "If the ones make 10 or more, make a new ten.")
    solution = steps(
        f"Tens: {a // 10 * 10} + {b // 10 * 10} = {tens}. Ones: {a % 10} + {b % 10} = {ones}.",
        f"{tens} + {ones} = **{total}**",
    )
    return finish(
        f"What is {a} + {b}?", numeric(total), hints, solution, wrong=[no_regroup_sum(a, b), total + 10, total - 10]
    )


@template("2.NBT.B.5")
def subtract_within_100(rng: random.Random) -> Problem:
    """Subtract a two-digit number within 100, usually taking apart a ten."""
    a = two_digit_with_ones(rng, 31, 99, 0, 6)
    b = two_digit_with_ones(rng, 11, a - 5, a % 10 + 1, 9) if a % 10 < 9 else rng.randint(11, a - 5)
    value = a - b
    hints = ("There may not be enough ones. You can break a ten into 10 ones.", f"Or count up from {b} to {a}.")
    solution = steps(*count_up_steps(b, a), f"So {a} − {b} = {value}.")
    return finish(
        f"What is {a} − {b}?", numeric(value), hints, solution, wrong=[smaller_from_larger(a, b), value + 10, a + b]
    )


@template("2.NBT.B.5")
def missing_part_within_100(rng: random.Random) -> Problem:
    """A missing addend or subtrahend within 100, using how addition and subtraction are related."""
    a = rng.randint(12, 70)
    b = rng.randint(11, 99 - a)
    whole = a + b
    stem = rng.choice((f"{a} + ? = {whole}", f"? + {a} = {whole}", f"{whole} − ? = {a}"))
    hints = (f"Think: what do you add to {a} to get {whole}?", f"Count up from {a} by tens, then by ones.")
    solution = steps(
        f"The missing number is the part that goes with {a} to make {whole}.", f"{whole} − {a} = {b}, so ? = **{b}**."
    )
    return finish(
        f"What number makes this true? {stem}",
        numeric(b),
        hints,
        solution,
        wrong=[whole + a, smaller_from_larger(whole, a), b + 10],
    )


# ---------------------------------------------------------------------------------------------------------
# 2.NBT.B.6 Add up to four two-digit numbers


def _two_digit_numbers(rng: random.Random, count: int) -> list[int]:
    numbers = [rng.randint(11, 49) for _ in range(count)]
    while sum(numbers) > 160:
        numbers = [rng.randint(11, 39) for _ in range(count)]
    return numbers


def _sum_steps(numbers: Sequence[int]) -> tuple[str, str, str]:
    tens = sum(n // 10 * 10 for n in numbers)
    ones = sum(n % 10 for n in numbers)
    return (
        f"Tens: {' + '.join(str(n // 10 * 10) for n in numbers)} = {tens}.",
        f"Ones: {' + '.join(str(n % 10) for n in numbers)} = {ones}.",
        f"{tens} + {ones}",
    )


@template("2.NBT.B.6")
def add_several_two_digit(rng: random.Random) -> Problem:
    """Add three or four two-digit numbers."""
    numbers = _two_digit_numbers(rng, rng.choice((3, 4)))
    total = sum(numbers)
    tens_line, ones_line, last = _sum_steps(numbers)
    hints = ("Add all the tens, then add all the ones.", "Look for ones that make a ten, like 6 and 4.")
    solution = steps(tens_line, ones_line, f"{last} = **{total}**")
    wrong = [sum(n // 10 * 10 for n in numbers) + sum(n % 10 for n in numbers) % 10, total - numbers[-1], total + 10]
    return finish(f"What is {' + '.join(map(str, numbers))}?", numeric(total), hints, solution, wrong=wrong)


@template("2.NBT.B.6")
def add_several_word_problem(rng: random.Random) -> Problem:
    """A story that adds three or four two-digit amounts."""
    numbers = _two_digit_numbers(rng, rng.choice((3, 4)))
    days = ("Monday", "Tuesday", "Wednesday", "Thursday")[: len(numbers)]
    who = name(rng)
    things = rng.choice(("pages", "shells", "jumping jacks", "leaves", "cans"))
    verb = {"pages": "reads", "shells": "finds", "jumping jacks": "does", "leaves": "collects", "cans": "recycles"}
    listed = join_words(f"{n} on {day}" for n, day in zip(numbers, days))
    stem = f"{who} {verb[things]} {things}: {listed}. How many {things} is that in all?"
    total = sum(numbers)
    tens_line, ones_line, last = _sum_steps(numbers)
    hints = ("Add all the numbers in the story.", "Add the tens first, then the ones.")
    solution = steps(tens_line, ones_line, f"{last} = **{total}** {things}")
    wrong = [total - numbers[-1], sum(n // 10 * 10 for n in numbers) + sum(n % 10 for n in numbers) % 10, total - 10]
    return finish(stem, numeric(total), hints, solution, wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 2.NBT.B.7 Add and subtract within 1000


@template("2.NBT.B.7")
def add_within_1000(rng: random.Random) -> Problem:
    """Add two three-digit numbers with a sum up to 1000, regrouping ones or tens."""
    a = rng.randint(105, 689)
    b = rng.randint(102, 999 - a)
    total = a + b
    h, t, o = a // 100 + b // 100, a // 10 % 10 + b // 10 % 10, a % 10 + b % 10
    hints = (
        "Add hundreds and hundreds, tens and tens, ones and ones.",
        "10 ones make a ten, and 10 tens make a hundred.",
    )
    solution = steps(
        f"Hundreds: {a // 100 * 100} + {b // 100 * 100} = {h * 100}.",
        f"Tens: {a // 10 % 10 * 10} + {b // 10 % 10 * 10} = {t * 10}. Ones: {a % 10} + {b % 10} = {o}.",
        f"{h * 100} + {t * 10} + {o} = **{total}**",
    )
    wrong = [no_regroup_sum(a % 100, b % 100) % 100 + (a // 100 + b // 100) * 100, total + 100, total - 10]
    return finish(f"What is {a} + {b}?", numeric(total), hints, solution, wrong=wrong)


@template("2.NBT.B.7")
def subtract_within_1000(rng: random.Random) -> Problem:
    """Subtract three-digit numbers, sometimes across a zero (602 − 347)."""
    a = rng.randint(3, 9) * 100 + rng.choice((0, rng.randint(0, 9) * 10)) + rng.randint(0, 9)
    b = rng.randint(101, a - 20)
    value = a - b
    hints = (
        "Subtract ones from ones, tens from tens and hundreds from hundreds.",
        "When a place does not have enough, break one from the place to its left.",
    )
    solution = steps(*count_up_steps(b, a), f"So {a} − {b} = {value}.")
    return finish(
        f"What is {a} − {b}?",
        numeric(value),
        hints,
        solution,
        wrong=[smaller_from_larger(a, b), value + 100, value + 10],
    )


@template("2.NBT.B.7")
def within_1000_word_problem(rng: random.Random) -> Problem:
    """A one-step story with three-digit numbers: a total or how many are left."""
    who = name(rng)
    place = rng.choice(("school library", "farm stand", "toy store", "bakery"))
    item = {"school library": "books", "farm stand": "apples", "toy store": "toys", "bakery": "rolls"}[place]
    first = rng.randint(120, 650)
    second = rng.randint(105, 990 - first)
    if rng.random() < 0.5:
        stem = (
            f"The {place} had {first} {item} on Monday. {second} more {item} came on Tuesday. "
            f"How many {item} does it have now?"
        )
        value, line = first + second, f"{first} + {second}"
        wrong = [abs(first - second), no_regroup_sum(first, second)]
    else:
        whole = first + second
        stem = f"The {place} had {whole} {item}. {who} counted {second} that were sold. How many {item} are left?"
        value, line = first, f"{whole} − {second}"
        wrong = [whole + second, smaller_from_larger(whole, second)]
    hints = ("Decide: does the story put amounts together or take some away?", "Line up hundreds, tens and ones.")
    solution = steps(
        "Put together means add; taken away means subtract." if "+" in line else "Some are taken away, so subtract.",
        f"{line} = **{value}**",
    )
    return finish(stem, numeric(value), hints, solution, wrong=wrong + [value + 100])


# ---------------------------------------------------------------------------------------------------------
# 2.NBT.B.8 Mentally add or subtract 10 or 100


@template("2.NBT.B.8", difficulty=INTRODUCTORY)
def ten_or_hundred_more_less(rng: random.Random) -> Problem:
    """10 or 100 more or less than a number from 100 to 900."""
    number = rng.randint(110, 890)
    amount = rng.choice((10, 100))
    more = rng.random() < 0.5
    value = number + amount if more else number - amount
    word = "more" if more else "less"
    place = "tens" if amount == 10 else "hundreds"
    hints = (
        f"Only the {place} digit changes (unless it passes 9 or 0).",
        f"{amount} {word} means {'add' if more else 'subtract'} {amount}.",
    )
    solution = steps(
        f"{number} {'+' if more else '−'} {amount}: change the {place}.",
        f"{amount} {word} than {number} is **{value}**.",
    )
    other = 110 if amount == 10 else 10
    wrong = [
        number + 1 if more else number - 1,
        number + other if more else number - other,
        number - amount if more else number + amount,
    ]
    return finish(f"What number is {amount} {word} than {number}?", numeric(value), hints, solution, wrong=wrong)


@template("2.NBT.B.8")
def ten_or_hundred_equation(rng: random.Random) -> Problem:
    """An equation that adds or subtracts 10 or 100, sometimes crossing a hundred (395 + 10)."""
    amount = rng.choice((10, 100))
    if amount == 10 and rng.random() < 0.4:
        number = rng.randint(1, 8) * 100 + rng.choice((90, 91, 95, 98, 0, 3, 5))
    else:
        number = rng.randint(100, 900)
    more = rng.random() < 0.5 or number - amount < 100
    value = number + amount if more else number - amount
    sign = "+" if more else "−"
    hints = (
        f"Think of {number} as hundreds, tens and ones.",
        f"Which place changes by 1 when you {'add' if more else 'subtract'} {amount}?",
    )
    solution = steps(
        f"{number} {sign} {amount} changes the {'tens' if amount == 10 else 'hundreds'} by 1.",
        f"{number} {sign} {amount} = **{value}**",
    )
    wrong = [
        number + 1 if more else number - 1,
        number - amount if more else number + amount,
        (number // 100 * 100 + (number % 100 + 10) % 100) if more and amount == 10 else value + 10,
    ]
    return finish(f"What is {number} {sign} {amount}?", numeric(value), hints, solution, wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 2.NBT.B.9 Explain why addition and subtraction strategies work


@template("2.NBT.B.9")
def why_make_a_new_ten(rng: random.Random) -> Problem:
    """Why adding the ones can make a new ten (regrouping), asked as a choice about the reasoning."""
    who = name(rng)
    a = two_digit_with_ones(rng, 13, 69, 4, 9)
    b = two_digit_with_ones(rng, 12, 99 - a, 11 - a % 10, 9)
    ones = a % 10 + b % 10
    correct = f"{ones} ones is the same as 1 ten and {plural(ones - 10, 'one')}."
    wrong = (
        "Adding two numbers always makes 1 more ten.",
        f"{ones} ones is the same as {ones} tens.",
        f"{ones} ones is the same as 1 hundred and {plural(ones - 10, 'one')}.",
    )
    answer = choice(rng, correct, wrong)
    stem = (
        f"{who} adds {a} + {b}. First {who} adds the ones: {a % 10} + {b % 10} = {ones}. "
        f"Then {who} writes {ones - 10} in the ones place and adds 1 more ten to the tens. Why does this work?"
    )
    hints = ("How many ones make a ten?", f"Split {ones} into a ten and some ones.")
    solution = steps(
        f"10 ones make 1 ten, so {ones} ones = 10 ones + {plural(ones - 10, 'one')}.",
        f"That is why {who} writes {ones - 10} in the ones place and adds 1 ten: **{correct}**",
    )
    return finish(stem, answer, hints, solution)


@template("2.NBT.B.9")
def why_break_a_ten(rng: random.Random) -> Problem:
    """What to do when there are not enough ones to subtract, and why it works."""
    who = name(rng)
    a = two_digit_with_ones(rng, 31, 99, 0, 5)
    b = two_digit_with_ones(rng, 11, a - 10, a % 10 + 1, 9)
    correct = f"Break 1 ten of {a} into 10 ones, so there are {a % 10 + 10} ones."
    wrong = (
        f"Subtract {a % 10} from {b % 10} instead.",
        f"Add 10 to {b} first.",
        "Take away the tens only and skip the ones.",
    )
    answer = choice(rng, correct, wrong)
    have = f"only {plural(a % 10, 'one')}" if a % 10 else "no ones"
    stem = (
        f"{who} wants to find {a} − {b}. There are {have} in {a}, not enough to take away "
        f"{plural(b % 10, 'one')}. What can {who} do?"
    )
    hints = ("How many ones are in 1 ten?", f"{a} is still {a} if you trade 1 ten for 10 ones.")
    solution = steps(
        f"{a} = {plural(a // 10, 'ten')} and {plural(a % 10, 'one')} = {plural(a // 10 - 1, 'ten')} and "
        f"{a % 10 + 10} ones.",
        f"Now {plural(b % 10, 'one')} can be taken from {a % 10 + 10} ones.",
        f"So: **{correct}**",
    )
    return finish(stem, answer, hints, solution)


@template("2.NBT.B.9")
def same_sum_by_splitting(rng: random.Random) -> Problem:
    """Which way of splitting an addend keeps the same sum (make a ten), checked by what each way adds."""
    a = two_digit_with_ones(rng, 14, 78, 5, 9)
    b = two_digit_with_ones(rng, 13, 99 - a, 11 - a % 10, 9)
    total = a + b
    need = 10 - a % 10
    correct = f"{a} + {need} + {b - need}"
    candidates = {
        f"{a} + {need} + {b}": total + need,
        f"{a + need} + {b + need}": total + 2 * need,
        f"{a // 10 * 10} + {b // 10 * 10} + {a % 10}": total - b % 10,
        f"{a} + {need} + {b - need - 1}": total - 1,
    }
    answer = pick_choice(rng, correct, (text_ for text_, value in candidates.items() if value != total))
    stem = f"Which way gives the same sum as {a} + {b}?"
    hints = (
        f"Each way must add up all of {a} and all of {b}, no more and no less.",
        f"If you split {b} into two parts, the parts must add up to {b}.",
    )
    solution = steps(
        f"{a} needs {need} to make the next ten, {a + need}.",
        f"Split {b} into {need} and {b - need}: both parts together are still {b}.",
        f"**{correct}** = {a + need} + {b - need} = {total}.",
    )
    return finish(stem, answer, hints, solution)


@template("2.NBT.B.9")
def check_subtraction_with_addition(rng: random.Random) -> Problem:
    """Which addition checks a subtraction, because subtraction finds a missing part."""
    who = name(rng)
    whole = rng.randint(150, 950) if rng.random() < 0.5 else rng.randint(40, 99)
    part = rng.randint(whole // 4, whole * 3 // 4)
    if 2 * part == whole:
        part += 1
    rest = whole - part
    correct = f"{rest} + {part} = {whole}"
    candidates = (
        f"{whole} + {part} = {whole + part}",
        f"{whole} + {rest} = {whole + rest}",
        f"{rest} + {rest} = {2 * rest}",
    )
    answer = pick_choice(rng, correct, candidates)
    stem = f"{who} found that {whole} − {part} = {rest}. Which addition can {who} use to check it?"
    hints = (
        "Subtraction takes a part away from a whole. What is left is the other part.",
        "Adding the two parts should give back the whole.",
    )
    solution = steps(
        f"{whole} is the whole; {part} and {rest} are its parts.",
        f"The parts added together make the whole: **{correct}**.",
    )
    return finish(stem, answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 2.MD.A Measure and estimate lengths

# Units of length: (singular, plural, length in centimeters).
UNITS = {
    "centimeter": ("centimeter", "centimeters", Fraction(1)),
    "inch": ("inch", "inches", Fraction(254, 100)),
    "foot": ("foot", "feet", Fraction(3048, 100)),
    "yard": ("yard", "yards", Fraction(9144, 100)),
    "meter": ("meter", "meters", Fraction(100)),
}


def units_text(count: int, unit: str) -> str:
    singular, plural_form, _ = UNITS[unit]
    return f"{count} {singular if count == 1 else plural_form}"


# (what is measured, its real size in centimeters, good estimates as (number, unit)).
BENCHMARKS = (
    ("the length of a crayon", 9, ((9, "centimeter"), (4, "inch"))),
    ("the length of a new pencil", 19, ((7, "inch"), (20, "centimeter"))),
    ("the height of a classroom door", 210, ((2, "meter"), (7, "foot"))),
    ("the length of a school bus", 1200, ((12, "meter"), (40, "foot"))),
    ("the length of a car", 450, ((4, "meter"), (15, "foot"))),
    ("the length of a child's shoe", 20, ((8, "inch"), (20, "centimeter"))),
    ("the length of a classroom", 900, ((9, "meter"), (30, "foot"))),
    ("the length of a spoon", 15, ((15, "centimeter"), (6, "inch"))),
    ("the length of a bed", 200, ((2, "meter"), (6, "foot"))),
    ("the height of a kitchen table", 76, ((30, "inch"), (75, "centimeter"))),
    ("the length of a toothbrush", 18, ((7, "inch"), (18, "centimeter"))),
    ("the height of a grown-up", 175, ((6, "foot"),)),
    ("the length of a soccer field", 10000, ((100, "meter"),)),
    ("the length of a swimming pool", 2500, ((25, "meter"), (80, "foot"))),
    ("the length of a paper clip", 3, ((3, "centimeter"), (1, "inch"))),
)
ESTIMATE_UNITS = ("centimeter", "inch", "foot", "meter")
ESTIMATE_HINTS = (
    "Picture the real thing. Is it small enough to hold, or bigger than you?",
    "A centimeter is about as wide as a fingernail and an inch is a little longer. A foot is about as long as a "
    "sheet of paper, and a meter is about as long as a big step.",
)


def _far_apart(first_cm: Fraction, second_cm: Fraction) -> bool:
    """Are two lengths so different that one cannot be a fair estimate of the other?"""
    return max(first_cm, second_cm) >= Fraction(5, 2) * min(first_cm, second_cm)


@template("2.MD.A.1", difficulty=INTRODUCTORY)
def measure_with_ruler(rng: random.Random) -> Problem:
    """The length of a bar that starts at 0 on a ruler in inches or centimeters."""
    unit = rng.choice(("inch", "centimeter"))
    length = rng.randint(2, 10 if unit == "inch" else 14)
    total = min(length + rng.randint(1, 3), 12 if unit == "inch" else 16)
    plural_form = UNITS[unit][1]
    stem = rng.choice(
        (
            f"How long is the bar, in {plural_form}?",
            f"The bar is a strip of paper. Use the ruler. How many {plural_form} long is it?",
        )
    )
    hints = ("The bar starts at 0 on the ruler.", "Find the number on the ruler right under the end of the bar.")
    solution = steps(
        "The bar starts at 0.", f"Its end lines up with {length}, so it is **{units_text(length, unit)}** long."
    )
    return finish(
        stem,
        numeric(length, unit=UNITS[unit][1] if length != 1 else unit),
        hints,
        solution,
        wrong=[length + 1, length - 1],
        figure=figures.ruler(length, units=plural_form, ruler_length=total),
    )


@template("2.MD.A.1")
def measure_not_from_zero(rng: random.Random) -> Problem:
    """The length of an object that does not start at 0 on a ruler (the end mark is not the length)."""
    unit = rng.choice(("inch", "centimeter"))
    total = 12 if unit == "inch" else 15
    start = rng.randint(1, 4)
    end = rng.randint(start + 2, total)
    length = end - start
    thing_name = rng.choice(("pencil", "crayon", "ribbon", "key", "leaf", "stick"))
    plural_form = UNITS[unit][1]
    figure = ruler_with_bars([(start, end, thing_name.capitalize())], total=total, units=plural_form)
    hints = (
        f"The {thing_name} does not start at 0, so the number at its end is not its length.",
        f"Count the {plural_form} from one end of the {thing_name} to the other.",
    )
    solution = steps(
        f"The {thing_name} goes from {start} to {end}.",
        f"{end} − {start} = {length}, so it is **{units_text(length, unit)}** long.",
    )
    return finish(
        f"How long is the {thing_name}, in {plural_form}?",
        numeric(length, unit=plural_form if length != 1 else unit),
        hints,
        solution,
        wrong=[end, length + 1, start],
        figure=figure,
    )


@template("2.MD.A.1", difficulty=INTRODUCTORY)
def tool_to_measure_around(rng: random.Random) -> Problem:
    """Which tool measures the distance around a round object (a measuring tape, since it bends)."""
    who = name(rng)
    thing_name = rng.choice(
        (
            "a tree trunk",
            "a pumpkin",
            "a basketball",
            "a big jar",
            "a bike tire",
            "a drum",
            "a flower pot",
            "a watermelon",
        )
    )
    stem = rng.choice(
        (
            f"{who} wants to measure the distance around {thing_name}. Which tool is best?",
            f"Which tool should {who} use to measure around {thing_name}?",
        )
    )
    correct = "a measuring tape"
    answer = choice(rng, correct, ("a ruler", "a yardstick", "a meter stick"))
    hints = ("The tool must go all the way around a round object.", "Which tool can bend?")
    solution = steps(
        "Rulers, yardsticks and meter sticks are straight and stiff, so they cannot wrap around.",
        f"A tool that bends is best: **{correct}**.",
    )
    return finish(stem, answer, hints, solution)


_UNIT_PAIRS = (("inch", "foot"), ("centimeter", "meter"), ("inch", "yard"), ("foot", "yard"), ("centimeter", "inch"))


@template("2.MD.A.2")
def which_measurement_is_greater(rng: random.Random) -> Problem:
    """Measuring the same object in two units: which number is greater, and why (a smaller unit needs more)."""
    small, big = rng.choice(_UNIT_PAIRS)
    who = name(rng)
    object_name = rng.choice(("rug", "table", "hallway", "jump rope", "bookshelf", "garden"))
    first, second = (small, big) if rng.random() < 0.5 else (big, small)
    ask_greater = rng.random() < 0.6
    stem = (
        f"{who} measures a {object_name} in {UNITS[first][1]}. Then {who} measures it again in "
        f"{UNITS[second][1]}. Which measurement has the {'greater' if ask_greater else 'smaller'} number?"
    )
    small_right = f"The one in {UNITS[small][1]}, because {_a(small)} is shorter than {_a(big)}."
    big_right = f"The one in {UNITS[big][1]}, because {_a(big)} is longer than {_a(small)}."
    correct, wrong_reason = (small_right, big_right) if ask_greater else (big_right, small_right)
    wrong = (
        wrong_reason,
        f"They are the same number, because it is the same {object_name}.",
        (
            f"The one in {UNITS[big][1]}, because {_a(big)} is shorter than {_a(small)}."
            if ask_greater
            else f"The one in {UNITS[small][1]}, because {_a(small)} is longer than {_a(big)}."
        ),
    )
    answer = choice(rng, correct, wrong)
    hints = (
        "Which unit is shorter?",
        f"If each unit is short, do you need more of them or fewer to cover the {object_name}?",
    )
    solution = steps(
        f"{_a(small).capitalize()} is shorter than {_a(big)}.",
        f"It takes more short units to cover the same {object_name}, so the number in {UNITS[small][1]} is greater.",
        f"The answer is: **{correct}**",
    )
    return finish(stem, answer, hints, solution)


def _a(unit: str) -> str:
    return f"an {unit}" if unit[0] in "aeiou" else f"a {unit}"


@template("2.MD.A.2")
def match_measurements_to_units(rng: random.Random) -> Problem:
    """Two measurements of one object in two units: which number goes with the named unit."""
    pair = rng.choice((("inch", "centimeter"), ("foot", "inch"), ("meter", "centimeter"), ("yard", "foot")))
    big, small = pair
    count = rng.randint(4, 30) if pair == ("inch", "centimeter") else rng.randint(2, 9)
    factor = {("foot", "inch"): 12, ("meter", "centimeter"): 100, ("yard", "foot"): 3}.get(pair)
    small_count = count * factor if factor else round(count * UNITS["inch"][2])
    who = name(rng)
    object_name = rng.choice(("ribbon", "rope", "board", "desk", "scarf", "string"))
    shown = [count, small_count] if rng.random() < 0.5 else [small_count, count]
    ask = rng.choice(pair)
    value = small_count if ask == small else count
    stem = (
        f"{who} measures a {object_name} two times: once in {UNITS[big][1]} and once in {UNITS[small][1]}. "
        f"The two numbers are {shown[0]} and {shown[1]}. How long is the {object_name} in {UNITS[ask][1]}?"
    )
    hints = (f"Which unit is longer: {_a(big)} or {_a(small)}?", "Longer units need fewer of them.")
    solution = steps(
        f"{_a(small).capitalize()} is shorter than {_a(big)}, so the measurement in {UNITS[small][1]} "
        f"is the greater number, {small_count}.",
        f"So the {object_name} is **{units_text(value, ask)}** long.",
    )
    return finish(
        stem,
        numeric(value, unit=UNITS[ask][1]),
        hints,
        solution,
        wrong=[count if value == small_count else small_count],
    )


@template("2.MD.A.3")
def best_length_estimate(rng: random.Random) -> Problem:
    """The best estimate of a familiar length: the same number in four units."""
    phrase, real_cm, estimates = rng.choice(BENCHMARKS)
    count, unit = rng.choice(estimates)
    correct = units_text(count, unit)
    wrong = [
        units_text(count, other)
        for other in ESTIMATE_UNITS
        if other != unit and _far_apart(count * UNITS[other][2], Fraction(real_cm))
    ]
    answer = choice(rng, correct, rng.sample(wrong, min(3, len(wrong))))
    solution = steps(
        f"Think about how big {phrase.split(' of ')[-1]} really is.", f"The only one that makes sense is **{correct}**."
    )
    return finish(f"Which is the best estimate for {phrase}?", answer, ESTIMATE_HINTS, solution)


@template("2.MD.A.3")
def which_is_about(rng: random.Random) -> Problem:
    """Which familiar length is about a given number of inches, feet, centimeters or meters."""
    phrase, real_cm, estimates = rng.choice(BENCHMARKS)
    count, unit = rng.choice(estimates)
    size = count * UNITS[unit][2]
    others = [other for other, cm, _ in BENCHMARKS if _far_apart(Fraction(cm), size) and other != phrase]
    answer = choice(rng, phrase, rng.sample(others, 3))
    solution = steps(
        f"{units_text(count, unit).capitalize()} is {_size_words(size)}.",
        f"Of the choices, only **{phrase}** is about that long.",
    )
    return finish(f"Which is about {units_text(count, unit)}?", answer, ESTIMATE_HINTS, solution)


def _size_words(size_cm: Fraction) -> str:
    if size_cm < 5:
        return "about as long as a small bug"
    if size_cm < 40:
        return "small enough to hold in your hand"
    if size_cm < 300:
        return "about as tall as a grown-up, or a little taller or shorter"
    return "much longer than a person"


@template("2.MD.A.4", difficulty=INTRODUCTORY)
def how_much_longer_on_ruler(rng: random.Random) -> Problem:
    """How much longer one object is than another, both measured on one ruler from 0."""
    unit = rng.choice(("inch", "centimeter"))
    total = 12 if unit == "inch" else 15
    longer = rng.randint(4, total - 1)
    shorter = rng.randint(1, longer - 1)
    first, second = rng.sample(("Red ribbon", "Blue ribbon", "Green ribbon", "Pencil", "Crayon", "Straw"), 2)
    bars = [(0, longer, first), (0, shorter, second)]
    if rng.random() < 0.5:
        bars.reverse()
    difference = longer - shorter
    plural_form = UNITS[unit][1]
    stem = f"How many {plural_form} longer is the {first.lower()} than the {second.lower()}?"
    hints = (
        f"Find the length of the {first.lower()} and of the {second.lower()}.",
        "Subtract the shorter length from the longer length.",
    )
    solution = steps(
        f"The {first.lower()} is {units_text(longer, unit)} long and the {second.lower()} is "
        f"{units_text(shorter, unit)} long.",
        f"{longer} − {shorter} = {difference}, so it is **{units_text(difference, unit)}** longer.",
    )
    return finish(
        stem,
        numeric(difference, unit=plural_form if difference != 1 else unit),
        hints,
        solution,
        wrong=[longer + shorter, longer, difference + 1],
        figure=ruler_with_bars(bars, total=total, units=plural_form),
    )


@template("2.MD.A.4")
def how_much_longer_story(rng: random.Random) -> Problem:
    """How much longer one measured object is than another, with lengths in one unit."""
    unit = rng.choice(("inch", "centimeter", "foot", "meter"))
    kind = rng.choice(
        (("snake", "snakes"), ("worm", "worms"), ("jump", "jumps"), ("paper airplane flight", "paper airplane flights"))
    )
    first, second = names(rng, 2)
    longer = rng.randint(20, 95) if unit in ("inch", "centimeter") else rng.randint(8, 40)
    shorter = rng.randint(longer // 3, longer - 2)
    difference = longer - shorter
    plural_form = UNITS[unit][1]
    stem = (
        f"{first} measures a {kind[0]} that is {units_text(longer, unit)} long. {second} measures one that is "
        f"{units_text(shorter, unit)} long. How much longer is {first}'s {kind[0]}?"
    )
    hints = ("How much longer means: find the difference.", f"Count up from {shorter} to {longer}.")
    solution = steps(
        f"{longer} − {shorter} = {difference}", f"{first}'s {kind[0]} is **{units_text(difference, unit)}** longer."
    )
    return finish(
        stem,
        numeric(difference, unit=plural_form if difference != 1 else unit),
        hints,
        solution,
        wrong=[longer + shorter, smaller_from_larger(longer, shorter), difference + 10],
    )


# ---------------------------------------------------------------------------------------------------------
# 2.MD.B.5 Length word problems within 100


def _length_story(rng: random.Random) -> tuple[str, str, int, list[int], str]:
    """A length story within 100: (stem, unit, answer, the two numbers given, the equation in story order)."""
    unit = rng.choice(("inch", "centimeter", "foot", "meter"))
    units = UNITS[unit][1]
    who, other = names(rng, 2)
    part = rng.randint(12, 55)
    change = rng.randint(9, 95 - part)
    whole = part + change
    kind = rng.choice(("join", "cut", "piece", "compare", "start"))
    thing_name = rng.choice(("ribbon", "rope", "string", "piece of yarn"))
    if kind == "join":
        stem = (
            f"{who} has a {thing_name} that is {part} {units} long and another that is {change} {units} long. "
            f"{who} ties them end to end. How long is the new {thing_name}, in {units}?"
        )
        return stem, unit, whole, [part, change], f"{part} + {change} = ?"
    if kind == "cut":
        stem = (
            f"{who} has a {thing_name} that is {whole} {units} long. {who} cuts off {change} {units}. "
            f"How long is the {thing_name} now, in {units}?"
        )
        return stem, unit, part, [whole, change], f"{whole} − {change} = ?"
    if kind == "piece":
        stem = (
            f"Two boards are laid end to end. Together they are {whole} {units} long. One board is {part} "
            f"{units} long. How long is the other board, in {units}?"
        )
        return stem, unit, change, [whole, part], f"{part} + ? = {whole}"
    if kind == "compare":
        stem = (
            f"{who} jumps {whole} {units}. {other} jumps {part} {units}. How much farther does {who} jump, in {units}?"
        )
        return stem, unit, change, [whole, part], f"{whole} − {part} = ?"
    stem = (
        f"{who} cuts {change} {units} off a {thing_name}. Now the {thing_name} is {part} {units} long. "
        f"How long was the {thing_name} at first, in {units}?"
    )
    return stem, unit, whole, [change, part], f"? − {change} = {part}"


@template("2.MD.B.5")
def length_word_problem(rng: random.Random) -> Problem:
    """Add or subtract lengths in one unit to solve a story within 100."""
    stem, unit, value, (x, y), equation = _length_story(rng)
    adds = value == x + y
    hints = (
        "Draw the lengths as bars, or picture them on a ruler.",
        "Write an equation with ? for the length you do not know.",
    )
    operation = f"{x} + {y}" if adds else f"{max(x, y)} − {min(x, y)}"
    solution = steps(
        f"An equation for the story: {equation}.",
        f"{operation} = {value}",
        f"The answer is **{units_text(value, unit)}**.",
    )
    return finish(
        stem, numeric(value, unit=UNITS[unit][1]), hints, solution, wrong=[abs(x - y) if adds else x + y, value + 10]
    )


@template("2.MD.B.5")
def length_story_equation(rng: random.Random) -> Problem:
    """Which equation with ? for the unknown matches a length story."""
    stem, _, value, given, equation = _length_story(rng)
    question = stem.rsplit(". ", 1)[0] + ". Which equation can you use to find the unknown length?"
    hints = ("Let ? stand for the length the story asks for.", "Write the story's steps in the order they happen.")
    solution = steps(
        "Put ? where the unknown length goes in the story.", f"The equation is **{equation}**, and ? = {value}."
    )
    return finish(question, equation_choice(rng, equation, given, value), hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 2.MD.B.6 Whole numbers, sums and differences on a number line


@template("2.MD.B.6", difficulty=INTRODUCTORY)
def point_on_number_line(rng: random.Random) -> Problem:
    """The whole number at a point on a number line with equally spaced marks, some labelled."""
    if rng.random() < 0.3:
        start, end, step, value = 0, 100, 10, rng.choice((10, 20, 30, 40, 60, 70, 80, 90))
    else:
        start = rng.randint(0, 8) * 10
        end, step = start + 20, 1
        value = start + rng.choice([n for n in range(1, 20) if n % 5])
    figure = figures.number_line(start, end, step, points=[("A", value)], label_every=5)
    hints = (
        f"Each mark is {step} more than the mark before it.",
        "Start at the labelled mark just before A and count the marks.",
    )
    below = value - (value - start) % (5 * step)
    marks = (value - below) // step
    solution = steps(
        f"The marks go up by {step}.",
        f"From {below}, count {marks} more mark{'s' if marks > 1 else ''} to A.",
        f"Point A is at **{value}**.",
    )
    return finish(
        "What number is at point A?",
        numeric(value),
        hints,
        solution,
        figure=figure,
        wrong=[value + step, value - step, below + (value - below) // step],
    )


@template("2.MD.B.6")
def number_line_equation(rng: random.Random) -> Problem:
    """Which addition or subtraction a number line's jumps (by tens, then ones) show."""
    a = rng.randint(10, 60)
    b = rng.randint(11, min(39, 100 - a))
    total = a + b
    adding = rng.random() < 0.5
    start, tens, ones = (a, b // 10, b % 10)
    points = [a + 10 * index for index in range(tens + 1)] + ([total] if ones else [])
    if not adding:
        points = [total - 10 * index for index in range(tens + 1)] + ([a] if ones else [])
        start = total
    jumps = list(zip(points, points[1:]))
    low = min(a, total) // 10 * 10
    high = min(100, -(-max(a, total) // 10) * 10)
    figure = jump_number_line(low, high, jumps)
    correct = f"{a} + {b} = {total}" if adding else f"{total} − {b} = {a}"
    candidates = (
        [
            f"{a} − {b} = {a - b}" if a > b else f"{b} − {a} = {b - a}",
            f"{a} + {10 * tens} = {a + 10 * tens}",
            f"{total} + {b} = {total + b}",
        ]
        if adding
        else [f"{a} + {b} = {total}", f"{total} − {10 * tens} = {total - 10 * tens}", f"{total} − {b + 10} = {a - 10}"]
    )
    answer = pick_choice(rng, correct, candidates)
    where = "right" if adding else "left"
    hints = ("Start at the dot and follow the arrows.", "Add up the sizes of all the jumps: tens first, then ones.")
    solution = steps(
        f"The jumps start at the dot, {start}, and the arrows point {where}.",
        f"They are {tens} jumps of 10" + (f" and a jump of {ones}" if ones else "") + f": {b} in all.",
        f"They end at {total if adding else a}, so the number line shows **{correct}**.",
    )
    return finish("Which equation does the number line show?", answer, hints, solution, figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 2.MD.C.7 Time to the nearest five minutes, a.m. and p.m.


def clock_text(hour: int, minute: int) -> str:
    return f"{hour}:{minute:02d}"


def clock_mistakes(hour: int, minute: int) -> list[str]:
    """Times a learner reads by mistake: the hour hand's next number, the minute hand's number as minutes, the
    hands swapped."""
    next_hour = hour % 12 + 1
    mistakes = [clock_text(next_hour, minute) if minute >= 30 else clock_text(hour - 1 or 12, minute)]
    if minute % 5 == 0 and minute:
        mistakes.append(clock_text(hour, minute // 5))
    mistakes.append(clock_text(minute // 5 or 12, hour * 5 % 60))
    return mistakes


@template("2.MD.C.7", difficulty=INTRODUCTORY)
def read_clock_five_minutes(rng: random.Random) -> Problem:
    """The time an analog clock shows, to five minutes, written as on a digital clock."""
    hour, minute = rng.randint(1, 12), rng.randrange(0, 60, 5)
    shown = clock_text(hour, minute)
    hints = (
        "The short hand shows the hour. If it is between two numbers, use the number it has passed.",
        "The long hand shows the minutes. Count by 5s from the 12.",
    )
    solution = steps(
        f"The short hand has passed the {hour}" + (" (it points right at it)." if minute == 0 else "."),
        f"The long hand points to the {minute // 5 or 12}: that is {minute} minutes.",
        f"The time is **{shown}**.",
    )
    return finish(
        "What time does the clock show? Write it like 4:15.",
        text([shown, f"0{shown}"][: 1 + (hour < 10)]),
        hints,
        solution,
        wrong=clock_mistakes(hour, minute),
        figure=figures.clock(hour, minute),
    )


# (activity, possible hours, a.m. or p.m.)
_DAY = (
    ("eats breakfast", (6, 7, 8), "a.m."),
    ("wakes up", (6, 7), "a.m."),
    ("gets to school", (7, 8), "a.m."),
    ("eats lunch", (12,), "p.m."),
    ("walks home from school", (2, 3), "p.m."),
    ("eats dinner", (5, 6, 7), "p.m."),
    ("goes to bed", (7, 8, 9), "p.m."),
    ("has a snack after school", (3, 4), "p.m."),
)


@template("2.MD.C.7")
def clock_with_am_pm(rng: random.Random) -> Problem:
    """The time a clock shows for an everyday activity, with a.m. or p.m."""
    activity, hours, half = rng.choice(_DAY)
    hour, minute = rng.choice(hours), rng.randrange(0, 60, 5)
    who = name(rng)
    other_half = "p.m." if half == "a.m." else "a.m."
    correct = f"{clock_text(hour, minute)} {half}"
    wrong = [f"{clock_text(hour, minute)} {other_half}"] + [
        f"{mistake} {half}" for mistake in clock_mistakes(hour, minute)
    ]
    answer = pick_choice(rng, correct, wrong)
    hints = (
        "Read the hour from the short hand and the minutes from the long hand.",
        "a.m. is from midnight to noon; p.m. is from noon to midnight.",
    )
    solution = steps(
        f"The clock shows {clock_text(hour, minute)}.",
        f"{who} {activity} in the {'morning' if half == 'a.m.' else 'afternoon or evening'}: "
        f"those times are {half} times.",
        f"The time is **{correct}**",
    )
    return finish(
        f"The clock shows the time {who} {activity}. What time is it?",
        answer,
        hints,
        solution,
        figure=figures.clock(hour, minute),
    )


@template("2.MD.C.7")
def digital_to_clock_hands(rng: random.Random) -> Problem:
    """Which number an analog clock's minute hand points to for a digital time."""
    hour, minute = rng.randint(1, 12), rng.randrange(5, 60, 5)
    who = name(rng)
    number = minute // 5
    stem = (
        f"{who}'s digital clock shows {clock_text(hour, minute)}. On a clock with hands, which number does the "
        f"minute hand point to?"
    )
    hints = ("The minute hand is the long hand.", "From one number on the clock to the next is 5 minutes.")
    counted = ", ".join(str(5 * step) for step in range(1, number + 1))
    solution = steps(
        f"The minutes are {minute}. Count by 5s from the 12, one number at a time: {counted}.",
        f"The minute hand points to **{number}**.",
    )
    return finish(stem, numeric(number), hints, solution, wrong=[hour, minute, minute // 10])


# ---------------------------------------------------------------------------------------------------------
# 2.MD.C.8 Money

_COINS = (("quarter", "quarters", 25), ("dime", "dimes", 10), ("nickel", "nickels", 5), ("penny", "pennies", 1))


def _coin_purse(rng: random.Random, *, most: int = 99) -> list[tuple[int, tuple[str, str, int]]]:
    """Some coins worth at most `most` cents, at least two kinds: [(count, coin)]."""
    while True:
        purse = [(rng.randint(0, limit), coin) for limit, coin in zip((3, 4, 3, 4), _COINS)]
        purse = [(count, coin) for count, coin in purse if count]
        if len(purse) >= 2 and sum(count * coin[2] for count, coin in purse) <= most:
            return purse


def _coins_text(purse) -> str:
    return join_words(f"{count} {coin[0] if count == 1 else coin[1]}" for count, coin in purse)


def _cents(purse) -> int:
    return sum(count * coin[2] for count, coin in purse)


def dollars(cents: int) -> str:
    return f"${cents // 100}.{cents % 100:02d}"


@template("2.MD.C.8", difficulty=INTRODUCTORY)
def count_coins(rng: random.Random) -> Problem:
    """How many cents some quarters, dimes, nickels and pennies make."""
    purse = _coin_purse(rng)
    who = name(rng)
    total = _cents(purse)
    coins = sum(count for count, _ in purse)
    hints = (
        "A quarter is 25¢, a dime is 10¢, a nickel is 5¢ and a penny is 1¢.",
        "Start with the coins worth the most, then count on.",
    )
    parts = " + ".join(f"{count * coin[2]}¢" for count, coin in purse)
    solution = steps(
        ", ".join(f"{count} {coin[0] if count == 1 else coin[1]} = {count * coin[2]}¢" for count, coin in purse) + ".",
        f"{parts} = **{total}¢**",
    )
    swapped = sum(count * {10: 5, 5: 10}.get(coin[2], coin[2]) for count, coin in purse)
    return finish(
        f"{who} has {_coins_text(purse)}. How many cents does {who} have?",
        numeric(total, display=f"{total}¢"),
        hints,
        solution,
        wrong=[coins, swapped, total - 1],
    )


@template("2.MD.C.8")
def money_story(rng: random.Random) -> Problem:
    """A story that adds or subtracts cents (within 100) or whole dollars."""
    who = name(rng)
    item, other = rng.sample(("a pencil", "an eraser", "a sticker", "a bookmark", "a toy car", "a ball"), 2)
    if rng.random() < 0.6:
        price, more = rng.randint(15, 60), rng.randint(10, 35)
        if rng.random() < 0.5:
            stem = f"{item.capitalize()} costs {price}¢ and {other} costs {more}¢. How many cents do both cost?"
            value, line, wrong = price + more, f"{price}¢ + {more}¢", [abs(price - more), price]
        else:
            have = price + more
            stem = f"{who} has {have}¢ and buys {item} for {price}¢. How many cents does {who} have left?"
            value, line, wrong = more, f"{have}¢ − {price}¢", [have + price, price]
        shown = f"{value}¢"
    else:
        have, price = rng.randint(10, 50), rng.randint(3, 9)
        stem = f"{who} has ${have}. {who} buys a book for ${price}. How many dollars does {who} have left?"
        value, line, wrong = have - price, f"${have} − ${price}", [have + price, price]
        shown = f"${value}"
    hints = ("Does the story put amounts together or take some away?", "Add or subtract, then write the ¢ or $.")
    solution = steps(f"{line} = **{shown}**")
    return finish(stem, numeric(value, display=shown), hints, solution, wrong=wrong)


@template("2.MD.C.8", difficulty=STRETCH)
def bills_and_coins(rng: random.Random) -> Problem:
    """How much money some dollar bills and coins make, written with $."""
    who = name(rng)
    bills = rng.randint(1, 5)
    purse = _coin_purse(rng)
    cents = _cents(purse)
    total = 100 * bills + cents
    correct = dollars(total)
    pieces = bills + sum(count for count, _ in purse)
    swapped = sum(count * {10: 5, 5: 10}.get(coin[2], coin[2]) for count, coin in purse)
    candidates = (
        dollars(100 * pieces),
        dollars(cents),
        f"${bills}.{cents}" if cents < 10 else dollars(total + 100),
        dollars(100 * bills + swapped),
        dollars(total + 100),
    )
    answer = pick_choice(rng, correct, candidates)
    hints = ("Count the coins in cents first.", "Then write the dollars, a point, and the cents.")
    solution = steps(
        f"The coins: {_coins_text(purse)} make {cents}¢.", f"{bills} dollars and {cents} cents is **{correct}**."
    )
    return finish(
        f"{who} has {bills} dollar bill{'s' if bills > 1 else ''}, {_coins_text(purse)}. "
        f"How much money does {who} have?",
        answer,
        hints,
        solution,
    )


# ---------------------------------------------------------------------------------------------------------
# 2.MD.D.9 Line plots of whole-unit measurements

_MEASURED = (
    ("pencils", "inch"),
    ("leaves", "centimeter"),
    ("shoes", "inch"),
    ("sticks", "inch"),
    ("worms", "centimeter"),
    ("crayons", "centimeter"),
    ("ribbons", "inch"),
)


def _measurements(rng: random.Random) -> tuple[list[int], int, int]:
    """8 to 12 whole-unit lengths and the scale they are plotted on (low, high)."""
    low = rng.randint(2, 12)
    high = low + rng.randint(4, 6)
    values = [rng.randint(low, high) for _ in range(rng.randint(8, 12))]
    return sorted(values), low, high


@template("2.MD.D.9")
def read_line_plot(rng: random.Random) -> Problem:
    """Answer a question from a line plot of lengths in whole units."""
    things, unit = rng.choice(_MEASURED)
    values, low, high = _measurements(rng)
    units = UNITS[unit][1]
    figure = figures.line_plot(
        values, start=low, end=high, step=1, title=f"Lengths of {things.capitalize()}", unit=units
    )
    kind = rng.choice(("at", "longer", "total", "longest_shortest"))
    pick = rng.choice(values)
    if kind == "at":
        value = values.count(pick)
        stem = f"How many {things} are {units_text(pick, unit)} long?"
        lines = (f"Find {pick} on the line plot.", f"Count the X marks above it: **{value}**.")
        wrong = [pick, value + 1]
    elif kind == "longer":
        cut = rng.randint(low + 1, high - 1)
        value = sum(v > cut for v in values)
        stem = f"How many {things} are longer than {units_text(cut, unit)}?"
        lines = (f"Look at the lengths greater than {cut} only.", f"Count all their X marks: **{value}**.")
        wrong = [sum(v >= cut for v in values), high - cut]
    elif kind == "total":
        value = len(values)
        stem = f"How many {things} were measured in all?"
        lines = ("Each X is one measured object.", f"Count every X: **{value}**.")
        wrong = [high - low + 1, value - 1]
    else:
        value = max(values) - min(values)
        stem = f"How many {units} longer is the longest of the {things} than the shortest?"
        lines = (
            f"The longest is {max(values)} and the shortest is {min(values)}.",
            f"{max(values)} − {min(values)} = **{value}**",
        )
        wrong = [max(values), max(values) + min(values)]
    hints = ("Each X stands for one measured object.", "Read the numbers under the X marks.")
    return finish(stem, numeric(value), hints, steps(*lines), wrong=wrong, figure=figure)


@template("2.MD.D.9")
def make_line_plot(rng: random.Random) -> Problem:
    """How many X marks go above a length when a learner plots a list of measurements."""
    things, unit = rng.choice(_MEASURED)
    who = name(rng)
    values, low, high = _measurements(rng)
    listed = list(values)
    rng.shuffle(listed)
    pick = rng.choice(values)
    count = values.count(pick)
    units = UNITS[unit][1]
    stem = (
        f"{who} measures some {things} to the nearest {unit}. The lengths are {', '.join(map(str, listed))} "
        f"{units}. {who} makes a line plot. How many X marks go above {pick}?"
    )
    hints = ("Put one X above the number for each measurement.", f"Count how many times {pick} is in the list.")
    solution = steps(
        f"Each {pick} in the list gets one X above {pick}.",
        f"{pick} is in the list {count} time{'s' if count > 1 else ''}, so **{count}** X marks go above it.",
    )
    return finish(
        stem,
        numeric(count),
        hints,
        solution,
        wrong=[pick, count + 1, len(values)],
        figure=figures.number_line(low, high, 1),
    )


# ---------------------------------------------------------------------------------------------------------
# 2.MD.D.10 Picture graphs and bar graphs

SURVEYS = (
    ("Favorite Fruit", ("Apple", "Banana", "Grape", "Pear")),
    ("Favorite Pet", ("Dog", "Cat", "Fish", "Bird")),
    ("Favorite Color", ("Red", "Blue", "Green", "Purple")),
    ("Favorite Sport", ("Soccer", "Swim", "Tennis", "Running")),
    ("Favorite Season", ("Spring", "Summer", "Fall", "Winter")),
    ("Favorite Snack", ("Popcorn", "Yogurt", "Carrots", "Crackers")),
)


def graph_question(rng: random.Random, data: list[tuple[str, int]], people: str) -> tuple[str, int, list, tuple]:
    """A put-together, take-apart or compare question on survey data: (question, answer, wrong, steps)."""
    (first, a), (second, b) = rng.sample([row for row in data], 2)
    if a == b:
        kind = "together"
    else:
        kind = rng.choice(("more", "fewer", "together", "not"))
    if a < b:
        (first, a), (second, b) = (second, b), (first, a)
    total = sum(value for _, value in data)
    if kind == "more":
        return (
            f"How many more {people} chose {first} than {second}?",
            a - b,
            [a + b, a],
            (f"{first}: {a}. {second}: {b}.", f"{a} − {b} = **{a - b}**"),
        )
    if kind == "fewer":
        return (
            f"How many fewer {people} chose {second} than {first}?",
            a - b,
            [a + b, b],
            (f"{first}: {a}. {second}: {b}.", f"{a} − {b} = **{a - b}**"),
        )
    if kind == "together":
        return (
            f"How many {people} chose {first} or {second}?",
            a + b,
            [a, b],
            (f"{first}: {a}. {second}: {b}.", f"{a} + {b} = **{a + b}**"),
        )
    return (
        f"All {total} {people} voted. How many did not choose {first}?",
        total - a,
        [a, total],
        (f"{first} got {a} votes.", f"{total} − {a} = **{total - a}**"),
    )


@template("2.MD.D.10")
def bar_graph_problem(rng: random.Random) -> Problem:
    """A put-together, take-apart or compare problem using a bar graph with a scale of 1."""
    title, categories = rng.choice(SURVEYS)
    data = [(category, rng.randint(1, 10)) for category in categories]
    question, value, wrong, lines = graph_question(rng, data, "children")
    hints = ("Read the height of each bar on the scale.", "Decide whether to add or subtract.")
    return finish(
        question,
        numeric(value),
        hints,
        steps(*lines),
        wrong=wrong,
        figure=figures.bar_graph(data, step=1, title=title, value_name="number of children"),
    )


@template("2.MD.D.10")
def picture_graph_problem(rng: random.Random) -> Problem:
    """A put-together, take-apart or compare problem using a picture graph where each picture is 1."""
    title, categories = rng.choice(SURVEYS)
    data = [(category, rng.randint(1, 9)) for category in categories[: rng.choice((3, 4))]]
    question, value, wrong, lines = graph_question(rng, data, "children")
    hints = ("Each circle stands for 1 child.", "Count the circles in each row you need, then add or subtract.")
    return finish(
        question,
        numeric(value),
        hints,
        steps(*lines),
        wrong=wrong,
        figure=figures.picture_graph(data, per_picture=1, title=title, thing="child"),
    )


@template("2.MD.D.10", difficulty=INTRODUCTORY)
def draw_bar_graph(rng: random.Random) -> Problem:
    """How tall to draw a bar (single-unit scale) for a tally of votes."""
    title, categories = rng.choice(SURVEYS)
    data = [(category, rng.randint(1, 10)) for category in categories]
    who = name(rng)
    pick, value = rng.choice(data)
    listed = join_words(f"{count} chose {category}" for category, count in data)
    drawn = [(category, count) for category, count in data if category != pick]
    stem = (
        f"{who} asks classmates about their {title.lower()}: {listed}. {who} has drawn the bars for "
        f"{join_words(category for category, _ in drawn)}. How tall should the bar for {pick} be?"
    )
    hints = ("On a scale of 1, each line on the graph is 1 more.", f"Find {pick} in the list.")
    solution = steps(
        f"{value} {'child' if value == 1 else 'children'} chose {pick}.", f"The bar for {pick} goes up to **{value}**."
    )
    figure = figures.bar_graph(drawn, step=1, title=title, value_name="number of children")
    return finish(stem, numeric(value), hints, solution, wrong=[value + 1, value - 1], figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 2.G.A.1 Shapes by their attributes


@template("2.G.A.1", difficulty=INTRODUCTORY)
def name_the_polygon(rng: random.Random) -> Problem:
    """Name a triangle, quadrilateral, pentagon or hexagon drawn in an irregular form."""
    sides = rng.choice((3, 4, 5, 6))
    points = polygon_points(rng, sides)
    correct = SHAPE_NAMES[sides]
    answer = choice(rng, correct, [n for n in SHAPE_NAMES.values() if n != correct])
    hints = ("Count the straight sides.", "Tri- means 3, quad- means 4, penta- means 5, hexa- means 6.")
    solution = steps(f"The shape has {sides} straight sides and {sides} angles.", f"It is a **{correct}**.")
    figure = figures.polygon_figure(
        points, label=f"A closed flat shape with {sides} straight sides of different lengths"
    )
    return finish("What is the name of this shape?", answer, hints, solution, figure=figure)


@template("2.G.A.1")
def shape_from_attributes(rng: random.Random) -> Problem:
    """Name a shape from its number of sides, angles or faces (including a cube)."""
    target = rng.choice((3, 4, 5, 6, "cube"))
    who = name(rng)
    if target == "cube":
        clue = rng.choice(
            (
                "I am a solid shape. I have 6 faces, and they are all squares of the same size.",
                "I am a solid shape, like a number cube. My 6 faces are equal squares.",
            )
        )
        correct = "cube"
        pool = ["hexagon", "quadrilateral", "square"]
    else:
        clue = rng.choice(
            (
                f"I am a flat shape with {target} sides and {target} angles.",
                f"I am a flat shape with exactly {target} angles.",
                f"I am a flat shape with {target} straight sides.",
            )
        )
        correct = SHAPE_NAMES[target]
        pool = [n for n in SHAPE_NAMES.values() if n != correct] + ["cube"]
    answer = pick_choice(rng, correct, rng.sample(pool, 3))
    hints = ("Is it flat or solid?", "Count the sides, angles or faces in the clue.")
    solution = steps(f"{who}'s clue: {clue}", f"That shape is a **{correct}**.")
    return finish(f'{who} is thinking of a shape. "{clue}" What shape is it?', answer, hints, solution)


@template("2.G.A.1")
def count_angles(rng: random.Random) -> Problem:
    """How many angles (corners) a drawn shape has."""
    sides = rng.randint(3, 8)
    points = polygon_points(rng, sides)
    hints = ("An angle is where two sides meet, at a corner.", "Mark each corner as you count so you count it once.")
    solution = steps("Count the corners where two sides meet.", f"The shape has **{sides}** angles.")
    figure = figures.polygon_figure(points, label=f"A closed flat shape with {sides} straight sides")
    return finish(
        "How many angles does this shape have?",
        numeric(sides),
        hints,
        solution,
        wrong=[sides - 1, sides + 1],
        figure=figure,
    )


# ---------------------------------------------------------------------------------------------------------
# 2.G.A.2 Partition a rectangle into rows and columns of squares


@template("2.G.A.2", difficulty=INTRODUCTORY)
def count_squares_in_rectangle(rng: random.Random) -> Problem:
    """Count the same-size squares a rectangle is split into."""
    rows, columns = rng.randint(2, 5), rng.randint(2, 6)
    total = rows * columns
    hints = ("Count the squares in one row.", "Then add that number once for each row.")
    solution = steps(
        f"There are {rows} rows with {columns} squares in each row.",
        f"{' + '.join([str(columns)] * rows)} = **{total}**",
    )
    figure = figures.area_grid(rows, columns)
    return finish(
        "The rectangle is split into same-size squares. How many squares are there?",
        numeric(total),
        hints,
        solution,
        wrong=[rows + columns, 2 * (rows + columns) - 4, total - 1],
        figure=figure,
    )


@template("2.G.A.2")
def partition_story(rng: random.Random) -> Problem:
    """A rectangle cut into rows and columns of same-size squares in a story: how many pieces."""
    rows, columns = rng.randint(2, 5), rng.randint(2, 5)
    who = name(rng)
    what, pieces = rng.choice(
        (
            ("a pan of cornbread", "pieces"),
            ("a sheet of paper", "squares"),
            ("a garden", "plots"),
            ("a brownie tray", "brownies"),
            ("a quilt", "patches"),
        )
    )
    stem = (
        f"{who} cuts {what} into {rows} rows and {columns} columns of same-size squares. How many {pieces} are there?"
    )
    total = rows * columns
    hints = ("Draw the rectangle and split it into the rows and columns.", f"How many {pieces} are in one row?")
    solution = steps(
        f"Each row has {columns} {pieces}, and there are {rows} rows.",
        f"{' + '.join([str(columns)] * rows)} = **{total}**",
    )
    return finish(
        stem,
        numeric(total),
        hints,
        solution,
        wrong=[rows + columns, total + columns, total - 1],
        figure=figures.area_grid(rows, columns),
    )


# ---------------------------------------------------------------------------------------------------------
# 2.G.A.3 Halves, thirds and fourths

_SHARE_WORDS = {2: ("a half", "two halves"), 3: ("a third", "three thirds"), 4: ("a fourth", "four fourths")}


def _share_figure(rng: random.Random, parts: int, shaded: int) -> tuple[str, str]:
    """A circle or a rectangle cut into equal parts: (figure, what it is)."""
    if rng.random() < 0.5:
        return figures.fraction_circle(parts, shaded), "circle"
    return figures.fraction_bar(parts, shaded), "rectangle"


@template("2.G.A.3", difficulty=INTRODUCTORY)
def name_the_share(rng: random.Random) -> Problem:
    """Describe one shaded equal share of a circle or rectangle as a half, a third or a fourth."""
    parts = rng.choice((2, 3, 4))
    figure, shape = _share_figure(rng, parts, 1)
    who = name(rng)
    food = "pizza" if shape == "circle" else rng.choice(("sandwich", "granola bar", "piece of toast"))
    correct = _SHARE_WORDS[parts][0]
    answer = choice(rng, correct, [words[0] for words in _SHARE_WORDS.values()], keep_order=True)
    stem = rng.choice(
        (
            f"{who} cuts a {food} into equal parts and eats the shaded part. How much of the {food} did {who} eat?",
            f"The {shape} is cut into equal shares. How much of the {shape} is shaded?",
        )
    )
    hints = ("Count the equal parts in the whole shape.", "2 equal parts are halves, 3 are thirds, 4 are fourths.")
    solution = steps(f"The whole is cut into {parts} equal parts.", f"One of them is **{correct}** of the whole.")
    return finish(stem, answer, hints, solution, figure=figure)


@template("2.G.A.3")
def whole_as_shares(rng: random.Random) -> Problem:
    """Describe a whole cut into 2, 3 or 4 equal shares: two halves, three thirds, four fourths."""
    parts = rng.choice((2, 3, 4))
    figure, shape = _share_figure(rng, parts, parts)
    who = name(rng)
    correct = _SHARE_WORDS[parts][1]
    answer = choice(rng, correct, [words[1] for words in _SHARE_WORDS.values()], keep_order=True)
    stem = rng.choice(
        (
            f"{who} shades every equal part of the {shape}. Which words describe the whole {shape}?",
            f"The whole {shape} is cut into equal parts. How can you describe the whole?",
        )
    )
    hints = ("Count the equal parts.", "How many of those parts make the whole?")
    solution = steps(
        f"There are {parts} equal parts, and all of them make the whole.", f"So the whole is **{correct}**."
    )
    return finish(stem, answer, hints, solution, figure=figure)


def _two_ways(left: str, right: str, parts: int) -> str:
    """Two identical rectangles, each cut into `parts` equal shares in its own way, one share of each shaded."""
    size_w, size_h, gap = 160, 110, 40
    svg = Svg(2 * size_w + gap + 20, size_h + 20)
    for index, style in enumerate((left, right)):
        x0, y0 = 10 + index * (size_w + gap), 10
        corners = {"tl": (x0, y0), "tr": (x0 + size_w, y0), "br": (x0 + size_w, y0 + size_h), "bl": (x0, y0 + size_h)}
        centre = (x0 + size_w / 2, y0 + size_h / 2)
        svg.rect(x0, y0, size_w, size_h, fill="#ffffff")
        if style == "columns":
            svg.rect(x0, y0, size_w / parts, size_h, fill=SHADE)
            for cut in range(1, parts):
                svg.line(x0 + cut * size_w / parts, y0, x0 + cut * size_w / parts, y0 + size_h)
        elif style == "rows":
            svg.rect(x0, y0, size_w, size_h / parts, fill=SHADE)
            for cut in range(1, parts):
                svg.line(x0, y0 + cut * size_h / parts, x0 + size_w, y0 + cut * size_h / parts)
        elif style == "diagonal":  # halves: one diagonal
            svg.polygon([corners["tl"], corners["tr"], corners["bl"]], fill=SHADE)
            svg.line(*corners["tr"], *corners["bl"])
        elif style == "grid":  # fourths: 2 by 2
            svg.rect(x0, y0, size_w / 2, size_h / 2, fill=SHADE)
            svg.line(x0 + size_w / 2, y0, x0 + size_w / 2, y0 + size_h)
            svg.line(x0, y0 + size_h / 2, x0 + size_w, y0 + size_h / 2)
        elif style == "cross":  # fourths: both diagonals
            svg.polygon([corners["tl"], corners["tr"], centre], fill=SHADE)
            svg.line(*corners["tl"], *corners["br"])
            svg.line(*corners["tr"], *corners["bl"])
        svg.rect(x0, y0, size_w, size_h, fill="none", stroke=INK, stroke_width=2)
    described = {
        "columns": "into tall strips side by side",
        "rows": "into wide strips one above another",
        "diagonal": "corner to corner into two triangles",
        "grid": "into a 2 by 2 grid of small rectangles",
        "cross": "along both diagonals into four triangles",
    }
    return svg.render(
        f"Two rectangles of the same size. The first is cut {described[left]}; the second is cut "
        f"{described[right]}. One part of each is shaded."
    )


@template("2.G.A.3", difficulty=STRETCH)
def equal_shares_different_shapes(rng: random.Random) -> Problem:
    """Equal shares of identical wholes need not have the same shape: compare two differently cut halves or
    fourths."""
    parts = rng.choice((2, 4))
    styles = ("columns", "rows", "diagonal") if parts == 2 else ("columns", "rows", "grid", "cross")
    left, right = rng.sample(styles, 2)
    first, second = names(rng, 2)
    food, foods = rng.choice(
        (
            ("sandwich", "sandwiches"),
            ("garden", "gardens"),
            ("sheet of paper", "sheets of paper"),
            ("brownie", "brownies"),
            ("cracker", "crackers"),
        )
    )
    word = "half" if parts == 2 else "fourth"
    plural_word = "halves" if parts == 2 else "fourths"
    correct = f"The shaded parts are the same size: each is one {word} of a {food} of the same size."
    wrong = (
        f"{first}'s shaded part is bigger, because it looks different.",
        f"{second}'s shaded part is bigger, because it looks different.",
        f"The parts are not {plural_word}, because they do not have the same shape.",
    )
    answer = choice(rng, correct, wrong)
    stem = (
        f"{first} and {second} each have a {food} of the same size. {first} cuts one way and {second} cuts "
        f"another way, each into {parts} equal parts. Each shades one part. Which is true?"
    )
    hints = ("Both wholes are the same size.", f"How many equal parts is each {food} cut into?")
    solution = steps(
        f"Each {food} is cut into {parts} equal parts, so each part is a {word} of it.",
        f"The two {foods} are the same size, so a {word} of one is as big as a {word} of the other, "
        "even if the parts have different shapes.",
        f"So: **{correct}**",
    )
    return finish(stem, answer, hints, solution, figure=_two_ways(left, right, parts))
