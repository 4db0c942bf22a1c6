"""The Celery app, set up as in Celery's "First steps with Django" guide.

Settings prefixed `CELERY_` in `learning_platform.settings` configure it; tasks are found in
each installed app's `tasks.py`.
"""

import os

from celery import Celery, bootsteps

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning_platform.settings")

app = Celery("learning_platform")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class HeartbeatStep(bootsteps.StartStopStep):
    """Writes the worker's heartbeat for `/health/` (learning_platform.health) while the worker runs."""

    def __init__(self, worker, **kwargs):
        super().__init__(worker, **kwargs)
        self.stop_event = None

    def start(self, worker):
        from django.conf import settings

        if not settings.REDIS_URL:
            return
        from learning_platform.health import worker_heartbeat_start

        queues = sorted(worker.app.amqp.queues.consume_from or worker.app.amqp.queues)
        self.stop_event = worker_heartbeat_start(hostname=worker.hostname, queues=queues)

    def stop(self, worker):
        if self.stop_event is not None:
            self.stop_event.set()


app.steps["worker"].add(HeartbeatStep)
