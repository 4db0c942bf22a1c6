"""Items, assessments (written or generated) and their assignment to sections."""

from __future__ import annotations

import random
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from assessments.models import (
    Assessment,
    AssessmentItem,
    Assignment,
    Item,
    LearningTarget,
)
from learning_platform.permissions import not_in_message
from learning_platform.signals import path_inputs_changed


# ---------------------------------------------------------------------------------------------------------
# Items and assessments

# An exit ticket is the short daily check: three to five items on today's targets.
EXIT_TICKET_SIZE = (3, 5)
# Default sizes when a teacher has an assessment generated and does not say how many items.
GENERATED_SIZE = {
    Assessment.Kind.QUIZ: 10,
    Assessment.Kind.CHECKPOINT: 8,
    Assessment.Kind.RUBRIC_TASK: 1,
}


@transaction.atomic
def item_create(
    *,
    item_type: str,
    stem: str,
    targets: list[LearningTarget],
    school=None,
    created_by=None,
    choices: list | None = None,
    key: dict | None = None,
    rubric: dict | None = None,
    difficulty: int = 2,
    max_points: Decimal = Decimal("1"),
    hints: list[str] | None = None,
    worked_solution: str = "",
    source: str = "teacher",
    source_id: str = "",
) -> Item:
    """A new item in the bank, tagged to at least one target; its key is checked against its type."""
    if not targets:
        raise ValidationError({"targets": "An item needs at least one learning target."})
    item = Item(
        item_type=item_type,
        stem=stem.strip(),
        choices=choices or [],
        key=key or {},
        rubric=rubric or {},
        difficulty=difficulty,
        max_points=max_points,
        hints=hints or [],
        worked_solution=worked_solution,
        school=school,
        created_by=created_by,
        source=source,
        source_id=source_id,
    )
    item.full_clean()
    item.save()
    item.targets.set(targets)
    return item


@transaction.atomic
def assessment_create(
    *,
    title: str,
    kind: str,
    school,
    created_by,
    items: list[Item],
    attempts_allowed: int = 1,
    time_limit_minutes: int | None = None,
    show_answers_after_submit: bool = False,
    show_feedback_after_submit: bool = True,
    written: tuple | None = None,
) -> Assessment:
    """An assessment of `items`, in that order, built from the bank by a teacher, or written by the playlist engine
    for one learner's day (`written`: (learner, school day)), which may check more targets than a teacher's exit
    ticket of EXIT_TICKET_SIZE items would."""
    items = list(items)
    if not items:
        raise ValidationError({"items": "Choose at least one item."})
    if len({item.pk for item in items}) != len(items):
        raise ValidationError({"items": "Each item can appear once."})
    low, high = EXIT_TICKET_SIZE
    if kind == Assessment.Kind.EXIT_TICKET and not written and not low <= len(items) <= high:
        raise ValidationError({"items": f"An exit ticket has {low} to {high} items; this one has {len(items)}."})
    if kind == Assessment.Kind.RUBRIC_TASK and not any(item.is_open for item in items):
        raise ValidationError({"items": "A rubric task needs at least one open-response item."})
    usable = set(Item.objects.usable_at(school).filter(pk__in=[item.pk for item in items]).values_list("pk", flat=True))
    unusable = [str(item.pk) for item in items if item.pk not in usable]
    if unusable:
        raise ValidationError({"items": f"These items are retired or belong to another school: {', '.join(unusable)}."})
    written_for, written_on = written or (None, None)
    assessment = Assessment(
        title=title.strip(),
        kind=kind,
        school=school,
        created_by=created_by,
        attempts_allowed=attempts_allowed,
        time_limit_minutes=time_limit_minutes,
        show_answers_after_submit=show_answers_after_submit,
        show_feedback_after_submit=show_feedback_after_submit,
        written_for=written_for,
        written_on=written_on,
    )
    assessment.full_clean()
    assessment.save()
    AssessmentItem.objects.bulk_create(
        AssessmentItem(assessment=assessment, item=item, position=position)
        for position, item in enumerate(items, start=1)
    )
    return assessment


