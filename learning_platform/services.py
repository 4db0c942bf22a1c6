"""Writes to the school structure, one function per use case."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from learning_platform.models import AcademicTerm, District, Enrollment, Membership, School, Section, User
from learning_platform.permissions import forget_roles


@transaction.atomic
def user_create(
    *, username: str, first_name: str = "", last_name: str = "", email: str = "", password: str | None = None
) -> User:
    """A new person; with no password they cannot sign in until one is set."""
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def teacher_create(
    *, username: str, school: School, first_name: str = "", last_name: str = "", password: str | None = None
) -> User:
    """A new teacher at a school."""
    user = user_create(username=username, first_name=first_name, last_name=last_name, password=password)
    membership_grant(user=user, role=Membership.Role.TEACHER, school=school)
    return user


@transaction.atomic
def membership_grant(
    *, user: User, role: str, school: School | None = None, district: District | None = None
) -> Membership:
    """Give a person a role (idempotent: granting a role they hold returns the existing one)."""
    if role == Membership.Role.DISTRICT_ADMIN:
        if district is None or school is not None:
            raise ValidationError("A district admin belongs to a district, not a school.")
    elif school is None or district is not None:
        raise ValidationError(f"A {Membership.Role(role).label.lower()} belongs to a school.")
    membership, _ = Membership.objects.get_or_create(user=user, role=role, school=school, district=district)
    forget_roles(user)
    return membership


@transaction.atomic
def section_create(
    *,
    school: School,
    term: AcademicTerm,
    name: str,
    grade: str,
    subject: str = Section.Subject.MATH,
    teachers: list[User] = (),
) -> Section:
    if term.school_id != school.pk:
        raise ValidationError(f"Term {term.name!r} belongs to another school.")
    section = Section(school=school, term=term, name=name, grade=grade, subject=subject)
    section.full_clean()
    section.save()
    for teacher in teachers:
        section_teacher_add(section=section, teacher=teacher)
    return section


@transaction.atomic
def section_teacher_add(*, section: Section, teacher: User) -> None:
    """Add a (co-)teacher; they must teach at the section's school."""
    if not Membership.objects.filter(user=teacher, role=Membership.Role.TEACHER, school=section.school_id).exists():
        raise ValidationError(f"{teacher} is not a teacher at {section.school}.")
    section.teachers.add(teacher)


@transaction.atomic
def enrollment_create(*, section: Section, student: User, enrolled_on: datetime.date) -> Enrollment:
    """Enroll a student (idempotent); re-enrolling a withdrawn student reopens the enrollment."""
    if not Membership.objects.filter(user=student, role=Membership.Role.STUDENT, school=section.school_id).exists():
        raise ValidationError(f"{student} is not a student at {section.school}.")
    enrollment, created = Enrollment.objects.get_or_create(
        section=section, student=student, defaults={"enrolled_on": enrolled_on}
    )
    if not created and enrollment.withdrawn_on is not None:
        enrollment.withdrawn_on = None
        enrollment.save(update_fields=["withdrawn_on"])
    return enrollment


@transaction.atomic
def enrollment_withdraw(*, enrollment: Enrollment, withdrawn_on: datetime.date) -> Enrollment:
    if withdrawn_on < enrollment.enrolled_on:
        raise ValidationError("A student cannot leave a section before joining it.")
    enrollment.withdrawn_on = withdrawn_on
    enrollment.save(update_fields=["withdrawn_on"])
    return enrollment
