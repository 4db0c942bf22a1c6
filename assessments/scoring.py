"""Scoring of assessment items: answer shapes, key checks, points and rubric totals. Pure Python, no Django.

Every item type stores its `choices` and `key` as JSON of a fixed shape, and receives answers of a fixed shape:

- `single_choice`: choices [{"id": "a", "text": "...", "feedback": "..."}, ...] (feedback optional), key
  {"correct": "a"}, answer "a".
- `multiple_select`: the same choices, key {"correct": ["a", "c"]}, answer ["a", "c"] (any order, no repeats).
  Correct only when the chosen set is exactly the key's; points are partial credit,
  max(0, right picks - wrong picks) / len(key's correct ids) * max_points.
- `numeric`: key {"value": "3/4", "tolerance": "0"} (tolerance optional, default "0"), answer the text the
  student typed. Correct when |answer - value| <= tolerance, in exact rational arithmetic (see `parse_number`).
- `short_text`: key {"accepted": ["photosynthesis"], "case_sensitive": false} (case_sensitive optional,
  default false), answer text. Matched after NFKC normalization, trimming, collapsing runs of whitespace to one
  space, dropping one trailing period and (unless case-sensitive) casefolding.
- `comparison`: key {"correct": "<"}, answer one of "<", ">", "=" (surrounding spaces trimmed).
- `open_response`: scored by a teacher with a rubric (see `rubric_score`); its "key" is the rubric,
  {"criteria": [{"id": ..., "name": ..., "levels": [{"id": ..., "label": ..., "descriptor": ..., "points": 3}]}]}.
  The answer is text.

Only the two choice types have choices; the others must have an empty list.

Points are Decimals rounded half up to two places, the precision `Response.points` stores. Errors come in two
kinds: `AnswerShapeError` (a `ValueError`) carries a message for the student about an answer that cannot be
scored; a plain `ValueError` carries a message for the teacher about a malformed key, choice list or rubric.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

ITEM_TYPES = ("single_choice", "multiple_select", "numeric", "short_text", "comparison", "open_response")

COMPARISON_SYMBOLS = ("<", ">", "=")

# The mastery model takes a 0/1 observation per response. On the usual four-level rubric, "Proficient" is 3 of 4
# points on every criterion, a share of 0.75, so a response counts as correct from that share up.
DEFAULT_MASTERY_SHARE = Decimal("0.75")

NUMBER_HINT = "Type a number such as 3/4, 0.75 or 1 1/2."

# No classroom answer needs more; the cap also keeps clear of Python's 4300-digit limit on int() conversion.
MAX_NUMBER_LENGTH = 40

# Integers, with commas allowed only as US thousands separators ("1,000", "12,345,678"). The first group may not
# start with 0, so "0,500" (a European 0.5) is not read as five hundred.
_INTEGER = r"(?:[0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+)"
_DECIMAL = re.compile(rf"(?P<sign>[+-]?)\s*(?P<digits>{_INTEGER}(?:\.[0-9]*)?|\.[0-9]+)")
_FRACTION = re.compile(
    rf"(?P<sign>[+-]?)\s*(?:(?P<whole>{_INTEGER})\s+)?(?P<top>{_INTEGER})\s*/\s*(?P<bottom>{_INTEGER})"
)


class AnswerShapeError(ValueError):
    """An answer that cannot be scored as given; the message tells the student what to type or choose."""


@dataclass(frozen=True)
class ScoreResult:
    """The outcome of scoring one answer.

    `correct` and `points` are None while a teacher has still to score (`needs_teacher`). `feedback` is the
    item's own feedback for the choices picked, empty when the item has none.
    """

    correct: bool | None
    points: Decimal | None
    max_points: Decimal
    feedback: str
    needs_teacher: bool


@dataclass(frozen=True)
class _Criterion:
    id: str
    name: str
    points_by_level: dict[str, Decimal]


def parse_number(text: str) -> Fraction:
    """The exact value of a number as a student types it; raises AnswerShapeError when it is not one.

    Accepted: integers ("12", "-2"), decimals ("0.75", ".5", "5."), fractions ("3/4", "3 / 4"), mixed numbers
    ("1 1/2", "-1 1/2" is -3/2), with surrounding spaces, a leading "+" or "-" (also the Unicode minus "−") and
    commas as thousands separators ("1,000.5"). Refused with a message of their own: a percent sign ("50%"),
    a comma that cannot be a thousands separator ("1,5", which could mean 1.5 or 15), a denominator of 0, and
    text longer than MAX_NUMBER_LENGTH characters.
    """
    if not isinstance(text, str):
        raise AnswerShapeError(NUMBER_HINT)
    text = text.strip().replace("\N{MINUS SIGN}", "-")
    if not text:
        raise AnswerShapeError(NUMBER_HINT)
    if len(text) > MAX_NUMBER_LENGTH:
        raise AnswerShapeError("That number is too long.")
    if "%" in text:
        raise AnswerShapeError("Type the number without the % sign.")
    if match := _DECIMAL.fullmatch(text):
        magnitude = Fraction(Decimal(_without_commas(match["digits"])))
    elif match := _FRACTION.fullmatch(text):
        bottom = int(_without_commas(match["bottom"]))
        if bottom == 0:
            raise AnswerShapeError("The bottom number of a fraction cannot be 0.")
        whole = int(_without_commas(match["whole"] or "0"))
        magnitude = whole + Fraction(int(_without_commas(match["top"])), bottom)
    elif "," in text:
        raise AnswerShapeError("Use a point for decimals, as in 1.5. A comma can only group thousands, as in 1,000.")
    else:
        raise AnswerShapeError(NUMBER_HINT)
    return -magnitude if match["sign"] == "-" else magnitude


def _without_commas(digits: str) -> str:
    return digits.replace(",", "")


def validate_answer(item_type: str, choices: list, answer: Any) -> str | list[str]:
    """The answer in the form to store, or AnswerShapeError when its shape is wrong for the item type.

    Checks shape only, never correctness, so autosave can use it without the key. Text answers come back
    trimmed as typed (a numeric "2/4" stays "2/4" so the student sees it again); a multiple-select answer comes
    back in the order of the choices. Raises ValueError for the teacher when the choices are malformed.
    """
    _require_item_type(item_type)
    if item_type == "single_choice":
        choice_ids = _parse_choices(choices)
        if not isinstance(answer, str) or not answer:
            raise AnswerShapeError("Choose one of the answers.")
        if answer not in choice_ids:
            raise AnswerShapeError(f"'{answer}' is not a choice of this question.")
        return answer
    if item_type == "multiple_select":
        choice_ids = _parse_choices(choices)
        if not isinstance(answer, list) or not answer:
            raise AnswerShapeError("Choose at least one answer.")
        for choice_id in answer:
            if not isinstance(choice_id, str) or choice_id not in choice_ids:
                raise AnswerShapeError(f"'{choice_id}' is not a choice of this question.")
        if len(set(answer)) != len(answer):
            raise AnswerShapeError("Choose each answer only once.")
        return [choice_id for choice_id in choice_ids if choice_id in answer]
    _require_no_choices(choices)
    if item_type == "numeric":
        parse_number(answer)
        return answer.strip()
    if item_type == "short_text":
        if not isinstance(answer, str) or not answer.strip():
            raise AnswerShapeError("Type your answer.")
        return answer.strip()
    if item_type == "comparison":
        if not isinstance(answer, str) or answer.strip() not in COMPARISON_SYMBOLS:
            raise AnswerShapeError("Choose <, > or =.")
        return answer.strip()
    if not isinstance(answer, str) or not answer.strip():
        raise AnswerShapeError("Write your answer.")
    return answer.strip()


def validate_key(item_type: str, choices: list, key: Any) -> None:
    """Raise ValueError, with a message for the teacher, when the choices or key are malformed for the type.

    For `open_response` the key is the rubric.
    """
    _parse_key(item_type, choices, key)


def score(item_type: str, choices: list, key: Any, answer: Any, max_points: Decimal = Decimal("1")) -> ScoreResult:
    """Score an answer against the item's key.

    Raises ValueError when the choices or key are malformed (checked first, so a broken key is never blamed on
    the student) and AnswerShapeError when the answer's shape is wrong. An `open_response` answer is only
    checked for shape and left to the teacher; its key is not used.
    """
    if max_points <= 0:
        raise ValueError("max_points must be more than 0.")
    if item_type == "open_response":
        validate_answer(item_type, choices, answer)
        return ScoreResult(correct=None, points=None, max_points=max_points, feedback="", needs_teacher=True)
    parsed_key = _parse_key(item_type, choices, key)
    answer = validate_answer(item_type, choices, answer)
    feedback = ""
    if item_type == "single_choice":
        share = Fraction(answer == parsed_key)
        feedback = _parse_choices(choices)[answer]
    elif item_type == "multiple_select":
        right_picks = len(parsed_key.intersection(answer))
        wrong_picks = len(answer) - right_picks
        share = Fraction(max(0, right_picks - wrong_picks), len(parsed_key))
        feedback_by_id = _parse_choices(choices)
        feedback = "\n".join(feedback_by_id[choice_id] for choice_id in answer if feedback_by_id[choice_id])
    elif item_type == "numeric":
        value, tolerance = parsed_key
        share = Fraction(abs(parse_number(answer) - value) <= tolerance)
    elif item_type == "short_text":
        accepted, case_sensitive = parsed_key
        share = Fraction(_normalize_text(answer, case_sensitive=case_sensitive) in accepted)
    else:
        share = Fraction(answer == parsed_key)
    # A share of 1 is the only full-credit outcome: for multiple_select it means every right pick and no wrong one.
    return ScoreResult(
        correct=share == 1,
        points=_round_points(share * Fraction(max_points)),
        max_points=max_points,
        feedback=feedback,
        needs_teacher=False,
    )


def rubric_score(
    rubric: Mapping, levels_chosen: Mapping, *, mastery_share: Decimal = DEFAULT_MASTERY_SHARE
) -> ScoreResult:
    """Total a teacher's rubric scoring: the points of the level chosen for each criterion.

    `levels_chosen` maps every criterion id to one of its level ids. `max_points` is the sum of each criterion's
    highest level; `correct` is whether the points reach `mastery_share` of it (see DEFAULT_MASTERY_SHARE).
    Raises ValueError when the rubric is malformed and AnswerShapeError when a criterion is missing, unknown or
    given a level it does not have.
    """
    if not 0 < mastery_share <= 1:
        raise ValueError("mastery_share must be more than 0 and at most 1.")
    criteria = _parse_rubric(rubric)
    if not isinstance(levels_chosen, Mapping):
        raise AnswerShapeError("Choose a level for every criterion.")
    criterion_ids = {criterion.id for criterion in criteria}
    for criterion_id in levels_chosen:
        if criterion_id not in criterion_ids:
            raise AnswerShapeError(f"'{criterion_id}' is not a criterion of this rubric.")
    points = Decimal(0)
    for criterion in criteria:
        if criterion.id not in levels_chosen:
            raise AnswerShapeError(f"Choose a level for '{criterion.name}'.")
        level_id = levels_chosen[criterion.id]
        if not isinstance(level_id, str) or level_id not in criterion.points_by_level:
            raise AnswerShapeError(f"'{level_id}' is not a level of '{criterion.name}'.")
        points += criterion.points_by_level[level_id]
    max_points = sum((max(criterion.points_by_level.values()) for criterion in criteria), Decimal(0))
    return ScoreResult(
        correct=points >= mastery_share * max_points,
        points=points,
        max_points=max_points,
        feedback="",
        needs_teacher=False,
    )


def _round_points(points: Fraction) -> Decimal:
    """`points` (never negative) rounded half up to hundredths, computed exactly."""
    hundredths = int(points * 100 + Fraction(1, 2))
    return Decimal(hundredths).scaleb(-2)


def _normalize_text(text: str, *, case_sensitive: bool) -> str:
    """`text` as short-text answers are compared: NFKC, whitespace runs collapsed, one trailing period dropped."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    text = text.removesuffix(".").rstrip()
    return text if case_sensitive else text.casefold()


