"""Background work of the learners app: mastery updates after scoring."""

from celery import shared_task
from django.db import OperationalError

from learners import services


@shared_task(
    name="learners.mastery_apply_attempt",
    time_limit=60,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def mastery_apply_attempt(attempt_id: int) -> int:
    """Log an attempt's evidence and update the learner's mastery (safe to run twice)."""
    return services.mastery_apply_attempt(attempt_id=attempt_id)


@shared_task(
    name="learners.mastery_apply_practice",
    time_limit=60,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def mastery_apply_practice(practice_id: int) -> int:
    """Log a practice answer's evidence and update the learner's mastery (safe to run twice)."""
    return services.mastery_apply_practice(practice_id=practice_id)


@shared_task(
    name="learners.sweep_unlogged_attempts", time_limit=120, autoretry_for=(OperationalError,), retry_backoff=True
)
def sweep_unlogged_attempts() -> int:
    """Enqueue the mastery updates that a lost message left undone; returns how many."""
    return services.mastery_unlogged_sweep()


@shared_task(name="learners.nightly_fit_mastery_params", time_limit=1800)
def nightly_fit_mastery_params() -> dict[int, int]:
    """Refit every school's mastery parameters from its own evidence (same log, same values)."""
    return services.mastery_params_fit_all()
