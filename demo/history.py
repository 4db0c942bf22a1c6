"""The demo's past: weeks of exit tickets and quizzes that simulated students took, so mastery grids, daily paths
and dashboards have data from the first run. The same seed (and the same `today`) writes the same history.

Two parts. The simulator is plain Python, no Django: each student has an ability, drawn from a seeded
random.Random, and on each target a hidden true state, mastered or not. The state starts mastered with a
probability that grows with the ability and shrinks as the target's grade rises above the student's; it may
flip to mastered after each practice opportunity (an answered item on the target) with the student's `learn`
probability, and never flips back within the few weeks simulated. An answer is right with probability
1 - SLIP when the student has mastered every target of the item, and GUESS otherwise. A wrong answer is a
plausible one: a number one off, with its sign flipped, its decimal point moved or its fraction upside down; a
comparison's other symbol.

The writer (`history_write`) plays the past of each section: over the school weeks before today, its teacher
gives exit tickets on the week's target (a unit sequence through the grade's targets that the MathCAMPS bank
has items for) and, every other week, a quiz on the last two units; every enrolled student, bar a few absences,
starts and submits each one through the platform's own services at the time it happened, in the school's time
zone, and the mastery model updates from the evidence.
"""

from __future__ import annotations

import datetime
import math
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.utils import timezone
from tqdm import tqdm

from assessments import scoring
from assessments.item_import import SOURCE as BANK_SOURCE
from assessments.models import Assignment, Item, LearningTarget
from assessments.services import CCSS_MATH, assessment_create, assignment_create, attempt_start, attempt_submit
from learners.models import Evidence
from learning_platform.calendar import school_zone
from learning_platform.models import Enrollment, Section, User

# Changing the seed changes every simulated answer: a new demo history, not an update.
HISTORY_SEED = 20261019

# The simulation's parameters, per answer. GUESS: the bank's items are word problems answered by typing a
# number, which a student without the skill gets right only by luck or a half-remembered method: 0.15, a little
# under the mastery model's default guess of 0.2 (assessments.bkt), which has choice items to cover too. SLIP: a
# careless error by a student who has the skill, the model's default 0.1.
GUESS = 0.15
SLIP = 0.1
# LEARN: the chance that an average student (ability 0) masters a target from one practice opportunity. The
# dozen or so items of a unit (two exit tickets and half a quiz) then bring a little over half the students to
# mastery, leaving the rest for the teacher to see; a student one standard deviation above average learns about
# twice as fast, one below about half as fast (the ability shifts the log-odds by ABILITY_LEARN_WEIGHT).
LEARN = 0.06
ABILITY_LEARN_WEIGHT = 0.8
# The log-odds of starting a target mastered for an average student, by the target's grade minus the
# student's: an earlier grade's target is mostly known already, the student's own grade's mostly not yet (about
# one in six: some learned it ahead), a later grade's rarely. The student's ability adds to these.
START_LOG_ODDS = {-2: 2.5, -1: 1.0, 0: -1.6, 1: -3.0}
# US middle schools average about 94% daily attendance.
ABSENCE_RATE = 0.06

# Exit tickets are drawn 3 to 5 items long (assessments.services.EXIT_TICKET_SIZE); a quiz has QUIZ_SIZE items
# and QUIZ_MINUTES (stretched by a student's extended time).
EXIT_TICKET_SIZE = (3, 5)
QUIZ_SIZE = 8
QUIZ_MINUTES = 30
# Weekdays (Monday is 0): exit tickets on Tuesdays and Thursdays, and a quiz every second Friday.
EXIT_TICKET_DAYS = (1, 3)
QUIZ_DAY = 4
# The order of the domains in the Common Core's grade 6-8 documents: the unit sequence follows it (grade 6
# teaches the number system before expressions and equations), then the clusters and standards in order.
DOMAIN_ORDER = ("RP", "NS", "EE", "F", "G", "SP")

