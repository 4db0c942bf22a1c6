"""Shared fixtures: a small district with one person in every role, and a small item bank with an exit ticket."""

from __future__ import annotations

import contextlib
import datetime
import os
import signal
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test import TestCase
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Assessment, Framework, LearningTarget
from learning_platform import services
from playlists.models import Activity
from tests.factories import DistrictFactory, LearnerFactory, SchoolFactory, SectionFactory, TeacherFactory, admin_of


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Real hashing costs ~0.3 s a password; the tests are not about the hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_audit_actor_left_behind():
    """django-auditlog's `set_actor` never unsets its actor (learning_platform.audit.RequestActorMiddleware does
    for requests): a test that signs someone in that way must not leave them as the actor of the next test's
    entries."""
    from auditlog.context import auditlog_value

    token = auditlog_value.set(None)
    yield
    auditlog_value.reset(token)


@pytest.fixture(autouse=True)
def _tasks_in_process():
    """Run tasks in-process by default; tests marked `worker` send them through Redis to a real worker."""
    from learning_platform.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def django_capture_on_commit_callbacks():
    """pytest-django's fixture, except that callbacks it executed leave the connection's list afterwards.

    A real commit empties that list; inside a test's transaction it would keep growing, and
    `enqueue_after_commit` would take a request already sent for one still waiting.
    """

    @contextlib.contextmanager
    def capture(*, using=DEFAULT_DB_ALIAS, execute=False):
        start = len(connections[using].run_on_commit)
        with TestCase.captureOnCommitCallbacks(using=using, execute=execute) as callbacks:
            yield callbacks
        if execute:
            del connections[using].run_on_commit[start:]

    return capture


@pytest.fixture
def world(db):
    """A district with two schools, and one person in every role of the permission matrix.

    School A has `section` (taught by `teacher`, attended by `student` and `other_student`) and
    `other_section` (taught by `other_teacher`, attended by `stranger_student`). School B sits in
    the same district; `far_school` sits in another district.
    """
    district = DistrictFactory(name="Riverside", slug="riverside")
    school = SchoolFactory(district=district, name="Lincoln Middle", slug="lincoln")
    other_school = SchoolFactory(district=district, name="Jefferson Middle", slug="jefferson")
    far_school = SchoolFactory(name="Far Away Middle", slug="far-away")
    teacher = TeacherFactory(school=school, username="teacher")
    other_teacher = TeacherFactory(school=school, username="other-teacher")
    section = SectionFactory(school=school, name="Math 6 period 1", teachers=[teacher])
    other_section = SectionFactory(school=school, term=section.term, name="Math 6 period 2", teachers=[other_teacher])
    student = LearnerFactory(school=school, username="student", grade="6")
    other_student = LearnerFactory(school=school, username="other-student", grade="6")
    stranger_student = LearnerFactory(school=school, username="stranger-student", grade="6")
    far_student = LearnerFactory(school=far_school, username="far-student", grade="7")
    start = datetime.date(2026, 8, 24)
    for profile, joined in ((student, section), (other_student, section), (stranger_student, other_section)):
        services.enrollment_create(section=joined, student=profile.user, enrolled_on=start)
    return SimpleNamespace(
        district=district,
        school=school,
        other_school=other_school,
        far_school=far_school,
        section=section,
        other_section=other_section,
        teacher=teacher,
        other_teacher=other_teacher,
        student=student.user,
        student_profile=student,
        other_student=other_student.user,
        other_student_profile=other_student,
        stranger_student_profile=stranger_student,
        far_student_profile=far_student,
        school_admin=admin_of(school=school),
        other_school_admin=admin_of(school=other_school),
        district_admin=admin_of(district=district),
    )


ROLES = [
    "anonymous",
    "student",
    "other_student",
    "teacher",
    "other_teacher",
    "school_admin",
    "other_school_admin",
    "district_admin",
]


def person(world, role: str):
    """The user playing `role` in `world` (AnonymousUser for "anonymous")."""
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser() if role == "anonymous" else getattr(world, role)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


