"""What a learner probably knows across the framework (learners.knowledge), checked against values worked out by hand.

LINK 0.265, WEAK_LINK 0.25, MAX_HOPS 3; KNOWN_AT 0.7, READY_AT = MISSING_BELOW = 0.5. Priors of 0.5 (log-odds 0)
keep the arithmetic plain: a target's probability is then sigmoid of what its own and its neighbours' evidence add.
"""

from __future__ import annotations

import math
import random

import pytest

from learners.knowledge import (
    KNOWN_AT,
    LINK,
    MAX_HOPS,
    MISSING_BELOW,
    READY_AT,
    SCHOOL_PRIOR_STRENGTH,
    WEAK_LINK,
    Evidence,
    Graph,
    Knowledge,
    SchoolRate,
    fit_link_strength,
    grades_below,
    knowledge,
    logit,
    sigmoid,
    starting_belief,
)


def beliefs(edges, evidence, priors=None) -> Knowledge:
    """Knowledge on the graph of `edges` ((prerequisite, target) pairs), every prior 0.5 unless given."""
    graph = Graph.of([code for edge in edges for code in edge], edges)
    priors = priors or {}
    return Knowledge(prior=lambda code: priors.get(code, 0.5), evidence=evidence, graph=graph)


def weighing(weight: float, prior: float = 0.5) -> Evidence:
    """Evidence whose own answers moved the log-odds by exactly `weight`."""
    return Evidence(p_mastery=sigmoid(logit(prior) + weight), model_prior=prior)


# A starting belief for every target.


@pytest.mark.parametrize(
    ("target_grade", "learner_grade", "below"),
    [
        ("7", "7", 0),
        ("6", "7", 1),
        ("K", "7", 7),
        ("8", "7", -1),
        ("HS", "8", -1),
        ("8", "HS", 1),
        ("9", "HS", 0),
        ("HS", "10", 1),
        ("K", "K", 0),
        ("1", "K", -1),
    ],
)
def test_grades_below_counts_high_school_as_grade_9(target_grade, learner_grade, below):
    assert grades_below(target_grade, learner_grade) == below


@pytest.mark.parametrize(
    ("target_grade", "learner_grade", "belief"),
    [
        ("7", "7", 0.2),  # the learner's own grade, before it is taught
        ("6", "7", 0.75),  # one grade below
        ("5", "7", 0.85),  # two
        ("4", "7", 0.9),  # three or more
        ("K", "7", 0.9),
        ("8", "7", 0.05),  # above
        ("HS", "7", 0.05),
        ("8", "HS", 0.75),  # high school is grade 9: grade 8 is one below
        ("HS", "HS", 0.2),
        ("K", "1", 0.75),
    ],
)
def test_the_starting_belief_depends_on_where_the_target_sits_against_the_learners_grade(
    target_grade, learner_grade, belief
):
    assert starting_belief(target_grade, learner_grade) == belief


@pytest.mark.parametrize(
    ("target_grade", "school", "belief"),
    [
        # 20 learners count as much as the table (SCHOOL_PRIOR_STRENGTH 20): half each, 0.5 x 0.5 + 0.5 x 0.75
        ("6", SchoolRate(learners=20, share_known=0.5), 0.625),
        # 60 learners: 60/80 = 0.75 of the school's 0.9, 0.25 of the table's 0.2: 0.675 + 0.05
        ("7", SchoolRate(learners=60, share_known=0.9), 0.725),
        # 5 learners: 5/25 = 0.2 of the school's 0, 0.8 of the table's 0.85
        ("5", SchoolRate(learners=5, share_known=0.0), 0.68),
        # No learner with evidence: the table
        ("6", SchoolRate(learners=0, share_known=1.0), 0.75),
        # Never surer than 0.98, nor less sure than 0.02: 1000/1020 x 1 + 20/1020 x 0.2 = 0.984; 20/1020 x 0.05
        ("7", SchoolRate(learners=1000, share_known=1.0), 0.98),
        ("8", SchoolRate(learners=1000, share_known=0.0), 0.02),
    ],
)
def test_a_schools_rate_is_shrunk_toward_the_table(target_grade, school, belief):
    assert SCHOOL_PRIOR_STRENGTH == 20
    assert starting_belief(target_grade, "7", school) == pytest.approx(belief, abs=1e-12)


# A target's own evidence.


