"""What the playlists app does when another app changes what paths are built from."""

from django.dispatch import receiver

from learning_platform.signals import attempt_scored, path_inputs_changed
from playlists.services import path_assessment_done, paths_mark_stale


@receiver(path_inputs_changed, dispatch_uid="playlists.paths_mark_stale")
def _paths_mark_stale(sender, *, learner_ids, reason, **kwargs) -> None:
    paths_mark_stale(learner_ids=learner_ids, reason=reason)


@receiver(attempt_scored, dispatch_uid="playlists.path_assessment_done")
def _path_assessment_done(sender, *, attempt_id, **kwargs) -> None:
    path_assessment_done(attempt_id=attempt_id)
