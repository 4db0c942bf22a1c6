"""Fixtures of the playlists tests live in tests/conftest.py (the activity catalog is shared with the
teacher pages' tests)."""
