"""Runs of background work cut into batches of learners (see `models.LearnerBatch`): making a run's batches, and
choosing the batches to send to the workers."""

from __future__ import annotations

import datetime

from django.db.models import Q


def batches_create(run, learner_ids: list[int], size: int) -> None:
    """Cut `learner_ids` (in order) into batches of `size` for `run`, numbered from 0."""
    batch_model = run.batches.model
    batch_model.objects.bulk_create(
        batch_model(run=run, number=number, learner_ids=learner_ids[start : start + size])
        for number, start in enumerate(range(0, len(learner_ids), size))
    )


def batches_send(batches, *, now: datetime.datetime, lease: datetime.timedelta | None, order_by: list[str]) -> list:
    """The batches of `batches` (a queryset) to send now, marked sent: those not done in an unfinished run and
    either never sent or sent more than `lease` ago (with no lease: all of them). Batches another transaction holds
    are skipped, so two beats never send the same batch."""
    due = batches.select_for_update(skip_locked=True).filter(done_at__isnull=True, run__finished_at__isnull=True)
    if lease is not None:
        due = due.filter(Q(sent_at__isnull=True) | Q(sent_at__lt=now - lease))
    chosen = list(due.order_by(*order_by))
    batches.model.objects.filter(pk__in=[batch.pk for batch in chosen]).update(sent_at=now)
    return chosen
