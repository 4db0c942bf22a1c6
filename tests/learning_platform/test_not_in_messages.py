"""A refusal of people "not in" a section names only the people the caller may see and counts the rest, so no
error lists who else exists in the district."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments import services as assessment_services
from assessments.models import Assignment
from learning_platform import services
from learning_platform.calendar import school_today
from learning_platform.models import User
from learning_platform.permissions import not_in_message
from playlists import services as path_services
from playlists.models import PathOverride, SmallGroup
from tests.factories import LearnerFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visible_outsider(world):
    """A student the teacher teaches in another of their sections: out of world.section, in the teacher's sight."""
    section = SectionFactory(
        school=world.school, term=world.section.term, name="Math 7 period 3", teachers=[world.teacher]
    )
    profile = LearnerFactory(school=world.school, username="visible-vic", first_name="Vic", last_name="Visible")
    services.enrollment_create(section=section, student=profile.user, enrolled_on=datetime.date(2026, 8, 24))
    return profile.user


def hidden_people(world):
    """People out of world.section whom world.teacher may not see: another teacher's student, a student of
    another district, two admins and another teacher."""
    return [
        world.stranger_student_profile.user,
        world.far_student_profile.user,
        world.school_admin,
        world.other_school_admin,
        world.other_teacher,
    ]


def assert_names_nobody_hidden(message: str, world):
    for user in hidden_people(world):
        assert str(user) not in message
        assert user.username not in message


def test_the_message_names_only_people_the_viewer_may_see(world, visible_outsider):
    ids = [visible_outsider.pk, *(user.pk for user in hidden_people(world))]
    message = not_in_message(viewer=world.teacher, place=world.section, outsider_ids=ids)
    assert message == f"Not in {world.section}: {visible_outsider}, and 5 more of the chosen students."


def test_the_message_counts_when_the_viewer_sees_nobody(world):
    ids = [user.pk for user in hidden_people(world)] + [999_999]
    assert not_in_message(viewer=world.teacher, place=world.section, outsider_ids=ids) == (
        "6 of the chosen students are not in Math 6 period 1."
    )
    assert not_in_message(
        viewer=world.teacher, place=world.section, outsider_ids=[world.far_student_profile.user_id]
    ) == ("1 of the chosen students is not in Math 6 period 1.")


def test_a_school_admin_sees_names_in_their_school_only(world):
    ids = [world.stranger_student_profile.user_id, world.far_student_profile.user_id]
    assert not_in_message(viewer=world.school_admin, place=world.section, outsider_ids=ids) == (
        f"Not in {world.section}: {world.stranger_student_profile.user}, and 1 more of the chosen students."
    )


def test_assigning_an_assessment_to_every_id_in_the_district_lists_nobody_out_of_scope(
    client, world, bank, visible_outsider
):
    # The finding: "students": [1..399] answered 400 "Not in Math 6 - Period 1: <290 names>", the other school's
    # students and the admins among them.
    assessment = assessment_services.assessment_create(
        title="Q", kind="quiz", school=world.school, created_by=world.teacher, items=[bank.items.choice]
    )
    # every person there is (the ids do not start at 1 on PostgreSQL, whose sequences outlive each test)
    every_id = list(User.objects.order_by("pk").values_list("pk", flat=True))
    client.force_login(world.teacher)
    response = client.post(
        reverse("api-assignment-create", args=[assessment.pk]),
        data=json.dumps(
            {
                "section": world.section.pk,
                "opens_at": "2026-11-24T08:00:00Z",
                "due_at": "2026-11-25T08:00:00Z",
                "students": every_id,
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 400
    outsiders = User.objects.exclude(pk__in=[world.student.pk, world.other_student.pk]).count()
    # named: the teacher's student from another section, and the teacher themselves; the rest are counted
    named = ", ".join(sorted([str(visible_outsider), str(world.teacher)]))
    assert response.json()["errors"] == {
        "students": [f"Not in {world.section}: {named}, and {outsiders - 2} more of the chosen students."]
    }
    assert_names_nobody_hidden(response.json()["detail"], world)
    assert not Assignment.objects.exists()


def test_assignment_create_names_no_hidden_person(world, bank):
    assessment = assessment_services.assessment_create(
        title="Q", kind="quiz", school=world.school, created_by=world.teacher, items=[bank.items.choice]
    )
    with pytest.raises(ValidationError) as refused:
        assessment_services.assignment_create(
            assessment=assessment,
            section=world.section,
            assigned_by=world.teacher,
            students=[world.student, *hidden_people(world)],
            opens_at=datetime.datetime(2026, 11, 24, 8, tzinfo=datetime.UTC),
            due_at=datetime.datetime(2026, 11, 25, 8, tzinfo=datetime.UTC),
        )
    assert refused.value.message_dict == {"students": ["5 of the chosen students are not in Math 6 period 1."]}
    assert not Assignment.objects.exists()


def test_work_assign_names_no_hidden_person(world, bank, visible_outsider):
    with pytest.raises(ValidationError) as refused:
        path_services.work_assign(
            teacher=world.teacher,
            section=world.section,
            target=bank.ratios,
            starts_on=datetime.date(2026, 11, 24),
            students=[world.student.pk, visible_outsider.pk, *(user.pk for user in hidden_people(world))],
        )
    assert refused.value.message_dict == {
        "students": [f"Not in {world.section}: {visible_outsider}, and 5 more of the chosen students."]
    }
    assert not PathOverride.objects.exists()


def test_small_groups_plan_names_no_hidden_person(world, bank):
    today = school_today(world.school)
    plan = path_services.GroupPlan(
        target=bank.ratios, student_ids=(world.student.pk, world.far_student_profile.user_id)
    )
    with pytest.raises(ValidationError) as refused:
        path_services.small_groups_plan(teacher=world.teacher, section=world.section, meets_on=today, groups=[plan])
    assert refused.value.message_dict == {"students": ["1 of the chosen students is not in Math 6 period 1."]}
    assert not SmallGroup.objects.exists()
