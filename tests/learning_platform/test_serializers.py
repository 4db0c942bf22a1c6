"""The API's request fields refuse what the shared parsers refuse, in their words, and read the rest into typed
values; a row named by id out of the user's scope is a 404, as in a URL; a list's filters narrow it, and an invalid
one is a 400 naming it on the API while a page ignores it."""

from __future__ import annotations

import datetime

import pytest
from django.http import Http404
from django.urls import reverse
from rest_framework import serializers
from rest_framework.test import APIRequestFactory, force_authenticate
from rest_framework.views import APIView

from learning_platform import validation
from learning_platform.models import Section
from learning_platform.serializers import Day, Flag, Id, IdList, Moment, Object, Text, Visible, WholeNumber, valid

pytestmark = pytest.mark.django_db


class Everything(serializers.Serializer):
    name = Text(max_length=10)
    note = Text(required=False, allow_blank=True, default="")
    count = WholeNumber(min_value=1, max_value=5, required=False)
    place = WholeNumber(min_value=1, required=False, message="Give a place: 1 or more.")
    section = Id(required=False)
    students = IdList(required=False)
    day = Day(required=False, allow_null=True, default=None)
    at = Moment(required=False)
    open = Flag(required=False)
    levels = Object(required=False)


def errors(data) -> dict:
    serializer = Everything(data=data)
    assert not serializer.is_valid()
    return {field: [str(message) for message in messages] for field, messages in serializer.errors.items()}


def test_each_field_refuses_in_the_shared_parsers_words():
    assert errors({"name": "a\x00b"}) == {"name": ["Must not contain control characters such as NUL."]}
    assert errors({"name": 5}) == {"name": ["Must be text."]}
    assert errors({"name": "x" * 11}) == {"name": ["At most 10 characters (this has 11)."]}
    assert errors({"name": "x", "count": "three"}) == {"count": ["Must be a whole number."]}
    assert errors({"name": "x", "count": 9}) == {"count": ["Must be a whole number from 1 to 5."]}
    assert errors({"name": "x", "place": 0}) == {"place": ["Give a place: 1 or more."]}
    assert errors({"name": "x", "section": 2**63}) == {"section": ["Must be the id of one of the choices."]}
    assert errors({"name": "x", "students": True}) == {"students": ["Must be a list of ids."]}
    assert errors({"name": "x", "students": list(range(1, validation.MAX_IDS + 2))}) == {
        "students": [f"At most {validation.MAX_IDS} ids."]
    }
    assert errors({"name": "x", "day": "2026-02-30"}) == {"day": ["2026-02-30 is not a day of the calendar."]}
    assert errors({"name": "x", "at": "yesterday"}) == {
        "at": ["Give a date and time such as 2026-11-24T08:00:00-06:00."]
    }
    assert errors({"name": "x", "open": "yes"}) == {"open": ["Must be true or false."]}
    assert errors({"name": "x", "levels": ["a"]}) == {"levels": ["Must be an object."]}


def test_every_refused_field_is_named_at_once():
    assert set(errors({"name": "", "count": 0, "day": "soon"})) == {"name", "count", "day"}


def test_good_values_are_read_into_their_types():
    serializer = Everything(
        data={
            "name": "  Ratios ",
            "count": "3",
            "section": 7,
            "students": ["1", 2],
            "day": "",
            "at": "2026-11-24T08:00:00-06:00",
            "open": False,
            "levels": {"Reasoning": 2},
        }
    )
    assert serializer.is_valid(), serializer.errors
    data = serializer.validated_data
    assert (data["name"], data["note"], data["count"], data["section"], data["students"]) == (
        "Ratios",
        "",
        3,
        7,
        [1, 2],
    )
    assert data["day"] is None  # a blank day is left out, as `?day=` is
    assert data["at"] == datetime.datetime(2026, 11, 24, 14, 0, tzinfo=datetime.UTC)  # the same moment, in UTC
    assert (data["open"], data["levels"]) == (False, {"Reasoning": 2})


class SectionDoor(APIView):
    class Body(serializers.Serializer):
        section = Visible(Section.objects.all(), action="change")

    def post(self, request):
        return valid(self.Body, request)["section"]


def test_a_row_named_out_of_scope_is_a_404_as_in_a_url(world):
    factory = APIRequestFactory()

    def section_for(user, pk):
        request = factory.post("/", {"section": pk}, format="json")
        force_authenticate(request, user)
        door = SectionDoor()
        door.request = door.initialize_request(request)
        door.format_kwarg = None
        return door.post(door.request)

    assert section_for(world.teacher, world.section.pk) == world.section
    with pytest.raises(Http404):
        section_for(world.other_teacher, world.section.pk)  # another school's teacher
    with pytest.raises(Http404):
        section_for(world.student, world.section.pk)  # may see it, not change it


def test_the_bank_api_refuses_an_invalid_filter_which_the_bank_page_ignores(client, world, bank):
    client.force_login(world.teacher)
    refused = client.get(reverse("api-bank-items"), {"origin": "elsewhere", "target": "0"})
    assert refused.status_code == 400
    assert set(refused.json()["errors"]) == {"origin", "target"}
    everything = client.get(reverse("api-bank-items")).json()["count"]
    assert client.get(reverse("api-bank-items"), {"type": "numeric"}).json()["count"] == 1 < everything
    page = client.get(reverse("teach-bank"), {"origin": "elsewhere", "target": "0"})
    assert page.status_code == 200
    assert page.context["page"].paginator.count == everything


def test_the_sections_list_narrows_by_grade_and_subject(client, world):
    client.force_login(world.teacher)
    url = reverse("api-section-list")
    mine = client.get(url).json()["count"]
    assert mine >= 1
    assert client.get(url, {"grade": world.section.grade, "subject": world.section.subject}).json()["count"] == mine
    assert client.get(url, {"grade": "K"}).json()["count"] == 0
    assert list(client.get(url, {"subject": "astrology"}).json()["errors"]) == ["subject"]


def test_a_moment_with_an_offset_postgresql_refuses_is_read_as_the_same_moment_in_utc(client, world, bank):
    serializer = Everything(data={"name": "x", "at": "1227-08-01T10:02:36+22:50"})
    assert serializer.is_valid(), serializer.errors
    assert serializer.validated_data["at"] == datetime.datetime(1227, 7, 31, 11, 12, 36, tzinfo=datetime.UTC)
    assert errors({"name": "x", "at": "0001-01-01T00:00:00+05:00"}) == {
        "at": ["Give a date and time such as 2026-11-24T08:00:00-06:00."]
    }
    # The evidence filter reads its moment the same way (PostgreSQL refused the offset with a 500)
    client.force_login(world.teacher)
    url = reverse("api-learner-evidence", args=[world.student_profile.pk, "6.RP.A.1"])
    assert client.get(url, {"since": "1227-08-01T10:02:36+22:50"}).status_code == 200
    assert list(client.get(url, {"since": "soon"}).json()["errors"]) == ["since"]
