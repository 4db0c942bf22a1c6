"""The daily-path API: reading a path, the teacher's pins, removals and locks, starting an item; scoped (404)."""

import json

import pytest
from django.urls import reverse

from playlists import services
from playlists.models import PathOverride, Playlist, PlaylistItem
from tests.conftest import ROLES, person
from tests.playlists.test_paths import PLAYLIST_MATRIX, local_today

pytestmark = pytest.mark.django_db


def post(client, url, body=None):
    return client.post(url, data=json.dumps(body or {}), content_type="application/json")


@pytest.mark.parametrize("role", ROLES)
def test_a_path_is_read_by_whoever_sees_the_learner(client, world, exit_ticket, catalog, role):
    services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    if role != "anonymous":
        client.force_login(person(world, role))
    response = client.get(reverse("api-learner-path", args=[world.student.pk]))
    if role == "anonymous":
        assert response.status_code == 403
    elif PLAYLIST_MATRIX[role]:
        body = response.json()
        assert response.status_code == 200
        assert (body["school_day"], body["status"]) == (local_today().isoformat(), "fresh")
        assert [(item["rule"], item["target"]) for item in body["items"]] == [
            ("assigned", "6.RP.A.1"),
            ("next", "6.RP.A.2"),
        ]
        assert body["items"][1]["reason"].startswith("Next: 6.RP.A.2.")
    else:
        assert response.status_code == 404


def test_a_day_without_a_path_or_a_bad_day_answers_clearly(client, world, exit_ticket, catalog):
    services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    client.force_login(world.teacher)
    url = reverse("api-learner-path", args=[world.student.pk])
    assert client.get(url, {"day": "2020-01-06"}).status_code == 404
    bad = client.get(url, {"day": "next tuesday"})
    assert bad.status_code == 400 and "2026-11-24" in json.dumps(bad.json())


def test_a_teacher_pins_and_takes_back_through_the_api(
    client, world, exit_ticket, catalog, django_capture_on_commit_callbacks
):
    client.force_login(world.teacher)
    practice = catalog["ratios-practice"]
    with django_capture_on_commit_callbacks(execute=True):
        created = post(
            client,
            reverse("api-path-overrides", args=[world.student.pk]),
            {
                "action": "pin",
                "activity": practice.pk,
                "starts_on": local_today().isoformat(),
                "due": local_today().isoformat(),
                "note": "Warm-up.",
            },
        )
    assert created.status_code == 201, created.json()
    assert (created.json()["action"], created.json()["target"]) == ("pin", "6.RP.A.1")
    path = client.get(reverse("api-learner-path", args=[world.student.pk])).json()
    assert (path["items"][0]["activity"], path["items"][0]["pinned"]) == (practice.pk, True)
    listed = client.get(reverse("api-path-overrides", args=[world.student.pk])).json()
    assert (listed["count"], [override["id"] for override in listed["results"]]) == (1, [created.json()["id"]])
    # The list narrows by what an override does and its target; a filter out of range is a 400 naming it
    url = reverse("api-path-overrides", args=[world.student.pk])
    assert client.get(url, {"action": "remove"}).json()["count"] == 0
    assert client.get(url, {"action": "pin", "target": "6.RP.A.1"}).json()["count"] == 1
    refused = client.get(url, {"action": "wobble"})
    assert refused.status_code == 400 and list(refused.json()["errors"]) == ["action"]
    # The student can see but not take it back; the teacher can
    client.force_login(world.student)
    assert client.delete(reverse("api-path-override", args=[created.json()["id"]])).status_code == 404
    client.force_login(world.teacher)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.delete(reverse("api-path-override", args=[created.json()["id"]])).status_code == 204
    assert practice.pk not in [
        item["activity"] for item in client.get(reverse("api-learner-path", args=[world.student.pk])).json()["items"]
    ]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"action": "pin", "starts_on": "today"}, 400, "starts_on"),
        ({"action": "pin"}, 400, "starts_on"),
        ({"action": "hide", "starts_on": "TODAY"}, 400, "action"),
        ({"action": "pin", "starts_on": "TODAY", "target": "9.ZZ.Z.9"}, 400, "target"),
        ({"action": "remove", "starts_on": "TODAY", "activity": None}, 400, "activity"),
        ({"action": "move", "starts_on": "TODAY"}, 400, "position"),
        ({"action": "move", "starts_on": "TODAY", "position": "first"}, 400, "position"),
        ({"action": "move", "starts_on": "TODAY", "position": 0}, 400, "position"),
        ({"action": "pin", "starts_on": "TODAY", "position": 2}, 400, "position"),
        ({"action": "focus", "starts_on": "TODAY", "activity": None}, 400, "target"),
    ],
)
def test_bad_overrides_get_a_400_naming_the_field(client, world, catalog, body, status, field):
    client.force_login(world.teacher)
    body = {"activity": catalog["ratios-video"].pk, **body}
    body = {name: local_today().isoformat() if value == "TODAY" else value for name, value in body.items()}
    response = post(client, reverse("api-path-overrides", args=[world.student.pk]), body)
    assert response.status_code == status
    assert field in response.json()["errors"]
    assert not PathOverride.objects.exists()


