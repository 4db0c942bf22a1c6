"""What a learner probably knows across the whole framework: a starting belief for every target, and evidence that
travels along the prerequisite graph. Pure Python, no Django.

`learners.mastery` keeps one belief per target from that target's own evidence (Bayesian Knowledge Tracing with
forgetting). This module reads those beliefs together, the way the playlist engine and the placement check need
them: the probability that the learner knows each target (`Knowledge.p`), whether or not they have met it.

**A starting belief for every target** (`starting_belief`). A learner with no evidence on a target is not a learner
who does not know it: a grade 7 learner most likely knows most of grade 4. The starting belief depends on where
the target sits against the learner's grade (`PRIOR_BY_GRADES_BELOW`), and, once a school has evidence, on what
learners of that grade at that school showed on it, shrunk toward the table by `SCHOOL_PRIOR_STRENGTH` learners
(`SchoolRate`). The table's values are a judgement, stated here to be argued with: most learners hold most of the
work of two or more grades below (0.85 to 0.9), a good share of the grade before (0.75), a little of their own
grade before it is taught (0.2), and next to nothing above it (0.05). The level people see is unchanged: a target
with no evidence still reads Not started.

**Evidence along the graph** (`knowledge`). Knowing a target is hard without knowing what it builds on, so:

- a target's own evidence moves its log-odds by `L` = logit(its BKT belief) - logit(the prior that belief
  started from): the net weight of its own answers;
- positive evidence on a target (L > 0) is evidence that its prerequisites are known: each prerequisite, up to
  `MAX_HOPS` steps down, gains `LINK ** hops * L` (the strongest such gain counts, not their sum, so ten right
  answers on ten targets above one prerequisite do not count ten times);
- negative evidence on a target (L < 0) is evidence against what builds on it: each target up to `MAX_HOPS`
  steps up loses `LINK ** hops * |L|` (the strongest loss counts);
- and, weakly, against its prerequisites: each loses `WEAK_LINK * LINK ** hops * |L|` (a wrong answer may come
  from a missing prerequisite, or from the target itself, which is likelier).

This is the direction of a "noisy-AND" Bayesian network over skills (a target can be shown only if its
prerequisites are known), approximated in log-odds so that it costs a walk of a few steps around each target
with evidence. `LINK` is fitted on the ASSISTments 2009 skill-builder data (`fit_link_strength`, run by
`manage.py fit_link_strength`): the share of the evidence of a student's first answer on one skill that best
predicts their first answer on another, over the quarter of skill pairs most associated (the data names no
prerequisite graph; closely associated pairs stand in for linked ones). First answers, because in a skill
builder the later ones come after hints and feedback and measure learning more than what the student knew.

`Knowledge.ready` says whether a target's prerequisites are likely known (at least `READY_AT`), `likely_known`
whether the target is (at least `KNOWN_AT`, the Proficient threshold's default), `likely_missing` whether it is
likely not (below `MISSING_BELOW`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

GRADES = ("K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "HS")

# The starting belief by how many grades below the learner's the target sits (negative: above).
PRIOR_BY_GRADES_BELOW = {0: 0.2, 1: 0.75, 2: 0.85}
PRIOR_FAR_BELOW = 0.9  # three grades or more below
PRIOR_ABOVE = 0.05
# A school's own rate counts as much as this many learners' worth of the table's value.
SCHOOL_PRIOR_STRENGTH = 20

# The share of a target's evidence (in log-odds) that carries one step along a prerequisite edge: fitted by
# `manage.py fit_link_strength ../shared/data/assistments-2009/builder_train.csv`, which found 0.265 for the
# quarter of skill pairs most associated (0.153 over all 1,703 pairs answered by 150 students or more).
LINK = 0.265
# A wrong answer says less about the prerequisites than about the target itself.
WEAK_LINK = 0.25
MAX_HOPS = 3

KNOWN_AT = 0.7
# A target is ready to learn when each prerequisite is more likely known than not, and a prerequisite below that is
# likely missing: one threshold, so that no prerequisite is neither.
READY_AT = 0.5
MISSING_BELOW = READY_AT

_EPSILON = 1e-4


def logit(p: float) -> float:
    p = min(max(p, _EPSILON), 1 - _EPSILON)
    return math.log(p / (1 - p))


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def grades_below(target_grade: str, learner_grade: str) -> int:
    """How many grades below the learner's the target sits (negative: above); high school counts as grade 9."""
    order = {grade: index for index, grade in enumerate(GRADES)}
    order["HS"] = order["9"]
    return order[learner_grade] - order[target_grade]


