"""The API keeps its OpenAPI contract: schemathesis generates requests from the live schema (/api/v1/schema/) for
every operation, as a teacher and as a student signed in with a session, and each answer must be no 500, carry a
documented status code and match the documented body. Bounded: a few derandomized examples per operation."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.learning_platform.test_fuzz import fuzz_world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

# Examples per operation and role: 33 operations x 2 roles x 5 stays well under three minutes in CI.
EXAMPLES = int(__import__("os").environ.get("CONTRACT_EXAMPLES", "5"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# A CSRF secret sent as both the cookie and the header, as the pages' scripts send theirs.
CSRF = "contracttestcsrfsecret0123456789"


@pytest.fixture
def wsgi_app():
    """Django's WSGI application in this test's transaction: the request keeps the test's connection open, as
    Django's test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def session_of(client, user) -> str:
    client.force_login(user)
    return client.cookies["sessionid"].value


@pytest.mark.parametrize("role", ["teacher", "student"])
def test_every_operation_keeps_the_contract(client, wsgi_app, fuzz_world, role):  # noqa: F811
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", wsgi_app)
    cookies = {"sessionid": session_of(client, getattr(fuzz_world.world, role)), "csrftoken": CSRF}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 33
    failures = []
    for operation in operations:
        failures += exercise(operation, wsgi_app, cookies, real_ids(fuzz_world, operation.path))
    assert not failures, "\n\n".join(failures)


def real_ids(w, path: str) -> dict:
    """The fuzz world's objects for an operation's path parameters, so examples reach past the 404."""
    ids = {
        "/learners/": {"id": w.world.student_profile.pk, "code": "6.RP.A.1"},
        "/sections/": {"id": w.world.section.pk},
        "/assignments/{assignment_id}/": {"assignment_id": w.quiz_assignment.pk},
        "/assessments/{assessment_id}/assignments/": {"assessment_id": w.quiz.pk},
        "/assessments/{assessment_id}/questions/": {"assessment_id": w.open_ticket.pk},
        "/attempts/": {"attempt_id": w.attempt.pk, "item_id": w.bank.items.numeric.pk},
        "/responses/": {"response_id": w.open_response.pk},
        "/items/{item_id}/key/": {"item_id": w.bank.items.numeric.pk},
        "/bank/items/": {"item_id": w.own_item.pk},
        "/bank/activities/": {"activity_id": w.own_activity.pk},
        "/path-overrides/": {"override_id": w.override.pk},
        "/path-items/": {"item_id": w.path_item.pk},
    }
    return next((values for part, values in ids.items() if part in path), {})


def exercise(operation, app, cookies, ids: dict) -> list[str]:
    failures: list[str] = []

    @settings(
        max_examples=EXAMPLES, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(case=operation.as_strategy(), real=st.booleans())
    def check(case, real):
        if real and case.path_parameters:
            case.path_parameters = {**case.path_parameters, **ids}
        # Each request in its own savepoint: what one example writes stays, a failed one cannot poison the next.
        with transaction.atomic():
            response = case.call(app=app, cookies=cookies, headers={"X-CSRFToken": CSRF})
        try:
            case.validate_response(response, checks=CHECKS)
        except (
            Exception,
            BaseExceptionGroup,
        ) as error:  # schemathesis' failure groups, each naming the check and the request
            failures.append(f"{operation.label}: {error}")

    check()
    return failures
