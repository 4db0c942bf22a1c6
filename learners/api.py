"""The learner API: profiles, scoped by the permission rules."""
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from learners import services
from learners.models import LearnerProfile
from learning_platform.permissions import get_for_user


class LearnerProfileSerializer(serializers.ModelSerializer):
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
    """GET a learner's profile; PATCH changes it (the learner, their teachers and their admins may)."""

    def get(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("user", "school"), pk)
        return Response(LearnerProfileSerializer(profile).data)

    def patch(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("user", "school"), pk, "change")
        profile = services.learner_profile_update(profile=profile, changes=request.data)
        return Response(LearnerProfileSerializer(profile).data)
