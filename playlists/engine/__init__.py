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

Where each part lives: `inputs` holds the constants and the dataclasses in and out (with `stretched_minutes`,
`written_ticket_questions`, `questions_per_target` and `review_interval_days`); `planner` the planner of one build
(`_Planner`, its lookups and the steps in order) and `build_path`, with the steps' methods mixed in from `teacher`
(step 1, the small group of step 2 and the teacher's order of step 7), `candidates` (steps 3 to 5), `choices` (fitting
the day and the choices, and the reasons in words) and `tickets` (step 6); `shared` what a build derives from the
catalog and the learner's grade alone, kept across builds, and the small helpers of the steps; `words` the wording
of reasons and flags; `digest` `inputs_digest`, on the canonical form of `canonical`. Every public name is
importable from `playlists.engine` itself.
"""

from __future__ import annotations

from playlists.engine.canonical import (
    _canonical_dataclass as _canonical_dataclass,
    _canonical_mastery as _canonical_mastery,
    _dataclass_fields as _dataclass_fields,
)
from playlists.engine.digest import (
    BATCH_PARTS,
    inputs_digest,
)
from playlists.engine.inputs import (
    CHECK_AFTER_FAILURES,
    CHOICE_LENGTH_RATIO,
    CORE,
    ENGINE_VERSION,
    EXIT_TICKET_QUESTIONS,
    FOUNDATION_CHECKS,
    HISTORY_DAYS,
    INTRODUCTORY,
    LONG_ACTIVITY_MINUTES,
    MAX_CHOICES,
    MAX_NEW_TARGETS,
    MAX_RETEACH,
    MAX_REVIEWS,
    MINUTES_PER_QUESTION,
    ORDERED_FIELDS,
    REST_DAYS,
    REVIEW_SCHEDULE,
    SMALL_GROUP_AFTER_FAILURES,
    SMALL_GROUP_MINUTES,
    WEIGHT_RANK,
    ActivityInfo,
    AssessmentInfo,
    Assignment,
    DailyPath,
    EngineInput,
    Flag,
    Goal,
    GroupSession,
    HistoryEntry,
    ItemRef,
    LearnerInfo,
    MasteryInfo,
    Move,
    PathItem,
    Pin,
    TargetInfo,
    questions_per_target,
    review_interval_days,
    stretched_minutes,
    written_ticket_questions,
)
from playlists.engine.planner import (
    build_path,
    _Planner as _Planner,
)
from playlists.engine.shared import (
    SHARED_KEPT,
    SHARED_PARTS,
    _chosen_part as _chosen_part,
    _rank as _rank,
    _shared_for as _shared_for,
)
from playlists.engine.words import (
    HERE_IS_MODALITY,
    MONTHS,
    NUMBER_WORDS,
    THE_MODALITY,
    WEEKDAYS,
)

__all__ = [
    "ActivityInfo",
    "AssessmentInfo",
    "Assignment",
    "BATCH_PARTS",
    "CHECK_AFTER_FAILURES",
    "CHOICE_LENGTH_RATIO",
    "CORE",
    "DailyPath",
    "ENGINE_VERSION",
    "EXIT_TICKET_QUESTIONS",
    "EngineInput",
    "FOUNDATION_CHECKS",
    "Flag",
    "Goal",
    "GroupSession",
    "HERE_IS_MODALITY",
    "HISTORY_DAYS",
    "HistoryEntry",
    "INTRODUCTORY",
    "ItemRef",
    "LONG_ACTIVITY_MINUTES",
    "LearnerInfo",
    "MAX_CHOICES",
    "MAX_NEW_TARGETS",
    "MAX_RETEACH",
    "MAX_REVIEWS",
    "MINUTES_PER_QUESTION",
    "MONTHS",
    "MasteryInfo",
    "Move",
    "NUMBER_WORDS",
    "ORDERED_FIELDS",
    "PathItem",
    "Pin",
    "REST_DAYS",
    "REVIEW_SCHEDULE",
    "SHARED_KEPT",
    "SHARED_PARTS",
    "SMALL_GROUP_AFTER_FAILURES",
    "SMALL_GROUP_MINUTES",
    "THE_MODALITY",
    "TargetInfo",
    "WEEKDAYS",
    "WEIGHT_RANK",
    "build_path",
    "inputs_digest",
    "questions_per_target",
    "review_interval_days",
    "stretched_minutes",
    "written_ticket_questions",
]
