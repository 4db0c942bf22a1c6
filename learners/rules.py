"""Permission rules for learner profiles and goals."""
from django.db.models import Q

from learners.models import LearnerGoal, LearnerProfile
from learning_platform.permissions import admin_of_school_q, register


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


register(LearnerProfile, view=learner_view_q, change=learner_view_q)
register(
    LearnerGoal,
    view=lambda user: learner_view_q(user, "learner__"),
    change=lambda user: learner_view_q(user, "learner__"),
)
