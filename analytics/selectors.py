"""Reads behind the admin reports, scoped to the user who asks; one bulk query, then pandas."""

from __future__ import annotations

import datetime

import pandas as pd
from django.db.models import Case, Count, ExpressionWrapper, F, FloatField, Max, Q, Sum, When
from django.http import Http404

from analytics import transforms
from analytics.models import GroupSnapshot, LearnerSnapshot, SnapshotRun, TargetSnapshot
from analytics.transforms import ROSTER_COLUMNS, roster_overview
from assessments.models import Attempt, LearningTarget, Prerequisite
from learners.models import LearnerProfile, MasteryLevel, MasteryState
from learning_platform.calendar import school_zone
from learning_platform.models import AcademicTerm, District, Enrollment, School, Section, User
from learning_platform.permissions import admin_of_school_q, get_for_user, visible
from playlists.models import PlaylistItem, UnitPlan

# Usage (active learners, work done, minutes) counts the 7 days ending on the snapshot's date.
USAGE_DAYS = 7


def roster_overview_for_user(*, user) -> pd.DataFrame:
    """The roster overview of every learner the user may see (an admin: their school or district)."""
    rows = visible(user, LearnerProfile).values_list(
        "school__name",
        "grade",
        "has_iep",
        "has_504",
        "english_learner",
        "extended_time_factor",
        "daily_minutes_budget",
    )
    students = pd.DataFrame.from_records(list(rows), columns=ROSTER_COLUMNS)
    students["extended_time"] = students["extended_time"].astype(float) > 1
    return roster_overview(students)


# ---------------------------------------------------------------------------------------------------------
# What the snapshot job reads: bulk queries into frames, a fixed number per batch however many learners.


