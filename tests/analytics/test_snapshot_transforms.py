"""The snapshot transforms, the bar chart geometry and the dashboard tables, on small frames with exact values."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pytest

from analytics import transforms
from analytics.tables import Table, cell_text
from learning_platform.charts import bar_chart

RATE_COLUMNS = [
    "on_track_share",
    "proficient_avg",
    "expected_avg",
    "growth_avg",
    "active_share",
    "activities_per_learner",
    "assessments_per_learner",
    "minutes_per_learner",
]


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts with None for a missing value, so NaN and NA compare equal to a literal."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def sums(
    learners, on_track, proficient, expected, growth_sum, growth_learners, active, activities, assessments, minutes
) -> dict:
    return dict(
        zip(
            transforms.GROUP_SUMS,
            [
                learners,
                on_track,
                proficient,
                expected,
                growth_sum,
                growth_learners,
                active,
                activities,
                assessments,
                minutes,
            ],
        )
    )


def group(dimension, key, label, *values) -> dict:
    return {"dimension": dimension, "key": key, "label": label, **sums(*values)}


def day(month: int, day_of_month: int) -> int:
    return datetime.date(2024, month, day_of_month).toordinal()


# ---------------------------------------------------------------------------------------------------------
# expected_by_pace

PACE_COLUMNS = ["learner", "section", "grade_targets", "term_starts", "term_ends"]
NO_UNITS = pd.DataFrame(columns=["section", "starts_on", "ends_on", "targets"])


def test_a_planned_section_expects_each_started_units_targets_in_proportion():
    # Given section 10 with a finished unit (4 targets), a half-run unit (6 targets) and a later one (5 targets),
    # section 30 whose only unit has not started, and section 20 with no units; term days 1..10 unless noted
    learners = pd.DataFrame.from_records(
        [
            (1, 10, 10, 1, 10),
            (2, 20, 10, 1, 10),
            (3, 30, 10, 1, 10),
            (4, pd.NA, 10, 3, 12),
            (5, pd.NA, 8, 1, 5),
        ],
        columns=PACE_COLUMNS,
    )
    units = pd.DataFrame.from_records(
        [(10, 1, 4, 4), (10, 5, 8, 6), (10, 20, 30, 5), (30, 7, 16, 10)],
        columns=["section", "starts_on", "ends_on", "targets"],
    )
    # When the pace plan is read on day 6
    expected = transforms.expected_by_pace(learners, units, 6)
    # Then section 10 expects 4 + 6 * 2/4 = 7 (its units plan more than the grade's 10 targets); section 30, whose
    # unit plans all 10, expects nothing yet (its plan, not the term, rules);
    # section 20 and no section fall back to the term: 6/10 of 10, 4/10 of 10, and a finished term's 8
    assert expected.tolist() == [7.0, 6.0, 0.0, 4.0, 8.0]
    assert list(expected.index) == [0, 1, 2, 3, 4]


def test_the_targets_no_unit_plans_are_expected_by_the_term():
    # Given a grade of 20 targets, a section whose only unit (5 targets) runs days 1..4, and a term of days 1..10
    learners = pd.DataFrame.from_records([(1, 10, 20, 1, 10)], columns=PACE_COLUMNS)
    units = pd.DataFrame.from_records([(10, 1, 4, 5)], columns=["section", "starts_on", "ends_on", "targets"])
    # When the pace plan is read on day 6
    expected = transforms.expected_by_pace(learners, units, 6)
    # Then the unit's 5 targets are expected, and 6/10 of the 15 others: 5 + 9
    assert expected.tolist() == [14.0]


def test_without_units_a_learner_is_expected_the_share_of_the_term_gone_by():
    # Given two learners of terms running days 1..10 and 5..8
    learners = pd.DataFrame.from_records([(1, 10, 10, 1, 10), (2, pd.NA, 12, 5, 8)], columns=PACE_COLUMNS)
    # When no section plans units, on day 6 (both ends of a term count as days of it)
    expected = transforms.expected_by_pace(learners, NO_UNITS, 6)
    # Then 6 of 10 days have gone by for the first (6.0), 2 of 4 for the second (6.0 of 12)
    assert expected.tolist() == [6.0, 6.0]


def test_without_a_term_a_learner_is_expected_nothing():
    # Given a learner with a term and one without (NA term days, as the snapshot reader builds them)
    learners = pd.DataFrame.from_records([(1, 10, 10, 1, 10), (2, pd.NA, 10, pd.NA, pd.NA)], columns=PACE_COLUMNS)
    # When the pace plan is read on day 6 with no units
    expected = transforms.expected_by_pace(learners, NO_UNITS, 6)
    # Then the learner without a term is expected 0 targets
    assert expected.tolist() == [6.0, 0.0]


# ---------------------------------------------------------------------------------------------------------
# usage_by_learner

ITEM_COLUMNS = ["learner", "kind", "minutes"]
ATTEMPT_COLUMNS = ["learner", "started_at", "submitted_at"]


def attempt_frame(rows) -> pd.DataFrame:
    attempts = pd.DataFrame.from_records(rows, columns=ATTEMPT_COLUMNS)
    for column in ("started_at", "submitted_at"):
        attempts[column] = pd.to_datetime(attempts[column], utc=True)
    return attempts


def at(hour: int, minute: int, second: int = 0) -> datetime.datetime:
    return datetime.datetime(2024, 9, 5, hour, minute, second, tzinfo=datetime.UTC)


def test_usage_counts_activities_assessments_and_capped_rounded_up_minutes():
    # Given finished path items (an assessment's item is left to its attempt) and handed-in attempts
    items = pd.DataFrame.from_records(
        [(1, "activity", 15), (1, "video", 10), (1, "assessment", 20), (2, "assessment", 5), (3, "activity", 7)],
        columns=ITEM_COLUMNS,
    )
    attempts = attempt_frame(
        [
            (1, at(9, 0), at(9, 10, 1)),  # 10 min 1 s
            (2, at(9, 0), at(11, 0)),  # 2 hours, left open
            (2, at(9, 0), at(9, 0)),  # handed in at once
            (4, at(9, 0), at(9, 1)),  # exactly 1 minute
        ]
    )
    # When usage is summed per learner
    usage = transforms.usage_by_learner(items, attempts)
    # Then 10 min 1 s counts 11 minutes, two hours count 60, and the assessment items add nothing
    pd.testing.assert_frame_equal(
        usage,
        pd.DataFrame(
            {"activities": [2, 0, 1, 0], "assessments": [1, 2, 0, 1], "minutes": [36, 60, 7, 1]},
            index=pd.Index([1, 2, 3, 4], name="learner"),
        ),
    )


def test_usage_with_items_and_no_attempts():
    # Given finished activities and no attempt handed in
    items = pd.DataFrame.from_records([(1, "activity", 15), (1, "video", 10), (3, "activity", 7)], columns=ITEM_COLUMNS)
    # When usage is summed
    usage = transforms.usage_by_learner(items, attempt_frame([]))
    # Then each learner has their activities, no assessments, and the items' minutes
    assert usage.reset_index().to_dict("records") == [
        {"learner": 1, "activities": 2, "assessments": 0, "minutes": 25},
        {"learner": 3, "activities": 1, "assessments": 0, "minutes": 7},
    ]


def test_usage_with_no_rows_is_an_empty_frame_with_the_columns():
    # Given no items and no attempts in the window
    items = pd.DataFrame.from_records([], columns=ITEM_COLUMNS)
    # When usage is summed
    usage = transforms.usage_by_learner(items, attempt_frame([]))
    # Then there are no rows, and the three columns are there
    assert usage.empty
    assert list(usage.columns) == ["activities", "assessments", "minutes"]
    assert usage.index.name == "learner"


# ---------------------------------------------------------------------------------------------------------
# learner_measures


def test_learner_measures_on_track_growth_and_active():
    # Given five learners; learner 3 had no snapshot a week ago
    learners = pd.DataFrame(
        {
            "learner": [1, 2, 3, 4, 5],
            "proficient": [3, 2, 2, 0, 5],
            "expected": [2.5, 2.5, 2.49, 0.5, 7.0],
            "previous": pd.array([1, 2, pd.NA, 0, 6], dtype="Int64"),
            "activities": [0, 0, 1, 0, 2],
            "assessments": [0, 1, 0, 0, 0],
        }
    )
    # When they are measured
    measured = transforms.learner_measures(learners)
    # Then the expectation rounds half up (2.5 -> 3, 0.5 -> 1, 2.49 -> 2); growth is NA without a snapshot
    expected = learners.assign(
        on_track=[True, False, True, False, False],
        growth=pd.array([2, 0, pd.NA, 0, -1], dtype="Int64"),
        active=[False, True, True, False, True],
    )
    pd.testing.assert_frame_equal(measured, expected)


def test_learner_measures_leave_the_input_alone():
    learners = pd.DataFrame(
        {
            "learner": [1],
            "proficient": [1],
            "expected": [1.0],
            "previous": pd.array([0], dtype="Int64"),
            "activities": [0],
            "assessments": [0],
        }
    )
    transforms.learner_measures(learners)
    assert list(learners.columns) == ["learner", "proficient", "expected", "previous", "activities", "assessments"]


# ---------------------------------------------------------------------------------------------------------
# group_rollup

ROLLUP_COLUMNS = [
    "learner",
    "grade",
    "has_iep",
    "has_504",
    "english_learner",
    "proficient",
    "expected",
    "on_track",
    "growth",
    "active",
    "activities",
    "assessments",
    "minutes",
]
PLACEMENT_COLUMNS = ["learner", "section", "section_label", "teacher", "teacher_label"]


def rollup_learners() -> pd.DataFrame:
    """Three learners: 1 and 2 in grade 6, 3 in grade 7; nobody has a 504 plan; learner 2 has no growth."""
    learners = pd.DataFrame.from_records(
        [
            (1, "6", True, False, False, 3, 2.5, True, 2, True, 4, 1, 50),
            (2, "6", False, False, True, 1, 2.25, False, pd.NA, False, 0, 0, 0),
            (3, "7", True, False, True, 4, 3.125, True, 1, True, 2, 2, 30),
        ],
        columns=ROLLUP_COLUMNS,
    )
    learners["growth"] = learners["growth"].astype("Int64")
    return learners


def rollup_placements() -> pd.DataFrame:
    """Math 6A has two teachers (a row each); learner 1 is also in Science 6 with Ms. Rivera; Art has no teacher;
    learner 9 left the school (no learner row)."""
    placements = pd.DataFrame.from_records(
        [
            (1, 10, "Math 6A", 100, "Ms. Rivera"),
            (1, 10, "Math 6A", 101, "Mr. Chen"),
            (1, 11, "Science 6", 100, "Ms. Rivera"),
            (2, 10, "Math 6A", 100, "Ms. Rivera"),
            (2, 10, "Math 6A", 101, "Mr. Chen"),
            (3, 12, "Art", pd.NA, pd.NA),
            (9, 10, "Math 6A", 100, "Ms. Rivera"),
        ],
        columns=PLACEMENT_COLUMNS,
    )
    placements["teacher"] = placements["teacher"].astype("Int64")
    return placements


def test_rollup_sums_everyone_each_grade_and_each_subgroup_with_members():
    # Given three learners and their placements
    # When the school is rolled up
    rollup = transforms.group_rollup(rollup_learners(), rollup_placements())
    # Then everyone, grades and subgroups come first; there is no 504 row (no members); growth counts only learners
    # with a snapshot a week before
    assert list(rollup.columns) == transforms.GROUP_COLUMNS
    assert rollup[rollup["dimension"].isin(["all", "grade", "subgroup"])].to_dict("records") == [
        group("all", "all", "Everyone", 3, 2, 8, 7.875, 3, 2, 2, 6, 3, 80),
        group("grade", "6", "Grade 6", 2, 1, 4, 4.75, 2, 1, 1, 4, 1, 50),
        group("grade", "7", "Grade 7", 1, 1, 4, 3.125, 1, 1, 1, 2, 2, 30),
        group("subgroup", "iep", "IEP", 2, 2, 7, 5.625, 3, 2, 2, 6, 3, 80),
        group("subgroup", "el", "English learners", 2, 1, 5, 5.375, 1, 1, 1, 2, 2, 30),
    ]


def test_rollup_counts_a_learner_once_in_each_section_and_once_for_each_teacher():
    # Given a learner in two sections (one of them with two teachers) and a section without a teacher
    # When the school is rolled up
    rollup = transforms.group_rollup(rollup_learners(), rollup_placements())
    # Then learner 1 counts once in Math 6A, once in Science 6 and once for Ms. Rivera (who teaches both);
    # learner 3 counts for Art and for no teacher; learner 9 (gone) counts nowhere
    assert rollup[rollup["dimension"].isin(["section", "teacher"])].to_dict("records") == [
        group("section", "10", "Math 6A", 2, 1, 4, 4.75, 2, 1, 1, 4, 1, 50),
        group("section", "11", "Science 6", 1, 1, 3, 2.5, 2, 1, 1, 4, 1, 50),
        group("section", "12", "Art", 1, 1, 4, 3.125, 1, 1, 1, 2, 2, 30),
        group("teacher", "100", "Ms. Rivera", 2, 1, 4, 4.75, 2, 1, 1, 4, 1, 50),
        group("teacher", "101", "Mr. Chen", 2, 1, 4, 4.75, 2, 1, 1, 4, 1, 50),
    ]


def test_rollup_without_placements_has_no_section_or_teacher_rows():
    # Given no enrollments at all (as the placement reader builds an empty frame)
    placements = pd.DataFrame.from_records([], columns=["learner", "section", "section_label", "teacher"])
    placements["teacher"] = placements["teacher"].astype("Int64")
    placements["teacher_label"] = placements["teacher"].map({})
    # When the school is rolled up
    rollup = transforms.group_rollup(rollup_learners(), placements)
    # Then only everyone, grades and subgroups are there
    assert rollup["dimension"].tolist() == ["all", "grade", "grade", "subgroup", "subgroup"]


# ---------------------------------------------------------------------------------------------------------
# sum_groups


def test_sum_groups_adds_the_schools_rows_up_in_first_seen_order():
    # Given two schools' group rows
    rows = pd.DataFrame(
        [
            {"school": 1, **group("all", "all", "Everyone", 3, 2, 8, 7.5, 3, 2, 2, 6, 3, 80)},
            {"school": 1, **group("grade", "7", "Grade 7", 3, 2, 8, 7.5, 3, 2, 2, 6, 3, 80)},
            {"school": 2, **group("all", "all", "Everyone", 5, 1, 9, 10.25, -1, 4, 3, 7, 4, 90)},
            {"school": 2, **group("grade", "6", "Grade 6", 2, 0, 2, 4.0, 0, 1, 1, 1, 1, 15)},
            {"school": 2, **group("grade", "7", "Grade 7", 3, 1, 7, 6.25, -1, 3, 2, 6, 3, 75)},
        ]
    )
    # When they are summed over the district
    summed = transforms.sum_groups(rows, ["dimension", "key", "label"])
    # Then each group is one row with the sums
    assert summed.to_dict("records") == [
        group("all", "all", "Everyone", 8, 3, 17, 17.75, 2, 6, 5, 13, 7, 170),
        group("grade", "7", "Grade 7", 6, 3, 15, 13.75, 2, 5, 4, 12, 6, 155),
        group("grade", "6", "Grade 6", 2, 0, 2, 4.0, 0, 1, 1, 1, 1, 15),
    ]


def test_sum_groups_of_nothing_is_an_empty_frame_with_the_columns():
    empty = pd.DataFrame(columns=["as_of", *transforms.GROUP_SUMS])
    summed = transforms.sum_groups(empty, ["as_of"])
    assert summed.empty
    assert list(summed.columns) == ["as_of", *transforms.GROUP_SUMS]


# ---------------------------------------------------------------------------------------------------------
# with_rates


def test_rates_per_group_and_na_where_nobody_is_counted():
    # Given a group of 3, an empty group, and a group of 6 where 4 have a snapshot a week before
    groups = pd.DataFrame(
        [
            group("all", "all", "Everyone", 3, 1, 10, 7.5, 4, 3, 2, 7, 2, 100),
            group("grade", "6", "Grade 6", 0, 0, 0, 0.0, 0, 0, 0, 0, 0, 0),
            group("grade", "7", "Grade 7", 6, 4, 13, 9.0, -1, 4, 5, 20, 3, 95),
        ]
    )
    # When the rates are added
    rated = transforms.with_rates(groups)
    # Then shares are percentages to one decimal, averages per learner to two, work per learner to one
    assert list(rated.columns) == [*transforms.GROUP_COLUMNS, *RATE_COLUMNS]
    assert records(rated[RATE_COLUMNS]) == [
        {
            "on_track_share": 33.3,
            "proficient_avg": 3.33,
            "expected_avg": 2.5,
            "growth_avg": 1.33,
            "active_share": 66.7,
            "activities_per_learner": 2.3,
            "assessments_per_learner": 0.7,
            "minutes_per_learner": 33.3,
        },
        {
            "on_track_share": None,
            "proficient_avg": None,
            "expected_avg": None,
            "growth_avg": None,
            "active_share": None,
            "activities_per_learner": None,
            "assessments_per_learner": None,
            "minutes_per_learner": None,
        },
        {
            "on_track_share": 66.7,
            "proficient_avg": 2.17,
            "expected_avg": 1.5,
            "growth_avg": -0.25,
            "active_share": 83.3,
            "activities_per_learner": 3.3,
            "assessments_per_learner": 0.5,
            "minutes_per_learner": 15.8,
        },
    ]


def test_growth_average_is_na_when_nobody_had_a_snapshot_a_week_before():
    groups = pd.DataFrame([group("all", "all", "Everyone", 4, 1, 4, 4.0, 0, 0, 2, 6, 2, 40)])
    rated = transforms.with_rates(groups)
    assert records(rated[["on_track_share", "growth_avg"]]) == [{"on_track_share": 25.0, "growth_avg": None}]


# ---------------------------------------------------------------------------------------------------------
# subgroup_gaps


def test_each_subgroup_against_everyone_else():
    # Given a school of 10 with 3 IEP learners and 4 English learners, nobody with a 504 plan, and a grade row
    groups = pd.DataFrame(
        [
            group("all", "all", "Everyone", 10, 6, 40, 35.0, 8, 8, 7, 30, 10, 300),
            group("subgroup", "iep", "IEP", 3, 1, 9, 10.5, 1, 3, 2, 6, 3, 60),
            group("subgroup", "el", "English learners", 4, 3, 16, 14.0, 2, 2, 3, 12, 4, 120),
            group("grade", "6", "Grade 6", 10, 6, 40, 35.0, 8, 8, 7, 30, 10, 300),
        ]
    )
    # When the gaps are computed
    gaps = transforms.subgroup_gaps(groups)
    # Then IEP: 1/3 on track against 5/7 of the rest; the 504 row has no group rates (everyone is the rest);
    # English learners: 3/4 against 3/6. The grade row plays no part.
    assert records(gaps) == [
        {
            "key": "iep",
            "label": "IEP",
            "learners": 3,
            "rest_learners": 7,
            "on_track_share": 33.3,
            "rest_on_track_share": 71.4,
            "growth_avg": 0.33,
            "rest_growth_avg": 1.4,
            "active_share": 66.7,
            "rest_active_share": 71.4,
            "minutes_per_learner": 20.0,
            "rest_minutes_per_learner": 34.3,
            "on_track_share_gap": -38.1,
            "growth_avg_gap": -1.07,
            "active_share_gap": -4.7,
            "minutes_per_learner_gap": -14.3,
        },
        {
            "key": "504",
            "label": "504 plan",
            "learners": 0,
            "rest_learners": 10,
            "on_track_share": None,
            "rest_on_track_share": 60.0,
            "growth_avg": None,
            "rest_growth_avg": 1.0,
            "active_share": None,
            "rest_active_share": 70.0,
            "minutes_per_learner": None,
            "rest_minutes_per_learner": 30.0,
            "on_track_share_gap": None,
            "growth_avg_gap": None,
            "active_share_gap": None,
            "minutes_per_learner_gap": None,
        },
        {
            "key": "el",
            "label": "English learners",
            "learners": 4,
            "rest_learners": 6,
            "on_track_share": 75.0,
            "rest_on_track_share": 50.0,
            "growth_avg": 1.0,
            "rest_growth_avg": 1.0,
            "active_share": 75.0,
            "rest_active_share": 66.7,
            "minutes_per_learner": 30.0,
            "rest_minutes_per_learner": 30.0,
            "on_track_share_gap": 25.0,
            "growth_avg_gap": 0.0,
            "active_share_gap": 8.3,
            "minutes_per_learner_gap": 0.0,
        },
    ]


# ---------------------------------------------------------------------------------------------------------
# weekly_trend


def test_weekly_trend_is_oldest_first_with_rates():
    # Given three weeks' "all" sums, out of order
    history = pd.DataFrame(
        [
            {"as_of": day(9, 16), **sums(4, 3, 8, 6.0, 2, 4, 4, 10, 6, 80)},
            {"as_of": day(9, 2), **sums(4, 1, 4, 4.0, 0, 0, 2, 6, 2, 40)},
            {"as_of": day(9, 9), **sums(5, 2, 6, 5.5, 3, 2, 0, 0, 0, 0)},
        ]
    )
    # When the trend is built
    trend = transforms.weekly_trend(history)
    # Then the weeks come oldest first, each with its rates (no growth average the first week: nobody to compare)
    assert records(trend[["as_of", *RATE_COLUMNS]]) == [
        {
            "as_of": day(9, 2),
            "on_track_share": 25.0,
            "proficient_avg": 1.0,
            "expected_avg": 1.0,
            "growth_avg": None,
            "active_share": 50.0,
            "activities_per_learner": 1.5,
            "assessments_per_learner": 0.5,
            "minutes_per_learner": 10.0,
        },
        {
            "as_of": day(9, 9),
            "on_track_share": 40.0,
            "proficient_avg": 1.2,
            "expected_avg": 1.1,
            "growth_avg": 1.5,
            "active_share": 0.0,
            "activities_per_learner": 0.0,
            "assessments_per_learner": 0.0,
            "minutes_per_learner": 0.0,
        },
        {
            "as_of": day(9, 16),
            "on_track_share": 75.0,
            "proficient_avg": 2.0,
            "expected_avg": 1.5,
            "growth_avg": 0.5,
            "active_share": 100.0,
            "activities_per_learner": 2.5,
            "assessments_per_learner": 1.5,
            "minutes_per_learner": 20.0,
        },
    ]
    assert list(trend.index) == [0, 1, 2]
    # And what the pace plan expected more than the week before, beside the growth
    assert trend["expected_gain"].tolist()[1:] == [0.1, 0.4] and pd.isna(trend["expected_gain"][0])


def test_weekly_trend_of_no_snapshots_is_empty_with_the_same_columns():
    # Given no snapshots (summed as the trend reader does)
    history = transforms.sum_groups(pd.DataFrame(columns=["as_of", *transforms.GROUP_SUMS]), ["as_of"])
    # When the trend is built
    trend = transforms.weekly_trend(history)
    # Then it is empty, with the columns a trend with weeks has
    assert trend.empty
    assert list(trend.columns) == ["as_of", *transforms.GROUP_SUMS, *RATE_COLUMNS, "expected_gain"]


# ---------------------------------------------------------------------------------------------------------
# later_targets, standards_report, hardest_targets, bottlenecks

EDGE_COLUMNS = ["target", "prerequisite"]


def test_later_targets_counts_each_descendant_once_through_a_diamond():
    # Given 2 and 3 build on 1, 4 builds on both 2 and 3, 5 builds on 4, and 6 stands alone
    edges = pd.DataFrame.from_records([(2, 1), (3, 1), (4, 2), (4, 3), (5, 4)], columns=EDGE_COLUMNS)
    # When the later targets are counted
    later = transforms.later_targets([6, 1, 2, 3, 4, 5], edges)
    # Then 1 holds up 2, 3, 4 and 5 (4 reached twice, counted once); the series follows the given order
    assert later.to_dict() == {6: 0, 1: 4, 2: 2, 3: 2, 4: 1, 5: 0}
    assert list(later.index) == [6, 1, 2, 3, 4, 5]


def test_later_targets_without_edges_are_all_zero():
    edges = pd.DataFrame.from_records([], columns=EDGE_COLUMNS)
    assert transforms.later_targets([7, 8], edges).to_dict() == {7: 0, 8: 0}


def test_a_repeated_edge_counts_once():
    edges = pd.DataFrame.from_records([(2, 1), (2, 1)], columns=EDGE_COLUMNS)
    assert transforms.later_targets([1, 2], edges).to_dict() == {1: 1, 2: 0}


def test_standards_report_per_target_sorted_by_grade_then_code():
    # Given six targets over grades K, 6, 7 and 10; 2 and 5 build on 1, 5 on 2, 4 on 5 and 6
    targets = pd.DataFrame.from_records(
        [
            (1, "6.NS.1", "6", "Divide fractions", 20, 10, 4),
            (2, "6.NS.2", "6", "Divide multi-digit numbers", 20, 8, 6),
            (3, "K.CC.1", "K", "Count to 100", 5, 5, 5),
            (4, "10.A.1", "10", "Linear equations", 3, 0, 0),
            (5, "7.RP.1", "7", "Unit rates", 12, 6, 3),
            (6, "6.EE.1", "6", "Exponents", 20, 8, 6),
        ],
        columns=["target", "code", "grade", "text", "cohort", "assessed", "proficient"],
    )
    edges = pd.DataFrame.from_records([(2, 1), (5, 1), (5, 2), (4, 5), (4, 6)], columns=EDGE_COLUMNS)
    # When the report is built
    report = transforms.standards_report(targets, edges)
    # Then K comes before 6 before 7 before 10; a target nobody was assessed on has no share
    assert records(report) == [
        {
            "target": 3,
            "code": "K.CC.1",
            "grade": "K",
            "text": "Count to 100",
            "cohort": 5,
            "assessed": 5,
            "proficient": 5,
            "proficient_share": 100.0,
            "blocked": 0,
            "later_targets": 0,
            "bottleneck": 0,
        },
        {
            "target": 6,
            "code": "6.EE.1",
            "grade": "6",
            "text": "Exponents",
            "cohort": 20,
            "assessed": 8,
            "proficient": 6,
            "proficient_share": 75.0,
            "blocked": 2,
            "later_targets": 1,
            "bottleneck": 2,
        },
        {
            "target": 1,
            "code": "6.NS.1",
            "grade": "6",
            "text": "Divide fractions",
            "cohort": 20,
            "assessed": 10,
            "proficient": 4,
            "proficient_share": 40.0,
            "blocked": 6,
            "later_targets": 3,
            "bottleneck": 18,
        },
        {
            "target": 2,
            "code": "6.NS.2",
            "grade": "6",
            "text": "Divide multi-digit numbers",
            "cohort": 20,
            "assessed": 8,
            "proficient": 6,
            "proficient_share": 75.0,
            "blocked": 2,
            "later_targets": 2,
            "bottleneck": 4,
        },
        {
            "target": 5,
            "code": "7.RP.1",
            "grade": "7",
            "text": "Unit rates",
            "cohort": 12,
            "assessed": 6,
            "proficient": 3,
            "proficient_share": 50.0,
            "blocked": 3,
            "later_targets": 1,
            "bottleneck": 3,
        },
        {
            "target": 4,
            "code": "10.A.1",
            "grade": "10",
            "text": "Linear equations",
            "cohort": 3,
            "assessed": 0,
            "proficient": 0,
            "proficient_share": None,
            "blocked": 0,
            "later_targets": 0,
            "bottleneck": 0,
        },
    ]


def hardest_report() -> pd.DataFrame:
    return pd.DataFrame.from_records(
        [
            ("6.SP.1", 12, 90.0),
            ("6.EE.2", 6, 50.0),
            ("6.NS.1", 4, 0.0),
            ("6.G.1", 10, 50.0),
            ("6.RP.1", 5, 20.0),
            ("6.EE.1", 6, 50.0),
        ],
        columns=["code", "assessed", "proficient_share"],
    )


def test_hardest_targets_lowest_share_first_ties_to_more_assessed_then_code():
    # Given six targets, three at 50% (10, 6 and 6 assessed), and one assessed on only 4 learners
    # When the hardest are picked with the default floor of 5 assessed
    hardest = transforms.hardest_targets(hardest_report())
    # Then the one on 4 learners is left out, and the 50% ties go to 10 assessed, then by code
    assert hardest["code"].tolist() == ["6.RP.1", "6.G.1", "6.EE.1", "6.EE.2", "6.SP.1"]
    assert list(hardest.index) == [0, 1, 2, 3, 4]


def test_hardest_targets_with_a_lower_floor_and_a_limit():
    hardest = transforms.hardest_targets(hardest_report(), min_assessed=4, limit=2)
    assert hardest.to_dict("records") == [
        {"code": "6.NS.1", "assessed": 4, "proficient_share": 0.0},
        {"code": "6.RP.1", "assessed": 5, "proficient_share": 20.0},
    ]


def bottleneck_report() -> pd.DataFrame:
    return pd.DataFrame.from_records(
        [
            ("6.NS.2", 3, 2, 6),
            ("6.G.1", 0, 4, 0),
            ("6.NS.1", 6, 1, 6),
            ("6.SP.1", 7, 0, 0),
            ("6.RP.1", 2, 5, 10),
            ("6.EE.1", 3, 2, 6),
        ],
        columns=["code", "blocked", "later_targets", "bottleneck"],
    )


def test_bottlenecks_highest_score_first_ties_to_more_blocked_then_code():
    # Given three targets scoring 6 (6 x 1, 3 x 2, 3 x 2), one scoring 10, one nobody is blocked on and one that
    # nothing builds on
    # When the bottlenecks are picked
    found = transforms.bottlenecks(bottleneck_report())
    # Then the zero scores are left out; the ties go to more blocked learners, then by code
    assert found["code"].tolist() == ["6.RP.1", "6.NS.1", "6.EE.1", "6.NS.2"]
    assert list(found.index) == [0, 1, 2, 3]


def test_bottlenecks_limit():
    found = transforms.bottlenecks(bottleneck_report(), limit=2)
    assert found.to_dict("records") == [
        {"code": "6.RP.1", "blocked": 2, "later_targets": 5, "bottleneck": 10},
        {"code": "6.NS.1", "blocked": 6, "later_targets": 1, "bottleneck": 6},
    ]


# ---------------------------------------------------------------------------------------------------------
# bar_chart


def test_bar_chart_positive_missing_and_negative_bars():
    # Given 40, a missing value, -20 and 10 in a 400 x 120 chart: 20 px of labels at the bottom and 14 px for the
    # values at the top leave 86 px of plot for the scale -20..40
    # When the geometry is computed
    chart = bar_chart([("A", 40), ("B", None), ("C", -20), ("D", 10)], width=400, height=120)
    # Then the baseline sits 14 + 86 x 40/60 down; a positive bar rises to it with its value above, a negative one
    # hangs from it with its value under, and the missing one has no height and no value
    assert chart == {
        "width": 400,
        "height": 120,
        "baseline": 71.3,
        "label_y": 116,
        "bars": [
            {
                "label": "A",
                "value": 40,
                "value_text": "40",
                "x": 15.0,
                "width": 70.0,
                "y": 14.0,
                "height": 57.3,
                "label_x": 50.0,
                "value_y": 11.0,
            },
            {
                "label": "B",
                "value": None,
                "value_text": "",
                "x": 115.0,
                "width": 70.0,
                "y": 71.3,
                "height": 0.0,
                "label_x": 150.0,
                "value_y": 68.3,
            },
            {
                "label": "C",
                "value": -20,
                "value_text": "-20",
                "x": 215.0,
                "width": 70.0,
                "y": 71.3,
                "height": 28.7,
                "label_x": 250.0,
                "value_y": 111.0,
            },
            {
                "label": "D",
                "value": 10,
                "value_text": "10",
                "x": 315.0,
                "width": 70.0,
                "y": 57.0,
                "height": 14.3,
                "label_x": 350.0,
                "value_y": 54.0,
            },
        ],
    }


def test_bar_chart_of_percentages_scales_to_value_max():
    # 146 px of plot for 0..100
    chart = bar_chart([("Sep 2", 25.0), ("Sep 9", 50)], value_max=100)
    assert chart == {
        "width": 480,
        "height": 180,
        "baseline": 160.0,
        "label_y": 176,
        "bars": [
            {
                "label": "Sep 2",
                "value": 25.0,
                "value_text": "25",
                "x": 36.0,
                "width": 168.0,
                "y": 123.5,
                "height": 36.5,
                "label_x": 120.0,
                "value_y": 120.5,
            },
            {
                "label": "Sep 9",
                "value": 50,
                "value_text": "50",
                "x": 276.0,
                "width": 168.0,
                "y": 87.0,
                "height": 73.0,
                "label_x": 360.0,
                "value_y": 84.0,
            },
        ],
    }


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA, "n/a"])
def test_bar_chart_draws_no_bar_for_a_missing_value(missing):
    chart = bar_chart([("A", 50), ("B", missing)], width=200, height=120)
    assert chart["baseline"] == 100.0
    assert [(bar["y"], bar["height"], bar["value_text"]) for bar in chart["bars"]] == [
        (14.0, 86.0, "50"),
        (100.0, 0.0, ""),
    ]


def test_bar_chart_with_no_bars():
    assert bar_chart([]) == {"width": 480, "height": 180, "baseline": 14.0, "label_y": 176, "bars": []}


# ---------------------------------------------------------------------------------------------------------
# tables


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (pd.NA, ""),
        (float("nan"), ""),
        (np.float64("nan"), ""),
        (True, "yes"),
        (False, "no"),
        (np.True_, "yes"),
        (45.0, "45"),
        (0.25, "0.25"),
        (-1.07, "-1.07"),
        (np.float64(33.3), "33.3"),
        (1234567.0, "1234567"),
        (np.int64(7), "7"),
        (12, "12"),
        ("6.NS.1", "6.NS.1"),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


def schools_table() -> Table:
    return Table(
        name="schools",
        caption="By school",
        columns={"label": "School", "learners": "Learners", "on_track_share": "On track (%)", "growth_avg": "Growth"},
        rows=[
            {
                "label": "Adams",
                "url": "/analytics/school/1/",
                "learners": np.int64(12),
                "on_track_share": 45.0,
                "growth_avg": float("nan"),
            },
            {"label": "Lincoln, East", "learners": 3, "on_track_share": None, "growth_avg": 0.25},
        ],
    )


def test_table_body_heads_each_row_with_its_link_and_escapes_the_text():
    table = schools_table()
    table.rows[1]["label"] = "Lincoln <East> & West"
    assert table.body_html == (
        '<tr><th scope="row"><a href="/analytics/school/1/">Adams</a></th><td>12</td><td>45</td><td></td></tr>\n'
        '<tr><th scope="row">Lincoln &lt;East&gt; &amp; West</th><td>3</td><td></td><td>0.25</td></tr>'
    )


def test_table_csv_is_the_headings_and_the_same_cell_texts():
    # Given the schools table
    # When it is downloaded as CSV
    response = schools_table().csv_response("district-7")
    # Then the file is named after the page and the table, and holds the headings and each row's texts
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="district-7-schools.csv"'
    assert response.content.decode() == (
        'School,Learners,On track (%),Growth\r\nAdams,12,45,\r\n"Lincoln, East",3,,0.25\r\n'
    )
