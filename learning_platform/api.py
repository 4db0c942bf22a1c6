"""DRF plumbing shared by every app's API."""
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's handler, extended so every error answer is JSON with a `detail` sentence.

    A Django `ValidationError` raised by a service becomes a 400 with the field messages under
    `errors`, so services keep one way of refusing bad input for pages, commands and the API.
    """
    if isinstance(exc, DjangoValidationError):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return Response(
            {"detail": " ".join(f"{field}: {' '.join(msgs)}" for field, msgs in errors.items()), "errors": errors},
            status=status.HTTP_400_BAD_REQUEST,
        )
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" not in response.data:
        # Field messages are always lists, as Django's ValidationError gives them.
        errors = {name: value if isinstance(value, list) else [value] for name, value in response.data.items()}
        response.data = {
            "detail": " ".join(f"{name}: {' '.join(map(str, messages))}" for name, messages in errors.items()),
            "errors": errors,
        }
    elif response is not None and isinstance(response.data, list):
        response.data = {"detail": " ".join(str(item) for item in response.data)}
    return response
