"""A student's page about themselves: interests, ways of learning and goals, which the teacher and the engine read."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from learners import services
from learners.models import LearnerGoal, LearnerProfile
from playlists import services as path_services
from playlists.models import Playlist
from tests.conftest import ROLES, person

ABOUT = "/me/"


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_a_student_saves_interests_careers_and_ranked_ways_of_learning(client, world, bank):
    client.force_login(world.student)
    path_services.playlist_rebuild(learner_id=world.student.pk, reason="test")

    page = client.post(
        ABOUT,
        {
            "action": "profile",
            "interests": " soccer, drawing,, soccer ",
            "career_goals": "nurse",
            "way-1": "hands_on",
            "way-2": "video",
            "way-3": "",
        },
        follow=True,
    )

    assert messages_of(page) == ["Saved. Tomorrow's path will use it."]
    profile = LearnerProfile.objects.get(user=world.student)
    assert (profile.interests, profile.career_goals, profile.preferred_modalities) == (
        ["soccer", "drawing"],
        ["nurse"],
        ["hands_on", "video"],
    )
    # the engine hears of it: today's path is marked for a rebuild from the new profile
    assert Playlist.objects.get(learner=world.student).status == Playlist.Status.STALE
    # and the teacher sees it on the student's page
    client.force_login(world.teacher)
    teacher_page = client.get(reverse("teach-learner", args=[world.student.pk])).content.decode()
    assert "soccer, drawing" in teacher_page and "nurse" in teacher_page and "hands_on, video" in teacher_page


def test_a_student_sets_changes_achieves_retires_and_reactivates_a_goal(client, world, bank):
    client.force_login(world.student)
    by = datetime.date(2026, 12, 18)

    page = client.post(
        ABOUT,
        {
            "action": "goal_create",
            "target": bank.ratios.pk,
            "reach_by": by.isoformat(),
            "why": "I want to mix paint colours.",
        },
        follow=True,
    )
    assert messages_of(page) == ["New goal: 6.RP.A.1 by December 18."]
    goal = LearnerGoal.objects.get()
    assert (goal.learner_id, goal.target, goal.reach_by, goal.status) == (world.student.pk, bank.ratios, by, "active")

    later = by + datetime.timedelta(days=7)
    page = client.post(
        ABOUT, {"action": "goal_update", "goal": goal.pk, "reach_by": later.isoformat(), "why": "Paint!"}, follow=True
    )
    assert messages_of(page) == ["Changed your goal for 6.RP.A.1."]
    goal.refresh_from_db()
    assert (goal.reach_by, goal.why) == (later, "Paint!")

    for action, status, message in (
        ("achieved", "achieved", "Well done: 6.RP.A.1 achieved!"),
        ("active", "active", "Your goal for 6.RP.A.1 is active again."),
        ("retired", "retired", "Retired your goal for 6.RP.A.1."),
    ):
        page = client.post(ABOUT, {"action": action, "goal": goal.pk}, follow=True)
        goal.refresh_from_db()
        assert (goal.status, messages_of(page)) == (status, [message])


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"action": "profile", "way-1": "video", "way-2": "video"}, "Choose each way of learning once."),
        ({"action": "profile", "way-1": "telepathy"}, "Unknown way of learning: telepathy"),
        ({"action": "profile", "interests": "x" * 61}, "Each entry must be 1 to 60 characters"),
        ({"action": "goal_create", "reach_by": "2026-12-18", "why": "Because"}, "Choose the target."),
        (
            {"action": "goal_create", "target": "RATIOS", "reach_by": "soon", "why": "Because"},
            "Give a date such as 2026-11-24.",
        ),
        (
            {"action": "goal_create", "target": "RATIOS", "reach_by": "2026-12-18", "why": " "},
            "This field cannot be blank.",
        ),
        ({"action": "goal_update", "goal": "999999", "reach_by": "2026-12-18", "why": "x"}, "That goal is not yours."),
        ({"action": "dance"}, "Choose the goal."),
    ],
)
def test_bad_input_says_why_and_changes_nothing(client, world, bank, fields, message):
    client.force_login(world.student)
    fields = {name: bank.ratios.pk if value == "RATIOS" else value for name, value in fields.items()}
    before = LearnerProfile.objects.filter(user=world.student).values().get()

    page = client.post(ABOUT, fields)

    assert page.status_code == 200
    assert len(messages_of(page)) == 1 and message in messages_of(page)[0]
    assert LearnerProfile.objects.filter(user=world.student).values().get() == before
    assert LearnerGoal.objects.count() == 0


def test_a_second_active_goal_on_the_same_target_is_refused(client, world, bank):
    services.learner_goal_create(
        learner=world.student_profile, target=bank.ratios, reach_by=datetime.date(2026, 12, 18), why="First"
    )
    client.force_login(world.student)

    page = client.post(
        ABOUT, {"action": "goal_create", "target": bank.ratios.pk, "reach_by": "2026-12-20", "why": "Again"}
    )

    assert messages_of(page) == ["There is already an active goal for 6.RP.A.1."]
    assert LearnerGoal.objects.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_only_a_student_has_an_about_me_page_and_touches_only_their_own_goals(client, world, bank, role):
    goal = services.learner_goal_create(
        learner=world.student_profile, target=bank.ratios, reach_by=datetime.date(2026, 12, 18), why="Mine"
    )
    if role != "anonymous":
        client.force_login(person(world, role))

    page = client.get(ABOUT)
    retire = client.post(ABOUT, {"action": "retired", "goal": goal.pk})

    goal.refresh_from_db()
    if role == "anonymous":
        assert (page.status_code, retire.status_code) == (302, 302) and goal.status == "active"
    elif role == "student":
        assert page.status_code == 200 and goal.status == "retired"
    elif role == "other_student":
        assert page.status_code == 200 and retire.status_code == 200 and goal.status == "active"
        assert messages_of(retire) == ["That goal is not yours."]
    else:
        assert (page.status_code, retire.status_code) == (404, 404) and goal.status == "active"


def test_the_page_runs_a_fixed_number_of_queries(client, world, bank, django_assert_max_num_queries):
    for day in range(5):
        target = bank.ratios if day % 2 else bank.rates
        goal = services.learner_goal_create(
            learner=world.student_profile, target=target, reach_by=datetime.date(2026, 12, 1 + day), why=f"Goal {day}"
        )
        services.learner_goal_set_status(goal=goal, status="retired")
    client.force_login(world.student)

    with django_assert_max_num_queries(8):
        page = client.get(ABOUT)

    assert page.status_code == 200 and page.content.decode().count('class="card goal goal-retired"') == 5
