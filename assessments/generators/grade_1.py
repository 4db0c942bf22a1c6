"""Item templates for grade 1: addition and subtraction within 20 (1.OA), place value, counting to 120 and adding
within 100 (1.NBT), length, time and data (1.MD), and shapes and equal shares (1.G).

Stems are short sentences a first grader can read; the unknown in an equation is written "?". Word problems cover
the situations of the standards' Table 1 (adding to, taking from, putting together, taking apart, comparing) with
the unknown in every position. 1.NBT.B.2 has templates of its own (tens and ones of any two-digit number) besides
those of its parts a to c. Drawing and answer helpers come from `grade_k`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence

from assessments.generators import figures
from assessments.generators.base import (
    INTRODUCTORY,
    STRETCH,
    Problem,
    comparison,
    distinct_wrong,
    name,
    names,
    number_word,
    plural,
    template,
    text,
)
from assessments.generators.figures import FILL, FILL_DARK, INK, SHADE, Svg
from assessments.generators.grade_k import (
    FLAT_FILL,
    LETTERS,
    MISSING,
    choice_problem,
    draw_solid,
    fmt,
    labelled_rows,
    length_bars,
    multi_problem,
    number_problem,
    pieces_figure,
    regular_points,
    sequence_text,
    shape_points,
)


TIME_HINT_HOUR = "The short hand shows the hour."

# ---------------------------------------------------------------------------------------------------------
# 1.OA.A: word problems within 20

THINGS = ("stickers", "marbles", "crayons", "shells", "cards", "books", "apples", "toy cars")
# (things, where, arriving verb, leaving verb, left in the past tense)
PLACES = (
    ("birds", "on a fence", "fly over", "fly away", "flew away"),
    ("ducks", "in a pond", "swim over", "swim away", "swam away"),
    ("children", "on the bus", "get on", "get off", "got off"),
    ("frogs", "on a log", "hop on", "hop off", "hopped off"),
)


def solve_equation(left: int | None, sign: str, right: int | None, result: int | None) -> int | None:
    """The whole number that makes `left sign right = result` true, where one of the three is None (the "?");
    None when no whole number does."""
    if sign == "+":
        value = left + right if result is None else result - (right if left is None else left)
    elif result is None:
        value = left - right
    elif left is None:
        value = right + result
    else:
        value = left - result
    return value if value >= 0 else None


def equation_text(left: int | None, sign: str, right: int | None, result: int | None) -> str:
    """ "8 + ? = 11" from its parts, None standing for the unknown."""

    def shown(value: int | None) -> str:
        return MISSING if value is None else str(value)

    return f"{shown(left)} {'+' if sign == '+' else '−'} {shown(right)} = {shown(result)}"


def _equations_with(first: int, second: int) -> list[tuple[str, int]]:
    """Every equation with two known numbers (in either order) and "?" in the third place, with its solution."""
    found = []
    for a, b in ((first, second), (second, first)):
        for sign in ("+", "−"):
            for places in ((a, b, None), (a, None, b), (None, a, b)):
                value = solve_equation(places[0], sign, places[1], places[2])
                if value is not None:
                    found.append((equation_text(places[0], sign, places[1], places[2]), value))
    return found


class Story:
    """A word problem within 20: its text and question, answer, the equation with "?" that shows it, the two
    numbers the story gives, common wrong answers and the worked solution."""

    def __init__(
        self, stem: str, answer: int, equation: str, known: tuple[int, int], wrong: list[int], solution: str
    ) -> None:
        self.stem, self.answer, self.equation = stem, answer, equation
        self.known, self.wrong, self.solution = known, wrong, solution


def _adding_story(rng: random.Random, unknown: str) -> Story:
    start, more = rng.randint(3, 12), rng.randint(2, 8)
    total = start + more
    who, thing = name(rng), rng.choice(THINGS)
    if unknown == "result":
        return Story(
            f"{who} has {start} {thing}. {who} gets {more} more.\n\nHow many {thing} does {who} have now?",
            total,
            f"{start} + {more} = {MISSING}",
            (start, more),
            [start - more, total + 1],
            f"Getting more means adding: {start} + {more} = {total}. {who} has **{total}** {thing} now.",
        )
    if unknown == "change":
        return Story(
            f"{who} had {start} {thing}. {who} got some more. Now {who} has {total}.\n\n"
            f"How many {thing} did {who} get?",
            more,
            f"{start} + {MISSING} = {total}",
            (start, total),
            [start + total, more + 1],
            f"{start} + {MISSING} = {total}. Count on from {start} to {total}: that is {more}. "
            f"{who} got **{more}** {thing}.",
        )
    things, place, come, _, _ = rng.choice(PLACES)
    return Story(
        f"Some {things} were {place}. {more} more {come}. Now there are {total}.\n\n"
        f"How many {things} were {place} at first?",
        start,
        f"{MISSING} + {more} = {total}",
        (more, total),
        [total + more, start + 1],
        f"{MISSING} + {more} = {total}. Take away the {more} that came: {total} − {more} = {start}. "
        f"There were **{start}** at first.",
    )


def _taking_story(rng: random.Random, unknown: str) -> Story:
    left, gone = rng.randint(3, 12), rng.randint(2, 8)
    total = left + gone
    things, place, _, leave, left_past = rng.choice(PLACES)
    if unknown == "result":
        return Story(
            f"There are {total} {things} {place}. {gone} {leave}.\n\nHow many {things} are {place} now?",
            left,
            f"{total} − {gone} = {MISSING}",
            (total, gone),
            [total + gone, left + 1],
            f"Taking away: {total} − {gone} = {left}. There are **{left}** {things} {place} now.",
        )
    if unknown == "change":
        return Story(
            f"There were {total} {things} {place}. Some {left_past}. Now there are {left}.\n\n"
            f"How many {things} {left_past}?",
            gone,
            f"{total} − {MISSING} = {left}",
            (total, left),
            [total + left, gone + 1],
            f"{total} − {MISSING} = {left}. From {left} up to {total} is {gone}. So **{gone}** {things} {left_past}.",
        )
    who, thing = name(rng), rng.choice(THINGS)
    return Story(
        f"{who} had some {thing}. {who} gave {gone} away. Now {who} has {left}.\n\n"
        f"How many {thing} did {who} have at first?",
        total,
        f"{MISSING} − {gone} = {left}",
        (gone, left),
        [abs(left - gone), total + 1],
        f"{MISSING} − {gone} = {left}. Put the {gone} back: {left} + {gone} = {total}. {who} had **{total}** at first.",
    )


def _together_story(rng: random.Random, unknown: str) -> Story:
    red, blue = rng.randint(3, 12), rng.randint(2, 8)
    total = red + blue
    thing = rng.choice(THINGS)
    if unknown == "total":
        return Story(
            f"A box has {red} red {thing} and {blue} blue {thing}.\n\nHow many {thing} are in the box?",
            total,
            f"{red} + {blue} = {MISSING}",
            (red, blue),
            [abs(red - blue), total + 1],
            f"Put the two groups together: {red} + {blue} = **{total}**.",
        )
    return Story(
        f"A box has {total} {thing}. {red} are red. The rest are blue.\n\nHow many {thing} are blue?",
        blue,
        f"{red} + {MISSING} = {total}",
        (total, red),
        [total + red, blue + 1],
        f"{red} + {MISSING} = {total}, so the blue ones are {total} − {red}. **{blue}** are blue.",
    )


def _comparing_story(rng: random.Random, unknown: str) -> Story:
    more_name, fewer_name = names(rng, 2)
    thing = rng.choice(THINGS)
    more = rng.randint(8, 20)
    fewer = rng.randint(2, more - 2)
    gap = more - fewer
    if unknown == "difference":
        question = rng.choice(
            (
                f"How many more {thing} does {more_name} have than {fewer_name}?",
                f"How many fewer {thing} does {fewer_name} have than {more_name}?",
            )
        )
        return Story(
            f"{more_name} has {more} {thing}. {fewer_name} has {fewer} {thing}.\n\n{question}",
            gap,
            f"{fewer} + {MISSING} = {more}",
            (more, fewer),
            [more + fewer, gap + 1],
            f"Match them up: {more_name} has {gap} extra. {more} − {fewer} = **{gap}**.",
        )
    if unknown == "bigger":
        return Story(
            f"{fewer_name} has {fewer} {thing}. {more_name} has {gap} more {thing} than {fewer_name}.\n\n"
            f"How many {thing} does {more_name} have?",
            more,
            f"{fewer} + {gap} = {MISSING}",
            (fewer, gap),
            [abs(fewer - gap), more + 1],
            f"{more_name} has {gap} more, so add: {fewer} + {gap} = **{more}**.",
        )
    return Story(
        f"{more_name} has {more} {thing}. {fewer_name} has {gap} fewer {thing} than {more_name}.\n\n"
        f"How many {thing} does {fewer_name} have?",
        fewer,
        f"{more} − {gap} = {MISSING}",
        (more, gap),
        [more + gap, fewer + 1],
        f"{fewer_name} has {gap} fewer, so take away: {more} − {gap} = **{fewer}**.",
    )


SITUATIONS: dict[str, Callable[[random.Random], Story]] = {
    "add to, result unknown": lambda rng: _adding_story(rng, "result"),
    "add to, change unknown": lambda rng: _adding_story(rng, "change"),
    "add to, start unknown": lambda rng: _adding_story(rng, "start"),
    "take from, result unknown": lambda rng: _taking_story(rng, "result"),
    "take from, change unknown": lambda rng: _taking_story(rng, "change"),
    "take from, start unknown": lambda rng: _taking_story(rng, "start"),
    "put together": lambda rng: _together_story(rng, "total"),
    "take apart": lambda rng: _together_story(rng, "part"),
    "compare, difference unknown": lambda rng: _comparing_story(rng, "difference"),
    "compare, bigger unknown": lambda rng: _comparing_story(rng, "bigger"),
    "compare, smaller unknown": lambda rng: _comparing_story(rng, "smaller"),
}
STORY_HINTS = ("Act it out, or draw a picture of the story.", "Does the number go up or down? Which part is missing?")


def _story_problem(rng: random.Random, situations: Sequence[str], difficulty: int | None = None) -> Problem:
    story = SITUATIONS[rng.choice(situations)](rng)
    return number_problem(
        story.stem,
        story.answer,
        hints=(*STORY_HINTS, f"You can write it as {story.equation}"),
        solution=story.solution,
        wrong=[*story.wrong, story.answer - 1],
        difficulty=difficulty,
    )


@template("1.OA.A.1", difficulty=INTRODUCTORY)
def add_or_take_story(rng: random.Random) -> Problem:
    """Solve an adding-to or taking-from story with the result or the change unknown."""
    return _story_problem(
        rng,
        ("add to, result unknown", "add to, change unknown", "take from, result unknown", "take from, change unknown"),
    )


@template("1.OA.A.1", difficulty=STRETCH)
def start_unknown_story(rng: random.Random) -> Problem:
    """Solve an adding-to or taking-from story where the start is unknown."""
    return _story_problem(rng, ("add to, start unknown", "take from, start unknown"))


@template("1.OA.A.1")
def put_together_or_compare_story(rng: random.Random) -> Problem:
    """Solve a putting-together, taking-apart or comparing story."""
    return _story_problem(
        rng,
        (
            "put together",
            "take apart",
            "compare, difference unknown",
            "compare, bigger unknown",
            "compare, smaller unknown",
        ),
    )


@template("1.OA.A.1")
def equation_for_story(rng: random.Random) -> Problem:
    """Pick the equation, with ? for the unknown number, that shows a word problem."""
    story = SITUATIONS[rng.choice(tuple(SITUATIONS))](rng)
    wrong = [
        equation
        for equation, value in _equations_with(*story.known)
        if value != story.answer and equation != story.equation
    ]
    return choice_problem(
        rng,
        f"{story.stem}\n\nWhich equation shows the story? (? is the number you want to find.)",
        story.equation,
        rng.sample(wrong, min(3, len(wrong))),
        hints=("Which number do you know at the start? What happens next?", "Put the ? where the unknown number is."),
        solution=f"{story.solution}\n\nThe equation that shows the story is **{story.equation}**.",
    )


THREE_PART_STORIES = (
    (
        "{who} picks {a} red flowers, {b} yellow flowers and {c} white flowers.",
        "How many flowers does {who} pick?",
        "flowers",
    ),
    (
        "{who} reads {a} pages on Monday, {b} pages on Tuesday and {c} pages on Wednesday.",
        "How many pages does {who} read in all?",
        "pages",
    ),
    ("A pet shop has {a} cats, {b} dogs and {c} fish.", "How many pets does the shop have?", "pets"),
    ("{who} has {a} blue blocks, {b} green blocks and {c} red blocks.", "How many blocks does {who} have?", "blocks"),
)


def _three_numbers(rng: random.Random) -> tuple[int, int, int]:
    while True:
        numbers = (rng.randint(2, 9), rng.randint(2, 9), rng.randint(2, 9))
        if 8 <= sum(numbers) <= 20:
            return numbers


@template("1.OA.A.2")
def three_addend_story(rng: random.Random) -> Problem:
    """Solve a word problem that adds three numbers with a sum up to 20."""
    a, b, c = _three_numbers(rng)
    story, question, thing = rng.choice(THREE_PART_STORIES)
    who = name(rng)
    total = a + b + c
    return number_problem(
        f"{story.format(who=who, a=a, b=b, c=c)}\n\n{question.format(who=who)}",
        total,
        hints=("There are three numbers to add, not two.", "Add two of them first, then add the third."),
        solution=f"{a} + {b} + {c} = {total}. There are **{total}** {thing}.",
        wrong=[a + b, b + c, total + 1, total - 1],
    )


@template("1.OA.A.2", difficulty=STRETCH)
def three_addend_missing_part(rng: random.Random) -> Problem:
    """Find the third of three numbers when the total (up to 20) and two of them are known."""
    a, b, c = _three_numbers(rng)
    first, second, third = names(rng, 3)
    total = a + b + c
    return number_problem(
        f"{first}, {second} and {third} have {total} stickers in all. {first} has {a}. {second} has {b}.\n\n"
        f"How many stickers does {third} have?",
        c,
        hints=(f"Write it as {a} + {b} + {MISSING} = {total}.", f"First add {a} + {b}."),
        solution=f"{a} + {b} = {a + b}. {a + b} + {MISSING} = {total}, so {third} has {total} − {a + b} = **{c}**.",
        wrong=[a + b, total + a + b, c + 1, total - a],
    )


@template("1.OA.A.2")
def three_addend_equation(rng: random.Random) -> Problem:
    """Pick the equation, with ?, that shows a three-number word problem."""
    a, b, c = _three_numbers(rng)
    story, question, _ = rng.choice(THREE_PART_STORIES)
    who = name(rng)
    correct = f"{a} + {b} + {c} = {MISSING}"
    wrong = [f"{a} + {b} = {MISSING}", f"{a} + {b} − {c} = {MISSING}", f"{a} + {c} = {MISSING}"]
    return choice_problem(
        rng,
        f"{story.format(who=who, a=a, b=b, c=c)} {question.format(who=who)}\n\nWhich equation shows the story?",
        correct,
        wrong,
        hints=("How many numbers does the story give?", "All the groups are put together."),
        solution=f"All three groups are added, and ? is the total: **{correct}**.",
    )


# ---------------------------------------------------------------------------------------------------------
# 1.OA.B: properties of addition; subtraction as an unknown addend


@template("1.OA.B.3", difficulty=INTRODUCTORY)
def turn_around_fact(rng: random.Random) -> Problem:
    """Use a known sum to know the sum with the addends switched."""
    a, b = rng.sample(range(2, 10), 2)
    total = a + b
    who = name(rng)
    correct = f"{b} + {a} = {total}"
    wrong = [f"{b} + {a} = {total + 1}", f"{total} + {b} = {a}", f"{a} − {b} = {total}"]
    return choice_problem(
        rng,
        f"{who} knows that {a} + {b} = {total}.\n\nWhich is also true?",
        correct,
        wrong,
        hints=(
            "Switching the order of two numbers you add does not change the total.",
            "Look for the same two numbers added in the other order.",
        ),
        solution=f"{b} + {a} adds the same two numbers as {a} + {b}, so the total is the same: **{correct}**.",
    )


@template("1.OA.B.3")
def missing_in_turn_around(rng: random.Random) -> Problem:
    """Find the missing number that makes two sums with switched addends equal."""
    a, b = rng.sample(range(2, 10), 2)
    if rng.random() < 0.5:
        stem, answer = f"{a} + {b} = {b} + {MISSING}", a
    else:
        stem, answer = f"{MISSING} + {a} = {a} + {b}", b
    return number_problem(
        f"What number makes this true?\n\n{stem}",
        answer,
        hints=("Both sides must have the same total.", "You can add two numbers in either order."),
        solution=f"{a} + {b} and {b} + {a} have the same total. So the missing number is **{answer}**.",
        wrong=[a + b, abs(a - b), a + b - answer + 1],
    )


def _ten_triple(rng: random.Random) -> tuple[list[int], tuple[int, int], int]:
    """Three numbers, exactly two of which make 10, with a total up to 20: (numbers in order, the pair, other)."""
    while True:
        first = rng.choice((1, 2, 3, 4, 6, 7, 8, 9))
        other = rng.randint(1, 9)
        if other not in (first, 10 - first) and 10 + other <= 20:
            numbers = [first, 10 - first, other]
            rng.shuffle(numbers)
            return numbers, (first, 10 - first), other


@template("1.OA.B.3")
def pick_pair_making_ten(rng: random.Random) -> Problem:
    """Choose which two of three addends to add first to make a ten."""
    numbers, pair, other = _ten_triple(rng)
    options = [f"{numbers[0]} + {numbers[1]}", f"{numbers[0]} + {numbers[2]}", f"{numbers[1]} + {numbers[2]}"]
    correct = next(
        option
        for option, (x, y) in zip(options, ((0, 1), (0, 2), (1, 2)))
        if sorted((numbers[x], numbers[y])) == sorted(pair)
    )
    return choice_problem(
        rng,
        f"To add {' + '.join(map(str, numbers))}, which two numbers would you add first to make a ten?",
        correct,
        options,
        keep_order=True,
        hints=("Try each pair. Which two make exactly 10?", "Adding to 10 is easy: 10 + 4 is 14."),
        solution=f"{correct} = 10. Then 10 + {other} = {10 + other}. Add first: **{correct}**.",
    )


@template("1.OA.B.3")
def add_three_by_making_ten(rng: random.Random) -> Problem:
    """Add three numbers by first adding the two that make 10."""
    numbers, pair, other = _ten_triple(rng)
    total = 10 + other
    return number_problem(
        f"{' + '.join(map(str, numbers))} = {MISSING}",
        total,
        hints=("Look for two numbers that make 10.", "Add those two first, then add the number left."),
        solution=f"{pair[0]} + {pair[1]} = 10, and 10 + {other} = {total}. So the sum is **{total}**.",
        wrong=[total - 1, total + 1, other, numbers[0] + numbers[1]],
    )


@template("1.OA.B.4")
def subtract_by_missing_addend(rng: random.Random) -> Problem:
    """Subtract by finding the number that, added to the part, makes the whole."""
    total = rng.randint(10, 18)
    part = rng.randint(3, 9)
    answer = total - part
    return number_problem(
        f"To find {total} − {part}, think: {part} + {MISSING} = {total}.\n\nWhat is {total} − {part}?",
        answer,
        hints=(f"Start at {part} and count up to {total}.", f"What do you add to {part} to get {total}?"),
        solution=f"{part} + {answer} = {total}, so {total} − {part} = **{answer}**.",
        wrong=[total + part, answer + 1, answer - 1],
    )


@template("1.OA.B.4")
def addition_fact_for_subtraction(rng: random.Random) -> Problem:
    """Pick the addition fact that solves a subtraction."""
    total = rng.randint(8, 18)
    part = rng.randint(2, total - 2)
    answer = total - part
    correct = f"{part} + {answer} = {total}"
    wrong = [
        f"{total} + {part} = {total + part}",
        f"{part} + {answer + 1} = {total + 1}",
        f"{part} + {part} = {2 * part}" if 2 * part != total else f"{answer} + {answer + 1} = {2 * answer + 1}",
    ]
    return choice_problem(
        rng,
        f"Which addition fact helps you find {total} − {part}?",
        correct,
        wrong,
        hints=(
            f"Look for a fact that starts with {part} and ends with {total}.",
            "Subtraction asks: what do you add to the part to get the whole?",
        ),
        solution=f"{total} − {part} asks what goes with {part} to make {total}. The fact is **{correct}**.",
    )


# ---------------------------------------------------------------------------------------------------------
# 1.OA.C: counting on, and adding and subtracting within 20


@template("1.OA.C.5", difficulty=INTRODUCTORY)
def count_on_or_back_on_line(rng: random.Random) -> Problem:
    """Add by counting on (or subtract by counting back) 1 to 3 on a number line."""
    steps = rng.randint(1, 3)
    if rng.random() < 0.6:
        start = rng.randint(3, 17)
        answer, way, sign = start + steps, "on", "+"
    else:
        start = rng.randint(5, 20)
        answer, way, sign = start - steps, "back", "−"
    said = sequence_text(range(start + 1, answer + 1) if sign == "+" else range(start - 1, answer - 1, -1))
    return number_problem(
        f"Find {start} {sign} {steps} by counting {way}. Start at {start} (the dot). Count {way} {steps}.\n\n"
        f"What number do you land on?",
        answer,
        hints=(
            f"Do not count {start} itself. Start counting with the next number.",
            f"Say one number for each jump {'forward' if sign == '+' else 'back'}.",
        ),
        solution=f"From {start}, count {way}: {said}. So {start} {sign} {steps} = **{answer}**.",
        wrong=[
            answer - 1 if sign == "+" else answer + 1,
            start - steps if sign == "+" else start + steps,
            answer + 1 if sign == "+" else answer - 1,
        ],
        figure=figures.number_line(0, 20, 1, points=[("", start)]),
    )


@template("1.OA.C.5")
def problem_shown_by_counting(rng: random.Random) -> Problem:
    """Say which addition or subtraction a child's counting on (or back) solves."""
    who = name(rng)
    steps = rng.randint(2, 4)
    if rng.random() < 0.5:
        start = rng.randint(4, 20 - steps)
        said = sequence_text(range(start + 1, start + steps + 1))
        correct = f"{start} + {steps}"
        wrong = [f"{start} + {steps + 1}", f"{start + steps} + {steps}", f"{start} − {steps}"]
        way = "on"
    else:
        start = rng.randint(steps + 4, 20)
        said = sequence_text(range(start - 1, start - steps - 1, -1))
        correct = f"{start} − {steps}"
        wrong = [f"{start} − {steps + 1}", f"{start} + {steps}", f"{start - steps} − {steps}"]
        way = "back"
    return choice_problem(
        rng,
        f'{who} counts {way} like this: "{start} … {said}."\n\nWhich problem is {who} solving?',
        correct,
        wrong,
        hints=("Which number does the counting start from?", "How many numbers come after the start?"),
        solution=f"{who} starts at {start} and counts {way} {steps} numbers: **{correct}**.",
    )


