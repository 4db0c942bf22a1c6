"""A student's day in a real browser: pick a way to learn, finish an activity, take an exit ticket with a wrong
answer on purpose, read the feedback, and watch the rebuilt path arrive with a re-teach item, without reloading.
In CI (PostgreSQL and Redis) the rebuild runs on a real Celery worker."""

import re

from django.conf import settings
from django.db import connection
from playwright.sync_api import expect

from playlists.models import PlaylistItem
from tests.e2e.conftest import SCREENSHOTS, accessibility_problems, sign_in

PASSWORD = "correct-horse-battery"  # the factories' password (tests/factories.py)
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


def on_a_phone(page, name: str) -> None:
    """Screenshot the page at a phone's size, and check that nothing scrolls sideways there."""
    page.set_viewport_size(PHONE)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, name
    page.set_viewport_size(LAPTOP)


def test_a_students_day(request, page, world, bank, catalog, exit_ticket, screenshot):
    if settings.REDIS_URL and connection.vendor == "postgresql":
        request.getfixturevalue("celery_worker_process")  # rebuilds go through Redis to a real worker
    student = world.student
    sign_in(page, student.username, PASSWORD)
    page.get_by_role("link", name="Today's path").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    assert accessibility_problems(page) == []
    screenshot("student-today")
    on_a_phone(page, "student-today-phone")

    # Pick the second way to learn the first item that offers a choice, then finish it.
    chooser = page.locator("form.choices").first
    second = chooser.get_by_role("radio").nth(1)
    picked = second.evaluate("input => input.parentElement.textContent").split("(")[0].strip()
    second.check()
    chooser.get_by_role("button", name="Pick this one").click()
    expect(page.get_by_role("status")).to_have_text(f"You picked “{picked}”.")
    item = page.locator("li.path-item").filter(has_text=picked)
    item.get_by_role("button", name="I'm done").click()
    expect(page.get_by_role("status")).to_have_text("Done! Nice work.")
    expect(page.locator("li.path-item").filter(has_text=picked)).to_contain_text("Done")
    expect(page.get_by_role("progressbar", name="Today's progress")).not_to_have_attribute("value", "0")
    assert PlaylistItem.objects.filter(playlist__learner=student, completed_at__isnull=False).count() == 1

    # Take the exit ticket: right, right, then wrong on purpose on the comparison.
    page.get_by_role("link", name="Take it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ratios exit ticket")
    assert accessibility_problems(page) == []
    page.get_by_role("group", name=re.compile("Flour to sugar")).get_by_label("2:3").check()
    page.get_by_label(re.compile("Cost of one pound")).fill("3/4")
    page.get_by_role("group", name="1/8 _ 4/1").get_by_label(re.compile("is greater than")).check()
    expect(page.locator("#saved")).to_have_text("Saved.")
    screenshot("student-assessment")
    on_a_phone(page, "student-assessment-phone")
    # Nothing is lost on a reload: the typed answer is still there.
    page.reload()
    expect(page.get_by_label(re.compile("Cost of one pound"))).to_have_value("3/4")
    page.get_by_role("button", name="Hand it in").click()

    # The feedback shows at once, and the rebuilt path arrives without a reload, with a re-teach item.
    expect(page.get_by_text("Handed in.")).to_be_visible()
    expect(page.locator("ol.results li").nth(2)).to_contain_text("Not yet")
    expect(page.locator("#path-status")).to_have_text("Your path is ready: here is what comes next.", timeout=30_000)
    expect(page.locator("#new-path li.path-item").filter(has_text="Let's try 6.RP.A.1 another way")).to_have_count(1)
    expect(page.locator("#new-path li.path-item").filter(has_text="Ratios exit ticket")).to_contain_text("Done")


def test_my_progress_has_no_serious_accessibility_problems(page, world, bank, exit_ticket):
    sign_in(page, world.student.username, PASSWORD)
    page.goto("/today/")
    page.get_by_role("link", name="My progress").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My progress")
    expect(page.get_by_role("img", name=re.compile("Share of questions right"))).to_be_visible()
    assert accessibility_problems(page) == []
    on_a_phone(page, "student-progress-phone")
