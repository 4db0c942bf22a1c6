"""Background work of the analytics app: the nightly snapshots behind the admin dashboards.

The beat job runs every quarter hour (each school's snapshot starts soon after its own `SNAPSHOT_HOUR`, and
batches of a crashed run are sent again); batches run on the `batch` queue (tasks named `nightly_*`/`batch_*`).
"""

from celery import shared_task
from django.db import OperationalError

from analytics import services


@shared_task(name="analytics.nightly_snapshots", time_limit=300, autoretry_for=(OperationalError,), retry_backoff=True)
def nightly_snapshots() -> int:
    """Start the snapshots that are due and send their batches (and any batch not done in its lease)."""
    batches = services.nightly_snapshots_start()
    for batch in batches:
        batch_snapshot_learners.apply_async(args=(batch.pk,))
    return len(batches)


@shared_task(
    name="analytics.batch_snapshot_learners",
    time_limit=600,
    soft_time_limit=540,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
    acks_late=True,
)
def batch_snapshot_learners(batch_id: int) -> int:
    """Snapshot one batch's learners (and roll the school up if it was the last); returns how many."""
    return services.snapshot_batch_take(batch_id=batch_id) or 0
