"""Writes to the daily paths, one function per use case.

Every path is built by `paths_rebuild`, for one learner (after an assessment, a judgment, a teacher's change)
or for a thousand (the nightly run): it reads the learners' inputs in a fixed number of queries, runs the
engine on each, and writes only the paths whose inputs changed.
"""

from __future__ import annotations

import datetime
import itertools
import logging
import secrets
import time
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify

from assessments.models import Assessment, Assignment, LearningTarget
from assessments.selectors import authoring_schools
from assessments.services import (
    assessment_create,
    assignment_create,
    practice_answer,
    practice_hint,
    practice_items,
    practice_set_start,
    practice_show_solution,
)
from learners.models import LearnerProfile
from learners.rules import learner_staff_q
from learning_platform import audit
from learning_platform.batches import batches_create, batches_send
from learning_platform.bulk import collector_paused, copy_rows, copying, rows_insert
from learning_platform.calendar import is_school_day, local_time_in, school_days_span, school_local_time, school_today
from learning_platform.locks import learners_lock, learners_lock_free
from learning_platform.models import School, User
from learning_platform.permissions import can, not_in_message
from learning_platform.queue import enqueue_after_commit
from learning_platform.validation import clean_text
from playlists import engine
from playlists.models import (
    Activity,
    ActivityVisit,
    NightlyBatch,
    NightlyRun,
    PathApproval,
    PathChange,
    PathOverride,
    Playlist,
    PlaylistItem,
    SmallGroup,
    UnitPlan,
)
from playlists.selectors import engine_inputs_for, learner_section_for_change, target_ids_by_code

logger = logging.getLogger("waypoint.rebuild")


@dataclass
class RebuildReport:
    """What a rebuild did: paths written (created or changed), left as they were, and the engine's time."""

    written: int = 0
    unchanged: int = 0
    items: int = 0
    engine_seconds: float = 0.0


def playlist_rebuild(
    *, learner_id: int, reason: str, school_day: datetime.date | None = None, now: datetime.datetime | None = None
) -> Playlist:
    """Build the learner's path for `school_day` (default: today at their school) and store it; see
    `paths_rebuild`. Logs one line: learner, day, duration, items, whether it wrote, and why it ran."""
    started = time.perf_counter()
    school = School.objects.get(learner_profiles__user_id=learner_id)
    school_day = school_day or school_today(school, now)
    report = paths_rebuild(school=school, school_day=school_day, learner_ids=[learner_id], now=now)
    playlist = Playlist.objects.get(learner_id=learner_id, school_day=school_day)
    logger.info(
        "rebuild learner=%d school_day=%s duration_ms=%.1f items=%d written=%s reason=%s",
        learner_id,
        school_day,
        (time.perf_counter() - started) * 1000,
        report.items,
        bool(report.written),
        reason,
        extra={"learner": learner_id, "items": report.items, "reason": reason, "written": bool(report.written)},
    )
    return playlist


def path_ready(*, learner_id: int, school: School, school_day: datetime.date, reason: str) -> bool:
    """Is there a path for `school_day` to show? A missing or stale one of today or later is built first (so a page
    shows it up to date); a past day's is shown as it was, or not at all."""
    path = Playlist.objects.filter(learner_id=learner_id, school_day=school_day)
    status = path.values_list("status", flat=True).first()
    if school_day >= school_today(school) and status != Playlist.Status.FRESH:
        playlist_rebuild(learner_id=learner_id, reason=reason, school_day=school_day)
        return True
    return status is not None


# A rebuild after a change takes along up to this many other stale paths of the school, so a burst (a class
# submitting its exit ticket at the bell) costs a few batches rather than a rebuild per student.
PENDING_BATCH = 100


@transaction.atomic
def paths_rebuild_pending(*, learner_id: int, reason: str, now: datetime.datetime | None = None) -> RebuildReport:
    """What a rebuild message does: bring the learner's path for today up to date, unless a rebuild already
    has (their path is fresh), together with the other stale paths of their school whose learners nobody else
    holds at the moment (a learner whose submission is still being saved is left to their own message).
    Logs one line."""
    started = time.perf_counter()
    school = School.objects.get(learner_profiles__user_id=learner_id)
    today = school_today(school, now)
    path = Playlist.objects.filter(learner_id=learner_id, school_day=today)
    report, together = RebuildReport(unchanged=1), [learner_id]
    if path.values_list("status", flat=True).first() != Playlist.Status.FRESH:
        # The learner's own row first (waiting, if a submit of theirs or a batch holding them is still at work),
        # then the others nobody holds, without waiting: taking the others first and then waiting for one's own
        # is how two rebuilds of one class each held the other's learner and deadlocked.
        learners_lock([learner_id])
        # A batch this message waited for may have taken the learner along.
        if path.values_list("status", flat=True).first() != Playlist.Status.FRESH:
            stale = Playlist.objects.filter(
                status=Playlist.Status.STALE, school_day=today, learner__learner_profile__school=school
            ).exclude(learner_id=learner_id)
            others = stale.order_by("stale_since").values_list("learner_id", flat=True)[: PENDING_BATCH - 1]
            together = [learner_id, *learners_lock_free(others)]
            report = paths_rebuild(school=school, school_day=today, learner_ids=together, now=now)
    logger.info(
        "rebuild learner=%d school_day=%s duration_ms=%.1f items=%d written=%d together=%d reason=%s",
        learner_id,
        today,
        (time.perf_counter() - started) * 1000,
        report.items,
        report.written,
        len(together),
        reason,
        extra={"learner": learner_id, "items": report.items, "reason": reason, "written": report.written},
    )
    return report


@transaction.atomic
def paths_rebuild(
    *, school: School, school_day: datetime.date, learner_ids, now: datetime.datetime | None = None
) -> RebuildReport:
    """Build and store the paths of some of a school's learners for `school_day`.

    A path built from the same inputs by the same engine version is left as it is (only marked fresh), so a
    rebuild that runs twice, or a burst of them, writes one path. Otherwise the items the learner has neither
    started nor completed are replaced, and the started and completed ones stay at their positions. A past
    day is history: rebuilding it is refused.
    """
    now = now or timezone.now()
    if school_day < school_today(school, now):
        raise ValidationError(f"The playlist of {school_day} is history and is never rebuilt.")
    # Rebuilds of a learner take turns (as mastery updates do, on the same row), so two at once cannot both
    # create the day's playlist or interleave their items; the learners' rows come before their paths' rows,
    # in id order (learning_platform.locks), so batches, submits and marks cannot deadlock each other.
    ids = learners_lock(learner_ids)
    # A batch holds a thousand learners' inputs and paths at once: the cycle collector would walk them again and
    # again for nothing (see collector_paused).
    with collector_paused():
        return _paths_rebuild_held(school, school_day, ids, now)


