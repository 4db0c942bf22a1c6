"""The audit log's pages: exports are recorded, and a school's entries are for its admins and its district's."""

import datetime
import re

import pytest
from auditlog.context import set_actor
from django.urls import reverse

from learners import services as learner_services
from learning_platform.calendar import school_today
from learning_platform.models import AuditEntry
from playlists.services import unit_plan_set
from tests.analytics.conftest import take
from tests.conftest import ROLES, person
from tests.factories import LearnerFactory, admin_of

pytestmark = pytest.mark.django_db


def test_downloading_a_dashboard_table_records_who_which_table_and_where(client, week):
    take(week)
    world = week.world
    client.force_login(world.school_admin)
    before = AuditEntry.objects.count()
    urls = {
        "school": reverse("analytics-school", args=[world.school.pk]) + "?format=csv&table=sections",
        "section": reverse("analytics-section", args=[world.section.pk]) + "?format=csv&table=students",
        "student": reverse("analytics-student", args=[world.student.pk]) + "?format=csv&table=weeks",
    }
    for url in urls.values():
        assert client.get(url).status_code == 200
    school, section, student = AuditEntry.objects.filter(kind="export").order_by("pk")
    assert AuditEntry.objects.count() == before + 3
    for entry in (school, section, student):
        assert (entry.actor, entry.school, entry.district, entry.action) == (
            world.school_admin,
            world.school,
            None,
            AuditEntry.Action.ACCESS,
        )
    assert (school.content_type.model, school.object_id) == ("school", world.school.pk)
    assert school.additional_data == {
        "table": "sections",
        "format": "csv",
        "filename": "school-lincoln",
        "from": "learning_platform.School",
    }
    assert (section.content_type.model, section.object_id, section.additional_data["table"]) == (
        "section",
        world.section.pk,
        "students",
    )
    assert (student.learner, student.additional_data["table"]) == (world.student, "weeks")


def test_a_district_export_belongs_to_the_district_and_the_page_itself_is_not_an_export(client, week):
    take(week)
    world = week.world
    client.force_login(world.district_admin)
    assert client.get(reverse("analytics-district", args=[world.district.pk])).status_code == 200
    assert not AuditEntry.objects.filter(kind="export").exists()
    url = reverse("analytics-district-standards", args=[world.district.pk]) + "?format=csv&table=targets"
    assert client.get(url).status_code == 200
    [entry] = AuditEntry.objects.filter(kind="export")
    assert (entry.actor, entry.school, entry.district, entry.additional_data["table"]) == (
        world.district_admin,
        None,
        world.district,
        "targets",
    )


def test_the_roster_export_is_recorded_under_each_school_the_admin_runs(client, world):
    client.force_login(world.school_admin)
    assert client.get(reverse("analytics-roster-overview") + "?format=csv").status_code == 200
    [entry] = AuditEntry.objects.all()
    assert (entry.kind, entry.actor, entry.school, entry.additional_data["table"]) == (
        "export",
        world.school_admin,
        world.school,
        "roster-overview",
    )


def test_an_unknown_table_is_404_and_records_nothing(client, world):
    client.force_login(world.school_admin)
    assert client.get(reverse("analytics-school", args=[world.school.pk]) + "?format=csv&table=nope").status_code == 404
    assert not AuditEntry.objects.exists()


@pytest.fixture
def logged(world):
    """One accommodation change at each of Lincoln, Jefferson (same district) and Far Away (another district)."""
    far_district = world.far_school.district
    far_admin = admin_of(district=far_district)
    with set_actor(world.teacher):
        learner_services.learner_profile_update(
            profile=world.student_profile, changes={"has_iep": True}, by=world.teacher
        )
    learner_services.learner_profile_update(profile=world.far_student_profile, changes={"has_504": True}, by=far_admin)
    jefferson_learner = LearnerFactory(school=world.other_school, username="jefferson-student", grade="6")
    with set_actor(world.other_school_admin):
        learner_services.learner_profile_update(
            profile=jefferson_learner, changes={"read_aloud": True}, by=world.other_school_admin
        )
    return {"far_admin": far_admin, "far_district": far_district, "jefferson_learner": jefferson_learner}


SCHOOL_PAGE = {"school_admin": 200, "district_admin": 200}
DISTRICT_PAGE = {"district_admin": 200}


@pytest.mark.parametrize("role", [*ROLES, "far_district_admin"])
def test_the_audit_pages_answer_by_role_and_show_only_their_schools_entries(client, world, logged, role):
    if role == "far_district_admin":
        client.force_login(logged["far_admin"])
    elif role != "anonymous":
        client.force_login(person(world, role))
    pages = {
        reverse("analytics-school-audit", args=[world.school.pk]): SCHOOL_PAGE,
        reverse("analytics-district-audit", args=[world.district.pk]): DISTRICT_PAGE,
    }
    for url, allowed in pages.items():
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
            continue
        assert response.status_code == allowed.get(role, 404), (url, role)
        body = response.content.decode()
        assert "Far Away" not in body and str(world.far_student_profile.user) not in body
        if response.status_code == 404:
            assert str(world.student) not in body
    if role == "far_district_admin":
        far_page = client.get(reverse("analytics-district-audit", args=[logged["far_district"].pk]))
        assert far_page.status_code == 200
        assert str(world.far_student_profile.user) in far_page.content.decode()
        assert str(world.student) not in far_page.content.decode()


