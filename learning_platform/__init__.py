"""Waypoint's project package (the design card's `platform/`, renamed so it does not shadow the stdlib)."""

from .celery import app as celery_app

__all__ = ("celery_app",)
