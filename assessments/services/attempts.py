"""Attempts: start, autosave, submit once, score, close the expired ones."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from assessments import scoring
from assessments.models import (
    Assignment,
    Attempt,
    Item,
    Response,
)
from learning_platform.locks import learners_lock, learners_lock_free
from learning_platform.models import User
from learning_platform.signals import attempt_scored


# ---------------------------------------------------------------------------------------------------------
# Attempts: start, autosave, submit once, score

# Answers that reach the server within this much of a deadline still count (the network is not instant).
SUBMIT_GRACE = timedelta(seconds=30)


def assignment_reaches(*, assignment: Assignment, learner) -> bool:
    """Is `learner` one of the students the assignment was given to (actively enrolled, and chosen if any)?"""
    if not assignment.section.enrollments.active().filter(student=learner).exists():
        return False
    chosen = assignment.students.all()
    return not chosen.exists() or chosen.filter(pk=learner.pk).exists()


def _extended_time_factor(learner) -> Decimal:
    # Through the user's reverse relation: the learner's profile lives in a later app of the data flow, which this
    # one does not import.
    factor = User.objects.filter(pk=learner.pk).values_list("learner_profile__extended_time_factor", flat=True).first()
    return factor or Decimal("1")


def _when(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%b %-d at %-I:%M %p")


@transaction.atomic
def attempt_start(*, assignment: Assignment, learner, now: datetime | None = None) -> Attempt:
    """Start (or resume) the learner's attempt; the time limit is stretched by their extended-time factor."""
    now = now or timezone.now()
    # Locking the assignment makes two tabs starting at once get the same attempt.
    assignment = Assignment.objects.select_for_update().select_related("assessment").get(pk=assignment.pk)
    if not assignment_reaches(assignment=assignment, learner=learner):
        raise ValidationError("This assessment is not assigned to you.")
    if now < assignment.opens_at:
        raise ValidationError(f"This assessment opens {_when(assignment.opens_at)}.")
    if now > assignment.due_at:
        raise ValidationError(f"This assessment closed {_when(assignment.due_at)}.")
    attempts = Attempt.objects.filter(assignment=assignment, learner=learner)
    open_attempt = attempts.filter(status=Attempt.Status.IN_PROGRESS).first()
    if open_attempt:
        return open_attempt
    used = attempts.count()
    allowed = assignment.assessment.attempts_allowed
    if used >= allowed:
        raise ValidationError(f"You have used all {allowed} attempt{'s' if allowed != 1 else ''}.")
    deadline = None
    if assignment.assessment.time_limit_minutes:
        minutes = assignment.assessment.time_limit_minutes * _extended_time_factor(learner)
        deadline = now + timedelta(minutes=float(minutes))
    return Attempt.objects.create(
        assignment=assignment,
        learner=learner,
        number=used + 1,
        started_at=now,
        deadline_at=deadline,
        max_points=sum(item.max_points for item in assignment.assessment.items.all()),
    )


def _refuse_unless_open(attempt: Attempt, learner, now: datetime) -> None:
    if attempt.learner_id != learner.pk:
        raise ValidationError("This attempt belongs to another learner.")
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise ValidationError("This attempt was already submitted.")
    if attempt.deadline_at and now > attempt.deadline_at + SUBMIT_GRACE:
        raise ValidationError(f"Time ran out {_when(attempt.deadline_at)}; your saved answers were kept.")
    if now > attempt.assignment.due_at + SUBMIT_GRACE:
        raise ValidationError(f"This assessment closed {_when(attempt.assignment.due_at)}.")


# Typed answers autosave as drafts while the student types ("3/" on the way to "3/4"); their shape is
# checked at submit. Choices are checked at once.
TYPED_TYPES = {Item.Type.NUMERIC, Item.Type.SHORT_TEXT, Item.Type.OPEN_RESPONSE}
MAX_TYPED_LENGTH = 5000


def _checked_answers(attempt: Attempt, answers: dict, *, draft: bool = False) -> dict[int, tuple[Item, object]]:
    """The answers by item id, each checked for shape (drafts: typed ones only for type and length);
    all problems are reported together."""
    items = {item.pk: item for item in attempt.assignment.assessment.items.all()}
    checked, problems = {}, {}
    for raw_id, answer in answers.items():
        try:
            item = items[int(raw_id)]
        except (KeyError, ValueError, TypeError):
            problems[str(raw_id)] = "That question is not part of this assessment."
            continue
        if draft and item.item_type in TYPED_TYPES:
            if not isinstance(answer, str) or len(answer) > MAX_TYPED_LENGTH:
                problems[str(item.pk)] = f"Type your answer as text of at most {MAX_TYPED_LENGTH} characters."
            else:
                checked[item.pk] = (item, answer)
            continue
        try:
            checked[item.pk] = (item, scoring.validate_answer(item.item_type, item.choices, answer))
        except scoring.AnswerShapeError as error:
            problems[str(item.pk)] = str(error)
    if problems:
        raise ValidationError(problems)
    return checked


