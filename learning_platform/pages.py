"""What the server-rendered pages share: a refusal in words."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def validation_message(error: ValidationError) -> str:
    """A service's refusal as the sentences a page shows (the messages of every field, in order)."""
    if hasattr(error, "error_dict"):
        return " ".join(message for messages in error.message_dict.values() for message in messages)
    return " ".join(error.messages)


def form_errors_add(form, error: ValidationError, *, field_of: dict[str, str] | None = None) -> None:
    """A service's refusal onto a page's form: each message on its field when the form has that field (or the one
    `field_of` names for it), on the whole form otherwise."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, field_messages in error.message_dict.items():
        field = (field_of or {}).get(field, field)
        form.add_error(field if field in form.fields else None, field_messages)
