"""The bank API: a school's own items and activities, written, changed and read by its staff, and an assessment's
questions changed before anyone takes it. DRF serializers in and out; thin doors onto assessments.authoring,
playlists' catalog services and the selectors; out of scope answers 404."""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments import authoring, selectors
from assessments.bank_views import bank_filters
from assessments.models import Assessment, Difficulty, Item, LearningTarget
from learning_platform.api_schema import BANK_PARAMETERS
from learning_platform.permissions import get_for_user, require_staff


class TargetCodes(serializers.ListField):
    """Learning targets by code (["6.RP.A.3"]); unknown codes are named."""

    child = serializers.CharField(max_length=40)

    def to_internal_value(self, data):
        codes = list(dict.fromkeys(super().to_internal_value(data)))
        if not codes:
            raise serializers.ValidationError("Give at least one learning target's code, such as 6.RP.A.3.")
        found = {target.code: target for target in LearningTarget.objects.filter(code__in=codes).order_by("id")}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise serializers.ValidationError(f"No learning target has the code {', '.join(unknown)}.")
        return [found[code] for code in codes]

    def to_representation(self, targets):
        return [target.code for target in targets.all()]


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


class ItemSerializer(serializers.ModelSerializer):
    targets = TargetCodes()
    school = SchoolField(required=False, allow_null=False)
    choices = serializers.JSONField(required=False)
    key = serializers.JSONField(required=False)
    rubric = serializers.JSONField(required=False)
    hints = serializers.ListField(child=serializers.CharField(max_length=1000), required=False, max_length=10)
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
    staff_only = True  # require_staff: a 404 for anyone else (in the schema)

    @extend_schema(
        responses=ItemSerializer(many=True),
        parameters=[
            *BANK_PARAMETERS,
            OpenApiParameter("type", str, enum=list(Item.Type.values), description="An item type."),
        ],
    )
    def get(self, request):
        require_staff(request.user)
        page = self.paginate_queryset(
            selectors.bank_items(user=request.user, filters=bank_filters(request.query_params))
        )
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
    action = serializers.ChoiceField(choices=["add", "swap", "remove"])
    item = serializers.IntegerField(min_value=1)
    old_item = serializers.IntegerField(min_value=1, required=False)

    def validate(self, data):
        if data["action"] == "swap" and "old_item" not in data:
            raise serializers.ValidationError({"old_item": "Name the question to swap out."})
        return data


QUESTIONS = inline_serializer(
    name="AssessmentQuestions",
    fields={"id": serializers.IntegerField(), "title": serializers.CharField(), "questions": ItemSerializer(many=True)},
)


class AssessmentQuestionsView(APIView):
    """GET an assessment's questions in order; POST {"action": "add"|"swap"|"remove", "item": id, "old_item": id}
    changes them until the first student starts it."""

    @extend_schema(responses=QUESTIONS)
    def get(self, request, assessment_id):
        assessment = get_for_user(request.user, Assessment, assessment_id, "change")
        links = (
            assessment.assessment_items.select_related("item").prefetch_related("item__targets").order_by("position")
        )
        return Response(
            {
                "id": assessment.pk,
                "title": assessment.title,
                "questions": ItemSerializer([link.item for link in links], many=True).data,
            }
        )

    @extend_schema(request=QuestionChangeSerializer, responses=QUESTIONS)
    def post(self, request, assessment_id):
        assessment = get_for_user(request.user, Assessment.objects.select_related("school"), assessment_id, "change")
        serializer = QuestionChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        change = serializer.validated_data
        item = get_for_user(request.user, Item, change["item"])
        if change["action"] == "add":
            authoring.assessment_item_add(assessment=assessment, item=item, by=request.user)
        elif change["action"] == "remove":
            authoring.assessment_item_remove(assessment=assessment, item=item, by=request.user)
        else:
            old_item = get_for_user(request.user, Item, change["old_item"])
            authoring.assessment_item_swap(assessment=assessment, old_item=old_item, new_item=item, by=request.user)
        return self.get(request, assessment_id)
