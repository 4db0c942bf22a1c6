"""The suite runs on the services it is configured for; in CI that must be PostgreSQL and Redis."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from tests.conftest import in_ci


@pytest.mark.django_db
def test_database_is_postgresql_in_ci():
    if in_ci():
        assert connection.vendor == "postgresql", "CI must run the suite on PostgreSQL (DATABASE_URL)"
    else:
        expected = "sqlite" if not os.environ.get("DATABASE_URL") else connection.vendor
        assert connection.vendor == expected


def test_cache_is_redis_when_configured_and_answers():
    if in_ci():
        assert settings.REDIS_URL, "CI must set REDIS_URL"
    backend = "RedisCache" if settings.REDIS_URL else "LocMemCache"
    assert settings.CACHES["default"]["BACKEND"].endswith(backend)
    cache.set("waypoint-test-key", {"ok": 1}, timeout=5)
    assert cache.get("waypoint-test-key") == {"ok": 1}
    cache.delete("waypoint-test-key")
