"""Every way an attempt is scored (a teacher's rubric score, an attempt closed when its time ran out) updates the
learner's mastery in its own transaction, as a submit does, and a real Celery worker on Redis rebuilds the path
from it (runs in CI)."""

import datetime
import time

import pytest

from django.utils import timezone

from assessments import services
from assessments.models import Attempt
from learners.models import Evidence, MasteryState
from playlists import services as playlist_services
from playlists.models import Playlist
from tests.conftest import item_ids


def wait_for(condition, worker, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        assert worker.poll() is None, worker.log.read_text()
        time.sleep(0.1)
    return condition()


@pytest.mark.worker
def test_a_rubric_score_updates_mastery_at_once_and_the_path_through_the_worker(
    celery_worker_process, world, rubric_task, bank
):
    # Given a student handed in a rubric task: the numeric answer is evidence at once, the open one waits
    attempt = services.attempt_start(assignment=rubric_task, learner=world.student)
    services.attempt_submit(
        attempt=attempt,
        learner=world.student,
        answers={bank.items.open.pk: "I divided 3 by 4 to get $0.75 per pound.", bank.items.numeric.pk: "0.75"},
    )
    assert Evidence.objects.filter(learner=world.student).count() == 1
    path = playlist_services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    # When the teacher scores the open response
    response = attempt.responses.get(item=bank.items.open)
    services.response_rubric_score(
        response=response, teacher=world.teacher, levels={"reasoning": "3", "precision": "0"}
    )
    # Then, as after a submit, its evidence is in at once
    assert set(Evidence.objects.filter(learner=world.student).values_list("target__code", "correct")) == {
        ("6.RP.A.2", True)
    }
    assert Evidence.objects.filter(learner=world.student).count() == 2

    # and the worker rebuilds the path from it
    def rebuilt():
        playlist = Playlist.objects.get(pk=path.pk)
        return playlist.status == "fresh" and playlist.inputs_digest != path.inputs_digest

    assert wait_for(rebuilt, celery_worker_process), celery_worker_process.log.read_text()


@pytest.mark.worker
def test_an_attempt_closed_at_its_deadline_updates_mastery_at_once_and_the_path_through_the_worker(
    celery_worker_process, world, exit_ticket
):
    # Given a student's path, and answers they saved but never submitted before the attempt's time ran out
    path = playlist_services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    attempt = services.attempt_start(assignment=exit_ticket, learner=world.student)
    for item_id, answer in zip(item_ids(exit_ticket), ("a", "3/4", "<")):
        services.attempt_answer_save(attempt=attempt, learner=world.student, item_id=item_id, answer=answer)
    Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - datetime.timedelta(hours=1))
    # When the sweeper closes it
    assert services.attempts_close_expired() == 1
    # Then, as after a submit, the evidence and both targets' mastery are in at once
    assert Evidence.objects.filter(learner=world.student).count() == 4
    assert set(MasteryState.objects.filter(learner=world.student).values_list("target__code", "level")) == {
        ("6.RP.A.1", "mastered"),
        ("6.RP.A.2", "mastered"),
    }

    # and the worker rebuilds the path from them, the exit ticket done where it was
    def rebuilt():
        playlist = Playlist.objects.get(pk=path.pk)
        return playlist.status == "fresh" and playlist.inputs_digest != path.inputs_digest

    assert wait_for(rebuilt, celery_worker_process), celery_worker_process.log.read_text()
    ticket = Playlist.objects.get(pk=path.pk).items.get(assessment_id=exit_ticket.assessment_id)
    assert (ticket.position, ticket.completed_at) == (0, Attempt.objects.get(pk=attempt.pk).submitted_at)