@template("1.OA.C.6", difficulty=INTRODUCTORY)
def add_within_20(rng: random.Random) -> Problem:
    """Add within 20 (facts within 10 fluently, and sums that cross ten)."""
    if rng.random() < 0.3:
        a = rng.randint(1, 9)
        b = rng.randint(1, 10 - a)
    else:
        a, b = rng.randint(2, 9), rng.randint(2, 9)
        while a + b <= 10:
            a, b = rng.randint(2, 9), rng.randint(2, 9)
    total = a + b
    return number_problem(
        f"{a} + {b} = {MISSING}",
        total,
        hints=("Make a ten first if you can.", f"How many does {max(a, b)} need to make 10?"),
        solution=(
            f"{max(a, b)} + {10 - max(a, b)} = 10, and {min(a, b) - (10 - max(a, b))} more makes {total}. "
            if total > 10
            else f"Count on from {max(a, b)}: "
        )
        + f"{a} + {b} = **{total}**.",
        wrong=[total + 1, total - 1, total - 10 if total > 10 else abs(a - b)],
    )


@template("1.OA.C.6", difficulty=INTRODUCTORY)
def subtract_within_20(rng: random.Random) -> Problem:
    """Subtract within 20, often across ten."""
    if rng.random() < 0.3:
        total = rng.randint(3, 10)
        part = rng.randint(1, total - 1)
    else:
        total = rng.randint(11, 18)
        part = rng.randint(total - 9, 9)
    answer = total - part
    ones = total - 10
    crossing = total > 10 and part > ones
    solution = (
        f"{total} − {ones} = 10, then 10 − {part - ones} = {answer}. " if crossing else ""
    ) + f"So {total} − {part} = **{answer}**."
    return number_problem(
        f"{total} − {part} = {MISSING}",
        answer,
        hints=("Think of an addition fact you know.", f"What do you add to {part} to get {total}?"),
        solution=solution,
        wrong=[total + part, answer + 1, 10 + part - ones if crossing else answer - 1],
    )