def test_a_teacher_moves_an_item_and_assigns_a_target_through_the_api(
    client, world, exit_ticket, catalog, bank, django_capture_on_commit_callbacks
):
    client.force_login(world.teacher)
    url = reverse("api-path-overrides", args=[world.student.pk])
    today = local_today().isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        focus = post(client, url, {"action": "focus", "target": "6.RP.A.2", "starts_on": today, "due": today})
    assert focus.status_code == 201, focus.json()
    assert (focus.json()["action"], focus.json()["target"], focus.json()["activity"]) == ("focus", "6.RP.A.2", None)
    items = client.get(reverse("api-learner-path", args=[world.student.pk])).json()["items"]
    engine_items = [item for item in items if item["source"] == "engine"]
    assert (engine_items[0]["target"], engine_items[0]["rule"]) == ("6.RP.A.2", "next")
    assert "which your teacher assigned" in engine_items[0]["reason"]
    last = items[-1]
    with django_capture_on_commit_callbacks(execute=True):
        moved = post(
            client,
            url,
            {
                "action": "move",
                "starts_on": today,
                "position": 1,
                **({"activity": last["activity"]} if last["activity"] else {"assessment": last["assessment"]}),
            },
        )
    assert moved.status_code == 201 and moved.json()["position"] == 1
    first = client.get(reverse("api-learner-path", args=[world.student.pk])).json()["items"][0]
    assert (first["activity"], first["assessment"]) == (last["activity"], last["assessment"])


def test_only_the_learners_teachers_and_admins_override(client, world, catalog):
    body = {"action": "pin", "activity": catalog["ratios-video"].pk, "starts_on": local_today().isoformat()}
    for user in (world.other_teacher, world.other_school_admin):
        client.force_login(user)
        assert post(client, reverse("api-path-overrides", args=[world.student.pk]), body).status_code == 404
    # The learner sees their own profile, so they are told why not
    client.force_login(world.student)
    refused = post(client, reverse("api-path-overrides", args=[world.student.pk]), body)
    assert refused.status_code == 400 and "Only the learner's teachers" in json.dumps(refused.json())
    assert not PathOverride.objects.exists()


def test_a_learner_starts_an_item_of_their_own_path_only(client, world, exit_ticket, catalog):
    playlist = services.playlist_rebuild(learner_id=world.student.pk, reason="test")
    item = playlist.items.get(rule="next")
    client.force_login(world.other_student)
    refused = post(client, reverse("api-path-item-start", args=[item.pk]))
    assert refused.status_code == 400 and "not on your path" in json.dumps(refused.json())
    client.force_login(world.student)
    started = post(client, reverse("api-path-item-start", args=[item.pk]))
    assert started.status_code == 200 and PlaylistItem.objects.get(pk=item.pk).started_at is not None
    assert Playlist.objects.get(pk=playlist.pk).items.filter(started_at__isnull=False).count() == 1
