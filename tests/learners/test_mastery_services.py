"""Mastery through the real services: evidence appended after scoring, key corrections, judgments."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments import services as assessment_services
from learners import services
from learners.models import Evidence, MasteryJudgment, MasterySettings, MasteryState
from tests.conftest import item_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(world, exit_ticket, django_capture_on_commit_callbacks):
    """world.student's exit ticket: choice right, numeric "0.8" (wrong against the key 3/4), comparison right."""
    attempt = assessment_services.attempt_start(assignment=exit_ticket, learner=world.student)
    choice, numeric, compare = item_ids(exit_ticket)
    with django_capture_on_commit_callbacks(execute=True):
        assessment_services.attempt_submit(
            attempt=attempt, learner=world.student, answers={choice: "a", numeric: "0.8", compare: "<"}
        )
    return attempt


def state(learner, code):
    return MasteryState.objects.get(learner=learner, target__code=code)


def test_submitting_updates_mastery_on_the_items_targets_only(world, submitted, bank):
    # 6.RP.A.1 saw two right answers from the prior: 0.709756, then 0.929191 (Mastered)
    ratios = state(world.student, "6.RP.A.1")
    assert (ratios.evidence_count, ratios.level) == (2, "mastered")
    assert ratios.p_mastery == pytest.approx(0.929191, abs=1e-6)
    # 6.RP.A.2 saw one wrong and one right answer
    assert state(world.student, "6.RP.A.2").evidence_count == 2
    assert MasteryState.objects.filter(learner=world.student).count() == 2
    assert not MasteryState.objects.exclude(learner=world.student).exists()


def test_running_the_mastery_task_twice_changes_nothing(world, submitted):
    before = (list(Evidence.objects.values()), list(MasteryState.objects.values("p_mastery", "evidence_count")))
    assert services.mastery_apply_attempt(attempt_id=submitted.pk) == 0
    assert (list(Evidence.objects.values()), list(MasteryState.objects.values("p_mastery", "evidence_count"))) == before


def test_a_key_correction_rescores_and_follows_through_to_mastery(
    world, submitted, bank, django_capture_on_commit_callbacks
):
    original = list(Evidence.objects.order_by("id").values())
    # When the teacher corrects the numeric key to 4/5 (the student's 0.8 is right after all)
    with django_capture_on_commit_callbacks(execute=True):
        rescored = assessment_services.item_key_correct(item=bank.items.numeric, key={"value": "4/5", "tolerance": "0"})
    assert rescored == 1
    # Then the response and the attempt are rescored
    response = submitted.responses.get(item=bank.items.numeric)
    submitted.refresh_from_db()
    assert (response.correct, response.scoring_revision, submitted.points) == (True, 1, 3)
    # And the old evidence row is untouched, superseded by a new one
    assert list(Evidence.objects.filter(pk__in=[row["id"] for row in original]).order_by("id").values()) == original
    new = Evidence.objects.get(supersedes__isnull=False)
    assert (new.correct, new.scoring_revision, new.supersedes.correct) == (True, 1, False)
    # And mastery of 6.RP.A.2 is replayed from two right answers: 0.929191 (Mastered)
    rates = state(world.student, "6.RP.A.2")
    assert (rates.evidence_count, rates.level) == (2, "mastered")
    assert rates.p_mastery == pytest.approx(0.929191, abs=1e-6)


def test_the_evidence_log_cannot_be_edited(world, submitted):
    row = Evidence.objects.first()
    row.correct = not row.correct
    with pytest.raises(PermissionError):
        row.save()
    with pytest.raises(PermissionError):
        Evidence.objects.filter(pk=row.pk).update(correct=True)
    with pytest.raises(PermissionError):
        Evidence.objects.all().delete()
    with pytest.raises(PermissionError):
        row.delete()


