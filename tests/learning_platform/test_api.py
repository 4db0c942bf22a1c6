"""The school-structure and learner APIs answer by the same rules as the pages (404 out of scope)."""

import json

import pytest
from django.urls import reverse

from learners.models import LearnerProfile
from tests.conftest import ROLES, person

pytestmark = pytest.mark.django_db

# role -> status of GET /api/learners/<world.student's profile>/
PROFILE_STATUS = {
    "anonymous": 403,
    "student": 200,
    "other_student": 404,
    "teacher": 200,
    "other_teacher": 404,
    "school_admin": 200,
    "other_school_admin": 404,
    "district_admin": 200,
}


def login(client, world, role):
    if role != "anonymous":
        client.force_login(person(world, role))


def profile_row(profile_id):
    return LearnerProfile.objects.filter(pk=profile_id).values().get()


@pytest.mark.parametrize("role", ROLES)
def test_reading_a_learner_profile(client, world, role):
    login(client, world, role)
    response = client.get(reverse("api-learner-detail", args=[world.student_profile.pk]))
    assert response.status_code == PROFILE_STATUS[role]
    if response.status_code == 200:
        assert response.json()["name"] == str(world.student)
    else:
        assert "detail" in response.json()


@pytest.mark.parametrize("role", ROLES)
def test_changing_a_learner_profile(client, world, role):
    # Given the profile as it is
    before = profile_row(world.student_profile.pk)
    login(client, world, role)
    # When a role asks to change the minutes budget
    response = client.patch(
        reverse("api-learner-detail", args=[world.student_profile.pk]),
        data=json.dumps({"daily_minutes_budget": 50, "interests": ["chess", "robots"]}),
        content_type="application/json",
    )
    # Then only the learner's staff may (the budget is not the learner's to change), and for everyone else
    # nothing was written
    assert response.status_code == {**PROFILE_STATUS, "student": 403}[role]
    after = profile_row(world.student_profile.pk)
    if response.status_code == 200:
        assert (after["daily_minutes_budget"], after["interests"]) == (50, ["chess", "robots"])
    else:
        assert after == before


@pytest.mark.parametrize(
    "payload, field, message",
    [
        ({"daily_minutes_budget": 2}, "daily_minutes_budget", "greater than or equal to 5"),
        ({"extended_time_factor": "9.5"}, "extended_time_factor", "less than or equal to 3.00"),
        ({"preferred_modalities": ["telepathy"]}, "preferred_modalities", "Unknown way of learning: telepathy"),
        ({"interests": "soccer"}, "interests", "Must be a list of short phrases"),
        ({"school": 99}, "school", "does not exist or cannot be changed"),
    ],
)
def test_bad_profile_changes_get_a_400_with_the_field_and_change_nothing(client, world, payload, field, message):
    before = profile_row(world.student_profile.pk)
    client.force_login(world.teacher)
    response = client.patch(
        reverse("api-learner-detail", args=[world.student_profile.pk]),
        data=json.dumps({"home_language": "Spanish", **payload}),
        content_type="application/json",
    )
    assert response.status_code == 400
    body = response.json()
    assert message in " ".join(body["errors"][field])
    assert field in body["detail"]
    assert profile_row(world.student_profile.pk) == before


@pytest.mark.parametrize(
    "role, expected",
    [
        ("student", [("Math 6 period 1", 2)]),
        ("teacher", [("Math 6 period 1", 2)]),
        ("other_teacher", [("Math 6 period 2", 1)]),
        ("school_admin", [("Math 6 period 1", 2), ("Math 6 period 2", 1)]),
        ("other_school_admin", []),
    ],
)
def test_section_list_is_scoped(client, world, role, expected):
    login(client, world, role)
    results = client.get(reverse("api-section-list")).json()["results"]
    assert [(row["name"], row["student_count"]) for row in results] == expected


def test_section_list_queries_are_bounded(client, world, django_assert_max_num_queries):
    from tests.factories import SectionFactory

    for period in range(3, 13):
        SectionFactory(school=world.school, term=world.section.term, name=f"Math 6 period {period}")
    client.force_login(world.district_admin)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("api-section-list"))
    assert response.json()["count"] == 12


def test_section_roster_for_its_teacher_and_404_for_another(client, world):
    client.force_login(world.teacher)
    body = client.get(reverse("api-section-detail", args=[world.section.pk])).json()
    assert sorted(student["name"] for student in body["students"]) == sorted(
        [str(world.student), str(world.other_student)]
    )
    client.force_login(world.other_teacher)
    assert client.get(reverse("api-section-detail", args=[world.section.pk])).status_code == 404


def test_me_lists_roles(client, world):
    client.force_login(world.teacher)
    body = client.get(reverse("api-me")).json()
    assert body["roles"] == ["Teacher at Lincoln Middle"]
    assert (body["is_teacher"], body["is_student"], body["is_admin"]) == (True, False, False)


def test_a_learner_is_named_by_the_same_id_in_every_api(client, world):
    # The roster gives user ids; the learner API takes the same number
    client.force_login(world.teacher)
    roster = client.get(reverse("api-section-detail", args=[world.section.pk])).json()["students"]
    maya = next(student for student in roster if student["name"] == str(world.student))
    assert client.get(reverse("api-learner-detail", args=[maya["id"]])).json()["name"] == str(world.student)
