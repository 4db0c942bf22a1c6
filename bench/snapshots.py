"""Take a generated district's nightly snapshot on worker processes, then time the admin dashboards that read it.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/snapshots.py --learners 100000 \
        [--workers 2] [--requests 50] [--keep]

Targets, at --learners 100000: the snapshot in under 60 s and under 2 GB (peak_rss_mb), and every dashboard's
p95 under 200 ms.

Needs PostgreSQL. On DATABASE_URL's server it (re)creates the database `waypoint_bench_snapshots` and drops it
at the end (--keep leaves it, with the admins below). Tasks run in-process (REDIS_URL is ignored), and Django
runs with DEBUG off (static files collected into a temporary folder), as in production.

The district is `bench/rebuild.py`'s (schools of 2,000 learners in sections of 25, grades 6 to 8, about 50
evidence rows per learner and the mastery states they lead to), with, added here: a teacher and a unit plan
(eight of its grade's targets, from 40 days ago to 20 days ahead) for each section, some learners in each
subgroup (IEP, 504 plan, English learner), a district admin (`bench-district-admin`) and a school admin of the
first school (`bench-school-admin`), both with the password `waypoint-bench`.

Then:
1. the snapshot of a week ago, untimed: it gives the timed one last week's figures, so growth is computed;
2. the snapshot of today, timed as production takes it: one `SnapshotRun` per school prepared in one
   transaction (its `SnapshotBatch` rows of up to 5,000 learners, marked sent), then every batch taken by
   `snapshot_batch_take` on --workers processes, the last batch of each school rolling it up; the clock runs
   from preparing the runs until every run has `finished_at`;
3. the admin dashboards, as the district admin through Django's test client (in this process, no server): for
   each page 3 warm-up requests, one more counting its SQL queries, then --requests timed GETs in a row. A page
   answering anything but 200 is left out; the bench times the others, then exits with status 1 naming its URL
   (and prints no `dashboard_p95_ms_max`).

It prints `name=value` lines:
- `learners`, `schools`, `workers`;
- `snapshot_seconds` and `snapshot_learners_per_second`: the timed snapshot, end to end;
- `peak_rss_mb`: the bench process's resident memory once its workers are done, plus the largest worker's peak
  times the number of workers (an upper bound);
- a line per page: `page=<name> p50_ms=.. p95_ms=.. queries=..` (wall time of one request through the test
  client, and the SQL queries it runs);
- `dashboard_p95_ms_max`: the slowest page's p95.
Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import secrets
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from _common import log, percentile, postgres_url, scratch_database
from rebuild import current_rss_mb, generate, peak_rss_mb, setup_django

BENCH_DB = "waypoint_bench_snapshots"
DISTRICT_ADMIN = "bench-district-admin"
SCHOOL_ADMIN = "bench-school-admin"
PASSWORD = "waypoint-bench"
WARMUP = 3
UNIT_TARGETS = 8
SNAPSHOT_TARGET_SECONDS = 60.0
SNAPSHOT_TARGET_MB = 2048.0
DASHBOARD_TARGET_P95_MS = 200.0


def fail(message: str) -> None:
    sys.exit(f"bench/snapshots.py: {message}")


def production_environment(scratch: Path) -> None:
    """DEBUG=false settings for this process and (inherited) its workers, with static files collected into
    `scratch` (DEBUG off serves them from a manifest, which `{% static %}` needs)."""
    base = os.environ.get("DJANGO_SETTINGS_MODULE", "learning_platform.settings")
    (scratch / "bench_snapshots_settings.py").write_text(
        f"from {base} import *  # noqa: F401,F403\n\nSTATIC_ROOT = {str(scratch / 'static')!r}\n"
    )
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench_snapshots_settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
        PYTHONPATH=os.pathsep.join(filter(None, [str(scratch), os.environ.get("PYTHONPATH", "")])),
    )
    sys.path.insert(0, str(scratch))


# ---------------------------------------------------------------------------------------------------------
# The district


def furnish(today: datetime.date) -> tuple:
    """What the generated district lacks for its dashboards: teachers, unit plans, subgroups and two admins.
    Returns the district admin, the first school, its first section and a learner of it."""
    from django.db import connection

    from assessments.models import LearningTarget
    from learning_platform.models import District, Enrollment, Membership, School, Section, User
    from playlists.models import UnitPlan

    sections = list(Section.objects.order_by("pk").values_list("pk", "school_id", "grade"))
    # Teachers: one per section, not able to sign in (the bench signs in only as the admins).
    teachers = User.objects.bulk_create(
        User(username=f"bench-teacher-{pk}", password="!", first_name="Teacher", last_name=f"of section {pk}")
        for pk, _, _ in sections
    )
    Membership.objects.bulk_create(
        Membership(user=teacher, role=Membership.Role.TEACHER, school_id=school_id)
        for teacher, (_, school_id, _) in zip(teachers, sections)
    )
    Section.teachers.through.objects.bulk_create(
        Section.teachers.through(section_id=pk, user_id=teacher.pk) for teacher, (pk, _, _) in zip(teachers, sections)
    )
    by_grade: dict[str, list[int]] = {}
    for pk, grade in LearningTarget.objects.order_by("code").values_list("pk", "grade"):
        by_grade.setdefault(grade, []).append(pk)
    units = UnitPlan.objects.bulk_create(
        UnitPlan(
            section_id=pk,
            name="Unit 1",
            starts_on=today - datetime.timedelta(days=40),
            ends_on=today + datetime.timedelta(days=20),
        )
        for pk, _, _ in sections
    )
    UnitPlan.targets.through.objects.bulk_create(
        UnitPlan.targets.through(unitplan_id=unit.pk, learningtarget_id=target)
        for unit, (_, _, grade) in zip(units, sections)
        for target in by_grade.get(grade, [])[:UNIT_TARGETS]
    )
    with connection.cursor() as cursor:
        # About 12% with an IEP, 8% with a 504 plan and 10% English learners, so every subgroup has members.
        cursor.execute(
            "UPDATE learners_learnerprofile SET has_iep = (user_id % 8 = 0), has_504 = (user_id % 13 = 1), "
            "english_learner = (user_id % 10 = 2)"
        )
        cursor.execute("ANALYZE")

    district = District.objects.get()
    school = School.objects.filter(district=district).order_by("pk").first()
    district_admin = User.objects.create_user(
        username=DISTRICT_ADMIN, password=PASSWORD, first_name="District", last_name="Admin"
    )
    Membership.objects.create(user=district_admin, role=Membership.Role.DISTRICT_ADMIN, district=district)
    school_admin = User.objects.create_user(
        username=SCHOOL_ADMIN, password=PASSWORD, first_name="School", last_name="Admin"
    )
    Membership.objects.create(user=school_admin, role=Membership.Role.SCHOOL_ADMIN, school=school)
    section = Section.objects.filter(school=school).order_by("pk").first()
    learner_id = Enrollment.objects.filter(section=section).order_by("student_id").values_list("student_id", flat=True)
    learner_id = learner_id[0]
    log(f"furnished: {len(teachers)} teachers, {len(units)} unit plans, admins {DISTRICT_ADMIN} and {SCHOOL_ADMIN}")
    return district_admin, school, section, learner_id


# ---------------------------------------------------------------------------------------------------------
# The snapshot


def take_batch(batch_id: int, now: datetime.datetime) -> tuple[int, float, float]:
    """One batch, in a worker: learners written, seconds, and the worker's peak RSS (MB) so far."""
    from analytics.services import snapshot_batch_take

    started = time.perf_counter()
    written = snapshot_batch_take(batch_id=batch_id, now=now)
    return written or 0, time.perf_counter() - started, peak_rss_mb()


