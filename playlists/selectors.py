"""Reads of the daily paths: the engine's inputs for one learner, and a learner's playlist for those who may see it."""
from __future__ import annotations

import datetime
from collections import Counter
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone

from assessments.models import AssessmentItem, Assignment, Attempt, LearningTarget, Prerequisite
from learners.models import Evidence, LearnerGoal, LearnerProfile, MasteryState
from learning_platform.permissions import get_for_user, visible
from playlists import engine
from playlists.models import Activity, Playlist, PlaylistItem

# An untimed assessment's expected length: a couple of minutes a question, the pace of a short exit ticket.
MINUTES_PER_ITEM = 2


def learner_school_day(*, learner_id: int, now: datetime.datetime | None = None) -> datetime.date:
    """Today's date where the learner's school is."""
    time_zone = LearnerProfile.objects.filter(user_id=learner_id).values_list("school__time_zone", flat=True).get()
    return timezone.localtime(now or timezone.now(), ZoneInfo(time_zone)).date()


def engine_input_for(*, learner_id: int, school_day: datetime.date) -> engine.EngineInput:
    """Everything the engine reads to build the learner's path for `school_day`, in a fixed number of queries.

    Everything is read as of the school day, not the moment of reading, so the same rows give the same inputs
    (and digest) whenever the rebuild runs. The prerequisite graph is read whole: gaps walk down it across
    grades, and at 480 targets and 757 edges it is two small queries.
    """
    profile = LearnerProfile.objects.select_related("school").get(user_id=learner_id)
    zone = ZoneInfo(profile.school.time_zone)
    day_starts = datetime.datetime.combine(school_day, datetime.time.min, tzinfo=zone)
    day_ends = day_starts + datetime.timedelta(days=1)
    history_from = school_day - datetime.timedelta(days=engine.HISTORY_DAYS)

    code_of, targets = {}, {}
    for pk, code, grade, domain, weight_class in LearningTarget.objects.values_list(
        "pk", "code", "grade", "domain_code", "weight_class"
    ):
        code_of[pk] = code
        targets[code] = engine.TargetInfo(code=code, grade=grade, domain=domain, weight_class=weight_class)
    edges = tuple(
        (code_of[prerequisite], code_of[target])
        for prerequisite, target in Prerequisite.objects.values_list("prerequisite_id", "target_id")
    )
    goals = tuple(
        engine.Goal(target_code=code_of[target_id], reach_by=reach_by)
        for target_id, reach_by in LearnerGoal.objects.filter(
            learner=profile, status=LearnerGoal.Status.ACTIVE
        ).values_list("target_id", "reach_by")
    )

    activities = _activities(profile.school_id, code_of)
    completed = list(
        PlaylistItem.objects.filter(
            playlist__learner_id=learner_id, completed_at__isnull=False,
            playlist__school_day__gte=history_from, playlist__school_day__lte=school_day,
        ).values_list("playlist__school_day", "kind", "activity_id", "chosen_activity_id", "assessment_id",
                      "target_id", "completed_at")
    )  # fmt: skip
    attempts = list(
        Attempt.objects.filter(learner_id=learner_id)
        .exclude(status=Attempt.Status.IN_PROGRESS)
        .values_list("assignment_id", "assignment__assessment_id", "submitted_at")
    )
    assessments, assignments = _open_assessments(learner_id, day_starts, day_ends, attempts, code_of, zone)

    history = [
        engine.HistoryEntry(on=day, kind=kind, ref_id=chosen or activity_id or assessment_id)
        for day, kind, activity_id, chosen, assessment_id, _, _ in completed
        if kind != PlaylistItem.Kind.GROUP_SESSION
    ]
    history += [
        engine.HistoryEntry(on=timezone.localtime(submitted_at, zone).date(), kind="assessment", ref_id=assessment_id)
        for _, assessment_id, submitted_at in attempts
        if history_from <= timezone.localtime(submitted_at, zone).date() <= school_day
    ]
    modality_of = {activity.id: activity.modality for activity in activities}
    return engine.EngineInput(
        learner=engine.LearnerInfo(
            grade=profile.grade, interests=tuple(profile.interests),
            preferred_modalities=tuple(profile.preferred_modalities),
            extended_time_factor=profile.extended_time_factor, daily_minutes_budget=profile.daily_minutes_budget,
            goals=goals,
        ),
        today=school_day, targets=targets, prerequisites=edges,
        mastery=_mastery(learner_id, code_of, zone, completed, modality_of),
        activities=activities, assessments=assessments, assignments=assignments, history=tuple(history),
    )  # fmt: skip


def _activities(school_id: int, code_of: dict[int, str]) -> tuple[engine.ActivityInfo, ...]:
    """The active activities of the shared catalog and the learner's school, with their targets.

    An activity on no target is left out: the engine offers work only under a target.
    """
    catalog = Activity.objects.filter(Q(school__isnull=True) | Q(school_id=school_id), is_active=True)
    codes: dict[int, list[str]] = {}
    for activity_id, target_id in Activity.targets.through.objects.filter(activity__in=catalog).values_list(
        "activity_id", "learningtarget_id"
    ):
        codes.setdefault(activity_id, []).append(code_of[target_id])
    return tuple(
        engine.ActivityInfo(
            id=pk, title=title, modality=modality, expected_minutes=minutes, target_codes=tuple(sorted(codes[pk])),
            difficulty=difficulty, interest_tags=tuple(tags),
        )
        for pk, title, modality, minutes, difficulty, tags in catalog.values_list(
            "pk", "title", "modality", "expected_minutes", "difficulty", "interest_tags"
        )
        if pk in codes
    )  # fmt: skip


