"""Content a school admin writes in the admin: a broken Markdown body or a numeric key that is not a number is
refused on the form, naming the field (and the line), and nothing is written."""

from __future__ import annotations

import pytest

from assessments.models import Item
from playlists.models import Activity
from tests.learning_platform.test_admin import make_activity, make_targets, staff, url

pytestmark = pytest.mark.django_db


def activity_form(target, **changes) -> dict:
    return {
        "slug": "ratio-lesson",
        "title": "Ratio lesson",
        "description": "",
        "modality": "reading",
        "expected_minutes": "10",
        "targets": [target.pk],
        "difficulty": "2",
        "interest_tags": "[]",
        "url": "",
        "body": "## Ratios\n\nA ratio compares two quantities.",
        "is_active": "on",
        **changes,
    }


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("## Ratios\n\nIntro\n\n```\nunclosed", "Line 5: the code block that starts here with ``` is never closed"),
        ("Ratios\n\n<script>alert(1)</script>", "Line 3: <script> is not allowed in the body"),
        ("Five squared is 5<sup>2.", "Line 1: <sup> is opened but never closed; add </sup>."),
    ],
)
def test_a_broken_lesson_body_is_refused_with_its_line_and_nothing_is_saved(client, world, body, message):
    target = make_targets(codes=["6.RP.A.1"])["6.RP.A.1"]
    client.force_login(staff(world.school_admin))

    page = client.post(url("playlists", "activity", "add"), activity_form(target, body=body, school=world.school.pk))

    assert page.status_code == 200
    assert message in " ".join(page.context["adminform"].form.errors["body"])
    assert not Activity.objects.exists()


def test_a_broken_body_on_an_existing_activity_leaves_it_as_it_was(client, world):
    target = make_targets(codes=["6.RP.A.1"])["6.RP.A.1"]
    activity = make_activity("ratio-lesson", school=world.school, targets=[target])
    client.force_login(staff(world.school_admin))

    page = client.post(
        url("playlists", "activity", "change", activity.pk),
        activity_form(target, body="Fine\n\n<iframe src='x'></iframe>", school=world.school.pk),
    )

    assert "Line 3: <iframe> is not allowed in the body" in " ".join(page.context["adminform"].form.errors["body"])
    activity.refresh_from_db()
    assert activity.body == "Watch."


def item_form(target, **changes) -> dict:
    return {
        "item_type": "numeric",
        "stem": "What is 3/4 of 12?",
        "choices": "[]",
        "key": '{"value": "9"}',
        "rubric": "{}",
        "targets": [target.pk],
        "difficulty": "2",
        "max_points": "1",
        "hints": "[]",
        "worked_solution": "",
        "figure": "",
        "source": "teacher",
        "source_id": "",
        "is_active": "on",
        **changes,
    }


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"key": '{"value": "nine"}'}, "key", "The key's value 'nine' is not a number: Type a number such as 3/4"),
        ({"key": '{"value": 9}'}, "key", 'The key\'s value must be written as text, such as "3/4".'),
        ({"key": '{"value": "9", "tolerance": "-1"}'}, "key", "The key's tolerance cannot be negative."),
        ({"hints": '["Think of 12 as 4 groups.", ""]'}, "hints", "Hints are a list of non-empty lines of text."),
        ({"worked_solution": "1. 12 ÷ 4 = 3\n2. <b>9"}, "worked_solution", "Line 2: <b> is opened but never closed"),
    ],
)
def test_an_item_with_a_bad_key_hint_or_solution_is_refused_and_nothing_is_saved(
    client, world, changes, field, message
):
    target = make_targets(codes=["6.RP.A.1"])["6.RP.A.1"]
    client.force_login(staff(world.school_admin))

    page = client.post(url("assessments", "item", "add"), item_form(target, school=world.school.pk, **changes))

    assert page.status_code == 200
    assert message in " ".join(page.context["adminform"].form.errors[field])
    assert not Item.objects.exists()


def test_a_good_item_is_saved(client, world):
    target = make_targets(codes=["6.RP.A.1"])["6.RP.A.1"]
    client.force_login(staff(world.school_admin))

    page = client.post(
        url("assessments", "item", "add"),
        item_form(
            target,
            school=world.school.pk,
            hints='["Think of 12 as 4 equal groups."]',
            worked_solution="1. 12 ÷ 4 = 3\n2. 3 × 3 = **9**",
        ),
    )

    assert page.status_code == 302
    item = Item.objects.get()
    assert (item.key, item.hints, item.school) == ({"value": "9"}, ["Think of 12 as 4 equal groups."], world.school)