# When each class period meets (a 50-minute period, lunch between the 4th and 5th) and when the school day ends:
# exit tickets open near the end of the period, quizzes at its start, and both are due at the end of the day.
PERIOD_STARTS = {
    1: datetime.time(8, 0),
    2: datetime.time(8, 55),
    3: datetime.time(9, 50),
    4: datetime.time(10, 45),
    5: datetime.time(12, 10),
    6: datetime.time(13, 5),
}
SCHOOL_DAY_ENDS = datetime.time(15, 10)
EXIT_TICKET_OPENS_AFTER = datetime.timedelta(minutes=38)
QUIZ_OPENS_AFTER = datetime.timedelta(minutes=5)


# ---------------------------------------------------------------------------------------------------------
# The simulator: plain Python

# The models' values for the item types the simulation answers (the MathCAMPS bank has no others) and for the
# kinds of assessment it plans.
NUMERIC, COMPARISON = "numeric", "comparison"
EXIT_TICKET, QUIZ = "exit_ticket", "quiz"


@dataclass(frozen=True)
class SimTarget:
    code: str
    grade: str


@dataclass(frozen=True)
class SimItem:
    """An item as the simulator sees it: its type and key (as assessments.scoring reads them) and its targets."""

    item_id: int
    item_type: str
    key: dict
    targets: tuple[SimTarget, ...]


@dataclass(frozen=True)
class SimAnswer:
    """What a simulated student typed or chose, and whether the simulation meant it to be right."""

    text: str
    correct: bool


class SimulatedStudent:
    """One student's ability and hidden true mastery, and the answers that follow from them.

    Everything random comes from random.Random streams seeded by (seed, username), so a student answers the
    same whatever the other students do; the start state of a target has its own stream, so it does not depend
    on the order targets come up in.
    """

    def __init__(self, *, username: str, grade: str, seed: int = HISTORY_SEED) -> None:
        self.username = username
        self.grade = grade
        self._seed = seed
        self._rng = random.Random(f"{seed}:{username}")
        self.ability = self._rng.gauss(0.0, 1.0)
        self.learn = _sigmoid(_logit(LEARN) + ABILITY_LEARN_WEIGHT * self.ability)
        self._mastered: dict[str, bool] = {}

    def start_probability(self, target: SimTarget) -> float:
        """The chance the student has mastered `target` before any practice."""
        offset = min(max(_grade_number(target.grade) - _grade_number(self.grade), -2), 1)
        return _sigmoid(START_LOG_ODDS[offset] + self.ability)

    def has_mastered(self, target: SimTarget) -> bool:
        """The hidden truth: has the student mastered `target` (so far)?"""
        if target.code not in self._mastered:
            draw = random.Random(f"{self._seed}:{self.username}:{target.code}").random()
            self._mastered[target.code] = draw < self.start_probability(target)
        return self._mastered[target.code]

    def answer(self, item: SimItem) -> SimAnswer:
        """Answer `item`, then maybe learn from the practice."""
        knows = all(self.has_mastered(target) for target in item.targets)
        correct = self._rng.random() < (1 - SLIP if knows else GUESS)
        text = right_answer(item) if correct else wrong_answer(item, self._rng)
        for target in item.targets:
            if not self._mastered[target.code] and self._rng.random() < self.learn:
                self._mastered[target.code] = True
        return SimAnswer(text=text, correct=correct)


def is_absent(*, username: str, occasion: str, seed: int = HISTORY_SEED) -> bool:
    """Was the student away for `occasion` (an assessment's title in its section)? Each occasion draws alone."""
    return random.Random(f"{seed}:{username}:{occasion}:absent").random() < ABSENCE_RATE


def right_answer(item: SimItem) -> str:
    """The answer the key expects, as a student would type or choose it."""
    _require_answerable(item)
    return item.key["value"] if item.item_type == NUMERIC else item.key["correct"]


