"""Sign-in throttling on top of django-axes: a username and an address each have their own failure limit.

django-axes counts failures per lockout parameter (`AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]`, each
on its own) but compares all of them with one limit. A school's students usually sign in from one address, so
the address's limit (LOGIN_ADDRESS_FAILURE_LIMIT) must be higher than a username's (LOGIN_FAILURE_LIMIT), or a
few mistyped passwords would lock out a whole building, and one student could do it on purpose.
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def client_address(request) -> str | None:
    """The address a sign-in comes from: REMOTE_ADDR, or, behind LOGIN_TRUSTED_PROXIES proxies, the address the
    outermost of them saw (the entry they appended to X-Forwarded-For; entries before it are the client's word)."""
    proxies = settings.LOGIN_TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


class SignInThrottleBackend(AxesStandaloneBackend):
    """django-axes' check before the password's, for sign-ins over HTTP.

    `authenticate()` without a request (the shell, a management command, the test client's `login()` in a
    benchmark) has no address to count and nobody guessing from outside, so it goes on to the password check;
    axes alone would refuse it with an error.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class UsernameAndAddressHandler(AxesDatabaseHandler):
    """Locks a username after LOGIN_FAILURE_LIMIT failures and an address after LOGIN_ADDRESS_FAILURE_LIMIT, both
    within the cool-off (AXES_COOLOFF_TIME) of the last failure."""

    def get_failures(self, request, credentials=None) -> int:
        by_username, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            # axes compares what this returns with AXES_FAILURE_LIMIT (the username's limit): report at least that.
            return max(by_username, settings.AXES_FAILURE_LIMIT)
        return by_username

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After a successful sign-in, forget that username's failures only.

        axes would also forget every failure from the address (its filter per lockout parameter), so someone
        guessing another student's password could clear the count by signing in as themselves in between.
        """
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count
