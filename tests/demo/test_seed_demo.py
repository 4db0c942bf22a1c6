"""`seed_demo` builds the demo district; running it again creates nothing and changes nothing.

Seeding imports all 480 standards and the item bank, so the module seeds once (twice, to compare the runs) and
every test reads that state; the seeded rows are rolled back when the module ends. Each test runs in its own
transaction inside that one (pytest-django's `django_db`), so what a test writes is rolled back after it.

The module seeds without the history, which takes minutes for the whole district: tests/demo/test_history.py
covers it, and here one test writes demo-student's section's history and another checks that the seed hands
every section to it.
"""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal
from io import StringIO
from types import SimpleNamespace

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Q
from django.test import override_settings

from assessments.models import Framework, Item, LearningTarget, Prerequisite, RelatedTarget
from demo.history import history_write
from demo.seed import demo_password_hashes, demo_seed
from learners.models import LearnerGoal, LearnerProfile, MasteryState
from learning_platform.models import AcademicTerm, District, Enrollment, Membership, School, Section, User
from playlists.models import Activity

# Every test here is a database test, so pytest-django keeps them together and the module seeds only once.
pytestmark = pytest.mark.django_db

K_TO_8 = ("K", "1", "2", "3", "4", "5", "6", "7", "8")
TABLES = (
    Framework,
    LearningTarget,
    Prerequisite,
    RelatedTarget,
    District,
    School,
    AcademicTerm,
    Section,
    Section.teachers.through,
    User,
    Membership,
    Enrollment,
    LearnerProfile,
    LearnerGoal,
    Activity,
    Activity.targets.through,
    Item,
    Item.targets.through,
)
# A Monday: the history's four school weeks run from Monday 26 October to Friday 20 November 2026.
TODAY = datetime.date(2026, 11, 23)


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table the seed writes, in full (timestamps and password hashes included)."""
    return {table._meta.label: list(table.objects.order_by("pk").values_list()) for table in TABLES}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo seeded twice, with a snapshot of every table after each run."""
    # The conftest's fast hasher is function-scoped; this fixture runs before it.
    fast_hasher = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast_hasher, transaction.atomic():
        first = demo_seed(progress=False, history_weeks=0)
        after_first = snapshot()
        second = demo_seed(progress=False, history_weeks=0)
        after_second = snapshot()
        try:
            yield SimpleNamespace(first=first, second=second, after_first=after_first, after_second=after_second)
        finally:
            transaction.set_rollback(True)


def test_the_first_run_builds_the_district_and_says_what_it_created(seeded):
    assert seeded.first.created == Counter(
        {
            "learning targets": 480,
            "prerequisites": 757,
            "related pairs": 142,
            "districts": 1,
            "schools": 2,
            "terms": 2,
            "sections": 12,
            "teachers": 12,
            "admins": 3,
            "students": 300,
            "teaching assignments": 16,
            "enrollments": 300,
            "goals": 13,
            "activities": 1489,
            "items": 8863,
            "unit plans": 12,
        }
    )
    assert seeded.first.updated == Counter()
    assert (seeded.first.schools, seeded.first.sections, seeded.first.teachers, seeded.first.students) == (
        2,
        12,
        12,
        300,
    )
    assert (seeded.first.targets, seeded.first.catalog_targets, seeded.first.activities) == (480, 317, 1489)
    # 5,059 MathCAMPS problems and 12 generated questions for each of the 317 K-8 targets
    assert (seeded.first.items, seeded.first.assessments, seeded.first.attempts, seeded.first.evidence) == (
        8863,
        0,
        0,
        0,
    )
    assert seeded.first.mastery_levels == {
        "not_started": 0,
        "attempted": 0,
        "familiar": 0,
        "proficient": 0,
        "mastered": 0,
    }
    assert {label: len(rows) for label, rows in seeded.after_first.items()} == {
        "assessments.Framework": 1,
        "assessments.LearningTarget": 480,
        "assessments.Prerequisite": 757,
        "assessments.RelatedTarget": 142,
        "learning_platform.District": 1,
        "learning_platform.School": 2,
        "learning_platform.AcademicTerm": 2,
        "learning_platform.Section": 12,
        "learning_platform.Section_teachers": 16,
        "learning_platform.User": 315,
        "learning_platform.Membership": 315,
        "learning_platform.Enrollment": 300,
        "learners.LearnerProfile": 300,
        "learners.LearnerGoal": 13,
        "playlists.Activity": 1489,
        "playlists.Activity_targets": 1489,
        "assessments.Item": 8863,
        "assessments.Item_targets": 8863,
    }


