"""The teacher's pages over daily paths: a student's page with today's path and the teacher's say over it,
a section's paths to review and approve, small groups for tomorrow, and assigning work.

Thin doors: each parses the form, calls a service or a selector, and redirects with a message. A service's
ValidationError becomes a message on the page, and nothing is saved (services are atomic).
"""
from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments.models import Assessment, LearningTarget
from assessments.services import assignment_create
from learners.models import LEVEL_ORDER, MasteryLevel
from learners.selectors import mastery_for_learner
from learning_platform.calendar import next_school_day, school_days_span, school_today
from learning_platform.models import School, Section, User, active_enrollment_q
from learning_platform.pages import validation_message
from learning_platform.permissions import can, get_for_user, roles_of
from learning_platform.validation import MAX_TEXT, clean_text, parse_date, parse_id
from playlists import selectors, services
from playlists.models import (
    Activity, PathApproval, PathChange, PathOverride, Playlist, PlaylistItem, SmallGroup, UnitPlan,
)  # fmt: skip

LEVEL_LABELS = dict(MasteryLevel.choices)
FLAG_LABELS = {"small_group": "Small group proposed", "no_questions": "No questions yet",
               "exit_ticket_no_time": "No time for an exit ticket", "over_budget": "Over the day's minutes"}


def labelled_flags(flags: list[dict]) -> list[dict]:
    """The engine's flags with the words the pages show for their kinds."""
    return [{**flag, "label": FLAG_LABELS.get(flag["kind"], flag["kind"])} for flag in flags]


def _day(value: str | None, default: datetime.date, name: str = "day") -> datetime.date:
    return parse_date(name, value, default=default)


def _note(post) -> str:
    return clean_text("note", post.get("note"), max_length=MAX_TEXT)


def _section_for_staff(user, section_id: int) -> Section:
    return get_for_user(user, Section.objects.select_related("school", "term"), section_id, "change")


# ---------------------------------------------------------------------------------------------------------
# A student's page


@login_required
@require_GET
def learner_page(request, learner_id: int):
    """A student for their teacher: profile, mastery around today's targets and across the framework, the
    path of a day with its reasons and the teacher's say over it, the log of changes, and past days."""
    profile = selectors.staff_profile_get(user=request.user, learner_id=learner_id)
    today = school_today(profile.school)
    try:
        day = _day(request.GET.get("day"), today)
    except ValidationError as error:
        messages.error(request, validation_message(error))
        day = today
    playlist, items = None, []
    if services.path_ready(learner_id=profile.user_id, school=profile.school, school_day=day, reason="teacher_view"):
        playlist = selectors.playlist_for_learner(user=request.user, learner_id=profile.user_id, day=day)
        items = selectors.path_items_of(playlist)
        playlist.flags = labelled_flags(playlist.flags)
    path_target_ids = {item.target_id for item in items if item.target_id}
    mastery = mastery_for_learner(user=request.user, profile=profile)
    by_domain: dict[str, dict[str, int]] = {}
    for row in mastery:
        domain = row["target"].split(".")[1] if row["target"].count(".") >= 1 else row["target"]
        counts = by_domain.setdefault(f"{row['target'].split('.')[0]}.{domain}", {level: 0 for level in LEVEL_ORDER})
        counts[row["level"]] += 1
    neighbourhood = selectors.learner_neighbourhood(profile=profile, target_ids=path_target_ids)
    near_ids = path_target_ids | {t.pk for row in neighbourhood for t, level in row["requires"] + row["leads_to"]
                                  if level not in ("proficient", "mastered")}  # fmt: skip
    pinnable = (
        Activity.objects.usable_at(profile.school).filter(targets__in=near_ids)
        .distinct().order_by("title").prefetch_related("targets")[:80]
    )  # fmt: skip
    sections = Section.objects.filter(active_enrollment_q("enrollments__"), enrollments__student_id=profile.user_id)
    if not request.user.is_superuser:
        sections = sections.filter(Q(teachers=request.user) | Q(school__in=_admin_schools(request.user)))
    context = {
        "profile": profile, "student": profile.user, "day": day, "today": today, "is_today": day == today,
        "editable": day >= today, "playlist": playlist, "items": items,
        "minutes": sum(item.minutes for item in items),
        "mastery": mastery, "by_domain": sorted(by_domain.items()), "levels": MasteryLevel.choices,
        "neighbourhood": [
            {**row, "level_label": LEVEL_LABELS[row["level"]],
             "requires": [(t, level, LEVEL_LABELS[level]) for t, level in row["requires"]],
             "leads_to": [(t, level, LEVEL_LABELS[level]) for t, level in row["leads_to"]]}
            for row in neighbourhood
        ],
        "goals": profile.goals.select_related("target").filter(status="active"),
        "overrides": PathOverride.objects.filter(learner_id=profile.user_id, ends_on__gte=today)
        .select_related("activity", "assessment", "target", "teacher").order_by("starts_on", "pk"),
        "changes": PathChange.objects.filter(learner_id=profile.user_id).select_related("teacher")[:20],
        "past_days": list(Playlist.objects.filter(learner_id=profile.user_id).exclude(school_day=day)
                          .order_by("-school_day").values_list("school_day", flat=True)[:10]),
        "pinnable": pinnable,
        "assessments": Assessment.objects.filter(school=profile.school).order_by("-created_at")[:40],
        "sections": list(sections.distinct()),
    }  # fmt: skip
    return render(request, "playlists/learner_page.html", context)


