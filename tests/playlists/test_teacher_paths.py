"""The teacher's say over paths in the browser: changes on a student's page, approving a section's paths,
small groups for tomorrow, and assigning work. Each change shows at once, survives a recompute and is logged."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from assessments.models import Assignment
from learning_platform.calendar import next_school_day, school_today
from playlists import services
from playlists.models import PathApproval, PathChange, PathOverride, Playlist, SmallGroup, UnitPlan
from tests.conftest import ROLES, person


def path_of(learner, day=None) -> list[tuple]:
    playlist = Playlist.objects.get(learner=learner, school_day=day or school_today(learner.learner_profile.school))
    return [
        (item.kind, item.activity_id or item.assessment_id, item.target.code if item.target else None, item.rule)
        for item in playlist.items.order_by("position").select_related("target")
    ]


def change(client, learner, **fields):
    return client.post(reverse("teach-learner-path", args=[learner.pk]), fields, follow=True)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_a_pin_shows_at_once_survives_a_recompute_and_is_logged(client, classroom):
    # given the teacher on the student's page
    world, practice = classroom.world, classroom.catalog["rates-hands-on"]
    client.force_login(world.teacher)
    client.get(reverse("teach-learner", args=[world.student.pk]))

    # when they pin the hands-on rates activity
    page = change(client, world.student, action="pin", activity=practice.pk, note="Try this one")

    # then the page shows it on the path, first among the teacher's items, and says so
    assert messages_of(page) == [f"Pinned “{practice}” to {world.student}'s path."]
    assert path_of(world.student)[0] == ("activity", practice.pk, "6.RP.A.2", "pinned")
    assert "Rates hands on" in page.content.decode()
    # and it survives a recompute from new inputs
    services.paths_mark_stale(learner_ids=[world.student.pk], reason="test")
    services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    assert path_of(world.student)[0] == ("activity", practice.pk, "6.RP.A.2", "pinned")
    # and the log says who did what
    assert list(PathChange.objects.values_list("learner", "teacher", "action", "description")) == [
        (world.student.pk, world.teacher.pk, "pin", f"Pinned “{practice}”")
    ]


def test_remove_lock_move_and_take_back_each_change_the_path(client, classroom):
    world = classroom.world
    client.force_login(world.teacher)
    client.get(reverse("teach-learner", args=[world.student.pk]))
    before = path_of(world.student)
    assert len(before) >= 3
    items = list(Playlist.objects.get(learner=world.student).items.order_by("position"))
    # (the exit ticket the engine writes comes last, and is not the teacher's to move)
    assert items[-1].kind == "exit_ticket"
    refused = change(client, world.student, action="up", item=items[-1].pk)
    assert messages_of(refused)[-1].startswith("The exit ticket the engine writes checks the day's work")

    # moving the last item before it up puts it one place higher
    change(client, world.student, action="up", item=items[-2].pk)
    after_move = path_of(world.student)
    assert after_move[-3] == before[-2] and after_move[-2] == before[-3]

    # locking an activity marks it locked and leaves it no alternatives
    activity = next(item for item in Playlist.objects.get(learner=world.student).items.all() if item.kind == "activity")
    change(client, world.student, action="lock", item=activity.pk)
    locked = Playlist.objects.get(learner=world.student).items.get(activity_id=activity.activity_id)
    assert locked.locked and locked.alternatives == []

    # removing it takes it off the path
    page = change(client, world.student, action="remove", item=locked.pk)
    assert activity.activity_id not in [ref for kind, ref, code, rule in path_of(world.student) if kind == "activity"]
    assert messages_of(page)[-1].startswith("Removed")

    # taking the removal back brings it back
    removal = PathOverride.objects.get(action="remove")
    change(client, world.student, action="undo", override=removal.pk)
    assert activity.activity_id in [ref for kind, ref, code, rule in path_of(world.student) if kind == "activity"]
    assert list(PathChange.objects.order_by("pk").values_list("action", flat=True)) == [
        "move",
        "lock",
        "remove",
        "undo",
    ]


def test_teach_in_small_group_puts_a_group_session_on_the_path(client, classroom):
    world = classroom.world
    client.force_login(world.teacher)
    client.get(reverse("teach-learner", args=[world.student.pk]))
    item = Playlist.objects.get(learner=world.student).items.filter(target__isnull=False).first()

    page = change(client, world.student, action="group", item=item.pk)

    assert messages_of(page) == [
        f"{world.student} joins the small group on {item.target.code} on {item.playlist.school_day:%a %b %-d}."
    ]
    group = SmallGroup.objects.get()
    assert list(group.students.all()) == [world.student] and group.target == item.target
    assert ("group_session", None, item.target.code, "group") in path_of(world.student)


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"action": "fly"}, "That item is not on this student's path."),
        ({"action": "pin"}, "Choose an activity."),
        ({"action": "pin", "activity": "999999"}, "Choose an activity to add."),
        ({"action": "undo", "override": "999999"}, "That change is not on this student's path."),
        ({"action": "remove", "item": "999999"}, "That item is not on this student's path."),
        ({"action": "pin", "day": "not-a-day"}, "Give a date such as 2026-11-24."),
    ],
)
def test_a_bad_change_says_why_and_saves_nothing(client, classroom, fields, message):
    world = classroom.world
    client.force_login(world.teacher)

    page = change(client, world.student, **fields)

    assert page.status_code == 200 and messages_of(page) == [message]
    assert (PathOverride.objects.count(), PathChange.objects.count()) == (0, 0)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_students_teachers_and_admins_change_a_path(client, classroom, role):
    # given a user in each role, and a pin request for the student
    world = classroom.world
    if role != "anonymous":
        client.force_login(person(world, role))

    response = client.post(
        reverse("teach-learner-path", args=[world.student.pk]),
        {"action": "pin", "activity": classroom.catalog["rates-video"].pk},
    )

    # then the section's teacher and the admins over it pin it; anyone else gets 404 (or sign-in) and nothing is saved
    if role in ("teacher", "school_admin", "district_admin"):
        assert response.status_code == 302 and PathOverride.objects.count() == 1
    else:
        assert response.status_code == (302 if role == "anonymous" else 404)
        assert (PathOverride.objects.count(), PathChange.objects.count()) == (0, 0)


def test_approving_a_section_builds_and_approves_every_path_for_the_day(client, classroom):
    world = classroom.world
    client.force_login(world.teacher)
    tomorrow = next_school_day(world.school, school_today(world.school))

    # when the teacher reviews the next school day's paths
    page = client.get(reverse("teach-review", args=[world.section.pk]))

    # then every student's path for that day is built and listed
    assert page.context["day"] == tomorrow
    assert [row["student"] for row in page.context["rows"]] == sorted(
        [world.student, world.other_student], key=lambda user: (user.last_name, user.first_name)
    )
    assert all(row["playlist"] is not None for row in page.context["rows"])

    # and approving them all records who approved how many, and logs it on each path
    done = client.post(reverse("teach-review", args=[world.section.pk]), {"day": tomorrow.isoformat()}, follow=True)
    assert messages_of(done) == [f"Approved 2 paths for {tomorrow:%A %b %-d}."]
    approval = PathApproval.objects.get()
    assert (approval.section, approval.school_day, approval.approved_by, approval.paths) == (
        world.section,
        tomorrow,
        world.teacher,
        2,
    )
    assert PathChange.objects.filter(action="approve").count() == 2


def test_tomorrows_groups_are_suggested_from_todays_exit_tickets_and_scheduled_in_one_action(client, classroom):
    world = classroom.world
    client.force_login(world.teacher)

    # when the teacher opens the groups page
    suggestions = client.get(reverse("teach-groups", args=[world.section.pk])).context["suggestions"]

    # then the student who missed both targets is suggested for each, with a mini-lesson on it
    assert [(row["target"].code, [entry["student"] for entry in row["students"]]) for row in suggestions] == [
        ("6.RP.A.1", [world.student]),
        ("6.RP.A.2", [world.student]),
    ]
    assert [entry["missed"] for entry in suggestions[0]["students"]] == [2]
    assert suggestions[1]["suggested"] == classroom.catalog["rates-hands-on"]

    # when they add the other student to the first group and schedule both
    page = client.post(
        reverse("teach-groups", args=[world.section.pk]),
        {
            "group": ["1", "2"],
            "target-1": classroom.bank.ratios.pk,
            "students-1": [world.student.pk, world.other_student.pk],
            "activity-1": classroom.catalog["ratios-video"].pk,
            "target-2": classroom.bank.rates.pk,
            "students-2": [world.student.pk],
            "activity-2": "",
        },
        follow=True,
    )

    # then both groups meet on the next school day and show on the students' paths that day
    tomorrow = next_school_day(world.school, school_today(world.school))
    assert messages_of(page) == [f"Scheduled 2 small groups (3 students) for {tomorrow:%A %b %-d}."]
    groups = {group.target.code: group for group in SmallGroup.objects.all()}
    assert set(groups["6.RP.A.1"].students.all()) == {world.student, world.other_student}
    assert groups["6.RP.A.1"].activity == classroom.catalog["ratios-video"] and groups["6.RP.A.2"].activity is None
    services.paths_rebuild(
        school=world.school, school_day=tomorrow, learner_ids=[world.student.pk, world.other_student.pk]
    )
    student_path = path_of(world.student, tomorrow)
    assert student_path[:2] == [
        ("group_session", classroom.catalog["ratios-video"].pk, "6.RP.A.1", "group"),
        ("group_session", None, "6.RP.A.2", "group"),
    ]
    assert path_of(world.other_student, tomorrow)[0] == (
        "group_session",
        classroom.catalog["ratios-video"].pk,
        "6.RP.A.1",
        "group",
    )


def test_a_group_without_students_is_refused_and_nothing_is_scheduled(client, classroom):
    world = classroom.world
    client.force_login(world.teacher)

    page = client.post(
        reverse("teach-groups", args=[world.section.pk]),
        {
            "group": ["1", "2"],
            "target-1": classroom.bank.ratios.pk,
            "students-1": [world.student.pk],
            "target-2": classroom.bank.rates.pk,
        },
        follow=True,
    )

    assert messages_of(page) == ["Group 2 (6.RP.A.2) has no students."]
    assert SmallGroup.objects.count() == 0


def test_assigning_an_activity_a_target_and_an_assessment(client, classroom):
    world = classroom.world
    client.force_login(world.teacher)
    url = reverse("teach-assign", args=[world.section.pk])
    today = school_today(world.school)

    # an activity to the whole section: pinned on both paths until it is due
    video = classroom.catalog["rates-video"]
    page = client.post(
        url,
        {
            "what": "activity",
            "activity": video.pk,
            "who": "section",
            "starts_on": today.isoformat(),
            "due": today.isoformat(),
        },
        follow=True,
    )
    assert messages_of(page) == [f"Assigned “{video}” to all of Math 6 period 1, due {today:%a %b %-d}."]
    assert set(PathOverride.objects.filter(action="pin").values_list("learner", flat=True)) == {
        world.student.pk,
        world.other_student.pk,
    }
    services.playlist_rebuild(learner_id=world.other_student.pk, reason="test")
    assert path_of(world.other_student)[0] == ("activity", video.pk, "6.RP.A.2", "pinned")

    # a target to one chosen student
    page = client.post(
        url,
        {
            "what": "target",
            "target": classroom.bank.rates.pk,
            "who": "students",
            "students": [world.other_student.pk],
            "due": today.isoformat(),
        },
        follow=True,
    )
    assert messages_of(page) == [f"Assigned 6.RP.A.2 to 1 chosen student, due {today:%a %b %-d}."]
    assert list(PathOverride.objects.filter(action="focus").values_list("learner", "target__code")) == [
        (world.other_student.pk, "6.RP.A.2")
    ]

    # an assessment to chosen students
    page = client.post(
        url,
        {
            "what": "assessment",
            "assessment": classroom.rubric_task.assessment.pk,
            "who": "students",
            "students": [world.student.pk],
            "due": today.isoformat(),
        },
        follow=True,
    )
    assignment = Assignment.objects.latest("pk")
    assert list(assignment.students.all()) == [world.student]


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"what": "activity", "who": "section"}, "Choose an activity."),
        ({"what": "target", "target": "RATES", "who": "students"}, "Tick at least one student."),
        ({"what": "song", "who": "section"}, "Choose an activity, an assessment or a learning target to assign."),
        (
            {"what": "target", "target": "RATES", "who": "section", "due": "2001-01-01"},
            "The due date comes before the first day.",
        ),
    ],
)
def test_a_bad_assignment_says_why_and_saves_nothing(client, classroom, fields, message):
    client.force_login(classroom.world.teacher)
    assignments = Assignment.objects.count()
    fields = {name: classroom.bank.rates.pk if value == "RATES" else value for name, value in fields.items()}

    page = client.post(reverse("teach-assign", args=[classroom.world.section.pk]), fields)

    assert page.status_code == 200 and messages_of(page) == [message]
    assert (PathOverride.objects.count(), Assignment.objects.count()) == (0, assignments)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_sections_staff_approve_group_or_assign(client, classroom, role):
    world = classroom.world
    if role != "anonymous":
        client.force_login(person(world, role))
    posts = [
        (reverse("teach-review", args=[world.section.pk]), {}),
        (
            reverse("teach-groups", args=[world.section.pk]),
            {"group": "1", "target-1": classroom.bank.ratios.pk, "students-1": world.student.pk},
        ),
        (
            reverse("teach-assign", args=[world.section.pk]),
            {"what": "target", "target": classroom.bank.ratios.pk, "who": "section"},
        ),
        (reverse("teach-units", args=[world.section.pk]), {"name": "Ratios", "targets": classroom.bank.ratios.pk}),
    ]
    for url, fields in posts:
        response = client.post(url, fields)
        if role in ("teacher", "school_admin", "district_admin"):
            assert response.status_code == 302, url
        else:
            assert response.status_code == (302 if role == "anonymous" else 404), url
    written = (
        PathApproval.objects.count(),
        SmallGroup.objects.count(),
        PathOverride.objects.count(),
        UnitPlan.objects.count(),
    )
    assert written == ((1, 1, 2, 1) if role in ("teacher", "school_admin", "district_admin") else (0, 0, 0, 0))


@pytest.mark.parametrize("role", ROLES)
def test_only_the_sections_staff_take_a_student_out_of_a_group(client, classroom, role):
    world = classroom.world
    tomorrow = next_school_day(world.school, school_today(world.school))
    [group] = services.small_groups_plan(
        teacher=world.teacher,
        section=world.section,
        meets_on=tomorrow,
        groups=[
            services.GroupPlan(target=classroom.bank.ratios, student_ids=(world.student.pk, world.other_student.pk))
        ],
    )
    if role != "anonymous":
        client.force_login(person(world, role))

    response = client.post(reverse("teach-group-leave", args=[group.pk]), {"student": world.student.pk})

    if role in ("teacher", "school_admin", "district_admin"):
        assert response.status_code == 302
        assert list(group.students.all()) == [world.other_student]
        assert PathChange.objects.filter(action="ungroup", learner=world.student).count() == 1
    else:
        assert response.status_code == (302 if role == "anonymous" else 404)
        assert set(group.students.all()) == {world.student, world.other_student}


def test_a_teacher_plans_a_unit_and_the_grid_and_paths_follow_it(client, classroom):
    world = classroom.world
    client.force_login(world.teacher)
    today = school_today(world.school)
    end = today + datetime.timedelta(days=14)

    page = client.post(
        reverse("teach-units", args=[world.section.pk]),
        {
            "name": "Unit rates",
            "starts_on": today.isoformat(),
            "ends_on": end.isoformat(),
            "targets": [classroom.bank.rates.pk],
        },
        follow=True,
    )

    assert messages_of(page) == [f"Planned “Unit rates” (1 target), {today:%b %-d} to {end:%b %-d}."]
    unit = UnitPlan.objects.get()
    assert (unit.name, list(unit.targets.all())) == ("Unit rates", [classroom.bank.rates])
    grid = client.get(reverse("teach-grid", args=[world.section.pk])).context["grid"]
    assert grid.heading == "Current unit: Unit rates"


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"name": "", "targets": "RATES"}, "Give the unit a name."),
        ({"name": "Rates"}, "A unit needs at least one learning target."),
        (
            {"name": "Rates", "targets": "RATES", "starts_on": "2026-12-10", "ends_on": "2026-12-01"},
            "The last day comes before the first.",
        ),
        ({"name": "Rates", "targets": "RATES", "ends_on": "soon"}, "Give a date such as 2026-11-24."),
    ],
)
def test_a_bad_unit_says_why_and_saves_nothing(client, classroom, fields, message):
    client.force_login(classroom.world.teacher)
    fields = {name: classroom.bank.rates.pk if value == "RATES" else value for name, value in fields.items()}

    page = client.post(reverse("teach-units", args=[classroom.world.section.pk]), fields)

    assert page.status_code == 200 and messages_of(page) == [message]
    assert UnitPlan.objects.count() == 0
