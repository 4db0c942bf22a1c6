"""Sign-in throttling (django-axes): a username is locked after 5 failures, an address after its own higher limit,
the lockout page says so, and an admin (or `axes_reset_username`) unlocks."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from learning_platform.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # the factories' password (tests/factories.py)
LOCKED = "Too many failed sign-ins."


def sign_in(client, username: str, password: str, address: str = "127.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in_as(client) -> str | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id).username if user_id else None


def fail(client, username: str, times: int, address: str = "127.0.0.1") -> list[int]:
    return [sign_in(client, username, "not-the-password", address).status_code for _ in range(times)]


def test_five_wrong_passwords_lock_the_username_and_the_right_one_is_then_refused(client, world):
    # given four wrong passwords, each answered with the form again; the fifth locks the username
    assert fail(client, "teacher", 4) == [200, 200, 200, 200]
    locking = sign_in(client, "teacher", "not-the-password")
    assert locking.status_code == 429

    # when the right password comes next
    response = sign_in(client, "teacher", PASSWORD)

    # then it is refused with the lockout page, and nobody is signed in
    assert response.status_code == 429
    assert "registration/locked_out.html" in [template.name for template in response.templates]
    html = response.content.decode()
    assert (
        "Too many failed sign-ins. Signing in as teacher from here is paused for 15 minutes; "
        "try again then, or ask your school's admin to unlock the account."
    ) in html
    assert signed_in_as(client) is None
    assert AccessAttempt.objects.get(username="teacher").failures_since_start == 5


def test_the_lockout_follows_the_username_to_another_address(client, world):
    fail(client, "teacher", 5, address="10.0.0.1")

    response = sign_in(client, "teacher", PASSWORD, address="10.0.0.2")

    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert signed_in_as(client) is None


def test_four_failures_then_the_right_password_signs_in_and_forgets_them(client, world):
    fail(client, "teacher", 4)

    response = sign_in(client, "teacher", PASSWORD)

    assert response.status_code == 302 and signed_in_as(client) == "teacher"
    assert AccessAttempt.objects.filter(username="teacher").count() == 0


def test_an_address_is_locked_after_its_own_limit_across_usernames(client, world, settings):
    # given an address limit of 6, and wrong passwords from one address: 3 for teacher and 2 for other-teacher
    # (each under the username limit of 5), then a sixth for student, which locks the address
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 6
    assert fail(client, "teacher", 3, address="10.0.0.9") == [200, 200, 200]
    assert fail(client, "other-teacher", 2, address="10.0.0.9") == [200, 200]
    assert fail(client, "student", 1, address="10.0.0.9") == [429]

    # when someone else signs in from that address with the right password
    refused = sign_in(client, "other-student", PASSWORD, address="10.0.0.9")
    # and from another address
    elsewhere = sign_in(client, "other-student", PASSWORD, address="10.0.0.10")

    # then the address is locked and the other address is not
    assert refused.status_code == 429 and LOCKED in refused.content.decode()
    assert elsewhere.status_code == 302 and signed_in_as(client) == "other-student"


def test_the_address_limit_defaults_higher_than_the_username_limit(settings):
    # a school's students share an address: five mistyped passwords there must not lock out the building
    assert (settings.LOGIN_FAILURE_LIMIT, settings.LOGIN_ADDRESS_FAILURE_LIMIT, settings.LOGIN_COOLOFF_MINUTES) == (
        5,
        50,
        15,
    )


def test_signing_in_as_yourself_does_not_clear_the_failures_on_someone_else(client, world):
    # given four wrong guesses at teacher's password from one address
    fail(client, "teacher", 4, address="10.0.0.3")
    # when the guesser signs in as themselves from the same address, signs out, and guesses once more
    assert sign_in(client, "other-teacher", PASSWORD, address="10.0.0.3").status_code == 302
    client.post(reverse("logout"))
    assert fail(client, "teacher", 1, address="10.0.0.3") == [429]

    # then teacher is locked
    assert sign_in(client, "teacher", PASSWORD, address="10.0.0.4").status_code == 429


def test_axes_reset_username_unlocks(client, world):
    fail(client, "teacher", 5)
    assert sign_in(client, "teacher", PASSWORD).status_code == 429

    call_command("axes_reset_username", "teacher")

    response = sign_in(client, "teacher", PASSWORD)
    assert response.status_code == 302 and signed_in_as(client) == "teacher"


def staff(user: User) -> User:
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


def changelist() -> str:
    return reverse("admin:axes_accessattempt_changelist")


def test_a_school_admin_sees_their_peoples_lockouts_and_unlocks_them(client, world):
    # given teacher (Lincoln) locked out, and failures on a username nobody has
    fail(client, "teacher", 5)
    fail(client, "nobody-by-this-name", 2, address="10.0.0.5")
    admin_client = client.__class__()
    admin_client.force_login(staff(world.school_admin))

    # when Lincoln's admin opens the access attempts, and unlocks teacher's
    page = admin_client.get(changelist())
    assert page.status_code == 200
    assert [attempt.username for attempt in page.context["cl"].result_list] == ["teacher"]
    attempt = AccessAttempt.objects.get(username="teacher")
    response = admin_client.post(changelist(), {"action": "unlock", "_selected_action": [attempt.pk]}, follow=True)

    # then the attempt is gone and teacher signs in again
    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]] == [
        "Unlocked: 1 failed sign-in record(s) forgotten."
    ]
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["nobody-by-this-name"]
    assert sign_in(client, "teacher", PASSWORD).status_code == 302


def test_another_schools_admin_neither_sees_nor_unlocks_a_lockout(client, world):
    fail(client, "teacher", 5)
    attempt = AccessAttempt.objects.get(username="teacher")
    admin_client = client.__class__()
    admin_client.force_login(staff(world.other_school_admin))

    page = admin_client.get(changelist())
    admin_client.post(changelist(), {"action": "unlock", "_selected_action": [attempt.pk]})
    detail = admin_client.get(reverse("admin:axes_accessattempt_change", args=[attempt.pk]))

    assert page.status_code == 200 and list(page.context["cl"].result_list) == []
    assert detail.status_code == 302  # the admin sends an object out of reach back to the index
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_a_teacher_with_is_staff_gets_no_access_attempts(client, world):
    client.force_login(staff(world.teacher))

    assert client.get(changelist()).status_code == 403


def test_the_api_still_authenticates_by_session(client, world):
    # the throttling backend must not get in the way of DRF's session authentication
    client.force_login(world.teacher)

    response = client.get(reverse("api-learner-detail", args=[world.student_profile.pk]))

    assert response.status_code == 200 and response.json()["id"] == world.student_profile.pk
