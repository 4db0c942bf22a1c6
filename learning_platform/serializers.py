"""The API's request fields, built on the shared parsers (learning_platform.validation), so a door's serializer
refuses what a page refuses, in the same words: an impossible date, a NUL byte, a wrong type, an id too large for
the database. Each field keeps its DRF type, so the OpenAPI schema describes it; `valid` and `valid_query` read a
request through a serializer and answer a 400 naming every refused field ({"detail", "errors"}) otherwise."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import serializers

from learning_platform import validation
from learning_platform.permissions import get_for_user


def _parsed(parse, *args, **kwargs):
    """A parser's value, its refusal as the serializer field's own error."""
    try:
        return parse(*args, **kwargs)
    except DjangoValidationError as error:
        raise serializers.ValidationError(error.messages) from None


class Text(serializers.CharField):
    """Text a person typed (validation.clean_text): refused when it is not text or holds control characters."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", validation.MAX_TEXT)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        return _parsed(
            validation.clean_text, self.field_name, data, max_length=self.max_length, strip=self.trim_whitespace
        )


class WholeNumber(serializers.IntegerField):
    """A whole number within bounds the database holds (validation.parse_int), with an optional message of the
    door's own for any refusal."""

    def __init__(self, *, message: str | None = None, **kwargs):
        kwargs.setdefault("max_value", validation.MAX_INT)
        self.message = message
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        return _parsed(
            validation.parse_int,
            self.field_name,
            data,
            min_value=self.min_value,
            max_value=self.max_value,
            message=self.message,
        )


class Id(WholeNumber):
    """The id of a row (validation.parse_id)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", validation.MAX_ID)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        return _parsed(validation.parse_id, self.field_name, data, message=self.message)


class Visible(Id):
    """The id of a row the user may see (or change, with action="change"): the row itself, or a 404 as for a
    URL naming it out of their scope (learning_platform.permissions.get_for_user)."""

    def __init__(self, queryset, *, action: str = "view", **kwargs):
        self.queryset, self.action = queryset, action
        super().__init__(**kwargs)
        self.validators = []  # the bounds are checked on the id; the value is the row

    def to_internal_value(self, data):
        return get_for_user(self.context["request"].user, self.queryset, super().to_internal_value(data), self.action)

    def to_representation(self, row):
        return row.pk


class IdList(serializers.ListField):
    """A list of ids (validation.id_list), at most validation.MAX_IDS of them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("child", Id())
        kwargs.setdefault("max_length", validation.MAX_IDS)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        return _parsed(validation.id_list, self.field_name, data, max_len=self.max_length)


class Day(serializers.DateField):
    """A date such as 2026-11-24 (validation.parse_date): 2026-02-30 is refused as no day of the calendar. A
    blank one is left out, as a query string's empty `?day=` is."""

    def validate_empty_values(self, data):
        return super().validate_empty_values(None if data == "" and self.allow_null else data)

    def to_internal_value(self, data):
        return _parsed(validation.parse_date, self.field_name, data)


class Moment(serializers.DateTimeField):
    """A date and time with its offset, such as 2026-11-24T08:00:00-06:00 (validation.parse_datetime)."""

    def to_internal_value(self, data):
        return _parsed(validation.parse_datetime, self.field_name, data)


class Flag(serializers.BooleanField):
    """true or false, as JSON has them: "yes", 1 and the like are refused rather than guessed at."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            raise serializers.ValidationError("Must be true or false.")
        return data


class Object(serializers.DictField):
    """A JSON object of names and values."""

    def __init__(self, **kwargs):
        kwargs.setdefault("child", serializers.JSONField(allow_null=True))
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError("Must be an object.")
        return super().to_internal_value(data)


class ModelSerializer(serializers.ModelSerializer):
    """DRF's ModelSerializer whose text fields are `Text`: a model's text is read as any text a person sends."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: Text,
        models.TextField: Text,
    }


def valid(serializer_class, request, **kwargs) -> dict:
    """The request body read through `serializer_class`, or a 400 naming each refused field."""
    serializer = serializer_class(data=request.data, context={"request": request}, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def valid_query(serializer_class, request) -> dict:
    """The query string read through `serializer_class` (one value per name), or a 400 naming each refused one."""
    query = {name: request.query_params.get(name) for name in request.query_params}
    serializer = serializer_class(data=query, context={"request": request})
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
