"""Read and check a MathCAMPS problem file (github.com/gpoesia/mathcamps, problems/v1/mathcamps.json).

Pure Python, no Django. `read_items_file` returns plain dataclasses: the problems that become items and the
problems skipped, each with its reason. A file that is not a JSON list of problem objects raises ItemFileError
naming the file and, for a bad entry, its index (counting from 0, as jq's `.[17]` does) and id.

Each entry is an object with the text fields "id", "standard", "statement" and "answer", and optionally "type"
and "followup_to". A problem becomes an item when:

- its id is not repeated (a later entry with the same id is skipped);
- its statement is not blank (the stem is the statement, trimmed);
- it stands on its own. A follow-up (a problem that extends or varies the one named in "followup_to") becomes an
  item only when its own statement is the whole question: it uses none of the words by which follow-ups point
  back ("the previous problem", "as before", "this time", "instead", "the original"...), and it restates the
  problem it builds on (an incremental follow-up repeats every number of that problem; a counterfactual one has
  at least as many numbers, the problem told again with one changed). Follow-ups that lean on the question before
  them are skipped: a learner meets every item alone, in an exit ticket or a practice set, never after "the
  previous problem". An original problem is a question of its own by construction;
- it does not count things in fractions: a decimal before a word that is not a unit of measure ("76.5 retail
  outlets", "35.3 monkeys") is a count no learner could make sense of, so the problem is skipped;
- its standard is a known target code, either as written or without a lowercase variant suffix: MathCAMPS
  splits some standards by the kind of number they use ("7.NS.A.1-fraction", "3.MD.D.8-triangle"), and those
  problems belong to the standard itself (7.NS.A.1);
- its answer is a comparison symbol (<, >, =), making a `comparison` item with key {"correct": "<"}, or a single
  number as `scoring.parse_number` reads it, making a `numeric` item with key {"value": ..., "tolerance": "0"}.
  The value is canonical: integers and fractions in lowest terms ("3/4", "-7/2"), decimals without the trailing
  zeros MathCAMPS pads them with ("59.4600000000000" becomes "59.46"). Anything else (systems of equations such
  as "{x: 2, y: 3}", lists of factor pairs) is skipped.

MathCAMPS computes with SymPy, which prints decimals with 15 significant digits. A decimal answer with 15 (or
more) significant digits and no trailing zero is a repeating or long decimal cut short ("1.86147186147186"); its
exact value is unknown and no student could type it, so it is skipped.

Difficulty follows the problem's "type": an original problem and a counterfactual follow-up (the same problem
with one number changed) are core (2); an incremental follow-up (the problem extended by another step) is a
stretch (3).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path

from assessments import scoring

SOURCE = "mathcamps"

REQUIRED_FIELDS = ("id", "standard", "statement", "answer")

# assessments.models.Difficulty's values, repeated so this module needs no Django; a test keeps them equal.
CORE = 2
STRETCH = 3
DIFFICULTY_BY_TYPE = {
    "original-problem": CORE,
    "counterfactual-followup": CORE,
    "incremental-followup": STRETCH,
}
# An entry without "type" is an original problem.
DEFAULT_TYPE = "original-problem"

# SymPy's default precision when it prints a Float (see the module docstring).
SYMPY_FLOAT_DIGITS = 15

# A MathCAMPS variant of a standard: the code, a hyphen and a lowercase word ("7.NS.A.1-fraction"). High-school
# codes have a hyphen too ("HSA-SSE.A.1"), but an uppercase word after it, so they never match.
_VARIANT = re.compile(r"(?P<code>.+)-[a-z]+")

# The kinds of skip, as the import report counts them.
SKIP_DUPLICATE_ID = "duplicate id"
SKIP_EMPTY_STATEMENT = "empty statement"
SKIP_UNKNOWN_STANDARD = "unknown standard"
SKIP_UNSUPPORTED_ANSWER = "answer not a number or comparison"
SKIP_ROUNDED_ANSWER = "rounded decimal answer"
SKIP_LEANS_ON_ANOTHER = "follow-up that leans on another question"
SKIP_FRACTIONAL_COUNT = "a count of things that is not a whole number"

# How follow-ups point back at the problem before them. A stem with any of these does not stand on its own.
_POINTS_BACK = re.compile(
    r"\b(?:previous(?:ly)?|earlier|original(?:ly)?|before|above|again|instead|still|already|recall|remember"
    r"|revisit\w*|continu\w+|modif\w+|let'?s|let us|this time|now that|as we|we (?:found|calculated|used|did|had)"
    r"|last (?:problem|question|example|exercise|one|time|scenario|situation|calculation)"
    r"|same (?:approach|logic|way|method|steps|process|reasoning|problem|question|situation|scenario|exercise"
    r"|rules?|pattern|operation|calculation|song|frog|park|machine|store|company)"
    r"|(?:first|initial|prior|new) (?:problem|question|part|scenario|situation|calculation|amount|number|total|sum)"
    r"|(?:calculated|found|computed|determined|obtained) (?:in|from|earlier|before|above)"
    r"|(?:your|that|this|the) (?:answer|result)|that (?:value|number|total|amount|sum)|in addition to|our)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Words a decimal may come before: units of measure and money, and the small words of a sentence ("2.5 and",
# "from 3.5 to 7.25"). A decimal before any other word counts things that come whole (see the module docstring).
_AFTER_A_DECIMAL = frozenset(
    """
    acre acres bushel bushels calorie calories celsius cent cents centimeter centimeters centimetre cm cubic cup cups
    day days degree degrees dollar dollars euro euros fahrenheit feet foot gallon gallons gb gigabyte gigabytes gram
    grams hectare hectares hour hours hz inch inches joule joules kb kg kilo kilogram kilograms kilometer kilometers
    kilos kilowatt kilowatts km kmh kph lb lbs light liter liters litre litres mah mb mbs megabyte megabytes meter
    meters metre metres mg mi mile miles milligram milligrams milliliter milliliters millimeter millimeters million
    billion thousand hundred minute minutes ml mm month months mph mwh ounce ounces oz percent pint pints pound
    pounds quart quarts second seconds sq square tablespoon tablespoons teaspoon teaspoons times ton tonnes tons
    unit units volt volts watt watts week weeks yard yards year years kwh per
    a an and are as at be but by each equally for from in into is it less minus more of off on or over plus than
    that the then to together was were while with under during along after before due respectively like we she he
    they you it's
