"""The teacher's assessment pages: build and assign an exit ticket, score rubric work, read a class summary."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from assessments.models import Assessment, Assignment, Attempt, Response
from learners.models import Evidence
from tests.conftest import ROLES, person


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_an_exit_ticket_for_two_targets_is_built_from_the_bank_and_assigned_in_one_step(client, classroom):
    world, bank = classroom.world, classroom.bank
    client.force_login(world.teacher)
    url = reverse("teach-exit-ticket", args=[world.section.pk])
    assert {target.code for target in client.get(url).context["targets"]} == {"6.RP.A.1", "6.RP.A.2"}

    # when the teacher ticks both ratio targets and builds the ticket
    page = client.post(
        url, {"targets": [bank.ratios.pk, bank.rates.pk], "who": "section", "show_answers": "on"}, follow=True
    )

    # then an exit ticket covering both, from the bank's closed items, is assigned to the whole section
    assessment = Assessment.objects.get(title="Exit ticket: 6.RP.A.1, 6.RP.A.2")
    assert (assessment.kind, assessment.created_by, assessment.show_answers_after_submit) == (
        "exit_ticket",
        world.teacher,
        True,
    )
    items = list(assessment.items.all())
    assert 3 <= len(items) <= 5 and not any(item.is_open for item in items)
    assert {target.code for item in items for target in item.targets.all()} == {"6.RP.A.1", "6.RP.A.2"}
    assignment = Assignment.objects.get(assessment=assessment)
    assert (assignment.section, list(assignment.students.all())) == (world.section, [])
    assert messages_of(page)[0].startswith(f"Assigned “{assessment}” ({len(items)} questions) to 2 students, due ")
    assert page.request["PATH_INFO"] == reverse("teach-summary", args=[assignment.pk])


@pytest.mark.parametrize(
    "fields, message",
    [
        ({}, "Choose one or more learning targets from the list."),
        ({"targets": ["x"]}, "Choose targets from the list."),
        ({"targets": "TARGET", "due": "2001-01-01"}, "The due date has passed; choose today or later."),
        ({"targets": "TARGET", "who": "students"}, "Tick at least one student, or give it to the whole section."),
    ],
)
def test_a_bad_exit_ticket_says_why_and_saves_nothing(client, classroom, fields, message):
    client.force_login(classroom.world.teacher)
    fields = {key: (classroom.bank.ratios.pk if value == "TARGET" else value) for key, value in fields.items()}
    before = (Assessment.objects.count(), Assignment.objects.count())

    page = client.post(reverse("teach-exit-ticket", args=[classroom.world.section.pk]), fields)

    assert page.status_code == 200 and messages_of(page) == [message]
    assert (Assessment.objects.count(), Assignment.objects.count()) == before


def test_rubric_work_is_scored_criterion_by_criterion_beside_the_students_work(
    client, classroom, django_capture_on_commit_callbacks
):
    world, response = classroom.world, classroom.open_response
    client.force_login(world.teacher)

    # the queue lists the waiting response, and its page shows the work beside the rubric
    queue = client.get(reverse("teach-scoring")).context["queue"]
    assert queue == [response]
    page = client.get(reverse("teach-score", args=[response.pk]))
    html = page.content.decode()
    assert "The unit rate is 3/4 dollar a pound because 3 divided by 4." in html
    assert "Reasoning" in html and "Precision" in html and "A complete, clear method." in html

    # when the teacher scores it (and the mastery update after the commit runs)
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            reverse("teach-score", args=[response.pk]),
            {"criterion-reasoning": "3", "criterion-precision": "0", "comment": " Label the units. "},
            follow=True,
        )

    # then the response and attempt are scored, mastery heard about it, and the queue is empty
    response.refresh_from_db()
    assert (response.rubric_levels, response.points, response.teacher_comment, response.scored_by) == (
        {"reasoning": "3", "precision": "0"},
        Decimal("3.00"),
        "Label the units.",
        world.teacher,
    )
    assert Attempt.objects.get(pk=response.attempt_id).status == Attempt.Status.SCORED
    assert Evidence.objects.filter(response=response).count() == 1
    assert messages_of(done) == [f"Scored {world.student}'s response."]
    assert list(done.context["queue"]) == []


def test_a_rubric_score_missing_a_criterion_is_refused(client, classroom):
    client.force_login(classroom.world.teacher)
    response = classroom.open_response

    page = client.post(reverse("teach-score", args=[response.pk]), {"criterion-reasoning": "3"})

    assert page.status_code == 200 and messages_of(page) == ["Choose a level for 'Precision'."]
    response.refresh_from_db()
    assert (response.scored_at, response.rubric_levels) == (None, {})


def test_the_class_summary_shows_rubric_criteria_and_the_most_missed_items_with_wrong_answers(client, classroom):
    world = classroom.world
    client.force_login(world.teacher)
    client.post(
        reverse("teach-score", args=[classroom.open_response.pk]),
        {"criterion-reasoning": "3", "criterion-precision": "0"},
    )

    rubric = client.get(reverse("teach-summary", args=[classroom.rubric_task.pk])).context["summary"]
    assert [
        (row["name"], row["scored"], row["average"], [level["count"] for level in row["levels"]])
        for row in rubric["criteria"]
    ] == [("Reasoning", 1, Decimal("3"), [0, 0, 1]), ("Precision", 1, Decimal("0"), [1, 0])]
    assert [row["name"] for row in rubric["strengths"]] == ["Reasoning"]
    assert [row["name"] for row in rubric["growth"]] == ["Precision"]

    ticket = client.get(reverse("teach-summary", args=[classroom.exit_ticket.pk]))
    items = ticket.context["summary"]["items"]
    # each item was missed by one of the two students; the wrong answers are shown as the student saw them
    assert [(row["item"].stem, row["wrong"], row["answered"], row["wrong_answers"]) for row in items] == [
        ("Flour to sugar?", 1, 2, [("3:2", 1)]),
        ("Cost of one pound?", 1, 2, [("5", 1)]),
        ("1/8 _ 4/1", 1, 2, [(">", 1)]),
    ]
    assert "“3:2” ×1" in ticket.content.decode()


def test_the_class_summary_reads_the_questions_targets_in_one_query_however_many_questions(client, classroom):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(classroom.world.teacher)
    # Given the summary of a three-question exit ticket; When it is read
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("teach-summary", args=[classroom.exit_ticket.pk]))
    # Then each question names its targets, read for all of them at once
    assert page.status_code == 200 and "6.RP.A.1" in page.content.decode()
    assert len([query for query in queries.captured_queries if "assessments_item_targets" in query["sql"]]) == 1


@pytest.mark.parametrize("role", ROLES)
def test_only_the_sections_staff_build_tickets_and_score(client, classroom, role):
    world = classroom.world
    if role != "anonymous":
        client.force_login(person(world, role))
    allowed = role in ("teacher", "school_admin", "district_admin")
    assessments = Assessment.objects.count()

    built = client.post(
        reverse("teach-exit-ticket", args=[world.section.pk]), {"targets": [classroom.bank.ratios.pk], "who": "section"}
    )
    scored = client.post(
        reverse("teach-score", args=[classroom.open_response.pk]),
        {"criterion-reasoning": "3", "criterion-precision": "1"},
    )

    if allowed:
        assert (built.status_code, scored.status_code) == (302, 302)
        assert Assessment.objects.count() == assessments + 1
        assert Response.objects.get(pk=classroom.open_response.pk).scored_at is not None
    else:
        expected = 302 if role == "anonymous" else 404
        assert (built.status_code, scored.status_code) == (expected, expected)
        assert Assessment.objects.count() == assessments
        assert Response.objects.get(pk=classroom.open_response.pk).scored_at is None
