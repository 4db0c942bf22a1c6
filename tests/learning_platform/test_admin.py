"""The Django admin, scoped by the permission rules: school and district admins see and change only their own."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from assessments.models import Framework, LearningTarget, Prerequisite, RelatedTarget
from assessments.services import prerequisite_add
from learners import services as learner_services
from learners.models import LearnerProfile
from learning_platform import services
from learning_platform.models import Membership, Section, User
from playlists.models import Activity
from tests.factories import LearnerFactory, TermFactory

pytestmark = pytest.mark.django_db

MODELS = [
    ("learning_platform", "user"),
    ("learning_platform", "district"),
    ("learning_platform", "school"),
    ("learning_platform", "academicterm"),
    ("learning_platform", "section"),
    ("learning_platform", "enrollment"),
    ("learning_platform", "membership"),
    ("learners", "learnerprofile"),
    ("learners", "learnergoal"),
    ("assessments", "framework"),
    ("assessments", "learningtarget"),
    ("assessments", "prerequisite"),
    ("assessments", "relatedtarget"),
    ("playlists", "activity"),
]


def staff(user: User) -> User:
    """The user, allowed through the admin's door (which asks for is_staff) but given no Django permissions."""
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


def superuser() -> User:
    return User.objects.create_superuser(username="root", email="root@example.org", password="correct-horse-battery")


def url(app_label: str, model_name: str, view: str, *args) -> str:
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def listed(client, app_label: str, model_name: str, **params) -> list:
    """The rows the changelist shows."""
    response = client.get(url(app_label, model_name, "changelist"), params)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def make_targets(codes=("6.RP.A.1", "6.RP.A.2", "6.RP.A.3"), slug="ccss-math") -> dict[str, LearningTarget]:
    framework = Framework.objects.create(name=f"Standards {slug}", slug=slug, subject="math")
    return {
        code: LearningTarget.objects.create(
            framework=framework, code=code, text=f"Standard {code}", grade="6", domain_code="RP", domain_name="Ratios"
        )
        for code in codes
    }


def make_activity(slug: str, *, school=None, targets=(), **fields) -> Activity:
    activity = Activity.objects.create(
        slug=slug,
        title=slug.replace("-", " ").title(),
        modality="video",
        expected_minutes=10,
        body="Watch.",
        school=school,
        **fields,
    )
    activity.targets.set(targets)
    return activity


def profile_form(profile: LearnerProfile, **changes) -> dict:
    """The LearnerProfile change form as the admin posts it, with `changes` applied."""
    values = {
        "grade": profile.grade,
        "interests": "[]",
        "career_goals": "[]",
        "preferred_modalities": "[]",
        "extended_time_factor": str(profile.extended_time_factor),
        "home_language": profile.home_language,
        "daily_minutes_budget": str(profile.daily_minutes_budget),
        "goals-TOTAL_FORMS": "0",
        "goals-INITIAL_FORMS": "0",
    }
    return {**values, **changes}


@pytest.fixture
def standards(world):
    """Three ratio targets with the chain 6.RP.A.1 -> 6.RP.A.2 -> 6.RP.A.3, a related pair, an activity and a goal."""
    targets = make_targets()
    prerequisite_add(prerequisite=targets["6.RP.A.1"], target=targets["6.RP.A.2"])
    prerequisite_add(prerequisite=targets["6.RP.A.2"], target=targets["6.RP.A.3"])
    RelatedTarget.objects.create(first=targets["6.RP.A.1"], second=targets["6.RP.A.3"])
    make_activity("ratio-tables", school=world.school, targets=[targets["6.RP.A.1"]])
    learner_services.learner_goal_create(
        learner=world.student_profile,
        target=targets["6.RP.A.2"],
        reach_by=datetime.date(2026, 12, 18),
        why="I want to scale recipes.",
    )
    return targets


@pytest.mark.parametrize("app_label, model_name", MODELS)
def test_a_superuser_opens_every_changelist_and_change_page(client, world, standards, app_label, model_name):
    # given a superuser
    client.force_login(superuser())

    # when they open the model's list, then the first row's page
    rows = listed(client, app_label, model_name)
    response = client.get(url(app_label, model_name, "change", rows[0].pk))

    # then both open
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["school_admin", "district_admin"])
@pytest.mark.parametrize("app_label, model_name", MODELS)
def test_admins_open_every_list_they_are_offered(client, world, standards, role, app_label, model_name):
    # given a school or district admin
    client.force_login(staff(getattr(world, role)))

    # when they open each list and its first row
    rows = listed(client, app_label, model_name)

    # then both open
    assert client.get(url(app_label, model_name, "change", rows[0].pk)).status_code == 200


