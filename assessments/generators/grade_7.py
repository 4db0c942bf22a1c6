"""Grade 7 item generators: every grade 7 Common Core math standard.

- Ratios and proportional relationships (7.RP): unit rates with fractions, deciding whether a table or graph is
  proportional, the constant of proportionality, equations y = kx, what a point such as (1, r) means, and
  multistep percent problems (tax, tip, discount, markup, percent change, simple interest, commission, percent
  error).
- The number system (7.NS): adding, subtracting, multiplying and dividing integers, fractions and decimals, on
  number lines and in real situations; the properties of operations; fractions to terminating or repeating
  decimals.
- Expressions and equations (7.EE): equivalent linear expressions, rewriting an expression to see what it means,
  multistep problems with rational numbers, equations px + q = r and p(x + q) = r, inequalities px + q > r.
- Geometry (7.G): scale drawings, which measures make a triangle, cross sections of prisms and pyramids, area and
  circumference of circles, angle relationships, composite areas, volumes and surface areas.
- Statistics and probability (7.SP): random samples and inferences, comparing two groups with centers and mean
  absolute deviation, probability as a number from 0 to 1, long-run frequencies, probability models, compound
  events, sample spaces and simulations.

Parent standards with lettered parts (7.RP.A.2, 7.NS.A.1, 7.NS.A.2, 7.EE.B.4, 7.SP.C.7, 7.SP.C.8) are covered
through their parts. No standard is skipped.

Hints are written with the numbers of the problem; base's `problem` drops a hint that would show the answer (when a
number of the problem happens to equal it), so every template also gives one hint without numbers.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from fractions import Fraction

from assessments.generators import figures
from assessments.generators.base import (
    INTRODUCTORY,
    MINUS,
    STRETCH,
    TIMES,
    DIVIDE,
    Answer,
    Problem,
    choice,
    decimal_text,
    distinct_wrong,
    join_words,
    mixed,
    name,
    names,
    number_text,
    number_word,
    numeric,
    problem,
    steps as _steps,
    template,
    terminates,
)

F = Fraction

# ---------------------------------------------------------------------------------------------------------
# Shared helpers


def _dec(value) -> str:
    return decimal_text(F(value))


def _show(value, style: str) -> str:
    """A number written in a style: "dec" as a decimal, otherwise as an integer or mixed number."""
    return _dec(value) if style == "dec" and terminates(value) else mixed(value)


def _par(value, style: str = "frac") -> str:
    """A number as an operand: in parentheses when negative, "(−2 1/2)"."""
    text_value = _show(value, style)
    return f"({text_value})" if value < 0 else text_value


def _money(value) -> str:
    """Dollars and cents: "$1,234.50", "−$3.25"."""
    cents = F(value) * 100
    if cents.denominator != 1:
        raise ValueError(f"{value} is not a whole number of cents.")
    whole, rest = divmod(abs(cents.numerator), 100)
    return f"{MINUS if value < 0 else ''}${whole:,}.{rest:02d}"


def _qty(value, one: str, many: str) -> str:
    """ "1 hour", "1/2 hour", "2 1/2 hours"."""
    value = F(value)
    return f"{mixed(value)} {one if 0 < value <= 1 else many}"


def _pct(value) -> str:
    return f"{_show(value, 'dec')}%"


def _table(headers, rows) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _num_answer(value, *, unit: str = "", style: str = "frac", tolerance: str = "0") -> Answer:
    """A numeric answer shown as a mixed number (or a decimal with style "dec"), with its unit."""
    gap = "" if unit.startswith("°") else " "
    return numeric(F(value), tolerance=tolerance, display=f"{_show(value, style)}{gap}{unit}".strip())


def _money_answer(value) -> Answer:
    return numeric(F(value), display=_money(value))


def _pick_fraction(rng: random.Random, denominators=(2, 3, 4, 5, 6, 8), top: int = 1) -> Fraction:
    """A positive fraction that is not whole, at most `top`."""
    while True:
        denominator = rng.choice(denominators)
        value = F(rng.randint(1, denominator * top), denominator)
        if value.denominator != 1:
            return value


def _coef(value, var: str = "x", style: str = "frac") -> str:
    """A term such as "3x", "−x", "(3/4)x", or "0.75x" in the decimal style."""
    value = F(value)
    if value == 1:
        return var
    if value == -1:
        return f"{MINUS}{var}"
    if value.denominator == 1 or (style == "dec" and terminates(value)):
        return f"{_dec(value)}{var}"
    sign = MINUS if value < 0 else ""
    return f"{sign}({number_text(abs(value))}){var}"


def _linear(a, b, var: str = "x", style: str = "frac") -> str:
    """The expression ax + b: "3x − 5", "−(2/3)x + 1/2", "0.5x + 1.25" in the decimal style, "4" when a is 0."""
    a, b = F(a), F(b)
    if a == 0:
        return _show(b, style)
    text_value = _coef(a, var, style)
    if b:
        text_value += f" {'+' if b > 0 else MINUS} {_show(abs(b), style)}"
    return text_value


def _ratio(count: int, total: int) -> str:
    """A fraction count/total, with its lowest terms when they differ: "8/20 = 2/5", "1/7"."""
    value = F(count, total)
    reduced = (value.numerator, value.denominator) != (count, total)
    return f"{count}/{total}" + (f" = {number_text(value)}" if reduced else "")


def _capital(text_value: str) -> str:
    return text_value[:1].upper() + text_value[1:]


# ---------------------------------------------------------------------------------------------------------
# 7.RP: ratios and proportional relationships


@dataclass(frozen=True)
class _Rate:
    """A situation where one quantity is proportional to another: y = (rate) × x."""

    setting: str
    pair_text: str
    x_one: str
    x_many: str
    y_one: str  # empty when y is an amount of money
    y_many: str
    x_var: str
    y_var: str
    x_noun: str
    y_noun: str
    x_axis: str
    y_axis: str
    rate_unit: str
    rates: tuple

    @property
    def style(self) -> str:
        return "frac" if self.y_one else "dec"

    def x(self, value) -> str:
        return _qty(value, self.x_one, self.x_many)

    def y(self, value) -> str:
        return _money(value) if not self.y_one else _qty(value, self.y_one, self.y_many)

    def pair(self, x, y) -> str:
        return _capital(self.pair_text.format(x=self.x(x), y=self.y(y)))

    def y_value(self, value) -> str:
        """The y-number alone: "4.50" for money, "2 1/2" otherwise."""
        return decimal_text(F(value), 2) if not self.y_one else mixed(value)

    def rate_text(self, rate) -> str:
        """The unit rate with its unit: "$2.50 per pound", "1 1/2 gallons per minute"."""
        return f"{_money(rate)} per {self.x_one}" if not self.y_one else f"{mixed(rate)} {self.rate_unit}"

    def rate_answer(self, rate) -> Answer:
        return numeric(F(rate), display=self.rate_text(rate))


_CAR = _Rate(
    "A car travels at a steady speed.",
    "the car travels {y} in {x}",
    "hour",
    "hours",
    "mile",
    "miles",
    "h",
    "d",
    "time",
    "distance",
    "Time (hours)",
    "Distance (miles)",
    "miles per hour",
    (45, 48, 50, 55, 60, 64),
)
_WALK = _Rate(
    "A hiker walks at a steady pace.",
    "the hiker walks {y} in {x}",
    "hour",
    "hours",
    "mile",
    "miles",
    "h",
    "d",
    "time",
    "distance",
    "Time (hours)",
    "Distance (miles)",
    "miles per hour",
    (2, F(5, 2), 3, F(7, 2), 4),
)
_APPLES = _Rate(
    "A store sells apples by the pound.",
    "{x} of apples cost {y}",
    "pound",
    "pounds",
    "",
    "",
    "p",
    "c",
    "weight",
    "cost",
    "Weight (pounds)",
    "Cost (dollars)",
    "dollars per pound",
    (F(3, 2), 2, F(5, 2), 3, F(7, 4)),
)
_PRINTER = _Rate(
    "A printer prints at a steady rate.",
    "the printer prints {y} in {x}",
    "minute",
    "minutes",
    "page",
    "pages",
    "m",
    "p",
    "time",
    "number of pages",
    "Time (minutes)",
    "Pages printed",
    "pages per minute",
    (12, 15, 18, 20, 24),
)
_PUMP = _Rate(
    "A pump fills a tank at a steady rate.",
    "the pump adds {y} of water in {x}",
    "minute",
    "minutes",
    "gallon",
    "gallons",
    "m",
    "g",
    "time",
    "amount of water",
    "Time (minutes)",
    "Water (gallons)",
    "gallons per minute",
    (F(3, 2), 2, F(5, 2), 3, 4),
)
_WAGE = _Rate(
    "Kira is paid the same amount for every hour she works.",
    "Kira earns {y} for {x} of work",
    "hour",
    "hours",
    "",
    "",
    "h",
    "e",
    "time worked",
    "pay",
    "Time worked (hours)",
    "Pay (dollars)",
    "dollars per hour",
    (12, 14, 15, 16, 18),
)
_RECIPE = _Rate(
    "A cookie recipe uses the same amount of flour in every batch.",
    "it takes {y} of flour to make {x} of cookies",
    "batch",
    "batches",
    "cup",
    "cups",
    "b",
    "f",
    "number of batches",
    "amount of flour",
    "Batches",
    "Flour (cups)",
    "cups of flour per batch",
    (F(1, 2), F(3, 4), F(3, 2), 2, F(5, 2)),
)
_RATES = (_CAR, _WALK, _APPLES, _PRINTER, _PUMP, _WAGE, _RECIPE)
# Rates small enough to graph on a 0-10 grid.
_GRAPHABLE = (_WALK, _APPLES, _PUMP, _RECIPE)


def _rate_pairs(rng: random.Random, rate, count: int, low: int = 1, high: int = 10) -> list:
    """`count` sorted x-values from low to high whose y = rate × x is a whole number of quarters."""
    options = [x for x in range(low, high + 1) if (rate * x * 4).denominator == 1]
    return sorted(rng.sample(options, count))


@template("7.RP.A.1")
def unit_rate_with_fractions(rng: random.Random) -> Problem:
    """A unit rate from a ratio of two fractions (miles per hour, square feet per hour, cups per cup)."""
    who = name(rng)
    amount = _pick_fraction(rng, (2, 3, 4, 5, 6, 8), top=2)
    per = _pick_fraction(rng, (2, 3, 4, 5, 6))
    while amount == per:
        per = _pick_fraction(rng, (2, 3, 4, 5, 6))
    situations = (
        (
            f"{who} walks {_qty(amount, 'mile', 'miles')} every {_qty(per, 'hour', 'hours')}.",
            "How many miles does {who} walk in 1 hour?",
            "miles per hour",
            "miles",
            "hour",
        ),
        (
            f"{who} paints {_qty(amount, 'square yard', 'square yards')} of fence every {_qty(per, 'hour', 'hours')}.",
            "How many square yards does {who} paint in 1 hour?",
            "square yards per hour",
            "square yards",
            "hour",
        ),
        (
            f"A recipe uses {_qty(amount, 'cup', 'cups')} of sugar for every {_qty(per, 'cup', 'cups')} of flour.",
            "How many cups of sugar does it use for 1 cup of flour?",
            "cups of sugar per cup of flour",
            "cups of sugar",
            "cup of flour",
        ),
        (
            f"{who} mows {_qty(amount, 'acre', 'acres')} of lawn every {_qty(per, 'hour', 'hours')}.",
            "How many acres does {who} mow in 1 hour?",
            "acres per hour",
            "acres",
            "hour",
        ),
    )
    setup, question, unit, top_word, bottom_word = rng.choice(situations)
    rate = amount / per
    stem = f"{setup} At this rate, {question.format(who=who)[0].lower()}{question.format(who=who)[1:]}"
    hints = (
        "A unit rate tells how much for 1 unit. Divide the first amount by the second.",
        f"Work out {mixed(amount)} {DIVIDE} {mixed(per)} by multiplying by the reciprocal of {mixed(per)}.",
    )
    solution = _steps(
        f"The unit rate is ({_qty(amount, top_word, top_word)}) {DIVIDE} ({_qty(per, bottom_word, bottom_word)}).",
        f"{mixed(amount)} {DIVIDE} {mixed(per)} = {mixed(amount)} {TIMES} {number_text(1 / F(per))} = "
        f"{number_text(rate)}.",
        f"So the rate is **{mixed(rate)} {unit}**.",
    )
    return problem(
        stem, _num_answer(rate, unit=unit), hints, solution, wrong=(per / amount, amount * per, amount + per)
    )


@template("7.RP.A.1")
def compare_unit_rates(rng: random.Random) -> Problem:
    """Who works faster, comparing two unit rates given as ratios of fractions."""
    first, second = names(rng, 2)
    job, unit_one, unit_many = rng.choice(
        (
            ("mows", "acre", "acres"),
            ("paints", "square yard", "square yards"),
            ("walks", "mile", "miles"),
            ("swims", "mile", "miles"),
        )
    )
    per_hour = {}
    lines = []
    for person in (first, second):
        amount = _pick_fraction(rng, (2, 3, 4, 5, 6), top=2)
        time = _pick_fraction(rng, (2, 3, 4, 5, 6))
        per_hour[person] = amount / time
        lines.append((person, amount, time))
    if rng.random() < 0.15:  # sometimes the rates are equal
        person, _, time = lines[1]
        while time == lines[0][2]:
            time = _pick_fraction(rng, (2, 3, 4, 5, 6))
        lines[1] = (person, per_hour[first] * time, time)
        per_hour[person] = per_hour[first]
    setups = " ".join(
        f"{person} {job} {_qty(amount, unit_one, unit_many)} in {_qty(time, 'hour', 'hours')}."
        for person, amount, time in lines
    )
    same = "They work at the same rate."
    faster = first if per_hour[first] > per_hour[second] else second if per_hour[second] > per_hour[first] else None
    correct = faster or same
    stem = f"{setups} Who is faster?"
    hints = (
        "Find each person's unit rate: how much in 1 hour.",
        "Divide the amount by the time, then compare the two rates.",
    )
    rates = [
        f"{person}: {mixed(amount)} {DIVIDE} {mixed(time)} = {mixed(per_hour[person])} {unit_many} per hour"
        for person, amount, time in lines
    ]
    solution = _steps(*rates, f"Compare the unit rates. The answer is **{correct}**.")
    answer = choice(rng, correct, [first, second, same], keep_order=True)
    return problem(stem, answer, hints, solution)


def _graph_points(rng: random.Random, rate, count: int) -> list[int]:
    """x-values from 1 to 10 where y = rate × x is a whole number no more than 10."""
    options = [x for x in range(1, 11) if (rate * x).denominator == 1 and rate * x <= 10]
    return sorted(rng.sample(options, min(count, len(options))))


def _line_to_edge(slope, intercept=0, top: int = 10) -> list[tuple]:
    """The part of y = slope × x + intercept inside the 0-10 grid, as a polyline."""
    slope, intercept = F(slope), F(intercept)
    end = min(F(top), (top - intercept) / slope)
    return [(0, float(intercept)), (float(end), float(slope * end + intercept))]


@template("7.RP.A.2a")
def proportional_pairs_choice(rng: random.Random) -> Problem:
    """Which set of (x, y) pairs shows y proportional to x."""
    rate = rng.choice((2, 3, 4, 5, F(3, 2), F(5, 2), F(1, 2)))
    xs = sorted(rng.sample([x for x in range(2, 11) if (rate * x).denominator == 1], 3))

    def pairs(rule) -> str:
        return ", ".join(f"({x}, {mixed(rule(x))})" for x in xs)

    shift = rate * xs[0] - xs[0]
    intercept = rng.randint(1, 3)
    correct = pairs(lambda x: rate * x)
    wrong = [
        pairs(lambda x: x + shift),
        pairs(lambda x: rate * x + intercept),
        pairs(lambda x: rate * x + (1 if x == xs[-1] else 0)),
    ]
    situation = rng.choice(
        (
            "x hours worked and y dollars earned",
            "x tickets and their cost, y dollars",
            "x minutes and y pages read",
            "x cups of flour and y muffins baked",
            "x gallons of gas and y miles driven",
        )
    )
    stem = f"{name(rng)} recorded pairs of values for {situation}. Which set of pairs (x, y) shows y proportional to x?"
    hints = (
        "In a proportional relationship, y ÷ x is the same for every pair.",
        "For each choice, divide each y by its x and see whether the results all match.",
    )
    solution = _steps(
        "Find y ÷ x for every pair in each choice.",
        f"Only one choice gives the same value, {mixed(rate)}, for every pair: y = {_coef(rate)}.",
        "In the other choices y ÷ x changes from pair to pair, so they are not proportional.",
        f"So the answer is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


_YES_LINE = "Yes: it is a straight line through the origin."
_NOT_ORIGIN = "No: it is a straight line, but it does not pass through the origin."
_NOT_LINE = "No: it is not a straight line."
_GROWS = "Yes: y gets larger as x gets larger."


@template("7.RP.A.2a")
def proportional_graph_choice(rng: random.Random) -> Problem:
    """Whether a graph shows a proportional relationship: a line through the origin or not."""
    kind = rng.choice(("proportional", "intercept", "curve"))
    if kind == "proportional":
        rate = rng.choice((F(1, 2), 1, F(3, 2), 2, 3, F(2, 3), F(3, 4)))
        points = [("", 0, 0)] + [("", x, rate * x) for x in _graph_points(rng, rate, 2)]
        line, correct = _line_to_edge(rate), _YES_LINE
    elif kind == "intercept":
        rate, start = rng.choice((F(1, 2), 1, F(3, 2), 2)), rng.randint(1, 4)
        xs = [x for x in range(1, 11) if (rate * x).denominator == 1 and rate * x + start <= 10]
        points = [("", 0, start)] + [("", x, rate * x + start) for x in sorted(rng.sample(xs, 2))]
        line, correct = _line_to_edge(rate, start), _NOT_ORIGIN
    else:
        points, height = rng.choice(
            (
                ([(0, 0), (2, 1), (4, 4), (6, 9)], lambda x: x * x / 4),
                ([(0, 0), (1, 3), (4, 6), (9, 9)], lambda x: 3 * math.sqrt(x)),
                ([(0, 0), (5, F(5, 2)), (10, 10)], lambda x: x * x / 10),
            )
        )
        points = [("", x, y) for x, y in points]
        line = [(x / 4, height(x / 4)) for x in range(41) if height(x / 4) <= 10]
        correct = _NOT_LINE
    figure = figures.coordinate_plane(points, lines=[line])
    stem = "Does the graph show a proportional relationship between x and y?"
    hints = (
        "A proportional relationship graphs as a straight line that passes through (0, 0).",
        "Check two things: is the graph a straight line, and does it go through the origin?",
    )
    listed = "; ".join(f"({mixed(x)}, {mixed(y)})" for _, x, y in points)
    reason = {
        _YES_LINE: "It is a straight line and it starts at (0, 0), so y ÷ x is the same for every point.",
        _NOT_ORIGIN: "It is a straight line, but it crosses the y-axis above (0, 0), so y ÷ x changes.",
        _NOT_LINE: "It curves, so y ÷ x changes from point to point.",
    }[correct]
    solution = _steps(f"The graph passes through {listed}.", reason, f"So the answer is **{correct}**")
    answer = choice(rng, correct, [_YES_LINE, _NOT_ORIGIN, _NOT_LINE, _GROWS], keep_order=True)
    return problem(stem, answer, hints, solution, figure=figure)


def _rate_table(context: _Rate, rate, xs) -> str:
    return _table([context.x_axis, context.y_axis], [(mixed(x), context.y_value(rate * x)) for x in xs])


@template("7.RP.A.2b")
def constant_from_table(rng: random.Random) -> Problem:
    """The constant of proportionality read from a table of values."""
    context = rng.choice(_RATES)
    rate = rng.choice(context.rates)
    xs = _rate_pairs(rng, rate, 3, low=2)
    stem = (
        f"{context.setting} The table shows pairs of values.\n\n{_rate_table(context, rate, xs)}\n\n"
        f"What is the constant of proportionality, in {context.rate_unit}?"
    )
    first = xs[0]
    hints = (
        "The constant of proportionality is the value of y ÷ x, the same in every row.",
        f"Divide {context.y_value(rate * first)} by {first}.",
    )
    solution = _steps(
        f"Divide a y-value by its x-value: {context.y_value(rate * first)} {DIVIDE} {first} = {_show(rate, 'dec')}.",
        f"Check another row: {context.y_value(rate * xs[1])} {DIVIDE} {xs[1]} = {_show(rate, 'dec')}.",
        f"The constant of proportionality is **{context.rate_text(rate)}**.",
    )
    wrong = (1 / F(rate), rate * first, rate * (xs[1] - first))
    return problem(stem, context.rate_answer(rate), hints, solution, wrong=wrong)


@template("7.RP.A.2b")
def constant_from_graph(rng: random.Random) -> Problem:
    """The constant of proportionality read from a point on the graph of a proportional relationship."""
    context = rng.choice(_GRAPHABLE)
    rate = rng.choice([rate for rate in context.rates if len(_graph_points(rng, rate, 10)) > 1])
    x = rng.choice([x for x in _graph_points(rng, rate, 10) if x > 1])
    y = rate * x
    figure = figures.coordinate_plane([("", 0, 0), ("P", x, y)], lines=[_line_to_edge(rate)])
    stem = (
        f"{context.setting} The graph shows a proportional relationship: x is the "
        f"{_in_units(context.x_noun, context.x_many)} and y is the "
        f"{_in_units(context.y_noun, context.y_many or 'dollars')}. Point P is on the line. "
        f"What is the constant of proportionality, in {context.rate_unit}?"
    )
    hints = ("Read the coordinates of point P.", "The constant of proportionality is y ÷ x for any point on the line.")
    solution = _steps(
        f"Point P is at ({x}, {mixed(y)}).",
        f"y ÷ x = {mixed(y)} {DIVIDE} {x} = {_show(rate, 'dec')}.",
        f"The constant of proportionality is **{context.rate_text(rate)}**.",
    )
    return problem(stem, context.rate_answer(rate), hints, solution, wrong=(F(x) / y, y, x), figure=figure)


@template("7.RP.A.2b")
def constant_from_words(rng: random.Random) -> Problem:
    """The constant of proportionality from a verbal description of one pair of values."""
    context = rng.choice(_RATES)
    rate = rng.choice(context.rates)
    x = rng.choice([F(x, 2) for x in range(3, 19) if (rate * F(x, 2) * 100).denominator == 1 and x != 2])
    y = rate * x
    stem = (
        f"{context.setting} {context.pair(x, y)}. The {context.y_noun} is proportional to the {context.x_noun}. "
        f"What is the constant of proportionality, in {context.rate_unit}?"
    )
    hints = (
        f"The constant of proportionality is the amount for 1 {context.x_one}.",
        f"Divide {context.y_value(y)} by {mixed(x)}.",
    )
    solution = _steps(
        f"Divide the {context.y_noun} by the {context.x_noun}: "
        f"{context.y_value(y)} {DIVIDE} {mixed(x)} = {_show(rate, 'dec')}.",
        f"The constant of proportionality is **{context.rate_text(rate)}**.",
    )
    return problem(stem, context.rate_answer(rate), hints, solution, wrong=(x / y, y, y - x))


def _equation(context: _Rate, rate) -> str:
    return f"{context.y_var} = {_coef(rate, context.x_var, context.style)}"


@template("7.RP.A.2c")
def equation_from_table(rng: random.Random) -> Problem:
    """The equation y = kx that represents a proportional relationship given in a table."""
    context = rng.choice(_RATES)
    rate = rng.choice(context.rates)
    xs = _rate_pairs(rng, rate, 3, low=2)
    y_var, x_var = context.y_var, context.x_var
    first_y = rate * xs[0]
    correct = _equation(context, rate)
    wrong = distinct_wrong(
        correct,
        [
            f"{y_var} = {_coef(1 / F(rate), x_var)}",
            f"{y_var} = {_linear(1, first_y - xs[0], x_var, context.style)}",
            f"{y_var} = {_coef(first_y, x_var, context.style)}",
            f"{x_var} = {_coef(rate, y_var, context.style)}",
        ],
        3,
    )
    stem = (
        f"{context.setting} The table shows the {context.y_noun}, {y_var}, for the {context.x_noun}, {x_var}."
        f"\n\n{_rate_table(context, rate, xs)}\n\nWhich equation represents the relationship?"
    )
    hints = (
        f"A proportional relationship has an equation {y_var} = k{x_var}, where k is the constant of proportionality.",
        f"Find k: divide a value of {y_var} by the value of {x_var} in the same row.",
    )
    solution = _steps(
        f"k = {context.y_value(first_y)} {DIVIDE} {xs[0]} = {_show(rate, context.style)}.",
        f"Every row gives the same value, so {y_var} = k{x_var} with that k.",
        f"The equation is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


_ITEMS_BOUGHT = (
    ("notebook", "notebooks"),
    ("movie ticket", "movie tickets"),
    ("bag of rice", "bags of rice"),
    ("pack of pens", "packs of pens"),
    ("bus pass", "bus passes"),
    ("yard of ribbon", "yards of ribbon"),
)


@template("7.RP.A.2c")
def equation_from_words(rng: random.Random) -> Problem:
    """Write t = pn for a total cost proportional to the number of items."""
    one, many = rng.choice(_ITEMS_BOUGHT)
    price = F(rng.choice(range(3, 40)), 4) if rng.random() < 0.6 else F(rng.randint(2, 15))
    count = rng.randint(3, 12)
    total = price * count
    correct = f"t = {_coef(price, 'n', 'dec')}"
    gap = total - count
    wrong = distinct_wrong(
        correct,
        [f"n = {_coef(price, 't', 'dec')}", f"t = {_coef(total, 'n', 'dec')}", f"t = {_linear(1, gap, 'n', 'dec')}"],
    )
    stem = (
        f"The total cost t, in dollars, is proportional to the number n of {many} bought. {count} {many} cost "
        f"{_money(total)}. Which equation gives t in terms of n?"
    )
    hints = (
        "The equation has the form t = pn, where p is the price of one item.",
        f"Find the price of 1 {one}: divide the total cost by {count}.",
    )
    solution = _steps(
        f"Price of 1 {one}: {_money(total)} {DIVIDE} {count} = {_money(price)}.",
        "The total is the price times the number bought: t = pn.",
        f"So the equation is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


@template("7.RP.A.2c")
def equation_from_graph(rng: random.Random) -> Problem:
    """The equation of a proportional relationship from its graph."""
    rate = rng.choice((F(1, 2), F(3, 2), 2, 3, F(2, 3), F(5, 2), F(4, 3), 4))
    x = rng.choice([x for x in _graph_points(rng, rate, 10) if x > 1 and rate * x > 1])
    y = rate * x
    figure = figures.coordinate_plane([("", 0, 0), ("A", x, y)], lines=[_line_to_edge(rate)])
    correct = f"y = {_coef(rate)}"
    wrong = distinct_wrong(correct, [f"y = {_coef(1 / F(rate))}", f"y = {_linear(1, y - x)}", f"y = {_coef(y)}"])
    stem = "The graph shows a proportional relationship through the origin and point A. Which equation represents it?"
    hints = (
        "The equation of a proportional relationship is y = kx.",
        "Use point A: k is its y-coordinate divided by its x-coordinate.",
    )
    solution = _steps(
        f"Point A is at ({x}, {mixed(y)}).",
        f"k = {mixed(y)} {DIVIDE} {x} = {mixed(rate)}.",
        f"So the equation is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution, figure=figure)


def _in_units(noun: str, units: str) -> str:
    """ "time in hours", but "number of batches" as it is."""
    return noun if noun.startswith("number of") else f"{noun} in {units}"


def _coordinates(x, y, style: str = "dec") -> str:
    return f"({_show(x, style)}, {_show(y, style)})"


def _context_graph(rng: random.Random, context: _Rate, rate, marked: list) -> tuple[str, str]:
    """A graph of the context's relationship with `marked` points (name, x), and a sentence naming its axes."""
    points = [(label, x, rate * x) for label, x in marked]
    figure = figures.coordinate_plane(points, lines=[_line_to_edge(rate)])
    axes = (
        f"The graph shows the {_in_units(context.y_noun, context.y_many or 'dollars')} (y) for the "
        f"{_in_units(context.x_noun, context.x_many)} (x)."
    )
    return figure, axes


@template("7.RP.A.2d")
def point_meaning(rng: random.Random) -> Problem:
    """What a point (x, y), (1, r) or (0, 0) on the graph of a proportional relationship means in the situation."""
    context = rng.choice(_GRAPHABLE)
    rate = rng.choice(context.rates)
    kind = rng.choice(("point", "point", "unit", "origin"))
    if kind == "point":
        x = rng.choice([x for x in _graph_points(rng, rate, 10) if x > 1 and rate * x > 1 and rate * x != x])
        y = rate * x
        correct = context.pair(x, y)
        wrong = [context.pair(y, x), context.pair(1, y), context.pair(1, x)]
        reason = f"x = {x} is the {context.x_noun} and y = {_show(y, 'dec')} is the {context.y_noun}."
    elif kind == "unit":
        x, y = 1, rate
        correct = context.pair(1, rate)
        wrong = [context.pair(rate, 1), context.pair(0, rate)]
        reason = (
            f"x = 1 is the {context.x_noun} and y = {_show(rate, 'dec')} is the {context.y_noun}: this is the "
            f"unit rate."
        )
    else:
        x, y = 0, 0
        correct = context.pair(0, 0)
        wrong = [context.pair(1, 0), context.pair(0, rate), context.pair(1, 1)]
        reason = f"x = 0 is the {context.x_noun} and y = 0 is the {context.y_noun}: nothing, so nothing."
    figure, axes = _context_graph(rng, context, rate, [("", x)] if x else [("", 0)])
    stem = f"{context.setting} {axes} What does the point {_coordinates(x, y)} on the graph mean?"
    hints = (
        "The first number of a point is x and the second is y.",
        f"Here x is the {context.x_noun} and y is the {context.y_noun}.",
    )
    solution = _steps(f"In the point {_coordinates(x, y)}, {reason}", f"So the point means: **{correct}**")
    return problem(stem, choice(rng, correct, distinct_wrong(correct, wrong)), hints, solution, figure=figure)


