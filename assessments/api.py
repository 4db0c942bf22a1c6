"""The assessments API: thin doors onto the services, scoped by the permission rules (404 out of scope)."""
from __future__ import annotations

from rest_framework import status
from rest_framework.exceptions import ValidationError as BadRequest
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from assessments import selectors, services
from assessments.models import Assessment, Assignment, Attempt, Item, LearningTarget, Response
from learning_platform.models import Section, User
from learning_platform.permissions import get_for_user, visible
from learning_platform.validation import body, clean_text, id_list, parse_datetime, parse_id, parse_int, required

ATTEMPTS = Attempt.objects.select_related("assignment__assessment")


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
            attempt=attempt, learner=request.user, item_id=item_id, answer=required(request.data, "answer")
        )
        return ApiResponse({"item": item_id, "answer": response.answer, "saved_at": response.saved_at})


class AttemptSubmitView(APIView):
    """POST {"answers": {item_id: answer}}: submit once; a repeat returns the first result."""

    def post(self, request, attempt_id):
        attempt = get_for_user(request.user, ATTEMPTS, attempt_id)
        answers = body(request.data).get("answers", {})
        if not isinstance(answers, dict):
            raise BadRequest({"answers": "Must be an object of item ids and answers."})
        attempt = services.attempt_submit(attempt=attempt, learner=request.user, answers=answers)
        return ApiResponse(selectors.attempt_view(attempt=attempt))


class RubricScoreView(APIView):
    """POST {"levels": {criterion: level}, "comment": "..."}: a teacher scores an open response."""

    def post(self, request, response_id):
        response = get_for_user(request.user, Response.objects.all(), response_id, "change")
        response = services.response_rubric_score(
            response=response, teacher=request.user, levels=required(request.data, "levels", dict),
            comment=clean_text("comment", request.data.get("comment"), strip=False),
        )  # fmt: skip
        return ApiResponse({"id": response.pk, "points": str(response.points), "correct": response.correct})


class ItemKeyView(APIView):
    """POST {"key": {...}, "choices": [...]?}: correct an item's key; every attempt that used it is rescored."""

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
        options["attempts_allowed"] = parse_int("attempts_allowed", required(data, "attempts_allowed", int),
                                                min_value=1, max_value=100)  # fmt: skip
    if "time_limit_minutes" in data:
        # null: no time limit
        options["time_limit_minutes"] = parse_int("time_limit_minutes", data["time_limit_minutes"], min_value=1,
                                                  max_value=24 * 60, default=None)  # fmt: skip
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

    def post(self, request):
        school = _school_for_building(request.user)
        item_ids = id_list("items", required(request.data, "items"))
        found = {item.pk: item for item in visible(request.user, Item).filter(pk__in=item_ids)}
        missing = [str(pk) for pk in item_ids if pk not in found]
        if missing:
            raise BadRequest({"items": f"No such items: {', '.join(missing)}."})
        assessment = services.assessment_create(
            title=_title(request.data), kind=_kind(request.data), school=school,
            created_by=request.user, items=[found[pk] for pk in item_ids], **_assessment_options(request.data),
        )  # fmt: skip
        return ApiResponse({"id": assessment.pk, "items": item_ids}, status=status.HTTP_201_CREATED)


class AssessmentGenerateView(APIView):
    """POST {"title", "kind", "targets": [codes], "item_count"?}: have one drawn from the bank."""

    def post(self, request):
        school = _school_for_building(request.user)
        codes = [clean_text("targets", code, max_length=40) for code in required(request.data, "targets", list)]
        targets = {target.code: target for target in LearningTarget.objects.filter(code__in=codes)}
        unknown = [str(code) for code in codes if code not in targets]
        if unknown:
            raise BadRequest({"targets": f"Unknown learning targets: {', '.join(unknown)}."})
        assessment = services.assessment_generate(
            title=_title(request.data), kind=_kind(request.data), school=school,
            created_by=request.user, targets=[targets[code] for code in codes],
            item_count=parse_int("item_count", request.data.get("item_count"), min_value=1, max_value=200, default=None),
            **_assessment_options(request.data),
        )  # fmt: skip
        item_ids = list(assessment.assessment_items.order_by("position").values_list("item_id", flat=True))
        return ApiResponse({"id": assessment.pk, "items": item_ids}, status=status.HTTP_201_CREATED)


class AssignmentCreateView(APIView):
    """POST {"section", "opens_at", "due_at", "students"?: [ids]}: assign an assessment."""

    def post(self, request, assessment_id):
        assessment = get_for_user(request.user, Assessment, assessment_id, "change")
        section = get_for_user(request.user, Section, parse_id("section", required(request.data, "section")), "change")
        chosen = request.data.get("students")
        students = list(User.objects.filter(pk__in=id_list("students", chosen))) if chosen is not None else []
        assignment = services.assignment_create(
            assessment=assessment, section=section, opens_at=parse_datetime("opens_at", required(request.data, "opens_at")),
            due_at=parse_datetime("due_at", required(request.data, "due_at")), assigned_by=request.user, students=students,
        )  # fmt: skip
        return ApiResponse({"id": assignment.pk}, status=status.HTTP_201_CREATED)