@pytest.mark.parametrize(
    "app_label, model_name",
    [("learning_platform", name) for name in ("user", "membership", "academicterm", "section")]
    + [("learners", "learnergoal"), ("playlists", "activity")],
)
def test_a_school_admin_opens_the_add_pages_they_are_offered(client, world, app_label, model_name):
    # given a school admin, then each add page the index offers them opens
    client.force_login(staff(world.school_admin))
    assert client.get(url(app_label, model_name, "add")).status_code == 200


@pytest.mark.parametrize(
    "role, profiles, sections",
    [
        ("school_admin", ["other-student", "stranger-student", "student"], ["Math 6 period 1", "Math 6 period 2"]),
        ("district_admin", ["other-student", "stranger-student", "student"], ["Math 6 period 1", "Math 6 period 2"]),
        ("other_school_admin", [], []),
    ],
)
def test_admins_list_only_their_schools_learners_and_sections(client, world, role, profiles, sections):
    # given an admin of school A, of its district, or of school B, let into the admin
    client.force_login(staff(getattr(world, role)))

    # then the learner and section lists hold exactly school A's rows, or none
    assert sorted(profile.user.username for profile in listed(client, "learners", "learnerprofile")) == profiles
    assert sorted(section.name for section in listed(client, "learning_platform", "section")) == sections


def test_section_list_counts_active_students(client, world):
    # given period 1 has two teachers and two students, one of whom leaves
    services.section_teacher_add(section=world.section, teacher=world.other_teacher)
    enrollment = world.section.enrollments.get(student=world.other_student)
    services.enrollment_withdraw(enrollment=enrollment, withdrawn_on=datetime.date(2026, 9, 30))
    client.force_login(staff(world.school_admin))

    # then the list counts the one who stays, also when a search matches both teachers
    for search in ("", "teacher"):
        sections = listed(client, "learning_platform", "section", q=search)
        assert {section.name: section.active_student_count for section in sections} == {
            "Math 6 period 1": 1,
            "Math 6 period 2": 1,
        }
    assert [e.student.username for e in listed(client, "learning_platform", "enrollment", status="withdrawn")] == [
        "other-student"
    ]


def test_another_schools_profile_page_is_not_found(client, world):
    # given an admin of school B
    client.force_login(staff(world.other_school_admin))

    # when they open the page of a school A learner
    response = client.get(url("learners", "learnerprofile", "change", world.student_profile.pk), follow=True)

    # then they land on the admin index, told it does not exist, and the learner is not shown
    assert response.redirect_chain == [(reverse("admin:index"), 302)]
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        f"learner profile with ID “{world.student_profile.pk}” doesn’t exist. Perhaps it was deleted?"
    ]
    assert str(world.student) not in response.content.decode()


@pytest.mark.parametrize("role, changed", [("school_admin", True), ("other_school_admin", False)])
def test_posting_a_profile_change_writes_only_in_scope(client, world, role, changed):
    # given an admin of school A or of school B
    profile = world.student_profile
    client.force_login(staff(getattr(world, role)))

    # when they post a new minutes budget and extended time for a school A learner
    response = client.post(
        url("learners", "learnerprofile", "change", profile.pk),
        profile_form(profile, daily_minutes_budget="60", extended_time_factor="1.50", has_iep="on"),
    )

    # then school A's admin changes it (through the profile service) and school B's changes nothing
    assert response.status_code == 302
    assert response.url == (url("learners", "learnerprofile", "changelist") if changed else reverse("admin:index"))
    profile.refresh_from_db()
    written = (profile.daily_minutes_budget, profile.extended_time_factor, profile.has_iep)
    assert written == ((60, Decimal("1.50"), True) if changed else (45, Decimal("1.00"), False))


def test_a_teacher_with_staff_status_gets_nothing(client, world):
    # given a teacher let through the admin's door, with no admin role
    client.force_login(staff(world.teacher))

    # then the index offers no models, and even their own section's pages are refused
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200 and index.context["app_list"] == []
    assert client.get(url("learning_platform", "section", "changelist")).status_code == 403
    assert client.get(url("learning_platform", "section", "change", world.section.pk)).status_code == 403
    assert client.get(url("learners", "learnerprofile", "changelist")).status_code == 403


def offered(client) -> dict[str, set[str]]:
    """What the admin index offers for each model: the actions among add, change, delete, view."""
    app_list = client.get(reverse("admin:index")).context["app_list"]
    return {
        model["object_name"]: {action for action, allowed in model["perms"].items() if allowed}
        for app in app_list
        for model in app["models"]
    }


