"""Permission rules for the activity catalog and the daily paths."""

from django.db.models import Q

from learners.rules import THROUGH_LEARNER, learner_staff_q, learner_view_q
from learning_platform.permissions import NOTHING, admin_of_school_q, register, roles_of
from learning_platform.rules import section_change_q, section_view_q
from playlists.models import (
    Activity,
    NightlyBatch,
    NightlyRun,
    PathApproval,
    PathChange,
    PathOverride,
    Playlist,
    PlaylistItem,
    SmallGroup,
    UnitPlan,
)


def _activity_view(user) -> Q:
    # The shared catalog (no school) is open to everyone signed in.
    return (
        Q(school__isnull=True) | Q(school_id__in=roles_of(user).member_of_schools) | admin_of_school_q(user, "school")
    )


def _activity_change(user) -> Q:
    return Q(school_id__in=roles_of(user).teacher_at) | admin_of_school_q(user, "school")


register(Activity, view=_activity_view, change=_activity_change)

# A path is seen by whoever sees its learner's profile; its learner's teachers and admins are the ones who
# will override it (pins, removals, locks), so they hold the change rule.
ITEM_LEARNER = "playlist__learner__learner_profile__"
register(
    Playlist,
    view=lambda user: learner_view_q(user, THROUGH_LEARNER),
    change=lambda user: learner_staff_q(user, THROUGH_LEARNER),
)
register(
    PlaylistItem,
    view=lambda user: learner_view_q(user, ITEM_LEARNER),
    change=lambda user: learner_staff_q(user, ITEM_LEARNER),
)
# A teacher's pins, removals and locks are seen and changed as the learner's path is.
register(
    PathOverride,
    view=lambda user: learner_view_q(user, THROUGH_LEARNER),
    change=lambda user: learner_staff_q(user, THROUGH_LEARNER),
)
# The log of changes is read with the path and written only by the services that change it.
register(PathChange, view=lambda user: learner_view_q(user, THROUGH_LEARNER), change=lambda user: NOTHING)
# A small group is the section's teachers' to plan; its students see the groups they are in.
register(
    SmallGroup,
    view=lambda user: section_change_q(user, "section__") | Q(students=user),
    change=lambda user: section_change_q(user, "section__"),
)
register(PathApproval, view=lambda user: section_change_q(user, "section__"), change=lambda user: NOTHING)
register(
    UnitPlan,
    view=lambda user: section_view_q(user, "section__"),
    change=lambda user: section_change_q(user, "section__"),
)
# The nightly runs are operations: their school's and district's admins see them; only the tasks write them.
register(NightlyRun, view=lambda user: admin_of_school_q(user, "school"), change=lambda user: Q(pk__in=[]))
register(NightlyBatch, view=lambda user: admin_of_school_q(user, "run__school"), change=lambda user: Q(pk__in=[]))
