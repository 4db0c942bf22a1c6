"""Pages of the school structure: sign-in lands on a home page that fits the person's roles."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from learning_platform import selectors
from learning_platform.health import health_report
from learning_platform.permissions import roles_of


@login_required
@require_GET
def home(request):
    roles = roles_of(request.user)
    if roles.teacher_at and not (roles.student_at or roles.is_admin):
        # A teacher's day starts on their own home: who needs them, what to score, what is due.
        return redirect("teach-home")
    return render(request, "learning_platform/home.html", selectors.home_for_user(user=request.user))


@require_GET
def health(request):
    """Each dependency's state (database, broker, worker); 503 when one of them is down."""
    healthy, report = health_report()
    response = JsonResponse(report, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response
