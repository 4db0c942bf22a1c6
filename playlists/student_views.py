"""The student's pages over their daily path: Today, with choices, start and done; the path fragment the
assessment page waits on after a submit; and My progress."""

from __future__ import annotations


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HTMX_STOP_POLLING

from assessments.models import Assignment
from assessments.rules import assigned_to_q
from learners.models import LearnerProfile
from learners.selectors import own_profile, placement_status
from learning_platform.calendar import school_today
from learning_platform.charts import bar_chart
from learning_platform.pages import validation_message
from learning_platform.validation import MAX_TEXT, clean_text, parse_id
from playlists import selectors, services
from playlists.models import Activity, Playlist


def _own_profile(user) -> LearnerProfile:
    return own_profile(user=user)


def todays_path(profile: LearnerProfile) -> dict:
    """Today's path for its learner, built first when it is missing or stale: the items in order with their
    choices' titles and, for an assessment, the assignment to take it under; minutes and progress."""
    today = school_today(profile.school)
    services.path_ready(learner_id=profile.user_id, school=profile.school, school_day=today, reason="student_view")
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
            .order_by("due_at")
            .values_list("pk", "assessment_id")
        ):
            open_for.setdefault(assessment_id, assignment_id)
    progress = selectors.visits_progress(items)
    for item in items:
        item.choices = [choices[pk] for pk in item.alternatives if pk in choices]
        item.assignment_id = open_for.get(item.assessment_id)
        item.work = item.chosen_activity or item.activity
        item.progress = progress.get(item.pk)
    total = sum(item.minutes for item in items)
    done = sum(item.minutes for item in items if item.completed_at)
    return {
        "playlist": playlist,
        "items": items,
        "today": today,
        "minutes": total,
        "done_minutes": done,
        "done_items": sum(1 for item in items if item.completed_at),
        "percent": round(100 * done / total) if total else 0,
    }


@login_required
@require_GET
def today(request):
    """Today's path: what to do, in order, why, how long, with a choice of ways to learn, and how far along."""
    profile = _own_profile(request.user)
    placement = placement_status(learner=request.user)
    return render(request, "playlists/today.html", {"profile": profile, "placement": placement, **todays_path(profile)})


@login_required
@require_POST
def today_item(request, item_id: int):
    """Choose an alternative, start, or mark an item done."""
    profile = _own_profile(request.user)
    action = request.POST.get("action", "")
    try:
        if action == "choose":
            activity_id = parse_id("activity", request.POST.get("activity"), message="Pick one of the choices.")
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
@vary_on_headers("HX-Request")
def path_when_fresh(request):
    """Today's path as an HTML fragment once it is fresh, or 204 while its rebuild is under way. A submit marks the
    path stale in its own transaction, so after a submit "fresh" means rebuilt with the new answers; the
    assessment page polls this with htmx to show the new path without a reload. To htmx the fresh path answers
    286, which stops the polling, with the status line's new text swapped in out of band."""
    profile = _own_profile(request.user)
    today = school_today(profile.school)
    status = (
        Playlist.objects.filter(learner_id=profile.user_id, school_day=today).values_list("status", flat=True).first()
    )
    if status != Playlist.Status.FRESH:
        return HttpResponse(status=204)
    context = {"profile": profile, **todays_path(profile), "fragment": True}
    if request.htmx:
        return render(request, "playlists/_path_ready.html", context, status=HTMX_STOP_POLLING)
    return render(request, "playlists/_path.html", context)


@login_required
@require_POST
def exit_ticket(request, item_id: int):
    """Take the exit ticket the engine wrote on today's path: its questions are drawn now, then its page opens."""
    _own_profile(request.user)
    try:
        assignment = services.written_ticket_take(learner=request.user, item_id=item_id)
    except ValidationError as error:
        messages.error(request, validation_message(error))
        return redirect(f"{reverse('today')}#item-{item_id}")
    return redirect("take-assessment", assignment.pk)


