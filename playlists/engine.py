"""The playlist engine: one learner's inputs in, an ordered daily path out.

Pure logic with no Django: frozen dataclasses in (`EngineInput`) and out (`DailyPath`), so the same code runs
in a Celery task, a benchmark and a test without a database. The same inputs always give the same path: there
is no randomness and no clock (`today` is an input), collections are read as sets or in sorted order, and
ties are broken by target code or activity id, so the order a caller lists things in changes nothing.
`inputs_digest` hashes a canonical form of the inputs, and a path records it with `ENGINE_VERSION`.

What the learner knows is read as probabilities (`learners.knowledge`): each target's starting belief from
where it sits against the learner's grade (and what learners of that grade at the school showed on it,
`school_rates`), moved by the target's own evidence (`mastery`) and by the evidence of its neighbours in the
prerequisite graph. A target is *likely known* from `KNOWN_AT`, *ready* when each of its prerequisites is more
likely known than not, and a prerequisite below that is *likely missing*. So a target the learner has never met
neither blocks the learner's grade nor fills their day: a grade 7 learner with no evidence most likely knows
grade 4.

How a day is built, in this order:

1. The teacher's items: assignments, pins and today's small-group sessions (with their mini-lesson activity, if
   the teacher chose one), earliest due date first (a session is due today, and comes first among the items due
   today; undated pins last). They are always on the path, even past the learner's minutes budget: the teacher
   decided (the `over_budget` flag says so). A removal wins over everything: a removed activity or assessment
   never comes back that day, not as an item, not as a choice, not as an exit ticket, even if it is also
   assigned or pinned.
2. Small group, proposed: a target of the learner's grade (or one the teacher assigned, or the learner's goal)
   answered wrong `SMALL_GROUP_AFTER_FAILURES` times in a row gets a `small_group` flag for the teacher, at most
   one a day, with the true count. The path shows a group only once the teacher schedules it (step 1); until
   then the target rests (step 3) and comes back after.
3. Re-teach: a target answered wrong lately, still not likely known and ready, gets an activity in a way of
   learning that has not failed on it: the first one ranked comes first (`MAX_RETEACH`), the others take their
   place among the anchors (step 4). Failed twice, the engine looks under it first: its prerequisites not likely
   known are taught before it (`support`), a grade-level one the learner has met included. A target failed
   `SMALL_GROUP_AFTER_FAILURES` times in a row rests `REST_DAYS` days.
4. Learning: the anchors are the targets at the learner's grade, the targets the teacher assigned (`focus`), the
   learner's goals and the section's current unit, minus those likely known. They are ranked by the teacher's
   focus, then the learner's goals (earliest reach-by date first), then the current unit, then the chance that
   every prerequisite is known (to a tenth: learning takes best where it is highest, as ZPDES favours the zone
   where progress is likely), then how much later learning they unlock (their descendants in the prerequisite
   graph), then weight class (major, supporting, additional), then code. A ready anchor is a `next` item. A blocked one brings in what it needs below the
   learner's grade that is likely missing (`support` items: the ready ones, walking down only through likely
   missing targets), as Teach to One's support skills serve its target skills: below-grade work is the few
   missing links under the learner's targets, never a walk down the graph. A target of the learner's grade that
   blocks another is an anchor of its own, except under a blocked goal or focus target: there the grade-level
   targets on the way come in too (`next`, "on the way to your goal"), so what was asked for is reached.
   Nothing likely known is practised here.
   The engine adds at most `MAX_NEW_TARGETS` targets of steps 3 and 4 a day, besides the teacher's, and one
   fewer when a review is due.
5. Review: a target of the learner's work (their grade, the teacher's focus, their goals, the current unit) likely
   known, whose last practice is as old as an interval that grows with its evidence:
   fewer than 5 pieces of evidence, 7 days; 5 to 9, 14 days; 10 to 19, 28 days; 20 or more, 56 days
   (`REVIEW_SCHEDULE`). Most overdue first, `MAX_REVIEWS` a day: a spaced review is the only practice of what is
   likely known, and it always has its place.
6. Exit ticket, last, on today's targets (those of the path's activities and group sessions that no assessment
   on the path already covers, reviews included): the bank's exit ticket (an assessment of kind `exit_ticket`)
   that covers them all, or else one the engine writes (`ref_id` None, `target_codes`): the caller draws
   questions from the bank (`questions_per_target`). A target no question checks (`checkable`)
   is said in the reason and flagged (`no_questions`); when the teacher's items leave no time for the exit
   ticket, `exit_ticket_no_time` says so. Under each target answered wrong lately, the ticket also checks up to
   `FOUNDATION_CHECKS` prerequisites the learner's answers have not shown known (`with_checks`): a missing one
   shows, and is taught.
7. The teacher's order, last: an activity or assessment the teacher moved (`moves`) goes to the place they
   chose (1 is first), in order of those places; the other items keep their order around them.

Each target comes once: the engine skips the targets of the teacher's items, and a target that qualifies for
several steps takes the first. Reasons name a target by its short name and code ("Next: dividing fractions
(6.NS.A.1). You know multiplying fractions (5.NF.B.4), which it builds on.").

Minutes: the budget is the learner's real minutes. Extended time stretches assessments only, the timed work
(an attempt's deadline is stretched the same way): an assessment counts
`ceil(expected_minutes x extended_time_factor)` minutes; activities are self-paced and count their expected
minutes. The engine adds steps 3 to 5 in order,
skipping any that does not fit, and keeps room for the exit ticket its targets need: every item it adds fits the
minutes the teacher's items and that exit ticket leave, so the day fits the budget unless the teacher's own items
overflow it.

Choices: each engine activity item offers the student two or three activities on its target (`alternatives`,
the engine's suggestion first, which is `ref_id`): not done in the last `HISTORY_DAYS` days first, then those
not both longer than `LONG_ACTIVITY_MINUTES` and than the place's share of the day (what the budget leaves,
beside an exit ticket on every place still open, divided among those places), then the learner's preferred
ways of learning in their order, then the most interest tags shared with the learner, then those no longer
than the place's share, then those no longer than `LONG_ACTIVITY_MINUTES`, then the
difficulty the step calls for (introductory for re-teach and support, core otherwise), then the shortest,
then the lowest id; one per way of learning before a second of the same, so the choice is a real one. A choice
is no longer than `CHOICE_LENGTH_RATIO` times the suggestion, nor than the place's share (unless the suggestion
itself is). The item's minutes are the longest choice's, so the day fits whichever the student picks. An item with a single
activity, a teacher's item, an assessment, a group session and a locked item offer no alternatives: a lock
means the teacher wants this exact work (a lock marks an item; it does not add one, pins and assignments do).
"""

