from django.apps import AppConfig


class LearningPlatformConfig(AppConfig):
    name = "learning_platform"
    verbose_name = "School structure"

    def ready(self) -> None:
        from django.db.models import Field, ForeignObject
        from django.urls import register_converter

        from . import audit, rules  # noqa: F401  (registers this app's permission rules)
        from .bulk import AnyOf
        from .validation import IdConverter

        # `<id:...>` in every URL conf: an id of at most 18 digits (a longer one is a 404, not an overflow).
        register_converter(IdConverter, "id")
        audit.register_tracked_models()
        # (Relations keep lookups of their own.)
        for kind in (Field, ForeignObject):
            kind.register_lookup(AnyOf)
