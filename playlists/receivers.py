"""What the playlists app does when another app changes what paths are built from."""
from django.dispatch import receiver

from learning_platform.signals import path_inputs_changed
from playlists.services import paths_mark_stale


@receiver(path_inputs_changed, dispatch_uid="playlists.paths_mark_stale")
def _paths_mark_stale(sender, *, learner_ids, reason, **kwargs) -> None:
    paths_mark_stale(learner_ids=learner_ids, reason=reason)
