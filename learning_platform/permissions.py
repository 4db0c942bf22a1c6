"""Who may see or change what: the one place every page, API, admin and report asks.

Each app registers, per model, two rules in its `rules.py`: a function from a user to the `Q`
filter of rows that user may *view*, and one for rows they may *change*. Everything else is
derived from those two filters, so a list, a detail page and an API can never disagree:

- `visible(user, Model_or_queryset, action)` - the rows a user may see (or change);
- `can(user, action, obj)` - may this user see/change this object;
- `get_for_user(user, Model_or_queryset, pk, action)` - the object, or 404 when out of scope
  (a row in another school answers 404, not 403, so its existence does not leak).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

from django.db.models import Model, Q, QuerySet
from django.http import Http404
from rest_framework.permissions import SAFE_METHODS, BasePermission

Action = Literal["view", "change"]
NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Roles:
    """The ids a user's memberships give them reach over."""

    district_admin_of: frozenset[int] = frozenset()
    school_admin_of: frozenset[int] = frozenset()
    teacher_at: frozenset[int] = frozenset()
    student_at: frozenset[int] = frozenset()

    @property
    def is_admin(self) -> bool:
        return bool(self.district_admin_of or self.school_admin_of)

    @property
    def member_of_schools(self) -> frozenset[int]:
        return self.school_admin_of | self.teacher_at | self.student_at


def roles_of(user) -> Roles:
    """The user's roles, read once per user object (one query) and kept on it."""
    if not getattr(user, "is_authenticated", False):
        return Roles()
    cached = getattr(user, "_waypoint_roles", None)
    if cached is not None:
        return cached
    from learning_platform.models import Membership

    buckets: dict[str, set[int]] = {role: set() for role in Membership.Role.values}
    for role, school_id, district_id in Membership.objects.filter(user=user).values_list(
        "role", "school_id", "district_id"
    ):
        buckets[role].add(district_id if role == Membership.Role.DISTRICT_ADMIN else school_id)
    roles = Roles(
        district_admin_of=frozenset(buckets[Membership.Role.DISTRICT_ADMIN]),
        school_admin_of=frozenset(buckets[Membership.Role.SCHOOL_ADMIN]),
        teacher_at=frozenset(buckets[Membership.Role.TEACHER]),
        student_at=frozenset(buckets[Membership.Role.STUDENT]),
    )
    user._waypoint_roles = roles
    return roles


def forget_roles(user) -> None:
    """Drop the cached roles after a membership of this user object changed."""
    user.__dict__.pop("_waypoint_roles", None)


def admin_of_school_q(user, school_path: str) -> Q:
    """Rows whose school (reached by `school_path`, e.g. "section__school") the user administers."""
    roles = roles_of(user)
    q = NOTHING
    if roles.school_admin_of:
        q |= Q(**{f"{school_path}_id__in": roles.school_admin_of})
    if roles.district_admin_of:
        q |= Q(**{f"{school_path}__district_id__in": roles.district_admin_of})
    return q


RuleFn = Callable[[object], Q]


@dataclass(frozen=True)
class Rule:
    view: RuleFn
    change: RuleFn


_RULES: dict[type[Model], Rule] = {}


def register(model: type[Model], *, view: RuleFn, change: RuleFn) -> None:
    """Declare the view and change rules of a model (called from each app's `rules.py`)."""
    _RULES[model] = Rule(view=view, change=change)


def rule_filter(user, model: type[Model], action: Action = "view") -> Q:
    """The `Q` of rows of `model` the user may view or change."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOTHING
    if user.is_superuser:
        return Q()
    try:
        rule = _RULES[model]
    except KeyError:
        raise LookupError(f"No permission rule is registered for {model.__name__}") from None
    return getattr(rule, action)(user)


def visible(user, model_or_queryset: type[Model] | QuerySet, action: Action = "view") -> QuerySet:
    """The rows the user may view (or change), as a queryset that keeps the caller's filters."""
    queryset = (
        model_or_queryset if isinstance(model_or_queryset, QuerySet) else model_or_queryset._default_manager.all()
    )
    model = queryset.model
    q = rule_filter(user, model, action)
    if q == Q():
        return queryset
    if q == NOTHING:
        return queryset.none()
    # A subquery rather than a join: rules follow many-valued relations (teachers, enrollments),
    # and a join would repeat rows.
    return queryset.filter(pk__in=model._base_manager.filter(q).values("pk"))


def can(user, action: Action, obj: Model) -> bool:
    """May the user view (or change) this object?"""
    return visible(user, type(obj), action).filter(pk=obj.pk).exists()


def get_for_user(user, model_or_queryset: type[Model] | QuerySet, pk, action: Action = "view"):
    """The object with this pk if the user may view (change) it; otherwise 404, never 403."""
    from learning_platform.validation import MAX_ID

    queryset = visible(user, model_or_queryset, action)
    try:
        if isinstance(pk, bool) or not 0 < int(pk) <= MAX_ID:  # out of the ids' range: no such row
            raise queryset.model.DoesNotExist
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("Not found") from None


class ObjectRulePermission(BasePermission):
    """DRF's door to the same rules: read needs `view`, write needs `change`."""

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj) -> bool:
        return can(request.user, "view" if request.method in SAFE_METHODS else "change", obj)


def require_staff(user) -> None:
    """404 unless the user teaches or runs a school (the teacher's pages are not there for anyone else)."""
    roles = roles_of(user)
    if not (user.is_superuser or roles.teacher_at or roles.is_admin):
        raise Http404("Not found")


def not_in_message(*, viewer, place, outsider_ids) -> str:
    """The sentence refusing people who are not in `place` (a section, a group): it names only those `viewer`
    may see and counts the rest, so an error never tells anyone who else exists outside their scope.

    Every service that refuses a list of people builds its message here.
    """
    from learning_platform.models import User

    outsider_ids = list(dict.fromkeys(outsider_ids))
    seen = visible(viewer, User).filter(pk__in=outsider_ids) if viewer is not None else User.objects.none()
    names = sorted(str(user) for user in seen.order_by())
    hidden = len(outsider_ids) - len(names)
    if not names:
        return f"{hidden} of the chosen students {'is' if hidden == 1 else 'are'} not in {place}."
    more = f", and {hidden} more of the chosen students" if hidden else ""
    return f"Not in {place}: {', '.join(names)}{more}."
