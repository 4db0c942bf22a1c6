"""The assessments API: the student's attempt flow and the teacher's actions, each scoped (404 out of scope)."""

import json

import pytest
from django.urls import reverse

from assessments import services
from assessments.models import Assessment, Assignment, Attempt, Item, Response
from tests.conftest import item_ids
from tests.conftest import ROLES, person

pytestmark = pytest.mark.django_db


def post(client, url, body=None):
    return client.post(url, data=json.dumps(body or {}), content_type="application/json")


def rows():
    return (
        list(Attempt.objects.values()),
        list(Response.objects.values()),
        list(Assessment.objects.values()),
        list(Assignment.objects.values()),
        list(Item.objects.values()),
    )


def test_a_student_takes_an_exit_ticket_through_the_api(client, world, exit_ticket, django_capture_on_commit_callbacks):
    client.force_login(world.student)
    # Start: the items come without keys or feedback
    started = post(client, reverse("api-attempt-start", args=[exit_ticket.pk]))
    assert started.status_code == 201
    body = started.json()
    assert [item["type"] for item in body["items"]] == ["single_choice", "numeric", "comparison"]
    assert body["items"][0]["choices"] == [{"id": "a", "text": "2:3"}, {"id": "b", "text": "3:2"}]
    assert "key" not in body["items"][0] and "feedback" not in body["items"][0]
    choice, numeric, compare = item_ids(exit_ticket)
    # Autosave, then a bad shape gets a 400 naming the item
    saved = client.put(
        reverse("api-attempt-answer", args=[body["id"], numeric]),
        data=json.dumps({"answer": "0.75"}),
        content_type="application/json",
    )
    assert saved.status_code == 200 and saved.json()["answer"] == "0.75"
    bad = post(client, reverse("api-attempt-submit", args=[body["id"]]), {"answers": {str(choice): "q"}})
    assert bad.status_code == 400
    assert bad.json()["errors"] == {str(choice): ["'q' is not a choice of this question."]}
    # Submit: score, answers and feedback as the teacher allowed
    with django_capture_on_commit_callbacks(execute=True):
        done = post(
            client, reverse("api-attempt-submit", args=[body["id"]]), {"answers": {str(choice): "b", str(compare): "<"}}
        )
    result = done.json()
    assert (done.status_code, result["status"], result["points"], result["max_points"]) == (
        200,
        "scored",
        "2.00",
        "3.00",
    )
    assert [(item["correct"], item["feedback"]) for item in result["items"]] == [
        (False, "That compares sugar to flour; the question asks flour to sugar."),
        (True, ""),
        (True, ""),
    ]


# role -> status for GET of world.student's attempt
ATTEMPT_STATUS = {
    "anonymous": 403,
    "student": 200,
    "other_student": 404,
    "teacher": 200,
    "other_teacher": 404,
    "school_admin": 200,
    "other_school_admin": 404,
    "district_admin": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_an_attempt(client, world, exit_ticket, role):
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    if role != "anonymous":
        client.force_login(person(world, role))
    assert client.get(reverse("api-attempt-detail", args=[attempt.pk])).status_code == ATTEMPT_STATUS[role]


@pytest.mark.parametrize("role", ["other_student", "teacher", "other_teacher", "school_admin"])
def test_nobody_else_can_answer_or_submit_a_students_attempt(client, world, exit_ticket, role):
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    client.force_login(person(world, role))
    before = rows()
    response = post(client, reverse("api-attempt-submit", args=[attempt.pk]), {"answers": {}})
    assert response.status_code in (400, 404)
    assert "detail" in response.json()
    assert rows() == before


def test_a_student_outside_the_section_cannot_start(client, world, exit_ticket):
    client.force_login(world.stranger_student_profile.user)
    before = rows()
    assert post(client, reverse("api-attempt-start", args=[exit_ticket.pk])).status_code == 404
    assert rows() == before


def test_a_teacher_builds_generates_and_assigns(client, world, bank):
    client.force_login(world.teacher)
    built = post(
        client,
        reverse("api-assessment-create"),
        {
            "title": "Ratios check",
            "kind": "exit_ticket",
            "items": [bank.items.choice.pk, bank.items.numeric.pk, bank.items.compare.pk],
        },
    )
    assert built.status_code == 201
    generated = post(
        client,
        reverse("api-assessment-generate"),
        {"title": "Tomorrow", "kind": "exit_ticket", "targets": ["6.RP.A.1", "6.RP.A.2"]},
    )
    assert generated.status_code == 201 and len(generated.json()["items"]) == 4
    assigned = post(
        client,
        reverse("api-assignment-create", args=[generated.json()["id"]]),
        {
            "section": world.section.pk,
            "opens_at": "2026-11-24T08:00:00-06:00",
            "due_at": "2026-11-24T15:00:00-06:00",
            "students": [world.student.pk],
        },
    )
    assert assigned.status_code == 201
    assignment = Assignment.objects.get(pk=assigned.json()["id"])
    assert list(assignment.students.values_list("username", flat=True)) == ["student"]


@pytest.mark.parametrize(
    "url_name, body, field, message",
    [
        (
            "api-assessment-generate",
            {"title": "X", "kind": "quiz", "targets": ["9.ZZ.A.1"]},
            "targets",
            "No learning target has the code 9.ZZ.A.1.",
        ),
        (
            "api-assessment-create",
            {"title": "X", "kind": "exit_ticket", "items": ["a"]},
            "items",
            "Must be a list of ids.",
        ),
        ("api-assessment-create", {"kind": "quiz", "items": []}, "title", "This field is required."),
    ],
)
def test_bad_build_requests_get_a_400_naming_the_field(client, world, bank, url_name, body, field, message):
    client.force_login(world.teacher)
    before = rows()
    response = post(client, reverse(url_name), body)
    assert response.status_code == 400
    assert message in " ".join(response.json()["errors"][field])
    assert rows() == before


def test_a_teacher_of_another_section_cannot_assign_to_this_one(client, world, bank):
    client.force_login(world.other_teacher)
    assessment = services.assessment_create(
        title="Q", kind="quiz", school=world.school, created_by=world.other_teacher, items=[bank.items.choice]
    )
    before = rows()
    response = post(
        client,
        reverse("api-assignment-create", args=[assessment.pk]),
        {"section": world.section.pk, "opens_at": "2026-11-24T08:00:00Z", "due_at": "2026-11-25T08:00:00Z"},
    )
    assert response.status_code == 404
    assert rows() == before
