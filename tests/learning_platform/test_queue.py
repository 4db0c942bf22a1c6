"""Enqueueing by task name after commit: identical requests in one transaction coalesce into one send."""

import pytest
from django.db import transaction

from learning_platform.queue import enqueue_after_commit, task_by_name

pytestmark = pytest.mark.django_db


def test_identical_requests_in_one_transaction_send_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            enqueue_after_commit("playlists.rebuild_learner", 7, "attempt")
            enqueue_after_commit("learners.mastery_apply_attempt", 1)
            enqueue_after_commit("playlists.rebuild_learner", 7, "attempt")
            enqueue_after_commit("playlists.rebuild_learner", 8, "attempt")
    assert [callback.key for callback in callbacks] == [
        ("playlists.rebuild_learner", (7, "attempt")),
        ("learners.mastery_apply_attempt", (1,)),
        ("playlists.rebuild_learner", (8, "attempt")),
    ]


def test_a_rolled_back_request_is_not_sent_and_does_not_block_a_later_one(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    enqueue_after_commit("playlists.rebuild_learner", 7, "attempt")
                    raise RuntimeError("refused")
            except RuntimeError:
                pass
            enqueue_after_commit("playlists.rebuild_learner", 7, "profile")
    assert [callback.key for callback in callbacks] == [("playlists.rebuild_learner", (7, "profile"))]


def test_an_unknown_task_name_is_an_error():
    with pytest.raises(LookupError, match="No task is registered as 'nope.never'"):
        task_by_name("nope.never")
