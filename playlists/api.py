"""The daily-path API: a learner's path for a day, the teacher's pins, removals and locks, and starting an item.
Thin doors onto the selectors and services, scoped by the permission rules (404 out of scope)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from assessments.models import Assessment
from assessments.serializers import TargetCode
from learners.models import LearnerProfile
from learning_platform.api_schema import ERROR_RESPONSES
from learning_platform.permissions import get_for_user
from learning_platform.serializers import Day, Text, Visible, WholeNumber, valid, valid_query
from playlists import selectors, services
from playlists.filters import OverrideFilterSet
from playlists.models import Activity, PathOverride, Playlist, PlaylistItem


class PathItemSerializer(serializers.ModelSerializer):
    target = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = PlaylistItem
        fields = [
            "id",
            "position",
            "kind",
            "rule",
            "source",
            "target",
            "minutes",
            "reason",
            "activity",
            "assessment",
            "alternatives",
            "chosen_activity",
            "pinned",
            "locked",
            "started_at",
            "completed_at",
        ]
        read_only_fields = fields


class PlaylistSerializer(serializers.ModelSerializer):
    """A learner's path for one day."""

    items = PathItemSerializer(many=True, read_only=True)

    class Meta:
        model = Playlist
        fields = ["id", "learner", "school_day", "status", "generated_at", "engine_version", "flags", "items"]
        read_only_fields = fields


class OverrideSerializer(serializers.ModelSerializer):
    """A teacher's pin, removal, lock, move or focus."""

    target = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = PathOverride
        fields = [
            "id",
            "learner",
            "action",
            "activity",
            "assessment",
            "target",
            "starts_on",
            "ends_on",
            "due",
            "position",
            "note",
            "teacher",
        ]
        read_only_fields = fields


class OverrideCreateSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=PathOverride.Action.choices)
    activity = Visible(Activity.objects.all(), required=False, allow_null=True, default=None)
    assessment = Visible(Assessment.objects.all(), required=False, allow_null=True, default=None)
    target = TargetCode(required=False, allow_null=True, default=None, help_text="Required for focus.")
    starts_on = Day()
    ends_on = Day(required=False, allow_null=True, default=None)
    due = Day(required=False, allow_null=True, default=None)
    position = WholeNumber(
        min_value=1,
        max_value=1000,
        required=False,
        allow_null=True,
        default=None,
        message="Give a place on the path: 1 or more.",
        help_text="The place on the path, for a move.",
    )
    note = Text(required=False, allow_blank=True, default="")


class PathQuerySerializer(serializers.Serializer):
    day = Day(required=False, allow_null=True, default=None, help_text="Default: today at the learner's school.")


class PathView(APIView):
    """GET ?day=YYYY-MM-DD (default: today at the learner's school): the learner's path for that day."""

    @extend_schema(parameters=[PathQuerySerializer], responses={200: PlaylistSerializer, 400: ERROR_RESPONSES["400"]})
    def get(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("school"), pk)
        day = valid_query(PathQuerySerializer, request)["day"] or services.school_today(profile.school)
        playlist = selectors.playlist_for_learner(user=request.user, learner_id=pk, day=day)
        return ApiResponse(PlaylistSerializer(playlist).data)


class OverrideListView(GenericAPIView):
    """GET: the learner's pins, removals, locks, moves and assigned targets still in force (?action=&target=), a
    page at a time. POST {"action": pin|remove|lock|move|focus, "activity" or "assessment": id (none for focus),
    "starts_on", "ends_on"?, "due"?, "target"?: code (required for focus), "position"?: place for a move,
    "note"?}: a teacher's say over the path; the path is rebuilt after the commit."""

    filterset_class = OverrideFilterSet
    queryset = PathOverride.objects.none()

    @extend_schema(responses=OverrideSerializer(many=True))
    def get(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("school"), pk)
        overrides = self.filter_queryset(
            selectors.overrides_in_force(user=request.user, learner_id=pk, today=services.school_today(profile.school))
        )
        return self.get_paginated_response(OverrideSerializer(self.paginate_queryset(overrides), many=True).data)

    @extend_schema(request=OverrideCreateSerializer, responses={201: OverrideSerializer})
    def post(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("user"), pk, "change")
        override = valid(OverrideCreateSerializer, request)
        override = services.path_override_create(teacher=request.user, learner=profile.user, **override)
        return ApiResponse(OverrideSerializer(override).data, status=status.HTTP_201_CREATED)


class OverrideDetailView(APIView):
    """DELETE: take an override back; the path is rebuilt after the commit."""

    @extend_schema(responses={204: None})
    def delete(self, request, override_id):
        override = get_for_user(request.user, PathOverride, override_id, "change")
        services.path_override_delete(teacher=request.user, override=override)
        return ApiResponse(status=status.HTTP_204_NO_CONTENT)


class ItemStartedSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlaylistItem
        fields = ["id", "started_at"]
        read_only_fields = fields


class ItemStartView(APIView):
    """POST: the learner starts an item of their path."""

    @extend_schema(request=None, responses={200: ItemStartedSerializer})
    def post(self, request, item_id):
        item = services.playlist_item_start(learner=request.user, item_id=item_id)
        return ApiResponse(ItemStartedSerializer(item).data)
