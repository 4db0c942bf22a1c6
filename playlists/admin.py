"""Admin pages for the activity catalog and the daily paths."""
from django.contrib import admin, messages
from django.db import models
from django.utils import timezone

from learning_platform.admin_scoping import ReadOnlyScopedAdmin, ScopedAdmin
from learning_platform.permissions import visible
from playlists.models import Activity, Playlist, PlaylistItem


@admin.register(Activity)
class ActivityAdmin(ScopedAdmin):
    list_display = ("title", "modality", "expected_minutes", "difficulty", "target_codes", "school", "is_active")
    list_select_related = ("school",)
    search_fields = ("title", "description", "targets__code")
    list_filter = (
        "modality", "difficulty", "is_active", ("school", admin.RelatedOnlyFieldListFilter), "targets__grade",
    )  # fmt: skip
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

    list_display = ("learner", "school_day", "status", "generated_at", "engine_version")
    list_filter = ("status", "school_day")
    search_fields = ("learner__username", "learner__last_name")
    list_select_related = ("learner",)
    date_hierarchy = "school_day"


@admin.register(PlaylistItem)
class PlaylistItemAdmin(ReadOnlyScopedAdmin):
    list_display = ("playlist", "position", "kind", "rule", "source", "target", "activity", "assessment",
                    "started_at", "completed_at")  # fmt: skip
    list_filter = ("kind", "rule", "source")
    search_fields = ("playlist__learner__username", "playlist__learner__last_name", "target__code")
    list_select_related = ("playlist__learner", "target", "activity", "assessment")