def snapshot(as_of_by_school: dict[int, datetime.date], workers: int) -> tuple[float, float, list]:
    """Take the snapshot of each school's date as production does (runs prepared in one transaction, batches
    on `workers` processes); the seconds until every run has finished, the peak RSS (MB) and each batch's
    (written, seconds, worker peak)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from analytics.models import SnapshotRun
    from analytics.services import _batches_due, _run_prepare
    from learning_platform.models import School

    schools = list(School.objects.filter(pk__in=as_of_by_school).order_by("pk"))
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        runs = [_run_prepare(school=school, as_of=as_of_by_school[school.pk], now=now) for school in schools]
        batch_ids = [batch.pk for batch in _batches_due(now, runs)]
    connection.close()  # the workers open their own
    with ProcessPoolExecutor(max_workers=workers, initializer=setup_django) as pool:
        results = list(pool.map(take_batch, batch_ids, [now] * len(batch_ids)))
    seconds = time.perf_counter() - started
    # The bench process waits while its workers take the batches: its memory then, plus each worker's peak.
    peak = current_rss_mb() + max(rss for _, _, rss in results) * workers
    unfinished = list(
        SnapshotRun.objects.filter(pk__in=[run.pk for run in runs], finished_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    if unfinished:
        fail(f"{len(unfinished)} of {len(runs)} runs did not finish: {unfinished}")
    return seconds, peak, results


# ---------------------------------------------------------------------------------------------------------
# The dashboards


class PageFailed(Exception):
    pass


PageTimes = tuple[str, float, float, int]  # name, p50 ms, p95 ms, queries


def time_pages(user, pages: list[tuple[str, str]], requests: int) -> tuple[list[PageTimes], list[str]]:
    """(name, p50 ms, p95 ms, queries) of each page, GET after GET through the test client as `user`; and what
    went wrong with each page that answered anything but 200 (the others are still timed)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(raise_request_exception=False)  # a view's exception is a 500 (its traceback logged)
    client.force_login(user)

    def get(url: str) -> float:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            where = f" to {response['Location']}" if response.has_header("Location") else ""
            raise PageFailed(f"GET {url} -> {response.status_code}{where}")
        return elapsed

    rows, failures = [], []
    for name, url in pages:
        try:
            for _ in range(WARMUP):
                get(url)
            with CaptureQueriesContext(connection) as captured:
                get(url)
            # Counted now: the captured queries are a slice of the connection's log, which the next request clears.
            queries = len(captured)
            samples = [get(url) for _ in range(requests)]
        except PageFailed as error:
            log(f"{name}: {error}")
            failures.append(f"page {name}: {error}")
            continue
        rows.append((name, percentile(samples, 0.50), percentile(samples, 0.95), queries))
        log(f"{name} {url}: p50 {rows[-1][1]:.1f} ms, p95 {rows[-1][2]:.1f} ms, {queries} queries")
    return rows, failures


