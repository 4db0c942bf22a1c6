"""Permission rules for learner profiles, goals and mastery."""
from django.db.models import Q

from learners.models import Evidence, LearnerGoal, LearnerProfile, MasteryJudgment, MasterySettings, MasteryState
from learning_platform.permissions import NOTHING, admin_of_school_q, register


def learner_view_q(user, prefix: str = "") -> Q:
    """Profiles a user may see: their own, their current students', and every learner of schools they run."""
    return (
        Q(**{f"{prefix}user": user})
        | Q(
            **{
                f"{prefix}user__enrollments__section__teachers": user,
                f"{prefix}user__enrollments__withdrawn_on__isnull": True,
            }
        )
        | admin_of_school_q(user, f"{prefix}school")
    )


def learner_staff_q(user, prefix: str = "") -> Q:
    """Profiles the user teaches or whose school they run (not their own)."""
    return Q(
        **{
            f"{prefix}user__enrollments__section__teachers": user,
            f"{prefix}user__enrollments__withdrawn_on__isnull": True,
        }
    ) | admin_of_school_q(user, f"{prefix}school")


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
