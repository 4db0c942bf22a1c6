"""Stored daily paths through the real services: rebuilt after what they depend on, history kept, role-scoped."""

import datetime
import logging
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from assessments import services as assessment_services
from learners import services as learner_services
from assessments.models import Attempt
from playlists import engine, selectors, services
from playlists.models import Playlist, PlaylistItem
from tests.conftest import ROLES, item_ids, person

pytestmark = pytest.mark.django_db

NEXT_RATES = "Next: 6.RP.A.2. It doesn't build on anything you haven't learned, so you can start right away."
ASSIGNED_TICKET = "Your teacher assigned this for 6.RP.A.1; it is due tomorrow."


def rows(playlist):
    return [
        (
            item.position,
            item.kind,
            item.activity_id,
            item.assessment_id,
            item.target.code,
            item.minutes,
            item.rule,
            item.source,
            item.alternatives,
            item.reason,
        )
        for item in playlist.items.select_related("target").order_by("position")
    ]


def submit(world, exit_ticket, capture, answers):
    attempt = assessment_services.attempt_start(assignment=exit_ticket, learner=world.student)
    choice, numeric, compare = item_ids(exit_ticket)
    with capture(execute=True):
        assessment_services.attempt_submit(
            attempt=attempt, learner=world.student, answers=dict(zip((choice, numeric, compare), answers))
        )


def local_today():
    return timezone.localtime(timezone.now(), ZoneInfo("America/New_York")).date()


def test_a_rebuild_writes_an_explained_path(world, exit_ticket, catalog, django_assert_max_num_queries):
    # Given a sixth grader with an exit ticket assigned and activities on both of its targets
    # When their path is rebuilt (in a bounded number of queries, whatever the catalog's size)
    with django_assert_max_num_queries(30):
        playlist = services.playlist_rebuild(learner_id=world.student.pk, reason="test")

    # Then today's playlist (the school's date) holds the teacher's exit ticket, then the next target, explained
    inputs = selectors.engine_input_for(learner_id=world.student.pk, school_day=local_today())
    assert (playlist.learner, playlist.school_day, playlist.status) == (world.student, local_today(), "fresh")
    assert (playlist.engine_version, playlist.inputs_digest) == (engine.ENGINE_VERSION, engine.inputs_digest(inputs))
    rates_video, rates_hands_on = catalog["rates-video"].pk, catalog["rates-hands-on"].pk
    assert rows(playlist) == [
        (0, "assessment", None, exit_ticket.assessment_id, "6.RP.A.1", 6, "assigned", "teacher", [], ASSIGNED_TICKET),
        (1, "activity", rates_video, None, "6.RP.A.2", 15, "next", "engine", [rates_video, rates_hands_on], NEXT_RATES),
    ]


def test_each_rebuild_logs_one_line(world, exit_ticket, catalog, caplog):
    with caplog.at_level(logging.INFO, logger="waypoint.rebuild"):
        services.playlist_rebuild(learner_id=world.student.pk, reason="profile")
    [record] = [record for record in caplog.records if record.name == "waypoint.rebuild"]
    assert (record.learner, record.items, record.reason, record.written) == (world.student.pk, 2, "profile", True)
    assert record.getMessage().startswith(f"rebuild learner={world.student.pk} school_day={local_today()} duration_ms=")


def test_running_a_rebuild_twice_writes_the_same_path(world, exit_ticket, catalog):
    first = services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    items_before = list(first.items.order_by("position").values())

    second = services.playlist_rebuild(learner_id=world.student.pk, reason="test")

    # The same row, the same items (same ids), the same digest and time of generation
    assert (second.pk, second.inputs_digest, second.generated_at) == (first.pk, first.inputs_digest, first.generated_at)
    assert list(second.items.order_by("position").values()) == items_before
    assert Playlist.objects.count() == 1


