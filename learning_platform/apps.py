from django.apps import AppConfig


class LearningPlatformConfig(AppConfig):
    name = "learning_platform"
    verbose_name = "School structure"

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers this app's permission rules)
