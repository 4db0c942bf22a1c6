"""The learner API: profiles, mastery, evidence and judgments, scoped by the permission rules."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.models import LearningTarget
from assessments.serializers import TargetCode
from learners import selectors, services
from learners.filters import EvidenceFilterSet, MasteryFilterSet
from learners.models import Evidence, LearnerProfile, MasteryState
from learners.rules import PROFILE_FIELDS
from learning_platform.permissions import get_for_user
from learning_platform.serializers import ModelSerializer, Text, valid


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


class LearnerProfileChangeSerializer(ModelSerializer):
    """The fields a PATCH may change (learners.rules): the learner their own three, their staff all of them. A
    null is refused in the model's own words, and a field that is not one of these is named."""

    class Meta:
        model = LearnerProfile
        fields = list(PROFILE_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nulls = [name for name, value in getattr(self, "initial_data", {}).items() if value is None]
        for name, field in self.fields.items():
            refusal = services.null_refusal(name) if name in nulls else None
            if refusal:
                field.error_messages["null"] = " ".join(refusal)

    def validate(self, data):
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError(
                {field: "This field does not exist or cannot be changed." for field in unknown}
            )
        return data


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


class JudgmentCreateSerializer(serializers.Serializer):
    target = TargetCode()
    level = Text(max_length=20)
    reason = Text(required=False, allow_blank=True, default="")


# A judgment as set: the level it moved from and to (`from` again needs the dict form).
JudgmentSetSerializer = type(
    "JudgmentSetSerializer",
    (serializers.Serializer,),
    {
        "id": serializers.IntegerField(),
        "from": serializers.CharField(source="from_level"),
        "to": serializers.CharField(source="to_level"),
        "__module__": __name__,
    },
)


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
        changes = valid(LearnerProfileChangeSerializer, request, instance=profile, partial=True)
        profile = services.learner_profile_update(profile=profile, changes=changes, by=request.user)
        return Response(LearnerProfileSerializer(profile).data)


class MasteryView(GenericAPIView):
    """GET: the learner's mastery on every target with evidence (?level=&grade=&domain=), a page at a time."""

    filterset_class = MasteryFilterSet
    queryset = MasteryState.objects.none()  # the model the filters name; the rows come from the selector

    @extend_schema(responses=MasteryRowSerializer(many=True))
    def get(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile, pk)
        rows = selectors.mastery_for_learner(user=request.user, profile=profile, narrow=self.filter_queryset)
        return self.get_paginated_response(MasteryRowSerializer(self.paginate_queryset(rows), many=True).data)


class EvidenceTrailView(GenericAPIView):
    """GET: the evidence behind one learner's mastery of one target (?kind=&since=), a page at a time."""

    filterset_class = EvidenceFilterSet
    queryset = Evidence.objects.none()

    @extend_schema(responses=EvidenceRowSerializer(many=True))
    def get(self, request, pk, code):
        profile = get_for_user(request.user, LearnerProfile, pk)
        target = LearningTarget.objects.filter(code=code).order_by("id").first()
        if target is None:
            raise Http404("No learning target has that code.")
        rows = selectors.evidence_trail(user=request.user, profile=profile, target=target, narrow=self.filter_queryset)
        return self.get_paginated_response(EvidenceRowSerializer(self.paginate_queryset(rows), many=True).data)


class JudgmentCreateView(APIView):
    """POST {"target": code, "level": ..., "reason": ...}: a teacher sets the learner's level on a target."""

    @extend_schema(request=JudgmentCreateSerializer, responses={201: JudgmentSetSerializer})
    def post(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("user"), pk, "change")
        judgment = valid(JudgmentCreateSerializer, request)
        judgment = services.mastery_judgment_set(learner=profile.user, teacher=request.user, **judgment)
        return Response(JudgmentSetSerializer(judgment).data, status=status.HTTP_201_CREATED)