RUBRIC = {
    "criteria": [
        {
            "id": "reasoning",
            "name": "Reasoning",
            "levels": [
                {"id": "1", "label": "Beginning", "descriptor": "No clear method.", "points": 1},
                {"id": "2", "label": "Developing", "descriptor": "A method with gaps.", "points": 2},
                {"id": "3", "label": "Proficient", "descriptor": "A complete, clear method.", "points": 3},
            ],
        },
        {
            "id": "precision",
            "name": "Precision",
            "levels": [
                {"id": "0", "label": "Not yet", "descriptor": "Units or labels missing.", "points": 0},
                {"id": "1", "label": "Yes", "descriptor": "Units and labels right.", "points": 1},
            ],
        },
    ]
}


def make_target(framework, code, grade="6"):
    domain = code.split(".")[1]
    return LearningTarget.objects.create(
        framework=framework, code=code, text=f"Text of {code}", grade=grade, domain_code=domain, domain_name=domain
    )


@pytest.fixture
def bank(db):
    """Two ratio targets and one item of each type (the open response carries RUBRIC)."""
    framework = Framework.objects.create(name="CCSS Math", slug="ccss-math", subject="math", version="2010")
    ratios = make_target(framework, "6.RP.A.1")
    rates = make_target(framework, "6.RP.A.2")
    choices = [
        {"id": "a", "text": "2:3", "feedback": "Yes: 2 cups of flour for every 3 of sugar."},
        {"id": "b", "text": "3:2", "feedback": "That compares sugar to flour; the question asks flour to sugar."},
    ]
    items = SimpleNamespace(
        choice=assessment_services.item_create(
            item_type="single_choice", stem="Flour to sugar?", targets=[ratios], choices=choices, key={"correct": "a"}
        ),
        select=assessment_services.item_create(
            item_type="multiple_select",
            stem="Which equal 1:2?",
            targets=[ratios],
            choices=[{"id": "a", "text": "2:4"}, {"id": "b", "text": "3:6"}, {"id": "c", "text": "2:3"}],
            key={"correct": ["a", "b"]},
        ),
        numeric=assessment_services.item_create(
            item_type="numeric", stem="Cost of one pound?", targets=[rates], key={"value": "3/4", "tolerance": "0"}
        ),
        text=assessment_services.item_create(
            item_type="short_text",
            stem="Name a comparison of two quantities.",
            targets=[ratios],
            key={"accepted": ["ratio"]},
        ),
        compare=assessment_services.item_create(
            item_type="comparison", stem="1/8 _ 4/1", targets=[ratios, rates], key={"correct": "<"}
        ),
        open=assessment_services.item_create(
            item_type="open_response",
            stem="Explain your unit rate.",
            targets=[rates],
            rubric=RUBRIC,
            max_points=Decimal("4"),
        ),
    )
    return SimpleNamespace(framework=framework, ratios=ratios, rates=rates, items=items)


@pytest.fixture
def exit_ticket(world, bank):
    """An exit ticket of choice, numeric and comparison items, assigned to world.section, open now for a day."""
    assessment = assessment_services.assessment_create(
        title="Ratios exit ticket",
        kind=Assessment.Kind.EXIT_TICKET,
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.choice, bank.items.numeric, bank.items.compare],
        show_answers_after_submit=True,
    )
    now = timezone.now()
    return assessment_services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now - datetime.timedelta(hours=1),
        due_at=now + datetime.timedelta(days=1),
        assigned_by=world.teacher,
    )


@pytest.fixture
def rubric_task(world, bank):
    assessment = assessment_services.assessment_create(
        title="Explain unit rates",
        kind=Assessment.Kind.RUBRIC_TASK,
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.open, bank.items.numeric],
    )
    now = timezone.now()
    return assessment_services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now - datetime.timedelta(hours=1),
        due_at=now + datetime.timedelta(days=1),
        assigned_by=world.teacher,
    )


def item_ids(assignment) -> list[int]:
    return list(assignment.assessment.assessment_items.order_by("position").values_list("item_id", flat=True))


ROOT = Path(__file__).resolve().parents[1]


