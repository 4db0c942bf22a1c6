"""Faults on the real services (runs in CI on PostgreSQL and Redis with real Celery workers): a class submits an
exit ticket while the worker is killed, while Redis is stopped, and while PostgreSQL drops connections. Every
time: no answer of 500, no submission lost, and every path fresh again within a bound once the fault is over.

The sweepers run here when the test says so, as beat would run them every minute in production.
"""

from __future__ import annotations

import datetime
import shutil
import signal
import subprocess
import threading
import time
from types import SimpleNamespace

import psycopg2
import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Attempt
from learners import services as learner_services
from learners.models import Evidence
from learning_platform.calendar import school_today
from learning_platform.celery import app
from playlists import services as playlist_services
from playlists.models import Playlist
from tests.conftest import (
    classmates,
    in_ci,
    item_ids,
    require_worker_services,
    run_at_once,
    start_worker,
    stop_worker,
    worker_env,
)
from tests.learning_platform.test_reliability import free_port

pytestmark = pytest.mark.worker

CLASS_SIZE = 12
# How long paths may take to be fresh again once the fault is over and the sweepers have run.
RECOVERY_SECONDS = 90
# The PostgreSQL fault ends the connections of running requests (and tasks) up to this many times, this far apart.
DROP_ROUNDS = 4
DROP_EVERY_SECONDS = 0.3


@pytest.fixture
def burst(world, bank, catalog):
    """CLASS_SIZE students of world.section with a path for today and an open exit ticket, each with a client."""
    learners = classmates(world, CLASS_SIZE, "burst")
    from assessments.models import Assessment

    assessment = assessment_services.assessment_create(
        title="Burst exit ticket",
        kind=Assessment.Kind.EXIT_TICKET,
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.choice, bank.items.numeric, bank.items.compare],
    )
    now = timezone.now()
    assignment = assessment_services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now - datetime.timedelta(hours=1),
        due_at=now + datetime.timedelta(days=1),
        assigned_by=world.teacher,
    )
    today = school_today(world.school)
    playlist_services.paths_rebuild(school=world.school, school_day=today, learner_ids=[user.pk for user in learners])
    answers = dict(zip(map(str, item_ids(assignment)), ["b", "0.8", ">"]))
    # Signed in before any fault: a browser holds its session cookie through one.
    clients = {}
    for learner in learners:
        clients[learner.pk] = Client(raise_request_exception=False)
        clients[learner.pk].force_login(learner)
    return SimpleNamespace(
        learners=learners, assignment=assignment, answers=answers, today=today, statuses=[], clients=clients
    )


def submit(burst, learner, *, tries: int = 8) -> None:
    """Start and submit `learner`'s exit ticket through the API as the page does, trying again on a 503 as the
    page's script does; every status seen goes to `burst.statuses`."""
    client = burst.clients[learner.pk]
    attempt_id = None
    for step in ("start", "submit"):
        for attempt_number in range(tries):
            if step == "start":
                response = client.post(reverse("api-attempt-start", args=[burst.assignment.pk]))
            else:
                response = client.post(
                    reverse("api-attempt-submit", args=[attempt_id]),
                    {"answers": burst.answers},
                    content_type="application/json",
                )
            burst.statuses.append(response.status_code)
            if response.status_code != 503:
                break
            time.sleep(0.2 * (attempt_number + 1))
        assert response.status_code in (200, 201), (step, response.status_code, response.content)
        if step == "start":
            attempt_id = response.json()["id"]


def submit_all(burst, learners, *, threads: int = 4) -> None:
    """Submit for `learners` from `threads` threads at once (each with its own database connection)."""

    def job(chunk):
        return lambda: [submit(burst, learner) for learner in chunk]

    errors = run_at_once([job(learners[index::threads]) for index in range(threads)])
    assert not errors, errors


def sweep_later() -> None:
    """What beat's sweepers do once the grace periods are over: send again what a lost message left undone."""
    later = timezone.now() + max(playlist_services.STALE_GRACE, learner_services.UNLOGGED_GRACE)
    learner_services.mastery_unlogged_sweep(now=later + datetime.timedelta(seconds=1))
    playlist_services.stale_paths_sweep(now=later + datetime.timedelta(seconds=1))


def recovered(burst) -> bool:
    submitted = Attempt.objects.filter(assignment=burst.assignment, status="scored").count()
    logged = Evidence.objects.filter(response__attempt__assignment=burst.assignment).values("response_id").distinct()
    fresh = Playlist.objects.filter(learner__in=burst.learners, school_day=burst.today, status="fresh").count()
    return submitted == CLASS_SIZE and logged.count() == CLASS_SIZE * 3 and fresh == CLASS_SIZE


def wait_until_recovered(burst, worker) -> None:
    deadline = time.monotonic() + RECOVERY_SECONDS
    next_sweep = 0.0
    while not recovered(burst) and time.monotonic() < deadline:
        assert worker.poll() is None, worker.log.read_text()[-4000:]
        if time.monotonic() >= next_sweep:
            sweep_later()
            next_sweep = time.monotonic() + 5
        time.sleep(0.2)
    stale = list(
        Playlist.objects.filter(learner__in=burst.learners, school_day=burst.today)
        .exclude(status="fresh")
        .values_list("learner__username", "status")
    )
    assert recovered(burst), (stale, worker.log.read_text()[-4000:])


