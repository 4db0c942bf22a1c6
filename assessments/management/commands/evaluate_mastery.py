"""`manage.py evaluate_mastery --train PATH [--test PATH]`: fit the mastery model and score it on held-out learners."""

from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand, CommandError

from assessments import bkt
from assessments.response_logs import ResponseLogError, read_response_log

TEST_SHARE = 0.2


class Command(BaseCommand):
    help = (
        "Fit the mastery model (BKT with forgetting and learner ability, by EM) on response logs in the "
        "ASSISTments DKT format and print next-response metrics on held-out students, one name=value a line. "
        "Without --test, a seeded 80/20 split of the training students. Each test student's responses 2..N (in "
        "file order) are predicted from the student's earlier responses only: the same skill's earlier "
        "responses through BKT, all earlier responses through the ability; a skill's first response from the "
        "prior. update_microseconds_per_response times the live step (for_skills then update) one response "
        "at a time, replaying up to 20,000 test responses."
    )

    def add_arguments(self, parser):
        parser.add_argument("--train", type=Path, required=True, help="The response log to fit on.")
        parser.add_argument("--test", type=Path, help="A response log of other students to evaluate on.")
        parser.add_argument("--seed", type=int, default=7, help="Seed of the 80/20 student split (default 7).")
        parser.add_argument(
            "--iterations", type=int, default=100, help="At most this many EM iterations (default 100)."
        )

    def handle(self, *args, train: Path, test: Path | None, seed: int, iterations: int, **options):
        if iterations < 1:
            raise CommandError("--iterations must be at least 1")
        try:
            train_log = read_response_log(train)
            test_log = read_response_log(test) if test else None
        except ResponseLogError as error:
            raise CommandError(str(error)) from error
        if test_log is None:
            in_test = np.zeros(train_log.n_students, dtype=bool)
            shuffled = np.random.default_rng(seed).permutation(train_log.n_students)
            in_test[shuffled[: round(TEST_SHARE * train_log.n_students)]] = True
            train_log, test_log = train_log.of_students(~in_test), train_log.of_students(in_test)
        if train_log.n_students == 0 or test_log.n_students == 0:
            raise CommandError("need at least one training and one test student")
        n_skills = int(max(train_log.skill.max(), test_log.skill.max())) + 1

        result = bkt.evaluate_next_response(
            train_log.student,
            train_log.skill,
            train_log.correct,
            test_log.student,
            test_log.skill,
            test_log.correct,
            n_skills,
            iterations=iterations,
        )
        lines = {
            "train_students": train_log.n_students,
            "train_responses": train_log.n_responses,
            "test_students": test_log.n_students,
            "test_responses": test_log.n_responses,
            "evaluated_responses": result.evaluated_responses,
            "skills": len(np.unique(train_log.skill)),
            "em_iterations": result.fit.iterations,
            "train_log_likelihood": f"{result.fit.log_likelihood:.2f}",
            "auc": f"{result.auc:.4f}",
            "rmse": f"{result.rmse:.4f}",
            "baseline_skill_mean_auc": f"{result.baseline_skill_mean_auc:.4f}",
            "baseline_skill_mean_rmse": f"{result.baseline_skill_mean_rmse:.4f}",
            "fit_seconds": f"{result.fit_seconds:.2f}",
            "update_microseconds_per_response": f"{result.update_microseconds_per_response:.1f}",
        }
        for name, value in lines.items():
            self.stdout.write(f"{name}={value}")
