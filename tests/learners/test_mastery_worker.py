"""A real Celery worker on Redis updates the learner's mastery when an attempt is closed for them (runs in CI);
a submit updates it in its own transaction."""
import datetime
import time

import pytest

from django.utils import timezone

from assessments import services
from learners.models import Evidence, MasteryState
from tests.conftest import item_ids


def wait_for(condition, worker, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        assert worker.poll() is None, worker.log.read_text()
        time.sleep(0.1)
    return condition()


@pytest.mark.worker
def test_an_attempt_closed_at_its_deadline_updates_mastery_through_the_worker(celery_worker_process, world, exit_ticket):
    # Given a student's answers are saved but never submitted, and the sweeper closes the attempt after it is due
    # (the mastery task goes to Redis after the commit)
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    for item_id, answer in zip(item_ids(exit_ticket), ("a", "3/4", "<")):
        services.attempt_answer_save(attempt=attempt, learner=world.student, item_id=item_id, answer=answer)
    assert services.attempts_close_expired(now=timezone.now() + datetime.timedelta(days=2)) == 1
    # Then the worker appends the evidence and updates both targets
    assert wait_for(lambda: MasteryState.objects.filter(learner=world.student).count() == 2, celery_worker_process), (
        celery_worker_process.log.read_text()
    )
    assert Evidence.objects.filter(learner=world.student).count() == 4
    assert set(MasteryState.objects.filter(learner=world.student).values_list("target__code", "level")) == {
        ("6.RP.A.1", "mastered"), ("6.RP.A.2", "mastered"),
    }  # fmt: skip