def test_a_teachers_judgment_is_logged_shown_and_survives_the_next_quiz(client, world, submitted):
    client.force_login(world.teacher)
    level_before = state(world.student, "6.RP.A.2").level
    url = reverse("api-learner-judgment", args=[world.student_profile.pk])
    response = client.post(
        url,
        data=json.dumps(
            {"target": "6.RP.A.2", "level": "familiar", "reason": "Still mixes up the order in unit rates."}
        ),
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json() == {"id": MasteryJudgment.objects.get().pk, "from": level_before, "to": "familiar"}
    judgment = MasteryJudgment.objects.get()
    assert (judgment.teacher, judgment.to_level, judgment.reason) == (
        world.teacher,
        "familiar",
        "Still mixes up the order in unit rates.",
    )
    rates = state(world.student, "6.RP.A.2")
    assert (rates.level, rates.p_mastery, rates.judgment_id) == ("familiar", pytest.approx(0.55), judgment.pk)
    # The mastery listing shows it, with who and why
    mastery_url = reverse("api-learner-mastery", args=[world.student_profile.pk])
    shown = {row["target"]: row for row in client.get(mastery_url).json()["results"]}
    assert shown["6.RP.A.2"]["level_label"] == "Familiar"
    assert shown["6.RP.A.2"]["judgment"]["reason"] == "Still mixes up the order in unit rates."
    # It narrows by level (and grade and domain); a level that does not exist is a 400 naming the filter
    familiar = client.get(mastery_url, {"level": "familiar", "grade": "6", "domain": "RP"}).json()["results"]
    assert [row["target"] for row in familiar] == ["6.RP.A.2"]
    assert list(client.get(mastery_url, {"level": "genius"}).json()["errors"]) == ["level"]
    # The evidence trail lists the responses and the judgment, and narrows by kind
    evidence_url = reverse("api-learner-evidence", args=[world.student_profile.pk, "6.RP.A.2"])
    trail = client.get(evidence_url).json()["results"]
    assert [row["kind"] for row in trail] == ["response", "response", "judgment"]
    assert [row["kind"] for row in client.get(evidence_url, {"kind": "judgment"}).json()["results"]] == ["judgment"]


@pytest.mark.parametrize("role", ["student", "other_student", "other_teacher", "other_school_admin"])
def test_only_the_learners_teachers_and_admins_judge(client, world, submitted, role):
    client.force_login(getattr(world, role))
    before = (list(MasteryJudgment.objects.values()), list(MasteryState.objects.values()))
    response = client.post(
        reverse("api-learner-judgment", args=[world.student_profile.pk]),
        data=json.dumps({"target": "6.RP.A.2", "level": "mastered", "reason": "Looks fine."}),
        content_type="application/json",
    )
    assert response.status_code in (400, 404)
    assert (list(MasteryJudgment.objects.values()), list(MasteryState.objects.values())) == before


def test_a_judgment_needs_a_known_level_and_a_reason(world, bank):
    with pytest.raises(ValidationError, match="Unknown level 'expert'"):
        services.mastery_judgment_set(
            learner=world.student, target=bank.rates, teacher=world.teacher, level="expert", reason="x"
        )
    with pytest.raises(ValidationError, match="Say why"):
        services.mastery_judgment_set(
            learner=world.student, target=bank.rates, teacher=world.teacher, level="mastered", reason="  "
        )
    assert not MasteryJudgment.objects.exists() and not Evidence.objects.exists()


def test_a_school_can_set_its_own_thresholds(world, exit_ticket, django_capture_on_commit_callbacks):
    MasterySettings.objects.create(school=world.school, familiar_at=0.5, proficient_at=0.8, mastered_at=0.95)
    attempt = assessment_services.attempt_start(assignment=exit_ticket, learner=world.student)
    choice, numeric, compare = item_ids(exit_ticket)
    with django_capture_on_commit_callbacks(execute=True):
        assessment_services.attempt_submit(
            attempt=attempt, learner=world.student, answers={choice: "a", numeric: "3/4", compare: "<"}
        )
    # 0.929191 is Mastered by the defaults, only Proficient at this school
    assert state(world.student, "6.RP.A.1").level == "proficient"


def test_a_submit_updates_mastery_in_its_own_transaction(world, exit_ticket, django_capture_on_commit_callbacks):
    attempt = assessment_services.attempt_start(assignment=exit_ticket, learner=world.student)
    choice, numeric, compare = item_ids(exit_ticket)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assessment_services.attempt_submit(
            attempt=attempt, learner=world.student, answers={choice: "a", numeric: "3/4", compare: "<"}
        )
    # The evidence and states are there before anything runs after the commit; only the path's rebuild waits
    assert Evidence.objects.filter(learner=world.student).count() == 4
    assert [callback.key[0] for callback in callbacks] == ["playlists.rebuild_learner"]


def test_a_failed_inline_update_keeps_the_submission_and_leaves_it_to_the_task(
    world, exit_ticket, monkeypatch, django_capture_on_commit_callbacks
):
    from learners import receivers

    def broken(**kwargs):
        Evidence.objects.filter(pk__in=[]).exists()
        raise RuntimeError("the model is unavailable")

    monkeypatch.setattr(receivers, "mastery_apply_attempt", broken)
    attempt = assessment_services.attempt_start(assignment=exit_ticket, learner=world.student)
    choice, numeric, compare = item_ids(exit_ticket)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submitted = assessment_services.attempt_submit(
            attempt=attempt, learner=world.student, answers={choice: "a", numeric: "3/4", compare: "<"}
        )
    assert submitted.status == "scored" and not Evidence.objects.exists()
    assert [callback.key for callback in callbacks] == [("learners.mastery_apply_attempt", (attempt.pk,))]
    monkeypatch.undo()
    for callback in callbacks:
        callback()
    assert Evidence.objects.filter(learner=world.student).count() == 4
