"""Practice: one question at a time with immediate feedback, hints and the worked solution."""

from __future__ import annotations

import random
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assessments import scoring
from assessments.models import (
    Item,
    LearningTarget,
    PracticeResponse,
    PracticeSet,
    Response,
)
from learning_platform.locks import learners_lock
from learning_platform.signals import practice_answered


# ---------------------------------------------------------------------------------------------------------
# Practice: questions answered one at a time with immediate feedback, hints and the worked solution

# After this many wrong tries at a practice question its worked solution opens with the right answer: a third
# try rarely teaches more than seeing how it is done.
PRACTICE_TRIES = 2


def practice_items(*, learner, target: LearningTarget, school, count: int, seed: str, exclude=()) -> list[Item]:
    """Up to `count` items for practising `target`: usable at the school and scored by the platform; items with a
    worked solution and hints before bare ones (feedback is the point of practice), items the learner has not met
    before first, then easiest first, ties in an order drawn from `seed`. Items in `exclude` (already drawn for
    another target, an item may check two) are not drawn again."""
    excluded = {item.pk for item in exclude}
    pool = [
        item
        for item in Item.objects.usable_at(school).auto_scored().filter(targets=target).order_by("pk")
        if item.pk not in excluded
    ]
    met = set(
        PracticeResponse.objects.filter(practice_set__learner=learner, item__in=pool).values_list("item_id", flat=True)
    ) | set(Response.objects.filter(attempt__learner=learner, item__in=pool).values_list("item_id", flat=True))
    random.Random(seed).shuffle(pool)
    pool.sort(key=lambda item: (not item.worked_solution, not item.hints, item.pk in met))
    return sorted(pool[:count], key=lambda item: item.difficulty)


@transaction.atomic
def practice_set_start(
    *, learner, target: LearningTarget, school, size: int, seed: str = "", now: datetime | None = None
) -> PracticeSet | None:
    """A new practice set of `size` questions on `target` for `learner`; None when the bank has none for it."""
    items = practice_items(learner=learner, target=target, school=school, count=size, seed=seed or str(learner.pk))
    if not items:
        return None
    practice_set = PracticeSet.objects.create(learner=learner, target=target, created_at=now or timezone.now())
    PracticeResponse.objects.bulk_create(
        PracticeResponse(practice_set=practice_set, item=item, position=position)
        for position, item in enumerate(items, start=1)
    )
    return practice_set


def _own_practice(learner, practice_id) -> PracticeResponse:
    """The learner's own practice question, locked after the learner (the lock order: learning_platform.locks);
    ValidationError when it is not theirs."""
    learners_lock([learner.pk])
    practice = (
        PracticeResponse.objects.select_for_update(of=("self",))
        .select_related("item")
        .filter(pk=practice_id, practice_set__learner=learner)
        .first()
    )
    if practice is None:
        raise ValidationError("This question is not one of yours.")
    return practice


def _practice_save(practice: PracticeResponse, *, first_answer=None, correct: bool = False, now: datetime) -> None:
    """Save a practice question; when it has no answer yet and `correct` is for its first one (`first_answer`,
    None for "I don't know"), record that answer as the one that counts, and have mastery follow in this
    transaction."""
    first = practice.answered_at is None
    if first:
        practice.answer, practice.correct, practice.answered_at = first_answer, correct, now
        practice.hinted = practice.hints_shown > 0
    practice.save(update_fields=_PRACTICE_FIELDS)
    if first:
        practice_answered.send(sender=PracticeResponse, practice_id=practice.pk)


_PRACTICE_FIELDS = [
    "answer",
    "correct",
    "answered_at",
    "hinted",
    "last_answer",
    "last_correct",
    "tries",
    "hints_shown",
    "solution_shown",
    "updated_at",
]


@transaction.atomic
def practice_answer(*, learner, practice_id: int, answer, now: datetime | None = None) -> PracticeResponse:
    """Score a try at a practice question at once. The first try is evidence for mastery; after PRACTICE_TRIES
    wrong tries the worked solution opens. A malformed answer is refused (ValidationError naming `answer`) and
    nothing is written."""
    now = now or timezone.now()
    practice = _own_practice(learner, practice_id)
    if practice.finished:
        raise ValidationError("You have finished this question; go on to the next one.")
    item = practice.item
    try:
        result = scoring.score(item.item_type, item.choices, item.key, answer, max_points=item.max_points)
        answer = scoring.validate_answer(item.item_type, item.choices, answer)
    except scoring.AnswerShapeError as error:
        raise ValidationError({"answer": str(error)}) from None
    practice.last_answer, practice.last_correct = answer, bool(result.correct)
    practice.tries += 1
    if not result.correct and practice.tries >= PRACTICE_TRIES:
        practice.solution_shown = True
    _practice_save(practice, first_answer=answer, correct=bool(result.correct), now=now)
    return practice


@transaction.atomic
def practice_hint(*, learner, practice_id: int) -> PracticeResponse:
    """Open the next hint of a practice question (a hint opened before the first answer makes that answer count
    for less)."""
    practice = _own_practice(learner, practice_id)
    if practice.finished:
        raise ValidationError("You have finished this question; go on to the next one.")
    if practice.hints_shown >= len(practice.item.hints):
        raise ValidationError("There are no more hints for this question; try it, or ask to see how it is solved.")
    practice.hints_shown += 1
    practice.save(update_fields=["hints_shown", "updated_at"])
    return practice


@transaction.atomic
def practice_show_solution(*, learner, practice_id: int, now: datetime | None = None) -> PracticeResponse:
    """ "I don't know: show me how": the worked solution and the right answer open; before any answer this counts
    as a wrong first answer (as ALEKS counts "I don't know")."""
    practice = _own_practice(learner, practice_id)
    if not practice.solution_shown:
        practice.solution_shown = True
        _practice_save(practice, first_answer=None, correct=False, now=now or timezone.now())
    return practice