def _parse_key(item_type: str, choices: list, key: Any) -> Any:
    """The key in the form `score` compares with, or ValueError for the teacher.

    single_choice: the correct id; multiple_select: a frozenset of ids; numeric: (value, tolerance) as
    Fractions; short_text: (normalized accepted answers, case_sensitive); comparison: the symbol;
    open_response: the rubric's criteria.
    """
    _require_item_type(item_type)
    if item_type == "open_response":
        _require_no_choices(choices)
        return _parse_rubric(key)
    if not isinstance(key, Mapping):
        raise ValueError("The answer key is missing.")
    if item_type == "single_choice":
        choice_ids = _parse_choices(choices)
        correct = key.get("correct")
        if not isinstance(correct, str) or not correct:
            raise ValueError("The key must name the correct choice.")
        _require_choice(choice_ids, correct)
        return correct
    if item_type == "multiple_select":
        choice_ids = _parse_choices(choices)
        correct = key.get("correct")
        if not isinstance(correct, list) or not correct:
            raise ValueError("Mark at least one choice as correct.")
        for choice_id in correct:
            _require_choice(choice_ids, choice_id)
        if len(set(correct)) != len(correct):
            raise ValueError("The key names a choice more than once.")
        return frozenset(correct)
    _require_no_choices(choices)
    if item_type == "numeric":
        return _parse_key_number(key.get("value"), "value", example="3/4"), _parse_tolerance(key)
    if item_type == "short_text":
        accepted = key.get("accepted")
        case_sensitive = key.get("case_sensitive", False)
        if not isinstance(case_sensitive, bool):
            raise ValueError("case_sensitive must be true or false.")
        if not isinstance(accepted, list) or not accepted:
            raise ValueError("List at least one accepted answer.")
        normalized = set()
        for answer in accepted:
            text = _normalize_text(answer, case_sensitive=case_sensitive) if isinstance(answer, str) else ""
            if not text:
                raise ValueError("Accepted answers cannot be blank.")
            normalized.add(text)
        return frozenset(normalized), case_sensitive
    correct = key.get("correct")
    if correct not in COMPARISON_SYMBOLS:
        raise ValueError("The key must be one of <, > or =.")
    return correct


