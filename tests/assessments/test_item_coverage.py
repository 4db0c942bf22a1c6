"""`manage.py item_coverage`: per grade, the targets with and without enough items in the shared bank."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments import services
from assessments.selectors import item_coverage
from tests.conftest import make_target
from tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coverage_bank(bank):
    """bank's grade 6 targets (6.RP.A.1 has 4 items, 6.RP.A.2 has 3), a kindergarten target with 1, one with none,
    and a school's own item on 6.RP.A.2, which the shared bank's coverage leaves out."""
    counting = make_target(bank.framework, "K.CC.A.1", grade="K")
    make_target(bank.framework, "K.CC.A.2", grade="K")
    services.item_create(item_type="numeric", stem="Count the dots: ● ● ●", targets=[counting], key={"value": "3"})
    own = services.item_create(
        item_type="numeric", stem="Our school's rate question", targets=[bank.rates], key={"value": "2"}
    )
    own.school = SchoolFactory()
    own.save(update_fields=["school"])
    return bank


def run(*args) -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("item_coverage", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue() + err.getvalue()
    return 0, out.getvalue()


def test_coverage_counts_distinct_shared_items_per_target_grade_by_grade(coverage_bank):
    rows = item_coverage(framework=coverage_bank.framework, grades=["6", "K"], min_items=3)
    assert [(row.grade, row.targets, row.covered, row.uncovered) for row in rows] == [
        ("K", 2, [], [("K.CC.A.1", 1), ("K.CC.A.2", 0)]),
        ("6", 2, ["6.RP.A.1", "6.RP.A.2"], []),
    ]
    # An item on two targets counts once for each; the school's own item counts for neither
    rows = item_coverage(framework=coverage_bank.framework, grades=["6"], min_items=4)
    assert (rows[0].covered, rows[0].uncovered) == (["6.RP.A.1"], [("6.RP.A.2", 3)])


def test_the_command_prints_each_grade_and_exits_1_under_the_share_asked_for(coverage_bank):
    code, printed = run("--grades", "K,6", "--min-items", "3", "--min-share", "0.5")
    assert code == 0
    assert "  grade  K:   0 of   2 (0%)\n      without: K.CC.A.1 (1), K.CC.A.2 (0)\n" in printed
    assert "  grade  6:   2 of   2 (100%)\n      with:    6.RP.A.1, 6.RP.A.2\n" in printed
    assert "All: 2 of 4 targets (50.0%); required: 50.0%." in printed
    code, printed = run("--grades", "K,6", "--min-items", "3", "--min-share", "0.51")
    assert code == 1
    assert "Coverage 50.0% is under --min-share 51.0%." in printed


@pytest.mark.parametrize(
    "args, message",
    [
        (["--min-share", "lots"], "--min-share must be a number from 0 to 1, not 'lots'"),
        (["--min-share", "1.5"], "--min-share must be a number from 0 to 1, not '1.5'"),
        (["--min-items", "0"], "--min-items must be at least 1, not 0"),
        (["--grades", "K,13"], "--grades takes grades among K, 1, 2"),
        (["--framework", "nope"], "No framework has the slug 'nope'"),
    ],
)
def test_bad_arguments_are_refused_naming_them(coverage_bank, args, message):
    with pytest.raises(CommandError, match=message.replace(".", r"\.")):
        call_command("item_coverage", *args, stdout=StringIO())
