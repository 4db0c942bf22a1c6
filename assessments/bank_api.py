"""The bank API: a school's own items and activities, written, changed and read by its staff, and an assessment's
questions changed before anyone takes it. DRF serializers in and out; thin doors onto assessments.authoring,
playlists' catalog services and the selectors; out of scope answers 404."""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments import authoring, selectors
from assessments.filters import ItemFilterSet
from assessments.models import Assessment, Difficulty, Item
from assessments.serializers import TargetCodes
from learning_platform.permissions import get_for_user, require_staff
from learning_platform.serializers import ModelSerializer, Text, Visible, valid


class SchoolField(serializers.PrimaryKeyRelatedField):
    """One of the schools whose content the user writes (authoring_schools); others are refused by id."""

    def get_queryset(self):
        return selectors.authoring_schools(self.context["request"].user)


def school_of(serializer) -> object:
    """The school a new item or activity is for: the one given, or the writer's only school."""
    schools = selectors.authoring_schools(serializer.context["request"].user)
    school = serializer.validated_data.get("school")
    if school is None and schools.count() > 1:
        raise serializers.ValidationError({"school": ["You write for several schools; say which this is for."]})
    return school or schools.first()


class ItemSerializer(ModelSerializer):
    targets = TargetCodes()
    school = SchoolField(required=False, allow_null=False)
    choices = serializers.JSONField(required=False)
    key = serializers.JSONField(required=False)
    rubric = serializers.JSONField(required=False)
    hints = serializers.ListField(child=Text(max_length=1000), required=False, max_length=10)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, required=False)
    max_points = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=Decimal("0.01"), required=False)

    class Meta:
        model = Item
        fields = [
            "id",
            "school",
            "item_type",
            "stem",
            "targets",
            "choices",
            "key",
            "rubric",
            "difficulty",
            "max_points",
            "hints",
            "worked_solution",
            "source",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "source", "created_at", "updated_at"]
        extra_kwargs = {"stem": {"max_length": 5000}, "worked_solution": {"max_length": 5000, "required": False}}


def _written(serializer) -> dict:
    """A valid serializer's values without the school and targets, as the services take them."""
    return {name: value for name, value in serializer.validated_data.items() if name not in ("school", "targets")}


class BankItemListView(GenericAPIView):
    """GET: the items the user may use (?grade=&domain=&target=&type=&origin=shared|school&q=), paginated.
    POST: write an item of one of the user's schools (`school` may be left out when they have one)."""

    serializer_class = ItemSerializer
    filterset_class = ItemFilterSet
    staff_only = True  # require_staff: a 404 for anyone else (in the schema)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema's look at the model the filters name
            return Item.objects.none()
        return selectors.bank_items(user=self.request.user, filters=selectors.BankFilters())

    @extend_schema(responses=ItemSerializer(many=True))
    def get(self, request):
        require_staff(request.user)
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(ItemSerializer(page, many=True).data)

    @extend_schema(request=ItemSerializer, responses={201: ItemSerializer})
    def post(self, request):
        require_staff(request.user)
        serializer = ItemSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        school = school_of(serializer)
        item = authoring.item_write(
            author=request.user, school=school, targets=serializer.validated_data["targets"], **_written(serializer)
        )
        return Response(ItemSerializer(item).data, status=status.HTTP_201_CREATED)


class BankItemDetailView(APIView):
    """GET an item the user may see; PATCH one of their school's own (the shared bank is read-only)."""

    @extend_schema(responses=ItemSerializer)
    def get(self, request, item_id):
        require_staff(request.user)
        return Response(ItemSerializer(get_for_user(request.user, Item, item_id)).data)

    @extend_schema(request=ItemSerializer, responses=ItemSerializer)
    def patch(self, request, item_id):
        item = get_for_user(request.user, Item.objects.filter(school__isnull=False), item_id, "change")
        serializer = ItemSerializer(item, data=request.data, partial=True, context={"request": request})
        serializer.is_valid(raise_exception=True)
        item = authoring.item_update(
            item=item, by=request.user, targets=serializer.validated_data.get("targets"), **_written(serializer)
        )
        return Response(ItemSerializer(item).data)


class ItemStatisticsSerializer(serializers.Serializer):
    answers = serializers.IntegerField()
    right = serializers.IntegerField()
    share_right = serializers.FloatField(allow_null=True)
    wrong_answers = serializers.SerializerMethodField()
    separation = serializers.SerializerMethodField()

    def get_wrong_answers(self, stats) -> list[dict]:
        return [{"answer": answer, "count": count} for answer, count in stats.wrong_answers]

    def get_separation(self, stats) -> dict:
        separation = stats.separation
        return {"value": separation.value, "answers": separation.answers, "verdict": separation.verdict}


class BankItemStatisticsView(APIView):
    """GET: an item's statistics from the answers of the user's schools' students."""

    @extend_schema(responses=ItemStatisticsSerializer)
    def get(self, request, item_id):
        require_staff(request.user)
        item = get_for_user(request.user, Item, item_id)
        return Response(ItemStatisticsSerializer(selectors.item_statistics(user=request.user, item=item)).data)


class QuestionChangeSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=authoring.QUESTION_CHANGES)
    item = Visible(Item.objects.all())
    old_item = Visible(Item.objects.all(), required=False, allow_null=True, default=None)


class AssessmentQuestionsSerializer(serializers.ModelSerializer):
    """An assessment's questions in order."""

    questions = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = ["id", "title", "questions"]
        read_only_fields = fields

    @extend_schema_field(ItemSerializer(many=True))
    def get_questions(self, assessment) -> list[dict]:
        links = (
            assessment.assessment_items.select_related("item").prefetch_related("item__targets").order_by("position")
        )
        return ItemSerializer([link.item for link in links], many=True).data


class AssessmentQuestionsView(APIView):
    """GET an assessment's questions in order; POST {"action": "add"|"swap"|"remove", "item": id, "old_item": id}
    changes them until the first student starts it."""

    @extend_schema(responses=AssessmentQuestionsSerializer)
    def get(self, request, assessment_id):
        assessment = get_for_user(request.user, Assessment, assessment_id, "change")
        return Response(AssessmentQuestionsSerializer(assessment).data)

    @extend_schema(request=QuestionChangeSerializer, responses=AssessmentQuestionsSerializer)
    def post(self, request, assessment_id):
        assessment = get_for_user(request.user, Assessment.objects.select_related("school"), assessment_id, "change")
        change = valid(QuestionChangeSerializer, request)
        authoring.assessment_questions_change(assessment=assessment, by=request.user, **change)
        return self.get(request, assessment_id)
