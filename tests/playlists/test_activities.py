"""The activity catalog's rules: an activity lives somewhere, takes sensible time, and is scoped by school."""

import pytest
from django.db import IntegrityError, transaction

from learning_platform.permissions import can, visible
from playlists.models import Activity
from tests.conftest import ROLES, person

pytestmark = pytest.mark.django_db


def make_activity(**fields):
    defaults = {
        "slug": "ratios-video",
        "title": "Ratios in recipes",
        "modality": "video",
        "expected_minutes": 10,
        "body": "Watch and pause at each question.",
    }
    return Activity.objects.create(**{**defaults, **fields})


def test_an_activity_needs_a_link_or_a_body(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_activity(body="", url="")
    assert not Activity.objects.exists()


def test_minutes_must_be_sensible(db):
    activity = Activity(slug="x", title="X", modality="video", expected_minutes=0, body="b")
    with pytest.raises(Exception, match="greater than or equal to 1"):
        activity.full_clean()


def test_interest_tags_are_short_phrases(db):
    activity = Activity(slug="x", title="X", modality="video", expected_minutes=5, body="b", interest_tags="sports")
    with pytest.raises(Exception, match="list of short phrases"):
        activity.full_clean()


# role -> (sees the shared activity, sees school A's own, may change school A's own)
ACTIVITY_MATRIX = {
    "anonymous": (False, False, False),
    "student": (True, True, False),
    "other_student": (True, True, False),
    "teacher": (True, True, True),
    "other_teacher": (True, True, True),
    "school_admin": (True, True, True),
    "other_school_admin": (True, False, False),
    "district_admin": (True, True, True),
}


@pytest.mark.parametrize("role", ROLES)
def test_activity_scope(world, role):
    shared = make_activity(slug="shared")
    own = make_activity(slug="lincoln-only", school=world.school)
    user = person(world, role)
    sees_shared, sees_own, changes_own = ACTIVITY_MATRIX[role]
    assert can(user, "view", shared) is sees_shared
    assert can(user, "view", own) is sees_own
    assert can(user, "change", own) is changes_own
    assert can(user, "change", shared) is False
    assert visible(user, Activity).count() == sees_shared + sees_own
