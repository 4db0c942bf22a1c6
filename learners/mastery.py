"""The mastery state as pure logic: levels, judgments, forgetting, and replaying evidence through BKT.

No Django here: plain values in, plain values out. The estimator itself is `assessments.bkt`; this module
decides what a piece of evidence does to a learner's belief on one target.

Levels (thresholds per school, see learners.models.MasterySettings): no evidence is Not started; a
probability of mastery below `familiar_at` is Attempted; then Familiar, Proficient from `proficient_at`,
Mastered from `mastered_at`. A teacher's judgment sets the level shown and anchors the probability in the
middle of that level's band; later evidence moves the probability as usual, and when it points two or more
levels away from the judgment the state is flagged `contested` for the teacher instead of overriding them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from assessments import bkt


LEVELS = ("not_started", "attempted", "familiar", "proficient", "mastered")


@dataclass(frozen=True)
class Params:
    """One target's BKT parameters (see assessments.bkt; `bkt.update` reads them by name)."""

    prior: float = bkt.DEFAULT_PRIOR
    learn: float = bkt.DEFAULT_LEARN
    guess: float = bkt.DEFAULT_GUESS
    slip: float = bkt.DEFAULT_SLIP
    forget: float = bkt.DEFAULT_FORGET


@dataclass(frozen=True)
class Thresholds:
    familiar_at: float = 0.4
    proficient_at: float = 0.7
    mastered_at: float = 0.9
    half_life_days: float = 60.0


@dataclass(frozen=True)
class Observation:
    """A piece of evidence: a scored response (`correct`) or a teacher's judgment (`judged_level`)."""

    observed_at: datetime
    correct: bool | None = None
    judged_level: str | None = None


@dataclass(frozen=True)
class Belief:
    p_mastery: float
    evidence_count: int
    last_evidence_at: datetime | None
    model_level: str
    judged_level: str | None = None
    contested: bool = False
    # The wrong answers in a row that end the evidence so far, and when the run began (the last right answer
    # or teacher judgment): the playlist engine re-teaches, or calls a small group, from these.
    failure_run: int = 0
    last_success_at: datetime | None = None

    @property
    def level(self) -> str:
        """The level shown: the teacher's judgment while it stands, otherwise the model's."""
        return self.judged_level or self.model_level


def level_for(p_mastery: float, evidence_count: int, thresholds: Thresholds) -> str:
    if evidence_count == 0:
        return "not_started"
    if p_mastery >= thresholds.mastered_at:
        return "mastered"
    if p_mastery >= thresholds.proficient_at:
        return "proficient"
    if p_mastery >= thresholds.familiar_at:
        return "familiar"
    return "attempted"


def judgment_anchor(level: str, thresholds: Thresholds, prior: float) -> float:
    """The probability a judgment sets: the middle of the level's band (the prior for Not started)."""
    bands = {
        "not_started": (prior, prior),
        "attempted": (0.0, thresholds.familiar_at),
        "familiar": (thresholds.familiar_at, thresholds.proficient_at),
        "proficient": (thresholds.proficient_at, thresholds.mastered_at),
        "mastered": (thresholds.mastered_at, 1.0),
    }
    low, high = bands[level]
    return (low + high) / 2


def decayed(p_mastery: float, since: datetime | None, now: datetime, params: Params, thresholds: Thresholds) -> float:
    """The probability of mastery after time without practice: it fades toward the prior."""
    if since is None or now <= since:
        return p_mastery
    days = (now - since).total_seconds() / 86400
    return float(bkt.decay(p_mastery, days, half_life_days=thresholds.half_life_days, floor=params.prior))


def start(params: Params) -> Belief:
    return Belief(p_mastery=params.prior, evidence_count=0, last_evidence_at=None, model_level="not_started")


def advance(belief: Belief, observation: Observation, params: Params, thresholds: Thresholds) -> Belief:
    """The belief after one more piece of evidence, observed no earlier than the last one."""
    if observation.judged_level is not None:
        p_mastery = judgment_anchor(observation.judged_level, thresholds, params.prior)
        count = belief.evidence_count + 1
        return Belief(
            p_mastery=p_mastery, evidence_count=count, last_evidence_at=observation.observed_at,
            model_level=level_for(p_mastery, count, thresholds), judged_level=observation.judged_level,
            failure_run=0, last_success_at=observation.observed_at,
        )  # fmt: skip
    p_before = decayed(belief.p_mastery, belief.last_evidence_at, observation.observed_at, params, thresholds)
    p_mastery = float(bkt.update(p_before, bool(observation.correct), params))
    count = belief.evidence_count + 1
    model_level = level_for(p_mastery, count, thresholds)
    contested = belief.judged_level is not None and abs(LEVELS.index(model_level) - LEVELS.index(belief.judged_level)) >= 2
    correct = bool(observation.correct)
    return replace(
        belief, p_mastery=p_mastery, evidence_count=count, last_evidence_at=observation.observed_at,
        model_level=model_level, contested=contested, failure_run=0 if correct else belief.failure_run + 1,
        last_success_at=observation.observed_at if correct else belief.last_success_at,
    )  # fmt: skip


def replay(observations: list[Observation], params: Params, thresholds: Thresholds) -> Belief:
    """The belief from a whole evidence history, in the order it was observed."""
    belief = start(params)
    for observation in sorted(observations, key=lambda row: row.observed_at):
        belief = advance(belief, observation, params, thresholds)
    return belief
