"""The learner API's list filters (django-filter): mastery by level, grade and domain; evidence by kind and time."""

from __future__ import annotations

import django_filters

from learners.models import Evidence, MasteryLevel, MasteryState
from learning_platform.filters import MomentFilter
from learning_platform.models import GRADE_CHOICES


class MasteryFilterSet(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(choices=MasteryLevel.choices, help_text="A mastery level.")
    grade = django_filters.ChoiceFilter(
        field_name="target__grade", choices=GRADE_CHOICES, help_text="The targets' grade, such as 6 or K."
    )
    domain = django_filters.CharFilter(
        field_name="target__domain_code", max_length=20, help_text="The targets' domain code, such as RP."
    )

    class Meta:
        model = MasteryState
        fields = ["level", "grade", "domain"]


class EvidenceFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Evidence.Kind.choices, help_text="What kind of evidence.")
    since = MomentFilter(
        field_name="observed_at", lookup_expr="gte", help_text="Observed at or after, such as 2026-11-24T08:00:00Z."
    )

    class Meta:
        model = Evidence
        fields = ["kind", "since"]
