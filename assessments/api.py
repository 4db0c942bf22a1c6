"""The assessments API: thin doors onto the services, scoped by the permission rules (404 out of scope)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from assessments import selectors, services
from assessments.models import Assessment, Assignment, Attempt, Item, Response
from assessments.serializers import TargetCodes
from learning_platform.models import Section, User
from learning_platform.permissions import get_for_user, visible
from learning_platform.serializers import Flag, Id, IdList, Moment, Object, Text, WholeNumber, valid

ATTEMPTS = Attempt.objects.select_related("assignment__assessment")


# What the doors read and answer: the requests through fields on the shared parsers (learning_platform.serializers).


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


class AnswerSerializer(serializers.Serializer):
    answer = serializers.JSONField(
        help_text="The answer as the item's type takes it: a choice id, a list of them, text."
    )


class SubmitSerializer(serializers.Serializer):
    answers = Object(required=False, default=dict, help_text="Answers by item id, saved before the attempt is scored.")


class RubricScoreSerializer(serializers.Serializer):
    levels = Object(help_text="A level for each criterion of the rubric.")
    comment = Text(required=False, allow_blank=True, trim_whitespace=False, default="")


class ItemKeySerializer(serializers.Serializer):
    key = Object()
    choices = serializers.ListField(child=serializers.JSONField(), required=False, allow_null=True, default=None)


class AssessmentOptionsSerializer(serializers.Serializer):
    title = Text(max_length=Assessment._meta.get_field("title").max_length)
    kind = Text(max_length=20)
    show_answers_after_submit = Flag(required=False)
    show_feedback_after_submit = Flag(required=False)
    attempts_allowed = WholeNumber(min_value=1, max_value=100, required=False)
    time_limit_minutes = WholeNumber(
        min_value=1, max_value=24 * 60, required=False, allow_null=True, help_text="null: no time limit."
    )


class AssessmentCreateSerializer(AssessmentOptionsSerializer):
    items = IdList(help_text="Item ids, in order.")

    def validate_items(self, item_ids):
        """The items, in the order given, each one the user may use."""
        found = {item.pk: item for item in visible(self.context["request"].user, Item).filter(pk__in=item_ids)}
        missing = [str(pk) for pk in item_ids if pk not in found]
        if missing:
            raise serializers.ValidationError(f"No such items: {', '.join(missing)}.")
        return [found[pk] for pk in item_ids]


class AssessmentGenerateSerializer(AssessmentOptionsSerializer):
    targets = TargetCodes(help_text="Learning targets' codes.")
    item_count = WholeNumber(min_value=1, max_value=200, required=False, allow_null=True, default=None)


class AssignmentSerializer(serializers.Serializer):
    section = Id()
    opens_at = Moment()
    due_at = Moment()
    students = IdList(
        required=False,
        allow_null=True,
        default=None,
        help_text="Only these students of the section; everyone when left out.",
    )


class AssessmentCreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    items = serializers.ListField(child=serializers.IntegerField(), help_text="Its items' ids, in order.")


class CreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()


class AttemptStartView(APIView):
    """POST: start (or resume) my attempt at an assignment."""

    @extend_schema(request=None, responses={201: AttemptSerializer})
    def post(self, request, assignment_id):
        assignment = get_for_user(request.user, Assignment.objects.select_related("section"), assignment_id)
        attempt = services.attempt_start(assignment=assignment, learner=request.user)
        return ApiResponse(_attempt(attempt), status=status.HTTP_201_CREATED)


def _attempt(attempt: Attempt) -> dict:
    return AttemptSerializer(selectors.attempt_view(attempt=attempt)).data


class AttemptDetailView(APIView):
    @extend_schema(responses=AttemptSerializer)
    def get(self, request, attempt_id):
        return ApiResponse(_attempt(get_for_user(request.user, ATTEMPTS, attempt_id)))


class AnswerSavedSerializer(serializers.Serializer):
    item = serializers.IntegerField()
    answer = serializers.JSONField()
    saved_at = serializers.DateTimeField()


class AttemptAnswerView(APIView):
    """PUT {"answer": ...}: autosave one answer as it is typed."""

    @extend_schema(request=AnswerSerializer, responses=AnswerSavedSerializer)
    def put(self, request, attempt_id, item_id):
        attempt = get_for_user(request.user, ATTEMPTS, attempt_id)
        answer = valid(AnswerSerializer, request)["answer"]
        response = services.attempt_answer_save(attempt=attempt, learner=request.user, item_id=item_id, answer=answer)
        return ApiResponse(
            AnswerSavedSerializer({"item": item_id, "answer": response.answer, "saved_at": response.saved_at}).data
        )


class AttemptSubmitView(APIView):
    """POST {"answers": {item_id: answer}}: submit once; a repeat returns the first result."""

    @extend_schema(request=SubmitSerializer, responses=AttemptSerializer)
    def post(self, request, attempt_id):
        attempt = get_for_user(request.user, ATTEMPTS, attempt_id)
        answers = valid(SubmitSerializer, request)["answers"]
        return ApiResponse(_attempt(services.attempt_submit(attempt=attempt, learner=request.user, answers=answers)))


class RubricScoredSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    points = serializers.CharField()
    correct = serializers.BooleanField(allow_null=True)


class RubricScoreView(APIView):
    """POST {"levels": {criterion: level}, "comment": "..."}: a teacher scores an open response."""

    @extend_schema(request=RubricScoreSerializer, responses=RubricScoredSerializer)
    def post(self, request, response_id):
        response = get_for_user(request.user, Response.objects.all(), response_id, "change")
        score = valid(RubricScoreSerializer, request)
        response = services.response_rubric_score(response=response, teacher=request.user, **score)
        return ApiResponse(RubricScoredSerializer(response).data)


class ItemKeyCorrectedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    rescored_responses = serializers.IntegerField()


class ItemKeyView(APIView):
    """POST {"key": {...}, "choices": [...]?}: correct an item's key; every attempt that used it is rescored."""

    @extend_schema(request=ItemKeySerializer, responses=ItemKeyCorrectedSerializer)
    def post(self, request, item_id):
        item = get_for_user(request.user, Item, item_id, "change")
        rescored = services.item_key_correct(item=item, **valid(ItemKeySerializer, request))
        return ApiResponse(ItemKeyCorrectedSerializer({"id": item.pk, "rescored_responses": rescored}).data)