def generated_size(kind: str, target_count: int) -> int:
    """How many items a generated assessment of `kind` on `target_count` targets gets by default."""
    if kind == Assessment.Kind.EXIT_TICKET:
        low, high = EXIT_TICKET_SIZE
        return min(high, max(low, 2 * target_count))
    if kind == Assessment.Kind.DIAGNOSTIC:
        return 2 * target_count
    return GENERATED_SIZE[kind]


@transaction.atomic
def assessment_generate(
    *,
    title: str,
    kind: str,
    school,
    created_by,
    targets: list[LearningTarget],
    item_count: int | None = None,
    seed: int = 0,
    **options,
) -> Assessment:
    """An assessment drawn from the bank for `targets`: items spread evenly over the targets, in target order,
    those with a worked solution first.

    The same seed draws the same items. Open-response items are drawn only for rubric tasks.
    """
    targets = list(targets)
    if not targets:
        raise ValidationError({"targets": "Choose at least one learning target."})
    wanted = item_count or generated_size(kind, len(targets))
    wants_open = kind == Assessment.Kind.RUBRIC_TASK
    pools = {}
    for target in targets:
        usable = Item.objects.usable_at(school).filter(targets=target)
        pool = list(
            (usable.filter(item_type=Item.Type.OPEN_RESPONSE) if wants_open else usable.auto_scored()).order_by("id")
        )
        random.Random(f"{seed}:{target.code}").shuffle(pool)
        # Items with a worked solution first: after the submit, a wrong answer then shows how it is solved.
        pool.sort(key=lambda item: not item.worked_solution)
        pools[target.code] = pool
    empty = [code for code, pool in pools.items() if not pool]
    if empty:
        raise ValidationError({"targets": f"The item bank has no items for {', '.join(empty)}."})
    chosen: list[Item] = []
    seen: set[int] = set()
    while len(chosen) < wanted and any(pools.values()):
        for target in targets:
            pool = pools[target.code]
            while pool and pool[0].pk in seen:
                pool.pop(0)
            if pool and len(chosen) < wanted:
                item = pool.pop(0)
                chosen.append(item)
                seen.add(item.pk)
    if len(chosen) < wanted:
        raise ValidationError(
            {"item_count": f"The item bank has only {len(chosen)} items for these targets; {wanted} were asked for."}
        )
    return assessment_create(title=title, kind=kind, school=school, created_by=created_by, items=chosen, **options)


@transaction.atomic
def assignment_create(
    *,
    assessment: Assessment,
    section,
    opens_at: datetime,
    due_at: datetime,
    assigned_by,
    students=(),
) -> Assignment:
    """Give an assessment to a section, or to chosen students of it, between `opens_at` and `due_at`. An
    assessment the engine wrote is on its learner's path already, so it changes no path's inputs."""
    if section.school_id != assessment.school_id:
        raise ValidationError({"section": "The section is in another school than the assessment."})
    if due_at <= opens_at:
        raise ValidationError({"due_at": "The due date must come after the opening date."})
    students = list(students)
    enrolled = set(section.enrollments.active().filter(student__in=students).values_list("student_id", flat=True))
    outsiders = [student.pk for student in students if student.pk not in enrolled]
    if outsiders:
        message = not_in_message(viewer=assigned_by, place=section, outsider_ids=outsiders)
        raise ValidationError({"students": message})
    assignment = Assignment.objects.create(
        assessment=assessment, section=section, opens_at=opens_at, due_at=due_at, assigned_by=assigned_by
    )
    assignment.students.set(students)
    if assessment.written_for_id is None:
        reached = [student.pk for student in students] or list(
            section.enrollments.active().values_list("student_id", flat=True)
        )
        path_inputs_changed.send(sender=Assignment, learner_ids=reached, reason="assignment")
    return assignment