def _paths_rebuild_held(
    school: School, school_day: datetime.date, ids: list[int], now: datetime.datetime
) -> RebuildReport:
    """paths_rebuild, for learners whose rows this transaction holds."""
    inputs = engine_inputs_for(school_id=school.pk, school_day=school_day, learner_ids=ids)
    existing = {
        learner_id: (pk, digest, version, status, item_count)
        for learner_id, pk, digest, version, status, item_count in Playlist.objects.filter(
            learner_id__in=ids, school_day=school_day
        )
        .order_by()
        .annotate(item_count=Count("items"))
        .values_list("learner_id", "pk", "inputs_digest", "engine_version", "status", "item_count")
    }
    report = RebuildReport()
    paths: dict[int, engine.DailyPath] = {}
    refreshed = []
    started = time.perf_counter()
    for learner_id, learner_inputs in inputs.items():
        known = existing.get(learner_id)
        # A stored path built by this engine from the same inputs is the path: the digest alone says so, and it
        # costs a fraction of a build.
        if known and known[2] == engine.ENGINE_VERSION and known[1] == engine.inputs_digest(learner_inputs):
            report.unchanged += 1
            report.items += known[4]
            if known[3] != Playlist.Status.FRESH:
                refreshed.append(known[0])
            continue
        path = engine.build_path(learner_inputs)
        report.items += len(path.items)
        paths[learner_id] = path
    report.engine_seconds = time.perf_counter() - started
    if refreshed:
        Playlist.objects.filter(pk__in=refreshed).update(status=Playlist.Status.FRESH, stale_since=None)
    if paths:
        _paths_write(
            paths, existing, school_day=school_day, now=now, target_ids=target_ids_by_code(school_id=school.pk)
        )
    report.written = len(paths)
    return report


def _paths_write(
    paths: dict[int, engine.DailyPath],
    existing: dict,
    *,
    school_day: datetime.date,
    now: datetime.datetime,
    target_ids: dict[str, int],
) -> None:
    """Store the changed paths: new playlists for learners without one, and for the others new items around
    the ones already underway."""
    changed = [existing[learner_id][0] for learner_id in paths if learner_id in existing]
    underway: dict[int, list[PlaylistItem]] = {}
    # The alternatives learners picked on items not started yet, by playlist: a rebuild keeps the pick.
    picked: dict[int, set[int]] = {}
    if changed:
        for item in PlaylistItem.objects.filter(playlist_id__in=changed).only(
            "playlist_id",
            "position",
            "kind",
            "activity_id",
            "chosen_activity_id",
            "assessment_id",
            "target_id",
            "started_at",
            "completed_at",
        ):
            if item.is_underway:
                underway.setdefault(item.playlist_id, []).append(item)
            elif item.chosen_activity_id is not None:
                picked.setdefault(item.playlist_id, set()).add(item.chosen_activity_id)
        PlaylistItem.objects.filter(
            playlist_id__in=changed, started_at__isnull=True, completed_at__isnull=True
        ).delete()
        updates = [
            Playlist(
                pk=existing[learner_id][0],
                generated_at=now,
                status=Playlist.Status.FRESH,
                stale_since=None,
                engine_version=path.engine_version,
                inputs_digest=path.inputs_digest,
                flags=_flags(path),
            )
            for learner_id, path in paths.items()
            if learner_id in existing
        ]
        Playlist.objects.bulk_update(
            updates,
            ["generated_at", "status", "stale_since", "engine_version", "inputs_digest", "flags"],
            batch_size=1000,
        )
    new = [(learner_id, path) for learner_id, path in paths.items() if learner_id not in existing]
    playlist_of = dict(
        zip(
            (learner_id for learner_id, _ in new),
            _playlists_insert(
                [
                    (
                        learner_id,
                        school_day,
                        now,
                        path.engine_version,
                        path.inputs_digest,
                        Playlist.Status.FRESH,
                        _flags(path),
                    )
                    for learner_id, path in new
                ]
            ),
        )
    )
    playlist_of.update({learner_id: existing[learner_id][0] for learner_id in paths if learner_id in existing})
    rows = []
    for learner_id, path in paths.items():
        playlist_id = playlist_of[learner_id]
        kept = underway.get(playlist_id, [])
        taken = {item.position for item in kept}
        free_positions = (position for position in itertools.count() if position not in taken)
        mine = picked.get(playlist_id, set())
        for item in path.items:
            if not any(_same_work(item, other, target_ids) for other in kept):
                chosen = next((pk for pk in item.alternatives if pk in mine and pk != item.ref_id), None)
                rows.append(_item_row(playlist_id, next(free_positions), item, target_ids, chosen))
    _items_insert(rows)


def _flags(path: engine.DailyPath) -> list[dict]:
    return [{"kind": flag.kind, "targets": list(flag.target_codes), "message": flag.message} for flag in path.flags]


# The columns a new item is written with; the others (chosen activity, started, completed) start empty.
ITEM_COLUMNS = (
    "playlist_id",
    "position",
    "kind",
    "activity_id",
    "assessment_id",
    "target_id",
    "minutes",
    "reason",
    "rule",
    "source",
    "pinned",
    "locked",
    "alternatives",
    "checks",
    "chosen_activity_id",
)


def _item_kind(item: engine.PathItem) -> str:
    """The stored kind: an assessment the engine wrote itself (no ref_id) is an exit ticket to draw."""
    if item.kind == PlaylistItem.Kind.ASSESSMENT and item.ref_id is None:
        return PlaylistItem.Kind.EXIT_TICKET
    return item.kind


def _item_row(
    playlist_id: int, position: int, item: engine.PathItem, target_ids: dict[str, int], chosen: int | None = None
) -> tuple:
    kind = _item_kind(item)
    return (
        playlist_id,
        position,
        kind,
        item.ref_id if kind in (PlaylistItem.Kind.ACTIVITY, PlaylistItem.Kind.GROUP_SESSION) else None,
        item.ref_id if kind == PlaylistItem.Kind.ASSESSMENT else None,
        target_ids.get(item.target_code),
        item.minutes,
        item.reason,
        item.rule,
        item.source,
        item.pinned,
        item.locked,
        list(item.alternatives),
        list(item.target_codes),
        chosen,
    )


PLAYLIST_COLUMNS = ("learner_id", "school_day", "generated_at", "engine_version", "inputs_digest", "status", "flags")


def _playlists_insert(rows: list[tuple]) -> list[int]:
    """Insert new playlists (COPY on PostgreSQL when there are many, otherwise the ORM); their ids, in order."""
    if copying(rows):
        table = Playlist._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)", [len(rows)]
            )
            ids = [pk for (pk,) in cursor.fetchall()]
        copy_rows(table, ("id", *PLAYLIST_COLUMNS), [(pk, *row) for pk, row in zip(ids, rows)])
        return ids
    created = Playlist.objects.bulk_create([Playlist(**dict(zip(PLAYLIST_COLUMNS, row))) for row in rows])
    return [playlist.pk for playlist in created]


def _items_insert(rows: list[tuple]) -> None:
    """Insert new items: with COPY on PostgreSQL when there are many, otherwise with the ORM."""
    rows_insert(PlaylistItem, ITEM_COLUMNS, rows)


def _same_work(item: engine.PathItem, kept: PlaylistItem, target_ids: dict[str, int]) -> bool:
    """Is the engine's `item` the work the learner already has underway in `kept` (so it is not added twice)?"""
    if _item_kind(item) == PlaylistItem.Kind.EXIT_TICKET:
        # One exit ticket a day: the one underway checks what it checks.
        return kept.kind == PlaylistItem.Kind.EXIT_TICKET
    if item.kind != kept.kind:
        return False
    if item.kind == PlaylistItem.Kind.ACTIVITY:
        return bool({kept.activity_id, kept.chosen_activity_id} & {item.ref_id, *item.alternatives})
    if item.kind == PlaylistItem.Kind.ASSESSMENT:
        return kept.assessment_id == item.ref_id
    return kept.target_id == target_ids.get(item.target_code)


