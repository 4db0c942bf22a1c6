"""Feedback after an exit ticket or quiz: each wrong answer shows the right answer and the worked solution when
the teacher allows it (`show_answers_after_submit`), and nothing of the key when not."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.models import Assessment


@pytest.fixture
def solved_items(bank):
    """A choice, a numeric and a comparison item on ratios, each with a worked solution."""
    return [
        services.item_create(
            item_type="single_choice",
            stem="Which ratio is **flour to sugar** for 2 cups of flour and 3 of sugar?",
            targets=[bank.ratios],
            choices=[{"id": "a", "text": "2:3"}, {"id": "b", "text": "3:2"}],
            key={"correct": "a"},
            worked_solution="Flour comes first: 2 cups of flour to 3 of sugar is **2:3**.",
        ),
        services.item_create(
            item_type="numeric",
            stem="3 pounds cost $9. What does 1 pound cost, in dollars?",
            targets=[bank.rates],
            key={"value": "3", "tolerance": "0"},
            worked_solution="1. $9 ÷ 3 = **3** dollars a pound.",
            hints=["Share the cost equally among the pounds."],
        ),
        services.item_create(
            item_type="comparison",
            stem="1/8 _ 1/4",
            targets=[bank.ratios],
            key={"correct": "<"},
            worked_solution="Eighths are smaller pieces than quarters, so 1/8 **<** 1/4.",
        ),
    ]


def taken(client, world, items, *, show_answers: bool) -> str:
    """The result page after `world.student` answered the choice and the comparison wrong and the numeric right."""
    assessment = services.assessment_create(
        title="Ratios check",
        kind=Assessment.Kind.EXIT_TICKET,
        school=world.school,
        created_by=world.teacher,
        items=items,
        show_answers_after_submit=show_answers,
    )
    now = timezone.now()
    assignment = services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now - datetime.timedelta(hours=1),
        due_at=now + datetime.timedelta(hours=2),
        assigned_by=world.teacher,
    )
    client.force_login(world.student)
    url = reverse("take-assessment", args=[assignment.pk])
    client.get(url)
    choice, numeric, comparison = items
    client.post(url, {f"item-{choice.pk}": "b", f"item-{numeric.pk}": "3", f"item-{comparison.pk}": ">"})
    return client.get(url).content.decode()


def test_a_wrong_answer_shows_the_right_answer_and_the_worked_solution_when_allowed(client, world, solved_items):
    html = taken(client, world, solved_items, show_answers=True)

    # the learner's choice reads as its text, not its id
    assert "Your answer: <strong>3:2</strong>" in html
    # each wrong answer: the right one, and the solution opened
    assert html.count("The right answer:") == 2
    assert "The right answer: <strong>2:3</strong>" in html and "The right answer: <strong>&lt;</strong>" in html
    assert "<details open><summary>How to solve it</summary>" in html
    assert "Flour comes first: 2 cups of flour to 3 of sugar is <strong>2:3</strong>." in html
    # a right answer keeps its solution, closed
    assert "<details><summary>How to solve it</summary>" in html
    # the stem is rendered from Markdown
    assert "<strong>flour to sugar</strong>" in html


def test_nothing_of_the_key_shows_when_the_teacher_does_not_allow_it(client, world, solved_items):
    html = taken(client, world, solved_items, show_answers=False)

    assert "The right answer" not in html and "How to solve it" not in html
    assert "Not yet" not in html and "Flour comes first" not in html
    assert "Your answer: <strong>3:2</strong>" in html
