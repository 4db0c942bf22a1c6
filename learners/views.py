"""Learners' pages: the teacher's view of one learner's evidence on one target, and a student's page about
themselves."""
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from assessments.models import LearningTarget
from learners import services
from learners.models import LearnerProfile, MasteryLevel, MasteryState, Modality
from learners.rules import learner_staff_q
from learners.selectors import evidence_trail, own_profile
from learning_platform.models import GRADE_CHOICES
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
    return render(request, "learners/evidence.html", {
        "profile": profile, "student": profile.user, "target": target, "state": state, "level": level,
        "level_label": MasteryLevel(level).label, "trail": evidence_trail(user=request.user, profile=profile, target=target),
    })  # fmt: skip


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
    return render(request, "learners/about_me.html", {
        "profile": profile, "goals": goals, "ways": Modality.choices, "ranked": ways[:RANKED_WAYS],
        "targets": LearningTarget.objects.filter(parent__isnull=True, grade__in=_nearby_grades(profile.grade))
        .order_by("grade", "code"),
        "today": timezone.localtime(timezone.now(), ZoneInfo(profile.school.time_zone)).date(),
    })  # fmt: skip


def _nearby_grades(grade: str) -> list[str]:
    """The learner's grade and the one on either side: the targets a goal is usually about."""
    order = [code for code, _ in GRADE_CHOICES]
    index = order.index(grade) if grade in order else 0
    return order[max(0, index - 1) : index + 2]


def _about_me_change(profile: LearnerProfile, post) -> str:
    action = post.get("action", "")
    if action == "profile":
        ranked = [way for way in (clean_text("preferred_modalities", post.get(f"way-{n}"), max_length=40)
                                  for n in range(1, RANKED_WAYS + 1)) if way]  # fmt: skip
        if len(set(ranked)) != len(ranked):
            raise ValidationError({"preferred_modalities": "Choose each way of learning once."})
        services.learner_profile_update(profile=profile, changes={
            "interests": _phrases("interests", post.get("interests")),
            "career_goals": _phrases("career_goals", post.get("career_goals")),
            "preferred_modalities": ranked,
        }, by=profile.user)  # fmt: skip
        return "Saved. Tomorrow's path will use it."
    if action == "goal_create":
        target = LearningTarget.objects.filter(pk=_number(post.get("target"), "target")).first()
        if target is None:
            raise ValidationError({"target": "Choose the standard your goal is about."})
        goal = services.learner_goal_create(learner=profile, target=target, why=_why(post),
                                            reach_by=_date(post.get("reach_by"), "reach_by"))  # fmt: skip
        return f"New goal: {goal.target.code} by {goal.reach_by:%B %-d}."
    goal = profile.goals.select_related("target").filter(pk=_number(post.get("goal"), "goal")).first()
    if goal is None:
        raise ValidationError({"goal": "That goal is not yours."})
    if action == "goal_update":
        services.learner_goal_update(goal=goal, reach_by=_date(post.get("reach_by"), "reach_by"), why=_why(post))
        return f"Changed your goal for {goal.target.code}."
    if action in ("achieved", "retired", "active"):
        services.learner_goal_set_status(goal=goal, status=action)
        words = {"achieved": "Well done: {} achieved!", "retired": "Retired your goal for {}.",
                 "active": "Your goal for {} is active again."}  # fmt: skip
        return words[action].format(goal.target.code)
    raise ValidationError({"action": f"Unknown change {action!r}."})


def _number(value, name: str) -> int:
    return parse_id(name, value, message=f"Choose the {name}.")


def _date(value, name: str):
    return parse_date(name, value)


def _why(post) -> str:
    return clean_text("why", post.get("why"), max_length=MAX_TEXT)
