"""The assessments API: thin doors onto the services, scoped by the permission rules (404 out of scope)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError as BadRequest
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from assessments import selectors, services
from assessments.models import Assessment, Assignment, Attempt, Item, LearningTarget, Response
from learning_platform.models import Section, User
from learning_platform.permissions import get_for_user, visible
from learning_platform.validation import body, clean_text, id_list, parse_datetime, parse_id, parse_int, required

ATTEMPTS = Attempt.objects.select_related("assignment__assessment")


# What the doors send and answer, for the OpenAPI schema: the doors parse with learning_platform.validation.


class ChoiceSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class AttemptItemSerializer(serializers.Serializer):
    """An item as the learner sees it, with their answer; after submit, what the assessment allows to show."""

    id = serializers.IntegerField()
    type = serializers.CharField()
    stem = serializers.CharField()
    figure = serializers.CharField(allow_blank=True)
    choices = ChoiceSerializer(many=True)
    hints = serializers.ListField(child=serializers.CharField())
    max_points = serializers.CharField()
    answer = serializers.JSONField(allow_null=True)
    answer_text = serializers.CharField(required=False, allow_blank=True)
    correct = serializers.BooleanField(required=False, allow_null=True)
    points = serializers.CharField(required=False, allow_null=True)
    right_answer = serializers.CharField(required=False, allow_blank=True)
    worked_solution = serializers.CharField(required=False, allow_blank=True)
    feedback = serializers.CharField(required=False, allow_blank=True)
    teacher_comment = serializers.CharField(required=False, allow_blank=True)


class AttemptSerializer(serializers.Serializer):
    """An attempt for its learner (selectors.attempt_view)."""

    id = serializers.IntegerField()
    assessment = inline_serializer(
        name="AttemptAssessment",
        fields={"id": serializers.IntegerField(), "title": serializers.CharField(), "kind": serializers.CharField()},
    )
    number = serializers.IntegerField()
    status = serializers.CharField()
    started_at = serializers.DateTimeField()
    deadline_at = serializers.DateTimeField(allow_null=True)
    seconds_left = serializers.IntegerField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    points = serializers.CharField(allow_null=True)
    max_points = serializers.CharField()
    items = AttemptItemSerializer(many=True)


class AnswerRequestSerializer(serializers.Serializer):
    answer = serializers.JSONField(
        help_text="The answer as the item's type takes it: a choice id, a list of them, text."
    )


class SubmitRequestSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text="Answers by item id, saved before the attempt is scored.",
    )


class RubricScoreRequestSerializer(serializers.Serializer):
    levels = serializers.DictField(child=serializers.JSONField(), help_text="A level for each criterion of the rubric.")
    comment = serializers.CharField(required=False, allow_blank=True)


class ItemKeyRequestSerializer(serializers.Serializer):
    key = serializers.DictField(child=serializers.JSONField())
    choices = serializers.ListField(child=serializers.JSONField(), required=False, allow_null=True)


class AssessmentOptionsSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=Assessment._meta.get_field("title").max_length)
    kind = serializers.CharField(max_length=20)
    show_answers_after_submit = serializers.BooleanField(required=False)
    show_feedback_after_submit = serializers.BooleanField(required=False)
    attempts_allowed = serializers.IntegerField(min_value=1, max_value=100, required=False)
    time_limit_minutes = serializers.IntegerField(min_value=1, max_value=24 * 60, required=False, allow_null=True)


class AssessmentCreateRequestSerializer(AssessmentOptionsSerializer):
    items = serializers.ListField(child=serializers.IntegerField(min_value=1), help_text="Item ids, in order.")


class AssessmentGenerateRequestSerializer(AssessmentOptionsSerializer):
    targets = serializers.ListField(child=serializers.CharField(max_length=40), help_text="Learning targets' codes.")
    item_count = serializers.IntegerField(min_value=1, max_value=200, required=False, allow_null=True)


class AssignmentRequestSerializer(serializers.Serializer):
    section = serializers.IntegerField(min_value=1)
    opens_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField()
    students = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        allow_null=True,
        help_text="Only these students of the section; everyone when left out.",
    )


CREATED_ASSESSMENT = inline_serializer(
    name="AssessmentCreated",
    fields={"id": serializers.IntegerField(), "items": serializers.ListField(child=serializers.IntegerField())},
)


class AttemptStartView(APIView):
    """POST: start (or resume) my attempt at an assignment."""

    @extend_schema(request=None, responses={201: AttemptSerializer})
    def post(self, request, assignment_id):
        assignment = get_for_user(request.user, Assignment.objects.select_related("section"), assignment_id)
        attempt = services.attempt_start(assignment=assignment, learner=request.user)
        return ApiResponse(selectors.attempt_view(attempt=attempt), status=status.HTTP_201_CREATED)


class AttemptDetailView(APIView):
    @extend_schema(responses=AttemptSerializer)
    def get(self, request, attempt_id):
        attempt = get_for_user(request.user, ATTEMPTS, attempt_id)
        return ApiResponse(selectors.attempt_view(attempt=attempt))


class AttemptAnswerView(APIView):
    """PUT {"answer": ...}: autosave one answer as it is typed."""

    @extend_schema(
        request=AnswerRequestSerializer,
        responses=inline_serializer(
            name="AnswerSaved",
            fields={
                "item": serializers.IntegerField(),
                "answer": serializers.JSONField(),
                "saved_at": serializers.DateTimeField(),
            },
        ),
    )
    def put(self, request, attempt_id, item_id):
        attempt = get_for_user(request.user, ATTEMPTS, attempt_id)
        response = services.attempt_answer_save(
            attempt=attempt, learner=request.user, item_id=item_id, answer=required(request.data, "answer")
        )
        return ApiResponse({"item": item_id, "answer": response.answer, "saved_at": response.saved_at})


class AttemptSubmitView(APIView):
    """POST {"answers": {item_id: answer}}: submit once; a repeat returns the first result."""

    @extend_schema(request=SubmitRequestSerializer, responses=AttemptSerializer)
    def post(self, request, attempt_id):
        attempt = get_for_user(request.user, ATTEMPTS, attempt_id)
        answers = body(request.data).get("answers", {})
        if not isinstance(answers, dict):
            raise BadRequest({"answers": "Must be an object of item ids and answers."})
        attempt = services.attempt_submit(attempt=attempt, learner=request.user, answers=answers)
        return ApiResponse(selectors.attempt_view(attempt=attempt))


class RubricScoreView(APIView):
    """POST {"levels": {criterion: level}, "comment": "..."}: a teacher scores an open response."""

    @extend_schema(
        request=RubricScoreRequestSerializer,
        responses=inline_serializer(
            name="RubricScored",
            fields={
                "id": serializers.IntegerField(),
                "points": serializers.CharField(),
                "correct": serializers.BooleanField(allow_null=True),
            },
        ),
    )
    def post(self, request, response_id):
        response = get_for_user(request.user, Response.objects.all(), response_id, "change")
        response = services.response_rubric_score(
            response=response,
            teacher=request.user,
            levels=required(request.data, "levels", dict),
            comment=clean_text("comment", request.data.get("comment"), strip=False),
        )
        return ApiResponse({"id": response.pk, "points": str(response.points), "correct": response.correct})


class ItemKeyView(APIView):
    """POST {"key": {...}, "choices": [...]?}: correct an item's key; every attempt that used it is rescored."""

    @extend_schema(
        request=ItemKeyRequestSerializer,
        responses=inline_serializer(
            name="ItemKeyCorrected",
            fields={"id": serializers.IntegerField(), "rescored_responses": serializers.IntegerField()},
        ),
    )
    def post(self, request, item_id):
        item = get_for_user(request.user, Item, item_id, "change")
        choices = body(request.data).get("choices")
        if choices is not None and not isinstance(choices, list):
            raise BadRequest({"choices": "Must be a list."})
        rescored = services.item_key_correct(item=item, key=required(request.data, "key", dict), choices=choices)
        return ApiResponse({"id": item.pk, "rescored_responses": rescored})


