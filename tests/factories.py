"""factory_boy factories that build state through the real services."""

from __future__ import annotations

import datetime

import factory

from learners import services as learner_services
from learners.models import LearnerProfile
from learning_platform import services
from learning_platform.models import AcademicTerm, District, Membership, School, Section, User


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"District {n}")
    slug = factory.Sequence(lambda n: f"district-{n}")


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"School {n}")
    slug = factory.Sequence(lambda n: f"school-{n}")


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AcademicTerm

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Term {n}")
    starts_on = datetime.date(2026, 8, 24)
    ends_on = datetime.date(2027, 6, 18)


class UserFactory(factory.django.DjangoModelFactory):
    """A person with no role yet."""

    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.user_create(password="correct-horse-battery", **kwargs)


class TeacherFactory(UserFactory):
    """A teacher at `school`."""

    @classmethod
    def _create(cls, model_class, *args, school: School, **kwargs):
        return services.teacher_create(school=school, password="correct-horse-battery", **kwargs)


class LearnerFactory(factory.Factory):
    """A student at `school`; returns their LearnerProfile."""

    class Meta:
        model = LearnerProfile

    username = factory.Sequence(lambda n: f"student{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    grade = "6"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return learner_services.learner_create(password="correct-horse-battery", **kwargs)


class SectionFactory(factory.Factory):
    """A section at `school` in `term` (a new term of that school when none is given)."""

    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"Math 6 period {n}")
    grade = "6"

    @classmethod
    def _create(cls, model_class, *args, school: School, term: AcademicTerm | None = None, **kwargs):
        return services.section_create(school=school, term=term or TermFactory(school=school), **kwargs)


def admin_of(*, school: School | None = None, district: District | None = None) -> User:
    """A school admin of `school`, or a district admin of `district`."""
    user = UserFactory()
    role = Membership.Role.DISTRICT_ADMIN if district else Membership.Role.SCHOOL_ADMIN
    services.membership_grant(user=user, role=role, school=school, district=district)
    return user