def paths_mark_stale(*, learner_ids, reason: str, now: datetime.datetime | None = None) -> int:
    """Mark the learners' paths for today (and later days) stale, and enqueue their rebuilds for after the
    commit. Called inside the transaction that changed their inputs, so the mark holds even if the message is
    lost; the sweeper rebuilds what stays stale. Returns how many paths were marked."""
    now = now or timezone.now()
    learner_ids = sorted(set(learner_ids))
    # A rebuild holds its learners' rows while it reads and writes: taking them here means a path is marked
    # stale either before a rebuild reads (which then sees this change once it commits) or after it wrote (so
    # the mark stands). A fresh path is therefore always up to date with every committed change.
    learners_lock(learner_ids)
    marked = 0
    zones = LearnerProfile.objects.filter(user_id__in=learner_ids).values_list("user_id", "school__time_zone")
    by_zone: dict[str, list[int]] = {}
    for learner_id, zone in zones:
        by_zone.setdefault(zone, []).append(learner_id)
    for zone, ids in by_zone.items():
        today = local_time_in(zone, now).date()
        paths = Playlist.objects.filter(learner_id__in=ids, school_day__gte=today)
        marked += paths.filter(status=Playlist.Status.FRESH).update(status=Playlist.Status.STALE, stale_since=now)
    for learner_id in learner_ids:
        enqueue_after_commit("playlists.rebuild_learner", learner_id, reason)
    return marked


def _own_item(learner, item_id) -> PlaylistItem:
    """The learner's own path item, locked (after the learner: a change to it marks the path stale, and a rebuild
    holding the learner may be replacing the path's items); ValidationError when it is not on their path."""
    learners_lock([learner.pk])
    try:
        return (
            PlaylistItem.objects.select_for_update(of=("self",))
            .select_related("playlist")
            .get(pk=item_id, playlist__learner=learner)
        )
    except (PlaylistItem.DoesNotExist, ValueError, TypeError):
        raise ValidationError("This item is not on your path.") from None


def _refuse_past_day(item: PlaylistItem, learner, now: datetime.datetime | None) -> None:
    school = School.objects.get(learner_profiles__user=learner)
    if item.playlist.school_day < school_today(school, now):
        raise ValidationError("That day is over; today's path is the one to work on.")


@transaction.atomic
def playlist_item_choose(
    *, learner, item_id: int, activity_id: int, now: datetime.datetime | None = None
) -> PlaylistItem:
    """The learner picks one of an item's alternatives (the way of learning they want for its target)."""
    item = _own_item(learner, item_id)
    _refuse_past_day(item, learner, now)
    offered = item.alternatives or [item.activity_id]
    if item.kind != PlaylistItem.Kind.ACTIVITY or activity_id not in offered:
        raise ValidationError({"activity": "That is not one of this item's choices."})
    if item.completed_at is not None:
        raise ValidationError("You have already done this one.")
    item.chosen_activity_id = activity_id
    item.save(update_fields=["chosen_activity"])
    return item


@transaction.atomic
def playlist_item_complete(*, learner, item_id: int, now: datetime.datetime | None = None) -> PlaylistItem:
    """The learner marks an activity or a group session done (an assessment is done when it is submitted). What
    they did is part of the next path's inputs, so the path is marked for a rebuild; done again changes nothing."""
    item = _own_item(learner, item_id)
    _refuse_past_day(item, learner, now)
    if item.kind == PlaylistItem.Kind.ASSESSMENT:
        raise ValidationError("An assessment is done when you submit it.")
    if item.completed_at is None:
        now = now or timezone.now()
        item.started_at = item.started_at or now
        item.completed_at = now
        item.save(update_fields=["started_at", "completed_at"])
        visit = ActivityVisit.objects.select_for_update().filter(item=item).first()
        if visit is not None:
            _visit_time_add(visit, now)
            visit.save(update_fields=["active_seconds", "last_seen_at"])
        paths_mark_stale(learner_ids=[learner.pk], reason="completed", now=now)
    return item


def path_assessment_done(*, attempt_id: int) -> int:
    """A submitted attempt finishes its assessment's item on the learner's path of the day it was submitted (a
    finished item stays where it is through every rebuild); returns how many items it finished."""
    from assessments.models import Attempt  # an earlier app of the data flow: importing it is fine

    attempt = Attempt.objects.select_related("assignment", "learner__learner_profile__school").get(pk=attempt_id)
    if attempt.submitted_at is None:
        return 0
    day = school_today(attempt.learner.learner_profile.school, attempt.submitted_at)
    return PlaylistItem.objects.filter(
        playlist__learner_id=attempt.learner_id,
        playlist__school_day=day,
        assessment_id=attempt.assignment.assessment_id,
        completed_at__isnull=True,
    ).update(completed_at=attempt.submitted_at, started_at=Coalesce("started_at", Value(attempt.submitted_at)))


@transaction.atomic
def playlist_item_start(*, learner, item_id: int, now: datetime.datetime | None = None) -> PlaylistItem:
    """The learner starts an item of their path (starting it again changes nothing)."""
    item = _own_item(learner, item_id)
    if item.started_at is None:
        item.started_at = now or timezone.now()
        item.save(update_fields=["started_at"])
    return item


# ---------------------------------------------------------------------------------------------------------
# An exit ticket the engine wrote, drawn when the learner takes it


@transaction.atomic
def written_ticket_take(*, learner, item_id: int, now: datetime.datetime | None = None):
    """The assignment under which the learner takes the exit ticket the engine wrote on today's path: drawn from
    the bank the first time (`engine.questions_per_target` questions on each target it checks, items with a
    worked solution first, ones the learner has not met first), assigned to the learner alone until the end of
    the school day; the same assignment after that."""
    now = now or timezone.now()
    item = _own_item(learner, item_id)
    _refuse_past_day(item, learner, now)
    if item.kind != PlaylistItem.Kind.EXIT_TICKET:
        raise ValidationError("This item is not an exit ticket.")
    profile = LearnerProfile.objects.select_related("school").get(user=learner)
    if item.assessment_id is not None:
        assignment = Assignment.objects.filter(assessment_id=item.assessment_id, students=learner).first()
        if assignment is not None:
            return assignment
    section = _learners_section(learner)
    targets = {target.code: target for target in LearningTarget.objects.filter(code__in=item.checks)}
    chosen = []
    for code, count in engine.questions_per_target(tuple(item.checks)).items():
        if code in targets:
            seed = f"{learner.pk}:{item.playlist.school_day}:{code}"
            chosen += practice_items(
                learner=learner, target=targets[code], school=profile.school, count=count, seed=seed, exclude=chosen
            )
    if not chosen:
        raise ValidationError("The item bank has no questions for today's targets yet; tell your teacher.")
    day = item.playlist.school_day
    assessment = assessment_create(
        title=f"Exit ticket: {', '.join(item.checks)}",
        kind=Assessment.Kind.EXIT_TICKET,
        school=profile.school,
        created_by=None,
        items=list(dict.fromkeys(chosen)),
        show_answers_after_submit=True,
        written=(learner, day),
    )
    _, end = school_days_span(profile.school, day, day)
    assignment = assignment_create(
        assessment=assessment,
        section=section,
        opens_at=min(now, end - datetime.timedelta(minutes=1)),
        due_at=end,
        assigned_by=None,
        students=[learner],
    )
    item.assessment = assessment
    item.started_at = item.started_at or now
    item.save(update_fields=["assessment", "started_at"])
    return assignment


