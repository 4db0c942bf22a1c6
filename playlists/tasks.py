"""Background work of the playlists app: rebuilding paths after what they depend on changed, sweeping up paths
whose rebuild message was lost, and building every learner's path for the new school day at night.

Bursts: a change marks the path stale in its transaction and sends a message after the commit. The first
message to run rebuilds its learner's path together with the school's other stale ones, in one batch; the
messages that find their path fresh again do nothing. Marks and rebuilds take turns on the learners' rows, so a
fresh path has seen every committed change (see `services.paths_mark_stale`), and no change is missed.

Queues: `rebuild_learner` and the sweeper run on `interactive`; the nightly tasks (named `nightly_*` and
`batch_*`) are routed to `batch`, so a nightly run never delays a student's rebuild.
"""

from celery import shared_task
from django.db import OperationalError

from playlists import services


@shared_task(
    name="playlists.rebuild_learner",
    time_limit=30,
    soft_time_limit=25,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def rebuild_learner(learner_id: int, reason: str) -> int:
    """Bring the learner's path for today up to date, with other stale paths of their school (safe to run twice;
    a message that finds the path fresh costs one query); returns how many paths were written."""
    return services.paths_rebuild_pending(learner_id=learner_id, reason=reason).written


@shared_task(name="playlists.sweep_stale_paths", time_limit=120, autoretry_for=(OperationalError,), retry_backoff=True)
def sweep_stale_paths() -> int:
    """Enqueue rebuilds of the paths left stale (their message was lost); returns how many."""
    return services.stale_paths_sweep()


@shared_task(
    name="playlists.nightly_build_paths", time_limit=300, autoretry_for=(OperationalError,), retry_backoff=True
)
def nightly_build_paths() -> int:
    """Start the nightly runs that are due and send their batches (and any batch not done in its lease)."""
    batches = services.nightly_runs_start()
    for batch in batches:
        batch_build_paths.apply_async(args=(batch.pk,))
    return len(batches)


@shared_task(
    name="playlists.batch_build_paths",
    time_limit=600,
    soft_time_limit=540,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
    acks_late=True,
)
def batch_build_paths(batch_id: int) -> int:
    """Build one nightly batch's paths; returns how many were written."""
    report = services.nightly_batch_build(batch_id=batch_id)
    return report.written if report else 0