""".split()
)
_DECIMAL_BEFORE_WORD = re.compile(r"(?<![\d/.])\d+\.\d+\s+(?:of\s+)?([A-Za-z']+)")


class ItemFileError(ValueError):
    """A problem in an item file, located by file name and, for one entry, its index and id."""

    def __init__(self, file_name: str, problem: str, *, entry: int | None = None, item_id: str | None = None) -> None:
        self.file_name = file_name
        self.entry = entry
        self.item_id = item_id
        self.problem = problem
        where = file_name
        if entry is not None:
            where += f" entry {entry}"
            if item_id:
                where += f" (id {item_id})"
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class ParsedItem:
    """A problem that becomes an item; `entry` is its index in the file, for error messages."""

    entry: int
    source_id: str
    target_code: str
    item_type: str
    stem: str
    key: dict
    difficulty: int


@dataclass(frozen=True)
class SkippedProblem:
    """A problem that does not become an item: `kind` is one of the SKIP_ constants, `reason` says why."""

    source_id: str
    kind: str
    reason: str


@dataclass(frozen=True)
class ItemFile:
    """Everything an item file holds, checked, in file order."""

    file_name: str
    items: list[ParsedItem]
    skipped: list[SkippedProblem]


def read_items_file(path: Path, *, known_codes: Container[str]) -> ItemFile:
    """Read and check the MathCAMPS file at `path`; `known_codes` are the target codes items may be tagged to."""
    return parse_items(load_entries(path), file_name=path.name, known_codes=known_codes)


def load_entries(path: Path) -> object:
    """The decoded JSON of the file at `path`, unchecked; ItemFileError when it is missing or not JSON."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ItemFileError(str(path), "no such file") from None
    except IsADirectoryError:
        raise ItemFileError(str(path), "is a directory, not a file") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ItemFileError(path.name, "is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ItemFileError(path.name, f"is not JSON ({error})") from None


def parse_items(entries: object, *, file_name: str, known_codes: Container[str]) -> ItemFile:
    """Check decoded JSON `entries` (see the module docstring); `file_name` is used in error messages.

    The whole structure is checked first, so an ItemFileError is about the first malformed entry even when
    earlier entries would have been skipped.
    """
    if not isinstance(entries, list):
        raise ItemFileError(file_name, f"expected a JSON list of problems, found {_json_kind(entries)}")
    for index, entry in enumerate(entries):
        _check_entry(entry, index=index, file_name=file_name)
    items: list[ParsedItem] = []
    skipped: list[SkippedProblem] = []
    first_entry_of_id: dict[str, int] = {}
    for index, entry in enumerate(entries):
        source_id = entry["id"]
        if source_id in first_entry_of_id:
            skipped.append(
                SkippedProblem(source_id, SKIP_DUPLICATE_ID, f"id repeats entry {first_entry_of_id[source_id]}")
            )
            continue
        first_entry_of_id[source_id] = index
        original = (
            entries[first_entry_of_id[entry["followup_to"]]] if entry.get("followup_to") in first_entry_of_id else None
        )
        outcome = _parse_problem(entry, index=index, known_codes=known_codes, original=original)
        (items if isinstance(outcome, ParsedItem) else skipped).append(outcome)
    return ItemFile(file_name=file_name, items=items, skipped=skipped)


def _check_entry(entry: object, *, index: int, file_name: str) -> None:
    if not isinstance(entry, dict):
        raise ItemFileError(file_name, f"expected an object, found {_json_kind(entry)}", entry=index)
    item_id = entry.get("id") if isinstance(entry.get("id"), str) else None
    for field in REQUIRED_FIELDS:
        if field not in entry:
            raise ItemFileError(file_name, f"missing '{field}'", entry=index, item_id=item_id)
        if not isinstance(entry[field], str):
            raise ItemFileError(
                file_name, f"'{field}' must be text, not {_json_kind(entry[field])}", entry=index, item_id=item_id
            )
    if not entry["id"].strip():
        raise ItemFileError(file_name, "'id' is empty", entry=index)
    problem_type = entry.get("type", DEFAULT_TYPE)
    if problem_type not in DIFFICULTY_BY_TYPE:
        raise ItemFileError(
            file_name,
            f"'type' must be one of {', '.join(DIFFICULTY_BY_TYPE)}, not {json.dumps(problem_type)}",
            entry=index,
            item_id=item_id,
        )


def _parse_problem(
    entry: dict, *, index: int, known_codes: Container[str], original: dict | None = None
) -> ParsedItem | SkippedProblem:
    source_id = entry["id"]
    stem = entry["statement"].strip()
    if not stem:
        return SkippedProblem(source_id, SKIP_EMPTY_STATEMENT, "the statement is empty")
    if entry.get("followup_to") and _leans_on_another(entry, original):
        return SkippedProblem(
            source_id,
            SKIP_LEANS_ON_ANOTHER,
            f"the follow-up to {entry['followup_to']} does not restate it or points back at it",
        )
    if count := _fractional_count(stem):
        return SkippedProblem(source_id, SKIP_FRACTIONAL_COUNT, f"'{count}' counts things in fractions")
    target_code = _target_code(entry["standard"].strip(), known_codes)
    if target_code is None:
        return SkippedProblem(
            source_id, SKIP_UNKNOWN_STANDARD, f"standard '{entry['standard']}' is not a known target code"
        )
    outcome = _answer_key(entry["answer"], source_id=source_id)
    if isinstance(outcome, SkippedProblem):
        return outcome
    item_type, key = outcome
    return ParsedItem(
        entry=index,
        source_id=source_id,
        target_code=target_code,
        item_type=item_type,
        stem=stem,
        key=key,
        difficulty=DIFFICULTY_BY_TYPE[entry.get("type", DEFAULT_TYPE)],
    )


def _leans_on_another(entry: dict, original: dict | None) -> bool:
    """Does the follow-up `entry` need the problem it follows (`original`, None when the file lacks it) to be
    understood? (See the module docstring.)"""
    statement = entry["statement"]
    if original is None or _POINTS_BACK.search(statement):
        return True
    own, before = Counter(_NUMBER.findall(statement)), Counter(_NUMBER.findall(original["statement"]))
    if entry.get("type") == "incremental-followup":
        return not before <= own
    return own.total() < before.total()


def _fractional_count(statement: str) -> str:
    """The first "decimal word" of `statement` whose word is not a unit of measure ("76.5 retail"), or ""."""
    for match in _DECIMAL_BEFORE_WORD.finditer(statement):
        if match.group(1).lower() not in _AFTER_A_DECIMAL:
            return match.group(0)
    return ""


def _answer_key(answer: str, *, source_id: str) -> tuple[str, dict] | SkippedProblem:
    """The item type and key for a MathCAMPS answer, or the skip saying why it cannot be scored automatically."""
    text = answer.strip()
    if text in scoring.COMPARISON_SYMBOLS:
        return "comparison", {"correct": text}
    try:
        value = scoring.parse_number(text)
    except ValueError:
        return SkippedProblem(
            source_id, SKIP_UNSUPPORTED_ANSWER, f"answer '{answer}' is not a single number or a comparison"
        )
    if "." not in text:
        return "numeric", {"value": str(value), "tolerance": "0"}
    if _is_cut_short(text):
        return SkippedProblem(
            source_id,
            SKIP_ROUNDED_ANSWER,
            f"answer '{answer}' is a decimal rounded to {SYMPY_FLOAT_DIGITS} significant digits, "
            "so its exact value is unknown",
        )
    return "numeric", {"value": _decimal_text(value), "tolerance": "0"}


def _target_code(standard: str, known_codes: Container[str]) -> str | None:
    if standard in known_codes:
        return standard
    variant = _VARIANT.fullmatch(standard)
    if variant and variant["code"] in known_codes:
        return variant["code"]
    return None


def _is_cut_short(decimal_text: str) -> bool:
    significant = re.sub(r"[^0-9]", "", decimal_text).lstrip("0")
    return len(significant) >= SYMPY_FLOAT_DIGITS and not significant.endswith("0")


def _decimal_text(value: Fraction) -> str:
    """A terminating decimal's shortest plain notation: 59.46, 23, -0.5."""
    # The value came from at most MAX_NUMBER_LENGTH characters, so twice that precision makes the division exact.
    with localcontext(prec=2 * scoring.MAX_NUMBER_LENGTH):
        return format((Decimal(value.numerator) / value.denominator).normalize(), "f")


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    kinds = {dict: "an object", list: "a list", str: "text", int: "a number", float: "a number"}
    return kinds.get(type(value), type(value).__name__)