# ---------------------------------------------------------------------------------------------------------
# An activity of the path: its lesson, worked examples and practice


def _activity_page_or_back(request, item_id: int):
    """Open the learner's activity; a day that is over sends them back to today's path with why."""
    selectors.own_activity_item(user=request.user, item_id=item_id)
    try:
        return services.activity_open(learner=request.user, item_id=item_id), None
    except ValidationError as error:
        messages.error(request, validation_message(error))
        return None, redirect("today")


@login_required
@require_GET
def activity(request, item_id: int):
    """An activity of the path, opened: its lesson, two worked examples, and practice questions answered one at a
    time with immediate feedback, hints and the worked solution."""
    profile = _own_profile(request.user)
    visit, back = _activity_page_or_back(request, item_id)
    if back:
        return back
    page = selectors.activity_page(visit=visit, school=profile.school)
    return render(request, "playlists/activity.html", {"profile": profile, **page})


def _practice_answer(post) -> str | list[str]:
    """The answer a practice form sent: a list for a multiple-select question, otherwise one text."""
    values = [clean_text("answer", value, max_length=MAX_TEXT, strip=False) for value in post.getlist("answer")]
    if post.get("kind") == "multiple_select":
        return values
    return values[0] if values else ""


@login_required
@require_POST
def activity_practice(request, item_id: int, practice_id: int):
    """Answer a practice question, open its next hint, or show how it is solved; back to the question."""
    _own_profile(request.user)
    selectors.own_activity_item(user=request.user, item_id=item_id)
    action = request.POST.get("action", "")
    try:
        answer = _practice_answer(request.POST) if action == "answer" else None
        services.activity_practice(
            learner=request.user, item_id=item_id, practice_id=practice_id, action=action, answer=answer
        )
    except ValidationError as error:
        messages.error(request, validation_message(error), extra_tags=f"practice-{practice_id}")
    return redirect(f"{reverse('today-activity', args=[item_id])}#q-{practice_id}")


@login_required
@require_POST
def activity_time(request, item_id: int):
    """The activity page reports that it is still open and in view (every 30 seconds): 204, or 400 with why."""
    _own_profile(request.user)
    selectors.own_activity_item(user=request.user, item_id=item_id)
    try:
        services.activity_time_record(learner=request.user, item_id=item_id)
    except ValidationError as error:
        return JsonResponse({"errors": {"item": [validation_message(error)]}}, status=400)
    return HttpResponse(status=204)


@login_required
@require_GET
def activity_link(request, item_id: int):
    """Follow the link of an activity that lives elsewhere (the path opens it in a new tab and stays open)."""
    _own_profile(request.user)
    selectors.own_activity_item(user=request.user, item_id=item_id)
    try:
        url = services.activity_link_follow(learner=request.user, item_id=item_id)
    except ValidationError as error:
        messages.error(request, validation_message(error))
        return redirect("today-activity", item_id)
    return HttpResponseRedirect(url)


# ---------------------------------------------------------------------------------------------------------
# My progress

CHART_WIDTH, CHART_HEIGHT = 480, 160


@login_required
@require_GET
def my_progress(request):
    """Mastery by domain and target in level words, growth week by week (a chart with its table), goals and how
    close each is, and what comes next on the path and why."""
    profile = _own_profile(request.user)
    progress = selectors.learner_progress(profile=profile, today=school_today(profile.school))
    path = todays_path(profile)
    weeks = progress["weeks"]
    return render(
        request,
        "playlists/my_progress.html",
        {
            "profile": profile,
            **progress,
            "chart": bar_chart(
                [(week["monday"].strftime("%b %-d"), week["share"]) for week in weeks],
                width=CHART_WIDTH,
                height=CHART_HEIGHT,
                value_max=100,
            ),
            "next_items": [item for item in path["items"] if not item.completed_at][:3],
        },
    )
