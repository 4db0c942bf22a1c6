"""The demo history: the simulated students (pure), and the history written through the services.

The writing tests share one small history (two sections of a few students, two weeks), written in a module
fixture after the standards and the item bank are imported, and rolled back when the module ends. The fixture
writes it twice from an empty history, rolling the first back, to compare the two.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.db.models import Count, F
from django.test import override_settings

from assessments import scoring
from assessments.services import items_import
from assessments.models import Assessment, Assignment, Attempt, Response
from assessments.services import standards_import
from demo.history import (
    SimItem,
    SimTarget,
    SimulatedStudent,
    assessment_plan,
    draw_items,
    history_write,
    is_absent,
    right_answer,
    school_weeks,
    unit_sequence,
    wrong_answer,
)
from demo.seed import CCSS_DIRECTORY, ITEM_BANK_FILE
from learners.models import Evidence, MasteryState
from learning_platform.models import Enrollment
from learning_platform.services import enrollment_create, section_teacher_add
from tests.factories import LearnerFactory, SchoolFactory, SectionFactory, TeacherFactory, TermFactory

# A Monday: the two school weeks before it run from Monday 9 to Friday 20 November 2026.
TODAY = datetime.date(2026, 11, 23)
CHICAGO = ZoneInfo("America/Chicago")
SIXTH_GRADERS = ("ava.johnson", "diego.garcia", "layla.haddad", "minh.nguyen", "noah.smith")
EIGHTH_GRADERS = ("jakub.nowak", "mei.wang", "omar.khalil", "zoe.miller")


def numeric(value: str, code: str = "6.NS.B.2", grade: str = "6", item_id: int = 1) -> SimItem:
    return SimItem(
        item_id=item_id, item_type="numeric", key={"value": value, "tolerance": "0"}, targets=(SimTarget(code, grade),)
    )


# ---------------------------------------------------------------------------------------------------------
# The simulator


def test_a_student_is_the_same_student_on_every_run_and_another_seed_makes_another():
    items = [numeric(str(number), item_id=number) for number in range(1, 31)]

    def answers(seed: int) -> list:
        student = SimulatedStudent(username="ava.johnson", grade="6", seed=seed)
        return [student.ability, [student.answer(item) for item in items]]

    assert answers(7) == answers(7)
    assert answers(7) != answers(8)


def test_a_tiny_case_gives_exactly_these_answers():
    # given one grade 6 student and six items on one target
    student = SimulatedStudent(username="maya.rivera", grade="6", seed=5)
    target = SimTarget("6.NS.B.2", "6")
    # when she answers them
    answers = [student.answer(numeric(value, item_id=index)) for index, value in enumerate(("12", "3/4", "0.5") * 2)]
    # then her ability, learning rate and answers are exactly these: she learns it by the fourth item
    assert (round(student.ability, 4), round(student.learn, 4)) == (0.7519, 0.1043)
    assert round(student.start_probability(target), 4) == 0.2998
    assert [(answer.text, answer.correct) for answer in answers] == [
        ("-12", False),
        ("3/4", True),
        ("0.05", False),
        ("12", True),
        ("3/4", True),
        ("0.5", True),
    ]
    assert student.has_mastered(target) is True


def test_mastery_grows_with_practice():
    # given 300 grade 6 students who practice one target in exit tickets and quizzes for four weeks
    weeks = school_weeks(today=TODAY, weeks=4)
    plan = assessment_plan(weeks=weeks, target_codes=["6.NS.B.2"], rng=random.Random(1))
    students = [SimulatedStudent(username=f"student{number}", grade="6") for number in range(300)]
    target = SimTarget("6.NS.B.2", "6")
    right_by_week: dict[int, list[bool]] = {}
    mastered_by_week = []
    for week, days in enumerate(weeks):
        for planned in (planned for planned in plan if planned.day in days):
            for number in range(planned.item_count):
                item = numeric(str(number + 2), item_id=number)
                right_by_week.setdefault(week, []).extend(student.answer(item).correct for student in students)
        mastered_by_week.append(sum(student.has_mastered(target) for student in students))
    # then each week more of them have mastered it, and the last week's answers are right more often than the first's
    shares = [round(sum(right) / len(right), 3) for _, right in sorted(right_by_week.items())]
    assert shares == [0.436, 0.661, 0.768, 0.807]
    assert mastered_by_week == [164, 233, 250, 272]


def test_the_start_depends_on_the_ability_and_the_grade_of_the_target():
    weaker, stronger = sorted(
        (SimulatedStudent(username=username, grade="7") for username in ("ava.johnson", "diego.garcia")),
        key=lambda student: student.ability,
    )
    earlier, own, later = SimTarget("6.NS.B.3", "6"), SimTarget("7.NS.A.1", "7"), SimTarget("8.EE.A.2", "8")
    for student in (weaker, stronger):
        assert student.start_probability(earlier) > student.start_probability(own) > student.start_probability(later)
    assert stronger.start_probability(own) > weaker.start_probability(own)
    assert stronger.learn > weaker.learn


@pytest.mark.parametrize(
    ("item", "wrong"),
    [
        (numeric("625"), {"626", "624", "-625"}),
        (numeric("3/4"), {"7/4", "-1/4", "-3/4", "4/3"}),
        (numeric("59.46"), {"60.46", "58.46", "-59.46", "594.6", "5.946"}),
        (numeric("0"), {"1", "-1"}),
        (SimItem(1, "comparison", {"correct": "<"}, (SimTarget("6.NS.C.7", "6"),)), {">", "="}),
    ],
)
def test_a_wrong_answer_is_a_common_error_that_the_key_scores_wrong(item, wrong):
    rng = random.Random(5)
    answers = {wrong_answer(item, rng) for _ in range(200)}
    assert answers == wrong
    for answer in answers | {right_answer(item)}:
        result = scoring.score(item.item_type, [], item.key, answer)
        assert result.correct is (answer == right_answer(item))


def test_only_numeric_and_comparison_items_are_answered():
    choice = SimItem(1, "single_choice", {"correct": "a"}, (SimTarget("6.RP.A.1", "6"),))
    with pytest.raises(ValueError, match="not single_choice"):
        right_answer(choice)
    with pytest.raises(ValueError, match="not single_choice"):
        wrong_answer(choice, random.Random(1))


def test_the_school_weeks_end_yesterday():
    monday, wednesday = datetime.date(2026, 11, 23), datetime.date(2026, 11, 25)
    assert school_weeks(today=monday, weeks=2) == [
        [datetime.date(2026, 11, day) for day in range(9, 14)],
        [datetime.date(2026, 11, day) for day in range(16, 21)],
    ]
    # a week in progress counts, up to yesterday
    assert school_weeks(today=wednesday, weeks=2) == [
        [datetime.date(2026, 11, day) for day in range(16, 21)],
        [datetime.date(2026, 11, 23), datetime.date(2026, 11, 24)],
    ]
    assert school_weeks(today=monday, weeks=0) == []


def test_the_units_follow_the_standards_order_of_domains_clusters_and_numbers():
    assert unit_sequence(["6.EE.B.7", "6.NS.B.3", "6.EE.A.1", "6.NS.B.2", "6.RP.A.3c", "6.RP.A.3a"]) == [
        "6.RP.A.3a",
        "6.RP.A.3c",
        "6.NS.B.2",
        "6.NS.B.3",
        "6.EE.A.1",
        "6.EE.B.7",
    ]
    assert unit_sequence(["8.G.A.1", "8.EE.C.7", "8.F.A.1", "8.EE.A.2", "8.NS.A.1"]) == [
        "8.NS.A.1",
        "8.EE.A.2",
        "8.EE.C.7",
        "8.F.A.1",
        "8.G.A.1",
    ]


def test_the_plan_gives_two_exit_tickets_a_week_and_a_quiz_every_other_friday():
    weeks = school_weeks(today=TODAY, weeks=4)
    plan = assessment_plan(weeks=weeks, target_codes=["8.EE.A.2", "8.EE.C.7"], rng=random.Random(2))
    assert [(planned.day.isoformat(), planned.kind, planned.title, planned.item_count) for planned in plan] == [
        ("2026-10-27", "exit_ticket", "Exit ticket 1: 8.EE.A.2", 3),
        ("2026-10-29", "exit_ticket", "Exit ticket 2: 8.EE.A.2", 3),
        ("2026-11-03", "exit_ticket", "Exit ticket 3: 8.EE.A.2", 3),
        ("2026-11-05", "exit_ticket", "Exit ticket 4: 8.EE.A.2", 4),
        ("2026-11-06", "quiz", "Quiz 1: 8.EE.A.2", 8),
        ("2026-11-10", "exit_ticket", "Exit ticket 5: 8.EE.C.7", 3),
        ("2026-11-12", "exit_ticket", "Exit ticket 6: 8.EE.C.7", 5),
        ("2026-11-17", "exit_ticket", "Exit ticket 7: 8.EE.C.7", 5),
        ("2026-11-19", "exit_ticket", "Exit ticket 8: 8.EE.C.7", 4),
        ("2026-11-20", "quiz", "Quiz 2: 8.EE.C.7", 8),
    ]
    # with more targets than weeks, each week has its own unit, and a quiz covers two
    plan = assessment_plan(weeks=weeks[:2], target_codes=["6.NS.B.2", "6.NS.B.3", "6.EE.A.1"], rng=random.Random(2))
    assert [planned.target_codes for planned in plan] == [("6.NS.B.2",)] * 2 + [("6.NS.B.3",)] * 2 + [
        ("6.NS.B.2", "6.NS.B.3")
    ]


def test_items_are_drawn_evenly_over_the_targets_without_repeats():
    pools = {"6.NS.B.2": list(range(1, 101)), "6.NS.B.3": list(range(101, 201))}
    drawn = draw_items(pools, ("6.NS.B.2", "6.NS.B.3"), 5, random.Random(4))
    assert len(set(drawn)) == 5
    assert [item_id <= 100 for item_id in drawn] == [True, True, True, False, False]
    assert drawn == draw_items(pools, ("6.NS.B.2", "6.NS.B.3"), 5, random.Random(4))


def test_a_few_students_are_absent():
    absent = [is_absent(username=f"student{number}", occasion="Exit ticket 1: 6.NS.B.2") for number in range(1000)]
    assert sum(absent) == 66
    assert absent == [
        is_absent(username=f"student{number}", occasion="Exit ticket 1: 6.NS.B.2") for number in range(1000)
    ]


# ---------------------------------------------------------------------------------------------------------
# The history written through the services


def evidence_log() -> list[tuple]:
    return list(
        Evidence.objects.order_by("learner__username", "observed_at", "target__code", "response__item_id").values_list(
            "learner__username", "target__code", "correct", "observed_at"
        )
    )


@pytest.fixture(scope="module")
def written(django_db_setup, django_db_blocker):
    """A grade 6 section (period 1) of five students and a grade 8 section (period 5) of four, with two weeks
    of history; and the evidence of a first writing of the same history, rolled back."""
    fast_hasher = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast_hasher, transaction.atomic():
        standards_import(directory=CCSS_DIRECTORY)
        items_import(path=ITEM_BANK_FILE)
        school = SchoolFactory(slug="lincoln-ms", name="Lincoln Middle School", time_zone="America/Chicago")
        term = TermFactory(school=school, name="2026-27")
        teacher = TeacherFactory(school=school, username="ana.torres")
        sections = {}
        for grade, name, usernames in (
            ("6", "Math 6 - Period 1", SIXTH_GRADERS),
            ("8", "Math 8 - Period 5", EIGHTH_GRADERS),
        ):
            section = SectionFactory(school=school, term=term, name=name, grade=grade)
            section_teacher_add(section=section, teacher=teacher)
            for username in usernames:
                student = LearnerFactory(school=school, username=username, grade=grade).user
                enrollment_create(section=section, student=student, enrolled_on=term.starts_on)
            sections[grade] = section
        classes = [(sections["6"], 1), (sections["8"], 5)]
        checkpoints = []

        def checkpoint(day):
            # What had been written when the checkpoint came: attempts, and the last day one was handed in
            handed_in = Attempt.objects.filter(submitted_at__isnull=False)
            last = max((attempt.submitted_at.astimezone(CHICAGO).date() for attempt in handed_in), default=None)
            checkpoints.append((day, handed_in.count(), last))

        with transaction.atomic():
            first_created = history_write(
                classes=classes,
                weeks=2,
                today=TODAY,
                checkpoints=[TODAY, TODAY - datetime.timedelta(days=7)],
                on_checkpoint=checkpoint,
            )
            first_evidence = evidence_log()
            first_days = [
                when.astimezone(CHICAGO).date()
                for when in Attempt.objects.filter(submitted_at__isnull=False).values_list("submitted_at", flat=True)
            ]
            transaction.set_rollback(True)
        created = history_write(classes=classes, weeks=2, today=TODAY)
        try:
            yield SimpleNamespace(
                classes=classes,
                sections=sections,
                teacher=teacher,
                created=created,
                first_created=first_created,
                first_evidence=first_evidence,
                evidence=evidence_log(),
                checkpoints=checkpoints,
                first_days=first_days,
            )
        finally:
            transaction.set_rollback(True)


@pytest.mark.django_db
def test_each_checkpoint_comes_once_every_day_up_to_it_is_written_and_before_any_later_day(written):
    # The first writing had checkpoints on the Monday between its two weeks and on TODAY (given out of order); it
    # wrote the same history as the second, without them (see test_the_same_seed_writes_the_same_history)
    week_before = TODAY - datetime.timedelta(days=7)
    by_then = sum(1 for day in written.first_days if day <= week_before)
    assert 0 < by_then < len(written.first_days)
    assert written.checkpoints == [
        (week_before, by_then, max(day for day in written.first_days if day <= week_before)),
        (TODAY, len(written.first_days), max(written.first_days)),
    ]


@pytest.mark.django_db
def test_the_teacher_gives_each_section_its_plan_in_class_time(written):
    assignments = Assignment.objects.select_related("assessment", "section").order_by("section__name", "opens_at")
    rows = [
        (
            assignment.section.name,
            assignment.assessment.title,
            assignment.assessment.kind,
            assignment.assessment.items.count(),
            assignment.opens_at.astimezone(CHICAGO).strftime("%a %b %d %H:%M"),
            assignment.due_at.astimezone(CHICAGO).strftime("%H:%M"),
            assignment.assessment.time_limit_minutes,
        )
        for assignment in assignments
    ]
    assert rows == [
        ("Math 6 - Period 1", "Exit ticket 1: 6.NS.B.2", "exit_ticket", 5, "Tue Nov 10 08:38", "15:10", None),
        ("Math 6 - Period 1", "Exit ticket 2: 6.NS.B.2", "exit_ticket", 4, "Thu Nov 12 08:38", "15:10", None),
        ("Math 6 - Period 1", "Exit ticket 3: 6.NS.B.3", "exit_ticket", 3, "Tue Nov 17 08:38", "15:10", None),
        ("Math 6 - Period 1", "Exit ticket 4: 6.NS.B.3", "exit_ticket", 4, "Thu Nov 19 08:38", "15:10", None),
        ("Math 6 - Period 1", "Quiz 1: 6.NS.B.2, 6.NS.B.3", "quiz", 8, "Fri Nov 20 08:05", "15:10", 30),
        ("Math 8 - Period 5", "Exit ticket 1: 8.EE.A.2", "exit_ticket", 5, "Tue Nov 10 12:48", "15:10", None),
        ("Math 8 - Period 5", "Exit ticket 2: 8.EE.A.2", "exit_ticket", 4, "Thu Nov 12 12:48", "15:10", None),
        ("Math 8 - Period 5", "Exit ticket 3: 8.EE.C.7", "exit_ticket", 3, "Tue Nov 17 12:48", "15:10", None),
        ("Math 8 - Period 5", "Exit ticket 4: 8.EE.C.7", "exit_ticket", 4, "Thu Nov 19 12:48", "15:10", None),
        ("Math 8 - Period 5", "Quiz 1: 8.EE.A.2, 8.EE.C.7", "quiz", 8, "Fri Nov 20 12:15", "15:10", 30),
    ]
    assert set(Assessment.objects.values_list("created_by__username", "school__slug")) == {("ana.torres", "lincoln-ms")}
    # every item comes from the MathCAMPS bank and is tagged to a target of the section's grade it checks
    for assignment in assignments:
        targets = set(assignment.assessment.items.values_list("targets__code", "source"))
        assert {source for _, source in targets} == {"mathcamps"}
        assert {code for code, _ in targets} <= set(assignment.assessment.title.split(": ")[1].split(", "))


@pytest.mark.django_db
def test_every_student_present_took_each_assessment_once_and_every_attempt_is_scored(written):
    for assignment in Assignment.objects.select_related("assessment", "section"):
        enrolled = set(
            Enrollment.objects.filter(section=assignment.section).values_list("student__username", flat=True)
        )
        present = {
            username for username in enrolled if not is_absent(username=username, occasion=assignment.assessment.title)
        }
        attempts = assignment.attempts.select_related("learner")
        assert sorted(attempt.learner.username for attempt in attempts) == sorted(present)
        for attempt in attempts:
            assert attempt.status == Attempt.Status.SCORED
            assert assignment.opens_at < attempt.started_at < attempt.submitted_at < assignment.due_at
            assert attempt.responses.count() == assignment.assessment.items.count()
    assert Attempt.objects.count() == 44
    assert not Response.objects.filter(correct__isnull=True).exists()


@pytest.mark.django_db
def test_a_right_answer_is_the_key_and_a_wrong_one_is_scored_wrong(written):
    responses = Response.objects.select_related("item")
    for response in responses:
        key = response.item.key.get("value", response.item.key.get("correct"))
        assert response.correct is (response.answer == key)
    assert Counter(responses.values_list("correct", flat=True)) == Counter({True: 92, False: 116})


@pytest.mark.django_db
def test_each_scored_response_is_evidence_for_each_target_of_its_item_and_mastery_follows(written):
    expected = Response.objects.filter(correct__isnull=False).annotate(targets=Count("item__targets"))
    assert Evidence.objects.count() == sum(response.targets for response in expected) == 208
    assert not Evidence.objects.exclude(observed_at=F("response__attempt__submitted_at")).exists()
    # each student has a state on each target they answered items on, with a level
    states = MasteryState.objects.select_related("learner", "target").order_by("learner__username", "target__code")
    for state in states:
        assert state.evidence_count == Evidence.objects.filter(learner=state.learner, target=state.target).count()
    assert [(state.learner.username, state.target.code, state.level) for state in states] == [
        ("ava.johnson", "6.NS.B.2", "attempted"),
        ("ava.johnson", "6.NS.B.3", "attempted"),
        ("diego.garcia", "6.NS.B.2", "attempted"),
        ("diego.garcia", "6.NS.B.3", "attempted"),
        ("jakub.nowak", "8.EE.A.2", "attempted"),
        ("jakub.nowak", "8.EE.C.7", "attempted"),
        ("layla.haddad", "6.NS.B.2", "mastered"),
        ("layla.haddad", "6.NS.B.3", "mastered"),
        ("mei.wang", "8.EE.A.2", "attempted"),
        ("mei.wang", "8.EE.C.7", "attempted"),
        ("minh.nguyen", "6.NS.B.2", "mastered"),
        ("minh.nguyen", "6.NS.B.3", "mastered"),
        ("noah.smith", "6.NS.B.2", "mastered"),
        ("noah.smith", "6.NS.B.3", "mastered"),
        ("omar.khalil", "8.EE.A.2", "mastered"),
        ("omar.khalil", "8.EE.C.7", "mastered"),
        ("zoe.miller", "8.EE.A.2", "mastered"),
        ("zoe.miller", "8.EE.C.7", "mastered"),
    ]


@pytest.mark.django_db
def test_the_run_reports_what_it_wrote(written):
    assert written.created == Counter(
        {"assessments": 10, "assignments": 10, "attempts": 44, "responses": 208, "evidence rows": 208}
    )
    assert (Assessment.objects.count(), Attempt.objects.count(), Response.objects.count()) == (10, 44, 208)


@pytest.mark.django_db
def test_a_second_run_adds_nothing(written):
    counts = (Assessment.objects.count(), Attempt.objects.count(), Evidence.objects.count())
    assert history_write(classes=written.classes, weeks=2, today=TODAY) == Counter()
    # not even on another day, when the weeks have moved on
    assert history_write(classes=written.classes, weeks=2, today=TODAY + datetime.timedelta(days=7)) == Counter()
    assert (Assessment.objects.count(), Attempt.objects.count(), Evidence.objects.count()) == counts


@pytest.mark.django_db
def test_the_same_seed_writes_the_same_history(written):
    assert written.first_created == written.created
    assert written.first_evidence == written.evidence
    assert len(written.evidence) == 208


@pytest.mark.django_db
def test_days_outside_the_term_have_no_history(written):
    # given a history asked for the weeks before the term starts
    term = written.sections["6"].term
    before_term = [(SectionFactory(school=term.school, term=term, name="Math 6 - Period 2"), 2)]
    section_teacher_add(section=before_term[0][0], teacher=written.teacher)
    assert history_write(classes=before_term, weeks=2, today=term.starts_on) == Counter()
    assert not Assignment.objects.filter(section=before_term[0][0]).exists()