def _day_window(school: School, as_of: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The 7 local days ending on `as_of`, as [start, end) moments."""
    zone = school_zone(school)
    first = as_of - datetime.timedelta(days=USAGE_DAYS - 1)
    end = as_of + datetime.timedelta(days=1)
    return (
        datetime.datetime.combine(first, datetime.time.min, tzinfo=zone),
        datetime.datetime.combine(end, datetime.time.min, tzinfo=zone),
    )


def _frame(rows, columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(list(rows), columns=columns)


def grade_target_counts() -> dict[str, int]:
    """How many learning targets each grade has (across frameworks): the standards the mastery grid shows, not
    their lettered parts, so that "proficient on N of M" counts the grid's cells."""
    return dict(
        LearningTarget.objects.filter(parent__isnull=True)
        .values("grade")
        .annotate(count=Count("pk"))
        .values_list("grade", "count")
    )


def current_term(school: School, as_of: datetime.date) -> AcademicTerm | None:
    """The school's term on `as_of`; else the last one begun before it."""
    return school.terms.filter(starts_on__lte=as_of).order_by("-starts_on").first()


def _between(field: str, first: int, last: int) -> dict:
    # Related-id fields take no __range lookup; gte and lte make the same BETWEEN.
    return {f"{field}__gte": first, f"{field}__lte": last}


def snapshot_learner_inputs(*, school: School, as_of: datetime.date, first: int, last: int) -> pd.DataFrame:
    """One row per learner of `school` with an id from `first` to `last` (a batch), with everything
    `transforms.learner_measures` needs: grade, subgroup flags, grade_targets, proficient, expected, previous,
    activities, assessments, minutes. Nine queries, however many learners.

    Rows are picked by school and id range rather than by a list of ids: a list of thousands of ids costs more to
    send than the rows it picks.
    """
    in_batch = {**_between("learner_id", first, last), "learner__learner_profile__school": school}
    learners = _frame(
        LearnerProfile.objects.filter(school=school, pk__gte=first, pk__lte=last)
        .order_by("user_id")
        .values_list("user_id", "grade", "has_iep", "has_504", "english_learner"),
        ["learner", "grade", "has_iep", "has_504", "english_learner"],
    )
    learners["grade_targets"] = learners["grade"].map(grade_target_counts()).fillna(0).astype(int)
    proficient = dict(
        MasteryState.objects.filter(
            **in_batch,
            level__in=transforms.PROFICIENT_LEVELS,
            target__grade=F("learner__learner_profile__grade"),
            target__parent__isnull=True,
        )
        .values("learner_id")
        .annotate(count=Count("pk"))
        .values_list("learner_id", "count")
    )
    learners["proficient"] = learners["learner"].map(proficient).fillna(0).astype(int)
    previous = dict(
        LearnerSnapshot.objects.filter(
            school=school, as_of=as_of - datetime.timedelta(days=7), **_between("learner_id", first, last)
        ).values_list("learner_id", "proficient")
    )
    learners["previous"] = learners["learner"].map(previous).astype("Int64")

    # The pace plan: the learner's section (a math one first) with its term and units, else the school's term.
    enrollments = _frame(
        Enrollment.objects.active()
        .filter(**_between("student_id", first, last), section__school=school)
        .order_by("student_id", Case(When(section__subject=Section.Subject.MATH, then=0), default=1), "section_id")
        .values_list("student_id", "section_id", "section__term__starts_on", "section__term__ends_on"),
        ["learner", "section", "term_starts", "term_ends"],
    ).drop_duplicates("learner")
    learners = learners.merge(enrollments, on="learner", how="left")
    term = current_term(school, as_of)
    for column, fallback in (("term_starts", term and term.starts_on), ("term_ends", term and term.ends_on)):
        days = learners[column].map(lambda day: day.toordinal() if isinstance(day, datetime.date) else pd.NA)
        learners[column] = days.fillna(fallback.toordinal() if fallback else pd.NA)
    units = _frame(
        UnitPlan.objects.filter(section__school=school, section__in=set(enrollments["section"]))
        .annotate(
            grade_targets=Count("targets", filter=Q(targets__grade=F("section__grade"), targets__parent__isnull=True))
        )
        .values_list("section_id", "starts_on", "ends_on", "grade_targets"),
        ["section", "starts_on", "ends_on", "targets"],
    )
    units["starts_on"] = units["starts_on"].map(datetime.date.toordinal)
    units["ends_on"] = units["ends_on"].map(datetime.date.toordinal)
    learners["expected"] = transforms.expected_by_pace(learners, units, as_of.toordinal())

    start, end = _day_window(school, as_of)
    items = _frame(
        PlaylistItem.objects.filter(
            **_between("playlist__learner_id", first, last),
            playlist__learner__learner_profile__school=school,
            playlist__school_day__range=(
                as_of - datetime.timedelta(days=USAGE_DAYS),
                as_of + datetime.timedelta(days=1),
            ),
            completed_at__gte=start,
            completed_at__lt=end,
        ).values_list("playlist__learner_id", "kind", "minutes"),
        ["learner", "kind", "minutes"],
    )
    attempts = _frame(
        Attempt.objects.filter(**in_batch, submitted_at__gte=start, submitted_at__lt=end).values_list(
            "learner_id", "started_at", "submitted_at"
        ),
        ["learner", "started_at", "submitted_at"],
    )
    for column in ("started_at", "submitted_at"):
        attempts[column] = pd.to_datetime(attempts[column], utc=True)
    usage = transforms.usage_by_learner(items, attempts)
    learners = learners.join(usage, on="learner")
    learners[["activities", "assessments", "minutes"]] = learners[["activities", "assessments", "minutes"]].fillna(0)
    return learners.astype({"activities": int, "assessments": int, "minutes": int})


SNAPSHOT_FIELDS = [
    "learner_id",
    "grade",
    "has_iep",
    "has_504",
    "english_learner",
    "grade_targets",
    "proficient",
    "expected",
    "on_track",
    "growth",
    "activities",
    "assessments",
    "minutes",
    "active",
]


def snapshot_learners(*, school: School, as_of: datetime.date) -> pd.DataFrame:
    """The learner rows of a school's snapshot (columns as in SNAPSHOT_FIELDS, `learner_id` as `learner`)."""
    frame = _frame(
        LearnerSnapshot.objects.filter(school=school, as_of=as_of).values_list(*SNAPSHOT_FIELDS), SNAPSHOT_FIELDS
    )
    frame["growth"] = frame["growth"].astype("Int64")
    return frame.rename(columns={"learner_id": "learner"})


def snapshot_placements(*, school: School) -> pd.DataFrame:
    """learner, section, section_label, teacher, teacher_label for every active enrollment at the school (a
    section with no teacher gives one row with no teacher)."""
    teachers = {
        user.pk: str(user)
        for user in User.objects.filter(taught_sections__school=school)
        .distinct()
        .only("display_name", "first_name", "last_name", "username")
    }
    placements = _frame(
        Enrollment.objects.active()
        .filter(section__school=school)
        .values_list("student_id", "section_id", "section__name", "section__teachers"),
        ["learner", "section", "section_label", "teacher"],
    )
    placements["teacher"] = placements["teacher"].astype("Int64")
    placements["teacher_label"] = placements["teacher"].map(teachers)
    return placements


def snapshot_target_counts(*, school: School, learners: pd.DataFrame) -> pd.DataFrame:
    """target, cohort, assessed, proficient for each target that a school's learner is in the grade of or has
    been assessed on; `learners` is the snapshot's learner frame (for the cohorts)."""
    counts = _frame(
        MasteryState.objects.filter(learner__learner_profile__school=school)
        .exclude(level=MasteryLevel.NOT_STARTED)
        .values("target_id")
        .annotate(assessed=Count("pk"), proficient=Count("pk", filter=Q(level__in=transforms.PROFICIENT_LEVELS)))
        .values_list("target_id", "assessed", "proficient"),
        ["target", "assessed", "proficient"],
    )
    targets = _frame(LearningTarget.objects.values_list("pk", "grade"), ["target", "grade"])
    cohorts = learners.groupby("grade").size() if not learners.empty else pd.Series(dtype=int)
    targets["cohort"] = targets["grade"].map(cohorts).fillna(0).astype(int)
    merged = targets.merge(counts, on="target", how="left").fillna({"assessed": 0, "proficient": 0})
    merged = merged[(merged["cohort"] > 0) | (merged["assessed"] > 0)]
    return merged.astype({"assessed": int, "proficient": int})[["target", "cohort", "assessed", "proficient"]]


# ---------------------------------------------------------------------------------------------------------
# What the dashboards read: snapshots only, scoped to the admin who asks (anything else is 404).

TREND_WEEKS = 8


def _admin_q(user, school_path: str) -> Q:
    return Q() if user.is_superuser else admin_of_school_q(user, school_path)


def district_for_admin(*, user, district_id) -> District:
    """The district if the user is its district admin (404 otherwise)."""
    return get_for_user(user, District, district_id, "change")


def school_for_admin(*, user, school_id) -> School:
    """The school if the user runs it or its district (404 otherwise)."""
    return get_for_user(user, School.objects.select_related("district"), school_id, "change")


def section_for_admin(*, user, section_id) -> Section:
    """The section if the user runs its school or district; its teachers get 404 here (they have /teach/)."""
    sections = Section.objects.select_related("school__district", "term").filter(_admin_q(user, "school"))
    try:
        return sections.get(pk=section_id)
    except (Section.DoesNotExist, ValueError, TypeError):
        raise Http404("Not found") from None


def learner_for_admin(*, user, learner_id) -> LearnerProfile:
    """The learner's profile if the user runs their school or district (404 otherwise)."""
    profiles = LearnerProfile.objects.select_related("user", "school__district").filter(_admin_q(user, "school"))
    try:
        return profiles.get(user_id=learner_id)
    except (LearnerProfile.DoesNotExist, ValueError, TypeError):
        raise Http404("Not found") from None


def latest_snapshot_date(school_ids) -> datetime.date | None:
    """The newest date with a finished snapshot at any of these schools."""
    return SnapshotRun.objects.filter(school_id__in=school_ids, finished_at__isnull=False).aggregate(
        latest=Max("as_of")
    )["latest"]


def snapshot_status(school_ids) -> dict:
    """Whether a snapshot is being taken at these schools, and how far along it is (batches done of all)."""
    running = SnapshotRun.objects.filter(school_id__in=school_ids, finished_at__isnull=True).aggregate(
        run_count=Count("pk", distinct=True),
        batch_count=Count("batches"),
        done_count=Count("batches", filter=Q(batches__done_at__isnull=False)),
    )
    finished = SnapshotRun.objects.filter(school_id__in=school_ids, finished_at__isnull=False).aggregate(
        as_of=Max("as_of"), finished_at=Max("finished_at")
    )
    return {
        "running": bool(running["run_count"]),
        "batches": running["batch_count"],
        "done": running["done_count"],
        "as_of": finished["as_of"],
        "finished_at": finished["finished_at"],
    }


_SUMS = {column: Sum(column) for column in transforms.GROUP_SUMS}


def group_rows(school_ids, as_of: datetime.date, dimensions: list[str]) -> pd.DataFrame:
    """The group rows of these schools' snapshots of `as_of` (school, dimension, key, label and the sums)."""
    columns = ["school", "dimension", "key", "label", *transforms.GROUP_SUMS]
    rows = GroupSnapshot.objects.filter(school_id__in=school_ids, as_of=as_of, dimension__in=dimensions).values_list(
        "school_id", "dimension", "key", "label", *transforms.GROUP_SUMS
    )
    return _frame(rows, columns)


def group_sums(school_ids, as_of: datetime.date, dimensions: list[str]) -> pd.DataFrame:
    """These schools' group rows of `as_of` added up across the schools, per dimension, key and label (the
    database adds them: a district's schools have thousands of rows, the sums a dozen)."""
    rows = (
        GroupSnapshot.objects.filter(school_id__in=school_ids, as_of=as_of, dimension__in=dimensions)
        .values("dimension", "key", "label")
        .annotate(**{f"{column}_total": total for column, total in _SUMS.items()})
        .order_by("dimension", "key")
        .values_list("dimension", "key", "label", *(f"{column}_total" for column in transforms.GROUP_SUMS))
    )
    return _frame(rows, ["dimension", "key", "label", *transforms.GROUP_SUMS])


def groups_fewest_on_track(school_ids, as_of: datetime.date, dimension: str, limit: int) -> pd.DataFrame:
    """The `limit` groups of a dimension (sections, teachers) with the lowest share on track at these schools; the
    database sorts and cuts, so the page reads `limit` rows, not thousands."""
    share = ExpressionWrapper(F("on_track") * 1.0 / F("learners"), output_field=FloatField())
    rows = (
        GroupSnapshot.objects.filter(school_id__in=school_ids, as_of=as_of, dimension=dimension, learners__gt=0)
        .annotate(share=share)
        .order_by("share", "label", "pk")[:limit]
        .values_list("school_id", "key", "label", *transforms.GROUP_SUMS)
    )
    return _frame(rows, ["school", "key", "label", *transforms.GROUP_SUMS])


def group_trend(school_ids, as_of: datetime.date, *, dimension: str = "all", key: str = "all") -> pd.DataFrame:
    """One group's sums on `as_of` and each of the TREND_WEEKS - 1 weeks before (same weekday), oldest first."""
    dates = [as_of - datetime.timedelta(weeks=weeks) for weeks in range(TREND_WEEKS)]
    rows = (
        GroupSnapshot.objects.filter(school_id__in=school_ids, as_of__in=dates, dimension=dimension, key=key)
        .values("as_of")
        .annotate(**{f"{column}_total": total for column, total in _SUMS.items()})
        .order_by("as_of")
        .values_list("as_of", *(f"{column}_total" for column in transforms.GROUP_SUMS))
    )
    return transforms.weekly_trend(_frame(rows, ["as_of", *transforms.GROUP_SUMS]))


def learner_rows(learner_ids, as_of: datetime.date) -> list[dict]:
    """The snapshot rows of these learners on `as_of`, with names, in name order."""
    return list(
        LearnerSnapshot.objects.filter(learner_id__in=learner_ids, as_of=as_of)
        .select_related("learner")
        .order_by("learner__last_name", "learner__first_name", "learner__username")
    )


def learner_history(learner_id: int, as_of: datetime.date) -> list[LearnerSnapshot]:
    """The learner's snapshots on `as_of` and the TREND_WEEKS - 1 weeks before it, oldest first."""
    dates = [as_of - datetime.timedelta(weeks=weeks) for weeks in range(TREND_WEEKS)]
    return list(LearnerSnapshot.objects.filter(learner_id=learner_id, as_of__in=dates).order_by("as_of"))


def target_rows(school_ids, as_of: datetime.date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """These schools' target rows of `as_of` summed per target, with each target's code, grade and text; and
    the prerequisite edges among the targets of their frameworks."""
    counts = _frame(
        TargetSnapshot.objects.filter(school_id__in=school_ids, as_of=as_of)
        .values("target_id")
        .annotate(cohort=Sum("cohort"), assessed=Sum("assessed"), proficient=Sum("proficient"))
        .values_list(
            "target_id",
            "target__code",
            "target__grade",
            "target__text",
            "target__framework_id",
            "cohort",
            "assessed",
            "proficient",
        ),
        ["target", "code", "grade", "text", "framework", "cohort", "assessed", "proficient"],
    )
    edges = _frame(
        Prerequisite.objects.filter(target__framework_id__in=set(counts["framework"])).values_list(
            "target_id", "prerequisite_id"
        ),
        ["target", "prerequisite"],
    )
    return counts.drop(columns="framework"), edges