from __future__ import annotations

import collections
import functools
import hashlib
import itertools
import operator
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal
from typing import NamedTuple

from learners import knowledge as beliefs
from learners.knowledge import KNOWN_AT, Evidence, Graph, Knowledge, SchoolRate, starting_belief

ENGINE_VERSION = "2.1.0"

WEIGHT_RANK = {"major": 0, "supporting": 1, "additional": 2}
# A small group is proposed for a target failed this many times in a row: once, again after a re-teach, and again.
SMALL_GROUP_AFTER_FAILURES = 3
# A target failed that often rests this many days before the engine tries it again (the teacher's group may come
# first); meanwhile the learner moves on.
REST_DAYS = 3
# A target answered wrong has what it builds on checked: the exit ticket asks about up to FOUNDATION_CHECKS of its
# prerequisites that the learner's own answers have not shown known, so that a missing one shows and is taught.
FOUNDATION_CHECKS = 2
CHECK_AFTER_FAILURES = 1
MAX_RETEACH = 1
SMALL_GROUP_MINUTES = 15
# The engine writes its own exit ticket when no exit ticket of the bank covers today's targets: a question on each
# target, and at least EXIT_TICKET_QUESTIONS in all (spread over the targets, the first ones first), each of
# MINUTES_PER_QUESTION (stretched by extended time, as any assessment is). The activities' practice questions
# are evidence too, so one question a target is enough to check a day's work.
EXIT_TICKET_QUESTIONS = 3
MINUTES_PER_QUESTION = Decimal("1.5")
# A day brings in at most this many targets of the engine's own, so the exit ticket can check each of them.
# (In bench/path_quality.py four a day teach more than three in every world: more targets meet the learner's
# frontier, and the shorter activities leave less of the day unused.)
MAX_NEW_TARGETS = 4
# A review due takes one of the day's places, so reviews always get time.
MAX_REVIEWS = 1
MAX_CHOICES = 3
# An activity longer than this is suggested only when the learner prefers its way of learning and it fits its
# place's share of the day, or nothing shorter is left: a day of one long task teaches one target, where shorter
# ones leave room for two (a preferred 28-minute task in a 45-minute day crowded out the learner's goal).
LONG_ACTIVITY_MINUTES = 20
# A choice takes at most this many times the suggestion's minutes, and no more than its place's share of the day.
CHOICE_LENGTH_RATIO = Decimal("1.5")
# An activity done this recently is offered after the ones the learner has not just seen.
HISTORY_DAYS = 7
# (from this many pieces of evidence, days between reviews): a target seen on more evidence is held more
# firmly, so its next review can wait longer.
REVIEW_SCHEDULE = ((20, 56), (10, 28), (5, 14), (0, 7))
INTRODUCTORY, CORE = 1, 2

# The input fields whose order means something; every other list is a set in all but type.
ORDERED_FIELDS = frozenset({"preferred_modalities", "failed_modalities"})

THE_MODALITY = {
    "video": "the video",
    "reading": "the reading",
    "worked_examples": "the worked examples",
    "practice": "the practice",
    "hands_on": "the hands-on activity",
    "small_group": "the small-group work",
    "peer_work": "the work with a partner",
}
HERE_IS_MODALITY = {
    "video": "here is a video",
    "reading": "here is a reading",
    "worked_examples": "here are some worked examples",
    "practice": "here is some practice",
    "hands_on": "here is a hands-on activity",
    "small_group": "here is some small-group work",
    "peer_work": "here is some work with a partner",
}
NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Goal:
    """A target the learner means to reach by a date."""

    target_code: str
    reach_by: date


@dataclass(frozen=True)
class LearnerInfo:
    """Who the learner is and how they learn; `preferred_modalities` most preferred first."""

    grade: str
    interests: tuple[str, ...] = ()
    preferred_modalities: tuple[str, ...] = ()
    extended_time_factor: Decimal = Decimal("1")
    daily_minutes_budget: int = 45
    goals: tuple[Goal, ...] = ()


@dataclass(frozen=True)
class TargetInfo:
    """A learning target; `weight_class` is major, supporting or additional."""

    code: str
    grade: str
    domain: str = ""
    weight_class: str = "major"
    text: str = ""
    short_name: str = ""

    @property
    def name(self) -> str:
        """How reasons name the target: its short name with the code after it, or the code alone."""
        return f"{self.short_name} ({self.code})" if self.short_name else self.code


@dataclass(frozen=True)
class MasteryInfo:
    """What the platform believes the learner knows of one target.

    `p_mastery` is the per-target model's belief from the target's own evidence, which started from `model_prior`
    (see learners.knowledge.Evidence). `recent_failures` counts the consecutive wrong answers on assessments up to
    now; `failed_modalities` are the ways of learning of the activities tried on it recently that did not work,
    oldest first.
    """

    level: str = "not_started"
    p_mastery: float = 0.0
    model_prior: float = 0.3
    evidence_count: int = 0
    last_practised: date | None = None
    recent_failures: int = 0
    failed_modalities: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActivityInfo:
    """An activity of the catalog; `difficulty` is 1 introductory, 2 core, 3 stretch."""

    id: int
    title: str
    modality: str
    expected_minutes: int
    target_codes: tuple[str, ...]
    difficulty: int = CORE
    interest_tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssessmentInfo:
    """An assessment the learner can take; `kind` is exit_ticket, quiz, diagnostic, checkpoint or rubric_task."""

    id: int
    title: str
    kind: str
    target_codes: tuple[str, ...]
    expected_minutes: int


