"""The mastery state as pure logic, checked against values computed by hand.

Parameters throughout: prior 0.3, learn 0.15, guess 0.2, slip 0.1, forget 0; thresholds 0.4 / 0.7 / 0.9.
"""

import datetime

import pytest

from learners.mastery import (
    LEVELS,
    Belief,
    Observation,
    Params,
    Thresholds,
    advance,
    decayed,
    judgment_anchor,
    level_for,
    replay,
    start,
)

PARAMS = Params(prior=0.3, learn=0.15, guess=0.2, slip=0.1, forget=0.0)
THRESHOLDS = Thresholds()
MONDAY = datetime.datetime(2026, 11, 23, 14, 0, tzinfo=datetime.UTC)


def at(days: float) -> datetime.datetime:
    return MONDAY + datetime.timedelta(days=days)


def test_a_right_answer_from_the_prior():
    # posterior = 0.3*0.9 / (0.3*0.9 + 0.7*0.2) = 0.27/0.41 = 0.658537
    # after learning: 0.658537 + (1 - 0.658537) * 0.15 = 0.709756 -> Proficient
    belief = advance(start(PARAMS), Observation(MONDAY, correct=True), PARAMS, THRESHOLDS)
    assert belief.p_mastery == pytest.approx(0.709756, abs=1e-6)
    assert (belief.evidence_count, belief.level, belief.last_evidence_at) == (1, "proficient", MONDAY)


def test_a_wrong_answer_from_the_prior():
    # posterior = 0.3*0.1 / (0.03 + 0.7*0.8) = 0.03/0.59 = 0.050847; after learning 0.193220 -> Attempted
    belief = advance(start(PARAMS), Observation(MONDAY, correct=False), PARAMS, THRESHOLDS)
    assert belief.p_mastery == pytest.approx(0.193220, abs=1e-6)
    assert belief.level == "attempted"


@pytest.mark.parametrize(
    "p, count, level",
    [
        (0.99, 0, "not_started"),
        (0.39, 3, "attempted"),
        (0.4, 1, "familiar"),
        (0.7, 1, "proficient"),
        (0.9, 1, "mastered"),
    ],
)
def test_levels_follow_the_thresholds(p, count, level):
    assert level_for(p, count, THRESHOLDS) == level


def test_a_school_can_move_the_thresholds():
    strict = Thresholds(familiar_at=0.5, proficient_at=0.8, mastered_at=0.95)
    assert [level_for(p, 1, strict) for p in (0.45, 0.75, 0.9, 0.96)] == [
        "attempted",
        "familiar",
        "proficient",
        "mastered",
    ]


def test_unpractised_mastery_fades_toward_the_prior_with_the_half_life():
    # 0.3 + (0.9 - 0.3) * 0.5 ** (60 / 60) = 0.6
    assert decayed(0.9, MONDAY, at(60), PARAMS, THRESHOLDS) == pytest.approx(0.6)
    assert decayed(0.9, MONDAY, at(0), PARAMS, THRESHOLDS) == pytest.approx(0.9)
    assert decayed(0.9, None, at(10), PARAMS, THRESHOLDS) == pytest.approx(0.9)


def test_forgetting_happens_before_the_next_answer_is_counted():
    # 0.709756 fades over 60 days to 0.3 + 0.409756 * 0.5 = 0.504878, then a right answer:
    # posterior = 0.504878*0.9 / (0.454390 + 0.495122*0.2) = 0.454390/0.553415 = 0.821066; +learning: 0.847906
    first = advance(start(PARAMS), Observation(MONDAY, correct=True), PARAMS, THRESHOLDS)
    second = advance(first, Observation(at(60), correct=True), PARAMS, THRESHOLDS)
    assert second.p_mastery == pytest.approx(0.847906, abs=1e-6)


def test_a_judgment_sets_the_level_and_one_quiz_does_not_silently_erase_it():
    # (all on one day, so no fading between them)
    # Mastered anchors at (0.9 + 1) / 2 = 0.95
    judged = advance(start(PARAMS), Observation(MONDAY, judged_level="mastered"), PARAMS, THRESHOLDS)
    assert (judged.p_mastery, judged.level, judged.contested) == (pytest.approx(0.95), "mastered", False)
    # One wrong answer: posterior 0.095/0.135 = 0.703704; +learning 0.748148 (Proficient, one level away)
    once = advance(judged, Observation(MONDAY, correct=False), PARAMS, THRESHOLDS)
    assert once.p_mastery == pytest.approx(0.748148, abs=1e-6)
    assert (once.level, once.model_level, once.contested) == ("mastered", "proficient", False)
    # A second: posterior 0.0748148/0.2762963 = 0.270777; +learning 0.380160 (Attempted, three levels away)
    twice = advance(once, Observation(MONDAY, correct=False), PARAMS, THRESHOLDS)
    assert twice.p_mastery == pytest.approx(0.380160, abs=1e-6)
    assert (twice.level, twice.model_level, twice.contested) == ("mastered", "attempted", True)