@pytest.mark.parametrize(
    ("p_mastery", "model_prior", "weight"),
    [
        (0.95, 0.3, math.log(19) - math.log(3 / 7)),  # logit(0.95) - logit(0.3) = 2.944 + 0.847 = 3.792
        (0.2, 0.3, math.log(0.25) - math.log(3 / 7)),  # -1.386 + 0.847 = -0.539
        (0.3, 0.3, 0.0),  # no net movement
        (1.0, 0.3, math.log(9999) - math.log(3 / 7)),  # a certainty is read as 1 - 1e-4
    ],
)
def test_evidence_weight_is_the_net_log_odds_its_answers_moved(p_mastery, model_prior, weight):
    assert Evidence(p_mastery, model_prior).weight == pytest.approx(weight, abs=1e-12)


# The graph's walks.

CHAIN = [("A", "B"), ("B", "C"), ("C", "D"), ("D", "E")]  # A is B's prerequisite, and so on up to E


def test_the_walks_go_up_to_max_hops_each_target_at_its_fewest_steps():
    # Given a chain A < B < C < D < E, and a short cut from B to E
    graph = Graph.of("ABCDE", [*CHAIN, ("B", "E")])

    # Then the walks stop after MAX_HOPS (3) steps, and B is one step under E by the short cut
    assert MAX_HOPS == 3
    assert graph.below("E") == {"D": 1, "B": 1, "C": 2, "A": 2}
    assert graph.below("D") == {"C": 1, "B": 2, "A": 3}
    assert Graph.of("ABCDE", CHAIN).below("E") == {"D": 1, "C": 2, "B": 3}
    assert Graph.of("ABCDE", CHAIN).above("A") == {"B": 1, "C": 2, "D": 3}
    assert graph.above("B") == {"C": 1, "E": 1, "D": 2}
    assert graph.below("A") == {} and graph.above("E") == {}


def test_the_graph_lists_each_targets_neighbours_in_order_and_caches_its_walks():
    # Given edges listed twice and out of order, with a target the codes do not name
    graph = Graph.of(["B", "A"], [("B", "C"), ("A", "C"), ("A", "C")])

    # Then each target has its prerequisites and what builds on it, sorted, once
    assert graph.requires == {"A": (), "B": (), "C": ("A", "B")}
    assert graph.unlocks == {"A": ("C",), "B": ("C",), "C": ()}
    # and a walk is computed once and kept
    assert graph.below("C") is graph.below("C")
    assert graph.above("A") is graph.above("A")


# Evidence along the graph.


def test_a_target_without_evidence_nearby_keeps_its_starting_belief():
    knows = beliefs([("A", "B")], {}, priors={"A": 0.85, "B": 0.2})
    assert (knows.p("A"), knows.p("B")) == (pytest.approx(0.85), pytest.approx(0.2))
    assert knows.lifted_by("A") is None


def test_its_own_evidence_moves_a_target_by_its_weight():
    # Given a target of prior 0.75 whose own answers weigh +3.792 (p_mastery 0.95 from a model prior of 0.3)
    knows = beliefs([("A", "B")], {"A": Evidence(0.95, 0.3)}, priors={"A": 0.75})

    # Then it is sigmoid(logit(0.75) + 3.792) = sigmoid(4.890) = 0.9925
    assert knows.p("A") == pytest.approx(sigmoid(math.log(3) + math.log(19) - math.log(3 / 7)), abs=1e-12)
    assert knows.p("A") == pytest.approx(0.99253, abs=1e-5)


def test_right_answers_lift_the_prerequisites_by_link_to_the_power_of_the_steps():
    # Given right answers weighing +2 on E, at the top of the chain A < B < C < D < E
    knows = beliefs(CHAIN, {"E": weighing(2.0)})

    # Then each prerequisite up to three steps down gains 0.265^steps x 2, and A, four steps down, nothing
    assert knows.p("E") == pytest.approx(sigmoid(2.0))
    assert knows.p("D") == pytest.approx(sigmoid(0.53))  # 0.629
    assert knows.p("C") == pytest.approx(sigmoid(0.140450))  # 0.265^2 x 2
    assert knows.p("B") == pytest.approx(sigmoid(0.037219))  # 0.265^3 x 2
    assert knows.p("A") == 0.5
    assert [knows.lifted_by(code) for code in "ABCDE"] == [None, "E", "E", "E", None]


