"""The OpenAPI schema's shared parts (drf-spectacular): the error bodies every door can answer, the schema class
that adds them to each operation, and the security scheme of the machine clients' tokens."""

from drf_spectacular.contrib.django_oauth_toolkit import DjangoOAuthToolkitScheme
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ClientCredentialsScheme(DjangoOAuthToolkitScheme):
    """The OpenAPI security scheme of the tokens: the client-credentials flow with Waypoint's scopes."""

    target_class = "learning_platform.api.ClientCredentialsAuthentication"


class ErrorSerializer(serializers.Serializer):
    """Every refusal: one sentence for a person."""

    detail = serializers.CharField()


class ValidationErrorSerializer(ErrorSerializer):
    """A 400: the sentence, and each field's messages (absent when the body is not JSON at all)."""

    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)


ERROR_RESPONSES = {
    "400": OpenApiResponse(ValidationErrorSerializer, description="The input was refused; nothing was written."),
    "403": OpenApiResponse(
        ErrorSerializer, description="Not signed in, or the role (or token scope) does not allow it."
    ),
    "404": OpenApiResponse(ErrorSerializer, description="No such object, or it is out of the user's scope."),
}


class WaypointAutoSchema(AutoSchema):
    """drf-spectacular's schema, with the error answers every door can give: 403 always, 404 where the path names
    an object or a page or the door is for staff only, 400 where a body is read (a read that parses its query says so with `extend_schema`)."""

    def map_parsers(self):
        # The API's bodies are JSON; the form parsers stay for the pages' scripts and are not its contract.
        return ["application/json"]

    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        codes = ["403"]
        # A body is read, or a list's filters are (an invalid filter is refused, not ignored).
        if self.method in ("POST", "PUT", "PATCH") or (
            self.method == "GET" and getattr(self.view, "filterset_class", None)
        ):
            codes.append("400")
        # A page past the last is a 404 too, as is a staff door to anyone else (require_staff).
        if (
            "{" in self.path
            or (self._is_list_view() and self._get_paginator())
            or getattr(self.view, "staff_only", False)
        ):
            codes.append("404")
        for code in codes:
            if code not in bodies:
                response = ERROR_RESPONSES[code]
                bodies[code] = self._get_response_for_code(response, code, direction=direction)
        return bodies


def shared_rows_have_no_school(result, generator, request, public):
    """drf-spectacular's postprocessing hook: an item or activity of the shared bank has no school (null), though
    one written through the API must name one."""
    for name in ("Item", "Activity"):
        school = result["components"]["schemas"][name]["properties"]["school"]
        school["nullable"] = True
    return result
