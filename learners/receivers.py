"""What the learners app does when another app scores an attempt or a practice answer."""

import logging

from django.db import transaction
from django.dispatch import receiver

from learners.services import mastery_apply_attempt, mastery_apply_practice
from learning_platform.queue import enqueue_after_commit
from learning_platform.signals import attempt_scored, practice_answered

logger = logging.getLogger(__name__)


@receiver(attempt_scored, dispatch_uid="learners.mastery_apply_attempt")
def _mastery_apply(sender, *, attempt_id: int, **kwargs) -> None:
    """Update mastery with the submission. Whatever goes wrong here must not lose the student's submission: the
    update is undone alone and left to the task, which retries it after the commit."""
    try:
        with transaction.atomic():
            mastery_apply_attempt(attempt_id=attempt_id)
    except Exception:
        logger.exception("mastery update of attempt %d failed inline; the worker will retry it", attempt_id)
        enqueue_after_commit("learners.mastery_apply_attempt", attempt_id)


@receiver(practice_answered, dispatch_uid="learners.mastery_apply_practice")
def _mastery_apply_practice(sender, *, practice_id: int, **kwargs) -> None:
    """Update mastery with a practice question's first answer, as for a submission: inline, or by the task."""
    try:
        with transaction.atomic():
            mastery_apply_practice(practice_id=practice_id)
    except Exception:
        logger.exception("mastery update of practice answer %d failed inline; the worker will retry it", practice_id)
        enqueue_after_commit("learners.mastery_apply_practice", practice_id)
