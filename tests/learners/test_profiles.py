"""Learner profiles and goals: created through the services, refused when wrong, nothing half-written."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments.models import Framework, LearningTarget
from learners import services
from learners.models import LearnerGoal, LearnerProfile
from learning_platform.models import Membership, User
from tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def target(db):
    framework = Framework.objects.create(name="CCSS Math", slug="ccss-math", subject="math", version="2010")
    return LearningTarget.objects.create(
        framework=framework,
        code="7.RP.A.2",
        text="Recognize proportional relationships.",
        grade="7",
        domain_code="RP",
        domain_name="Ratios And Proportional Relationships",
    )


def test_creating_a_learner_makes_the_person_their_role_and_profile(db):
    school = SchoolFactory(name="Lincoln Middle")
    profile = services.learner_create(
        username="maya",
        school=school,
        grade="7",
        first_name="Maya",
        last_name="Lopez",
        interests=["soccer", "drawing"],
        career_goals=["architect"],
        preferred_modalities=["video", "hands_on"],
        has_iep=True,
        extended_time_factor=Decimal("1.50"),
        home_language="Spanish",
        english_learner=True,
        daily_minutes_budget=40,
    )
    profile.refresh_from_db()
    assert str(profile.user) == "Maya Lopez"
    assert Membership.objects.filter(user=profile.user, role="student", school=school).count() == 1
    assert profile.accommodations == ["IEP", "English learner", "Extended time ×1.5"]
    assert (profile.interests, profile.preferred_modalities, profile.daily_minutes_budget) == (
        ["soccer", "drawing"],
        ["video", "hands_on"],
        40,
    )


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"preferred_modalities": ["video", "video"]}, "Each way of learning may be listed once"),
        ({"preferred_modalities": ["dance"]}, "Unknown way of learning: dance"),
        ({"extended_time_factor": Decimal("0.50")}, "greater than or equal to 1.00"),
        ({"daily_minutes_budget": 900}, "less than or equal to 480"),
        ({"interests": ["x" * 61]}, "1 to 60 characters"),
        ({"grade": "13"}, "is not a valid choice"),
    ],
)
def test_a_bad_profile_is_refused_and_no_person_is_left_behind(db, fields, message):
    school = SchoolFactory()
    with pytest.raises(ValidationError, match=message):
        services.learner_create(username="ghost", school=school, **{"grade": "6", **fields})
    assert not User.objects.filter(username="ghost").exists()
    assert not LearnerProfile.objects.exists()


def test_goals_are_created_retired_and_one_active_per_target(world, target):
    goal = services.learner_goal_create(
        learner=world.student_profile,
        target=target,
        reach_by=datetime.date(2027, 1, 29),
        why="  I want to scale recipes when I cook with my dad.  ",
    )
    assert goal.why == "I want to scale recipes when I cook with my dad."
    with pytest.raises(ValidationError, match="already an active goal for 7.RP.A.2"):
        services.learner_goal_create(
            learner=world.student_profile, target=target, reach_by=datetime.date(2027, 2, 1), why="Again"
        )
    services.learner_goal_set_status(goal=goal, status=LearnerGoal.Status.RETIRED)
    again = services.learner_goal_create(
        learner=world.student_profile, target=target, reach_by=datetime.date(2027, 3, 1), why="Trying again."
    )
    assert list(LearnerGoal.objects.order_by("id").values_list("status", flat=True)) == ["retired", "active"]
    assert again.pk != goal.pk


def test_a_goal_needs_the_students_words(world, target):
    with pytest.raises(ValidationError, match="why"):
        services.learner_goal_create(
            learner=world.student_profile, target=target, reach_by=datetime.date(2027, 1, 29), why="   "
        )
    assert not LearnerGoal.objects.exists()


def test_an_unknown_goal_status_is_refused(world, target):
    goal = services.learner_goal_create(
        learner=world.student_profile, target=target, reach_by=datetime.date(2027, 1, 29), why="Because."
    )
    with pytest.raises(ValidationError, match="Unknown status 'done'"):
        services.learner_goal_set_status(goal=goal, status="done")
    goal.refresh_from_db()
    assert goal.status == "active"
