"""The roster overview transform on small frames, with exact expected values."""

import pandas as pd

from analytics.transforms import ROSTER_COLUMNS, roster_overview


def frame(rows):
    return pd.DataFrame.from_records(rows, columns=ROSTER_COLUMNS)


def test_counts_per_school_and_grade_with_a_total_row():
    # Given three grade 6 and one grade 7 learners at Lincoln, and one grade 8 learner at Adams
    students = frame(
        [
            ("Lincoln", "6", True, False, False, True, 30),
            ("Lincoln", "6", False, True, True, False, 40),
            ("Lincoln", "6", False, False, True, False, 60),
            ("Lincoln", "7", True, False, False, True, 45),
            ("Adams", "8", False, False, False, False, 50),
        ]
    )
    # When the overview is computed
    overview = roster_overview(students)
    # Then each school's grades come in grade order, closed by the school total
    assert overview.to_dict("records") == [
        {
            "school": "Adams",
            "grade": "8",
            "students": 1,
            "iep": 0,
            "section_504": 0,
            "english_learners": 0,
            "extended_time": 0,
            "median_minutes": 50.0,
        },
        {
            "school": "Adams",
            "grade": "All grades",
            "students": 1,
            "iep": 0,
            "section_504": 0,
            "english_learners": 0,
            "extended_time": 0,
            "median_minutes": 50.0,
        },
        {
            "school": "Lincoln",
            "grade": "6",
            "students": 3,
            "iep": 1,
            "section_504": 1,
            "english_learners": 2,
            "extended_time": 1,
            "median_minutes": 40.0,
        },
        {
            "school": "Lincoln",
            "grade": "7",
            "students": 1,
            "iep": 1,
            "section_504": 0,
            "english_learners": 0,
            "extended_time": 1,
            "median_minutes": 45.0,
        },
        {
            "school": "Lincoln",
            "grade": "All grades",
            "students": 4,
            "iep": 2,
            "section_504": 1,
            "english_learners": 2,
            "extended_time": 2,
            "median_minutes": 42.5,
        },
    ]


def test_grades_sort_by_school_order_not_alphabetically():
    students = frame([("A", grade, False, False, False, False, 30) for grade in ["10", "K", "9", "HS"]])
    assert list(roster_overview(students)["grade"]) == ["K", "9", "10", "HS", "All grades"]


def test_no_students_gives_an_empty_table_with_the_columns():
    overview = roster_overview(frame([]))
    assert overview.empty
    assert list(overview.columns) == [
        "school",
        "grade",
        "students",
        "iep",
        "section_504",
        "english_learners",
        "extended_time",
        "median_minutes",
    ]
