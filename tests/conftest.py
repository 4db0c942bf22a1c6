"""Shared fixtures: a small district with one person in every role the permission matrix tests."""
from __future__ import annotations

import datetime
import os
from types import SimpleNamespace

import pytest

from learning_platform import services
from tests.factories import DistrictFactory, LearnerFactory, SchoolFactory, SectionFactory, TeacherFactory, admin_of


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Real hashing costs ~0.3 s a password; the tests are not about the hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_in_process():
    """Run tasks in-process by default; tests marked `worker` send them through Redis to a real worker."""
    from learning_platform.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


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
