"""What `/health/` reports: each dependency the platform needs, checked with a short timeout.

- database: answers `SELECT 1`.
- broker: Redis answers a PING (or "in-process" when no broker is configured and tasks run in the request).
- worker: a Celery worker wrote its heartbeat within `HEARTBEAT_STALE_SECONDS` (see `worker_heartbeat_start`).

A worker writes its heartbeat to Redis from a thread of its own every `HEARTBEAT_SECONDS`, so a worker busy with
a long task still counts as alive, and one that was killed stops counting within the stale limit.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time

import redis
from django.conf import settings
from django.db import DatabaseError, connection

logger = logging.getLogger(__name__)

HEARTBEAT_KEY_PREFIX = "waypoint:worker-heartbeat:"
HEARTBEAT_SECONDS = 10
HEARTBEAT_STALE_SECONDS = 30
# A check waits at most this long for Redis, so /health/ answers even when the broker hangs.
REDIS_TIMEOUT_SECONDS = 2


def _redis() -> redis.Redis:
    return redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=REDIS_TIMEOUT_SECONDS, socket_timeout=REDIS_TIMEOUT_SECONDS
    )


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return {"status": "down", "vendor": connection.vendor, "error": error.__class__.__name__}
    return {"status": "ok", "vendor": connection.vendor}


def check_broker() -> dict:
    if not settings.REDIS_URL:
        return {"status": "in-process"}
    try:
        _redis().ping()
    except redis.RedisError as error:
        return {"status": "down", "error": error.__class__.__name__}
    return {"status": "ok"}


def check_worker(*, now: float | None = None) -> dict:
    """The workers whose heartbeat is fresh, and the queues they consume; "down" when none is."""
    if not settings.REDIS_URL:
        return {"status": "in-process"}
    now = time.time() if now is None else now
    try:
        client = _redis()
        keys = list(client.scan_iter(match=f"{HEARTBEAT_KEY_PREFIX}*", count=100))
        beats = [json.loads(value) for value in client.mget(keys) if value] if keys else []
    except redis.RedisError as error:
        return {"status": "unknown", "error": error.__class__.__name__}
    fresh = [beat for beat in beats if now - beat["at"] <= HEARTBEAT_STALE_SECONDS]
    if not fresh:
        return {"status": "down", "workers": 0}
    queues = sorted({queue for beat in fresh for queue in beat["queues"]})
    return {
        "status": "ok",
        "workers": len(fresh),
        "queues": queues,
        "last_heartbeat_seconds": round(now - max(beat["at"] for beat in fresh), 1),
    }


def health_report() -> tuple[bool, dict]:
    """(all ok, the report): every check, each "ok", "in-process", or what is wrong."""
    checks = {"database": check_database(), "broker": check_broker(), "worker": check_worker()}
    healthy = all(check["status"] in ("ok", "in-process") for check in checks.values())
    return healthy, {"status": "ok" if healthy else "unavailable", "checks": checks}


def worker_heartbeat_start(*, hostname: str, queues: list[str]) -> threading.Event:
    """Start a daemon thread writing this worker's heartbeat; set the returned event to stop it."""
    stop = threading.Event()
    key = f"{HEARTBEAT_KEY_PREFIX}{hostname or socket.gethostname()}"

    def beat() -> None:
        while not stop.is_set():
            try:
                _redis().set(key, json.dumps({"at": time.time(), "queues": queues}), ex=HEARTBEAT_STALE_SECONDS * 2)
            except redis.RedisError as error:
                logger.warning("could not write the worker heartbeat: %s", error)
            stop.wait(HEARTBEAT_SECONDS)
        try:
            _redis().delete(key)
        except redis.RedisError:
            pass

    threading.Thread(target=beat, name="waypoint-heartbeat", daemon=True).start()
    return stop