@pytest.mark.parametrize(
    "level, anchor",
    [("not_started", 0.3), ("attempted", 0.2), ("familiar", 0.55), ("proficient", 0.8), ("mastered", 0.95)],
)
def test_judgment_anchors_sit_in_the_middle_of_each_band(level, anchor):
    assert judgment_anchor(level, THRESHOLDS, prior=0.3) == pytest.approx(anchor)


def test_replay_orders_by_observation_and_equals_stepping():
    observations = [
        Observation(at(2), correct=True),
        Observation(at(0), correct=False),
        Observation(at(1), correct=True),
    ]
    stepped = start(PARAMS)
    for observation in sorted(observations, key=lambda row: row.observed_at):
        stepped = advance(stepped, observation, PARAMS, THRESHOLDS)
    assert replay(observations, PARAMS, THRESHOLDS) == stepped
    assert isinstance(stepped, Belief) and stepped.evidence_count == 3


def test_the_pure_levels_are_the_models_levels_in_order():
    from learners.models import MasteryLevel

    assert LEVELS == tuple(MasteryLevel.values)


def test_the_run_of_wrong_answers_and_the_last_success_follow_the_evidence():
    observations = [
        Observation(at(0), correct=True),
        Observation(at(1), correct=False),
        Observation(at(2), correct=False),
    ]
    belief = replay(observations, PARAMS, THRESHOLDS)
    assert (belief.failure_run, belief.last_success_at) == (2, at(0))
    # A teacher's judgment, like a right answer, ends the run
    judged = advance(belief, Observation(at(3), judged_level="familiar"), PARAMS, THRESHOLDS)
    assert (judged.failure_run, judged.last_success_at) == (0, at(3))
    wrong_again = advance(judged, Observation(at(4), correct=False), PARAMS, THRESHOLDS)
    assert (wrong_again.failure_run, wrong_again.last_success_at) == (1, at(3))
    assert replay([], PARAMS, THRESHOLDS).failure_run == 0


def test_a_practice_answer_moves_the_belief_by_a_tempered_likelihood():
    # weight 0.5, right, from the prior: 0.3*0.9**0.5 / (0.3*0.9**0.5 + 0.7*0.2**0.5) = 0.284605/0.597654 = 0.476204
    # after learning: 0.476204 + (1 - 0.476204) * 0.15 = 0.554773 -> Familiar, short of a full answer's 0.709756
    belief = advance(start(PARAMS), Observation(MONDAY, correct=True, weight=0.5), PARAMS, THRESHOLDS)
    assert belief.p_mastery == pytest.approx(0.554773, abs=1e-6)
    assert belief.level == "familiar"
    # weight 1 is exactly the full update
    full = advance(start(PARAMS), Observation(MONDAY, correct=True, weight=1.0), PARAMS, THRESHOLDS)
    assert full.p_mastery == pytest.approx(0.709756, abs=1e-6)
    # a wrong practice answer lowers the belief less than a wrong assessment answer does
    wrong_practice = advance(start(PARAMS), Observation(MONDAY, correct=False, weight=0.25), PARAMS, THRESHOLDS)
    wrong_full = advance(start(PARAMS), Observation(MONDAY, correct=False), PARAMS, THRESHOLDS)
    assert wrong_full.p_mastery < wrong_practice.p_mastery < PARAMS.prior + (1 - PARAMS.prior) * PARAMS.learn


def test_practice_leaves_the_run_of_wrong_answers_to_assessments():
    # given two wrong exit-ticket answers
    belief = replay([Observation(at(0), correct=False), Observation(at(1), correct=False)], PARAMS, THRESHOLDS)
    assert belief.failure_run == 2
    # when practice goes right and then wrong
    right = advance(belief, Observation(at(2), correct=True, weight=0.5), PARAMS, THRESHOLDS)
    wrong = advance(right, Observation(at(3), correct=False, weight=0.5), PARAMS, THRESHOLDS)
    # then the run is still the assessments' two, and no success is dated from practice
    assert (right.failure_run, wrong.failure_run, wrong.last_success_at) == (2, 2, None)
    assert wrong.evidence_count == 4


@pytest.mark.parametrize("weight", [0.0, -0.5, 1.5])
def test_an_observation_weight_is_more_than_0_and_at_most_1(weight):
    with pytest.raises(ValueError, match="weight"):
        advance(start(PARAMS), Observation(MONDAY, correct=True, weight=weight), PARAMS, THRESHOLDS)
