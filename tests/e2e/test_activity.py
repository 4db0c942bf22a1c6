"""Activities in a real browser, on the demo district: demo-student opens every activity on her path and finds
its lesson, worked examples and practice; she answers a practice question wrong, takes a hint, answers wrong again
and gets the worked solution; then demo-teacher's mastery grid shows that practice as evidence."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from assessments import scoring
from assessments.models import PracticeResponse
from demo.seed import DEMO_PASSWORD, DEMO_STUDENT, DEMO_TEACHER
from learners.models import Evidence
from learning_platform.models import User
from playlists.models import ActivityVisit, PlaylistItem
from tests.e2e.conftest import accessibility_problems, sign_in
from tests.e2e.test_student_day import on_a_phone


@pytest.fixture
def demo(transactional_db):
    """The demo district without its weeks of history (the history takes minutes; a path needs none)."""
    call_command("seed_demo", "--history-weeks", "0", "--quiet", verbosity=0)
    return User.objects.get(username=DEMO_STUDENT.username)


def a_wrong_answer(practice: PracticeResponse):
    """An answer to the question that is surely wrong, in the form its control takes."""
    item = practice.item
    if item.item_type == "numeric":
        return "fill", str(scoring.parse_number(item.key["value"]) + 1000)
    if item.item_type == "short_text":
        return "fill", "not the answer"
    if item.item_type == "comparison":
        return "check", next(symbol for symbol in "<>=" if symbol != item.key["correct"])
    wrong = [choice for choice in item.choices if choice["id"] not in item.key["correct"]]
    return "check", wrong[0]["text"]


def answer(page, practice: PracticeResponse) -> None:
    how, value = a_wrong_answer(practice)
    question = page.locator(f"#q-{practice.pk}")
    if how == "fill":
        question.get_by_role("textbox").fill(value)
    elif practice.item.item_type == "comparison":
        question.locator(f'input[value="{value}"]').check()
    else:
        question.get_by_label(value, exact=True).check()
    question.get_by_role("button", name="Check my answer").click()


def test_demo_student_opens_every_activity_and_practises_and_the_grid_shows_it(page, demo, screenshot):
    student = demo
    sign_in(page, student.username, DEMO_PASSWORD)
    page.goto("/today/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    items = list(PlaylistItem.objects.filter(playlist__learner=student, kind="activity").order_by("position"))
    assert items, "demo-student's path has activities"

    # Every activity on her path opens with its lesson, worked examples and practice.
    for item in items:
        page.goto("/today/")
        page.locator(f"#item-{item.pk}").get_by_role("link", name=re.compile(r"^Open")).click()
        title = (item.chosen_activity or item.activity).title
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.get_by_role("region", name="Lesson")).to_be_visible()
        expect(page.get_by_role("heading", name="Worked examples")).to_be_visible()
        expect(page.locator("#practice").get_by_role("heading", name=re.compile(r"Question 1 of \d"))).to_be_visible()
        assert accessibility_problems(page) == [], title
    screenshot("student-activity")
    on_a_phone(page, "student-activity-phone")

    # On the first activity of a whole standard (the grid shows standards, not their lettered parts): wrong, a hint,
    # wrong again, then the worked solution and the right answer.
    first = next(item for item in items if item.target.parent_id is None)
    page.goto(f"/today/items/{first.pk}/activity/")
    practice = ActivityVisit.objects.get(item=first).practice_set.responses.order_by("position").first()
    assert practice.item.hints, "generated questions, which have hints, come first in practice"
    answer(page, practice)
    question = page.locator(f"#q-{practice.pk}")
    expect(question.get_by_role("status")).to_contain_text("Not yet")
    question.get_by_role("button", name="Give me a hint").click()
    expect(question.get_by_role("list", name="Hints")).to_contain_text("Hint 1:")
    answer(page, practice)
    expect(question).to_contain_text("The right answer:")
    expect(question.get_by_text("How to solve it")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Question 2 of"))).to_be_visible()
    assert accessibility_problems(page) == []
    screenshot("student-activity-solution")

    # The first answer is practice evidence, and the teacher's grid shows it on the target.
    evidence = Evidence.objects.get(learner=student, kind=Evidence.Kind.PRACTICE, practice=practice)
    target = evidence.target
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, DEMO_TEACHER.username, DEMO_PASSWORD)
    section = student.enrollments.get().section
    page.goto(f"/teach/sections/{section.pk}/grid/?scope={target.grade}:{target.domain_code}")
    cell = page.get_by_role(
        "link", name=re.compile(rf"^{re.escape(str(student))}, {re.escape(target.code)}: (?!Not started)")
    )
    expect(cell).to_be_visible()
    cell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{student} on {target.code}")
    expect(page.locator("table.trail")).to_contain_text("Practice")
    expect(page.locator("table.trail")).to_contain_text("Wrong · counts 1/2 of an exit-ticket answer")
