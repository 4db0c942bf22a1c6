"""Grade 8 item generators: every grade 8 Common Core math standard.

- The number system (8.NS): rational and irrational numbers, repeating decimals as fractions, decimal
  expansions of fractions, square roots placed between whole numbers, estimated to tenths, located on a number
  line and compared.
- Expressions and equations (8.EE): the properties of integer exponents, square and cube roots, estimates as a
  single digit times a power of 10, operations in scientific notation (and calculator displays), proportional
  relationships and slope, slope triangles and y = mx + b, linear equations with one, no or infinitely many
  solutions, multi-step linear equations with rational coefficients, and systems of two linear equations (their
  graphs, algebra, inspection and word problems).
- Functions (8.F): what makes a relation a function, comparing functions given in different ways, linear and
  nonlinear functions, building a linear model (rate of change and initial value) and describing graphs.
- Geometry (8.G): what rotations, reflections and translations keep; congruence and similarity as sequences of
  moves; moves and dilations with coordinates; angle sums, exterior angles, parallel lines cut by a transversal
  and the angle-angle criterion; the Pythagorean theorem, its proof and converse, distances on the coordinate
  plane; volumes of cylinders, cones and spheres.
- Statistics (8.SP): patterns in scatter plots, lines of fit, using a linear model, two-way tables.

The parents 8.EE.C.7, 8.EE.C.8 and 8.G.A.1 are covered through their lettered parts. No standard is skipped.

`figures.coordinate_plane` draws a single polygon and its label does not mention the lines drawn on it, so this
module draws its grids with `_grid` (on the `Svg` builder), which can show two figures and labels its lines.
`figures.scatter_plot` labels a plot with its number of points only; `_scatter` relabels it with the points, which
a learner who cannot see the plot needs.

Hints may use the problem's numbers; base's `problem` drops a hint that would show the answer, so every template also
gives one hint without numbers.
"""

from __future__ import annotations

import math
import random
import re
from decimal import Decimal
from fractions import Fraction
from html import escape

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
    mixed,
    name,
    names,
    number_text,
    number_text as _num,
    number_word,
    numeric,
    plural,
    problem,
    signed,
    steps as _steps,
    template,
    terminates,
)

F = Fraction
D = Decimal

# ---------------------------------------------------------------------------------------------------------
# Shared helpers


def _pair(x, y) -> str:
    return f"({_num(x)}, {_num(y)})"


def _power(base_text, exponent) -> str:
    """ "3<sup>−2</sup>"; a negative or fractional base goes in parentheses."""
    base_text = base_text if isinstance(base_text, str) else _num(base_text)
    if base_text.startswith(MINUS) or "/" in base_text or "√" in base_text:
        base_text = f"({base_text})"
    return f"{base_text}<sup>{_num(exponent)}</sup>"


def _term(coefficient, variable: str = "x") -> str:
    """A variable with its coefficient: "3x", "x", "−x", "(1/2)x", "0.4x"."""
    if coefficient == 1:
        return variable
    if coefficient == -1:
        return f"{MINUS}{variable}"
    if isinstance(coefficient, Fraction) and coefficient.denominator != 1:
        sign = MINUS if coefficient < 0 else ""
        return f"{sign}({_num(abs(coefficient))}){variable}"
    return f"{_num(coefficient)}{variable}"


def _expression(slope, intercept, variable: str = "x") -> str:
    """ "2x + 3", "−x − 4", "(1/2)x", "5" (a linear expression, its x term first)."""
    if slope == 0:
        return _num(intercept)
    text = _term(slope, variable)
    if intercept > 0:
        text += f" + {_num(intercept)}"
    elif intercept < 0:
        text += f" {MINUS} {_num(-intercept)}"
    return text


def _line(slope, intercept, y: str = "y", x: str = "x") -> str:
    """The equation "y = 2x + 3"."""
    return f"{y} = {_expression(slope, intercept, x)}"


def _table(headers, rows) -> str:
    """A Markdown table; the blank lines around it keep it apart from the sentences of a stem."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n\n" + "\n".join(lines) + "\n\n"


def _function_table(points, x_name: str = "x", y_name: str = "y") -> str:
    """A table of values laid out across: one row of inputs, one of outputs."""
    return _table([x_name, *(_num(x) for x, _ in points)], [[y_name, *(_num(y) for _, y in points)]])


def _decimal(value) -> Fraction | Decimal:
    """A terminating fraction as a Decimal, so that it prints as "18.5"; any other number as it is."""
    return D(decimal_text(value)) if terminates(value) and F(value).denominator != 1 else value


def _money(value) -> str:
    """ "$4.25", "$12"; whole dollars are written without cents."""
    value = F(value)
    if value.denominator == 1:
        return f"${value.numerator:,}"
    return f"${decimal_text(value, 2)}"


def _isqrt_exact(value) -> int | None:
    """The whole square root of a whole number, or None when it is not a perfect square."""
    if value < 0 or F(value).denominator != 1:
        return None
    root = math.isqrt(int(value))
    return root if root * root == value else None


def _sqrt_to_tenth(value: int) -> Decimal:
    """√value rounded to the nearest tenth, exactly (a tenth t/10 is compared through squares)."""
    tenths = math.isqrt(100 * value)
    # √value rounds up when it is past t/10 + 1/20, that is when 400 × value > (2t + 1)², never equal.
    if 400 * value > (2 * tenths + 1) ** 2:
        tenths += 1
    return D(tenths) / 10


def _non_square(rng: random.Random, low: int, high: int) -> int:
    while True:
        value = rng.randint(low, high)
        if _isqrt_exact(value) is None:
            return value


# Figures -------------------------------------------------------------------------------------------------

LINE_COLOURS = (figures.FILL_DARK, "#b44d12", "#2f7d32")
SHAPE_FILLS = ("#c7d8f5", "#f9dcc0", "#cfe8cf")


def _grid(
    x_range: tuple[int, int],
    y_range: tuple[int, int],
    *,
    label: str,
    x_step: int = 1,
    y_step: int = 1,
    lines=(),
    dashed=(),
    shapes=(),
    points=(),
    notes=(),
    x_name: str = "",
    y_name: str = "",
) -> str:
    """A coordinate grid with gridlines and numbers every `x_step` and `y_step`, and on it:
    `shapes`: (vertex names, vertices) polygons, filled in turn; `lines`: (vertices, name) polylines drawn in
    turn in LINE_COLOURS, the name written at the last vertex; `dashed`: ((x1, y1), (x2, y2)) dashed segments;
    `points`: (name, x, y) dots; `notes`: (x, y, text) written at a place. `label` says what it shows."""
    (x_low, x_high), (y_low, y_high) = x_range, y_range
    size, left, top = 320, 44, 24 if y_name else 14
    bottom = 44 if x_name else 30
    sx, sy = size / (x_high - x_low), size / (y_high - y_low)
    svg = figures.Svg(size + left + 40, size + top + bottom)

    def at(x, y) -> tuple[float, float]:
        return left + float(F(x) - x_low) * sx, top + float(y_high - F(y)) * sy

    origin_x = 0 if x_low <= 0 <= x_high else x_low
    origin_y = 0 if y_low <= 0 <= y_high else y_low
    x_every = 2 if (x_high - x_low) // x_step > 12 else 1
    y_every = 2 if (y_high - y_low) // y_step > 12 else 1
    for index, x in enumerate(range(x_low, x_high + 1, x_step)):
        svg.line(*at(x, y_low), *at(x, y_high), stroke=figures.LIGHT, stroke_width=1)
        if index % x_every == 0 and (x != origin_x or origin_x == x_low):
            px, py = at(x, origin_y)
            svg.text(px, py + 15, figures._label(x), size=10)
    for index, y in enumerate(range(y_low, y_high + 1, y_step)):
        svg.line(*at(x_low, y), *at(x_high, y), stroke=figures.LIGHT, stroke_width=1)
        if index % y_every == 0 and y != origin_y:
            px, py = at(origin_x, y)
            svg.text(px - 5, py + 4, figures._label(y), size=10, anchor="end")
    svg.line(*at(x_low, origin_y), *at(x_high, origin_y), stroke_width=2)
    svg.line(*at(origin_x, y_low), *at(origin_x, y_high), stroke_width=2)
    if x_name:
        svg.text(left + size / 2, size + top + 38, x_name, size=12)
    if y_name:
        svg.text(4, 14, y_name, size=12, anchor="start")
    for index, (vertex_names, vertices) in enumerate(shapes):
        placed = [at(x, y) for x, y in vertices]
        svg.polygon(placed, fill=SHAPE_FILLS[index % 3], stroke=LINE_COLOURS[index % 3])
        cx, cy = sum(x for x, _ in placed) / len(placed), sum(y for _, y in placed) / len(placed)
        for vertex_name, (px, py) in zip(vertex_names, placed):
            dx, dy = px - cx, py - cy
            norm = math.hypot(dx, dy) or 1
            svg.text(px + 13 * dx / norm, py + 13 * dy / norm + 5, vertex_name, size=13, weight="bold")
    for start, end in dashed:
        svg.line(*at(*start), *at(*end), stroke=figures.MUTED, stroke_width=1.5, dash="5 4")
    for index, (vertices, line_name) in enumerate(lines):
        colour = LINE_COLOURS[index % 3]
        svg.polyline([at(x, y) for x, y in vertices], stroke=colour, stroke_width=2.5)
        if line_name:
            px, py = at(*vertices[-1])
            svg.text(
                min(px + 4, size + left + 36),
                max(py - 6, 12),
                line_name,
                size=12,
                anchor="end",
                fill=colour,
                weight="bold",
            )
    for point_name, x, y in points:
        px, py = at(x, y)
        svg.circle(px, py, 4.5, fill=figures.SHADE)
        if point_name:
            svg.text(px + 7, py - 7, point_name, size=13, weight="bold", anchor="start")
    for x, y, text_value in notes:
        svg.text(*at(x, y), text_value, size=12, weight="bold", fill=figures.INK)
    return svg.render(label)


def _grid_words(x_range, y_range) -> str:
    return (
        f"A coordinate grid with x from {_num(x_range[0])} to {_num(x_range[1])} and y from {_num(y_range[0])} "
        f"to {_num(y_range[1])}"
    )


def _line_ends(slope, intercept, x_range, y_range) -> list[tuple[Fraction, Fraction]]:
    """The two ends of the part of y = slope·x + intercept that lies inside the grid."""
    (x_low, x_high), (y_low, y_high) = x_range, y_range
    ends = set()
    for x in (x_low, x_high):
        y = slope * x + intercept
        if y_low <= y <= y_high:
            ends.add((F(x), F(y)))
    if slope != 0:
        for y in (y_low, y_high):
            x = F(y - intercept) / slope
            if x_low <= x <= x_high:
                ends.add((x, F(y)))
    ordered = sorted(ends)
    return [ordered[0], ordered[-1]]


def _points_words(points) -> str:
    return ", ".join(_pair(x, y) for x, y in points)


def _scatter(
    points, *, x_range, y_range, x_name: str, y_name: str, x_step: int, y_step: int, line=None, line_words: str = ""
) -> str:
    """`figures.scatter_plot`, with a label that lists the points (and the line, when one is drawn)."""
    svg = figures.scatter_plot(
        points, x_range=x_range, y_range=y_range, x_name=x_name, y_name=y_name, x_step=x_step, y_step=y_step, line=line
    )
    label = f"Scatter plot of {y_name} against {x_name}, {len(points)} points: {_points_words(points)}" + (
        f"; with the line {line_words} drawn" if line_words else ""
    )
    old = re.search(r'aria-label="([^"]*)"', svg).group(1)
    new = escape(label)
    return svg.replace(f'aria-label="{old}"', f'aria-label="{new}"', 1).replace(
        f"<title>{old}</title>", f"<title>{new}</title>", 1
    )


# ---------------------------------------------------------------------------------------------------------
# 8.NS.A.1 Rational and irrational numbers; repeating decimals


def _repeating(digits_before: str, block: str, whole: int = 0) -> str:
    """A repeating decimal written out: the block shown until there are at least 6 digits, then "…"."""
    shown = block * max(2, -(-(6 - len(digits_before)) // len(block)))
    return f"{whole}.{digits_before}{shown}…"


def _decimal_expansion(value: Fraction) -> tuple[int, str, str]:
    """The whole part, the digits before the repeating block and the block of a fraction from 0 to 1."""
    whole, remainder = divmod(value.numerator, value.denominator)
    seen: dict[int, int] = {}
    digits = ""
    while remainder and remainder not in seen:
        seen[remainder] = len(digits)
        remainder *= 10
        digits += str(remainder // value.denominator)
        remainder %= value.denominator
    if not remainder:
        return whole, digits, ""
    start = seen[remainder]
    return whole, digits[:start], digits[start:]


def _fraction_step(top: int, bottom: int, value: Fraction) -> str:
    """ "x = 27/99 = 3/11." (the second form only when the fraction simplifies)."""
    simpler = f" = {_num(value)}" if value.denominator != bottom else ""
    return f"x = {top}/{bottom}{simpler}."


@template("8.NS.A.1")
def repeating_decimal_to_fraction(rng: random.Random) -> Problem:
    """Write a repeating decimal such as 0.2727… as a fraction."""
    kind = rng.choice(["one", "two", "delayed", "whole"])
    whole = rng.randint(1, 5) if kind == "whole" else 0
    if kind in {"one", "whole"}:
        digit = rng.randint(1, 8)
        before, block = "", str(digit)
        value = whole + F(digit, 9)
        wrong = [whole + F(digit, 10), F(digit, 9)] if whole else [F(digit, 10), F(digit, 99)]
    elif kind == "two":
        number = rng.choice([n for n in range(10, 99) if n % 11])
        before, block = "", f"{number:02d}"
        value = F(number, 99)
        wrong = [F(number, 100), F(number, 9) if number < 9 else F(number // 10, 9)]
    else:
        first = rng.randint(0, 9)
        digit = rng.choice([d for d in range(1, 9) if d != first])
        before, block = str(first), str(digit)
        value = F(10 * first + digit - first, 90)
        wrong = [F(10 * first + digit, 99), F(10 * first + digit, 100), F(digit, 9)]
    shown = _repeating(before, block, whole)
    repeat_words = f"the digit {block} repeats" if len(block) == 1 else f"the digits {block} repeat"
    stem = f"Write the repeating decimal {shown} as a fraction. ({repeat_words.capitalize()} forever.)"
    x_value = f"{whole}.{before}{block * 3}…"
    if kind == "delayed":
        ten_x = f"{first}.{block * 3}…"
        hundred_x = f"{10 * first + digit}.{block * 3}…"
        steps = [
            f"Let x = {x_value}.",
            f"Then 10x = {ten_x} and 100x = {hundred_x}: both have the same repeating part.",
            f"Subtract: 100x − 10x = {10 * first + digit} − {first}, so 90x = {10 * first + digit - first}.",
            _fraction_step(10 * first + digit - first, 90, value),
        ]
    else:
        power = 10 ** len(block)
        shifted = f"{whole * power + int(block)}.{block * 3}…"
        top = whole * power + int(block) - whole
        steps = [
            f"Let x = {x_value}.",
            f"The repeating block has {len(block)} digit{'s' if len(block) > 1 else ''}, so multiply by {power}: "
            f"{power}x = {shifted}.",
            f"Subtract x: {power}x − x = {whole * power + int(block)} − {whole}, so {power - 1}x = {top}."
            if whole
            else f"Subtract x: {power}x − x = {int(block)}, so {power - 1}x = {top}.",
            _fraction_step(top, power - 1, value),
        ]
    solution = _steps(*steps) + f"\n\nSo {shown} = **{_num(value)}**."
    hints = (
        "Call the number x. Multiply x by a power of 10 that moves one repeating block to the left of the "
        "decimal point.",
        "Subtract so that the repeating parts cancel, then divide.",
    )
    return problem(stem, numeric(value), hints, solution, wrong=wrong)


def _irrational_pool(rng: random.Random) -> list[tuple[str, str]]:
    """Irrational numbers with the reason each is irrational."""
    first, second = rng.sample([n for n in range(2, 80) if _isqrt_exact(n) is None], 2)
    return [
        (f"√{first}", f"{first} is not a perfect square, so √{first} is irrational"),
        (f"√{second}", f"{second} is not a perfect square, so √{second} is irrational"),
        ("π", "π is irrational: its decimal never ends or repeats"),
        ("0.1010010001…", "0.1010010001… (one more 0 each time) never ends and never repeats, so it is irrational"),
    ]


def _rational_pool(rng: random.Random) -> list[tuple[str, str]]:
    """Rational numbers (some look irrational at first) with the reason each is rational."""
    root = rng.randint(2, 12)
    top, bottom = rng.choice([(5, 7), (2, 9), (4, 11), (3, 13), (8, 3), (11, 6)])
    digits = rng.choice(["36", "18", "45", "72", "27"])
    return [
        (f"√{root * root}", f"√{root * root} = {root}, a whole number, so it is rational"),
        (f"{top}/{bottom}", f"{top}/{bottom} is a fraction of two integers, so it is rational"),
        (f"0.{digits * 3}…", f"0.{digits * 3}… repeats, so it can be written as a fraction: it is rational"),
        (f"{MINUS}{rng.randint(2, 15)}", "every integer is rational"),
        ("22/7", "22/7 is a fraction, so it is rational (it is close to π but not equal to it)"),
        (f"{rng.randint(1, 9)}.{rng.randint(1, 9)}{rng.randint(1, 9)}", "a decimal that ends is rational"),
    ]


@template("8.NS.A.1")
def rational_or_irrational(rng: random.Random) -> Problem:
    """Pick the one irrational (or the one rational) number among four."""
    want_irrational = rng.random() < 0.6
    irrational, rational = _irrational_pool(rng), _rational_pool(rng)
    if want_irrational:
        right = rng.choice(irrational)
        others = rng.sample(rational[:3], 2) + rng.sample(rational[3:], 1)
    else:
        right = rng.choice(rational[:3] + rational[4:5])
        others = rng.sample(irrational, 3)
    kind = "irrational" if want_irrational else "rational"
    answer = choice(rng, right[0], [text for text, _ in others])
    listed = ", ".join(sorted(text for text, _ in [right, *others]))
    stem = f"Exactly one of these numbers is {kind}: {listed}. Which one is it?"
    reasons = "\n".join(f"- {text}: {reason}." for text, reason in [right, *others])
    solution = (
        f"A rational number can be written as a fraction of two integers; its decimal ends or repeats. "
        f"An irrational number cannot: its decimal goes on forever without repeating.\n\n{reasons}\n\n"
        f"So the {kind} number is **{right[0]}**."
    )
    hints = (
        "A rational number is a fraction of two integers, and its decimal ends or repeats.",
        "Check whether a number under √ is a perfect square, and whether a decimal repeats.",
    )
    return problem(stem, answer, hints, solution)


@template("8.NS.A.1")
def fraction_to_repeating_decimal(rng: random.Random) -> Problem:
    """Pick the decimal expansion of a fraction whose decimal repeats."""
    while True:
        denominator = rng.choice([3, 6, 9, 11, 12, 15, 22, 27, 33, 37])
        numerator = rng.randint(1, denominator - 1)
        value = F(numerator, denominator)
        if not terminates(value) and value.numerator < 10:
            break
    _, before, block = _decimal_expansion(value)
    right = _repeating(before, block)
    first_digits = (before + block)[:2]
    flipped = F(value.denominator, value.numerator)
    # Mistakes: stopping after two digits, the ninths pattern, dividing the wrong way, reading the digits as a decimal.
    wrong = [
        f"0.{first_digits}",
        f"0.{str(value.numerator) * 6}…",
        decimal_text(flipped)
        if terminates(flipped) and flipped.denominator > 1
        else f"0.{value.numerator}{value.denominator}",
    ]
    options = distinct_wrong(right, wrong)
    answer = choice(rng, right, options)
    stem = f"Which is the decimal expansion of {_num(value)}?"
    remainder = value.numerator
    division = []
    seen = set()
    while remainder not in seen and len(division) < 4:
        seen.add(remainder)
        digit, next_remainder = divmod(remainder * 10, value.denominator)
        division.append(f"{remainder * 10} ÷ {value.denominator} = {digit} remainder {next_remainder}")
        remainder = next_remainder
    solution = _steps(
        f"Divide {value.numerator} by {value.denominator} with long division: " + "; ".join(division) + ".",
        "A remainder has come back, so the same digits come back again and again: the decimal repeats.",
        f"So {_num(value)} = **{right}**.",
    )
    hints = (
        "Divide the top number by the bottom number with long division.",
        "Watch the remainders: when one comes back, the digits start to repeat.",
    )
    return problem(stem, answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 8.NS.A.2 Rational approximations of irrational numbers


@template("8.NS.A.2", difficulty=INTRODUCTORY)
def square_root_between_whole_numbers(rng: random.Random) -> Problem:
    """Name the two whole numbers a square root lies between."""
    value = _non_square(rng, 5, 150)
    low = math.isqrt(value)
    right = f"{low} and {low + 1}"
    half = value // 2
    wrong = distinct_wrong(right, [f"{low - 1} and {low}", f"{low + 1} and {low + 2}", f"{half} and {half + 1}"])
    answer = choice(rng, right, wrong[:3])
    stem = f"√{value} lies between which two whole numbers?"
    solution = _steps(
        f"{low}<sup>2</sup> = {low * low} and {low + 1}<sup>2</sup> = {(low + 1) ** 2}.",
        f"{value} is between {low * low} and {(low + 1) ** 2}, so √{value} is between √{low * low} and "
        f"√{(low + 1) ** 2}.",
        f"So √{value} is between **{right}**.",
    )
    hints = (
        "Find the perfect squares just below and just above the number under the √.",
        f"Which perfect square is closest to {value} without going over?",
    )
    return problem(stem, answer, hints, solution)


@template("8.NS.A.2")
def square_root_to_nearest_tenth(rng: random.Random) -> Problem:
    """Estimate a square root to the nearest tenth by squaring decimals."""
    while True:
        value = _non_square(rng, 2, 99)
        estimate = _sqrt_to_tenth(value)
        if estimate != estimate.to_integral_value():
            break
    low = math.isqrt(value)
    below = D(math.isqrt(100 * value)) / 10
    above = below + D("0.1")
    middle = below + D("0.05")
    stem = f"Without a calculator, estimate √{value} to the nearest tenth."
    solution = _steps(
        f"{low}<sup>2</sup> = {low * low} and {low + 1}<sup>2</sup> = {(low + 1) ** 2}, so √{value} is "
        f"between {low} and {low + 1}.",
        f"Square tenths: {below}<sup>2</sup> = {below * below} and {above}<sup>2</sup> = "
        f"{above * above}, so √{value} is between {below} and {above}.",
        f"Halfway: {middle}<sup>2</sup> = {middle * middle}. {value} is "
        f"{'more' if estimate == above else 'less'} than that, so √{value} is closer to "
        f"{estimate}.",
        f"So √{value} ≈ **{_num(estimate)}**.",
    )
    hints = (
        "First find the two whole numbers the square root lies between.",
        "Then square decimals such as 6.1, 6.2, 6.3 … to see which two tenths it lies between.",
    )
    return problem(
        stem, numeric(estimate), hints, solution, wrong=[below if estimate == above else above, D(value) / 2, low]
    )


@template("8.NS.A.2")
def square_root_on_number_line(rng: random.Random) -> Problem:
    """Pick the point on a number line, marked in tenths, that best shows a square root."""
    while True:
        value = _non_square(rng, 3, 99)
        low = math.isqrt(value)
        estimate = F(_sqrt_to_tenth(value))
        if low < estimate < low + 1:
            break
    places = [estimate]
    # A common slip: read √40 as 6.4, putting the 4 left over from 36 after the point.
    slip = low + F(value - low * low, 10)
    candidates = [slip] + [low + F(step, 10) for step in rng.sample(range(1, 10), 9)]
    for place in candidates:
        if low < place < low + 1 and all(abs(place - other) >= F(2, 10) for other in places):
            places.append(place)
        if len(places) == 4:
            break
    if len(places) < 4:
        return square_root_on_number_line(rng)
    letters = "ABCD"
    ordered = sorted(places)
    marked = [(letters[index], place) for index, place in enumerate(ordered)]
    right = f"Point {letters[ordered.index(estimate)]}"
    answer = choice(rng, right, [f"Point {letter}" for letter in letters], keep_order=True)
    figure = figures.number_line(low, low + 1, F(1, 10), points=marked, label_every=5)
    stem = f"The number line is marked in tenths. Which point best shows where √{value} is?"
    solution = _steps(
        f"{low}<sup>2</sup> = {low * low} and {low + 1}<sup>2</sup> = {(low + 1) ** 2}, so √{value} is "
        f"between {low} and {low + 1}.",
        f"Squaring tenths shows √{value} ≈ {decimal_text(estimate)} "
        f"({decimal_text(estimate)}<sup>2</sup> = {decimal_text(estimate * estimate)}).",
        f"The point at {decimal_text(estimate)} is **{right}**.",
    )
    hints = (
        "Find the two whole numbers the square root lies between, then square tenths to get closer.",
        f"Is √{value} nearer to {low} or to {low + 1}?",
    )
    return problem(stem, answer, hints, solution, figure=figure)


@template("8.NS.A.2")
def compare_with_square_root(rng: random.Random) -> Problem:
    """Compare a square root (or π) with a rational number using <, > or =."""
    kind = rng.choice(["decimal", "decimal", "whole", "pi"])
    if kind == "pi":
        other = rng.choice(["3.1", "3.14", "3.15", "3.2", "22/7", "3 1/7", "3.142"])
        value = F(other.replace(" 1/7", "")) + (F(1, 7) if " 1/7" in other else 0)
        answer = comparison(D("3.14159265"), D(value.numerator) / D(value.denominator))
        stem = f"Compare. Choose <, > or =.\n\nπ ☐ {other}"
        solution = _steps(
            "π = 3.14159… (its decimal never ends).",
            f"{other} = {decimal_text(value) if terminates(value) else '3.142857…'}.",
            f"Compare digit by digit: π **{answer.display}** {other}.",
        )
        hints = ("Write both numbers as decimals and compare them place by place.", "π starts 3.14159…")
        return problem(stem, answer, hints, solution, difficulty=STRETCH)
    value = _non_square(rng, 2, 120)
    if kind == "whole":
        other = math.isqrt(value) + rng.choice([0, 1])
        other_text = str(other)
    else:
        other = F(math.isqrt(100 * value) + rng.choice([-1, 0, 1, 2]), 10)
        other_text = decimal_text(other)
    answer = comparison(F(value), other * other)
    stem = f"Compare. Choose <, > or =.\n\n√{value} ☐ {other_text}"
    square = decimal_text(other * other)
    solution = _steps(
        f"Both numbers are positive, so compare their squares: (√{value})<sup>2</sup> = {value} and "
        f"{other_text}<sup>2</sup> = {square}.",
        f"{value} {answer.display} {square}.",
        f"So √{value} **{answer.display}** {other_text}.",
    )
    hints = (
        "Both numbers are positive, so the one with the larger square is larger.",
        f"Square {other_text} and compare the result with {value}.",
    )
    return problem(stem, answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 8.EE.A.1 Integer exponents

# Powers whose values stay readable: base: (lowest exponent, highest exponent).
_EXPONENT_LIMITS = {2: (-5, 6), 3: (-4, 4), 4: (-3, 4), 5: (-3, 3), 10: (-4, 5)}


def _exponent_sum(rng: random.Random, result: int) -> tuple[int, int]:
    """Two nonzero exponents adding to `result`, at least one of them negative."""
    while True:
        first = rng.choice([n for n in range(-6, 7) if n not in (0, 1)])
        second = result - first
        if second not in (0, 1) and (first < 0 or second < 0) and abs(second) <= 8:
            return first, second


def _value_words(base: int, exponent: int) -> str:
    """How base<sup>exponent</sup> is worked out: "1/3<sup>3</sup> = 1/27", "2<sup>4</sup> = 16", "1"."""
    if exponent == 0:
        return f"{_power(base, 0)} = 1"
    if exponent > 0:
        return f"{_power(base, exponent)} = {base**exponent:,}"
    return f"{_power(base, exponent)} = 1/{_power(base, -exponent)} = 1/{base**-exponent:,}"


@template("8.EE.A.1")
def evaluate_with_exponent_rules(rng: random.Random) -> Problem:
    """Evaluate a product, quotient or power of powers of one base with integer exponents (3<sup>2</sup> ×
    3<sup>−5</sup>)."""
    base = rng.choice(list(_EXPONENT_LIMITS))
    low, high = _EXPONENT_LIMITS[base]
    result = rng.randint(low, high)
    rule = rng.choice(["product", "quotient", "power"])
    if rule == "product":
        first, second = _exponent_sum(rng, result)
        expression = f"{_power(base, first)} {TIMES} {_power(base, second)}"
        step = f"Same base, so add the exponents: {_num(first)} + {signed(second)} = {_num(result)}."
        slip = first * second
        hint = "When you multiply powers of the same base, add the exponents."
    elif rule == "quotient":
        first, minus_second = _exponent_sum(rng, result)
        second = -minus_second
        expression = f"{_power(base, first)} {DIVIDE} {_power(base, second)}"
        step = f"Same base, so subtract the exponents: {_num(first)} − {signed(second)} = {_num(result)}."
        slip = first + second
        hint = "When you divide powers of the same base, subtract the exponents."
    else:
        factors = [
            (a, b) for a in range(-4, 5) for b in range(-3, 4) if a and b and a * b == result and (a < 0 or b < 0)
        ]
        if not factors:
            return evaluate_with_exponent_rules(rng)
        first, second = rng.choice(factors)
        expression = f"({_power(base, first)})<sup>{_num(second)}</sup>"
        step = f"A power of a power: multiply the exponents: {_num(first)} {TIMES} {signed(second)} = {_num(result)}."
        slip = first + second
        hint = "For a power of a power, multiply the exponents."
    value = F(base) ** result
    stem = f"Find the value of {expression}. Write it as a whole number or a fraction."
    shown = number_text(value, commas=True)
    solution = _steps(step, f"{_value_words(base, result)}.", f"So {expression} = **{shown}**.")
    hints = (hint, "A negative exponent means one over the positive power: 2<sup>−3</sup> = 1/2<sup>3</sup>.")
    wrong = [F(base) ** slip if abs(slip) <= 12 else -value, -value, F(base) ** -result, base * result]
    return problem(stem, numeric(value, display=shown), hints, solution, wrong=wrong)


@template("8.EE.A.1")
def equivalent_power_expression(rng: random.Random) -> Problem:
    """Pick the expression equivalent to a product or quotient of powers of one base."""
    base = rng.choice([2, 3, 5, 6, 7, 10])
    result = rng.choice([-5, -4, -3, -2, 2, 3])
    first, second = _exponent_sum(rng, result)
    divide = rng.random() < 0.4
    if divide:
        second = -second
        expression = f"{_power(base, first)} {DIVIDE} {_power(base, second)}"
        slip = first + second
        rule = f"subtract the exponents: {_num(first)} − {signed(second)} = {_num(result)}"
    else:
        expression = f"{_power(base, first)} {TIMES} {_power(base, second)}"
        slip = first * second
        rule = f"add the exponents: {_num(first)} + {signed(second)} = {_num(result)}"
    right = f"1/{_power(base, -result)}" if result < 0 else _power(base, result)
    candidates = [
        (_power(base, slip), F(base) ** slip),
        (f"{MINUS}{_power(base, abs(result))}", -(F(base) ** abs(result))),
        (_power(base, -result), F(base) ** -result),
        (_power(base * base, result), F(base * base) ** result),
    ]
    right_value = F(base) ** result
    wrong = [text for text, value in candidates if value != right_value and text != right]
    answer = choice(rng, right, distinct_wrong(right, wrong, 3))
    stem = f"Which expression is equivalent to {expression}?"
    shown = f" = {right}" if result < 0 else ""
    solution = _steps(
        f"Both powers have base {base}, so {rule}.",
        f"{expression} = {_power(base, result)}{shown}.",
        f"The equivalent expression is **{right}**.",
    )
    hints = (
        "Keep the base and combine the exponents: add them to multiply, subtract them to divide.",
        "A negative exponent means one over the power with the positive exponent; it does not make the "
        "number negative.",
    )
    return problem(stem, answer, hints, solution)


@template("8.EE.A.1", difficulty=INTRODUCTORY)
def negative_or_zero_exponent(rng: random.Random) -> Problem:
    """Evaluate a single power with a zero or negative exponent, such as 4<sup>−3</sup> or (2/3)<sup>−2</sup>."""
    kind = rng.choice(["negative", "negative", "fraction", "zero"])
    if kind == "fraction":
        top, bottom = rng.choice([(2, 3), (3, 4), (1, 2), (2, 5), (3, 2), (4, 5), (1, 3), (5, 2)])
        exponent = rng.choice([-1, -2, -3]) if top < 4 and bottom < 4 else rng.choice([-1, -2])
        base_value = F(top, bottom)
        base_text = f"{top}/{bottom}"
    else:
        base_value = F(rng.choice([2, 3, 4, 5, 6, 10]))
        limit = 4 if base_value <= 3 else 3 if base_value in (4, 5, 10) else 2
        exponent = 0 if kind == "zero" else -rng.randint(1, limit)
        base_text = _num(base_value)
    value = base_value**exponent
    expression = _power(base_text, exponent)
    stem = f"Find the value of {expression}."
    if exponent == 0:
        step = (
            "Any nonzero number to the power 0 is 1 (for example, 5<sup>3</sup> ÷ 5<sup>3</sup> = 5<sup>0</sup> = 1)."
        )
        wrong = [0, base_value]
    else:
        flipped = 1 / base_value
        if base_value.denominator != 1:
            power_text = _num(flipped) if exponent == -1 else f"{_power(_num(flipped), -exponent)}"
            step = f"A negative exponent means one over the power, so flip the fraction: {expression} = {power_text}."
        else:
            step = (
                f"A negative exponent means one over the power: {expression} = 1/{_power(base_text, -exponent)} = "
                f"1/{_num(base_value**-exponent)}."
            )
        wrong = [-(base_value**-exponent), base_value * exponent, base_value**-exponent]
    solution = _steps(step, f"So {expression} = **{_num(value)}**.")
    hints = (
        "A negative exponent means one over the power with the positive exponent; a zero exponent gives 1.",
        "A negative exponent does not make the number negative.",
    )
    return problem(stem, numeric(value), hints, solution, wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 8.EE.A.2 Square and cube roots


@template("8.EE.A.2", difficulty=INTRODUCTORY)
def evaluate_root(rng: random.Random) -> Problem:
    """Evaluate the square root of a small perfect square or the cube root of a small perfect cube."""
    kind = rng.choice(["square", "square", "cube", "square fraction", "cube fraction"])
    if kind == "square":
        root = F(rng.randint(2, 15))
    elif kind == "cube":
        root = F(rng.choice([2, 3, 4, 5, 6, 10]))
    elif kind == "square fraction":
        root = F(*rng.choice([(1, 2), (2, 3), (3, 4), (3, 5), (4, 5), (5, 6), (2, 7), (5, 8), (7, 9), (9, 10)]))
    else:
        root = F(*rng.choice([(1, 2), (2, 3), (1, 3), (3, 4), (2, 5), (1, 4), (3, 5)]))
    cube = kind.startswith("cube")
    power = 3 if cube else 2
    value = root**power
    inside = _num(value) if value.denominator == 1 else f"({_num(value)})"
    symbol = "∛" if cube else "√"
    stem = f"What is {symbol}{inside}?"
    words = " × ".join([_num(root)] * power) if root.denominator == 1 else " × ".join([f"({_num(root)})"] * power)
    solution = _steps(
        f"Look for the number that, used as a factor {'three times' if cube else 'twice'}, gives {_num(value)}.",
        f"{words} = {_num(value)}.",
        f"So {symbol}{inside} = **{_num(root)}**.",
    )
    hints = (
        f"Which number times itself{' times itself again' if cube else ''} makes {_num(value)}?",
        "For a fraction, take the root of the top and of the bottom.",
    )
    wrong = [value / power, value, root + 1]
    return problem(stem, numeric(root), hints, solution, wrong=wrong)


@template("8.EE.A.2")
def solve_square_equation(rng: random.Random) -> Problem:
    """Pick all the solutions of x<sup>2</sup> = p, written with √ when p is not a perfect square."""
    kind = rng.choice(["whole", "whole", "fraction", "irrational"])
    if kind == "whole":
        root = rng.randint(3, 15)
        value_text, root_text = str(root * root), str(root)
        half = decimal_text(F(root * root, 2))
    elif kind == "fraction":
        top, bottom = rng.choice([(1, 2), (2, 3), (3, 4), (3, 5), (4, 5), (5, 6), (2, 7), (5, 8), (7, 9), (1, 9)])
        value_text, root_text = f"{top * top}/{bottom * bottom}", f"{top}/{bottom}"
        half = _num(F(top * top, 2 * bottom * bottom))
    else:
        value = _non_square(rng, 2, 60)
        value_text, root_text = str(value), f"√{value}"
        half = decimal_text(F(value, 2))
    right = f"x = {root_text} or x = {MINUS}{root_text}"
    wrong = [f"x = {root_text}", f"x = {half}", f"x = {value_text} or x = {MINUS}{value_text}"]
    answer = choice(rng, right, distinct_wrong(right, wrong))
    stem = f"Which shows all the solutions of x<sup>2</sup> = {value_text}?"
    solution = _steps(
        f"x<sup>2</sup> = {value_text} asks for the numbers whose square is {value_text}.",
        f"{_power(root_text, 2)} = {value_text} and ({MINUS}{root_text})<sup>2</sup> = {value_text}: "
        "a negative number times itself is positive too.",
        f"So the solutions are **{right}**.",
    )
    hints = (
        "The square root undoes squaring, but remember a negative number squared is positive too.",
        "Squaring is not the same as doubling.",
    )
    return problem(stem, answer, hints, solution)


@template("8.EE.A.2")
def solve_cube_equation(rng: random.Random) -> Problem:
    """Solve x<sup>3</sup> = p for a perfect cube p, whole or a fraction."""
    if rng.random() < 0.7:
        root = F(rng.choice([2, 3, 4, 5, 6, 7, 8, 9, 10]))
    else:
        root = F(*rng.choice([(1, 2), (2, 3), (1, 3), (3, 4), (2, 5), (1, 4), (3, 5), (4, 5)]))
    value = root**3
    stem = f"Solve x<sup>3</sup> = {_num(value)}. What is x?"
    cube = " × ".join([_num(root) if root.denominator == 1 else f"({_num(root)})"] * 3)
    solution = _steps(
        f"x = ∛{_num(value) if value.denominator == 1 else f'({_num(value)})'}: the number that, used "
        f"as a factor three times, gives {_num(value)}.",
        f"{cube} = {_num(value)}.",
        f"So x = **{_num(root)}**.",
    )
    hints = ("Take the cube root of both sides.", f"Which number times itself times itself makes {_num(value)}?")
    square_root = _isqrt_exact(value)
    wrong = [value / 3, square_root if square_root is not None else value / 2]
    return problem(stem, numeric(root), hints, solution, wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 8.EE.A.3 and 8.EE.A.4 Powers of 10 and scientific notation


def _sci(coefficient, exponent: int) -> str:
    """ "4.2 × 10<sup>7</sup>"."""
    return f"{_num(D(coefficient))} {TIMES} 10<sup>{_num(exponent)}</sup>"


def _normalized(value: Decimal) -> tuple[Decimal, int]:
    """A positive number as (coefficient from 1 to 10, exponent)."""
    exponent = value.adjusted()
    return value.scaleb(-exponent).normalize(), exponent


def _standard(value: Decimal) -> str:
    """A number written out in full: "4,370,000", "0.00000437"."""
    return number_text(value.normalize(), commas=True)


_LARGE_QUANTITIES = (
    ("The population of a country is {n} people.", (6, 8)),
    ("A website had {n} visits last year.", (5, 9)),
    ("A planet is {n} km from its star.", (7, 9)),
    ("A company sold {n} bottles of water last year.", (5, 8)),
    ("A city spent ${n} on its roads.", (6, 9)),
)
_SMALL_QUANTITIES = (
    ("A grain of pollen is {n} m wide.", (-5, -5)),
    ("A bacterium is {n} m long.", (-6, -6)),
    ("A human hair is {n} m thick.", (-5, -5)),
    ("A virus is {n} m across.", (-8, -7)),
    ("A dust particle has a mass of {n} g.", (-7, -6)),
)


@template("8.EE.A.3")
def estimate_as_single_digit_power_of_ten(rng: random.Random) -> Problem:
    """Estimate a very large or very small quantity as a single digit times a power of 10."""
    large = rng.random() < 0.5
    sentence, (low, high) = rng.choice(_LARGE_QUANTITIES if large else _SMALL_QUANTITIES)
    exponent = rng.randint(low, high)
    while True:
        mantissa = D(rng.randint(101, 949)) / 100
        if (mantissa * 10) % 10 != 5 or mantissa * 100 % 10:
            break
    digit = int(mantissa + D("0.5"))
    truncated = int(mantissa)
    quantity = mantissa.scaleb(exponent)
    rounded = D(digit).scaleb(exponent)
    right = _sci(digit, exponent)
    wrong = [
        _sci(digit, exponent + 1),
        _sci(truncated, exponent) if truncated != digit else _sci(digit, -exponent),
        _sci(digit, exponent - 1),
    ]
    answer = choice(rng, right, wrong)
    stem = f"{sentence.format(n=_standard(quantity))} Estimate this number as a single digit times a power of 10."
    power = _standard(D(1).scaleb(exponent))
    how = (
        f"{power} is 1 followed by {exponent} zeros, so it is 10<sup>{exponent}</sup>"
        if large
        else f"{power} is 1 divided by 10 {number_word(-exponent)} times, so it is 10<sup>{_num(exponent)}</sup>"
    )
    solution = _steps(
        f"Round to one nonzero digit: {_standard(quantity)} ≈ {_standard(rounded)}.",
        f"{_standard(rounded)} = {digit} {TIMES} {power}.",
        f"{how}.",
        f"So the estimate is **{right}**.",
    )
    hints = (
        "Round the number so that it has only one digit that is not zero.",
        "Count how many places the decimal point moves to turn 1 into the place value of that digit; a small "
        "number has a negative exponent.",
    )
    return problem(stem, answer, hints, solution)


_COMPARE_QUANTITIES = (
    (
        "A country has about {a} people. A town in that country has about {b} people.",
        "How many times as many people live in the country as in the town?",
        (7, 9),
        (3, 5),
    ),
    (
        "A hard drive holds about {a} bytes. A song file uses about {b} bytes.",
        "The drive holds how many times as many bytes as the song file uses?",
        (11, 12),
        (6, 7),
    ),
    (
        "A grain of sand has a mass of about {a} g. A speck of dust has a mass of about {b} g.",
        "The grain of sand is how many times as heavy as the speck of dust?",
        (-4, -3),
        (-8, -7),
    ),
    (
        "A state spends about ${a} a year. A school spends about ${b} a year.",
        "The state spends how many times as much as the school?",
        (9, 10),
        (5, 6),
    ),
)
_DIVIDING_DIGITS = (
    (2, 1),
    (3, 1),
    (4, 1),
    (4, 2),
    (5, 1),
    (6, 1),
    (6, 2),
    (6, 3),
    (8, 1),
    (8, 2),
    (8, 4),
    (9, 1),
    (9, 3),
    (7, 1),
)


@template("8.EE.A.3")
def how_many_times_as_much(rng: random.Random) -> Problem:
    """Say how many times as much one quantity, given as a digit times a power of 10, is than another."""
    sentence, question, big_range, small_range = rng.choice(_COMPARE_QUANTITIES)
    big_digit, small_digit = rng.choice(_DIVIDING_DIGITS)
    big_exponent, small_exponent = rng.randint(*big_range), rng.randint(*small_range)
    ratio = big_digit // small_digit
    gap = big_exponent - small_exponent
    value = ratio * 10**gap
    big, small = _sci(big_digit, big_exponent), _sci(small_digit, small_exponent)
    stem = f"{sentence.format(a=big, b=small)} {question} Write your answer as a whole number."
    solution = _steps(
        f"Divide: ({big}) {DIVIDE} ({small}).",
        f"Divide the digits: {big_digit} {DIVIDE} {small_digit} = {ratio}.",
        f"Divide the powers of 10 by subtracting exponents: 10<sup>{_num(big_exponent)}</sup> {DIVIDE} "
        f"10<sup>{_num(small_exponent)}</sup> = 10<sup>{gap}</sup>.",
        f"{ratio} {TIMES} 10<sup>{gap}</sup> = **{number_text(value, commas=True)}**.",
    )
    hints = (
        "Divide the larger quantity by the smaller one: digits by digits, powers of 10 by powers of 10.",
        "To divide powers of 10, subtract the exponents.",
    )
    wrong = [10**gap, ratio * F(10) ** (big_exponent + small_exponent), ratio * gap, ratio * 10 ** (gap - 1)]
    return problem(stem, numeric(value, display=number_text(value, commas=True)), hints, solution, wrong=wrong)


@template("8.EE.A.4")
def multiply_or_divide_scientific(rng: random.Random) -> Problem:
    """Multiply or divide two numbers in scientific notation and write the result in scientific notation."""
    first_exponent = rng.choice([n for n in range(-9, 10) if abs(n) >= 2])
    second_exponent = rng.choice([n for n in range(-8, 9) if abs(n) >= 2])
    if rng.random() < 0.55:
        first = D(rng.randint(11, 99)) / 10
        second = D(rng.choice([2, 3, 4, 5, 6, 8])) if rng.random() < 0.5 else D(rng.randint(11, 49)) / 10
        raw, raw_exponent = first * second, first_exponent + second_exponent
        operation, rule = TIMES, "Multiply the coefficients and add the exponents"
        exponent_slip = first_exponent * second_exponent
        mixed_up = _sci(first + second, raw_exponent) if first + second < 10 else _sci(first, raw_exponent)
    else:
        while True:
            second = D(rng.choice(["2", "4", "5", "8", "1.5", "2.5", "1.2", "3"]))
            raw = D(rng.randint(2, 99)) / 10
            first = raw * second
            if 1 <= first < 10 and first == first.quantize(D("0.01")) and raw != 1:
                break
        raw_exponent = first_exponent - second_exponent
        operation, rule = DIVIDE, "Divide the coefficients and subtract the exponents"
        exponent_slip = first_exponent + second_exponent
        product, product_shift = _normalized(first * second)
        mixed_up = _sci(product, raw_exponent + product_shift)
    coefficient, shift = _normalized(raw)
    exponent = raw_exponent + shift
    right = _sci(coefficient, exponent)
    unshifted = _sci(coefficient, raw_exponent if shift else raw_exponent + 1)
    wrong = distinct_wrong(right, [unshifted, _sci(coefficient, exponent_slip), mixed_up, _sci(coefficient, -exponent)])
    answer = choice(rng, right, wrong[:3])
    expression = f"({_sci(first, first_exponent)}) {operation} ({_sci(second, second_exponent)})"
    stem = f"Find the value and write it in scientific notation.\n\n{expression}"
    symbol = "+" if operation == TIMES else "−"
    steps = [
        f"{rule}: {_num(first)} {operation} {_num(second)} = {_num(raw)} and "
        f"{_num(first_exponent)} {symbol} {signed(second_exponent)} = {_num(raw_exponent)}.",
        f"That gives {_sci(raw, raw_exponent)}.",
    ]
    if shift:
        steps.append(
            f"The coefficient must be at least 1 and less than 10: {_num(raw)} = {_sci(coefficient, shift)}, "
            f"so the exponent becomes {_num(raw_exponent)} + {signed(shift)} = {_num(exponent)}."
        )
    steps.append(f"So {expression} = **{right}**.")
    hints = (
        "Work with the coefficients and with the powers of 10 separately.",
        "In scientific notation the first number is at least 1 and less than 10; adjust the exponent if it is not.",
    )
    return problem(stem, answer, hints, _steps(*steps))


@template("8.EE.A.4")
def add_or_subtract_scientific(rng: random.Random) -> Problem:
    """Add or subtract numbers given in scientific notation (one sometimes written out) and answer in scientific
    notation."""
    exponent = rng.randint(3, 8)
    other_exponent = exponent - rng.choice([1, 2])
    first = D(rng.randint(11, 98)) / 10
    second = D(rng.randint(11, 98)) / 10
    subtract = rng.random() < 0.35
    big, small = first.scaleb(exponent), second.scaleb(other_exponent)
    total = big - small if subtract else big + small
    coefficient, total_exponent = _normalized(total)
    right = _sci(coefficient, total_exponent)
    sign = "−" if subtract else "+"
    naive = first - second if subtract else first + second
    wrong = [
        _sci(abs(naive), exponent) if naive else _sci(first, exponent),
        _sci(abs(naive), exponent + other_exponent) if naive else _sci(first, exponent + other_exponent),
        _sci(coefficient, total_exponent + 1),
        _sci(coefficient, total_exponent - 1),
    ]
    answer = choice(rng, right, distinct_wrong(right, wrong, 3))
    written_out = rng.random() < 0.5
    second_text = _standard(small) if written_out else _sci(second, other_exponent)
    expression = f"{_sci(first, exponent)} {sign} {second_text}"
    stem = f"Find the value and write it in scientific notation.\n\n{expression}"
    solution = _steps(
        f"Write both numbers out in full: {_standard(big)} {sign} {_standard(small)}.",
        f"{'Subtract' if subtract else 'Add'}: {_standard(total)}.",
        f"Move the decimal point to get a number from 1 to 10: {_standard(total)} = {right}.",
        f"So {expression} = **{right}**.",
    )
    hints = (
        "You can add or subtract only when the powers of 10 match: write both numbers out in full, or with "
        "the same power of 10.",
        "Do not add the exponents; that is for multiplying.",
    )
    return problem(stem, answer, hints, solution)


@template("8.EE.A.4", difficulty=INTRODUCTORY)
def read_scientific_notation(rng: random.Random) -> Problem:
    """Write a number shown in scientific notation (or on a calculator display, as 4.7E−3) as a decimal."""
    coefficient = D(rng.randint(11, 99)) / 10 if rng.random() < 0.7 else D(rng.randint(101, 999)) / 100
    exponent = rng.choice([-6, -5, -4, -3, -2, 3, 4, 5, 6, 7])
    value = coefficient.scaleb(exponent)
    calculator = rng.random() < 0.5
    if calculator:
        display = f"{_num(coefficient)}E{_num(exponent)}"
        stem = (
            f"{name(rng)}'s calculator shows the answer {display}. A calculator writes E to mean "
            f'"{TIMES} 10 to the power". Write the number out in full, without powers of 10.'
        )
        first = f"{display} means {_sci(coefficient, exponent)}."
    else:
        stem = f"Write {_sci(coefficient, exponent)} in standard form (as an ordinary number, without powers of 10)."
        first = f"10<sup>{_num(exponent)}</sup> = {_standard(D(1).scaleb(exponent))}."
    direction = "right" if exponent > 0 else "left"
    solution = _steps(
        first,
        f"Move the decimal point in {_num(coefficient)} to the {direction}, {plural(abs(exponent), 'place')}.",
        f"So the number is **{_standard(value)}**.",
    )
    hints = (
        "A positive exponent moves the decimal point to the right; a negative one moves it to the left.",
        "The exponent says how many places the decimal point moves.",
    )
    wrong = [coefficient.scaleb(exponent + 1), coefficient.scaleb(exponent - 1), coefficient.scaleb(-exponent)]
    return problem(stem, numeric(value, display=_standard(value)), hints, solution, wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 8.EE.B.5 and 8.EE.B.6 Proportional relationships, slope and y = mx + b


def _nice_step(span) -> int:
    """A gridline step that gives at most 10 gridlines over `span`."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500):
        if span / step <= 10:
            return step
    return 1000