def wrong_answer(item: SimItem, rng: random.Random) -> str:
    """A plausible wrong answer to `item` (see the module docstring), which the key scores wrong."""
    _require_answerable(item)
    if item.item_type == COMPARISON:
        return rng.choice([symbol for symbol in scoring.COMPARISON_SYMBOLS if symbol != item.key["correct"]])
    text = item.key["value"]
    value = scoring.parse_number(text)
    tolerance = scoring.parse_number(item.key.get("tolerance", "0"))
    # One off means off by more than the key tolerates.
    candidates = {value + 1 + tolerance, value - 1 - tolerance, -value}
    is_decimal = "." in text
    if is_decimal:
        candidates |= {value * 10, value / 10}
    elif value.denominator != 1:
        candidates.add(1 / value)
    wrong = sorted(candidate for candidate in candidates if abs(candidate - value) > tolerance)
    return _number_text(rng.choice(wrong), decimal=is_decimal)


def _require_answerable(item: SimItem) -> None:
    if item.item_type not in (NUMERIC, COMPARISON):
        raise ValueError(f"The simulation answers numeric and comparison items, not {item.item_type}.")


def _number_text(value: Fraction, *, decimal: bool) -> str:
    """`value` written like the key it answers: a decimal ("5.946") or an integer or fraction ("-1079/3123")."""
    if not decimal:
        return str(value)
    return format((Decimal(value.numerator) / value.denominator).normalize(), "f")


def _grade_number(grade: str) -> int:
    return {"K": 0, "HS": 9}[grade] if grade in ("K", "HS") else int(grade)


def _sigmoid(log_odds: float) -> float:
    return 1 / (1 + math.exp(-log_odds))


def _logit(probability: float) -> float:
    return math.log(probability / (1 - probability))


def school_weeks(*, today: datetime.date, weeks: int) -> list[list[datetime.date]]:
    """The school days (Monday to Friday) of the `weeks` school weeks ending yesterday, oldest first, a list a week.

    The last week is yesterday's, or the one just finished when yesterday was a weekend day; it may be partial.
    """
    yesterday = today - datetime.timedelta(days=1)
    last_monday = yesterday - datetime.timedelta(days=yesterday.weekday())
    result = []
    for back in range(weeks - 1, -1, -1):
        monday = last_monday - datetime.timedelta(weeks=back)
        result.append([day for offset in range(5) if (day := monday + datetime.timedelta(days=offset)) <= yesterday])
    return result


def unit_sequence(codes) -> list[str]:
    """Target codes in teaching order: by domain as the standards list them (DOMAIN_ORDER), cluster, number."""

    def position(code: str) -> tuple:
        _, domain, cluster, standard = code.split(".", 3)
        digits = "".join(character for character in standard if character.isdigit())
        rank = DOMAIN_ORDER.index(domain) if domain in DOMAIN_ORDER else len(DOMAIN_ORDER)
        return rank, cluster, int(digits or 0), standard

    return sorted(codes, key=position)


@dataclass(frozen=True)
class PlannedAssessment:
    """An assessment a section takes on `day`: its title (unique in the section), kind, targets and size."""

    title: str
    kind: str
    day: datetime.date
    target_codes: tuple[str, ...]
    item_count: int


