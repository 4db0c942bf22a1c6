"""Fitting each target's parameters from the school's own evidence log."""

import datetime
from dataclasses import astuple

import pytest
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import MasteryModelFit, TargetModelParams
from learners import mastery, services
from learning_platform import services as school_services
from tests.conftest import item_ids, make_target
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(world, exit_ticket, django_capture_on_commit_callbacks):
    """Ten learners take the exit ticket on three days; learner number s answers about s in 10 right."""
    learners = [world.student, world.other_student]
    for number in range(8):
        profile = LearnerFactory(school=world.school, username=f"fit-{number}")
        school_services.enrollment_create(
            section=world.section, student=profile.user, enrolled_on=datetime.date(2026, 9, 1)
        )
        learners.append(profile.user)
    right = {"choice": "a", "numeric": "3/4", "compare": "<"}
    wrong = {"choice": "b", "numeric": "1", "compare": ">"}
    start = timezone.now() - datetime.timedelta(days=3)
    for day in range(3):
        opens = start + datetime.timedelta(days=day)
        assignment = assessment_services.assignment_create(
            assessment=exit_ticket.assessment,
            section=world.section,
            opens_at=opens,
            due_at=opens + datetime.timedelta(hours=8),
            assigned_by=world.teacher,
        )
        for strength, learner in enumerate(learners):
            moment = opens + datetime.timedelta(hours=1)
            attempt = assessment_services.attempt_start(assignment=assignment, learner=learner, now=moment)
            answers = {
                # learner number s answers about s in 10 items right
                item_id: (right if (7 * strength + 3 * day + position) % 10 < strength else wrong)[name]
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
    # A learner of ability 0 meets the target's own fitted values, and the defaults where nothing was fitted
    assert astuple(used[row.target_id]) == pytest.approx((row.prior, row.learn, row.guess, row.slip, row.forget))
    assert astuple(used[unfitted.pk]) == pytest.approx(astuple(mastery.Params()), abs=1e-3)
    # Another school's learners meet the defaults until their own school has data
    assert (
        services.mastery_params(school_id=world.other_school.pk, target_ids={row.target_id})[row.target_id]
        == mastery.Params()
    )


def test_a_stronger_learner_starts_a_new_target_higher(world, history, bank):
    # Given the school's fit, and two learners: one who answered mostly right, one mostly wrong
    services.mastery_params_fit(school_id=world.school.pk)
    fit = MasteryModelFit.objects.get(school=world.school)
    assert (fit.responses, fit.targets, len(fit.ability_effect)) == (120, 2, 5)
    abilities = [services.learner_ability(learner_id=learner.pk, school_id=world.school.pk) for learner in history]
    strong, weak = max(abilities), min(abilities)
    assert strong > 0 > weak
    # Then the prior they meet on a target follows their ability through the fitted effect
    target = TargetModelParams.objects.get(target__code="6.RP.A.1").target_id
    priors = {
        ability: services.mastery_params(school_id=world.school.pk, target_ids={target}, ability=ability)[target].prior
        for ability in (strong, weak)
    }
    # (the prior moves with ability in the direction of the fitted effect, by a logit shift of effect * ability)
    prior_effect = fit.ability_effect[0]
    assert prior_effect != 0
    assert (priors[strong] > priors[weak]) is (prior_effect > 0)


def test_a_school_without_evidence_fits_nothing(world):
    assert services.mastery_params_fit(school_id=world.other_school.pk) == 0
    assert not TargetModelParams.objects.exists()
