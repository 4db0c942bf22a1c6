"""Writes to the daily paths, one function per use case.

Every path is built by `paths_rebuild`, for one learner (after an assessment, a judgment, a teacher's change)
or for a thousand (the nightly run): it reads the learners' inputs in a fixed number of queries, runs the
engine on each, and writes only the paths whose inputs changed.
"""
from __future__ import annotations

import datetime
import io
import itertools
import json
import logging
import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from assessments.models import LearningTarget
from learners.models import LearnerProfile
from learning_platform.models import School, User
from learning_platform.queue import enqueue_after_commit
from playlists import engine
from playlists.models import Playlist, PlaylistItem
from playlists.selectors import engine_inputs_for

logger = logging.getLogger("waypoint.rebuild")

# From this many new items on PostgreSQL, items are written with COPY rather than INSERT.
COPY_FROM_ROWS = 200


@dataclass
class RebuildReport:
    """What a rebuild did: paths written (created or changed), left as they were, and the engine's time."""

    written: int = 0
    unchanged: int = 0
    items: int = 0
    engine_seconds: float = 0.0


def school_today(school: School, now: datetime.datetime | None = None) -> datetime.date:
    """Today's date where the school is."""
    return timezone.localtime(now or timezone.now(), ZoneInfo(school.time_zone)).date()


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
        learner_id, school_day, (time.perf_counter() - started) * 1000, report.items, bool(report.written), reason,
        extra={"learner": learner_id, "items": report.items, "reason": reason, "written": bool(report.written)},
    )  # fmt: skip
    return playlist


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
    # create the day's playlist or interleave their items; rows are locked in id order, so batches cannot
    # deadlock each other.
    ids = list(User.objects.select_for_update().filter(pk__in=learner_ids).order_by("pk").values_list("pk", flat=True))
    inputs = engine_inputs_for(school_id=school.pk, school_day=school_day, learner_ids=ids)
    existing = {
        learner_id: (pk, digest, version, status)
        for learner_id, pk, digest, version, status in Playlist.objects.filter(
            learner_id__in=ids, school_day=school_day
        ).values_list("learner_id", "pk", "inputs_digest", "engine_version", "status")
    }
    report = RebuildReport()
    paths: dict[int, engine.DailyPath] = {}
    refreshed = []
    started = time.perf_counter()
    for learner_id, learner_inputs in inputs.items():
        path = engine.build_path(learner_inputs)
        report.items += len(path.items)
        known = existing.get(learner_id)
        if known and (known[1], known[2]) == (path.inputs_digest, path.engine_version):
            report.unchanged += 1
            if known[3] != Playlist.Status.FRESH:
                refreshed.append(known[0])
        else:
            paths[learner_id] = path
    report.engine_seconds = time.perf_counter() - started
    if refreshed:
        Playlist.objects.filter(pk__in=refreshed).update(status=Playlist.Status.FRESH, stale_since=None)
    if paths:
        _paths_write(paths, existing, school_day=school_day, now=now)
    report.written = len(paths)
    return report


def _paths_write(
    paths: dict[int, engine.DailyPath], existing: dict, *, school_day: datetime.date, now: datetime.datetime
) -> None:
    """Store the changed paths: new playlists for learners without one, and for the others new items around
    the ones already underway."""
    target_ids = dict(LearningTarget.objects.values_list("code", "pk"))
    changed = [existing[learner_id][0] for learner_id in paths if learner_id in existing]
    underway: dict[int, list[PlaylistItem]] = {}
    if changed:
        for item in PlaylistItem.objects.filter(playlist_id__in=changed).only(
            "playlist_id", "position", "kind", "activity_id", "chosen_activity_id", "assessment_id", "target_id",
            "started_at", "completed_at",
        ):  # fmt: skip
            if item.is_underway:
                underway.setdefault(item.playlist_id, []).append(item)
        PlaylistItem.objects.filter(
            playlist_id__in=changed, started_at__isnull=True, completed_at__isnull=True
        ).delete()
        updates = [
            Playlist(
                pk=existing[learner_id][0], generated_at=now, status=Playlist.Status.FRESH, stale_since=None,
                engine_version=path.engine_version, inputs_digest=path.inputs_digest, flags=_flags(path),
            )
            for learner_id, path in paths.items()
            if learner_id in existing
        ]  # fmt: skip
        Playlist.objects.bulk_update(
            updates, ["generated_at", "status", "stale_since", "engine_version", "inputs_digest", "flags"],
            batch_size=1000,
        )  # fmt: skip
    created = Playlist.objects.bulk_create(
        [
            Playlist(
                learner_id=learner_id, school_day=school_day, generated_at=now, engine_version=path.engine_version,
                inputs_digest=path.inputs_digest, flags=_flags(path),
            )
            for learner_id, path in paths.items()
            if learner_id not in existing
        ],
        batch_size=1000,
    )  # fmt: skip
    playlist_of = {playlist.learner_id: playlist.pk for playlist in created}
    playlist_of.update({learner_id: existing[learner_id][0] for learner_id in paths if learner_id in existing})
    rows = []
    for learner_id, path in paths.items():
        playlist_id = playlist_of[learner_id]
        kept = underway.get(playlist_id, [])
        taken = {item.position for item in kept}
        free_positions = (position for position in itertools.count() if position not in taken)
        for item in path.items:
            if not any(_same_work(item, other, target_ids) for other in kept):
                rows.append(_item_row(playlist_id, next(free_positions), item, target_ids))
    _items_insert(rows)


