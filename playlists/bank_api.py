"""The activity catalog API: a school's own activities, written, changed and read by its staff (the shared
catalog is read-only to schools). DRF serializers in and out; thin doors onto playlists.services."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.bank_api import SchoolField, school_of
from assessments.selectors import BankFilters
from assessments.models import Difficulty
from assessments.serializers import TargetCodes
from learning_platform.serializers import ModelSerializer, Text
from learning_platform.permissions import get_for_user, require_staff
from playlists import selectors, services
from playlists.filters import ActivityFilterSet
from playlists.models import Activity


class ActivitySerializer(ModelSerializer):
    targets = TargetCodes()
    school = SchoolField(required=False, allow_null=False)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, required=False)
    interest_tags = serializers.ListField(child=Text(max_length=60), required=False, max_length=20)

    class Meta:
        model = Activity
        fields = [
            "id",
            "school",
            "title",
            "description",
            "targets",
            "modality",
            "expected_minutes",
            "difficulty",
            "interest_tags",
            "url",
            "body",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_at", "updated_at"]
        extra_kwargs = {"body": {"max_length": 20000}, "description": {"max_length": 1000}}


def _written(serializer) -> dict:
    return {name: value for name, value in serializer.validated_data.items() if name not in ("school", "targets")}


class ActivityListView(GenericAPIView):
    """GET: the activities the user may see (?grade=&domain=&target=&origin=shared|school&q=), paginated.
    POST: write an activity of one of the user's schools (`school` may be left out when they have one)."""

    serializer_class = ActivitySerializer
    filterset_class = ActivityFilterSet
    staff_only = True  # require_staff: a 404 for anyone else (in the schema)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema's look at the model the filters name
            return Activity.objects.none()
        return selectors.catalog_activities(user=self.request.user, filters=BankFilters())

    @extend_schema(responses=ActivitySerializer(many=True))
    def get(self, request):
        require_staff(request.user)
        activities = self.filter_queryset(self.get_queryset())
        return self.get_paginated_response(ActivitySerializer(self.paginate_queryset(activities), many=True).data)

    @extend_schema(request=ActivitySerializer, responses={201: ActivitySerializer})
    def post(self, request):
        require_staff(request.user)
        serializer = ActivitySerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        school = school_of(serializer)
        activity = services.activity_write(
            author=request.user, school=school, targets=serializer.validated_data["targets"], **_written(serializer)
        )
        return Response(ActivitySerializer(activity).data, status=status.HTTP_201_CREATED)


class ActivityDetailView(APIView):
    """GET an activity the user may see; PATCH one of their school's own."""

    @extend_schema(responses=ActivitySerializer)
    def get(self, request, activity_id):
        require_staff(request.user)
        return Response(ActivitySerializer(get_for_user(request.user, Activity, activity_id)).data)

    @extend_schema(request=ActivitySerializer, responses=ActivitySerializer)
    def patch(self, request, activity_id):
        activity = get_for_user(request.user, Activity.objects.filter(school__isnull=False), activity_id, "change")
        serializer = ActivitySerializer(activity, data=request.data, partial=True, context={"request": request})
        serializer.is_valid(raise_exception=True)
        activity = services.activity_update(
            activity=activity, by=request.user, targets=serializer.validated_data.get("targets"), **_written(serializer)
        )
        return Response(ActivitySerializer(activity).data)
