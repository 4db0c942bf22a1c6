"""What a school may use from the shared catalogs: active, and shared or the school's own."""

from __future__ import annotations

import pytest

from assessments import services as assessment_services
from assessments.models import Item, LearningTarget
from playlists.models import Activity
from playlists.selectors import _catalog_stamp
from tests.conftest import make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def activities(world, bank):
    """A shared activity, one of world.school's, one of other_school's, and a retired shared one."""
    made = {slug: make_activity(slug, "video", 10, [bank.ratios]) for slug in ("shared", "ours", "theirs", "retired")}
    Activity.objects.filter(slug="ours").update(school=world.school)
    Activity.objects.filter(slug="theirs").update(school=world.other_school)
    Activity.objects.filter(slug="retired").update(is_active=False)
    return made


def test_activities_usable_at_a_school_leave_out_retired_and_other_schools(world, activities):
    assert set(Activity.objects.usable_at(world.school).values_list("slug", flat=True)) == {"shared", "ours"}
    # a school id does as well as a school
    assert set(Activity.objects.usable_at(world.other_school.pk).values_list("slug", flat=True)) == {"shared", "theirs"}


def test_items_usable_at_a_school_leave_out_retired_and_other_schools(world, bank):
    ours = assessment_services.item_create(
        item_type="numeric",
        stem="Ours?",
        targets=[bank.rates],
        key={"value": "1", "tolerance": "0"},
        school=world.school,
    )
    theirs = assessment_services.item_create(
        item_type="numeric",
        stem="Theirs?",
        targets=[bank.rates],
        key={"value": "1", "tolerance": "0"},
        school=world.other_school,
    )
    Item.objects.filter(pk=bank.items.text.pk).update(is_active=False)

    usable = set(Item.objects.usable_at(world.school))

    assert ours in usable and theirs not in usable and bank.items.text not in usable
    assert bank.items.choice in usable


def test_the_catalog_stamp_counts_what_the_school_may_use(world, bank, activities):
    # 2 targets and no edges; 2 usable activities, each on one target; the bank's 6 shared items
    stamp = _catalog_stamp(world.school.pk)
    assert (stamp[0], stamp[1], stamp[3], stamp[5], stamp[6]) == (LearningTarget.objects.count(), 0, 2, 2, 6)

    # retiring a usable activity changes the stamp; a change to another school's does not
    Activity.objects.filter(slug="theirs").update(is_active=False)
    assert _catalog_stamp(world.school.pk) == stamp
    Activity.objects.filter(slug="ours").update(is_active=False)
    assert _catalog_stamp(world.school.pk)[3] == 1
