"""Teachers' own content: writing items and activities, changing an assessment's questions before anyone takes it,
and each item's statistics from real answers; through the services, the pages and the API."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import authoring, selectors
from assessments import services as assessment_services
from assessments.item_stats import separation
from assessments.models import Assessment, Item
from playlists.models import Activity
from tests.factories import TeacherFactory

NUMERIC_FORM = {
    "item_type": "numeric",
    "stem": "A bag of 4 apples costs $3. What does **one** apple cost, in dollars?",
    "targets": "6.RP.A.2",
    "numeric_value": "3/4",
    "numeric_tolerance": "",
    "difficulty": "2",
    "max_points": "1",
    "hints": "Divide the cost by the number of apples.",
    "worked_solution": "3 ÷ 4 = 0.75, so $0.75.",
}
ACTIVITY_FORM = {
    "title": "Unit prices at the market",
    "description": "Compare prices per pound.",
    "targets": "6.RP.A.2",
    "modality": "reading",
    "expected_minutes": "15",
    "difficulty": "2",
    "url": "",
    "body": "## Unit prices\n\nA *unit price* is the cost of **one** unit.",
    "interest_tags": "cooking, shopping",
}


def _ticket(world, bank, items, *, opens_in_hours=-1):
    assessment = assessment_services.assessment_create(
        title="Rates exit ticket",
        kind=Assessment.Kind.EXIT_TICKET,
        school=world.school,
        created_by=world.teacher,
        items=items,
    )
    now = timezone.now()
    return assessment_services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now + datetime.timedelta(hours=opens_in_hours),
        due_at=now + datetime.timedelta(days=1),
        assigned_by=world.teacher,
    )


def test_a_teacher_writes_an_item_and_an_activity_adds_the_item_to_an_exit_ticket_and_sees_its_statistics(
    client, world, bank
):
    # Given the teacher writes a numeric item and an activity in the browser
    client.force_login(world.teacher)
    response = client.post(reverse("teach-bank-item-new"), NUMERIC_FORM)
    item = Item.objects.get(source="teacher", school=world.school)
    assert response.status_code == 302 and response.url == reverse("teach-bank-item", args=[item.pk])
    assert (item.item_type, item.key, item.created_by, list(item.targets.all())) == (
        "numeric",
        {"value": "3/4", "tolerance": "0"},
        world.teacher,
        [bank.rates],
    )
    assert item.hints == ["Divide the cost by the number of apples."]
    response = client.post(reverse("teach-bank-activity-new"), ACTIVITY_FORM)
    activity = Activity.objects.get(school=world.school)
    assert response.status_code == 302 and response.url == reverse("teach-bank-activity", args=[activity.pk])
    assert (activity.title, activity.modality, activity.interest_tags) == (
        "Unit prices at the market",
        "reading",
        ["cooking", "shopping"],
    )
    # and adds the item to an exit ticket nobody has started
    assignment = _ticket(world, bank, [bank.items.choice, bank.items.numeric, bank.items.compare])
    response = client.post(
        reverse("teach-assessment-questions", args=[assignment.assessment_id]), {"action": "add", "item": item.pk}
    )
    assert response.status_code == 302
    assert list(assignment.assessment.assessment_items.order_by("position").values_list("item_id", flat=True)) == [
        bank.items.choice.pk,
        bank.items.numeric.pk,
        bank.items.compare.pk,
        item.pk,
    ]
    # When a student of theirs answers it, and another gets it wrong
    for learner, answer in ((world.student, "0.75"), (world.other_student, "1 1/3")):
        attempt = assessment_services.attempt_start(assignment=assignment, learner=learner)
        assessment_services.attempt_submit(
            attempt=attempt,
            learner=learner,
            answers={
                str(bank.items.choice.pk): "a",
                str(bank.items.numeric.pk): "3/4",
                str(bank.items.compare.pk): "<",
                str(item.pk): answer,
            },
        )
    # Then the item's statistics show both answers
    page = client.get(reverse("teach-bank-item", args=[item.pk])).content.decode()
    assert '<dd id="stat-answers">2</dd>' in page
    assert '<dd id="stat-share">50% (1 of 2)</dd>' in page
    assert "<td>1 1/3</td><td>1</td>" in page
    assert f'href="{reverse("teach-assessment-questions", args=[assignment.assessment_id])}"' in page
    # and another school's teacher sees neither the item nor the activity
    client.force_login(TeacherFactory(school=world.other_school, username="jefferson-teacher"))
    for url in (
        reverse("teach-bank-item", args=[item.pk]),
        reverse("teach-bank-item-edit", args=[item.pk]),
        reverse("teach-bank-activity", args=[activity.pk]),
        reverse("teach-bank-activity-edit", args=[activity.pk]),
        reverse("api-bank-item", args=[item.pk]),
        reverse("api-bank-activity", args=[activity.pk]),
        reverse("api-bank-item-statistics", args=[item.pk]),
    ):
        assert client.get(url).status_code == 404, url
    listed = client.get(reverse("teach-bank") + "?origin=school").content.decode()
    assert "A bag of 4 apples" not in listed
    assert "Unit prices at the market" not in client.get(reverse("teach-bank-activities")).content.decode()


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"numeric_value": "three quarters"}, "numeric_value", "The key's value 'three quarters' is not a number"),
        ({"numeric_value": ""}, "numeric_value", "is not a number"),
        ({"numeric_tolerance": "-1"}, "numeric_tolerance", "The key's tolerance cannot be negative."),
        ({"targets": "6.RP.A.2, 9.ZZ.Z.9"}, "targets", "No learning target has the code 9.ZZ.Z.9."),
        ({"stem": "<script>alert(1)</script>"}, "stem", "script"),
        ({"item_type": "single_choice", "choice_1": "Yes", "choice_2": "No"}, "correct", "Tick the right choice."),
        (
            {"item_type": "single_choice", "choice_1": "Yes", "correct": ["a"]},
            "choice_1",
            "Write at least two choices.",
        ),
        (
            {"item_type": "single_choice", "choice_1": "Yes", "choice_2": "No", "correct": ["a", "b"]},
            "correct",
            "tick only one",
        ),
        ({"item_type": "short_text", "accepted": "  "}, "accepted", "List at least one accepted answer."),
        (
            {"item_type": "open_response", "rubric_levels": "Good", "rubric_criteria": "Method"},
            "rubric_levels",
            "is not “label = points”",
        ),
    ],
)
def test_bad_item_input_gets_a_message_on_its_field_and_writes_nothing(client, world, bank, fields, field, message):
    client.force_login(world.teacher)
    before = Item.objects.count()
    response = client.post(reverse("teach-bank-item-new"), {**NUMERIC_FORM, **fields})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field]), errors
    assert Item.objects.count() == before


def test_the_api_refuses_a_numeric_key_that_is_not_a_number_naming_the_field(client, world, bank):
    client.force_login(world.teacher)
    before = Item.objects.count()
    response = client.post(
        reverse("api-bank-items"),
        {
            "item_type": "numeric",
            "stem": "One apple?",
            "targets": ["6.RP.A.2"],
            "key": {"value": "abc"},
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["key"] == [
        "The key's value 'abc' is not a number: Type a number such as 3/4, 0.75 or 1 1/2."
    ]
    assert Item.objects.count() == before


def test_the_api_reads_an_items_text_as_the_pages_do_refusing_control_characters(client, world, bank):
    client.force_login(world.teacher)
    before = Item.objects.count()
    response = client.post(
        reverse("api-bank-items"),
        {"item_type": "short_text", "stem": "Ring the bell\x07", "targets": ["6.RP.A.2"], "hints": ["a\x1bb"]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "stem": ["Must not contain control characters such as NUL."],
        "hints": ["0: Must not contain control characters such as NUL."],
    }
    assert Item.objects.count() == before


def test_the_api_writes_and_changes_an_item_of_the_teachers_school(client, world, bank):
    client.force_login(world.teacher)
    response = client.post(
        reverse("api-bank-items"),
        {
            "item_type": "single_choice",
            "stem": "Which is a rate?",
            "targets": ["6.RP.A.2"],
            "choices": [{"id": "a", "text": "3 miles per hour"}, {"id": "b", "text": "3 miles"}],
            "key": {"correct": "a"},
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["school"], body["targets"], body["key"], body["source"]) == (
        world.school.pk,
        ["6.RP.A.2"],
        {"correct": "a"},
        "teacher",
    )
    response = client.patch(
        reverse("api-bank-item", args=[body["id"]]), {"stem": "Which one is a rate?"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["stem"] == "Which one is a rate?"
    listed = client.get(reverse("api-bank-items") + "?origin=school").json()
    assert [row["id"] for row in listed["results"]] == [body["id"]]


def test_the_shared_bank_is_read_only_to_teachers(client, world, bank):
    client.force_login(world.teacher)
    shared = bank.items.numeric
    assert client.get(reverse("teach-bank-item", args=[shared.pk])).status_code == 200
    assert client.get(reverse("teach-bank-item-edit", args=[shared.pk])).status_code == 404
    response = client.patch(
        reverse("api-bank-item", args=[shared.pk]), {"stem": "Changed"}, content_type="application/json"
    )
    assert response.status_code == 404
    shared.refresh_from_db()
    assert shared.stem == "Cost of one pound?"


def test_questions_change_until_the_first_student_starts(client, world, bank):
    own = authoring.item_write(
        author=world.teacher,
        school=world.school,
        item_type="numeric",
        stem="2 for $1: one?",
        targets=[bank.rates],
        key={"value": "1/2"},
    )
    assignment = _ticket(world, bank, [bank.items.choice, bank.items.numeric, bank.items.compare])
    assessment = assignment.assessment
    authoring.assessment_item_swap(assessment=assessment, old_item=bank.items.numeric, new_item=own, by=world.teacher)
    assert list(assessment.assessment_items.order_by("position").values_list("item_id", flat=True)) == [
        bank.items.choice.pk,
        own.pk,
        bank.items.compare.pk,
    ]
    authoring.assessment_item_remove(assessment=assessment, item=bank.items.compare, by=world.teacher)
    assessment_services.attempt_start(assignment=assignment, learner=world.student)
    client.force_login(world.teacher)
    response = client.post(
        reverse("teach-assessment-questions", args=[assessment.pk]),
        {"action": "add", "item": bank.items.text.pk},
        follow=True,
    )
    assert "A student has started this assessment; its questions can no longer change." in response.content.decode()
    assert list(assessment.assessment_items.order_by("position").values_list("item_id", flat=True)) == [
        bank.items.choice.pk,
        own.pk,
    ]


def test_an_item_of_another_school_cannot_go_into_an_assessment(world, bank):
    other_teacher = TeacherFactory(school=world.other_school, username="jefferson-teacher")
    theirs = authoring.item_write(
        author=other_teacher,
        school=world.other_school,
        item_type="comparison",
        stem="1/2 _ 1/3",
        targets=[bank.ratios],
        key={"correct": ">"},
    )
    assignment = _ticket(world, bank, [bank.items.choice, bank.items.numeric, bank.items.compare])
    with pytest.raises(Exception, match="retired or belongs to another school"):
        authoring.assessment_item_add(assessment=assignment.assessment, item=theirs, by=world.teacher)
    assert assignment.assessment.assessment_items.count() == 3


def test_changing_an_answered_items_key_rescores_its_answers(world, bank):
    own = authoring.item_write(
        author=world.teacher,
        school=world.school,
        item_type="numeric",
        stem="Half of 3?",
        targets=[bank.rates],
        key={"value": "1.6"},
    )
    assignment = _ticket(world, bank, [bank.items.choice, bank.items.compare, own])
    attempt = assessment_services.attempt_start(assignment=assignment, learner=world.student)
    assessment_services.attempt_submit(attempt=attempt, learner=world.student, answers={str(own.pk): "1.5"})
    assert attempt.responses.get(item=own).correct is False
    authoring.item_update(item=own, by=world.teacher, key={"value": "3/2", "tolerance": "0"})
    own.refresh_from_db()
    assert (own.key, own.key_version) == ({"value": "3/2", "tolerance": "0"}, 2)
    assert attempt.responses.get(item=own).correct is True
    with pytest.raises(Exception, match="its type cannot change"):
        authoring.item_update(item=own, by=world.teacher, item_type="short_text", key={"accepted": ["1.5"]})


def test_the_live_preview_renders_the_question_and_its_right_answer(client, world, bank):
    client.force_login(world.teacher)
    response = client.post(
        reverse("teach-bank-item-preview"),
        {
            **NUMERIC_FORM,
            "numeric_tolerance": "0.01",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "What does <strong>one</strong> apple cost" in html
    assert "<strong>Right answer:</strong> 3/4 (give or take 0.01)" in html
    assert "3 ÷ 4 = 0.75, so $0.75." in html
    broken = client.post(reverse("teach-bank-item-preview"), {**NUMERIC_FORM, "numeric_value": "x"}).content.decode()
    assert "Right answer (a number): The key&#x27;s value &#x27;x&#x27; is not a number" in broken
    activity = client.post(reverse("teach-bank-activity-preview"), ACTIVITY_FORM).content.decode()
    assert "<h2>Unit prices</h2>" in activity and "<em>unit price</em>" in activity


def test_the_editors_post_to_their_previews_with_htmx(client, world, bank):
    client.force_login(world.teacher)
    # The item and activity editors: htmx posts the form 300 ms after the last change, into #preview, and a newer
    # change replaces a request still under way (so a stale preview never lands)
    for page_url, preview_url in (
        (reverse("teach-bank-item-new"), reverse("teach-bank-item-preview")),
        (reverse("teach-bank-activity-new"), reverse("teach-bank-activity-preview")),
    ):
        html = client.get(page_url).content.decode()
        assert f'hx-post="{preview_url}" hx-trigger="input delay:300ms, change delay:300ms"' in html
        assert 'hx-target="#preview" hx-swap="innerHTML" hx-sync="this:replace"' in html
        assert '<div id="preview" aria-live="polite">' in html
        assert 'name="csrfmiddlewaretoken"' in html  # hx-post sends the form's token with its fields
        assert "data-preview-url" not in html
    # an item being edited has its preview asked for as soon as the page loads too
    item = authoring.item_write(
        author=world.teacher,
        school=world.school,
        item_type="comparison",
        stem="3/4 _ 2/3",
        targets=[bank.ratios],
        key={"correct": ">"},
    )
    html = client.get(reverse("teach-bank-item-edit", args=[item.pk])).content.decode()
    assert 'hx-trigger="load, input delay:300ms, change delay:300ms"' in html

    # htmx's request gets the fragment alone, as any other
    response = client.post(reverse("teach-bank-item-preview"), NUMERIC_FORM, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "What does <strong>one</strong> apple cost" in response.content.decode()
    assert "<html" not in response.content.decode()


def test_only_staff_get_the_previews(client, world):
    client.force_login(world.student)
    assert (
        client.post(reverse("teach-bank-item-preview"), NUMERIC_FORM, headers={"HX-Request": "true"}).status_code == 404
    )
    assert client.post(reverse("teach-bank-activity-preview"), ACTIVITY_FORM).status_code == 404
    client.logout()
    assert client.post(reverse("teach-bank-item-preview"), NUMERIC_FORM).status_code == 302


def test_the_bank_filters_by_grade_domain_target_and_origin_in_a_bounded_number_of_queries(
    client, world, bank, django_assert_max_num_queries
):
    own = authoring.item_write(
        author=world.teacher,
        school=world.school,
        item_type="comparison",
        stem="3/4 _ 2/3",
        targets=[bank.ratios],
        key={"correct": ">"},
    )
    client.force_login(world.teacher)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("teach-bank"))
    assert [item.pk for item in page.context["page"]][0] == own.pk
    assert page.context["page"].paginator.count == 7

    def listed(query):
        return [item.pk for item in client.get(reverse("teach-bank") + query).context["page"]]

    assert listed("?origin=school") == [own.pk]
    assert listed(f"?target={bank.rates.pk}") == [bank.items.open.pk, bank.items.compare.pk, bank.items.numeric.pk]
    assert len(listed("?grade=6")) == 7 and listed("?grade=7") == []
    assert listed("?grade=6&domain=RP&type=numeric") == [bank.items.numeric.pk]
    assert listed("?q=pound") == [bank.items.numeric.pk]
    assert listed("?target=abc&type=nonsense&origin=x&page=99")  # a link gone wrong shows the bank


@pytest.mark.parametrize(
    "pairs, expected",
    [
        ([(True, 0.9), (True, 0.8), (True, 0.7), (False, 0.3), (False, 0.2)], 0.97),  # numpy.corrcoef gives 0.97
        ([(False, 0.9), (False, 0.8), (True, 0.3), (True, 0.2), (True, 0.1)], -0.98),
        ([(True, 0.5), (False, 0.5), (True, 0.5), (False, 0.5), (True, 0.5)], None),
        ([(True, 0.9), (False, 0.1)], None),
    ],
)
def test_separation_is_the_point_biserial_correlation_with_the_rest_score(pairs, expected):
    assert separation(pairs).value == expected


def test_statistics_count_only_the_askers_schools_answers(world, bank):
    assignment = _ticket(world, bank, [bank.items.choice, bank.items.numeric, bank.items.compare])
    attempt = assessment_services.attempt_start(assignment=assignment, learner=world.student)
    assessment_services.attempt_submit(attempt=attempt, learner=world.student, answers={str(bank.items.choice.pk): "b"})
    mine = selectors.item_statistics(user=world.teacher, item=bank.items.choice)
    assert (mine.answers, mine.right, mine.wrong_answers) == (1, 0, [("3:2", 1)])
    other_teacher = TeacherFactory(school=world.other_school, username="jefferson-teacher")
    assert selectors.item_statistics(user=other_teacher, item=bank.items.choice).answers == 0


def test_an_activity_needs_a_body_or_an_address(client, world, bank):
    client.force_login(world.teacher)
    response = client.post(reverse("teach-bank-activity-new"), {**ACTIVITY_FORM, "body": "", "url": ""})
    assert "Write the activity here, or give the address where it lives." in response.content.decode()
    assert not Activity.objects.filter(school=world.school).exists()
    response = client.post(
        reverse("api-bank-activities"),
        {
            "title": "Rates video",
            "targets": ["6.RP.A.2"],
            "modality": "video",
            "expected_minutes": 8,
            "url": "https://example.org/rates",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["school"] == world.school.pk
    assert Decimal(Activity.objects.get(school=world.school).expected_minutes) == 8


def test_editing_a_choice_item_keeps_its_choice_ids_so_answers_still_name_them(client, world, bank):
    own = authoring.item_write(
        author=world.teacher,
        school=world.school,
        item_type="single_choice",
        stem="Which is a rate?",
        targets=[bank.rates],
        choices=[{"id": "ChoiceA", "text": "3 miles"}, {"id": "ChoiceB", "text": "3 mph"}],
        key={"correct": "ChoiceB"},
    )
    assignment = _ticket(world, bank, [bank.items.choice, bank.items.compare, own])
    attempt = assessment_services.attempt_start(assignment=assignment, learner=world.student)
    assessment_services.attempt_submit(attempt=attempt, learner=world.student, answers={str(own.pk): "ChoiceB"})
    client.force_login(world.teacher)
    form = client.get(reverse("teach-bank-item-edit", args=[own.pk])).context["form"]
    assert (form.initial["choice_1"], form.initial["choice_2"], form.initial["correct"]) == ("3 miles", "3 mph", ["b"])
    response = client.post(
        reverse("teach-bank-item-edit", args=[own.pk]),
        {
            "item_type": "single_choice",
            "stem": "Which one is a rate?",
            "targets": "6.RP.A.2",
            "difficulty": "2",
            "max_points": "1",
            "choice_1": "3 miles",
            "choice_2": "3 miles per hour",
            "choice_3": "3 hours",
            "correct": ["b"],
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert [choice["id"] for choice in own.choices] == ["ChoiceA", "ChoiceB", "c"]
    assert own.key == {"correct": "ChoiceB"}
    assert attempt.responses.get(item=own).correct is True
