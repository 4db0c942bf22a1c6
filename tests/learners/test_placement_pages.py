"""The placement check through the platform: offered to a learner with no evidence, assigned by a teacher, taken
one question at a time on its page (never a score), logged as placement evidence, reported to the teacher per
student and per section; and the path that follows it works below grade only on what it found missing."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments import services as assessment_services
from assessments.models import Framework, Item
from learners import services
from learners.models import Evidence, MasteryState, PlacementAnswer, PlacementCheck
from learning_platform import services as platform_services
from tests.conftest import make_activity, make_target
from tests.factories import LearnerFactory

# A small framework: two grade 7 targets, each on a grade 6 one, and a grade 5 and grade 4 target further down.
TARGETS = {"7.RP.A.1": "7", "7.RP.A.2": "7", "6.RP.A.1": "6", "6.RP.A.2": "6", "5.NF.B.4": "5", "4.NF.B.4": "4"}
EDGES = [("6.RP.A.1", "7.RP.A.1"), ("6.RP.A.2", "7.RP.A.2"), ("5.NF.B.4", "6.RP.A.1"), ("4.NF.B.4", "5.NF.B.4")]
ITEMS_PER_TARGET = 4


@pytest.fixture
def ladder(world):
    """A grade 7 learner in world.section with no evidence yet, over TARGETS and EDGES, four numeric questions and
    an activity on every target."""
    framework = Framework.objects.create(name="CCSS Math", slug="ccss-math", subject="math", version="2010")
    targets = {code: make_target(framework, code, grade) for code, grade in TARGETS.items()}
    for below, above in EDGES:
        assessment_services.prerequisite_add(prerequisite=targets[below], target=targets[above])
    for number, (code, target) in enumerate(targets.items()):
        for k in range(ITEMS_PER_TARGET):
            assessment_services.item_create(
                item_type="numeric",
                stem=f"{code}: what is {number} + {k}?",
                targets=[target],
                key={"value": str(number + k), "tolerance": "0"},
            )
        make_activity(f"learn-{code.lower().replace('.', '-')}", "reading", 10, [target])
    profile = LearnerFactory(school=world.school, username="seventh", grade="7")
    platform_services.enrollment_create(
        section=world.section, student=profile.user, enrolled_on=datetime.date(2026, 8, 24)
    )
    return SimpleNamespace(learner=profile.user, targets=targets)


def right_answer(item: Item) -> str:
    return item.key["value"]


def take_through_pages(client, knows: set[str]) -> list[str]:
    """Take the open placement check on its page, answering right on the targets in `knows` and "I don't know"
    on the others; the pages shown, in order."""
    pages = []
    page = client.get(reverse("placement"))
    while page.context["question"] is not None:
        pages.append(page.content.decode())
        question = page.context["question"]
        if question.target.code in knows:
            data = {"action": "answer", "kind": "numeric", "answer": right_answer(question.item)}
        else:
            data = {"action": "dont_know"}
        sent = client.post(reverse("placement-answer", args=[question.pk]), data)
        assert sent.status_code == 302 and sent["Location"] == reverse("placement")
        page = client.get(reverse("placement"))
    pages.append(page.content.decode())
    return pages


# Offered, assigned, answered.


def test_a_learner_with_no_evidence_is_offered_it_on_today(client, world, ladder):
    client.force_login(ladder.learner)

    today = client.get(reverse("today")).content.decode()

    assert "Let's find where you are" in today and reverse("placement") in today
    assert not PlacementCheck.objects.exists()  # offered, not created, until they press Start
    page = client.get(reverse("placement")).content.decode()
    assert "There is no timer and no score" in page and ">Start</button>" in page


def test_a_learner_with_evidence_is_not_offered_one(client, world, ladder):
    services.placement_assign(teacher=world.teacher, section=world.section, student_ids=[ladder.learner.pk])
    _take(ladder.learner, knows=set())
    client.force_login(ladder.learner)

    assert services.placement_offer(learner=ladder.learner) is None
    assert "placement-heading" not in client.get(reverse("today")).content.decode()
    refused = client.post(reverse("placement"), follow=True)
    assert "There is no placement check waiting for you." in refused.content.decode()


def test_taking_it_shows_questions_and_never_a_score(client, world, ladder):
    client.force_login(ladder.learner)
    client.post(reverse("placement"))

    pages = take_through_pages(client, knows={"6.RP.A.2"})

    check = PlacementCheck.objects.get(learner=ladder.learner)
    assert check.status == "finished" and check.assigned_by is None and 2 <= check.answers.count() <= 25
    assert len(pages) == check.answers.count() + 1
    for page in pages:
        for word in ("Right", "Wrong", "score:", "Score", "% "):
            assert word not in page
    assert "Thank you! Your path now starts where you are" in pages[-1]
    assert "Question 1." in pages[0] and ">I don't know</button>" in pages[0]


def test_every_answer_is_placement_evidence_that_starts_no_run_of_failures(world, ladder):
    services.placement_assign(teacher=world.teacher, section=world.section, student_ids=[ladder.learner.pk])

    _take(ladder.learner, knows=set())

    answers = PlacementAnswer.objects.filter(placement__learner=ladder.learner)
    evidence = Evidence.objects.filter(learner=ladder.learner)
    assert evidence.count() == answers.count() and set(evidence.values_list("kind", flat=True)) == {"placement"}
    assert not evidence.filter(correct=True).exists()
    states = MasteryState.objects.filter(learner=ladder.learner)
    assert states.exists() and all(state.failure_run == 0 for state in states)
    assert all(answer.answer is None and answer.correct is False for answer in answers)  # "I don't know"


def test_the_question_shown_stays_until_it_is_answered(world, ladder):
    services.placement_offer(learner=ladder.learner)

    first = services.placement_question(learner=ladder.learner)
    again = services.placement_question(learner=ladder.learner)

    assert first == again and first.position == 1 and first.placement.status == "in_progress"


def test_a_malformed_answer_is_refused_and_writes_nothing(world, ladder):
    services.placement_offer(learner=ladder.learner)
    question = services.placement_question(learner=ladder.learner)

    with pytest.raises(ValidationError) as refused:
        services.placement_answer(learner=ladder.learner, answer_id=question.pk, answer=["1", "2"])

    assert "answer" in refused.value.message_dict
    question.refresh_from_db()
    assert question.answered_at is None and not Evidence.objects.filter(learner=ladder.learner).exists()


def test_nobody_answers_anothers_question(client, world, ladder):
    services.placement_offer(learner=ladder.learner)
    question = services.placement_question(learner=ladder.learner)
    client.force_login(world.student)

    page = client.post(reverse("placement-answer", args=[question.pk]), {"action": "dont_know"}, follow=True)

    assert "This question is not waiting for your answer." in page.content.decode()
    question.refresh_from_db()
    assert question.answered_at is None


def test_a_teacher_assigns_it_to_the_section_once(world, ladder):
    created = services.placement_assign(teacher=world.teacher, section=world.section)
    again = services.placement_assign(teacher=world.teacher, section=world.section)

    learners = {world.student.pk, world.other_student.pk, ladder.learner.pk}
    assert {check.learner_id for check in created} == learners and again == []
    assert {check.grade for check in created} == {"6", "7"}
    assert all(check.assigned_by == world.teacher and check.section == world.section for check in created)


def test_only_the_sections_teachers_assign_it_and_only_to_its_students(world, ladder):
    with pytest.raises(ValidationError):
        services.placement_assign(teacher=world.other_teacher, section=world.section)
    with pytest.raises(ValidationError) as outsider:
        services.placement_assign(
            teacher=world.teacher, section=world.section, student_ids=[world.stranger_student_profile.user_id]
        )
    assert "students" in outsider.value.message_dict
    assert not PlacementCheck.objects.exists()


# The teacher's pages.


@pytest.mark.parametrize(
    "role, status",
    [
        ("teacher", 200),
        ("other_teacher", 404),
        ("student", 404),
        ("school_admin", 200),
        ("district_admin", 200),
        ("other_school_admin", 404),
    ],
)
def test_who_opens_the_section_page(client, world, ladder, role, status):
    client.force_login(getattr(world, role))
    assert client.get(reverse("teach-placement", args=[world.section.pk])).status_code == status
    assert client.get(reverse("teach-learner-placement", args=[ladder.learner.pk])).status_code == status


def test_the_section_page_assigns_and_reports_what_the_checks_found(client, world, ladder):
    client.force_login(world.teacher)

    sent = client.post(
        reverse("teach-placement", args=[world.section.pk]),
        {"who": "chosen", "students": [ladder.learner.pk]},
        follow=True,
    )
    assert "Assigned the placement check to 1 student." in sent.content.decode()
    _take(ladder.learner, knows={"6.RP.A.2", "7.RP.A.2"})
    page = client.get(reverse("teach-placement", args=[world.section.pk]))

    check = PlacementCheck.objects.get(learner=ladder.learner)
    html = page.content.decode()
    assert page.context["finished"] == 1 and "1 of 3 finished." in html
    by_code = {row["target"].code: row for row in page.context["targets"]}
    assert set(by_code) == set(check.result)
    for code, found in check.result.items():
        assert by_code[code][found] == [ladder.learner]
    assert check.result["6.RP.A.1"] in ("not_known", "ready") and check.result["7.RP.A.2"] == "known"
    report = client.get(reverse("teach-learner-placement", args=[ladder.learner.pk])).content.decode()
    assert "Ready to learn next" in report and "Not known yet" in report and report.count("<td>") >= 5


def test_choosing_no_student_is_refused_with_why(client, world, ladder):
    client.force_login(world.teacher)

    page = client.post(reverse("teach-placement", args=[world.section.pk]), {"who": "chosen"}, follow=True)

    assert "Choose at least one student." in page.content.decode() and not PlacementCheck.objects.exists()


def test_the_evidence_page_shows_placement_answers(client, world, ladder):
    services.placement_offer(learner=ladder.learner)
    _take(ladder.learner, knows=set())
    row = Evidence.objects.filter(learner=ladder.learner).first()
    client.force_login(world.teacher)

    page = client.get(reverse("teach-evidence", args=[ladder.learner.pk, row.target_id])).content.decode()

    assert "Placement check:" in page and "(I don&#x27;t know)" in page


# What follows it.


def test_after_it_the_paths_below_grade_items_are_what_it_found_missing(client, world, ladder):
    # Given a grade 7 learner who knows 6.RP.A.2 and 7.RP.A.2 but not 6.RP.A.1 (nor 7.RP.A.1, which builds on it)
    client.force_login(ladder.learner)
    before = client.get(reverse("today")).context["items"]
    assert {item.target.grade for item in before if item.target} >= {"7"}
    assert all(item.target.grade >= "5" for item in before if item.target)  # nothing below grade 5 on day 1
    client.post(reverse("placement"))

    take_through_pages(client, knows={"6.RP.A.2", "7.RP.A.2"})

    check = PlacementCheck.objects.get(learner=ladder.learner)
    missing = {code for code, found in check.result.items() if found != "known" and TARGETS[code] < "7"}
    items = client.get(reverse("today")).context["items"]
    below = {item.target.code for item in items if item.target and item.target.grade < "7"}
    assert missing == {"6.RP.A.1"} and below == missing
    assert "7.RP.A.2" not in {item.target.code for item in items if item.target and item.kind == "activity"}


def _take(learner, knows: set[str]) -> None:
    """Answer the learner's open check to its end through the services, right on `knows`, "I don't know" else."""
    while (question := services.placement_question(learner=learner)) is not None:
        answer = right_answer(question.item) if question.target.code in knows else None
        services.placement_answer(learner=learner, answer_id=question.pk, answer=answer)
