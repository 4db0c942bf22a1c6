"""Celery: JSON only, two queues, the beat schedule, and a real worker round trip on Redis."""

import datetime
import os
import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from learning_platform.celery import app
from learning_platform.tasks import nightly_clear_expired_sessions


def test_tasks_travel_as_json_only():
    assert app.conf.task_serializer == "json"
    assert app.conf.accept_content == ["json"]


@pytest.mark.parametrize(
    "task_name, queue",
    [
        ("learning_platform.nightly_clear_expired_sessions", "batch"),
        ("playlists.nightly_build_paths", "batch"),
        ("analytics.batch_snapshot", "batch"),
        ("playlists.rebuild_learner", "interactive"),
    ],
)
def test_tasks_are_routed_to_named_queues(task_name, queue):
    route = app.amqp.router.route({}, task_name)
    assert route["queue"].name == queue


def test_beat_schedule_names_registered_tasks():
    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks


def make_session(expire_date):
    Session.objects.create(session_key=os.urandom(16).hex(), session_data="{}", expire_date=expire_date)


@pytest.mark.django_db
def test_clearing_sessions_keeps_live_ones_and_is_safe_twice():
    now = timezone.now()
    make_session(now - datetime.timedelta(days=1))
    make_session(now + datetime.timedelta(days=1))
    assert nightly_clear_expired_sessions.delay().get() == 1
    assert nightly_clear_expired_sessions.delay().get() == 0
    assert Session.objects.count() == 1


@pytest.mark.worker
def test_a_real_worker_runs_a_batch_task_from_redis(celery_worker_process):
    # Given an expired and a live session, committed where the worker can see them
    now = timezone.now()
    make_session(now - datetime.timedelta(hours=1))
    make_session(now + datetime.timedelta(hours=1))
    # When the nightly task is sent through Redis to the batch queue
    nightly_clear_expired_sessions.apply_async()
    # Then the worker process deletes the expired one
    deadline = time.monotonic() + 60
    while Session.objects.count() != 1 and time.monotonic() < deadline:
        assert celery_worker_process.poll() is None, celery_worker_process.log.read_text()
        time.sleep(0.2)
    assert Session.objects.count() == 1
    assert Session.objects.get().expire_date > now
