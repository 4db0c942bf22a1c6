"""Rebuild every learner's daily path in a generated district, against the floor of doing no work at all.

    DATABASE_URL=postgres://... .venv/bin/python bench/rebuild.py --learners 100000 [--workers 2]
    DATABASE_URL=postgres://... .venv/bin/python bench/rebuild.py --naive --learners 1000

Needs PostgreSQL. On DATABASE_URL's server it (re)creates the database `waypoint_bench_rebuild` and drops it
at the end (--keep leaves it). Tasks run in-process (REDIS_URL is ignored): nothing here goes through a queue.

The district: the full CCSS math framework (480 targets, 757 prerequisite edges), two activities of different
kinds on every target, schools of up to 2,000 learners in sections of 25 (grades 6 to 8), an exit ticket on
four of each grade's targets assigned to every section, and about 50 evidence rows per learner on about ten
targets around their grade, with the mastery states they lead to.

It prints `name=value` lines:
- `learners_per_second`: every path built from nothing, in batches of --batch learners (the nightly run's
  unit of work, `paths_rebuild`) spread over --workers processes, end to end: reading the inputs, running the
  engine, writing the playlists and items;
- `unchanged_learners_per_second`: the same again, when no input changed (every digest matches; nothing is
  written);
- `floor_seconds` and `floor_ratio`: the floor reads the same input rows with `COPY ... TO` (the very querysets
  the rebuild runs, for the same batches and workers) and writes the same output rows with `COPY ... FROM`,
  computing nothing; the ratio is the rebuild's time over the floor's;
- `peak_rss_mb`: the memory of the rebuild: the bench process's resident memory while its workers run, plus
  the largest worker's peak times the number of workers (an upper bound);
- with --naive: `naive_learners_per_second`, one learner at a time through `playlist_rebuild` (queries per
  learner through the ORM, as a rebuild after one assessment runs, in one process), and `speedup`.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import random
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from typing import NamedTuple

from _common import ROOT, log, postgres_url, scratch_database

BENCH_DB = "waypoint_bench_rebuild"
SCHOOL_SIZE = 2000
SECTION_SIZE = 25
TARGETS_PER_LEARNER = 10
ATTEMPTS_PER_LEARNER = 5
EVIDENCE_PER_LEARNER = TARGETS_PER_LEARNER * ATTEMPTS_PER_LEARNER
MODALITIES = ("video", "reading", "worked_examples", "practice", "hands_on", "peer_work")
INTERESTS = ("sports", "music", "art", "animals", "games", "cooking", "space", "building")


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning_platform.settings")
    import django

    django.setup()


class Copy:
    """Rows for one table, in COPY's text format."""

    def __init__(self, table: str, columns: tuple[str, ...]) -> None:
        self.table, self.columns, self.buffer = table, columns, io.StringIO()

    def add(self, *values) -> None:
        self.buffer.write("\t".join(r"\N" if value is None else str(value) for value in values) + "\n")

    def send(self, cursor) -> None:
        """Write the rows gathered so far, and start afresh (so the generator holds one school at a time)."""
        self.buffer.seek(0)
        cursor.copy_expert(f"COPY {self.table} ({', '.join(self.columns)}) FROM STDIN", self.buffer)
        self.buffer = io.StringIO()


def reserve_ids(cursor, table: str, count: int) -> range:
    """`count` ids of `table` that nothing else will take (the sequence moves past them)."""
    sequence = f"pg_get_serial_sequence('{table}', 'id')"
    cursor.execute(f"SELECT nextval({sequence}), setval({sequence}, currval({sequence}) + %s)", [count])
    first = cursor.fetchone()[0]
    return range(first, first + count)


