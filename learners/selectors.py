"""Reads of learners' mastery, scoped to the user who asks."""

from __future__ import annotations

import datetime
from fractions import Fraction

from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from assessments import scoring
from assessments.models import LearningTarget
from learners import mastery, placement
from learners.knowledge import KNOWN_AT, SchoolRate
from learners.models import Evidence, LearnerProfile, MasteryLevel, MasteryState, PlacementCheck
from learners.services import mastery_params, mastery_thresholds
from learning_platform.models import GRADE_CHOICES
from learning_platform.permissions import visible


def _as_is(queryset):
    return queryset


def mastery_for_learner(*, user, profile, narrow=_as_is) -> list[dict]:
    """The learner's mastery on every target with evidence (or those `narrow` keeps of the MasteryState rows):
    level words, probability now (faded by time without practice), evidence count, and the standing teacher
    judgment."""
    states = list(
        narrow(visible(user, MasteryState).filter(learner_id=profile.user_id))
        .select_related("target", "judgment__teacher")
        .order_by("target__code")
    )
    params = mastery_params(school_id=profile.school_id, target_ids={state.target_id for state in states})
    thresholds = mastery_thresholds(school_id=profile.school_id)
    now = timezone.now()
    labels = dict(MasteryLevel.choices)
    return [
        {
            "target": state.target.code,
            "target_id": state.target_id,
            "level": state.level,
            "level_label": labels[state.level],
            "model_level": state.model_level,
            "p_mastery": round(state.p_mastery, 4),
            "p_mastery_now": round(
                mastery.decayed(state.p_mastery, state.last_evidence_at, now, params[state.target_id], thresholds), 4
            ),
            "evidence_count": state.evidence_count,
            "last_evidence_at": state.last_evidence_at,
            "judgment": None
            if state.judgment is None
            else {
                "by": str(state.judgment.teacher),
                "at": state.judgment.created_at,
                "from": state.judgment.from_level,
                "to": state.judgment.to_level,
                "reason": state.judgment.reason,
                "contested": state.judgment_contested,
            },
        }
        for state in states
    ]


def evidence_trail(*, user, profile, target, narrow=_as_is) -> list[dict]:
    """Every piece of evidence for one learner and target (or those `narrow` keeps of the Evidence rows), oldest
    first, superseded rows marked: assessment answers, practice answers (with how much they count), placement
    check answers and teachers' judgments."""
    rows = (
        narrow(visible(user, Evidence).filter(learner_id=profile.user_id, target=target))
        .select_related(
            "response__item",
            "response__attempt__assignment__assessment",
            "judgment__teacher",
            "practice__item",
            "placement_answer__item",
        )
        .prefetch_related("superseded_by")
        .order_by("observed_at", "id")
    )
    trail = []
    for row in rows:
        entry = {
            "id": row.pk,
            "kind": row.kind,
            "observed_at": row.observed_at,
            "superseded": hasattr(row, "superseded_by"),
        }
        if row.kind == Evidence.Kind.RESPONSE:
            attempt = row.response.attempt
            entry.update(
                correct=row.correct,
                answer=row.response.answer,
                item=row.response.item.stem,
                assessment=attempt.assignment.assessment.title,
                points=None if row.response.points is None else str(row.response.points),
            )
        elif row.kind == Evidence.Kind.PRACTICE:
            item = row.practice.item
            entry.update(
                correct=row.correct,
                item=item.stem,
                weight=str(Fraction(row.weight).limit_denominator(100)),
                hinted=row.practice.hinted,
                answer=scoring.answer_text(item.item_type, item.choices, row.practice.answer) or "(I don't know)",
            )
        elif row.kind == Evidence.Kind.PLACEMENT:
            item = row.placement_answer.item
            entry.update(
                correct=row.correct,
                item=item.stem,
                answer=scoring.answer_text(item.item_type, item.choices, row.placement_answer.answer)
                or "(I don't know)",
            )
        else:
            judgment = row.judgment
            entry.update(
                by=str(judgment.teacher),
                from_level=judgment.from_level,
                to_level=judgment.to_level,
                reason=judgment.reason,
            )
        trail.append(entry)
    return trail


def own_profile(*, user) -> LearnerProfile:
    """The signed-in learner's own profile; 404 for anyone without one (the student pages are theirs alone)."""
    profile = (
        LearnerProfile.objects.select_related("school").filter(user=user).first() if user.is_authenticated else None
    )
    if profile is None:
        raise Http404("Not found")
    return profile


# What learners of each grade at a school showed on each target, kept by (school, school day): it moves slowly,
# and a burst of rebuilds at the bell reads it once.
_SCHOOL_RATES: dict[tuple[int, datetime.date], dict[str, dict[str, SchoolRate]]] = {}
SCHOOL_RATES_KEPT = 16


