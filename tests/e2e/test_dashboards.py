"""A district admin's dashboards in a real browser: from the home page down to one student (district > school >
section > student) by following the tables' links, with each table's CSV download matching the table on the page
cell for cell; the dashboards fit a tablet and have no serious accessibility problems; while a snapshot is being
taken the dashboard shows its progress in place and reloads itself when it is done."""

import csv
import datetime
import re

from playwright.sync_api import Locator, Page, expect

from analytics import services
from learning_platform.calendar import school_today
from tests.analytics.conftest import AS_OF, at, take, week  # noqa: F401  (`week` is a fixture: a week of work at Lincoln)
from tests.e2e.conftest import accessibility_problems, sign_in

PASSWORD = "correct-horse-battery"  # the factories' password (tests/factories.py)
AS_OF_TEXT = "Monday, November 16, 2026"  # tests/analytics/conftest.py's AS_OF, as the status line writes it


def report(page: Page, caption: str) -> Locator:
    """The dashboard section whose heading is exactly `caption` (its charts, CSV link and table)."""
    heading = page.get_by_role("heading", level=2, name=caption, exact=True)
    return page.locator("section.report").filter(has=heading)


def crumbs(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Breadcrumb").get_by_role("listitem")


def table_on_page(section: Locator) -> list[list[str]]:
    """The table's heading row (`thead th`) and body rows (each `tbody tr`'s cells), as the browser shows them."""
    table = section.locator("table")
    header = [text.strip() for text in table.locator("thead th").all_inner_texts()]
    body = table.locator("tbody tr").evaluate_all(
        "rows => rows.map(row => Array.from(row.querySelectorAll('th, td'), cell => cell.innerText.trim()))"
    )
    return [header, *body]


def table_downloaded(page: Page, section: Locator) -> list[list[str]]:
    """Click the section's "Download this table (CSV)" link and read the file the browser saves."""
    with page.expect_download() as download_info:
        section.get_by_role("link", name="Download this table (CSV)").click()
    download = download_info.value
    with open(download.path(), newline="", encoding="utf-8") as file:
        return list(csv.reader(file))


def dashboard_urls(world) -> dict[str, str]:
    district, school = world.district.pk, world.school.pk
    return {
        "district": f"/analytics/districts/{district}/",
        "school": f"/analytics/schools/{school}/",
        "section": f"/analytics/sections/{world.section.pk}/",
        "student": f"/analytics/students/{world.student.pk}/",
        "district standards": f"/analytics/districts/{district}/standards/",
        "school standards": f"/analytics/schools/{school}/standards/",
    }


def test_a_district_admin_drills_down_to_a_student(page, week, screenshot):  # noqa: F811
    world = week.world
    take(week)
    student = str(world.student)

    # The district admin signs in and follows the home page's link to the district dashboard.
    sign_in(page, world.district_admin.username, PASSWORD)
    page.get_by_role("link", name="Riverside: district dashboard").click()
    expect(page).to_have_url(re.compile(rf"/analytics/districts/{world.district.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Riverside: district dashboard")
    expect(crumbs(page)).to_have_text(["Riverside"])
    expect(page.locator("#snapshot-status")).to_contain_text(f"Figures as of the end of {AS_OF_TEXT}")
    by_school = report(page, "By school")
    # Every school of the district is listed; Jefferson, without learners, with a row of zeros.
    expect(by_school.locator("tbody tr th")).to_have_text(["Jefferson Middle", "Lincoln Middle"])
    assert table_on_page(by_school) == table_downloaded(page, by_school)
    screenshot("admin-district-dashboard")

    # By school: Lincoln Middle opens the school's dashboard.
    by_school.get_by_role("link", name="Lincoln Middle", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/analytics/schools/{world.school.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Lincoln Middle: school dashboard")
    expect(crumbs(page)).to_have_text(["Riverside", "Lincoln Middle"])
    expect(crumbs(page).get_by_role("link", name="Riverside")).to_have_attribute(
        "href", f"/analytics/districts/{world.district.pk}/"
    )

    # The school's sections table, downloaded, is the table on the page.
    by_section = report(page, "By section")
    expect(by_section.locator("tbody tr")).to_have_count(2)  # Math 6 period 1 and Math 6 period 2
    sections = table_on_page(by_section)
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
    assert table_downloaded(page, by_section) == sections

    # By section: Math 6 period 1 opens the section's dashboard.
    by_section.get_by_role("link", name="Math 6 period 1", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/analytics/sections/{world.section.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Math 6 period 1: section dashboard")
    expect(crumbs(page)).to_have_text(["Riverside", "Lincoln Middle", "Math 6 period 1"])
    students_report = report(page, "Math 6 period 1: each student as of November 16")
    expect(students_report.locator("tbody tr")).to_have_count(2)  # student and other-student
    screenshot("admin-section-dashboard")

    # The section's students table, downloaded, is the table on the page.
    students = table_on_page(students_report)
    assert students[0] == [
        "Student",
        "Grade",
        "Subgroups",
        "Grade-level targets proficient",
        "Of grade-level targets",
        "Expected by now",
        "On track",
        "Growth this week",
        "Activities done",
        "Assessments handed in",
        "Minutes",
    ]
    by_name = sorted(
        [world.student, world.other_student], key=lambda user: (user.last_name, user.first_name, user.username)
    )
    assert [row[0] for row in students[1:]] == [str(user) for user in by_name]  # in last-name order
    # The student with an IEP: proficient on both targets against 1.1 expected, 1 exit ticket in 8 minutes
    assert [student, "6", "IEP", "2", "2", "1.1", "yes", "2", "0", "1", "8"] in students
    assert table_downloaded(page, students_report) == students

    # The student's row opens their progress page, under the section in the breadcrumb.
    students_report.get_by_role("link", name=student, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/analytics/students/{world.student.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{student}: progress")
    expect(crumbs(page)).to_have_text(["Riverside", "Lincoln Middle", "Math 6 period 1", student])
    expect(crumbs(page).get_by_role("link", name="Math 6 period 1")).to_have_attribute(
        "href", f"/analytics/sections/{world.section.pk}/"
    )
    expect(page.locator("span[aria-current=page]")).to_have_text(student)


def test_the_dashboards_fit_a_tablet(page, week):  # noqa: F811
    # A tablet held upright: no page scrolls sideways (the wide tables scroll inside their own .grid-scroll box).
    world = week.world
    take(week)
    sign_in(page, world.district_admin.username, PASSWORD)
    page.set_viewport_size({"width": 768, "height": 1024})
    for url in dashboard_urls(world).values():
        page.goto(url)
        expect(page.locator("table").first).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} is {overflow}px wider than a 768px tablet"


def test_the_dashboards_have_no_serious_accessibility_problems(page, week):  # noqa: F811
    world = week.world
    take(week)
    sign_in(page, world.district_admin.username, PASSWORD)
    problems = {}
    for url in dashboard_urls(world).values():
        page.goto(url)
        expect(page.locator("table").first).to_be_visible()
        found = accessibility_problems(page)
        if found:
            problems[url] = found
    assert problems == {}


def test_a_school_admin_refreshes_the_snapshot_and_sees_today(page, week):  # noqa: F811
    # Given Lincoln's dashboard shows the snapshot of AS_OF (tasks run in-process here: the refresh is done by the
    # time the page comes back; on the workers the page would show the batches done until it reloads)
    world = week.world
    take(week)
    sign_in(page, world.school_admin.username, PASSWORD)
    page.goto(f"/analytics/schools/{world.school.pk}/")
    expect(page.locator("#snapshot-status")).to_contain_text(f"Figures as of the end of {AS_OF_TEXT}")
    # When the school admin asks for a refresh
    page.get_by_role("button", name="Refresh now").click()
    # Then the page says so and shows today's figures
    expect(page.get_by_role("status").first).to_contain_text("Refreshing the school's snapshot")
    today = school_today(world.school).strftime("%A, %B %-d, %Y")
    expect(page.locator("#snapshot-status")).to_contain_text(f"Figures as of the end of {today}")


def test_the_dashboard_follows_a_snapshot_being_taken_and_reloads_when_it_is_done(page, week, monkeypatch):  # noqa: F811
    # Given the night's snapshot of Lincoln's three learners under way on the workers, one batch of three done
    world = week.world
    monkeypatch.setattr(services, "SNAPSHOT_BATCH_SIZE", 1)
    sent = services.nightly_snapshots_start(now=at(AS_OF + datetime.timedelta(days=1), 3, 5))
    batches = [batch for batch in sent if batch.run.school_id == world.school.pk]
    assert len(batches) == 3
    services.snapshot_batch_take(batch_id=batches[0].pk)
    # When the school admin opens the dashboard, it shows the week before's figures and the snapshot's progress
    sign_in(page, world.school_admin.username, PASSWORD)
    page.goto(f"/analytics/schools/{world.school.pk}/")
    status = page.locator("#snapshot-status")
    expect(status).to_contain_text("Figures as of the end of Monday, November 9, 2026")
    expect(page.locator("#snapshot-progress-text")).to_have_text("1 of 3 batches done")
    assert accessibility_problems(page) == []
    page.evaluate("window.sameDocument = true")
    # Then the progress follows the workers in place (htmx polls every 2 s; the page is not reloaded)
    services.snapshot_batch_take(batch_id=batches[1].pk)
    expect(page.locator("#snapshot-progress-text")).to_have_text("2 of 3 batches done")
    expect(page.locator("#snapshot-progress")).to_have_attribute("value", "2")
    assert page.evaluate("window.sameDocument") is True
    # And when the last batch is done the page reloads itself with the new figures
    services.snapshot_batch_take(batch_id=batches[2].pk)
    expect(status).to_contain_text(f"Figures as of the end of {AS_OF_TEXT}")
    expect(page.locator("#snapshot-progress")).to_have_count(0)
    assert page.evaluate("window.sameDocument") is None
    assert accessibility_problems(page) == []
