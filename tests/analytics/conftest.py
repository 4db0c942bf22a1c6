"""A week at Lincoln for the dashboards' tests: a snapshot taken a week before, then a week of work."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from analytics import services
from assessments import services as assessment_services
from assessments.models import Assessment
from learners import services as learner_services
from playlists.services import unit_plan_set

ZONE = ZoneInfo("America/New_York")
WEEK_BEFORE = datetime.date(2026, 11, 9)
AS_OF = datetime.date(2026, 11, 16)


def at(day: datetime.date, hour: int, minute: int = 0, second: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute, second), tzinfo=ZONE)


def judge(world, learner, target, level, teacher=None):
    learner_services.mastery_judgment_set(
        learner=learner,
        target=target,
        teacher=teacher or world.teacher,
        level=level,
        reason="Seen in class.",
        now=at(AS_OF, 11),
    )


@pytest.fixture
def week(world, bank):
    """Lincoln's three grade-6 learners on the two grade-6 targets (ratios and rates), a snapshot taken on
    WEEK_BEFORE while nobody was proficient, then a week of work:

    - world.section plans a unit on both targets from Nov 2 to Nov 29, so by AS_OF (day 15 of 28) its learners
      are expected to be proficient on 2 x 15/28 = 1.071 targets, which rounds to 1;
    - world.other_section plans nothing, so the term paces it: day 85 of the 299 from Aug 24 to Jun 18, so
      2 x 85/299 = 0.569 targets, which rounds to 1 as well;
    - `student` (IEP) hands in an exit ticket in 7.5 minutes and is judged proficient on ratios, mastered on rates;
    - `other_student` hands it in after 20 minutes and is judged familiar on both;
    - `stranger_student` does no work and is judged proficient on ratios by their teacher.
    """
    learner_services.learner_profile_update(by=world.teacher, profile=world.student_profile, changes={"has_iep": True})
    schools = [world.school, world.other_school, world.far_school]
    services.snapshot_take_now(schools=schools, as_of=WEEK_BEFORE, now=at(WEEK_BEFORE, 23))
    unit_plan_set(
        teacher=world.teacher,
        section=world.section,
        name="Ratios",
        starts_on=datetime.date(2026, 11, 2),
        ends_on=datetime.date(2026, 11, 29),
        targets=[bank.ratios, bank.rates],
    )
    assessment = assessment_services.assessment_create(
        title="Ratios exit ticket",
        kind=Assessment.Kind.EXIT_TICKET,
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.choice, bank.items.numeric, bank.items.compare],
    )
    assignment = assessment_services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=at(AS_OF, 8),
        due_at=at(AS_OF, 16),
        assigned_by=world.teacher,
    )
    item = bank.items
    for learner, answers, finished in (
        (world.student, {item.choice.pk: "b", item.numeric.pk: "5", item.compare.pk: ">"}, at(AS_OF, 9, 7, 30)),
        (world.other_student, {item.choice.pk: "a", item.numeric.pk: "3/4", item.compare.pk: "<"}, at(AS_OF, 9, 20)),
    ):
        attempt = assessment_services.attempt_start(assignment=assignment, learner=learner, now=at(AS_OF, 9))
        assessment_services.attempt_submit(attempt=attempt, learner=learner, answers=answers, now=finished)
    judge(world, world.student, bank.ratios, "proficient")
    judge(world, world.student, bank.rates, "mastered")
    judge(world, world.other_student, bank.ratios, "familiar")
    judge(world, world.other_student, bank.rates, "familiar")
    judge(world, world.stranger_student_profile.user, bank.ratios, "proficient", teacher=world.other_teacher)
    return SimpleNamespace(schools=schools, world=world, bank=bank)


def take(week, now=None):
    return services.snapshot_take_now(
        schools=week.schools, as_of=AS_OF, now=now or at(AS_OF + datetime.timedelta(days=1), 4)
    )
