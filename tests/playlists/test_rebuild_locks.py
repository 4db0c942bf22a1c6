"""A class submitting at once: submits, rebuild messages and pages rebuilding paths for overlapping learners, all at
the same moment on PostgreSQL, never deadlock and leave every path fresh (the lock order of
learning_platform.locks)."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Assessment, Attempt
from learners.models import Evidence
from learning_platform.calendar import school_today
from playlists import services
from playlists.models import Playlist
from tests.conftest import classmates, in_ci, item_ids, run_at_once

CLASS_SIZE = 8
ROUNDS = 10


@pytest.fixture
def postgresql(transactional_db):
    if connection.vendor != "postgresql":
        if in_ci():
            pytest.fail("CI must run the lock tests on PostgreSQL (DATABASE_URL)")
        pytest.skip("row locks and deadlocks are PostgreSQL's: SQLite runs one writing transaction at a time")


def deadlocks_counted() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
        return cursor.fetchone()[0]


def test_a_class_submitting_and_rebuilding_at_once_never_deadlocks(postgresql, world, bank, catalog):
    # Given a class of eight with today's paths built, and an exit ticket each may take once a round
    learners = classmates(world, CLASS_SIZE, "classmate")
    assessment = assessment_services.assessment_create(
        title="Ratios exit ticket",
        kind=Assessment.Kind.EXIT_TICKET,
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.choice, bank.items.numeric, bank.items.compare],
        attempts_allowed=ROUNDS,
    )
    now = timezone.now()
    assignment = assessment_services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now - datetime.timedelta(hours=1),
        due_at=now + datetime.timedelta(days=1),
        assigned_by=world.teacher,
    )
    choice, numeric, compare = item_ids(assignment)
    today = school_today(world.school)
    paths = Playlist.objects.filter(learner__in=learners, school_day=today)
    services.paths_rebuild(school=world.school, school_day=today, learner_ids=[learner.pk for learner in learners])
    deadlocks_before = deadlocks_counted()

    def submit(learner, round_number):
        def job():
            attempt = assessment_services.attempt_start(assignment=assignment, learner=learner)
            answers = {choice: "a", numeric: "3/4", compare: "<"} if round_number % 2 else {choice: "b"}
            # its mastery update runs inline, and its rebuild message right after the commit (in-process here)
            assessment_services.attempt_submit(attempt=attempt, learner=learner, answers=answers)

        return job

    def rebuild_message(learner):
        return lambda: services.paths_rebuild_pending(learner_id=learner.pk, reason="attempt")

    def page(learner):
        return lambda: services.path_ready(
            learner_id=learner.pk, school=world.school, school_day=today, reason="student_view"
        )

    # When, round after round, every path is stale and every learner's rebuild message runs (as many workers would
    # take them) while half the class submits and the other half's pages ask for their paths, all at one moment
    errors = []
    for round_number in range(ROUNDS):
        paths.update(status=Playlist.Status.STALE, stale_since=timezone.now())
        jobs = []
        for index, learner in enumerate(learners):
            jobs.append(rebuild_message(learner))
            jobs.append(submit(learner, round_number) if index % 2 == round_number % 2 else page(learner))
        errors += run_at_once(jobs)

    # Then nothing failed and PostgreSQL broke no deadlock; every submit was stored with its evidence, and every
    # path is fresh
    assert [str(error) for error in errors] == []
    assert deadlocks_counted() - deadlocks_before == 0
    submits = CLASS_SIZE // 2 * ROUNDS
    assert Attempt.objects.filter(assignment=assignment, submitted_at__isnull=False).count() == submits
    # right answers log one row per target an item is on (the comparison is on two), unanswered ones too
    assert Evidence.objects.filter(response__attempt__assignment=assignment).count() == submits * 4
    assert sorted(paths.values_list("status", flat=True)) == ["fresh"] * CLASS_SIZE


def test_a_rebuild_takes_its_own_learner_before_any_other(postgresql, world, bank, catalog):
    # Given two learners of one school whose paths are stale, and the second learner held by another transaction
    # (a submit being saved)
    first, second = world.student, world.other_student
    today = school_today(world.school)
    services.paths_rebuild(school=world.school, school_day=today, learner_ids=[first.pk, second.pk])
    paths = Playlist.objects.filter(learner__in=[first, second], school_day=today)
    paths.update(status=Playlist.Status.STALE, stale_since=timezone.now())
    holding, release = threading.Event(), threading.Event()

    def hold_second():
        with transaction.atomic():
            services.paths_mark_stale(learner_ids=[second.pk], reason="attempt")
            holding.set()
            release.wait(timeout=30)

    holder = threading.Thread(target=lambda: (hold_second(), connection.close()))
    holder.start()
    assert holding.wait(timeout=30)
    try:
        # When the first learner's rebuild message runs
        report = services.paths_rebuild_pending(learner_id=first.pk, reason="attempt")

        # Then it rebuilt the first learner's path without waiting for the held one, which is left to its own
        # message (sent when the holder commits)
        assert report.written + report.unchanged == 1
        assert dict(paths.values_list("learner_id", "status")) == {first.pk: "fresh", second.pk: "stale"}
    finally:
        release.set()
        holder.join(timeout=30)
    assert dict(paths.values_list("learner_id", "status")) == {first.pk: "fresh", second.pk: "fresh"}