@dataclass(frozen=True)
class ItemRef:
    """An activity or an assessment, by id: what a teacher removes or locks."""

    kind: str
    ref_id: int


@dataclass(frozen=True)
class Assignment:
    """An activity or assessment the teacher assigned the learner, on a target, due on a date."""

    kind: str
    ref_id: int
    target_code: str
    due: date


@dataclass(frozen=True)
class Pin:
    """An activity or assessment the teacher pinned to the learner's path, with a due date or none."""

    kind: str
    ref_id: int
    target_code: str
    due: date | None = None


@dataclass(frozen=True)
class GroupSession:
    """A small-group session the teacher holds with the learner today on a target; `activity_id` is the
    mini-lesson the group works through, if the teacher chose one."""

    target_code: str
    activity_id: int | None = None


@dataclass(frozen=True)
class Move:
    """Where the teacher wants an activity or assessment on the path today: 1 is first."""

    kind: str
    ref_id: int
    position: int


@dataclass(frozen=True)
class HistoryEntry:
    """An activity or assessment the learner did on a day."""

    on: date
    kind: str
    ref_id: int


@dataclass(frozen=True)
class EngineInput:
    """Everything the engine reads to build one learner's path for `today`.

    `prerequisites` are (prerequisite code, target code) edges of a DAG over `targets`; `mastery` lacks the
    targets the learner has never met; `removals`, `locks`, `moves`, `focus` (targets the teacher assigned) and
    `group_sessions` are the teacher's for today. `school_rates` are what learners of the learner's grade at the
    school showed on each target (for the starting beliefs); `checkable` are the targets the item bank has
    questions for, which an exit ticket the engine writes can check.
    """

    learner: LearnerInfo
    today: date
    targets: Mapping[str, TargetInfo]
    prerequisites: tuple[tuple[str, str], ...] = ()
    mastery: Mapping[str, MasteryInfo] = field(default_factory=dict)
    activities: tuple[ActivityInfo, ...] = ()
    assessments: tuple[AssessmentInfo, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    pins: tuple[Pin, ...] = ()
    removals: tuple[ItemRef, ...] = ()
    locks: tuple[ItemRef, ...] = ()
    current_unit: tuple[str, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    focus: tuple[str, ...] = ()
    group_sessions: tuple[GroupSession, ...] = ()
    moves: tuple[Move, ...] = ()
    school_rates: Mapping[str, SchoolRate] = field(default_factory=dict)
    checkable: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PathItem:
    """One step of the day.

    `kind` is activity, assessment or group_session (`ref_id` None); `rule` is the step that put it there:
    assigned, pinned, group (the teacher's session), reteach, next, support, review or exit_ticket.
    A group session's `ref_id` is its mini-lesson activity, or None. `alternatives` are the activity ids the
    student chooses among, `ref_id` first, or empty when there is no choice. An exit ticket the engine writes
    itself has `ref_id` None and checks `target_codes` (the caller draws its questions from the bank).
    """

    kind: str
    ref_id: int | None
    target_code: str
    minutes: int
    reason: str
    rule: str
    source: str = "engine"
    pinned: bool = False
    locked: bool = False
    alternatives: tuple[int, ...] = ()
    target_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Flag:
    """Something for the teacher: small_group (a proposal), no_questions (a target today that no question of the
    bank checks), exit_ticket_no_time or over_budget."""

    kind: str
    target_codes: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class DailyPath:
    """A learner's ordered path for one day, with the teacher's flags and what it was built from."""

    items: tuple[PathItem, ...]
    flags: tuple[Flag, ...]
    engine_version: str
    inputs_digest: str

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.items)


def build_path(inputs: EngineInput) -> DailyPath:
    """The learner's daily path for `inputs.today` (see the module docstring for the rules)."""
    planner = _Planner(inputs)
    items, flags = planner.plan()
    return DailyPath(items=items, flags=flags, engine_version=ENGINE_VERSION, inputs_digest=inputs_digest(inputs))


def inputs_digest(inputs: EngineInput) -> str:
    """The sha256 of the inputs' canonical form: equal inputs, listed in any order, give the same digest.

    The catalog's part is hashed once per catalog (see `_shared_for`) and stands in for it.
    """
    learner_part = tuple(
        (
            name,
            _batch_digest(name, getattr(inputs, name))
            if name in BATCH_PARTS
            else _canonical_field(name, getattr(inputs, name)),
        )
        for name in _DIGESTED_FIELDS
    )
    return _sha256((_shared_for(inputs).digest, learner_part))


# Parts a caller passes as one object to many learners (the school's rates to a grade, the checkable targets to
# everyone): each object is hashed once, and its digest stands in for it.
BATCH_PARTS = ("school_rates", "checkable")
_BATCH_DIGESTS: list[tuple[object, str]] = []


def _batch_digest(name: str, value) -> str:
    for known, digest in _BATCH_DIGESTS:
        if known is value:
            return digest
    digest = _sha256((name, _canonical_field(name, value)))
    _BATCH_DIGESTS.insert(0, (value, digest))
    del _BATCH_DIGESTS[SHARED_KEPT * 4 :]
    return digest


def _sha256(data) -> str:
    return hashlib.sha256(repr(data).encode()).hexdigest()


@functools.lru_cache(maxsize=4096)
def stretched_minutes(expected_minutes: int, extended_time_factor: Decimal) -> int:
    """An assessment's minutes for a learner with extended time, rounded up to a whole minute."""
    minutes = Decimal(expected_minutes) * Decimal(str(extended_time_factor))
    return int(minutes.to_integral_value(rounding=ROUND_CEILING))


def written_ticket_questions(targets: int) -> int:
    """How many questions an exit ticket the engine writes on this many targets asks (see EXIT_TICKET_QUESTIONS)."""
    return max(targets, EXIT_TICKET_QUESTIONS) if targets else 0


def questions_per_target(targets: tuple[str, ...]) -> dict[str, int]:
    """How the questions of an exit ticket the engine writes are spread over its targets, the first ones first."""
    total = written_ticket_questions(len(targets))
    return {code: total // len(targets) + (index < total % len(targets)) for index, code in enumerate(targets)}


def review_interval_days(evidence_count: int) -> int:
    """The days between reviews of a target known from this many pieces of evidence."""
    return next(days for least, days in REVIEW_SCHEDULE if evidence_count >= least)


class _Candidate(NamedTuple):
    """A target the engine would like on the path, and why (`blocked` is the anchor a support target serves)."""

    rule: str
    target_code: str
    blocked: str | None = None


class _Planner:
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

    def in_teacher_order(self, items: list[PathItem]) -> list[PathItem]:
        """The items with those the teacher moved at their places (a place past the end means last)."""
        places: dict[ItemRef, int] = {}
        for move in self.inputs.moves:
            ref = ItemRef(move.kind, move.ref_id)
            places[ref] = min(move.position, places.get(ref, move.position))
        if not places:
            return items
        moved = sorted(
            (places[ItemRef(item.kind, item.ref_id)], index, item)
            for index, item in enumerate(items)
            if item.kind != "group_session" and ItemRef(item.kind, item.ref_id) in places
        )
        ordered = [item for item in items if all(item is not other for _, _, other in moved)]
        for place, _, item in moved:
            ordered.insert(min(max(place, 1) - 1, len(ordered)), item)
        return ordered

    # The teacher's items.

    def teacher_items(self) -> list[PathItem]:
        entries = list(self.inputs.assignments) + list(self.inputs.pins)
        items = []
        for ref in {ItemRef(entry.kind, entry.ref_id) for entry in entries} - self.removed:
            mine = [entry for entry in entries if ItemRef(entry.kind, entry.ref_id) == ref]
            assigned = any(isinstance(entry, Assignment) for entry in mine)
            pinned = any(isinstance(entry, Pin) for entry in mine)
            due = min((entry.due for entry in mine if entry.due is not None), default=None)
            code = min(entry.target_code for entry in mine)
            items.append(
                (
                    due,
                    PathItem(
                        kind=ref.kind,
                        ref_id=ref.ref_id,
                        target_code=code,
                        minutes=self.minutes_of(ref),
                        reason=_teacher_reason(self.name(code), assigned, pinned, due, self.today),
                        rule="assigned" if assigned else "pinned",
                        source="teacher",
                        pinned=pinned,
                        locked=ref in self.locked,
                    ),
                )
            )
        for session in self.inputs.group_sessions:
            minutes = SMALL_GROUP_MINUTES
            if session.activity_id is not None:
                minutes = max(minutes, self.activities[session.activity_id].expected_minutes)
            items.append(
                (
                    self.today,
                    PathItem(
                        kind="group_session",
                        ref_id=session.activity_id,
                        target_code=session.target_code,
                        minutes=minutes,
                        reason=self.group_reason(session),
                        rule="group",
                        source="teacher",
                    ),
                )
            )
        # On a day, the teacher's group sessions come first (in target order), then the rest by reference.
        items.sort(
            key=lambda pair: (
                pair[0] is None,
                pair[0] or self.today,
                pair[1].kind != "group_session",
                pair[1].kind,
                pair[1].target_code if pair[1].kind == "group_session" else "",
                pair[1].ref_id or 0,
            )
        )
        return [item for _, item in items]

    def minutes_of(self, ref: ItemRef) -> int:
        if ref.kind == "activity":
            return self.activities[ref.ref_id].expected_minutes
        return stretched_minutes(self.assessments[ref.ref_id].expected_minutes, self.learner.extended_time_factor)

    # The engine's candidates, best first within each step.

    def small_group_proposal(self) -> list[Flag]:
        """At most one small group a day, proposed to the teacher (the path shows a group only once the teacher
        schedules it): for the first-ranked target of the learner's grade, or that the teacher or the learner
        chose, failed SMALL_GROUP_AFTER_FAILURES times in a row, a re-teach included."""
        for code in self.failed_targets():
            mastery = self.mastery(code)
            if code in self.group_targets or mastery.recent_failures < SMALL_GROUP_AFTER_FAILURES:
                continue
            if not (self.is_grade_level(code) or code in self.focus or code in self.goals):
                continue
            tried = _unique(mastery.failed_modalities)
            also = f" (tried: {', '.join(THE_MODALITY[m].removeprefix('the ') for m in tried)})" if tried else ""
            message = (
                f"{self.name(code)}: wrong {_times_words(mastery.recent_failures)} in a row{also}. Propose "
                "a small group?"
            )
            return [Flag("small_group", (code,), message)]
        return []

    def reteach_candidates(self) -> Iterator[_Candidate]:
        """The first-ranked target answered wrong lately, still not likely known, ready, and not resting
        (`MAX_RETEACH` a day: one struggle at a time, beside new work). Failed twice or more, the engine looks
        under it first: what it builds on that is not likely known is taught before it is (`support`)."""
        for code in [code for code in self.failed_targets() if not self.resting(code)][:MAX_RETEACH]:
            if self.mastery(code).recent_failures >= 2:
                under = self.support_below(code, below=KNOWN_AT, met_too=True)
                if under:
                    yield from (_Candidate("support", prerequisite, blocked=code) for prerequisite in under)
                    continue
            if self.knowledge.ready(code):
                yield _Candidate("reteach", code)

    def resting(self, code: str) -> bool:
        """Was the target failed SMALL_GROUP_AFTER_FAILURES times in a row, lately (less than REST_DAYS ago)?"""
        mastery = self.mastery(code)
        return (
            mastery.recent_failures >= SMALL_GROUP_AFTER_FAILURES
            and mastery.last_practised is not None
            and (self.today - mastery.last_practised).days < REST_DAYS
        )

    def learning_candidates(self) -> Iterator[_Candidate]:
        """The anchors (the learner's grade, the teacher's focus, the learner's goals, the current unit) not likely
        known, best first: a ready one is `next`; a blocked one brings in the below-grade targets it needs that
        are likely missing (`support`), the ready ones among them."""
        chosen = {*self.focus, *self.goals, *self.unit}
        # A grade-level target that no evidence reaches, nor any of its prerequisites, and that nobody chose, ranks
        # and reads as the outlook of the learner's grade has it: only the others are worked out for this learner.
        reached = self.knowledge.reached
        closed = self.closed_requires
        own = {code for code in self.at_grade if code in chosen or not reached.isdisjoint(closed[code])}
        p = self.knowledge.p
        anchors = [(self.rank(code), code) for code in {*own, *chosen} if p(code) < KNOWN_AT and not self.resting(code)]
        anchors.extend((rank, code) for rank, code in self.outlook.anchors if code not in own)
        anchors.sort()
        for _, anchor in anchors:
            worked_out = anchor in own or anchor in chosen
            if self.knowledge.ready(anchor) if worked_out else anchor in self.outlook.ready:
                # One answered wrong lately is taught again, another way.
                yield _Candidate("reteach" if self.mastery(anchor).recent_failures else "next", anchor)
            elif anchor in self.goals or anchor in self.focus:
                # The way to what the learner or the teacher asked for: what it needs at the learner's grade too.
                for code in self.support_below(anchor, at_grade_too=True):
                    yield _Candidate("support" if self.is_below_grade(code) else "next", code, blocked=anchor)
            else:
                yield from (_Candidate("support", code, blocked=anchor) for code in self.support_below(anchor))

    def support_below(
        self, code: str, *, below: float = beliefs.MISSING_BELOW, met_too: bool = False, at_grade_too: bool = False
    ) -> list[str]:
        """The targets under `code` less likely known than `below` (by default: likely missing) and ready to
        learn, walking down only through such targets. Below the learner's grade only (unless `code` itself is
        below it): a target of the learner's grade that blocks another is an anchor of its own. Under a target
        failed twice (`met_too`), a grade-level target the learner has met comes in too; under a goal or the
        teacher's focus (`at_grade_too`), every grade-level one does."""
        found: list[str] = []
        seen: set[str] = set()
        grade_of = self.grade_of
        floor = min(self.grade_index, grade_of[code])
        p, ready = self.knowledge.p, self.knowledge.ready
        # Which targets the walk reaches does not depend on the order it takes them in (a stack here, not a nested
        # function: that would hold the planner in a reference cycle until the cycle collector's next pass).
        stack = [code]
        while stack:
            for prerequisite in self.requires[stack.pop()]:
                if prerequisite in seen or p(prerequisite) >= below:
                    continue
                seen.add(prerequisite)
                at_grade = grade_of[prerequisite] >= floor
                if at_grade and not at_grade_too and not (met_too and prerequisite in self.met):
                    continue
                if ready(prerequisite):
                    found.append(prerequisite)
                else:
                    stack.append(prerequisite)
        return sorted(found, key=self.rank)

    def reviews_due(self) -> list[_Candidate]:
        """Targets of the learner's work (their grade, the teacher's focus, their goals, the current unit) likely
        known, whose spaced review is due: most overdue first. What earlier grades settled needs no review."""
        overdue = {}
        for code, mastery in self.met.items():
            if mastery.last_practised is None or not self.knowledge.likely_known(code):
                continue
            if not (self.is_grade_level(code) or code in self.focus or code in self.goals or code in self.unit):
                continue
            days_over = (self.today - mastery.last_practised).days - review_interval_days(mastery.evidence_count)
            if days_over >= 0:
                overdue[code] = days_over
        return [_Candidate("review", code) for code in sorted(overdue, key=lambda code: (-overdue[code], code))]

    def failed_targets(self) -> list[str]:
        if self._failed is None:
            p = self.knowledge.p
            failed = [code for code, info in self.met.items() if info.recent_failures and p(code) < KNOWN_AT]
            self._failed = sorted(failed, key=self.rank)
        return self._failed

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

    # Fitting the day.

    def fit(
        self, teacher_items: list[PathItem], learning: Iterable[_Candidate], reviews_due: list[_Candidate]
    ) -> tuple[list[PathItem], list[str]]:
        """The engine's items that fit beside the teacher's, and today's targets still to check: learning
        candidates until `MAX_NEW_TARGETS` of them are on the path (one place fewer when a review is due), then
        reviews (no target is both). Every item leaves room for the exit ticket of the targets so far."""
        budget = self.learner.daily_minutes_budget
        used_minutes = sum(item.minutes for item in teacher_items)
        used_activities = {item.ref_id for item in teacher_items if item.kind == "activity"}
        on_path = {item.target_code for item in teacher_items}
        todays_targets = self.unchecked_targets(teacher_items)
        # An assessment the teacher put on the path checks its targets already.
        checked = {
            code
            for item in teacher_items
            if item.kind == "assessment"
            for code in self.assessments[item.ref_id].target_codes
        }
        items: list[PathItem] = []
        learning_places = MAX_NEW_TARGETS - (1 if reviews_due else 0)
        reviews_places = min(MAX_REVIEWS, len(reviews_due))
        # New work leaves the time of the first review due (its shortest activity, and its question on the exit
        # ticket), so that the review has its place however long the new work is.
        held = next(
            (
                candidate.target_code
                for candidate in reviews_due
                if candidate.target_code not in on_path and self.other_ways(candidate.target_code)
            ),
            None,
        )
        held_minutes = min(activity.expected_minutes for activity in self.other_ways(held)) if held else 0
        # Without a bank exit ticket to use, a ticket on more targets is never shorter: a candidate with no
        # activity that fits what is spare now fits no better once its target is on the ticket.
        on_teachers = self.assessments_on(teacher_items)
        longer_with_more = all(assessment.id in on_teachers for assessment, _ in self.bank_tickets)
        for step, wanted, places_after in (
            (_Lookahead(learning), learning_places, reviews_places),
            (_Lookahead(reviews_due), MAX_REVIEWS, 0),
        ):
            added = 0
            kept = [held] if held and places_after else []
            for candidate in step:
                spare = budget - used_minutes - self.ticket_minutes(todays_targets, teacher_items)
                # Once not even the shortest activity fits beside the exit ticket, no later candidate can.
                if added == wanted or spare < self.shortest_activity:
                    break
                if candidate.target_code in on_path:
                    continue
                if longer_with_more and not self.any_fits(
                    candidate.target_code, used_activities, spare - (held_minutes if kept else 0)
                ):
                    continue
                planned = (
                    todays_targets if candidate.target_code in checked else todays_targets + [candidate.target_code]
                )
                room = (
                    budget
                    - used_minutes
                    - self.ticket_minutes(planned + kept, teacher_items)
                    - (held_minutes if kept else 0)
                )
                if not self.any_fits(candidate.target_code, used_activities, room):
                    continue
                # The places still open (that candidates are left for) share what is left of the day beside a
                # ticket on all of them.
                later = [other for other in step.ahead(wanted - added - 1) if other.target_code not in on_path]
                places = 1 + len(later) + places_after
                share = (budget - used_minutes - self.written_ticket_minutes(len(planned) + places - 1)) / places
                item = self.item_for(candidate, used_activities, room, share)
                if item is None:
                    continue
                items.append(item)
                added += 1
                used_minutes += item.minutes
                used_activities.update(item.alternatives or [item.ref_id])
                on_path.add(candidate.target_code)
                todays_targets = planned
        return items, todays_targets

    def item_for(self, candidate: _Candidate, used_activities: set, room: int, share: float) -> PathItem | None:
        code = candidate.target_code
        choices = self.choices(code, candidate.rule, used_activities, room, share)
        if not choices:
            return None
        suggested = choices[0]
        locked = suggested.id in self.locked_activities
        offered = [suggested] if locked else choices
        return PathItem(
            kind="activity",
            ref_id=suggested.id,
            target_code=code,
            minutes=max(activity.expected_minutes for activity in offered),
            reason=self.reason(candidate, suggested),
            rule=candidate.rule,
            locked=locked,
            alternatives=tuple(activity.id for activity in offered) if len(offered) > 1 else (),
        )

    def any_fits(self, code: str, used_activities: set, room: int) -> bool:
        """Is there an activity on `code` to offer in `room` minutes (so that `choices` has one)?"""
        return any(
            activity.id not in used_activities and activity.expected_minutes <= room
            for activity in self.other_ways(code)
        )

    def other_ways(self, code: str) -> list[ActivityInfo]:
        """The activities on `code` the teacher did not remove, in ways of learning that have not failed on it."""
        found = self._ways.get(code)
        if found is None:
            failed = self.mastery(code).failed_modalities
            found = self._ways[code] = [
                activity
                for activity in self.activities_on.get(code, ())
                if activity.id not in self.removed_activities and activity.modality not in failed
            ]
        return found

    def choices(self, code: str, rule: str, used_activities: set, room: int, share: float) -> list[ActivityInfo]:
        wanted_difficulty = INTRODUCTORY if rule in ("reteach", "support") else CORE
        preferred = list(self.learner.preferred_modalities)
        pool = sorted(
            (
                activity
                for activity in self.other_ways(code)
                if activity.id not in used_activities and activity.expected_minutes <= room
            ),
            key=lambda activity: (
                activity.id in self.recent_activities,
                activity.expected_minutes > max(share, LONG_ACTIVITY_MINUTES),
                preferred.index(activity.modality) if activity.modality in preferred else len(preferred),
                -len(self.interests & self.activity_tags[activity.id]),
                activity.expected_minutes > share,
                activity.expected_minutes > LONG_ACTIVITY_MINUTES,
                abs(activity.difficulty - wanted_difficulty),
                activity.expected_minutes,
                activity.id,
            ),
        )
        if not pool:
            return []
        # The choices take about as long as the suggestion, and no longer than the place's share of the day: the
        # item keeps the longest one's minutes, so a much longer choice would hold time the learner, who picks
        # one, may not use, and that another target could have had.
        suggestion = pool[0].expected_minutes
        longest = max(suggestion, min(share, suggestion * CHOICE_LENGTH_RATIO))
        pool = [activity for activity in pool if activity.expected_minutes <= longest]
        chosen: list[ActivityInfo] = []
        # One per way of learning first, so the student chooses between different kinds of work.
        for activity in pool:
            if len(chosen) < MAX_CHOICES and activity.modality not in {other.modality for other in chosen}:
                chosen.append(activity)
        for activity in pool:
            if len(chosen) < MAX_CHOICES and activity not in chosen:
                chosen.append(activity)
        return sorted(chosen, key=pool.index)

    # The exit ticket.

    def unchecked_targets(self, items: list[PathItem]) -> list[str]:
        """The targets of the items' activities and group sessions that no assessment among them covers."""
        checked = {
            code for item in items if item.kind == "assessment" for code in self.assessments[item.ref_id].target_codes
        }
        return _unique(
            item.target_code for item in items if item.kind != "assessment" and item.target_code not in checked
        )

    def exit_ticket_for(self, targets: list[str], items: list[PathItem]) -> AssessmentInfo | None:
        """The bank's exit ticket that covers most of `targets`: then not just taken, fewest other targets,
        shortest. When the engine can write one (some target is `checkable`), only a ticket covering every
        checkable target counts: a partial one would leave the rest unchecked."""
        if not self.bank_tickets:
            return None
        on_path = self.assessments_on(items)
        wanted = set(targets)
        needed = wanted & self.inputs.checkable
        tickets = [
            (assessment, codes)
            for assessment, codes in self.bank_tickets
            if not wanted.isdisjoint(codes) and needed <= codes and assessment.id not in on_path
        ]
        best = min(
            tickets,
            key=lambda pair: (
                -len(wanted & pair[1]),
                ItemRef("assessment", pair[0].id) in self.recent,
                len(pair[1] - wanted),
                pair[0].expected_minutes,
                pair[0].id,
            ),
            default=None,
        )
        return best[0] if best is not None else None

    def written_ticket_minutes(self, count: int) -> int:
        """The minutes of an exit ticket the engine writes on `count` targets, stretched by extended time."""
        found = self._written_minutes.get(count)
        if found is None:
            questions = written_ticket_questions(count)
            minutes = int((questions * MINUTES_PER_QUESTION).to_integral_value(ROUND_CEILING))
            found = self._written_minutes[count] = stretched_minutes(minutes, self.learner.extended_time_factor)
        return found

    def with_checks(self, targets: list[str]) -> list[str]:
        """`targets`, then the prerequisites to check under those answered wrong lately (see FOUNDATION_CHECKS):
        those the learner's own answers have not shown known, so that a question can tell."""
        checks: list[str] = []
        for code in targets:
            if self.mastery(code).recent_failures < CHECK_AFTER_FAILURES:
                continue
            unverified = [
                prerequisite
                for prerequisite in self.requires[code]
                if prerequisite in self.inputs.checkable
                and prerequisite not in targets
                and not (prerequisite in self.met and self.met[prerequisite].p_mastery >= KNOWN_AT)
            ]
            checks.extend(sorted(unverified, key=self.rank)[:FOUNDATION_CHECKS])
        return _unique([*targets, *checks])

    def assessments_on(self, items: list[PathItem]) -> frozenset[int | None]:
        """The assessments among the items (the last list asked about is remembered: a day's fitting asks about
        the teacher's items again and again)."""
        if items is not self._ticket_items:
            self._ticket_items = items
            self._ticket_assessments = frozenset(item.ref_id for item in items if item.kind == "assessment")
        return self._ticket_assessments

    def ticket_minutes(self, targets: list[str], items: list[PathItem]) -> int:
        """The minutes the exit ticket of `targets` will take: the bank's, or the one the engine writes."""
        if not targets:
            return 0
        # The same question comes up for each candidate of a day: answered once (it depends on the items only
        # through the assessments on the path).
        key = (tuple(targets), self.assessments_on(items))
        found = self._ticket_minutes.get(key)
        if found is None:
            targets = self.with_checks(targets)
            ticket = self.exit_ticket_for(targets, items)
            if ticket is not None:
                found = self.minutes_of(ItemRef("assessment", ticket.id))
            else:
                checkable = [code for code in targets if code in self.inputs.checkable]
                found = self.written_ticket_minutes(len(checkable)) if checkable else 0
            self._ticket_minutes[key] = found
        return found

    def exit_ticket_item(
        self, items: list[PathItem], targets: list[str], budget: int
    ) -> tuple[list[PathItem], list[Flag]]:
        """The exit ticket, last: the bank's that covers today's targets, or one the engine writes on them (the
        caller draws its questions from the bank); a target no question checks is said in the reason and
        flagged for the teacher."""
        if not targets:
            return [], []
        practised = targets
        targets = self.with_checks(targets)
        ticket = self.exit_ticket_for(targets, items)
        if ticket is not None:
            covered = [code for code in targets if code in ticket.target_codes]
            minutes, ref_id, codes = self.minutes_of(ItemRef("assessment", ticket.id)), ticket.id, ()
        else:
            covered = [code for code in targets if code in self.inputs.checkable]
            minutes, ref_id, codes = self.written_ticket_minutes(len(covered)), None, tuple(covered)
        unchecked = [code for code in targets if code not in covered]
        flags = _no_questions(self.names(unchecked), unchecked) if unchecked else []
        if not covered:
            return [], flags
        if sum(item.minutes for item in items) + minutes > budget:
            message = f"The teacher's items leave no time for an exit ticket on {self.names(covered)}."
            return [], [Flag("exit_ticket_no_time", tuple(sorted(targets)), message), *flags]
        checked = [code for code in covered if code in practised]
        foundations = [code for code in covered if code not in practised]
        reason = (
            f"Exit ticket: a few quick questions on {self.names(checked or covered)} show what you learned "
            "today, so tomorrow's path fits you."
        )
        if foundations:
            reason += f" A question on {self.names(foundations)} checks what they build on."
        if unchecked:
            reason += f" There are no questions on {self.names(unchecked)} yet: tell your teacher how it went."
        item = PathItem(
            kind="assessment",
            ref_id=ref_id,
            target_code=covered[0],
            minutes=minutes,
            reason=reason,
            rule="exit_ticket",
            locked=ref_id is not None and ItemRef("assessment", ref_id) in self.locked,
            target_codes=codes,
        )
        return [item], flags

    # Reasons, in words a twelve-year-old understands, naming each target by its short name and code.

    def reason(self, candidate: _Candidate, activity: ActivityInfo) -> str:
        code = candidate.target_code
        if candidate.rule == "reteach":
            failed = self.mastery(code).failed_modalities
            what = THE_MODALITY[failed[-1]] if failed else "it"
            here_is = HERE_IS_MODALITY[activity.modality]
            return f"Let's try {self.name(code)} another way: last time {what} didn't click, so {here_is}."
        if candidate.rule == "support":
            blocked = candidate.blocked
            return (
                f"First, {self.name(code)}: {self.name(blocked)} builds on it, and your answers so far say it "
                "needs another look."
            )
        if candidate.rule == "review":
            mastery = self.mastery(code)
            ago = _ago_words((self.today - mastery.last_practised).days)
            return f"Review: you learned {self.name(code)} {ago}; a quick practice keeps it fresh."
        if candidate.blocked is not None:
            blocked = candidate.blocked
            toward = (
                f"your goal for {_month_day(self.goals[blocked])}: {self.name(blocked)}"
                if blocked in self.goals
                else f"what your teacher assigned: {self.name(blocked)}"
            )
            return f"Next: {self.name(code)}, on the way to {toward} builds on it."
        return self.next_reason(code)

    def next_reason(self, code: str) -> str:
        head = f"Next: {self.name(code)}"
        if code in self.focus:
            head += ", which your teacher assigned"
        elif code in self.goals:
            head += f", your goal for {_month_day(self.goals[code])}"
        elif code in self.unit:
            head += ", from your class's current unit"
        prerequisites = self.requires[code]
        if not prerequisites:
            return f"{head}. It doesn't build on anything you haven't learned, so you can start right away."
        if all(self.knowledge.likely_known(prerequisite) for prerequisite in prerequisites):
            return f"{head}. You know {self.names(prerequisites)}, which it builds on."
        return f"{head}. It builds on {self.names(prerequisites)}."

    def group_reason(self, session: GroupSession) -> str:
        code = session.target_code
        if session.activity_id is None:
            return f"Your teacher is meeting with you and a small group today to work on {self.name(code)} together."
        title = self.activities[session.activity_id].title
        return (
            f"Your teacher is meeting with you and a small group today to work on {self.name(code)} together: {title}."
        )


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
# The fields of the inputs the digest reads one by one (the catalog's stand in its own digest), in name order.
_DIGESTED_FIELDS = tuple(sorted(spec.name for spec in fields(EngineInput) if spec.name not in SHARED_PARTS))


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


def _teacher_reason(name: str, assigned: bool, pinned: bool, due: date | None, today: date) -> str:
    did = (
        "assigned this and pinned it to your path"
        if assigned and pinned
        else "assigned this"
        if assigned
        else ("pinned this to your path")
    )
    when = f"; {_due_words(due, today)}" if due is not None else ""
    return f"Your teacher {did} for {name}{when}."


def _due_words(due: date, today: date) -> str:
    days = (due - today).days
    if days < 0:
        return f"it was due on {_month_day(due)}"
    if days == 0:
        return "it is due today"
    if days == 1:
        return "it is due tomorrow"
    if days < 7:
        return f"it is due on {WEEKDAYS[due.weekday()]}"
    return f"it is due on {_month_day(due)}"


def _ago_words(days: int) -> str:
    """How long ago, in words, for seven days or more."""
    if days < 14:
        return "a week ago"
    if days < 30:
        return f"{_number(days // 7)} weeks ago"
    if days < 60:
        return "a month ago"
    if days < 365:
        return f"{_number(days // 30)} months ago"
    return "over a year ago"


def _times_words(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{_number(count)} times")


def _number(count: int) -> str:
    return NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)


def _month_day(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def _and_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


# Per dataclass type, its field names and a getter of their values (() for any other type).
_FIELD_NAMES: dict[type, tuple] = {}
_PLAIN = (str, int, bool, type(None))


def _canonical(value):
    """`value` as nested tuples of plain values, the same for equal inputs listed in any order: dataclasses as
    their fields in order, mappings sorted by key, unordered collections sorted, dates in ISO form, non-integers as
    decimal text. Its `repr` is what the digest hashes."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    convert = _CONVERT.get(kind)
    if convert is not None:
        return convert(value)
    known = _FIELD_NAMES.get(kind)
    if known is None:
        known = _dataclass_fields(kind)
    if known:
        return _canonical_dataclass(value, known)
    if type(value) is dict or isinstance(value, Mapping):
        return tuple(sorted((str(key), _canonical(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_canonical(item) for item in value)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted((_canonical(item) for item in value), key=repr))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return _canonical_decimal(value)
    if isinstance(value, str):
        return str(value)  # a text choice is its text
    if isinstance(value, int):
        return int(value)
    raise TypeError(f"The engine's inputs hold no {kind.__name__}.")


def _dataclass_fields(kind: type) -> tuple:
    """The type's field names and a getter of their values, kept; () for a type that is not a dataclass (so the
    check runs once a type)."""
    names = tuple(spec.name for spec in fields(kind)) if is_dataclass(kind) else ()
    # (attrgetter of one name gives the value itself, not a tuple of it.)
    getter = operator.attrgetter(*names) if len(names) > 1 else lambda item: tuple(getattr(item, n) for n in names)
    found = _FIELD_NAMES[kind] = (names, getter) if names else ()
    return found


def _canonical_dataclass(value, known: tuple) -> tuple:
    names, values_of = known
    canonical = []
    for name, item in zip(names, values_of(value)):
        kind = type(item)
        if kind in _PLAIN or kind is tuple and not item:
            canonical.append(item)
        elif kind is float:
            canonical.append(_canonical_float(item))
        elif kind is date:
            canonical.append(item.isoformat())
        else:
            canonical.append(_canonical_field(name, item))
    return tuple(canonical)


def _canonical_float(value: float) -> str:
    # The same number as a Decimal would give (1.5 and Decimal("1.50") are the same time factor).
    return str(int(value)) if value.is_integer() else repr(value)


def _canonical_decimal(value: Decimal) -> str:
    return format(value.normalize(), "f")


# The canonical forms of the commonest exact types, looked up before the general checks (the digest of every
# build canonicalises a few hundred values).
_CONVERT = {
    float: _canonical_float,
    Decimal: _canonical_decimal,
    date: date.isoformat,
    tuple: lambda value: tuple(_canonical(item) for item in value),
    list: lambda value: tuple(_canonical(item) for item in value),
    dict: lambda value: tuple(sorted((str(key), _canonical(item)) for key, item in value.items())),
}


_MASTERY_VALUES = operator.attrgetter(*(spec.name for spec in fields(MasteryInfo)))


def _canonical_mastery(info: MasteryInfo) -> tuple:
    """A MasteryInfo's canonical form (a build has one for every target the learner met): its fields as
    `_canonical` gives them, worked out directly when they hold the types the platform passes."""
    level, p_mastery, model_prior, evidence_count, last_practised, recent_failures, failed = _MASTERY_VALUES(info)
    if not (
        type(level) is str
        and type(p_mastery) is float
        and type(model_prior) is float
        and type(evidence_count) is int
        and type(recent_failures) is int
        and failed == ()
        and type(failed) is tuple
        and (last_practised is None or type(last_practised) is date)
    ):
        return _canonical_dataclass(info, _FIELD_NAMES.get(MasteryInfo) or _dataclass_fields(MasteryInfo))
    return (
        level,
        _canonical_float(p_mastery),
        _canonical_float(model_prior),
        evidence_count,
        None if last_practised is None else last_practised.isoformat(),
        recent_failures,
        (),
    )


_CONVERT[MasteryInfo] = _canonical_mastery


def _canonical_field(name: str, value):
    canonical = _canonical(value)
    if type(value) in (list, tuple) and len(value) > 1 and name not in ORDERED_FIELDS:
        # An unordered collection: its members in the order of their texts.
        return tuple(sorted(canonical, key=repr))
    return canonical
