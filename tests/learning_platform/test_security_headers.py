"""The Content-Security-Policy and Permissions-Policy on every kind of answer, and no inline script or style left
for the policy to refuse: not in the templates, not in the pages they render."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from learning_platform.models import User

pytestmark = pytest.mark.django_db

CSP = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
}
DENIED = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED)

# An attribute that carries CSS, an event handler, a javascript: URL, a <style> element, or a <script> without src.
INLINE = re.compile(
    r"""\sstyle\s*=|\son[a-z]+\s*=|javascript:|<style[\s>]|<script(?![^>]*\ssrc=)[^>]*>""", re.IGNORECASE
)
TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"


def superuser() -> User:
    return User.objects.create_superuser(username="root", email="root@example.org", password="correct-horse-battery")


def answers(client, world):
    """(what, response) for one answer of every kind: pages, a redirect, the API, sign-in, the lockout page, the
    admin, health, a 404, a 403."""
    yield "sign-in page", client.get(reverse("login"))
    yield "health", client.get(reverse("health"))
    yield "not found", client.get("/no-such-page/")
    for _ in range(5):
        locked = client.post(reverse("login"), {"username": "far-student", "password": "wrong"})
    yield "lockout page", locked
    client.force_login(world.teacher)
    yield "redirect", client.get("/")
    yield "teacher page", client.get(reverse("teach-home"))
    yield "API", client.get(reverse("api-learner-detail", args=[world.student_profile.pk]))
    yield "API error", client.get(reverse("api-learner-detail", args=[world.far_student_profile.pk]))
    yield "admin refused", client.get(reverse("admin:index"))
    client.force_login(superuser())
    yield "admin", client.get(reverse("admin:index"))
    yield "admin list", client.get(reverse("admin:learning_platform_user_changelist"))


def test_every_kind_of_answer_carries_the_policies(client, world, settings):
    # No broker: /health/ answers 200 with tasks in-process (with Redis and no worker running it would say 503)
    settings.REDIS_URL = ""
    seen = []
    for what, response in answers(client, world):
        seen.append((what, response.status_code))
        # no 'unsafe-inline' or 'unsafe-eval': the directives are exactly these
        assert set(response["Content-Security-Policy"].split("; ")) == CSP, what
        assert response["Permissions-Policy"] == PERMISSIONS_POLICY, what
    assert seen == [
        ("sign-in page", 200),
        ("health", 200),
        ("not found", 404),
        ("lockout page", 429),
        ("redirect", 302),
        ("teacher page", 200),
        ("API", 200),
        ("API error", 404),
        ("admin refused", 302),
        ("admin", 200),
        ("admin list", 200),
    ]


def test_a_template_that_asks_for_the_nonce_gets_it_in_the_header(rf):
    # given the CSP middleware around a view that renders {{ CSP_NONCE }}
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse
    from django.template import engines

    def view(request):
        html = (
            engines["django"].from_string('<script nonce="{{ request.csp_nonce }}">1</script>').render(request=request)
        )
        return HttpResponse(html)

    request = rf.get("/")
    response = CSPMiddleware(view)(request)

    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"script-src 'self' 'nonce-{nonce}'" in response["Content-Security-Policy"].split("; ")


def test_no_template_has_inline_script_or_style():
    found = [
        f"{path.relative_to(TEMPLATES_DIR)}: {match.group(0)}"
        for path in sorted(TEMPLATES_DIR.rglob("*.html"))
        for match in INLINE.finditer(path.read_text())
    ]
    assert found == []


def rendered_pages(client, classroom):
    world, assignment = classroom.world, classroom.exit_ticket
    client.force_login(world.teacher)
    yield from (
        ("teacher home", reverse("teach-home")),
        ("grid", reverse("teach-grid", args=[world.section.pk])),
        ("student page", reverse("teach-learner", args=[world.student_profile.pk])),
        ("review", reverse("teach-review", args=[world.section.pk])),
        ("groups", reverse("teach-groups", args=[world.section.pk])),
        ("assign", reverse("teach-assign", args=[world.section.pk])),
        ("units", reverse("teach-units", args=[world.section.pk])),
        ("exit ticket", reverse("teach-exit-ticket", args=[world.section.pk])),
        ("scoring", reverse("teach-scoring")),
        ("score", reverse("teach-score", args=[classroom.open_response.pk])),
        ("summary", reverse("teach-summary", args=[classroom.rubric_task.pk])),
        ("evidence", reverse("teach-evidence", args=[world.student_profile.pk, classroom.bank.ratios.pk])),
    )
    client.force_login(world.student)
    yield from (
        ("today", reverse("today")),
        ("my progress", reverse("my-progress")),
        ("about me", reverse("about-me")),
        ("assessment", reverse("take-assessment", args=[assignment.pk])),
    )
    client.force_login(world.school_admin)
    yield from (
        ("dashboards", reverse("analytics-home")),
        ("school dashboard", reverse("analytics-school", args=[world.school.pk])),
        ("standards", reverse("analytics-school-standards", args=[world.school.pk])),
    )


def test_the_rendered_pages_have_no_inline_script_or_style(client, classroom):
    found, statuses = [], {}
    for what, url in rendered_pages(client, classroom):
        response = client.get(url, follow=True)
        statuses[what] = response.status_code
        found += [f"{what}: {match.group(0)}" for match in INLINE.finditer(response.content.decode())]
    assert set(statuses.values()) == {200}, statuses
    assert found == []


def test_the_admin_pages_have_no_inline_script_or_style(client, world):
    # Django's own templates, as Waypoint serves them (templates/admin/change_list.html replaces the one inline
    # <style> they have, on lists without actions)
    client.force_login(superuser())
    found = []
    for name, args in (
        ("admin:index", []),
        ("admin:learning_platform_user_changelist", []),
        ("admin:learning_platform_user_change", [world.teacher.pk]),
        ("admin:learning_platform_section_add", []),
        ("admin:axes_accessattempt_changelist", []),
        ("admin:axes_accesslog_changelist", []),
    ):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
        found += [f"{name}: {match.group(0)}" for match in INLINE.finditer(response.content.decode())]
    assert found == []
