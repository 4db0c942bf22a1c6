"""A bounded fuzz of every page and API door: hypothesis sends wrong types, nulls, huge numbers, NUL bytes,
impossible dates, deep nesting, long strings and random ids as a teacher and as a student, and no answer may be a
500. ENDPOINTS lists every URL of the site with what it reads; a test checks the list covers the URL conf."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Callable

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assessments import authoring
from assessments import services as assessment_services
from assessments.models import Assessment
from learners import services as learner_services
from learners.rules import PROFILE_FIELDS
from learning_platform.calendar import school_today
from playlists import services as path_services

pytestmark = pytest.mark.django_db

# Examples per endpoint, method and role: the whole fuzz (about 1,200 requests) stays under two minutes in CI.
EXAMPLES = 6
# Left out of the fuzz: Django's own admin and sign-in pages, and the health check, which reads nothing.
NOT_FUZZED = {"login", "logout", "health"}

NASTY_TEXT = [
    "",
    " ",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "2026-02-30T08:00:00Z",
    "\x00",
    "a\x00b",
    "\x07\x1b",
    "x" * 5000,
    "-1",
    "0",
    "99999999999999999999",
    "1e9",
    "NaN",
    "true",
    "null",
    "[]",
    "{}",
    "6.RP.A.1\x00",
    "\ud7ff",
    "é" * 300,
    "<script>alert(1)</script>",
    "'; drop table users; --",
    "../../etc/passwd",
    "unit:",
    "6:RP",
    "csv",
]
HUGE = [2**31, 2**63, 2**70, -(2**63), 0, -1]
DEEP_JSON = '{"a": ' + "[" * 5000 + "]" * 5000 + "}"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from(HUGE),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(NASTY_TEXT),
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)
form_text = st.one_of(st.sampled_from(NASTY_TEXT), st.text(max_size=30), st.integers(-(2**70), 2**70).map(str))


@dataclass(frozen=True)
class Endpoint:
    """A URL and what it reads: its path arguments (from the fuzz world), the methods it answers, the body fields
    (JSON for the API, form fields for pages), the query parameters, and good values to mix in per field."""

    name: str
    kwargs: Callable[[SimpleNamespace], dict] = lambda w: {}
    methods: tuple[str, ...] = ("get",)
    fields: Callable[[SimpleNamespace], list[str]] | tuple[str, ...] = ()
    params: tuple[str, ...] = ()
    api: bool = False
    roles: tuple[str, ...] = ("teacher", "student")
    good: dict = field(default_factory=dict)

    def field_names(self, w) -> list[str]:
        return list(self.fields(w) if callable(self.fields) else self.fields)


def _learner(w):
    return {"pk": w.world.student_profile.pk}


ADMIN_ROLES = ("teacher", "student", "school_admin", "district_admin")
BANK_PARAMS = ("grade", "domain", "target", "type", "origin", "q", "page")
ITEM_API_FIELDS = (
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
)
ITEM_FORM_FIELDS = (
    "school",
    "item_type",
    "stem",
    "targets",
    "difficulty",
    "max_points",
    "correct",
    "choice_1",
    "choice_2",
    "feedback_1",
    "numeric_value",
    "numeric_tolerance",
    "accepted",
    "case_sensitive",
    "comparison",
    "rubric_criteria",
    "rubric_levels",
    "hints",
    "worked_solution",
)
ACTIVITY_FIELDS = (
    "school",
    "title",
    "description",
    "targets",
    "modality",
    "expected_minutes",
    "difficulty",
    "url",
    "body",
    "interest_tags",
)
ENDPOINTS = [
    # The API
    Endpoint("api-me", api=True),
    Endpoint("api-section-list", api=True, params=("page", "grade", "subject", "term")),
    Endpoint("api-section-detail", lambda w: {"pk": w.world.section.pk}, api=True),
    Endpoint("api-learner-detail", _learner, ("get", "patch"), (*PROFILE_FIELDS, "school"), api=True),
    Endpoint("api-learner-mastery", _learner, params=("page", "level", "grade", "domain"), api=True),
    Endpoint(
        "api-learner-evidence",
        lambda w: {"pk": w.world.student_profile.pk, "code": "6.RP.A.1"},
        params=("page", "kind", "since"),
        api=True,
    ),
    Endpoint("api-learner-judgment", _learner, ("post",), ("target", "level", "reason"), api=True),
    Endpoint(
        "api-assessment-create",
        methods=("post",),
        api=True,
        fields=(
            "title",
            "kind",
            "items",
            "attempts_allowed",
            "time_limit_minutes",
            "show_answers_after_submit",
            "show_feedback_after_submit",
        ),
    ),
    Endpoint("api-assessment-generate", methods=("post",), fields=("title", "kind", "targets", "item_count"), api=True),
    Endpoint(
        "api-assignment-create",
        lambda w: {"assessment_id": w.quiz.pk},
        ("post",),
        ("section", "opens_at", "due_at", "students"),
        api=True,
    ),
    Endpoint("api-attempt-start", lambda w: {"assignment_id": w.quiz_assignment.pk}, ("post",), api=True),
    Endpoint("api-attempt-detail", lambda w: {"attempt_id": w.attempt.pk}, api=True),
    Endpoint(
        "api-attempt-answer",
        lambda w: {"attempt_id": w.attempt.pk, "item_id": w.bank.items.numeric.pk},
        ("put",),
        ("answer",),
        api=True,
    ),
    Endpoint("api-attempt-submit", lambda w: {"attempt_id": w.attempt.pk}, ("post",), ("answers",), api=True),
    Endpoint(
        "api-rubric-score", lambda w: {"response_id": w.open_response.pk}, ("post",), ("levels", "comment"), api=True
    ),
    Endpoint("api-item-key", lambda w: {"item_id": w.bank.items.numeric.pk}, ("post",), ("key", "choices"), api=True),
    Endpoint("api-learner-path", _learner, params=("day",), api=True),
    Endpoint(
        "api-path-overrides",
        _learner,
        ("get", "post"),
        ("action", "activity", "assessment", "target", "starts_on", "ends_on", "due", "note", "position"),
        params=("page", "action", "target"),
        api=True,
    ),
    Endpoint("api-path-override", lambda w: {"override_id": w.override.pk}, ("delete",), api=True),
    Endpoint("api-path-item-start", lambda w: {"item_id": w.path_item.pk}, ("post",), api=True),
    Endpoint(
        "api-bank-items",
        methods=("get", "post"),
        fields=ITEM_API_FIELDS,
        params=BANK_PARAMS,
        api=True,
        roles=ADMIN_ROLES,
    ),
    Endpoint(
        "api-bank-item",
        lambda w: {"item_id": w.own_item.pk},
        ("get", "patch"),
        ITEM_API_FIELDS,
        api=True,
        roles=ADMIN_ROLES,
    ),
    Endpoint("api-bank-item-statistics", lambda w: {"item_id": w.own_item.pk}, api=True, roles=ADMIN_ROLES),
    Endpoint(
        "api-assessment-questions",
        lambda w: {"assessment_id": w.open_ticket.pk},
        ("get", "post"),
        ("action", "item", "old_item"),
        api=True,
        roles=ADMIN_ROLES,
    ),
    Endpoint(
        "api-bank-activities",
        methods=("get", "post"),
        fields=ACTIVITY_FIELDS,
        params=BANK_PARAMS,
        api=True,
        roles=ADMIN_ROLES,
    ),
    Endpoint(
        "api-bank-activity",
        lambda w: {"activity_id": w.own_activity.pk},
        ("get", "patch"),
        ACTIVITY_FIELDS,
        api=True,
        roles=ADMIN_ROLES,
    ),
    # The student's pages
    Endpoint("home", roles=ADMIN_ROLES),
    Endpoint(
        "about-me",
        methods=("get", "post"),
        fields=("action", "interests", "career_goals", "way-1", "way-2", "way-3", "target", "reach_by", "why", "goal"),
    ),
    Endpoint("today"),
    Endpoint("today-item", lambda w: {"item_id": w.path_item.pk}, ("post",), ("action", "activity")),
    Endpoint("today-path"),
    Endpoint("today-activity", lambda w: {"item_id": w.activity_item.pk}),
    Endpoint(
        "today-activity-practice",
        lambda w: {"item_id": w.activity_item.pk, "practice_id": w.practice.pk},
        ("post",),
        ("action", "kind", "answer"),
    ),
    Endpoint("today-activity-time", lambda w: {"item_id": w.activity_item.pk}, ("post",)),
    Endpoint("today-activity-link", lambda w: {"item_id": w.activity_item.pk}),
    Endpoint("today-exit-ticket", lambda w: {"item_id": w.path_item.pk}, ("post",)),
    Endpoint("my-progress"),
    Endpoint("placement", methods=("get", "post")),
    Endpoint(
        "placement-answer", lambda w: {"question_id": w.placement_question.pk}, ("post",), ("action", "kind", "answer")
    ),
    Endpoint(
        "take-assessment",
        lambda w: {"assignment_id": w.quiz_assignment.pk},
        ("get", "post"),
        lambda w: [f"item-{item.pk}" for item in w.quiz.items.all()],
    ),
    # The teacher's pages
    Endpoint("teach-home"),
    Endpoint("teach-grid", lambda w: {"section_id": w.world.section.pk}, params=("scope", "sort")),
    Endpoint(
        "teach-exit-ticket",
        lambda w: {"section_id": w.world.section.pk},
        ("get", "post"),
        ("targets", "due", "title", "who", "students", "show_answers"),
    ),
    Endpoint("teach-scoring", params=("assignment",)),
    Endpoint(
        "teach-score",
        lambda w: {"response_id": w.open_response.pk},
        ("get", "post"),
        ("criterion-reasoning", "criterion-precision", "comment"),
    ),
    Endpoint("teach-summary", lambda w: {"assignment_id": w.exit_ticket.pk}),
    Endpoint("teach-evidence", lambda w: {"learner_id": w.world.student.pk, "target_id": w.bank.ratios.pk}),
    Endpoint("teach-placement", lambda w: {"section_id": w.world.section.pk}, ("get", "post"), ("who", "students")),
    Endpoint("teach-learner-placement", lambda w: {"learner_id": w.world.student.pk}),
    Endpoint("teach-learner", lambda w: {"learner_id": w.world.student.pk}, params=("day",)),
    Endpoint(
        "teach-learner-path",
        lambda w: {"learner_id": w.world.student.pk},
        ("post",),
        ("action", "day", "override", "activity", "ends_on", "due", "note", "assessment", "section", "item"),
    ),
    Endpoint("teach-review", lambda w: {"section_id": w.world.section.pk}, ("get", "post"), ("day",), ("day",)),
    Endpoint(
        "teach-groups",
        lambda w: {"section_id": w.world.section.pk},
        ("get", "post"),
        ("meets_on", "group", "target-0", "students-0", "activity-0", "note-0"),
    ),
    Endpoint(
        "teach-assign",
        lambda w: {"section_id": w.world.section.pk},
        ("get", "post"),
        ("what", "starts_on", "due", "who", "group", "students", "activity", "target", "assessment", "note"),
    ),
    Endpoint(
        "teach-units",
        lambda w: {"section_id": w.world.section.pk},
        ("get", "post"),
        ("starts_on", "ends_on", "targets", "name"),
    ),
    Endpoint("teach-group-leave", lambda w: {"group_id": w.group.pk}, ("post",), ("student",)),
    # The bank: teachers' own items and activities
    Endpoint("teach-bank", params=BANK_PARAMS, roles=ADMIN_ROLES),
    Endpoint("teach-bank-item-new", methods=("get", "post"), fields=ITEM_FORM_FIELDS, roles=ADMIN_ROLES),
    Endpoint("teach-bank-item-preview", methods=("post",), fields=ITEM_FORM_FIELDS, roles=ADMIN_ROLES),
    Endpoint("teach-bank-item", lambda w: {"item_id": w.own_item.pk}, roles=ADMIN_ROLES),
    Endpoint(
        "teach-bank-item-edit",
        lambda w: {"item_id": w.own_item.pk},
        ("get", "post"),
        ITEM_FORM_FIELDS,
        roles=ADMIN_ROLES,
    ),
    Endpoint(
        "teach-assessment-questions",
        lambda w: {"assessment_id": w.open_ticket.pk},
        ("get", "post"),
        ("action", "item", "old_item"),
        roles=ADMIN_ROLES,
    ),
    Endpoint("teach-bank-activities", params=BANK_PARAMS, roles=ADMIN_ROLES),
    Endpoint("teach-bank-activity-new", methods=("get", "post"), fields=ACTIVITY_FIELDS, roles=ADMIN_ROLES),
    Endpoint("teach-bank-activity-preview", methods=("post",), fields=ACTIVITY_FIELDS, roles=ADMIN_ROLES),
    Endpoint("teach-bank-activity", lambda w: {"activity_id": w.own_activity.pk}, roles=ADMIN_ROLES),
    Endpoint(
        "teach-bank-activity-edit",
        lambda w: {"activity_id": w.own_activity.pk},
        ("get", "post"),
        ACTIVITY_FIELDS,
        roles=ADMIN_ROLES,
    ),
    # The admins' pages
    Endpoint("analytics-home", roles=ADMIN_ROLES),
    Endpoint("analytics-roster-overview", params=("format",), roles=ADMIN_ROLES),
    Endpoint(
        "analytics-district",
        lambda w: {"district_id": w.world.district.pk},
        params=("format", "table"),
        roles=ADMIN_ROLES,
    ),
    Endpoint(
        "analytics-district-standards",
        lambda w: {"district_id": w.world.district.pk},
        params=("format", "table", "grade"),
        roles=ADMIN_ROLES,
    ),
    Endpoint("analytics-district-status", lambda w: {"district_id": w.world.district.pk}, roles=ADMIN_ROLES),
    Endpoint(
        "analytics-district-refresh", lambda w: {"district_id": w.world.district.pk}, ("post",), roles=ADMIN_ROLES
    ),
    Endpoint(
        "analytics-school", lambda w: {"school_id": w.world.school.pk}, params=("format", "table"), roles=ADMIN_ROLES
    ),
    Endpoint(
        "analytics-school-standards",
        lambda w: {"school_id": w.world.school.pk},
        params=("format", "table", "grade"),
        roles=ADMIN_ROLES,
    ),
    Endpoint("analytics-school-status", lambda w: {"school_id": w.world.school.pk}, roles=ADMIN_ROLES),
    Endpoint("analytics-school-refresh", lambda w: {"school_id": w.world.school.pk}, ("post",), roles=ADMIN_ROLES),
    Endpoint(
        "analytics-school-audit",
        lambda w: {"school_id": w.world.school.pk},
        params=("kind", "person", "page"),
        roles=ADMIN_ROLES,
    ),
    Endpoint(
        "analytics-district-audit",
        lambda w: {"district_id": w.world.district.pk},
        params=("kind", "person", "page"),
        roles=ADMIN_ROLES,
    ),
    Endpoint(
        "analytics-section", lambda w: {"section_id": w.world.section.pk}, params=("format", "table"), roles=ADMIN_ROLES
    ),
    Endpoint(
        "analytics-student", lambda w: {"learner_id": w.world.student.pk}, params=("format", "table"), roles=ADMIN_ROLES
    ),
]
BY_NAME = {endpoint.name: endpoint for endpoint in ENDPOINTS}


def _url_names(patterns, namespace: str = "") -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            names |= _url_names(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(pattern.name)
    return names


def test_the_fuzz_covers_every_url_of_the_site():
    assert _url_names(get_resolver().url_patterns) - NOT_FUZZED == set(BY_NAME)
    assert len(BY_NAME) == len(ENDPOINTS)


@pytest.fixture
def fuzz_world(classroom):
    """The classroom (an exit ticket and a rubric task taken, an open response waiting), plus a quiz with an
    attempt in progress, today's path, a teacher's override and a small group."""
    world, bank = classroom.world, classroom.bank
    now = timezone.now()
    quiz = assessment_services.assessment_create(
        title="Fuzz quiz",
        kind=Assessment.Kind.QUIZ,
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.choice, bank.items.select, bank.items.numeric, bank.items.text],
        attempts_allowed=100,
    )
    quiz_assignment = assessment_services.assignment_create(
        assessment=quiz,
        section=world.section,
        opens_at=now - datetime.timedelta(hours=1),
        due_at=now + datetime.timedelta(days=1),
        assigned_by=world.teacher,
    )
    attempt = assessment_services.attempt_start(assignment=quiz_assignment, learner=world.student)
    today = school_today(world.school)
    override = path_services.path_override_create(
        teacher=world.teacher, learner=world.student, action="focus", target=bank.rates, starts_on=today
    )
    (group,) = path_services.small_groups_plan(
        teacher=world.teacher,
        section=world.section,
        meets_on=today,
        groups=[path_services.GroupPlan(target=bank.ratios, student_ids=(world.student.pk,))],
    )
    playlist = path_services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    activity_item = playlist.items.filter(kind="activity").order_by("position").first()
    visit = path_services.activity_open(learner=world.student, item_id=activity_item.pk)
    learner_services.placement_assign(teacher=world.teacher, section=world.section, student_ids=[world.student.pk])
    placement_question = learner_services.placement_question(learner=world.student)
    own_item = authoring.item_write(
        author=world.teacher,
        school=world.school,
        item_type="numeric",
        stem="Half of 9?",
        targets=[bank.rates],
        key={"value": "9/2"},
    )
    own_activity = path_services.activity_write(
        author=world.teacher,
        school=world.school,
        targets=[bank.rates],
        title="Rates",
        modality="reading",
        expected_minutes=5,
        body="Read.",
    )
    open_ticket = assessment_services.assessment_create(
        title="Not started",
        kind=Assessment.Kind.EXIT_TICKET,
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.choice, bank.items.numeric, bank.items.compare],
    )
    return SimpleNamespace(
        own_item=own_item,
        own_activity=own_activity,
        open_ticket=open_ticket,
        placement_question=placement_question,
        activity_item=activity_item,
        practice=visit.practice_set.responses.order_by("position").first(),
        world=world,
        bank=bank,
        exit_ticket=classroom.exit_ticket,
        open_response=classroom.open_response,
        quiz=quiz,
        quiz_assignment=quiz_assignment,
        attempt=attempt,
        override=override,
        group=group,
        path_item=playlist.items.order_by("position").first(),
        catalog=classroom.catalog,
    )


def good_values(w) -> dict[str, list]:
    """Values that pass the first checks, so the fuzz also reaches the code behind them."""
    world, bank = w.world, w.bank
    ids = [world.student.pk, world.other_student.pk, bank.ratios.pk, bank.items.choice.pk, w.override.pk, w.group.pk]
    activity = next(iter(w.catalog.values())).pk
    return {
        "action": [
            "pin",
            "remove",
            "lock",
            "move",
            "focus",
            "undo",
            "group",
            "assign_assessment",
            "up",
            "down",
            "profile",
            "goal_create",
            "goal_update",
            "achieved",
            "retired",
            "active",
            "choose",
            "start",
            "done",
            "answer",
            "hint",
            "solution",
            "dont_know",
        ],
        "what": ["activity", "assessment", "target"],
        "who": ["section", "group", "students", "all", "chosen"],
        "kind": ["exit_ticket", "quiz", "rubric_task", "numeric", "multiple_select"],
        "answer": ["3/4", "a", ["a", "b"]],
        "level": ["familiar", "proficient", "mastered"],
        "target": [bank.ratios.pk, "6.RP.A.1"],
        "targets": [[bank.ratios.pk], ["6.RP.A.1", "6.RP.A.2"]],
        "items": [[bank.items.choice.pk, bank.items.numeric.pk]],
        "students": [[world.student.pk]],
        "section": [world.section.pk],
        "assessment": [w.quiz.pk],
        "activity": [activity],
        "group": [w.group.pk],
        "override": [w.override.pk],
        "item": [w.path_item.pk],
        "goal": ids,
        "student": [world.student.pk],
        "day": ["2026-11-24", datetime.date.today().isoformat()],
        "scope": ["unit", "6:RP"],
        "format": ["csv"],
        "table": ["students", "targets"],
        "grade": ["6", "7"],
        "sort": ["student", "level"],
        "item_type": ["numeric", "single_choice", "open_response"],
        "modality": ["reading", "video"],
        "numeric_value": ["3/4"],
        "stem": ["What is 3/4 of 8?"],
        "title": ["Rates"],
        "domain": ["RP"],
        "origin": ["shared", "school"],
        "old_item": [bank.items.numeric.pk],
        "school": [world.school.pk],
        "expected_minutes": [10],
        "key": [{"value": "3/4"}, {"correct": "a"}],
    }


def _good(goods, name):
    base = name.split("-")[0] if name.split("-")[-1].isdigit() else name
    return goods.get(name) or goods.get(base) or goods.get(name.replace("_on", "").replace("reach_by", "day")) or []


# The values behind the 500s the fuzz once found, tried first and often: an impossible date, NUL bytes, wrong
# types, numbers too large for the database, an over-long string.
CORE_JSON = ["2026-02-30", "a\x00b", None, True, "xxx", 10**20, -1, "x" * 5000, [], {}, [True], ["\x00"], {"1": None}]
CORE_FORM = ["2026-02-30", "a\x00b", "xxx", str(10**20), "-1", "x" * 5000, "", "\x00"]


def json_body(w, endpoint: Endpoint):
    goods = good_values(w)
    members = {
        name: st.one_of(
            st.sampled_from(CORE_JSON),
            *([st.sampled_from(_good(goods, name))] if _good(goods, name) else []),
            json_values,
        )
        for name in endpoint.field_names(w)
    }
    every_field = st.fixed_dictionaries(members).map(json.dumps)
    some_fields = st.fixed_dictionaries({}, optional=members).map(json.dumps)
    return st.one_of(every_field, some_fields, json_values.map(json.dumps), st.just(DEEP_JSON))


def form_data(w, names):
    goods = good_values(w)

    def value(name):
        good = [str(v) if not isinstance(v, list) else [str(x) for x in v] for v in _good(goods, name)]
        single = st.one_of(st.sampled_from(CORE_FORM), *([st.sampled_from(good)] if good else []), form_text)
        return st.one_of(single, st.lists(single, max_size=3))

    return st.fixed_dictionaries({name: value(name) for name in names})


def _send(client, w, endpoint: Endpoint, method: str, body, params: dict, kwargs: dict):
    url = reverse(endpoint.name, kwargs=kwargs)
    # Each request in its own savepoint, as a request in production has its own transaction: what one example
    # writes stays, and a failed one cannot poison the next.
    with transaction.atomic():
        if method == "get":
            return client.get(url, params)
        if endpoint.api:
            return getattr(client, method)(url, data=body or "", content_type="application/json")
        return getattr(client, method)(url, body or {})


ROLES = ("teacher", "student", "school_admin", "district_admin")


@pytest.mark.parametrize("role", ROLES)
def test_no_input_gets_a_500(client, fuzz_world, role):
    # One world per role, every endpoint in turn: building the world costs more than the requests.
    client.force_login(getattr(fuzz_world.world, role))
    for endpoint in ENDPOINTS:
        if role not in endpoint.roles:
            continue
        for method in endpoint.methods:
            fuzz_endpoint(client, fuzz_world, endpoint, method)


def fuzz_endpoint(client, fuzz_world, endpoint: Endpoint, method: str):
    kwargs = endpoint.kwargs(fuzz_world)
    if method == "get":
        body_strategy = st.none()
    elif endpoint.api:
        body_strategy = json_body(fuzz_world, endpoint)
    else:
        body_strategy = form_data(fuzz_world, endpoint.field_names(fuzz_world))
    wrong_ids = st.fixed_dictionaries(
        {key: st.sampled_from([value, 0, 2**31, 10**18 - 1]) for key, value in kwargs.items() if isinstance(value, int)}
    )

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(body=body_strategy, params=form_data(fuzz_world, endpoint.params), ids=st.one_of(st.just({}), wrong_ids))
    def check(body, params, ids):
        response = _send(client, fuzz_world, endpoint, method, body, params, {**kwargs, **ids})
        assert response.status_code < 500, (method, endpoint.name, response.status_code, body, params)

    if endpoint.api and method != "get":
        check = example(body=DEEP_JSON, params={}, ids={})(check)
    check()
