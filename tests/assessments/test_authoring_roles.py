"""Who may use the bank's pages and API: the role matrix of every authoring page and endpoint, with what each
refused role leaves unwritten."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import authoring
from assessments import services as assessment_services
from assessments.models import Assessment, Item
from playlists import services as catalog_services
from playlists.models import Activity
from tests.conftest import ROLES, person

# Who reaches school A's own content: its teachers, its admin and its district's admin.
SCHOOL_A_STAFF = {"teacher", "other_teacher", "school_admin", "district_admin"}
# Who reaches the bank at all: staff of any school.
ANY_STAFF = SCHOOL_A_STAFF | {"other_school_admin"}


@pytest.fixture
def content(world, bank):
    item = authoring.item_write(
        author=world.teacher,
        school=world.school,
        item_type="numeric",
        stem="Ours: 1/2 of 8?",
        targets=[bank.rates],
        key={"value": "4"},
    )
    activity = catalog_services.activity_write(
        author=world.teacher,
        school=world.school,
        targets=[bank.rates],
        title="Ours: rates reading",
        modality="reading",
        expected_minutes=10,
        body="Read this.",
    )
    assessment = assessment_services.assessment_create(
        title="Ours: ticket",
        kind=Assessment.Kind.EXIT_TICKET,
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.choice, bank.items.numeric, bank.items.compare],
    )
    now = timezone.now()
    assessment_services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now,
        due_at=now + datetime.timedelta(days=1),
        assigned_by=world.teacher,
    )
    return SimpleNamespace(item=item, activity=activity, assessment=assessment, shared=bank.items.numeric)


def _login(client, world, role):
    if role != "anonymous":
        client.force_login(person(world, role))


def _expected_page(role, allowed):
    if role == "anonymous":
        return 302
    return 200 if role in allowed else 404


PAGES = [
    ("teach-bank", None, ANY_STAFF),
    ("teach-bank-item-new", None, ANY_STAFF),
    ("teach-bank-activities", None, ANY_STAFF),
    ("teach-bank-activity-new", None, ANY_STAFF),
    ("teach-bank-item", "item", SCHOOL_A_STAFF),
    ("teach-bank-item", "shared", ANY_STAFF),
    ("teach-bank-item-edit", "item", SCHOOL_A_STAFF),
    ("teach-bank-activity", "activity", SCHOOL_A_STAFF),
    ("teach-bank-activity-edit", "activity", SCHOOL_A_STAFF),
    ("teach-assessment-questions", "assessment", SCHOOL_A_STAFF),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, thing, allowed", PAGES, ids=[f"{name}-{thing}" for name, thing, _ in PAGES])
def test_who_may_open_each_authoring_page(client, world, content, role, name, thing, allowed):
    _login(client, world, role)
    url = reverse(name, args=[getattr(content, thing).pk] if thing else [])
    response = client.get(url)
    assert response.status_code == _expected_page(role, allowed)
    if role == "anonymous":
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["teach-bank-item-preview", "teach-bank-activity-preview"])
def test_who_may_use_the_live_previews(client, world, content, role, name):
    _login(client, world, role)
    assert client.post(reverse(name), {"stem": "x", "body": "x"}).status_code == _expected_page(role, ANY_STAFF)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_change_school_a_items_activities_and_questions_in_the_browser(client, world, bank, content, role):
    _login(client, world, role)
    allowed = role in SCHOOL_A_STAFF
    client.post(
        reverse("teach-bank-item-edit", args=[content.item.pk]),
        {
            "item_type": "numeric",
            "stem": "Changed",
            "targets": "6.RP.A.2",
            "numeric_value": "4",
            "difficulty": "2",
            "max_points": "1",
        },
    )
    client.post(
        reverse("teach-bank-activity-edit", args=[content.activity.pk]),
        {
            "title": "Changed",
            "targets": "6.RP.A.2",
            "modality": "reading",
            "expected_minutes": "10",
            "difficulty": "2",
            "body": "Read this.",
        },
    )
    client.post(
        reverse("teach-assessment-questions", args=[content.assessment.pk]), {"action": "add", "item": content.item.pk}
    )
    content.item.refresh_from_db()
    content.activity.refresh_from_db()
    assert content.item.stem == ("Changed" if allowed else "Ours: 1/2 of 8?")
    assert content.activity.title == ("Changed" if allowed else "Ours: rates reading")
    assert content.assessment.assessment_items.count() == (4 if allowed else 3)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_write_new_items_and_activities_in_the_browser(client, world, bank, content, role):
    _login(client, world, role)
    before = (Item.objects.count(), Activity.objects.count())
    school = world.other_school if role == "other_school_admin" else world.school
    client.post(
        reverse("teach-bank-item-new"),
        {
            "school": school.pk,
            "item_type": "comparison",
            "stem": "1/2 _ 1/3",
            "targets": "6.RP.A.1",
            "comparison": ">",
            "difficulty": "2",
            "max_points": "1",
        },
    )
    client.post(
        reverse("teach-bank-activity-new"),
        {
            "school": school.pk,
            "title": "New",
            "targets": "6.RP.A.1",
            "modality": "video",
            "expected_minutes": "5",
            "difficulty": "2",
            "url": "https://example.org/v",
        },
    )
    written = 1 if role in ANY_STAFF else 0
    assert (Item.objects.count(), Activity.objects.count()) == (before[0] + written, before[1] + written)
    if written:
        assert (Item.objects.order_by("-id").first().school, Activity.objects.order_by("-id").first().school) == (
            school,
            school,
        )


API_READS = [
    ("api-bank-items", None, ANY_STAFF),
    ("api-bank-item", "item", SCHOOL_A_STAFF),
    ("api-bank-item", "shared", ANY_STAFF),
    ("api-bank-item-statistics", "item", SCHOOL_A_STAFF),
    ("api-assessment-questions", "assessment", SCHOOL_A_STAFF),
    ("api-bank-activities", None, ANY_STAFF),
    ("api-bank-activity", "activity", SCHOOL_A_STAFF),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, thing, allowed", API_READS, ids=[f"{name}-{thing}" for name, thing, _ in API_READS])
def test_who_may_read_each_bank_endpoint(client, world, content, role, name, thing, allowed):
    _login(client, world, role)
    response = client.get(reverse(name, args=[getattr(content, thing).pk] if thing else []))
    assert response.status_code == (403 if role == "anonymous" else 200 if role in allowed else 404)
    assert "detail" in response.json() or response.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_who_may_change_through_the_api_and_nothing_is_written_for_the_others(client, world, bank, content, role):
    _login(client, world, role)
    allowed = role in SCHOOL_A_STAFF
    expected = 403 if role == "anonymous" else 200 if allowed else 404
    answers = [
        client.patch(
            reverse("api-bank-item", args=[content.item.pk]), {"stem": "Changed"}, content_type="application/json"
        ),
        client.patch(
            reverse("api-bank-activity", args=[content.activity.pk]),
            {"title": "Changed"},
            content_type="application/json",
        ),
        client.post(
            reverse("api-assessment-questions", args=[content.assessment.pk]),
            {"action": "add", "item": content.item.pk},
            content_type="application/json",
        ),
        client.patch(
            reverse("api-bank-item", args=[content.shared.pk]), {"stem": "Changed"}, content_type="application/json"
        ),
    ]
    assert [answer.status_code for answer in answers] == [
        expected,
        expected,
        expected,
        403 if role == "anonymous" else 404,
    ]
    content.item.refresh_from_db()
    content.activity.refresh_from_db()
    content.shared.refresh_from_db()
    assert (content.item.stem, content.activity.title, content.assessment.assessment_items.count()) == (
        ("Changed", "Changed", 4) if allowed else ("Ours: 1/2 of 8?", "Ours: rates reading", 3)
    )
    assert content.shared.stem == "Cost of one pound?"


@pytest.mark.parametrize("role", ROLES)
def test_who_may_write_through_the_api(client, world, bank, content, role):
    _login(client, world, role)
    before = (Item.objects.count(), Activity.objects.count())
    school = {"school": world.school.pk} if role == "district_admin" else {}
    item = client.post(
        reverse("api-bank-items"),
        {
            **school,
            "item_type": "comparison",
            "stem": "1/2 _ 1/3",
            "targets": ["6.RP.A.1"],
            "key": {"correct": ">"},
        },
        content_type="application/json",
    )
    activity = client.post(
        reverse("api-bank-activities"),
        {
            **school,
            "title": "New",
            "targets": ["6.RP.A.1"],
            "modality": "video",
            "expected_minutes": 5,
            "url": "https://example.org/v",
        },
        content_type="application/json",
    )
    expected = 403 if role == "anonymous" else 201 if role in ANY_STAFF else 404
    assert (item.status_code, activity.status_code) == (expected, expected)
    written = 1 if expected == 201 else 0
    assert (Item.objects.count(), Activity.objects.count()) == (before[0] + written, before[1] + written)


def test_a_teacher_cannot_write_for_a_school_where_they_do_not_teach(client, world, bank):
    client.force_login(world.teacher)
    before = Item.objects.count()
    response = client.post(
        reverse("api-bank-items"),
        {
            "school": world.other_school.pk,
            "item_type": "comparison",
            "stem": "1/2 _ 1/3",
            "targets": ["6.RP.A.1"],
            "key": {"correct": ">"},
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["school"]
    assert Item.objects.count() == before


def test_someone_who_writes_for_several_schools_says_which(client, world, bank):
    client.force_login(world.district_admin)
    response = client.post(
        reverse("api-bank-items"),
        {
            "item_type": "comparison",
            "stem": "1/2 _ 1/3",
            "targets": ["6.RP.A.1"],
            "key": {"correct": ">"},
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"school": ["You write for several schools; say which this is for."]}
    page = client.post(
        reverse("teach-bank-item-new"),
        {
            "item_type": "comparison",
            "stem": "1/2 _ 1/3",
            "targets": "6.RP.A.1",
            "comparison": ">",
            "difficulty": "2",
            "max_points": "1",
        },
    )
    assert page.context["form"].errors == {"school": ["This field is required."]}
