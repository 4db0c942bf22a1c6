"""Bad input gets a clear refusal naming the field, never a 500: each cause the fuzz of the forms and the API found
(an impossible date, a NUL byte, deep JSON, wrong types, an over-long name), and the shared parsers behind them."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from learners.models import LearnerProfile
from learning_platform import validation
from playlists.models import PathOverride, UnitPlan

pytestmark = pytest.mark.django_db

IMPOSSIBLE = "2026-02-30"


def api(client, method, url, payload):
    return getattr(client, method)(
        url, data=payload if isinstance(payload, str) else json.dumps(payload), content_type="application/json"
    )


def page_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# ---------------------------------------------------------------------------------------------------------
# An impossible date


def test_an_impossible_day_on_the_teachers_learner_page_is_a_message(client, world):
    client.force_login(world.teacher)
    page = client.get(reverse("teach-learner", args=[world.student.pk]), {"day": IMPOSSIBLE})
    assert page.status_code == 200
    assert page_messages(page) == ["2026-02-30 is not a day of the calendar."]


def test_an_impossible_day_on_the_review_page_is_a_message(client, world):
    client.force_login(world.teacher)
    page = client.get(reverse("teach-review", args=[world.section.pk]), {"day": IMPOSSIBLE}, follow=True)
    assert page.status_code == 200
    assert page_messages(page) == ["2026-02-30 is not a day of the calendar."]


def test_an_impossible_day_in_the_path_api_is_a_400_naming_it(client, world):
    client.force_login(world.teacher)
    response = client.get(reverse("api-learner-path", args=[world.student_profile.pk]), {"day": IMPOSSIBLE})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "day: 2026-02-30 is not a day of the calendar.",
        "errors": {"day": ["2026-02-30 is not a day of the calendar."]},
    }


def test_an_impossible_due_date_on_the_assign_page_is_a_message(client, world, bank):
    client.force_login(world.teacher)
    page = client.post(
        reverse("teach-assign", args=[world.section.pk]),
        {"what": "target", "target": bank.ratios.pk, "who": "section", "due": IMPOSSIBLE},
    )
    assert page.status_code == 200
    assert page_messages(page) == ["2026-02-30 is not a day of the calendar."]
    assert not PathOverride.objects.exists()


# ---------------------------------------------------------------------------------------------------------
# A NUL byte in text (PostgreSQL refuses it)


def test_a_nul_byte_in_profile_interests_is_a_400_naming_the_field(client, world):
    before = LearnerProfile.objects.filter(pk=world.student_profile.pk).values().get()
    client.force_login(world.student)
    response = api(
        client, "patch", reverse("api-learner-detail", args=[world.student_profile.pk]), {"interests": ["chess\x00"]}
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"interests": ["Must not contain NUL characters."]}
    assert LearnerProfile.objects.filter(pk=world.student_profile.pk).values().get() == before


def test_a_nul_byte_in_an_override_note_is_a_400(client, world, bank):
    client.force_login(world.teacher)
    response = api(
        client,
        "post",
        reverse("api-path-overrides", args=[world.student_profile.pk]),
        {"action": "focus", "target": "6.RP.A.1", "starts_on": "2026-11-24", "note": "a\x00b"},
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"note": ["Must not contain NUL characters."]}
    assert not PathOverride.objects.exists()


def test_a_nul_byte_in_a_form_is_a_message_naming_nothing_saved(client, world, bank):
    client.force_login(world.teacher)
    page = client.post(
        reverse("teach-units", args=[world.section.pk]), {"name": "Ratios\x00", "targets": [bank.ratios.pk]}
    )
    assert page.status_code == 200
    assert page_messages(page) == ["Must not contain control characters such as NUL."]
    assert not UnitPlan.objects.exists()


def test_a_nul_byte_in_a_goal_on_the_about_me_page_is_a_message(client, world, bank):
    client.force_login(world.student)
    page = client.post(
        "/me/", {"action": "goal_create", "target": bank.ratios.pk, "reach_by": "2026-12-18", "why": "because\x00"}
    )
    assert page_messages(page) == ["Must not contain control characters such as NUL."]


def test_a_nul_byte_in_the_grids_scope_is_a_message(client, world):
    client.force_login(world.teacher)
    page = client.get(reverse("teach-grid", args=[world.section.pk]), {"scope": "6:R\x00P"})
    assert page.status_code == 200
    assert page_messages(page) == ["Must not contain control characters such as NUL."]


# ---------------------------------------------------------------------------------------------------------
# JSON nested 5,000 deep


def test_json_nested_5000_deep_is_a_400_before_it_is_parsed(client, world):
    client.force_login(world.student)
    deep = '{"interests": ' + "[" * 5000 + "]" * 5000 + "}"
    response = api(client, "patch", reverse("api-learner-detail", args=[world.student_profile.pk]), deep)
    assert response.status_code == 400
    assert response.json() == {"detail": "The JSON body nests deeper than 20 levels."}


def test_brackets_inside_strings_do_not_count_as_nesting():
    assert (
        validation.json_depth('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "b": [1, {"c": "\\"]"}]}') == 3
    )


# ---------------------------------------------------------------------------------------------------------
# Wrong types


def test_null_interests_is_a_400(client, world):
    client.force_login(world.student)
    response = api(client, "patch", reverse("api-learner-detail", args=[world.student_profile.pk]), {"interests": None})
    assert response.status_code == 400
    assert response.json()["errors"] == {"interests": ["Must be a list of short phrases."]}


def test_an_item_count_of_text_is_a_400(client, world, bank):
    client.force_login(world.teacher)
    response = api(
        client,
        "post",
        reverse("api-assessment-generate"),
        {"title": "X", "kind": "quiz", "targets": ["6.RP.A.1"], "item_count": "xxx"},
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"item_count": ["Must be a whole number."]}


def test_students_true_is_a_400(client, world, bank):
    from assessments import services as assessment_services

    assessment = assessment_services.assessment_create(
        title="Q", kind="quiz", school=world.school, created_by=world.teacher, items=[bank.items.choice]
    )
    client.force_login(world.teacher)
    response = api(
        client,
        "post",
        reverse("api-assignment-create", args=[assessment.pk]),
        {
            "section": world.section.pk,
            "opens_at": "2026-11-24T08:00:00Z",
            "due_at": "2026-11-25T08:00:00Z",
            "students": True,
        },
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"students": ["Must be a list of ids."]}


def test_an_id_too_large_for_the_database_is_a_400(client, world):
    client.force_login(world.teacher)
    response = api(
        client,
        "post",
        reverse("api-path-overrides", args=[world.student_profile.pk]),
        {"action": "pin", "activity": 2**63, "starts_on": "2026-11-24"},
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"activity": ["Must be the id of one of the choices."]}


def test_an_id_too_long_for_the_database_in_a_url_is_a_404(client, world):
    client.force_login(world.teacher)
    assert client.get(f"/api/learners/{10**20}/").status_code == 404
    assert client.get(f"/teach/learners/{10**20}/").status_code == 404
    assert client.get(f"/api/learners/{10**18 - 1}/").status_code == 404


# ---------------------------------------------------------------------------------------------------------
# An over-long unit name


def test_an_over_long_unit_name_is_a_message_and_nothing_is_saved(client, world, bank):
    client.force_login(world.teacher)
    page = client.post(
        reverse("teach-units", args=[world.section.pk]), {"name": "U" * 201, "targets": [bank.ratios.pk]}
    )
    assert page.status_code == 200
    assert page_messages(page) == ["At most 200 characters (this has 201)."]
    assert not UnitPlan.objects.exists()


# ---------------------------------------------------------------------------------------------------------
# The shared parsers


@pytest.mark.parametrize(
    "parse, value, expected",
    [
        (lambda v: validation.parse_date("day", v), "2026-11-24", datetime.date(2026, 11, 24)),
        (lambda v: validation.parse_date("day", v, default=None), "", None),
        (lambda v: validation.parse_int("n", v), "42", 42),
        (lambda v: validation.parse_int("n", v), -3, -3),
        (lambda v: validation.id_list("ids", v), ["1", 2], [1, 2]),
        (lambda v: validation.parse_decimal("x", v), "1.50", Decimal("1.50")),
        (lambda v: validation.clean_text("t", v), "  two\nlines\t ", "two\nlines"),
        (
            lambda v: validation.parse_datetime("at", v),
            "2026-11-24T08:00:00Z",
            datetime.datetime(2026, 11, 24, 8, tzinfo=datetime.UTC),
        ),
    ],
)
def test_the_parsers_return_typed_values(parse, value, expected):
    assert parse(value) == expected


@pytest.mark.parametrize(
    "parse, value, message",
    [
        (lambda v: validation.parse_date("day", v), IMPOSSIBLE, "2026-02-30 is not a day of the calendar."),
        (lambda v: validation.parse_date("day", v), "soon", "Give a date such as 2026-11-24."),
        (lambda v: validation.parse_date("day", v), 20261124, "Give a date such as 2026-11-24."),
        (
            lambda v: validation.parse_datetime("day", v),
            "2026-02-30T08:00:00Z",
            "Give a date and time such as 2026-11-24T08:00:00-06:00.",
        ),
        (lambda v: validation.parse_int("day", v), True, "Must be a whole number."),
        (lambda v: validation.parse_int("day", v), 2**40, "Must be a whole number from -2147483647 to 2147483647."),
        (lambda v: validation.parse_int("day", v), "1e9", "Must be a whole number."),
        (lambda v: validation.id_list("day", v), [1, None], "Must be a list of ids."),
        (lambda v: validation.id_list("day", v, max_len=2), [1, 2, 3], "At most 2 ids."),
        (lambda v: validation.parse_decimal("day", v), "NaN", "Must be a number such as 1.50."),
        (lambda v: validation.parse_decimal("day", v), "1.555", "At most 10 digits before the point and 2 after."),
        (lambda v: validation.clean_text("day", v), ["x"], "Must be text."),
        (lambda v: validation.clean_text("day", v), "bell\x07", "Must not contain control characters such as NUL."),
        (lambda v: validation.clean_text("day", v, max_length=3), "four", "At most 3 characters (this has 4)."),
        (
            lambda v: validation.check_json({"day": {"deeper": ["ok", "no\x00"]}}),
            None,
            "Must not contain NUL characters.",
        ),
    ],
)
def test_the_parsers_refuse_naming_the_field(parse, value, message):
    with pytest.raises(ValidationError) as refused:
        parse(value)
    assert refused.value.message_dict == {"day": [message]}
