"""The placement check in a real browser, on the demo district: demo-teacher assigns it to a grade 7 student with
extended time; the student finds it on Today, takes it one question at a time (knowing grade 6, not grade 7) and
is never shown a score; then the teacher opens the section's report and the student's."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from assessments.models import Item
from demo.seed import DEMO_PASSWORD, DEMO_TEACHER
from learners.models import LearnerProfile, PlacementAnswer, PlacementCheck
from learners.placement import MAX_QUESTIONS
from learning_platform.models import Section
from tests.e2e.conftest import accessibility_problems, sign_in


@pytest.fixture
def demo(transactional_db):
    """The demo district without its weeks of history."""
    call_command("seed_demo", "--history-weeks", "0", "--quiet", verbosity=0)


def answer_right(question, item: Item) -> None:
    """Answer a question right, in the form its control takes."""
    key = item.key
    if item.item_type in ("numeric", "short_text"):
        question.get_by_role("textbox").fill(str(key.get("value") or key["accepted"][0]))
    elif item.item_type == "comparison":
        question.locator(f'input[value="{key["correct"]}"]').check()
    else:
        right = key["correct"] if isinstance(key["correct"], list) else [key["correct"]]
        for choice in item.choices:
            if choice["id"] in right:
                question.locator(f'input[value="{choice["id"]}"]').check()
    question.get_by_role("button", name="Next").click()


def test_a_student_takes_the_placement_check_and_the_teacher_reads_it(page, demo, screenshot):
    section = Section.objects.get(name="Math 7 - Period 3", school__slug="lincoln-ms")
    student = section.enrollments.order_by("student__last_name", "student__first_name").first().student
    LearnerProfile.objects.filter(user=student).update(extended_time_factor="1.5")

    # The teacher assigns it to one student.
    sign_in(page, DEMO_TEACHER.username, DEMO_PASSWORD)
    page.goto(f"/teach/sections/{section.pk}/placement/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{section.name}: placement check")
    assert accessibility_problems(page) == []
    page.get_by_label("Only the students ticked below").check()
    page.get_by_text("Choose students").click()
    page.get_by_label(str(student), exact=True).check()
    page.get_by_role("button", name="Assign the placement check").click()
    expect(page.get_by_role("status")).to_contain_text("Assigned the placement check to 1 student")
    page.get_by_role("button", name="Sign out").click()

    # The student finds it on Today and takes it.
    sign_in(page, student.username, DEMO_PASSWORD)
    page.goto("/today/")
    banner = page.get_by_role("region", name="Let's find where you are")
    expect(banner).to_contain_text(f"{DEMO_TEACHER.first_name}")
    banner.get_by_role("link", name="Start").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Let's find where you are")
    expect(page.get_by_text("There is no timer and no score")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    asked = 0
    while page.get_by_role("button", name="I don't know").count():
        asked += 1
        assert asked <= MAX_QUESTIONS
        expect(page.get_by_text(re.compile(rf"^Question {asked}\."))).to_be_visible()
        shown = PlacementAnswer.objects.select_related("item", "target").get(
            placement__learner=student, answered_at=None
        )
        if asked == 1:
            assert accessibility_problems(page) == []
            screenshot("student-placement-question")
        question = page.locator("form.practice-form")
        if shown.target.grade == "7":
            question.get_by_role("button", name="I don't know").click()
        else:
            answer_right(question, shown.item)
        expect(page.get_by_text(re.compile("Right|Wrong|score:"))).to_have_count(0)
    expect(page.get_by_role("heading", name="Thank you! Your path now starts where you are")).to_be_visible()
    assert accessibility_problems(page) == []
    check = PlacementCheck.objects.get(learner=student)
    assert check.status == "finished" and check.answers.count() == asked
    assert any(found == "ready" for found in check.result.values())
    page.get_by_role("link", name="Go to today's path").click()
    expect(page.get_by_role("region", name="Let's find where you are")).to_have_count(0)
    page.get_by_role("button", name="Sign out").click()

    # The teacher reads the section's report and the student's.
    sign_in(page, DEMO_TEACHER.username, DEMO_PASSWORD)
    page.goto(f"/teach/sections/{section.pk}/placement/")
    expect(page.get_by_text(re.compile(r"^1 of \d+ finished\.$"))).to_be_visible()
    expect(page.get_by_role("heading", name="What the checks found, per target")).to_be_visible()
    assert accessibility_problems(page) == []
    screenshot("teacher-placement-section")
    page.get_by_role("link", name=str(student), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{student}: placement check")
    expect(page.get_by_role("heading", name=re.compile(r"^Ready to learn next \(\d+\)$"))).to_be_visible()
    assert accessibility_problems(page) == []