_RATES = (
    # (what the graph shows, x axis, y axis, unit rate's unit, rates)
    ("the distance a cyclist rides", "Time (hours)", "Distance (miles)", "miles per hour", [8, 9, 10, 11, 12, 14, 15]),
    ("the water pumped into a pool", "Time (minutes)", "Water (gallons)", "gallons per minute", [3, 4, 5, 6, 7, 8, 9]),
    ("what a worker earns", "Time worked (hours)", "Pay (dollars)", "dollars per hour", [11, 12, 14, 15, 16, 18]),
    ("the cost of apples", "Weight (pounds)", "Cost (dollars)", "dollars per pound", [F(3, 2), 2, F(5, 2), 3, 4]),
    ("the pages a reader reads", "Time (hours)", "Pages read", "pages per hour", [20, 25, 30, 35, 40, 45]),
)


def _rate_text(rate) -> str:
    """A rate as a decimal when it is a whole number of tenths ("1.5"), else as a fraction."""
    return decimal_text(rate) if (F(rate) * 10).denominator == 1 else _num(rate)


def _proportional_graph(rate, x1: int, x_name: str, y_name: str, *, point_name: str = "P") -> str:
    """The graph of y = rate·x for x from 0 to 10, with the point (x1, rate·x1) marked."""
    y_top = math.ceil(rate * 10)
    y_step = _nice_step(y_top)
    y_top = -(-y_top // y_step) * y_step
    ends = _line_ends(F(rate), 0, (0, 10), (0, y_top))
    y1 = rate * x1
    label = (
        f"{_grid_words((0, 10), (0, y_top))}: {y_name} against {x_name}. A straight line starts at (0, 0) and "
        f"passes through point {point_name} at {_pair(x1, y1)}"
    )
    return _grid(
        (0, 10),
        (0, y_top),
        y_step=y_step,
        lines=[(ends, "")],
        points=[(point_name, x1, y1)],
        label=label,
        x_name=x_name,
        y_name=y_name,
    )


@template("8.EE.B.5")
def unit_rate_from_graph(rng: random.Random) -> Problem:
    """Read the unit rate of a proportional relationship as the slope of its graph."""
    subject, x_name, y_name, unit, rates = rng.choice(_RATES)
    rate = F(rng.choice(rates))
    x1 = rng.choice([x for x in range(2, 10) if (rate * x).denominator == 1])
    y1 = rate * x1
    figure = _proportional_graph(rate, x1, x_name, y_name)
    stem = (
        f"The graph shows {subject}. It is a straight line through (0, 0) and P{_pair(x1, y1)}. What is the "
        f"slope of the line? It is the unit rate, in {unit}."
    )
    solution = _steps(
        f"Slope = rise ÷ run. From (0, 0) to {_pair(x1, y1)} the line rises {_num(y1)} and runs {x1}.",
        f"{_num(y1)} ÷ {x1} = {_rate_text(rate)}.",
        f"So the slope, the unit rate, is **{_rate_text(rate)} {unit}**.",
    )
    hints = (
        "The slope of a line through (0, 0) is the y-value divided by the x-value of any point on it.",
        "Divide the y-coordinate of P by its x-coordinate.",
    )
    return problem(
        stem,
        numeric(rate, unit=unit, display=f"{_rate_text(rate)} {unit}"),
        hints,
        solution,
        wrong=[F(x1) / y1, y1, y1 - x1],
        figure=figure,
    )


_SPEED_CONTEXTS = (
    # (verb phrase, question, x axis, y axis, x letter, y letter, unit, rates)
    ("walks", "Who walks faster?", "Time (hours)", "Distance (miles)", "t", "d", "miles per hour", [2, 3, 4, 5, 6]),
    (
        "earns money",
        "Who earns more per hour?",
        "Time (hours)",
        "Pay (dollars)",
        "h",
        "p",
        "dollars per hour",
        [9, 10, 12, 14, 15, 16, 18, 20],
    ),
    (
        "types",
        "Who types faster?",
        "Time (minutes)",
        "Words typed",
        "m",
        "w",
        "words per minute",
        [30, 35, 40, 45, 50, 60],
    ),
    (
        "fills a tank with a hose",
        "Whose hose fills a tank faster?",
        "Time (minutes)",
        "Water (liters)",
        "m",
        "L",
        "liters per minute",
        [4, 5, 6, 8, 10, 12],
    ),
)


@template("8.EE.B.5")
def compare_proportional_relationships(rng: random.Random) -> Problem:
    """Compare two proportional relationships, one given by a graph or table and one by an equation."""
    verb, question, x_name, y_name, x_letter, y_letter, unit, rates = rng.choice(_SPEED_CONTEXTS)
    first_name, second_name = names(rng, 2)
    first_rate = rng.choice(rates)
    second_rate = first_rate if rng.random() < 0.2 else rng.choice([r for r in rates if r != first_rate])
    x1 = rng.randint(2, 6)
    figure = ""
    if rng.random() < 0.6:
        figure = _proportional_graph(F(first_rate), x1, x_name, y_name, point_name="A")
        first_text = (
            f"The graph shows how {first_name} {verb}: a line through (0, 0) and A{_pair(x1, first_rate * x1)}."
        )
        first_step = f"{first_name}'s unit rate is the slope of the graph: {first_rate * x1} ÷ {x1} = {first_rate}."
    else:
        xs = sorted(rng.sample(range(1, 9), 3))
        first_text = f"The table shows how {first_name} {verb}." + _table(
            [x_name, y_name], [[x, first_rate * x] for x in xs]
        )
        first_step = (
            f"{first_name}'s unit rate from the table: {first_rate * xs[0]} ÷ {xs[0]} = {first_rate} "
            f"(every row gives the same)."
        )
    second_text = (
        f"The equation {y_letter} = {second_rate}{x_letter} shows how {second_name} {verb}, where "
        f"{x_letter} is the {x_name.lower()} and {y_letter} is the {y_name.lower()}."
    )
    same = "They are the same"
    right = first_name if first_rate > second_rate else second_name if second_rate > first_rate else same
    answer = choice(rng, right, [first_name, second_name, same], keep_order=True)
    stem = f"{first_text}\n\n{second_text}\n\n{question}"
    ending = (
        f"{max(first_rate, second_rate)} > {min(first_rate, second_rate)}, so the answer is **{right}**."
        if right != same
        else f"Both unit rates are {first_rate} {unit}: **{same}**."
    )
    solution = _steps(
        first_step, f"{second_name}'s unit rate is the number multiplying {x_letter}: {second_rate} {unit}.", ending
    )
    hints = (
        "Find each unit rate: the slope of the graph or table, and the number multiplying the variable in the "
        "equation.",
        "The greater unit rate is the faster rate.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


@template("8.EE.B.5", difficulty=INTRODUCTORY)
def slope_from_proportional_table(rng: random.Random) -> Problem:
    """Find the slope of the graph of a proportional relationship given as a table."""
    subject, x_name, y_name, unit, rates = rng.choice(_RATES)
    rate = F(rng.choice(rates))
    xs = sorted(rng.sample([x for x in range(1, 13) if (rate * x).denominator == 1], 4))
    table = _table([x_name, y_name], [[x, _rate_text(rate * x)] for x in xs])
    stem = (
        f"The table shows {subject}. The relationship is proportional.{table}If you graph it, what is the slope "
        f"of the line?"
    )
    solution = _steps(
        "The slope of a proportional relationship is its unit rate, y ÷ x for any row.",
        f"{_rate_text(rate * xs[0])} ÷ {xs[0]} = {_rate_text(rate)} (check: {_rate_text(rate * xs[1])} "
        f"÷ {xs[1]} = {_rate_text(rate)}).",
        f"So the slope is **{_rate_text(rate)}** {unit}.",
    )
    hints = (
        "For a proportional relationship the slope is the unit rate: y divided by x.",
        "Pick any row and divide its y-value by its x-value.",
    )
    wrong = [F(xs[0]) / (rate * xs[0]), rate * (xs[1] - xs[0]), rate * xs[0]]
    return problem(stem, numeric(rate, display=_rate_text(rate)), hints, solution, wrong=wrong)


@template("8.EE.B.6")
def slope_through_two_points(rng: random.Random) -> Problem:
    """Find the slope of a line drawn through two marked grid points."""
    while True:
        run, rise = rng.randint(1, 6), rng.choice([n for n in range(-6, 7) if n])
        px, py = rng.randint(-7, 7 - run), rng.randint(-7, 7)
        # Keep the dashed slope triangle off the axes, where it would not show.
        if -7 <= py + rise <= 7 and px + run != 0 and py != 0:
            break
    qx, qy = px + run, py + rise
    slope = F(rise, run)
    ends = _line_ends(slope, py - slope * px, (-8, 8), (-8, 8))
    label = (
        f"{_grid_words((-8, 8), (-8, 8))}: a straight line through point P at {_pair(px, py)} and point Q at "
        f"{_pair(qx, qy)}, with a dashed slope triangle from P across to {_pair(qx, py)} and then to Q"
    )
    figure = _grid(
        (-8, 8),
        (-8, 8),
        lines=[(ends, "")],
        points=[("P", px, py), ("Q", qx, qy)],
        dashed=[((px, py), (qx, py)), ((qx, py), (qx, qy))],
        label=label,
    )
    stem = f"The line passes through P{_pair(px, py)} and Q{_pair(qx, qy)}. What is the slope of the line?"
    direction = "up" if rise > 0 else "down"
    solution = _steps(
        f"From P to Q the line runs {run} to the right and goes {direction} {abs(rise)}, so the rise is {_num(rise)}.",
        f"Slope = rise ÷ run = {_num(rise)} ÷ {run} = {_num(slope)}.",
        f"Any other slope triangle on this line is similar to this one, so it gives the same ratio: "
        f"the slope is **{_num(slope)}**.",
    )
    hints = (
        "Slope = rise ÷ run: the change in y divided by the change in x.",
        "A line that goes down from left to right has a negative slope.",
    )
    return problem(stem, numeric(slope), hints, solution, wrong=[F(run, rise), -slope, rise], figure=figure)


@template("8.EE.B.6")
def similar_slope_triangles(rng: random.Random) -> Problem:
    """Use similar slope triangles on one line to find a missing side of the larger triangle."""
    while True:
        run, rise = rng.randint(1, 4), rng.randint(1, 5)
        scale = F(rng.choice([2, 3, F(3, 2), F(5, 2)]))
        big_run, big_rise = scale * run, scale * rise
        if (
            big_run.denominator == 1
            and big_rise.denominator == 1
            and run != rise
            and run + big_run <= 12
            and rise + big_rise <= 16
        ):
            break
    ask_rise = rng.random() < 0.6
    # The small triangle starts at (1, 1), so that no side lies on an axis.
    top = int(max(run + big_run, rise + big_rise)) + 2
    top += top % 2
    step = 2 if top > 12 else 1
    gap = F(step, 2)
    start, corner = (1, 1), (1 + run, 1)
    middle, far = (1 + run, 1 + rise), (1 + run + big_run, 1 + rise)
    end = (far[0], 1 + rise + big_rise)
    notes = [
        (1 + F(run, 2), 1 - gap, str(run)),
        (1 + run + gap, 1 + F(rise, 2), str(rise)),
        (1 + run + big_run / 2, 1 + rise - gap, str(big_run) if ask_rise else "?"),
        (far[0] + gap, 1 + rise + big_rise / 2, "?" if ask_rise else str(big_rise)),
    ]
    label = (
        f"{_grid_words((0, top), (0, top))}: a straight line through {_pair(*start)}, {_pair(*middle)} and "
        f"{_pair(*end)}. A small slope triangle has a horizontal side of {run} and a vertical side of {rise}. "
        f"A large slope triangle starts at {_pair(*middle)}; its "
        + (
            f"horizontal side is {big_run} and its vertical side is marked ?"
            if ask_rise
            else f"vertical side is {big_rise} and its horizontal side is marked ?"
        )
    )
    ends = _line_ends(F(rise, run), 1 - F(rise, run), (0, top), (0, top))
    figure = _grid(
        (0, top),
        (0, top),
        x_step=step,
        y_step=step,
        lines=[(ends, "")],
        label=label,
        notes=notes,
        dashed=[(start, corner), (corner, middle), (middle, far), (far, end)],
    )
    if ask_rise:
        given, missing = f"a horizontal side of {big_run}", "vertical side"
        value, wrong = big_rise, [rise + big_run - run, F(big_run * run, rise), big_run]
        work = f"vertical ÷ horizontal = {rise} ÷ {run}, so its vertical side is {big_run} {TIMES} {rise}/{run}"
    else:
        given, missing = f"a vertical side of {big_rise}", "horizontal side"
        value, wrong = big_run, [run + big_rise - rise, F(big_rise * rise, run), big_rise]
        work = f"horizontal ÷ vertical = {run} ÷ {rise}, so its horizontal side is {big_rise} {TIMES} {run}/{rise}"
    stem = (
        f"Two slope triangles are drawn on the same line. The small one has a horizontal side of {run} and a "
        f"vertical side of {rise}. The large one has {given}. How long is the {missing} of the large triangle?"
    )
    solution = _steps(
        "The two slope triangles are similar: they have the same angles, because they sit on the same line.",
        f"So the large triangle has the same ratio, {work}.",
        f"The {missing} is **{_num(value)}**; both triangles give the same slope, {_num(F(rise, run))}.",
    )
    hints = (
        "Slope triangles on the same line are similar, so rise ÷ run is the same for both.",
        "Multiply, do not add: the large triangle is the small one scaled up.",
    )
    return problem(stem, numeric(value), hints, solution, wrong=wrong, figure=figure)


_GRAPH_SLOPES = (F(-3), F(-2), F(-1), F(-1, 2), F(1, 2), F(1), F(2), F(3), F(2, 3), F(-2, 3), F(1, 3), F(3, 2))


@template("8.EE.B.6")
def equation_of_line_from_graph(rng: random.Random) -> Problem:
    """Pick the equation y = mx + b (or y = mx) of a line drawn on a grid."""
    while True:
        slope = rng.choice(_GRAPH_SLOPES)
        intercept = rng.randint(-5, 5)
        run = slope.denominator * (2 if slope.denominator == 1 and abs(slope) == 1 else 1)
        second = (run, intercept + slope * run)
        if -8 <= second[1] <= 8:
            break
    ends = _line_ends(slope, intercept, (-8, 8), (-8, 8))
    right = _line(slope, intercept)
    wrong = [
        _line(slope, -intercept) if intercept else _line(slope, slope.numerator),
        _line(1 / slope, intercept),
        _line(-slope, intercept),
    ]
    if intercept and slope.denominator == 1:
        wrong.insert(0, _line(F(intercept), slope))
    answer = choice(rng, right, distinct_wrong(right, wrong, 3))
    label = (
        f"{_grid_words((-8, 8), (-8, 8))}: a straight line through the marked points {_pair(0, intercept)} and "
        f"{_pair(*second)}"
    )
    figure = _grid((-8, 8), (-8, 8), lines=[(ends, "")], points=[("", 0, intercept), ("", *second)], label=label)
    stem = "Which equation describes the line on the graph?"
    solution = _steps(
        f"The line crosses the y-axis at {_pair(0, intercept)}, so b = {_num(intercept)}.",
        f"From {_pair(0, intercept)} to {_pair(*second)} the rise is {_num(second[1] - intercept)} and "
        f"the run is {run}, so m = {_num(second[1] - intercept)} ÷ {run} = {_num(slope)}.",
        f"y = mx + b gives **{right}**.",
    )
    hints = (
        "In y = mx + b, m is the slope and b is where the line crosses the y-axis.",
        "Find the slope from two points: rise ÷ run.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 8.EE.C.7 Linear equations in one variable


def _terms(*terms) -> str:
    """(coefficient, variable) terms joined with + and −: (3, "x"), (−4, ""), (2, "x") gives "3x − 4 + 2x"."""
    text = ""
    for coefficient, variable in terms:
        if coefficient == 0:
            continue
        body = _term(abs(coefficient), variable) if variable else _num(abs(coefficient))
        if not text:
            text = (MINUS if coefficient < 0 else "") + body
        else:
            text += f" {MINUS if coefficient < 0 else '+'} {body}"
    return text or "0"


def _side(rng: random.Random, slope, constant, *, form: str = "") -> tuple[str, str]:
    """One side of an equation equal to slope·x + constant, written to need distributing or collecting like terms
    (`form` "distribute", "collect" or "plain"), and the first step of simplifying it."""
    form = form or rng.choice(["distribute", "distribute", "collect", "plain"])
    factors = (
        [f for f in range(-6, 7) if abs(f) >= 2 and slope % f == 0 and slope / f > 0]
        if F(slope).denominator == 1
        else []
    )
    if form == "distribute" and factors:
        factor = rng.choice(factors)
        inner = rng.choice([n for n in range(-6, 7) if n])
        rest = constant - factor * inner
        text = f"{_num(factor)}({_terms((slope // factor, 'x'), (inner, ''))})"
        text += f" + {_num(rest)}" if rest > 0 else f" {MINUS} {_num(-rest)}" if rest < 0 else ""
        expanded = _terms((slope, "x"), (factor * inner, ""), (rest, ""))
        return text, f"{text} = {expanded} = {_expression(slope, constant)}" if rest else f"{text} = {expanded}"
    if form in {"distribute", "collect"}:
        part = rng.choice([n for n in range(-5, 6) if n and n != slope])
        text = _terms((part, "x"), (constant, ""), (slope - part, "x"))
        return text, f"{text} = {_expression(slope, constant)}"
    text = _expression(slope, constant)
    return text, ""


_SOLUTION_COUNTS = ("Exactly one solution", "No solution", "Infinitely many solutions")


@template("8.EE.C.7a")
def number_of_solutions(rng: random.Random) -> Problem:
    """Decide whether a linear equation has one solution, no solution or infinitely many."""
    kind = rng.choice(_SOLUTION_COUNTS)
    slope = rng.choice([n for n in range(-6, 7) if n])
    constant = rng.randint(-10, 10)
    if kind == _SOLUTION_COUNTS[0]:
        other_slope, other_constant = rng.choice([n for n in range(-6, 7) if n != slope]), rng.randint(-10, 10)
    else:
        other_slope = slope
        other_constant = (
            constant if kind == _SOLUTION_COUNTS[2] else rng.choice([n for n in range(-10, 11) if n != constant])
        )
    left, left_work = _side(rng, slope, constant, form=rng.choice(["distribute", "collect"]))
    right, right_work = _side(rng, other_slope, other_constant, form="plain" if rng.random() < 0.6 else "distribute")
    if left == right:
        return number_of_solutions(rng)
    answer = choice(rng, kind, list(_SOLUTION_COUNTS), keep_order=True)
    stem = f"How many solutions does this equation have?\n\n{left} = {right}"
    simplified = f"{_expression(slope, constant)} = {_expression(other_slope, other_constant)}"
    steps = [
        f"Simplify each side: {'; '.join(work for work in (left_work, right_work) if work)}. The equation is "
        f"{simplified}."
    ]
    if kind == _SOLUTION_COUNTS[0]:
        value = F(other_constant - constant, slope - other_slope)
        remaining = _terms((slope - other_slope, "x"), (constant, ""))
        steps.append(
            f"The x terms differ: {_clear_term(other_slope).lower()} to get {remaining} = "
            f"{_num(other_constant)}, and x = {_num(value)}: exactly one value works."
        )
    elif kind == _SOLUTION_COUNTS[1]:
        steps.append(
            f"{_clear_term(slope)}: {_num(constant)} = {_num(other_constant)}, which is false. No value of x "
            "makes it true."
        )
    else:
        steps.append(
            f"{_clear_term(slope)}: {_num(constant)} = {_num(constant)}, which is always true. Every "
            "value of x makes it true."
        )
    steps.append(f"The answer is **{kind}**.")
    hints = (
        "Simplify each side to the form ax + b first.",
        "Compare the x terms, then the numbers: a false statement such as 3 = 5 means no solution; a true one "
        "such as 5 = 5 means every x works.",
    )
    return problem(stem, answer, hints, _steps(*steps))


@template("8.EE.C.7a")
def make_equation_have_solutions(rng: random.Random) -> Problem:
    """Find the number that gives an equation infinitely many solutions (or no solution)."""
    slope = rng.choice([n for n in range(-6, 7) if abs(n) >= 2])
    constant = rng.choice([n for n in range(-12, 13) if n])
    left, left_work = _side(rng, slope, constant, form="distribute")
    if rng.random() < 0.55:
        stem = (
            f"What number goes in the box so that the equation has infinitely many solutions?\n\n"
            f"{left} = {_term(slope)} + ☐"
        )
        value = constant
        steps = [
            f"Simplify the left side: {left_work}.",
            f"Both sides have {_term(slope)}. The equation is true for every x only when the numbers match too.",
            f"So the box holds **{_num(value)}**.",
        ]
        wrong = [-constant, constant + rng.choice([-1, 1]) * abs(slope), slope]
    else:
        other = rng.choice([n for n in range(-12, 13) if n != constant])
        stem = (
            f"What number goes in the box so that the equation has no solution?\n\n"
            f"☐x {'+' if other >= 0 else MINUS} {abs(other)} = {left}"
        )
        value = slope
        steps = [
            f"Simplify the right side: {left_work}.",
            f"With {_term(slope)} on both sides, subtracting it leaves {_num(other)} = {_num(constant)}, which is "
            "false: no solution. Any other number in the box would give exactly one solution.",
            f"So the box holds **{_num(value)}**.",
        ]
        wrong = [-slope, constant, other]
    hints = (
        "Simplify the side with parentheses first.",
        "Infinitely many solutions: both sides must be exactly the same expression. No solution: the same x "
        "term but different numbers.",
    )
    return problem(stem, numeric(value), hints, _steps(*steps), wrong=wrong)


def _clear_term(coefficient, variable: str = "x") -> str:
    """ "Subtract 3x from both sides" or "Add 3x to both sides" (for a term −3x), to clear a term from one side."""
    body = _term(abs(coefficient), variable) if variable else _num(abs(coefficient))
    return f"Subtract {body} from both sides" if coefficient > 0 else f"Add {body} to both sides"


def _solve_steps(slope, constant, other_slope, other_constant) -> tuple[list[str], Fraction]:
    """The steps that solve slope·x + constant = other_slope·x + other_constant, and the solution."""
    value = F(other_constant - constant) / (slope - other_slope)
    difference = slope - other_slope
    steps = []
    if other_slope:
        remaining = _terms((difference, "x"), (constant, ""))
        steps.append(f"{_clear_term(other_slope)}: {remaining} = {_num(other_constant)}.")
    if constant:
        steps.append(f"{_clear_term(constant, '')}: {_term(difference)} = {_num(other_constant - constant)}.")
    if difference != 1:
        steps.append(f"Divide both sides by {_num(difference)}: x = {_num(value)}.")
    return steps, value


@template("8.EE.C.7b")
def solve_with_distributive_property(rng: random.Random) -> Problem:
    """Solve a linear equation that needs the distributive property and collecting like terms."""
    while True:
        slope = rng.choice([n for n in range(-8, 9) if n])
        other_slope = rng.choice([n for n in range(-6, 7) if n != slope])
        constant, solution = rng.randint(-12, 12), rng.choice([n for n in range(-9, 10) if n])
        other_constant = (slope - other_slope) * solution + constant
        if abs(other_constant) <= 40 and [f for f in range(2, 7) if slope % f == 0]:
            break
    left, left_work = _side(rng, slope, constant, form="distribute")
    right, right_work = _side(rng, other_slope, other_constant, form=rng.choice(["plain", "plain", "collect"]))
    stem = f"Solve for x.\n\n{left} = {right}"
    steps, value = _solve_steps(slope, constant, other_slope, other_constant)
    work = "; ".join(part for part in (left_work, right_work) if part)
    solution = _steps(
        f"Distribute and collect like terms: {work}.",
        f"The equation is {_expression(slope, constant)} = {_expression(other_slope, other_constant)}.",
        *steps,
        f"Check by putting x = {_num(value)} into both sides. So x = **{_num(value)}**.",
    )
    hints = (
        "Use the distributive property to remove the parentheses, then collect like terms on each side.",
        "Get the x terms on one side and the numbers on the other, then divide.",
    )
    wrong = [
        -value,
        F(other_constant + constant, slope - other_slope),
        F(other_constant - constant, slope + other_slope) if slope + other_slope else value + 1,
    ]
    return problem(stem, numeric(value), hints, solution, wrong=wrong)


_FRACTION_COEFFICIENTS = (F(1, 2), F(1, 3), F(2, 3), F(1, 4), F(3, 4), F(1, 5), F(2, 5), F(3, 2), F(5, 6), F(1, 6))


@template("8.EE.C.7b")
def solve_with_rational_coefficients(rng: random.Random) -> Problem:
    """Solve a linear equation with fraction or decimal coefficients."""
    if rng.random() < 0.5:
        slope, other_slope = rng.sample(_FRACTION_COEFFICIENTS, 2)
        scale = math.lcm(slope.denominator, other_slope.denominator)
        solution = scale * rng.choice([n for n in range(-4, 5) if n])
        constant = rng.choice([n for n in range(-9, 10) if n])
        other_constant = (slope - other_slope) * solution + constant
        clear = f"Multiply every term by {scale} to clear the fractions"
    else:
        slope, other_slope = (D(n) / 10 for n in rng.sample([n for n in range(-9, 16) if n and n % 10], 2))
        solution = rng.choice([n for n in range(-10, 11) if n])
        constant = D(rng.choice([n for n in range(-50, 51) if n])) / 10
        other_constant = (slope - other_slope) * solution + constant
        scale = 10 if (other_constant * 10) % 1 == 0 else 100
        clear = f"Multiply every term by {scale} to clear the decimals"
    left = _terms((slope, "x"), (constant, ""))
    right = (
        _terms((other_slope, "x"), (other_constant, ""))
        if rng.random() < 0.6
        else _terms((other_constant, ""), (other_slope, "x"))
    )
    stem = f"Solve for x.\n\n{left} = {right}"
    big = [F(value) * scale for value in (slope, constant, other_slope, other_constant)]
    steps, value = _solve_steps(*big)
    solution_text = _steps(
        f"{clear}: {_terms((big[0], 'x'), (big[1], ''))} = {_terms((big[2], 'x'), (big[3], ''))}.",
        *steps,
        f"So x = **{_num(value)}**.",
    )
    hints = (
        "Multiply both sides by a number that clears the fractions or decimals, then solve as usual.",
        "Collect the x terms on one side and the numbers on the other.",
    )
    wrong = [
        -value,
        (big[3] - big[1] / scale) / (big[0] - big[2]),
        F(other_constant - constant) * F(slope - other_slope),
    ]
    return problem(stem, numeric(value), hints, solution_text, wrong=wrong)


_EQUAL_COST_CONTEXTS = (
    (
        "Gym A charges a {b1} joining fee plus {m1} a month. Gym B charges a {b2} joining fee plus {m2} a month.",
        "After how many months will the two gyms have cost the same total amount?",
        "month",
        True,
    ),
    (
        "{p1} has {b1} and saves {m1} each week. {p2} has {b2} and saves {m2} each week.",
        "After how many weeks will they have the same amount?",
        "week",
        True,
    ),
    (
        "Phone plan A costs {b1} a month plus {m1} for each gigabyte of data. Plan B costs {b2} a month plus {m2} for "
        "each gigabyte.",
        "For how many gigabytes do the two plans cost the same?",
        "gigabyte",
        True,
    ),
    (
        "Candle A is {b1} cm tall and burns {m1} cm each hour. Candle B is {b2} cm tall and burns {m2} cm each hour.",
        "After how many hours will the two candles be the same height?",
        "hour",
        False,
    ),
)


@template("8.EE.C.7b")
def equal_values_word_problem(rng: random.Random) -> Problem:
    """Write and solve an equation with the variable on both sides for when two plans are equal."""
    sentence, question, unit, money = rng.choice(_EQUAL_COST_CONTEXTS)
    while True:
        count = rng.randint(2, 12)
        fast = F(rng.choice([n for n in range(4, 41)] if money else range(2, 7))) / (
            2 if money and rng.random() < 0.3 else 1
        )
        slow = F(rng.choice(range(2, 30) if money else range(1, 5)))
        gap = (fast - slow) * count
        if fast > slow and gap.denominator == 1 and 0 < gap <= 200:
            break
    low_start = F(rng.choice(range(10, 80, 5) if money else range(10, 20)))
    if money:
        # The plan that grows faster starts lower.
        b1, m1, b2, m2 = low_start, fast, low_start + gap, slow
        show = _money
    else:
        # The candle that burns faster starts taller.
        b1, m1, b2, m2 = low_start + gap, fast, low_start, slow
        show = _num
    first, second = names(rng, 2)
    stem = sentence.format(b1=show(b1), m1=show(m1), b2=show(b2), m2=show(m2), p1=first, p2=second) + " " + question
    sign = "+" if money else MINUS
    equation = f"{_num(b1)} {sign} {_term(_decimal(m1))} = {_num(b2)} {sign} {_term(_decimal(m2))}"
    solution = _steps(
        f"Let x be the number of {unit}s. Write each total as an expression and set them equal: {equation}.",
        f"Collect the x terms on one side: {_num(abs(b2 - b1))} = {_term(_decimal(abs(m1 - m2)))}.",
        f"Divide: x = {_num(abs(b2 - b1))} ÷ {_num(_decimal(abs(m1 - m2)))} = {count}.",
        f"So the answer is **{count}** {unit}s.",
    )
    hints = (
        "Write an expression for each one after x " + unit + "s, and set them equal.",
        "Move the x terms to one side and the numbers to the other.",
    )
    wrong = [F(abs(b2 - b1)) / m1, abs(b2 - b1), F(b1 + b2) / (m1 + m2)]
    return problem(stem, numeric(count), hints, solution, wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 8.EE.C.8 Systems of two linear equations

_SYSTEM_SLOPES = (F(-3), F(-2), F(-1), F(-1, 2), F(1, 2), F(1), F(2), F(3))


def _crossing_lines(rng: random.Random, limit: int = 5) -> tuple[int, int, Fraction, int, Fraction, int]:
    """Two lines y = m1·x + b1 and y = m2·x + b2 crossing at a grid point (x0, y0) off the y-axis, both crossing
    the y-axis inside the grid: (x0, y0, m1, b1, m2, b2)."""
    while True:
        x0, y0 = rng.choice([n for n in range(-limit, limit + 1) if n]), rng.randint(-limit, limit)
        first, second = rng.sample(_SYSTEM_SLOPES, 2)
        b1, b2 = y0 - first * x0, y0 - second * x0
        if b1.denominator == 1 and b2.denominator == 1 and abs(b1) <= 7 and abs(b2) <= 7 and b1 != b2:
            return x0, y0, first, int(b1), second, int(b2)


def _grid_point_on(slope: Fraction, intercept: int, avoid_x: int) -> tuple[int, Fraction]:
    """A grid point of y = slope·x + intercept inside −8..8, other than x = 0 and x = avoid_x."""
    for x in (2, -2, 4, -4, 6, -6, 1, -1, 3, -3):
        y = slope * x + intercept
        if x != avoid_x and y.denominator == 1 and -8 <= y <= 8:
            return x, y
    return avoid_x + 1, slope * (avoid_x + 1) + intercept


def _two_lines_figure(lines, points=(), *, extra: str = "") -> str:
    """Two named lines (name, slope, intercept) on a −8..8 grid, each described by two of its grid points."""
    drawn, described = [], []
    for line_name, slope, intercept, avoid_x in lines:
        drawn.append((_line_ends(slope, intercept, (-8, 8), (-8, 8)), line_name))
        other = _grid_point_on(slope, intercept, avoid_x)
        described.append(
            f"line {line_name}, {_line(slope, intercept)}, through {_pair(0, intercept)} and {_pair(*other)}"
        )
    label = f"{_grid_words((-8, 8), (-8, 8))}: " + "; ".join(described) + extra
    return _grid((-8, 8), (-8, 8), lines=drawn, points=points, label=label)


@template("8.EE.C.8a")
def system_solution_from_graph(rng: random.Random) -> Problem:
    """Read the solution of a system of two linear equations as the point where their graphs cross."""
    x0, y0, first, b1, second, b2 = _crossing_lines(rng)
    right = _pair(x0, y0)
    wrong = distinct_wrong(right, [_pair(y0, x0), _pair(0, b1), _pair(0, b2), _pair(x0, -y0) if y0 else _pair(-x0, 0)])
    answer = choice(rng, right, wrong[:3])
    figure = _two_lines_figure([("p", first, b1, x0), ("q", second, b2, x0)])
    stem = (
        f"The graph shows line p, {_line(first, b1)}, and line q, {_line(second, b2)}. What is the solution of "
        f"the system of these two equations?"
    )
    solution = _steps(
        "A solution of the system makes both equations true, so it is a point on both lines: the "
        "point where they cross.",
        f"The lines cross at {right}.",
        f"Check: {_evaluate_words(first, b1, x0)} and {_evaluate_words(second, b2, x0)}.",
        f"So the solution is **{right}**.",
    )
    hints = (
        "The solution must lie on both lines.",
        "Read the crossing point as (x, y): x first, then y. Check it in both equations.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


def _evaluate_words(slope: Fraction, intercept: int, x: int) -> str:
    """ "2 × 3 + 1 = 7": the right side of y = mx + b worked out at x."""
    if abs(slope) == 1:
        parts = f"{MINUS if slope < 0 else ''}{signed(x) if slope < 0 else _num(x)}"
    else:
        parts = f"{_num(slope) if slope.denominator == 1 else f'({_num(slope)})'} {TIMES} {signed(x)}"
    if intercept:
        parts += f" {'+' if intercept > 0 else MINUS} {abs(intercept)}"
    return f"{parts} = {_num(slope * x + intercept)}"


@template("8.EE.C.8a")
def is_point_a_solution(rng: random.Random) -> Problem:
    """Decide whether a point is a solution of a system by checking which of the two lines it lies on."""
    x0, y0, first, b1, second, b2 = _crossing_lines(rng, limit=4)
    kind = rng.choice(["both", "first", "second", "neither"])
    if kind == "both":
        px, py = x0, y0
    else:
        for _ in range(50):
            px = rng.choice([n for n in range(-6, 7) if n != x0])
            py = {"first": first * px + b1, "second": second * px + b2}.get(kind, first * px + b1 + rng.choice([-1, 1]))
            on_first, on_second = py == first * px + b1, py == second * px + b2
            fits = (on_first, on_second) == {"first": (True, False), "second": (False, True)}.get(kind, (False, False))
            if py.denominator == 1 and -7 <= py <= 7 and fits:
                break
        else:
            return is_point_a_solution(rng)
    first_text, second_text = _line(first, b1), _line(second, b2)
    options = [
        "Yes: it makes both equations true",
        f"No: it makes only {first_text} true",
        f"No: it makes only {second_text} true",
        "No: it makes neither equation true",
    ]
    right = options[["both", "first", "second", "neither"].index(kind)]
    answer = choice(rng, right, options, keep_order=True)
    point = _pair(px, py)
    figure = _two_lines_figure(
        [("p", first, b1, px), ("q", second, b2, px)], points=[("P", px, py)], extra=f"; point P at {point}"
    )
    stem = (
        f"Is P{point} a solution of this system of equations?\n\n{first_text}\n\n{second_text}\n\n"
        f"The graph shows both lines and the point P."
    )
    first_check = f"{_evaluate_words(first, b1, px)}, {'which is' if py == first * px + b1 else 'not'} {_num(py)}"
    second_check = f"{_evaluate_words(second, b2, px)}, {'which is' if py == second * px + b2 else 'not'} {_num(py)}"
    solution = _steps(
        f"Put x = {_num(px)} into each equation and compare with y = {_num(py)}.",
        f"{first_text}: {first_check}.",
        f"{second_text}: {second_check}.",
        "A solution of the system must make both equations true: it is where the lines cross.",
        f"So the answer is **{right}**.",
    )
    hints = (
        "Substitute the point's x and y into each equation.",
        "A solution of a system lies on both lines, where the graphs cross.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


def _standard_form(a: int, b: int, c: int) -> str:
    """ "3x + 2y = 12"."""
    return f"{_terms((a, 'x'), (b, 'y'))} = {_num(c)}"


@template("8.EE.C.8b")
def solve_system_by_substitution(rng: random.Random) -> Problem:
    """Solve a system with one equation solved for y by substitution; give x or y."""
    while True:
        x0, y0 = rng.randint(-6, 8), rng.randint(-6, 8)
        slope, a, b = rng.choice([n for n in range(-4, 5) if n]), rng.randint(1, 5), rng.choice([-3, -2, -1, 1, 2, 3])
        intercept = y0 - slope * x0
        if a + b * slope != 0 and abs(intercept) <= 12 and x0 != y0:
            break
    c = a * x0 + b * y0
    ask_x = rng.random() < 0.5
    value, other = (x0, y0) if ask_x else (y0, x0)
    first = _line(F(slope), intercept)
    second = _standard_form(a, b, c)
    combined = a + b * slope
    factor = _num(abs(b)) if abs(b) != 1 else ""
    substituted = f"{_term(a)} {'+' if b > 0 else MINUS} {factor}({_expression(slope, intercept)}) = {_num(c)}"
    stem = f"Solve the system.\n\n{first}\n\n{second}\n\nWhat is the value of {'x' if ask_x else 'y'}?"
    steps = [
        f"Substitute {_expression(slope, intercept)} for y in {second}: {substituted}.",
        f"Distribute and collect: {_terms((combined, 'x'), (b * intercept, ''))} = {_num(c)}, so "
        f"{_term(combined)} = {_num(c - b * intercept)}" + (f" and x = {_num(x0)}." if combined != 1 else "."),
    ]
    if not ask_x:
        steps.append(f"Put x = {_num(x0)} into {first}: y = {_evaluate_words(F(slope), intercept, x0)}.")
    steps.append(f"So {'x' if ask_x else 'y'} = **{_num(value)}**.")
    hints = (
        "Replace y in the second equation with the expression it equals in the first.",
        "Solve for x first; then put x back into y = … to find y.",
    )
    slip = F(c - intercept, combined)
    wrong = [other, -value, slip if ask_x else slope * slip + intercept]
    return problem(stem, numeric(value), hints, _steps(*steps), wrong=wrong)


@template("8.EE.C.8b")
def solve_system_by_elimination(rng: random.Random) -> Problem:
    """Solve a system of two equations in standard form by adding (or subtracting) to eliminate a variable."""
    while True:
        x0, y0 = rng.randint(-5, 7), rng.randint(-5, 7)
        a1, a2 = rng.randint(1, 5), rng.choice([n for n in range(-4, 6) if n])
        b = rng.randint(1, 5)
        if a1 + a2 != 0 and x0 != y0 and abs(x0) != abs(y0):
            break
    c1, c2 = a1 * x0 + b * y0, a2 * x0 - b * y0
    first, second = _standard_form(a1, b, c1), _standard_form(a2, -b, c2)
    right = _pair(x0, y0)
    wrong = distinct_wrong(right, [_pair(y0, x0), _pair(x0, -y0), _pair(-x0, y0)])
    answer = choice(rng, right, wrong[:3])
    stem = f"Solve the system of equations.\n\n{first}\n\n{second}"
    solution = _steps(
        f"The y terms are opposites ({_term(b, 'y')} and {_term(-b, 'y')}), so add the equations: "
        f"{_term(a1 + a2)} = {_num(c1 + c2)}.",
        f"Divide: x = {_num(c1 + c2)} ÷ {signed(a1 + a2)} = {_num(x0)}.",
        f"Put x = {_num(x0)} into {first}: {_term(b, 'y')} = {_num(c1)} − {signed(a1 * x0)} = "
        f"{_num(b * y0)}, so y = {_num(y0)}.",
        f"Check in {second}: {signed(a2)} {TIMES} {signed(x0)} − {b} {TIMES} {signed(y0)} = "
        f"{_num(c2)}. The solution is **{right}**.",
    )
    hints = (
        "Add the two equations so that the y terms cancel.",
        "After finding x, substitute it into either equation to find y, and write the answer as (x, y).",
    )
    return problem(stem, answer, hints, solution)


@template("8.EE.C.8b")
def system_solutions_by_inspection(rng: random.Random) -> Problem:
    """Tell by inspection whether a system has one solution, no solution or infinitely many."""
    kind = rng.choice(["Exactly one solution", "No solution", "Infinitely many solutions"])
    a, b = rng.randint(1, 6), rng.choice([n for n in range(-5, 6) if n])
    c = rng.randint(-12, 12)
    if rng.random() < 0.5:
        first = _standard_form(a, b, c)
        scale = rng.choice([1, 2, 3])
        if kind == "No solution":
            second = _standard_form(a * scale, b * scale, c * scale + rng.choice([n for n in range(-5, 6) if n]))
            reason = (
                (f"Divide the second equation by {scale}: " if scale > 1 else "")
                + f"the left sides match but the right sides do not, and {_terms((a, 'x'), (b, 'y'))} cannot equal two "
                f"different numbers at once. The lines are parallel."
            )
        elif kind == "Infinitely many solutions":
            scale = rng.choice([2, 3, 4, -1, -2])
            second = _standard_form(a * scale, b * scale, c * scale)
            reason = f"The second equation is the first multiplied by {_num(scale)}: both are the same line."
        else:
            other_b = rng.choice([n for n in range(-5, 6) if n and n != b])
            second = _standard_form(a, other_b, rng.randint(-12, 12))
            reason = (
                f"The x terms match but the y terms ({_term(b, 'y')} and {_term(other_b, 'y')}) differ, so the "
                f"lines have different slopes and cross at exactly one point."
            )
    else:
        slope = F(rng.choice([n for n in range(-5, 6) if n]))
        first = _line(slope, c)
        if kind == "No solution":
            other = rng.choice([n for n in range(-12, 13) if n != c])
            second = _line(slope, other)
            reason = (
                f"Both lines have slope {_num(slope)} but different y-intercepts, {_num(c)} and {_num(other)}: "
                "they are parallel."
            )
        elif kind == "Infinitely many solutions":
            second = f"{_term(2, 'y')} = {_expression(2 * slope, 2 * c)}"
            reason = "Dividing the second equation by 2 gives the first one: both are the same line."
        else:
            other_slope = rng.choice([n for n in range(-5, 6) if n and n != slope])
            second = _line(F(other_slope), c + rng.randint(-3, 3))
            reason = f"The slopes, {_num(slope)} and {_num(other_slope)}, are different, so the lines cross once."
    answer = choice(rng, kind, list(_SOLUTION_COUNTS), keep_order=True)
    stem = f"Without solving, decide how many solutions the system has.\n\n{first}\n\n{second}"
    solution = _steps(reason, f"The answer is **{kind}**.")
    hints = (
        "Compare the two equations: are they the same line, parallel lines, or lines with different slopes?",
        "If the same expression would have to equal two different numbers, there is no solution.",
    )
    return problem(stem, answer, hints, solution)


@template("8.EE.C.8c")
def system_word_problem(rng: random.Random) -> Problem:
    """Solve a word problem that leads to two linear equations in two unknowns."""
    context = rng.choice(["tickets", "animals", "coins"])
    if context == "tickets":
        adult, child = rng.randint(8, 15), rng.randint(3, 7)
        many, few = rng.randint(20, 80), rng.randint(10, 60)
        total, money = many + few, adult * many + child * few
        stem = (
            f"A school play sold {total} tickets for {_money(money)}. Adult tickets cost {_money(adult)} and "
            f"student tickets cost {_money(child)}."
        )
        kinds = (("adult tickets", adult, many), ("student tickets", child, few))
        letters = ("a", "s")
        second = f"{adult}a + {child}s = {money}"
    elif context == "animals":
        goats, chickens = rng.randint(5, 30), rng.randint(5, 40)
        total, money = goats + chickens, 4 * goats + 2 * chickens
        stem = f"A farm has only goats and chickens: {total} animals with {money} legs in all."
        kinds = (("goats", 4, goats), ("chickens", 2, chickens))
        letters = ("g", "c")
        second = f"4g + 2c = {money}"
    else:
        quarters, dimes = rng.randint(4, 25), rng.randint(4, 25)
        total, money = quarters + dimes, F(25 * quarters + 10 * dimes, 100)
        stem = f"{name(rng)} has {total} coins, all quarters and dimes, worth {_money(money)} in all."
        kinds = (("quarters", 25, quarters), ("dimes", 10, dimes))
        letters = ("q", "d")
        second = f"25q + 10d = {25 * quarters + 10 * dimes}"
    asked = rng.randint(0, 1)
    thing, _, value = kinds[asked]
    other_thing, _, other_value = kinds[1 - asked]
    stem += f" How many {thing} are there?" if context != "tickets" else f" How many {thing} were sold?"
    (first_name, first_size, first_count), (second_name, second_size, second_count) = kinds
    solution = _steps(
        f"Let {letters[0]} be the number of {first_name} and {letters[1]} the number of {second_name}.",
        f"Write two equations: {letters[0]} + {letters[1]} = {total} and {second}"
        + (" (in cents)." if context == "coins" else "."),
        f"From the first, {letters[1]} = {total} − {letters[0]}. Substitute: "
        f"{first_size}{letters[0]} + {second_size}({total} − {letters[0]}) = "
        f"{second.split(' = ')[1]}, so {first_size - second_size}{letters[0]} = "
        f"{int(second.split(' = ')[1]) - second_size * total} and {letters[0]} = {first_count}.",
        f"Then {letters[1]} = {total} − {first_count} = {second_count}.",
        f"So there are **{value}** {thing}.",
    )
    hints = (
        "Use two letters for the two unknown numbers and write one equation for the count and one for the "
        "total value (or legs).",
        "Solve one equation for a letter and substitute it into the other.",
    )
    wrong = [other_value, F(total, 2), F(int(second.split(" = ")[1]), kinds[asked][1])]
    return problem(stem, numeric(value), hints, solution, wrong=wrong)


@template("8.EE.C.8c")
def do_lines_through_points_cross(rng: random.Random) -> Problem:
    """Decide whether the line through two points crosses the line through two other points."""
    kind = rng.choice(["cross", "parallel", "same"])
    while True:
        slope = rng.choice(_GRAPH_SLOPES)
        intercept = rng.randint(-4, 4)
        step = slope.denominator
        xs = [x for x in range(-7, 8) if x % step == 0 and -7 <= slope * x + intercept <= 7]
        if len(xs) < 4:
            continue
        first_xs = sorted(rng.sample(xs, 2))
        if kind == "cross":
            other_slope = rng.choice([m for m in _GRAPH_SLOPES if m != slope])
            other_intercept = rng.randint(-4, 4)
        else:
            other_slope = slope
            other_intercept = intercept if kind == "same" else rng.choice([n for n in range(-5, 6) if n != intercept])
        other_xs = [
            x
            for x in range(-7, 8)
            if x % other_slope.denominator == 0 and -7 <= other_slope * x + other_intercept <= 7 and x not in first_xs
        ]
        if len(other_xs) >= 2:
            break
    second_xs = sorted(rng.sample(other_xs, 2))
    a, b = [(x, slope * x + intercept) for x in first_xs]
    c, d = [(x, other_slope * x + other_intercept) for x in second_xs]
    options = ["They cross at exactly one point", "They never cross: they are parallel", "They are the same line"]
    right = options[["cross", "parallel", "same"].index(kind)]
    answer = choice(rng, right, options, keep_order=True)
    points = [("A", *a), ("B", *b), ("C", *c), ("D", *d)]
    label = f"{_grid_words((-8, 8), (-8, 8))}, with " + "; ".join(f"point {n} at {_pair(x, y)}" for n, x, y in points)
    figure = _grid((-8, 8), (-8, 8), points=points, label=label)
    stem = (
        f"Line 1 goes through A{_pair(*a)} and B{_pair(*b)}. Line 2 goes through C{_pair(*c)} and D{_pair(*d)}. "
        f"Do the two lines cross?"
    )

    def slope_words(p, q) -> str:
        ratio = (q[1] - p[1]) / (q[0] - p[0])
        return f"({_num(q[1])} − {signed(p[1])}) ÷ ({_num(q[0])} − {signed(p[0])}) = {_num(ratio)}"

    steps = [f"Slope of line 1: {slope_words(a, b)}. Slope of line 2: {slope_words(c, d)}."]
    if kind == "cross":
        steps.append("The slopes are different, so the lines meet at exactly one point.")
    else:
        steps.append(
            f"The slopes are equal. Line 1 is {_line(slope, intercept)} and line 2 is "
            f"{_line(other_slope, other_intercept)}: "
            + ("the same equation." if kind == "same" else "different y-intercepts, so they never meet.")
        )
    steps.append(f"The answer is **{right}**.")
    hints = (
        "Find the slope of each line from its two points.",
        "Different slopes: the lines cross once. Same slope: check whether they have the same y-intercept.",
    )
    return problem(stem, answer, hints, _steps(*steps), figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 8.F.A.1 What a function is


def _mapping_diagram(pairs) -> str:
    """A mapping diagram: the inputs in a left oval, the outputs in a right oval, an arrow for each pair."""
    inputs = sorted({x for x, _ in pairs})
    outputs = sorted({y for _, y in pairs})
    rows = max(len(inputs), len(outputs))
    height = rows * 34 + 60
    svg = figures.Svg(300, height)
    svg.text(70, 18, "Input", size=13, weight="bold")
    svg.text(230, 18, "Output", size=13, weight="bold")
    for cx in (70, 230):
        svg.path(
            f"M {cx} 28 C {cx + 55} 28 {cx + 55} {height - 6} {cx} {height - 6} "
            f"C {cx - 55} {height - 6} {cx - 55} 28 {cx} 28 Z",
            fill="#eef3fc",
        )

    def y_of(index: int, count: int) -> float:
        return 28 + (height - 34) * (index + 1) / (count + 1)

    for index, x in enumerate(inputs):
        svg.text(70, y_of(index, len(inputs)) + 5, _num(x), size=14)
    for index, y in enumerate(outputs):
        svg.text(230, y_of(index, len(outputs)) + 5, _num(y), size=14)
    for x, y in pairs:
        x1, y1 = 86, y_of(inputs.index(x), len(inputs))
        x2, y2 = 212, y_of(outputs.index(y), len(outputs))
        svg.line(x1, y1, x2, y2, stroke=figures.FILL_DARK, stroke_width=1.5)
        angle = math.atan2(y2 - y1, x2 - x1)
        tip = [
            (x2, y2),
            (x2 - 9 * math.cos(angle - 0.4), y2 - 9 * math.sin(angle - 0.4)),
            (x2 - 9 * math.cos(angle + 0.4), y2 - 9 * math.sin(angle + 0.4)),
        ]
        svg.polygon(tip, fill=figures.FILL_DARK, stroke=figures.FILL_DARK, stroke_width=1)
    arrows = "; ".join(f"{_num(x)} to {_num(y)}" for x, y in pairs)
    return svg.render(f"A mapping diagram with arrows from inputs to outputs: {arrows}")


def _relation_pairs(rng: random.Random, function: bool) -> tuple[list[tuple[int, int]], int, int]:
    """Five (input, output) pairs, with one output shared by two inputs, and (unless `function`) one input paired
    with two outputs: (pairs, the shared output, the input with two outputs or a random input)."""
    inputs = rng.sample(range(0, 10), 4 if not function else 5)
    outputs = [rng.randint(0, 9) for _ in inputs]
    shared = outputs[0]
    outputs[1] = shared
    outputs[2:] = [rng.choice([y for y in range(10) if y != shared]) for _ in outputs[2:]]
    pairs = list(zip(inputs, outputs))
    if function:
        return sorted(pairs), shared, rng.choice(inputs)
    doubled = inputs[2]
    pairs.append((doubled, rng.choice([y for y in range(10) if y not in (outputs[2], shared)])))
    return sorted(pairs), shared, doubled


@template("8.F.A.1")
def is_relation_a_function(rng: random.Random) -> Problem:
    """Decide whether a relation, shown as pairs, a table, a mapping diagram or points on a graph, is a function."""
    function = rng.random() < 0.5
    pairs, shared, input_named = _relation_pairs(rng, function)
    shape = rng.choice(["pairs", "table", "mapping", "graph"])
    figure = ""
    if shape == "pairs":
        shown = "The relation is the set of ordered pairs {" + ", ".join(_pair(x, y) for x, y in pairs) + "}."
    elif shape == "table":
        shown = "The table shows a relation." + _function_table(pairs, "Input x", "Output y")
    elif shape == "mapping":
        shown = "The mapping diagram shows a relation."
        figure = _mapping_diagram(pairs)
    else:
        shown = "The graph shows a relation as a set of points (x, y)."
        label = f"{_grid_words((0, 10), (0, 10))}, with points at " + ", ".join(_pair(x, y) for x, y in pairs)
        figure = _grid((0, 10), (0, 10), points=[("", x, y) for x, y in pairs], label=label)
    options = [
        "Yes: each input has exactly one output",
        f"No: the input {input_named} has two different outputs",
        f"No: the output {shared} comes from two different inputs",
    ]
    right = options[0] if function else options[1]
    answer = choice(rng, right, options, keep_order=True)
    stem = f"{shown}\n\nIs this relation a function?"
    repeats = [x for x, _ in pairs if [p for p, _ in pairs].count(x) > 1]
    steps = ["A function assigns to each input exactly one output."]
    if function:
        steps.append(f"Every input appears once. The output {shared} comes from two inputs, and that is allowed.")
    else:
        outputs = [_num(y) for x, y in pairs if x == repeats[0]]
        steps.append(f"The input {repeats[0]} is paired with both {outputs[0]} and {outputs[1]}.")
    steps.append(f"So the answer is **{right}**.")
    hints = (
        "Look at the inputs (the x-values): does any input appear with two different outputs?",
        "Two inputs may share an output; one input may not have two outputs.",
    )
    return problem(stem, answer, hints, _steps(*steps), figure=figure)


@template("8.F.A.1")
def which_relation_is_a_function(rng: random.Random) -> Problem:
    """Pick the one set of ordered pairs that is (or is not) a function."""
    want_function = rng.random() < 0.6
    sets = []
    for index in range(4):
        is_function = (index == 0) == want_function
        pairs, _, _ = _relation_pairs(rng, is_function)
        if is_function:
            pairs = rng.sample(pairs, 4)
        else:
            keep = [p for p in pairs if [q for q, _ in pairs].count(p[0]) > 1]
            others = [p for p in pairs if p not in keep]
            pairs = keep + rng.sample(others, 2)
        rng.shuffle(pairs)
        sets.append("{" + ", ".join(_pair(x, y) for x, y in pairs) + "}")
    if len(set(sets)) < 4:
        return which_relation_is_a_function(rng)
    rng.shuffle(sets)
    letters = "ABCD"
    right_index = next(
        index
        for index, pairs in enumerate(sets)
        if (len({x for x, _ in re.findall(r"\((\d+), (\d+)\)", pairs)}) == 4) == want_function
    )
    right = f"Set {letters[right_index]}"
    answer = choice(rng, right, [f"Set {letter}" for letter in letters], keep_order=True)
    kind = "is a function" if want_function else "is not a function"
    listed = "\n".join(f"- Set {letter}: {pairs}" for letter, pairs in zip(letters, sets))
    stem = f"Which set of ordered pairs {kind}?\n\n{listed}"
    reason = (
        "it is the only set in which no input (first number) is paired with two different outputs"
        if want_function
        else "an input (first number) in it is paired with two different outputs; in the "
        "other sets each input has exactly one output"
    )
    solution = _steps(
        "A function gives each input exactly one output. Look for a first number that appears twice "
        "with different second numbers.",
        f"{right}, {sets[right_index]}, {kind}: {reason}.",
        f"So the answer is **{right}**.",
    )
    hints = (
        "Check the first numbers (the inputs) of each set for repeats.",
        "Repeated outputs are fine; an input with two outputs is not.",
    )
    return problem(stem, answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 8.F.A.2 and 8.F.A.3 Comparing functions; linear and nonlinear functions


def _function_shown(rng: random.Random, shape: str, letter: str, slope: Fraction, intercept: int) -> tuple[str, str]:
    """A linear function named `letter` shown as an equation, table, graph or description: (text, figure)."""
    if shape == "equation":
        return f"Function {letter}: {_line(slope, intercept)}", ""
    if shape == "table":
        step = slope.denominator
        start = rng.choice([1, 2, 3]) * step
        points = [(start + index * step, slope * (start + index * step) + intercept) for index in range(4)]
        return f"Function {letter} is shown in the table." + _function_table(points), ""
    if shape == "words":
        change = "goes up" if slope > 0 else "goes down"
        return (
            f"Function {letter}: the output is {_num(intercept)} when the input is 0, and the output {change} by "
            f"{_num(abs(slope))} each time the input goes up by 1."
        ), ""
    xs = [x for x in range(0, 9) if (slope * x).denominator == 1]
    values = [slope * x + intercept for x in (0, 8)]
    low, high = min(*values, 0), max(*values, 0)
    step = _nice_step(high - low)
    y_low, y_high = int(math.floor(low / step) * step), int(math.ceil(high / step) * step)
    second = xs[min(2, len(xs) - 1)] if len(xs) > 1 else 2
    points = [("", 0, intercept), ("", second, slope * second + intercept)]
    ends = _line_ends(slope, intercept, (0, 8), (y_low, y_high))
    label = (
        f"{_grid_words((0, 8), (y_low, y_high))}: the graph of function {letter}, a straight line through the "
        f"marked points {_pair(0, intercept)} and {_pair(second, slope * second + intercept)}"
    )
    figure = _grid((0, 8), (y_low, y_high), y_step=step, lines=[(ends, letter)], points=points, label=label)
    return f"Function {letter} is shown in the graph.", figure


_FUNCTION_SLOPES = (F(-3), F(-2), F(-1), F(1, 2), F(1), F(3, 2), F(2), F(3), F(4), F(5))


def _compare_functions(rng: random.Random, asked: str) -> Problem:
    """Compare the rates of change or the initial values of two linear functions shown in different ways."""
    first_shape, second_shape = rng.sample(["equation", "table", "graph", "words"], 2)
    first_slope = rng.choice(_FUNCTION_SLOPES)
    first_intercept = rng.randint(-5, 8)
    if rng.random() < 0.2:
        second_slope, second_intercept = first_slope, first_intercept
    else:
        second_slope = (
            rng.choice([m for m in _FUNCTION_SLOPES if m != first_slope])
            if asked == "rate"
            else rng.choice(_FUNCTION_SLOPES)
        )
        second_intercept = (
            rng.randint(-5, 8) if asked == "rate" else rng.choice([b for b in range(-5, 9) if b != first_intercept])
        )
    first_text, first_figure = _function_shown(rng, first_shape, "A", first_slope, first_intercept)
    second_text, second_figure = _function_shown(rng, second_shape, "B", second_slope, second_intercept)
    first_value, second_value = (first_slope, second_slope) if asked == "rate" else (first_intercept, second_intercept)
    property_words = "rate of change" if asked == "rate" else "initial value (its output when the input is 0)"
    same = "They are equal"
    right = "Function A" if first_value > second_value else "Function B" if second_value > first_value else same
    answer = choice(rng, right, ["Function A", "Function B", same], keep_order=True)
    stem = f"{first_text}\n\n{second_text}\n\nWhich function has the greater {property_words}?"
    how = {"equation": "the equation y = mx + b", "table": "the table", "graph": "the graph", "words": "the words"}
    noun = "rate of change" if asked == "rate" else "initial value"
    ending = (
        f"{_num(max(first_value, second_value))} > {_num(min(first_value, second_value))}, so the answer is "
        f"**{right}**."
        if right != same
        else f"Both are {_num(first_value)}: **{same}**."
    )
    solution = _steps(
        f"From {how[first_shape]}, function A's {noun} is {_num(first_value)}.",
        f"From {how[second_shape]}, function B's {noun} is {_num(second_value)}.",
        ending,
    )
    hints = (
        (
            "The rate of change is the change in output divided by the change in input (the slope m)."
            if asked == "rate"
            else "The initial value is the output when the input is 0 (the b in y = mx + b)."
        ),
        "Find the value for each function the way it is shown, then compare the two numbers; a negative number "
        "is less than a positive one.",
    )
    return problem(stem, answer, hints, solution, figure=first_figure or second_figure)


@template("8.F.A.2")
def compare_rates_of_change(rng: random.Random) -> Problem:
    """Say which of two functions, shown in different ways, has the greater rate of change."""
    return _compare_functions(rng, "rate")


@template("8.F.A.2")
def compare_initial_values(rng: random.Random) -> Problem:
    """Say which of two functions, shown in different ways, has the greater initial value."""
    return _compare_functions(rng, "initial")


def _linear_equations(rng: random.Random) -> list[str]:
    m, b = rng.choice([2, 3, 4, 5, -2, -3]), rng.randint(1, 9)
    k = rng.choice([2, 3, 4, 5])
    return [
        _line(F(m), b),
        f"y = {b} {MINUS} {_term(abs(m))}",
        f"y = {k}(x + {b})",
        f"y = x/{k} + {b}",
        f"{_terms((m, 'x'), (k, 'y'))} = {b}",
    ]


def _nonlinear_equations(rng: random.Random) -> list[str]:
    b, k = rng.randint(1, 9), rng.choice([2, 3, 4, 5, 6])
    return [
        f"y = x<sup>2</sup> + {b}",
        f"y = {k}/x",
        f"y = {k}<sup>x</sup>",
        f"y = x<sup>3</sup> {MINUS} {b}",
        f"y = x(x + {b})",
    ]


@template("8.F.A.3")
def linear_or_nonlinear_equation(rng: random.Random) -> Problem:
    """Pick the one equation that defines a linear function (or the one that does not)."""
    linear, nonlinear = _linear_equations(rng), _nonlinear_equations(rng)
    want_linear = rng.random() < 0.5
    right = rng.choice(linear if want_linear else nonlinear)
    wrong = rng.sample(nonlinear if want_linear else linear, 3)
    answer = choice(rng, right, wrong)
    listed = "; ".join(sorted([right, *wrong]))
    stem = f"Which equation defines a {'linear' if want_linear else 'nonlinear'} function?\n\n{listed}"
    solution = _steps(
        "A linear function can be written as y = mx + b: x is only multiplied by a number and a number "
        "is added. Its graph is a straight line.",
        "x squared or cubed, x in a denominator, x as an exponent or x times x make the graph curve: "
        "those functions are nonlinear.",
        f"So the answer is **{right}**.",
    )
    hints = (
        "Can the equation be rewritten as y = mx + b?",
        "x/4 is x times 1/4, which is linear; 4/x divides by x, which is not.",
    )
    return problem(stem, answer, hints, solution)


@template("8.F.A.3")
def linear_or_nonlinear_table(rng: random.Random) -> Problem:
    """Decide from a table of values whether a function is linear, and why."""
    step = rng.choice([1, 1, 2])
    xs = [step * index for index in range(rng.choice([0, 1]), 5)][: 4 if step == 2 else 5]
    linear = rng.random() < 0.5
    if linear:
        slope, intercept = rng.choice([2, 3, 4, 5, -2, -3]), rng.randint(1, 9)
        ys = [slope * x + intercept for x in xs]
    else:
        kind = rng.choice(["square", "double", "square"])
        shift = rng.randint(0, 5)
        ys = [x * x + shift for x in xs] if kind == "square" else [2**x + shift for x in xs]
    changes = [b - a for a, b in zip(ys, ys[1:])]
    by = f"goes up by {step}"
    options = [
        f"Linear: y changes by the same amount each time x {by}",
        f"Nonlinear: y changes by different amounts each time x {by}",
    ]
    options.append(
        "Nonlinear: y is not x times one fixed number" if linear else "Linear: y goes up every time x goes up"
    )
    right = options[0] if linear else options[1]
    answer = choice(rng, right, [option for option in options if option != right])
    stem = "Is the function in the table linear or nonlinear?" + _function_table(list(zip(xs, ys)))
    listed = ", ".join(_num(change) for change in changes)
    steps = [f"Each time x {by}, y changes by {listed}."]
    if linear:
        steps.append(
            "The change is always the same, so the points lie on a straight line. (A linear function does "
            "not have to pass through (0, 0).)"
        )
    else:
        steps.append("The changes are different, so the points do not lie on one straight line.")
    steps.append(f"So the answer is **{right}**.")
    hints = (
        "Work out how much y changes from each column to the next.",
        "A linear function has a constant rate of change.",
    )
    return problem(stem, answer, hints, _steps(*steps))


# ---------------------------------------------------------------------------------------------------------
# 8.F.B.4 Linear models: rate of change and initial value

_TWO_POINT_CONTEXTS = (
    # (sentence, initial question, rate question, unit, rate unit, slopes, intercepts, unit of x)
    (
        "After {x1} a candle is {y1} cm tall. After {x2} it is {y2} cm tall. It burns at a steady rate.",
        "How tall was the candle when it was lit?",
        "By how many centimeters does it get shorter each hour?",
        "cm",
        "cm per hour",
        [-1, -2, -3, -4],
        range(20, 41),
        "hour",
    ),
    (
        "A taxi ride of {x1} costs {y1}. A ride of {x2} costs {y2}. The cost is a linear function of the distance.",
        "What is the fixed fee (the cost for 0 miles), in dollars?",
        "How much does each mile cost, in dollars?",
        "",
        "",
        [F(3, 2), 2, F(9, 4), F(5, 2), 3],
        [2, F(5, 2), 3, F(7, 2), 4],
        "mile",
    ),
    (
        "A plant is {y1} cm tall after {x1} and {y2} cm tall after {x2}. It grows at a steady rate.",
        "How tall was the plant at week 0?",
        "How many centimeters does it grow each week?",
        "cm",
        "cm per week",
        [2, 3, 4, 5],
        range(4, 21),
        "week",
    ),
    (
        "Water drains from a tank at a steady rate. After {x1} the tank holds {y1} liters; after {x2} it "
        "holds {y2} liters.",
        "How many liters were in the tank at the start?",
        "How many liters drain out each minute?",
        "liters",
        "liters per minute",
        [-3, -4, -5, -6, -8],
        range(100, 201, 10),
        "minute",
    ),
)


@template("8.F.B.4")
def rate_and_initial_value_from_two_points(rng: random.Random) -> Problem:
    """Find the rate of change or the initial value of a linear relationship from two of its (x, y) values."""
    sentence, initial_question, rate_question, unit, rate_unit, slopes, intercepts, x_unit = rng.choice(
        _TWO_POINT_CONTEXTS
    )
    money = x_unit == "mile"
    slope, intercept = F(rng.choice(slopes)), F(rng.choice(list(intercepts)))
    x1 = rng.randint(1, 4)
    x2 = x1 + rng.randint(1, 4)
    y1, y2 = slope * x1 + intercept, slope * x2 + intercept
    show = _money if money else _num
    ask_initial = rng.random() < 0.5
    value = intercept if ask_initial else abs(slope)
    told = sentence.format(x1=plural(x1, x_unit), x2=plural(x2, x_unit), y1=show(y1), y2=show(y2))
    stem = f"{told} {initial_question if ask_initial else rate_question}"
    plain = _decimal if money else (lambda v: v)
    rate_step = (
        f"Rate of change = ({_num(plain(y2))} − {_num(plain(y1))}) ÷ ({x2} − {x1}) = "
        f"{_num(plain(y2 - y1))} ÷ {x2 - x1} = {_num(plain(slope))}."
    )
    initial_step = (
        f"Go back {plural(x1, 'step')} from x = {x1} to x = 0: {_num(plain(y1))} − {signed(plain(slope))} "
        f"{TIMES} {x1} = {_num(plain(intercept))}."
    )
    steps = [rate_step, initial_step, f"The function is {_line(plain(slope), plain(intercept))}."]
    display = _num(plain(value)) + (
        f" {unit if ask_initial else rate_unit}" if (unit if ask_initial else rate_unit) else ""
    )
    steps.append(f"So the answer is **{display}**.")
    hints = (
        "The rate of change is the change in y divided by the change in x.",
        "To find the initial value, work back from a known point to x = 0 using the rate.",
    )
    if ask_initial:
        wrong = [y1, y1 - slope, y1 + slope * x1]
    else:
        wrong = [abs(y2 - y1), F(x2 - x1) / abs(y2 - y1), abs(y2) / x2]
    return problem(stem, numeric(plain(value), display=display), hints, _steps(*steps), wrong=wrong)


@template("8.F.B.4")
def linear_function_from_table(rng: random.Random) -> Problem:
    """Pick the equation y = mx + b of a linear function given by a table that does not start at x = 0."""
    while True:
        slope, intercept = rng.choice([2, 3, 4, 5, -2, -3, -4]), rng.randint(-6, 9)
        step, start = rng.choice([1, 2]), rng.randint(1, 3)
        xs = [start + step * index for index in range(4)]
        ys = [slope * x + intercept for x in xs]
        if intercept not in (0, ys[0]):
            break
    right = _line(F(slope), intercept)
    wrong = [
        _line(F(slope), ys[0]),
        _line(F(slope * step), ys[0] - slope * step * xs[0]) if step > 1 else _line(F(intercept), slope),
        _line(F(slope), -intercept),
        _line(F(-slope), intercept),
    ]
    answer = choice(rng, right, distinct_wrong(right, wrong, 3))
    stem = "Which equation gives the linear function in the table?" + _function_table(list(zip(xs, ys)))
    solution = _steps(
        f"Rate of change: each time x goes up by {step}, y changes by {_num(ys[1] - ys[0])}, so "
        f"m = {_num(ys[1] - ys[0])} ÷ {step} = {_num(slope)}.",
        f"Initial value: go back from x = {xs[0]} to x = 0: b = {_num(ys[0])} − {signed(slope)} "
        f"{TIMES} {xs[0]} = {_num(intercept)}.",
        f"So the function is **{right}**.",
    )
    hints = (
        "Divide the change in y by the change in x to get m.",
        "The table does not start at x = 0: work backwards to find the value of y when x is 0.",
    )
    return problem(stem, answer, hints, solution)


_GRAPH_CONTEXTS = (
    # (what, x axis, y axis, slopes, intercepts, rate question, initial question, unit, rate unit)
    (
        "the cost of renting a bike",
        "Time (hours)",
        "Cost (dollars)",
        [3, 4, 5, 6, 8, 10],
        [5, 10, 15, 20],
        "How much does each extra hour cost, in dollars?",
        "What is the cost for 0 hours (the fixed fee), in dollars?",
        "",
        "",
    ),
    (
        "the water left in a tank as it drains",
        "Time (minutes)",
        "Water (liters)",
        [-5, -10, -4, -6, -8],
        [60, 80, 100],
        "How many liters drain out each minute?",
        "How many liters were in the tank at the start?",
        "liters",
        "liters per minute",
    ),
    (
        "the money in a savings account",
        "Time (weeks)",
        "Savings (dollars)",
        [5, 10, 15, 20],
        [20, 30, 40, 50],
        "How many dollars are saved each week?",
        "How much money was in the account at the start, in dollars?",
        "",
        "",
    ),
)


@template("8.F.B.4")
def rate_and_initial_value_from_graph(rng: random.Random) -> Problem:
    """Read the rate of change or the initial value of a linear model from its graph, in the situation's terms."""
    what, x_name, y_name, slopes, intercepts, rate_question, initial_question, unit, rate_unit = rng.choice(
        _GRAPH_CONTEXTS
    )
    slope, intercept = rng.choice(slopes), rng.choice(intercepts)
    x_end = 10 if slope > 0 else min(10, -intercept // slope)
    values = [intercept, slope * x_end + intercept]
    y_top = max(values)
    y_step = _nice_step(y_top)
    y_top = -(-y_top // y_step) * y_step
    second = rng.choice([x for x in range(2, x_end + 1) if (slope * x + intercept) % y_step == 0] or [x_end])
    ends = _line_ends(F(slope), intercept, (0, 10), (0, y_top))
    point = (second, slope * second + intercept)
    label = (
        f"{_grid_words((0, 10), (0, y_top))}: {y_name} against {x_name}. A straight line through the marked "
        f"points {_pair(0, intercept)} and {_pair(*point)}"
    )
    figure = _grid(
        (0, 10),
        (0, y_top),
        y_step=y_step,
        lines=[(ends, "")],
        points=[("", 0, intercept), ("", *point)],
        label=label,
        x_name=x_name,
        y_name=y_name,
    )
    ask_initial = rng.random() < 0.5
    value = intercept if ask_initial else abs(slope)
    shown_unit = unit if ask_initial else rate_unit
    display = f"{value} {shown_unit}".strip()
    stem = f"The graph shows {what}. {initial_question if ask_initial else rate_question}"
    solution = _steps(
        f"The line starts at {_pair(0, intercept)}: the initial value is {intercept}.",
        f"From {_pair(0, intercept)} to {_pair(*point)}, y changes by {_num(point[1] - intercept)} while "
        f"x changes by {second}: the rate of change is {_num(point[1] - intercept)} ÷ {second} = "
        f"{_num(slope)}.",
        f"So the answer is **{display}**.",
    )
    hints = (
        "The initial value is where the line meets the vertical axis; the rate of change is its slope.",
        "Use two marked points: change in y ÷ change in x.",
    )
    wrong = [abs(slope) if ask_initial else intercept, point[1], F(abs(point[1]), second)]
    return problem(stem, numeric(value, display=display), hints, solution, wrong=wrong, figure=figure)


_MODEL_CONTEXTS = (
    # (equation, what the letters mean, initial meaning, rate meaning, "after 1" meaning, limit meaning)
    (
        "C = {m}h + {b}",
        "C is the cost, in dollars, of renting a kayak for h hours",
        "a fee of ${v} that is paid even for 0 hours",
        "each extra hour adds ${v} to the cost",
        "a 1-hour rental costs ${v} in all",
        "the kayak can be rented for at most {v} hours",
    ),
    (
        "H = {m}w + {b}",
        "H is a plant's height, in centimeters, w weeks after it was measured first",
        "the plant was {v} cm tall when it was measured first",
        "the plant grows {v} cm each week",
        "the plant is {v} cm tall after 1 week",
        "the plant grows for {v} weeks",
    ),
    (
        "S = {m}w + {b}",
        "S is the number of dollars in {p}'s savings after w weeks",
        "{p} had ${v} saved at the start",
        "{p} adds ${v} to the savings each week",
        "{p} will have ${v} after 1 week",
        "{p} saves for {v} weeks",
    ),
    (
        "C = {m}g + {b}",
        "C is the monthly cost, in dollars, of a phone plan that uses g gigabytes of data",
        "a charge of ${v} each month even with no data",
        "each gigabyte adds ${v} to the cost",
        "1 gigabyte of data costs ${v} in all",
        "the plan allows at most {v} gigabytes",
    ),
)


@template("8.F.B.4")
def interpret_rate_and_initial_value(rng: random.Random) -> Problem:
    """Say what the rate of change or the initial value of a linear model means in its situation or on its graph."""
    equation, meaning, start, rate, after_one, limit = rng.choice(_MODEL_CONTEXTS)
    slope, intercept = rng.randint(2, 15), rng.randint(16, 60)
    person = name(rng)
    ask_initial = rng.random() < 0.5
    value = intercept if ask_initial else slope
    on_graph = rng.random() < 0.35
    if on_graph:
        options = [
            f"The line crosses the vertical axis at (0, {value})",
            f"The line rises {value} for each 1 unit it goes to the right",
            f"The line crosses the horizontal axis at ({value}, 0)",
            f"The line passes through (1, {value})",
        ]
        right = options[0] if ask_initial else options[1]
        question = f"What does the {value} tell you about the graph of this equation?"
    else:
        options = [phrase.format(v=value, p=person) for phrase in (start, rate, after_one, limit)]
        options = [option[0].upper() + option[1:] for option in options]
        right = options[0] if ask_initial else options[1]
        question = f"What does the {value} mean in this situation?"
    answer = choice(rng, right, [option for option in options if option != right])
    written = equation.format(m=slope, b=intercept)
    stem = f"The equation {written} is a linear model, where {meaning.format(p=person)}. {question}"
    role = (
        f"{intercept} is the initial value b in y = mx + b: the value when the input is 0"
        if ask_initial
        else f"{slope} is the rate of change m in y = mx + b: how much the output changes for each 1 the input goes up"
    )
    solution = _steps(f"In {written}, {role}.", f"So the answer is **{right}**.")
    hints = (
        "In y = mx + b, b is the value when the input is 0 and m is the change for each 1 the input goes up.",
        "Put the input equal to 0, then 1, and see what each number does.",
    )
    return problem(stem, answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 8.F.B.5 Describing graphs qualitatively

_PIECES = {"up": "increasing", "flat": "constant", "down": "decreasing"}


@template("8.F.B.5")
def interval_where_graph_changes(rng: random.Random) -> Problem:
    """Find the interval where a graph made of straight pieces is increasing, decreasing or constant."""
    asked = rng.choice(list(_PIECES))
    while True:
        kinds = [rng.choice(list(_PIECES)) for _ in range(4)]
        if kinds.count(asked) == 1 and all(a != b for a, b in zip(kinds, kinds[1:])):
            break
    breaks = [0, *sorted(rng.sample(range(2, 11), 3)), 12]
    ys = [rng.randint(2, 8)]
    for kind in kinds:
        last = ys[-1]
        if kind == "flat":
            ys.append(last)
        elif kind == "up":
            ys.append(rng.randint(last + 1, 10) if last < 10 else last)
        else:
            ys.append(rng.randint(0, last - 1) if last > 0 else last)
    if any(a == b for a, b, kind in zip(ys, ys[1:], kinds) if kind != "flat"):
        return interval_where_graph_changes(rng)
    vertices = list(zip(breaks, ys))
    intervals = [f"From x = {a} to x = {b}" for a, b in zip(breaks, breaks[1:])]
    right = intervals[kinds.index(asked)]
    answer = choice(rng, right, intervals, keep_order=True)
    label = (
        f"{_grid_words((0, 12), (0, 10))}: height of water y against time x, a graph made of straight pieces "
        f"joining {_points_words(vertices)}"
    )
    figure = _grid(
        (0, 12),
        (0, 10),
        lines=[(vertices, "")],
        points=[("", x, y) for x, y in vertices],
        label=label,
        x_name="Time (hours)",
        y_name="Water height (feet)",
    )
    stem = (
        f"The graph shows the height of the water in a pond, y feet, over x hours. During which interval is the "
        f"function {_PIECES[asked]}?"
    )
    descriptions = "; ".join(f"{interval.lower()}: {_PIECES[kind]}" for interval, kind in zip(intervals, kinds))
    words = {"up": "goes up from left to right", "flat": "stays level", "down": "goes down from left to right"}
    solution = _steps(
        f"A function is {_PIECES[asked]} where its graph {words[asked]}.",
        f"Piece by piece: {descriptions}.",
        f"So the answer is **{right}**.",
    )
    hints = (
        "Read the graph from left to right, one straight piece at a time.",
        "Increasing means going up, decreasing going down, and constant level.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


_STORIES = (
    # (quantity the graph shows, what happens for up, flat and down)
    (
        "distance from home",
        "walks away from home at a steady pace",
        "stops to talk with a friend",
        "walks back toward home",
    ),
    (
        "amount of water in a bathtub",
        "fills the bathtub",
        "turns off the tap and waits",
        "lets some of the water drain out",
    ),
    ("height of a kite above the ground", "lets the kite climb", "holds the kite at one height", "reels the kite down"),
    (
        "money in a savings jar",
        "adds the same amount of money each day",
        "leaves the jar alone for a few days",
        "takes money out each day",
    ),
)
_SHAPE_WORDS = {"up": "goes up", "flat": "stays level", "down": "goes down"}


@template("8.F.B.5")
def graph_that_matches_a_story(rng: random.Random) -> Problem:
    """Pick the description of the graph that matches a story told in words."""
    quantity, *phrases = rng.choice(_STORIES)
    kinds = list(_SHAPE_WORDS)
    sequences = [(a, b, c) for a in kinds for b in kinds for c in kinds if len({a, b, c}) == 3]
    shapes_only = [(a, b, c) for a in kinds for b in kinds for c in kinds if a != b and b != c]
    story = rng.choice(sequences)
    person = name(rng)
    told = ", then ".join(phrases[kinds.index(kind)] for kind in story)

    def shape(sequence) -> str:
        text = ", then ".join(_SHAPE_WORDS[kind] for kind in sequence)
        return text[0].upper() + text[1:]

    right = shape(story)
    reversed_story = tuple({"up": "down", "down": "up", "flat": "flat"}[kind] for kind in story)
    others = [shape(reversed_story)] + [shape(s) for s in rng.sample([s for s in shapes_only if s != story], 4)]
    answer = choice(rng, right, distinct_wrong(right, others, 3))
    stem = f"{person} {told}. A graph shows the {quantity} over time. Which describes the graph from left to right?"
    pieces = "; ".join(f"{phrases[kinds.index(kind)]}: the graph {_SHAPE_WORDS[kind]}" for kind in story)
    solution = _steps(f"Match each part of the story to a piece of the graph: {pieces}.", f"So the graph: **{right}**.")
    hints = (
        "Go through the story one part at a time and ask: is the quantity getting bigger, staying the same, or "
        "getting smaller?",
        "Time goes from left to right on the graph.",
    )
    return problem(stem, answer, hints, solution)


_CURVES = {
    "increasing nonlinear": lambda x: F(x * x, 4),
    "decreasing nonlinear": lambda x: 9 - F(x * x, 4),
    "rising then slowing": lambda x: F(x * (12 - x), 4),
    # Exact at whole numbers (the label lists those); between them only drawn, so a float is good enough.
    "halving": lambda x: F(8, 2 ** int(x)) if F(x).denominator == 1 else F(8 / 2 ** float(x)),
}


@template("8.F.B.5")
def describe_graph(rng: random.Random) -> Problem:
    """Describe a graph as increasing or decreasing and as linear or nonlinear."""
    kind = rng.choice(
        ["line up", "line down", "increasing nonlinear", "decreasing nonlinear", "rising then slowing", "halving"]
    )
    if kind.startswith("line"):
        # Slopes that keep the line inside the grid (y from 0 to 10) for x from 0 to 6.
        steepness = rng.choice([F(1, 2), F(3, 4), F(1), F(4, 3), F(3, 2)])
        if kind == "line up":
            slope, intercept = steepness, F(rng.randint(0, int(10 - 6 * steepness)))
        else:
            slope, intercept = -steepness, F(rng.randint(math.ceil(6 * steepness), 10))

        def function(x, slope=slope, intercept=intercept):
            return slope * x + intercept

        increasing, linear = slope > 0, True
    else:
        function = _CURVES[kind]
        increasing, linear = kind in ("increasing nonlinear", "rising then slowing"), False
    samples = [(F(step, 4), function(F(step, 4))) for step in range(0, 25)]
    shown = [(F(x), function(F(x))) for x in range(0, 7)]
    label = f"{_grid_words((0, 6), (0, 10))}: a graph through the points " + ", ".join(
        f"({_num(x)}, {mixed(y)})" for x, y in shown
    )
    figure = _grid((0, 6), (0, 10), lines=[(samples, "")], label=label)
    options = ["Increasing and linear", "Increasing and nonlinear", "Decreasing and linear", "Decreasing and nonlinear"]
    right = options[(0 if increasing else 2) + (0 if linear else 1)]
    answer = choice(rng, right, options, keep_order=True)
    stem = "Which describes the function shown in the graph, for x from 0 to 6?"
    changes = [shown[i + 1][1] - shown[i][1] for i in range(len(shown) - 1)]
    listed = ", ".join(mixed(change) for change in changes)
    solution = _steps(
        f"Reading from left to right, the graph goes {'up' if increasing else 'down'}, so the function "
        f"is {'increasing' if increasing else 'decreasing'}.",
        f"Each time x goes up by 1, y changes by {listed}: "
        + (
            "always the same, so the graph is a straight line: linear."
            if linear
            else "not always the same, so the graph curves: nonlinear."
        ),
        f"So the answer is **{right}**.",
    )
    hints = (
        "Increasing or decreasing: does the graph go up or down from left to right?",
        "Linear or nonlinear: is the graph a straight line, or does it curve?",
    )
    return problem(stem, answer, hints, solution, figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 8.G.A.1 to 8.G.A.4 Rigid motions, dilations, congruence and similarity


def _translation(dx: int, dy: int) -> tuple[str, object, str]:
    parts = [
        f"{plural(abs(dx), 'unit')} {'right' if dx > 0 else 'left'}" if dx else "",
        f"{plural(abs(dy), 'unit')} {'up' if dy > 0 else 'down'}" if dy else "",
    ]
    words = " and ".join(part for part in parts if part)
    rule = f"(x, y) → ({_terms((1, 'x'), (dx, ''))}, {_terms((1, 'y'), (dy, ''))})"
    return f"a translation {words}", (lambda x, y: (x + dx, y + dy)), rule


def _dilation(scale: Fraction) -> tuple[str, object, str]:
    return (
        f"a dilation with scale factor {_num(scale)} centered at the origin",
        (lambda x, y: (scale * x, scale * y)),
        f"(x, y) → ({_term(scale)}, {_term(scale, 'y')})",
    )


_TURNS = {
    "reflect x": ("a reflection across the x-axis", lambda x, y: (x, -y), f"(x, y) → (x, {MINUS}y)"),
    "reflect y": ("a reflection across the y-axis", lambda x, y: (-x, y), f"(x, y) → ({MINUS}x, y)"),
    "rotate 180": ("a rotation of 180° about the origin", lambda x, y: (-x, -y), f"(x, y) → ({MINUS}x, {MINUS}y)"),
    "rotate ccw": (
        "a rotation of 90° counterclockwise about the origin",
        lambda x, y: (-y, x),
        f"(x, y) → ({MINUS}y, x)",
    ),
    "rotate cw": ("a rotation of 90° clockwise about the origin", lambda x, y: (y, -x), f"(x, y) → (y, {MINUS}x)"),
}


def _move(rng: random.Random, *, translations: bool = True) -> tuple[str, object, str]:
    """A random rigid motion: (words, function of (x, y), coordinate rule)."""
    kinds = list(_TURNS) + (["translate", "translate"] if translations else [])
    kind = rng.choice(kinds)
    if kind == "translate":
        return _translation(rng.choice([n for n in range(-6, 7) if n]), rng.randint(-6, 6))
    return _TURNS[kind]


def _apply(move, vertices) -> list[tuple]:
    return [move[1](x, y) for x, y in vertices]


def _inside(vertices, limit: int = 8) -> bool:
    return all(-limit <= x <= limit and -limit <= y <= limit for x, y in vertices)


def _random_triangle(rng: random.Random, low: int = -6, high: int = 6) -> list[tuple[int, int]]:
    """Three grid points making a triangle with three different side lengths."""
    while True:
        points = [(rng.randint(low, high), rng.randint(low, high)) for _ in range(3)]
        (ax, ay), (bx, by), (cx, cy) = points
        area = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay)
        sides = {(ax - bx) ** 2 + (ay - by) ** 2, (bx - cx) ** 2 + (by - cy) ** 2, (ax - cx) ** 2 + (ay - cy) ** 2}
        if abs(area) >= 6 and len(sides) == 3 and max(sides) <= 50:
            return points


def _primed(names_text: str) -> list[str]:
    return [f"{letter}′" for letter in names_text]


def _shapes_label(shapes) -> str:
    return "; ".join(
        f"{'polygon' if len(vertices) > 3 else 'triangle'} {''.join(names_list)} with vertices "
        + ", ".join(f"{n} {_pair(x, y)}" for n, (x, y) in zip(names_list, vertices))
        for names_list, vertices in shapes
    )


def _shapes_figure(shapes, limit: int = 8) -> str:
    """Figures (vertex names, vertices) on a grid from −limit to limit, described vertex by vertex."""
    grid = (-limit, limit)
    return _grid(grid, grid, shapes=shapes, label=f"{_grid_words(grid, grid)}: {_shapes_label(shapes)}")


@template("8.G.A.1a")
def segment_length_after_move(rng: random.Random) -> Problem:
    """Give the length of a segment's image after a rotation, reflection or translation."""
    while True:
        length = rng.randint(2, 7)
        ax, ay = rng.randint(-7, 7), rng.randint(-7, 7)
        bx, by = (ax + length, ay) if rng.random() < 0.5 else (ax, ay + length)
        move = _move(rng)
        image = _apply(move, [(ax, ay), (bx, by)])
        if _inside([(bx, by)], 7) and _inside(image, 7) and (ax, ay) not in image:
            break
    (a2x, a2y), (b2x, b2y) = image
    points = [("A", ax, ay), ("B", bx, by), ("A′", a2x, a2y), ("B′", b2x, b2y)]
    label = (
        f"{_grid_words((-8, 8), (-8, 8))}: segment AB from {_pair(ax, ay)} to {_pair(bx, by)} and segment A′B′ "
        f"from {_pair(a2x, a2y)} to {_pair(b2x, b2y)}"
    )
    figure = _grid(
        (-8, 8), (-8, 8), lines=[([(ax, ay), (bx, by)], ""), ([(a2x, a2y), (b2x, b2y)], "")], points=points, label=label
    )
    stem = (
        f"Segment AB goes from A{_pair(ax, ay)} to B{_pair(bx, by)}. It is moved by {move[0]}, making segment "
        f"A′B′. How many units long is A′B′?"
    )
    solution = _steps(
        f"AB is {'horizontal' if ay == by else 'vertical'}: its length is {length} units.",
        "Rotations, reflections and translations move a segment without stretching or shrinking it, "
        "so the image has the same length.",
        f"Check on the grid: A′{_pair(a2x, a2y)} and B′{_pair(b2x, b2y)} are {length} units apart.",
        f"So A′B′ is **{length}** units long.",
    )
    hints = (
        "Does a rotation, reflection or translation change the length of a segment?",
        "Count the units between the endpoints, not the grid dots.",
    )
    return problem(
        stem,
        numeric(length),
        hints,
        solution,
        wrong=[length + 1, 2 * length, length - 1],
        figure=figure,
        difficulty=INTRODUCTORY,
    )


def _triangle_from_sides(a: float, b: float, c: float) -> list[tuple[float, float]]:
    """Corners A, B, C of a triangle with BC = a, CA = b, AB = c (A at the origin, B on the x-axis)."""
    x = (b * b + c * c - a * a) / (2 * c)
    return [(0.0, 0.0), (c, 0.0), (x, math.sqrt(max(b * b - x * x, 0.01)))]


_RIGID_WORDS = (
    "rotated 90° about point C",
    "rotated 180° about a point",
    "reflected across a line",
    "translated 6 cm to the right",
    "reflected across a line and then translated",
    "rotated 90° clockwise and then reflected",
)


@template("8.G.A.1a")
def side_length_after_move(rng: random.Random) -> Problem:
    """Give a side length of a triangle's image after a sequence of rigid motions."""
    while True:
        sides = rng.sample(range(4, 16), 3)
        if max(sides) < sum(sides) - max(sides):
            break
    ab, bc, ca = sides
    asked = rng.choice(["AB", "BC", "CA"])
    value = {"AB": ab, "BC": bc, "CA": ca}[asked]
    others = [v for k, v in {"AB": ab, "BC": bc, "CA": ca}.items() if k != asked]
    moved = rng.choice(_RIGID_WORDS)
    figure = _labelled_triangles(
        [(_triangle_from_sides(bc, ca, ab), "ABC", [f"{ab} cm", f"{bc} cm", f"{ca} cm"])],
        label=f"Triangle ABC with AB = {ab} cm, BC = {bc} cm and CA = {ca} cm",
    )
    primed = f"{asked[0]}′{asked[1]}′"
    stem = (
        f"Triangle ABC has AB = {ab} cm, BC = {bc} cm and CA = {ca} cm. It is {moved}, making triangle A′B′C′. "
        f"How long is side {primed}?"
    )
    solution = _steps(
        f"{primed} is the image of side {asked}.",
        "Rotations, reflections and translations keep every length the same.",
        f"So {primed} = {asked} = **{value} cm**.",
    )
    hints = (
        "Find the side of triangle ABC that moves onto the side asked about: match the letters.",
        "A rigid motion never changes a length.",
    )
    return problem(stem, numeric(value, unit="cm"), hints, solution, wrong=others + [sum(sides)], figure=figure)


def _angles_figure(triangles, *, label: str, exterior: bool = False) -> str:
    """Triangles side by side, each (vertex names, angles in degrees at the first two vertices, angle labels at the
    three vertices, and with `exterior` a fourth label). With `exterior`, the first triangle's side from its first
    to its second vertex runs on past the second vertex, and the fourth label marks the exterior angle there."""
    slot = 300 if exterior else 250
    shapes = []
    for vertex_names, (first, second), labels in triangles:
        a, b = math.radians(first), math.radians(second)
        side_ac = math.sin(b) / math.sin(a + b)
        raw = [(0.0, 0.0), (1.0, 0.0), (side_ac * math.cos(a), side_ac * math.sin(a))]
        xs, ys = [x for x, _ in raw], [y for _, y in raw]
        room = slot - 80 - (70 if exterior else 0)
        scale = min(room / (max(xs) - min(xs)), 160 / (max(ys) - min(ys)))
        shapes.append((vertex_names, labels, raw, scale, min(xs), max(ys) * scale))
    height = max(top for *_, top in shapes) + 75
    svg = figures.Svg(slot * len(triangles), height)
    for index, (vertex_names, labels, raw, scale, low_x, _) in enumerate(shapes):
        left = index * slot + 40 - low_x * scale
        placed = [(left + x * scale, height - 35 - y * scale) for x, y in raw]
        svg.polygon(placed, fill="#dbe7fb")
        sides = [math.dist(placed[1], placed[2]), math.dist(placed[2], placed[0]), math.dist(placed[0], placed[1])]
        incenter = tuple(sum(side * point[k] for side, point in zip(sides, placed)) / sum(sides) for k in (0, 1))
        cx, cy = sum(x for x, _ in placed) / 3, sum(y for _, y in placed) / 3
        for corner, (px, py) in enumerate(placed):
            others = [placed[(corner + 1) % 3], placed[(corner + 2) % 3]]
            # The label sits on the bisector, inside the triangle even when the triangle is thin.
            reach = max(20.0, min(40.0, 0.75 * math.dist((px, py), incenter)))
            _angle_mark(svg, (px, py), others[0], others[1], labels[corner], reach=reach)
            dx, dy = px - cx, py - cy
            norm = math.hypot(dx, dy) or 1
            svg.text(px + 16 * dx / norm, py + 16 * dy / norm + 5, vertex_names[corner], size=14, weight="bold")
        if exterior and len(labels) > 3:
            bx, by = placed[1]
            end = (bx + 90, by)
            svg.line(bx, by, *end, stroke_width=1.5)
            _angle_mark(svg, (bx, by), end, placed[2], labels[3], reach=40)
    return svg.render(label)


def _angle_mark(svg: figures.Svg, vertex, first, second, text_value: str, *, reach: float = 40) -> None:
    """An arc inside the angle first-vertex-second, with `text_value` written in it (no arc when there is no text)."""
    if not text_value:
        return
    vx, vy = vertex
    u = ((first[0] - vx) / math.dist(vertex, first), (first[1] - vy) / math.dist(vertex, first))
    w = ((second[0] - vx) / math.dist(vertex, second), (second[1] - vy) / math.dist(vertex, second))
    radius = min(20.0, reach * 0.6)
    sweep = 1 if u[0] * w[1] - u[1] * w[0] > 0 else 0
    svg.path(
        f"M {vx + radius * u[0]:.1f} {vy + radius * u[1]:.1f} A {radius} {radius} 0 0 {sweep} "
        f"{vx + radius * w[0]:.1f} {vy + radius * w[1]:.1f}",
        stroke=figures.FILL_DARK,
        stroke_width=1.5,
    )
    middle = (u[0] + w[0], u[1] + w[1])
    norm = math.hypot(*middle) or 1
    svg.text(vx + reach * middle[0] / norm, vy + reach * middle[1] / norm + 5, text_value, size=13, fill=figures.INK)


def _triangle_angles(rng: random.Random) -> tuple[int, int, int]:
    """Three whole-degree angles of a triangle, each at least 25° and all different."""
    while True:
        first, second = rng.randint(25, 110), rng.randint(25, 110)
        third = 180 - first - second
        if third >= 25 and len({first, second, third}) == 3:
            return first, second, third


@template("8.G.A.1b")
def angle_after_move(rng: random.Random) -> Problem:
    """Give an angle of a triangle's image after rigid motions (the third angle needs the angle sum)."""
    first, second, third = _triangle_angles(rng)
    moved = rng.choice(_RIGID_WORDS)
    asked = rng.choice(["A", "B", "C"])
    value = {"A": first, "B": second, "C": third}[asked]
    figure = _angles_figure(
        [("ABC", (first, second), (f"{first}°", f"{second}°", ""))],
        label=f"Triangle ABC with angle A marked {first}° and angle B marked {second}°",
    )
    stem = (
        f"In triangle ABC, ∠A = {first}° and ∠B = {second}°. The triangle is {moved}, making triangle A′B′C′. "
        f"What is the measure of ∠{asked}′, in degrees?"
    )
    steps = [f"∠{asked}′ is the image of ∠{asked}, and rigid motions keep angle measures the same."]
    if asked == "C":
        steps.append(f"The angles of a triangle add up to 180°: ∠C = 180° − {first}° − {second}° = {third}°.")
    steps.append(f"So ∠{asked}′ = **{value}°**.")
    hints = (
        "Match each angle of A′B′C′ to the angle of ABC it came from.",
        "A rotation, reflection or translation does not change any angle measure.",
    )
    wrong = [180 - value, value + 90, first if asked != "A" else second]
    return problem(stem, numeric(value, display=f"{value}°"), hints, _steps(*steps), wrong=wrong, figure=figure)


@template("8.G.A.1b")
def angles_kept_by_moves(rng: random.Random) -> Problem:
    """Pick the true statement about the angles of a triangle's image under a rigid motion."""
    first, second, third = _triangle_angles(rng)
    moved = rng.choice(_RIGID_WORDS)
    right = f"∠A′ = {first}°, ∠B′ = {second}° and ∠C′ = {third}°"
    wrong = [
        f"∠A′ = {third}°, ∠B′ = {second}° and ∠C′ = {first}°",
        f"∠A′ = {180 - first}°, ∠B′ = {180 - second}° and ∠C′ = {180 - third}°",
        f"∠A′ = {first + 90}°, ∠B′ = {second + 90}° and ∠C′ = {third + 90}°",
    ]
    answer = choice(rng, right, wrong)
    figure = _angles_figure(
        [("ABC", (first, second), (f"{first}°", f"{second}°", f"{third}°"))],
        label=f"Triangle ABC with angles A = {first}°, B = {second}° and C = {third}°",
    )
    stem = (
        f"Triangle ABC has ∠A = {first}°, ∠B = {second}° and ∠C = {third}°. It is {moved}, making triangle "
        f"A′B′C′. Which is true?"
    )
    solution = _steps(
        "Rotations, reflections and translations take angles to angles of the same measure; each "
        "angle keeps its letter (A goes to A′).",
        "Also, the angles of any triangle add up to 180°, which rules out angles that are all larger.",
        f"So **{right}**.",
    )
    hints = (
        "Which angle of ABC does ∠A′ come from?",
        "Does turning or flipping a triangle change how wide its angles are?",
    )
    return problem(stem, answer, hints, solution, figure=figure)


@template("8.G.A.1c")
def parallel_sides_after_move(rng: random.Random) -> Problem:
    """Name the side of a parallelogram's image that is parallel to a given side."""
    while True:
        ax, ay = rng.randint(-7, 1), rng.randint(-7, 1)
        base, shift, height = rng.randint(3, 5), rng.randint(1, 3), rng.randint(2, 4)
        vertices = [(ax, ay), (ax + base, ay), (ax + base + shift, ay + height), (ax + shift, ay + height)]
        move = _move(rng)
        image = _apply(move, vertices)
        if _inside(vertices, 7) and _inside(image, 7) and not set(vertices) & set(image):
            break
    pairs = [("AB", "DC", "A′B′", "D′C′"), ("BC", "AD", "B′C′", "A′D′")]
    side, parallel, side_image, right = rng.choice(pairs)
    options = ["A′B′", "B′C′", "D′C′", "A′D′"]
    answer = choice(
        rng,
        right,
        [option for option in options if option not in (right, side_image)]
        + ["None of them: the move can change which sides are parallel"],
    )
    figure = _shapes_figure([("ABCD", vertices), (_primed("ABCD"), image)])
    stem = (
        f"In parallelogram ABCD, side {side} is parallel to side {parallel}. ABCD is moved by {move[0]}, making "
        f"A′B′C′D′. Which side of A′B′C′D′ must be parallel to {side_image}?"
    )
    solution = _steps(
        "Rotations, reflections and translations take parallel lines to parallel lines.",
        f"{side_image} is the image of {side}, and the image of {parallel} is {right}.",
        f"So {side_image} is parallel to **{right}**.",
    )
    hints = (
        f"Which side of ABCD is parallel to {side}?",
        "Follow that side to its image: the letters get a prime mark (′).",
    )
    return problem(stem, answer, hints, solution, figure=figure)


@template("8.G.A.1c")
def slope_of_parallel_image(rng: random.Random) -> Problem:
    """Use the fact that parallel lines stay parallel to give the slope of a moved line."""
    slope = rng.choice([F(2, 3), F(3, 4), F(1, 2), F(2), F(3), F(-1, 2), F(-2), F(5, 2), F(-3, 4), F(4, 3)])
    kind = rng.choice(["translate", "rotate 180", "reflect x", "reflect y"])
    move = (
        _translation(rng.choice([n for n in range(-5, 6) if n]), rng.randint(-5, 5))
        if kind == "translate"
        else _TURNS[kind]
    )
    new_slope = -slope if kind.startswith("reflect") else slope
    stem = (
        f"Lines p and q are parallel; both have slope {_num(slope)}. Both lines are moved by {move[0]}. The image "
        f"of line p, line p′, has slope {_num(new_slope)}. What is the slope of line q′?"
    )
    figure = _grid(
        (-8, 8),
        (-8, 8),
        lines=[(_line_ends(slope, 2, (-8, 8), (-8, 8)), "p"), (_line_ends(slope, -3, (-8, 8), (-8, 8)), "q")],
        label=f"{_grid_words((-8, 8), (-8, 8))}: two parallel lines p, {_line(slope, 2)}, and q, {_line(slope, -3)}",
    )
    solution = _steps(
        "Rotations, reflections and translations take parallel lines to parallel lines, so p′ and q′ are parallel.",
        "Parallel lines have equal slopes.",
        f"So q′ has the same slope as p′: **{_num(new_slope)}**.",
    )
    hints = ("After the move, are p′ and q′ still parallel?", "Parallel lines have the same slope.")
    wrong = [slope, -new_slope if new_slope != -new_slope else slope + 1, 1 / new_slope]
    return problem(stem, numeric(new_slope), hints, solution, wrong=wrong, figure=figure)


def _congruence_options(rng: random.Random, triangle, *, allow_two: bool = True):
    """A rigid motion (or two) taking `triangle` to an image inside the grid: (words, image)."""
    while True:
        first = _move(rng)
        image = _apply(first, triangle)
        words = first[0]
        if allow_two and rng.random() < 0.35 and not first[0].startswith("a translation"):
            second = _translation(rng.choice([n for n in range(-5, 6) if n]), rng.randint(-5, 5))
            image = _apply(second, image)
            words = f"{first[0]}, then {second[0]}"
        if _inside(image) and image != triangle:
            return words, image


def _opposite_translation(words: str) -> str:
    return (
        words.replace("right", "⟨l⟩")
        .replace("left", "right")
        .replace("⟨l⟩", "left")
        .replace("up", "⟨d⟩")
        .replace("down", "up")
        .replace("⟨d⟩", "down")
    )


def _sequence_wrong_options(words: str) -> list[str]:
    """Sequences that look like `words` but do not do the same thing."""
    swaps = [
        ("x-axis", "y-axis"),
        ("y-axis", "x-axis"),
        ("counterclockwise", "clockwise"),
        ("clockwise", "counterclockwise"),
    ]
    options = []
    for old, new in swaps:
        if old in words and (old != "clockwise" or "counterclockwise" not in words):
            options.append(words.replace(old, new))
    if "translation" in words:
        options.append(_opposite_translation(words))
    options += [
        "a reflection across the x-axis",
        "a reflection across the y-axis",
        "a rotation of 180° about the origin",
        "a rotation of 90° clockwise about the origin",
    ]
    return options


def _moves_words_apply(words: str, triangle):
    """Apply a sequence written as words by `_congruence_options` or `_sequence_wrong_options`."""
    image = triangle
    for part in words.split(", then "):
        if part.startswith("a translation"):
            numbers = re.findall(r"(\d+) units? (right|left|up|down)", part)
            dx = sum(int(n) * (1 if d == "right" else -1) for n, d in numbers if d in ("right", "left"))
            dy = sum(int(n) * (1 if d == "up" else -1) for n, d in numbers if d in ("up", "down"))
            image = _apply(_translation(dx, dy), image)
        elif part.startswith("a dilation"):
            scale = F(re.search(r"scale factor (\S+)", part).group(1))
            image = _apply(_dilation(scale), image)
        else:
            image = _apply(next(move for move in _TURNS.values() if move[0] == part), image)
    return image


@template("8.G.A.2")
def congruence_sequence(rng: random.Random) -> Problem:
    """Pick the sequence of rigid motions that takes a triangle onto a congruent one."""
    triangle = _random_triangle(rng)
    words, image = _congruence_options(rng, triangle)
    candidates = [
        option
        for option in _sequence_wrong_options(words)
        if option != words and _moves_words_apply(option, triangle) != image
    ]
    wrong = distinct_wrong(words, candidates)
    if len(wrong) < 3:
        return congruence_sequence(rng)
    picked = wrong[:2] + rng.sample(wrong[2:], 1)
    right = words[0].upper() + words[1:]
    answer = choice(rng, right, [option[0].upper() + option[1:] for option in picked])
    figure = _shapes_figure([("ABC", triangle), (_primed("ABC"), image)])
    stem = (
        "Triangle ABC and triangle A′B′C′ are congruent. Which sequence of moves takes ABC onto A′B′C′, with A "
        "landing on A′, B on B′ and C on C′?"
    )
    moved = ", ".join(f"{n} {_pair(*p)} → {n}′ {_pair(*q)}" for n, p, q in zip("ABC", triangle, image))
    solution = _steps(
        f"Follow each vertex: {moved}.",
        f"{right} takes every vertex to its image, so it carries ABC onto A′B′C′. Each of the other "
        "choices lands at least one vertex somewhere else.",
        f"So the answer is **{right}**.",
    )
    hints = (
        "Pick one vertex, such as A, and check where each choice would send it.",
        "Reflection across the x-axis changes the sign of y; across the y-axis, the sign of x.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


@template("8.G.A.2")
def congruent_after_moves(rng: random.Random) -> Problem:
    """Decide whether a figure is congruent to its image after a sequence of moves that may include a dilation."""
    triangle = _random_triangle(rng, -4, 4)
    dilate = rng.random() < 0.45
    while True:
        words, image = _congruence_options(rng, triangle, allow_two=False)
        if dilate:
            scale = rng.choice([F(2), F(1, 2), F(3, 2)])
            scaled = _apply(_dilation(scale), image)
            if not all(F(v).denominator == 1 for point in scaled for v in point) or not _inside(scaled):
                continue
            words, image = f"{words}, then {_dilation(scale)[0]}", scaled
        break
    options = [
        "Yes: rotations, reflections and translations keep every length and angle the same",
        "No: the dilation changes the side lengths" if dilate else "No: a rotation changes the angles",
        "No: the triangle ends up in a different place",
        "No: the triangle is turned or flipped",
    ]
    right = options[1] if dilate else options[0]
    answer = choice(rng, right, [option for option in options if option != right])
    figure = _shapes_figure([("ABC", triangle), (_primed("ABC"), image)])
    stem = f"Triangle ABC is moved by {words}, making triangle A′B′C′. Is A′B′C′ congruent to ABC?"
    reason = (
        "A dilation with a scale factor other than 1 makes every side longer or shorter, so the triangles are "
        "similar but not congruent."
        if dilate
        else "Each move is a rotation, reflection or translation: it changes where the triangle is and which way "
        "it faces, but not its size or shape."
    )
    solution = _steps(
        "Two figures are congruent when one can be carried onto the other by rotations, reflections and translations.",
        reason,
        f"So the answer is **{right}**.",
    )
    hints = (
        "Which moves keep lengths the same, and which can change them?",
        "Position and direction do not matter for congruence; size and shape do.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


@template("8.G.A.3")
def image_coordinates(rng: random.Random) -> Problem:
    """Give the coordinates of a vertex's image under a translation, reflection, rotation or dilation."""
    while True:
        triangle = _random_triangle(rng, -4, 4)
        kind = rng.choice(["turn", "turn", "translate", "dilate"])
        if kind == "dilate":
            move = _dilation(F(rng.choice([2, 3]) if rng.random() < 0.7 else F(1, 2)))
        elif kind == "translate":
            move = _translation(rng.choice([n for n in range(-5, 6) if n]), rng.choice([n for n in range(-5, 6) if n]))
        else:
            move = _TURNS[rng.choice(list(_TURNS))]
        image = _apply(move, triangle)
        index = rng.randint(0, 2)
        x, y = triangle[index]
        if _inside(image, 9) and all(F(v).denominator == 1 for v in image[index]) and x and y and abs(x) != abs(y):
            break
    letter = "ABC"[index]
    right = _pair(*image[index])
    others = [_pair(*function(x, y)) for _, function, _ in _TURNS.values()]
    if kind == "translate":
        dx, dy = image[index][0] - x, image[index][1] - y
        others += [_pair(x + dy, y + dx), _pair(x - dx, y - dy)]
    if kind == "dilate":
        scale = image[index][0] / x
        others += [_pair(x + scale, y + scale), _pair(scale * x, y)]
    wrong = distinct_wrong(right, [option for option in others if option != right])
    answer = choice(rng, right, rng.sample(wrong, min(3, len(wrong))))
    figure = _shapes_figure([("ABC", triangle)])
    stem = f"Triangle ABC is moved by {move[0]}. What are the coordinates of {letter}′, the image of {letter}?"
    solution = _steps(
        f"{move[0][0].upper() + move[0][1:]} follows the rule {move[2]}.",
        f"{letter} is at {_pair(x, y)}, so {letter}′ is at {right}.",
        f"So {letter}′ is **{right}**.",
    )
    hints = (
        f"Write down the coordinates of {letter} first.",
        "Reflecting across an axis changes one sign; a rotation of 90° also swaps x and y; a dilation from the "
        "origin multiplies both coordinates.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


@template("8.G.A.3")
def rule_for_move(rng: random.Random) -> Problem:
    """Pick the coordinate rule that describes a move, or the move a rule describes."""
    kind = rng.choice(["turn", "turn", "translate", "dilate"])
    if kind == "translate":
        dx, dy = rng.choice([n for n in range(-6, 7) if n]), rng.choice([n for n in range(-6, 7) if n])
        move = _translation(dx, dy)
        candidates = [_translation(dy, dx), _translation(-dx, -dy), _translation(dx, -dy), _translation(-dx, dy)]
    elif kind == "dilate":
        scale = F(rng.choice([2, 3, 4]) if rng.random() < 0.7 else rng.choice([F(1, 2), F(1, 3)]))
        move = _dilation(scale)
        shift = _translation(int(scale) if scale.denominator == 1 else 1, int(scale) if scale.denominator == 1 else 1)
        candidates = [_dilation(1 / scale), shift, _TURNS["reflect x"]]
    else:
        move = _TURNS[rng.choice(list(_TURNS))]
        candidates = [other for other in _TURNS.values() if other != move]
    if rng.random() < 0.5:
        right, wrong = move[2], [candidate[2] for candidate in candidates]
        stem = f"Which rule describes {move[0]}?"
    else:
        right, wrong = move[0][0].upper() + move[0][1:], [c[0][0].upper() + c[0][1:] for c in candidates]
        stem = f"A figure is moved by the rule {move[2]}. Which move is this?"
    options = distinct_wrong(right, wrong)
    answer = choice(rng, right, rng.sample(options, min(3, len(options))))
    point = (3, 1)
    moved = move[1](*point)
    solution = _steps(
        f"Try a point: {move[0]} takes {_pair(*point)} to {_pair(*moved)}.",
        f"That matches the rule {move[2]}.",
        f"So the answer is **{right}**.",
    )
    hints = (
        "Test a point such as (3, 1): where does the move send it?",
        "Reflections change one sign, rotations of 90° swap the coordinates, dilations multiply them.",
    )
    return problem(stem, answer, hints, solution)


@template("8.G.A.4")
def similarity_sequence(rng: random.Random) -> Problem:
    """Pick the sequence (a dilation and a rigid motion) that takes a triangle onto a similar one."""
    while True:
        triangle = _random_triangle(rng, -3, 3)
        scale = F(rng.choice([2, 3]))
        rigid = _move(rng)
        dilated = _apply(_dilation(scale), triangle)
        image = _apply(rigid, dilated)
        if _inside(image, 9) and not set(image) & set(triangle):
            break
    words = f"{_dilation(scale)[0]}, then {rigid[0]}"
    candidates = [
        f"{_dilation(1 / scale)[0]}, then {rigid[0]}",
        rigid[0][0].upper() + rigid[0][1:],
        *[f"{_dilation(scale)[0]}, then {option}" for option in _sequence_wrong_options(rigid[0])],
    ]
    wrong = [
        option
        for option in distinct_wrong(words, candidates)
        if _moves_words_apply(option[0].lower() + option[1:], triangle) != image
    ]
    right = words[0].upper() + words[1:]
    answer = choice(rng, right, [option[0].upper() + option[1:] for option in wrong[:2] + wrong[2:3]])
    figure = _shapes_figure([("ABC", triangle), ("DEF", image)], limit=9)
    stem = (
        "Triangle DEF is similar to triangle ABC. Which sequence takes ABC onto DEF, with A landing on D, B on E "
        "and C on F?"
    )
    solution = _steps(
        f"Compare sizes: each side of DEF is {scale} times as long as the matching side of ABC, so a "
        f"dilation with scale factor {scale} is needed (not 1/{scale}).",
        f"Dilating from the origin takes A{_pair(*triangle[0])} to {_pair(*dilated[0])}; then "
        f"{rigid[0]} takes it to D{_pair(*image[0])}, and the same works for B and C.",
        f"So the answer is **{right}**.",
    )
    hints = (
        "Is DEF bigger or smaller than ABC, and by what factor?",
        "After the dilation, check where one vertex must go to land on its match.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


def _labelled_triangles(triangles, *, label: str) -> str:
    """Triangles side by side at one scale, each (corners, vertex names, side labels from the first vertex on)."""
    widths = [max(x for x, _ in corners) - min(x for x, _ in corners) for corners, _, _ in triangles]
    tallest = max(max(y for _, y in corners) - min(y for _, y in corners) for corners, _, _ in triangles)
    unit = min(400 / sum(widths), 170 / tallest)
    svg = figures.Svg(sum(widths) * unit + 80 * len(triangles), 240)
    offset = 40.0
    for (corners, names_text, labels), width in zip(triangles, widths):
        low_x, low_y = min(x for x, _ in corners), min(y for _, y in corners)
        placed = [(offset + (x - low_x) * unit, 215 - (y - low_y) * unit) for x, y in corners]
        offset += width * unit + 80
        svg.polygon(placed, fill="#dbe7fb")
        cx, cy = sum(x for x, _ in placed) / 3, sum(y for _, y in placed) / 3
        for index, (px, py) in enumerate(placed):
            dx, dy = px - cx, py - cy
            norm = math.hypot(dx, dy) or 1
            svg.text(px + 14 * dx / norm, py + 14 * dy / norm + 5, names_text[index], size=14, weight="bold")
            qx, qy = placed[(index + 1) % 3]
            mx, my = (px + qx) / 2, (py + qy) / 2
            dx, dy = mx - cx, my - cy
            norm = math.hypot(dx, dy) or 1
            if labels[index]:
                svg.text(mx + 16 * dx / norm, my + 16 * dy / norm + 5, labels[index], size=13)
    return svg.render(label)


@template("8.G.A.4")
def missing_side_of_similar_triangle(rng: random.Random) -> Problem:
    """Find a missing side of a triangle similar to a given one (the image of a dilation and a rigid motion)."""
    while True:
        sides = rng.sample(range(3, 13), 3)
        scale = F(rng.choice([2, 3, F(3, 2), F(5, 2), F(1, 2)]))
        if max(sides) < sum(sides) - max(sides) and all((scale * side).denominator == 1 for side in sides):
            break
    ab, bc, ca = sides
    known, asked = rng.sample([0, 1, 2], 2)
    names_first, names_second = ["AB", "BC", "CA"], ["DE", "EF", "FD"]
    value = scale * sides[asked]
    first_labels = [f"{side}" for side in sides]
    second_labels = ["", "", ""]
    second_labels[known] = _num(scale * sides[known])
    second_labels[asked] = "?"
    moved = rng.choice(
        [
            "a dilation and then a rotation",
            "a dilation and then a reflection",
            "a rotation and then a dilation",
            "a dilation and then a translation",
        ]
    )
    flip = "reflection" in moved
    label = (
        f"Triangle ABC with AB = {ab}, BC = {bc}, CA = {ca}; triangle DEF with {names_second[known]} = "
        f"{second_labels[known]} and {names_second[asked]} marked ?"
    )
    corners = _triangle_from_sides(bc, ca, ab)
    image = [(float(scale) * (-x if flip else x), float(scale) * y) for x, y in corners]
    figure = _labelled_triangles([(corners, "ABC", first_labels), (image, "DEF", second_labels)], label=label)
    stem = (
        f"Triangle DEF is the image of triangle ABC after {moved}, with A → D, B → E and C → F. "
        f"AB = {ab}, BC = {bc} and CA = {ca}. {names_second[known]} = {_num(scale * sides[known])}. What is "
        f"{names_second[asked]}?"
    )
    solution = _steps(
        "The triangles are similar, so every side is multiplied by the same scale factor.",
        f"{names_second[known]} matches {names_first[known]}: scale factor = "
        f"{_num(scale * sides[known])} ÷ {sides[known]} = {_num(scale)}.",
        f"{names_second[asked]} matches {names_first[asked]}: {sides[asked]} {TIMES} {_num(scale)} = {_num(value)}.",
        f"So {names_second[asked]} = **{_num(value)}**.",
    )
    hints = (
        "Match the sides by their letters: AB ↔ DE, BC ↔ EF, CA ↔ FD.",
        "Find the scale factor from the pair of sides you know both of, then multiply.",
    )
    wrong = [sides[asked] + scale * sides[known] - sides[known], sides[asked] / scale, scale * sides[known]]
    return problem(stem, numeric(value), hints, solution, wrong=wrong, figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 8.G.A.5 Angle facts


@template("8.G.A.5")
def triangle_angle_sum(rng: random.Random) -> Problem:
    """Find the third angle of a triangle from the other two."""
    first, second, third = _triangle_angles(rng)
    figure = _angles_figure(
        [("PQR", (first, second), (f"{first}°", f"{second}°", "x°"))],
        label=f"Triangle PQR with angle P marked {first}°, angle Q marked {second}° and angle R marked x°",
    )
    stem = f"In triangle PQR, ∠P = {first}° and ∠Q = {second}°. What is x, the measure of ∠R in degrees?"
    solution = _steps(
        "The three angles of a triangle add up to 180°: three copies of a triangle fit together along a straight line.",
        f"x = 180 − {first} − {second} = {third}.",
        f"So ∠R = **{third}°**.",
    )
    hints = ("What do the angles of every triangle add up to?", "Subtract both known angles from that total.")
    wrong = [360 - first - second, first + second, 90 - first if first < 90 else 180 - first]
    return problem(stem, numeric(third, display=f"{third}°"), hints, solution, wrong=wrong, figure=figure)


@template("8.G.A.5")
def exterior_angle(rng: random.Random) -> Problem:
    """Use the exterior angle of a triangle: it equals the sum of the two interior angles not next to it."""
    first, second, third = _triangle_angles(rng)
    exterior = 180 - second
    ask_exterior = rng.random() < 0.5
    if ask_exterior:
        labels = (f"{first}°", "", f"{third}°", "x°")
        stem = (
            f"Side AB of triangle ABC is extended past B. ∠A = {first}° and ∠C = {third}°. What is x, the exterior "
            f"angle at B, in degrees?"
        )
        value = exterior
        steps = [
            "An exterior angle equals the sum of the two interior angles that are not next to it (together with "
            "∠B it makes a straight line, and so does ∠A + ∠C).",
            f"x = {first} + {third} = {exterior}.",
        ]
        wrong = [180 - exterior, 180 - first - third + 90, first]
        words = f"angle A marked {first}°, angle C marked {third}° and the exterior angle at B marked x°"
    else:
        labels = (f"{first}°", "", "x°", f"{exterior}°")
        stem = (
            f"Side AB of triangle ABC is extended past B. The exterior angle at B is {exterior}° and ∠A = "
            f"{first}°. What is x, the measure of ∠C in degrees?"
        )
        value = third
        steps = ["The exterior angle at B equals ∠A + ∠C.", f"So x = {exterior} − {first} = {third}."]
        wrong = [exterior + first, 180 - exterior, 180 - first]
        words = f"angle A marked {first}°, angle C marked x° and the exterior angle at B marked {exterior}°"
    steps.append(f"The answer is **{value}°**.")
    figure = _angles_figure(
        [("ABC", (first, second), labels)], exterior=True, label=f"Triangle ABC with side AB extended past B; {words}"
    )
    hints = (
        "The exterior angle and the interior angle next to it make a straight line, 180°.",
        "An exterior angle of a triangle equals the sum of the two far interior angles.",
    )
    return problem(stem, numeric(value, display=f"{value}°"), hints, _steps(*steps), wrong=wrong, figure=figure)


def _transversal_figure(degrees: int) -> str:
    """Two parallel lines cut by a transversal, with the angles at the crossings numbered 1 to 8."""
    svg = figures.Svg(380, 240)
    top, bottom = 80, 170
    run = (bottom - top) / math.tan(math.radians(degrees))
    upper_x = 200 + run / 2
    lower_x = 200 - run / 2
    for y in (top, bottom):
        svg.line(20, y, 360, y, stroke_width=2)
        svg.polyline([(330, y - 6), (338, y), (330, y + 6)], stroke_width=2)
    stretch = 60 / math.tan(math.radians(degrees))
    svg.line(lower_x - stretch, bottom + 60, upper_x + stretch, top - 60, stroke=figures.FILL_DARK, stroke_width=2)
    half = math.radians(degrees) / 2
    # Numbers sit on the bisectors of the four angles at each crossing (y grows downward in SVG).
    spots = [math.pi / 2 + half, half, math.pi + half, 3 * math.pi / 2 + half]
    for base, (cx, cy) in ((0, (upper_x, top)), (4, (lower_x, bottom))):
        for index, angle in enumerate(spots):
            svg.text(
                cx + 24 * math.cos(angle), cy - 24 * math.sin(angle) + 5, str(base + index + 1), size=13, weight="bold"
            )
    return svg.render(
        "Two parallel horizontal lines cut by a transversal that rises to the right. At the upper "
        "crossing the angles are numbered 1 (above the line, left of the transversal), 2 (above, right), "
        "3 (below, left) and 4 (below, right); at the lower crossing 5, 6, 7 and 8 in the same places"
    )


_ANGLE_PAIRS = {
    frozenset({1, 4}): "vertical angles",
    frozenset({2, 3}): "vertical angles",
    frozenset({5, 8}): "vertical angles",
    frozenset({6, 7}): "vertical angles",
    frozenset({1, 5}): "corresponding angles",
    frozenset({2, 6}): "corresponding angles",
    frozenset({3, 7}): "corresponding angles",
    frozenset({4, 8}): "corresponding angles",
    frozenset({3, 6}): "alternate interior angles",
    frozenset({4, 5}): "alternate interior angles",
    frozenset({1, 8}): "alternate exterior angles",
    frozenset({2, 7}): "alternate exterior angles",
    frozenset({3, 5}): "same-side interior angles",
    frozenset({4, 6}): "same-side interior angles",
}


@template("8.G.A.5")
def parallel_lines_transversal(rng: random.Random) -> Problem:
    """Find an angle made by parallel lines and a transversal from another one."""
    degrees = rng.choice(range(40, 81, 5))
    acute = {2, 3, 6, 7}
    given, asked = rng.choice([sorted(pair) for pair in _ANGLE_PAIRS] + [[1, 2], [5, 6], [3, 4], [7, 8]])
    if rng.random() < 0.5:
        given, asked = asked, given
    value_given = degrees if given in acute else 180 - degrees
    same = (given in acute) == (asked in acute)
    value = value_given if same else 180 - value_given
    relation = _ANGLE_PAIRS.get(frozenset({given, asked}), "a linear pair (they make a straight line)")
    figure = _transversal_figure(degrees)
    stem = (
        f"Two parallel lines are cut by a transversal. ∠{given} measures {value_given}°. What is the measure of "
        f"∠{asked}, in degrees?"
    )
    rule = "They are equal." if same else "They add up to 180°."
    solution = _steps(
        f"∠{given} and ∠{asked} are {relation}. {rule}",
        f"∠{asked} = {value_given}°" + ("." if same else f" subtracted from 180°: 180 − {value_given} = {value}."),
        f"So ∠{asked} = **{value}°**.",
    )
    hints = (
        "Find where the two angles are: at the same crossing or at different crossings, and on which sides of "
        "the lines.",
        "When parallel lines are cut by a transversal, every angle is equal to the given one or adds with it to 180°.",
    )
    return problem(
        stem,
        numeric(value, display=f"{value}°"),
        hints,
        solution,
        wrong=[180 - value, 90 - value if value < 90 else value - 90, 360 - value],
        figure=figure,
    )


@template("8.G.A.5")
def angle_angle_similarity(rng: random.Random) -> Problem:
    """Decide whether two triangles are similar from two angles of each (the angle-angle criterion)."""
    first, second, third = _triangle_angles(rng)
    similar = rng.random() < 0.5
    if similar:
        other = rng.sample([first, second, third], 2)
    else:
        shift = rng.choice([-5, 5, 10, -10])
        other = [first, second + shift]
        if other[1] == third or 180 - sum(other) in (first, second, third) or 180 - sum(other) < 20:
            other = [first, third + shift]
        if sorted([*other, 180 - sum(other)]) == sorted([first, second, third]):
            return angle_angle_similarity(rng)
    options = [
        "Yes: two pairs of angles are equal, so the third pair is equal too",
        "No: the triangles do not have the same three angles",
        "No: you would need to know the side lengths",
        "Yes: all triangles are similar",
    ]
    right = options[0] if similar else options[1]
    answer = choice(rng, right, [option for option in options if option != right])
    third_other = 180 - sum(other)
    figure = _angles_figure(
        [
            ("ABC", (first, second), (f"{first}°", f"{second}°", "")),
            ("DEF", (other[0], other[1]), (f"{other[0]}°", f"{other[1]}°", "")),
        ],
        label=f"Triangle ABC with angles A = {first}° and B = {second}°; triangle DEF with angles D = {other[0]}° and "
        f"E = {other[1]}°",
    )
    stem = (
        f"Triangle ABC has ∠A = {first}° and ∠B = {second}°. Triangle DEF has ∠D = {other[0]}° and "
        f"∠E = {other[1]}°. Are the triangles similar?"
    )
    solution = _steps(
        f"Third angles: ∠C = 180° − {first}° − {second}° = {third}° and ∠F = 180° − {other[0]}° − "
        f"{other[1]}° = {third_other}°.",
        f"ABC has angles {first}°, {second}°, {third}°; DEF has {other[0]}°, {other[1]}°, {third_other}°.",
        (
            "The same three angles: two triangles with two pairs of equal angles are similar (AA)."
            if similar
            else "The angles are not the same, so no dilation and moves can match them."
        ),
        f"So the answer is **{right}**.",
    )
    hints = (
        "Find the third angle of each triangle: the angles add up to 180°.",
        "Triangles are similar when their angles match, even if the sides are different sizes.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 8.G.B.6 to 8.G.B.8 The Pythagorean theorem

_TRIPLES = ((3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41), (12, 35, 37))


def _triple(rng: random.Random, largest: int = 60) -> tuple[int, int, int]:
    """A Pythagorean triple (legs a, b and hypotenuse c), perhaps scaled, with c at most `largest`."""
    options = [(k * a, k * b, k * c) for a, b, c in _TRIPLES for k in range(1, 11) if k * c <= largest]
    a, b, c = rng.choice(options)
    return (a, b, c) if rng.random() < 0.5 else (b, a, c)


def _right_triangle_figure(a_label: str, b_label: str, c_label: str, a: float, b: float, *, label: str) -> str:
    """A right triangle with legs a (across the bottom) and b (up the side), its sides labelled."""
    return figures.polygon_figure(
        [(0, 0), (a, 0), (0, b)], side_labels=[a_label, c_label, b_label], label=label, right_angles=[0]
    )


@template("8.G.B.6")
def converse_of_pythagorean_theorem(rng: random.Random) -> Problem:
    """Use the converse of the Pythagorean theorem to decide whether three lengths make a right triangle."""
    a, b, c = _triple(rng, 40)
    right_triangle = rng.random() < 0.5
    if not right_triangle:
        c += rng.choice([-1, 1])
        if c <= max(a, b):
            c = max(a, b) + 1
    sides = [a, b, c]
    rng.shuffle(sides)
    short, middle, long = sorted(sides)
    squares = f"{short}<sup>2</sup> + {middle}<sup>2</sup>"
    options = [
        f"Yes, because {squares} = {long}<sup>2</sup>",
        f"No, because {squares} ≠ {long}<sup>2</sup>",
        f"Yes, because {short} + {middle} > {long}",
        "You cannot tell without measuring an angle",
    ]
    correct = options[0] if right_triangle else options[1]
    answer = choice(rng, correct, [option for option in options if option != correct])
    corners = _triangle_from_sides(float(sides[1]), float(sides[2]), float(sides[0]))
    figure = figures.polygon_figure(
        corners,
        side_labels=[str(sides[0]), str(sides[1]), str(sides[2])],
        label=f"A triangle with sides {sides[0]}, {sides[1]} and {sides[2]}; no angle is marked",
    )
    stem = f"A triangle has sides of length {sides[0]}, {sides[1]} and {sides[2]}. Is it a right triangle?"
    total = short**2 + middle**2
    solution = _steps(
        "By the converse of the Pythagorean theorem, a triangle is a right triangle exactly when the "
        "squares of the two shorter sides add up to the square of the longest side.",
        f"{squares} = {short**2} + {middle**2} = {total}, and {long}<sup>2</sup> = {long**2}.",
        f"{total} {'=' if right_triangle else '≠'} {long**2}, so the answer is **{correct}**.",
    )
    hints = (
        "Which side would be the hypotenuse? It is always the longest side.",
        "Compare the sum of the squares of the two shorter sides with the square of the longest side.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


def _proof_figure(a: int, b: int) -> str:
    """A square of side a + b with a right triangle (legs a and b) in each corner and a tilted square inside."""
    size = 240
    unit = size / (a + b)
    x0 = y0 = 30
    svg = figures.Svg(size + 60, size + 60)
    svg.rect(x0, y0, size, size, fill="#dbe7fb")
    inner = [(x0 + a * unit, y0), (x0 + size, y0 + a * unit), (x0 + b * unit, y0 + size), (x0, y0 + b * unit)]
    svg.polygon(inner, fill="#f9dcc0", stroke=figures.INK)
    svg.text(x0 + a * unit / 2, y0 - 8, f"a = {a}", size=12)
    svg.text(x0 + a * unit + b * unit / 2, y0 - 8, f"b = {b}", size=12)
    svg.text(x0 + size / 2, y0 + size / 2 + 5, "c²", size=16, weight="bold")
    return svg.render(
        f"A square with sides of length a + b = {a} + {b}. In each corner is a right triangle with legs "
        f"a = {a} and b = {b}; the four hypotenuses, each of length c, make a tilted square in the "
        f"middle"
    )


@template("8.G.B.6")
def pythagorean_proof_by_area(rng: random.Random) -> Problem:
    """Follow the area proof of the Pythagorean theorem: find the area of the tilted square inside a big square."""
    a, b = rng.sample(range(1, 10), 2)
    big = (a + b) ** 2
    triangles = 4 * F(a * b, 2)
    value = big - triangles
    figure = _proof_figure(a, b)
    stem = (
        f"A big square has sides of length {a} + {b} = {a + b}. Four right triangles with legs {a} and {b} sit in "
        f"its corners, and their hypotenuses make a tilted square in the middle. What is the area of the tilted "
        f"square?"
    )
    solution = _steps(
        f"Area of the big square: {a + b}<sup>2</sup> = {big}.",
        f"Each triangle has area {a} {TIMES} {b} ÷ 2 = {_num(F(a * b, 2))}, so the four have {_num(triangles)} in all.",
        f"The tilted square is what is left: {big} − {_num(triangles)} = {_num(value)}.",
        f"That is {a}<sup>2</sup> + {b}<sup>2</sup> = {a * a} + {b * b}: the square on the hypotenuse "
        f"equals the sum of the squares on the legs. The area is **{_num(value)}**.",
    )
    hints = (
        "Find the area of the big square, then take away the four triangles.",
        "The area of a right triangle is half of leg times leg.",
    )
    wrong = [big, big - 4 * a * b, big - F(a * b, 2)]
    return problem(stem, numeric(value), hints, solution, wrong=wrong, figure=figure)


@template("8.G.B.7")
def hypotenuse_or_leg(rng: random.Random) -> Problem:
    """Find the hypotenuse or a leg of a right triangle with the Pythagorean theorem."""
    a, b, c = _triple(rng)
    unit = rng.choice(["cm", "m", "in", "ft"])
    ask_leg = rng.random() < 0.5
    if ask_leg:
        labels = (f"{a} {unit}", "?", f"{c} {unit}")
        stem = f"A right triangle has a hypotenuse of {c} {unit} and one leg of {a} {unit}. How long is the other leg?"
        value = b
        steps = [
            f"a<sup>2</sup> + b<sup>2</sup> = c<sup>2</sup>, so {a}<sup>2</sup> + b<sup>2</sup> = {c}<sup>2</sup>.",
            f"b<sup>2</sup> = {c * c} − {a * a} = {b * b}.",
            f"b = √{b * b} = {b}.",
        ]
        wrong = [c - a, c * c - a * a, math.isqrt(c * c + a * a) if _isqrt_exact(c * c + a * a) else c + a]
        words = f"a leg of {a} {unit}, the other leg marked ?, and the hypotenuse {c} {unit}"
    else:
        labels = (f"{a} {unit}", f"{b} {unit}", "?")
        stem = f"A right triangle has legs of {a} {unit} and {b} {unit}. How long is the hypotenuse?"
        value = c
        steps = [
            f"a<sup>2</sup> + b<sup>2</sup> = c<sup>2</sup>: {a}<sup>2</sup> + {b}<sup>2</sup> = {a * a} + "
            f"{b * b} = {c * c}.",
            f"c = √{c * c} = {c}.",
        ]
        wrong = [a + b, c * c, F(a + b, 2) if (a + b) % 2 == 0 else a * b]
        words = f"legs of {a} {unit} and {b} {unit}, and the hypotenuse marked ?"
    steps.append(f"So the length is **{value} {unit}**.")
    figure = _right_triangle_figure(labels[0], labels[1], labels[2], a, b, label=f"A right triangle with {words}")
    hints = (
        "The Pythagorean theorem: leg<sup>2</sup> + leg<sup>2</sup> = hypotenuse<sup>2</sup>.",
        "The hypotenuse is the longest side, across from the right angle.",
    )
    return problem(stem, numeric(value, unit=unit), hints, _steps(*steps), wrong=wrong, figure=figure)


_PYTHAGORAS_STORIES = (
    (
        "A {c}-foot ladder leans against a wall. Its foot is {a} feet from the wall. How high up the wall does the "
        "ladder reach?",
        "b",
        "ft",
        ("ground", "wall", "ladder"),
    ),
    (
        "A TV screen is {a} inches wide and {b} inches tall. How long is its diagonal?",
        "c",
        "in",
        ("width", "height", "diagonal"),
    ),
    (
        "{p} walks {a} m east and then {b} m north. How far is {p} from the starting point, in a straight line?",
        "c",
        "m",
        ("east", "north", "straight line"),
    ),
    (
        "A ramp is {c} feet long and rises to a platform {b} feet high. How far along the ground does the ramp reach?",
        "a",
        "ft",
        ("ground", "height", "ramp"),
    ),
    (
        "A rectangular park is {a} m long and {b} m wide. How long is a path straight across it from one corner to the "
        "opposite corner?",
        "c",
        "m",
        ("length", "width", "path"),
    ),
)


@template("8.G.B.7")
def pythagorean_word_problem(rng: random.Random) -> Problem:
    """Solve a real-world problem with the Pythagorean theorem (ladders, screens, ramps, walks)."""
    story, asked, unit, parts = rng.choice(_PYTHAGORAS_STORIES)
    a, b, c = _triple(rng, 50)
    value = {"a": a, "b": b, "c": c}[asked]
    stem = story.format(a=a, b=b, c=c, p=name(rng))
    if asked == "c":
        steps = [
            f"The {parts[2]} is the hypotenuse: c<sup>2</sup> = {a}<sup>2</sup> + {b}<sup>2</sup> = {a * a} + "
            f"{b * b} = {c * c}.",
            f"c = √{c * c} = {c}.",
        ]
        wrong = [a + b, c * c, abs(b - a)]
    else:
        known = b if asked == "a" else a
        steps = [
            f"The {parts[2]} is the hypotenuse, {c} {unit}: leg<sup>2</sup> = {c}<sup>2</sup> − "
            f"{known}<sup>2</sup> = {c * c} − {known * known} = {value * value}.",
            f"leg = √{value * value} = {value}.",
        ]
        wrong = [c - known, c + known, c * c - known * known]
    steps.append(f"So the answer is **{value} {unit}**.")
    labels = [
        f"{a} {unit}" if asked != "a" else "?",
        f"{c} {unit}" if asked != "c" else "?",
        f"{b} {unit}" if asked != "b" else "?",
    ]
    figure = figures.polygon_figure(
        [(0, 0), (a, 0), (0, b)],
        side_labels=labels,
        right_angles=[0],
        label=f"A right triangle: {parts[0]} {labels[0]}, {parts[1]} {labels[2]}, {parts[2]} {labels[1]}",
    )
    hints = (
        "Draw the right triangle: which side is across from the right angle?",
        "Use a<sup>2</sup> + b<sup>2</sup> = c<sup>2</sup>, where c is the hypotenuse.",
    )
    return problem(stem, numeric(value, unit=unit), hints, _steps(*steps), wrong=wrong, figure=figure)


# Boxes whose space diagonals are whole numbers: (length, width, height, diagonal).
_BOXES = (
    (1, 2, 2, 3),
    (2, 3, 6, 7),
    (1, 4, 8, 9),
    (4, 4, 7, 9),
    (2, 6, 9, 11),
    (6, 6, 7, 11),
    (3, 4, 12, 13),
    (2, 10, 11, 15),
    (2, 5, 14, 15),
    (8, 9, 12, 17),
    (1, 12, 12, 17),
    (6, 10, 15, 19),
)


@template("8.G.B.7", difficulty=STRETCH)
def diagonal_of_a_box(rng: random.Random) -> Problem:
    """Find the diagonal of a rectangular box, using the Pythagorean theorem twice (three dimensions)."""
    length, width, height, diagonal = rng.choice(_BOXES)
    scale = rng.choice([1, 1, 2, 3]) if diagonal <= 11 else 1
    length, width, height, diagonal = (scale * n for n in (length, width, height, diagonal))
    unit = rng.choice(["in", "cm"])
    floor = length * length + width * width
    figure = figures.prism(f"{length} {unit}", f"{width} {unit}", f"{height} {unit}")
    stem = (
        f"A box is {length} {unit} long, {width} {unit} wide and {height} {unit} tall. How long is the longest "
        f"straight rod that fits inside, from a bottom corner to the opposite top corner?"
    )
    floor_text = _isqrt_exact(floor)
    solution = _steps(
        f"The diagonal of the bottom: d<sup>2</sup> = {length}<sup>2</sup> + {width}<sup>2</sup> = "
        f"{floor}" + (f", so d = {floor_text}." if floor_text else f" (d = √{floor})."),
        f"The rod is the hypotenuse of a right triangle with legs d and the height: "
        f"r<sup>2</sup> = d<sup>2</sup> + {height}<sup>2</sup> = {floor} + {height * height} = "
        f"{diagonal * diagonal}.",
        f"r = √{diagonal * diagonal} = **{diagonal} {unit}**.",
    )
    hints = (
        "First find the diagonal across the bottom of the box.",
        "Then that diagonal and the height are the legs of a second right triangle.",
    )
    wrong = [length + width + height, diagonal * diagonal, max(length, width, height)]
    return problem(stem, numeric(diagonal, unit=unit), hints, solution, wrong=wrong, figure=figure)


def _distance_figure(first, second) -> str:
    label = (
        f"{_grid_words((-8, 8), (-8, 8))}, with point P at {_pair(*first)} and point Q at {_pair(*second)}, "
        "joined by a segment"
    )
    return _grid(
        (-8, 8),
        (-8, 8),
        lines=[([first, second], "")],
        points=[("P", *first), ("Q", *second)],
        dashed=[(first, (second[0], first[1])), ((second[0], first[1]), second)],
        label=label,
    )


def _distance_points(rng: random.Random, across: int, up: int) -> tuple[tuple[int, int], tuple[int, int]]:
    while True:
        sign_x, sign_y = rng.choice([1, -1]), rng.choice([1, -1])
        px, py = rng.randint(-8, 8), rng.randint(-8, 8)
        qx, qy = px + sign_x * across, py + sign_y * up
        if -8 <= qx <= 8 and -8 <= qy <= 8 and py != 0 and qx != 0:
            return (px, py), (qx, qy)


@template("8.G.B.8")
def distance_between_points(rng: random.Random) -> Problem:
    """Find the distance between two points on the coordinate plane with the Pythagorean theorem."""
    across, up, distance = rng.choice(
        [
            (3, 4, 5),
            (4, 3, 5),
            (6, 8, 10),
            (8, 6, 10),
            (5, 12, 13),
            (12, 5, 13),
            (9, 12, 15),
            (12, 9, 15),
            (8, 15, 17),
            (15, 8, 17),
        ]
    )
    first, second = _distance_points(rng, across, up)
    stem = f"What is the distance between P{_pair(*first)} and Q{_pair(*second)}?"
    solution = _steps(
        f"Make a right triangle: across {plural(across, 'unit')} (from x = {_num(first[0])} to "
        f"x = {_num(second[0])}) and up or down {plural(up, 'unit')}.",
        f"distance<sup>2</sup> = {across}<sup>2</sup> + {up}<sup>2</sup> = {across**2} + {up**2} = {distance**2}.",
        f"distance = √{distance**2} = **{distance}**.",
    )
    hints = (
        "Draw a right triangle with PQ as its hypotenuse: find how far across and how far up.",
        "Then use a<sup>2</sup> + b<sup>2</sup> = c<sup>2</sup>.",
    )
    return problem(
        stem,
        numeric(distance),
        hints,
        solution,
        wrong=[across + up, distance**2, abs(across - up)],
        figure=_distance_figure(first, second),
    )


@template("8.G.B.8")
def distance_to_nearest_tenth(rng: random.Random) -> Problem:
    """Find a distance on the coordinate plane that is not a whole number, to the nearest tenth."""
    while True:
        across, up = rng.randint(1, 9), rng.randint(1, 9)
        total = across**2 + up**2
        if _isqrt_exact(total) is None:
            break
    first, second = _distance_points(rng, across, up)
    value = _sqrt_to_tenth(total)
    stem = f"What is the distance between P{_pair(*first)} and Q{_pair(*second)}? Round to the nearest tenth."
    solution = _steps(
        f"Across: {plural(across, 'unit')}. Up or down: {plural(up, 'unit')}.",
        f"distance<sup>2</sup> = {across}<sup>2</sup> + {up}<sup>2</sup> = {across**2} + {up**2} = "
        f"{total}, so the distance is √{total}.",
        f"√{total} ≈ **{_num(value)}**.",
    )
    hints = (
        "Make a right triangle with PQ as its hypotenuse.",
        "Estimate the square root: which whole numbers is it between?",
    )
    wrong = [across + up, total, D(math.isqrt(total))]
    return problem(
        stem, numeric(value, tolerance="0.05"), hints, solution, wrong=wrong, figure=_distance_figure(first, second)
    )


# ---------------------------------------------------------------------------------------------------------
# 8.G.C.9 Volumes of cylinders, cones and spheres


def _solid_figure(kind: str, radius_label: str, height_label: str, *, label: str) -> str:
    """A cylinder, cone or sphere with its radius (and height) drawn and labelled."""
    svg = figures.Svg(260, 240)
    cx, rx, ry = 130, 80, 20
    if kind == "sphere":
        svg.circle(cx, 120, 90, fill="#dbe7fb")
        svg.path(f"M {cx - 90} 120 A 90 22 0 0 0 {cx + 90} 120", stroke=figures.MUTED, stroke_width=1.2)
        svg.line(cx, 120, cx + 90, 120, stroke_width=2)
        svg.circle(cx, 120, 3, fill=figures.INK)
        svg.text(cx + 45, 112, radius_label, size=13)
        return svg.render(label)
    top, bottom = 40, 200
    if kind == "cylinder":
        svg.path(
            f"M {cx - rx} {top} L {cx - rx} {bottom} A {rx} {ry} 0 0 0 {cx + rx} {bottom} L {cx + rx} {top}",
            fill="#dbe7fb",
        )
        svg.path(
            f"M {cx - rx} {top} A {rx} {ry} 0 1 0 {cx + rx} {top} A {rx} {ry} 0 1 0 {cx - rx} {top}", fill="#c7d8f5"
        )
        svg.line(cx, top, cx + rx, top, stroke_width=2)
        svg.text(cx + rx / 2, top + 15, radius_label, size=13)
    else:
        svg.path(f"M {cx} {top} L {cx - rx} {bottom} A {rx} {ry} 0 0 0 {cx + rx} {bottom} Z", fill="#dbe7fb")
        svg.path(
            f"M {cx - rx} {bottom} A {rx} {ry} 0 0 1 {cx + rx} {bottom}",
            stroke=figures.MUTED,
            stroke_width=1,
            fill="none",
        )
        svg.line(cx, bottom, cx + rx, bottom, stroke_width=2)
        svg.text(cx + rx / 2, bottom - 6, radius_label, size=13)
    svg.line(cx, top, cx, bottom, stroke=figures.MUTED, stroke_width=1.5, dash="5 4")
    if kind == "cylinder":
        svg.text(cx - 12, (top + bottom) / 2, height_label, size=13, anchor="end")
    else:
        # Beside the cone's slanted edge, a third of the way down, where there is room outside it.
        svg.text(cx - rx / 3 - 10, top + (bottom - top) / 3, height_label, size=13, anchor="end")
    return svg.render(label)


_PI = D("3.14")
_UNIT_WORDS = {"cm": "centimeters", "in": "inches", "m": "meters", "ft": "feet"}


def _pi_text(factor: Fraction) -> str:
    """ "36π", "(256/3)π"."""
    return f"{_num(factor)}π" if factor.denominator == 1 else f"({_num(factor)})π"


def _volume_problem(rng: random.Random, kind: str) -> Problem:
    """The volume of a cylinder, cone or sphere, in terms of π or with π ≈ 3.14."""
    unit = rng.choice(["cm", "in", "m", "ft"])
    in_pi = rng.random() < 0.55
    # With 3.14 a sphere's radius is a multiple of 3, so that (4/3)r³ is whole and the answer exact.
    radius = rng.randint(2, 9) if kind != "sphere" else rng.choice([3, 6, 9, 2, 4, 5] if in_pi else [3, 6, 9])
    height = rng.randint(2, 15)
    if kind == "cone" and (radius * radius * height) % 3:
        height = 3 * rng.randint(1, 5)
    give_diameter = kind != "sphere" and rng.random() < 0.3
    factor = {
        "cylinder": F(radius * radius * height),
        "cone": F(radius * radius * height, 3),
        "sphere": F(4 * radius**3, 3),
    }[kind]
    formula = {
        "cylinder": "V = πr<sup>2</sup>h",
        "cone": "V = (1/3)πr<sup>2</sup>h",
        "sphere": "V = (4/3)πr<sup>3</sup>",
    }[kind]
    in_terms = _pi_text(factor)
    work = {
        "cylinder": f"π {TIMES} {radius}<sup>2</sup> {TIMES} {height} = {in_terms}",
        "cone": f"(1/3) {TIMES} π {TIMES} {radius}<sup>2</sup> {TIMES} {height} = {in_terms}",
        "sphere": f"(4/3) {TIMES} π {TIMES} {radius}<sup>3</sup> = {in_terms}",
    }[kind]
    size = f"a diameter of {2 * radius} {unit}" if give_diameter else f"a radius of {radius} {unit}"
    shape = {
        "cylinder": f"A cylinder has {size} and a height of {height} {unit}.",
        "cone": f"A cone has {size} and a height of {height} {unit}.",
        "sphere": f"A ball (a sphere) has {size}.",
    }[kind]
    slips = {
        "cylinder": [F(radius * height), F(4 * radius * radius * height)],
        "cone": [F(radius * radius * height), F(radius * height, 3)],
        "sphere": [F(radius**3), F(4 * radius * radius, 3)],
    }[kind]
    if give_diameter:
        slips.append(factor * 4)
    steps = []
    if give_diameter:
        steps.append(f"The radius is half the diameter: {2 * radius} ÷ 2 = {radius} {unit}.")
    steps.append(f"{formula} = {work}.")
    if in_pi:
        value = factor
        question = (
            f"Find its volume in terms of π. The volume is ☐π cubic {_UNIT_WORDS[unit]}; what number goes in the box?"
        )
        steps.append(f"So the volume is {in_terms} {unit}<sup>3</sup>: the number in the box is **{_num(factor)}**.")
        answer = numeric(value)
        wrong = slips
    else:
        value = _PI * factor.numerator
        question = (
            f"Find its volume in cubic {_UNIT_WORDS[unit]}, using 3.14 for π. You may round to the nearest "
            "whole number."
        )
        steps.append(f"With π ≈ 3.14: {_num(factor)} {TIMES} 3.14 ≈ **{_num(value)}** {unit}<sup>3</sup>.")
        answer = numeric(value, tolerance="0.5")
        wrong = [F(_PI) * slip for slip in slips]
    figure = _solid_figure(
        kind,
        f"{2 * radius} {unit} across" if give_diameter else f"r = {radius} {unit}",
        f"h = {height} {unit}",
        label=shape,
    )
    hints = (
        f"The volume formula is {formula}.",
        "Use the radius, not the diameter; square (or cube) the radius before multiplying.",
    )
    return problem(f"{shape} {question}", answer, hints, _steps(*steps), wrong=wrong, figure=figure)


@template("8.G.C.9")
def cylinder_volume(rng: random.Random) -> Problem:
    """Find the volume of a cylinder, in terms of π or with 3.14."""
    return _volume_problem(rng, "cylinder")


@template("8.G.C.9")
def cone_volume(rng: random.Random) -> Problem:
    """Find the volume of a cone, in terms of π or with 3.14."""
    return _volume_problem(rng, "cone")


@template("8.G.C.9")
def sphere_volume(rng: random.Random) -> Problem:
    """Find the volume of a sphere, in terms of π or with 3.14."""
    return _volume_problem(rng, "sphere")


@template("8.G.C.9", difficulty=STRETCH)
def missing_dimension_from_volume(rng: random.Random) -> Problem:
    """Work back from a volume given in terms of π to a height or a radius."""
    kind = rng.choice(["cylinder", "cone", "sphere"])
    unit = rng.choice(["cm", "in", "m"])
    if kind == "sphere":
        radius = rng.choice([3, 6, 9, 3, 6])
        factor = F(4 * radius**3, 3)
        stem = (
            f"A sphere has a volume of {_num(factor)}π {unit}<sup>3</sup>. What is its radius, in {_UNIT_WORDS[unit]}?"
        )
        value = radius
        steps = [
            f"(4/3)πr<sup>3</sup> = {_num(factor)}π, so r<sup>3</sup> = {_num(factor)} {TIMES} 3/4 = {radius**3}.",
            f"r = ∛{radius**3} = {radius}.",
        ]
        wrong = [radius**2, F(radius**3, 3), 3 * radius]
        figure = _solid_figure("sphere", "r = ?", "", label="A sphere with its radius marked ?")
    else:
        radius, height = rng.randint(2, 8), rng.randint(2, 15)
        factor = F(radius * radius * height, 3 if kind == "cone" else 1)
        stem = (
            f"A {kind} has a radius of {radius} {unit} and a volume of {_num(factor)}π {unit}<sup>3</sup>. What "
            f"is its height, in {_UNIT_WORDS[unit]}?"
        )
        value = height
        third = "(1/3)" if kind == "cone" else ""
        steps = [
            f"{third}πr<sup>2</sup>h = {_num(factor)}π with r = {radius}: {third}{' × ' if third else ''}"
            f"{radius * radius}h = {_num(factor)}.",
            f"h = {_num(factor)} {'× 3 ' if kind == 'cone' else ''}÷ {radius * radius} = {height}.",
        ]
        wrong = [factor / (radius * radius) if kind == "cone" else F(factor, 2 * radius), factor / radius, factor]
        figure = _solid_figure(
            kind, f"r = {radius} {unit}", "h = ?", label=f"A {kind} with radius {radius} {unit} and its height marked ?"
        )
    steps.append(f"So the answer is **{value} {unit}**.")
    hints = (
        "Write the volume formula and put in what you know.",
        "Undo the operations one at a time: divide by π, then by the other numbers.",
    )
    return problem(stem, numeric(value, unit=unit), hints, _steps(*steps), wrong=wrong, figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 8.SP.A.1 to 8.SP.A.3 Scatter plots, lines of fit and linear models

_ASSOCIATIONS = (
    "Positive linear association",
    "Negative linear association",
    "Nonlinear association",
    "No association",
)
_SCATTER_CONTEXTS = {
    # pattern: (x name, y name, (x low, x high, x step), (y low, y high, y step))
    0: (
        ("Hours studied", "Test score", (0, 10, 1), (40, 100, 10)),
        ("Height (cm)", "Arm span (cm)", (140, 190, 10), (140, 190, 10)),
        ("Temperature (°F)", "Lemonade sold (cups)", (60, 100, 5), (0, 80, 10)),
    ),
    1: (
        ("Age of car (years)", "Value (thousand dollars)", (0, 12, 1), (0, 30, 5)),
        ("Hours of TV each day", "Test score", (0, 6, 1), (40, 100, 10)),
        ("Outside temperature (°F)", "Heating cost (dollars)", (20, 80, 10), (0, 200, 20)),
    ),
    2: (
        ("Hour of the day", "Outside temperature (°F)", (6, 20, 2), (40, 90, 10)),
        ("Speed (mph)", "Fuel economy (mpg)", (10, 80, 10), (10, 40, 5)),
        ("Age (years)", "Hours of sleep", (10, 80, 10), (5, 10, 1)),
    ),
    3: (
        ("Shoe size", "Test score", (4, 12, 1), (40, 100, 10)),
        ("Birth month", "Height (cm)", (1, 12, 1), (140, 180, 5)),
        ("Last digit of phone number", "Hours of sleep", (0, 9, 1), (5, 10, 1)),
    ),
}


def _r_squared(points) -> Fraction:
    """The square of the correlation of the points, exactly."""
    n = len(points)
    sx, sy = sum(F(x) for x, _ in points), sum(F(y) for _, y in points)
    sxx = sum(F(x) ** 2 for x, _ in points) - sx * sx / n
    syy = sum(F(y) ** 2 for _, y in points) - sy * sy / n
    sxy = sum(F(x) * F(y) for x, y in points) - sx * sy / n
    return sxy * sxy / (sxx * syy) if sxx and syy else F(0)


def _pattern_points(rng: random.Random, pattern: int, x_axis, y_axis, count: int = 12) -> list[tuple[int, int]]:
    """Points with the given pattern (an index into _ASSOCIATIONS), inside the axes."""
    (x_low, x_high, _), (y_low, y_high, _) = x_axis, y_axis
    while True:
        points = []
        for index in range(count):
            t = min(F(1), max(F(0), F(index, count - 1) + F(rng.randint(-4, 4), 100)))
            if pattern == 0:
                u = F(1, 10) + F(8, 10) * t + F(rng.randint(-8, 8), 100)
            elif pattern == 1:
                u = F(9, 10) - F(8, 10) * t + F(rng.randint(-8, 8), 100)
            elif pattern == 2:
                u = F(15, 100) + F(75, 100) * (1 - (2 * t - 1) ** 2) + F(rng.randint(-5, 5), 100)
            else:
                u = F(rng.randint(10, 90), 100)
            x = round(x_low + t * (x_high - x_low))
            y = round(y_low + u * (y_high - y_low))
            points.append((x, min(max(y, y_low), y_high)))
        fit = _r_squared(points)
        if (pattern < 2 and fit >= F(3, 4)) or (pattern >= 2 and fit <= F(1, 10)):
            return points


@template("8.SP.A.1")
def scatter_plot_association(rng: random.Random) -> Problem:
    """Describe the association shown in a scatter plot: positive, negative, nonlinear or none."""
    pattern = rng.randint(0, 3)
    x_name, y_name, x_axis, y_axis = rng.choice(_SCATTER_CONTEXTS[pattern])
    points = _pattern_points(rng, pattern, x_axis, y_axis)
    figure = _scatter(
        points, x_range=x_axis[:2], y_range=y_axis[:2], x_name=x_name, y_name=y_name, x_step=x_axis[2], y_step=y_axis[2]
    )
    right = _ASSOCIATIONS[pattern]
    answer = choice(rng, right, list(_ASSOCIATIONS), keep_order=True)
    stem = (
        f"The scatter plot shows data on {x_name.split(' (')[0].lower()} and {y_name.split(' (')[0].lower()}. "
        "Which describes the association between them?"
    )
    reading = {
        0: "As x increases, y tends to increase, and the points lie close to a straight line.",
        1: "As x increases, y tends to decrease, and the points lie close to a straight line.",
        2: "The points follow a clear pattern, but it is a curve: y rises and then falls.",
        3: "The points are scattered with no pattern: knowing x tells you little about y.",
    }[pattern]
    solution = _steps(f"Read the plot from left to right. {reading}", f"So the answer is **{right}**.")
    hints = (
        "Look at the overall trend from left to right: up, down, a curve, or no pattern?",
        "Linear means the points cluster around a straight line.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


@template("8.SP.A.1")
def scatter_plot_outlier(rng: random.Random) -> Problem:
    """Pick the outlier in a scatter plot with a linear association."""
    pattern = rng.randint(0, 1)
    x_name, y_name, x_axis, y_axis = rng.choice(_SCATTER_CONTEXTS[pattern])
    points = _pattern_points(rng, pattern, x_axis, y_axis, count=11)
    middle = rng.randint(3, 7)
    ox = points[middle][0]
    span = y_axis[1] - y_axis[0]
    # The outlier sits far from the trend: near the top where the trend is low, near the bottom where it is high.
    trend = points[middle][1]
    oy = y_axis[0] + span // 10 if trend > y_axis[0] + span // 2 else y_axis[1] - span // 10
    outlier = (ox, oy)
    if outlier in points:
        return scatter_plot_outlier(rng)
    data = points + [outlier]
    others = [points[0], points[-1], rng.choice(points[1:middle] + points[middle + 1 : -1])]
    right = _pair(*outlier)
    wrong = distinct_wrong(right, [_pair(*point) for point in others])
    answer = choice(rng, right, wrong)
    figure = _scatter(
        sorted(data),
        x_range=x_axis[:2],
        y_range=y_axis[:2],
        x_name=x_name,
        y_name=y_name,
        x_step=x_axis[2],
        y_step=y_axis[2],
    )
    direction = "rise" if pattern == 0 else "fall"
    stem = (
        f"The scatter plot shows data on {x_name.split(' (')[0].lower()} and {y_name.split(' (')[0].lower()}. "
        "Which point is an outlier?"
    )
    solution = _steps(
        f"Most points {direction} together along a straight-line pattern.",
        f"{right} is far from that pattern: other points with x near {_num(ox)} have y near {_num(trend)}.",
        "Points at the ends of the plot are not outliers if they follow the pattern.",
        f"So the outlier is **{right}**.",
    )
    hints = (
        "An outlier is a point far away from the pattern of the other points.",
        "A point at the far left or right can still fit the pattern.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


_FIT_CONTEXTS = (
    ("Hours practiced", "Baskets made"),
    ("Weeks", "Plant height (cm)"),
    ("Days", "Tickets sold"),
    ("Minutes of exercise", "Heart rate increase"),
    ("Hours", "Distance (miles)"),
)


def _linear_data(rng: random.Random, slope: int, intercept: int) -> list[tuple[int, int]]:
    xs = sorted(rng.sample(range(0, 11), 9))
    return [(x, slope * x + intercept + rng.randint(-3, 3)) for x in xs]


def _squared_misses(points, slope, intercept) -> Fraction:
    return sum((F(y) - slope * x - intercept) ** 2 for x, y in points)


def _fit_axes(points) -> tuple[tuple[int, int], int]:
    top = max(y for _, y in points) + 10
    step = _nice_step(top)
    return (0, -(-top // step) * step), step


@template("8.SP.A.2")
def best_line_of_fit(rng: random.Random) -> Problem:
    """Pick the line that fits a scatter plot best."""
    x_name, y_name = rng.choice(_FIT_CONTEXTS[:4])
    slope = rng.choice([2, 3, 4, 5, -2, -3, -4])
    intercept = rng.randint(5, 15) if slope > 0 else rng.randint(45, 55)
    points = _linear_data(rng, slope, intercept)
    rivals = [
        (-slope, intercept + 10 * slope),
        (slope, intercept + 15),
        (slope, intercept - 12),
        (2 * slope, intercept - 5 * slope),
    ]
    best = _squared_misses(points, slope, intercept)
    rivals = [rival for rival in rivals if _squared_misses(points, *rival) > 3 * best and rival[1] >= 0]
    if len(rivals) < 3:
        return best_line_of_fit(rng)
    right = _line(F(slope), intercept)
    answer = choice(rng, right, [_line(F(m), b) for m, b in rng.sample(rivals, 3)])
    y_range, y_step = _fit_axes(points)
    figure = _scatter(points, x_range=(0, 10), y_range=y_range, x_name=x_name, y_name=y_name, x_step=1, y_step=y_step)
    stem = "Which line fits the data in the scatter plot best?"
    solution = _steps(
        f"The points {'rise' if slope > 0 else 'fall'} from left to right, so the line must have a "
        f"{'positive' if slope > 0 else 'negative'} slope.",
        f"At x = 0 the points are near y = {intercept}, and y changes by about {abs(slope)} for each 1 that x goes up.",
        f"{right} passes close to the points, with some above and some below it.",
        f"So the best fit is **{right}**.",
    )
    hints = (
        "A good line of fit follows the direction of the points and passes through the middle of them.",
        "Check each line at x = 0 and at x = 10 against the points there.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


_FIT_VERDICTS = (
    "It fits well: the points are close to the line, with about as many above it as below it",
    "It does not fit well: almost all the points are above the line",
    "It does not fit well: almost all the points are below the line",
    "It does not fit well: the line slopes the wrong way",
)


@template("8.SP.A.2")
def judge_line_of_fit(rng: random.Random) -> Problem:
    """Judge how well a drawn line fits a scatter plot by how close the points are to it."""
    x_name, y_name = rng.choice(_FIT_CONTEXTS)
    slope = rng.choice([2, 3, 4, 5])
    intercept = rng.randint(12, 20)
    verdict = rng.randint(0, 3)
    while True:
        points = _linear_data(rng, slope, intercept)
        # The fitting line goes through the middle of the points: its intercept is their mean distance above y = mx.
        middle = round(sum(F(y - slope * x) for x, y in points) / len(points))
        line = [(slope, middle), (slope, middle - 10), (slope, middle + 10), (-slope, middle + 10 * slope)][verdict]
        above = sum(1 for x, y in points if y > line[0] * x + line[1])
        below = sum(1 for x, y in points if y < line[0] * x + line[1])
        if verdict != 0 or abs(above - below) <= 2:
            break
    y_range, y_step = _fit_axes(points)
    drawn = _line(F(line[0]), line[1])
    figure = _scatter(
        points,
        x_range=(0, 10),
        y_range=y_range,
        x_name=x_name,
        y_name=y_name,
        x_step=1,
        y_step=y_step,
        line=(F(line[0]), F(line[1])),
        line_words=drawn,
    )
    right = _FIT_VERDICTS[verdict]
    answer = choice(rng, right, list(_FIT_VERDICTS), keep_order=True)
    stem = f"{name(rng)} drew the line {drawn} on the scatter plot as a line of fit. How well does it fit the data?"
    solution = _steps(
        f"Compare each point with the line: {above} points are above it and {below} are below it.",
        f"The points {'rise' if slope > 0 else 'fall'} from left to right and the line "
        f"{'rises' if line[0] > 0 else 'falls'}.",
        f"So: **{right}**.",
    )
    hints = (
        "A good line of fit goes through the middle of the points, in the same direction as they go.",
        "Count the points above and below the line.",
    )
    return problem(stem, answer, hints, solution, figure=figure)


_MODELS = (
    # (x words, y words, y unit, slopes, intercepts, x values, meanings: rate, start, reversed, at one)
    (
        "hours of sunlight a plant gets each day",
        "the plant's height",
        "cm",
        [D("1.5"), 2, D("2.5"), 3],
        [10, 12, 15],
        range(4, 13),
        (
            "each extra hour of sunlight a day goes with about {v} cm more height",
            "a plant with 0 hours of sunlight is predicted to be about {v} cm tall",
            "each extra centimeter of height goes with about {v} more hours of sunlight",
            "every plant grows {v} cm",
        ),
    ),
    (
        "hours a student studies",
        "the student's test score",
        "points",
        [3, 4, D("4.5"), 5],
        [50, 52, 55, 58],
        range(1, 9),
        (
            "each extra hour of study goes with about {v} more points on the test",
            "a student who studies 0 hours is predicted to score about {v} points",
            "each extra point on the test goes with about {v} more hours of study",
            "a student who studies 1 hour scores exactly {v} points",
        ),
    ),
    (
        "age of a car in years",
        "its value",
        "thousands of dollars",
        [D("-1.5"), -2, D("-2.5")],
        [25, 28, 30, 32],
        range(1, 10),
        (
            "each extra year of age goes with a value about {v} thousand dollars lower",
            "a new car (0 years old) is predicted to be worth about {v} thousand dollars",
            "each thousand dollars of value goes with {v} more years of age",
            "every car loses exactly {v} thousand dollars in all",
        ),
    ),
)


@template("8.SP.A.3")
def predict_with_linear_model(rng: random.Random) -> Problem:
    """Use the equation of a linear model to predict a value (or the input for a value)."""
    x_words, y_words, unit, slopes, intercepts, xs, _ = rng.choice(_MODELS)
    slope, intercept, x = D(rng.choice(slopes)), D(rng.choice(intercepts)), rng.choice(list(xs))
    y = slope * x + intercept
    model = f"y = {_expression(slope, intercept)}"
    backwards = rng.random() < 0.35
    if backwards:
        stem = (
            f"A linear model for data on x, the {x_words}, and y, {y_words} (in {unit}), is {model}. According "
            f"to the model, what value of x goes with y = {_num(y)}?"
        )
        value = x
        steps = [
            f"Set {_num(y)} = {_expression(slope, intercept)}.",
            f"Subtract {_num(intercept)}: {_term(slope)} = {_num(y - intercept)}."
            if intercept > 0
            else f"Add {_num(-intercept)}: {_term(slope)} = {_num(y - intercept)}.",
            f"Divide by {_num(slope)}: x = **{x}**.",
        ]
        wrong = [F(y) / F(slope), (F(y) + F(intercept)) / F(slope), F(y - intercept)]
    else:
        stem = (
            f"A linear model for data on x, the {x_words}, and y, {y_words} (in {unit}), is {model}. What does "
            f"the model predict for y when x = {x}?"
        )
        value = y
        steps = [
            f"Put x = {x} into the model: y = {_num(slope)} {TIMES} {x} "
            f"{'+' if intercept > 0 else MINUS} {_num(abs(intercept))}.",
            f"y = {_num(slope * x)} {'+' if intercept > 0 else MINUS} {_num(abs(intercept))} = **{_num(y)}**.",
        ]
        wrong = [F(slope * x), F(slope + intercept * x), F(intercept + x)]
    hints = (
        "Put the number you know into the equation of the model.",
        "The model gives a prediction; real data points may be a little above or below it.",
    )
    return problem(stem, numeric(value), hints, _steps(*steps), wrong=wrong)


@template("8.SP.A.3")
def interpret_slope_and_intercept(rng: random.Random) -> Problem:
    """Say what the slope or the intercept of a linear model means for the data it models."""
    x_words, y_words, unit, slopes, intercepts, _, meanings = rng.choice(_MODELS)
    slope, intercept = D(rng.choice(slopes)), D(rng.choice(intercepts))
    model = f"y = {_expression(slope, intercept)}"
    ask_slope = rng.random() < 0.55
    value = abs(slope) if ask_slope else intercept
    shown = _num(slope) if ask_slope else _num(intercept)
    options = [meaning.format(v=_num(value)) for meaning in meanings]
    options = [option[0].upper() + option[1:] for option in options]
    right = options[0] if ask_slope else options[1]
    answer = choice(rng, right, [option for option in options if option != right])
    stem = (
        f"A scatter plot of x, the {x_words}, and y, {y_words} (in {unit}), has the line of fit {model}. What "
        f"does the {shown} tell you?"
    )
    role = (
        "the slope: the change in y for each increase of 1 in x"
        if ask_slope
        else "the y-intercept: the predicted y when x is 0"
    )
    solution = _steps(
        f"In {model}, {shown} is {role}.",
        "A model describes a trend in the data (what tends to happen), not an exact rule for every case.",
        f"So: **{right}**.",
    )
    hints = (
        "The slope is the change in y for each 1 that x goes up; the intercept is y when x = 0.",
        "Read the units: what is x measured in, and what is y measured in?",
    )
    return problem(stem, answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 8.SP.A.4 Two-way tables

_TWO_WAY = (
    # (row yes, row no, column yes, column no, row group words (yes, no), column words)
    ("Curfew", "No curfew", "Chores", "No chores", ("have a curfew", "do not have a curfew"), "have chores"),
    (
        "Plays a sport",
        "No sport",
        "Eats breakfast",
        "Skips breakfast",
        ("play a sport", "do not play a sport"),
        "eat breakfast",
    ),
    ("Has a pet", "No pet", "Likes hiking", "Does not like hiking", ("have a pet", "do not have a pet"), "like hiking"),
    (
        "Walks to school",
        "Rides to school",
        "Likes mornings",
        "Does not like mornings",
        ("walk to school", "ride to school"),
        "like mornings",
    ),
)


def _two_way_counts(rng: random.Random, *, associated: bool | None = None):
    """Counts for a two-way table: ((yes-yes, yes-no), (no-yes, no-no)) and the two row shares."""
    first_total, second_total = rng.choice([20, 40, 60]), rng.choice([20, 40, 60])
    if associated is False:
        share = F(rng.randint(4, 16), 20)
        shares = (share, share)
    else:
        while True:
            shares = (F(rng.randint(2, 18), 20), F(rng.randint(2, 18), 20))
            if abs(shares[0] - shares[1]) >= F(3, 10):
                break
    rows = []
    for total, share in zip((first_total, second_total), shares):
        yes = int(total * share)
        rows.append((yes, total - yes))
    return rows, shares


def _two_way_table(context, rows, hidden=None) -> str:
    row_yes, row_no, column_yes, column_no, _, _ = context
    (a, b), (c, d) = rows
    cells = [[row_yes, a, b, a + b], [row_no, c, d, c + d], ["Total", a + c, b + d, a + b + c + d]]
    if hidden:
        cells[hidden[0]][hidden[1]] = "?"
    return _table(["", column_yes, column_no, "Total"], cells)


@template("8.SP.A.4")
def two_way_table_missing_count(rng: random.Random) -> Problem:
    """Complete a two-way table of counts."""
    context = rng.choice(_TWO_WAY)
    rows, _ = _two_way_counts(rng)
    (a, b), (c, d) = rows
    grid = [[a, b, a + b], [c, d, c + d], [a + c, b + d, a + b + c + d]]
    row, column = rng.choice([(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1), (0, 2), (1, 2)])
    value = grid[row][column]
    names_rows = [context[0], context[1], "Total"]
    names_columns = [context[2], context[3], "Total"]
    table = _two_way_table(context, rows, hidden=(row, column + 1))
    stem = (
        f"The two-way table shows survey answers from a group of students.{table}What number belongs in the cell "
        "marked ?"
    )
    if column < 2:
        total, other = grid[row][2], grid[row][1 - column]
        how = f'In the row "{names_rows[row]}", the two counts add up to {total}: {total} − {other} = {value}.'
        wrong = [total + other, other, grid[2][column] - value if row < 2 else total]
    else:
        total, other = grid[2][2], grid[1 - row][2]
        how = f"The row totals add up to the grand total {total}: {total} − {other} = {value}."
        wrong = [total + other, other, grid[row][0]]
    solution = _steps(how, f'Check with the column "{names_columns[column]}". The missing count is **{value}**.')
    hints = (
        "In a two-way table each row and each column adds up to its total.",
        "Find a row or column where only the marked cell is unknown.",
    )
    return problem(stem, numeric(value), hints, solution, wrong=wrong)


@template("8.SP.A.4")
def relative_frequency_in_two_way_table(rng: random.Random) -> Problem:
    """Find a relative frequency for a row of a two-way table."""
    context = rng.choice(_TWO_WAY)
    rows, _ = _two_way_counts(rng)
    (a, b), (c, d) = rows
    which = rng.randint(0, 1)
    count, row_total = (a, a + b) if which == 0 else (c, c + d)
    value = F(count, row_total)
    table = _two_way_table(context, rows)
    group = context[4][which]
    stem = (
        f"The two-way table shows survey answers from a group of students.{table}Of the students who {group}, "
        f"what fraction {context[5]}? Give a fraction or a decimal."
    )
    solution = _steps(
        f"Use only the row of students who {group}: {row_total} students.",
        f"Of them, {count} {context[5]}.",
        f"Relative frequency = {count} ÷ {row_total} = **{_num(value)}**"
        + (f" (= {decimal_text(value)})." if terminates(value) else "."),
    )
    hints = (
        "Divide by the total of the row for that group, not by the total of everyone.",
        "Relative frequency = count in the cell ÷ total of its row.",
    )
    wrong = [F(count, a + b + c + d), F(count, a + c), F(row_total - count, row_total)]
    return problem(stem, numeric(value), hints, solution, wrong=wrong)


@template("8.SP.A.4")
def association_in_two_way_table(rng: random.Random) -> Problem:
    """Use row relative frequencies of a two-way table to decide whether two variables are associated."""
    context = rng.choice(_TWO_WAY)
    associated = rng.random() < 0.65
    rows, shares = _two_way_counts(rng, associated=associated)
    table = _two_way_table(context, rows)
    yes_group, no_group = context[4]
    options = [
        f"Yes: students who {yes_group} are more likely to {context[5]}",
        f"Yes: students who {yes_group} are less likely to {context[5]}",
        f"No: both groups are about equally likely to {context[5]}",
        "No: you cannot tell, because the groups are different sizes",
    ]
    if not associated:
        right = options[2]
    else:
        right = options[0] if shares[0] > shares[1] else options[1]
    answer = choice(rng, right, [option for option in options if option != right])
    stem = (
        f"The two-way table shows survey answers from a group of students.{table}Is there evidence that students "
        f"who {yes_group} are more or less likely to {context[5]} than students who {no_group}?"
    )
    (a, b), (c, d) = rows
    solution = _steps(
        "Compare relative frequencies by row, so that the different group sizes do not matter.",
        f"Students who {yes_group}: {a} ÷ {a + b} = {decimal_text(shares[0] * 100)}% {context[5]}.",
        f"Students who {no_group}: {c} ÷ {c + d} = {decimal_text(shares[1] * 100)}% {context[5]}.",
        f"So: **{right}**.",
    )
    hints = (
        "Compare percents within each row, not the counts themselves.",
        "A big difference between the two row percents suggests an association.",
    )
    return problem(stem, answer, hints, solution)