def _save_answers(attempt: Attempt, checked: dict[int, tuple[Item, object]], now: datetime) -> None:
    """Write the answers in two queries; the attempt row is locked, so nobody else writes them meanwhile."""
    if not checked:
        return
    existing = {
        response.item_id: response for response in Response.objects.filter(attempt=attempt, item_id__in=checked)
    }
    new, changed = [], []
    for item_id, (item, answer) in checked.items():
        response = existing.get(item_id)
        if response is None:
            new.append(Response(attempt=attempt, item=item, answer=answer, saved_at=now))
        else:
            response.answer, response.saved_at = answer, now
            changed.append(response)
    Response.objects.bulk_create(new)
    Response.objects.bulk_update(changed, ["answer", "saved_at"])


def _locked_attempt(attempt: Attempt) -> Attempt:
    # Lock the attempt row only: every learner's submit joins the same assignment row.
    return Attempt.objects.select_for_update(of=("self",)).select_related("assignment__assessment").get(pk=attempt.pk)


@transaction.atomic
def attempt_answer_save(*, attempt: Attempt, learner, item_id: int, answer, now: datetime | None = None) -> Response:
    """Autosave one answer as it is typed; a bad shape is refused and the saved answer stays."""
    now = now or timezone.now()
    attempt = _locked_attempt(attempt)
    _refuse_unless_open(attempt, learner, now)
    checked = _checked_answers(attempt, {item_id: answer}, draft=True)
    _save_answers(attempt, checked, now)
    return Response.objects.get(attempt=attempt, item_id=int(item_id))


@transaction.atomic
def attempt_submit(*, attempt: Attempt, learner, answers: dict | None = None, now: datetime | None = None) -> Attempt:
    """Submit the attempt once and score it; a second submit (two tabs, a retry) returns the first result."""
    now = now or timezone.now()
    # The learner before the attempt and their path's items (the lock order: learning_platform.locks); the
    # mastery update and the path's marking below take the same row again.
    learners_lock([attempt.learner_id])
    attempt = _locked_attempt(attempt)
    if attempt.learner_id == learner.pk and attempt.status != Attempt.Status.IN_PROGRESS:
        return attempt
    _refuse_unless_open(attempt, learner, now)
    checked = _checked_answers(attempt, answers or {})
    # Drafts saved earlier (and not replaced now) must have a final shape too.
    _checked_answers(
        attempt,
        {
            response.item_id: response.answer
            for response in attempt.responses.all()
            if response.answer is not None and response.item_id not in checked
        },
    )
    _save_answers(attempt, checked, now)
    _score_and_close(attempt, submitted_at=now)
    # The student is waiting on what comes next: their mastery moves in this transaction (the learners app
    # falls back to its task if it cannot), so only the path's rebuild waits for a worker.
    attempt_scored.send(sender=Attempt, attempt_id=attempt.pk)
    return attempt


def _score_and_close(attempt: Attempt, *, submitted_at: datetime) -> None:
    """Score every auto-scored item (unanswered ones count as wrong) and close the attempt."""
    responses = {response.item_id: response for response in attempt.responses.all()}
    scored = []
    for link in attempt.assignment.assessment.assessment_items.select_related("item").order_by("position"):
        item = link.item
        response = responses.get(item.pk) or Response(attempt=attempt, item=item, answer=None, saved_at=submitted_at)
        response.item = item
        if not item.is_open:
            _apply_score(response, item)
        scored.append(response)
    Response.objects.bulk_create([response for response in scored if response.pk is None])
    Response.objects.bulk_update(
        [response for response in scored if not response.item.is_open], ["correct", "points", "feedback"]
    )
    attempt.submitted_at = submitted_at
    _attempt_totals(attempt)


def _apply_score(response: Response, item: Item) -> bool:
    """Score `response` against the item's current key; returns whether anything changed."""
    try:
        if response.answer is None:
            raise scoring.AnswerShapeError("Not answered.")
        result = scoring.score(item.item_type, item.choices, item.key, response.answer, max_points=item.max_points)
        correct, points, feedback = result.correct, result.points, result.feedback
    except scoring.AnswerShapeError:
        # Unanswered, or a draft left unfinished when time ran out: wrong, not an error.
        correct, points, feedback = False, Decimal("0"), ""
    changed = (response.correct, response.points, response.feedback) != (correct, points, feedback)
    response.correct, response.points, response.feedback = correct, points, feedback
    return changed


