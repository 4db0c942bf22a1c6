"""The one order in which work on learners takes its row locks, so concurrent work never deadlocks.

A mastery update, a path rebuild, marking paths stale, a submit and a learner's change to their path items take
turns on the learners' `User` rows. Every one of them takes those rows first, before any row that belongs to the
learners (their evidence, mastery states, playlists and items), and when it takes several it takes them in one
statement in ascending id order. A wait therefore only ever points from a transaction holding fewer learner rows
(or none) to one holding lower ids, and no cycle of waits can form. Rows taken with `skip_locked` never wait, so a
rebuild may take its own learner first and then, with `learners_lock_free`, whichever other learners nobody holds.

The locks are FOR NO KEY UPDATE (on PostgreSQL): they exclude each other as FOR UPDATE does, but not the FOR KEY
SHARE that inserting a row referencing the learner takes (an attempt, a response's evidence, a path change), so a
rebuild holding a learner never delays their starting an attempt. SQLite has no row locks; its transactions
already take turns on the whole database.
"""

from __future__ import annotations

from collections.abc import Iterable

from learning_platform.models import User


def learners_lock(learner_ids: Iterable[int]) -> list[int]:
    """Lock the learners' rows in ascending id order, waiting for any other holder; the ids that exist, sorted.
    Call inside a transaction, before locking or writing any row of theirs."""
    ids = sorted({int(pk) for pk in learner_ids})
    if not ids:
        return []
    rows = User.objects.select_for_update(no_key=True).filter(pk__in=ids).order_by("pk")
    return list(rows.values_list("pk", flat=True))


def learners_lock_free(learner_ids: Iterable[int]) -> list[int]:
    """Lock those of the learners' rows that nobody holds, without waiting; their ids, sorted."""
    ids = sorted({int(pk) for pk in learner_ids})
    if not ids:
        return []
    rows = User.objects.select_for_update(no_key=True, skip_locked=True).filter(pk__in=ids).order_by("pk")
    return list(rows.values_list("pk", flat=True))