def _parse_key_number(text: Any, field: str, *, example: str) -> Fraction:
    if not isinstance(text, str):
        raise ValueError(f'The key\'s {field} must be written as text, such as "{example}".')
    try:
        return parse_number(text)
    except AnswerShapeError as error:
        raise ValueError(f"The key's {field} '{text}' is not a number: {error}") from None


def _parse_tolerance(key: Mapping) -> Fraction:
    tolerance = _parse_key_number(key.get("tolerance", "0"), "tolerance", example="0.01")
    if tolerance < 0:
        raise ValueError("The key's tolerance cannot be negative.")
    return tolerance


def _parse_choices(choices: Any) -> dict[str, str]:
    """Each choice's feedback ("" when it has none) by choice id, in order; ValueError for the teacher."""
    if not isinstance(choices, list) or len(choices) < 2:
        raise ValueError("A choice question needs at least two choices.")
    feedback_by_id: dict[str, str] = {}
    for choice in choices:
        choice_id = choice.get("id") if isinstance(choice, Mapping) else None
        if not isinstance(choice_id, str) or not choice_id:
            raise ValueError("Every choice needs an id.")
        if choice_id in feedback_by_id:
            raise ValueError(f"Two choices share the id '{choice_id}'.")
        text = choice.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"Choice '{choice_id}' has no text.")
        feedback = choice.get("feedback", "")
        if not isinstance(feedback, str):
            raise ValueError(f"Choice '{choice_id}' has feedback that is not text.")
        feedback_by_id[choice_id] = feedback
    return feedback_by_id


