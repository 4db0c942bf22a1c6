"""The engine's candidates for a day, best first within each step: re-teach, learning (next and support) and
review, and the targets failed lately or resting.
"""

from __future__ import annotations

from collections.abc import Iterator

from learners import knowledge as beliefs
from learners.knowledge import KNOWN_AT
from playlists.engine.inputs import MAX_RETEACH, REST_DAYS, SMALL_GROUP_AFTER_FAILURES, review_interval_days
from playlists.engine.shared import _Candidate


class _Candidates:
    """The engine's candidates, best first within each step.

    Mixed into `_Planner` (playlists.engine.planner), whose `__init__` sets the lookups these methods read.
    """

    def reteach_candidates(self) -> Iterator[_Candidate]:
        """The first-ranked target answered wrong lately, still not likely known, ready, and not resting
        (`MAX_RETEACH` a day: one struggle at a time, beside new work). Failed twice or more, the engine looks
        under it first: what it builds on that is not likely known is taught before it is (`support`)."""
        for code in [code for code in self.failed_targets() if not self.resting(code)][:MAX_RETEACH]:
            if self.mastery(code).recent_failures >= 2:
                under = self.support_below(code, below=KNOWN_AT, met_too=True)
                if under:
                    yield from (_Candidate("support", prerequisite, blocked=code) for prerequisite in under)
                    continue
            if self.knowledge.ready(code):
                yield _Candidate("reteach", code)

    def resting(self, code: str) -> bool:
        """Was the target failed SMALL_GROUP_AFTER_FAILURES times in a row, lately (less than REST_DAYS ago)?"""
        mastery = self.mastery(code)
        return (
            mastery.recent_failures >= SMALL_GROUP_AFTER_FAILURES
            and mastery.last_practised is not None
            and (self.today - mastery.last_practised).days < REST_DAYS
        )

    def learning_candidates(self) -> Iterator[_Candidate]:
        """The anchors (the learner's grade, the teacher's focus, the learner's goals, the current unit) not likely
        known, best first: a ready one is `next`; a blocked one brings in the below-grade targets it needs that
        are likely missing (`support`), the ready ones among them."""
        chosen = {*self.focus, *self.goals, *self.unit}
        # A grade-level target that no evidence reaches, nor any of its prerequisites, and that nobody chose, ranks
        # and reads as the outlook of the learner's grade has it: only the others are worked out for this learner.
        reached = self.knowledge.reached
        closed = self.closed_requires
        own = {code for code in self.at_grade if code in chosen or not reached.isdisjoint(closed[code])}
        p = self.knowledge.p
        anchors = [(self.rank(code), code) for code in {*own, *chosen} if p(code) < KNOWN_AT and not self.resting(code)]
        anchors.extend((rank, code) for rank, code in self.outlook.anchors if code not in own)
        anchors.sort()
        for _, anchor in anchors:
            worked_out = anchor in own or anchor in chosen
            if self.knowledge.ready(anchor) if worked_out else anchor in self.outlook.ready:
                # One answered wrong lately is taught again, another way.
                yield _Candidate("reteach" if self.mastery(anchor).recent_failures else "next", anchor)
            elif anchor in self.goals or anchor in self.focus:
                # The way to what the learner or the teacher asked for: what it needs at the learner's grade too.
                for code in self.support_below(anchor, at_grade_too=True):
                    yield _Candidate("support" if self.is_below_grade(code) else "next", code, blocked=anchor)
            else:
                yield from (_Candidate("support", code, blocked=anchor) for code in self.support_below(anchor))

    def support_below(
        self, code: str, *, below: float = beliefs.MISSING_BELOW, met_too: bool = False, at_grade_too: bool = False
    ) -> list[str]:
        """The targets under `code` less likely known than `below` (by default: likely missing) and ready to
        learn, walking down only through such targets. Below the learner's grade only (unless `code` itself is
        below it): a target of the learner's grade that blocks another is an anchor of its own. Under a target
        failed twice (`met_too`), a grade-level target the learner has met comes in too; under a goal or the
        teacher's focus (`at_grade_too`), every grade-level one does."""
        found: list[str] = []
        seen: set[str] = set()
        grade_of = self.grade_of
        floor = min(self.grade_index, grade_of[code])
        p, ready = self.knowledge.p, self.knowledge.ready
        # Which targets the walk reaches does not depend on the order it takes them in (a stack here, not a nested
        # function: that would hold the planner in a reference cycle until the cycle collector's next pass).
        stack = [code]
        while stack:
            for prerequisite in self.requires[stack.pop()]:
                if prerequisite in seen or p(prerequisite) >= below:
                    continue
                seen.add(prerequisite)
                at_grade = grade_of[prerequisite] >= floor
                if at_grade and not at_grade_too and not (met_too and prerequisite in self.met):
                    continue
                if ready(prerequisite):
                    found.append(prerequisite)
                else:
                    stack.append(prerequisite)
        return sorted(found, key=self.rank)

    def reviews_due(self) -> list[_Candidate]:
        """Targets of the learner's work (their grade, the teacher's focus, their goals, the current unit) likely
        known, whose spaced review is due: most overdue first. What earlier grades settled needs no review."""
        overdue = {}
        for code, mastery in self.met.items():
            if mastery.last_practised is None or not self.knowledge.likely_known(code):
                continue
            if not (self.is_grade_level(code) or code in self.focus or code in self.goals or code in self.unit):
                continue
            days_over = (self.today - mastery.last_practised).days - review_interval_days(mastery.evidence_count)
            if days_over >= 0:
                overdue[code] = days_over
        return [_Candidate("review", code) for code in sorted(overdue, key=lambda code: (-overdue[code], code))]

    def failed_targets(self) -> list[str]:
        if self._failed is None:
            p = self.knowledge.p
            failed = [code for code, info in self.met.items() if info.recent_failures and p(code) < KNOWN_AT]
            self._failed = sorted(failed, key=self.rank)
        return self._failed