def assert_nothing_lost(burst) -> None:
    assert 500 not in burst.statuses and all(status < 500 or status == 503 for status in burst.statuses), burst.statuses
    attempts = Attempt.objects.filter(assignment=burst.assignment)
    assert attempts.count() == CLASS_SIZE
    assert sorted(attempts.values_list("learner_id", flat=True)) == sorted(user.pk for user in burst.learners)
    assert set(attempts.values_list("status", flat=True)) == {"scored"}


def test_the_worker_killed_mid_burst_loses_nothing(celery_worker_process, burst, tmp_path):
    # Given a worker rebuilding paths as a class submits
    half = CLASS_SIZE // 2
    submit_all(burst, burst.learners[:half], threads=2)
    # When the worker is killed without warning mid-burst, and the rest of the class submits while none runs
    celery_worker_process.send_signal(signal.SIGKILL)
    celery_worker_process.wait(timeout=10)
    submit_all(burst, burst.learners[half:], threads=2)
    # and a new worker starts
    worker = start_worker(tmp_path / "second-worker.log", name="second")
    try:
        # Then nothing was lost and every path is fresh again
        wait_until_recovered(burst, worker)
        assert_nothing_lost(burst)
    finally:
        stop_worker(worker)


@pytest.fixture
def own_redis(tmp_path, settings, transactional_db):
    """A redis-server of this test's own on a free port, to stop and start again; the app's broker points at it."""
    require_worker_services()
    executable = shutil.which("redis-server")
    if executable is None:
        if in_ci():
            pytest.fail("CI must run the Redis fault test: redis-server is not on PATH")
        pytest.skip("redis-server is not on PATH")
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"

    def start():
        process = subprocess.Popen(
            [
                executable,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(tmp_path),
            ],
            stdout=(tmp_path / "redis.log").open("a"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 10
        import redis

        while time.monotonic() < deadline:
            try:
                redis.Redis.from_url(url).ping()
                return process
            except redis.RedisError:
                time.sleep(0.05)
        process.kill()
        pytest.fail(f"redis-server did not start on port {port}")

    server = SimpleNamespace(url=url, process=start())
    server.start = lambda: setattr(server, "process", start())
    previous = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.broker_url, app.conf.task_always_eager = url, False
    app._pool = None
    app.amqp._producer_pool = None
    settings.REDIS_URL = url
    try:
        yield server
    finally:
        app.conf.broker_url, app.conf.task_always_eager = previous
        app._pool = None
        app.amqp._producer_pool = None
        if server.process.poll() is None:
            server.process.terminate()
            server.process.wait(timeout=10)


def test_redis_stopped_at_submit_time_loses_nothing(own_redis, burst, tmp_path, client):
    worker = start_worker(tmp_path / "worker.log", env=worker_env(REDIS_URL=own_redis.url))
    try:
        half = CLASS_SIZE // 2
        submit_all(burst, burst.learners[:half], threads=2)
        # When Redis stops while the rest of the class submits
        own_redis.process.terminate()
        own_redis.process.wait(timeout=10)
        submit_all(burst, burst.learners[half:], threads=2)
        # Then every submit was answered (none with a 500) and /health/ names the broker
        health = client.get(reverse("health"))
        assert health.status_code == 503
        assert health.json()["checks"]["broker"]["status"] == "down"
        # And once Redis is back (empty: it keeps nothing on disk), the worker reconnects and the sweepers send what
        # was lost
        own_redis.start()
        wait_until_recovered(burst, worker)
        assert_nothing_lost(burst)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and client.get(reverse("health")).status_code != 200:
            time.sleep(0.5)
        assert client.get(reverse("health")).json()["checks"]["worker"]["status"] == "ok"
    finally:
        stop_worker(worker)


def test_postgresql_dropping_connections_mid_burst_loses_nothing(celery_worker_process, burst):
    # Given a class submitting from four threads at once
    settings_dict = connection.settings_dict
    connection.ensure_connection()
    own_pid = connection.connection.info.backend_pid
    killer = psycopg2.connect(
        dbname=settings_dict["NAME"],
        user=settings_dict["USER"],
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
    )
    killer.autocommit = True
    stop = threading.Event()
    killed = []

    def drop_connections():
        # When PostgreSQL ends every other connection to the database while requests are running on them, again
        # and again (as a restart or a failover does, once, in real life)
        with killer.cursor() as cursor:
            while not stop.is_set() and len(killed) < DROP_ROUNDS:
                cursor.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), %s) "
                    "AND backend_type = 'client backend' AND state <> 'idle'",
                    [own_pid],
                )
                ended = cursor.fetchone()[0]
                if ended:
                    killed.append(ended)
                stop.wait(DROP_EVERY_SECONDS if ended else 0.005)

    dropper = threading.Thread(target=drop_connections)
    dropper.start()
    try:
        submit_all(burst, burst.learners, threads=4)
    finally:
        stop.set()
        dropper.join(timeout=10)
        killer.close()
    assert killed, "the fault never hit a running request"
    # Then no answer was a 500, no submission is lost, and every path is fresh again once the sweepers ran
    wait_until_recovered(burst, celery_worker_process)
    assert_nothing_lost(burst)
