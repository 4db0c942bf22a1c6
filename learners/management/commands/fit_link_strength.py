"""`manage.py fit_link_strength PATH`: how much of one skill's evidence carries to a closely linked skill."""

import math
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand, CommandError

from assessments import bkt
from assessments.response_logs import ResponseLogError, read_response_log
from learners.knowledge import fit_link_strength

# Skill pairs answered by fewer students than this say too little about each other.
MIN_SHARED_STUDENTS = 150
# The most associated share of the pairs stands in for the pairs a prerequisite links (the data names no graph).
LINKED_SHARE = 0.25


class Command(BaseCommand):
    help = (
        "Fit per-skill BKT on a response log in the ASSISTments DKT format, then the link strength of "
        "learners.knowledge: the share of the evidence of a student's first answer on one skill (in log-odds) that "
        "best predicts their first answer on another, over the quarter of skill pairs (answered by at least "
        f"{MIN_SHARED_STUDENTS} students) whose first answers are most associated, and over all of them. Prints "
        "name=value lines."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="e.g. ../shared/data/assistments-2009/builder_train.csv")
        parser.add_argument("--iterations", type=int, default=30, help="EM iterations of the BKT fit (default 30).")

    def handle(self, *args, file: Path, iterations: int, **options):
        if iterations < 1:
            raise CommandError("--iterations must be at least 1")
        try:
            log = read_response_log(file)
        except ResponseLogError as error:
            raise CommandError(str(error)) from error
        students, skills, correct = log.student, log.skill, log.correct.astype(bool)
        n_skills = int(skills.max()) + 1
        starts = bkt.sequence_starts(students, skills)
        params = bkt.fit_em(skills, correct, starts, n_skills, iterations=iterations).params
        first_p = bkt.predict_correct(params.prior, guess=params.guess, slip=params.slip)
        first_answers, weights = _per_student_skill(students, skills, correct, params)
        pairs = _associated_pairs(first_answers)
        linked = [pair for _, pair in pairs[: max(1, round(LINKED_SHARE * len(pairs)))]]
        prior = {skill: float(first_p[skill]) for skill in range(n_skills)}
        fit_linked = fit_link_strength(first_answers, weights, prior, pairs=linked)
        fit_all = fit_link_strength(first_answers, weights, prior, pairs=[pair for _, pair in pairs])
        self.stdout.write(f"responses={log.n_responses}")
        self.stdout.write(f"skill_pairs={len(pairs)}")
        self.stdout.write(f"link_linked_pairs={fit_linked.link}")
        self.stdout.write(f"link_linked_observations={fit_linked.observations}")
        self.stdout.write(f"link_linked_log_likelihood_gain={fit_linked.log_likelihood_gain:.1f}")
        self.stdout.write(f"link_all_pairs={fit_all.link}")
        self.stdout.write(f"link_all_observations={fit_all.observations}")


def _per_student_skill(students, skills, correct, params):
    """Each (student, skill)'s first answer, and the evidence that answer is about the student's knowing the skill
    before practising it: its log-likelihood ratio under the skill's guess and slip (right: log((1 - slip) /
    guess); wrong: log(slip / (1 - guess))). Later answers in a skill builder come after hints and feedback, so
    they measure learning more than what the student came in with."""
    first: dict[tuple[int, int], int] = {}
    weights: dict[tuple[int, int], float] = {}
    for student, skill, right in zip(students.tolist(), skills.tolist(), correct.tolist()):
        key = (student, skill)
        if key in first:
            continue
        guess, slip = float(params.guess[skill]), float(params.slip[skill])
        first[key] = int(right)
        weights[key] = math.log((1 - slip) / guess) if right else math.log(slip / (1 - guess))
    return first, weights


def _associated_pairs(first_answers) -> list[tuple[float, tuple[int, int]]]:
    """The skill pairs answered by enough students, most associated first (log odds ratio of first answers)."""
    by_student = defaultdict(dict)
    for (student, skill), answer in first_answers.items():
        by_student[student][skill] = answer
    tables = defaultdict(lambda: np.full((2, 2), 0.5))
    for answers in by_student.values():
        for a, b in combinations(sorted(answers), 2):
            tables[(a, b)][answers[a], answers[b]] += 1
    scored = [
        (float(np.log(t[1, 1] * t[0, 0] / (t[1, 0] * t[0, 1]))), pair)
        for pair, t in tables.items()
        if t.sum() - 2 >= MIN_SHARED_STUDENTS
    ]
    return sorted(scored, reverse=True)
