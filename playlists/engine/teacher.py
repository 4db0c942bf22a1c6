"""The teacher's part of a day: the items the teacher assigned, pinned or scheduled (first, even past the
budget), the order the teacher moved items to, and the small group proposed to the teacher.
"""

from __future__ import annotations

from playlists.engine.inputs import (
    SMALL_GROUP_AFTER_FAILURES,
    SMALL_GROUP_MINUTES,
    Assignment,
    Flag,
    GroupSession,
    ItemRef,
    PathItem,
    Pin,
)
from playlists.engine.shared import _unique
from playlists.engine.words import THE_MODALITY, _teacher_reason, _times_words


class _TeacherSteps:
    """The teacher's items and order, and the small group proposed to the teacher.

    Mixed into `_Planner` (playlists.engine.planner), whose `__init__` sets the lookups these methods read.
    """

    def in_teacher_order(self, items: list[PathItem]) -> list[PathItem]:
        """The items with those the teacher moved at their places (a place past the end means last)."""
        places: dict[ItemRef, int] = {}
        for move in self.inputs.moves:
            ref = ItemRef(move.kind, move.ref_id)
            places[ref] = min(move.position, places.get(ref, move.position))
        if not places:
            return items
        moved = sorted(
            (places[ItemRef(item.kind, item.ref_id)], index, item)
            for index, item in enumerate(items)
            if item.kind != "group_session" and ItemRef(item.kind, item.ref_id) in places
        )
        ordered = [item for item in items if all(item is not other for _, _, other in moved)]
        for place, _, item in moved:
            ordered.insert(min(max(place, 1) - 1, len(ordered)), item)
        return ordered

    def teacher_items(self) -> list[PathItem]:
        entries = list(self.inputs.assignments) + list(self.inputs.pins)
        items = []
        for ref in {ItemRef(entry.kind, entry.ref_id) for entry in entries} - self.removed:
            mine = [entry for entry in entries if ItemRef(entry.kind, entry.ref_id) == ref]
            assigned = any(isinstance(entry, Assignment) for entry in mine)
            pinned = any(isinstance(entry, Pin) for entry in mine)
            due = min((entry.due for entry in mine if entry.due is not None), default=None)
            code = min(entry.target_code for entry in mine)
            items.append(
                (
                    due,
                    PathItem(
                        kind=ref.kind,
                        ref_id=ref.ref_id,
                        target_code=code,
                        minutes=self.minutes_of(ref),
                        reason=_teacher_reason(self.name(code), assigned, pinned, due, self.today),
                        rule="assigned" if assigned else "pinned",
                        source="teacher",
                        pinned=pinned,
                        locked=ref in self.locked,
                    ),
                )
            )
        for session in self.inputs.group_sessions:
            minutes = SMALL_GROUP_MINUTES
            if session.activity_id is not None:
                minutes = max(minutes, self.activities[session.activity_id].expected_minutes)
            items.append(
                (
                    self.today,
                    PathItem(
                        kind="group_session",
                        ref_id=session.activity_id,
                        target_code=session.target_code,
                        minutes=minutes,
                        reason=self.group_reason(session),
                        rule="group",
                        source="teacher",
                    ),
                )
            )
        # On a day, the teacher's group sessions come first (in target order), then the rest by reference.
        items.sort(
            key=lambda pair: (
                pair[0] is None,
                pair[0] or self.today,
                pair[1].kind != "group_session",
                pair[1].kind,
                pair[1].target_code if pair[1].kind == "group_session" else "",
                pair[1].ref_id or 0,
            )
        )
        return [item for _, item in items]

    def small_group_proposal(self) -> list[Flag]:
        """At most one small group a day, proposed to the teacher (the path shows a group only once the teacher
        schedules it): for the first-ranked target of the learner's grade, or that the teacher or the learner
        chose, failed SMALL_GROUP_AFTER_FAILURES times in a row, a re-teach included."""
        for code in self.failed_targets():
            mastery = self.mastery(code)
            if code in self.group_targets or mastery.recent_failures < SMALL_GROUP_AFTER_FAILURES:
                continue
            if not (self.is_grade_level(code) or code in self.focus or code in self.goals):
                continue
            tried = _unique(mastery.failed_modalities)
            also = f" (tried: {', '.join(THE_MODALITY[m].removeprefix('the ') for m in tried)})" if tried else ""
            message = (
                f"{self.name(code)}: wrong {_times_words(mastery.recent_failures)} in a row{also}. Propose "
                "a small group?"
            )
            return [Flag("small_group", (code,), message)]
        return []

    def group_reason(self, session: GroupSession) -> str:
        code = session.target_code
        if session.activity_id is None:
            return f"Your teacher is meeting with you and a small group today to work on {self.name(code)} together."
        title = self.activities[session.activity_id].title
        return (
            f"Your teacher is meeting with you and a small group today to work on {self.name(code)} together: {title}."
        )