def test_the_strongest_lift_counts_not_their_sum():
    # Given A under B, C and D (one step each), with right answers weighing +1, +2 and +1.5 on them, and D also
    # with E above it weighing +4 (two steps above A: 0.265^2 x 4 = 0.281, less than 0.265 x 2 = 0.53)
    edges = [("A", "B"), ("A", "C"), ("A", "D"), ("D", "E")]
    knows = beliefs(edges, {"B": weighing(1.0), "C": weighing(2.0), "D": weighing(1.5), "E": weighing(4.0)})

    # Then A gains 0.265 x 2 from C alone, not the sum of the gains
    assert knows.p("A") == pytest.approx(sigmoid(LINK * 2.0))
    assert knows.lifted_by("A") == "C"
    # and D, with its own +1.5, gains 0.265 x 4 from E: sigmoid(1.5 + 1.06)
    assert knows.p("D") == pytest.approx(sigmoid(1.5 + 1.06))
    assert knows.lifted_by("D") == "E"


def test_wrong_answers_lower_what_builds_on_it_and_weakly_what_it_builds_on():
    # Given wrong answers weighing -2 on C, in the middle of the chain A < B < C < D < E
    knows = beliefs(CHAIN, {"C": weighing(-2.0)})

    # Then what builds on it loses 0.265^steps x 2, and its prerequisites 0.25 x 0.265^steps x 2
    assert knows.p("C") == pytest.approx(sigmoid(-2.0))
    assert knows.p("D") == pytest.approx(sigmoid(-0.53))
    assert knows.p("E") == pytest.approx(sigmoid(-0.14045))
    assert knows.p("B") == pytest.approx(sigmoid(-0.1325))  # 0.25 x 0.265 x 2
    assert knows.p("A") == pytest.approx(sigmoid(-0.0351125))  # 0.25 x 0.265^2 x 2
    assert WEAK_LINK == 0.25 and LINK == 0.265
    # and wrong answers lift nothing
    assert [knows.lifted_by(code) for code in "ABCDE"] == [None] * 5


def test_the_strongest_loss_counts_and_adds_to_the_gain():
    # Given B built on A (wrong answers -3) and on C (wrong answers -1), and D above B with right answers +2
    edges = [("A", "B"), ("C", "B"), ("B", "D")]
    knows = beliefs(edges, {"A": weighing(-3.0), "C": weighing(-1.0), "D": weighing(2.0)})

    # Then B loses 0.265 x 3 = 0.795 (A's, the strongest; not 0.795 + 0.265) and gains 0.265 x 2 = 0.53 from D
    assert knows.p("B") == pytest.approx(sigmoid(-0.795 + 0.53))
    assert knows.lifted_by("B") == "D"


def test_a_weak_loss_from_above_competes_with_a_loss_from_below():
    # Given B with a prerequisite A (wrong answers -1) and C above it (wrong answers -8)
    knows = beliefs([("A", "B"), ("B", "C")], {"A": weighing(-1.0), "C": weighing(-8.0)})

    # Then B loses the larger of 0.265 x 1 (from A) and 0.25 x 0.265 x 8 = 0.53 (from C): 0.53
    assert knows.p("B") == pytest.approx(sigmoid(-0.53))


def test_a_target_with_evidence_of_its_own_moves_from_its_starting_belief():
    # Given B (prior 0.2) with its own right answers (+1.5), above A with wrong answers (-2)
    knows = beliefs(
        [("A", "B")], {"A": weighing(-2.0, prior=0.85), "B": weighing(1.5, prior=0.3)}, priors={"A": 0.85, "B": 0.2}
    )

    # Then B is sigmoid(logit(0.2) + 1.5 - 0.265 x 2), A sigmoid(logit(0.85) - 2), B's right answers lifting A
    # by 0.265 x 1.5
    assert knows.p("B") == pytest.approx(sigmoid(math.log(0.25) + 1.5 - 0.53))
    assert knows.p("A") == pytest.approx(sigmoid(math.log(0.85 / 0.15) - 2.0 + 0.3975))


@pytest.mark.parametrize(
    ("prior", "known", "missing"),
    [(0.7001, True, False), (0.7, True, False), (0.6999, False, False), (0.5, False, False), (0.4999, False, True)],
)
def test_likely_known_and_likely_missing_at_their_thresholds(prior, known, missing):
    knows = beliefs([("A", "B")], {}, priors={"A": prior})
    assert (KNOWN_AT, MISSING_BELOW) == (0.7, 0.5)
    assert (knows.likely_known("A"), knows.likely_missing("A")) == (known, missing)


