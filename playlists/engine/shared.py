"""What the planner's steps share: what a build derives from the catalog alone (`_Shared`, kept for the last few
catalogs) and from the learner's grade and school rates (`_Outlook`), the checks of a learner's inputs, the
ranks of targets, and the small helpers on candidates and flags.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from learners import knowledge as beliefs
from learners.knowledge import KNOWN_AT, Graph, SchoolRate, starting_belief
from playlists.engine.canonical import _canonical_field, _sha256
from playlists.engine.inputs import WEIGHT_RANK, ActivityInfo, EngineInput, Flag, ItemRef, MasteryInfo, TargetInfo


class _Candidate(NamedTuple):
    """A target the engine would like on the path, and why (`blocked` is the anchor a support target serves)."""

    rule: str
    target_code: str
    blocked: str | None = None


_NEVER_MET = MasteryInfo()
_NONE: frozenset = frozenset()


def _activity_ids(refs: frozenset[ItemRef]) -> frozenset[int]:
    return frozenset(ref.ref_id for ref in refs if ref.kind == "activity") if refs else _NONE


# A rank is one integer that orders as the tuple (not the teacher's focus, not a goal, the goal's reach-by date,
# not in the current unit, minus the chance of being ready to a tenth, place in the catalog's order) would, each
# part a digit of a mixed radix: sorting candidates compares ranks more than anything else a build does.
_DAYS = date.max.toordinal() + 1
_CHANCES = 11  # 0.0, 0.1, ..., 1.0


def _chosen_part(focus: bool, goal: date | None, unit: bool) -> int:
    return ((2 * (not focus) + (goal is None)) * _DAYS + (goal or date.max).toordinal()) * 2 + (not unit)


_NOT_CHOSEN = _chosen_part(False, None, False)


def _rank(chosen: int, chance: float, tail: int, targets: int) -> int:
    # round(chance, 1) * 10 is within a hair of a whole number of tenths: adding a half and flooring finds it.
    return (chosen * _CHANCES + _CHANCES - 1 - int(round(chance, 1) * 10 + 0.5)) * targets + tail


@dataclass(frozen=True, eq=False)
class _Shared:
    """What a build derives from the catalog alone (targets, prerequisites, activities), so a batch of learners
    on the same catalog derives it once: the lookups, the checks and the catalog's part of the digest."""

    targets: Mapping[str, TargetInfo]
    prerequisites: tuple[tuple[str, str], ...]
    activities: tuple[ActivityInfo, ...]
    activity_by_id: dict[int, ActivityInfo]
    activities_on: dict[str, list[ActivityInfo]]
    activity_tags: dict[int, frozenset[str]]  # each activity's interest tags, trimmed and casefolded
    requires: dict[str, list[str]]
    # The end of a target's rank (see `_Planner.rank`), the same for every learner: its place in the order of more
    # later learning unlocked first, then weight class, then code.
    rank_tail: dict[str, int]
    codes_by_grade: dict[str, tuple[str, ...]]
    grade_of: dict[str, int]  # each target's grade, as an index into learners.knowledge.GRADES
    shortest_activity: int
    digest: str
    graph: Graph
    closed_requires: dict[str, tuple[str, ...]]  # a target and its prerequisites
    # The outlook per learner grade and school rates (the caller passes one rates mapping for every learner of a
    # grade at a school): worked out once for them all, kept for the last few.
    outlooks: list[tuple[str, Mapping, _Outlook]] = field(default_factory=list)

    def outlook_for(self, grade: str, rates: Mapping[str, SchoolRate]) -> _Outlook:
        for known_grade, known_rates, found in self.outlooks:
            if known_grade == grade and (known_rates is rates or not (known_rates or rates)):
                return found
        found = _Outlook.derive(self, grade, rates)
        self.outlooks.insert(0, (grade, rates, found))
        del self.outlooks[SHARED_KEPT * 4 :]
        return found

    @classmethod
    def derive(cls, inputs: EngineInput) -> _Shared:
        ids = [activity.id for activity in inputs.activities]
        if len(ids) != len(set(ids)):
            raise ValueError("Each activity id may be listed once.")
        unknown = sorted({code for edge in inputs.prerequisites for code in edge} - set(inputs.targets))
        if unknown:
            raise ValueError(f"Unknown targets: {', '.join(unknown)}.")
        activities_on: dict[str, list[ActivityInfo]] = {}
        for activity in inputs.activities:
            for code in set(activity.target_codes):
                activities_on.setdefault(code, []).append(activity)
        requires: dict[str, list[str]] = {code: [] for code in inputs.targets}
        for prerequisite, target in sorted(set(inputs.prerequisites)):
            requires[target].append(prerequisite)
        descendants = _descendant_counts(inputs.targets, set(inputs.prerequisites))
        by_grade: dict[str, list[str]] = {}
        for code, target in inputs.targets.items():
            by_grade.setdefault(target.grade, []).append(code)
        catalog = tuple(
            (name, _canonical_field(name, getattr(inputs, name))) for name in ("targets", "prerequisites", "activities")
        )
        return cls(
            targets=inputs.targets,
            prerequisites=inputs.prerequisites,
            activities=inputs.activities,
            activity_by_id={activity.id: activity for activity in inputs.activities},
            activities_on=activities_on,
            activity_tags={
                activity.id: frozenset(tag.strip().casefold() for tag in activity.interest_tags)
                for activity in inputs.activities
            },
            requires=requires,
            rank_tail={
                code: index
                for index, code in enumerate(
                    sorted(
                        inputs.targets,
                        key=lambda code: (-descendants[code], WEIGHT_RANK[inputs.targets[code].weight_class], code),
                    )
                )
            },
            codes_by_grade={grade: tuple(codes) for grade, codes in by_grade.items()},
            grade_of={code: _grade_index(target.grade) for code, target in inputs.targets.items()},
            shortest_activity=min((activity.expected_minutes for activity in inputs.activities), default=10**6),
            digest=_sha256(catalog),
            graph=Graph.of(inputs.targets, inputs.prerequisites),
            closed_requires={code: (code, *prerequisites) for code, prerequisites in requires.items()},
        )


