"""Learners' pages: the teacher's view of one learner's evidence on one target, a student's page about
themselves, and the placement check (the student takes it; the teacher assigns it and reads what it found)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments.models import LearningTarget
from assessments.selectors import item_for_student
from learners import services
from learners import placement, selectors
from learners.models import LearnerProfile, MasteryLevel, MasteryState, Modality, PlacementCheck
from learners.rules import learner_staff_q
from learners.selectors import evidence_trail, own_profile
from learning_platform.calendar import school_today
from learning_platform.models import GRADE_CHOICES, Section
from learning_platform.permissions import get_for_user
from learning_platform.pages import validation_message
from learning_platform.validation import MAX_TEXT, clean_text, parse_date, parse_id


@login_required
@require_GET
def evidence_page(request, learner_id: int, target_id: int):
    """Every response and judgment behind a learner's level on a target: the item, the answer, right or
    wrong, the score, when, and the teachers' judgments with their reasons."""
    profiles = LearnerProfile.objects.select_related("user", "school")
    if not request.user.is_superuser:
        profiles = profiles.filter(learner_staff_q(request.user))
    profile = profiles.filter(user_id=learner_id).first()
    target = LearningTarget.objects.filter(pk=target_id).first()
    if profile is None or target is None:
        raise Http404("Not found")
    state = MasteryState.objects.filter(learner_id=learner_id, target=target).first()
    level = state.level if state else MasteryLevel.NOT_STARTED
    return render(
        request,
        "learners/evidence.html",
        {
            "profile": profile,
            "student": profile.user,
            "target": target,
            "state": state,
            "level": level,
            "level_label": MasteryLevel(level).label,
            "trail": evidence_trail(user=request.user, profile=profile, target=target),
        },
    )


# ---------------------------------------------------------------------------------------------------------
# About me: the student's own interests, ways of learning and goals

# How many ways of learning a student ranks.
RANKED_WAYS = 3


def _phrases(field: str, text) -> list[str]:
    """Comma-separated phrases, trimmed, without blanks or repeats, in the order given."""
    text = clean_text(field, text, max_length=MAX_TEXT)
    return list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))


@login_required
@require_http_methods(["GET", "POST"])
def about_me(request):
    """A student's page about themselves: interests, career goals, preferred ways of learning (ranked), and their
    goals (set, change, mark achieved, retire). The engine reads them for tomorrow's path, and the teacher sees
    them on the student's page."""
    profile = own_profile(user=request.user)
    if request.method == "POST":
        try:
            done = _about_me_change(profile, request.POST)
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            messages.success(request, done)
            return redirect("about-me")
    goals = profile.goals.select_related("target").order_by("status", "reach_by", "pk")
    ways = list(profile.preferred_modalities) + [""] * RANKED_WAYS
    return render(
        request,
        "learners/about_me.html",
        {
            "profile": profile,
            "goals": goals,
            "ways": Modality.choices,
            "ranked": ways[:RANKED_WAYS],
            "targets": LearningTarget.objects.filter(
                parent__isnull=True, grade__in=_nearby_grades(profile.grade)
            ).order_by("grade", "code"),
            "today": school_today(profile.school),
        },
    )


def _nearby_grades(grade: str) -> list[str]:
    """The learner's grade and the one on either side: the targets a goal is usually about."""
    order = [code for code, _ in GRADE_CHOICES]
    index = order.index(grade) if grade in order else 0
    return order[max(0, index - 1) : index + 2]


def _profile_change(profile: LearnerProfile, post) -> str:
    """The learner's interests, career goals and ways of learning in the order they ranked them."""
    ways = (clean_text("preferred_modalities", post.get(f"way-{n}"), max_length=40) for n in range(1, RANKED_WAYS + 1))
    ranked = [way for way in ways if way]
    if len(set(ranked)) != len(ranked):
        raise ValidationError({"preferred_modalities": "Choose each way of learning once."})
    changes = {
        "interests": _phrases("interests", post.get("interests")),
        "career_goals": _phrases("career_goals", post.get("career_goals")),
        "preferred_modalities": ranked,
    }
    services.learner_profile_update(profile=profile, changes=changes, by=profile.user)
    return "Saved. Tomorrow's path will use it."


def _about_me_change(profile: LearnerProfile, post) -> str:
    action = post.get("action", "")
    if action == "profile":
        return _profile_change(profile, post)
    if action == "goal_create":
        target = LearningTarget.objects.filter(pk=_number(post.get("target"), "target")).first()
        if target is None:
            raise ValidationError({"target": "Choose the standard your goal is about."})
        goal = services.learner_goal_create(
            learner=profile, target=target, why=_why(post), reach_by=_date(post.get("reach_by"), "reach_by")
        )
        return f"New goal: {goal.target.code} by {goal.reach_by:%B %-d}."
    goal = profile.goals.select_related("target").filter(pk=_number(post.get("goal"), "goal")).first()
    if goal is None:
        raise ValidationError({"goal": "That goal is not yours."})
    if action == "goal_update":
        services.learner_goal_update(goal=goal, reach_by=_date(post.get("reach_by"), "reach_by"), why=_why(post))
        return f"Changed your goal for {goal.target.code}."
    if action in ("achieved", "retired", "active"):
        services.learner_goal_set_status(goal=goal, status=action)
        words = {
            "achieved": "Well done: {} achieved!",
            "retired": "Retired your goal for {}.",
            "active": "Your goal for {} is active again.",
        }
        return words[action].format(goal.target.code)
    raise ValidationError({"action": f"Unknown change {action!r}."})


