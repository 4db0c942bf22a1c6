"""Grade 3 item generators: every grade 3 standard (OA, NBT, NF, MD, G).

Operations and algebraic thinking: products and quotients read as equal groups and shares, multiplication and
division word problems within 100, unknowns in equations, properties of multiplication, facts, two-step problems
with a letter for the unknown and a check by rounding, and patterns. Number and operations in base ten: rounding,
adding and subtracting within 1000, one-digit numbers times multiples of 10. Fractions (denominators 2, 3, 4, 6
and 8): unit fractions and a/b as parts of size 1/b, fractions on the number line, equivalence, whole numbers as
fractions, comparing. Measurement and data: time to the minute and intervals, grams, kilograms and liters,
scaled picture and bar graphs, line plots in halves and quarters, area (unit squares, tiling, multiplying, the
distributive property, rectilinear figures) and perimeter. Geometry: quadrilaterals and their categories,
partitioning shapes into equal areas.

Parents whose parts all have templates (3.MD.C.5, 3.MD.C.7, 3.NF.A.2, 3.NF.A.3) are covered through them. No
standard is skipped. Shared helpers (finishing a problem, rulers, number lines, word lists) come from `grade_2`.
"""

from __future__ import annotations

import ast
import math
import operator
import random
from collections.abc import Sequence
from fractions import Fraction

from assessments.generators import figures
from assessments.generators.base import (
    DIVIDE,
    INTRODUCTORY,
    STRETCH,
    TIMES,
    Answer,
    Problem,
    choice,
    comparison,
    join_words,
    mixed,
    multi,
    name,
    names,
    numeric,
    steps,
    template,
    text,
)
from assessments.generators.figures import FILL, INK, SHADE, Svg
from assessments.generators.grade_2 import (
    SURVEYS,
    UNITS,
    clock_mistakes,
    clock_text,
    column_addition_steps,
    count_up_steps,
    finish,
    graph_question,
    no_regroup_sum,
    pick_choice,
    smaller_from_larger,
)

# (container, singular thing, plural things) for equal-groups stories.
GROUPS = (
    ("bag", "apple", "apples"),
    ("box", "crayon", "crayons"),
    ("pack", "sticker", "stickers"),
    ("vase", "flower", "flowers"),
    ("team", "player", "players"),
    ("plate", "cookie", "cookies"),
    ("tray", "muffin", "muffins"),
    ("jar", "marble", "marbles"),
    ("shelf", "book", "books"),
)
CONTAINERS = {"box": "boxes", "shelf": "shelves"}


def containers(word: str) -> str:
    return CONTAINERS.get(word, word + "s")


def each(box: str) -> str:
    """ "in each bag", "on each shelf"."""
    return f"{'on' if box in ('shelf', 'plate', 'tray', 'team') else 'in'} each {box}"


def onto(box: str) -> str:
    """The word for putting things into (or onto) containers."""
    return "onto" if box in ("shelf", "plate", "tray") else "into"


def fact(rng: random.Random, low: int = 2, high: int = 9) -> tuple[int, int]:
    """Two factors for a multiplication fact."""
    return rng.randint(low, high), rng.randint(low, high)


_OPERATIONS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: Fraction}


