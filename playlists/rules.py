"""Permission rules for the activity catalog."""
from django.db.models import Q

from learning_platform.permissions import admin_of_school_q, register, roles_of
from playlists.models import Activity


def _activity_view(user) -> Q:
    # The shared catalog (no school) is open to everyone signed in.
    return Q(school__isnull=True) | Q(school_id__in=roles_of(user).member_of_schools) | admin_of_school_q(user, "school")


def _activity_change(user) -> Q:
    return Q(school_id__in=roles_of(user).teacher_at) | admin_of_school_q(user, "school")


register(Activity, view=_activity_view, change=_activity_change)
