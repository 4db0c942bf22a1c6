"""The teacher's page of one learner's evidence on one target."""
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from assessments.models import LearningTarget
from learners.models import MasteryLevel, MasteryState
from learners.rules import learner_staff_q
from learners.models import LearnerProfile
from learners.selectors import evidence_trail


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
