"""Rebuilding many paths at once, the teacher's pins, removals and locks, stale paths and their sweeper, and the
nightly run that builds the new school day in batches and resumes after a crash."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Item
from learners import services as learner_services
from learning_platform import bulk
from learning_platform import services as school_services
from playlists import engine, selectors, services
from playlists.models import NightlyBatch, NightlyRun, PathOverride, Playlist
from tests.factories import LearnerFactory
from tests.playlists.test_paths import local_today, rows

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


def rebuild(world, learner=None):
    return services.playlist_rebuild(learner_id=(learner or world.student).pk, reason="test")


def classmates(world, count):
    learners = []
    for number in range(count):
        profile = LearnerFactory(school=world.school, username=f"classmate-{number}", grade="6")
        school_services.enrollment_create(
            section=world.section, student=profile.user, enrolled_on=datetime.date(2026, 9, 1)
        )
        learners.append(profile.user)
    return learners


# Many learners at once.


def test_a_batch_reads_each_learner_exactly_as_a_rebuild_of_one_does(world, exit_ticket, catalog, bank):
    learner_services.learner_goal_create(
        learner=world.other_student_profile, target=bank.rates, reach_by=datetime.date(2026, 12, 18), why="Cooking."
    )
    ids = [world.student.pk, world.other_student.pk]
    together = selectors.engine_inputs_for(school_id=world.school.pk, school_day=local_today(), learner_ids=ids)
    for learner_id in ids:
        alone = selectors.engine_input_for(learner_id=learner_id, school_day=local_today())
        assert together[learner_id] == alone
        assert engine.build_path(together[learner_id]) == engine.build_path(alone)
    assert together[world.student.pk] != together[world.other_student.pk]


def test_a_batch_runs_the_same_queries_for_one_learner_or_twenty(world, exit_ticket, catalog):
    learners = classmates(world, 19)
    school_day = local_today()
    # (the first read of the catalog is cached for the next ones: read it before counting)
    services.paths_rebuild(school=world.school, school_day=school_day, learner_ids=[world.stranger_student_profile.pk])
    with CaptureQueriesContext(connection) as one:
        services.paths_rebuild(school=world.school, school_day=school_day, learner_ids=[world.student.pk])
    with CaptureQueriesContext(connection) as twenty:
        report = services.paths_rebuild(
            school=world.school,
            school_day=school_day,
            learner_ids=[learner.pk for learner in learners] + [world.other_student.pk],
        )
    assert (report.written, report.unchanged) == (20, 0)
    assert len(twenty.captured_queries) == len(one.captured_queries)
    # And a second batch over all of them writes nothing new
    again = services.paths_rebuild(
        school=world.school,
        school_day=school_day,
        learner_ids=[world.student.pk, *(learner.pk for learner in learners)],
    )
    assert (again.written, again.unchanged) == (0, 20)
    assert Playlist.objects.filter(school_day=school_day).count() == 22


def test_a_batch_leaves_out_learners_of_other_schools_and_refuses_past_days(world, exit_ticket, catalog):
    report = services.paths_rebuild(
        school=world.school, school_day=local_today(), learner_ids=[world.student.pk, world.far_student_profile.pk]
    )
    assert report.written == 1
    assert not Playlist.objects.filter(learner=world.far_student_profile.user).exists()
    with pytest.raises(ValidationError, match="history"):
        services.paths_rebuild(
            school=world.school, school_day=local_today() - datetime.timedelta(days=1), learner_ids=[world.student.pk]
        )


def test_the_engines_flags_are_stored_with_the_path(world, catalog, bank):
    # A sixth grader with activities on 6.RP.A.1 and 6.RP.A.2, and no question of the bank left on 6.RP.A.2
    Item.objects.filter(targets=bank.rates).update(is_active=False)
    playlist = rebuild(world)
    # The engine's exit ticket checks 6.RP.A.1, and the teacher is told nothing checks 6.RP.A.2
    assert playlist.flags == [
        {
            "kind": "no_questions",
            "targets": ["6.RP.A.2"],
            "message": "No question in the bank checks 6.RP.A.2 yet: add some, or check it another way.",
        }
    ]
    ticket = playlist.items.get(kind="exit_ticket")
    assert ticket.checks == ["6.RP.A.1"] and "There are no questions on 6.RP.A.2 yet" in ticket.reason


# The teacher's pins, removals and locks.


def override(world, action, **kwargs):
    return services.path_override_create(
        teacher=world.teacher, learner=world.student, action=action, starts_on=local_today(), **kwargs
    )


def test_a_pinned_activity_comes_first_with_the_teachers_reason(
    world, exit_ticket, catalog, bank, django_capture_on_commit_callbacks
):
    rebuild(world)
    practice = catalog["ratios-practice"]
    due = local_today()
    with django_capture_on_commit_callbacks(execute=True):
        override(world, "pin", activity=practice, due=due, note="Before the quiz.")
    playlist = Playlist.objects.get(learner=world.student, school_day=local_today())
    first = playlist.items.order_by("position").first()
    assert (first.kind, first.activity_id, first.source, first.pinned, first.rule) == (
        "activity",
        practice.pk,
        "teacher",
        True,
        "pinned",
    )
    # (due today, it comes before the exit ticket assigned for tomorrow)
    assert first.reason == "Your teacher pinned this to your path for 6.RP.A.1; it is due today."


def test_a_removed_activity_never_comes_back_that_day(world, exit_ticket, catalog, django_capture_on_commit_callbacks):
    playlist = rebuild(world)
    suggested = playlist.items.get(rule="next")
    with django_capture_on_commit_callbacks(execute=True):
        override(world, "remove", activity=suggested.activity)
    playlist = Playlist.objects.get(pk=playlist.pk)
    offered = {ref for item in playlist.items.all() for ref in [item.activity_id, *item.alternatives]}
    assert suggested.activity_id not in offered
    # Even pinned by the other teacher of the day's plan, it stays off
    with django_capture_on_commit_callbacks(execute=True):
        override(world, "pin", activity=suggested.activity)
    assert suggested.activity_id not in set(
        Playlist.objects.get(pk=playlist.pk).items.values_list("activity_id", flat=True)
    )


def test_a_locked_activity_is_offered_without_alternatives(
    world, exit_ticket, catalog, django_capture_on_commit_callbacks
):
    playlist = rebuild(world)
    suggested = playlist.items.get(rule="next")
    assert len(suggested.alternatives) == 2
    with django_capture_on_commit_callbacks(execute=True):
        override(world, "lock", activity=suggested.activity)
    locked = Playlist.objects.get(pk=playlist.pk).items.get(rule="next")
    assert (locked.activity_id, locked.locked, locked.alternatives) == (suggested.activity_id, True, [])


def test_undoing_an_override_restores_the_path(world, exit_ticket, catalog, django_capture_on_commit_callbacks):
    before = rows(rebuild(world))
    suggested = Playlist.objects.get(learner=world.student).items.get(rule="next")
    with django_capture_on_commit_callbacks(execute=True):
        removal = override(world, "remove", activity=suggested.activity)
    assert rows(Playlist.objects.get(learner=world.student)) != before
    with django_capture_on_commit_callbacks(execute=True):
        services.path_override_delete(teacher=world.teacher, override=removal)
    assert rows(Playlist.objects.get(learner=world.student)) == before


@pytest.mark.parametrize(
    ("who", "kwargs", "message"),
    [
        ("other_teacher", {"action": "pin"}, "Only the learner's teachers"),
        ("student", {"action": "pin"}, "Only the learner's teachers"),
        ("teacher", {"action": "shout"}, "Unknown action"),
        ("teacher", {"action": "pin", "assessment": "ticket", "activity": None}, "pin activities"),
        ("teacher", {"action": "pin", "ends_on": -1}, "comes before"),
        ("teacher", {"action": "lock", "due": 2}, "Only a pin or an assigned target has a due date"),
        ("teacher", {"action": "pin", "starts_on": -1, "ends_on": 0}, "Past days are history"),
    ],
)
def test_bad_overrides_are_refused_and_nothing_is_saved(world, exit_ticket, catalog, who, kwargs, message):
    today = local_today()
    arguments = {"activity": catalog["ratios-video"], "starts_on": today}
    for name, value in kwargs.items():
        if name in ("ends_on", "due", "starts_on") and isinstance(value, int):
            value = today + datetime.timedelta(days=value)
        elif value == "ticket":
            value = exit_ticket.assessment
        arguments[name] = value
    with pytest.raises(ValidationError, match=message):
        services.path_override_create(teacher=getattr(world, who), learner=world.student, **arguments)
    assert not PathOverride.objects.exists()


def test_a_pin_drops_off_once_the_learner_completed_it(world, exit_ticket, catalog, django_capture_on_commit_callbacks):
    practice = catalog["ratios-practice"]
    with django_capture_on_commit_callbacks(execute=True):
        override(world, "pin", activity=practice)
    item = Playlist.objects.get(learner=world.student).items.get(rule="pinned")
    item.completed_at = timezone.now()
    item.save(update_fields=["completed_at"])
    inputs = selectors.engine_input_for(learner_id=world.student.pk, school_day=local_today())
    assert inputs.pins == ()


def test_the_current_unit_leads_the_learning_targets(world, catalog, bank, django_capture_on_commit_callbacks):
    # Without a unit, 6.RP.A.1 comes before 6.RP.A.2 (it unlocks more); with a unit on rates, rates lead
    with django_capture_on_commit_callbacks(execute=True):
        services.unit_plan_set(
            teacher=world.teacher,
            section=world.section,
            name="Rates",
            starts_on=local_today(),
            ends_on=local_today() + datetime.timedelta(days=10),
            targets=[bank.rates],
        )
    playlist = Playlist.objects.filter(learner=world.student).first() or rebuild(world)
    first = playlist.items.order_by("position").first()
    assert first.target.code == "6.RP.A.2"
    assert first.reason.startswith("Next: 6.RP.A.2, from your class's current unit.")
    with pytest.raises(ValidationError, match="Only the section's teachers"):
        services.unit_plan_set(
            teacher=world.other_teacher,
            section=world.section,
            name="Rates",
            starts_on=local_today(),
            ends_on=local_today(),
            targets=[bank.rates],
        )


# Stale paths and the sweeper.


def test_a_change_marks_the_path_stale_until_its_rebuild(
    world, exit_ticket, catalog, django_capture_on_commit_callbacks
):
    playlist = rebuild(world)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        learner_services.learner_profile_update(
            by=world.teacher, profile=world.student_profile, changes={"daily_minutes_budget": 20}
        )
    stale = Playlist.objects.get(pk=playlist.pk)
    assert (stale.status, stale.stale_since is not None) == ("stale", True)
    assert [callback.key for callback in callbacks] == [("playlists.rebuild_learner", (world.student.pk, "profile"))]
    for callback in callbacks:
        callback()
    fresh = Playlist.objects.get(pk=playlist.pk)
    assert (fresh.status, fresh.stale_since) == ("fresh", None)


def test_a_new_assignment_marks_every_learner_it_reaches_stale(
    world, exit_ticket, catalog, django_capture_on_commit_callbacks
):
    for learner in (world.student, world.other_student):
        rebuild(world, learner)
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=False):
        assessment_services.assignment_create(
            assessment=exit_ticket.assessment,
            section=world.section,
            opens_at=now,
            due_at=now + datetime.timedelta(days=2),
            assigned_by=world.teacher,
            students=[world.other_student],
        )
    assert list(Playlist.objects.order_by("learner_id").values_list("learner_id", "status")) == [
        (world.student.pk, "fresh"),
        (world.other_student.pk, "stale"),
    ]
    # (the exit ticket's own assignment already asked for the same rebuilds in this test's transaction)
    pending = [getattr(entry[1], "key", None) for entry in connection.run_on_commit]
    assert ("playlists.rebuild_learner", (world.other_student.pk, "assignment")) in pending


def test_the_sweeper_rebuilds_paths_whose_message_was_lost(
    world, exit_ticket, catalog, django_capture_on_commit_callbacks
):
    playlist = rebuild(world)
    rebuild(world, world.other_student)
    # A profile change whose rebuild message never arrived
    with django_capture_on_commit_callbacks(execute=False):
        learner_services.learner_profile_update(
            by=world.teacher, profile=world.student_profile, changes={"daily_minutes_budget": 20}
        )
    marked_at = Playlist.objects.get(pk=playlist.pk).stale_since
    # Within the grace period the sweeper leaves it to its message
    assert services.stale_paths_sweep(now=marked_at + datetime.timedelta(seconds=30)) == 0
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.stale_paths_sweep(now=marked_at + services.STALE_GRACE + datetime.timedelta(seconds=1)) == 1
    assert [callback.key for callback in callbacks] == [("playlists.rebuild_learner", (world.student.pk, "sweeper"))]
    swept = Playlist.objects.get(pk=playlist.pk)
    assert swept.status == "fresh" and swept.items.get(rule="next")
    assert services.stale_paths_sweep(now=marked_at + datetime.timedelta(hours=1)) == 0


# The nightly run.


def night(day: datetime.date, hour: int = 2, minute: int = 30) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=NEW_YORK)


@pytest.fixture
def tomorrow():
    day = local_today() + datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def test_the_nightly_run_builds_every_learners_path_in_batches(world, exit_ticket, catalog, tomorrow, monkeypatch):
    monkeypatch.setattr(services, "NIGHTLY_BATCH_SIZE", 2)
    # Before the school's nightly hour nothing starts
    assert services.nightly_runs_start(now=night(tomorrow, hour=1)) == []
    batches = services.nightly_runs_start(now=night(tomorrow))
    run = NightlyRun.objects.get(school=world.school)
    assert run.school_day == tomorrow and len(batches) == 2  # three learners at Lincoln, two a batch
    for batch in batches:
        services.nightly_batch_build(batch_id=batch.pk, now=night(tomorrow))
    run.refresh_from_db()
    assert run.finished_at is not None
    learners = set(Playlist.objects.filter(school_day=tomorrow).values_list("learner_id", flat=True))
    assert learners == {world.student.pk, world.other_student.pk, world.stranger_student_profile.pk}
    # The next quarter hour sends nothing again
    assert services.nightly_runs_start(now=night(tomorrow, minute=45)) == []


def test_a_crashed_nightly_run_resumes_without_redoing_finished_batches(
    world, exit_ticket, catalog, tomorrow, monkeypatch
):
    monkeypatch.setattr(services, "NIGHTLY_BATCH_SIZE", 2)
    first, second = services.nightly_runs_start(now=night(tomorrow))
    services.nightly_batch_build(batch_id=first.pk, now=night(tomorrow))
    # The worker running the second batch dies: within its lease it is not sent again, after it, it is
    assert services.nightly_runs_start(now=night(tomorrow, minute=40)) == []
    resent = services.nightly_runs_start(now=night(tomorrow, hour=3))
    assert [batch.pk for batch in resent] == [second.pk]
    done_at = NightlyBatch.objects.get(pk=first.pk).done_at
    assert services.nightly_batch_build(batch_id=first.pk, now=night(tomorrow, hour=3)) is None
    assert NightlyBatch.objects.get(pk=first.pk).done_at == done_at
    report = services.nightly_batch_build(batch_id=second.pk, now=night(tomorrow, hour=3))
    assert report.written == 1
    assert NightlyRun.objects.get(school=world.school).finished_at is not None


def test_no_nightly_run_on_weekends_or_outside_terms(world, tomorrow):
    saturday = tomorrow + datetime.timedelta(days=(5 - tomorrow.weekday()) % 7)
    assert services.nightly_runs_start(now=night(saturday)) == []
    assert services.nightly_runs_start(now=night(datetime.date(2027, 7, 6))) == []
    assert not NightlyRun.objects.exists()


def test_paths_written_with_copy_read_back_as_written_with_the_orm(world, exit_ticket, catalog, monkeypatch):
    """(On PostgreSQL a big batch is written with COPY; here every write is, and it must store the same rows.)"""
    learners = [world.student, world.other_student]
    stored = []
    for copy_from in (10**6, 1):
        monkeypatch.setattr(bulk, "COPY_FROM_ROWS", copy_from)
        services.paths_rebuild(
            school=world.school, school_day=local_today(), learner_ids=[learner.pk for learner in learners]
        )
        playlists = Playlist.objects.filter(learner__in=learners).order_by("learner_id")
        stored.append(
            [
                (playlist.learner_id, playlist.status, playlist.flags, playlist.inputs_digest, rows(playlist))
                for playlist in playlists
            ]
        )
        Playlist.objects.all().delete()
    assert stored[0] == stored[1] and len(stored[0]) == 2


def test_a_burst_of_changes_is_rebuilt_in_one_batch(world, exit_ticket, catalog, django_capture_on_commit_callbacks):
    learners = [world.student, world.other_student]
    for learner in learners:
        rebuild(world, learner)
    # Both change their day (as a class's exit tickets arrive); their messages wait
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        for learner in learners:
            profile = learner.learner_profile
            learner_services.learner_profile_update(
                by=world.teacher, profile=profile, changes={"daily_minutes_budget": 20}
            )
    assert set(Playlist.objects.values_list("status", flat=True)) == {"stale"}
    # The first message rebuilds both paths; the second finds its path fresh and does nothing
    first = services.paths_rebuild_pending(learner_id=world.student.pk, reason="profile")
    assert (first.written, first.unchanged) == (2, 0)
    assert set(Playlist.objects.values_list("status", flat=True)) == {"fresh"}
    second = services.paths_rebuild_pending(learner_id=world.other_student.pk, reason="profile")
    assert (second.written, second.unchanged) == (0, 1)
    assert len(callbacks) == 2
    # A learner with no path yet gets one
    assert services.paths_rebuild_pending(learner_id=world.stranger_student_profile.pk, reason="test").written == 1


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, r"\N"),
        (True, "t"),
        (False, "f"),
        (42, "42"),
        ([3, 1], "[3, 1]"),
        ("plain", "plain"),
        ("a\tb\nc\\d\re", r"a\tb\nc\\d\re"),
        (datetime.date(2026, 11, 24), "2026-11-24"),
        (datetime.datetime(2026, 11, 24, 8, 30, tzinfo=datetime.timezone.utc), "2026-11-24T08:30:00+00:00"),
    ],
)
def test_values_are_written_in_copys_text_format(value, text):
    assert bulk.copy_text(value) == text


def test_a_batch_pauses_the_cycle_collector_and_resumes_it_even_when_it_fails(world, exit_ticket, catalog, monkeypatch):
    import gc

    seen = []
    real = selectors.engine_inputs_for

    def reading(**kwargs):
        seen.append(gc.isenabled())
        return real(**kwargs)

    monkeypatch.setattr(services, "engine_inputs_for", reading)
    # While a batch builds its paths the collector rests; after it, it runs again
    assert gc.isenabled()
    report = services.paths_rebuild(school=world.school, school_day=local_today(), learner_ids=[world.student.pk])
    assert report.written == 1
    assert seen == [False] and gc.isenabled()

    # A batch that fails resumes it too
    def failing(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "engine_inputs_for", failing)
    with pytest.raises(RuntimeError):
        services.paths_rebuild(school=world.school, school_day=local_today(), learner_ids=[world.student.pk])
    assert gc.isenabled()
    # and a caller that paused it keeps it paused
    gc.disable()
    try:
        with bulk.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_day_last_practised_is_the_schools_day(world, bank):
    from learners.models import MasteryState

    # 22:30 in New York on November 19 is already November 20 in UTC
    MasteryState.objects.create(
        learner=world.student,
        target=bank.ratios,
        p_mastery=0.95,
        evidence_count=3,
        level="mastered",
        model_level="mastered",
        last_evidence_at=datetime.datetime(2026, 11, 20, 3, 30, tzinfo=datetime.timezone.utc),
    )
    inputs = selectors.engine_input_for(learner_id=world.student.pk, school_day=local_today())
    assert inputs.mastery["6.RP.A.1"].last_practised == datetime.date(2026, 11, 19)
