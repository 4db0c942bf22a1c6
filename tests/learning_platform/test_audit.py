"""The audit log records who changed what that matters, through the real pages, API and services."""

import datetime

import pytest
from auditlog.context import set_actor
from django.urls import reverse

from assessments import services as assessment_services
from learners import services as learner_services
from learners.models import LearnerProfile, MasteryJudgment
from learning_platform.calendar import school_today
from learning_platform.models import AuditEntry
from playlists import services as playlist_services
from playlists.models import PathOverride
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


def entries(**filters):
    return list(AuditEntry.objects.filter(**filters).order_by("pk"))


def test_a_teachers_change_of_accommodations_and_grade_is_two_entries_with_the_teacher_and_what_changed(client, world):
    client.force_login(world.teacher)
    response = client.patch(
        reverse("api-learner-detail", args=[world.student.pk]),
        {"has_iep": True, "extended_time_factor": "1.50", "grade": "7", "interests": ["soccer"]},
        content_type="application/json",
    )
    assert response.status_code == 200
    grade, accommodation = entries(learner=world.student)
    assert (accommodation.kind, accommodation.actor, accommodation.school, accommodation.action) == (
        "accommodation",
        world.teacher,
        world.school,
        AuditEntry.Action.UPDATE,
    )
    # Interests are the learner's own; only what staff decide is audited.
    assert accommodation.changes == {"has_iep": ["False", "True"], "extended_time_factor": ["1.00", "1.50"]}
    assert (grade.kind, grade.actor, grade.school, grade.changes) == (
        "grade",
        world.teacher,
        world.school,
        {"grade": ["6", "7"]},
    )
    assert accommodation.object_pk == str(world.student.pk)
    assert accommodation.content_type.model == "learnerprofile"


def test_a_change_of_the_minutes_budget_is_an_accommodation_and_a_change_of_nothing_audited_writes_nothing(
    client, world
):
    client.force_login(world.school_admin)
    url = reverse("api-learner-detail", args=[world.student.pk])
    assert client.patch(url, {"interests": ["music"]}, content_type="application/json").status_code == 200
    assert entries() == []
    assert client.patch(url, {"daily_minutes_budget": 30}, content_type="application/json").status_code == 200
    [entry] = entries()
    assert (entry.kind, entry.actor, entry.changes) == (
        "accommodation",
        world.school_admin,
        {"daily_minutes_budget": ["45", "30"]},
    )