def test_a_second_run_creates_nothing_and_changes_nothing(seeded):
    # given the demo seeded once; when it is seeded again
    # then the second run reports nothing created or changed, and every row of every table is as it was
    assert seeded.second.created == Counter()
    assert seeded.second.updated == Counter()
    assert (seeded.second.schools, seeded.second.sections, seeded.second.teachers, seeded.second.students) == (
        2,
        12,
        12,
        300,
    )
    assert (seeded.second.targets, seeded.second.catalog_targets, seeded.second.activities) == (480, 317, 1489)
    assert seeded.after_second == seeded.after_first


@pytest.mark.parametrize(
    ("username", "roles", "is_staff"),
    [
        ("demo-teacher", [("teacher", "lincoln-ms", None)], False),
        ("demo-student", [("student", "lincoln-ms", None)], False),
        ("demo-school-admin", [("school_admin", "lincoln-ms", None)], True),
        ("demo-district-admin", [("district_admin", None, "riverside-usd")], True),
    ],
)
def test_the_four_demo_logins_sign_in_with_the_demo_password_and_hold_their_roles(seeded, username, roles, is_staff):
    user = authenticate(username=username, password="waypoint-demo")
    assert user is not None
    assert user.username == username
    assert user.is_staff is is_staff
    assert list(user.memberships.values_list("role", "school__slug", "district__slug")) == roles


def test_no_two_demo_people_share_a_password_hash_and_demo_teacher_signs_in_through_the_form(seeded, client):
    # given the seeded district: 12 teachers, 3 admins and 300 students
    hashes = list(User.objects.values_list("password", flat=True))
    assert len(hashes) == 315

    # then each has a hash of their own, all of the demo password
    assert len(set(hashes)) == 315
    assert all(hash_.startswith("md5$") for hash_ in hashes)  # the tests' hasher (tests/conftest.py)

    # and demo-teacher signs in with it through the sign-in page
    response = client.post("/accounts/login/", {"username": "demo-teacher", "password": "waypoint-demo"})
    assert response.status_code == 302 and response.url == "/"


