"""Sign-in and the home page each role lands on."""

import pytest
from django.urls import reverse

from learners import services as learner_services
from tests.conftest import person

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/"


def test_signing_in_with_a_password_lands_on_home(client, world):
    response = client.post(reverse("login"), {"username": "teacher", "password": "correct-horse-battery"})
    assert response.status_code == 302 and response.url == "/"
    # a teacher's home is their day in class
    home = client.get("/", follow=True)
    assert home.redirect_chain == [("/teach/", 302)] and "Math 6 period 1" in home.content.decode()


def test_a_wrong_password_says_so(client, world):
    response = client.post(reverse("login"), {"username": "teacher", "password": "nope"})
    assert response.status_code == 200
    assert "didn't match" in response.content.decode()


@pytest.mark.parametrize(
    "role, shown, hidden",
    [
        ("teacher", ["Your sections", "Math 6 period 1", "2 students"], ["Math 6 period 2", "Schools you run"]),
        ("student", ["Your classes", "Math 6 period 1", "About you"], ["Sections you teach", "Math 6 period 2"]),
        ("school_admin", ["Schools you run", "Lincoln Middle"], ["Jefferson Middle", "Far Away Middle"]),
        ("district_admin", ["Lincoln Middle", "Jefferson Middle"], ["Far Away Middle"]),
    ],
)
def test_home_shows_each_role_its_own_world(client, world, role, shown, hidden):
    client.force_login(person(world, role))
    page = client.get(reverse("home"), follow=True).content.decode()
    for text in shown:
        assert text in page
    for text in hidden:
        assert text not in page


def test_students_see_their_goals_and_interests(client, world):
    from assessments.models import Framework, LearningTarget

    framework = Framework.objects.create(name="Test", slug="test", subject="math")
    target = LearningTarget.objects.create(
        framework=framework, code="6.RP.A.1", text="Ratios", grade="6", domain_code="RP", domain_name="Ratios"
    )
    learner_services.learner_profile_update(
        by=world.teacher, profile=world.student_profile, changes={"interests": ["skateboarding"]}
    )
    learner_services.learner_goal_create(
        learner=world.student_profile,
        target=target,
        reach_by=__import__("datetime").date(2026, 12, 18),
        why="I want to work out skate park ramps.",
    )
    client.force_login(world.student)
    page = client.get(reverse("home")).content.decode()
    assert "skateboarding" in page
    assert "6.RP.A.1" in page and "I want to work out skate park ramps." in page


def test_home_queries_are_bounded(client, world, django_assert_max_num_queries):
    from tests.factories import SectionFactory

    for period in range(3, 10):
        SectionFactory(
            school=world.school, term=world.section.term, name=f"Math 6 period {period}", teachers=[world.teacher]
        )
    client.force_login(world.teacher)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("home"), follow=True)
    assert response.content.decode().count('<article class="card">') == 8
