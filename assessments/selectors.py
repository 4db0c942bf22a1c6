"""Reads of assessments and attempts, shaped for the people who asked."""
from __future__ import annotations

from django.utils import timezone

from assessments.models import Attempt, Item


def item_for_student(item: Item) -> dict:
    """An item as a student sees it while answering: no key, no per-choice feedback."""
    return {
        "id": item.pk,
        "type": item.item_type,
        "stem": item.stem,
        "choices": [{"id": choice["id"], "text": choice["text"]} for choice in item.choices],
        "hints": item.hints,
        "max_points": str(item.max_points),
    }


def attempt_view(*, attempt: Attempt, now=None) -> dict:
    """The attempt for its learner: the items with saved answers, and after submit the score, with
    answers and feedback only as far as the assessment allows."""
    now = now or timezone.now()
    assessment = attempt.assignment.assessment
    links = assessment.assessment_items.select_related("item").order_by("position")
    responses = {response.item_id: response for response in attempt.responses.all()}
    submitted = attempt.status != Attempt.Status.IN_PROGRESS
    items = []
    for link in links:
        response = responses.get(link.item_id)
        row = {**item_for_student(link.item), "answer": response.answer if response else None}
        if submitted and response is not None:
            if assessment.show_answers_after_submit:
                row["correct"] = response.correct
                row["points"] = None if response.points is None else str(response.points)
                row["worked_solution"] = link.item.worked_solution
            if assessment.show_feedback_after_submit:
                row["feedback"] = response.feedback
                row["teacher_comment"] = response.teacher_comment
        items.append(row)
    seconds_left = None
    if attempt.deadline_at and not submitted:
        seconds_left = max(0, int((attempt.deadline_at - now).total_seconds()))
    return {
        "id": attempt.pk,
        "assessment": {"id": assessment.pk, "title": assessment.title, "kind": assessment.kind},
        "number": attempt.number,
        "status": attempt.status,
        "started_at": attempt.started_at,
        "deadline_at": attempt.deadline_at,
        "seconds_left": seconds_left,
        "submitted_at": attempt.submitted_at,
        "points": None if attempt.points is None or not submitted else str(attempt.points),
        "max_points": str(attempt.max_points),
        "items": items,
    }