def assessment_plan(
    *, weeks: list[list[datetime.date]], target_codes: list[str], rng: random.Random
) -> list[PlannedAssessment]:
    """A section's assessments over `weeks` (see school_weeks), oldest first.

    Week by week the class works through `target_codes` in order, one unit a week; when the weeks outnumber the
    targets, the first units take two. Exit tickets check the week's unit; every second week ends with a quiz on
    its unit and the week before's. Exit ticket sizes are drawn from `rng`.
    """
    plan: list[PlannedAssessment] = []
    units = [target_codes[min(week, week * len(target_codes) // len(weeks))] for week in range(len(weeks))]
    exit_tickets = quizzes = 0
    for week, days in enumerate(weeks):
        quiz_week = week % 2 == 1
        for day in days:
            weekday = day.weekday()
            if weekday in EXIT_TICKET_DAYS:
                exit_tickets += 1
                plan.append(
                    PlannedAssessment(
                        title=f"Exit ticket {exit_tickets}: {units[week]}",
                        kind=EXIT_TICKET,
                        day=day,
                        target_codes=(units[week],),
                        item_count=rng.randint(*EXIT_TICKET_SIZE),
                    )
                )
            elif quiz_week and weekday == QUIZ_DAY:
                quizzes += 1
                codes = tuple(dict.fromkeys(units[week - 1 : week + 1]))
                plan.append(
                    PlannedAssessment(
                        title=f"Quiz {quizzes}: {', '.join(codes)}",
                        kind=QUIZ,
                        day=day,
                        target_codes=codes,
                        item_count=QUIZ_SIZE,
                    )
                )
    return plan


def draw_items(pools: dict[str, list[int]], codes: tuple[str, ...], count: int, rng: random.Random) -> list[int]:
    """`count` distinct item ids from the pools of `codes`, spread evenly over them in order."""
    shares = [count // len(codes) + (index < count % len(codes)) for index in range(len(codes))]
    drawn: list[int] = []
    for code, share in zip(codes, shares, strict=True):
        drawn.extend(rng.sample(pools[code], share))
    return drawn


# ---------------------------------------------------------------------------------------------------------
# The writer: the plan played through the platform's services


def history_write(
    *,
    classes: list[tuple[Section, int]],
    weeks: int,
    today: datetime.date | None = None,
    seed: int = HISTORY_SEED,
    progress: bool = False,
    checkpoints: list[datetime.date] = (),
    on_checkpoint=None,
) -> Counter:
    """Write the history of each (section, class period) in `classes`; returns the rows created, by kind.

    The sections' assessments are written day by day, all sections together, so the platform's state after a
    day is what it was then: `on_checkpoint(day)` is called for each of `checkpoints` once everything up to that
    day is written (the demo takes its dashboards' weekly snapshots there). Each section keeps its own order.

    `today` defaults to the school's local date. A section that already has any assessment of its plan is
    skipped whole: its history is written in one go (inside the caller's transaction), so it is all there or
    not at all, and a second run adds nothing. So is a section without a teacher to give the assessments. Days
    outside the section's term are left out.
    """
    targets = list(
        LearningTarget.objects.filter(
            framework__slug=CCSS_MATH.slug,
            grade__in={section.grade for section, _ in classes},
            items__source=BANK_SOURCE,
            items__is_active=True,
        ).distinct()
    )
    histories = []
    for section, period in classes:
        zone = school_zone(section.school)
        weeks_in_term = [
            [day for day in week if section.term.starts_on <= day <= section.term.ends_on]
            for week in school_weeks(today=today or timezone.localdate(timezone=zone), weeks=weeks)
        ]
        codes = unit_sequence(target.code for target in targets if target.grade == section.grade)
        rng = random.Random(f"{seed}:{section.school.slug}:{section.term.name}:{section.name}")
        plan = assessment_plan(weeks=weeks_in_term, target_codes=codes, rng=rng) if codes else []
        # The lead teacher, added first, gives the section's assessments.
        lead = Section.teachers.through.objects.filter(section=section).order_by("pk").select_related("user").first()
        titles = [planned.title for planned in plan]
        if plan and lead and not Assignment.objects.filter(section=section, assessment__title__in=titles).exists():
            histories.append(
                _SectionHistory(section=section, period=period, zone=zone, teacher=lead.user, plan=plan, rng=rng)
            )
    if not histories:
        return Counter()

    items = _bank_items(targets)
    bank = {
        item.pk: SimItem(
            item_id=item.pk,
            item_type=item.item_type,
            key=item.key,
            targets=tuple(SimTarget(code=target.code, grade=target.grade) for target in item.targets.all()),
        )
        for item in items.values()
    }
    pools: dict[str, list[int]] = {}
    for sim_item in bank.values():
        for target in sim_item.targets:
            pools.setdefault(target.code, []).append(sim_item.item_id)
    created: Counter = Counter()
    total = sum(len(history.plan) for history in histories)
    with tqdm(total=total, desc="Demo history", unit="assessment", file=sys.stderr, disable=not progress) as bar:
        ordered = sorted(
            (
                (planned.day, number, order, planned)
                for number, history in enumerate(histories)
                for order, planned in enumerate(history.plan)
            ),
            key=lambda entry: entry[:3],
        )
        waiting = sorted(checkpoints)
        for day, number, _, planned in ordered:
            while waiting and waiting[0] < day:
                on_checkpoint(waiting.pop(0))
            created += _assessment_write(histories[number], planned, items=items, bank=bank, pools=pools, seed=seed)
            bar.update()
    for day in waiting:
        on_checkpoint(day)
    return created


@dataclass
class _SectionHistory:
    """A section's history in the writing: its plan, and its simulated students as they learn."""

    section: Section
    period: int
    zone: ZoneInfo
    teacher: User
    plan: list[PlannedAssessment]
    # Draws the items of the section's assessments, in plan order.
    rng: random.Random
    students: dict[str, SimulatedStudent] = field(default_factory=dict)


def _bank_items(targets: list[LearningTarget]) -> dict[int, Item]:
    """The MathCAMPS bank's active items on `targets`, by id, with their targets."""
    return {
        item.pk: item
        for item in Item.objects.filter(source=BANK_SOURCE, is_active=True, targets__in=targets)
        .distinct()
        .order_by("pk")
        .prefetch_related(Prefetch("targets", queryset=LearningTarget.objects.only("code", "grade")))
    }


def _assessment_write(
    history: _SectionHistory,
    planned: PlannedAssessment,
    *,
    items: dict[int, Item],
    bank: dict[int, SimItem],
    pools: dict[str, list[int]],
    seed: int,
) -> Counter:
    """The section's teacher gives `planned`, and each student present takes it; returns the rows created."""
    section, teacher = history.section, history.teacher
    item_ids = draw_items(pools, planned.target_codes, planned.item_count, history.rng)
    quiz = planned.kind == QUIZ
    assessment = assessment_create(
        title=planned.title,
        kind=planned.kind,
        school=section.school,
        created_by=teacher,
        items=[items[item_id] for item_id in item_ids],
        time_limit_minutes=QUIZ_MINUTES if quiz else None,
        show_answers_after_submit=True,
    )
    class_starts = datetime.datetime.combine(planned.day, PERIOD_STARTS[history.period], tzinfo=history.zone)
    opens_at = class_starts + (QUIZ_OPENS_AFTER if quiz else EXIT_TICKET_OPENS_AFTER)
    assignment = assignment_create(
        assessment=assessment,
        section=section,
        opens_at=opens_at,
        assigned_by=teacher,
        due_at=datetime.datetime.combine(planned.day, SCHOOL_DAY_ENDS, tzinfo=history.zone),
    )
    created = Counter(assessments=1, assignments=1)
    enrollments = (
        Enrollment.objects.active()
        .filter(section=section, enrolled_on__lte=planned.day)
        .select_related("student__learner_profile")
        .order_by("student__username")
    )
    for enrollment in enrollments:
        learner = enrollment.student
        if is_absent(username=learner.username, occasion=planned.title, seed=seed):
            continue
        if learner.username not in history.students:
            history.students[learner.username] = SimulatedStudent(
                username=learner.username, grade=learner.learner_profile.grade, seed=seed
            )
        student = history.students[learner.username]
        moments = random.Random(f"{seed}:{learner.username}:{planned.title}:moments")
        started_at = opens_at + datetime.timedelta(seconds=moments.randint(30, 180))
        taking = datetime.timedelta(seconds=moments.randint(12 * 60, 27 * 60) if quiz else moments.randint(120, 360))
        answers = {item_id: student.answer(bank[item_id]).text for item_id in item_ids}
        attempt = attempt_start(assignment=assignment, learner=learner, now=started_at)
        # Submitting updates mastery in the same transaction, so the evidence is written now, in order.
        attempt = attempt_submit(attempt=attempt, learner=learner, answers=answers, now=started_at + taking)
        created["evidence rows"] += Evidence.objects.filter(response__attempt=attempt).count()
        created.update(attempts=1, responses=len(item_ids))
    return created