def rows(response) -> list[str]:
    body = response.content.decode()
    tbody = body.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in tbody.split("</tr>")[:-1]]


def test_a_school_admin_reads_their_schools_entries_with_who_and_what_changed(client, world, logged):
    client.force_login(world.school_admin)
    response = client.get(reverse("analytics-school-audit", args=[world.school.pk]))
    [row] = rows(response)
    assert f"{world.teacher} Accommodations Update: Profile of {world.student} {world.student} IEP: False → True" in row
    body = response.content.decode()
    assert str(logged["jefferson_learner"].user) not in body  # Jefferson's entry is for Jefferson's admins
    assert 'style="' not in body and "<script>" not in body


def test_a_district_admin_reads_every_school_of_the_district_and_filters_by_kind_and_person(client, world, logged):
    client.force_login(world.district_admin)
    url = reverse("analytics-district-audit", args=[world.district.pk])
    assert len(rows(client.get(url))) == 2
    [row] = rows(client.get(url, {"person": world.other_school_admin.pk}))
    assert f"Profile of {logged['jefferson_learner'].user}" in row and "Read aloud: False → True" in row
    [row] = rows(client.get(url, {"person": world.student.pk}))
    assert f"Profile of {world.student}" in row
    assert rows(client.get(url, {"kind": "grade"})) == ["No entries match these filters."]
    assert len(rows(client.get(url, {"kind": "accommodation"}))) == 2


def test_a_bad_filter_is_a_form_error_not_a_500(client, world, logged):
    client.force_login(world.school_admin)
    url = reverse("analytics-school-audit", args=[world.school.pk])
    response = client.get(url, {"kind": "nonsense", "person": "x"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Select a valid choice. nonsense is not one of the available choices." in body
    assert rows(response) == ["No entries match these filters."]
    # Someone outside the school's entries cannot be chosen, so their name is never offered.
    response = client.get(url, {"person": logged["far_admin"].pk})
    assert "Select a valid choice." in response.content.decode()


def test_the_audit_page_is_paginated_newest_first_in_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    with set_actor(world.teacher):
        for minutes in range(5, 65):
            learner_services.learner_profile_update(
                profile=world.student_profile, changes={"daily_minutes_budget": minutes}, by=world.teacher
            )
    client.force_login(world.school_admin)
    url = reverse("analytics-school-audit", args=[world.school.pk])
    with django_assert_max_num_queries(10):
        first = client.get(url)
    first_rows = rows(first)
    assert len(first_rows) == 50
    assert "Daily minutes budget: 63 → 64" in first_rows[0]
    assert "Page 1 of 2" in first.content.decode()
    with django_assert_max_num_queries(10):
        second = client.get(url, {"page": 2})
    assert len(rows(second)) == 10
    assert "Daily minutes budget: 45 → 5" in rows(second)[-1]


def test_the_admin_lists_the_schools_entries_read_only(client, world, logged):
    client.force_login(world.school_admin)
    world.school_admin.is_staff = True
    world.school_admin.save(update_fields=["is_staff"])
    response = client.get(reverse("admin:learning_platform_auditentry_changelist"))
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Profile of {world.student}" in body
    assert str(logged["jefferson_learner"].user) not in body and str(world.far_student_profile.user) not in body
    mine = AuditEntry.objects.get(school=world.school)
    theirs = AuditEntry.objects.get(school=world.other_school)
    assert client.get(reverse("admin:learning_platform_auditentry_change", args=[mine.pk])).status_code == 200
    assert client.get(reverse("admin:learning_platform_auditentry_change", args=[theirs.pk])).status_code == 302
    assert (
        client.post(reverse("admin:learning_platform_auditentry_delete", args=[mine.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert AuditEntry.objects.filter(pk=mine.pk).exists()


def test_a_new_rows_entry_lists_its_fields_but_not_its_id(client, world, bank):
    today = school_today(world.school)
    with set_actor(world.teacher):
        unit_plan_set(
            teacher=world.teacher,
            section=world.section,
            name="Ratios",
            starts_on=today,
            ends_on=today + datetime.timedelta(days=3),
            targets=[bank.ratios],
        )
    client.force_login(world.school_admin)
    targets, created = rows(client.get(reverse("analytics-school-audit", args=[world.school.pk])))
    assert f"Targets: (none) → {bank.ratios}" in targets
    assert "Name: (none) → Ratios" in created and f"Section: (none) → {world.section}" in created
    assert "ID:" not in created
