"""Background work of the assessments app."""

from celery import shared_task
from django.db import OperationalError

from assessments import services


@shared_task(
    name="assessments.batch_close_expired_attempts",
    time_limit=120,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def batch_close_expired_attempts() -> int:
    """Submit attempts whose time ran out, with the answers they saved (safe to run twice)."""
    return services.attempts_close_expired()
