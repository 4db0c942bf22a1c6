"""A student chooses among an item's alternatives and marks work done."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from playlists import services
from playlists.models import Playlist, PlaylistItem


def todays_items(learner) -> list[PlaylistItem]:
    services.playlist_rebuild(learner_id=learner.pk, reason="test")
    return list(Playlist.objects.get(learner=learner).items.order_by("position"))


def test_a_student_chooses_an_alternative_and_marks_it_done(world, catalog, exit_ticket):
    item = next(item for item in todays_items(world.student) if len(item.alternatives) > 1)
    other = item.alternatives[1]

    chosen = services.playlist_item_choose(learner=world.student, item_id=item.pk, activity_id=other)
    assert chosen.chosen_activity_id == other

    done = services.playlist_item_complete(learner=world.student, item_id=item.pk)
    assert done.started_at is not None and done.completed_at is not None
    # the path is marked for a rebuild, and doing it again changes nothing
    assert Playlist.objects.get(learner=world.student).status == Playlist.Status.STALE
    again = services.playlist_item_complete(learner=world.student, item_id=item.pk)
    assert again.completed_at == done.completed_at
    # a rebuild keeps the finished item, with the choice the student made
    services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    kept = PlaylistItem.objects.get(pk=item.pk)
    assert (kept.chosen_activity_id, kept.completed_at) == (other, done.completed_at)


def test_choices_and_completion_are_refused_when_they_make_no_sense(world, catalog, exit_ticket):
    items = todays_items(world.student)
    activity = next(item for item in items if item.kind == "activity" and len(item.alternatives) > 1)
    assessment = next(item for item in items if item.kind == "assessment")

    with pytest.raises(ValidationError, match="not one of this item's choices"):
        services.playlist_item_choose(learner=world.student, item_id=activity.pk, activity_id=999999)
    with pytest.raises(ValidationError, match="not one of this item's choices"):
        services.playlist_item_choose(learner=world.student, item_id=assessment.pk, activity_id=activity.activity_id)
    with pytest.raises(ValidationError, match="done when you submit it"):
        services.playlist_item_complete(learner=world.student, item_id=assessment.pk)
    with pytest.raises(ValidationError, match="not on your path"):
        services.playlist_item_complete(learner=world.other_student, item_id=activity.pk)
    services.playlist_item_complete(learner=world.student, item_id=activity.pk)
    with pytest.raises(ValidationError, match="already done"):
        services.playlist_item_choose(learner=world.student, item_id=activity.pk, activity_id=activity.alternatives[-1])
    # a past day's path is history
    Playlist.objects.filter(pk=activity.playlist_id).update(school_day=datetime.date(2020, 1, 6))
    with pytest.raises(ValidationError, match="That day is over"):
        services.playlist_item_complete(learner=world.student, item_id=items[-1].pk)
    assert PlaylistItem.objects.filter(completed_at__isnull=False).count() == 1
