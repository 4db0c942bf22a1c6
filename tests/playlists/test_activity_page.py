"""The activity page: opening an activity of the path shows its lesson, worked examples and practice; practice is
answered one question at a time with feedback, hints and the worked solution, and its first answers are evidence
for mastery, weighed as practice; minutes are recorded; a link activity opens its link; the path shows progress."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import PracticeResponse, PracticeSet
from learners.mastery import HINTED_PRACTICE_WEIGHT, PRACTICE_WEIGHT
from learners.models import Evidence, MasteryState
from playlists import services
from playlists.models import Activity, ActivityVisit, PlaylistItem
from tests.conftest import ROLES, person


@pytest.fixture
def lesson_bank(bank):
    """Six numeric questions on 6.RP.A.1 with hints and worked solutions (the bank's own have neither)."""
    return [
        assessment_services.item_create(
            item_type="numeric",
            stem=f"A recipe uses 2 cups of flour for every 3 cups of sugar. How many cups of "
            f"sugar go with {2 * number} cups of flour?",
            targets=[bank.ratios],
            key={"value": str(3 * number), "tolerance": "0"},
            hints=["Find how many batches of 2 cups the flour makes.", "Each batch needs 3 cups of sugar."],
            worked_solution=f"1. {2 * number} ÷ 2 = {number} batches.\n2. {number} × 3 = **{3 * number}** cups.",
        )
        for number in range(2, 8)
    ]


@pytest.fixture
def lesson(client, world, bank, catalog, lesson_bank):
    """The student's first activity item on today's path, with the catalog's activities given a real lesson."""
    Activity.objects.update(
        body="## Ratios\n\nA **ratio** compares two quantities: 2 to 3 is written 2:3.\n\n"
        "| flour | sugar |\n|---|---|\n| 2 | 3 |\n"
    )
    client.force_login(world.student)
    items = client.get(reverse("today")).context["items"]
    item = next(item for item in items if item.kind == "activity" and item.target.code == "6.RP.A.1")
    return SimpleNamespace(item=item, url=reverse("today-activity", args=[item.pk]))


def practice_url(item, practice) -> str:
    return reverse("today-activity-practice", args=[item.pk, practice.pk])


def test_an_opened_activity_shows_its_lesson_worked_examples_and_the_first_practice_question(client, world, lesson):
    page = client.get(lesson.url)

    assert page.status_code == 200
    html = page.content.decode()
    # the lesson is its Markdown, rendered
    assert "<h2>Ratios</h2>" in html and "<strong>ratio</strong>" in html and "<td>2</td>" in html
    # two worked examples from the bank, each with its solution and answer, none of them a practice question
    examples = page.context["examples"]
    practice = page.context["practice"]
    assert len(examples) == 2 and "Worked examples" in html
    assert {example["item"].pk for example in examples}.isdisjoint({row.item.pk for row in practice})
    for example in examples:
        assert example["item"].worked_solution.split("**")[1] == example["answer"]
    # the practice: four questions, only the first shown, with its form
    assert len(practice) == 4 and page.context["current"] is practice[0]
    assert f'id="q-{practice[0].response.pk}"' in html and f'id="q-{practice[1].response.pk}"' not in html
    assert "Check my answer" in html and "Give me a hint" in html and "I don't know: show me how" in html
    # opening the activity started the item and recorded the visit
    visit = ActivityVisit.objects.get(item_id=lesson.item.pk)
    assert (visit.learner, visit.activity_id, visit.practice_set.target.code) == (
        world.student,
        lesson.item.activity_id,
        "6.RP.A.1",
    )
    assert PlaylistItem.objects.get(pk=lesson.item.pk).started_at is not None


def test_practice_gives_feedback_a_hint_and_the_solution_and_its_first_answer_counts_as_practice(client, world, lesson):
    client.get(lesson.url)
    first = PracticeResponse.objects.filter(practice_set__learner=world.student).order_by("position").first()
    right = first.item.key["value"]

    # a wrong answer: "Not yet", a hint, then a second wrong answer opens the solution with the right answer
    wrong = client.post(
        practice_url(lesson.item, first), {"action": "answer", "kind": "numeric", "answer": "1"}, follow=True
    )
    assert "Not yet. Try again, or open a hint." in wrong.content.decode()
    hinted = client.post(practice_url(lesson.item, first), {"action": "hint"}, follow=True)
    assert f"<strong>Hint 1:</strong> {first.item.hints[0]}" in hinted.content.decode()
    shown = client.post(
        practice_url(lesson.item, first), {"action": "answer", "kind": "numeric", "answer": "2"}, follow=True
    )
    html = shown.content.decode()
    assert f"The right answer: <strong>{right}</strong>" in html and "How to solve it" in html
    # the next question comes up
    assert shown.context["current"].number == 2

    # the first answer, and only it, is evidence: wrong, weighed as practice (no hint was open before it)
    evidence = Evidence.objects.get(learner=world.student, kind=Evidence.Kind.PRACTICE)
    assert (evidence.correct, evidence.weight, evidence.target.code, evidence.practice_id) == (
        False,
        PRACTICE_WEIGHT,
        "6.RP.A.1",
        first.pk,
    )
    first.refresh_from_db()
    assert (first.answer, first.correct, first.tries, first.hints_shown, first.solution_shown) == (
        "1",
        False,
        2,
        1,
        True,
    )
    state = MasteryState.objects.get(learner=world.student, target__code="6.RP.A.1")
    assert state.evidence_count == 1 and state.failure_run == 0


def test_a_hint_before_the_first_answer_makes_it_count_for_less(client, world, lesson):
    client.get(lesson.url)
    first = PracticeResponse.objects.filter(practice_set__learner=world.student).order_by("position").first()

    client.post(practice_url(lesson.item, first), {"action": "hint"})
    page = client.post(
        practice_url(lesson.item, first),
        {"action": "answer", "kind": "numeric", "answer": first.item.key["value"]},
        follow=True,
    )

    assert "Right!" in page.content.decode()
    evidence = Evidence.objects.get(learner=world.student, kind=Evidence.Kind.PRACTICE)
    assert (evidence.correct, evidence.weight) == (True, HINTED_PRACTICE_WEIGHT)


def test_i_dont_know_shows_how_and_counts_as_a_wrong_first_answer(client, world, lesson):
    client.get(lesson.url)
    first = PracticeResponse.objects.filter(practice_set__learner=world.student).order_by("position").first()

    page = client.post(practice_url(lesson.item, first), {"action": "solution"}, follow=True)

    assert first.item.worked_solution.split("\n")[0][3:] in page.content.decode()
    first.refresh_from_db()
    assert (first.answer, first.correct, first.solution_shown) == (None, False, True)
    assert Evidence.objects.get(learner=world.student, kind=Evidence.Kind.PRACTICE).correct is False


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"action": "answer", "kind": "numeric", "answer": "three"}, "Type a number such as 3/4, 0.75 or 1 1/2."),
        ({"action": "answer", "kind": "numeric", "answer": "1,5"}, "Use a point for decimals, as in 1.5."),
        ({"action": "answer", "kind": "numeric"}, "Type a number such as 3/4, 0.75 or 1 1/2."),
        ({"action": "fly"}, "Unknown action 'fly'; choose one of answer, hint, solution."),
    ],
)
def test_a_bad_practice_answer_says_why_and_writes_nothing(client, world, lesson, fields, message):
    client.get(lesson.url)
    first = PracticeResponse.objects.filter(practice_set__learner=world.student).order_by("position").first()

    page = client.post(practice_url(lesson.item, first), fields, follow=True)

    assert message in page.content.decode().replace("&#x27;", "'")
    first.refresh_from_db()
    assert (first.tries, first.answered_at, first.hints_shown) == (0, None, 0)
    assert not Evidence.objects.filter(learner=world.student).exists()