def generate(learners: int, seed: int = 7) -> datetime.date:
    """The district, written with COPY where it is large; returns the school day to build."""
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from assessments import services as assessment_services
    from assessments.models import Assessment, Assignment, Item, LearningTarget, Prerequisite
    from learning_platform.models import AcademicTerm, District, School, Section
    from playlists.models import Activity

    rng = random.Random(seed)
    call_command("import_standards", ROOT / "data" / "ccss-math", verbosity=0)
    targets = list(LearningTarget.objects.order_by("code").values_list("pk", "code", "grade"))
    log(f"framework: {len(targets)} targets, {Prerequisite.objects.count()} edges")
    by_grade: dict[str, list[int]] = {}
    for pk, _, grade in targets:
        by_grade.setdefault(grade, []).append(pk)
    now = timezone.now()
    school_day = timezone.localdate(now)

    activities = []
    for index, (pk, code, _) in enumerate(targets):
        for offset in range(2):
            activities.append(
                Activity(
                    slug=f"bench-{code.lower().replace('.', '-')}-{offset}",
                    title=f"{code} activity {offset + 1}",
                    modality=MODALITIES[(index + offset * 3) % len(MODALITIES)],
                    expected_minutes=rng.choice((8, 10, 12, 15)),
                    body="Work through it.",
                    difficulty=1 + (index + offset) % 3,
                    interest_tags=[INTERESTS[(index + offset) % len(INTERESTS)]],
                )
            )
    Activity.objects.bulk_create(activities)
    links = [
        Activity.targets.through(activity_id=activity.pk, learningtarget_id=targets[number // 2][0])
        for number, activity in enumerate(activities)
    ]
    Activity.targets.through.objects.bulk_create(links)
    ticket_targets = {grade: by_grade[grade][:4] for grade in ("6", "7", "8")}
    items = {
        pk: assessment_services.item_create(
            item_type=Item.Type.NUMERIC,
            stem=f"What is 1 + 2? ({code})",
            targets=[target],
            key={"value": "3"},
        )
        for target in LearningTarget.objects.filter(grade__in=("5", "6", "7", "8"))
        for pk, code in [(target.pk, target.code)]
    }

    district = District.objects.create(name="Bench district", slug="bench")
    school_count = -(-learners // SCHOOL_SIZE)
    user_rows = Copy(
        "learning_platform_user",
        (
            "id",
            "password",
            "is_superuser",
            "username",
            "first_name",
            "last_name",
            "email",
            "is_staff",
            "is_active",
            "date_joined",
            "display_name",
        ),
    )
    profile_rows = Copy(
        "learners_learnerprofile",
        (
            "user_id",
            "grade",
            "interests",
            "career_goals",
            "preferred_modalities",
            "has_iep",
            "has_504",
            "english_learner",
            "extended_time_factor",
            "read_aloud",
            "home_language",
            "daily_minutes_budget",
            "updated_at",
            "school_id",
        ),
    )
    enrollment_rows = Copy("learning_platform_enrollment", ("enrolled_on", "student_id", "section_id"))
    attempt_rows = Copy(
        "assessments_attempt",
        ("id", "number", "status", "started_at", "submitted_at", "points", "max_points", "assignment_id", "learner_id"),
    )
    response_rows = Copy(
        "assessments_response",
        (
            "id",
            "answer",
            "saved_at",
            "correct",
            "points",
            "feedback",
            "rubric_levels",
            "teacher_comment",
            "scored_at",
            "scoring_revision",
            "attempt_id",
            "item_id",
        ),
    )
    evidence_rows = Copy(
        "learners_evidence",
        (
            "kind",
            "correct",
            "scoring_revision",
            "observed_at",
            "recorded_at",
            "learner_id",
            "target_id",
            "response_id",
            "weight",
        ),
    )
    state_rows = Copy(
        "learners_masterystate",
        (
            "p_mastery",
            "evidence_count",
            "last_evidence_at",
            "level",
            "model_level",
            "judgment_contested",
            "updated_at",
            "learner_id",
            "target_id",
            "failure_run",
            "last_success_at",
        ),
    )
    assignments = []
    with connection.cursor() as cursor:
        user_ids = iter(reserve_ids(cursor.cursor, "learning_platform_user", learners))
        attempt_ids = iter(reserve_ids(cursor.cursor, "assessments_attempt", learners * ATTEMPTS_PER_LEARNER))
        response_ids = iter(reserve_ids(cursor.cursor, "assessments_response", learners * EVIDENCE_PER_LEARNER))
        rows = Rows(user_rows, profile_rows, enrollment_rows, attempt_rows, response_rows, evidence_rows, state_rows)
        made = 0
        for number in range(school_count):
            school = School.objects.create(
                district=district, name=f"Bench school {number}", slug=f"bench-{number}", time_zone="UTC"
            )
            term = AcademicTerm.objects.create(
                school=school,
                name="Year",
                starts_on=school_day - datetime.timedelta(days=90),
                ends_on=school_day + datetime.timedelta(days=200),
            )
            tickets = {
                grade: assessment_services.assessment_create(
                    title=f"Grade {grade} exit ticket",
                    kind=Assessment.Kind.EXIT_TICKET,
                    school=school,
                    created_by=None,
                    items=[items[pk] for pk in pks],
                )
                for grade, pks in ticket_targets.items()
            }
            practice = {
                grade: assessment_services.assessment_create(
                    title=f"Grade {grade} practice",
                    kind=Assessment.Kind.QUIZ,
                    school=school,
                    created_by=None,
                    items=[items[pk] for pk in by_grade[grade] + by_grade[str(int(grade) - 1)]],
                    attempts_allowed=10,
                )
                for grade in ticket_targets
            }
            size = min(SCHOOL_SIZE, learners - made)
            for section_number in range(-(-size // SECTION_SIZE)):
                grade = "678"[section_number % 3]
                section = Section.objects.create(
                    school=school, term=term, name=f"Math {grade} #{section_number}", grade=grade
                )
                assignments.append(
                    Assignment(
                        assessment=tickets[grade],
                        section=section,
                        opens_at=now - datetime.timedelta(hours=2),
                        due_at=now + datetime.timedelta(days=1),
                    )
                )
                history = Assignment.objects.create(
                    assessment=practice[grade],
                    section=section,
                    opens_at=now - datetime.timedelta(days=70),
                    due_at=now - datetime.timedelta(days=1),
                )
                for _ in range(min(SECTION_SIZE, size)):
                    add_learner(
                        rng,
                        next(user_ids),
                        grade,
                        school.pk,
                        section.pk,
                        history.pk,
                        by_grade,
                        items,
                        now,
                        rows,
                        attempt_ids,
                        response_ids,
                    )
                    made += 1
                    size -= 1
                    if size == 0:
                        break
            for table in rows:
                table.send(cursor.cursor)
            log(f"school {number + 1} of {school_count}: {made} learners written")
        Assignment.objects.bulk_create(assignments)
        cursor.execute("ANALYZE")
    return school_day


class Rows(NamedTuple):
    users: Copy
    profiles: Copy
    enrollments: Copy
    attempts: Copy
    responses: Copy
    evidence: Copy
    states: Copy


def add_learner(
    rng,
    user_id,
    grade,
    school_id,
    section_id,
    assignment_id,
    by_grade,
    items,
    now,
    rows: Rows,
    attempt_ids,
    response_ids,
) -> None:
    """One learner: the user, profile and enrollment, five scored practice attempts of ten answers over the last
    60 days on targets of their grade and the one below (50 evidence rows), and the mastery states they lead to."""
    stamp = now.isoformat()
    rows.users.add(user_id, "!", "f", f"bench-{user_id}", "Bench", f"Learner {user_id}", "", "f", "t", stamp, "")
    interests = '["' + '", "'.join(rng.sample(INTERESTS, 2)) + '"]'
    modalities = '["' + '", "'.join(rng.sample(MODALITIES, 2)) + '"]'
    factor = "1.50" if rng.random() < 0.1 else "1.00"
    rows.profiles.add(
        user_id,
        grade,
        interests,
        "[]",
        modalities,
        "f",
        "f",
        "f",
        factor,
        "f",
        "",
        rng.choice((30, 45, 60)),
        stamp,
        school_id,
    )
    rows.enrollments.add((now - datetime.timedelta(days=80)).date().isoformat(), user_id, section_id)
    targets = rng.sample(by_grade[grade] + by_grade[str(int(grade) - 1)], TARGETS_PER_LEARNER)
    ability = rng.random()
    runs = {target_id: [0, 0, None] for target_id in targets}  # right answers, wrong in a row, last success
    days = sorted(rng.sample(range(1, 61), ATTEMPTS_PER_LEARNER), reverse=True)
    for number, days_ago in enumerate(days, start=1):
        observed = (now - datetime.timedelta(days=days_ago, minutes=rng.randint(0, 600))).isoformat()
        attempt_id = next(attempt_ids)
        right = 0
        for target_id in targets:
            correct = rng.random() < 0.35 + 0.6 * ability
            right += correct
            run = runs[target_id]
            run[0] += correct
            run[1] = 0 if correct else run[1] + 1
            run[2] = observed if correct else run[2]
            response_id = next(response_ids)
            rows.responses.add(
                response_id,
                '"3"' if correct else '"4"',
                observed,
                "t" if correct else "f",
                1 if correct else 0,
                "",
                "{}",
                "",
                observed,
                1,
                attempt_id,
                items[target_id].pk,
            )
            rows.evidence.add(
                "response", "t" if correct else "f", 1, observed, observed, user_id, target_id, response_id, 1.0
            )
        rows.attempts.add(attempt_id, number, "scored", observed, observed, right, len(targets), assignment_id, user_id)
    for target_id, (right, run, last_success) in runs.items():
        p = min(0.99, max(0.01, right / len(days) * 0.9 + (0.1 if run == 0 else -0.1)))
        level = "mastered" if p >= 0.9 else "proficient" if p >= 0.7 else "familiar" if p >= 0.4 else "attempted"
        rows.states.add(p, len(days), observed, level, level, "f", stamp, user_id, target_id, run, last_success)


def batches(size: int) -> list[tuple[int, list[int]]]:
    """(school id, learner ids) in batches of at most `size`, as the nightly run cuts them."""
    from learners.models import LearnerProfile

    by_school: dict[int, list[int]] = {}
    for user_id, school_id in LearnerProfile.objects.order_by("user_id").values_list("user_id", "school_id"):
        by_school.setdefault(school_id, []).append(user_id)
    return [
        (school_id, ids[start : start + size])
        for school_id, ids in by_school.items()
        for start in range(0, len(ids), size)
    ]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rebuild_batch(school_id: int, learner_ids: list[int], school_day: datetime.date) -> tuple[int, int, float]:
    from learning_platform.models import School
    from playlists.services import paths_rebuild

    report = paths_rebuild(school=School.objects.get(pk=school_id), school_day=school_day, learner_ids=learner_ids)
    return report.written, report.unchanged, peak_rss_mb()


_CATALOG_READ = False


def floor_batch(school_id: int, learner_ids: list[int], school_day: datetime.date, output: tuple[str, str]) -> int:
    """Read the batch's input rows and write its output rows with COPY, computing nothing; returns bytes moved."""
    global _CATALOG_READ
    from django.db import connection, transaction

    from playlists.models import Playlist, PlaylistItem
    from playlists.selectors import InputQueries

    class Sink:
        size = 0

        def write(self, data) -> None:
            Sink.size += len(data)

    queries = InputQueries(school_id=school_id, school_day=school_day, learner_ids=learner_ids).querysets()
    catalog = {"targets", "edges", "activities", "activity_targets"}
    with transaction.atomic(), connection.cursor() as cursor:
        for name, queryset in queries.items():
            if name in catalog and _CATALOG_READ:
                continue  # the rebuild reads the catalog once per process too
            sql, params = queryset.query.sql_with_params()
            cursor.cursor.copy_expert(f"COPY ({cursor.cursor.mogrify(sql, params).decode()}) TO STDOUT", Sink())
        _CATALOG_READ = True
        playlists, items = output
        cursor.cursor.copy_expert(
            f"COPY {Playlist._meta.db_table} ({PLAYLIST_COLUMNS}) FROM STDIN", io.StringIO(playlists)
        )
        cursor.cursor.copy_expert(f"COPY {PlaylistItem._meta.db_table} ({ITEM_COLUMNS}) FROM STDIN", io.StringIO(items))
    return Sink.size + len(playlists) + len(items)


PLAYLIST_COLUMNS = "id, learner_id, school_day, generated_at, engine_version, inputs_digest, status, stale_since, flags"
ITEM_COLUMNS = (
    "id, playlist_id, position, kind, activity_id, assessment_id, target_id, minutes, reason, rule, source, "
    "pinned, locked, alternatives, checks, chosen_activity_id, started_at, completed_at"
)


def outputs_of(work, school_day) -> list[tuple[str, str]]:
    """Each batch's playlists and items as COPY text, as the rebuild wrote them."""
    from django.db import connection

    texts = []
    with connection.cursor() as cursor:
        for _, ids in work:
            chunks = []
            for sql in (
                f"SELECT {PLAYLIST_COLUMNS} FROM playlists_playlist WHERE school_day = %s AND learner_id = ANY(%s)",
                f"SELECT {', '.join('i.' + c.strip() for c in ITEM_COLUMNS.split(','))} FROM playlists_playlistitem i "
                "JOIN playlists_playlist p ON p.id = i.playlist_id WHERE p.school_day = %s AND p.learner_id = ANY(%s)",
            ):
                buffer = io.StringIO()
                cursor.cursor.copy_expert(
                    f"COPY ({cursor.cursor.mogrify(sql, [school_day, ids]).decode()}) TO STDOUT", buffer
                )
                chunks.append(buffer.getvalue())
            texts.append(tuple(chunks))
    return texts


def clear_paths() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE playlists_activityvisit, playlists_playlistitem, playlists_playlist")


def timed_pool(workers: int, function, jobs) -> tuple[float, list]:
    """Run the jobs on `workers` fresh processes; the seconds from starting them to the last result, and the
    results."""
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers, initializer=setup_django) as pool:
        results = list(pool.map(function, *zip(*jobs)))
    return time.perf_counter() - started, results


def current_rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=1000, help="learners per paths_rebuild call (default 1000)")
    parser.add_argument("--naive", action="store_true", help="also rebuild one learner at a time, and compare")
    parser.add_argument("--keep", action="store_true", help="leave the bench database in place")
    args = parser.parse_args()
    database_url = postgres_url("bench/rebuild.py")
    os.environ.pop("REDIS_URL", None)
    os.environ["LOG_LEVEL"] = "WARNING"
    with scratch_database(database_url, BENCH_DB, keep=args.keep):
        run(args)


def run(args) -> None:
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    school_day = generate(args.learners)
    log(f"generated {args.learners} learners in {time.perf_counter() - started:.1f} s")
    work = batches(args.batch)
    connection.close()  # the workers open their own

    jobs = [(school_id, ids, school_day) for school_id, ids in work]
    rebuild_seconds, results = timed_pool(args.workers, rebuild_batch, jobs)
    assert sum(written for written, _, _ in results) == args.learners, "every learner gets a new path"
    # The bench process waits while its workers rebuild: its memory then, plus each worker's peak.
    peak = current_rss_mb() + max(rss for _, _, rss in results) * args.workers
    unchanged_seconds, results = timed_pool(args.workers, rebuild_batch, jobs)
    assert sum(unchanged for _, unchanged, _ in results) == args.learners, "a second pass changes nothing"
    outputs = outputs_of(work, school_day)
    clear_paths()
    connection.close()
    floor_jobs = [(school_id, ids, school_day, output) for (school_id, ids), output in zip(work, outputs)]
    floor_seconds, _ = timed_pool(args.workers, floor_batch, floor_jobs)
    items = sum(text[1].count("\n") for text in outputs)
    print(f"learners={args.learners}")
    print(f"workers={args.workers}")
    print(f"items={items}")
    print(f"rebuild_seconds={rebuild_seconds:.2f}")
    print(f"learners_per_second={args.learners / rebuild_seconds:.0f}")
    print(f"unchanged_learners_per_second={args.learners / unchanged_seconds:.0f}")
    print(f"floor_seconds={floor_seconds:.2f}")
    print(f"floor_ratio={rebuild_seconds / floor_seconds:.2f}")
    print(f"peak_rss_mb={peak:.0f}")
    if args.naive:
        from playlists.services import playlist_rebuild

        clear_paths()
        ids = [learner_id for _, batch in work for learner_id in batch]
        started = time.perf_counter()
        for learner_id in ids:
            playlist_rebuild(learner_id=learner_id, reason="bench", school_day=school_day)
        naive_seconds = time.perf_counter() - started
        print(f"naive_learners_per_second={len(ids) / naive_seconds:.0f}")
        print(f"speedup={naive_seconds / rebuild_seconds:.1f}")


if __name__ == "__main__":
    main()
