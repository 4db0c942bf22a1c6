"""Reads of learners' mastery, scoped to the user who asks."""
from __future__ import annotations

from fractions import Fraction

from django.http import Http404
from django.utils import timezone

from assessments import scoring
from learners import mastery
from learners.models import Evidence, LearnerProfile, MasteryLevel, MasteryState
from learners.services import mastery_params, mastery_thresholds
from learning_platform.permissions import visible


def mastery_for_learner(*, user, profile) -> list[dict]:
    """The learner's mastery on every target with evidence: level words, probability now (faded by time
    without practice), evidence count, and the standing teacher judgment."""
    states = list(
        visible(user, MasteryState)
        .filter(learner_id=profile.user_id)
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
            "judgment": None if state.judgment is None else {
                "by": str(state.judgment.teacher), "at": state.judgment.created_at, "from": state.judgment.from_level,
                "to": state.judgment.to_level, "reason": state.judgment.reason, "contested": state.judgment_contested,
            },
        }  # fmt: skip
        for state in states
    ]


def evidence_trail(*, user, profile, target) -> list[dict]:
    """Every piece of evidence for one learner and target, oldest first, superseded rows marked: assessment
    answers, practice answers (with how much they count) and teachers' judgments."""
    rows = (
        visible(user, Evidence)
        .filter(learner_id=profile.user_id, target=target)
        .select_related("response__item", "response__attempt__assignment__assessment", "judgment__teacher",
                        "practice__item")
        .prefetch_related("superseded_by")
        .order_by("observed_at", "id")
    )
    trail = []
    for row in rows:
        entry = {"id": row.pk, "kind": row.kind, "observed_at": row.observed_at, "superseded": hasattr(row, "superseded_by")}
        if row.kind == Evidence.Kind.RESPONSE:
            attempt = row.response.attempt
            entry.update(
                correct=row.correct, answer=row.response.answer, item=row.response.item.stem,
                assessment=attempt.assignment.assessment.title,
                points=None if row.response.points is None else str(row.response.points),
            )  # fmt: skip
        elif row.kind == Evidence.Kind.PRACTICE:
            item = row.practice.item
            entry.update(
                correct=row.correct, item=item.stem, weight=str(Fraction(row.weight).limit_denominator(100)),
                hinted=row.practice.hinted,
                answer=scoring.answer_text(item.item_type, item.choices, row.practice.answer) or "(I don't know)",
            )  # fmt: skip
        else:
            judgment = row.judgment
            entry.update(by=str(judgment.teacher), from_level=judgment.from_level, to_level=judgment.to_level,
                         reason=judgment.reason)  # fmt: skip
        trail.append(entry)
    return trail


def own_profile(*, user) -> LearnerProfile:
    """The signed-in learner's own profile; 404 for anyone without one (the student pages are theirs alone)."""
    profile = LearnerProfile.objects.select_related("school").filter(user=user).first() if user.is_authenticated else None
    if profile is None:
        raise Http404("Not found")
    return profile
