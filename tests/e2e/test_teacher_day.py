"""A teacher's day in a real browser: find a flagged student, open the evidence behind a red cell, pin an
activity on their path, build and assign an exit ticket for two targets, accept tomorrow's suggested groups,
and score a rubric response. Each step checks what the page shows afterwards."""

import re

from playwright.sync_api import expect

from playlists.models import PathOverride, SmallGroup
from tests.e2e.conftest import accessibility_problems, sign_in

PASSWORD = "correct-horse-battery"  # the factories' password (tests/factories.py)


def test_a_teachers_day(page, classroom, screenshot):
    world = classroom.world
    student = str(world.student)

    # The teacher signs in and lands on their day, where the student who failed 6.RP.A.1 twice is flagged.
    sign_in(page, world.teacher.username, PASSWORD)
    expect(page).to_have_url(re.compile(r"/teach/$"))
    flags = page.locator("table.flags")
    flagged = flags.get_by_role("row").filter(has_text=student)
    expect(flagged).to_contain_text("Wrong in a row")
    expect(flagged).to_contain_text("6.RP.A.1: wrong 2 times in a row")

    # The mastery grid shows a red (Attempted) cell for that student on 6.RP.A.1; it opens the evidence trail.
    page.get_by_role("link", name="Mastery grid").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Math 6 period 1: mastery grid")
    cell = page.get_by_role("link", name=f"{student}, 6.RP.A.1: Attempted")
    expect(cell).to_have_text("Attempted")
    expect(page.locator("td.cell.level-attempted").first).to_be_visible()
    screenshot("teacher-grid")
    cell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{student} on 6.RP.A.1")
    trail = page.locator("table.trail tbody tr")
    expect(trail).to_have_count(2)
    expect(trail.first).to_contain_text("Flour to sugar?")
    expect(trail.first).to_contain_text("Wrong")

    # On the student's page, the teacher pins the hands-on rates activity; the path shows it at once.
    page.get_by_role("link", name=student).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(student)
    hands_on = classroom.catalog["rates-hands-on"]
    page.get_by_label("Activity", exact=True).select_option(str(hands_on.pk))
    page.get_by_label("Note", exact=True).fill("Start with this one")
    page.get_by_role("button", name="Pin to path").click()
    expect(page.get_by_role("status")).to_contain_text(f"Pinned “{hands_on}” to {student}'s path.")
    # first among the items not yet done (the exit ticket the student handed in stays where it was, done)
    undone = page.locator("ol.path > li").filter(has_not_text="Done")
    expect(undone.first).to_contain_text(hands_on.title)
    expect(undone.first).to_contain_text("Pinned")
    expect(page.locator("ul.overrides")).to_contain_text(f"Pinned “{hands_on}”")
    expect(page.locator("ul.log")).to_contain_text(f"{world.teacher}: Pinned “{hands_on}”")
    assert PathOverride.objects.filter(learner=world.student, activity=hands_on, action="pin").count() == 1
    page.evaluate("window.scrollTo(0, 0)")
    screenshot("teacher-student-page")

    # The teacher builds an exit ticket for both ratio targets and assigns it to the section in one step.
    page.goto(f"/teach/sections/{world.section.pk}/exit-ticket/")
    page.get_by_label(re.compile(r"6\.RP\.A\.1 ")).check()
    page.get_by_label(re.compile(r"6\.RP\.A\.2 ")).check()
    page.get_by_role("button", name="Build and assign").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Exit ticket: 6.RP.A.1, 6.RP.A.2")
    expect(page.get_by_role("status")).to_contain_text("to 2 students, due")

    # Tomorrow's groups are suggested from today's exit ticket; the teacher accepts them in one action.
    page.get_by_role("link", name="Small groups").click()
    suggestions = page.locator("fieldset.group-suggestion")
    expect(suggestions).to_have_count(2)
    expect(suggestions.first).to_contain_text("6.RP.A.1: 1 student missed it")
    expect(suggestions.first.get_by_label(f"{student} (2 missed)")).to_be_checked()
    screenshot("teacher-groups")
    page.get_by_role("button", name=re.compile(r"^Schedule the ticked groups")).click()
    expect(page.get_by_role("status")).to_contain_text("Scheduled 2 small groups (2 students)")
    planned = page.locator("article.planned-group")
    expect(planned).to_have_count(2)
    expect(planned.first).to_contain_text(student)
    assert sorted(group.target.code for group in SmallGroup.objects.all()) == ["6.RP.A.1", "6.RP.A.2"]

    # Back home, the rubric work waiting leads to the scoring page, where the teacher scores it.
    page.get_by_role("link", name="Waypoint").click()
    page.get_by_role("link", name="Explain unit rates").click()
    page.get_by_role("link", name=re.compile(r"^Start scoring")).click()
    expect(page.locator("blockquote.work")).to_contain_text("The unit rate is 3/4 dollar a pound")
    page.get_by_role("group", name="Reasoning").get_by_label(re.compile(r"Proficient")).check()
    page.get_by_role("group", name="Precision").get_by_label(re.compile(r"Yes")).check()
    page.get_by_label("Comment to the student").fill("Clear method and units.")
    page.get_by_role("button", name=re.compile(r"^Save score")).click()
    expect(page.get_by_role("status")).to_contain_text(f"Scored {student}'s response.")
    expect(page.get_by_text("Nothing is waiting to be scored.")).to_be_visible()
    classroom.open_response.refresh_from_db()
    assert (classroom.open_response.rubric_levels, classroom.open_response.teacher_comment) == (
        {"reasoning": "3", "precision": "1"},
        "Clear method and units.",
    )


def test_the_teacher_pages_fit_a_tablet(page, classroom):
    # A tablet held upright: no page scrolls sideways (the grid scrolls inside its own box).
    world = classroom.world
    sign_in(page, world.teacher.username, PASSWORD)
    page.set_viewport_size({"width": 768, "height": 1024})
    for url in (
        "/teach/",
        f"/teach/sections/{world.section.pk}/grid/",
        f"/teach/learners/{world.student.pk}/",
        f"/teach/sections/{world.section.pk}/groups/",
        f"/teach/sections/{world.section.pk}/review/",
    ):
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} is {overflow}px wider than a 768px tablet"


def test_the_teacher_pages_have_no_serious_accessibility_problems(page, classroom):
    world = classroom.world
    sign_in(page, world.teacher.username, PASSWORD)
    section, student = world.section.pk, world.student.pk
    pages = [
        "/teach/",
        f"/teach/sections/{section}/grid/",
        f"/teach/learners/{student}/",
        f"/teach/learners/{student}/targets/{classroom.bank.ratios.pk}/",
        f"/teach/sections/{section}/review/",
        f"/teach/sections/{section}/units/",
        f"/teach/sections/{section}/groups/",
        f"/teach/sections/{section}/assign/",
        f"/teach/sections/{section}/exit-ticket/",
        "/teach/scoring/",
        f"/teach/responses/{classroom.open_response.pk}/score/",
        f"/teach/assignments/{classroom.exit_ticket.pk}/summary/",
    ]
    problems = {}
    for url in pages:
        page.goto(url)
        found = accessibility_problems(page)
        if found:
            problems[url] = found
    assert problems == {}
