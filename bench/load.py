"""A bounded load on loopback: students taking exit tickets and reading Today, teachers reading their grid.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/load.py
        [--students 40] [--teachers 5] [--seconds 120] [--think-read 5] [--think-answer 5] [--think-between 15]
        [--think-teacher 10] [--poll 1] [--workers 2] [--threads 1] [--worker-concurrency 1] [--history-weeks 2]
        [--database waypoint_bench_load] [--redis-db 14] [--fault "COMMAND" --fault-after 40]

Needs PostgreSQL and Redis. On DATABASE_URL's server it (re)creates the database --database (dropped again at
the end), and it uses Redis database --redis-db of REDIS_URL's server (flushed at the start). It migrates,
imports the standards, seeds the demo (`seed_demo --history-weeks`), builds every path of today, and gives the
sections of the first --students students of Lincoln Middle School an exit ticket of three items that can be
taken as often as the run lasts. Then it starts a real Celery worker (prefork, --worker-concurrency processes,
both queues) and gunicorn (--workers processes of --threads threads) on 127.0.0.1, with production settings (DEBUG=false; see
bench/teacher_pages.py) and REDIS_URL, so every rebuild goes through the queue as deployed.

Each simulated user is signed in on a session made through Django (the login form is not driven: it is
throttled) and runs in a thread of its own until --seconds have passed:

- a student reads Today (GET /today/, then thinks --think-read s), opens the exit ticket (GET
  /today/assessments/<id>/ and POST /api/assignments/<id>/attempts/ to start or resume), answers each item (thinks
  --think-answer s, then autosaves it: PUT /api/attempts/<id>/answers/<item>/), submits (POST
  /api/attempts/<id>/submit/), waits for the new path as the assessment page does (GET /today/path/ every --poll s
  until it answers 200, for 30 s at most), then does the work of the path (--think-between s) and starts over;
- a teacher reads the mastery grid of one of their sections (GET /teach/sections/<id>/grid/) every --think-teacher s.

Think times are drawn uniformly between half and one and a half times their value, and the students start within
the first --think-read s. The defaults are a brisk but human class: five seconds to read a page or answer a short
item, a quarter of a minute on the path's work between tickets (compressed: a real class takes one ticket a
lesson), a teacher refreshing the grid every ten seconds. An attempt still open at the end is left unsubmitted.

Prints the settings, then a table: per page or endpoint the requests, their rate, p50, p95 and max (ms) and the
errors (answers other than the expected 2xx, and failed connections, by status); then the checks: attempts
submitted by clients against submitted attempts stored, paths still stale after the worker drains (waits up to
60 s), deadlocks PostgreSQL counted in the database, requests seen waiting on a lock (pg_stat_activity sampled
every 0.2 s), and the SQL queries one /today/ (fresh path, stale path) and one submit run (counted in this
process with the test client). Exit status 1 when a check fails. Progress goes to stderr.

With --fault, a shell command runs --fault-after s into the load, for a fault under load: for example
`--fault "pg_ctlcluster --skip-systemctl-redirect 15 main restart"` restarts PostgreSQL. Then a 503 (the answer to a
write whose database connection dropped, which the page sends again) is expected, and the errors check counts
only answers of 500 and failed connections.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import http.client
import json
import logging
import os
import random
import re
import string
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from _common import ROOT, log, percentile, postgres_url, scratch_database, start_worker, stop_worker, with_path
from teacher_pages import free_port, production_environment, stop_server

SCHOOL_SLUG = "lincoln-ms"
TIMEOUT_S = 30.0
PATH_WAIT_S = 30.0
DRAIN_S = 60.0
LOCK_SAMPLE_S = 0.2
# Exit ticket answers (choice, numeric, comparison): all right, or all wrong.
RIGHT, WRONG = ("a", "3/4", "<"), ("b", "0.8", ">")
EXPECTED = {
    "today": {200},
    "assessment page": {200},
    "attempt start": {201},
    "autosave": {200},
    "submit": {200},
    "today/path poll": {200, 204},
    "teacher grid": {200},
}


def fail(message: str) -> None:
    sys.exit(f"bench/load.py: {message}")


# ---------------------------------------------------------------------------------------------------------
# Setup


def seed(history_weeks: int) -> None:
    from django.core.management import call_command

    for label, action in (
        ("migrate", lambda: call_command("migrate", verbosity=0)),
        ("import_standards", lambda: call_command("import_standards", ROOT / "data" / "ccss-math", stdout=sys.stderr)),
        (
            f"seed_demo --history-weeks {history_weeks}",
            lambda: call_command("seed_demo", quiet=True, history_weeks=history_weeks, stdout=sys.stderr),
        ),
        ("collectstatic", lambda: call_command("collectstatic", interactive=False, verbosity=0)),
    ):
        log(f"{label} ...")
        started = time.perf_counter()
        action()
        log(f"{label}: {time.perf_counter() - started:.1f} s")


def build_load(student_count: int, teacher_count: int):
    """The students and teachers of the load, each student's exit ticket assignment and its answers, and the
    grid each teacher reads; every path of the school for today built."""
    from django.utils import timezone

    from assessments import services as assessments
    from assessments.models import Assessment, LearningTarget
    from learning_platform.models import Enrollment, School, Section, User
    from learning_platform.calendar import school_today
    from playlists.services import paths_rebuild

    school = School.objects.get(slug=SCHOOL_SLUG)
    sections = list(Section.objects.filter(school=school).order_by("name", "pk"))
    enrollments = list(
        Enrollment.objects.active()
        .filter(section__in=sections)
        .select_related("student", "section")
        .order_by("section__name", "section_id", "student_id")
    )
    students, section_of = [], {}
    for enrollment in enrollments:
        if enrollment.student_id not in section_of and len(students) < student_count:
            students.append(enrollment.student)
            section_of[enrollment.student_id] = enrollment.section
    if len(students) < student_count:
        fail(f"{school} has {len(students)} students, fewer than --students {student_count}")
    used_sections = list(dict.fromkeys(section_of.values()))
    # The teachers of the students' sections first, then those of the school's other sections.
    teachers, grid_of = [], {}
    for section in used_sections + [section for section in sections if section not in used_sections]:
        for teacher in section.teachers.order_by("pk"):
            if teacher.pk not in grid_of and len(teachers) < teacher_count:
                teachers.append(teacher)
                grid_of[teacher.pk] = section.pk
    if len(teachers) < teacher_count:
        fail(f"{school} has {len(teachers)} teachers, fewer than --teachers {teacher_count}")

    ratios, rates = (
        LearningTarget.objects.get(framework__slug="ccss-math", code=code) for code in ("6.RP.A.1", "6.RP.A.2")
    )
    author = teachers[0]
    items = [
        assessments.item_create(
            item_type="single_choice",
            stem="Flour to sugar?",
            targets=[ratios],
            choices=[{"id": "a", "text": "2:3"}, {"id": "b", "text": "3:2"}],
            key={"correct": "a"},
        ),
        assessments.item_create(
            item_type="numeric", stem="Cost of one pound?", targets=[rates], key={"value": "3/4", "tolerance": "0"}
        ),
        assessments.item_create(
            item_type="comparison", stem="1/8 _ 4/1", targets=[ratios, rates], key={"correct": "<"}
        ),
    ]
    assessment = assessments.assessment_create(
        title="Ratios exit ticket (load)",
        kind=Assessment.Kind.EXIT_TICKET,
        school=school,
        created_by=author,
        items=items,
        attempts_allowed=1000,
    )
    now = timezone.now()
    assignment_of = {}
    for section in used_sections:
        assigner = section.teachers.order_by("pk").first() or author
        assignment = assessments.assignment_create(
            assessment=assessment,
            section=section,
            opens_at=now - datetime.timedelta(hours=1),
            due_at=now + datetime.timedelta(days=1),
            assigned_by=assigner,
        )
        assignment_of[section.pk] = assignment.pk
    today = school_today(school)
    learner_ids = list(school.learner_profiles.order_by("user_id").values_list("user_id", flat=True))
    paths_rebuild(school=school, school_day=today, learner_ids=learner_ids)
    users = {user.pk: user for user in User.objects.filter(pk__in=[s.pk for s in students] + [t.pk for t in teachers])}
    return {
        "school": school,
        "today": today,
        "assessment": assessment,
        "students": [(users[s.pk], assignment_of[section_of[s.pk].pk]) for s in students],
        "teachers": [(users[t.pk], grid_of[t.pk]) for t in teachers],
        "answers": [item.pk for item in items],
    }


def session_cookie(user) -> str:
    """A signed-in session for `user`, made through Django's own login machinery (no login form)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


