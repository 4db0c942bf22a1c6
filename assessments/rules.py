"""Permission rules for standards, items, assessments and attempts (see learning_platform.permissions)."""

from django.db.models import Q

from assessments.models import (
    Assessment,
    Assignment,
    Attempt,
    Framework,
    Item,
    LearningTarget,
    MasteryModelFit,
    Prerequisite,
    RelatedTarget,
    Response,
    TargetModelParams,
)
from learning_platform.models import active_enrollment_q
from learning_platform.permissions import NOTHING, admin_of_school_q, register, roles_of
from learning_platform.rules import section_change_q

for model in (Framework, LearningTarget, Prerequisite, RelatedTarget):
    # Frameworks are shared by every school; they change through `import_standards` or a superuser.
    register(model, view=lambda user: Q(), change=lambda user: NOTHING)


def school_staff_q(user, school_path: str) -> Q:
    """Rows of schools where the user teaches or which they run."""
    return Q(**{f"{school_path}_id__in": roles_of(user).teacher_at}) | admin_of_school_q(user, school_path)


def _item_view(user) -> Q:
    # The shared bank (no school) is open to staff of every school; students meet items only in attempts.
    roles = roles_of(user)
    shared = Q(school__isnull=True) if (roles.teacher_at or roles.is_admin) else NOTHING
    return shared | school_staff_q(user, "school")


def assigned_to_q(user, prefix: str = "") -> Q:
    """Assignments that reach the user as a student: their section's, to all or to them by name."""
    return (
        Q(**{f"{prefix}section__enrollments__student": user})
        & active_enrollment_q(f"{prefix}section__enrollments__")
        & (Q(**{f"{prefix}students__isnull": True}) | Q(**{f"{prefix}students": user}))
    )


def attempt_view_q(user, prefix: str = "") -> Q:
    """Attempts a user may see: their own, and those in sections they teach or schools they run."""
    return Q(**{f"{prefix}learner": user}) | section_change_q(user, f"{prefix}assignment__section__")


register(Item, view=_item_view, change=lambda user: school_staff_q(user, "school"))
register(
    Assessment,
    view=lambda user: school_staff_q(user, "school") | assigned_to_q(user, "assignments__"),
    change=lambda user: school_staff_q(user, "school"),
)
register(
    Assignment,
    view=lambda user: section_change_q(user, "section__") | assigned_to_q(user),
    change=lambda user: section_change_q(user, "section__"),
)
# A learner works on their own attempt through the attempt services, which check it is theirs; the
# change rule is for teachers scoring it.
register(Attempt, view=attempt_view_q, change=lambda user: section_change_q(user, "assignment__section__"))
register(
    Response,
    view=lambda user: attempt_view_q(user, "attempt__"),
    change=lambda user: section_change_q(user, "attempt__assignment__section__"),
)
for model in (TargetModelParams, MasteryModelFit):
    register(model, view=lambda user: school_staff_q(user, "school"), change=lambda user: NOTHING)
