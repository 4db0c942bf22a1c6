"""The mastery state as pure logic: levels, judgments, forgetting, and replaying evidence through BKT.

No Django here: plain values in, plain values out. The estimator itself is `assessments.bkt`; this module
decides what a piece of evidence does to a learner's belief on one target.

Levels (thresholds per school, see learners.models.MasterySettings): no evidence is Not started; a
probability of mastery below `familiar_at` is Attempted; then Familiar, Proficient from `proficient_at`,
Mastered from `mastered_at`. A teacher's judgment sets the level shown and anchors the probability in the
middle of that level's band; later evidence moves the probability as usual, and when it points two or more
levels away from the judgment the state is flagged `contested` for the teacher instead of overriding them.

Practice answers count for less than an assessment's (`Observation.weight`): the response's likelihood is
raised to the weight before Bayes' rule (a tempered, or "power", likelihood), so a practice answer of weight 0.5
moves the belief as far as half an exit-ticket answer does on the log-odds scale. A practice question is answered
with hints a click away, feedback after each try and the worked solution on request, in a low-stakes moment; only
its first answer counts, at `PRACTICE_WEIGHT`, and at `HINTED_PRACTICE_WEIGHT` when a hint was opened before it
(ASSISTments' own convention scores a hinted first answer as wrong; a weak right is the gentler reading of it).
Practice is still a learning opportunity, so the learning transition applies in full. It leaves the run of wrong
answers alone: the struggle flags teachers see count assessment answers. So does a placement check's answer
(`diagnostic`), which counts in full: a gap it finds was never taught, so it is no failure. A diagnostic answer
gets no feedback, so it is no learning opportunity either: Bayes' rule without the learning transition, which is
also how `learners.placement` weighs it (two "I don't know"s on a target leave it likely missing, for the check's
result and for the engine alike).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from assessments import bkt


LEVELS = ("not_started", "attempted", "familiar", "proficient", "mastered")

PRACTICE_WEIGHT = 0.5
HINTED_PRACTICE_WEIGHT = 0.25


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
    """A piece of evidence: a scored response (`correct`, counting `weight` of a full answer) or a teacher's
    judgment (`judged_level`). A `diagnostic` answer (the placement check) finds out what the learner knows
    before they are taught: it counts in full but leaves the run of wrong answers alone."""

    observed_at: datetime
    correct: bool | None = None
    judged_level: str | None = None
    weight: float = 1.0
    diagnostic: bool = False


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
            p_mastery=p_mastery,
            evidence_count=count,
            last_evidence_at=observation.observed_at,
            model_level=level_for(p_mastery, count, thresholds),
            judged_level=observation.judged_level,
            failure_run=0,
            last_success_at=observation.observed_at,
        )
    p_before = decayed(belief.p_mastery, belief.last_evidence_at, observation.observed_at, params, thresholds)
    correct = bool(observation.correct)
    if observation.diagnostic:
        p_mastery = float(bkt.posterior(p_before, correct, guess=params.guess, slip=params.slip))
    else:
        p_mastery = weighted_update(p_before, correct, params, observation.weight)
    count = belief.evidence_count + 1
    model_level = level_for(p_mastery, count, thresholds)
    contested = (
        belief.judged_level is not None and abs(LEVELS.index(model_level) - LEVELS.index(belief.judged_level)) >= 2
    )
    counts_in_runs = observation.weight >= 1 and not observation.diagnostic
    return replace(
        belief,
        p_mastery=p_mastery,
        evidence_count=count,
        last_evidence_at=observation.observed_at,
        model_level=model_level,
        contested=contested,
        failure_run=belief.failure_run if not counts_in_runs else 0 if correct else belief.failure_run + 1,
        last_success_at=observation.observed_at if correct and counts_in_runs else belief.last_success_at,
    )


def weighted_update(p_mastery: float, correct: bool, params: Params, weight: float = 1.0) -> float:
    """P(mastered) after a response counting `weight` (0 < weight <= 1) of a full one, then one learning step;
    with weight 1 exactly `bkt.update`."""
    if not 0 < weight <= 1:
        raise ValueError("An observation's weight is more than 0 and at most 1.")
    if weight == 1:
        return float(bkt.update(p_mastery, correct, params))
    if_known = (1 - params.slip) if correct else params.slip
    if_not_known = params.guess if correct else (1 - params.guess)
    known = p_mastery * if_known**weight
    posterior = known / (known + (1 - p_mastery) * if_not_known**weight)
    return float(posterior * (1 - params.forget) + (1 - posterior) * params.learn)


def replay(observations: list[Observation], params: Params, thresholds: Thresholds) -> Belief:
    """The belief from a whole evidence history, in the order it was observed."""
    belief = start(params)
    for observation in sorted(observations, key=lambda row: row.observed_at):
        belief = advance(belief, observation, params, thresholds)
    return belief
