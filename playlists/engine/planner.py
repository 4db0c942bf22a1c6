"""The planner of one build (`_Planner`: the derived lookups of the learner's inputs, and the day's plan in the
order of the steps) and `build_path`. The steps' methods are mixed in from playlists.engine.teacher,
.candidates, .choices and .tickets; the rules they follow are told in the docstring of playlists.engine.
"""

from __future__ import annotations

import itertools
from datetime import date

from learners.knowledge import Evidence, Knowledge
from playlists.engine.candidates import _Candidates
from playlists.engine.choices import _Choices
from playlists.engine.digest import inputs_digest
from playlists.engine.inputs import (
    ENGINE_VERSION,
    HISTORY_DAYS,
    ActivityInfo,
    DailyPath,
    EngineInput,
    Flag,
    ItemRef,
    MasteryInfo,
    PathItem,
    stretched_minutes,
)
from playlists.engine.shared import (
    _NEVER_MET,
    _NONE,
    _NOT_CHOSEN,
    _activity_ids,
    _check_learner,
    _chosen_part,
    _dedupe,
    _grade_index,
    _rank,
    _shared_for,
)
from playlists.engine.teacher import _TeacherSteps
from playlists.engine.tickets import _ExitTicket
from playlists.engine.words import _and_list


class _Planner(_TeacherSteps, _Candidates, _Choices, _ExitTicket):
    """The derived lookups of one build, and the steps that use them."""

    def __init__(self, inputs: EngineInput) -> None:
        shared = _shared_for(inputs)
        _check_learner(inputs)
        self.inputs = inputs
        self.learner = inputs.learner
        self.today = inputs.today
        self.removed = frozenset(inputs.removals) if inputs.removals else _NONE
        self.locked = frozenset(inputs.locks) if inputs.locks else _NONE
        self.removed_activities = _activity_ids(self.removed)
        self.locked_activities = _activity_ids(self.locked)
        self.activity_tags = shared.activity_tags
        self.activities = shared.activity_by_id
        self.assessments = {assessment.id: assessment for assessment in inputs.assessments}
        # The bank's exit tickets the teacher did not remove, with their targets.
        self.bank_tickets = [
            (assessment, frozenset(assessment.target_codes))
            for assessment in inputs.assessments
            if assessment.kind == "exit_ticket" and ItemRef("assessment", assessment.id) not in self.removed
        ]
        self.activities_on = shared.activities_on
        self.requires = shared.requires
        self.rank_tail = shared.rank_tail
        self.grade_of = shared.grade_of
        self.at_grade = shared.codes_by_grade.get(inputs.learner.grade, ())
        self.goals: dict[str, date] = {}
        for goal in inputs.learner.goals:
            self.goals[goal.target_code] = min(goal.reach_by, self.goals.get(goal.target_code, goal.reach_by))
        self.unit = frozenset(inputs.current_unit) if inputs.current_unit else _NONE
        self.focus = frozenset(inputs.focus) if inputs.focus else _NONE
        self.group_targets = frozenset(session.target_code for session in inputs.group_sessions)
        self.interests = frozenset(interest.strip().casefold() for interest in inputs.learner.interests)
        self.recent = frozenset(
            ItemRef(entry.kind, entry.ref_id)
            for entry in inputs.history
            if 0 <= (self.today - entry.on).days < HISTORY_DAYS
        )
        # The targets the learner has met; a target missing from `mastery` has no evidence of its own.
        self.met = {code: info for code, info in inputs.mastery.items() if code in inputs.targets}
        grade = inputs.learner.grade
        self.outlook = shared.outlook_for(grade, inputs.school_rates)
        self.closed_requires = shared.closed_requires
        self.knowledge = Knowledge(
            prior=self.outlook.priors.__getitem__,
            prior_logit=self.outlook.logits.__getitem__,
            evidence={
                code: Evidence(info.p_mastery, info.model_prior)
                for code, info in self.met.items()
                if info.evidence_count
            },
            graph=shared.graph,
        )
        self.recent_activities = _activity_ids(self.recent)
        self.ranks: dict[str, int] = {}
        self._ways: dict[str, list[ActivityInfo]] = {}
        self._failed: list[str] | None = None
        self._written_minutes: dict[int, int] = {}
        self._ticket_minutes: dict[tuple, int] = {}
        self._ticket_items: list[PathItem] | None = None
        self._ticket_assessments: frozenset = frozenset()
        self.shortest_activity = shared.shortest_activity
        self.grade_index = _grade_index(grade)

    def plan(self) -> tuple[tuple[PathItem, ...], tuple[Flag, ...]]:
        teacher_items = self.teacher_items()
        flags: list[Flag] = []
        budget = self.learner.daily_minutes_budget
        teacher_minutes = sum(item.minutes for item in teacher_items)
        if teacher_minutes > budget:
            message = f"The teacher's items take {teacher_minutes} minutes; the learner's day is {budget} minutes."
            flags.append(Flag("over_budget", (), message))
        flags.extend(self.small_group_proposal())
        # Learning candidates come lazily, best first: the day takes only the first few that fit, and walking
        # the graph below every blocked anchor would cost more than the rest of the build.
        learning = itertools.chain(self.reteach_candidates(), self.learning_candidates())
        engine_items, todays_targets = self.fit(teacher_items, _dedupe(learning), self.reviews_due())
        items = teacher_items + engine_items
        ticket, ticket_flags = self.exit_ticket_item(items, todays_targets, budget)
        flags.extend(ticket_flags)
        return tuple(self.in_teacher_order(items + ticket)), tuple(flags)

    def minutes_of(self, ref: ItemRef) -> int:
        if ref.kind == "activity":
            return self.activities[ref.ref_id].expected_minutes
        return stretched_minutes(self.assessments[ref.ref_id].expected_minutes, self.learner.extended_time_factor)

    def rank(self, code: str) -> int:
        """Where `code` comes among the targets: the teacher's focus first, then the learner's goals (earliest
        reach-by date first), then the current unit, then the chance that it is ready (to a tenth), then the
        catalog's order (`_Shared.rank_tail`)."""
        rank = self.ranks.get(code)
        if rank is None:
            goal, in_focus, in_unit = self.goals.get(code), code in self.focus, code in self.unit
            chosen = _chosen_part(in_focus, goal, in_unit) if goal or in_focus or in_unit else _NOT_CHOSEN
            rank = self.ranks[code] = _rank(chosen, self.chance_ready(code), self.rank_tail[code], len(self.rank_tail))
        return rank

    def mastery(self, code: str) -> MasteryInfo:
        return self.inputs.mastery.get(code, _NEVER_MET)

    def chance_ready(self, code: str) -> float:
        """The chance that every prerequisite of `code` is known: where learning is likeliest to take."""
        chance = 1.0
        p = self.knowledge.p
        for prerequisite in self.requires[code]:
            chance *= p(prerequisite)
        return chance

    def is_below_grade(self, code: str) -> bool:
        return self.grade_of[code] < self.grade_index

    def is_grade_level(self, code: str) -> bool:
        return self.grade_of[code] == self.grade_index

    def name(self, code: str) -> str:
        return self.inputs.targets[code].name

    def names(self, codes) -> str:
        return _and_list([self.name(code) for code in codes])


def build_path(inputs: EngineInput) -> DailyPath:
    """The learner's daily path for `inputs.today` (see the module docstring for the rules)."""
    planner = _Planner(inputs)
    items, flags = planner.plan()
    return DailyPath(items=items, flags=flags, engine_version=ENGINE_VERSION, inputs_digest=inputs_digest(inputs))
