"""Time the teacher's pages over HTTP under a small concurrent load, on the demo data.

    .venv/bin/python bench/teacher_pages.py [--requests 100] [--concurrency 4] [--history-weeks 4]
                                            [--server gunicorn|runserver] [--workers N]
    DATABASE_URL=postgres://... .venv/bin/python bench/teacher_pages.py [...]

With DATABASE_URL naming a PostgreSQL server it (re)creates the database `waypoint_bench_teacher` there and drops
it at the end; without DATABASE_URL it uses a new SQLite file in a temporary folder (removed at the end). REDIS_URL
is ignored: tasks run in-process. It migrates, imports the standards and seeds the demo (`seed_demo` with
--history-weeks of past assessments), then serves the project in a subprocess, as it is deployed, with gunicorn
and one worker process per core (`--server runserver` uses Django's threaded development server instead), with
production settings: DEBUG=false, a random SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, static
files from `collectstatic` through WhiteNoise. Two things differ from a deployment, for plain HTTP on 127.0.0.1:
SECURE_SSL_REDIRECT=false (its environment variable), and STATIC_ROOT is a temporary folder (a settings module
written there imports the project's settings and changes only that, so nothing is written into the project).
The secure (HTTPS-only) cookies DEBUG=false sets are sent back over HTTP by the bench's own cookie policy.

Pages, each as the demo teacher (demo-teacher), on one of their sections (the one the demo student is in) and a
student of it: the teacher's home `/teach/`, the section's mastery grid (its default view, then `?sort=need`),
and the student's page `/teach/learners/<id>/`. Each page gets 5 warm-up requests (the first student page
builds the day's path), then --requests GETs spread over --concurrency threads, each thread signed in on its
own session. Any answer but 200 (a redirect included) stops the bench with exit status 1, naming the URL.

Prints a header line of `name=value` pairs (database, concurrency, the section's students, the grid's targets),
then a table: page, requests, p50 and p95 of the wall time per request (ms), and the SQL queries one request
runs (counted in this process with the test client, after the warm-up). The grid's rows carry its target,
p95 < 150 ms. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import logging
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from _common import ROOT, log, percentile, scratch_database

BENCH_DB = "waypoint_bench_teacher"
TEACHER = "demo-teacher"
STUDENT = "demo-student"
PASSWORD = "waypoint-demo"
WARMUP = 5
GRID_TARGET_P95_MS = 150.0
TIMEOUT_S = 30.0


class RequestFailed(Exception):
    pass


def fail(message: str) -> None:
    sys.exit(f"bench/teacher_pages.py: {message}")


# ---------------------------------------------------------------------------------------------------------
# The environment the bench and its server share


def production_environment(scratch: Path) -> None:
    """DEBUG=false settings for this process and (inherited) the server: see the module docstring."""
    base = os.environ.get("DJANGO_SETTINGS_MODULE", "learning_platform.settings")
    (scratch / "bench_teacher_settings.py").write_text(
        f"from {base} import *  # noqa: F401,F403\n\nSTATIC_ROOT = {str(scratch / 'static')!r}\n"
    )
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench_teacher_settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        PYTHONPATH=os.pathsep.join(filter(None, [str(scratch), os.environ.get("PYTHONPATH", "")])),
    )
    sys.path.insert(0, str(scratch))


def seed(history_weeks: int) -> None:
    from django.core.management import call_command

    logging.getLogger("waypoint.rebuild").setLevel(logging.WARNING)  # a line per rebuild of the seed: too chatty
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


def demo_subjects():
    """The demo teacher, their section with the demo student in it (else their first with students), and a
    student of it (the demo student when there)."""
    from learning_platform.models import Enrollment, Section, User

    teacher = User.objects.get(username=TEACHER)
    sections = list(Section.objects.filter(teachers=teacher).order_by("name"))
    if not sections:
        fail(f"{TEACHER} teaches no section after seed_demo")
    current = Enrollment.objects.active().filter(section__in=sections).select_related("student")
    enrollment = (
        current.filter(student__username=STUDENT).first()
        or current.order_by("section__name", "student__last_name", "student__first_name").first()
    )
    if enrollment is None:
        fail(f"no student is enrolled in a section of {TEACHER}")
    return teacher, enrollment.section, enrollment.student


# ---------------------------------------------------------------------------------------------------------
# The server and its clients


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_command(kind: str, port: int, workers: int) -> list[str]:
    """gunicorn with `workers` processes (how Waypoint is served), or Django's threaded development server."""
    if kind == "gunicorn":
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "learning_platform.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ]
    return [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]


