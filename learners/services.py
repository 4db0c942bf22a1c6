"""Writes to learner profiles and goals, one function per use case."""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from assessments.models import LearningTarget
from learners.models import LearnerGoal, LearnerProfile
from learning_platform.models import Membership, School
from learning_platform.services import membership_grant, user_create

# Fields a profile update may touch; everything else in a request is refused, never ignored.
PROFILE_FIELDS = (
    "grade", "interests", "career_goals", "preferred_modalities", "has_iep", "has_504", "english_learner",
    "extended_time_factor", "read_aloud", "home_language", "daily_minutes_budget",
)  # fmt: skip


@transaction.atomic
def learner_create(
    *, username: str, school: School, grade: str, first_name: str = "", last_name: str = "",
    password: str | None = None, **profile_fields,
) -> LearnerProfile:  # fmt: skip
    """A new student at a school: the person, their student role and their profile, together or not at all."""
    user = user_create(username=username, first_name=first_name, last_name=last_name, password=password)
    membership_grant(user=user, role=Membership.Role.STUDENT, school=school)
    profile = LearnerProfile(user=user, school=school, grade=grade)
    _apply(profile, profile_fields)
    profile.save()
    return profile


@transaction.atomic
def learner_profile_update(*, profile: LearnerProfile, changes: dict) -> LearnerProfile:
    """Change profile fields; unknown fields and bad values are refused and nothing is written."""
    _apply(profile, changes)
    profile.save(update_fields=[*changes.keys(), "updated_at"])
    return profile


def _apply(profile: LearnerProfile, changes: dict) -> None:
    if not isinstance(changes, dict):
        raise ValidationError("A profile change is an object of field names and values.")
    unknown = sorted(set(changes) - set(PROFILE_FIELDS))
    if unknown:
        raise ValidationError({field: "This field does not exist or cannot be changed." for field in unknown})
    for field, value in changes.items():
        setattr(profile, field, value)
    profile.full_clean(validate_unique=False, validate_constraints=False)


@transaction.atomic
def learner_goal_create(
    *, learner: LearnerProfile, target: LearningTarget, reach_by: datetime.date, why: str
) -> LearnerGoal:
    if LearnerGoal.objects.filter(learner=learner, target=target, status=LearnerGoal.Status.ACTIVE).exists():
        raise ValidationError({"target": f"There is already an active goal for {target.code}."})
    goal = LearnerGoal(learner=learner, target=target, reach_by=reach_by, why=why.strip())
    goal.full_clean()
    goal.save()
    return goal


@transaction.atomic
def learner_goal_set_status(*, goal: LearnerGoal, status: str) -> LearnerGoal:
    """Mark a goal achieved or retired (or active again)."""
    if status not in LearnerGoal.Status.values:
        raise ValidationError({"status": f"Unknown status {status!r}."})
    goal.status = status
    goal.full_clean()
    goal.save(update_fields=["status", "updated_at"])
    return goal

