"""Time how long after an exit ticket is submitted the student's rebuilt path can be read.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/reaction.py [--learners 20] [--rounds 3] [--warmup 1]

Needs PostgreSQL and Redis. On DATABASE_URL's server it (re)creates the database `waypoint_bench_reaction`
(dropped again at the end), and it uses Redis database 13 of REDIS_URL's server (flushed at the start). It
builds a school with one section of --learners students, an exit ticket on two ratio targets and activities on
them, builds each path once, and starts a real Celery worker (prefork, concurrency 2). Each round every
student submits the exit ticket at once (a thread each); the reaction is the time from that student's commit
to the moment their day's playlist shows a new inputs digest. The first --warmup rounds are not counted (a
fresh worker's first tasks import code and read the catalog). Results go to stdout as `name=value` lines,
progress to stderr; a path not rebuilt within 30 s counts as a timeout and makes the exit status 1.
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from _common import ROOT, log, percentile, postgres_url, scratch_database, start_worker, stop_worker, with_path

BENCH_DB = "waypoint_bench_reaction"
BENCH_REDIS_DB = 13
TIMEOUT_S = 30.0
POLL_S = 0.005
# Exit ticket answers (choice, numeric, comparison): all right, or all wrong.
RIGHT, WRONG = ("a", "3/4", "<"), ("b", "0.8", ">")


def fail(message: str) -> None:
    sys.exit(f"bench/reaction.py: {message}")


def build_school(learner_count: int, rounds: int):
    """A school, a section of learners, an exit ticket assigned to it, activities, and each learner's path."""
    from django.core.management import call_command
    from django.utils import timezone

    from assessments import services as assessments
    from assessments.models import Assessment, LearningTarget
    from learners.services import learner_create
    from learning_platform import services as platform
    from learning_platform.models import AcademicTerm, District, School
    from playlists.models import Activity
    from playlists.services import playlist_rebuild

    call_command("migrate", verbosity=0)
    call_command("import_standards", ROOT / "data" / "ccss-math", stdout=sys.stderr)
    district = District.objects.create(name="Bench District", slug="bench-district")
    school = School.objects.create(district=district, name="Bench Middle", slug="bench-middle")
    today = timezone.localdate()
    term = AcademicTerm.objects.create(
        school=school,
        name="Bench term",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=120),
    )
    teacher = platform.teacher_create(username="bench-teacher", school=school)
    section = platform.section_create(school=school, term=term, name="Math 6 bench", grade="6", teachers=[teacher])
    learners = []
    for number in range(learner_count):
        profile = learner_create(username=f"bench-student-{number}", school=school, grade="6")
        platform.enrollment_create(section=section, student=profile.user, enrolled_on=term.starts_on)
        learners.append(profile.user)

    ratios, rates = (
        LearningTarget.objects.get(framework__slug="ccss-math", code=code) for code in ("6.RP.A.1", "6.RP.A.2")
    )
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
    # One attempt per round, so the one assignment stays open for every round.
    assessment = assessments.assessment_create(
        title="Ratios exit ticket",
        kind=Assessment.Kind.EXIT_TICKET,
        school=school,
        created_by=teacher,
        items=items,
        attempts_allowed=rounds,
    )
    now = timezone.now()
    assignment = assessments.assignment_create(
        assessment=assessment,
        section=section,
        opens_at=now - datetime.timedelta(hours=1),
        due_at=now + datetime.timedelta(days=1),
        assigned_by=teacher,
    )
    for slug, modality, target in (
        ("ratios-video", "video", ratios),
        ("ratios-practice", "practice", ratios),
        ("rates-video", "video", rates),
        ("rates-practice", "practice", rates),
    ):
        activity = Activity.objects.create(
            slug=slug,
            title=slug.replace("-", " ").title(),
            modality=modality,
            expected_minutes=10,
            body="Work through it.",
        )
        activity.targets.set([target])
    school_day = None
    for learner in learners:
        school_day = playlist_rebuild(learner_id=learner.pk, reason="bench").school_day
    return learners, assignment, [item.pk for item in items], school_day


