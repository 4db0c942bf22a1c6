"""The mastery estimator (BKT with forgetting and learner ability): pure numpy, no database."""

from __future__ import annotations

import numpy as np
import pytest

from assessments import bkt


def params(*, prior=0.3, learn=0.15, guess=0.2, slip=0.1, forget=0.0, ability_effect=(0, 0, 0, 0, 0)) -> bkt.BKTParams:
    """One skill's parameters, the defaults unless given."""
    return bkt.BKTParams(
        prior=np.array([prior]),
        learn=np.array([learn]),
        guess=np.array([guess]),
        slip=np.array([slip]),
        forget=np.array([forget]),
        mean_correct=np.array([0.41]),
        ability_effect=np.array(ability_effect, dtype=float),
    )


def simulate(seed, n_sequences, *, prior, learn, guess, slip, forget, abilities=None, prior_effect=0.0):
    """Responses of one skill drawn from the BKT model itself: (skill ids, correct, sequence starts, ability)."""
    rng = np.random.default_rng(seed)
    skills, correct, starts, ability = [], [], [], []
    for sequence in range(n_sequences):
        starts.append(len(correct))
        learner_ability = 0.0 if abilities is None else abilities[sequence]
        mastered = rng.random() < 1 / (1 + np.exp(-(np.log(prior / (1 - prior)) + prior_effect * learner_ability)))
        for _ in range(rng.integers(2, 16)):
            correct.append(int(rng.random() < (1 - slip if mastered else guess)))
            skills.append(0)
            ability.append(learner_ability)
            mastered = rng.random() >= forget if mastered else rng.random() < learn
    return np.array(skills), np.array(correct), np.array(starts), np.array(ability)


def test_the_defaults_are_the_documented_values():
    # given / when the defaults for three skills
    defaults = bkt.BKTParams.defaults(3)

    # then every skill has prior 0.3, learn 0.15, guess 0.2, slip 0.1, forget 0 (kept at the epsilon), and the
    # mean correctness they imply, 0.3 * 0.9 + 0.7 * 0.2 = 0.41
    assert defaults.n_skills == 3
    assert defaults.prior.tolist() == [0.3] * 3
    assert defaults.learn.tolist() == [0.15] * 3
    assert defaults.guess.tolist() == [0.2] * 3
    assert defaults.slip.tolist() == [0.1] * 3
    assert defaults.forget.tolist() == [bkt.PROBABILITY_EPSILON] * 3
    assert defaults.mean_correct == pytest.approx([0.41] * 3)


def test_guess_and_slip_are_kept_below_one_half_and_all_inside_zero_one():
    # given parameters set by hand outside their bounds
    wild = params(prior=1.0, learn=0.0, guess=0.7, slip=0.5, forget=-0.1)

    # when they are constrained
    constrained = wild.constrained()

    # then guess and slip sit just under 0.5 and the others just inside (0, 1)
    assert constrained.guess[0] == pytest.approx(0.5 - 1e-4)
    assert constrained.slip[0] == pytest.approx(0.5 - 1e-4)
    assert constrained.prior[0] == pytest.approx(1 - 1e-4)
    assert constrained.learn[0] == pytest.approx(1e-4)
    assert constrained.forget[0] == pytest.approx(1e-4)


def test_predict_correct():
    # given P(mastered) 0.3, guess 0.2, slip 0.1
    # when P(correct) is predicted
    p_correct = bkt.predict_correct(0.3, guess=0.2, slip=0.1)

    # then it is 0.3 * 0.9 + 0.7 * 0.2 = 0.27 + 0.14 = 0.41
    assert p_correct == pytest.approx(0.41)


def test_update_after_a_correct_response():
    # given prior 0.3, guess 0.2, slip 0.1, learn 0.15, no forgetting
    # when the learner answers correctly
    p_next = bkt.update(0.3, True, params().for_skills(0))

    # then posterior = 0.3 * 0.9 / (0.3 * 0.9 + 0.7 * 0.2) = 0.27 / 0.41 = 0.658536...,
    # and after the transition p' = 0.658536 + 0.341463 * 0.15 = (27 + 14 * 0.15) / 41 = 29.1 / 41 = 0.709756...
    assert bkt.posterior(0.3, True, guess=0.2, slip=0.1) == pytest.approx(0.27 / 0.41)
    assert p_next == pytest.approx(29.1 / 41)
    assert p_next == pytest.approx(0.7097561, abs=1e-7)


def test_update_after_an_incorrect_response():
    # given the same parameters
    # when the learner answers incorrectly
    p_next = bkt.update(0.3, False, params().for_skills(0))

    # then posterior = 0.3 * 0.1 / (0.3 * 0.1 + 0.7 * 0.8) = 0.03 / 0.59 = 0.050847...,
    # and p' = (0.03 + 0.56 * 0.15) / 0.59 = 0.114 / 0.59 = 0.193220...
    assert bkt.posterior(0.3, False, guess=0.2, slip=0.1) == pytest.approx(0.03 / 0.59)
    assert p_next == pytest.approx(0.114 / 0.59)
    assert p_next == pytest.approx(0.1932203, abs=1e-7)


