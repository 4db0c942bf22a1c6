"""The activity catalog's filters and the path overrides' (django-filter)."""

from __future__ import annotations

import django_filters

from assessments.filters import BankFilterSet
from playlists.models import Activity, PathOverride


class ActivityFilterSet(BankFilterSet):
    text_fields = ("title", "description")

    class Meta:
        model = Activity
        fields = ["grade", "domain", "target", "origin", "q"]


class OverrideFilterSet(django_filters.FilterSet):
    """A learner's overrides by what they do and the target they are on."""

    action = django_filters.ChoiceFilter(choices=PathOverride.Action.choices, help_text="What the override does.")
    target = django_filters.CharFilter(
        field_name="target__code", max_length=40, help_text="A learning target's code, such as 6.RP.A.3."
    )

    class Meta:
        model = PathOverride
        fields = ["action", "target"]
