"""Reads of assessments and attempts, shaped for the people who asked."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q
from django.http import Http404
from django.utils import timezone

from assessments import scoring
from assessments.models import Assessment, Assignment, Attempt, Framework, Item, LearningTarget, Response
from assessments.rules import assigned_to_q
from learning_platform.models import GRADE_CHOICES, School
from learning_platform.permissions import roles_of, visible


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
        visible(user, Response.objects.awaiting_rubric(), "change")
        .select_related("attempt__learner", "attempt__assignment__assessment", "attempt__assignment__section", "item")
        .order_by("attempt__submitted_at", "pk")
    )
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
        Response.objects.filter(attempt__assignment=assignment)
        .exclude(attempt__status=Attempt.Status.IN_PROGRESS)
        .values_list("item_id", "answer", "correct", "rubric_levels", "scored_at")
    )
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
                criteria.append(
                    {
                        "item": item,
                        "name": criterion.get("name", criterion["id"]),
                        "scored": len(scored),
                        "levels": [
                            {
                                "label": level.get("label", level["id"]),
                                "count": counts.get(level["id"], 0),
                                "share": round(100 * counts.get(level["id"], 0) / len(scored)) if scored else 0,
                            }
                            for level in levels
                        ],
                        "average": None if average is None else round(average, 2),
                        "max": top,
                        "share": None if average is None else float(average / top),
                    }
                )
            continue
        answered = [row for row in rows if row[2] is not None]
        wrong = [row for row in answered if row[2] is False]
        answers = Counter(_answer_text(item, row[1]) for row in wrong)
        items.append(
            {
                "position": link.position,
                "item": item,
                "answered": len(answered),
                "wrong": len(wrong),
                "share_wrong": round(100 * len(wrong) / len(answered)) if answered else 0,
                "wrong_answers": answers.most_common(4),
                "key": _answer_text(item, item.key.get("correct", item.key.get("value"))),
            }
        )
    items.sort(key=lambda row: (-row["share_wrong"], row["position"]))
    ranked = sorted((row for row in criteria if row["share"] is not None), key=lambda row: -row["share"])
    return {
        "items": items,
        "criteria": criteria,
        "strengths": [row for row in ranked if row["share"] >= 0.75][:3],
        "growth": [row for row in reversed(ranked) if row["share"] < 0.75][:3],
        "submitted": len(
            {
                row
                for row in Attempt.objects.filter(assignment=assignment)
                .exclude(status=Attempt.Status.IN_PROGRESS)
                .values_list("learner_id", flat=True)
            }
        ),
    }


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
        .annotate(
            items_count=Count("items", filter=Q(items__school__isnull=True, items__is_active=True), distinct=True)
        )
        .order_by("code")
        .values_list("grade", "code", "items_count")
    )
    by_grade: dict[str, list[tuple[str, int]]] = {grade: [] for grade in grades}
    for grade, code, items_count in counts:
        by_grade[grade].append((code, items_count))
    return [
        GradeCoverage(
            grade=grade,
            targets=len(rows),
            covered=[code for code, count in rows if count >= min_items],
            uncovered=[(code, count) for code, count in rows if count < min_items],
        )
        for grade, rows in sorted(by_grade.items(), key=lambda pair: GRADE_ORDER.index(pair[0]))
    ]


# ---------------------------------------------------------------------------------------------------------
# The item bank as its authors browse it, and each item's statistics from real answers

BANK_PAGE_SIZE = 20


def authoring_schools(user):
    """The schools whose own content the user writes: where they teach or which they run."""
    roles = roles_of(user)
    if user.is_superuser:
        return School.objects.all()
    return School.objects.filter(
        Q(pk__in=roles.teacher_at | roles.school_admin_of) | Q(district_id__in=roles.district_admin_of)
    )


def building_school(user) -> School:
    """The school an assessment built through the API is for: the one where the user teaches or which they run,
    when there is exactly one (ValidationError otherwise)."""
    roles = roles_of(user)
    schools = roles.teacher_at | roles.school_admin_of
    if len(schools) != 1:
        raise ValidationError({"detail": "Build assessments from a school where you teach."})
    return School.objects.get(pk=next(iter(schools)))


@dataclass(frozen=True)
class BankFilters:
    """What the bank page narrows to; every field empty shows everything the user may see."""

    grade: str = ""
    domain: str = ""
    target_id: int | None = None
    item_type: str = ""
    # "shared" (the shared bank), "school" (the user's schools' own) or "" (both).
    origin: str = ""
    text: str = ""


def bank_narrow(queryset, filters: BankFilters, *, text_fields: tuple[str, ...]):
    """Bank content (items or activities: anything with `targets` and a `school`) narrowed by `filters`: its
    target, or its targets' grade and domain; an item's type; shared or the schools' own; words in
    `text_fields`."""
    if filters.target_id:
        queryset = queryset.filter(targets=filters.target_id)
    elif filters.grade or filters.domain:
        targets = LearningTarget.objects.all()
        if filters.grade:
            targets = targets.filter(grade=filters.grade)
        if filters.domain:
            targets = targets.filter(domain_code=filters.domain)
        tags = queryset.model.targets.through.objects.filter(learningtarget__in=targets)
        queryset = queryset.filter(pk__in=tags.values(f"{queryset.model._meta.model_name}_id"))
    if filters.item_type:
        queryset = queryset.filter(item_type=filters.item_type)
    if filters.origin:
        queryset = queryset.filter(school__isnull=filters.origin == "shared")
    if filters.text:
        words = Q()
        for field in text_fields:
            words |= Q(**{f"{field}__icontains": filters.text})
        queryset = queryset.filter(words)
    return queryset


def bank_items(*, user, filters: BankFilters):
    """The active items the user may see, narrowed by `filters`, the schools' own first, with their targets."""
    items = bank_narrow(visible(user, Item.objects.filter(is_active=True)), filters, text_fields=("stem",))
    return (
        items.select_related("school").prefetch_related("targets").order_by(F("school_id").asc(nulls_last=True), "-id")
    )