def test_forget_moves_mastery_back_after_each_response():
    # given forget 0.2
    # when the learner answers correctly
    p_next = bkt.update(0.3, True, params(forget=0.2).for_skills(0))

    # then p' = 27/41 * 0.8 + 14/41 * 0.15 = (21.6 + 2.1) / 41 = 23.7 / 41 = 0.578048...
    assert p_next == pytest.approx(23.7 / 41)


def test_the_vectorized_update_equals_the_scalar_one():
    # given many (learner, skill) pairs on three skills with different parameters and abilities
    rng = np.random.default_rng(3)
    model = bkt.BKTParams(
        prior=np.array([0.2, 0.5, 0.7]),
        learn=np.array([0.1, 0.3, 0.05]),
        guess=np.array([0.15, 0.3, 0.25]),
        slip=np.array([0.05, 0.2, 0.1]),
        forget=np.array([0.0001, 0.1, 0.05]),
        mean_correct=np.array([0.5, 0.6, 0.7]),
        ability_effect=np.array([2.0, 1.0, 1.5, -1.0, -0.5]),
    )
    p_mastery = rng.random(50)
    correct = rng.random(50) < 0.6
    skills = rng.integers(0, 3, 50)
    abilities = rng.uniform(-0.3, 0.3, 50)

    # when they are updated at once and one at a time
    together = bkt.update(p_mastery, correct, model.for_skills(skills, abilities))
    one_by_one = [
        bkt.update(p, c, model.for_skills(s, a))
        for p, c, s, a in zip(p_mastery, correct, skills, abilities, strict=True)
    ]

    # then the results agree
    assert together == pytest.approx(np.array(one_by_one), abs=1e-15)


def test_for_skills_takes_one_skills_values_and_applies_the_ability_on_the_logit_scale():
    # given a prior ability effect of 1.0 per unit of ability
    model = params(ability_effect=(1.0, 0, 0, 0, 0))

    # when a learner of ability 0.5 meets the skill
    learner = model.for_skills(0, 0.5)

    # then prior = sigmoid(logit(0.3) + 0.5) = 1 / (1 + exp(0.847298 - 0.5)) = 1 / (1 + 1.415238) = 0.414038,
    # the others are the skill's own values, and the result carries no further effect
    assert learner.prior == pytest.approx(0.4140378, abs=1e-7)
    assert (learner.learn, learner.guess, learner.slip) == pytest.approx((0.15, 0.2, 0.1))
    assert learner.ability_effect.tolist() == [0.0] * 5
    assert model.for_skills(0).prior == pytest.approx(0.3)


def test_decay_halves_the_distance_to_the_floor_every_half_life():
    # given P(mastered) 0.9, floor 0.3, half-life 10 days
    # when 0, 5 and 20 days pass without evidence
    decayed = bkt.decay(0.9, np.array([0, 5, 20]), half_life_days=10, floor=0.3)

    # then 0.9; 0.3 + 0.6 * 0.5 ** 0.5 = 0.3 + 0.424264 = 0.724264; 0.3 + 0.6 * 0.25 = 0.45
    assert decayed == pytest.approx([0.9, 0.7242641, 0.45], abs=1e-7)


def test_running_ability_uses_only_the_learners_earlier_responses():
    # given learner 0 answering skills 0, 0, 1 as right, wrong, right, and learner 1 answering once;
    # skill 0 has mean correctness 0.5, skill 1 has 0.75
    learners = np.array([0, 0, 0, 1])
    skills = np.array([0, 0, 1, 0])
    correct = np.array([1, 0, 1, 1])

    # when the ability before each response is computed with 10 pseudo-responses
    abilities = bkt.running_ability(learners, skills, correct, np.array([0.5, 0.75]), pseudo_count=10)

    # then residuals are +0.5, -0.5, +0.25: abilities 0 / 10 = 0, 0.5 / 11 = 0.0454545, (0.5 - 0.5) / 12 = 0,
    # and learner 1 starts again at 0
    assert abilities == pytest.approx([0.0, 0.5 / 11, 0.0, 0.0])


def test_predict_sequences_predicts_each_response_from_the_state_before_it():
    # given two sequences on one skill with the default parameters: right then wrong, and wrong alone
    skills = np.array([0, 0, 0])
    correct = np.array([1, 0, 0])
    starts = np.array([0, 2])

    # when they are replayed
    predicted = bkt.predict_sequences(params(), skills, correct, starts)

    # then the first responses come from the prior: 0.41; the second of the first sequence from p = 29.1 / 41
    # (see the update test): 29.1/41 * 0.9 + 11.9/41 * 0.2 = (26.19 + 2.38) / 41 = 28.57 / 41 = 0.696829
    assert predicted == pytest.approx([0.41, 28.57 / 41, 0.41])