def test_a_refused_profile_change_writes_no_entry(client, world):
    client.force_login(world.teacher)
    response = client.patch(
        reverse("api-learner-detail", args=[world.student.pk]),
        {"extended_time_factor": "9.00"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert entries() == []
    assert LearnerProfile.objects.get(pk=world.student.pk).extended_time_factor == 1


def test_a_service_called_outside_a_request_records_the_system_as_actor(world):
    learner_services.learner_profile_update(
        profile=world.student_profile, changes={"read_aloud": True}, by=world.teacher
    )
    [entry] = entries()
    assert (entry.kind, entry.actor, entry.changes) == ("accommodation", None, {"read_aloud": ["False", "True"]})


def test_creating_a_learner_is_not_an_accommodation_change(world):
    LearnerFactory(school=world.school, username="newcomer", grade="7")
    assert entries() == []


def test_a_judgment_is_recorded_with_its_teacher_levels_and_learner(client, world, bank):
    client.force_login(world.teacher)
    response = client.post(
        reverse("api-learner-judgment", args=[world.student.pk]),
        {"target": "6.RP.A.1", "level": "proficient", "reason": "Explained it at the board."},
        content_type="application/json",
    )
    assert response.status_code == 201
    [entry] = entries()
    judgment = MasteryJudgment.objects.get()
    assert (entry.kind, entry.actor, entry.school, entry.learner, entry.action, entry.object_id) == (
        "judgment",
        world.teacher,
        world.school,
        world.student,
        AuditEntry.Action.CREATE,
        judgment.pk,
    )
    assert entry.changes["from_level"] == ["None", "not_started"]
    assert entry.changes["to_level"] == ["None", "proficient"]
    assert entry.changes["reason"] == ["None", "Explained it at the board."]
    assert entry.changes["teacher"] == ["None", str(world.teacher)]


def test_a_path_override_and_taking_it_back_are_recorded(client, world, bank, catalog):
    client.force_login(world.teacher)
    today = school_today(world.school)
    response = client.post(
        reverse("api-path-overrides", args=[world.student.pk]),
        {"action": "pin", "activity": catalog["ratios-video"].pk, "starts_on": today.isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 201
    override = PathOverride.objects.get()
    assert client.delete(reverse("api-path-override", args=[override.pk])).status_code == 204
    created, deleted = entries()
    assert (created.kind, created.actor, created.school, created.learner, created.action) == (
        "path",
        world.teacher,
        world.school,
        world.student,
        AuditEntry.Action.CREATE,
    )
    assert created.changes["action"] == ["None", "pin"]
    assert created.changes["activity"] == ["None", "Ratios video"]
    assert (deleted.kind, deleted.actor, deleted.action, deleted.object_id) == (
        "path",
        world.teacher,
        AuditEntry.Action.DELETE,
        override.pk,
    )
    assert deleted.changes["activity"] == ["Ratios video", "None"]


def test_assigning_work_to_a_section_records_one_entry_per_learner_in_one_insert(world, bank, catalog):
    today = school_today(world.school)
    with set_actor(world.teacher):
        overrides = playlist_services.work_assign(
            teacher=world.teacher,
            section=world.section,
            activity=catalog["rates-video"],
            starts_on=today,
        )
    recorded = entries()
    assert [entry.object_id for entry in recorded] == [override.pk for override in overrides]
    assert {(entry.kind, entry.actor_id, entry.school_id) for entry in recorded} == {
        ("path", world.teacher.pk, world.school.pk)
    }
    assert sorted(entry.learner_id for entry in recorded) == sorted([world.student.pk, world.other_student.pk])
    assert recorded[0].changes["activity"] == ["None", "Rates video"]


def test_small_groups_and_unit_plans_are_path_changes_of_their_school(world, bank, catalog):
    today = school_today(world.school)
    with set_actor(world.teacher):
        playlist_services.small_groups_plan(
            teacher=world.teacher,
            section=world.section,
            meets_on=today,
            groups=[playlist_services.GroupPlan(target=bank.ratios, student_ids=(world.student.pk,))],
        )
        playlist_services.unit_plan_set(
            teacher=world.teacher,
            section=world.section,
            name="Ratios",
            starts_on=today,
            ends_on=today + datetime.timedelta(days=10),
            targets=[bank.ratios],
        )
    group_created, group_students, unit_created, unit_targets = entries()
    assert {entry.kind for entry in entries()} == {"path"}
    assert {entry.school_id for entry in entries()} == {world.school.pk}
    assert {entry.actor_id for entry in entries()} == {world.teacher.pk}
    assert group_students.changes == {"students": {"type": "m2m", "operation": "add", "objects": [str(world.student)]}}
    assert unit_created.changes["name"] == ["None", "Ratios"]
    assert unit_targets.changes["targets"]["objects"] == [str(bank.ratios)]


def test_a_key_correction_is_recorded_with_the_old_and_new_key(client, world, bank):
    item = assessment_services.item_create(
        item_type="single_choice",
        stem="Which is 1:2?",
        targets=[bank.ratios],
        school=world.school,
        choices=[{"id": "a", "text": "2:4"}, {"id": "b", "text": "2:3"}],
        key={"correct": "b"},
    )
    assert entries() == []  # a new item is not a correction
    client.force_login(world.teacher)
    response = client.post(
        reverse("api-item-key", args=[item.pk]), {"key": {"correct": "a"}}, content_type="application/json"
    )
    assert response.status_code == 200
    [entry] = entries()
    assert (entry.kind, entry.actor, entry.school, entry.object_id) == ("key", world.teacher, world.school, item.pk)
    assert entry.changes == {"key": ['{"correct": "b"}', '{"correct": "a"}'], "key_version": ["1", "2"]}


def test_writes_the_audit_log_never_sees_do_not_fail(world):
    """A tracked model's untracked field changing writes nothing (the home language is the learner's)."""
    learner_services.learner_profile_update(
        profile=world.student_profile, changes={"home_language": "Spanish"}, by=world.teacher
    )
    assert entries() == []