class AssessmentCreateView(APIView):
    """POST {"title", "kind", "items": [ids], ...options}: build an assessment from the bank."""

    @extend_schema(request=AssessmentCreateSerializer, responses={201: AssessmentCreatedSerializer})
    def post(self, request):
        school = selectors.building_school(request.user)
        build = valid(AssessmentCreateSerializer, request)
        assessment = services.assessment_create(school=school, created_by=request.user, **build)
        return ApiResponse(_created(assessment), status=status.HTTP_201_CREATED)


def _created(assessment: Assessment) -> dict:
    item_ids = list(assessment.assessment_items.order_by("position").values_list("item_id", flat=True))
    return AssessmentCreatedSerializer({"id": assessment.pk, "items": item_ids}).data


class AssessmentGenerateView(APIView):
    """POST {"title", "kind", "targets": [codes], "item_count"?}: have one drawn from the bank."""

    @extend_schema(request=AssessmentGenerateSerializer, responses={201: AssessmentCreatedSerializer})
    def post(self, request):
        school = selectors.building_school(request.user)
        build = valid(AssessmentGenerateSerializer, request)
        assessment = services.assessment_generate(school=school, created_by=request.user, **build)
        return ApiResponse(_created(assessment), status=status.HTTP_201_CREATED)


class AssignmentCreateView(APIView):
    """POST {"section", "opens_at", "due_at", "students"?: [ids]}: assign an assessment."""

    @extend_schema(request=AssignmentSerializer, responses={201: CreatedSerializer})
    def post(self, request, assessment_id):
        assessment = get_for_user(request.user, Assessment, assessment_id, "change")
        assignment = valid(AssignmentSerializer, request)
        section = get_for_user(request.user, Section, assignment.pop("section"), "change")
        chosen = assignment.pop("students")
        students = list(User.objects.filter(pk__in=chosen)) if chosen is not None else []
        assignment = services.assignment_create(
            assessment=assessment, section=section, assigned_by=request.user, students=students, **assignment
        )
        return ApiResponse(CreatedSerializer(assignment).data, status=status.HTTP_201_CREATED)
