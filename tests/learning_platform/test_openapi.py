"""The API's OpenAPI contract and its doors for machine clients: the schema is valid OpenAPI 3 and documents every
v1 operation, the Swagger UI runs from our own files under the Content-Security-Policy, the old /api/... paths
answer as v1 does, and an OAuth2 client-credentials token reads as its application's owner within its scopes."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from oauth2_provider.models import Application

pytestmark = pytest.mark.django_db


def test_the_schema_is_valid_openapi_3_and_documents_every_v1_operation():
    # Given the schema as /api/v1/schema/ serves it
    schema = SchemaGenerator().get_schema(request=None, public=True)
    # Then it validates against the OpenAPI 3 specification, and lists only the versioned paths
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
    operations = {(method.upper(), path) for path, item in schema["paths"].items() for method in item}
    assert len(operations) == 33
    # And every operation documents the refusals with the error body, and its security (session or token)
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert "403" in operation["responses"], (method, path)
            assert operation["security"][0] == {"cookieAuth": []}
    assert schema["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"]["scopes"].keys() == {
        "read",
        "write",
        "roster",
    }
    assert schema["components"]["schemas"]["ValidationError"]["required"] == ["detail"]


def test_the_schema_is_served(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Waypoint API"


def test_the_docs_page_uses_only_our_own_files_under_the_policy(client):
    # When anyone opens the Swagger UI
    response = client.get("/api/v1/docs/")
    # Then it is served, with no inline script or style, every asset from this site
    assert response.status_code == 200
    page = response.content.decode()
    assert "<style" not in page
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(asset.startswith("/") and not asset.startswith("//") for asset in assets), assets
    assert any("swagger-ui-bundle.js" in asset for asset in assets)
    # And its init script is a file of this page, which the policy (scripts from 'self') lets run
    script = next(asset for asset in assets if "script" in asset)
    init = client.get(script.replace("&amp;", "&"))
    assert init.status_code == 200 and init["Content-Type"].startswith("application/javascript")
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_old_paths_answer_as_v1_does(client, world):
    client.force_login(world.teacher)
    assert reverse("api-me") == "/api/v1/me/"
    assert client.get("/api/me/").json() == client.get("/api/v1/me/").json()
    profile = world.student_profile.pk
    assert client.get(f"/api/learners/{profile}/").json() == client.get(f"/api/v1/learners/{profile}/").json()


def application_of(owner, scopes: str = "read") -> tuple[Application, str]:
    secret = "s3cret-for-the-warehouse-client"
    application = Application.objects.create(
        name="District warehouse",
        user=owner,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
        client_secret=secret,
        allowed_origins="",
    )
    return application, secret


def token_for(client, application, secret, scope: str) -> str:
    response = client.post(
        "/api/v1/oauth/token/",
        {
            "grant_type": "client_credentials",
            "client_id": application.client_id,
            "client_secret": secret,
            "scope": scope,
        },
    )
    assert response.status_code == 200, response.content
    return response.json()["access_token"]


def test_a_client_credentials_token_reads_as_its_applications_owner(client, world):
    # Given a warehouse's application owned by the school admin, and a token with the read and roster scopes
    application, secret = application_of(world.school_admin)
    token = token_for(client, application, secret, "read roster")
    # When the client reads with it
    me = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {token}")
    section = client.get(reverse("api-section-detail", args=[world.section.pk]), HTTP_AUTHORIZATION=f"Bearer {token}")
    # Then it reads as the owner, what the owner may read
    assert me.status_code == 200 and me.json()["id"] == world.school_admin.pk
    assert section.status_code == 200 and section.json()["id"] == world.section.pk


def test_a_token_does_only_what_its_scopes_allow(client, world):
    application, secret = application_of(world.teacher)
    token = token_for(client, application, secret, "read")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    before = world.student_profile.daily_minutes_budget
    # A roster needs `roster`, a change `write`: both are refused, and nothing is written
    assert client.get(reverse("api-section-detail", args=[world.section.pk]), **headers).status_code == 403
    response = client.patch(
        reverse("api-learner-detail", args=[world.student_profile.pk]),
        data={"daily_minutes_budget": 50},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 403 and "detail" in response.json()
    world.student_profile.refresh_from_db()
    assert world.student_profile.daily_minutes_budget == before


@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Bearer "])
def test_a_missing_or_invalid_token_gets_a_json_refusal(client, authorization):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = client.get("/api/v1/me/", **headers)
    assert response.status_code in (401, 403)
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Authentication credentials were not provided."}
