"""Reads behind the teacher's pages: today's flags across their sections, and a section's mastery grid.

Each read runs a fixed number of queries however many students and targets there are.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from assessments.models import Assignment, Attempt, LearningTarget, Response
from learners.models import LEVEL_ORDER, Evidence, MasteryLevel, MasteryState
from learning_platform.calendar import school_today, school_zone, weekdays_back
from learning_platform.models import Enrollment, Section, active_enrollment_q
from learning_platform.permissions import visible
from playlists.models import Playlist, PlaylistItem, UnitPlan

# A student with no evidence and no finished work in this many school days (weekdays) is flagged.
NO_PROGRESS_SCHOOL_DAYS = 3
# Wrong answers in a row on one target that flag a student.
FAILED_TWICE = 2
LEVEL_LABELS = dict(MasteryLevel.choices)


def taught_sections(user):
    """The sections the user teaches (co-teachers share them), current terms first."""
    return Section.objects.filter(teachers=user).select_related("school", "term").order_by("-term__starts_on", "name")


@dataclass
class StudentFlag:
    student_id: int
    student: str
    section: str
    kind: str
    message: str


@dataclass
class TeacherToday:
    sections: list
    flags: list[StudentFlag] = field(default_factory=list)
    waiting_rubric: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)

    @property
    def flagged_students(self) -> int:
        return len({flag.student_id for flag in self.flags})


def teacher_today(*, user, now: datetime.datetime | None = None) -> TeacherToday:
    """What a teacher should look at first: their sections, the students who need them (failed a target twice
    in a row, no progress for several school days, a path waiting for its rebuild, or the engine asks for a
    small group), rubric work waiting to be scored, and the assignments open or due."""
    now = now or timezone.now()
    sections = list(
        taught_sections(user).annotate(
            student_count=Count("enrollments", filter=active_enrollment_q("enrollments__"), distinct=True)
        )
    )
    today = TeacherToday(sections=sections)
    if not sections:
        return today
    school = sections[0].school
    local_today = school_today(school, now)
    enrollments = list(
        Enrollment.objects.active()
        .filter(section__in=sections)
        .select_related("section")
        .by_student_name("section__name")
    )
    section_of: dict[int, str] = {}
    names: dict[int, str] = {}
    for enrollment in enrollments:
        section_of.setdefault(enrollment.student_id, enrollment.section.name)
        names[enrollment.student_id] = str(enrollment.student)
    students = list(names)

    failing: dict[int, list[str]] = defaultdict(list)
    for learner_id, code, short_name, run in (
        MasteryState.objects.filter(learner_id__in=students, failure_run__gte=FAILED_TWICE)
        .exclude(level__in=[MasteryLevel.PROFICIENT, MasteryLevel.MASTERED])
        .order_by("target__code")
        .values_list("learner_id", "target__code", "target__short_name", "failure_run")
    ):
        # The count the flag claims is the count: "wrong 13 times in a row", never a vaguer "twice".
        named = f"{short_name} ({code})" if short_name else code
        failing[learner_id].append(f"{named}: wrong {run} times in a row")
    since_day = weekdays_back(local_today, NO_PROGRESS_SCHOOL_DAYS)
    since = datetime.datetime.combine(since_day, datetime.time.min, tzinfo=school_zone(school))
    active = set(
        Evidence.objects.filter(learner_id__in=students, observed_at__gte=since).values_list("learner_id", flat=True)
    ) | set(
        PlaylistItem.objects.filter(playlist__learner_id__in=students, completed_at__gte=since).values_list(
            "playlist__learner_id", flat=True
        )
    )
    paths = {
        learner_id: (status, flags)
        for learner_id, status, flags in Playlist.objects.filter(
            learner_id__in=students, school_day=local_today
        ).values_list("learner_id", "status", "flags")
    }
    for student_id in students:
        add = lambda kind, message: today.flags.append(  # noqa: E731
            StudentFlag(student_id, names[student_id], section_of[student_id], kind, message)
        )
        if failing.get(student_id):
            add("failed_twice", f"{'; '.join(failing[student_id])}.")
        if student_id not in active:
            add("no_progress", f"No answers or finished work since {since_day:%A %b %-d}.")
        status, path_flags = paths.get(student_id, (None, []))
        if status == Playlist.Status.STALE:
            add("stale", "Today's path is waiting for its rebuild after a change.")
        for flag in path_flags:
            if flag["kind"] == "small_group" and not failing.get(student_id):
                add("small_group", flag["message"])

    waiting = (
        Response.objects.awaiting_rubric()
        .filter(attempt__assignment__section__in=sections)
        .values(
            "attempt__assignment_id", "attempt__assignment__assessment__title", "attempt__assignment__section__name"
        )
        .annotate(count=Count("pk"))
        .order_by("attempt__assignment__assessment__title")
    )
    today.waiting_rubric = [
        {
            "assignment_id": row["attempt__assignment_id"],
            "title": row["attempt__assignment__assessment__title"],
            "section": row["attempt__assignment__section__name"],
            "count": row["count"],
        }
        for row in waiting
    ]
    assignments = (
        Assignment.objects.filter(section__in=sections, due_at__gte=now - datetime.timedelta(days=1))
        .select_related("assessment", "section")
        .annotate(
            submitted=Count("attempts__learner", filter=~Q(attempts__status=Attempt.Status.IN_PROGRESS), distinct=True),
            chosen=Count("students", distinct=True),
        )
        .order_by("due_at", "pk")[:20]
    )
    counts = {section.pk: section.student_count for section in sections}
    today.assignments = [
        {
            "assignment": assignment,
            "submitted": assignment.submitted,
            "reached": assignment.chosen or counts.get(assignment.section_id, 0),
            "open": assignment.opens_at <= now,
        }
        for assignment in assignments
    ]
    return today


# ---------------------------------------------------------------------------------------------------------
# The section's mastery grid


@dataclass
class Grid:
    section: Section
    targets: list[LearningTarget]
    rows: list[dict]
    heading: str
    unit: UnitPlan | None
    domains: list[tuple[str, str, str]]
    chosen_grade: str
    chosen_domain: str
    sort: str
    need: dict[str, int]

    @property
    def columns(self) -> list[dict]:
        return [{"target": target, "need": self.need[target.code]} for target in self.targets]

    @property
    def scope(self) -> str:
        return "unit" if self.unit is not None else f"{self.chosen_grade}:{self.chosen_domain}"


def mastery_grid(
    *, user, section: Section, grade: str = "", domain: str = "", sort: str = "student", on: datetime.date | None = None
) -> Grid:
    """Students x learning targets of the section's current unit, or of a grade's domain the teacher picks (the
    section's grade's first domain when there is no unit), each cell the level (word and code). `sort` is
    "student" (by name), "need" (students with the most targets below proficient first), or a target code
    (lowest level on that target first)."""
    on = on or school_today(section.school)
    unit = None
    if not domain:
        unit = (
            UnitPlan.objects.filter(section=section, starts_on__lte=on, ends_on__gte=on)
            .prefetch_related("targets")
            .order_by("-starts_on")
            .first()
        )
    domains = list(
        LearningTarget.objects.filter(parent__isnull=True)
        .values_list("grade", "domain_code", "domain_name")
        .distinct()
        .order_by("grade", "domain_code")
    )
    if unit is not None:
        targets = sorted(unit.targets.all(), key=lambda target: target.code)
        heading = f"Current unit: {unit.name}"
        grade = grade or section.grade
    else:
        grade = grade or section.grade
        if not domain:
            domain = next((code for row_grade, code, _ in domains if row_grade == grade), "")
        targets = list(
            LearningTarget.objects.filter(grade=grade, domain_code=domain, parent__isnull=True).order_by("code")
        )
        name = next((name for row_grade, code, name in domains if row_grade == grade and code == domain), domain)
        heading = f"Grade {grade} · {name}" if grade not in ("K", "HS") else f"{grade} · {name}"
    enrollments = list(visible(user, Enrollment).active().filter(section=section).by_student_name())
    student_ids = [enrollment.student_id for enrollment in enrollments]
    levels: dict[tuple[int, int], tuple[str, bool]] = {}
    for learner_id, target_id, level, contested in MasteryState.objects.filter(
        learner_id__in=student_ids, target__in=targets
    ).values_list("learner_id", "target_id", "level", "judgment_contested"):
        levels[(learner_id, target_id)] = (level, contested)
    rows = []
    need = {target.code: 0 for target in targets}
    for enrollment in enrollments:
        cells = []
        for target in targets:
            level, contested = levels.get((enrollment.student_id, target.pk), (MasteryLevel.NOT_STARTED, False))
            below = level not in (MasteryLevel.PROFICIENT, MasteryLevel.MASTERED)
            need[target.code] += below
            cells.append(
                {"target": target, "level": level, "label": LEVEL_LABELS[level], "below": below, "contested": contested}
            )
        rows.append({"student": enrollment.student, "cells": cells, "below": sum(cell["below"] for cell in cells)})
    codes = [target.code for target in targets]
    if sort == "need":
        rows.sort(key=lambda row: -row["below"])
    elif sort in codes:
        index = codes.index(sort)
        rows.sort(key=lambda row: LEVEL_ORDER.index(row["cells"][index]["level"]))
    else:
        sort = "student"
    return Grid(
        section=section,
        targets=targets,
        rows=rows,
        heading=heading,
        unit=unit,
        domains=domains,
        chosen_grade=grade,
        chosen_domain=domain,
        sort=sort,
        need=need,
    )