# ---------------------------------------------------------------------------------------------------------
# The worker, the server and the clients


def start_server(port: int, workers: int, threads: int, log_path: Path) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:`port` with this process's environment (REDIS_URL included), once it answers."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "learning_platform.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=dict(os.environ),
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            fail(f"the server exited with status {server.returncode}:\n{log_path.read_text()[-4000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/accounts/login/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(server)
    fail(f"the server did not answer within 60 s:\n{log_path.read_text()[-4000:]}")


class Stats:
    """Wall times (ms) and answers per page or endpoint, shared by every client thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.samples: dict[str, list[float]] = collections.defaultdict(list)
        self.errors: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.submitted = 0
        self.path_waits: list[float] = []
        self.path_timeouts = 0
        self.failures: list[str] = []

    def record(self, name: str, elapsed_ms: float, status) -> None:
        with self.lock:
            self.samples[name].append(elapsed_ms)
            if status not in EXPECTED[name]:
                self.errors[name][status] += 1


class Client:
    """One signed-in user: their session and CSRF cookies, a request at a time over a new connection."""

    def __init__(self, port: int, session: str, stats: Stats) -> None:
        self.port, self.stats = port, stats
        self.csrf = "".join(random.choices(string.ascii_letters + string.digits, k=32))
        self.cookie = f"sessionid={session}; csrftoken={self.csrf}"

    def request(self, name: str, method: str, path: str, body=None) -> tuple[int | str, bytes]:
        headers = {"Cookie": self.cookie, "Host": "127.0.0.1"}
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers.update({"Content-Type": "application/json", "X-CSRFToken": self.csrf})
        started = time.perf_counter()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT_S)
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            status, data = response.status, response.read()
            connection.close()
        except (OSError, http.client.HTTPException) as error:
            status, data = type(error).__name__, b""
        elapsed = (time.perf_counter() - started) * 1000
        self.stats.record(name, elapsed, status)
        if status not in EXPECTED[name] and len(self.stats.failures) < 5:
            self.stats.failures.append(f"{method} {path} -> {status}: {data[:300]!r}")
        return status, data


def think(seconds: float, deadline: float) -> bool:
    """Sleep about `seconds` (half to one and a half times), not past the deadline; False when it has passed."""
    pause = seconds * random.uniform(0.5, 1.5)
    time.sleep(max(0.0, min(pause, deadline - time.monotonic())))
    return time.monotonic() < deadline


def student_loop(client: Client, assignment_id: int, item_ids: list[int], args, deadline: float, stats: Stats) -> None:
    """Today, the exit ticket (autosaved answers, a submit), the new path; again until the deadline."""
    round_number = 0
    if not think(args.think_read, deadline):
        return
    while time.monotonic() < deadline:
        client.request("today", "GET", "/today/")
        if not think(args.think_read, deadline):
            return
        client.request("assessment page", "GET", f"/today/assessments/{assignment_id}/")
        status, data = client.request("attempt start", "POST", f"/api/assignments/{assignment_id}/attempts/", {})
        if status != 201:
            if not think(args.think_between, deadline):
                return
            continue
        attempt_id = json.loads(data)["id"]
        answers = dict(zip(item_ids, RIGHT if round_number % 2 else WRONG))
        round_number += 1
        for item_id, answer in answers.items():
            if not think(args.think_answer, deadline):
                return  # the bell rang: the attempt stays open, unsubmitted
            client.request("autosave", "PUT", f"/api/attempts/{attempt_id}/answers/{item_id}/", {"answer": answer})
        status, data = client.request(
            "submit",
            "POST",
            f"/api/attempts/{attempt_id}/submit/",
            {"answers": {str(k): v for k, v in answers.items()}},
        )
        if status == 200 and json.loads(data)["status"] != "in_progress":
            with stats.lock:
                stats.submitted += 1
        submitted_at = time.monotonic()
        while True:
            status, _ = client.request("today/path poll", "GET", "/today/path/")
            if status == 200:
                with stats.lock:
                    stats.path_waits.append((time.monotonic() - submitted_at) * 1000)
                break
            if time.monotonic() - submitted_at > PATH_WAIT_S:
                with stats.lock:
                    stats.path_timeouts += 1
                break
            if time.monotonic() >= deadline:
                return
            time.sleep(args.poll)
        if not think(args.think_between, deadline):
            return


def teacher_loop(client: Client, section_id: int, args, deadline: float) -> None:
    while think(args.think_teacher, deadline):
        client.request("teacher grid", "GET", f"/teach/sections/{section_id}/grid/")


def sample_lock_waits(database: str, stop: threading.Event, counts: collections.Counter) -> None:
    """Count, every LOCK_SAMPLE_S, the backends of the bench database waiting on a lock, by what they run."""
    import psycopg2

    connection = psycopg2.connect(os.environ["DATABASE_URL"])
    connection.autocommit = True
    with connection.cursor() as cursor:
        while not stop.wait(LOCK_SAMPLE_S):
            cursor.execute(
                "SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 70) FROM pg_stat_activity "
                "WHERE datname = %s AND wait_event_type = 'Lock'",
                [database],
            )
            counts["samples"] += 1
            for (query,) in cursor.fetchall():
                counts[query] += 1
    connection.close()


def deadlocks(database: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT deadlocks FROM pg_stat_database WHERE datname = %s", [database])
        return cursor.fetchone()[0]


def query_counts(load) -> dict[str, int]:
    """The SQL queries of one /today/ with a fresh path, one with a stale path, and one submit (test client)."""
    from django.db import connection, transaction
    from django.test import Client as TestClient
    from django.test.utils import CaptureQueriesContext

    from playlists.services import paths_mark_stale

    student, assignment_id = load["students"][0]
    client = TestClient(HTTP_HOST="127.0.0.1")
    client.force_login(student)
    client.get("/today/")
    counts = {}
    with CaptureQueriesContext(connection) as queries:
        client.get("/today/")
    counts["today (fresh path)"] = len(queries)
    with transaction.atomic():  # its rebuild message goes to Redis, where no worker reads it any more
        paths_mark_stale(learner_ids=[student.pk], reason="bench")
    with CaptureQueriesContext(connection) as queries:
        client.get("/today/")
    counts["today (stale path)"] = len(queries)
    started = client.post(f"/api/assignments/{assignment_id}/attempts/", {}, content_type="application/json")
    attempt_id = started.json()["id"]
    with CaptureQueriesContext(connection) as queries:
        client.post(
            f"/api/attempts/{attempt_id}/submit/",
            {"answers": dict(zip(map(str, load["answers"]), RIGHT))},
            content_type="application/json",
        )
    counts["submit"] = len(queries)
    return counts


# ---------------------------------------------------------------------------------------------------------


def run(args, scratch: Path) -> int:
    import django
    import redis

    django.setup()
    from django.db import connections

    from assessments.models import Attempt
    from playlists.models import Playlist

    logging.getLogger("waypoint.rebuild").setLevel(logging.WARNING)  # a line per rebuild of the seed: too chatty
    seed(args.history_weeks)
    log("setting up the load ...")
    load = build_load(args.students, args.teachers)
    sessions = {user.pk: session_cookie(user) for user, _ in load["students"] + load["teachers"]}
    student_ids = [user.pk for user, _ in load["students"]]
    assessment = load["assessment"]
    submitted_before = Attempt.objects.filter(assignment__assessment=assessment, submitted_at__isnull=False).count()
    deadlocks_before = deadlocks(args.database)
    connections.close_all()
    # Setup queued rebuilds (the assignments ask for their sections'); every path was built after them.
    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()

    log(f"starting the worker (concurrency {args.worker_concurrency}) and gunicorn ({args.workers} workers) ...")
    worker = start_worker(
        scratch / "worker.log",
        script="bench/load.py",
        name="bench-load",
        concurrency=args.worker_concurrency,
        loglevel="info",
    )
    port = free_port()
    server = None
    stats, lock_waits, stop_sampling = Stats(), collections.Counter(), threading.Event()
    try:
        server = start_server(port, args.workers, args.threads, scratch / "server.log")
        sampler = threading.Thread(target=sample_lock_waits, args=(args.database, stop_sampling, lock_waits))
        deadline = time.monotonic() + args.seconds
        threads = [
            threading.Thread(
                target=student_loop,
                args=(Client(port, sessions[user.pk], stats), assignment_id, load["answers"], args, deadline, stats),
            )
            for user, assignment_id in load["students"]
        ] + [
            threading.Thread(
                target=teacher_loop, args=(Client(port, sessions[user.pk], stats), section_id, args, deadline)
            )
            for user, section_id in load["teachers"]
        ]
        fault = {}
        if args.fault:
            threads.append(threading.Thread(target=run_fault, args=(args.fault, args.fault_after, fault)))
        log(f"running {args.students} students and {args.teachers} teachers for {args.seconds} s ...")
        started = time.monotonic()
        sampler.start()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(1.0, deadline + TIMEOUT_S * 2 - time.monotonic()))
        elapsed = time.monotonic() - started
        stop_sampling.set()
        sampler.join()
        log("waiting for the worker to drain ...")
        drain_started = time.monotonic()
        stale = None
        while time.monotonic() - drain_started < DRAIN_S:
            stale = Playlist.objects.filter(
                learner_id__in=student_ids, school_day=load["today"], status=Playlist.Status.STALE
            ).count()
            if not stale:
                break
            time.sleep(0.5)
        drained_s = time.monotonic() - drain_started
        stored = Attempt.objects.filter(assignment__assessment=assessment, submitted_at__isnull=False).count()
        stored -= submitted_before
        deadlock_count = deadlocks(args.database) - deadlocks_before
    finally:
        if server is not None:
            stop_server(server)
        stop_worker(worker)
    counts = query_counts(load)
    connections.close_all()
    worker_log = (scratch / "worker.log").read_text()
    worker_deadlocks = worker_log.count("deadlock detected")
    rebuild_ms = [float(value) for value in re.findall(r"rebuild learner=\d+ .*?duration_ms=([\d.]+)", worker_log)]
    together = [int(value) for value in re.findall(r" together=(\d+) ", worker_log)]

    print(
        f"load: students={args.students} teachers={args.teachers} seconds={args.seconds} "
        f"gunicorn_workers={args.workers} gunicorn_threads={args.threads} celery_concurrency={args.worker_concurrency} cores={os.cpu_count()} "
        f"history_weeks={args.history_weeks}"
    )
    print(
        f"think times (s, each drawn from 0.5x-1.5x): read={args.think_read} answer={args.think_answer} "
        f"between={args.think_between} teacher={args.think_teacher} path_poll={args.poll}"
    )
    print()
    total = sum(len(samples) for samples in stats.samples.values())
    print("| page / endpoint | requests | per s | p50 ms | p95 ms | max ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name in EXPECTED:
        samples = stats.samples.get(name, [])
        if not samples:
            continue
        errors = ", ".join(f"{status}: {count}" for status, count in sorted(stats.errors[name].items(), key=str)) or "0"
        print(
            f"| {name} | {len(samples)} | {len(samples) / elapsed:.1f} | {percentile(samples, 0.5):.0f} | "
            f"{percentile(samples, 0.95):.0f} | {max(samples):.0f} | {errors} |"
        )
    error_total = sum(sum(counter.values()) for counter in stats.errors.values())
    print(f"| all | {total} | {total / elapsed:.1f} | | | | {error_total} |")
    print()
    if args.fault:
        print(
            f"fault: `{args.fault}` at +{args.fault_after:.0f} s: exit status {fault.get('status')}, "
            f"took {fault.get('seconds', 0):.1f} s"
        )
    if stats.path_waits:
        print(
            f"submit -> fresh path seen by the poll: p50 {percentile(stats.path_waits, 0.5):.0f} ms, "
            f"p95 {percentile(stats.path_waits, 0.95):.0f} ms, not fresh within {PATH_WAIT_S:.0f} s: "
            f"{stats.path_timeouts}"
        )
    if rebuild_ms:
        print(
            f"worker rebuilds: {len(rebuild_ms)}, p50 {percentile(rebuild_ms, 0.5):.0f} ms, "
            f"p95 {percentile(rebuild_ms, 0.95):.0f} ms, paths per rebuild max {max(together, default=0)}"
        )
    print("queries per request: " + ", ".join(f"{name} {count}" for name, count in counts.items()))
    samples = lock_waits.pop("samples", 0)
    waiting = sum(lock_waits.values())
    print(f"lock waits: {waiting} backend-samples waiting on a lock in {samples} samples every {LOCK_SAMPLE_S} s")
    for query, count in lock_waits.most_common(4):
        print(f"  {count:5d}  {query}")
    checks = [
        (
            f"attempts submitted by clients = submitted attempts stored: {stats.submitted} = {stored}",
            stats.submitted == stored,
        ),
        (f"paths stale after the worker drained ({drained_s:.1f} s, bound {DRAIN_S:.0f} s): {stale}", stale == 0),
        (
            f"deadlocks (pg_stat_database): {deadlock_count}; 'deadlock detected' in the worker log: {worker_deadlocks}",
            deadlock_count == 0 and worker_deadlocks == 0,
        ),
        fault_errors_check(stats) if args.fault else (f"errors: {error_total}", error_total == 0),
    ]
    print()
    for line, ok in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {line}")
    for failure in stats.failures:
        log(f"first failures: {failure}")
    if not all(ok for _, ok in checks):
        log(f"worker log tail ({scratch / 'worker.log'}):\n{worker_log[-3000:]}")
        log(f"server log tail:\n{(scratch / 'server.log').read_text()[-3000:]}")
    return 0 if all(ok for _, ok in checks) else 1


def run_fault(command: str, after: float, result: dict) -> None:
    """Run `command` in a shell `after` s from now; its exit status and duration go to `result`."""
    time.sleep(after)
    log(f"fault: running `{command}` ...")
    began = time.monotonic()
    completed = subprocess.run(command, shell=True, capture_output=True, text=True)
    result.update(status=completed.returncode, seconds=time.monotonic() - began)
    if completed.returncode:
        log(f"fault command failed: {completed.stderr.strip()[-500:]}")


def fault_errors_check(stats: Stats) -> tuple[str, bool]:
    """Under a fault a 503 is the expected answer to a write that lost its connection; a 500 or no answer is not."""
    unavailable = sum(counter.get(503, 0) for counter in stats.errors.values())
    broken = sum(
        count
        for counter in stats.errors.values()
        for status, count in counter.items()
        if status != 503 and (not isinstance(status, int) or status >= 500)
    )
    other = sum(sum(counter.values()) for counter in stats.errors.values()) - unavailable - broken
    return (
        f"answers of 500 or no answer: {broken} (503 to try again: {unavailable}; other refusals: {other})",
        broken == 0 and other == 0,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=40, help="students taking exit tickets (default 40)")
    parser.add_argument("--teachers", type=int, default=5, help="teachers reading their grid (default 5)")
    parser.add_argument("--seconds", type=int, default=120, help="how long the load lasts (default 120)")
    parser.add_argument("--think-read", type=float, default=5.0, help="s a student reads a page (default 5)")
    parser.add_argument("--think-answer", type=float, default=5.0, help="s a student answers an item (default 5)")
    parser.add_argument(
        "--think-between", type=float, default=15.0, help="s on the path's work between two exit tickets (default 15)"
    )
    parser.add_argument(
        "--think-teacher", type=float, default=10.0, help="s between a teacher's grid reads (default 10)"
    )
    parser.add_argument(
        "--poll", type=float, default=1.0, help="s between polls for the new path, as the page (default 1)"
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="gunicorn workers (default: cores)")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="threads per gunicorn worker (default 1: sync workers, as the README deploys)",
    )
    parser.add_argument("--worker-concurrency", type=int, default=1, help="Celery worker processes (default 1)")
    parser.add_argument("--history-weeks", type=int, default=2, help="weeks of demo history to seed (default 2)")
    parser.add_argument(
        "--database",
        default="waypoint_bench_load",
        help="database (re)created on DATABASE_URL's server and dropped at the end",
    )
    parser.add_argument("--redis-db", type=int, default=14, help="Redis db of REDIS_URL's server, flushed (default 14)")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end (to look into it)")
    parser.add_argument("--fault", default="", help="a shell command to run during the load (a fault under load)")
    parser.add_argument("--fault-after", type=float, default=40.0, help="s into the load to run --fault (default 40)")
    args = parser.parse_args()
    if min(args.students, args.teachers + 1, args.seconds, args.workers, args.threads, args.worker_concurrency) < 1:
        parser.error(
            "--students, --seconds, --workers, --threads and --worker-concurrency must be at least 1, "
            "--teachers 0 or more"
        )
    if min(args.think_read, args.think_answer, args.think_between, args.think_teacher) < 0 or args.poll <= 0:
        parser.error("think times must be 0 or more and --poll more than 0")
    if args.seconds > 3600:
        parser.error("--seconds is at most 3600")
    if args.fault and not 0 <= args.fault_after < args.seconds:
        parser.error("--fault-after must be 0 or more and less than --seconds")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", args.database):
        parser.error("--database must be a plain lower-case name")
    database_url, redis_url = postgres_url("bench/load.py"), os.environ.get("REDIS_URL", "")
    if urlsplit(redis_url).scheme not in ("redis", "rediss"):
        fail("set REDIS_URL to a Redis server, e.g. redis://127.0.0.1:6379/0")
    if urlsplit(database_url).hostname not in ("127.0.0.1", "localhost", "::1"):
        fail("the load runs on loopback only: DATABASE_URL must name 127.0.0.1")
    os.environ["REDIS_URL"] = with_path(redis_url, f"/{args.redis_db}")
    with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as scratch:
        production_environment(Path(scratch))
        with scratch_database(database_url, args.database, keep=args.keep):
            status = run(args, Path(scratch))
    sys.exit(status)


if __name__ == "__main__":
    main()
