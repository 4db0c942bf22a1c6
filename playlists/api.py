"""The daily-path API: a learner's path for a day, the teacher's pins, removals and locks, and starting an item.
Thin doors onto the selectors and services, scoped by the permission rules (404 out of scope)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError as BadRequest
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from assessments.models import Assessment, LearningTarget
from learners.models import LearnerProfile
from learning_platform.api_schema import ERROR_RESPONSES
from learning_platform.permissions import get_for_user, visible
from learning_platform.validation import MAX_TEXT, body, clean_text, parse_date, parse_id, parse_int, required
from playlists import selectors, services
from playlists.models import Activity, PathOverride, Playlist


def playlist_data(playlist: Playlist) -> dict:
    return {
        "id": playlist.pk,
        "learner": playlist.learner_id,
        "school_day": playlist.school_day.isoformat(),
        "status": playlist.status,
        "generated_at": playlist.generated_at.isoformat(),
        "engine_version": playlist.engine_version,
        "flags": playlist.flags,
        "items": [
            {
                "id": item.pk,
                "position": item.position,
                "kind": item.kind,
                "rule": item.rule,
                "source": item.source,
                "target": item.target.code if item.target else None,
                "minutes": item.minutes,
                "reason": item.reason,
                "activity": item.activity_id,
                "assessment": item.assessment_id,
                "alternatives": item.alternatives,
                "chosen_activity": item.chosen_activity_id,
                "pinned": item.pinned,
                "locked": item.locked,
                "started_at": item.started_at.isoformat() if item.started_at else None,
                "completed_at": item.completed_at.isoformat() if item.completed_at else None,
            }
            for item in playlist.items.all()
        ],
    }


class PathItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    position = serializers.IntegerField()
    kind = serializers.CharField()
    rule = serializers.CharField()
    source = serializers.CharField()
    target = serializers.CharField(allow_null=True)
    minutes = serializers.IntegerField()
    reason = serializers.CharField(allow_blank=True)
    activity = serializers.IntegerField(allow_null=True)
    assessment = serializers.IntegerField(allow_null=True)
    alternatives = serializers.JSONField()
    chosen_activity = serializers.IntegerField(allow_null=True)
    pinned = serializers.BooleanField()
    locked = serializers.BooleanField()
    started_at = serializers.DateTimeField(allow_null=True)
    completed_at = serializers.DateTimeField(allow_null=True)


class PlaylistSerializer(serializers.Serializer):
    """A learner's path for one day (playlist_data)."""

    id = serializers.IntegerField()
    learner = serializers.IntegerField()
    school_day = serializers.DateField()
    status = serializers.CharField()
    generated_at = serializers.DateTimeField()
    engine_version = serializers.CharField()
    flags = serializers.JSONField()
    items = PathItemSerializer(many=True)


class OverrideSerializer(serializers.Serializer):
    """A teacher's pin, removal, lock, move or focus (override_data)."""

    id = serializers.IntegerField()
    learner = serializers.IntegerField()
    action = serializers.CharField()
    activity = serializers.IntegerField(allow_null=True)
    assessment = serializers.IntegerField(allow_null=True)
    target = serializers.CharField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    due = serializers.DateField(allow_null=True)
    position = serializers.IntegerField(allow_null=True)
    note = serializers.CharField(allow_blank=True)
    teacher = serializers.IntegerField()


class OverrideRequestSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["pin", "remove", "lock", "move", "focus"])
    activity = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    assessment = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    target = serializers.CharField(
        max_length=40, required=False, allow_null=True, help_text="A learning target's code; required for focus."
    )
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True)
    due = serializers.DateField(required=False, allow_null=True)
    position = serializers.IntegerField(
        min_value=1, max_value=1000, required=False, allow_null=True, help_text="The place on the path, for a move."
    )
    note = serializers.CharField(max_length=MAX_TEXT, required=False, allow_blank=True)


