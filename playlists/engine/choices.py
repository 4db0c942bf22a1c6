"""Fitting the day: the engine's items that fit beside the teacher's and the exit ticket, the activities each
offers the student to choose among, and the reasons in words.
"""

from __future__ import annotations

from collections.abc import Iterable

from playlists.engine.inputs import (
    CHOICE_LENGTH_RATIO,
    CORE,
    INTRODUCTORY,
    LONG_ACTIVITY_MINUTES,
    MAX_CHOICES,
    MAX_NEW_TARGETS,
    MAX_REVIEWS,
    ActivityInfo,
    PathItem,
)
from playlists.engine.shared import _Candidate, _Lookahead
from playlists.engine.words import HERE_IS_MODALITY, THE_MODALITY, _ago_words, _month_day


class _Choices:
    """Fitting the day: which candidates fit beside the teacher's items and the exit ticket, the
    activities each item offers, and the reasons, in words a twelve-year-old understands, naming each target by
    its short name and code.

    Mixed into `_Planner` (playlists.engine.planner), whose `__init__` sets the lookups these methods read.
    """

    def fit(
        self, teacher_items: list[PathItem], learning: Iterable[_Candidate], reviews_due: list[_Candidate]
    ) -> tuple[list[PathItem], list[str]]:
        """The engine's items that fit beside the teacher's, and today's targets still to check: learning
        candidates until `MAX_NEW_TARGETS` of them are on the path (one place fewer when a review is due), then
        reviews (no target is both). Every item leaves room for the exit ticket of the targets so far."""
        budget = self.learner.daily_minutes_budget
        used_minutes = sum(item.minutes for item in teacher_items)
        used_activities = {item.ref_id for item in teacher_items if item.kind == "activity"}
        on_path = {item.target_code for item in teacher_items}
        todays_targets = self.unchecked_targets(teacher_items)
        # An assessment the teacher put on the path checks its targets already.
        checked = {
            code
            for item in teacher_items
            if item.kind == "assessment"
            for code in self.assessments[item.ref_id].target_codes
        }
        items: list[PathItem] = []
        learning_places = MAX_NEW_TARGETS - (1 if reviews_due else 0)
        reviews_places = min(MAX_REVIEWS, len(reviews_due))
        # New work leaves the time of the first review due (its shortest activity, and its question on the exit
        # ticket), so that the review has its place however long the new work is.
        held = next(
            (
                candidate.target_code
                for candidate in reviews_due
                if candidate.target_code not in on_path and self.other_ways(candidate.target_code)
            ),
            None,
        )
        held_minutes = min(activity.expected_minutes for activity in self.other_ways(held)) if held else 0
        # Without a bank exit ticket to use, a ticket on more targets is never shorter: a candidate with no
        # activity that fits what is spare now fits no better once its target is on the ticket.
        on_teachers = self.assessments_on(teacher_items)
        longer_with_more = all(assessment.id in on_teachers for assessment, _ in self.bank_tickets)
        for step, wanted, places_after in (
            (_Lookahead(learning), learning_places, reviews_places),
            (_Lookahead(reviews_due), MAX_REVIEWS, 0),
        ):
            added = 0
            kept = [held] if held and places_after else []
            for candidate in step:
                spare = budget - used_minutes - self.ticket_minutes(todays_targets, teacher_items)
                # Once not even the shortest activity fits beside the exit ticket, no later candidate can.
                if added == wanted or spare < self.shortest_activity:
                    break
                if candidate.target_code in on_path:
                    continue
                if longer_with_more and not self.any_fits(
                    candidate.target_code, used_activities, spare - (held_minutes if kept else 0)
                ):
                    continue
                planned = (
                    todays_targets if candidate.target_code in checked else todays_targets + [candidate.target_code]
                )
                room = (
                    budget
                    - used_minutes
                    - self.ticket_minutes(planned + kept, teacher_items)
                    - (held_minutes if kept else 0)
                )
                if not self.any_fits(candidate.target_code, used_activities, room):
                    continue
                # The places still open (that candidates are left for) share what is left of the day beside a
                # ticket on all of them.
                later = [other for other in step.ahead(wanted - added - 1) if other.target_code not in on_path]
                places = 1 + len(later) + places_after
                share = (budget - used_minutes - self.written_ticket_minutes(len(planned) + places - 1)) / places
                item = self.item_for(candidate, used_activities, room, share)
                if item is None:
                    continue
                items.append(item)
                added += 1
                used_minutes += item.minutes
                used_activities.update(item.alternatives or [item.ref_id])
                on_path.add(candidate.target_code)
                todays_targets = planned
        return items, todays_targets

    def item_for(self, candidate: _Candidate, used_activities: set, room: int, share: float) -> PathItem | None:
        code = candidate.target_code
        choices = self.choices(code, candidate.rule, used_activities, room, share)
        if not choices:
            return None
        suggested = choices[0]
        locked = suggested.id in self.locked_activities
        offered = [suggested] if locked else choices
        return PathItem(
            kind="activity",
            ref_id=suggested.id,
            target_code=code,
            minutes=max(activity.expected_minutes for activity in offered),
            reason=self.reason(candidate, suggested),
            rule=candidate.rule,
            locked=locked,
            alternatives=tuple(activity.id for activity in offered) if len(offered) > 1 else (),
        )

    def any_fits(self, code: str, used_activities: set, room: int) -> bool:
        """Is there an activity on `code` to offer in `room` minutes (so that `choices` has one)?"""
        return any(
            activity.id not in used_activities and activity.expected_minutes <= room
            for activity in self.other_ways(code)
        )

    def other_ways(self, code: str) -> list[ActivityInfo]:
        """The activities on `code` the teacher did not remove, in ways of learning that have not failed on it."""
        found = self._ways.get(code)
        if found is None:
            failed = self.mastery(code).failed_modalities
            found = self._ways[code] = [
                activity
                for activity in self.activities_on.get(code, ())
                if activity.id not in self.removed_activities and activity.modality not in failed
            ]
        return found

    def choices(self, code: str, rule: str, used_activities: set, room: int, share: float) -> list[ActivityInfo]:
        wanted_difficulty = INTRODUCTORY if rule in ("reteach", "support") else CORE
        preferred = list(self.learner.preferred_modalities)
        pool = sorted(
            (
                activity
                for activity in self.other_ways(code)
                if activity.id not in used_activities and activity.expected_minutes <= room
            ),
            key=lambda activity: (
                activity.id in self.recent_activities,
                activity.expected_minutes > max(share, LONG_ACTIVITY_MINUTES),
                preferred.index(activity.modality) if activity.modality in preferred else len(preferred),
                -len(self.interests & self.activity_tags[activity.id]),
                activity.expected_minutes > share,
                activity.expected_minutes > LONG_ACTIVITY_MINUTES,
                abs(activity.difficulty - wanted_difficulty),
                activity.expected_minutes,
                activity.id,
            ),
        )
        if not pool:
            return []
        # The choices take about as long as the suggestion, and no longer than the place's share of the day: the
        # item keeps the longest one's minutes, so a much longer choice would hold time the learner, who picks
        # one, may not use, and that another target could have had.
        suggestion = pool[0].expected_minutes
        longest = max(suggestion, min(share, suggestion * CHOICE_LENGTH_RATIO))
        pool = [activity for activity in pool if activity.expected_minutes <= longest]
        chosen: list[ActivityInfo] = []
        # One per way of learning first, so the student chooses between different kinds of work.
        for activity in pool:
            if len(chosen) < MAX_CHOICES and activity.modality not in {other.modality for other in chosen}:
                chosen.append(activity)
        for activity in pool:
            if len(chosen) < MAX_CHOICES and activity not in chosen:
                chosen.append(activity)
        return sorted(chosen, key=pool.index)

    # Reasons, in words a twelve-year-old understands, naming each target by its short name and code.

    def reason(self, candidate: _Candidate, activity: ActivityInfo) -> str:
        code = candidate.target_code
        if candidate.rule == "reteach":
            failed = self.mastery(code).failed_modalities
            what = THE_MODALITY[failed[-1]] if failed else "it"
            here_is = HERE_IS_MODALITY[activity.modality]
            return f"Let's try {self.name(code)} another way: last time {what} didn't click, so {here_is}."
        if candidate.rule == "support":
            blocked = candidate.blocked
            return (
                f"First, {self.name(code)}: {self.name(blocked)} builds on it, and your answers so far say it "
                "needs another look."
            )
        if candidate.rule == "review":
            mastery = self.mastery(code)
            ago = _ago_words((self.today - mastery.last_practised).days)
            return f"Review: you learned {self.name(code)} {ago}; a quick practice keeps it fresh."
        if candidate.blocked is not None:
            blocked = candidate.blocked
            toward = (
                f"your goal for {_month_day(self.goals[blocked])}: {self.name(blocked)}"
                if blocked in self.goals
                else f"what your teacher assigned: {self.name(blocked)}"
            )
            return f"Next: {self.name(code)}, on the way to {toward} builds on it."
        return self.next_reason(code)

    def next_reason(self, code: str) -> str:
        head = f"Next: {self.name(code)}"
        if code in self.focus:
            head += ", which your teacher assigned"
        elif code in self.goals:
            head += f", your goal for {_month_day(self.goals[code])}"
        elif code in self.unit:
            head += ", from your class's current unit"
        prerequisites = self.requires[code]
        if not prerequisites:
            return f"{head}. It doesn't build on anything you haven't learned, so you can start right away."
        if all(self.knowledge.likely_known(prerequisite) for prerequisite in prerequisites):
            return f"{head}. You know {self.names(prerequisites)}, which it builds on."
        return f"{head}. It builds on {self.names(prerequisites)}."
