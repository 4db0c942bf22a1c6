"""Nothing lost and no 500 when a dependency fails: the broker down at submit time, a lost mastery update, a
database connection dropped in the middle of a request, and /health/ telling which dependency is down."""

from __future__ import annotations

import datetime
import json
import logging
import socket
import time

import pytest
from django.db import connection
from django.urls import reverse

from assessments import services as assessment_services
from learners import services as learner_services
from learners.models import Evidence
from learning_platform import health
from learning_platform.calendar import school_today
from learning_platform.celery import app
from playlists import services as playlist_services
from playlists.models import Playlist
from tests.conftest import classmates, in_ci, item_ids, run_at_once


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def broker_down(settings):
    """Tasks are sent to a Redis broker that does not answer (nothing listens on its port), not run in-process."""
    dead = f"redis://127.0.0.1:{free_port()}/0"
    previous = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.broker_url, app.conf.task_always_eager = dead, False
    # Celery keeps its connection and producer pools once made; new ones are made for the dead broker's URL.
    app._pool = None
    app.amqp._producer_pool = None
    settings.REDIS_URL = dead
    yield dead
    app.conf.broker_url, app.conf.task_always_eager = previous
    app._pool = None
    app.amqp._producer_pool = None


def rebuild(world, learner=None):
    learner = learner or world.student
    playlist_services.paths_rebuild(
        school=world.school, school_day=school_today(world.school), learner_ids=[learner.pk]
    )
    return Playlist.objects.get(learner=learner, school_day=school_today(world.school))


# Finding 3: with Redis down, a submit answered 500 though the attempt was saved and scored.


@pytest.mark.django_db(transaction=True)
def test_a_submit_while_the_broker_is_down_answers_and_the_sweeper_rebuilds_the_path_later(
    client, world, exit_ticket, catalog, broker_down, caplog
):
    playlist = rebuild(world)
    attempt = assessment_services.attempt_start(assignment=exit_ticket, learner=world.student)
    client.force_login(world.student)
    answers = dict(zip(map(str, item_ids(exit_ticket)), ["a", "3/4", "<"]))
    with caplog.at_level(logging.WARNING, logger="learning_platform.queue"):
        response = client.post(
            reverse("api-attempt-submit", args=[attempt.pk]), {"answers": answers}, content_type="application/json"
        )
    # The student is told their work is in, and it is: saved, scored, with its evidence logged in the request
    assert response.status_code == 200, response.content
    attempt.refresh_from_db()
    assert (attempt.status, attempt.points) == ("scored", attempt.max_points)
    assert Evidence.objects.filter(response__attempt=attempt).count() == 4
    assert "could not send playlists.rebuild_learner" in caplog.text and "left to the sweepers" in caplog.text
    # The path waits, stale, for the rebuild whose message was lost
    stale = Playlist.objects.get(pk=playlist.pk)
    assert stale.status == "stale"
    # Once the broker is back (here: tasks in-process again) the sweeper rebuilds it
    app.conf.task_always_eager = True
    assert playlist_services.stale_paths_sweep(now=stale.stale_since + playlist_services.STALE_GRACE * 2) == 1
    assert Playlist.objects.get(pk=playlist.pk).status == "fresh"


