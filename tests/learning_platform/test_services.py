"""The school-structure services refuse what cannot be and write nothing when they do."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from learning_platform import services
from learning_platform.models import Enrollment, Membership
from tests.factories import SchoolFactory, TermFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_enrolling_someone_who_is_not_a_student_of_the_school_is_refused(world):
    outsider = UserFactory(username="outsider", first_name="Olive", last_name="Outsider")
    with pytest.raises(ValidationError, match="Olive Outsider is not a student at Lincoln Middle"):
        services.enrollment_create(section=world.section, student=outsider, enrolled_on=datetime.date(2026, 9, 1))
    assert not Enrollment.objects.filter(student=outsider).exists()


def test_enrolling_twice_keeps_one_row_and_reopens_a_withdrawal(world):
    enrollment = Enrollment.objects.get(section=world.section, student=world.student)
    services.enrollment_withdraw(enrollment=enrollment, withdrawn_on=datetime.date(2026, 10, 1))
    again = services.enrollment_create(
        section=world.section, student=world.student, enrolled_on=datetime.date(2026, 11, 1)
    )
    assert again.pk == enrollment.pk
    assert again.withdrawn_on is None
    assert Enrollment.objects.filter(section=world.section, student=world.student).count() == 1


def test_withdrawing_before_enrolling_is_refused(world):
    enrollment = Enrollment.objects.get(section=world.section, student=world.student)
    with pytest.raises(ValidationError, match="before joining"):
        services.enrollment_withdraw(enrollment=enrollment, withdrawn_on=datetime.date(2026, 1, 1))
    enrollment.refresh_from_db()
    assert enrollment.withdrawn_on is None


def test_a_teacher_of_another_school_cannot_teach_the_section(world):
    far_teacher = services.teacher_create(username="far-teacher", school=world.far_school)
    with pytest.raises(ValidationError, match="is not a teacher at Lincoln Middle"):
        services.section_teacher_add(section=world.section, teacher=far_teacher)
    assert list(world.section.teachers.values_list("username", flat=True)) == ["teacher"]


def test_a_section_cannot_use_another_schools_term(world):
    other_term = TermFactory(school=world.other_school)
    with pytest.raises(ValidationError, match="belongs to another school"):
        services.section_create(school=world.school, term=other_term, name="Math 7", grade="7")


def test_one_person_may_hold_several_roles_and_granting_twice_is_idempotent(world):
    first = services.membership_grant(user=world.teacher, role=Membership.Role.SCHOOL_ADMIN, school=world.school)
    second = services.membership_grant(user=world.teacher, role=Membership.Role.SCHOOL_ADMIN, school=world.school)
    assert first.pk == second.pk
    assert sorted(Membership.objects.filter(user=world.teacher).values_list("role", flat=True)) == [
        "school_admin",
        "teacher",
    ]


def test_role_scope_must_match_the_role(db):
    user = UserFactory()
    school = SchoolFactory()
    with pytest.raises(ValidationError, match="district admin belongs to a district"):
        services.membership_grant(user=user, role=Membership.Role.DISTRICT_ADMIN, school=school)
    with pytest.raises(ValidationError, match="teacher belongs to a school"):
        services.membership_grant(user=user, role=Membership.Role.TEACHER, district=school.district)
    assert not Membership.objects.filter(user=user).exists()


def test_a_bad_time_zone_is_refused(db):
    school = SchoolFactory.build(time_zone="Mars/Olympus_Mons")
    with pytest.raises(ValidationError, match="is not a time zone name"):
        school.full_clean(exclude=["district"])
