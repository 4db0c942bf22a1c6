"""The exit ticket the engine writes on a day's targets: drawn from the bank when the learner takes it, assigned to
them alone, done on the path once handed in; and a learner's pick among an item's choices survives a rebuild."""

from __future__ import annotations

import pytest
from django.urls import reverse

from assessments.models import Assessment, Assignment, Attempt, Item
from assessments.services import practice_items
from playlists import services
from playlists.models import Playlist, PlaylistItem
from tests.playlists.test_paths import local_today


@pytest.fixture
def day(client, world, bank, catalog):
    """The student's path with no teacher's exit ticket: the engine writes one on the day's targets."""
    client.force_login(world.student)
    items = client.get(reverse("today")).context["items"]
    ticket = next(item for item in items if item.kind == "exit_ticket")
    return items, ticket


def right_answer(item: Item):
    key = item.key
    return key.get("correct") or key.get("value") or key["accepted"][0]


def test_the_engine_writes_an_exit_ticket_on_the_days_targets(world, day):
    items, ticket = day
    learning = [item.target.code for item in items if item.kind == "activity"]
    assert ticket.checks == learning and ticket.assessment is None and ticket is items[-1]
    assert ticket.reason.startswith(f"Exit ticket: a few quick questions on {' and '.join(learning)}")


def test_taking_it_draws_its_questions_and_assigns_it_to_the_learner_alone(client, world, bank, day):
    _, ticket = day

    page = client.post(reverse("today-exit-ticket", args=[ticket.pk]))

    assessment = Assessment.objects.get(written_for=world.student)
    assignment = Assignment.objects.get(assessment=assessment)
    assert page.status_code == 302 and page["Location"] == reverse("take-assessment", args=[assignment.pk])
    assert (assessment.kind, assessment.written_on, assessment.school) == ("exit_ticket", local_today(), world.school)
    assert list(assignment.students.all()) == [world.student] and assignment.section == world.section
    # a question on each target, three in all, from the bank, each once
    targets = Item.objects.filter(assessments=assessment).values_list("targets__code", flat=True)
    assert assessment.items.count() == 3 and set(targets) == set(ticket.checks)
    saved = PlaylistItem.objects.get(pk=ticket.pk)
    assert saved.assessment == assessment and saved.started_at is not None
    # taking it again opens the same one; a rebuild keeps it, and does not assign it again
    again = client.post(reverse("today-exit-ticket", args=[ticket.pk]))
    services.paths_mark_stale(learner_ids=[world.student.pk], reason="test")
    playlist = services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    assert again["Location"] == page["Location"] and Assessment.objects.filter(written_for=world.student).count() == 1
    assert [item.kind for item in playlist.items.all()].count("exit_ticket") == 1
    assert not playlist.items.filter(kind="assessment", assessment=assessment).exists()


def test_handing_it_in_marks_it_done_on_the_path(client, world, bank, day, django_capture_on_commit_callbacks):
    _, ticket = day
    location = client.post(reverse("today-exit-ticket", args=[ticket.pk]))["Location"]
    client.get(location)
    attempt = Attempt.objects.get(learner=world.student)
    answers = {f"item-{item.pk}": right_answer(item) for item in attempt.assignment.assessment.items.all()}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(location, answers)

    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SCORED
    assert PlaylistItem.objects.get(pk=ticket.pk).completed_at == attempt.submitted_at


def test_with_no_question_left_it_says_so_and_writes_nothing(client, world, day):
    _, ticket = day
    Item.objects.update(is_active=False)

    page = client.post(reverse("today-exit-ticket", args=[ticket.pk]), follow=True)

    assert "The item bank has no questions for today&#x27;s targets yet; tell your teacher." in page.content.decode()
    assert not Assessment.objects.filter(written_for=world.student).exists()
    assert PlaylistItem.objects.get(pk=ticket.pk).assessment is None


def test_another_learners_ticket_and_an_activity_are_refused(client, world, day):
    _, ticket = day
    activity = PlaylistItem.objects.filter(playlist__learner=world.student, kind="activity").first()
    client.force_login(world.other_student)
    client.get(reverse("today"))

    foreign = client.post(reverse("today-exit-ticket", args=[ticket.pk]), follow=True)
    client.force_login(world.student)
    not_a_ticket = client.post(reverse("today-exit-ticket", args=[activity.pk]), follow=True)

    assert "This item is not on your path." in foreign.content.decode()
    assert "This item is not an exit ticket." in not_a_ticket.content.decode()
    assert not Assessment.objects.filter(written_for__isnull=False).exists()


def test_a_learners_pick_among_the_choices_survives_a_rebuild(client, world, day):
    items, _ = day
    item = next(item for item in items if len(item.choices) > 1)
    other = item.choices[1]
    services.playlist_item_choose(learner=world.student, item_id=item.pk, activity_id=other.pk)

    services.paths_mark_stale(learner_ids=[world.student.pk], reason="test")
    playlist = services.playlist_rebuild(learner_id=world.student.pk, reason="test")

    rebuilt = playlist.items.get(target=item.target, kind="activity")
    assert rebuilt.chosen_activity_id == other.pk
    assert Playlist.objects.get(learner=world.student).pk == playlist.pk


def test_an_item_already_drawn_for_one_target_is_not_drawn_again_for_another(world, bank):
    # Given every item on ratios, which rates' draw could repeat were they on rates too
    ratios = list(Item.objects.usable_at(world.school).auto_scored().filter(targets=bank.ratios))
    assert len(ratios) >= 2
    for item in ratios:
        item.targets.add(bank.rates)

    # When one is drawn for ratios, then the rest for rates, excluding it
    first = practice_items(learner=world.student, target=bank.ratios, school=world.school, count=1, seed="s")
    rest = practice_items(
        learner=world.student, target=bank.rates, school=world.school, count=100, seed="s", exclude=first
    )

    # Then rates' draw has every other item on it, and not the one drawn for ratios
    on_rates = Item.objects.usable_at(world.school).auto_scored().filter(targets=bank.rates).count()
    assert first[0] not in rest and len(rest) == on_rates - 1
