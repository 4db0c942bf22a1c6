from django.apps import AppConfig


class LearnersConfig(AppConfig):
    name = "learners"
    verbose_name = "Learners"

    def ready(self) -> None:
        from . import receivers, rules  # noqa: F401  (connects this app's receivers, registers its rules)
