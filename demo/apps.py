from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo district: `manage.py seed_demo`. Depends on every app; nothing depends on it."""

    name = "demo"
    verbose_name = "Demo data"