def _learners_section(learner):
    from learning_platform.models import Enrollment

    enrollment = Enrollment.objects.active().filter(student=learner).select_related("section").first()
    if enrollment is None:
        raise ValidationError("You are not in a section yet, so an exit ticket cannot be given; tell your teacher.")
    return enrollment.section


# ---------------------------------------------------------------------------------------------------------
# An activity opened: its visit, practice, time and link

# Practice questions an activity gives: a practice set is mostly practice; the others teach first.
PRACTICE_QUESTIONS = {"practice": 6, "small_group": 3}
PRACTICE_QUESTIONS_DEFAULT = 4
# The activity page reports active time every 30 seconds while it is in view; a longer gap between two reports is
# time away, so it counts for at most this much.
HEARTBEAT_MAX_SECONDS = 45


def _activity_target(item: PlaylistItem, activity: Activity) -> LearningTarget | None:
    if item.target_id:
        return item.target
    return activity.targets.order_by("code").first()


@transaction.atomic
def activity_open(*, learner, item_id: int, now: datetime.datetime | None = None) -> ActivityVisit:
    """The learner opens an activity of today's path: the item is started (so it stays through rebuilds), and the
    first opening records the visit and draws the activity's practice questions. Opening it again, or after
    choosing another way to learn, keeps the visit and its practice (same target)."""
    now = now or timezone.now()
    item = _own_item(learner, item_id)
    _refuse_past_day(item, learner, now)
    if item.kind != PlaylistItem.Kind.ACTIVITY:
        raise ValidationError("Only an activity opens here; take an assessment from its own page.")
    activity = Activity.objects.get(pk=item.chosen_activity_id or item.activity_id)
    if item.started_at is None:
        item.started_at = now
        item.save(update_fields=["started_at"])
    visit = ActivityVisit.objects.select_for_update().filter(item=item).first()
    if visit is None:
        target = _activity_target(item, activity)
        school = LearnerProfile.objects.select_related("school").get(user=learner).school
        practice = (
            None
            if target is None
            else practice_set_start(
                learner=learner,
                target=target,
                school=school,
                now=now,
                seed=f"{learner.pk}:{item.pk}",
                size=PRACTICE_QUESTIONS.get(activity.modality, PRACTICE_QUESTIONS_DEFAULT),
            )
        )
        return ActivityVisit.objects.create(
            item=item, learner=learner, activity=activity, practice_set=practice, opened_at=now, last_seen_at=now
        )
    if visit.activity_id != activity.pk:
        visit.activity = activity
        visit.save(update_fields=["activity"])
    return visit


def _visit_time_add(visit: ActivityVisit, now: datetime.datetime) -> None:
    gap = (now - visit.last_seen_at).total_seconds()
    visit.active_seconds += int(min(max(gap, 0), HEARTBEAT_MAX_SECONDS))
    visit.last_seen_at = max(now, visit.last_seen_at)


@transaction.atomic
def activity_time_record(*, learner, item_id: int, now: datetime.datetime | None = None) -> ActivityVisit:
    """The activity page is still open and in view: add the time since its last report (at most
    HEARTBEAT_MAX_SECONDS) to the minutes spent."""
    item = _own_item(learner, item_id)
    visit = ActivityVisit.objects.select_for_update().filter(item=item).first()
    if visit is None:
        raise ValidationError("Open the activity first.")
    _visit_time_add(visit, now or timezone.now())
    visit.save(update_fields=["active_seconds", "last_seen_at"])
    return visit


PRACTICE_ACTIONS = ("answer", "hint", "solution")


@transaction.atomic
def activity_practice(
    *, learner, item_id: int, practice_id: int, action: str, answer=None, now: datetime.datetime | None = None
):
    """A step on one of the activity's practice questions (`action`: answer it, open a hint, or show how it is
    solved); the time since the page's last report counts as time spent. Returns the practice question."""
    now = now or timezone.now()
    item = _own_item(learner, item_id)
    visit = ActivityVisit.objects.select_for_update().filter(item=item).first()
    if visit is None or visit.practice_set_id is None:
        raise ValidationError("Open the activity first.")
    if not visit.practice_set.responses.filter(pk=practice_id).exists():
        raise ValidationError("This question is not part of this activity.")
    if action == "answer":
        practice = practice_answer(learner=learner, practice_id=practice_id, answer=answer, now=now)
    elif action == "hint":
        practice = practice_hint(learner=learner, practice_id=practice_id)
    elif action == "solution":
        practice = practice_show_solution(learner=learner, practice_id=practice_id, now=now)
    else:
        raise ValidationError({"action": f"Unknown action {action!r}; choose one of {', '.join(PRACTICE_ACTIONS)}."})
    _visit_time_add(visit, now)
    visit.save(update_fields=["active_seconds", "last_seen_at"])
    return practice


@transaction.atomic
def activity_link_follow(*, learner, item_id: int, now: datetime.datetime | None = None) -> str:
    """The learner follows the link of an activity that lives elsewhere: recorded once; returns the address."""
    visit = activity_open(learner=learner, item_id=item_id, now=now)
    if not visit.activity.url:
        raise ValidationError("This activity lives in Waypoint; it has no link to follow.")
    if visit.link_opened_at is None:
        visit.link_opened_at = now or timezone.now()
        visit.save(update_fields=["link_opened_at"])
    return visit.activity.url


# ---------------------------------------------------------------------------------------------------------
# The teacher's say: pins, removals, locks, moves, assigned targets, small groups and approvals. Every change is
# logged (`PathChange`) with who made it and when.

OVERRIDE_DAYS_MAX = 60


def _path_change_log(*, teacher, learner_ids, action: str, description: str, school_day: datetime.date) -> None:
    now = timezone.now()
    PathChange.objects.bulk_create(
        PathChange(
            learner_id=learner_id,
            teacher=teacher,
            action=action,
            description=description,
            school_day=school_day,
            created_at=now,
        )
        for learner_id in learner_ids
    )


def _override_errors(
    *, action: str, activity, assessment, target, starts_on: datetime.date, ends_on: datetime.date, due, position
) -> dict:
    errors = {}
    if action not in PathOverride.Action.values:
        errors["action"] = f"Unknown action {action!r}; choose one of {', '.join(PathOverride.Action.values)}."
    elif action == PathOverride.Action.FOCUS:
        if activity is not None or assessment is not None:
            errors["activity"] = "An assigned target names a learning target, not an activity or assessment."
        elif target is None:
            errors["target"] = "Choose the learning target to assign."
    elif (activity is None) == (assessment is None):
        errors["activity"] = "Name exactly one activity or assessment."
    elif action == PathOverride.Action.PIN and activity is None:
        errors["assessment"] = "Assessments reach a path by assignment; pin activities."
    if ends_on < starts_on:
        errors["ends_on"] = "The last day comes before the first."
    elif (ends_on - starts_on).days >= OVERRIDE_DAYS_MAX:
        errors["ends_on"] = f"An override lasts at most {OVERRIDE_DAYS_MAX} days."
    if due is not None and action not in (PathOverride.Action.PIN, PathOverride.Action.FOCUS):
        errors["due"] = "Only a pin or an assigned target has a due date."
    if action == PathOverride.Action.MOVE and (position is None or position < 1):
        errors["position"] = "A move needs a place on the path: 1 or more."
    elif action != PathOverride.Action.MOVE and position is not None:
        errors["position"] = "Only a move has a place."
    return errors


