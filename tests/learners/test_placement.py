"""The placement check (learners.placement) on small graphs: its scope, its choice of question, when it stops, and
what it finds for a learner whose knowledge the test knows.

An answer weighs as the mastery model's defaults say (guess 0.2, slip 0.1): a right one adds ln(0.9 / 0.2) = 1.504
to the log-odds, a wrong one ln(0.1 / 0.8) = -2.079. Starting beliefs for a grade 7 learner: 0.2 at grade 7,
0.75 at grade 6, 0.85 at grade 5.
"""

from __future__ import annotations

import datetime
import math
from types import SimpleNamespace

import pytest

from learners import mastery
from learners.knowledge import logit
from learners.placement import (
    CONFIDENT,
    KNOWN,
    MAX_QUESTIONS,
    MIN_GAIN,
    NOT_KNOWN,
    PREREQUISITE_STEPS,
    READY,
    RIGHT_WEIGHT,
    WRONG_WEIGHT,
    PlacementState,
    _entropy,
    next_question,
    record,
    result,
)


def targets(*codes: str) -> dict:
    """Targets by code, each with the grade its code starts with."""
    return {code: SimpleNamespace(grade=code.split(".")[0]) for code in codes}


def start(codes, edges=(), checkable=None, grade="7") -> PlacementState:
    return PlacementState.start(
        grade=grade,
        targets=targets(*codes),
        prerequisites=edges,
        checkable=set(codes) if checkable is None else checkable,
    )


def test_an_answer_weighs_as_the_mastery_models_guess_and_slip_say():
    assert RIGHT_WEIGHT == pytest.approx(math.log(0.9 / 0.2))
    assert WRONG_WEIGHT == pytest.approx(math.log(0.1 / 0.8))


# The scope.


def test_the_scope_is_the_grades_targets_and_what_they_build_on_that_the_bank_can_check():
    # Given two grade 7 targets, a chain of prerequisites one, two and three steps under 7.RP.A.2, a grade 6 target
    # nothing at grade 7 builds on, a grade 8 target, and a grade 7 target and a prerequisite with no questions
    codes = ["4.NF.B.4", "5.NF.B.4", "6.NS.A.1", "6.G.A.1", "6.RP.A.3", "7.RP.A.2", "7.NS.A.1", "7.G.A.1", "8.EE.A.1"]
    edges = [
        ("4.NF.B.4", "5.NF.B.4"),
        ("5.NF.B.4", "6.NS.A.1"),
        ("6.NS.A.1", "7.RP.A.2"),
        ("6.RP.A.3", "7.NS.A.1"),
        ("7.RP.A.2", "8.EE.A.1"),
    ]
    steps_down = {"7.RP.A.2": 0, "7.NS.A.1": 0, "6.NS.A.1": 1, "5.NF.B.4": 2, "4.NF.B.4": 3}

    # When a grade 7 learner's check starts, with no questions on 7.G.A.1 and 6.RP.A.3
    state = start(codes, edges, checkable=set(codes) - {"7.G.A.1", "6.RP.A.3"})

    # Then the scope is the checkable grade 7 targets and their prerequisites up to PREREQUISITE_STEPS steps down
    assert state.scope == tuple(sorted(code for code, steps in steps_down.items() if steps <= PREREQUISITE_STEPS))
    assert {"6.G.A.1", "8.EE.A.1", "7.G.A.1", "6.RP.A.3"}.isdisjoint(state.scope)
    # and every target, in scope or not, starts from its belief by grade
    assert state.priors == {
        "4.NF.B.4": 0.9,
        "5.NF.B.4": 0.85,
        "6.NS.A.1": 0.75,
        "6.G.A.1": 0.75,
        "6.RP.A.3": 0.75,
        "7.RP.A.2": 0.2,
        "7.NS.A.1": 0.2,
        "7.G.A.1": 0.2,
        "8.EE.A.1": 0.05,
    }
    assert state.answers == ()


def test_record_refuses_a_target_outside_the_scope():
    state = start(["6.G.A.1", "7.G.A.1"])
    with pytest.raises(ValueError, match="6.G.A.1 is not in this placement check's scope."):
        record(state, "6.G.A.1", True)


# The question that tells most.


