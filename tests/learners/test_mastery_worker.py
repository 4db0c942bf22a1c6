"""After a submit, a real Celery worker on Redis updates the learner's mastery (runs in CI)."""
import time

import pytest

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
def test_a_submitted_exit_ticket_updates_mastery_through_the_worker(celery_worker_process, world, exit_ticket):
    # Given a student submits an exit ticket (the mastery task goes to Redis after the commit)
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    choice, numeric, compare = item_ids(exit_ticket)
    services.attempt_submit(attempt=attempt, learner=world.student, answers={choice: "a", numeric: "3/4", compare: "<"})
    # Then the worker appends the evidence and updates both targets
    assert wait_for(lambda: MasteryState.objects.filter(learner=world.student).count() == 2, celery_worker_process), (
        celery_worker_process.log.read_text()
    )
    assert Evidence.objects.filter(learner=world.student).count() == 4
    assert set(MasteryState.objects.filter(learner=world.student).values_list("target__code", "level")) == {
        ("6.RP.A.1", "mastered"), ("6.RP.A.2", "mastered"),
    }  # fmt: skip
