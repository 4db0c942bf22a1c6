"""Pages of the school structure: sign-in lands on a home page that fits the person's roles."""
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from learning_platform import selectors
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
    """Liveness for load balancers and the demo script: answers once the database does."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})
