"""Who may change which profile field: a learner their interests, careers and ways of learning; only their teachers
and school admins the grade, accommodations, home language and minutes budget."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from learners import services
from learners.models import LearnerProfile
from learners.rules import LEARNER_SELF_FIELDS, PROFILE_FIELDS, STAFF_FIELDS
from tests.conftest import ROLES, person

pytestmark = pytest.mark.django_db

# A valid new value for every field, different from the factory's.
NEW_VALUE = {
    "interests": ["chess"],
    "career_goals": ["pilot"],
    "preferred_modalities": ["video", "reading"],
    "grade": "8",
    "has_iep": True,
    "has_504": True,
    "english_learner": True,
    "extended_time_factor": "3.00",
    "read_aloud": True,
    "home_language": "Spanish",
    "daily_minutes_budget": 5,
}
STORED = {**NEW_VALUE, "extended_time_factor": Decimal("3.00")}

# role -> status of PATCH /api/learners/<world.student's profile>/ for a self field and a staff field
SELF_FIELD_STATUS = {
    "anonymous": 403,
    "student": 200,
    "other_student": 404,
    "teacher": 200,
    "other_teacher": 404,
    "school_admin": 200,
    "other_school_admin": 404,
    "district_admin": 200,
}
STAFF_FIELD_STATUS = {**SELF_FIELD_STATUS, "student": 403}


def profile_row(profile_id):
    return LearnerProfile.objects.filter(pk=profile_id).values().get()


def patch(client, world, role, payload):
    if role != "anonymous":
        client.force_login(person(world, role))
    return client.patch(
        reverse("api-learner-detail", args=[world.student_profile.pk]),
        data=json.dumps(payload),
        content_type="application/json",
    )


def test_every_profile_field_is_either_the_learners_or_the_staffs():
    assert set(LEARNER_SELF_FIELDS) | set(STAFF_FIELDS) == set(NEW_VALUE) == set(PROFILE_FIELDS)
    assert not set(LEARNER_SELF_FIELDS) & set(STAFF_FIELDS)
    assert LEARNER_SELF_FIELDS == ("interests", "career_goals", "preferred_modalities")


@pytest.mark.parametrize("field", PROFILE_FIELDS)
@pytest.mark.parametrize("role", ROLES)
def test_the_role_matrix_of_every_profile_field(client, world, role, field):
    # Given the profile as it is
    before = profile_row(world.student_profile.pk)
    # When a role asks to change one field
    response = patch(client, world, role, {field: NEW_VALUE[field]})
    # Then only those allowed that field may, and for everyone else nothing was written
    expected = (SELF_FIELD_STATUS if field in LEARNER_SELF_FIELDS else STAFF_FIELD_STATUS)[role]
    assert response.status_code == expected
    after = profile_row(world.student_profile.pk)
    if expected == 200:
        assert after[field] == STORED[field]
        assert response.json()[field] == NEW_VALUE[field]
        assert {name: value for name, value in after.items() if name not in (field, "updated_at")} == {
            name: value for name, value in before.items() if name not in (field, "updated_at")
        }
    else:
        assert after == before
    if role == "student" and expected == 403:
        assert response.json() == {"detail": f"Only the learner's teachers and school admins can change {field}."}


def test_a_student_cannot_grant_themselves_accommodations_or_change_their_grade(client, world):
    # The finding: a student PATCHing their own profile with extended time, an IEP, another grade and a
    # smaller budget was answered 200 and a 10-minute quiz then gave them 30 minutes.
    before = profile_row(world.student_profile.pk)
    client.force_login(world.student)
    response = client.patch(
        reverse("api-learner-detail", args=[world.student_profile.pk]),
        data=json.dumps({"extended_time_factor": "3.00", "has_iep": True, "grade": "8", "daily_minutes_budget": 5}),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Only the learner's teachers and school admins can change grade, has_iep, extended_time_factor, "
        "daily_minutes_budget."
    }
    assert profile_row(world.student_profile.pk) == before


def test_a_student_mixing_their_own_fields_with_staff_fields_changes_nothing(client, world):
    before = profile_row(world.student_profile.pk)
    response = patch(client, world, "student", {"interests": ["chess"], "read_aloud": True})
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the learner's teachers and school admins can change read_aloud."}
    assert profile_row(world.student_profile.pk) == before


@pytest.mark.parametrize("role", ["student", "other_student", "other_teacher", "other_school_admin", "anonymous"])
def test_the_service_refuses_staff_fields_to_everyone_but_staff(world, role):
    before = profile_row(world.student_profile.pk)
    with pytest.raises(PermissionDenied) as refused:
        services.learner_profile_update(
            profile=world.student_profile, changes={"has_504": True, "grade": "8"}, by=person(world, role)
        )
    assert str(refused.value) == "Only the learner's teachers and school admins can change grade, has_504."
    assert profile_row(world.student_profile.pk) == before


def test_the_about_me_page_changes_only_the_learners_own_fields(client, world):
    # The page's form sends what it has; anything else in the POST is not a profile change
    before = profile_row(world.student_profile.pk)
    client.force_login(world.student)
    client.post(
        "/me/",
        {
            "action": "profile",
            "interests": "chess",
            "career_goals": "",
            "way-1": "video",
            "grade": "8",
            "extended_time_factor": "3.00",
            "has_iep": "on",
        },
    )
    after = profile_row(world.student_profile.pk)
    assert (after["interests"], after["preferred_modalities"]) == (["chess"], ["video"])
    assert {name: after[name] for name in STAFF_FIELDS} == {name: before[name] for name in STAFF_FIELDS}