def run_round(number: int, learners, assignment, item_ids, school_day) -> tuple[list[float], int]:
    """Every learner submits at once; returns the reactions (ms) and how many paths were not rebuilt in time."""
    from django.db import connection, transaction

    from assessments.services import attempt_start, attempt_submit
    from playlists.models import Playlist, PlaylistItem

    def states() -> dict[int, tuple]:
        rows = Playlist.objects.filter(learner__in=learners, school_day=school_day)
        return {
            learner: (digest, at)
            for learner, digest, at in rows.values_list("learner_id", "inputs_digest", "generated_at")
        }

    before = states()
    committed: dict[int, float] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(learners) + 1)  # the learners and this thread, which starts polling

    def submit(index: int, learner) -> None:
        answers = dict(zip(item_ids, RIGHT if (number + index) % 2 else WRONG))  # alternates round to round
        try:
            barrier.wait()
            attempt = attempt_start(assignment=assignment, learner=learner)
            with transaction.atomic():
                # Registered first, so it runs right at the commit, before the mastery task is sent to Redis.
                transaction.on_commit(lambda: committed.__setitem__(learner.pk, time.perf_counter()))
                attempt_submit(attempt=attempt, learner=learner, answers=answers)
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(index, learner)) for index, learner in enumerate(learners)]
    for thread in threads:
        thread.start()
    barrier.wait()
    released = time.perf_counter()
    seen: dict[int, float] = {}
    pending = {learner.pk for learner in learners}
    while pending and not errors:
        now = time.perf_counter()
        for learner, state in states().items():
            if learner in pending and state != before.get(learner):
                seen[learner] = now
                pending.discard(learner)
        # Give up on a learner 30 s after their commit (or after the release, if they have not committed yet).
        if all(time.perf_counter() - committed.get(learner, released) > TIMEOUT_S for learner in pending):
            break
        time.sleep(POLL_S)
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    reactions = [(seen[learner] - committed[learner]) * 1000 for learner in seen]
    items = PlaylistItem.objects.filter(playlist__learner__in=learners, playlist__school_day=school_day).count()
    log(
        f"round {number + 1}: {len(reactions)} paths rebuilt ({items / len(learners):.1f} items each), "
        f"{len(pending)} timed out, slowest {max(reactions, default=0):.0f} ms"
    )
    return reactions, len(pending)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=20, help="students submitting at once (default 20)")
    parser.add_argument("--rounds", type=int, default=3, help="exit tickets each student submits (default 3)")
    parser.add_argument(
        "--warmup",
        type=int,
        default=1,
        help="rounds run first and not counted: a worker's first tasks import code and read the "
        "catalog, which a long-running worker has done long before (default 1)",
    )
    args = parser.parse_args()
    if args.learners < 1 or args.rounds < 1 or args.warmup < 0:
        parser.error("--learners and --rounds must be at least 1, --warmup at least 0")
    database_url, redis_url = postgres_url("bench/reaction.py"), os.environ.get("REDIS_URL", "")
    if urlsplit(redis_url).scheme not in ("redis", "rediss"):
        fail("set REDIS_URL to a Redis server, e.g. redis://127.0.0.1:6379/0")

    import redis

    # Everything below runs on a database and a Redis db of the bench's own; the worker inherits the environment.
    os.environ["REDIS_URL"] = with_path(redis_url, f"/{BENCH_REDIS_DB}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning_platform.settings")
    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
    worker = None
    with scratch_database(database_url, BENCH_DB):
        try:
            import django

            django.setup()
            from django.db import connection

            logging.getLogger("waypoint.rebuild").setLevel(logging.WARNING)  # a line per rebuild: too chatty here
            log(f"setting up {args.learners} learners on {BENCH_DB} ...")
            learners, assignment, item_ids, school_day = build_school(args.learners, args.warmup + args.rounds)
            connection.close()
            # Setup may have queued rebuilds (a new assignment asks for its section's); each path was built directly
            # after them, so they would only be no-ops competing with round 1.
            redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
            log("starting the worker ...")
            worker = start_worker(
                Path(tempfile.mkdtemp(prefix="waypoint-bench-")) / "worker.log",
                script="bench/reaction.py",
                name="bench-reaction",
                concurrency=2,
            )
            samples, timeouts = [], 0
            for number in range(args.warmup + args.rounds):
                reactions, missed = run_round(number, learners, assignment, item_ids, school_day)
                if number >= args.warmup:
                    samples += reactions
                timeouts += missed
                time.sleep(1)  # let any trailing no-op rebuilds of this round finish before the next reads "before"
            results = {
                "learners": args.learners,
                "warmup_rounds": args.warmup,
                "rounds": args.rounds,
                "samples": len(samples),
            }
            if samples:
                results.update(
                    p50_ms=round(percentile(samples, 0.50)),
                    p95_ms=round(percentile(samples, 0.95)),
                    max_ms=round(max(samples)),
                )
            if timeouts:
                results["timeouts"] = timeouts
            for name, value in results.items():
                print(f"{name}={value}")
            if timeouts:
                log(f"worker log ({worker.log_path}):\n{worker.log_path.read_text()[-4000:]}")
        finally:
            if worker is not None:
                stop_worker(worker)
    sys.exit(1 if timeouts else 0)


if __name__ == "__main__":
    main()