def _admin_schools(user):
    roles = roles_of(user)
    return School.objects.filter(Q(pk__in=roles.school_admin_of) | Q(district_id__in=roles.district_admin_of))


def _learner_item(profile, item_id) -> PlaylistItem:
    message = "That item is not on this student's path."
    item = PlaylistItem.objects.select_related("playlist", "target").filter(
        pk=parse_id("item", item_id, message=message), playlist__learner_id=profile.user_id
    ).first()
    if item is None:
        raise ValidationError({"item": message})
    return item


def _optional_date(value: str | None, name: str) -> datetime.date | None:
    return parse_date(name, value, default=None)


@login_required
@require_POST
def learner_path_change(request, learner_id: int):
    """One change to a student's path for a day: pin an activity, remove, lock or move an item, teach its target
    in a small group, assign an assessment to the student, or take back an earlier change. The path is rebuilt
    at once so the page shows the change."""
    profile = selectors.staff_profile_get(user=request.user, learner_id=learner_id)
    today = school_today(profile.school)
    post = request.POST
    day = today
    try:
        day = _day(post.get("day"), today)
        done = _path_change(request.user, profile, day, post)
    except ValidationError as error:
        messages.error(request, validation_message(error))
    else:
        if day >= today:
            services.playlist_rebuild(learner_id=profile.user_id, reason="teacher_page", school_day=day)
        messages.success(request, done)
    url = reverse("teach-learner", args=[profile.user_id])
    return redirect(f"{url}?day={day.isoformat()}#path" if day != today else f"{url}#path")


