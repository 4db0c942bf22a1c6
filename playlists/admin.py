"""Admin pages for the activity catalog and the daily paths."""

from django.contrib import admin, messages
from django.db import models
from django.utils import timezone

from learning_platform.admin_scoping import ReadOnlyScopedAdmin, ScopedAdmin
from learning_platform.permissions import visible
from playlists.models import (
    Activity,
    NightlyBatch,
    NightlyRun,
    PathApproval,
    PathChange,
    PathOverride,
    Playlist,
    PlaylistItem,
    SmallGroup,
    UnitPlan,
)


@admin.register(Activity)
class ActivityAdmin(ScopedAdmin):
    list_display = ("title", "modality", "expected_minutes", "difficulty", "target_codes", "school", "is_active")
    list_select_related = ("school",)
    search_fields = ("title", "description", "targets__code")
    list_filter = (
        "modality",
        "difficulty",
        "is_active",
        ("school", admin.RelatedOnlyFieldListFilter),
        "targets__grade",
    )
    autocomplete_fields = ("targets",)
    prepopulated_fields = {"slug": ("title",)}
    actions = ["activate", "deactivate"]
    # Links pasted without a scheme are taken as https (Django 6's default; 5.2 warns otherwise).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("targets")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "school" and not request.user.is_superuser:
            # An activity without a school is in the shared catalog, which only platform staff write.
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="Targets")
    def target_codes(self, activity: Activity) -> str:
        return ", ".join(sorted(target.code for target in activity.targets.all()))

    @admin.action(description="Make the selected activities active", permissions=["change"])
    def activate(self, request, queryset):
        self._set_active(request, queryset, is_active=True)

    @admin.action(description="Make the selected activities inactive", permissions=["change"])
    def deactivate(self, request, queryset):
        self._set_active(request, queryset, is_active=False)

    def _set_active(self, request, queryset, *, is_active: bool) -> None:
        # The selection may hold rows the user can see but not change (the shared catalog): those are left alone.
        selected = queryset.count()
        changed = visible(request.user, queryset, "change").update(is_active=is_active, updated_at=timezone.now())
        state = "active" if is_active else "inactive"
        self.message_user(request, f"Made {changed} of {selected} selected activities {state}.")
        if changed < selected:
            self.message_user(
                request,
                f"{selected - changed} left as they were: you may change only your school's own activities.",
                messages.WARNING,
            )


@admin.register(Playlist)
class PlaylistAdmin(ReadOnlyScopedAdmin):
    """Daily paths, written only by the rebuild service."""

    list_display = ("learner", "school_day", "status", "stale_since", "generated_at", "engine_version")
    list_filter = ("status", "school_day")
    search_fields = ("learner__username", "learner__last_name")
    list_select_related = ("learner",)
    date_hierarchy = "school_day"


@admin.register(PlaylistItem)
class PlaylistItemAdmin(ReadOnlyScopedAdmin):
    list_display = (
        "playlist",
        "position",
        "kind",
        "rule",
        "source",
        "target",
        "activity",
        "assessment",
        "started_at",
        "completed_at",
    )
    list_filter = ("kind", "rule", "source")
    search_fields = ("playlist__learner__username", "playlist__learner__last_name", "target__code")
    list_select_related = ("playlist__learner", "target", "activity", "assessment")


@admin.register(PathOverride)
class PathOverrideAdmin(ReadOnlyScopedAdmin):
    """A teacher's pins, removals and locks; made (and taken back) through the path service, which rebuilds."""

    list_display = ("learner", "action", "activity", "assessment", "target", "starts_on", "ends_on", "due", "teacher")
    list_filter = ("action", "starts_on")
    search_fields = ("learner__username", "learner__last_name", "target__code")
    list_select_related = ("learner", "activity", "assessment", "target", "teacher")


@admin.register(SmallGroup)
class SmallGroupAdmin(ReadOnlyScopedAdmin):
    """Small groups for a day; teachers plan them on the section's groups page."""

    list_display = ("section", "target", "meets_on", "activity", "teacher")
    list_filter = ("meets_on",)
    list_select_related = ("section", "target", "activity", "teacher")


@admin.register(PathChange)
class PathChangeAdmin(ReadOnlyScopedAdmin):
    """Who changed which learner's path, how and when."""

    list_display = ("created_at", "learner", "teacher", "description", "school_day")
    list_filter = ("action",)
    search_fields = ("learner__username", "learner__last_name", "description")
    list_select_related = ("learner", "teacher")


@admin.register(PathApproval)
class PathApprovalAdmin(ReadOnlyScopedAdmin):
    list_display = ("section", "school_day", "approved_by", "approved_at", "paths")
    list_select_related = ("section", "approved_by")


@admin.register(UnitPlan)
class UnitPlanAdmin(ReadOnlyScopedAdmin):
    list_display = ("section", "name", "starts_on", "ends_on")
    search_fields = ("name", "section__name")
    list_select_related = ("section",)


@admin.register(NightlyRun)
class NightlyRunAdmin(ReadOnlyScopedAdmin):
    """Each school's nightly build of the new day's paths, batch by batch."""

    list_display = ("school", "school_day", "created_at", "finished_at", "batches_done")
    list_filter = ("school_day",)
    list_select_related = ("school",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                done=models.Count("batches", filter=models.Q(batches__done_at__isnull=False)),
                total=models.Count("batches"),
            )
        )

    @admin.display(description="Batches done")
    def batches_done(self, run: NightlyRun) -> str:
        return f"{run.done} of {run.total}"


@admin.register(NightlyBatch)
class NightlyBatchAdmin(ReadOnlyScopedAdmin):
    list_display = ("run", "number", "sent_at", "done_at")
    list_filter = ("run__school_day",)
    list_select_related = ("run__school",)
