from django.apps import AppConfig


class PlaylistsConfig(AppConfig):
    name = "playlists"
    verbose_name = "Playlists and activities"

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers this app's permission rules)
