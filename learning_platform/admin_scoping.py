"""Django admin pages scoped by the permission rules (see learning_platform.permissions).

School and district admins sign in to the admin with `is_staff` and no Django model permissions: what
they may see and change comes from the same rules as every page and API. The admin is for admins, so a
person without an admin role (a teacher given `is_staff`) sees nothing in it, even rows the rules would
show them elsewhere. Superusers get Django's ordinary admin.
"""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied

from learning_platform.permissions import NOTHING, can, roles_of, rule_filter, visible


def holds_admin_role(user) -> bool:
    """Is the user a school or district admin?"""
    return roles_of(user).is_admin


def may_write(user, model) -> bool:
    """May a non-superuser add, change or delete rows of `model` in the admin at all?

    They need an admin role and a change rule that can give them rows: the standards' rule gives
    nobody but a superuser any.
    """
    return holds_admin_role(user) and rule_filter(user, model, "change") != NOTHING


class RuleScopedMixin:
    """Rows and choices limited to what the user may view; shared by ScopedAdmin and ScopedTabularInline."""

    def get_queryset(self, request):
        return visible(request.user, super().get_queryset(request), "view")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser and "queryset" not in kwargs:
            # `visible` raises for a model without a rule: failing closed beats offering every row.
            kwargs["queryset"] = visible(request.user, db_field.remote_field.model)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if not request.user.is_superuser and "queryset" not in kwargs:
            kwargs["queryset"] = visible(request.user, db_field.remote_field.model)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ScopedAdmin(RuleScopedMixin, admin.ModelAdmin):
    """A ModelAdmin whose pages, permissions and choices follow the model's view and change rules.

    A non-superuser needs an admin role for any page, and `can(user, action, obj)` for an object's page;
    adding, changing and deleting also need `may_write`. Every row a save writes (inline rows included)
    is checked against the change rule once written: out of scope, the request is refused with 403 and
    the admin's transaction rolls the save back. That catches what narrowed choices cannot, such as a
    school admin granting a district role or adding a person with no role at their school.
    """

    def has_module_permission(self, request) -> bool:
        if request.user.is_superuser:
            return super().has_module_permission(request)
        return holds_admin_role(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        if request.user.is_superuser:
            return super().has_view_permission(request, obj)
        return holds_admin_role(request.user) and (obj is None or can(request.user, "view", obj))

    def has_change_permission(self, request, obj=None) -> bool:
        if request.user.is_superuser:
            return super().has_change_permission(request, obj)
        return may_write(request.user, self.model) and (obj is None or can(request.user, "change", obj))

    def has_delete_permission(self, request, obj=None) -> bool:
        if request.user.is_superuser:
            return super().has_delete_permission(request, obj)
        return may_write(request.user, self.model) and (obj is None or can(request.user, "change", obj))

    def has_add_permission(self, request) -> bool:
        if request.user.is_superuser:
            return super().has_add_permission(request)
        return may_write(request.user, self.model)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Checked after the inlines: a new person comes into a school admin's scope through the
        # membership saved with them.
        self.require_change_scope(request, [form.instance])

    def save_formset(self, request, form, formset, change):
        # Rows the formset edits or deletes are checked as they stand, then new and edited rows as written.
        touched = [row for row in formset.initial_forms if row.has_changed() or row in formset.deleted_forms]
        self.require_change_scope(request, [row.instance for row in touched])
        super().save_formset(request, form, formset, change)
        self.require_change_scope(request, [*formset.new_objects, *(obj for obj, _ in formset.changed_objects)])

    @staticmethod
    def require_change_scope(request, objects) -> None:
        """Refuse the request (403) unless the user may change every one of `objects`."""
        if request.user.is_superuser:
            return
        for obj in objects:
            if not can(request.user, "change", obj):
                raise PermissionDenied


class ScopedTabularInline(RuleScopedMixin, admin.TabularInline):
    """A tabular inline whose rows and choices follow the rules.

    Django already makes an inline read-only when its parent cannot be changed, so the inline asks only
    for an admin role and, to edit, `may_write`; ScopedAdmin.save_formset checks each row written.
    """

    def has_view_permission(self, request, obj=None) -> bool:
        if request.user.is_superuser:
            return super().has_view_permission(request, obj)
        return holds_admin_role(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        if request.user.is_superuser:
            return super().has_change_permission(request, obj)
        return may_write(request.user, self.model)

    def has_add_permission(self, request, obj=None) -> bool:
        if request.user.is_superuser:
            return super().has_add_permission(request, obj)
        return may_write(request.user, self.model)

    def has_delete_permission(self, request, obj=None) -> bool:
        if request.user.is_superuser:
            return super().has_delete_permission(request, obj)
        return may_write(request.user, self.model)


class ReadOnlyScopedAdmin(ScopedAdmin):
    """A scoped admin for rows that change only through services (attempts, the evidence log): view only."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyTabularInline(ScopedTabularInline):
    """A scoped inline for rows shown beside their parent but changed only through services."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
