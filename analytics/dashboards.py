"""What each admin dashboard shows, assembled from the snapshots: headline figures, charts and their tables.

District > school > section > student: each level reads the snapshot rows of its scope (selectors), turns sums
into rates and gaps (transforms), and lays them out as `Table`s, whose CSV is the same table cell for cell.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pandas as pd
from django.urls import reverse

from analytics import selectors, transforms
from analytics.tables import Table, cell_text
from learning_platform.charts import bar_chart
from learning_platform.permissions import roles_of

GROUP_MEASURES = {
    "learners": "Learners",
    "on_track_share": "On track (%)",
    "proficient_avg": "Grade-level targets proficient (avg)",
    "expected_avg": "Expected by now (avg)",
    "growth_avg": "Growth this week (targets per learner)",
    "active_share": "Active this week (%)",
    "activities": "Activities done",
    "assessments": "Assessments handed in",
    "minutes_per_learner": "Minutes per learner",
}
GAP_COLUMNS = {
    "label": "Subgroup",
    "learners": "Learners",
    "rest_learners": "Everyone else",
    "on_track_share": "On track (%)",
    "rest_on_track_share": "Everyone else on track (%)",
    "on_track_share_gap": "On-track gap (points)",
    "growth_avg": "Growth (targets per learner)",
    "rest_growth_avg": "Everyone else's growth",
    "growth_avg_gap": "Growth gap",
    "active_share": "Active (%)",
    "rest_active_share": "Everyone else active (%)",
    "active_share_gap": "Active gap (points)",
    "minutes_per_learner": "Minutes per learner",
    "rest_minutes_per_learner": "Everyone else's minutes",
    "minutes_per_learner_gap": "Minutes gap",
}
TREND_COLUMNS = {
    "week": "Week ending",
    "learners": "Learners",
    "on_track_share": "On track (%)",
    "proficient_avg": "Grade-level targets proficient (avg)",
    "expected_avg": "Expected by then (avg)",
    "growth_avg": "Growth that week (targets per learner)",
    "expected_gain": "Growth the pace plan expected",
    "active_share": "Active that week (%)",
    "minutes_per_learner": "Minutes per learner",
}
STUDENT_COLUMNS = {
    "name": "Student",
    "grade": "Grade",
    "subgroups": "Subgroups",
    "proficient": "Grade-level targets proficient",
    "grade_targets": "Of grade-level targets",
    "expected": "Expected by now",
    "on_track": "On track",
    "growth": "Growth this week",
    "activities": "Activities done",
    "assessments": "Assessments handed in",
    "minutes": "Minutes",
}
HISTORY_COLUMNS = {
    "week": "Week ending",
    "proficient": "Grade-level targets proficient",
    "expected": "Expected by then",
    "on_track": "On track",
    "growth": "Growth that week",
    "activities": "Activities done",
    "assessments": "Assessments handed in",
    "minutes": "Minutes",
}
STANDARD_COLUMNS = {
    "code": "Target",
    "grade": "Grade",
    "text": "Standard",
    "cohort": "Learners in its grade",
    "assessed": "Learners assessed",
    "proficient": "Proficient",
    "proficient_share": "Proficient of assessed (%)",
}
BOTTLENECK_COLUMNS = {
    "code": "Target",
    "grade": "Grade",
    "text": "Standard",
    "blocked": "Learners assessed, not yet proficient",
    "later_targets": "Later targets that build on it",
    "bottleneck": "Bottleneck score (learners x later targets)",
}
# The district page lists this many sections and teachers, those with the fewest on track first; the school
# pages have them all.
DISTRICT_LIST_LIMIT = 20


@dataclass
class Dashboard:
    title: str
    as_of: datetime.date | None
    crumbs: list[tuple[str, str]]
    headline: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    status: dict | None = None
    refresh_url: str = ""
    status_url: str = ""
    standards_url: str = ""
    profile_url: str = ""
    audit_url: str = ""


def _records(frame: pd.DataFrame) -> list[dict]:
    """Frame rows as dicts with None for missing values (pandas' NA and NaN survive neither templates nor csv)."""
    return [{key: None if _missing(value) else value for key, value in row.items()} for row in frame.to_dict("records")]


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _per_learner(targets) -> str:
    """ "1 target per learner", "0.5 targets per learner"; nothing to say without a week before to compare."""
    if targets is None or _missing(targets):
        return "no week before to compare"
    return f"{cell_text(targets)} target{'' if targets == 1 else 's'} per learner"


def _headline(everyone: dict | None) -> list[tuple[str, str]]:
    if everyone is None:
        return []
    figures = [
        ("Learners", everyone["learners"]),
        ("On track", f"{cell_text(everyone['on_track_share'])}%"),
        ("Growth this week", _per_learner(everyone["growth_avg"])),
        ("Active this week", f"{cell_text(everyone['active'])} ({cell_text(everyone['active_share'])}%)"),
        ("Activities done", everyone["activities"]),
        ("Assessments handed in", everyone["assessments"]),
        ("Minutes of work", everyone["minutes"]),
    ]
    return [(label, cell_text(value)) for label, value in figures]


def _group_table(name: str, heading: str, caption: str, rows: list[dict], *, urls=None, note: str = "") -> Table:
    if urls:
        for row in rows:
            row["url"] = urls(row)
    return Table(name=name, caption=caption, columns={"label": heading, **GROUP_MEASURES}, rows=rows, note=note)


def _rated_parts(parts: dict[str, pd.DataFrame]) -> dict[str, list[dict]]:
    """Rates for several frames of group sums at once (one pandas pass, not one per table), as rows per part."""
    named = [frame.assign(part=name) for name, frame in parts.items() if len(frame)]
    split: dict[str, list[dict]] = {name: [] for name in parts}
    if named:
        for row in _records(transforms.with_rates(pd.concat(named, ignore_index=True))):
            split[row["part"]].append(row)
    return split


def _weekly_chart(chart_id: str, caption: str, rows: list[dict], column: str, *, value_max: float = 0) -> dict:
    """A bar per week (its `as_of`) of one column of the rows, for a table's `charts`."""
    bars = [(row["as_of"].strftime("%b %-d"), row[column]) for row in rows]
    return {"id": chart_id, "caption": caption, "geometry": bar_chart(bars, value_max=value_max)}


def _trend_tables(trend: pd.DataFrame, scope: str) -> list[Table]:
    rows = _records(trend.assign(week=trend["as_of"].map(lambda day: day.isoformat())) if len(trend) else trend)
    on_track = Table(
        name="weeks",
        caption=f"{scope}: learners on track, week by week",
        columns=TREND_COLUMNS,
        rows=rows,
        empty="No snapshots yet.",
    )
    on_track.charts = [
        _weekly_chart(
            "chart-on-track",
            "Share of learners on track each week (%); the table below has the numbers.",
            rows,
            "on_track_share",
            value_max=100,
        ),
        _weekly_chart(
            "chart-growth",
            "Grade-level targets gained per learner each week; the same table has them.",
            rows,
            "growth_avg",
        ),
    ]
    return [on_track]


def _gap_table(groups: pd.DataFrame, scope: str) -> Table:
    gaps = _records(transforms.subgroup_gaps(groups))
    table = Table(
        name="subgroups",
        caption=f"{scope}: each subgroup against everyone else (a negative gap: the group is behind)",
        columns=GAP_COLUMNS,
        rows=gaps,
    )
    bars = []
    for row in gaps:
        bars += [(row["label"], row["on_track_share"]), ("Everyone else", row["rest_on_track_share"])]
    table.charts = [
        {
            "id": "chart-gaps",
            "geometry": bar_chart(bars, value_max=100, width=560),
            "caption": "On track (%) in each subgroup, each beside everyone else; the table below has the gaps.",
        }
    ]
    return table


GRADE_RANK = {grade: rank for rank, grade in enumerate(transforms.GRADE_ORDER)}


def _by_grade(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: GRADE_RANK.get(row["key"], len(GRADE_RANK)))


def district_dashboard(district) -> Dashboard:
    schools = list(district.schools.order_by("name"))
    school_ids = [school.pk for school in schools]
    as_of = selectors.latest_snapshot_date(school_ids)
    board = Dashboard(
        title=f"{district.name}: district dashboard",
        as_of=as_of,
        crumbs=[(district.name, "")],
        status=selectors.snapshot_status(school_ids),
        refresh_url=reverse("analytics-district-refresh", args=[district.pk]),
        status_url=reverse("analytics-district-status", args=[district.pk]),
        standards_url=reverse("analytics-district-standards", args=[district.pk]),
        audit_url=reverse("analytics-district-audit", args=[district.pk]),
    )
    if as_of is None:
        return board
    summed = selectors.group_sums(school_ids, as_of, ["all", "grade", "subgroup"])
    names = {school.pk: school.name for school in schools}
    # Every school of the district has a row, one without learners (or without a snapshot yet) a row of zeros.
    by_school = selectors.group_rows(school_ids, as_of, ["all"]).set_index("school")[transforms.GROUP_SUMS]
    by_school = by_school.reindex(school_ids, fill_value=0).rename_axis("school").reset_index()
    fewest = {
        dimension: selectors.groups_fewest_on_track(school_ids, as_of, dimension, DISTRICT_LIST_LIMIT)
        for dimension in ("section", "teacher")
    }
    rated = _rated_parts(
        {
            "all": summed[summed["dimension"] == "all"],
            "grade": summed[summed["dimension"] == "grade"],
            "schools": by_school.assign(label=by_school["school"].map(names)),
            **fewest,
        }
    )
    board.headline = _headline(rated["all"][0] if rated["all"] else None)
    board.tables += _trend_tables(selectors.group_trend(school_ids, as_of), district.name)
    board.tables.append(_gap_table(summed, district.name))
    board.tables.append(
        _group_table(
            "schools",
            "School",
            "By school",
            sorted(rated["schools"], key=lambda row: row["label"]),
            urls=lambda row: reverse("analytics-school", args=[int(row["school"])]),
        )
    )
    board.tables.append(_group_table("grades", "Grade", "By grade", _by_grade(rated["grade"])))
    for dimension, name, heading in (("section", "sections", "Section"), ("teacher", "teachers", "Teacher")):
        rows = rated[dimension]
        for row in rows:
            row["label"] = f"{row['label']} ({names[int(row['school'])]})"
        urls = (lambda row: reverse("analytics-section", args=[row["key"]])) if dimension == "section" else None
        board.tables.append(
            _group_table(
                name,
                heading,
                f"{heading}s with the fewest learners on track",
                rows,
                urls=urls,
                note=f"The {DISTRICT_LIST_LIMIT} with the lowest share on track; each school's page lists all of them.",
            )
        )
    return board


def school_dashboard(school, *, user) -> Dashboard:
    as_of = selectors.latest_snapshot_date([school.pk])
    board = Dashboard(
        title=f"{school.name}: school dashboard",
        as_of=as_of,
        crumbs=school_crumbs(user, school, link_school=False),
        status=selectors.snapshot_status([school.pk]),
        refresh_url=reverse("analytics-school-refresh", args=[school.pk]),
        status_url=reverse("analytics-school-status", args=[school.pk]),
        standards_url=reverse("analytics-school-standards", args=[school.pk]),
        audit_url=reverse("analytics-school-audit", args=[school.pk]),
    )
    if as_of is None:
        return board
    rows = selectors.group_rows([school.pk], as_of, ["all", "grade", "subgroup", "section", "teacher"])
    rated = _rated_parts(
        {dimension: rows[rows["dimension"] == dimension] for dimension in ("all", "grade", "section", "teacher")}
    )
    board.headline = _headline(rated["all"][0] if rated["all"] else None)
    board.tables += _trend_tables(selectors.group_trend([school.pk], as_of), school.name)
    board.tables.append(_gap_table(rows, school.name))
    board.tables.append(_group_table("grades", "Grade", "By grade", _by_grade(rated["grade"])))
    board.tables.append(
        _group_table(
            "sections",
            "Section",
            "By section",
            sorted(rated["section"], key=lambda row: row["label"]),
            urls=lambda row: reverse("analytics-section", args=[row["key"]]),
        )
    )
    board.tables.append(
        _group_table("teachers", "Teacher", "By teacher", sorted(rated["teacher"], key=lambda row: row["label"]))
    )
    return board


def school_crumbs(user, school, *, link_school: bool = True) -> list[tuple[str, str]]:
    """District > school, linked where the user may open them (a school admin has no district dashboard)."""
    runs_district = user.is_superuser or school.district_id in roles_of(user).district_admin_of
    district_url = reverse("analytics-district", args=[school.district_id]) if runs_district else ""
    school_url = reverse("analytics-school", args=[school.pk]) if link_school else ""
    return [(school.district.name, district_url), (school.name, school_url)]


def _subgroups(row) -> str:
    return ", ".join(
        label
        for flag, label in (("has_iep", "IEP"), ("has_504", "504"), ("english_learner", "EL"))
        if getattr(row, flag)
    )


def section_dashboard(section, *, user) -> Dashboard:
    school = section.school
    as_of = selectors.latest_snapshot_date([school.pk])
    board = Dashboard(
        title=f"{section.name}: section dashboard",
        as_of=as_of,
        crumbs=[*school_crumbs(user, school), (section.name, "")],
        status=selectors.snapshot_status([school.pk]),
    )
    if as_of is None:
        return board
    learner_ids = section.enrollments.active().values("student_id")
    snapshots = selectors.learner_rows(learner_ids, as_of)
    students = [
        {
            "name": str(snapshot.learner),
            "url": reverse("analytics-student", args=[snapshot.learner_id]),
            "grade": snapshot.grade,
            "subgroups": _subgroups(snapshot),
            "proficient": snapshot.proficient,
            "grade_targets": snapshot.grade_targets,
            "expected": round(snapshot.expected, 1),
            "on_track": snapshot.on_track,
            "growth": snapshot.growth,
            "activities": snapshot.activities,
            "assessments": snapshot.assessments,
            "minutes": snapshot.minutes,
        }
        for snapshot in snapshots
    ]
    trend = selectors.group_trend([school.pk], as_of, dimension="section", key=str(section.pk))
    latest = [row for row in _records(trend) if row["as_of"] == as_of]
    board.headline = _headline(latest[0] if latest else None)
    board.tables += _trend_tables(trend, section.name)
    board.tables.append(
        Table(
            name="students",
            caption=f"{section.name}: each student as of {as_of:%B %-d}",
            columns=STUDENT_COLUMNS,
            rows=students,
            empty="No students in this section had a snapshot on this date.",
        )
    )
    return board


def student_dashboard(profile, *, user) -> Dashboard:
    school = profile.school
    as_of = selectors.latest_snapshot_date([school.pk])
    board = Dashboard(
        title=f"{profile.user}: progress",
        as_of=as_of,
        crumbs=[*school_crumbs(user, school), (str(profile.user), "")],
        profile_url=reverse("teach-learner", args=[profile.user_id]),
        status=selectors.snapshot_status([school.pk]),
    )
    section = (
        profile.user.enrollments.active()
        .filter(section__school=school)
        .select_related("section")
        .order_by("section_id")
        .first()
    )
    if section:
        board.crumbs.insert(2, (section.section.name, reverse("analytics-section", args=[section.section_id])))
    if as_of is None:
        return board
    history = selectors.learner_history(profile.user_id, as_of)
    rows = [
        {
            "week": snapshot.as_of.isoformat(),
            "as_of": snapshot.as_of,
            "proficient": snapshot.proficient,
            "expected": round(snapshot.expected, 1),
            "on_track": snapshot.on_track,
            "growth": snapshot.growth,
            "activities": snapshot.activities,
            "assessments": snapshot.assessments,
            "minutes": snapshot.minutes,
        }
        for snapshot in history
    ]
    latest = history[-1] if history and history[-1].as_of == as_of else None
    if latest:
        board.headline = [
            ("Grade-level targets proficient", f"{latest.proficient} of {latest.grade_targets}"),
            ("Expected by now", f"{latest.expected:.1f}"),
            ("On track", "yes" if latest.on_track else "no"),
            ("Growth this week", "" if latest.growth is None else str(latest.growth)),
            ("Minutes this week", str(latest.minutes)),
        ]
    table = Table(
        name="weeks",
        caption=f"{profile.user}, week by week",
        columns=HISTORY_COLUMNS,
        rows=rows,
        empty="No snapshots of this student yet.",
    )
    table.charts = [
        _weekly_chart(
            "chart-proficient",
            "Grade-level targets proficient each week; the table below has them.",
            rows,
            "proficient",
        )
    ]
    board.tables.append(table)
    return board


def standards_report(*, title: str, crumbs, school_ids, grade: str = "") -> Dashboard:
    """Per target: how many are proficient; the hardest targets; the prerequisite bottlenecks."""
    as_of = selectors.latest_snapshot_date(school_ids)
    board = Dashboard(title=title, as_of=as_of, crumbs=crumbs, status=selectors.snapshot_status(school_ids))
    if as_of is None:
        return board
    counts, edges = selectors.target_rows(school_ids, as_of)
    report = transforms.standards_report(counts, edges)
    shown = report[report["grade"] == grade] if grade else report
    hardest = _records(transforms.hardest_targets(shown))
    table = Table(
        name="hardest",
        caption="The hardest targets: lowest share proficient among learners assessed (at least 5)",
        columns=STANDARD_COLUMNS,
        rows=hardest,
        empty="No target has been assessed on 5 learners yet.",
    )
    table.charts = [
        {
            "id": "chart-hardest",
            "caption": "Proficient of assessed (%) on the hardest targets; the table below has them.",
            "geometry": bar_chart(
                [(row["code"], row["proficient_share"]) for row in hardest], value_max=100, width=640
            ),
        }
    ]
    board.tables.append(table)
    board.tables.append(
        Table(
            name="bottlenecks",
            columns=BOTTLENECK_COLUMNS,
            rows=_records(transforms.bottlenecks(shown)),
            caption="Prerequisite bottlenecks: targets whose non-mastery holds up the most later learning",
            empty="No learner is blocked on a target that later targets build on.",
        )
    )
    board.tables.append(
        Table(
            name="targets",
            caption="Every target: learners proficient",
            columns=STANDARD_COLUMNS,
            rows=_records(shown),
            empty="No targets for this grade.",
        )
    )
    return board
