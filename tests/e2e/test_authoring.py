"""Writing content in a real browser: a teacher writes a numeric question and watches the live preview follow what
they type (a mistake in the key shows up there before saving), saves it, writes an activity with its Markdown
preview, and adds the question to an exit ticket; axe finds no serious or critical problem on the pages."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from assessments import services as assessment_services
from assessments.models import Assessment, Item
from playlists.models import Activity
from tests.e2e.conftest import accessibility_problems, sign_in

PASSWORD = "correct-horse-battery"  # the factories' password (tests/factories.py)


def test_a_teacher_writes_a_question_and_an_activity_with_their_previews(page, world, bank, screenshot):
    assessment = assessment_services.assessment_create(
        title="Rates exit ticket",
        kind=Assessment.Kind.EXIT_TICKET,
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.choice, bank.items.numeric, bank.items.compare],
    )
    now = timezone.now()
    assessment_services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now,
        due_at=now + datetime.timedelta(days=1),
        assigned_by=world.teacher,
    )
    sign_in(page, world.teacher.username, PASSWORD)

    # The bank, from the teacher's day.
    page.get_by_role("link", name="Question bank").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Question bank")
    expect(page.locator("#bank-count")).to_contain_text("6 questions")
    assert accessibility_problems(page) == []

    # Writing a numeric question: only its type's fields show, and the preview follows the typing.
    page.get_by_role("link", name="Write a question").first.click()
    page.get_by_label("Type of question").select_option("numeric")
    expect(page.get_by_label("Right answer (a number)")).to_be_visible()
    expect(page.get_by_label("Choice A", exact=True)).to_be_hidden()
    page.get_by_label("Question (Markdown)").fill("A bag of 4 apples costs $3. What does **one** apple cost?")
    page.get_by_label("Learning targets (codes)").fill("6.RP.A.2")
    page.get_by_label("Right answer (a number)").fill("three quarters")
    preview = page.locator("#preview")
    expect(preview).to_contain_text("is not a number")
    page.get_by_label("Right answer (a number)").fill("3/4")
    expect(preview.locator("strong", has_text="one")).to_be_visible()
    expect(preview).to_contain_text("Right answer: 3/4")
    assert accessibility_problems(page) == []
    screenshot("item-editor")
    page.get_by_role("button", name="Save the question").click()
    expect(page.get_by_role("status")).to_contain_text("Saved the question.")
    item = Item.objects.get(school=world.school)
    assert item.key == {"value": "3/4", "tolerance": "0"}
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Question {item.pk}: numeric")
    expect(page.locator("#stat-none")).to_have_text("No student at your school has answered it yet.")
    assert accessibility_problems(page) == []

    # Writing an activity: the Markdown preview renders as students will see it.
    page.get_by_role("link", name="Write an activity").click()
    page.get_by_label("Title").fill("Unit prices at the market")
    page.get_by_label("Learning targets (codes)").fill("6.RP.A.2")
    page.get_by_label("Way of learning").select_option("reading")
    page.get_by_label("Minutes").fill("15")
    page.get_by_label("The activity (Markdown)").fill("## Unit prices\n\nA *unit price* is the cost of **one** unit.")
    expect(page.locator("#preview").get_by_role("heading", name="Unit prices")).to_be_visible()
    assert accessibility_problems(page) == []
    page.get_by_role("button", name="Save the activity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Unit prices at the market")
    assert Activity.objects.get(school=world.school).modality == "reading"

    # Adding the question to the exit ticket nobody has started.
    page.goto(f"/teach/assessments/{assessment.pk}/questions/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rates exit ticket: questions")
    assert accessibility_problems(page) == []
    page.get_by_label("Question from the bank on these targets").select_option(str(item.pk))
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Changed the questions.")
    expect(page.locator("ol.bank-list > li")).to_have_count(4)
    expect(page.locator("ol.bank-list > li").last).to_contain_text(re.compile("What does one apple cost"))