def _assessment_options(data) -> dict:
    options = {}
    for name in ("show_answers_after_submit", "show_feedback_after_submit"):
        if name in data:
            options[name] = required(data, name, bool)
    if "attempts_allowed" in data:
        options["attempts_allowed"] = parse_int(
            "attempts_allowed", required(data, "attempts_allowed", int), min_value=1, max_value=100
        )
    if "time_limit_minutes" in data:
        # null: no time limit
        options["time_limit_minutes"] = parse_int(
            "time_limit_minutes", data["time_limit_minutes"], min_value=1, max_value=24 * 60, default=None
        )
    return options


def _school_for_building(user):
    """The school a teacher builds in: the one where they teach (or run), if exactly one."""
    from learning_platform.permissions import roles_of

    schools = roles_of(user).teacher_at | roles_of(user).school_admin_of
    if len(schools) != 1:
        raise BadRequest({"detail": "Build assessments from a school where you teach."})
    from learning_platform.models import School

    return School.objects.get(pk=next(iter(schools)))


def _title(data) -> str:
    return clean_text("title", required(data, "title"), max_length=Assessment._meta.get_field("title").max_length)


def _kind(data) -> str:
    return clean_text("kind", required(data, "kind", str), max_length=20)


class AssessmentCreateView(APIView):
    """POST {"title", "kind", "items": [ids], ...options}: build an assessment from the bank."""

    @extend_schema(request=AssessmentCreateRequestSerializer, responses={201: CREATED_ASSESSMENT})
    def post(self, request):
        school = _school_for_building(request.user)
        item_ids = id_list("items", required(request.data, "items"))
        found = {item.pk: item for item in visible(request.user, Item).filter(pk__in=item_ids)}
        missing = [str(pk) for pk in item_ids if pk not in found]
        if missing:
            raise BadRequest({"items": f"No such items: {', '.join(missing)}."})
        assessment = services.assessment_create(
            title=_title(request.data),
            kind=_kind(request.data),
            school=school,
            created_by=request.user,
            items=[found[pk] for pk in item_ids],
            **_assessment_options(request.data),
        )
        return ApiResponse({"id": assessment.pk, "items": item_ids}, status=status.HTTP_201_CREATED)


