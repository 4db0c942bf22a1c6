"""Read response logs in the ASSISTments DKT format (see data/README.md). Pure Python and numpy, no Django.

Three lines per student, no header: the number of responses N; N comma-separated skill ids; N
comma-separated correctness values, 0 or 1. The two lists may end in a trailing comma; blank lines at the end
of the file are ignored. Within one student the rows are grouped by skill id, so the order is chronological
only within a skill. `read_response_log` raises ResponseLogError naming the file and line of the first
problem it meets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np


class ResponseLogError(ValueError):
    """A response log that cannot be read; the message names the file and line."""


@dataclass(frozen=True, eq=False)
class ResponseLog:
    """All responses of a file, in file order: one entry per response in each array."""

    student: np.ndarray  # the student's index, 0 for the file's first student, in file order
    skill: np.ndarray
    correct: np.ndarray  # 1 or 0

    @property
    def n_students(self) -> int:
        return int(self.student[-1]) + 1 if len(self.student) else 0

    @property
    def n_responses(self) -> int:
        return len(self.student)

    def of_students(self, keep) -> ResponseLog:
        """The responses of the students where `keep` (one bool per student) is true, renumbered from 0."""
        keep = np.asarray(keep, dtype=bool)
        rows = keep[self.student]
        new_index = np.cumsum(keep) - 1
        return ResponseLog(student=new_index[self.student[rows]], skill=self.skill[rows], correct=self.correct[rows])


def _whole_number(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _values(path: Path, line_number: int, text: str, what: str, expected: int) -> np.ndarray:
    fields = text.strip().split(",")
    if fields and fields[-1] == "":
        fields.pop()
    if len(fields) != expected:
        raise ResponseLogError(f"{path.name} line {line_number}: expected {expected} {what}, found {len(fields)}")
    values = [_whole_number(field) for field in fields]
    if None in values:
        bad = fields[values.index(None)]
        raise ResponseLogError(f"{path.name} line {line_number}: {what} must be whole numbers, found {bad!r}")
    return np.array(values, dtype=np.int64)


def read_response_log(path) -> ResponseLog:
    """Read one response file; raise ResponseLogError for a missing file or the first malformed line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ResponseLogError(f"{path}: cannot read the file ({error})") from error
    while lines and not lines[-1].strip():
        lines.pop()
    students, skills, corrects = [], [], []
    for first in range(0, len(lines), 3):
        count = _whole_number(lines[first].strip().rstrip(","))
        if count is None or count <= 0:
            raise ResponseLogError(
                f"{path.name} line {first + 1}: expected a positive number of responses, found {lines[first]!r}"
            )
        if first + 2 >= len(lines):
            raise ResponseLogError(
                f"{path.name} line {len(lines)}: the file ends in the middle of a student's three lines"
            )
        skill = _values(path, first + 2, lines[first + 1], "skill ids", count)
        if skill.min() < 0:
            raise ResponseLogError(f"{path.name} line {first + 2}: skill ids must not be negative")
        correct = _values(path, first + 3, lines[first + 2], "correctness values", count)
        if not np.isin(correct, (0, 1)).all():
            raise ResponseLogError(f"{path.name} line {first + 3}: correctness values must be 0 or 1")
        students.append(np.full(count, len(students), dtype=np.int64))
        skills.append(skill)
        corrects.append(correct)
    if not students:
        raise ResponseLogError(f"{path.name}: the file holds no responses")
    return ResponseLog(student=np.concatenate(students), skill=np.concatenate(skills), correct=np.concatenate(corrects))