def bank_choices(*, grade: str = "", domain: str = "") -> dict:
    """The grades, the chosen grade's domains and the chosen grade and domain's targets, for the bank's filters."""
    targets = LearningTarget.objects.filter(parent__isnull=True)
    domains = []
    if grade:
        domains = list(
            targets.filter(grade=grade).values_list("domain_code", "domain_name").distinct().order_by("domain_code")
        )
        targets = targets.filter(grade=grade)
    if domain:
        targets = targets.filter(domain_code=domain)
    chosen = list(targets.order_by("code").only("id", "code", "short_name")) if grade or domain else []
    return {"grades": GRADE_CHOICES, "domains": domains, "targets": chosen}


def item_statistics(*, user, item: Item):
    """Statistics of `item` from the scored answers of the schools where the user teaches or which they run: in
    assessments (with how well it separates learners) and the first answers of practice."""
    from assessments.item_stats import item_statistics as compute

    schools = authoring_schools(user).values("pk")
    scored = Response.objects.filter(
        item=item, correct__isnull=False, attempt__assignment__section__school__in=schools
    ).exclude(attempt__status=Attempt.Status.IN_PROGRESS)
    rows = list(scored.values_list("attempt_id", "correct", "answer"))
    answers = [(correct, scoring.answer_text(item.item_type, item.choices, answer)) for _, correct, answer in rows]
    practice = item.practice_responses.filter(
        answered_at__isnull=False, practice_set__learner__learner_profile__school__in=schools
    ).values_list("correct", "answer")
    answers += [(correct, scoring.answer_text(item.item_type, item.choices, answer)) for correct, answer in practice]
    rest: dict[int, list[Decimal]] = {}
    for attempt_id, points, max_points in (
        Response.objects.filter(
            attempt_id__in=[attempt_id for attempt_id, _, _ in rows], correct__isnull=False, points__isnull=False
        )
        .exclude(item=item)
        .values_list("attempt_id", "points", "item__max_points")
    ):
        earned = rest.setdefault(attempt_id, [Decimal(0), Decimal(0)])
        earned[0] += points
        earned[1] += max_points
    pairs = [
        (correct, float(rest[attempt_id][0] / rest[attempt_id][1]))
        for attempt_id, correct, _ in rows
        if attempt_id in rest and rest[attempt_id][1]
    ]
    return compute(answers, pairs)


