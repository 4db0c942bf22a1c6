"""Writes to the daily paths, one function per use case."""
from __future__ import annotations

import datetime
import itertools
import logging
import time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assessments.models import LearningTarget
from learning_platform.models import User
from playlists import engine
from playlists.models import Playlist, PlaylistItem
from playlists.selectors import engine_input_for, learner_school_day

logger = logging.getLogger("waypoint.rebuild")


@transaction.atomic
def playlist_rebuild(
    *, learner_id: int, reason: str, school_day: datetime.date | None = None, now: datetime.datetime | None = None
) -> Playlist:
    """Build the learner's path for `school_day` (default: today at their school) and store it.

    When the day's playlist was built from the same inputs by the same engine version it is left as it is, so
    a rebuild that runs twice (or a burst of them) writes one path. Otherwise the items the learner has neither
    started nor completed are replaced, and the started and completed ones stay at their positions. A past
    day is history: rebuilding it is refused.
    """
    started = time.perf_counter()
    # Rebuilds of one learner take turns (as mastery updates do, on the same row), so two at once cannot both
    # create the day's playlist or interleave their items.
    User.objects.select_for_update().filter(pk=learner_id).exists()
    today = learner_school_day(learner_id=learner_id, now=now)
    school_day = school_day or today
    if school_day < today:
        raise ValidationError(f"The playlist of {school_day} is history and is never rebuilt.")
    path = engine.build_path(engine_input_for(learner_id=learner_id, school_day=school_day))
    playlist = Playlist.objects.filter(learner_id=learner_id, school_day=school_day).first()
    written = not (
        playlist is not None
        and playlist.inputs_digest == path.inputs_digest
        and playlist.engine_version == path.engine_version
    )
    if written:
        playlist = _playlist_write(playlist, learner_id=learner_id, school_day=school_day, path=path)
    elif playlist.status != Playlist.Status.FRESH:
        playlist.status = Playlist.Status.FRESH
        playlist.save(update_fields=["status"])
    logger.info(
        "rebuild learner=%d school_day=%s duration_ms=%.1f items=%d written=%s reason=%s",
        learner_id, school_day, (time.perf_counter() - started) * 1000, len(path.items), written, reason,
        extra={"learner": learner_id, "items": len(path.items), "reason": reason, "written": written},
    )  # fmt: skip
    return playlist


def _playlist_write(
    playlist: Playlist | None, *, learner_id: int, school_day: datetime.date, path: engine.DailyPath
) -> Playlist:
    now = timezone.now()
    if playlist is None:
        playlist = Playlist.objects.create(
            learner_id=learner_id, school_day=school_day, generated_at=now, engine_version=path.engine_version,
            inputs_digest=path.inputs_digest,
        )  # fmt: skip
        underway = []
    else:
        playlist.generated_at, playlist.status = now, Playlist.Status.FRESH
        playlist.engine_version, playlist.inputs_digest = path.engine_version, path.inputs_digest
        playlist.save(update_fields=["generated_at", "status", "engine_version", "inputs_digest"])
        items = list(playlist.items.all())
        underway = [item for item in items if item.is_underway]
        PlaylistItem.objects.filter(pk__in=[item.pk for item in items if not item.is_underway]).delete()
    target_ids = dict(
        LearningTarget.objects.filter(code__in={item.target_code for item in path.items}).values_list("code", "pk")
    )
    taken = {item.position for item in underway}
    free_positions = (position for position in itertools.count() if position not in taken)
    PlaylistItem.objects.bulk_create(
        PlaylistItem(
            playlist=playlist, position=next(free_positions), kind=item.kind,
            activity_id=item.ref_id if item.kind == PlaylistItem.Kind.ACTIVITY else None,
            assessment_id=item.ref_id if item.kind == PlaylistItem.Kind.ASSESSMENT else None,
            target_id=target_ids.get(item.target_code), minutes=item.minutes, reason=item.reason, rule=item.rule,
            source=item.source, pinned=item.pinned, locked=item.locked, alternatives=list(item.alternatives),
        )
        for item in path.items
        if not any(_same_work(item, kept, target_ids) for kept in underway)
    )  # fmt: skip
    return playlist


def _same_work(item: engine.PathItem, kept: PlaylistItem, target_ids: dict[str, int]) -> bool:
    """Is the engine's `item` the work the learner already has underway in `kept` (so it is not added twice)?"""
    if item.kind != kept.kind:
        return False
    if item.kind == PlaylistItem.Kind.ACTIVITY:
        return bool({kept.activity_id, kept.chosen_activity_id} & {item.ref_id, *item.alternatives})
    if item.kind == PlaylistItem.Kind.ASSESSMENT:
        return kept.assessment_id == item.ref_id
    return kept.target_id == target_ids.get(item.target_code)


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
