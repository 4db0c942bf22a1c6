"""Pure pandas transforms behind the admin reports (no Django: frames in, frames out)."""

from __future__ import annotations

import numpy as np
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
            columns=[
                "school",
                "grade",
                "students",
                "iep",
                "section_504",
                "english_learners",
                "extended_time",
                "median_minutes",
            ]
        )
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


# ---------------------------------------------------------------------------------------------------------
# Snapshots: one row per learner, then sums per group, then the rates and gaps the dashboards show.
# Dates travel as day numbers (`datetime.date.toordinal()`), so the arithmetic stays in plain integers.

PROFICIENT_LEVELS = ("proficient", "mastered")
# An attempt's minutes count up to this many: an attempt left open overnight is not 900 minutes of work.
ATTEMPT_MINUTES_CAP = 60
SUBGROUPS = {"iep": ("has_iep", "IEP"), "504": ("has_504", "504 plan"), "el": ("english_learner", "English learners")}
GROUP_SUMS = [
    "learners",
    "on_track",
    "proficient",
    "expected",
    "growth_sum",
    "growth_learners",
    "active",
    "activities",
    "assessments",
    "minutes",
]
GROUP_COLUMNS = ["dimension", "key", "label", *GROUP_SUMS]


def _unit_fraction(first, last, as_of: int):
    """How far through [first, last] (whole days, both counted) the day `as_of` is, between 0 and 1."""
    return ((as_of - first + 1) / (last - first + 1)).clip(lower=0, upper=1)


def expected_by_pace(learners: pd.DataFrame, units: pd.DataFrame, as_of: int) -> pd.Series:
    """How many grade-level targets each learner is expected to be proficient on by `as_of`.

    `learners`: learner, section (or NA), grade_targets, term_starts, term_ends (day numbers, NA without a
    term). `units`: section, starts_on, ends_on, targets (the unit's targets of the section's grade). A learner
    whose section plans units is expected to have each started unit's targets in proportion to how much of the
    unit has passed, and the grade's targets no unit plans in proportion to how much of the term has passed (a
    plan of a few units does not excuse the rest of the year); without units, all the grade's targets by the
    term; without a term, nothing but the started units. Returns a float Series aligned with `learners`.
    """
    term_share = _unit_fraction(pd.to_numeric(learners["term_starts"]), pd.to_numeric(learners["term_ends"]), as_of)
    by_term = (term_share * learners["grade_targets"]).fillna(0.0)
    if units.empty:
        return by_term.astype(float)
    planned = units.assign(share=units["targets"] * _unit_fraction(units["starts_on"], units["ends_on"], as_of))
    by_section = planned.groupby("section")["share"].sum()
    in_plan = planned.groupby("section")["targets"].sum()
    by_unit = learners["section"].map(by_section)
    unplanned = (learners["grade_targets"] - learners["section"].map(in_plan)).clip(lower=0)
    by_plan = by_unit + (unplanned * term_share).fillna(0.0)
    return by_plan.where(by_unit.notna(), by_term).astype(float)


