"""The student's assessment page: take an assigned assessment (answers save as they are typed), submit it once,
see the feedback the teacher allows, and then the rebuilt path."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from assessments import selectors, services
from assessments.models import Attempt, Item
from learning_platform.pages import validation_message
from learning_platform.validation import MAX_TEXT, clean_text

CHOICE_TYPES = {Item.Type.SINGLE_CHOICE, Item.Type.COMPARISON}


def _answers_from(post, items) -> dict[str, object]:
    """The form's answers by item id, leaving out the questions left blank."""
    answers = {}
    for item in items:
        name = f"item-{item['id']}"
        if item["type"] == Item.Type.MULTIPLE_SELECT:
            value = [clean_text(name, choice, max_length=MAX_TEXT) for choice in post.getlist(name)]
        else:
            value = clean_text(name, post.get(name), max_length=MAX_TEXT, strip=False)
        if value not in ("", []):
            answers[str(item["id"])] = value
    return answers


def _submit(request, attempt: Attempt | None) -> None:
    """Submit the student's attempt with the form's answers; a refusal becomes a message."""
    if attempt is None or attempt.status != Attempt.Status.IN_PROGRESS:
        messages.error(request, "This attempt was already submitted.")
        return
    view = selectors.attempt_view(attempt=attempt)
    try:
        services.attempt_submit(
            attempt=attempt, learner=request.user, answers=_answers_from(request.POST, view["items"])
        )
    except ValidationError as error:
        messages.error(request, validation_message(error))


@login_required
@require_http_methods(["GET", "POST"])
def take_assessment(request, assignment_id: int):
    """GET: start (or resume) the attempt and show its questions, or the result once submitted. POST: submit."""
    assignment = selectors.assignment_for_student(user=request.user, assignment_id=assignment_id)
    latest = Attempt.objects.filter(assignment=assignment, learner=request.user).order_by("-number").first()
    if request.method == "POST":
        _submit(request, latest)
        return redirect("take-assessment", assignment.pk)
    if latest is None or latest.status == Attempt.Status.IN_PROGRESS:
        try:
            latest = services.attempt_start(assignment=assignment, learner=request.user)
        except ValidationError as error:
            return render(
                request, "assessments/take.html", {"assignment": assignment, "refused": validation_message(error)}
            )
    view = selectors.attempt_view(attempt=latest)
    for number, item in enumerate(view["items"], start=1):
        item.update(label=f"Question {number}.", prefix=f"q{item['id']}", field=f"item-{item['id']}")
    profile = getattr(request.user, "learner_profile", None)
    return render(
        request,
        "assessments/take.html",
        {
            "assignment": assignment,
            "attempt": latest,
            "view": view,
            "submitted": latest.status != Attempt.Status.IN_PROGRESS,
            "extended": profile is not None and profile.extended_time_factor > 1,
            "profile": profile,
            "choice_types": CHOICE_TYPES,
        },
    )