def value_of(expression: str) -> Fraction:
    """The value of an expression of whole numbers with ×, ÷, +, − and parentheses, in the usual order of
    operations."""

    def walk(node: ast.AST) -> Fraction:
        if isinstance(node, ast.Constant) and isinstance(node.value, int):
            return Fraction(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATIONS:
            return _OPERATIONS[type(node.op)](walk(node.left), walk(node.right))
        raise ValueError(f"Not an arithmetic expression: {expression!r}")

    python = expression.replace(TIMES, "*").replace(DIVIDE, "/").replace("−", "-")
    return walk(ast.parse(python, mode="eval").body)


def expression_choice(rng: random.Random, correct: str, candidates: Sequence[str]) -> Answer:
    """Choices among expressions: the right one, and wrong ones whose values differ from it (so exactly one is
    right)."""
    target = value_of(correct)
    return pick_choice(rng, correct, [c for c in candidates if value_of(c) != target])


def equal_groups_figure(groups: int, size: int, *, thing_word: str = "dots") -> str:
    """`groups` circles, each holding `size` dots."""
    per_row = min(groups, 5)
    columns = 3 if size > 4 else 2
    dot_rows = math.ceil(size / columns)
    box_w, box_h = columns * 18 + 20, dot_rows * 18 + 20
    svg = Svg(per_row * (box_w + 12) + 8, math.ceil(groups / per_row) * (box_h + 12) + 8)
    for group in range(groups):
        row, column = divmod(group, per_row)
        x0, y0 = 8 + column * (box_w + 12), 8 + row * (box_h + 12)
        svg.rect(x0, y0, box_w, box_h, fill="#ffffff", stroke=INK, rx=14)
        for dot in range(size):
            dot_row, dot_column = divmod(dot, columns)
            svg.circle(x0 + 19 + dot_column * 18, y0 + 19 + dot_row * 18, 6, fill=FILL)
    return svg.render(f"{groups} circled groups with {size} {thing_word} in each group")


# ---------------------------------------------------------------------------------------------------------
# 3.OA.A.1 Interpret products


@template("3.OA.A.1", difficulty=INTRODUCTORY)
def expression_for_groups(rng: random.Random) -> Problem:
    """Which expression gives the total of a picture of equal groups."""
    groups, size = rng.randint(2, 6), rng.randint(2, 9)
    correct = f"{groups} {TIMES} {size}"
    candidates = (
        f"{groups} + {size}",
        f"{groups} {TIMES} {groups}",
        f"{size} + {size}",
        f"{size} {TIMES} {size}",
        f"{groups + 1} {TIMES} {size}",
    )
    answer = expression_choice(rng, correct, candidates)
    hints = ("How many groups are there?", "How many dots are in each group?")
    solution = steps(
        f"There are {groups} groups with {size} dots in each group.",
        f"{groups} groups of {size} is **{correct}** = {groups * size} dots.",
    )
    return finish(
        "Which expression tells how many dots there are in all?",
        answer,
        hints,
        solution,
        figure=equal_groups_figure(groups, size),
    )


@template("3.OA.A.1")
def story_for_product(rng: random.Random) -> Problem:
    """Which story a product such as 5 × 7 describes."""
    groups, size = rng.randint(2, 9), rng.randint(2, 9)
    if groups == size:
        size += 1
    box, _, things = rng.choice(GROUPS)
    who = name(rng)
    boxes = containers(box)
    correct = f"{who} has {groups} {boxes} with {size} {things} {each(box)}. How many {things} are there?"
    low, high = sorted((groups, size))
    wrong = (
        f"{who} has {groups} {things} and gets {size} more. How many {things} are there now?",
        f"{who} has {high} {things} and gives away {low}. How many {things} are left?",
        f"{who} has {groups} {boxes} with {groups} {things} {each(box)}. How many {things} are there?",
    )
    answer = choice(rng, correct, wrong)
    hints = (
        f"{groups} {TIMES} {size} means {groups} equal groups with {size} in each group.",
        "Which story has equal groups?",
    )
    solution = steps(
        f"{groups} {TIMES} {size} is the total of {groups} groups of {size}.",
        f"The story with {groups} {boxes} of {size} {things} each: **{correct}**",
    )
    return finish(f"Which story can be solved with {groups} {TIMES} {size}?", answer, hints, solution)


@template("3.OA.A.1")
def meaning_of_factor(rng: random.Random) -> Problem:
    """What each number in a product stands for in an equal-groups story."""
    groups, size = rng.randint(2, 9), rng.randint(2, 9)
    if groups == size:
        groups += 1
    box, _, things = rng.choice(GROUPS)
    who = name(rng)
    boxes = containers(box)
    asked = rng.choice(("groups", "size", "product"))
    options = {
        "groups": f"the number of {boxes}",
        "size": f"the number of {things} {each(box)}",
        "product": f"the total number of {things}",
    }
    number = {"groups": groups, "size": size, "product": groups * size}[asked]
    correct = options[asked]
    answer = choice(rng, correct, [text_ for key, text_ in options.items() if key != asked])
    stem = (
        f"{who} has {groups} {boxes} with {size} {things} {each(box)}. {who} writes "
        f"{groups} {TIMES} {size} = {groups * size}. What does the {number} stand for?"
    )
    hints = (
        f"In {groups} {TIMES} {size}, the first number counts the groups.",
        "The number after = is how many there are in all.",
    )
    solution = steps(
        f"{groups} is the number of {boxes}, {size} is the number {each(box)}, and {groups * size} is the total.",
        f"So {number} stands for **{correct}**.",
    )
    return finish(stem, answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 3.OA.A.2 Interpret quotients


def _sharing_or_grouping(rng: random.Random) -> tuple[int, int, str, str, str, str, bool]:
    """A division story: (total, divisor, container word, containers, things, who, sharing?). In a sharing story
    the divisor is the number of groups; in a grouping story it is the size of each group."""
    divisor, quotient = fact(rng)
    box, _, things = rng.choice(GROUPS)
    return divisor * quotient, divisor, box, containers(box), things, name(rng), rng.random() < 0.5


@template("3.OA.A.2")
def story_for_quotient(rng: random.Random) -> Problem:
    """Which story a quotient such as 56 ÷ 8 describes (equal shares or equal groups)."""
    total, divisor, box, boxes, things, who, sharing = _sharing_or_grouping(rng)
    if sharing:
        correct = (
            f"{who} puts {total} {things} {onto(box)} {divisor} {boxes}, the same number in each. "
            f"How many {things} go {each(box)}?"
        )
    else:
        correct = (
            f"{who} puts {total} {things} {onto(box)} {boxes}, {divisor} {each(box)}. How many {boxes} does {who} fill?"
        )
    wrong = (
        f"{who} has {divisor} {boxes} with {total} {things} {each(box)}. How many {things} are there?",
        f"{who} has {total} {things} and gets {divisor} more. How many {things} are there now?",
        f"{who} has {total} {things} and gives away {divisor}. How many {things} are left?",
    )
    answer = choice(rng, correct, wrong)
    hints = (
        f"{total} {DIVIDE} {divisor} splits {total} into equal groups.",
        "Which story splits a total into equal groups or equal shares?",
    )
    solution = steps(
        f"{total} {DIVIDE} {divisor} = {total // divisor} splits {total} things equally.",
        f"The story that does this: **{correct}**",
    )
    return finish(f"Which story can be solved with {total} {DIVIDE} {divisor}?", answer, hints, solution)


@template("3.OA.A.2")
def meaning_of_quotient(rng: random.Random) -> Problem:
    """What a quotient tells in a story: the number in each share or the number of shares."""
    total, divisor, box, boxes, things, who, sharing = _sharing_or_grouping(rng)
    if sharing:
        stem = f"{who} puts {total} {things} {onto(box)} {divisor} {boxes}, the same number {each(box)}."
        correct = f"the number of {things} {each(box)}"
        other = f"the number of {boxes}"
    else:
        stem = f"{who} puts {total} {things} {onto(box)} {boxes}, with {divisor} {things} {each(box)}."
        correct = f"the number of {boxes}"
        other = f"the number of {things} {each(box)}"
    answer = choice(rng, correct, (other, f"the total number of {things}", f"the number of {things} left over"))
    hints = (
        f"What does the story already tell you: the number of {boxes}, or how many go in each?",
        f"{total} {DIVIDE} {divisor} finds the number the story does not give.",
    )
    known = f"the number of {boxes}" if sharing else f"how many {things} go {each(box)}"
    solution = steps(
        f"The story gives the total, {total}, and {known}, {divisor}.",
        f"So {total} {DIVIDE} {divisor} = {total // divisor} is **{correct}**.",
    )
    return finish(f"{stem} What does {total} {DIVIDE} {divisor} tell you?", answer, hints, solution)


@template("3.OA.A.2", difficulty=INTRODUCTORY)
def groups_in_picture(rng: random.Random) -> Problem:
    """How many equal groups of a given size a picture of objects makes (a quotient as a number of groups)."""
    size, groups = rng.randint(2, 6), rng.randint(2, 6)
    total = size * groups
    shape = rng.choice(figures.SHAPES)
    hints = (f"Circle {size} {shape}s at a time.", "Count how many groups you circled.")
    solution = steps(
        f"There are {total} {shape}s. Each row of the picture has {size}.",
        f"{total} {DIVIDE} {size} = **{groups}** groups.",
    )
    stem = f"Put the {total} {shape}s into groups of {size}. How many groups are there? ({total} {DIVIDE} {size})"
    return finish(
        stem,
        numeric(groups),
        hints,
        solution,
        wrong=[size, total - size, groups + 1],
        figure=figures.objects(total, shape=shape, per_row=size),
    )


# ---------------------------------------------------------------------------------------------------------
# 3.OA.A.3 Multiplication and division word problems within 100


@template("3.OA.A.3")
def equal_groups_story(rng: random.Random) -> Problem:
    """An equal-groups story: the total, the size of each group or the number of groups unknown."""
    groups, size = fact(rng, 2, 10)
    box, _, things = rng.choice(GROUPS)
    boxes, who = containers(box), name(rng)
    total = groups * size
    kind = rng.choice(("total", "size", "groups"))
    if kind == "total":
        stem = f"{who} has {groups} {boxes}. Each {box} has {size} {things}. How many {things} does {who} have?"
        value, line, wrong = total, f"{groups} {TIMES} {size} = ?", [groups + size, total - size]
    elif kind == "size":
        stem = (
            f"{who} puts {total} {things} {onto(box)} {groups} {boxes}, the same number in each. "
            f"How many go {each(box)}?"
        )
        value, line, wrong = size, f"{groups} {TIMES} ? = {total}", [total - groups, groups]
    else:
        stem = f"{who} has {total} {things}. {who} puts {size} {each(box)}. How many {boxes} does {who} fill?"
        value, line, wrong = groups, f"? {TIMES} {size} = {total}", [total - size, size]
    hints = (
        "Draw the equal groups, or think of a multiplication fact.",
        "Which number is unknown: the total, the number in each group, or the number of groups?",
    )
    solution = steps(f"Write an equation: {line}", f"The answer is **{value}**.")
    return finish(stem, numeric(value), hints, solution, wrong=wrong)


@template("3.OA.A.3")
def array_story(rng: random.Random) -> Problem:
    """An array story: the total or the number in each row unknown."""
    rows, columns = fact(rng, 2, 10)
    who = name(rng)
    things = rng.choice(("chairs", "desks", "plants", "cars", "tiles", "cupcakes"))
    total = rows * columns
    if rng.random() < 0.5:
        stem = f"{who} sets out {things} in {rows} rows with {columns} in each row. How many {things} are there?"
        value, line, wrong = total, f"{rows} {TIMES} {columns} = ?", [rows + columns, total + columns]
    else:
        stem = f"{who} puts {total} {things} in {rows} equal rows. How many {things} are in each row?"
        value, line, wrong = columns, f"{rows} {TIMES} ? = {total}", [total - rows, rows]
    hints = ("An array has equal rows.", "Use a multiplication fact with the numbers in the story.")
    solution = steps(f"Write an equation: {line}", f"The answer is **{value}**.")
    return finish(
        stem,
        numeric(value),
        hints,
        solution,
        wrong=wrong,
        figure=figures.dot_array(rows, columns) if value == total and rng.random() < 0.4 else "",
    )


@template("3.OA.A.3")
def measurement_story(rng: random.Random) -> Problem:
    """Multiplication or division with measurement quantities: lengths laid end to end or cut into equal pieces."""
    count, each = fact(rng, 2, 10)
    who = name(rng)
    unit = rng.choice(("centimeter", "meter", "inch", "foot"))
    units = UNITS[unit][1]
    total = count * each
    thing_name = rng.choice(("ribbon", "rope", "board", "piece of string"))
    pieces = {"piece of string": "pieces of string"}.get(thing_name, thing_name + "s")
    kind = rng.choice(("total", "pieces", "length"))
    if kind == "total":
        stem = f"{who} lays {count} {pieces} end to end. Each is {each} {units} long. How long is the line, in {units}?"
        value, line, wrong = total, f"{count} {TIMES} {each} = ?", [count + each]
    elif kind == "pieces":
        stem = (
            f"{who} cuts a {thing_name} {total} {units} long into pieces that are each {each} {units} long. "
            f"How many pieces does {who} get?"
        )
        value, line, wrong = count, f"{total} {DIVIDE} {each} = ?", [total - each, each]
    else:
        stem = (
            f"{who} cuts a {thing_name} {total} {units} long into {count} equal pieces. "
            f"How long is each piece, in {units}?"
        )
        value, line, wrong = each, f"{total} {DIVIDE} {count} = ?", [total - count, count]
    hints = ("Draw the length as a bar split into equal parts.", "Multiply to join equal lengths; divide to split.")
    solution = steps(f"Write an equation: {line}", f"The answer is **{value}**.")
    return finish(stem, numeric(value), hints, solution, wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 3.OA.A.4 The unknown in a multiplication or division equation


@template("3.OA.A.4")
def unknown_factor(rng: random.Random) -> Problem:
    """The unknown number in a multiplication equation, such as 8 × ? = 48."""
    a, b = fact(rng, 2, 10)
    product = a * b
    form, value = rng.choice(
        (
            (f"{a} {TIMES} ? = {product}", b),
            (f"? {TIMES} {b} = {product}", a),
            (f"{product} = {a} {TIMES} ?", b),
            (f"{a} {TIMES} {b} = ?", product),
        )
    )
    known = a if value == b else b
    if value == product:
        hints = (f"Think of {a} groups of {b}.", "Skip-count to find the total.")
        lines = (f"{a} groups of {b} is {product}.", f"? = **{product}**")
        wrong = [a + b, product + a]
    else:
        hints = (f"What number times {known} makes {product}?", f"Skip-count by {known}s up to {product}.")
        lines = (f"{known} {TIMES} {value} = {product}.", f"So ? = **{value}**.")
        wrong = [product - known, product + known, value + 1]
    return finish(f"What number makes the equation true? {form}", numeric(value), hints, steps(*lines), wrong=wrong)


@template("3.OA.A.4")
def unknown_in_division(rng: random.Random) -> Problem:
    """The unknown number in a division equation, such as 5 = ? ÷ 3 or 42 ÷ ? = 6."""
    divisor, quotient = fact(rng, 2, 10)
    total = divisor * quotient
    form, value = rng.choice(
        (
            (f"{total} {DIVIDE} {divisor} = ?", quotient),
            (f"{total} {DIVIDE} ? = {quotient}", divisor),
            (f"? {DIVIDE} {divisor} = {quotient}", total),
            (f"{quotient} = ? {DIVIDE} {divisor}", total),
        )
    )
    if value == total:
        hints = ("The unknown is the number being divided.", "Multiply the other two numbers.")
        lines = (f"If ? {DIVIDE} {divisor} = {quotient}, then ? = {divisor} {TIMES} {quotient}.", f"? = **{total}**")
        wrong = [divisor + quotient, quotient - divisor if quotient > divisor else divisor - quotient, total + divisor]
    else:
        other = quotient if value == divisor else divisor
        hints = (f"Think of a multiplication fact with {other} and {total}.", f"{other} {TIMES} ? = {total}")
        lines = (f"{other} {TIMES} {value} = {total}.", f"So ? = **{value}**.")
        wrong = [total - other, total * other, value + 1]
    return finish(f"What number makes the equation true? {form}", numeric(value), hints, steps(*lines), wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 3.OA.B.5 Properties of multiplication


@template("3.OA.B.5")
def order_does_not_matter(rng: random.Random) -> Problem:
    """Which expression equals a product, by changing the order of the factors (commutative property)."""
    a, b = fact(rng)
    if a == b:
        b = a % 9 + 2
    correct = f"{b} {TIMES} {a}"
    candidates = (f"{a} + {b}", f"{b} {TIMES} {b}", f"{a} {TIMES} {a}", f"{b} + {a}", f"{a} {TIMES} {b + 1}")
    answer = expression_choice(rng, correct, candidates)
    who = name(rng)
    stem = rng.choice(
        (
            f"Which is equal to {a} {TIMES} {b}?",
            f"{who} knows that {a} {TIMES} {b} = {a * b}. Which other product is also {a * b}?",
        )
    )
    hints = ("Does changing the order of the factors change the product?", f"Think of {a} rows of {b} turned sideways.")
    solution = steps(
        f"{a} rows of {b} turned sideways are {b} rows of {a}: the same number of things.",
        f"So {a} {TIMES} {b} = **{correct}** = {a * b}.",
    )
    return finish(stem, answer, hints, solution)


@template("3.OA.B.5")
def group_factors(rng: random.Random) -> Problem:
    """A product of three one-digit factors, made easier by multiplying a friendly pair first (associative)."""
    pairs = ((5, 2), (2, 5), (4, 5), (5, 4), (2, 3), (3, 3), (2, 4))
    first, second = rng.choice(pairs)
    other = rng.randint(2, 9)
    while other * first * second > 100:
        other = rng.randint(2, 5)
    factors = [other, first, second] if rng.random() < 0.5 else [first, second, other]
    product = other * first * second
    easy = first * second
    hints = ("You may multiply any two factors first.", "Which two factors make an easy product, like 10?")
    solution = steps(
        f"Multiply {first} {TIMES} {second} = {easy} first.", f"Then {easy} {TIMES} {other} = **{product}**."
    )
    return finish(
        f"What is {f' {TIMES} '.join(map(str, factors))}?",
        numeric(product),
        hints,
        solution,
        wrong=[other + first + second, easy + other, product + other],
    )


@template("3.OA.B.5")
def split_a_factor(rng: random.Random) -> Problem:
    """Find a product by splitting a factor into two easier parts (distributive property)."""
    a = rng.randint(3, 9)
    b = rng.randint(6, 9)
    part = 5
    rest = b - part
    if rng.random() < 0.5:
        stem = (
            f"{a} {TIMES} {part} = {a * part} and {a} {TIMES} {rest} = {a * rest}. "
            f"Use these facts to find {a} {TIMES} {b}."
        )
        value = a * b
        wrong = [a * part + rest, a * part * a * rest if a * part * a * rest < 1000 else a + b, a * part + a]
        lines = (
            f"{b} = {part} + {rest}, so {a} {TIMES} {b} = {a} {TIMES} {part} + {a} {TIMES} {rest}.",
            f"{a * part} + {a * rest} = **{value}**",
        )
    else:
        stem = f"What number makes this true? {a} {TIMES} {b} = ({a} {TIMES} {part}) + ({a} {TIMES} ?)"
        value = rest
        wrong = [b, a, a * rest]
        lines = (f"{b} is split into {part} and the missing number.", f"{part} + {rest} = {b}, so ? = **{rest}**.")
    hints = (f"Split {b} into two numbers that are easy to multiply by.", "Multiply each part, then add.")
    return finish(stem, numeric(value), hints, steps(*lines), wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 3.OA.B.6 Division as an unknown-factor problem


@template("3.OA.B.6")
def divide_by_missing_factor(rng: random.Random) -> Problem:
    """Find a quotient by finding the missing factor: 32 ÷ 8 is the number that times 8 makes 32."""
    divisor, quotient = fact(rng, 2, 10)
    total = divisor * quotient
    stem = (
        f"To find {total} {DIVIDE} {divisor}, think: {divisor} {TIMES} ? = {total}. What is {total} {DIVIDE} {divisor}?"
    )
    hints = (f"Skip-count by {divisor}s until you reach {total}.", "Count how many skips you made.")
    solution = steps(f"{divisor} {TIMES} {quotient} = {total}.", f"So {total} {DIVIDE} {divisor} = **{quotient}**.")
    return finish(stem, numeric(quotient), hints, solution, wrong=[total - divisor, total * divisor, quotient + 1])


@template("3.OA.B.6")
def fact_that_helps_divide(rng: random.Random) -> Problem:
    """Which multiplication fact answers a division."""
    divisor, quotient = fact(rng)
    if divisor == quotient:
        quotient = divisor % 9 + 2
    total = divisor * quotient
    correct = f"{divisor} {TIMES} {quotient} = {total}"
    candidates = (
        f"{divisor} {TIMES} {quotient - 1} = {divisor * (quotient - 1)}",
        f"{total} {TIMES} {divisor} = {total * divisor}",
        f"{divisor} + {total - divisor} = {total}",
        f"{divisor} {TIMES} {quotient + 1} = {divisor * (quotient + 1)}",
    )
    answer = pick_choice(rng, correct, rng.sample(candidates, 3))
    hints = (
        f"Division asks: {divisor} times what number is {total}?",
        f"Look for a multiplication with the same {total}.",
    )
    solution = steps(
        f"{total} {DIVIDE} {divisor} = ? means {divisor} {TIMES} ? = {total}.",
        f"The fact **{correct}** shows that {total} {DIVIDE} {divisor} = {quotient}.",
    )
    return finish(f"Which multiplication fact helps you find {total} {DIVIDE} {divisor}?", answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 3.OA.C.7 Multiply and divide within 100


@template("3.OA.C.7", difficulty=INTRODUCTORY)
def multiplication_fact(rng: random.Random) -> Problem:
    """A multiplication fact with one-digit factors (sometimes 0, 1 or 10)."""
    a, b = fact(rng, 2, 9)
    if rng.random() < 0.15:
        b = rng.choice((0, 1, 10))
    product = a * b
    hints = (
        f"Skip-count by {a}s, {b} times." if b > 1 else "Think about what times 0 or 1 does.",
        "Or use a fact you know, then add or take away one group.",
    )
    solution = steps(
        f"{a} {TIMES} {b} means {b} groups of {a}." if b else "Any number times 0 is 0.",
        f"{a} {TIMES} {b} = **{product}**",
    )
    return finish(
        f"What is {a} {TIMES} {b}?", numeric(product), hints, solution, wrong=[a + b, product + a, product - a]
    )


@template("3.OA.C.7", difficulty=INTRODUCTORY)
def division_fact(rng: random.Random) -> Problem:
    """A division fact within 100, using the related multiplication fact."""
    divisor, quotient = fact(rng, 2, 9)
    if rng.random() < 0.15:
        quotient = rng.choice((1, 10))
    total = divisor * quotient
    hints = (f"Think: {divisor} times what number is {total}?", "Use a multiplication fact you know.")
    solution = steps(f"{divisor} {TIMES} {quotient} = {total}.", f"So {total} {DIVIDE} {divisor} = **{quotient}**.")
    return finish(
        f"What is {total} {DIVIDE} {divisor}?",
        numeric(quotient),
        hints,
        solution,
        wrong=[total - divisor, quotient + 1, quotient - 1],
    )


@template("3.OA.C.7")
def fact_family_story(rng: random.Random) -> Problem:
    """A quick equal-sharing or equal-groups question that needs one fact within 100."""
    a, b = fact(rng, 2, 9)
    who = name(rng)
    if rng.random() < 0.5:
        stem = f"{who} buys {a} packs of juice boxes. Each pack has {b} juice boxes. How many juice boxes is that?"
        value, line = a * b, f"{a} {TIMES} {b} = {a * b}"
    else:
        stem = f"{who} shares {a * b} grapes equally among {a} friends. How many grapes does each friend get?"
        value, line = b, f"{a * b} {DIVIDE} {a} = {b}"
    hints = ("Is the story joining equal groups or sharing equally?", "Use the fact you know from memory.")
    return finish(
        stem, numeric(value), hints, steps(line, f"The answer is **{value}**."), wrong=[a + b, value + 1, value - 1]
    )


# ---------------------------------------------------------------------------------------------------------
# 3.OA.D.8 Two-step word problems


def _two_step_story(rng: random.Random) -> tuple[str, str, int, tuple[str, ...], list[str], list[int]]:
    """A two-step story with whole numbers: (stem, the equation with n, answer, steps, wrong equations, wrong
    answers)."""
    who = name(rng)
    kind = rng.choice(
        ("packs_then_give", "save_then_spend", "boxes_and_loose", "share_after_keeping", "share_then_more")
    )
    if kind == "packs_then_give":
        packs, each = fact(rng, 3, 9)
        give = rng.randint(2, packs * each - 2)
        things = rng.choice(("stickers", "cards", "pencils", "erasers"))
        stem = (
            f"{who} buys {packs} packs of {things} with {each} in each pack. {who} gives {give} {things} to "
            f"friends. How many {things} does {who} have left?"
        )
        value = packs * each - give
        equation = f"{packs} {TIMES} {each} − {give} = n"
        lines = (f"{packs} {TIMES} {each} = {packs * each}", f"{packs * each} − {give} = **{value}**")
        wrong_eq = [
            f"{packs} + {each} − {give} = n",
            f"{packs} {TIMES} {each} + {give} = n",
            f"{packs} {TIMES} ({each} − {give}) = n" if each > give else f"{packs} {TIMES} {give} − {each} = n",
        ]
        wrong = [packs * each + give, packs + each - give if packs + each > give else packs * each]
    elif kind == "save_then_spend":
        weekly, weeks = fact(rng, 3, 9)
        spend = rng.randint(3, weekly * weeks - 3)
        stem = (
            f"{who} saves ${weekly} each week for {weeks} weeks. Then {who} spends ${spend} on a game. "
            f"How many dollars does {who} have now?"
        )
        value = weekly * weeks - spend
        equation = f"{weekly} {TIMES} {weeks} − {spend} = n"
        lines = (f"{weekly} {TIMES} {weeks} = {weekly * weeks}", f"{weekly * weeks} − {spend} = **{value}**")
        wrong_eq = [
            f"{weekly} + {weeks} − {spend} = n",
            f"{weekly} {TIMES} {weeks} + {spend} = n",
            f"{weekly} {TIMES} {spend} − {weeks} = n",
        ]
        wrong = [weekly * weeks + spend, weekly * weeks]
    elif kind == "boxes_and_loose":
        boxes, each = fact(rng, 3, 9)
        loose = rng.randint(2, 9)
        stem = (
            f"{who} has {boxes} boxes of crayons with {each} crayons in each box, and {loose} loose crayons. "
            f"How many crayons does {who} have?"
        )
        value = boxes * each + loose
        equation = f"{boxes} {TIMES} {each} + {loose} = n"
        lines = (f"{boxes} {TIMES} {each} = {boxes * each}", f"{boxes * each} + {loose} = **{value}**")
        wrong_eq = [
            f"{boxes} + {each} + {loose} = n",
            f"{boxes} {TIMES} ({each} + {loose}) = n",
            f"{boxes} {TIMES} {each} − {loose} = n",
        ]
        wrong = [boxes + each + loose, boxes * (each + loose)]
    elif kind == "share_after_keeping":
        friends, each = fact(rng, 2, 9)
        keep = rng.randint(2, 12)
        total = friends * each + keep
        stem = (
            f"{who} has {total} cookies. {who} keeps {keep} and shares the rest equally among {friends} "
            f"friends. How many cookies does each friend get?"
        )
        value = each
        equation = f"({total} − {keep}) {DIVIDE} {friends} = n"
        lines = (f"{total} − {keep} = {total - keep}", f"{total - keep} {DIVIDE} {friends} = **{value}**")
        wrong_eq = [
            f"{total} − {keep} {TIMES} {friends} = n",
            f"({total} + {keep}) {DIVIDE} {friends} = n"
            if (total + keep) % friends == 0
            else f"{total} − {keep} − {friends} = n",
            f"{total} {TIMES} {friends} − {keep} = n",
        ]
        wrong = [total - keep, total // friends if total % friends == 0 else each + 1]
    else:
        groups, each = fact(rng, 2, 9)
        more = rng.randint(2, 9)
        total = groups * each
        stem = (
            f"A teacher puts {total} books equally on {groups} shelves. Then {who} adds {more} more books to "
            f"one shelf. How many books are on that shelf now?"
        )
        value = each + more
        equation = f"{total} {DIVIDE} {groups} + {more} = n"
        lines = (f"{total} {DIVIDE} {groups} = {each}", f"{each} + {more} = **{value}**")
        wrong_eq = [
            f"{total} + {more} = n",
            f"{total} {DIVIDE} {groups} − {more} = n",
            f"{total} {TIMES} {groups} + {more} = n",
        ]
        wrong = [total + more, each]
    return stem, equation, value, lines, wrong_eq, wrong


@template("3.OA.D.8")
def two_step_problem(rng: random.Random) -> Problem:
    """A two-step word problem with whole numbers and the four operations."""
    stem, equation, value, lines, _, wrong = _two_step_story(rng)
    hints = (
        "Find the first step's answer, then use it in the second step.",
        "Write an equation with a letter, like n, for the unknown.",
    )
    solution = steps(f"An equation: {equation}.", *lines)
    return finish(stem, numeric(value), hints, solution, wrong=wrong)


@template("3.OA.D.8")
def two_step_equation(rng: random.Random) -> Problem:
    """Which equation, with a letter for the unknown, represents a two-step word problem."""
    stem, equation, value, _, wrong_eq, _ = _two_step_story(rng)

    def left(text_: str) -> Fraction:
        return value_of(text_.split(" = ")[0])

    wrong_choices = [w for w in wrong_eq if left(w) != value]
    answer = pick_choice(rng, equation, wrong_choices)
    hints = (
        "Which two steps does the story need? Write them in order.",
        "Multiplication and division are done before addition and subtraction, unless there are parentheses.",
    )
    solution = steps("Follow the story's two steps, with n for the answer.", f"**{equation}**, so n = {value}.")
    return finish(f"{stem} Which equation can you use to find n, the answer?", answer, hints, solution)


@template("3.OA.D.8", difficulty=STRETCH)
def check_by_rounding(rng: random.Random) -> Problem:
    """Whether an answer to a two-step sum is reasonable, checked by rounding each number."""
    who = name(rng)
    place = rng.choice((10, 100))
    numbers = (
        [rng.randint(11, 89) for _ in range(3)]
        if place == 10
        else [rng.randint(110, 390) for _ in range(2)] + [rng.randint(110, 290)]
    )
    exact = sum(numbers)
    rounded = [(n + place // 2) // place * place for n in numbers]
    estimate = sum(rounded)
    right = rng.random() < 0.5
    claim = exact
    while not right and abs(claim - estimate) < 2 * place:
        claim = exact + rng.choice((-3, 3, 4, 5, 10)) * place + rng.randint(-place // 2, place // 2)
    word = "ten" if place == 10 else "hundred"
    rounded_sum = f"{' + '.join(map(str, rounded))} = {estimate}"
    stem = (
        f"{who} adds {' + '.join(map(str, numbers))} and gets {claim}. Round each number to the nearest "
        f"{word} to check. Is {who}'s answer reasonable?"
    )
    correct = (
        f"Yes. {rounded_sum}, and {claim} is close to {estimate}."
        if right
        else f"No. {rounded_sum}, and {claim} is far from {estimate}."
    )
    wrong = (
        (
            f"No. {rounded_sum}, and {claim} is far from {estimate}."
            if right
            else f"Yes. {rounded_sum}, and {claim} is close to {estimate}."
        ),
        f"{'No' if right else 'Yes'}. Rounding cannot show whether an answer is reasonable.",
    )
    answer = choice(rng, correct, wrong)
    hints = (f"Round each number to the nearest {word}.", "Add the rounded numbers and compare with the answer.")
    solution = steps(f"Rounded: {rounded_sum}.", f"The exact sum is {exact}.", f"So: **{correct}**")
    return finish(stem, answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 3.OA.D.9 Arithmetic patterns


def _rules_that_fit(numbers: Sequence[int]) -> list[str]:
    """The rules "add k" and "multiply by k" (k up to 10) that turn each number into the next one."""
    fits = []
    for k in range(1, 11):
        if all(b - a == k for a, b in zip(numbers, numbers[1:])):
            fits.append(f"add {k}")
        if k > 1 and all(b == a * k for a, b in zip(numbers, numbers[1:])):
            fits.append(f"multiply by {k}")
    return fits


@template("3.OA.D.9")
def pattern_rule(rng: random.Random) -> Problem:
    """The rule of an arithmetic pattern (add the same number each time)."""
    step = rng.randint(2, 9)
    start = rng.choice((step, rng.randint(1, 20)))
    numbers = [start + index * step for index in range(5)]
    correct = f"add {step}"
    candidates = [
        f"add {step - 1}",
        f"add {step + 1}",
        f"multiply by {numbers[1] // numbers[0]}" if numbers[1] % numbers[0] == 0 else f"add {step * 2}",
        f"add {numbers[0]}",
    ]
    fitting = set(_rules_that_fit(numbers))
    answer = pick_choice(rng, correct, [c for c in candidates if c not in fitting])
    hints = (
        "Find how much each number grows to the next.",
        "Check that the rule works for every pair, not just the first two.",
    )
    solution = steps(
        ", ".join(f"{b} − {a} = {step}" for a, b in zip(numbers, numbers[1:])) + ".",
        f"Each number is {step} more than the one before, so the rule is **{correct}**.",
    )
    return finish(f"What is the rule for this pattern? {', '.join(map(str, numbers))}", answer, hints, solution)


@template("3.OA.D.9")
def next_in_pattern(rng: random.Random) -> Problem:
    """The missing or next number in a pattern from the multiplication or addition table."""
    step = rng.randint(2, 9)
    multiples = rng.random() < 0.5
    start = step * rng.randint(1, 4) if multiples else rng.randint(1, 30)
    numbers = [start + index * step for index in range(6)]
    gap = rng.choice((2, 3, 5))
    shown = [str(n) if index != gap else "?" for index, n in enumerate(numbers)]
    value = numbers[gap]
    hints = ("How much does the pattern grow each time?", "Use the numbers on each side of the ?.")
    solution = steps(
        f"The pattern adds {step} each time" + (f" (the multiples of {step})." if multiples else "."),
        f"{numbers[gap - 1]} + {step} = **{value}**",
    )
    return finish(
        f"What number is missing? {', '.join(shown)}",
        numeric(value),
        hints,
        solution,
        wrong=[value + 1, numbers[gap - 1] + step + step, value - 1],
    )


@template("3.OA.D.9", difficulty=STRETCH)
def products_odd_or_even(rng: random.Random) -> Problem:
    """Whether a number times any number is always even, always odd or sometimes either, and why."""
    factor = rng.randint(2, 9)
    first = rng.randint(1, 6)
    listed = ", ".join(f"{factor} {TIMES} {n} = {factor * n}" for n in range(first, first + 4))
    half = factor // 2
    even = (
        (
            f"Always even: {factor} {TIMES} a number = {half} {TIMES} the number + {half} {TIMES} the number, "
            "two equal addends."
        )
        if factor % 2 == 0
        else ""
    )
    sometimes = (
        f"Sometimes even and sometimes odd: {factor} times an even number is even, and {factor} times an "
        "odd number is odd."
    )
    odd_claim = f"Always odd: {factor} {TIMES} a number is never two equal addends."
    if factor % 2 == 0:
        correct, wrong = even, (sometimes, odd_claim)
    else:
        wrong_even = f"Always even: the products of {factor} go up by {factor} each time."
        correct, wrong = sometimes, (wrong_even, odd_claim)
    answer = choice(rng, correct, wrong)
    hints = (
        "Look at the products: which are even and which are odd?",
        f"Can {factor} be split into two equal whole numbers?",
    )
    solution = steps(f"{listed}.", f"**{correct}**")
    return finish(
        f"Look at the products: {listed}. What is true about {factor} times any whole number?", answer, hints, solution
    )


# ---------------------------------------------------------------------------------------------------------
# 3.NBT.A.1 Round to the nearest 10 or 100


def nearest(number: int, place: int) -> int:
    """`number` rounded to the nearest `place` (halfway rounds up)."""
    return (number + place // 2) // place * place


def _rounding_wrong(number: int, place: int) -> list[int]:
    down, up = number // place * place, number // place * place + place
    other = 100 if place == 10 else 10
    return [down if nearest(number, place) == up else up, nearest(number, other), number // place]


@template("3.NBT.A.1", difficulty=INTRODUCTORY)
def round_to_ten(rng: random.Random) -> Problem:
    """Round a two- or three-digit number to the nearest 10 (sometimes a halfway number)."""
    number = rng.randint(12, 989)
    if number % 10 == 0:
        number += rng.choice((5, 4, 6))
    value = nearest(number, 10)
    down = number // 10 * 10
    hints = (f"Which two tens is {number} between?", "Look at the ones digit: 5 or more rounds up.")
    solution = steps(
        f"{number} is between {down} and {down + 10}.",
        f"The ones digit is {number % 10}, so round {'up' if value > down else 'down'}: **{value}**.",
    )
    return finish(
        f"Round {number} to the nearest ten.", numeric(value), hints, solution, wrong=_rounding_wrong(number, 10)
    )


@template("3.NBT.A.1")
def round_to_hundred(rng: random.Random) -> Problem:
    """Round a three-digit number to the nearest 100."""
    number = rng.randint(101, 989)
    if number % 100 == 0:
        number += 50
    value = nearest(number, 100)
    down = number // 100 * 100
    hints = (f"Which two hundreds is {number} between?", "Look at the tens digit: 5 or more rounds up.")
    solution = steps(
        f"{number} is between {down} and {down + 100}.",
        f"The tens digit is {number // 10 % 10}, so round {'up' if value > down else 'down'}: **{value}**.",
    )
    return finish(
        f"Round {number} to the nearest hundred.", numeric(value), hints, solution, wrong=_rounding_wrong(number, 100)
    )


@template("3.NBT.A.1")
def round_on_number_line(rng: random.Random) -> Problem:
    """Round a number shown on a number line between two tens or two hundreds, or in a story."""
    place = rng.choice((10, 100))
    number = rng.randint(110, 980)
    if number % place == 0:
        number += place // 2 - 1
    down = number // place * place
    value = nearest(number, place)
    word = "ten" if place == 10 else "hundred"
    who = name(rng)
    if rng.random() < 0.5:
        figure = figures.number_line(down, down + place, place // 10, points=[("A", number)], label_every=5)
        stem = f"Point A is at {number}. Round {number} to the nearest {word}."
    else:
        figure = ""
        thing_ = rng.choice(
            ("people came to the fair", "books are in the library", "steps are in the tower", "seats are in the hall")
        )
        stem = f"{number} {thing_}. {who} rounds {number} to the nearest {word}. What number does {who} get?"
    hints = (
        f"Which two {word}s is {number} between?",
        f"Is it closer to the {word} below or the {word} above? Halfway rounds up.",
    )
    solution = steps(
        f"{number} is between {down} and {down + place}; halfway is {down + place // 2}.",
        f"{number} is {'at or past' if value > down else 'before'} halfway, so it rounds to **{value}**.",
    )
    return finish(stem, numeric(value), hints, solution, wrong=_rounding_wrong(number, place), figure=figure)


# ---------------------------------------------------------------------------------------------------------
# 3.NBT.A.2 Add and subtract within 1000


@template("3.NBT.A.2")
def add_three_digit(rng: random.Random) -> Problem:
    """Add two numbers within 1000, regrouping ones and tens."""
    a = rng.randint(126, 678)
    b = rng.randint(105, 999 - a)
    total = a + b
    hints = ("Line up the ones, tens and hundreds.", "When a place adds up to 10 or more, regroup into the next place.")
    solution = steps(*column_addition_steps(a, b))
    wrong = [no_regroup_sum(a % 100, b % 100) % 100 + (a // 100 + b // 100) * 100, total + 100, total - 10]
    return finish(f"What is {a} + {b}?", numeric(total), hints, solution, wrong=wrong)


@template("3.NBT.A.2")
def subtract_three_digit(rng: random.Random) -> Problem:
    """Subtract within 1000, often across a zero."""
    a = rng.randint(2, 9) * 100 + rng.choice((0, 0, rng.randint(1, 9) * 10)) + rng.randint(0, 9)
    b = rng.randint(101, a - 11)
    value = a - b
    hints = (
        "Line up the places and subtract ones, tens, then hundreds.",
        "If a place is too small, regroup from the place to its left; or count up from the smaller number.",
    )
    solution = steps(*count_up_steps(b, a), f"So {a} − {b} = {value}.")
    return finish(
        f"What is {a} − {b}?",
        numeric(value),
        hints,
        solution,
        wrong=[smaller_from_larger(a, b), value + 100, value + 10],
    )


@template("3.NBT.A.2")
def add_subtract_story(rng: random.Random) -> Problem:
    """A story that adds or subtracts within 1000, or finds a missing part."""
    who = name(rng)
    first = rng.randint(130, 560)
    second = rng.randint(110, 990 - first)
    whole = first + second
    kind = rng.choice(("total", "left", "part"))
    if kind == "total":
        stem = (
            f"A school collected {first} cans on Monday and {second} cans on Tuesday. "
            f"How many cans did it collect in all?"
        )
        value, line, wrong = whole, f"{first} + {second} = {whole}", [whole - 100, abs(first - second)]
    elif kind == "left":
        stem = f"A farm had {whole} eggs. It sold {second} of them. How many eggs are left?"
        value, line, wrong = (
            first,
            f"{whole} − {second} = {first}",
            [whole + second, smaller_from_larger(whole, second)],
        )
    else:
        stem = (
            f"{who} wants to read {whole} pages this month and has read {first} pages so far. "
            f"How many more pages does {who} need to read?"
        )
        value, line, wrong = second, f"{first} + ? = {whole}, so ? = {whole} − {first}", [whole + first, first]
    hints = (
        "Is the story putting together, taking away, or finding a missing part?",
        "Line up the places when you add or subtract.",
    )
    return finish(stem, numeric(value), hints, steps(line, f"The answer is **{value}**."), wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 3.NBT.A.3 One-digit numbers times multiples of 10


@template("3.NBT.A.3", difficulty=INTRODUCTORY)
def times_multiple_of_ten(rng: random.Random) -> Problem:
    """A one-digit number times a multiple of 10 from 10 to 90, such as 9 × 80."""
    a, tens = rng.randint(2, 9), rng.randint(1, 9)
    value = a * tens * 10
    left, right = (a, tens * 10) if rng.random() < 0.7 else (tens * 10, a)
    hints = (f"{tens * 10} is {tens} tens.", f"Find {a} {TIMES} {tens} tens first.")
    solution = steps(f"{a} {TIMES} {tens} tens = {a * tens} tens.", f"{a * tens} tens = **{value}**")
    return finish(
        f"What is {left} {TIMES} {right}?", numeric(value), hints, solution, wrong=[a * tens, value * 10, a + tens * 10]
    )


@template("3.NBT.A.3")
def multiple_of_ten_story(rng: random.Random) -> Problem:
    """A story multiplying a one-digit number by a multiple of 10."""
    a, tens = rng.randint(2, 9), rng.randint(2, 9)
    who = name(rng)
    each = tens * 10
    stem = rng.choice(
        (
            f"{who} buys {a} boxes of pencils. Each box has {each} pencils. How many pencils is that?",
            f"{who} runs {each} meters each day for {a} days. How many meters is that in all?",
            f"A theater has {a} rows with {each} seats in each row. How many seats are there?",
        )
    )
    value = a * each
    hints = (f"Write {each} as {tens} tens.", f"Multiply {a} {TIMES} {tens}, then think in tens.")
    solution = steps(
        f"{a} {TIMES} {each} = {a} {TIMES} {tens} tens = {a * tens} tens.", f"So the answer is **{value}**."
    )
    return finish(stem, numeric(value), hints, solution, wrong=[a * tens, a + each, value * 10])


@template("3.NBT.A.3")
def multiple_of_ten_strategy(rng: random.Random) -> Problem:
    """Which way of thinking finds a product such as 6 × 30 (place value: 6 × 3 tens)."""
    a, tens = rng.randint(2, 9), rng.randint(2, 9)
    each = tens * 10
    value = a * each
    correct = f"{a} {TIMES} {tens} tens = {a * tens} tens, which is {value}"
    wrong = (
        f"{a} {TIMES} {tens} = {a * tens}, then add 10 to get {a * tens + 10}",
        f"{a} {TIMES} {tens} tens = {a * tens} ones, which is {a * tens}",
        f"{a} {TIMES} {tens} = {a * tens}, then add two zeros to get {value * 10}",
    )
    answer = choice(rng, correct, wrong)
    hints = (f"How many tens are in {each}?", f"{a} groups of {tens} tens is how many tens?")
    solution = steps(f"{each} = {tens} tens.", f"**{correct}**.")
    return finish(f"Which shows a correct way to find {a} {TIMES} {each}?", answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 3.NF Fractions (denominators 2, 3, 4, 6 and 8)

DENOMINATORS = (2, 3, 4, 6, 8)
PART_NAMES = {
    2: ("half", "halves"),
    3: ("third", "thirds"),
    4: ("fourth", "fourths"),
    6: ("sixth", "sixths"),
    8: ("eighth", "eighths"),
}
# Denominator pairs where one is a multiple of the other, for equivalent fractions.
EQUIVALENT_PAIRS = ((2, 4), (2, 6), (2, 8), (3, 6), (4, 8))


def frac(numerator: int, denominator: int) -> str:
    """A fraction as written, not reduced: "4/6"."""
    return f"{numerator}/{denominator}"


def count_parts(count: int, denominator: int) -> str:
    """ "1 fourth", "3 fourths"."""
    singular, plural_form = PART_NAMES[denominator]
    return f"{count} {singular if count == 1 else plural_form}"


def fraction_answer(numerator: int, denominator: int, *, unit: str = "") -> Answer:
    """A numeric fraction answer shown as written ("4/6"); any equal form scores right."""
    shown = frac(numerator, denominator) if denominator != 1 else str(numerator)
    return numeric(Fraction(numerator, denominator), display=f"{shown} {unit}".strip())


def fraction_bars(rows: Sequence[tuple[int, int]]) -> str:
    """Bars of the same length, one above another, each cut into `parts` equal parts with `shaded` shaded."""
    width, height, gap = 360, 34, 14
    svg = Svg(width + 12, len(rows) * (height + gap) + 4)
    for index, (parts, shaded) in enumerate(rows):
        y = 6 + index * (height + gap)
        for part in range(parts):
            svg.rect(6 + part * width / parts, y, width / parts, height, fill=SHADE if part < shaded else "#ffffff")
    described = "; ".join(
        f"bar {index + 1} is cut into {parts} equal parts with {shaded} shaded"
        for index, (parts, shaded) in enumerate(rows)
    )
    return svg.render(f"{len(rows)} bars of the same length, shaded from the left: {described}")


def double_number_line(top: int, bottom: int, end: int, points: Sequence[tuple[str, str, Fraction]]) -> str:
    """Two number lines from 0 to `end`, one above the other, the top one marked in 1/`top` steps and the bottom
    one in 1/`bottom` steps, with points (letter, "top" or "bottom", value)."""
    width, left = 520, 40
    scale = (width - 2 * left) / end
    lines = {"top": (45, top), "bottom": (125, bottom)}
    svg = Svg(width, 160)
    for y, parts in lines.values():
        svg.line(left, y, width - left, y, stroke_width=2)
        for tick in range(end * parts + 1):
            x = left + tick * scale / parts
            whole = tick % parts == 0
            svg.line(x, y - (10 if whole else 6), x, y + (10 if whole else 6), stroke_width=2 if whole else 1.5)
            if whole:
                svg.text(x, y + 27, str(tick // parts), size=13)
    for letter, line_name, value in points:
        y = lines[line_name][0]
        x = left + float(value) * scale
        svg.circle(x, y, 6, fill=SHADE)
        svg.text(x, y - 14, letter, size=14, weight="bold")
    placed = "; ".join(f"point {letter} on the {line_name} line" for letter, line_name, _ in points)
    return svg.render(
        f"Two number lines from 0 to {end}, one above the other. The top line is cut into "
        f"{PART_NAMES[top][1]} and the bottom line into {PART_NAMES[bottom][1]}; {placed}"
    )


def _shape_for_fraction(rng: random.Random, parts: int, shaded: int) -> tuple[str, str]:
    if rng.random() < 0.5:
        return figures.fraction_circle(parts, shaded), "circle"
    return figures.fraction_bar(parts, shaded), "bar"


@template("3.NF.A.1", difficulty=INTRODUCTORY)
def fraction_shaded(rng: random.Random) -> Problem:
    """The fraction of a circle or bar that is shaded: a parts of size 1/b."""
    parts = rng.choice(DENOMINATORS)
    shaded = rng.randint(1, parts - 1)
    figure, shape = _shape_for_fraction(rng, parts, shaded)
    hints = (
        f"Into how many equal parts is the {shape} cut? That is the bottom number.",
        "How many of those parts are shaded? That is the top number.",
    )
    solution = steps(
        f"The {shape} is cut into {parts} equal parts, so each part is 1/{parts}.",
        f"{shaded} {'part is' if shaded == 1 else 'parts are'} shaded: **{frac(shaded, parts)}**.",
    )
    wrong = [Fraction(parts - shaded, parts), Fraction(shaded, parts - shaded), Fraction(parts, shaded)]
    return finish(
        f"What fraction of the {shape} is shaded?",
        fraction_answer(shaded, parts),
        hints,
        solution,
        wrong=wrong,
        figure=figure,
    )


@template("3.NF.A.1")
def fraction_of_a_whole_story(rng: random.Random) -> Problem:
    """A whole cut into b equal parts, some of them used: what fraction of the whole."""
    parts = rng.choice(DENOMINATORS)
    used = rng.randint(1, parts - 1)
    who = name(rng)
    whole, piece, verb = rng.choice(
        (
            ("pizza", "slices", "eats"),
            ("ribbon", "pieces", "uses"),
            ("garden", "beds", "plants"),
            ("chocolate bar", "pieces", "shares"),
            ("pan of cornbread", "pieces", "takes"),
        )
    )
    stem = (
        f"A {whole} is cut into {parts} equal {piece}. {who} {verb} {used} of the {piece}. "
        f"What fraction of the {whole} is that?"
    )
    hints = (
        f"Each {piece[:-1] if piece.endswith('s') else piece} is one of {parts} equal parts.",
        "The top number counts the parts you are talking about.",
    )
    solution = steps(
        f"One {piece[:-1]} is 1/{parts} of the {whole}.",
        f"{used} {piece if used > 1 else piece[:-1]} {'is' if used == 1 else 'are'} {used} "
        f"part{'s' if used > 1 else ''} of size 1/{parts}: **{frac(used, parts)}**.",
    )
    wrong = [Fraction(parts, used), Fraction(parts - used, parts), Fraction(used, parts + used)]
    return finish(stem, fraction_answer(used, parts), hints, solution, wrong=wrong)


@template("3.NF.A.1")
def fraction_as_unit_parts(rng: random.Random) -> Problem:
    """Which description fits a fraction a/b: a parts, each 1/b of the whole."""
    parts = rng.choice(DENOMINATORS[1:])
    count = rng.randint(2, parts - 1)
    correct = f"{count} parts, each 1/{parts} of the whole"
    wrong = (
        f"{parts} parts, each 1/{count} of the whole",
        f"{count} parts, each 1/{count} of the whole",
        f"{parts} parts, each 1/{parts} of the whole",
    )
    answer = choice(rng, correct, wrong)
    hints = (
        f"The bottom number, {parts}, tells how many equal parts make the whole.",
        "The top number tells how many of those parts you have.",
    )
    solution = steps(
        f"In {frac(count, parts)}, the whole is cut into {parts} equal parts, each 1/{parts}.",
        f"{frac(count, parts)} is **{correct}**.",
    )
    return finish(f"Which describes the fraction {frac(count, parts)}?", answer, hints, solution)


@template("3.NF.A.2a", difficulty=INTRODUCTORY)
def unit_fraction_on_line(rng: random.Random) -> Problem:
    """The unit fraction at the end of the first part after 0, on a number line from 0 to 1, 2 or 3."""
    parts = rng.choice(DENOMINATORS)
    end = rng.choice((1, 1, 2, 3)) if parts <= 4 else rng.choice((1, 2))
    figure = figures.number_line(0, end, Fraction(1, parts), points=[("A", Fraction(1, parts))], label_every=parts)
    hints = (
        "Look only from 0 to 1: into how many equal parts is it cut?",
        "Point A is at the end of the first part after 0.",
    )
    solution = steps(
        f"From 0 to 1 there are {parts} equal parts, so each part is 1/{parts}.",
        f"Point A ends the first part, so it is at **{frac(1, parts)}**.",
    )
    wrong = [Fraction(1, parts + 1), Fraction(1, parts * end) if end > 1 else Fraction(1, parts - 1), parts]
    return finish(
        "What fraction is at point A?", fraction_answer(1, parts), hints, solution, wrong=wrong, figure=figure
    )


@template("3.NF.A.2a")
def parts_from_zero_to_one(rng: random.Random) -> Problem:
    """How the interval from 0 to 1 is partitioned: the number of equal parts, or the size of each part."""
    parts = rng.choice(DENOMINATORS)
    end = rng.choice((1, 2))
    figure = figures.number_line(0, end, Fraction(1, parts), label_every=parts)
    if rng.random() < 0.5:
        stem = "Into how many equal parts is the length from 0 to 1 cut?"
        answer, wrong = numeric(parts), [parts + 1, parts - 1, parts * end + 1]
        last = f"There are **{parts}** equal parts from 0 to 1."
    else:
        stem = "The length from 0 to 1 is one whole. What fraction of the whole is each part?"
        answer, wrong = fraction_answer(1, parts), [parts, Fraction(1, parts + 1), Fraction(1, parts * end)]
        last = f"Each part is **{frac(1, parts)}** of the whole."
    hints = ("Count the spaces between the marks from 0 to 1, not the marks.", "The whole is the length from 0 to 1.")
    solution = steps(f"Count the spaces from 0 to 1: there are {parts}.", last)
    return finish(stem, answer, hints, solution, wrong=wrong, figure=figure)


@template("3.NF.A.2b")
def fraction_at_point(rng: random.Random) -> Problem:
    """The fraction a/b at a point on a number line marked in 1/b steps."""
    parts = rng.choice(DENOMINATORS)
    end = 2 if parts == 2 else rng.choice((1, 2)) if parts <= 4 else 1
    count = rng.choice([n for n in range(2, end * parts) if n % parts])
    figure = figures.number_line(0, end, Fraction(1, parts), points=[("A", Fraction(count, parts))], label_every=parts)
    hints = ("What fraction is each part between 0 and 1?", "Count the parts from 0 to point A.")
    solution = steps(
        f"Each part is 1/{parts}.", f"Point A is {count} parts from 0, so it is at **{frac(count, parts)}**."
    )
    wrong = [Fraction(count + 1, parts), Fraction(count, parts + 1), Fraction(count, end * parts)]
    return finish(
        f"What fraction is at point A? Write it with a denominator of {parts}.",
        fraction_answer(count, parts),
        hints,
        solution,
        wrong=wrong,
        figure=figure,
    )


@template("3.NF.A.2b")
def jumps_of_unit_fractions(rng: random.Random) -> Problem:
    """Where a lengths of 1/b marked off from 0 end: the point a/b."""
    parts = rng.choice(DENOMINATORS)
    end = 2 if parts <= 4 else 1
    count = rng.randint(2, end * parts - 1)
    jumps = [(Fraction(k, parts), Fraction(k + 1, parts)) for k in range(count)]
    figure = figures.number_line(0, end, Fraction(1, parts), label_every=parts, jumps=jumps)
    hints = (f"Each jump is 1/{parts} long.", "Count the jumps.")
    solution = steps(
        f"There are {count} jumps of 1/{parts}, starting at 0.",
        f"Together they make {count} parts of size 1/{parts}: **{frac(count, parts)}**.",
    )
    stem = f"Each jump on the number line is 1/{parts} long. At what fraction do the jumps end?"
    return finish(
        stem,
        fraction_answer(count, parts),
        hints,
        solution,
        wrong=[count, Fraction(count - 1, parts), Fraction(1, count)],
        figure=figure,
    )


@template("3.NF.A.2b")
def which_point_is_the_fraction(rng: random.Random) -> Problem:
    """Which of three marked points is at a given fraction a/b."""
    parts = rng.choice((3, 4, 6, 8))
    count = rng.randint(2, parts - 1)
    target = Fraction(count, parts)
    decoys = [Fraction(count - 1, parts), Fraction(count + 1, parts), Fraction(1, parts), Fraction(parts - 1, parts)]
    decoys = [d for d in dict.fromkeys(decoys) if d != target and 0 < d < 1][:2]
    letters = ["P", "Q", "R"]
    values = [target, *decoys]
    rng.shuffle(values)
    points = list(zip(letters, values))
    correct = letters[values.index(target)]
    figure = figures.number_line(0, 1, Fraction(1, parts), points=points, labels=False)
    answer = choice(rng, correct, letters, keep_order=True)
    hints = (f"Split 0 to 1 into {parts} equal parts: each is 1/{parts}.", f"Count {count} parts from 0.")
    solution = steps(f"Each part is 1/{parts}.", f"{frac(count, parts)} is {count} parts from 0: point **{correct}**.")
    return finish(f"Which point is at {frac(count, parts)}?", answer, hints, solution, figure=figure)


def _equivalent_pair(rng: random.Random, *, end: int = 1) -> tuple[int, int, int, int]:
    """Two equal fractions a/b = c/d with b, d among 2, 3, 4, 6, 8 (in either order), below `end`."""
    small, big = rng.choice(EQUIVALENT_PAIRS)
    factor = big // small
    count = rng.randint(1, end * small - 1)
    pair = (count, small, count * factor, big)
    return pair if rng.random() < 0.5 else (pair[2], pair[3], pair[0], pair[1])


@template("3.NF.A.3a")
def same_point_on_two_lines(rng: random.Random) -> Problem:
    """Two number lines cut in different units: the fraction at the same point as a given fraction."""
    a, b, c, d = _equivalent_pair(rng, end=rng.choice((1, 2)))
    end = 1 if Fraction(a, b) < 1 else 2
    figure = double_number_line(b, d, end, [("A", "top", Fraction(a, b)), ("B", "bottom", Fraction(c, d))])
    stem = (
        f"Point A on the top line is at {frac(a, b)}. Point B on the bottom line is at the same place. "
        f"What fraction, in {PART_NAMES[d][1]}, is at point B?"
    )
    hints = (
        f"The bottom line is cut into {PART_NAMES[d][1]}. Count them from 0 to point B.",
        "Fractions at the same point on the number line are equal.",
    )
    solution = steps(
        f"Point B is {c} {PART_NAMES[d][1] if c != 1 else PART_NAMES[d][0]} from 0, so it is at {frac(c, d)}.",
        f"A and B are the same point, so {frac(a, b)} = **{frac(c, d)}**.",
    )
    return finish(
        stem,
        fraction_answer(c, d),
        hints,
        solution,
        figure=figure,
        wrong=[Fraction(a, d), Fraction(c + 1, d), Fraction(a + d - b, d)],
    )


@template("3.NF.A.3a")
def same_size_means_equal(rng: random.Random) -> Problem:
    """Whether two fractions shown on same-size bars are equal, decided by whether the shaded parts match."""
    if rng.random() < 0.65:
        a, b, c, d = _equivalent_pair(rng)
    else:
        b, d = rng.sample(DENOMINATORS, 2)
        a = rng.randint(1, b - 1)
        c = rng.choice([n for n in range(1, d) if Fraction(n, d) != Fraction(a, b)])
    equal = Fraction(a, b) == Fraction(c, d)
    yes = "They are equal, because the shaded parts are the same size."
    no = "They are not equal, because the shaded parts are not the same size."
    if equal:
        correct = yes
        wrong = (
            f"They are not equal, because {max(b, d)} parts is more than {min(b, d)} parts.",
            "They are not equal, because the numbers in the fractions are different.",
        )
    else:
        correct = no
        wrong = (
            "They are equal, because both bars are the same length.",
            "They are equal, because both bars have some shaded parts.",
        )
    answer = choice(rng, correct, wrong)
    stem = (
        f"The top bar shows {frac(a, b)}. The bottom bar shows {frac(c, d)}. Are {frac(a, b)} and {frac(c, d)} equal?"
    )
    hints = ("Both bars are the same whole.", "Compare how much of each bar is shaded, not how many parts.")
    solution = steps(
        "The two bars are the same size, so they are the same whole.",
        f"The shaded parts {'line up exactly' if equal else 'do not line up'}.",
        f"**{correct}**",
    )
    return finish(stem, answer, hints, solution, figure=fraction_bars([(b, a), (d, c)]))


@template("3.NF.A.3b")
def missing_part_of_equivalent(rng: random.Random) -> Problem:
    """A missing numerator or denominator in a pair of equivalent fractions, such as 1/2 = ?/4."""
    a, b, c, d = _equivalent_pair(rng)
    where = rng.choice(("numerator", "numerator", "denominator"))
    if where == "numerator":
        stem, value = f"{frac(a, b)} = ?/{d}", c
        wrong = [a + (d - b), a, d - c if d - c != c else c + 1]
    else:
        stem, value = f"{frac(a, b)} = {c}/?", d
        wrong = [b + (c - a), b, c + 1]
    factor = Fraction(d, b)
    scale_words = (
        f"multiply the top and bottom by {factor}" if factor > 1 else f"divide the top and bottom by {1 / factor}"
    )
    hints = (
        "What do you multiply or divide one denominator by to get the other?"
        if where == "numerator"
        else "What do you multiply or divide one numerator by to get the other?",
        "Do the same to the top and the bottom numbers.",
    )
    solution = steps(
        f"To go from {frac(a, b)} to {PART_NAMES[d][1]}, {scale_words}.",
        f"{frac(a, b)} = {frac(c, d)}, so ? = **{value}**.",
    )
    return finish(f"What number makes the fractions equal? {stem}", numeric(value), hints, solution, wrong=wrong)


@template("3.NF.A.3b")
def pick_equivalent_fraction(rng: random.Random) -> Problem:
    """Which fraction equals a given fraction, shown with a fraction circle."""
    a, b, c, d = _equivalent_pair(rng)
    correct = frac(c, d)
    candidates = [(a, d), (c, b), (c + 1, d), (a + 1, b), (d - c, d)]
    wrong = [frac(top, bottom) for top, bottom in candidates if 0 < top and Fraction(top, bottom) != Fraction(a, b)]
    answer = pick_choice(rng, correct, wrong)
    hints = (
        f"Picture cutting every part of {frac(a, b)} into the same number of smaller parts.",
        "Equal fractions cover the same amount of the whole.",
    )
    factor = Fraction(d, b)
    how = (
        f"Cut each of the {b} parts into {factor} equal parts: {a} {TIMES} {factor} = {c} of {d} parts."
        if factor > 1
        else f"Join every {1 / factor} parts into one: {a} {DIVIDE} {1 / factor} = {c} of {d} parts."
    )
    solution = steps(how, f"So {frac(a, b)} = **{correct}**.")
    return finish(
        f"The circle shows {frac(a, b)}. Which fraction is equal to {frac(a, b)}?",
        answer,
        hints,
        solution,
        figure=figures.fraction_circle(b, a),
    )


@template("3.NF.A.3b")
def cut_parts_in_model(rng: random.Random) -> Problem:
    """A bar shows a/b; cutting every part into 2 (or 3, or 4) gives how many shaded parts of the new size."""
    small, big = rng.choice(EQUIVALENT_PAIRS)
    count = rng.randint(1, small - 1)
    factor = big // small
    new = count * factor
    stem = (
        f"The bar shows {frac(count, small)}. {name(rng)} cuts every part into {factor} equal pieces. "
        f"What fraction of the bar is shaded now, in {PART_NAMES[big][1]}?"
    )
    hints = ("After cutting, how many parts does the whole bar have?", "Each shaded part became several pieces.")
    solution = steps(
        f"The bar now has {small} {TIMES} {factor} = {big} parts.",
        f"The shaded parts are {count} {TIMES} {factor} = {new} of them: {frac(count, small)} = **{frac(new, big)}**.",
    )
    return finish(
        stem,
        fraction_answer(new, big),
        hints,
        solution,
        figure=figures.fraction_bar(small, count),
        wrong=[Fraction(count, big), Fraction(new, small), Fraction(count + factor, big)],
    )


@template("3.NF.A.3c", difficulty=INTRODUCTORY)
def whole_number_as_fraction(rng: random.Random) -> Problem:
    """Whole numbers written as fractions and fractions equal to whole numbers: 3 = 3/1, 6/1 = 6, 8/4 = 2."""
    whole = rng.randint(2, 9)
    parts = rng.choice(DENOMINATORS)
    kind = rng.choice(("over_one", "from_over_one", "same", "times"))
    if kind == "over_one":
        stem, value, wrong = f"{whole} = ?/1", whole, [1, whole + 1]
        line = f"A denominator of 1 means each whole is 1 part, so {whole} wholes are {whole} parts: {whole}/1."
    elif kind == "from_over_one":
        stem, value, wrong = f"{whole}/1 = ?", whole, [Fraction(1, whole), whole + 1]
        line = f"{whole}/1 means {whole} parts, each one whole: {whole}/1 = {whole}."
    elif kind == "same":
        stem, value, wrong = f"{parts}/{parts} = ?", 1, [parts, 2 * parts]
        line = f"{parts} parts of size 1/{parts} make one whole."
    else:
        whole = rng.randint(2, 3)
        stem, value, wrong = f"{whole * parts}/{parts} = ?", whole, [whole * parts, parts, whole + 1]
        line = f"Every {parts} {PART_NAMES[parts][1]} make 1 whole, and {whole * parts} = {whole} {TIMES} {parts}."
    hints = ("The bottom number tells how many parts make one whole.", "How many wholes do the parts fill?")
    return finish(
        f"What number makes this true? {stem}", numeric(value), hints, steps(line, f"So ? = **{value}**."), wrong=wrong
    )


@template("3.NF.A.3c")
def whole_number_on_line(rng: random.Random) -> Problem:
    """Which whole number is at the same point as a fraction such as 4/4 or 8/4 on the number line."""
    parts = rng.choice(DENOMINATORS)
    end = 3 if parts <= 4 else 2
    whole = rng.randint(1, end - 1)
    figure = figures.number_line(0, end, Fraction(1, parts), points=[("A", whole)], labels=False)
    stem = (
        f"The number line is marked in {PART_NAMES[parts][1]}. Point A is at {frac(whole * parts, parts)}. "
        "What whole number is at point A?"
    )
    hints = (f"How many {PART_NAMES[parts][1]} make 1 whole?", "Count the whole lengths from 0 to A.")
    solution = steps(
        f"{parts} {PART_NAMES[parts][1]} make 1 whole.",
        f"{frac(whole * parts, parts)} is {whole} {TIMES} {parts} {PART_NAMES[parts][1]}, so A is at **{whole}**.",
    )
    return finish(
        stem, numeric(whole), hints, solution, figure=figure, wrong=[whole * parts, parts, Fraction(whole, parts)]
    )


@template("3.NF.A.3c")
def fraction_equal_to_whole(rng: random.Random) -> Problem:
    """Which fraction equals a whole number (1, 2 or 3)."""
    parts = rng.choice(DENOMINATORS)
    whole = rng.choice((1, 1, 2, 3))
    correct = frac(whole * parts, parts) if rng.random() < 0.7 or whole == 1 else f"{whole}/1"
    candidates = [
        frac(whole, parts),
        frac(1, parts),
        frac(whole * parts - 1, parts),
        frac(whole * parts + 1, parts),
        f"1/{whole}" if whole > 1 else "2/1",
    ]
    wrong = [w for w in candidates if Fraction(*map(int, w.split("/"))) != whole and w != correct]
    answer = pick_choice(rng, correct, wrong)
    hints = (
        "A fraction equals a whole number when its parts fill whole units exactly.",
        "How many parts make one whole? Look at the bottom number.",
    )
    top, bottom = map(int, correct.split("/"))
    solution = steps(
        f"In {correct}, {bottom} part{'s' if bottom > 1 else ''} make{'s' if bottom == 1 else ''} "
        f"1 whole, and there are {top} parts.",
        f"{top} {DIVIDE} {bottom} = {whole}, so **{correct}** = {whole}.",
    )
    return finish(f"Which fraction is equal to {whole}?", answer, hints, solution)


@template("3.NF.A.3d", difficulty=INTRODUCTORY)
def compare_same_denominator(rng: random.Random) -> Problem:
    """Compare two fractions with the same denominator."""
    parts = rng.choice(DENOMINATORS)
    a, c = rng.sample(range(1, parts + 1), 2)
    answer = comparison(Fraction(a, parts), Fraction(c, parts))
    hints = (f"Both fractions count parts of size 1/{parts} of the same whole.", "Which has more of those parts?")
    solution = steps(
        f"Both are counted in {PART_NAMES[parts][1]}.",
        f"{count_parts(max(a, c), parts)} is more than {count_parts(min(a, c), parts)}, so "
        f"{frac(a, parts)} **{answer.display}** {frac(c, parts)}.",
    )
    return finish(f"Compare. Write <, > or =.\n\n{frac(a, parts)} ? {frac(c, parts)}", answer, hints, solution)


@template("3.NF.A.3d")
def compare_same_numerator(rng: random.Random) -> Problem:
    """Compare two fractions with the same numerator (more parts in the whole means smaller parts)."""
    b, d = rng.sample(DENOMINATORS, 2)
    top = rng.randint(1, min(b, d) - 1) if min(b, d) > 2 else 1
    answer = comparison(Fraction(top, b), Fraction(top, d))
    hints = (
        "Both fractions have the same number of parts. Which parts are bigger?",
        "The more equal parts a whole is cut into, the smaller each part is.",
    )
    smaller, larger = sorted((b, d))
    solution = steps(
        f"1/{smaller} is bigger than 1/{larger}, because the whole is cut into fewer parts.",
        f"{top} bigger parts make more, so {frac(top, b)} **{answer.display}** {frac(top, d)}.",
    )
    figure = fraction_bars([(b, top), (d, top)]) if rng.random() < 0.5 else ""
    return finish(
        f"Compare. Write <, > or =.\n\n{frac(top, b)} ? {frac(top, d)}", answer, hints, solution, figure=figure
    )


@template("3.NF.A.3d", difficulty=STRETCH)
def compare_parts_of_wholes(rng: random.Random) -> Problem:
    """Who has more, with fractions of the same whole, or of wholes of different sizes (the whole matters)."""
    first, second = names(rng, 2)
    food = rng.choice(("pizza", "pie", "sandwich", "cake", "pan of lasagna"))
    same_whole = rng.random() < 0.6
    if same_whole:
        if rng.random() < 0.5:
            parts = rng.choice(DENOMINATORS[1:])
            a, c = rng.sample(range(1, parts), 2)
            f1, f2 = frac(a, parts), frac(c, parts)
            winner = first if a > c else second
            why = f"{count_parts(max(a, c), parts)} is more than {count_parts(min(a, c), parts)} of the same size"
        else:
            b, d = rng.sample(DENOMINATORS, 2)
            top = 1
            f1, f2 = frac(top, b), frac(top, d)
            winner = first if b < d else second
            why = f"1/{min(b, d)} is bigger than 1/{max(b, d)}: fewer parts in the same whole are bigger"
        stem = f"{first} eats {f1} of a {food}. {second} eats {f2} of another {food} of the same size. Who eats more?"
    else:
        parts = rng.choice(DENOMINATORS)
        count = rng.randint(1, parts - 1)
        f1 = f2 = frac(count, parts)
        big, small = (first, second) if rng.random() < 0.5 else (second, first)
        winner = big
        why = f"{f1} of a larger whole is more than {f1} of a smaller whole"
        stem = f"{big} eats {f1} of a large {food}. {small} eats {f1} of a small {food}. Who eats more?"
    correct = f"{winner}"
    answer = choice(rng, correct, (first, second, "They eat the same amount."), keep_order=True)
    hints = (
        "First check: are the two wholes the same size?",
        "Then compare the sizes of the parts and how many there are.",
    )
    solution = steps(f"{why}.", f"So **{correct}** eats more.")
    return finish(stem, answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 3.MD.A.1 Time to the minute and time intervals


def time_text(minutes: int) -> str:
    """Minutes after midnight as a clock time with a.m. or p.m.: "3:05 p.m."."""
    hour, minute = divmod(minutes % (24 * 60), 60)
    return f"{clock_text(hour % 12 or 12, minute)} {'a.m.' if hour < 12 else 'p.m.'}"


@template("3.MD.A.1", difficulty=INTRODUCTORY)
def read_clock_to_the_minute(rng: random.Random) -> Problem:
    """The time an analog clock shows, to the minute."""
    hour, minute = rng.randint(1, 12), rng.choice([m for m in range(1, 60) if m % 5])
    shown = clock_text(hour, minute)
    hints = (
        "The short hand shows the hour: use the number it has just passed.",
        "For the minutes, count by 5s to the number before the long hand, then count on by 1s.",
    )
    five = minute // 5 * 5
    solution = steps(
        f"The short hand has passed the {hour}.",
        f"The long hand is {minute - five} small marks past the {five // 5 or 12}: {five} + "
        f"{minute - five} = {minute} minutes.",
        f"The time is **{shown}**.",
    )
    wrong = [*clock_mistakes(hour, minute), clock_text(hour, five)]
    return finish(
        "What time does the clock show? Write it like 4:17.",
        text([shown] + ([f"0{shown}"] if hour < 10 else [])),
        hints,
        solution,
        wrong=wrong,
        figure=figures.clock(hour, minute),
    )


_ACTIVITIES = (
    "soccer practice",
    "the movie",
    "the art class",
    "the swim lesson",
    "the school play",
    "the car ride",
    "the piano lesson",
    "the baking class",
)


@template("3.MD.A.1")
def elapsed_minutes(rng: random.Random) -> Problem:
    """How many minutes pass from a start time to an end time (sometimes across the hour)."""
    start = rng.randint(8 * 12, 19 * 12) * 5 + rng.choice((0, 0, rng.randint(1, 4)))
    length = rng.randint(12, 80)
    end = start + length
    activity = rng.choice(_ACTIVITIES)
    stem = f"How many minutes long is {activity} if it starts at {time_text(start)} and ends at {time_text(end)}?"
    start_hour, start_minute = divmod(start, 60)
    end_hour, end_minute = divmod(end, 60)
    if end_hour == start_hour:
        lines = ("Both times are in the same hour.", f"{end_minute} − {start_minute} = **{length} minutes**")
    else:
        to_hour = 60 - start_minute
        lines = (
            f"From {time_text(start)} to {time_text(end_hour * 60)} is {to_hour} minutes.",
            f"From {time_text(end_hour * 60)} to {time_text(end)} is {end_minute} minutes"
            + (f", plus {end_hour - start_hour - 1} more hour" if end_hour - start_hour > 1 else "")
            + ".",
            f"{to_hour} + {end_minute}" + (" + 60" if end_hour - start_hour > 1 else "") + f" = **{length} minutes**",
        )
    naive = int(time_text(end).split()[0].replace(":", "")) - int(time_text(start).split()[0].replace(":", ""))
    hints = (
        "Count on from the start time to the next hour, then to the end time.",
        "A number line from the start to the end time can help you add the jumps.",
    )
    return finish(
        stem,
        numeric(length, unit="minutes"),
        hints,
        steps(*lines),
        wrong=[naive, abs(end_minute - start_minute), length + 60],
    )


@template("3.MD.A.1")
def end_time_after_minutes(rng: random.Random) -> Problem:
    """The time an activity ends, given the start time on a clock and its length in minutes."""
    hour, minute = rng.randint(1, 11), rng.randint(0, 59)
    length = rng.randint(15, 55)
    who = name(rng)
    end_hour, end_minute = divmod(hour * 60 + minute + length, 60)
    shown = clock_text(end_hour, end_minute)
    activity = rng.choice(("reading", "drawing", "building a model", "practicing the violin", "playing outside"))
    stem = (
        f"The clock shows when {who} starts {activity}. {who} spends {length} minutes {activity}. "
        f"What time does {who} finish? Write it like 4:17."
    )
    hints = (f"Add the {length} minutes to the start time.", "If the minutes reach 60 or more, go to the next hour.")
    if end_hour == hour:
        lines = (
            f"{who} starts at {clock_text(hour, minute)}.",
            f"{minute} + {length} = {end_minute}.",
            f"{who} finishes at **{shown}**.",
        )
    else:
        lines = (
            f"{who} starts at {clock_text(hour, minute)}.",
            f"{60 - minute} minutes takes it to {clock_text(hour + 1, 0)}; {length - (60 - minute)} minutes are left.",
            f"{who} finishes at **{shown}**.",
        )
    wrong = [
        f"{hour}:{minute + length:02d}",
        clock_text(hour + 1, minute),
        clock_text(end_hour, (end_minute + 10) % 60),
    ]
    return finish(stem, text([shown]), hints, steps(*lines), wrong=wrong, figure=figures.clock(hour, minute))


@template("3.MD.A.1")
def minutes_story(rng: random.Random) -> Problem:
    """Add or subtract time intervals in minutes."""
    who = name(rng)
    first, second = rng.sample(("reads", "practices piano", "does homework", "plays outside", "draws", "cleans up"), 2)
    a, b = rng.randint(12, 45), rng.randint(10, 40)
    if rng.random() < 0.5:
        stem = f"{who} {first} for {a} minutes and then {second} for {b} minutes. How many minutes is that in all?"
        value, line, wrong = a + b, f"{a} + {b} = {a + b}", [abs(a - b), a + b - 10]
    else:
        goal = a + b
        stem = (
            f"{who} wants to practice for {goal} minutes. {who} has practiced for {a} minutes. "
            f"How many more minutes does {who} need?"
        )
        value, line, wrong = b, f"{a} + ? = {goal}, so ? = {goal} − {a} = {b}", [goal + a, a]
    hints = ("Draw a number line in minutes and show each part as a jump.", "Do you join the times or find a part?")
    return finish(
        stem, numeric(value, unit="minutes"), hints, steps(line, f"The answer is **{value} minutes**."), wrong=wrong
    )


# ---------------------------------------------------------------------------------------------------------
# 3.MD.A.2 Liquid volume and mass: grams, kilograms, liters


@template("3.MD.A.2")
def mass_or_volume_story(rng: random.Random) -> Problem:
    """A one-step problem (add, subtract, multiply or divide) with masses or liquid volumes in one unit."""
    who = name(rng)
    kind = rng.choice(("add", "subtract", "multiply", "divide"))
    unit, word = rng.choice((("kg", "kilograms"), ("g", "grams"), ("L", "liters")))
    if kind == "add":
        a, b = (
            (rng.randint(120, 480), rng.randint(110, 450)) if unit == "g" else (rng.randint(3, 25), rng.randint(2, 25))
        )
        things = {"g": ("a bag of grapes", "a bag of nuts"), "kg": ("a suitcase", "a backpack"), "L": ("", "")}[unit]
        stem = (
            f"{things[0].capitalize()} has a mass of {a} {word} and {things[1]} has a mass of {b} {word}. "
            f"What is their total mass, in {word}?"
            if unit != "L"
            else f"{who} pours {a} liters of water into a tank, then {b} liters more. How many liters are in the tank?"
        )
        value, line, wrong = a + b, f"{a} + {b} = {a + b}", [abs(a - b)]
    elif kind == "subtract":
        whole = rng.randint(150, 900) if unit == "g" else rng.randint(15, 90)
        part = rng.randint(whole // 5, whole - 5)
        holder = "A box of flour" if unit == "g" else "A pile of sand"
        stem = (
            f"{holder} has a mass of {whole} {word}. {who} uses {part} {word}. How many {word} are left?"
            if unit != "L"
            else f"A tank holds {whole} liters of water. {part} liters leak out. How many liters are left?"
        )
        value, line, wrong = whole - part, f"{whole} − {part} = {whole - part}", [whole + part]
    elif kind == "multiply":
        count, each = fact(rng, 2, 9)
        if unit == "g":
            each *= 10
        stem = (
            f"Each bucket holds {each} liters. How many liters do {count} buckets hold?"
            if unit == "L"
            else f"Each bag of rice has a mass of {each} {word}. What is the mass of {count} bags, in {word}?"
        )
        value, line, wrong = count * each, f"{count} {TIMES} {each} = {count * each}", [count + each]
    else:
        count, each = fact(rng, 2, 9)
        if unit == "g":
            each *= 10
        total = count * each
        stuff = "beads" if unit == "g" else "sand"
        stem = (
            f"{who} pours {total} liters of water equally into {count} buckets. How many liters are in each bucket?"
            if unit == "L"
            else f"{total} {word} of {stuff} is put equally into {count} bags. "
            f"What is the mass of the {stuff} in each bag, in {word}?"
        )
        value, line, wrong = each, f"{total} {DIVIDE} {count} = {each}", [total - count, count]
    hints = (
        "Draw a picture, like a beaker or a scale, to show the story.",
        "Decide: add, subtract, multiply or divide?",
    )
    return finish(
        stem,
        numeric(value, unit=word),
        hints,
        steps(line, f"The answer is **{value} {word}**."),
        wrong=wrong + [value + 10],
    )


# (what is measured, the right estimate, wrong estimates)
_ESTIMATES = (
    ("the mass of a paper clip", "1 gram", ("1 kilogram", "100 grams")),
    ("the mass of a bicycle", "15 kilograms", ("15 grams", "150 kilograms")),
    ("the mass of a watermelon", "5 kilograms", ("5 grams", "50 kilograms")),
    ("the mass of a pencil", "5 grams", ("5 kilograms", "500 grams")),
    ("the mass of an apple", "150 grams", ("150 kilograms", "15 kilograms")),
    ("the mass of a grown dog", "20 kilograms", ("20 grams", "200 kilograms")),
    ("the mass of a dictionary", "2 kilograms", ("2 grams", "20 kilograms")),
    ("the mass of a grape", "5 grams", ("5 kilograms", "500 grams")),
    ("the water a bathtub holds", "150 liters", ("1 liter", "15 liters")),
    ("the water a big water bottle holds", "1 liter", ("100 liters", "20 liters")),
    ("the water a bucket holds", "10 liters", ("1 liter", "100 liters")),
    ("the water a kitchen sink holds", "20 liters", ("2 liters", "200 liters")),
    ("the juice a carton from the store holds", "2 liters", ("200 liters", "20 liters")),
)


@template("3.MD.A.2", difficulty=INTRODUCTORY)
def estimate_mass_or_volume(rng: random.Random) -> Problem:
    """The best estimate of a familiar mass (grams or kilograms) or liquid volume (liters)."""
    what, correct, wrong = rng.choice(_ESTIMATES)
    answer = choice(rng, correct, wrong)
    hints = (
        "A dollar bill has a mass of about 1 gram. A pineapple is about 1 kilogram, which is 1,000 grams.",
        "A liter is a little more than 4 cups of water.",
    )
    solution = steps(f"Think about {what}.", f"The best estimate is **{correct}**.")
    return finish(f"Which is the best estimate for {what}?", answer, hints, solution)


def beaker(top: int, level: int, *, label_every: int) -> str:
    """A beaker marked in liters from 0 to `top`, filled with water to `level` liters."""
    svg = Svg(220, 300)
    x0, x1, y_top, y_bottom = 90, 190, 30, 270
    scale = (y_bottom - y_top) / top
    svg.rect(x0, y_bottom - level * scale, x1 - x0, level * scale, fill="#9cc3f5", stroke="none", stroke_width=0)
    svg.polyline([(x0, y_top - 10), (x0, y_bottom), (x1, y_bottom), (x1, y_top - 10)], stroke_width=3)
    for mark in range(top + 1):
        y = y_bottom - mark * scale
        labelled = mark % label_every == 0
        svg.line(x0, y, x0 + (22 if labelled else 12), y, stroke_width=2 if labelled else 1.5)
        if labelled:
            svg.text(x0 - 10, y + 5, f"{mark} L", size=13, anchor="end")
    return svg.render(
        f"A beaker with a scale in liters from 0 to {top}, a mark every liter and a number every "
        f"{label_every} liters. Water fills it up to one of the marks."
    )


@template("3.MD.A.2")
def read_a_scale(rng: random.Random) -> Problem:
    """Read a measurement scale: the liters of water in a beaker, or the kilograms a scale shows."""
    if rng.random() < 0.5:
        top = rng.choice((6, 8, 10, 12))
        label_every = 2
        level = rng.choice([n for n in range(1, top) if n % label_every])
        figure = beaker(top, level, label_every=label_every)
        stem, unit = "How many liters of water are in the beaker?", "liters"
        lines = (
            f"The numbers on the scale go up by {label_every} liters, so each mark is 1 liter.",
            f"The water reaches the mark after {level - 1}: **{level} liters**.",
        )
    else:
        step = rng.choice((1, 2, 5))
        top = step * 10
        level = rng.choice([n for n in range(step, top, step) if n % (5 * step)])
        figure = figures.number_line(0, top, step, points=[("A", level)], label_every=5)
        stem, unit = "A box is put on a scale. Point A shows its mass. What is its mass in kilograms?", "kilograms"
        lines = (
            f"The marks go up by {step} kilogram{'s' if step > 1 else ''}.",
            f"Count by {step}s from the nearest number to the pointer: **{level} kilograms**.",
        )
    hints = ("How much is each mark worth? Look at the numbers on the scale.", "Count the marks from a number.")
    return finish(
        stem, numeric(level, unit=unit), hints, steps(*lines), figure=figure, wrong=[level + 1, level - 1, level * 2]
    )


# ---------------------------------------------------------------------------------------------------------
# 3.MD.B.3 Scaled picture graphs and bar graphs


def _two_step_graph_question(rng: random.Random, data: list[tuple[str, int]]) -> tuple[str, int, list, tuple]:
    """How many more chose two categories together than a third (or how many fewer)."""
    for _ in range(20):
        (first, a), (second, b), (third, c) = rng.sample(data, 3)
        if a + b > c:
            break
    else:
        raise ValueError("No category is smaller than two others together.")
    if rng.random() < 0.5:
        question = f"How many more children chose {first} or {second} than chose {third}?"
    else:
        question = f"How many fewer children chose {third} than chose {first} or {second}?"
    value = a + b - c
    lines = (f"{first} and {second} together: {a} + {b} = {a + b}.", f"{a + b} − {c} = **{value}**")
    return question, value, [a + b + c, a - c if a > c else b, a + b], lines


@template("3.MD.B.3")
def scaled_bar_graph(rng: random.Random) -> Problem:
    """A one- or two-step how-many-more or how-many-fewer problem from a bar graph with a scale of 2, 5 or 10."""
    step = rng.choice((2, 5, 10))
    title, categories = rng.choice(SURVEYS)
    unit = step // 2 if step != 5 and rng.random() < 0.4 else step
    data = [(category, unit * rng.randint(1, 10 * step // unit)) for category in categories]
    if rng.random() < 0.5:
        question, value, wrong, lines = _two_step_graph_question(rng, data)
    else:
        question, value, wrong, lines = graph_question(rng, data, "children")
    hints = (
        f"Each line on the scale is {step} more. A bar between two lines is halfway.",
        "Find the value of each bar you need, then add or subtract.",
    )
    return finish(
        question,
        numeric(value),
        hints,
        steps(*lines),
        wrong=wrong,
        figure=figures.bar_graph(data, step=step, title=title, value_name="number of children"),
    )


@template("3.MD.B.3")
def scaled_picture_graph(rng: random.Random) -> Problem:
    """A one- or two-step problem from a picture graph where each picture stands for 2, 5 or 10."""
    per = rng.choice((2, 5, 10))
    title, categories = rng.choice(SURVEYS)
    half = per % 2 == 0 and rng.random() < 0.5
    data = [
        (category, per * rng.randint(1, 8) + (per // 2 if half and rng.random() < 0.5 else 0))
        for category in categories
    ]
    if rng.random() < 0.5:
        question, value, wrong, lines = _two_step_graph_question(rng, data)
    else:
        question, value, wrong, lines = graph_question(rng, data, "children")
    hints = (
        f"Each circle stands for {per} children; half a circle stands for {per // 2}."
        if per % 2 == 0
        else f"Each circle stands for {per} children.",
        "Find each row's number first, then add or subtract.",
    )
    return finish(
        question,
        numeric(value),
        hints,
        steps(*lines),
        wrong=wrong + [value // per or 1],
        figure=figures.picture_graph(data, per_picture=per, title=title, thing="children"),
    )


@template("3.MD.B.3")
def draw_scaled_picture_graph(rng: random.Random) -> Problem:
    """How many pictures to draw for a number on a scaled picture graph, or what a row of pictures stands for."""
    per = rng.choice((2, 4, 5, 10))
    who, other = names(rng, 2)
    things = rng.choice(("books", "pets", "shells", "stamps"))
    count = rng.randint(2, 9)
    if rng.random() < 0.5:
        stem = (
            f"{who} makes a picture graph where each picture stands for {per} {things}. {other} has "
            f"{count * per} {things}. How many pictures should {who} draw for {other}?"
        )
        value, line = count, f"{count * per} {DIVIDE} {per} = {count}"
        wrong = [count * per, count * per - per]
    else:
        stem = (
            f"In a picture graph, each picture stands for {per} {things}. The row for {other} has {count} "
            f"pictures. How many {things} does {other} have?"
        )
        value, line = count * per, f"{count} {TIMES} {per} = {count * per}"
        wrong = [count, count + per]
    hints = (f"Each picture is worth {per}.", "Skip-count by the picture's value.")
    return finish(stem, numeric(value), hints, steps(line, f"The answer is **{value}**."), wrong=wrong)


# ---------------------------------------------------------------------------------------------------------
# 3.MD.B.4 Measure to halves and quarters of an inch; line plots


def inches_text(length: Fraction) -> str:
    return f"{mixed(length)} {'inch' if length == 1 else 'inches'}"


@template("3.MD.B.4", difficulty=INTRODUCTORY)
def measure_to_quarter_inch(rng: random.Random) -> Problem:
    """The length of a bar on a ruler marked in halves or quarters of an inch."""
    divisions = rng.choice((2, 4))
    length = Fraction(rng.randint(divisions + 1, 6 * divisions - 1), divisions)
    if length.denominator == 1:
        length += Fraction(1, divisions)
    figure = figures.ruler(length, units="inches", divisions=divisions, ruler_length=math.ceil(length) + 1)
    part = "half" if divisions == 2 else "quarter"
    hints = (
        f"Each inch is cut into {divisions} equal parts, so each small mark is a {part} inch.",
        "Find the last whole inch the bar passes, then count the small parts after it.",
    )
    whole = int(length)
    rest = length - whole
    solution = steps(
        f"The bar passes the {whole} inch mark.",
        f"It goes {rest.numerator} more {part}{'s' if rest.numerator > 1 else ''} of an inch: "
        f"{whole} + {rest} = **{inches_text(length)}**.",
    )
    answer = numeric(length, unit="inches", display=inches_text(length))
    wrong = [length * divisions, whole, whole + 1, length + Fraction(1, divisions)]
    return finish(
        f"How long is the bar, to the nearest {part} inch?", answer, hints, solution, wrong=wrong, figure=figure
    )


def _fractional_measurements(rng: random.Random) -> tuple[list[Fraction], Fraction, Fraction, Fraction]:
    step = Fraction(1, rng.choice((2, 4)))
    start = Fraction(rng.randint(1, 4))
    end = start + 2
    slots = int((end - start) / step)
    values = [start + step * rng.randint(0, slots) for _ in range(rng.randint(8, 12))]
    return sorted(values), start, end, step


_PLOTTED = ("worms", "leaves", "crayons", "pencils", "shells", "caterpillars")


@template("3.MD.B.4")
def read_fractional_line_plot(rng: random.Random) -> Problem:
    """A question about a line plot of lengths measured to the nearest half or quarter inch."""
    things = rng.choice(_PLOTTED)
    values, start, end, step = _fractional_measurements(rng)
    figure = figures.line_plot(
        values, start=start, end=end, step=step, title=f"Lengths of {things.capitalize()}", unit="inches"
    )
    counts = {value: values.count(value) for value in values}
    top = max(counts.values())
    modes = [value for value, count in counts.items() if count == top]
    kind = rng.choice(("at", "longer", "total", "most") if len(modes) == 1 else ("at", "longer", "total"))
    if kind == "at":
        pick = rng.choice(values)
        value = counts[pick]
        stem = f"How many {things} are {inches_text(pick)} long?"
        answer, lines, wrong = (
            numeric(value),
            (f"Find {mixed(pick)} on the line plot.", f"Count the X marks above it: **{value}**."),
            [value + 1, pick],
        )
    elif kind == "longer":
        cut = start + 1
        value = sum(v > cut for v in values)
        stem = f"How many {things} are longer than {inches_text(cut)}?"
        answer, lines = (
            numeric(value),
            (f"Look at the lengths to the right of {mixed(cut)}.", f"Count their X marks: **{value}**."),
        )
        wrong = [sum(v >= cut for v in values), len(values) - value]
    elif kind == "total":
        value = len(values)
        stem = f"How many {things} were measured?"
        answer, lines, wrong = (
            numeric(value),
            ("Each X is one measurement.", f"Count all the X marks: **{value}**."),
            [len(counts), value - 1],
        )
    else:
        value = modes[0]
        stem = "Which length, in inches, was measured most often?"
        answer = numeric(value, unit="inches", display=inches_text(value))
        lines = ("Find the tallest stack of X marks.", f"It is above {mixed(value)}: **{inches_text(value)}**.")
        wrong = [top, value + step]
    hints = ("Each X stands for one measured object.", f"The marks on the scale go up by {step} inch.")
    return finish(stem, answer, hints, steps(*lines), wrong=wrong, figure=figure)


@template("3.MD.B.4")
def make_fractional_line_plot(rng: random.Random) -> Problem:
    """How many X marks go above a length when measurements in halves or quarters of an inch are plotted."""
    things = rng.choice(_PLOTTED)
    who = name(rng)
    values, start, end, step = _fractional_measurements(rng)
    listed = list(values)
    rng.shuffle(listed)
    pick = rng.choice(values)
    count = values.count(pick)
    part = "half" if step == Fraction(1, 2) else "quarter"
    stem = (
        f"{who} measures {len(values)} {things} to the nearest {part} inch. The lengths, in inches, are "
        f"{', '.join(mixed(v) for v in listed)}. {who} shows them on a line plot. "
        f"How many X marks go above {mixed(pick)}?"
    )
    hints = ("Each measurement gets one X above its length.", f"Count how many times {mixed(pick)} is in the list.")
    solution = steps(
        f"Find every {mixed(pick)} in the list.",
        f"There {'are' if count > 1 else 'is'} {count}, so **{count}** X mark{'s' if count > 1 else ''} go above it.",
    )
    return finish(
        stem,
        numeric(count),
        hints,
        solution,
        figure=figures.number_line(start, end, step),
        wrong=[count + 1, len(values), count - 1],
    )


# ---------------------------------------------------------------------------------------------------------
# 3.MD.C Area

AREA_UNITS = {
    "cm": ("centimeter", "square centimeters"),
    "m": ("meter", "square meters"),
    "in": ("inch", "square inches"),
    "ft": ("foot", "square feet"),
}


def area_unit(rng: random.Random) -> tuple[str, str, str]:
    """(abbreviation, length unit, square unit) for an area item."""
    short = rng.choice(tuple(AREA_UNITS))
    return short, *AREA_UNITS[short]


def random_square_shape(rng: random.Random) -> list[tuple[int, int]]:
    """A connected shape of unit squares, row by row from the top: [(first column, number of squares)]."""
    rows = [(0, rng.randint(2, 6))]
    for _ in range(rng.randint(1, 3)):
        start, length = rows[-1]
        new_start = rng.randint(max(0, start - 1), start + length - 1)
        new_end = rng.randint(new_start + 1, min(7, max(new_start + 2, start + length + 1)))
        rows.append((new_start, new_end - new_start))
    return rows


def square_shape_figure(rows: Sequence[tuple[int, int]], *, unit_label: str) -> str:
    """A shape drawn as unit squares, row by row from the top."""
    cell = 34
    columns = max(start + length for start, length in rows)
    svg = Svg(columns * cell + 12, len(rows) * cell + 12)
    for row, (start, length) in enumerate(rows):
        for column in range(start, start + length):
            svg.rect(6 + column * cell, 6 + row * cell, cell, cell, fill="#c7d8f5", stroke=INK, stroke_width=1.5)
    described = "; ".join(
        f"row {row + 1}: {length} square{'s' if length > 1 else ''} from column {start + 1}"
        for row, (start, length) in enumerate(rows)
    )
    return svg.render(f"A shape made of unit squares ({unit_label}), row by row from the top: {described}")


@template("3.MD.C.5a")
def area_of_a_unit_square(rng: random.Random) -> Problem:
    """The area of a square with sides of 1 unit: one square unit."""
    _, length_unit, square_unit = area_unit(rng)
    plural_length = UNITS[length_unit][1]
    who = name(rng)
    stem = rng.choice(
        (
            f"What is the area of a square with sides 1 {length_unit} long?",
            f"{who} draws a square with sides of 1 {length_unit}. What is its area?",
            f"A tile is a square that is 1 {length_unit} on each side. How much area does it cover?",
        )
    )
    correct = f"1 {_square_unit_singular(square_unit)}"
    wrong = (f"4 {square_unit}", f"1 {length_unit}", f"4 {plural_length}")
    answer = choice(rng, correct, wrong)
    hints = ("Area is measured in square units, not in length units.", "How many unit squares cover this square?")
    solution = steps(
        f"A square with sides of 1 {length_unit} is a unit square.", f"One unit square has an area of **{correct}**."
    )
    return finish(stem, answer, hints, solution)


@template("3.MD.C.5a", difficulty=INTRODUCTORY)
def count_unit_squares(rng: random.Random) -> Problem:
    """The area of a shape made of unit squares, each one square unit."""
    short, _, square_unit = area_unit(rng)
    rows = random_square_shape(rng)
    area = sum(length for _, length in rows)
    hints = (f"Each small square is 1 {_square_unit_singular(square_unit)}.", "Count the squares row by row.")
    solution = steps(
        "Count the squares in each row: " + " + ".join(str(length) for _, length in rows) + f" = {area}.",
        f"The area is **{area} {square_unit}**.",
    )
    return finish(
        f"Each small square is a unit square. What is the area of the shape, in {square_unit}?",
        numeric(area, unit=square_unit),
        hints,
        solution,
        wrong=[area + 1, 2 * len(rows) + 2 * max(length for _, length in rows), area - 1],
        figure=square_shape_figure(rows, unit_label=f"each 1 {_square_unit_singular(square_unit)}"),
    )


@template("3.MD.C.5b")
def covered_without_gaps(rng: random.Random) -> Problem:
    """The area of a rectangle covered by unit squares without gaps or overlaps."""
    rows, columns = rng.randint(2, 6), rng.randint(2, 8)
    _, _, square_unit = area_unit(rng)
    who = name(rng)
    area = rows * columns
    stem = (
        f"{who} covers a rectangle with square tiles. Each tile is 1 {_square_unit_singular(square_unit)}. "
        f"There are no gaps and no overlaps. What is the area of the rectangle, in {square_unit}?"
    )
    hints = ("Each tile adds 1 square unit of area.", "Count all the tiles.")
    solution = steps(
        f"There are {rows} rows of {columns} tiles: {area} tiles with no gaps or overlaps.",
        f"So the area is **{area} {square_unit}**.",
    )
    return finish(
        stem,
        numeric(area, unit=square_unit),
        hints,
        solution,
        wrong=[2 * (rows + columns), rows + columns, area + columns],
        figure=figures.area_grid(rows, columns, unit_label=f"each 1 {_square_unit_singular(square_unit)}"),
    )


def _square_unit_singular(square_unit: str) -> str:
    return {"square feet": "square foot", "square inches": "square inch"}.get(square_unit, square_unit[:-1])


@template("3.MD.C.5b")
def gaps_and_overlaps(rng: random.Random) -> Problem:
    """Whether n tiles give an area of n square units when they leave gaps or overlap (only with neither)."""
    who = name(rng)
    count = rng.randint(8, 30)
    case = rng.choice(("gaps", "overlaps", "neither"))
    how = {
        "gaps": "leaves some gaps between the tiles",
        "overlaps": "lets some tiles overlap",
        "neither": "leaves no gaps and lets no tiles overlap",
    }[case]
    options = (f"more than {count} square units", f"exactly {count} square units", f"less than {count} square units")
    correct = options[{"gaps": 0, "neither": 1, "overlaps": 2}[case]]
    answer = choice(rng, correct, options, keep_order=True)
    stem = (
        f"{who} covers a shape with {count} square tiles. Each tile is 1 square unit. {who} {how}. "
        "What is the area of the shape?"
    )
    hints = ("A gap is part of the shape that no tile covers.", "Where tiles overlap, some area is counted twice.")
    reason = {
        "gaps": "The gaps are part of the shape too, so the shape is bigger than the tiles.",
        "overlaps": "Overlapping tiles cover some area twice, so the shape is smaller than all the tiles.",
        "neither": "With no gaps and no overlaps, each tile covers 1 new square unit.",
    }[case]
    return finish(stem, answer, hints, steps(reason, f"The area is **{correct}**."))


@template("3.MD.C.6")
def measure_area_by_counting(rng: random.Random) -> Problem:
    """The area of a floor plan, garden or design drawn in unit squares of a named unit (or an improvised unit)."""
    rows = random_square_shape(rng)
    area = sum(length for _, length in rows)
    what, unit_one, units = rng.choice(
        (
            ("a garden", "square meter", "square meters"),
            ("a patio", "square foot", "square feet"),
            ("a sticker design", "square centimeter", "square centimeters"),
            ("a quilt patch", "square inch", "square inches"),
            ("a tabletop", "sticky note", "sticky notes"),
        )
    )
    hints = (f"Each square is 1 {unit_one}.", "Count row by row so no square is missed or counted twice.")
    solution = steps(
        " + ".join(str(length) for _, length in rows) + f" = {area} squares.", f"The area is **{area} {units}**."
    )
    stem = f"The picture shows {what}. Each square is 1 {unit_one}. What is the area, in {units}?"
    perimeter_like = 2 * len(rows) + 2 * max(length for _, length in rows)
    return finish(
        stem,
        numeric(area, unit=units),
        hints,
        solution,
        wrong=[perimeter_like, area - 1, area + 1],
        figure=square_shape_figure(rows, unit_label=f"each 1 {unit_one}"),
    )


@template("3.MD.C.6")
def choose_area_unit(rng: random.Random) -> Problem:
    """Which unit fits the area of a small or a large surface (square cm or m; square in or ft)."""
    metric = rng.random() < 0.5
    small_unit, big_unit = ("centimeter", "meter") if metric else ("inch", "foot")
    square = {
        "centimeter": "square centimeters",
        "meter": "square meters",
        "inch": "square inches",
        "foot": "square feet",
    }
    large = rng.random() < 0.5
    surface = rng.choice(
        ("a classroom floor", "a playground", "a basketball court", "a garden")
        if large
        else ("a postage stamp", "a sticky note", "a playing card", "a phone screen")
    )
    correct = square[big_unit if large else small_unit]
    wrong = (square[small_unit if large else big_unit], UNITS[small_unit][1], UNITS[big_unit][1])
    answer = choice(rng, correct, wrong)
    hints = ("Area is measured in square units.", "Is the surface small enough to hold, or big enough to walk on?")
    solution = steps(
        "Area needs square units, not length units.",
        f"{surface.capitalize()} is {'big' if large else 'small'}, so use **{correct}**.",
    )
    return finish(f"Which unit is best for measuring the area of {surface}?", answer, hints, solution)


@template("3.MD.C.7a", difficulty=INTRODUCTORY)
def tile_then_multiply(rng: random.Random) -> Problem:
    """The area of a tiled rectangle, found by multiplying the side lengths."""
    rows, columns = rng.randint(2, 6), rng.randint(2, 9)
    short, length_unit, square_unit = area_unit(rng)
    area = rows * columns
    stem = (
        f"The rectangle is {columns} {short} long and {rows} {short} wide. It is tiled with unit squares. "
        f"Multiply the side lengths to find its area, in {square_unit}."
    )
    hints = ("How many squares are in one row? How many rows are there?", "Rows times squares in each row.")
    solution = steps(
        f"There are {rows} rows of {columns} unit squares, the same as the side lengths.",
        f"{rows} {TIMES} {columns} = **{area} {square_unit}**, the same as counting the tiles.",
    )
    return finish(
        stem,
        numeric(area, unit=square_unit),
        hints,
        solution,
        wrong=[rows + columns, 2 * (rows + columns), area + columns],
        figure=figures.area_grid(rows, columns, unit_label=f"each 1 {_square_unit_singular(square_unit)}"),
    )


@template("3.MD.C.7a")
def counting_matches_multiplying(rng: random.Random) -> Problem:
    """Why counting the tiles and multiplying the side lengths give the same area."""
    rows, columns = rng.randint(3, 7), rng.randint(3, 9)
    if rows == columns:
        columns += 1
    first, second = names(rng, 2)
    area = rows * columns
    stem = (
        f"A rectangle is {columns} units long and {rows} units wide. {first} tiles it with unit squares and "
        f"counts them one by one. {second} multiplies {rows} {TIMES} {columns}. What do they find?"
    )
    correct = f"Both get {area} square units, because there are {rows} rows of {columns} tiles."
    wrong = (
        f"{first} gets {area} square units and {second} gets {rows + columns} square units.",
        f"Both get {2 * (rows + columns)} square units, because you add all four sides.",
        f"{second} gets more, because multiplying makes bigger numbers than counting.",
    )
    answer = choice(rng, correct, wrong)
    hints = ("Picture the tiles in rows.", "How many tiles are in each row, and how many rows are there?")
    solution = steps(
        f"The tiles make {rows} rows with {columns} in each row.",
        f"Counting them gives the same number as {rows} {TIMES} {columns} = {area}.",
        f"**{correct}**",
    )
    return finish(stem, answer, hints, solution, figure=figures.area_grid(rows, columns))


@template("3.MD.C.7b")
def rectangle_area(rng: random.Random) -> Problem:
    """The area of a rectangle with labelled whole-number side lengths."""
    short, _, square_unit = area_unit(rng)
    width, height = rng.randint(3, 12), rng.randint(2, 9)
    if width == height:
        width += 1
    area = width * height
    hints = ("Area of a rectangle = length × width.", "Do not add the sides: that gives the perimeter.")
    solution = steps(f"{width} {TIMES} {height} = {area}", f"The area is **{area} {square_unit}**.")
    return finish(
        f"What is the area of the rectangle, in {square_unit}?",
        numeric(area, unit=square_unit),
        hints,
        solution,
        wrong=[2 * (width + height), width + height, area + width],
        figure=figures.rectangle(f"{width} {short}", f"{height} {short}", ratio=max(1.2, width / height)),
    )


@template("3.MD.C.7b")
def area_story(rng: random.Random) -> Problem:
    """A real-world area problem: the area of a rectangle, or a side length from the area."""
    who = name(rng)
    what, length_unit = rng.choice(
        (
            ("garden", "meter"),
            ("garden", "foot"),
            ("rug", "foot"),
            ("poster", "inch"),
            ("patio", "meter"),
            ("patio", "foot"),
            ("photo", "centimeter"),
            ("tabletop", "foot"),
        )
    )
    lengths, square_unit = UNITS[length_unit][1], f"square {UNITS[length_unit][1]}"
    length, width = rng.randint(3, 10), rng.randint(2, 9)
    if what == "poster":
        length, width = length + 10, width + 10
    area = length * width
    if rng.random() < 0.55:
        stem = f"{who}'s {what} is a rectangle {length} {lengths} long and {width} {lengths} wide. What is its area?"
        answer = numeric(area, unit=square_unit)
        lines = (f"Area = {length} {TIMES} {width} = {area}.", f"The area is **{area} {square_unit}**.")
        wrong = [2 * (length + width), length + width]
    else:
        stem = (
            f"{who}'s {what} is a rectangle with an area of {area} {square_unit}. It is {length} {lengths} "
            f"long. How wide is it, in {lengths}?"
        )
        answer = numeric(width, unit=lengths)
        lines = (
            f"{length} {TIMES} ? = {area}.",
            f"{area} {DIVIDE} {length} = {width}, so it is **{width} {lengths}** wide.",
        )
        wrong = [area - length, area * length]
    hints = (
        "Area of a rectangle = length × width.",
        "If you know the area and one side, think: which number times that side makes the area?",
    )
    return finish(stem, answer, hints, steps(*lines), wrong=wrong)


def split_rectangle(height: int, left: int, right: int, *, unit: str = "") -> str:
    """A rectangle `height` by `left` + `right` on a unit grid, split by a bold line into two rectangles."""
    cell = min(30, 360 // (left + right))
    width = (left + right) * cell
    svg = Svg(width + 70, height * cell + 60)
    x0, y0 = 40, 30
    svg.rect(x0, y0, left * cell, height * cell, fill="#c7d8f5", stroke=INK)
    svg.rect(x0 + left * cell, y0, right * cell, height * cell, fill="#f9d98c", stroke=INK)
    for column in range(1, left + right):
        svg.line(x0 + column * cell, y0, x0 + column * cell, y0 + height * cell, stroke=figures.MUTED, stroke_width=0.8)
    for row in range(1, height):
        svg.line(x0, y0 + row * cell, x0 + width, y0 + row * cell, stroke=figures.MUTED, stroke_width=0.8)
    svg.line(x0 + left * cell, y0 - 6, x0 + left * cell, y0 + height * cell + 6, stroke=INK, stroke_width=3)
    suffix = f" {unit}" if unit else ""
    svg.text(x0 + left * cell / 2, y0 - 10, f"{left}{suffix}", size=14)
    svg.text(x0 + left * cell + right * cell / 2, y0 - 10, f"{right}{suffix}", size=14)
    svg.text(x0 - 8, y0 + height * cell / 2 + 5, f"{height}{suffix}", size=14, anchor="end")
    return svg.render(
        f"A rectangle on a grid of unit squares, {height} tall and {left} + {right} long, split by a "
        f"line into a {height} by {left} rectangle and a {height} by {right} rectangle"
    )


@template("3.MD.C.7c")
def area_of_split_rectangle(rng: random.Random) -> Problem:
    """The area of a rectangle a by (b + c), found as a × b + a × c."""
    height, left, right = rng.randint(2, 7), rng.randint(3, 8), rng.randint(2, 5)
    area = height * (left + right)
    hints = ("Find the area of each smaller rectangle.", "Add the two areas.")
    solution = steps(
        f"Left part: {height} {TIMES} {left} = {height * left}. Right part: {height} {TIMES} {right} = "
        f"{height * right}.",
        f"{height * left} + {height * right} = **{area}** square units, the same as {height} {TIMES} {left + right}.",
    )
    return finish(
        "What is the area of the whole rectangle, in square units?",
        numeric(area),
        hints,
        solution,
        wrong=[height * left + right, height + left + right, height * left * right],
        figure=split_rectangle(height, left, right),
    )


@template("3.MD.C.7c")
def area_model_expression(rng: random.Random) -> Problem:
    """Which expression an area model of a × (b + c) shows: a × b + a × c."""
    height, left, right = rng.randint(2, 7), rng.randint(3, 8), rng.randint(2, 5)
    correct = f"{height} {TIMES} {left} + {height} {TIMES} {right}"
    candidates = (
        f"{height} {TIMES} {left} + {right}",
        f"{height} + {left} {TIMES} {right}",
        f"{height} {TIMES} {left} {TIMES} {right}",
        f"{height} {TIMES} {left} + {left} {TIMES} {right}",
    )
    answer = expression_choice(rng, correct, candidates)
    hints = ("The big rectangle is made of two smaller rectangles.", "Write the area of each part, then add them.")
    solution = steps(
        f"The parts are {height} by {left} and {height} by {right}.",
        f"Total area: **{correct}** = {height * (left + right)}, the same as {height} {TIMES} ({left} + {right}).",
    )
    return finish(
        f"The rectangle is {height} by ({left} + {right}). Which expression gives its area?",
        answer,
        hints,
        solution,
        figure=split_rectangle(height, left, right),
    )


@template("3.MD.C.7c")
def distributive_missing_number(rng: random.Random) -> Problem:
    """The missing number in a × (b + c) = a × b + a × ?, shown with an area model."""
    height, left, right = rng.randint(3, 9), rng.randint(3, 8), rng.randint(2, 5)
    stem = (
        f"The area model shows {height} {TIMES} {left + right}. What number makes this true? "
        f"{height} {TIMES} {left + right} = {height} {TIMES} {left} + {height} {TIMES} ?"
    )
    hints = (f"{left + right} is split into two parts.", f"Which number goes with {left} to make {left + right}?")
    solution = steps(f"{left + right} = {left} + {right}.", f"So ? = **{right}**.")
    return finish(
        stem,
        numeric(right),
        hints,
        solution,
        wrong=[left + right, height * right, height],
        figure=split_rectangle(height, left, right),
    )


def l_shape(width: int, height: int, cut_width: int, cut_height: int) -> list[tuple[int, int]]:
    """An L-shaped hexagon: a width-by-height rectangle with a cut_width-by-cut_height corner cut off its top
    right."""
    return [
        (0, 0),
        (width, 0),
        (width, height - cut_height),
        (width - cut_width, height - cut_height),
        (width - cut_width, height),
        (0, height),
    ]


def l_shape_sides(width: int, height: int, cut_width: int, cut_height: int) -> list[int]:
    return [width, height - cut_height, cut_width, cut_height, width - cut_width, height]


@template("3.MD.C.7d")
def rectilinear_area(rng: random.Random) -> Problem:
    """The area of an L-shaped figure, by splitting it into two rectangles."""
    width, height = rng.randint(7, 12), rng.randint(6, 10)
    cut_width, cut_height = rng.randint(3, width - 3), rng.randint(3, height - 2)
    short, _, square_unit = area_unit(rng)
    sides = l_shape_sides(width, height, cut_width, cut_height)
    figure = labelled_polygon(
        l_shape(width, height, cut_width, cut_height),
        [f"{side} {short}" for side in sides],
        right_angles=[0, 1, 2, 4, 5],
        label=f"An L-shaped figure with sides, going around: {', '.join(f'{side} {short}' for side in sides)}",
    )
    bottom = width * (height - cut_height)
    top = (width - cut_width) * cut_height
    area = bottom + top
    hints = ("Draw a line to split the shape into two rectangles.", "Find each rectangle's area, then add.")
    solution = steps(
        f"Bottom rectangle: {width} {TIMES} {height - cut_height} = {bottom}.",
        f"Top rectangle: {width - cut_width} {TIMES} {cut_height} = {top}.",
        f"{bottom} + {top} = **{area} {square_unit}**",
    )
    return finish(
        f"What is the area of the figure, in {square_unit}?",
        numeric(area, unit=square_unit),
        hints,
        solution,
        wrong=[width * height, sum(sides), bottom],
        figure=figure,
    )


@template("3.MD.C.7d")
def two_rectangle_story(rng: random.Random) -> Problem:
    """A real-world area made of two non-overlapping rectangles (a room and a closet, a garden and a path)."""
    who = name(rng)
    place, extra, unit = rng.choice(
        (
            ("bedroom", "closet", "foot"),
            ("garden", "flower bed", "meter"),
            ("kitchen", "pantry", "meter"),
            ("playroom", "reading nook", "foot"),
        )
    )
    (a, b), (c, d) = fact(rng, 6, 10) if unit == "foot" else fact(rng, 3, 9), fact(rng, 2, 5)
    lengths, square_unit = UNITS[unit][1], f"square {UNITS[unit][1]}"
    stem = (
        f"{who}'s {place} is a rectangle {a} {lengths} by {b} {lengths}. A {extra} next to it is a rectangle "
        f"{c} {lengths} by {d} {lengths}. They do not overlap. What is their total area, in {square_unit}?"
    )
    total = a * b + c * d
    hints = ("Find the area of each rectangle.", "Add the two areas, because they do not overlap.")
    solution = steps(
        f"{place.capitalize()}: {a} {TIMES} {b} = {a * b}. {extra.capitalize()}: {c} {TIMES} {d} = {c * d}.",
        f"{a * b} + {c * d} = **{total} {square_unit}**",
    )
    return finish(
        stem, numeric(total, unit=square_unit), hints, solution, wrong=[(a + c) * (b + d), a + b + c + d, a * b]
    )


def _inside(point: tuple[float, float], polygon: Sequence[tuple[float, float]]) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, [*polygon[1:], polygon[0]]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def labelled_polygon(
    points: Sequence[tuple[float, float]], side_labels: Sequence[str], *, label: str, right_angles: Sequence[int] = ()
) -> str:
    """A polygon drawn to scale with each side's label just outside that side (also beside the inner sides of an
    L shape, where labels placed away from the centre would land inside the shape), and right-angle marks."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    scale = 260 / (max(max(xs) - min(xs), max(ys) - min(ys)) or 1)
    pad = 55
    placed = [(pad + (x - min(xs)) * scale, pad + (max(ys) - y) * scale) for x, y in points]
    svg = Svg((max(xs) - min(xs)) * scale + 2 * pad, (max(ys) - min(ys)) * scale + 2 * pad)
    svg.polygon(placed, fill="#dbe7fb")
    for index, side_label in enumerate(side_labels):
        if not side_label:
            continue
        (x1, y1), (x2, y2) = placed[index], placed[(index + 1) % len(placed)]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        nx, ny = (y2 - y1) / length, -(x2 - x1) / length
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        if _inside((mx + 3 * nx, my + 3 * ny), placed):
            nx, ny = -nx, -ny
        offset = 10 + abs(nx) * 3.8 * len(side_label) + abs(ny) * 6
        svg.text(mx + offset * nx, my + offset * ny + 5, side_label, size=14)
    for index in right_angles:
        (px, py), (ax, ay), (bx, by) = placed[index], placed[index - 1], placed[(index + 1) % len(placed)]
        first = ((ax - px) / math.hypot(ax - px, ay - py), (ay - py) / math.hypot(ax - px, ay - py))
        second = ((bx - px) / math.hypot(bx - px, by - py), (by - py) / math.hypot(bx - px, by - py))
        svg.polyline(
            [
                (px + 12 * first[0], py + 12 * first[1]),
                (px + 12 * (first[0] + second[0]), py + 12 * (first[1] + second[1])),
                (px + 12 * second[0], py + 12 * second[1]),
            ],
            stroke_width=1.2,
        )
    return svg.render(label)


# ---------------------------------------------------------------------------------------------------------
# 3.MD.D.8 Perimeter


def _triangle(rng: random.Random) -> tuple[list[tuple[float, float]], list[int], list[int]]:
    """A triangle with whole-number sides, drawn to scale: (points, side lengths in order, right-angle corners)."""
    while True:
        a, b, c = rng.randint(3, 12), rng.randint(3, 12), rng.randint(4, 12)
        if a + b > c + 1 and a + c > b + 1 and b + c > a + 1:
            break
    x = (b * b + c * c - a * a) / (2 * c)
    return [(0, 0), (c, 0), (x, math.sqrt(b * b - x * x))], [c, a, b], []


def _trapezoid(rng: random.Random) -> tuple[list[tuple[float, float]], list[int], list[int]]:
    top = rng.randint(3, 8)
    bottom = top + 2 * rng.randint(1, 3)
    leg = rng.randint((bottom - top) // 2 + 2, (bottom - top) // 2 + 6)
    inset = (bottom - top) / 2
    height = math.sqrt(leg * leg - inset * inset)
    return [(0, 0), (bottom, 0), (bottom - inset, height), (inset, height)], [bottom, leg, top, leg], []


def _house(rng: random.Random) -> tuple[list[tuple[float, float]], list[int], list[int]]:
    width, wall = rng.randint(4, 10), rng.randint(3, 8)
    roof = rng.randint(width // 2 + 1, width // 2 + 5)
    peak = math.sqrt(roof * roof - (width / 2) ** 2)
    return (
        [(0, 0), (width, 0), (width, wall), (width / 2, wall + peak), (0, wall)],
        [width, wall, roof, roof, wall],
        [0, 1],
    )


def _rectangle(rng: random.Random) -> tuple[list[tuple[float, float]], list[int], list[int]]:
    width, height = rng.randint(3, 15), rng.randint(2, 10)
    return [(0, 0), (width, 0), (width, height), (0, height)], [width, height, width, height], [0, 1, 2, 3]


def _l_hexagon(rng: random.Random) -> tuple[list[tuple[float, float]], list[int], list[int]]:
    width, height = rng.randint(7, 12), rng.randint(6, 10)
    cut_width, cut_height = rng.randint(3, width - 3), rng.randint(3, height - 2)
    return (
        l_shape(width, height, cut_width, cut_height),
        l_shape_sides(width, height, cut_width, cut_height),
        [0, 1, 2, 4, 5],
    )


_POLYGONS = {
    "triangle": _triangle,
    "quadrilateral": _trapezoid,
    "pentagon": _house,
    "rectangle": _rectangle,
    "hexagon": _l_hexagon,
}


@template("3.MD.D.8", difficulty=INTRODUCTORY)
def perimeter_of_polygon(rng: random.Random) -> Problem:
    """The perimeter of a polygon with its side lengths labelled."""
    kind = rng.choice(tuple(_POLYGONS))
    points, sides, corners = _POLYGONS[kind](rng)
    unit = rng.choice(("cm", "m", "in", "ft"))
    units = {"cm": "centimeters", "m": "meters", "in": "inches", "ft": "feet"}[unit]
    perimeter = sum(sides)
    figure = labelled_polygon(
        points,
        [f"{side} {unit}" for side in sides],
        right_angles=corners,
        label=f"A {kind} with sides of {join_words(f'{side} {unit}' for side in sides)}",
    )
    hints = ("Perimeter is the distance all the way around the shape.", "Add the lengths of all the sides.")
    solution = steps(f"{' + '.join(map(str, sides))} = {perimeter}", f"The perimeter is **{perimeter} {units}**.")
    wrong = [
        perimeter - sides[-1],
        sides[0] * sides[1] if kind == "rectangle" else perimeter + sides[0],
        sum(sorted(set(sides))),
    ]
    return finish(
        f"What is the perimeter of the {kind}, in {units}?",
        numeric(perimeter, unit=units),
        hints,
        solution,
        wrong=wrong,
        figure=figure,
    )


@template("3.MD.D.8")
def unknown_side_from_perimeter(rng: random.Random) -> Problem:
    """An unknown side length of a polygon or rectangle when the perimeter is known."""
    kind = rng.choice(("triangle", "quadrilateral", "pentagon", "rectangle"))
    points, sides, corners = _POLYGONS[kind](rng)
    unit = rng.choice(("cm", "m", "in", "ft"))
    units = {"cm": "centimeters", "m": "meters", "in": "inches", "ft": "feet"}[unit]
    perimeter = sum(sides)
    if kind == "rectangle":
        hidden = 1
        labels = [f"{sides[0]} {unit}", "?", "", ""]
        known = f"The opposite sides of a rectangle are equal, so 2 {TIMES} {sides[0]} + 2 {TIMES} ? = {perimeter}."
        lines = (
            known,
            f"{perimeter} − {2 * sides[0]} = {perimeter - 2 * sides[0]}, and half of that is {sides[1]}.",
            f"The missing side is **{sides[1]} {units}**.",
        )
        wrong = [perimeter - sides[0], perimeter - 2 * sides[0], sides[0]]
    else:
        hidden = rng.randrange(len(sides))
        labels = [f"{side} {unit}" if index != hidden else "?" for index, side in enumerate(sides)]
        others = [side for index, side in enumerate(sides) if index != hidden]
        lines = (
            f"The other sides add up to {' + '.join(map(str, others))} = {sum(others)}.",
            f"{perimeter} − {sum(others)} = {sides[hidden]}, so the missing side is **{sides[hidden]} {units}**.",
        )
        wrong = [perimeter + sum(others), sum(others), perimeter - others[0]]
    value = sides[hidden]
    figure = labelled_polygon(
        points,
        labels,
        right_angles=corners,
        label=f"A {kind} with sides labelled, going around: {', '.join(label or 'unlabelled' for label in labels)}",
    )
    hints = ("The perimeter is the sum of all the sides.", "Subtract the sides you know from the perimeter.")
    return finish(
        f"The perimeter of the {kind} is {perimeter} {units}. What is the length of the side marked ?, in {units}?",
        numeric(value, unit=units),
        hints,
        steps(*lines),
        wrong=wrong,
        figure=figure,
    )


@template("3.MD.D.8", difficulty=STRETCH)
def same_perimeter_or_area(rng: random.Random) -> Problem:
    """A rectangle with the same perimeter but a different area (or the same area but a different perimeter)."""
    while True:
        width, height = rng.randint(2, 9), rng.randint(2, 9)
        pairs = [(w, width * height // w) for w in range(1, width * height + 1) if width * height % w == 0]
        same_area = [pair for pair in pairs if sorted(pair) != sorted((width, height)) and pair[0] <= pair[1]]
        if width != height and same_area:
            break
    perimeter, area = 2 * (width + height), width * height
    unit = rng.choice(("cm", "m", "ft", "in"))

    def named(w: int, h: int) -> str:
        article = "an" if str(w).startswith("8") or w in (11, 18) else "a"
        return f"{article} {w} {unit} by {h} {unit} rectangle"

    same_perimeter = [
        (w, perimeter // 2 - w)
        for w in range(1, perimeter // 2)
        if w <= perimeter // 2 - w and w * (perimeter // 2 - w) != area
    ]
    ask_perimeter = rng.random() < 0.5 and bool(same_perimeter)
    if ask_perimeter:
        right = rng.choice(same_perimeter)
        wrong = [named(*rng.choice(same_area)), named(width + 1, height), named(width, height + 2)]
        stem = f"Which rectangle has the same perimeter as {named(width, height)} but a different area?"
        why = (
            f"{named(*right).capitalize()} has perimeter 2 {TIMES} ({right[0]} + {right[1]}) = {perimeter} and area "
            f"{right[0] * right[1]}, not {area}."
        )
    else:
        right = rng.choice(same_area)
        wrong = [
            named(*same_perimeter[0]) if same_perimeter else named(width + 2, height),
            named(width + 1, height),
            named(width, height + 1),
        ]
        stem = f"Which rectangle has the same area as {named(width, height)} but a different perimeter?"
        why = (
            f"{named(*right).capitalize()} has area {right[0]} {TIMES} {right[1]} = {area} and perimeter "
            f"{2 * (right[0] + right[1])}, not {perimeter}."
        )
    correct = named(*right)
    answer = pick_choice(rng, correct, [w for w in wrong if w != named(width, height) and w != named(height, width)])
    hints = (
        "Perimeter adds all four sides; area multiplies length by width.",
        f"Find the perimeter and area of {named(width, height)} first.",
    )
    solution = steps(
        f"{named(width, height).capitalize()}: perimeter {perimeter}, area {area}.",
        why,
        f"The answer is **{correct}**.",
    )
    return finish(stem, answer, hints, solution)


# ---------------------------------------------------------------------------------------------------------
# 3.G.A.1 Quadrilaterals and their categories


def _quadrilateral(rng: random.Random, kind: str) -> tuple[list[tuple[float, float]], list[int], list[int]]:
    """Points, side lengths and right-angle corners of a square, rectangle, rhombus or other quadrilateral."""
    if kind == "square":
        side = rng.randint(3, 9)
        return [(0, 0), (side, 0), (side, side), (0, side)], [side] * 4, [0, 1, 2, 3]
    if kind == "rectangle":
        width, height = rng.sample(range(3, 11), 2)
        return [(0, 0), (width, 0), (width, height), (0, height)], [width, height, width, height], [0, 1, 2, 3]
    if kind == "rhombus":
        side, angle = rng.randint(4, 9), math.radians(rng.choice((55, 60, 65, 70)))
        dx, dy = side * math.cos(angle), side * math.sin(angle)
        return [(0, 0), (side, 0), (side + dx, dy), (dx, dy)], [side] * 4, []
    if kind == "parallelogram":
        base, slant = rng.sample(range(4, 11), 2)
        angle = math.radians(rng.choice((55, 60, 65)))
        dx, dy = slant * math.cos(angle), slant * math.sin(angle)
        return [(0, 0), (base, 0), (base + dx, dy), (dx, dy)], [base, slant, base, slant], []
    if kind == "kite":
        half, top, bottom, short, long = rng.choice(((12, 5, 9, 13, 15), (8, 6, 15, 10, 17)))
        return [(0, top), (-half, 0), (0, -bottom), (half, 0)], [short, long, long, short], []
    points, sides, corners = _trapezoid(rng)
    return points, sides, corners


_QUAD_NAMES = ("quadrilateral", "rectangle", "rhombus", "square")


def _names_that_fit(kind: str) -> list[str]:
    return {
        "square": list(_QUAD_NAMES),
        "rectangle": ["quadrilateral", "rectangle"],
        "rhombus": ["quadrilateral", "rhombus"],
    }.get(kind, ["quadrilateral"])


@template("3.G.A.1")
def names_for_a_quadrilateral(rng: random.Random) -> Problem:
    """Every category name that fits a drawn quadrilateral (a square is also a rectangle, a rhombus and a
    quadrilateral)."""
    kind = rng.choice(("square", "rectangle", "rhombus", "parallelogram", "kite", "trapezoid"))
    points, sides, corners = _quadrilateral(rng, kind)
    right = _names_that_fit(kind)
    wrong = [n for n in _QUAD_NAMES if n not in right] + ["pentagon"]
    answer = multi(rng, right, wrong)
    angles = "all 4 angles are right angles" if corners else "it has no right angles"
    label = f"A shape with 4 straight sides of {join_words(f'{side} units' for side in sides)}; {angles}"
    figure = labelled_polygon(points, [str(side) for side in sides], right_angles=corners, label=label)
    equal_sides = len(set(sides)) == 1
    reasons = ["It has 4 sides, so it is a quadrilateral."]
    reasons.append(
        "It has 4 right angles, so it is a rectangle."
        if corners
        else "It has no right angles, so it is not a rectangle or a square."
    )
    reasons.append(
        "All 4 sides are equal, so it is a rhombus."
        if equal_sides
        else "Its sides are not all equal, so it is not a rhombus or a square."
    )
    if kind == "square":
        reasons.append("Right angles and equal sides: it is a square too.")
    hints = (
        "Count the sides. Look for right angles and for sides of equal length.",
        "A square has both: 4 right angles and 4 equal sides.",
    )
    solution = steps(*reasons, f"The names that fit: **{answer.display}**.")
    return finish("Select every name that fits this shape.", answer, hints, solution, figure=figure)


_SHARED = {
    ("rhombus", "rectangle"): (
        "They have 4 sides.",
        ("They have 4 right angles.", "They have 4 equal sides.", "They have 5 angles."),
    ),
    ("square", "rhombus"): (
        "They have 4 equal sides.",
        ("They have 4 right angles.", "They have no equal sides.", "They have 3 angles."),
    ),
    ("square", "rectangle"): (
        "They have 4 right angles.",
        ("They have 4 equal sides.", "They have no right angles.", "They have 5 sides."),
    ),
}


@template("3.G.A.1")
def shared_attributes(rng: random.Random) -> Problem:
    """What two kinds of quadrilateral always have in common, or which larger category they share."""
    pair = rng.choice(tuple(_SHARED))
    first, second = pair if rng.random() < 0.5 else pair[::-1]
    kind = rng.choice(("shared", "shared", "category", "none"))
    if kind == "shared":
        correct, wrong = _SHARED[pair]
        stem = f"Which is true of every {first} and every {second}?"
        why = f"A {first} and a {second}: check each choice against both shapes. Only one is always true of both."
    elif kind == "category":
        correct, wrong = "quadrilaterals", ("pentagons", "triangles", "hexagons")
        stem = f"A {first} and a {second} both have 4 sides. What larger group of shapes do they both belong to?"
        why = "Every shape with 4 straight sides is a quadrilateral."
    else:
        correct = "a kite with sides 5, 5, 8 and 8 and no right angles"
        wrong = (
            "a shape with 4 equal sides and 4 right angles",
            "a shape with 4 equal sides and no right angles",
            "a shape with 4 right angles and 2 pairs of equal sides",
        )
        stem = "Which is a quadrilateral that is not a rectangle, not a rhombus and not a square?"
        why = "It has 4 sides but no right angles, and its sides are not all equal."
    answer = choice(rng, correct, wrong)
    hints = (
        "A rhombus has 4 equal sides. A rectangle has 4 right angles. A square has both.",
        "A quadrilateral is any shape with 4 straight sides.",
    )
    return finish(stem, answer, hints, steps(why, f"The answer is: **{correct}**"))


# ---------------------------------------------------------------------------------------------------------
# 3.G.A.2 Partition shapes into parts with equal areas


def partitioned_shape(kind: str, parts: int) -> str:
    """A shape split into `parts` parts of equal area with one part shaded."""
    if kind == "circle":
        return figures.fraction_circle(parts, 1)
    if kind == "strips":
        return figures.fraction_bar(parts, 1)
    svg = Svg(240, 220)
    if kind == "hexagon":  # six triangles from the centre
        cx, cy, radius = 120, 110, 95
        corners = [
            (cx + radius * math.cos(math.radians(60 * k)), cy + radius * math.sin(math.radians(60 * k)))
            for k in range(6)
        ]
        for k in range(6):
            svg.polygon([(cx, cy), corners[k], corners[(k + 1) % 6]], fill=SHADE if k == 0 else "#ffffff")
        described = "A regular hexagon split from its centre into 6 triangles of equal area; 1 triangle shaded"
    elif kind == "diagonals":  # a square cut along both diagonals
        corners = [(30, 20), (210, 20), (210, 200), (30, 200)]
        for k in range(4):
            svg.polygon([(120, 110), corners[k], corners[(k + 1) % 4]], fill=SHADE if k == 0 else "#ffffff")
        described = "A square cut along both diagonals into 4 triangles of equal area; 1 triangle shaded"
    else:  # grid: 2 rows of parts / 2
        columns = parts // 2
        cell_w, cell_h = 200 / columns, 80
        for row in range(2):
            for column in range(columns):
                svg.rect(
                    20 + column * cell_w,
                    30 + row * cell_h,
                    cell_w,
                    cell_h,
                    fill=SHADE if row == 0 and column == 0 else "#ffffff",
                )
        described = f"A rectangle split into 2 rows of {columns} equal rectangles; 1 part shaded"
    return svg.render(described)


_PARTITIONS = {
    2: ("circle", "strips"),
    3: ("circle", "strips"),
    4: ("circle", "strips", "diagonals", "grid"),
    6: ("circle", "strips", "hexagon", "grid"),
    8: ("circle", "strips", "grid"),
}


@template("3.G.A.2", difficulty=INTRODUCTORY)
def part_of_equal_area(rng: random.Random) -> Problem:
    """The unit fraction of the whole area that one of b equal-area parts is."""
    parts = rng.choice(DENOMINATORS)
    kind = rng.choice(_PARTITIONS[parts])
    hints = (
        "Count all the parts. They all have the same area.",
        "One part of the whole is 1 over the number of parts.",
    )
    solution = steps(
        f"The shape is split into {parts} parts with equal area.",
        f"One part is **{frac(1, parts)}** of the area of the whole shape.",
    )
    return finish(
        "The shape is split into parts with equal area. What fraction of the whole area is the shaded part?",
        fraction_answer(1, parts),
        hints,
        solution,
        wrong=[parts, Fraction(1, parts - 1), Fraction(parts - 1, parts)],
        figure=partitioned_shape(kind, parts),
    )


@template("3.G.A.2")
def equal_area_story(rng: random.Random) -> Problem:
    """A garden or board split into parts with equal area: each part as a unit fraction, or its area."""
    who = name(rng)
    parts = rng.choice(DENOMINATORS)
    each = rng.randint(2, 9)
    area = parts * each
    what, unit = rng.choice(
        (
            ("garden", "square meters"),
            ("poster", "square feet"),
            ("quilt", "square feet"),
            ("sheet of paper", "square inches"),
        )
    )
    if rng.random() < 0.5:
        stem = (
            f"{who} splits a {what} into {parts} parts with equal area. What fraction of the {what}'s area "
            "is each part?"
        )
        answer = fraction_answer(1, parts)
        lines = (f"There are {parts} parts of equal area.", f"Each is **{frac(1, parts)}** of the whole area.")
        wrong = [parts, Fraction(parts - 1, parts)]
    else:
        stem = (
            f"A {what} has an area of {area} {unit}. {who} splits it into {parts} parts with equal area. "
            f"What is the area of each part, in {unit}? (Each part is 1/{parts} of the whole.)"
        )
        answer = numeric(each, unit=unit)
        lines = (f"Each part is 1/{parts} of {area}.", f"{area} {DIVIDE} {parts} = **{each} {unit}**")
        wrong = [area - parts, area * parts]
    hints = ("Equal area means every part covers the same amount.", "How many equal parts are there?")
    return finish(stem, answer, hints, steps(*lines), wrong=wrong)
