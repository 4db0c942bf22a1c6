"""The snapshot job: what it writes for each learner, group and target; the same rows when taken twice or resumed
after a crash; the nightly start, the lease, and an admin's refresh."""

import datetime
from decimal import Decimal

import pytest

from analytics import services
from analytics.models import GroupSnapshot, LearnerSnapshot, SnapshotBatch, SnapshotRun, TargetSnapshot
from learners import services as learner_services
from learners.models import LearnerProfile
from tests.analytics.conftest import AS_OF, at, judge, take
from tests.conftest import make_target

pytestmark = pytest.mark.django_db

LEARNER_FIELDS = [
    "learner__username",
    "grade",
    "has_iep",
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


def learner_rows(as_of=AS_OF):
    return list(LearnerSnapshot.objects.filter(as_of=as_of).order_by("learner__username").values_list(*LEARNER_FIELDS))


def group_rows(as_of=AS_OF):
    return list(
        GroupSnapshot.objects.filter(as_of=as_of)
        .order_by("school__slug", "dimension", "key")
        .values_list(
            "school__slug",
            "dimension",
            "label",
            "learners",
            "on_track",
            "proficient",
            "expected",
            "growth_sum",
            "growth_learners",
            "active",
            "activities",
            "assessments",
            "minutes",
        )
    )


def target_rows(as_of=AS_OF):
    return list(
        TargetSnapshot.objects.filter(as_of=as_of)
        .order_by("school__slug", "target__code")
        .values_list("school__slug", "target__code", "cohort", "assessed", "proficient")
    )


def test_each_learner_is_measured_against_the_pace_plan_with_the_weeks_growth_and_work(week):
    # When the snapshot of AS_OF is taken the next night
    runs = take(week)
    # Then every school's run has finished, and each learner has exactly one row
    assert all(run.finished_at for run in runs)
    assert learner_rows() == [
        ("far-student", "7", False, 0, 0, 0.0, True, 0, 0, 0, 0, False),
        ("other-student", "6", False, 2, 0, 1.071, False, 0, 0, 1, 20, True),
        ("stranger-student", "6", False, 2, 1, 0.569, True, 1, 0, 0, 0, False),
        ("student", "6", True, 2, 2, 1.071, True, 2, 0, 1, 8, True),
    ]


def test_a_standards_lettered_part_is_not_counted_apart_from_it_as_the_grid_shows_it(week):
    # Given a lettered part of rates (6.RP.A.2a), which the grid shows under its standard, judged mastered
    part = make_target(week.bank.framework, "6.RP.A.2a")
    part.parent = week.bank.rates
    part.save()
    judge(week.world, week.world.student, part, "mastered")
    # When the snapshot is taken
    take(week)
    # Then the student is still proficient on 2 of the grade's 2 standards
    row = next(row for row in learner_rows() if row[0] == "student")
    assert row[3:5] == (2, 2)


def test_groups_sum_the_learners_of_each_grade_section_teacher_and_subgroup(week):
    take(week)
    lincoln = [row[1:] for row in group_rows() if row[0] == "lincoln"]
    assert lincoln == [
        ("all", "Everyone", 3, 2, 3, 2.711, 3, 3, 2, 0, 2, 28),
        ("grade", "Grade 6", 3, 2, 3, 2.711, 3, 3, 2, 0, 2, 28),
        ("section", "Math 6 period 1", 2, 1, 2, 2.142, 2, 2, 2, 0, 2, 28),
        ("section", "Math 6 period 2", 1, 1, 1, 0.569, 1, 1, 0, 0, 0, 0),
        ("subgroup", "IEP", 1, 1, 2, 1.071, 2, 1, 1, 0, 1, 8),
        ("teacher", str(week.world.teacher), 2, 1, 2, 2.142, 2, 2, 2, 0, 2, 28),
        ("teacher", str(week.world.other_teacher), 1, 1, 1, 0.569, 1, 1, 0, 0, 0, 0),
    ]
    # A school without learners has no group rows, and the far school only its own learner
    assert {row[0] for row in group_rows()} == {"lincoln", "far-away"}


def test_targets_count_the_grade_cohort_and_the_learners_assessed_and_proficient(week):
    take(week)
    assert [row for row in target_rows() if row[0] == "lincoln"] == [
        ("lincoln", "6.RP.A.1", 3, 3, 2),
        ("lincoln", "6.RP.A.2", 3, 2, 1),
    ]


def test_taking_the_snapshot_twice_gives_the_same_rows(week):
    take(week)
    first = (learner_rows(), group_rows(), target_rows())
    take(week, now=at(AS_OF + datetime.timedelta(days=1), 5))
    assert (learner_rows(), group_rows(), target_rows()) == first
    assert SnapshotRun.objects.filter(as_of=AS_OF).count() == 3


def test_a_run_that_stopped_half_way_resumes_with_the_batches_not_done(week, monkeypatch):
    # Given batches of two learners (Lincoln's three make two batches), and a crash after the first one
    monkeypatch.setattr(services, "SNAPSHOT_BATCH_SIZE", 2)
    night = at(AS_OF + datetime.timedelta(days=1), 3, 5)
    sent = services.nightly_snapshots_start(now=night)
    lincoln_batches = [batch for batch in sent if batch.run.school_id == week.world.school.pk]
    assert [len(batch.learner_ids) for batch in lincoln_batches] == [2, 1]
    services.snapshot_batch_take(batch_id=lincoln_batches[0].pk, now=night)
    run = SnapshotRun.objects.get(school=week.world.school, as_of=AS_OF)
    assert run.finished_at is None
    assert not GroupSnapshot.objects.filter(school=week.world.school, as_of=AS_OF).exists()
    # When the beat comes back within the lease, nothing is sent again
    assert services.nightly_snapshots_start(now=night + datetime.timedelta(minutes=5)) == []
    # And after the lease only the unfinished batches are
    resent = services.nightly_snapshots_start(now=night + datetime.timedelta(minutes=20))
    assert lincoln_batches[1] in resent and lincoln_batches[0] not in resent
    for batch in resent:
        services.snapshot_batch_take(batch_id=batch.pk, now=night + datetime.timedelta(minutes=20))
    # Then the run finishes with the same rows as a run in one go
    run.refresh_from_db()
    assert run.finished_at is not None
    resumed = (learner_rows(), group_rows(), target_rows())
    take(week)
    assert (learner_rows(), group_rows(), target_rows()) == resumed
    # And a batch message delivered twice does nothing the second time
    assert services.snapshot_batch_take(batch_id=lincoln_batches[0].pk) is None


def test_the_nightly_job_takes_yesterday_once_the_hour_has_come_and_not_again(week):
    before_hour = at(AS_OF + datetime.timedelta(days=1), services.SNAPSHOT_HOUR - 1, 30)
    assert services.nightly_snapshots_start(now=before_hour) == []
    assert not SnapshotRun.objects.filter(as_of=AS_OF).exists()
    night = at(AS_OF + datetime.timedelta(days=1), services.SNAPSHOT_HOUR, 15)
    sent = services.nightly_snapshots_start(now=night)
    # Lincoln and the far school have learners (one batch each); Jefferson has none and is finished at once
    assert len(sent) == 2
    assert SnapshotRun.objects.get(school=week.world.other_school, as_of=AS_OF).finished_at == night
    for batch in sent:
        services.snapshot_batch_take(batch_id=batch.pk, now=night)
    assert SnapshotRun.objects.filter(as_of=AS_OF, finished_at__isnull=True).count() == 0
    # A later beat the same night starts nothing again
    assert services.nightly_snapshots_start(now=night + datetime.timedelta(hours=2)) == []
    assert SnapshotBatch.objects.filter(run__as_of=AS_OF).count() == 2


def test_a_refresh_during_the_day_is_taken_again_after_the_day_ends(week, django_capture_on_commit_callbacks):
    # Given an admin refreshed Lincoln's snapshot in the afternoon of AS_OF (its batches run in-process here)
    afternoon = at(AS_OF, 14)
    with django_capture_on_commit_callbacks(execute=True):
        [run] = services.snapshots_refresh(
            schools=[week.world.school], requested_by=week.world.school_admin, now=afternoon
        )
    run.refresh_from_db()
    assert (run.as_of, run.requested_by, run.started_at) == (AS_OF, week.world.school_admin, afternoon)
    assert run.finished_at is not None
    assert LearnerSnapshot.objects.filter(school=week.world.school, as_of=AS_OF).count() == 3
    # When the night comes, the partial day is taken again, by the nightly job
    night = at(AS_OF + datetime.timedelta(days=1), services.SNAPSHOT_HOUR)
    sent = services.nightly_snapshots_start(now=night)
    assert week.world.school.pk in {batch.run.school_id for batch in sent}
    run.refresh_from_db()
    assert (run.started_at, run.finished_at, run.requested_by) == (night, None, None)


def test_a_learner_who_left_the_school_leaves_its_snapshot_when_it_is_taken_again(week):
    take(week)
    # The Django admin is where a learner's school is changed (no service moves learners between schools)
    LearnerProfile.objects.filter(pk=week.world.stranger_student_profile.pk).update(school=week.world.other_school)
    take(week)
    assert (
        LearnerSnapshot.objects.get(learner=week.world.stranger_student_profile.user, as_of=AS_OF).school
        == week.world.other_school
    )
    lincoln_all = GroupSnapshot.objects.get(school=week.world.school, as_of=AS_OF, dimension="all")
    assert lincoln_all.learners == 2


def test_extended_time_does_not_change_the_minutes_counted(week):
    # Minutes are the attempt's own time, whatever the time limit was stretched to
    learner_services.learner_profile_update(
        by=week.world.teacher, profile=week.world.student_profile, changes={"extended_time_factor": Decimal("1.5")}
    )
    take(week)
    assert LearnerSnapshot.objects.get(learner=week.world.student, as_of=AS_OF).minutes == 8


def test_the_command_takes_a_date_at_the_named_schools_and_refuses_bad_input(week):
    from django.core.management import CommandError, call_command

    for arguments, message in (
        (["--date", "2026-13-01"], "--date '2026-13-01' is not a date written YYYY-MM-DD."),
        (["--school", "lincoln", "--school", "nowhere"], "No school has the slug nowhere."),
    ):
        with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(".", r"\.")):
            call_command("take_snapshots", *arguments)
    assert not SnapshotRun.objects.filter(as_of=AS_OF).exists()
    call_command("take_snapshots", "--date", AS_OF.isoformat(), "--school", "lincoln")
    assert list(SnapshotRun.objects.filter(as_of=AS_OF).values_list("school__slug", flat=True)) == ["lincoln"]
    assert LearnerSnapshot.objects.filter(as_of=AS_OF).count() == 3