def test_a_submitted_exit_ticket_rebuilds_the_path(world, exit_ticket, catalog, django_capture_on_commit_callbacks):
    # Given today's path
    before = services.playlist_rebuild(learner_id=world.student.pk, reason="test")

    # When the student gets every question of the exit ticket wrong
    submit(world, exit_ticket, django_capture_on_commit_callbacks, ("b", "0.8", ">"))

    # Then the path is rebuilt: the exit ticket stays where it was, done; twice wrong on each target, both are
    # taught again another way (no prerequisite under them to look at first), and the engine's own exit ticket
    # checks them; no small group yet (that takes three wrong in a row, a re-teach between)
    after = Playlist.objects.get(learner=world.student, school_day=local_today())
    assert after.pk == before.pk and after.inputs_digest != before.inputs_digest
    ratios_reading, ratios_video, ratios_practice = (
        catalog[slug].pk for slug in ("ratios-reading", "ratios-video", "ratios-practice")
    )
    rates_video, rates_hands_on = catalog["rates-video"].pk, catalog["rates-hands-on"].pk
    assert rows(after) == [
        (
            0,
            "assessment",
            None,
            exit_ticket.assessment_id,
            "6.RP.A.1",
            6,
            "assigned",
            "teacher",
            [],
            "Your teacher assigned this for 6.RP.A.1; it is due tomorrow.",
        ),
        (
            1,
            "activity",
            ratios_reading,
            None,
            "6.RP.A.1",
            12,
            "reteach",
            "engine",
            [ratios_reading, ratios_video, ratios_practice],
            "Let's try 6.RP.A.1 another way: last time it didn't click, so here is a reading.",
        ),
        (
            2,
            "activity",
            rates_video,
            None,
            "6.RP.A.2",
            15,
            "reteach",
            "engine",
            [rates_video, rates_hands_on],
            "Let's try 6.RP.A.2 another way: last time it didn't click, so here is a video.",
        ),
        (
            3,
            "exit_ticket",
            None,
            None,
            "6.RP.A.1",
            5,
            "exit_ticket",
            "engine",
            [],
            "Exit ticket: a few quick questions on 6.RP.A.1 and 6.RP.A.2 show what you learned today, so tomorrow's "
            "path fits you.",
        ),
    ]
    assert after.items.get(position=3).checks == ["6.RP.A.1", "6.RP.A.2"] and after.flags == []
    ticket = after.items.get(position=0)
    assert ticket.completed_at == Attempt.objects.get(learner=world.student).submitted_at


def test_an_attempt_closed_when_time_ran_out_is_done_on_the_path_as_a_submitted_one_is(
    world, exit_ticket, catalog, django_capture_on_commit_callbacks
):
    # Given the student's path with the exit ticket on it, and an attempt they saved answers in and never handed
    # in before its time ran out
    before = services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    attempt = assessment_services.attempt_start(assignment=exit_ticket, learner=world.student)
    for item_id, answer in zip(item_ids(exit_ticket), ("b", "0.8", ">")):
        assessment_services.attempt_answer_save(attempt=attempt, learner=world.student, item_id=item_id, answer=answer)
    Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - datetime.timedelta(hours=1))

    # When the sweeper closes it
    with django_capture_on_commit_callbacks(execute=True):
        assert assessment_services.attempts_close_expired() == 1

    # Then what follows a submit follows: its answers are mastery evidence, the exit ticket is done on the path
    # (it stays where it was through the rebuild), and the path is rebuilt from the new evidence
    attempt.refresh_from_db()
    assert attempt.status == "scored"
    assert set(world.student.mastery_states.values_list("target__code", flat=True)) == {"6.RP.A.1", "6.RP.A.2"}
    after = Playlist.objects.get(learner=world.student, school_day=local_today())
    assert after.pk == before.pk and after.inputs_digest != before.inputs_digest and after.status == "fresh"
    ticket = after.items.get(assessment_id=exit_ticket.assessment_id)
    assert (ticket.position, ticket.completed_at) == (0, attempt.submitted_at)


