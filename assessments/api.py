"""The assessments API: thin doors onto the services, scoped by the permission rules (404 out of scope)."""
from __future__ import annotations

from django.utils.dateparse import parse_datetime
from rest_framework import status
from rest_framework.exceptions import ValidationError as BadRequest
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from assessments import selectors, services
from assessments.models import Assessment, Assignment, Attempt, Item, LearningTarget, Response
from learning_platform.models import Section, User
from learning_platform.permissions import get_for_user, visible

ATTEMPTS = Attempt.objects.select_related("assignment__assessment")


def field(data, name: str, kind=None):
    """A required field of the request body, of the given type; a 400 naming it otherwise."""
    if not isinstance(data, dict) or name not in data:
        raise BadRequest({name: "This field is required."})
    value = data[name]
    if kind is not None and not isinstance(value, kind):
        raise BadRequest({name: f"Must be {'a list' if kind is list else 'an object' if kind is dict else 'text'}."})
    return value


def moment(data, name: str):
    value = parse_datetime(str(field(data, name)))
    if value is None:
        raise BadRequest({name: "Give a date and time such as 2026-11-24T08:00:00-06:00."})
    return value


def ids(data, name: str) -> list[int]:
    values = field(data, name, list)
    if not all(isinstance(value, int) for value in values):
        raise BadRequest({name: "Must be a list of ids."})
    return values


class AttemptStartView(APIView):
    """POST: start (or resume) my attempt at an assignment."""

    def post(self, request, assignment_id):
        assignment = get_for_user(request.user, Assignment.objects.select_related("section"), assignment_id)
        attempt = services.attempt_start(assignment=assignment, learner=request.user)
        return ApiResponse(selectors.attempt_view(attempt=attempt), status=status.HTTP_201_CREATED)


class AttemptDetailView(APIView):
    def get(self, request, attempt_id):
        attempt = get_for_user(request.user, ATTEMPTS, attempt_id)
        return ApiResponse(selectors.attempt_view(attempt=attempt))


class AttemptAnswerView(APIView):
    """PUT {"answer": ...}: autosave one answer as it is typed."""

    def put(self, request, attempt_id, item_id):
        attempt = get_for_user(request.user, ATTEMPTS, attempt_id)
        response = services.attempt_answer_save(
            attempt=attempt, learner=request.user, item_id=item_id, answer=field(request.data, "answer")
        )
        return ApiResponse({"item": item_id, "answer": response.answer, "saved_at": response.saved_at})


class AttemptSubmitView(APIView):
    """POST {"answers": {item_id: answer}}: submit once; a repeat returns the first result."""

    def post(self, request, attempt_id):
        attempt = get_for_user(request.user, ATTEMPTS, attempt_id)
        answers = request.data.get("answers", {}) if isinstance(request.data, dict) else None
        if not isinstance(answers, dict):
            raise BadRequest({"answers": "Must be an object of item ids and answers."})
        attempt = services.attempt_submit(attempt=attempt, learner=request.user, answers=answers)
        return ApiResponse(selectors.attempt_view(attempt=attempt))


class RubricScoreView(APIView):
    """POST {"levels": {criterion: level}, "comment": "..."}: a teacher scores an open response."""

    def post(self, request, response_id):
        response = get_for_user(request.user, Response.objects.all(), response_id, "change")
        response = services.response_rubric_score(
            response=response, teacher=request.user, levels=field(request.data, "levels", dict),
            comment=str(request.data.get("comment", "")),
        )  # fmt: skip
        return ApiResponse({"id": response.pk, "points": str(response.points), "correct": response.correct})


class ItemKeyView(APIView):
    """POST {"key": {...}, "choices": [...]?}: correct an item's key; every attempt that used it is rescored."""

    def post(self, request, item_id):
        item = get_for_user(request.user, Item, item_id, "change")
        choices = request.data.get("choices")
        if choices is not None and not isinstance(choices, list):
            raise BadRequest({"choices": "Must be a list."})
        rescored = services.item_key_correct(item=item, key=field(request.data, "key", dict), choices=choices)
        return ApiResponse({"id": item.pk, "rescored_responses": rescored})


def _assessment_options(data) -> dict:
    options = {}
    for name, kind in (("attempts_allowed", int), ("time_limit_minutes", int), ("show_answers_after_submit", bool),
                       ("show_feedback_after_submit", bool)):  # fmt: skip
        if name in data:
            if not isinstance(data[name], kind) and not (name == "time_limit_minutes" and data[name] is None):
                raise BadRequest({name: "Has the wrong type."})
            options[name] = data[name]
    return options


def _school_for_building(user):
    """The school a teacher builds in: the one where they teach (or run), if exactly one."""
    from learning_platform.permissions import roles_of

    schools = roles_of(user).teacher_at | roles_of(user).school_admin_of
    if len(schools) != 1:
        raise BadRequest({"detail": "Build assessments from a school where you teach."})
    from learning_platform.models import School

    return School.objects.get(pk=next(iter(schools)))


class AssessmentCreateView(APIView):
    """POST {"title", "kind", "items": [ids], ...options}: build an assessment from the bank."""

    def post(self, request):
        school = _school_for_building(request.user)
        item_ids = ids(request.data, "items")
        found = {item.pk: item for item in visible(request.user, Item).filter(pk__in=item_ids)}
        missing = [str(pk) for pk in item_ids if pk not in found]
        if missing:
            raise BadRequest({"items": f"No such items: {', '.join(missing)}."})
        assessment = services.assessment_create(
            title=str(field(request.data, "title")), kind=str(field(request.data, "kind")), school=school,
            created_by=request.user, items=[found[pk] for pk in item_ids], **_assessment_options(request.data),
        )  # fmt: skip
        return ApiResponse({"id": assessment.pk, "items": item_ids}, status=status.HTTP_201_CREATED)


class AssessmentGenerateView(APIView):
    """POST {"title", "kind", "targets": [codes], "item_count"?}: have one drawn from the bank."""

    def post(self, request):
        school = _school_for_building(request.user)
        codes = field(request.data, "targets", list)
        targets = {target.code: target for target in LearningTarget.objects.filter(code__in=codes)}
        unknown = [str(code) for code in codes if code not in targets]
        if unknown:
            raise BadRequest({"targets": f"Unknown learning targets: {', '.join(unknown)}."})
        assessment = services.assessment_generate(
            title=str(field(request.data, "title")), kind=str(field(request.data, "kind")), school=school,
            created_by=request.user, targets=[targets[code] for code in codes],
            item_count=request.data.get("item_count"), **_assessment_options(request.data),
        )  # fmt: skip
        item_ids = list(assessment.assessment_items.order_by("position").values_list("item_id", flat=True))
        return ApiResponse({"id": assessment.pk, "items": item_ids}, status=status.HTTP_201_CREATED)


class AssignmentCreateView(APIView):
    """POST {"section", "opens_at", "due_at", "students"?: [ids]}: assign an assessment."""

    def post(self, request, assessment_id):
        assessment = get_for_user(request.user, Assessment, assessment_id, "change")
        section = get_for_user(request.user, Section, field(request.data, "section"), "change")
        students = list(User.objects.filter(pk__in=request.data.get("students") or []))
        assignment = services.assignment_create(
            assessment=assessment, section=section, opens_at=moment(request.data, "opens_at"),
            due_at=moment(request.data, "due_at"), assigned_by=request.user, students=students,
        )  # fmt: skip
        return ApiResponse({"id": assignment.pk}, status=status.HTTP_201_CREATED)
