"""The learner API: profiles, mastery, evidence and judgments, scoped by the permission rules."""
from django.http import Http404
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.models import LearningTarget
from learners import selectors, services
from learners.models import LearnerProfile
from learning_platform.permissions import get_for_user
from learning_platform.validation import MAX_TEXT, body, clean_text


class LearnerProfileSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="pk", read_only=True)
    name = serializers.CharField(source="user.name")
    school = serializers.CharField(source="school.name")
    accommodations = serializers.ListField(read_only=True)

    class Meta:
        model = LearnerProfile
        fields = [
            "id", "name", "school", "grade", "interests", "career_goals", "preferred_modalities", "has_iep",
            "has_504", "english_learner", "extended_time_factor", "read_aloud", "home_language",
            "daily_minutes_budget", "accommodations",
        ]  # fmt: skip


class LearnerProfileDetailView(APIView):
    """GET a learner's profile; PATCH changes it: the learner their interests, careers and ways of learning,
    their teachers and admins every field (learners.rules)."""

    def get(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("user", "school"), pk)
        return Response(LearnerProfileSerializer(profile).data)

    def patch(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("user", "school"), pk, "change")
        profile = services.learner_profile_update(profile=profile, changes=request.data, by=request.user)
        return Response(LearnerProfileSerializer(profile).data)


class MasteryView(APIView):
    """GET: the learner's mastery on every target with evidence."""

    def get(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile, pk)
        return Response(selectors.mastery_for_learner(user=request.user, profile=profile))


class EvidenceTrailView(APIView):
    """GET: the evidence behind one learner's mastery of one target."""

    def get(self, request, pk, code):
        profile = get_for_user(request.user, LearnerProfile, pk)
        target = LearningTarget.objects.filter(code=code).order_by("id").first()
        if target is None:
            raise Http404("No learning target has that code.")
        return Response(selectors.evidence_trail(user=request.user, profile=profile, target=target))


class JudgmentCreateView(APIView):
    """POST {"target": code, "level": ..., "reason": ...}: a teacher sets the learner's level on a target."""

    def post(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("user"), pk, "change")
        data = body(request.data)
        code = clean_text("target", data.get("target"), max_length=40)
        target = LearningTarget.objects.filter(code=code).order_by("id").first() if code else None
        if target is None:
            raise ValidationError({"target": "Give the code of a learning target, e.g. 6.RP.A.3."})
        judgment = services.mastery_judgment_set(
            learner=profile.user, target=target, teacher=request.user,
            level=clean_text("level", data.get("level"), max_length=20),
            reason=clean_text("reason", data.get("reason"), max_length=MAX_TEXT),
        )  # fmt: skip
        return Response({"id": judgment.pk, "from": judgment.from_level, "to": judgment.to_level}, status=201)