def start_server(kind: str, port: int, workers: int, log_path: Path) -> subprocess.Popen:
    """The server on 127.0.0.1:`port` (this process's environment, REDIS_URL unset), once /health/ answers."""
    environment = {name: value for name, value in os.environ.items() if name != "REDIS_URL"}
    server = subprocess.Popen(
        server_command(kind, port, workers),
        cwd=ROOT,
        env=environment,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            fail(f"the server exited with status {server.returncode}:\n{log_path.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    stop_server(server)
    fail(f"the server did not answer /health/ within 60 s:\n{log_path.read_text()[-4000:]}")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


class _EveryStatus(urllib.request.HTTPErrorProcessor):
    """Hands back every answer as it is: no redirect followed, no exception for 3xx/4xx/5xx."""

    def http_response(self, request, response):
        return response

    https_response = http_response


def signed_in_opener(base: str) -> urllib.request.OpenerDirector:
    """An opener with its own cookie jar, signed in as the demo teacher through the login form."""
    # DEBUG=false marks the session and CSRF cookies Secure; this server is plain HTTP on 127.0.0.1.
    jar = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(secure_protocols=("https", "wss", "http")))
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _EveryStatus)
    login = f"{base}/accounts/login/"
    with opener.open(login, timeout=TIMEOUT_S) as response:
        if response.status != 200:
            raise RequestFailed(f"GET {login} -> {response.status}")
    token = next((cookie.value for cookie in jar if cookie.name == "csrftoken"), None)
    if token is None:
        raise RequestFailed(f"GET {login} set no csrftoken cookie")
    form = urllib.parse.urlencode({"username": TEACHER, "password": PASSWORD, "csrfmiddlewaretoken": token}).encode()
    sign_in = urllib.request.Request(login, data=form, headers={"Referer": login})
    with opener.open(sign_in, timeout=TIMEOUT_S) as response:
        body = response.read()
        if response.status != 302 or not any(cookie.name == "sessionid" for cookie in jar):
            raise RequestFailed(
                f"POST {login} as {TEACHER} -> {response.status} (expected 302 and a session): {body[:300]!r}"
            )
    return opener


def timed_get(opener: urllib.request.OpenerDirector, url: str) -> float:
    """The wall time (ms) of one GET, read to the end; RequestFailed unless it answers 200."""
    started = time.perf_counter()
    try:
        with opener.open(url, timeout=TIMEOUT_S) as response:
            body = response.read()
            status, location = response.status, response.headers.get("Location")
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        raise RequestFailed(f"GET {url} -> {error}") from error
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        where = f" to {location}" if location else ""
        raise RequestFailed(f"GET {url} -> {status}{where}: {body[:300]!r}")
    return elapsed


def load(url: str, openers: list, requests: int) -> tuple[list[float], float]:
    """`requests` GETs of `url` shared among one thread per opener; the times (ms) and the wall time (s)."""
    lock, left = threading.Lock(), [requests]
    samples: list[float] = []
    errors: list[RequestFailed] = []

    def worker(opener) -> None:
        while not errors:
            with lock:
                if not left[0]:
                    return
                left[0] -= 1
            try:
                samples.append(timed_get(opener, url))
            except RequestFailed as error:
                errors.append(error)

    threads = [threading.Thread(target=worker, args=(opener,)) for opener in openers]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return samples, time.perf_counter() - started