@pytest.mark.parametrize("role, runs_schools", [("school_admin", False), ("district_admin", True)])
def test_the_index_offers_admins_their_actions(client, world, role, runs_schools):
    # given a school or district admin
    client.force_login(staff(getattr(world, role)))

    # then they run people, roles, classes and the catalog; profiles and enrollments are added elsewhere;
    # only platform staff open districts, only district admins open schools, and standards are read-only
    everything = {"add", "change", "delete", "view"}
    no_add, no_add_or_delete = everything - {"add"}, everything - {"add", "delete"}
    assert offered(client) == {
        **dict.fromkeys(
            (
                "User",
                "Membership",
                "AcademicTerm",
                "Section",
                "Activity",
                "LearnerGoal",
                "Item",
                "Assessment",
                "Assignment",
                "MasterySettings",
            ),
            everything,
        ),
        # What the services alone write: attempts, the evidence log, mastery, judgments, fitted parameters, paths
        # and the teacher's say over them (with its log, small groups and approvals), the nightly runs and the
        # dashboards' snapshots, and the audit log
        **dict.fromkeys(
            (
                "AuditEntry",
                "Attempt",
                "Evidence",
                "MasteryState",
                "MasteryJudgment",
                "TargetModelParams",
                "MasteryModelFit",
                "Playlist",
                "PlaylistItem",
                "PathOverride",
                "UnitPlan",
                "NightlyRun",
                "NightlyBatch",
                "SmallGroup",
                "PathChange",
                "PathApproval",
                "SnapshotRun",
                "SnapshotBatch",
                "LearnerSnapshot",
                "GroupSnapshot",
                "TargetSnapshot",
            ),
            {"view"},
        ),
        **dict.fromkeys(("LearnerProfile", "Enrollment"), no_add),
        "District": no_add_or_delete,
        "School": everything if runs_schools else no_add_or_delete,
        **dict.fromkeys(("Framework", "LearningTarget", "Prerequisite", "RelatedTarget"), {"view"}),
        # Failed sign-ins of their people: seen, and deleted to unlock
        "AccessAttempt": {"delete", "view"},
    }


def test_a_school_admin_reads_standards_but_cannot_write_them(client, world, standards):
    # given a school admin
    client.force_login(staff(world.school_admin))
    target = standards["6.RP.A.1"]

    # then the standards are listed, but adding, changing and adding edges are refused
    assert [t.code for t in listed(client, "assessments", "learningtarget")] == ["6.RP.A.1", "6.RP.A.2", "6.RP.A.3"]
    assert client.get(url("assessments", "learningtarget", "add")).status_code == 403
    fields = {
        "framework": target.framework_id,
        "code": "6.RP.A.9",
        "text": "New",
        "grade": "6",
        "domain_code": "RP",
        "domain_name": "Ratios",
        "weight_class": "major",
    }
    assert client.post(url("assessments", "learningtarget", "add"), fields).status_code == 403
    assert client.post(url("assessments", "learningtarget", "change", target.pk), fields).status_code == 403
    assert client.get(url("assessments", "prerequisite", "add")).status_code == 403
    assert LearningTarget.objects.filter(code="6.RP.A.9").count() == 0
    assert LearningTarget.objects.get(pk=target.pk).text == "Standard 6.RP.A.1"


def test_a_school_admin_grants_roles_at_their_school_only(client, world):
    # given a school admin, whose district is among their choices of district
    client.force_login(staff(world.school_admin))
    teacher_role = {"user": world.other_student.pk, "role": "teacher", "school": world.school.pk}
    district_role = {"user": world.other_student.pk, "role": "district_admin", "district": world.district.pk}

    # when they grant a teacher role at their school, then a district admin role
    granted = client.post(url("learning_platform", "membership", "add"), teacher_role)
    refused = client.post(url("learning_platform", "membership", "add"), district_role)

    # then the first is written and the second refused with nothing written
    assert granted.status_code == 302
    assert refused.status_code == 403
    assert sorted(Membership.objects.filter(user=world.other_student).values_list("role", flat=True)) == [
        "student",
        "teacher",
    ]