@pytest.mark.parametrize(("priors", "ready"), [((0.5, 0.9), True), ((0.4999, 0.9), False), ((0.9, 0.4999), False)])
def test_a_target_is_ready_when_every_prerequisite_is_at_least_ready_at(priors, ready):
    # Given C built on A and B
    knows = beliefs([("A", "C"), ("B", "C")], {}, priors=dict(zip("AB", priors)))
    assert READY_AT == 0.5
    assert knows.ready("C") is ready
    # and a target with no prerequisite is always ready
    assert knows.ready("A") is True


def test_knowledge_gives_every_target_of_the_priors_as_knowledge_p_does():
    # Given a small graph with evidence of both signs
    edges = [("A", "B"), ("B", "C"), ("A", "D"), ("D", "E")]
    priors = {"A": 0.9, "B": 0.75, "C": 0.2, "D": 0.85, "E": 0.05}
    evidence = {"C": weighing(2.5, prior=0.3), "D": weighing(-1.2, prior=0.3)}
    graph = Graph.of(priors, edges)

    # Then knowledge() is Knowledge.p for each
    found = knowledge(priors=priors, evidence=evidence, graph=graph)
    each = Knowledge(prior=priors.__getitem__, evidence=evidence, graph=graph)
    assert found == {code: each.p(code) for code in priors}
    # e.g. A: logit(0.9) + 0.265^2 x 2.5 (from C) - 0.25 x 0.265 x 1.2 (from D)
    assert found["A"] == pytest.approx(sigmoid(math.log(9) + 0.1755625 - 0.0795))


# Fitting the link's strength.


def synthetic(link: float, *, students: int, seed: int) -> tuple[dict, dict, dict, list]:
    """First answers drawn as fit_link_strength models them: on each of three disjoint skill pairs, a student's
    first answer on one skill is right with probability sigmoid(logit(prior) + link x their weight on the other)."""
    rng = random.Random(seed)
    pairs = [(1, 2), (3, 4), (5, 6)]
    prior = {skill: 0.4 + 0.05 * skill for skill in range(1, 7)}
    first, weights = {}, {}
    for student in range(students):
        for skill in prior:
            weights[(student, skill)] = rng.uniform(-3, 3)
        for a, b in pairs:
            for skill, other in ((a, b), (b, a)):
                chance = sigmoid(logit(prior[skill]) + link * weights[(student, other)])
                first[(student, skill)] = int(rng.random() < chance)
    return first, weights, prior, pairs


def test_the_fit_recovers_the_link_the_answers_were_drawn_with():
    # Given 1,000 students' first answers on three skill pairs, drawn with a link of 0.4
    first, weights, prior, pairs = synthetic(0.4, students=1000, seed=2009)

    # When the link is fitted
    fit = fit_link_strength(first, weights, prior, pairs=pairs)

    # Then it is within 0.05 of 0.4, from both directions of each pair, and predicts better than the prior alone
    assert abs(fit.link - 0.4) < 0.05
    assert (fit.pairs, fit.observations) == (3, 6000)
    assert fit.log_likelihood_gain > 0


def test_on_answers_independent_of_the_other_skill_the_fit_finds_no_link_and_no_gain():
    # Given first answers that owe nothing to the other skill's evidence: each student has a twin with the
    # opposite weights and the same answers, so no link predicts better than none
    rng = random.Random(7)
    first, weights = {}, {}
    for student in range(0, 400, 2):
        for skill in (1, 2):
            answer, weight = int(rng.random() < 0.6), rng.uniform(-3, 3)
            first[(student, skill)] = first[(student + 1, skill)] = answer
            weights[(student, skill)], weights[(student + 1, skill)] = weight, -weight

    # When the link is fitted
    fit = fit_link_strength(first, weights, {1: 0.6, 2: 0.6}, pairs=[(1, 2)])

    # Then it is 0, with 0 gain (the search ends a hair above 0, where the likelihood is flat to 1e-11)
    assert (fit.link, fit.observations) == (0.0, 800)
    assert fit.log_likelihood_gain == pytest.approx(0.0, abs=1e-9)
