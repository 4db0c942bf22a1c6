"""Item scoring: answer shapes, key checks, points and rubric totals. Pure functions, no database."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from assessments.scoring import (
    ITEM_TYPES,
    AnswerShapeError,
    ScoreResult,
    parse_number,
    rubric_score,
    score,
    validate_answer,
    validate_key,
)

CHOICES = [
    {"id": "a", "text": "3/4", "feedback": "Yes: 6/8 simplifies to 3/4."},
    {"id": "b", "text": "6/4", "feedback": "You added the numerators and kept the denominator."},
    {"id": "c", "text": "1/2"},
    {"id": "d", "text": "8/6", "feedback": "Check which number is on top."},
]

RUBRIC = {
    "criteria": [
        {
            "id": "reasoning",
            "name": "Reasoning",
            "levels": [
                {"id": "1", "label": "Beginning", "descriptor": "Restates the problem.", "points": 1},
                {"id": "2", "label": "Developing", "descriptor": "Some steps explained.", "points": 2},
                {"id": "3", "label": "Proficient", "descriptor": "Every step explained.", "points": 3},
                {"id": "4", "label": "Advanced", "descriptor": "Explains and generalizes.", "points": 4},
            ],
        },
        {
            "id": "precision",
            "name": "Precision",
            "levels": [
                {"id": "1", "label": "Beginning", "descriptor": "Units missing.", "points": 1},
                {"id": "2", "label": "Developing", "descriptor": "Some units.", "points": 2},
                {"id": "3", "label": "Proficient", "descriptor": "Units throughout.", "points": 3},
                {"id": "4", "label": "Advanced", "descriptor": "Units and checks.", "points": 4},
            ],
        },
    ]
}


def numeric_key(value: str, tolerance: str = "0") -> dict:
    return {"value": value, "tolerance": tolerance}


def test_the_six_item_types_are_named():
    # given / when / then: the item types the models offer, in their order
    assert ITEM_TYPES == ("single_choice", "multiple_select", "numeric", "short_text", "comparison", "open_response")


# single_choice


def test_a_right_single_choice_earns_full_points_and_its_feedback():
    # given a single-choice item keyed "a" worth 2 points
    # when the student chooses "a"
    result = score("single_choice", CHOICES, {"correct": "a"}, "a", max_points=Decimal("2"))

    # then it is correct, with all the points and the choice's feedback
    assert result == ScoreResult(
        correct=True,
        points=Decimal("2.00"),
        max_points=Decimal("2"),
        feedback="Yes: 6/8 simplifies to 3/4.",
        needs_teacher=False,
    )


def test_a_wrong_single_choice_earns_nothing_and_its_feedback():
    # given a single-choice item keyed "a"
    # when the student chooses "b"
    result = score("single_choice", CHOICES, {"correct": "a"}, "b")

    # then it is wrong, with the misconception's feedback
    assert result == ScoreResult(
        correct=False,
        points=Decimal("0.00"),
        max_points=Decimal("1"),
        feedback="You added the numerators and kept the denominator.",
        needs_teacher=False,
    )


def test_a_choice_without_feedback_leaves_feedback_empty():
    # given a choice with no feedback
    # when the student chooses it
    result = score("single_choice", CHOICES, {"correct": "a"}, "c")

    # then no generic message is made up
    assert (result.correct, result.feedback) == (False, "")


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (None, "Choose one of the answers."),
        ("", "Choose one of the answers."),
        (["a"], "Choose one of the answers."),
        (1, "Choose one of the answers."),
        ("e", "'e' is not a choice of this question."),
        (" a", "' a' is not a choice of this question."),
    ],
)
def test_a_single_choice_answer_of_the_wrong_shape_is_refused(answer, message):
    # given a single-choice item
    # when the answer is not one choice id
    # then the student is told what to do
    with pytest.raises(AnswerShapeError) as error:
        score("single_choice", CHOICES, {"correct": "a"}, answer)
    assert str(error.value) == message


# multiple_select


@pytest.mark.parametrize(
    ("answer", "correct", "points"),
    [
        (["a", "c"], True, Decimal("1.00")),
        (["c", "a"], True, Decimal("1.00")),
        (["a"], False, Decimal("0.50")),
        (["a", "c", "b"], False, Decimal("0.50")),
        (["a", "b"], False, Decimal("0.00")),
        (["b", "d"], False, Decimal("0.00")),
        (["a", "b", "c", "d"], False, Decimal("0.00")),
    ],
)
def test_multiple_select_is_correct_only_on_the_exact_set_with_partial_credit(answer, correct, points):
    # given a multiple-select item keyed a and c
    # when the student picks `answer`
    result = score("multiple_select", CHOICES, {"correct": ["a", "c"]}, answer)

    # then it is correct only for exactly a and c; points are (right - wrong) / 2, never below 0
    assert (result.correct, result.points) == (correct, points)


def test_multiple_select_partial_credit_scales_with_max_points_and_rounds_to_hundredths():
    # given a multiple-select item with three correct choices, worth 5 points
    key = {"correct": ["a", "b", "c"]}

    # when the student picks one right choice, then two
    one_right = score("multiple_select", CHOICES, key, ["a"], max_points=Decimal("5"))
    two_right = score("multiple_select", CHOICES, key, ["a", "b"], max_points=Decimal("5"))

    # then the points are 5/3 and 10/3, rounded to hundredths
    assert (one_right.points, two_right.points) == (Decimal("1.67"), Decimal("3.33"))


def test_multiple_select_partial_credit_rounds_half_up():
    # given eight correct choices of nine, worth 1 point
    choices = [{"id": str(number), "text": f"Choice {number}"} for number in range(9)]
    key = {"correct": [str(number) for number in range(8)]}

    # when the student picks one right choice: exactly 0.125 points
    result = score("multiple_select", choices, key, ["0"])

    # then the half hundredth rounds up
    assert result.points == Decimal("0.13")


def test_multiple_select_feedback_is_each_chosen_choices_feedback_in_choice_order():
    # given choices a, b, c (no feedback) and d
    # when the student picks d, c and a
    result = score("multiple_select", CHOICES, {"correct": ["a", "c"]}, ["d", "c", "a"])

    # then the feedback of a and d, one a line, in the choices' order
    assert result.feedback == "Yes: 6/8 simplifies to 3/4.\nCheck which number is on top."


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (None, "Choose at least one answer."),
        ([], "Choose at least one answer."),
        ("a", "Choose at least one answer."),
        (["a", "e"], "'e' is not a choice of this question."),
        (["a", 1], "'1' is not a choice of this question."),
        (["a", "c", "a"], "Choose each answer only once."),
    ],
)
def test_a_multiple_select_answer_of_the_wrong_shape_is_refused(answer, message):
    # given a multiple-select item
    # when the answer is not a list of distinct choice ids
    # then the student is told what to do
    with pytest.raises(AnswerShapeError) as error:
        score("multiple_select", CHOICES, {"correct": ["a", "c"]}, answer)
    assert str(error.value) == message


def test_a_multiple_select_answer_is_stored_in_choice_order():
    # given a multiple-select item
    # when an answer picked in another order is validated for autosave
    stored = validate_answer("multiple_select", CHOICES, ["d", "a"])

    # then it is stored in the choices' order
    assert stored == ["a", "d"]


# numeric: parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", Fraction(12)),
        ("0.75", Fraction(3, 4)),
        ("3/4", Fraction(3, 4)),
        ("-2", Fraction(-2)),
        ("1 1/2", Fraction(3, 2)),
        ("1/2", Fraction(1, 2)),
        ("0.5", Fraction(1, 2)),
        ("2/4", Fraction(1, 2)),
        (".5", Fraction(1, 2)),
        ("5.", Fraction(5)),
        ("3 / 4", Fraction(3, 4)),
        ("  3/4\t", Fraction(3, 4)),
        ("+0.75", Fraction(3, 4)),
        ("\N{MINUS SIGN}2", Fraction(-2)),
        ("- 2", Fraction(-2)),
        ("-1 1/2", Fraction(-3, 2)),
        ("-0.125", Fraction(-1, 8)),
        ("1,000", Fraction(1000)),
        ("12,345,678.5", Fraction(24691357, 2)),
        ("1,000 1/2", Fraction(2001, 2)),
        ("0", Fraction(0)),
        ("007", Fraction(7)),
    ],
)
def test_parse_number_reads_integers_decimals_fractions_and_mixed_numbers_exactly(text, value):
    # given / when a number as a student types it is parsed
    # then its exact value comes back
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Type a number such as 3/4, 0.75 or 1 1/2."),
        ("   ", "Type a number such as 3/4, 0.75 or 1 1/2."),
        ("three", "Type a number such as 3/4, 0.75 or 1 1/2."),
        (".", "Type a number such as 3/4, 0.75 or 1 1/2."),
        ("1e3", "Type a number such as 3/4, 0.75 or 1 1/2."),
        ("1/2/3", "Type a number such as 3/4, 0.75 or 1 1/2."),
        ("3/-4", "Type a number such as 3/4, 0.75 or 1 1/2."),
        ("1 000", "Type a number such as 3/4, 0.75 or 1 1/2."),
        ("\N{VULGAR FRACTION ONE HALF}", "Type a number such as 3/4, 0.75 or 1 1/2."),
        ("50%", "Type the number without the % sign."),
        ("1,5", "Use a point for decimals, as in 1.5. A comma can only group thousands, as in 1,000."),
        ("1,50", "Use a point for decimals, as in 1.5. A comma can only group thousands, as in 1,000."),
        ("0,500", "Use a point for decimals, as in 1.5. A comma can only group thousands, as in 1,000."),
        ("1,000,00", "Use a point for decimals, as in 1.5. A comma can only group thousands, as in 1,000."),
        ("3/0", "The bottom number of a fraction cannot be 0."),
        ("1 1/0", "The bottom number of a fraction cannot be 0."),
        ("1" * 41, "That number is too long."),
    ],
)
def test_parse_number_refuses_what_is_not_a_number_with_a_message(text, message):
    # given / when text that is not a number we can read exactly is parsed
    # then the student is told how to type it
    with pytest.raises(AnswerShapeError) as error:
        parse_number(text)
    assert str(error.value) == message


def test_parse_number_refuses_a_value_that_is_not_text():
    # given / when a JSON number rather than typed text is parsed
    # then it is refused like any non-number
    with pytest.raises(AnswerShapeError) as error:
        parse_number(0.75)
    assert str(error.value) == "Type a number such as 3/4, 0.75 or 1 1/2."


def test_the_longest_number_accepted_is_forty_characters():
    # given / when a forty-digit number is parsed
    # then it is read in full
    assert parse_number("1" * 40) == Fraction(int("1" * 40))


# numeric: score


@pytest.mark.parametrize("answer", ["1/2", "0.5", "2/4", ".5", " 0.50 ", "+1/2", "50/100"])
def test_equivalent_forms_of_a_half_are_all_correct(answer):
    # given a numeric item keyed 1/2
    # when the student types an equivalent form
    result = score("numeric", [], numeric_key("1/2"), answer)

    # then it is correct
    assert (result.correct, result.points, result.feedback) == (True, Decimal("1.00"), "")


@pytest.mark.parametrize("answer", ["1 1/2", "3/2", "1.5", "6/4", "1 2/4"])
def test_a_mixed_number_key_accepts_its_fraction_and_decimal(answer):
    # given a numeric item keyed as the mixed number 1 1/2
    # when the student types an equal value
    result = score("numeric", [], numeric_key("1 1/2"), answer)

    # then it is correct
    assert result.correct is True


@pytest.mark.parametrize(("answer", "correct"), [("-2", True), ("\N{MINUS SIGN}2", True), ("-2.0", True), ("2", False)])
def test_negative_numbers_compare_with_their_sign(answer, correct):
    # given a numeric item keyed -2
    # when the student types `answer`
    result = score("numeric", [], numeric_key("-2"), answer)

    # then only the negative value is correct
    assert result.correct is correct


def test_a_wrong_number_earns_nothing():
    # given a numeric item keyed 3/4 worth 2 points
    # when the student types 4/3
    result = score("numeric", [], numeric_key("3/4"), "4/3", max_points=Decimal("2"))

    # then it is wrong
    assert result == ScoreResult(
        correct=False, points=Decimal("0.00"), max_points=Decimal("2"), feedback="", needs_teacher=False
    )


@pytest.mark.parametrize(
    ("answer", "correct"),
    [
        ("3.14", True),
        ("3.13", True),
        ("3.15", True),
        ("3.1299", False),
        ("3.1501", False),
        ("22/7", True),
    ],
)
def test_tolerance_counts_answers_exactly_at_the_edge_and_not_beyond(answer, correct):
    # given a numeric item keyed 3.14 with a tolerance of 0.01
    key = numeric_key("3.14", tolerance="0.01")

    # when the student types `answer`
    result = score("numeric", [], key, answer)

    # then |answer - 3.14| <= 0.01 is correct, in exact arithmetic (22/7 is 0.00142... away)
    assert result.correct is correct


def test_tolerance_edges_hold_where_floats_would_round():
    # given a key of 0.3 with a tolerance of 0.1: in floats 0.3 - 0.2 is 0.09999999999999998
    key = numeric_key("0.3", tolerance="0.1")

    # when the student types the two edges, then values just beyond them
    edges = [score("numeric", [], key, answer).correct for answer in ["0.2", "0.4", "0.19999", "0.40001"]]

    # then both edges count and neither value beyond does
    assert edges == [True, True, False, False]


def test_a_missing_tolerance_means_exact():
    # given a numeric key without a tolerance
    key = {"value": "0.75"}

    # when the student types 3/4 and then 0.751
    results = [score("numeric", [], key, answer).correct for answer in ["3/4", "0.751"]]

    # then only the exact value is correct
    assert results == [True, False]


def test_a_numeric_answer_that_is_not_a_number_is_a_shape_error_not_a_wrong_answer():
    # given a numeric item
    # when the student types words
    # then the answer is refused rather than scored wrong
    with pytest.raises(AnswerShapeError) as error:
        score("numeric", [], numeric_key("3/4"), "three quarters")
    assert str(error.value) == "Type a number such as 3/4, 0.75 or 1 1/2."


def test_a_numeric_answer_is_stored_trimmed_as_typed():
    # given a numeric item
    # when the student's "2/4" is validated for autosave
    stored = validate_answer("numeric", [], "  2/4 ")

    # then it is kept as typed, not reduced, so the student sees what they typed
    assert stored == "2/4"


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (None, "Type a number such as 3/4, 0.75 or 1 1/2."),
        (12, "Type a number such as 3/4, 0.75 or 1 1/2."),
        ("50%", "Type the number without the % sign."),
        ("1,5", "Use a point for decimals, as in 1.5. A comma can only group thousands, as in 1,000."),
    ],
)
def test_a_numeric_answer_of_the_wrong_shape_is_refused(answer, message):
    # given a numeric item
    # when the answer is not typed text of a number
    # then the student is told what to type
    with pytest.raises(AnswerShapeError) as error:
        validate_answer("numeric", [], answer)
    assert str(error.value) == message


# short_text


@pytest.mark.parametrize(
    "answer",
    [
        "photosynthesis",
        "Photosynthesis",
        "PHOTOSYNTHESIS",
        "  photosynthesis  ",
        "photosynthesis.",
        "Photosynthesis .",
        "photo synthesis",
        "Photo \t  Synthesis",
        "\uff50hotosynthesis",
    ],
)
def test_short_text_forgives_case_spacing_a_trailing_period_and_compatibility_forms(answer):
    # given a short-text item accepting "photosynthesis" and "photo synthesis"
    key = {"accepted": ["photosynthesis", "photo synthesis"]}

    # when the student types `answer` (the last starts with a full-width p)
    result = score("short_text", [], key, answer)

    # then it matches
    assert (result.correct, result.points) == (True, Decimal("1.00"))


@pytest.mark.parametrize("answer", ["photosynthesis..", "photosynthesi", "photos ynthesis", "respiration"])
def test_short_text_does_not_forgive_spelling(answer):
    # given a short-text item accepting "photosynthesis"
    # when the student types something else
    result = score("short_text", [], {"accepted": ["photosynthesis"]}, answer)

    # then it is wrong
    assert (result.correct, result.points) == (False, Decimal("0.00"))


def test_accepted_answers_are_normalized_like_the_student_s():
    # given an accepted answer written with capitals, extra spaces and a period
    key = {"accepted": ["  Carbon   Dioxide."]}

    # when the student types it plainly
    result = score("short_text", [], key, "carbon dioxide")

    # then it matches
    assert result.correct is True


@pytest.mark.parametrize(("answer", "correct"), [("NaCl", True), ("  NaCl. ", True), ("nacl", False), ("NACL", False)])
def test_a_case_sensitive_key_still_forgives_spacing_but_not_case(answer, correct):
    # given a case-sensitive short-text item accepting "NaCl"
    key = {"accepted": ["NaCl"], "case_sensitive": True}

    # when the student types `answer`
    result = score("short_text", [], key, answer)

    # then only the right capitals match
    assert result.correct is correct


@pytest.mark.parametrize("answer", [None, "", "   ", ["photosynthesis"]])
def test_a_blank_short_text_answer_is_refused(answer):
    # given a short-text item
    # when the answer is blank or not text
    # then the student is asked to type one
    with pytest.raises(AnswerShapeError) as error:
        score("short_text", [], {"accepted": ["photosynthesis"]}, answer)
    assert str(error.value) == "Type your answer."


# comparison


@pytest.mark.parametrize(("answer", "correct"), [("<", True), (" < ", True), (">", False), ("=", False)])
def test_a_comparison_is_correct_only_on_the_keyed_symbol(answer, correct):
    # given a comparison item keyed "<"
    # when the student answers `answer`
    result = score("comparison", [], {"correct": "<"}, answer)

    # then only "<" (spaces trimmed) is correct
    assert result.correct is correct


@pytest.mark.parametrize("answer", [None, "", "\N{LESS-THAN OR EQUAL TO}", "<=", "lt", "<>"])
def test_a_comparison_answer_other_than_the_three_symbols_is_refused(answer):
    # given a comparison item
    # when the answer is not <, > or =
    # then the student is asked to choose one
    with pytest.raises(AnswerShapeError) as error:
        score("comparison", [], {"correct": "<"}, answer)
    assert str(error.value) == "Choose <, > or =."


# open_response


def test_an_open_response_is_left_to_the_teacher():
    # given an open-response item worth 4 points
    # when the student writes an answer
    result = score("open_response", [], RUBRIC, "Because 6/8 = 3/4.", max_points=Decimal("4"))

    # then it waits for the teacher, with no score yet
    assert result == ScoreResult(correct=None, points=None, max_points=Decimal("4"), feedback="", needs_teacher=True)


@pytest.mark.parametrize("answer", [None, "", "  \n "])
def test_a_blank_open_response_is_refused(answer):
    # given an open-response item
    # when the answer is blank
    # then the student is asked to write one
    with pytest.raises(AnswerShapeError) as error:
        validate_answer("open_response", [], answer)
    assert str(error.value) == "Write your answer."


# validate_answer for autosave


@pytest.mark.parametrize(
    ("item_type", "choices", "answer", "stored"),
    [
        ("single_choice", CHOICES, "b", "b"),
        ("short_text", [], "  photo   synthesis ", "photo   synthesis"),
        ("comparison", [], " = ", "="),
        ("open_response", [], "  First I halve it.\nThen...  ", "First I halve it.\nThen..."),
    ],
)
def test_validate_answer_needs_no_key_and_returns_what_to_store(item_type, choices, answer, stored):
    # given an answer of the right shape
    # when it is validated for autosave, without the key
    # then the value to store comes back, trimmed
    assert validate_answer(item_type, choices, answer) == stored


def test_an_unknown_item_type_is_refused():
    # given / when an item type that does not exist is used
    # then it is a programming error, not the student's
    with pytest.raises(ValueError) as error:
        validate_answer("matching", [], "a")
    assert str(error.value) == "Unknown item type 'matching'."
    assert not isinstance(error.value, AnswerShapeError)


def test_max_points_must_be_positive():
    # given / when an item is scored out of 0 points
    # then it is refused
    with pytest.raises(ValueError) as error:
        score("comparison", [], {"correct": "<"}, "<", max_points=Decimal("0"))
    assert str(error.value) == "max_points must be more than 0."


def test_a_malformed_key_is_blamed_on_the_key_not_the_student():
    # given a numeric key whose value is not a number
    # when a student's answer is scored
    # then the error is the teacher's ValueError, not an AnswerShapeError
    with pytest.raises(ValueError) as error:
        score("numeric", [], numeric_key("three"), "3")
    assert str(error.value) == "The key's value 'three' is not a number: Type a number such as 3/4, 0.75 or 1 1/2."
    assert not isinstance(error.value, AnswerShapeError)


# validate_key


@pytest.mark.parametrize(
    ("item_type", "choices", "key"),
    [
        ("single_choice", CHOICES, {"correct": "a"}),
        ("multiple_select", CHOICES, {"correct": ["a", "c"]}),
        ("numeric", [], {"value": "1 1/2", "tolerance": "0.05"}),
        ("numeric", [], {"value": "-2"}),
        ("short_text", [], {"accepted": ["photosynthesis"], "case_sensitive": False}),
        ("comparison", [], {"correct": "="}),
        ("open_response", [], RUBRIC),
    ],
)
def test_well_formed_keys_pass(item_type, choices, key):
    # given / when a well-formed key is validated
    # then nothing is raised
    validate_key(item_type, choices, key)


@pytest.mark.parametrize(
    ("item_type", "choices", "key", "message"),
    [
        ("single_choice", CHOICES, None, "The answer key is missing."),
        ("single_choice", CHOICES, {}, "The key must name the correct choice."),
        ("single_choice", CHOICES, {"correct": ["a"]}, "The key must name the correct choice."),
        ("single_choice", CHOICES, {"correct": "e"}, "The key names 'e', which is not one of the choices."),
        ("single_choice", [], {"correct": "a"}, "A choice question needs at least two choices."),
        ("single_choice", CHOICES[:1], {"correct": "a"}, "A choice question needs at least two choices."),
        (
            "single_choice",
            [{"id": "a", "text": "1"}, {"id": "a", "text": "2"}],
            {"correct": "a"},
            "Two choices share the id 'a'.",
        ),
        (
            "single_choice",
            [{"id": "a", "text": "1"}, {"id": "b", "text": "  "}],
            {"correct": "a"},
            "Choice 'b' has no text.",
        ),
        (
            "single_choice",
            [{"id": "a", "text": "1"}, {"text": "2"}],
            {"correct": "a"},
            "Every choice needs an id.",
        ),
        (
            "single_choice",
            [{"id": "a", "text": "1"}, "2"],
            {"correct": "a"},
            "Every choice needs an id.",
        ),
        (
            "single_choice",
            [{"id": "a", "text": "1", "feedback": None}, {"id": "b", "text": "2"}],
            {"correct": "a"},
            "Choice 'a' has feedback that is not text.",
        ),
        ("multiple_select", CHOICES, {"correct": []}, "Mark at least one choice as correct."),
        ("multiple_select", CHOICES, {"correct": "a"}, "Mark at least one choice as correct."),
        ("multiple_select", CHOICES, {"correct": ["a", "e"]}, "The key names 'e', which is not one of the choices."),
        ("multiple_select", CHOICES, {"correct": ["a", "a"]}, "The key names a choice more than once."),
        ("numeric", [], {}, 'The key\'s value must be written as text, such as "3/4".'),
        ("numeric", [], {"value": 0.75}, 'The key\'s value must be written as text, such as "3/4".'),
        (
            "numeric",
            [],
            {"value": "x"},
            "The key's value 'x' is not a number: Type a number such as 3/4, 0.75 or 1 1/2.",
        ),
        ("numeric", [], {"value": "50%"}, "The key's value '50%' is not a number: Type the number without the % sign."),
        ("numeric", [], {"value": "1", "tolerance": "-0.1"}, "The key's tolerance cannot be negative."),
        (
            "numeric",
            [],
            {"value": "1", "tolerance": 0.1},
            'The key\'s tolerance must be written as text, such as "0.01".',
        ),
        (
            "numeric",
            [],
            {"value": "1", "tolerance": "a little"},
            "The key's tolerance 'a little' is not a number: Type a number such as 3/4, 0.75 or 1 1/2.",
        ),
        ("numeric", CHOICES, {"value": "1"}, "Only single-choice and multiple-select items have choices."),
        ("short_text", [], {"accepted": []}, "List at least one accepted answer."),
        ("short_text", [], {}, "List at least one accepted answer."),
        ("short_text", [], {"accepted": ["ok", " "]}, "Accepted answers cannot be blank."),
        ("short_text", [], {"accepted": ["ok", "."]}, "Accepted answers cannot be blank."),
        ("short_text", [], {"accepted": ["ok", 3]}, "Accepted answers cannot be blank."),
        ("short_text", [], {"accepted": ["ok"], "case_sensitive": "no"}, "case_sensitive must be true or false."),
        ("comparison", [], {"correct": "\N{LESS-THAN OR EQUAL TO}"}, "The key must be one of <, > or =."),
        ("comparison", [], {}, "The key must be one of <, > or =."),
        ("comparison", [], [], "The answer key is missing."),
        ("matching", [], {}, "Unknown item type 'matching'."),
    ],
)
def test_malformed_keys_are_refused_with_a_message_for_the_teacher(item_type, choices, key, message):
    # given / when a malformed key or choice list is validated
    # then the teacher is told what is wrong
    with pytest.raises(ValueError) as error:
        validate_key(item_type, choices, key)
    assert str(error.value) == message


# rubrics


def criterion(criterion_id: str, name: str, levels: list) -> dict:
    return {"id": criterion_id, "name": name, "levels": levels}


def level(level_id: str, points, label: str = "Level") -> dict:
    return {"id": level_id, "label": label, "descriptor": "", "points": points}


@pytest.mark.parametrize(
    ("levels_chosen", "points", "correct"),
    [
        ({"reasoning": "4", "precision": "4"}, Decimal(8), True),
        ({"reasoning": "3", "precision": "3"}, Decimal(6), True),
        ({"reasoning": "4", "precision": "2"}, Decimal(6), True),
        ({"reasoning": "3", "precision": "2"}, Decimal(5), False),
        ({"reasoning": "1", "precision": "1"}, Decimal(2), False),
    ],
)
def test_a_rubric_totals_the_chosen_levels_and_is_correct_from_three_quarters(levels_chosen, points, correct):
    # given a two-criterion rubric of four levels each (8 points)
    # when the teacher chooses a level for each criterion
    result = rubric_score(RUBRIC, levels_chosen)

    # then the points add up, out of 8, and 6 or more is correct
    assert result == ScoreResult(
        correct=correct, points=points, max_points=Decimal(8), feedback="", needs_teacher=False
    )


def test_the_mastery_share_can_be_set():
    # given a two-criterion rubric of 8 points
    # when 5 points are scored against a share of 0.625, then of 0.7
    at_share = rubric_score(RUBRIC, {"reasoning": "3", "precision": "2"}, mastery_share=Decimal("0.625"))
    below_share = rubric_score(RUBRIC, {"reasoning": "3", "precision": "2"}, mastery_share=Decimal("0.7"))

    # then exactly at the share counts, below it does not
    assert (at_share.correct, below_share.correct) == (True, False)


@pytest.mark.parametrize("mastery_share", [Decimal("0"), Decimal("-0.5"), Decimal("1.01")])
def test_a_mastery_share_outside_zero_to_one_is_refused(mastery_share):
    # given / when a rubric is scored with an impossible share
    # then it is refused
    with pytest.raises(ValueError) as error:
        rubric_score(RUBRIC, {"reasoning": "3", "precision": "3"}, mastery_share=mastery_share)
    assert str(error.value) == "mastery_share must be more than 0 and at most 1."


def test_rubric_maximum_is_each_criterion_s_highest_level_whatever_the_order_and_scale():
    # given criteria listed highest level first, with uneven and fractional points
    rubric = {
        "criteria": [
            criterion("model", "Model", [level("high", 5), level("mid", 2.5), level("none", 0)]),
            criterion("units", "Units", [level("yes", 1), level("no", 0)]),
        ]
    }

    # when the teacher chooses the middle and the lowest level
    result = rubric_score(rubric, {"model": "mid", "units": "no"})

    # then 2.5 of 6 points exactly, below three quarters
    assert (result.points, result.max_points, result.correct) == (Decimal("2.5"), Decimal("6"), False)


@pytest.mark.parametrize(
    ("levels_chosen", "message"),
    [
        ({"reasoning": "3"}, "Choose a level for 'Precision'."),
        ({}, "Choose a level for 'Reasoning'."),
        (None, "Choose a level for every criterion."),
        ({"reasoning": "3", "precision": "5"}, "'5' is not a level of 'Precision'."),
        ({"reasoning": 3, "precision": "3"}, "'3' is not a level of 'Reasoning'."),
        ({"reasoning": "3", "precision": "3", "style": "1"}, "'style' is not a criterion of this rubric."),
    ],
)
def test_rubric_scoring_needs_one_level_of_every_criterion(levels_chosen, message):
    # given a two-criterion rubric
    # when a criterion is left unscored, unknown, or given a level it does not have
    # then the error names it
    with pytest.raises(AnswerShapeError) as error:
        rubric_score(RUBRIC, levels_chosen)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("rubric", "message"),
    [
        ({}, "A rubric needs at least one criterion."),
        ({"criteria": []}, "A rubric needs at least one criterion."),
        (None, "A rubric needs at least one criterion."),
        ({"criteria": [{"name": "Reasoning", "levels": [level("1", 1)]}]}, "Every criterion needs an id."),
        (
            {"criteria": [criterion("r", "Reasoning", [level("1", 1)]), criterion("r", "Rigor", [level("1", 1)])]},
            "Two criteria share the id 'r'.",
        ),
        ({"criteria": [criterion("r", " ", [level("1", 1)])]}, "Criterion 'r' has no name."),
        ({"criteria": [criterion("r", "Reasoning", [])]}, "Criterion 'Reasoning' needs at least one level."),
        (
            {"criteria": [criterion("r", "Reasoning", [{"label": "Low", "points": 1}])]},
            "Every level of 'Reasoning' needs an id.",
        ),
        (
            {"criteria": [criterion("r", "Reasoning", [level("1", 1), level("1", 2)])]},
            "'Reasoning' has two levels with the id '1'.",
        ),
        (
            {"criteria": [criterion("r", "Reasoning", [level("1", 1, label="")])]},
            "Level '1' of 'Reasoning' has no label.",
        ),
        (
            {"criteria": [criterion("r", "Reasoning", [{"id": "1", "label": "Low", "descriptor": 4, "points": 1}])]},
            "Level '1' of 'Reasoning' has a descriptor that is not text.",
        ),
        (
            {"criteria": [criterion("r", "Reasoning", [level("1", "3")])]},
            "Level '1' of 'Reasoning' needs its points as a number of at least 0.",
        ),
        (
            {"criteria": [criterion("r", "Reasoning", [level("1", -1)])]},
            "Level '1' of 'Reasoning' needs its points as a number of at least 0.",
        ),
        (
            {"criteria": [criterion("r", "Reasoning", [level("1", True)])]},
            "Level '1' of 'Reasoning' needs its points as a number of at least 0.",
        ),
        (
            {"criteria": [criterion("r", "Reasoning", [level("1", float("nan"))])]},
            "Level '1' of 'Reasoning' needs its points as a number of at least 0.",
        ),
        (
            {"criteria": [criterion("r", "Reasoning", [level("1", 0)])]},
            "A rubric needs at least one level worth points.",
        ),
    ],
)
def test_malformed_rubrics_are_refused_by_validate_key_and_rubric_score(rubric, message):
    # given a malformed rubric
    # when it is validated as an open-response key, and when it is used to score
    with pytest.raises(ValueError) as validated:
        validate_key("open_response", [], rubric)
    with pytest.raises(ValueError) as scored:
        rubric_score(rubric, {"r": "1"})

    # then both tell the teacher the same thing, and neither blames the student
    assert str(validated.value) == str(scored.value) == message
    assert not isinstance(scored.value, AnswerShapeError)


def test_an_open_response_item_has_no_choices():
    # given / when an open-response item with choices is validated
    # then the choices are refused
    with pytest.raises(ValueError) as error:
        validate_key("open_response", CHOICES, RUBRIC)
    assert str(error.value) == "Only single-choice and multiple-select items have choices."
