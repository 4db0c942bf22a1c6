"""Grade 4 item generators: every grade 4 standard (OA, NBT, NF, MD, G).

Operations and algebraic thinking: multiplication equations read as comparisons, "times as many" word problems,
multistep problems (remainders rounded up, dropped or asked for; equations with a letter for the unknown),
factors, multiples, primes and composites up to 100, number patterns and their features. Base ten (to
1,000,000): a digit is worth ten times the digit to its right, number names, expanded form, comparing, rounding,
adding and subtracting with the standard algorithm, multiplying (four digits by one, two digits by two, area
models) and dividing with remainders. Fractions (denominators 2, 3, 4, 5, 6, 8, 10, 12 and 100): equivalent
fractions and why, comparing (common denominators, the benchmark 1/2, the same whole), sums and differences with
like denominators, decomposing fractions and mixed numbers, a fraction as a multiple of a unit fraction, a whole
number times a fraction, tenths as hundredths, decimal notation and comparing decimals. Measurement and data:
conversions to a smaller unit and conversion tables, measurement word problems (money, time, volume, mass,
distance), area and perimeter formulas with unknown sides, line plots in eighths, angles as turns of a circle,
one-degree angles, protractor readings, additive angles. Geometry: points, lines, segments, rays, angles,
parallel and perpendicular lines, classifying triangles and quadrilaterals, lines of symmetry.

The parents 4.MD.C.5, 4.NF.B.3 and 4.NF.B.4 are covered through their lettered parts. "Draw" and "sketch" are
assessed by choosing where a mark or a line goes. No standard is skipped.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
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
    mixed,
    multi,
    name,
    names,
    number_text,
    number_word,
    numeric,
    problem,
    steps as _steps,
    template,
)
from assessments.generators.figures import FILL_DARK, INK, MUTED, SHADE, Svg

# ---------------------------------------------------------------------------------------------------------
# Helpers

# The fraction denominators grade 4 works with (the NF domain's limit).
DENOMINATORS = (2, 3, 4, 5, 6, 8, 10, 12, 100)
SMALL_DENOMINATORS = (2, 3, 4, 5, 6, 8, 10, 12)
PLACES = ("ones", "tens", "hundreds", "thousands", "ten thousands", "hundred thousands")
ROUNDING_PLACES = ("one", "ten", "hundred", "thousand", "ten thousand", "hundred thousand")


def _n(value) -> str:
    """A number as the stems write it, with thousands separators: "45,312"."""
    return number_text(value, commas=True)


def _or_list(items: Iterable, word: str = "or") -> str:
    """ "a, b, c or d": a list of numbers or words to read in a stem."""
    texts = [item if isinstance(item, str) else str(item) for item in items]
    return ", ".join(texts[:-1]) + f" {word} " + texts[-1] if len(texts) > 1 else "".join(texts)


def _amount(value, unit: str) -> str:
    """A quantity with its unit: "$24", "24 cm", "1 3/8 inches"."""
    text_value = mixed(value) if isinstance(value, Fraction) else _n(value)
    return f"${text_value}" if unit == "$" else f"{text_value} {unit}"


def _numeric_amount(value, unit: str) -> Answer:
    return numeric(value, display=_amount(value, unit))


def _money(value: Decimal) -> str:
    return f"${value:,.2f}"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _words(number: int) -> str:
    """A whole number below 1,000,000 in words: "forty-five thousand three hundred twelve"."""
    thousands, rest = divmod(number, 1000)
    parts = [f"{number_word(thousands)} thousand"] if thousands else []
    if rest or not thousands:
        parts.append(number_word(rest))
    return " ".join(parts)


def divisors(number: int) -> list[int]:
    return [factor for factor in range(1, number + 1) if number % factor == 0]


def _is_prime(number: int) -> bool:
    return number > 1 and len(divisors(number)) == 2


def _digits(number: int) -> list[int]:
    """The digits from the ones place up."""
    return [int(digit) for digit in reversed(str(number))]


def _round(number: int, place: int) -> int:
    """`number` rounded to the nearest 10**place, halves up."""
    size = 10**place
    return (number + size // 2) // size * size


# ---------------------------------------------------------------------------------------------------------
# 4.OA.A: multiplicative comparison and multistep problems


@template("4.OA.A.1")
def comparison_sentence_for_equation(rng: random.Random) -> Problem:
    """Which sentence reads a multiplication equation as a comparison."""
    a, b = rng.sample(range(2, 10), 2)
    product = a * b
    times, size = rng.choice([(a, b), (b, a)])
    equation = f"{product} = {a} × {b}" if rng.random() < 0.5 else f"{a} × {b} = {product}"
    correct = f"{product} is {times} times as many as {size}."
    wrong = [
        f"{product} is {times} more than {size}.",
        f"{size} is {times} times as many as {product}.",
        f"{times} is {size} times as many as {product}.",
    ]
    return problem(
        f"Which sentence means the same as {equation}?",
        choice(rng, correct, wrong),
        (
            "The product is the larger amount. It is some number of times as many as one of the factors.",
            "“Times as many” means multiply. “More than” means add.",
        ),
        _steps(
            f"In {equation}, the product {product} is the larger amount.",
            f"{product} is {times} groups of {size}, so it is {times} times as many as {size}.",
            f"The sentence is **{correct}**",
        ),
    )


_COMPARE_THINGS = ("stickers", "marbles", "books", "shells", "stamps", "cards", "pennies", "beads")


@template("4.OA.A.1")
def equation_for_comparison_sentence(rng: random.Random) -> Problem:
    """Which equation shows a "times as many" statement."""
    first, second = names(rng, 2)
    thing = rng.choice(_COMPARE_THINGS)
    have, times = rng.randint(3, 12), rng.randint(2, 9)
    letter = rng.choice("nmkt")
    correct = f"{letter} = {times} × {have}"
    wrong = [f"{letter} = {times} + {have}", f"{have} = {times} × {letter}", f"{letter} = {have} ÷ {times}"]
    return problem(
        f"{first} has {have} {thing}. {second} has {times} times as many {thing} as {first}. Which equation shows "
        f"{letter}, the number of {thing} {second} has?",
        choice(rng, correct, wrong),
        (f"Who has more, {first} or {second}?", f"{second}'s {thing} make {times} groups the size of {first}'s."),
        _steps(
            f"{second} has {times} times as many as {first}, so {second} has {times} groups of {have}.",
            f"{times} groups of {have} is {times} × {have}, so the equation is **{correct}**.",
        ),
    )


@template("4.OA.A.1")
def unknown_in_comparison(rng: random.Random) -> Problem:
    """Find the product or the unknown factor in a "times as many" statement."""
    times, size = rng.randint(2, 9), rng.randint(2, 12)
    product = times * size
    if rng.random() < 0.5:
        return problem(
            f"What number is {times} times as many as {size}?",
            numeric(product),
            ("“Times as many” means multiply.", f"Think of {times} groups of {size}."),
            _steps(f"{times} times as many as {size} means {times} × {size}.", f"{times} × {size} = **{product}**."),
            wrong=(times + size, product + size),
        )
    return problem(
        f"{product} is {times} times as many as what number? Write the equation {product} = {times} × n and find n.",
        numeric(size),
        (
            "Think of a multiplication fact with the product and one factor you know.",
            f"What number times {times} makes {product}?",
        ),
        _steps(f"{product} = {times} × n, so n = {product} ÷ {times}.", f"{product} ÷ {times} = **{size}**."),
        wrong=(product - times, product + times),
    )


# Multiplicative comparisons, one scene per kind of quantity: the setting and the question when the larger
# amount, the smaller amount or the number of times is unknown.
_COMPARE_SCENES = (
    {
        "unit": "cm",
        "bigger": "A red ribbon is {small} cm long. A blue ribbon is {times} times as long as the red ribbon. "
        "How long is the blue ribbon?",
        "smaller": "A blue ribbon is {big} cm long. It is {times} times as long as a red ribbon. "
        "How long is the red ribbon?",
        "times": "A blue ribbon is {big} cm long. A red ribbon is {small} cm long. "
        "How many times as long as the red ribbon is the blue ribbon?",
    },
    {
        "unit": "stickers",
        "bigger": "{a} has {small} stickers. {b} has {times} times as many stickers as {a}. "
        "How many stickers does {b} have?",
        "smaller": "{b} has {big} stickers. That is {times} times as many stickers as {a} has. "
        "How many stickers does {a} have?",
        "times": "{b} has {big} stickers. {a} has {small} stickers. "
        "How many times as many stickers as {a} does {b} have?",
    },
    {
        "unit": "pounds",
        "bigger": "A puppy weighs {small} pounds. Its mother weighs {times} times as much as the puppy. "
        "How many pounds does the mother weigh?",
        "smaller": "A dog weighs {big} pounds. That is {times} times as much as her puppy weighs. "
        "How many pounds does the puppy weigh?",
        "times": "A dog weighs {big} pounds. Her puppy weighs {small} pounds. "
        "How many times as much as the puppy does the dog weigh?",
    },
    {
        "unit": "$",
        "bigger": "A book costs ${small}. A bike costs {times} times as much as the book. How much does the bike cost?",
        "smaller": "A bike costs ${big}. That is {times} times as much as a book costs. How much does the book cost?",
        "times": "A bike costs ${big}. A book costs ${small}. How many times as much as the book does the bike cost?",
    },
    {
        "unit": "feet",
        "bigger": "A bush is {small} feet tall. A tree is {times} times as tall as the bush. How tall is the tree?",
        "smaller": "A tree is {big} feet tall. It is {times} times as tall as a bush. How tall is the bush?",
        "times": "A tree is {big} feet tall. A bush is {small} feet tall. "
        "How many times as tall as the bush is the tree?",
    },
)


def _comparison_problem(rng: random.Random, unknown: str) -> Problem:
    scene = rng.choice(_COMPARE_SCENES)
    unit = scene["unit"]
    small, times = rng.randint(3, 15), rng.randint(2, 9)
    big = small * times
    a, b = names(rng, 2)
    stem = scene[unknown].format(small=small, big=big, times=times, a=a, b=b)
    nudge = "Is one amount some number of times as much as the other, or just more than it?"
    if unknown == "bigger":
        return problem(
            stem,
            _numeric_amount(big, unit),
            (nudge, f"Draw a bar for the smaller amount. The larger amount is {times} bars that size."),
            _steps(
                f"The larger amount is {times} times {_amount(small, unit)}.",
                f"{times} × {small} = {big}.",
                f"So the answer is **{_amount(big, unit)}**.",
            ),
            wrong=(small + times, big + small),
        )
    if unknown == "smaller":
        return problem(
            stem,
            _numeric_amount(small, unit),
            (nudge, f"{_amount(big, unit)} is {times} equal bars. How big is one bar?"),
            _steps(
                f"{_amount(big, unit)} is {times} times the smaller amount, so {times} × ? = {big}.",
                f"{big} ÷ {times} = {small}.",
                f"So the answer is **{_amount(small, unit)}**.",
            ),
            wrong=(big - times, big + times),
        )
    return problem(
        stem,
        numeric(times),
        (nudge, f"How many bars of {_amount(small, unit)} fit in {_amount(big, unit)}?"),
        _steps(
            f"Find the number that makes ? × {small} = {big}.",
            f"{big} ÷ {small} = {times}.",
            f"So the answer is **{times}** times as much.",
        ),
        wrong=(big - small, big + small),
    )


@template("4.OA.A.2")
def times_as_many_larger_unknown(rng: random.Random) -> Problem:
    """A "times as many" word problem asking for the larger amount (multiply)."""
    return _comparison_problem(rng, "bigger")


@template("4.OA.A.2")
def times_as_many_smaller_unknown(rng: random.Random) -> Problem:
    """A "times as many" word problem asking for the smaller amount (divide)."""
    return _comparison_problem(rng, "smaller")


@template("4.OA.A.2")
def times_as_many_multiplier_unknown(rng: random.Random) -> Problem:
    """A comparison word problem asking how many times as much one amount is (divide)."""
    return _comparison_problem(rng, "times")


# Division with a remainder in a story: how the remainder is used decides the answer.
_ROUND_UP_SCENES = (
    "{total} students are going on a field trip. Each van holds {size} students. How many vans are needed so that "
    "every student has a seat?",
    "{name} has {total} photos to put in an album. Each page holds {size} photos. How many pages does {name} need "
    "for all the photos?",
    "A baker has {total} muffins. Each box holds {size} muffins. How many boxes are needed to pack all the muffins?",
    "{total} people are coming to a party. Each table seats {size} people. How many tables are needed so that "
    "everyone has a seat?",
)
_DROP_SCENES = (
    "{name} has {total} beads. Each bracelet needs {size} beads. How many bracelets can {name} make?",
    "{name} has ${total}. A movie ticket costs ${size}. How many tickets can {name} buy?",
    "A farmer has {total} eggs. Each carton holds {size} eggs. How many cartons can the farmer fill completely?",
    "{name} has {total} cm of ribbon. Each bow uses {size} cm of ribbon. How many bows can {name} make?",
)
_LEFTOVER_SCENES = (
    "{name} shares {total} stickers equally among {size} friends and gives each friend as many as possible. "
    "How many stickers are left over?",
    "{total} chairs are set out in rows of {size}. Only full rows are made. How many chairs are left over?",
    "{name} packs {total} apples into bags of {size}, filling as many bags as possible. How many apples are left?",
    "A coach has {total} players and makes teams of {size}. How many players are left after making as many full "
    "teams as possible?",
)


def _remainder_values(rng: random.Random) -> tuple[int, int, int, int]:
    size = rng.randint(3, 9)
    quotient, remainder = rng.randint(4, 30), rng.randint(1, size - 1)
    return quotient * size + remainder, size, quotient, remainder


@template("4.OA.A.3")
def remainder_rounds_up(rng: random.Random) -> Problem:
    """A division story where the remainder means one more group is needed."""
    total, size, quotient, remainder = _remainder_values(rng)
    stem = rng.choice(_ROUND_UP_SCENES).format(total=total, size=size, name=name(rng))
    return problem(
        stem,
        numeric(quotient + 1),
        (
            "Divide, then think about what the remainder means in the story.",
            "Can the ones that are left over be left out?",
        ),
        _steps(
            f"{total} ÷ {size} = {quotient} R {remainder}.",
            f"{quotient} full groups hold {quotient * size}; the {remainder} left over still need a place.",
            f"So {quotient} + 1 = **{quotient + 1}** are needed.",
        ),
        wrong=(quotient, remainder, quotient + 2),
    )


@template("4.OA.A.3")
def remainder_is_dropped(rng: random.Random) -> Problem:
    """A division story where only whole groups count, so the remainder is dropped."""
    total, size, quotient, remainder = _remainder_values(rng)
    stem = rng.choice(_DROP_SCENES).format(total=total, size=size, name=name(rng))
    return problem(
        stem,
        numeric(quotient),
        (
            "Divide, then think about what the remainder means in the story.",
            "Is there enough left over to make one more?",
        ),
        _steps(
            f"{total} ÷ {size} = {quotient} R {remainder}.",
            f"The {remainder} left over are not enough for one more.",
            f"So the answer is **{quotient}**.",
        ),
        wrong=(quotient + 1, remainder),
    )


@template("4.OA.A.3")
def remainder_is_the_answer(rng: random.Random) -> Problem:
    """A division story that asks for the remainder."""
    total, size, quotient, remainder = _remainder_values(rng)
    stem = rng.choice(_LEFTOVER_SCENES).format(total=total, size=size, name=name(rng))
    return problem(
        stem,
        numeric(remainder),
        (
            "Divide. Which part of the answer tells how many are left?",
            f"Find the greatest multiple of {size} that is not more than {total}.",
        ),
        _steps(
            f"{total} ÷ {size} = {quotient} R {remainder}, because {quotient} × {size} = {quotient * size}.",
            f"{total} − {quotient * size} = {remainder}.",
            f"So **{remainder}** are left over.",
        ),
        wrong=(quotient, size - remainder, quotient + 1),
    )


@template("4.OA.A.3")
def multistep_word_problem(rng: random.Random) -> Problem:
    """A two-step story with whole numbers, written as an equation with a letter for the unknown."""
    who = name(rng)
    kind = rng.randrange(3)
    if kind == 0:
        packs, per_pack = rng.randint(3, 9), rng.randint(6, 24)
        given = rng.randint(5, packs * per_pack - 5)
        answer = packs * per_pack - given
        stem = (
            f"{who} buys {packs} packs of pencils with {per_pack} pencils in each pack. {who} gives away "
            f"{given} pencils. How many pencils does {who} have now?"
        )
        equation, first = f"p = {packs} × {per_pack} − {given}", f"{packs} × {per_pack} = {packs * per_pack} pencils"
        then = f"{packs * per_pack} − {given}"
        wrong = (packs * per_pack, packs * per_pack + given, packs + per_pack - given)
    elif kind == 1:
        weekly, weeks = rng.randint(5, 20), rng.randint(3, 8)
        spent = rng.randint(5, weekly * weeks - 5)
        answer = weekly * weeks - spent
        stem = (
            f"{who} earns ${weekly} each week for {weeks} weeks. Then {who} spends ${spent} on a game. "
            f"How many dollars does {who} have left?"
        )
        equation, first = f"d = {weeks} × {weekly} − {spent}", f"{weeks} × ${weekly} = ${weeks * weekly}"
        then = f"{weeks * weekly} − {spent}"
        wrong = (weekly * weeks, weekly * weeks + spent, weekly + weeks - spent)
    else:
        boxes_a, crayons_a = rng.randint(2, 6), rng.choice((8, 12, 16, 24))
        boxes_b, crayons_b = rng.randint(2, 6), rng.choice((10, 18, 20, 36))
        answer = boxes_a * crayons_a + boxes_b * crayons_b
        stem = (
            f"A class has {boxes_a} boxes of {crayons_a} crayons and {boxes_b} boxes of {crayons_b} crayons. "
            f"How many crayons does the class have in all?"
        )
        equation = f"c = {boxes_a} × {crayons_a} + {boxes_b} × {crayons_b}"
        first = f"{boxes_a} × {crayons_a} = {boxes_a * crayons_a} and {boxes_b} × {crayons_b} = {boxes_b * crayons_b}"
        then = f"{boxes_a * crayons_a} + {boxes_b * crayons_b}"
        wrong = ((boxes_a + boxes_b) * crayons_a, boxes_a * crayons_a, boxes_a + crayons_a + boxes_b + crayons_b)
    letter = equation.split(" = ")[0]
    return problem(
        stem,
        numeric(answer),
        (
            "There are two steps. What must you find first?",
            f"Write an equation with the letter {letter} for the unknown, then work out the multiplication first.",
        ),
        _steps(
            f"Write an equation with a letter for the unknown: {equation}.",
            f"First: {first}.",
            f"Then: {letter} = {then} = **{answer}**.",
        ),
        wrong=wrong,
    )


@template("4.OA.A.3")
def equation_for_multistep_problem(rng: random.Random) -> Problem:
    """Which equation with a letter for the unknown represents a two-step story."""
    who = name(rng)
    groups, each = rng.randint(3, 9), rng.randint(6, 25)
    if rng.random() < 0.5:
        start = rng.randint(groups * each + 5, groups * each + 120)
        stem = (
            f"{who} had {start} stickers. {who} gave {groups} friends {each} stickers each. Which equation can be "
            f"used to find n, the number of stickers {who} has left?"
        )
        correct = f"n = {start} − {groups} × {each}"
        wrong = [
            f"n = {start} − {groups} + {each}",
            f"n = ({start} − {groups}) × {each}",
            f"n = {start} + {groups} × {each}",
        ]
    else:
        start = rng.randint(10, 90)
        stem = (
            f"{who} had {start} baseball cards. Then {who} bought {groups} packs with {each} cards in each pack. "
            f"Which equation can be used to find n, the number of cards {who} has now?"
        )
        correct = f"n = {start} + {groups} × {each}"
        wrong = [
            f"n = {start} + {groups} + {each}",
            f"n = ({start} + {groups}) × {each}",
            f"n = {start} × {groups} + {each}",
        ]
    return problem(
        stem,
        choice(rng, correct, wrong),
        (
            "Which part of the story is equal groups? That part is a multiplication.",
            "The multiplication happens before adding or subtracting unless parentheses say otherwise.",
        ),
        _steps(
            f"{groups} groups of {each} is {groups} × {each}.",
            f"That amount changes the {start} {who} started with.",
            f"The equation is **{correct}**.",
        ),
    )


@template("4.OA.A.3")
def is_the_answer_reasonable(rng: random.Random) -> Problem:
    """Judge a classmate's answer to a two-step story by estimating with rounded numbers."""
    who, solver = names(rng, 2)
    while True:
        packs, per_pack = rng.randint(3, 9), rng.choice([value for value in range(21, 99) if value % 10 not in (0, 5)])
        given = rng.choice([value for value in range(12, packs * per_pack - 30) if value % 10 not in (0, 5)])
        exact = packs * per_pack - given
        estimate = packs * _round(per_pack, 1) - _round(given, 1)
        slip = packs * per_pack + given  # added what was given away
        reasonable = rng.random() < 0.5
        offered = exact if reasonable else slip
        if abs(exact - estimate) <= 40 and abs(slip - estimate) >= 60:
            break
    worked = f"{packs} × {_round(per_pack, 1)} − {_round(given, 1)} = {_n(estimate)}"
    close = f"Yes. An estimate is {worked}, which is close to {_n(offered)}."
    far = f"No. An estimate is {worked}, which is far from {_n(offered)}."
    correct = close if reasonable else far
    return problem(
        f"{who} buys {packs} boxes of {per_pack} crackers and gives away {given} crackers. {solver} says {who} has "
        f"{_n(offered)} crackers left. Use rounding to decide: is {solver}'s answer reasonable?",
        choice(rng, correct, [far if reasonable else close, "You cannot tell without finding the exact answer."]),
        (
            "Round each number to the nearest ten, then work out the story with the rounded numbers.",
            f"Compare your estimate with {_n(offered)}. Are they close?",
        ),
        _steps(
            f"Round: {per_pack} is about {_round(per_pack, 1)} and {given} is about {_round(given, 1)}.",
            f"Estimate: {worked}.",
            f"{_n(offered)} is {'close to' if reasonable else 'far from'} {_n(estimate)}. (The exact answer is "
            f"{packs} × {per_pack} − {given} = {_n(exact)}.)",
            f"So: **{correct}**",
        ),
    )


# ---------------------------------------------------------------------------------------------------------
# 4.OA.B and 4.OA.C: factors, multiples, primes; patterns