@template("7.RP.A.2d")
def unit_rate_point_choice(rng: random.Random) -> Problem:
    """Which point on the graph of a proportional relationship shows the unit rate (1, r)."""
    context = rng.choice(_GRAPHABLE)
    rate = rng.choice(context.rates)
    x = rng.choice([x for x in _graph_points(rng, rate, 10) if x > 1 and rate * x != x])
    figure, axes = _context_graph(rng, context, rate, [("O", 0), ("A", x)])
    correct = _coordinates(1, rate)
    wrong = distinct_wrong(
        correct, [_coordinates(rate, 1), _coordinates(0, 0), _coordinates(x, rate * x), _coordinates(1, rate * x)], 3
    )
    stem = (
        f"{context.setting} {axes} Which point on the line shows the unit rate, the {context.y_noun} for "
        f"1 {context.x_one}?"
    )
    hints = (
        "The unit rate is the y-value when x is 1.",
        "Find y ÷ x using point A, then write the point whose x-coordinate is 1.",
    )
    solution = _steps(
        f"Point A is {_coordinates(x, rate * x)}, so the unit rate is "
        f"{_show(rate * x, 'dec')} {DIVIDE} {x} = {_show(rate, 'dec')} {context.rate_unit}.",
        f"On the graph, x = 1 goes with y = {_show(rate, 'dec')}.",
        f"The point is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution, figure=figure)


@template("7.RP.A.2d", difficulty=INTRODUCTORY)
def unit_rate_point_value(rng: random.Random) -> Problem:
    """The value r in the point (1, r) on a proportional graph, from one point given in words."""
    context = rng.choice(_RATES)
    rate = rng.choice(context.rates)
    x = rng.choice([x for x in range(2, 11) if (rate * x * 100).denominator == 1])
    y = rate * x
    stem = (
        f"{context.setting} The graph of the {context.y_noun} (y) against the {context.x_noun} (x) is a straight "
        f"line through (0, 0) and {_coordinates(x, y)}. The point (1, r) is also on the graph. What is r?"
    )
    hints = (
        "The point (1, r) gives the unit rate: the amount for 1 unit of x.",
        f"Divide the y-coordinate {_show(y, 'dec')} by the x-coordinate {x}.",
    )
    solution = _steps(
        f"r = {_show(y, 'dec')} {DIVIDE} {x} = {_show(rate, 'dec')}.",
        f"It means: {context.pair(1, rate)}.",
        f"So r = **{_show(rate, 'dec')}**.",
    )
    return problem(stem, numeric(F(rate), display=_show(rate, "dec")), hints, solution, wrong=(y, F(x) / y, y - x))


# 7.RP.A.3: percent problems. Prices are whole cents and answers exact.

_PURCHASES = (
    ("a bike", 120, 360),
    ("a pair of shoes", 40, 120),
    ("a video game", 30, 70),
    ("a backpack", 24, 60),
    ("a jacket", 40, 150),
    ("a lamp", 20, 80),
    ("a tent", 60, 200),
    ("a guitar", 90, 400),
)


def _price_for(rng: random.Random, low: int, high: int, *percents) -> Fraction:
    """A price from low to high dollars (whole, or in quarters) whose percents are whole cents."""
    while True:
        price = F(rng.randint(low, high)) if rng.random() < 0.6 else F(rng.randint(4 * low, 4 * high), 4)
        if all((price * percent).denominator == 1 for percent in percents):
            return price


@template("7.RP.A.3")
def tax_or_tip_total(rng: random.Random) -> Problem:
    """The total cost after a sales tax or a tip."""
    who = name(rng)
    if rng.random() < 0.5:
        item, low, high = rng.choice(_PURCHASES)
        percent = rng.choice((4, 5, 6, 7, 8, 9, F(13, 2), F(15, 2)))
        price = _price_for(rng, low, high, percent)
        what, extra = "sales tax", "tax"
        setup = f"{who} buys {item} for {_money(price)}. The sales tax is {_pct(percent)}."
        question = "What is the total cost with tax, in dollars?"
    else:
        percent = rng.choice((15, 18, 20, 25))
        price = _price_for(rng, 20, 90, percent)
        what, extra = "tip", "tip"
        setup = f"{who}'s family eats at a restaurant. The bill is {_money(price)}. They leave a {_pct(percent)} tip."
        question = "What is the total they pay, in dollars?"
    amount = price * percent / 100
    total = price + amount
    hints = (
        f"First find the {extra}: change {_pct(percent)} to a decimal and multiply by the bill or price.",
        f"Then add the {extra} to {_money(price)}.",
    )
    solution = _steps(
        f"{_pct(percent)} = {_dec(F(percent) / 100)}.",
        f"The {what}: {_money(price)} {TIMES} {_dec(F(percent) / 100)} = {_money(amount)}.",
        f"Total: {_money(price)} + {_money(amount)} = **{_money(total)}**.",
    )
    return problem(
        f"{setup} {question}", _money_answer(total), hints, solution, wrong=(amount, price + percent, price - amount)
    )


@template("7.RP.A.3")
def discount_or_markup(rng: random.Random) -> Problem:
    """A sale price after a discount, or a selling price after a markup."""
    item, low, high = rng.choice(_PURCHASES)
    percent = rng.choice((10, 15, 20, 25, 30, 35, 40, 50, 60))
    price = _price_for(rng, low, high, percent)
    change = price * percent / 100
    if rng.random() < 0.5:
        result = price - change
        stem = (
            f"{_capital(item)} costs {_money(price)}. It goes on sale for {percent}% off. What is the sale price, "
            f"in dollars?"
        )
        step = f"Sale price: {_money(price)} {MINUS} {_money(change)} = **{_money(result)}**."
        wrong = (change, price - percent, price + change)
        what, then = "discount", "Then subtract the discount from the price."
    else:
        result = price + change
        stem = (
            f"A store pays {_money(price)} for {item}. It marks the price up by {percent}% to sell it. What price "
            f"does the store charge, in dollars?"
        )
        step = f"Selling price: {_money(price)} + {_money(change)} = **{_money(result)}**."
        wrong = (change, price + percent, price - change)
        what, then = "markup", "Then add the markup to what the store paid."
    hints = (f"First find the {what}, which is {percent}% of {_money(price)}.", then)
    solution = _steps(f"The {what}: {_money(price)} {TIMES} {_dec(F(percent, 100))} = {_money(change)}.", step)
    return problem(stem, _money_answer(result), hints, solution, wrong=wrong)


@template("7.RP.A.3")
def percent_change(rng: random.Random) -> Problem:
    """The percent increase or decrease from an old amount to a new one."""
    percent = rng.choice((10, 15, 20, 25, 30, 40, 50, 60, 75))
    up = rng.random() < 0.5
    situations = (
        (
            "The chess club had {old} members last year. This year it has {new} members.",
            "number of members",
            (20, 40, 60, 80, 100, 120),
            lambda v: str(v),
        ),
        ("A movie ticket cost {old} last year. This year it costs {new}.", "price", (8, 10, 12, 16, 20), _money),
        (
            "A town had {old} people in 2010. In 2020 it had {new} people.",
            "population",
            (1200, 2000, 2400, 3600, 4000, 8000),
            lambda v: number_text(v, commas=True),
        ),
        ("A plant was {old} cm tall in May. In June it was {new} cm tall.", "height", (20, 40, 60, 80), str),
    )
    setup, what, olds, write = rng.choice(situations)
    old = rng.choice(olds)
    while (F(old * percent, 100) * (4 if write is _money else 1)).denominator != 1:
        percent = rng.choice((10, 20, 25, 50))
    change = F(old * percent, 100)
    new = old + change if up else old - change
    direction = "increase" if up else "decrease"
    stem = setup.format(old=write(old), new=write(new)) + f" By what percent did the {what} {direction}?"
    hints = (
        "Percent change = (amount of change) ÷ (original amount) × 100.",
        f"Find the change first, then divide it by the original amount, {write(old)}.",
    )
    solution = _steps(
        f"Change: {write(max(old, new))} {MINUS} {write(min(old, new))} = {write(change)}.",
        f"Divide by the original amount: {write(change)} {DIVIDE} {write(old)} = {_dec(F(percent, 100))}.",
        f"As a percent, that is a **{percent}%** {direction}.",
    )
    answer = numeric(percent, display=f"{percent}%")
    return problem(stem, answer, hints, solution, wrong=(change, change * 100 / new, 100 - percent))


@template("7.RP.A.3")
def simple_interest(rng: random.Random) -> Problem:
    """Simple interest earned, or the balance after some years."""
    who = name(rng)
    rate = rng.choice((2, 3, 4, 5, F(5, 2), F(7, 2)))
    years = rng.randint(2, 6)
    principal = F(rng.randrange(200, 5001, 50))
    interest = principal * rate / 100 * years
    ask_total = rng.random() < 0.5
    setup = (
        f"{who} puts {_money(principal)} in a savings account that pays {_pct(rate)} simple interest each year. "
        f"{who} makes no other deposits or withdrawals."
    )
    if ask_total:
        question, result = f"How much money is in the account after {years} years, in dollars?", principal + interest
    else:
        question, result = f"How much interest does the account earn in {years} years, in dollars?", interest
    hints = (
        "Simple interest = principal × yearly rate × number of years.",
        f"Write {_pct(rate)} as a decimal before you multiply.",
    )
    steps = [
        f"{_pct(rate)} = {_dec(F(rate) / 100)}.",
        f"Interest: {_money(principal)} {TIMES} {_dec(F(rate) / 100)} {TIMES} {years} = {_money(interest)}.",
    ]
    if ask_total:
        steps.append(f"Balance: {_money(principal)} + {_money(interest)} = **{_money(result)}**.")
    else:
        steps.append(f"The account earns **{_money(result)}** in interest.")
    wrong = (principal * rate / 100, principal + interest if not ask_total else interest, principal * rate * years)
    return problem(f"{setup} {question}", _money_answer(result), hints, _steps(*steps), wrong=wrong)


@template("7.RP.A.3")
def percent_error(rng: random.Random) -> Problem:
    """The percent error of an estimate or a measurement."""
    who = name(rng)
    situations = (
        (
            "{who} guesses there are {estimate} marbles in a jar. There are really {actual}.",
            (40, 50, 80, 100, 120, 200, 250, 400, 500),
        ),
        ("{who} estimates that a room is {estimate} feet long. It is really {actual} feet long.", (20, 25, 40, 50)),
        (
            "{who} estimates that {estimate} people came to a game. Really, {actual} people came.",
            (400, 500, 800, 1000, 1200),
        ),
        ("{who} guesses that a pumpkin weighs {estimate} pounds. It really weighs {actual} pounds.", (20, 25, 40, 50)),
    )
    setup, actuals = rng.choice(situations)
    while True:
        actual, percent = rng.choice(actuals), rng.choice((2, 4, 5, 8, 10, 12, 15, 20, 25))
        error = F(actual * percent, 100)
        if error.denominator == 1:
            break
    estimate = actual + error if rng.random() < 0.5 else actual - error
    stem = setup.format(who=who, estimate=number_text(estimate, commas=True), actual=number_text(actual, commas=True))
    stem += " What is the percent error of the estimate?"
    hints = (
        "Percent error = (distance between the estimate and the actual value) ÷ (actual value) × 100.",
        "Divide by the actual value, not by the estimate.",
    )
    solution = _steps(
        f"The error: the estimate and the actual value are {number_text(error)} apart.",
        f"Divide by the actual value: {number_text(error)} {DIVIDE} {number_text(actual, commas=True)} = "
        f"{_dec(F(percent, 100))}.",
        f"The percent error is **{percent}%**.",
    )
    return problem(
        stem,
        numeric(percent, display=f"{percent}%"),
        hints,
        solution,
        wrong=(error, error * 100 / estimate, F(percent, 100)),
    )


@template("7.RP.A.3")
def commission_pay(rng: random.Random) -> Problem:
    """A commission on sales, sometimes added to a weekly base pay."""
    who = name(rng)
    percent = rng.choice((3, 4, 5, 6, 8, 10, 12, 15))
    sales = F(rng.randrange(1000, 9001, 50))
    commission = sales * percent / 100
    base = rng.choice((0, 0, 200, 250, 300, 350))
    job = rng.choice(("furniture", "cars", "phones", "bikes"))
    if base:
        stem = (
            f"{who} sells {job}. {who} earns {_money(base)} a week plus {percent}% commission on sales. This week "
            f"{who} sold {_money(sales)} of {job}. How much did {who} earn this week, in dollars?"
        )
        result = base + commission
        last = f"Total pay: {_money(base)} + {_money(commission)} = **{_money(result)}**."
        wrong = (commission, base + percent, base + commission * 10)
    else:
        stem = (
            f"{who} sells {job} and earns a {percent}% commission on sales. This week {who} sold {_money(sales)} "
            f"of {job}. How much commission did {who} earn, in dollars?"
        )
        result = commission
        last = f"The commission is **{_money(result)}**."
        wrong = (commission * 10, sales - commission, F(percent))
    hints = ("A commission is a percent of the sales.", f"Multiply {_money(sales)} by {percent}% written as a decimal.")
    solution = _steps(
        f"{percent}% = {_dec(F(percent, 100))}.",
        f"Commission: {_money(sales)} {TIMES} {_dec(F(percent, 100))} = {_money(commission)}.",
        last,
    )
    return problem(stem, _money_answer(result), hints, solution, wrong=wrong)


@template("7.RP.A.3", difficulty=STRETCH)
def discount_then_tax(rng: random.Random) -> Problem:
    """A sale price after a discount, then sales tax on the sale price."""
    who = name(rng)
    item, low, high = rng.choice(_PURCHASES)
    while True:
        discount, tax = rng.choice((10, 20, 25, 30, 40, 50)), rng.choice((4, 5, 6, 8, 10))
        price = F(rng.randint(low, high))
        sale = price * (100 - discount) / 100
        total = sale * (100 + tax) / 100
        if (total * 100).denominator == 1 and (sale * 100).denominator == 1:
            break
    stem = (
        f"{_capital(item)} costs {_money(price)}. {who} buys it on sale for {discount}% off, then pays {tax}% "
        f"sales tax on the sale price. What is the total cost, in dollars?"
    )
    hints = (
        "Do it in two steps: first the sale price, then the tax on the sale price.",
        f"The sale price is {100 - discount}% of {_money(price)}.",
    )
    solution = _steps(
        f"Sale price: {_money(price)} {TIMES} {_dec(F(100 - discount, 100))} = {_money(sale)}.",
        f"Tax: {_money(sale)} {TIMES} {_dec(F(tax, 100))} = {_money(total - sale)}.",
        f"Total: {_money(sale)} + {_money(total - sale)} = **{_money(total)}**.",
    )
    wrong = (sale, price * (100 - discount + tax) / 100, price * (100 + tax) / 100)
    return problem(stem, _money_answer(total), hints, solution, wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 7.NS: the four operations with rational numbers


def _rational(rng: random.Random, style: str, low: int, high: int) -> Fraction:
    """A nonzero number from low to high: an integer ("int"), a decimal in tenths, halves or quarters ("dec"), or
    a fraction or mixed number that is not whole ("frac")."""
    while True:
        if style == "int":
            value = F(rng.randint(low, high))
        else:
            denominator = rng.choice((10, 4, 2) if style == "dec" else (2, 3, 4, 5, 6, 8))
            value = F(rng.randint(low * denominator, high * denominator), denominator)
            if value.denominator == 1:
                continue
        if value:
            return value


def _style(rng: random.Random, weights=(2, 1, 1)) -> str:
    return rng.choices(("int", "dec", "frac"), weights=weights)[0]


def _sum_text(terms, style: str) -> str:
    """ "−3 + 5 + (−2)": terms joined by +, negatives after the first in parentheses."""
    return " + ".join(_show(term, style) if index == 0 else _par(term, style) for index, term in enumerate(terms))


def _product_text(factors, style: str) -> str:
    return f" {TIMES} ".join(_par(factor, style) for factor in factors)


_CHANGES = (  # (subject, going up, going down, what changes)
    ("A hot-air balloon", "rises {n} feet", "sinks {n} feet", "the balloon's height"),
    ("Carlos", "earns ${n}", "spends ${n}", "the money Carlos has"),
    ("A football team", "gains {n} yards", "loses {n} yards", "the team's position on the field"),
    ("The temperature", "goes up {n}°F", "goes down {n}°F", "the temperature"),
    ("An elevator", "goes up {n} floors", "goes down {n} floors", "the elevator's floor"),
)


@template("7.NS.A.1a")
def zero_total_choice(rng: random.Random) -> Problem:
    """Which situation has opposite changes that combine to make 0."""
    subject, up, down, what = rng.choice(_CHANGES)
    amount = rng.randint(3, 12) if "floors" in up else rng.randint(5, 60)
    near = amount + rng.choice((-2, -1, 1, 2, 10))
    correct = f"{subject} {up.format(n=amount)} and then {down.format(n=amount)}."
    if rng.random() < 0.5:
        correct = f"{subject} {down.format(n=amount)} and then {up.format(n=amount)}."
    wrong = [
        f"{subject} {up.format(n=amount)} and then {up.format(n=amount)}.",
        f"{subject} {up.format(n=amount)} and then {down.format(n=near)}.",
        f"{subject} {down.format(n=amount)} and then {down.format(n=amount)}.",
    ]
    stem = f"In which situation is the total change in {what} equal to 0?"
    hints = ("Write each change as a positive or a negative number.", "Opposite changes of the same size add to 0.")
    solution = _steps(
        "Going up, earning or gaining is positive; going down, spending or losing is negative.",
        f"Only one choice has two opposite changes of the same size: {amount} + ({MINUS}{amount}) = 0.",
        f"So the answer is **{correct}**",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


@template("7.NS.A.1a")
def opposites_in_context(rng: random.Random) -> Problem:
    """How much more change brings a quantity back to 0, or the charge of an atom."""
    who = name(rng)
    kind = rng.choice(("submarine", "account", "football", "atom"))
    if kind == "atom":
        protons = rng.randint(6, 20)
        electrons = protons + rng.choice((-2, -1, 0, 0, 1, 2))
        stem = (
            f"An atom has {protons} protons and {electrons} electrons. Each proton has a charge of +1 and each "
            f"electron has a charge of {MINUS}1. What is the total charge of the atom?"
        )
        result = F(protons - electrons)
        steps = (
            f"The protons give +{protons} and the electrons give {MINUS}{electrons}.",
            f"{protons} + ({MINUS}{electrons}) = {number_text(result)}.",
        )
        hints = ("Each proton and electron pair adds to 0.", "Add the positive charges and the negative charges.")
        wrong = (protons + electrons, electrons - protons, 1)
        return problem(
            stem, numeric(result), hints, _steps(*steps, f"The charge is **{number_text(result)}**."), wrong=wrong
        )
    big = rng.randint(20, 90)
    small = rng.randint(5, big - 5)
    if kind == "submarine":
        stem = (
            f"A submarine starts at sea level. It dives {big} meters, then rises {small} meters. How many more "
            f"meters must it rise to be back at sea level?"
        )
        steps = (f"Its position is {MINUS}{big} + {small} = {MINUS}{big - small} meters.",)
        unit = "meters"
    elif kind == "account":
        stem = (
            f"{who} opens a bank account with $0. {who} deposits ${big}, then spends ${small}. How many more "
            f"dollars must {who} spend to bring the balance back to $0?"
        )
        steps = (f"The balance is {big} + ({MINUS}{small}) = {big - small} dollars.",)
        unit = "dollars"
    else:
        stem = (
            f"A football team loses {big} yards on one play and gains {small} yards on the next. How many yards "
            f"must it gain on the next play to get back to where it started?"
        )
        steps = (f"The total change is {MINUS}{big} + {small} = {MINUS}{big - small} yards.",)
        unit = "yards"
    result = big - small
    hints = ("A number and its opposite add to 0.", "Find where things stand now, then find its opposite.")
    solution = _steps(*steps, f"To get back to 0, add the opposite: **{result} {unit}**.")
    return problem(stem, _num_answer(result, unit=unit), hints, solution, wrong=(big + small, small, big, -result))


@template("7.NS.A.1a", difficulty=INTRODUCTORY)
def additive_inverse(rng: random.Random) -> Problem:
    """The number that adds to a given rational number to make 0."""
    style = _style(rng)
    value = _rational(rng, style, -20, 20)
    stem = f"What number can you add to {_show(value, style)} to get 0?"
    hints = (
        "A number and its opposite add to 0.",
        "The opposite of a number is the same distance from 0 on the other side of 0.",
    )
    solution = _steps(
        f"The opposite of {_show(value, style)} is {_show(-value, style)}.",
        f"{_show(value, style)} + {_par(-value, style)} = 0.",
        f"So the number is **{_show(-value, style)}**.",
    )
    return problem(stem, _num_answer(-value, style=style), hints, solution, wrong=(value, 1 / value, 0))


def _direction(value) -> str:
    return "right" if value > 0 else "left"


@template("7.NS.A.1b")
def sum_on_number_line(rng: random.Random) -> Problem:
    """p + q found by moving |q| units from p on a number line."""
    while True:
        start, step = rng.randint(-8, 8), rng.choice([q for q in range(-9, 10) if q])
        if -10 <= start + step <= 10 and start + step != 0:
            break
    result = start + step
    figure = figures.number_line(-10, 10, 1, points=[("P", start)], label_every=2)
    stem = f"Point P on the number line is at {number_text(start)}. What number is {number_text(start)} + {_par(step)}?"
    hints = (
        "Start at P. Adding a positive number moves right; adding a negative number moves left.",
        f"Move {abs(step)} units from P.",
    )
    solution = _steps(
        f"Start at {number_text(start)}.",
        f"{number_text(step)} is {'positive' if step > 0 else 'negative'}, so move {abs(step)} units to "
        f"the {_direction(step)}.",
        f"You land at **{number_text(result)}**.",
    )
    return problem(stem, numeric(result), hints, solution, wrong=(start - step, -result, step - start), figure=figure)


@template("7.NS.A.1b")
def sum_direction_choice(rng: random.Random) -> Problem:
    """Where p + q lies on a number line: |q| units from p, to the right or left by the sign of q."""
    style = rng.choice(("int", "int", "dec"))
    while True:
        start, step = _rational(rng, style, -12, 12), _rational(rng, style, -12, 12)
        options = [
            (f"{_show(abs(step), style)} units to the {_direction(step)} of {_show(start, style)}", start + step),
            (f"{_show(abs(step), style)} units to the {_direction(-step)} of {_show(start, style)}", start - step),
            (f"{_show(abs(start), style)} units to the {_direction(-start)} of {_show(step, style)}", step - start),
            (f"{_show(abs(step), style)} units to the {_direction(step)} of 0", step),
        ]
        if len({value for _, value in options}) == len(options) and min(start, step) < 0:
            break
    correct = options[0][0]
    stem = f"Where is {_show(start, style)} + {_par(step, style)} on a number line?"
    hints = ("p + q is |q| units away from p.", "The sign of the number you add tells you which way to move.")
    solution = _steps(
        f"Start at {_show(start, style)}, the first number.",
        f"The number added is {_show(step, style)}: it is "
        f"{'positive, so move right' if step > 0 else 'negative, so move left'}.",
        f"So the sum is **{correct}**, at {_show(start + step, style)}.",
    )
    return problem(stem, choice(rng, correct, [text_value for text_value, _ in options[1:]]), hints, solution)


@template("7.NS.A.1b")
def sum_in_context(rng: random.Random) -> Problem:
    """A real-world sum of a negative and a positive number (temperature, elevation, balance)."""
    who = name(rng)
    kind = rng.choice(("temperature", "elevation", "balance"))
    if kind == "temperature":
        start = -_rational(rng, rng.choice(("int", "dec")), 1, 15)
        change = _rational(rng, "int", 3, 25) * rng.choice((1, -1))
        verb = f"rose {_show(abs(change), 'dec')}°F" if change > 0 else f"fell {_show(abs(change), 'dec')}°F"
        stem = (
            f"At 6 a.m. the temperature was {_show(start, 'dec')}°F. By noon it had {verb}. What was the "
            f"temperature at noon, in °F?"
        )
        unit, style = "°F", "dec"
    elif kind == "elevation":
        start = -F(rng.randrange(20, 301, 5))
        change = F(rng.randrange(10, 401, 5))
        stem = (
            f"A hiker starts at an elevation of {number_text(start)} feet (below sea level). She climbs up "
            f"{number_text(change)} feet. What is her new elevation, in feet?"
        )
        unit, style = "feet", "int"
    else:
        start = -F(rng.randint(5, 60))
        change = F(rng.randint(5, 80))
        stem = (
            f"{who}'s bank balance is {_money(start)} (overdrawn). {who} deposits {_money(change)}. What is the "
            f"new balance, in dollars?"
        )
        unit, style = "dollars", "int"
    result = start + change
    hints = (
        "Write the start as a negative number and add the change.",
        "When the signs are different, subtract the sizes and keep the sign of the number farther from 0.",
    )
    answer = _money_answer(result) if kind == "balance" else _num_answer(result, unit=unit, style=style)
    solution = _steps(
        f"{_show(start, style)} + {_par(change, style)} = {_show(result, style)}.",
        f"So the answer is **{answer.display}**.",
    )
    return problem(stem, answer, hints, solution, wrong=(start - change, -result, abs(start) + abs(change)))


@template("7.NS.A.1c")
def subtract_rationals(rng: random.Random) -> Problem:
    """p − q with positive and negative integers, decimals or fractions, by adding the opposite."""
    style = _style(rng)
    while True:
        first, second = _rational(rng, style, -12, 12), _rational(rng, style, -12, 12)
        if first < 0 or second < 0:
            break
    result = first - second
    stem = f"Find {_show(first, style)} {MINUS} {_par(second, style)}."
    hints = (
        "Subtracting a number is the same as adding its opposite.",
        f"Rewrite it as {_show(first, style)} + {_par(-second, style)}.",
    )
    solution = _steps(
        f"Add the opposite: {_show(first, style)} {MINUS} {_par(second, style)} = "
        f"{_show(first, style)} + {_par(-second, style)}.",
        f"The sum is **{_show(result, style)}**.",
    )
    return problem(
        stem, _num_answer(result, style=style), hints, solution, wrong=(first + second, second - first, -first - second)
    )


@template("7.NS.A.1c")
def subtraction_as_addition_choice(rng: random.Random) -> Problem:
    """Which sum has the same value as a difference p − q (p + (−q))."""
    while True:
        first, second = F(rng.choice([v for v in range(-15, 16) if v])), F(rng.choice([v for v in range(-15, 16) if v]))
        values = {first - second, first + second, -first - second, second - first}
        if len(values) == 4:
            break
    correct = f"{number_text(first)} + {_par(-second)}"
    wrong = [
        f"{number_text(first)} + {_par(second)}",
        f"{number_text(-first)} + {_par(-second)}",
        f"{number_text(-first)} + {_par(second)}",
    ]
    stem = f"Which expression has the same value as {number_text(first)} {MINUS} {_par(second)}?"
    hints = (
        "Subtracting a number is the same as adding its opposite.",
        "Keep the first number as it is; change only the number being subtracted.",
    )
    solution = _steps(
        f"p {MINUS} q = p + ({MINUS}q).",
        f"The opposite of {number_text(second)} is {number_text(-second)}.",
        f"So the expression is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


@template("7.NS.A.1c")
def distance_between_numbers(rng: random.Random) -> Problem:
    """The distance between two rational numbers as the absolute value of their difference."""
    kind = rng.choice(("line", "elevation", "temperature"))
    figure = ""
    if kind == "line":
        low = rng.randint(-10, -1)
        high = rng.randint(1, 10)
        a, b = (low, high) if rng.random() < 0.5 else (high, low)
        if rng.random() < 0.3:
            a, b = sorted((rng.randint(-10, -2), rng.randint(-10, -2)))
            if a == b:
                b = a + 3
        figure = figures.number_line(-10, 10, 1, points=[("A", a), ("B", b)], label_every=2)
        stem = (
            f"On the number line, point A is at {number_text(a)} and point B is at {number_text(b)}. What is the "
            f"distance between A and B?"
        )
        unit = "units"
        high_value, low_value = F(max(a, b)), F(min(a, b))
    elif kind == "elevation":
        depth, height = F(rng.randrange(5, 80)), F(rng.randrange(5, 60))
        stem = (
            f"A diver is at {number_text(-depth)} meters (below sea level). A bird flies at {number_text(height)} "
            f"meters above sea level, straight above the diver. How far apart are they, in meters?"
        )
        unit = "meters"
        high_value, low_value = height, -depth
    else:
        low_value = -_rational(rng, rng.choice(("int", "dec")), 1, 20)
        high_value = F(rng.randint(-5, 30))
        if high_value <= low_value:
            high_value = low_value + 12
        stem = (
            f"In one day the high temperature was {_show(high_value, 'dec')}°F and the low was "
            f"{_show(low_value, 'dec')}°F. How many degrees apart are they?"
        )
        unit = "°F"
    result = high_value - low_value
    hints = (
        "The distance between two numbers is the absolute value of their difference.",
        f"Find {_show(high_value, 'dec')} {MINUS} {_par(low_value, 'dec')}.",
    )
    solution = _steps(
        f"|{_show(high_value, 'dec')} {MINUS} {_par(low_value, 'dec')}| = "
        f"|{_show(high_value, 'dec')} + {_par(-low_value, 'dec')}| = {_show(result, 'dec')}.",
        f"They are **{_show(result, 'dec')}{'' if unit == '°F' else ' '}{unit}** apart.",
    )
    wrong = (abs(abs(high_value) - abs(low_value)), high_value + low_value, -result)
    return problem(stem, _num_answer(result, unit=unit, style="dec"), hints, solution, wrong=wrong, figure=figure)


@template("7.NS.A.1d")
def sum_with_opposites(rng: random.Random) -> Problem:
    """A sum of four rational numbers made easy by first adding a pair of opposites."""
    style = rng.choice(("dec", "frac"))
    pair = _rational(rng, style, -9, 9)
    denominator = rng.choice((10, 4) if style == "dec" else (2, 3, 4, 6, 8))
    first, second = (
        F(rng.choice([v for v in range(-9 * denominator, 9 * denominator) if v % denominator]), denominator)
        for _ in range(2)
    )
    while pair in (first, second, -first, -second):
        pair = _rational(rng, style, -9, 9)
    terms = [pair, first, -pair, second]
    result = first + second
    stem = f"Find the sum: {_sum_text(terms, style)}"
    hints = (
        "Look for two numbers that are opposites. What is their sum?",
        "You can add in any order: the commutative and associative properties let you regroup.",
    )
    solution = _steps(
        f"Regroup: ({_show(pair, style)} + {_par(-pair, style)}) + ({_show(first, style)} + {_par(second, style)}).",
        f"The opposites add to 0, and {_show(first, style)} + {_par(second, style)} = {_show(result, style)}.",
        f"So the sum is **{_show(result, style)}**.",
    )
    return problem(
        stem,
        _num_answer(result, style=style),
        hints,
        solution,
        wrong=(result + 2 * pair, first - second, result - 2 * pair),
    )


@template("7.NS.A.1d")
def sum_of_compatible_decimals(rng: random.Random) -> Problem:
    """A sum of positive and negative decimals grouped into pairs that make whole numbers."""
    gain_total, loss_total = rng.randint(2, 9), rng.randint(2, 9)
    gain = F(rng.choice([v for v in range(1, gain_total * 10) if v % 10]), 10)
    loss = F(rng.choice([v for v in range(1, loss_total * 4) if v % 4]), 4)
    terms = [gain, -loss, gain_total - gain, -(loss_total - loss)]
    result = F(gain_total - loss_total)
    stem = f"Find the sum: {_sum_text(terms, 'dec')}"
    hints = (
        "Group numbers whose decimal parts combine to make whole numbers.",
        "Add the two positive numbers, then the two negative numbers.",
    )
    solution = _steps(
        f"Positives: {_dec(gain)} + {_dec(gain_total - gain)} = {gain_total}.",
        f"Negatives: {_par(-loss, 'dec')} + {_par(-(loss_total - loss), 'dec')} = {MINUS}{loss_total}.",
        f"{gain_total} + ({MINUS}{loss_total}) = **{number_text(result)}**.",
    )
    return problem(stem, numeric(result), hints, solution, wrong=(gain_total + loss_total, -result, gain - loss))


_ADDITION_PROPERTIES = (
    "Commutative property of addition",
    "Associative property of addition",
    "Additive inverse property",
    "Additive identity property",
)


@template("7.NS.A.1d")
def addition_property_choice(rng: random.Random) -> Problem:
    """Which property of addition justifies a step in adding rational numbers."""
    who = name(rng)
    style = rng.choice(("dec", "frac", "int"))
    a, b, c = (_rational(rng, style, -9, 9) for _ in range(3))
    kind = rng.randrange(4)
    step = [
        f"{_show(a, style)} + {_par(b, style)} + {_par(c, style)} = {_show(a, style)} + {_par(c, style)} + "
        f"{_par(b, style)}",
        f"({_show(a, style)} + {_par(b, style)}) + {_par(c, style)} = {_show(a, style)} + ({_show(b, style)} + "
        f"{_par(c, style)})",
        f"{_show(a, style)} + {_par(-a, style)} = 0",
        f"{_show(a, style)} + 0 = {_show(a, style)}",
    ][kind]
    correct = _ADDITION_PROPERTIES[kind]
    stem = f"{who} writes this step while adding:\n\n{step}\n\nWhich property does the step use?"
    hints = (
        "Look at what changes from the left side to the right side.",
        "Changing the order is one property; changing the grouping (parentheses) is another.",
    )
    explanation = [
        "The numbers are added in a different order.",
        "The numbers stay in order but are grouped differently.",
        "A number plus its opposite is 0.",
        "Adding 0 leaves a number unchanged.",
    ][kind]
    solution = _steps(explanation, f"This is the **{correct}**.")
    return problem(stem, choice(rng, correct, _ADDITION_PROPERTIES, keep_order=True), hints, solution)


@template("7.NS.A.2a")
def multiply_rationals(rng: random.Random) -> Problem:
    """A product of two or three signed integers, decimals or fractions."""
    style = _style(rng)
    if style == "int" and rng.random() < 0.5:
        factors = [_rational(rng, "int", -9, 9) for _ in range(3)]
    elif style == "dec":
        factors = [_rational(rng, "dec", -6, 6), _rational(rng, "int", -12, 12)]
    else:
        factors = [_rational(rng, style, -9, 9), _rational(rng, style if style == "int" else "int", -12, 12)]
        if style == "frac":
            factors[1] = F(rng.choice((-1, 1)) * rng.randint(1, 9), rng.choice((2, 3, 4, 5)))
    if not any(factor < 0 for factor in factors):
        factors[rng.randrange(len(factors))] *= -1
    product = math.prod(factors, start=F(1))
    stem = f"Find the product: {_product_text(factors, style)}"
    negatives = sum(factor < 0 for factor in factors)
    hints = (
        "Multiply the sizes of the numbers first, then decide the sign.",
        "An even number of negative factors gives a positive product; an odd number gives a negative product.",
    )
    solution = _steps(
        f"Multiply the sizes: {_product_text([abs(f) for f in factors], style)} = {_show(abs(product), style)}.",
        f"There {'is' if negatives == 1 else 'are'} {negatives} negative "
        f"factor{'s' if negatives != 1 else ''}, so the product is "
        f"{'negative' if product < 0 else 'positive'}.",
        f"The product is **{_show(product, style)}**.",
    )
    return problem(stem, _num_answer(product, style=style), hints, solution, wrong=(-product, sum(factors)))


_SIGNS = ("positive", "negative", "zero")


@template("7.NS.A.2a", difficulty=INTRODUCTORY)
def product_sign_choice(rng: random.Random) -> Problem:
    """Whether a product of several signed numbers is positive, negative or zero, without multiplying."""
    count = rng.randint(3, 5)
    factors = [_rational(rng, rng.choice(("int", "int", "frac")), -9, 9) for _ in range(count)]
    factors = [factor if abs(factor) != 1 else factor * 7 for factor in factors]
    if rng.random() < 0.15:
        factors[rng.randrange(count)] = F(0)
    product = math.prod(factors, start=F(1))
    correct = "zero" if product == 0 else "positive" if product > 0 else "negative"
    negatives = sum(factor < 0 for factor in factors)
    stem = "Without multiplying, decide: is this product positive, negative or zero?\n\n" + _product_text(
        factors, "frac"
    )
    hints = (
        "Check first whether any factor is 0.",
        "Count the factors that are less than 0. Each pair of them multiplies to a number greater than 0.",
    )
    if product == 0:
        reason = "One factor is 0, and anything times 0 is 0."
    else:
        reason = (
            f"There {'is' if negatives == 1 else 'are'} {negatives} negative "
            f"factor{'s' if negatives != 1 else ''}, an {'even' if negatives % 2 == 0 else 'odd'} number."
        )
    solution = _steps(reason, f"So the product is **{correct}**.")
    return problem(stem, choice(rng, correct, _SIGNS, keep_order=True), hints, solution)


@template("7.NS.A.2a")
def product_in_context(rng: random.Random) -> Problem:
    """A real-world product of a negative rate and a time (falling temperature, a diver, spending)."""
    who = name(rng)
    kind = rng.choice(("temperature", "diver", "spending"))
    if kind == "temperature":
        rate, times = _rational(rng, rng.choice(("int", "dec")), 1, 5), rng.randint(2, 9)
        stem = (
            f"The temperature falls {_show(rate, 'dec')}°F each hour for {times} hours. What is the total change "
            f"in temperature, in °F? Write a drop as a negative number."
        )
        unit = "°F"
    elif kind == "diver":
        rate, times = F(rng.randint(2, 15)), rng.randint(3, 12)
        stem = (
            f"A diver goes down {number_text(rate)} feet each minute for {times} minutes. What is the diver's "
            f"change in depth, in feet? Write going down as a negative number."
        )
        unit = "feet"
    else:
        rate, times = F(rng.randrange(150, 901, 25), 100), rng.randint(3, 10)
        stem = (
            f"{who} spends {_money(rate)} on lunch every school day. What is the change in {who}'s money after "
            f"{times} school days, in dollars? Write money spent as a negative number."
        )
        unit = ""
    change = -rate * times
    answer = _money_answer(change) if kind == "spending" else _num_answer(change, unit=unit, style="dec")
    hints = (
        "Each step is a negative change. Multiply it by the number of steps.",
        "A negative number times a positive number is negative.",
    )
    solution = _steps(
        f"Each change is {_show(-rate, 'dec')}; it happens {times} times.",
        f"{_par(-rate, 'dec')} {TIMES} {times} = {_show(change, 'dec')}.",
        f"The total change is **{answer.display}**.",
    )
    return problem(stem, answer, hints, solution, wrong=(-change, -rate - times, -rate + times))


@template("7.NS.A.2b")
def divide_integers(rng: random.Random) -> Problem:
    """A quotient of two integers, one or both negative, which may be a fraction."""
    divisor = rng.choice([v for v in range(-12, 13) if abs(v) >= 2])
    if rng.random() < 0.5:
        dividend = divisor * rng.choice([v for v in range(-12, 13) if abs(v) > 1])
    else:
        dividend = rng.choice([v for v in range(-60, 61) if v and v % divisor])
    if dividend > 0 and divisor > 0:
        dividend = -dividend
    result = F(dividend, divisor)
    stem = f"Find {number_text(dividend)} {DIVIDE} {_par(divisor)}."
    hints = (
        "Divide the sizes, then decide the sign.",
        "If the signs are the same the quotient is positive; if they are different it is negative.",
    )
    solution = _steps(
        f"{abs(dividend)} {DIVIDE} {abs(divisor)} = {mixed(abs(result))}.",
        f"The signs are {'the same' if result > 0 else 'different'}, so the quotient is "
        f"{'positive' if result > 0 else 'negative'}.",
        f"The quotient is **{mixed(result)}**.",
    )
    return problem(
        stem, _num_answer(result), hints, solution, wrong=(-result, F(divisor, dividend), dividend - divisor)
    )


@template("7.NS.A.2b")
def negative_fraction_forms(rng: random.Random) -> Problem:
    """Which placement of the minus sign keeps the value of −(p/q): (−p)/q = p/(−q)."""
    top, bottom = rng.sample(range(2, 13), 2)
    while math.gcd(top, bottom) != 1:
        top, bottom = rng.sample(range(2, 13), 2)
    correct = rng.choice((f"({MINUS}{top})/{bottom}", f"{top}/({MINUS}{bottom})"))
    wrong = [f"({MINUS}{top})/({MINUS}{bottom})", f"{bottom}/({MINUS}{top})", f"({MINUS}{bottom})/({MINUS}{top})"]
    stem = f"Which expression has the same value as {MINUS}({top}/{bottom})?"
    hints = (
        "A fraction is a division: top ÷ bottom.",
        "Dividing numbers with different signs gives a negative; with the same signs, a positive.",
    )
    solution = _steps(
        f"{MINUS}({top}/{bottom}) is negative, so we need one negative and one positive number.",
        f"It must still be {top} divided by {bottom}, not {bottom} divided by {top}.",
        f"So the answer is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


@template("7.NS.A.2b")
def quotient_in_context(rng: random.Random) -> Problem:
    """A steady negative change per unit of time: a quotient of integers in context."""
    kind = rng.choice(("temperature", "stock", "diver"))
    periods = rng.randint(2, 8)
    total = rng.choice([v for v in range(6, 61) if (F(v, periods) * 4).denominator == 1])
    result = F(-total, periods)
    if kind == "temperature":
        stem = (
            f"The temperature fell {total}°F in {periods} hours, by the same amount each hour. What was the change "
            f"in temperature each hour, in °F? Write a drop as a negative number."
        )
        answer = _num_answer(result, unit="°F", style="dec")
    elif kind == "stock":
        stem = (
            f"A share of a company lost {_money(total)} in value over {periods} days, the same amount each day. "
            f"What was the change in value each day, in dollars? Write a loss as a negative number."
        )
        answer = _money_answer(result)
    else:
        stem = (
            f"A diver went down {total} feet in {periods} minutes at a steady rate. What was the change in depth "
            f"each minute, in feet? Write going down as a negative number."
        )
        answer = _num_answer(result, unit="feet", style="dec")
    hints = (
        "Write the total change as a negative number, then divide by the number of equal parts.",
        "A negative number divided by a positive number is negative.",
    )
    solution = _steps(
        f"Total change: {MINUS}{total}.",
        f"{MINUS}{total} {DIVIDE} {periods} = {_show(result, 'dec')}.",
        f"The change each time is **{answer.display}**.",
    )
    return problem(stem, answer, hints, solution, wrong=(-result, F(-periods, total), -total * periods))


_FRIENDLY_PAIRS = (
    (-4, 25),
    (4, -25),
    (-5, 2),
    (-2, F(5, 2)),
    (4, F(-5, 2)),
    (-8, F(5, 4)),
    (F(-3, 5), F(5, 3)),
    (F(2, 7), F(-7, 2)),
    (-20, F(1, 20)),
    (F(-3, 4), 8),
    (F(5, 6), -6),
)


@template("7.NS.A.2c")
def product_by_regrouping(rng: random.Random) -> Problem:
    """A product of three rational numbers made easy by multiplying a friendly pair first."""
    first, last = (F(value) for value in rng.choice(_FRIENDLY_PAIRS))
    middle = F(rng.choice([v for v in range(-19, 20) if abs(v) > 2]))
    style = "dec" if any(value.denominator in (2, 4, 20) for value in (first, last)) and rng.random() < 0.5 else "frac"
    factors = [first, middle, last]
    product = first * middle * last
    stem = f"Use the properties of multiplication to find {_product_text(factors, style)}."
    hints = (
        "You can multiply in any order (commutative and associative properties).",
        f"Multiply {_show(first, style)} and {_show(last, style)} first.",
    )
    solution = _steps(
        f"Regroup: ({_par(first, style)} {TIMES} {_par(last, style)}) {TIMES} {_par(middle, style)}.",
        f"{_par(first, style)} {TIMES} {_par(last, style)} = {_show(first * last, style)}.",
        f"{_par(first * last, style)} {TIMES} {_par(middle, style)} = **{_show(product, style)}**.",
    )
    return problem(
        stem,
        _num_answer(product, style=style),
        hints,
        solution,
        wrong=(-product, first * last + middle, first * middle + last),
    )


@template("7.NS.A.2c")
def product_by_distributing(rng: random.Random) -> Problem:
    """A product such as −7 × 98 or −6 × 4 1/2 found with the distributive property."""
    factor = -rng.randint(3, 9)
    if rng.random() < 0.5:
        base = rng.choice((10, 20, 50, 100))
        part = rng.choice((-3, -2, -1, 1, 2, 3))
        other = F(base + part)
        split = f"{base} {'+' if part > 0 else MINUS} {abs(part)}"
    else:
        base = rng.randint(2, 12)
        part = rng.choice((F(1, 2), F(1, 3), F(2, 3), F(1, 4), F(3, 4)))
        factor = -part.denominator * rng.randint(1, 3)
        other = base + part
        split = f"{base} + {number_text(part)}"
    product = factor * other
    stem = f"Use the distributive property to find {number_text(factor)} {TIMES} {mixed(other)}."
    hints = (f"Write {mixed(other)} as {split}.", f"Multiply {number_text(factor)} by each part, then combine.")
    solution = _steps(
        f"{number_text(factor)} {TIMES} ({split}) = ({number_text(factor)} {TIMES} {base}) "
        f"{'+' if part > 0 else MINUS} ({number_text(factor)} {TIMES} {mixed(abs(part))}).",
        f"= {number_text(factor * base)} {'+' if part > 0 else MINUS} {_par(factor * abs(part))}.",
        f"= **{mixed(product)}**.",
    )
    return problem(stem, _num_answer(product), hints, solution, wrong=(-product, factor * base, factor * base + part))


@template("7.NS.A.2c")
def distributive_choice(rng: random.Random) -> Problem:
    """Which expression equals a negative number times a difference of fractions, by the distributive property."""
    while True:
        first, second = rng.sample([F(1, 2), F(1, 3), F(2, 3), F(1, 4), F(3, 4), F(1, 6), F(5, 6)], 2)
        factor = -math.lcm(first.denominator, second.denominator) * rng.randint(1, 2)
        options = [
            (
                f"{_par(factor)} {TIMES} {number_text(first)} {MINUS} {_par(factor)} {TIMES} {number_text(second)}",
                factor * (first - second),
            ),
            (f"{_par(factor)} {TIMES} {number_text(first)} {MINUS} {number_text(second)}", factor * first - second),
            (
                f"{_par(factor)} {TIMES} {number_text(first)} + {_par(factor)} {TIMES} {number_text(second)}",
                factor * (first + second),
            ),
            (
                f"{number_text(-factor)} {TIMES} {number_text(first)} {MINUS} {number_text(-factor)} {TIMES} "
                f"{number_text(second)}",
                -factor * (first - second),
            ),
        ]
        if len({value for _, value in options}) == 4:
            break
    correct = options[0][0]
    stem = f"Which expression is equal to {_par(factor)} {TIMES} ({number_text(first)} {MINUS} {number_text(second)})?"
    hints = (
        "The distributive property: a × (b − c) = a × b − a × c.",
        f"Multiply {_par(factor)} by each number inside the parentheses, keeping the signs.",
    )
    solution = _steps(
        f"Distribute {_par(factor)} to both {number_text(first)} and {number_text(second)}.",
        f"Both products keep the factor {_par(factor)}, and the subtraction stays.",
        f"So the expression is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, [text_value for text_value, _ in options[1:]]), hints, solution)


def _expansion(value: Fraction) -> tuple[int, str, str]:
    """The whole part, the digits before the repeat, and the repeating digits ("" when it ends) of value ≥ 0,
    found by long division."""
    whole, rest = divmod(value.numerator, value.denominator)
    digits: list[str] = []
    seen: dict[int, int] = {}
    while rest and rest not in seen:
        seen[rest] = len(digits)
        rest *= 10
        digits.append(str(rest // value.denominator))
        rest %= value.denominator
    if not rest:
        return whole, "".join(digits), ""
    start = seen[rest]
    return whole, "".join(digits[:start]), "".join(digits[start:])


def _decimal_form(value: Fraction) -> str:
    """A decimal written out, the repeating part shown at least twice: "0.375", "0.454545…", "0.1666…"."""
    whole, fixed, period = _expansion(F(value))
    if not period:
        return decimal_text(F(value))
    shown = period * 2
    while len(fixed) + len(shown) < 6:
        shown += period
    return f"{whole}.{fixed}{shown}…"


_TERMINATES = "It terminates (it ends)."
_REPEATS = "It repeats forever."
_NEITHER = "It goes on forever without repeating."


@template("7.NS.A.2d")
def terminating_or_repeating(rng: random.Random) -> Problem:
    """Whether the decimal form of a fraction terminates or repeats."""
    bottom = rng.choice((3, 6, 7, 9, 11, 12, 15, 4, 8, 16, 20, 25, 40, 30, 14))
    top = rng.choice([v for v in range(1, bottom) if v % bottom])
    value = F(top, bottom)
    correct = _TERMINATES if terminates(value) else _REPEATS
    stem = f"Use long division to write {top}/{bottom} as a decimal. What happens to the decimal?"
    hints = (
        "In long division, the decimal ends when a remainder of 0 appears.",
        "If a remainder comes back that you have seen before, the digits start to repeat.",
    )
    lowest = "" if value.denominator == bottom else f" In lowest terms {top}/{bottom} = {value}."
    solution = _steps(
        f"Divide {top} by {bottom}: {top}/{bottom} = {_decimal_form(value)}.{lowest}",
        "A remainder of 0 appears, so the division stops."
        if terminates(value)
        else "The remainders start repeating, so the digits repeat.",
        f"So: **{correct}**",
    )
    return problem(stem, choice(rng, correct, (_TERMINATES, _REPEATS, _NEITHER), keep_order=True), hints, solution)


@template("7.NS.A.2d")
def fraction_to_decimal_choice(rng: random.Random) -> Problem:
    """The decimal form of a fraction (terminating or repeating), among common wrong conversions."""
    while True:
        bottom = rng.choice((3, 6, 7, 9, 11, 12, 4, 8, 16, 20, 25, 40))
        top = rng.choice([v for v in range(1, bottom) if math.gcd(v, bottom) == 1])
        value = F(top, bottom)
        whole, fixed, period = _expansion(value)
        digits = (fixed + period * 3)[:2]
        joined = f"{top}{bottom}"  # the digits written side by side, a common slip
        options = [
            (_decimal_form(value), value),
            (f"0.{joined}", F(int(joined), 10 ** len(joined))),
            (_decimal_form(F(bottom, top)), F(bottom, top)),
        ]
        options.append((f"0.{digits}", F(int(digits), 100)) if period else (_decimal_form(value * 10), value * 10))
        if len({v for _, v in options}) == 4 and len({t for t, _ in options}) == 4:
            break
    correct = options[0][0]
    stem = f"Which is the decimal form of {top}/{bottom}?"
    hints = (
        "A fraction means top ÷ bottom. Use long division.",
        f"Divide {top} by {bottom}: write {top} as {top}.000… and keep dividing.",
    )
    ending = "The division ends." if not period else f"The digits {period} repeat forever."
    solution = _steps(
        f"{top} {DIVIDE} {bottom} by long division gives {correct}", ending, f"So {top}/{bottom} = **{correct}**"
    )
    return problem(stem, choice(rng, correct, [t for t, _ in options[1:]]), hints, solution)


@template("7.NS.A.2d", difficulty=STRETCH)
def repeating_digit(rng: random.Random) -> Problem:
    """A digit far out in a repeating decimal, using the repeating pattern found by long division."""
    while True:
        bottom = rng.choice((7, 11, 13, 27, 37, 33, 22, 12, 6, 15))
        top = rng.choice([v for v in range(1, bottom) if math.gcd(v, bottom) == 1])
        whole, fixed, period = _expansion(F(top, bottom))
        if period and len(set(period)) > 1:
            break
    place = rng.randint(len(fixed) + len(period) + 2, 30)
    digits = fixed + period * 40
    digit = int(digits[place - 1])
    stem = (
        f"Use long division to write {top}/{bottom} as a decimal. What digit is in place {place} after the "
        f"decimal point?"
    )
    hints = (
        "Find the digits that repeat, and how many there are in one repeat.",
        "Use the length of the repeating block to jump ahead, like counting around a circle.",
    )
    before = f"after the first {len(fixed)} digit{'s' if len(fixed) != 1 else ''} " if fixed else ""
    into = (place - len(fixed) - 1) % len(period) + 1
    solution = _steps(
        f"{top}/{bottom} = {_decimal_form(F(top, bottom))}",
        f"The block {period} repeats {before}({len(period)} digits long).",
        f"Place {place} is digit number {into} of the block.",
        f"That digit is **{digit}**.",
    )
    wrong = (int(digits[place - 2]), int(digits[place]), int(period[0]))
    return problem(stem, numeric(digit), hints, solution, wrong=wrong)


@template("7.NS.A.3")
def temperature_steps(rng: random.Random) -> Problem:
    """A temperature that starts below 0 and changes by a steady decimal amount each hour."""
    start = -_rational(rng, "dec", 1, 12)
    rate = _rational(rng, "dec", 1, 4) * rng.choice((1, 1, -1))
    hours = rng.randint(2, 6)
    result = start + rate * hours
    verb = "rises" if rate > 0 else "falls"
    stem = (
        f"At 6 a.m. the temperature is {_dec(start)}°C. It {verb} {_dec(abs(rate))}°C each hour for {hours} hours. "
        f"What is the temperature then, in °C?"
    )
    answer = _num_answer(result, unit="°C", style="dec")
    hints = (
        "Find the total change first: the change each hour times the number of hours.",
        "Add the total change to the starting temperature. Watch the signs.",
    )
    solution = _steps(
        f"Total change: {_par(rate, 'dec')} {TIMES} {hours} = {_dec(rate * hours)}.",
        f"{_dec(start)} + {_par(rate * hours, 'dec')} = {_dec(result)}.",
        f"The temperature is **{answer.display}**.",
    )
    return problem(stem, answer, hints, solution, wrong=(start + rate, -start + rate * hours, start - rate * hours))


@template("7.NS.A.3")
def balance_steps(rng: random.Random) -> Problem:
    """A bank balance after a deposit and several equal fees, starting overdrawn."""
    who = name(rng)
    start = -F(rng.randrange(500, 5001, 25), 100)
    deposit = F(rng.randrange(20, 121, 5))
    fee, count = F(rng.randrange(100, 1001, 25), 100), rng.randint(2, 5)
    result = start + deposit - fee * count
    stem = (
        f"{who}'s account balance is {_money(start)}. {who} deposits {_money(deposit)}, then pays {count} fees of "
        f"{_money(fee)} each. What is the balance now, in dollars?"
    )
    hints = (
        "Write the starting balance and the fees as negative numbers.",
        f"The fees change the balance by {count} × ({MINUS}{_money(fee)}).",
    )
    solution = _steps(
        f"Fees: {count} {TIMES} ({MINUS}{_dec(fee)}) = {_dec(-fee * count)}.",
        f"{_dec(start)} + {_dec(deposit)} + ({_dec(-fee * count)}) = {_dec(result)}.",
        f"The balance is **{_money(result)}**.",
    )
    return problem(
        stem,
        _money_answer(result),
        hints,
        solution,
        wrong=(-start + deposit - fee * count, start + deposit - fee, start + deposit + fee * count),
    )


@template("7.NS.A.3")
def mean_of_signed_numbers(rng: random.Random) -> Problem:
    """The mean of daily low temperatures, some below 0."""
    days = rng.choice((4, 5))
    values = [F(rng.randint(-12, 8)) for _ in range(days)]
    if all(v >= 0 for v in values):
        values[0] = F(-rng.randint(1, 12))
    mean = sum(values) / days
    day_names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")[:days]
    listed = ", ".join(f"{day} {number_text(v)}°F" for day, v in zip(day_names, values))
    stem = f"The low temperatures one week were: {listed}. What was the mean low temperature, in °F?"
    answer = _num_answer(mean, unit="°F", style="dec")
    hints = (
        "The mean is the sum of the values divided by how many values there are.",
        "Add the negative numbers and the positive numbers carefully, then divide.",
    )
    solution = _steps(
        f"Sum: {_sum_text(values, 'int')} = {number_text(sum(values))}.",
        f"Divide by {days}: {number_text(sum(values))} {DIVIDE} {days} = {_dec(mean)}.",
        f"The mean is **{answer.display}**.",
    )
    wrong = (sum(abs(v) for v in values) / days, sum(values), -mean)
    return problem(stem, answer, hints, solution, wrong=wrong)


@template("7.NS.A.3")
def evaluate_rational_expression(rng: random.Random) -> Problem:
    """An expression with fractions and negative numbers, including a complex fraction written as a division."""
    kind = rng.randrange(3)
    a = F(rng.choice((-1, 1)) * rng.randint(1, 7), rng.choice((2, 3, 4, 5, 6)))
    b = F(rng.randint(1, 5), rng.choice((2, 3, 4, 6, 8)))
    c = F(rng.choice([v for v in range(-6, 7) if v]))
    if kind == 0:
        text_value, value = f"{_par(a)} {DIVIDE} {_par(-b)} + {_par(c)}", a / -b + c
        steps = (
            f"Divide first: {_par(a)} {DIVIDE} {_par(-b)} = {_par(a)} {TIMES} {_par(-1 / b)} = {mixed(a / -b)}.",
            f"Then add: {mixed(a / -b)} + {_par(c)} = {mixed(value)}.",
        )
        wrong = (a / -b - c, a * -b + c, -(a / -b) + c)
    elif kind == 1:
        text_value, value = f"({mixed(a)} {MINUS} {mixed(b)}) {TIMES} {_par(c)}", (a - b) * c
        steps = (
            f"Parentheses first: {mixed(a)} {MINUS} {mixed(b)} = {mixed(a - b)}.",
            f"Multiply: {_par(a - b)} {TIMES} {_par(c)} = {mixed(value)}.",
        )
        wrong = ((a + b) * c, a - b * c, -value)
    else:
        text_value, value = f"({mixed(a)}) / ({mixed(-b)})", a / -b
        steps = (
            f"A fraction bar means divide: {_par(a)} {DIVIDE} {_par(-b)}.",
            f"Multiply by the reciprocal: {_par(a)} {TIMES} {_par(-1 / b)} = {mixed(value)}.",
        )
        wrong = (-value, a * -b, -b / a)
    stem = f"Find the value of {text_value}."
    if kind == 2:
        stem = (
            f"The complex fraction {text_value} has the fraction {mixed(a)} on top and {mixed(-b)} on the bottom. "
            f"What is its value?"
        )
    hints = (
        "Follow the order of operations: parentheses, then multiplication and division, then addition.",
        "Dividing by a fraction is the same as multiplying by its reciprocal.",
    )
    solution = _steps(*steps, f"The value is **{mixed(value)}**.")
    return problem(stem, _num_answer(value), hints, solution, wrong=wrong)


@template("7.NS.A.3")
def batches_from_supply(rng: random.Random) -> Problem:
    """How many equal portions fit in an amount, dividing mixed numbers (and what is left)."""
    who = name(rng)
    portion = rng.choice((F(1, 2), F(1, 3), F(2, 3), F(3, 4), F(1, 4), F(3, 8), F(5, 6)))
    count = rng.randint(3, 12)
    total = portion * count
    thing, things, one, many, material = rng.choice(
        (
            ("batch of muffins", "batches of muffins", "cup", "cups", "flour"),
            ("smoothie", "smoothies", "cup", "cups", "yogurt"),
            ("bow", "bows", "yard", "yards", "ribbon"),
            ("bird feeder", "bird feeders", "pound", "pounds", "seed"),
        )
    )
    stem = (
        f"{who} has {_qty(total, one, many)} of {material}. Each {thing} needs {_qty(portion, one, many)} "
        f"of {material}. How many {things} can {who} make?"
    )
    hints = (
        "Divide the total amount by the amount for one.",
        f"Multiply {mixed(total)} by the reciprocal of {mixed(portion)}.",
    )
    solution = _steps(
        f"{mixed(total)} {DIVIDE} {mixed(portion)} = {number_text(total)} {TIMES} {number_text(1 / portion)}.",
        f"= **{count}**.",
    )
    return problem(stem, numeric(count), hints, solution, wrong=(total * portion, count + 1, portion / total))


# ---------------------------------------------------------------------------------------------------------
# 7.EE: expressions and equations


def _factor_text(value) -> str:
    """A factor written before parentheses: "−3", "(3/4)", "0.5"."""
    value = F(value)
    if value.denominator == 1:
        return number_text(value)
    return f"({number_text(value)})"


def _linear_options(correct: str, candidates) -> list[str]:
    return distinct_wrong(correct, candidates, 3)


@template("7.EE.A.1")
def expand_expression(rng: random.Random) -> Problem:
    """Expand p(ax + b) with rational p, a and b."""
    if rng.random() < 0.6:
        factor = F(rng.choice([v for v in range(-9, 10) if abs(v) > 1]))
        a, b = F(rng.choice([v for v in range(-9, 10) if v])), F(rng.choice([v for v in range(-12, 13) if v]))
    else:
        factor = rng.choice((F(1, 2), F(3, 4), F(2, 3), F(1, 3), F(-1, 2), F(-3, 4), F(5, 2)))
        a = F(factor.denominator * rng.choice((1, 2, 3, 4)) * rng.choice((1, -1)))
        b = F(factor.denominator * rng.choice([v for v in range(-5, 6) if v]))
    inner = _linear(a, b)
    correct = _linear(factor * a, factor * b)
    wrong = _linear_options(
        correct,
        [
            _linear(factor * a, b),
            _linear(factor * a, -factor * b),
            _linear(a, factor * b),
            _linear(-factor * a, factor * b),
        ],
    )
    stem = f"Which expression is equivalent to {_factor_text(factor)}({inner})?"
    hints = (
        "Use the distributive property: multiply the number outside by each term inside.",
        f"Multiply {_factor_text(factor)} by {_coef(a)} and by {mixed(b)}. Watch the signs.",
    )
    solution = _steps(
        f"{_factor_text(factor)} {TIMES} {_coef(a)} = {_coef(factor * a)}.",
        f"{_factor_text(factor)} {TIMES} {_par(b)} = {mixed(factor * b)}.",
        f"So the expression is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


def _coefficient(rng: random.Random, style: str, denominator: int) -> Fraction:
    if style == "int":
        return F(rng.choice([v for v in range(-9, 10) if v]))
    if style == "dec":
        return F(rng.choice([v for v in range(-40, 41) if v and v % 10]), 10)
    return F(rng.choice([v for v in range(-3 * denominator, 3 * denominator + 1) if v]), denominator)


@template("7.EE.A.1")
def combine_like_terms(rng: random.Random) -> Problem:
    """Add or subtract linear expressions with rational coefficients: combine like terms."""
    style = _style(rng, (1, 1, 1))
    while True:
        denominator = rng.choice((2, 3, 4))
        a, b, c, d = (_coefficient(rng, style, denominator) for _ in range(4))
        if a + c and a - c and b + d and b - d:
            break
    if rng.random() < 0.5:
        shown = f"({_linear(a, b, style=style)}) {MINUS} ({_linear(c, d, style=style)})"
        correct = _linear(a - c, b - d, style=style)
        wrong = [
            _linear(a - c, b + d, style=style),
            _linear(a + c, b + d, style=style),
            _linear(a - c, d - b, style=style),
        ]
        steps = (
            f"Subtract each term of the second expression: the x-terms give {_show(a, style)} {MINUS} "
            f"{_par(c, style)} = {_show(a - c, style)}.",
            f"The numbers give {_show(b, style)} {MINUS} {_par(d, style)} = {_show(b - d, style)}.",
        )
    else:
        shown = f"{_linear(a, b, style=style)} + {_linear(c, d, style=style)}"
        shown = shown.replace(f"+ {MINUS}", f"{MINUS} ", 1)
        correct = _linear(a + c, b + d, style=style)
        wrong = [
            _linear(a - c, b + d, style=style),
            _linear(a + c, b - d, style=style),
            _linear(a + c + b + d, 0, style=style),
        ]
        steps = (
            f"x-terms: {_show(a, style)} + {_par(c, style)} = {_show(a + c, style)}.",
            f"Numbers: {_show(b, style)} + {_par(d, style)} = {_show(b + d, style)}.",
        )
    stem = f"Which expression is equivalent to {shown}?"
    hints = (
        "Combine like terms: x-terms with x-terms, numbers with numbers.",
        "A minus sign in front of parentheses changes the sign of every term inside.",
    )
    solution = _steps(*steps, f"So the expression is **{correct}**.")
    return problem(stem, choice(rng, correct, _linear_options(correct, wrong)), hints, solution)


@template("7.EE.A.1")
def factor_expression(rng: random.Random) -> Problem:
    """Factor ax + b using the greatest common factor."""
    while True:
        g, a, b = rng.randint(2, 9), rng.randint(1, 9), rng.choice([v for v in range(-9, 10) if v])
        if math.gcd(a, b) == 1 and a != abs(b):
            break
    expression = _linear(g * a, g * b)
    correct = f"{g}({_linear(a, b)})"
    candidates = [f"{g}({_linear(a, g * b)})", f"{g}({_linear(a, -b)})", f"{g * a}({_linear(1, b)})"]
    smaller = [d for d in range(2, g) if g % d == 0]
    if smaller:
        d = rng.choice(smaller)
        candidates.insert(0, f"{d}({_linear(g * a // d, g * b // d)})")
    stem = f"Which shows {expression} factored using the greatest common factor?"
    hints = (
        f"Find the greatest number that divides both {g * a} and {abs(g * b)}.",
        "Divide each term by that number and write it in the parentheses. Check by expanding.",
    )
    solution = _steps(
        f"The greatest common factor of {g * a} and {abs(g * b)} is {g}.",
        f"{_coef(g * a)} {DIVIDE} {g} = {_coef(a)} and {number_text(g * b)} {DIVIDE} {g} = {number_text(b)}.",
        f"So {expression} = **{correct}**.",
    )
    return problem(stem, choice(rng, correct, distinct_wrong(correct, candidates, 3)), hints, solution)


@template("7.EE.A.2")
def percent_change_expression(rng: random.Random) -> Problem:
    """The single product (1.05p, 0.85p) that means the same as a percent increase or decrease."""
    variable, thing = rng.choice(
        (
            ("p", "the price of an item"),
            ("s", "a worker's pay"),
            ("n", "a town's population"),
            ("c", "the cost of a ticket"),
        )
    )
    percent = rng.choice((3, 5, 8, 10, 12, 15, 20, 25, 30, 40))
    up = rng.random() < 0.5
    rate = F(percent, 100)
    multiplier = 1 + rate if up else 1 - rate
    correct = _coef(multiplier, variable, "dec")
    if up:
        wrong = [f"{variable} + {_dec(rate)}", _coef(rate, variable, "dec"), f"{variable} + {percent}"]
        change = f"goes up by {percent}%"
        steps = (
            f"The new amount is {variable} + {_dec(rate)}{variable}.",
            f"{variable} + {_dec(rate)}{variable} = (1 + {_dec(rate)}){variable} = {correct}.",
        )
    else:
        wrong = [f"{variable} {MINUS} {_dec(rate)}", _coef(rate, variable, "dec"), _coef(1 + rate, variable, "dec")]
        change = f"goes down by {percent}%"
        steps = (
            f"The new amount is {variable} {MINUS} {_dec(rate)}{variable}.",
            f"{variable} {MINUS} {_dec(rate)}{variable} = (1 {MINUS} {_dec(rate)}){variable} = {correct}.",
        )
    stem = f"Let {variable} be {thing}. It {change}. Which expression gives the new amount as a single product?"
    hints = (
        f"{percent}% of {variable} is {_dec(rate)}{variable}.",
        "Start with the whole amount, then add or take away the change. Then combine the terms.",
    )
    solution = _steps(*steps, f"So the new amount is **{correct}**.")
    return problem(stem, choice(rng, correct, wrong), hints, solution)


@template("7.EE.A.2")
def multiplier_as_percent(rng: random.Random) -> Problem:
    """The percent increase or decrease that multiplying by a number such as 1.08 or 0.7 means."""
    who = name(rng)
    percent = rng.choice((2, 4, 5, 6, 8, 10, 15, 20, 25, 30, 35, 40, 60, 75))
    up = rng.random() < 0.5
    multiplier = 1 + F(percent, 100) if up else 1 - F(percent, 100)
    word = "increasing" if up else "decreasing"
    stem = f"{who} multiplies a price by {_dec(multiplier)}. This is the same as {word} the price by what percent?"
    hints = (
        f"Write {_dec(multiplier)} as 1 {'+' if up else MINUS} a decimal.",
        f"Multiplying by 1 keeps the whole price. The part {'added' if up else 'taken away'} is the change.",
    )
    solution = _steps(
        f"{_dec(multiplier)} = 1 {'+' if up else MINUS} {_dec(F(percent, 100))}.",
        f"So {_dec(multiplier)}p = p {'+' if up else MINUS} {_dec(F(percent, 100))}p.",
        f"{_dec(F(percent, 100))} = {percent}%, so it is the same as {word} by **{percent}%**.",
    )
    wrong = (multiplier * 100, F(percent, 100), 100 - percent)
    return problem(stem, numeric(percent, display=f"{percent}%"), hints, solution, wrong=wrong)


@template("7.EE.A.2")
def rewrite_in_context(rng: random.Random) -> Problem:
    """Which rewriting of an expression shows how the quantities in a situation are related."""
    who = name(rng)
    people = rng.randint(3, 8)
    if rng.random() < 0.5:
        fee = rng.randint(2, 9)
        total_fee = people * fee
        stem = (
            f"{people} friends each buy a concert ticket for t dollars and pay a ${fee} service fee. {who} writes "
            f"the total cost as {people}t + {total_fee}. Which equivalent expression shows the cost for one "
            f"person times the number of people?"
        )
        correct = f"{people}(t + {fee})"
        wrong = [f"{people}(t + {total_fee})", f"{people}t + {fee}", f"t + {total_fee}"]
        steps = (
            f"{total_fee} = {people} {TIMES} {fee}, so factor out {people}: {people}t + {total_fee} = "
            f"{people}(t + {fee}).",
            f"t + {fee} is what one person pays.",
        )
    else:
        first, second = rng.sample(range(2, 10), 2)
        stem = (
            f"Each of n students buys a sandwich for ${first} and a drink for ${second}. {who} writes the total "
            f"cost as {first}n + {second}n. Which equivalent expression shows how much each student spends?"
        )
        correct = f"{first + second}n"
        wrong = [f"{first * second}n", f"{first + second}n<sup>2</sup>", f"{first}n + {second}"]
        steps = (
            f"Both terms have the factor n: {first}n + {second}n = ({first} + {second})n = {correct}.",
            f"{first + second} is what one student spends.",
        )
    hints = ("Look for a factor the terms share.", "Factor it out and ask what the part in parentheses means.")
    solution = _steps(*steps, f"So the answer is **{correct}**.")
    return problem(stem, choice(rng, correct, wrong), hints, solution)


@template("7.EE.B.3")
def raise_in_pay(rng: random.Random) -> Problem:
    """A new hourly wage after a raise given as a percent or a fraction."""
    who = name(rng)
    while True:
        wage = F(rng.randrange(24, 81), 2)
        share = rng.choice((F(1, 10), F(1, 20), F(1, 5), F(1, 4), F(3, 20), F(3, 25)))
        if (wage * share * 100).denominator == 1:
            break
    raise_amount = wage * share
    given = f"{_pct(share * 100)} raise" if rng.random() < 0.6 else f"raise of {share} of the hourly pay"
    stem = f"{who} makes {_money(wage)} an hour and gets a {given}. What is the new hourly pay, in dollars?"
    hints = (
        f"Find the raise: {share} of {_money(wage)}, which is the same as {_pct(share * 100)}.",
        "Add the raise to the old pay.",
    )
    solution = _steps(
        f"Raise: {_money(wage)} {TIMES} {_dec(share)} = {_money(raise_amount)}.",
        f"New pay: {_money(wage)} + {_money(raise_amount)} = **{_money(wage + raise_amount)}** an hour.",
    )
    wrong = (raise_amount, wage + share * 100, wage * share * 10 + wage)
    return problem(stem, _money_answer(wage + raise_amount), hints, solution, wrong=wrong)


@template("7.EE.B.3")
def centered_bar(rng: random.Random) -> Problem:
    """How far from each edge to place an object centered on a wider one (mixed numbers)."""
    who = name(rng)
    width = F(rng.randrange(96, 145, 2), 4)
    length = F(rng.randrange(32, 81), 4)
    gap = (width - length) / 2
    thing, place = rng.choice(
        (("towel bar", "door"), ("picture", "wall"), ("shelf", "closet wall"), ("mirror", "door"))
    )
    stem = (
        f"{who} wants to hang a {thing} {mixed(length)} inches long in the center of a {place} "
        f"{mixed(width)} inches wide. How far from each edge of the {place} should the {thing} be, in inches?"
    )
    estimate = (round(width) - round(length)) / 2
    hints = (
        f"Subtract the length of the {thing} from the width of the {place}; the rest is split equally between the "
        f"two sides.",
        f"The space left over is {mixed(width)} {MINUS} {mixed(length)}.",
        f"Estimate first: about ({round(width)} {MINUS} {round(length)}) {DIVIDE} 2.",
    )
    solution = _steps(
        f"Space left: {mixed(width)} {MINUS} {mixed(length)} = {mixed(width - length)} inches.",
        f"Each side: {mixed(width - length)} {DIVIDE} 2 = {mixed(gap)} inches.",
        f"Check: this is close to the estimate {_show(F(estimate), 'dec')} inches. So the answer is "
        f"**{mixed(gap)} inches**.",
    )
    return problem(
        stem,
        _num_answer(gap, unit="inches"),
        hints,
        solution,
        wrong=(width - length, width / 2 - length, (width + length) / 2),
    )


@template("7.EE.B.3")
def leftover_length(rng: random.Random) -> Problem:
    """What is left of a length given as a mixed number after cutting pieces given as decimals."""
    who = name(rng)
    piece = F(rng.choice((5, 6, 7, 9, 10, 11, 13, 15)), 4)
    count = rng.randint(2, 5)
    rest = F(rng.randint(1, 11), 4)
    board = piece * count + rest
    thing, unit_one, unit_many = rng.choice(
        (("board", "foot", "feet"), ("rope", "meter", "meters"), ("ribbon", "yard", "yards"))
    )
    stem = (
        f"{who} has a {thing} {mixed(board)} {unit_many if board > 1 else unit_one} long. {who} cuts {count} "
        f"pieces that are each {_dec(piece)} {unit_many if piece > 1 else unit_one} long. How much of the {thing} "
        f"is left, in {unit_many}?"
    )
    hints = (
        "Write both numbers in the same form, fractions or decimals.",
        f"Find the length of the {count} pieces together, then subtract it from the whole {thing}.",
    )
    steps = [
        f"Pieces: {count} {TIMES} {_dec(piece)} = {_dec(piece * count)}.",
        f"Left: {_dec(board)} {MINUS} {_dec(piece * count)} = **{_dec(rest)} {unit_many}**.",
    ]
    if board.denominator != 1:
        steps.insert(0, f"{mixed(board)} = {_dec(board)}.")
    solution = _steps(*steps)
    answer = numeric(rest, display=f"{_dec(rest)} {unit_many}")
    return problem(stem, answer, hints, solution, wrong=(board - piece, piece * count, board - count - piece))


@template("7.EE.B.3", difficulty=INTRODUCTORY)
def best_estimate(rng: random.Random) -> Problem:
    """The most reasonable estimate of a product of a mixed number and a decimal."""
    who = name(rng)
    while True:
        first = rng.randint(3, 12) + F(rng.choice((1, 3, 5, 7)), 8)
        second = F(rng.randint(21, 99), 10)
        if abs(first - round(first)) < F(3, 8) and abs(second - round(second)) <= F(3, 10):
            break
    estimate = round(first) * round(second)
    options = [F(estimate), F(estimate * 10), F(estimate, 10), F(round(first) + round(second))]
    if len(set(options)) < 4:
        options[3] = F(estimate * 100)
    texts = [f"About {_show(value, 'dec')}" for value in options]
    stem = (
        f"{who} multiplies {mixed(first)} {TIMES} {_dec(second)}. Which is the most reasonable estimate of the product?"
    )
    hints = ("Round each number to the nearest whole number.", "Multiply the rounded numbers.")
    solution = _steps(
        f"{mixed(first)} is about {round(first)} and {_dec(second)} is about {round(second)}.",
        f"{round(first)} {TIMES} {round(second)} = {estimate}.",
        f"So the best estimate is **{texts[0]}**.",
    )
    return problem(stem, choice(rng, texts[0], texts[1:]), hints, solution)


def _equation_text(p, q, r, grouped: bool, style: str) -> str:
    if grouped:
        factor = _show(p, "dec") if style == "dec" else _factor_text(p)
        return f"{factor}({_linear(1, q, style=style)}) = {_show(r, style)}"
    return f"{_linear(p, q, style=style)} = {_show(r, style)}"


def _equation_values(rng: random.Random, style: str) -> tuple[Fraction, Fraction, Fraction]:
    """p, q and the solution x for an equation with rational numbers in a style."""
    if style == "int":
        return (
            F(rng.choice([v for v in range(-9, 10) if abs(v) > 1])),
            F(rng.choice([v for v in range(-20, 21) if v])),
            F(rng.choice([v for v in range(-12, 13) if v])),
        )
    if style == "dec":
        return (
            F(rng.choice((1, 3, 5, -1, -3, 6)), 2),
            F(rng.choice([v for v in range(-99, 100) if v % 10]), 10),
            F(rng.choice([v for v in range(-12, 13) if v])),
        )
    p = F(rng.choice((1, 2, 3, -1, -2, -3)), rng.choice((2, 3, 4, 5)))
    solution = F(p.denominator * rng.choice([v for v in range(-4, 5) if v]))
    return p, F(rng.choice([v for v in range(-9, 10) if v])), solution


@template("7.EE.B.4a")
def solve_px_plus_q(rng: random.Random) -> Problem:
    """Solve px + q = r with rational p, q and r."""
    style = _style(rng)
    p, q, x = _equation_values(rng, style)
    r = p * x + q
    equation = _equation_text(p, q, r, False, style)
    stem = f"Solve for x: {equation}"
    hints = (
        "Undo the operations in reverse order: first the adding or subtracting, then the multiplying.",
        f"{'Subtract' if q > 0 else 'Add'} {_show(abs(q), style)} {'from' if q > 0 else 'to'} both sides first.",
    )
    solution = _steps(
        f"{'Subtract' if q > 0 else 'Add'} {_show(abs(q), style)} {'from' if q > 0 else 'to'} both "
        f"sides: {_coef(p, 'x', style)} = {_show(r - q, style)}.",
        f"Divide both sides by {_show(p, style)}: x = {_show(r - q, style)} {DIVIDE} {_par(p, style)}.",
        f"x = **{_show(x, style)}**.",
    )
    return problem(stem, _num_answer(x, style=style), hints, solution, wrong=((r + q) / p, r - q, r / p - q))


@template("7.EE.B.4a")
def solve_p_times_x_plus_q(rng: random.Random) -> Problem:
    """Solve p(x + q) = r with rational p, q and r."""
    style = _style(rng)
    p, q, x = _equation_values(rng, style)
    r = p * (x + q)
    stem = f"Solve for x: {_equation_text(p, q, r, True, style)}"
    hints = (
        "One way: divide both sides by the number outside the parentheses first.",
        f"After dividing by {_show(p, style)}, undo the {'adding' if q > 0 else 'subtracting'} inside the parentheses.",
    )
    solution = _steps(
        f"Divide both sides by {_show(p, style)}: {_linear(1, q, style=style)} = {_show(r, style)} "
        f"{DIVIDE} {_par(p, style)} = {_show(r / p, style)}.",
        f"{'Subtract' if q > 0 else 'Add'} {_show(abs(q), style)}: x = {_show(r / p, style)} "
        f"{MINUS if q > 0 else '+'} {_show(abs(q), style)}.",
        f"x = **{_show(x, style)}**.",
    )
    return problem(stem, _num_answer(x, style=style), hints, solution, wrong=(r / p + q, (r - q) / p, r - q))


@template("7.EE.B.4a")
def equation_word_problem(rng: random.Random) -> Problem:
    """A word problem that leads to px + q = r or p(x + q) = r."""
    who = name(rng)
    kind = rng.randrange(4)
    if kind == 0:
        length = F(rng.randint(8, 25))
        width = F(rng.randint(3, int(length) - 1)) + rng.choice((0, 0, F(1, 2)))
        perimeter = 2 * (length + width)
        stem = (
            f"The perimeter of a rectangle is {_show(perimeter, 'dec')} cm. Its length is "
            f"{number_text(length)} cm. What is its width, in cm?"
        )
        steps = (
            f"Let w be the width: 2(w + {number_text(length)}) = {_show(perimeter, 'dec')}.",
            f"Divide by 2: w + {number_text(length)} = {_show(perimeter / 2, 'dec')}.",
            f"Subtract {number_text(length)}: w = {_show(width, 'dec')}.",
        )
        answer, wrong = (
            _num_answer(width, unit="cm", style="dec"),
            (perimeter - length, perimeter - 2 * length, perimeter / 2 + length),
        )
    elif kind == 1:
        fee, monthly, months = F(rng.randint(10, 50)), F(rng.randrange(1500, 4001, 50), 100), rng.randint(3, 12)
        total = fee + monthly * months
        stem = (
            f"A gym charges a {_money(fee)} sign-up fee plus {_money(monthly)} each month. {who} paid "
            f"{_money(total)} in all. For how many months did {who} pay?"
        )
        steps = (
            f"Let m be the number of months: {_dec(monthly)}m + {number_text(fee)} = {_dec(total)}.",
            f"Subtract {number_text(fee)}: {_dec(monthly)}m = {_dec(total - fee)}.",
            f"Divide by {_dec(monthly)}: m = {months}.",
        )
        answer, wrong = _num_answer(months, unit="months"), (total / monthly, (total + fee) / monthly, months + 1)
    elif kind == 2:
        count, pen = rng.randint(2, 6), F(rng.randrange(100, 601, 25), 100)
        price = F(rng.randrange(100, 801, 25), 100)
        total = count * price + pen
        stem = (
            f"{who} buys {count} notebooks and one pen. The pen costs {_money(pen)}. {who} spends {_money(total)} "
            f"in all. Each notebook costs the same. How much does one notebook cost, in dollars?"
        )
        steps = (
            f"Let n be the price of a notebook: {count}n + {_dec(pen)} = {_dec(total)}.",
            f"Subtract {_dec(pen)}: {count}n = {_dec(total - pen)}.",
            f"Divide by {count}: n = {_dec(price)}.",
        )
        answer, wrong = _money_answer(price), (total / count, (total + pen) / count, total / count - pen)
    else:
        count, snack = rng.randint(3, 6), F(rng.randrange(150, 501, 25), 100)
        ticket = F(rng.randrange(500, 1501, 25), 100)
        total = count * (ticket + snack)
        stem = (
            f"{count} friends each buy a movie ticket and a {_money(snack)} snack. Together they spend "
            f"{_money(total)}. How much is one movie ticket, in dollars?"
        )
        steps = (
            f"Let t be the ticket price: {count}(t + {_dec(snack)}) = {_dec(total)}.",
            f"Divide by {count}: t + {_dec(snack)} = {_dec(total / count)}.",
            f"Subtract {_dec(snack)}: t = {_dec(ticket)}.",
        )
        answer, wrong = _money_answer(ticket), (total / count, (total - snack) / count, total - snack)
    hints = (
        "Let a letter stand for the unknown and write an equation from the story.",
        "Undo the operations one at a time, doing the same to both sides.",
    )
    solution = _steps(*steps, f"The answer is **{answer.display}**.")
    return problem(stem, answer, hints, solution, wrong=wrong)


@template("7.EE.B.4a")
def equation_steps_choice(rng: random.Random) -> Problem:
    """Which sequence of steps solves px + q = r or p(x + q) = r."""
    p = rng.randint(2, 9)
    q = rng.choice([v for v in range(-12, 13) if v])
    x = rng.randint(1, 12)
    grouped = rng.random() < 0.5
    undo, wrong_undo = (
        (f"subtract {q} from both sides", f"add {q} to both sides")
        if q > 0
        else (f"add {-q} to both sides", f"subtract {-q} from both sides")
    )
    if grouped:
        equation = f"{p}({_linear(1, q)}) = {number_text(p * (x + q))}"
        correct = f"Divide both sides by {p}, then {undo}."
        wrong = [
            f"{_capital(undo)}, then divide both sides by {p}.",
            f"Multiply both sides by {p}, then {undo}.",
            f"Divide both sides by {p}, then {wrong_undo}.",
        ]
        reason = f"The x + {q if q > 0 else f'({MINUS}{-q})'} is multiplied by {p}, so undo the multiplying first."
    else:
        equation = f"{_linear(p, q)} = {number_text(p * x + q)}"
        correct = f"{_capital(undo)}, then divide both sides by {p}."
        wrong = [
            f"Divide both sides by {p}, then {undo}.",
            f"{_capital(wrong_undo)}, then divide both sides by {p}.",
            f"{_capital(undo)}, then multiply both sides by {p}.",
        ]
        reason = (
            f"x is multiplied by {p} first and then {abs(q)} is {'added' if q > 0 else 'subtracted'}; undo in reverse."
        )
    stem = f"Which steps solve {equation}?"
    hints = (
        "To solve, undo the operations done to x in the reverse order.",
        "Ask what was done to x first and what was done last.",
    )
    solution = _steps(reason, f"So the steps are: **{correct}**", f"Check: x = {x} makes {equation} true.")
    return problem(stem, choice(rng, correct, wrong), hints, solution)


_OPPOSITE = {"<": ">", ">": "<", "≤": "≥", "≥": "≤"}
_STRICTNESS = {"<": "≤", "≤": "<", ">": "≥", "≥": ">"}


def _inequality_graph(boundary: int, symbol: str) -> str:
    """The solution of x (symbol) boundary on a number line: an open or closed circle and a shaded ray."""
    low, high = boundary - 6, boundary + 6
    svg = figures.Svg(520, 90)
    left, right, baseline = 34, 486, 40
    scale = (right - left) / (high - low)

    def x_of(value) -> float:
        return left + (value - low) * scale

    svg.line(left - 18, baseline, right + 18, baseline)
    for end, sign in ((right + 22, 1), (left - 22, -1)):
        svg.polygon([(end, baseline), (end - 9 * sign, baseline - 5), (end - 9 * sign, baseline + 5)], fill=figures.INK)
    for value in range(low, high + 1):
        svg.line(x_of(value), baseline - 7, x_of(value), baseline + 7)
        svg.text(x_of(value), baseline + 26, number_text(value), size=13)
    to_right = symbol in (">", "≥")
    end = right + 18 if to_right else left - 18
    svg.line(x_of(boundary), baseline, end, baseline, stroke=figures.FILL_DARK, stroke_width=5)
    tip = end + (4 if to_right else -4)
    svg.polygon(
        [
            (tip, baseline),
            (tip - 12 * (1 if to_right else -1), baseline - 8),
            (tip - 12 * (1 if to_right else -1), baseline + 8),
        ],
        fill=figures.FILL_DARK,
        stroke=figures.FILL_DARK,
    )
    closed = symbol in ("≤", "≥")
    svg.circle(
        x_of(boundary),
        baseline,
        7,
        fill=figures.FILL_DARK if closed else "#ffffff",
        stroke=figures.FILL_DARK,
        stroke_width=2.5,
    )
    return svg.render(
        f"A number line from {number_text(low)} to {number_text(high)}. There is "
        f"{'a closed (filled) circle' if closed else 'an open circle'} at {number_text(boundary)}, and "
        f"the line is shaded from it to the {'right' if to_right else 'left'}, ending in an arrow."
    )


@template("7.EE.B.4b")
def inequality_word_problem(rng: random.Random) -> Problem:
    """A word problem leading to px + q ≥ r or px + q ≤ r, answered with the least or greatest whole number."""
    who = name(rng)
    kind = rng.randrange(4)
    if kind == 0:
        start, rate = F(rng.randrange(30, 101, 5)), F(rng.randint(2, 9))
        goal = start + rate * rng.randint(5, 20) + rng.randint(0, int(rate) - 1)
        stem = (
            f"{who} sells phone cases and is paid ${number_text(start)} a week plus ${number_text(rate)} for each "
            f"case sold. {who} wants to earn at least ${number_text(goal)} this week. What is the least number of "
            f"cases {who} must sell?"
        )
        symbol, least, var = "≥", True, "c"
    elif kind == 1:
        start, rate = F(rng.randint(15, 30)), rng.choice((F(1, 10), F(1, 4), F(1, 20), F(3, 20)))
        goal = start + rate * rng.randint(20, 120) + rng.choice((0, F(1, 20), F(1, 10)))
        stem = (
            f"A phone plan costs {_money(start)} a month plus {_money(rate)} for each text message. {who} wants "
            f"to spend at most {_money(goal)} this month. What is the greatest number of texts {who} can send?"
        )
        symbol, least, var = "≤", False, "t"
    elif kind == 2:
        start, rate = F(rng.randint(150, 220)), F(rng.randrange(20, 61, 5))
        goal = F(rng.randrange(800, 1601, 50))
        stem = (
            f"A small elevator can carry at most {number_text(goal, commas=True)} pounds. {who} weighs "
            f"{number_text(start)} pounds and is moving boxes that weigh {number_text(rate)} pounds each. What is "
            f"the greatest number of boxes {who} can take in one trip?"
        )
        symbol, least, var = "≤", False, "b"
    else:
        start, rate = F(rng.randint(10, 100)), F(rng.randint(8, 25))
        goal = start + rate * rng.randint(4, 15) + rng.randint(0, int(rate) - 1)
        stem = (
            f"{who} has ${number_text(start)} and saves ${number_text(rate)} each week. {who} wants to have at "
            f"least ${number_text(goal)}. What is the least number of weeks {who} must save?"
        )
        symbol, least, var = "≥", True, "w"
    bound = (goal - start) / rate
    result = math.ceil(bound) if least else math.floor(bound)
    style = "dec" if rate.denominator != 1 else "int"
    inequality = f"{_show(start, style)} + {_coef(rate, var, 'dec')} {symbol} {_show(goal, 'dec')}"
    hints = (
        "Write an inequality: the starting amount plus the amount for each one, compared with the limit.",
        "Solve it like an equation, then think about which whole numbers make sense.",
    )
    solution = _steps(
        f"Inequality: {inequality}.",
        f"Subtract {_show(start, style)}: {_coef(rate, var, 'dec')} {symbol} {_show(goal - start, 'dec')}.",
        f"Divide by {_show(rate, 'dec')}: {var} {symbol} {mixed(bound)}.",
        f"The number must be a whole number, so the {'least' if least else 'greatest'} one is **{result}**.",
    )
    other = math.floor(bound) if least else math.ceil(bound)
    return problem(
        stem,
        numeric(result),
        hints,
        solution,
        wrong=(other if other != result else result + (1 if not least else -1), bound, goal / rate),
    )


def _inequality_solution(rng: random.Random) -> tuple:
    """p, q, the symbol, the boundary and the solution's symbol of px + q (symbol) r."""
    p = rng.choice([v for v in range(-9, 10) if abs(v) > 1])
    boundary = F(rng.choice([v for v in range(-9, 10) if v]))
    q = F(rng.choice([v for v in range(-15, 16) if v]))
    symbol = rng.choice(("<", ">", "≤", "≥"))
    solved = symbol if p > 0 else _OPPOSITE[symbol]
    return F(p), q, symbol, boundary, solved


@template("7.EE.B.4b")
def solve_inequality_choice(rng: random.Random) -> Problem:
    """The solution of px + q > r (or <, ≤, ≥), flipping the sign when dividing by a negative number."""
    p, q, symbol, boundary, solved = _inequality_solution(rng)
    if rng.random() < 0.3:
        boundary += F(1, 2) if boundary > 0 else F(-1, 2)
        p = F(2 if p > 0 else -2)
    r = p * boundary + q
    inequality = f"{_linear(p, q)} {symbol} {mixed(r)}"
    correct = f"x {solved} {mixed(boundary)}"
    wrong = [
        f"x {_OPPOSITE[solved]} {mixed(boundary)}",
        f"x {solved} {mixed(-boundary)}",
        f"x {_OPPOSITE[solved]} {mixed(-boundary)}",
    ]
    stem = f"Solve the inequality {inequality}."
    hints = (
        "Solve it like an equation: undo the adding or subtracting, then the multiplying.",
        "When you multiply or divide both sides by a negative number, reverse the inequality sign.",
    )
    flip = " Dividing by a negative number reverses the sign." if p < 0 else ""
    solution = _steps(
        f"{'Subtract' if q > 0 else 'Add'} {mixed(abs(q))} {'from' if q > 0 else 'to'} both sides: "
        f"{_coef(p)} {symbol} {mixed(r - q)}.",
        f"Divide both sides by {mixed(p)}.{flip}",
        f"The solution is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


@template("7.EE.B.4b")
def inequality_from_graph(rng: random.Random) -> Problem:
    """Which inequality px + q (symbol) r has the solution graphed on a number line."""
    p, q, symbol, boundary, solved = _inequality_solution(rng)
    boundary = F(rng.randint(-5, 5))
    r = p * boundary + q
    figure = _inequality_graph(int(boundary), solved)
    lhs = _linear(p, q)
    correct = f"{lhs} {symbol} {mixed(r)}"
    wrong = [
        f"{lhs} {_OPPOSITE[symbol]} {mixed(r)}",
        f"{lhs} {_STRICTNESS[symbol]} {mixed(r)}",
        f"{lhs} {symbol} {mixed(r + p)}",
    ]
    stem = "The number line shows the solution of an inequality. Which inequality is it?"
    hints = (
        "Read the graph: where does it start, is the circle open or closed, and which way is it shaded?",
        "Solve each inequality and compare its solution with the graph. Remember to reverse the sign when "
        "dividing by a negative number.",
    )
    flip = ", reversing the sign because it is negative" if p < 0 else ""
    circle = "closed" if solved in "≤≥" else "open"
    shading = "right" if solved in ">≥" else "left"
    solution = _steps(
        f"The graph shows x {solved} {mixed(boundary)}: the circle is {circle} and the shading goes {shading}.",
        f"Solve {correct}: {'subtract' if q > 0 else 'add'} {mixed(abs(q))}, then divide by "
        f"{mixed(p)}{flip}: x {solved} {mixed(boundary)}.",
        f"So the inequality is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution, figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 7.G: geometry


@template("7.G.A.1")
def scale_actual_length(rng: random.Random) -> Problem:
    """An actual length from a scale drawing of a room."""
    scale = rng.choice((2, 4, 5, 6, 8, 10))
    long_side = F(rng.randint(8, 14), 2)
    short_side = F(rng.randint(4, int(long_side * 2) - 2), 2)
    ask_long = rng.random() < 0.5
    side = long_side if ask_long else short_side
    room = rng.choice(("room", "classroom", "garden", "patio"))
    figure = figures.rectangle(f"{mixed(long_side)} in", f"{mixed(short_side)} in", ratio=float(long_side / short_side))
    stem = (
        f"A scale drawing of a {room} uses the scale 1 inch = {scale} feet. In the drawing the {room} is "
        f"{mixed(long_side)} inches by {mixed(short_side)} inches. How long is the "
        f"{'longer' if ask_long else 'shorter'} side of the real {room}, in feet?"
    )
    hints = (f"Each inch in the drawing stands for {scale} feet.", f"Multiply the drawing length by {scale}.")
    actual = side * scale
    solution = _steps(
        f"The {'longer' if ask_long else 'shorter'} side is {mixed(side)} inches in the drawing.",
        f"{mixed(side)} {TIMES} {scale} = {mixed(actual)}.",
        f"The real side is **{mixed(actual)} feet**.",
    )
    return problem(
        stem,
        _num_answer(actual, unit="feet"),
        hints,
        solution,
        wrong=(side / scale, side + scale, (long_side if not ask_long else short_side) * scale),
        figure=figure,
    )


@template("7.G.A.1")
def scale_actual_area(rng: random.Random) -> Problem:
    """An actual area from a scale drawing: both lengths are scaled, so the area grows by the scale squared."""
    scale = rng.choice((2, 3, 4, 5, 10))
    length, width = rng.sample(range(2, 10), 2)
    length, width = max(length, width), min(length, width)
    unit, real = rng.choice((("cm", "meters"), ("in", "feet")))
    figure = figures.rectangle(f"{length} {unit}", f"{width} {unit}", ratio=length / width)
    stem = (
        f"A scale drawing of a rectangular park uses the scale 1 {unit} = {scale} {real}. The park is "
        f"{length} {unit} by {width} {unit} in the drawing. What is the area of the real park, in square {real}?"
    )
    area = length * scale * width * scale
    hints = ("Find the real length and the real width first.", "Then multiply them to get the real area.")
    solution = _steps(
        f"Real length: {length} {TIMES} {scale} = {length * scale} {real}.",
        f"Real width: {width} {TIMES} {scale} = {width * scale} {real}.",
        f"Area: {length * scale} {TIMES} {width * scale} = **{number_text(area, commas=True)} square {real}**.",
    )
    return problem(
        stem,
        numeric(area, display=f"{number_text(area, commas=True)} square {real}"),
        hints,
        solution,
        wrong=(length * width * scale, length * width, 2 * (length + width) * scale),
        figure=figure,
    )


@template("7.G.A.1")
def redraw_at_new_scale(rng: random.Random) -> Problem:
    """A length on a scale drawing redrawn at a different scale."""
    old_scale, new_scale = rng.choice(((6, 3), (2, 4), (5, 10), (4, 2), (10, 5), (3, 6), (8, 4), (2, 5), (4, 10)))
    actual = old_scale * new_scale * rng.randint(1, 4)
    drawn, redrawn = F(actual, old_scale), F(actual, new_scale)
    other = drawn + rng.choice((1, 2, 3))
    figure = figures.rectangle(f"{mixed(other)} cm", f"{mixed(drawn)} cm", ratio=float(other / drawn))
    who = name(rng)
    stem = (
        f"A floor plan is drawn with the scale 1 cm = {old_scale} m. On it, a wall is {mixed(drawn)} cm long. "
        f"{who} redraws the plan with the scale 1 cm = {new_scale} m. How long is the wall on the new drawing, "
        f"in cm?"
    )
    hints = (
        "Find the real length of the wall first.",
        f"Then find how many centimeters that is at 1 cm = {new_scale} m.",
    )
    solution = _steps(
        f"Real wall: {mixed(drawn)} {TIMES} {old_scale} = {actual} m.",
        f"New drawing: {actual} {DIVIDE} {new_scale} = {mixed(redrawn)}.",
        f"The wall is **{mixed(redrawn)} cm** on the new drawing.",
    )
    return problem(
        stem,
        _num_answer(redrawn, unit="cm"),
        hints,
        solution,
        wrong=(drawn * new_scale / old_scale, F(actual), drawn * new_scale),
        figure=figure,
    )


def _map_figure(first: str, second: str, gap_label: str, gap: float) -> str:
    svg = figures.Svg(460, 140)
    x1, x2, y = 50, 50 + 360 * gap, 80
    svg.rect(10, 10, 440, 120, fill="#eef4e6", stroke=figures.MUTED)
    svg.line(x1, y, x2, y, stroke=figures.FILL_DARK, stroke_width=2, dash="6 4")
    for x, town in ((x1, first), (x2, second)):
        svg.circle(x, y, 6, fill=figures.SHADE)
        svg.text(x, y + 26, town, size=13, weight="bold")
    svg.text((x1 + x2) / 2, y - 12, gap_label, size=14)
    return svg.render(f"A map showing {first} and {second}, {gap_label} apart on the map")


_TOWNS = ("Ashton", "Bay City", "Cedar Falls", "Dover", "Elm Grove", "Fairview", "Glenwood", "Hill Park")


@template("7.G.A.1")
def scale_from_map(rng: random.Random) -> Problem:
    """The scale of a map (how many kilometers 1 cm stands for) from a map distance and the real distance."""
    per_cm = rng.choice((5, 10, 15, 20, 25, 30, 40, 50))
    map_cm = F(rng.randint(4, 20), 2)
    real = map_cm * per_cm
    first, second = rng.sample(_TOWNS, 2)
    figure = _map_figure(first, second, f"{_show(map_cm, 'dec')} cm", float(map_cm) / 10)
    stem = (
        f"On a map, {first} and {second} are {_show(map_cm, 'dec')} cm apart. The real towns are "
        f"{_show(real, 'dec')} km apart. How many kilometers does 1 cm on the map stand for?"
    )
    hints = ("The scale tells how many kilometers match 1 cm.", "Divide the real distance by the map distance.")
    solution = _steps(
        f"{_show(real, 'dec')} km {DIVIDE} {_show(map_cm, 'dec')} cm = {per_cm} km per cm.",
        f"So 1 cm stands for **{per_cm} km**.",
    )
    return problem(
        stem,
        _num_answer(per_cm, unit="km"),
        hints,
        solution,
        wrong=(real * map_cm, map_cm / real, real - map_cm),
        figure=figure,
    )


_ONE_TRIANGLE = "Exactly one triangle"
_MANY_TRIANGLES = "More than one triangle"
_NO_TRIANGLE = "No triangle"
_TRIANGLE_COUNTS = (_ONE_TRIANGLE, _MANY_TRIANGLES, _NO_TRIANGLE)


def _straws_figure(lengths) -> str:
    svg = figures.Svg(420, 40 + 44 * len(lengths))
    scale = 300 / max(lengths)
    for index, length in enumerate(lengths):
        y = 30 + index * 44
        svg.rect(20, y, length * scale, 14, fill=(figures.FILL, figures.SHADE, "#7bc47f")[index % 3], rx=4)
        svg.text(30 + length * scale, y + 12, f"{length} cm", size=14, anchor="start")
    return svg.render("Three straws drawn to scale, " + ", ".join(f"{length} cm" for length in lengths) + " long")


@template("7.G.A.2")
def triangle_from_sides(rng: random.Random) -> Problem:
    """Whether three straws of given lengths make exactly one triangle or none (triangle inequality)."""
    a, b = rng.randint(2, 10), rng.randint(2, 10)
    kind = rng.choice(("valid", "valid", "short", "flat"))
    if kind == "valid":
        c = rng.randint(abs(a - b) + 1, a + b - 1)
    elif kind == "flat":
        c = a + b
    else:
        c = a + b + rng.randint(1, 5)
    lengths = [a, b, c]
    rng.shuffle(lengths)
    longest, rest = max(lengths), sorted(lengths)[:2]
    correct = _ONE_TRIANGLE if kind == "valid" else _NO_TRIANGLE
    stem = (
        f"{name(rng)} has three straws that are {join_words(str(length) for length in lengths)} cm long. How "
        f"many different triangles can be made with the straws as sides?"
    )
    hints = (
        "Two shorter sides must reach across the longest side.",
        "Compare the sum of the two shorter lengths with the longest length.",
    )
    compare = ">" if kind == "valid" else "=" if kind == "flat" else "<"
    reason = {
        "valid": "The two shorter straws are longer together than the longest one, so they meet to make a "
        "triangle, and three given sides fix its shape and size.",
        "flat": "The two shorter straws only just reach: they lie flat along the longest one.",
        "short": "The two shorter straws are too short to reach across the longest one.",
    }[kind]
    solution = _steps(
        f"{rest[0]} + {rest[1]} = {sum(rest)}, and {sum(rest)} {compare} {longest}.",
        reason,
        f"So the answer is **{correct}**.",
    )
    return problem(
        stem, choice(rng, correct, _TRIANGLE_COUNTS, keep_order=True), hints, solution, figure=_straws_figure(lengths)
    )


@template("7.G.A.2")
def triangle_from_conditions(rng: random.Random) -> Problem:
    """Whether angle and side measures determine one triangle, more than one, or none."""
    kind = rng.randrange(5)
    if kind in (0, 1):
        first, second = rng.randint(3, 9) * 5, rng.randint(3, 9) * 5
        third = 180 - first - second if kind == 0 else 180 - first - second + rng.choice((-20, -10, 10, 20))
        given = f"Angles of {first}°, {second}° and {third}°"
        if kind == 0:
            correct, reason = (
                _MANY_TRIANGLES,
                (
                    "The angles add to 180°, so a triangle exists, but the same angles fit "
                    "triangles of many sizes (a small one and an enlarged copy)."
                ),
            )
        else:
            correct, reason = _NO_TRIANGLE, f"The angles add to {first + second + third}°, not 180°."
    elif kind == 2:
        a, b, angle = rng.randint(3, 12), rng.randint(3, 12), rng.randint(3, 15) * 10
        given = f"Sides of {a} cm and {b} cm with a {angle}° angle between them"
        correct, reason = (
            _ONE_TRIANGLE,
            ("Two sides and the angle between them fix the third side, so every triangle drawn this way is the same."),
        )
    else:
        first, second = rng.randint(2, 10) * 10, rng.randint(2, 10) * 10
        if kind == 4:
            second = 180 - first + rng.choice((0, 10, 20))
        side = rng.randint(3, 12)
        given = f"Angles of {first}° and {second}° with a {side} cm side between them"
        if first + second < 180:
            correct, reason = (
                _ONE_TRIANGLE,
                ("Two angles and the side between them fix where the other two sides meet, so only one triangle fits."),
            )
        else:
            correct = _NO_TRIANGLE
            reason = f"The two angles already add to {first + second}°, leaving nothing for the third angle."
    stem = f"How many different triangles can be drawn with these measures?\n\n{given}."
    hints = (
        "The angles of a triangle always add to 180°.",
        "Ask whether the measures fix the size of the triangle, or whether it could be drawn bigger or smaller.",
    )
    solution = _steps(reason, f"So the answer is **{correct}**.")
    return problem(stem, choice(rng, correct, _TRIANGLE_COUNTS, keep_order=True), hints, solution)


@template("7.G.A.2")
def triangle_side_sets(rng: random.Random) -> Problem:
    """Which set of three side lengths makes a triangle."""
    while True:
        a, b = sorted(rng.sample(range(2, 13), 2))
        valid = (a, b, rng.randint(b - a + 1, a + b - 1))
        flat = tuple(sorted((a + 1, b, a + b + 1)))
        long_one = tuple(sorted((a, b + 1, a + b + rng.randint(2, 6))))
        small = tuple(sorted((rng.randint(1, 3), rng.randint(1, 3) + 1, b + 5)))
        sets = [tuple(sorted(valid)), flat, long_one, small]
        texts = [", ".join(f"{v} cm" for v in s) for s in sets]
        if len(set(texts)) == 4 and all(x[0] + x[1] <= x[2] for x in sets[1:]):
            break
    correct = texts[0]
    stem = f"{name(rng)} has four sets of three straws. Which set of straws can make a triangle?"
    hints = (
        "In a triangle, the two shorter sides together must be longer than the longest side.",
        "For each set, add the two smaller lengths and compare with the largest.",
    )
    shortest = sets[0]
    solution = _steps(
        f"For {correct}: {shortest[0]} + {shortest[1]} = {shortest[0] + shortest[1]}, which is more "
        f"than {shortest[2]}.",
        "In every other set, the two shorter sides add to the longest side or less, so they cannot meet.",
        f"So the answer is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, texts[1:]), hints, solution)


@template("7.G.A.2", difficulty=STRETCH)
def third_side_limit(rng: random.Random) -> Problem:
    """The greatest or least whole-number length the third side of a triangle can have."""
    a, b = sorted(rng.sample(range(3, 16), 2))
    greatest = rng.random() < 0.5
    result = a + b - 1 if greatest else b - a + 1
    stem = (
        f"Two sides of a triangle are {a} cm and {b} cm long. The third side is a whole number of centimeters. "
        f"What is the {'greatest' if greatest else 'least'} length it can have, in cm?"
    )
    hints = (
        "Any two sides of a triangle together must be longer than the third side.",
        f"The third side must be less than {a} + {b} and more than {b} {MINUS} {a}.",
    )
    solution = _steps(
        f"The third side must be between {b} {MINUS} {a} = {b - a} and {a} + {b} = {a + b}, not equal to either.",
        f"The {'greatest' if greatest else 'least'} whole number in that range is **{result} cm**.",
    )
    wrong = (a + b, b - a, a + b + 1) if greatest else (b - a, b - a - 1, a + b - 1)
    return problem(stem, _num_answer(result, unit="cm"), hints, solution, wrong=wrong)


# Solids are drawn in an oblique view: depth goes up and to the right.
_DEPTH_X, _DEPTH_Y = 0.55, 0.35


def _solid_figure(vertices: dict, edges: str, hidden: str, cut: list, labels: list, label: str) -> str:
    """A wire-frame solid (`edges` as letter pairs such as "AB BC"; `hidden` ones dashed) with a shaded cut
    polygon (3D points) and edge `labels` (letter pair, text)."""

    def flat(point) -> tuple[float, float]:
        x, y, z = (float(value) for value in point)
        return x + _DEPTH_X * y, z + _DEPTH_Y * y

    flats = [flat(point) for point in vertices.values()]
    low_x, high_x = min(x for x, _ in flats), max(x for x, _ in flats)
    low_y, high_y = min(y for _, y in flats), max(y for _, y in flats)
    scale = min(260 / (high_x - low_x), 190 / (high_y - low_y))
    pad = 50

    def at(point) -> tuple[float, float]:
        x, y = flat(point)
        return pad + (x - low_x) * scale, pad + (high_y - y) * scale

    svg = figures.Svg((high_x - low_x) * scale + 2 * pad + 30, (high_y - low_y) * scale + 2 * pad)
    pairs = edges.split()
    for pair in pairs:
        if pair in hidden.split():
            svg.line(*at(vertices[pair[0]]), *at(vertices[pair[1]]), stroke=figures.MUTED, stroke_width=1.2, dash="5 4")
    if cut:
        svg.polygon([at(point) for point in cut], fill=figures.SHADE, stroke=figures.INK, stroke_width=1.5)
    for pair in pairs:
        if pair not in hidden.split():
            svg.line(*at(vertices[pair[0]]), *at(vertices[pair[1]]), stroke_width=2)
    center = [sum(at(v)[i] for v in vertices.values()) / len(vertices) for i in (0, 1)]
    for pair, text_label in labels:
        (x1, y1), (x2, y2) = at(vertices[pair[0]]), at(vertices[pair[1]])
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        dx, dy = mx - center[0], my - center[1]
        norm = math.hypot(dx, dy) or 1
        svg.text(mx + 24 * dx / norm, my + 24 * dy / norm + 5, text_label, size=14)
    return svg.render(label)


def _prism_vertices(length, width, height) -> dict:
    return {
        "A": (0, 0, 0),
        "B": (length, 0, 0),
        "C": (length, width, 0),
        "D": (0, width, 0),
        "E": (0, 0, height),
        "F": (length, 0, height),
        "G": (length, width, height),
        "H": (0, width, height),
    }


_PRISM_EDGES = "AB BC CD DA EF FG GH HE AE BF CG DH"


def _prism_with_cut(length, width, height, cut: str, label: str) -> str:
    l, w, h = F(length), F(width), F(height)
    cuts = {
        "base": [(0, 0, h / 2), (l, 0, h / 2), (l, w, h / 2), (0, w, h / 2)],
        "front": [(0, w / 2, 0), (l, w / 2, 0), (l, w / 2, h), (0, w / 2, h)],
        "side": [(l / 2, 0, 0), (l / 2, w, 0), (l / 2, w, h), (l / 2, 0, h)],
        "corner": [(l * 2 / 3, 0, h), (l, 0, h * 2 / 3), (l, w / 3, h)],
        "diagonal": [(0, 0, 0), (l, w, 0), (l, w, h), (0, 0, h)],
    }
    labels = [("AB", f"{length} cm"), ("BC", f"{width} cm"), ("AE", f"{height} cm")]
    return _solid_figure(_prism_vertices(l, w, h), _PRISM_EDGES, "CD DA DH", cuts[cut], labels, label)


def _pyramid_with_cut(length, width, height, cut: str, label: str) -> str:
    l, w, h = F(length), F(width), F(height)
    vertices = {"A": (0, 0, 0), "B": (l, 0, 0), "C": (l, w, 0), "D": (0, w, 0), "P": (l / 2, w / 2, h)}
    cuts = {
        "base": [
            (l / 4, w / 4, h / 2),
            (l * 3 / 4, w / 4, h / 2),
            (l * 3 / 4, w * 3 / 4, h / 2),
            (l / 4, w * 3 / 4, h / 2),
        ],
        "apex": [(0, w / 2, 0), (l, w / 2, 0), (l / 2, w / 2, h)],
        "offset": [(0, w / 4, 0), (l, w / 4, 0), (l * 3 / 4, w / 4, h / 2), (l / 4, w / 4, h / 2)],
        "diagonal": [(0, 0, 0), (l, w, 0), (l / 2, w / 2, h)],
    }
    return _solid_figure(vertices, "AB BC CD DA PA PB PC PD", "CD DA PD", cuts[cut], [], label)


_PRISM_CUTS = {
    "base": "parallel to its base (the bottom face)",
    "front": "parallel to its front face, straight down through the middle",
    "side": "parallel to its right side face, straight down through the middle",
    "corner": "that cuts off one top corner, through the three edges that meet at that corner",
    "diagonal": "straight down through two opposite vertical edges (a diagonal cut)",
}
_PYRAMID_CUTS = {
    "base": "parallel to its base, halfway up",
    "apex": "straight down through the top vertex, parallel to the front edge of the base",
    "offset": "straight down, parallel to the front edge of the base, but not through the top vertex",
    "diagonal": "straight down through the top vertex and two opposite corners of the base",
}
_SHAPES = ("triangle", "rectangle", "square", "trapezoid", "circle", "pentagon", "hexagon")


def _shape_choices(rng: random.Random, correct: str) -> Answer:
    excluded = {correct, "rectangle"} if correct == "square" else {correct}
    others = [shape for shape in _SHAPES if shape not in excluded]
    preferred = [shape for shape in ("triangle", "rectangle", "square", "trapezoid") if shape in others]
    wrong = preferred[:2] + rng.sample([shape for shape in others if shape not in preferred[:2]], 1)
    return choice(rng, correct, wrong)


@template("7.G.A.3")
def prism_cross_section(rng: random.Random) -> Problem:
    """The shape of a plane section of a right rectangular prism."""
    cut = rng.choice(list(_PRISM_CUTS))
    while True:
        length, width, height = rng.randint(4, 12), rng.randint(3, 9), rng.randint(3, 9)
        if cut == "base" and rng.random() < 0.35:
            width = length = min(length, 9)
        if len({length, width, height}) == 3 or (cut == "base" and length == width != height):
            if length**2 + width**2 != height**2:
                break
    square = cut == "base" and length == width
    correct = {
        "base": "square" if square else "rectangle",
        "front": "rectangle",
        "side": "rectangle",
        "corner": "triangle",
        "diagonal": "rectangle",
    }[cut]
    label = (
        f"A right rectangular prism {length} cm long, {width} cm wide and {height} cm tall, with a plane cut "
        f"{_PRISM_CUTS[cut]}; the cut is shaded"
    )
    figure = _prism_with_cut(length, width, height, cut, label)
    stem = (
        f"A right rectangular prism is {length} cm long, {width} cm wide and {height} cm tall. A plane slices it "
        f"{_PRISM_CUTS[cut]}. What shape is the cross section?"
    )
    hints = (
        "Picture the flat face left where the slice cuts through the solid.",
        "Count the faces the plane cuts through: each one gives one side of the cross section.",
    )
    reason = {
        "base": f"The slice is a copy of the base, {length} cm by {width} cm.",
        "front": f"The slice is a copy of the front face, {length} cm by {height} cm.",
        "side": f"The slice is a copy of the side face, {width} cm by {height} cm.",
        "corner": "The plane cuts through the three faces that meet at the corner, so the section has 3 sides.",
        "diagonal": f"Two sides of the slice are vertical edges {height} cm tall; the other two are diagonals of "
        f"the top and bottom faces. All its corners are right angles.",
    }[cut]
    solution = _steps(reason, f"So the cross section is a **{correct}**.")
    return problem(stem, _shape_choices(rng, correct), hints, solution, figure=figure)


@template("7.G.A.3")
def pyramid_cross_section(rng: random.Random) -> Problem:
    """The shape of a plane section of a right rectangular pyramid."""
    cut = rng.choice(list(_PYRAMID_CUTS))
    length = rng.randint(4, 12)
    width = length if rng.random() < 0.4 else rng.choice([v for v in range(4, 13) if v != length])
    height = rng.randint(5, 12)
    base_shape = "square" if length == width else "rectangle"
    correct = {"base": base_shape, "apex": "triangle", "offset": "trapezoid", "diagonal": "triangle"}[cut]
    base_text = f"{'an' if str(length).startswith('8') or length in (11, 18) else 'a'} {length} cm by {width} cm "
    base_text += f"{base_shape} base"
    label = (
        f"A right rectangular pyramid with {base_text}, {height} cm tall, with a plane cut {_PYRAMID_CUTS[cut]}; "
        f"the cut is shaded"
    )
    figure = _pyramid_with_cut(length, width, height, cut, label)
    stem = (
        f"A right rectangular pyramid has {base_text} and is {height} cm tall. A plane slices it "
        f"{_PYRAMID_CUTS[cut]}. What shape is the cross section?"
    )
    hints = (
        "Picture the flat face left where the slice cuts through the solid.",
        "Look at where the plane meets the base and whether it reaches the top vertex.",
    )
    reason = {
        "base": "A slice parallel to the base is a smaller copy of the base, so it has the base's shape.",
        "apex": "The slice meets the base in one line and rises to the top vertex: three sides.",
        "diagonal": "The slice meets the base along a diagonal and rises to the top vertex: three sides.",
        "offset": (
            "The slice meets the base in one line, rises along two slanted faces, and is cut off flat by the "
            "back part of the pyramid before reaching the top: a four-sided shape with one pair of parallel "
            "sides."
        ),
    }[cut]
    solution = _steps(reason, f"So the cross section is a **{correct}**.")
    return problem(stem, _shape_choices(rng, correct), hints, solution, figure=figure)


@template("7.G.A.3")
def prism_cross_section_area(rng: random.Random) -> Problem:
    """The area of a cross section of a right rectangular prism parallel to one of its faces."""
    cut = rng.choice(("base", "front", "side"))
    length, width, height = rng.sample(range(3, 13), 3)
    sides = {"base": (length, width), "front": (length, height), "side": (width, height)}[cut]
    area = sides[0] * sides[1]
    label = (
        f"A right rectangular prism {length} cm long, {width} cm wide and {height} cm tall, with a plane cut "
        f"{_PRISM_CUTS[cut]}; the cut is shaded"
    )
    figure = _prism_with_cut(length, width, height, cut, label)
    stem = (
        f"A right rectangular prism is {length} cm long, {width} cm wide and {height} cm tall. A plane slices it "
        f"{_PRISM_CUTS[cut]}. What is the area of the cross section, in square centimeters?"
    )
    hints = (
        "The cross section is a rectangle the same size as the face it is parallel to.",
        "Find which two edges of the prism match the sides of the cross section.",
    )
    solution = _steps(
        f"The cross section is a rectangle {sides[0]} cm by {sides[1]} cm.",
        f"Area: {sides[0]} {TIMES} {sides[1]} = **{area} square centimeters**.",
    )
    others = [length * width, length * height, width * height]
    return problem(
        stem,
        numeric(area, display=f"{area} square centimeters"),
        hints,
        solution,
        wrong=[value for value in others if value != area] + [length * width * height],
        figure=figure,
    )


def _circle_size(rng: random.Random) -> tuple[int, bool]:
    """A radius, and whether the item gives the diameter instead."""
    return rng.randint(2, 15), rng.random() < 0.5


_CIRCLE_THINGS = (
    "a circular rug",
    "a round table top",
    "a circular garden",
    "a round pizza",
    "a circular pool cover",
    "a round clock face",
)


def _circle_setup(rng: random.Random) -> tuple:
    radius, by_diameter = _circle_size(rng)
    thing = rng.choice(_CIRCLE_THINGS)
    unit = rng.choice(("ft", "m", "in", "cm")) if "pizza" not in thing and "clock" not in thing else "in"
    measure = f"{'diameter' if by_diameter else 'radius'} {2 * radius if by_diameter else radius} {unit}"
    figure = figures.circle_figure(
        radius_label="" if by_diameter else f"{radius} {unit}",
        diameter_label=f"{2 * radius} {unit}" if by_diameter else "",
        label=f"A circle with its {measure} marked",
    )
    return radius, by_diameter, thing, unit, measure, figure


_PI = F(314, 100)
_UNIT_WORDS = {"in": "inches", "ft": "feet", "m": "meters", "cm": "centimeters"}


@template("7.G.B.4")
def circle_area(rng: random.Random) -> Problem:
    """The area of a circle from its radius or diameter, using 3.14 for π."""
    radius, by_diameter, thing, unit, measure, figure = _circle_setup(rng)
    area = _PI * radius * radius
    stem = (
        f"{_capital(thing)} has a {measure.split()[0]} of {measure.split()[1]} {_UNIT_WORDS[unit]}. What is its "
        f"area, in square {_UNIT_WORDS[unit]}? Use 3.14 for π."
    )
    hints = (
        "The area of a circle is A = π × r × r.",
        "Use the radius, which is half the diameter." if by_diameter else "Square the radius first.",
    )
    steps = [f"The radius is {2 * radius} {DIVIDE} 2 = {radius} {unit}."] if by_diameter else []
    steps += [
        f"A = 3.14 {TIMES} {radius} {TIMES} {radius} = 3.14 {TIMES} {radius * radius}.",
        f"A = **{_dec(area)} square {_UNIT_WORDS[unit]}**.",
    ]
    answer = numeric(area, tolerance="0.01", display=f"{_dec(area)} square {_UNIT_WORDS[unit]}")
    wrong = (_PI * 2 * radius, _PI * 4 * radius * radius, _PI * radius)
    return problem(stem, answer, hints, _steps(*steps), wrong=wrong, figure=figure)


@template("7.G.B.4")
def circle_circumference(rng: random.Random) -> Problem:
    """The circumference of a circle from its radius or diameter, using 3.14 for π."""
    radius, by_diameter, thing, unit, measure, figure = _circle_setup(rng)
    circumference = _PI * 2 * radius
    word = _UNIT_WORDS[unit]
    question = rng.choice((f"What is its circumference, in {word}?", f"How far is it around the edge, in {word}?"))
    stem = (
        f"{_capital(thing)} has a {measure.split()[0]} of {measure.split()[1]} {_UNIT_WORDS[unit]}. {question} "
        f"Use 3.14 for π."
    )
    hints = (
        "The circumference of a circle is C = π × d, where d is the diameter.",
        "The diameter is twice the radius." if not by_diameter else "Multiply the diameter by 3.14.",
    )
    steps = [] if by_diameter else [f"The diameter is 2 {TIMES} {radius} = {2 * radius} {unit}."]
    steps += [f"C = 3.14 {TIMES} {2 * radius} = **{_dec(circumference)} {_UNIT_WORDS[unit]}**."]
    answer = numeric(circumference, tolerance="0.01", display=f"{_dec(circumference)} {_UNIT_WORDS[unit]}")
    wrong = (_PI * radius, _PI * radius * radius, _PI * 4 * radius)
    return problem(stem, answer, hints, _steps(*steps), wrong=wrong, figure=figure)


@template("7.G.B.4")
def circle_exact_in_pi(rng: random.Random) -> Problem:
    """The exact area or circumference of a circle in terms of π."""
    radius, by_diameter = rng.randint(3, 12), rng.random() < 0.5
    unit = rng.choice(("cm", "m", "in", "ft"))
    measure = f"{'diameter' if by_diameter else 'radius'} {2 * radius if by_diameter else radius} {unit}"
    figure = figures.circle_figure(
        radius_label="" if by_diameter else f"{radius} {unit}",
        diameter_label=f"{2 * radius} {unit}" if by_diameter else "",
        label=f"A circle with its {measure} marked",
    )
    ask_area = rng.random() < 0.5
    if ask_area:
        coefficients = [radius * radius, 2 * radius, 4 * radius * radius, radius]
        unit_text = f"square {_UNIT_WORDS[unit]}"
        formula = f"A = π {TIMES} {radius} {TIMES} {radius} = {radius * radius}π"
    else:
        coefficients = [2 * radius, radius, radius * radius, 4 * radius]
        unit_text = _UNIT_WORDS[unit]
        formula = f"C = π {TIMES} {2 * radius} = {2 * radius}π"
    texts = [f"{value}π {unit_text}" for value in distinct_wrong(None, coefficients)]
    what = "area" if ask_area else "circumference"
    stem = (
        f"A circle has a {measure.split()[0]} of {measure.split()[1]} {_UNIT_WORDS[unit]}. What is its exact "
        f"{what}, in terms of π?"
    )
    hints = (
        "Area: A = πr<sup>2</sup>. Circumference: C = 2πr = πd.",
        "Find the radius first." if by_diameter else "Leave π as π; work out only the number in front of it.",
    )
    steps = [f"The radius is {radius} {unit}."] + [formula + "."]
    solution = _steps(*steps, f"The exact {what} is **{texts[0]}**.")
    return problem(stem, choice(rng, texts[0], texts[1:4]), hints, solution, figure=figure)


@template("7.G.B.4")
def circle_from_measure(rng: random.Random) -> Problem:
    """The radius or diameter of a circle from its circumference or area (with 3.14 for π)."""
    radius = rng.randint(2, 12)
    unit = rng.choice(("cm", "m", "ft", "in"))
    if rng.random() < 0.5:
        circumference = _PI * 2 * radius
        want_diameter = rng.random() < 0.5
        stem = (
            f"A circle has a circumference of {_dec(circumference)} {_UNIT_WORDS[unit]}. What is its "
            f"{'diameter' if want_diameter else 'radius'}, in {_UNIT_WORDS[unit]}? Use 3.14 for π."
        )
        result = 2 * radius if want_diameter else radius
        steps = (f"C = 3.14 {TIMES} d, so d = {_dec(circumference)} {DIVIDE} 3.14 = {2 * radius}.",)
        if not want_diameter:
            steps += (f"The radius is half of that: {2 * radius} {DIVIDE} 2 = {radius}.",)
        wrong = (radius if want_diameter else 2 * radius, circumference / 2, 4 * radius)
        hints = (
            "Circumference = 3.14 × diameter. Work backward by dividing.",
            f"Divide {_dec(circumference)} by 3.14.",
        )
    else:
        area = _PI * radius * radius
        stem = (
            f"A circle has an area of {_dec(area)} square {_UNIT_WORDS[unit]}. What is its radius, in "
            f"{_UNIT_WORDS[unit]}? Use 3.14 for π."
        )
        result = radius
        steps = (
            f"A = 3.14 {TIMES} r {TIMES} r, so r {TIMES} r = {_dec(area)} {DIVIDE} 3.14 = {radius * radius}.",
            f"{radius} {TIMES} {radius} = {radius * radius}, so r = {radius}.",
        )
        wrong = (radius * radius, 2 * radius, F(radius * radius, 2))
        hints = (
            "Area = 3.14 × r × r. Divide by 3.14 first.",
            "Then find the number that times itself gives the result.",
        )
    solution = _steps(*steps, f"The answer is **{result} {_UNIT_WORDS[unit]}**.")
    return problem(stem, _num_answer(result, unit=_UNIT_WORDS[unit]), hints, solution, wrong=wrong)


def _wedges_figure() -> str:
    """A circle cut into 16 wedges laid side by side, alternately up and down, into a near parallelogram."""
    svg = figures.Svg(420, 170)
    count, width, height, left, top = 16, 44, 90, 24, 24
    for index in range(count):
        x = left + index * width / 2
        up = index % 2 == 0
        apex_y, base_y = (top, top + height) if up else (top + height, top)
        bulge = base_y + (8 if up else -8)
        svg.path(
            f"M {x + width / 2} {apex_y} L {x} {base_y} Q {x + width / 2} {bulge} {x + width} {base_y} Z",
            fill="#dbe7fb" if up else "#c7d8f5",
            stroke_width=1,
        )
    svg.line(left, top + height + 18, left + (count + 1) * width / 2, top + height + 18, stroke=figures.FILL_DARK)
    svg.text(left + (count + 1) * width / 4, top + height + 34, "base", size=13)
    svg.line(left - 10, top, left - 10, top + height, stroke=figures.FILL_DARK)
    svg.text(left - 4, top + height / 2 + 5, "r", size=14, anchor="start")
    return svg.render(
        "A circle of radius r cut into 16 equal wedges, laid side by side, alternately pointing up and "
        "down, making a shape close to a parallelogram. Its height is r; its base is made of the "
        "curved edges of the wedges that point up."
    )


@template("7.G.B.4", difficulty=STRETCH)
def circle_area_derivation(rng: random.Random) -> Problem:
    """The informal derivation of A = πr² from the circumference by cutting and rearranging wedges."""
    ask_base = rng.random() < 0.5
    if ask_base:
        question = "About how long is the base of the new shape?"
        options = ["πr, half the circumference", "2πr, the whole circumference", "2r, the diameter", "r, the radius"]
        because = "Half of the curved edges are on the bottom, so the base is half the circumference: 2πr ÷ 2 = πr."
    else:
        question = "Using base × height, what is the area of the new shape, and so of the circle?"
        options = ["πr × r = πr<sup>2</sup>", "2πr × r = 2πr<sup>2</sup>", "2r × r = 2r<sup>2</sup>", "πr + r"]
        because = "The base is half the circumference, πr, and the height is the radius r: πr × r = πr<sup>2</sup>."
    stem = (
        f"A circle with radius r is cut into many equal wedges. The wedges are laid side by side, alternately "
        f"pointing up and down, to make a shape close to a parallelogram. Its height is about r. {question}"
    )
    hints = (
        "The circumference of the circle is 2πr; the curved edges of all the wedges make it up.",
        "Half of the wedges' curved edges are along the bottom and half are along the top.",
    )
    solution = _steps(because, f"So the answer is **{options[0]}**.")
    return problem(stem, choice(rng, options[0], options[1:]), hints, solution, figure=_wedges_figure())


_PLACES = ("right", "upper right", "top", "upper left", "left", "lower left", "bottom", "lower right")


def _place(degrees: float) -> str:
    return _PLACES[round((degrees % 360) / 45) % 8]


def _label_distance(start: float, span: float, text_label: str) -> float:
    """How far from the vertex a label can sit inside its sector without crossing the sector's rays."""
    middle = math.radians(start + span / 2)
    half_width, half_height = 4.3 * len(text_label) + 4, 10
    for distance in range(40, 170, 4):
        x, y = distance * math.cos(middle), distance * math.sin(middle)
        corners = [(x + sx * half_width, y + sy * half_height) for sx in (-1, 1) for sy in (-1, 1)]
        if span >= 180 or all(0 < (math.degrees(math.atan2(cy, cx)) - start) % 360 < span for cx, cy in corners):
            return distance
    return 170


def _angle_diagram(rays, labels: dict, *, lines: str, square: tuple[int, int] | None = None) -> str:
    """Rays from one point at `rays` degrees (counterclockwise from pointing right, listed counterclockwise);
    `labels` maps the index of
    the sector from rays[i] to rays[i + 1] (counterclockwise) to its text; `square` marks a right angle between
    two rays (by index). `lines` says in words what is drawn."""
    svg = figures.Svg(460, 340)
    cx, cy, length = 230, 170, 140
    rays = [ray % 360 for ray in rays]
    for ray in rays:
        radians = math.radians(ray)
        svg.line(cx, cy, cx + length * math.cos(radians), cy - length * math.sin(radians), stroke_width=2.5)
    if square:
        a, b = (math.radians(rays[index]) for index in square)
        corner = [
            (cx + 14 * math.cos(a), cy - 14 * math.sin(a)),
            (cx + 14 * (math.cos(a) + math.cos(b)), cy - 14 * (math.sin(a) + math.sin(b))),
            (cx + 14 * math.cos(b), cy - 14 * math.sin(b)),
        ]
        svg.polyline(corner, stroke_width=1.5)
    described = []
    for order, (index, text_label) in enumerate(sorted(labels.items())):
        start, end = rays[index], rays[(index + 1) % len(rays)]
        span = (end - start) % 360
        radius = 26 + 9 * order
        x1, y1 = cx + radius * math.cos(math.radians(start)), cy - radius * math.sin(math.radians(start))
        x2, y2 = cx + radius * math.cos(math.radians(end)), cy - radius * math.sin(math.radians(end))
        svg.path(
            f"M {x1:.1f} {y1:.1f} A {radius} {radius} 0 {1 if span > 180 else 0} 0 {x2:.1f} {y2:.1f}",
            stroke=figures.FILL_DARK,
            stroke_width=1.8,
        )
        middle = math.radians(start + span / 2)
        distance = max(_label_distance(start, span, text_label), radius + 22)
        svg.text(
            cx + distance * math.cos(middle),
            cy - distance * math.sin(middle) + 5,
            text_label,
            size=14,
            weight="bold",
            fill=figures.FILL_DARK,
        )
        described.append(f"the angle on the {_place(start + span / 2)} is marked {text_label}")
    svg.circle(cx, cy, 3.5, fill=figures.INK)
    return svg.render(f"{lines} " + "; ".join(described) + ".")


def _angle_expression(coefficient: int, constant: int) -> str:
    return f"({_linear(coefficient, constant)})°"


def _unknown_angle(rng: random.Random, measure: int) -> tuple[int, int, int]:
    """A coefficient, a constant and a whole-number x with coefficient × x + constant = measure."""
    while True:
        coefficient = rng.randint(2, 5)
        if measure // coefficient <= 6:
            continue
        x = rng.randint(5, measure // coefficient)
        constant = measure - coefficient * x
        if constant and abs(constant) <= 40:
            return coefficient, constant, x


@template("7.G.B.5")
def supplementary_equation(rng: random.Random) -> Problem:
    """An unknown in an angle expression, from two adjacent angles that form a straight line."""
    known = rng.choice([v for v in range(30, 151, 5) if abs(v - 90) > 10])
    other = 180 - known
    coefficient, constant, x = _unknown_angle(rng, other)
    expression = _angle_expression(coefficient, constant)
    figure = _angle_diagram(
        (0, known, 180),
        {0: f"{known}°", 1: expression},
        lines="A straight line with a ray from a point on it, making two adjacent angles:",
    )
    ask_angle = rng.random() < 0.3
    stem = f"In the figure, a ray divides a straight angle into two adjacent angles of {known}° and {expression}. " + (
        "What is the measure of the angle marked " + expression + ", in degrees?"
        if ask_angle
        else "What is the value of x?"
    )
    hints = (
        "Angles that together make a straight line are supplementary: they add to 180°.",
        f"Write an equation: {known} + {_linear(coefficient, constant)} = 180.",
    )
    steps = [
        f"{known} + {_linear(coefficient, constant)} = 180.",
        f"{_linear(coefficient, constant)} = {other}.",
        f"{coefficient}x = {other - constant}, so x = {x}.",
    ]
    if ask_angle:
        steps.append(
            f"The angle is {coefficient} {TIMES} {x} {'+' if constant > 0 else MINUS} {abs(constant)} = **{other}°**."
        )
        answer, wrong = numeric(other, display=f"{other}°"), (x, known, 90 - known)
    else:
        steps.append(f"x = **{x}**.")
        answer = numeric(x)
        wrong = (
            F(known - constant, coefficient),
            F(other + constant, coefficient),
            F(90 - known - constant, coefficient),
        )
    return problem(stem, answer, hints, _steps(*steps), wrong=wrong, figure=figure)


@template("7.G.B.5")
def complementary_equation(rng: random.Random) -> Problem:
    """An unknown angle in a right angle split into two adjacent angles."""
    known = rng.choice(range(20, 71, 5))
    other = 90 - known
    if rng.random() < 0.5:
        coefficient, constant, x = 1, 0, other
        expression = "x°"
    else:
        coefficient, constant, x = _unknown_angle(rng, other)
        expression = _angle_expression(coefficient, constant)
    first_ray = rng.choice((0, 90, 180))
    figure = _angle_diagram(
        (first_ray, first_ray + known, first_ray + 90),
        {0: f"{known}°", 1: expression},
        lines="A right angle (marked with a square corner) split by a ray into two angles:",
        square=(0, 2),
    )
    stem = (
        f"In the figure, a ray splits a right angle into two angles of {known}° and {expression}. What is the "
        f"value of x?"
    )
    hints = (
        "Two angles that make a right angle are complementary: they add to 90°.",
        f"Write an equation: {known} + {_linear(coefficient, constant)} = 90.",
    )
    steps = [f"{known} + {_linear(coefficient, constant)} = 90.", f"{_linear(coefficient, constant)} = {other}."]
    if coefficient != 1:
        steps.append(f"{coefficient}x = {other - constant}.")
    steps.append(f"x = **{x}**.")
    wrong = (
        F(180 - known - constant, coefficient),
        F(known - constant, coefficient),
        F(other + constant, coefficient),
        180 - known,
    )
    return problem(stem, numeric(x), hints, _steps(*steps), wrong=wrong, figure=figure)


@template("7.G.B.5")
def vertical_angles_equation(rng: random.Random) -> Problem:
    """An unknown from two vertical angles marked with expressions, then an angle's measure."""
    measure = rng.choice([v for v in range(35, 146, 5) if abs(v - 90) > 10])
    while True:
        x = rng.randint(5, 30)
        first, second = rng.sample(range(2, 7), 2)
        first_constant, second_constant = measure - first * x, measure - second * x
        if first_constant and second_constant and abs(first_constant) <= 60 and abs(second_constant) <= 60:
            break
    start = rng.choice((0, 10, 20, 160, 170))
    figure = _angle_diagram(
        (start, start + measure, start + 180, start + 180 + measure),
        {0: _angle_expression(first, first_constant), 2: _angle_expression(second, second_constant)},
        lines="Two straight lines cross at a point, making four angles:",
    )
    ask_angle = rng.random() < 0.4
    stem = (
        f"Two lines cross. A pair of vertical angles measure {_angle_expression(first, first_constant)} and "
        f"{_angle_expression(second, second_constant)}. "
        + ("What is the measure of each of these angles, in degrees?" if ask_angle else "What is the value of x?")
    )
    hints = ("Vertical angles are equal.", "Set the two expressions equal and solve for x.")
    steps = [
        f"{_linear(first, first_constant)} = {_linear(second, second_constant)}.",
        f"{_linear(first - second, 0)} = {number_text(second_constant - first_constant)}, so x = {x}.",
    ]
    if ask_angle:
        steps.append(
            f"Each angle is {first} {TIMES} {x} {'+' if first_constant > 0 else MINUS} "
            f"{abs(first_constant)} = **{measure}°**."
        )
        answer, wrong = numeric(measure, display=f"{measure}°"), (x, 180 - measure, measure + first)
    else:
        steps.append(f"x = **{x}**.")
        answer = numeric(x)
        wrong = (
            F(second_constant + first_constant, first - second),
            F(180 - first_constant - second_constant, first + second),
            measure,
        )
    return problem(stem, answer, hints, _steps(*steps), wrong=wrong, figure=figure)


@template("7.G.B.5")
def angles_on_a_line(rng: random.Random) -> Problem:
    """Three adjacent angles on a straight line, one known and two written with x."""
    while True:
        x, multiple = rng.randint(10, 50), rng.randint(2, 4)
        known = 180 - x - multiple * x
        if 25 <= known <= 120 and x >= 15:
            break
    figure = _angle_diagram(
        (0, known, known + x, 180),
        {0: f"{known}°", 1: "x°", 2: f"{multiple}x°"},
        lines="A straight line with two rays from one point on it, making three adjacent angles:",
    )
    ask = rng.choice(("x", "big"))
    stem = f"Three adjacent angles make a straight line. They measure {known}°, x° and {multiple}x°. " + (
        "What is the value of x?"
        if ask == "x"
        else f"What is the measure of the angle marked {multiple}x°, in degrees?"
    )
    hints = ("The angles on a straight line add to 180°.", f"Write an equation: {known} + x + {multiple}x = 180.")
    steps = [f"{known} + x + {multiple}x = 180.", f"{multiple + 1}x = {180 - known}, so x = {x}."]
    if ask == "x":
        steps.append(f"x = **{x}**.")
        answer, wrong = numeric(x), (F(180 - known, multiple), 180 - known, F(360 - known, multiple + 1))
    else:
        steps.append(f"The angle is {multiple} {TIMES} {x} = **{multiple * x}°**.")
        answer, wrong = numeric(multiple * x, display=f"{multiple * x}°"), (x, 180 - known, 180 - known - x + 1)
    return problem(stem, answer, hints, _steps(*steps), wrong=wrong, figure=figure)


_RELATIONS = ("vertical angles", "complementary angles", "supplementary angles")


@template("7.G.B.5", difficulty=INTRODUCTORY)
def angle_relationship_choice(rng: random.Random) -> Problem:
    """Name the relationship between two marked angles: vertical, complementary or supplementary."""
    kind = rng.randrange(3)
    first = rng.choice([v for v in range(25, 156, 5) if abs(v - 90) > 10])
    start = rng.choice((0, 15, 30, 150, 165))
    if kind == 0:
        figure = _angle_diagram(
            (start, start + first, start + 180, start + 180 + first),
            {0: "a", 2: "b"},
            lines="Two straight lines cross at a point, making four angles:",
        )
        reason = "Angles a and b are opposite each other where two lines cross, so they are vertical angles (equal)."
    elif kind == 1:
        first = rng.choice(range(25, 66, 5))
        figure = _angle_diagram(
            (start, start + first, start + 90),
            {0: "a", 1: "b"},
            lines="A right angle (marked with a square corner) split by a ray:",
            square=(0, 2),
        )
        reason = "Angles a and b together make a right angle, so they add to 90°: they are complementary."
    else:
        figure = _angle_diagram(
            (start, start + first, start + 180),
            {0: "a", 1: "b"},
            lines="A straight line with a ray from a point on it:",
        )
        reason = "Angles a and b together make a straight line, so they add to 180°: they are supplementary."
    correct = _RELATIONS[kind]
    stem = "What is the relationship between angles a and b in the figure?"
    hints = (
        "Do the two angles make a right angle, make a straight line, or sit opposite each other where two lines cross?",
        "A right angle measures 90° and a straight line measures 180°.",
    )
    solution = _steps(reason, f"So they are **{correct}**.")
    return problem(stem, choice(rng, correct, _RELATIONS, keep_order=True), hints, solution, figure=figure)


def _extruded(front, depth, side_labels, depth_label: str, label: str) -> str:
    """A right prism: the polygon `front` (counterclockwise, in units) pushed back by `depth` in an oblique view,
    with the front edges labelled in turn and the depth labelled."""
    dx, dy = 0.6 * depth, 0.4 * depth
    back = [(x + dx, y + dy) for x, y in front]
    xs = [x for x, _ in front + back]
    ys = [y for _, y in front + back]
    scale = min(280 / (max(xs) - min(xs)), 200 / (max(ys) - min(ys)))
    pad = 46

    def at(point) -> tuple[float, float]:
        return pad + (point[0] - min(xs)) * scale, pad + (max(ys) - point[1]) * scale

    svg = figures.Svg((max(xs) - min(xs)) * scale + 2 * pad + 20, (max(ys) - min(ys)) * scale + 2 * pad)
    svg.polygon([at(point) for point in back], fill="#a9c2ee")
    count = len(front)
    faces = []
    for index in range(count):
        (x1, y1), (x2, y2) = front[index], front[(index + 1) % count]
        facing = (y2 - y1) * dx - (x2 - x1) * dy  # positive when the side faces the viewer's up-right
        faces.append(
            (
                facing > 0,
                [at(front[index]), at(front[(index + 1) % count]), at(back[(index + 1) % count]), at(back[index])],
            )
        )
    for visible, quad in sorted(faces, key=lambda face: face[0]):
        svg.polygon(quad, fill="#c7d8f5" if visible else "#a9c2ee")
    svg.polygon([at(point) for point in front], fill="#dbe7fb")
    cx = sum(at(point)[0] for point in front) / count
    cy = sum(at(point)[1] for point in front) / count
    for index, text_label in enumerate(side_labels):
        if text_label:
            (x1, y1), (x2, y2) = at(front[index]), at(front[(index + 1) % count])
            mx, my = (x1 + x2) / 2, (y1 + y2) / 2
            norm = math.hypot(mx - cx, my - cy) or 1
            svg.text(mx + 20 * (mx - cx) / norm, my + 20 * (my - cy) / norm + 5, text_label, size=14)
    corner = max(front, key=lambda point: (point[0], -point[1]))
    (x1, y1), (x2, y2) = at(corner), at((corner[0] + dx, corner[1] + dy))
    svg.text((x1 + x2) / 2 + 10, (y1 + y2) / 2 + 14, depth_label, size=14, anchor="start")
    return svg.render(label)


@template("7.G.B.6")
def composite_area(rng: random.Random) -> Problem:
    """The area of an L-shaped figure made of two rectangles."""
    unit = rng.choice(("m", "ft", "cm"))
    width, height = rng.randint(8, 16), rng.randint(7, 14)
    low, column = rng.randint(2, height - 3), rng.randint(2, width - 3)
    points = [(0, 0), (width, 0), (width, low), (column, low), (column, height), (0, height)]
    lengths = [width, low, width - column, height - low, column, height]
    labels = [f"{length} {unit}" for length in lengths]
    label = "An L-shaped figure with right-angle corners. Going around from the bottom left: " + ", ".join(labels) + "."
    figure = figures.polygon_figure(points, side_labels=labels, label=label, right_angles=(0, 1, 2, 4, 5))
    area = width * low + column * (height - low)
    stem = f"What is the area of the figure, in square {dict(m='meters', ft='feet', cm='centimeters')[unit]}?"
    hints = (
        "Split the figure into two rectangles with one straight cut.",
        "Find the area of each rectangle, then add. Make sure the pieces do not overlap.",
    )
    full = dict(m="meters", ft="feet", cm="centimeters")[unit]
    solution = _steps(
        f"Bottom rectangle: {width} {TIMES} {low} = {width * low}.",
        f"Upper rectangle: {column} {TIMES} ({height} {MINUS} {low}) = {column} {TIMES} {height - low} = "
        f"{column * (height - low)}.",
        f"Total: {width * low} + {column * (height - low)} = **{area} square {full}**.",
    )
    return problem(
        stem,
        numeric(area, display=f"{area} square {full}"),
        hints,
        solution,
        wrong=(width * height, sum(lengths), width * low + column * height),
        figure=figure,
    )


@template("7.G.B.6")
def rectangle_and_triangle_area(rng: random.Random) -> Problem:
    """The area of a figure made of a rectangle and a triangle (a house shape or a right trapezoid)."""
    unit = rng.choice(("m", "ft", "in"))
    full = dict(m="meters", ft="feet", **{"in": "inches"})[unit]
    width = rng.randrange(4, 17, 2)
    wall, rise = rng.randint(3, 10), rng.randint(2, 8)
    if rng.random() < 0.5:
        points = [(0, 0), (width, 0), (width, wall), (width / 2, wall + rise), (0, wall)]
        labels = [f"{width} {unit}", f"{wall} {unit}", "", "", f"{wall} {unit}"]
        shape = (
            f"a rectangle {width} {unit} wide and {wall} {unit} tall with a triangle on top; the triangle's "
            f"height is {rise} {unit}"
        )
        right_angles = (0, 1)
    else:
        points = [(0, 0), (width, 0), (width, wall), (0, wall + rise)]
        labels = [f"{width} {unit}", f"{wall} {unit}", "", f"{wall + rise} {unit}"]
        shape = (
            f"a rectangle {width} {unit} wide and {wall} {unit} tall with a right triangle on top, making the "
            f"left side {wall + rise} {unit} tall"
        )
        right_angles = (0, 1)
    figure = figures.polygon_figure(
        points, side_labels=labels, right_angles=right_angles, label=f"A figure made of {shape}."
    )
    rectangle, triangle = width * wall, F(width * rise, 2)
    area = rectangle + triangle
    stem = f"The figure is made of {shape}. What is its area, in square {full}?"
    hints = (
        "Find the area of the rectangle and the area of the triangle separately.",
        "The area of a triangle is half of base × height.",
    )
    solution = _steps(
        f"Rectangle: {width} {TIMES} {wall} = {rectangle}.",
        f"Triangle: 1/2 {TIMES} {width} {TIMES} {rise} = {mixed(triangle)}.",
        f"Total: {rectangle} + {mixed(triangle)} = **{mixed(area)} square {full}**.",
    )
    return problem(
        stem,
        numeric(area, display=f"{mixed(area)} square {full}"),
        hints,
        solution,
        wrong=(width * (wall + rise), rectangle + 2 * triangle, rectangle),
        figure=figure,
    )


@template("7.G.B.6")
def triangular_prism_volume(rng: random.Random) -> Problem:
    """The volume of a right prism whose base is a right triangle."""
    legs = rng.randint(3, 12), rng.randint(3, 12)
    length = rng.randint(4, 20)
    unit = rng.choice(("cm", "in", "ft"))
    base_area = F(legs[0] * legs[1], 2)
    volume = base_area * length
    figure = _extruded(
        [(0, 0), (legs[0], 0), (0, legs[1])],
        length * 0.5,
        [f"{legs[0]} {unit}", "", f"{legs[1]} {unit}"],
        f"{length} {unit}",
        f"A right prism whose base is a right triangle with legs {legs[0]} {unit} and {legs[1]} {unit}; "
        f"the prism is {length} {unit} long",
    )
    thing = rng.choice(("A tent", "A ramp", "A block of cheese", "A wedge-shaped box"))
    stem = (
        f"{thing} is shaped like a right prism. Its base is a right triangle with legs {legs[0]} {unit} and "
        f"{legs[1]} {unit}, and it is {length} {unit} long. What is its volume, in cubic {_UNIT_WORDS[unit]}?"
    )
    hints = (
        "The volume of a prism is (area of its base) × (its length).",
        "The base is a triangle: its area is half of one leg times the other leg.",
    )
    word = _UNIT_WORDS[unit]
    solution = _steps(
        f"Base area: 1/2 {TIMES} {legs[0]} {TIMES} {legs[1]} = {mixed(base_area)} square {word}.",
        f"Volume: {mixed(base_area)} {TIMES} {length} = **{mixed(volume)} cubic {word}**.",
    )
    return problem(
        stem,
        numeric(volume, display=f"{mixed(volume)} cubic {_UNIT_WORDS[unit]}"),
        hints,
        solution,
        wrong=(2 * volume, volume * F(2, 3), base_area + length),
        figure=figure,
    )


@template("7.G.B.6")
def box_surface_area(rng: random.Random) -> Problem:
    """The surface area of a rectangular prism (the paper needed to cover a box)."""
    length, width, height = rng.randint(3, 15), rng.randint(2, 10), rng.randint(2, 12)
    unit = rng.choice(("cm", "in"))
    figure = figures.prism(f"{length} {unit}", f"{width} {unit}", f"{height} {unit}")
    area = 2 * (length * width + length * height + width * height)
    who = name(rng)
    stem = (
        f"{who} wants to cover every face of a box with paper. The box is {length} {unit} long, {width} {unit} "
        f"wide and {height} {unit} tall. How much paper is needed, in square {_UNIT_WORDS[unit]}?"
    )
    hints = (
        "A box has 6 faces, in 3 matching pairs.",
        "Find the area of the top, the front and one side, add them, and double the sum.",
    )
    solution = _steps(
        f"Top and bottom: 2 {TIMES} {length} {TIMES} {width} = {2 * length * width}.",
        f"Front and back: 2 {TIMES} {length} {TIMES} {height} = {2 * length * height}.",
        f"Two sides: 2 {TIMES} {width} {TIMES} {height} = {2 * width * height}.",
        f"Total: **{area} square {_UNIT_WORDS[unit]}**.",
    )
    return problem(
        stem,
        numeric(area, display=f"{area} square {_UNIT_WORDS[unit]}"),
        hints,
        solution,
        wrong=(area // 2, length * width * height, 6 * length * width),
        figure=figure,
    )


@template("7.G.B.6", difficulty=STRETCH)
def composite_volume(rng: random.Random) -> Problem:
    """The volume of an L-shaped solid: a right prism whose base is an L made of two rectangles."""
    width, height = rng.randint(6, 12), rng.randint(5, 10)
    low, column = rng.randint(2, height - 2), rng.randint(2, width - 3)
    depth = rng.randint(3, 10)
    unit = rng.choice(("cm", "in", "ft"))
    front = [(0, 0), (width, 0), (width, low), (column, low), (column, height), (0, height)]
    labels = [f"{width} {unit}", f"{low} {unit}", "", "", f"{column} {unit}", f"{height} {unit}"]
    figure = _extruded(
        front,
        depth * 0.6,
        labels,
        f"{depth} {unit}",
        f"A solid shaped like an L, {depth} {unit} deep. Its front face is an L: {width} {unit} along "
        f"the bottom, {height} {unit} tall on the left, the top of the tall part {column} {unit} wide, "
        f"and the right part {low} {unit} tall.",
    )
    face = width * low + column * (height - low)
    volume = face * depth
    stem = (
        f"The solid in the figure is {depth} {unit} deep and its front face is an L shape. What is its volume, in "
        f"cubic {_UNIT_WORDS[unit]}?"
    )
    hints = (
        "Find the area of the L-shaped front face by splitting it into two rectangles.",
        f"Then multiply that area by the depth, {depth} {unit}.",
    )
    solution = _steps(
        f"Front face: {width} {TIMES} {low} + {column} {TIMES} {height - low} = {width * low} + "
        f"{column * (height - low)} = {face}.",
        f"Volume: {face} {TIMES} {depth} = **{volume} cubic {_UNIT_WORDS[unit]}**.",
    )
    return problem(
        stem,
        numeric(volume, display=f"{volume} cubic {_UNIT_WORDS[unit]}"),
        hints,
        solution,
        wrong=(width * height * depth, face, (width * low + column * height) * depth),
        figure=figure,
    )


# ---------------------------------------------------------------------------------------------------------
# 7.SP: statistics and probability

_SAMPLE_SIZES = (40, 50, 60, 80, 100)
# (setting, population, a random way to sample it, biased ways each with why they may not represent it)
_SURVEYS = (
    (
        "A principal wants to know how the 600 students at her school feel about a later start time.",
        "the students at the school",
        "Pick {n} students at random from a list of all 600 students.",
        (
            (
                "Ask {n} students in the gym after basketball practice.",
                "students at basketball practice may not think like the other students",
            ),
            ("Ask {n} students in the school band.", "band members may think differently from other students"),
            (
                "Ask the first {n} students who answer a poll on the school website.",
                "students who choose to answer may care more about the question than others",
            ),
            ("Ask {n} students in seventh grade.", "only seventh graders are asked, so the other grades are left out"),
        ),
    ),
    (
        "A town wants to know whether its adults want a new dog park.",
        "the adults in the town",
        "Choose {n} adults at random from a list of all the adults who live in the town.",
        (
            ("Ask {n} people walking dogs in the town.", "people walking dogs are more likely to want a dog park"),
            (
                "Ask the first {n} people who reply to an ad in the newspaper.",
                "people who choose to reply may feel more strongly than others",
            ),
            (
                "Ask {n} people who live on one street.",
                "people on one street may not be like people in the rest of the town",
            ),
            ("Ask {n} people at a cat show.", "people at a cat show may care less about dogs than others"),
        ),
    ),
    (
        "A grocery store wants to know the favorite fruit of its customers.",
        "the store's customers",
        "Pick {n} customers at random as they leave the store, at different times on different days of the week.",
        (
            (
                "Ask the first {n} customers who walk past the banana display.",
                "customers at the banana display may like bananas more than others",
            ),
            (
                "Ask {n} customers on Monday morning only.",
                "Monday-morning shoppers may not be like the shoppers at other times",
            ),
            ("Ask {n} people who work at the store.", "the workers are not the customers"),
            (
                "Ask the first {n} customers who fill out a card about fruit.",
                "customers who choose to fill out the card may like fruit more than others",
            ),
        ),
    ),
    (
        "A city wants to know how many hours a week its adults exercise.",
        "the adults in the city",
        "Pick {n} adults at random from a list of all the city's addresses.",
        (
            ("Ask {n} people at a gym.", "people at a gym probably exercise more than most adults"),
            ("Ask {n} people at a marathon.", "runners in a marathon exercise much more than most adults"),
            (
                "Ask the first {n} people who answer an online fitness survey.",
                "people who choose to answer a fitness survey may exercise more than others",
            ),
            ("Ask {n} people at the city library.", "library visitors may not be like the other adults in the city"),
        ),
    ),
)


@template("7.SP.A.1")
def representative_sample_choice(rng: random.Random) -> Problem:
    """Which way of choosing a sample is most likely to represent the population (a random sample)."""
    setting, population, random_way, biased = rng.choice(_SURVEYS)
    size = rng.choice(_SAMPLE_SIZES)
    random_way = random_way.format(n=size)
    wrong = [way.format(n=size) for way, _ in rng.sample(biased, 3)]
    stem = (
        f"{setting} The plan is to ask {size} people. Which way of choosing them is most likely to "
        f"represent {population}?"
    )
    hints = (
        "A good sample is like the whole population.",
        "Look for the choice where every member of the population has the same chance to be picked.",
    )
    solution = _steps(
        "In the other choices, some groups are more likely to be asked than others, so the results could be biased.",
        "A random sample from the whole population gives everyone the same chance.",
        f"So the best choice is **{random_way}**",
    )
    return problem(stem, choice(rng, random_way, wrong), hints, solution)


_BIAS_MYTHS = (
    "Nothing is wrong: any group of people gives the same results.",
    "The sample is too large; a smaller sample is always more accurate.",
    "Nothing is wrong: the people in it are part of the population, so it is a random sample.",
)


@template("7.SP.A.1")
def biased_sample_reason(rng: random.Random) -> Problem:
    """Why a convenience or voluntary sample may not represent the population."""
    setting, population, _, biased = rng.choice(_SURVEYS)
    way, reason = rng.choice(biased)
    way = way.format(n=rng.choice(_SAMPLE_SIZES))
    correct = f"It may be biased: {reason}."
    stem = f'{setting} The plan is: "{way}" Why might this sample not represent {population}?'
    hints = (
        "Ask whether everyone in the population had the same chance to be chosen.",
        "Think about how the people in this sample might differ from the rest of the population.",
    )
    solution = _steps(
        "The people in this sample were not chosen at random from the whole population.",
        f"So the answer is **{correct}**",
    )
    return problem(stem, choice(rng, correct, list(_BIAS_MYTHS)), hints, solution)


@template("7.SP.A.1")
def valid_generalization(rng: random.Random) -> Problem:
    """Whether the results of a given sample can be generalized to the population."""
    setting, population, random_way, biased = rng.choice(_SURVEYS)
    way, reason = rng.choice(biased)
    other_way, other_reason = rng.choice([entry for entry in biased if entry[0] != way])
    is_random = rng.random() < 0.5
    plan = (random_way if is_random else way).format(n=rng.choice(_SAMPLE_SIZES))
    yes = f"Yes, because it is a random sample from all of {population}."
    no = f"No, because {reason}."
    other_no = f"No, because {other_reason}."
    big = "Yes, because the sample has many people in it."
    correct = yes if is_random else no
    options = [
        yes,
        no if not is_random else other_no,
        big,
        "No, because a sample can never tell us about a population.",
    ]
    stem = f'{setting} The plan is: "{plan}" Can the results be used to draw conclusions about {population}?'
    hints = (
        "A sample supports conclusions about a population only if it is representative of it.",
        "Random sampling tends to give representative samples.",
    )
    solution = _steps(
        "Random sampling gives everyone the same chance, so it tends to represent the population."
        if is_random
        else "This sample leaves out or favors part of the population.",
        f"So the answer is **{correct}**",
    )
    return problem(stem, choice(rng, correct, [option for option in options if option != correct]), hints, solution)


@template("7.SP.A.2")
def estimate_from_sample(rng: random.Random) -> Problem:
    """An estimate for a whole population from the share in a random sample."""
    situations = (
        (
            "In a random sample of {n} of the {N} students at a school, {k} say they walk to school. Estimate how many "
            "students at the school walk to school.",
            "students",
        ),
        (
            "A factory made {N} light bulbs today. In a random sample of {n} of them, {k} do not work. Estimate how many "
            "of today's bulbs do not work.",
            "bulbs",
        ),
        (
            "A town has {N} voters. In a random sample of {n} voters, {k} support a new library. Estimate how many of "
            "the town's voters support the new library.",
            "voters",
        ),
        (
            "A lake has {N} fish. In a random sample of {n} fish, {k} are trout. Estimate how many trout are in the "
            "lake.",
            "fish",
        ),
    )
    text_value, unit = rng.choice(situations)
    while True:
        sample = rng.choice((20, 25, 40, 50, 80, 100))
        population = sample * rng.choice((8, 10, 12, 15, 20, 24, 30, 40))
        count = rng.randint(2, sample - 2)
        if (F(count, sample) * population).denominator == 1:
            break
    estimate = F(count * population, sample)
    stem = text_value.format(n=sample, N=number_text(population, commas=True), k=count)
    hints = (
        "The sample's fraction should be about the same as the population's fraction.",
        f"Find {count}/{sample} of {number_text(population, commas=True)}.",
    )
    solution = _steps(
        f"In the sample, {count} out of {sample} is {F(count, sample)}.",
        f"{F(count, sample)} {TIMES} {number_text(population, commas=True)} = {number_text(estimate, commas=True)}.",
        f"About **{number_text(estimate, commas=True)}**.",
    )
    answer = numeric(estimate, display=number_text(estimate, commas=True))
    return problem(stem, answer, hints, solution, wrong=(count, population - estimate, F(count * population, 100)))


@template("7.SP.A.2")
def estimate_from_dot_plot(rng: random.Random) -> Problem:
    """An estimate for a population from a dot plot of a random sample."""
    who = name(rng)
    title, asked, answered, unit, low, high = rng.choice(
        (
            (
                "Hours of sleep",
                "how many hours they sleep on a school night",
                "sleep {cut} or more hours",
                "hours",
                6,
                11,
            ),
            ("Pets at home", "how many pets they have", "have {cut} or more pets", "pets", 0, 5),
            ("Books read last month", "how many books they read last month", "read {cut} or more books", "books", 0, 6),
        )
    )
    size = 20
    values = [rng.randint(low, high) for _ in range(size)]
    cut = rng.randint(low + 1, high - 1)
    count = sum(value >= cut for value in values)
    population = rng.choice((200, 300, 400, 500, 600, 800))
    estimate = F(count * population, size)
    figure = figures.line_plot(values, start=low, end=high, step=1, title=f"{title} ({size} students)", unit=unit)
    stem = (
        f"{who} asked a random sample of {size} students at a school of {population} students {asked}. The dot "
        f"plot shows the answers. Estimate how many students at the school {answered.format(cut=cut)}."
    )
    hints = (
        f"Count the X marks at {cut} and above.",
        f"Use that fraction of the sample for all {population} students.",
    )
    solution = _steps(
        f"In the sample, {count} of {size} students are at {cut} or more.",
        f"{count}/{size} {TIMES} {population} = {number_text(estimate)}.",
        f"About **{number_text(estimate)}** students.",
    )
    return problem(
        stem, numeric(estimate), hints, solution, wrong=(count, population - estimate, count * 10), figure=figure
    )


@template("7.SP.A.2")
def variation_between_samples(rng: random.Random) -> Problem:
    """What several random samples say about a population mean, and how far off one estimate might be."""
    what, unit, center = rng.choice(
        (
            ("the mean length of the words in a book", "letters", 5),
            ("the mean number of raisins in a box", "raisins", 30),
            ("the mean time students spend on homework each night", "minutes", 45),
        )
    )
    means = [F(center * 10 + rng.randint(-6, 6), 10) for _ in range(4)]
    while len(set(means)) < 4:
        means = [F(center * 10 + rng.randint(-6, 6), 10) for _ in range(4)]
    low, high = min(means), max(means)
    listed = ", ".join(f"{_dec(value)}" for value in means)
    correct = f"It is probably between {_dec(low)} and {_dec(high)} {unit}."
    wrong = [
        f"It is exactly {_dec(means[0])} {unit}, the first sample's mean.",
        f"Every single value is between {_dec(low)} and {_dec(high)} {unit}.",
        "The samples disagree, so they tell us nothing about it.",
    ]
    stem = (
        f"To estimate {what}, four random samples of the same size were taken. The sample means were {listed} "
        f"{unit}. Which statement is best supported?"
    )
    hints = (
        "Different random samples give slightly different results.",
        "The spread of the sample means shows about how far off one estimate might be.",
    )
    solution = _steps(
        f"The sample means vary from {_dec(low)} to {_dec(high)} {unit}.",
        "The population mean is probably close to them, but no single sample gives it exactly.",
        f"So: **{correct}**",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


_DEVIATIONS = (
    (-2, -1, -1, 0, 0, 1, 1, 2),
    (-3, -2, -1, 0, 0, 1, 2, 3),
    (-4, -2, -2, 0, 0, 2, 2, 4),
    (-3, -3, -1, -1, 1, 1, 3, 3),
    (-2, -2, -2, 0, 0, 2, 2, 2),
)


def _mad(values) -> Fraction:
    mean = F(sum(values), len(values))
    return sum(abs(value - mean) for value in values) / len(values)


def _two_groups(rng: random.Random, low_center: int, ratios) -> tuple:
    """Two groups of 8 values with the same spread (MAD); the second's mean is `ratio` MADs higher."""
    while True:
        pattern = rng.choice(_DEVIATIONS)
        mad = _mad(pattern)
        ratio = rng.choice(ratios)
        shift = ratio * mad
        if shift.denominator == 1:
            first = [low_center + d for d in pattern]
            second = [low_center + int(shift) + d for d in rng.choice([p for p in _DEVIATIONS if _mad(p) == mad])]
            return first, second, mad, ratio, int(shift)


def _double_dot_plot(groups, start: int, end: int, unit: str) -> str:
    """Two dot plots on the same scale, one above the other; `groups` is [(name, values), (name, values)]."""
    width, left = 520, 40
    scale = (width - 2 * left) / (end - start)
    tallest = max(max(values.count(v) for v in values) for _, values in groups)
    block = 56 + tallest * 18
    svg = figures.Svg(width, block * len(groups) + 10)
    described = []
    for index, (group, values) in enumerate(groups):
        baseline = block * (index + 1) - 24
        svg.text(left - 30, baseline - tallest * 18 - 14, group, size=14, anchor="start", weight="bold")
        svg.line(left - 10, baseline, width - left + 10, baseline)
        for value in range(start, end + 1):
            x = left + (value - start) * scale
            svg.line(x, baseline - 5, x, baseline + 5)
            svg.text(x, baseline + 19, str(value), size=11)
            for stack in range(values.count(value)):
                svg.text(x, baseline - 9 - stack * 18, "×", size=17, weight="bold", fill=figures.FILL_DARK)
        counts = "; ".join(f"{value}: {values.count(value)}" for value in sorted(set(values)))
        described.append(f"{group}, number of X marks above each value ({unit}): {counts}")
    return svg.render("Two dot plots on the same scale. " + ". ".join(described) + ".")


# (name in a figure, name in a sentence) for each group, what is measured, its unit, a typical value.
_GROUP_PAIRS = (
    (("Basketball team", "the basketball team"), ("Soccer team", "the soccer team"), "heights", "cm", 160),
    (("Class A", "Class A"), ("Class B", "Class B"), "quiz scores", "points", 10),
    (("Hawks", "the Hawks"), ("Owls", "the Owls"), "points scored in each game", "points", 20),
    (
        ("Plants in sun", "the plants grown in sun"),
        ("Plants in shade", "the plants grown in shade"),
        "heights",
        "cm",
        12,
    ),
)


@template("7.SP.B.3")
def centers_in_mads(rng: random.Random) -> Problem:
    """The difference between two means as a multiple of the (equal) mean absolute deviation."""
    (_, first), (_, second), what, unit, _ = rng.choice(_GROUP_PAIRS)
    mad = rng.randint(2, 8)
    ratio = rng.choice((F(1, 2), 1, F(3, 2), 2, F(5, 2), 3, 4))
    difference = ratio * mad
    low = rng.randint(20, 160)
    if F(difference).denominator != 1:
        mad *= 2
        difference = ratio * mad
    stem = (
        f"The mean of the {what} for {first} is {low + difference} {unit} and for {second} it is {low} {unit}. "
        f"The mean absolute deviation (MAD) of each group is about {mad} {unit}. The difference between the means "
        f"is how many times the MAD?"
    )
    hints = ("First find the difference between the two means.", f"Then divide that difference by the MAD, {mad}.")
    solution = _steps(
        f"Difference of means: {low + difference} {MINUS} {low} = {difference} {unit}.",
        f"{difference} {DIVIDE} {mad} = {_show(ratio, 'dec')}.",
        f"The difference is **{_show(ratio, 'dec')}** times the MAD.",
    )
    return problem(
        stem,
        numeric(ratio, display=_show(ratio, "dec")),
        hints,
        solution,
        wrong=(difference, F(mad) / difference, difference + mad),
    )


@template("7.SP.B.3")
def dot_plots_in_mads(rng: random.Random) -> Problem:
    """From two dot plots with the same spread: the difference of the means as a multiple of the MAD."""
    (first_label, first_name), (second_label, second_name), what, unit, center = rng.choice(_GROUP_PAIRS)
    low, high, mad, ratio, shift = _two_groups(rng, center, (1, F(3, 2), 2, F(5, 2), 3, 4))
    start, end = min(low) - 1, max(high) + 1
    figure = _double_dot_plot([(first_label, high), (second_label, low)], start, end, unit)
    stem = (
        f"The dot plots show the {what} of {first_name} and {second_name} (8 in each). Both groups have a mean "
        f"absolute deviation (MAD) of {_show(mad, 'dec')} {unit}. The difference between the two means is how many "
        f"times the MAD?"
    )
    hints = (
        "Find the mean of each group: add the values and divide by 8.",
        "Divide the difference between the means by the MAD.",
    )
    solution = _steps(
        f"Mean of {first_label}: {sum(high)} {DIVIDE} 8 = {_show(F(sum(high), 8), 'dec')}.",
        f"Mean of {second_label}: {sum(low)} {DIVIDE} 8 = {_show(F(sum(low), 8), 'dec')}.",
        f"Difference: {shift}. {shift} {DIVIDE} {_show(mad, 'dec')} = {_show(ratio, 'dec')}.",
        f"The difference is **{_show(ratio, 'dec')}** times the MAD.",
    )
    return problem(
        stem,
        numeric(ratio, display=_show(ratio, "dec")),
        hints,
        solution,
        wrong=(shift, mad / shift, F(shift) + 1),
        figure=figure,
    )


@template("7.SP.B.3")
def overlap_choice(rng: random.Random) -> Problem:
    """How much two distributions overlap, judged by the difference of centers measured in MADs."""
    (first_label, first_name), (second_label, second_name), what, unit, center = rng.choice(_GROUP_PAIRS)
    low, high, mad, ratio, shift = _two_groups(rng, center, (F(1, 2), 1, 3, 4))
    start, end = min(low) - 1, max(high) + 1
    figure = _double_dot_plot([(first_label, high), (second_label, low)], start, end, unit)
    separated = ratio >= 2
    wrong_ratio = F(shift) if shift != ratio else ratio * 2

    def statement(value, apart: bool) -> str:
        return (
            f"The means are {_show(value, 'dec')} MAD{'' if value == 1 else 's'} apart, so the groups "
            f"{'are clearly separated' if apart else 'overlap a lot'}."
        )

    correct = statement(ratio, separated)
    wrong = [statement(ratio, not separated), statement(wrong_ratio, separated), statement(wrong_ratio, not separated)]
    stem = (
        f"The dot plots show the {what} of {first_name} and {second_name}. Each group has a mean absolute "
        f"deviation (MAD) of {_show(mad, 'dec')} {unit}. Which statement is true?"
    )
    hints = (
        "Find each mean, then divide the difference of the means by the MAD.",
        "A difference of 2 or more MADs means the groups are clearly separated; less than about 1 MAD means a lot "
        "of overlap.",
    )
    solution = _steps(
        f"The means are {_show(F(sum(high), 8), 'dec')} and {_show(F(sum(low), 8), 'dec')}: they "
        f"differ by {shift} {unit if shift != 1 else unit.rstrip('s')}.",
        f"{shift} {DIVIDE} {_show(mad, 'dec')} = {_show(ratio, 'dec')} MADs.",
        f"So: **{correct}**",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution, figure=figure)


_SAMPLE_PAIRS = (
    ("words in a 7th-grade science book", "words in a 4th-grade science book", "letters", 3, 9),
    ("minutes of homework for 8th graders", "minutes of homework for 6th graders", "minutes", 20, 60),
    ("heights of sunflowers with fertilizer", "heights of sunflowers without fertilizer", "inches", 40, 70),
    ("points scored by the Hawks", "points scored by the Owls", "points", 8, 30),
)


@template("7.SP.B.4")
def compare_sample_means(rng: random.Random) -> Problem:
    """The difference between the means of two random samples given as lists."""
    first, second, unit, low, high = rng.choice(_SAMPLE_PAIRS)
    size = 8
    a = [rng.randint(low, high) for _ in range(size)]
    b = [rng.randint(low, high) for _ in range(size)]
    if sum(a) <= sum(b):
        a, b = [v + 1 if v < high else v for v in b], a
    if sum(a) <= sum(b):
        a = [min(high, v + 2) for v in a]
    difference = F(sum(a) - sum(b), size)
    stem = (
        f"Random samples give these values.\n\nSample A, {first}: {', '.join(map(str, a))}\n\n"
        f"Sample B, {second}: {', '.join(map(str, b))}\n\nHow much greater is the mean of sample A than the mean "
        f"of sample B, in {unit}?"
    )
    hints = ("Find each mean: add the 8 values and divide by 8.", "Subtract the mean of B from the mean of A.")
    solution = _steps(
        f"Mean of A: {sum(a)} {DIVIDE} 8 = {_show(F(sum(a), 8), 'dec')}.",
        f"Mean of B: {sum(b)} {DIVIDE} 8 = {_show(F(sum(b), 8), 'dec')}.",
        f"Difference: **{_show(difference, 'dec')} {unit}**.",
    )
    return problem(
        stem,
        _num_answer(difference, unit=unit, style="dec"),
        hints,
        solution,
        wrong=(sum(a) - sum(b), F(sum(a), 8), difference + 1),
    )


def _median_and_iqr(values) -> tuple[int, int]:
    ordered = sorted(values)
    return ordered[5], ordered[8] - ordered[2]


@template("7.SP.B.4")
def compare_median_iqr(rng: random.Random) -> Problem:
    """Which group has the greater median and which the greater interquartile range, from two dot plots."""
    first, second = "Sample A", "Sample B"
    what = rng.choice(_SAMPLE_PAIRS)
    unit, low, high = what[2], what[3], what[3] + 12
    while True:
        a = [rng.randint(low, high) for _ in range(11)]
        b = [rng.randint(low, high) for _ in range(11)]
        (median_a, iqr_a), (median_b, iqr_b) = _median_and_iqr(a), _median_and_iqr(b)
        if median_a != median_b and iqr_a != iqr_b:
            break
    figure = _double_dot_plot([(first, a), (second, b)], low, high, unit)
    options = [
        f"{x} has the greater median and {y} has the greater IQR." for x in (first, second) for y in (first, second)
    ]
    correct = (
        f"{first if median_a > median_b else second} has the greater median and "
        f"{first if iqr_a > iqr_b else second} has the greater IQR."
    )
    stem = (
        f"The dot plots show two random samples of 11 values each. Sample A: {what[0]}. Sample B: {what[1]}. "
        f"Which statement is true?"
    )
    hints = (
        "The median is the middle value (the 6th of 11 in order).",
        "The IQR is the upper quartile minus the lower quartile: here the 9th value minus the 3rd value in order.",
    )
    solution = _steps(
        f"{first}: median {median_a}, IQR {sorted(a)[8]} {MINUS} {sorted(a)[2]} = {iqr_a}.",
        f"{second}: median {median_b}, IQR {sorted(b)[8]} {MINUS} {sorted(b)[2]} = {iqr_b}.",
        f"So: **{correct}**",
    )
    return problem(
        stem, choice(rng, correct, [option for option in options if option != correct]), hints, solution, figure=figure
    )


@template("7.SP.B.4")
def comparative_inference(rng: random.Random) -> Problem:
    """An informal inference about two populations from the means and MADs of random samples."""
    first, second, unit, low, high = rng.choice(_SAMPLE_PAIRS)
    mad = rng.randint(2, 6)
    ratio = rng.choice((F(1, 4), F(1, 2), 3, 4))
    base = rng.randint(low, high) + 2 * mad
    mean_b, mean_a = base, base + ratio * mad
    clear = ratio >= 2
    correct = (
        "The values in population A tend to be greater than in population B."
        if clear
        else "The samples do not show a clear difference: the means differ by much less than the MAD."
    )
    wrong = [
        "The values in population A tend to be greater than in population B."
        if not clear
        else "The samples do not show a clear difference: the means differ by much less than the MAD.",
        "Every value in population A is greater than every value in population B.",
        "The values in population B tend to be greater than in population A.",
    ]
    stem = (
        f"Random samples were taken from two populations: A, {first}, and B, {second}. Sample A has a mean of "
        f"{_show(mean_a, 'dec')} {unit} and sample B has a mean of {mean_b} {unit}. Both samples have a mean "
        f"absolute deviation (MAD) of about {mad} {unit}. Which conclusion is best supported?"
    )
    hints = (
        "Compare the difference between the means with the MAD.",
        "A difference of several MADs suggests a real difference between the populations; a small fraction of "
        "a MAD does not.",
    )
    solution = _steps(
        f"Difference of means: {_show(mean_a - mean_b, 'dec')} {unit}, which is {_show(ratio, 'dec')} times the MAD.",
        f"So: **{correct}**",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


_COLOURS = {"red": "#f4a3a3", "blue": "#9dbcf2", "green": "#9fd8a3", "yellow": "#f7dc7a", "purple": "#c9a8e8"}


def _spinner(sections) -> str:
    """A spinner cut into equal sections, each labelled with its colour name or number (clockwise from the top)."""
    svg = figures.Svg(220, 220)
    cx = cy = 110
    radius = 96
    count = len(sections)
    for index, section in enumerate(sections):
        a1 = math.radians(index * 360 / count - 90)
        a2 = math.radians((index + 1) * 360 / count - 90)
        fill = _COLOURS.get(str(section), "#dbe7fb" if index % 2 else "#eef2f7")
        svg.path(
            f"M {cx} {cy} L {cx + radius * math.cos(a1):.1f} {cy + radius * math.sin(a1):.1f} "
            f"A {radius} {radius} 0 0 1 {cx + radius * math.cos(a2):.1f} {cy + radius * math.sin(a2):.1f} Z",
            fill=fill,
        )
        middle = (a1 + a2) / 2
        svg.text(cx + 64 * math.cos(middle), cy + 64 * math.sin(middle) + 5, str(section), size=13 if count < 9 else 11)
    svg.line(cx, cy, cx + 40, cy - 40, stroke_width=3)
    svg.circle(cx, cy, 5, fill=figures.INK)
    if all(isinstance(section, int) for section in sections):
        what = f"numbered {sections[0]} to {sections[-1]}"
    else:
        counts = {colour: sections.count(colour) for colour in dict.fromkeys(sections)}
        what = ", ".join(f"{count} {colour}" for colour, count in counts.items())
    return svg.render(f"A spinner with {count} equal sections: {what}")


_LIKELIHOODS = ("impossible", "unlikely", "neither likely nor unlikely", "likely", "certain")


def _probability_text(rng: random.Random, value: Fraction) -> str:
    """A probability written as a fraction, a decimal or a percent."""
    form = rng.choice(
        ("fraction", "decimal", "percent") if terminates(value) and (value * 100).denominator == 1 else ("fraction",)
    )
    if form == "fraction" or value in (0, 1):
        return number_text(value)
    return _dec(value) if form == "decimal" else f"{_dec(value * 100)}%"


def _likelihood(value: Fraction) -> str:
    if value == 0:
        return "impossible"
    if value == 1:
        return "certain"
    if value == F(1, 2):
        return "neither likely nor unlikely"
    return "unlikely" if value < F(1, 2) else "likely"


def _four_likelihoods(rng: random.Random, correct: str) -> Answer:
    others = [word for word in _LIKELIHOODS if word != correct]
    dropped = rng.choice(others)
    return choice(rng, correct, [word for word in _LIKELIHOODS if word != dropped], keep_order=True)


@template("7.SP.C.5")
def likelihood_from_probability(rng: random.Random) -> Problem:
    """Whether an event with a given probability is impossible, unlikely, as likely as not, likely or certain."""
    who = name(rng)
    value = rng.choice(
        (
            F(0),
            F(1),
            F(1, 2),
            F(1, 20),
            F(1, 10),
            F(2, 25),
            F(3, 100),
            F(9, 10),
            F(19, 20),
            F(23, 25),
            F(97, 100),
            F(1, 8),
            F(7, 8),
            F(1, 12),
            F(11, 12),
        )
    )
    shown = _probability_text(rng, value)
    event = rng.choice(
        (
            "it rains tomorrow",
            f"{who}'s team wins its next game",
            f"{who} is picked for the prize",
            "the next car to pass is red",
            "a seed sprouts",
        )
    )
    stem = f"The probability that {event} is {shown}. How would you describe this event?"
    correct = _likelihood(value)
    hints = (
        "A probability is a number from 0 to 1. Write this one as a fraction or decimal if it helps.",
        "Compare the probability with 0, 1/2 and 1: which is it closest to?",
    )
    place = {
        "impossible": "It is 0, so the event cannot happen.",
        "certain": "It is 1, so the event must happen.",
        "neither likely nor unlikely": "It is 1/2, exactly halfway between 0 and 1.",
        "unlikely": "It is close to 0.",
        "likely": "It is close to 1.",
    }[correct]
    solution = _steps(f"{shown} is a number from 0 to 1. {place}", f"So the event is **{correct}**.")
    return problem(stem, _four_likelihoods(rng, correct), hints, solution)


@template("7.SP.C.5")
def most_likely_event(rng: random.Random) -> Problem:
    """Which of four probabilities, written in different forms, describes the most (or least) likely event."""
    while True:
        pool = [F(v, 20) for v in range(1, 20)] + [F(1, 3), F(2, 3), F(1, 6), F(5, 6), F(3, 8), F(5, 8)]
        values = rng.sample(pool, 4)
        if len(set(values)) == 4:
            break
    most = rng.random() < 0.6
    texts = [_probability_text(rng, value) for value in values]
    if len(set(texts)) < 4:
        texts = [number_text(value) for value in values]
    target = values.index(max(values) if most else min(values))
    correct = texts[target]
    stem = (
        f"{name(rng)} finds the probabilities of four events. Which probability belongs to the "
        f"{'most' if most else 'least'} likely event?"
    )
    hints = (
        "Write all the probabilities in the same form, such as decimals.",
        "A larger probability means a more likely event.",
    )
    listed = "; ".join(
        f"{text_value} = {_dec(value) if terminates(value) else _decimal_form(value)}"
        for text_value, value in zip(texts, values)
    )
    solution = _steps(f"As decimals: {listed}.", f"The {'largest' if most else 'smallest'} is **{correct}**.")
    return problem(stem, choice(rng, correct, [t for t in texts if t != correct]), hints, solution)


@template("7.SP.C.5", difficulty=INTRODUCTORY)
def impossible_probability(rng: random.Random) -> Problem:
    """Which number cannot be a probability (it is below 0 or above 1)."""
    correct = rng.choice(("1.2", f"{MINUS}0.3", "5/4", "110%", "3/2", f"{MINUS}1/4", "1.05"))
    valid = rng.sample(("0", "1", "0.99", "3/8", "45%", "0.05", "7/10", "100%", "1/100"), 3)
    stem = f"{name(rng)} wrote four numbers as the probabilities of four events. Which number cannot be a probability?"
    hints = (
        "Every probability is between 0 and 1, including 0 and 1 themselves.",
        "Change each number to a decimal and check whether it is between 0 and 1.",
    )
    solution = _steps(
        "A probability cannot be less than 0 (impossible) or more than 1 (certain).",
        f"**{correct}** is outside 0 to 1, so it cannot be a probability.",
    )
    return problem(stem, choice(rng, correct, valid), hints, solution)


@template("7.SP.C.5")
def spinner_likelihood(rng: random.Random) -> Problem:
    """How likely landing on a colour is, from a spinner with equal sections."""
    colour = rng.choice(("red", "blue", "green"))
    count = rng.choice((0, 1, 2, 4, 6, 7, 8))
    others = [c for c in ("red", "blue", "green", "yellow", "purple") if c != colour]
    sections = [colour] * count + [rng.choice(others[:2]) for _ in range(8 - count)]
    rng.shuffle(sections)
    value = F(count, 8)
    correct = _likelihood(value)
    stem = f"The spinner is spun once. How likely is it to land on {colour}?"
    hints = (
        "Count the sections of that colour out of all 8 equal sections.",
        "Compare the probability with 0, 1/2 and 1.",
    )
    solution = _steps(
        f"{count} of the 8 equal sections {'is' if count == 1 else 'are'} {colour}, so the "
        f"probability is {_ratio(count, 8)}.",
        f"So landing on {colour} is **{correct}**.",
    )
    return problem(stem, _four_likelihoods(rng, correct), hints, solution, figure=_spinner(sections))


_CUBE_EVENTS = (
    ("a 3 or a 6", 2),
    ("an even number", 3),
    ("a 1", 1),
    ("a number greater than 4", 2),
    ("a number less than 5", 4),
    ("a 5", 1),
    ("a number from 1 to 4", 4),
)


@template("7.SP.C.6")
def predict_frequency(rng: random.Random) -> Problem:
    """The approximate number of times an event happens in many trials, from its probability."""
    kind = rng.randrange(3)
    if kind == 0:
        event, favourable = rng.choice(_CUBE_EVENTS)
        trials = 6 * rng.randint(5, 200)
        probability = F(favourable, 6)
        stem = (
            f"A fair number cube is rolled {number_text(trials, commas=True)} times. About how many times would "
            f"you expect to roll {event}?"
        )
        model = f"{favourable} of the 6 faces give {event}, so the probability is {probability}."
    elif kind == 1:
        sections = rng.choice((4, 5, 8, 10))
        favourable = rng.randint(1, sections - 1)
        probability = F(favourable, sections)
        trials = sections * rng.randint(10, 60)
        stem = (
            f"A spinner has {sections} equal sections, and {favourable} of them are red. It is spun "
            f"{trials} times. About how many times would you expect it to land on red?"
        )
        model = f"{favourable} of the {sections} sections are red, so the probability is {probability}."
    else:
        probability, trials = F(1, 2), 2 * rng.randint(20, 300)
        stem = f"A fair coin is tossed {trials} times. About how many times would you expect heads?"
        model = "Heads is 1 of 2 equally likely outcomes, so the probability is 1/2."
    expected = probability * trials
    hints = ("Find the probability of the event first.", "Multiply the probability by the number of trials.")
    solution = _steps(
        model,
        f"{probability} {TIMES} {number_text(trials, commas=True)} = {number_text(expected)}.",
        f"Expect about **{number_text(expected, commas=True)}** times (probably not exactly).",
    )
    answer = numeric(expected, display=number_text(expected, commas=True))
    return problem(
        stem, answer, hints, solution, wrong=(trials - expected, F(trials, 2), trials * probability / 2, trials)
    )


@template("7.SP.C.6")
def predict_from_relative_frequency(rng: random.Random) -> Problem:
    """A prediction for many trials from the relative frequency observed in some trials."""
    who = name(rng)
    thing, outcome = rng.choice(
        (
            ("tosses a paper cup", "lands on its side"),
            ("drops a thumbtack", "lands point up"),
            ("flips a plastic bottle", "lands standing up"),
            ("spins a penny", "lands heads up"),
        )
    )
    while True:
        trials = rng.choice((20, 25, 40, 50, 80, 100))
        count = rng.randint(3, trials - 3)
        future = rng.choice((200, 300, 400, 500, 1000))
        prediction = F(count * future, trials)
        if prediction.denominator == 1:
            break
    stem = (
        f"{who} {thing} {trials} times, and it {outcome} {count} times. Based on these results, about how many "
        f"times would it {outcome.split(' ', 1)[0].rstrip('s')} {outcome.split(' ', 1)[1]} in {future} tries?"
    )
    hints = (
        "The relative frequency is the fraction of tries with that result.",
        f"Use {count}/{trials} as the probability and multiply by {future}.",
    )
    solution = _steps(
        f"Relative frequency: {_ratio(count, trials)}.",
        f"{F(count, trials)} {TIMES} {future} = {number_text(prediction)}.",
        f"About **{number_text(prediction)}** times.",
    )
    return problem(
        stem, numeric(prediction), hints, solution, wrong=(count, future - prediction, count * future // 100 + 1)
    )


@template("7.SP.C.6")
def expected_not_exact(rng: random.Random) -> Problem:
    """The most reasonable prediction for many trials: about the expected number, probably not exactly."""
    event, favourable = rng.choice([entry for entry in _CUBE_EVENTS if entry[1] in (2, 4)])
    trials = 6 * rng.randint(10, 150)
    expected = trials * favourable // 6
    shown = number_text(expected, commas=True)
    correct = f"About {shown}, but probably not exactly {shown}"
    wrong = [
        f"Exactly {number_text(expected, commas=True)}, every time",
        f"About {number_text(trials // 2, commas=True)}, because it either happens or it does not",
        f"About {number_text(trials // 6, commas=True)}",
    ]
    stem = (
        f"A fair number cube is rolled {number_text(trials, commas=True)} times. Which is the most reasonable "
        f"prediction for the number of times it shows {event}?"
    )
    hints = (
        "Find the probability of the event, then multiply by the number of rolls.",
        "Chance results vary: the long-run relative frequency is close to the probability, not always equal.",
    )
    solution = _steps(
        f"The probability is {favourable}/6 = {F(favourable, 6)}; {F(favourable, 6)} {TIMES} "
        f"{number_text(trials, commas=True)} = {number_text(expected, commas=True)}.",
        "Real results vary a little from one experiment to the next.",
        f"So: **{correct}**",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


@template("7.SP.C.7a")
def random_student(rng: random.Random) -> Problem:
    """The probability of choosing a girl, a boy or one named student at random from a class."""
    who = name(rng)
    girls, boys = rng.randint(8, 18), rng.randint(8, 18)
    total = girls + boys
    kind = rng.randrange(3)
    if kind == 0:
        event, plural_event, favourable = "a girl", "girls", girls
    elif kind == 1:
        event, plural_event, favourable = "a boy", "boys", boys
    else:
        event, plural_event, favourable = who, who, 1
    probability = F(favourable, total)
    stem = (
        f"A class has {girls} girls and {boys} boys. The teacher picks one student at random. What is the "
        f"probability that the student picked is {event}?"
    )
    hints = (
        "Every student is equally likely to be picked.",
        "Probability = (number of ways the event can happen) ÷ (number of students in all).",
    )
    solution = _steps(
        f"There are {girls} + {boys} = {total} students, all equally likely.",
        f"{favourable} of them {'is' if favourable == 1 else 'are'} {plural_event}.",
        f"Probability: {_ratio(favourable, total)}, so the answer is **{number_text(probability)}**.",
    )
    wrong = (F(girls, boys) if kind == 0 else F(boys, girls), F(total - favourable, total), F(1, 2))
    return problem(stem, numeric(probability), hints, solution, wrong=wrong)


_WORDS = (
    "MISSISSIPPI",
    "TENNESSEE",
    "BANANA",
    "COMMITTEE",
    "MATHEMATICS",
    "PROBABILITY",
    "ALGEBRA",
    "GEOMETRY",
    "STATISTICS",
    "PERCENTAGE",
)


@template("7.SP.C.7a")
def random_letter(rng: random.Random) -> Problem:
    """The probability of picking a letter, or a vowel, at random from the letters of a word."""
    word = rng.choice(_WORDS)
    if rng.random() < 0.3:
        event, favourable = "a vowel (A, E, I, O or U)", sum(letter in "AEIOU" for letter in word)
    else:
        letter = rng.choice(sorted(set(word)))
        event, favourable = f"the letter {letter}", word.count(letter)
    probability = F(favourable, len(word))
    stem = (
        f"Each letter of the word {word} is written on its own card. One card is picked at random. What is the "
        f"probability that it shows {event}?"
    )
    hints = (
        "Count all the cards: one for each letter, including repeated letters.",
        "Count the cards that fit the event, then divide by the number of cards.",
    )
    solution = _steps(
        f"{word} has {len(word)} letters, so there are {len(word)} equally likely cards.",
        f"{favourable} {'card shows' if favourable == 1 else 'cards show'} {event}.",
        f"Probability: {_ratio(favourable, len(word))}, so the answer is **{number_text(probability)}**.",
    )
    wrong = (
        F(1, len(set(word))),
        F(favourable, len(word) - favourable) if favourable < len(word) else F(1, 2),
        F(1, len(word)),
    )
    return problem(stem, numeric(probability), hints, solution, wrong=wrong)


_NUMBER_EVENTS = (
    ("an even number", lambda n: n % 2 == 0),
    ("an odd number", lambda n: n % 2 == 1),
    ("a multiple of 3", lambda n: n % 3 == 0),
    ("a prime number", lambda n: n in (2, 3, 5, 7, 11)),
    ("a number greater than 5", lambda n: n > 5),
    ("a number less than 4", lambda n: n < 4),
)


@template("7.SP.C.7a")
def spinner_event_probability(rng: random.Random) -> Problem:
    """The probability of an event on a spinner with equal numbered sections."""
    sections = rng.choice((5, 6, 8, 10, 12))
    event, rule = rng.choice(_NUMBER_EVENTS)
    numbers = list(range(1, sections + 1))
    favourable = [n for n in numbers if rule(n)]
    probability = F(len(favourable), sections)
    stem = (
        f"The spinner has {sections} equal sections numbered 1 to {sections}. What is the probability of "
        f"spinning {event}?"
    )
    hints = (
        "All the sections are the same size, so each number is equally likely.",
        "List the numbers that fit the event and count them.",
    )
    solution = _steps(
        f"Numbers that fit: {', '.join(map(str, favourable))}, that is {len(favourable)} of {sections}.",
        f"Probability: {_ratio(len(favourable), sections)}, so the answer is **{number_text(probability)}**.",
    )
    wrong = (
        F(len(favourable), sections - len(favourable)) if len(favourable) < sections else F(1, 2),
        F(1, sections),
        F(sections - len(favourable), sections),
    )
    return problem(stem, numeric(probability), hints, solution, wrong=wrong, figure=_spinner(numbers))


_EXPERIMENTS = (
    (
        "A paper cup is tossed",
        (
            ("Open end up", "lands open end up"),
            ("Open end down", "lands open end down"),
            ("On its side", "lands on its side"),
        ),
    ),
    ("A penny is spun on a table", (("Heads", "lands heads up"), ("Tails", "lands tails up"))),
    ("A thumbtack is dropped", (("Point up", "lands point up"), ("Point down", "lands point down"))),
    ("A plastic bottle is flipped", (("Standing", "lands standing up"), ("Fallen", "falls over"))),
)


def _observed_counts(rng: random.Random, outcomes: int, even: bool) -> tuple[int, list[int]]:
    total = rng.choice((50, 100, 200))
    while True:
        if even:
            share = total // outcomes
            counts = [share + rng.randint(-total // 25, total // 25) for _ in range(outcomes - 1)]
        else:
            cuts = sorted(rng.sample(range(1, total), outcomes - 1))
            counts = [b - a for a, b in zip([0] + cuts, cuts)]
        counts.append(total - sum(counts))
        big, rest = max(counts), sorted(counts)[:-1]
        if min(counts) > 0 and (even or big >= 2 * max(rest)):
            return total, counts


@template("7.SP.C.7b")
def probability_from_frequencies(rng: random.Random) -> Problem:
    """The approximate probability of an outcome from observed frequencies in a bar graph."""
    experiment, outcomes = rng.choice(_EXPERIMENTS)
    total, counts = _observed_counts(rng, len(outcomes), rng.random() < 0.3)
    index = rng.randrange(len(outcomes))
    label, phrase = outcomes[index]
    figure = figures.bar_graph(
        [(short, count) for (short, _), count in zip(outcomes, counts)],
        step=10 if total > 50 else 5,
        title=f"Results of {total} tries",
        value_name="tries",
    )
    probability = F(counts[index], total)
    stem = (
        f"{experiment} {total} times. The bar graph shows the results. Based on the results, what is the "
        f"approximate probability that it {phrase}? Write it as a fraction or a decimal."
    )
    hints = (
        "Use the relative frequency: how many times it happened out of all the tries.",
        f"Divide the count for that bar by {total}.",
    )
    solution = _steps(
        f"It {phrase} {counts[index]} times out of {total}.", f"{counts[index]}/{total} = **{_dec(probability)}**."
    )
    others = total - counts[index]
    wrong = (
        F(counts[index], others) if others else F(1, 2),
        F(1, len(outcomes)),
        F(counts[index], 100 if total != 100 else 50),
    )
    return problem(stem, numeric(probability, display=_dec(probability)), hints, solution, wrong=wrong, figure=figure)


@template("7.SP.C.7b")
def equally_likely_from_data(rng: random.Random) -> Problem:
    """Whether observed frequencies suggest that the outcomes are equally likely."""
    experiment, outcomes = rng.choice(_EXPERIMENTS)
    even = rng.random() < 0.5
    total, counts = _observed_counts(rng, len(outcomes), even)
    figure = figures.bar_graph(
        [(short, count) for (short, _), count in zip(outcomes, counts)],
        step=10 if total > 50 else 5,
        title=f"Results of {total} tries",
        value_name="tries",
    )
    top = outcomes[counts.index(max(counts))][1]
    yes = "Yes: each outcome happened about equally often."
    no = f"No: it {top} much more often than anything else."
    correct = yes if even else no
    wrong = [
        no if even else yes,
        f"Yes: there are {len(outcomes)} outcomes, so each must have probability 1/{len(outcomes)}.",
        "No: the counts are not exactly equal, so the outcomes cannot be equally likely.",
    ]
    stem = f"{experiment} {total} times. The bar graph shows the results. Do the outcomes appear to be equally likely?"
    hints = (
        "Compare the heights of the bars.",
        "Chance makes counts a little uneven even when outcomes are equally likely; look for a big difference.",
    )
    listed = ", ".join(f"{short.lower()} {count}" for (short, _), count in zip(outcomes, counts))
    solution = _steps(
        f"The counts are {listed}.",
        "They are close to each other." if even else "One count is far bigger than the others.",
        f"So: **{correct}**",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution, figure=figure)


@template("7.SP.C.7b")
def model_versus_observed(rng: random.Random) -> Problem:
    """Whether observed results agree with an equally-likely model, and why they might not."""
    colours = rng.choice((4, 5))
    spins = colours * rng.choice((20, 40, 50))
    expected = spins // colours
    fair = rng.random() < 0.5
    observed = expected + (
        rng.randint(-expected // 10, expected // 10)
        if fair
        else rng.choice((1, -1)) * rng.randint(expected // 2, expected * 3 // 4)
    )
    close = "The results are close to the model; small differences happen by chance."
    unfair = "The spinner may not be fair, so the model of equal sections may be wrong for it."
    correct = close if fair else unfair
    wrong = [
        unfair if fair else close,
        f"Red must come up exactly {expected} times in {spins} spins.",
        "The other colours will now come up more often to even things out.",
    ]
    stem = (
        f"A spinner has {colours} sections that are supposed to be equal, one of them red. The model gives each "
        f"colour a probability of 1/{colours}. In {spins} spins, red came up {observed} times. Which statement "
        f"is best?"
    )
    hints = (
        f"Use the model to find how many reds to expect in {spins} spins.",
        "Decide whether the observed count is close to that, or far from it.",
    )
    solution = _steps(
        f"The model predicts about 1/{colours} {TIMES} {spins} = {expected} reds.",
        f"{observed} is {'close to' if fair else 'far from'} {expected}.",
        f"So: **{correct}**",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


_DICE_EVENTS = (
    ("the sum is {s}", lambda a, b, s: a + b == s),
    ("the sum is greater than {s}", lambda a, b, s: a + b > s),
    ("both numbers are the same (doubles)", lambda a, b, s: a == b),
    ("both numbers are even", lambda a, b, s: a % 2 == 0 and b % 2 == 0),
    ("at least one cube shows a 6", lambda a, b, s: 6 in (a, b)),
    ("the product is odd", lambda a, b, s: a * b % 2 == 1),
)


@template("7.SP.C.8a")
def two_number_cubes(rng: random.Random) -> Problem:
    """The probability of a compound event when two number cubes are rolled, as a fraction of the 36 outcomes."""
    text_value, rule = rng.choice(_DICE_EVENTS)
    target = rng.randint(3, 11) if "greater" not in text_value else rng.randint(6, 10)
    event = text_value.format(s=target)
    count = sum(rule(a, b, target) for a in range(1, 7) for b in range(1, 7))
    probability = F(count, 36)
    stem = f"Two fair number cubes are rolled. What is the probability that {event}?"
    hints = (
        "Make a 6 by 6 table of outcomes: there are 36 equally likely outcomes.",
        "Count the outcomes in the table that fit the event.",
    )
    solution = _steps(
        "There are 6 × 6 = 36 equally likely outcomes.",
        f"{count} of them fit: {event}.",
        f"Probability: {_ratio(count, 36)}, so the answer is **{number_text(probability)}**.",
    )
    return problem(
        stem,
        numeric(probability),
        hints,
        solution,
        wrong=(F(count, 12), F(count, 6) if count < 6 else F(1, 36), F(36 - count, 36)),
    )


@template("7.SP.C.8a")
def several_coins(rng: random.Random) -> Problem:
    """The probability of a number of heads when 2, 3 or 4 fair coins are tossed."""
    coins = rng.randint(2, 4)
    kind = rng.randrange(3)
    if kind == 0:
        heads = rng.randint(1, coins - 1)
        event, count = f"exactly {heads} head{'s' if heads > 1 else ''}", math.comb(coins, heads)
    elif kind == 1:
        event, count = "at least one head", 2**coins - 1
    else:
        event, count = "all heads or all tails", 2
    outcomes = 2**coins
    probability = F(count, outcomes)
    stem = f"{number_word(coins).capitalize()} fair coins are tossed. What is the probability of getting {event}?"
    hints = (
        f"List every outcome, such as {'H' * (coins - 1)}T, {'H' * (coins - 2)}T{'H' if coins > 2 else ''}H, ... "
        "Each coin doubles the number of outcomes.",
        "Count the outcomes that fit the event and divide by the number of outcomes.",
    )
    solution = _steps(
        f"There are 2<sup>{coins}</sup> = {outcomes} equally likely outcomes.",
        f"{count} of them give {event}.",
        f"Probability: {_ratio(count, outcomes)}, so the answer is **{number_text(probability)}**.",
    )
    wrong = (F(count, coins + 1), F(1, outcomes) if count != 1 else F(1, 2), F(outcomes - count, outcomes))
    return problem(stem, numeric(probability), hints, solution, wrong=wrong)


@template("7.SP.C.8a")
def coin_and_spinner(rng: random.Random) -> Problem:
    """The probability of a compound event for a coin and a spinner with equal numbered sections."""
    sections = rng.randint(3, 6)
    event, rule = rng.choice(_NUMBER_EVENTS[:4] + _NUMBER_EVENTS[5:])
    side = rng.choice(("heads", "tails"))
    good = [n for n in range(1, sections + 1) if rule(n)]
    while not good:
        sections += 1
        good = [n for n in range(1, sections + 1) if rule(n)]
    outcomes = 2 * sections
    probability = F(len(good), outcomes)
    stem = (
        f"A fair coin is tossed and a spinner with {sections} equal sections numbered 1 to {sections} is spun. "
        f"What is the probability of getting {side} and {event}?"
    )
    hints = (
        f"The sample space has 2 × {sections} equally likely outcomes, such as H1 and T{sections}.",
        "Count the outcomes that have both the coin side and a number that fits.",
    )
    letter = side[0].upper()
    solution = _steps(
        f"There are 2 {TIMES} {sections} = {outcomes} equally likely outcomes.",
        f"The ones that fit: {', '.join(f'{letter}{n}' for n in good)}: {len(good)} outcomes.",
        f"Probability: {_ratio(len(good), outcomes)}, so the answer is **{number_text(probability)}**.",
    )
    wrong = (F(1, 2) + F(len(good), sections), F(len(good), sections), F(len(good), sections + 2))
    return problem(
        stem, numeric(probability), hints, solution, wrong=wrong, figure=_spinner(list(range(1, sections + 1)))
    )


@template("7.SP.C.8b")
def count_outcomes(rng: random.Random) -> Problem:
    """The number of outcomes in a sample space of choices (an organized list or tree diagram)."""
    menus = (
        ("A lunch", "lunches", ("bread", "breads", 2, 4), ("filling", "fillings", 3, 6), ("drink", "drinks", 2, 4)),
        (
            "An outfit",
            "outfits",
            ("shirt", "shirts", 3, 6),
            ("pair of pants", "pairs of pants", 2, 4),
            ("hat", "hats", 2, 3),
        ),
        (
            "An ice cream order",
            "orders",
            ("flavor", "flavors", 4, 8),
            ("topping", "toppings", 3, 5),
            ("cone", "cones", 2, 3),
        ),
    )
    thing, things, *parts = rng.choice(menus)
    parts = parts[: rng.choice((2, 3))]
    counts = [rng.randint(low, high) for _, _, low, high in parts]
    total = math.prod(counts)
    listed = join_words(f"{count} {many}" for (one, many, _, _), count in zip(parts, counts))
    stem = f"{thing} is made by choosing one from each list: {listed}. How many different {things} can be made?"
    hints = (
        "Picture a tree diagram: each first choice branches into every second choice.",
        "Multiply the numbers of choices.",
    )
    solution = _steps(
        f"Each choice can go with every other: {f' {TIMES} '.join(map(str, counts))} = {total}.",
        f"So **{total}** different {things}.",
    )
    return problem(stem, numeric(total), hints, solution, wrong=(sum(counts), counts[0] * counts[1] + 1, total * 2))


@template("7.SP.C.8b")
def sample_space_list(rng: random.Random) -> Problem:
    """Which organized list shows the whole sample space for two independent choices."""
    first_name, first = rng.choice(
        (
            ("a coin is tossed", ("H", "T")),
            ("a coin is tossed", ("H", "T")),
            ("a spinner with sections A and B is spun", ("A", "B")),
        )
    )
    count = rng.randint(3, 4)
    numbers = [str(n) for n in range(1, count + 1)]
    second_name, second = rng.choice(
        (
            (f"a spinner numbered 1 to {count} is spun", numbers),
            (f"a card is drawn from {count} cards numbered 1 to {count}", numbers),
            ("a letter is picked from X, Y, Z", ["X", "Y", "Z"]),
        )
    )
    full = [a + b for a in first for b in second]
    correct = ", ".join(full)
    missing = full[:]
    missing.pop(rng.randrange(len(missing)))
    one_each = [first[index % 2] + value for index, value in enumerate(second)]
    separate = list(first) + list(second)
    wrong = [", ".join(missing), ", ".join(one_each), ", ".join(separate)]
    stem = f"First {first_name}, then {second_name}. Which list shows every possible outcome?"
    hints = (
        "Pair each first result with every second result.",
        f"There should be {len(first)} × {len(second)} outcomes.",
    )
    solution = _steps(
        f"Each of the {len(first)} first results goes with each of the {len(second)} second results: "
        f"{len(first) * len(second)} outcomes.",
        f"So the list is **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


@template("7.SP.C.8b")
def event_outcomes(rng: random.Random) -> Problem:
    """Which outcomes of rolling two number cubes make up an event described in words."""
    total = rng.randint(3, 8)
    pairs = [(a, total - a) for a in range(1, 7) if 1 <= total - a <= 6]
    correct = ", ".join(f"({a}, {b})" for a, b in pairs)
    unordered = ", ".join(f"({a}, {b})" for a, b in pairs if a <= b)
    next_sum = ", ".join(f"({a}, {total + 1 - a})" for a in range(1, 7) if 1 <= total + 1 - a <= 6)
    with_zero = ", ".join([f"(0, {total})"] + [f"({a}, {b})" for a, b in pairs])
    wrong = distinct_wrong(correct, [unordered, next_sum, with_zero], 3)
    stem = (
        f"Two number cubes, one red and one blue, are rolled. An outcome is written (red, blue). Which outcomes "
        f'make up the event "the sum is {total}"?'
    )
    hints = (
        "(1, 2) and (2, 1) are different outcomes: the red cube and the blue cube are different.",
        f"For each number on the red cube, find the blue number that makes {total}.",
    )
    solution = _steps(
        f"Red 1 to 6, with blue = {total} {MINUS} red, using only numbers from 1 to 6.",
        f"So the outcomes are **{correct}**.",
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


_DIGIT_CONTEXTS = (  # (fact, event, what one digit stands for, what the digits count)
    (
        "{p}% of blood donors have type A blood",
        "it takes at least {k} donors to find one with type A blood",
        "a donor with type A blood",
        "donors",
    ),
    (
        "{p}% of cereal boxes have a prize inside",
        "it takes at least {k} boxes to find one with a prize",
        "a box with a prize",
        "boxes",
    ),
    (
        "a basketball player makes {p}% of her free throws",
        "it takes her at least {k} shots to make one",
        "a shot that goes in",
        "shots",
    ),
)


@template("7.SP.C.8c")
def simulation_with_digits(rng: random.Random) -> Problem:
    """An estimated probability from a simulation with random digits (how many tries until a success)."""
    percent = rng.choice((20, 30, 40, 50))
    digits = percent // 10
    setting, event, success, things = rng.choice(_DIGIT_CONTEXTS)
    needed = rng.choice((3, 4))
    trials = []
    for _ in range(rng.choice((10, 20))):
        trial = ""
        while not trial or int(trial[-1]) >= digits:
            trial += str(rng.randrange(10))
        trials.append(trial)
    count = sum(len(trial) >= needed for trial in trials)
    if count in (0, len(trials)):
        trials[0] = "9" * needed + "0"
        count = sum(len(trial) >= needed for trial in trials)
    probability = F(count, len(trials))
    stem = (
        f"Suppose {setting.format(p=percent)}. To estimate the probability that {event.format(k=needed)}, random "
        f"digits are used: the digits 0 to {digits - 1} stand for {success}, "
        f"and the digits {digits} to 9 do not. Each trial lists digits until one from 0 to {digits - 1} appears. "
        f"The {len(trials)} trials were:\n\n{', '.join(trials)}\n\nWhat is the estimated probability?"
    )
    hints = (
        f"A trial with {needed} or more digits means it took at least {needed} {things}.",
        "Estimated probability = (trials where it happened) ÷ (number of trials).",
    )
    solution = _steps(
        f"Trials with {needed} or more digits: {count} of {len(trials)}.",
        f"Estimated probability: {count}/{len(trials)} = **{_dec(probability)}**.",
    )
    wrong = (F(percent, 100), F(len(trials) - count, len(trials)), F(count, 100))
    return problem(stem, numeric(probability, display=_dec(probability)), hints, solution, wrong=wrong)


_TOOLS = (
    (F(1, 2), "Toss a fair coin; heads means {yes}."),
    (F(1, 6), "Roll a number cube; a 1 means {yes}."),
    (F(1, 3), "Roll a number cube; a 1 or 2 means {yes}."),
    (F(2, 3), "Roll a number cube; 1 to 4 means {yes}."),
    (F(1, 4), "Spin a spinner with 4 equal sections, 1 of them red; red means {yes}."),
    (F(3, 4), "Spin a spinner with 4 equal sections, 3 of them red; red means {yes}."),
)


@template("7.SP.C.8c")
def choose_simulation(rng: random.Random) -> Problem:
    """Which simulation tool models an event with a given probability."""
    setting, yes = rng.choice(
        (
            ("A basketball player makes {p} of her free throws.", "she makes the shot"),
            ("A bus is late {p} of the time.", "the bus is late"),
            ("{p} of the seeds in a packet sprout.", "the seed sprouts"),
            ("A cereal box has a prize {p} of the time.", "the box has a prize"),
        )
    )
    if rng.random() < 0.5:
        percent = rng.choice((10, 20, 30, 40, 60, 70, 80, 90))
        probability, shown = F(percent, 100), f"{percent}%"
        correct = f"Pick a random digit from 0 to 9; the digits 0 to {percent // 10 - 1} mean {yes}."
        if percent == 10:
            correct = f"Pick a random digit from 0 to 9; a 0 means {yes}."
    else:
        probability, tool = rng.choice(_TOOLS)
        shown = (
            rng.choice((number_text(probability), f"{_dec(probability * 100)}%"))
            if terminates(probability)
            else number_text(probability)
        )
        correct = tool.format(yes=yes)
    options = [(F(k, 10), f"Pick a random digit from 0 to 9; the digits 0 to {k - 1} mean {yes}.") for k in (3, 5, 8)]
    options += [(value, tool.format(yes=yes)) for value, tool in _TOOLS]
    wrong_pool = [text_value for value, text_value in options if value != probability and text_value != correct]
    wrong = rng.sample(wrong_pool, 3)
    stem = f"{setting.format(p=shown)} Which simulation could model one try?"
    hints = (
        "The simulation must give the event the same probability as in the situation.",
        "Work out the probability each simulation gives, and compare.",
    )
    solution = _steps(
        f"The event has probability {shown}.", f"The simulation with the same probability is: **{correct}**"
    )
    return problem(stem, choice(rng, correct, wrong), hints, solution)


@template("7.SP.C.8c")
def simulation_with_coins(rng: random.Random) -> Problem:
    """An estimated probability for a compound event from listed coin-toss simulation trials."""
    children = rng.choice((3, 4))
    trials = ["".join(rng.choice("HT") for _ in range(children)) for _ in range(20)]
    at_least = rng.randint(2, children - 1)
    count = sum(trial.count("H") >= at_least for trial in trials)
    probability = F(count, 20)
    stem = (
        f"To estimate the probability that a family with {children} children has at least {at_least} girls, each "
        f"trial tosses {children} coins: H stands for a girl and T for a boy. The 20 trials were:\n\n"
        f"{', '.join(trials)}\n\nBased on the simulation, what is the estimated probability?"
    )
    hints = (f"Count the trials with {at_least} or more H's.", "Divide that count by the number of trials, 20.")
    solution = _steps(
        f"Trials with at least {at_least} H's: {count} of 20.",
        f"Estimated probability: {count}/20 = **{_dec(probability)}**.",
    )
    wrong = (F(20 - count, 20), F(count, 100), F(1, 2) if probability != F(1, 2) else F(1, 4))
    return problem(stem, numeric(probability, display=_dec(probability)), hints, solution, wrong=wrong)