def test_with_the_production_hashers_demo_hashes_are_salted_argon2id_that_upgrade_at_sign_in():
    from django.contrib.auth.hashers import check_password, get_hasher

    from learning_platform.settings import PASSWORD_HASHERS

    with override_settings(PASSWORD_HASHERS=PASSWORD_HASHERS):
        hashes = demo_password_hashes(3)
        assert len(set(hashes)) == 3
        assert all(hash_.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$") for hash_ in hashes)
        assert all(check_password("waypoint-demo", hash_) for hash_ in hashes)
        assert not check_password("waypoint-demo!", hashes[0])
        # Django's Argon2 cost is higher, so the first sign-in stores a new hash at that cost
        assert get_hasher("default").must_update(hashes[0]) is True


def test_demo_student_sits_in_demo_teachers_grade_6_section(seeded):
    enrollment = Enrollment.objects.select_related("section__school", "section__term").get(
        student__username="demo-student"
    )
    assert (enrollment.section.name, enrollment.section.grade, enrollment.section.school.name) == (
        "Math 6 - Period 1",
        "6",
        "Lincoln Middle School",
    )
    assert (enrollment.section.term.name, enrollment.enrolled_on, enrollment.withdrawn_on) == (
        "2026-27",
        datetime.date(2026, 8, 24),
        None,
    )
    assert sorted(enrollment.section.teachers.values_list("username", flat=True)) == ["daniel.okafor", "demo-teacher"]
    assert list(
        Section.objects.filter(teachers__username="demo-teacher").order_by("name").values_list("name", "grade")
    ) == [("Math 6 - Period 1", "6"), ("Math 7 - Period 3", "7")]


def test_demo_student_has_a_full_profile_and_two_goals_in_her_own_words(seeded):
    profile = LearnerProfile.objects.select_related("user", "school").get(user__username="demo-student")
    assert (profile.user.first_name, profile.user.last_name, profile.school.slug, profile.grade) == (
        "Maya",
        "Rivera",
        "lincoln-ms",
        "6",
    )
    assert (profile.interests, profile.career_goals, profile.preferred_modalities) == (
        ["soccer", "baking", "drawing"],
        ["veterinarian"],
        ["hands_on", "video", "peer_work"],
    )
    assert profile.accommodations == ["504 plan", "Extended time ×1.25"]
    assert (profile.home_language, profile.daily_minutes_budget) == ("Spanish", 45)
    assert list(profile.goals.values_list("target__code", "reach_by", "status")) == [
        ("6.RP.A.3c", datetime.date(2026, 11, 20), "active"),
        ("6.SP.B.5c", datetime.date(2027, 2, 12), "active"),
    ]
    assert profile.goals.first().why.startswith("When we go shopping there are signs like 30% off")


def test_every_k_to_8_target_has_activities_in_four_ways_and_a_dozen_questions(seeded):
    targets = LearningTarget.objects.filter(framework__slug="ccss-math", grade__in=K_TO_8).annotate(
        activity_count=Count("activities", distinct=True),
        modality_count=Count("activities__modality", distinct=True),
        generated=Count("items", filter=Q(items__source="waypoint-generator"), distinct=True),
    )
    assert targets.count() == 317
    assert targets.filter(activity_count__gte=4, modality_count__gte=4, generated=12).count() == 317
    assert targets.filter(code__in=["K.CC.B.5", "3.NF.A.2a", "6.RP.A.3a", "7.SP.C.8c", "8.G.A.1b"]).count() == 5
    # and the catalog is shared, lives in Waypoint, and covers nothing else
    assert Activity.objects.filter(school=None, url="", is_active=True).exclude(body="").count() == 1489
    assert not LearningTarget.objects.exclude(grade__in=K_TO_8).filter(activities__isnull=False).exists()


def test_the_students_fill_every_section_with_varied_profiles(seeded):
    students = LearnerProfile.objects.filter(school__district__slug="riverside-usd")
    assert students.count() == 300
    # each student is in exactly one section, of their grade and school, and each section has 25
    assert not Enrollment.objects.exclude(section__grade=F("student__learner_profile__grade")).exists()
    assert not Enrollment.objects.exclude(section__school=F("student__learner_profile__school")).exists()
    assert set(Section.objects.annotate(students=Count("enrollments")).values_list("students", flat=True)) == {25}
    assert set(
        User.objects.filter(learner_profile__isnull=False)
        .annotate(sections=Count("enrollments"))
        .values_list("sections", flat=True)
    ) == {1}
    # the accommodations come at the planned rates
    assert students.filter(has_iep=True).count() == 42
    assert students.filter(has_504=True).count() == 18
    assert students.filter(has_iep=True, has_504=True).count() == 0
    assert students.filter(english_learner=True).count() == 36
    assert not students.filter(extended_time_factor__gt=1).exclude(Q(has_iep=True) | Q(has_504=True)).exists()
    assert set(students.values_list("extended_time_factor", flat=True)) == {
        Decimal("1.00"),
        Decimal("1.25"),
        Decimal("1.50"),
    }
    assert students.filter(read_aloud=True).count() == 27
    assert set(students.filter(english_learner=True).values_list("home_language", flat=True)) == {
        "Spanish",
        "Polish",
        "Vietnamese",
        "Somali",
        "Mandarin",
        "Arabic",
    }
    assert set(students.values_list("daily_minutes_budget", flat=True)) == {30, 35, 40, 45, 50, 55, 60}
    assert LearnerGoal.objects.filter(learner__in=students, status="active").count() == 13


def test_every_section_has_a_teacher_and_four_are_co_taught(seeded):
    sections = Section.objects.annotate(teacher_count=Count("teachers"))
    assert sorted(sections.values_list("teacher_count", flat=True)) == [1] * 8 + [2] * 4
    assert list(
        User.objects.annotate(section_count=Count("taught_sections"))
        .filter(section_count=2)
        .order_by("username")
        .values_list("username", flat=True)
    ) == ["daniel.okafor", "demo-teacher", "hannah.berg", "laura.nguyen"]


def test_a_rerun_puts_back_the_demo_password_and_the_staff_flag(seeded):
    # given someone changed demo-teacher's password and took demo-school-admin's staff flag
    teacher = User.objects.get(username="demo-teacher")
    teacher.set_password("something-else")
    teacher.save(update_fields=["password"])
    User.objects.filter(username="demo-school-admin").update(is_staff=False)
    # when the demo is seeded again
    report = demo_seed(progress=False, history_weeks=0)
    # then both are put back, and nothing else is touched
    assert report.created == Counter()
    assert report.updated == Counter({"logins": 2})
    assert authenticate(username="demo-teacher", password="waypoint-demo") is not None
    assert User.objects.get(username="demo-school-admin").is_staff is True


def test_the_command_prints_the_address_the_logins_and_the_counts(seeded):
    out = StringIO()
    call_command("seed_demo", "--quiet", "--history-weeks", "0", stdout=out)
    assert out.getvalue() == (
        "\n"
        "The demo is ready: http://127.0.0.1:8000/\n"
        "\n"
        "Sign in with the password waypoint-demo as\n"
        "  demo-teacher         teacher at Lincoln Middle School: Math 6 - Period 1 and Math 7 - Period 3\n"
        "  demo-student         grade 6 student in demo-teacher's Math 6 - Period 1, with a full profile and goals\n"
        "  demo-school-admin    school admin of Lincoln Middle School: its dashboard and the Django admin\n"
        "  demo-district-admin  district admin of Riverside Unified School District: dashboards at /analytics/ and the "
        "Django admin\n"
        "\n"
        "The district has 2 schools, 12 sections, 12 teachers and 300 students.\n"
        "The framework has 480 learning targets; the 317 of grades K-8 have 1489 activities.\n"
        "The item bank has 8863 items. The students took 0 assessments: 0 attempts, 0 responses, 0 evidence rows.\n"
        "Mastery states: none\n"
        "Created: nothing\n"
        "Changed: nothing\n"
    )


def test_demo_student_has_mastered_some_targets_and_struggles_with_others(seeded):
    # given the history of demo-student's section (the seed writes every section's the same way)
    section = Section.objects.get(school__slug="lincoln-ms", name="Math 6 - Period 1")
    history_write(classes=[(section, 1)], weeks=4, today=TODAY)
    # then she has a state on each of the four units, some mastered and some not yet
    assert list(
        MasteryState.objects.filter(learner__username="demo-student")
        .order_by("target__code")
        .values_list("target__code", "level", "evidence_count")
    ) == [
        ("6.EE.A.1", "attempted", 14),
        ("6.EE.B.7", "attempted", 13),
        ("6.NS.B.2", "mastered", 13),
        ("6.NS.B.3", "proficient", 11),
    ]
    # and the command's summary counts the history
    out = StringIO()
    call_command("seed_demo", "--quiet", "--history-weeks", "0", stdout=out)
    assert out.getvalue().splitlines()[11:13] == [
        "The item bank has 8863 items. The students took 10 assessments: 244 attempts, 1247 responses, "
        "1247 evidence rows.",
        "Mastery states: 100: attempted 31%, familiar 5%, proficient 4%, mastered 60%",
    ]