def _path_change(teacher, profile, day: datetime.date, post) -> str:
    action = post.get("action", "")
    learner = profile.user
    if action == "undo":
        override = PathOverride.objects.filter(pk=_int(post.get("override"), "override"),
                                               learner_id=profile.user_id).first()  # fmt: skip
        if override is None:
            raise ValidationError({"override": "That change is not on this student's path."})
        description = override.describe()
        services.path_override_delete(teacher=teacher, override=override)
        return f"Took back: {description}."
    if action == "pin":
        activity = Activity.objects.filter(pk=_int(post.get("activity"), "activity")).first()
        if activity is None:
            raise ValidationError({"activity": "Choose an activity to add."})
        services.path_override_create(
            teacher=teacher, learner=learner, action="pin", activity=activity, starts_on=day,
            ends_on=_optional_date(post.get("ends_on"), "ends_on") or day,
            due=_optional_date(post.get("due"), "due"), note=_note(post),
        )  # fmt: skip
        return f"Pinned “{activity}” to {learner}'s path."
    if action == "assign_assessment":
        assessment = _school_assessment(post, profile.school)
        section = _learner_section(teacher, profile, post.get("section"))
        due = _optional_date(post.get("due"), "due") or day
        opens_at, due_at = school_days_span(profile.school, day, due)
        assignment_create(assessment=assessment, section=section, opens_at=opens_at, due_at=due_at,
                          assigned_by=teacher, students=[learner])  # fmt: skip
        return f"Assigned “{assessment}” to {learner}, due {due:%a %b %-d}."
    item = _learner_item(profile, post.get("item"))
    if action == "group":
        if item.target is None:
            raise ValidationError({"item": "That item has no learning target to teach in a group."})
        section = _learner_section(teacher, profile, post.get("section"))
        services.small_groups_plan(teacher=teacher, section=section, meets_on=day, groups=[
            services.GroupPlan(target=item.target, student_ids=(profile.user_id,))
        ])  # fmt: skip
        return f"{learner} joins the small group on {item.target.code} on {day:%a %b %-d}."
    if item.kind == PlaylistItem.Kind.GROUP_SESSION:
        group = SmallGroup.objects.filter(students=learner, meets_on=day, target=item.target).select_related(
            "section__school", "target").first()  # fmt: skip
        if action == "remove" and group is not None:
            services.small_group_leave(teacher=teacher, group=group, learner=learner)
            return f"{learner} left the small group on {group.target.code}."
        raise ValidationError({"item": "A group session is changed on the small groups page."})
    if item.kind == PlaylistItem.Kind.EXIT_TICKET:
        raise ValidationError({"item": "The exit ticket the engine writes checks the day's work: it changes with the "
                                       "path, and comes last."})  # fmt: skip
    work = {"activity": item.chosen_activity or item.activity} if item.kind == "activity" else {
        "assessment": item.assessment}  # fmt: skip
    if action in ("remove", "lock"):
        services.path_override_create(teacher=teacher, learner=learner, action=action, starts_on=day,
                                      target=item.target if item.kind == "activity" else None, **work)  # fmt: skip
        work_name = item.chosen_activity or item.activity or item.assessment
        return f"{'Removed' if action == 'remove' else 'Locked'} “{work_name}”."
    if action in ("up", "down"):
        order = list(item.playlist.items.order_by("position").values_list("pk", flat=True))
        place = order.index(item.pk) + (0 if action == "up" else 2)
        if place < 1 or place > len(order):
            raise ValidationError({"item": f"That item is already {'first' if action == 'up' else 'last'}."})
        services.path_override_create(teacher=teacher, learner=learner, action="move", starts_on=day,
                                      position=place, target=item.target if item.kind == "activity" else None,
                                      **work)  # fmt: skip
        return f"Moved “{item.chosen_activity or item.activity or item.assessment}” to place {place}."
    raise ValidationError({"action": f"Unknown change {action!r}."})


def _school_assessment(post, school) -> Assessment:
    """The school's assessment the form names, or ValidationError."""
    assessment = Assessment.objects.filter(pk=_int(post.get("assessment"), "assessment"), school=school).first()
    if assessment is None:
        raise ValidationError({"assessment": "Choose one of the school's assessments."})
    return assessment


def _int(value, name: str) -> int:
    words = name.replace("_", " ")
    return parse_id(name, value, message=f"Choose {'an' if words[0] in 'aeiou' else 'a'} {words}.")


def _learner_section(teacher, profile, section_id) -> Section:
    """The section the change is made in: the one named, else the student's section the teacher teaches."""
    sections = Section.objects.filter(active_enrollment_q("enrollments__"), enrollments__student_id=profile.user_id)
    if section_id:
        sections = sections.filter(pk=_int(section_id, "section"))
    for section in sections.select_related("school").order_by("pk"):
        if can(teacher, "change", section):
            return section
    raise ValidationError({"section": "The student is not in a section you teach."})


# ---------------------------------------------------------------------------------------------------------
# A section's paths for a day: review, then approve in one pass


@login_required
@require_http_methods(["GET", "POST"])
def section_review(request, section_id: int):
    """Every student's path for a day (default: the next school day) with its flags, built if missing or stale,
    and one button to approve them all."""
    section = _section_for_staff(request.user, section_id)
    today = school_today(section.school)
    tomorrow = next_school_day(section.school, today)
    try:
        day = _day(request.POST.get("day") or request.GET.get("day"), tomorrow)
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
    students = {student.pk: student for student in section.active_students()}
    playlists = (
        Playlist.objects.filter(learner_id__in=students, school_day=day)
        .prefetch_related(
            Prefetch("items", queryset=PlaylistItem.objects.select_related("activity", "assessment", "target")
                     .order_by("position"))
        )
    )  # fmt: skip
    by_learner = {playlist.learner_id: playlist for playlist in playlists}
    approval = PathApproval.objects.filter(section=section, school_day=day).select_related("approved_by").first()
    rows = []
    for learner_id, student in students.items():
        playlist = by_learner.get(learner_id)
        items = list(playlist.items.all()) if playlist else []
        rows.append({
            "student": student, "playlist": playlist, "items": items, "minutes": sum(item.minutes for item in items),
            "changed": bool(approval and playlist and playlist.generated_at > approval.approved_at),
        })  # fmt: skip
    return render(request, "playlists/section_review.html", {
        "section": section, "day": day, "today": today, "tomorrow": tomorrow, "rows": rows, "approval": approval,
        "changed": sum(row["changed"] for row in rows),
    })  # fmt: skip