def test_user_search_suggests_only_people_in_scope(client, world):
    # given school B's admin choosing the person for a new role
    client.force_login(staff(world.other_school_admin))

    # when they search for "student"
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "learning_platform", "model_name": "membership", "field_name": "user", "term": "student"},
    )

    # then no school A student is suggested
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_a_new_person_needs_a_role_at_the_admins_school(client, world):
    # given school A's admin adding a person, first with no role, then as a student of school A
    client.force_login(staff(world.school_admin))
    form = {"username": "new-student", "usable_password": "false", "memberships-INITIAL_FORMS": "0"}
    with_role = {
        **form,
        "memberships-TOTAL_FORMS": "1",
        "memberships-0-role": "student",
        "memberships-0-school": world.school.pk,
    }

    # when they save without a role, then the person is refused and nothing is written
    refused = client.post(url("learning_platform", "user", "add"), {**form, "memberships-TOTAL_FORMS": "0"})
    assert refused.status_code == 403
    assert not User.objects.filter(username="new-student").exists()

    # when they save with the role, then the person and the role are written
    added = client.post(url("learning_platform", "user", "add"), with_role)
    assert added.status_code == 302
    assert list(Membership.objects.filter(user__username="new-student").values_list("role", "school")) == [
        ("student", world.school.pk)
    ]


def test_a_school_admin_cannot_reach_staff_flags_or_a_superusers_password(client, world):
    # given a superuser who also teaches at school A, and school A's admin
    root = superuser()
    services.membership_grant(user=root, role=Membership.Role.TEACHER, school=world.school)
    client.force_login(staff(world.school_admin))

    # then their own page offers no staff, superuser or permission fields
    page = client.get(url("learning_platform", "user", "change", world.school_admin.pk))
    assert set(page.context["adminform"].form.fields) == {
        "username",
        "password",
        "first_name",
        "last_name",
        "display_name",
        "email",
        "is_active",
    }

    # and the superuser's password cannot be set
    response = client.post(
        reverse("admin:auth_user_password_change", args=[root.pk]),
        {"password1": "a-new-pass-phrase", "password2": "a-new-pass-phrase"},
    )
    assert response.status_code == 403
    root.refresh_from_db()
    assert root.check_password("correct-horse-battery")


def test_a_district_admin_cannot_file_a_section_under_another_schools_term(client, world):
    # given a district admin, and a term of school B
    client.force_login(staff(world.district_admin))
    other_term = TermFactory(school=world.other_school, name="Fall at Jefferson")

    # when they add a section at school A in school B's term
    response = client.post(
        url("learning_platform", "section", "add"),
        {"school": world.school.pk, "term": other_term.pk, "name": "Math 6 period 3", "subject": "math", "grade": "6"},
    )

    # then the form says so and nothing is written
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "term": ["Fall at Jefferson is a term of Jefferson Middle, not of Lincoln Middle."]
    }
    assert not Section.objects.filter(name="Math 6 period 3").exists()


def test_section_page_offers_only_its_schools_students(client, world):
    # given a district admin, who also reaches a student of school B
    LearnerFactory(school=world.other_school, username="jefferson-student")
    client.force_login(staff(world.district_admin))

    # when they open school A's section page
    page = client.get(url("learning_platform", "section", "change", world.section.pk))

    # then its enrollment rows choose among school A's students only
    (enrollments,) = page.context["inline_admin_formsets"]
    students = enrollments.formset.form.base_fields["student"].queryset
    assert sorted(students.values_list("username", flat=True)) == ["other-student", "stranger-student", "student"]


def test_deactivating_leaves_the_shared_catalog_alone(client, world):
    # given school A's own activity and a shared one, both on a grade 6 target
    target = make_targets(codes=["6.RP.A.1"])["6.RP.A.1"]
    own = make_activity("own-ratio-video", school=world.school, targets=[target])
    shared = make_activity("shared-ratio-video", targets=[target])
    client.force_login(staff(world.school_admin))

    # when school A's admin, listing grade 6 activities, deactivates both
    response = client.post(
        url("playlists", "activity", "changelist") + "?targets__grade=6",
        {"action": "deactivate", "_selected_action": [own.pk, shared.pk]},
        follow=True,
    )

    # then only their own is inactive, and they are told why the other is not
    assert Activity.objects.get(pk=own.pk).is_active is False
    assert Activity.objects.get(pk=shared.pk).is_active is True
    assert [str(message) for message in response.context["messages"]] == [
        "Made 1 of 2 selected activities inactive.",
        "1 left as they were: you may change only your school's own activities.",
    ]


@pytest.mark.parametrize("who", ["superuser", "school_admin"])
def test_activity_list_runs_in_bounded_queries(client, world, django_assert_max_num_queries, who):
    # given 30 activities, each on two targets, half of them school A's own
    targets = list(make_targets(codes=[f"6.RP.A.{n}" for n in range(1, 11)]).values())
    for n in range(30):
        make_activity(f"activity-{n}", school=world.school if n % 2 else None, targets=targets[n % 9 : n % 9 + 2])
    client.force_login(superuser() if who == "superuser" else staff(world.school_admin))

    # then the list of all 30 costs a fixed number of queries
    with django_assert_max_num_queries(10):
        rows = listed(client, "playlists", "activity")
    assert len(rows) == 30
    assert rows[0].title == "Activity 0" and [t.code for t in rows[0].targets.all()] == ["6.RP.A.1", "6.RP.A.2"]