def expected_entropy_after(state: PlacementState, code: str) -> float:
    """The entropy (bits) summed over the whole scope that an answer on `code` is expected to leave."""
    p_known = state.knowledge().p(code)
    p_right = p_known * 0.9 + (1 - p_known) * 0.2
    total = 0.0
    for correct, chance in ((True, p_right), (False, 1 - p_right)):
        then = state.knowledge((code, correct))
        total += chance * sum(_entropy(then.p(other)) for other in state.scope)
    return total


def test_the_first_question_is_the_one_expected_to_tell_most_about_the_whole_scope():
    # Given a grade 7 learner's check on a small graph: 7.RP.A.2 built on 6.RP.A.3 and 6.NS.A.1, 7.NS.A.2 built on
    # 6.NS.A.1, and 7.G.A.1 on nothing
    codes = ["6.NS.A.1", "6.RP.A.3", "7.G.A.1", "7.NS.A.2", "7.RP.A.2"]
    edges = [("6.RP.A.3", "7.RP.A.2"), ("6.NS.A.1", "7.RP.A.2"), ("6.NS.A.1", "7.NS.A.2")]
    state = start(codes, edges)
    assert state.scope == tuple(codes)

    # When each target's expected information gain over the whole scope is worked out with the check's own beliefs
    now = state.knowledge()
    before = sum(_entropy(now.p(code)) for code in state.scope)
    gains = {code: before - expected_entropy_after(state, code) for code in state.scope}
    best, runner_up = sorted(gains.values(), reverse=True)[:2]

    # Then the check asks first about the one with the largest, a clear winner worth asking
    assert best - runner_up > 1e-6 and best > MIN_GAIN
    assert next_question(state) == max(gains, key=gains.get)
    # and after an answer, the next question is chosen again on the beliefs that answer left
    answered = record(state, next_question(state), True)
    now = answered.knowledge()
    before = sum(_entropy(now.p(code)) for code in answered.scope)
    gains = {code: before - expected_entropy_after(answered, code) for code in answered.scope}
    assert next_question(answered) == max(gains, key=gains.get)


# When it stops.


def test_it_stops_after_max_questions():
    # Given more grade 7 targets than MAX_QUESTIONS, nothing linking them
    codes = [f"7.G.A.{index:02}" for index in range(MAX_QUESTIONS + 5)]
    state = start(codes)

    # When the learner answers every question wrong (each target asked once: 0.2 falls to 0.03, confidently not
    # known, and five are never asked)
    for _ in range(MAX_QUESTIONS):
        question = next_question(state)
        assert question is not None
        state = record(state, question, False)

    # Then it stops after MAX_QUESTIONS, though some targets are still uncertain
    assert next_question(state) is None
    assert len(state.answers) == MAX_QUESTIONS
    assert sum(state.knowledge().p(code) == pytest.approx(0.2) for code in codes) == 5


def test_it_stops_once_every_target_in_scope_is_confidently_known_or_not():
    # Given two grade 7 targets, nothing linking them
    state = start(["7.G.A.1", "7.G.A.2"])

    # When the learner answers wrong on one: 0.2 x 0.1 / (0.2 x 0.1 + 0.8 x 0.8) = 0.0303, not known with confidence
    state = record(state, "7.G.A.1", False)
    assert state.knowledge().p("7.G.A.1") == pytest.approx(0.02 / 0.66, abs=1e-12)
    assert state.knowledge().p("7.G.A.1") <= 1 - CONFIDENT

    # Then the other is still asked about, and once it too is answered wrong, the check is done
    assert next_question(state) == "7.G.A.2"
    assert next_question(record(state, "7.G.A.2", False)) is None


def test_a_check_with_nothing_in_scope_asks_nothing():
    assert next_question(start(["7.G.A.1"], checkable=set())) is None


# A learner the test knows, answering without slips or guesses.

PLACED = ["6.NS.A.1", "6.RP.A.3", "7.G.A.1", "7.NS.A.2", "7.RP.A.2"]
PLACED_EDGES = [("6.RP.A.3", "7.RP.A.2"), ("6.NS.A.1", "7.RP.A.2"), ("6.NS.A.1", "7.NS.A.2")]
MOST_QUESTIONS = 12  # stated bound for these five targets: at most a few answers each


def truth(known: set[str]) -> dict[str, str]:
    """What the check should find: known; else ready when every prerequisite is known; else not known."""
    requires = {code: [before for before, after in PLACED_EDGES if after == code] for code in PLACED}
    return {
        code: KNOWN if code in known else READY if all(before in known for before in requires[code]) else NOT_KNOWN
        for code in PLACED
    }


