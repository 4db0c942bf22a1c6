"""django-filter pieces every app's list filters share: an id filter bounded as ids are, and the filter sets of
the school structure's lists."""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from learning_platform.models import GRADE_CHOICES, Section
from learning_platform.validation import MAX_ID, parse_datetime


@extend_schema_field(OpenApiTypes.INT64)
class IdFilter(django_filters.Filter):
    """The id of a row, as a whole number from 1 the database can hold (larger ones are refused, not sent)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class MomentField(forms.Field):
    """A date and time read by the shared parser (validation.parse_datetime), so a filter takes what a body does."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_datetime(self.label or "value", value)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None


@extend_schema_field(OpenApiTypes.DATETIME)
class MomentFilter(django_filters.Filter):
    """A date and time with its offset, such as 2026-11-24T08:00:00-06:00."""

    field_class = MomentField


def valid_filters(filterset: django_filters.FilterSet) -> dict:
    """A filter set's values that are valid (a page ignores one out of range, as a link gone wrong)."""
    filterset.is_valid()
    return {name: value for name, value in filterset.form.cleaned_data.items() if value not in (None, "")}


class SectionFilterSet(django_filters.FilterSet):
    """The sections list, by grade, subject and term."""

    grade = django_filters.ChoiceFilter(choices=GRADE_CHOICES, help_text="A grade, such as 6 or K.")
    subject = django_filters.ChoiceFilter(choices=Section.Subject.choices, help_text="A subject.")
    term = IdFilter(field_name="term_id", help_text="A term's id.")

    class Meta:
        model = Section
        fields = ["grade", "subject", "term"]
