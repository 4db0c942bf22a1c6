"""Grade 5 item generators: every grade 5 Common Core math standard.

- Operations and algebraic thinking (5.OA): evaluating expressions with parentheses, brackets and braces; writing
  expressions for calculations told in words and reading expressions without evaluating them; two numerical
  patterns, the relationship of their matching terms and their ordered pairs on a grid.
- Number and operations in base ten (5.NBT): a digit's value ten times or one tenth of the place beside it;
  multiplying and dividing by powers of 10 written with exponents; reading, writing (word and expanded form),
  comparing and rounding decimals to thousandths; multi-digit multiplication; division with two-digit divisors;
  adding, subtracting, multiplying and dividing decimals to hundredths.
- Number and operations, fractions (5.NF): adding and subtracting fractions and mixed numbers with unlike
  denominators, word problems and benchmark estimates; fractions as division; multiplying a fraction by a whole
  number or a fraction, area models with fractional sides; multiplication as scaling; dividing unit fractions by
  whole numbers and whole numbers by unit fractions.
- Measurement and data (5.MD): converting units within a system; line plots of measurements in 1/2, 1/4 and 1/8;
  volume as unit cubes, V = l × w × h and V = b × h, and volumes of two joined prisms.
- Geometry (5.G): the first quadrant of the coordinate plane and points in real situations; attributes of
  two-dimensional figures and their hierarchy.

Parent standards with lettered parts (5.MD.C.3, 5.MD.C.5, 5.NBT.A.3, 5.NF.B.4, 5.NF.B.5, 5.NF.B.7) are covered
through their parts. No standard is skipped. The shape hierarchy items leave out trapezoids and kites, whose
definitions (inclusive or exclusive) differ between curricula, so "is a square a trapezoid?" has no single answer.

Hints are written with the numbers of the problem; `_problem` drops a hint that would show the answer (when a
number of the problem happens to equal it), and every template has a hint that cannot show it.
"""

from __future__ import annotations

import math
import random
import re
from decimal import Decimal
from fractions import Fraction

from assessments.generators import figures
from assessments.generators.base import (
    INTRODUCTORY,
    STRETCH,
    Answer,
    Problem,
    choice,
    comparison,
    decimal_text,
    join_words,
    mixed,
    plural,
    multi,
    name,
    names,
    number_text,
    number_word,
    numeric,
    problem,
    steps,
    template,
    terminates,
)
from assessments.generators.grade_3 import frac

F = Fraction

# ---------------------------------------------------------------------------------------------------------
# Shared helpers


def _problem(
    stem: str, answer: Answer, hints, lines, *, wrong=(), figure: str = "", difficulty: int | None = None
) -> Problem:
    """base's `problem` with the solution given as a list of steps; numeric wrong answers are taken as exact
    numbers, and written as decimals for a decimal question (`_DecimalAnswer`), as a student types them."""
    if answer.item_type == "numeric":
        wrong = [F(candidate) for candidate in wrong if candidate is not None]
        if isinstance(answer, _DecimalAnswer):
            wrong = [Decimal(decimal_text(w)) if terminates(w) else w for w in wrong]
    return problem(stem, answer, hints, steps(*lines), wrong=wrong, figure=figure, difficulty=difficulty)


def _dec(value, places: int | None = None) -> str:
    """A decimal as a learner writes it, with thousands separators: "1,234.05"."""
    text = decimal_text(F(value), places)
    whole, dot, rest = text.partition(".")
    return f"{int(whole):,}{dot}{rest}"


def _int(value) -> str:
    return f"{int(value):,}"


def _money(value) -> str:
    return "$" + _dec(value, 2)


def _qty(value, one: str, many: str) -> str:
    """ "1/2 cup", "1 cup", "2 1/4 cups", "3 cups"."""
    value = F(value)
    return f"{mixed(value)} {one if value <= 1 else many}"


def _fraction_answer(value, unit: str = "") -> Answer:
    """A fraction answer, shown as a mixed number when more than 1."""
    shown = _int(value) if F(value).denominator == 1 else mixed(F(value))
    return numeric(F(value), unit=unit, display=f"{shown} {unit}".strip())


class _DecimalAnswer(Answer):
    """A numeric answer to a decimal question: its wrong answers are written as decimals, as a student types them."""


def _decimal_answer(value, unit: str = "", places: int | None = None) -> Answer:
    answer = numeric(Decimal(decimal_text(F(value))), unit=unit, display=f"{_dec(value, places)} {unit}".strip())
    return _DecimalAnswer(**vars(answer))


def _whole_answer(value: int, unit: str = "") -> Answer:
    return numeric(int(value), unit=unit, display=f"{_int(value)} {unit}".strip())


def _money_answer(value) -> Answer:
    return _DecimalAnswer(**vars(numeric(Decimal(decimal_text(F(value))), display=_money(value))))


def _evaluate(expression: str) -> Fraction:
    """The exact value of an expression written with +, −, ×, ÷ and (), [], {}."""
    tokens = re.findall(r"\d+(?:\.\d+)?|[+×÷()\[\]{}−]", expression.replace(",", ""))
    position = 0

    def take() -> str:
        nonlocal position
        position += 1
        return tokens[position - 1]

    def peek() -> str | None:
        return tokens[position] if position < len(tokens) else None

    def sum_() -> Fraction:
        value = product()
        while peek() in ("+", "−"):
            value = value + product() if take() == "+" else value - product()
        return value

    def product() -> Fraction:
        value = factor()
        while peek() in ("×", "÷"):
            value = value * factor() if take() == "×" else value / factor()
        return value

    def factor() -> Fraction:
        token = take()
        if token in "([{":
            value = sum_()
            take()
            return value
        return F(token)

    return sum_()


def _ungrouped(expression: str) -> str:
    return re.sub(r"[()\[\]{}]", "", expression)


# ---------------------------------------------------------------------------------------------------------
# 5.OA: expressions and patterns


@template("5.OA.A.1")
def evaluate_with_parentheses(rng: random.Random) -> Problem:
    """Evaluate an expression whose parentheses change the order of operations."""
    a, c = rng.randint(2, 9), rng.randint(2, 9)
    b = rng.randint(c + 2, 20)
    shape = rng.randrange(3)
    if shape == 0:
        d, inner = rng.randint(2, 20), b - c
        expression, slip, partial = f"{a} × ({b} − {c}) + {d}", f"{a} × ({b} − {c} + {d})", a * inner
        steps = [
            f"Work inside the parentheses first: {b} − {c} = {inner}.",
            f"Multiply next: {a} × {inner} = {a * inner}.",
            f"Then add: {a * inner} + {d} = {a * inner + d}.",
        ]
    elif shape == 1:
        inner = a + b
        d = rng.randint(2, min(20, inner * c - 1))
        expression, slip, partial = f"({a} + {b}) × {c} − {d}", f"({a} + {b}) × ({c} − {d})", inner * c
        steps = [
            f"Work inside the parentheses first: {a} + {b} = {inner}.",
            f"Multiply next: {inner} × {c} = {inner * c}.",
            f"Then subtract: {inner * c} − {d} = {inner * c - d}.",
        ]
    else:
        quotient, d = rng.randint(2, 9), rng.randint(2, 20)
        total = quotient * c
        p = c * rng.randint(1, quotient - 1)
        expression, slip, partial = f"({p} + {total - p}) ÷ {c} + {d}", f"({p} + {total - p}) ÷ ({c} + {d})", quotient
        steps = [
            f"Work inside the parentheses first: {p} + {total - p} = {total}.",
            f"Divide next: {total} ÷ {c} = {quotient}.",
            f"Then add: {quotient} + {d} = {quotient + d}.",
        ]
    value = _evaluate(expression)
    steps.append(f"So {expression} = **{value}**.")
    wrong = [w for w in (_evaluate(_ungrouped(expression)), _evaluate(slip), F(partial)) if w.denominator == 1]
    return _problem(
        f"Evaluate the expression.\n\n{expression}",
        _whole_answer(value),
        (
            "Do the work inside the parentheses before anything else.",
            "After the parentheses, multiply or divide before you add or subtract.",
        ),
        steps,
        wrong=wrong,
    )


