"""Statistics of one item from real answers: the share answered right, the most common wrong answers, and how
well it separates learners who do well on the rest of the assessment from those who do not. Pure Python.

The separation is the point-biserial correlation between answering this item right (0 or 1) and the learner's
share of points on the assessment's other items in the same attempt (the "rest score", so the item is not
correlated with itself). Classical test theory reads it as: 0.3 and above separates well, 0.2 to 0.3 fairly,
below 0.2 weakly, and below 0 the strong learners miss it more often than the weak ones, which usually means
a wrong key or a misleading question.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

# Below this many attempts with other items (and both right and wrong answers among them) the correlation says
# more about chance than about the item.
MIN_ANSWERS_FOR_SEPARATION = 5
COMMON_WRONG = 5


@dataclass(frozen=True)
class Separation:
    value: float | None
    answers: int
    verdict: str


@dataclass(frozen=True)
class ItemStatistics:
    answers: int
    right: int
    wrong_answers: list[tuple[str, int]]
    separation: Separation

    @property
    def share_right(self) -> float | None:
        return self.right / self.answers if self.answers else None


def separation(pairs: list[tuple[bool, float]]) -> Separation:
    """The point-biserial correlation of (answered right, rest score share) pairs, with a verdict in words."""
    count = len(pairs)
    right = [rest for correct, rest in pairs if correct]
    wrong = [rest for correct, rest in pairs if not correct]
    if count < MIN_ANSWERS_FOR_SEPARATION or not right or not wrong:
        return Separation(
            None,
            count,
            f"Needs at least {MIN_ANSWERS_FOR_SEPARATION} answers in assessments with "
            "other questions, some right and some wrong.",
        )
    mean = sum(rest for _, rest in pairs) / count
    spread = math.sqrt(sum((rest - mean) ** 2 for _, rest in pairs) / count)
    if spread == 0:
        return Separation(None, count, "Every learner scored the same on the other questions.")
    share = len(right) / count
    value = (sum(right) / len(right) - sum(wrong) / len(wrong)) / spread * math.sqrt(share * (1 - share))
    value = round(value, 2)
    if value >= 0.3:
        verdict = "Separates strong and weak learners well."
    elif value >= 0.2:
        verdict = "Separates strong and weak learners fairly."
    elif value >= 0:
        verdict = "Separates strong and weak learners weakly."
    else:
        verdict = "Strong learners miss it more often than weak ones: check the key and the wording."
    return Separation(value, count, verdict)


def item_statistics(answers: list[tuple[bool, str]], pairs: list[tuple[bool, float]]) -> ItemStatistics:
    """Statistics from scored answers, each (right, the answer as a person reads it), and from the
    (right, rest score share) pairs of the attempts that held other auto-scored questions."""
    wrong = Counter(text or "(no answer)" for correct, text in answers if not correct)
    return ItemStatistics(
        answers=len(answers),
        right=sum(1 for correct, _ in answers if correct),
        wrong_answers=sorted(wrong.items(), key=lambda pair: (-pair[1], pair[0]))[:COMMON_WRONG],
        separation=separation(pairs),
    )