class PathView(APIView):
    """GET ?day=YYYY-MM-DD (default: today at the learner's school): the learner's path for that day."""

    @extend_schema(
        parameters=[OpenApiParameter("day", OpenApiTypes.DATE, description="Default: today at the learner's school.")],
        responses={200: PlaylistSerializer, 400: ERROR_RESPONSES["400"]},
    )
    def get(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("school"), pk)
        day = parse_date("day", request.query_params.get("day"), default=None) or services.school_today(profile.school)
        return ApiResponse(playlist_data(selectors.playlist_for_learner(user=request.user, learner_id=pk, day=day)))


def override_data(override: PathOverride) -> dict:
    return {
        "id": override.pk,
        "learner": override.learner_id,
        "action": override.action,
        "activity": override.activity_id,
        "assessment": override.assessment_id,
        "target": override.target.code,
        "starts_on": override.starts_on.isoformat(),
        "ends_on": override.ends_on.isoformat(),
        "due": override.due.isoformat() if override.due else None,
        "position": override.position,
        "note": override.note,
        "teacher": override.teacher_id,
    }


class OverrideListView(APIView):
    """GET: the learner's pins, removals, locks, moves and assigned targets still in force. POST {"action":
    pin|remove|lock|move|focus, "activity" or "assessment": id (none for focus), "starts_on", "ends_on"?, "due"?,
    "target"?: code (required for focus), "position"?: place for a move, "note"?}: a teacher's say over the path;
    the path is rebuilt after the commit."""

    @extend_schema(responses=OverrideSerializer(many=True))
    def get(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("school"), pk)
        overrides = (
            visible(request.user, PathOverride)
            .filter(learner_id=pk, ends_on__gte=services.school_today(profile.school))
            .select_related("target")
        )
        return ApiResponse([override_data(override) for override in overrides])

    @extend_schema(request=OverrideRequestSerializer, responses={201: OverrideSerializer})
    def post(self, request, pk):
        profile = get_for_user(request.user, LearnerProfile.objects.select_related("user"), pk, "change")
        data = body(request.data)
        activity = assessment = target = None
        if data.get("activity") is not None:
            activity = get_for_user(request.user, Activity, parse_id("activity", data["activity"]))
        if data.get("assessment") is not None:
            assessment = get_for_user(request.user, Assessment, parse_id("assessment", data["assessment"]))
        if data.get("target"):
            code = clean_text("target", data["target"], max_length=40)
            target = LearningTarget.objects.filter(code=code).order_by("id").first()
            if target is None:
                raise BadRequest({"target": "Give the code of a learning target, e.g. 6.RP.A.3."})
        override = services.path_override_create(
            teacher=request.user,
            learner=profile.user,
            action=clean_text("action", required(data, "action"), max_length=20),
            activity=activity,
            assessment=assessment,
            target=target,
            starts_on=parse_date("starts_on", required(data, "starts_on")),
            ends_on=parse_date("ends_on", data.get("ends_on"), default=None),
            due=parse_date("due", data.get("due"), default=None),
            note=clean_text("note", data.get("note"), max_length=MAX_TEXT),
            position=parse_int(
                "position",
                data.get("position"),
                min_value=1,
                max_value=1000,
                default=None,
                message="Give a place on the path: 1 or more.",
            ),
        )
        return ApiResponse(override_data(override), status=status.HTTP_201_CREATED)


class OverrideDetailView(APIView):
    """DELETE: take an override back; the path is rebuilt after the commit."""

    @extend_schema(responses={204: None})
    def delete(self, request, override_id):
        override = get_for_user(request.user, PathOverride, override_id, "change")
        services.path_override_delete(teacher=request.user, override=override)
        return ApiResponse(status=status.HTTP_204_NO_CONTENT)


class ItemStartView(APIView):
    """POST: the learner starts an item of their path."""

    @extend_schema(
        request=None,
        responses={
            200: inline_serializer(
                name="PathItemStarted",
                fields={"id": serializers.IntegerField(), "started_at": serializers.DateTimeField()},
            )
        },
    )
    def post(self, request, item_id):
        item = services.playlist_item_start(learner=request.user, item_id=item_id)
        return ApiResponse({"id": item.pk, "started_at": item.started_at.isoformat()})