@template("5.OA.A.1")
def evaluate_with_brackets(rng: random.Random) -> Problem:
    """Evaluate an expression with parentheses inside brackets (and braces)."""
    shape = rng.randrange(3)
    if shape == 0:
        a, c, d = rng.randint(2, 9), rng.randint(2, 9), rng.randint(2, 9)
        b = rng.randint(c + d + 2, c + d + 12)
        expression, slip, partial = f"{a} × [{b} − ({c} + {d})]", f"{a} × [{b} − {c} + {d}]", b - c - d
        steps = [
            f"Start with the innermost parentheses: {c} + {d} = {c + d}.",
            f"Then the brackets: {b} − {c + d} = {b - c - d}.",
            f"Then multiply: {a} × {b - c - d} = {a * (b - c - d)}.",
        ]
    elif shape == 1:
        a, c, d, rest = rng.randint(2, 9), rng.randint(1, 6), rng.randint(1, 6), rng.randint(1, 4)
        b = c + d + rest
        f = a * rest + rng.randint(2, 30)
        expression, slip = f"{f} − {{{a} × [{b} − ({c} + {d})]}}", f"{f} − {{{a} × [{b} − {c} + {d}]}}"
        partial = a * rest
        steps = [
            f"Start with the innermost parentheses: {c} + {d} = {c + d}.",
            f"Then the brackets: {b} − {c + d} = {rest}.",
            f"Then the braces: {a} × {rest} = {a * rest}.",
            f"Last, subtract: {f} − {a * rest} = {f - a * rest}.",
        ]
    else:
        b, d, e = rng.randint(2, 6), rng.randint(1, 5), rng.randint(2, 9)
        c = d + rng.randint(1, 6)
        inner = b * (c - d)
        a = e * (inner // e + rng.randint(1, 4)) - inner
        expression, slip = f"{{{a} + [{b} × ({c} − {d})]}} ÷ {e}", f"{{{a} + [{b} × {c} − {d}]}} ÷ {e}"
        partial = a + inner
        steps = [
            f"Start with the innermost parentheses: {c} − {d} = {c - d}.",
            f"Then the brackets: {b} × {c - d} = {inner}.",
            f"Then the braces: {a} + {inner} = {a + inner}.",
            f"Last, divide: {a + inner} ÷ {e} = {(a + inner) // e}.",
        ]
    value = _evaluate(expression)
    steps.append(f"So {expression} = **{value}**.")
    wrong = [w for w in (_evaluate(_ungrouped(expression)), _evaluate(slip), F(partial)) if w.denominator == 1]
    return _problem(
        f"Evaluate the expression.\n\n{expression}",
        _whole_answer(value),
        (
            "Work from the inside out: parentheses first, then brackets, then braces.",
            "Inside each set of symbols, multiply or divide before you add or subtract.",
        ),
        steps,
        wrong=wrong,
    )


@template("5.OA.A.1")
def place_parentheses(rng: random.Random) -> Problem:
    """Choose where the parentheses go to give an expression a stated value."""
    while True:
        a, b, c, d = (rng.randint(2, 9) for _ in range(4))
        if rng.random() < 0.5:
            d = rng.randint(1, c - 1) if c > 2 else 1
            options = [
                f"({a} + {b}) × {c} − {d}",
                f"{a} + {b} × ({c} − {d})",
                f"({a} + {b}) × ({c} − {d})",
                f"{a} + {b} × {c} − {d}",
            ]
        else:
            options = [
                f"{a} × ({b} + {c}) × {d}",
                f"({a} × {b} + {c}) × {d}",
                f"{a} × ({b} + {c} × {d})",
                f"{a} × {b} + {c} × {d}",
            ]
        values = [_evaluate(option) for option in options]
        if len(set(values)) == len(values):
            break
    right = rng.randrange(len(options))
    target = values[right]
    answer = choice(rng, options[right], [option for index, option in enumerate(options) if index != right])
    steps = [f"{option} = {value}" for option, value in zip(options, values)]
    steps.append(f"So the expression with a value of {target} is **{options[right]}**.")
    return _problem(
        f"Which expression has a value of {target}?",
        answer,
        (
            "Find the value of each expression. Work inside the parentheses first.",
            "Where there are no parentheses, multiply before you add or subtract.",
        ),
        steps,
    )


# Calculations in words with the expressions that record them, in families whose members are easily confused.
# Each entry: (words, expression, why the expression matches).
_PHRASE_FAMILIES = (
    (
        (
            "Add {a} and {b}, then multiply by {c}.",
            "{c} × ({a} + {b})",
            "The sum {a} + {b} comes first, so it goes in parentheses. Then the sum is multiplied by {c}.",
        ),
        (
            "Multiply {c} by {a}, then add {b}.",
            "{c} × {a} + {b}",
            "The product {c} × {a} comes first. Multiplication is done before addition, so no parentheses are needed.",
        ),
        (
            "Multiply {b} by {c}, then add {a}.",
            "{a} + {b} × {c}",
            "The product {b} × {c} comes first. Multiplication is done before addition, so {a} is added to it.",
        ),
        (
            "Add {a} and {c}, then multiply by {b}.",
            "({a} + {c}) × {b}",
            "The sum {a} + {c} comes first, so it goes in parentheses. Then the sum is multiplied by {b}.",
        ),
    ),
    (
        (
            "Subtract {b} from {a}, then multiply by {c}.",
            "{c} × ({a} − {b})",
            "The difference {a} − {b} comes first, so it goes in parentheses. Then it is multiplied by {c}.",
        ),
        (
            "Multiply {a} by {c}, then subtract {b}.",
            "{a} × {c} − {b}",
            "The product {a} × {c} comes first. Multiplication is done before subtraction, so no parentheses are needed.",
        ),
        (
            "Subtract {b} from {a}, then subtract {c}.",
            "{a} − {b} − {c}",
            "Start with {a}, take away {b}, then take away {c}, working from left to right.",
        ),
        (
            "Subtract {c} from {a}, then multiply by {b}.",
            "({a} − {c}) × {b}",
            "The difference {a} − {c} comes first, so it goes in parentheses. Then it is multiplied by {b}.",
        ),
    ),
    (
        (
            "Add {a} and {b}, then divide by {c}.",
            "({a} + {b}) ÷ {c}",
            "The sum {a} + {b} comes first, so it goes in parentheses. Then the sum is divided by {c}.",
        ),
        (
            "Divide {b} by {c}, then add {a}.",
            "{a} + {b} ÷ {c}",
            "The quotient {b} ÷ {c} comes first. Division is done before addition, so {a} is added to it.",
        ),
        (
            "Divide {a} by {c}, then add {b}.",
            "{a} ÷ {c} + {b}",
            "The quotient {a} ÷ {c} comes first. Division is done before addition, so no parentheses are needed.",
        ),
        (
            "Add {a} and {c}, then divide by {b}.",
            "({a} + {c}) ÷ {b}",
            "The sum {a} + {c} comes first, so it goes in parentheses. Then the sum is divided by {b}.",
        ),
    ),
    (
        (
            "Multiply {a} by the sum of {b} and {c}.",
            "{a} × ({b} + {c})",
            "The sum of {b} and {c} must be found first, so it goes in parentheses, and {a} multiplies it.",
        ),
        (
            "Add {c} to the product of {a} and {b}.",
            "{a} × {b} + {c}",
            "The product {a} × {b} comes first. Multiplication is done before addition, so {c} is added to it.",
        ),
        ("Add {a}, {b} and {c}.", "{a} + {b} + {c}", "All three numbers are added, so only plus signs are needed."),
        (
            "Find the product of {a}, {b} and {c}.",
            "{a} × {b} × {c}",
            "All three numbers are multiplied, so only times signs are needed.",
        ),
    ),
)


def _phrase_family(rng: random.Random) -> list[tuple[str, str, str]]:
    """A family of word phrases with their expressions, filled with numbers that give every expression its own
    value."""
    family = rng.choice(_PHRASE_FAMILIES)
    while True:
        numbers = {"a": rng.randint(20, 60), "b": rng.randint(2, 9), "c": rng.randint(2, 9)}
        if numbers["b"] == numbers["c"]:
            continue
        filled = [tuple(part.format(**numbers) for part in entry) for entry in family]
        values = [_evaluate(expression) for _, expression, _ in filled]
        if len(set(values)) == len(values):
            return filled


@template("5.OA.A.2")
def expression_for_words(rng: random.Random) -> Problem:
    """Choose the expression that records a calculation told in words."""
    family = _phrase_family(rng)
    right = rng.randrange(len(family))
    words, expression, why = family[right]
    answer = choice(rng, expression, [entry[1] for index, entry in enumerate(family) if index != right])
    return _problem(
        f"Which expression matches these words?\n\n*{words}*",
        answer,
        (
            "Find the step the words say to do first.",
            "Without parentheses, multiplication and division are done before addition and subtraction. If the first "
            "step would not be done first, put it in parentheses.",
        ),
        [f"The words say: {words}", why, f"So the matching expression is **{expression}**."],
    )


@template("5.OA.A.2")
def words_for_expression(rng: random.Random) -> Problem:
    """Choose the words that describe an expression, without evaluating it."""
    family = _phrase_family(rng)
    right = rng.randrange(len(family))
    words, expression, why = family[right]
    answer = choice(rng, words, [entry[0] for index, entry in enumerate(family) if index != right])
    return _problem(
        f"Which words describe the expression {expression}?",
        answer,
        (
            "Decide which part of the expression is worked out first.",
            "Parentheses show a step that comes first. Without them, multiply or divide before you add or subtract.",
        ),
        [why, f"So the words are: **{words}**"],
    )


_COMPARE_FORMS = (
    ("{k} × ({base})", "A is {k} times as large as B.", "A multiplies the same {what} by {k}"),
    ("({base}) + {k}", "A is {k} more than B.", "A adds {k} to the same {what}"),
    ("({base}) − {k}", "A is {k} less than B.", "A subtracts {k} from the same {what}"),
    (
        "({base}) ÷ {k}",
        "B is {k} times as large as A.",
        "A divides the same {what} into {k} equal parts, so B is {k} times as large",
    ),
)


@template("5.OA.A.2")
def compare_without_evaluating(rng: random.Random) -> Problem:
    """Tell how one expression compares with another without calculating them."""
    large, small, k = rng.randint(1000, 99999), rng.randint(100, 999), rng.randint(2, 9)
    plus = rng.random() < 0.5
    base = f"{large:,} {'+' if plus else '−'} {small:,}"
    what = "sum" if plus else "difference"
    form, right, why = rng.choice(_COMPARE_FORMS)
    expression = form.format(k=k, base=base)
    statements = [statement.format(k=k) for _, statement, _ in _COMPARE_FORMS]
    right = right.format(k=k)
    answer = choice(rng, right, [statement for statement in statements if statement != right])
    return _problem(
        f"Expression A: {expression}\n\nExpression B: {base}\n\nWithout calculating, which statement is true?",
        answer,
        (f"Both expressions use the same {what}, {base}.", f"Look at what expression A does to that {what}."),
        [f"Expression B is the {what} {base}.", f"{why.format(k=k, what=what)}.", f"So **{right}**"],
    )


def _pattern_terms(step: int, count: int) -> str:
    return ", ".join(str(step * index) for index in range(count))


@template("5.OA.B.3")
def pattern_relationship(rng: random.Random) -> Problem:
    """Find the relationship between matching terms of two patterns that start at 0."""
    step_a, factor = rng.randint(1, 6), rng.randint(2, 5)
    step_b = step_a * factor
    right = f"Each term of Pattern B is {factor} times the matching term of Pattern A."
    wrong = [
        f"Each term of Pattern A is {factor} times the matching term of Pattern B.",
        f"Each term of Pattern B is {step_b - step_a} more than the matching term of Pattern A.",
        f"Each term of Pattern B is {step_b} more than the matching term of Pattern A.",
    ]
    return _problem(
        f"Pattern A starts at 0 and follows the rule “add {step_a}.”\n\nPattern B starts at 0 and follows the rule "
        f"“add {step_b}.”\n\nCompare the matching terms of the two patterns. Which statement is true?",
        choice(rng, right, wrong),
        (
            "Write the first 5 terms of each pattern, one list under the other.",
            "Compare each term of Pattern B with the term above it in Pattern A. Is the difference the same each time?",
        ),
        [
            f"Pattern A: {_pattern_terms(step_a, 5)}",
            f"Pattern B: {_pattern_terms(step_b, 5)}",
            f"The differences grow ({step_b - step_a}, {2 * (step_b - step_a)}, ...), so no “more than” statement "
            f"works. But {step_a} × {factor} = {step_b}, {2 * step_a} × {factor} = {2 * step_b}, and so on, because "
            f"Pattern B adds {factor} times as much each time.",
            f"So: **{right}**",
        ],
    )


@template("5.OA.B.3")
def pattern_matching_term(rng: random.Random) -> Problem:
    """Find the term of one pattern that matches a given term of another."""
    step_a, step_b = rng.sample(range(2, 10), 2)
    position = rng.randint(3, 8)
    term_a, term_b = step_a * position, step_b * position
    return _problem(
        f"Pattern A starts at 0 and follows the rule “add {step_a}.” Pattern B starts at 0 and follows the rule "
        f"“add {step_b}.”\n\nThe matching terms form ordered pairs (term of A, term of B), starting with (0, 0). "
        f"What term of Pattern B is paired with {term_a} in Pattern A?",
        _whole_answer(term_b),
        (
            "Write both patterns as lists, one under the other, until Pattern A reaches the given number.",
            f"Count how many times Pattern A added {step_a}; Pattern B added {step_b} the same number of times.",
        ),
        [
            f"Pattern A: {_pattern_terms(step_a, position + 1)}",
            f"Pattern B: {_pattern_terms(step_b, position + 1)}",
            f"{term_a} is {position} steps after 0 in Pattern A, so the matching term of B is {position} × {step_b}.",
            f"So the ordered pair is ({term_a}, {term_b}), and the term is **{term_b}**.",
        ],
        wrong=(term_a + step_b - step_a, term_b + step_b, term_a + step_b),
    )


@template("5.OA.B.3")
def pattern_next_pair(rng: random.Random) -> Problem:
    """Choose the next ordered pair formed from two patterns graphed on a grid."""
    step_a = rng.randint(1, 4)
    step_b = rng.choice([step for step in range(1, 6) if step != step_a])
    points = [("", step_a * index, step_b * index) for index in range(4)]
    high = max(10, 4 * step_a, 4 * step_b)
    figure = figures.coordinate_plane(points, x_range=(0, high), y_range=(0, high))
    right = f"({4 * step_a}, {4 * step_b})"
    wrong = [f"({4 * step_b}, {4 * step_a})", f"({5 * step_a}, {5 * step_b})", f"({4 * step_a + 1}, {4 * step_b + 1})"]
    return _problem(
        f"Pattern A starts at 0 and follows the rule “add {step_a}.” Pattern B starts at 0 and follows the rule "
        f"“add {step_b}.”\n\nThe grid shows the ordered pairs (term of A, term of B) for the first 4 terms. Which "
        f"ordered pair comes next?",
        choice(rng, right, wrong),
        (
            "The first number of each pair comes from Pattern A, the second from Pattern B.",
            "Find the fifth term of each pattern.",
        ),
        [
            f"Pattern A: {_pattern_terms(step_a, 5)}, so its fifth term is {4 * step_a}.",
            f"Pattern B: {_pattern_terms(step_b, 5)}, so its fifth term is {4 * step_b}.",
            f"The x-coordinate comes from A and the y-coordinate from B, so the next pair is **{right}**.",
        ],
        figure=figure,
    )


# ---------------------------------------------------------------------------------------------------------
# 5.NBT: place value, powers of 10, decimals and multi-digit operations

_PLACE_NAMES = {3: "thousands", 2: "hundreds", 1: "tens", 0: "ones", -1: "tenths", -2: "hundredths", -3: "thousandths"}


def _digits_in_places(digits: dict[int, int]) -> str:
    """ "9 ones; 6 tenths; 1 hundredth; 0 thousandths"."""
    return "; ".join(
        f"{digit} {_PLACE_NAMES[place][:-1] if digit == 1 else _PLACE_NAMES[place]}"
        for place, digit in sorted(digits.items(), reverse=True)
    )


def _random_digits(rng: random.Random, top: int, bottom: int, fixed: dict[int, int]) -> dict[int, int]:
    """Digits for the places `top` down to `bottom`: the `fixed` ones as given, the others different from every
    fixed digit, with no 0 in front of a whole number or at the end of a decimal."""
    digits = {}
    for place in range(top, bottom - 1, -1):
        if place in fixed:
            digits[place] = fixed[place]
            continue
        no_zero = (place == top and top > 0) or (place == bottom and bottom < 0)
        digits[place] = rng.choice([d for d in range(1 if no_zero else 0, 10) if d not in fixed.values()])
    return digits


def _digits_value(digits: dict[int, int]) -> Fraction:
    return sum((digit * F(10) ** place for place, digit in digits.items()), F(0))


def _place_value(place: int) -> str:
    return _dec(F(10) ** place)


def _places(count: int) -> str:
    return f"{count} place" if count == 1 else f"{count} places"


@template("5.NBT.A.1")
def compare_digit_values(rng: random.Random) -> Problem:
    """Compare the values of the same digit in two places of a number (10 times, 1/10, 100 times, 1/100)."""
    top, bottom = rng.randint(1, 3), -rng.randint(1, 3)
    pairs = [(p, q) for p in range(bottom, top + 1) for q in range(bottom, top + 1) if abs(p - q) in (1, 2)]
    first, second = rng.choice(pairs)
    digit = rng.randint(1, 9)
    number = _dec(_digits_value(_random_digits(rng, top, bottom, {first: digit, second: digit})), -bottom)
    value_first, value_second = digit * F(10) ** first, digit * F(10) ** second
    statements = {
        F(10): "It is 10 times as much.",
        F(100): "It is 100 times as much.",
        F(1, 10): "It is 1/10 as much.",
        F(1, 100): "It is 1/100 as much.",
    }
    ratio = value_first / value_second
    right = statements[ratio]
    if ratio > 1:
        relation = f"{_dec(value_second)} × {_int(ratio)} = {_dec(value_first)}"
    else:
        relation = (
            f"{_dec(value_first)} × {_int(1 / ratio)} = {_dec(value_second)}, so {_dec(value_first)} is "
            f"{mixed(ratio)} of {_dec(value_second)}"
        )
    return _problem(
        f"In the number {number}, how does the value of the {digit} in the {_PLACE_NAMES[first]} place compare "
        f"with the value of the {digit} in the {_PLACE_NAMES[second]} place?",
        choice(rng, right, [text for text in statements.values() if text != right]),
        (
            "Find what each digit is worth: the digit times the value of its place.",
            "A place is worth 10 times the place to its right.",
        ),
        [
            f"The {digit} in the {_PLACE_NAMES[first]} place is worth {digit} × {_place_value(first)} = "
            f"{_dec(value_first)}.",
            f"The {digit} in the {_PLACE_NAMES[second]} place is worth {digit} × {_place_value(second)} = "
            f"{_dec(value_second)}.",
            f"{relation}.",
            f"So: **{right}**",
        ],
    )


@template("5.NBT.A.1")
def digit_value_after_shift(rng: random.Random) -> Problem:
    """Find a digit's value after the number is made 10 times as much or 1/10 as much."""
    top, bottom = rng.randint(0, 2), -rng.randint(1, 2)
    place, digit = rng.randint(bottom, top), rng.randint(1, 9)
    first = _digits_value(_random_digits(rng, top, bottom, {place: digit}))
    shift = rng.choice((1, -1))
    second = first * F(10) ** shift
    value_before, value_after = digit * F(10) ** place, digit * F(10) ** (place + shift)
    moved = (
        "one place to the left, so each digit is worth 10 times as much"
        if shift > 0
        else "one place to the right, so each digit is worth 1/10 as much"
    )
    return _problem(
        f"In {_dec(first, -bottom)}, the digit {digit} has a value of {_dec(value_before)}. What is the value of "
        f"the digit {digit} in {_dec(second)}?",
        _decimal_answer(value_after),
        (
            "Compare the two numbers. Did the digits move to the left or to the right?",
            "One place to the left makes a digit worth 10 times as much; one place to the right, 1/10 as much.",
        ),
        [
            f"{_dec(second)} = {_dec(first, -bottom)} {'×' if shift > 0 else '÷'} 10.",
            f"Every digit moved {moved}.",
            f"The {digit} is now in the {_PLACE_NAMES[place + shift]} place: {digit} × {_place_value(place + shift)} "
            f"= {_dec(value_after)}.",
            f"So the {digit} in {_dec(second)} has a value of **{_dec(value_after)}**.",
        ],
        wrong=(value_before, digit * F(10) ** (place - shift), digit * F(10) ** (place + 2 * shift)),
    )


@template("5.NBT.A.1", difficulty=INTRODUCTORY)
def ten_times_or_one_tenth(rng: random.Random) -> Problem:
    """Find the number that is 10 times as much as, or 1/10 of, a given number."""
    number = F(rng.randint(11, 9999), 10 ** rng.randint(0, 2))
    times = rng.random() < 0.5
    value = number * 10 if times else number / 10
    asked = f"10 times as much as {_dec(number)}" if times else f"1/10 of {_dec(number)}"
    return _problem(
        f"What number is {asked}?",
        _decimal_answer(value),
        (
            "Think about how each digit's place changes.",
            "10 times as much moves every digit one place to the left; 1/10 of moves every digit one place to the "
            "right.",
        ),
        [
            f"{'Multiply by 10' if times else 'Divide by 10'}: every digit moves one place to the "
            f"{'left' if times else 'right'}.",
            f"{_dec(number)} {'×' if times else '÷'} 10 = {_dec(value)}.",
            f"So {asked} is **{_dec(value)}**.",
        ],
        wrong=(number / 10 if times else number * 10, number * 100 if times else number / 100),
    )


def _power(exponent: int) -> str:
    return f"10<sup>{exponent}</sup>"


def _power_meaning(exponent: int) -> str:
    factors = " × ".join(["10"] * exponent)
    return f"{_power(exponent)} = {factors} = {_int(10**exponent)}." if exponent > 1 else f"{_power(exponent)} = 10."


@template("5.NBT.A.2")
def multiply_by_power_of_ten(rng: random.Random) -> Problem:
    """Multiply a whole number or a decimal by a power of 10 written with an exponent."""
    if rng.random() < 0.5:
        number, exponent = F(rng.randint(2, 999)), rng.randint(1, 4)
    else:
        number, exponent = F(rng.randint(101, 9999), 10 ** rng.randint(1, 3)), rng.randint(1, 3)
    value = number * 10**exponent
    moved = (
        f"{exponent} zero{'s' if exponent > 1 else ''} are written at the end"
        if number.denominator == 1
        else f"the decimal point moves {_places(exponent)} to the right"
    )
    return _problem(
        f"Find {_dec(number)} × {_power(exponent)}.",
        _decimal_answer(value),
        (
            "The exponent tells how many times 10 is used as a factor.",
            f"Each factor of 10 moves every digit of {_dec(number)} one place to the left.",
        ),
        [
            _power_meaning(exponent),
            f"Multiplying by {_int(10**exponent)} moves every digit {_places(exponent)} to the left, so {moved}.",
            f"So {_dec(number)} × {_power(exponent)} = **{_dec(value)}**.",
        ],
        wrong=(number * 10 ** (exponent - 1), number * 10 ** (exponent + 1), number / 10**exponent),
    )


@template("5.NBT.A.2")
def divide_by_power_of_ten(rng: random.Random) -> Problem:
    """Divide a whole number or a decimal by a power of 10 written with an exponent."""
    if rng.random() < 0.5:
        number, exponent = F(rng.randint(2, 9999)), rng.randint(1, 3)
    else:
        number, exponent = F(rng.randint(11, 9999), 10), rng.randint(1, 2)
    value = number / 10**exponent
    return _problem(
        f"Find {_dec(number)} ÷ {_power(exponent)}.",
        _decimal_answer(value),
        (
            "The exponent tells how many times 10 is used as a factor.",
            f"Each division by 10 moves every digit of {_dec(number)} one place to the right.",
        ),
        [
            _power_meaning(exponent),
            f"Dividing by {_int(10**exponent)} moves every digit {_places(exponent)} to the right, so the decimal "
            f"point moves {_places(exponent)} to the left.",
            f"So {_dec(number)} ÷ {_power(exponent)} = **{_dec(value)}**.",
        ],
        wrong=(number / 10 ** (exponent - 1), number / 10 ** (exponent + 1), number * 10**exponent),
    )


@template("5.NBT.A.2")
def missing_exponent(rng: random.Random) -> Problem:
    """Find the exponent of the power of 10 that turns one number into another."""
    small, exponent = F(rng.randint(11, 999), 10 ** rng.randint(0, 2)), rng.randint(1, 4)
    large = small * 10**exponent
    if rng.random() < 0.5:
        equation, direction = f"{_dec(small)} × 10<sup>?</sup> = {_dec(large)}", "left"
    else:
        equation, direction = f"{_dec(large)} ÷ 10<sup>?</sup> = {_dec(small)}", "right"
    return _problem(
        f"What exponent makes the equation true?\n\n{equation}",
        _whole_answer(exponent),
        ("Compare where the same digits sit in the two numbers.", "Each factor of 10 moves the digits one place."),
        [
            f"From {equation.split(' ')[0]} to {equation.split(' ')[-1]}, every digit moves {_places(exponent)} to the "
            f"{direction}.",
            f"Moving {_places(exponent)} means using 10 as a factor {exponent} time{'s' if exponent > 1 else ''}.",
            f"So the missing exponent is **{exponent}**.",
        ],
        wrong=(exponent - 1, exponent + 1),
    )


_PLACE_WORDS = {1: ("tenth", "tenths"), 2: ("hundredth", "hundredths"), 3: ("thousandth", "thousandths")}


def _big_number_words(number: int) -> str:
    """A whole number below 1,000,000 in words."""
    if number < 1000:
        return number_word(number)
    thousands, rest = divmod(number, 1000)
    return f"{number_word(thousands)} thousand" + (f" {number_word(rest)}" if rest else "")


def _decimal_words(whole: int, part: int, places: int) -> str:
    """ "forty-two and three hundred seven thousandths"."""
    singular, plural_form = _PLACE_WORDS[places]
    fraction = f"{_big_number_words(part)} {singular if part == 1 else plural_form}"
    return fraction if whole == 0 else f"{_big_number_words(whole)} and {fraction}"


def _decimal_part(rng: random.Random, places: int, *, low: int = 1) -> int:
    """A number of tenths, hundredths or thousandths that does not end in 0."""
    while True:
        part = rng.randint(low, 10**places - 1)
        if part % 10:
            return part


@template("5.NBT.A.3a")
def decimal_from_word_form(rng: random.Random) -> Problem:
    """Write a decimal given in words as a numeral."""
    places = rng.randint(1, 3)
    whole = rng.choice([0, rng.randint(1, 99), rng.randint(100, 999)])
    part = _decimal_part(rng, places)
    value = whole + F(part, 10**places)
    words = _decimal_words(whole, part, places)
    return _problem(
        f"Write this number as a decimal.\n\n**{words}**",
        _decimal_answer(value, places=places),
        (
            "The word “and” marks the decimal point.",
            "The last word names the place of the last digit: tenths is 1 place after the point, hundredths 2 places, "
            "thousandths 3 places.",
        ),
        [
            f"The whole-number part is {whole}.",
            f"“{_decimal_words(0, part, places)}” ends in the {_PLACE_WORDS[places][1]} place, so it takes "
            f"{_places(places)} after the point: .{part:0{places}d}",
            f"So the number is **{_dec(value, places)}**.",
        ],
        wrong=(
            whole + F(part, 10 ** len(str(part))),
            whole + F(part, 10 ** (places + 1)),
            whole + F(part, 10 ** (places - 1)),
        ),
    )


def _expanded_terms(digits: dict[int, int]) -> list[str]:
    terms = []
    for place, digit in sorted(digits.items(), reverse=True):
        if digit:
            terms.append(f"{digit} × {_int(10**place)}" if place >= 0 else f"{digit} × (1/{10**-place})")
    return terms


def _packed(digits: dict[int, int]) -> dict[int, int]:
    """The nonzero digits written one after another from the highest place: the slip of skipping the zeros."""
    nonzero = [digit for _, digit in sorted(digits.items(), reverse=True) if digit]
    top = max(digits)
    return {top - index: digit for index, digit in enumerate(nonzero)}


def _expanded_digits(rng: random.Random) -> dict[int, int]:
    """Digits of a decimal with 1 to 3 whole places and thousandths, usually with a 0 inside."""
    digits = _random_digits(rng, rng.randint(0, 2), -3, {})
    if rng.random() < 0.7:
        digits[rng.choice([place for place in digits if place < 0 and place != -3])] = 0
    return digits


@template("5.NBT.A.3a")
def decimal_from_expanded_form(rng: random.Random) -> Problem:
    """Write the decimal that an expanded form shows."""
    digits = _expanded_digits(rng)
    terms = _expanded_terms(digits)
    shuffled = rng.random() < 0.3
    if shuffled:
        rng.shuffle(terms)
    value = _digits_value(digits)
    shifted = {place - 1 if place < 0 else place: digit for place, digit in digits.items()}
    return _problem(
        f"What number is written in expanded form below?\n\n{' + '.join(terms)}",
        _decimal_answer(value),
        (
            "Each term is a digit times the value of its place.",
            "1/10 is the tenths place, 1/100 the hundredths place and 1/1000 the thousandths place. A place with no "
            "term holds a 0.",
        ),
        [
            ("Put the terms in order from the largest place to the smallest. " if shuffled else "")
            + f"Write each digit in its place: {_digits_in_places(digits)}.",
            f"So the number is **{_dec(value)}**.",
        ],
        wrong=(_digits_value(_packed(digits)), _digits_value(shifted)),
    )


@template("5.NBT.A.3a")
def expanded_form_choice(rng: random.Random) -> Problem:
    """Choose the expanded form of a decimal."""
    digits = _expanded_digits(rng)
    value = _digits_value(digits)
    whole_up = {place + 1 if place >= 0 else place: digit for place, digit in digits.items()}
    all_up = {place + 1: digit for place, digit in digits.items()}
    swapped = dict(digits)
    swapped[-1], swapped[-2] = digits[-2], digits[-1]
    options = {}
    for candidate in (_packed(digits), whole_up, all_up, swapped):
        candidate_value = _digits_value(candidate)
        if candidate_value != value and candidate_value not in options:
            options[candidate_value] = " + ".join(_expanded_terms(candidate))
    wrong = list(options.values())[:3]
    right = " + ".join(_expanded_terms(digits))
    return _problem(
        f"Which shows {_dec(value)} in expanded form?",
        choice(rng, right, wrong),
        (
            "Name the place of each digit, starting from the left.",
            "A 0 digit gets no term, but the digits after it keep their own places.",
        ),
        [f"The digits are: {_digits_in_places(digits)}.", f"So {_dec(value)} = **{right}**."],
    )


@template("5.NBT.A.3a")
def word_form_choice(rng: random.Random) -> Problem:
    """Choose the word form of a decimal."""
    places = rng.randint(2, 3)
    whole, part = rng.randint(1, 99), _decimal_part(rng, places, low=10 ** (places - 1))
    value = whole + F(part, 10**places)
    right = _decimal_words(whole, part, places)
    other_places = 3 if places == 2 else 2
    candidates = [
        (whole + F(part, 10**other_places), _decimal_words(whole, part, other_places)),
        (F(whole * 10**places + part), _big_number_words(whole * 10**places + part)),
    ]
    squeezed = int(str(part).replace("0", ""))
    candidates.append((whole + F(squeezed, 10**places), _decimal_words(whole, squeezed, places)))
    wrong = [text for candidate, text in candidates if candidate != value]
    return _problem(
        f"Which is the word form of {_dec(value, places)}?",
        choice(rng, right, wrong),
        (
            "Read the whole-number part, say “and” for the decimal point, then read the digits after the point as "
            "one number.",
            "Finish with the name of the place of the last digit.",
        ),
        [
            f"The whole-number part is {whole}: {_big_number_words(whole)}.",
            f"The digits after the point, {part:0{places}d}, are read as {_big_number_words(part)}, and the last "
            f"digit is in the {_PLACE_WORDS[places][1]} place.",
            f"So {_dec(value, places)} is **{right}**.",
        ],
    )


def _comparison_steps(left: Fraction, right: Fraction, left_text: str, right_text: str) -> list[str]:
    """Steps comparing two decimals place by place, ending with the symbol."""
    symbol = "<" if left < right else ">" if left > right else "="
    steps = [f"Write both numbers to the thousandths place: {_dec(left, 3)} and {_dec(right, 3)}."]
    if left == right:
        steps.append("Every digit is the same, so the numbers are equal.")
    elif math.floor(left) != math.floor(right):
        steps.append(f"The whole-number parts differ: {math.floor(left)} {symbol} {math.floor(right)}.")
    else:
        for place in (-1, -2, -3):
            left_digit, right_digit = (int(value * 10**-place) % 10 for value in (left, right))
            if left_digit != right_digit:
                steps.append(
                    f"The digits match until the {_PLACE_NAMES[place]} place, where {left_digit} "
                    f"{symbol} {right_digit}."
                )
                break
    steps.append(f"So {left_text} **{symbol}** {right_text}.")
    return steps


def _decimal_pair(rng: random.Random, *, allow_equal: bool = True) -> tuple[Fraction, Fraction, str, str]:
    """Two decimals to compare, built around the usual slips (a longer decimal is not always greater)."""
    whole = rng.randint(0, 9)
    kind = rng.randrange(5 if allow_equal else 4)
    if kind == 0:
        tenth, hundredth = rng.randint(1, 9), rng.randint(1, 9)
        left, right = whole + F(tenth, 10) + F(hundredth, 100), whole + F(tenth, 10) + F(hundredth, 1000)
    elif kind == 1:
        tenth = rng.randint(1, 9)
        left, right = whole + F(tenth, 10), whole + F(tenth - 1, 10) + F(rng.randint(11, 99), 1000)
    elif kind == 2:
        tenth, hundredth = rng.sample(range(1, 10), 2)
        left, right = whole + F(tenth, 10) + F(hundredth, 100), whole + F(hundredth, 10) + F(tenth, 100)
    elif kind == 3:
        thousandths = rng.randint(111, 989)
        left = whole + F(thousandths, 1000)
        right = left + F(rng.choice((-1, 1)) * rng.randint(1, 9), 1000)
    else:
        left = right = whole + F(_decimal_part(rng, 2), 100)
    left_text, right_text = _dec(left), _dec(right, 3) if left == right else _dec(right)
    if rng.random() < 0.5:
        return right, left, right_text, left_text
    return left, right, left_text, right_text


@template("5.NBT.A.3b")
def compare_decimals(rng: random.Random) -> Problem:
    """Compare two decimals to thousandths with <, > or =."""
    left, right, left_text, right_text = _decimal_pair(rng)
    return _problem(
        f"Compare the two decimals. Choose <, > or =.\n\n{left_text} ___ {right_text}",
        comparison(left, right),
        (
            "Line up the decimal points and compare digit by digit, starting from the left.",
            "You can write zeros at the end of a decimal without changing its value, so both have the same number of "
            "places.",
        ),
        _comparison_steps(left, right, left_text, right_text),
    )


@template("5.NBT.A.3b")
def greatest_or_least_decimal(rng: random.Random) -> Problem:
    """Choose the greatest or the least of four decimals with different numbers of places."""
    whole, tenth = rng.randint(0, 9), rng.randint(2, 9)
    while True:
        values = [
            whole + F(tenth, 10),
            whole + F(tenth - 1, 10) + F(rng.randint(1, 9), 100),
            whole + F(tenth - 1, 10) + F(rng.randint(1, 9), 100) + F(rng.randint(1, 9), 1000),
            whole + F(tenth, 100) + F(rng.randint(1, 9), 1000),
        ]
        if len(set(values)) == 4:
            break
    greatest = rng.random() < 0.5
    target = max(values) if greatest else min(values)
    texts = {value: _dec(value) for value in values}
    word = "greatest" if greatest else "least"
    ordered = sorted(values, reverse=greatest)
    shown = [texts[value] for value in values]
    rng.shuffle(shown)
    return _problem(
        f"Which number is the {word}: {', '.join(shown[:-1])} or {shown[-1]}?",
        choice(rng, texts[target], [texts[value] for value in values if value != target]),
        (
            "A decimal with more digits is not always greater. Compare place by place from the left.",
            "Write each number to the thousandths place so they all have 3 decimal places.",
        ),
        [
            f"Written to thousandths: {', '.join(_dec(value, 3) for value in values)}.",
            "The whole-number parts are the same, so compare the tenths, then the hundredths, then the thousandths.",
            f"From {word} on: {', '.join(texts[value] for value in ordered)}.",
            f"So the {word} number is **{texts[target]}**.",
        ],
    )


_COMPARE_CONTEXTS = (
    ("{a} jumped {x} meters. {b} jumped {y} meters. Who jumped farther?", max),
    ("{a}'s pumpkin weighs {x} kilograms. {b}'s pumpkin weighs {y} kilograms. Whose pumpkin is heavier?", max),
    ("{a} swam one lap in {x} seconds. {b} swam one lap in {y} seconds. Who swam the lap faster?", min),
    ("{a}'s plant is {x} meters tall. {b}'s plant is {y} meters tall. Whose plant is shorter?", min),
)


@template("5.NBT.A.3b")
def compare_decimals_in_context(rng: random.Random) -> Problem:
    """Decide which of two measurements, given as decimals, is larger or smaller."""
    first, second = names(rng, 2)
    left, right, left_text, right_text = _decimal_pair(rng)
    text, pick = rng.choice(_COMPARE_CONTEXTS)
    same = "They are the same."
    if left == right:
        correct = same
    else:
        correct = first if pick(left, right) == left else second
    wants = "greater" if pick is max else "smaller"
    steps = _comparison_steps(left, right, left_text, right_text)
    steps.append(
        f"The question asks for the {wants} number, so the answer is **{correct}**"
        + ("" if correct.endswith(".") else ".")
    )
    return _problem(
        text.format(a=first, b=second, x=left_text, y=right_text),
        choice(rng, correct, [option for option in (first, second, same) if option != correct]),
        (
            "Decide whether the question asks for the greater number or the smaller one.",
            "Compare the two decimals place by place, starting from the left.",
        ),
        steps,
    )


def _round(value: Fraction, places: int) -> Fraction:
    """`value` (positive) rounded half up to `places` decimal places."""
    scale = 10**places
    return F(math.floor(value * scale + F(1, 2)), scale)


_ROUND_NAMES = {0: "whole number", 1: "tenth", 2: "hundredth"}


def _rounding_steps(value: Fraction, places: int) -> list[str]:
    rounded = _round(value, places)
    kept = int(value * 10**places) % 10
    following = int(value * 10 ** (places + 1)) % 10
    place_name = _PLACE_NAMES[-places]
    if following >= 5:
        decision = f"{following} is 5 or more, so the {place_name} digit goes up by 1"
    else:
        decision = f"{following} is less than 5, so the {place_name} digit stays {kept}"
    return [
        f"The {place_name} digit of {_dec(value)} is {kept}.",
        f"The next digit to the right is {following}. {decision}, and the digits after it are dropped.",
        f"So {_dec(value)} rounded to the nearest {_ROUND_NAMES[places]} is **{_dec(rounded, places)}**.",
    ]


def _rounding_number(rng: random.Random, places: int, low: int, high: int) -> Fraction:
    """A number with 3 decimal places, often with a 5 or a 9 where rounding is tricky."""
    digits = [rng.randint(0, 9), rng.randint(0, 9), rng.randint(1, 9)]
    if rng.random() < 0.25:
        digits[places] = 5
    elif places and rng.random() < 0.25:
        digits[places - 1], digits[places] = 9, rng.randint(5, 9)
    return rng.randint(low, high) + F(digits[0] * 100 + digits[1] * 10 + digits[2], 1000)


def _rounding_wrongs(value: Fraction, places: int) -> list[Fraction]:
    scale = 10**places
    return [
        F(math.floor(value * scale), scale),
        F(math.ceil(value * scale), scale),
        *(_round(value, other) for other in range(3) if other != places),
    ]


@template("5.NBT.A.4")
def round_decimal(rng: random.Random) -> Problem:
    """Round a decimal with thousandths to the nearest whole number, tenth or hundredth."""
    places = rng.randint(0, 2)
    value = _rounding_number(rng, places, 0, 99)
    place_name = _PLACE_NAMES[-places]
    return _problem(
        f"Round {_dec(value)} to the nearest {_ROUND_NAMES[places]}.",
        _decimal_answer(_round(value, places), places=places),
        (
            f"Find the digit in the {place_name} place, then look at the digit just to its right.",
            f"If the digit to the right is five or more, the {place_name} digit goes up by one; if it is less than "
            f"five, the {place_name} digit stays the same.",
        ),
        _rounding_steps(value, places),
        wrong=_rounding_wrongs(value, places),
    )


_ROUNDING_CONTEXTS = (
    (
        "A bag of apples weighs {x} kilograms. What is its weight to the nearest tenth of a kilogram?",
        1,
        "kilograms",
        1,
        9,
    ),
    (
        "{n} ran 100 meters in {x} seconds. What is this time rounded to the nearest hundredth of a second?",
        2,
        "seconds",
        12,
        19,
    ),
    (
        "A rain gauge shows {x} inches of rain. What is this amount rounded to the nearest whole inch?",
        0,
        "inches",
        0,
        6,
    ),
    ("Gas costs ${x} per gallon. What is this price rounded to the nearest cent?", 2, "", 2, 5),
    (
        "A pencil is {x} centimeters long. What is its length to the nearest tenth of a centimeter?",
        1,
        "centimeters",
        5,
        18,
    ),
)


@template("5.NBT.A.4")
def round_decimal_in_context(rng: random.Random) -> Problem:
    """Round a measurement or a price to a given place."""
    text, places, unit, low, high = rng.choice(_ROUNDING_CONTEXTS)
    value = _rounding_number(rng, places, low, high)
    rounded = _round(value, places)
    answer = _money_answer(rounded) if not unit else _decimal_answer(rounded, unit, places=places)
    steps = _rounding_steps(value, places)
    steps[-1] = steps[-1].replace(f"**{_dec(rounded, places)}**", f"**{answer.display}**")
    if not unit:
        steps[-1] = steps[-1].replace(f"So {_dec(value)}", f"So ${_dec(value)}")
    return _problem(
        text.format(x=_dec(value), n=name(rng)),
        answer,
        (
            "Decide which place you are rounding to." + (" A cent is one hundredth of a dollar." if not unit else ""),
            "Look at the digit just to the right of that place: five or more rounds up, less than five rounds down.",
        ),
        steps,
        wrong=_rounding_wrongs(value, places),
    )


@template("5.NBT.A.4")
def which_rounds_to(rng: random.Random) -> Problem:
    """Choose the number that rounds to a given tenth."""
    tenths = rng.randint(1, 99)
    target = F(tenths + (1 if tenths % 10 == 0 else 0), 10)
    right = target + F(rng.randint(-50, 49), 1000)
    while right == target:
        right = target + F(rng.randint(-50, 49), 1000)
    wrong = [
        target + F(rng.randint(50, 94), 1000),
        target - F(rng.randint(56, 95), 1000),
        target - F(rng.randint(51, 54), 1000),
    ]
    options = [right, *wrong]
    steps = [f"{_dec(option)} rounds to {_dec(_round(option, 1), 1)}." for option in options]
    steps.append(f"So the number that rounds to {_dec(target, 1)} is **{_dec(right)}**.")
    return _problem(
        f"Which number rounds to {_dec(target, 1)} when it is rounded to the nearest tenth?",
        choice(rng, _dec(right), [_dec(option) for option in wrong]),
        (
            "Round each number: look at the hundredths digit only.",
            "Do not round in two steps (first to hundredths, then to tenths); that can give the wrong tenth.",
        ),
        steps,
    )


def _digits_of(number: int) -> list[tuple[int, int]]:
    """(digit, place value) for each nonzero digit, from the ones up: 305 -> [(5, 1), (3, 100)]."""
    return [(int(digit), 10**place) for place, digit in enumerate(reversed(str(number))) if digit != "0"]


def _multiplication_steps(a: int, b: int) -> list[str]:
    parts = _digits_of(b)
    steps = [f"Break {_int(b)} into {' + '.join(_int(d * p) for d, p in reversed(parts))}."]
    steps += [f"{_int(a)} × {_int(d * p)} = {_int(a * d * p)}" for d, p in parts]
    if len(parts) > 1:
        steps.append(f"Add the partial products: {' + '.join(_int(a * d * p) for d, p in parts)} = {_int(a * b)}.")
    return steps


def _multiplication_wrongs(a: int, b: int) -> list[int]:
    parts = _digits_of(b)
    return [sum(a * d for d, _ in parts), sum(a * d * p * p for d, p in parts), a * b + a]


@template("5.NBT.B.5")
def multiply_multi_digit(rng: random.Random) -> Problem:
    """Multiply multi-digit whole numbers (up to 4 digits by 2 digits, or 3 digits by 3 digits)."""
    shape = rng.randrange(3)
    a = rng.randint(1000, 9999) if shape == 0 else rng.randint(100, 999)
    b = rng.randint(101, 999) if shape == 2 else rng.randint(12, 99)
    if b % 10 == 0:
        b += rng.randint(1, 9)
    steps = _multiplication_steps(a, b)
    steps.append(f"So {_int(a)} × {_int(b)} = **{_int(a * b)}**.")
    return _problem(
        f"Multiply.\n\n{_int(a)} × {_int(b)}",
        _whole_answer(a * b),
        (
            "Multiply by each digit of the second number, one place at a time, then add the partial products.",
            f"When you multiply by the tens digit of {_int(b)}, you are multiplying by a number of tens, so that "
            f"partial product ends in 0.",
        ),
        steps,
        wrong=_multiplication_wrongs(a, b),
    )


# Word problems for multi-digit products: (text, unit, range of a, range of b).
_MULTIPLY_CONTEXTS = (
    (
        "A stadium has {a} sections. Each section has {b} seats. How many seats are in the stadium?",
        "seats",
        (12, 60),
        (105, 480),
    ),
    (
        "A farm packs {a} boxes of apples. Each box holds {b} apples. How many apples does the farm pack?",
        "apples",
        (105, 2500),
        (12, 96),
    ),
    (
        "A printer prints {b} pages each minute. How many pages does it print in {a} minutes?",
        "pages",
        (105, 999),
        (12, 60),
    ),
    (
        "A school district buys {a} packs of pencils. Each pack has {b} pencils. How many pencils does the district "
        "buy?",
        "pencils",
        (105, 2500),
        (12, 48),
    ),
    ("{n} reads {b} pages every week. How many pages does {n} read in {a} weeks?", "pages", (12, 52), (105, 480)),
)


@template("5.NBT.B.5")
def multiply_word_problem(rng: random.Random) -> Problem:
    """Solve a word problem by multiplying multi-digit whole numbers."""
    text, unit, a_range, b_range = rng.choice(_MULTIPLY_CONTEXTS)
    a, b = rng.randint(*a_range), rng.randint(*b_range)
    if min(a, b) % 10 == 0:
        a, b = (a + 1, b) if a < b else (a, b + 1)
    big, small = max(a, b), min(a, b)
    steps = [f"Multiply: {_int(big)} × {small}.", *_multiplication_steps(big, small)]
    steps.append(f"So the answer is **{_int(a * b)} {unit}**.")
    return _problem(
        text.format(a=_int(a), b=_int(b), n=name(rng)),
        _whole_answer(a * b, unit),
        (
            "Equal groups of the same size are put together, so multiply.",
            "Multiply by the ones digit, then by the tens, and add the partial products.",
        ),
        steps,
        wrong=[*_multiplication_wrongs(big, small), a + b],
    )


def _division_numbers(rng: random.Random) -> tuple[int, int]:
    """A two-digit divisor and a whole quotient whose dividend has at most 4 digits, sometimes with a 0 inside."""
    divisor = rng.randint(11, 99)
    quotient = rng.randint(12, 9999 // divisor)
    if quotient >= 100 and rng.random() < 0.3:
        quotient -= (quotient // 10 % 10) * 10
    return divisor, quotient


def _division_steps(dividend: int, divisor: int) -> list[str]:
    """Partial quotients by place, then the check."""
    quotient, left, steps, chunks = dividend // divisor, dividend, [], []
    for place in reversed(range(len(str(quotient)))):
        chunk = (quotient // 10**place % 10) * 10**place
        if chunk:
            chunks.append(chunk)
            steps.append(
                f"Take {_int(chunk)} groups of {divisor}: {divisor} × {_int(chunk)} = "
                f"{_int(divisor * chunk)}, and {_int(left)} − {_int(divisor * chunk)} = "
                f"{_int(left - divisor * chunk)} is left."
            )
            left -= divisor * chunk
    if len(chunks) > 1:
        steps.append(f"Add the groups: {' + '.join(_int(chunk) for chunk in chunks)} = {_int(quotient)}.")
    steps.append(
        f"Check: {_int(quotient)} × {divisor} = {_int(quotient * divisor)}"
        + (f", and {left} is left over." if left else ".")
    )
    return steps


def _division_wrongs(quotient: int) -> list[int]:
    squeezed = int(str(quotient).replace("0", "")) if "0" in str(quotient) else None
    return [squeezed, quotient + 1, quotient - 1, quotient * 10]


@template("5.NBT.B.6")
def divide_by_two_digits(rng: random.Random) -> Problem:
    """Divide a dividend of up to 4 digits by a two-digit divisor."""
    divisor, quotient = _division_numbers(rng)
    dividend = divisor * quotient
    steps = _division_steps(dividend, divisor)
    steps.append(f"So {_int(dividend)} ÷ {divisor} = **{_int(quotient)}**.")
    return _problem(
        f"Divide.\n\n{_int(dividend)} ÷ {divisor}",
        _whole_answer(quotient),
        (
            "Think: how many groups of the divisor fit in the dividend? Start with hundreds of groups, then tens, "
            "then ones.",
            f"Use easy facts such as {divisor} × 10 = {divisor * 10} and {divisor} × 100 = {_int(divisor * 100)}.",
        ),
        steps,
        wrong=_division_wrongs(quotient),
    )


_DIVIDE_CONTEXTS = (
    ("{n} packs {total} books into boxes. Each box holds {size} books. How many boxes does {n} fill?", "boxes"),
    ("A school sets up {total} chairs in rows of {size}. How many rows are there?", "rows"),
    ("A farmer plants {total} seeds in {size} equal rows. How many seeds are in each row?", "seeds"),
    ("A factory puts {total} crayons into boxes of {size}. How many boxes does it fill?", "boxes"),
    ("{total} runners are split into {size} equal teams. How many runners are on each team?", "runners"),
)


@template("5.NBT.B.6")
def division_word_problem(rng: random.Random) -> Problem:
    """Solve a sharing or grouping word problem with a two-digit divisor."""
    divisor, quotient = _division_numbers(rng)
    dividend = divisor * quotient
    text, unit = rng.choice(_DIVIDE_CONTEXTS)
    steps = [f"Divide: {_int(dividend)} ÷ {divisor}.", *_division_steps(dividend, divisor)]
    steps.append(f"So the answer is **{_int(quotient)} {unit}**.")
    return _problem(
        text.format(n=name(rng), total=_int(dividend), size=divisor),
        _whole_answer(quotient, unit),
        (
            "A total is split into equal groups, so divide.",
            f"Find how many groups of {divisor} fit in {_int(dividend)}: hundreds first, then tens, then ones.",
        ),
        steps,
        wrong=_division_wrongs(quotient),
    )


_REMAINDER_CONTEXTS = (
    (
        "{total} students are going on a trip. Each bus holds {size} students. How many buses are needed so that "
        "every student has a seat?",
        "up",
        "buses",
    ),
    (
        "{n} puts {total} stickers in an album, {size} stickers on each page. How many pages can {n} fill completely?",
        "down",
        "pages",
    ),
    (
        "A bakery packs {total} muffins in boxes of {size}. After filling as many boxes as it can, how many muffins "
        "are left over?",
        "left",
        "muffins",
    ),
)


@template("5.NBT.B.6", difficulty=STRETCH)
def division_with_remainder(rng: random.Random) -> Problem:
    """Divide with a remainder and decide what the remainder means in the story."""
    divisor = rng.randint(12, 60)
    quotient, left = rng.randint(3, 9999 // divisor - 1), rng.randint(1, divisor - 1)
    dividend = divisor * quotient + left
    text, meaning, unit = rng.choice(_REMAINDER_CONTEXTS)
    value = {"up": quotient + 1, "down": quotient, "left": left}[meaning]
    reason = {
        "up": f"The {left} students left over still need a bus, so one more bus is needed",
        "down": f"The {left} stickers left over do not fill a page",
        "left": "The question asks for the remainder",
    }[meaning]
    steps = [
        f"Divide: {_int(dividend)} ÷ {divisor}.",
        *_division_steps(dividend, divisor),
        f"{_int(dividend)} ÷ {divisor} = {_int(quotient)} R {left}.",
        f"{reason}.",
        f"So the answer is **{_int(value)} {unit}**.",
    ]
    return _problem(
        text.format(n=name(rng), total=_int(dividend), size=divisor),
        _whole_answer(value, unit),
        (
            "Divide, then think about what the remainder means in the story.",
            "Ask yourself: do the ones left over need one more group, get left out, or are they the answer?",
        ),
        steps,
        wrong=[quotient, quotient + 1, left],
    )


def _random_decimal(rng: random.Random, places: int, low: int, high: int) -> Fraction:
    """A number from low to high with exactly `places` decimal places (its last digit is not 0)."""
    while True:
        value = F(rng.randint(low * 10**places, high * 10**places), 10**places)
        if places == 0 or (value * 10**places) % 10:
            return value


def _misaligned(a: Fraction, b: Fraction, add: bool) -> Fraction | None:
    """The slip of lining up the last digits instead of the decimal points."""
    places = max(len(_dec(value).partition(".")[2]) for value in (a, b))
    digits_a, digits_b = (int(_dec(value).replace(".", "").replace(",", "")) for value in (a, b))
    result = digits_a + digits_b if add else digits_a - digits_b
    return F(result, 10**places) if result >= 0 else None


def _digitwise(a: Fraction, b: Fraction, add: bool) -> Fraction:
    """The slip of working each place on its own: adding without regrouping, or subtracting the smaller digit
    from the larger."""
    left, right = str(int(a * 100)), str(int(b * 100))
    width = max(len(left), len(right))
    left, right = left.zfill(width), right.zfill(width)
    digits = [(int(x) + int(y)) % 10 if add else abs(int(x) - int(y)) for x, y in zip(left, right)]
    return F(int("".join(map(str, digits))), 100)


@template("5.NBT.B.7")
def add_subtract_decimals(rng: random.Random) -> Problem:
    """Add or subtract decimals to hundredths with different numbers of decimal places."""
    places_a, places_b = rng.choice(((1, 2), (2, 1), (0, 2), (2, 0), (0, 1), (1, 2), (2, 2)))
    add = rng.random() < 0.5
    while True:
        a, b = _random_decimal(rng, places_a, 1, 60), _random_decimal(rng, places_b, 1, 40)
        if a != b:
            break
    if not add and a < b:
        a, b = b, a
    value = a + b if add else a - b
    sign = "+" if add else "−"
    return _problem(
        f"Find {_dec(a)} {sign} {_dec(b)}.",
        _decimal_answer(value),
        (
            "Line up the decimal points, not the last digits.",
            "Write zeros so both numbers have hundredths, then " + ("add" if add else "subtract") + " as with whole "
            "numbers, regrouping when you need to.",
        ),
        [
            f"Write both numbers to hundredths: {_dec(a, 2)} and {_dec(b, 2)}.",
            f"{'Add' if add else 'Subtract'} place by place with the decimal points lined up: {_dec(a, 2)} {sign} "
            f"{_dec(b, 2)} = {_dec(value, 2)}.",
            f"So {_dec(a)} {sign} {_dec(b)} = **{_dec(value)}**.",
        ],
        wrong=(_misaligned(a, b, add), _digitwise(a, b, add), value * 10 if add else a + b),
    )


def _decimal_places(value: Fraction) -> int:
    return len(decimal_text(value).partition(".")[2])


@template("5.NBT.B.7")
def multiply_decimals(rng: random.Random) -> Problem:
    """Multiply decimals with a product to hundredths."""
    kind = rng.randrange(3)
    if kind == 0:
        a, b = _random_decimal(rng, 1, 0, 4), F(rng.randint(1, 9), 10)
    elif kind == 1:
        a, b = F(rng.randint(2, 9)), _random_decimal(rng, 2, 1, 9)
    else:
        a, b = F(rng.randint(2, 19)), _random_decimal(rng, 1, 1, 9)
    if rng.random() < 0.5:
        a, b = b, a
    value = a * b
    whole_a, whole_b = (int(x * 10 ** _decimal_places(x)) for x in (a, b))
    places = _decimal_places(a) + _decimal_places(b)
    return _problem(
        f"Find {_dec(a)} × {_dec(b)}.",
        _decimal_answer(value),
        (
            "Multiply as if there were no decimal points, then place the decimal point.",
            "The product has as many decimal places as the two factors have together. Check with an estimate.",
        ),
        [
            f"Multiply the digits as whole numbers: {whole_a} × {whole_b} = {whole_a * whole_b}.",
            f"The factors have {_decimal_places(a)} + {_decimal_places(b)} = {places} decimal place"
            f"{'s' if places != 1 else ''} in all, so the product has {_places(places)} after the point: "
            f"{_dec(value, places)}.",
            f"So {_dec(a)} × {_dec(b)} = **{_dec(value)}**.",
        ],
        wrong=(value * 10, value / 10, value * 100),
    )


@template("5.NBT.B.7")
def divide_decimals(rng: random.Random) -> Problem:
    """Divide decimals with a quotient to hundredths."""
    kind = rng.randrange(3)
    if kind == 0:
        quotient, divisor = _random_decimal(rng, 2, 0, 4), F(rng.randint(2, 9))
        if quotient < 1:
            quotient += 1
        steps = [
            f"Think of {_dec(quotient * divisor)} as {_int(quotient * divisor * 100)} hundredths.",
            f"{_int(quotient * divisor * 100)} hundredths ÷ {divisor} = {_int(quotient * 100)} hundredths = "
            f"{_dec(quotient)}.",
        ]
    else:
        scale = 10 if kind == 1 else 100
        quotient, divisor = F(rng.randint(2, 12)), F(rng.randint(2, 9), scale)
        dividend = quotient * divisor
        steps = [
            f"Ask: how many {_dec(divisor)}s are in {_dec(dividend)}?",
            f"Multiply both numbers by {scale}; the quotient stays the same: {_dec(dividend * scale)} ÷ "
            f"{_dec(divisor * scale)} = {quotient}.",
        ]
    dividend = quotient * divisor
    steps.append(
        f"Check: {_dec(quotient)} × {_dec(divisor)} = {_dec(dividend)}. So {_dec(dividend)} ÷ "
        f"{_dec(divisor)} = **{_dec(quotient)}**."
    )
    return _problem(
        f"Find {_dec(dividend)} ÷ {_dec(divisor)}.",
        _decimal_answer(quotient),
        (
            "Use the link between multiplication and division: what times the divisor gives the dividend?",
            "Estimate first so you know about how big the quotient should be.",
        ),
        steps,
        wrong=(quotient * 10, quotient / 10, dividend * divisor),
    )


@template("5.NBT.B.7")
def decimal_money_problem(rng: random.Random) -> Problem:
    """Solve a money word problem with decimals: a total cost, change, or an equal share."""
    who = name(rng)
    kind = rng.randrange(3)
    if kind == 0:
        item, price, count = (
            rng.choice(("notebook", "sandwich", "poster")),
            _random_decimal(rng, 2, 1, 9),
            rng.randint(2, 6),
        )
        value = price * count
        text = f"A {item} costs {_money(price)}. {who} buys {count} of them. How much does {who} spend?"
        steps = [
            f"Multiply the price by the number bought: {_money(price)} × {count}.",
            f"{_dec(price, 2)} × {count} = {_dec(value, 2)}.",
        ]
        wrong = (price + count, value / 10, value * 10)
    elif kind == 1:
        first, second = _random_decimal(rng, 2, 3, 14), _random_decimal(rng, 2, 0, 2) + 1
        paid = rng.choice((20, 50))
        value = paid - first - second
        text = (
            f"{who} buys a book for {_money(first)} and a pen for {_money(second)}. {who} pays with a "
            f"${paid} bill. How much change does {who} get?"
        )
        steps = [
            f"Add the two prices: {_money(first)} + {_money(second)} = {_money(first + second)}.",
            f"Subtract from the money paid: {_money(paid)} − {_money(first + second)} = {_money(value)}.",
        ]
        wrong = (first + second, paid - first, _digitwise(F(paid), first + second, False))
    else:
        share, people = _random_decimal(rng, 2, 2, 15), rng.randint(2, 5)
        value, total = share, share * people
        text = (
            f"{who} and {people - 1} friend{'s' if people > 2 else ''} share {_money(total)} equally. How "
            f"much money does each person get?"
        )
        steps = [
            f"There are {people} people in all, so divide by {people}.",
            f"{_money(total)} ÷ {people} = {_money(share)}. Check: {_money(share)} × {people} = {_money(total)}.",
        ]
        wrong = (total / (people - 1), total - people, share * 10)
    steps.append(f"So the answer is **{_money(value)}**.")
    return _problem(
        text,
        _money_answer(value),
        (
            "Decide which operation the story needs.",
            "Line up the decimal points, and write cents with 2 decimal places.",
        ),
        steps,
        wrong=wrong,
    )


# ---------------------------------------------------------------------------------------------------------
# 5.NF: fractions

_DENOMINATORS = (2, 3, 4, 5, 6, 8, 10, 12)


def _unlike_denominators(rng: random.Random) -> tuple[int, int]:
    while True:
        first, second = rng.sample(_DENOMINATORS, 2)
        if math.lcm(first, second) <= 24:
            return first, second


def _fraction(rng: random.Random, denominator: int, *, top: int | None = None) -> Fraction:
    """A fraction in lowest terms with this denominator, numerator from 1 to `top` (default denominator − 1)."""
    numerators = [n for n in range(1, (top or denominator - 1) + 1) if math.gcd(n, denominator) == 1]
    return F(rng.choice(numerators), denominator)


def _frac(value: Fraction) -> str:
    """A fraction as written in a problem: "5/4" stays improper, a whole number is plain."""
    return number_text(F(value))


def _mixed_over(value: Fraction, denominator: int) -> str:
    """A mixed number with a chosen denominator, unsimplified: "2 9/12"."""
    whole, rest = divmod(value * denominator, denominator)
    rest = int(rest)
    if not rest:
        return str(int(whole))
    return f"{int(whole)} {rest}/{denominator}" if whole else f"{rest}/{denominator}"


def _rewrite_step(pairs: list[tuple[str, str]], common: int) -> str:
    """ "Rewrite: 3/2 = 12/8. (3/8 already has denominator 8.)" — only the numbers that change are rewritten."""
    changed = [f"{before} = {after}" for before, after in pairs if before != after]
    kept = [before for before, after in pairs if before == after]
    return f"Rewrite: {' and '.join(changed)}." + (f" ({kept[0]} already has denominator {common}.)" if kept else "")


def _add_sub_steps(x: Fraction, y: Fraction, add: bool, *, as_mixed: bool) -> list[str]:
    """Steps for x ± y through a common denominator; mixed numbers are worked as wholes and parts, with regrouping
    when a difference needs it."""
    common = math.lcm(x.denominator, y.denominator)
    sign = "+" if add else "−"
    result = x + y if add else x - y
    shown = (lambda value: mixed(value)) if as_mixed else _frac
    if x.denominator == y.denominator:
        steps = [f"The fractions already have the same denominator, {common}."]
    else:
        steps = [f"Use a common denominator: {common} is a multiple of both {x.denominator} and {y.denominator}."]
    if not as_mixed:
        top_x, top_y = int(x * common), int(y * common)
        top = top_x + top_y if add else top_x - top_y
        if x.denominator != y.denominator:
            steps.append(_rewrite_step([(shown(x), frac(top_x, common)), (shown(y), frac(top_y, common))], common))
        line = f"{frac(top_x, common)} {sign} {frac(top_y, common)} = {frac(top, common)}"
        if F(top, common) != F(top, common).numerator or top >= common or math.gcd(top, common) > 1:
            line += f" = {mixed(result)}" if frac(top, common) != mixed(result) else ""
        steps.append(line + ".")
        return steps
    whole_x, whole_y = math.floor(x), math.floor(y)
    part_x, part_y = int((x - whole_x) * common), int((y - whole_y) * common)
    if x.denominator != y.denominator:
        steps.append(_rewrite_step([(mixed(x), _mixed_over(x, common)), (mixed(y), _mixed_over(y, common))], common))
    if add:
        parts, wholes = part_x + part_y, whole_x + whole_y
        steps.append(
            f"Add the whole numbers: {whole_x} + {whole_y} = {wholes}. Add the fractions: "
            f"{frac(part_x, common)} + {frac(part_y, common)} = {frac(parts, common)}."
        )
        if parts >= common:
            steps.append(
                f"{frac(parts, common)} = {_mixed_over(F(parts, common), common)}, so the sum is {wholes} + "
                f"{_mixed_over(F(parts, common), common)} = {_mixed_over(result, common)}."
            )
    else:
        if part_x < part_y:
            steps.append(
                f"{frac(part_x, common)} is less than {frac(part_y, common)}, so regroup 1 whole as "
                f"{frac(common, common)}: {_mixed_over(x, common)} = {whole_x - 1} "
                f"{frac(part_x + common, common)}."
            )
            whole_x, part_x = whole_x - 1, part_x + common
        steps.append(
            f"Subtract the whole numbers: {whole_x} − {whole_y} = {whole_x - whole_y}. Subtract the "
            f"fractions: {frac(part_x, common)} − {frac(part_y, common)} = "
            f"{frac(part_x - part_y, common)}."
        )
    if _mixed_over(result, common) != mixed(result):
        steps.append(f"Simplify: {_mixed_over(result, common)} = {mixed(result)}.")
    return steps


@template("5.NF.A.1")
def add_unlike_fractions(rng: random.Random) -> Problem:
    """Add two fractions with unlike denominators."""
    b, d = _unlike_denominators(rng)
    x = _fraction(rng, b)
    y = _fraction(rng, d, top=2 * d - 1 if rng.random() < 0.3 else None)
    common, value = math.lcm(b, d), x + y
    steps = _add_sub_steps(x, y, True, as_mixed=False)
    steps.append(f"So {_frac(x)} + {_frac(y)} = **{mixed(value)}**.")
    return _problem(
        f"Find {_frac(x)} + {_frac(y)}.",
        _fraction_answer(value),
        (
            "You can only add parts of the same size. Rewrite both fractions with a common denominator.",
            f"Both {b} and {d} divide {common}, so use {common} as the denominator.",
        ),
        steps,
        wrong=(
            F(x.numerator + y.numerator, b + d),
            F(x.numerator + y.numerator, common),
            F(x.numerator + y.numerator, b * d),
        ),
    )


@template("5.NF.A.1")
def subtract_unlike_fractions(rng: random.Random) -> Problem:
    """Subtract two fractions with unlike denominators."""
    b, d = _unlike_denominators(rng)
    x, y = _fraction(rng, b), _fraction(rng, d)
    while x == y:
        y = _fraction(rng, d)
    if x < y:
        (x, b), (y, d) = (y, d), (x, b)
    common, value = math.lcm(b, d), x - y
    steps = _add_sub_steps(x, y, False, as_mixed=False)
    steps.append(f"So {_frac(x)} − {_frac(y)} = **{mixed(value)}**.")
    wrong = [F(abs(x.numerator - y.numerator), common), F(x.numerator * d - y.numerator * b, b + d)]
    if b > d and x.numerator > y.numerator:
        wrong.insert(0, F(x.numerator - y.numerator, b - d))
    return _problem(
        f"Find {_frac(x)} − {_frac(y)}.",
        _fraction_answer(value),
        (
            "You can only subtract parts of the same size. Rewrite both fractions with a common denominator.",
            f"Both {b} and {d} divide {common}, so use {common} as the denominator.",
        ),
        steps,
        wrong=wrong,
    )


@template("5.NF.A.1")
def add_subtract_mixed_numbers(rng: random.Random) -> Problem:
    """Add or subtract mixed numbers with unlike denominators, regrouping when needed."""
    b, d = _unlike_denominators(rng)
    part_x, part_y = _fraction(rng, b), _fraction(rng, d)
    add = rng.random() < 0.5
    if add:
        x, y = rng.randint(1, 5) + part_x, rng.randint(1, 4) + part_y
        value = x + y
        wrong = [
            math.floor(x) + math.floor(y) + F(part_x.numerator + part_y.numerator, b + d),
            value - 1 if part_x + part_y >= 1 else None,
            value + 1,
        ]
    else:
        whole_y = rng.randint(1, 4)
        if part_x >= part_y and rng.random() < 0.7:
            part_x, part_y = part_y, part_x
            b, d = d, b
        if part_x == part_y:
            part_x = 1 - part_x if part_x != F(1, 2) else F(1, 4)
        x, y = whole_y + rng.randint(1, 3) + part_x, whole_y + part_y
        value = x - y
        wrong = [math.floor(x) - math.floor(y) + abs(part_x - part_y), value + 1, x + y]
    sign = "+" if add else "−"
    steps = _add_sub_steps(x, y, add, as_mixed=True)
    steps.append(f"So {mixed(x)} {sign} {mixed(y)} = **{mixed(value)}**.")
    return _problem(
        f"Find {mixed(x)} {sign} {mixed(y)}.",
        _fraction_answer(value),
        (
            "Rewrite the fraction parts with a common denominator first.",
            "Work with the whole numbers and the fractions separately. "
            + (
                "If the fractions add up to more than 1, carry a whole."
                if add
                else "If the first fraction is smaller than the second, regroup 1 whole into a fraction first."
            ),
        ),
        steps,
        wrong=wrong,
    )


@template("5.NF.A.1")
def rewrite_with_like_denominators(rng: random.Random) -> Problem:
    """Choose how a sum or difference is rewritten with equivalent fractions of like denominators."""
    b, d = _unlike_denominators(rng)
    x, y = _fraction(rng, b), _fraction(rng, d)
    add = rng.random() < 0.5 or x <= y
    sign = "+" if add else "−"
    common = math.lcm(b, d)
    a, c, top_x, top_y = x.numerator, y.numerator, int(x * common), int(y * common)

    def worth(first: Fraction, second: Fraction) -> Fraction:
        return first + second if add else first - second

    right = f"{frac(top_x, common)} {sign} {frac(top_y, common)}"
    candidates = [
        (worth(F(a, common), F(c, common)), f"{frac(a, common)} {sign} {frac(c, common)}"),
        (worth(F(top_x, common), F(c, common)), f"{frac(top_x, common)} {sign} {frac(c, common)}"),
        (worth(F(a, common), F(top_y, common)), f"{frac(a, common)} {sign} {frac(top_y, common)}"),
        (worth(F(a, b + d), F(c, b + d)), f"{frac(a, b + d)} {sign} {frac(c, b + d)}"),
    ]
    seen, wrong = {worth(x, y)}, []
    for value, text_value in candidates:
        if value not in seen:
            seen.add(value)
            wrong.append(text_value)
    return _problem(
        f"Which shows {_frac(x)} {sign} {_frac(y)} rewritten with like denominators, without changing its value?",
        choice(rng, right, wrong[:3]),
        (
            "An equivalent fraction multiplies the numerator and the denominator by the same number.",
            f"Find a common denominator of {b} and {d}, then change each numerator to match.",
        ),
        [
            f"{common} is a multiple of both {b} and {d}.",
            f"{_frac(x)} = {frac(a, b)} × {common // b}/{common // b} = {frac(top_x, common)}, and {_frac(y)} = "
            f"{frac(c, d)} × {common // d}/{common // d} = {frac(top_y, common)}.",
            f"So {_frac(x)} {sign} {_frac(y)} = **{right}**.",
        ],
    )


_ADD_CONTEXTS = (
    ("{n} walked {x} to the park. Then {n} walked {y} to the library. How far did {n} walk in all?", ("mile", "miles")),
    (
        "{n} used {x} of flour for muffins and {y} of flour for bread. How much flour did {n} use in all?",
        ("cup", "cups"),
    ),
    (
        "A bean plant grew {x} one week and {y} the next week. How much did it grow in the two weeks?",
        ("inch", "inches"),
    ),
)

_SUBTRACT_CONTEXTS = (
    ("{n} had {x} of clay. {n} used {y} of it to make a bowl. How much clay is left?", ("pound", "pounds")),
    ("A ribbon is {x} long. {n} cuts off {y}. How long is the piece that is left?", ("yard", "yards")),
    ("{n} ran {x}. {m} ran {y}. How much farther did {n} run than {m}?", ("mile", "miles")),
    ("A jug holds {x} of juice. {n} pours out {y}. How much juice is left in the jug?", ("liter", "liters")),
)


def _word_problem_numbers(rng: random.Random, add: bool) -> tuple[Fraction, Fraction]:
    b, d = _unlike_denominators(rng)
    x, y = _fraction(rng, b), _fraction(rng, d)
    if rng.random() < 0.5:
        x += rng.randint(1, 3)
    if not add and x <= y:
        x += 1
    return x, y


@template("5.NF.A.2")
def fraction_addition_problem(rng: random.Random) -> Problem:
    """Solve a word problem by adding fractions or mixed numbers with unlike denominators."""
    x, y = _word_problem_numbers(rng, True)
    text, (one, many) = rng.choice(_ADD_CONTEXTS)
    value = x + y
    steps = ["Add the two amounts.", *_add_sub_steps(x, y, True, as_mixed=x > 1)]
    steps.append(f"So the answer is **{_qty(value, one, many)}**.")
    return _problem(
        text.format(n=name(rng), x=_qty(x, one, many), y=_qty(y, one, many)),
        _fraction_answer(value, one if value <= 1 else many),
        (
            "The two amounts are put together, so add.",
            f"Rewrite the fractions with a common denominator of {x.denominator} and {y.denominator}.",
        ),
        steps,
        wrong=(math.floor(x) + F(x.numerator % x.denominator + y.numerator, x.denominator + y.denominator), abs(x - y)),
    )


@template("5.NF.A.2")
def fraction_subtraction_problem(rng: random.Random) -> Problem:
    """Solve a word problem by subtracting fractions or mixed numbers with unlike denominators."""
    x, y = _word_problem_numbers(rng, False)
    text, (one, many) = rng.choice(_SUBTRACT_CONTEXTS)
    first, second = names(rng, 2)
    value = x - y
    steps = ["Subtract the smaller amount from the larger.", *_add_sub_steps(x, y, False, as_mixed=x > 1)]
    steps.append(f"So the answer is **{_qty(value, one, many)}**.")
    return _problem(
        text.format(n=first, m=second, x=_qty(x, one, many), y=_qty(y, one, many)),
        _fraction_answer(value, one if value <= 1 else many),
        (
            "The story asks how much is left or how much more, so subtract.",
            f"Rewrite the fractions with a common denominator of {x.denominator} and {y.denominator}.",
        ),
        steps,
        wrong=(
            x + y,
            math.floor(x) + abs((x - math.floor(x)) - y),
            math.floor(x) + F(abs((x % 1).numerator - y.numerator), abs((x % 1).denominator - y.denominator)),
        ),
    )


_BENCHMARK_NEAR = {
    F(0): (F(1, 8), F(1, 10), F(1, 12)),
    F(1, 2): (F(3, 8), F(5, 8), F(2, 5), F(3, 5), F(5, 12), F(7, 12), F(4, 9), F(5, 9)),
    F(1): (F(7, 8), F(9, 10), F(11, 12), F(5, 6), F(8, 9)),
}
_BENCHMARK_ANSWERS = (F(1, 2), F(1), F(3, 2), F(2))


@template("5.NF.A.2")
def estimate_with_benchmarks(rng: random.Random) -> Problem:
    """Estimate a sum of fractions with the benchmarks 0, 1/2 and 1."""
    while True:
        first, second = rng.choice(list(_BENCHMARK_NEAR)), rng.choice(list(_BENCHMARK_NEAR))
        x, y = rng.choice(_BENCHMARK_NEAR[first]), rng.choice(_BENCHMARK_NEAR[second])
        estimate = first + second
        if estimate in _BENCHMARK_ANSWERS and x.denominator != y.denominator and abs(x + y - estimate) < F(3, 16):
            break
    options = [mixed(value) for value in _BENCHMARK_ANSWERS]

    def near(value: Fraction, benchmark: Fraction) -> str:
        return f"{_frac(value)} is close to {mixed(benchmark)}"

    return _problem(
        f"Without finding the exact answer, estimate {_frac(x)} + {_frac(y)}. Which number is the sum closest to?",
        choice(rng, mixed(estimate), options, keep_order=True),
        (
            "Decide which benchmark each fraction is near: zero, one half or one whole.",
            "Compare each numerator with its denominator: is the numerator about half of the denominator, almost all "
            "of it, or very small?",
        ),
        [
            f"{near(x, first)}, and {near(y, second)}.",
            f"Add the benchmarks: {mixed(first)} + {mixed(second)} = {mixed(estimate)}.",
            f"So the sum is closest to **{mixed(estimate)}**.",
        ],
    )


@template("5.NF.A.2")
def spot_unreasonable_sum(rng: random.Random) -> Problem:
    """Explain with number sense why adding numerators and denominators gives an unreasonable sum."""
    b, d = _unlike_denominators(rng)
    x, y = _fraction(rng, b), _fraction(rng, d)
    claimed = frac(x.numerator + y.numerator, b + d)
    larger, smaller = max(x, y), min(x, y)
    right = (
        f"{claimed} is less than {_frac(larger)}, but adding {_frac(smaller)} to {_frac(larger)} must give "
        f"more than {_frac(larger)}."
    )
    wrong = [
        f"{claimed} is greater than 1, but the sum must be less than 1.",
        "The sum of two fractions must be less than each of the two fractions.",
        "Fractions with different denominators cannot be added.",
    ]
    who = name(rng)
    return _problem(
        f"{who} says {_frac(x)} + {_frac(y)} = {claimed}. Without finding the exact sum, how can you tell that "
        f"{who}'s answer is wrong?",
        choice(rng, right, wrong),
        (
            "When you add a positive amount to a number, the sum is more than that number.",
            f"Is {claimed} more or less than the larger fraction, {_frac(larger)}?",
        ),
        [
            f"The sum {_frac(x)} + {_frac(y)} must be more than each fraction, so it is more than {_frac(larger)}.",
            f"But {claimed} is less than {_frac(larger)} (compare them with a common denominator).",
            f"So {who}'s answer cannot be right: **{right}**",
        ],
    )


@template("5.NF.B.3")
def division_as_fraction(rng: random.Random) -> Problem:
    """Write a whole-number division as a fraction or mixed number."""
    divisor = rng.randint(2, 12)
    dividend = rng.randint(1, 30)
    while dividend % divisor == 0:
        dividend = rng.randint(1, 30)
    value = F(dividend, divisor)
    quotient, left = divmod(dividend, divisor)
    steps = [
        f"{dividend} ÷ {divisor} means {dividend} shared into {divisor} equal parts, which is "
        f"{frac(dividend, divisor)}."
    ]
    if value > 1 or math.gcd(dividend, divisor) > 1:
        steps.append(f"{frac(dividend, divisor)} = {mixed(value)}.")
    steps.append(f"So {dividend} ÷ {divisor} = **{mixed(value)}**.")
    return _problem(
        f"Write {dividend} ÷ {divisor} as a fraction or a mixed number.",
        _fraction_answer(value),
        (
            "A fraction a/b means a divided by b.",
            "The number being divided goes on top; the number you divide by goes on the bottom.",
        ),
        steps,
        wrong=(F(divisor, dividend), quotient if quotient else None, quotient + F(left, 10) if left < 10 else None),
    )


_SHARE_CONTEXTS = (
    (
        "{p} friends share a {w}-pound bag of rice equally by weight. How many pounds of rice does each friend get?",
        ("pound", "pounds"),
    ),
    ("{p} students share {w} pizzas equally. How much pizza does each student get?", ("pizza", "pizzas")),
    ("A rope {w} feet long is cut into {p} pieces of equal length. How long is each piece?", ("foot", "feet")),
    ("{w} liters of juice are poured equally into {p} bottles. How much juice is in each bottle?", ("liter", "liters")),
)


def _sharing(rng: random.Random) -> tuple[str, tuple[str, str], int, int]:
    text, unit = rng.choice(_SHARE_CONTEXTS)
    people = rng.randint(3, 12)
    total = rng.randint(people + 1, 60)
    while total % people == 0:
        total = rng.randint(people + 1, 60)
    return text.format(p=people, w=total), unit, total, people


@template("5.NF.B.3")
def sharing_as_fraction(rng: random.Random) -> Problem:
    """Solve an equal-sharing problem whose answer is a fraction or mixed number."""
    text, (one, many), total, people = _sharing(rng)
    value = F(total, people)
    quotient, left = divmod(total, people)
    return _problem(
        f"{text} Write your answer as a fraction or a mixed number.",
        _fraction_answer(value, one if value <= 1 else many),
        (
            "Equal sharing is division. The amount shared is divided by the number of shares.",
            f"The answer is {total} ÷ {people}, which can be written as a fraction.",
        ),
        [
            f"Divide the amount by the number of shares: {total} ÷ {people} = {frac(total, people)}.",
            f"{people} × {quotient} = {people * quotient}, with {left} left over, so {frac(total, people)} = "
            f"{mixed(value)}.",
            f"So each share is **{_qty(value, one, many)}**.",
        ],
        wrong=(F(people, total), quotient, quotient + F(left, total)),
    )


@template("5.NF.B.3")
def sharing_between_whole_numbers(rng: random.Random) -> Problem:
    """Decide between which two whole numbers the answer to a sharing problem lies."""
    text, (one, many), total, people = _sharing(rng)
    quotient = total // people
    right = f"{quotient} and {quotient + 1}"
    candidates = [
        f"{quotient - 1} and {quotient}",
        f"{quotient + 1} and {quotient + 2}",
        "0 and 1",
        f"{people - 1} and {people}",
    ]
    wrong = [option for option in dict.fromkeys(candidates) if option != right][:3]
    return _problem(
        f"{text} Between which two whole numbers is the answer?",
        choice(rng, right, wrong),
        (
            "Equal sharing is division: the amount shared divided by the number of shares.",
            f"Find the multiples of {people} just below and just above {total}.",
        ),
        [
            f"Each share is {total} ÷ {people} = {frac(total, people)} {many}.",
            f"{people} × {quotient} = {people * quotient} and {people} × {quotient + 1} = {people * (quotient + 1)}, "
            f"and {total} is between them.",
            f"So the answer is between **{right}**.",
        ],
    )


def _product_steps(x: Fraction, y: Fraction, x_text: str, y_text: str) -> list[str]:
    """Steps for x × y with fractions, whole numbers or mixed numbers: improper fractions, then numerators times
    numerators and denominators times denominators, then simplify."""
    steps = []
    mixed_ones = [(text_value, value) for text_value, value in ((x_text, x), (y_text, y)) if " " in text_value]
    if mixed_ones:
        steps.append(
            "Write each mixed number as a fraction: "
            + ", ".join(f"{text_value} = {_frac(value)}" for text_value, value in mixed_ones)
            + "."
        )
    top, bottom = x.numerator * y.numerator, x.denominator * y.denominator
    line = (
        f"Multiply the numerators and the denominators: {_frac(x)} × {_frac(y)} = "
        f"{x.numerator} × {y.numerator} / ({x.denominator} × {y.denominator}) = {frac(top, bottom)}"
    )
    if bottom == 1:
        line = f"Multiply: {_frac(x)} × {_frac(y)} = {top}"
    elif frac(top, bottom) != mixed(x * y):
        line += f" = {mixed(x * y)}"
    steps.append(line + ".")
    return steps


def _fraction_whole_steps(x: Fraction, whole: int) -> list[str]:
    a, b = x.numerator, x.denominator
    steps = [
        f"{_frac(x)} × {whole} means {a} of the {b} equal parts of {whole}: multiply by {a}, then divide by {b}.",
        f"{a} × {whole} = {a * whole}, and {a * whole} ÷ {b} = {frac(a * whole, b)}.",
    ]
    if frac(a * whole, b) != mixed(x * whole):
        steps.append(f"{frac(a * whole, b)} = {mixed(x * whole)}.")
    return steps


@template("5.NF.B.4a")
def fraction_times_whole(rng: random.Random) -> Problem:
    """Multiply a fraction by a whole number, as a parts of a partition of q into b equal parts."""
    x = _fraction(rng, rng.choice(_DENOMINATORS))
    if x.numerator == 1 and rng.random() < 0.7:
        x = _fraction(rng, rng.choice((3, 4, 5, 6, 8)), top=None)
    whole = rng.randint(2, 12)
    value = x * whole
    steps = _fraction_whole_steps(x, whole)
    steps.append(f"So {_frac(x)} × {whole} = **{mixed(value)}**.")
    return _problem(
        f"Find {_frac(x)} × {whole}.",
        _fraction_answer(value),
        (
            f"{_frac(x)} × {whole} means {x.numerator} of the {x.denominator} equal parts of {whole}.",
            "Multiply the whole number by the numerator, then divide by the denominator.",
        ),
        steps,
        wrong=(F(x.numerator, x.denominator * whole), F(x.numerator + whole, x.denominator), x + whole),
    )


@template("5.NF.B.4a")
def fraction_times_fraction(rng: random.Random) -> Problem:
    """Multiply two fractions."""
    x, y = _fraction(rng, rng.choice(_DENOMINATORS)), _fraction(rng, rng.choice(_DENOMINATORS))
    value = x * y
    steps = [f"{_frac(x)} × {_frac(y)} means {_frac(x)} of {_frac(y)}.", *_product_steps(x, y, _frac(x), _frac(y))]
    steps.append(f"So {_frac(x)} × {_frac(y)} = **{mixed(value)}**.")
    return _problem(
        f"Find {_frac(x)} × {_frac(y)}.",
        _fraction_answer(value),
        (
            f"Think of {_frac(x)} of {_frac(y)}: split {_frac(y)} into {x.denominator} equal parts and take "
            f"{x.numerator} of them.",
            "Multiply the numerators, and multiply the denominators.",
        ),
        steps,
        wrong=(F(x.numerator + y.numerator, x.denominator + y.denominator), x / y, x + y),
    )


@template("5.NF.B.4a")
def product_as_parts_of_whole(rng: random.Random) -> Problem:
    """Choose what (a/b) × q means: a parts of a partition of q into b equal parts."""
    while True:
        x = _fraction(rng, rng.choice((3, 4, 5, 6, 8, 10)))
        whole = rng.randint(2, 12)
        a, b = x.numerator, x.denominator
        if a > 1 and whole not in (a, b):
            break
    right = f"Split {whole} into {b} equal parts and take {a} of them."
    wrong = [
        f"Split {whole} into {a} equal parts and take {b} of them.",
        f"Split {a} into {whole} equal parts and take {b} of them.",
        f"Take {a} groups of {whole}, then add {b}.",
    ]
    return _problem(
        f"Which describes {_frac(x)} × {whole}?",
        choice(rng, right, wrong),
        (
            "The denominator tells how many equal parts to make; the numerator tells how many parts to take.",
            f"{_frac(x)} × {whole} is the same as {_frac(x)} of {whole}.",
        ),
        [
            f"{_frac(x)} × {whole} is {_frac(x)} of {whole}.",
            f"The denominator {b} says to split {whole} into {b} equal parts, each {frac(whole, b)}; the numerator {a} "
            f"says to take {a} of them: {a} × {frac(whole, b)} = {frac(a * whole, b)}.",
            f"So: **{right}**",
        ],
    )


_STORY_AMOUNTS = (
    ("feet of ribbon", "foot of ribbon"),
    ("liters of juice", "liter of juice"),
    ("pounds of clay", "pound of clay"),
    ("cups of rice", "cup of rice"),
)


@template("5.NF.B.4a")
def story_for_product(rng: random.Random) -> Problem:
    """Choose the story that the product (a/b) × q fits."""
    x, whole = _fraction(rng, rng.choice((2, 3, 4, 5, 6, 8))), rng.randint(2, 9)
    many, one = rng.choice(_STORY_AMOUNTS)
    who = name(rng)
    right = f"{who} has {whole} {many} and uses {_frac(x)} of it. How much does {who} use?"
    wrong = [
        f"{who} has {_frac(x)} {one} and shares it equally among {whole} friends. How much does each friend get?",
        f"{who} has {whole} {many} and gets {_frac(x)} {one} more. How much does {who} have now?",
        f"{who} has {whole} {many} and splits it into portions of {_frac(x)} {one}. How many portions does {who} make?",
    ]
    return _problem(
        f"Which story can be solved with {_frac(x)} × {whole}?",
        choice(rng, right, wrong),
        (
            f"{_frac(x)} × {whole} means {_frac(x)} of {whole}.",
            "Look for the story that takes a fraction of a whole amount, not one that shares, adds or makes groups.",
        ),
        [
            f"{_frac(x)} × {whole} finds {_frac(x)} of {whole}.",
            "Sharing a fraction among friends is division, getting more is addition, and making portions of a size "
            "asks how many fit: division again.",
            f"So the story is: **{right}**",
        ],
    )


_AREA_UNITS = (("foot", "feet", "ft"), ("meter", "meters", "m"), ("yard", "yards", "yd"), ("inch", "inches", "in"))


def _unit_square_figure(rows: int, columns: int, shaded_rows: int, shaded_columns: int, unit: str) -> str:
    """A square of side 1 unit cut into rows × columns equal rectangles, with a corner block of them shaded."""
    size, left, top = 240, 70, 34
    svg = figures.Svg(size + left + 20, size + top + 20)
    width, height = size / columns, size / rows
    for row in range(rows):
        for column in range(columns):
            shaded = row < shaded_rows and column < shaded_columns
            svg.rect(
                left + column * width,
                top + row * height,
                width,
                height,
                fill=figures.SHADE if shaded else "#ffffff",
                stroke_width=1,
            )
    svg.rect(left, top, size, size, fill="none", stroke_width=2.5)
    svg.text(left + size / 2, top - 10, f"1 {unit}", size=14)
    svg.text(left - 8, top + size / 2 + 5, f"1 {unit}", size=14, anchor="end")
    return svg.render(
        f"A square with sides 1 {unit} long, divided into {rows} equal rows and {columns} equal columns. A "
        f"rectangle in the top left corner, {plural(shaded_rows, 'row')} tall and {plural(shaded_columns, 'column')} "
        f"wide, is shaded."
    )


@template("5.NF.B.4b")
def shaded_area_in_unit_square(rng: random.Random) -> Problem:
    """Find the area of a shaded rectangle with fractional sides inside a unit square."""
    rows, columns = rng.randint(2, 6), rng.randint(2, 6)
    shaded_rows, shaded_columns = rng.randint(1, rows - 1), rng.randint(1, columns - 1)
    one, many, _ = rng.choice(_AREA_UNITS[:3])
    parts, shaded = rows * columns, shaded_rows * shaded_columns
    value = F(shaded, parts)
    area = frac(shaded, parts) + (f" = {mixed(value)}" if frac(shaded, parts) != mixed(value) else "")
    return _problem(
        f"The large square has sides 1 {one} long. It is divided into equal rectangles. What is the area of the "
        f"shaded rectangle, in square {many}?",
        _fraction_answer(value),
        (
            "Find how many equal parts make the whole square, and the area of one part.",
            "Then count the shaded parts. Or multiply the shaded rectangle's length by its width.",
        ),
        [
            f"The shaded rectangle is {frac(shaded_columns, columns)} {one} wide and {frac(shaded_rows, rows)} {one} "
            f"tall.",
            f"The square is cut into {rows} × {columns} = {parts} equal parts, so each part has an area of "
            f"1/{parts} square {one}.",
            f"The shaded rectangle covers {shaded_rows} × {shaded_columns} = {shaded} parts: {area}.",
            f"Multiplying the sides gives the same: {frac(shaded_columns, columns)} × {frac(shaded_rows, rows)} = "
            f"{frac(shaded, parts)}.",
            f"So the area is **{mixed(value)}** square {many}.",
        ],
        wrong=(shaded, F(shaded, rows + columns), F(shaded_rows, rows) + F(shaded_columns, columns)),
        figure=_unit_square_figure(rows, columns, shaded_rows, shaded_columns, one),
    )


def _tiled_rectangle_figure(rows: int, columns: int, side: Fraction, unit: str) -> str:
    """A rectangle tiled with rows × columns small squares, its sides labelled."""
    cell = min(34.0, 280 / max(rows, columns))
    left, top = 16, 14
    width, height = columns * cell, rows * cell
    svg = figures.Svg(width + left + 100, height + top + 40)
    for row in range(rows):
        for column in range(columns):
            svg.rect(left + column * cell, top + row * cell, cell, cell, fill="#dbe7fb", stroke_width=1)
    svg.rect(left, top, width, height, fill="none", stroke_width=2.5)
    width_label, height_label = f"{mixed(columns * side)} {unit}", f"{mixed(rows * side)} {unit}"
    svg.text(left + width / 2, top + height + 26, width_label, size=14)
    svg.text(left + width + 10, top + height / 2 + 5, height_label, size=14, anchor="start")
    return svg.render(
        f"A rectangle {width_label} wide and {height_label} tall, covered by {rows} rows of "
        f"{columns} equal small squares"
    )


@template("5.NF.B.4b")
def tiled_rectangle_area(rng: random.Random) -> Problem:
    """Find the area of a rectangle tiled with squares of unit-fraction side."""
    per_unit = rng.randint(2, 5)
    rows, columns = rng.randint(1, 2 * per_unit), rng.randint(2, 2 * per_unit + 1)
    if rows == 1:
        rows = per_unit + 1
    one, many, abbreviation = rng.choice(_AREA_UNITS)
    side = F(1, per_unit)
    tiles, square = rows * columns, per_unit * per_unit
    value = F(tiles, square)
    area = frac(tiles, square) + (f" = {mixed(value)}" if frac(tiles, square) != mixed(value) else "")
    return _problem(
        f"This rectangle is covered with small squares whose sides are 1/{per_unit} {one} long, with no gaps or "
        f"overlaps. What is the area of the rectangle, in square {many}?",
        _fraction_answer(value),
        (
            "First find the area of one small square: how many of them fill a square 1 unit on each side?",
            "Then count the small squares in the rectangle and multiply.",
        ),
        [
            f"A square 1 {one} on each side holds {per_unit} × {per_unit} = {square} small squares, so each small "
            f"square has an area of 1/{square} square {one}.",
            f"The rectangle has {rows} rows of {columns}: {rows} × {columns} = {tiles} small squares.",
            f"Its area is {tiles} × 1/{square} = {area} square {many}.",
            f"Multiplying the side lengths gives the same: {mixed(columns * side)} × {mixed(rows * side)} = "
            f"{mixed(value)}.",
            f"So the area is **{mixed(value)}** square {many}.",
        ],
        wrong=(tiles, F(tiles, per_unit), F(rows + columns, per_unit)),
        figure=_tiled_rectangle_figure(rows, columns, side, abbreviation),
    )


def _rectangle_figure(length: Fraction, width: Fraction, abbreviation: str) -> str:
    """A rectangle with the longer side drawn across (figures.rectangle draws wide rectangles)."""
    across, up = max(length, width), min(length, width)
    return figures.rectangle(
        f"{mixed(across)} {abbreviation}", f"{mixed(up)} {abbreviation}", ratio=min(2.5, float(across / up))
    )


def _side_length(rng: random.Random, *, allow_mixed: bool = True) -> Fraction:
    value = _fraction(rng, rng.choice((2, 3, 4, 5, 6, 8)))
    return value + rng.randint(1, 4) if allow_mixed and rng.random() < 0.5 else value


@template("5.NF.B.4b")
def rectangle_with_fraction_sides(rng: random.Random) -> Problem:
    """Find the area of a rectangle whose side lengths are fractions or mixed numbers."""
    width, height = _side_length(rng), _side_length(rng)
    _, many, abbreviation = rng.choice(_AREA_UNITS)
    value = width * height
    wrong = [width + height, 2 * (width + height)]
    if width > 1 and height > 1:
        wrong.insert(0, math.floor(width) * math.floor(height) + (width % 1) * (height % 1))
    steps = [
        "Area of a rectangle = length × width.",
        *_product_steps(width, height, mixed(width), mixed(height)),
        f"So the area is **{mixed(value)}** square {many}.",
    ]
    return _problem(
        f"What is the area of this rectangle, in square {many}?",
        _fraction_answer(value),
        (
            "Multiply the length by the width.",
            "Write any mixed number as a fraction first, then multiply numerators and denominators.",
        ),
        steps,
        wrong=wrong,
        figure=_rectangle_figure(width, height, abbreviation),
    )


def _scaling_factor(rng: random.Random, kind: str) -> tuple[Fraction, str]:
    """A factor less than 1, greater than 1 or equal to 1, with how it is written."""
    denominator = rng.choice((2, 3, 4, 5, 6, 8, 10))
    if kind == "less":
        value = _fraction(rng, denominator)
        return value, _frac(value)
    if kind == "equal":
        return F(1), frac(denominator, denominator)
    value = (
        _fraction(rng, denominator, top=2 * denominator - 1) if rng.random() < 0.5 else 1 + _fraction(rng, denominator)
    )
    while value <= 1:
        value += 1
    return value, (_frac(value) if rng.random() < 0.5 else mixed(value))


def _size_of(factor: Fraction) -> str:
    return "less than 1" if factor < 1 else "greater than 1" if factor > 1 else "equal to 1"


def _scaling_reason(factor_text: str, factor: Fraction, number: str) -> str:
    if factor < 1:
        return f"Multiplying {number} by {factor_text}, a number less than 1, gives only part of {number}."
    if factor > 1:
        return f"Multiplying {number} by {factor_text}, a number greater than 1, gives all of {number} and more."
    return f"{factor_text} = 1, and multiplying {number} by 1 leaves it the same."


@template("5.NF.B.5a")
def product_versus_factor(rng: random.Random) -> Problem:
    """Compare a product with one factor, from the size of the other factor, without multiplying."""
    kind = rng.choice(("less", "less", "greater", "greater", "equal"))
    factor, factor_text = _scaling_factor(rng, kind)
    number = rng.randint(12, 500)
    product_text = f"{factor_text} × {number}" if rng.random() < 0.6 else f"{number} × {factor_text}"
    if rng.random() < 0.5:
        left, right, left_text, right_text = factor * number, F(number), product_text, str(number)
    else:
        left, right, left_text, right_text = F(number), factor * number, str(number), product_text
    answer = comparison(left, right)
    return _problem(
        f"Without multiplying, compare. Choose <, > or =.\n\n{left_text} ___ {right_text}",
        answer,
        (
            f"Is {factor_text} less than 1, equal to 1 or greater than 1?",
            f"Think of {factor_text} × {number} as {factor_text} of {number}.",
        ),
        [
            f"{factor_text} is {_size_of(factor)}.",
            _scaling_reason(factor_text, factor, str(number)),
            f"So {left_text} **{answer.display}** {right_text}.",
        ],
    )


@template("5.NF.B.5a")
def compare_two_products(rng: random.Random) -> Problem:
    """Compare two products that share a factor, from the sizes of the other factors."""
    number = rng.randint(12, 200)
    kind = rng.randrange(4)
    if kind == 0:
        (first, first_text), (second, second_text) = _scaling_factor(rng, "less"), _scaling_factor(rng, "greater")
    elif kind == 1:
        first, first_text = _scaling_factor(rng, "less")
        second = first
        while second == first:
            second, second_text = _scaling_factor(rng, "less")
    elif kind == 2:
        first, first_text = _scaling_factor(rng, "less")
        scale = rng.randint(2, 4)
        second, second_text = first, frac(first.numerator * scale, first.denominator * scale)
    else:
        first, first_text = _scaling_factor(rng, rng.choice(("less", "greater")))
        second, second_text = first, first_text
    if kind == 3:
        other = number + rng.choice((-1, 1)) * rng.randint(5, 50)
        left_text, right_text = f"{first_text} × {number}", f"{first_text} × {other}"
        left, right = first * number, first * other
        steps = [
            f"Both products multiply by {first_text}, so the one with the larger other factor is larger.",
            f"{number} {'<' if number < other else '>'} {other}.",
        ]
    else:
        if rng.random() < 0.5:
            (first, first_text), (second, second_text) = (second, second_text), (first, first_text)
        left_text, right_text = f"{first_text} × {number}", f"{second_text} × {number}"
        left, right = first * number, second * number
        relation = "=" if first == second else "<" if first < second else ">"
        steps = [
            f"Both products multiply {number}, so compare the other factors.",
            f"{first_text} {relation} {second_text}"
            + (
                " (they are equivalent fractions)."
                if kind == 2
                else f": {first_text} is {_size_of(first)} and {second_text} is {_size_of(second)}."
                if kind == 0
                else " (compare them with a common denominator)."
            ),
        ]
    answer = comparison(left, right)
    steps.append(f"So {left_text} **{answer.display}** {right_text}.")
    return _problem(
        f"Without multiplying, compare. Choose <, > or =.\n\n{left_text} ___ {right_text}",
        answer,
        (
            "Look for a factor the two products share.",
            "With one factor the same, the product with the larger other factor is larger.",
        ),
        steps,
    )


@template("5.NF.B.5a")
def scaling_statement(rng: random.Random) -> Problem:
    """Choose the true statement about the size of a product, without multiplying."""
    kind = rng.choice(("less", "greater", "equal"))
    factor, factor_text = _scaling_factor(rng, kind)
    number = rng.randint(12, 900)
    statements = {
        "less": f"It is less than {number}.",
        "greater": f"It is greater than {number}.",
        "equal": f"It is equal to {number}.",
    }
    tiny = f"It is less than {factor_text}."
    right = statements[kind]
    return _problem(
        f"Without multiplying, which statement about {factor_text} × {number} is true?",
        choice(rng, right, [text_value for key, text_value in statements.items() if key != kind] + [tiny]),
        (f"Compare {factor_text} with 1.", "Multiplying by a number less than 1 takes part of the other number."),
        [
            f"{factor_text} is {_size_of(factor)}.",
            _scaling_reason(factor_text, factor, str(number)),
            f"So: **{right}**",
        ],
    )


@template("5.NF.B.5b")
def why_product_is_larger_or_smaller(rng: random.Random) -> Problem:
    """Choose the reason a product is greater or smaller than the number multiplied."""
    kind = rng.choice(("less", "greater"))
    factor, factor_text = _scaling_factor(rng, kind)
    number, who = rng.randint(12, 200), name(rng)
    if kind == "less":
        claim = f"{factor_text} × {number} is less than {number}"
        right = f"{factor_text} is less than 1, so {factor_text} × {number} is only part of {number}."
        wrong = [
            "Multiplying by a fraction always gives a smaller number.",
            f"{factor_text} × {number} must be less than {factor_text}.",
            f"{factor_text} is greater than 1, so the product shrinks.",
        ]
    else:
        claim = f"{factor_text} × {number} is greater than {number}"
        right = (
            f"{factor_text} is greater than 1, so {factor_text} × {number} is {number} and part of another {number}."
        )
        wrong = [
            "Multiplying always gives a bigger number.",
            f"{factor_text} × {number} is the same as {factor.numerator} × {number}.",
            f"{factor_text} is less than 1, so the product grows.",
        ]
    return _problem(
        f"{who} says {claim}, without multiplying. Which reason explains why {who} is right?",
        choice(rng, right, wrong),
        (
            "Compare the fraction with 1.",
            "Some of the reasons are false: test them with an easy example, such as 1/2 × 10 or 3/2 × 10.",
        ),
        [
            f"{factor_text} is {_size_of(factor)}.",
            _scaling_reason(factor_text, factor, str(number)),
            f"So the reason is: **{right}**",
        ],
    )


@template("5.NF.B.5b")
def multiply_by_one_for_equivalence(rng: random.Random) -> Problem:
    """Find the missing number when a fraction is multiplied by n/n, which is 1."""
    x = _fraction(rng, rng.choice((2, 3, 4, 5, 6, 8, 10)))
    scale = rng.randint(2, 9)
    a, b = x.numerator, x.denominator
    missing_top = rng.random() < 0.6
    if missing_top:
        equation, value, wrong = (
            f"{_frac(x)} = {_frac(x)} × {scale}/{scale} = ?/{b * scale}",
            a * scale,
            (a + scale, a, b * scale),
        )
    else:
        equation, value, wrong = (
            f"{_frac(x)} = {_frac(x)} × {scale}/{scale} = {a * scale}/?",
            b * scale,
            (b + scale, b, a * scale),
        )
    return _problem(
        f"Multiplying by {scale}/{scale} is the same as multiplying by 1, so the value does not change. What number "
        f"goes in place of the ?\n\n{equation}",
        _whole_answer(value),
        (
            f"{scale}/{scale} = 1, so the new fraction is equivalent to {_frac(x)}.",
            "Multiply the numerators, and multiply the denominators.",
        ),
        [
            f"{_frac(x)} × {scale}/{scale} = ({a} × {scale})/({b} × {scale}) = {frac(a * scale, b * scale)}.",
            f"{frac(a * scale, b * scale)} is equivalent to {_frac(x)}, because {scale}/{scale} = 1.",
            f"So the missing number is **{value}**.",
        ],
        wrong=wrong,
    )


@template("5.NF.B.5b")
def factor_that_scales(rng: random.Random) -> Problem:
    """Choose the factor that makes a product greater (or less) than the number it multiplies."""
    number = rng.randint(12, 120)
    greater = rng.random() < 0.5
    big, big_text = _scaling_factor(rng, "greater")
    small, small_text = _scaling_factor(rng, "less")
    denominator = rng.choice((10, 12, 100))
    near_one = F(denominator - 1 if greater else denominator + 1, denominator)
    _, one_text = _scaling_factor(rng, "equal")
    options = {big_text: big, small_text: small, one_text: F(1), _frac(near_one): near_one}
    if len(set(options.values())) < 4:
        options.pop(_frac(near_one))
    right = big_text if greater else small_text
    word = "greater" if greater else "less"
    return _problem(
        f"Which number can go in the blank so that ___ × {number} is {word} than {number}?",
        choice(rng, right, [text_value for text_value in options if text_value != right]),
        (
            "Compare each choice with 1.",
            f"Multiplying by a number greater than 1 makes {number} larger; by a number less than 1, smaller; by 1, "
            f"the same.",
        ),
        [
            ", ".join(f"{text_value} is {_size_of(value)}" for text_value, value in options.items()) + ".",
            f"The product is {word} than {number} only when the factor is {word} than 1.",
            f"So the number is **{right}**.",
        ],
    )


_PART_OF_CONTEXTS = (
    ("{n} has {x} of cheese. {n} uses {f} of it for sandwiches. How much cheese does {n} use?", ("pound", "pounds")),
    ("A trail is {x} long. {n} has walked {f} of the trail. How far has {n} walked?", ("mile", "miles")),
    (
        "A pitcher holds {x} of lemonade. {n} pours out {f} of it. How much lemonade does {n} pour out?",
        ("liter", "liters"),
    ),
    ("{n} has {x} of paint. {n} uses {f} of it on a fence. How much paint does {n} use?", ("gallon", "gallons")),
)


@template("5.NF.B.6")
def fraction_of_an_amount(rng: random.Random) -> Problem:
    """Solve a word problem that takes a fraction of an amount (a fraction, mixed number or group of things)."""
    part = _fraction(rng, rng.choice((2, 3, 4, 5, 6, 8)))
    who = name(rng)
    if rng.random() < 0.3:
        count = part.denominator * rng.randint(3, 8)
        value = part * count
        text = (
            f"There are {count} students in {who}'s grade. {_frac(part)} of them walk to school. How many "
            f"students walk to school?"
        )
        answer, unit = _whole_answer(value, "students"), "students"
        amount = str(count)
    else:
        template_text, (one, many) = rng.choice(_PART_OF_CONTEXTS)
        amount_value = _side_length(rng)
        value = part * amount_value
        text = template_text.format(n=who, x=_qty(amount_value, one, many), f=_frac(part))
        unit = one if value <= 1 else many
        answer, amount = _fraction_answer(value, unit), mixed(amount_value)
        count = amount_value
    steps = [
        f"{_frac(part)} of {amount} means {_frac(part)} × {amount}.",
        *_product_steps(part, F(count), _frac(part), amount),
        f"So the answer is **{answer.display}**.",
    ]
    return _problem(
        text,
        answer,
        (
            "“A fraction of an amount” means multiply the fraction by the amount.",
            f"Find {_frac(part)} × {amount}. Write a mixed number as a fraction first.",
        ),
        steps,
        wrong=(part + count, count / part, abs(count - part)),
    )


_TIMES_CONTEXTS = (
    (
        "A recipe uses {x} of flour for one batch. {n} makes {k} batches. How much flour does {n} need?",
        ("cup", "cups"),
        True,
    ),
    ("{n} walks {x} each day. How far does {n} walk in {k} days?", ("mile", "miles"), True),
    ("A car uses {x} of gas each hour. How much gas does it use in {k} hours?", ("gallon", "gallons"), True),
    ("Each shelf board is {x} long. {n} needs {k} boards. What is their total length?", ("foot", "feet"), False),
)


@template("5.NF.B.6")
def mixed_number_times_problem(rng: random.Random) -> Problem:
    """Solve a word problem that multiplies a mixed number by a whole or mixed number."""
    text, (one, many), mixed_times = rng.choice(_TIMES_CONTEXTS)
    amount = rng.randint(1, 3) + _fraction(rng, rng.choice((2, 3, 4, 5, 8)))
    times = (
        rng.choice((F(3, 2), F(5, 2), F(5, 4), F(7, 4), F(4, 3)))
        if mixed_times and rng.random() < 0.5
        else F(rng.randint(2, 6))
    )
    value = amount * times
    steps = [
        *_product_steps(amount, times, mixed(amount), mixed(times)),
        f"So the answer is **{_qty(value, one, many)}**.",
    ]
    partial = math.floor(amount) * math.floor(times) + (amount % 1) * (times % 1)
    return _problem(
        text.format(n=name(rng), x=_qty(amount, one, many), k=mixed(times)),
        _fraction_answer(value, many),
        (
            "Equal amounts are repeated (or part of one is added), so multiply.",
            "Write the mixed numbers as fractions, then multiply numerators and denominators.",
        ),
        steps,
        wrong=(partial, amount + times, math.floor(amount) * times + amount % 1),
    )


_AREA_CONTEXTS = ("garden", "rug", "poster", "tabletop", "patio")


@template("5.NF.B.6")
def real_world_area_with_mixed_numbers(rng: random.Random) -> Problem:
    """Find the area of a real rectangle whose sides are mixed numbers or fractions."""
    thing, who = rng.choice(_AREA_CONTEXTS), name(rng)
    width, height = (
        rng.randint(2, 6) + _fraction(rng, rng.choice((2, 3, 4))),
        rng.randint(1, 4) + _fraction(rng, rng.choice((2, 3, 4))),
    )
    one, many, abbreviation = rng.choice(_AREA_UNITS[:3])
    value = width * height
    steps = [
        f"Area = length × width = {mixed(width)} × {mixed(height)}.",
        *_product_steps(width, height, mixed(width), mixed(height)),
        f"So the area is **{mixed(value)}** square {many}.",
    ]
    wrong = [width + height, 2 * (width + height)]
    if height > 1:
        wrong.insert(0, math.floor(width) * math.floor(height) + (width % 1) * (height % 1))
    return _problem(
        f"{who}'s {thing} is a rectangle {_qty(width, one, many)} long and {_qty(height, one, many)} wide. What is "
        f"the area of the {thing}, in square {many}?",
        _fraction_answer(value),
        (
            "The area of a rectangle is its length times its width.",
            "Write each mixed number as a fraction before you multiply.",
        ),
        steps,
        wrong=wrong,
        figure=_rectangle_figure(width, height, abbreviation),
    )


def _split_bar_figure(parts: int, pieces: int) -> str:
    """One whole bar cut into `parts` equal parts, the first of them cut into `pieces` and one piece shaded."""
    width, left, top, height = 420, 20, 30, 50
    svg = figures.Svg(width + 2 * left, top + height + 16)
    part, piece = width / parts, width / parts / pieces
    svg.rect(left, top, width, height, fill="#ffffff", stroke_width=2)
    svg.rect(left, top, piece, height, fill=figures.SHADE, stroke_width=1)
    for index in range(1, pieces):
        svg.line(left + index * piece, top, left + index * piece, top + height, stroke_width=1)
    for index in range(1, parts):
        svg.line(left + index * part, top, left + index * part, top + height, stroke_width=3)
    svg.text(left + width / 2, top - 10, "1 whole", size=14)
    return svg.render(
        f"A bar showing 1 whole, cut into {parts} equal parts. The first part is cut into {pieces} "
        f"equal pieces, and one of those pieces is shaded."
    )


def _unit_division_steps(denominator: int, divisor: int) -> list[str]:
    total = denominator * divisor
    return [
        f"Split 1/{denominator} into {divisor} equal pieces.",
        f"If every 1/{denominator} of the whole were split the same way, the whole would have {denominator} × "
        f"{divisor} = {total} equal pieces, so one piece is 1/{total} of the whole.",
        f"Check with multiplication: 1/{total} × {divisor} = {frac(divisor, total)} = 1/{denominator}.",
    ]


@template("5.NF.B.7a")
def unit_fraction_divided_by_whole(rng: random.Random) -> Problem:
    """Divide a unit fraction by a whole number."""
    denominator, divisor = rng.randint(2, 10), rng.randint(2, 9)
    value = F(1, denominator * divisor)
    steps = _unit_division_steps(denominator, divisor)
    steps.append(f"So (1/{denominator}) ÷ {divisor} = **{_frac(value)}**.")
    return _problem(
        f"Find (1/{denominator}) ÷ {divisor}.",
        _fraction_answer(value),
        (
            f"Dividing by {divisor} splits 1/{denominator} into {divisor} equal pieces. Will each piece be larger or "
            f"smaller than 1/{denominator}?",
            "How many of those pieces would make a whole?",
        ),
        steps,
        wrong=(F(divisor, denominator), denominator * divisor, F(denominator, divisor)),
    )


@template("5.NF.B.7a")
def unit_fraction_division_model(rng: random.Random) -> Problem:
    """Use a bar model to divide a unit fraction by a whole number."""
    denominator, divisor = rng.randint(2, 6), rng.randint(2, 6)
    value = F(1, denominator * divisor)
    steps = [
        f"The bar is cut into {denominator} parts, so each part is 1/{denominator}.",
        *_unit_division_steps(denominator, divisor)[1:],
    ]
    steps.append(f"So the shaded piece is (1/{denominator}) ÷ {divisor} = **{_frac(value)}** of the whole.")
    return _problem(
        f"The bar shows 1 whole cut into {denominator} equal parts. One part, 1/{denominator}, is split into "
        f"{divisor} equal pieces, and one piece is shaded. The shaded piece shows (1/{denominator}) ÷ {divisor}. "
        f"What fraction of the whole bar is the shaded piece?",
        _fraction_answer(value),
        (
            "Imagine splitting every part of the bar the same way.",
            "Count how many pieces the same size as the shaded one would fill the whole bar.",
        ),
        steps,
        wrong=(F(1, divisor), F(1, denominator + divisor), F(divisor, denominator)),
        figure=_split_bar_figure(denominator, divisor),
    )


@template("5.NF.B.7a")
def check_unit_fraction_division(rng: random.Random) -> Problem:
    """Choose the multiplication that checks a quotient of a unit fraction by a whole number."""
    denominator, divisor = rng.randint(2, 10), rng.randint(2, 9)
    total = denominator * divisor
    right = f"1/{total} × {divisor} = 1/{denominator}"
    wrong = [
        f"1/{denominator} × {divisor} = 1/{total}",
        f"{total} × {divisor} = {denominator}",
        f"1/{total} + {divisor} = 1/{denominator}",
    ]
    who = name(rng)
    return _problem(
        f"{who} says (1/{denominator}) ÷ {divisor} = 1/{total}. Which multiplication equation checks that {who} is "
        f"right?",
        choice(rng, right, wrong),
        (
            "Division and multiplication undo each other: quotient × divisor = the number divided.",
            "Only one of the equations is true. Test each one.",
        ),
        [
            f"If (1/{denominator}) ÷ {divisor} = 1/{total}, then 1/{total} × {divisor} must give back 1/{denominator}.",
            f"1/{total} × {divisor} = {frac(divisor, total)} = 1/{denominator}, which is true.",
            f"So the check is **{right}**.",
        ],
    )


_PART_NAMES = {
    2: "halves",
    3: "thirds",
    4: "fourths",
    5: "fifths",
    6: "sixths",
    7: "sevenths",
    8: "eighths",
    9: "ninths",
    10: "tenths",
}


def _whole_division_steps(whole: int, denominator: int) -> list[str]:
    value = whole * denominator
    return [
        f"Ask: how many 1/{denominator}s are in {whole}?",
        f"Each whole holds {denominator} {_PART_NAMES[denominator]}, so {whole} wholes "
        f"hold {whole} × {denominator} = {value}.",
        f"Check with multiplication: {value} × 1/{denominator} = {frac(value, denominator)} = {whole}.",
    ]


@template("5.NF.B.7b")
def whole_divided_by_unit_fraction(rng: random.Random) -> Problem:
    """Divide a whole number by a unit fraction."""
    whole, denominator = rng.randint(2, 12), rng.randint(2, 10)
    value = whole * denominator
    steps = _whole_division_steps(whole, denominator)
    steps.append(f"So {whole} ÷ (1/{denominator}) = **{value}**.")
    return _problem(
        f"Find {whole} ÷ (1/{denominator}).",
        _whole_answer(value),
        (
            f"{whole} ÷ (1/{denominator}) asks how many 1/{denominator}s fit in {whole}.",
            f"Find how many 1/{denominator}s are in 1 whole first.",
        ),
        steps,
        wrong=(F(whole, denominator), F(denominator, whole), whole + denominator),
    )


@template("5.NF.B.7b")
def whole_division_on_number_line(rng: random.Random) -> Problem:
    """Use a number line to find how many unit fractions fit in a whole number."""
    whole, denominator = rng.randint(2, 5), rng.choice((2, 3, 4, 5, 6))
    value = whole * denominator
    steps = [
        f"The number line from 0 to {whole} is cut into {_PART_NAMES[denominator]}: each jump is 1/{denominator}.",
        *_whole_division_steps(whole, denominator)[1:],
    ]
    steps.append(f"So {whole} ÷ (1/{denominator}) = **{value}**.")
    return _problem(
        f"The number line is marked in {_PART_NAMES[denominator]}. How many jumps of 1/{denominator} go from 0 to "
        f"{whole}? This is {whole} ÷ (1/{denominator}).",
        _whole_answer(value),
        ("Count the jumps from 0 to 1 first.", "Every whole has the same number of jumps."),
        steps,
        wrong=(F(whole, denominator), whole + denominator, value - 1),
        figure=figures.number_line(0, whole, F(1, denominator), label_every=denominator),
    )


@template("5.NF.B.7b")
def check_whole_division(rng: random.Random) -> Problem:
    """Choose the multiplication that checks a quotient of a whole number by a unit fraction."""
    whole, denominator = rng.randint(2, 12), rng.randint(2, 10)
    value = whole * denominator
    right = f"{value} × 1/{denominator} = {whole}"
    wrong = [
        f"{whole} × 1/{denominator} = {value}",
        f"{value} × {whole} = 1/{denominator}",
        f"{value} × {denominator} = {whole}",
    ]
    who = name(rng)
    return _problem(
        f"{who} says {whole} ÷ (1/{denominator}) = {value}. Which multiplication equation checks that {who} is right?",
        choice(rng, right, wrong),
        (
            "Division and multiplication undo each other: quotient × divisor = the number divided.",
            "Only one of the equations is true. Test each one.",
        ),
        [
            f"If {whole} ÷ (1/{denominator}) = {value}, then {value} × 1/{denominator} must give back {whole}.",
            f"{value} × 1/{denominator} = {frac(value, denominator)} = {whole}, which is true.",
            f"So the check is **{right}**.",
        ],
    )


_SHARE_FRACTION_CONTEXTS = (
    (
        "{p} friends share 1/{b} pound of chocolate equally. How much chocolate does each friend get?",
        ("pound", "pounds"),
    ),
    ("1/{b} liter of juice is poured equally into {p} cups. How much juice is in each cup?", ("liter", "liters")),
    (
        "{n} has 1/{b} of a pan of brownies. {n} cuts it into {p} equal pieces. What fraction of the whole pan is each "
        "piece?",
        None,
    ),
)

_HOW_MANY_CONTEXTS = (
    ("How many 1/{b}-cup servings are in {q} cups of raisins?", "servings"),
    (
        "{n} has a board {q} feet long. {n} cuts it into pieces that are each 1/{b} foot long. How many pieces does {n} "
        "get?",
        "pieces",
    ),
    ("{n} has {q} pounds of nuts and fills bags that each hold 1/{b} pound. How many bags does {n} fill?", "bags"),
)


@template("5.NF.B.7c")
def share_a_unit_fraction(rng: random.Random) -> Problem:
    """Solve a word problem that shares a unit fraction equally among a whole number of people or parts."""
    text, unit = rng.choice(_SHARE_FRACTION_CONTEXTS)
    denominator, people = rng.randint(2, 8), rng.randint(2, 6)
    value = F(1, denominator * people)
    steps = [
        f"Sharing 1/{denominator} equally into {people} parts is (1/{denominator}) ÷ {people}.",
        *_unit_division_steps(denominator, people)[1:],
    ]
    shown = f"{_frac(value)} {unit[0]}" if unit else _frac(value)
    steps.append(f"So the answer is **{shown}**.")
    return _problem(
        text.format(p=people, b=denominator, n=name(rng)),
        _fraction_answer(value, unit[0] if unit else ""),
        (
            "Sharing equally is dividing. Each share is smaller than the amount shared.",
            f"Write the division (1/{denominator}) ÷ {people}, then think of splitting every 1/{denominator} of a "
            f"whole into {people} pieces.",
        ),
        steps,
        wrong=(F(people, denominator), denominator * people, F(denominator, people)),
    )


@template("5.NF.B.7c")
def how_many_unit_fractions(rng: random.Random) -> Problem:
    """Solve a word problem that asks how many unit-fraction portions fit in a whole number amount."""
    text, unit = rng.choice(_HOW_MANY_CONTEXTS)
    whole, denominator = rng.randint(2, 9), rng.randint(2, 8)
    value = whole * denominator
    steps = [
        f"Finding how many portions of 1/{denominator} fit in {whole} is {whole} ÷ (1/{denominator}).",
        *_whole_division_steps(whole, denominator)[1:],
        f"So the answer is **{value} {unit}**.",
    ]
    return _problem(
        text.format(q=whole, b=denominator, n=name(rng)),
        _whole_answer(value, unit),
        (
            "The story asks how many small portions fit in the whole amount: that is division.",
            f"How many portions of 1/{denominator} fit in just 1?",
        ),
        steps,
        wrong=(F(whole, denominator), whole + denominator, F(denominator, whole)),
    )


@template("5.NF.B.7c")
def division_expression_for_story(rng: random.Random) -> Problem:
    """Choose the division expression that represents a story with a unit fraction."""
    who = name(rng)
    denominator = rng.randint(2, 8)
    if rng.random() < 0.5:
        text, unit = rng.choice(_SHARE_FRACTION_CONTEXTS)
        count = rng.randint(2, 6)
        story = text.format(p=count, b=denominator, n=who)
        right = f"(1/{denominator}) ÷ {count}"
        wrong = [f"{count} ÷ (1/{denominator})", f"(1/{denominator}) × {count}", f"{count} − 1/{denominator}"]
        why = f"An amount of 1/{denominator} is shared into {count} equal parts, so it is divided by {count}."
    else:
        text, unit = rng.choice(_HOW_MANY_CONTEXTS)
        count = rng.randint(2, 9)
        story = text.format(q=count, b=denominator, n=who)
        right = f"{count} ÷ (1/{denominator})"
        wrong = [f"(1/{denominator}) ÷ {count}", f"{count} × (1/{denominator})", f"{count} − 1/{denominator}"]
        why = (
            f"The story asks how many portions of 1/{denominator} fit in {count}, so {count} is divided by "
            f"1/{denominator}."
        )
    return _problem(
        f"{story}\n\nWhich expression gives the answer?",
        choice(rng, right, wrong),
        (
            "Decide what is being split or measured, and into what.",
            "Sharing an amount equally divides the amount by the number of shares; asking how many portions fit "
            "divides the amount by the size of one portion.",
        ),
        [why, f"So the expression is **{right}**."],
    )


# ---------------------------------------------------------------------------------------------------------
# 5.MD: conversions, line plots and volume

_METRIC = (
    ("kilometer", "kilometers", "meter", "meters", 1000),
    ("meter", "meters", "centimeter", "centimeters", 100),
    ("meter", "meters", "millimeter", "millimeters", 1000),
    ("centimeter", "centimeters", "millimeter", "millimeters", 10),
    ("kilogram", "kilograms", "gram", "grams", 1000),
    ("liter", "liters", "milliliter", "milliliters", 1000),
)
_CUSTOMARY = (
    ("foot", "feet", "inch", "inches", 12),
    ("yard", "yards", "foot", "feet", 3),
    ("yard", "yards", "inch", "inches", 36),
    ("pound", "pounds", "ounce", "ounces", 16),
    ("gallon", "gallons", "quart", "quarts", 4),
    ("quart", "quarts", "pint", "pints", 2),
    ("pint", "pints", "cup", "cups", 2),
    ("hour", "hours", "minute", "minutes", 60),
    ("minute", "minutes", "second", "seconds", 60),
    ("day", "days", "hour", "hours", 24),
    ("ton", "tons", "pound", "pounds", 2000),
)


def _unit_word(value, one: str, many: str) -> str:
    return one if value == 1 else many


def _article(word: str) -> str:
    return "An" if word[0] in "aeiou" or word == "hour" else "A"


def _conversion_steps(
    amount_text: str,
    from_unit: str,
    value_text: str,
    to_unit: str,
    units: tuple[str, str, str, str, int],
    to_small: bool,
) -> list[str]:
    big, bigs, small, smalls, factor = units
    if to_small:
        direction = (
            f"{_article(big)} {big} is larger than {_article(small).lower()} {small}, so there will be more "
            f"{smalls}: multiply by {factor:,}."
        )
        work = f"{amount_text} × {factor:,} = {value_text}."
    else:
        direction = (
            f"{_article(small)} {small} is smaller than {_article(big).lower()} {big}, so there will be "
            f"fewer {bigs}: divide by {factor:,}."
        )
        work = f"{amount_text} ÷ {factor:,} = {value_text}."
    return [
        f"1 {big} = {factor:,} {smalls}.",
        direction,
        work,
        f"So {amount_text} {from_unit} = **{value_text} {to_unit}**.",
    ]


@template("5.MD.A.1")
def convert_metric_units(rng: random.Random) -> Problem:
    """Convert between metric units, such as 5 cm to 0.05 m or 2.5 km to 2,500 m."""
    units = rng.choice(_METRIC)
    big, bigs, small, smalls, factor = units
    to_small = rng.random() < 0.5
    if to_small:
        amount = rng.choice((F(rng.randint(2, 20)), F(rng.randint(11, 99), 10), F(rng.randint(101, 999), 100)))
        value, from_unit, to_unit = amount * factor, _unit_word(amount, big, bigs), smalls
    else:
        amount = F(rng.randint(1, 9999 if factor == 1000 else 999))
        value, from_unit, to_unit = (
            amount / factor,
            _unit_word(amount, small, smalls),
            _unit_word(amount / factor, big, bigs),
        )
    wrong = (amount / factor if to_small else amount * factor, value * 10, value / 10)
    return _problem(
        f"Convert {_dec(amount)} {from_unit} to {smalls if to_small else bigs}.",
        _decimal_answer(value, to_unit),
        (
            f"How many {smalls} make 1 {big}?",
            "Converting to a smaller unit gives more units, so multiply. Converting to a larger unit gives fewer "
            "units, so divide.",
        ),
        _conversion_steps(_dec(amount), from_unit, _dec(value), to_unit, units, to_small),
        wrong=wrong,
    )


@template("5.MD.A.1")
def convert_customary_units(rng: random.Random) -> Problem:
    """Convert between customary units of length, weight, capacity or time, with fractions when needed."""
    units = rng.choice(_CUSTOMARY)
    big, bigs, small, smalls, factor = units
    splits = [parts for parts in (2, 3, 4) if factor % parts == 0]
    parts = rng.choice(splits)
    to_small = rng.random() < 0.5
    whole = rng.randint(1, 9)
    piece = F(rng.randint(1, parts - 1), parts) if rng.random() < 0.6 else F(0)
    if to_small:
        amount = whole + piece if whole > 1 or piece else F(rng.randint(2, 9))
        value, from_unit, to_unit = amount * factor, _unit_word(amount, big, bigs), smalls
        amount_text, value_text = mixed(amount), _int(value)
        wrong = (amount / factor, amount * 10, whole * factor + piece.numerator)
    else:
        if not piece:
            piece = F(1, parts)
        value = whole + piece
        amount = value * factor
        from_unit, to_unit = smalls, _unit_word(value, big, bigs)
        amount_text, value_text = _int(amount), mixed(value)
        left = int(piece * factor)
        wrong = (amount * factor, whole + F(left, 10 ** len(str(left))), F(amount, 10))
    return _problem(
        f"Convert {amount_text} {from_unit} to {bigs if not to_small else smalls}.",
        _fraction_answer(value, to_unit),
        (
            f"How many {smalls} make 1 {big}?",
            "Converting to a smaller unit gives more units, so multiply. Converting to a larger unit gives fewer "
            "units, so divide.",
        ),
        _conversion_steps(amount_text, from_unit, value_text, to_unit, units, to_small),
        wrong=wrong,
    )


def _conversion_story(rng: random.Random) -> tuple[str, Fraction, str, list[str], tuple]:
    """A multi-step real-world problem with a conversion: (stem, answer, unit, steps, wrong answers)."""
    who = name(rng)
    kind = rng.randrange(6)
    if kind == 0:
        meters, count, piece = rng.randint(2, 5), rng.randint(2, 6), rng.choice(range(15, 100, 5))
        while count * piece >= 100 * meters:
            count -= 1
        value = 100 * meters - count * piece
        return (
            f"{who} has a ribbon {meters} meters long. {who} cuts {count} pieces that are each {piece} "
            f"centimeters long. How many centimeters of ribbon are left?",
            F(value),
            "centimeters",
            [
                f"1 meter = 100 centimeters, so the ribbon is {meters} × 100 = {100 * meters} centimeters long.",
                f"The pieces use {count} × {piece} = {count * piece} centimeters.",
                f"{100 * meters} − {count * piece} = {value}.",
            ],
            (count * piece, 1000 * meters - count * piece, 10 * meters * 10 + count * piece),
        )
    if kind == 1:
        count, size = rng.randint(2, 8), rng.choice((250, 330, 500, 750))
        value = F(count * size, 1000)
        return (
            f"{who} buys {count} bottles of water. Each bottle holds {size} milliliters. How many liters of "
            f"water is that in all?",
            value,
            "liters",
            [
                f"In all: {count} × {size} = {_int(count * size)} milliliters.",
                f"1 liter = 1,000 milliliters, so divide by 1,000: {_int(count * size)} ÷ 1,000 = {_dec(value)}.",
            ],
            (count * size, F(count * size, 100), F(count * size, 10)),
        )
    if kind == 2:
        laps = rng.randint(3, 12)
        value = F(laps * 400, 1000)
        return (
            f"A running track is 400 meters around. {who} runs {laps} laps. How many kilometers does {who} run?",
            value,
            "kilometers",
            [
                f"{laps} × 400 = {_int(laps * 400)} meters.",
                f"1 kilometer = 1,000 meters, so divide by 1,000: {_int(laps * 400)} ÷ 1,000 = {_dec(value)}.",
            ],
            (laps * 400, F(laps * 400, 100), laps * 4),
        )
    if kind == 3:
        minutes, days = rng.choice((15, 20, 25, 30, 40, 45)), rng.randint(2, 7)
        value = F(minutes * days, 60)
        return (
            f"{who} practices piano for {minutes} minutes each day for {days} days. How many hours is that in all?",
            value,
            "hours",
            [
                f"{minutes} × {days} = {minutes * days} minutes.",
                f"1 hour = 60 minutes, so divide by 60: {minutes * days} ÷ 60 = {mixed(value)}.",
            ],
            (minutes * days, F(minutes * days, 100), F(minutes * days, 10)),
        )
    if kind == 4:
        count, ounces = rng.randint(2, 6), rng.choice((8, 12, 20, 24, 32, 40))
        value = F(count * ounces, 16)
        return (
            f"{who} buys {count} bags of flour. Each bag weighs {ounces} ounces. How many pounds of flour is "
            f"that in all?",
            value,
            "pounds",
            [
                f"{count} × {ounces} = {count * ounces} ounces.",
                f"1 pound = 16 ounces, so divide by 16: {count * ounces} ÷ 16 = {mixed(value)}.",
            ],
            (count * ounces, F(count * ounces, 10), F(count * ounces, 12)),
        )
    feet, inches = rng.randint(3, 8), rng.randint(5, 30)
    value = 12 * feet - inches
    return (
        f"A board is {feet} feet long. {who} cuts off a piece {inches} inches long. How many inches long is the "
        f"rest of the board?",
        F(value),
        "inches",
        [
            f"1 foot = 12 inches, so the board is {feet} × 12 = {12 * feet} inches long.",
            f"{12 * feet} − {inches} = {value}.",
        ],
        (12 * feet + inches, 10 * feet - inches, feet * 100 - inches),
    )


@template("5.MD.A.1")
def conversion_word_problem(rng: random.Random) -> Problem:
    """Solve a multi-step real-world problem that needs a unit conversion."""
    stem, value, unit, steps, wrong = _conversion_story(rng)
    answer = (
        _decimal_answer(value, unit)
        if terminates(value) and value.denominator in (1, 10, 100, 1000)
        else _fraction_answer(value, unit)
    )
    steps.append(f"So the answer is **{answer.display}**.")
    return _problem(
        stem,
        answer,
        (
            "Write both amounts in the same unit before you add, subtract or compare.",
            "Check which unit the question asks for, and convert to it.",
        ),
        steps,
        wrong=wrong,
    )


_LINE_PLOT_CONTEXTS = {
    "ribbon": (
        "Lengths of Ribbon Pieces",
        "inch",
        "inches",
        "ribbon pieces",
        "What is the total length of all the ribbon pieces?",
        "If all the ribbon were joined and then cut into {n} pieces of equal length, how long would each piece be?",
        "How much longer is the longest ribbon piece than the shortest one?",
    ),
    "water": (
        "Water in Beakers",
        "liter",
        "liters",
        "beakers",
        "How much water is in all the beakers together?",
        "If all the water were poured together and then shared equally among the {n} beakers, how much water "
        "would each beaker hold?",
        "How much more water is in the fullest beaker than in the beaker with the least water?",
    ),
    "trail mix": (
        "Weights of Bags of Trail Mix",
        "pound",
        "pounds",
        "bags of trail mix",
        "What is the total weight of all the bags of trail mix?",
        "If all the trail mix were put together and then split equally into {n} bags, how much would each bag weigh?",
        "How much heavier is the heaviest bag than the lightest bag?",
    ),
}


def _line_plot_data(
    rng: random.Random, *, even_share: bool = False
) -> tuple[list[Fraction], Fraction, Fraction, Fraction]:
    """Measurements in halves, fourths or eighths for a line plot: (values, start, end, step)."""
    denominator = rng.choice((2, 4, 8))
    start = F(0) if denominator == 2 else F(rng.choice((0, 1)))
    end = start + (2 if denominator == 2 else 1)
    step = F(1, denominator)
    positions = [start + index * step for index in range(int((end - start) / step) + 1) if start + index * step]
    while True:
        values = sorted(rng.choice(positions) for _ in range(rng.randint(6, 10)))
        share = sum(values) / len(values)
        if len(set(values)) >= 3 and (not even_share or 8 % share.denominator == 0):
            return values, start, end, step


def _line_plot_item(rng: random.Random, *, even_share: bool = False):
    key = rng.choice(list(_LINE_PLOT_CONTEXTS))
    title, one, many, things, total_question, share_question, range_question = _LINE_PLOT_CONTEXTS[key]
    values, start, end, step = _line_plot_data(rng, even_share=even_share)
    figure = figures.line_plot(values, start=start, end=end, step=step, title=title, unit=many)
    counts = {value: values.count(value) for value in sorted(set(values))}
    return (title, one, many, things, total_question, share_question, range_question), values, counts, figure, step


def _total_steps(counts: dict[Fraction, int], one: str, many: str) -> list[str]:
    products = [f"{count} × {mixed(value)} = {mixed(count * value)}" for value, count in counts.items()]
    total = sum((count * value for value, count in counts.items()), F(0))
    return [
        f"Multiply each value by its number of X marks: {'; '.join(products)}.",
        f"Add: {' + '.join(mixed(count * value) for value, count in counts.items())} = {_qty(total, one, many)}.",
    ]


@template("5.MD.B.2")
def line_plot_total(rng: random.Random) -> Problem:
    """Find the total of fractional measurements shown on a line plot."""
    (title, one, many, things, question, _, _), values, counts, figure, _ = _line_plot_item(rng)
    total = sum(values, F(0))
    steps = [*_total_steps(counts, one, many), f"So the total is **{_qty(total, one, many)}**."]
    return _problem(
        f"The line plot shows measurements in {many}. Each X stands for one of the {things}. {question}",
        _fraction_answer(total, one if total <= 1 else many),
        (
            "Each X is one measurement. A value with 3 X marks is counted 3 times.",
            "Multiply each value by how many X marks it has, then add, using a common denominator.",
        ),
        steps,
        wrong=(len(values), sum(counts, F(0)), max(values) * len(values)),
        figure=figure,
    )


@template("5.MD.B.2")
def line_plot_equal_share(rng: random.Random) -> Problem:
    """Redistribute the total of a line plot's measurements equally (the beakers problem)."""
    (title, one, many, things, _, question, _), values, counts, figure, _ = _line_plot_item(rng, even_share=True)
    total, count = sum(values, F(0)), len(values)
    share = total / count
    steps = [
        *_total_steps(counts, one, many),
        f"There are {count} X marks, so share the total equally {count} ways: {mixed(total)} ÷ {count} = "
        f"{mixed(share)}.",
        f"So each would be **{_qty(share, one, many)}**.",
    ]
    modes = [value for value, number in counts.items() if number == max(counts.values())]
    return _problem(
        f"The line plot shows measurements in {many}. Each X stands for one of the {things}. "
        f"{question.format(n=count)}",
        _fraction_answer(share, one if share <= 1 else many),
        ("First find the total of all the measurements.", "Then divide the total equally: one share for each X mark."),
        steps,
        wrong=(total, total / (count - 1), modes[0]),
        figure=figure,
    )


@template("5.MD.B.2")
def line_plot_difference(rng: random.Random) -> Problem:
    """Find the difference between the greatest and least measurements on a line plot."""
    (title, one, many, things, _, _, question), values, counts, figure, step = _line_plot_item(rng)
    largest, smallest = max(values), min(values)
    difference = largest - smallest
    steps = [
        f"The greatest measurement is {_qty(largest, one, many)} and the least is {_qty(smallest, one, many)}.",
        *_add_sub_steps(largest, smallest, False, as_mixed=largest > 1),
        f"So the difference is **{_qty(difference, one, many)}**.",
    ]
    return _problem(
        f"The line plot shows measurements in {many}. Each X stands for one of the {things}. {question}",
        _fraction_answer(difference, one if difference <= 1 else many),
        (
            "Find the X mark farthest to the right and the one farthest to the left.",
            "Subtract the smaller measurement from the larger one.",
        ),
        steps,
        wrong=(largest + smallest, difference / step, abs(counts[largest] - counts[smallest]) or None),
        figure=figure,
    )


_CUBE_FRONT, _CUBE_TOP, _CUBE_SIDE = "#c7d8f5", "#e3ecfb", "#a9c2ee"
_LENGTH_UNITS = (
    ("centimeter", "centimeters", "cm"),
    ("inch", "inches", "in"),
    ("foot", "feet", "ft"),
    ("meter", "meters", "m"),
    ("yard", "yards", "yd"),
    ("millimeter", "millimeters", "mm"),
)


def _cube_figure(
    heights: list[int],
    depth: int,
    label: str,
    *,
    edge_labels: tuple[str, str, str] | None = None,
    size: float | None = None,
) -> str:
    """Unit cubes in columns of `heights` (left to right), `depth` cubes deep, drawn in an oblique view from the
    front, right and above; `edge_labels` = (length, depth, height) are written along the edges."""
    largest = max(len(heights), max(heights), depth)
    size = size or (40 if largest <= 4 else 34 if largest <= 6 else 26)
    shift_x, shift_y = size * 0.5, size * 0.4
    left, bottom = (60, 30) if edge_labels else (10, 10)
    width = len(heights) * size + depth * shift_x + left + (70 if edge_labels else 10)
    height = max(heights) * size + depth * shift_y + bottom + 12
    svg = figures.Svg(width, height)
    base = height - bottom
    for back in reversed(range(depth)):
        for level in range(max(heights)):
            for column, column_height in enumerate(heights):
                if level >= column_height:
                    continue
                x, y = left + column * size + back * shift_x, base - level * size - back * shift_y
                svg.polygon(
                    [
                        (x, y - size),
                        (x + shift_x, y - size - shift_y),
                        (x + size + shift_x, y - size - shift_y),
                        (x + size, y - size),
                    ],
                    fill=_CUBE_TOP,
                    stroke_width=1,
                )
                svg.polygon(
                    [
                        (x + size, y),
                        (x + size, y - size),
                        (x + size + shift_x, y - size - shift_y),
                        (x + size + shift_x, y - shift_y),
                    ],
                    fill=_CUBE_SIDE,
                    stroke_width=1,
                )
                svg.rect(x, y - size, size, size, fill=_CUBE_FRONT, stroke_width=1)
    if edge_labels:
        length, deep, tall = edge_labels
        svg.text(left + len(heights) * size / 2, base + 20, length, size=13)
        svg.text(left - 8, base - heights[0] * size / 2 + 5, tall, size=13, anchor="end")
        svg.text(
            left + len(heights) * size + depth * shift_x / 2 + 8,
            base - depth * shift_y / 2 + 10,
            deep,
            size=13,
            anchor="start",
        )
    return svg.render(label)


def _box_figure(length: int, width: int, height: int, *, thing: str = "unit cubes") -> str:
    return _cube_figure(
        [height] * length,
        width,
        f"A rectangular prism completely filled with {thing}: {length} cubes long, {width} cubes "
        f"deep and {height} cubes tall. Only the outside cubes can be seen.",
    )


@template("5.MD.C.3a", difficulty=INTRODUCTORY)
def unit_cube_volume(rng: random.Random) -> Problem:
    """Recognize that a cube with 1-unit edges has a volume of 1 cubic unit."""
    one, many, abbreviation = rng.choice(_LENGTH_UNITS)
    right = f"1 cubic {one}"
    figure = _cube_figure(
        [1], 1, f"A cube with each edge labelled 1 {abbreviation}", edge_labels=(f"1 {abbreviation}",) * 3, size=90
    )
    return _problem(
        f"Each edge of this cube is 1 {one} long. What is the volume of the cube?",
        choice(rng, right, [f"1 square {one}", f"3 {many}", f"6 square {many}"]),
        (
            "Volume is the space a solid fills. It is measured in cubic units, not in units of length or area.",
            "A cube whose edges are all 1 unit long is called a unit cube.",
        ),
        [
            f"This cube is a unit cube: every edge is 1 {one} long.",
            f"A unit cube fills one cubic unit of space. Its volume is named with the cubic unit: cubic {many}.",
            f"So its volume is **{right}**.",
        ],
        figure=figure,
    )


@template("5.MD.C.3a", difficulty=INTRODUCTORY)
def choose_a_unit_cube(rng: random.Random) -> Problem:
    """Choose the solid that is the unit for measuring volume in cubic units."""
    one, many, _ = rng.choice(_LENGTH_UNITS)
    who = name(rng)
    right = f"A cube with edges 1 {one} long"
    wrong = [
        f"A square with sides 1 {one} long",
        f"A cube with edges 2 {many} long",
        f"A box 1 {one} long, 1 {one} wide and 2 {many} tall",
    ]
    return _problem(
        f"{who} wants to measure the volume of a box in cubic {many}. Which solid should {who} use as the unit?",
        choice(rng, right, wrong),
        (
            "A unit for volume must be a solid, so it can fill space.",
            f"One cubic {one} is the space filled by a cube whose edges are each 1 {one}.",
        ),
        [
            "A flat square has no volume, so it cannot fill the box.",
            f"A cubic {one} is a unit cube: all its edges are exactly 1 {one} long.",
            f"So the answer is: **{right}**",
        ],
    )


_VOLUME_OBJECTS = (
    ("a shoebox", 0),
    ("a cereal box", 0),
    ("a fish tank", 1),
    ("a toy chest", 1),
    ("a classroom", 3),
    ("a swimming pool", 3),
    ("a moving truck", 2),
    ("a sandbox", 2),
)


@template("5.MD.C.3a")
def unit_for_volume(rng: random.Random) -> Problem:
    """Choose a unit that measures volume (a cubic unit) for a real object."""
    thing, unit_index = rng.choice(_VOLUME_OBJECTS)
    one, many, _ = _LENGTH_UNITS[unit_index]
    mass = "kilograms" if unit_index in (0, 3) else "pounds"
    right = f"cubic {many}"
    return _problem(
        f"Which unit could be used to measure the volume of {thing}?",
        choice(rng, right, [many, f"square {many}", mass]),
        (
            "Volume is the space inside a solid, counted in unit cubes.",
            "Units of length measure lines and square units measure flat areas.",
        ),
        [
            f"{many.capitalize()} measure length, square {many} measure area and {mass} measure weight.",
            "Volume is counted in cubes, so it needs a cubic unit.",
            f"So the unit is **{right}**.",
        ],
    )


@template("5.MD.C.3b", difficulty=INTRODUCTORY)
def layers_of_unit_cubes(rng: random.Random) -> Problem:
    """Recognize that a solid packed with n unit cubes has a volume of n cubic units."""
    who = name(rng)
    layers, per_layer = rng.randint(2, 6), rng.randint(4, 20)
    total = layers * per_layer
    right = f"{total} cubic units"
    wrong = [f"{total} square units", f"{per_layer} cubic units", f"{layers + per_layer} cubic units"]
    return _problem(
        f"{who} fills a box with {layers} layers of unit cubes. Each layer has {per_layer} cubes. There are no gaps "
        f"or overlaps. What is the volume of the box?",
        choice(rng, right, wrong),
        ("Each unit cube has a volume of 1 cubic unit.", "Count all the cubes that fill the box, in every layer."),
        [
            f"The box holds {layers} × {per_layer} = {total} unit cubes, with no gaps or overlaps.",
            "Each unit cube is 1 cubic unit, so the volume is the number of cubes, in cubic units.",
            f"So the volume is **{right}**.",
        ],
    )


@template("5.MD.C.3b")
def count_cubes_in_a_solid(rng: random.Random) -> Problem:
    """Find the volume of a one-cube-deep solid by counting its unit cubes."""
    heights = [rng.randint(1, 5) for _ in range(rng.randint(3, 6))]
    total = sum(heights)
    figure = _cube_figure(
        heights,
        1,
        f"A solid built from unit cubes, one cube deep, in {len(heights)} columns of "
        f"{join_words(str(height) for height in heights)} cubes from left to right.",
    )
    return _problem(
        "This solid is built from unit cubes with no gaps or overlaps. What is its volume, in cubic units?",
        _whole_answer(total, "cubic units"),
        ("Each unit cube has a volume of 1 cubic unit.", "Count the cubes column by column, then add."),
        [
            f"The columns have {join_words(str(height) for height in heights)} cubes.",
            f"{' + '.join(str(height) for height in heights)} = {total} unit cubes.",
            f"So the volume is **{total} cubic units**.",
        ],
        wrong=(len(heights) * max(heights), total - 1, len(heights)),
        figure=figure,
    )


@template("5.MD.C.3b")
def gaps_and_volume(rng: random.Random) -> Problem:
    """Decide how gaps between the cubes affect what a count of unit cubes says about volume."""
    who, cubes = name(rng), rng.randint(12, 60)
    packed = rng.random() < 0.4
    how = "with no gaps or overlaps" if packed else "but there are gaps between some of the cubes"
    options = [
        f"It is less than {cubes} cubic units.",
        f"It is exactly {cubes} cubic units.",
        f"It is more than {cubes} cubic units.",
    ]
    right = options[1] if packed else options[2]
    reason = (
        "The cubes fill the box exactly, so the box holds the space of exactly that many unit cubes."
        if packed
        else "The gaps are space inside the box that no cube fills, so the box holds more than the cubes in it."
    )
    return _problem(
        f"{who} fills a box with {cubes} unit cubes, {how}. Which is true about the volume of the box?",
        choice(rng, right, options, keep_order=True),
        (
            "Volume counts unit cubes only when they fill the solid with no gaps and no overlaps.",
            "Think about the empty space in the box, if there is any.",
        ),
        [reason, f"So: **{right}**"],
    )


_STANDARD_CUBES = (
    ("1-centimeter cubes", "cubic centimeter", "cubic centimeters"),
    ("1-inch cubes", "cubic inch", "cubic inches"),
    ("1-foot cubes", "cubic foot", "cubic feet"),
)


def _box_size(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2, 5), rng.randint(2, 4), rng.randint(2, 4)


def _visible_cubes(length: int, width: int, height: int) -> int:
    return length * height + length * width + width * height - length - width - height + 1


def _layer_steps(length: int, width: int, height: int) -> list[str]:
    return [
        f"The bottom layer is {length} cubes long and {width} cubes deep: {length} × {width} = "
        f"{length * width} cubes, counting the hidden ones.",
        f"There are {height} layers: {length * width} × {height} = {length * width * height} cubes.",
    ]


@template("5.MD.C.4")
def count_cubes_in_a_box(rng: random.Random) -> Problem:
    """Measure the volume of a box by counting the standard unit cubes that fill it."""
    length, width, height = _box_size(rng)
    cubes, one, many = rng.choice(_STANDARD_CUBES)
    total = length * width * height
    return _problem(
        f"This box is completely filled with {cubes}, with no gaps. Some cubes are hidden behind others. What is "
        f"the volume of the box, in {many}?",
        _whole_answer(total, many),
        (
            "Count the cubes in one layer first, including the ones you cannot see.",
            "Then count how many layers there are.",
        ),
        [*_layer_steps(length, width, height), f"Each cube is 1 {one}, so the volume is **{total} {many}**."],
        wrong=(_visible_cubes(length, width, height), length * height, length + width + height),
        figure=_box_figure(length, width, height, thing=cubes),
    )


_IMPROVISED_CUBES = ("sugar cubes", "number cubes", "wooden blocks", "toy building cubes")


@template("5.MD.C.4")
def count_improvised_units(rng: random.Random) -> Problem:
    """Measure a volume with an improvised cubic unit (sugar cubes, number cubes...)."""
    length, width, height = _box_size(rng)
    cubes, who = rng.choice(_IMPROVISED_CUBES), name(rng)
    total = length * width * height
    return _problem(
        f"{who} measures the volume of a box using {cubes} of the same size as the unit. The box is packed with "
        f"them, with no gaps, as shown. What is the volume of the box, in {cubes}?",
        _whole_answer(total, cubes),
        (
            "Any cube can be a unit of volume, as long as all the cubes are the same size and fill the box.",
            "Count one layer, including hidden cubes, then multiply by the number of layers.",
        ),
        [*_layer_steps(length, width, height), f"So the volume is **{total} {cubes}**."],
        wrong=(_visible_cubes(length, width, height), length * width, length + width + height),
        figure=_box_figure(length, width, height, thing=cubes),
    )


@template("5.MD.C.4")
def count_cubes_two_deep(rng: random.Random) -> Problem:
    """Measure the volume of a stepped solid two cubes deep by counting cubes, hidden ones included."""
    heights = sorted((rng.randint(1, 4) for _ in range(rng.randint(3, 5))), reverse=rng.random() < 0.5)
    cubes, one, many = rng.choice(_STANDARD_CUBES)
    front = sum(heights)
    figure = _cube_figure(
        heights,
        2,
        f"A solid built from {cubes}, 2 cubes deep, in {len(heights)} columns of "
        f"{join_words(str(height) for height in heights)} cubes from left to right "
        f"(counted from the front). The back row matches the front row.",
    )
    return _problem(
        f"This solid is built from {cubes} with no gaps. It is 2 cubes deep everywhere: the back row is just like "
        f"the front row. What is its volume, in {many}?",
        _whole_answer(2 * front, many),
        (
            "Count the cubes you can see in the front row first.",
            "The back row is hidden but has the same number of cubes.",
        ),
        [
            f"Front row: {' + '.join(str(height) for height in heights)} = {front} cubes.",
            f"The back row has {front} cubes too: {front} × 2 = {2 * front} cubes.",
            f"Each cube is 1 {one}, so the volume is **{2 * front} {many}**.",
        ],
        wrong=(front, front + len(heights), 2 * front - 1),
        figure=figure,
    )


@template("5.MD.C.5a")
def volume_expressions(rng: random.Random) -> Problem:
    """Select every expression that gives the volume of a prism packed with unit cubes (threefold products)."""
    length, width, height = rng.sample(range(2, 6), 3)
    correct = rng.sample(
        [f"({length} × {width}) × {height}", f"{length} × ({width} × {height})", f"{height} × ({length} × {width})"], 2
    )
    wrong = rng.sample([f"{length} + {width} + {height}", f"({length} × {width}) + {height}", f"{length} × {width}"], 2)
    answer = multi(rng, correct, wrong)
    figure = _cube_figure(
        [height] * length,
        width,
        f"A rectangular prism packed with unit cubes: {length} cubes long, {width} cubes deep and {height} cubes tall",
        edge_labels=(f"{length} cubes", f"{width} cubes", f"{height} cubes"),
    )
    return _problem(
        "This rectangular prism is packed with unit cubes. Which expressions give its volume in cubic units?",
        answer,
        (
            "Think of the prism as layers: how many cubes are in one layer, and how many layers are there?",
            "You can also slice it the other way. Multiplying the three edge lengths in any grouping gives the same "
            "number.",
        ),
        [
            f"One layer has {length} × {width} = {length * width} cubes, and there are {height} layers: "
            f"({length} × {width}) × {height} = {length * width * height}.",
            f"Grouping the factors another way gives the same product, for example {length} × ({width} × {height}) = "
            f"{length} × {width * height} = {length * width * height}.",
            "Adding the edge lengths, or leaving out a factor, does not count every cube.",
            f"So the expressions are **{answer.display}**.",
        ],
        figure=figure,
    )


@template("5.MD.C.5a")
def volume_from_layers(rng: random.Random) -> Problem:
    """Find a volume from the cubes in one layer and the number of layers."""
    who = name(rng)
    length, width, height = rng.randint(2, 9), rng.randint(2, 8), rng.randint(2, 9)
    layer, total = length * width, length * width * height
    return _problem(
        f"{who} packs a box with unit cubes. The bottom layer is {length} cubes long and {width} cubes wide. {who} "
        f"stacks {height} layers to fill the box. What is the volume of the box, in cubic units?",
        _whole_answer(total, "cubic units"),
        ("Find how many cubes are in one layer.", "Every layer has the same number of cubes."),
        [
            f"One layer: {length} × {width} = {layer} cubes.",
            f"{height} layers: {layer} × {height} = {total} cubes.",
            f"This is the same as multiplying the edge lengths, {length} × {width} × {height}.",
            f"So the volume is **{total} cubic units**.",
        ],
        wrong=(layer + height, layer, length + width + height),
    )


@template("5.MD.C.5a")
def layers_from_volume(rng: random.Random) -> Problem:
    """Find the number of layers of unit cubes from a volume and the size of one layer."""
    who = name(rng)
    length, width, height = rng.randint(2, 8), rng.randint(2, 6), rng.randint(2, 9)
    layer, total = length * width, length * width * height
    return _problem(
        f"{who} fills a box with {total} unit cubes. The bottom layer is {length} cubes long and {width} cubes wide, "
        f"and every layer is the same. How many layers of cubes are in the box?",
        _whole_answer(height, "layers"),
        (
            "Find how many cubes are in one layer.",
            "The volume is the cubes in one layer times the number of layers. Which factor is missing?",
        ),
        [
            f"One layer: {length} × {width} = {layer} cubes.",
            f"{layer} × ? = {total}, so divide: {total} ÷ {layer} = {height}.",
            f"So there are **{height} layers**.",
        ],
        wrong=(total - layer, total // length, height + 1),
    )


@template("5.MD.C.5b")
def prism_volume_formula(rng: random.Random) -> Problem:
    """Find the volume of a labelled rectangular prism with V = l × w × h."""
    length, width, height = rng.randint(3, 15), rng.randint(2, 12), rng.randint(2, 12)
    one, many, abbreviation = rng.choice(_LENGTH_UNITS[:4])
    total = length * width * height
    return _problem(
        f"What is the volume of this rectangular prism, in cubic {many}?",
        _whole_answer(total, f"cubic {many}"),
        ("Use V = l × w × h.", "Multiply two of the edge lengths first, then multiply by the third."),
        [
            f"V = l × w × h = {length} × {width} × {height}.",
            f"{length} × {width} = {length * width}, and {length * width} × {height} = {total}.",
            f"So the volume is **{_int(total)} cubic {many}**.",
        ],
        wrong=(length + width + height, length * width, 2 * (length * width + length * height + width * height)),
        figure=figures.prism(f"{length} {abbreviation}", f"{width} {abbreviation}", f"{height} {abbreviation}"),
    )


@template("5.MD.C.5b")
def volume_from_base_area(rng: random.Random) -> Problem:
    """Find the volume of a rectangular prism with V = b × h, from the area of its base and its height."""
    base, height = rng.randint(6, 80), rng.randint(2, 15)
    one, many, _ = rng.choice(_LENGTH_UNITS[:4])
    total = base * height
    return _problem(
        f"The base of a rectangular prism has an area of {base} square {many}. The prism is {height} {many} tall. "
        f"What is its volume, in cubic {many}?",
        _whole_answer(total, f"cubic {many}"),
        (
            "Use V = b × h, where b is the area of the base.",
            "The base area tells how many unit cubes cover the bottom; the height tells how many layers.",
        ),
        [
            f"V = b × h = {base} × {height}.",
            f"{base} × {height} = {total}.",
            f"So the volume is **{_int(total)} cubic {many}**.",
        ],
        wrong=(base + height, base, base * height * 2),
    )


_VOLUME_STORIES = (
    (
        "A fish tank is {l} inches long, {w} inches wide and {h} inches tall. How many cubic inches of water does it "
        "hold when it is full?",
        "inches",
        (12, 36),
        (8, 18),
        (10, 24),
    ),
    (
        "A sandbox is {l} feet long, {w} feet wide and {h} feet deep. How many cubic feet of sand fill it?",
        "feet",
        (4, 10),
        (3, 8),
        (1, 3),
    ),
    (
        "A storage box is {l} centimeters long, {w} centimeters wide and {h} centimeters tall. What is its volume, in "
        "cubic centimeters?",
        "centimeters",
        (20, 60),
        (10, 40),
        (10, 30),
    ),
    (
        "A shipping crate is {l} feet long, {w} feet wide and {h} feet tall. What is its volume, in cubic feet?",
        "feet",
        (3, 12),
        (2, 8),
        (2, 8),
    ),
)


@template("5.MD.C.5b")
def volume_word_problem(rng: random.Random) -> Problem:
    """Solve a real-world problem with the volume of a rectangular prism."""
    text, many, length_range, width_range, height_range = rng.choice(_VOLUME_STORIES)
    length, width, height = rng.randint(*length_range), rng.randint(*width_range), rng.randint(*height_range)
    total = length * width * height
    return _problem(
        text.format(l=length, w=width, h=height),
        _whole_answer(total, f"cubic {many}"),
        (
            "The object is a rectangular prism, so use V = l × w × h.",
            "Multiply the length by the width to get the base area, then multiply by the height.",
        ),
        [
            f"Base area: {length} × {width} = {_int(length * width)} square {many}.",
            f"Volume: {_int(length * width)} × {height} = {_int(total)} cubic {many}.",
            f"So the answer is **{_int(total)} cubic {many}**.",
        ],
        wrong=(length + width + height, length * width, 2 * (length * width + length * height + width * height)),
    )


@template("5.MD.C.5b", difficulty=STRETCH)
def missing_edge_length(rng: random.Random) -> Problem:
    """Find a missing edge of a rectangular prism from its volume and the other two edges."""
    length, width, height = rng.randint(3, 12), rng.randint(2, 10), rng.randint(2, 12)
    one, many, _ = rng.choice(_LENGTH_UNITS[:4])
    total = length * width * height
    return _problem(
        f"A rectangular prism has a volume of {_int(total)} cubic {many}. It is {length} {many} long and {width} "
        f"{many} wide. How tall is it, in {many}?",
        _whole_answer(height, many),
        (
            "Use V = l × w × h and find the missing factor.",
            "Find the area of the base first, then ask how many layers of that size make the volume.",
        ),
        [
            f"Base area: {length} × {width} = {length * width} square {many}.",
            f"{length * width} × h = {_int(total)}, so h = {_int(total)} ÷ {length * width} = {height}.",
            f"So the prism is **{height} {many}** tall.",
        ],
        wrong=(total - length - width, total - length * width, total // length),
    )


def _l_shape_figure(
    total_length: int, tall_length: int, total_height: int, low_height: int, depth: int, unit: str
) -> str:
    """An L-shaped solid: a tall prism on the left joined to a lower prism on the right, edges labelled."""
    scale = min(26.0, 280 / (total_length + 0.6 * depth), 190 / (total_height + 0.45 * depth))
    dx, dy = depth * scale * 0.6, -depth * scale * 0.45
    left, top = 64, 30
    x0, yb = left, top - dy + total_height * scale
    svg = figures.Svg(left + total_length * scale + dx + 80, yb + 34)

    def at(x: float, y: float) -> tuple[float, float]:
        return x0 + x * scale, yb - y * scale

    def back(point: tuple[float, float]) -> tuple[float, float]:
        return point[0] + dx, point[1] + dy

    p0, p1, p2 = at(0, 0), at(total_length, 0), at(total_length, low_height)
    p3, p4, p5 = at(tall_length, low_height), at(tall_length, total_height), at(0, total_height)
    svg.polygon([p5, p4, back(p4), back(p5)], fill=_CUBE_TOP)
    svg.polygon([p3, p4, back(p4), back(p3)], fill=_CUBE_SIDE)
    svg.polygon([p3, p2, back(p2), back(p3)], fill=_CUBE_TOP)
    svg.polygon([p1, p2, back(p2), back(p1)], fill=_CUBE_SIDE)
    svg.polygon([p0, p1, p2, p3, p4, p5], fill=_CUBE_FRONT)
    svg.text((p0[0] + p1[0]) / 2, yb + 22, f"{total_length} {unit}", size=13)
    svg.text(x0 - 8, (p0[1] + p5[1]) / 2 + 5, f"{total_height} {unit}", size=13, anchor="end")
    svg.text((p5[0] + p4[0]) / 2 + dx / 2, p5[1] + dy - 8, f"{tall_length} {unit}", size=13)
    svg.text(p1[0] + dx + 6, (p1[1] + p2[1]) / 2 + dy + 5, f"{low_height} {unit}", size=13, anchor="start")
    svg.text(p1[0] + dx / 2 + 6, p1[1] + dy / 2 + 16, f"{depth} {unit}", size=13, anchor="start")
    return svg.render(
        f"A solid shaped like an L, made of two rectangular prisms side by side, {depth} {unit} deep. It is "
        f"{total_length} {unit} long in all. The left part is {tall_length} {unit} long and {total_height} {unit} "
        f"tall; the right part is {low_height} {unit} tall."
    )


@template("5.MD.C.5c")
def composite_prism_volume(rng: random.Random) -> Problem:
    """Find the volume of an L-shaped solid made of two rectangular prisms."""
    total_length, total_height, depth = rng.randint(5, 12), rng.randint(4, 10), rng.randint(2, 6)
    tall_length, low_height = rng.randint(2, total_length - 2), rng.randint(1, total_height - 2)
    one, many, abbreviation = rng.choice(_LENGTH_UNITS[:4])
    tall = tall_length * depth * total_height
    low_length = total_length - tall_length
    low = low_length * depth * low_height
    return _problem(
        f"This solid is made of two rectangular prisms. What is its volume, in cubic {many}?",
        _whole_answer(tall + low, f"cubic {many}"),
        (
            "Split the solid into two rectangular prisms that do not overlap.",
            "Find each prism's volume with V = l × w × h, then add. Some edge lengths must be found by subtracting.",
        ),
        [
            f"Left prism: {tall_length} × {depth} × {total_height} = {tall} cubic {many}.",
            f"The right prism is {total_length} − {tall_length} = {low_length} {many} long, so its volume is "
            f"{low_length} × {depth} × {low_height} = {low} cubic {many}.",
            f"Add: {tall} + {low} = {tall + low}.",
            f"So the volume is **{tall + low} cubic {many}**.",
        ],
        wrong=(total_length * total_height * depth, tall + total_length * depth * low_height, tall),
        figure=_l_shape_figure(total_length, tall_length, total_height, low_height, depth, abbreviation),
    )


_TWO_PRISM_STORIES = (
    (
        "A planter has two parts shaped like boxes. One part is {a} feet long, {b} feet wide and {c} feet deep. The "
        "other part is {d} feet long, {e} feet wide and {f} feet deep. How many cubic feet of soil fill both parts?",
        "cubic feet",
        ((3, 8), (2, 4), (1, 3)),
    ),
    (
        "A pool has a shallow part {a} meters long, {b} meters wide and {c} meters deep, and a deep part {d} meters "
        "long, {e} meters wide and {f} meters deep. How many cubic meters of water fill the whole pool?",
        "cubic meters",
        ((5, 15), (4, 10), (1, 3)),
    ),
    (
        "A storage building has two rooms shaped like boxes. Room A is {a} feet long, {b} feet wide and {c} feet "
        "tall. Room B is {d} feet long, {e} feet wide and {f} feet tall. What is the total volume of the two rooms?",
        "cubic feet",
        ((6, 15), (5, 12), (8, 10)),
    ),
)


@template("5.MD.C.5c")
def two_prisms_word_problem(rng: random.Random) -> Problem:
    """Solve a real-world problem by adding the volumes of two rectangular prisms."""
    text, unit, ranges = rng.choice(_TWO_PRISM_STORIES)
    a, b, c = (rng.randint(*bounds) for bounds in ranges)
    d, e, f = (rng.randint(*bounds) for bounds in ranges)
    first, second = a * b * c, d * e * f
    return _problem(
        text.format(a=a, b=b, c=c, d=d, e=e, f=f),
        _whole_answer(first + second, unit),
        ("Volume is additive: find the volume of each part, then add.", "Use V = l × w × h for each part."),
        [
            f"First part: {a} × {b} × {c} = {first} {unit}.",
            f"Second part: {d} × {e} × {f} = {second} {unit}.",
            f"Add: {first} + {second} = {first + second}.",
            f"So the total is **{first + second} {unit}**.",
        ],
        wrong=(first, second, a + b + c + d + e + f),
    )


@template("5.MD.C.5c", difficulty=STRETCH)
def other_part_volume(rng: random.Random) -> Problem:
    """Find the volume of one part of a two-prism solid from the total volume and the other part."""
    a, b, c = rng.randint(2, 10), rng.randint(2, 8), rng.randint(2, 6)
    known, other = a * b * c, rng.randint(12, 200)
    total = known + other
    one, many, _ = rng.choice(_LENGTH_UNITS[:4])
    return _problem(
        f"A solid made of two rectangular prisms has a volume of {total} cubic {many}. One of the prisms is {a} "
        f"{many} long, {b} {many} wide and {c} {many} tall. What is the volume of the other prism, in cubic {many}?",
        _whole_answer(other, f"cubic {many}"),
        (
            "The volumes of the two parts add up to the volume of the whole solid.",
            "Find the volume of the prism you know, then subtract it from the total.",
        ),
        [
            f"Known prism: {a} × {b} × {c} = {known} cubic {many}.",
            f"Other prism: {total} − {known} = {other}.",
            f"So its volume is **{other} cubic {many}**.",
        ],
        wrong=(total + known, known, total),
    )


# ---------------------------------------------------------------------------------------------------------
# 5.G: the coordinate plane and the hierarchy of two-dimensional figures


def _point_text(x: int, y: int) -> str:
    return f"({x}, {y})"


@template("5.G.A.1", difficulty=INTRODUCTORY)
def read_point_coordinates(rng: random.Random) -> Problem:
    """Name the ordered pair of a point plotted on the coordinate grid."""
    x, y = rng.sample(range(1, 10), 2)
    letter = rng.choice("ABCDEFGHJKMNPQRST")
    right = _point_text(x, y)
    candidates = [_point_text(y, x), _point_text(x + 1, y), _point_text(x, y - 1), _point_text(x - 1, y + 1)]
    wrong = [option for option in dict.fromkeys(candidates) if option != right][:3]
    return _problem(
        f"What are the coordinates of point {letter}?",
        choice(rng, right, wrong),
        (
            "Start at the origin, (0, 0). The first number tells how far to go along the x-axis; the second, how far "
            "along the y-axis.",
            f"Go straight down from point {letter} to the x-axis to read the first number.",
        ),
        [
            f"From the origin, point {letter} is {plural(x, 'unit')} to the right, along the x-axis: the x-coordinate is {x}.",
            f"It is {plural(y, 'unit')} up, in the direction of the y-axis: the y-coordinate is {y}.",
            f"So point {letter} is at **{right}**.",
        ],
        figure=figures.coordinate_plane([(letter, x, y)], describe_points=False),
    )


@template("5.G.A.1")
def point_at_coordinates(rng: random.Random) -> Problem:
    """Find which plotted point has a given ordered pair (the order of the coordinates matters)."""
    x, y = rng.sample(range(1, 10), 2)
    spots = [(x, y), (y, x)]
    while len(spots) < 4:
        spot = (rng.randint(1, 9), rng.randint(1, 9))
        if spot not in spots:
            spots.append(spot)
    letters = rng.sample("ABCD", 4)
    points = [(letter, px, py) for letter, (px, py) in zip(letters, spots)]
    right = f"Point {letters[0]}"
    return _problem(
        f"Which point is at {_point_text(x, y)}?",
        choice(rng, right, [f"Point {letter}" for letter in letters[1:]]),
        (
            "The first number is how far to go right from the origin; the second is how far to go up.",
            f"Go right {plural(x, 'unit')} first, then up {plural(y, 'unit')}.",
        ),
        [
            f"Start at the origin. Move {plural(x, 'unit')} right along the x-axis.",
            f"Then move {plural(y, 'unit')} up. The point there is {letters[0]}.",
            f"(The point at {_point_text(y, x)} has the numbers in the other order.) So the answer is **{right}**.",
        ],
        figure=figures.coordinate_plane(points, describe_points=False),
    )


@template("5.G.A.1", difficulty=INTRODUCTORY)
def directions_from_origin(rng: random.Random) -> Problem:
    """Choose the moves from the origin that locate an ordered pair."""
    x, y = rng.sample(range(1, 10), 2)
    who = name(rng)
    right = f"Move {plural(x, 'unit')} right along the x-axis, then {plural(y, 'unit')} up."
    wrong = [
        f"Move {plural(y, 'unit')} right along the x-axis, then {plural(x, 'unit')} up.",
        f"Move {plural(x, 'unit')} up along the y-axis, then {plural(y, 'unit')} right.",
        f"Move {plural(x + y, 'unit')} right along the x-axis.",
    ]
    return _problem(
        f"{who} starts at the origin to plot the point {_point_text(x, y)}. Which directions take {who} to the point?",
        choice(rng, right, wrong),
        (
            "The first number of an ordered pair is the x-coordinate; the second is the y-coordinate.",
            "The x-coordinate tells how far to travel along the x-axis, which goes left and right.",
        ),
        [
            f"In {_point_text(x, y)}, the x-coordinate is {x} and the y-coordinate is {y}.",
            f"Travel {plural(x, 'unit')} along the x-axis (to the right), then {plural(y, 'unit')} in the direction of the y-axis (up).",
            f"So: **{right}**",
        ],
    )


_MAP_PLACES = (
    ("school", "S"),
    ("library", "L"),
    ("park", "P"),
    ("museum", "M"),
    ("fire station", "F"),
    ("bakery", "B"),
    ("pool", "W"),
)


@template("5.G.A.2")
def distance_on_a_map(rng: random.Random) -> Problem:
    """Find the distance between two places on a grid map that share a coordinate."""
    (first, first_letter), (second, second_letter) = rng.sample(_MAP_PLACES, 2)
    shared, start = rng.randint(1, 9), rng.randint(0, 7)
    end = rng.randint(start + 3, 10)
    if rng.random() < 0.5:
        start, end = end, start
    vertical = rng.random() < 0.5
    a, b = ((shared, start), (shared, end)) if vertical else ((start, shared), (end, shared))
    distance = abs(end - start)
    figure = figures.coordinate_plane([(first_letter, *a), (second_letter, *b)])
    axis = "y" if vertical else "x"
    return _problem(
        f"The grid is a map of a town. Each unit is 1 block. The {first} ({first_letter}) is at "
        f"{_point_text(*a)} and the {second} ({second_letter}) is at {_point_text(*b)}. How many blocks is it from "
        f"the {first} to the {second}, walking along the grid line?",
        _whole_answer(distance, "blocks"),
        (
            "Look at which coordinate is the same for both places and which one changes.",
            f"Subtract the {axis}-coordinates, the larger minus the smaller.",
        ),
        [
            f"Both places have the same {'x' if vertical else 'y'}-coordinate, {shared}, so they are on one grid line.",
            f"The {axis}-coordinates are {start} and {end}: {max(start, end)} − {min(start, end)} = {distance}.",
            f"So it is **{distance} blocks**.",
        ],
        wrong=(distance + 1, start + end, shared),
        figure=figure,
    )


_RATE_STORIES = (
    (
        "saves ${r} each week",
        "weeks",
        "dollars saved",
        (
            "After {x} weeks, {n} has saved ${y}.",
            "After {y} weeks, {n} has saved ${x}.",
            "{n} saves ${y} each week.",
            "{n} saves ${x} each week.",
        ),
    ),
    (
        "walks {r} miles each hour",
        "hours",
        "miles walked",
        (
            "After {x} hours, {n} has walked {y} miles.",
            "After {y} hours, {n} has walked {x} miles.",
            "{n} walks {y} miles each hour.",
            "{n} walks {x} miles each hour.",
        ),
    ),
    (
        "reads {r} pages each minute",
        "minutes",
        "pages read",
        (
            "After {x} minutes, {n} has read {y} pages.",
            "After {y} minutes, {n} has read {x} pages.",
            "{n} reads {y} pages each minute.",
            "{n} reads {x} pages each minute.",
        ),
    ),
)


@template("5.G.A.2")
def interpret_a_point(rng: random.Random) -> Problem:
    """Interpret the coordinates of a point that shows a real situation."""
    rate_text, x_name, y_name, statements = rng.choice(_RATE_STORIES)
    rate = rng.randint(2, 5)
    last = 20 // rate
    x = rng.choice([value for value in range(2, last + 1) if value != rate])
    y, who = rate * x, name(rng)
    points = [("P" if step == x else "", step, rate * step) for step in range(last + 1)]
    figure = figures.coordinate_plane(points, x_range=(0, max(10, last)), y_range=(0, max(10, rate * last)))
    right, *wrong = (statement.format(x=x, y=y, n=who) for statement in statements)
    return _problem(
        f"{who} {rate_text.format(r=rate)}. The graph shows the {y_name} (y) after each number of {x_name} (x). "
        f"Point P is at {_point_text(x, y)}. What does point P mean?",
        choice(rng, right, wrong),
        (
            f"The x-coordinate counts the {x_name}; the y-coordinate counts the {y_name}.",
            "Read the first number of the ordered pair, then the second, and put them in a sentence.",
        ),
        [
            f"The x-coordinate of P, {x}, is the number of {x_name}.",
            f"The y-coordinate of P, {y}, is the number of {y_name} by then.",
            f"So: **{right}**",
        ],
        figure=figure,
    )


@template("5.G.A.2")
def point_for_a_situation(rng: random.Random) -> Problem:
    """Choose the plotted point that shows a moment of a real situation."""
    rate_text, x_name, y_name, _ = rng.choice(_RATE_STORIES)
    rate = rng.randint(2, 3)
    x = rng.randint(2, 10 // rate)
    y, who = rate * x, name(rng)
    spots = [(x, y), (y, x), (x, y - rate), (x + 1, y)]
    letters = rng.sample("ABCD", 4)
    figure = figures.coordinate_plane([(letter, *spot) for letter, spot in zip(letters, spots)], describe_points=False)
    right = f"Point {letters[0]}"
    return _problem(
        f"{who} {rate_text.format(r=rate)}. On the grid, x is the number of {x_name} and y is the number of "
        f"{y_name}. Which point shows the {y_name} after {x} {x_name}?",
        choice(rng, right, [f"Point {letter}" for letter in letters[1:]]),
        (
            f"First find the {y_name} after {x} {x_name}.",
            "Then find the point whose x-coordinate is the time and whose y-coordinate is that amount.",
        ),
        [
            f"After {x} {x_name}, the amount is {x} × {rate} = {y}.",
            f"The ordered pair is {_point_text(x, y)}: {x} right and {y} up from the origin.",
            f"That point is {letters[0]}. So the answer is **{right}**.",
        ],
        figure=figure,
    )


# Each shape as the set of kinds it takes in: Q a quadrilateral with no parallel sides, P a parallelogram with no
# right angle and unequal sides, R a rectangle that is not a square, H a rhombus that is not a square, S a square;
# t1..t5 triangles (scalene, right scalene, isosceles, right isosceles, equilateral).
_SHAPE_KINDS = {
    "quadrilateral": {"Q", "P", "R", "H", "S"},
    "parallelogram": {"P", "R", "H", "S"},
    "rectangle": {"R", "S"},
    "rhombus": {"H", "S"},
    "square": {"S"},
    "triangle": {"t1", "t2", "t3", "t4", "t5"},
    "isosceles triangle": {"t3", "t4", "t5"},
    "equilateral triangle": {"t5"},
    "right triangle": {"t2", "t4"},
    "scalene triangle": {"t1", "t2"},
}
# The attributes each category brings; a shape has those of every category it belongs to.
_SHAPE_ATTRIBUTES = {
    "quadrilateral": ("4 sides",),
    "parallelogram": (
        "2 pairs of parallel sides",
        "opposite sides of equal length",
        "opposite angles of equal measure",
    ),
    "rectangle": ("4 right angles",),
    "rhombus": ("4 sides of equal length",),
    "triangle": ("3 sides",),
    "isosceles triangle": ("at least 2 sides of equal length",),
    "equilateral triangle": ("3 sides of equal length",),
    "right triangle": ("1 right angle",),
    "scalene triangle": ("no sides of equal length",),
}
_KIND_EXAMPLES = (
    ("S", "a square"),
    ("R", "a rectangle"),
    ("H", "a rhombus"),
    ("P", "a parallelogram"),
    ("Q", "a quadrilateral with no parallel sides"),
    ("t5", "an equilateral triangle"),
    ("t4", "an isosceles right triangle"),
    ("t3", "an isosceles triangle"),
    ("t2", "a right triangle with no equal sides"),
    ("t1", "a triangle with no equal sides and no right angle"),
)


def _shapes(shape: str) -> str:
    return shape + ("es" if shape.endswith("us") else "s")


def _a(shape: str) -> str:
    return ("an " if shape[0] in "aeiou" else "a ") + shape


def _is_a(shape: str, category: str) -> bool:
    return _SHAPE_KINDS[shape] <= _SHAPE_KINDS[category]


def _attributes(shape: str) -> list[str]:
    return [
        attribute
        for category, attributes in _SHAPE_ATTRIBUTES.items()
        if _is_a(shape, category)
        for attribute in attributes
    ]


def _inheritance_cases() -> list[tuple[str, str, str]]:
    """(category, attribute, subcategory): the attribute belongs to every shape of the category. Of the plain
    triangle and quadrilateral only "4 sides" is used; the rest would be too easy."""
    return [
        (category, attribute, shape)
        for category, attributes in _SHAPE_ATTRIBUTES.items()
        for attribute in attributes
        if category != "triangle" and attribute != "3 sides"
        for shape in _SHAPE_KINDS
        if shape != category and _is_a(shape, category)
    ]


@template("5.G.B.3")
def attribute_of_subcategory(rng: random.Random) -> Problem:
    """Conclude that an attribute of a category belongs to every subcategory (all squares have 4 right angles)."""
    category, attribute, shape = rng.choice(_inheritance_cases())
    right = f"All {_shapes(shape)} have {attribute}."
    wrong = [
        f"All {_shapes(category)} are {_shapes(shape)}.",
        f"Some {_shapes(shape)} do not have {attribute}.",
        f"Only {_shapes(shape)} have {attribute}.",
    ]
    return _problem(
        f"All {_shapes(category)} have {attribute}. {_shapes(shape).capitalize()} are {_shapes(category)}. Which "
        f"statement must be true?",
        choice(rng, right, wrong),
        (
            "If a shape belongs to a category, it has every attribute that all shapes of that category have.",
            f"Every {shape} is {_a(category)}, but is every {category} {_a(shape)}?",
        ),
        [
            f"Every {shape} is {_a(category)}.",
            f"All {_shapes(category)} have {attribute}, so every {shape} has it too.",
            f"Not every {category} is {_a(shape)}, and other {_shapes(category)} have {attribute} as well.",
            f"So: **{right}**",
        ],
    )


@template("5.G.B.3")
def does_every_shape_have(rng: random.Random) -> Problem:
    """Decide with a reason whether every shape of one kind has an attribute of a related kind."""
    if rng.random() < 0.5:
        category, attribute, shape = rng.choice(_inheritance_cases())
        asked = shape
        right = f"Yes, because every {shape} is {_a(category)}, and all {_shapes(category)} have {attribute}."
        wrong = [
            f"No, because only {_shapes(category)} have {attribute}.",
            f"Yes, because every {category} is {_a(shape)}.",
            f"No, because {_shapes(shape)} are not {_shapes(category)}.",
        ]
        steps = [
            f"Every {shape} is {_a(category)}.",
            f"All {_shapes(category)} have {attribute}, so every {shape} does too.",
        ]
    else:
        cases = [
            (category, attribute, shape)
            for category in _SHAPE_KINDS
            for shape in _SHAPE_KINDS
            for attribute in _attributes(shape)
            if shape != category and _is_a(shape, category) and attribute not in _attributes(category)
        ]
        category, attribute, shape = rng.choice(cases)
        asked = category
        right = f"No. {_shapes(shape).capitalize()} have {attribute}, but not every {category} is {_a(shape)}."
        wrong = [
            f"Yes, because every {shape} is {_a(category)}.",
            f"Yes, because every {category} is {_a(shape)}.",
            f"No, because no {category} has {attribute}.",
        ]
        steps = [
            f"{_shapes(shape).capitalize()} have {attribute}, and they are {_shapes(category)}.",
            f"But some {_shapes(category)} are not {_shapes(shape)}, and those do not have to have {attribute}.",
        ]
    steps.append(f"So: **{right}**")
    return _problem(
        f"Does every {asked} have {attribute}? Choose the answer with the right reason.",
        choice(rng, right, wrong),
        (
            "An attribute of a whole category belongs to every shape in it, but an attribute of a smaller group does "
            "not have to belong to the whole category.",
            "Which is the larger category here, and which is the smaller group inside it?",
        ),
        steps,
    )


def _relation(shape: str, other: str) -> str:
    if _is_a(shape, other):
        return "always"
    return "sometimes" if _SHAPE_KINDS[shape] & _SHAPE_KINDS[other] else "never"


def _never_reason(shape: str, other: str) -> str:
    sides = {name_: (3 if "triangle" in name_ else 4) for name_ in (shape, other)}
    if sides[shape] != sides[other]:
        return f"{_a(shape).capitalize()} has {sides[shape]} sides and {_a(other)} has {sides[other]} sides."
    scalene, equal = (shape, other) if shape == "scalene triangle" else (other, shape)
    return f"A scalene triangle has no sides of equal length, but {_a(equal)} has at least 2 equal sides."


def _asn_pairs() -> list[tuple[str, str]]:
    """Pairs of shapes for "always, sometimes or never" sentences: within a family, plus a few across families.
    An equilateral triangle and a right triangle are left out: why they never meet needs angle sums."""
    crossing = (("square", "right triangle"), ("equilateral triangle", "rhombus"), ("rectangle", "right triangle"))
    return [
        (shape, other)
        for shape in _SHAPE_KINDS
        for other in _SHAPE_KINDS
        if shape != other
        and (("triangle" in shape) == ("triangle" in other) or (shape, other) in crossing)
        and {shape, other} != {"equilateral triangle", "right triangle"}
    ]


@template("5.G.B.4")
def always_sometimes_never(rng: random.Random) -> Problem:
    """Decide whether a shape of one kind is always, sometimes or never a shape of another kind."""
    shape, other = rng.choice(_asn_pairs())
    relation = _relation(shape, other)
    if relation == "always":
        reason = f"Every {shape} has all the attributes of {_a(other)}, so {_shapes(shape)} are a kind of {other}."
    elif relation == "sometimes":
        example = next(
            text_value for kind, text_value in _KIND_EXAMPLES if kind in _SHAPE_KINDS[shape] & _SHAPE_KINDS[other]
        )
        reason = f"Some {_shapes(shape)} are {_shapes(other)}, for example {example}, but not every {shape} is."
    else:
        reason = f"No {shape} can be {_a(other)}: {_never_reason(shape, other)}"
    return _problem(
        f"Complete the sentence.\n\n{_a(shape).capitalize()} is ___ {_a(other)}.",
        choice(rng, relation, ["always", "sometimes", "never"], keep_order=True),
        (
            f"List the attributes every {other} must have.",
            f"Does every {shape} have them? Could any {shape} have them?",
        ),
        [reason, f"So {_a(shape)} is **{relation}** {_a(other)}."],
    )


_QUADRILATERAL_NAMES = ("quadrilateral", "parallelogram", "rectangle", "rhombus", "square")


@template("5.G.B.4")
def classify_a_quadrilateral(rng: random.Random) -> Problem:
    """Select every name in the hierarchy that fits a quadrilateral with given sides and angles."""
    kind = rng.choice(("rectangle", "rhombus", "parallelogram"))
    scale = rng.randint(1, 2)
    if kind == "rectangle":
        long_side, short_side = rng.sample(range(2, 13), 2)
        points = [(0, 0), (long_side, 0), (long_side, short_side), (0, short_side)]
        sides, facts = [long_side, short_side, long_side, short_side], "It has 4 right angles."
        right_angles = (0, 1, 2, 3)
    else:
        slant = 5 * scale
        base = slant if kind == "rhombus" else rng.choice([n for n in range(3, 14) if n != slant])
        points = [(0, 0), (base, 0), (base + 3 * scale, 4 * scale), (3 * scale, 4 * scale)]
        sides, facts, right_angles = [base, slant, base, slant], "It has no right angles.", ()
    labels = [f"{side} cm" for side in sides]
    figure = figures.polygon_figure(
        points,
        side_labels=labels,
        right_angles=right_angles,
        label=f"A 4-sided shape with sides of {join_words(labels)} in order. Opposite sides are parallel. {facts}",
    )
    correct = [shape for shape in _QUADRILATERAL_NAMES if kind == shape or _is_a(kind, shape)]
    answer = multi(rng, correct, [shape for shape in _QUADRILATERAL_NAMES if shape not in correct])
    missing = [shape for shape in _QUADRILATERAL_NAMES if shape not in correct]
    return _problem(
        f"Opposite sides of this shape are parallel. {facts} The side lengths are marked. Which names describe the "
        f"shape?",
        answer,
        (
            "A shape can have more than one name: it belongs to every category whose attributes it has.",
            "Check each name's attributes: parallel sides, right angles, equal sides.",
        ),
        [
            "It has 4 sides, so it is a quadrilateral; its opposite sides are parallel, so it is a parallelogram.",
            ("It has 4 right angles, so it is a rectangle. " if kind == "rectangle" else "")
            + ("All 4 sides are equal, so it is a rhombus. " if kind == "rhombus" else "")
            + f"It is not {' or '.join(_a(shape) for shape in missing)}, because "
            + {
                "rectangle": "its sides are not all equal.",
                "rhombus": "it has no right angles.",
                "parallelogram": "it has no right angles and its sides are not all equal.",
            }[kind],
            f"So the names are **{answer.display}**.",
        ],
        figure=figure,
    )


@template("5.G.B.4")
def true_hierarchy_statement(rng: random.Random) -> Problem:
    """Choose the true statement about how two kinds of shapes are related in the hierarchy."""
    shape, other = rng.choice(
        [(shape, other) for shape in _SHAPE_KINDS for other in _SHAPE_KINDS if shape != other and _is_a(shape, other)]
    )
    right = f"Every {shape} is {_a(other)}."
    wrong = [
        f"Every {other} is {_a(shape)}.",
        f"No {shape} is {_a(other)}.",
        f"Some {_shapes(shape)} are not {_shapes(other)}.",
    ]
    first, second = (shape, other) if rng.random() < 0.5 else (other, shape)
    example = next(
        text_value for kind, text_value in _KIND_EXAMPLES if kind in _SHAPE_KINDS[other] - _SHAPE_KINDS[shape]
    )
    return _problem(
        f"Which statement about {_shapes(first)} and {_shapes(second)} is true?",
        choice(rng, right, wrong),
        (
            "“Every A is a B” is true only when each A has all the attributes of a B.",
            "For each statement, try to think of an example that breaks it.",
        ),
        [
            f"{_a(shape).capitalize()} has all the attributes of {_a(other)}: {join_words(_attributes(other))}. So "
            f"every {shape} is {_a(other)}, and none is left out.",
            f"But not every {other} is {_a(shape)}: {example} is {_a(other)} and not {_a(shape)}.",
            f"So the true statement is **{right}**",
        ],
    )
