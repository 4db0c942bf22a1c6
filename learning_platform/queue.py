"""Enqueueing background work by task name, only after the transaction commits.

An earlier step of the data flow starts a later one (an attempt starts a mastery update, which starts a
path rebuild) by the later task's registered name, so no app imports a later one and no cycle forms.
Sending after commit means a worker never looks for rows that are not there yet.

Sending never fails the request that asked for it: by then its transaction has committed (the student's
submission is saved), so a broker that does not answer is logged and the work is left to the sweepers, which
find what a lost message left undone from the rows themselves (a stale path, an attempt whose evidence is not
logged yet).
"""

from __future__ import annotations

import functools
import logging
import threading

import kombu.exceptions
import redis.exceptions
from django.db import transaction

from learning_platform.celery import app

logger = logging.getLogger(__name__)

# What a send raises when the broker is down, refuses the connection or times out (kombu wraps most of them in
# its OperationalError, but a timeout on an open connection can reach us as redis' own or as a socket error).
BROKER_ERRORS = (
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    ConnectionError,
    TimeoutError,
    OSError,
)


class _Send:
    """An after-commit callback that sends one task; `key` tells identical sends apart."""

    def __init__(self, task_name: str, args: tuple) -> None:
        self.key = (task_name, args)

    def __call__(self) -> None:
        task_name, args = self.key
        try:
            task_by_name(task_name).apply_async(args=args)
        except BROKER_ERRORS as error:
            # The transaction that asked for this has committed; failing now would tell the person their work
            # was lost when it was saved. The sweepers send it again from the rows once the broker is back.
            logger.warning(
                "could not send %s%r, left to the sweepers: %s: %s", task_name, args, error.__class__.__name__, error
            )


def enqueue_after_commit(task_name: str, *args) -> None:
    """Send `task_name(*args)` once the current transaction commits (in-process when no broker is set).

    Arguments must be JSON values (ids, not model instances). The same task with the same arguments asked
    for again while the first request is still waiting for the commit is sent once, so a burst (a seeded
    history, a key correction touching many attempts) coalesces into one message. It runs after the commit
    like the first, so it sees everything the transaction wrote; and a task whose own work changes what a
    later one reads (a mastery update) enqueues that later task itself.
    """
    send = _Send(task_name, args)
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        getattr(entry[1], "key", None) == send.key for entry in connection.run_on_commit
    ):
        return
    transaction.on_commit(send)


_importing = threading.Lock()


@functools.cache
def _tasks_imported() -> bool:
    # Importing every app's tasks module takes tens of milliseconds; once per process is enough. The lock
    # keeps a second thread from looking a task up while the first is still registering them.
    with _importing:
        app.loader.import_default_modules()
    return True


def task_by_name(task_name: str):
    """The registered task called `task_name` (every app's tasks module is imported once, on first use)."""
    _tasks_imported()
    try:
        return app.tasks[task_name]
    except KeyError:
        raise LookupError(f"No task is registered as {task_name!r}") from None
