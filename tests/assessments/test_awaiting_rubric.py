"""Rubric work waiting: the open responses of submitted attempts no teacher has scored yet."""

from __future__ import annotations

import datetime

import pytest

from analytics.teaching import teacher_today
from assessments import selectors, services
from assessments.models import Attempt, Response
from learning_platform import services as school_services
from tests.conftest import item_ids
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


def answers(assignment, *values):
    return dict(zip(map(str, item_ids(assignment)), values))


def test_awaiting_rubric_is_exactly_the_unscored_open_responses_of_submitted_attempts(world, bank, rubric_task):
    # given three students' rubric tasks: one submitted and unscored, one submitted and scored, one still a draft
    def start(learner):
        return services.attempt_start(assignment=rubric_task, learner=learner)

    waiting = services.attempt_submit(
        attempt=start(world.student),
        learner=world.student,
        answers=answers(rubric_task, "Divide the cost by the pounds.", "3/4"),
    )
    scored = services.attempt_submit(
        attempt=start(world.other_student),
        learner=world.other_student,
        answers=answers(rubric_task, "It is 3/4 a pound.", "3/4"),
    )
    services.response_rubric_score(
        response=scored.responses.get(item=bank.items.open),
        teacher=world.teacher,
        levels={"reasoning": "3", "precision": "1"},
    )
    drafter = LearnerFactory(school=world.school, username="drafter").user
    school_services.enrollment_create(section=world.section, student=drafter, enrolled_on=datetime.date(2026, 8, 24))
    draft = start(drafter)
    services.attempt_answer_save(attempt=draft, learner=drafter, item_id=bank.items.open.pk, answer="Half done")
    assert draft.responses.get(item=bank.items.open).scored_at is None
    assert Attempt.objects.get(pk=draft.pk).status == Attempt.Status.IN_PROGRESS

    # when the rubric work waiting is read
    pending = list(Response.objects.awaiting_rubric())

    # then it is the one open response of the submitted, unscored attempt, and both pages list just that
    assert pending == [waiting.responses.get(item=bank.items.open)]
    assert list(selectors.rubric_queue(user=world.teacher)) == pending
    assert teacher_today(user=world.teacher).waiting_rubric == [
        {"assignment_id": rubric_task.pk, "title": "Explain unit rates", "section": world.section.name, "count": 1}
    ]
