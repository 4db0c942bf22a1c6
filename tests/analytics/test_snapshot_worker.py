"""An admin's refresh goes to a real Celery worker on Redis, batch by batch, and the dashboard follows its
progress to the end (runs in CI)."""

import pytest
from django.urls import reverse

from analytics import services
from analytics.models import GroupSnapshot, LearnerSnapshot, SnapshotRun
from tests.learners.test_mastery_worker import wait_for


@pytest.mark.worker
def test_a_refresh_runs_its_batches_on_the_worker_and_the_status_follows_it(
    celery_worker_process, client, world, monkeypatch
):
    # Given batches of one learner, so Lincoln's three learners make three messages on the batch queue
    monkeypatch.setattr(services, "SNAPSHOT_BATCH_SIZE", 1)
    client.force_login(world.school_admin)
    # When the school admin asks for a refresh
    response = client.post(reverse("analytics-school-refresh", args=[world.school.pk]))
    assert response.status_code == 302
    run = SnapshotRun.objects.get(school=world.school)
    assert run.batches.count() == 3
    status_url = reverse("analytics-school-status", args=[world.school.pk])

    # Then the worker takes every batch and the last one rolls the school up
    def finished():
        return SnapshotRun.objects.filter(pk=run.pk, finished_at__isnull=False).exists()

    assert wait_for(finished, celery_worker_process), celery_worker_process.log.read_text()
    assert LearnerSnapshot.objects.filter(school=world.school, as_of=run.as_of).count() == 3
    assert GroupSnapshot.objects.get(school=world.school, as_of=run.as_of, dimension="all").learners == 3
    status = client.get(status_url).json()
    assert (status["running"], status["as_of"]) == (False, run.as_of.isoformat())
