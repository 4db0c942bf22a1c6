from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Assessments and standards"

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers this app's permission rules)