def usage_by_learner(items: pd.DataFrame, attempts: pd.DataFrame) -> pd.DataFrame:
    """Per learner: activities finished, assessments handed in, and minutes of work.

    `items`: learner, kind, minutes (path items finished in the window; an assessment's item is left to its
    attempt). `attempts`: learner, started_at, submitted_at (handed in within the window). Minutes are the
    finished items' planned minutes plus each attempt's time, rounded up to whole minutes and capped at
    ATTEMPT_MINUTES_CAP. Returns a frame indexed by learner with activities, assessments, minutes (ints).
    """
    work = items[items["kind"] != "assessment"]
    from_items = work.groupby("learner").agg(activities=("kind", "size"), item_minutes=("minutes", "sum"))
    seconds = (attempts["submitted_at"] - attempts["started_at"]).dt.total_seconds()
    attempt_minutes = (-(-seconds // 60)).clip(lower=0, upper=ATTEMPT_MINUTES_CAP)
    from_attempts = (
        attempts.assign(attempt_minutes=attempt_minutes)
        .groupby("learner")
        .agg(assessments=("attempt_minutes", "size"), attempt_minutes=("attempt_minutes", "sum"))
    )
    usage = from_items.join(from_attempts, how="outer").fillna(0)
    usage["minutes"] = usage.pop("item_minutes") + usage.pop("attempt_minutes")
    return usage[["activities", "assessments", "minutes"]].astype(int)


def learner_measures(learners: pd.DataFrame) -> pd.DataFrame:
    """Each learner's standing: on track, the week's growth, and whether they used the platform.

    `learners` has proficient, expected, previous (proficient 7 days earlier, NA without a snapshot then),
    activities and assessments. On track means proficient on at least as many grade-level targets as the pace
    plan expects, rounded to the nearest whole target (half up). Adds on_track, growth (nullable Int64) and
    active.
    """
    measured = learners.copy()
    measured["on_track"] = measured["proficient"] >= np.floor(measured["expected"] + 0.5)
    measured["growth"] = (measured["proficient"] - measured["previous"]).astype("Int64")
    measured["active"] = (measured["activities"] + measured["assessments"]) > 0
    return measured


def group_rollup(learners: pd.DataFrame, placements: pd.DataFrame) -> pd.DataFrame:
    """A school's learners summed over everyone, each grade, section, teacher and subgroup (GROUP_COLUMNS).

    `learners`: one row per learner with grade, the subgroup flags and the measures of `learner_measures`.
    `placements`: learner, section, section_label, teacher, teacher_label; one row per (section, teacher) a
    learner is enrolled with, so a learner counts once in each of their sections and once for each teacher.
    Rows come everyone first, then grades, subgroups, sections and teachers, each in key order.
    """
    growth = learners["growth"]
    measures = pd.DataFrame(
        {
            "learner": learners["learner"],
            "learners": 1,
            "on_track": learners["on_track"].astype(int),
            "proficient": learners["proficient"],
            "expected": learners["expected"].astype(float),
            "growth_sum": growth.fillna(0).astype(int),
            "growth_learners": growth.notna().astype(int),
            "active": learners["active"].astype(int),
            "activities": learners["activities"],
            "assessments": learners["assessments"],
            "minutes": learners["minutes"],
        }
    )
    # One long frame of (learner, group) memberships, then a single groupby: a school has a few dozen groups, and
    # one pass costs far less than a groupby per dimension.
    parts = [pd.DataFrame({"learner": learners["learner"], "dimension": "all", "key": "all", "label": "Everyone"})]
    grades = learners[["learner", "grade"]].sort_values("grade", kind="stable")
    parts.append(
        pd.DataFrame(
            {
                "learner": grades["learner"],
                "dimension": "grade",
                "key": grades["grade"],
                "label": "Grade " + grades["grade"],
            }
        )
    )
    for key, (flag, label) in SUBGROUPS.items():
        members = learners.loc[learners[flag].astype(bool), "learner"]
        parts.append(pd.DataFrame({"learner": members, "dimension": "subgroup", "key": key, "label": label}))
    for dimension in ("section", "teacher"):
        pairs = placements[["learner", dimension, f"{dimension}_label"]].dropna(subset=[dimension])
        pairs = pairs.drop_duplicates(["learner", dimension]).sort_values(dimension, kind="stable")
        parts.append(
            pd.DataFrame(
                {
                    "learner": pairs["learner"],
                    "dimension": dimension,
                    "key": pairs[dimension].astype("int64").astype(str),
                    "label": pairs[f"{dimension}_label"],
                }
            )
        )
    memberships = pd.concat(parts, ignore_index=True)
    joined = memberships.merge(measures, on="learner", how="inner", sort=False)
    rollup = joined.groupby(["dimension", "key", "label"], sort=False, as_index=False)[GROUP_SUMS].sum()
    counts = [column for column in GROUP_SUMS if column != "expected"]
    rollup[counts] = rollup[counts].astype(int)
    rollup["expected"] = rollup["expected"].astype(float).round(3)
    return rollup[GROUP_COLUMNS].reset_index(drop=True)


def sum_groups(groups: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Add group rows up over `by` (a district's schools: by dimension, key and label)."""
    if groups.empty:
        return pd.DataFrame(columns=[*by, *GROUP_SUMS])
    return groups.groupby(by, as_index=False, sort=False)[GROUP_SUMS].sum()


def _ratio(part, whole, *, scale: float = 1.0, digits: int = 2) -> np.ndarray:
    """scale x part / whole, rounded; NaN where there is nobody to count (whole is 0)."""
    part, whole = np.asarray(part, dtype=float), np.asarray(whole, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.round(np.where(whole > 0, scale * part / whole, np.nan), digits)


def _share(part, whole) -> np.ndarray:
    """A percentage to one decimal; NaN where there is nobody to count."""
    return _ratio(part, whole, scale=100, digits=1)


def with_rates(groups: pd.DataFrame) -> pd.DataFrame:
    """Adds what the dashboards show per group: on_track_share (%), proficient_avg and expected_avg (targets per
    learner), growth_avg (targets gained per learner over the week, among those with a snapshot a week before),
    active_share (%), and activities, assessments and minutes per learner."""
    # Numpy on whole columns: a dashboard rates a dozen small frames, and pandas' per-operation overhead, not
    # the arithmetic, was most of its time.
    learners = groups["learners"].to_numpy(dtype=float)
    return groups.assign(
        on_track_share=_share(groups["on_track"], learners),
        proficient_avg=_ratio(groups["proficient"], learners),
        expected_avg=_ratio(groups["expected"], learners),
        growth_avg=_ratio(groups["growth_sum"], groups["growth_learners"]),
        active_share=_share(groups["active"], learners),
        activities_per_learner=_ratio(groups["activities"], learners, digits=1),
        assessments_per_learner=_ratio(groups["assessments"], learners, digits=1),
        minutes_per_learner=_ratio(groups["minutes"], learners, digits=1),
    )


GAP_MEASURES = ("on_track_share", "growth_avg", "active_share", "minutes_per_learner")


def subgroup_gaps(groups: pd.DataFrame) -> pd.DataFrame:
    """Each subgroup against everyone else: on-track share, growth, active share and minutes per learner for the
    group and the rest, and the gap (group minus rest; negative means the group is behind).

    `groups` holds one "all" row and the "subgroup" rows (sums). A subgroup with no learners gets a row of NA.
    """
    everyone = groups.loc[groups["dimension"] == "all", GROUP_SUMS].sum()
    subgroups = groups[groups["dimension"] == "subgroup"].set_index("key")[GROUP_SUMS]
    keys = list(SUBGROUPS)
    group = subgroups.reindex(keys, fill_value=0)
    group_rates, rest_rates = with_rates(group), with_rates(group.rsub(everyone, axis=1))
    gaps = pd.DataFrame({"key": keys, "label": [SUBGROUPS[key][1] for key in keys]})
    for measure in ("learners", *GAP_MEASURES):
        gaps[measure] = group_rates[measure].to_numpy()
        gaps[f"rest_{measure}"] = rest_rates[measure].to_numpy()
    for measure in GAP_MEASURES:
        gaps[f"{measure}_gap"] = np.round(group_rates[measure].to_numpy() - rest_rates[measure].to_numpy(), 2)
    return gaps


def weekly_trend(history: pd.DataFrame) -> pd.DataFrame:
    """The "all" rows of successive snapshots (as_of plus GROUP_SUMS), oldest first, with their rates, and
    expected_gain: how many more targets per learner the pace plan expected than a week before (NaN without the
    week before), to set beside growth_avg."""
    trend = with_rates(history.sort_values("as_of").reset_index(drop=True))
    # as_of: dates, or day numbers as elsewhere in this module
    days = np.array([day.toordinal() if hasattr(day, "toordinal") else day for day in trend["as_of"]], dtype=float)
    gap = np.diff(days, prepend=np.nan)
    gain = np.diff(trend["expected_avg"].to_numpy(dtype=float), prepend=np.nan)
    trend["expected_gain"] = np.where(gap == 7, np.round(gain, 2), np.nan)
    return trend


def later_targets(targets: list, edges: pd.DataFrame) -> pd.Series:
    """For each target, how many targets build on it directly or through others (its descendants).

    `edges`: target, prerequisite (the target needs the prerequisite). Returns an int Series indexed by target.
    """
    unlocks: dict = {}
    for prerequisite, target in zip(edges["prerequisite"], edges["target"]):
        unlocks.setdefault(prerequisite, set()).add(target)
    descendants: dict = {}

    def below(node) -> set:
        # Depth-first with memory: each target's descendants are found once, however many paths lead to it.
        if node not in descendants:
            descendants[node] = set()
            found = set()
            for child in unlocks.get(node, ()):
                found.add(child)
                found |= below(child)
            descendants[node] = found
        return descendants[node]

    return pd.Series([len(below(target)) for target in targets], index=targets, dtype=int)


def standards_report(targets: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """Per target: cohort, assessed, proficient, the share proficient of those assessed, the learners assessed and
    not yet proficient ("blocked"), how many later targets build on it, and the bottleneck score (blocked
    learners times later targets: the later learning its non-mastery holds up).

    `targets`: target, code, grade, text and the sums cohort, assessed, proficient. `edges`: target,
    prerequisite. Sorted by grade then code.
    """
    report = targets.copy()
    report["proficient_share"] = _share(report["proficient"], report["assessed"])
    report["blocked"] = report["assessed"] - report["proficient"]
    report["later_targets"] = later_targets(list(report["target"]), edges).to_numpy()
    report["bottleneck"] = report["blocked"] * report["later_targets"]
    report["grade_rank"] = report["grade"].map({grade: rank for rank, grade in enumerate(GRADE_ORDER)})
    report = report.sort_values(["grade_rank", "code"], kind="stable").drop(columns="grade_rank")
    return report.reset_index(drop=True)


def hardest_targets(report: pd.DataFrame, *, min_assessed: int = 5, limit: int = 10) -> pd.DataFrame:
    """The targets with the lowest share proficient among those assessed on at least `min_assessed` learners
    (fewer answers say little); ties go to the one with more learners assessed, then by code."""
    enough = report[report["assessed"] >= min_assessed]
    ordered = enough.sort_values(["proficient_share", "assessed", "code"], ascending=[True, False, True])
    return ordered.head(limit).reset_index(drop=True)


def bottlenecks(report: pd.DataFrame, *, limit: int = 10) -> pd.DataFrame:
    """The targets whose non-mastery holds up the most later learning: highest bottleneck score first, leaving
    out targets nothing builds on or nobody is blocked on."""
    blocking = report[report["bottleneck"] > 0]
    ordered = blocking.sort_values(["bottleneck", "blocked", "code"], ascending=[False, False, True])
    return ordered.head(limit).reset_index(drop=True)
