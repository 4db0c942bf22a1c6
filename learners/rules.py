"""Permission rules for learner profiles, goals and mastery."""

from django.db.models import Q

from learners.models import Evidence, LearnerGoal, LearnerProfile, MasteryJudgment, MasterySettings, MasteryState
from learning_platform.models import active_enrollment_q
from learning_platform.permissions import NOTHING, admin_of_school_q, register


def learner_view_q(user, prefix: str = "") -> Q:
    """Profiles a user may see: their own, their current students', and every learner of schools they run."""
    return Q(**{f"{prefix}user": user}) | learner_staff_q(user, prefix)


def learner_staff_q(user, prefix: str = "") -> Q:
    """Profiles the user teaches or whose school they run (not their own)."""
    enrollments = f"{prefix}user__enrollments__"
    taught = Q(**{f"{enrollments}section__teachers": user}) & active_enrollment_q(enrollments)
    return taught | admin_of_school_q(user, f"{prefix}school")


# What a learner may change about themselves: what they care about and how they like to learn. Their goals
# are theirs too (the LearnerGoal rule below).
LEARNER_SELF_FIELDS = ("interests", "career_goals", "preferred_modalities")
# What only their teachers and school admins may change: the school's record of the learner. The grade and the
# minutes budget shape the path; the accommodations (an IEP or 504 plan, English-learner status, extended time,
# read-aloud) are decided by the school and change what the learner is given. The home language is staff-only
# as well: it is the school's record from enrollment (a home-language survey), read together with
# `english_learner` to decide language supports, so a learner's say over it would be a say over those.
STAFF_FIELDS = (
    "grade",
    "has_iep",
    "has_504",
    "english_learner",
    "extended_time_factor",
    "read_aloud",
    "home_language",
    "daily_minutes_budget",
)
PROFILE_FIELDS = (*LEARNER_SELF_FIELDS, *STAFF_FIELDS)


def profile_fields_changeable(user, profile: LearnerProfile) -> tuple[str, ...]:
    """The profile fields `user` may change on `profile`: all of them for the learner's teachers, school
    admins and superusers, the self fields for the learner themselves, none for anyone else."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ()
    if user.is_superuser or LearnerProfile.objects.filter(learner_staff_q(user), pk=profile.pk).exists():
        return PROFILE_FIELDS
    if profile.user_id == user.pk:
        return LEARNER_SELF_FIELDS
    return ()


# Mastery rows point at the learner's user; the profile rule is reached through it.
THROUGH_LEARNER = "learner__learner_profile__"

register(LearnerProfile, view=learner_view_q, change=learner_view_q)
register(
    LearnerGoal,
    view=lambda user: learner_view_q(user, "learner__"),
    change=lambda user: learner_view_q(user, "learner__"),
)
# Mastery is what the platform believes; teachers change it only through judgments, so no row is
# changeable as such, while a judgment can be made by the learner's teachers and admins.
for model in (MasteryState, Evidence):
    register(model, view=lambda user: learner_view_q(user, THROUGH_LEARNER), change=lambda user: NOTHING)
register(
    MasteryJudgment,
    view=lambda user: learner_view_q(user, THROUGH_LEARNER),
    change=lambda user: learner_staff_q(user, THROUGH_LEARNER),
)
register(
    MasterySettings,
    view=lambda user: Q(school__memberships__user=user) | admin_of_school_q(user, "school"),
    change=lambda user: admin_of_school_q(user, "school"),
)
