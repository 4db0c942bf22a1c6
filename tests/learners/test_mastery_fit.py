"""Fitting each target's parameters from the school's own evidence log."""
import datetime

import pytest
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import TargetModelParams
from learners import mastery, services
from learning_platform import services as school_services
from tests.conftest import item_ids, make_target
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(world, exit_ticket, django_capture_on_commit_callbacks):
    """Ten learners take the exit ticket on three days; the stronger ones answer more items right."""
    learners = [world.student, world.other_student]
    for number in range(8):
        profile = LearnerFactory(school=world.school, username=f"fit-{number}")
        school_services.enrollment_create(section=world.section, student=profile.user, enrolled_on=datetime.date(2026, 9, 1))
        learners.append(profile.user)
    right = {"choice": "a", "numeric": "3/4", "compare": "<"}
    wrong = {"choice": "b", "numeric": "1", "compare": ">"}
    start = timezone.now() - datetime.timedelta(days=3)
    for day in range(3):
        opens = start + datetime.timedelta(days=day)
        assignment = assessment_services.assignment_create(
            assessment=exit_ticket.assessment, section=world.section, opens_at=opens,
            due_at=opens + datetime.timedelta(hours=8), assigned_by=world.teacher,
        )  # fmt: skip
        for strength, learner in enumerate(learners):
            moment = opens + datetime.timedelta(hours=1)
            attempt = assessment_services.attempt_start(assignment=assignment, learner=learner, now=moment)
            answers = {
                item_id: (right if (strength + day + position) % 3 else wrong)[name]
                for position, (name, item_id) in enumerate(zip(("choice", "numeric", "compare"), item_ids(assignment)))
            }
            with django_capture_on_commit_callbacks(execute=True):
                assessment_services.attempt_submit(attempt=attempt, learner=learner, answers=answers, now=moment)
    return learners


def fitted_values():
    return sorted(
        TargetModelParams.objects.values_list("target__code", "prior", "learn", "guess", "slip", "forget", "responses")
    )


def test_the_fit_writes_each_targets_parameters_and_is_the_same_twice(world, history):
    assert services.mastery_params_fit(school_id=world.school.pk) == 2
    first = fitted_values()
    # 6.RP.A.1 is answered by the choice and comparison items, 6.RP.A.2 by the numeric and comparison items
    assert [(row[0], row[-1]) for row in first] == [("6.RP.A.1", 60), ("6.RP.A.2", 60)]
    for _code, *probabilities, _count in first:
        assert all(0 < value < 1 for value in probabilities)
        guess, slip = probabilities[2], probabilities[3]
        assert guess < 0.5 and slip < 0.5
    assert services.mastery_params_fit(school_id=world.school.pk) == 2
    assert fitted_values() == first


def test_live_updates_use_the_fitted_parameters_and_defaults_elsewhere(world, history, bank):
    services.mastery_params_fit(school_id=world.school.pk)
    row = TargetModelParams.objects.get(target__code="6.RP.A.1")
    unfitted = make_target(bank.framework, "6.RP.A.3")
    used = services.mastery_params(school_id=world.school.pk, target_ids={row.target_id, unfitted.pk})
    assert used[row.target_id] == mastery.Params(row.prior, row.learn, row.guess, row.slip, row.forget)
    assert used[unfitted.pk] == mastery.Params()
    # Another school's learners meet the defaults until their own school has data
    assert services.mastery_params(school_id=world.other_school.pk, target_ids={row.target_id})[row.target_id] == mastery.Params()


def test_a_school_without_evidence_fits_nothing(world):
    assert services.mastery_params_fit(school_id=world.other_school.pk) == 0
    assert not TargetModelParams.objects.exists()
