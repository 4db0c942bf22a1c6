"""The roster overview page and its CSV: admins only, scoped to their schools."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from learners import services
from tests.conftest import ROLES, person
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

STATUS = {
    "anonymous": 302,
    "student": 404,
    "other_student": 404,
    "teacher": 404,
    "other_teacher": 404,
    "school_admin": 200,
    "other_school_admin": 200,
    "district_admin": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_open_the_roster_overview(client, world, role):
    if role != "anonymous":
        client.force_login(person(world, role))
    assert client.get(reverse("analytics-roster-overview")).status_code == STATUS[role]


def csv_rows(client):
    response = client.get(reverse("analytics-roster-overview"), {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_csv_holds_exactly_the_admins_school(client, world):
    # Given one of the three Lincoln students has an IEP and extended time
    services.learner_profile_update(
        by=world.teacher,
        profile=world.student_profile,
        changes={"has_iep": True, "extended_time_factor": Decimal("1.5")},
    )
    client.force_login(world.school_admin)
    # Then the school admin's CSV counts Lincoln only, with the subgroup in it
    assert csv_rows(client) == [
        ["School", "Grade", "Students", "IEP", "504 plan", "English learners", "Extended time", "Median daily minutes"],
        ["Lincoln Middle", "6", "3", "1", "0", "0", "1", "45.0"],
        ["Lincoln Middle", "All grades", "3", "1", "0", "0", "1", "45.0"],
    ]
    # And the admin of another school sees none of Lincoln's students
    client.force_login(world.other_school_admin)
    assert csv_rows(client) == [
        ["School", "Grade", "Students", "IEP", "504 plan", "English learners", "Extended time", "Median daily minutes"]
    ]


def test_the_page_shows_the_same_rows_in_bounded_queries(client, world, django_assert_max_num_queries):
    for number in range(30):
        LearnerFactory(school=world.other_school, username=f"jefferson-{number}", grade=str(6 + number % 3))
    client.force_login(world.district_admin)
    with django_assert_max_num_queries(6):
        page = client.get(reverse("analytics-roster-overview")).content.decode()
    assert page.count("<tr") == 1 + 2 + 4  # heading, Lincoln (6, total), Jefferson (6, 7, 8, total)
    assert "Jefferson Middle" in page and "Far Away Middle" not in page