def _require_choice(choice_ids: Mapping[str, str], choice_id: Any) -> None:
    if not isinstance(choice_id, str) or choice_id not in choice_ids:
        raise ValueError(f"The key names '{choice_id}', which is not one of the choices.")


def _require_item_type(item_type: str) -> None:
    if item_type not in ITEM_TYPES:
        raise ValueError(f"Unknown item type '{item_type}'.")


def _require_no_choices(choices: Any) -> None:
    if choices:
        raise ValueError("Only single-choice and multiple-select items have choices.")


def _parse_rubric(rubric: Any) -> list[_Criterion]:
    """The rubric's criteria with each level's points, or ValueError for the teacher."""
    criteria = rubric.get("criteria") if isinstance(rubric, Mapping) else None
    if not isinstance(criteria, list) or not criteria:
        raise ValueError("A rubric needs at least one criterion.")
    parsed: list[_Criterion] = []
    for criterion in criteria:
        criterion_id = criterion.get("id") if isinstance(criterion, Mapping) else None
        if not isinstance(criterion_id, str) or not criterion_id:
            raise ValueError("Every criterion needs an id.")
        if criterion_id in {earlier.id for earlier in parsed}:
            raise ValueError(f"Two criteria share the id '{criterion_id}'.")
        name = criterion.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"Criterion '{criterion_id}' has no name.")
        levels = criterion.get("levels")
        if not isinstance(levels, list) or not levels:
            raise ValueError(f"Criterion '{name}' needs at least one level.")
        points_by_level: dict[str, Decimal] = {}
        for level in levels:
            level_id = level.get("id") if isinstance(level, Mapping) else None
            if not isinstance(level_id, str) or not level_id:
                raise ValueError(f"Every level of '{name}' needs an id.")
            if level_id in points_by_level:
                raise ValueError(f"'{name}' has two levels with the id '{level_id}'.")
            label = level.get("label")
            if not isinstance(label, str) or not label.strip():
                raise ValueError(f"Level '{level_id}' of '{name}' has no label.")
            if not isinstance(level.get("descriptor", ""), str):
                raise ValueError(f"Level '{level_id}' of '{name}' has a descriptor that is not text.")
            points_by_level[level_id] = _level_points(level.get("points"), level_id=level_id, criterion_name=name)
        parsed.append(_Criterion(id=criterion_id, name=name, points_by_level=points_by_level))
    if not any(points for criterion in parsed for points in criterion.points_by_level.values()):
        raise ValueError("A rubric needs at least one level worth points.")
    return parsed


