"""The playlist engine's rules, each on a small hand-built graph (no database: the engine is plain Python)."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from playlists.engine import (
    ENGINE_VERSION,
    ActivityInfo,
    AssessmentInfo,
    Assignment,
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
    build_path,
    inputs_digest,
    review_interval_days,
    stretched_minutes,
)

TODAY = date(2025, 3, 10)  # a Monday
NOT_DUE_FOR_REVIEW = TODAY - timedelta(days=2)
MASTERED = MasteryInfo(level="mastered", p_mastery=0.95, evidence_count=6, last_practised=NOT_DUE_FOR_REVIEW)
PROFICIENT = MasteryInfo(level="proficient", p_mastery=0.8, evidence_count=6, last_practised=NOT_DUE_FOR_REVIEW)


def target(code: str, grade: str | None = None, weight: str = "major") -> TargetInfo:
    return TargetInfo(code=code, grade=grade or code.split(".")[0], domain=code.split(".")[1],
                      weight_class=weight, text=f"The text of {code}.")  # fmt: skip


def activity(id: int, code: str, modality: str = "practice", minutes: int = 10, **fields) -> ActivityInfo:
    return ActivityInfo(id=id, title=f"Activity {id}", modality=modality, expected_minutes=minutes,
                        target_codes=(code,), **fields)  # fmt: skip


def exit_ticket(id: int, *codes: str, minutes: int = 5) -> AssessmentInfo:
    return AssessmentInfo(id=id, title=f"Exit ticket {id}", kind="exit_ticket", target_codes=codes,
                          expected_minutes=minutes)  # fmt: skip


def engine_input(targets, edges=(), mastery=None, learner=None, **fields) -> EngineInput:
    return EngineInput(
        learner=learner or LearnerInfo(grade="7"), today=TODAY, targets={row.code: row for row in targets},
        prerequisites=tuple(edges), mastery=mastery or {}, **fields,
    )  # fmt: skip


def steps(path) -> list[tuple]:
    """The path in short: (rule, target, kind, ref id) per item."""
    return [(item.rule, item.target_code, item.kind, item.ref_id) for item in path.items]


RATIOS = [target("6.RP.A.1"), target("6.RP.A.3"), target("7.RP.A.2")]
RATIO_EDGES = [("6.RP.A.1", "6.RP.A.3"), ("6.RP.A.3", "7.RP.A.2")]


# a. The teacher's items come first, by due date; a removal wins for the whole day.


def test_the_teachers_items_come_first_by_due_date_then_the_engines():
    # Given an assessment due tomorrow, an activity due Thursday and an undated pin, and a ready target
    inputs = engine_input(
        [target("6.RP.A.3"), target("7.RP.A.1"), target("7.RP.A.2"), target("7.RP.A.3")],
        edges=[("6.RP.A.3", "7.RP.A.2")],
        mastery={"6.RP.A.3": MASTERED},
        activities=(activity(1, "7.RP.A.1"), activity(2, "7.RP.A.3", "video"), activity(3, "7.RP.A.2")),
        assessments=(AssessmentInfo(20, "Ratios quiz", "quiz", ("7.RP.A.3",), 10),),
        assignments=(Assignment("activity", 2, "7.RP.A.3", due=TODAY + timedelta(days=3)),
                     Assignment("assessment", 20, "7.RP.A.3", due=TODAY + timedelta(days=1))),
        pins=(Pin("activity", 1, "7.RP.A.1"),),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then the teacher's items lead, earliest due first and the undated pin last, then the engine's next step
    assert path.items[:3] == (
        PathItem(kind="assessment", ref_id=20, target_code="7.RP.A.3", minutes=10, rule="assigned", source="teacher",
                 reason="Your teacher assigned this for 7.RP.A.3; it is due tomorrow."),
        PathItem(kind="activity", ref_id=2, target_code="7.RP.A.3", minutes=10, rule="assigned", source="teacher",
                 reason="Your teacher assigned this for 7.RP.A.3; it is due on Thursday."),
        PathItem(kind="activity", ref_id=1, target_code="7.RP.A.1", minutes=10, rule="pinned", source="teacher",
                 pinned=True, reason="Your teacher pinned this to your path for 7.RP.A.1."),
    )  # fmt: skip
    assert steps(path)[3:] == [("next", "7.RP.A.2", "activity", 3)]
    # The quiz checks 7.RP.A.3; the other two targets need an exit ticket, and the catalog has none.
    assert path.flags == (
        Flag("exit_ticket_needed", ("7.RP.A.1", "7.RP.A.2"),
             "No exit ticket covers 7.RP.A.1 and 7.RP.A.2: generate one."),
    )  # fmt: skip


def test_due_dates_are_told_in_words_and_overdue_items_come_first():
    # Given five assignments due from three days ago to three weeks ahead
    dues = {1: 22, 2: 4, 3: 1, 4: 0, 5: -3}
    inputs = engine_input(
        [target("7.RP.A.1", weight="additional")],
        mastery={"7.RP.A.1": MASTERED},
        activities=tuple(activity(id, "7.RP.A.1", minutes=5) for id in dues),
        assignments=tuple(Assignment("activity", id, "7.RP.A.1", due=TODAY + timedelta(days=days))
                          for id, days in dues.items()),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then they come in due order, each saying when it is due
    assert [(item.ref_id, item.reason) for item in path.items] == [
        (5, "Your teacher assigned this for 7.RP.A.1; it was due on March 7."),
        (4, "Your teacher assigned this for 7.RP.A.1; it is due today."),
        (3, "Your teacher assigned this for 7.RP.A.1; it is due tomorrow."),
        (2, "Your teacher assigned this for 7.RP.A.1; it is due on Friday."),
        (1, "Your teacher assigned this for 7.RP.A.1; it is due on April 1."),
    ]


def test_an_item_assigned_and_pinned_is_one_item_due_at_its_earliest_date():
    # Given an activity assigned for the 20th and pinned for Wednesday
    inputs = engine_input(
        [target("7.RP.A.1")],
        activities=(activity(1, "7.RP.A.1"),),
        assignments=(Assignment("activity", 1, "7.RP.A.1", due=TODAY + timedelta(days=10)),),
        pins=(Pin("activity", 1, "7.RP.A.1", due=TODAY + timedelta(days=2)),),
    )

    # When the path is built
    path = build_path(inputs)

    # Then it is on the path once, pinned, due Wednesday
    assert path.items == (
        PathItem(kind="activity", ref_id=1, target_code="7.RP.A.1", minutes=10, rule="assigned", source="teacher",
                 pinned=True,
                 reason="Your teacher assigned this and pinned it to your path for 7.RP.A.1; it is due on Wednesday."),
    )  # fmt: skip


def test_an_item_the_teacher_removed_never_comes_back_that_day():
    # Given the learner's favourite activity, assigned and pinned, and the only exit ticket, all removed today
    inputs = engine_input(
        [target("7.RP.A.1")],
        learner=LearnerInfo(grade="7", preferred_modalities=("video",)),
        activities=(activity(1, "7.RP.A.1", "video"), activity(2, "7.RP.A.1", "practice")),
        assessments=(exit_ticket(30, "7.RP.A.1"),),
        assignments=(Assignment("activity", 1, "7.RP.A.1", due=TODAY),),
        pins=(Pin("activity", 1, "7.RP.A.1"),),
        removals=(ItemRef("activity", 1), ItemRef("assessment", 30)),
    )

    # When the path is built
    path = build_path(inputs)

    # Then neither comes back, not as an item, a choice or an exit ticket
    assert steps(path) == [("next", "7.RP.A.1", "activity", 2)]
    assert path.items[0].alternatives == ()
    assert path.flags == (Flag("exit_ticket_needed", ("7.RP.A.1",), "No exit ticket covers 7.RP.A.1: generate one."),)


def test_a_locked_item_is_marked_and_offers_no_other_choice():
    # Given a locked pinned activity, and a locked activity the engine would suggest among three
    inputs = engine_input(
        [target("7.RP.A.1"), target("7.RP.A.2")],
        learner=LearnerInfo(grade="7", preferred_modalities=("video", "reading")),
        activities=(activity(1, "7.RP.A.1"), activity(2, "7.RP.A.2", "video", minutes=8),
                    activity(3, "7.RP.A.2", "reading", minutes=20), activity(4, "7.RP.A.2", "practice")),
        pins=(Pin("activity", 1, "7.RP.A.1"),),
        locks=(ItemRef("activity", 1), ItemRef("activity", 2)),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then both are locked, and the engine's item takes its own minutes with no alternatives
    assert [(item.ref_id, item.locked, item.alternatives, item.minutes) for item in path.items] == [
        (1, True, (), 10), (2, True, (), 8),
    ]  # fmt: skip


# b. Re-teach in another way; a small group after repeated failure.


def failed(failures: int, *modalities: str) -> MasteryInfo:
    return MasteryInfo(level="attempted", p_mastery=0.2, evidence_count=3, last_practised=TODAY - timedelta(days=1),
                       recent_failures=failures, failed_modalities=modalities)  # fmt: skip


def test_a_target_just_failed_is_taught_again_another_way():
    # Given a learner who prefers videos, and a video on 6.RP.A.3 that did not work
    inputs = engine_input(
        [target("6.RP.A.1"), target("6.RP.A.3")],
        edges=[("6.RP.A.1", "6.RP.A.3")],
        mastery={"6.RP.A.1": MASTERED, "6.RP.A.3": failed(1, "video")},
        learner=LearnerInfo(grade="6", preferred_modalities=("video", "hands_on", "reading")),
        activities=(activity(1, "6.RP.A.3", "video"), activity(2, "6.RP.A.3", "hands_on", minutes=20),
                    activity(3, "6.RP.A.3", "reading", minutes=15)),
        assessments=(exit_ticket(40, "6.RP.A.3"),),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then it offers the hands-on activity or the reading, never the video, and checks with an exit ticket
    assert path.items == (
        PathItem(kind="activity", ref_id=2, target_code="6.RP.A.3", minutes=20, rule="reteach", alternatives=(2, 3),
                 reason="Let's try 6.RP.A.3 another way: last time the video didn't click, so here is a hands-on "
                        "activity."),
        PathItem(kind="assessment", ref_id=40, target_code="6.RP.A.3", minutes=5, rule="exit_ticket",
                 reason="Exit ticket: a few quick questions on 6.RP.A.3 show what you learned today, so tomorrow's "
                        "path fits you."),
    )  # fmt: skip
    assert path.flags == ()


def test_after_repeated_failure_the_learner_joins_the_teachers_small_group():
    # Given two failures in a row on 6.RP.A.3, with activities left in other ways of learning
    inputs = engine_input(
        [target("6.RP.A.1"), target("6.RP.A.3")],
        edges=[("6.RP.A.1", "6.RP.A.3")],
        mastery={"6.RP.A.1": MASTERED, "6.RP.A.3": failed(2, "video", "practice")},
        learner=LearnerInfo(grade="6"),
        activities=(activity(1, "6.RP.A.3", "reading"), activity(2, "6.RP.A.3", "hands_on")),
        assessments=(exit_ticket(40, "6.RP.A.3"),),
    )

    # When the path is built
    path = build_path(inputs)

    # Then the path holds a session with the teacher instead of more work, and the teacher is told
    assert path.items[0] == PathItem(
        kind="group_session", ref_id=None, target_code="6.RP.A.3", minutes=15, rule="small_group",
        reason="You have tried 6.RP.A.3 twice and it hasn't clicked yet, so you'll work on it with your teacher in a "
               "small group.",
    )  # fmt: skip
    assert steps(path)[1:] == [("exit_ticket", "6.RP.A.3", "assessment", 40)]
    assert path.flags == (
        Flag("small_group", ("6.RP.A.3",),
             "6.RP.A.3 has not clicked after 2 tries in a row (tried: video, practice): invite to a small group."),
    )  # fmt: skip


def test_a_failure_with_no_other_way_left_goes_to_the_small_group_at_once():
    # Given one failure on 6.RP.A.3 and only videos in the catalog for it
    inputs = engine_input(
        [target("6.RP.A.3")],
        mastery={"6.RP.A.3": failed(1, "video")},
        learner=LearnerInfo(grade="6"),
        activities=(activity(1, "6.RP.A.3", "video"), activity(2, "6.RP.A.3", "video")),
    )

    # When the path is built
    path = build_path(inputs)

    # Then the learner goes to the small group rather than to another video
    assert [(item.rule, item.reason) for item in path.items] == [
        ("small_group", "You have tried 6.RP.A.3 once and it hasn't clicked yet, so you'll work on it with your "
                        "teacher in a small group."),
    ]  # fmt: skip
    assert path.flags[0] == Flag(
        "small_group", ("6.RP.A.3",),
        "6.RP.A.3 did not click, and the catalog has no activity for it in another way of learning: invite to a small "
        "group.",
    )  # fmt: skip


# c. The ready frontier and its ranking.

RANKED = [
    target("7.EE.B.4", weight="additional"),
    target("7.G.A.2", weight="additional"),
    target("7.RP.A.2"),
    target("7.NS.A.1"),
    target("7.SP.A.1", weight="supporting"),
    target("7.G.B.6", weight="additional"),
    target("8.EE.C.7"),
    target("8.F.A.1"),
]
# 7.RP.A.2 unlocks two later targets; the others unlock none.
RANKED_EDGES = [("7.RP.A.2", "8.EE.C.7"), ("8.EE.C.7", "8.F.A.1")]
RANKED_ACTIVITIES = tuple(activity(index, row.code, minutes=5) for index, row in enumerate(RANKED, start=1))


def test_the_frontier_puts_goals_first_then_the_current_unit_then_what_unlocks_most():
    # Given six ready targets: one the learner's goal, one in the section's unit, one that unlocks two more
    inputs = engine_input(
        RANKED, edges=RANKED_EDGES, activities=RANKED_ACTIVITIES, current_unit=("7.G.A.2",),
        learner=LearnerInfo(grade="7", goals=(Goal("7.EE.B.4", date(2025, 4, 30)),)),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then the day's three new targets are, in order, the goal, the unit's and the one that unlocks most
    assert [(item.target_code, item.reason) for item in path.items] == [
        ("7.EE.B.4", "Next: 7.EE.B.4, your goal for April 30. It doesn't build on anything you haven't learned, so "
                     "you can start right away."),
        ("7.G.A.2", "Next: 7.G.A.2, from your class's current unit. It doesn't build on anything you haven't "
                    "learned, so you can start right away."),
        ("7.RP.A.2", "Next: 7.RP.A.2. It doesn't build on anything you haven't learned, so you can start right "
                     "away."),
    ]  # fmt: skip


def test_without_goals_or_a_unit_the_frontier_ranks_by_what_unlocks_most_then_major_work_first():
    # Given the same six ready targets, with no goal and no current unit
    inputs = engine_input(RANKED, edges=RANKED_EDGES, activities=RANKED_ACTIVITIES)

    # When the path is built
    path = build_path(inputs)

    # Then the one that unlocks most leads, then major work, then supporting
    assert [item.target_code for item in path.items] == ["7.RP.A.2", "7.NS.A.1", "7.SP.A.1"]


def test_the_learners_goal_due_first_comes_first():
    # Given two goals: a major target that unlocks two more, due in June, and an additional one due in April
    goals = (Goal("7.RP.A.2", date(2025, 6, 1)), Goal("7.G.B.6", date(2025, 4, 1)))
    inputs = engine_input(RANKED, edges=RANKED_EDGES, activities=RANKED_ACTIVITIES,
                          learner=LearnerInfo(grade="7", goals=goals))  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then the goal due first comes first
    assert [item.target_code for item in path.items] == ["7.G.B.6", "7.RP.A.2", "7.NS.A.1"]


def test_a_target_is_next_only_when_its_prerequisites_are_proficient():
    # Given 7.RP.A.2, built on 6.RP.A.3 (proficient), and 7.RP.A.3, also built on 7.RP.A.2 (not started)
    inputs = engine_input(
        [target("6.RP.A.3"), target("7.RP.A.2"), target("7.RP.A.3")],
        edges=[("6.RP.A.3", "7.RP.A.2"), ("6.RP.A.3", "7.RP.A.3"), ("7.RP.A.2", "7.RP.A.3")],
        mastery={"6.RP.A.3": PROFICIENT},
        activities=(activity(1, "7.RP.A.2"), activity(2, "7.RP.A.3")),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then only 7.RP.A.2 is next, once, with what it builds on
    assert [(item.rule, item.target_code, item.reason) for item in path.items] == [
        ("next", "7.RP.A.2", "Next: 7.RP.A.2. You have learned 6.RP.A.3, which it builds on."),
    ]


def test_the_next_reason_names_what_the_learner_mastered():
    # Given 7.RP.A.2, built on a mastered 6.RP.A.3
    inputs = engine_input(RATIOS, edges=RATIO_EDGES, mastery={"6.RP.A.1": MASTERED, "6.RP.A.3": MASTERED},
                          activities=(activity(1, "7.RP.A.2"),))  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then the reason says so
    assert path.items[0].reason == "Next: 7.RP.A.2. You have mastered 6.RP.A.3, which it builds on."


# d. Gaps: from a blocked grade-level target down to the prerequisite that is ready.


def test_a_blocked_grade_level_target_sends_the_path_to_its_ready_prerequisite():
    # Given 7.RP.A.2 blocked by 6.RP.A.3, which is ready, with a core and an introductory practice on it
    inputs = engine_input(
        RATIOS, edges=RATIO_EDGES, mastery={"6.RP.A.1": MASTERED},
        activities=(activity(5, "6.RP.A.3"), activity(6, "6.RP.A.3", difficulty=1), activity(7, "7.RP.A.2")),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then the path works on 6.RP.A.3, introductory first, and never on 7.RP.A.2 yet
    assert path.items == (
        PathItem(kind="activity", ref_id=6, target_code="6.RP.A.3", minutes=10, rule="gap", alternatives=(6, 5),
                 reason="Before 7.RP.A.2, let's make sure 6.RP.A.3 is solid: it is what 7.RP.A.2 builds on."),
    )  # fmt: skip


def test_the_gap_walk_goes_down_as_many_steps_as_it_takes():
    # Given 7.RP.A.2 blocked by 6.RP.A.3, itself blocked by 6.RP.A.1, which builds on a mastered 5.NF.B.3
    inputs = engine_input(
        [*RATIOS, target("5.NF.B.3")],
        edges=[*RATIO_EDGES, ("5.NF.B.3", "6.RP.A.1")],
        mastery={"5.NF.B.3": MASTERED, "6.RP.A.1": MasteryInfo(level="familiar", p_mastery=0.5, evidence_count=4),
                 "6.RP.A.3": MasteryInfo(level="attempted", p_mastery=0.2, evidence_count=2)},
        activities=(activity(1, "6.RP.A.1"), activity(3, "6.RP.A.3"), activity(7, "7.RP.A.2")),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then it starts two steps down, at 6.RP.A.1
    assert [(item.rule, item.target_code, item.reason) for item in path.items] == [
        ("gap", "6.RP.A.1", "Before 7.RP.A.2, let's make sure 6.RP.A.1 is solid: it is what 7.RP.A.2 builds on."),
    ]


# e. Spaced review of what the learner knows.


@pytest.mark.parametrize(
    ("evidence_count", "days"), [(0, 7), (4, 7), (5, 14), (9, 14), (10, 28), (19, 28), (20, 56), (200, 56)]
)
def test_the_review_interval_grows_with_the_evidence(evidence_count, days):
    assert review_interval_days(evidence_count) == days


def test_targets_due_for_review_come_back_most_overdue_first():
    # Given four known targets: two overdue by 14 days, one by 31, one not yet due
    def known(level, evidence_count, days_ago):
        return MasteryInfo(level=level, p_mastery=0.9, evidence_count=evidence_count,
                           last_practised=TODAY - timedelta(days=days_ago))  # fmt: skip

    mastery = {
        "6.EE.A.1": known("mastered", 4, 21),  # every 7 days
        "6.EE.A.2": known("proficient", 12, 20),  # every 28 days: not yet
        "6.EE.A.3": known("proficient", 6, 45),  # every 14 days
        "6.NS.A.1": known("mastered", 25, 70),  # every 56 days
    }
    activities = tuple(activity(index, code) for index, code in enumerate(mastery, start=1))
    inputs = engine_input([target(code) for code in mastery], mastery=mastery, learner=LearnerInfo(grade="6"),
                          activities=activities)  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then the two most overdue come back (ties by code), and reviews need no exit ticket
    assert [(item.rule, item.target_code, item.reason) for item in path.items] == [
        ("review", "6.EE.A.3", "Review: you learned 6.EE.A.3 a month ago; a quick practice keeps it fresh."),
        ("review", "6.EE.A.1", "Review: you mastered 6.EE.A.1 three weeks ago; a quick practice keeps it fresh."),
    ]
    assert path.flags == ()


# f. The exit ticket closes the loop.


def test_the_exit_ticket_covering_most_of_todays_targets_comes_last():
    # Given two ready targets and three exit tickets: both targets plus another, one target, both targets
    inputs = engine_input(
        [target("7.RP.A.1"), target("7.RP.A.2"), target("7.RP.A.3")],
        mastery={"7.RP.A.3": MASTERED},
        activities=(activity(1, "7.RP.A.1"), activity(2, "7.RP.A.2")),
        assessments=(exit_ticket(40, "7.RP.A.1", "7.RP.A.2", "7.RP.A.3"), exit_ticket(41, "7.RP.A.1", minutes=3),
                     exit_ticket(42, "7.RP.A.2", "7.RP.A.1", minutes=6)),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then the one that covers both and nothing else closes the day
    assert path.items[-1] == PathItem(
        kind="assessment", ref_id=42, target_code="7.RP.A.1", minutes=6, rule="exit_ticket",
        reason="Exit ticket: a few quick questions on 7.RP.A.1 and 7.RP.A.2 show what you learned today, so "
               "tomorrow's path fits you.",
    )  # fmt: skip
    assert path.flags == ()


def test_targets_no_exit_ticket_covers_are_flagged_for_one_to_be_generated():
    # Given two ready targets and an exit ticket on one of them
    inputs = engine_input(
        [target("7.RP.A.1"), target("7.RP.A.2")],
        activities=(activity(1, "7.RP.A.1"), activity(2, "7.RP.A.2")),
        assessments=(exit_ticket(41, "7.RP.A.1"),),
    )

    # When the path is built
    path = build_path(inputs)

    # Then that one closes the day, and the teacher is asked for one on the other
    assert steps(path)[-1] == ("exit_ticket", "7.RP.A.1", "assessment", 41)
    assert path.flags == (Flag("exit_ticket_needed", ("7.RP.A.2",), "No exit ticket covers 7.RP.A.2: generate one."),)


def test_when_the_teachers_items_leave_no_time_for_the_exit_ticket_the_teacher_is_told():
    # Given a pinned 40-minute activity in a 45-minute day, and a 10-minute exit ticket on its target
    inputs = engine_input(
        [target("7.RP.A.1"), target("7.RP.A.2")],
        activities=(activity(1, "7.RP.A.1", minutes=40), activity(2, "7.RP.A.2", minutes=5)),
        assessments=(exit_ticket(41, "7.RP.A.1", minutes=10),),
        pins=(Pin("activity", 1, "7.RP.A.1"),),
    )

    # When the path is built
    path = build_path(inputs)

    # Then the day is the pinned activity alone, and the teacher knows the loop is not closed
    assert steps(path) == [("pinned", "7.RP.A.1", "activity", 1)]
    assert path.flags == (
        Flag("exit_ticket_no_time", ("7.RP.A.1",), "The teacher's items leave no time for an exit ticket on 7.RP.A.1."),
    )  # fmt: skip


# g. The minutes budget, extended time, and choices.


@pytest.mark.parametrize(
    ("expected_minutes", "factor", "minutes"),
    [(10, Decimal("1"), 10), (10, Decimal("1.5"), 15), (7, Decimal("1.25"), 9), (10, 1.1, 11), (3, 1.1, 4)],
)
def test_extended_time_stretches_an_assessment_rounded_up_to_the_minute(expected_minutes, factor, minutes):
    assert stretched_minutes(expected_minutes, factor) == minutes


def test_the_engine_keeps_room_for_the_exit_ticket_its_targets_need():
    # Given a 30-minute day, a preferred 25-minute video and a 15-minute practice, and a 10-minute exit ticket
    inputs = engine_input(
        [target("7.RP.A.1")],
        learner=LearnerInfo(grade="7", preferred_modalities=("video",), daily_minutes_budget=30),
        activities=(activity(1, "7.RP.A.1", "video", minutes=25), activity(2, "7.RP.A.1", minutes=15)),
        assessments=(exit_ticket(41, "7.RP.A.1", minutes=10),),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then the practice and the exit ticket fill 25 of the 30 minutes
    assert [(item.ref_id, item.minutes, item.alternatives) for item in path.items] == [(2, 15, ()), (41, 10, ())]


@pytest.mark.parametrize(
    ("factor", "expected"),
    [
        # Standard time: the quiz (10), the next step (10) and the exit ticket (10) fill the 30 minutes.
        (Decimal("1.00"), [("assigned", 50, 10), ("next", 1, 10), ("exit_ticket", 41, 10)]),
        # Time and a half: the quiz takes 15 and the exit ticket would take 15, so no new target fits today.
        (Decimal("1.50"), [("assigned", 50, 15)]),
    ],
)
def test_extended_time_counts_in_the_days_minutes(factor, expected):
    # Given a 30-minute day with an assigned 10-minute quiz, a ready target and a 10-minute exit ticket
    inputs = engine_input(
        [target("7.RP.A.1"), target("7.RP.A.2")],
        learner=LearnerInfo(grade="7", extended_time_factor=factor, daily_minutes_budget=30),
        activities=(activity(1, "7.RP.A.1"),),
        assessments=(AssessmentInfo(50, "Quiz", "quiz", ("7.RP.A.2",), 10), exit_ticket(41, "7.RP.A.1", minutes=10)),
        assignments=(Assignment("assessment", 50, "7.RP.A.2", due=TODAY),),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then assessments take the learner's stretched minutes, and the day still fits
    assert [(item.rule, item.ref_id, item.minutes) for item in path.items] == expected
    assert path.minutes <= 30


def test_the_teachers_items_stay_past_the_budget_and_the_teacher_is_told():
    # Given two pinned 30-minute activities in a 45-minute day, and a ready target of the engine's own
    inputs = engine_input(
        [target("7.RP.A.1"), target("7.RP.A.2"), target("7.RP.A.3")],
        activities=(activity(1, "7.RP.A.1", minutes=30), activity(2, "7.RP.A.2", minutes=30),
                    activity(3, "7.RP.A.3", minutes=1)),
        pins=(Pin("activity", 1, "7.RP.A.1"), Pin("activity", 2, "7.RP.A.2")),
    )  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then both pins stay, the engine adds nothing, and the teacher hears about the time and the missing ticket
    assert steps(path) == [("pinned", "7.RP.A.1", "activity", 1), ("pinned", "7.RP.A.2", "activity", 2)]
    assert path.minutes == 60
    assert path.flags == (
        Flag("over_budget", (), "The teacher's items take 60 minutes; the learner's day is 45 minutes."),
        Flag("exit_ticket_needed", ("7.RP.A.1", "7.RP.A.2"),
             "No exit ticket covers 7.RP.A.1 and 7.RP.A.2: generate one."),
    )  # fmt: skip


CHOICES = (
    activity(1, "7.RP.A.2", "video", minutes=10, interest_tags=("music",)),
    activity(2, "7.RP.A.2", "video", minutes=12, interest_tags=("Soccer",)),
    activity(3, "7.RP.A.2", "hands_on", minutes=20),
    activity(4, "7.RP.A.2", "reading", minutes=8),
    activity(5, "7.RP.A.2", "practice", minutes=5),
)
CHOOSER = LearnerInfo(grade="7", interests=("soccer",), preferred_modalities=("video", "hands_on"))


def test_the_student_chooses_among_three_activities_in_their_preferred_ways_and_interests():
    # Given five activities on the next target, for a learner who likes videos, then hands-on work, and soccer
    inputs = engine_input([target("7.RP.A.2")], learner=CHOOSER, activities=CHOICES)

    # When the path is built
    path = build_path(inputs)

    # Then the soccer video comes first, then the hands-on task, then the shortest of the others, one per way
    # of learning; the item's minutes are the longest choice's, so any choice fits the day
    item = path.items[0]
    assert (item.ref_id, item.alternatives, item.minutes) == (2, (2, 3, 5), 20)


def test_an_activity_done_in_the_last_days_is_offered_after_fresh_ones():
    # Given the same choices, and the soccer video done yesterday
    inputs = engine_input([target("7.RP.A.2")], learner=CHOOSER, activities=CHOICES,
                          history=(HistoryEntry(TODAY - timedelta(days=1), "activity", 2),))  # fmt: skip

    # When the path is built
    path = build_path(inputs)

    # Then the other video takes its place
    assert path.items[0].alternatives == (1, 3, 5)


# The same inputs give the same path; the path records the engine version and a digest of its inputs.

RICH_INPUT = engine_input(
    [*RATIOS, target("7.RP.A.1"), target("7.RP.A.3"), target("7.G.A.1", weight="additional")],
    edges=[*RATIO_EDGES, ("6.RP.A.3", "7.RP.A.3")],
    mastery={"6.RP.A.1": MASTERED, "6.RP.A.3": failed(1, "video"),
             "7.G.A.1": replace(MASTERED, last_practised=TODAY - timedelta(days=30))},
    learner=LearnerInfo(grade="7", interests=("music", "soccer"), preferred_modalities=("hands_on", "video"),
                        extended_time_factor=Decimal("1.25"), daily_minutes_budget=60,
                        goals=(Goal("7.RP.A.3", date(2025, 5, 1)),)),
    activities=tuple(activity(id, code, modality, minutes=minutes) for id, code, modality, minutes in [
        (1, "6.RP.A.3", "video", 10), (2, "6.RP.A.3", "hands_on", 15), (3, "6.RP.A.3", "reading", 12),
        (4, "7.RP.A.1", "practice", 10), (5, "7.G.A.1", "practice", 5), (6, "7.RP.A.2", "video", 10),
    ]),
    assessments=(exit_ticket(40, "6.RP.A.3", "7.RP.A.1"), AssessmentInfo(41, "Quiz", "quiz", ("7.RP.A.1",), 8)),
    assignments=(Assignment("assessment", 41, "7.RP.A.1", due=TODAY + timedelta(days=2)),),
    pins=(Pin("activity", 4, "7.RP.A.1"),),
    removals=(ItemRef("activity", 3),),
    current_unit=("7.RP.A.2", "7.RP.A.1"),
    history=(HistoryEntry(TODAY - timedelta(days=1), "activity", 1),),
)  # fmt: skip


def reordered(inputs: EngineInput) -> EngineInput:
    """The same inputs with every list and mapping in reverse order (preferences keep theirs: order is meaning)."""
    learner = replace(inputs.learner, interests=inputs.learner.interests[::-1], goals=inputs.learner.goals[::-1])
    return replace(
        inputs, learner=learner, targets=dict(reversed(inputs.targets.items())),
        prerequisites=inputs.prerequisites[::-1], mastery=dict(reversed(inputs.mastery.items())),
        activities=inputs.activities[::-1], assessments=inputs.assessments[::-1],
        current_unit=inputs.current_unit[::-1],
    )  # fmt: skip


def test_the_rich_day_in_full():
    # Given a quiz due Wednesday, a pinned practice, a failed target, the goal it blocks, a unit target and a review
    # When the path is built
    path = build_path(RICH_INPUT)

    # Then: the teacher's items; re-teach 6.RP.A.3 hands-on (the reading was removed); 7.RP.A.2 and the goal
    # 7.RP.A.3 wait for it; the review of 7.G.A.1; the exit ticket (8 minutes x 1.25 = 10 for the quiz, 7 here)
    assert [(item.rule, item.target_code, item.ref_id, item.minutes, item.alternatives) for item in path.items] == [
        ("assigned", "7.RP.A.1", 41, 10, ()),
        ("pinned", "7.RP.A.1", 4, 10, ()),
        ("reteach", "6.RP.A.3", 2, 15, ()),
        ("review", "7.G.A.1", 5, 5, ()),
        ("exit_ticket", "6.RP.A.3", 40, 7, ()),
    ]
    assert path.flags == ()
    assert path.engine_version == ENGINE_VERSION
    assert path.inputs_digest == inputs_digest(RICH_INPUT)
    assert len(path.inputs_digest) == 64


def test_the_same_inputs_in_any_order_give_the_same_path_and_digest():
    # Given the rich inputs, and the same inputs listed in reverse
    # When both are built, twice
    # Then every path is the same, digest included
    paths = [build_path(RICH_INPUT), build_path(RICH_INPUT), build_path(reordered(RICH_INPUT))]
    assert paths[0] == paths[1] == paths[2]


@pytest.mark.parametrize(
    "changed",
    [
        replace(RICH_INPUT, today=TODAY + timedelta(days=1)),
        replace(RICH_INPUT, mastery={**RICH_INPUT.mastery, "7.RP.A.1": MASTERED}),
        replace(RICH_INPUT, learner=replace(RICH_INPUT.learner, preferred_modalities=("video", "hands_on"))),
        replace(RICH_INPUT, removals=()),
    ],
)
def test_any_change_to_the_inputs_changes_the_digest(changed):
    assert inputs_digest(changed) != inputs_digest(RICH_INPUT)


def test_equal_time_factors_written_differently_give_the_same_digest():
    factors = (Decimal("1.50"), Decimal("1.5"), 1.5)
    learners = [replace(RICH_INPUT.learner, extended_time_factor=factor) for factor in factors]
    assert len({inputs_digest(replace(RICH_INPUT, learner=learner)) for learner in learners}) == 1


# Inputs the engine refuses.


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"prerequisites": (("6.RP.A.1", "6.RP.A.3"), ("6.RP.A.3", "6.RP.A.1"))},
         "The prerequisite graph has a cycle."),
        ({"prerequisites": (("5.NF.B.3", "6.RP.A.1"),)}, "Unknown targets: 5.NF.B.3."),
        ({"current_unit": ("8.EE.A.1",)}, "Unknown targets: 8.EE.A.1."),
        ({"activities": (activity(1, "6.RP.A.1"), activity(1, "6.RP.A.3"))}, "Each activity id may be listed once."),
        ({"pins": (Pin("assessment", 9, "6.RP.A.1"),)}, "The teacher's assessment 9 is not among the inputs."),
    ],
)
def test_inputs_that_would_make_the_path_ill_defined_are_refused(changes, message):
    with pytest.raises(ValueError, match=message):
        build_path(replace(engine_input(RATIOS), **changes))


def test_the_engine_imports_no_django():
    # The engine runs in workers and benchmarks without Django set up: importing it must not load Django.
    script = "import sys, playlists.engine; print(sorted(name for name in sys.modules if name.startswith('django')))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])  # fmt: skip
    assert result.stdout.strip() == "[]"


# The teacher's small groups, assigned targets and order (engine 1.2).


def test_a_teachers_group_session_replaces_the_engines_and_its_flag():
    # Given two failures on 6.RP.A.3 and the teacher's group on it today with a hands-on mini-lesson
    inputs = engine_input(
        [target("6.RP.A.1"), target("6.RP.A.3")],
        edges=[("6.RP.A.1", "6.RP.A.3")],
        mastery={"6.RP.A.1": MASTERED, "6.RP.A.3": failed(2, "video", "practice")},
        learner=LearnerInfo(grade="6"),
        activities=(activity(1, "6.RP.A.3", "reading"), activity(2, "6.RP.A.3", "hands_on", minutes=20)),
        assessments=(exit_ticket(40, "6.RP.A.3"),),
        group_sessions=(GroupSession(target_code="6.RP.A.3", activity_id=2),),
    )

    # When the path is built
    path = build_path(inputs)

    # Then the teacher's session comes first, as long as its mini-lesson, the exit ticket checks it, and the
    # engine neither adds its own session nor asks the teacher to invite the learner
    assert path.items[0] == PathItem(
        kind="group_session", ref_id=2, target_code="6.RP.A.3", minutes=20, rule="group", source="teacher",
        reason="Your teacher is meeting with you and a small group today to work on 6.RP.A.3 together: Activity 2.",
    )  # fmt: skip
    assert steps(path)[1:] == [("exit_ticket", "6.RP.A.3", "assessment", 40)]
    assert path.flags == ()


def test_a_target_the_teacher_assigned_is_worked_on_before_the_grade_level_ones():
    # Given a grade 7 learner with two ready grade 7 targets, and the teacher's assignment of the one that
    # unlocks less
    inputs = engine_input(
        [target("7.RP.A.1"), target("7.RP.A.2"), target("7.RP.A.3")],
        edges=[("7.RP.A.1", "7.RP.A.3")],
        activities=(activity(1, "7.RP.A.1"), activity(2, "7.RP.A.2")),
        focus=("7.RP.A.2",),
        learner=LearnerInfo(grade="7", daily_minutes_budget=10),
    )

    # When the path is built with room for one item
    path = build_path(inputs)

    # Then it is the assigned target, and the reason says the teacher assigned it
    assert steps(path) == [("next", "7.RP.A.2", "activity", 2)]
    assert path.items[0].reason.startswith("Next: 7.RP.A.2, which your teacher assigned.")
    # and without the assignment the engine takes the target that unlocks more
    assert steps(build_path(replace(inputs, focus=()))) == [("next", "7.RP.A.1", "activity", 1)]


def test_the_teachers_moves_put_items_at_their_places_and_the_rest_keep_their_order():
    # Given a path of three activities and an exit ticket
    base = engine_input(
        [target("7.RP.A.1"), target("7.RP.A.2"), target("7.RP.A.3")],
        activities=(activity(1, "7.RP.A.1"), activity(2, "7.RP.A.2"), activity(3, "7.RP.A.3")),
        assessments=(exit_ticket(40, "7.RP.A.1", "7.RP.A.2", "7.RP.A.3"),),
    )
    before = [item.ref_id for item in build_path(base).items]
    assert before == [1, 2, 3, 40]

    # When the teacher moves the exit ticket first and activity 1 to third place
    moved = replace(base, moves=(Move("assessment", 40, 1), Move("activity", 1, 3)))

    # Then those two are at their places, and a place past the end means last
    assert [item.ref_id for item in build_path(moved).items] == [40, 2, 1, 3]
    far = replace(base, moves=(Move("activity", 2, 99),))
    assert [item.ref_id for item in build_path(far).items] == [1, 3, 40, 2]
    # and a move of work that is not on the path changes nothing
    assert [item.ref_id for item in build_path(replace(base, moves=(Move("activity", 7, 1),))).items] == before
