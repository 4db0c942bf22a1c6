"""The rules behind the teacher's path pages and My progress, without HTTP: what a student's page shows its
teacher, a change to a path (moves, removals, the group session and exit ticket rules, pins), what changed
since an approval, assigning work, and a learner's own progress."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments.models import Assignment
from learning_platform.calendar import next_school_day, school_today
from playlists import selectors, services
from playlists.models import PathApproval, PathChange, PathOverride, Playlist, PlaylistItem, SmallGroup
from tests.conftest import person


def built_path(learner) -> list[PlaylistItem]:
    school = learner.learner_profile.school
    services.path_ready(learner_id=learner.pk, school=school, school_day=school_today(school), reason="test")
    return list(Playlist.objects.get(learner=learner).items.order_by("position").select_related("playlist", "target"))


def written() -> tuple[int, int, int, int]:
    return (
        PathOverride.objects.count(),
        PathChange.objects.count(),
        SmallGroup.objects.count(),
        Assignment.objects.count(),
    )


# --- What a student's page shows


def test_mastery_by_domain_counts_levels_per_domain_in_order():
    mastery = [
        {"target": "6.RP.A.2", "level": "attempted"},
        {"target": "6.RP.A.1", "level": "attempted"},
        {"target": "6.EE.B.5", "level": "mastered"},
        {"target": "LOOSE", "level": "familiar"},
    ]

    rows = selectors.mastery_by_domain(mastery)

    assert [domain for domain, counts in rows] == ["6.EE", "6.RP", "LOOSE.LOOSE"]
    assert dict(rows)["6.RP"]["attempted"] == 2 and dict(rows)["6.RP"]["mastered"] == 0
    assert dict(rows)["6.EE"]["mastered"] == 1


@pytest.mark.parametrize(
    "role, sees",
    [
        ("teacher", True),
        ("other_teacher", False),
        ("school_admin", True),
        ("other_school_admin", False),
        ("district_admin", True),
    ],
)
def test_a_students_sections_are_the_ones_the_viewer_teaches_or_runs(world, role, sees):
    sections = selectors.learner_sections_for_staff(user=person(world, role), learner_id=world.student.pk)

    assert list(sections) == ([world.section] if sees else [])


def test_the_section_of_a_change_is_one_the_teacher_may_change(world):
    assert selectors.learner_section_for_change(user=world.teacher, learner_id=world.student.pk) == world.section
    with pytest.raises(ValidationError, match="not in a section you teach"):
        selectors.learner_section_for_change(user=world.other_teacher, learner_id=world.student.pk)
    with pytest.raises(ValidationError, match="not in a section you teach"):
        selectors.learner_section_for_change(
            user=world.teacher, learner_id=world.student.pk, section_id=world.other_section.pk
        )


def test_the_learner_page_shows_the_path_mastery_and_the_viewers_sections(classroom):
    world = classroom.world
    items = built_path(world.student)
    profile, today = world.student_profile, school_today(world.school)

    page = selectors.learner_page(user=world.teacher, profile=profile, day=today, today=today, path_built=True)

    assert [item.pk for item in page["items"]] == [item.pk for item in items]
    assert page["minutes"] == sum(item.minutes for item in items)
    assert (page["is_today"], page["editable"], page["sections"]) == (True, True, [world.section])
    assert all("label" in flag for flag in page["playlist"].flags)
    assert [row["target"].code for row in page["neighbourhood"]] == sorted({i.target.code for i in items if i.target})
    assert {activity.pk for activity in page["pinnable"]} <= {activity.pk for activity in classroom.catalog.values()}
    assert [domain for domain, counts in page["by_domain"]] == ["6.RP"]
    assert sum(page["by_domain"][0][1].values()) == len(page["mastery"]) == 2


def test_the_learner_page_without_a_built_path_shows_no_items(classroom):
    world = classroom.world
    tomorrow = next_school_day(world.school, school_today(world.school))

    page = selectors.learner_page(
        user=world.teacher,
        profile=world.student_profile,
        day=tomorrow,
        today=school_today(world.school),
        path_built=False,
    )

    assert (page["playlist"], page["items"], page["minutes"], page["is_today"]) == (None, [], 0, False)


# --- A change to a path


def test_a_move_goes_one_place_and_stops_at_either_end(classroom):
    world = classroom.world
    items = [item for item in built_path(world.student) if item.kind != PlaylistItem.Kind.EXIT_TICKET]
    today = school_today(world.school)

    with pytest.raises(ValidationError, match="already first"):
        services.path_item_move(teacher=world.teacher, learner=world.student, item=items[0], direction="up", day=today)
    assert services.path_item_move_place(items[1], "up") == 1
    assert services.path_item_move_place(items[0], "down") == 2

    place = services.path_item_move(
        teacher=world.teacher, learner=world.student, item=items[1], direction="up", day=today
    )

    override = PathOverride.objects.get()
    assert (place, override.action, override.position, override.starts_on) == (1, "move", 1, today)


def test_the_last_item_cannot_move_down(classroom):
    world = classroom.world
    last = built_path(world.student)[-1]

    with pytest.raises(ValidationError, match="already last"):
        services.path_item_move_place(last, "down")


def test_the_engines_exit_ticket_and_unknown_changes_are_refused_and_write_nothing(classroom):
    world = classroom.world
    items = built_path(world.student)
    ticket = next(item for item in items if item.kind == PlaylistItem.Kind.EXIT_TICKET)
    activity = next(item for item in items if item.kind == PlaylistItem.Kind.ACTIVITY)
    today = school_today(world.school)

    with pytest.raises(ValidationError, match="exit ticket the engine writes"):
        services.path_item_change(teacher=world.teacher, learner=world.student, item=ticket, action="remove", day=today)
    with pytest.raises(ValidationError, match="Unknown change 'fly'"):
        services.path_item_change(teacher=world.teacher, learner=world.student, item=activity, action="fly", day=today)

    assert written() == (0, 0, 0, 2)


def test_a_group_session_changes_only_by_leaving_the_group(classroom):
    world = classroom.world
    item = next(item for item in built_path(world.student) if item.target is not None)
    today = school_today(world.school)
    services.path_item_group(teacher=world.teacher, profile=world.student_profile, item=item, day=today)
    services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    session = Playlist.objects.get(learner=world.student).items.get(kind=PlaylistItem.Kind.GROUP_SESSION)

    with pytest.raises(ValidationError, match="small groups page"):
        services.path_item_change(teacher=world.teacher, learner=world.student, item=session, action="lock", day=today)
    done = services.path_item_change(
        teacher=world.teacher, learner=world.student, item=session, action="remove", day=today
    )

    assert done == f"{world.student} left the small group on {item.target.code}."
    assert not SmallGroup.objects.exists()


def test_a_pin_edit_pins_and_a_bad_edit_says_why(classroom):
    world = classroom.world
    activity = classroom.catalog["rates-hands-on"]
    today = school_today(world.school)
    edit = services.PathEdit(action="pin", day=today, activity_id=activity.pk, note="Try this")

    assert services.path_edit_apply(teacher=world.teacher, profile=world.student_profile, edit=edit) == (
        f"Pinned “{activity}” to {world.student}'s path."
    )
    for bad, message in [
        (services.PathEdit(action="pin", day=today), "Choose an activity."),
        (services.PathEdit(action="pin", day=today, activity_id=999999), "Choose an activity to add."),
        (services.PathEdit(action="undo", day=today, override_id=999999), "That change is not on this student's path."),
        (services.PathEdit(action="lock", day=today), "That item is not on this student's path."),
    ]:
        with pytest.raises(ValidationError) as error:
            services.path_edit_apply(teacher=world.teacher, profile=world.student_profile, edit=bad)
        assert error.value.messages == [message]
    assert PathOverride.objects.get().note == "Try this"


# --- Reviewing a section's paths


def test_a_path_changed_since_approval_only_when_rebuilt_after_it():
    now = timezone.now()
    approval = SimpleNamespace(approved_at=now)

    assert (
        selectors.path_changed_since_approval(
            SimpleNamespace(generated_at=now + datetime.timedelta(seconds=1)), approval
        )
        is True
    )
    assert selectors.path_changed_since_approval(SimpleNamespace(generated_at=now), approval) is False
    assert selectors.path_changed_since_approval(None, approval) is False
    assert selectors.path_changed_since_approval(SimpleNamespace(generated_at=now), None) is False


def test_the_review_counts_the_paths_rebuilt_after_the_approval(classroom):
    world = classroom.world
    day = next_school_day(world.school, school_today(world.school))
    services.section_paths_approve(teacher=world.teacher, section=world.section, school_day=day)
    approved_at = PathApproval.objects.get().approved_at
    paths = Playlist.objects.filter(school_day=day)
    paths.filter(learner=world.student).update(generated_at=approved_at + datetime.timedelta(minutes=5))
    paths.filter(learner=world.other_student).update(generated_at=approved_at - datetime.timedelta(minutes=5))

    review = selectors.section_review(section=world.section, day=day)

    assert {row["student"]: row["changed"] for row in review["rows"]} == {
        world.student: True,
        world.other_student: False,
    }
    assert review["changed"] == 1 and review["approval"].approved_by == world.teacher


# --- Assigning work


def test_an_assessment_is_not_assigned_to_a_past_day(classroom):
    world = classroom.world
    yesterday = school_today(world.school) - datetime.timedelta(days=1)
    before = written()

    with pytest.raises(ValidationError, match="Past days are history"):
        services.section_assessment_assign(
            teacher=world.teacher,
            section=world.section,
            assessment=classroom.rubric_task.assessment,
            starts_on=yesterday,
            due=school_today(world.school),
        )

    assert written() == before


def test_an_assignment_reaches_a_group_or_chosen_students_and_says_so(classroom):
    world = classroom.world
    today = school_today(world.school)
    [group] = services.small_groups_plan(
        teacher=world.teacher,
        section=world.section,
        meets_on=today,
        groups=[services.GroupPlan(target=classroom.bank.ratios, student_ids=(world.student.pk,))],
    )
    to_group = services.SectionAssignment(
        what="target", work_id=classroom.bank.rates.pk, who="group", group_id=group.pk, starts_on=today, due=today
    )

    done = services.section_assignment_apply(teacher=world.teacher, section=world.section, assignment=to_group)

    assert done == f"Assigned 6.RP.A.2 to the small group on {classroom.bank.ratios}, due {today:%a %b %-d}."
    assert list(PathOverride.objects.values_list("learner", "action")) == [(world.student.pk, "focus")]
    nobody = services.SectionAssignment(
        what="target", work_id=classroom.bank.rates.pk, who="students", starts_on=today, due=today
    )
    with pytest.raises(ValidationError, match="Tick at least one student"):
        services.section_assignment_apply(teacher=world.teacher, section=world.section, assignment=nobody)


def test_an_assessment_assignment_to_chosen_students(classroom):
    world = classroom.world
    today = school_today(world.school)
    chosen = services.SectionAssignment(
        what="assessment",
        work_id=classroom.rubric_task.assessment.pk,
        who="students",
        student_ids=(world.other_student.pk,),
        starts_on=today,
        due=today,
    )

    done = services.section_assignment_apply(teacher=world.teacher, section=world.section, assignment=chosen)

    assert done == f"Assigned “{classroom.rubric_task.assessment}” to 1 chosen student, due {today:%a %b %-d}."
    assert list(Assignment.objects.latest("pk").students.all()) == [world.other_student]


def test_chosen_targets_must_all_exist(bank):
    assert selectors.learning_targets_chosen(ids=[bank.ratios.pk]) == [bank.ratios]
    with pytest.raises(ValidationError, match="Choose targets from the list"):
        selectors.learning_targets_chosen(ids=[bank.ratios.pk, 999999])


# --- A learner's own progress


def test_progress_shows_levels_by_domain_goals_and_eight_weeks(classroom):
    from learners import services as learner_services

    world, bank = classroom.world, classroom.bank
    learner_services.learner_goal_create(
        learner=world.student_profile, target=bank.ratios, reach_by=datetime.date(2026, 12, 18), why="Paint"
    )
    today = school_today(world.school)

    progress = selectors.learner_progress(profile=world.student_profile, today=today)

    [(grade, name, rows)] = progress["domains"]
    assert (grade, name) == ("6", "RP") and [row["target"].code for row in rows] == ["6.RP.A.1", "6.RP.A.2"]
    [goal] = progress["goals"]
    state = world.student.mastery_states.get(target=bank.ratios)
    assert goal["percent"] == min(100, round(100 * state.p_mastery / 0.7))
    weeks = progress["weeks"]
    assert len(weeks) == 8 and weeks[-1]["monday"] == today - datetime.timedelta(days=today.weekday())
    assert weeks[-1]["answered"] > 0 and all(week["answered"] == 0 for week in weeks[:-1])
