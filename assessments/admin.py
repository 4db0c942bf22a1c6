"""Admin pages for standards (frameworks, targets, the prerequisite graph), the item bank and assessments.

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
from assessments.models import (
    Assessment,
    AssessmentItem,
    Assignment,
    Attempt,
    Framework,
    Item,
    LearningTarget,
    MasteryModelFit,
    Prerequisite,
    RelatedTarget,
    Response,
    TargetModelParams,
)
from learning_platform.admin_scoping import ReadOnlyScopedAdmin, ReadOnlyTabularInline, ScopedAdmin, ScopedTabularInline


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


class PrerequisiteEdgeInline(ReadOnlyTabularInline):
    """Edges shown on a target's page, read-only: they change only through the service."""

    model = Prerequisite
    extra = 0


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
class RelatedTargetAdmin(ReadOnlyScopedAdmin):
    """Related pairs, read-only: the standards importer keeps them in step with the source data."""

    list_display = ("first", "second")
    list_select_related = ("first", "second")
    search_fields = ("first__code", "second__code")


@admin.register(Item)
class ItemAdmin(ScopedAdmin):
    """The item bank. A changed key on a saved item goes through the key-correction service, which rescores."""

    list_display = ("id", "item_type", "short_stem", "target_codes", "difficulty", "source", "is_active")
    list_filter = ("item_type", "difficulty", "source", "is_active", "targets__grade", "school")
    search_fields = ("stem", "targets__code", "source_id")
    filter_horizontal = ("targets",)
    readonly_fields = ("key_version", "created_at", "updated_at")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("targets")

    @admin.display(description="Question")
    def short_stem(self, item: Item) -> str:
        return item.stem[:80]

    @admin.display(description="Targets")
    def target_codes(self, item: Item) -> str:
        return ", ".join(target.code for target in item.targets.all())

    def save_model(self, request, obj, form, change):
        if change and {"key", "choices"} & set(form.changed_data):
            key, choices = obj.key, obj.choices
            obj.refresh_from_db(fields=["key", "choices"])
            super().save_model(request, obj, form, change)
            rescored = services.item_key_correct(item=obj, key=key, choices=choices)
            self.message_user(request, f"Key corrected: {rescored} response(s) rescored.")
        else:
            super().save_model(request, obj, form, change)


class AssessmentItemInline(ScopedTabularInline):
    model = AssessmentItem
    extra = 0
    raw_id_fields = ("item",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("item")


@admin.register(Assessment)
class AssessmentAdmin(ScopedAdmin):
    list_display = ("title", "kind", "school", "attempts_allowed", "time_limit_minutes", "created_at")
    list_filter = ("kind", "school")
    search_fields = ("title",)
    inlines = (AssessmentItemInline,)
    list_select_related = ("school",)


@admin.register(Assignment)
class AssignmentAdmin(ScopedAdmin):
    list_display = ("assessment", "section", "opens_at", "due_at")
    list_filter = ("section__school", "assessment__kind")
    search_fields = ("assessment__title", "section__name")
    date_hierarchy = "opens_at"
    list_select_related = ("assessment", "section")
    filter_horizontal = ("students",)


class ResponseInline(ReadOnlyTabularInline):
    model = Response
    extra = 0
    fields = readonly_fields = (
        "item",
        "answer",
        "correct",
        "points",
        "feedback",
        "teacher_comment",
        "scoring_revision",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("item")


@admin.register(Attempt)
class AttemptAdmin(ReadOnlyScopedAdmin):
    """Attempts change only through the attempt services (submit once, score on the server)."""

    list_display = ("learner", "assignment", "number", "status", "points", "max_points", "submitted_at")
    list_filter = ("status", "assignment__section__school", "assignment__assessment__kind")
    search_fields = ("learner__username", "learner__last_name", "assignment__assessment__title")
    list_select_related = ("learner", "assignment__assessment", "assignment__section")
    inlines = (ResponseInline,)


@admin.register(TargetModelParams)
class TargetModelParamsAdmin(ReadOnlyScopedAdmin):
    list_display = ("target", "school", "prior", "learn", "guess", "slip", "forget", "responses", "fitted_at")
    list_filter = ("school",)
    search_fields = ("target__code",)
    list_select_related = ("target", "school")


@admin.register(MasteryModelFit)
class MasteryModelFitAdmin(ReadOnlyScopedAdmin):
    list_display = ("school", "responses", "targets", "log_likelihood", "ability_effect", "fitted_at")
    list_select_related = ("school",)