def _number(value, name: str) -> int:
    return parse_id(name, value, message=f"Choose the {name}.")


def _date(value, name: str):
    return parse_date(name, value)


def _why(post) -> str:
    return clean_text("why", post.get("why"), max_length=MAX_TEXT)


# ---------------------------------------------------------------------------------------------------------
# The placement check: "let's find where you are", one question at a time, untimed, never a score


def _placement_answer_of(post):
    """The answer the placement form sent: a list for a multiple-select question, otherwise one text; None for
    "I don't know"."""
    if post.get("action") == "dont_know":
        return None
    values = [clean_text("answer", value, max_length=MAX_TEXT, strip=False) for value in post.getlist("answer")]
    if post.get("kind") == "multiple_select":
        return values
    return values[0] if values else ""


@login_required
@require_http_methods(["GET", "POST"])
def placement_page(request):
    """The student's placement check: an introduction with Start, then one question at a time (Next, or I don't
    know), then what comes next. No timer, no score, no right or wrong shown: it only finds where to start."""
    profile = own_profile(user=request.user)
    if request.method == "POST":
        if services.placement_offer(learner=request.user) is None:
            messages.error(request, "There is no placement check waiting for you.")
            return redirect("today")
        services.placement_question(learner=request.user)
        return redirect("placement")
    status = selectors.placement_status(learner=request.user)
    question, item = None, None
    if status["open"] is not None and status["open"].status == PlacementCheck.Status.IN_PROGRESS:
        question = services.placement_question(learner=request.user)
        if question is None:
            status = selectors.placement_status(learner=request.user)
        else:
            # As a student sees it while answering: no key, and no hints (it is a check, not practice).
            item = {**item_for_student(question.item), "hints": []}
    ready = []
    if question is None and status["finished"] is not None and status["open"] is None:
        report = selectors.placement_report(check=status["finished"])
        ready = next(group["targets"] for group in report["groups"] if group["kind"] == placement.READY)
    return render(
        request,
        "learners/placement.html",
        {
            "profile": profile,
            "status": status,
            "question": question,
            "item": item,
            "ready": ready,
            "max_questions": placement.MAX_QUESTIONS,
        },
    )


@login_required
@require_POST
def placement_answer(request, question_id: int):
    """Send the answer to the question shown (or "I don't know"), then on to the next question."""
    own_profile(user=request.user)
    try:
        services.placement_answer(
            learner=request.user, answer_id=question_id, answer=_placement_answer_of(request.POST)
        )
    except ValidationError as error:
        messages.error(request, validation_message(error))
    return redirect("placement")


def _section_for_staff(user, section_id: int) -> Section:
    return get_for_user(user, Section.objects.select_related("school"), section_id, "change")


@login_required
@require_http_methods(["GET", "POST"])
def section_placement(request, section_id: int):
    """A section's placement checks: assign one to the section or chosen students; who has finished; and, per
    target, who knows it, who does not, and who is ready to learn it next."""
    section = _section_for_staff(request.user, section_id)
    if request.method == "POST":
        try:
            who = clean_text("who", request.POST.get("who") or "all", max_length=20)
            if who not in ("all", "chosen"):
                raise ValidationError({"who": "Choose the whole section or chosen students."})
            students = []
            if who == "chosen":
                ids = [parse_id("students", value) for value in request.POST.getlist("students")]
                if not ids:
                    raise ValidationError({"students": "Choose at least one student."})
                students = ids
            created = services.placement_assign(teacher=request.user, section=section, student_ids=students)
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            if created:
                messages.success(
                    request,
                    f"Assigned the placement check to {len(created)} student"
                    f"{'s' if len(created) != 1 else ''}. They see it at the top of Today.",
                )
            else:
                messages.info(request, "Every student chosen already has a placement check open.")
        return redirect("teach-placement", section.pk)
    report = selectors.section_placement(section=section)
    return render(
        request,
        "learners/section_placement.html",
        {
            "section": section,
            **report,
            "labels": selectors.RESULT_LABELS,
        },
    )


@login_required
@require_GET
def learner_placement(request, learner_id: int):
    """One student's latest placement check for their teacher: what it found per target and every question."""
    profiles = LearnerProfile.objects.select_related("user", "school")
    if not request.user.is_superuser:
        profiles = profiles.filter(learner_staff_q(request.user))
    profile = profiles.filter(user_id=learner_id).first()
    if profile is None:
        raise Http404("Not found")
    check = PlacementCheck.objects.filter(learner_id=learner_id).select_related("section", "assigned_by").first()
    report = selectors.placement_report(check=check) if check else None
    return render(
        request,
        "learners/learner_placement.html",
        {
            "profile": profile,
            "student": profile.user,
            "report": report,
        },
    )
