"""Writes of the analytics app: the snapshots behind the admin dashboards.

A snapshot of a school for a date is a `SnapshotRun` cut into batches of learners. Each batch reads its
learners' inputs in a fixed number of bulk queries, measures them with pandas (`transforms`) and replaces their
`LearnerSnapshot` rows, marking itself done in the same transaction. The last batch to finish rolls the school
up into `GroupSnapshot` and `TargetSnapshot` rows, replacing that date's. So a run can be taken again, or resumed
after a crash, and gives the same rows.
"""

from __future__ import annotations

import datetime
import logging
import time

import pandas as pd
from django.db import transaction
from django.utils import timezone

from analytics import selectors, transforms
from analytics.models import GroupSnapshot, LearnerSnapshot, SnapshotBatch, SnapshotRun, TargetSnapshot
from learners.models import LearnerProfile
from learning_platform.batches import batches_create, batches_send
from learning_platform.bulk import rows_insert
from learning_platform.calendar import school_local_time, school_today, school_zone
from learning_platform.models import School
from learning_platform.queue import enqueue_after_commit

logger = logging.getLogger("waypoint.snapshots")

# The nightly snapshot of a date is taken from this local hour of the next day, after the day's work is in.
SNAPSHOT_HOUR = 3
SNAPSHOT_BATCH_SIZE = 5000
# A batch sent this long ago and still not done is sent again (its worker died, or its message was lost).
SNAPSHOT_BATCH_LEASE = datetime.timedelta(minutes=15)
BATCH_TASK = "analytics.batch_snapshot_learners"


def _end_of_day(school: School, day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min, tzinfo=school_zone(school))


def _run_prepare(*, school: School, as_of: datetime.date, now: datetime.datetime, requested_by=None) -> SnapshotRun:
    """The run of `school` for `as_of`, with its batches made afresh from the school's learners."""
    run, created = SnapshotRun.objects.select_for_update().get_or_create(
        school=school, as_of=as_of, defaults={"started_at": now, "requested_by": requested_by}
    )
    if not created:
        run.batches.all().delete()
        run.started_at, run.finished_at, run.requested_by = now, None, requested_by
        run.save(update_fields=["started_at", "finished_at", "requested_by"])
    learners = list(LearnerProfile.objects.filter(school=school).order_by("user_id").values_list("user_id", flat=True))
    batches_create(run, learners, SNAPSHOT_BATCH_SIZE)
    if not learners:
        _run_finish(run, now)
    return run


@transaction.atomic
def nightly_snapshots_start(*, now: datetime.datetime | None = None) -> list[SnapshotBatch]:
    """Start the snapshot of yesterday at every school where it is past `SNAPSHOT_HOUR` and it has not been
    taken since yesterday ended (an admin's refresh during the day saw only part of it); return the batches to
    send: those of the runs started now and those of earlier runs not done within their lease."""
    now = now or timezone.now()
    for school in School.objects.all():
        local = school_local_time(school, now)
        if local.hour < SNAPSHOT_HOUR:
            continue
        as_of = local.date() - datetime.timedelta(days=1)
        run = SnapshotRun.objects.filter(school=school, as_of=as_of).first()
        if run is None or run.started_at < _end_of_day(school, as_of):
            _run_prepare(school=school, as_of=as_of, now=now)
    return _batches_due(now)


def _batches_due(now: datetime.datetime, runs: list[SnapshotRun] | None = None) -> list[SnapshotBatch]:
    """The batches to send: all those of `runs` (just prepared), or, for the beat, any not done in its lease."""
    batches = SnapshotBatch.objects.filter(run__in=runs) if runs is not None else SnapshotBatch.objects.all()
    lease = None if runs is not None else SNAPSHOT_BATCH_LEASE
    return batches_send(batches, now=now, lease=lease, order_by=["run__as_of", "run_id", "number"])


@transaction.atomic
def snapshots_refresh(
    *, schools: list[School], requested_by, as_of: datetime.date | None = None, now: datetime.datetime | None = None
) -> list[SnapshotRun]:
    """An admin's refresh: take the snapshot of `as_of` (default: today where each school is) again at each of
    `schools`, and send its batches to the workers once this commits. Scope is the caller's to check."""
    now = now or timezone.now()
    runs = [
        _run_prepare(school=school, as_of=as_of or school_today(school, now), now=now, requested_by=requested_by)
        for school in schools
    ]
    for batch in _batches_due(now, runs):
        enqueue_after_commit(BATCH_TASK, batch.pk)
    return runs


