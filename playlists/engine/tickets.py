"""The exit ticket, last on the path: the bank's that covers today's targets or one the engine writes, its
minutes (kept room for while the day is fitted), and the foundations it checks under targets answered wrong.
"""

from __future__ import annotations

from decimal import ROUND_CEILING

from learners.knowledge import KNOWN_AT
from playlists.engine.inputs import (
    CHECK_AFTER_FAILURES,
    FOUNDATION_CHECKS,
    MINUTES_PER_QUESTION,
    AssessmentInfo,
    Flag,
    ItemRef,
    PathItem,
    stretched_minutes,
    written_ticket_questions,
)
from playlists.engine.shared import _no_questions, _unique


class _ExitTicket:
    """The exit ticket: the bank's or one the engine writes, its minutes, and the foundations it
    checks.

    Mixed into `_Planner` (playlists.engine.planner), whose `__init__` sets the lookups these methods read.
    """

    def unchecked_targets(self, items: list[PathItem]) -> list[str]:
        """The targets of the items' activities and group sessions that no assessment among them covers."""
        checked = {
            code for item in items if item.kind == "assessment" for code in self.assessments[item.ref_id].target_codes
        }
        return _unique(
            item.target_code for item in items if item.kind != "assessment" and item.target_code not in checked
        )

    def exit_ticket_for(self, targets: list[str], items: list[PathItem]) -> AssessmentInfo | None:
        """The bank's exit ticket that covers most of `targets`: then not just taken, fewest other targets,
        shortest. When the engine can write one (some target is `checkable`), only a ticket covering every
        checkable target counts: a partial one would leave the rest unchecked."""
        if not self.bank_tickets:
            return None
        on_path = self.assessments_on(items)
        wanted = set(targets)
        needed = wanted & self.inputs.checkable
        tickets = [
            (assessment, codes)
            for assessment, codes in self.bank_tickets
            if not wanted.isdisjoint(codes) and needed <= codes and assessment.id not in on_path
        ]
        best = min(
            tickets,
            key=lambda pair: (
                -len(wanted & pair[1]),
                ItemRef("assessment", pair[0].id) in self.recent,
                len(pair[1] - wanted),
                pair[0].expected_minutes,
                pair[0].id,
            ),
            default=None,
        )
        return best[0] if best is not None else None

    def written_ticket_minutes(self, count: int) -> int:
        """The minutes of an exit ticket the engine writes on `count` targets, stretched by extended time."""
        found = self._written_minutes.get(count)
        if found is None:
            questions = written_ticket_questions(count)
            minutes = int((questions * MINUTES_PER_QUESTION).to_integral_value(ROUND_CEILING))
            found = self._written_minutes[count] = stretched_minutes(minutes, self.learner.extended_time_factor)
        return found

    def with_checks(self, targets: list[str]) -> list[str]:
        """`targets`, then the prerequisites to check under those answered wrong lately (see FOUNDATION_CHECKS):
        those the learner's own answers have not shown known, so that a question can tell."""
        checks: list[str] = []
        for code in targets:
            if self.mastery(code).recent_failures < CHECK_AFTER_FAILURES:
                continue
            unverified = [
                prerequisite
                for prerequisite in self.requires[code]
                if prerequisite in self.inputs.checkable
                and prerequisite not in targets
                and not (prerequisite in self.met and self.met[prerequisite].p_mastery >= KNOWN_AT)
            ]
            checks.extend(sorted(unverified, key=self.rank)[:FOUNDATION_CHECKS])
        return _unique([*targets, *checks])

    def assessments_on(self, items: list[PathItem]) -> frozenset[int | None]:
        """The assessments among the items (the last list asked about is remembered: a day's fitting asks about
        the teacher's items again and again)."""
        if items is not self._ticket_items:
            self._ticket_items = items
            self._ticket_assessments = frozenset(item.ref_id for item in items if item.kind == "assessment")
        return self._ticket_assessments

    def ticket_minutes(self, targets: list[str], items: list[PathItem]) -> int:
        """The minutes the exit ticket of `targets` will take: the bank's, or the one the engine writes."""
        if not targets:
            return 0
        # The same question comes up for each candidate of a day: answered once (it depends on the items only
        # through the assessments on the path).
        key = (tuple(targets), self.assessments_on(items))
        found = self._ticket_minutes.get(key)
        if found is None:
            targets = self.with_checks(targets)
            ticket = self.exit_ticket_for(targets, items)
            if ticket is not None:
                found = self.minutes_of(ItemRef("assessment", ticket.id))
            else:
                checkable = [code for code in targets if code in self.inputs.checkable]
                found = self.written_ticket_minutes(len(checkable)) if checkable else 0
            self._ticket_minutes[key] = found
        return found

    def exit_ticket_item(
        self, items: list[PathItem], targets: list[str], budget: int
    ) -> tuple[list[PathItem], list[Flag]]:
        """The exit ticket, last: the bank's that covers today's targets, or one the engine writes on them (the
        caller draws its questions from the bank); a target no question checks is said in the reason and
        flagged for the teacher."""
        if not targets:
            return [], []
        practised = targets
        targets = self.with_checks(targets)
        ticket = self.exit_ticket_for(targets, items)
        if ticket is not None:
            covered = [code for code in targets if code in ticket.target_codes]
            minutes, ref_id, codes = self.minutes_of(ItemRef("assessment", ticket.id)), ticket.id, ()
        else:
            covered = [code for code in targets if code in self.inputs.checkable]
            minutes, ref_id, codes = self.written_ticket_minutes(len(covered)), None, tuple(covered)
        unchecked = [code for code in targets if code not in covered]
        flags = _no_questions(self.names(unchecked), unchecked) if unchecked else []
        if not covered:
            return [], flags
        if sum(item.minutes for item in items) + minutes > budget:
            message = f"The teacher's items leave no time for an exit ticket on {self.names(covered)}."
            return [], [Flag("exit_ticket_no_time", tuple(sorted(targets)), message), *flags]
        checked = [code for code in covered if code in practised]
        foundations = [code for code in covered if code not in practised]
        reason = (
            f"Exit ticket: a few quick questions on {self.names(checked or covered)} show what you learned "
            "today, so tomorrow's path fits you."
        )
        if foundations:
            reason += f" A question on {self.names(foundations)} checks what they build on."
        if unchecked:
            reason += f" There are no questions on {self.names(unchecked)} yet: tell your teacher how it went."
        item = PathItem(
            kind="assessment",
            ref_id=ref_id,
            target_code=covered[0],
            minutes=minutes,
            reason=reason,
            rule="exit_ticket",
            locked=ref_id is not None and ItemRef("assessment", ref_id) in self.locked,
            target_codes=codes,
        )
        return [item], flags