def test_a_finished_question_and_a_question_of_another_activity_are_refused(client, world, lesson, catalog):
    client.get(lesson.url)
    first = PracticeResponse.objects.filter(practice_set__learner=world.student).order_by("position").first()
    client.post(practice_url(lesson.item, first), {"action": "solution"})
    foreign = assessment_services.practice_set_start(
        learner=world.other_student, target=first.item.targets.get(), school=world.school, size=1
    ).responses.get()

    again = client.post(
        practice_url(lesson.item, first), {"action": "answer", "kind": "numeric", "answer": "3"}, follow=True
    )
    other = client.post(practice_url(lesson.item, foreign), {"action": "hint"}, follow=True)

    assert "You have finished this question; go on to the next one." in again.content.decode()
    assert "This question is not part of this activity." in other.content.decode()
    foreign.refresh_from_db()
    assert foreign.hints_shown == 0


def test_the_page_records_active_minutes_and_the_path_shows_progress(client, world, lesson):
    client.get(lesson.url)
    visit = ActivityVisit.objects.get(item_id=lesson.item.pk)
    # the page reports every 30 s; a long gap (the learner away) counts for at most 45 s
    ActivityVisit.objects.filter(pk=visit.pk).update(last_seen_at=visit.last_seen_at - datetime.timedelta(seconds=30))
    assert client.post(reverse("today-activity-time", args=[lesson.item.pk])).status_code == 204
    ActivityVisit.objects.filter(pk=visit.pk).update(last_seen_at=timezone.now() - datetime.timedelta(minutes=20))
    client.post(reverse("today-activity-time", args=[lesson.item.pk]))
    visit.refresh_from_db()
    assert 74 <= visit.active_seconds <= 76
    first = PracticeResponse.objects.filter(practice_set=visit.practice_set).order_by("position").first()
    client.post(practice_url(lesson.item, first), {"action": "solution"})

    today = client.get(reverse("today"))

    item = next(item for item in today.context["items"] if item.pk == lesson.item.pk)
    assert item.progress == {"questions": 4, "finished": 1, "minutes": 1}
    assert "Practice: 1 of 4 questions done · 1 min spent" in today.content.decode()