@transaction.atomic
def snapshot_batch_take(*, batch_id: int, now: datetime.datetime | None = None) -> int | None:
    """Measure one batch's learners and replace their rows for the run's date; the last batch of a run rolls the
    school up. Returns how many learners were written, or None when the batch is done or gone (its run was
    started again)."""
    now = now or timezone.now()
    batch = SnapshotBatch.objects.select_for_update().select_related("run__school").filter(pk=batch_id).first()
    if batch is None or batch.done_at is not None:
        return None
    run = batch.run
    started = time.perf_counter()
    first, last = min(batch.learner_ids, default=0), max(batch.learner_ids, default=0)
    inputs = selectors.snapshot_learner_inputs(school=run.school, as_of=run.as_of, first=first, last=last)
    measured = transforms.learner_measures(inputs)
    batch_learners = LearnerProfile.objects.filter(school=run.school, pk__gte=first, pk__lte=last).values("pk")
    LearnerSnapshot.objects.filter(as_of=run.as_of, learner_id__in=batch_learners).delete()
    rows_insert(LearnerSnapshot, SNAPSHOT_COLUMNS, _snapshot_rows(measured, run))
    batch.done_at = now
    batch.save(update_fields=["done_at"])
    logger.info(
        "snapshot batch=%d school=%d as_of=%s learners=%d duration_ms=%.0f",
        batch.pk,
        run.school_id,
        run.as_of,
        len(measured),
        (time.perf_counter() - started) * 1000,
    )
    # Batches finishing together take turns on the run's row, so exactly one of them sees none left and rolls up.
    run = SnapshotRun.objects.select_for_update().select_related("school").get(pk=run.pk)
    if run.finished_at is None and not run.batches.filter(done_at__isnull=True).exists():
        _run_finish(run, now)
    return len(measured)


SNAPSHOT_COLUMNS = (
    "as_of",
    "school_id",
    "learner_id",
    "grade",
    "has_iep",
    "has_504",
    "english_learner",
    "grade_targets",
    "proficient",
    "expected",
    "on_track",
    "growth",
    "activities",
    "assessments",
    "minutes",
    "active",
)


def _snapshot_rows(measured: pd.DataFrame, run: SnapshotRun) -> list[tuple]:
    """The measured learners as LearnerSnapshot rows (SNAPSHOT_COLUMNS), in plain Python values."""
    count = len(measured)
    growth = measured["growth"].astype(object).where(measured["growth"].notna(), None)
    columns = [
        [run.as_of] * count,
        [run.school_id] * count,
        measured["learner"].tolist(),
        measured["grade"].tolist(),
        measured["has_iep"].astype(bool).tolist(),
        measured["has_504"].astype(bool).tolist(),
        measured["english_learner"].astype(bool).tolist(),
        measured["grade_targets"].tolist(),
        measured["proficient"].tolist(),
        measured["expected"].round(3).tolist(),
        measured["on_track"].tolist(),
        [None if value is None else int(value) for value in growth],
        measured["activities"].tolist(),
        measured["assessments"].tolist(),
        measured["minutes"].tolist(),
        measured["active"].tolist(),
    ]
    return list(zip(*columns))


def _run_finish(run: SnapshotRun, now: datetime.datetime) -> None:
    """Roll a school's learner rows for the date up into its group and target rows, replacing the date's."""
    school, as_of = run.school, run.as_of
    LearnerSnapshot.objects.filter(school=school, as_of=as_of).exclude(learner__learner_profile__school=school).delete()
    learners = selectors.snapshot_learners(school=school, as_of=as_of)
    groups = transforms.group_rollup(learners, selectors.snapshot_placements(school=school)) if len(learners) else None
    GroupSnapshot.objects.filter(school=school, as_of=as_of).delete()
    if groups is not None:
        GroupSnapshot.objects.bulk_create(
            GroupSnapshot(as_of=as_of, school=school, **row) for row in groups.to_dict("records")
        )
    TargetSnapshot.objects.filter(school=school, as_of=as_of).delete()
    TargetSnapshot.objects.bulk_create(
        TargetSnapshot(
            as_of=as_of,
            school=school,
            target_id=row.target,
            cohort=row.cohort,
            assessed=row.assessed,
            proficient=row.proficient,
        )
        for row in selectors.snapshot_target_counts(school=school, learners=learners).itertuples(index=False)
    )
    run.finished_at = now
    run.save(update_fields=["finished_at"])
    logger.info("snapshot finished school=%d as_of=%s learners=%d", school.pk, as_of, len(learners))


def snapshot_take_now(
    *, schools: list[School], as_of: datetime.date | None = None, now: datetime.datetime | None = None
) -> list[SnapshotRun]:
    """Take the snapshot of `as_of` (default: today where each school is) at each school in this process, batch
    after batch (the demo's history and `manage.py take_snapshots`; the nightly job goes through the workers)."""
    now = now or timezone.now()
    with transaction.atomic():
        runs = [_run_prepare(school=school, as_of=as_of or school_today(school, now), now=now) for school in schools]
    for run in runs:
        for batch_id in run.batches.order_by("number").values_list("pk", flat=True):
            snapshot_batch_take(batch_id=batch_id, now=now)
        run.refresh_from_db()
    return runs
