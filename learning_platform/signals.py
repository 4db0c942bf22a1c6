"""Signals by which an earlier step of the data flow tells later ones that something changed, without importing
them (see `learning_platform.queue` for the same rule applied to tasks).

`path_inputs_changed(learner_ids, reason)` is sent inside the transaction that changed what some learners'
daily paths are built from (evidence, a judgment, a profile, a teacher's assignment); the playlists app marks
their paths stale in that same transaction and enqueues their rebuilds for after the commit.

`attempt_scored(attempt_id)` is sent inside the transaction that scored a submitted attempt (a submit, an attempt
closed when its time ran out, a teacher's rubric score, a key correction's rescore: every way, so what follows a
score has one home); the learners app
updates the learner's mastery in that same transaction, and the playlists app marks the assessment's item on
the learner's path done.

`practice_answered(practice_id)` is sent inside the transaction that scored the first answer to a practice
question; the learners app logs it as practice evidence and updates mastery in that same transaction.
"""

from django.dispatch import Signal

path_inputs_changed = Signal()
attempt_scored = Signal()
practice_answered = Signal()