def test_the_vectorized_replay_equals_updating_one_response_at_a_time():
    # given sequences of many lengths on three skills, with abilities
    rng = np.random.default_rng(5)
    model = bkt.BKTParams(
        prior=np.array([0.2, 0.5, 0.7]),
        learn=np.array([0.1, 0.3, 0.05]),
        guess=np.array([0.15, 0.3, 0.25]),
        slip=np.array([0.05, 0.2, 0.1]),
        forget=np.array([0.0001, 0.1, 0.05]),
        mean_correct=np.array([0.5, 0.6, 0.7]),
        ability_effect=np.array([2.0, 1.0, 1.5, -1.0, -0.5]),
    )
    lengths = rng.integers(1, 12, 40)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    skills = np.repeat(rng.integers(0, 3, 40), lengths)
    correct = rng.random(lengths.sum()) < 0.6
    abilities = rng.uniform(-0.3, 0.3, lengths.sum())

    # when they are replayed at once and through the live update one response at a time
    predicted = bkt.predict_sequences(model, skills, correct, starts, ability=abilities)
    expected = []
    for index, (skill, is_correct, ability) in enumerate(zip(skills, correct, abilities, strict=True)):
        learner = model.for_skills(skill, ability)
        if index in starts:
            p_mastery = learner.prior
        expected.append(bkt.predict_correct(p_mastery, guess=learner.guess, slip=learner.slip))
        p_mastery = bkt.update(p_mastery, is_correct, learner)

    # then the predictions agree
    assert predicted == pytest.approx(np.array(expected), abs=1e-12)


def test_one_em_iteration_on_a_hand_worked_example():
    # given one learner answering one skill right then wrong, starting from prior 0.3, learn 0.15,
    # guess 0.2, slip 0.1, forget 0.1
    initial = params(forget=0.1)

    # when one EM iteration runs
    fit = bkt.fit_em(np.array([0, 0]), np.array([1, 0]), np.array([0]), 1, iterations=1, initial=initial)

    # then, with joint probabilities of the paths (U = not mastered, L = mastered):
    #   P(L1, right) = 0.3 * 0.9 = 0.27          P(U1, right) = 0.7 * 0.2 = 0.14
    #   P(L1, L2, right, wrong) = 0.27 * 0.9 * 0.1 = 0.0243    P(L1, U2, ...) = 0.27 * 0.1 * 0.8 = 0.0216
    #   P(U1, L2, right, wrong) = 0.14 * 0.15 * 0.1 = 0.0021   P(U1, U2, ...) = 0.14 * 0.85 * 0.8 = 0.0952
    #   P(right, wrong) = 0.0243 + 0.0216 + 0.0021 + 0.0952 = 0.1432
    # expected counts (unnormalized by 0.1432, which cancels in every ratio):
    #   L1 = 0.0459, U1 = 0.0973, L2 = 0.0264, U2 = 0.1168, U1->L2 = 0.0021, L1->U2 = 0.0216
    # and the M step (one skill, so shrinkage toward the average changes nothing):
    #   prior = 0.0459 / 0.1432 = 0.320531       learn = 0.0021 / 0.0973 = 0.021583
    #   forget = 0.0216 / 0.0459 = 0.470588      guess = U1 / (U1 + U2) = 0.0973 / 0.2141 = 0.454460
    #   slip = L2 / (L1 + L2) = 0.0264 / 0.0723 = 0.365145
    assert fit.iterations == 1
    assert fit.params.prior[0] == pytest.approx(0.0459 / 0.1432)
    assert fit.params.learn[0] == pytest.approx(0.0021 / 0.0973)
    assert fit.params.forget[0] == pytest.approx(0.0216 / 0.0459)
    assert fit.params.guess[0] == pytest.approx(0.0973 / 0.2141)
    assert fit.params.slip[0] == pytest.approx(0.0264 / 0.0723)


def test_em_recovers_the_parameters_data_was_simulated_from():
    # given 3,000 sequences of 2 to 15 responses (about 26,000) simulated with seed 3 from
    # prior 0.4, learn 0.2, guess 0.25, slip 0.1, forget 0.05
    skills, correct, starts, _ = simulate(3, 3000, prior=0.4, learn=0.2, guess=0.25, slip=0.1, forget=0.05)

    # when EM fits them
    fit = bkt.fit_em(skills, correct, starts, 1, iterations=300, tol=1e-9)

    # then every parameter is within 0.04 of the truth
    recovered = [getattr(fit.params, name)[0] for name in bkt.PARAMETER_NAMES]
    assert recovered == pytest.approx([0.4, 0.2, 0.25, 0.1, 0.05], abs=0.04)


