from django.apps import AppConfig


class PlaylistsConfig(AppConfig):
    name = "playlists"
    verbose_name = "Playlists and activities"

    def ready(self) -> None:
        from . import receivers, rules  # noqa: F401  (connects this app's receivers, registers its rules)