@pytest.mark.django_db(transaction=True)
def test_a_rubric_score_whose_mastery_update_was_lost_is_swept_up(client, world, rubric_task, broker_down, monkeypatch):
    from learners import receivers

    attempt = assessment_services.attempt_start(assignment=rubric_task, learner=world.student)
    open_item, numeric_item = item_ids(rubric_task)
    assessment_services.attempt_submit(
        attempt=attempt, learner=world.student, answers={open_item: "Three quarters a pound.", numeric_item: "3/4"}
    )
    open_response = attempt.responses.get(item_id=open_item)

    # The score's inline mastery update fails, and so does the message that would retry it (the broker is down)
    def broken(**kwargs):
        raise RuntimeError("the model is unavailable")

    monkeypatch.setattr(receivers, "mastery_apply_attempt", broken)
    client.force_login(world.teacher)
    response = client.post(
        reverse("api-rubric-score", args=[open_response.pk]),
        {"levels": {"reasoning": "3", "precision": "1"}, "comment": "Clear."},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    open_response.refresh_from_db()
    # The score is saved; its evidence waits for the mastery update the broker never took
    assert open_response.scored_at is not None
    assert not Evidence.objects.filter(response=open_response).exists()
    monkeypatch.undo()
    app.conf.task_always_eager = True
    # Within the grace period the sweeper leaves it to its message; after it, the sweeper sends it
    assert learner_services.mastery_unlogged_sweep(now=open_response.scored_at + datetime.timedelta(seconds=30)) == 0
    # and it looks back two days only
    assert learner_services.mastery_unlogged_sweep(now=open_response.scored_at + datetime.timedelta(days=3)) == 0
    later = open_response.scored_at + learner_services.UNLOGGED_GRACE + datetime.timedelta(seconds=1)
    assert learner_services.mastery_unlogged_sweep(now=later) == 1
    assert Evidence.objects.filter(response=open_response).count() == 1
    # Done once: nothing is left to sweep, and a second sweep sends nothing
    assert learner_services.mastery_unlogged_sweep(now=later) == 0


# /health/ reports each dependency.


@pytest.mark.django_db
def test_health_reports_every_dependency_as_in_process_without_a_broker(client, settings):
    settings.REDIS_URL = ""
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {
            "database": {"status": "ok", "vendor": connection.vendor},
            "broker": {"status": "in-process"},
            "worker": {"status": "in-process"},
        },
    }
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_health_answers_503_naming_the_broker_when_redis_is_down(client, settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"
    response = client.get(reverse("health"))
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == {"status": "ok", "vendor": connection.vendor}
    assert body["checks"]["broker"] == {"status": "down", "error": "ConnectionError"}
    assert body["checks"]["worker"] == {"status": "unknown", "error": "ConnectionError"}


@pytest.fixture
def redis_url(settings):
    if not settings.REDIS_URL:
        if in_ci():
            pytest.fail("CI must run the broker checks on Redis (REDIS_URL)")
        pytest.skip("needs REDIS_URL")
    client = health._redis()
    for key in client.scan_iter(match=f"{health.HEARTBEAT_KEY_PREFIX}*"):
        client.delete(key)
    return settings.REDIS_URL


@pytest.mark.django_db
def test_health_is_503_until_a_worker_beats_and_again_once_its_heartbeat_is_stale(client, redis_url):
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == {"status": "ok"}
    assert response.json()["checks"]["worker"] == {"status": "down", "workers": 0}
    stop = health.worker_heartbeat_start(hostname="test-beat@here", queues=["batch", "interactive"])
    try:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and client.get(reverse("health")).status_code != 200:
            time.sleep(0.05)
        worker = client.get(reverse("health")).json()["checks"]["worker"]
        assert (worker["status"], worker["workers"], worker["queues"]) == ("ok", 1, ["batch", "interactive"])
        # A heartbeat older than the stale limit (a worker killed without a goodbye) no longer counts
        stale = health.check_worker(now=time.time() + health.HEARTBEAT_STALE_SECONDS + health.HEARTBEAT_SECONDS + 1)
        assert stale == {"status": "down", "workers": 0}
    finally:
        stop.set()
    # A worker that stops says goodbye: its heartbeat goes at once
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and health.check_worker()["status"] != "down":
        time.sleep(0.05)
    assert health.check_worker() == {"status": "down", "workers": 0}


def test_a_heartbeat_is_the_json_the_health_check_reads(redis_url):
    stop = health.worker_heartbeat_start(hostname="test-shape@here", queues=["interactive"])
    try:
        key = f"{health.HEARTBEAT_KEY_PREFIX}test-shape@here"
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and health._redis().get(key) is None:
            time.sleep(0.05)
        beat = json.loads(health._redis().get(key))
        assert beat["queues"] == ["interactive"] and abs(beat["at"] - time.time()) < 5
        assert 0 < health._redis().ttl(key) <= health.HEARTBEAT_STALE_SECONDS * 2
    finally:
        stop.set()


# A database connection dropped in the middle of a request (finding 7: 500s on reused connections after a
# PostgreSQL restart). Needs PostgreSQL, where another session can end this one's connection.


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        if in_ci():
            pytest.fail("CI must run the dropped-connection tests on PostgreSQL (DATABASE_URL)")
        pytest.skip("needs PostgreSQL: another session ends this one's connection")
    yield
    # Whatever the test left, the tables are emptied afterwards on a live connection.
    if connection.connection is not None and not connection.is_usable():
        connection.close()


@pytest.fixture
def http():
    """A test client that, like a browser, sees the answer a failed request got (not the exception behind it)."""
    from django.test import Client

    return Client(raise_request_exception=False)


def drop_this_connection() -> None:
    """End this thread's database connection from another session, as a server restart would."""
    import psycopg2

    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    settings_dict = connection.settings_dict
    other = psycopg2.connect(
        dbname=settings_dict["NAME"],
        user=settings_dict["USER"],
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
    )
    other.autocommit = True
    with other.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    other.close()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            with connection.connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception:
            return
        time.sleep(0.02)


def test_a_read_whose_connection_dropped_is_answered_again_on_a_new_connection(http, postgres, world):
    client = http
    client.force_login(world.teacher)
    assert client.get(reverse("teach-home")).status_code == 200
    drop_this_connection()
    response = client.get(reverse("teach-home"))
    assert response.status_code == 200
    assert "Math 6 period 1" in response.content.decode()


def test_a_write_whose_connection_dropped_answers_503_and_succeeds_when_tried_again(http, postgres, world, exit_ticket):
    client = http
    attempt = assessment_services.attempt_start(assignment=exit_ticket, learner=world.student)
    client.force_login(world.student)
    item_id = item_ids(exit_ticket)[0]
    url = reverse("api-attempt-answer", args=[attempt.pk, item_id])
    drop_this_connection()
    response = client.put(url, {"answer": "a"}, content_type="application/json")
    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert response.json()["errors"] == {
        "database": [
            "The connection to the database was lost while answering. Nothing needs redoing by hand: try again."
        ]
    }
    again = client.put(url, {"answer": "a"}, content_type="application/json")
    assert again.status_code == 200, again.content
    assert attempt.responses.get(item_id=item_id).answer == "a"


# Finding 6: typing fast in an assessment on SQLite gave 500 "database is locked" (and "cannot start a transaction
# within a transaction" in the browser tests). Runs on whichever database the suite uses; on SQLite it is the
# WAL, busy-timeout and IMMEDIATE settings that keep concurrent autosaves from failing.


@pytest.mark.django_db(transaction=True)
def test_concurrent_autosaves_and_submits_never_answer_500(world, exit_ticket):
    from django.test import Client

    learners = classmates(world, 8, "typist")
    choice, numeric, compare = item_ids(exit_ticket)
    attempts = {user.pk: assessment_services.attempt_start(assignment=exit_ticket, learner=user) for user in learners}
    statuses = []

    def type_and_submit(user):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        attempt = attempts[user.pk]
        # A keystroke at a time, as the page autosaves while the answer is typed
        for typed in ("0", "0.", "0.7", "0.75"):
            statuses.append(
                client.put(
                    reverse("api-attempt-answer", args=[attempt.pk, numeric]),
                    {"answer": typed},
                    content_type="application/json",
                ).status_code
            )
        for item_id, answer in ((choice, "a"), (compare, "<")):
            statuses.append(
                client.put(
                    reverse("api-attempt-answer", args=[attempt.pk, item_id]),
                    {"answer": answer},
                    content_type="application/json",
                ).status_code
            )
        statuses.append(
            client.post(
                reverse("api-attempt-submit", args=[attempt.pk]), {"answers": {}}, content_type="application/json"
            ).status_code
        )

    errors = run_at_once([lambda user=user: type_and_submit(user) for user in learners])
    assert not errors, errors
    assert statuses == [200] * len(statuses) and len(statuses) == len(learners) * 7
    from assessments.models import Attempt

    scored = Attempt.objects.filter(pk__in=[attempt.pk for attempt in attempts.values()], status="scored")
    assert sorted(scored.values_list("points", flat=True)) == [attempts[learners[0].pk].max_points] * len(learners)


def test_a_form_whose_connection_dropped_gets_a_page_that_says_to_try_again(http, postgres, world):
    http.force_login(world.teacher)
    drop_this_connection()
    response = http.post(reverse("logout"))
    assert response.status_code == 503
    page = response.content.decode()
    assert "<h1>Try again</h1>" in page and "The connection to the database was lost while answering." in page
    assert "http-equiv" not in page  # a form's post is not sent again behind the person's back


def test_a_read_that_loses_its_connection_twice_answers_503_not_500(http, postgres, world, monkeypatch):
    # Given the database is still starting up when the read is answered again (every connection it makes is lost)
    from learning_platform import middleware

    http.force_login(world.teacher)
    drop_this_connection()
    closed = []
    real_close = middleware._close_broken_connections

    def close_and_drop_again():
        real_close()
        closed.append(True)
        if len(closed) == 1:
            drop_this_connection()

    monkeypatch.setattr(middleware, "_close_broken_connections", close_and_drop_again)
    response = http.get(reverse("teach-home"))
    # Then it is answered again once, and then told to try again: a 503, never a 500
    assert len(closed) == 2
    assert response.status_code == 503
    page = response.content.decode()
    assert "<h1>Try again</h1>" in page and '<meta http-equiv="refresh" content="2">' in page