# ---------------------------------------------------------------------------------------------------------


def run(args) -> None:
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.urls import reverse
    from django.utils import timezone

    from analytics.models import LearnerSnapshot
    from learning_platform.calendar import school_today
    from learning_platform.models import School

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    with contextlib.redirect_stdout(sys.stderr):  # import_standards reports on stdout; it holds name=value lines
        generate(args.learners)
    log(f"generated {args.learners} learners in {time.perf_counter() - started:.1f} s")
    now = timezone.now()
    schools = list(School.objects.order_by("pk"))
    today = {school.pk: school_today(school, now) for school in schools}
    district_admin, school, section, learner_id = furnish(today[schools[0].pk])
    connection.close()  # before the workers fork

    week_ago = {pk: day - datetime.timedelta(days=7) for pk, day in today.items()}
    seconds, _, _ = snapshot(week_ago, args.workers)
    log(f"snapshot of a week ago (untimed warm-up): {seconds:.1f} s")
    connection.close()
    snapshot_seconds, peak, results = snapshot(today, args.workers)
    slowest = max(seconds for _, seconds, _ in results)
    log(f"snapshot of today: {snapshot_seconds:.1f} s, {len(results)} batches, slowest batch {slowest:.1f} s")
    written = sum(count for count, _, _ in results)
    assert written == args.learners, f"the batches wrote {written} learners, not {args.learners}"
    stored = LearnerSnapshot.objects.filter(as_of__in=set(today.values())).count()
    assert stored == args.learners, f"{stored} learner snapshots of today, not {args.learners}"

    # The snapshot's figures first, so that a dashboard that fails still leaves them.
    print(f"learners={args.learners}")
    print(f"schools={len(schools)}")
    print(f"workers={args.workers}")
    print(f"snapshot_seconds={snapshot_seconds:.2f}")
    print(f"snapshot_learners_per_second={args.learners / snapshot_seconds:.0f}")
    print(f"peak_rss_mb={peak:.0f}", flush=True)

    district = school.district_id
    pages = [
        ("district", reverse("analytics-district", args=[district])),
        ("district_standards", reverse("analytics-district-standards", args=[district])),
        ("school", reverse("analytics-school", args=[school.pk])),
        ("school_standards", reverse("analytics-school-standards", args=[school.pk])),
        ("section", reverse("analytics-section", args=[section.pk])),
        ("student", reverse("analytics-student", args=[learner_id])),
        ("district_csv", reverse("analytics-district", args=[district]) + "?format=csv&table=schools"),
    ]
    rows, failures = time_pages(district_admin, pages, args.requests)
    for name, p50, p95, queries in rows:
        print(f"page={name} p50_ms={p50:.1f} p95_ms={p95:.1f} queries={queries}")
    if failures:
        fail("; ".join(failures))
    slowest_p95 = max(p95 for _, _, p95, _ in rows)
    print(f"dashboard_p95_ms_max={slowest_p95:.1f}")
    for label, met in (
        (f"snapshot < {SNAPSHOT_TARGET_SECONDS:.0f} s", snapshot_seconds < SNAPSHOT_TARGET_SECONDS),
        (f"snapshot < {SNAPSHOT_TARGET_MB:.0f} MB", peak < SNAPSHOT_TARGET_MB),
        (f"dashboard p95 < {DASHBOARD_TARGET_P95_MS:.0f} ms", slowest_p95 < DASHBOARD_TARGET_P95_MS),
    ):
        log(f"target at 100,000 learners, {label}: {'met' if met else 'MISSED'} here at {args.learners:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=100000)
    parser.add_argument("--workers", type=int, default=2, help="processes taking the batches (default 2)")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page (default 50)")
    parser.add_argument("--keep", action="store_true", help="leave the bench database in place")
    args = parser.parse_args()
    if args.learners < 1 or args.workers < 1 or args.requests < 1:
        parser.error("--learners, --workers and --requests must be at least 1")
    database_url = postgres_url("bench/snapshots.py")
    os.environ.pop("REDIS_URL", None)
    with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as scratch:
        production_environment(Path(scratch))
        with scratch_database(database_url, BENCH_DB, keep=args.keep):
            run(args)


if __name__ == "__main__":
    main()
