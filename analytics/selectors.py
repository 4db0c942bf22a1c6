"""Reads behind the admin reports, scoped to the user who asks; one bulk query, then pandas."""
from __future__ import annotations

import pandas as pd

from analytics.transforms import ROSTER_COLUMNS, roster_overview
from learners.models import LearnerProfile
from learning_platform.permissions import visible


def roster_overview_for_user(*, user) -> pd.DataFrame:
    """The roster overview of every learner the user may see (an admin: their school or district)."""
    rows = visible(user, LearnerProfile).values_list(
        "school__name", "grade", "has_iep", "has_504", "english_learner", "extended_time_factor",
        "daily_minutes_budget",
    )  # fmt: skip
    students = pd.DataFrame.from_records(list(rows), columns=ROSTER_COLUMNS)
    students["extended_time"] = students["extended_time"].astype(float) > 1
    return roster_overview(students)