def _attempt_totals(attempt: Attempt) -> None:
    """Points so far, and the status: waiting for the teacher while an open response is unscored."""
    rows = list(attempt.responses.select_related("item"))
    waiting = any(response.item.is_open and response.scored_at is None for response in rows)
    attempt.points = sum((response.points or Decimal("0")) for response in rows)
    attempt.status = Attempt.Status.AWAITING_TEACHER if waiting else Attempt.Status.SCORED
    attempt.save(update_fields=["points", "status", "submitted_at"])


@transaction.atomic
def response_rubric_score(
    *, response: Response, teacher, levels: dict, comment: str = "", now: datetime | None = None
) -> Response:
    """A teacher scores an open response criterion by criterion, with a comment; what follows any scoring follows
    (`attempt_scored`: mastery, the assessment done on the learner's path, the path's rebuild)."""
    response = Response.objects.select_for_update(of=("self",)).select_related("item", "attempt").get(pk=response.pk)
    if not response.item.is_open:
        raise ValidationError("Only open responses are scored with a rubric.")
    if response.attempt.status == Attempt.Status.IN_PROGRESS:
        raise ValidationError("The student has not submitted this work yet.")
    try:
        result = scoring.rubric_score(response.item.rubric, levels)
    except scoring.AnswerShapeError as error:
        raise ValidationError({"levels": str(error)}) from None
    response.rubric_levels = dict(levels)
    response.points = (result.points / result.max_points * response.item.max_points).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    response.correct = result.correct
    response.teacher_comment = comment.strip()
    response.scored_by = teacher
    response.scored_at = now or timezone.now()
    response.scoring_revision += 1
    response.save(
        update_fields=[
            "rubric_levels",
            "points",
            "correct",
            "teacher_comment",
            "scored_by",
            "scored_at",
            "scoring_revision",
        ]
    )
    attempt = _locked_attempt(response.attempt)
    _attempt_totals(attempt)
    attempt_scored.send(sender=Attempt, attempt_id=attempt.pk)
    return response


@transaction.atomic
def item_key_correct(*, item: Item, key: dict, choices: list | None = None) -> int:
    """Correct an item's key and rescore every submitted response to it; returns how many changed.

    Each changed response gets a new scoring revision, and each rescored attempt goes on as any scored attempt
    does (`attempt_scored`): its mastery is recomputed from the evidence log (the old evidence is superseded, never
    edited) and the learner's path follows.
    """
    item = Item.objects.select_for_update().get(pk=item.pk)
    if item.is_open:
        raise ValidationError("Open responses are scored by the teacher; change the rubric scores instead.")
    item.key = key
    if choices is not None:
        item.choices = choices
    item.full_clean()
    item.key_version += 1
    item.save(update_fields=["key", "choices", "key_version", "updated_at"])
    changed = []
    for response in (
        Response.objects.select_for_update(of=("self",))
        .filter(item=item)
        .exclude(attempt__status=Attempt.Status.IN_PROGRESS)
    ):
        response.item = item
        if _apply_score(response, item):
            response.scoring_revision += 1
            changed.append(response)
    Response.objects.bulk_update(changed, ["correct", "points", "feedback", "scoring_revision"])
    for attempt in Attempt.objects.select_for_update().filter(pk__in={response.attempt_id for response in changed}):
        _attempt_totals(attempt)
        attempt_scored.send(sender=Attempt, attempt_id=attempt.pk)
    return len(changed)


@transaction.atomic
def attempts_close_expired(*, now: datetime | None = None) -> int:
    """Submit, with their saved answers, attempts whose time or assessment window has run out; what follows a
    submit follows (`attempt_scored`: mastery, the assessment done on the learner's path, the path's rebuild)."""
    now = now or timezone.now()
    expired = Attempt.objects.filter(status=Attempt.Status.IN_PROGRESS).filter(
        Q(deadline_at__lt=now - SUBMIT_GRACE) | Q(assignment__due_at__lt=now - SUBMIT_GRACE)
    )
    # The learners' rows before their attempts' (the lock order: learning_platform.locks), as a submit takes
    # them. Skipped while someone holds them: a learner submitting right now closes their own attempt, and
    # whatever else is still open is closed on the next run.
    learner_ids = learners_lock_free(expired.order_by().values_list("learner_id", flat=True).distinct())
    closed = 0
    for attempt in (
        expired.filter(learner_id__in=learner_ids)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("assignment__assessment")
        .order_by("pk")
    ):
        _score_and_close(attempt, submitted_at=now)
        attempt_scored.send(sender=Attempt, attempt_id=attempt.pk)
        closed += 1
    return closed
