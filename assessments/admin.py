"""Admin pages for standards: frameworks, learning targets and the prerequisite graph.

Everyone with an admin role may read them; only superusers change them (the standards' rules give
nobody else rows to change). Prerequisite edges are written only through
`assessments.services.prerequisite_add`, here as everywhere, so the graph stays acyclic.
"""
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count

from assessments import services
from assessments.models import Framework, LearningTarget, Prerequisite, RelatedTarget
from learning_platform.admin_scoping import ScopedAdmin, ScopedTabularInline


@admin.register(Framework)
class FrameworkAdmin(ScopedAdmin):
    list_display = ("name", "version", "subject", "slug", "target_count")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(target_count=Count("targets"))

    @admin.display(description="Targets", ordering="target_count")
    def target_count(self, framework: Framework) -> int:
        return framework.target_count


class PrerequisiteEdgeInline(ScopedTabularInline):
    """Edges shown on a target's page, read-only: they change only through the service."""

    model = Prerequisite
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class RequiresInline(PrerequisiteEdgeInline):
    fk_name = "target"
    fields = readonly_fields = ("prerequisite",)
    verbose_name = "prerequisite"
    verbose_name_plural = "prerequisites (learned before this target)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("prerequisite")


class UnlocksInline(PrerequisiteEdgeInline):
    fk_name = "prerequisite"
    fields = readonly_fields = ("target",)
    verbose_name = "unlocked target"
    verbose_name_plural = "targets this one unlocks"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("target")


@admin.register(LearningTarget)
class LearningTargetAdmin(ScopedAdmin):
    list_display = ("code", "grade", "domain", "weight_class", "parent")
    list_select_related = ("parent",)
    search_fields = ("code", "text")
    list_filter = (("framework", admin.RelatedOnlyFieldListFilter), "grade", "domain_code", "weight_class")
    autocomplete_fields = ("parent",)
    inlines = [RequiresInline, UnlocksInline]

    @admin.display(description="Domain", ordering="domain_code")
    def domain(self, target: LearningTarget) -> str:
        return f"{target.domain_code}: {target.domain_name}"


class PrerequisiteForm(forms.ModelForm):
    """A new edge, checked by `prerequisite_add` so that its refusal shows on the form."""

    class Meta:
        model = Prerequisite
        fields = ("prerequisite", "target")

    def clean(self):
        cleaned_data = super().clean()
        prerequisite, target = cleaned_data.get("prerequisite"), cleaned_data.get("target")
        if prerequisite and target:
            # A dry run in a savepoint that is always rolled back: the rule lives in the service alone,
            # and nothing is written until save_model.
            try:
                with transaction.atomic():
                    services.prerequisite_add(prerequisite=prerequisite, target=target)
                    transaction.set_rollback(True)
            except ValidationError as refusal:
                # On the target field, which also spares the form the model's own, vaguer message for a self edge.
                self.add_error("target", refusal)
        return cleaned_data


@admin.register(Prerequisite)
class PrerequisiteAdmin(ScopedAdmin):
    form = PrerequisiteForm
    list_display = ("prerequisite", "target", "framework")
    list_select_related = ("prerequisite", "target__framework")
    search_fields = ("prerequisite__code", "target__code")
    list_filter = (("target__framework", admin.RelatedOnlyFieldListFilter),)
    autocomplete_fields = ("prerequisite", "target")

    def has_change_permission(self, request, obj=None) -> bool:
        # An edge is added or deleted, never re-pointed: re-pointing would skip the service's checks.
        return False

    def save_model(self, request, obj, form, change):
        # The service checks the edge again under its framework lock and writes it.
        obj.pk = services.prerequisite_add(prerequisite=obj.prerequisite, target=obj.target).pk

    @admin.display(description="Framework", ordering="target__framework__name")
    def framework(self, edge: Prerequisite) -> Framework:
        return edge.target.framework


@admin.register(RelatedTarget)
class RelatedTargetAdmin(ScopedAdmin):
    """Related pairs, read-only: the standards importer keeps them in step with the source data."""

    list_display = ("first", "second")
    list_select_related = ("first", "second")
    search_fields = ("first__code", "second__code")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
