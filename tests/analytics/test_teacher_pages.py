"""The teacher's pages: who may open each one, what they show, and their query counts."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import LearningTarget
from learners.models import MasteryState
from learning_platform import services as school_services
from learning_platform.calendar import school_today
from playlists import services as path_services
from playlists.models import Playlist, UnitPlan
from tests.conftest import ROLES, make_target, person
from tests.factories import LearnerFactory


def pages(classroom) -> dict[str, str]:
    world = classroom.world
    section, student = world.section.pk, world.student.pk
    return {
        "home": reverse("teach-home"),
        "grid": reverse("teach-grid", args=[section]),
        "learner": reverse("teach-learner", args=[student]),
        "evidence": reverse("teach-evidence", args=[student, classroom.bank.ratios.pk]),
        "review": reverse("teach-review", args=[section]),
        "units": reverse("teach-units", args=[section]),
        "groups": reverse("teach-groups", args=[section]),
        "assign": reverse("teach-assign", args=[section]),
        "exit_ticket": reverse("teach-exit-ticket", args=[section]),
        "scoring": reverse("teach-scoring"),
        "score": reverse("teach-score", args=[classroom.open_response.pk]),
        "summary": reverse("teach-summary", args=[classroom.exit_ticket.pk]),
    }


# Who opens what: the section's teacher and the admins over its school; any other teacher, admin or student
# gets 404 for the section's pages (their own home and scoring queue are theirs, and empty of this section).
OWN_PAGES = {"home", "scoring"}
ALLOWED = {"teacher", "school_admin", "district_admin"}


@pytest.mark.parametrize("role", ROLES)
def test_every_teacher_page_answers_by_role(client, classroom, role):
    # given a user in each role
    user = person(classroom.world, role)
    if role != "anonymous":
        client.force_login(user)

    for name, url in pages(classroom).items():
        # when they open the page
        response = client.get(url)

        # then anonymous users go to sign in, staff of the section see it, and everyone else gets 404
        if role == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), name
        elif role in ALLOWED or (name in OWN_PAGES and role in ("other_teacher", "other_school_admin")):
            assert response.status_code == 200, name
        else:
            assert response.status_code == 404, name


def test_a_teacher_lands_on_their_day_after_signing_in(client, classroom):
    client.force_login(classroom.world.teacher)

    assert client.get(reverse("home"))["Location"] == reverse("teach-home")


def test_the_home_page_shows_who_needs_the_teacher_what_to_score_and_what_is_due(client, classroom):
    # given the classroom after today's exit ticket (student: wrong twice in a row on 6.RP.A.1) and a rubric task
    world = classroom.world
    client.force_login(world.teacher)

    # when the teacher opens their home
    page = client.get(reverse("teach-home"))
    today = page.context["today"]

    # then the student is flagged for failing 6.RP.A.1 twice, and the rubric response and assignments are listed
    failed = [flag for flag in today.flags if flag.kind == "failed_twice"]
    assert [(flag.student_id, flag.message) for flag in failed] == [
        (world.student.pk, "6.RP.A.1: wrong 2 times in a row.")
    ]
    # nobody who answered today is flagged for no progress
    assert [flag for flag in today.flags if flag.kind == "no_progress"] == []
    assert today.waiting_rubric == [
        {
            "assignment_id": classroom.rubric_task.pk,
            "title": "Explain unit rates",
            "section": "Math 6 period 1",
            "count": 1,
        }
    ]
    assert sorted(
        (row["assignment"].assessment.title, row["submitted"], row["reached"]) for row in today.assignments
    ) == [("Explain unit rates", 1, 2), ("Ratios exit ticket", 2, 2)]
    html = page.content.decode()
    assert f'href="/teach/learners/{world.student.pk}/"' in html and "Wrong in a row" in html


def test_a_student_without_work_for_three_school_days_and_a_stale_path_are_flagged(client, world, bank):
    # given a student with no evidence at all, whose path today is stale
    client.force_login(world.teacher)
    path_services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    Playlist.objects.filter(learner=world.student).update(status=Playlist.Status.STALE)

    # when the teacher opens their home
    flags = client.get(reverse("teach-home")).context["today"].flags

    # then both students have no progress, and the student's path is waiting for its rebuild
    assert sorted((flag.student_id, flag.kind) for flag in flags) == sorted(
        [(world.other_student.pk, "no_progress"), (world.student.pk, "no_progress"), (world.student.pk, "stale")]
    )


def test_the_grid_shows_each_level_in_words_and_sorts_by_student_or_target(client, classroom):
    world = classroom.world
    client.force_login(world.teacher)

    # when the teacher opens the grid of grade 6 ratios
    page = client.get(reverse("teach-grid", args=[world.section.pk]), {"scope": "6:RP"})
    grid = page.context["grid"]

    # then each student has a cell per target with the level word; the student who got it all wrong is Attempted
    assert [target.code for target in grid.targets] == ["6.RP.A.1", "6.RP.A.2"]
    cells = {
        (row["student"].username, cell["target"].code): cell["label"] for row in grid.rows for cell in row["cells"]
    }
    assert cells[("student", "6.RP.A.1")] == "Attempted"
    assert cells[("other-student", "6.RP.A.1")] in ("Familiar", "Proficient", "Mastered")
    html = page.content.decode()
    assert 'class="cell level-attempted"' in html and ">Attempted</a>" in html
    assert reverse("teach-evidence", args=[world.student.pk, classroom.bank.ratios.pk]) in html
    # sorted by name, then by the lowest level on 6.RP.A.1 first
    by_name = sorted([world.student, world.other_student], key=lambda user: (user.last_name, user.first_name))
    assert [row["student"] for row in grid.rows] == by_name
    by_target = client.get(reverse("teach-grid", args=[world.section.pk]), {"scope": "6:RP", "sort": "6.RP.A.1"})
    assert [row["student"].username for row in by_target.context["grid"].rows][0] == "student"


def test_the_grid_shows_the_current_unit_by_default(client, classroom):
    world = classroom.world
    today = school_today(world.school)
    path_services.unit_plan_set(
        teacher=world.teacher,
        section=world.section,
        name="Rates",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=10),
        targets=[classroom.bank.rates],
    )
    client.force_login(world.teacher)

    grid = client.get(reverse("teach-grid", args=[world.section.pk])).context["grid"]

    assert grid.heading == "Current unit: Rates" and [target.code for target in grid.targets] == ["6.RP.A.2"]


def test_the_evidence_trail_lists_every_answer_on_the_target(client, classroom):
    world = classroom.world
    client.force_login(world.teacher)

    page = client.get(reverse("teach-evidence", args=[world.student.pk, classroom.bank.ratios.pk]))

    trail = page.context["trail"]
    assert [(row["item"], row["answer"], row["correct"]) for row in trail] == [
        ("Flour to sugar?", "b", False),
        ("1/8 _ 4/1", ">", False),
    ]
    assert page.context["level_label"] == "Attempted" and "Wrong" in page.content.decode()


def test_the_student_page_shows_profile_path_with_reasons_and_the_neighbourhood(client, classroom):
    world = classroom.world
    client.force_login(world.teacher)

    page = client.get(reverse("teach-learner", args=[world.student.pk]))

    items = page.context["items"]
    assert items and all(item.reason for item in items)
    html = page.content.decode()
    for item in items:
        assert item.reason.replace("'", "&#x27;") in html
    codes = [row["target"].code for row in page.context["neighbourhood"]]
    assert codes == sorted({item.target.code for item in items if item.target})


# ---------------------------------------------------------------------------------------------------------
# Query counts: fixed however many students and targets


def _section_of(world, students: int, targets: int, first: int = 0):
    framework = LearningTarget.objects.first().framework if LearningTarget.objects.exists() else None
    if framework is None:
        from assessments.models import Framework

        framework = Framework.objects.create(name="CCSS Math", slug="ccss-math", subject="math", version="2010")
    codes = [make_target(framework, f"6.EE.Q.{n}") for n in range(first, first + targets)]
    for n in range(students):
        profile = LearnerFactory(school=world.school, username=f"learner-{students}-{n}", grade="6")
        school_services.enrollment_create(
            section=world.section, student=profile.user, enrolled_on=datetime.date(2026, 8, 24)
        )
        MasteryState.objects.bulk_create(
            MasteryState(learner=profile.user, target=target, p_mastery=0.5, level="familiar", evidence_count=2)
            for target in codes
        )
    return codes


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_grid_home_and_student_page_run_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    # given a section of 2 students on 3 targets, measured, then the same section grown to 35 students on 40
    client.force_login(world.teacher)
    _section_of(world, students=0, targets=3)
    grid_url = reverse("teach-grid", args=[world.section.pk]) + "?scope=6:EE"
    urls = {
        "grid": grid_url,
        "home": reverse("teach-home"),
        "learner": reverse("teach-learner", args=[world.student.pk]),
    }
    client.get(urls["learner"])  # builds today's path, so both measures read a fresh one
    small = {name: _queries(client, url) for name, url in urls.items()}
    _section_of(world, students=33, targets=37, first=3)
    assert UnitPlan.objects.count() == 0

    # when the pages are opened again
    for name, url in urls.items():
        # then each runs as many queries as before (a fixed number), within its bound
        with django_assert_max_num_queries({"grid": 10, "home": 12, "learner": 20}[name]):
            response = client.get(url)
        assert response.status_code == 200
        assert _queries(client, url) == small[name], name
    grid = client.get(grid_url).context["grid"]
    assert (len(grid.rows), len(grid.targets)) == (35, 40)


def test_the_grid_escapes_names_and_marks_a_contested_judgment(client, classroom):
    world = classroom.world
    world.student.display_name = 'Ana <script>alert("x")</script>'
    world.student.save(update_fields=["display_name"])
    MasteryState.objects.filter(learner=world.student, target=classroom.bank.ratios).update(judgment_contested=True)
    client.force_login(world.teacher)

    html = client.get(reverse("teach-grid", args=[world.section.pk]), {"scope": "6:RP"}).content.decode()

    assert "<script>alert" not in html
    assert 'aria-label="Ana &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;, 6.RP.A.1: Attempted">Attempted' in html
    assert html.count("New evidence disagrees with the teacher&#x27;s judgment") == 1


def test_a_struggle_flag_says_the_true_count_and_the_targets_name(client, classroom):
    # given 6.RP.A.1, with its short name, answered wrong 13 times in a row
    world = classroom.world
    LearningTarget.objects.filter(code="6.RP.A.1").update(short_name="ratios")
    MasteryState.objects.filter(learner=world.student, target__code="6.RP.A.1").update(failure_run=13)
    client.force_login(world.teacher)

    flags = client.get(reverse("teach-home")).context["today"].flags

    assert [flag.message for flag in flags if flag.kind == "failed_twice"] == [
        "ratios (6.RP.A.1): wrong 13 times in a row."
    ]
