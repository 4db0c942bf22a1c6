"""The mastery estimator: Bayesian Knowledge Tracing with forgetting and a learner ability, in pure numpy.

Each (learner, skill) pair is a two-state hidden Markov model: the learner has mastered the skill or not.
Per skill there are five probabilities (`BKTParams`):

- `prior`: P(mastered) before the first response on the skill;
- `learn`: P(not mastered -> mastered) between two responses;
- `forget`: P(mastered -> not mastered) between two responses (the in-sequence forgetting of BKT+F);
- `guess`: P(correct | not mastered);
- `slip`: P(incorrect | mastered).

A learner's ability (see `learner_ability`) shifts all five on the logit scale by `ability_effect`, so a
learner who has done better than average elsewhere starts a new skill with a higher prior, slips less, and so
on. With ability 0 (a new learner, or no ability given) the model is plain per-skill BKT with forgetting.

The live platform calls `update` after each scored response (no refit; only the targets answered change)
and `decay` when it reads a target that has not been practised for a while; `fit_em` fits the parameters from
many learners' response sequences, and `predict_sequences` replays sequences for evaluation.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

# The defaults a skill gets before any data: a learner probably has not mastered it yet (prior 0.3), about one
# learner in seven masters it at each practice opportunity (learn 0.15), a learner without mastery answers
# correctly one time in five (guess 0.2) and one with mastery slips one time in ten (slip 0.1); mastery is
# not lost within a practice sequence (forget 0.0).
DEFAULT_PRIOR = 0.3
DEFAULT_LEARN = 0.15
DEFAULT_GUESS = 0.2
DEFAULT_SLIP = 0.1
DEFAULT_FORGET = 0.0

# Probabilities stay this far inside (0, 1) so that no response is ever impossible and logits stay finite.
PROBABILITY_EPSILON = 1e-4
# Guess and slip stay below one half. Above it the two states swap meaning (a "mastered" learner would answer
# correctly less often than one without mastery) and the model is not identifiable.
GUESS_SLIP_MAX = 0.5 - PROBABILITY_EPSILON

# A learner's ability is their summed residual (correct minus the skill's mean correctness) divided by the
# number of their responses plus this many pseudo-responses of residual 0, so two lucky answers do not make a
# strong learner. The evaluation is insensitive to it between 3 and 30.
ABILITY_PSEUDO_COUNT = 10.0

# EM cannot move a probability away from (almost) zero, so the fit starts forget here rather than at its
# default of 0.
INITIAL_FORGET = 0.05

PARAMETER_NAMES = ("prior", "learn", "guess", "slip", "forget")
_UPPER_BOUNDS = {
    "prior": 1 - PROBABILITY_EPSILON,
    "learn": 1 - PROBABILITY_EPSILON,
    "guess": GUESS_SLIP_MAX,
    "slip": GUESS_SLIP_MAX,
    "forget": 1 - PROBABILITY_EPSILON,
}
# The largest Newton step on the logit scale in the M step with abilities: it keeps an early, poorly
# conditioned step from overshooting.
_MAX_LOGIT_STEP = 1.0


def _logit(probability):
    return np.log(probability / (1 - probability))


def _sigmoid(logit):
    return 1 / (1 + np.exp(-logit))


def _constrain(name: str, probability):
    # minimum/maximum rather than np.clip: the live update calls this on scalars, where np.clip is slower.
    return np.minimum(np.maximum(probability, PROBABILITY_EPSILON), _UPPER_BOUNDS[name])


@dataclass(frozen=True, eq=False)
class BKTParams:
    """The fitted mastery model of one framework: per-skill arrays of shape (n_skills,) plus the ability effect.

    `mean_correct` is the share of correct responses on each skill in the fitting data: the yardstick a
    learner's ability is measured against. `ability_effect` holds the logit shift per unit of ability of
    (prior, learn, guess, slip, forget). `defaults` and `fit_em` keep every probability inside its bounds;
    `constrained` clips parameters built by hand.
    """

    prior: np.ndarray
    learn: np.ndarray
    guess: np.ndarray
    slip: np.ndarray
    forget: np.ndarray
    mean_correct: np.ndarray
    ability_effect: np.ndarray = field(default_factory=lambda: np.zeros(len(PARAMETER_NAMES)))

    @classmethod
    def defaults(cls, n_skills: int) -> BKTParams:
        """The documented defaults for every skill, no ability effect, and the mean correctness they imply."""
        prior = np.full(n_skills, DEFAULT_PRIOR)
        guess = np.full(n_skills, DEFAULT_GUESS)
        slip = np.full(n_skills, DEFAULT_SLIP)
        return cls(
            prior=prior,
            learn=np.full(n_skills, DEFAULT_LEARN),
            guess=guess,
            slip=slip,
            forget=np.full(n_skills, DEFAULT_FORGET),
            mean_correct=predict_correct(prior, guess=guess, slip=slip),
        ).constrained()

    @property
    def n_skills(self) -> int:
        return len(self.prior)

    def constrained(self) -> BKTParams:
        """These parameters with every probability clipped into its bounds."""
        return BKTParams(
            **{name: _constrain(name, np.asarray(getattr(self, name), dtype=float)) for name in PARAMETER_NAMES},
            mean_correct=np.asarray(self.mean_correct, dtype=float),
            ability_effect=np.asarray(self.ability_effect, dtype=float),
        )

    def for_skills(self, skill_ids, ability=0.0) -> BKTParams:
        """The parameters a learner of this ability meets on these skills, shaped like skill_ids and ability.

        `params.for_skills(3)` is skill 3's values. The ability effect is already applied to the result, so
        the result's own `ability_effect` is zero.
        """
        skill_ids = np.asarray(skill_ids)
        ability = np.asarray(ability, dtype=float)
        shape = (
            skill_ids.shape if ability.shape == skill_ids.shape else np.broadcast_shapes(skill_ids.shape, ability.shape)
        )
        values = {"mean_correct": self.mean_correct[skill_ids]}
        for name, effect in zip(PARAMETER_NAMES, self.ability_effect, strict=True):
            base = getattr(self, name)[skill_ids]
            values[name] = base if effect == 0 else _constrain(name, _sigmoid(_logit(base) + effect * ability))
        return BKTParams(
            **{
                name: np.broadcast_to(value, shape) if np.shape(value) != shape else value
                for name, value in values.items()
            }
        )


def predict_correct(p_mastery, *, guess, slip):
    """P(correct) of the next response: p * (1 - slip) + (1 - p) * guess, elementwise."""
    p_mastery = np.asarray(p_mastery, dtype=float)
    return p_mastery * (1 - slip) + (1 - p_mastery) * guess


def posterior(p_mastery, correct, *, guess, slip):
    """P(mastered) after seeing one response (Bayes' rule, before the transition), elementwise."""
    p_mastery = np.asarray(p_mastery, dtype=float)
    correct = np.asarray(correct, dtype=bool)
    likelihood_mastered = np.where(correct, 1 - slip, slip)
    likelihood_unmastered = np.where(correct, guess, 1 - guess)
    evidence_mastered = p_mastery * likelihood_mastered
    return evidence_mastered / (evidence_mastered + (1 - p_mastery) * likelihood_unmastered)


def update(p_mastery, correct, params):
    """P(mastered) before the next response, after one scored response, elementwise.

    `params` holds the values for each (learner, skill) pair: `BKTParams.for_skills(...)`, or any object with
    `learn`, `guess`, `slip` and `forget` attributes. The posterior given the response then moves through one
    transition: p' = post * (1 - forget) + (1 - post) * learn.
    """
    after_response = posterior(p_mastery, correct, guess=params.guess, slip=params.slip)
    return after_response * (1 - params.forget) + (1 - after_response) * params.learn


def decay(p_mastery, days_since_evidence, *, half_life_days: float, floor):
    """P(mastered) after days without practice: halfway back to `floor` every `half_life_days`, elementwise.

    p_floor + (p - p_floor) * 0.5 ** (days / half_life_days). This is the live platform's forgetting over
    calendar time (a mastery above the floor fades toward it; one below it rises toward it). The ASSISTments
    file has no timestamps, so it is not evaluated there; the in-sequence `forget` parameter is.
    """
    p_mastery = np.asarray(p_mastery, dtype=float)
    days = np.maximum(np.asarray(days_since_evidence, dtype=float), 0.0)
    return floor + (p_mastery - floor) * 0.5 ** (days / half_life_days)


def skill_mean_correct(skill_ids, correct, n_skills: int, *, prior_strength: float = 5.0) -> np.ndarray:
    """Each skill's share of correct responses, shrunk toward the overall share by `prior_strength` responses."""
    skill_ids = np.asarray(skill_ids)
    correct = np.asarray(correct, dtype=float)
    overall = correct.mean() if len(correct) else predict_correct(DEFAULT_PRIOR, guess=DEFAULT_GUESS, slip=DEFAULT_SLIP)
    counts = np.bincount(skill_ids, minlength=n_skills)
    corrects = np.bincount(skill_ids, weights=correct, minlength=n_skills)
    return (corrects + prior_strength * overall) / (counts + prior_strength)


def learner_ability(residual_sum, n_responses, *, pseudo_count: float = ABILITY_PSEUDO_COUNT):
    """A learner's ability from their running residual sum and response count (see ABILITY_PSEUDO_COUNT)."""
    return np.asarray(residual_sum, dtype=float) / (np.asarray(n_responses, dtype=float) + pseudo_count)


def sequence_starts(learner_ids, skill_ids) -> np.ndarray:
    """Where each (learner, skill) sequence begins: a response whose learner or skill differs from the last one."""
    learner_ids = np.asarray(learner_ids)
    skill_ids = np.asarray(skill_ids)
    starts = np.ones(len(learner_ids), dtype=bool)
    starts[1:] = (learner_ids[1:] != learner_ids[:-1]) | (skill_ids[1:] != skill_ids[:-1])
    return np.flatnonzero(starts)


def running_ability(learner_ids, skill_ids, correct, mean_correct, *, pseudo_count: float = ABILITY_PSEUDO_COUNT):
    """Each response's learner ability from that learner's earlier responses in the given order (not itself).

    Responses of one learner must be contiguous; within them the order is the order responses happened in
    (for the ASSISTments file, the file order). A learner's first response has ability 0.
    """
    learner_ids = np.asarray(learner_ids)
    n = len(learner_ids)
    residual = np.asarray(correct, dtype=float) - np.asarray(mean_correct)[np.asarray(skill_ids)]
    residual_before = np.concatenate([[0.0], np.cumsum(residual)])
    is_learner_start = np.ones(n, dtype=bool)
    is_learner_start[1:] = learner_ids[1:] != learner_ids[:-1]
    learner_start = np.maximum.accumulate(np.where(is_learner_start, np.arange(n), 0))
    index = np.arange(n)
    return learner_ability(
        residual_before[index] - residual_before[learner_start], index - learner_start, pseudo_count=pseudo_count
    )


@dataclass(frozen=True, eq=False)
class _Packing:
    """Sequences laid out time-major, longest first, so step t of every sequence is one contiguous slice.

    Response i of the input sits at `position[i]`. Step t occupies [offsets[t], offsets[t] + active[t]), and
    its j-th element belongs to the j-th longest sequence, so the sequences still running at step t + 1 are
    the first active[t + 1] elements of step t.
    """

    position: np.ndarray
    active: np.ndarray
    offsets: np.ndarray
    has_next: np.ndarray

    @property
    def n_sequences(self) -> int:
        return int(self.active[0]) if len(self.active) else 0

    def step(self, t: int) -> slice:
        return slice(self.offsets[t], self.offsets[t] + self.active[t])

    def pack(self, values) -> np.ndarray:
        values = np.asarray(values)
        packed = np.empty_like(values)
        packed[self.position] = values
        return packed

    def unpack(self, packed) -> np.ndarray:
        return np.asarray(packed)[self.position]


def _pack(sequence_starts, n_responses: int) -> _Packing:
    starts = np.asarray(sequence_starts, dtype=np.int64)
    if n_responses and (
        len(starts) == 0 or starts[0] != 0 or np.any(np.diff(starts) <= 0) or starts[-1] >= n_responses
    ):
        raise ValueError("sequence_starts must begin at 0 and increase strictly, staying below the number of responses")
    lengths = np.diff(np.append(starts, n_responses))
    by_length = np.argsort(-lengths, kind="stable")
    rank = np.empty_like(by_length)
    rank[by_length] = np.arange(len(by_length))
    longest = int(lengths.max()) if len(lengths) else 0
    # Sequences still running at step t are those longer than t.
    active = np.searchsorted(-lengths[by_length], -np.arange(longest), side="left")
    offsets = np.concatenate([[0], np.cumsum(active)])
    step_of_response = np.arange(n_responses) - np.repeat(starts, lengths)
    position = offsets[step_of_response] + np.repeat(rank, lengths)
    has_next = np.zeros(n_responses, dtype=bool)
    for t in range(longest - 1):
        has_next[offsets[t] : offsets[t] + active[t + 1]] = True
    return _Packing(position=position, active=active, offsets=offsets, has_next=has_next)


def _forward(responses: BKTParams, correct, packing: _Packing):
    """P(mastered) before and after each response (packed order), filtering through every sequence at once."""
    before = np.empty(len(correct))
    after = np.empty(len(correct))
    p_mastery = responses.prior[: packing.n_sequences]
    for t in range(len(packing.active)):
        here = packing.step(t)
        p_mastery = p_mastery[: packing.active[t]]
        before[here] = p_mastery
        after[here] = posterior(p_mastery, correct[here], guess=responses.guess[here], slip=responses.slip[here])
        p_mastery = after[here] * (1 - responses.forget[here]) + (1 - after[here]) * responses.learn[here]
    return before, after


def _likelihoods(responses: BKTParams, correct):
    """P(this response | mastered) and P(this response | not mastered), elementwise."""
    return (
        np.where(correct, 1 - responses.slip, responses.slip),
        np.where(correct, responses.guess, 1 - responses.guess),
    )


def _log_likelihood(responses: BKTParams, correct, packing: _Packing) -> float:
    before, _ = _forward(responses, correct, packing)
    likelihood_mastered, likelihood_unmastered = _likelihoods(responses, correct)
    return float(np.log(before * likelihood_mastered + (1 - before) * likelihood_unmastered).sum())


@dataclass(frozen=True, eq=False)
class _ExpectedCounts:
    """The E step's expectations per response (packed order) and the data log-likelihood."""

    mastered: np.ndarray  # P(mastered at this response | the whole sequence)
    learned: np.ndarray  # P(not mastered here, mastered at the next response | the whole sequence)
    forgot: np.ndarray  # P(mastered here, not mastered at the next response | the whole sequence)
    log_likelihood: float


def _expected_counts(responses: BKTParams, correct, packing: _Packing) -> _ExpectedCounts:
    """Forward-backward over all sequences at once, with the backward messages scaled by each step's evidence."""
    before, after = _forward(responses, correct, packing)
    likelihood_mastered, likelihood_unmastered = _likelihoods(responses, correct)
    evidence = before * likelihood_mastered + (1 - before) * likelihood_unmastered
    mastered = np.empty(len(correct))
    learned = np.zeros(len(correct))
    forgot = np.zeros(len(correct))
    # beta(state) = P(later responses | state here) / P(later responses | responses so far); 1 at the last one.
    beta_unmastered = beta_mastered = np.ones(0)
    for t in range(len(packing.active) - 1, -1, -1):
        here = packing.step(t)
        n_here = packing.active[t]
        n_next = len(beta_mastered)
        next_unmastered = np.ones(n_here)
        next_mastered = np.ones(n_here)
        if n_next:
            following = slice(packing.offsets[t + 1], packing.offsets[t + 1] + n_next)
            continuing = slice(here.start, here.start + n_next)
            message_unmastered = likelihood_unmastered[following] * beta_unmastered / evidence[following]
            message_mastered = likelihood_mastered[following] * beta_mastered / evidence[following]
            learn = responses.learn[continuing]
            forget = responses.forget[continuing]
            next_unmastered[:n_next] = (1 - learn) * message_unmastered + learn * message_mastered
            next_mastered[:n_next] = forget * message_unmastered + (1 - forget) * message_mastered
            learned[continuing] = (1 - after[continuing]) * learn * message_mastered
            forgot[continuing] = after[continuing] * forget * message_unmastered
        mastered[here] = after[here] * next_mastered
        beta_unmastered, beta_mastered = next_unmastered, next_mastered
    return _ExpectedCounts(
        mastered=mastered, learned=learned, forgot=forgot, log_likelihood=float(np.log(evidence).sum())
    )


def _m_step(name, hits, trials, skill_ids, ability_values, effect, n_skills, prior_strength):
    """One parameter's new per-skill values (and ability effect) from expected hits out of expected trials.

    Shrinkage: each skill gets `prior_strength` pseudo-trials at the framework average (all skills' hits over
    all skills' trials), so value = (hits + prior_strength * average) / (trials + prior_strength). Without
    abilities that is the exact M step. With them the per-response probability is
    sigmoid(logit(value) + effect * ability); starting from the closed form, one Newton step on the expected
    log-likelihood (pseudo-trials included, at ability 0) moves each skill's logit, and then one moves the
    shared effect. That improves the expected log-likelihood without maximising it (a generalized EM), which
    is all EM needs to climb, and is far cheaper than iterating the Newton steps to convergence.
    """
    skill_hits = np.bincount(skill_ids, weights=hits, minlength=n_skills)
    skill_trials = np.bincount(skill_ids, weights=trials, minlength=n_skills)
    total_trials = skill_trials.sum()
    average = skill_hits.sum() / total_trials if total_trials > 0 else getattr(BKTParams.defaults(1), name)[0]
    value = _constrain(name, (skill_hits + prior_strength * average) / (skill_trials + prior_strength))
    if ability_values is None:
        return value, effect

    base = _logit(value)
    p = _sigmoid(base[skill_ids] + effect * ability_values)
    gradient = np.bincount(skill_ids, weights=hits - trials * p, minlength=n_skills)
    gradient += prior_strength * (average - value)
    curvature = np.bincount(skill_ids, weights=trials * p * (1 - p), minlength=n_skills)
    curvature += prior_strength * value * (1 - value)
    step = np.clip(gradient / np.maximum(curvature, 1e-12), -_MAX_LOGIT_STEP, _MAX_LOGIT_STEP)
    value = _constrain(name, _sigmoid(base + step))

    # Elementwise products and sums rather than np.dot: a threaded BLAS call costs milliseconds on a busy machine.
    p = _sigmoid(_logit(value)[skill_ids] + effect * ability_values)
    gradient = np.sum((hits - trials * p) * ability_values)
    curvature = np.sum(trials * p * (1 - p) * ability_values**2)
    if curvature > 0:
        effect += float(np.clip(gradient / curvature, -_MAX_LOGIT_STEP, _MAX_LOGIT_STEP))
    return value, effect


@dataclass(frozen=True, eq=False)
class FitResult:
    """What `fit_em` found: the parameters, the log-likelihood they give the data, and the EM iterations run."""

    params: BKTParams
    log_likelihood: float
    iterations: int


def fit_em(
    skill_ids,
    correct,
    sequence_starts,
    n_skills: int,
    *,
    ability=None,
    mean_correct=None,
    iterations: int = 100,
    tol: float = 1e-5,
    prior_strength: float = 5.0,
    initial: BKTParams | None = None,
) -> FitResult:
    """Fit prior, learn, guess, slip and forget per skill (and the ability effect) by Baum-Welch EM.

    Responses are flat arrays; each sequence (one learner on one skill, in the order answered) is the
    contiguous run starting at each of `sequence_starts`. All sequences are processed together, one time
    step at a time. `ability` (per response, see `running_ability`) turns on the ability effect, whose M step
    is then a Newton step (generalized EM). Skills with little data are shrunk toward the across-skill
    average by `prior_strength` pseudo-counts (see `_m_step`): a skill with 3 responses gets about the
    average, one with 5,000 its own values. The fit starts from `initial` or the defaults (forget starting at
    INITIAL_FORGET), uses no randomness, and stops when the log-likelihood improves by less than `tol`
    relative to it. `mean_correct` defaults to `skill_mean_correct` of the data.
    """
    skill_ids = np.asarray(skill_ids, dtype=np.int64)
    correct = np.asarray(correct).astype(bool)
    packing = _pack(sequence_starts, len(skill_ids))
    skills = packing.pack(skill_ids)
    is_correct = packing.pack(correct)
    abilities = None if ability is None else packing.pack(np.asarray(ability, dtype=float))
    firsts = slice(0, packing.n_sequences)
    if mean_correct is None:
        mean_correct = skill_mean_correct(skill_ids, correct, n_skills, prior_strength=prior_strength)
    if initial is None:
        defaults = BKTParams.defaults(n_skills)
        initial = BKTParams(
            prior=defaults.prior,
            learn=defaults.learn,
            guess=defaults.guess,
            slip=defaults.slip,
            forget=np.full(n_skills, INITIAL_FORGET),
            mean_correct=defaults.mean_correct,
        )
    params = BKTParams(
        **{name: getattr(initial, name) for name in PARAMETER_NAMES},
        mean_correct=np.asarray(mean_correct, dtype=float),
        ability_effect=initial.ability_effect if abilities is not None else np.zeros(len(PARAMETER_NAMES)),
    ).constrained()

    previous_log_likelihood = -np.inf
    iterations_run = 0
    while iterations_run < iterations:
        iterations_run += 1
        responses = params.for_skills(skills, 0.0 if abilities is None else abilities)
        counts = _expected_counts(responses, is_correct, packing)
        unmastered = 1 - counts.mastered
        # (expected hits, expected trials, the responses they belong to) for each parameter
        statistics = {
            "prior": (counts.mastered[firsts], np.ones(packing.n_sequences), firsts),
            "learn": (counts.learned, unmastered * packing.has_next, slice(None)),
            "guess": (unmastered * is_correct, unmastered, slice(None)),
            "slip": (counts.mastered * ~is_correct, counts.mastered, slice(None)),
            "forget": (counts.forgot, counts.mastered * packing.has_next, slice(None)),
        }
        new_values = {}
        new_effect = params.ability_effect.copy()
        for index, name in enumerate(PARAMETER_NAMES):
            hits, trials, which = statistics[name]
            new_values[name], new_effect[index] = _m_step(
                name,
                hits,
                trials,
                skills[which],
                None if abilities is None else abilities[which],
                float(params.ability_effect[index]),
                n_skills,
                prior_strength,
            )
        params = BKTParams(**new_values, mean_correct=params.mean_correct, ability_effect=new_effect)
        converged = counts.log_likelihood - previous_log_likelihood < tol * abs(counts.log_likelihood)
        previous_log_likelihood = counts.log_likelihood
        if converged:
            break
    final = params.for_skills(skills, 0.0 if abilities is None else abilities)
    return FitResult(
        params=params, log_likelihood=_log_likelihood(final, is_correct, packing), iterations=iterations_run
    )


def predict_sequences(params: BKTParams, skill_ids, correct, sequence_starts, *, ability=None) -> np.ndarray:
    """P(correct) of each response from the mastery state just before it, replaying all sequences at once.

    The first response of a sequence is predicted from the prior; each later one from the state `update`
    leaves after the responses before it in the same sequence. `ability` is per response, as in `fit_em`.
    """
    skill_ids = np.asarray(skill_ids, dtype=np.int64)
    packing = _pack(sequence_starts, len(skill_ids))
    responses = params.for_skills(
        packing.pack(skill_ids), 0.0 if ability is None else packing.pack(np.asarray(ability, dtype=float))
    )
    before, _ = _forward(responses, packing.pack(np.asarray(correct).astype(bool)), packing)
    return packing.unpack(predict_correct(before, guess=responses.guess, slip=responses.slip))


def roc_auc(correct, predicted) -> float:
    """The area under the ROC curve: the chance a random correct response is scored above a random wrong one.

    Computed from ranks (Mann-Whitney U), tied scores sharing their average rank; nan without both classes.
    """
    correct = np.asarray(correct).astype(bool)
    predicted = np.asarray(predicted, dtype=float)
    n_correct = int(correct.sum())
    n_wrong = len(correct) - n_correct
    if n_correct == 0 or n_wrong == 0:
        return float("nan")
    _, tie_group, tie_counts = np.unique(predicted, return_inverse=True, return_counts=True)
    group_ends = np.cumsum(tie_counts)
    average_rank = group_ends - (tie_counts - 1) / 2  # ranks count from 1
    rank_sum = average_rank[tie_group][correct].sum()
    return float((rank_sum - n_correct * (n_correct + 1) / 2) / (n_correct * n_wrong))


def rmse(correct, predicted) -> float:
    """The root mean squared error of predicted probabilities against 0/1 outcomes."""
    return float(np.sqrt(np.mean((np.asarray(predicted, dtype=float) - np.asarray(correct, dtype=float)) ** 2)))


@dataclass(frozen=True, eq=False)
class Evaluation:
    """Next-response prediction on held-out learners, for the model and for the per-skill mean baseline."""

    fit: FitResult
    fit_seconds: float
    evaluated_responses: int
    auc: float
    rmse: float
    baseline_skill_mean_auc: float
    baseline_skill_mean_rmse: float
    update_microseconds_per_response: float


def evaluate_next_response(
    train_learners,
    train_skills,
    train_correct,
    test_learners,
    test_skills,
    test_correct,
    n_skills: int,
    *,
    iterations: int = 100,
    tol: float = 1e-5,
    prior_strength: float = 5.0,
    timed_updates: int = 20_000,
) -> Evaluation:
    """Fit on the training learners, then predict every test response from what came before it.

    Each learner's responses must be contiguous and in the order they happened. A test response is predicted
    from its (learner, skill) sequence's earlier responses and from the learner's ability (their earlier
    responses on any skill); the first response of a sequence from the prior. The scored responses are
    positions 2..N of each test learner (a learner's first response has nothing before it).
    `update_microseconds_per_response` replays up to `timed_updates` test responses one at a time through
    the live step (`for_skills` then `update`), as the platform does after each scored response.
    """
    started = time.perf_counter()
    mean_correct = skill_mean_correct(train_skills, train_correct, n_skills, prior_strength=prior_strength)
    train_ability = running_ability(train_learners, train_skills, train_correct, mean_correct)
    fit = fit_em(
        train_skills,
        train_correct,
        sequence_starts(train_learners, train_skills),
        n_skills,
        ability=train_ability,
        mean_correct=mean_correct,
        iterations=iterations,
        tol=tol,
        prior_strength=prior_strength,
    )
    fit_seconds = time.perf_counter() - started

    test_learners = np.asarray(test_learners)
    test_skills = np.asarray(test_skills)
    test_correct = np.asarray(test_correct)
    test_ability = running_ability(test_learners, test_skills, test_correct, mean_correct)
    test_starts = sequence_starts(test_learners, test_skills)
    predicted = predict_sequences(fit.params, test_skills, test_correct, test_starts, ability=test_ability)
    scored = np.zeros(len(test_learners), dtype=bool)
    scored[1:] = test_learners[1:] == test_learners[:-1]  # every response but each learner's first
    baseline = mean_correct[test_skills]
    return Evaluation(
        fit=fit,
        fit_seconds=fit_seconds,
        evaluated_responses=int(scored.sum()),
        auc=roc_auc(test_correct[scored], predicted[scored]),
        rmse=rmse(test_correct[scored], predicted[scored]),
        baseline_skill_mean_auc=roc_auc(test_correct[scored], baseline[scored]),
        baseline_skill_mean_rmse=rmse(test_correct[scored], baseline[scored]),
        update_microseconds_per_response=_time_updates(
            fit.params,
            test_skills[:timed_updates],
            test_correct[:timed_updates],
            test_ability[:timed_updates],
            test_starts[test_starts < timed_updates],
        ),
    )


def _time_updates(params: BKTParams, skill_ids, correct, abilities, starts) -> float:
    """Microseconds per response to replay responses one at a time through the live update step."""
    is_start = np.zeros(len(skill_ids), dtype=bool)
    is_start[starts] = True
    p_mastery = 0.0
    started = time.perf_counter()
    for skill_id, is_correct, learner_ability, starts_sequence in zip(
        skill_ids, correct, abilities, is_start, strict=True
    ):
        learner_params = params.for_skills(skill_id, learner_ability)
        if starts_sequence:
            p_mastery = learner_params.prior
        p_mastery = update(p_mastery, is_correct, learner_params)
    return (time.perf_counter() - started) / max(len(skill_ids), 1) * 1e6