@pytest.mark.parametrize("who", ["superuser", "school_admin"])
def test_learner_list_runs_in_bounded_queries(client, world, django_assert_max_num_queries, who):
    # given 30 learners at school A
    for n in range(27):
        LearnerFactory(school=world.school, username=f"learner-{n}", has_iep=bool(n % 2))
    client.force_login(superuser() if who == "superuser" else staff(world.school_admin))

    # then the list of all 30 costs a fixed number of queries
    with django_assert_max_num_queries(10):
        rows = listed(client, "learners", "learnerprofile")
    # (the superuser also sees the far school's learner)
    assert len(rows) == (31 if who == "superuser" else 30)
    assert {profile.user.username for profile in rows} >= {"student", "learner-0", "learner-26"}


def test_adding_an_edge_that_closes_a_cycle_shows_the_services_refusal(client, world, standards):
    # given the chain 6.RP.A.1 -> 6.RP.A.2 -> 6.RP.A.3
    client.force_login(superuser())
    before = set(Prerequisite.objects.values_list("prerequisite__code", "target__code"))

    # when a superuser adds 6.RP.A.3 -> 6.RP.A.1
    response = client.post(
        url("assessments", "prerequisite", "add"),
        {"prerequisite": standards["6.RP.A.3"].pk, "target": standards["6.RP.A.1"].pk},
    )

    # then the form shows the service's message naming the cycle, and no edge is written
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "target": [
            "Prerequisite 6.RP.A.3 -> 6.RP.A.1 refused: it would close the cycle 6.RP.A.1 -> 6.RP.A.2 -> 6.RP.A.3 -> "
            "6.RP.A.1."
        ]
    }
    assert set(Prerequisite.objects.values_list("prerequisite__code", "target__code")) == before


def test_adding_an_edge_across_frameworks_is_refused(client, world, standards):
    # given a target in another framework
    other = make_targets(codes=["7.RP.A.1"], slug="draft")["7.RP.A.1"]
    client.force_login(superuser())

    # when a superuser makes it depend on 6.RP.A.3
    response = client.post(
        url("assessments", "prerequisite", "add"), {"prerequisite": standards["6.RP.A.3"].pk, "target": other.pk}
    )

    # then the form carries the service's refusal and no edge is written
    assert response.context["adminform"].form.errors == {
        "target": [
            "Prerequisite 6.RP.A.3 -> 7.RP.A.1 refused: the targets are in different frameworks (ccss-math, draft)."
        ]
    }
    assert Prerequisite.objects.count() == 2


def test_a_self_edge_and_a_repeated_edge_are_refused_once_each(client, world, standards):
    # given a superuser
    client.force_login(superuser())
    first, second = standards["6.RP.A.1"].pk, standards["6.RP.A.2"].pk

    # when they add 6.RP.A.1 -> 6.RP.A.1, and 6.RP.A.1 -> 6.RP.A.2 which exists
    own = client.post(url("assessments", "prerequisite", "add"), {"prerequisite": first, "target": first})
    again = client.post(url("assessments", "prerequisite", "add"), {"prerequisite": first, "target": second})

    # then each form carries one message, and the edges are as they were
    assert own.context["adminform"].form.errors == {
        "target": ["Prerequisite 6.RP.A.1 -> 6.RP.A.1 refused: a target cannot be its own prerequisite."]
    }
    assert again.context["adminform"].form.errors == {
        "__all__": ["Prerequisite with this Prerequisite and Target already exists."]
    }
    assert Prerequisite.objects.count() == 2


def test_adding_a_sound_edge_writes_it(client, world, standards):
    # given a superuser
    client.force_login(superuser())

    # when they add the shortcut 6.RP.A.1 -> 6.RP.A.3
    response = client.post(
        url("assessments", "prerequisite", "add"),
        {"prerequisite": standards["6.RP.A.1"].pk, "target": standards["6.RP.A.3"].pk},
    )

    # then it is written, and its page opens (read-only: an edge is never re-pointed)
    assert response.status_code == 302
    edge = Prerequisite.objects.get(prerequisite=standards["6.RP.A.1"], target=standards["6.RP.A.3"])
    assert response.url == url("assessments", "prerequisite", "changelist")
    assert client.get(url("assessments", "prerequisite", "change", edge.pk)).status_code == 200
