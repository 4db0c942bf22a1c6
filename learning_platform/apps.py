from django.apps import AppConfig


class LearningPlatformConfig(AppConfig):
    name = "learning_platform"
    verbose_name = "School structure"

    def ready(self) -> None:
        from . import audit, rules  # noqa: F401  (registers this app's permission rules)

        audit.register_tracked_models()