# ---------------------------------------------------------------------------------------------------------
# Small groups for tomorrow, from today's exit tickets


@login_required
@require_http_methods(["GET", "POST"])
def section_groups(request, section_id: int):
    """Suggested small groups (students who missed the same target on today's exit tickets, with a mini-lesson),
    which the teacher edits and schedules for the next school day in one action; and the groups already planned."""
    section = _section_for_staff(request.user, section_id)
    today = school_today(section.school)
    meets_on = next_school_day(section.school, today)
    if request.method == "POST":
        try:
            meets_on = _day(request.POST.get("meets_on"), meets_on, "meets_on")
            plans = _group_plans(section, request.POST)
            planned = services.small_groups_plan(teacher=request.user, section=section, meets_on=meets_on,
                                                 groups=plans)  # fmt: skip
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            members = sum(len(plan.student_ids) for plan in plans)
            messages.success(request, f"Scheduled {len(planned)} small group{'s' if len(planned) != 1 else ''} "
                                      f"({members} students) for {meets_on:%A %b %-d}.")  # fmt: skip
        return redirect("teach-groups", section.pk)
    suggestions = selectors.group_suggestions(section=section, day=today)
    planned = (
        SmallGroup.objects.filter(section=section, meets_on__gte=today)
        .select_related("target", "activity", "teacher").prefetch_related("students").order_by("meets_on", "target__code")
    )  # fmt: skip
    students = list(section.active_students())
    for suggestion in suggestions:
        members = {entry["student"].pk for entry in suggestion["students"]}
        suggestion["others"] = [student for student in students if student.pk not in members]
    return render(request, "playlists/section_groups.html", {
        "section": section, "today": today, "meets_on": meets_on, "suggestions": suggestions, "planned": planned,
        "students": students,
    })  # fmt: skip


def _group_plans(section: Section, post) -> list[services.GroupPlan]:
    """The groups the form schedules: each `group` index that is ticked, with its target, students and lesson."""
    plans = []
    for index in post.getlist("group"):
        target = LearningTarget.objects.filter(pk=_int(post.get(f"target-{index}"), "target")).first()
        if target is None:
            raise ValidationError({"target": "A group names a learning target that does not exist."})
        student_ids = tuple(_int(value, "student") for value in post.getlist(f"students-{index}"))
        lesson_id = post.get(f"activity-{index}")
        activity = Activity.objects.filter(pk=_int(lesson_id, "activity")).first() if lesson_id else None
        if lesson_id and activity is None:
            raise ValidationError({"activity": "That mini-lesson does not exist."})
        plans.append(services.GroupPlan(target=target, student_ids=student_ids, activity=activity,
                                        note=clean_text("note", post.get(f"note-{index}"), max_length=MAX_TEXT)))  # fmt: skip
    if not plans:
        raise ValidationError({"groups": "Tick at least one group to schedule."})
    return plans


@login_required
@require_POST
def group_leave(request, group_id: int):
    """Take one student out of a planned small group."""
    group = get_for_user(request.user, SmallGroup.objects.select_related("section__school", "target"), group_id,
                         "change")  # fmt: skip
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
    section = _section_for_staff(request.user, section_id)
    today = school_today(section.school)
    form = request.POST if request.method == "POST" else {}
    if request.method == "POST":
        try:
            message = _assign(request.user, section, today, request.POST)
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            messages.success(request, message)
            return redirect("teach-assign", section.pk)
    students = list(section.active_students())
    grade_targets = LearningTarget.objects.filter(grade=section.grade, parent__isnull=True).order_by("code")
    return render(request, "playlists/section_assign.html", {
        "section": section, "today": today, "students": students, "targets": grade_targets,
        "activities": Activity.objects.usable_at(section.school).filter(targets__grade=section.grade)
        .distinct().order_by("title")[:300],
        "assessments": Assessment.objects.filter(school=section.school).order_by("-created_at")[:60],
        "groups": SmallGroup.objects.filter(section=section, meets_on__gte=today).select_related("target"),
        "form": form, "chosen": set(form.getlist("students")) if form else set(),
    })  # fmt: skip