@transaction.atomic
def path_override_create(
    *,
    teacher,
    learner,
    action: str,
    activity=None,
    assessment=None,
    target=None,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    due: datetime.date | None = None,
    note: str = "",
    position: int | None = None,
) -> PathOverride:
    """A teacher pins an activity to a learner's path, removes, locks or moves an activity or assessment on it,
    or assigns them a learning target, from `starts_on` to `ends_on` (default: that day). A new move of the same
    work replaces the earlier one on those days. The change is logged, and the path rebuilt after the commit."""
    ends_on = ends_on or starts_on
    errors = _override_errors(
        action=action,
        activity=activity,
        assessment=assessment,
        target=target,
        starts_on=starts_on,
        ends_on=ends_on,
        due=due,
        position=position,
    )
    if errors:
        raise ValidationError(errors)
    profile = LearnerProfile.objects.select_related("school").filter(learner_staff_q(teacher), user=learner).first()
    if profile is None:
        raise ValidationError("Only the learner's teachers and school admins can change their path.")
    if starts_on < school_today(profile.school):
        raise ValidationError({"starts_on": "Past days are history; start today or later."})
    if activity is not None:
        if not Activity.objects.usable_at(profile.school).filter(pk=activity.pk).exists():
            raise ValidationError({"activity": f"{activity} is not in the learner's school's catalog."})
        codes = set(activity.targets.values_list("pk", flat=True))
        if target is None and codes:
            target = activity.targets.order_by("code").first()
        elif target is not None and target.pk not in codes:
            raise ValidationError({"target": f"{activity} is not on {target.code}."})
    elif assessment is not None:
        if assessment.school_id != profile.school_id:
            raise ValidationError({"assessment": f"{assessment} belongs to another school."})
        if target is None:
            target = LearningTarget.objects.filter(items__assessments=assessment).order_by("code").first()
    if target is None:
        raise ValidationError({"target": "Name the learning target this work is for."})
    if action == PathOverride.Action.MOVE:
        PathOverride.objects.filter(
            learner=learner,
            action=action,
            activity=activity,
            assessment=assessment,
            starts_on__gte=starts_on,
            ends_on__lte=ends_on,
        ).delete()
    override = PathOverride.objects.create(
        learner=learner,
        action=action,
        activity=activity,
        assessment=assessment,
        target=target,
        starts_on=starts_on,
        ends_on=ends_on,
        due=due,
        note=note.strip(),
        teacher=teacher,
        position=position,
    )
    _path_change_log(
        teacher=teacher, learner_ids=[learner.pk], action=action, description=override.describe(), school_day=starts_on
    )
    paths_mark_stale(learner_ids=[learner.pk], reason=f"teacher_{action}")
    return override


@transaction.atomic
def path_override_delete(*, teacher, override: PathOverride) -> None:
    """A teacher takes back a pin, removal, lock, move or assigned target; logged, and the learner's path is
    rebuilt after the commit."""
    if not LearnerProfile.objects.filter(learner_staff_q(teacher), user_id=override.learner_id).exists():
        raise ValidationError("Only the learner's teachers and school admins can change their path.")
    learner_id = override.learner_id
    _path_change_log(
        teacher=teacher,
        learner_ids=[learner_id],
        action="undo",
        description=f"Took back: {override.describe()}",
        school_day=override.starts_on,
    )
    override.delete()
    paths_mark_stale(learner_ids=[learner_id], reason="teacher_undo")


# ---------------------------------------------------------------------------------------------------------
# A teacher's changes from a student's page


@dataclass(frozen=True)
class PathEdit:
    """One change a teacher makes to a learner's path for a day, as the student's page sends it: the action
    (`pin`, `remove`, `lock`, `up`, `down`, `group`, `assign_assessment`, `undo`) and the ids it names, which the
    services check belong to the learner and their school."""

    action: str
    day: datetime.date
    item_id: int | None = None
    override_id: int | None = None
    activity_id: int | None = None
    assessment_id: int | None = None
    section_id: int | None = None
    ends_on: datetime.date | None = None
    due: datetime.date | None = None
    note: str = ""


@transaction.atomic
def path_edit_apply(*, teacher, profile: LearnerProfile, edit: PathEdit) -> str:
    """Make one change to a learner's path for `edit.day` and say what was done, in a sentence for the page.
    Every check of the services it calls holds; a ValidationError leaves nothing written."""
    learner = profile.user
    if edit.action == "undo":
        description = path_override_undo(teacher=teacher, profile=profile, override_id=edit.override_id)
        return f"Took back: {description}."
    if edit.action == "pin":
        activity = Activity.objects.filter(pk=edit.activity_id).first() if edit.activity_id else None
        if activity is None:
            raise ValidationError(
                {"activity": "Choose an activity to add." if edit.activity_id else "Choose an activity."}
            )
        path_override_create(
            teacher=teacher,
            learner=learner,
            action="pin",
            activity=activity,
            starts_on=edit.day,
            ends_on=edit.ends_on or edit.day,
            due=edit.due,
            note=edit.note,
        )
        return f"Pinned “{activity}” to {learner}'s path."
    if edit.action == "assign_assessment":
        assessment = school_assessment_get(school=profile.school, assessment_id=edit.assessment_id)
        section = learner_section_for_change(user=teacher, learner_id=profile.user_id, section_id=edit.section_id)
        due = edit.due or edit.day
        section_assessment_assign(
            teacher=teacher, section=section, assessment=assessment, starts_on=edit.day, due=due, students=[learner]
        )
        return f"Assigned “{assessment}” to {learner}, due {due:%a %b %-d}."
    item = _learner_item(profile, edit.item_id)
    if edit.action == "group":
        path_item_group(teacher=teacher, profile=profile, item=item, day=edit.day, section_id=edit.section_id)
        return f"{learner} joins the small group on {item.target.code} on {edit.day:%a %b %-d}."
    return path_item_change(teacher=teacher, learner=learner, item=item, action=edit.action, day=edit.day)


def _learner_item(profile: LearnerProfile, item_id: int | None) -> PlaylistItem:
    """An item on the learner's path (of any day), or a ValidationError."""
    item = None
    if item_id is not None:
        item = (
            PlaylistItem.objects.select_related("playlist", "target")
            .filter(pk=item_id, playlist__learner_id=profile.user_id)
            .first()
        )
    if item is None:
        raise ValidationError({"item": "That item is not on this student's path."})
    return item


def school_assessment_get(*, school, assessment_id: int | None) -> Assessment:
    """The school's assessment with this id, or a ValidationError."""
    if assessment_id is None:
        raise ValidationError({"assessment": "Choose an assessment."})
    assessment = Assessment.objects.filter(pk=assessment_id, school=school).first()
    if assessment is None:
        raise ValidationError({"assessment": "Choose one of the school's assessments."})
    return assessment


@transaction.atomic
def path_override_undo(*, teacher, profile: LearnerProfile, override_id: int | None) -> str:
    """Take back one of the teacher's standing changes to the learner's path; returns what it was."""
    if override_id is None:
        raise ValidationError({"override": "Choose an override."})
    override = PathOverride.objects.filter(pk=override_id, learner_id=profile.user_id).first()
    if override is None:
        raise ValidationError({"override": "That change is not on this student's path."})
    description = override.describe()
    path_override_delete(teacher=teacher, override=override)
    return description