def _flags(path: engine.DailyPath) -> list[dict]:
    return [{"kind": flag.kind, "targets": list(flag.target_codes), "message": flag.message} for flag in path.flags]


# The columns a new item is written with; the others (chosen activity, started, completed) start empty.
ITEM_COLUMNS = ("playlist_id", "position", "kind", "activity_id", "assessment_id", "target_id", "minutes", "reason",
                "rule", "source", "pinned", "locked", "alternatives")  # fmt: skip


def _item_row(playlist_id: int, position: int, item: engine.PathItem, target_ids: dict[str, int]) -> tuple:
    return (
        playlist_id, position, item.kind, item.ref_id if item.kind == PlaylistItem.Kind.ACTIVITY else None,
        item.ref_id if item.kind == PlaylistItem.Kind.ASSESSMENT else None, target_ids.get(item.target_code),
        item.minutes, item.reason, item.rule, item.source, item.pinned, item.locked, list(item.alternatives),
    )  # fmt: skip


def _items_insert(rows: list[tuple]) -> None:
    """Insert new items: with COPY on PostgreSQL when there are many, otherwise with the ORM."""
    if connection.vendor == "postgresql" and len(rows) >= COPY_FROM_ROWS:
        buffer = io.StringIO()
        for row in rows:
            buffer.write("\t".join(_copy_text(value) for value in row))
            buffer.write("\n")
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(
                f"COPY {PlaylistItem._meta.db_table} ({', '.join(ITEM_COLUMNS)}) FROM STDIN", buffer
            )
        return
    PlaylistItem.objects.bulk_create([PlaylistItem(**dict(zip(ITEM_COLUMNS, row))) for row in rows], batch_size=1000)


def _copy_text(value) -> str:
    """A value in COPY's text format."""
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, list):
        value = json.dumps(value)
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _same_work(item: engine.PathItem, kept: PlaylistItem, target_ids: dict[str, int]) -> bool:
    """Is the engine's `item` the work the learner already has underway in `kept` (so it is not added twice)?"""
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
    marked = 0
    zones = LearnerProfile.objects.filter(user_id__in=learner_ids).values_list("user_id", "school__time_zone")
    by_zone: dict[str, list[int]] = {}
    for learner_id, zone in zones:
        by_zone.setdefault(zone, []).append(learner_id)
    for zone, ids in by_zone.items():
        today = timezone.localtime(now, ZoneInfo(zone)).date()
        paths = Playlist.objects.filter(learner_id__in=ids, school_day__gte=today)
        marked += paths.filter(status=Playlist.Status.FRESH).update(status=Playlist.Status.STALE, stale_since=now)
    for learner_id in learner_ids:
        enqueue_after_commit("playlists.rebuild_learner", learner_id, reason)
    return marked


@transaction.atomic
def playlist_item_start(*, learner, item_id: int, now: datetime.datetime | None = None) -> PlaylistItem:
    """The learner starts an item of their path (starting it again changes nothing)."""
    try:
        item = PlaylistItem.objects.select_for_update().get(pk=item_id, playlist__learner=learner)
    except PlaylistItem.DoesNotExist:
        raise ValidationError("This item is not on your path.") from None
    if item.started_at is None:
        item.started_at = now or timezone.now()
        item.save(update_fields=["started_at"])
    return item
