"""DRF plumbing shared by every app's API: the error bodies, and the machine clients' tokens and their scopes.
The OpenAPI schema's shared parts are in learning_platform.api_schema."""

from django.core.exceptions import ValidationError as DjangoValidationError
from oauth2_provider.contrib.rest_framework import OAuth2Authentication, TokenHasScope
from oauth2_provider.models import AbstractAccessToken
from rest_framework import status
from rest_framework.permissions import SAFE_METHODS
from rest_framework.response import Response


def _messages(value, prefix: str = "") -> list[str]:
    """DRF's error detail for one field as a flat list of sentences; a nested serializer's errors (a list's
    member, an object's member) name where they are: "2: Ensure this field has no more than 60 characters."."""
    if isinstance(value, dict):
        return [message for key, member in value.items() for message in _messages(member, f"{prefix}{key}: ")]
    if isinstance(value, (list, tuple)):
        return [message for member in value for message in _messages(member, prefix)]
    return [f"{prefix}{value}"]


def exception_handler(exc, context):
    """DRF's handler, extended so every error answer is JSON with a `detail` sentence, and a 400 also carries
    `errors`: each field's messages as a list of sentences ({"detail": str, "errors": {field: [str]}}).

    A Django `ValidationError` raised by a service becomes a 400 with the field messages under
    `errors`, so services keep one way of refusing bad input for pages, commands and the API.
    """
    if isinstance(exc, DjangoValidationError):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        if set(errors) == {"detail"}:  # a refusal of the request as a whole: its sentence alone
            return Response({"detail": " ".join(errors["detail"])}, status=status.HTTP_400_BAD_REQUEST)
        return Response(
            {"detail": " ".join(f"{field}: {' '.join(msgs)}" for field, msgs in errors.items()), "errors": errors},
            status=status.HTTP_400_BAD_REQUEST,
        )
    # Imported here: DRF reads this module's authentication classes while rest_framework.views loads.
    from rest_framework.views import exception_handler as drf_exception_handler

    response = drf_exception_handler(exc, context)
    if response is None:
        return response
    if isinstance(response.data, dict) and "detail" not in response.data:
        errors = {str(name): _messages(value) for name, value in response.data.items()}
        response.data = {
            "detail": " ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items()),
            "errors": errors,
        }
    elif isinstance(response.data, dict) and not isinstance(response.data["detail"], str):
        # A refusal raised as ValidationError({"detail": ...}) arrives as a list: the sentence is its text.
        response.data = {**response.data, "detail": " ".join(_messages(response.data["detail"]))}
    elif isinstance(response.data, list):
        response.data = {"detail": " ".join(_messages(response.data))}
    return response


class ClientCredentialsAuthentication(OAuth2Authentication):
    """A machine client's bearer token (django-oauth-toolkit), beside the browser's session.

    A token from the client-credentials grant has no user of its own; it acts as its application's owner
    (`Application.user`), so the permission rules that scope every person scope the client too: an SIS's
    application owned by a district admin reads what that admin reads. An application without an owner
    authenticates no one. What a token may do is further narrowed by its scopes (`TokenScopePermission`).
    """

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        user, token = result
        if user is None:
            user = token.application.user if token.application_id else None
        if user is None or not user.is_active:
            return None
        return user, token


class TokenScopePermission(TokenHasScope):
    """What a token may do: read with the `read` scope, write with `write`, and a door whose answer names
    students (`token_scopes = ["roster"]` on the view) also needs `roster`. The browser's session passes here;
    the object rules decide for it, as for the token's owner."""

    def has_permission(self, request, view) -> bool:
        if not isinstance(request.auth, AbstractAccessToken):
            return True
        return super().has_permission(request, view)

    def get_scopes(self, request, view) -> list[str]:
        return ["read" if request.method in SAFE_METHODS else "write", *getattr(view, "token_scopes", ())]
