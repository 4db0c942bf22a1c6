"""Writes of a school's own content: the items its teachers write and edit, and the questions of an assessment
changed before anyone takes it. One function per use case; the pages and the API are doors onto these.

A school's own items are seen and changed by its staff only (assessments.rules); the shared bank is read-only to
them. Every item is checked as the bank checks one (`Item.clean`: the key against its type, the Markdown) before
anything is written.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from assessments import services
from assessments.models import Assessment, AssessmentItem, Attempt, Item, LearningTarget, Response
from assessments.selectors import authoring_schools
from learning_platform.models import School

# The fields of an item its author writes; `item_update` takes any of them.
ITEM_FIELDS = ("item_type", "stem", "choices", "key", "rubric", "difficulty", "max_points", "hints", "worked_solution")
# The fields a scored response depends on: changing them once students have answered rescores their answers.
SCORING_FIELDS = ("choices", "key")


def can_author(user, school: School | None) -> bool:
    """May the user write and change the school's own content?"""
    return school is not None and authoring_schools(user).filter(pk=school.pk).exists()


def _require_author_at(author, school: School) -> None:
    if not can_author(author, school):
        raise ValidationError({"school": "You can write content only for a school where you teach or which you run."})


@transaction.atomic
def item_write(
    *,
    author,
    school: School,
    item_type: str,
    stem: str,
    targets: list[LearningTarget],
    choices: list | None = None,
    key: dict | None = None,
    rubric: dict | None = None,
    difficulty: int = 2,
    max_points: Decimal = Decimal("1"),
    hints: list[str] | None = None,
    worked_solution: str = "",
) -> Item:
    """A new item of `school`'s own, written by `author`, tagged to at least one target."""
    _require_author_at(author, school)
    return services.item_create(
        item_type=item_type,
        stem=stem,
        targets=targets,
        school=school,
        created_by=author,
        choices=choices,
        key=key,
        rubric=rubric,
        difficulty=difficulty,
        max_points=max_points,
        hints=hints,
        worked_solution=worked_solution,
    )


@transaction.atomic
def item_update(*, item: Item, by, targets: list[LearningTarget] | None = None, **changes) -> Item:
    """Change a school's own item. Once students have answered it, its type stays (write a new question instead),
    a changed key or choice list rescores every answer (`services.item_key_correct`), and an open response's
    rubric stays once a teacher has scored with it."""
    unknown = set(changes) - set(ITEM_FIELDS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: "This field cannot be changed here."})
    item = Item.objects.select_for_update().get(pk=item.pk)
    if item.school_id is None:
        raise ValidationError("Items of the shared bank cannot be changed; write a question of your school's own.")
    _require_author_at(by, item.school)
    answered = Response.objects.filter(item=item).exclude(attempt__status=Attempt.Status.IN_PROGRESS).exists()
    changed = {name for name, value in changes.items() if getattr(item, name) != value}
    if answered and "item_type" in changed:
        raise ValidationError(
            {"item_type": "Students have answered this question; its type cannot change. Write a new question instead."}
        )
    if answered and "rubric" in changed and Response.objects.filter(item=item, scored_at__isnull=False).exists():
        raise ValidationError(
            {"rubric": "Answers have been scored with this rubric; it cannot change. Write a new question instead."}
        )
    if "stem" in changes:
        changes["stem"] = changes["stem"].strip()
    rescore = answered and not item.is_open and bool(changed & set(SCORING_FIELDS))
    for name in changed - (set(SCORING_FIELDS) if rescore else set()):
        setattr(item, name, changes[name])
    if targets is not None and not targets:
        raise ValidationError({"targets": "An item needs at least one learning target."})
    item.full_clean()
    item.save()
    if targets is not None:
        item.targets.set(targets)
    if rescore:
        services.item_key_correct(
            item=item, key=changes.get("key", item.key), choices=changes.get("choices", item.choices)
        )
        item.refresh_from_db()
    return item


def _questions_changeable(assessment: Assessment) -> None:
    """Refuse to change the questions of an assessment someone has started, or one the engine wrote for a learner."""
    if assessment.written_for_id is not None:
        raise ValidationError("This exit ticket was written by the path engine for one student; it cannot be changed.")
    if Attempt.objects.filter(assignment__assessment=assessment).exists():
        raise ValidationError("A student has started this assessment; its questions can no longer change.")


def _usable_item(assessment: Assessment, item: Item) -> None:
    if not Item.objects.usable_at(assessment.school).filter(pk=item.pk).exists():
        raise ValidationError({"item": "That question is retired or belongs to another school."})


@transaction.atomic
def assessment_item_add(*, assessment: Assessment, item: Item, by) -> AssessmentItem:
    """Add a question at the end of an assessment no student has started yet."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _require_author_at(by, assessment.school)
    _questions_changeable(assessment)
    _usable_item(assessment, item)
    links = AssessmentItem.objects.filter(assessment=assessment)
    if links.filter(item=item).exists():
        raise ValidationError({"item": "That question is already in this assessment."})
    last = links.order_by("-position").values_list("position", flat=True).first() or 0
    return AssessmentItem.objects.create(assessment=assessment, item=item, position=last + 1)


@transaction.atomic
def assessment_item_swap(*, assessment: Assessment, old_item: Item, new_item: Item, by) -> AssessmentItem:
    """Put `new_item` in the place of `old_item` in an assessment no student has started yet."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _require_author_at(by, assessment.school)
    _questions_changeable(assessment)
    _usable_item(assessment, new_item)
    link = AssessmentItem.objects.filter(assessment=assessment, item=old_item).first()
    if link is None:
        raise ValidationError({"old_item": "That question is not in this assessment."})
    if AssessmentItem.objects.filter(assessment=assessment, item=new_item).exists():
        raise ValidationError({"item": "That question is already in this assessment."})
    link.item = new_item
    link.save(update_fields=["item"])
    return link


@transaction.atomic
def assessment_item_remove(*, assessment: Assessment, item: Item, by) -> None:
    """Take a question out of an assessment no student has started yet; at least one question stays."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _require_author_at(by, assessment.school)
    _questions_changeable(assessment)
    links = list(AssessmentItem.objects.filter(assessment=assessment).order_by("position"))
    if not any(link.item_id == item.pk for link in links):
        raise ValidationError({"item": "That question is not in this assessment."})
    if len(links) == 1:
        raise ValidationError({"item": "An assessment needs at least one question; swap it instead."})
    AssessmentItem.objects.filter(assessment=assessment, item=item).delete()


QUESTION_CHANGES = ("add", "swap", "remove")


def assessment_questions_change(
    *, assessment: Assessment, action: str, item: Item, old_item: Item | None = None, by
) -> None:
    """One change of an assessment's questions, as a page or the API asks for it: add `item`, swap it in for
    `old_item`, or remove it."""
    if action == "add":
        assessment_item_add(assessment=assessment, item=item, by=by)
    elif action == "remove":
        assessment_item_remove(assessment=assessment, item=item, by=by)
    elif action == "swap":
        if old_item is None:
            raise ValidationError({"old_item": "Name the question to swap out."})
        assessment_item_swap(assessment=assessment, old_item=old_item, new_item=item, by=by)
    else:
        raise ValidationError({"action": "Choose to add, swap or remove a question."})
