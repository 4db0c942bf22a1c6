"""Production settings refuse a weak SECRET_KEY and hash passwords with Argon2 first.

The settings module is imported in a fresh interpreter, with the environment a deployment would give it, so these
tests read the settings production gets rather than the test run's (whose autouse fixture swaps in MD5).
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

import pytest

from tests.conftest import ROOT

GENERATE = 'Generate one with: python -c "import secrets; print(secrets.token_urlsafe(50))"'


def import_settings(**env: str) -> subprocess.CompletedProcess:
    """`import learning_platform.settings` in a new process with `env` on top of this one's, printing the
    password hashers and the sign-in limits as JSON."""
    code = (
        "import json; from learning_platform import settings as s; "
        "print(json.dumps({'hashers': s.PASSWORD_HASHERS, 'limits': [s.AXES_FAILURE_LIMIT, "
        "s.LOGIN_ADDRESS_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds()]}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "key, reason",
    [
        ("", "SECRET_KEY must be set when DEBUG is off"),
        ("x", "SECRET_KEY is 1 characters long; it needs at least 50"),
        ("a" * 49, "SECRET_KEY is 49 characters long; it needs at least 50"),
        ("abab" * 20, "SECRET_KEY has 2 distinct characters; it needs at least 5"),
        (
            "django-insecure-" + secrets.token_urlsafe(50),
            "SECRET_KEY starts with 'django-insecure-', the throwaway prefix of a generated development key",
        ),
    ],
)
def test_a_weak_secret_key_is_refused_with_debug_off(key, reason):
    result = import_settings(DEBUG="false", SECRET_KEY=key)

    assert result.returncode != 0
    assert f"django.core.exceptions.ImproperlyConfigured: {reason}. {GENERATE}" in result.stderr


def test_a_strong_secret_key_is_accepted_and_argon2_hashes_first():
    result = import_settings(DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50))

    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["hashers"] == [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
        "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
        "django.contrib.auth.hashers.ScryptPasswordHasher",
    ]
    assert loaded["limits"] == [5, 50, 900.0]


def test_debug_on_keeps_the_development_key():
    assert import_settings(DEBUG="true", SECRET_KEY="").returncode == 0


def test_the_sign_in_limits_come_from_the_environment_and_bad_values_are_refused():
    result = import_settings(LOGIN_FAILURE_LIMIT="3", LOGIN_ADDRESS_FAILURE_LIMIT="40", LOGIN_COOLOFF_MINUTES="30")
    assert json.loads(result.stdout.strip().splitlines()[-1])["limits"] == [3, 40, 1800.0]

    refused = import_settings(LOGIN_FAILURE_LIMIT="five")
    assert refused.returncode != 0
    assert "ImproperlyConfigured: LOGIN_FAILURE_LIMIT must be a whole number, not 'five'" in refused.stderr
    assert "LOGIN_COOLOFF_MINUTES must be at least 1, not 0" in import_settings(LOGIN_COOLOFF_MINUTES="0").stderr


@pytest.mark.django_db
def test_an_old_pbkdf2_hash_still_signs_in_and_is_upgraded_to_argon2(client, world, settings):
    # given the production hashers and a password stored with PBKDF2 before Argon2 came first
    from django.contrib.auth.hashers import make_password

    from learning_platform.settings import PASSWORD_HASHERS

    settings.PASSWORD_HASHERS = PASSWORD_HASHERS
    teacher = world.teacher
    teacher.password = make_password("correct-horse-battery", hasher="pbkdf2_sha256")
    teacher.save(update_fields=["password"])

    # when they sign in
    response = client.post("/accounts/login/", {"username": "teacher", "password": "correct-horse-battery"})

    # then they are in, and their hash is now Argon2
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.password.startswith("argon2$argon2id$")
