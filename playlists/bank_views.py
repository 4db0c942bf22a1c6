"""The teacher's activity catalog: browse it, and write and edit the school's own activities with a live preview.

Thin doors onto playlists.forms, playlists.services and playlists.selectors.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments.authoring import can_author
from assessments.selectors import BANK_PAGE_SIZE, authoring_schools, bank_choices
from learning_platform.pages import form_errors_add
from learning_platform.permissions import get_for_user, require_staff
from playlists.filters import ActivityFilterSet
from playlists import selectors, services
from playlists.forms import ActivityForm
from playlists.models import Activity


@login_required
@require_GET
def activities(request):
    """The activities the teacher's students may get, by grade, domain and target."""
    require_staff(request.user)
    filters = ActivityFilterSet(request.GET).bank_filters
    page = Paginator(selectors.catalog_activities(user=request.user, filters=filters), BANK_PAGE_SIZE)
    page = page.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "playlists/activities.html",
        {
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "authoring": authoring_schools(request.user),
            **bank_choices(grade=filters.grade, domain=filters.domain),
        },
    )


def _activity_form(request, *, activity: Activity | None):
    schools = authoring_schools(request.user)
    initial = ActivityForm.initial_from(activity) if activity else {"school": schools.first()}
    form = ActivityForm(request.POST or None, schools=schools, initial=initial)
    form.fields["school"].required = activity is None and form.fields["school"].required  # a saved one keeps its school
    if request.method == "POST" and form.is_valid():
        try:
            if activity is None:
                activity = services.activity_write(
                    author=request.user,
                    school=form.cleaned_data["school"] or schools.first(),
                    targets=form.cleaned_data["targets"],
                    **form.activity_fields(),
                )
            else:
                services.activity_update(
                    activity=activity, by=request.user, targets=form.cleaned_data["targets"], **form.activity_fields()
                )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, f"Saved “{activity.title}”.")
            return redirect("teach-bank-activity", activity.pk)
    return render(
        request,
        "playlists/activity_form.html",
        {
            "form": form,
            "activity": activity,
            "schools": schools,
            "initial_preview": selectors.activity_preview(activity.body) if activity else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_new(request):
    require_staff(request.user)
    return _activity_form(request, activity=None)


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, activity_id: int):
    activity = get_for_user(request.user, Activity.objects.filter(school__isnull=False), activity_id, "change")
    return _activity_form(request, activity=activity)


@login_required
@require_GET
def activity_detail(request, activity_id: int):
    """An activity as its students see it, with its targets and way of learning."""
    require_staff(request.user)
    activity = get_for_user(
        request.user, Activity.objects.select_related("school").prefetch_related("targets"), activity_id
    )
    return render(
        request,
        "playlists/activity_detail.html",
        {
            "activity": activity,
            "editable": can_author(request.user, activity.school),
        },
    )


@login_required
@require_POST
def activity_preview(request):
    """The live preview of the activity editor: the activity as its students see it, and what is wrong."""
    require_staff(request.user)
    form = ActivityForm(request.POST, schools=authoring_schools(request.user))
    form.is_valid()
    return render(
        request,
        "playlists/_activity_preview.html",
        {"form": form, "preview": selectors.activity_preview(request.POST.get("body", ""))},
    )
