"""The admins' dashboards: who may open each page and each CSV, what they show, and the refresh."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse

from analytics import services
from analytics.models import SnapshotRun
from tests.analytics.conftest import AS_OF, at, take
from tests.conftest import ROLES, person
from tests.factories import LearnerFactory, SectionFactory

pytestmark = pytest.mark.django_db

DISTRICT_ONLY = {"anonymous": 302, "district_admin": 200}
SCHOOL_ADMINS = {"anonymous": 302, "school_admin": 200, "district_admin": 200}


def pages(world) -> dict[str, tuple[str, dict]]:
    """Every dashboard page and export, with who gets a 200 (everyone else, signed in, gets 404)."""
    school, section, student, district = world.school.pk, world.section.pk, world.student.pk, world.district.pk
    return {
        "district": (reverse("analytics-district", args=[district]), DISTRICT_ONLY),
        "district csv": (reverse("analytics-district", args=[district]) + "?format=csv&table=schools", DISTRICT_ONLY),
        "district standards": (reverse("analytics-district-standards", args=[district]), DISTRICT_ONLY),
        "district standards csv": (
            reverse("analytics-district-standards", args=[district]) + "?format=csv&table=targets",
            DISTRICT_ONLY,
        ),
        "district status": (reverse("analytics-district-status", args=[district]), DISTRICT_ONLY),
        "school": (reverse("analytics-school", args=[school]), SCHOOL_ADMINS),
        "school csv": (reverse("analytics-school", args=[school]) + "?format=csv&table=sections", SCHOOL_ADMINS),
        "school standards": (reverse("analytics-school-standards", args=[school]), SCHOOL_ADMINS),
        "school standards csv": (
            reverse("analytics-school-standards", args=[school]) + "?format=csv&table=hardest",
            SCHOOL_ADMINS,
        ),
        "school status": (reverse("analytics-school-status", args=[school]), SCHOOL_ADMINS),
        "section": (reverse("analytics-section", args=[section]), SCHOOL_ADMINS),
        "section csv": (reverse("analytics-section", args=[section]) + "?format=csv&table=students", SCHOOL_ADMINS),
        "student": (reverse("analytics-student", args=[student]), SCHOOL_ADMINS),
        "student csv": (reverse("analytics-student", args=[student]) + "?format=csv&table=weeks", SCHOOL_ADMINS),
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_dashboard_and_export_answers_by_role(client, week, role):
    take(week)
    if role != "anonymous":
        client.force_login(person(week.world, role))
    for name, (url, allowed) in pages(week.world).items():
        assert client.get(url).status_code == allowed.get(role, 404), (name, url)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_schools_admins_may_refresh_its_snapshot_and_nothing_is_written_otherwise(
    client, week, role, django_capture_on_commit_callbacks
):
    if role != "anonymous":
        client.force_login(person(week.world, role))
    urls = {
        "school": (reverse("analytics-school-refresh", args=[week.world.school.pk]), SCHOOL_ADMINS),
        "district": (reverse("analytics-district-refresh", args=[week.world.district.pk]), DISTRICT_ONLY),
    }
    for name, (url, allowed) in urls.items():
        before = SnapshotRun.objects.count()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        expected = allowed.get(role, 404)
        assert response.status_code == (302 if expected == 200 else expected), (name, role)
        if expected != 200:
            assert SnapshotRun.objects.count() == before, (name, role)


def test_an_admin_of_one_district_gets_404_for_another_districts_school_and_learner(client, week):
    client.force_login(week.world.district_admin)
    far = week.world.far_school
    far_section = SectionFactory(school=far, name="Far math 7")
    for url in (
        reverse("analytics-school", args=[far.pk]),
        reverse("analytics-district", args=[far.district_id]),
        reverse("analytics-section", args=[far_section.pk]),
        reverse("analytics-student", args=[week.world.far_student_profile.user_id]),
        reverse("analytics-school-standards", args=[far.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_a_school_admin_lands_on_their_school_and_a_district_admin_on_their_district(client, week):
    client.force_login(week.world.school_admin)
    assert client.get(reverse("analytics-home")).url == reverse("analytics-school", args=[week.world.school.pk])
    client.force_login(week.world.district_admin)
    assert client.get(reverse("analytics-home")).url == reverse("analytics-district", args=[week.world.district.pk])
    client.force_login(week.world.teacher)
    assert client.get(reverse("analytics-home")).status_code == 404


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode())))


def html_rows(response, table: str) -> list[list[str]]:
    """The rows of a table on the page, as text (header row first)."""
    html = response.content.decode()
    body = re.search(rf'<table data-table="{table}">(.*?)</table>', html, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([re.sub(r"<[^>]+>", "", cell).strip().replace("&amp;", "&") for cell in cells])
    return rows


def test_the_school_dashboard_shows_sections_subgroup_gaps_and_its_csv_matches_the_table(client, week):
    take(week)
    client.force_login(week.world.school_admin)
    url = reverse("analytics-school", args=[week.world.school.pk])
    page = client.get(url)
    assert page.status_code == 200
    # The headline: 2 of 3 on track (66.7%), 3 targets gained by 3 learners over the week
    text = page.content.decode()
    assert "<dt>On track</dt><dd>66.7%</dd>" in text
    assert "<dt>Growth this week</dt><dd>1 target per learner</dd>" in text
    sections = csv_rows(client.get(url, {"format": "csv", "table": "sections"}))
    assert sections == [
        [
            "Section",
            "Learners",
            "On track (%)",
            "Grade-level targets proficient (avg)",
            "Expected by now (avg)",
            "Growth this week (targets per learner)",
            "Active this week (%)",
            "Activities done",
            "Assessments handed in",
            "Minutes per learner",
        ],
        ["Math 6 period 1", "2", "50", "1", "1.07", "1", "100", "0", "2", "14"],
        ["Math 6 period 2", "1", "100", "1", "0.57", "1", "0", "0", "0", "0"],
    ]
    assert html_rows(page, "sections") == sections
    # Students with an IEP against everyone else: 1 of 1 on track against 1 of 2
    gaps = csv_rows(client.get(url, {"format": "csv", "table": "subgroups"}))
    assert gaps[1] == ["IEP", "1", "2", "100", "50", "50", "2", "0.5", "1.5", "100", "50", "50", "8", "10", "-2"]
    assert gaps[2][:4] == ["504 plan", "0", "3", ""]


def test_the_section_page_lists_its_students_and_links_each_to_their_page(client, week):
    take(week)
    client.force_login(week.world.district_admin)
    page = client.get(reverse("analytics-section", args=[week.world.section.pk]))
    rows = html_rows(page, "students")
    in_order = sorted(
        [week.world.student, week.world.other_student], key=lambda user: (user.last_name, user.first_name)
    )
    assert [row[0] for row in rows[1:]] == [str(user) for user in in_order]
    assert reverse("analytics-student", args=[week.world.student.pk]) in page.content.decode()
    student = client.get(reverse("analytics-student", args=[week.world.student.pk]))
    assert html_rows(student, "weeks")[1:] == [
        ["2026-11-09", "0", "0.5", "no", "", "0", "0", "0"],
        ["2026-11-16", "2", "1.1", "yes", "2", "0", "1", "8"],
    ]


def test_the_standards_report_ranks_the_hardest_targets_and_the_bottlenecks(client, week, bank):
    from assessments.services import prerequisite_add

    prerequisite_add(prerequisite=bank.ratios, target=bank.rates)
    take(week)
    client.force_login(week.world.school_admin)
    url = reverse("analytics-school-standards", args=[week.world.school.pk])
    targets = csv_rows(client.get(url, {"format": "csv", "table": "targets"}))
    assert [row[:2] + row[3:] for row in targets[1:]] == [
        ["6.RP.A.1", "6", "3", "3", "2", "66.7"],
        ["6.RP.A.2", "6", "3", "2", "1", "50"],
    ]
    # One learner is assessed and not proficient on ratios, and rates builds on it
    bottlenecks = csv_rows(client.get(url, {"format": "csv", "table": "bottlenecks"}))
    assert [row[:2] + row[3:] for row in bottlenecks[1:]] == [["6.RP.A.1", "6", "1", "1", "1"]]
    assert client.get(url, {"grade": "7"}).status_code == 200
    assert client.get(url, {"grade": "Z"}).status_code == 404


def test_an_unknown_table_is_404_and_a_refresh_only_takes_posts(client, week):
    take(week)
    client.force_login(week.world.school_admin)
    url = reverse("analytics-school", args=[week.world.school.pk])
    assert client.get(url, {"format": "csv", "table": "nope"}).status_code == 404
    assert client.get(reverse("analytics-school-refresh", args=[week.world.school.pk])).status_code == 405


def test_before_any_snapshot_the_dashboard_says_so_and_offers_a_refresh(client, world):
    client.force_login(world.school_admin)
    page = client.get(reverse("analytics-school", args=[world.school.pk]))
    assert "No snapshot has been taken yet" in page.content.decode()
    assert reverse("analytics-school-refresh", args=[world.school.pk]) in page.content.decode()


def test_the_status_says_how_many_batches_are_done_while_a_snapshot_is_taken(client, week, monkeypatch):
    # Given the night's snapshot of Lincoln cut into two batches, one of them done
    monkeypatch.setattr(services, "SNAPSHOT_BATCH_SIZE", 2)
    sent = services.nightly_snapshots_start(now=at(AS_OF + datetime.timedelta(days=1), 3, 5))
    lincoln = [batch for batch in sent if batch.run.school_id == week.world.school.pk]
    services.snapshot_batch_take(batch_id=lincoln[0].pk)
    client.force_login(week.world.school_admin)
    status = client.get(reverse("analytics-school-status", args=[week.world.school.pk])).json()
    # Then it says so, and which snapshot the page shows meanwhile (the week before's)
    assert {key: status[key] for key in ("running", "batches", "done", "as_of")} == {
        "running": True,
        "batches": 2,
        "done": 1,
        "as_of": "2026-11-09",
    }
    page = client.get(reverse("analytics-school", args=[week.world.school.pk])).content.decode()
    assert "1 of 2 batches done" in page


def test_the_dashboard_polls_the_snapshots_progress_with_htmx_and_reloads_when_it_is_done(client, week, monkeypatch):
    # Given the night's snapshot of Lincoln cut into two batches, one of them done
    monkeypatch.setattr(services, "SNAPSHOT_BATCH_SIZE", 2)
    sent = services.nightly_snapshots_start(now=at(AS_OF + datetime.timedelta(days=1), 3, 5))
    lincoln = [batch for batch in sent if batch.run.school_id == week.world.school.pk]
    services.snapshot_batch_take(batch_id=lincoln[0].pk)
    client.force_login(week.world.school_admin)
    status_url = reverse("analytics-school-status", args=[week.world.school.pk])
    # the dashboard's progress line asks htmx to poll the status every 2 s
    page = client.get(reverse("analytics-school", args=[week.world.school.pk])).content.decode()
    assert f'hx-get="{status_url}" hx-trigger="every 2s" hx-swap="innerHTML"' in page
    assert "dashboard.js" not in page

    # While it runs, htmx gets the progress line to swap in, rendered by the server
    running = client.get(status_url, headers={"HX-Request": "true"})
    html = running.content.decode()
    assert running.status_code == 200 and "HX-Refresh" not in running
    assert '<span id="snapshot-progress-text">1 of 2 batches done</span>' in html
    assert '<progress id="snapshot-progress" max="2" value="1">' in html
    assert "<html" not in html
    assert "HX-Request" in running["Vary"]
    # a client that asks for JSON still gets JSON
    assert client.get(status_url, HTTP_ACCEPT="application/json").json()["done"] == 1

    # When the last batch is done, htmx is told to reload the page (which then shows the new figures)
    services.snapshot_batch_take(batch_id=lincoln[1].pk)
    done = client.get(status_url, headers={"HX-Request": "true"})
    assert (done.status_code, done["HX-Refresh"], done.content) == (200, "true", b"")
    page = client.get(reverse("analytics-school", args=[week.world.school.pk])).content.decode()
    assert "Figures as of the end of" in page and "hx-get" not in page


@pytest.mark.parametrize("role", ["anonymous", "teacher", "other_school_admin"])
def test_the_htmx_status_keeps_the_dashboards_permissions(client, week, role):
    world = week.world
    if role != "anonymous":
        client.force_login(person(world, role))
    for url in (
        reverse("analytics-school-status", args=[world.school.pk]),
        reverse("analytics-district-status", args=[world.district.pk]),
    ):
        response = client.get(url, headers={"HX-Request": "true"})
        assert response.status_code == (302 if role == "anonymous" else 404), url
        assert "HX-Refresh" not in response


def test_the_district_status_answers_htmx_too(client, week):
    client.force_login(week.world.district_admin)
    response = client.get(
        reverse("analytics-district-status", args=[week.world.district.pk]), headers={"HX-Request": "true"}
    )
    assert response["HX-Refresh"] == "true"  # nothing is being taken: the page is up to date once reloaded


def test_dashboards_run_the_same_number_of_queries_for_one_school_or_many(client, week, django_assert_max_num_queries):
    # Given a district of two schools with learners, then of six
    client.force_login(week.world.district_admin)
    district_url = reverse("analytics-district", args=[week.world.district.pk])
    take(week)
    with django_assert_max_num_queries(14):
        assert client.get(district_url).status_code == 200
    for number in range(4):
        school = type(week.world.school).objects.create(
            district=week.world.district, name=f"Extra {number}", slug=f"extra-{number}"
        )
        for learner in range(3):
            LearnerFactory(school=school, username=f"extra-{number}-{learner}", grade="6")
    week.schools = list(type(week.world.school).objects.all())
    take(week)
    with django_assert_max_num_queries(14):
        assert client.get(district_url).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("analytics-school", args=[week.world.school.pk])).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("analytics-section", args=[week.world.section.pk])).status_code == 200


@pytest.mark.parametrize(
    "model", ["snapshotrun", "snapshotbatch", "learnersnapshot", "groupsnapshot", "targetsnapshot"]
)
def test_the_admin_lists_snapshots_read_only_and_only_the_admins_schools(client, week, model):
    take(week)
    for user in (week.world.school_admin, week.world.other_school_admin):
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    client.force_login(week.world.school_admin)
    listing = client.get(reverse(f"admin:analytics_{model}_changelist"))
    assert listing.status_code == 200 and listing.context["cl"].result_count > 0
    client.force_login(week.world.other_school_admin)
    shown = client.get(reverse(f"admin:analytics_{model}_changelist")).context["cl"].queryset
    school = "run__school" if model == "snapshotbatch" else "school"
    assert not shown.filter(**{school: week.world.school}).exists()
    assert client.get(reverse(f"admin:analytics_{model}_add")).status_code == 403


def test_the_breadcrumb_links_only_the_pages_the_admin_may_open(client, week):
    take(week)
    district_url = reverse("analytics-district", args=[week.world.district.pk])
    section_url = reverse("analytics-section", args=[week.world.section.pk])
    client.force_login(week.world.school_admin)
    page = client.get(section_url).content.decode()
    assert "<li>Riverside</li>" in page and district_url not in page
    client.force_login(week.world.district_admin)
    assert f'<li><a href="{district_url}">Riverside</a></li>' in client.get(section_url).content.decode()
