"""Background work of the playlists app: rebuilding a learner's path after what it depends on changed.

Bursts: several rebuilds enqueued for one learner (an exit ticket's evidence, then a judgment) each recompute
the inputs, but they take turns on the learner's row and every one after the first finds the same inputs
digest and writes nothing. The last one to run reads the state after every commit, so no change is missed,
which a dropped "already pending" message could not promise.
"""
from celery import shared_task
from django.db import OperationalError

from playlists import services


@shared_task(
    name="playlists.rebuild_learner", time_limit=30, autoretry_for=(OperationalError,), retry_backoff=True,
    max_retries=5,
)  # fmt: skip
def rebuild_learner(learner_id: int, reason: str) -> int:
    """Rebuild the learner's path for today at their school (safe to run twice); returns the playlist id."""
    return services.playlist_rebuild(learner_id=learner_id, reason=reason).pk
