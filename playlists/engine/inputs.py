"""The engine's constants, the frozen dataclasses of its input (`EngineInput`) and output (`DailyPath`), and the
small pure helpers on them (minutes, exit-ticket questions, review intervals).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, Decimal

from learners.knowledge import SchoolRate


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
