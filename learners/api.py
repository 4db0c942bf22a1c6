"""The learner API: profiles, mastery, evidence and judgments, scoped by the permission rules."""

from django.http import Http404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.models import LearningTarget
from learners import selectors, services
from learners.models import LearnerProfile
from learners.rules import PROFILE_FIELDS
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
            "id",
            "name",
            "school",
            "grade",
            "interests",
            "career_goals",
            "preferred_modalities",
            "has_iep",
            "has_504",
            "english_learner",
            "extended_time_factor",
            "read_aloud",
            "home_language",
            "daily_minutes_budget",
            "accommodations",
        ]


class LearnerProfileChangeSerializer(serializers.ModelSerializer):
    """The fields a PATCH may change (learners.rules): the learner their own three, their staff all of them."""

    class Meta:
        model = LearnerProfile
        fields = list(PROFILE_FIELDS)


# A class statement cannot name a field `from`; the serializer's metaclass takes the fields from a dict as well.
JudgmentSerializer = type(
    "JudgmentSerializer",
    (serializers.Serializer,),
    {
        "by": serializers.CharField(),
        "at": serializers.DateTimeField(),
        "from": serializers.CharField(),
        "to": serializers.CharField(),
        "reason": serializers.CharField(),
        "contested": serializers.BooleanField(),
        "__module__": __name__,
        "__doc__": "The standing teacher judgment on a target.",
    },
)


class MasteryRowSerializer(serializers.Serializer):
    """One target's mastery (learners.selectors.mastery_for_learner)."""

    target = serializers.CharField()
    target_id = serializers.IntegerField()
    level = serializers.CharField()
    level_label = serializers.CharField()
    model_level = serializers.CharField()
    p_mastery = serializers.FloatField()
    p_mastery_now = serializers.FloatField()
    evidence_count = serializers.IntegerField()
    last_evidence_at = serializers.DateTimeField(allow_null=True)
    judgment = JudgmentSerializer(allow_null=True)


class EvidenceRowSerializer(serializers.Serializer):
    """One piece of evidence (learners.selectors.evidence_trail); which members are present follows `kind`."""

    id = serializers.IntegerField()
    kind = serializers.CharField()
    observed_at = serializers.DateTimeField()
    superseded = serializers.BooleanField()
    correct = serializers.BooleanField(allow_null=True, required=False)
    answer = serializers.JSONField(required=False)
    item = serializers.CharField(required=False)
    assessment = serializers.CharField(required=False)
    points = serializers.CharField(allow_null=True, required=False)
    weight = serializers.CharField(required=False)
    hinted = serializers.BooleanField(required=False)
    by = serializers.CharField(required=False)
    from_level = serializers.CharField(required=False)
    to_level = serializers.CharField(required=False)
    reason = serializers.CharField(required=False)


class JudgmentRequestSerializer(serializers.Serializer):
    target = serializers.CharField(max_length=40, help_text="A learning target's code, e.g. 6.RP.A.3.")
    level = serializers.CharField(max_length=20)
    reason = serializers.CharField(max_length=MAX_TEXT, required=False)


class LearnerProfileDetailView(APIView):
    """GET a learner's profile; PATCH changes it: the learner their interests, careers and ways of learning,
    their teachers and admins every field (learners.rules)."""

    token_scopes = ["roster"]

    @extend_schema(responses=LearnerProfileSerializer)
    def get(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("user", "school"), pk)
        return Response(LearnerProfileSerializer(profile).data)

    @extend_schema(request=LearnerProfileChangeSerializer, responses=LearnerProfileSerializer)
    def patch(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("user", "school"), pk, "change")
        profile = services.learner_profile_update(profile=profile, changes=request.data, by=request.user)
        return Response(LearnerProfileSerializer(profile).data)


class MasteryView(APIView):
    """GET: the learner's mastery on every target with evidence."""

    @extend_schema(responses=MasteryRowSerializer(many=True))
    def get(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile, pk)
        return Response(selectors.mastery_for_learner(user=request.user, profile=profile))


class EvidenceTrailView(APIView):
    """GET: the evidence behind one learner's mastery of one target."""

    @extend_schema(responses=EvidenceRowSerializer(many=True))
    def get(self, request, pk, code):
        profile = get_for_user(request.user, LearnerProfile, pk)
        target = LearningTarget.objects.filter(code=code).order_by("id").first()
        if target is None:
            raise Http404("No learning target has that code.")
        return Response(selectors.evidence_trail(user=request.user, profile=profile, target=target))


class JudgmentCreateView(APIView):
    """POST {"target": code, "level": ..., "reason": ...}: a teacher sets the learner's level on a target."""

    @extend_schema(
        request=JudgmentRequestSerializer,
        responses={
            201: inline_serializer(
                name="JudgmentSet",
                fields={
                    "id": serializers.IntegerField(),
                    "from": serializers.CharField(),
                    "to": serializers.CharField(),
                },
            )
        },
    )
    def post(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("user"), pk, "change")
        data = body(request.data)
        code = clean_text("target", data.get("target"), max_length=40)
        target = LearningTarget.objects.filter(code=code).order_by("id").first() if code else None
        if target is None:
            raise ValidationError({"target": "Give the code of a learning target, e.g. 6.RP.A.3."})
        judgment = services.mastery_judgment_set(
            learner=profile.user,
            target=target,
            teacher=request.user,
            level=clean_text("level", data.get("level"), max_length=20),
            reason=clean_text("reason", data.get("reason"), max_length=MAX_TEXT),
        )
        return Response({"id": judgment.pk, "from": judgment.from_level, "to": judgment.to_level}, status=201)