@dataclass(frozen=True, eq=False)
class _Outlook:
    """What a build derives from the catalog and the learner's grade and school rates alone: each target's starting
    belief, and how the grade's targets rank and read before any evidence (the same for every such learner, and
    true of a target as long as no evidence reaches it or its prerequisites)."""

    priors: dict[str, float]
    logits: dict[str, float]  # the priors' logits
    # (rank, code) of the grade's targets not likely known at their starting belief, best first, as
    # `_Planner.rank` ranks a target nobody chose.
    anchors: tuple[tuple[int, str], ...]
    # The grade's targets whose prerequisites are all likely enough known at their starting beliefs.
    ready: frozenset[str]

    @classmethod
    def derive(cls, shared: _Shared, grade: str, rates: Mapping[str, SchoolRate]) -> _Outlook:
        priors = {
            code: starting_belief(target.grade, grade, rates.get(code)) for code, target in shared.targets.items()
        }
        anchors = []
        for code in shared.codes_by_grade.get(grade, ()):
            if priors[code] >= KNOWN_AT:
                continue
            chance = 1.0
            for prerequisite in shared.requires[code]:
                chance *= priors[prerequisite]
            anchors.append((_rank(_NOT_CHOSEN, chance, shared.rank_tail[code], len(shared.rank_tail)), code))
        ready = frozenset(
            code
            for code in shared.codes_by_grade.get(grade, ())
            if all(priors[prerequisite] >= beliefs.READY_AT for prerequisite in shared.requires[code])
        )
        logits = {code: beliefs.logit(prior) for code, prior in priors.items()}
        return cls(priors=priors, logits=logits, anchors=tuple(sorted(anchors)), ready=ready)


# The catalogs of the last few builds: a batch builds every learner of a school on the same objects.
_SHARED: list[_Shared] = []
SHARED_KEPT = 8
SHARED_PARTS = frozenset({"targets", "prerequisites", "activities"})


