"""Pure pandas transforms behind the admin reports (no Django: frames in, frames out)."""
from __future__ import annotations

import pandas as pd

ROSTER_COLUMNS = ["school", "grade", "has_iep", "has_504", "english_learner", "extended_time", "daily_minutes_budget"]
GRADE_ORDER = ["K"] + [str(grade) for grade in range(1, 13)] + ["HS"]
ALL_GRADES = "All grades"


def roster_overview(students: pd.DataFrame) -> pd.DataFrame:
    """Per school and grade (and a school total): how many students, and how many in each subgroup.

    `students` has one row per learner with ROSTER_COLUMNS. The result has columns school, grade,
    students, iep, section_504, english_learners, extended_time, median_minutes, sorted by school
    then grade, with an "All grades" row closing each school.
    """
    if students.empty:
        return pd.DataFrame(
            columns=["school", "grade", "students", "iep", "section_504", "english_learners", "extended_time",
                     "median_minutes"]
        )  # fmt: skip
    aggregations = {
        "students": ("has_iep", "size"),
        "iep": ("has_iep", "sum"),
        "section_504": ("has_504", "sum"),
        "english_learners": ("english_learner", "sum"),
        "extended_time": ("extended_time", "sum"),
        "median_minutes": ("daily_minutes_budget", "median"),
    }
    by_grade = students.groupby(["school", "grade"], as_index=False).agg(**aggregations)
    totals = students.groupby("school", as_index=False).agg(**aggregations).assign(grade=ALL_GRADES)
    overview = pd.concat([by_grade, totals], ignore_index=True)
    overview["grade_rank"] = overview["grade"].map({grade: rank for rank, grade in enumerate(GRADE_ORDER)})
    overview["grade_rank"] = overview["grade_rank"].fillna(len(GRADE_ORDER))
    overview = overview.sort_values(["school", "grade_rank"], kind="stable").drop(columns="grade_rank")
    counts = ["students", "iep", "section_504", "english_learners", "extended_time"]
    overview[counts] = overview[counts].astype(int)
    return overview.reset_index(drop=True)