@template("1.OA.C.6")
def make_ten_step(rng: random.Random) -> Problem:
    """Fill in a step of the making-ten strategy (8 + 6 = 8 + 2 + ?, 13 − 4 = 13 − 3 − ?)."""
    if rng.random() < 0.5:
        big = rng.randint(6, 9)
        small = rng.randint(11 - big, 9)
        fill = 10 - big
        answer = small - fill
        return number_problem(
            f"Make a ten to add.\n\n{big} + {small} = {big} + {fill} + {MISSING}",
            answer,
            hints=(f"{big} + {fill} makes 10.", f"Break {small} into {fill} and the rest."),
            solution=f"{small} is {fill} and {answer}. So {big} + {small} = {big} + {fill} + **{answer}** = "
            f"10 + {answer} = {big + small}.",
            wrong=[small, big + small, fill],
        )
    total = rng.randint(11, 17)
    ones = total - 10
    part = rng.randint(ones + 1, 9)
    answer = part - ones
    return number_problem(
        f"Get to ten to subtract.\n\n{total} − {part} = {total} − {ones} − {MISSING}",
        answer,
        hints=(f"{total} − {ones} makes 10.", f"Break {part} into {ones} and the rest."),
        solution=f"{part} is {ones} and {answer}. So {total} − {part} = {total} − {ones} − **{answer}** = "
        f"10 − {answer} = {total - part}.",
        wrong=[part, ones, total - part],
    )


@template("1.OA.C.6")
def use_a_known_fact(rng: random.Random) -> Problem:
    """Use a known fact (a related addition, or a double) to find another."""
    if rng.random() < 0.5:
        a, b = rng.sample(range(3, 10), 2)
        total = a + b
        return number_problem(
            f"{a} + {b} = {total}.\n\nSo {total} − {a} = {MISSING}",
            b,
            hints=("Addition and subtraction facts come in families.", f"{a} and what make {total}?"),
            solution=f"{a} + {b} = {total}, so taking {a} from {total} leaves {b}: {total} − {a} = **{b}**.",
            wrong=[total + a, a, b + 1],
        )
    double = rng.randint(3, 9)
    answer = 2 * double + 1
    return number_problem(
        f"{double} + {double} = {2 * double}.\n\nSo {double} + {double + 1} = {MISSING}",
        answer,
        hints=(f"{double + 1} is 1 more than {double}.", "So the sum is 1 more than the double."),
        solution=f"{double} + {double + 1} is {double} + {double} and 1 more: {2 * double} + 1 = **{answer}**.",
        wrong=[2 * double, answer + 1, 2 * double + 2],
    )


# ---------------------------------------------------------------------------------------------------------
# 1.OA.D: the equal sign and unknowns in equations


def _equation_statement(rng: random.Random, true: bool) -> str:
    """An equation within 20 that is true or false; the false ones are the slips of a learner who reads "=" as
    "the answer comes next"."""
    a, b = rng.randint(2, 9), rng.randint(1, 9)
    form = rng.choice(("same", "sum", "difference", "switched", "two sums"))
    if form == "same":
        return f"{a} = {a}" if true else f"{a} = {a + 1}"
    if form == "sum":
        total = a + b if true else a + b + rng.choice((-1, 1))
        return rng.choice((f"{total} = {a} + {b}", f"{a} + {b} = {total}"))
    if form == "difference":
        big = a + b
        return (
            f"{big - a if true else big + a} = {big} − {a}"
            if rng.random() < 0.5
            else (f"{big} − {a} = {big - a if true else big - a + 1}")
        )
    if form == "switched":
        return f"{a} + {b} = {b} + {a}" if true else f"{a} + {b} = {a} − {b}" if a > b else f"{a} + {b} = {b} − {a}"
    other = rng.randint(1, a + b - 1)
    if true:
        return f"{a} + {b} = {other} + {a + b - other}"
    return f"{a} + {b} = {a + b} + {other}"


def _statements(rng: random.Random, true_count: int, total: int) -> tuple[list[str], list[str]]:
    """`true_count` true and the rest false equations, all different."""
    true, false = [], []
    while len(true) < true_count:
        statement = _equation_statement(rng, True)
        if statement not in true:
            true.append(statement)
    while len(false) < total - true_count:
        statement = _equation_statement(rng, False)
        if statement not in false:
            false.append(statement)
    return true, false


EQUAL_SIGN_HINTS = (
    "The equal sign means both sides have the same value.",
    "Work out each side. Are they the same number?",
)


@template("1.OA.D.7")
def pick_true_equations(rng: random.Random) -> Problem:
    """Pick every true equation among four."""
    true, false = _statements(rng, rng.randint(1, 3), 4)
    return multi_problem(
        rng,
        "Which equations are true? Pick all that are true.",
        true,
        false,
        hints=EQUAL_SIGN_HINTS,
        solution=f"An equation is true when both sides are the same value. {', '.join(true)}: both sides match. "
        f"{', '.join(false)}: the sides are different.",
    )


@template("1.OA.D.7")
def pick_the_true_equation(rng: random.Random) -> Problem:
    """Pick the one true equation among false ones."""
    true, false = _statements(rng, 1, 4)
    return choice_problem(
        rng,
        "Which equation is true?",
        true[0],
        false,
        hints=EQUAL_SIGN_HINTS,
        solution=f"Only one has the same value on both sides: **{true[0]}**.",
    )


@template("1.OA.D.7", difficulty=STRETCH)
def balance_the_equation(rng: random.Random) -> Problem:
    """Find the number that makes both sides of an equation equal (5 + 2 = ? + 4)."""
    a, b = rng.randint(2, 9), rng.randint(2, 9)
    total = a + b
    known = rng.randint(1, total - 1)
    answer = total - known
    stem = rng.choice(
        (f"{a} + {b} = {MISSING} + {known}", f"{a} + {b} = {known} + {MISSING}", f"{known} + {MISSING} = {a} + {b}")
    )
    return number_problem(
        f"What number makes this true?\n\n{stem}",
        answer,
        hints=(
            "The equal sign means both sides are the same amount. It is not always the answer.",
            f"First find {a} + {b}.",
        ),
        solution=f"{a} + {b} = {total}. The other side must make {total} too: {known} + {answer} = {total}. "
        f"The number is **{answer}**.",
        wrong=[total, total + known, answer + 1],
    )


@template("1.OA.D.8", difficulty=INTRODUCTORY)
def unknown_in_addition(rng: random.Random) -> Problem:
    """Find the unknown number in an addition equation (8 + ? = 11, 6 + 6 = ?)."""
    a, b = rng.randint(1, 12), rng.randint(1, 8)
    total = a + b
    form = rng.choice(("a+?=c", "?+b=c", "c=a+?", "c=?+b", "a+b=?", "?=a+b"))
    stem = {
        "a+?=c": f"{a} + {MISSING} = {total}",
        "?+b=c": f"{MISSING} + {b} = {total}",
        "c=a+?": f"{total} = {a} + {MISSING}",
        "c=?+b": f"{total} = {MISSING} + {b}",
        "a+b=?": f"{a} + {b} = {MISSING}",
        "?=a+b": f"{MISSING} = {a} + {b}",
    }[form]
    unknown = {"a+?=c": "b", "c=a+?": "b", "?+b=c": "a", "c=?+b": "a"}.get(form, "sum")
    answer = {"a": a, "b": b, "sum": total}[unknown]
    # The usual slip: combining the two numbers shown the wrong way.
    wrong = [abs(a - b) if unknown == "sum" else total + (a if unknown == "b" else b), answer + 1, answer - 1]
    return number_problem(
        f"What number makes this true?\n\n{stem}",
        answer,
        hints=(
            "The two sides of = must be the same amount.",
            "Add the two parts to get the whole, or find the part that is missing.",
        ),
        solution=f"{a} + {b} = {total}, so the missing number is **{answer}**.",
        wrong=wrong,
    )


@template("1.OA.D.8")
def unknown_in_subtraction(rng: random.Random) -> Problem:
    """Find the unknown number in a subtraction equation (5 = ? − 3, 12 − ? = 7)."""
    left, gone = rng.randint(1, 12), rng.randint(1, 8)
    total = left + gone
    form = rng.choice(("c-b=?", "c-?=a", "?-b=a", "a=c-?", "a=?-b"))
    stem = {
        "c-b=?": f"{total} − {gone} = {MISSING}",
        "c-?=a": f"{total} − {MISSING} = {left}",
        "?-b=a": f"{MISSING} − {gone} = {left}",
        "a=c-?": f"{left} = {total} − {MISSING}",
        "a=?-b": f"{left} = {MISSING} − {gone}",
    }[form]
    if form == "c-b=?":
        answer, wrong = left, [total + gone, left + 1]
    elif form in ("c-?=a", "a=c-?"):
        answer, wrong = gone, [total + left, gone + 1]
    else:
        answer, wrong = total, [abs(left - gone), total + 1]
    return number_problem(
        f"What number makes this true?\n\n{stem}",
        answer,
        hints=("The two sides of = must be the same amount.", "Think of the addition fact that goes with it."),
        solution=f"{left} + {gone} = {total}, so {total} − {gone} = {left}. The missing number is **{answer}**.",
        wrong=[*wrong, answer - 1],
    )


# ---------------------------------------------------------------------------------------------------------
# 1.NBT.A-B: counting to 120, place value, comparing


def plural_s(count: int) -> str:
    return "" if count == 1 else "s"


def tens_and_ones(tens: int, ones: int) -> str:
    """ "4 tens and 7 ones", "1 ten and 1 one"."""
    return f"{plural(tens, 'ten')} and {plural(ones, 'one')}"


def _place_parts(number: int) -> tuple[int, int, int]:
    return number // 100, number // 10 % 10, number % 10