def test_em_recovers_an_ability_effect_on_the_prior():
    # given the same model where a learner of ability a starts with prior sigmoid(logit(0.4) + 4 a),
    # abilities uniform in [-0.4, 0.4]
    abilities = np.random.default_rng(30).uniform(-0.4, 0.4, 3000)
    skills, correct, starts, ability = simulate(
        3, 3000, prior=0.4, learn=0.2, guess=0.25, slip=0.1, forget=0.05, abilities=abilities, prior_effect=4.0
    )

    # when EM fits them with the abilities
    fit = bkt.fit_em(skills, correct, starts, 1, ability=ability, iterations=300, tol=1e-7)

    # then the prior's effect is found near 4, the other effects near 0, and the base values near the truth
    assert fit.params.ability_effect[0] == pytest.approx(4.0, abs=1.0)
    assert fit.params.ability_effect[1:] == pytest.approx([0, 0, 0, 0], abs=1.0)
    recovered = [getattr(fit.params, name)[0] for name in bkt.PARAMETER_NAMES]
    assert recovered == pytest.approx([0.4, 0.2, 0.25, 0.1, 0.05], abs=0.04)


def test_shrinkage_pulls_a_tiny_skill_to_the_average():
    # given skill 0 with about 17,000 simulated responses and skill 1 with one sequence of three right answers
    skills, correct, starts, _ = simulate(3, 2000, prior=0.4, learn=0.2, guess=0.25, slip=0.1, forget=0.05)
    skills = np.concatenate([skills, [1, 1, 1]])
    correct = np.concatenate([correct, [1, 1, 1]])
    starts = np.concatenate([starts, [len(skills) - 3]])

    # when EM fits them without shrinkage and with 20 pseudo-counts
    alone = bkt.fit_em(skills, correct, starts, 2, iterations=300, tol=1e-9, prior_strength=0)
    shrunk = bkt.fit_em(skills, correct, starts, 2, iterations=300, tol=1e-9, prior_strength=20)

    # then alone, the tiny skill's prior runs to 1; shrunk, every parameter of it is within 0.03 of the big
    # skill's, which keeps its own values (within 0.04 of the truth)
    assert alone.params.prior[1] > 0.99
    for name, truth in zip(bkt.PARAMETER_NAMES, (0.4, 0.2, 0.25, 0.1, 0.05), strict=True):
        tiny, big = getattr(shrunk.params, name)
        assert tiny == pytest.approx(big, abs=0.03), name
        assert big == pytest.approx(truth, abs=0.04), name


def test_the_fit_is_deterministic():
    # given simulated data with abilities
    skills, correct, starts, ability = simulate(
        4, 300, prior=0.4, learn=0.2, guess=0.25, slip=0.1, forget=0.05, abilities=np.linspace(-0.3, 0.3, 300)
    )

    # when it is fitted twice
    first = bkt.fit_em(skills, correct, starts, 1, ability=ability, iterations=20)
    second = bkt.fit_em(skills, correct, starts, 1, ability=ability, iterations=20)

    # then the results are identical to the bit
    for name in (*bkt.PARAMETER_NAMES, "ability_effect"):
        assert np.array_equal(getattr(first.params, name), getattr(second.params, name)), name
    assert first.log_likelihood == second.log_likelihood


def test_sequence_starts_are_where_the_learner_or_skill_changes():
    # given learner 0 on skills 2, 2, 5 and learner 1 on skill 5
    # when the sequences are found
    starts = bkt.sequence_starts(np.array([0, 0, 0, 1]), np.array([2, 2, 5, 5]))

    # then they begin at responses 0, 2 and 3
    assert starts.tolist() == [0, 2, 3]


def test_roc_auc_gives_ties_half_credit():
    # given right, wrong, right, wrong scored 0.9, 0.9, 0.5, 0.1
    # when the AUC is computed
    auc = bkt.roc_auc(np.array([1, 0, 1, 0]), np.array([0.9, 0.9, 0.5, 0.1]))

    # then of the four (right, wrong) pairs, (0.9, 0.9) ties (0.5), (0.9, 0.1) and (0.5, 0.1) are ordered (1 each)
    # and (0.5, 0.9) is not (0): (0.5 + 1 + 1 + 0) / 4 = 0.625
    assert auc == pytest.approx(0.625)
    assert np.isnan(bkt.roc_auc(np.array([1, 1]), np.array([0.2, 0.3])))


def test_rmse():
    # given outcomes 1, 0 predicted as 0.8, 0.4
    # when the RMSE is computed
    # then it is sqrt((0.04 + 0.16) / 2) = sqrt(0.1) = 0.316228
    assert bkt.rmse(np.array([1, 0]), np.array([0.8, 0.4])) == pytest.approx(0.1**0.5)
