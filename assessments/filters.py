"""The bank's filters (django-filter), read from a query string by the bank's pages and its API alike; what
each narrows to is selectors.bank_narrow's."""

from __future__ import annotations

import django_filters

from assessments.models import Item
from assessments.selectors import BankFilters, bank_narrow
from learning_platform.filters import IdFilter, valid_filters
from learning_platform.models import GRADE_CHOICES

ORIGINS = [("shared", "The shared bank"), ("school", "The schools' own")]


def _together(queryset, name, value):
    """Each filter narrows nothing alone: `filter_queryset` narrows by all of them at once (bank_narrow)."""
    return queryset


class BankFilterSet(django_filters.FilterSet):
    """Grade, domain, target, origin and words, for anything in the bank (items, activities)."""

    grade = django_filters.ChoiceFilter(choices=GRADE_CHOICES, method=_together, help_text="A grade, such as 6 or K.")
    domain = django_filters.CharFilter(max_length=20, method=_together, help_text="A domain's code, such as RP.")
    target = IdFilter(method=_together, help_text="A learning target's id.")
    origin = django_filters.ChoiceFilter(
        choices=ORIGINS, method=_together, help_text="The shared bank or the schools' own."
    )
    q = django_filters.CharFilter(max_length=100, method=_together, help_text="Words in the text.")

    # The fields the words are looked for in.
    text_fields: tuple[str, ...] = ()

    @property
    def bank_filters(self) -> BankFilters:
        """The valid filters as the selectors take them."""
        values = valid_filters(self)
        return BankFilters(
            grade=values.get("grade", ""),
            domain=values.get("domain", "").strip(),
            target_id=values.get("target"),
            item_type=values.get("type", ""),
            origin=values.get("origin", ""),
            text=values.get("q", "").strip(),
        )

    def filter_queryset(self, queryset):
        return bank_narrow(queryset, self.bank_filters, text_fields=self.text_fields)


class ItemFilterSet(BankFilterSet):
    type = django_filters.ChoiceFilter(choices=Item.Type.choices, method=_together, help_text="An item type.")
    text_fields = ("stem",)

    class Meta:
        model = Item
        fields = ["grade", "domain", "target", "type", "origin", "q"]
