"""The active students of a section: not withdrawn, listed by last name, first name."""

from __future__ import annotations

import datetime

import pytest

from learning_platform import services
from learning_platform.models import Enrollment, Section, active_enrollment_q
from tests.factories import LearnerFactory, SectionFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 8, 24)


@pytest.fixture
def roster(world):
    """world.section with three more students, one of whom has withdrawn."""
    section = world.section
    names = (("ana", "Ana", "Zhou"), ("ben", "Ben", "Adams"), ("cara", "Abby", "Adams"))
    added = {}
    for username, first, last in names:
        profile = LearnerFactory(school=world.school, username=username, first_name=first, last_name=last)
        added[username] = services.enrollment_create(section=section, student=profile.user, enrolled_on=START)
    services.enrollment_withdraw(enrollment=added["ana"], withdrawn_on=START + datetime.timedelta(days=10))
    return added


def test_active_enrollments_leave_out_the_withdrawn(world, roster):
    active = set(world.section.enrollments.active().values_list("student__username", flat=True))
    assert active == {"student", "other-student", "ben", "cara"}
    assert roster["ana"] in Enrollment.objects.filter(section=world.section)
    assert not Enrollment.objects.active().filter(pk=roster["ana"].pk).exists()


def test_active_students_are_sorted_by_last_name_then_first_name(world, roster):
    world.student.last_name, world.student.first_name = "Moss", "Sam"
    world.student.save(update_fields=["last_name", "first_name"])
    world.other_student.last_name, world.other_student.first_name = "Brown", "Kim"
    world.other_student.save(update_fields=["last_name", "first_name"])

    students = list(world.section.active_students())

    assert [student.username for student in students] == ["cara", "ben", "other-student", "student"]
    assert [e.student.username for e in world.section.enrollments.active().by_student_name()] == [
        "cara",
        "ben",
        "other-student",
        "student",
    ]


def test_active_enrollment_q_follows_a_relation_within_one_join(world, roster):
    # A withdrawn student enrolled in another section keeps that section, and only that one.
    other = SectionFactory(school=world.school, name="Math 6 period 9")
    services.enrollment_create(section=other, student=roster["ana"].student, enrolled_on=START)

    sections = Section.objects.filter(active_enrollment_q("enrollments__"), enrollments__student=roster["ana"].student)

    assert list(sections) == [other]
