"""Reading the rows of many ids at once (`any_of`)."""

import pytest

from learning_platform.models import Enrollment, User

pytestmark = pytest.mark.django_db


def test_any_of_finds_the_rows_in_does(world):
    # Given some users, and ids of them listed in any order, twice, with one that names nobody
    ids = [world.other_student.pk, world.student.pk, world.student.pk, 10**12]
    # Then any_of finds the rows __in finds, on a field and through a relation
    assert (
        set(User.objects.filter(pk__any_of=ids))
        == set(User.objects.filter(pk__in=ids))
        == {world.student, world.other_student}
    )
    through = Enrollment.objects.filter(student_id__any_of=ids).values_list("pk", flat=True)
    assert set(through) == set(Enrollment.objects.filter(student_id__in=ids).values_list("pk", flat=True))
    assert through.exists()
    # and no ids find no rows
    assert not User.objects.filter(pk__any_of=[]).exists()
    assert User.objects.exclude(pk__any_of=[]).count() == User.objects.count()