class AssessmentGenerateView(APIView):
    """POST {"title", "kind", "targets": [codes], "item_count"?}: have one drawn from the bank."""

    @extend_schema(request=AssessmentGenerateRequestSerializer, responses={201: CREATED_ASSESSMENT})
    def post(self, request):
        school = _school_for_building(request.user)
        codes = [clean_text("targets", code, max_length=40) for code in required(request.data, "targets", list)]
        targets = {target.code: target for target in LearningTarget.objects.filter(code__in=codes)}
        unknown = [str(code) for code in codes if code not in targets]
        if unknown:
            raise BadRequest({"targets": f"Unknown learning targets: {', '.join(unknown)}."})
        assessment = services.assessment_generate(
            title=_title(request.data),
            kind=_kind(request.data),
            school=school,
            created_by=request.user,
            targets=[targets[code] for code in codes],
            item_count=parse_int(
                "item_count", request.data.get("item_count"), min_value=1, max_value=200, default=None
            ),
            **_assessment_options(request.data),
        )
        item_ids = list(assessment.assessment_items.order_by("position").values_list("item_id", flat=True))
        return ApiResponse({"id": assessment.pk, "items": item_ids}, status=status.HTTP_201_CREATED)


class AssignmentCreateView(APIView):
    """POST {"section", "opens_at", "due_at", "students"?: [ids]}: assign an assessment."""

    @extend_schema(
        request=AssignmentRequestSerializer,
        responses={201: inline_serializer(name="AssignmentCreated", fields={"id": serializers.IntegerField()})},
    )
    def post(self, request, assessment_id):
        assessment = get_for_user(request.user, Assessment, assessment_id, "change")
        section = get_for_user(request.user, Section, parse_id("section", required(request.data, "section")), "change")
        chosen = request.data.get("students")
        students = list(User.objects.filter(pk__in=id_list("students", chosen))) if chosen is not None else []
        assignment = services.assignment_create(
            assessment=assessment,
            section=section,
            opens_at=parse_datetime("opens_at", required(request.data, "opens_at")),
            due_at=parse_datetime("due_at", required(request.data, "due_at")),
            assigned_by=request.user,
            students=students,
        )
        return ApiResponse({"id": assignment.pk}, status=status.HTTP_201_CREATED)
