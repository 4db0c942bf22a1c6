"""A section's pages over daily paths for its teachers: the paths of a day to review and approve, small groups
for tomorrow, assigning work, and units.

Thin doors: each parses the form, calls a service or a selector, and redirects with a message. A service's
ValidationError becomes a message on the page, and nothing is saved (services are atomic).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from assessments.models import LearningTarget
from learning_platform.calendar import next_school_day, school_today
from learning_platform.pages import validation_message
from learning_platform.permissions import get_for_user
from learning_platform.validation import MAX_TEXT, clean_text, parse_id
from playlists import selectors, services
from playlists.models import Activity, SmallGroup
from playlists.views.parsing import day_of, id_of, note_of, optional_id_of, section_for_staff


# ---------------------------------------------------------------------------------------------------------
# A section's paths for a day: review, then approve in one pass


@login_required
@require_http_methods(["GET", "POST"])
def section_review(request, section_id: int):
    """Every student's path for a day (default: the next school day) with its flags, built if missing or stale,
    and one button to approve them all."""
    section = section_for_staff(request.user, section_id)
    today = school_today(section.school)
    tomorrow = next_school_day(section.school, today)
    try:
        day = day_of(request.POST.get("day") or request.GET.get("day"), tomorrow)
        if day < today:
            raise ValidationError({"day": "Past days are history; review today or a later day."})
    except ValidationError as error:
        messages.error(request, validation_message(error))
        return redirect("teach-review", section.pk)
    if request.method == "POST":
        try:
            approval = services.section_paths_approve(teacher=request.user, section=section, school_day=day)
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            messages.success(request, f"Approved {approval.paths} paths for {day:%A %b %-d}.")
        return redirect(f"{reverse('teach-review', args=[section.pk])}?day={day.isoformat()}")
    services.section_paths_prepare(section=section, school_day=day)
    return render(
        request,
        "playlists/section_review.html",
        {
            "section": section,
            "day": day,
            "today": today,
            "tomorrow": tomorrow,
            **selectors.section_review(section=section, day=day),
        },
    )


# ---------------------------------------------------------------------------------------------------------
# Small groups for tomorrow, from today's exit tickets


@login_required
@require_http_methods(["GET", "POST"])
def section_groups(request, section_id: int):
    """Suggested small groups (students who missed the same target on today's exit tickets, with a mini-lesson),
    which the teacher edits and schedules for the next school day in one action; and the groups already planned."""
    section = section_for_staff(request.user, section_id)
    today = school_today(section.school)
    meets_on = next_school_day(section.school, today)
    if request.method == "POST":
        try:
            meets_on = day_of(request.POST.get("meets_on"), meets_on, "meets_on")
            plans = _group_plans(request.POST)
            planned = services.small_groups_plan(teacher=request.user, section=section, meets_on=meets_on, groups=plans)
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            members = sum(len(plan.student_ids) for plan in plans)
            messages.success(
                request,
                f"Scheduled {len(planned)} small group{'s' if len(planned) != 1 else ''} "
                f"({members} students) for {meets_on:%A %b %-d}.",
            )
        return redirect("teach-groups", section.pk)
    return render(
        request,
        "playlists/section_groups.html",
        {
            "section": section,
            "today": today,
            "meets_on": meets_on,
            **selectors.section_groups_page(section=section, today=today),
        },
    )


def _group_plans(post) -> list[services.GroupPlan]:
    """The groups the form schedules: each `group` index that is ticked, with its target, students and lesson."""
    plans = []
    for index in post.getlist("group"):
        target = LearningTarget.objects.filter(pk=id_of(post.get(f"target-{index}"), "target")).first()
        if target is None:
            raise ValidationError({"target": "A group names a learning target that does not exist."})
        student_ids = tuple(id_of(value, "student") for value in post.getlist(f"students-{index}"))
        lesson_id = post.get(f"activity-{index}")
        activity = Activity.objects.filter(pk=id_of(lesson_id, "activity")).first() if lesson_id else None
        if lesson_id and activity is None:
            raise ValidationError({"activity": "That mini-lesson does not exist."})
        plans.append(
            services.GroupPlan(
                target=target,
                student_ids=student_ids,
                activity=activity,
                note=clean_text("note", post.get(f"note-{index}"), max_length=MAX_TEXT),
            )
        )
    if not plans:
        raise ValidationError({"groups": "Tick at least one group to schedule."})
    return plans


@login_required
@require_POST
def group_leave(request, group_id: int):
    """Take one student out of a planned small group."""
    group = get_for_user(
        request.user, SmallGroup.objects.select_related("section__school", "target"), group_id, "change"
    )
    student = group.students.filter(pk=_int_or_404(request.POST.get("student"))).first()
    if student is None:
        raise Http404("Not found")
    try:
        services.small_group_leave(teacher=request.user, group=group, learner=student)
    except ValidationError as error:
        messages.error(request, validation_message(error))
    else:
        messages.success(request, f"{student} left the group on {group.target.code}.")
    return redirect("teach-groups", group.section_id)


def _int_or_404(value) -> int:
    try:
        return parse_id("student", value)
    except ValidationError:
        raise Http404("Not found") from None


# ---------------------------------------------------------------------------------------------------------
# Assigning work to a section, a group or chosen students


@login_required
@require_http_methods(["GET", "POST"])
def section_assign(request, section_id: int):
    """Assign an activity, an assessment or a learning target to the whole section, a planned small group or
    chosen students, from a first day to a due date."""
    section = section_for_staff(request.user, section_id)
    today = school_today(section.school)
    form = request.POST if request.method == "POST" else {}
    if request.method == "POST":
        try:
            message = services.section_assignment_apply(
                teacher=request.user, section=section, assignment=_assignment(request.POST, today)
            )
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            messages.success(request, message)
            return redirect("teach-assign", section.pk)
    return render(
        request,
        "playlists/section_assign.html",
        {
            "section": section,
            "today": today,
            "form": form,
            "chosen": set(form.getlist("students")) if form else set(),
            **selectors.section_assign_choices(section=section, today=today),
        },
    )


def _assignment(post, today) -> services.SectionAssignment:
    """What the assign form asks for: the work by id (in the field named by `what`), the audience, the days."""
    what = post.get("what", "")
    starts_on = day_of(post.get("starts_on"), today, "starts_on")
    return services.SectionAssignment(
        what=what,
        work_id=optional_id_of(post, what) if what in ("activity", "target", "assessment") else None,
        who=post.get("who", "section"),
        starts_on=starts_on,
        due=day_of(post.get("due"), starts_on, "due"),
        group_id=optional_id_of(post, "group"),
        student_ids=tuple(id_of(value, "student") for value in post.getlist("students")),
        note=note_of(post),
    )


# ---------------------------------------------------------------------------------------------------------
# Units: which targets a section works on, and when


@login_required
@require_http_methods(["GET", "POST"])
def section_units(request, section_id: int):
    """The section's units (current and coming), and a form to plan one: a name, its dates and its targets. The
    current unit's targets come first on every student's path and head the mastery grid."""
    section = section_for_staff(request.user, section_id)
    today = school_today(section.school)
    form = request.POST if request.method == "POST" else {}
    if request.method == "POST":
        try:
            starts_on = day_of(request.POST.get("starts_on"), today, "starts_on")
            ends_on = day_of(request.POST.get("ends_on"), starts_on, "ends_on")
            targets = selectors.learning_targets_chosen(
                ids=[id_of(value, "target") for value in request.POST.getlist("targets")]
            )
            unit = services.unit_plan_set(
                teacher=request.user,
                section=section,
                name=request.POST.get("name"),
                starts_on=starts_on,
                ends_on=ends_on,
                targets=targets,
            )
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            count = f"{len(targets)} target{'s' if len(targets) != 1 else ''}"
            messages.success(request, f"Planned “{unit.name}” ({count}), {starts_on:%b %-d} to {ends_on:%b %-d}.")
            return redirect("teach-units", section.pk)
    return render(
        request,
        "playlists/section_units.html",
        {
            "section": section,
            "today": today,
            "form": form,
            "chosen": set(form.getlist("targets")) if form else set(),
            **selectors.section_units_page(section=section, today=today),
        },
    )