def item_uses(*, user, item: Item) -> list[Assessment]:
    """The assessments of the user's schools that hold `item`, newest first."""

    return list(
        Assessment.objects.filter(
            items=item, school__in=authoring_schools(user).values("pk"), written_for__isnull=True
        ).order_by("-created_at")[:20]
    )


def right_answer(item: Item) -> str:
    """The item's right answer as its author reads it; for a numeric item with its tolerance."""
    text = scoring.right_answer_text(item.item_type, item.choices, item.key)
    if item.item_type == Item.Type.MULTIPLE_SELECT and isinstance(item.key, dict):
        text = scoring.answer_text(item.item_type, item.choices, item.key.get("correct"))
    tolerance = item.key.get("tolerance", "0") if isinstance(item.key, dict) else "0"
    if item.item_type == Item.Type.NUMERIC and tolerance not in ("", "0"):
        text += f" (give or take {tolerance})"
    return text


def item_preview(item: Item) -> dict:
    """What an item editor's preview shows of an item (saved or not): the question as a student sees it, its right
    answer, hints, worked solution and rubric, and the Markdown problems saving would refuse."""
    from learning_platform.content import ContentError, check_markdown

    problems = []
    for field, text in [
        ("Question", item.stem),
        ("Worked solution", item.worked_solution),
        *(("Hint", hint) for hint in item.hints),
    ]:
        try:
            check_markdown(text, field=field)
        except ContentError as error:
            problems.append(str(error))
    criteria = item.rubric.get("criteria", []) if isinstance(item.rubric, dict) else []
    return {
        "q": item_for_student(item),
        "item": item,
        "right_answer": right_answer(item),
        "problems": problems,
        "criteria": criteria,
    }


def assessment_questions(*, user, assessment: Assessment) -> dict:
    """An assessment's questions in order and, for the swap and the add, the bank's other items on the same
    targets that the assessment's school may use; whether the questions may still change and why not."""
    links = list(
        assessment.assessment_items.select_related("item").prefetch_related("item__targets").order_by("position")
    )
    held = {link.item_id for link in links}
    target_ids = {target.pk for link in links for target in link.item.targets.all()}
    candidates = (
        visible(user, Item.objects.usable_at(assessment.school))
        .filter(targets__in=target_ids)
        .exclude(pk__in=held)
        .distinct()
        .prefetch_related("targets")
        .order_by(F("school_id").asc(nulls_last=True), "-id")[:40]
    )
    started = Attempt.objects.filter(assignment__assessment=assessment).exists()
    locked = (
        "A student has started it; its questions can no longer change."
        if started
        else "The path engine wrote it for one student."
        if assessment.written_for_id
        else ""
    )
    return {
        "assessment": assessment,
        "links": links,
        "candidates": list(candidates),
        "locked": locked,
        "assignments": list(assessment.assignments.select_related("section").order_by("-opens_at")[:10]),
    }


def assignment_for_student(*, user, assignment_id: int) -> Assignment:
    """An assignment that reaches the user as a student, with its assessment; 404 otherwise."""
    assignment = (
        Assignment.objects.filter(assigned_to_q(user), pk=assignment_id).select_related("assessment").distinct().first()
    )
    if assignment is None:
        raise Http404("Not found")
    return assignment
