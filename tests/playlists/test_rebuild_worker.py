"""After an exit ticket is submitted, a real Celery worker on Redis rebuilds the student's path (runs in CI)."""

import pytest

from assessments import services as assessment_services
from playlists import services
from playlists.models import Activity, Playlist
from tests.conftest import item_ids
from tests.learners.test_mastery_worker import wait_for


@pytest.mark.worker
def test_a_submitted_exit_ticket_rebuilds_the_path_through_the_worker(celery_worker_process, world, bank, exit_ticket):
    # Given today's path: the teacher's exit ticket, then an activity on rates
    rates_video = Activity.objects.create(
        slug="rates-video", title="Rates", modality="video", expected_minutes=10, body="Watch."
    )
    rates_video.targets.set([bank.rates])
    playlist = services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    assert list(playlist.items.order_by("position").values_list("rule", flat=True)) == ["assigned", "next"]

    # When the student gets every question wrong (mastery, then the rebuild, go through Redis to the worker)
    attempt = assessment_services.attempt_start(assignment=exit_ticket, learner=world.student)
    choice, numeric, compare = item_ids(exit_ticket)
    assessment_services.attempt_submit(
        attempt=attempt, learner=world.student, answers={choice: "b", numeric: "0.8", compare: ">"}
    )

    # Then the worker rebuilds the same day's playlist: the exit ticket stays first, done; rates, answered wrong
    # once, is taught again with the engine's own exit ticket after it; and the path is fresh again. (Other rebuilds
    # may run in between, e.g. the one the exit ticket's assignment asked for, so the test waits for the path the
    # mastery update leads to rather than for the first change.)
    retaught = [
        ("assessment", "6.RP.A.1", "assigned"),
        ("activity", "6.RP.A.2", "reteach"),
        ("exit_ticket", "6.RP.A.2", "exit_ticket"),
    ]

    def rebuilt():
        items = list(playlist.items.order_by("position").values_list("kind", "target__code", "rule"))
        return items == retaught and Playlist.objects.get(pk=playlist.pk).status == "fresh"

    assert wait_for(rebuilt, celery_worker_process), (
        list(playlist.items.values_list("kind", "target__code", "rule")),
        celery_worker_process.log.read_text(),
    )