def test_a_started_item_stays_where_it_is(world, exit_ticket, catalog, django_capture_on_commit_callbacks):
    # Given the student started the rates activity, second on today's path
    playlist = services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    started = playlist.items.get(position=1)
    services.playlist_item_start(learner=world.student, item_id=started.pk)

    # When their mastery changes (every answer of the exit ticket wrong) and the path is rebuilt
    submit(world, exit_ticket, django_capture_on_commit_callbacks, ("b", "0.8", ">"))

    # Then the started activity keeps its place and row; the new items take the free places around it
    playlist.refresh_from_db()
    assert playlist.items.get(position=1).pk == started.pk
    assert [
        (item.position, item.kind, item.target.code, item.rule) for item in playlist.items.order_by("position")
    ] == [
        (0, "assessment", "6.RP.A.1", "assigned"),  # handed in, so done, and kept
        (1, "activity", "6.RP.A.2", "next"),
        (2, "activity", "6.RP.A.1", "reteach"),
        (3, "exit_ticket", "6.RP.A.1", "exit_ticket"),
    ]


def test_a_past_days_playlist_is_never_rebuilt(world, exit_ticket, catalog, django_capture_on_commit_callbacks):
    # Given yesterday's playlist
    yesterday = services.playlist_rebuild(
        learner_id=world.student.pk, reason="test", now=timezone.now() - datetime.timedelta(days=1)
    )
    history = (Playlist.objects.filter(pk=yesterday.pk).values().get(), list(yesterday.items.values()))

    # When today's mastery changes and today's path is rebuilt
    submit(world, exit_ticket, django_capture_on_commit_callbacks, ("b", "0.8", ">"))

    # Then yesterday is as it was, and asking to rebuild it is refused
    with pytest.raises(ValidationError, match="is history"):
        services.playlist_rebuild(learner_id=world.student.pk, reason="test", school_day=yesterday.school_day)
    assert (Playlist.objects.filter(pk=yesterday.pk).values().get(), list(yesterday.items.values())) == history
    assert sorted(Playlist.objects.values_list("school_day", flat=True)) == [yesterday.school_day, local_today()]


def test_a_profile_change_rebuilds_the_path(world, exit_ticket, catalog, django_capture_on_commit_callbacks):
    # When the student's budget shrinks to 10 minutes
    with django_capture_on_commit_callbacks(execute=True):
        learner_services.learner_profile_update(
            by=world.teacher, profile=world.student_profile, changes={"daily_minutes_budget": 10}
        )

    # Then the path holds the teacher's exit ticket only: no activity fits beside it
    playlist = Playlist.objects.get(learner=world.student)
    assert [(item.kind, item.rule) for item in playlist.items.all()] == [("assessment", "assigned")]


def test_a_judgment_rebuilds_the_path(world, bank, exit_ticket, catalog, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        learner_services.mastery_judgment_set(
            learner=world.student, target=bank.rates, teacher=world.teacher, level="mastered", reason="Showed me."
        )
    # 6.RP.A.2 is mastered, so nothing new is left beside the teacher's exit ticket
    playlist = Playlist.objects.get(learner=world.student)
    assert [(item.kind, item.rule) for item in playlist.items.all()] == [("assessment", "assigned")]


# role -> may see world.student's playlist
PLAYLIST_MATRIX = {
    "anonymous": False,
    "student": True,
    "other_student": False,
    "teacher": True,
    "other_teacher": False,
    "school_admin": True,
    "other_school_admin": False,
    "district_admin": True,
}


@pytest.mark.parametrize("role", ROLES)
def test_a_playlist_is_seen_by_its_learner_their_teachers_and_admins(world, exit_ticket, catalog, role):
    playlist = services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    user = person(world, role)
    if PLAYLIST_MATRIX[role]:
        found = selectors.playlist_for_learner(user=user, learner_id=world.student.pk, day=local_today())
        assert found == selectors.playlist_get_for_user(user=user, playlist_id=playlist.pk) == playlist
        assert [item.position for item in found.items.all()] == [0, 1]
    else:
        with pytest.raises(Http404):
            selectors.playlist_for_learner(user=user, learner_id=world.student.pk, day=local_today())
        with pytest.raises(Http404):
            selectors.playlist_get_for_user(user=user, playlist_id=playlist.pk)


def test_a_learner_starts_only_their_own_items(world, exit_ticket, catalog):
    playlist = services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    item = playlist.items.get(position=1)
    with pytest.raises(ValidationError, match="not on your path"):
        services.playlist_item_start(learner=world.other_student, item_id=item.pk)
    assert PlaylistItem.objects.get(pk=item.pk).started_at is None