@transaction.atomic
def path_item_group(*, teacher, profile: LearnerProfile, item: PlaylistItem, day: datetime.date, section_id=None):
    """Teach the item's target to the learner in a small group on `day`, in the named section or else the first
    of theirs the teacher may change; returns the group."""
    if item.target is None:
        raise ValidationError({"item": "That item has no learning target to teach in a group."})
    section = learner_section_for_change(user=teacher, learner_id=profile.user_id, section_id=section_id)
    [group] = small_groups_plan(
        teacher=teacher,
        section=section,
        meets_on=day,
        groups=[GroupPlan(target=item.target, student_ids=(profile.user_id,))],
    )
    return group


def path_item_move_place(item: PlaylistItem, direction: str) -> int:
    """The place (from 1) an item moves to one step `up` or `down` its path, or a ValidationError at an end."""
    order = list(item.playlist.items.order_by("position").values_list("pk", flat=True))
    place = order.index(item.pk) + (0 if direction == "up" else 2)
    if place < 1 or place > len(order):
        raise ValidationError({"item": f"That item is already {'first' if direction == 'up' else 'last'}."})
    return place


@transaction.atomic
def path_item_change(*, teacher, learner, item: PlaylistItem, action: str, day: datetime.date) -> str:
    """Remove, lock or move (`up`, `down`) an item of the learner's path from `day` on; says what was done. A
    group session changes only by leaving the group (`remove`); the engine's exit ticket does not change."""
    if item.kind == PlaylistItem.Kind.GROUP_SESSION:
        group = (
            SmallGroup.objects.filter(students=learner, meets_on=day, target=item.target)
            .select_related("section__school", "target")
            .first()
        )
        if action == "remove" and group is not None:
            small_group_leave(teacher=teacher, group=group, learner=learner)
            return f"{learner} left the small group on {group.target.code}."
        raise ValidationError({"item": "A group session is changed on the small groups page."})
    if item.kind == PlaylistItem.Kind.EXIT_TICKET:
        raise ValidationError(
            {
                "item": "The exit ticket the engine writes checks the day's work: it changes with the "
                "path, and comes last."
            }
        )
    work_name = item.chosen_activity or item.activity or item.assessment
    if action in ("remove", "lock"):
        _item_override(teacher=teacher, learner=learner, item=item, action=action, day=day)
        return f"{'Removed' if action == 'remove' else 'Locked'} “{work_name}”."
    if action in ("up", "down"):
        place = path_item_move(teacher=teacher, learner=learner, item=item, direction=action, day=day)
        return f"Moved “{work_name}” to place {place}."
    raise ValidationError({"action": f"Unknown change {action!r}."})


@transaction.atomic
def path_item_move(*, teacher, learner, item: PlaylistItem, direction: str, day: datetime.date) -> int:
    """Move an activity or assessment of the learner's path one place `up` or `down` from `day` on; returns
    its new place."""
    place = path_item_move_place(item, direction)
    _item_override(teacher=teacher, learner=learner, item=item, action="move", day=day, position=place)
    return place


def _item_override(*, teacher, learner, item: PlaylistItem, action: str, day: datetime.date, position=None):
    if item.kind == PlaylistItem.Kind.ACTIVITY:
        work = {"activity": item.chosen_activity or item.activity, "target": item.target}
    else:
        work = {"assessment": item.assessment}
    return path_override_create(
        teacher=teacher, learner=learner, action=action, starts_on=day, position=position, **work
    )


@transaction.atomic
def section_assessment_assign(
    *,
    teacher,
    section,
    assessment: Assessment,
    starts_on: datetime.date,
    due: datetime.date,
    students=None,
) -> Assignment:
    """A teacher gives an assessment to a section, or to chosen students of it (`students`, default all), from
    the start of `starts_on` to the end of `due` in the school's days. Past days are history."""
    if starts_on < school_today(section.school):
        raise ValidationError({"starts_on": "Past days are history; start today or later."})
    opens_at, due_at = school_days_span(section.school, starts_on, due)
    return assignment_create(
        assessment=assessment,
        section=section,
        opens_at=opens_at,
        due_at=due_at,
        assigned_by=teacher,
        students=students or (),
    )


# ---------------------------------------------------------------------------------------------------------
# Assigning work from a section's assign page


@dataclass(frozen=True)
class SectionAssignment:
    """What a teacher assigns from the assign page: `what` (`activity`, `target` or `assessment`) by id, to
    `who` (`section`, `group` by id, or chosen `students` by id), from `starts_on` to `due`, with a note."""

    what: str
    work_id: int | None
    who: str
    starts_on: datetime.date
    due: datetime.date
    group_id: int | None = None
    student_ids: tuple[int, ...] = ()
    note: str = ""


def _audience(section, assignment: SectionAssignment) -> tuple[list[int] | None, str]:
    """The students an assignment reaches (None: the whole section) and the words for them."""
    if assignment.who == "section":
        return None, f"all of {section.name}"
    if assignment.who == "group":
        if assignment.group_id is None:
            raise ValidationError({"group": "Choose a group."})
        group = SmallGroup.objects.filter(pk=assignment.group_id, section=section).select_related("target").first()
        if group is None:
            raise ValidationError({"group": "Choose one of the section's small groups."})
        return list(group.students.values_list("pk", flat=True)), f"the small group on {group.target}"
    if assignment.who == "students":
        if not assignment.student_ids:
            raise ValidationError({"students": "Tick at least one student."})
        count = len(assignment.student_ids)
        return list(assignment.student_ids), f"{count} chosen student{'s' if count != 1 else ''}"
    raise ValidationError({"who": "Choose the section, a group or chosen students."})


def _work_get(what: str, work_id: int | None):
    """The activity or learning target the assign page names, or a ValidationError."""
    model = Activity if what == "activity" else LearningTarget
    if work_id is None:
        raise ValidationError({what: f"Choose {'an' if what == 'activity' else 'a'} {what}."})
    work = model.objects.filter(pk=work_id).first()
    if work is None:
        raise ValidationError({what: "Choose an activity." if what == "activity" else "Choose a learning target."})
    return work


@transaction.atomic
def section_assignment_apply(*, teacher, section, assignment: SectionAssignment) -> str:
    """Assign an activity, a learning target or an assessment to the section, one of its small groups or
    chosen students of it; says what was assigned to whom, in a sentence for the page."""
    students, audience = _audience(section, assignment)
    due = assignment.due
    if assignment.what in ("activity", "target"):
        work = _work_get(assignment.what, assignment.work_id)
        work_assign(
            teacher=teacher,
            section=section,
            starts_on=assignment.starts_on,
            due=due,
            students=students,
            note=assignment.note,
            **{assignment.what: work},
        )
        name = f"“{work}”" if assignment.what == "activity" else work.code
        return f"Assigned {name} to {audience}, due {due:%a %b %-d}."
    if assignment.what == "assessment":
        assessment = school_assessment_get(school=section.school, assessment_id=assignment.work_id)
        section_assessment_assign(
            teacher=teacher,
            section=section,
            assessment=assessment,
            starts_on=assignment.starts_on,
            due=due,
            students=None if students is None else list(User.objects.filter(pk__in=students)),
        )
        return f"Assigned “{assessment}” to {audience}, due {due:%a %b %-d}."
    raise ValidationError({"what": "Choose an activity, an assessment or a learning target to assign."})