def school_rates(*, school_id: int, school_day: datetime.date, code_of: dict[int, str]) -> dict[str, dict]:
    """Per grade, per target, how many learners of that grade at the school have evidence on it and the share of
    them likely to know it (learners.knowledge.SchoolRate): what the starting beliefs learn from the school's own
    data. One grouped query a school a day."""
    key = (school_id, school_day)
    found = _SCHOOL_RATES.get(key)
    if found is None:
        rows = (
            MasteryState.objects.filter(learner__learner_profile__school_id=school_id, evidence_count__gt=0)
            .order_by()  # (the default ordering would join users and targets for nothing)
            .values_list("learner__learner_profile__grade", "target_id")
            .annotate(learners=models.Count("pk"), known=models.Count("pk", filter=Q(p_mastery__gte=KNOWN_AT)))
        )
        found = {}
        for grade, target_id, learners, known in rows:
            if target_id in code_of:
                found.setdefault(grade, {})[code_of[target_id]] = SchoolRate(
                    learners=learners, share_known=known / learners
                )
        _SCHOOL_RATES[key] = found
        while len(_SCHOOL_RATES) > SCHOOL_RATES_KEPT:
            del _SCHOOL_RATES[next(iter(_SCHOOL_RATES))]
    return found


# ---------------------------------------------------------------------------------------------------------
# The placement check, as the student and the teacher see it

_GRADE_RANK = {grade: rank for rank, (grade, _) in enumerate(GRADE_CHOICES)}
RESULT_LABELS = {
    placement.READY: "Ready to learn next",
    placement.NOT_KNOWN: "Not known yet",
    placement.KNOWN: "Known",
}


def placement_status(*, learner) -> dict:
    """What the student's pages say about the placement check: the open check (assigned or under way), whether one
    is offered (a learner with no evidence and no check yet: their first day), and the last finished one."""
    checks = list(PlacementCheck.objects.filter(learner=learner).select_related("assigned_by")[:2])
    open_check = next((check for check in checks if check.status != PlacementCheck.Status.FINISHED), None)
    finished = next((check for check in checks if check.status == PlacementCheck.Status.FINISHED), None)
    offered = not checks and not Evidence.objects.filter(learner=learner).exists()
    return {"open": open_check, "offered": offered, "finished": finished}


def _targets_by_code(codes) -> dict[str, LearningTarget]:
    return {target.code: target for target in LearningTarget.objects.filter(code__in=codes)}


def _target_order(target: LearningTarget) -> tuple:
    # The learner's grade first, then down the grades; the standards' order within a grade.
    return (-_GRADE_RANK.get(target.grade, 0), target.code)


def placement_report(*, check: PlacementCheck) -> dict:
    """One learner's check for their teacher: each target it looked at, grouped by what it found (ready to learn
    next, not known yet, known), and every question asked with the answer."""
    targets = _targets_by_code(check.result)
    groups = {kind: [] for kind in RESULT_LABELS}
    for code, found in check.result.items():
        if code in targets and found in groups:
            groups[found].append(targets[code])
    for found in groups.values():
        found.sort(key=_target_order)
    answers = []
    for row in check.answers.select_related("item", "target").order_by("position"):
        answers.append(
            {
                "position": row.position,
                "target": row.target,
                "item": row.item,
                "shown_at": row.shown_at,
                "answered_at": row.answered_at,
                "correct": row.correct,
                "answer": None
                if row.answered_at is None
                else (scoring.answer_text(row.item.item_type, row.item.choices, row.answer) or "(I don't know)"),
            }
        )
    return {
        "check": check,
        "answers": answers,
        "groups": [{"kind": kind, "label": RESULT_LABELS[kind], "targets": groups[kind]} for kind in RESULT_LABELS],
    }


def section_placement(*, section) -> dict:
    """A section's placement checks for its teacher: each active student with their latest check (status, what it
    found in counts), and per target the checks looked at, how many finished students know it, do not, and are
    ready to learn it, with who (the ready and not-known students are who the teacher groups)."""
    students = list(section.active_students())
    latest: dict[int, PlacementCheck] = {}
    for check in PlacementCheck.objects.filter(learner__in=students).order_by("learner_id", "-created_at", "-id"):
        latest.setdefault(check.learner_id, check)
    rows, per_target = [], {}
    for student in students:
        check = latest.get(student.pk)
        counts = {kind: 0 for kind in RESULT_LABELS}
        if check is not None and check.status == PlacementCheck.Status.FINISHED:
            for code, found in check.result.items():
                if found in counts:
                    counts[found] += 1
                    per_target.setdefault(code, {kind: [] for kind in RESULT_LABELS})[found].append(student)
        rows.append({"student": student, "check": check, "counts": counts})
    targets = _targets_by_code(per_target)
    report = [
        {"target": targets[code], **{kind: per_target[code][kind] for kind in RESULT_LABELS}}
        for code in sorted(per_target, key=lambda code: _target_order(targets[code]))
        if code in targets
    ]
    finished = sum(1 for row in rows if row["check"] and row["check"].status == PlacementCheck.Status.FINISHED)
    return {"students": rows, "targets": report, "finished": finished}
