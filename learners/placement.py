"""The placement check: an adaptive diagnostic that finds, in a few questions, where a learner is across their grade
and what it builds on. Pure Python, no Django.

As ALEKS's placement does, it keeps a belief over the learner's state and asks next the question that tells most
about it: the target whose answer is expected to lower the uncertainty (the entropy of known / not known) summed
over the targets in scope the most, counting what that answer says along the prerequisite graph
(`learners.knowledge`). A right answer on a grade 7 target is evidence about the grade 5 and 6 targets it builds
on, so a learner who knows their grade is placed in few questions, and one with gaps is asked where the gaps are.

- The scope: the learner's grade's targets and what they build on, up to `PREREQUISITE_STEPS` steps down the
  graph, that the item bank has questions for.
- It stops when every target in scope is known or not known with confidence (`CONFIDENT`), when no question is
  worth asking any more (`MIN_GAIN` bits), or after `MAX_QUESTIONS` (ALEKS places 314 topics in at most 30).
- An answer counts with the guess and slip of the mastery model's defaults (`learners.mastery.Params`).

`PlacementState.start` begins one; `next_question` says which target to ask about next (None: done); `record`
adds an answer; `result` gives, per target in scope, known (likely known), not known, or ready to learn (not
likely known, and every prerequisite known well enough to build on, `learners.knowledge.READY_AT`: the outer
fringe of the learner's knowledge). The platform stores each answer as mastery
evidence marked as placement, so what the check found is what the engine reads the next morning.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from learners.knowledge import Evidence, Graph, Knowledge, SchoolRate, logit, sigmoid, starting_belief
from learners.mastery import Params

# How far below the learner's grade's targets the check looks: their direct prerequisites (the support a
# grade-level target may need), not the whole graph below. Evidence still travels further along the graph.
PREREQUISITE_STEPS = 1
MAX_QUESTIONS = 25
# Known or not known with this confidence either way: nothing more to ask about a target.
CONFIDENT = 0.85
# An answer expected to tell less than this (bits, over the scope) is not worth a learner's minute.
MIN_GAIN = 0.05

_DEFAULTS = Params()
RIGHT_WEIGHT = math.log((1 - _DEFAULTS.slip) / _DEFAULTS.guess)
WRONG_WEIGHT = math.log(_DEFAULTS.slip / (1 - _DEFAULTS.guess))

KNOWN, NOT_KNOWN, READY = "known", "not_known", "ready"


@dataclass(frozen=True)
class PlacementState:
    """One learner's placement check so far: its scope, starting beliefs, and answers (target, right?) in order."""

    grade: str
    scope: tuple[str, ...]
    priors: Mapping[str, float]
    graph: Graph
    answers: tuple[tuple[str, bool], ...] = ()
    grades: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def start(
        cls,
        *,
        grade: str,
        targets: Mapping,
        prerequisites,
        checkable,
        school_rates: Mapping[str, SchoolRate] = {},
        graph: Graph | None = None,
    ) -> PlacementState:
        """A new check for a learner of `grade`: `targets` maps each code to something with a `.grade`,
        `prerequisites` are (prerequisite, target) edges, `checkable` the targets the bank has questions for."""
        graph = graph or Graph.of(targets, prerequisites)
        in_grade = [code for code, target in targets.items() if target.grade == grade]
        scope = set(in_grade)
        for code in in_grade:
            for below, hops in graph.below(code).items():
                if hops <= PREREQUISITE_STEPS:
                    scope.add(below)
        scope &= set(checkable)
        priors = {code: starting_belief(targets[code].grade, grade, school_rates.get(code)) for code in targets}
        return cls(
            grade=grade,
            scope=tuple(sorted(scope)),
            priors=priors,
            graph=graph,
            grades={code: targets[code].grade for code in scope},
        )

    def knowledge(self, extra: tuple[str, bool] | None = None) -> Knowledge:
        """The beliefs the answers so far give (and `extra`, a hypothetical next answer)."""
        weights: dict[str, float] = {}
        for code, correct in self.answers + ((extra,) if extra else ()):
            weights[code] = weights.get(code, 0.0) + (RIGHT_WEIGHT if correct else WRONG_WEIGHT)
        evidence = {
            code: Evidence(p_mastery=sigmoid(logit(self.priors[code]) + weight), model_prior=self.priors[code])
            for code, weight in weights.items()
        }
        return Knowledge(prior=self.priors.__getitem__, evidence=evidence, graph=self.graph)


def _all_below(code: str, graph: Graph) -> set[str]:
    found: set[str] = set()
    stack = [code]
    while stack:
        for prerequisite in graph.requires.get(stack.pop(), ()):
            if prerequisite not in found:
                found.add(prerequisite)
                stack.append(prerequisite)
    return found


def _entropy(p: float) -> float:
    if p <= 0 or p >= 1:
        return 0.0
    return -(p * math.log2(p) + (1 - p) * math.log2(1 - p))


def next_question(state: PlacementState) -> str | None:
    """The target to ask about next, or None when the check is done (see the module docstring). Ties go to the
    target of the learner's grade, then the lower code."""
    if len(state.answers) >= MAX_QUESTIONS or not state.scope:
        return None
    now = state.knowledge()
    in_scope = set(state.scope)
    if all(now.p(code) <= 1 - CONFIDENT or now.p(code) >= CONFIDENT for code in state.scope):
        return None
    best, best_gain = None, MIN_GAIN
    for candidate in state.scope:
        # An answer moves the candidate and its neighbours along the graph; the rest keep their beliefs.
        touched = [
            code
            for code in (candidate, *state.graph.below(candidate), *state.graph.above(candidate))
            if code in in_scope
        ]
        before = sum(_entropy(now.p(code)) for code in touched)
        p_known = now.p(candidate)
        p_right = p_known * (1 - _DEFAULTS.slip) + (1 - p_known) * _DEFAULTS.guess
        after = 0.0
        for correct, chance in ((True, p_right), (False, 1 - p_right)):
            then = state.knowledge((candidate, correct))
            after += chance * sum(_entropy(then.p(code)) for code in touched)
        gain = before - after
        if gain > best_gain + 1e-12 or (
            best is not None and abs(gain - best_gain) <= 1e-12 and _tie_key(state, candidate) < _tie_key(state, best)
        ):
            best, best_gain = candidate, gain
    return best


def _tie_key(state: PlacementState, code: str) -> tuple:
    return (state.grades.get(code) != state.grade, code)


def record(state: PlacementState, code: str, correct: bool) -> PlacementState:
    """The state with one more answer."""
    if code not in state.scope:
        raise ValueError(f"{code} is not in this placement check's scope.")
    return replace(state, answers=state.answers + ((code, bool(correct)),))


def result(state: PlacementState) -> dict[str, str]:
    """Each target in scope: known, not known, or ready to learn (not known, its prerequisites known)."""
    now = state.knowledge()
    found = {}
    for code in state.scope:
        if now.likely_known(code):
            found[code] = KNOWN
        elif now.ready(code):
            found[code] = READY
        else:
            found[code] = NOT_KNOWN
    return found