def test_a_link_activity_opens_its_link_and_records_it(client, world, lesson):
    Activity.objects.filter(pk=lesson.item.activity_id).update(url="https://example.org/ratios", body="")

    page = client.get(lesson.url)
    followed = client.get(reverse("today-activity-link", args=[lesson.item.pk]))

    assert 'target="_blank" rel="noopener"' in page.content.decode()
    assert (followed.status_code, followed["Location"]) == (302, "https://example.org/ratios")
    assert ActivityVisit.objects.get(item_id=lesson.item.pk).link_opened_at is not None
    # a Waypoint-only activity has no link to follow
    other = next(
        item
        for item in client.get(reverse("today")).context["items"]
        if item.kind == "activity" and item.pk != lesson.item.pk
    )
    refused = client.get(reverse("today-activity-link", args=[other.pk]), follow=True)
    assert "This activity lives in Waypoint; it has no link to follow." in refused.content.decode()


def test_a_target_without_questions_says_so(client, world, lesson):
    PracticeResponse.objects.all().delete()
    PracticeSet.objects.all().delete()
    from assessments.models import Item

    Item.objects.update(is_active=False)
    other = next(
        item
        for item in client.get(reverse("today")).context["items"]
        if item.kind == "activity" and item.pk != lesson.item.pk
    )

    page = client.get(reverse("today-activity", args=[other.pk]))

    assert page.context["practice"] == [] and page.context["examples"] == []
    assert "There are no practice questions for" in page.content.decode()


def test_a_past_days_activity_sends_the_learner_back_to_today(client, world, lesson):
    lesson.item.playlist.school_day = lesson.item.playlist.school_day - datetime.timedelta(days=1)
    lesson.item.playlist.save(update_fields=["school_day"])

    page = client.get(lesson.url, follow=True)

    assert page.redirect_chain[-1][0] == reverse("today")
    assert "That day is over; today's path is the one to work on." in page.content.decode().replace("&#x27;", "'")
    assert not ActivityVisit.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_the_learner_opens_their_activity(client, world, lesson, role):
    client.logout()
    if role != "anonymous":
        client.force_login(person(world, role))

    urls = [lesson.url, reverse("today-activity-link", args=[lesson.item.pk])]
    statuses = [client.get(url).status_code for url in urls]
    posted = client.post(reverse("today-activity-time", args=[lesson.item.pk])).status_code

    if role == "anonymous":
        assert statuses == [302, 302] and posted == 302
    elif role == "student":
        assert statuses == [200, 302] and posted == 204
    else:
        assert statuses == [404, 404] and posted == 404
        assert not ActivityVisit.objects.exists()


def test_the_opened_item_and_its_visit_survive_a_rebuild(client, world, lesson):
    client.get(lesson.url)
    first = PracticeResponse.objects.filter(practice_set__learner=world.student).order_by("position").first()
    client.post(practice_url(lesson.item, first), {"action": "solution"})
    before = PlaylistItem.objects.get(pk=lesson.item.pk).playlist.generated_at

    # the practice evidence changed the path's inputs, so the rebuild writes the path again
    playlist = services.playlist_rebuild(learner_id=world.student.pk, reason="practice")

    assert playlist.generated_at > before
    assert ActivityVisit.objects.filter(item_id=lesson.item.pk).exists()
    assert PlaylistItem.objects.filter(pk=lesson.item.pk, started_at__isnull=False).exists()


def test_the_activity_page_runs_a_bounded_number_of_queries(client, world, lesson, django_assert_max_num_queries):
    client.get(lesson.url)
    first = PracticeResponse.objects.filter(practice_set__learner=world.student).order_by("position").first()
    client.post(practice_url(lesson.item, first), {"action": "hint"})

    # opened again, with a hint open: the same queries whatever the number of questions and examples (16 today:
    # the session and user, the learner's lock, the item, the visit, the practice and examples, the template's)
    with django_assert_max_num_queries(18, info="activity page"):
        page = client.get(lesson.url)

    assert page.status_code == 200