def _shared_for(inputs: EngineInput) -> _Shared:
    """The catalog's derived lookups, reused while the caller passes the very same catalog objects (the inputs
    are frozen, and a caller does not change a catalog it has handed to the engine)."""
    for shared in _SHARED:
        if (
            shared.targets is inputs.targets
            and shared.prerequisites is inputs.prerequisites
            and shared.activities is inputs.activities
        ):
            return shared
    shared = _Shared.derive(inputs)
    _SHARED.insert(0, shared)
    del _SHARED[SHARED_KEPT:]
    return shared


def _check_learner(inputs: EngineInput) -> None:
    """Refuse a learner's inputs that would make the path ill-defined or depend on the order they are listed in."""
    ids = [assessment.id for assessment in inputs.assessments]
    if len(ids) != len(set(ids)):
        raise ValueError("Each assessment id may be listed once.")
    named = [goal.target_code for goal in inputs.learner.goals] + list(inputs.current_unit) + list(inputs.focus)
    named += [session.target_code for session in inputs.group_sessions]
    unknown = sorted({code for code in named if code not in inputs.targets})
    if unknown:
        raise ValueError(f"Unknown targets: {', '.join(unknown)}.")
    catalog = {"activity": _shared_for(inputs).activity_by_id, "assessment": set(ids)}
    for entry in list(inputs.assignments) + list(inputs.pins):
        if entry.ref_id not in catalog.get(entry.kind, ()):
            raise ValueError(f"The teacher's {entry.kind} {entry.ref_id} is not among the inputs.")
    for session in inputs.group_sessions:
        if session.activity_id is not None and session.activity_id not in catalog["activity"]:
            raise ValueError(f"The group session's activity {session.activity_id} is not among the inputs.")


def _descendant_counts(codes, edges: set[tuple[str, str]]) -> dict[str, int]:
    """How many targets each target leads to through the prerequisite DAG (ValueError on a cycle)."""
    unlocks: dict[str, list[str]] = {code: [] for code in codes}
    waiting = {code: 0 for code in codes}
    for prerequisite, target in edges:
        unlocks[prerequisite].append(target)
        waiting[target] += 1
    order = [code for code, count in waiting.items() if count == 0]
    for code in order:
        for target in unlocks[code]:
            waiting[target] -= 1
            if waiting[target] == 0:
                order.append(target)
    if len(order) != len(waiting):
        raise ValueError("The prerequisite graph has a cycle.")
    # One bit per target: a target's descendants are the union of its children and their descendants.
    bit = {code: 1 << index for index, code in enumerate(order)}
    below: dict[str, int] = {}
    for code in reversed(order):
        mask = 0
        for target in unlocks[code]:
            mask |= bit[target] | below[target]
        below[code] = mask
    return {code: mask.bit_count() for code, mask in below.items()}


class _Lookahead:
    """Candidates one at a time, with a look at those still to come (computed only as far as asked)."""

    def __init__(self, candidates: Iterable[_Candidate]):
        self._rest = iter(candidates)
        self._buffer: collections.deque[_Candidate] = collections.deque()

    def __iter__(self) -> Iterator[_Candidate]:
        while True:
            if self._buffer:
                yield self._buffer.popleft()
                continue
            try:
                yield next(self._rest)
            except StopIteration:
                return

    def ahead(self, count: int) -> list[_Candidate]:
        """Up to `count` of the candidates still to come."""
        while len(self._buffer) < count:
            try:
                self._buffer.append(next(self._rest))
            except StopIteration:
                break
        return list(itertools.islice(self._buffer, count))


def _dedupe(candidates: Iterable[_Candidate]) -> Iterator[_Candidate]:
    """Each target once, at its best place."""
    seen: set[str] = set()
    for candidate in candidates:
        if candidate.target_code not in seen:
            seen.add(candidate.target_code)
            yield candidate


def _unique(values) -> list:
    return list(dict.fromkeys(values))


def _no_questions(names: str, targets: list[str]) -> list[Flag]:
    message = f"No question in the bank checks {names} yet: add some, or check it another way."
    return [Flag("no_questions", tuple(sorted(targets)), message)]


def _grade_index(grade: str) -> int:
    return beliefs.GRADES.index("9" if grade == "HS" else grade)
