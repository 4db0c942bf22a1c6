"""The Celery app, set up as in Celery's "First steps with Django" guide.

Settings prefixed `CELERY_` in `learning_platform.settings` configure it; tasks are found in
each installed app's `tasks.py`.
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning_platform.settings")

app = Celery("learning_platform")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