@template("1.NBT.A.1", difficulty=INTRODUCTORY)
def count_on_to_120(rng: random.Random) -> Problem:
    """Say the next number when counting by ones up to 120, often across a ten or a hundred."""
    if rng.random() < 0.5:
        last = rng.choice(range(29, 120, 10))
        wrong = [last // 10 * 10, int(f"{last // 10}10"), last + 2]
    else:
        last = rng.choice([number for number in range(20, 119) if number % 10 != 9])
        wrong = [last + 2, last + 10, last - 1]
    answer = last + 1
    return number_problem(
        f"Count by ones.\n\n{sequence_text([last - 2, last - 1, last, MISSING])}\n\nWhat number comes next?",
        answer,
        hints=("Say the numbers out loud.", "After a number that ends in 9, the tens go up by 1."),
        solution=f"Counting by ones: {sequence_text([last - 2, last - 1, last])}, **{answer}**.",
        wrong=wrong,
    )


@template("1.NBT.A.1")
def number_shown_by_blocks(rng: random.Random) -> Problem:
    """Write the number (up to 120) that base-ten blocks show."""
    if rng.random() < 0.35:
        number = rng.randint(100, 120)
    else:
        number = rng.randint(21, 99)
    hundreds, tens, ones = _place_parts(number)
    if hundreds:
        wrong = [10 * tens + ones, hundreds + tens + ones, number + 10]
        parts = f"1 hundred is 100, {plural(tens, 'ten')} is {10 * tens} and {plural(ones, 'one')} is {ones}"
    else:
        wrong = [10 * ones + tens, tens + ones, number + 1]
        parts = f"{plural(tens, 'ten')} is {10 * tens} and {plural(ones, 'one')} is {ones}"
    return number_problem(
        "What number do the blocks show?",
        number,
        hints=("A flat is 100. A rod is 10. A small cube is 1.", "Count the rods by tens, then count on the cubes."),
        solution=f"{parts}. Together that is **{number}**.",
        wrong=wrong,
        figure=figures.base_ten(hundreds, tens, ones),
    )


@template("1.NBT.A.1")
def numeral_for_number_name(rng: random.Random) -> Problem:
    """Pick the numeral for a number name up to 120."""
    number = rng.randint(100, 120) if rng.random() < 0.5 else rng.randint(21, 99)
    hundreds, tens, ones = _place_parts(number)
    if hundreds:
        wrong = [f"100{number - 100}", str(100 + 10 * ones + tens), str(number + 10 if number < 111 else number - 10)]
    else:
        wrong = [str(10 * ones + tens), f"{tens}0{ones}", str(number + 10)]
    options = distinct_wrong(str(number), [option for option in wrong if option != str(number)], 3)
    return choice_problem(
        rng,
        f"Which number is **{number_word(number)}**?",
        str(number),
        options,
        hints=("Say each number out loud.", "Check the tens and the ones."),
        solution=f"{number_word(number).capitalize()} is written **{number}**.",
    )


@template("1.NBT.B.2")
def tens_or_ones_digit(rng: random.Random) -> Problem:
    """Say how many tens (or ones) a two-digit number has."""
    tens, ones = rng.sample(range(1, 10), 2)
    number = 10 * tens + ones
    if rng.random() < 0.5:
        return number_problem(
            f"How many tens are in {number}?",
            tens,
            hints=("The left digit tells the tens.", "The right digit tells the ones."),
            solution=f"{number} is {tens_and_ones(tens, ones)}. It has **{tens}** ten{plural_s(tens)}.",
            wrong=[ones, number, tens + 1],
        )
    return number_problem(
        f"How many ones are in the ones place of {number}?",
        ones,
        hints=("The right digit tells the ones.", "The left digit tells the tens."),
        solution=f"{number} is {tens_and_ones(tens, ones)}. The ones digit is **{ones}**.",
        wrong=[tens, number, ones + 1],
    )


@template("1.NBT.B.2")
def number_from_tens_and_ones(rng: random.Random) -> Problem:
    """Write the number that some tens and ones make (given in either order)."""
    tens, ones = rng.sample(range(1, 10), 2)
    number = 10 * tens + ones
    words = tens_and_ones(tens, ones) if rng.random() < 0.6 else f"{plural(ones, 'one')} and {plural(tens, 'ten')}"
    return number_problem(
        f"What number is {words}?",
        number,
        hints=("Tens go in the left place and ones in the right place.", f"{plural(tens, 'ten')} is {10 * tens}."),
        solution=f"{plural(tens, 'ten')} is {10 * tens}, and {plural(ones, 'one')} more make **{number}**.",
        wrong=[tens + ones, 10 * ones + tens, int(f"{tens}0{ones}")],
    )


@template("1.NBT.B.2")
def describe_blocks_as_tens_and_ones(rng: random.Random) -> Problem:
    """Pick the tens and ones that base-ten blocks show."""
    tens, ones = rng.sample(range(1, 10), 2)
    number = 10 * tens + ones
    correct = tens_and_ones(tens, ones)
    wrong = [tens_and_ones(ones, tens), f"{number} tens", f"{tens + ones} ones"]
    return choice_problem(
        rng,
        "Which tells about the blocks?",
        correct,
        wrong,
        hints=("Each rod is a ten. Each small cube is a one.", "Count the rods, then the cubes."),
        solution=f"There are {plural(tens, 'rod')} and {plural(ones, 'small cube')}: **{correct}**, which is {number}.",
        figure=figures.base_ten(0, tens, ones),
    )


@template("1.NBT.B.2a", difficulty=INTRODUCTORY)
def more_to_make_a_ten(rng: random.Random) -> Problem:
    """Find how many more ones make a ten."""
    who = name(rng)
    count = rng.randint(2, 9)
    thing = rng.choice(("cubes", "straws", "beads"))
    bundle = {"cubes": "a train of 10 cubes", "straws": "a bundle of 10 straws", "beads": "a string of 10 beads"}
    return number_problem(
        f"{who} is making a ten: {bundle[thing]}. {who} has {count} {thing}.\n\nHow many more {thing} does {who} need?",
        10 - count,
        hints=("A ten is 10 ones.", f"Count on from {count} to 10."),
        solution=f"{count} + {10 - count} = 10, so {who} needs **{10 - count}** more to make a ten.",
        wrong=[count, 10, 11 - count],
        figure=figures.objects(count, shape="square", per_row=10, thing=thing),
    )


@template("1.NBT.B.2a")
def group_that_makes_a_ten(rng: random.Random) -> Problem:
    """Pick the group that makes exactly one ten (ten ones)."""
    others = rng.sample([count for count in range(6, 15) if count != 10], 2)
    counts = [10, *others]
    rng.shuffle(counts)
    groups = [f"Group {letter}" for letter in LETTERS[:3]]
    correct = groups[counts.index(10)]
    return choice_problem(
        rng,
        "Which group is exactly 1 ten, with no ones left over?",
        correct,
        groups,
        keep_order=True,
        hints=("A ten is a bundle of ten ones.", "Count each group."),
        solution=f"{', '.join(f'{g} has {c}' for g, c in zip(groups, counts))}. Ten ones make 1 ten: **{correct}**.",
        figure=labelled_rows(list(zip(groups, counts)), kind="circle", in_fives=True),
    )


@template("1.NBT.B.2b", difficulty=INTRODUCTORY)
def teen_as_a_ten_and_ones(rng: random.Random) -> Problem:
    """Break a number from 11 to 19 into a ten and some ones, or put them together."""
    ones = rng.randint(1, 9)
    number = 10 + ones
    if rng.random() < 0.5:
        return number_problem(
            f"{number} is 1 ten and how many ones?",
            ones,
            hints=("One ten-frame is full. That is 1 ten.", "Count the counters in the other ten-frame."),
            solution=f"{number} = 10 + {ones}: 1 ten and **{ones}** one{plural_s(ones)}.",
            wrong=[1, number, ones + 1],
            figure=figures.ten_frame(number, frames=2),
        )
    return number_problem(
        f"What number is {tens_and_ones(1, ones)}?",
        number,
        hints=("1 ten is 10.", "Start at 10 and count on the ones."),
        solution=f"1 ten is 10, and {plural(ones, 'one')} more make **{number}**.",
        wrong=[1 + ones, 10 * ones + 1, int(f"10{ones}")],
    )


@template("1.NBT.B.2b")
def teen_blocks_as_ten_and_ones(rng: random.Random) -> Problem:
    """Pick the words for a teen number shown with a ten rod and ones cubes."""
    ones = rng.randint(1, 9)
    correct = tens_and_ones(1, ones)
    wrong = [
        tens_and_ones(ones, 1) if ones != 1 else "2 tens and 0 ones",
        tens_and_ones(1, 10 + ones),
        f"{10 + ones} tens",
    ]
    return choice_problem(
        rng,
        f"The blocks show {10 + ones}. Which is the same as {10 + ones}?",
        correct,
        wrong,
        hints=("The rod is 1 ten.", "Count the small cubes for the ones."),
        solution=f"There is 1 rod and {plural(ones, 'small cube')}: **{correct}**.",
        figure=figures.base_ten(0, 1, ones),
    )


@template("1.NBT.B.2c", difficulty=INTRODUCTORY)
def tens_in_a_decade_number(rng: random.Random) -> Problem:
    """Say how many tens make 10, 20, ... 90, or the number some tens make."""
    tens = rng.randint(1, 9)
    number = 10 * tens
    form = rng.choice(("tens in", "number of", "rods"))
    if form == "tens in":
        return number_problem(
            f"How many tens make {number}?",
            tens,
            hints=("Count by tens: 10, 20, 30 …", f"Stop when you reach {number}."),
            solution=f"Counting by tens to {number} takes {plural(tens, 'step')}. {number} is **{tens}** "
            f"ten{plural_s(tens)} and 0 ones.",
            wrong=[number, 0, tens + 1],
        )
    if form == "number of":
        stem = f"What number is {tens_and_ones(tens, 0)}?"
        figure = ""
    else:
        stem = "Each rod is 1 ten. What number do the rods show?"
        figure = figures.base_ten(0, tens, 0)
    return number_problem(
        stem,
        number,
        hints=("Count by tens: 10, 20, 30 …", "There are 0 ones."),
        solution=f"{plural(tens, 'ten')} is {' + '.join(['10'] * tens)} = **{number}**.",
        wrong=[tens, number + 10, 100 * tens],
        figure=figure,
    )


@template("1.NBT.B.2c")
def same_as_decade_number(rng: random.Random) -> Problem:
    """Pick the tens and ones that make a multiple of 10."""
    tens = rng.randint(2, 9)
    number = 10 * tens
    correct = tens_and_ones(tens, 0)
    wrong = [f"{number} tens", tens_and_ones(0, tens), tens_and_ones(tens, tens)]
    return choice_problem(
        rng,
        f"Which is the same as {number}?",
        correct,
        wrong,
        hints=("The left digit tells the tens.", "A 0 in the ones place means no ones."),
        solution=f"{number} has {tens} in the tens place and 0 in the ones place: **{correct}**.",
    )


def _two_digit_pair(rng: random.Random) -> tuple[int, int]:
    """Two two-digit numbers that test place value: same tens, digits switched, different tens, or equal."""
    kind = rng.choice(("same tens", "switched", "different tens", "different tens", "equal"))
    tens, ones = rng.randint(1, 9), rng.randint(0, 9)
    first = 10 * tens + ones
    if kind == "same tens":
        second = 10 * tens + rng.choice([digit for digit in range(10) if digit != ones])
    elif kind == "switched" and ones and ones != tens:
        second = 10 * ones + tens
    elif kind == "equal":
        second = first
    else:
        second = 10 * rng.choice([digit for digit in range(1, 10) if digit != tens]) + rng.randint(0, 9)
    return first, second


def _compare_reason(first: int, second: int) -> str:
    if first == second:
        return "They are the same number."
    if first // 10 != second // 10:
        return f"Compare the tens first: {plural(first // 10, 'ten')} and {plural(second // 10, 'ten')}."
    return f"The tens are the same, so compare the ones: {plural(first % 10, 'one')} and {plural(second % 10, 'one')}."


COMPARE_HINTS = ("Compare the tens first.", "If the tens are the same, compare the ones.")


@template("1.NBT.B.3")
def compare_two_digit_numbers(rng: random.Random) -> Problem:
    """Compare two two-digit numbers with >, = or <."""
    first, second = _two_digit_pair(rng)
    answer = comparison(first, second)
    return Problem(
        stem=f"Which symbol goes in the box: >, = or <?\n\n{first} □ {second}",
        answer=answer,
        hints=COMPARE_HINTS,
        solution=f"{_compare_reason(first, second)} So {first} {answer.display} {second}.",
    )


@template("1.NBT.B.3")
def compare_tens_and_ones(rng: random.Random) -> Problem:
    """Compare two numbers given as tens and ones (or one of them as digits)."""
    first, second = _two_digit_pair(rng)
    left = tens_and_ones(first // 10, first % 10)
    right = tens_and_ones(second // 10, second % 10) if rng.random() < 0.5 else str(second)
    answer = comparison(first, second)
    return Problem(
        stem=f"Which symbol goes in the box: >, = or <?\n\n{left} □ {right}",
        answer=answer,
        hints=COMPARE_HINTS,
        solution=f"{left} is {first}. {_compare_reason(first, second)} So {left} {answer.display} {right}.",
    )


@template("1.NBT.B.3")
def pick_true_comparison(rng: random.Random) -> Problem:
    """Pick the one true comparison among statements about two-digit numbers."""
    statements = []
    for want_true in (True, False, False):
        first, second = _two_digit_pair(rng)
        while (first, second) in [pair for pair, _ in statements] or (not want_true and first == second):
            first, second = _two_digit_pair(rng)
        right = comparison(first, second).display
        symbol = right if want_true else rng.choice([other for other in "<>=" if other != right])
        statements.append(((first, second), f"{first} {symbol} {second}"))
    correct = statements[0][1]
    (first, second), _ = statements[0]
    return choice_problem(
        rng,
        "Which is true?",
        correct,
        [statement for _, statement in statements[1:]],
        hints=COMPARE_HINTS,
        solution=f"{_compare_reason(first, second)} So **{correct}** is true; the others are not.",
    )


# ---------------------------------------------------------------------------------------------------------
# 1.NBT.C: adding within 100, ten more and ten less, subtracting tens


@template("1.NBT.C.4")
def add_one_digit_number(rng: random.Random) -> Problem:
    """Add a one-digit number to a two-digit number, sometimes making a new ten."""
    regroup = rng.random() < 0.6
    while True:
        first, second = rng.randint(11, 89), rng.randint(2, 9)
        if (first % 10 + second >= 10) == regroup and first % 10 and first + second <= 100:
            break
    total = first + second
    tens, ones = divmod(first, 10)
    if regroup:
        how = (
            f"{ones} + {second} = {ones + second}: that is 1 more ten and {plural(ones + second - 10, 'one')}. "
            f"{plural(tens, 'ten')} + 1 ten = {tens + 1} tens. So {first} + {second} = **{total}**."
        )
    else:
        how = (
            f"Add the ones: {ones} + {second} = {ones + second}. The tens stay {tens}. "
            f"So {first} + {second} = **{total}**."
        )
    return number_problem(
        f"{first} + {second} = {MISSING}",
        total,
        hints=("Add the ones first.", "If the ones make 10 or more, make a new ten."),
        solution=how,
        wrong=[10 * tens + (ones + second) % 10, first + 10 * second, total + 1],
    )


@template("1.NBT.C.4")
def add_multiple_of_ten(rng: random.Random) -> Problem:
    """Add a multiple of 10 to a two-digit number."""
    first = rng.randint(11, 79)
    tens_added = rng.randint(1, (99 - first) // 10)
    total = first + 10 * tens_added
    return number_problem(
        f"{first} + {10 * tens_added} = {MISSING}",
        total,
        hints=(
            f"{10 * tens_added} is {tens_added} ten{'s' if tens_added > 1 else ''}.",
            "Add tens to tens. The ones do not change.",
        ),
        solution=f"{first} is {tens_and_ones(first // 10, first % 10)}. Add {plural(tens_added, 'ten')}: "
        f"{first // 10 + tens_added} tens and {first % 10} ones is **{total}**.",
        wrong=[first + tens_added, total + 10, 10 * (first // 10 + tens_added)],
    )


@template("1.NBT.C.4", difficulty=STRETCH)
def add_two_digit_story(rng: random.Random) -> Problem:
    """Solve a story that adds two two-digit numbers within 100."""
    while True:
        first, second = rng.randint(12, 68), rng.randint(12, 48)
        if first + second <= 99 and first % 10 and second % 10:
            break
    who = name(rng)
    total = first + second
    tens = first // 10 + second // 10
    ones = first % 10 + second % 10
    return number_problem(
        f"{who} has {first} stickers. {who} gets {second} more stickers.\n\nHow many stickers does {who} have now?",
        total,
        hints=("Add tens and tens, then ones and ones.", "If the ones make 10 or more, make a new ten."),
        solution=f"Tens: {first // 10 * 10} + {second // 10 * 10} = {10 * tens}. Ones: {first % 10} + {second % 10} = "
        f"{ones}. {10 * tens} + {ones} = **{total}** stickers.",
        wrong=[10 * tens + ones % 10, int(f"{tens}{ones}"), total + 10, total - 1],
    )


@template("1.NBT.C.4")
def add_tens_and_ones_separately(rng: random.Random) -> Problem:
    """Pick the sum of tens plus the sum of ones that equals a two-digit addition."""
    while True:
        first, second = rng.randint(12, 68), rng.randint(12, 48)
        if first + second <= 99 and first % 10 and second % 10:
            break
    tens = 10 * (first // 10 + second // 10)
    ones = first % 10 + second % 10
    correct = f"{tens} + {ones}"
    candidates = [
        (tens, ones % 10) if ones >= 10 else (tens + 10, ones),
        (tens // 10, ones),
        (first // 10 * 10, second),
        (tens, first % 10),
    ]
    wrong = [f"{a} + {b}" for a, b in candidates if a + b != first + second]
    return choice_problem(
        rng,
        f"Add tens and tens, and ones and ones. Which is the same as {first} + {second}?",
        correct,
        wrong,
        hints=(
            f"The tens: {plural(first // 10, 'ten')} and {plural(second // 10, 'ten')}.",
            f"The ones: {first % 10} and {second % 10}.",
        ),
        solution=f"{first // 10 * 10} + {second // 10 * 10} = {tens} and {first % 10} + {second % 10} = {ones}. "
        f"So {first} + {second} = **{correct}** = {first + second}.",
    )


@template("1.NBT.C.5", difficulty=INTRODUCTORY)
def ten_more_or_ten_less(rng: random.Random) -> Problem:
    """Find 10 more or 10 less than a two-digit number."""
    if rng.random() < 0.5:
        number = rng.randint(10, 89)
        answer, word, other = number + 10, "more", number - 10
        near = number + 1
    else:
        number = rng.randint(20, 99)
        answer, word, other = number - 10, "less", number + 10
        near = number - 1
    return number_problem(
        f"What is 10 {word} than {number}?",
        answer,
        hints=("10 more or 10 less changes the tens digit by 1.", "The ones digit stays the same."),
        solution=f"The tens digit goes {'up' if word == 'more' else 'down'} by 1 and the ones stay the same: "
        f"10 {word} than {number} is **{answer}**.",
        wrong=[near, other, answer + 1],
    )


@template("1.NBT.C.5")
def ten_more_than_blocks(rng: random.Random) -> Problem:
    """Pick the number 10 more or 10 less than the number base-ten blocks show."""
    tens, ones = rng.randint(2, 8), rng.randint(0, 9)
    number = 10 * tens + ones
    more = rng.random() < 0.5
    answer = number + 10 if more else number - 10
    word = "more" if more else "less"
    slips = (number + 1, number - 10, 10 * (tens + 1)) if more else (number - 1, number + 10, 10 * (tens - 1))
    options = [str(value) for value in distinct_wrong(answer, slips)]
    return choice_problem(
        rng,
        f"What number is 10 {word} than the number the blocks show?",
        str(answer),
        options,
        hints=("First find the number the blocks show.", f"10 {word} means one {'more' if more else 'fewer'} rod."),
        solution=f"The blocks show {number}. One {'more' if more else 'fewer'} rod gives **{answer}**.",
        figure=figures.base_ten(0, tens, ones),
    )


@template("1.NBT.C.6", difficulty=INTRODUCTORY)
def subtract_multiples_of_ten(rng: random.Random) -> Problem:
    """Subtract a multiple of 10 from a multiple of 10 (10 to 90)."""
    first = 10 * rng.randint(2, 9)
    second = 10 * rng.randint(1, first // 10)
    answer = first - second
    return number_problem(
        f"{first} − {second} = {MISSING}",
        answer,
        hints=(
            f"{first} is {plural(first // 10, 'ten')}."
            + ("" if first == second else f" {second} is {plural(second // 10, 'ten')}."),
            "Take away tens from tens.",
        ),
        solution=f"{plural(first // 10, 'ten')} − {plural(second // 10, 'ten')} = {plural(answer // 10, 'ten')}. "
        f"So {first} − {second} = **{answer}**.",
        wrong=[first + second, answer // 10, answer + 10],
    )


@template("1.NBT.C.6")
def subtract_tens_story(rng: random.Random) -> Problem:
    """Solve a story that takes tens away from tens."""
    who = name(rng)
    first = 10 * rng.randint(3, 9)
    second = 10 * rng.randint(1, first // 10 - 1)
    answer = first - second
    thing = rng.choice(("crayons", "beads", "stickers", "cubes"))
    return number_problem(
        f"{who} has {first} {thing} in packs of 10. {who} gives away {second} {thing}.\n\n"
        f"How many {thing} does {who} have left?",
        answer,
        hints=("Think in tens: how many packs at the start?", "How many packs are given away?"),
        solution=f"{first // 10} packs − {plural(second // 10, 'pack')} = {plural(answer // 10, 'pack')} of 10. "
        f"{who} has **{answer}** {thing} left.",
        wrong=[first + second, answer // 10, answer - 10],
    )


@template("1.NBT.C.6")
def subtract_tens_as_tens(rng: random.Random) -> Problem:
    """Pick the tens subtraction that means the same as a subtraction of multiples of 10."""
    first_tens = rng.randint(3, 9)
    second_tens = rng.randint(1, first_tens - 1)
    first, second = 10 * first_tens, 10 * second_tens
    correct = f"{first_tens} tens − {plural(second_tens, 'ten')}"
    wrong = [
        f"{first_tens} tens − {plural(second_tens, 'one')}",
        f"{first_tens} ones − {plural(second_tens, 'one')}",
        f"{first_tens + second_tens} tens",
    ]
    return choice_problem(
        rng,
        f"Which is the same as {first} − {second}?",
        correct,
        wrong,
        hints=(f"How many tens is {first}?", f"How many tens is {second}?"),
        solution=f"{first} is {first_tens} tens and {second} is {plural(second_tens, 'ten')}, "
        f"so {first} − {second} is **{correct}** = {first - second}.",
    )


# ---------------------------------------------------------------------------------------------------------
# 1.MD.A: ordering and measuring lengths

LENGTH_THINGS = ("pencil", "crayon", "marker", "ribbon", "straw", "spoon", "paintbrush", "key")


def _three_lengths(rng: random.Random) -> list[tuple[str, int]]:
    things = rng.sample(LENGTH_THINGS, 3)
    lengths = rng.sample(range(3, 13, 2), 3)
    return list(zip(things, lengths))


@template("1.MD.A.1")
def order_three_by_length(rng: random.Random) -> Problem:
    """Order three pictured objects by length."""
    bars = _three_lengths(rng)
    shortest_first = rng.random() < 0.5
    order = [thing for thing, _ in sorted(bars, key=lambda bar: bar[1], reverse=not shortest_first)]
    correct = ", ".join(order)
    others = [
        ", ".join(order[::-1]),
        ", ".join((order[1], order[0], order[2])),
        ", ".join((order[0], order[2], order[1])),
        ", ".join(thing for thing, _ in bars),
    ]
    way = "shortest to longest" if shortest_first else "longest to shortest"
    return choice_problem(
        rng,
        f"Put them in order from {way}.",
        correct,
        others,
        hints=(
            "They all start at the same line. Look at where each one ends.",
            f"Find the {'shortest' if shortest_first else 'longest'} one first.",
        ),
        solution=f"From {way}: **{correct}**.",
        figure=length_bars([(f"the {thing}", length) for thing, length in bars], thing="things"),
    )


@template("1.MD.A.1", difficulty=INTRODUCTORY)
def longest_or_shortest_of_three(rng: random.Random) -> Problem:
    """Pick the longest (or shortest) of three pictured objects."""
    bars = _three_lengths(rng)
    longest = rng.random() < 0.5
    pick = max if longest else min
    answer = pick(bars, key=lambda bar: bar[1])[0]
    word = "longest" if longest else "shortest"
    return choice_problem(
        rng,
        f"Which is the {word}?",
        f"the {answer}",
        [f"the {thing}" for thing, _ in bars],
        keep_order=True,
        hints=("They all start at the same line.", f"Which one ends {'last' if longest else 'first'}?"),
        solution=f"The {answer} {'goes the farthest' if longest else 'stops first'}, "
        f"so **the {answer}** is the {word}.",
        figure=length_bars([(f"the {thing}", length) for thing, length in bars], thing="things"),
    )


@template("1.MD.A.1")
def compare_using_a_third_object(rng: random.Random) -> Problem:
    """Compare two lengths indirectly, through a third object (a string, or a chain of comparisons)."""
    first, second = rng.sample(("table", "door", "rug", "bookshelf", "bed", "window", "desk"), 2)
    who = name(rng)
    longer = rng.random() < 0.5
    if rng.random() < 0.5:
        middle = "string"
        story = (
            f"{who} cuts a string just as long as the {first}. The string is "
            f"{'longer' if longer else 'shorter'} than the {second}."
        )
        reason = f"The {first} is as long as the string, and the string is {'longer' if longer else 'shorter'}"
    else:
        middle = rng.choice(("rope", "jump rope", "measuring tape"))
        story = (
            f"The {first} is {'longer' if longer else 'shorter'} than the {middle}. The {middle} is "
            f"{'longer' if longer else 'shorter'} than the {second}."
        )
        reason = (
            f"The {first} is {'longer' if longer else 'shorter'} than the {middle}, which is "
            f"{'longer' if longer else 'shorter'}"
        )
    ask_longer = rng.random() < 0.5
    correct = f"the {first}" if ask_longer == longer else f"the {second}"
    word = "longer" if ask_longer else "shorter"
    return choice_problem(
        rng,
        f"{story}\n\nWhich is {word}: the {first} or the {second}?",
        correct,
        [f"the {first}", f"the {second}", "They are the same length", "You cannot tell"],
        keep_order=True,
        hints=(f"Use the {middle} to compare.", f"Compare each of them with the {middle}."),
        solution=f"{reason} than the {second}. So **{correct}** is {word}.",
    )


UNITS = {"paper clips": "paper clip", "cubes": "cube"}


def _draw_unit(svg: Svg, unit: str, x: float, y: float, width: float) -> None:
    if unit == "cubes":
        side = min(width, 26)
        svg.rect(x, y + (26 - side) / 2, width, side, fill=SHADE)
    else:
        svg.rect(x + 1, y + 5, width - 2, 16, fill="#ffffff", stroke=FILL_DARK, stroke_width=2, rx=8)
        svg.rect(x + 5, y + 9, width - 12, 8, fill="#ffffff", stroke=FILL_DARK, stroke_width=1.5, rx=4)


def _unit_row(svg: Svg, y: float, length: int, unit: str, layout: str, scale: float, left: float = 20) -> int:
    """Draw the object (a bar `length` units long) with units under it laid out `layout` ("right": end to end,
    "gaps", "overlaps"); return how many units were laid."""
    svg.rect(left, y, length * scale, 24, fill=FILL, rx=6)
    step = {"right": 1.0, "gaps": 1.5, "overlaps": 0.7}[layout]
    # As many units as fit inside the object's length with that spacing.
    count = length if layout == "right" else int((length - 1) / step) + 1
    for index in range(count):
        # Overlapping units are staggered up and down so the overlap shows.
        drop = 8 if layout == "overlaps" and index % 2 else 0
        _draw_unit(svg, unit, left + index * step * scale, y + 32 + drop, scale)
    return count


LAYOUT_WORDS = {
    "right": "laid end to end from one end of the {thing} to the other, with no gaps and no overlaps",
    "gaps": "laid with gaps between them",
    "overlaps": "laid overlapping each other",
}


@template("1.MD.A.2", difficulty=INTRODUCTORY)
def measure_with_units(rng: random.Random) -> Problem:
    """Tell the length of an object as the number of same-size units laid end to end along it."""
    thing = rng.choice(LENGTH_THINGS)
    unit = rng.choice(tuple(UNITS))
    length = rng.randint(3, 12)
    scale = min(40, 440 / length)
    svg = Svg(length * scale + 40, 100)
    _unit_row(svg, 14, length, unit, "right", scale)
    label = f"A {thing} with {unit} under it, " + LAYOUT_WORDS["right"].format(thing=thing)
    return number_problem(
        f"How many {unit} long is the {thing}?",
        length,
        hints=("Count each unit once.", f"The {unit} go from one end of the {thing} to the other."),
        solution=f"The {unit} are end to end with no gaps or overlaps. Counting them gives **{length}** {unit}.",
        wrong=[length + 1, length - 1],
        figure=svg.render(label + f": {' '.join(['[' + UNITS[unit] + ']'] * length)}"),
    )


@template("1.MD.A.2")
def pick_the_right_measuring(rng: random.Random) -> Problem:
    """Pick the picture that measures a length the right way (no gaps, no overlaps)."""
    thing = rng.choice(LENGTH_THINGS)
    unit = rng.choice(tuple(UNITS))
    length = rng.randint(5, 9)
    layouts = ["right", "gaps", "overlaps"]
    rng.shuffle(layouts)
    scale = 36
    svg = Svg(length * scale + 110, 3 * 80 + 10)
    rows = [f"Row {letter}" for letter in LETTERS[:3]]
    for index, layout in enumerate(layouts):
        svg.text(40, 20 + index * 80 + 30, rows[index], size=14, weight="bold")
        _unit_row(svg, 16 + index * 80, length, unit, layout, scale, left=80)
    correct = rows[layouts.index("right")]
    told = "; ".join(f"{row}: {unit} {LAYOUT_WORDS[layout].format(thing=thing)}" for row, layout in zip(rows, layouts))
    return choice_problem(
        rng,
        f"Which row shows the right way to measure the {thing} with {unit}?",
        correct,
        rows,
        keep_order=True,
        hints=("Look for gaps between the units.", "Look for units lying on top of each other."),
        solution=f"The units must touch end to end, with no gaps and no overlaps. That is **{correct}**.",
        figure=svg.render(f"Three rows, each a {thing} with {unit} under it. {told}"),
    )


@template("1.MD.A.2", difficulty=STRETCH)
def gaps_or_overlaps_change_the_count(rng: random.Random) -> Problem:
    """Say whether a count of units laid with gaps or overlaps is too small, too big or right."""
    thing = rng.choice(LENGTH_THINGS)
    unit = rng.choice(tuple(UNITS))
    length = rng.randint(5, 10)
    layout = rng.choice(("gaps", "overlaps", "gaps", "overlaps", "right"))
    scale = min(40, 440 / length)
    svg = Svg(length * scale + 40, 100)
    count = _unit_row(svg, 14, length, unit, layout, scale)
    who = name(rng)
    correct = {"gaps": "too small", "overlaps": "too big", "right": "right"}[layout]
    why = {
        "gaps": "The gaps are parts of the {thing} that no unit covers, so the count is too small.",
        "overlaps": "Where units overlap, the same part is counted twice, so the count is too big.",
        "right": "The units touch end to end with no gaps or overlaps, so the count is right.",
    }[layout]
    return choice_problem(
        rng,
        f"{who} measured the {thing} like this and counted {count} {unit}.\n\nIs {who}'s count too small, "
        "right, or too big?",
        correct,
        ["too small", "right", "too big"],
        keep_order=True,
        hints=("Units must touch end to end.", "Are there gaps? Do any units lie on top of each other?"),
        solution=f"{why.format(thing=thing)} The count is **{correct}**.",
        figure=svg.render(f"A {thing} with {count} {unit} under it, " + LAYOUT_WORDS[layout].format(thing=thing)),
    )


# ---------------------------------------------------------------------------------------------------------
# 1.MD.B: time to the hour and half hour


def digital_clock(hour: int, minute: int) -> str:
    svg = Svg(200, 90)
    svg.rect(10, 10, 180, 70, fill=INK, rx=12)
    svg.text(100, 60, f"{hour}:{minute:02d}", size=38, weight="bold", fill="#ffffff")
    return svg.render(f"A digital clock showing {hour}:{minute:02d}")


def _time_words(hour: int, minute: int) -> str:
    return f"half past {hour}" if minute else f"{hour} o'clock"


def _clock_slips(hour: int, minute: int) -> list[str]:
    """Times a child reads off the clock by mistake: the next hour for half past, the hands switched, the other
    half hour."""
    following = hour % 12 + 1
    if minute:
        return [f"{following}:30", f"6:{hour * 5 % 60:02d}", f"{hour}:00"]
    return [f"12:{hour * 5 % 60:02d}", f"{following}:00", f"{hour}:30"]


def _accepted_times(hour: int, minute: int) -> list[str]:
    if minute:
        forms = [f"{hour}:30", f"{hour:02d}:30", f"half past {hour}", f"half past {number_word(hour)}"]
    else:
        forms = [f"{hour}:00", f"{hour:02d}:00", f"{hour} o'clock", f"{number_word(hour)} o'clock", f"{hour} oclock"]
    return list(dict.fromkeys(forms))


def _clock_reading(hour: int, minute: int) -> str:
    if minute:
        return (
            f"The minute hand points to the 6: that is half past. The hour hand is halfway between the {hour} "
            f"and the {hour % 12 + 1}, so the hour is still {hour}."
        )
    return f"The minute hand points to the 12: that is o'clock. The hour hand points to the {hour}."


CLOCK_HINTS = (TIME_HINT_HOUR, "The long hand on the 12 means o'clock; on the 6 it means half past.")


@template("1.MD.B.3", difficulty=INTRODUCTORY)
def write_time_from_clock(rng: random.Random) -> Problem:
    """Write the time an analog clock shows, to the hour or half hour."""
    hour, minute = rng.randint(1, 12), rng.choice((0, 30))
    accepted = _accepted_times(hour, minute)
    example = rng.choice([other for other in range(1, 13) if other != hour])
    return Problem(
        stem=f"What time does the clock show? Write it like {example}:00 or {example}:30.",
        answer=text(accepted),
        hints=CLOCK_HINTS,
        solution=f"{_clock_reading(hour, minute)} The time is **{accepted[0]}**.",
        wrong_answers=tuple(slip for slip in _clock_slips(hour, minute) if slip not in accepted),
        figure=figures.clock(hour, minute),
    )


@template("1.MD.B.3")
def pick_time_from_clock(rng: random.Random) -> Problem:
    """Pick the digital time that an analog clock shows."""
    hour, minute = rng.randint(1, 12), rng.choice((0, 30))
    correct = f"{hour}:{minute:02d}"
    return choice_problem(
        rng,
        "What time does the clock show?",
        correct,
        _clock_slips(hour, minute),
        hints=CLOCK_HINTS,
        solution=f"{_clock_reading(hour, minute)} The time is **{correct}**.",
        figure=figures.clock(hour, minute),
    )


@template("1.MD.B.3")
def digital_time_in_words(rng: random.Random) -> Problem:
    """Pick the words for the time a digital clock shows."""
    hour, minute = rng.randint(1, 12), rng.choice((0, 30))
    correct = _time_words(hour, minute)
    following, before = hour % 12 + 1, (hour - 2) % 12 + 1
    if minute:
        wrong = [f"{hour} o'clock", f"half past {following}", f"half past {before}"]
    else:
        wrong = [f"half past {hour}", f"half past {before}", "12 o'clock" if hour != 12 else "6 o'clock"]
    return choice_problem(
        rng,
        "Which is the same time as the clock shows?",
        correct,
        wrong,
        hints=("The number before the dots is the hour.", ":30 means half past. :00 means o'clock."),
        solution=f"{hour}:{minute:02d} is {hour} hours and {minute} minutes: **{correct}**.",
        figure=digital_clock(hour, minute),
    )


@template("1.MD.B.3", difficulty=STRETCH)
def where_the_hands_point(rng: random.Random) -> Problem:
    """Say where the hour (or minute) hand of an analog clock points at a given time."""
    hour, minute = rng.randint(1, 12), rng.choice((0, 30))
    following, before = hour % 12 + 1, (hour - 2) % 12 + 1
    if rng.random() < 0.6:
        hand = "hour hand (the short hand)"
        if minute:
            correct = f"between the {hour} and the {following}"
            wrong = [f"on the {hour}", f"between the {before} and the {hour}", "on the 6"]
        else:
            correct = f"on the {hour}"
            wrong = [
                f"between the {hour} and the {following}",
                "on the 12" if hour != 12 else "on the 6",
                f"on the {following}",
            ]
    else:
        hand = "minute hand (the long hand)"
        correct = "on the 6" if minute else "on the 12"
        wrong = [
            f"on the {hour}" if hour not in (6, 12) else "on the 3",
            "on the 12" if minute else "on the 6",
            "on the 3" if hour not in (3, 6, 12) else "on the 9",
        ]
    return choice_problem(
        rng,
        f"The clock shows {hour}:{minute:02d}. On a clock with hands, where does the {hand} point?",
        correct,
        wrong,
        hints=(
            "At o'clock the long hand is on the 12; at half past it is on the 6.",
            "At half past, the short hand has gone halfway to the next hour.",
        ),
        solution=f"{_clock_reading(hour, minute)} So the {hand.split(' (')[0]} points **{correct}**.",
        figure=digital_clock(hour, minute),
    )


# ---------------------------------------------------------------------------------------------------------
# 1.MD.C: data with up to three categories

# (title, categories, what is counted, singular, what each category's members did)
DATA_SETS = (
    (
        "Favorite fruit",
        ("Apple", "Banana", "Grape"),
        "children",
        "child",
        ("chose apple", "chose banana", "chose grape"),
    ),
    ("Our pets", ("Cat", "Dog", "Fish"), "children", "child", ("have a cat", "have a dog", "have a fish")),
    ("Favorite color", ("Red", "Blue", "Green"), "children", "child", ("chose red", "chose blue", "chose green")),
    ("Weather this month", ("Sunny", "Rainy", "Cloudy"), "days", "day", ("were sunny", "were rainy", "were cloudy")),
    ("How we get to school", ("Walk", "Bus", "Car"), "children", "child", ("walk", "ride the bus", "ride in a car")),
)


class DataSet:
    """Three categories with their counts, and the words to ask about them."""

    def __init__(self, rng: random.Random, largest: int = 10) -> None:
        self.title, self.categories, self.counted, self.one, self.did = rng.choice(DATA_SETS)
        self.counts = [rng.randint(2, largest) for _ in self.categories]

    def question(self, rng: random.Random) -> tuple[str, int, list[int], str]:
        """About one category, the total, or how many more (fewer): the question, its answer, wrong answers and
        the worked solution."""
        counts, did = self.counts, self.did
        kind = rng.choice(("one", "total", "more", "fewer"))
        if kind == "one":
            index = rng.randrange(3)
            answer = counts[index]
            return (
                f"How many {self.counted} {did[index]}?",
                answer,
                [count for count in counts if count != answer] + [answer + 1],
                f"Read the {self.categories[index]} row: **{answer}** {self.counted} {did[index]}.",
            )
        if kind == "total":
            total = sum(counts)
            return (
                f"How many {self.counted} are shown in all?",
                total,
                [total - counts[2], max(counts), total + 1],
                f"Add all three groups: {' + '.join(map(str, counts))} = **{total}**.",
            )
        pairs = [(big, small) for big in range(3) for small in range(3) if counts[big] > counts[small]]
        if not pairs:
            return self.question(rng)
        big, small = rng.choice(pairs)
        gap = counts[big] - counts[small]
        question = (
            f"How many more {self.counted} {did[big]} than {did[small]}?"
            if kind == "more"
            else f"How many fewer {self.counted} {did[small]} than {did[big]}?"
        )
        return (
            question,
            gap,
            [counts[big] + counts[small], gap + 1, counts[big]],
            f"{self.categories[big]} has {counts[big]} and {self.categories[small]} has {counts[small]}. "
            f"{counts[big]} − {counts[small]} = **{gap}**.",
        )


DATA_HINTS = ("Find the group the question asks about.", 'For "how many more", compare the two groups.')


@template("1.MD.C.4")
def read_picture_graph(rng: random.Random) -> Problem:
    """Answer a question about a picture graph with three categories."""
    data = DataSet(rng)
    question, answer, wrong, solution = data.question(rng)
    return number_problem(
        f"The picture graph shows {data.title.lower()}. Each circle is 1 {data.one}.\n\n{question}",
        answer,
        hints=("Count the circles in a row.", *DATA_HINTS),
        solution=solution,
        wrong=wrong,
        figure=figures.picture_graph(
            list(zip(data.categories, data.counts)), per_picture=1, title=data.title, thing=data.one
        ),
    )


@template("1.MD.C.4")
def read_bar_graph(rng: random.Random) -> Problem:
    """Answer a question about a bar graph with three categories."""
    data = DataSet(rng)
    question, answer, wrong, solution = data.question(rng)
    return number_problem(
        f"The bar graph shows {data.title.lower()}.\n\n{question}",
        answer,
        hints=("Read the number at the top of a bar.", *DATA_HINTS),
        solution=solution,
        wrong=wrong,
        figure=figures.bar_graph(
            list(zip(data.categories, data.counts)), step=1, title=data.title, value_name=data.counted
        ),
    )


@template("1.MD.C.4", difficulty=INTRODUCTORY)
def organize_answers(rng: random.Random) -> Problem:
    """Sort a short list of answers into three categories and count one of them."""
    data = DataSet(rng, largest=6)
    answers = [category for category, count in zip(data.categories, data.counts) for _ in range(count)]
    rng.shuffle(answers)
    index = rng.randrange(3)
    answer = data.counts[index]
    others = [count for i, count in enumerate(data.counts) if i != index]
    return number_problem(
        f"{data.title}. Here are the answers:\n\n{', '.join(answers)}\n\n"
        f"Sort them into groups. How many {data.counted} {data.did[index]}?",
        answer,
        hints=("Make a tally mark for each answer in its group.", "Cross off each answer once you count it."),
        solution=f"Sorted: {', '.join(f'{c}: {n}' for c, n in zip(data.categories, data.counts))}. "
        f"**{answer}** {data.counted} {data.did[index]}.",
        wrong=[*others, answer + 1, len(answers)],
    )


# ---------------------------------------------------------------------------------------------------------
# 1.G.A: shapes, composing shapes, equal shares

DEFINING = {
    "triangle": "3 straight sides and 3 corners",
    "square": "4 straight sides all the same length and 4 square corners",
    "rectangle": "4 straight sides and 4 square corners",
    "hexagon": "6 straight sides and 6 corners",
    "circle": "a round edge and no corners",
}
NOT_DEFINING = {
    "triangle": ("It is blue.", "It points up.", "It is big."),
    "square": ("It is yellow.", "It sits flat on one side.", "It is small."),
    "rectangle": ("It is green.", "It lies on its long side.", "It is long and thin."),
    "hexagon": ("It is red.", "It is big.", "It looks like a stop sign."),
    "circle": ("It is orange.", "It is as big as a plate.", "It has a dot in the middle."),
}


@template("1.G.A.1", difficulty=INTRODUCTORY)
def always_true_about_shape(rng: random.Random) -> Problem:
    """Pick the defining attribute of a shape among non-defining ones (color, size, turn)."""
    shape = rng.choice(tuple(DEFINING))
    correct = f"It has {DEFINING[shape]}." if shape != "circle" else "It is round and has no corners."
    return choice_problem(
        rng,
        f"Which is true about every {shape}?",
        correct,
        list(NOT_DEFINING[shape]),
        hints=(
            "Color, size and which way a shape is turned can change.",
            f"What does a shape need to be called a {shape}?",
        ),
        solution=f"A {shape} can be any color or size and turned any way. What makes it a {shape}: **{correct}**",
        figure=_shape_alone(shape, 0, "normal", FLAT_FILL),
    )


def _shape_alone(shape: str, angle: float, size: str, fill: str) -> str:
    """One flat shape drawn at a chosen size (unlike `figures.polygon_figure`, which always fills the frame)."""
    svg = Svg(220, 200)
    across = {"tiny": 44, "normal": 150}[size]
    kind = {"long triangle": "long triangle"}.get(shape, shape)
    if kind == "circle":
        svg.circle(110, 100, across * 0.45, fill=fill)
    else:
        svg.polygon(shape_points(kind, 110, 100, across, angle), fill=fill)
    return svg.render(
        f"A flat shape with {DEFINING[kind.split()[-1]]}"
        + {"tiny": ", drawn very small", "normal": ""}[size]
        + (", coloured yellow" if fill == SHADE else "")
        + (f", turned {angle} degrees" if angle else "")
    )


TWISTS = {
    "triangle": (
        ("upside down", "triangle", 180, "normal", FLAT_FILL),
        ("very small", "triangle", 0, "tiny", FLAT_FILL),
        ("long and thin", "long triangle", 0, "normal", FLAT_FILL),
        ("yellow", "triangle", 20, "normal", SHADE),
    ),
    "square": (
        ("turned on its corner", "square", 45, "normal", FLAT_FILL),
        ("yellow", "square", 0, "normal", SHADE),
        ("very small", "square", 0, "tiny", FLAT_FILL),
    ),
    "rectangle": (
        ("standing up tall", "rectangle", 90, "normal", FLAT_FILL),
        ("yellow", "rectangle", 0, "normal", SHADE),
        ("very small", "rectangle", 0, "tiny", FLAT_FILL),
    ),
    "hexagon": (
        ("turned", "hexagon", 15, "normal", FLAT_FILL),
        ("yellow", "hexagon", 0, "normal", SHADE),
        ("very small", "hexagon", 0, "tiny", FLAT_FILL),
    ),
}


@template("1.G.A.1")
def is_it_still_that_shape(rng: random.Random) -> Problem:
    """Decide whether a shape stops being (say) a triangle when it is turned, small, thin or another color."""
    shape = rng.choice(tuple(TWISTS))
    reason, kind, angle, size, fill = rng.choice(TWISTS[shape])
    who = name(rng)
    correct = f"No. It has {DEFINING[shape]}, so it is a {shape}."
    wrong = [f"Yes. A {shape} cannot be {reason}.", f"No. It is a {shape} because it is {reason}."]
    return choice_problem(
        rng,
        f"{who} says this is not a {shape} because it is {reason}.\n\nIs {who} right?",
        correct,
        wrong,
        hints=("Does the color, size or turn of a shape change its name?", "Count the sides and corners."),
        solution=f"Being {reason} does not change a shape's name. **{correct}**",
        figure=_shape_alone(kind, angle, size, fill),
    )


def _draw_outline(svg: Svg, points: Sequence[tuple[float, float]], style: str) -> None:
    """A polygon drawn closed, with a gap ("open"), or with one side bent into a curve ("curved")."""
    path = f"M {fmt(points[0][0])} {fmt(points[0][1])} "
    if style == "curved":
        (x1, y1), (x2, y2) = points[-1], points[0]
        cx = sum(x for x, _ in points) / len(points)
        cy = sum(y for _, y in points) / len(points)
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        control = (mx + 0.9 * (mx - cx), my + 0.9 * (my - cy))
        path += " ".join(f"L {fmt(x)} {fmt(y)}" for x, y in points[1:])
        path += f" Q {fmt(control[0])} {fmt(control[1])} {fmt(x2)} {fmt(y2)} Z"
        svg.path(path, fill=FLAT_FILL, stroke_width=2)
    elif style == "open":
        (x1, y1), (x2, y2) = points[-1], points[0]
        path += " ".join(f"L {fmt(x)} {fmt(y)}" for x, y in points[1:])
        path += f" L {fmt(x1 + 0.55 * (x2 - x1))} {fmt(y1 + 0.55 * (y2 - y1))}"
        svg.path(path, stroke_width=2.5)
    else:
        svg.polygon(points, fill=FLAT_FILL, stroke_width=2)


@template("1.G.A.1")
def pick_the_real_shape(rng: random.Random) -> Problem:
    """Pick the one shape that has a shape's defining attributes (closed, straight sides, right number of them)."""
    shape, sides = rng.choice((("triangle", 3), ("hexagon", 6), ("triangle", 3)))
    kinds = ["closed", "open", "curved", "wrong sides"]
    rng.shuffle(kinds)
    svg = Svg(4 * 130, 170)
    told = []
    letters = [f"Shape {letter}" for letter in LETTERS]
    for index, kind in enumerate(kinds):
        count = sides + (1 if sides == 3 else -1) if kind == "wrong sides" else sides
        angle = rng.choice(range(0, 360, 30))
        corners = [(65 + 130 * index + 48 * x, 72 + 48 * y) for x, y in _turned(regular_points(count), angle)]
        _draw_outline(svg, corners, "closed" if kind == "wrong sides" else kind)
        svg.text(65 + 130 * index, 160, letters[index], size=15, weight="bold")
        told.append(
            {
                "closed": f"closed, with {count} straight sides",
                "open": f"{count} straight sides with a gap, not closed",
                "curved": f"closed, with {count - 1} straight sides and 1 curved side",
                "wrong sides": f"closed, with {count} straight sides",
            }[kind]
        )
    correct = letters[kinds.index("closed")]
    return choice_problem(
        rng,
        f"Which shape is a {shape}?",
        correct,
        letters,
        keep_order=True,
        hints=(f"A {shape} is closed and has {DEFINING[shape]}.", "Check for gaps, curves, and count the sides."),
        solution=f"{correct} is closed and has {DEFINING[shape]}; each of the others is open, has a curved side or "
        f"has the wrong number of sides. The answer is **{correct}**.",
        figure=svg.render(
            "Four shapes in a row. " + "; ".join(f"{letter}: {words}" for letter, words in zip(letters, told))
        ),
    )


def _turned(points: Sequence[tuple[float, float]], angle: float) -> list[tuple[float, float]]:
    turn = math.radians(angle)
    return [(x * math.cos(turn) - y * math.sin(turn), x * math.sin(turn) + y * math.cos(turn)) for x, y in points]


def _arc(cx: float, cy: float, radius: float, start: float, end: float, steps: int = 16) -> list[tuple[float, float]]:
    """Points along a circle from `start` to `end` degrees (counterclockwise, y up)."""
    return [
        (
            cx + radius * math.cos(math.radians(start + (end - start) * step / steps)),
            cy + radius * math.sin(math.radians(start + (end - start) * step / steps)),
        )
        for step in range(steps + 1)
    ]


def _grade_1_composites() -> dict[str, tuple[str, int, str, list[list[tuple[float, float]]], str]]:
    """name -> (pieces' name, how many, the shape they make, the pieces as point lists, words for the outline)."""
    height = math.sqrt(3) / 2
    hexagon = [(math.cos(math.radians(60 * index)), math.sin(math.radians(60 * index))) for index in range(6)]
    return {
        "circle from half-circles": (
            "half-circles",
            2,
            "circle",
            [_arc(0, 0, 1, 0, 180), _arc(0, 0, 1, 180, 360)],
            "a round edge and no corners",
        ),
        "circle from quarter-circles": (
            "quarter-circles",
            4,
            "circle",
            [[(0, 0), *_arc(0, 0, 1, 90 * index, 90 * index + 90, 8)] for index in range(4)],
            "a round edge and no corners",
        ),
        "half-circle from quarter-circles": (
            "quarter-circles",
            2,
            "half-circle",
            [[(0, 0), *_arc(0, 0, 1, 0, 90, 8)], [(0, 0), *_arc(0, 0, 1, 90, 180, 8)]],
            "one straight side and one round side",
        ),
        "trapezoid from triangles": (
            "triangles",
            3,
            "trapezoid",
            [[(0, 0), (1, 0), (0.5, height)], [(1, 0), (1.5, height), (0.5, height)], [(1, 0), (2, 0), (1.5, height)]],
            "4 straight sides: a long bottom, a shorter top parallel to it, and 2 slanted sides",
        ),
        "hexagon from trapezoids": (
            "trapezoids",
            2,
            "hexagon",
            [hexagon[:4], [*hexagon[3:], hexagon[0]]],
            "6 straight sides and 6 corners",
        ),
        "rectangle from squares": (
            "squares",
            2,
            "rectangle",
            [[(0, 0), (1, 0), (1, 1), (0, 1)], [(1, 0), (2, 0), (2, 1), (1, 1)]],
            "4 sides, 2 long and 2 short, and 4 square corners",
        ),
        "square from triangles": (
            "triangles",
            2,
            "square",
            [[(0, 0), (2, 0), (2, 2)], [(0, 0), (0, 2), (2, 2)]],
            "4 sides all the same length and 4 square corners",
        ),
        "triangle from triangles": (
            "triangles",
            4,
            "triangle",
            [
                [(0, 0), (1, 0), (0.5, height)],
                [(1, 0), (2, 0), (1.5, height)],
                [(0.5, height), (1.5, height), (1, 2 * height)],
                [(1, 0), (1.5, height), (0.5, height)],
            ],
            "3 straight sides and 3 corners",
        ),
    }


GRADE_1_SHAPE_NAMES = ("circle", "half-circle", "triangle", "square", "rectangle", "trapezoid", "hexagon")


@template("1.G.A.2")
def shape_made_by_putting_together(rng: random.Random) -> Problem:
    """Name the shape that two or more shapes make when put together."""
    composites = _grade_1_composites()
    piece_name, count, outline, pieces, words = composites[rng.choice(tuple(composites))]
    wrong = rng.sample(
        [shape for shape in GRADE_1_SHAPE_NAMES if shape != outline and {shape, outline} != {"square", "rectangle"}], 3
    )
    return choice_problem(
        rng,
        f"These {count} {piece_name} are put together. What shape do they make?",
        outline,
        wrong,
        hints=("Look only at the outside edge of the new shape.", "Count its sides and corners. Are any sides round?"),
        solution=f"The outside edge has {words}. Together they make a **{outline}**.",
        figure=pieces_figure(
            pieces, f"{count} {piece_name} put together with full sides touching. The outside edge has {words}"
        ),
    )


@template("1.G.A.2")
def count_pieces_of_composite(rng: random.Random) -> Problem:
    """Count how many of a piece make a composite shape (including one made of two kinds of piece)."""
    composites = _grade_1_composites()
    if rng.random() < 0.25:
        hexagon = [(math.cos(math.radians(60 * index)), math.sin(math.radians(60 * index))) for index in range(6)]
        pieces = [
            hexagon[:4],
            [(0, 0), hexagon[3], hexagon[4]],
            [(0, 0), hexagon[4], hexagon[5]],
            [(0, 0), hexagon[5], hexagon[0]],
        ]
        stem = "This hexagon is made of 1 trapezoid and some triangles. How many triangles?"
        count, piece_name, label = 3, "triangles", "A hexagon made of a trapezoid on top and triangles below"
    else:
        piece_name, count, outline, pieces, _ = composites[rng.choice(tuple(composites))]
        stem = f"How many {piece_name} make this {'big ' if outline in piece_name else ''}{outline}?"
        label = f"A {outline} made of {piece_name} put together, with lines showing each piece"
    return number_problem(
        stem,
        count,
        hints=("Look at the lines inside the shape.", "Touch each piece once as you count."),
        solution=f"Counting each piece once gives **{count}** {piece_name}.",
        wrong=[count + 1, count - 1, 2 * count],
        figure=pieces_figure(pieces, label),
    )


def cube_block(columns: int, layers: int) -> str:
    """Same-size cubes stacked into a box shape, `layers` high and `columns` long, drawn so they look solid."""
    side = 80
    svg = Svg(columns * side * 0.62 * 1.65 + 60, layers * side * 0.62 + side + 30)
    step = side * 0.62
    for layer in range(layers):
        for column in range(columns):
            draw_solid(
                svg,
                "cube",
                30 + step / 2 + column * step + side * 0.15,
                svg.height - 24 - step / 2 - layer * step + side * 0.15,
                side,
            )
    return svg.render(
        f"Cubes put together into a box shape: {layers} layer{'s' if layers > 1 else ''}, each a row of {columns} cubes"
    )


@template("1.G.A.2", difficulty=INTRODUCTORY)
def cubes_in_a_solid(rng: random.Random) -> Problem:
    """Count the cubes put together to make a box shape (a rectangular prism)."""
    columns, layers = rng.randint(2, 5), rng.randint(1, 2)
    count = columns * layers
    return number_problem(
        "Same-size cubes are put together to make this box shape. How many cubes?",
        count,
        hints=("Count the cubes in one row.", "Is there more than one layer?"),
        solution=f"There {'are' if layers > 1 else 'is'} {layers} layer{'s' if layers > 1 else ''} of {columns} cubes: "
        f"**{count}** cubes.",
        wrong=[count + 1, columns, count - 1],
        figure=cube_block(columns, layers),
    )


@template("1.G.A.2", difficulty=STRETCH)
def pieces_for_new_shape(rng: random.Random) -> Problem:
    """Count the pieces in a new shape made from copies of a composite shape."""
    composites = _grade_1_composites()
    key = rng.choice(
        (
            "square from triangles",
            "rectangle from squares",
            "trapezoid from triangles",
            "hexagon from trapezoids",
            "circle from half-circles",
        )
    )
    piece_name, count, outline, pieces, _ = composites[key]
    copies = rng.randint(2, 4)
    who = name(rng)
    total = count * copies
    return number_problem(
        f"{who} makes this {outline} from {count} {piece_name}. Then {who} makes {copies} {outline}s the same way "
        f"and puts them together.\n\nHow many {piece_name} does {who} use in all?",
        total,
        hints=(f"Each {outline} uses the same number of {piece_name}.", f"Add that number once for each {outline}."),
        solution=f"{' + '.join([str(count)] * copies)} = **{total}** {piece_name}.",
        wrong=[count + copies, count, total + count],
        figure=pieces_figure(pieces, f"A {outline} made of {count} {piece_name}"),
    )


def _draw_cut(svg: Svg, kind: str, cx: float, cy: float, size: float, shares: Sequence[float], shaded: int = 0) -> None:
    """A circle cut into slices from its centre, or a rectangle cut into strips, `shares` giving each part's
    size as a part of the whole; the first `shaded` parts are shaded."""
    if kind == "circle":
        radius, angle = size / 2, -90.0
        for index, share in enumerate(shares):
            end = angle + 360 * share
            x1, y1 = cx + radius * math.cos(math.radians(angle)), cy + radius * math.sin(math.radians(angle))
            x2, y2 = cx + radius * math.cos(math.radians(end)), cy + radius * math.sin(math.radians(end))
            large = 1 if share > 0.5 else 0
            svg.path(
                f"M {fmt(cx)} {fmt(cy)} L {fmt(x1)} {fmt(y1)} A {fmt(radius)} {fmt(radius)} 0 {large} 1 "
                f"{fmt(x2)} {fmt(y2)} Z",
                fill=SHADE if index < shaded else "#ffffff",
                stroke_width=2,
            )
            angle = end
    else:
        width, height = size, size * 0.62
        x = cx - width / 2
        for index, share in enumerate(shares):
            svg.rect(
                x, cy - height / 2, width * share, height, fill=SHADE if index < shaded else "#ffffff", stroke_width=2
            )
            x += width * share


SHARE_WORDS = {2: ("half", "halves"), 4: ("fourth", "fourths")}
UNEQUAL = {2: (0.3, 0.7), 4: (0.1, 0.4, 0.15, 0.35)}


def _cut_words(parts: int, equal: bool) -> str:
    return f"cut into {parts} parts " + ("all the same size" if equal else "of different sizes")


@template("1.G.A.3", difficulty=INTRODUCTORY)
def name_the_shaded_share(rng: random.Random) -> Problem:
    """Describe a shaded share of a circle or rectangle as half of, a fourth of or a quarter of it."""
    kind = rng.choice(("circle", "rectangle"))
    parts = rng.choice((2, 4))
    whole = rng.random() < 0.15
    fourth = rng.choice(("a fourth", "a quarter"))
    choices = [f"half of the {kind}", f"{fourth} of the {kind}", f"all of the {kind}"]
    correct = choices[2] if whole else choices[0] if parts == 2 else choices[1]
    svg = Svg(220, 200)
    _draw_cut(svg, kind, 110, 100, 180, [1 / parts] * parts, parts if whole else 1)
    shaded = "all of them" if whole else "1 of them"
    return choice_problem(
        rng,
        f"How much of the {kind} is shaded?",
        correct,
        choices,
        keep_order=True,
        hints=("Count the equal shares.", "2 equal shares are halves; 4 equal shares are fourths, or quarters."),
        solution=f"The {kind} is cut into {parts} equal shares and {shaded} shaded: **{correct}**.",
        figure=svg.render(f"A {kind} {_cut_words(parts, True)}, {shaded} shaded"),
    )


@template("1.G.A.3")
def pick_the_equal_shares(rng: random.Random) -> Problem:
    """Pick the shape cut into halves (or fourths): equal shares, not just the right number of parts."""
    kind = rng.choice(("circle", "rectangle"))
    parts = rng.choice((2, 4))
    word = SHARE_WORDS[parts][1] if parts == 2 else rng.choice(("fourths", "quarters"))
    cuts = [("equal", parts), ("unequal", parts), ("equal", 6 - parts)]
    rng.shuffle(cuts)
    letters = [f"Shape {letter}" for letter in LETTERS[:3]]
    svg = Svg(3 * 150, 190)
    for index, (how, count) in enumerate(cuts):
        shares = [1 / count] * count if how == "equal" else UNEQUAL[count]
        _draw_cut(svg, kind, 75 + 150 * index, 80, 120 if kind == "circle" else 130, shares)
        svg.text(75 + 150 * index, 178, letters[index], size=15, weight="bold")
    correct = letters[cuts.index(("equal", parts))]
    told = "; ".join(f"{letter}: {_cut_words(count, how == 'equal')}" for letter, (how, count) in zip(letters, cuts))
    return choice_problem(
        rng,
        f"Which {kind} is cut into {word}?",
        correct,
        letters,
        keep_order=True,
        hints=(f"{word.capitalize()} means {parts} shares.", "The shares must all be the same size."),
        solution=f"{correct} has {parts} equal shares, so it shows {word}. The answer is **{correct}**.",
        figure=svg.render(f"Three {kind}s. {told}"),
    )


FOODS = {
    "pizza": "circle",
    "pie": "circle",
    "pancake": "circle",
    "sandwich": "rectangle",
    "cracker": "rectangle",
    "brownie": "rectangle",
}


@template("1.G.A.3")
def which_share_is_bigger(rng: random.Random) -> Problem:
    """Know that cutting the same whole into more equal shares makes smaller shares."""
    food = rng.choice(tuple(FOODS))
    halves_name, fourths_name = names(rng, 2)
    bigger = rng.random() < 0.5
    word = "bigger" if bigger else "smaller"
    correct = f"{halves_name}'s" if bigger else f"{fourths_name}'s"
    svg = Svg(300, 190)
    for index, (person, parts) in enumerate(((halves_name, 2), (fourths_name, 4))):
        _draw_cut(svg, FOODS[food], 75 + 150 * index, 80, 120, [1 / parts] * parts)
        svg.text(75 + 150 * index, 178, person, size=15, weight="bold")
    return choice_problem(
        rng,
        f"{halves_name} cuts a {food} into 2 equal shares. {fourths_name} cuts the same size {food} into 4 equal "
        f"shares.\n\nWhose shares are {word}?",
        correct,
        [f"{halves_name}'s", f"{fourths_name}'s", "They are the same size"],
        keep_order=True,
        hints=("Both wholes are the same size.", "When you cut the same whole into more shares, what happens?"),
        solution=f"Halves are bigger than fourths of the same whole: more shares means smaller shares. "
        f"So **{correct}** shares are {word}.",
        figure=svg.render(
            f"Two {FOODS[food]}s the same size: {halves_name}'s {_cut_words(2, True)} and "
            f"{fourths_name}'s {_cut_words(4, True)}"
        ),
    )


@template("1.G.A.3", difficulty=INTRODUCTORY)
def shares_in_the_whole(rng: random.Random) -> Problem:
    """Describe a whole as two halves or four fourths (quarters)."""
    food = rng.choice(tuple(FOODS))
    parts = rng.choice((2, 4))
    word = "halves" if parts == 2 else rng.choice(("fourths", "quarters"))
    who = name(rng)
    svg = Svg(220, 200)
    _draw_cut(svg, FOODS[food], 110, 100, 180, [1 / parts] * parts)
    return number_problem(
        f"{who} cuts a {food} into {word}.\n\nHow many {word} make the whole {food}?",
        parts,
        hints=(f"{word.capitalize()} are equal shares.", "Count the shares in the whole."),
        solution=f"The whole {food} is {parts} {word}: **{parts}**.",
        wrong=[6 - parts, 1, parts + 1],
        figure=svg.render(f"A {FOODS[food]} {_cut_words(parts, True)}"),
    )
