"""Reads of assessments and attempts, shaped for the people who asked."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from assessments import scoring
from assessments.models import Attempt, Framework, Item, LearningTarget, Response
from learning_platform.models import GRADE_CHOICES
from learning_platform.permissions import visible


def item_for_student(item: Item) -> dict:
    """An item as a student sees it while answering: no key, no per-choice feedback."""
    return {
        "id": item.pk,
        "type": item.item_type,
        "stem": item.stem,
        "figure": item.figure,
        "choices": [{"id": choice["id"], "text": choice["text"]} for choice in item.choices],
        "hints": item.hints,
        "max_points": str(item.max_points),
    }


def attempt_view(*, attempt: Attempt, now=None) -> dict:
    """The attempt for its learner: the items with saved answers, and after submit the score, with the right
    answers and worked solutions (`show_answers_after_submit`) and the feedback (`show_feedback_after_submit`)
    only as far as the assessment allows."""
    now = now or timezone.now()
    assessment = attempt.assignment.assessment
    links = assessment.assessment_items.select_related("item").order_by("position")
    responses = {response.item_id: response for response in attempt.responses.all()}
    submitted = attempt.status != Attempt.Status.IN_PROGRESS
    items = []
    for link in links:
        response = responses.get(link.item_id)
        item = link.item
        row = {**item_for_student(item), "answer": response.answer if response else None}
        if submitted and response is not None:
            row["answer_text"] = scoring.answer_text(item.item_type, item.choices, response.answer)
            if assessment.show_answers_after_submit:
                row["correct"] = response.correct
                row["points"] = None if response.points is None else str(response.points)
                row["right_answer"] = scoring.right_answer_text(item.item_type, item.choices, item.key)
                row["worked_solution"] = item.worked_solution
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


# ---------------------------------------------------------------------------------------------------------
# The teacher's feedback pages


def rubric_queue(*, user, assignment_id: int | None = None):
    """Open responses waiting for the teacher's rubric scoring in sections the user teaches or runs, oldest
    submission first."""
    queue = (
        visible(user, Response, "change")
        .filter(item__item_type=Item.Type.OPEN_RESPONSE, scored_at__isnull=True,
                attempt__status=Attempt.Status.AWAITING_TEACHER)
        .select_related("attempt__learner", "attempt__assignment__assessment", "attempt__assignment__section", "item")
        .order_by("attempt__submitted_at", "pk")
    )  # fmt: skip
    if assignment_id is not None:
        queue = queue.filter(attempt__assignment_id=assignment_id)
    return queue


def _answer_text(item: Item, answer) -> str:
    """An answer as the teacher reads it: a choice's text rather than its id."""
    if answer is None or answer == "":
        return "(no answer)"
    texts = {choice["id"]: choice["text"] for choice in item.choices}
    if isinstance(answer, list):
        return ", ".join(texts.get(value, str(value)) for value in answer)
    return texts.get(answer, str(answer))


def assignment_summary(*, assignment) -> dict:
    """A class summary of one assignment: per rubric criterion, how many students reached each level and the
    average points (strengths first, areas for growth last); per item, how many got it wrong and the wrong
    answers given, most-missed first."""
    links = list(assignment.assessment.assessment_items.select_related("item").order_by("position"))
    responses = list(
        Response.objects.filter(attempt__assignment=assignment).exclude(attempt__status=Attempt.Status.IN_PROGRESS)
        .values_list("item_id", "answer", "correct", "rubric_levels", "scored_at")
    )  # fmt: skip
    items = []
    criteria = []
    by_item: dict[int, list] = {}
    for row in responses:
        by_item.setdefault(row[0], []).append(row)
    for link in links:
        item = link.item
        rows = by_item.get(item.pk, [])
        if item.is_open:
            scored = [row[3] for row in rows if row[4] is not None]
            for criterion in item.rubric.get("criteria", []):
                levels = criterion.get("levels", [])
                counts = Counter(chosen.get(criterion["id"]) for chosen in scored)
                points = {level["id"]: Decimal(str(level["points"])) for level in levels}
                top = max(points.values(), default=Decimal(1)) or Decimal(1)
                total = sum(points.get(level_id, Decimal(0)) * count for level_id, count in counts.items())
                average = total / len(scored) if scored else None
                criteria.append({
                    "item": item, "name": criterion.get("name", criterion["id"]), "scored": len(scored),
                    "levels": [{"label": level.get("label", level["id"]), "count": counts.get(level["id"], 0),
                                "share": round(100 * counts.get(level["id"], 0) / len(scored)) if scored else 0}
                               for level in levels],
                    "average": None if average is None else round(average, 2), "max": top,
                    "share": None if average is None else float(average / top),
                })  # fmt: skip
            continue
        answered = [row for row in rows if row[2] is not None]
        wrong = [row for row in answered if row[2] is False]
        answers = Counter(_answer_text(item, row[1]) for row in wrong)
        items.append({
            "position": link.position, "item": item, "answered": len(answered), "wrong": len(wrong),
            "share_wrong": round(100 * len(wrong) / len(answered)) if answered else 0,
            "wrong_answers": answers.most_common(4), "key": _answer_text(item, item.key.get("correct", item.key.get("value"))),
        })  # fmt: skip
    items.sort(key=lambda row: (-row["share_wrong"], row["position"]))
    ranked = sorted((row for row in criteria if row["share"] is not None), key=lambda row: -row["share"])
    return {
        "items": items, "criteria": criteria,
        "strengths": [row for row in ranked if row["share"] >= 0.75][:3],
        "growth": [row for row in reversed(ranked) if row["share"] < 0.75][:3],
        "submitted": len({row for row in Attempt.objects.filter(assignment=assignment).exclude(
            status=Attempt.Status.IN_PROGRESS).values_list("learner_id", flat=True)}),
    }  # fmt: skip


GRADE_ORDER = [code for code, _ in GRADE_CHOICES]


@dataclass(frozen=True)
class GradeCoverage:
    """How many of a grade's targets have at least `min_items` items in the shared bank, and which do not."""

    grade: str
    targets: int
    covered: list[str]
    uncovered: list[tuple[str, int]]  # (code, items it has)

    @property
    def share(self) -> float:
        return len(self.covered) / self.targets if self.targets else 1.0


def item_coverage(*, framework: Framework, grades: list[str], min_items: int) -> list[GradeCoverage]:
    """Per grade (in grade order), the framework's targets with at least `min_items` distinct active items of the
    shared bank (items no school owns) and those with fewer; one query."""
    counts = (
        LearningTarget.objects.filter(framework=framework, grade__in=grades)
        .annotate(items_count=Count("items", filter=Q(items__school__isnull=True, items__is_active=True), distinct=True))
        .order_by("code")
        .values_list("grade", "code", "items_count")
    )
    by_grade: dict[str, list[tuple[str, int]]] = {grade: [] for grade in grades}
    for grade, code, items_count in counts:
        by_grade[grade].append((code, items_count))
    return [
        GradeCoverage(
            grade=grade, targets=len(rows), covered=[code for code, count in rows if count >= min_items],
            uncovered=[(code, count) for code, count in rows if count < min_items],
        )  # fmt: skip
        for grade, rows in sorted(by_grade.items(), key=lambda pair: GRADE_ORDER.index(pair[0]))
    ]
