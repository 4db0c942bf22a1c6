"""The student's Today page and the assessment page: choices, start and done, taking an exit ticket, and the
rebuilt path after it."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Attempt, Response
from playlists.models import Playlist, PlaylistItem
from tests.conftest import ROLES, person


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_today_shows_the_path_in_order_with_reasons_minutes_choices_and_progress(client, world, catalog, exit_ticket):
    client.force_login(world.student)

    page = client.get(reverse("today"))

    items = page.context["items"]
    assert [item.position for item in items] == sorted(item.position for item in items)
    html = page.content.decode()
    for item in items:
        assert f'id="item-{item.pk}"' in html and f"{item.minutes} min" in html
    assert page.context["minutes"] == sum(item.minutes for item in items)
    assert '<progress class="progress" aria-label="Today\'s progress" max="100" value="0">0%</progress>' in html
    # the teacher's exit ticket is marked and links to the assessment page
    assert "From your teacher" in html and reverse("take-assessment", args=[exit_ticket.pk]) in html
    choosing = next(item for item in items if len(item.choices) > 1)
    assert "Pick how you want to learn it" in html and choosing.choices[1].title in html


def test_a_student_picks_an_alternative_starts_and_finishes_an_item(client, world, catalog, exit_ticket):
    client.force_login(world.student)
    item = next(item for item in client.get(reverse("today")).context["items"] if len(item.choices) > 1)
    other = item.choices[1]

    picked = client.post(reverse("today-item", args=[item.pk]), {"action": "choose", "activity": other.pk}, follow=True)
    assert messages_of(picked) == [f"You picked “{other}”."]
    client.post(reverse("today-item", args=[item.pk]), {"action": "start"})
    done = client.post(reverse("today-item", args=[item.pk]), {"action": "done"}, follow=True)

    assert messages_of(done) == ["Done! Nice work."]
    saved = PlaylistItem.objects.get(pk=item.pk)
    assert (saved.chosen_activity_id, saved.started_at is not None, saved.completed_at is not None) == (
        other.pk,
        True,
        True,
    )
    assert done.context["done_items"] == 1 and done.context["percent"] > 0


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"action": "choose", "activity": "x"}, "Pick one of the choices."),
        ({"action": "choose", "activity": "999999"}, "That is not one of this item's choices."),
        ({"action": "fly"}, "Unknown action 'fly'."),
    ],
)
def test_a_bad_item_action_says_why(client, world, catalog, exit_ticket, fields, message):
    client.force_login(world.student)
    item = next(item for item in client.get(reverse("today")).context["items"] if item.kind == "activity")

    page = client.post(reverse("today-item", args=[item.pk]), fields, follow=True)

    assert messages_of(page) == [message]
    assert PlaylistItem.objects.filter(chosen_activity__isnull=False).count() == 0


def test_a_student_takes_an_exit_ticket_and_sees_feedback_and_the_rebuilt_path(
    client, world, bank, catalog, exit_ticket, django_capture_on_commit_callbacks
):
    client.force_login(world.student)
    assert exit_ticket.assessment_id in [item.assessment_id for item in client.get(reverse("today")).context["items"]]
    url = reverse("take-assessment", args=[exit_ticket.pk])
    page = client.get(url)
    html = page.content.decode()
    # every question's control is named by its stem: a choice's group, and a typed answer's box (with its label)
    choice, numeric = bank.items.choice.pk, bank.items.numeric.pk
    assert f'<fieldset class="answer" aria-labelledby="q{choice}-stem">' in html
    assert f'<label class="answer-label" id="q{numeric}-label" for="q{numeric}-input">Your answer</label>' in html
    assert f'aria-labelledby="q{numeric}-stem q{numeric}-label"' in html
    attempt = Attempt.objects.get(learner=world.student)

    # when they hand in one wrong answer, on the last question (and the path's rebuild after the commit runs)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                f"item-{bank.items.choice.pk}": "a",
                f"item-{bank.items.numeric.pk}": "3/4",
                f"item-{bank.items.compare.pk}": ">",
            },
        )
    result = client.get(url)

    # then the result shows the score and feedback, and the fresh path arrives as a fragment with a re-teach item
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SCORED
    text = result.content.decode()
    assert "Handed in." in text and "Yes: 2 cups of flour for every 3 of sugar." in text and "Not yet" in text
    fragment = client.get(reverse("today-path"))
    assert fragment.status_code == 200
    assert ("reteach", "6.RP.A.1") in [(item.rule, item.target.code) for item in fragment.context["items"]]
    # the exit ticket stays on the path, done
    ticket = next(item for item in fragment.context["items"] if item.assessment_id == exit_ticket.assessment_id)
    assert ticket.completed_at == attempt.submitted_at and fragment.context["done_items"] == 1
    assert Response.objects.filter(attempt=attempt).count() == 3


def test_the_path_fragment_waits_while_the_path_is_stale(client, world, catalog, exit_ticket):
    client.force_login(world.student)
    client.get(reverse("today"))
    Playlist.objects.filter(learner=world.student).update(status=Playlist.Status.STALE)

    assert client.get(reverse("today-path")).status_code == 204


def test_the_assessment_page_polls_the_path_with_htmx_until_it_is_fresh(client, world, bank, catalog, exit_ticket):
    # Given a student who has handed in the exit ticket, and their path being rebuilt
    client.force_login(world.student)
    client.get(reverse("today"))
    url = reverse("take-assessment", args=[exit_ticket.pk])
    client.get(url)
    client.post(url, {f"item-{bank.items.choice.pk}": "a"})
    page = client.get(url).content.decode()
    assert "Handed in." in page
    Playlist.objects.filter(learner=world.student).update(status=Playlist.Status.STALE)
    # the page asks htmx to poll the path every second, into #new-path, under its status line
    path_url = reverse("today-path")
    assert (
        f'<div id="new-path" hx-get="{path_url}" hx-trigger="load, every 1s" hx-swap="innerHTML" hx-sync="this:drop">'
        in page
    )
    assert '<p id="path-status" role="status" aria-live="polite">Your path is being updated' in page
    assert "assessment.js" not in page  # nothing left for the script to do once the work is handed in

    # While the path is stale, htmx's request gets 204: nothing to swap, ask again
    waiting = client.get(path_url, headers={"HX-Request": "true"})
    assert waiting.status_code == 204 and waiting.content == b""

    # Once it is fresh: 286 stops the polling, with the path and the status line's new text (swapped out of band)
    Playlist.objects.filter(learner=world.student).update(status=Playlist.Status.FRESH)
    ready = client.get(path_url, headers={"HX-Request": "true"})
    html = ready.content.decode()
    assert ready.status_code == 286
    assert '<ol class="path student-path">' in html and 'class="path-item' in html
    assert '<span id="path-status" hx-swap-oob="innerHTML">Your path is ready: here is what comes next.</span>' in html
    assert "<form" not in html  # the fragment has no choices or buttons: those are on Today
    assert "HX-Request" in ready["Vary"]
    # without htmx, the same fragment answers 200, without the status line
    plain = client.get(path_url)
    assert plain.status_code == 200 and "path-status" not in plain.content.decode()
    assert "HX-Request" in plain["Vary"]


@pytest.mark.parametrize("role", ["anonymous", "teacher", "school_admin"])
def test_the_htmx_path_fragment_is_the_students_alone(client, world, catalog, exit_ticket, role):
    if role != "anonymous":
        client.force_login(person(world, role))

    response = client.get(reverse("today-path"), headers={"HX-Request": "true"})

    assert response.status_code == (302 if role == "anonymous" else 404)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_student_opens_their_today_and_their_assessment(client, world, catalog, exit_ticket, role):
    if role != "anonymous":
        client.force_login(person(world, role))

    statuses = [
        client.get(url).status_code
        for url in (
            reverse("today"),
            reverse("today-path"),
            reverse("take-assessment", args=[exit_ticket.pk]),
            reverse("my-progress"),
        )
    ]

    if role == "anonymous":
        assert statuses == [302, 302, 302, 302]
    elif role in ("student", "other_student"):
        assert statuses == [200, 200, 200, 200]
    else:
        assert statuses == [404, 404, 404, 404]
    if role == "other_student":
        # their own path; another learner's item answers like an item not on their path
        item = PlaylistItem.objects.filter(playlist__learner=world.student).first()
        if item is None:
            client.force_login(world.student)
            client.get(reverse("today"))
            client.force_login(world.other_student)
            item = PlaylistItem.objects.filter(playlist__learner=world.student).first()
        page = client.post(reverse("today-item", args=[item.pk]), {"action": "done"}, follow=True)
        assert messages_of(page) == ["This item is not on your path."]
        assert PlaylistItem.objects.get(pk=item.pk).completed_at is None


def test_today_and_the_assessment_page_run_a_fixed_number_of_queries(
    client, world, catalog, exit_ticket, django_assert_max_num_queries
):
    client.force_login(world.student)
    client.get(reverse("today"))
    with django_assert_max_num_queries(14):
        assert client.get(reverse("today")).status_code == 200
    client.get(reverse("take-assessment", args=[exit_ticket.pk]))
    with django_assert_max_num_queries(16):
        assert client.get(reverse("take-assessment", args=[exit_ticket.pk])).status_code == 200


def test_my_progress_shows_levels_growth_goals_and_what_comes_next(
    client, world, bank, catalog, exit_ticket, django_capture_on_commit_callbacks
):
    from assessments import services as assessment_services
    from learners import services as learner_services

    learner_services.learner_goal_create(
        learner=world.student_profile, target=bank.ratios, reach_by=datetime.date(2026, 12, 18), why="Paint"
    )
    attempt = assessment_services.attempt_start(assignment=exit_ticket, learner=world.student)
    with django_capture_on_commit_callbacks(execute=True):
        assessment_services.attempt_submit(
            attempt=attempt,
            learner=world.student,
            answers={bank.items.choice.pk: "a", bank.items.numeric.pk: "3/4", bank.items.compare.pk: ">"},
        )
    client.force_login(world.student)

    page = client.get(reverse("my-progress"))

    # this week: 4 answers on the log (the comparison counts for both targets), 2 right
    weeks = page.context["weeks"]
    assert len(weeks) == 8 and [week["answered"] for week in weeks[:-1]] == [0] * 7
    assert (weeks[-1]["answered"], weeks[-1]["right"], weeks[-1]["share"]) == (4, 2, 50)
    [(grade, name, rows)] = page.context["domains"]
    assert (grade, name) == ("6", "RP")
    assert [(row["target"].code, row["label"]) for row in rows] == [
        ("6.RP.A.1", "Attempted"),
        ("6.RP.A.2", "Attempted"),
    ]
    [goal] = page.context["goals"]
    state = world.student.mastery_states.get(target=bank.ratios)
    assert (goal["goal"].target, goal["percent"]) == (bank.ratios, round(100 * state.p_mastery / 0.7))
    html = page.content.decode()
    assert 'role="img"' in html and '<th scope="row">' in html and "50%" in html
    assert [(item.rule, item.target.code) for item in page.context["next_items"]] == [
        ("reteach", "6.RP.A.1"),
        ("reteach", "6.RP.A.2"),
        ("exit_ticket", "6.RP.A.1"),
    ]


def test_my_progress_runs_a_fixed_number_of_queries_and_is_the_students_own(
    client, world, catalog, exit_ticket, django_assert_max_num_queries
):
    client.force_login(world.student)
    client.get(reverse("my-progress"))
    with django_assert_max_num_queries(16):
        assert client.get(reverse("my-progress")).status_code == 200
    client.force_login(world.teacher)
    assert client.get(reverse("my-progress")).status_code == 404
    client.logout()
    assert client.get(reverse("my-progress")).status_code == 302


def test_a_timed_assessment_shows_the_time_stretched_by_extended_time(client, world, bank):
    from assessments import services as assessment_services
    from learners import services as learner_services

    learner_services.learner_profile_update(
        by=world.teacher, profile=world.student_profile, changes={"extended_time_factor": "1.50"}
    )
    assessment = assessment_services.assessment_create(
        title="Timed check",
        kind="quiz",
        school=world.school,
        created_by=world.teacher,
        items=[bank.items.choice, bank.items.numeric],
        time_limit_minutes=10,
    )
    now = timezone.now()
    assignment = assessment_services.assignment_create(
        assessment=assessment,
        section=world.section,
        opens_at=now - datetime.timedelta(minutes=5),
        due_at=now + datetime.timedelta(days=1),
        assigned_by=world.teacher,
    )
    client.force_login(world.student)

    html = client.get(reverse("take-assessment", args=[assignment.pk])).content.decode()

    attempt = Attempt.objects.get(learner=world.student)
    assert round((attempt.deadline_at - attempt.started_at).total_seconds()) == 15 * 60
    assert f'data-deadline="{timezone.localtime(attempt.deadline_at).isoformat()}"' in html
    assert "with your extended time, ×1.5" in html and 'role="timer"' in html
