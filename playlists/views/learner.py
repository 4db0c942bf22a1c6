"""A student's page for their teacher: today's path (or another day's) with its reasons, mastery around it, and
the teacher's say over it, one change at a time.

Thin doors: each parses the form, calls a service or a selector, and redirects with a message. A service's
ValidationError becomes a message on the page, and nothing is saved (services are atomic).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from learning_platform.calendar import school_today
from learning_platform.pages import validation_message
from playlists import selectors, services
from playlists.views.parsing import day_of, note_of, optional_id_of


@login_required
@require_GET
def learner_page(request, learner_id: int):
    """A student for their teacher: profile, mastery around today's targets and across the framework, the
    path of a day with its reasons and the teacher's say over it, the log of changes, and past days."""
    profile = selectors.staff_profile_get(user=request.user, learner_id=learner_id)
    today = school_today(profile.school)
    try:
        day = day_of(request.GET.get("day"), today)
    except ValidationError as error:
        messages.error(request, validation_message(error))
        day = today
    built = services.path_ready(
        learner_id=profile.user_id, school=profile.school, school_day=day, reason="teacher_view"
    )
    context = selectors.learner_page(user=request.user, profile=profile, day=day, today=today, path_built=built)
    return render(request, "playlists/learner_page.html", context)


def _path_edit(post, today) -> services.PathEdit:
    """The change the student's page posts: its action, day and the ids, dates and note it names."""
    return services.PathEdit(
        action=post.get("action", ""),
        day=day_of(post.get("day"), today),
        item_id=optional_id_of(post, "item"),
        override_id=optional_id_of(post, "override"),
        activity_id=optional_id_of(post, "activity"),
        assessment_id=optional_id_of(post, "assessment"),
        section_id=optional_id_of(post, "section"),
        ends_on=day_of(post.get("ends_on"), None, "ends_on"),
        due=day_of(post.get("due"), None, "due"),
        note=note_of(post),
    )


@login_required
@require_POST
def learner_path_change(request, learner_id: int):
    """One change to a student's path for a day: pin an activity, remove, lock or move an item, teach its target
    in a small group, assign an assessment to the student, or take back an earlier change. The path is rebuilt
    at once so the page shows the change."""
    profile = selectors.staff_profile_get(user=request.user, learner_id=learner_id)
    today = school_today(profile.school)
    day = today
    try:
        day = day_of(request.POST.get("day"), today)
        done = services.path_edit_apply(teacher=request.user, profile=profile, edit=_path_edit(request.POST, today))
    except ValidationError as error:
        messages.error(request, validation_message(error))
    else:
        if day >= today:
            services.playlist_rebuild(learner_id=profile.user_id, reason="teacher_page", school_day=day)
        messages.success(request, done)
    url = reverse("teach-learner", args=[profile.user_id])
    return redirect(f"{url}?day={day.isoformat()}#path" if day != today else f"{url}#path")