def _level_points(points: Any, *, level_id: str, criterion_name: str) -> Decimal:
    """A level's points, a JSON number of at least 0, as an exact Decimal."""
    # A float goes through its shortest repr, so 2.5 is exactly 2.5 rather than the binary fraction nearest it.
    # bool is an int subclass, and true is no score.
    if isinstance(points, float):
        value = Decimal(repr(points))
    elif isinstance(points, int) and not isinstance(points, bool):
        value = Decimal(points)
    else:
        value = None
    if value is None or not value.is_finite() or value < 0:
        raise ValueError(f"Level '{level_id}' of '{criterion_name}' needs its points as a number of at least 0.")
    return value


def answer_text(item_type: str, choices: list, answer: Any) -> str:
    """An answer as a person reads it: a choice's text rather than its id, several choices joined with commas,
    a typed answer as typed; "" for no answer."""
    if answer is None or answer == "" or answer == []:
        return ""
    texts = {choice.get("id"): choice.get("text", "") for choice in choices if isinstance(choice, Mapping)}
    if isinstance(answer, list):
        return ", ".join(texts.get(value, str(value)) for value in answer)
    if item_type in {"single_choice", "multiple_select"}:
        return texts.get(answer, str(answer))
    return str(answer)


def right_answer_text(item_type: str, choices: list, key: Any) -> str:
    """The item's right answer as a person reads it ("3/4", the right choice's text, "<"); "" for an open
    response, which has a rubric rather than one right answer."""
    if item_type == "open_response" or not isinstance(key, Mapping):
        return ""
    if item_type == "numeric":
        return str(key.get("value", "")).replace("-", "\N{MINUS SIGN}")
    if item_type == "short_text":
        accepted = key.get("accepted") or [""]
        return str(accepted[0])
    return answer_text(item_type, choices, key.get("correct"))
