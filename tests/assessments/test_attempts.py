"""Taking an assessment: start, autosave, submit once, scored on the server; bad input writes nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments import services
from assessments.models import Assessment, Attempt, Response
from learners import services as learner_services
from learners.models import Evidence
from tests.conftest import item_ids

pytestmark = pytest.mark.django_db


def snapshot():
    """Every attempt, response and evidence row, to prove a refusal wrote nothing."""
    return (
        list(Attempt.objects.order_by("id").values()),
        list(Response.objects.order_by("id").values()),
        list(Evidence.objects.order_by("id").values()),
    )


def answers_for(assignment, *values):
    return dict(zip(item_ids(assignment), values))


def test_an_exit_ticket_is_scored_at_submit_with_feedback(world, exit_ticket, django_capture_on_commit_callbacks):
    # Given the student starts the exit ticket
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    # When they answer the choice right, the numeric with an equivalent fraction, the comparison wrong
    with django_capture_on_commit_callbacks(execute=True):
        services.attempt_submit(
            attempt=attempt, learner=world.student, answers=answers_for(exit_ticket, "a", " 6/8 ", ">")
        )
    # Then the server scored each item and the attempt
    attempt.refresh_from_db()
    assert (attempt.status, attempt.points, attempt.max_points) == ("scored", Decimal("2.00"), Decimal("3.00"))
    rows = {row.item_id: row for row in attempt.responses.all()}
    choice, numeric, compare = item_ids(exit_ticket)
    assert (rows[choice].correct, rows[choice].feedback) == (True, "Yes: 2 cups of flour for every 3 of sugar.")
    assert (rows[numeric].answer, rows[numeric].correct) == ("6/8", True)
    assert (rows[compare].answer, rows[compare].correct) == (">", False)
    # And every scored response is evidence for each of its targets (the comparison has two)
    assert sorted(Evidence.objects.values_list("target__code", "correct")) == [
        ("6.RP.A.1", False),
        ("6.RP.A.1", True),
        ("6.RP.A.2", False),
        ("6.RP.A.2", True),
    ]


def test_autosave_keeps_the_latest_answer_and_a_reload_resumes_the_attempt(world, exit_ticket):
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    numeric = item_ids(exit_ticket)[1]
    services.attempt_answer_save(attempt=attempt, learner=world.student, item_id=numeric, answer="0.7")
    services.attempt_answer_save(attempt=attempt, learner=world.student, item_id=numeric, answer="0.75")
    # A reload (or a second tab) starts again and gets the same attempt with the saved answer
    again = services.attempt_start(assignment=exit_ticket, learner=world.student)
    assert again.pk == attempt.pk
    assert list(again.responses.values_list("answer", flat=True)) == ["0.75"]


def test_a_double_submit_scores_once(world, exit_ticket):
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    first = services.attempt_submit(
        attempt=attempt, learner=world.student, answers=answers_for(exit_ticket, "a", "3/4", "<")
    )
    before = snapshot()
    # A retry after a timeout sends different answers: nothing changes
    second = services.attempt_submit(
        attempt=attempt, learner=world.student, answers=answers_for(exit_ticket, "b", "1", ">")
    )
    assert (second.pk, second.points, second.submitted_at) == (first.pk, Decimal("3.00"), first.submitted_at)
    assert snapshot() == before


def test_unanswered_items_count_as_wrong(world, exit_ticket):
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    services.attempt_submit(attempt=attempt, learner=world.student, answers={item_ids(exit_ticket)[0]: "a"})
    assert sorted(attempt.responses.values_list("correct", flat=True)) == [False, False, True]


@pytest.mark.parametrize(
    "answers, message",
    [
        ({0: "z"}, "'z' is not a choice"),
        ({1: "three quarters"}, "Type a number such as 3/4, 0.75 or 1 1/2."),
        ({2: "≥"}, None),
        ({"999": "a"}, "That question is not part of this assessment."),
    ],
)
def test_an_answer_of_the_wrong_shape_is_refused_and_nothing_is_written(world, exit_ticket, answers, message):
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    ids = item_ids(exit_ticket)
    payload = {(ids[key] if isinstance(key, int) else key): value for key, value in answers.items()}
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        services.attempt_submit(attempt=attempt, learner=world.student, answers=payload)
    if message:
        assert message in str(refused.value)
    assert snapshot() == before


def test_starting_before_it_opens_or_after_it_closes_is_refused(world, exit_ticket):
    before = snapshot()
    with pytest.raises(ValidationError, match="This assessment opens"):
        services.attempt_start(
            assignment=exit_ticket, learner=world.student, now=exit_ticket.opens_at - datetime.timedelta(minutes=1)
        )
    with pytest.raises(ValidationError, match="This assessment closed"):
        services.attempt_start(
            assignment=exit_ticket, learner=world.student, now=exit_ticket.due_at + datetime.timedelta(minutes=1)
        )
    assert snapshot() == before


def test_an_unassigned_learner_cannot_start_and_nobody_can_answer_for_another(world, exit_ticket):
    before = snapshot()
    with pytest.raises(ValidationError, match="not assigned to you"):
        services.attempt_start(assignment=exit_ticket, learner=world.stranger_student_profile.user)
    assert snapshot() == before
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    before = snapshot()
    with pytest.raises(ValidationError, match="belongs to another learner"):
        services.attempt_submit(attempt=attempt, learner=world.other_student, answers=answers_for(exit_ticket, "b"))
    assert snapshot() == before


def test_chosen_students_only(world, bank):
    assessment = services.assessment_create(
        title="Re-check",
        kind=Assessment.Kind.QUIZ,
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.choice],
    )
    now = timezone.now()
    assignment = services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now - datetime.timedelta(minutes=5),
        due_at=now + datetime.timedelta(hours=1),
        assigned_by=world.teacher,
        students=[world.other_student],
    )
    assert services.attempt_start(assignment=assignment, learner=world.other_student).number == 1
    with pytest.raises(ValidationError, match="not assigned to you"):
        services.attempt_start(assignment=assignment, learner=world.student)


def test_the_time_limit_is_stretched_by_extended_time_and_enforced(world, bank):
    # Given a 10-minute quiz and a student with time and a half
    learner_services.learner_profile_update(
        by=world.teacher, profile=world.student_profile, changes={"extended_time_factor": Decimal("1.5")}
    )
    assessment = services.assessment_create(
        title="Timed",
        kind=Assessment.Kind.QUIZ,
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.choice],
        time_limit_minutes=10,
    )
    now = timezone.now()
    assignment = services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now - datetime.timedelta(minutes=1),
        due_at=now + datetime.timedelta(hours=2),
        assigned_by=world.teacher,
    )
    attempt = services.attempt_start(assignment=assignment, learner=world.student, now=now)
    other = services.attempt_start(assignment=assignment, learner=world.other_student, now=now)
    # Then their deadline is 15 minutes away, their classmate's 10
    assert attempt.deadline_at - now == datetime.timedelta(minutes=15)
    assert other.deadline_at - now == datetime.timedelta(minutes=10)
    # And at 14 minutes they may still answer; past 15 minutes and the grace period they may not
    services.attempt_answer_save(
        attempt=attempt,
        learner=world.student,
        item_id=bank.items.choice.pk,
        answer="b",
        now=now + datetime.timedelta(minutes=14),
    )
    before = snapshot()
    with pytest.raises(ValidationError, match="Time ran out"):
        services.attempt_submit(
            attempt=attempt,
            learner=world.student,
            answers={bank.items.choice.pk: "a"},
            now=now + datetime.timedelta(minutes=16),
        )
    assert snapshot() == before
    # And the sweeper submits both expired attempts with the answers they saved
    assert services.attempts_close_expired(now=now + datetime.timedelta(minutes=16)) == 2
    attempt.refresh_from_db()
    assert (attempt.status, attempt.points) == ("scored", Decimal("0.00"))
    assert services.attempts_close_expired(now=now + datetime.timedelta(minutes=17)) == 0


def test_attempts_allowed_is_enforced(world, exit_ticket):
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    services.attempt_submit(attempt=attempt, learner=world.student, answers={})
    with pytest.raises(ValidationError, match="You have used all 1 attempt."):
        services.attempt_start(assignment=exit_ticket, learner=world.student)


def test_open_responses_wait_for_the_teachers_rubric(world, rubric_task, bank, django_capture_on_commit_callbacks):
    attempt = services.attempt_start(assignment=rubric_task, learner=world.student)
    with django_capture_on_commit_callbacks(execute=True):
        services.attempt_submit(
            attempt=attempt,
            learner=world.student,
            answers={bank.items.open.pk: "I divided 3 by 4 to get $0.75 per pound.", bank.items.numeric.pk: "0.75"},
        )
    attempt.refresh_from_db()
    assert (attempt.status, attempt.points) == ("awaiting_teacher", Decimal("1.00"))
    # Only the numeric item is evidence so far
    assert list(Evidence.objects.values_list("target__code", "correct")) == [("6.RP.A.2", True)]
    response = attempt.responses.get(item=bank.items.open)
    with pytest.raises(ValidationError, match="Choose a level for 'Precision'"):
        services.response_rubric_score(response=response, teacher=world.teacher, levels={"reasoning": "3"})
    # When the teacher scores reasoning 3 of 3 and precision 0 of 1 (3 of 4 rubric points, 3 of 4 item points)
    with django_capture_on_commit_callbacks(execute=True):
        services.response_rubric_score(
            response=response,
            teacher=world.teacher,
            levels={"reasoning": "3", "precision": "0"},
            comment="  Clear method; label the units.  ",
        )
    response.refresh_from_db()
    attempt.refresh_from_db()
    assert (response.points, response.correct, response.teacher_comment) == (
        Decimal("3.00"),
        True,
        "Clear method; label the units.",
    )
    assert (attempt.status, attempt.points, attempt.max_points) == ("scored", Decimal("4.00"), Decimal("5.00"))
    assert sorted(Evidence.objects.values_list("target__code", "correct")) == [("6.RP.A.2", True), ("6.RP.A.2", True)]


def ordered_items(assessment):
    return [link.item for link in assessment.assessment_items.select_related("item").order_by("position")]


def test_a_generated_exit_ticket_spreads_items_over_the_targets(world, bank):
    assessment = services.assessment_generate(
        title="Tomorrow",
        kind=Assessment.Kind.EXIT_TICKET,
        school=world.school,
        created_by=world.teacher,
        targets=[bank.ratios, bank.rates],
        seed=3,
    )
    items = ordered_items(assessment)
    assert len(items) == 4
    assert not any(item.is_open for item in items)
    assert {target.code for item in items for target in item.targets.all()} == {"6.RP.A.1", "6.RP.A.2"}
    again = services.assessment_generate(
        title="Tomorrow",
        kind=Assessment.Kind.EXIT_TICKET,
        school=world.school,
        created_by=world.teacher,
        targets=[bank.ratios, bank.rates],
        seed=3,
    )
    assert ordered_items(again) == items


def test_generating_for_a_target_without_items_names_it(world, bank):
    from tests.conftest import make_target

    empty = make_target(bank.framework, "6.RP.A.3")
    with pytest.raises(ValidationError, match="no items for 6.RP.A.3"):
        services.assessment_generate(
            title="X",
            kind=Assessment.Kind.QUIZ,
            school=world.school,
            created_by=world.teacher,
            targets=[bank.ratios, empty],
        )
    assert not Assessment.objects.exists()


def test_an_exit_ticket_has_three_to_five_items(world, bank):
    with pytest.raises(ValidationError, match="An exit ticket has 3 to 5 items; this one has 2."):
        services.assessment_create(
            title="Short",
            kind=Assessment.Kind.EXIT_TICKET,
            school=world.school,
            created_by=world.teacher,
            items=[bank.items.choice, bank.items.numeric],
        )
    assert not Assessment.objects.exists()


def test_a_malformed_key_is_refused(world, bank):
    with pytest.raises(ValidationError) as refused:
        services.item_create(
            item_type="single_choice",
            stem="?",
            targets=[bank.ratios],
            choices=[{"id": "a", "text": "1"}],
            key={"correct": "q"},
        )
    assert "key" in refused.value.message_dict


def test_a_half_typed_number_autosaves_as_a_draft_but_must_be_finished_to_submit(world, exit_ticket):
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    numeric = item_ids(exit_ticket)[1]
    services.attempt_answer_save(attempt=attempt, learner=world.student, item_id=numeric, answer="3/")
    before = snapshot()
    with pytest.raises(ValidationError, match="Type a number such as 3/4"):
        services.attempt_submit(attempt=attempt, learner=world.student, answers={})
    assert snapshot() == before
    services.attempt_submit(attempt=attempt, learner=world.student, answers={str(numeric): "3/4"})
    assert attempt.responses.get(item_id=numeric).correct is True


def test_a_choice_must_be_a_choice_even_while_autosaving(world, exit_ticket):
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    before = snapshot()
    with pytest.raises(ValidationError, match="'z' is not a choice"):
        services.attempt_answer_save(
            attempt=attempt, learner=world.student, item_id=item_ids(exit_ticket)[0], answer="z"
        )
    assert snapshot() == before
