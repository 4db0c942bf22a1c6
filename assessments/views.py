"""The teacher's assessment pages: build and assign an exit ticket, score rubric work, and read a class summary.

Thin doors onto the services and selectors; a refusal becomes a message on the page and nothing is saved.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from assessments import selectors, services
from assessments.models import Assessment, Assignment, Item, LearningTarget, Response
from learning_platform.calendar import school_days_span, school_today
from learning_platform.models import Section, User
from learning_platform.pages import validation_message
from learning_platform.permissions import get_for_user, require_staff
from learning_platform.validation import MAX_TEXT, clean_text, id_list, parse_date, parse_id


@login_required
@require_http_methods(["GET", "POST"])
def exit_ticket_build(request, section_id: int):
    """Build an exit ticket for chosen targets from the item bank and assign it, in one form."""
    section = get_for_user(request.user, Section.objects.select_related("school"), section_id, "change")
    today = school_today(section.school)
    form = request.POST if request.method == "POST" else {}
    if request.method == "POST":
        try:
            assignment = _exit_ticket(request.user, section, today, request.POST)
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            count = assignment.assessment.assessment_items.count()
            reached = assignment.students.count() or section.enrollments.active().count()
            messages.success(
                request,
                f"Assigned “{assignment.assessment}” ({count} questions) to {reached} "
                f"students, due {timezone.localtime(assignment.due_at):%a %b %-d}.",
            )
            return redirect(f"{reverse('teach-summary', args=[assignment.pk])}")
    # The top-level targets with items the school may use.
    banked = LearningTarget.objects.filter(items__in=Item.objects.usable_at(section.school), parent__isnull=True)
    targets = list(banked.distinct().order_by("code"))
    grade_first = sorted(targets, key=lambda target: (target.grade != section.grade, target.code))
    return render(
        request,
        "assessments/exit_ticket_build.html",
        {
            "section": section,
            "targets": grade_first,
            "today": today,
            "form": form,
            "chosen": set(form.getlist("targets")) if form else set(),
            "students": list(section.active_students()),
        },
    )


def _exit_ticket(teacher, section: Section, today: datetime.date, post) -> Assignment:
    target_ids = id_list("targets", post.getlist("targets"), message="Choose targets from the list.")
    targets = list(LearningTarget.objects.filter(pk__in=target_ids).order_by("code"))
    if not targets or len(targets) != len(set(target_ids)):
        raise ValidationError({"targets": "Choose one or more learning targets from the list."})
    due = parse_date("due", post.get("due"), default=today)
    if due < today:
        raise ValidationError({"due": "The due date has passed; choose today or later."})
    title = clean_text("title", post.get("title"), max_length=Assessment._meta.get_field("title").max_length)
    title = title or f"Exit ticket: {', '.join(target.code for target in targets)}"[:200]
    chosen = []
    if post.get("who") == "students":
        chosen = list(User.objects.filter(pk__in=id_list("students", post.getlist("students"))))
        if not chosen:
            raise ValidationError({"students": "Tick at least one student, or give it to the whole section."})
    assessment = services.assessment_generate(
        title=title,
        kind=Assessment.Kind.EXIT_TICKET,
        school=section.school,
        created_by=teacher,
        targets=targets,
        seed=int(timezone.now().timestamp()),
        show_answers_after_submit=post.get("show_answers") == "on",
    )
    opens_at, due_at = school_days_span(section.school, today, due)
    return services.assignment_create(
        assessment=assessment, section=section, opens_at=opens_at, due_at=due_at, assigned_by=teacher, students=chosen
    )


@login_required
@require_GET
def scoring_queue(request):
    """Rubric work waiting to be scored in the user's sections (optionally one assignment's)."""
    require_staff(request.user)
    try:
        assignment_id = parse_id("assignment", request.GET.get("assignment")) if request.GET.get("assignment") else None
    except ValidationError:
        assignment_id = None  # a link gone wrong shows the whole queue
    queue = list(selectors.rubric_queue(user=request.user, assignment_id=assignment_id)[:200])
    return render(request, "assessments/scoring_queue.html", {"queue": queue, "assignment_id": assignment_id})


def _rubric_form(post, item) -> tuple[dict, str]:
    """The level chosen for each criterion of the item's rubric, and the comment, from the scoring form."""
    chosen = {
        criterion["id"]: clean_text(
            f"criterion-{criterion['id']}", post.get(f"criterion-{criterion['id']}"), max_length=40
        )
        for criterion in item.rubric.get("criteria", [])
        if post.get(f"criterion-{criterion['id']}")
    }
    return chosen, clean_text("comment", post.get("comment"), max_length=MAX_TEXT, strip=False)


def _after_scoring(user, response):
    """On to the next response waiting in the same assignment, or back to its queue when none is left."""
    following = selectors.rubric_queue(user=user, assignment_id=response.attempt.assignment_id).first()
    if following is not None:
        return redirect("teach-score", following.pk)
    return redirect(f"{reverse('teach-scoring')}?assignment={response.attempt.assignment_id}")


@login_required
@require_http_methods(["GET", "POST"])
def response_score(request, response_id: int):
    """Score one open response criterion by criterion with a comment, the student's work beside the rubric;
    saving goes on to the next response waiting."""
    response = get_for_user(
        request.user,
        Response.objects.select_related(
            "item", "attempt__learner", "attempt__assignment__assessment", "attempt__assignment__section"
        ),
        response_id,
        "change",
    )
    if not response.item.is_open:
        return redirect("teach-scoring")
    chosen, comment = dict(response.rubric_levels), response.teacher_comment
    if request.method == "POST":
        try:
            chosen, comment = _rubric_form(request.POST, response.item)
            services.response_rubric_score(response=response, teacher=request.user, levels=chosen, comment=comment)
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            messages.success(request, f"Scored {response.attempt.learner}'s response.")
            return _after_scoring(request.user, response)
    waiting = selectors.rubric_queue(user=request.user, assignment_id=response.attempt.assignment_id).count()
    return render(
        request,
        "assessments/response_score.html",
        {
            "response": response,
            "item": response.item,
            "criteria": response.item.rubric.get("criteria", []),
            "chosen": chosen,
            "comment": comment,
            "waiting": waiting,
        },
    )


@login_required
@require_GET
def assignment_summary(request, assignment_id: int):
    """A class summary of one assignment: strengths and areas for growth by rubric criterion, and the
    most-missed items with the wrong answers given."""
    assignment = get_for_user(
        request.user, Assignment.objects.select_related("assessment", "section"), assignment_id, "change"
    )
    summary = selectors.assignment_summary(assignment=assignment)
    items = assignment.assessment.assessment_items.select_related("item").prefetch_related("item__targets")
    items = items.order_by("position")
    return render(
        request,
        "assessments/assignment_summary.html",
        {
            "assignment": assignment,
            "section": assignment.section,
            "summary": summary,
            "links": items,
        },
    )