def _active_students(section, students=None, *, viewer=None) -> list[int]:
    """The ids of `students` (default: all) actively enrolled in the section; a ValidationError otherwise, naming
    only the outsiders `viewer` may see."""
    enrolled = set(section.enrollments.active().values_list("student_id", flat=True))
    if students is None:
        return sorted(enrolled)
    ids = sorted({student.pk if hasattr(student, "pk") else int(student) for student in students})
    if not ids:
        raise ValidationError({"students": "Choose at least one student."})
    outsiders = [pk for pk in ids if pk not in enrolled]
    if outsiders:
        raise ValidationError({"students": not_in_message(viewer=viewer, place=section, outsider_ids=outsiders)})
    return ids


@transaction.atomic
def work_assign(
    *,
    teacher,
    section,
    activity=None,
    target=None,
    students=None,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    due: datetime.date | None = None,
    note: str = "",
) -> list[PathOverride]:
    """A teacher assigns an activity (pinned to each path) or a learning target (worked on first) to a section,
    or to chosen students of it (`students`, default the whole section), from `starts_on` to `ends_on`
    (default: the due date, or that day). Assessments are assigned with `assessments.services.assignment_create`."""
    if not can(teacher, "change", section):
        raise ValidationError("Only the section's teachers and school admins can assign work to it.")
    if (activity is None) == (target is None):
        raise ValidationError({"activity": "Choose an activity or a learning target to assign."})
    ends_on = ends_on or due or starts_on
    if due is not None and due < starts_on:
        raise ValidationError({"due": "The due date comes before the first day."})
    learner_ids = _active_students(section, students, viewer=teacher)
    if not learner_ids:
        raise ValidationError({"students": f"{section} has no students yet."})
    action = PathOverride.Action.PIN if activity is not None else PathOverride.Action.FOCUS
    errors = _override_errors(
        action=action,
        activity=activity,
        assessment=None,
        target=target,
        starts_on=starts_on,
        ends_on=ends_on,
        due=due,
        position=None,
    )
    if errors:
        raise ValidationError(errors)
    if starts_on < school_today(section.school):
        raise ValidationError({"starts_on": "Past days are history; start today or later."})
    if activity is not None:
        if not Activity.objects.usable_at(section.school).filter(pk=activity.pk).exists():
            raise ValidationError({"activity": f"{activity} is not in the school's catalog."})
        target = activity.targets.order_by("code").first()
        if target is None:
            raise ValidationError({"activity": f"{activity} is on no learning target."})
    overrides = PathOverride.objects.bulk_create(
        PathOverride(
            learner_id=learner_id,
            action=action,
            activity=activity,
            target=target,
            starts_on=starts_on,
            ends_on=ends_on,
            due=due,
            note=note.strip(),
            teacher=teacher,
        )
        for learner_id in learner_ids
    )
    audit.bulk_created_record(overrides, school_id=section.school_id)
    _path_change_log(
        teacher=teacher,
        learner_ids=learner_ids,
        action=action,
        description=overrides[0].describe(),
        school_day=starts_on,
    )
    paths_mark_stale(learner_ids=learner_ids, reason=f"teacher_{action}")
    return overrides


@dataclass(frozen=True)
class GroupPlan:
    """One small group a teacher plans: the target, the mini-lesson (or none), the students, a note."""

    target: LearningTarget
    student_ids: tuple[int, ...]
    activity: object = None
    note: str = ""


@transaction.atomic
def small_groups_plan(*, teacher, section, meets_on: datetime.date, groups: list[GroupPlan]) -> list[SmallGroup]:
    """A teacher schedules small groups of a section for a day in one action; each member's path that day shows
    the session (and the exit ticket checks its target). A student joining a group on a target that already
    has one that day joins that group."""
    if not can(teacher, "change", section):
        raise ValidationError("Only the section's teachers and school admins can plan its small groups.")
    if meets_on < school_today(section.school):
        raise ValidationError({"meets_on": "Past days are history; plan today or later."})
    if not groups:
        raise ValidationError({"groups": "Choose at least one group with students in it."})
    planned = []
    for number, plan in enumerate(groups, start=1):
        if not plan.student_ids:
            raise ValidationError({"groups": f"Group {number} ({plan.target.code}) has no students."})
        if plan.activity is not None and (
            not Activity.objects.usable_at(section.school).filter(pk=plan.activity.pk, targets=plan.target).exists()
        ):
            raise ValidationError({"groups": f"{plan.activity} is not a mini-lesson on {plan.target.code}."})
        student_ids = _active_students(section, plan.student_ids, viewer=teacher)
        group = SmallGroup.objects.filter(section=section, target=plan.target, meets_on=meets_on).first()
        if group is None:
            group = SmallGroup.objects.create(
                section=section,
                target=plan.target,
                activity=plan.activity,
                meets_on=meets_on,
                note=plan.note.strip(),
                teacher=teacher,
            )
        elif plan.activity is not None and group.activity_id != plan.activity.pk:
            group.activity = plan.activity
            group.save(update_fields=["activity"])
        group.students.add(*student_ids)
        lesson = f" with “{plan.activity}”" if plan.activity is not None else ""
        _path_change_log(
            teacher=teacher,
            learner_ids=student_ids,
            action="group",
            description=f"Small group on {plan.target.code}{lesson}",
            school_day=meets_on,
        )
        planned.append(group)
    paths_mark_stale(learner_ids={pk for plan in groups for pk in plan.student_ids}, reason="teacher_group")
    return planned


@transaction.atomic
def small_group_leave(*, teacher, group: SmallGroup, learner) -> None:
    """A teacher takes a student out of a small group (the group goes when its last student does)."""
    if not can(teacher, "change", group.section):
        raise ValidationError("Only the section's teachers and school admins can change its small groups.")
    if group.meets_on < school_today(group.section.school):
        raise ValidationError("The group met on a past day; that is history.")
    group.students.remove(learner)
    _path_change_log(
        teacher=teacher,
        learner_ids=[learner.pk],
        action="ungroup",
        description=f"Left the small group on {group.target.code}",
        school_day=group.meets_on,
    )
    if not group.students.exists():
        group.delete()
    paths_mark_stale(learner_ids=[learner.pk], reason="teacher_group")


@transaction.atomic
def section_paths_prepare(*, section, school_day: datetime.date) -> RebuildReport:
    """Build the section's paths for `school_day` (today or later) that are missing or stale, so a teacher can
    review them ahead of the day; fresh paths are left as they are."""
    learner_ids = _active_students(section)
    fresh = set(
        Playlist.objects.filter(
            learner_id__in=learner_ids, school_day=school_day, status=Playlist.Status.FRESH
        ).values_list("learner_id", flat=True)
    )
    wanted = [pk for pk in learner_ids if pk not in fresh]
    if not wanted:
        return RebuildReport(unchanged=len(learner_ids))
    return paths_rebuild(school=section.school, school_day=school_day, learner_ids=wanted)


