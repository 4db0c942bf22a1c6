"""The dashboards' snapshots in the Django admin: read only, for checking what a dashboard was built from."""

from django.contrib import admin
from django.db import models

from analytics.models import GroupSnapshot, LearnerSnapshot, SnapshotBatch, SnapshotRun, TargetSnapshot
from learning_platform.admin_scoping import ReadOnlyScopedAdmin


@admin.register(SnapshotRun)
class SnapshotRunAdmin(ReadOnlyScopedAdmin):
    """Each school's snapshot of a date, batch by batch."""

    list_display = ("school", "as_of", "started_at", "finished_at", "requested_by", "batches_done")
    list_filter = ("as_of",)
    list_select_related = ("school", "requested_by")

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
    def batches_done(self, run: SnapshotRun) -> str:
        return f"{run.done} of {run.total}"


@admin.register(SnapshotBatch)
class SnapshotBatchAdmin(ReadOnlyScopedAdmin):
    list_display = ("run", "number", "sent_at", "done_at")
    list_filter = ("run__as_of",)
    list_select_related = ("run__school",)


@admin.register(LearnerSnapshot)
class LearnerSnapshotAdmin(ReadOnlyScopedAdmin):
    list_display = (
        "learner",
        "as_of",
        "school",
        "grade",
        "proficient",
        "grade_targets",
        "expected",
        "on_track",
        "growth",
        "minutes",
    )
    list_filter = ("as_of", "on_track", "grade")
    list_select_related = ("learner", "school")
    search_fields = ("learner__username", "learner__last_name")


@admin.register(GroupSnapshot)
class GroupSnapshotAdmin(ReadOnlyScopedAdmin):
    list_display = ("school", "as_of", "dimension", "label", "learners", "on_track", "active", "minutes")
    list_filter = ("as_of", "dimension")
    list_select_related = ("school",)


@admin.register(TargetSnapshot)
class TargetSnapshotAdmin(ReadOnlyScopedAdmin):
    list_display = ("school", "as_of", "target", "cohort", "assessed", "proficient")
    list_filter = ("as_of",)
    list_select_related = ("school", "target")
    search_fields = ("target__code",)