@pytest.mark.parametrize(
    "known",
    [
        set(PLACED),  # knows their grade
        set(),  # knows nothing of it, nor of grade 6
        {"6.NS.A.1", "6.RP.A.3"},  # knows grade 6 only
        {"6.NS.A.1", "7.NS.A.2", "7.G.A.1"},  # one grade 6 gap, under 7.RP.A.2
        {"6.RP.A.3", "7.G.A.1"},  # a grade 6 gap under two grade 7 targets
        {"6.NS.A.1", "6.RP.A.3", "7.RP.A.2"},  # grade 6, and one of grade 7
    ],
)
def test_a_learner_is_placed_correctly_in_a_few_questions(known):
    # Given a grade 7 learner who knows `known` and nothing else, answering right exactly on what they know
    state = start(PLACED, PLACED_EDGES)

    # When the check runs to its end
    while (question := next_question(state)) is not None:
        state = record(state, question, question in known)

    # Then it finds each target known, not known or ready as the learner is, in at most MOST_QUESTIONS questions
    assert result(state) == truth(known)
    assert len(state.answers) <= MOST_QUESTIONS


# What the platform records: a placement answer is evidence, not a failure.

PARAMS = mastery.Params(prior=0.3, learn=0.15, guess=0.2, slip=0.1, forget=0.0)
MONDAY = datetime.datetime(2026, 11, 23, 14, 0, tzinfo=datetime.UTC)


def test_diagnostic_answers_count_in_full_with_no_learning_step_and_leave_the_failure_run_at_0():
    # Given three wrong answers in a placement check
    answers = [
        mastery.Observation(MONDAY + datetime.timedelta(minutes=minute), correct=False, diagnostic=True)
        for minute in range(3)
    ]

    # When they are replayed
    belief = mastery.replay(answers, PARAMS, mastery.Thresholds())

    # Then each moved the belief by Bayes' rule alone (no feedback, so no learning between them): the log-odds
    # fall by ln(0.8 / 0.1) each, as learners.placement weighs them; the run of wrong answers is still 0
    as_assessment = mastery.replay(
        [mastery.Observation(row.observed_at, correct=False) for row in answers], PARAMS, mastery.Thresholds()
    )
    # (a minute apart: forgetting over it moves the fourth decimal at most)
    assert logit(belief.p_mastery) == pytest.approx(logit(PARAMS.prior) + 3 * WRONG_WEIGHT, abs=1e-3)
    assert belief.p_mastery < as_assessment.p_mastery
    assert (belief.failure_run, as_assessment.failure_run) == (0, 3)
    assert (belief.evidence_count, belief.last_success_at) == (3, None)


def test_a_diagnostic_answer_moves_the_belief_in_full_and_the_run_not_at_all():
    # Given two wrong assessment answers
    thresholds = mastery.Thresholds()
    belief = mastery.replay(
        [
            mastery.Observation(MONDAY, correct=False),
            mastery.Observation(MONDAY + datetime.timedelta(hours=1), correct=False),
        ],
        PARAMS,
        thresholds,
    )
    assert belief.failure_run == 2

    # When a placement check, the same hour (no forgetting between), finds the target known, or not
    later = MONDAY + datetime.timedelta(hours=1)
    right = mastery.advance(belief, mastery.Observation(later, correct=True, diagnostic=True), PARAMS, thresholds)
    wrong = mastery.advance(belief, mastery.Observation(later, correct=False, diagnostic=True), PARAMS, thresholds)

    # Then the belief moves as a full answer's likelihood moves it, and the run stays 2 either way
    assert logit(right.p_mastery) == pytest.approx(logit(belief.p_mastery) + RIGHT_WEIGHT)
    assert logit(wrong.p_mastery) == pytest.approx(logit(belief.p_mastery) + WRONG_WEIGHT)
    assert (right.failure_run, wrong.failure_run, right.last_success_at) == (2, 2, None)


def test_a_first_diagnostic_wrong_answer_by_hand():
    # 0.3 x 0.1 / (0.3 x 0.1 + 0.7 x 0.8) = 0.03 / 0.59 = 0.050847, and no learning step after it
    belief = mastery.advance(
        mastery.start(PARAMS), mastery.Observation(MONDAY, correct=False, diagnostic=True), PARAMS, mastery.Thresholds()
    )
    assert belief.p_mastery == pytest.approx(0.050847, abs=1e-6)
    assert (belief.failure_run, belief.evidence_count, belief.level) == (0, 1, "attempted")
