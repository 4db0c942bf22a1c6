"""Writes to learner profiles, goals and mastery, one function per use case."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from assessments import bkt, scoring
from assessments.models import (
    Attempt,
    Item,
    LearningTarget,
    MasteryModelFit,
    PracticeResponse,
    Prerequisite,
    Response,
    TargetModelParams,
)
from assessments.services import practice_items
from learners import mastery, placement
from learners.models import (
    Evidence,
    LearnerGoal,
    LearnerProfile,
    MasteryJudgment,
    MasteryLevel,
    MasterySettings,
    MasteryState,
    PlacementAnswer,
    PlacementCheck,
)
from learners.rules import PROFILE_FIELDS, learner_staff_q, profile_fields_changeable
from learning_platform.calendar import school_today
from learning_platform.locks import learners_lock
from learning_platform.models import Membership, School
from learning_platform.permissions import can, not_in_message
from learning_platform.queue import enqueue_after_commit
from learning_platform.signals import path_inputs_changed
from learning_platform.services import membership_grant, user_create

# PROFILE_FIELDS (learners.rules) are the fields a profile update may touch, and the rules say who may touch
# which; everything else in a request is refused, never ignored.


@transaction.atomic
def learner_create(
    *,
    username: str,
    school: School,
    grade: str,
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
    **profile_fields,
) -> LearnerProfile:
    """A new student at a school: the person, their student role and their profile, together or not at all."""
    user = user_create(username=username, first_name=first_name, last_name=last_name, password=password)
    membership_grant(user=user, role=Membership.Role.STUDENT, school=school)
    profile = LearnerProfile(user=user, school=school, grade=grade)
    _apply(profile, profile_fields)
    profile.save()
    return profile


@transaction.atomic
def learner_profile_update(*, profile: LearnerProfile, changes: dict, by) -> LearnerProfile:
    """Change profile fields as `by`; unknown fields and bad values are refused (ValidationError), fields `by`
    may not change are refused (PermissionDenied naming them), and in either case nothing is written."""
    if not isinstance(changes, dict):
        raise ValidationError("A profile change is an object of field names and values.")
    allowed = profile_fields_changeable(by, profile)
    refused = [field for field in PROFILE_FIELDS if field in changes and field not in allowed]
    if refused:
        raise PermissionDenied(f"Only the learner's teachers and school admins can change {', '.join(refused)}.")
    _apply(profile, changes)
    profile.save(update_fields=[*changes.keys(), "updated_at"])
    path_inputs_changed.send(sender=LearnerProfile, learner_ids=[profile.user_id], reason="profile")
    return profile


def _apply(profile: LearnerProfile, changes: dict) -> None:
    if not isinstance(changes, dict):
        raise ValidationError("A profile change is an object of field names and values.")
    unknown = sorted(set(changes) - set(PROFILE_FIELDS))
    if unknown:
        raise ValidationError({field: "This field does not exist or cannot be changed." for field in unknown})
    # full_clean passes a null without running the field's validators; here it would reach the database.
    nulls = {field: null_refusal(field) for field, value in changes.items() if value is None}
    nulls = {field: messages for field, messages in nulls.items() if messages}
    if nulls:
        raise ValidationError(nulls)
    for field, value in changes.items():
        setattr(profile, field, value)
    profile.full_clean(validate_unique=False, validate_constraints=False)


def null_refusal(field: str) -> list[str]:
    """Why `field` cannot be null (its own validator's words where it has one), or nothing when it can."""
    model_field = LearnerProfile._meta.get_field(field)
    if model_field.null:
        return []
    for validator in model_field.validators:
        try:
            validator(None)
        except ValidationError as error:
            return error.messages
        except (TypeError, AttributeError):  # a validator of lengths or digits, which says nothing of a null
            continue
    return ["This field cannot be null."]


@transaction.atomic
def learner_goal_create(
    *, learner: LearnerProfile, target: LearningTarget, reach_by: datetime.date, why: str
) -> LearnerGoal:
    if LearnerGoal.objects.filter(learner=learner, target=target, status=LearnerGoal.Status.ACTIVE).exists():
        raise ValidationError({"target": f"There is already an active goal for {target.code}."})
    goal = LearnerGoal(learner=learner, target=target, reach_by=reach_by, why=why.strip())
    goal.full_clean()
    goal.save()
    path_inputs_changed.send(sender=LearnerGoal, learner_ids=[learner.user_id], reason="goal")
    return goal


@transaction.atomic
def learner_goal_update(*, goal: LearnerGoal, reach_by: datetime.date, why: str) -> LearnerGoal:
    """Change when an active goal is to be reached and why it matters."""
    if goal.status != LearnerGoal.Status.ACTIVE:
        raise ValidationError("Only an active goal can be changed; set it active again first.")
    goal.reach_by, goal.why = reach_by, why.strip()
    goal.full_clean()
    goal.save(update_fields=["reach_by", "why", "updated_at"])
    path_inputs_changed.send(sender=LearnerGoal, learner_ids=[goal.learner_id], reason="goal")
    return goal


@transaction.atomic
def learner_goal_set_status(*, goal: LearnerGoal, status: str) -> LearnerGoal:
    """Mark a goal achieved or retired (or active again)."""
    if status not in LearnerGoal.Status.values:
        raise ValidationError({"status": f"Unknown status {status!r}."})
    goal.status = status
    goal.full_clean()
    goal.save(update_fields=["status", "updated_at"])
    path_inputs_changed.send(sender=LearnerGoal, learner_ids=[goal.learner_id], reason="goal")
    return goal


# ---------------------------------------------------------------------------------------------------------
# Mastery: evidence in, beliefs out


def mastery_thresholds(*, school_id: int) -> mastery.Thresholds:
    """The school's level thresholds and half-life, or the documented defaults."""
    row = MasterySettings.objects.filter(school_id=school_id).first()
    if row is None:
        return mastery.Thresholds()
    return mastery.Thresholds(
        familiar_at=row.familiar_at,
        proficient_at=row.proficient_at,
        mastered_at=row.mastered_at,
        half_life_days=row.half_life_days,
    )


def mastery_params(*, school_id: int, target_ids, ability: float = 0.0) -> dict[int, mastery.Params]:
    """Each target's parameters at the school for a learner of `ability`: the school's fit where there is one,
    the estimator's defaults elsewhere, shifted by the ability effect the school's fit found (none before a fit)."""
    fit = MasteryModelFit.objects.filter(school_id=school_id).first()
    effect = np.zeros(len(bkt.PARAMETER_NAMES)) if fit is None else np.array(fit.ability_effect, dtype=float)
    fitted = {
        row.target_id: row for row in TargetModelParams.objects.filter(school_id=school_id, target_id__in=target_ids)
    }
    defaults = bkt.BKTParams.defaults(1)
    params = {}
    for target_id in target_ids:
        row = fitted.get(target_id)
        if row is None and fit is None:
            params[target_id] = mastery.Params()
            continue
        base = (
            defaults
            if row is None
            else bkt.BKTParams(
                prior=np.array([row.prior]),
                learn=np.array([row.learn]),
                guess=np.array([row.guess]),
                slip=np.array([row.slip]),
                forget=np.array([row.forget]),
                mean_correct=np.array([row.mean_correct]),
            )
        )
        shifted = replace(base, ability_effect=effect).for_skills(0, ability)
        params[target_id] = mastery.Params(*(float(getattr(shifted, name)) for name in bkt.PARAMETER_NAMES))
    return params


def learner_ability(*, learner_id: int, school_id: int, exclude=()) -> float:
    """The learner's running ability: their answers so far against each target's mean at the school.

    `exclude` leaves out evidence just appended, so an attempt is judged by the ability before it.
    """
    answers = list(
        Evidence.objects.filter(learner_id=learner_id, kind=Evidence.Kind.RESPONSE, superseded_by__isnull=True)
        .exclude(pk__in=[pk for pk in exclude if pk is not None])
        .values_list("target_id", "correct")
    )
    if not answers:
        return 0.0
    means = dict(TargetModelParams.objects.filter(school_id=school_id).values_list("target_id", "mean_correct"))
    default_mean = float(bkt.BKTParams.defaults(1).mean_correct[0])
    residual = sum(float(correct) - means.get(target_id, default_mean) for target_id, correct in answers)
    return float(bkt.learner_ability(residual, len(answers)))


def _belief_of(state: MasteryState | None, params: mastery.Params) -> mastery.Belief:
    if state is None:
        return mastery.start(params)
    return mastery.Belief(
        p_mastery=state.p_mastery,
        evidence_count=state.evidence_count,
        last_evidence_at=state.last_evidence_at,
        model_level=state.model_level,
        judged_level=state.level if state.judgment_id else None,
        contested=state.judgment_contested,
        failure_run=state.failure_run,
        last_success_at=state.last_success_at,
    )


def _observation(row: Evidence) -> mastery.Observation:
    if row.kind == Evidence.Kind.JUDGMENT:
        return mastery.Observation(observed_at=row.observed_at, judged_level=row.judgment.to_level)
    return mastery.Observation(
        observed_at=row.observed_at,
        correct=row.correct,
        weight=row.weight,
        diagnostic=row.kind == Evidence.Kind.PLACEMENT,
    )


def _states_update(*, learner_id: int, school_id: int, new_rows: list[Evidence], replay_targets: set[int]) -> None:
    """Bring the learner's states on the targets of `new_rows` up to date.

    The common case, evidence newer than the state, advances the stored belief one step per row: no refit
    and no history read. A superseded row or one observed before the state's last evidence (a late rubric
    score) replays that target's log instead.
    """
    target_ids = {row.target_id for row in new_rows}
    states = {
        state.target_id: state for state in MasteryState.objects.filter(learner_id=learner_id, target_id__in=target_ids)
    }
    ability = learner_ability(learner_id=learner_id, school_id=school_id, exclude=[row.pk for row in new_rows])
    params = mastery_params(school_id=school_id, target_ids=target_ids, ability=ability)
    thresholds = mastery_thresholds(school_id=school_id)
    by_target: dict[int, list[Evidence]] = {}
    for row in new_rows:
        by_target.setdefault(row.target_id, []).append(row)
    upserts = []
    for target_id, rows in by_target.items():
        state = states.get(target_id)
        late = (
            state is not None and state.last_evidence_at and min(r.observed_at for r in rows) < state.last_evidence_at
        )
        if target_id in replay_targets or late:
            log = list(
                Evidence.objects.filter(learner_id=learner_id, target_id=target_id, superseded_by__isnull=True)
                .select_related("judgment")
                .order_by("observed_at", "id")
            )
            belief = mastery.replay([_observation(row) for row in log], params[target_id], thresholds)
            judgments = [row.judgment_id for row in log if row.judgment_id]
            judgment_id = judgments[-1] if judgments else None
        else:
            belief = _belief_of(state, params[target_id])
            judgment_id = state.judgment_id if state else None
            for row in sorted(rows, key=lambda r: (r.observed_at, r.pk or 0)):
                belief = mastery.advance(belief, _observation(row), params[target_id], thresholds)
                judgment_id = row.judgment_id or judgment_id
        upserts.append(
            MasteryState(
                learner_id=learner_id,
                target_id=target_id,
                p_mastery=belief.p_mastery,
                evidence_count=belief.evidence_count,
                last_evidence_at=belief.last_evidence_at,
                level=belief.level,
                model_level=belief.model_level,
                judgment_id=judgment_id,
                judgment_contested=belief.contested,
                failure_run=belief.failure_run,
                last_success_at=belief.last_success_at,
            )
        )
    MasteryState.objects.bulk_create(
        upserts,
        update_conflicts=True,
        unique_fields=["learner", "target"],
        update_fields=[
            "p_mastery",
            "evidence_count",
            "last_evidence_at",
            "level",
            "model_level",
            "judgment",
            "judgment_contested",
            "failure_run",
            "last_success_at",
            "updated_at",
        ],
    )


def _lock_learner(learner_id: int) -> None:
    # One learner's mastery updates take turns, so a task that runs twice, or two at once, cannot both
    # append the same evidence or advance a state from the same starting point (the lock order:
    # learning_platform.locks).
    learners_lock([learner_id])


def _school_of(learner_id: int) -> int:
    return LearnerProfile.objects.filter(user_id=learner_id).values_list("school_id", flat=True).get()


@transaction.atomic
def mastery_apply_attempt(*, attempt_id: int) -> int:
    """Append the evidence of an attempt's scored responses and update mastery on their targets.

    Safe to run twice: evidence already logged for a response's scoring revision is not appended again.
    A rescored response appends a row that supersedes the old one. Returns how many rows were appended.
    """
    # The common repeat (the task after an inline update, a redelivered message) costs one query.
    unlogged = Response.objects.filter(attempt_id=attempt_id, correct__isnull=False).exclude(
        Exists(Evidence.objects.filter(response=OuterRef("pk"), scoring_revision=OuterRef("scoring_revision")))
    )
    if not unlogged.exists():
        return 0
    attempt = Attempt.objects.get(pk=attempt_id)
    _lock_learner(attempt.learner_id)
    logged = {
        (row.response_id, row.target_id): row
        for row in Evidence.objects.filter(response__attempt=attempt, superseded_by__isnull=True)
    }
    new_rows, replay_targets = [], set()
    for response in Response.objects.filter(attempt=attempt, correct__isnull=False).prefetch_related("item__targets"):
        for target in response.item.targets.all():
            previous = logged.get((response.pk, target.pk))
            if previous is not None and previous.scoring_revision >= response.scoring_revision:
                continue
            new_rows.append(
                Evidence(
                    learner_id=attempt.learner_id,
                    target=target,
                    kind=Evidence.Kind.RESPONSE,
                    correct=response.correct,
                    response=response,
                    scoring_revision=response.scoring_revision,
                    supersedes=previous,
                    observed_at=attempt.submitted_at,
                )
            )
            if previous is not None:
                replay_targets.add(target.pk)
    if new_rows:
        Evidence.objects.bulk_create(new_rows)
        _states_update(
            learner_id=attempt.learner_id,
            school_id=_school_of(attempt.learner_id),
            new_rows=new_rows,
            replay_targets=replay_targets,
        )
        path_inputs_changed.send(sender=Evidence, learner_ids=[attempt.learner_id], reason="attempt")
    return len(new_rows)


@transaction.atomic
def mastery_apply_practice(*, practice_id: int) -> int:
    """Append the evidence of a practice question's first answer, one row per target of its item, weighed as
    practice (learners.mastery.PRACTICE_WEIGHT, less when a hint came first), and update mastery on those
    targets. Safe to run twice: a practice answer is logged once. Returns how many rows were appended."""
    practice = (
        PracticeResponse.objects.filter(pk=practice_id, answered_at__isnull=False)
        .exclude(Exists(Evidence.objects.filter(practice=OuterRef("pk"))))
        .select_related("practice_set")
        .first()
    )
    if practice is None:
        return 0
    learner_id = practice.practice_set.learner_id
    _lock_learner(learner_id)
    if Evidence.objects.filter(practice=practice).exists():
        return 0
    weight = mastery.HINTED_PRACTICE_WEIGHT if practice.hinted else mastery.PRACTICE_WEIGHT
    rows = Evidence.objects.bulk_create(
        Evidence(
            learner_id=learner_id,
            target_id=target_id,
            kind=Evidence.Kind.PRACTICE,
            correct=practice.correct,
            practice=practice,
            weight=weight,
            observed_at=practice.answered_at,
        )
        for target_id in practice.item.targets.values_list("pk", flat=True)
    )
    if rows:
        _states_update(learner_id=learner_id, school_id=_school_of(learner_id), new_rows=rows, replay_targets=set())
        path_inputs_changed.send(sender=Evidence, learner_ids=[learner_id], reason="practice")
    return len(rows)


# An attempt scored longer ago than this without its evidence logged has lost its mastery-update message (the
# update takes well under a second); the sweeper looks this far back.
UNLOGGED_GRACE = datetime.timedelta(minutes=2)
UNLOGGED_WINDOW = datetime.timedelta(days=2)
UNLOGGED_SWEEP_LIMIT = 5000


def mastery_unlogged_sweep(*, now: datetime.datetime | None = None) -> int:
    """Enqueue the mastery update of every attempt scored, and every practice question first answered, in the
    window whose evidence is not logged yet (its message was lost, say while the broker was down); returns how
    many were sent."""
    now = now or timezone.now()
    since, until = now - UNLOGGED_WINDOW, now - UNLOGGED_GRACE
    scored = Response.objects.filter(correct__isnull=False).exclude(
        Exists(Evidence.objects.filter(response=OuterRef("pk"), scoring_revision=OuterRef("scoring_revision")))
    )
    attempt_ids = set(
        scored.filter(attempt__submitted_at__gte=since, attempt__submitted_at__lt=until).values_list(
            "attempt_id", flat=True
        )[:UNLOGGED_SWEEP_LIMIT]
    ) | set(
        scored.filter(scored_at__gte=since, scored_at__lt=until).values_list("attempt_id", flat=True)[
            :UNLOGGED_SWEEP_LIMIT
        ]
    )
    for attempt_id in sorted(attempt_ids):
        enqueue_after_commit("learners.mastery_apply_attempt", attempt_id)
    practice_ids = list(
        PracticeResponse.objects.filter(answered_at__gte=since, answered_at__lt=until)
        .exclude(Exists(Evidence.objects.filter(practice=OuterRef("pk"))))
        .order_by("pk")
        .values_list("pk", flat=True)[:UNLOGGED_SWEEP_LIMIT]
    )
    for practice_id in practice_ids:
        enqueue_after_commit("learners.mastery_apply_practice", practice_id)
    return len(attempt_ids) + len(practice_ids)


@transaction.atomic
def mastery_judgment_set(
    *, learner, target: LearningTarget, teacher, level: str, reason: str, now: datetime.datetime | None = None
) -> MasteryJudgment:
    """A teacher sets a learner's level on a target, with why; logged, and strong evidence from then on."""
    if level not in MasteryLevel.values:
        raise ValidationError({"level": f"Unknown level {level!r}; choose one of {', '.join(MasteryLevel.values)}."})
    if not reason or not reason.strip():
        raise ValidationError({"reason": "Say why, so colleagues and the student understand the change."})
    if not LearnerProfile.objects.filter(learner_staff_q(teacher), user=learner).exists():
        raise ValidationError("Only the learner's teachers and school admins can set their level.")
    now = now or timezone.now()
    _lock_learner(learner.pk)
    state = MasteryState.objects.filter(learner=learner, target=target).first()
    judgment = MasteryJudgment.objects.create(
        learner=learner,
        target=target,
        teacher=teacher,
        from_level=state.level if state else "not_started",
        to_level=level,
        reason=reason.strip(),
        created_at=now,
    )
    row = Evidence.objects.create(
        learner=learner, target=target, kind=Evidence.Kind.JUDGMENT, judgment=judgment, observed_at=now
    )
    _states_update(learner_id=learner.pk, school_id=_school_of(learner.pk), new_rows=[row], replay_targets=set())
    path_inputs_changed.send(sender=MasteryJudgment, learner_ids=[learner.pk], reason="judgment")
    return judgment


# How many EM iterations the nightly fit runs at most; it usually converges well before.
FIT_ITERATIONS = 60


@transaction.atomic
def mastery_params_fit(*, school_id: int, now: datetime.datetime | None = None) -> int:
    """Fit each target's BKT parameters, and how ability shifts them, from the school's own evidence log.

    The model is the one `evaluate_mastery` measures: per-target BKT with forgetting, plus each learner's
    running ability (their earlier answers against each target's mean, in the order they happened). One
    sequence per (learner, target); superseded evidence and judgments are left out. Targets with little data
    are shrunk toward the school's average (see `assessments.bkt.fit_em`). Re-running on the same log writes
    the same values (upserts on school and target). Returns how many targets were fitted.
    """
    rows = (
        Evidence.objects.filter(
            kind=Evidence.Kind.RESPONSE, superseded_by__isnull=True, learner__learner_profile__school_id=school_id
        )
        .order_by("learner_id", "observed_at", "id")
        .values_list("learner_id", "target_id", "correct")
    )
    log = np.array(list(rows), dtype=np.int64).reshape(-1, 3)
    if len(log) == 0:
        return 0
    learners, correct = log[:, 0], log[:, 2].astype(bool)
    target_ids, skills = np.unique(log[:, 1], return_inverse=True)
    mean_correct = bkt.skill_mean_correct(skills, correct, len(target_ids))
    ability = bkt.running_ability(learners, skills, correct, mean_correct)
    # EM wants each (learner, target) sequence contiguous; a stable sort keeps each one in time order.
    order = np.lexsort((np.arange(len(log)), skills, learners))
    result = bkt.fit_em(
        skills[order],
        correct[order],
        bkt.sequence_starts(learners[order], skills[order]),
        len(target_ids),
        ability=ability[order],
        mean_correct=mean_correct,
        iterations=FIT_ITERATIONS,
    )
    fitted = result.params
    responses = np.bincount(skills, minlength=len(target_ids))
    now = now or timezone.now()
    TargetModelParams.objects.bulk_create(
        [
            TargetModelParams(
                school_id=school_id,
                target_id=int(target_id),
                prior=float(fitted.prior[index]),
                learn=float(fitted.learn[index]),
                guess=float(fitted.guess[index]),
                slip=float(fitted.slip[index]),
                forget=float(fitted.forget[index]),
                mean_correct=float(fitted.mean_correct[index]),
                responses=int(responses[index]),
                fitted_at=now,
            )
            for index, target_id in enumerate(target_ids)
        ],
        update_conflicts=True,
        unique_fields=["school", "target"],
        update_fields=["prior", "learn", "guess", "slip", "forget", "mean_correct", "responses", "fitted_at"],
    )
    MasteryModelFit.objects.update_or_create(
        school_id=school_id,
        defaults={
            "ability_effect": [float(value) for value in fitted.ability_effect],
            "responses": len(log),
            "targets": len(target_ids),
            "log_likelihood": float(result.log_likelihood),
            "fitted_at": now,
        },
    )
    return len(target_ids)


def mastery_params_fit_all() -> dict[int, int]:
    """Refit every school's parameters, one school per transaction; returns targets fitted per school id."""
    return {
        school_id: mastery_params_fit(school_id=school_id) for school_id in School.objects.values_list("pk", flat=True)
    }


# ---------------------------------------------------------------------------------------------------------
# The placement check: assigned by a teacher, or offered to a learner with no evidence yet; one question at a
# time, each chosen by learners.placement; every answer is mastery evidence marked as placement.


def _placement_state(check: PlacementCheck, now: datetime.datetime) -> placement.PlacementState:
    """The pure check's state: the framework's targets and graph, the targets the bank has questions for at the
    learner's school, the school's rates for the grade, and the answers so far."""
    # Imported here: the selectors module reads mastery through this one.
    from learners.selectors import school_rates

    profile = LearnerProfile.objects.select_related("school").get(user_id=check.learner_id)
    rows = list(LearningTarget.objects.values_list("pk", "code", "grade"))
    code_of = {pk: code for pk, code, _ in rows}
    grades = {code: _Grade(grade) for _, code, grade in rows}
    edges = [(code_of[a], code_of[b]) for a, b in Prerequisite.objects.values_list("prerequisite_id", "target_id")]
    checkable = {
        code_of[pk]
        for pk in Item.targets.through.objects.filter(item__in=Item.objects.usable_at(profile.school).auto_scored())
        .values_list("learningtarget_id", flat=True)
        .distinct()
    }
    rates = school_rates(
        school_id=profile.school_id, school_day=school_today(profile.school, now), code_of=code_of
    ).get(check.grade, {})
    state = placement.PlacementState.start(
        grade=check.grade, targets=grades, prerequisites=edges, checkable=checkable, school_rates=rates
    )
    for code, correct in (
        check.answers.filter(answered_at__isnull=False).order_by("position").values_list("target__code", "correct")
    ):
        state = placement.record(state, code, correct)
    return state


@dataclass(frozen=True)
class _Grade:
    grade: str


@transaction.atomic
def placement_assign(*, teacher, section, student_ids=(), now: datetime.datetime | None = None) -> list[PlacementCheck]:
    """Give the placement check to a section's active students (or the chosen ones of them); a student with a
    check still open keeps it. Returns the checks created."""
    if not can(teacher, "change", section):
        raise ValidationError("Only the section's teachers and its school's admins can assign a placement check.")
    now = now or timezone.now()
    active = set(section.enrollments.active().values_list("student_id", flat=True))
    chosen = list(dict.fromkeys(student_ids)) or sorted(active)
    outsiders = [pk for pk in chosen if pk not in active]
    if outsiders:
        raise ValidationError({"students": not_in_message(viewer=teacher, place=section, outsider_ids=outsiders)})
    learners_lock(chosen)
    open_for = set(
        PlacementCheck.objects.filter(learner_id__in=chosen)
        .exclude(status=PlacementCheck.Status.FINISHED)
        .values_list("learner_id", flat=True)
    )
    grade_of = dict(LearnerProfile.objects.filter(user_id__in=chosen).values_list("user_id", "grade"))
    if len(grade_of) < len(chosen):
        raise ValidationError({"students": "Some of these students have no learner profile (and so no grade) yet."})
    return PlacementCheck.objects.bulk_create(
        PlacementCheck(learner_id=pk, section=section, assigned_by=teacher, grade=grade_of[pk], created_at=now)
        for pk in chosen
        if pk not in open_for
    )


@transaction.atomic
def placement_offer(*, learner, now: datetime.datetime | None = None) -> PlacementCheck | None:
    """The learner's open placement check; for a learner with no evidence at all and no check yet, a new one (the
    platform offers it on their first day); otherwise None."""
    learners_lock([learner.pk])
    found = PlacementCheck.objects.filter(learner=learner).exclude(status=PlacementCheck.Status.FINISHED).first()
    if found is not None:
        return found
    if Evidence.objects.filter(learner=learner).exists() or PlacementCheck.objects.filter(learner=learner).exists():
        return None
    profile = LearnerProfile.objects.filter(user=learner).first()
    if profile is None:
        return None
    return PlacementCheck.objects.create(learner=learner, grade=profile.grade, created_at=now or timezone.now())


@transaction.atomic
def placement_question(*, learner, now: datetime.datetime | None = None) -> PlacementAnswer | None:
    """The question the learner is on in their open placement check: the one shown and not answered yet, or the
    next one learners.placement chooses (an item of the bank on its target, one the learner has not met first).
    When the check is done, it is finished and None is returned (as it is when no check is open)."""
    now = now or timezone.now()
    learners_lock([learner.pk])
    check = (
        PlacementCheck.objects.select_for_update()
        .filter(learner=learner)
        .exclude(status=PlacementCheck.Status.FINISHED)
        .first()
    )
    if check is None:
        return None
    shown = check.answers.filter(answered_at__isnull=True).select_related("item", "target").first()
    if shown is not None:
        return shown
    state = _placement_state(check, now)
    asked = set(check.answers.values_list("item_id", flat=True))
    profile = LearnerProfile.objects.select_related("school").get(user=learner)
    # A target whose questions have all been asked leaves the choice (nothing more can be learned about it here).
    choosing, items = state, []
    while not items:
        code = placement.next_question(choosing)
        if code is None:
            _placement_finish(check, state, now)
            return None
        target = LearningTarget.objects.filter(code=code).order_by("pk").first()
        items = [
            item
            for item in practice_items(
                learner=learner,
                target=target,
                school=profile.school,
                count=8,
                seed=f"placement:{check.pk}:{len(state.answers)}",
            )
            if item.pk not in asked
        ]
        choosing = replace(choosing, scope=tuple(other for other in choosing.scope if other != code))
    if check.status == PlacementCheck.Status.ASSIGNED:
        check.status, check.started_at = PlacementCheck.Status.IN_PROGRESS, now
        check.save(update_fields=["status", "started_at"])
    return PlacementAnswer.objects.create(
        placement=check, position=len(state.answers) + 1, target=target, item=items[0], shown_at=now
    )


@transaction.atomic
def placement_answer(*, learner, answer_id: int, answer, now: datetime.datetime | None = None) -> PlacementAnswer:
    """The learner's answer to the question shown (`answer` None: "I don't know", which counts as wrong, as ALEKS
    counts it). It is scored at once, without telling the learner, and logged as placement evidence (in full, and
    leaving the run of wrong answers alone). A malformed answer is refused naming `answer`, writing nothing."""
    now = now or timezone.now()
    learners_lock([learner.pk])
    row = (
        PlacementAnswer.objects.select_for_update(of=("self",))
        .select_related("item", "placement")
        .filter(pk=answer_id, placement__learner=learner, answered_at__isnull=True)
        .exclude(placement__status=PlacementCheck.Status.FINISHED)
        .first()
    )
    if row is None:
        raise ValidationError("This question is not waiting for your answer.")
    item = row.item
    if answer is None:
        correct = False
    else:
        try:
            answer = scoring.validate_answer(item.item_type, item.choices, answer)
            correct = bool(scoring.score(item.item_type, item.choices, item.key, answer).correct)
        except scoring.AnswerShapeError as error:
            raise ValidationError({"answer": str(error)}) from None
    row.answer, row.correct, row.answered_at = answer, correct, now
    row.save(update_fields=["answer", "correct", "answered_at"])
    evidence = Evidence.objects.bulk_create(
        Evidence(
            learner=learner,
            target_id=target_id,
            kind=Evidence.Kind.PLACEMENT,
            correct=correct,
            placement_answer=row,
            observed_at=now,
        )
        for target_id in item.targets.values_list("pk", flat=True)
    )
    _states_update(learner_id=learner.pk, school_id=_school_of(learner.pk), new_rows=evidence, replay_targets=set())
    return row


def _placement_finish(check: PlacementCheck, state: placement.PlacementState, now: datetime.datetime) -> None:
    check.status, check.finished_at = PlacementCheck.Status.FINISHED, now
    check.started_at = check.started_at or now
    check.result = placement.result(state)
    check.save(update_fields=["status", "finished_at", "started_at", "result"])
    # What the check found is what tomorrow's path, and today's, is built from.
    path_inputs_changed.send(sender=PlacementCheck, learner_ids=[check.learner_id], reason="placement")
