"""The permission rules as a matrix of roles: who may see and change which rows."""

import pytest

from learners.models import LearnerGoal, LearnerProfile
from learning_platform.models import AcademicTerm, Enrollment, Membership, School, Section, User
from learning_platform.permissions import can, get_for_user, visible
from tests.conftest import ROLES, person

pytestmark = pytest.mark.django_db

# role -> (may view, may change) for the section `world.section` (period 1 of school A).
SECTION_MATRIX = {
    "anonymous": (False, False),
    "student": (True, False),
    "other_student": (True, False),
    "teacher": (True, True),
    "other_teacher": (False, False),
    "school_admin": (True, True),
    "other_school_admin": (False, False),
    "district_admin": (True, True),
}

# role -> (may view, may change) for the profile of `world.student`.
PROFILE_MATRIX = {
    "anonymous": (False, False),
    "student": (True, True),
    "other_student": (False, False),
    "teacher": (True, True),
    "other_teacher": (False, False),
    "school_admin": (True, True),
    "other_school_admin": (False, False),
    "district_admin": (True, True),
}

# role -> (may view, may change) for school A.
SCHOOL_MATRIX = {
    "anonymous": (False, False),
    "student": (True, False),
    "other_student": (True, False),
    "teacher": (True, False),
    "other_teacher": (True, False),
    "school_admin": (True, True),
    "other_school_admin": (False, False),
    "district_admin": (True, True),
}


@pytest.mark.parametrize("role", ROLES)
def test_section_rules(world, role):
    # Given a person in one role
    user = person(world, role)
    may_view, may_change = SECTION_MATRIX[role]
    # Then the rules answer for the section exactly as the matrix says
    assert can(user, "view", world.section) is may_view
    assert can(user, "change", world.section) is may_change


@pytest.mark.parametrize("role", ROLES)
def test_learner_profile_rules(world, role):
    user = person(world, role)
    may_view, may_change = PROFILE_MATRIX[role]
    assert can(user, "view", world.student_profile) is may_view
    assert can(user, "change", world.student_profile) is may_change


@pytest.mark.parametrize("role", ROLES)
def test_school_rules(world, role):
    user = person(world, role)
    may_view, may_change = SCHOOL_MATRIX[role]
    assert can(user, "view", world.school) is may_view
    assert can(user, "change", world.school) is may_change


@pytest.mark.parametrize(
    "role, expected",
    [
        ("anonymous", []),
        ("student", ["student"]),
        ("other_student", ["other-student"]),
        ("teacher", ["other-student", "student"]),
        ("other_teacher", ["stranger-student"]),
        ("school_admin", ["other-student", "stranger-student", "student"]),
        ("other_school_admin", []),
        ("district_admin", ["other-student", "stranger-student", "student"]),
    ],
)
def test_which_learner_profiles_each_role_sees(world, role, expected):
    # When each role lists learner profiles
    usernames = sorted(visible(person(world, role), LearnerProfile).values_list("user__username", flat=True))
    # Then they see exactly their own, their students', or their schools' learners; never the far district's
    assert usernames == expected


@pytest.mark.parametrize(
    "role, expected",
    [
        ("anonymous", []),
        ("student", ["Math 6 period 1"]),
        ("other_student", ["Math 6 period 1"]),
        ("teacher", ["Math 6 period 1"]),
        ("other_teacher", ["Math 6 period 2"]),
        ("school_admin", ["Math 6 period 1", "Math 6 period 2"]),
        ("other_school_admin", []),
        ("district_admin", ["Math 6 period 1", "Math 6 period 2"]),
    ],
)
def test_which_sections_each_role_sees(world, role, expected):
    assert sorted(visible(person(world, role), Section).values_list("name", flat=True)) == expected


def test_district_admin_sees_every_school_of_their_district_only(world):
    names = sorted(visible(world.district_admin, School).values_list("name", flat=True))
    assert names == ["Jefferson Middle", "Lincoln Middle"]


def test_a_withdrawn_student_leaves_the_teachers_scope(world):
    # Given the student withdraws from the teacher's section
    from learning_platform import services

    enrollment = Enrollment.objects.get(section=world.section, student=world.student)
    services.enrollment_withdraw(enrollment=enrollment, withdrawn_on=enrollment.enrolled_on)
    # Then the teacher no longer sees the student's profile, and the student no longer sees the section
    assert not can(world.teacher, "view", world.student_profile)
    assert not can(world.student, "view", world.section)
    # But the school admin still does
    assert can(world.school_admin, "view", world.student_profile)


def test_co_teachers_share_a_section(world):
    from learning_platform import services

    services.section_teacher_add(section=world.section, teacher=world.other_teacher)
    assert can(world.other_teacher, "change", world.section)
    assert can(world.other_teacher, "view", world.student_profile)


def test_get_for_user_answers_404_out_of_scope(world):
    from django.http import Http404

    assert get_for_user(world.teacher, LearnerProfile, world.student_profile.pk) == world.student_profile
    with pytest.raises(Http404):
        get_for_user(world.other_school_admin, LearnerProfile, world.student_profile.pk)
    with pytest.raises(Http404):
        get_for_user(world.teacher, LearnerProfile, "not-a-number")


def test_memberships_users_terms_and_goals_follow_the_same_scope(world):
    # A teacher sees their students as users, but only admins change memberships and terms
    assert sorted(visible(world.teacher, User).values_list("username", flat=True)) == [
        "other-student",
        "student",
        "teacher",
    ]
    assert visible(world.teacher, Membership, "change").count() == 0
    assert visible(world.school_admin, AcademicTerm, "change").count() == 1
    assert visible(world.other_school_admin, AcademicTerm, "change").count() == 0
    assert visible(world.student, LearnerGoal).count() == 0


def test_superuser_sees_everything(world):
    root = User.objects.create_superuser("root", "root@example.org", "x")
    assert visible(root, LearnerProfile).count() == 4


def test_inactive_user_sees_nothing(world):
    world.teacher.is_active = False
    world.teacher.save(update_fields=["is_active"])
    assert visible(world.teacher, Section).count() == 0


def test_roles_are_read_in_one_query(world, django_assert_num_queries):
    user = User.objects.get(pk=world.teacher.pk)
    with django_assert_num_queries(1):
        visible(user, Section)
        visible(user, LearnerProfile)
        visible(user, School)