@dataclass(frozen=True)
class SchoolRate:
    """What learners of one grade at a school showed on a target: how many have evidence on it, and the share of
    them whose belief is at least KNOWN_AT."""

    learners: int
    share_known: float


def starting_belief(target_grade: str, learner_grade: str, school: SchoolRate | None = None) -> float:
    """The probability that a learner of `learner_grade` knows a target of `target_grade` before any evidence."""
    below = grades_below(target_grade, learner_grade)
    if below < 0:
        base = PRIOR_ABOVE
    else:
        base = PRIOR_BY_GRADES_BELOW.get(below, PRIOR_FAR_BELOW)
    if school is None or school.learners <= 0:
        return base
    weight = school.learners / (school.learners + SCHOOL_PRIOR_STRENGTH)
    return min(max(weight * school.share_known + (1 - weight) * base, 0.02), 0.98)


@dataclass(frozen=True, eq=False)
class Graph:
    """The prerequisite graph: `requires[code]` are the targets `code` builds on, `unlocks[code]` those that build
    on it. Build it once with `Graph.of(codes, edges)` and reuse it: it caches the walks."""

    requires: Mapping[str, tuple[str, ...]]
    unlocks: Mapping[str, tuple[str, ...]]
    _below: dict = field(default_factory=dict, repr=False)
    _above: dict = field(default_factory=dict, repr=False)
    _links: dict = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, codes: Iterable[str], edges: Iterable[tuple[str, str]]) -> Graph:
        """`edges` are (prerequisite, target) pairs."""
        requires: dict[str, list[str]] = {code: [] for code in codes}
        unlocks: dict[str, list[str]] = {code: [] for code in requires}
        for prerequisite, target in sorted(set(edges)):
            requires.setdefault(target, []).append(prerequisite)
            unlocks.setdefault(prerequisite, []).append(target)
            requires.setdefault(prerequisite, [])
            unlocks.setdefault(target, [])
        return cls(
            requires={k: tuple(v) for k, v in requires.items()}, unlocks={k: tuple(v) for k, v in unlocks.items()}
        )

    def below(self, code: str) -> dict[str, int]:
        """The targets `code` builds on, up to MAX_HOPS steps down, each with its fewest steps."""
        found = self._below.get(code)
        if found is None:
            found = self._below[code] = _walk(code, self.requires)
        return found

    def above(self, code: str) -> dict[str, int]:
        """The targets that build on `code`, up to MAX_HOPS steps up, each with its fewest steps."""
        found = self._above.get(code)
        if found is None:
            found = self._above[code] = _walk(code, self.unlocks)
        return found

    def links(self, code: str) -> tuple[tuple[tuple[str, int, float], ...], tuple[tuple[str, float], ...]]:
        """What evidence on `code` reaches, for `Knowledge`: (target, hops, LINK ** hops) below it, and (target,
        LINK ** hops) above it, each up to MAX_HOPS steps."""
        found = self._links.get(code)
        if found is None:
            found = self._links[code] = (
                tuple((other, hops, _LINK_POWERS[hops]) for other, hops in self.below(code).items()),
                tuple((other, _LINK_POWERS[hops]) for other, hops in self.above(code).items()),
            )
        return found


