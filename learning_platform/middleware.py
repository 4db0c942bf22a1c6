"""Answering a request again when the database dropped its connection in the middle of it.

`CONN_HEALTH_CHECKS` replaces a reused connection that died while idle before a request's first query; this
middleware covers the rest: a connection lost while the request was running (the server restarted, a failover, an
administrator ended the session). A request that only reads (GET, HEAD, OPTIONS) is answered once more on a new
connection (and gets a 503 if that fails too: a restart takes a few seconds). A write is not repeated, because whether its transaction committed before the connection went is
unknown; it gets a 503 that says to try again, never a bare 500, and the pages and the assessment's autosave
retry on their own (every write service is safe to repeat, or refuses a repeat with a clear message).
"""

from __future__ import annotations

import logging
import sys

from django.core.signals import got_request_exception
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.utils.html import escape

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
RETRY_AFTER_SECONDS = 1
LOST_MESSAGE = "The connection to the database was lost while answering. Nothing needs redoing by hand: try again."


# How PostgreSQL and libpq say a connection is gone: the server ended it (57P01-57P03: shut down, crashed, not
# accepting connections yet), or the socket closed under a query.
LOST_SQLSTATES = frozenset({"57P01", "57P02", "57P03", "08000", "08003", "08006"})
LOST_MESSAGES = (
    "server closed the connection",
    "terminating connection",
    "connection already closed",
    "could not connect to server",
    "connection to server",
    "ssl connection has been closed",
)


def connection_lost(error: BaseException) -> bool:
    """Whether `error` came from a database connection that is gone (not from a query the database refused)."""
    if not isinstance(error, (InterfaceError, OperationalError)):
        return False
    if isinstance(error, InterfaceError):
        return True
    cause = error.__cause__ or error
    if getattr(cause, "pgcode", None) in LOST_SQLSTATES or any(text in str(cause).lower() for text in LOST_MESSAGES):
        return True
    # psycopg2 sets `closed` once it has noticed the loss.
    return any(
        connection.connection is None or getattr(connection.connection, "closed", 0)
        for connection in connections.all(initialized_only=True)
    )


def _close_broken_connections() -> None:
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DatabaseError:
            # Closing a connection the server already dropped can itself fail; it is gone either way.
            connection.connection = None


def _lost_answer(request):
    """JSON for the API, a page of its own for a form (no template: the database may still be away)."""
    if request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"detail": LOST_MESSAGE, "errors": {"database": [LOST_MESSAGE]}}, status=503)
    # A page that only reads loads itself again after a moment; a form's post is left to the person to resend.
    refresh = (
        f'<meta http-equiv="refresh" content="{RETRY_AFTER_SECONDS * 2}">' if request.method in SAFE_METHODS else ""
    )
    page = (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{refresh}'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Try again · Waypoint</title>'
        f'<link rel="stylesheet" href="{escape(static("waypoint/site.css"))}"></head><body><main id="main">'
        f"<h1>Try again</h1><p>{escape(LOST_MESSAGE)}</p>"
        f'<p><a href="{escape(request.get_full_path())}">Back to the page</a></p></main></body></html>'
    )
    return HttpResponse(page, status=503)


class DroppedConnectionRetryMiddleware:
    """Outermost of the database-using middleware: see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not self._lost(request):
            return response
        if request.method in SAFE_METHODS:
            logger.warning("database connection lost during %s %s; answering it again", request.method, request.path)
            response = self.get_response(request)
            if not self._lost(request):
                return response
        # A write, or a read whose second try found the database still away (a restart takes a few seconds).
        logger.warning("database connection lost during %s %s; answered 503", request.method, request.path)
        answer = _lost_answer(request)
        answer["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return answer

    @staticmethod
    def _lost(request) -> bool:
        """Whether the pass that just ended lost its connection; if so, the broken connections are closed."""
        if getattr(request, "_database_connection_lost", None) is None:
            return False
        request._database_connection_lost = None
        _close_broken_connections()
        return True


@receiver(got_request_exception, dispatch_uid="learning_platform.middleware.note_lost_connection")
def _note_lost_connection(sender, request=None, **kwargs):
    """Note on the request that it failed on a lost connection, wherever the error came from: a view, or a
    middleware inside this one (the audit log's reads the signed-in user from the session). Django sends this
    signal while it turns the error into a 500, so the error is the one being handled."""
    error = sys.exc_info()[1]
    if request is not None and error is not None and connection_lost(error):
        request._database_connection_lost = error