def database_url_for_worker() -> str:
    """The URL of the test database this process writes to, for a worker in another process."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def require_worker_services() -> None:
    """Skip (fail in CI) unless Redis and PostgreSQL are configured, as the worker tests need."""
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        if in_ci():
            pytest.fail("CI must run the worker tests on Redis and PostgreSQL (REDIS_URL, DATABASE_URL)")
        pytest.skip("worker tests need REDIS_URL and a PostgreSQL DATABASE_URL")


def worker_env(**extra) -> dict:
    return {**os.environ, "DATABASE_URL": database_url_for_worker(), "DATABASE_CONN_MAX_AGE": "0", **extra}


def start_worker(log: Path, *, env: dict | None = None, name: str = "test") -> subprocess.Popen:
    """A real `celery worker` process, its output in `log` (so a chatty worker never fills a pipe and stalls)."""
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "learning_platform",
            "worker",
            "-Q",
            "interactive,batch",
            "--pool=solo",
            "--concurrency=1",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-n",
            f"{name}-{os.getpid()}@%h",
            "--loglevel=INFO",
        ],
        cwd=ROOT,
        env=env or worker_env(),
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )
    worker.log = log
    return worker


def stop_worker(worker: subprocess.Popen) -> None:
    if worker.poll() is not None:
        return
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    """A real `celery worker` process on Redis, reading and writing the test database.

    Its output goes to a file (`.log` on the returned process), so a chatty worker never fills a pipe and stalls.
    """
    require_worker_services()
    env = worker_env()
    subprocess.run(
        [sys.executable, "-m", "celery", "-A", "learning_platform", "purge", "-f", "-Q", "interactive,batch"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    worker = start_worker(tmp_path / "worker.log", env=env)
    from learning_platform.celery import app

    app.conf.task_always_eager = False
    try:
        yield worker
    finally:
        stop_worker(worker)


def make_activity(slug, modality, minutes, targets):
    activity = Activity.objects.create(
        slug=slug, title=slug.replace("-", " ").capitalize(), modality=modality, expected_minutes=minutes, body="Do it."
    )
    activity.targets.set(targets)
    return activity


@pytest.fixture
def catalog(bank):
    """Three activities on ratios (6.RP.A.1) and two on rates (6.RP.A.2)."""
    return {
        slug: make_activity(slug, modality, minutes, [target])
        for slug, modality, minutes, target in (
            ("ratios-video", "video", 10, bank.ratios),
            ("ratios-reading", "reading", 8, bank.ratios),
            ("ratios-practice", "practice", 12, bank.ratios),
            ("rates-video", "video", 10, bank.rates),
            ("rates-hands-on", "hands_on", 15, bank.rates),
        )
    }


@pytest.fixture
def classroom(world, bank, catalog, exit_ticket, rubric_task):
    """world.section after today's exit ticket and a rubric task: `student` got every ratio question wrong (two
    in a row on 6.RP.A.1) and is waiting for the rubric scoring of an open response; `other_student` got the
    exit ticket right."""
    item = bank.items
    wrong = {item.choice.pk: "b", item.numeric.pk: "5", item.compare.pk: ">"}
    right = {item.choice.pk: "a", item.numeric.pk: "3/4", item.compare.pk: "<"}
    for learner, answers in ((world.student, wrong), (world.other_student, right)):
        attempt = assessment_services.attempt_start(assignment=exit_ticket, learner=learner)
        assessment_services.attempt_submit(attempt=attempt, learner=learner, answers=answers)
    attempt = assessment_services.attempt_start(assignment=rubric_task, learner=world.student)
    assessment_services.attempt_submit(
        attempt=attempt,
        learner=world.student,
        answers={item.open.pk: "The unit rate is 3/4 dollar a pound because 3 divided by 4.", item.numeric.pk: "3/4"},
    )
    return SimpleNamespace(
        world=world,
        bank=bank,
        catalog=catalog,
        exit_ticket=exit_ticket,
        rubric_task=rubric_task,
        open_response=attempt.responses.get(item=item.open),
    )


def classmates(world, size: int, prefix: str) -> list:
    """`size` students of world.section (its student and other_student first), for tests of a class at once."""
    learners = [world.student, world.other_student]
    for number in range(size - len(learners)):
        profile = LearnerFactory(school=world.school, username=f"{prefix}-{number}", grade="6")
        services.enrollment_create(section=world.section, student=profile.user, enrolled_on=datetime.date(2026, 8, 24))
        learners.append(profile.user)
    return learners


def run_at_once(jobs, *, timeout: float = 120) -> list[BaseException]:
    """Run each job in a thread of its own (its own database connection), released together; the errors raised."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job) -> None:
        try:
            barrier.wait()
            job()
        except BaseException as error:  # noqa: BLE001 - the test reports them
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not any(thread.is_alive() for thread in threads), f"a thread is still running after {timeout:.0f} s"
    return errors