def _open_assessments(learner_id, day_starts, day_ends, attempts, code_of, zone):
    """The assessments assigned to the learner and open on the day, with attempts left, as the engine's
    assessments and the teacher's assignments (each assessment once, at its earliest due date)."""
    used = Counter(assignment_id for assignment_id, _, _ in attempts)
    open_assignments = (
        Assignment.objects.filter(
            section__enrollments__student_id=learner_id, section__enrollments__withdrawn_on__isnull=True,
            opens_at__lt=day_ends, due_at__gte=day_starts,
        )
        .filter(Q(students__isnull=True) | Q(students=learner_id))
        .distinct()
        .values_list("pk", "assessment_id", "assessment__title", "assessment__kind",
                     "assessment__attempts_allowed", "assessment__time_limit_minutes", "due_at")
    )  # fmt: skip
    due_of, about = {}, {}
    for pk, assessment_id, title, kind, allowed, time_limit, due_at in open_assignments:
        if used[pk] >= allowed:
            continue
        due = timezone.localtime(due_at, zone).date()
        due_of[assessment_id] = min(due, due_of.get(assessment_id, due))
        about[assessment_id] = (title, kind, time_limit)
    codes: dict[int, set[str]] = {}
    items_of: dict[int, set[int]] = {}
    for assessment_id, item_id, target_id in AssessmentItem.objects.filter(assessment_id__in=about).values_list(
        "assessment_id", "item_id", "item__targets"
    ):
        items_of.setdefault(assessment_id, set()).add(item_id)
        if target_id is not None:
            codes.setdefault(assessment_id, set()).add(code_of[target_id])
    assessments, assignments = [], []
    for assessment_id in sorted(codes):
        title, kind, time_limit = about[assessment_id]
        target_codes = tuple(sorted(codes[assessment_id]))
        minutes = time_limit or MINUTES_PER_ITEM * len(items_of[assessment_id])
        assessments.append(engine.AssessmentInfo(id=assessment_id, title=title, kind=kind,
                                                 target_codes=target_codes, expected_minutes=minutes))  # fmt: skip
        # The engine files a teacher's item under one target; the assessment's first code stands for it.
        assignments.append(engine.Assignment(kind="assessment", ref_id=assessment_id, target_code=target_codes[0],
                                             due=due_of[assessment_id]))  # fmt: skip
    return tuple(assessments), tuple(assignments)


def _mastery(learner_id, code_of, zone, completed, modality_of) -> dict[str, engine.MasteryInfo]:
    """Each met target's mastery, with the run of wrong answers that ends its evidence and the ways of learning
    the learner tried on it since their last right answer (the ones that did not work)."""
    failures: dict[int, int] = {}
    last_success: dict[int, datetime.datetime] = {}
    for target_id, kind, correct, observed_at in (
        Evidence.objects.filter(learner_id=learner_id, superseded_by__isnull=True)
        .order_by("target_id", "observed_at", "id")
        .values_list("target_id", "kind", "correct", "observed_at")
    ):
        if kind == Evidence.Kind.RESPONSE and correct is False:
            failures[target_id] = failures.get(target_id, 0) + 1
        else:
            # A right answer or a teacher's judgment ends a run of failures.
            failures[target_id] = 0
            last_success[target_id] = observed_at
    tried: dict[int, list[str]] = {}
    for _, kind, activity_id, chosen, _, target_id, completed_at in sorted(completed, key=lambda row: row[6]):
        modality = modality_of.get(chosen or activity_id)
        since = last_success.get(target_id)
        if kind == PlaylistItem.Kind.ACTIVITY and modality and (since is None or completed_at > since):
            tried.setdefault(target_id, []).append(modality)
    mastery = {}
    for target_id, level, p_mastery, evidence_count, last_evidence_at in MasteryState.objects.filter(
        learner_id=learner_id
    ).values_list("target_id", "level", "p_mastery", "evidence_count", "last_evidence_at"):
        recent_failures = failures.get(target_id, 0)
        mastery[code_of[target_id]] = engine.MasteryInfo(
            level=level, p_mastery=p_mastery, evidence_count=evidence_count,
            last_practised=timezone.localtime(last_evidence_at, zone).date() if last_evidence_at else None,
            recent_failures=recent_failures,
            failed_modalities=tuple(dict.fromkeys(tried.get(target_id, []))) if recent_failures else (),
        )  # fmt: skip
    return mastery


def playlist_for_learner(*, user, learner_id: int, day: datetime.date) -> Playlist:
    """The learner's playlist for `day` with its items in order, if `user` may see it; otherwise 404."""
    items = PlaylistItem.objects.select_related("activity", "assessment", "target", "chosen_activity")
    playlist = (
        visible(user, Playlist)
        .filter(learner_id=learner_id, school_day=day)
        .prefetch_related(Prefetch("items", queryset=items.order_by("position")))
        .first()
    )
    if playlist is None:
        raise Http404("Not found")
    return playlist


def playlist_get_for_user(*, user, playlist_id: int) -> Playlist:
    """A playlist by id if `user` may see it; otherwise 404 (also across schools)."""
    return get_for_user(user, Playlist.objects.select_related("learner"), playlist_id)