def _walk(start: str, neighbours: Mapping[str, tuple[str, ...]]) -> dict[str, int]:
    hops = {start: 0}
    frontier = [start]
    for step in range(1, MAX_HOPS + 1):
        nxt = []
        for code in frontier:
            for other in neighbours.get(code, ()):
                if other not in hops:
                    hops[other] = step
                    nxt.append(other)
        frontier = nxt
    del hops[start]
    return hops


class Evidence(NamedTuple):
    """A target's own evidence, as the per-target model holds it: its belief now, and the prior it started from.
    (A named tuple: a build makes one for every target the learner has met.)"""

    p_mastery: float
    model_prior: float

    @property
    def weight(self) -> float:
        """The net log-odds its own answers moved it by."""
        return logit(self.p_mastery) - logit(self.model_prior)


class Knowledge:
    """The probability that the learner knows each target, computed on demand (`p(code)`) and kept: a path reads a
    few dozen of the framework's targets, and each costs a walk of a few steps around it.

    `prior(code)` gives a target's starting belief; `evidence` holds the targets with evidence of their own;
    `prior_logit(code)`, if given, is the logit of `prior(code)`, worked out once for many learners.
    """

    def __init__(self, *, prior, evidence: Mapping[str, Evidence], graph: Graph, prior_logit=None) -> None:
        self.prior = prior
        self.prior_logit = prior_logit or (lambda code: logit(prior(code)))
        self.evidence = evidence
        self.graph = graph
        self._weights = {code: own.weight for code, own in evidence.items()}
        self._p: dict[str, float] = {}
        # What the evidence does to its neighbours (see `_pushes_from_evidence`), worked out at the first `p`.
        self._gains: dict[str, tuple[float, int, str]] | None = None
        self._losses: dict[str, float] = {}
        self._reached: frozenset[str] | None = None

    def p(self, code: str) -> float:
        """The probability that the learner knows `code` (see the module docstring)."""
        found = self._p.get(code)
        if found is None:
            found = self._p[code] = self._compute(code)
        return found

    @property
    def reached(self) -> frozenset[str]:
        """The targets some evidence reaches: their own, or a neighbour's along the graph (the others keep their
        starting belief)."""
        if self._gains is None:
            self._pushes_from_evidence()
        if self._reached is None:
            self._reached = frozenset(self._weights).union(self._gains, self._losses)
        return self._reached

    def lifted_by(self, code: str) -> str | None:
        """The target whose right answers raised `code` the most along the graph, if any."""
        if self._gains is None:
            self._pushes_from_evidence()
        gain = self._gains.get(code)
        return gain[2] if gain is not None else None

    def likely_known(self, code: str) -> bool:
        return self.p(code) >= KNOWN_AT

    def likely_missing(self, code: str) -> bool:
        return self.p(code) < MISSING_BELOW

    def ready(self, code: str) -> bool:
        """Are the target's prerequisites all likely enough known to build on (at least READY_AT)?"""
        p = self.p
        for prerequisite in self.graph.requires.get(code, ()):
            if p(prerequisite) < READY_AT:
                return False
        return True

    def _compute(self, code: str) -> float:
        if self._gains is None:
            self._pushes_from_evidence()
        weight = self._weights.get(code)
        gain = self._gains.get(code)
        loss = self._losses.get(code)
        if weight is None and gain is None and loss is None:
            # No evidence reaches it: the starting belief, as it is.
            return self.prior(code)
        x = self.prior_logit(code) + (weight or 0.0)
        return sigmoid(x + (gain[0] if gain is not None else 0.0) + (loss or 0.0))

    def _pushes_from_evidence(self) -> None:
        """What the evidence does to its neighbours, worked out once from each target with evidence (a learner
        has evidence on a few targets; a path reads a few dozen): per target, the strongest lift from right
        answers on what builds on it (with the hops and the target that gave it) and the strongest push down."""
        gains: dict[str, tuple[float, int, str]] = {}
        losses: dict[str, float] = {}
        for other, weight in sorted(self._weights.items()):
            below, above = self.graph.links(other)
            if weight > 0:
                # Right answers on `other` lift what it builds on; the strongest counts (nearest, then by code).
                for code, hops, power in below:
                    lift = power * weight
                    found = gains.get(code)
                    if found is None or lift > found[0] or (lift == found[0] and hops < found[1]):
                        gains[code] = (lift, hops, other)
            elif weight < 0:
                # Wrong answers on `other` lower what builds on it, and, weakly, what it builds on.
                for code, power in above:
                    push = power * weight
                    if push < losses.get(code, 0.0):
                        losses[code] = push
                for code, _, power in below:
                    push = WEAK_LINK * power * weight
                    if push < losses.get(code, 0.0):
                        losses[code] = push
        self._gains, self._losses = gains, losses


