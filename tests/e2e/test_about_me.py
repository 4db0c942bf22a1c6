"""A student tells Waypoint about themselves in a real browser, on a laptop and on a phone."""

import re

from playwright.sync_api import expect

from learners.models import LearnerGoal, LearnerProfile
from tests.e2e.conftest import accessibility_problems, sign_in

PASSWORD = "correct-horse-battery"  # the factories' password (tests/factories.py)


def test_a_student_changes_their_interests_and_sets_a_goal(page, world, bank, screenshot):
    sign_in(page, world.student.username, PASSWORD)
    page.get_by_role("link", name=re.compile("Change your interests")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("About me")
    assert accessibility_problems(page) == []

    page.get_by_label("Things I'm into").fill("skateboarding, music")
    page.get_by_label("First choice").select_option("hands_on")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status")).to_have_text("Saved. Tomorrow's path will use it.")
    expect(page.get_by_label("Things I'm into")).to_have_value("skateboarding, music")

    page.get_by_label("Standard").select_option(str(bank.ratios.pk))
    page.get_by_label("Reach it by").last.fill("2026-12-18")
    page.get_by_label("Why it matters to me").last.fill("I want to mix paint colours.")
    page.get_by_role("button", name="Set the goal").click()
    expect(page.get_by_role("status")).to_have_text("New goal: 6.RP.A.1 by December 18.")
    expect(page.locator("article.goal")).to_contain_text("6.RP.A.1")
    screenshot("student-about-me")

    profile = LearnerProfile.objects.get(user=world.student)
    assert (profile.interests, profile.preferred_modalities) == (["skateboarding", "music"], ["hands_on"])
    assert LearnerGoal.objects.get().why == "I want to mix paint colours."

    # On a phone the page fits the screen: nothing scrolls sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
