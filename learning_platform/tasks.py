"""Periodic housekeeping for the platform itself."""

from celery import shared_task
from django.contrib.sessions.models import Session
from django.utils import timezone


@shared_task(name="learning_platform.nightly_clear_expired_sessions", time_limit=300)
def nightly_clear_expired_sessions() -> int:
    """Delete expired sign-in sessions (safe to run twice); returns how many went."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