def query_count(client, path: str) -> int:
    """The SQL queries one GET of `path` runs in this process (after one GET not counted)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise RequestFailed(f"GET {path} (test client) -> {response.status_code}")
    return len(queries)


# ---------------------------------------------------------------------------------------------------------


def run(args, scratch: Path) -> None:
    import django

    django.setup()
    from django.db import connection, connections
    from django.test import Client

    from analytics.teaching import mastery_grid

    seed(args.history_weeks)
    teacher, section, student = demo_subjects()
    grid = mastery_grid(user=teacher, section=section)
    vendor = connection.vendor
    connections.close_all()  # nothing of this process's holds the database while the server runs

    pages = [
        "/teach/",
        f"/teach/sections/{section.pk}/grid/",
        f"/teach/sections/{section.pk}/grid/?sort=need",
        f"/teach/learners/{student.pk}/",
    ]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log(f"serving on {base} ({args.server}, DEBUG=false) ...")
    server = start_server(args.server, port, args.workers, scratch / "server.log")
    rows = []
    try:
        openers = [signed_in_opener(base) for _ in range(args.concurrency)]
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(teacher)
        for page in pages:
            for _ in range(WARMUP):
                timed_get(openers[0], base + page)
            queries = query_count(client, page)
            samples, wall = load(base + page, openers, args.requests)
            log(
                f"{page}: {len(samples)} requests over {args.concurrency} threads in {wall:.1f} s "
                f"({len(samples) / wall:.0f}/s), {queries} queries"
            )
            rows.append((page, len(samples), percentile(samples, 0.50), percentile(samples, 0.95), queries))
    except RequestFailed as error:
        log(f"server log ({scratch / 'server.log'}):\n{(scratch / 'server.log').read_text()[-4000:]}")
        fail(str(error))
    finally:
        stop_server(server)
        connections.close_all()

    print(
        f"database={vendor} server={args.server} workers={args.workers if args.server == 'gunicorn' else 1} "
        f"debug=false concurrency={args.concurrency} "
        f"history_weeks={args.history_weeks} section={section.pk} section_name={section.name!r} "
        f"students={len(grid.rows)} grid_targets={len(grid.targets)} learner={student.pk}"
    )
    width = max(len(page) for page in pages)
    print(f"{'page':<{width}} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7}  target")
    for page, count, p50, p95, queries in rows:
        target = ""
        if "/grid/" in page:
            target = f"p95 < {GRID_TARGET_P95_MS:.0f} ms: {'met' if p95 < GRID_TARGET_P95_MS else 'MISSED'}"
        print(f"{page:<{width}} {count:8d} {p50:8.1f} {p95:8.1f} {queries:7d}  {target}".rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page (default 100)")
    parser.add_argument(
        "--concurrency", type=int, default=4, help="threads sending them, each signed in on its own session (default 4)"
    )
    parser.add_argument("--history-weeks", type=int, default=4, help="weeks of demo history to seed (default 4)")
    parser.add_argument(
        "--server",
        choices=("gunicorn", "runserver"),
        default="gunicorn",
        help="gunicorn, as Waypoint is served (default), or Django's threaded runserver",
    )
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="gunicorn worker processes (default: one per core)"
    )
    args = parser.parse_args()
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.requests < 1 or args.concurrency < 1:
        parser.error("--requests and --concurrency must be at least 1")
    if args.concurrency > args.requests:
        parser.error("--concurrency must not be more than --requests")
    if args.history_weeks < 0:
        parser.error("--history-weeks must be at least 0")
    database_url = os.environ.get("DATABASE_URL", "")
    postgres = urlsplit(database_url).scheme in ("postgres", "postgresql")
    if database_url and not postgres:
        parser.error(
            "DATABASE_URL must name a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres), "
            "or be unset for a SQLite file in a temporary folder"
        )
    os.environ.pop("REDIS_URL", None)  # tasks in-process, here and in the server

    with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as scratch:
        production_environment(Path(scratch))
        if postgres:
            database = scratch_database(database_url, BENCH_DB)
        else:
            os.environ["DATABASE_URL"] = f"sqlite:///{scratch}/bench.sqlite3"
            database = contextlib.nullcontext()
        with database:
            run(args, Path(scratch))


if __name__ == "__main__":
    main()