# LINK ** hops, for the hops a walk takes.
_LINK_POWERS = tuple(LINK**hops for hops in range(MAX_HOPS + 1))


def knowledge(*, priors: Mapping[str, float], evidence: Mapping[str, Evidence], graph: Graph) -> dict[str, float]:
    """Every target of `priors` with its probability of being known (see Knowledge)."""
    beliefs = Knowledge(prior=priors.__getitem__, evidence=evidence, graph=graph)
    return {code: beliefs.p(code) for code in priors}


# ---------------------------------------------------------------------------------------------------------
# Fitting the link's strength


@dataclass(frozen=True)
class LinkFit:
    """What fit_link_strength found: the link, the pairs and students it saw, and the log-likelihood gain of the
    first answers it predicts over the per-skill prior alone."""

    link: float
    pairs: int
    observations: int
    log_likelihood_gain: float


def fit_link_strength(
    first_answers: Mapping[tuple[int, int], int],
    final_weights: Mapping[tuple[int, int], float],
    skill_prior: Mapping[int, float],
    *,
    pairs: Iterable[tuple[int, int]],
) -> LinkFit:
    """The share of one skill's evidence that carries to another's first answer, by maximum likelihood.

    `first_answers[(student, skill)]` is the student's first answer on the skill (1 right, 0 wrong),
    `final_weights[(student, skill)]` the net log-odds of all their answers on it (Evidence.weight), and
    `skill_prior[skill]` the probability of a right first answer on it. For each pair (a, b) in `pairs` and each
    student with answers on both, the first answer on b is predicted as sigmoid(logit(prior_b) + link *
    weight_a) and, the other way, a's from b's; the link maximises the likelihood of those predictions (a
    golden-section search on [0, 1]).
    """
    pairs = list(pairs)
    by_student: dict[int, set[int]] = {}
    for student, skill in first_answers:
        by_student.setdefault(student, set()).add(skill)
    rows: list[tuple[float, float, int]] = []
    for a, b in pairs:
        for source, target in ((a, b), (b, a)):
            for student, skills in by_student.items():
                if source in skills and target in skills:
                    rows.append(
                        (logit(skill_prior[target]), final_weights[(student, source)], first_answers[(student, target)])
                    )

    def log_likelihood(link: float) -> float:
        total = 0.0
        for base, weight, answer in rows:
            p = sigmoid(base + link * weight)
            total += math.log(p if answer else 1 - p)
        return total

    low, high = 0.0, 1.0
    ratio = (math.sqrt(5) - 1) / 2
    for _ in range(40):
        left, right = high - ratio * (high - low), low + ratio * (high - low)
        if log_likelihood(left) < log_likelihood(right):
            low = left
        else:
            high = right
    link = (low + high) / 2
    return LinkFit(
        link=round(link, 3),
        pairs=len(pairs),
        observations=len(rows),
        log_likelihood_gain=log_likelihood(link) - log_likelihood(0.0),
    )