def _assign(teacher, section: Section, today: datetime.date, post) -> str:
    what = post.get("what", "")
    starts_on = _day(post.get("starts_on"), today, "starts_on")
    due = _day(post.get("due"), starts_on, "due")
    who = post.get("who", "section")
    if who == "section":
        students, audience = None, f"all of {section.name}"
    elif who == "group":
        group = SmallGroup.objects.filter(pk=_int(post.get("group"), "group"), section=section).first()
        if group is None:
            raise ValidationError({"group": "Choose one of the section's small groups."})
        students, audience = list(group.students.values_list("pk", flat=True)), f"the small group on {group.target}"
    elif who == "students":
        students = [_int(value, "student") for value in post.getlist("students")]
        if not students:
            raise ValidationError({"students": "Tick at least one student."})
        audience = f"{len(students)} chosen student{'s' if len(students) != 1 else ''}"
    else:
        raise ValidationError({"who": "Choose the section, a group or chosen students."})
    if what in ("activity", "target"):
        model = Activity if what == "activity" else LearningTarget
        work = model.objects.filter(pk=_int(post.get(what), what)).first()
        if work is None:
            raise ValidationError({what: "Choose an activity." if what == "activity" else "Choose a learning target."})
        services.work_assign(teacher=teacher, section=section, starts_on=starts_on, due=due, students=students,
                             note=_note(post), **{what: work})  # fmt: skip
        name = f"“{work}”" if what == "activity" else work.code
        return f"Assigned {name} to {audience}, due {due:%a %b %-d}."
    if what == "assessment":
        assessment = _school_assessment(post, section.school)
        opens_at, due_at = school_days_span(section.school, starts_on, due)
        chosen = User.objects.filter(pk__in=students) if students is not None else ()
        if starts_on < today:
            raise ValidationError({"starts_on": "Past days are history; start today or later."})
        assignment_create(assessment=assessment, section=section, opens_at=opens_at, due_at=due_at,
                          assigned_by=teacher, students=chosen)  # fmt: skip
        return f"Assigned “{assessment}” to {audience}, due {due:%a %b %-d}."
    raise ValidationError({"what": "Choose an activity, an assessment or a learning target to assign."})


# ---------------------------------------------------------------------------------------------------------
# Units: which targets a section works on, and when


@login_required
@require_http_methods(["GET", "POST"])
def section_units(request, section_id: int):
    """The section's units (current and coming), and a form to plan one: a name, its dates and its targets. The
    current unit's targets come first on every student's path and head the mastery grid."""
    section = _section_for_staff(request.user, section_id)
    today = school_today(section.school)
    form = request.POST if request.method == "POST" else {}
    if request.method == "POST":
        try:
            starts_on = _day(request.POST.get("starts_on"), today, "starts_on")
            ends_on = _day(request.POST.get("ends_on"), starts_on, "ends_on")
            ids = [_int(value, "target") for value in request.POST.getlist("targets")]
            targets = list(LearningTarget.objects.filter(pk__in=ids))
            if len(targets) != len(set(ids)):
                raise ValidationError({"targets": "Choose targets from the list."})
            unit = services.unit_plan_set(teacher=request.user, section=section, name=request.POST.get("name"),
                                          starts_on=starts_on, ends_on=ends_on, targets=targets)  # fmt: skip
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            count = f"{len(targets)} target{'s' if len(targets) != 1 else ''}"
            messages.success(request, f"Planned “{unit.name}” ({count}), "
                                      f"{starts_on:%b %-d} to {ends_on:%b %-d}.")  # fmt: skip
            return redirect("teach-units", section.pk)
    units = (
        UnitPlan.objects.filter(section=section, ends_on__gte=today).prefetch_related("targets")
        .order_by("starts_on", "pk")
    )  # fmt: skip
    return render(request, "playlists/section_units.html", {
        "section": section, "today": today, "units": units, "form": form,
        "chosen": set(form.getlist("targets")) if form else set(),
        "targets": LearningTarget.objects.filter(grade=section.grade, parent__isnull=True).order_by("code"),
    })  # fmt: skip
