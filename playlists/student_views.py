"""The student's pages over their daily path: Today, with choices, start and done, and the path fragment the
assessment page waits on after a submit."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from assessments.models import Assignment
from assessments.rules import assigned_to_q
from learners.models import LearnerProfile
from learning_platform.pages import validation_message
from playlists import selectors, services
from playlists.models import Activity, Playlist


def _own_profile(user) -> LearnerProfile:
    profile = LearnerProfile.objects.select_related("school").filter(user=user).first() if user.is_authenticated else None
    if profile is None:
        raise Http404("Not found")
    return profile


def todays_path(profile: LearnerProfile) -> dict:
    """Today's path for its learner, built first when it is missing or stale: the items in order with their
    choices' titles and, for an assessment, the assignment to take it under; minutes and progress."""
    today = services.school_today(profile.school)
    status = Playlist.objects.filter(learner_id=profile.user_id, school_day=today).values_list("status", flat=True).first()
    if status != Playlist.Status.FRESH:
        services.playlist_rebuild(learner_id=profile.user_id, reason="student_view", school_day=today)
    playlist = selectors.playlist_for_learner(user=profile.user, learner_id=profile.user_id, day=today)
    items = selectors.path_items_of(playlist)
    choices = {
        activity.pk: activity
        for activity in Activity.objects.filter(pk__in={pk for item in items for pk in item.alternatives})
    }
    open_for = {}
    assessment_ids = [item.assessment_id for item in items if item.assessment_id]
    if assessment_ids:
        for assignment_id, assessment_id in (
            Assignment.objects.filter(assigned_to_q(profile.user), assessment_id__in=assessment_ids)
            .order_by("due_at").values_list("pk", "assessment_id")
        ):  # fmt: skip
            open_for.setdefault(assessment_id, assignment_id)
    for item in items:
        item.choices = [choices[pk] for pk in item.alternatives if pk in choices]
        item.assignment_id = open_for.get(item.assessment_id)
        item.work = item.chosen_activity or item.activity
    total = sum(item.minutes for item in items)
    done = sum(item.minutes for item in items if item.completed_at)
    return {
        "playlist": playlist, "items": items, "today": today, "minutes": total, "done_minutes": done,
        "done_items": sum(1 for item in items if item.completed_at),
        "percent": round(100 * done / total) if total else 0,
    }  # fmt: skip


@login_required
@require_GET
def today(request):
    """Today's path: what to do, in order, why, how long, with a choice of ways to learn, and how far along."""
    profile = _own_profile(request.user)
    return render(request, "playlists/today.html", {"profile": profile, **todays_path(profile)})


@login_required
@require_POST
def today_item(request, item_id: int):
    """Choose an alternative, start, or mark an item done."""
    profile = _own_profile(request.user)
    action = request.POST.get("action", "")
    try:
        if action == "choose":
            try:
                activity_id = int(request.POST.get("activity", ""))
            except ValueError:
                raise ValidationError({"activity": "Pick one of the choices."}) from None
            item = services.playlist_item_choose(learner=request.user, item_id=item_id, activity_id=activity_id)
            messages.success(request, f"You picked “{item.chosen_activity}”.")
        elif action == "start":
            services.playlist_item_start(learner=request.user, item_id=item_id)
        elif action == "done":
            services.playlist_item_complete(learner=request.user, item_id=item_id)
            services.playlist_rebuild(learner_id=profile.user_id, reason="completed")
            messages.success(request, "Done! Nice work.")
        else:
            raise ValidationError({"action": f"Unknown action {action!r}."})
    except ValidationError as error:
        messages.error(request, validation_message(error))
    return redirect(f"{reverse('today')}#item-{item_id}")


@login_required
@require_GET
def path_when_fresh(request):
    """Today's path as an HTML fragment once it is fresh, or 204 while its rebuild is under way. A submit marks the
    path stale in its own transaction, so after a submit "fresh" means rebuilt with the new answers; the
    assessment page polls this to show the new path without a reload."""
    profile = _own_profile(request.user)
    today = services.school_today(profile.school)
    status = Playlist.objects.filter(learner_id=profile.user_id, school_day=today).values_list("status", flat=True).first()
    if status != Playlist.Status.FRESH:
        return HttpResponse(status=204)
    return render(request, "playlists/_path.html", {"profile": profile, **todays_path(profile), "fragment": True})