def _factor_pairs(number: int) -> list[tuple[int, int]]:
    return [(factor, number // factor) for factor in divisors(number) if factor * factor <= number]


@template("4.OA.B.4")
def select_the_factors(rng: random.Random) -> Problem:
    """Select every factor of a number up to 100 from a list."""
    number = rng.choice([value for value in range(12, 101) if len(divisors(value)) >= 6])
    factors = [factor for factor in divisors(number) if 1 < factor < number]
    right = rng.sample(factors, min(len(factors), rng.randint(2, 3)))
    others = [value for value in range(3, min(number, 26)) if number % value]
    wrong = rng.sample(others, min(len(others), rng.randint(2, 3)))
    right_text, wrong_text = [str(value) for value in right], [str(value) for value in wrong]
    answer = multi(rng, right_text, wrong_text)
    pairs = ", ".join(f"{a} × {b}" for a, b in _factor_pairs(number))
    return problem(
        f"Which numbers are factors of {number}? Select all that are factors.",
        answer,
        (
            "A factor divides the number with no remainder.",
            f"List the factor pairs of {number}, starting with 1 × {number}.",
        ),
        _steps(
            f"The factor pairs of {number} are {pairs}.", f"So the factors among the choices are **{answer.display}**."
        ),
    )


@template("4.OA.B.4")
def pick_the_multiple(rng: random.Random) -> Problem:
    """Which number from 1 to 100 is a multiple of a one-digit number."""
    divisor = rng.randint(3, 9)
    correct_value = divisor * rng.randint(3, 100 // divisor)
    candidates = [correct_value - 1, correct_value + 1, correct_value + 2]
    # A number ending in the digit itself is a classic trap (17 is not a multiple of 7).
    lookalikes = [value for value in range(divisor + 10, 100, 10) if value % divisor]
    if lookalikes:
        candidates.insert(0, rng.choice(lookalikes))
    wrong = []
    for value in candidates:
        if value <= 100 and value % divisor and value not in wrong:
            wrong.append(value)
    quotient = correct_value // divisor
    return problem(
        f"Which of these numbers is a multiple of {divisor}: {_or_list(sorted([correct_value, *wrong[:3]]))}?",
        choice(rng, str(correct_value), [str(value) for value in wrong[:3]]),
        (
            f"A multiple of {divisor} is {divisor} times a whole number.",
            f"Divide each number by {divisor}. Which one has no remainder?",
        ),
        _steps(
            f"{divisor} × {quotient} = {correct_value}, so {correct_value} is a multiple of {divisor}.",
            f"The other numbers leave a remainder when divided by {divisor}.",
            f"The multiple is **{correct_value}**.",
        ),
    )


_LOOKS_PRIME = (21, 27, 33, 39, 49, 51, 57, 63, 69, 77, 81, 87, 91, 93)
_PRIMES = tuple(value for value in range(11, 100) if _is_prime(value))


@template("4.OA.B.4")
def prime_or_composite(rng: random.Random) -> Problem:
    """Which number is prime (or composite) among numbers up to 100."""
    if rng.random() < 0.5:
        correct, wrong = rng.choice(_PRIMES), rng.sample(_LOOKS_PRIME, 3)
        kind, other = "prime", "composite"
    else:
        correct, wrong = rng.choice(_LOOKS_PRIME), rng.sample(_PRIMES, 3)
        kind, other = "composite", "prime"
    factor = next(value for value in range(2, 10) if correct % value == 0) if kind == "composite" else None
    explain = (
        f"{correct} = {factor} × {correct // factor}, so it has more than two factors."
        if factor
        else f"{correct} has only the factors 1 and {correct}."
    )
    return problem(
        f"Which of these numbers is {kind}: {_or_list(sorted([correct, *wrong]))}?",
        choice(rng, str(correct), [str(value) for value in wrong]),
        (
            "A prime number has exactly two factors: 1 and itself. A composite number has more than two.",
            "Try dividing each number by 3, 7 and the other small numbers.",
        ),
        _steps(explain, f"Each of the other numbers is {other}.", f"So the {kind} number is **{correct}**."),
    )


@template("4.OA.B.4")
def count_factor_pairs(rng: random.Random) -> Problem:
    """How many factor pairs a composite number up to 100 has."""
    number = rng.choice([value for value in range(12, 101) if not _is_prime(value)])
    pairs = _factor_pairs(number)
    listed = ", ".join(f"{a} × {b}" for a, b in pairs)
    return problem(
        f"How many factor pairs does {number} have? (Count 2 × 3 and 3 × 2 as the same pair.)",
        numeric(len(pairs)),
        (
            f"Start with 1 × {number}, then try each next whole number in turn.",
            "Stop when the factors in a pair start to repeat.",
        ),
        _steps(f"The factor pairs of {number} are {listed}.", f"That is **{len(pairs)}** factor pairs."),
        wrong=(len(divisors(number)), len(pairs) - 1, len(pairs) + 1),
    )


@template("4.OA.C.5")
def add_rule_term(rng: random.Random) -> Problem:
    """The nth number of a pattern that starts at a number and adds the same amount."""
    start, step, position = rng.randint(1, 20), rng.randint(2, 12), rng.randint(5, 8)
    terms = [start + index * step for index in range(position)]
    return problem(
        f"A number pattern starts at {start}. The rule is “Add {step}.” What is the {_ordinal(position)} number in "
        f"the pattern?",
        numeric(terms[-1]),
        (
            "Write the numbers in order, starting with the first one.",
            f"The {_ordinal(position)} number is the start plus {position - 1} steps.",
        ),
        _steps(
            f"Start at {start} and add {step} each time: {', '.join(str(term) for term in terms)}.",
            f"The {_ordinal(position)} number is **{terms[-1]}**.",
        ),
        wrong=(start + position * step, terms[-2], start + position * step - step + 1),
    )


@template("4.OA.C.5")
def multiply_rule_term(rng: random.Random) -> Problem:
    """The nth number of a pattern whose rule multiplies."""
    start, factor = rng.randint(1, 6), rng.choice((2, 2, 3))
    position = rng.randint(4, 6 if factor == 2 else 5)
    terms = [start * factor**index for index in range(position)]
    return problem(
        f"A number pattern starts at {start}. The rule is “Multiply by {factor}.” What is the {_ordinal(position)} "
        f"number in the pattern?",
        numeric(terms[-1]),
        (
            "Write the numbers in order, starting with the first one.",
            "Multiply each number by the same amount to get the next one; do not add.",
        ),
        _steps(
            f"Start at {start} and multiply by {factor} each time: {', '.join(str(term) for term in terms)}.",
            f"The {_ordinal(position)} number is **{terms[-1]}**.",
        ),
        wrong=(terms[-1] * factor, start + (position - 1) * factor, terms[-2]),
    )


@template("4.OA.C.5")
def pattern_feature(rng: random.Random) -> Problem:
    """Which feature (odd, even, alternating) the numbers of an "add" pattern show."""
    step = rng.randint(3, 9)
    start = rng.choice([value for value in range(1, 16) if value % step])
    terms = [start + index * step for index in range(5)]
    if step % 2:
        correct = "They alternate between odd and even."
        reason = (
            f"Adding an odd number ({step}) changes an odd number to even and an even number to odd, so the "
            "numbers keep switching."
        )
    elif start % 2:
        correct = "They are all odd."
        reason = f"Adding an even number ({step}) to an odd number always gives an odd number."
    else:
        correct = "They are all even."
        reason = f"Adding an even number ({step}) to an even number always gives an even number."
    options = [
        "They alternate between odd and even.",
        "They are all odd.",
        "They are all even.",
        "Each number is 2 more than the one before.",
    ]
    wrong = [option for option in options if option != correct]
    return problem(
        f"A pattern starts at {start}. The rule is “Add {step}.” Which is true about the numbers in the pattern?",
        choice(rng, correct, wrong),
        ("Write the first five numbers of the pattern.", "Look at the ones digit of each number: odd or even?"),
        _steps(f"The pattern is {', '.join(str(term) for term in terms)}, ...", reason, f"So: **{correct}**"),
    )


@template("4.OA.C.5")
def pattern_rule(rng: random.Random) -> Problem:
    """Which rule makes a given number pattern."""
    start = rng.randint(2, 12)
    if rng.random() < 0.6:
        amount = rng.randint(3, 12)
        terms = [start + index * amount for index in range(5)]
        correct, kind = f"Add {amount}", "add"
    else:
        amount = rng.choice((2, 3))
        terms = [start * amount**index for index in range(4)]
        correct, kind = f"Multiply by {amount}", "multiply"
    candidates = [
        ("add", terms[1] - terms[0] + 1),
        ("add", start),
        ("multiply", amount),
        ("add", amount),
        ("multiply", amount + 1),
        ("add", terms[1]),
    ]
    wrong = []
    for rule, value in candidates:
        text_rule = f"Add {value}" if rule == "add" else f"Multiply by {value}"
        made = [start]
        for _ in terms[1:]:
            made.append(made[-1] + value if rule == "add" else made[-1] * value)
        if made != terms and text_rule not in wrong and text_rule != correct:
            wrong.append(text_rule)
    shown = ", ".join(str(term) for term in terms)
    check = f"{amount} more than" if kind == "add" else f"{amount} times"
    return problem(
        f"What is the rule for this pattern? {shown}, ...",
        choice(rng, correct, wrong[:3]),
        (
            "How does the first number change to the second? Does the same change work for every step?",
            "Check a rule on all the numbers, not just the first two.",
        ),
        _steps(
            f"Each number is {check} the number before it.",
            f"Check: {shown} all follow it.",
            f"The rule is **{correct}**.",
        ),
    )


# ---------------------------------------------------------------------------------------------------------
# 4.NBT.A: place value to 1,000,000


@template("4.NBT.A.1")
def same_digit_different_places(rng: random.Random) -> Problem:
    """How many times as great one digit's value is as the same digit's value in a lower place."""
    length = rng.randint(4, 6)
    gap = rng.randint(1, 3)
    high = rng.randint(gap, length - 1)
    low = high - gap
    digit = rng.randint(1, 9)
    while True:
        digits = [rng.choice([value for value in range(10) if value != digit]) for _ in range(length)]
        digits[high] = digits[low] = digit
        if digits[-1]:
            break
    number = int("".join(str(value) for value in reversed(digits)))
    high_value, low_value = digit * 10**high, digit * 10**low
    ratio = 10 ** (high - low)
    return problem(
        f"In {_n(number)}, the digit {digit} appears twice. The {digit} in the {PLACES[high]} place is worth how "
        f"many times as much as the {digit} in the {PLACES[low]} place?",
        numeric(ratio, display=_n(ratio)),
        (f"Write the value of each {digit}.", "Each place is worth 10 times the place to its right."),
        _steps(
            f"The {digit} in the {PLACES[high]} place is worth {_n(high_value)}.",
            f"The {digit} in the {PLACES[low]} place is worth {_n(low_value)}.",
            f"{_n(high_value)} ÷ {_n(low_value)} = {_n(ratio)}, so it is worth **{_n(ratio)}** times as much.",
        ),
        wrong=(ratio * 10, ratio // 10, high - low),
    )


@template("4.NBT.A.1")
def value_of_a_digit(rng: random.Random) -> Problem:
    """The value of one digit of a number up to 999,999."""
    length = rng.randint(5, 6)
    while True:
        number = rng.randint(10 ** (length - 1), 10**length - 1)
        digits = _digits(number)
        places = [place for place in range(1, length) if digits[place] and digits.count(digits[place]) == 1]
        if places:
            break
    place = rng.choice(places)
    digit = digits[place]
    value = digit * 10**place
    return problem(
        f"What is the value of the digit {digit} in {_n(number)}?",
        numeric(value, display=_n(value)),
        (
            "Name the place the digit is in: ones, tens, hundreds, thousands...",
            "Each place is worth 10 times the place to its right.",
        ),
        _steps(
            f"In {_n(number)}, the {digit} is in the {PLACES[place]} place.",
            f"{digit} {PLACES[place]} = {digit} × {_n(10**place)} = **{_n(value)}**.",
        ),
        wrong=(digit, value // 10, value * 10),
    )


@template("4.NBT.A.1")
def ten_times_as_much(rng: random.Random) -> Problem:
    """Ten times a number, a number divided by ten, or "700 ÷ 70" by place value."""
    kind = rng.randrange(3)
    if kind == 0:
        number = rng.randint(12, 9999)
        return problem(
            f"What number is 10 times as much as {_n(number)}?",
            numeric(number * 10, display=_n(number * 10)),
            (
                "When a number is 10 times as much, each digit moves one place to the left.",
                "Think: ones become tens, tens become hundreds...",
            ),
            _steps(
                f"Each digit of {_n(number)} moves one place to the left, and a 0 fills the ones place.",
                f"10 × {_n(number)} = **{_n(number * 10)}**.",
            ),
            wrong=(number + 10, number * 100, number * 10 + 1),
        )
    if kind == 1:
        digit, power = rng.randint(2, 9), rng.randint(2, 5)
        big, small = digit * 10**power, digit * 10 ** (power - 1)
        return problem(
            f"Use place value to find {_n(big)} ÷ {_n(small)}.",
            numeric(10),
            (
                f"Write both numbers as a digit times a place: {digit} × ...",
                "How many of the smaller place make one of the larger place?",
            ),
            _steps(
                f"{_n(big)} is {digit} {PLACES[power]} and {_n(small)} is {digit} {PLACES[power - 1]}.",
                f"One {PLACES[power][:-1]} is 10 {PLACES[power - 1]}, so {_n(big)} ÷ {_n(small)} = **10**.",
            ),
            wrong=(100, digit, 1),
        )
    number = rng.randint(12, 9999) * 10
    return problem(
        f"How many tens are in {_n(number)}?",
        numeric(number // 10, display=_n(number // 10)),
        (
            "Every 10 ones make 1 ten, every 10 tens make 1 hundred, and so on.",
            "Think of the number as tens only: how many groups of 10 make it?",
        ),
        _steps(f"{_n(number)} ÷ 10 = {_n(number // 10)}.", f"So there are **{_n(number // 10)}** tens."),
        wrong=(_digits(number)[1], number // 100, number),
    )


@template("4.NBT.A.2")
def compare_multidigit(rng: random.Random) -> Problem:
    """Compare two numbers up to 1,000,000 with <, > or =."""
    length = rng.randint(4, 6)
    left = rng.randint(10 ** (length - 1), 10**length - 1)
    kind = rng.randrange(4)
    if kind == 0:  # one digit changed
        digits = _digits(left)
        place = rng.randrange(length - 1)
        digits[place] = rng.choice([value for value in range(10) if value != digits[place]])
        right = int("".join(str(value) for value in reversed(digits)))
    elif kind == 1:  # more digits but a smaller first digit
        right = 9 * 10 ** (length - 2) + rng.randint(0, 10 ** (length - 2) - 1)
    elif kind == 2:  # the same digits in another order
        shuffled = list(str(left))
        rng.shuffle(shuffled)
        right = int("".join(shuffled)) if shuffled[0] != "0" else left + 10 ** rng.randint(0, 2)
    else:  # written in expanded form
        right = left if rng.random() < 0.6 else left + rng.choice((-1, 1)) * 10 ** rng.randint(0, length - 2)
    right = min(right, 1_000_000)
    if rng.random() < 0.5:
        left, right = right, left
    expanded = kind == 3
    right_text = _expanded(right) if expanded else _n(right)
    steps = [f"{_n(right)} is the number {right_text}."] if expanded else []
    steps += [_compare_reason(left, right), f"So {_n(left)} **{comparison(left, right).display}** {_n(right)}."]
    return problem(
        f"Compare. Write <, > or =.\n\n{_n(left)} ? {right_text}",
        comparison(left, right),
        (
            "First compare how many digits each number has.",
            "If they have the same number of digits, compare place by place from the left.",
        ),
        _steps(*steps),
    )


def _expanded(number: int) -> str:
    """Expanded form: "40,000 + 3,000 + 50 + 7"."""
    return " + ".join(_n(digit * 10**place) for place, digit in reversed(list(enumerate(_digits(number)))) if digit)


def _compare_reason(left: int, right: int) -> str:
    if left == right:
        return "Every place has the same digit."
    if len(str(left)) != len(str(right)):
        more, fewer = (left, right) if left > right else (right, left)
        return f"{_n(more)} has more digits than {_n(fewer)}, so it is greater."
    place = next(index for index in range(len(str(left)) - 1, -1, -1) if _digits(left)[index] != _digits(right)[index])
    return (
        f"The first place where the digits differ is the {PLACES[place]} place: "
        f"{_digits(left)[place]} and {_digits(right)[place]}."
    )


@template("4.NBT.A.2")
def number_name_to_numeral(rng: random.Random) -> Problem:
    """Write the number for a number name up to 999,999 (with zeros inside)."""
    thousands = rng.choice((rng.randint(1, 99), rng.randint(100, 999)))
    rest = rng.choice((rng.randint(1, 99), rng.randint(1, 9) * 100 + rng.choice((0, rng.randint(1, 99)))))
    number = thousands * 1000 + rest
    words = _words(number)
    return problem(
        f"Write the number in digits: {words}.",
        numeric(number, display=_n(number)),
        (
            "The word “thousand” comes after the thousands period. Three digits always follow it.",
            "Use 0 for any place that has nothing in it.",
        ),
        _steps(
            f"“{number_word(thousands)} thousand” is {thousands} in the thousands period.",
            f"“{number_word(rest)}” is {rest:03d} in the ones period (three digits).",
            f"Together: **{_n(number)}**.",
        ),
        wrong=(int(f"{thousands}{rest}"), int(f"{thousands * 1000}{rest}"), thousands * 10000 + rest),
    )


@template("4.NBT.A.2")
def expanded_form(rng: random.Random) -> Problem:
    """Match a number with its expanded form, either way round."""
    while True:
        length = rng.randint(4, 6)
        number = rng.randint(10 ** (length - 1), 10**length - 1)
        digits = _digits(number)
        zero = rng.randrange(length - 1)
        digits[zero] = 0
        number = int("".join(str(value) for value in reversed(digits)))
        nonzero = [(place, digit) for place, digit in enumerate(digits) if digit]
        if len(nonzero) >= 3:
            break
    squeezed = int("".join(str(digit) for _, digit in reversed(nonzero)))
    swapped = digits[:]
    swapped[zero], swapped[zero + 1] = swapped[zero + 1], swapped[zero]
    swapped_number = int("".join(str(value) for value in reversed(swapped)))
    wrong_numbers = [value for value in dict.fromkeys((squeezed, swapped_number, number * 10)) if value != number]
    if rng.random() < 0.5:
        return problem(
            f"Which number is {_expanded(number)}?",
            choice(rng, _n(number), [_n(value) for value in wrong_numbers[:3]]),
            (
                "Each part tells the value of one digit. Find the place of each part.",
                "A place that is not in the sum gets a 0.",
            ),
            _steps(
                *(
                    f"{_n(digit * 10**place)} is {digit} in the {PLACES[place]} place."
                    for place, digit in reversed(nonzero)
                ),
                f"So the number is **{_n(number)}**.",
            ),
        )
    shifted = " + ".join(_n(digit * 10 ** (place + 1)) for place, digit in reversed(nonzero))
    dropped = " + ".join(_n(digit * 10 ** max(place - 1, 0)) for place, digit in reversed(nonzero))
    plain = " + ".join(str(digit) for _, digit in reversed(nonzero))
    correct = _expanded(number)
    wrong = [text for text in dict.fromkeys((shifted, dropped, plain)) if text != correct]
    return problem(
        f"Which is the expanded form of {_n(number)}?",
        choice(rng, correct, wrong),
        (
            "Write the value of each digit that is not 0.",
            f"The first digit of {_n(number)} is in the {PLACES[length - 1]} place.",
        ),
        _steps(
            *(
                f"The {digit} is in the {PLACES[place]} place, so it is worth {_n(digit * 10**place)}."
                for place, digit in reversed(nonzero)
            ),
            f"So {_n(number)} = **{correct}**.",
        ),
    )


def _rounding_case(rng: random.Random) -> tuple[int, int, int]:
    """A number up to 999,999 that is not already a multiple of the place it is rounded to."""
    length = rng.randint(4, 6)
    place = rng.randint(1, length - 1)
    while True:
        number = rng.randint(10 ** (length - 1), 10**length - 1)
        if number % 10**place:
            return number, place, _round(number, place)


def _rounding_steps(number: int, place: int, rounded: int) -> list[str]:
    size = 10**place
    down = number // size * size
    up = down + size
    next_digit = _digits(number)[place - 1]
    direction = "up" if rounded == up else "down"
    return [
        f"{_n(number)} is between {_n(down)} and {_n(up)}.",
        f"Look at the digit to the right of the {PLACES[place]} place: {next_digit}. "
        f"It is {'5 or more' if next_digit >= 5 else 'less than 5'}, so round {direction}.",
    ]


def _rounding_wrongs(number: int, place: int, rounded: int) -> tuple[int, ...]:
    size = 10**place
    down = number // size * size
    other = down + size if rounded == down else down
    return (other, _round(number, place - 1) if place > 1 else number // 10 * 10, _round(number, place + 1))


@template("4.NBT.A.3")
def round_to_a_place(rng: random.Random) -> Problem:
    """Round a number up to 999,999 to a named place."""
    number, place, rounded = _rounding_case(rng)
    return problem(
        f"Round {_n(number)} to the nearest {ROUNDING_PLACES[place]}.",
        numeric(rounded, display=_n(rounded)),
        (
            f"Which two multiples of {_n(10**place)} is {_n(number)} between?",
            f"Look at the digit just to the right of the {PLACES[place]} place.",
        ),
        _steps(*_rounding_steps(number, place, rounded), f"{_n(number)} rounds to **{_n(rounded)}**."),
        wrong=_rounding_wrongs(number, place, rounded),
    )


_ROUNDING_SCENES = (
    ("A stadium has {number} seats.", "seats"),
    ("A town has {number} people.", "people"),
    ("A library has {number} books.", "books"),
    ("A farm grew {number} pumpkins last year.", "pumpkins"),
    ("A website had {number} visitors in one week.", "visitors"),
)


@template("4.NBT.A.3")
def round_in_context(rng: random.Random) -> Problem:
    """Round a count from a story to a named place."""
    number, place, rounded = _rounding_case(rng)
    scene, thing = rng.choice(_ROUNDING_SCENES)
    return problem(
        f"{scene.format(number=_n(number))} About how many {thing} is that, rounded to the nearest "
        f"{ROUNDING_PLACES[place]}?",
        numeric(rounded, display=_n(rounded)),
        (
            f"Which two multiples of {_n(10**place)} is {_n(number)} between?",
            f"Look at the digit just to the right of the {PLACES[place]} place.",
        ),
        _steps(*_rounding_steps(number, place, rounded), f"That is about **{_n(rounded)}** {thing}."),
        wrong=_rounding_wrongs(number, place, rounded),
    )


@template("4.NBT.A.3")
def which_rounds_to(rng: random.Random) -> Problem:
    """Which number rounds to a given multiple of a place."""
    place = rng.randint(2, 4)
    size = 10**place
    target = rng.randint(2, 98) * size
    half = size // 2

    def near(low: int, high: int) -> int:
        return rng.randint(low, high)

    correct = near(target - half, target + half - 1)
    wrong = [
        near(target - size + 1, target - half - 1),  # just below the halfway point
        near(target + half, target + size - 1),  # starts like the target but rounds up
        near(target // 10 - half // 10, target // 10 + half // 10 - 1),
    ]  # a place too small
    wrong = [value for value in wrong if _round(value, place) != target and value != correct]
    return problem(
        f"Which number rounds to {_n(target)} when it is rounded to the nearest {ROUNDING_PLACES[place]}?",
        choice(rng, _n(correct), [_n(value) for value in wrong]),
        (
            "Round each choice, not just the first one that looks close.",
            f"Numbers from {_n(target - half)} up to, but not including, {_n(target + half)} round to the target.",
        ),
        _steps(
            f"Numbers that round to {_n(target)} are from {_n(target - half)} to {_n(target + half - 1)}.",
            *(f"{_n(value)} rounds to {_n(_round(value, place))}." for value in wrong),
            f"The number is **{_n(correct)}**.",
        ),
    )


# ---------------------------------------------------------------------------------------------------------
# 4.NBT.B: multi-digit arithmetic


def _no_carry_sum(a: int, b: int) -> int:
    """The sum a student gets by writing each column's ones digit and forgetting to regroup."""
    width = max(len(str(a)), len(str(b)))
    digits_a, digits_b = _digits(a) + [0] * width, _digits(b) + [0] * width
    return sum(((digits_a[place] + digits_b[place]) % 10) * 10**place for place in range(width))


def _smaller_from_larger(a: int, b: int) -> int:
    """The difference a student gets by taking the smaller digit from the larger in every column."""
    width = len(str(a))
    digits_a, digits_b = _digits(a), _digits(b) + [0] * width
    return sum(abs(digits_a[place] - digits_b[place]) * 10**place for place in range(width))


def _addends(rng: random.Random) -> tuple[int, int]:
    while True:
        a = rng.randint(1000, 600_000)
        b = rng.randint(100, min(399_999, a * 2))
        if _no_carry_sum(a, b) != a + b and a + b <= 1_000_000:
            return a, b


def _subtraction(rng: random.Random) -> tuple[int, int]:
    while True:
        a = rng.randint(1000, 999_999)
        if rng.random() < 0.3:  # zeros to regroup across
            a = int(str(a)[0] + "0" * (len(str(a)) - 2) + str(a)[-1])
        b = rng.randint(100, a - 1)
        if _smaller_from_larger(a, b) != a - b:
            return a, b


@template("4.NBT.B.4")
def add_multidigit(rng: random.Random) -> Problem:
    """Add two multi-digit numbers with regrouping."""
    a, b = _addends(rng)
    total = a + b
    return problem(
        f"Add.\n\n{_n(a)} + {_n(b)} = ?",
        numeric(total, display=_n(total)),
        (
            "Line up the digits by place value and add from the ones place.",
            "When a column adds to 10 or more, regroup: write the ones digit and carry 1 to the next place.",
        ),
        _steps(
            "Line up the ones, tens, hundreds and so on.",
            "Add each column from right to left, regrouping 10 of a place as 1 of the next place.",
            f"{_n(a)} + {_n(b)} = **{_n(total)}**.",
        ),
        wrong=(_no_carry_sum(a, b), total - 10, total + 10),
    )


@template("4.NBT.B.4")
def subtract_multidigit(rng: random.Random) -> Problem:
    """Subtract multi-digit numbers with regrouping, sometimes across zeros."""
    a, b = _subtraction(rng)
    difference = a - b
    return problem(
        f"Subtract.\n\n{_n(a)} − {_n(b)} = ?",
        numeric(difference, display=_n(difference)),
        (
            "Line up the digits by place value and subtract from the ones place.",
            "If the top digit is smaller, regroup 1 from the next place to the left; do not subtract top from bottom.",
        ),
        _steps(
            "Line up the ones, tens, hundreds and so on.",
            "Subtract each column from right to left. When the top digit is smaller, regroup one from the next place.",
            f"Check by adding: {_n(difference)} + {_n(b)} = {_n(a)}.",
            f"So {_n(a)} − {_n(b)} = **{_n(difference)}**.",
        ),
        wrong=(_smaller_from_larger(a, b), difference + 10, difference - 10),
    )


# (operation, story, unit, range of the first number, range of the second), sized to be believable.
_ADD_SUBTRACT_SCENES = (
    (
        "add",
        "A school library had {a} books. It bought {b} more books. How many books does it have now?",
        "books",
        (2000, 40000),
        (150, 4000),
    ),
    (
        "add",
        "A truck driver drove {a} miles in May and {b} miles in June. How many miles did the driver drive in "
        "the two months?",
        "miles",
        (2000, 9999),
        (2000, 9999),
    ),
    (
        "add",
        "A city had {a} visitors in July and {b} visitors in August. How many visitors came in the two months?",
        "visitors",
        (100000, 500000),
        (100000, 450000),
    ),
    (
        "subtract",
        "A town had {a} people. Then {b} people moved away. How many people live in the town now?",
        "people",
        (10000, 900000),
        (500, 9000),
    ),
    (
        "subtract",
        "A stadium has {a} seats. {b} seats were empty at a game. How many seats were filled?",
        "seats",
        (20000, 99000),
        (1000, 19000),
    ),
    (
        "subtract",
        "A pilot flew {a} miles one year and {b} miles the next year. How many more miles did the pilot "
        "fly the first year?",
        "miles",
        (400000, 900000),
        (100000, 399000),
    ),
)


def _story_numbers(rng: random.Random, operation: str, first: tuple[int, int], second: tuple[int, int]) -> tuple:
    """Two numbers in the story's ranges whose sum or difference needs regrouping."""
    while True:
        a, b = rng.randint(*first), rng.randint(*second)
        if rng.random() < 0.3 and operation == "subtract":  # zeros to regroup across
            a = int(str(a)[0] + "0" * (len(str(a)) - 2) + str(a)[-1])
        if operation == "add" and _no_carry_sum(a, b) != a + b:
            return a, b
        if operation == "subtract" and a > b and _smaller_from_larger(a, b) != a - b:
            return a, b


@template("4.NBT.B.4")
def add_or_subtract_in_context(rng: random.Random) -> Problem:
    """A one-step story with multi-digit addition or subtraction."""
    operation, scene, unit, first, second = rng.choice(_ADD_SUBTRACT_SCENES)
    a, b = _story_numbers(rng, operation, first, second)
    answer = a + b if operation == "add" else a - b
    sign = "+" if operation == "add" else "−"
    wrong = (_no_carry_sum(a, b), a - b) if operation == "add" else (_smaller_from_larger(a, b), a + b)
    return problem(
        scene.format(a=_n(a), b=_n(b)),
        numeric(answer, display=f"{_n(answer)} {unit}"),
        (
            "Does the amount get bigger or smaller? Choose add or subtract.",
            "Line up the digits by place value before you start.",
        ),
        _steps(
            f"The equation is {_n(a)} {sign} {_n(b)} = ?.",
            f"{_n(a)} {sign} {_n(b)} = {_n(answer)}.",
            f"The answer is **{_n(answer)} {unit}**.",
        ),
        wrong=wrong,
    )


def _no_carry_product(number: int, digit: int) -> int:
    return sum(((place_digit * digit) % 10) * 10**place for place, place_digit in enumerate(_digits(number)))


@template("4.NBT.B.5")
def multiply_by_one_digit(rng: random.Random) -> Problem:
    """Multiply a number of up to four digits by a one-digit number."""
    number, digit = rng.randint(102, 9999), rng.randint(3, 9)
    product = number * digit
    parts = [
        (place_digit * 10**place) for place, place_digit in reversed(list(enumerate(_digits(number)))) if place_digit
    ]
    partials = " + ".join(_n(part * digit) for part in parts)
    return problem(
        f"Multiply.\n\n{_n(number)} × {digit} = ?",
        numeric(product, display=_n(product)),
        (
            f"Break {_n(number)} into thousands, hundreds, tens and ones.",
            f"Multiply each part by {digit}, then add the partial products.",
        ),
        _steps(
            f"{_n(number)} = {' + '.join(_n(part) for part in parts)}.",
            f"Multiply each part by {digit}: {partials}.",
            f"Add: {_n(number)} × {digit} = **{_n(product)}**.",
        ),
        wrong=(_no_carry_product(number, digit), number * (digit - 1), product + 10),
    )


@template("4.NBT.B.5")
def multiply_two_digit_numbers(rng: random.Random) -> Problem:
    """Multiply two two-digit numbers."""
    a, b = (rng.choice([value for value in range(12, 100) if value % 10]) for _ in range(2))
    product = a * b
    tens_b, ones_b = divmod(b, 10)
    return problem(
        f"Multiply.\n\n{a} × {b} = ?",
        numeric(product, display=_n(product)),
        (
            f"Break {b} into tens and ones: {tens_b * 10} + {ones_b}.",
            f"Find {a} × {tens_b * 10} and {a} × {ones_b}, then add.",
        ),
        _steps(
            f"{a} × {b} = {a} × {tens_b * 10} + {a} × {ones_b}.",
            f"{a} × {tens_b * 10} = {_n(a * tens_b * 10)} and {a} × {ones_b} = {a * ones_b}.",
            f"{_n(a * tens_b * 10)} + {a * ones_b} = **{_n(product)}**.",
        ),
        wrong=((a // 10) * (b // 10) * 100 + (a % 10) * (b % 10), a * tens_b + a * ones_b, product + 100),
    )


def _area_model(a: int, b: int) -> str:
    """An area model of a × b split into tens and ones both ways, each part labelled with its product."""
    tens_a, ones_a = a // 10 * 10, a % 10
    tens_b, ones_b = b // 10 * 10, b % 10
    svg = Svg(400, 260)
    left, top, width, height = 60, 40, 320, 200
    split_x = left + width * 0.72
    split_y = top + height * 0.7
    svg.rect(left, top, width, height, fill="#dbe7fb")
    svg.line(split_x, top, split_x, top + height, stroke_width=2)
    svg.line(left, split_y, left + width, split_y, stroke_width=2)
    svg.text((left + split_x) / 2, top - 10, str(tens_a), size=15)
    svg.text((split_x + left + width) / 2, top - 10, str(ones_a), size=15)
    svg.text(left - 10, (top + split_y) / 2 + 5, str(tens_b), size=15, anchor="end")
    svg.text(left - 10, (split_y + top + height) / 2 + 5, str(ones_b), size=15, anchor="end")
    cells = (
        (left, split_x, top, split_y, tens_a * tens_b),
        (split_x, left + width, top, split_y, ones_a * tens_b),
        (left, split_x, split_y, top + height, tens_a * ones_b),
        (split_x, left + width, split_y, top + height, ones_a * ones_b),
    )
    for x1, x2, y1, y2, value in cells:
        svg.text((x1 + x2) / 2, (y1 + y2) / 2 + 5, _n(value), size=14, weight="bold")
    return svg.render(
        f"An area model for {a} × {b}: a rectangle split into {tens_a} and {ones_a} across the top and {tens_b} and "
        f"{ones_b} down the side. The parts are labelled {_n(tens_a * tens_b)}, {_n(ones_a * tens_b)}, "
        f"{_n(tens_a * ones_b)} and {_n(ones_a * ones_b)}."
    )


@template("4.NBT.B.5")
def area_model_product(rng: random.Random) -> Problem:
    """Use an area model's partial products to find a two-digit by two-digit product."""
    a, b = (rng.choice([value for value in range(12, 100) if value % 10]) for _ in range(2))
    product = a * b
    parts = [a // 10 * 10 * (b // 10 * 10), a % 10 * (b // 10 * 10), a // 10 * 10 * (b % 10), a % 10 * (b % 10)]
    return problem(
        f"The area model shows {a} × {b}. What is {a} × {b}?",
        numeric(product, display=_n(product)),
        ("Each small rectangle is one partial product.", "Add all four partial products."),
        _steps(
            f"The partial products are {', '.join(_n(part) for part in parts)}.",
            f"{' + '.join(_n(part) for part in parts)} = {_n(product)}.",
            f"So {a} × {b} = **{_n(product)}**.",
        ),
        wrong=(parts[0] + parts[3], product - parts[1], product - parts[2]),
        figure=_area_model(a, b),
    )


_MULTIPLY_SCENES = (
    ("A theater has {a} rows with {b} seats in each row. How many seats are in the theater?", "seats", 2),
    ("{name} reads {b} pages every day for {a} days. How many pages does {name} read?", "pages", 2),
    ("A box holds {a} paper clips. How many paper clips are in {b} boxes?", "paper clips", 4),
    ("A truck carries {a} pounds of sand on each trip. How many pounds does it carry in {b} trips?", "pounds", 4),
)


@template("4.NBT.B.5")
def multiply_in_context(rng: random.Random) -> Problem:
    """A story with a four-digit by one-digit or two-digit by two-digit product."""
    scene, unit, digits = rng.choice(_MULTIPLY_SCENES)
    if digits == 2:
        a, b = (rng.choice([value for value in range(12, 100) if value % 10]) for _ in range(2))
    else:
        a, b = rng.randint(1012, 9999), rng.randint(3, 9)
    product = a * b
    return problem(
        scene.format(a=_n(a), b=b, name=name(rng)),
        numeric(product, display=f"{_n(product)} {unit}"),
        (
            "There are equal groups. Multiply the number of groups by the size of each group.",
            "Break one factor into place-value parts and add the partial products.",
        ),
        _steps(
            f"The equation is {_n(a)} × {b} = ?.",
            f"{_n(a)} × {b} = {_n(product)}.",
            f"The answer is **{_n(product)} {unit}**.",
        ),
        wrong=(a + b, _no_carry_product(a, b) if b < 10 else product - 100, product + 10),
    )


def _drop_zero(quotient: int) -> int | None:
    """The quotient a student gets by skipping a place where the divisor does not go (203 read as 23)."""
    text_value = str(quotient)
    return int(text_value.replace("0", "")) if "0" in text_value and text_value.replace("0", "") else None


@template("4.NBT.B.6")
def divide_evenly(rng: random.Random) -> Problem:
    """Divide a number of up to four digits by a one-digit number, no remainder."""
    divisor = rng.randint(2, 9)
    quotient = rng.randint(12, 9999 // divisor)
    dividend = quotient * divisor
    return problem(
        f"Divide.\n\n{_n(dividend)} ÷ {divisor} = ?",
        numeric(quotient, display=_n(quotient)),
        (
            "Divide from the left: thousands, then hundreds, tens and ones.",
            f"Check your answer: multiply it by {divisor}.",
        ),
        _steps(
            f"Think: {divisor} × ? = {_n(dividend)}.",
            "Divide each place from left to right; write 0 in the quotient for a place the divisor does not go into.",
            f"Check by multiplying: {_n(quotient)} × {divisor} = {_n(dividend)}.",
            f"So {_n(dividend)} ÷ {divisor} = **{_n(quotient)}**.",
        ),
        wrong=tuple(value for value in (_drop_zero(quotient), quotient + 1, quotient * 10) if value),
    )


@template("4.NBT.B.6")
def divide_with_remainder(rng: random.Random) -> Problem:
    """Find a quotient and remainder, four-digit dividend and one-digit divisor."""
    divisor = rng.randint(3, 9)
    quotient = rng.randint(21, 9999 // divisor - 1)
    remainder = rng.randint(1, divisor - 1)
    dividend = quotient * divisor + remainder
    correct = f"{_n(quotient)} R {remainder}"
    wrong = [
        f"{_n(quotient - 1)} R {remainder + divisor}",
        f"{_n(quotient)} R {divisor - remainder}",
        f"{_n(quotient + 1)} R {remainder}",
    ]
    if (dropped := _drop_zero(quotient)) is not None:
        wrong[2] = f"{_n(dropped)} R {remainder}"
    wrong = [option for option in dict.fromkeys(wrong) if option != correct]
    return problem(
        f"What is {_n(dividend)} ÷ {divisor}?",
        choice(rng, correct, wrong),
        ("Divide from the left, one place at a time.", f"The remainder must be less than {divisor}."),
        _steps(
            f"{divisor} × {_n(quotient)} = {_n(quotient * divisor)}.",
            f"{_n(dividend)} − {_n(quotient * divisor)} = {remainder}, which is less than {divisor}.",
            f"So {_n(dividend)} ÷ {divisor} = **{correct}**.",
        ),
    )


_DIVIDE_SCENES = (
    ("{name} puts {total} marbles into {size} equal bags. How many marbles are in each bag?", "marbles"),
    (
        "A farm packs {total} apples into {size} crates with the same number in each. How many apples are in each "
        "crate?",
        "apples",
    ),
    ("{size} friends share {total} trading cards equally. How many cards does each friend get?", "cards"),
    (
        "A printer prints {total} pages in {size} hours, the same number of pages each hour. How many pages does it "
        "print each hour?",
        "pages",
    ),
)


@template("4.NBT.B.6")
def divide_in_context(rng: random.Random) -> Problem:
    """A sharing story: four-digit dividend, one-digit divisor."""
    scene, unit = rng.choice(_DIVIDE_SCENES)
    size = rng.randint(3, 9)
    each = rng.randint(112, 9999 // size)
    total = each * size
    return problem(
        scene.format(total=_n(total), size=size, name=name(rng)),
        numeric(each, display=f"{_n(each)} {unit}"),
        ("Equal sharing means division.", f"Break {_n(total)} into parts that are easy to divide by {size}."),
        _steps(
            f"The equation is {_n(total)} ÷ {size} = ?.",
            f"{_n(total)} ÷ {size} = {_n(each)}. Check: {_n(each)} × {size} = {_n(total)}.",
            f"The answer is **{_n(each)} {unit}**.",
        ),
        wrong=tuple(value for value in (_drop_zero(each), total - size, each + 1) if value),
    )


# ---------------------------------------------------------------------------------------------------------
# 4.NF.A: equivalent fractions and comparing fractions

# (denominator, multiplier) with both the denominator and the product among grade 4's denominators.
_EQUIVALENT_STEPS = tuple(
    (low, factor) for low in DENOMINATORS for factor in range(2, 51) if low * factor in DENOMINATORS
)
_SMALL_EQUIVALENT_STEPS = tuple((low, factor) for low, factor in _EQUIVALENT_STEPS if low * factor <= 12)
_UNIT_NAMES = {
    2: "half",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    8: "eighth",
    10: "tenth",
    12: "twelfth",
    100: "hundredth",
}


def _over(numerator: int, denominator: int) -> str:
    """A like-denominator result as grade 4 writes it, not simplified: "7/8", "1 3/8", "2"."""
    whole, rest = divmod(numerator, denominator)
    if not whole:
        return f"{rest}/{denominator}"
    return f"{whole} {rest}/{denominator}" if rest else str(whole)


def _like_answer(numerator: int, denominator: int, unit: str = "") -> Answer:
    shown = _over(numerator, denominator)
    return numeric(Fraction(numerator, denominator), display=f"{shown} {unit}".strip())


@template("4.NF.A.1")
def missing_number_in_equivalent_fractions(rng: random.Random) -> Problem:
    """Find the missing numerator or denominator that makes two fractions equivalent."""
    low, factor = rng.choice(_EQUIVALENT_STEPS)
    top = rng.randint(1, low - 1)
    high, high_top = low * factor, top * factor
    kind = rng.randrange(3)
    if kind == 0:
        equation, answer, wrong = f"{top}/{low} = ?/{high}", high_top, (top + high - low, top, high_top + 1)
    elif kind == 1:
        equation, answer, wrong = f"{top}/{low} = {high_top}/?", high, (low + high_top - top, low, high + 1)
    else:
        equation, answer, wrong = f"{high_top}/{high} = ?/{low}", top, (high_top - (high - low), high_top, top + 1)
    return problem(
        f"What number goes in place of the ? to make the fractions equivalent?\n\n{equation}",
        numeric(answer),
        (
            f"What number times {low} makes {high}?",
            "Multiply (or divide) the numerator and the denominator by the same number; do not add.",
        ),
        _steps(
            f"{high} = {low} × {factor}: each 1/{low} is cut into {factor} equal parts, so there are {factor} "
            f"times as many parts.",
            f"The numerator changes the same way: {top} × {factor} = {high_top}.",
            f"{top}/{low} = {high_top}/{high}, so the missing number is **{answer}**.",
        ),
        wrong=wrong,
    )


@template("4.NF.A.1")
def choose_an_equivalent_fraction(rng: random.Random) -> Problem:
    """Which fraction is equivalent to a given one."""
    while True:
        low, factor = rng.choice(_EQUIVALENT_STEPS)
        top = rng.randint(1, low - 1)
        value = Fraction(top, low)
        correct = f"{top * factor}/{low * factor}"
        added = factor if factor <= 6 else 2
        candidates = [
            (top + added, low + added),
            (top, low * factor),
            (top * factor, low),
            (top + 1, low + 1),
            (low, top) if top > 1 else (low + 1, low),
        ]
        wrong, values = [], {value}
        for numerator, denominator in candidates:
            if Fraction(numerator, denominator) not in values:
                values.add(Fraction(numerator, denominator))
                wrong.append(f"{numerator}/{denominator}")
        if len(wrong) >= 3:
            break
    return problem(
        f"Which fraction is equivalent to {top}/{low}?",
        choice(rng, correct, wrong[:3]),
        (
            "Equivalent fractions name the same amount of the same whole.",
            "Multiply the numerator and the denominator by the same number. Adding the same number does not work.",
        ),
        _steps(
            f"Multiply the numerator and the denominator of {top}/{low} by {factor}.",
            f"({top} × {factor})/({low} × {factor}) = {correct}.",
            f"So {top}/{low} = **{correct}**.",
        ),
    )


@template("4.NF.A.1")
def cut_the_parts_again(rng: random.Random) -> Problem:
    """A fraction bar whose parts are each cut again: how many of the smaller parts are shaded."""
    low, factor = rng.choice(_SMALL_EQUIVALENT_STEPS)
    top = rng.randint(1, low - 1)
    high, high_top = low * factor, top * factor
    who = name(rng)
    shaded = "1 of them is shaded" if top == 1 else f"{top} of them are shaded"
    return problem(
        f"The bar is cut into {low} equal parts, and {shaded}, so {top}/{low} of it is shaded. {who} "
        f"cuts every part into {factor} equal pieces. Now the bar has {high} pieces. How many of them are "
        f"shaded? (Then {top}/{low} = ?/{high}.)",
        numeric(high_top),
        (f"Each shaded part becomes {factor} smaller pieces.", "Count the small pieces in the shaded part of the bar."),
        _steps(
            f"{'The shaded part is' if top == 1 else f'Each of the {top} shaded parts is'} cut into {factor} "
            f"pieces: {top} × {factor} = {high_top}.",
            f"The shaded amount did not change, only the number and size of the pieces: {top}/{low} = "
            f"{high_top}/{high}.",
            f"So **{high_top}** pieces are shaded.",
        ),
        wrong=(top + factor, high - high_top, high_top + 1),
        figure=figures.fraction_bar(low, top),
    )


@template("4.NF.A.1")
def why_fractions_are_equivalent(rng: random.Random) -> Problem:
    """Why a/b equals (n × a)/(n × b): more parts, each smaller."""
    low, factor = rng.choice(_SMALL_EQUIVALENT_STEPS)
    top = rng.randint(1, low - 1)
    high, high_top = low * factor, top * factor
    unit = _UNIT_NAMES[low]
    correct = (
        f"Cutting each {unit} into {factor} equal parts makes {factor} times as many parts, and each part "
        f"is smaller, so the shaded amount stays the same."
    )
    wrong = [
        f"{high_top}/{high} has bigger numbers, so it is a bigger amount.",
        f"The parts of {high_top}/{high} are bigger than the parts of {top}/{low}.",
        "Adding the same number to the numerator and the denominator never changes a fraction.",
    ]
    return problem(
        f"{name(rng)} shades {top}/{low} of a bar, then cuts every part into {factor} equal pieces, which shows "
        f"{high_top}/{high}. Which sentence explains why {top}/{low} = {high_top}/{high}?",
        choice(rng, correct, wrong),
        (
            "Think about the bar: did the shaded amount change when the parts were cut?",
            "When there are more parts in the same whole, is each part bigger or smaller?",
        ),
        _steps(
            f"Cutting every part into {factor} pieces gives {factor} times as many parts: {low} × {factor} = "
            f"{high}, and {top} × {factor} = {high_top} of them are shaded.",
            "The pieces are smaller, but the same amount of the bar is shaded.",
            f"So: **{correct}**",
        ),
    )


def _two_fractions(rng: random.Random) -> tuple[Fraction, Fraction, tuple[int, int], tuple[int, int]]:
    """Two fractions with different numerators and different denominators (sometimes equivalent)."""
    if rng.random() < 0.15:
        low, factor = rng.choice(_SMALL_EQUIVALENT_STEPS)
        top = rng.randint(1, low - 1)
        pairs = [(top, low), (top * factor, low * factor)]
        rng.shuffle(pairs)
    else:
        while True:
            first, second = rng.sample(SMALL_DENOMINATORS, 2)
            pairs = [(rng.randint(1, first - 1), first), (rng.randint(1, second - 1), second)]
            if pairs[0][0] != pairs[1][0] and Fraction(*pairs[0]) != Fraction(*pairs[1]):
                break
    return Fraction(*pairs[0]), Fraction(*pairs[1]), pairs[0], pairs[1]


def _rename(numerator: int, denominator: int, common: int) -> str:
    """A fraction renamed with a common denominator, in words when it already has it."""
    if denominator == common:
        return f"{numerator}/{denominator} already has that denominator"
    return f"{numerator}/{denominator} = {numerator * common // denominator}/{common}"


@template("4.NF.A.2")
def compare_fractions(rng: random.Random) -> Problem:
    """Compare two fractions with different numerators and denominators with <, > or =."""
    left, right, (a, b), (c, d) = _two_fractions(rng)
    common = math.lcm(b, d)
    answer = comparison(left, right)
    return problem(
        f"Compare. Write <, > or =.\n\n{a}/{b} ? {c}/{d}",
        answer,
        (
            "Rename the fractions so they have the same denominator, or compare each one with 1/2.",
            f"Both denominators divide into {common}.",
        ),
        _steps(
            f"Use the common denominator {common}: {_rename(a, b, common)} and {_rename(c, d, common)}.",
            f"Compare the numerators: {a * common // b} and {c * common // d}.",
            f"So {a}/{b} **{answer.display}** {c}/{d}.",
        ),
    )


_SAME_WHOLE_SCENES = (
    ("ate {a} of a pizza", "{name2} ate {b} of a pizza the same size", "ate more pizza"),
    ("painted {a} of a fence", "{name2} painted {b} of the same fence", "painted more of the fence"),
    ("drank {a} of a bottle of water", "{name2} drank {b} of a bottle the same size", "drank more water"),
    ("read {a} of a book", "{name2} read {b} of the same book", "read more of the book"),
)


@template("4.NF.A.2")
def who_has_more(rng: random.Random) -> Problem:
    """A story comparing two fractions of the same whole: who has more, or the same."""
    first, second = names(rng, 2)
    left, right, (a, b), (c, d) = _two_fractions(rng)
    did, other, question = rng.choice(_SAME_WHOLE_SCENES)
    common = math.lcm(b, d)
    same = "They did the same amount."
    correct = first if left > right else second if right > left else same
    ending = f"So **{correct}** {question}." if correct != same else f"So: **{same}**"
    return problem(
        f"{first} {did.format(a=f'{a}/{b}')}. {other.format(name2=second, b=f'{c}/{d}')}. Who {question}?",
        choice(rng, correct, [option for option in (first, second, same) if option != correct]),
        (
            "Both fractions are parts of the same size whole, so they can be compared.",
            f"Rename both fractions with a common denominator, such as {common}.",
        ),
        _steps(
            f"Use the common denominator {common}: {_rename(a, b, common)} and {_rename(c, d, common)}.",
            f"Compare {a * common // b}/{common} and {c * common // d}/{common}.",
            ending,
        ),
    )


@template("4.NF.A.2")
def compare_with_one_half(rng: random.Random) -> Problem:
    """Which fraction is greater (or less) than the benchmark 1/2."""

    def draw(greater: bool) -> tuple[int, int]:
        while True:
            denominator = rng.choice(DENOMINATORS)
            numerator = rng.randint(1, denominator - 1)
            if (2 * numerator > denominator) == greater and 2 * numerator != denominator:
                return numerator, denominator

    want_greater = rng.random() < 0.5
    correct = draw(want_greater)
    wrong: list[tuple[int, int]] = []
    while len(wrong) < 3:
        candidate = draw(not want_greater)
        if Fraction(*candidate) not in {Fraction(*other) for other in [correct, *wrong]}:
            wrong.append(candidate)
    word = "greater" if want_greater else "less"
    reasons = [
        f"{n}/{d}: half of {d} is {Fraction(d, 2)}, and {n} is {'more' if 2 * n > d else 'less'}.".replace(
            f"half of {d} is {Fraction(d, 2)}", f"half of {d} is {mixed(Fraction(d, 2))}"
        )
        for n, d in [correct, *wrong]
    ]
    return problem(
        f"Which of these fractions is {word} than 1/2: "
        f"{_or_list(f'{n}/{d}' for n, d in sorted([correct, *wrong], key=lambda pair: Fraction(*pair)))}?",
        choice(rng, f"{correct[0]}/{correct[1]}", [f"{n}/{d}" for n, d in wrong]),
        (
            "A fraction equal to 1/2 has a numerator that is half of its denominator.",
            "For each fraction, compare the numerator with half of the denominator.",
        ),
        _steps(*reasons, f"So the fraction {word} than 1/2 is **{correct[0]}/{correct[1]}**."),
    )


@template("4.NF.A.2")
def comparison_needs_the_same_whole(rng: random.Random) -> Problem:
    """Why two fractions of different-sized wholes cannot be compared by the fractions alone."""
    first, second = names(rng, 2)
    larger, smaller = rng.choice(
        (
            (Fraction(1, 2), Fraction(1, 3)),
            (Fraction(3, 4), Fraction(2, 3)),
            (Fraction(1, 2), Fraction(1, 4)),
            (Fraction(5, 6), Fraction(3, 4)),
            (Fraction(2, 3), Fraction(3, 5)),
            (Fraction(7, 8), Fraction(3, 4)),
        )
    )
    food = rng.choice(("pizza", "cake", "pan of lasagna", "watermelon"))
    big, small = mixed(larger), mixed(smaller)
    correct = f"Not necessarily. The {food}s are different sizes, so the fractions are not of the same whole."
    wrong = [
        f"Yes, because {big} is greater than {small}.",
        f"No, because {small} is greater than {big}.",
        f"Yes, because {big} of anything is always more than {small} of anything.",
    ]
    return problem(
        f"{first} ate {big} of a small {food}. {second} ate {small} of a large {food}. {first} says, “I ate more, "
        f"because {big} > {small}.” Is {first} right?",
        choice(rng, correct, wrong),
        (
            "Fractions tell how much of a whole. What are the two wholes here?",
            "Would half of a huge pizza be the same as half of a tiny one?",
        ),
        _steps(
            f"{big} > {small} is true only when both fractions are of the same whole.",
            f"Here one {food} is small and the other is large, so {small} of the large one could be more.",
            f"So: **{correct}**",
        ),
    )


# ---------------------------------------------------------------------------------------------------------
# 4.NF.B.3: adding and subtracting fractions with like denominators

_LIKE_DENOMINATORS = (3, 4, 5, 6, 8, 10, 12)


@template("4.NF.B.3a")
def add_or_subtract_like_fractions(rng: random.Random) -> Problem:
    """Add or subtract two fractions with the same denominator."""
    denominator = rng.choice(_LIKE_DENOMINATORS)
    if rng.random() < 0.5:
        a = rng.randint(1, denominator - 1)
        b = rng.randint(1, denominator - a)
        result, sign = a + b, "+"
        wrong = (Fraction(a + b, 2 * denominator), Fraction(a * b, denominator))
        join = "Joining"
    else:
        a = rng.randint(2, denominator)
        b = rng.randint(1, a - 1)
        result, sign = a - b, "−"
        wrong = (Fraction(a + b, denominator), a - b)
        join = "Taking away"
    return problem(
        f"{a}/{denominator} {sign} {b}/{denominator} = ?",
        _like_answer(result, denominator),
        (
            f"Both fractions count parts of size 1/{denominator}.",
            "Add or subtract the numbers of parts; the size of each part stays the same.",
        ),
        _steps(
            f"{join} {_UNIT_NAMES[denominator]}s leaves them {_UNIT_NAMES[denominator]}s, so the denominator "
            f"stays {denominator}.",
            f"{a} {sign} {b} = {result}, so {a}/{denominator} {sign} {b}/{denominator} = "
            f"**{_over(result, denominator)}**.",
        ),
        wrong=wrong,
    )


@template("4.NF.B.3a")
def find_the_adding_mistake(rng: random.Random) -> Problem:
    """What is wrong with adding the denominators of like fractions."""
    who = name(rng)
    denominator = rng.choice((6, 8, 10, 12))
    a, b = rng.sample(range(2, denominator - 2), 2)
    while a + b >= denominator:
        a, b = rng.sample(range(2, denominator - 2), 2)
    unit = _UNIT_NAMES[denominator]
    correct = (
        f"{who} added the denominators. {unit.capitalize()}s joined with {unit}s are still {unit}s, so the "
        f"sum is {a + b}/{denominator}."
    )
    wrong = [
        "There is no mistake.",
        f"{who} should have multiplied the numerators to get {a * b}/{denominator}.",
        f"{who} should have used the larger denominator and the larger numerator: {max(a, b)}/{denominator}.",
    ]
    return problem(
        f"{who} says {a}/{denominator} + {b}/{denominator} = {a + b}/{2 * denominator}. What is the mistake?",
        choice(rng, correct, wrong),
        (
            f"Draw a bar cut into {denominator} equal parts. Shade {a} parts, then {b} more.",
            "Does joining the parts change the size of each part?",
        ),
        _steps(
            f"{a}/{denominator} is {a} parts of size 1/{denominator}; {b}/{denominator} is {b} more of the same size.",
            f"Together that is {a + b} parts of size 1/{denominator}: {a + b}/{denominator}, not "
            f"{a + b}/{2 * denominator}.",
            f"So: **{correct}**",
        ),
    )


@template("4.NF.B.3a")
def join_or_separate_on_a_circle(rng: random.Random) -> Problem:
    """Parts of one whole joined or taken away, shown on a fraction circle."""
    denominator = rng.choice((4, 5, 6, 8, 10, 12))
    shaded = rng.randint(2, denominator - 1)
    who = name(rng)
    if rng.random() < 0.5:
        change = rng.randint(1, shaded - 1)
        result = shaded - change
        stem = (
            f"A pie is cut into {denominator} equal slices. The shaded slices are the ones left. {who} eats "
            f"{change} of them. What fraction of the whole pie is left?"
        )
        step = f"{shaded}/{denominator} − {change}/{denominator} = {result}/{denominator}"
        wrong = (Fraction(result, denominator - change), Fraction(change, denominator), result)
    else:
        change = rng.randint(1, denominator - shaded)
        result = shaded + change
        stem = (
            f"A garden is split into {denominator} equal parts. The shaded parts are planted. {who} plants "
            f"{change} more {'part' if change == 1 else 'parts'}. What fraction of the whole garden is planted "
            f"now?"
        )
        step = f"{shaded}/{denominator} + {change}/{denominator} = {_over(result, denominator)}"
        wrong = (Fraction(result, 2 * denominator), Fraction(result, denominator + change), result)
    return problem(
        stem,
        _like_answer(result, denominator),
        (
            "Count the shaded parts. Each part is the same size.",
            "The whole does not change, so the denominator does not change.",
        ),
        _steps(
            f"The circle shows {shaded}/{denominator} shaded.",
            step + ".",
            f"So **{_over(result, denominator)}** of the whole.",
        ),
        wrong=wrong,
        figure=figures.fraction_circle(denominator, shaded),
    )


def _composition(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` split into `parts` positive whole numbers."""
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return [high - low for low, high in zip([0, *cuts], [*cuts, total])]


@template("4.NF.B.3b")
def missing_part_of_a_decomposition(rng: random.Random) -> Problem:
    """Find the missing fraction in a decomposition into same-denominator parts."""
    denominator = rng.choice((4, 5, 6, 8, 10, 12))
    total = rng.randint(3, denominator)
    parts = _composition(rng, total, rng.choice((2, 3)) if total > 3 else 2)
    missing = parts[-1]
    known = " + ".join(f"{part}/{denominator}" for part in parts[:-1])
    known_sum = total - missing
    whole = f"{total}/{denominator}" if total < denominator else rng.choice((f"{total}/{denominator}", "1"))
    return problem(
        f"What fraction goes in place of the ?\n\n{whole} = {known} + ?",
        _like_answer(missing, denominator),
        (
            f"Think of {whole} as {total} equal parts, and of each fraction on the right as a number of those parts.",
            "How many of the parts are still missing?",
        ),
        _steps(
            *([f"{whole} = {total}/{denominator}."] if whole == "1" else [])
            + ([f"{known} = {known_sum}/{denominator}."] if len(parts) > 2 else []),
            f"{total} − {known_sum} = {missing}, so the missing part is {missing}/{denominator}.",
            f"Check: {known} + {missing}/{denominator} = {whole}. The answer is **{missing}/{denominator}**.",
        ),
        wrong=(Fraction(total + known_sum, denominator), missing, Fraction(missing, 2 * denominator)),
    )


@template("4.NF.B.3b")
def true_decomposition(rng: random.Random) -> Problem:
    """Which equation breaks a fraction into a sum of same-denominator fractions correctly."""
    denominator = rng.choice((5, 6, 8, 10, 12))
    total = rng.randint(4, denominator - 1)
    correct_parts = _composition(rng, total, 3)
    target = f"{total}/{denominator}"
    correct = f"{target} = " + " + ".join(f"{part}/{denominator}" for part in correct_parts)
    short = _composition(rng, total - 1, 2)
    long = _composition(rng, total + 1, 2)
    wrong = [
        f"{target} = " + " + ".join(f"{part}/{denominator}" for part in short),
        f"{target} = " + " + ".join(f"{part}/{denominator}" for part in long),
    ]
    if denominator % 2 == 0:  # adding denominators: 2/4 + 3/4 "makes" 5/8
        split = _composition(rng, total, 2)
        wrong.append(f"{target} = {split[0]}/{denominator // 2} + {split[1]}/{denominator // 2}")
    else:
        wrong.append(f"{target} = " + " + ".join(f"{part}/{denominator}" for part in _composition(rng, total + 2, 2)))
    return problem(
        f"Which equation is a true way to break {target} into a sum of smaller fractions?",
        choice(rng, correct, wrong),
        (
            "In each equation, add the numerators of the fractions on the right.",
            f"The parts must be {_UNIT_NAMES[denominator]}s and must add up to {total} of them.",
        ),
        _steps(
            f"{target} is {total} parts of size 1/{denominator}.",
            f"In the true equation the numerators add to {total}: {' + '.join(map(str, correct_parts))} = "
            f"{total}, and all the parts are {_UNIT_NAMES[denominator]}s.",
            f"The true equation is **{correct}**.",
        ),
    )


@template("4.NF.B.3b")
def mixed_number_as_a_sum(rng: random.Random) -> Problem:
    """Which sum of same-denominator fractions equals a mixed number."""
    denominator = rng.choice((3, 4, 5, 6, 8, 10, 12))
    whole, rest = rng.randint(1, 3), rng.randint(1, denominator - 1)
    target = f"{whole} {rest}/{denominator}"
    one = f"{denominator}/{denominator}"
    correct = " + ".join([one] * whole + [f"{rest}/{denominator}"])
    candidates = [
        f"{whole}/{denominator} + {rest}/{denominator}",
        " + ".join([one] * (whole + 1) + [f"{rest}/{denominator}"]),
        " + ".join([f"1/{denominator}"] * whole + [f"{rest}/{denominator}"]),
        " + ".join([one] * whole + [f"1/{rest}"]) if rest > 1 else f"{one} + {one} + {one}",
    ]
    wrong = [option for option in dict.fromkeys(candidates) if option != correct][:3]
    return problem(
        f"Which sum is equal to {target}?",
        choice(rng, correct, wrong),
        (
            f"How many {_UNIT_NAMES[denominator]}s make 1 whole?",
            f"{target} is {whole} whole{'s' if whole > 1 else ''} and {rest} more {_UNIT_NAMES[denominator]}"
            f"{'s' if rest > 1 else ''}.",
        ),
        _steps(
            f"1 whole = {one}.",
            f"{target} = " + " + ".join(["1"] * whole + [f"{rest}/{denominator}"]) + ".",
            f"So {target} = **{correct}**.",
        ),
    )


def _mixed_sum(rng: random.Random) -> tuple[str, int, int, list[str], tuple]:
    """A sum of mixed numbers with like denominators: the equation, the result's numerator over the denominator,
    the steps and the wrong answers (the trade forgotten, the denominators added)."""
    denominator = rng.choice(_LIKE_DENOMINATORS)
    regroup = rng.random() < 0.6
    while True:
        a, b = rng.randint(1, denominator - 1), rng.randint(1, denominator - 1)
        if (a + b >= denominator) == regroup:
            break
    w1, w2 = rng.randint(1, 6), rng.randint(1, 5)
    total = (w1 + w2) * denominator + a + b
    steps = [
        f"Add the whole numbers: {w1} + {w2} = {w1 + w2}.",
        f"Add the fractions: {a}/{denominator} + {b}/{denominator} = {a + b}/{denominator}.",
    ]
    if regroup:
        extra = a + b - denominator
        rest = f" {extra}/{denominator}" if extra else ""
        steps.append(f"{a + b}/{denominator} = 1{rest}, so trade 1 whole: {w1 + w2} + 1{rest} = {w1 + w2 + 1}{rest}.")
    else:
        steps.append(f"Put them together: {w1 + w2} and {a + b}/{denominator}.")
    wrong = (
        Fraction(w1 + w2) + Fraction(a + b - denominator if regroup else a + b + 1, denominator),
        Fraction(w1 + w2) + Fraction(a + b, 2 * denominator),
    )
    return f"{w1} {a}/{denominator} + {w2} {b}/{denominator}", total, denominator, steps, wrong


def _mixed_difference(rng: random.Random) -> tuple[str, int, int, list[str], tuple]:
    """A difference of mixed numbers with like denominators, usually needing a trade of 1 whole: the equation,
    the result's numerator over the denominator, the steps and the wrong answers."""
    denominator = rng.choice(_LIKE_DENOMINATORS)
    w1 = rng.randint(3, 9)
    w2 = rng.randint(1, w1 - 1)
    a, b = rng.sample(range(1, denominator), 2)
    if (a > b) == (rng.random() < 0.7):  # a trade in most items
        a, b = b, a
    result = (w1 - w2) * denominator + a - b
    if a < b:
        steps = [
            f"{a}/{denominator} is less than {b}/{denominator}, so trade 1 whole: {w1} {a}/{denominator} = "
            f"{w1 - 1} {a + denominator}/{denominator}.",
            f"{w1 - 1} − {w2} = {w1 - 1 - w2} and {a + denominator}/{denominator} − {b}/{denominator} = "
            f"{a + denominator - b}/{denominator}.",
        ]
        # Taking the smaller fraction from the larger one; trading without taking the whole away.
        wrong = (
            Fraction(w1 - w2) + Fraction(b - a, denominator),
            Fraction(w1 - w2) + Fraction(a + denominator - b, denominator),
        )
    else:
        steps = [f"{w1} − {w2} = {w1 - w2} and {a}/{denominator} − {b}/{denominator} = {a - b}/{denominator}."]
        wrong = (Fraction(w1 - w2) + Fraction(a + b, denominator), Fraction(w1 + w2) + Fraction(a - b, denominator))
    return f"{w1} {a}/{denominator} − {w2} {b}/{denominator}", result, denominator, steps, wrong


@template("4.NF.B.3c")
def add_mixed_numbers(rng: random.Random) -> Problem:
    """Add two mixed numbers with like denominators, trading when the fractions make a whole."""
    equation, numerator, denominator, steps, wrong = _mixed_sum(rng)
    return problem(
        f"{equation} = ?",
        _like_answer(numerator, denominator),
        (
            "Add the whole numbers, then add the fractions.",
            "If the fractions add up to 1 or more, trade a whole and add it to the whole numbers.",
        ),
        _steps(*steps, f"So {equation} = **{_over(numerator, denominator)}**."),
        wrong=wrong,
    )


@template("4.NF.B.3c")
def subtract_mixed_numbers(rng: random.Random) -> Problem:
    """Subtract mixed numbers with like denominators, trading 1 whole when needed."""
    equation, numerator, denominator, steps, wrong = _mixed_difference(rng)
    return problem(
        f"{equation} = ?",
        _like_answer(numerator, denominator),
        (
            "Subtract the fractions first. Is the first fraction big enough?",
            "If not, trade 1 whole for the same number of parts as the denominator.",
        ),
        _steps(*steps, f"So {equation} = **{_over(numerator, denominator)}**."),
        wrong=wrong,
    )


@template("4.NF.B.3c", difficulty=STRETCH)
def whole_minus_mixed_number(rng: random.Random) -> Problem:
    """Subtract a mixed number from a whole number."""
    denominator = rng.choice(_LIKE_DENOMINATORS)
    whole = rng.randint(3, 10)
    taken, part = rng.randint(1, whole - 1), rng.randint(1, denominator - 1)
    result = (whole - taken) * denominator - part
    equation = f"{whole} − {taken} {part}/{denominator}"
    return problem(
        f"{equation} = ?",
        _like_answer(result, denominator),
        (
            f"There is no fraction in {whole} to take {part}/{denominator} from.",
            f"Write {whole} as {whole - 1} {denominator}/{denominator}.",
        ),
        _steps(
            f"{whole} = {whole - 1} {denominator}/{denominator}.",
            f"{whole - 1} − {taken} = {whole - 1 - taken} and {denominator}/{denominator} − {part}/{denominator} = "
            f"{denominator - part}/{denominator}.",
            f"So {equation} = **{_over(result, denominator)}**.",
        ),
        wrong=(
            Fraction(whole - taken) + Fraction(part, denominator),
            Fraction(whole - taken) + Fraction(denominator - part, denominator),
            Fraction(whole - taken - 1) + Fraction(part, denominator),
        ),
    )


_FRACTION_ADD_SCENES = (
    ("{who} walked {a} mile to school and {b} mile to the park. How far did {who} walk in all?", "mile"),
    ("{who} used {a} cup of flour for bread and {b} cup of flour for muffins. How much flour did {who} use?", "cup"),
    ("{who} read for {a} hour in the morning and {b} hour after dinner. How long did {who} read?", "hour"),
    (
        "A pitcher had {a} liter of juice. {who} poured in {b} liter more. How much juice is in the pitcher now?",
        "liter",
    ),
)
_FRACTION_SUBTRACT_SCENES = (
    ("A ribbon is {a} yard long. {who} cuts off {b} yard. How much ribbon is left?", "yard"),
    ("A jug held {a} gallon of water. {who} drank {b} gallon. How much water is left in the jug?", "gallon"),
    (
        "{who} needs to walk {a} mile. {who} has walked {b} mile so far. How much farther does {who} need to walk?",
        "mile",
    ),
    ("A bag held {a} pound of nuts. {who} ate {b} pound. How much is left in the bag?", "pound"),
)


def _unit_for(value: Fraction, unit: str) -> str:
    return unit if value <= 1 else unit + "s"


@template("4.NF.B.3d")
def fraction_sum_story(rng: random.Random) -> Problem:
    """A story that adds two fractions of the same whole with like denominators."""
    scene, unit = rng.choice(_FRACTION_ADD_SCENES)
    denominator = rng.choice(_LIKE_DENOMINATORS)
    a, b = rng.randint(1, denominator - 1), rng.randint(1, denominator - 1)
    total = Fraction(a + b, denominator)
    shown = f"{_over(a + b, denominator)} {_unit_for(total, unit)}"
    return problem(
        scene.format(who=name(rng), a=f"{a}/{denominator}", b=f"{b}/{denominator}"),
        numeric(total, display=shown),
        ("The two amounts are joined, so add.", "Add the numerators; the denominator stays the same."),
        _steps(
            f"{a}/{denominator} + {b}/{denominator} = {a + b}/{denominator}."
            + (f" That is {_over(a + b, denominator)}." if a + b >= denominator else ""),
            f"The answer is **{shown}**.",
        ),
        wrong=(Fraction(a + b, 2 * denominator), a + b, Fraction(a + b, denominator + 1)),
    )


@template("4.NF.B.3d")
def fraction_difference_story(rng: random.Random) -> Problem:
    """A story that takes a fraction away from a fraction of the same whole."""
    scene, unit = rng.choice(_FRACTION_SUBTRACT_SCENES)
    denominator = rng.choice(_LIKE_DENOMINATORS)
    a = rng.randint(2, denominator - 1)
    b = rng.randint(1, a - 1)
    left = Fraction(a - b, denominator)
    shown = f"{a - b}/{denominator} {unit}"
    return problem(
        scene.format(who=name(rng), a=f"{a}/{denominator}", b=f"{b}/{denominator}"),
        numeric(left, display=shown),
        ("Part is taken away, so subtract.", "Subtract the numerators; the denominator stays the same."),
        _steps(f"{a}/{denominator} − {b}/{denominator} = {a - b}/{denominator}.", f"The answer is **{shown}**."),
        wrong=(Fraction(a + b, denominator), a - b, Fraction(b, denominator)),
    )


_SINGULAR = {"feet": "foot", "miles": "mile", "cups": "cup", "pounds": "pound"}
_MIXED_STORIES = (
    ("A board is {x} feet long. {who} cuts off {y} feet. How long is the board now?", "feet", "subtract"),
    (
        "{who} rode a bike {x} miles in the morning and {y} miles in the afternoon. How far did {who} ride?",
        "miles",
        "add",
    ),
    ("A recipe uses {x} cups of milk and {y} cups of water. How many cups of liquid is that in all?", "cups", "add"),
    (
        "A pumpkin weighs {x} pounds. A melon weighs {y} pounds. How many more pounds does the pumpkin weigh?",
        "pounds",
        "subtract",
    ),
)


@template("4.NF.B.3d")
def mixed_number_story(rng: random.Random) -> Problem:
    """A story that adds or subtracts mixed numbers with like denominators."""
    scene, unit, operation = rng.choice(_MIXED_STORIES)
    equation, numerator, denominator, steps, wrong = _mixed_sum(rng) if operation == "add" else _mixed_difference(rng)
    first, second = equation.split(" + " if operation == "add" else " − ")
    units = _SINGULAR[unit] if numerator <= denominator else unit
    shown = f"{_over(numerator, denominator)} {units}"
    return problem(
        scene.format(who=name(rng), x=first, y=second),
        _like_answer(numerator, denominator, units),
        (
            "Decide: are the amounts joined (add) or is one taken from the other (subtract)?",
            "Work with the whole numbers and the fractions separately, trading a whole if you need to.",
        ),
        _steps(f"Write the equation: {equation} = ?.", *steps, f"The answer is **{shown}**."),
        wrong=wrong,
    )


# ---------------------------------------------------------------------------------------------------------
# 4.NF.B.4: a whole number times a fraction


@template("4.NF.B.4a")
def fraction_as_unit_fractions(rng: random.Random) -> Problem:
    """A fraction as a whole number times a unit fraction, either way round."""
    denominator = rng.choice(SMALL_DENOMINATORS)
    count = rng.randint(2, 2 * denominator - 1)
    if count == denominator:
        count += 1
    if rng.random() < 0.5:
        return problem(
            f"What number goes in place of the ?\n\n{count}/{denominator} = ? × 1/{denominator}",
            numeric(count),
            (
                f"{count}/{denominator} means some number of parts, each of size 1/{denominator}.",
                "Look at the numerator.",
            ),
            _steps(
                f"{count}/{denominator} is {count} parts of size 1/{denominator}.",
                f"So {count}/{denominator} = **{count}** × 1/{denominator}.",
            ),
            wrong=(denominator, count * denominator, 1),
        )
    return problem(
        f"{count} × 1/{denominator} = ?",
        _like_answer(count, denominator),
        (
            f"{count} × 1/{denominator} means {count} copies of 1/{denominator}.",
            "Multiply only the number of parts; the size of each part stays the same.",
        ),
        _steps(
            f"{count} copies of 1/{denominator} is {count} parts of size 1/{denominator}.",
            f"That is **{count}/{denominator}**."
            if count < denominator
            else f"That is {count}/{denominator}, or **{_over(count, denominator)}**.",
        ),
        wrong=(Fraction(count, count * denominator), Fraction(count + 1, denominator), count),
    )


@template("4.NF.B.4a")
def unit_fraction_multiple_choice(rng: random.Random) -> Problem:
    """Which product of a whole number and a unit fraction equals a fraction."""
    denominator = rng.choice(SMALL_DENOMINATORS[1:])
    count = rng.choice([value for value in range(2, 2 * denominator) if value not in (denominator, denominator + 1)])
    correct = f"{count} × 1/{denominator}"
    wrong = [f"{denominator} × 1/{count}", f"{count} + 1/{denominator}", f"{count - 1} × 1/{denominator}"]
    return problem(
        f"Which is equal to {count}/{denominator}?",
        choice(rng, correct, wrong),
        (
            f"How many parts of size 1/{denominator} make {count}/{denominator}?",
            "Multiplying by a whole number makes copies; adding a whole number adds wholes.",
        ),
        _steps(
            f"{count}/{denominator} is {count} parts, each 1/{denominator} of the whole.",
            f"{count} copies of 1/{denominator} is {count} × 1/{denominator}.",
            f"The answer is **{correct}**.",
        ),
    )


@template("4.NF.B.4a")
def shaded_unit_fractions(rng: random.Random) -> Problem:
    """Fraction bars showing a fraction: how many copies of the unit fraction are shaded."""
    denominator = rng.choice((2, 3, 4, 5, 6, 8))
    count = rng.randint(2, 2 * denominator - 1)
    bars = 2 if count > denominator else 1
    return problem(
        f"Each bar is 1 whole, cut into {denominator} equal parts. The shaded amount is ? × 1/{denominator}. What "
        f"number goes in place of the ?",
        numeric(count),
        (f"Each part is 1/{denominator} of a bar.", "Count every shaded part, in all the bars."),
        _steps(
            f"Each shaded part is 1/{denominator}.",
            f"There are {count} shaded parts, so the shaded amount is "
            f"{count} × 1/{denominator} = {count}/{denominator}.",
            f"The number is **{count}**.",
        ),
        wrong=(denominator, count - denominator if count > denominator else count + 1, count * denominator),
        figure=figures.fraction_bar(denominator, count, bars=bars),
    )


def _whole_times_fraction(rng: random.Random) -> tuple[int, int, int]:
    """A whole number, and a fraction's numerator (2 or more) and denominator."""
    denominator = rng.choice(_LIKE_DENOMINATORS)
    numerator = rng.choice([value for value in range(2, denominator) if math.gcd(value, denominator) == 1])
    return rng.randint(2, 9), numerator, denominator


@template("4.NF.B.4b")
def multiply_whole_by_fraction(rng: random.Random) -> Problem:
    """A whole number times a fraction: n × (a/b) = (n × a)/b."""
    times, numerator, denominator = _whole_times_fraction(rng)
    product = times * numerator
    return problem(
        f"{times} × {numerator}/{denominator} = ?",
        _like_answer(product, denominator),
        (
            f"{numerator}/{denominator} is {numerator} × 1/{denominator}.",
            "Multiply the numerator by the whole number. The denominator names the size of the parts and stays.",
        ),
        _steps(
            f"{times} × {numerator}/{denominator} = {times} × {numerator} × 1/{denominator}.",
            f"{times} × {numerator} = {product}, so that is {product} × 1/{denominator} = {product}/{denominator}.",
            f"{times} × {numerator}/{denominator} = **{_over(product, denominator)}**.",
        ),
        wrong=(
            Fraction(product, times * denominator),
            Fraction(times + numerator, denominator),
            Fraction(numerator, times * denominator),
        ),
    )


@template("4.NF.B.4b")
def product_as_unit_fractions(rng: random.Random) -> Problem:
    """Which product of a unit fraction equals n × (a/b)."""
    while True:
        times, numerator, denominator = _whole_times_fraction(rng)
        correct = (times * numerator, denominator)
        wrong = [(times + numerator, denominator), (times, denominator), (numerator, times * denominator)]
        values = {Fraction(*pair) for pair in [correct, *wrong]}
        if len(values) == 4:
            break
    return problem(
        f"Which is equal to {times} × {numerator}/{denominator}?",
        choice(rng, f"{correct[0]} × 1/{denominator}", [f"{a} × 1/{b}" for a, b in wrong]),
        (
            f"Write {numerator}/{denominator} as copies of 1/{denominator} first.",
            f"{times} groups of those copies: how many copies of 1/{denominator} in all?",
        ),
        _steps(
            f"{numerator}/{denominator} = {numerator} × 1/{denominator}.",
            f"{times} × {numerator}/{denominator} is {times} groups of {numerator} copies of 1/{denominator}: "
            f"{times} × {numerator} = {correct[0]} copies.",
            f"So {times} × {numerator}/{denominator} = **{correct[0]} × 1/{denominator}**.",
        ),
    )


@template("4.NF.B.4b")
def unit_fractions_in_a_product(rng: random.Random) -> Problem:
    """How many unit fractions make n × (a/b)."""
    times, numerator, denominator = _whole_times_fraction(rng)
    product = times * numerator
    return problem(
        f"What number goes in place of the ?\n\n{times} × {numerator}/{denominator} = ? × 1/{denominator}",
        numeric(product),
        (
            f"How many copies of 1/{denominator} are in {numerator}/{denominator}?",
            f"There are {times} groups of those copies.",
        ),
        _steps(
            f"{numerator}/{denominator} = {numerator} × 1/{denominator}.",
            f"{times} groups of {numerator} copies is {times} × {numerator} = {product} copies.",
            f"So the number is **{product}**.",
        ),
        wrong=(times + numerator, numerator, times * denominator),
    )


_FRACTION_TIMES_SCENES = (
    (
        "Each person at a party will eat {f} pound of pasta. There will be {n} people. How many pounds of pasta are "
        "needed?",
        "pound",
    ),
    ("{who} runs {f} mile every day. How far does {who} run in {n} days?", "mile"),
    ("A recipe uses {f} cup of milk. {who} makes the recipe {n} times. How many cups of milk does {who} use?", "cup"),
    ("Each ribbon is {f} meter long. {who} has {n} ribbons. How many meters of ribbon is that in all?", "meter"),
    ("A plant grows {f} inch each week. How much does it grow in {n} weeks?", "inch"),
)


def _fraction_story(rng: random.Random) -> tuple[str, int, int, int, str]:
    scene, unit = rng.choice(_FRACTION_TIMES_SCENES)
    while True:
        times, numerator, denominator = _whole_times_fraction(rng)
        if (times * numerator) % denominator:
            break
    stem = scene.format(f=f"{numerator}/{denominator}", n=times, who=name(rng))
    return stem, times, numerator, denominator, unit


@template("4.NF.B.4c")
def fraction_times_whole_story(rng: random.Random) -> Problem:
    """A story that multiplies a fraction by a whole number."""
    stem, times, numerator, denominator, unit = _fraction_story(rng)
    product = times * numerator
    value = Fraction(product, denominator)
    shown = f"{_over(product, denominator)} {'inches' if unit == 'inch' and value > 1 else _unit_for(value, unit)}"
    return problem(
        stem,
        numeric(value, display=shown),
        (
            f"There are {times} equal groups of {numerator}/{denominator}, so multiply.",
            "Multiply the numerator by the whole number; keep the denominator.",
        ),
        _steps(
            f"{times} × {numerator}/{denominator} = {product}/{denominator}."
            + (f" That is {_over(product, denominator)}." if product > denominator else ""),
            f"The answer is **{shown}**.",
        ),
        wrong=(Fraction(product, times * denominator), Fraction(times + numerator, denominator), product),
    )


@template("4.NF.B.4c")
def product_between_whole_numbers(rng: random.Random) -> Problem:
    """Between which two whole numbers the answer to a fraction-times-whole story lies."""
    stem, times, numerator, denominator, _ = _fraction_story(rng)
    product = times * numerator
    low = product // denominator
    correct = f"between {low} and {low + 1}"
    options = [
        f"between {low + 1} and {low + 2}",
        f"between {product} and {product + 1}",
        f"between {low - 1} and {low}" if low else f"between {low + 2} and {low + 3}",
    ]
    wrong = [option for option in dict.fromkeys(options) if option != correct]
    return problem(
        f"{stem} Between which two whole numbers is the answer?",
        choice(rng, correct, wrong),
        (
            "Multiply the numerator by the whole number; keep the denominator.",
            f"How many wholes of {denominator}/{denominator} fit in your answer?",
        ),
        _steps(
            f"{times} × {numerator}/{denominator} = {product}/{denominator} = {_over(product, denominator)}.",
            f"{_over(product, denominator)} is more than {low} and less than {low + 1}.",
            f"So the answer is **{correct}**.",
        ),
    )


# ---------------------------------------------------------------------------------------------------------
# 4.NF.C: tenths, hundredths and decimals


@template("4.NF.C.5")
def tenths_as_hundredths(rng: random.Random) -> Problem:
    """Rename tenths as hundredths (or back)."""
    tenths = rng.randint(2, 9)  # with 1 tenth every hint would give the answer away
    if rng.random() < 0.6:
        return problem(
            f"What number goes in place of the ?\n\n{tenths}/10 = ?/100",
            numeric(tenths * 10),
            ("Each tenth is cut into 10 equal hundredths.", "Multiply the numerator and the denominator by 10."),
            _steps(
                "10 × 10 = 100, so each tenth is 10 hundredths.",
                f"{tenths} tenths is {tenths} × 10 = {tenths * 10} hundredths.",
                f"{tenths}/10 = {tenths * 10}/100, so the number is **{tenths * 10}**.",
            ),
            wrong=(tenths, tenths + 90, tenths * 100),
        )
    return problem(
        f"What number goes in place of the ?\n\n?/10 = {tenths * 10}/100",
        numeric(tenths),
        ("10 hundredths make 1 tenth.", "Divide the numerator and the denominator by 10."),
        _steps(
            "10 hundredths make 1 tenth.",
            f"{tenths * 10} hundredths is {tenths * 10} ÷ 10 = {tenths} tenths.",
            f"So the number is **{tenths}**.",
        ),
        wrong=(tenths * 10, tenths * 100, tenths + 1),
    )


def _tenths_plus_hundredths(rng: random.Random) -> tuple[int, int, int]:
    tenths = rng.randint(1, 9)
    hundredths = rng.choice([value for value in range(1, 100 - 10 * tenths) if value % 10])
    return tenths, hundredths, tenths * 10 + hundredths


@template("4.NF.C.5")
def add_tenths_and_hundredths(rng: random.Random) -> Problem:
    """Add a fraction in tenths to one in hundredths."""
    tenths, hundredths, total = _tenths_plus_hundredths(rng)
    order = rng.random() < 0.5
    equation = f"{tenths}/10 + {hundredths}/100" if order else f"{hundredths}/100 + {tenths}/10"
    return problem(
        f"{equation} = ?",
        numeric(Fraction(total, 100), display=f"{total}/100"),
        ("The parts are different sizes. Rename the tenths as hundredths first.", f"{tenths}/10 = ?/100"),
        _steps(
            f"{tenths}/10 = {tenths * 10}/100.",
            f"{tenths * 10}/100 + {hundredths}/100 = {total}/100.",
            f"So {equation} = **{total}/100**.",
        ),
        wrong=(
            Fraction(tenths + hundredths, 100),
            Fraction(tenths + hundredths, 110),
            Fraction(tenths + hundredths, 10),
        ),
    )


_DECIMAL_STORIES = (
    ("A snail crawled {t} meter before lunch and {h} meter after lunch. How far did it crawl in all?", "meter"),
    (
        "{who} poured {t} liter of water into a tank and then {h} liter more. How much water is in the tank now?",
        "liter",
    ),
    (
        "{who} has {t} of a dollar in dimes and {h} of a dollar in pennies. What fraction of a dollar is that?",
        "of a dollar",
    ),
    ("A path is {t} kilometer of gravel and {h} kilometer of sand. How long is the path?", "kilometer"),
)


@template("4.NF.C.5")
def tenths_and_hundredths_story(rng: random.Random) -> Problem:
    """A story that adds tenths and hundredths."""
    scene, unit = rng.choice(_DECIMAL_STORIES)
    tenths, hundredths, total = _tenths_plus_hundredths(rng)
    shown = f"{total}/100 {unit}"
    return problem(
        scene.format(t=f"{tenths}/10", h=f"{hundredths}/100", who=name(rng)),
        numeric(Fraction(total, 100), display=shown),
        ("Rename the tenths as hundredths so both amounts have the same denominator.", "Then add the numerators."),
        _steps(
            f"{tenths}/10 = {tenths * 10}/100.",
            f"{tenths * 10}/100 + {hundredths}/100 = {total}/100.",
            f"The answer is **{shown}**.",
        ),
        wrong=(Fraction(tenths + hundredths, 100), Fraction(tenths + hundredths, 110)),
    )


@template("4.NF.C.6")
def fraction_to_decimal(rng: random.Random) -> Problem:
    """Which decimal names a fraction (or mixed number) with denominator 10 or 100."""
    whole = rng.choice((0, 0, 0, rng.randint(1, 5)))
    if rng.random() < 0.4:
        tenths = rng.randint(1, 9)
        value, fraction_part, place = whole + Fraction(tenths, 10), f"{tenths}/10", "tenths"
        correct = decimal_text(value, 1)
        wrong = [
            decimal_text(whole + Fraction(tenths, 100), 2),
            decimal_text(Fraction(tenths, 10), 1) if whole else f"{tenths}.10",
        ]
    else:
        hundredths = rng.choice([number for number in range(1, 100) if number % 10])
        value, fraction_part, place = whole + Fraction(hundredths, 100), f"{hundredths}/100", "hundredths"
        correct = decimal_text(value, 2)
        wrong = [decimal_text(whole + Fraction(hundredths, 10)), decimal_text(whole + Fraction(hundredths, 1000), 3)]
        if whole:
            wrong.append(decimal_text(Fraction(hundredths, 100), 2))
    fraction_text = f"{whole} {fraction_part}" if whole else fraction_part
    wrong = [option for option in dict.fromkeys(wrong) if Decimal(option) != Decimal(correct)]
    context = rng.randrange(3)
    stem = (
        f"A ribbon is {fraction_text} meter{'s' if whole else ''} long. Which decimal names that length in meters?"
        if context == 0
        else f"A bottle holds {fraction_text} liter{'s' if whole else ''}. Which decimal names that amount in liters?"
        if context == 1
        else f"Which decimal is equal to {fraction_text}?"
    )
    return problem(
        stem,
        choice(rng, correct, wrong),
        (
            "The first place after the decimal point is tenths; the second is hundredths.",
            f"The fraction counts {place}, so its last digit goes in the {place} place.",
        ),
        _steps(
            *(
                [f"{fraction_text} is {whole} and {fraction_part}; write {whole} before the decimal point."]
                if whole
                else ["There are no wholes, so write 0 before the decimal point."]
            ),
            f"Write the {place} so the last digit is in the {place} place: **{correct}**.",
        ),
    )


@template("4.NF.C.6")
def decimal_to_fraction(rng: random.Random) -> Problem:
    """Which fraction (denominator 10 or 100) names a decimal."""
    whole = rng.choice((0, 0, rng.randint(1, 4)))
    prefix = f"{whole} " if whole else ""
    if rng.random() < 0.4:
        tenths = rng.randint(1, 9)
        decimal_value = decimal_text(whole + Fraction(tenths, 10), 1)
        correct = f"{prefix}{tenths}/10"
        wrong = [f"{prefix}{tenths}/100", f"{tenths}/10" if whole else f"10/{tenths}"]
        reason = f"The last digit, {tenths}, is in the tenths place, so {decimal_value} counts tenths"
    else:
        hundredths = rng.choice([number for number in range(1, 100) if number % 10])
        decimal_value = decimal_text(whole + Fraction(hundredths, 100), 2)
        correct = f"{prefix}{hundredths}/100"
        wrong = [
            f"{prefix}{hundredths}/10",
            f"{prefix}{hundredths // 10}/10" if hundredths >= 10 else f"{prefix}{hundredths * 10}/100",
            f"{hundredths}/100" if whole else f"100/{hundredths}",
        ]
        reason = f"The last digit is in the hundredths place, so {decimal_value} counts hundredths"
    value = Fraction(Decimal(decimal_value))
    wrong = [option for option in dict.fromkeys(wrong) if _fraction_value(option) != value]
    return problem(
        f"Which fraction is equal to {decimal_value}?",
        choice(rng, correct, wrong),
        (
            "Read the decimal aloud, using the name of the place of its last digit.",
            "The first place after the decimal point is tenths; the second is hundredths.",
        ),
        _steps(f"{reason}.", f"So {decimal_value} = **{correct}**."),
    )


def _fraction_value(text_value: str) -> Fraction:
    """The value of a fraction or mixed number written as text ("2 7/100")."""
    return sum((Fraction(part) for part in text_value.split()), Fraction(0))


def _decimal_line(start: Fraction, step: Fraction, point: Fraction) -> str:
    """A number line with 10 equal steps from `start`, its ends labelled as decimals and point A marked."""
    svg = Svg(520, 100)
    left, right, baseline = 40, 480, 60
    scale = (right - left) / 10
    svg.line(left - 14, baseline, right + 14, baseline)
    for index in range(11):
        x = left + index * scale
        svg.line(x, baseline - (10 if index in (0, 10) else 7), x, baseline + (10 if index in (0, 10) else 7))
    end = start + 10 * step
    places = 0 if step == Fraction(1, 10) else 2
    start_text, end_text = decimal_text(start, places), decimal_text(end, places)
    svg.text(left, baseline + 28, start_text, size=14)
    svg.text(right, baseline + 28, end_text, size=14)
    x_point = left + float((point - start) / step) * scale
    svg.circle(x_point, baseline, 6, fill=SHADE)
    svg.text(x_point, baseline - 14, "A", size=14, weight="bold")
    return svg.render(
        f"A number line from {start_text} to {end_text} split into 10 equal parts by tick marks; "
        f"point A is on one of the tick marks"
    )


@template("4.NF.C.6")
def decimal_on_a_number_line(rng: random.Random) -> Problem:
    """The decimal at a marked point of a number line in tenths or hundredths."""
    if rng.random() < 0.5:
        start, step = Fraction(rng.randint(0, 3)), Fraction(1, 10)
        places, unit = 1, "tenths"
    else:
        start, step = Fraction(rng.randint(0, 9), 10), Fraction(1, 100)
        places, unit = 2, "hundredths"
    ticks = rng.randint(1, 9)
    point = start + ticks * step
    shown = decimal_text(point, places)
    start_text = decimal_text(start, 0 if places == 1 else 2)
    # Misreading the parts as the other size, counting parts only, or one tick off.
    misread = start + ticks * step / 10 if unit == "tenths" else start + ticks * step * 10
    wrong = (misread, ticks * step if start else Fraction(ticks), point + step)
    return problem(
        "What decimal names point A on the number line?",
        numeric(Decimal(shown), display=shown),
        (
            "The line is split into 10 equal parts. What is each part worth?",
            f"Each part is one of the {unit}. Count the parts from {start_text} to point A.",
        ),
        _steps(
            f"The line goes from {start_text} in 10 equal parts, so each part is {decimal_text(step)}.",
            f"Point A is {ticks} parts after {start_text}: {start_text} + {ticks} × {decimal_text(step)}.",
            f"Point A is at **{shown}**.",
        ),
        wrong=wrong,
        figure=_decimal_line(start, step, point),
    )


def _decimal_pair(rng: random.Random, most: int = 9) -> tuple[Fraction, Fraction]:
    """Two decimals to hundredths below `most` + 1, often built on a classic trap (more digits is not more)."""
    whole = rng.choice((0, 0, 0, rng.randint(1, most)))
    kind = rng.randrange(4)
    tenths = rng.randint(1, 9)
    if kind == 0:  # 0.5 and 0.45: the longer one is smaller
        first = whole + Fraction(tenths, 10)
        second = whole + Fraction(rng.randint(max(1, tenths - 1) * 10 - 9, tenths * 10 - 1), 100)
    elif kind == 1:  # 0.3 and 0.30
        first = second = whole + Fraction(tenths, 10)
    elif kind == 2:  # 0.07 and 0.7
        first, second = whole + Fraction(tenths, 100), whole + Fraction(tenths, 10)
    else:  # the same tenths: compare the hundredths
        first, second = (whole + Fraction(tenths * 10 + hundredths, 100) for hundredths in rng.sample(range(1, 10), 2))
    return (first, second) if rng.random() < 0.5 else (second, first)


def _decimal_places(value: Fraction, places: int | None = None) -> str:
    """A decimal with as many places as it needs (at least one), or `places`."""
    return decimal_text(value, places or (1 if (value * 10).denominator == 1 else 2))


@template("4.NF.C.7")
def compare_decimals(rng: random.Random) -> Problem:
    """Compare two decimals to hundredths with <, > or =."""
    first, second = _decimal_pair(rng)
    left = _decimal_places(first)
    right = _decimal_places(second, 2 if first == second else None)
    answer = comparison(first, second)
    return problem(
        f"Compare. Write <, > or =.\n\n{left} ? {right}",
        answer,
        (
            "Write both decimals with two digits after the decimal point, so both count hundredths.",
            "A longer decimal is not always a greater one.",
        ),
        _steps(
            f"In hundredths: {left} = {decimal_text(first, 2)} and {right} = {decimal_text(second, 2)}."
            if left != decimal_text(first, 2) or right != decimal_text(second, 2)
            else f"Both decimals already show hundredths: {left} and {right}.",
            f"Compare {int(first * 100)} hundredths with {int(second * 100)} hundredths.",
            f"So {left} **{answer.display}** {right}.",
        ),
    )


# (what the first did, what the second did, the question, the "same" answer, the largest whole number)
_DECIMAL_RACE_SCENES = (
    ("ran {a} km", "ran {b} km", "ran farther", "ran the same distance", 9),
    ("poured {a} of juice", "poured {b} of juice", "poured more juice", "poured the same amount", 2),
    (
        "grew a sunflower {a} tall",
        "grew one {b} tall",
        "grew the taller sunflower",
        "grew sunflowers of the same height",
        2,
    ),
)


@template("4.NF.C.7")
def compare_decimals_in_a_story(rng: random.Random) -> Problem:
    """A story comparing two decimal measurements of the same unit."""
    first_name, second_name = names(rng, 2)
    did, other, question, same_text, most = rng.choice(_DECIMAL_RACE_SCENES)
    first, second = _decimal_pair(rng, most)
    a_text = _decimal_places(first)
    b_text = _decimal_places(second, 2 if first == second else None)
    unit = "liter" if "juice" in did else "meter" if "sunflower" in did else ""
    if unit:
        a_text = f"{a_text} {unit}{'s' if first > 1 else ''}"
        b_text = f"{b_text} {unit}{'s' if second > 1 else ''}"
    same = f"They {same_text}."
    correct = first_name if first > second else second_name if second > first else same
    return problem(
        f"{first_name} {did.format(a=a_text)}. {second_name} {other.format(b=b_text)}. Who {question}?",
        choice(rng, correct, [option for option in (first_name, second_name, same) if option != correct]),
        ("Write both decimals with two digits after the decimal point.", "Then compare the hundredths."),
        _steps(
            f"In hundredths: {decimal_text(first, 2)} and {decimal_text(second, 2)}.",
            f"Compare {int(first * 100)} hundredths with {int(second * 100)} hundredths.",
            f"So **{correct}**" + (f" {question}." if correct != same else ""),
        ),
    )


@template("4.NF.C.7")
def greatest_decimal(rng: random.Random) -> Problem:
    """Which of four decimals to hundredths is the greatest (or least)."""
    tenths = rng.randint(2, 8)
    values = {
        Fraction(tenths, 10),
        Fraction(tenths * 10 - rng.randint(1, 9), 100),
        Fraction(tenths, 100),
        Fraction(tenths * 10 + rng.randint(1, 9), 100),
    }
    ordered = sorted(values)
    greatest = rng.random() < 0.6
    correct = ordered[-1] if greatest else ordered[0]
    texts = {value: _decimal_places(value) for value in ordered}
    word = "greatest" if greatest else "least"
    shuffled = list(ordered)
    rng.shuffle(shuffled)
    return problem(
        f"Which decimal is the {word}: {_or_list(texts[value] for value in shuffled)}?",
        choice(rng, texts[correct], [texts[value] for value in ordered if value != correct]),
        (
            "Write every decimal with two digits after the decimal point.",
            "Compare the tenths first, then the hundredths.",
        ),
        _steps(
            "In hundredths: " + ", ".join(f"{texts[value]} = {decimal_text(value, 2)}" for value in ordered) + ".",
            f"The {word} is **{texts[correct]}**.",
        ),
    )


# ---------------------------------------------------------------------------------------------------------
# 4.MD.A: conversions, measurement word problems, area and perimeter

# (larger unit, its plural, smaller unit plural, how many smaller units make one larger, "as long as" word)
_CONVERSIONS = (
    ("kilometer", "kilometers", "meters", 1000, "long"),
    ("meter", "meters", "centimeters", 100, "long"),
    ("kilogram", "kilograms", "grams", 1000, "heavy"),
    ("pound", "pounds", "ounces", 16, "heavy"),
    ("liter", "liters", "milliliters", 1000, "much"),
    ("hour", "hours", "minutes", 60, "long"),
    ("minute", "minutes", "seconds", 60, "long"),
    ("foot", "feet", "inches", 12, "long"),
    ("yard", "yards", "feet", 3, "long"),
)


@template("4.MD.A.1")
def convert_to_smaller_unit(rng: random.Random) -> Problem:
    """Express a measurement in a larger unit (sometimes with a smaller-unit part) in the smaller unit."""
    unit, units, small, factor, _ = rng.choice(_CONVERSIONS)
    count = rng.randint(2, 9 if factor >= 100 else 12)
    extra = rng.randint(1, factor - 1) if rng.random() < 0.4 else 0
    if extra and factor >= 100:
        extra = rng.randint(1, factor // 10 - 1) * 10
    answer = count * factor + extra
    given = f"{count} {units}" + (f" {extra} {small}" if extra else "")
    wrong = [
        count * factor if extra else count + factor,
        count * 100 + extra if factor == 60 else count * 10 + extra,
        count * factor * 10 + extra,
    ]
    return problem(
        f"{given} = ? {small}",
        numeric(answer, display=f"{_n(answer)} {small}"),
        (
            f"How many {small} are in 1 {unit}?",
            f"Multiply the number of {units} by that number." + (f" Then add the other {small}." if extra else ""),
        ),
        _steps(
            f"1 {unit} = {_n(factor)} {small}.",
            f"{count} × {_n(factor)} = {_n(count * factor)} {small}."
            + (f" Add {extra}: {_n(count * factor)} + {extra} = {_n(answer)}." if extra else ""),
            f"So {given} = **{_n(answer)} {small}**.",
        ),
        wrong=wrong,
    )


@template("4.MD.A.1")
def conversion_table(rng: random.Random) -> Problem:
    """Complete a two-column conversion table from a larger unit to a smaller one."""
    unit, units, small, factor, _ = rng.choice(_CONVERSIONS)
    first = rng.randint(1, 6)
    rows = list(range(first, first + 5))
    missing = rng.randint(1, 4)
    lines = [f"| {units.capitalize()} | {small.capitalize()} |", "|---|---|"]
    lines += [f"| {row} | {'?' if index == missing else _n(row * factor)} |" for index, row in enumerate(rows)]
    table = "\n".join(lines)
    row = rows[missing]
    return problem(
        f"The table shows measurements in {units} and the same measurements in {small}. What number goes in place "
        f"of the ?\n\n{table}",
        numeric(row * factor, display=_n(row * factor)),
        (f"How many {small} does each row add?", f"1 {unit} is how many {small}?"),
        _steps(
            f"1 {unit} = {_n(factor)} {small}, so each number of {small} is the number of {units} × {_n(factor)}.",
            f"{row} × {_n(factor)} = **{_n(row * factor)}**.",
        ),
        wrong=((row - 1) * factor + 1, row + factor, (row + 1) * factor),
    )


@template("4.MD.A.1")
def compare_measurements(rng: random.Random) -> Problem:
    """Compare a measurement in a larger unit with one in a smaller unit."""
    unit, units, small, factor, _ = rng.choice(_CONVERSIONS)
    count = rng.randint(2, 9)
    converted = count * factor
    other = converted + rng.choice((-1, 0, 1)) * rng.randint(1, max(1, factor // 2))
    if factor >= 100 and other != converted:
        other = converted + rng.choice((-1, 1)) * rng.randint(1, factor // 10) * 10
    answer = comparison(converted, other)
    return problem(
        f"Compare. Write <, > or =.\n\n{count} {units} ? {_n(other)} {small}",
        answer,
        (f"Change {count} {units} to {small} first.", f"1 {unit} = ? {small}"),
        _steps(
            f"1 {unit} = {_n(factor)} {small}, so {count} {units} = {count} × {_n(factor)} = {_n(converted)} {small}.",
            f"Compare {_n(converted)} and {_n(other)}.",
            f"So {count} {units} **{answer.display}** {_n(other)} {small}.",
        ),
    )


@template("4.MD.A.1")
def relative_size_of_units(rng: random.Random) -> Problem:
    """How many times as long (heavy, much) one unit is as a smaller unit of the same system."""
    unit, units, small, factor, word = rng.choice(_CONVERSIONS)
    small_one = {
        "meters": "meter",
        "centimeters": "centimeter",
        "grams": "gram",
        "ounces": "ounce",
        "milliliters": "milliliter",
        "minutes": "minute",
        "seconds": "second",
        "inches": "inch",
        "feet": "foot",
    }[small]
    holds = "holds" if word == "much" else "is"
    question = "as much as" if word == "much" else f"as {word} as"
    return problem(
        f"1 {unit} {holds} how many times {question} 1 {small_one}?",
        numeric(factor, display=_n(factor)),
        (f"How many {small} make 1 {unit}?", "Think of a measurement you know, like a ruler or a clock."),
        _steps(
            f"1 {unit} = {_n(factor)} {small}.", f"So 1 {unit} {holds} **{_n(factor)}** times {question} 1 {small_one}."
        ),
        wrong=tuple(value for value in (10, 100, 1000, 12, 60) if value != factor)[:3],
        difficulty=INTRODUCTORY,
    )


_BUY_THINGS = ("notebooks", "sandwiches", "comic books", "bottles of juice", "packs of markers")


@template("4.MD.A.2")
def money_change(rng: random.Random) -> Problem:
    """Buy several items at a decimal price and find the change."""
    who, thing = name(rng), rng.choice(_BUY_THINGS)
    count = rng.randint(2, 4)
    bill = rng.choice((10, 20))
    cents = rng.randrange(105, bill * 100 // count - 20, 5)
    price = Decimal(cents) / 100
    total = price * count
    change = bill - total
    return problem(
        f"{who} buys {count} {thing} that cost {_money(price)} each and pays with a ${bill} bill. How much change "
        f"does {who} get?",
        numeric(change, display=_money(change)),
        (f"First find the cost of all the {thing}.", f"Then subtract that cost from ${bill}."),
        _steps(
            f"{count} × {_money(price)} = {_money(total)}.",
            f"${bill}.00 − {_money(total)} = {_money(change)}.",
            f"The change is **{_money(change)}**.",
        ),
        wrong=(total, bill - price, change + 1),
    )


@template("4.MD.A.2")
def time_in_minutes(rng: random.Random) -> Problem:
    """Add or subtract time intervals given in hours and minutes, answering in minutes."""
    who = name(rng)
    hours = rng.randint(1, 2)
    minutes = rng.randrange(5, 60, 5)
    hour_text = f"{hours} hour{'s' if hours > 1 else ''} {minutes} minutes"
    if rng.random() < 0.5:
        more = rng.randrange(10, 60, 5)
        answer = hours * 60 + minutes + more
        stem = (
            f"{who} practiced piano for {hour_text} on Monday and {more} minutes on Tuesday. How many minutes "
            f"did {who} practice in all?"
        )
        last = f"{hours * 60 + minutes} + {more} = {answer}"
        wrong = (hours * 100 + minutes + more, minutes + more, hours + minutes + more)
    else:
        watched = rng.randrange(10, hours * 60 + minutes - 5, 5)
        answer = hours * 60 + minutes - watched
        stem = (
            f"A movie is {hour_text} long. {who} has watched {watched} minutes of it. How many minutes of the "
            f"movie are left?"
        )
        last = f"{hours * 60 + minutes} − {watched} = {answer}"
        wrong = (hours * 100 + minutes - watched, hours * 60 - watched, hours * 60 + minutes + watched)
    return problem(
        stem,
        numeric(answer, display=f"{answer} minutes"),
        ("Change the hours to minutes first.", "1 hour = 60 minutes, not 100 minutes."),
        _steps(
            f"{hour_text} = {hours} × 60 + {minutes} = {hours * 60 + minutes} minutes.",
            f"{last}.",
            f"The answer is **{answer} minutes**.",
        ),
        wrong=wrong,
    )


_PORTION_SCENES = (
    (
        "A pitcher holds {big} liters of lemonade. Each glass holds {size} milliliters. How many glasses can be "
        "filled?",
        "liter",
        "milliliters",
        "glasses",
    ),
    (
        "A bag holds {big} kilograms of rice. {who} puts all of it into small bags of {size} grams each. How many "
        "small bags does {who} fill?",
        "kilogram",
        "grams",
        "small bags",
    ),
    (
        "A roll has {big} meters of ribbon. {who} cuts it into pieces {size} centimeters long. How many pieces does "
        "{who} get?",
        "meter",
        "centimeters",
        "pieces",
    ),
)


@template("4.MD.A.2")
def share_a_measurement(rng: random.Random) -> Problem:
    """Divide a liquid volume, mass or length in a larger unit into portions given in a smaller unit."""
    scene, unit, small, things = rng.choice(_PORTION_SCENES)
    factor = 100 if small == "centimeters" else 1000
    big = rng.randint(2, 5)
    size = rng.choice((20, 25, 50) if factor == 100 else (100, 125, 200, 250, 500))
    answer = big * factor // size
    return problem(
        scene.format(big=big, size=size, who=name(rng)),
        numeric(answer, display=f"{answer} {things}"),
        (f"Change {big} {unit}s to {small} first.", f"Then find how many groups of {size} fit in that amount."),
        _steps(
            f"1 {unit} = {_n(factor)} {small}, so {big} {unit}s = {_n(big * factor)} {small}.",
            f"{_n(big * factor)} ÷ {size} = {answer}.",
            f"The answer is **{answer} {things}**.",
        ),
        wrong=(factor // size, big * size, answer + big),
    )


@template("4.MD.A.2")
def distance_difference(rng: random.Random) -> Problem:
    """Compare two distances, one given in kilometers and meters, in meters."""
    first, second = names(rng, 2)
    kilometers, meters = rng.randint(1, 4), rng.randrange(50, 1000, 50)
    longer = kilometers * 1000 + meters
    shorter = rng.randrange(max(100, longer - 1500), longer - 50, 10)
    answer = longer - shorter
    return problem(
        f"{first} ran {kilometers} km {meters} m. {second} ran {_n(shorter)} m. How many more meters did {first} "
        f"run than {second}?",
        numeric(answer, display=f"{_n(answer)} m"),
        ("Write both distances in meters first.", "1 km = 1,000 m."),
        _steps(
            f"{kilometers} km {meters} m = {_n(kilometers * 1000)} m + {meters} m = {_n(longer)} m.",
            f"{_n(longer)} − {_n(shorter)} = {_n(answer)}.",
            f"{first} ran **{_n(answer)} m** more.",
        ),
        wrong=(longer + shorter, abs(kilometers * 100 + meters - shorter), answer + 1000),
    )


_RECTANGLE_THINGS = (
    ("garden", "feet"),
    ("rug", "feet"),
    ("classroom floor", "meters"),
    ("poster", "inches"),
    ("patio", "yards"),
    ("playground", "meters"),
    ("photo", "centimeters"),
)


def _rectangle_case(rng: random.Random) -> tuple[str, str, int, int]:
    thing, unit = rng.choice(_RECTANGLE_THINGS)
    length = rng.randint(5, 25)
    width = rng.choice([value for value in range(3, 16) if value != length])
    return thing, unit, max(length, width), min(length, width)


def _rectangle_figure(length_label: str, width_label: str, length: int, width: int) -> str:
    return figures.rectangle(length_label, width_label, ratio=max(1.1, min(2.6, length / width)))


@template("4.MD.A.3")
def rectangle_area(rng: random.Random) -> Problem:
    """The area of a rectangle from its length and width."""
    thing, unit, length, width = _rectangle_case(rng)
    area = length * width
    return problem(
        f"A rectangular {thing} is {length} {unit} long and {width} {unit} wide. What is its area?",
        numeric(area, display=f"{area} square {unit}"),
        ("Area is the number of unit squares that cover the shape.", "Area of a rectangle = length × width."),
        _steps("Area = length × width.", f"{length} × {width} = {area}.", f"The area is **{area} square {unit}**."),
        wrong=(2 * (length + width), length + width, area + length),
        figure=_rectangle_figure(f"{length} {unit}", f"{width} {unit}", length, width),
    )


@template("4.MD.A.3")
def rectangle_perimeter(rng: random.Random) -> Problem:
    """The perimeter of a rectangle from its length and width."""
    thing, unit, length, width = _rectangle_case(rng)
    perimeter = 2 * length + 2 * width
    fence = {"garden": "a fence around the garden", "playground": "a fence around the playground"}.get(thing)
    ask = f"How many {unit} of fencing are needed for {fence}?" if fence else "What is its perimeter?"
    return problem(
        f"A rectangular {thing} is {length} {unit} long and {width} {unit} wide. {ask}",
        numeric(perimeter, display=f"{perimeter} {unit}"),
        ("Perimeter is the distance all the way around.", "A rectangle has two lengths and two widths."),
        _steps(
            "Perimeter = 2 × length + 2 × width.",
            f"2 × {length} + 2 × {width} = {2 * length} + {2 * width} = {perimeter}.",
            f"The perimeter is **{perimeter} {unit}**.",
        ),
        wrong=(length * width, length + width, 2 * length + width),
        figure=_rectangle_figure(f"{length} {unit}", f"{width} {unit}", length, width),
    )


@template("4.MD.A.3")
def side_from_area(rng: random.Random) -> Problem:
    """The unknown side of a rectangle from its area and the other side."""
    thing, unit, length, width = _rectangle_case(rng)
    area = length * width
    return problem(
        f"A rectangular {thing} has an area of {area} square {unit}. It is {length} {unit} long. How wide is it?",
        numeric(width, display=f"{width} {unit}"),
        ("Area = length × width. Which factor is missing?", f"{length} × ? = {area}"),
        _steps(
            f"Area = length × width, so {length} × w = {area}.",
            f"w = {area} ÷ {length} = {width}.",
            f"The {thing} is **{width} {unit}** wide.",
        ),
        wrong=(area - length, area // 2 - length, width + 1),
        figure=_rectangle_figure(f"{length} {unit}", "?", length, width),
    )


@template("4.MD.A.3")
def side_from_perimeter(rng: random.Random) -> Problem:
    """The unknown side of a rectangle from its perimeter and the other side."""
    thing, unit, length, width = _rectangle_case(rng)
    perimeter = 2 * (length + width)
    return problem(
        f"A rectangular {thing} has a perimeter of {perimeter} {unit}. It is {length} {unit} long. How wide is it?",
        numeric(width, display=f"{width} {unit}"),
        (
            "The perimeter is two lengths and two widths added together.",
            f"Take away both lengths from {perimeter}. What is left is two widths.",
        ),
        _steps(
            f"2 × {length} + 2 × w = {perimeter}.",
            f"{perimeter} − {2 * length} = {perimeter - 2 * length}, which is two widths.",
            f"{perimeter - 2 * length} ÷ 2 = {width}. The {thing} is **{width} {unit}** wide.",
        ),
        wrong=(perimeter - length, perimeter - 2 * length, perimeter // 2),
        figure=_rectangle_figure(f"{length} {unit}", "?", length, width),
    )


# ---------------------------------------------------------------------------------------------------------
# 4.MD.B.4: line plots in eighths

_LINE_PLOT_THINGS = (
    ("beetles", "Beetle lengths (inches)", 0),
    ("leaves", "Leaf lengths (inches)", 2),
    ("shells", "Shell lengths (inches)", 1),
    ("crayons", "Crayon lengths (inches)", 3),
)


def _inches(value: Fraction) -> str:
    return f"{mixed(value)} {'inch' if value <= 1 else 'inches'}"


def _line_plot_data(rng: random.Random) -> tuple[str, str, int, dict[Fraction, int]]:
    things, title, base = rng.choice(_LINE_PLOT_THINGS)
    eighths = rng.sample(range(1 if base == 0 else 0, 9), rng.randint(4, 6))
    counts = {base + Fraction(eighth, 8): rng.randint(1, 4) for eighth in eighths}
    return things, title, base, counts


def _line_plot_figure(title: str, base: int, counts: dict[Fraction, int]) -> str:
    values = [value for value, count in counts.items() for _ in range(count)]
    return figures.line_plot(values, start=base, end=base + 1, step=Fraction(1, 8), title=title, unit="in")


@template("4.MD.B.4")
def line_plot_longest_minus_shortest(rng: random.Random) -> Problem:
    """The difference between the longest and shortest measurements on a line plot in eighths."""
    things, title, base, counts = _line_plot_data(rng)
    longest, shortest = max(counts), min(counts)
    difference = longest - shortest
    eighths = int(difference * 8)
    shown = f"{_over(eighths, 8)} {'inch' if eighths <= 8 else 'inches'}"
    return problem(
        f"The line plot shows the lengths of some {things}. How much longer is the longest one than the shortest one?",
        numeric(difference, display=shown),
        (
            "Find the X farthest to the right and the X farthest to the left.",
            "Subtract the shortest length from the longest. Count eighths if it helps.",
        ),
        _steps(
            f"The longest is {_inches(longest)}; the shortest is {_inches(shortest)}.",
            f"From {mixed(shortest)} to {mixed(longest)} is {eighths} steps of 1/8 on the scale: "
            f"{mixed(longest)} − {mixed(shortest)} = {eighths}/8.",
            f"The difference is **{shown}**.",
        ),
        wrong=(longest + shortest, longest, Fraction(int(difference * 8))),
        figure=_line_plot_figure(title, base, counts),
    )


@template("4.MD.B.4")
def line_plot_total_of_a_value(rng: random.Random) -> Problem:
    """The total length of all the measurements at one value of a line plot."""
    things, title, base, counts = _line_plot_data(rng)
    value = rng.choice([value for value, count in counts.items() if count >= 2] or list(counts))
    count = counts[value]
    total = count * value
    who = name(rng)
    return problem(
        f"The line plot shows the lengths of some {things}. {who} lines up all the {things} that are "
        f"{_inches(value)} long, end to end. How long is the line?",
        numeric(total, display=_inches(total)),
        (f"How many X marks are above {mixed(value)}?", "Add that length once for each X, or multiply."),
        _steps(
            f"There are {count} X marks above {mixed(value)}.",
            f"Add {mixed(value)} {count} times: {count} × {value.numerator}/{value.denominator} = "
            f"{count * value.numerator}/{value.denominator} = {mixed(total)}."
            if count > 1
            else "There is only one, so the line is as long as that one.",
            f"The line is **{_inches(total)}** long.",
        ),
        wrong=(value if count > 1 else value + 1, (count + 1) * value, count + value),
        figure=_line_plot_figure(title, base, counts),
    )


@template("4.MD.B.4", difficulty=STRETCH)
def line_plot_from_data(rng: random.Random) -> Problem:
    """Plotting data given in eighths, fourths and halves: how many X marks go above an eighths mark."""
    target_eighths = rng.choice((2, 4, 6))
    target = Fraction(target_eighths, 8)
    as_eighths, simplified = rng.randint(1, 3), rng.randint(1, 3)
    data = [f"{target_eighths}/8"] * as_eighths + [mixed(target)] * simplified
    for _ in range(rng.randint(4, 7)):
        eighths = rng.choice([value for value in range(1, 9) if value != target_eighths])
        data.append(mixed(Fraction(eighths, 8)) if rng.random() < 0.5 else f"{eighths}/8")
    rng.shuffle(data)
    total = as_eighths + simplified
    thing = rng.choice(("pencil stubs", "worms", "ribbon scraps", "seed pods"))
    return problem(
        f"{name(rng)} measured some {thing}, in inches: {', '.join(data)}. On a line plot with a scale marked in "
        f"eighths of an inch, how many X marks go above {target_eighths}/8?",
        numeric(total),
        (
            "Some lengths are written in fourths or halves. Rename them in eighths.",
            f"Which lengths are equal to {target_eighths}/8?",
        ),
        _steps(
            f"{mixed(target)} = {target_eighths}/8.",
            f"The list has {as_eighths} written as {target_eighths}/8 and {simplified} written as {mixed(target)}.",
            f"So **{total}** X marks go above {target_eighths}/8.",
        ),
        wrong=(as_eighths, simplified, len(data)),
    )


# ---------------------------------------------------------------------------------------------------------
# 4.MD.C: angles

_CIRCLE_FRACTIONS = tuple(
    Fraction(numerator, denominator)
    for numerator, denominator in (
        (1, 2),
        (1, 3),
        (1, 4),
        (1, 5),
        (1, 6),
        (1, 8),
        (1, 10),
        (1, 12),
        (2, 3),
        (3, 4),
        (3, 8),
        (5, 6),
        (5, 12),
        (3, 10),
        (2, 5),
        (7, 12),
        (5, 8),
    )
)


def _degrees(value: int) -> Answer:
    return numeric(value, display=f"{value}°")


@template("4.MD.C.5a")
def circle_fraction_to_degrees(rng: random.Random) -> Problem:
    """The measure of an angle that turns through a fraction of a circle."""
    part = rng.choice(_CIRCLE_FRACTIONS)
    measure = int(360 * part)
    one_part = 360 // part.denominator
    # The turn of one part only, a circle taken as 100 or 180 degrees, or the rest of the circle.
    wrong = [one_part] + [value for value in (100 * part, 180 * part) if value.denominator == 1] + [360 - measure]
    return problem(
        f"An angle turns through {mixed(part)} of a full circle. What is the measure of the angle in degrees?",
        _degrees(measure),
        ("A full turn around a circle is 360 one-degree angles.", f"Find 1/{part.denominator} of 360 first."),
        _steps(
            f"1/{part.denominator} of 360° is 360 ÷ {part.denominator} = {one_part}°.",
            f"{mixed(part)} is {part.numerator} × {one_part}° = {measure}°."
            if part.numerator > 1
            else f"So the angle is {one_part}°.",
            f"The angle measures **{measure}°**.",
        ),
        wrong=wrong,
    )


@template("4.MD.C.5a")
def degrees_to_circle_fraction(rng: random.Random) -> Problem:
    """What fraction of a full circle an angle of a given measure turns through."""
    part = rng.choice(_CIRCLE_FRACTIONS)
    measure = int(360 * part)
    return problem(
        f"An angle measures {measure}°. What fraction of a full circle does it turn through?",
        numeric(part, display=mixed(part)),
        ("A full circle is 360°.", f"Write the fraction {measure}/360, then simplify it if you can."),
        _steps(
            f"The angle is {measure} of the 360 one-degree angles in a circle: {measure}/360.",
            f"{measure}/360 = **{mixed(part)}**.",
        ),
        wrong=(Fraction(measure, 100), Fraction(measure, 180), Fraction(1, measure)),
    )


@template("4.MD.C.5a")
def minute_hand_turn(rng: random.Random) -> Problem:
    """How many degrees a clock's minute hand turns in some minutes."""
    minutes = rng.randrange(5, 60, 5)
    measure = 6 * minutes
    part = Fraction(minutes, 60)
    if rng.random() < 0.5:
        stem = f"How many degrees does the minute hand of a clock turn in {minutes} minutes?"
    else:
        stem = (
            f"The minute hand of a clock points to the 12. It turns until it points to the {minutes // 5}. "
            f"How many degrees does it turn?"
        )
    return problem(
        stem,
        _degrees(measure),
        (
            "In 1 hour the minute hand turns all the way around: 360°.",
            "What fraction of the whole circle does it turn?",
        ),
        _steps(
            f"{minutes} minutes is {minutes}/60 = {mixed(part)} of a full turn.",
            f"{mixed(part)} of 360° = 360 ÷ {part.denominator}"
            + (f" × {part.numerator}" if part.numerator > 1 else "")
            + f" = {measure}°.",
            f"The minute hand turns **{measure}°**.",
        ),
        wrong=(minutes, 360 - measure, 5 * minutes),
    )


@template("4.MD.C.5b", difficulty=INTRODUCTORY)
def one_degree_turns(rng: random.Random) -> Problem:
    """An angle that turns through n one-degree angles measures n degrees."""
    count = rng.randint(5, 175)
    if rng.random() < 0.5:
        stem = (
            f"A sprinkler turns through a one-degree angle each time it clicks. It clicks {count} times. Through "
            f"how many degrees has it turned?"
        )
    else:
        stem = f"An angle turns through {count} one-degree angles. What is its measure in degrees?"
    return problem(
        stem,
        _degrees(count),
        ("A one-degree angle measures 1°.", "Each one-degree angle adds 1° to the measure."),
        _steps(f"Each one-degree angle measures 1°, and there are {count} of them.", f"{count} × 1° = **{count}°**."),
        wrong=(360 - count, count + 1, 180 - count if count < 180 else count - 1),
    )


@template("4.MD.C.5b")
def equal_turns_make_an_angle(rng: random.Random) -> Problem:
    """An angle made of several equal angles: its measure in degrees."""
    size = rng.choice((5, 10, 12, 15, 20, 25, 30, 40, 45))
    count = rng.randint(2, 360 // size - 1 if size >= 30 else 9)
    measure = size * count
    scene = rng.choice(
        (
            f"A fan blade turns {size}° at a time. It makes {count} of these turns.",
            f"An angle is made of {count} angles of {size}° each, side by side with no gaps.",
            f"A robot turns {size}° each time it beeps. It beeps {count} times.",
        )
    )
    return problem(
        f"{scene} What is the measure of the total turn?",
        _degrees(measure),
        (f"Each {size}° angle is {size} one-degree angles.", f"Count the one-degree angles in all {count} parts."),
        _steps(
            f"Each part turns through {size} one-degree angles.",
            f"{count} × {size} = {measure} one-degree angles.",
            f"The total turn is **{measure}°**.",
        ),
        wrong=(count + size, size, measure + size),
    )


@template("4.MD.C.5b")
def classify_by_one_degree_angles(rng: random.Random) -> Problem:
    """Classify an angle made of n one-degree angles as acute, right or obtuse."""
    kind = rng.choice((0, 0, 1, 2, 2, 3))
    count = (rng.randint(10, 80), 90, rng.randint(100, 175), 180)[kind]
    correct = ("an acute angle", "a right angle", "an obtuse angle", "a straight angle")[kind]
    return problem(
        f"An angle turns through {count} one-degree angles. What kind of angle is it?",
        choice(
            rng, correct, ["an acute angle", "a right angle", "an obtuse angle", "a straight angle"], keep_order=True
        ),
        (
            "Its measure in degrees is the number of one-degree angles.",
            "Compare the measure with 90° (a square corner) and 180° (a straight line).",
        ),
        _steps(
            f"The angle measures {count}°.",
            (
                "It is less than 90°.",
                "It is exactly 90°.",
                "It is more than 90° and less than 180°.",
                "It is exactly 180°, a straight line.",
            )[kind],
            f"So it is **{correct}**.",
        ),
    )


def _protractor(rays: Sequence[int], *, label: str) -> str:
    """A protractor over an angle: rays from its center at the given inner-scale readings (0 points right)."""
    svg = Svg(440, 240)
    cx, cy, radius = 220, 215, 180
    svg.path(f"M {cx - radius} {cy} A {radius} {radius} 0 0 1 {cx + radius} {cy} Z", fill="#f4f7fb")
    for degree in range(0, 181, 5):
        angle = math.radians(degree)
        length = 12 if degree % 10 == 0 else 7
        svg.line(
            cx + radius * math.cos(angle),
            cy - radius * math.sin(angle),
            cx + (radius - length) * math.cos(angle),
            cy - (radius - length) * math.sin(angle),
            stroke_width=1,
        )
        if degree % 10 == 0:
            for distance, value, colour in ((radius - 24, 180 - degree, INK), (radius - 42, degree, MUTED)):
                lift = 10 if degree in (0, 180) else 0  # keep the end labels off the base line
                svg.text(
                    cx + distance * math.cos(angle),
                    cy - distance * math.sin(angle) + 4 - lift,
                    str(value),
                    size=10,
                    fill=colour,
                )
    for degree in rays:
        angle = math.radians(degree)
        svg.line(
            cx,
            cy,
            cx + (radius + 14) * math.cos(angle),
            cy - (radius + 14) * math.sin(angle),
            stroke=FILL_DARK,
            stroke_width=3,
        )
    svg.circle(cx, cy, 4, fill=INK)
    return svg.render(label)


_PROTRACTOR_SCALES = (
    "The outer scale counts from 0 on the left to 180 on the right; the inner scale counts from 0 "
    "on the right to 180 on the left. Both are marked every 10 degrees."
)


@template("4.MD.C.6")
def read_a_protractor(rng: random.Random) -> Problem:
    """Read an angle's measure on a protractor with one ray on 0 of either scale."""
    measure = rng.choice([value for value in range(15, 170, 5) if value != 90])
    from_right = rng.random() < 0.5
    other = measure if from_right else 180 - measure
    scale = "inner" if from_right else "outer"
    label = (
        f"A protractor centred on the vertex of an angle. {_PROTRACTOR_SCALES} One ray passes through 0 on the "
        f"{scale} scale. The other ray crosses the scales where the inner scale reads {other} and the outer "
        f"scale reads {180 - other}."
    )
    return problem(
        "What is the measure of the angle shown on the protractor?",
        _degrees(measure),
        (
            "Find the ray that passes through 0. Use the scale that starts at 0 on that ray.",
            "Check: is the angle smaller or larger than a square corner (90°)?",
        ),
        _steps(
            f"One ray passes through 0 on the {scale} scale, so read the {scale} scale.",
            f"The other ray crosses the {scale} scale at {measure}.",
            f"The angle is {'less' if measure < 90 else 'more'} than 90°, which agrees. It measures **{measure}°**.",
        ),
        wrong=(180 - measure, measure + 10, measure - 10),
        figure=_protractor([0 if from_right else 180, other], label=label),
    )


@template("4.MD.C.6", difficulty=STRETCH)
def measure_between_two_rays(rng: random.Random) -> Problem:
    """Measure an angle on a protractor when neither ray is on 0."""
    low = rng.randrange(10, 120, 5)
    high = rng.randrange(low + 20, 175, 5)
    measure = high - low
    label = (
        f"A protractor centred on the vertex of an angle. {_PROTRACTOR_SCALES} Neither ray passes through 0. "
        f"On the inner scale, one ray crosses at {low} and the other at {high}."
    )
    return problem(
        "What is the measure of the angle shown on the protractor?",
        _degrees(measure),
        (
            "Neither ray is on 0. Read both rays on the same scale.",
            "The angle is the difference between the two readings.",
        ),
        _steps(
            f"On the inner scale the rays cross at {low} and {high}.",
            f"{high} − {low} = {measure}.",
            f"The angle measures **{measure}°**.",
        ),
        wrong=(high, low + high, 180 - measure),
        figure=_protractor([low, high], label=label),
    )


@template("4.MD.C.6")
def where_to_mark_an_angle(rng: random.Random) -> Problem:
    """Sketching an angle of a given measure: where to mark the second ray on the protractor."""
    measure = rng.choice([value for value in range(20, 165, 5) if value != 90])
    who = name(rng)
    from_right = rng.random() < 0.5
    scale, other = ("inner", "outer") if from_right else ("outer", "inner")
    correct = f"At {measure} on the {scale} scale"
    wrong = [
        f"At {measure} on the {other} scale",
        f"At {180 - measure} on the {scale} scale",
        f"At {measure} on either scale; both give the same angle",
    ]
    label = (
        f"A protractor centred on the endpoint of one ray. {_PROTRACTOR_SCALES} The ray passes through 0 on the "
        f"{scale} scale."
    )
    return problem(
        f"{who} wants to draw a {measure}° angle. {who} draws one ray and puts the protractor's center on its "
        f"endpoint, as shown. Where should {who} make a dot for the second ray?",
        choice(rng, correct, wrong),
        (
            "Use the scale that reads 0 where the first ray is.",
            "Check: should the angle look smaller or larger than a square corner?",
        ),
        _steps(
            f"The ray passes through 0 on the {scale} scale, so count on the {scale} scale.",
            f"A {measure}° angle ends at {measure} on that scale.",
            f"So: **{correct}**.",
        ),
        figure=_protractor([0 if from_right else 180], label=label),
    )


def _angle_parts(parts: Sequence[int], labels: Sequence[str], *, label: str, start: int = 0) -> str:
    """Rays from one vertex splitting an angle into `parts` (degrees, counterclockwise from a ray at `start`
    degrees, 0 pointing right), each part marked with an arc and its label (if any)."""
    total = sum(parts)
    svg = Svg(420, 230)
    vx, vy, radius = (70 if start + total <= 90 else 210), 205, 175
    angles = [start]
    for part in parts:
        angles.append(angles[-1] + part)
    for degree in angles:
        angle = math.radians(degree)
        svg.line(vx, vy, vx + radius * math.cos(angle), vy - radius * math.sin(angle), stroke_width=2.5)
    for index, (part, text_label) in enumerate(zip(parts, labels)):
        start, end = math.radians(angles[index]), math.radians(angles[index + 1])
        arc = 38 + 10 * (index % 2)
        svg.path(
            f"M {vx + arc * math.cos(start):.2f} {vy - arc * math.sin(start):.2f} A {arc} {arc} 0 0 0 "
            f"{vx + arc * math.cos(end):.2f} {vy - arc * math.sin(end):.2f}",
            stroke=FILL_DARK,
            stroke_width=2,
        )
        middle = (start + end) / 2
        distance = 95 if part >= 25 else 120
        if text_label:
            svg.text(
                vx + distance * math.cos(middle),
                vy - distance * math.sin(middle) + 5,
                text_label,
                size=15,
                weight="bold",
            )
    svg.circle(vx, vy, 4, fill=INK)
    return svg.render(label)


def _part_labels(parts: Sequence[int], unknown: int | None) -> list[str]:
    return ["x" if index == unknown else f"{part}°" for index, part in enumerate(parts)]


@template("4.MD.C.7")
def whole_angle_from_parts(rng: random.Random) -> Problem:
    """An angle split into two or three parts of known measure: the measure of the whole angle."""
    count = rng.choice((2, 2, 3))
    parts = [rng.randrange(20, 75, 5) for _ in range(count)]
    total = sum(parts)
    labels = _part_labels(parts, None)
    listed = " and ".join(labels) if count == 2 else f"{labels[0]}, {labels[1]} and {labels[2]}"
    return problem(
        f"An angle is split into {count} angles that measure {listed}, with no gaps or overlaps. What is the "
        f"measure of the whole angle?",
        _degrees(total),
        ("The parts fill the whole angle exactly.", "Add the measures of the parts."),
        _steps(
            f"The whole is the sum of the parts: {' + '.join(str(part) for part in parts)}.",
            f"{' + '.join(str(part) for part in parts)} = {total}.",
            f"The whole angle measures **{total}°**.",
        ),
        wrong=(abs(parts[0] - parts[1]), 180 - total, total - parts[-1]),
        figure=_angle_parts(
            parts, labels, label=f"An angle split by rays from its vertex into {count} parts, marked {listed}"
        ),
    )


@template("4.MD.C.7")
def missing_part_of_an_angle(rng: random.Random) -> Problem:
    """An angle of known measure split into two parts, one known: find the other with an equation."""
    total = rng.randrange(60, 175, 5)
    known = rng.randrange(15, total - 10, 5)
    unknown = total - known
    position = rng.randrange(2)
    parts = [known, unknown] if position == 1 else [unknown, known]
    labels = _part_labels(parts, position)
    return problem(
        f"An angle that measures {total}° is split into two angles. One measures {known}°. Write an equation and "
        f"find x, the measure of the other angle, in degrees.",
        _degrees(unknown),
        ("The two parts together make the whole angle.", f"{known} + x = {total}"),
        _steps(f"{known} + x = {total}.", f"x = {total} − {known} = {unknown}.", f"The other angle is **{unknown}°**."),
        wrong=(total + known, 180 - known, 90 - known if total != 90 else 180 - total),
        figure=_angle_parts(
            parts,
            labels,
            label=f"An angle of {total}° split by a ray into two parts, marked {labels[0]} and {labels[1]}",
        ),
    )


@template("4.MD.C.7")
def angles_in_a_right_or_straight_angle(rng: random.Random) -> Problem:
    """Parts of a right angle or a straight angle: find the unknown part."""
    straight = rng.random() < 0.5
    total = 180 if straight else 90
    count = rng.choice((2, 3)) if straight else 2
    parts = [rng.randrange(20, (70 if straight else 60), 5) for _ in range(count - 1)]
    parts.append(total - sum(parts))
    position = rng.randrange(count)
    parts[position], parts[-1] = parts[-1], parts[position]
    unknown = parts[position]
    labels = _part_labels(parts, position)
    known = [part for index, part in enumerate(parts) if index != position]
    name_of = "a straight angle (a straight line)" if straight else "a right angle"
    return problem(
        f"The angles in the figure together make {name_of}. What is the measure of the angle marked x, in degrees?",
        _degrees(unknown),
        (
            f"{'A straight angle' if straight else 'A right angle'} measures {total}°.",
            f"Write an equation: {' + '.join(str(part) for part in known)} + x = {total}.",
        ),
        _steps(
            f"{' + '.join(str(part) for part in known)} + x = {total}.",
            f"x = {total} − {sum(known)} = {unknown}.",
            f"The angle marked x measures **{unknown}°**.",
        ),
        wrong=(180 - sum(known) if not straight else 90 - sum(known), sum(known), unknown + 10),
        figure=_angle_parts(
            parts,
            labels,
            label=f"{name_of.capitalize()} split by rays from its vertex into "
            f"{count} angles, marked {', '.join(labels)}",
        ),
    )


# ---------------------------------------------------------------------------------------------------------
# 4.G.A: lines, angles, classifying shapes, symmetry

_POINT_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def _direction(degrees: float) -> tuple[float, float]:
    """A unit vector in SVG coordinates (y down) for an angle measured counterclockwise from pointing right."""
    radians = math.radians(degrees)
    return math.cos(radians), -math.sin(radians)


def _arrowhead(svg: Svg, x: float, y: float, direction: tuple[float, float]) -> None:
    dx, dy = direction
    back_x, back_y = x - 12 * dx, y - 12 * dy
    svg.polygon(
        [(x, y), (back_x - 5 * dy, back_y + 5 * dx), (back_x + 5 * dy, back_y - 5 * dx)], fill=INK, stroke_width=1
    )


def _named_point(svg: Svg, x: float, y: float, letter: str, away: tuple[float, float]) -> None:
    svg.circle(x, y, 4.5, fill=INK)
    svg.text(x + 18 * away[0], y + 18 * away[1] + 5, letter, size=15, weight="bold")


def _along(center: tuple[float, float], direction: tuple[float, float], distance: float) -> tuple[float, float]:
    return center[0] + distance * direction[0], center[1] + distance * direction[1]


def _linear_figure(kind: str, letters: str, tilt: float) -> str:
    """A line segment, ray, line or angle with named points."""
    svg = Svg(400, 230)
    center = (200.0, 115.0)
    first, second = letters[0], letters[1]
    if kind == "angle":
        opening = 40 + (tilt + 30) * 1.5
        vertex = (110.0, 175.0)
        rays = (_direction(5), _direction(5 + opening))
        for ray in rays:
            end = _along(vertex, ray, 190 if opening < 90 else 150)
            svg.line(*vertex, *end, stroke_width=2.5)
            _arrowhead(svg, *end, ray)
        _named_point(svg, *vertex, second, (-0.7, 0.5))
        _named_point(svg, *_along(vertex, rays[1], 95), first, (-rays[1][1], rays[1][0]))
        _named_point(svg, *_along(vertex, rays[0], 120), letters[2], (0, 1))
        return svg.render(
            f"Two rays start at point {second}. One passes through point {first} and the other "
            f"through point {letters[2]}; each ray ends in an arrowhead."
        )
    direction = _direction(tilt)
    normal = (direction[1], -direction[0]) if direction[1] < 0 else (-direction[1], direction[0])
    ends = {"segment": (-140, 140), "ray": (-140, 165), "line": (-165, 165)}[kind]
    start, end = _along(center, direction, ends[0]), _along(center, direction, ends[1])
    svg.line(*start, *end, stroke_width=2.5)
    if kind in ("ray", "line"):
        _arrowhead(svg, *end, direction)
    if kind == "line":
        _arrowhead(svg, *start, (-direction[0], -direction[1]))
    places = {"segment": (-140, 140), "ray": (-140, 30), "line": (-70, 70)}[kind]
    _named_point(svg, *_along(center, direction, places[0]), first, normal)
    _named_point(svg, *_along(center, direction, places[1]), second, normal)
    description = {
        "segment": f"A straight path that stops at point {first} and at point {second}, with no arrowheads.",
        "ray": f"A straight path that stops at point {first}, passes through point {second} and ends in an "
        f"arrowhead beyond {second}.",
        "line": f"A straight path through points {first} and {second}, with an arrowhead at each end.",
    }[kind]
    return svg.render(description)


@template("4.G.A.1")
def name_the_figure(rng: random.Random) -> Problem:
    """Name a drawn line segment, ray, line or angle by its points."""
    kind = rng.choice(("segment", "ray", "line", "angle"))
    letters = "".join(rng.sample(_POINT_LETTERS, 3))
    p, q, r = letters
    options = {
        "segment": (
            f"line segment {p}{q}",
            [f"line {p}{q}", f"ray {p}{q}", f"ray {q}{p}"],
            "It stops at both points and has no arrowheads, so it is a line segment.",
        ),
        "ray": (
            f"ray {p}{q}",
            [f"ray {q}{p}", f"line {p}{q}", f"line segment {p}{q}"],
            f"It stops at {p} and goes on forever past {q}, so it is a ray. A ray is named from its endpoint.",
        ),
        "line": (
            f"line {p}{q}",
            [f"line segment {p}{q}", f"ray {p}{q}", f"ray {q}{p}"],
            "It has arrowheads at both ends, so it goes on forever both ways: it is a line.",
        ),
        "angle": (
            f"angle {p}{q}{r}",
            [f"angle {q}{p}{r}", f"ray {q}{p}", f"line {p}{r}"],
            f"Two rays share the endpoint {q}, so it is an angle with its vertex at {q}. The vertex letter "
            f"goes in the middle of the name.",
        ),
    }
    correct, wrong, reason = options[kind]
    return problem(
        "Which name fits the figure?",
        choice(rng, correct, wrong),
        (
            "Look at the ends. A dot means the figure stops there; an arrowhead means it goes on forever that way.",
            "Two rays that share an endpoint make an angle, named with its vertex in the middle.",
        ),
        _steps(reason, f"The name is **{correct}**."),
        figure=_linear_figure(kind, letters, rng.uniform(-30, 30)),
    )


def _two_lines_figure(relation: str, letters: str, tilt: float, crossing: float) -> str:
    """Two lines with named points: parallel, perpendicular (with a square mark) or crossing at a slant."""
    svg = Svg(400, 300)
    center = (200.0, 150.0)
    first = _direction(tilt)
    second = first if relation == "parallel" else _direction(tilt + (90 if relation == "perpendicular" else crossing))
    offset = (first[1] * 55, -first[0] * 55)
    centers = (
        ((center[0] + offset[0], center[1] + offset[1]), (center[0] - offset[0], center[1] - offset[1]))
        if relation == "parallel"
        else (center, center)
    )
    for (cx, cy), direction, names_pair in ((centers[0], first, letters[:2]), (centers[1], second, letters[2:])):
        start, end = _along((cx, cy), direction, -135), _along((cx, cy), direction, 135)
        svg.line(*start, *end, stroke_width=2.5)
        _arrowhead(svg, *end, direction)
        _arrowhead(svg, *start, (-direction[0], -direction[1]))
        normal = (direction[1], -direction[0])
        _named_point(svg, *_along((cx, cy), direction, -90), names_pair[0], normal)
        _named_point(svg, *_along((cx, cy), direction, 90), names_pair[1], normal)
    if relation == "perpendicular":
        corner = [
            _along(center, first, 14),
            (center[0] + 14 * (first[0] + second[0]), center[1] + 14 * (first[1] + second[1])),
            _along(center, second, 14),
        ]
        svg.polyline(corner, stroke_width=1.5)
    line_names = f"Line {letters[:2]} and line {letters[2:]}"
    description = {
        "parallel": f"{line_names} run side by side in the same direction, the same distance apart along their "
        f"whole length.",
        "perpendicular": f"{line_names} cross; a small square is drawn in one corner where they meet.",
        "intersecting": f"{line_names} cross at a slant; no square is drawn where they meet.",
    }[relation]
    return svg.render(description)


@template("4.G.A.1")
def parallel_or_perpendicular(rng: random.Random) -> Problem:
    """Whether two drawn lines are parallel, perpendicular or crossing but not perpendicular."""
    relation = rng.choice(("parallel", "perpendicular", "intersecting"))
    letters = "".join(rng.sample(_POINT_LETTERS, 4))
    first, second = f"line {letters[:2]}", f"line {letters[2:]}"
    answers = {
        "parallel": "They are parallel.",
        "perpendicular": "They are perpendicular.",
        "intersecting": "They cross, but they are not perpendicular.",
    }
    reasons = {
        "parallel": "They never meet: they stay the same distance apart.",
        "perpendicular": "They cross and make square corners (right angles), marked with a small square.",
        "intersecting": "They cross, but the corners where they meet are not square corners.",
    }
    correct = answers[relation]
    return problem(
        f"How are {first} and {second} related?",
        choice(rng, correct, [text_value for key, text_value in answers.items() if key != relation]),
        (
            "Do the lines cross, or would they ever cross if they kept going?",
            "If they cross, look for a square corner where they meet.",
        ),
        _steps(reasons[relation], f"So: **{correct}**"),
        figure=_two_lines_figure(
            relation, letters, rng.uniform(-25, 25), rng.choice((rng.uniform(32, 65), rng.uniform(115, 148)))
        ),
    )


def _clock_direction(degrees: float) -> str:
    """Where a ray points, as a clock direction: 0° (right) is toward 3 o'clock, 90° toward 12."""
    hour = round(((3 - degrees / 30) % 12) * 2) / 2
    whole = int(hour) or 12
    if hour == int(hour):
        return f"toward {whole} o'clock"
    return f"between {whole} and {whole % 12 + 1} o'clock"


@template("4.G.A.1")
def classify_an_angle(rng: random.Random) -> Problem:
    """Whether a drawn angle is acute, right or obtuse."""
    kind = rng.randrange(3)
    measure = (rng.randrange(20, 76, 5), 90, rng.randrange(105, 166, 5))[kind]
    start = rng.randrange(0, 180 - measure + 1, 5) if measure < 180 else 0
    start = min(start, 40)
    correct = ("an acute angle", "a right angle", "an obtuse angle")[kind]
    reason = (
        "The opening is smaller than a square corner.",
        "The opening is exactly a square corner (90°).",
        "The opening is larger than a square corner but less than a straight line.",
    )[kind]
    label = (
        f"An angle made by two rays from one vertex. One ray points {_clock_direction(start)}; the other "
        f"points {_clock_direction(start + measure)}."
    )
    return problem(
        "What kind of angle is shown?",
        choice(rng, correct, ["an acute angle", "a right angle", "an obtuse angle"], keep_order=True),
        (
            "Compare the angle with a square corner, like the corner of a sheet of paper.",
            "Is the opening smaller than a square corner, exactly the same, or larger?",
        ),
        _steps(reason, f"So it is **{correct}**."),
        figure=_angle_parts([measure], [""], label=label, start=start),
    )


def _triangle_angles(rng: random.Random, kind: int) -> list[int]:
    while True:
        if kind == 0:  # right
            first = rng.randrange(20, 71, 5)
            angles = [90, first, 90 - first]
        elif kind == 1:  # obtuse
            big = rng.randrange(100, 145, 5)
            first = rng.randrange(15, 180 - big - 10, 5)
            angles = [big, first, 180 - big - first]
        else:  # acute
            first, second = rng.randrange(35, 86, 5), rng.randrange(35, 86, 5)
            angles = [first, second, 180 - first - second]
        if all(15 <= angle for angle in angles) and (kind != 2 or max(angles) < 90):
            rng.shuffle(angles)
            return angles


def _triangle_points(angles: Sequence[int]) -> list[tuple[float, float]]:
    """A triangle with the given angles at its three corners, in order (the first two on a flat base)."""
    at_a, at_b = math.radians(angles[0]), math.radians(angles[1])
    reach = math.sin(at_b) / math.sin(at_a + at_b)
    return [(0.0, 0.0), (1.0, 0.0), (reach * math.cos(at_a), reach * math.sin(at_a))]


@template("4.G.A.2")
def classify_a_triangle(rng: random.Random) -> Problem:
    """Classify a triangle as right, acute or obtuse from its angles."""
    kind = rng.randrange(3)
    angles = _triangle_angles(rng, kind)
    correct = ("a right triangle", "an obtuse triangle", "an acute triangle")[kind]
    listed = f"{angles[0]}°, {angles[1]}° and {angles[2]}°"
    reason = (
        "One angle is a right angle (90°).",
        f"One angle, {max(angles)}°, is more than 90°.",
        "All three angles are less than 90°.",
    )[kind]
    figure = figures.polygon_figure(
        _triangle_points(angles),
        label=f"A triangle with angles of {listed}",
        right_angles=[angles.index(90)] if 90 in angles else (),
    )
    return problem(
        f"A triangle has angles that measure {listed}. Which kind of triangle is it?",
        choice(rng, correct, ["a right triangle", "an acute triangle", "an obtuse triangle"], keep_order=True),
        ("Find the largest angle of the triangle.", "Compare the largest angle with 90°."),
        _steps(reason, f"So it is **{correct}**."),
        figure=figure,
    )


def _quadrilateral(rng: random.Random) -> list[tuple[int, int]]:
    """The corners of a quadrilateral on a grid, going around counterclockwise."""
    kind = rng.randrange(8)
    width, height = rng.randint(5, 8), rng.randint(2, 4)
    shift = rng.randint(1, 3)
    shapes = (
        [(0, 0), (height + 1, 0), (height + 1, height + 1), (0, height + 1)],  # square
        [(0, 0), (width, 0), (width, height), (0, height)],  # rectangle
        [(0, 0), (width - 2, 0), (width - 2 + shift, height), (shift, height)],  # parallelogram
        [(0, 3), (4, 0), (8, 3), (4, 6)],  # rhombus
        [(0, 0), (width, 0), (width - shift - 1, height), (0, height)],  # trapezoid with two right angles
        [(0, 0), (width + 1, 0), (width + 1 - shift, height), (shift, height)],  # trapezoid with equal legs
        [(3, 0), (6, 3), (3, height + 4), (0, 3)],  # kite
        [(0, 0), (5, 0), (4, 3), (0, 4)],  # one right angle, no parallel sides
    )
    points = shapes[kind]
    if rng.random() < 0.5:  # mirror image
        points = [(-x, y) for x, y in reversed(points)]
    return points


def _sides(points: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    return [
        (points[(index + 1) % len(points)][0] - x, points[(index + 1) % len(points)][1] - y)
        for index, (x, y) in enumerate(points)
    ]


def _move(side: tuple[int, int]) -> str:
    """A side as a move on a grid: "right 6", "up 3 and left 2"."""
    dx, dy = side
    parts = []
    if dy:
        parts.append(f"{'up' if dy > 0 else 'down'} {abs(dy)}")
    if dx:
        parts.append(f"{'right' if dx > 0 else 'left'} {abs(dx)}")
    return " and ".join(parts)


@template("4.G.A.2")
def count_parallel_sides_or_right_angles(rng: random.Random) -> Problem:
    """How many pairs of parallel sides, or how many right angles, a drawn quadrilateral has."""
    points = _quadrilateral(rng)
    sides = _sides(points)
    parallel = [
        (index, index + 2)
        for index in range(2)
        if sides[index][0] * sides[index + 2][1] == sides[index][1] * sides[index + 2][0]
    ]
    right = [
        index
        for index in range(4)
        if sides[index - 1][0] * sides[index][0] + sides[index - 1][1] * sides[index][1] == 0
    ]
    moves = [_move(side) for side in sides]
    label = "A four-sided shape on a hidden grid. Going around from one corner, the sides go: " + "; ".join(moves) + "."
    if rng.random() < 0.5:
        count = len(parallel)
        question = "How many pairs of parallel sides does this shape have?"
        hints = (
            "Parallel sides run in the same direction and never meet, like the rails of a train track.",
            "Check each pair of opposite sides.",
        )
        found = (
            "; ".join(
                f"the side that goes {moves[a]} and the side that goes {moves[b]} run in the same direction"
                for a, b in parallel
            )
            or "no two sides run in the same direction"
        )
        found = found[0].upper() + found[1:]
        steps = (found + ".", f"So the shape has **{count}** pair{'s' if count != 1 else ''} of parallel sides.")
        wrong = [value for value in (0, 1, 2, 4) if value != count]
    else:
        count = len(right)
        question = "How many right angles does this shape have?"
        hints = (
            "A right angle is a square corner, like the corner of a sheet of paper.",
            "Check each of the corners, one at a time.",
        )
        found = (
            "A square corner is where a side that runs straight across meets a side that runs straight up and down."
            if right
            else "No side that runs straight across meets a side that runs straight up "
            "and down, so no corner is square."
        )
        steps = (found, f"So the shape has **{count}** right angle{'s' if count != 1 else ''}.")
        wrong = [value for value in (0, 1, 2, 4) if value != count]
    return problem(
        question,
        numeric(count),
        hints,
        _steps(*steps),
        wrong=wrong,
        figure=figures.polygon_figure(points, label=label),
    )


# Which shapes always have each property.
_SHAPE_FACTS = {
    "a square": {"parallel", "perpendicular"},
    "a rectangle": {"parallel", "perpendicular"},
    "a rhombus that is not a square": {"parallel", "obtuse"},
    "a parallelogram that is not a rectangle": {"parallel", "obtuse"},
    "a right triangle": {"perpendicular"},
    "an equilateral triangle": set(),
    "an obtuse triangle": {"obtuse"},
    "a regular hexagon": {"parallel", "obtuse"},
    "a regular pentagon": {"obtuse"},
}
_PROPERTIES = {
    "parallel": "at least one pair of parallel sides",
    "perpendicular": "at least one pair of perpendicular sides (a right angle)",
    "obtuse": "at least one obtuse angle",
}


@template("4.G.A.2")
def shapes_with_a_property(rng: random.Random) -> Problem:
    """Select every shape that always has parallel sides, perpendicular sides or an obtuse angle."""
    prop = rng.choice(sorted(_PROPERTIES))
    having = [shape for shape, facts in _SHAPE_FACTS.items() if prop in facts]
    lacking = [shape for shape, facts in _SHAPE_FACTS.items() if prop not in facts]
    right = rng.sample(having, rng.randint(1, min(3, len(having))))
    wrong = rng.sample(lacking, 5 - len(right))
    answer = multi(rng, right, wrong)
    return problem(
        f"{name(rng)} sorts these shapes: {_or_list(sorted([*right, *wrong]), 'and')}. Which of them always have "
        f"{_PROPERTIES[prop]}? Select all that do.",
        answer,
        (
            "Sketch each shape and check its sides and corners.",
            {
                "parallel": "Parallel sides never meet, however far they go.",
                "perpendicular": "Perpendicular sides meet in a square corner.",
                "obtuse": "An obtuse angle is wider than a square corner.",
            }[prop],
        ),
        _steps(
            f"These shapes always have {_PROPERTIES[prop]}: {', '.join(right)}.",
            f"These do not: {', '.join(wrong)}.",
            f"So the answer is **{answer.display}**.",
        ),
    )


def _symmetry_shapes(rng: random.Random) -> list[tuple[str, list[tuple[float, float]], int]]:
    """Shapes with their number of lines of symmetry."""
    width, height = rng.randint(6, 9), rng.randint(3, 5)
    peak = rng.randint(4, 7)
    regular = [
        (
            sides,
            [
                (math.cos(2 * math.pi * k / sides + math.pi / 2), math.sin(2 * math.pi * k / sides + math.pi / 2))
                for k in range(sides)
            ],
        )
        for sides in (3, 5, 6, 8)
    ]
    names_of = {3: "an equilateral triangle", 5: "a regular pentagon", 6: "a regular hexagon", 8: "a regular octagon"}
    return [
        ("a square", [(0, 0), (4, 0), (4, 4), (0, 4)], 4),
        ("a rectangle that is not a square", [(0, 0), (width, 0), (width, height), (0, height)], 2),
        ("a triangle with two equal sides", [(0, 0), (4, 0), (2, peak)], 1),
        ("a triangle with three different side lengths", [(0, 0), (width, 0), (1, height)], 0),
        ("a parallelogram that is not a rectangle", [(0, 0), (width, 0), (width + 2, height), (2, height)], 0),
        ("a rhombus that is not a square", [(0, height), (2, 0), (4, height), (2, 2 * height)], 2),
        ("a trapezoid with two equal slanted sides", [(0, 0), (width, 0), (width - 2, height), (2, height)], 1),
        ("a kite", [(3, 0), (6, peak), (3, peak + 3), (0, peak)], 1),
        *((names_of[sides], points, sides) for sides, points in regular),
    ]


@template("4.G.A.3")
def count_lines_of_symmetry(rng: random.Random) -> Problem:
    """How many lines of symmetry a drawn shape has."""
    shape, points, lines = rng.choice(_symmetry_shapes(rng))
    return problem(
        f"The figure is {shape}. How many lines of symmetry does it have?",
        numeric(lines),
        (
            "A line of symmetry folds the shape into two halves that match exactly.",
            "Try lines through corners and lines through the middles of sides.",
        ),
        _steps(
            "Imagine folding the shape along different lines and check whether the halves match.",
            f"{shape.capitalize()} has **{lines}** line{'s' if lines != 1 else ''} of symmetry.",
        ),
        wrong=tuple(value for value in (lines + 1, lines - 1, 2 * lines, 1) if value >= 0),
        figure=figures.polygon_figure(points, label=f"{shape.capitalize()}"),
    )


# Each shape: its corners (SVG units) and candidate fold lines (two ends, words, is it a line of symmetry).
_FOLD_SHAPES = (
    (
        "rectangle",
        [(50, 70), (250, 70), (250, 190), (50, 190)],
        (
            ((150, 50), (150, 210), "up and down through the middle", True),
            ((30, 130), (270, 130), "across through the middle", True),
            ((40, 64), (260, 196), "from corner to corner", False),
            ((40, 196), (260, 64), "from corner to corner the other way", False),
            ((105, 50), (105, 210), "up and down, left of the middle", False),
        ),
    ),
    (
        "triangle with two equal sides",
        [(150, 40), (250, 210), (50, 210)],
        (
            ((150, 25), (150, 225), "from the top corner straight down to the middle of the bottom side", True),
            ((30, 140), (270, 140), "across the middle", False),
            ((38, 217), (230, 108), "from the bottom left corner up to the right side", False),
            ((262, 217), (70, 108), "from the bottom right corner up to the left side", False),
        ),
    ),
    (
        "kite",
        [(150, 30), (215, 100), (150, 230), (85, 100)],
        (
            ((150, 15), (150, 245), "from the top corner to the bottom corner", True),
            ((65, 100), (235, 100), "from the left corner to the right corner", False),
            ((80, 45), (225, 215), "slanted across the shape", False),
        ),
    ),
    (
        "trapezoid",
        [(110, 70), (190, 70), (250, 190), (50, 190)],
        (
            ((150, 50), (150, 210), "up and down through the middle", True),
            ((30, 130), (270, 130), "across through the middle", False),
            ((96, 58), (264, 202), "from a top corner to the opposite bottom corner", False),
        ),
    ),
)


def _fold_figure(shape: str, corners, lines, letters: str) -> str:
    svg = Svg(300, 275)
    lift = 15
    svg.polygon([(x, y + lift) for x, y in corners], fill="#dbe7fb")
    for (start, end, _, _), letter in zip(lines, letters):
        svg.line(start[0], start[1] + lift, end[0], end[1] + lift, stroke=FILL_DARK, stroke_width=2.5, dash="8 6")
        length = math.hypot(end[0] - start[0], end[1] - start[1])
        away = ((start[0] - end[0]) / length, (start[1] - end[1]) / length)
        svg.text(start[0] + 11 * away[0], start[1] + lift + 11 * away[1] + 5, letter, size=15, weight="bold")
    described = "; ".join(f"line {letter} goes {words}" for (_, _, words, _), letter in zip(lines, letters))
    return svg.render(f"A {shape} with three dashed lines drawn across it: {described}.")


@template("4.G.A.3")
def which_line_is_a_fold_line(rng: random.Random) -> Problem:
    """Which of three dashed lines across a shape is a line of symmetry."""
    shape, corners, candidates = rng.choice(_FOLD_SHAPES)
    folds = [line for line in candidates if line[3]]
    others = [line for line in candidates if not line[3]]
    lines = [rng.choice(folds), *rng.sample(others, 2)]
    rng.shuffle(lines)
    letters = "ABC"
    correct_letter = letters[next(index for index, line in enumerate(lines) if line[3])]
    correct = f"line {correct_letter}"
    checks = [
        f"Folding along line {letter} ({words}), the halves {'match' if fold else 'do not match'}."
        for (_, _, words, fold), letter in zip(lines, letters)
    ]
    return problem(
        f"Which dashed line is a line of symmetry of the {shape}?",
        choice(rng, correct, ["line A", "line B", "line C"], keep_order=True),
        (
            "A line of symmetry folds a shape into two halves that match exactly.",
            "Imagine folding the shape along each dashed line. Do the two parts land exactly on each other?",
        ),
        _steps(*checks, f"So the line of symmetry is **{correct}**."),
        figure=_fold_figure(shape, corners, lines, letters),
    )


_SYMMETRIC_LETTERS = "ABCDEHIKMOTUVWXY"
_ASYMMETRIC_LETTERS = "FGJLNPQRSZ"


@template("4.G.A.3")
def letter_with_symmetry(rng: random.Random) -> Problem:
    """Which capital letter has (or has no) line of symmetry."""
    if rng.random() < 0.6:
        correct, wrong = rng.choice(_SYMMETRIC_LETTERS), rng.sample(_ASYMMETRIC_LETTERS, 3)
        question, others = "has a line of symmetry", "has no line of symmetry"
        reason = "it can be folded so that the two halves match"
    else:
        correct, wrong = rng.choice(_ASYMMETRIC_LETTERS), rng.sample(_SYMMETRIC_LETTERS, 3)
        question, others = "has no line of symmetry", "has a line of symmetry"
        reason = "no fold makes its two halves match"
    return problem(
        f"Look at the capital letters {_or_list(sorted([correct, *wrong]), 'and')}, written plainly as on a sign. "
        f"Which letter {question}?",
        choice(rng, f"the letter {correct}", [f"the letter {letter}" for letter in wrong]),
        (
            "Imagine folding each letter down the middle, then across the middle.",
            "The letter is line-symmetric when the fold makes the two halves land exactly on each other.",
        ),
        _steps(
            f"Each of {', '.join(wrong)} {others}.",
            f"For the letter {correct}, {reason}.",
            f"So the answer is **the letter {correct}**.",
        ),
    )
