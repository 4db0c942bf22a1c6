"""The parts every item generator is built from. Pure Python, no Django.

A *template* is a function `template(rng) -> Problem` registered for one or more learning-target codes with
`@template("4.NF.A.1", ...)`. It draws its values from `rng` (a `random.Random` seeded per target, template and
seed, so the same seed always gives the same item) and returns a `Problem`: the stem the student reads, the answer
built with one of the answer constructors below (`numeric`, `choice`, `multi`, `comparison`, `text`), hints, a
worked solution, wrong answers a student would plausibly give, and optionally a figure drawn with
`assessments.generators.figures`.

Rules every template keeps (tests/assessments/test_generators.py checks them over many seeds):

- The answer is computed exactly (integers or `Fraction`, never floats), and scores correct with
  `assessments.scoring.score`; every listed wrong answer scores incorrect.
- A hint helps without giving the answer away: it never contains the answer itself.
- The worked solution shows the steps and ends with the answer.
- Stems are Markdown read by a learner of the target's grade: short sentences, numbers written as digits, the
  minus sign "−" in text, "×" and "÷" for times and divided by, fractions as "3/4" and mixed numbers as "2 1/4".
  Exponents are written with `<sup>`, as in 5<sup>2</sup>. A stem stands on its own: it never refers to another
  question.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

# assessments.models.Difficulty's values, repeated so generators need no Django; a test keeps them equal.
INTRODUCTORY = 1
CORE = 2
STRETCH = 3

# Choice ids, in the order choices are shown.
CHOICE_IDS = "abcdefgh"

COMPARISON_SYMBOLS = ("<", ">", "=")

MINUS = "\N{MINUS SIGN}"
TIMES = "\N{MULTIPLICATION SIGN}"
DIVIDE = "\N{DIVISION SIGN}"


@dataclass(frozen=True)
class Answer:
    """An item's type, choices and key, in the shapes `assessments.scoring` documents, plus how the right answer
    reads to a person (`display`)."""

    item_type: str
    key: dict
    display: str
    choices: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Problem:
    """What a template returns.

    `wrong_answers` are answers a student could give that must score incorrect: for a choice item they are
    filled in from its wrong choices; for the other types the template lists the common mistakes (the result
    of a slip the hints warn about, an off-by-one, the operation confused). At least one is required.
    """

    stem: str
    answer: Answer
    hints: tuple[str, ...]
    solution: str
    wrong_answers: tuple = ()
    figure: str = ""
    difficulty: int | None = None


@dataclass(frozen=True)
class Template:
    """A registered template: its function, the codes it serves and its default difficulty."""

    name: str
    function: Callable[[random.Random], Problem]
    codes: tuple[str, ...]
    difficulty: int


_REGISTRY: dict[str, list[Template]] = {}


def template(*codes: str, difficulty: int = CORE) -> Callable:
    """Register the decorated function as a template for each of `codes`.

    The template's name is its module's last part and its function name ("grade_4.equivalent_fraction"); it is
    part of every generated item's source id, so renaming a template makes new items.
    """
    if not codes:
        raise ValueError("A template serves at least one target code.")

    def register(function: Callable[[random.Random], Problem]) -> Callable[[random.Random], Problem]:
        name = f"{function.__module__.rsplit('.', 1)[-1]}.{function.__name__}"
        entry = Template(name=name, function=function, codes=tuple(codes), difficulty=difficulty)
        for code in codes:
            existing = _REGISTRY.setdefault(code, [])
            if any(other.name == name for other in existing):
                raise ValueError(f"Template {name} is registered twice for {code}.")
            existing.append(entry)
        return function

    return register


def registry() -> dict[str, list[Template]]:
    """Every target code with its own templates (a copy)."""
    return {code: list(templates) for code, templates in _REGISTRY.items()}


# ---------------------------------------------------------------------------------------------------------
# Answers


def numeric(
    value: int | Fraction | Decimal | str, *, tolerance: str = "0", unit: str = "", display: str = ""
) -> Answer:
    """A typed number. `value` is exact; the key stores it as a fraction in lowest terms or a terminating decimal,
    as given (an int or a Decimal prints as such, a Fraction as "7/2", a Fraction with denominator 1 as "7").
    A student may type any equal form ("3 1/2", "3.5", "7/2"). `display` is how the right answer is shown
    (default: the key's form, with `unit` after it, as in "12 cm")."""
    text_value = number_text(value)
    shown = display or f"{text_value} {unit}".strip()
    key = {"value": text_value.replace(MINUS, "-").replace(",", ""), "tolerance": tolerance}
    return Answer(item_type="numeric", key=key, display=shown)


def choice(rng: random.Random, correct: str, wrong: Sequence[str], *, keep_order: bool = False) -> Answer:
    """A single-choice item: the correct text among the wrong ones, shuffled by `rng` unless `keep_order` (for
    choices with a natural order, such as "less than / equal to / greater than"; then `wrong` already holds every
    choice in order and `correct` is one of them)."""
    if keep_order:
        options = list(wrong)
        if correct not in options:
            raise ValueError(f"keep_order needs {correct!r} among the ordered choices.")
    else:
        options = [correct, *wrong]
        rng.shuffle(options)
    _require_distinct(options)
    choices = tuple({"id": CHOICE_IDS[index], "text": text} for index, text in enumerate(options))
    correct_id = CHOICE_IDS[options.index(correct)]
    return Answer(item_type="single_choice", key={"correct": correct_id}, display=correct, choices=choices)


def multi(rng: random.Random, correct: Sequence[str], wrong: Sequence[str]) -> Answer:
    """A multiple-select item: pick every right one (at least one right and one wrong choice)."""
    if not correct or not wrong:
        raise ValueError("A multiple-select item needs right and wrong choices.")
    options = [*correct, *wrong]
    rng.shuffle(options)
    _require_distinct(options)
    choices = tuple({"id": CHOICE_IDS[index], "text": text} for index, text in enumerate(options))
    ids = [CHOICE_IDS[index] for index, text in enumerate(options) if text in correct]
    display = ", ".join(text for text in options if text in correct)
    return Answer(item_type="multiple_select", key={"correct": ids}, display=display, choices=choices)


def comparison(left: int | Fraction | Decimal, right: int | Fraction | Decimal) -> Answer:
    """A <, > or = item comparing two exact values."""
    symbol = "<" if left < right else ">" if left > right else "="
    return Answer(item_type="comparison", key={"correct": symbol}, display=symbol)


def text(accepted: Sequence[str], *, case_sensitive: bool = False) -> Answer:
    """A short typed word or phrase; the first accepted form is the one shown as the right answer."""
    if not accepted:
        raise ValueError("List at least one accepted answer.")
    return Answer(
        item_type="short_text", key={"accepted": list(accepted), "case_sensitive": case_sensitive}, display=accepted[0]
    )


def _require_distinct(options: Sequence[str]) -> None:
    if len(set(options)) != len(options):
        raise ValueError(f"Choices repeat: {list(options)}")


# ---------------------------------------------------------------------------------------------------------
# Problems whose hints never give the answer away

# The hint a problem falls back on when every hint it was given would show the answer (random numbers sometimes
# make a step's number equal to it).
GENERAL_HINT = "Read the question again and work one step at a time."


def answer_forms(answer: Answer) -> set[str]:
    """The ways the right answer could be written, without a sign: for a number every equal form a learner reads
    ("7/2", "3 1/2", "3.5"), for a choice its text, for a short answer each accepted one."""
    if answer.item_type == "numeric":
        value = Fraction(answer.key["value"].replace(",", ""))
        forms = {answer.key["value"], str(value), mixed(value)}
        if terminates(value):
            forms.add(decimal_text(value))
        return {form.replace("-", "").replace(MINUS, "") for form in forms}
    if answer.item_type == "single_choice":
        return {answer.display}
    if answer.item_type == "multiple_select":
        return {choice["text"] for choice in answer.choices if choice["id"] in answer.key["correct"]}
    if answer.item_type == "short_text":
        return set(answer.key["accepted"])
    return set()


def gives_away(text_value: str, answer: Answer) -> bool:
    """Does `text_value` hold the answer in one of its forms, as a whole token (not inside a longer number or
    word: "12" is not in "120" or "1/12")?"""
    for form in answer_forms(answer):
        haystack = text_value.replace(",", "") if form.replace(".", "").isdigit() else text_value
        if re.search(rf"(?<![\w./]){re.escape(form)}(?![\w/]|\.\d)", haystack):
            return True
    return False


def safe_hints(hints: Iterable[str], answer: Answer) -> tuple[str, ...]:
    """The hints that do not give the answer away, in order; GENERAL_HINT when none is left."""
    return tuple(hint for hint in hints if not gives_away(hint, answer)) or (GENERAL_HINT,)


def problem(
    stem: str,
    answer: Answer,
    hints: Iterable[str],
    solution: str,
    *,
    wrong: Iterable = (),
    figure: str = "",
    difficulty: int | None = None,
) -> Problem:
    """A Problem whose hints never give the answer away and whose wrong answers really are wrong.

    For a numeric answer, `wrong` holds numbers (or their text): those equal to the right answer within its
    tolerance or repeated are left out, and the first three kept (one more than the answer when none is left); a
    sign slip (−12 for 12) is a wrong answer worth keeping. For a short answer, texts the key accepts are left out. Choice and comparison
    items need no list: their wrong choices are their wrong answers."""
    wrong_answers: tuple = ()
    if answer.item_type == "numeric":
        value = Fraction(answer.key["value"])
        tolerance = Fraction(answer.key.get("tolerance", "0"))
        kept, seen = [], []
        for candidate in wrong:
            if candidate is None:
                continue
            number = (
                Fraction(str(candidate).replace(MINUS, "-").replace(",", ""))
                if isinstance(candidate, str)
                else Fraction(candidate)
            )
            if abs(number - value) <= tolerance or number in seen:
                continue
            seen.append(number)
            kept.append(candidate)
        wrong_answers = tuple(kept[:3]) or (value + tolerance + 1,)
    elif answer.item_type == "short_text":
        case_sensitive = answer.key.get("case_sensitive", False)
        accepted = {form if case_sensitive else form.casefold() for form in answer.key["accepted"]}
        wrong_answers = tuple(
            dict.fromkeys(
                candidate
                for candidate in wrong
                if (candidate if case_sensitive else candidate.casefold()) not in accepted
            )
        )[:3]
    return Problem(
        stem=re.sub(r"\n{3,}", "\n\n", stem.strip()),
        answer=answer,
        hints=safe_hints(hints, answer),
        solution=solution.strip(),
        wrong_answers=wrong_answers,
        figure=figure,
        difficulty=difficulty,
    )


def steps(*lines: str) -> str:
    """A worked solution as numbered Markdown steps."""
    return "\n".join(f"{number}. {line}" for number, line in enumerate(lines, start=1))


def terminates(value: Fraction | int) -> bool:
    """Can `value` be written as a decimal that ends (its denominator has no prime factor but 2 and 5)?"""
    denominator = Fraction(value).denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


# ---------------------------------------------------------------------------------------------------------
# Writing numbers and words


def number_text(value: int | Fraction | Decimal | str, *, commas: bool = False) -> str:
    """An exact number as a learner reads and types it: "12", "−3", "3/4", "−7/2", "2.5".

    A Fraction is written in lowest terms ("7/2"); use `mixed` for "3 1/2". A Decimal keeps its digits without
    trailing zeros. Negative numbers use the minus sign "−". With `commas`, integers get thousands separators.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise TypeError("A number, not true or false.")
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return number_text(value.numerator, commas=commas)
        sign = MINUS if value < 0 else ""
        return f"{sign}{abs(value.numerator)}/{value.denominator}"
    if isinstance(value, Decimal):
        normal = value.normalize()
        body = format(abs(normal), "f")
        if "." in body:
            body = body.rstrip("0").rstrip(".")
        if commas:
            whole, _, rest = body.partition(".")
            body = f"{int(whole):,}" + (f".{rest}" if rest else "")
        return (MINUS if value < 0 else "") + body
    if isinstance(value, int):
        body = f"{abs(value):,}" if commas else str(abs(value))
        return (MINUS if value < 0 else "") + body
    raise TypeError(f"Not an exact number: {value!r}")


def mixed(value: Fraction) -> str:
    """A fraction as a mixed number when it is more than 1 in size: "3 1/2", "−1 1/4", "3/4", "2"."""
    value = Fraction(value)
    sign = MINUS if value < 0 else ""
    whole, rest = divmod(abs(value.numerator), value.denominator)
    if rest == 0:
        return f"{sign}{whole}"
    if whole == 0:
        return f"{sign}{rest}/{value.denominator}"
    return f"{sign}{whole} {rest}/{value.denominator}"


def decimal_text(value: Fraction | int, places: int | None = None) -> str:
    """A terminating decimal written out ("0.75", "12.5"); `places` pads to that many decimal places."""
    value = Fraction(value)
    denominator = value.denominator
    while denominator % 2 == 0:
        denominator //= 2
    while denominator % 5 == 0:
        denominator //= 5
    if denominator != 1:
        raise ValueError(f"{value} is not a terminating decimal.")
    digits = 0
    while (value * 10**digits).denominator != 1:
        digits += 1
    if places is not None:
        if places < digits:
            raise ValueError(f"{value} needs {digits} decimal places.")
        digits = places
    scaled = abs(value) * 10**digits
    whole, rest = divmod(int(scaled), 10**digits)
    sign = MINUS if value < 0 else ""
    return f"{sign}{whole}" + (f".{rest:0{digits}d}" if digits else "")


_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_word(number: int) -> str:
    """A whole number from 0 to 999 in words: "seven", "forty-two", "three hundred five"."""
    if not 0 <= number <= 999:
        raise ValueError("number_word handles 0 to 999.")
    if number < 20:
        return _ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(number, 100)
    return f"{_ONES[hundreds]} hundred" + (f" {number_word(rest)}" if rest else "")


def plural(count: int | Fraction, singular: str, plural_form: str | None = None) -> str:
    """ "1 apple", "3 apples", "2 boxes" (pass the plural when adding "s" is wrong)."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{number_text(count) if not isinstance(count, int) else count} {word}"


def join_words(words: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def signed(value: int | Fraction) -> str:
    """A number in an expression, in parentheses when negative: "5", "(−5)"."""
    text_value = number_text(value)
    return f"({text_value})" if value < 0 else text_value


def nonzero(rng: random.Random, low: int, high: int) -> int:
    """A random integer from low to high that is not 0."""
    while True:
        value = rng.randint(low, high)
        if value:
            return value


def distinct_wrong(correct, candidates: Iterable, count: int | None = None) -> list:
    """The candidates that differ from `correct` and from each other, in order, at most `count` of them."""
    seen = {correct}
    result = []
    for candidate in candidates:
        if candidate in seen:
            continue
        seen.add(candidate)
        result.append(candidate)
        if count is not None and len(result) == count:
            break
    return result


# Names and things the stems use; all everyday and easy to read.
NAMES = (
    "Ava",
    "Ben",
    "Carlos",
    "Dani",
    "Eli",
    "Fatima",
    "Grace",
    "Hiro",
    "Imani",
    "Jamal",
    "Kira",
    "Leo",
    "Maya",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sam",
    "Tariq",
    "Uma",
    "Victor",
    "Wen",
    "Yusuf",
    "Zoe",
)


def name(rng: random.Random) -> str:
    return rng.choice(NAMES)


def names(rng: random.Random, count: int) -> list[str]:
    return rng.sample(NAMES, count)


def gcd(*numbers: int) -> int:
    return math.gcd(*numbers)


def lcm(*numbers: int) -> int:
    return math.lcm(*numbers)
