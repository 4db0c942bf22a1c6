"""`manage.py evaluate_mastery`: runs on small generated logs and needs no database."""

from __future__ import annotations

from io import StringIO

import numpy as np
import pytest
from django.core.management import CommandError, call_command

NAMES = [
    "train_students",
    "train_responses",
    "test_students",
    "test_responses",
    "evaluated_responses",
    "skills",
    "em_iterations",
    "train_log_likelihood",
    "auc",
    "rmse",
    "baseline_skill_mean_auc",
    "baseline_skill_mean_rmse",
    "fit_seconds",
    "update_microseconds_per_response",
]


def write_log(path, n_students, seed):
    """A DKT-format log of students learning three skills, drawn from a BKT model with a fixed seed."""
    rng = np.random.default_rng(seed)
    lines = []
    for _ in range(n_students):
        skills, correct = [], []
        for skill in range(3):
            mastered = rng.random() < 0.3
            for _ in range(rng.integers(3, 10)):
                skills.append(skill)
                correct.append(int(rng.random() < (0.9 if mastered else 0.2)))
                mastered = mastered or rng.random() < 0.2
        lines += [str(len(skills)), "".join(f"{s}," for s in skills), "".join(f"{c}," for c in correct)]
    path.write_text("\n".join(lines) + "\n")
    return path


def run(**options) -> dict[str, str]:
    out = StringIO()
    call_command("evaluate_mastery", stdout=out, **options)
    return dict(line.split("=", 1) for line in out.getvalue().splitlines())


def test_it_prints_every_metric_for_a_seeded_split(tmp_path):
    # given a log of 40 students
    path = write_log(tmp_path / "train.csv", 40, seed=1)

    # when the model is evaluated on a seeded 80/20 split of them
    printed = run(train=str(path), seed=7, iterations=20)

    # then every name=value line is printed, 32 students train and 8 are tested, and the AUC is a probability
    assert list(printed) == NAMES
    assert (printed["train_students"], printed["test_students"], printed["skills"]) == ("32", "8", "3")
    assert 0 <= float(printed["auc"]) <= 1
    assert 0 <= float(printed["baseline_skill_mean_auc"]) <= 1


def test_it_evaluates_on_a_separate_test_file(tmp_path):
    # given a training log and a test log of other students
    train = write_log(tmp_path / "train.csv", 30, seed=2)
    test = write_log(tmp_path / "test.csv", 10, seed=3)

    # when the model is evaluated on the test file
    printed = run(train=str(train), test=str(test), iterations=20)

    # then all training students train and all test students are tested
    assert list(printed) == NAMES
    assert (printed["train_students"], printed["test_students"]) == ("30", "10")
    assert 0 <= float(printed["auc"]) <= 1


def test_a_malformed_file_is_a_command_error_naming_the_file_and_line(tmp_path):
    # given a student whose correctness line is one value short
    path = tmp_path / "builder_train.csv"
    path.write_text("7\n1,1,1,1,1,1,1,\n1,0,1,0,1,0,\n")

    # when the command runs
    # then it stops with the file and line
    with pytest.raises(CommandError, match="builder_train.csv line 3: expected 7 correctness values, found 6"):
        run(train=str(path))


def test_a_missing_file_is_a_command_error(tmp_path):
    # given / when / then: no such file stops the command with its name
    with pytest.raises(CommandError, match="absent.csv: cannot read the file"):
        run(train=str(tmp_path / "absent.csv"))