@transaction.atomic
def section_paths_approve(*, teacher, section, school_day: datetime.date) -> PathApproval:
    """A teacher approves a section's paths for a day after reviewing them (approving again updates the time)."""
    if not can(teacher, "change", section):
        raise ValidationError("Only the section's teachers and school admins can approve its paths.")
    if school_day < school_today(section.school):
        raise ValidationError({"school_day": "Past days are history."})
    section_paths_prepare(section=section, school_day=school_day)
    learner_ids = _active_students(section)
    now = timezone.now()
    approval, _ = PathApproval.objects.update_or_create(
        section=section,
        school_day=school_day,
        defaults={"approved_by": teacher, "approved_at": now, "paths": len(learner_ids)},
    )
    _path_change_log(
        teacher=teacher,
        learner_ids=learner_ids,
        action="approve",
        description=f"Approved the path for {school_day:%a %b %-d}",
        school_day=school_day,
    )
    return approval


@transaction.atomic
def unit_plan_set(
    *, teacher, section, name: str, starts_on: datetime.date, ends_on: datetime.date, targets
) -> UnitPlan:
    """A teacher says which targets a section works on between two dates; its learners' paths follow."""
    if not can(teacher, "change", section):
        raise ValidationError("Only the section's teachers and school admins can plan its units.")
    name = clean_text("name", name, max_length=UnitPlan._meta.get_field("name").max_length)
    if not name:
        raise ValidationError({"name": "Give the unit a name."})
    if ends_on < starts_on:
        raise ValidationError({"ends_on": "The last day comes before the first."})
    targets = list(targets)
    if not targets:
        raise ValidationError({"targets": "A unit needs at least one learning target."})
    unit = UnitPlan.objects.create(section=section, name=name, starts_on=starts_on, ends_on=ends_on)
    unit.targets.set(targets)
    learners = section.enrollments.active().values_list("student_id", flat=True)
    paths_mark_stale(learner_ids=list(learners), reason="unit")
    return unit


# ---------------------------------------------------------------------------------------------------------
# Stale paths and the nightly run

# A path stale for longer than this has lost its rebuild message (a rebuild takes well under a second).
STALE_GRACE = datetime.timedelta(minutes=2)
SWEEP_LIMIT = 5000
# The nightly run starts at this local hour, and cuts a school's learners into batches of this size.
NIGHTLY_HOUR = 2
NIGHTLY_BATCH_SIZE = 500
# A batch sent this long ago and not done is sent again (its worker died, or its message was lost).
NIGHTLY_BATCH_LEASE = datetime.timedelta(minutes=15)


def stale_paths_sweep(*, now: datetime.datetime | None = None) -> int:
    """Enqueue a rebuild of every path of today stale for longer than `STALE_GRACE`; returns how many."""
    now = now or timezone.now()
    sent = 0
    for school in School.objects.all():
        learners = Playlist.objects.filter(
            status=Playlist.Status.STALE,
            stale_since__lt=now - STALE_GRACE,
            school_day=school_today(school, now),
            learner__learner_profile__school=school,
        ).values_list("learner_id", flat=True)[: SWEEP_LIMIT - sent]
        for learner_id in learners:
            enqueue_after_commit("playlists.rebuild_learner", learner_id, "sweeper")
            sent += 1
    return sent


@transaction.atomic
def nightly_runs_start(*, now: datetime.datetime | None = None) -> list[NightlyBatch]:
    """Start the nightly run of every school where the new school day has reached `NIGHTLY_HOUR`, and return
    the batches to send: those of new runs and those of earlier runs not done within their lease."""
    now = now or timezone.now()
    for school in School.objects.all():
        local = school_local_time(school, now)
        if local.hour < NIGHTLY_HOUR or not is_school_day(school, local.date()):
            continue
        run, created = NightlyRun.objects.get_or_create(school=school, school_day=local.date())
        if created:
            learners = list(
                LearnerProfile.objects.filter(school=school).order_by("user_id").values_list("user_id", flat=True)
            )
            batches_create(run, learners, NIGHTLY_BATCH_SIZE)
            if not learners:
                run.finished_at = now
                run.save(update_fields=["finished_at"])
    return batches_send(
        NightlyBatch.objects.all(), now=now, lease=NIGHTLY_BATCH_LEASE, order_by=["run__school_day", "run_id", "number"]
    )


@transaction.atomic
def nightly_batch_build(*, batch_id: int, now: datetime.datetime | None = None) -> RebuildReport | None:
    """Build the paths of one nightly batch and mark it done in the same transaction, so a crash leaves it to
    be sent again and a batch that is already done is not redone. Returns None when there was nothing to do."""
    now = now or timezone.now()
    batch = NightlyBatch.objects.select_for_update().select_related("run__school").get(pk=batch_id)
    if batch.done_at is not None:
        return None
    run = batch.run
    if run.school_day < school_today(run.school, now):
        # The day is over before the batch ran; its learners' paths were built when they first needed them.
        report = RebuildReport()
    else:
        started = time.perf_counter()
        report = paths_rebuild(school=run.school, school_day=run.school_day, learner_ids=batch.learner_ids, now=now)
        logger.info(
            "nightly batch=%d school=%d school_day=%s learners=%d written=%d unchanged=%d items=%d "
            "engine_ms=%.0f duration_ms=%.0f reason=nightly",
            batch.pk,
            run.school_id,
            run.school_day,
            len(batch.learner_ids),
            report.written,
            report.unchanged,
            report.items,
            report.engine_seconds * 1000,
            (time.perf_counter() - started) * 1000,
        )
    batch.done_at = now
    batch.save(update_fields=["done_at"])
    if not run.batches.filter(done_at__isnull=True).exists():
        run.finished_at = now
        run.save(update_fields=["finished_at"])
    return report


# ---------------------------------------------------------------------------------------------------------
# A school's own activities, written by its teachers

ACTIVITY_FIELDS = ("title", "description", "modality", "expected_minutes", "difficulty", "interest_tags", "url", "body")


def _activity_checked(activity: Activity, targets: list[LearningTarget]) -> None:
    if not targets:
        raise ValidationError({"targets": "An activity needs at least one learning target."})
    if not activity.url and not activity.body.strip():
        raise ValidationError({"body": "Write the activity here, or give the address where it lives."})
    activity.full_clean(exclude=["slug"] if activity.pk else None)


@transaction.atomic
def activity_write(*, author, school: School, targets: list[LearningTarget], **fields) -> Activity:
    """A new activity of `school`'s own catalog, on `targets`; the engine offers it from the next rebuild."""
    if not authoring_schools(author).filter(pk=school.pk).exists():
        raise ValidationError({"school": "You can write content only for a school where you teach or which you run."})
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: "This field cannot be set here."})
    title = (fields.get("title") or "").strip()
    activity = Activity(
        school=school,
        slug=f"{school.slug}-{slugify(title)[:60] or 'activity'}-{secrets.token_hex(4)}",
        **{**fields, "title": title},
    )
    _activity_checked(activity, targets)
    activity.save()
    activity.targets.set(targets)
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, by, targets: list[LearningTarget] | None = None, **changes) -> Activity:
    """Change an activity of a school's own catalog (the shared catalog is read-only to schools)."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.school_id is None or not authoring_schools(by).filter(pk=activity.school_id).exists():
        raise ValidationError("Activities of the shared catalog cannot be changed; write one of your school's own.")
    unknown = set(changes) - set(ACTIVITY_FIELDS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: "This field cannot be changed here."})
    for name, value in changes.items():
        setattr(activity, name, value.strip() if name == "title" else value)
    _activity_checked(activity, list(activity.targets.all()) if targets is None else targets)
    activity.save()
    if targets is not None:
        activity.targets.set(targets)
    return activity
